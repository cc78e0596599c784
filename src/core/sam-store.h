/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sam-types.h"

G_BEGIN_DECLS

/*
 * The embedded SQLite store under the user data directory: the library of
 * known sessions (behind the start page's recent list), the crash-recovery
 * journal, the agenda templates and the prompt library. The database runs
 * in WAL mode with synchronous=FULL, so a journal append that returned TRUE
 * survives a crash, a kill or a power cut.
 */

#define SAM_STORE_SCHEMA_VERSION 4

#define SAM_STORE_ERROR (sam_store_error_quark ())
GQuark sam_store_error_quark (void);

typedef enum {
  SAM_STORE_ERROR_CORRUPT,        /* not a database, or damaged */
  SAM_STORE_ERROR_LOCKED,         /* another process holds it */
  SAM_STORE_ERROR_NEWER_SCHEMA,   /* made by a newer Samling */
  SAM_STORE_ERROR_FAILED,         /* anything else (disk full, I/O …) */
  SAM_STORE_ERROR_NOT_FOUND,
  SAM_STORE_ERROR_INVALID,        /* a value the store refuses (an empty name) */
} SamStoreError;

#define SAM_TYPE_STORE (sam_store_get_type ())
G_DECLARE_FINAL_TYPE (SamStore, sam_store, SAM, STORE, GObject)

/* Opens (creating and migrating as needed) the store at @path. */
SamStore   *sam_store_open             (const char   *path,
                                        GError      **error);
/* The default place: $XDG_DATA_HOME/samling/samling.db */
char       *sam_store_default_path     (void);
const char *sam_store_get_path         (SamStore     *self);
int         sam_store_get_schema_version (SamStore   *self);

typedef struct {
  char   *uri;
  char   *title;
  char   *date;         /* the session's date, "YYYY-MM-DD" or "" */
  gint64  last_opened;  /* µs since the epoch */
} SamRecent;
void        sam_recent_free            (SamRecent    *recent);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamRecent, sam_recent_free)

/* Remembers (or refreshes) a session file as opened now. */
gboolean    sam_store_remember         (SamStore     *self,
                                        const char   *uri,
                                        const char   *title,
                                        const char   *date,
                                        GError      **error);
gboolean    sam_store_forget           (SamStore     *self,
                                        const char   *uri,
                                        GError      **error);
/* Most recently opened first; a GPtrArray of SamRecent. */
GPtrArray  *sam_store_list_recent      (SamStore     *self,
                                        guint         limit,
                                        GError      **error);

typedef struct {
  char   *id;
  char   *uri;          /* "" for a session never saved */
  char   *title;
  guint   n_ops;        /* unsaved edits */
  gint64  updated;      /* µs since the epoch */
} SamJournalEntry;
void        sam_journal_entry_free     (SamJournalEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamJournalEntry, sam_journal_entry_free)

/* What a journal's base is: the saved file's bytes (or a new session with
 * nothing in it worth recovering), or a state with changes that no file
 * holds, which recovery must offer even before the first operation. */
typedef enum {
  SAM_JOURNAL_BASE_SAVED,
  SAM_JOURNAL_BASE_UNSAVED,
} SamJournalBase;

/* Starts a journal for a session whose state is @base. Returns the
 * journal's id. */
char       *sam_store_journal_begin    (SamStore     *self,
                                        const char   *uri,
                                        const char   *title,
                                        GBytes       *base,
                                        SamJournalBase kind,
                                        GError      **error);
/* Appends the operations of one edit in one durable transaction. */
gboolean    sam_store_journal_append   (SamStore     *self,
                                        const char   *journal_id,
                                        const char * const *ops,
                                        GError      **error);
/* After a save: @base becomes the new starting point, the operations go. */
gboolean    sam_store_journal_rebase   (SamStore     *self,
                                        const char   *journal_id,
                                        const char   *uri,
                                        const char   *title,
                                        GBytes       *base,
                                        SamJournalBase kind,
                                        GError      **error);
gboolean    sam_store_journal_discard  (SamStore     *self,
                                        const char   *journal_id,
                                        GError      **error);
/* Journals that hold unsaved edits (an unsaved base counts as one); a
 * GPtrArray of SamJournalEntry. */
GPtrArray  *sam_store_journal_list     (SamStore     *self,
                                        GError      **error);
/* Rebuilds the session of a journal: its base with every operation replayed.
 * The result is marked dirty. */
SamSession *sam_store_journal_recover  (SamStore     *self,
                                        const char   *journal_id,
                                        GError      **error);

typedef struct {
  gint64  id;
  char   *name;
  guint   n_items;      /* agenda items */
  guint   duration;     /* their planned duration, in seconds */
  gint64  created;      /* µs since the epoch */
  gint64  modified;     /* µs since the epoch, the last save under this name */
  /*< private >*/
  char   *collate_key;
} SamTemplateInfo;
void        sam_template_info_free     (SamTemplateInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamTemplateInfo, sam_template_info_free)

/* Agenda templates (see sam-template.h). Saving under a name that exists
 * replaces that template; @json is checked first. Returns the id, 0 on
 * error. */
gint64      sam_store_save_template    (SamStore     *self,
                                        const char   *name,
                                        const char   *json,
                                        GError      **error);
/* By name, in the user's alphabetical order; a GPtrArray of SamTemplateInfo. */
GPtrArray  *sam_store_list_templates   (SamStore     *self,
                                        GError      **error);
/* The template's JSON text (and, if @name is not NULL, its name). */
char       *sam_store_load_template    (SamStore     *self,
                                        gint64        id,
                                        char        **name,
                                        GError      **error);
gboolean    sam_store_delete_template  (SamStore     *self,
                                        gint64        id,
                                        GError      **error);
/* SAM_STORE_ERROR_NOT_FOUND when no template has exactly this name. */
gboolean    sam_store_find_template_by_name (SamStore   *self,
                                             const char *name,
                                             gint64     *id,
                                             GError    **error);

typedef struct {
  gint64   id;
  SamItem *prompt;      /* a new SamPrompt, in no session */
  gint64   last_used;   /* µs since the epoch, the last save or use */
} SamPromptInfo;
void        sam_prompt_info_free       (SamPromptInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamPromptInfo, sam_prompt_info_free)

/* The prompt library: reusable prompts (SamPrompt items) kept across
 * sessions. Saving a prompt whose text and format are already in the
 * library updates that one. Returns the id, 0 on error. */
gint64      sam_store_save_prompt      (SamStore     *self,
                                        SamItem      *prompt,
                                        GError      **error);
/* Most recently saved or used first; a GPtrArray of SamPromptInfo. With a
 * @query, only the prompts whose text, starters or follow-ups hold every
 * word of it, ignoring case and accents (see sam-search.h). */
GPtrArray  *sam_store_list_prompts     (SamStore     *self,
                                        const char   *query,
                                        GError      **error);
gboolean    sam_store_delete_prompt    (SamStore     *self,
                                        gint64        id,
                                        GError      **error);
/* Marks prompt @id as used now, which moves it to the top of the list. */
gboolean    sam_store_touch_prompt     (SamStore     *self,
                                        gint64        id,
                                        GError      **error);

/*
 * SamJournal ties one open session to the store: each committed edit of the
 * session is appended before the edit function returns. If appending fails,
 * ::failed is emitted (once until it works again) and the session goes on.
 */
#define SAM_TYPE_JOURNAL (sam_journal_get_type ())
G_DECLARE_FINAL_TYPE (SamJournal, sam_journal, SAM, JOURNAL, GObject)

SamJournal *sam_journal_new            (SamStore     *store,
                                        SamSession   *session,
                                        const char   *uri,
                                        GBytes       *base,
                                        GError      **error);
/* Continues an existing journal (after recovery). */
SamJournal *sam_journal_resume         (SamStore     *store,
                                        SamSession   *session,
                                        const char   *journal_id);
const char *sam_journal_get_id         (SamJournal   *self);
gboolean    sam_journal_rebase         (SamJournal   *self,
                                        const char   *uri,
                                        GBytes       *base,
                                        GError      **error);
/* Ends the journal for good (the session was saved and closed, or its
 * changes discarded). */
gboolean    sam_journal_discard        (SamJournal   *self,
                                        GError      **error);

G_END_DECLS
