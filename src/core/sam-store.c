/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sam-entities.h"
#include "sam-json.h"
#include "sam-search.h"
#include "sam-session.h"
#include "sam-store.h"
#include "sam-template.h"

/*
 * The store is one SQLite database. Every statement is prepared once and kept
 * (an append must stay well under the time between two keystrokes), values are
 * always bound, never spliced into SQL text.
 *
 * Schema (version 4; docs/store.md tells what each version added):
 *
 *   recent       the library of known session files, one row per uri
 *   journals     one row per open session: its saved state (base) and the id
 *                of its root item, which lets an append keep the title current
 *   journal_ops  the operations of each journal since its base, in seq order
 *   templates    agenda templates, one row per name
 *   prompts      the prompt library, one row per text and format
 */

/* How long a statement waits for another program that holds the database
 * before it gives up with SAM_STORE_ERROR_LOCKED. */
#define BUSY_TIMEOUT_MS 2000

struct _SamStore
{
  GObject        parent_instance;

  char          *path;
  sqlite3       *db;
  int            schema_version;
  sqlite3_stmt **stmts;
};

G_DEFINE_TYPE (SamStore, sam_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (sam-store-error-quark, sam_store_error)

typedef enum {
  STMT_BEGIN_READ,
  STMT_BEGIN_WRITE,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_REMEMBER,
  STMT_FORGET,
  STMT_LIST_RECENT,
  STMT_JOURNAL_INSERT,
  STMT_JOURNAL_TOUCH,
  STMT_JOURNAL_SET_TITLE,
  STMT_JOURNAL_REBASE,
  STMT_JOURNAL_DELETE,
  STMT_JOURNAL_LIST,
  STMT_JOURNAL_GET,
  STMT_OP_INSERT,
  STMT_OPS_CLEAR,
  STMT_OPS_LIST,
  STMT_TEMPLATE_SAVE,
  STMT_TEMPLATE_LIST,
  STMT_TEMPLATE_LOAD,
  STMT_TEMPLATE_DELETE,
  STMT_TEMPLATE_FIND,
  STMT_PROMPT_SAVE,
  STMT_PROMPT_LIST,
  STMT_PROMPT_DELETE,
  STMT_PROMPT_TOUCH,
  N_STMTS
} Stmt;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_BEGIN_READ] = "BEGIN DEFERRED",
  [STMT_BEGIN_WRITE] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  /* last_opened only grows, so the list keeps the order in which sessions
   * were opened even when the clock steps back or two opens share a µs. */
  [STMT_REMEMBER] =
    "INSERT INTO recent (uri, title, date, last_opened) "
    "VALUES (?1, ?2, ?3, max(?4, (SELECT coalesce(max(last_opened), 0) + 1 FROM recent))) "
    "ON CONFLICT (uri) DO UPDATE SET "
    "title = excluded.title, date = excluded.date, last_opened = excluded.last_opened",
  [STMT_FORGET] = "DELETE FROM recent WHERE uri = ?1",
  [STMT_LIST_RECENT] =
    "SELECT uri, title, date, last_opened FROM recent "
    "ORDER BY last_opened DESC LIMIT ?1",
  [STMT_JOURNAL_INSERT] =
    "INSERT INTO journals (id, uri, title, session_id, base, created, updated, unsaved) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
  [STMT_JOURNAL_TOUCH] =
    "UPDATE journals SET updated = ?2 WHERE id = ?1 RETURNING session_id",
  [STMT_JOURNAL_SET_TITLE] = "UPDATE journals SET title = ?2 WHERE id = ?1",
  [STMT_JOURNAL_REBASE] =
    "UPDATE journals SET uri = coalesce(?2, uri), title = coalesce(?3, title), "
    "session_id = ?4, base = ?5, updated = ?6, unsaved = ?7 "
    "WHERE id = ?1",
  [STMT_JOURNAL_DELETE] = "DELETE FROM journals WHERE id = ?1",
  /* A base that holds changes no file has counts as one unsaved edit. */
  [STMT_JOURNAL_LIST] =
    "SELECT j.id, j.uri, j.title, j.updated, count(o.seq) + j.unsaved "
    "FROM journals AS j LEFT JOIN journal_ops AS o ON o.journal_id = j.id "
    "GROUP BY j.id HAVING count(o.seq) + j.unsaved > 0 ORDER BY j.updated DESC",
  [STMT_JOURNAL_GET] = "SELECT title, base FROM journals WHERE id = ?1",
  [STMT_OP_INSERT] =
    "INSERT INTO journal_ops (journal_id, seq, op) VALUES "
    "(?1, (SELECT coalesce(max(seq), 0) + 1 FROM journal_ops WHERE journal_id = ?1), ?2)",
  [STMT_OPS_CLEAR] = "DELETE FROM journal_ops WHERE journal_id = ?1",
  [STMT_OPS_LIST] = "SELECT op FROM journal_ops WHERE journal_id = ?1 ORDER BY seq",
  /* Saving under a name that exists replaces that template, keeping its id
   * and the time it was first made. */
  [STMT_TEMPLATE_SAVE] =
    "INSERT INTO templates (name, created, modified, n_items, duration, json) "
    "VALUES (?1, ?2, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (name) DO UPDATE SET "
    "modified = excluded.modified, n_items = excluded.n_items, "
    "duration = excluded.duration, json = excluded.json "
    "RETURNING id",
  [STMT_TEMPLATE_LIST] =
    "SELECT id, name, n_items, duration, created, modified FROM templates",
  [STMT_TEMPLATE_LOAD] = "SELECT name, json FROM templates WHERE id = ?1",
  [STMT_TEMPLATE_DELETE] = "DELETE FROM templates WHERE id = ?1",
  [STMT_TEMPLATE_FIND] = "SELECT id FROM templates WHERE name = ?1",
  /* A prompt saved again (same text and format) keeps its id and the time
   * it was first saved. last_used only grows, as in STMT_REMEMBER, so the
   * list keeps the order of saves and uses even when two share a µs. */
  [STMT_PROMPT_SAVE] =
    "INSERT INTO prompts (text, format, duration, group_size, starters, follow_ups, "
    "created, last_used) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
    "max(?7, (SELECT coalesce(max(last_used), 0) + 1 FROM prompts))) "
    "ON CONFLICT (text, format) DO UPDATE SET "
    "duration = excluded.duration, group_size = excluded.group_size, "
    "starters = excluded.starters, follow_ups = excluded.follow_ups, "
    "last_used = excluded.last_used "
    "RETURNING id",
  [STMT_PROMPT_LIST] =
    "SELECT id, text, format, duration, group_size, starters, follow_ups, last_used "
    "FROM prompts ORDER BY last_used DESC, id DESC",
  [STMT_PROMPT_DELETE] = "DELETE FROM prompts WHERE id = ?1",
  [STMT_PROMPT_TOUCH] =
    "UPDATE prompts SET last_used = max(?2, (SELECT max(last_used) + 1 FROM prompts)) "
    "WHERE id = ?1",
};

static const char schema_1[] =
  "CREATE TABLE recent ("
  "  uri         TEXT PRIMARY KEY NOT NULL,"
  "  title       TEXT NOT NULL DEFAULT '',"
  "  date        TEXT NOT NULL DEFAULT '',"
  "  last_opened INTEGER NOT NULL"
  ");"
  "CREATE INDEX recent_by_last_opened ON recent (last_opened);"
  "CREATE TABLE journals ("
  "  id          TEXT PRIMARY KEY NOT NULL,"
  "  uri         TEXT NOT NULL DEFAULT '',"
  "  title       TEXT NOT NULL DEFAULT '',"
  "  session_id  TEXT NOT NULL DEFAULT '',"
  "  base        BLOB NOT NULL,"
  "  created     INTEGER NOT NULL,"
  "  updated     INTEGER NOT NULL"
  ");"
  "CREATE TABLE journal_ops ("
  "  journal_id  TEXT NOT NULL REFERENCES journals (id) ON DELETE CASCADE,"
  "  seq         INTEGER NOT NULL,"
  "  op          TEXT NOT NULL,"
  "  PRIMARY KEY (journal_id, seq)"
  ") WITHOUT ROWID;";

/* A journal whose base is not the saved file (edits made during a save, or
 * caught up after the store could not be written) has something to recover
 * even before its first operation. */
static const char schema_2[] =
  "ALTER TABLE journals ADD COLUMN unsaved INTEGER NOT NULL DEFAULT 0;";

/* Agenda templates. AUTOINCREMENT: the id of a deleted template is never
 * given to another, so a list shown before the deletion cannot open the
 * wrong one. */
static const char schema_3[] =
  "CREATE TABLE templates ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name        TEXT NOT NULL UNIQUE,"
  "  created     INTEGER NOT NULL,"
  "  modified    INTEGER NOT NULL,"
  "  n_items     INTEGER NOT NULL,"
  "  duration    INTEGER NOT NULL,"
  "  json        TEXT NOT NULL"
  ");";

/* The prompt library. format is the SamPromptFormat nick (as in session
 * files), starters and follow_ups JSON arrays of strings. A text may be
 * kept once per format: saving it again updates that row. AUTOINCREMENT for
 * the same reason as templates. */
static const char schema_4[] =
  "CREATE TABLE prompts ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  text        TEXT NOT NULL,"
  "  format      TEXT NOT NULL,"
  "  duration    INTEGER NOT NULL,"
  "  group_size  INTEGER NOT NULL,"
  "  starters    TEXT NOT NULL DEFAULT '[]',"
  "  follow_ups  TEXT NOT NULL DEFAULT '[]',"
  "  created     INTEGER NOT NULL,"
  "  last_used   INTEGER NOT NULL,"
  "  UNIQUE (text, format)"
  ");"
  "CREATE INDEX prompts_by_last_used ON prompts (last_used);";

/* Errors */

static gboolean
set_db_error (SamStore    *self,
              GError     **error,
              int          rc)
{
  g_autofree char *name = g_filename_display_name (self->path);
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_LOCKED,
                   _("The library at %s is in use by another program (%s)"),
                   name, detail);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT,
                   _("The library at %s is damaged: %s"), name, detail);
      break;

    default:
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                   _("The library at %s cannot be used: %s"), name, detail);
      break;
    }

  return FALSE;
}

static gboolean
set_not_found (GError     **error,
               const char  *journal_id)
{
  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
               _("There is no journal “%s” in the library"), journal_id);
  return FALSE;
}

/* Statements */

static sqlite3_stmt *
get_stmt (SamStore  *self,
          Stmt       which,
          GError   **error)
{
  int rc;

  g_assert (which < N_STMTS);

  if (self->stmts[which] != NULL)
    return self->stmts[which];

  rc = sqlite3_prepare_v3 (self->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                           &self->stmts[which], NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (self, error, rc);
      sqlite3_finalize (self->stmts[which]);
      self->stmts[which] = NULL;
      return NULL;
    }

  return self->stmts[which];
}

static void
stmt_done (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_STATIC);
}

static void
bind_bytes (sqlite3_stmt *stmt,
            int           index,
            GBytes       *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  /* A NULL pointer would bind SQL NULL; an empty base is an empty blob. */
  sqlite3_bind_blob64 (stmt, index, data != NULL ? data : "", size, SQLITE_STATIC);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *) text : "");
}

/* Runs a statement that returns no rows. */
static gboolean
run_stmt (SamStore      *self,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  int rc = sqlite3_step (stmt);
  gboolean ok = rc == SQLITE_DONE || rc == SQLITE_ROW;

  /* The message first: a reset may replace it. */
  if (!ok)
    set_db_error (self, error, rc);
  stmt_done (stmt);

  return ok;
}

static gboolean
run (SamStore  *self,
     Stmt       which,
     GError   **error)
{
  sqlite3_stmt *stmt = get_stmt (self, which, error);

  return stmt != NULL && run_stmt (self, stmt, error);
}

static void
rollback (SamStore *self)
{
  /* A failed COMMIT or statement may already have ended the transaction. */
  if (!sqlite3_get_autocommit (self->db))
    run (self, STMT_ROLLBACK, NULL);
}

/* Commits, or rolls back and fails. Only after this returns TRUE is the
 * transaction on disk (synchronous=FULL syncs the WAL at each commit). */
static gboolean
commit (SamStore  *self,
        GError   **error)
{
  if (run (self, STMT_COMMIT, error))
    return TRUE;

  rollback (self);
  return FALSE;
}

/* Runs SQL text without parameters (pragmas and the schema). */
static gboolean
exec_sql (SamStore    *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_db_error (self, error, rc);

  return TRUE;
}

/* Runs a one-off query that returns one value in its first row. */
static gboolean
query_first (SamStore    *self,
             const char  *sql,
             char       **text,
             int         *number,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          if (text != NULL)
            *text = column_text (stmt, 0);
          if (number != NULL)
            *number = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          if (text != NULL)
            *text = g_strdup ("");
          if (number != NULL)
            *number = 0;
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return set_db_error (self, error, rc);

  return TRUE;
}

/* Opening and migrating */

static gboolean
refuse_newer (SamStore  *self,
              int        version,
              GError   **error)
{
  g_autofree char *name = NULL;

  if (version <= SAM_STORE_SCHEMA_VERSION)
    return TRUE;

  name = g_filename_display_name (self->path);
  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NEWER_SCHEMA,
               _("The library at %s was made by a newer version of Samling "
                 "(schema version %d; this version knows up to %d)"),
               name, version, SAM_STORE_SCHEMA_VERSION);
  return FALSE;
}

/* Brings the schema from @from to SAM_STORE_SCHEMA_VERSION one version at a
 * time, inside the caller's write transaction. A new version adds one case
 * and raises SAM_STORE_SCHEMA_VERSION; a step never edits an older one, so
 * every database, however old, walks the same path. */
static gboolean
migrate (SamStore  *self,
         int        from,
         GError   **error)
{
  g_autofree char *set_version = NULL;

  for (int version = from; version < SAM_STORE_SCHEMA_VERSION; version++)
    {
      const char *sql;

      switch (version)
        {
        case 0:
          sql = schema_1;
          break;

        case 1:
          sql = schema_2;
          break;

        case 2:
          sql = schema_3;
          break;

        case 3:
          sql = schema_4;
          break;

        default:
          g_assert_not_reached ();
        }

      if (!exec_sql (self, sql, error))
        return FALSE;
    }

  /* PRAGMA takes no parameters; the value is our own constant. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", SAM_STORE_SCHEMA_VERSION);
  return exec_sql (self, set_version, error);
}

static gboolean
check_integrity (SamStore  *self,
                 GError   **error)
{
  g_autofree char *result = NULL;
  g_autofree char *name = NULL;

  /* quick_check reads every page once but skips the costly index checks; it
   * catches a damaged file now, rather than in the middle of a recovery. */
  if (!query_first (self, "PRAGMA quick_check(1)", &result, NULL, error))
    return FALSE;

  if (g_str_equal (result, "ok"))
    return TRUE;

  name = g_filename_display_name (self->path);
  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT,
               _("The library at %s is damaged: %s"), name, result);
  return FALSE;
}

static gboolean
open_db (SamStore  *self,
         GError   **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *mode = NULL;
  int version = 0;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                   _("Cannot create the folder %s for the library: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (self->db == NULL)
    return set_db_error (self, error, SQLITE_NOMEM);
  if (rc != SQLITE_OK)
    return set_db_error (self, error, rc);

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* The first read finds a file that is no database at all, and a newer
   * schema is refused before anything is changed in the file. */
  if (!query_first (self, "PRAGMA user_version", NULL, &version, error) ||
      !refuse_newer (self, version, error) ||
      !check_integrity (self, error))
    return FALSE;

  if (!query_first (self, "PRAGMA journal_mode = WAL", &mode, NULL, error) ||
      !exec_sql (self, "PRAGMA synchronous = FULL", error) ||
      !exec_sql (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (g_ascii_strcasecmp (mode, "wal") != 0)
    g_debug ("The library at %s runs in journal mode %s", self->path, mode);

  /* The write lock also tells at once whether another program holds the
   * database: a store that cannot write is no use to the journal. */
  if (!run (self, STMT_BEGIN_WRITE, error))
    return FALSE;

  /* Read again under the lock: another process may have migrated meanwhile. */
  if (!query_first (self, "PRAGMA user_version", NULL, &version, error) ||
      !refuse_newer (self, version, error) ||
      (version < SAM_STORE_SCHEMA_VERSION && !migrate (self, version, error)))
    {
      rollback (self);
      return FALSE;
    }

  /* Journals without edits hold nothing to recover: those left by a session
   * that ended without discarding its journal (a crash before any edit) go.
   * Should one still belong to a session open elsewhere, its next edit
   * starts a new journal (see SamJournal). */
  if (!exec_sql (self,
                 "DELETE FROM journals WHERE unsaved = 0 AND NOT EXISTS "
                 "(SELECT 1 FROM journal_ops WHERE journal_id = journals.id)",
                 error))
    {
      rollback (self);
      return FALSE;
    }

  if (!commit (self, error))
    return FALSE;

  self->schema_version = SAM_STORE_SCHEMA_VERSION;
  return TRUE;
}

static void
sam_store_finalize (GObject *object)
{
  SamStore *self = SAM_STORE (object);

  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (self->stmts[i]);
  g_free (self->stmts);

  /* close_v2 never fails for lack of finalized statements. */
  sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (sam_store_parent_class)->finalize (object);
}

static void
sam_store_class_init (SamStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_store_finalize;
}

static void
sam_store_init (SamStore *self)
{
  self->stmts = g_new0 (sqlite3_stmt *, N_STMTS);
}

/**
 * sam_store_open:
 * @path: the database file; it and its folder are created if missing
 * @error: a #SamStoreError
 *
 * Opens the store, creating and migrating it as needed. A damaged file gives
 * %SAM_STORE_ERROR_CORRUPT, one held by another program
 * %SAM_STORE_ERROR_LOCKED (after waiting two seconds), one made by a newer
 * version %SAM_STORE_ERROR_NEWER_SCHEMA; the file is left as it was.
 *
 * Returns: (transfer full) (nullable): the store
 */
SamStore *
sam_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(SamStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SAM_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_db (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sam_store_default_path:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/samling/samling.db
 */
char *
sam_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "samling", "samling.db", NULL);
}

const char *
sam_store_get_path (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return self->path;
}

int
sam_store_get_schema_version (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), 0);

  return self->schema_version;
}

/* The library of known sessions */

void
sam_recent_free (SamRecent *recent)
{
  if (recent == NULL)
    return;

  g_free (recent->uri);
  g_free (recent->title);
  g_free (recent->date);
  g_free (recent);
}

/**
 * sam_store_remember:
 *
 * Adds @uri to the library as opened now, or refreshes its title, date and
 * time of opening.
 */
gboolean
sam_store_remember (SamStore    *self,
                    const char  *uri,
                    const char  *title,
                    const char  *date,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  if (!(stmt = get_stmt (self, STMT_REMEMBER, error)))
    return FALSE;

  bind_text (stmt, 1, uri);
  bind_text (stmt, 2, title);
  bind_text (stmt, 3, date);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());

  return run_stmt (self, stmt, error);
}

/**
 * sam_store_forget:
 *
 * Removes @uri from the library; %SAM_STORE_ERROR_NOT_FOUND if it was not
 * there.
 */
gboolean
sam_store_forget (SamStore    *self,
                  const char  *uri,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  if (!(stmt = get_stmt (self, STMT_FORGET, error)))
    return FALSE;

  bind_text (stmt, 1, uri);
  if (!run_stmt (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
                   _("%s is not in the library"), uri);
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_list_recent:
 * @limit: the most to return, 0 for all
 *
 * Returns: (transfer full) (element-type SamRecent): most recently opened first
 */
GPtrArray *
sam_store_list_recent (SamStore  *self,
                       guint      limit,
                       GError   **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  if (!(stmt = get_stmt (self, STMT_LIST_RECENT, error)))
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_recent_free);
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (sqlite3_int64) limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamRecent *recent = g_new0 (SamRecent, 1);

      recent->uri = column_text (stmt, 0);
      recent->title = column_text (stmt, 1);
      recent->date = column_text (stmt, 2);
      recent->last_opened = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (list, recent);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, rc);
      stmt_done (stmt);
      return NULL;
    }
  stmt_done (stmt);

  return g_steal_pointer (&list);
}

/* The journal */

void
sam_journal_entry_free (SamJournalEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->uri);
  g_free (entry->title);
  g_free (entry);
}

/* The "id" member of the root object of a session's JSON text, found
 * without parsing the whole document: an append then recognizes the edits
 * that rename the session. NULL when it cannot be found. */
static char *
find_root_id (GBytes *base)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (base, &length);
  int depth = 0;

  for (gsize i = 0; data != NULL && i < length; i++)
    {
      gsize start, end;

      switch (data[i])
        {
        case '{':
        case '[':
          depth++;
          continue;

        case '}':
        case ']':
          depth--;
          continue;

        case '"':
          break;

        default:
          continue;
        }

      start = ++i;
      while (i < length && data[i] != '"')
        i += data[i] == '\\' ? 2 : 1;
      if (i >= length)
        return NULL;
      end = i;

      if (depth != 1 || end - start != 2 || memcmp (data + start, "id", 2) != 0)
        continue;

      /* A member name is followed by a colon, a value is not. */
      for (i++; i < length && g_ascii_isspace (data[i]); i++)
        ;
      if (i >= length || data[i] != ':')
        continue;
      for (i++; i < length && g_ascii_isspace (data[i]); i++)
        ;
      if (i >= length || data[i] != '"')
        return NULL;

      start = ++i;
      while (i < length && data[i] != '"' && data[i] != '\\')
        i++;
      if (i >= length || data[i] != '"')
        return NULL;

      return g_strndup (data + start, i - start);
    }

  return NULL;
}

/* The new title if @op renames the session whose root has @session_id. */
static char *
op_new_title (const char *op,
              const char *session_id)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *value;

  if (session_id[0] == '\0' || strstr (op, "\"title\"") == NULL)
    return NULL;

  root = json_from_string (op, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "op", ""), "set") != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "member", ""), "title") != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "id", ""), session_id) != 0)
    return NULL;

  value = json_object_get_member (object, "value");
  if (value == NULL || json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (value));
}

/**
 * sam_store_journal_begin:
 * @uri: the session's file, "" if never saved
 * @base: the session's state as JSON text
 * @kind: whether @base is what the file holds or has unsaved changes
 *
 * Returns: (transfer full) (nullable): the new journal's id
 */
char *
sam_store_journal_begin (SamStore        *self,
                         const char      *uri,
                         const char      *title,
                         GBytes          *base,
                         SamJournalBase   kind,
                         GError         **error)
{
  g_autofree char *id = NULL;
  g_autofree char *session_id = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (base != NULL, NULL);

  if (!(stmt = get_stmt (self, STMT_JOURNAL_INSERT, error)))
    return NULL;

  id = g_uuid_string_random ();
  session_id = find_root_id (base);

  bind_text (stmt, 1, id);
  bind_text (stmt, 2, uri);
  bind_text (stmt, 3, title);
  bind_text (stmt, 4, session_id);
  bind_bytes (stmt, 5, base);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
  sqlite3_bind_int (stmt, 7, kind == SAM_JOURNAL_BASE_UNSAVED);

  if (!run_stmt (self, stmt, error))
    return NULL;

  return g_steal_pointer (&id);
}

/**
 * sam_store_journal_append:
 * @ops: (array zero-terminated=1): the journal operations of one edit
 *
 * Appends the operations of one edit in one transaction. When this returns
 * TRUE the edit is on disk; when it returns FALSE none of it is.
 */
gboolean
sam_store_journal_append (SamStore            *self,
                          const char          *journal_id,
                          const char * const  *ops,
                          GError             **error)
{
  g_autofree char *session_id = NULL;
  sqlite3_stmt *touch, *insert;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (journal_id != NULL, FALSE);

  if (ops == NULL || ops[0] == NULL)
    return TRUE;

  /* Prepared before the transaction, so a failure here leaves none open. */
  if (!(touch = get_stmt (self, STMT_JOURNAL_TOUCH, error)) ||
      !(insert = get_stmt (self, STMT_OP_INSERT, error)) ||
      !get_stmt (self, STMT_JOURNAL_SET_TITLE, error) ||
      !get_stmt (self, STMT_COMMIT, error) ||
      !get_stmt (self, STMT_ROLLBACK, error))
    return FALSE;

  if (!run (self, STMT_BEGIN_WRITE, error))
    return FALSE;

  bind_text (touch, 1, journal_id);
  sqlite3_bind_int64 (touch, 2, g_get_real_time ());
  rc = sqlite3_step (touch);
  if (rc == SQLITE_ROW)
    {
      session_id = column_text (touch, 0);
      rc = sqlite3_step (touch);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, rc);
      stmt_done (touch);
      goto fail;
    }
  stmt_done (touch);
  if (session_id == NULL)
    {
      set_not_found (error, journal_id);
      goto fail;
    }

  for (guint i = 0; ops[i] != NULL; i++)
    {
      g_autofree char *title = op_new_title (ops[i], session_id);

      if (title != NULL)
        {
          sqlite3_stmt *set_title = get_stmt (self, STMT_JOURNAL_SET_TITLE, error);

          bind_text (set_title, 1, journal_id);
          bind_text (set_title, 2, title);
          if (!run_stmt (self, set_title, error))
            goto fail;
        }

      bind_text (insert, 1, journal_id);
      bind_text (insert, 2, ops[i]);
      if (!run_stmt (self, insert, error))
        goto fail;
    }

  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

/**
 * sam_store_journal_rebase:
 *
 * @uri: (nullable): the session's file; %NULL keeps the one it had
 * @title: (nullable): the session's title; %NULL keeps the one it had
 *
 * @kind: whether @base is what the file holds or has unsaved changes
 *
 * Makes @base the journal's new starting point and drops its operations, in
 * one transaction.
 */
gboolean
sam_store_journal_rebase (SamStore        *self,
                          const char      *journal_id,
                          const char      *uri,
                          const char      *title,
                          GBytes          *base,
                          SamJournalBase   kind,
                          GError         **error)
{
  g_autofree char *session_id = NULL;
  sqlite3_stmt *update, *clear;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (journal_id != NULL, FALSE);
  g_return_val_if_fail (base != NULL, FALSE);

  if (!(update = get_stmt (self, STMT_JOURNAL_REBASE, error)) ||
      !(clear = get_stmt (self, STMT_OPS_CLEAR, error)) ||
      !run (self, STMT_BEGIN_WRITE, error))
    return FALSE;

  session_id = find_root_id (base);
  bind_text (update, 1, journal_id);
  if (uri != NULL)
    bind_text (update, 2, uri);
  if (title != NULL)
    bind_text (update, 3, title);
  bind_text (update, 4, session_id);
  bind_bytes (update, 5, base);
  sqlite3_bind_int64 (update, 6, g_get_real_time ());
  sqlite3_bind_int (update, 7, kind == SAM_JOURNAL_BASE_UNSAVED);
  if (!run_stmt (self, update, error))
    goto fail;

  if (sqlite3_changes (self->db) == 0)
    {
      set_not_found (error, journal_id);
      goto fail;
    }

  bind_text (clear, 1, journal_id);
  if (!run_stmt (self, clear, error))
    goto fail;

  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

/**
 * sam_store_journal_discard:
 *
 * Deletes the journal and its operations.
 */
gboolean
sam_store_journal_discard (SamStore    *self,
                           const char  *journal_id,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (journal_id != NULL, FALSE);

  if (!(stmt = get_stmt (self, STMT_JOURNAL_DELETE, error)))
    return FALSE;

  /* foreign_keys=ON: the operations go with it (ON DELETE CASCADE). */
  bind_text (stmt, 1, journal_id);
  if (!run_stmt (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    return set_not_found (error, journal_id);

  return TRUE;
}

/**
 * sam_store_journal_list:
 *
 * Returns: (transfer full) (element-type SamJournalEntry): the journals that
 *   hold unsaved edits, most recently edited first
 */
GPtrArray *
sam_store_journal_list (SamStore  *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  if (!(stmt = get_stmt (self, STMT_JOURNAL_LIST, error)))
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_journal_entry_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamJournalEntry *entry = g_new0 (SamJournalEntry, 1);

      entry->id = column_text (stmt, 0);
      entry->uri = column_text (stmt, 1);
      entry->title = column_text (stmt, 2);
      entry->updated = sqlite3_column_int64 (stmt, 3);
      entry->n_ops = (guint) CLAMP (sqlite3_column_int64 (stmt, 4), 0, G_MAXUINT);
      g_ptr_array_add (list, entry);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, rc);
      stmt_done (stmt);
      return NULL;
    }
  stmt_done (stmt);

  return g_steal_pointer (&list);
}

/* Reads a journal's title, base and operations in one read transaction, so
 * they belong together even if another program writes meanwhile. */
static gboolean
read_journal (SamStore    *self,
              const char  *journal_id,
              char       **title,
              GBytes     **base,
              GPtrArray  **ops,
              GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *get, *each;
  int rc;

  if (!(get = get_stmt (self, STMT_JOURNAL_GET, error)) ||
      !(each = get_stmt (self, STMT_OPS_LIST, error)) ||
      !run (self, STMT_BEGIN_READ, error))
    return FALSE;

  bind_text (get, 1, journal_id);
  rc = sqlite3_step (get);
  if (rc == SQLITE_ROW)
    {
      gsize size = (gsize) sqlite3_column_bytes (get, 1);
      const void *blob = sqlite3_column_blob (get, 1);
      /* NUL-terminated as well, for parsers that want it. */
      char *copy = g_malloc (size + 1);

      if (size > 0)
        memcpy (copy, blob, size);
      copy[size] = '\0';

      *title = column_text (get, 0);
      *base = g_bytes_new_take (copy, size);
    }

  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        set_not_found (error, journal_id);
      else
        set_db_error (self, error, rc);
      stmt_done (get);
      rollback (self);
      return FALSE;
    }
  stmt_done (get);

  list = g_ptr_array_new_with_free_func (g_free);
  bind_text (each, 1, journal_id);
  while ((rc = sqlite3_step (each)) == SQLITE_ROW)
    g_ptr_array_add (list, column_text (each, 0));

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, rc);
      stmt_done (each);
      rollback (self);
      g_clear_pointer (title, g_free);
      g_clear_pointer (base, g_bytes_unref);
      return FALSE;
    }
  stmt_done (each);
  /* Ends the read transaction; nothing was written. */
  rollback (self);

  *ops = g_steal_pointer (&list);
  return TRUE;
}

/**
 * sam_store_journal_recover:
 *
 * Rebuilds the session of a journal: its base, loaded as a file is, with
 * every operation replayed in order. Fails as a whole, naming the operation
 * that could not be replayed, rather than return part of the edits.
 *
 * Returns: (transfer full) (nullable): the session, marked dirty
 */
SamSession *
sam_store_journal_recover (SamStore    *self,
                           const char  *journal_id,
                           GError     **error)
{
  g_autofree char *title = NULL;
  g_autoptr(GBytes) base = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(SamSession) session = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (journal_id != NULL, NULL);

  if (!read_journal (self, journal_id, &title, &base, &ops, error))
    return NULL;

  name = title[0] != '\0' ? title : _("Untitled Session");
  data = g_bytes_get_data (base, &length);

  session = sam_json_load_data (data, length, &local_error);
  if (session == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                   _("The unsaved changes of “%s” cannot be recovered: "
                     "the saved state they start from cannot be read: %s"),
                   name, local_error->message);
      return NULL;
    }

  for (guint i = 0; i < ops->len; i++)
    {
      if (!sam_session_apply_op (session, g_ptr_array_index (ops, i), &local_error))
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                       _("The unsaved changes of “%s” cannot be recovered: "
                         "change %u of %u cannot be replayed: %s"),
                       name, i + 1, ops->len, local_error->message);
          return NULL;
        }
    }

  /* A session that could not be saved again would lose the edits later. */
  if (!sam_session_check_references (session, &local_error))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                   _("The unsaved changes of “%s” cannot be recovered: "
                     "the result is inconsistent: %s"),
                   name, local_error->message);
      return NULL;
    }

  sam_session_mark_dirty (session);
  return g_steal_pointer (&session);
}

/* Agenda templates */

void
sam_template_info_free (SamTemplateInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->name);
  g_free (info->collate_key);
  g_free (info);
}

static gboolean
set_template_not_found (GError **error)
{
  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
               _("The template is no longer in the library"));
  return FALSE;
}

/**
 * sam_store_save_template:
 * @name: the template's name, not empty; a template of that name is replaced
 * @json: the template, as sam_template_build() makes it
 *
 * Checks @json with sam_template_inspect() (a broken template is refused
 * with its SAM_JSON_ERROR) and keeps it under @name.
 *
 * Returns: the template's id (greater than 0), or 0 on error
 */
gint64
sam_store_save_template (SamStore    *self,
                         const char  *name,
                         const char  *json,
                         GError     **error)
{
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  guint n_items = 0, duration = 0;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (json != NULL, 0);

  stripped = g_strstrip (g_strdup (name));
  if (stripped[0] == '\0' || !g_utf8_validate (name, -1, NULL) || !g_str_equal (stripped, name))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("A template needs a name that does not begin or end with a space"));
      return 0;
    }

  if (!sam_template_inspect (json, strlen (json), &n_items, &duration, error))
    return 0;

  if (!(stmt = get_stmt (self, STMT_TEMPLATE_SAVE, error)))
    return 0;

  bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 3, n_items);
  sqlite3_bind_int64 (stmt, 4, duration);
  bind_text (stmt, 5, json);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, rc);
      stmt_done (stmt);
      return 0;
    }
  stmt_done (stmt);

  return id;
}

static int
compare_templates (gconstpointer a,
                   gconstpointer b)
{
  const SamTemplateInfo *x = *(SamTemplateInfo * const *) a;
  const SamTemplateInfo *y = *(SamTemplateInfo * const *) b;
  int order = strcmp (x->collate_key, y->collate_key);

  return order != 0 ? order : strcmp (x->name, y->name);
}

/**
 * sam_store_list_templates:
 *
 * Returns: (transfer full) (element-type SamTemplateInfo): the templates, in
 *   the alphabetical order of the user's language
 */
GPtrArray *
sam_store_list_templates (SamStore  *self,
                          GError   **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  if (!(stmt = get_stmt (self, STMT_TEMPLATE_LIST, error)))
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_template_info_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamTemplateInfo *info = g_new0 (SamTemplateInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = column_text (stmt, 1);
      info->n_items = (guint) CLAMP (sqlite3_column_int64 (stmt, 2), 0, G_MAXUINT);
      info->duration = (guint) CLAMP (sqlite3_column_int64 (stmt, 3), 0, G_MAXUINT);
      info->created = sqlite3_column_int64 (stmt, 4);
      info->modified = sqlite3_column_int64 (stmt, 5);
      info->collate_key = g_utf8_collate_key (info->name, -1);
      g_ptr_array_add (list, info);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, rc);
      stmt_done (stmt);
      return NULL;
    }
  stmt_done (stmt);

  g_ptr_array_sort (list, compare_templates);

  return g_steal_pointer (&list);
}

/**
 * sam_store_load_template:
 * @name: (out) (optional) (transfer full): the template's name
 *
 * Returns: (transfer full) (nullable): the template's JSON text;
 *   %SAM_STORE_ERROR_NOT_FOUND if there is no template @id
 */
char *
sam_store_load_template (SamStore    *self,
                         gint64       id,
                         char       **name,
                         GError     **error)
{
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  if (!(stmt = get_stmt (self, STMT_TEMPLATE_LOAD, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (name != NULL)
        *name = column_text (stmt, 0);
      json = column_text (stmt, 1);
      rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, rc);
      stmt_done (stmt);
      if (name != NULL)
        g_clear_pointer (name, g_free);
      return NULL;
    }
  stmt_done (stmt);

  if (json == NULL)
    {
      set_template_not_found (error);
      return NULL;
    }

  return g_steal_pointer (&json);
}

/**
 * sam_store_delete_template:
 *
 * Returns: whether template @id was deleted; %SAM_STORE_ERROR_NOT_FOUND if
 *   there was none
 */
gboolean
sam_store_delete_template (SamStore  *self,
                           gint64     id,
                           GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (!(stmt = get_stmt (self, STMT_TEMPLATE_DELETE, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!run_stmt (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    return set_template_not_found (error);

  return TRUE;
}

/**
 * sam_store_find_template_by_name:
 * @id: (out) (optional): the template's id
 *
 * Returns: whether a template is called @name (exactly); FALSE with
 *   %SAM_STORE_ERROR_NOT_FOUND if none is, or with another error
 */
gboolean
sam_store_find_template_by_name (SamStore    *self,
                                 const char  *name,
                                 gint64      *id,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!(stmt = get_stmt (self, STMT_TEMPLATE_FIND, error)))
    return FALSE;

  bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, rc);
      stmt_done (stmt);
      return FALSE;
    }
  stmt_done (stmt);

  if (found == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
                   _("There is no template “%s” in the library"), name);
      return FALSE;
    }

  if (id != NULL)
    *id = found;
  return TRUE;
}

/* The prompt library */

void
sam_prompt_info_free (SamPromptInfo *info)
{
  if (info == NULL)
    return;

  g_clear_object (&info->prompt);
  g_free (info);
}

static gboolean
set_prompt_not_found (GError **error)
{
  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND,
               _("The prompt is no longer in the library"));
  return FALSE;
}

static char *
strv_to_json (const char * const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* A column that is not an array of strings (written by hand, or damaged)
 * costs the prompt its starters, not the whole list. */
static char **
strv_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) strv = g_strv_builder_new ();
  JsonNode *root;

  if (json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL &&
      JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (strv, json_node_get_string (element));
        }
    }

  return g_strv_builder_end (strv);
}

/* SQLite's LIKE folds only ASCII, which is why the search runs here
 * rather than in SQL. */
static gboolean
prompt_matches (SamItem   *prompt,
                SamSearch *search)
{
  g_autoptr(GString) all = g_string_new (sam_item_get_string (prompt, "text"));
  const char * const *lists[] = {
    sam_item_get_strv (prompt, "starters"),
    sam_item_get_strv (prompt, "follow-ups"),
  };

  /* A word has no spaces, so none can match across the line breaks. */
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (guint j = 0; lists[i] != NULL && lists[i][j] != NULL; j++)
      g_string_append_printf (all, "\n%s", lists[i][j]);

  return sam_search_matches (search, all->str);
}

/* A value from the database, brought within the property's range: setting
 * one outside it would only warn and leave the default. */
static int
clamp_to_property (SamItem    *item,
                   const char *name,
                   gint64      value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), name);
  GParamSpecInt *int_spec = G_PARAM_SPEC_INT (pspec);

  return (int) CLAMP (value, int_spec->minimum, int_spec->maximum);
}

static SamItem *
prompt_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GEnumClass) formats = g_type_class_ref (SAM_TYPE_PROMPT_FORMAT);
  const char *nick = (const char *) sqlite3_column_text (stmt, 2);
  GEnumValue *format = g_enum_get_value_by_nick (formats, nick != NULL ? nick : "");
  g_autofree char *text = column_text (stmt, 1);
  g_auto(GStrv) starters = NULL;
  g_auto(GStrv) follow_ups = NULL;
  g_autofree char *starters_json = column_text (stmt, 5);
  g_autofree char *follow_ups_json = column_text (stmt, 6);
  SamItem *prompt = sam_item_new (SAM_TYPE_PROMPT, NULL);

  starters = strv_from_json (starters_json);
  follow_ups = strv_from_json (follow_ups_json);

  /* A format this version does not know (saved by a newer one) shows as the
   * default rather than hiding the prompt. */
  if (format != NULL)
    g_object_set (prompt, "format", format->value, NULL);

  g_object_set (prompt,
                "text", text,
                "duration", clamp_to_property (prompt, "duration", sqlite3_column_int64 (stmt, 3)),
                "group-size", clamp_to_property (prompt, "group-size", sqlite3_column_int64 (stmt, 4)),
                "starters", starters,
                "follow-ups", follow_ups,
                NULL);

  return prompt;
}

/**
 * sam_store_save_prompt:
 * @prompt: a #SamPrompt whose text is not empty
 *
 * Keeps @prompt in the library. A prompt with the same text and format is
 * updated (its duration, group size, starters and follow-ups replaced)
 * rather than kept twice. Either way it comes first in the list.
 *
 * Returns: the prompt's id (greater than 0), or 0 on error
 */
gint64
sam_store_save_prompt (SamStore  *self,
                       SamItem   *prompt,
                       GError   **error)
{
  g_autoptr(GEnumClass) formats = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *starters = NULL;
  g_autofree char *follow_ups = NULL;
  const char *text;
  GEnumValue *format;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), 0);
  g_return_val_if_fail (SAM_IS_PROMPT (prompt), 0);

  text = sam_item_get_string (prompt, "text");
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (stripped[0] == '\0' || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("A prompt needs a text"));
      return 0;
    }

  formats = g_type_class_ref (SAM_TYPE_PROMPT_FORMAT);
  format = g_enum_get_value (formats, sam_item_get_enum (prompt, "format"));
  g_assert (format != NULL);

  starters = strv_to_json (sam_item_get_strv (prompt, "starters"));
  follow_ups = strv_to_json (sam_item_get_strv (prompt, "follow-ups"));

  if (!(stmt = get_stmt (self, STMT_PROMPT_SAVE, error)))
    return 0;

  bind_text (stmt, 1, text);
  bind_text (stmt, 2, format->value_nick);
  sqlite3_bind_int64 (stmt, 3, sam_item_get_int (prompt, "duration"));
  sqlite3_bind_int64 (stmt, 4, sam_item_get_int (prompt, "group-size"));
  bind_text (stmt, 5, starters);
  bind_text (stmt, 6, follow_ups);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time ());

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, rc);
      stmt_done (stmt);
      return 0;
    }
  stmt_done (stmt);

  return id;
}

/**
 * sam_store_list_prompts:
 * @query: (nullable): words to look for; %NULL or "" for every prompt
 *
 * Lists the library, most recently saved or used first. Each word of
 * @query must occur in the prompt's text, starters or follow-ups (in any of
 * them), whatever its case.
 *
 * Returns: (transfer full) (element-type SamPromptInfo): the prompts
 */
GPtrArray *
sam_store_list_prompts (SamStore    *self,
                        const char  *query,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SamSearch) search = sam_search_new (query);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  sam_entities_init ();

  if (!(stmt = get_stmt (self, STMT_PROMPT_LIST, error)))
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_prompt_info_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SamItem) prompt = prompt_from_row (stmt);
      SamPromptInfo *info;

      if (!prompt_matches (prompt, search))
        continue;

      info = g_new0 (SamPromptInfo, 1);
      info->id = sqlite3_column_int64 (stmt, 0);
      info->prompt = g_steal_pointer (&prompt);
      info->last_used = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (list, info);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, rc);
      stmt_done (stmt);
      return NULL;
    }
  stmt_done (stmt);

  return g_steal_pointer (&list);
}

/* Runs the statement on prompt @id, failing when there is none. */
static gboolean
change_prompt (SamStore  *self,
               Stmt       which,
               gint64     id,
               GError   **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, which, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (which == STMT_PROMPT_TOUCH)
    sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  if (!run_stmt (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    return set_prompt_not_found (error);

  return TRUE;
}

/**
 * sam_store_delete_prompt:
 *
 * Returns: whether prompt @id was deleted; %SAM_STORE_ERROR_NOT_FOUND if
 *   there was none
 */
gboolean
sam_store_delete_prompt (SamStore  *self,
                         gint64     id,
                         GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return change_prompt (self, STMT_PROMPT_DELETE, id, error);
}

/**
 * sam_store_touch_prompt:
 *
 * Marks prompt @id as used now (say, inserted into a session), which puts
 * it first in the list.
 *
 * Returns: %SAM_STORE_ERROR_NOT_FOUND if there is no prompt @id
 */
gboolean
sam_store_touch_prompt (SamStore  *self,
                        gint64     id,
                        GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return change_prompt (self, STMT_PROMPT_TOUCH, id, error);
}
