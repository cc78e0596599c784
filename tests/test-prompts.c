/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sam-prompts.h"
#include "sam-session.h"
#include "sam-store.h"
#include "store-test-util.h"

/* Helpers */

static SamItem *
new_prompt (SamPromptFormat     format,
            const char         *text,
            int                 duration,
            const char * const *starters,
            const char * const *follow_ups)
{
  SamItem *prompt = sam_item_new (SAM_TYPE_PROMPT, NULL);

  g_object_set (prompt,
                "format", format,
                "text", text,
                "duration", duration,
                "starters", starters,
                "follow-ups", follow_ups,
                NULL);
  return prompt;
}

static gint64
save (SamStore *store,
      SamItem  *prompt)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sam_store_save_prompt (store, prompt, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
save_text (SamStore        *store,
           SamPromptFormat  format,
           const char      *text)
{
  g_autoptr(SamItem) prompt = new_prompt (format, text, 300, NULL, NULL);

  return save (store, prompt);
}

static GPtrArray *
list (SamStore   *store,
      const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *prompts = sam_store_list_prompts (store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (prompts);
  return prompts;
}

static SamPromptInfo *
info_at (GPtrArray *prompts,
         guint      index)
{
  g_assert_cmpuint (index, <, prompts->len);
  return g_ptr_array_index (prompts, index);
}

static const char *
text_at (GPtrArray *prompts,
         guint      index)
{
  return sam_item_get_string (info_at (prompts, index)->prompt, "text");
}

static void
assert_strv (const char * const *strv,
             const char * const *expected)
{
  g_assert_nonnull (strv);
  g_assert_cmpstrv (strv, expected);
}

/* The store */

static void
test_store_save_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GPtrArray) prompts = NULL;
  gint64 a, b, c;

  prompts = list (store, NULL);
  g_assert_cmpuint (prompts->len, ==, 0);
  g_clear_pointer (&prompts, g_ptr_array_unref);

  a = save_text (store, SAM_PROMPT_FORMAT_PAIR, "Första");
  b = save_text (store, SAM_PROMPT_FORMAT_TRIO, "Andra");
  c = save_text (store, SAM_PROMPT_FORMAT_PLENARY, "Tredje");
  g_assert_cmpint (a, !=, b);
  g_assert_cmpint (b, !=, c);

  /* Newest first, even when the saves share a microsecond. */
  prompts = list (store, "");
  g_assert_cmpuint (prompts->len, ==, 3);
  g_assert_cmpint (info_at (prompts, 0)->id, ==, c);
  g_assert_cmpint (info_at (prompts, 1)->id, ==, b);
  g_assert_cmpint (info_at (prompts, 2)->id, ==, a);
  g_assert_cmpint (info_at (prompts, 0)->last_used, >, info_at (prompts, 1)->last_used);
  g_assert_cmpint (sam_item_get_enum (info_at (prompts, 1)->prompt, "format"), ==, SAM_PROMPT_FORMAT_TRIO);

  /* The items are free: in no session, with no id. */
  g_assert_null (sam_item_get_parent (info_at (prompts, 0)->prompt));
  g_assert_cmpstr (sam_item_get_id (info_at (prompts, 0)->prompt), ==, "");
}

static void
test_store_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  const char * const starters[] = { "Det jag bidrar med är …", "Jag behöver …", "", NULL };
  const char * const follow_ups[] = { "Vem märker det först?", "Och sedan – \"vad\"?", NULL };
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamItem) prompt = new_prompt (SAM_PROMPT_FORMAT_GROUP, "Hur ser det ut om tre år?",
                                          900, starters, follow_ups);
  g_autoptr(SamItem) bare = new_prompt (SAM_PROMPT_FORMAT_INDIVIDUAL, "Tyst", 0, NULL, NULL);
  g_autoptr(GPtrArray) prompts = NULL;
  SamItem *got;

  g_object_set (prompt, "group-size", 6, NULL);
  save (store, prompt);
  save (store, bare);
  g_clear_object (&store);

  /* Read back by another store, as after a restart. */
  store = open_store (f->path);
  prompts = list (store, NULL);
  g_assert_cmpuint (prompts->len, ==, 2);

  got = info_at (prompts, 1)->prompt;
  g_assert_cmpint (sam_item_get_enum (got, "format"), ==, SAM_PROMPT_FORMAT_GROUP);
  g_assert_cmpstr (sam_item_get_string (got, "text"), ==, "Hur ser det ut om tre år?");
  g_assert_cmpint (sam_item_get_int (got, "duration"), ==, 900);
  g_assert_cmpint (sam_item_get_int (got, "group-size"), ==, 6);
  assert_strv (sam_item_get_strv (got, "starters"), starters);
  assert_strv (sam_item_get_strv (got, "follow-ups"), follow_ups);

  got = info_at (prompts, 0)->prompt;
  g_assert_cmpint (sam_item_get_enum (got, "format"), ==, SAM_PROMPT_FORMAT_INDIVIDUAL);
  g_assert_cmpint (sam_item_get_int (got, "duration"), ==, 0);
  g_assert_true (sam_item_get_strv (got, "starters") == NULL ||
                 sam_item_get_strv (got, "starters")[0] == NULL);
}

/* Saving a prompt again (same text and format) updates it in place. */
static void
test_store_update (Fixture       *f,
                   gconstpointer  data)
{
  const char * const follow_ups[] = { "Varför?", NULL };
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamItem) prompt = new_prompt (SAM_PROMPT_FORMAT_PAIR, "Berätta för varandra", 300,
                                          NULL, NULL);
  g_autoptr(GPtrArray) prompts = NULL;
  sqlite3 *db;
  gint64 id, other, again, trio;

  id = save (store, prompt);
  other = save_text (store, SAM_PROMPT_FORMAT_PAIR, "Något annat");

  g_object_set (prompt, "duration", 420, "follow-ups", follow_ups, NULL);
  again = save (store, prompt);
  g_assert_cmpint (again, ==, id);

  prompts = list (store, NULL);
  g_assert_cmpuint (prompts->len, ==, 2);
  /* The save counts as a use: the updated prompt comes first again. */
  g_assert_cmpint (info_at (prompts, 0)->id, ==, id);
  g_assert_cmpint (info_at (prompts, 1)->id, ==, other);
  g_assert_cmpint (sam_item_get_int (info_at (prompts, 0)->prompt, "duration"), ==, 420);
  assert_strv (sam_item_get_strv (info_at (prompts, 0)->prompt, "follow-ups"), follow_ups);
  g_clear_pointer (&prompts, g_ptr_array_unref);

  /* The same words for another format are another prompt. */
  trio = save_text (store, SAM_PROMPT_FORMAT_TRIO, "Berätta för varandra");
  g_assert_cmpint (trio, !=, id);
  prompts = list (store, NULL);
  g_assert_cmpuint (prompts->len, ==, 3);

  db = other_connection (f->path);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM prompts WHERE text = 'Berätta för varandra'"),
                   ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM prompts WHERE format = 'pair'"), ==, 2);
  sqlite3_close (db);
}

static void
test_store_invalid (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GPtrArray) prompts = NULL;
  const char *texts[] = { "", "  \n\t " };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(SamItem) prompt = new_prompt (SAM_PROMPT_FORMAT_PAIR, texts[i], 300, NULL, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (sam_store_save_prompt (store, prompt, &error), ==, 0);
      g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
    }

  prompts = list (store, NULL);
  g_assert_cmpuint (prompts->len, ==, 0);
}

static void
test_store_delete (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GPtrArray) prompts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b, c;

  a = save_text (store, SAM_PROMPT_FORMAT_PAIR, "A");
  b = save_text (store, SAM_PROMPT_FORMAT_PAIR, "B");

  g_assert_true (sam_store_delete_prompt (store, a, &error));
  g_assert_no_error (error);

  g_assert_false (sam_store_delete_prompt (store, a, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  prompts = list (store, NULL);
  g_assert_cmpuint (prompts->len, ==, 1);
  g_assert_cmpint (info_at (prompts, 0)->id, ==, b);

  /* A deleted prompt's id is never given to another. */
  g_assert_true (sam_store_delete_prompt (store, b, &error));
  g_assert_no_error (error);
  c = save_text (store, SAM_PROMPT_FORMAT_PAIR, "C");
  g_assert_cmpint (c, >, b);
}

static void
test_store_touch (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GPtrArray) prompts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b, c;

  a = save_text (store, SAM_PROMPT_FORMAT_PAIR, "A");
  b = save_text (store, SAM_PROMPT_FORMAT_PAIR, "B");
  c = save_text (store, SAM_PROMPT_FORMAT_PAIR, "C");

  g_assert_true (sam_store_touch_prompt (store, a, &error));
  g_assert_no_error (error);
  prompts = list (store, NULL);
  g_assert_cmpint (info_at (prompts, 0)->id, ==, a);
  g_assert_cmpint (info_at (prompts, 1)->id, ==, c);
  g_assert_cmpint (info_at (prompts, 2)->id, ==, b);
  g_clear_pointer (&prompts, g_ptr_array_unref);

  /* Touching the first again keeps it first; the order survives a reopen. */
  g_assert_true (sam_store_touch_prompt (store, b, &error));
  g_assert_true (sam_store_touch_prompt (store, b, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = open_store (f->path);
  prompts = list (store, NULL);
  g_assert_cmpint (info_at (prompts, 0)->id, ==, b);
  g_assert_cmpint (info_at (prompts, 1)->id, ==, a);
  g_assert_cmpint (info_at (prompts, 2)->id, ==, c);

  g_assert_false (sam_store_touch_prompt (store, c + 100, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
}

static void
test_store_search (Fixture       *f,
                   gconstpointer  data)
{
  const char * const starters[] = { "Det jag bidrar med är …", NULL };
  const char * const follow_ups[] = { "Vem i SKOLAN märker det först?", NULL };
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(SamItem) reflection = new_prompt (SAM_PROMPT_FORMAT_INDIVIDUAL, "Vad är din roll?", 180,
                                              starters, follow_ups);
  struct {
    const char *query;
    const char *found[4];
  } cases[] = {
    { "ÅSA", { "Fråga åsa", "Åsa och Örjan om ensamhet" } },
    /* A decomposed Å (A and a combining ring) is the same letter. */
    { "A\xcc\x8asa", { "Fråga åsa", "Åsa och Örjan om ensamhet" } },
    { "örjan ENSAMHET", { "Åsa och Örjan om ensamhet" } },
    /* Typed on a keyboard without å, ä and ö. */
    { "asa orjan", { "Åsa och Örjan om ensamhet" } },
    { "  ensamhet\t åsa  ", { "Åsa och Örjan om ensamhet" } },
    { "ensamhet skolan", { NULL } },
    /* Words may come from the text, the starters and the follow-ups. */
    { "bidrar", { "Vad är din roll?" } },
    { "skolan roll", { "Vad är din roll?" } },
    { "ROLL BIDRAR FÖRST", { "Vad är din roll?" } },
    { "möten", { NULL } },
    { " ", { "Vad är din roll?", "Fråga åsa", "Åsa och Örjan om ensamhet" } },
  };

  /* The expected texts are in the list's order, newest first. */

  save_text (store, SAM_PROMPT_FORMAT_PAIR, "Åsa och Örjan om ensamhet");
  save_text (store, SAM_PROMPT_FORMAT_TRIO, "Fråga åsa");
  save (store, reflection);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) prompts = list (store, cases[i].query);

      g_test_message ("query “%s”", cases[i].query);
      g_assert_cmpuint (prompts->len, ==, g_strv_length ((char **) cases[i].found));
      for (guint j = 0; j < prompts->len; j++)
        g_assert_cmpstr (text_at (prompts, j), ==, cases[i].found[j]);
    }
}

/* A library of version 3 gains the prompts table and keeps its templates,
 * journals and recent sessions. The schema below is version 3 as it was
 * released. */
static void
test_store_upgrade_3 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  sqlite3 *db = other_connection (f->path);

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
           "CREATE TABLE templates (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,"
           "  created INTEGER NOT NULL, modified INTEGER NOT NULL, n_items INTEGER NOT NULL,"
           "  duration INTEGER NOT NULL, json TEXT NOT NULL);"
           "INSERT INTO recent VALUES ('file:///a.samling', 'A', '2024-02-13', 5);"
           "INSERT INTO journals VALUES ('unsaved', '', 'Osparad', 's', x'7b7d', 1, 2, 1);"
           "INSERT INTO templates VALUES (7, 'Halvdag', 1, 2, 1, 600,"
           "  '{\"samling_template\":1,\"agenda\":[{\"title\":\"Välkomna\",\"duration\":600}]}');"
           "PRAGMA user_version = 3;");
  sqlite3_close (db);

  store = open_store (f->path);
  g_assert_cmpint (sam_store_get_schema_version (store), ==, 4);

  entries = sam_store_list_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (((SamTemplateInfo *) g_ptr_array_index (entries, 0))->id, ==, 7);
  g_clear_pointer (&entries, g_ptr_array_unref);
  json = sam_store_load_template (store, 7, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "Välkomna"));

  entries = sam_store_journal_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((SamJournalEntry *) g_ptr_array_index (entries, 0))->id, ==, "unsaved");
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = sam_store_list_recent (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = list (store, NULL);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* The new table works. */
  save_text (store, SAM_PROMPT_FORMAT_PAIR, "Ny fråga");
  g_clear_object (&store);

  db = other_connection (f->path);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM prompts WHERE format = 'pair'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM templates"), ==, 1);
  sqlite3_close (db);
}

/* A row this version cannot fully read (a future format, broken JSON, a
 * value out of range) still lists, with defaults where it must. */
static void
test_store_odd_rows (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GPtrArray) prompts = NULL;
  SamItem *prompt;
  sqlite3 *db = other_connection (f->path);

  exec_ok (db,
           "INSERT INTO prompts (text, format, duration, group_size, starters, follow_ups,"
           "  created, last_used) "
           "VALUES ('Konstig', 'fishbowl', 999999999, 1, '{not json', '[1, \"ett\", null]', 1, 1)");
  sqlite3_close (db);

  prompts = list (store, "konstig");
  g_assert_cmpuint (prompts->len, ==, 1);
  prompt = info_at (prompts, 0)->prompt;
  g_assert_cmpint (sam_item_get_enum (prompt, "format"), ==, SAM_PROMPT_FORMAT_PAIR);
  g_assert_cmpint (sam_item_get_int (prompt, "duration"), ==, 24 * 60 * 60);
  g_assert_cmpint (sam_item_get_int (prompt, "group-size"), ==, 2);
  g_assert_true (sam_item_get_strv (prompt, "starters") == NULL ||
                 sam_item_get_strv (prompt, "starters")[0] == NULL);
  assert_strv (sam_item_get_strv (prompt, "follow-ups"), (const char * const[]) { "ett", NULL });
}

/* Starter prompts, copies, descriptions */

static void
test_starters (void)
{
  g_autoptr(GPtrArray) starters = sam_prompts_dup_starters ();
  guint n_by_format[SAM_PROMPT_FORMAT_PLENARY + 1] = { 0 };
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (starters->len, >=, 6);
  g_assert_cmpuint (starters->len, <=, 8);

  for (guint i = 0; i < starters->len; i++)
    {
      SamItem *prompt = g_ptr_array_index (starters, i);
      int format = sam_item_get_enum (prompt, "format");
      const char * const *lines = sam_item_get_strv (prompt, "starters");
      const char * const *follow_ups = sam_item_get_strv (prompt, "follow-ups");
      const char *text = sam_item_get_string (prompt, "text");
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      g_assert_true (SAM_IS_PROMPT (prompt));
      g_assert_cmpstr (sam_item_get_id (prompt), ==, "");
      g_assert_cmpuint (strlen (stripped), >, 0);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_true (g_hash_table_add (texts, (char *) text));
      g_assert_cmpint (format, >=, SAM_PROMPT_FORMAT_INDIVIDUAL);
      g_assert_cmpint (format, <=, SAM_PROMPT_FORMAT_PLENARY);
      g_assert_cmpint (sam_item_get_int (prompt, "duration"), >, 0);
      n_by_format[format]++;

      for (guint j = 0; lines != NULL && lines[j] != NULL; j++)
        g_assert_cmpstr (lines[j], !=, "");
      for (guint j = 0; follow_ups != NULL && follow_ups[j] != NULL; j++)
        g_assert_cmpstr (follow_ups[j], !=, "");

      if (format == SAM_PROMPT_FORMAT_INDIVIDUAL)
        g_assert_cmpuint (g_strv_length ((char **) lines), ==, 3);
      if (format == SAM_PROMPT_FORMAT_TRIO)
        g_assert_cmpuint (g_strv_length ((char **) follow_ups), >, 0);
    }

  g_assert_cmpuint (n_by_format[SAM_PROMPT_FORMAT_INDIVIDUAL], >=, 1);
  g_assert_cmpuint (n_by_format[SAM_PROMPT_FORMAT_PAIR], >=, 1);
  g_assert_cmpuint (n_by_format[SAM_PROMPT_FORMAT_TRIO], >=, 1);
  g_assert_cmpuint (n_by_format[SAM_PROMPT_FORMAT_PLENARY], >=, 1);

  /* Each call gives new items. */
  {
    g_autoptr(GPtrArray) again = sam_prompts_dup_starters ();

    g_assert_cmpuint (again->len, ==, starters->len);
    g_assert_true (g_ptr_array_index (again, 0) != g_ptr_array_index (starters, 0));
  }
}

/* Every starter can be kept in the library. */
static void
test_starters_save (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SamStore) store = open_store (f->path);
  g_autoptr(GPtrArray) starters = sam_prompts_dup_starters ();
  g_autoptr(GPtrArray) prompts = NULL;

  for (guint i = 0; i < starters->len; i++)
    save (store, g_ptr_array_index (starters, i));
  for (guint i = 0; i < starters->len; i++)
    save (store, g_ptr_array_index (starters, i));

  prompts = list (store, NULL);
  g_assert_cmpuint (prompts->len, ==, starters->len);
  g_assert_true (sam_item_equal (info_at (prompts, 0)->prompt,
                                 g_ptr_array_index (starters, starters->len - 1)));
}

static void
test_describe (void)
{
  struct {
    SamPromptFormat  format;
    int              duration;
    int              group_size;
    const char      *expected;
  } cases[] = {
    { SAM_PROMPT_FORMAT_PAIR, 300, 4, "In pairs · 5 min" },
    { SAM_PROMPT_FORMAT_INDIVIDUAL, 180, 4, "On your own · 3 min" },
    { SAM_PROMPT_FORMAT_TRIO, 600, 4, "In threes · 10 min" },
    { SAM_PROMPT_FORMAT_GROUP, 900, 4, "In groups of 4 · 15 min" },
    { SAM_PROMPT_FORMAT_GROUP, 1200, 6, "In groups of 6 · 20 min" },
    { SAM_PROMPT_FORMAT_PLENARY, 1200, 4, "All together · 20 min" },
    { SAM_PROMPT_FORMAT_PAIR, 60, 4, "In pairs · 1 min" },
    /* Whole minutes, and never "0 min" for a short one. */
    { SAM_PROMPT_FORMAT_PAIR, 20, 4, "In pairs · 1 min" },
    { SAM_PROMPT_FORMAT_PAIR, 150, 4, "In pairs · 3 min" },
    { SAM_PROMPT_FORMAT_PAIR, 0, 4, "In pairs" },
    { SAM_PROMPT_FORMAT_GROUP, 0, 5, "In groups of 5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SamItem) prompt = new_prompt (cases[i].format, "Fråga", cases[i].duration, NULL, NULL);
      g_autofree char *described = NULL;

      g_object_set (prompt, "group-size", cases[i].group_size, NULL);
      described = sam_prompt_describe_format (prompt);
      g_assert_cmpstr (described, ==, cases[i].expected);
    }
}

static void
test_copy (void)
{
  const char * const starters[] = { "Jag …", NULL };
  const char * const follow_ups[] = { "Varför?", "Hur?", NULL };
  g_autoptr(SamSession) session = sam_session_new_empty ();
  g_autoptr(SamItem) prompt = new_prompt (SAM_PROMPT_FORMAT_GROUP, "Vad har ändrats?", 840,
                                          starters, follow_ups);
  g_autoptr(SamItem) copy = NULL;
  g_autoptr(SamItem) second = NULL;
  GListStore *prompts;

  g_object_set (prompt, "group-size", 5, NULL);
  sam_item_set_id (prompt, "library-7");

  copy = sam_prompt_copy (prompt);
  g_assert_true (SAM_IS_PROMPT (copy));
  g_assert_true (copy != prompt);
  g_assert_cmpstr (sam_item_get_id (copy), ==, "");
  g_assert_null (sam_item_get_parent (copy));
  g_assert_cmpint (sam_item_get_enum (copy, "format"), ==, SAM_PROMPT_FORMAT_GROUP);
  g_assert_cmpstr (sam_item_get_string (copy, "text"), ==, "Vad har ändrats?");
  g_assert_cmpint (sam_item_get_int (copy, "duration"), ==, 840);
  g_assert_cmpint (sam_item_get_int (copy, "group-size"), ==, 5);
  assert_strv (sam_item_get_strv (copy, "starters"), starters);
  assert_strv (sam_item_get_strv (copy, "follow-ups"), follow_ups);

  /* The copy is independent of the original. */
  g_object_set (prompt, "text", "Ändrad", NULL);
  g_assert_cmpstr (sam_item_get_string (copy, "text"), ==, "Vad har ändrats?");

  /* Two copies of one prompt go into a session side by side, with ids of
   * their own. */
  second = sam_prompt_copy (copy);
  sam_session_insert (session, session, "prompts", G_MAXUINT, copy);
  sam_session_insert (session, session, "prompts", G_MAXUINT, second);
  prompts = sam_session_get_prompts (session);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (prompts)), ==, 2);
  g_assert_cmpstr (sam_item_get_id (copy), !=, "");
  g_assert_cmpstr (sam_item_get_id (second), !=, "");
  g_assert_cmpstr (sam_item_get_id (copy), !=, sam_item_get_id (second));
  g_assert_true (sam_item_get_parent (copy) != NULL);
}

/* Only the formats that split the room form groups. */
static void
test_group_size (void)
{
  static const struct {
    SamPromptFormat format;
    int             group_size;
    guint           expected;
  } cases[] = {
    { SAM_PROMPT_FORMAT_INDIVIDUAL, 4, 0 },
    { SAM_PROMPT_FORMAT_PAIR, 4, 2 },
    { SAM_PROMPT_FORMAT_TRIO, 4, 3 },
    { SAM_PROMPT_FORMAT_GROUP, 5, 5 },
    { SAM_PROMPT_FORMAT_PLENARY, 4, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SamItem) prompt = sam_item_new (SAM_TYPE_PROMPT, NULL);

      g_object_set (prompt, "format", cases[i].format, "group-size", cases[i].group_size, NULL);
      g_assert_cmpuint (sam_prompt_get_group_size (prompt), ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  /* The store must never touch the user's real library. */
  data_home = g_dir_make_tmp ("samling-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_add ("/sam/prompts/store/save-list", Fixture, NULL, fixture_set_up, test_store_save_list, fixture_tear_down);
  g_test_add ("/sam/prompts/store/round-trip", Fixture, NULL, fixture_set_up, test_store_round_trip, fixture_tear_down);
  g_test_add ("/sam/prompts/store/update", Fixture, NULL, fixture_set_up, test_store_update, fixture_tear_down);
  g_test_add ("/sam/prompts/store/invalid", Fixture, NULL, fixture_set_up, test_store_invalid, fixture_tear_down);
  g_test_add ("/sam/prompts/store/delete", Fixture, NULL, fixture_set_up, test_store_delete, fixture_tear_down);
  g_test_add ("/sam/prompts/store/touch", Fixture, NULL, fixture_set_up, test_store_touch, fixture_tear_down);
  g_test_add ("/sam/prompts/store/search", Fixture, NULL, fixture_set_up, test_store_search, fixture_tear_down);
  g_test_add ("/sam/prompts/store/upgrade-3", Fixture, NULL, fixture_set_up, test_store_upgrade_3, fixture_tear_down);
  g_test_add ("/sam/prompts/store/odd-rows", Fixture, NULL, fixture_set_up, test_store_odd_rows, fixture_tear_down);
  g_test_add_func ("/sam/prompts/starters/valid", test_starters);
  g_test_add ("/sam/prompts/starters/save", Fixture, NULL, fixture_set_up, test_starters_save, fixture_tear_down);
  g_test_add_func ("/sam/prompts/describe", test_describe);
  g_test_add_func ("/sam/prompts/copy", test_copy);
  g_test_add_func ("/sam/prompts/group-size", test_group_size);

  result = g_test_run ();
  rm_rf (data_home);
  return result;
}
