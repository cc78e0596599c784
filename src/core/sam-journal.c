/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sam-json.h"
#include "sam-session.h"
#include "sam-store.h"

/*
 * SamJournal appends each committed edit of a session to the store before
 * the edit function returns.
 *
 * Ownership: the journal holds a reference on the store and on the session;
 * the session holds none on the journal (its ::committed handler carries a
 * plain pointer and is disconnected in dispose), so there is no cycle. The
 * owner of the document keeps the journal and drops it when the document
 * goes; dropping it keeps the journal in the store for a later recovery,
 * sam_journal_discard() removes it.
 *
 * When an append fails, that edit is missing from the journal, and replaying
 * later edits on top of the gap could build a wrong document. So after a
 * failure the journal is out of step: the next committed edit does not
 * append but rebases the journal onto the whole current document, which
 * brings it back in step with everything up to and including that edit.
 */

struct _SamJournal
{
  GObject     parent_instance;

  SamStore   *store;
  SamSession *session;
  char       *id;
  char       *uri;             /* NULL: as the store has it */
  gulong      committed_handler;

  guint       out_of_step : 1;  /* the store misses an edit */
  guint       failing : 1;      /* ::failed was emitted, nothing worked since */
};

G_DEFINE_TYPE (SamJournal, sam_journal, G_TYPE_OBJECT)

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GBytes *
serialize (SamSession *session)
{
  gsize length = 0;
  char *data = sam_json_save_data (session, &length);

  return g_bytes_new_take (data, length);
}

/* Makes the whole current document the journal's base. */
static gboolean
resync (SamJournal  *self,
        GError     **error)
{
  g_autoptr(GBytes) base = serialize (self->session);
  g_autoptr(GError) local_error = NULL;
  const char *title = sam_session_get_title (self->session);
  char *id;

  /* The current document holds edits that no file has. */
  if (sam_store_journal_rebase (self->store, self->id, self->uri, title, base,
                                SAM_JOURNAL_BASE_UNSAVED, &local_error))
    return TRUE;

  if (!g_error_matches (local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The journal is gone from the store (its database was replaced, say):
   * start a new one rather than lose what follows. */
  id = sam_store_journal_begin (self->store, self->uri != NULL ? self->uri : "",
                                title, base, SAM_JOURNAL_BASE_UNSAVED, error);
  if (id == NULL)
    return FALSE;

  g_free (self->id);
  self->id = id;
  return TRUE;
}

static void
succeeded (SamJournal *self)
{
  self->out_of_step = FALSE;
  self->failing = FALSE;
}

static void
session_committed_cb (SamSession         *session,
                      const char * const *ops,
                      gpointer            user_data)
{
  SamJournal *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->out_of_step)
    {
      ok = resync (self, &error);
    }
  else
    {
      ok = sam_store_journal_append (self->store, self->id, ops, &error);

      /* A journal that vanished from the store is replaced at once: it
       * costs no wait, unlike retrying a store that is locked or full. */
      if (!ok && g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          ok = resync (self, &error);
        }
    }

  if (ok)
    {
      succeeded (self);
      return;
    }

  self->out_of_step = TRUE;

  if (!self->failing)
    {
      self->failing = TRUE;
      g_signal_emit (self, signals[FAILED], 0, error);
    }
}

static void
attach (SamJournal *self,
        SamStore   *store,
        SamSession *session)
{
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
  self->committed_handler = g_signal_connect (session, "committed",
                                              G_CALLBACK (session_committed_cb), self);
}

static void
sam_journal_dispose (GObject *object)
{
  SamJournal *self = SAM_JOURNAL (object);

  g_clear_signal_handler (&self->committed_handler, self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_journal_parent_class)->dispose (object);
}

static void
sam_journal_finalize (GObject *object)
{
  SamJournal *self = SAM_JOURNAL (object);

  g_free (self->id);
  g_free (self->uri);

  G_OBJECT_CLASS (sam_journal_parent_class)->finalize (object);
}

static void
sam_journal_class_init (SamJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_journal_dispose;
  object_class->finalize = sam_journal_finalize;

  /**
   * SamJournal::failed:
   * @error: why the edit could not be written
   *
   * Emitted when a committed edit could not be written to the store; not
   * again until writing works again. The session itself goes on.
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
sam_journal_init (SamJournal *self)
{
}

/**
 * sam_journal_new:
 * @uri: the session's file, "" or %NULL if it was never saved
 * @base: the session's saved state (the file's bytes), or %NULL for the
 *   session as it is now
 *
 * Starts a journal for @session in @store.
 *
 * Returns: (transfer full) (nullable): the journal
 */
SamJournal *
sam_journal_new (SamStore    *store,
                 SamSession  *session,
                 const char  *uri,
                 GBytes      *base,
                 GError     **error)
{
  g_autoptr(SamJournal) self = NULL;
  g_autoptr(GBytes) current = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (base == NULL)
    base = current = serialize (session);

  self = g_object_new (SAM_TYPE_JOURNAL, NULL);
  self->uri = g_strdup (uri != NULL ? uri : "");
  /* A new session's own state needs no recovery until its first edit. */
  self->id = sam_store_journal_begin (store, self->uri, sam_session_get_title (session),
                                      base, SAM_JOURNAL_BASE_SAVED, error);
  if (self->id == NULL)
    return NULL;

  attach (self, store, session);
  return g_steal_pointer (&self);
}

/**
 * sam_journal_resume:
 * @session: the session recovered from @journal_id
 *
 * Continues the journal @journal_id with the edits of @session.
 *
 * Returns: (transfer full): the journal
 */
SamJournal *
sam_journal_resume (SamStore   *store,
                    SamSession *session,
                    const char *journal_id)
{
  SamJournal *self;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (journal_id != NULL, NULL);

  self = g_object_new (SAM_TYPE_JOURNAL, NULL);
  self->id = g_strdup (journal_id);

  attach (self, store, session);
  return self;
}

const char *
sam_journal_get_id (SamJournal *self)
{
  g_return_val_if_fail (SAM_IS_JOURNAL (self), NULL);

  return self->id;
}

/**
 * sam_journal_rebase:
 * @uri: (nullable): where the session was saved; %NULL keeps the file it had
 * @base: (nullable): what was saved (the file's bytes), or %NULL when the
 *   session was edited while it was being saved
 *
 * Call after a save: the saved state becomes the journal's base and the
 * edits it holds are dropped. With %NULL the session as it is now becomes
 * the base, marked as holding unsaved changes, so that recovery still
 * offers the edits the file missed.
 */
gboolean
sam_journal_rebase (SamJournal  *self,
                    const char  *uri,
                    GBytes      *base,
                    GError     **error)
{
  g_autoptr(GBytes) current = NULL;
  SamJournalBase kind = SAM_JOURNAL_BASE_SAVED;

  g_return_val_if_fail (SAM_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  if (base == NULL)
    {
      base = current = serialize (self->session);
      kind = SAM_JOURNAL_BASE_UNSAVED;
    }

  if (uri != NULL && g_strcmp0 (uri, self->uri) != 0)
    {
      g_free (self->uri);
      self->uri = g_strdup (uri);
    }

  if (!sam_store_journal_rebase (self->store, self->id, self->uri,
                                 sam_session_get_title (self->session), base, kind, error))
    return FALSE;

  succeeded (self);
  return TRUE;
}

/**
 * sam_journal_discard:
 *
 * Removes the journal from the store and stops following the session.
 */
gboolean
sam_journal_discard (SamJournal  *self,
                     GError     **error)
{
  g_return_val_if_fail (SAM_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (!sam_store_journal_discard (self->store, self->id, error))
    return FALSE;

  g_clear_signal_handler (&self->committed_handler, self->session);
  return TRUE;
}
