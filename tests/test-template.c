/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sam-entities.h"
#include "sam-history.h"
#include "sam-json.h"
#include "sam-session.h"
#include "sam-store.h"
#include "sam-template.h"

/* Helpers */

static SamItem *
add_item (SamSession      *session,
          const char      *title,
          int              duration,
          SamAgendaKind    kind,
          SamActivityKind  activity,
          SamOverrunPolicy overrun,
          const char      *notes)
{
  g_autoptr(SamItem) item = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);

  sam_session_insert (session, session, "agenda", G_MAXUINT, item);
  sam_session_set (session, item,
                   "title", title,
                   "duration", duration,
                   "kind", kind,
                   "activity-kind", activity,
                   "overrun", overrun,
                   "notes", notes,
                   NULL);
  return item;
}

/* The try-it workshop's plan, with what happened on the day recorded in
 * it: starts and ends, a pause, an extension, a skipped item, a link to a
 * prompt. */
static SamSession *
new_workshop (void)
{
  SamSession *session = sam_session_new ();
  g_autoptr(SamItem) prompt = sam_item_new (SAM_TYPE_PROMPT, NULL);
  g_autoptr(SamItem) pause = sam_item_new (SAM_TYPE_PAUSE, NULL);
  SamItem *welcome, *dialogue, *stretch;

  sam_session_set (session, session,
                   "title", "Kraftsamling Dalarna",
                   "start-time", "13:00",
                   "end-time", "16:30",
                   "warning-time", 120,
                   "language", "sv",
                   "place", "Borlänge",
                   NULL);

  welcome = add_item (session, "Välkomna", 10 * 60, SAM_AGENDA_KIND_WELCOME,
                      SAM_ACTIVITY_MAP, SAM_OVERRUN_PUSH, "Presentera dagen\noch rummet");
  add_item (session, "Inspel", 20 * 60, SAM_AGENDA_KIND_INPUT,
            SAM_ACTIVITY_NONE, SAM_OVERRUN_ABSORB, "");
  dialogue = add_item (session, "Reflektion och dialog", 45 * 60, SAM_AGENDA_KIND_DIALOGUE,
                       SAM_ACTIVITY_PROMPT, SAM_OVERRUN_PUSH, "Trios, sedan helgrupp");
  stretch = add_item (session, "Bensträckare", 5 * 60, SAM_AGENDA_KIND_BREAK,
                      SAM_ACTIVITY_NONE, SAM_OVERRUN_ABSORB, "");
  add_item (session, "Sammanfattning och nästa steg", 15 * 60, SAM_AGENDA_KIND_SUMMARY,
            SAM_ACTIVITY_WALL, SAM_OVERRUN_PUSH, "“Citat” \\ och \"tecken\"");

  sam_session_insert (session, session, "prompts", G_MAXUINT, prompt);
  sam_session_set (session, dialogue, "activity-id", sam_item_get_id (prompt), NULL);

  /* The day's record. */
  sam_session_begin_fact (session);
  sam_session_set (session, welcome,
                   "actual-start", G_GINT64_CONSTANT (1710421200000000),
                   "actual-end", G_GINT64_CONSTANT (1710421800000000),
                   "extension", 120,
                   NULL);
  sam_session_insert (session, welcome, "pauses", G_MAXUINT, pause);
  sam_session_set (session, pause,
                   "start", G_GINT64_CONSTANT (1710421300000000),
                   "end", G_GINT64_CONSTANT (1710421360000000),
                   NULL);
  sam_session_set (session, stretch, "skipped", TRUE, NULL);
  sam_session_end (session);

  return session;
}

static char *
build (SamSession *session)
{
  gsize length = 0;
  char *json = sam_template_build (session, &length);

  g_assert_nonnull (json);
  g_assert_cmpuint (length, ==, strlen (json));
  return json;
}

static SamSession *
apply (const char *json,
       const char *title)
{
  g_autoptr(GError) error = NULL;
  SamSession *session = sam_template_apply (json, strlen (json), title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  return session;
}

static SamItem *
agenda_item (SamSession *session,
             guint       position)
{
  GListModel *agenda = G_LIST_MODEL (sam_session_get_agenda (session));

  /* The session holds the item; the reference is dropped at once. */
  g_autoptr(SamItem) item = g_list_model_get_item (agenda, position);

  g_assert_nonnull (item);
  return item;
}

static guint
n_agenda_items (SamSession *session)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_agenda (session)));
}

/* Building */

static void
test_build_leaves_out_the_day (void)
{
  g_autoptr(SamSession) session = new_workshop ();
  g_autofree char *json = build (session);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object, *first;
  JsonArray *agenda;

  /* Nothing of the day, no ids, no links, no other part of the document. */
  g_assert_null (strstr (json, "actual"));
  g_assert_null (strstr (json, "pauses"));
  g_assert_null (strstr (json, "extension"));
  g_assert_null (strstr (json, "skipped"));
  g_assert_null (strstr (json, "activity_id"));
  g_assert_null (strstr (json, "\"id\""));
  g_assert_null (strstr (json, "Borlänge"));
  g_assert_null (strstr (json, "Kraftsamling"));
  g_assert_null (strstr (json, "perspectives"));
  g_assert_null (strstr (json, "prompts"));
  /* Compact: one line. */
  g_assert_null (strchr (json, '\n'));

  root = json_from_string (json, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "samling_template"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "start_time"), ==, "13:00");
  g_assert_cmpstr (json_object_get_string_member (object, "end_time"), ==, "16:30");
  g_assert_cmpint (json_object_get_int_member (object, "warning_time"), ==, 120);
  g_assert_cmpstr (json_object_get_string_member (object, "language"), ==, "sv");
  g_assert_cmpuint (json_object_get_size (object), ==, 6);

  agenda = json_object_get_array_member (object, "agenda");
  g_assert_cmpuint (json_array_get_length (agenda), ==, 5);
  first = json_array_get_object_element (agenda, 0);
  g_assert_cmpuint (json_object_get_size (first), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Välkomna");
  g_assert_cmpint (json_object_get_int_member (first, "duration"), ==, 600);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "welcome");
  g_assert_cmpstr (json_object_get_string_member (first, "notes"), ==, "Presentera dagen\noch rummet");
  g_assert_cmpstr (json_object_get_string_member (first, "activity_kind"), ==, "map");
  g_assert_cmpstr (json_object_get_string_member (first, "overrun"), ==, "push");

  /* Building reads the session, it does not change it. */
  g_assert_true (sam_session_get_dirty (session));
  g_assert_cmpuint (n_agenda_items (session), ==, 5);
}

static void
test_build_empty (void)
{
  g_autoptr(SamSession) session = sam_session_new ();
  g_autofree char *json = build (session);
  g_autoptr(SamSession) again = apply (json, NULL);
  g_autoptr(GError) error = NULL;
  guint n_items = 99, duration = 99;

  g_assert_true (sam_template_inspect (json, strlen (json), &n_items, &duration, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items, ==, 0);
  g_assert_cmpuint (duration, ==, 0);
  g_assert_cmpuint (n_agenda_items (again), ==, 0);
}

/* Applying */

static void
test_apply_same_agenda (void)
{
  g_autoptr(SamSession) session = new_workshop ();
  g_autofree char *json = build (session);
  g_autoptr(SamSession) fresh = apply (json, "Kraftsamling Gävleborg");
  g_autoptr(GError) error = NULL;
  guint n_items = 0, duration = 0;

  g_assert_true (sam_template_inspect (json, strlen (json), &n_items, &duration, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items, ==, 5);
  g_assert_cmpuint (duration, ==, (10 + 20 + 45 + 5 + 15) * 60);

  g_assert_cmpstr (sam_session_get_title (fresh), ==, "Kraftsamling Gävleborg");
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (fresh), "start-time"), ==, "13:00");
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (fresh), "end-time"), ==, "16:30");
  g_assert_cmpint (sam_item_get_int (SAM_ITEM (fresh), "warning-time"), ==, 120);
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (fresh), "language"), ==, "sv");
  /* What was not in the template is as in any new session. */
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (fresh), "place"), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_perspectives (fresh))),
                    ==, 7);

  g_assert_cmpuint (n_agenda_items (fresh), ==, n_agenda_items (session));
  for (guint i = 0; i < n_agenda_items (session); i++)
    {
      SamItem *old = agenda_item (session, i);
      SamItem *new = agenda_item (fresh, i);
      const char * const kept[] = { "title", "notes" };
      const char * const kept_enums[] = { "kind", "activity-kind", "overrun" };

      for (guint j = 0; j < G_N_ELEMENTS (kept); j++)
        g_assert_cmpstr (sam_item_get_string (new, kept[j]), ==, sam_item_get_string (old, kept[j]));
      for (guint j = 0; j < G_N_ELEMENTS (kept_enums); j++)
        g_assert_cmpint (sam_item_get_enum (new, kept_enums[j]), ==, sam_item_get_enum (old, kept_enums[j]));
      g_assert_cmpint (sam_item_get_int (new, "duration"), ==, sam_item_get_int (old, "duration"));

      /* A new plan: new ids, nothing recorded, no links. */
      g_assert_cmpstr (sam_item_get_id (new), !=, sam_item_get_id (old));
      g_assert_true (sam_session_lookup (fresh, sam_item_get_id (new)) == new);
      g_assert_cmpint (sam_item_get_int64 (new, "actual-start"), ==, 0);
      g_assert_cmpint (sam_item_get_int64 (new, "actual-end"), ==, 0);
      g_assert_cmpint (sam_item_get_int (new, "extension"), ==, 0);
      g_assert_false (sam_item_get_boolean (new, "skipped"));
      g_assert_cmpstr (sam_item_get_string (new, "activity-id"), ==, "");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (new, "pauses"))),
                        ==, 0);
    }

  /* Like a new session: nothing to save, nothing to undo. */
  g_assert_false (sam_session_get_dirty (fresh));
  g_assert_false (sam_session_can_undo (fresh));
  g_assert_false (sam_session_can_redo (fresh));
  g_assert_cmpuint (sam_history_get_n_steps (sam_session_get_history (fresh)), ==, 0);
  g_assert_true (sam_session_check_references (fresh, &error));
  g_assert_no_error (error);

  /* And it is edited like one. */
  sam_session_set (fresh, agenda_item (fresh, 0), "title", "Hej", NULL);
  g_assert_true (sam_session_get_dirty (fresh));
  g_assert_true (sam_session_undo (fresh));
  g_assert_cmpstr (sam_item_get_string (agenda_item (fresh, 0), "title"), ==, "Välkomna");
  g_assert_false (sam_session_get_dirty (fresh));
  g_assert_false (sam_session_can_undo (fresh));
}

static void
test_apply_default_title (void)
{
  g_autoptr(SamSession) session = new_workshop ();
  g_autofree char *json = build (session);
  g_autoptr(SamSession) with_null = apply (json, NULL);
  g_autoptr(SamSession) with_empty = apply (json, "");
  g_autoptr(SamSession) plain = sam_session_new ();

  g_assert_cmpstr (sam_session_get_title (with_null), ==, sam_session_get_title (plain));
  g_assert_cmpstr (sam_session_get_title (with_empty), ==, sam_session_get_title (plain));
}

/* A template from a later minor addition: members this version does not
 * know are ignored, those it knows are read; missing ones keep defaults. */
static void
test_apply_partial (void)
{
  const char *json =
    "{\"samling_template\":1,\"future\":[1,2],"
    "\"agenda\":[{\"title\":\"Enda punkten\",\"colour\":\"red\"},"
    "{\"title\":\"Paus\",\"kind\":\"break\",\"duration\":300}]}";
  g_autoptr(SamSession) session = apply (json, NULL);
  g_autoptr(SamSession) plain = sam_session_new ();

  g_assert_cmpuint (n_agenda_items (session), ==, 2);
  g_assert_cmpstr (sam_item_get_string (agenda_item (session, 0), "title"), ==, "Enda punkten");
  g_assert_cmpint (sam_item_get_int (agenda_item (session, 0), "duration"), ==, 600);
  g_assert_cmpint (sam_item_get_enum (agenda_item (session, 0), "kind"), ==, SAM_AGENDA_KIND_OTHER);
  g_assert_cmpint (sam_item_get_enum (agenda_item (session, 1), "kind"), ==, SAM_AGENDA_KIND_BREAK);
  g_assert_cmpint (sam_item_get_int (agenda_item (session, 1), "duration"), ==, 300);
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "start-time"), ==,
                   sam_item_get_string (SAM_ITEM (plain), "start-time"));
  g_assert_false (sam_session_get_dirty (session));
}

/* Broken and hostile texts */

typedef struct
{
  const char *name;
  const char *json;
  int         code;
  const char *in_message;   /* a part of the message, or NULL */
} BadCase;

static const BadCase bad_cases[] = {
  { "empty", "", SAM_JSON_ERROR_NOT_JSON, NULL },
  { "not-json", "samling", SAM_JSON_ERROR_NOT_JSON, NULL },
  { "truncated", "{\"samling_template\":1,\"agenda\":[{\"title\":\"A\"", SAM_JSON_ERROR_NOT_JSON, NULL },
  { "array", "[1,2,3]", SAM_JSON_ERROR_NOT_SAMLING, "not a JSON object" },
  { "session-file", "{\"format\":\"samling\",\"version\":1,\"id\":\"s\",\"title\":\"T\"}",
    SAM_JSON_ERROR_NOT_SAMLING, "agenda template" },
  { "version-text", "{\"samling_template\":\"1\",\"agenda\":[]}", SAM_JSON_ERROR_INVALID, "samling_template" },
  { "version-zero", "{\"samling_template\":0,\"agenda\":[]}", SAM_JSON_ERROR_INVALID, "samling_template" },
  { "version-fraction", "{\"samling_template\":1.5,\"agenda\":[]}", SAM_JSON_ERROR_INVALID, "samling_template" },
  { "newer", "{\"samling_template\":2,\"agenda\":[]}", SAM_JSON_ERROR_NEWER_VERSION, "newer" },
  { "no-agenda", "{\"samling_template\":1}", SAM_JSON_ERROR_INVALID, "agenda" },
  { "agenda-object", "{\"samling_template\":1,\"agenda\":{}}", SAM_JSON_ERROR_INVALID, "agenda" },
  { "item-number", "{\"samling_template\":1,\"agenda\":[1]}", SAM_JSON_ERROR_INVALID, "agenda[0]" },
  { "no-title", "{\"samling_template\":1,\"agenda\":[{\"title\":\"A\"},{\"duration\":60}]}",
    SAM_JSON_ERROR_INVALID, "agenda[1]" },
  { "title-number", "{\"samling_template\":1,\"agenda\":[{\"title\":7}]}",
    SAM_JSON_ERROR_INVALID, "agenda[0].title" },
  { "duration-negative", "{\"samling_template\":1,\"agenda\":[{\"title\":\"A\",\"duration\":-1}]}",
    SAM_JSON_ERROR_INVALID, "agenda[0].duration" },
  { "duration-huge", "{\"samling_template\":1,\"agenda\":[{\"title\":\"A\",\"duration\":18446744073709551617}]}",
    SAM_JSON_ERROR_NOT_JSON, NULL },
  { "duration-too-long", "{\"samling_template\":1,\"agenda\":[{\"title\":\"A\",\"duration\":86401}]}",
    SAM_JSON_ERROR_INVALID, "agenda[0].duration" },
  { "kind-unknown", "{\"samling_template\":1,\"agenda\":[{\"title\":\"A\",\"kind\":\"party\"}]}",
    SAM_JSON_ERROR_INVALID, "agenda[0].kind" },
  { "overrun-unknown", "{\"samling_template\":1,\"agenda\":[{\"title\":\"A\",\"overrun\":\"ignore\"}]}",
    SAM_JSON_ERROR_INVALID, "agenda[0].overrun" },
  { "start-time", "{\"samling_template\":1,\"start_time\":\"25:00\",\"agenda\":[]}",
    SAM_JSON_ERROR_INVALID, "start_time" },
  { "warning-time", "{\"samling_template\":1,\"warning_time\":-5,\"agenda\":[]}",
    SAM_JSON_ERROR_INVALID, "warning_time" },
  { "single-quotes", "{'samling_template':1,'agenda':[]}", SAM_JSON_ERROR_NOT_JSON, NULL },
  { "leading-zero", "{\"samling_template\":01,\"agenda\":[]}", SAM_JSON_ERROR_NOT_JSON, NULL },
  { "bad-utf8", "{\"samling_template\":1,\"agenda\":[{\"title\":\"\xff\xfe\"}]}", SAM_JSON_ERROR_NOT_JSON, NULL },
};

static void
assert_refused (const char *json,
                gsize       length,
                int         code,
                const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSession) session = NULL;
  guint n_items = 42, duration = 43;

  g_assert_false (sam_template_inspect (json, length, &n_items, &duration, &error));
  g_assert_error (error, SAM_JSON_ERROR, code);
  g_test_message ("%s", error->message);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in the message “%s”", in_message, error->message);
  /* Nothing was given back. */
  g_assert_cmpuint (n_items, ==, 42);
  g_assert_cmpuint (duration, ==, 43);
  g_clear_error (&error);

  session = sam_template_apply (json, length, "T", &error);
  g_assert_null (session);
  g_assert_error (error, SAM_JSON_ERROR, code);
}

static void
test_bad (gconstpointer data)
{
  const BadCase *bad = data;

  assert_refused (bad->json, strlen (bad->json), bad->code, bad->in_message);
}

static void
test_bad_deep (void)
{
  /* json-glib alone would overflow its stack on this. */
  guint depth = 200000;
  g_autoptr(GString) json = g_string_new ("{\"samling_template\":1,\"agenda\":");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  assert_refused (json->str, json->len, SAM_JSON_ERROR_NOT_JSON, NULL);
}

static void
test_bad_too_many (void)
{
  g_autoptr(GString) json = g_string_new ("{\"samling_template\":1,\"agenda\":[");

  for (guint i = 0; i <= SAM_TEMPLATE_MAX_ITEMS; i++)
    g_string_append_printf (json, "%s{\"title\":\"%u\"}", i > 0 ? "," : "", i);
  g_string_append (json, "]}");

  assert_refused (json->str, json->len, SAM_JSON_ERROR_TOO_LARGE, NULL);
}

static void
test_bad_embedded_nul (void)
{
  static const char json[] = "{\"samling_template\":1,\"agenda\":[{\"title\":\"A\0B\"}]}";

  assert_refused (json, sizeof json - 1, SAM_JSON_ERROR_NOT_JSON, NULL);
}

/* Every cut of a good template is refused or read whole, never crashes. */
static void
test_bad_every_prefix (void)
{
  g_autoptr(SamSession) session = new_workshop ();
  g_autofree char *json = build (session);
  gsize length = strlen (json);

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SamSession) result = sam_template_apply (json, cut, NULL, &error);

      g_assert_null (result);
      g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_NOT_JSON);
    }
}

/* Through the store */

static void
rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rm_rf (child);
        }
      g_dir_close (dir);
    }

  g_remove (path);
}

static void
test_store_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("samling-template-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "samling.db", NULL);
  g_autoptr(SamSession) session = new_workshop ();
  g_autofree char *json = build (session);
  g_autofree char *loaded = NULL;
  g_autofree char *name = NULL;
  g_autoptr(SamSession) fresh = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SamStore *store;
  SamTemplateInfo *info;
  gint64 id;

  g_assert_no_error (error);
  store = sam_store_open (path, &error);
  g_assert_no_error (error);

  id = sam_store_save_template (store, "Halvdag, eftermiddag", json, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  list = sam_store_list_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpint (info->id, ==, id);
  g_assert_cmpstr (info->name, ==, "Halvdag, eftermiddag");
  g_assert_cmpuint (info->n_items, ==, 5);
  g_assert_cmpuint (info->duration, ==, 95 * 60);

  /* Closed and opened again: the template is still there. */
  g_clear_object (&store);
  store = sam_store_open (path, &error);
  g_assert_no_error (error);

  loaded = sam_store_load_template (store, id, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded, ==, json);
  g_assert_cmpstr (name, ==, "Halvdag, eftermiddag");

  fresh = apply (loaded, name);
  g_assert_cmpuint (n_agenda_items (fresh), ==, 5);
  g_assert_cmpstr (sam_item_get_string (agenda_item (fresh, 2), "title"), ==, "Reflektion och dialog");
  g_assert_cmpint (sam_item_get_enum (agenda_item (fresh, 1), "overrun"), ==, SAM_OVERRUN_ABSORB);
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (fresh), "end-time"), ==, "16:30");

  /* A broken template never gets into the store. */
  g_assert_cmpint (sam_store_save_template (store, "Trasig", "{\"samling_template\":1}", &error), ==, 0);
  g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_find_template_by_name (store, "Trasig", NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_object (&store);
  rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sam/template/build/leaves-out-the-day", test_build_leaves_out_the_day);
  g_test_add_func ("/sam/template/build/empty", test_build_empty);
  g_test_add_func ("/sam/template/apply/same-agenda", test_apply_same_agenda);
  g_test_add_func ("/sam/template/apply/default-title", test_apply_default_title);
  g_test_add_func ("/sam/template/apply/partial", test_apply_partial);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sam/template/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  g_test_add_func ("/sam/template/bad/deep", test_bad_deep);
  g_test_add_func ("/sam/template/bad/too-many", test_bad_too_many);
  g_test_add_func ("/sam/template/bad/embedded-nul", test_bad_embedded_nul);
  g_test_add_func ("/sam/template/bad/every-prefix", test_bad_every_prefix);
  g_test_add_func ("/sam/template/store/round-trip", test_store_round_trip);

  return g_test_run ();
}
