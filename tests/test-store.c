/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sam-history.h"
#include "sam-json.h"
#include "sam-session.h"
#include "sam-store.h"
#include "store-test-util.h"

/* Helpers */

static SamItem *
add (SamSession *session,
     gpointer    parent,
     const char *list,
     GType       type)
{
  g_autoptr(SamItem) item = sam_item_new (type, NULL);

  sam_session_insert (session, parent, list, G_MAXUINT, item);
  return item;
}

static GBytes *
serialize (SamSession *session)
{
  gsize length = 0;
  char *data = sam_json_save_data (session, &length);

  return g_bytes_new_take (data, length);
}

static SamJournal *
start_journal (SamStore   *store,
               SamSession *session)
{
  g_autoptr(GBytes) base = serialize (session);
  g_autoptr(GError) error = NULL;
  SamJournal *journal = sam_journal_new (store, session, "", base, &error);

  g_assert_no_error (error);
  g_assert_nonnull (journal);
  return journal;
}

static SamSession *
recover (SamStore   *store,
         const char *journal_id)
{
  g_autoptr(GError) error = NULL;
  SamSession *session = sam_store_journal_recover (store, journal_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  return session;
}

static void
assert_recovers (SamStore   *store,
                 const char *journal_id,
                 SamSession *live)
{
  g_autoptr(SamSession) recovered = recover (store, journal_id);

  g_assert_true (sam_item_equal (SAM_ITEM (recovered), SAM_ITEM (live)));
  g_assert_true (sam_session_get_dirty (recovered));
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* Opening, schema */

static void
test_open_create (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "samling.db", NULL);
  g_autofree char *parent = g_path_get_dirname (nested);
  g_autoptr(SamStore) store = open_store (nested);
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  GStatBuf st;

  g_assert_cmpstr (sam_store_get_path (store), ==, nested);
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (SAM_STORE_SCHEMA_VERSION, ==, 4);

  /* The folder is created, private to the user. */
  g_assert_cmpint (g_stat (parent, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  db = other_connection (nested);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM templates"), ==, 0);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_open_reopen (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamStore) again = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  SamRecent *first;

  g_assert_true (sam_store_remember (store, "file:///tmp/a.samling", "Kraftsamling", "2024-03-14", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  again = open_store (f->path);
  g_assert_cmpint (sam_store_get_schema_version (again), ==, SAM_STORE_SCHEMA_VERSION);
  recent = sam_store_list_recent (again, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 1);
  first = g_ptr_array_index (recent, 0);
  g_assert_cmpstr (first->uri, ==, "file:///tmp/a.samling");
  g_assert_cmpstr (first->title, ==, "Kraftsamling");
  g_assert_cmpstr (first->date, ==, "2024-03-14");
  g_assert_cmpint (first->last_opened, >, 0);
}

static void
test_default_path (void)
{
  g_autofree char *path = sam_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "samling", "samling.db", NULL);

  g_assert_cmpstr (path, ==, expected);
  /* main() points XDG_DATA_HOME into a temporary folder. */
  g_assert_true (g_str_has_prefix (path, g_get_tmp_dir ()));
}

static void
test_schema_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db = other_connection (f->path);

  exec_ok (db, "CREATE TABLE future (x); PRAGMA user_version = 99");
  sqlite3_close (db);
  before = read_file (f->path, &before_len);

  store = sam_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_nonnull (strstr (error->message, f->path));

  after = read_file (f->path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);

  db = other_connection (f->path);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 99);
  sqlite3_close (db);
}

static void
assert_refused_untouched (const char   *path,
                          const char   *contents,
                          gsize         length,
                          int           code)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gsize after_len;

  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  store = sam_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SAM_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));

  after = read_file (path, &after_len);
  g_assert_cmpmem (contents, length, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_corrupt_garbage (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240314);
  guint8 bytes[8192];

  for (gsize i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);

  assert_refused_untouched (f->path, (const char *) bytes, sizeof bytes, SAM_STORE_ERROR_CORRUPT);
}

static void
test_corrupt_text (Fixture       *f,
                   gconstpointer  data)
{
  const char *text =
    "Det här är ingen databas, bara anteckningar från en samling.\n"
    "Frågor om processen, förslag, vilka fler borde vi bjuda in?\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;

  assert_refused_untouched (f->path, text, strlen (text), SAM_STORE_ERROR_CORRUPT);

  store = sam_store_open (f->path, &error);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, "The library at "));
  g_assert_nonnull (strstr (error->message, "is damaged"));
}

/* A store whose pages were overwritten after it was written: the damage is
 * found when it is opened, not in the middle of a recovery. */
static void
test_corrupt_pages (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GBytes) base = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *uri = g_strdup_printf ("file:///sessions/%u.samling", i);

      g_assert_true (sam_store_remember (store, uri, "Samling", "2024-03-14", NULL));
    }
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (big, "%u,", i);
  base = g_bytes_new (big->str, big->len);
  id = sam_store_journal_begin (store, "", "x", base, SAM_JOURNAL_BASE_SAVED, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  contents = read_file (f->path, &length);
  g_assert_cmpuint (length, >, 16 * 4096);
  /* Pages 3 to 12: inside the tables' b-trees. */
  for (gsize i = 2 * 4096; i < 12 * 4096; i++)
    contents[i] = (char) (i * 7 + 13);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));

  store = sam_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, f->path));
}

static void
test_locked_open (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  gint64 start, elapsed;

  g_clear_object (&store);

  db = other_connection (f->path);
  exec_ok (db, "BEGIN EXCLUSIVE");

  start = g_get_monotonic_time ();
  store = sam_store_open (f->path, &error);
  elapsed = g_get_monotonic_time () - start;

  g_assert_null (store);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, f->path));
  /* It waited for the other program, but not for ever. */
  g_assert_cmpint (elapsed, >=, G_USEC_PER_SEC);
  g_assert_cmpint (elapsed, <, 10 * G_USEC_PER_SEC);

  exec_ok (db, "ROLLBACK");
  sqlite3_close (db);

  g_clear_error (&error);
  store = open_store (f->path);
}

/* The library of known sessions */

static GPtrArray *
list_recent (SamStore *store,
             guint     limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = sam_store_list_recent (store, limit, &error);

  g_assert_no_error (error);
  return list;
}

static void
assert_recent_order (SamStore   *store,
                     const char *first,
                     ...)
{
  g_autoptr(GPtrArray) list = list_recent (store, 0);
  const char *uri = first;
  guint i = 0;
  va_list args;

  va_start (args, first);
  for (; uri != NULL; uri = va_arg (args, const char *), i++)
    {
      g_assert_cmpuint (i, <, list->len);
      g_assert_cmpstr (((SamRecent *) g_ptr_array_index (list, i))->uri, ==, uri);
    }
  va_end (args);
  g_assert_cmpuint (i, ==, list->len);
}

static void
test_recent_order (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GPtrArray) two = NULL;
  SamRecent *recent;

  /* Opened one right after another, faster than the clock ticks. */
  g_assert_true (sam_store_remember (store, "file:///a.samling", "A", "2024-01-01", NULL));
  g_assert_true (sam_store_remember (store, "file:///b.samling", "B", "2024-02-01", NULL));
  g_assert_true (sam_store_remember (store, "file:///c.samling", "C", "", NULL));
  assert_recent_order (store, "file:///c.samling", "file:///b.samling", "file:///a.samling", NULL);

  /* Opening again moves it to the top and refreshes its title and date. */
  g_assert_true (sam_store_remember (store, "file:///a.samling", "A2", "2024-05-05", NULL));
  assert_recent_order (store, "file:///a.samling", "file:///c.samling", "file:///b.samling", NULL);

  two = list_recent (store, 2);
  g_assert_cmpuint (two->len, ==, 2);
  recent = g_ptr_array_index (two, 0);
  g_assert_cmpstr (recent->title, ==, "A2");
  g_assert_cmpstr (recent->date, ==, "2024-05-05");
  g_assert_cmpint (recent->last_opened, >, ((SamRecent *) g_ptr_array_index (two, 1))->last_opened);
  g_clear_object (&store);

  /* The clock stepped back an hour since c was opened: what is opened now
   * still comes first. */
  {
    sqlite3 *db = other_connection (f->path);
    g_autofree char *sql = g_strdup_printf ("UPDATE recent SET last_opened = %" G_GINT64_FORMAT
                                            " WHERE uri = 'file:///c.samling'",
                                            g_get_real_time () + G_GINT64_CONSTANT (3600000000));

    exec_ok (db, sql);
    sqlite3_close (db);
  }
  store = open_store (f->path);
  g_assert_true (sam_store_remember (store, "file:///b.samling", "B", "2024-02-01", NULL));
  assert_recent_order (store, "file:///b.samling", "file:///c.samling", "file:///a.samling", NULL);
}

static void
test_recent_forget (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  /* Quotes and SQL in a name are data, nothing else. */
  const char *odd = "file:///x/it's; DROP TABLE recent; --.samling";

  g_assert_true (sam_store_remember (store, "file:///a.samling", "A", "", NULL));
  g_assert_true (sam_store_remember (store, odd, "B'\"", "", NULL));
  g_assert_true (sam_store_remember (store, "file:///c.samling", "C", "", NULL));

  g_assert_true (sam_store_forget (store, odd, &error));
  g_assert_no_error (error);
  assert_recent_order (store, "file:///c.samling", "file:///a.samling", NULL);

  g_assert_false (sam_store_forget (store, odd, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
  assert_recent_order (store, "file:///c.samling", "file:///a.samling", NULL);
}

/* The journal, through the store */

static GPtrArray *
list_journals (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = sam_store_journal_list (store, &error);

  g_assert_no_error (error);
  return list;
}

/* A library made by the first version is brought up to date, keeping
 * what it holds. The schema below is version 1 as it was released. */
static void
test_schema_migrate_1 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = other_connection (f->path);

  exec_ok (db,
           "CREATE TABLE recent (uri TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL DEFAULT '',"
           "  date TEXT NOT NULL DEFAULT '', last_opened INTEGER NOT NULL);"
           "CREATE INDEX recent_by_last_opened ON recent (last_opened);"
           "CREATE TABLE journals (id TEXT PRIMARY KEY NOT NULL, uri TEXT NOT NULL DEFAULT '',"
           "  title TEXT NOT NULL DEFAULT '', session_id TEXT NOT NULL DEFAULT '',"
           "  base BLOB NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL);"
           "CREATE TABLE journal_ops (journal_id TEXT NOT NULL REFERENCES journals (id) ON DELETE CASCADE,"
           "  seq INTEGER NOT NULL, op TEXT NOT NULL, PRIMARY KEY (journal_id, seq)) WITHOUT ROWID;"
           "INSERT INTO recent VALUES ('file:///a.samling', 'A', '2024-02-13', 5);"
           "INSERT INTO journals VALUES ('edited', '', 'Redigerad', 's', x'7b7d', 1, 2);"
           "INSERT INTO journals VALUES ('idle', '', 'Orörd', 's', x'7b7d', 1, 1);"
           "INSERT INTO journal_ops VALUES ('edited', 1, '{}');"
           "PRAGMA user_version = 1;");
  sqlite3_close (db);

  store = open_store (f->path);
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);

  list = list_journals (store);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SamJournalEntry *) g_ptr_array_index (list, 0))->id, ==, "edited");
  g_assert_cmpuint (((SamJournalEntry *) g_ptr_array_index (list, 0))->n_ops, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = sam_store_list_recent (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);

  db = other_connection (f->path);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journals WHERE unsaved = 0"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM templates"), ==, 0);
  sqlite3_close (db);
}

/* The templates a small valid agenda and a larger one. */
#define TEMPLATE_ONE \
  "{\"samling_template\":1,\"agenda\":[{\"title\":\"Välkomna\",\"duration\":600}]}"
#define TEMPLATE_THREE \
  "{\"samling_template\":1,\"start_time\":\"13:00\",\"agenda\":[" \
  "{\"title\":\"Välkomna\",\"duration\":600},{\"title\":\"Dialog\",\"duration\":2700}," \
  "{\"title\":\"Nästa steg\",\"duration\":900}]}"

/* A library of version 2 gains the templates table and keeps the rest. The
 * schema below is version 2 as it was released. */
static void
test_schema_migrate_2 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = other_connection (f->path);
  gint64 id;

  exec_ok (db,
           "CREATE TABLE recent (uri TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL DEFAULT '',"
           "  date TEXT NOT NULL DEFAULT '', last_opened INTEGER NOT NULL);"
           "CREATE INDEX recent_by_last_opened ON recent (last_opened);"
           "CREATE TABLE journals (id TEXT PRIMARY KEY NOT NULL, uri TEXT NOT NULL DEFAULT '',"
           "  title TEXT NOT NULL DEFAULT '', session_id TEXT NOT NULL DEFAULT '',"
           "  base BLOB NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL,"
           "  unsaved INTEGER NOT NULL DEFAULT 0);"
           "CREATE TABLE journal_ops (journal_id TEXT NOT NULL REFERENCES journals (id) ON DELETE CASCADE,"
           "  seq INTEGER NOT NULL, op TEXT NOT NULL, PRIMARY KEY (journal_id, seq)) WITHOUT ROWID;"
           "INSERT INTO recent VALUES ('file:///a.samling', 'A', '2024-02-13', 5);"
           "INSERT INTO journals VALUES ('unsaved', '', 'Osparad', 's', x'7b7d', 1, 2, 1);"
           "PRAGMA user_version = 2;");
  sqlite3_close (db);

  store = open_store (f->path);
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);

  list = list_journals (store);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SamJournalEntry *) g_ptr_array_index (list, 0))->id, ==, "unsaved");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = sam_store_list_recent (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = sam_store_list_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The new table works. */
  id = sam_store_save_template (store, "Halvdag", TEMPLATE_ONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_clear_object (&store);

  db = other_connection (f->path);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, SAM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM templates WHERE name = 'Halvdag' AND n_items = 1"),
                   ==, 1);
  sqlite3_close (db);
}

/* Templates */

static gint64
save_template (SamStore   *store,
               const char *name,
               const char *json)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sam_store_save_template (store, name, json, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GPtrArray *
list_templates (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = sam_store_list_templates (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static void
test_templates_list (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 half, full, other;
  SamTemplateInfo *info;
  gint64 found = 0;

  half = save_template (store, "Halvdag", TEMPLATE_THREE);
  full = save_template (store, "Heldag", TEMPLATE_ONE);
  other = save_template (store, "Ämnesdag", TEMPLATE_ONE);
  g_assert_cmpint (half, !=, full);
  g_assert_cmpint (full, !=, other);

  /* Alphabetical, whatever the order of saving. */
  list = list_templates (store);
  g_assert_cmpuint (list->len, ==, 3);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpstr (info->name, ==, "Halvdag");
  g_assert_cmpint (info->id, ==, half);
  g_assert_cmpuint (info->n_items, ==, 3);
  g_assert_cmpuint (info->duration, ==, 600 + 2700 + 900);
  g_assert_cmpint (info->created, >, 0);
  g_assert_cmpint (info->modified, ==, info->created);
  g_assert_cmpstr (((SamTemplateInfo *) g_ptr_array_index (list, 1))->name, ==, "Heldag");

  g_assert_true (sam_store_find_template_by_name (store, "Heldag", &found, &error));
  g_assert_no_error (error);
  g_assert_cmpint (found, ==, full);

  /* Names are matched exactly. */
  g_assert_false (sam_store_find_template_by_name (store, "heldag", &found, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (found, ==, full);

  /* A name needs something in it. */
  g_assert_cmpint (sam_store_save_template (store, "", TEMPLATE_ONE, &error), ==, 0);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sam_store_save_template (store, "  ", TEMPLATE_ONE, &error), ==, 0);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sam_store_save_template (store, " Halvdag", TEMPLATE_ONE, &error), ==, 0);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A broken template is refused with the reason. */
  g_assert_cmpint (sam_store_save_template (store, "Trasig", "{\"samling_template\":1,\"agenda\":[{}]}",
                                            &error), ==, 0);
  g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_templates (store);
  g_assert_cmpuint (list->len, ==, 3);
}

static void
test_templates_replace (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  SamTemplateInfo *info;
  gint64 created;
  gint64 id, again;

  id = save_template (store, "Halvdag", TEMPLATE_ONE);
  list = list_templates (store);
  created = ((SamTemplateInfo *) g_ptr_array_index (list, 0))->created;
  g_clear_pointer (&list, g_ptr_array_unref);

  g_usleep (2000);
  again = save_template (store, "Halvdag", TEMPLATE_THREE);
  g_assert_cmpint (again, ==, id);

  list = list_templates (store);
  g_assert_cmpuint (list->len, ==, 1);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpuint (info->n_items, ==, 3);
  g_assert_cmpint (info->created, ==, created);
  g_assert_cmpint (info->modified, >, created);

  json = sam_store_load_template (store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, TEMPLATE_THREE);
}

static void
test_templates_delete (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *name = NULL;
  gint64 first, second, third;

  first = save_template (store, "Halvdag", TEMPLATE_ONE);
  second = save_template (store, "Heldag", TEMPLATE_THREE);

  g_assert_true (sam_store_delete_template (store, second, &error));
  g_assert_no_error (error);

  list = list_templates (store);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((SamTemplateInfo *) g_ptr_array_index (list, 0))->id, ==, first);

  json = sam_store_load_template (store, second, &name, &error);
  g_assert_null (json);
  g_assert_null (name);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (sam_store_delete_template (store, second, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (sam_store_find_template_by_name (store, "Heldag", NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saved again (an undone deletion): a new id, never the old one, so a
   * list shown before cannot open another template by mistake. */
  third = save_template (store, "Heldag", TEMPLATE_THREE);
  g_assert_cmpint (third, >, second);
  json = sam_store_load_template (store, third, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Heldag");
  g_assert_cmpstr (json, ==, TEMPLATE_THREE);
}

static void
test_journal_lifecycle (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamSession) session = sam_session_new ();
  g_autoptr(SamSession) saved = NULL;
  g_autoptr(GBytes) base = serialize (session);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *other = NULL;
  g_autofree char *set_title = NULL;
  g_autofree char *set_place = NULL;
  SamJournalEntry *entry;
  const char *ops[3] = { NULL, NULL, NULL };
  gint64 before;

  id = sam_store_journal_begin (store, "file:///w.samling", "Workshop", base, SAM_JOURNAL_BASE_SAVED, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  other = sam_store_journal_begin (store, "", "", base, SAM_JOURNAL_BASE_SAVED, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, !=, other);

  /* A journal without edits has nothing to recover. */
  list = list_journals (store);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  set_title = g_strdup_printf ("{\"op\":\"set\",\"id\":\"%s\",\"member\":\"title\",\"value\":\"Kraftsamling\"}",
                               sam_item_get_id (SAM_ITEM (session)));
  set_place = g_strdup_printf ("{\"op\":\"set\",\"id\":\"%s\",\"member\":\"place\",\"value\":\"Karlskrona\"}",
                               sam_item_get_id (SAM_ITEM (session)));
  ops[0] = set_title;
  ops[1] = set_place;
  before = g_get_real_time ();
  g_assert_true (sam_store_journal_append (store, id, ops, &error));
  g_assert_no_error (error);

  list = list_journals (store);
  g_assert_cmpuint (list->len, ==, 1);
  entry = g_ptr_array_index (list, 0);
  g_assert_cmpstr (entry->id, ==, id);
  g_assert_cmpstr (entry->uri, ==, "file:///w.samling");
  /* Renaming the session renames its journal. */
  g_assert_cmpstr (entry->title, ==, "Kraftsamling");
  g_assert_cmpuint (entry->n_ops, ==, 2);
  g_assert_cmpint (entry->updated, >=, before);
  g_clear_pointer (&list, g_ptr_array_unref);

  {
    g_autoptr(SamSession) recovered = recover (store, id);

    g_assert_cmpstr (sam_session_get_title (recovered), ==, "Kraftsamling");
    g_assert_cmpstr (sam_item_get_string (SAM_ITEM (recovered), "place"), ==, "Karlskrona");
    g_assert_true (sam_session_get_dirty (recovered));
    g_assert_false (sam_item_equal (SAM_ITEM (recovered), SAM_ITEM (session)));
  }

  /* After a save the saved state is the base and the edits are gone. */
  sam_session_set (session, session, "title", "Sparad", NULL);
  g_clear_pointer (&base, g_bytes_unref);
  base = serialize (session);
  g_assert_true (sam_store_journal_rebase (store, id, "file:///v.samling", "Sparad", base, SAM_JOURNAL_BASE_SAVED, &error));
  g_assert_no_error (error);
  list = list_journals (store);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  saved = recover (store, id);
  g_assert_true (sam_item_equal (SAM_ITEM (saved), SAM_ITEM (session)));

  /* An edit to an unknown journal is refused and writes nothing. */
  g_assert_false (sam_store_journal_append (store, "no-such-journal", ops, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = list_journals (store);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (sam_store_journal_append (store, other, ops, &error));
  g_assert_true (sam_store_journal_discard (store, id, &error));
  g_assert_no_error (error);
  g_assert_null (sam_store_journal_recover (store, id, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sam_store_journal_discard (store, id, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The other journal is untouched, and its operations go with it. */
  list = list_journals (store);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SamJournalEntry *) g_ptr_array_index (list, 0))->id, ==, other);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (sam_store_journal_discard (store, other, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  {
    sqlite3 *db = other_connection (f->path);

    g_assert_cmpint (query_int (db, "SELECT count(*) FROM journal_ops"), ==, 0);
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM journals"), ==, 0);
    sqlite3_close (db);
  }
}

/* Journals without edits, left by a session that ended without discarding
 * its journal, go when the store is next opened; the others stay. */
static void
test_journal_prune (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamSession) session = sam_session_new ();
  g_autoptr(GBytes) base = serialize (session);
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *op = NULL;
  const char *ops[2] = { NULL, NULL };
  sqlite3 *db;

  empty = sam_store_journal_begin (store, "", "", base, SAM_JOURNAL_BASE_SAVED, &error);
  edited = sam_store_journal_begin (store, "", "", base, SAM_JOURNAL_BASE_SAVED, &error);
  g_assert_no_error (error);
  op = g_strdup_printf ("{\"op\":\"set\",\"id\":\"%s\",\"member\":\"goal\",\"value\":\"Fler möten\"}",
                        sam_item_get_id (SAM_ITEM (session)));
  ops[0] = op;
  g_assert_true (sam_store_journal_append (store, edited, ops, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = open_store (f->path);
  db = other_connection (f->path);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journals"), ==, 1);
  sqlite3_close (db);

  g_assert_null (sam_store_journal_recover (store, empty, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(SamSession) recovered = recover (store, edited);

    g_assert_cmpstr (sam_item_get_string (SAM_ITEM (recovered), "goal"), ==, "Fler möten");
  }
}

static void
test_recover_bad_op (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamSession) session = sam_session_new ();
  g_autoptr(GBytes) base = serialize (session);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *good = NULL;
  const char *ops[3] = { NULL, NULL, NULL };

  sam_session_set (session, session, "title", "Trasig", NULL);
  id = sam_store_journal_begin (store, "", "Trasig", base, SAM_JOURNAL_BASE_SAVED, &error);
  good = g_strdup_printf ("{\"op\":\"set\",\"id\":\"%s\",\"member\":\"title\",\"value\":\"Ny\"}",
                          sam_item_get_id (SAM_ITEM (session)));
  ops[0] = good;
  ops[1] = "{\"op\":\"set\",\"id\":\"nobody\",\"member\":\"title\",\"value\":\"x\"}";
  g_assert_true (sam_store_journal_append (store, id, ops, &error));
  g_assert_no_error (error);

  g_assert_null (sam_store_journal_recover (store, id, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "change 2 of 2"));
  g_assert_nonnull (strstr (error->message, "“Ny”"));
  g_clear_error (&error);

  /* A base that is not a session is reported as such. */
  g_clear_pointer (&base, g_bytes_unref);
  base = g_bytes_new_static ("{\"format\":", 10);
  g_assert_true (sam_store_journal_rebase (store, id, NULL, NULL, base, SAM_JOURNAL_BASE_SAVED, &error));
  g_assert_null (sam_store_journal_recover (store, id, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "saved state"));
}

/* Recovery of every kind of edit, through SamJournal */

typedef struct
{
  Fixture     fixture;
  SamStore   *store;
  SamSession *session;
  SamJournal *journal;
  SamItem    *agenda_item;
  SamItem    *perspective;
  SamItem    *participant;
  SamItem    *participant2;
  SamItem    *balloon;
  SamItem    *prompt;
  SamItem    *round;
  SamItem    *voice;
  SamItem    *wall;
  SamItem    *column;
  SamItem    *column2;
  SamItem    *note;
  SamItem    *note2;
  GPtrArray  *failures;
} LiveFixture;

static void
journal_failed_cb (SamJournal   *journal,
                   const GError *error,
                   GPtrArray    *failures)
{
  g_ptr_array_add (failures, g_error_copy (error));
}

static void
live_set_up (LiveFixture   *f,
             gconstpointer  data)
{
  SamSession *s;

  fixture_set_up (&f->fixture, data);
  f->store = open_store (f->fixture.path);
  f->session = s = sam_session_new ();
  f->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  f->journal = start_journal (f->store, s);
  g_signal_connect (f->journal, "failed", G_CALLBACK (journal_failed_cb), f->failures);

  /* Everything from here on is an edit the journal sees. */
  f->perspective = g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (s)), 2);
  g_object_unref (f->perspective);

  sam_session_set (s, s, "title", "Kraftsamling", "place", "Karlskrona",
                   "mode", SAM_SESSION_MODE_DIGITAL, NULL);
  f->agenda_item = add (s, s, "agenda", SAM_TYPE_AGENDA_ITEM);
  sam_session_set (s, f->agenda_item, "title", "Välkommen", "duration", 600, NULL);
  f->participant = add (s, s, "participants", SAM_TYPE_PARTICIPANT);
  f->participant2 = add (s, s, "participants", SAM_TYPE_PARTICIPANT);
  {
    const char *perspectives[2] = { sam_item_get_id (f->perspective), NULL };

    sam_session_set (s, f->participant, "name", "Rektor", "perspectives", perspectives, NULL);
  }
  f->balloon = add (s, s, "balloons", SAM_TYPE_BALLOON);
  sam_session_set (s, f->balloon,
                   "perspective", sam_item_get_id (f->perspective),
                   "participant", sam_item_get_id (f->participant),
                   "x", 0.25, "y", 0.75, NULL);
  f->prompt = add (s, s, "prompts", SAM_TYPE_PROMPT);
  {
    const char *starters[] = { "Jag blev nyfiken på…", "En sak jag tar med mig…", NULL };

    sam_session_set (s, f->prompt, "text", "Vad hoppas du få med dig?",
                     "format", SAM_PROMPT_FORMAT_TRIO, "starters", starters, NULL);
  }
  f->round = add (s, s, "group-rounds", SAM_TYPE_GROUP_ROUND);
  {
    g_autoptr(GVariant) groups = NULL;
    GVariantBuilder builder;

    g_variant_builder_init (&builder, G_VARIANT_TYPE ("aas"));
    g_variant_builder_open (&builder, G_VARIANT_TYPE ("as"));
    g_variant_builder_add (&builder, "s", sam_item_get_id (f->participant));
    g_variant_builder_add (&builder, "s", sam_item_get_id (f->participant2));
    g_variant_builder_close (&builder);
    groups = g_variant_ref_sink (g_variant_builder_end (&builder));
    sam_session_set (s, f->round, "prompt", sam_item_get_id (f->prompt), "groups", groups, NULL);
  }
  f->voice = add (s, s, "voices", SAM_TYPE_VOICE);
  sam_session_set (s, f->voice, "text", "Att mötas på tvären",
                   "prompt", sam_item_get_id (f->prompt),
                   "agenda-item", sam_item_get_id (f->agenda_item),
                   "time", G_GINT64_CONSTANT (1710410000000000), NULL);
  f->wall = add (s, s, "walls", SAM_TYPE_WALL);
  sam_session_set (s, f->wall, "title", "Frågor", NULL);
  f->column = add (s, f->wall, "columns", SAM_TYPE_COLUMN);
  f->column2 = add (s, f->wall, "columns", SAM_TYPE_COLUMN);
  f->note = add (s, f->column, "notes", SAM_TYPE_NOTE);
  sam_session_set (s, f->note, "text", "Hur når vi fler?",
                   "perspective", sam_item_get_id (f->perspective), NULL);
  f->note2 = add (s, f->column, "notes", SAM_TYPE_NOTE);
  sam_session_set (s, f->note2, "text", "Bjud in unga", "color", SAM_NOTE_COLOR_GREEN, NULL);
}

static void
live_tear_down (LiveFixture   *f,
                gconstpointer  data)
{
  g_assert_cmpuint (f->failures->len, ==, 0);
  g_clear_object (&f->journal);
  g_clear_object (&f->session);
  g_clear_object (&f->store);
  g_clear_pointer (&f->failures, g_ptr_array_unref);
  fixture_tear_down (&f->fixture, data);
}

static void
test_recover_every_edit (LiveFixture   *f,
                         gconstpointer  data)
{
  SamSession *s = f->session;
  const char *id = sam_journal_get_id (f->journal);
  g_autoptr(GPtrArray) list = NULL;
  SamJournalEntry *entry;

  /* What the fixture built: sets and inserts of every kind of item. */
  assert_recovers (f->store, id, s);

  /* Moves within a list, across lists and in the agenda. */
  sam_session_move (s, f->note2, f->column, 0);
  sam_session_move (s, f->note, f->column2, 0);
  {
    g_autoptr(SamItem) second = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);

    sam_session_begin (s, "Add and move");
    sam_session_insert (s, s, "agenda", 0, second);
    sam_session_set (s, second, "title", "Paus", "kind", SAM_AGENDA_KIND_BREAK, NULL);
    sam_session_move (s, second, s, 1);
    sam_session_end (s);
  }
  assert_recovers (f->store, id, s);

  /* Removals, with the references they clear. */
  sam_session_remove (s, f->perspective);
  sam_session_remove (s, f->participant2);
  sam_session_remove (s, f->column);
  assert_recovers (f->store, id, s);
  g_assert_true (sam_session_check_references (s, NULL));

  /* A wall with its columns and notes inserted whole. */
  {
    g_autoptr(SamItem) wall = sam_item_new (SAM_TYPE_WALL, NULL);
    g_autoptr(SamItem) column = sam_item_new (SAM_TYPE_COLUMN, NULL);
    g_autoptr(SamItem) note = sam_item_new (SAM_TYPE_NOTE, NULL);

    g_object_set (note, "text", "Fler röster från skolan", "votes", 4, NULL);
    g_object_set (column, "title", "Förslag", NULL);
    g_object_set (wall, "title", "Vägg två", NULL);
    g_list_store_append (sam_item_get_list (column, "notes"), note);
    sam_item_set_parent (note, column, "notes");
    g_list_store_append (sam_item_get_list (wall, "columns"), column);
    sam_item_set_parent (column, wall, "columns");
    sam_session_insert (s, s, "walls", 0, wall);
  }
  assert_recovers (f->store, id, s);

  list = list_journals (f->store);
  g_assert_cmpuint (list->len, ==, 1);
  entry = g_ptr_array_index (list, 0);
  g_assert_cmpstr (entry->id, ==, id);
  g_assert_cmpstr (entry->title, ==, "Kraftsamling");
  g_assert_cmpuint (entry->n_ops, >, 20);
}

static void
test_recover_undo_redo (LiveFixture   *f,
                        gconstpointer  data)
{
  SamSession *s = f->session;
  const char *id = sam_journal_get_id (f->journal);
  g_autoptr(SamItem) voice = sam_item_new (SAM_TYPE_VOICE, NULL);
  g_autofree char *voice_id = NULL;

  g_object_set (voice, "text", "Vi behöver fler mötesplatser", NULL);
  sam_session_insert (s, s, "voices", G_MAXUINT, voice);
  voice_id = g_strdup (sam_item_get_id (voice));

  /* Undoing the insert reaches the journal: the voice is gone. */
  g_assert_true (sam_session_undo (s));
  {
    g_autoptr(SamSession) recovered = recover (f->store, id);

    g_assert_null (sam_session_lookup (recovered, voice_id));
    g_assert_true (sam_item_equal (SAM_ITEM (recovered), SAM_ITEM (s)));
  }

  g_assert_true (sam_session_redo (s));
  {
    g_autoptr(SamSession) recovered = recover (f->store, id);

    g_assert_nonnull (sam_session_lookup (recovered, voice_id));
    g_assert_true (sam_item_equal (SAM_ITEM (recovered), SAM_ITEM (s)));
  }

  /* Undo of a removal that cleared references, and of a move. */
  sam_session_remove (s, f->perspective);
  sam_session_move (s, f->note, f->column2, 0);
  g_assert_true (sam_session_undo (s));
  g_assert_true (sam_session_undo (s));
  assert_recovers (f->store, id, s);

  /* Undo everything back to the start. */
  while (sam_session_can_undo (s))
    g_assert_true (sam_session_undo (s));
  assert_recovers (f->store, id, s);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_walls (s))), ==, 0);
}

static void
test_recover_edited_during_save (LiveFixture   *f,
                                 gconstpointer  data)
{
  SamSession *s = f->session;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (sam_journal_get_id (f->journal));

  /* The file got the document as it was when the save began, while the
   * note-taker went on typing; the window then rebases the journal onto
   * the present state rather than onto the file. */
  sam_session_set (s, f->voice, "text", "Skrivet medan filen sparades", NULL);
  g_assert_true (sam_journal_rebase (f->journal, "file:///k.samling", NULL, &error));
  g_assert_no_error (error);

  /* Killed before the next edit: a restart still offers that edit. */
  {
    g_autoptr(SamStore) again = open_store (f->fixture.path);
    g_autoptr(SamSession) recovered = NULL;

    list = list_journals (again);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpuint (((SamJournalEntry *) g_ptr_array_index (list, 0))->n_ops, ==, 1);
    g_clear_pointer (&list, g_ptr_array_unref);

    recovered = recover (again, id);
    g_assert_true (sam_item_equal (SAM_ITEM (recovered), SAM_ITEM (s)));
  }

  /* A save that has everything leaves nothing to recover. */
  saved = serialize (s);
  g_assert_true (sam_journal_rebase (f->journal, "file:///k.samling", saved, &error));
  g_assert_no_error (error);
  list = list_journals (f->store);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_recover_rebase_resume (LiveFixture   *f,
                            gconstpointer  data)
{
  SamSession *s = f->session;
  g_autoptr(GBytes) saved = serialize (s);
  g_autoptr(SamSession) recovered = NULL;
  g_autoptr(SamJournal) resumed = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (sam_journal_get_id (f->journal));

  /* A save: the journal starts again from what was saved. */
  g_assert_true (sam_journal_rebase (f->journal, "file:///k.samling", saved, &error));
  g_assert_no_error (error);
  list = list_journals (f->store);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  sam_session_set (s, f->voice, "on-stage", TRUE, NULL);
  add (s, f->column2, "notes", SAM_TYPE_NOTE);
  assert_recovers (f->store, id, s);

  list = list_journals (f->store);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SamJournalEntry *) g_ptr_array_index (list, 0))->uri, ==, "file:///k.samling");
  g_assert_cmpuint (((SamJournalEntry *) g_ptr_array_index (list, 0))->n_ops, ==, 2);

  /* The app went away; the next start recovers and goes on journaling. */
  g_clear_object (&f->journal);
  recovered = recover (f->store, id);
  resumed = sam_journal_resume (f->store, recovered, id);
  g_assert_cmpstr (sam_journal_get_id (resumed), ==, id);
  sam_session_set (recovered, recovered, "purpose", "Att lära känna varandra", NULL);
  {
    g_autoptr(SamSession) again = recover (f->store, id);

    g_assert_true (sam_item_equal (SAM_ITEM (again), SAM_ITEM (recovered)));
    g_assert_cmpstr (sam_item_get_string (SAM_ITEM (again), "purpose"), ==, "Att lära känna varandra");
  }

  /* Closed for good: nothing left to recover. */
  g_assert_true (sam_journal_discard (resumed, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_journals (f->store);
  g_assert_cmpuint (list->len, ==, 0);
  /* Later edits are no longer journaled, and no failure is reported. */
  sam_session_set (recovered, recovered, "purpose", "Efteråt", NULL);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_journals (f->store);
  g_assert_cmpuint (list->len, ==, 0);
}

/* A journal that disappeared from the store is started again, silently. */
static void
test_journal_replaced (LiveFixture   *f,
                       gconstpointer  data)
{
  g_autofree char *old_id = g_strdup (sam_journal_get_id (f->journal));
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_store_journal_discard (f->store, old_id, &error));
  g_assert_no_error (error);

  sam_session_set (f->session, f->note, "votes", 7, NULL);
  g_assert_cmpuint (f->failures->len, ==, 0);
  g_assert_cmpstr (sam_journal_get_id (f->journal), !=, old_id);
  assert_recovers (f->store, sam_journal_get_id (f->journal), f->session);
}

/* Another program holds the database: the edit goes on, ::failed says so
 * once, and when the database is free again the journal catches up with
 * everything, the edits made while it was held included. */
static void
test_journal_locked (LiveFixture   *f,
                     gconstpointer  data)
{
  SamSession *s = f->session;
  const GError *failure;
  sqlite3 *db = other_connection (f->fixture.path);

  exec_ok (db, "BEGIN EXCLUSIVE");

  sam_session_set (s, f->note, "text", "Skriven medan biblioteket var låst", NULL);
  g_assert_cmpstr (sam_item_get_string (f->note, "text"), ==, "Skriven medan biblioteket var låst");
  g_assert_cmpuint (f->failures->len, ==, 1);
  failure = g_ptr_array_index (f->failures, 0);
  g_assert_error (failure, SAM_STORE_ERROR, SAM_STORE_ERROR_LOCKED);

  add (s, f->column2, "notes", SAM_TYPE_NOTE);
  g_assert_cmpuint (f->failures->len, ==, 1);

  exec_ok (db, "ROLLBACK");
  sqlite3_close (db);

  sam_session_set (s, f->voice, "on-stage", TRUE, NULL);
  g_assert_cmpuint (f->failures->len, ==, 1);
  assert_recovers (f->store, sam_journal_get_id (f->journal), s);

  /* The catch-up put the edits the journal missed into its base: a restart
   * must still offer them, though no operation follows the base. */
  {
    g_autoptr(SamStore) again = open_store (f->fixture.path);
    g_autoptr(GPtrArray) list = list_journals (again);

    g_assert_cmpuint (list->len, ==, 1);
    assert_recovers (again, sam_journal_get_id (f->journal), s);
  }

  /* Working again: a later failure is reported again. */
  g_ptr_array_set_size (f->failures, 0);
}

/* The kill test: a child process commits edits and reports each one after
 * its edit function returned; the parent kills it with SIGKILL at an
 * arbitrary moment and finds every reported edit in the store. */

#define CHILD_ARG "--journal-child"
#define KILL_AFTER 200

typedef enum {
  KILL_VOICES,
  KILL_NOTES,
} KillMode;

static char *
edit_id (const char *kind,
         guint       n)
{
  return g_strdup_printf ("%s-%u", kind, n);
}

static void
build_kill_start (SamSession *session,
                  KillMode    mode)
{
  g_autoptr(SamItem) wall = NULL;

  if (mode != KILL_NOTES)
    return;

  wall = sam_item_new (SAM_TYPE_WALL, "wall");
  sam_session_insert (session, session, "walls", G_MAXUINT, wall);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = edit_id ("column", i);
      g_autoptr(SamItem) column = sam_item_new (SAM_TYPE_COLUMN, id);

      sam_session_insert (session, wall, "columns", G_MAXUINT, column);
    }
}

/* Edit number @n, the same in the child and in the parent's expectation. */
static void
kill_edit (SamSession *s,
           KillMode    mode,
           guint       n)
{
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;

  if (mode == KILL_VOICES)
    {
      g_autoptr(SamItem) voice = NULL;

      id = edit_id ("voice", n);
      text = g_strdup_printf ("voice %u", n);
      voice = sam_item_new (SAM_TYPE_VOICE, id);
      g_object_set (voice, "text", text,
                    "time", G_GINT64_CONSTANT (1710410000000000) + (gint64) n * G_USEC_PER_SEC,
                    NULL);
      sam_session_insert (s, s, "voices", G_MAXUINT, voice);
      return;
    }

  /* A burst on the wall: several operations in one edit. */
  sam_session_begin (s, "Burst");
  {
    g_autofree char *column_id = edit_id ("column", n % 2);
    SamItem *column = sam_session_lookup (s, column_id);
    guint count = g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (column, "notes")));
    g_autoptr(SamItem) note = NULL;
    g_autofree char *previous = edit_id ("note", n - 1);
    g_autofree char *older = edit_id ("note", n - 2);
    g_autofree char *oldest = edit_id ("note", n - 4);
    SamItem *item;

    id = edit_id ("note", n);
    text = g_strdup_printf ("note %u", n);
    note = sam_item_new (SAM_TYPE_NOTE, id);
    g_object_set (note, "text", text, NULL);
    sam_session_insert (s, column, "notes", (n * 7) % (count + 1), note);
    sam_session_set (s, note, "color", (int) (n % 6), "votes", (int) (n % 5), NULL);

    if (n % 3 == 0 && (item = sam_session_lookup (s, previous)) != NULL)
      {
        g_autofree char *edited = g_strdup_printf ("note %u, edited", n - 1);

        sam_session_set (s, item, "text", edited,
                         "votes", sam_item_get_int (item, "votes") + 1, NULL);
      }

    if (n % 5 == 0 && (item = sam_session_lookup (s, older)) != NULL)
      {
        g_autofree char *other_id = edit_id ("column", (n + 1) % 2);

        sam_session_move (s, item, sam_session_lookup (s, other_id), 0);
      }

    if (n % 11 == 0 && (item = sam_session_lookup (s, oldest)) != NULL)
      sam_session_remove (s, item);
  }
  sam_session_end (s);
}

static void
child_failed_cb (SamJournal   *journal,
                 const GError *error,
                 gpointer      user_data)
{
  g_printerr ("journal failed: %s\n", error->message);
  _exit (3);
}

static void
write_line (const char *line)
{
  gsize length = strlen (line);
  gsize done = 0;

  /* Short lines into a pipe are written whole (PIPE_BUF). */
  while (done < length)
    {
      gssize n = write (STDOUT_FILENO, line + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (4);
      done += (gsize) n;
    }
}

static int
run_child (const char *dir,
           const char *mode_name)
{
  KillMode mode = g_str_equal (mode_name, "notes") ? KILL_NOTES : KILL_VOICES;
  g_autofree char *path = g_build_filename (dir, "samling.db", NULL);
  g_autofree char *base_path = g_build_filename (dir, "base.samling", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamSession) session = sam_session_new ();
  g_autoptr(SamJournal) journal = NULL;
  g_autoptr(GBytes) base = NULL;
  g_autofree char *hello = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  store = sam_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  build_kill_start (session, mode);
  sam_session_mark_saved (session);
  base = serialize (session);
  if (!g_file_set_contents (base_path, g_bytes_get_data (base, NULL), g_bytes_get_size (base), &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  journal = sam_journal_new (store, session, "", base, &error);
  if (journal == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_signal_connect (journal, "failed", G_CALLBACK (child_failed_cb), NULL);

  hello = g_strdup_printf ("journal %s\n", sam_journal_get_id (journal));
  write_line (hello);

  /* Until killed; the limits only stop a child whose parent went away. */
  for (guint n = 1; n < 100000 && g_get_monotonic_time () < deadline; n++)
    {
      char line[32];

      kill_edit (session, mode, n);
      g_snprintf (line, sizeof line, "%u\n", n);
      write_line (line);

      /* A pause between edits, as when someone types: the kill then lands
       * as often between two edits as inside one. */
      g_usleep ((n * 7919) % 3000);
    }

  return 0;
}

/* The number n in [@from, @to] such that the base with edits 1 to n is
 * exactly @recovered, or 0. */
static guint
find_edits (SamSession *recovered,
            const char *base_path,
            KillMode    mode,
            guint       from,
            guint       to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSession) expected = NULL;
  g_autofree char *base = NULL;
  gsize base_len;

  base = read_file (base_path, &base_len);
  expected = sam_json_load_data (base, base_len, &error);
  g_assert_no_error (error);

  for (guint n = 1; n <= to; n++)
    {
      kill_edit (expected, mode, n);
      if (n >= from && sam_item_equal (SAM_ITEM (recovered), SAM_ITEM (expected)))
        return n;
    }

  return 0;
}

static guint
read_progress (GDataInputStream *lines)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

  g_assert_no_error (error);
  if (line == NULL)
    return 0;

  return (guint) g_ascii_strtoull (line, NULL, 10);
}

static void
run_kill_test (KillMode mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("samling-kill-XXXXXX", &error);
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *path = NULL;
  g_autofree char *base_path = NULL;
  g_autofree char *journal_id = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamSession) recovered = NULL;
  g_autoptr(GPtrArray) list = NULL;
  guint target = KILL_AFTER + (guint) g_test_rand_int_range (0, 100);
  guint last = 0;
  guint found;

  g_assert_no_error (error);
  path = g_build_filename (dir, "samling.db", NULL);
  base_path = g_build_filename (dir, "base.samling", NULL);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_exe, CHILD_ARG, dir, mode == KILL_NOTES ? "notes" : "voices",
                            NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "journal "));
  journal_id = g_strdup (line + strlen ("journal "));

  /* Halfway, while the child goes on: an edit it reported is already in
   * the store, not waiting in some buffer. */
  while (last < target / 2)
    {
      last = read_progress (lines);
      g_assert_cmpuint (last, !=, 0);  /* the child did not stop by itself */
    }
  store = open_store (path);
  recovered = recover (store, journal_id);
  found = find_edits (recovered, base_path, mode, last, last + 500);
  g_assert_cmpuint (found, !=, 0);
  g_clear_object (&recovered);
  g_clear_object (&store);

  while (last < target)
    {
      last = read_progress (lines);
      g_assert_cmpuint (last, !=, 0);
    }

  /* Somewhere within the next edits: inside one, or between two. */
  g_usleep (g_test_rand_int_range (0, 4000));
  g_subprocess_send_signal (child, SIGKILL);

  /* Every line that made it into the pipe was an edit already committed. */
  for (guint n; (n = read_progress (lines)) != 0;)
    last = n;

  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
  g_assert_cmpuint (last, >=, target);

  store = open_store (path);
  list = list_journals (store);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SamJournalEntry *) g_ptr_array_index (list, 0))->id, ==, journal_id);
  recovered = recover (store, journal_id);

  if (mode == KILL_VOICES)
    {
      GListModel *voices = G_LIST_MODEL (sam_session_get_voices (recovered));
      guint n = g_list_model_get_n_items (voices);

      /* The edit under way when the kill came may or may not be there. */
      g_assert_cmpuint (n, >=, last);
      g_assert_cmpuint (n, <=, last + 1);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SamItem) voice = g_list_model_get_item (voices, i);
          g_autofree char *text = g_strdup_printf ("voice %u", i + 1);

          g_assert_cmpstr (sam_item_get_string (voice, "text"), ==, text);
        }
    }

  /* Exactly the edits the child made, each one whole. */
  found = find_edits (recovered, base_path, mode, last, last + 1);
  g_assert_cmpuint (found, !=, 0);
  g_test_message ("killed after %u reported edits, %u recovered", last, found);

  g_clear_object (&store);
  rm_rf (dir);
}

static void
test_kill_voices (void)
{
  run_kill_test (KILL_VOICES);
}

static void
test_kill_notes (void)
{
  run_kill_test (KILL_NOTES);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  if (argc == 4 && g_str_equal (argv[1], CHILD_ARG))
    return run_child (argv[2], argv[3]);

  /* Never the user's own library. */
  data_home = g_dir_make_tmp ("samling-data-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sam/store/default-path", test_default_path);
  g_test_add ("/sam/store/open/create", Fixture, NULL, fixture_set_up, test_open_create, fixture_tear_down);
  g_test_add ("/sam/store/open/reopen", Fixture, NULL, fixture_set_up, test_open_reopen, fixture_tear_down);
  g_test_add ("/sam/store/schema/newer", Fixture, NULL, fixture_set_up, test_schema_newer, fixture_tear_down);
  g_test_add ("/sam/store/schema/migrate-1", Fixture, NULL, fixture_set_up, test_schema_migrate_1, fixture_tear_down);
  g_test_add ("/sam/store/schema/migrate-2", Fixture, NULL, fixture_set_up, test_schema_migrate_2, fixture_tear_down);
  g_test_add ("/sam/store/templates/list", Fixture, NULL, fixture_set_up, test_templates_list, fixture_tear_down);
  g_test_add ("/sam/store/templates/replace", Fixture, NULL, fixture_set_up, test_templates_replace, fixture_tear_down);
  g_test_add ("/sam/store/templates/delete", Fixture, NULL, fixture_set_up, test_templates_delete, fixture_tear_down);
  g_test_add ("/sam/store/corrupt/garbage", Fixture, NULL, fixture_set_up, test_corrupt_garbage, fixture_tear_down);
  g_test_add ("/sam/store/corrupt/text", Fixture, NULL, fixture_set_up, test_corrupt_text, fixture_tear_down);
  g_test_add ("/sam/store/corrupt/pages", Fixture, NULL, fixture_set_up, test_corrupt_pages, fixture_tear_down);
  g_test_add ("/sam/store/locked/open", Fixture, NULL, fixture_set_up, test_locked_open, fixture_tear_down);
  g_test_add ("/sam/store/recent/order", Fixture, NULL, fixture_set_up, test_recent_order, fixture_tear_down);
  g_test_add ("/sam/store/recent/forget", Fixture, NULL, fixture_set_up, test_recent_forget, fixture_tear_down);
  g_test_add ("/sam/store/journal/lifecycle", Fixture, NULL, fixture_set_up, test_journal_lifecycle, fixture_tear_down);
  g_test_add ("/sam/store/journal/prune", Fixture, NULL, fixture_set_up, test_journal_prune, fixture_tear_down);
  g_test_add ("/sam/store/journal/replaced", LiveFixture, NULL, live_set_up, test_journal_replaced, live_tear_down);
  g_test_add ("/sam/store/journal/locked", LiveFixture, NULL, live_set_up, test_journal_locked, live_tear_down);
  g_test_add ("/sam/store/recover/every-edit", LiveFixture, NULL, live_set_up, test_recover_every_edit, live_tear_down);
  g_test_add ("/sam/store/recover/undo-redo", LiveFixture, NULL, live_set_up, test_recover_undo_redo, live_tear_down);
  g_test_add ("/sam/store/recover/edited-during-save", LiveFixture, NULL, live_set_up,
              test_recover_edited_during_save, live_tear_down);
  g_test_add ("/sam/store/recover/rebase-resume", LiveFixture, NULL, live_set_up, test_recover_rebase_resume, live_tear_down);
  g_test_add ("/sam/store/recover/bad-op", Fixture, NULL, fixture_set_up, test_recover_bad_op, fixture_tear_down);
  g_test_add_func ("/sam/store/kill/voices", test_kill_voices);
  g_test_add_func ("/sam/store/kill/notes", test_kill_notes);

  status = g_test_run ();
  rm_rf (data_home);
  return status;
}
