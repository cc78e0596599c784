/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sam-json.h"
#include "sam-session.h"

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

static char *
save (SamSession *session,
      gsize      *length)
{
  char *data = sam_json_save_data (session, length);

  g_assert_nonnull (data);
  g_assert_cmpuint (*length, ==, strlen (data));
  return data;
}

static char *
read_dist_file (gsize      *length,
                const char *first,
                ...) G_GNUC_NULL_TERMINATED;

static char *
read_dist_file (gsize      *length,
                const char *first,
                ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  va_list args;

  g_ptr_array_add (parts, (char *) g_test_get_dir (G_TEST_DIST));
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);

  return data;
}

/* Loads @text expecting @code, with @place in the message. */
static void
assert_load_error_len (const char *text,
                       gsize       length,
                       int         code,
                       const char *place)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSession) session = sam_json_load_data (text, length, &error);

  g_assert_null (session);
  g_assert_error (error, SAM_JSON_ERROR, code);
  if (place != NULL && strstr (error->message, place) == NULL)
    g_error ("“%s” does not name “%s”", error->message, place);
}

static void
assert_load_error (const char *text,
                   int         code,
                   const char *place)
{
  assert_load_error_len (text, strlen (text), code, place);
}

/* A small valid session with @members added to its root object. */
static char *
doc (const char *members)
{
  return g_strdup_printf ("{\"format\": \"samling\", \"version\": 1, \"id\": \"s\", "
                          "\"title\": \"Prov\"%s%s}",
                          members[0] != '\0' ? ", " : "", members);
}

static void
assert_doc_error (const char *members,
                  int         code,
                  const char *place)
{
  g_autofree char *text = doc (members);

  assert_load_error (text, code, place);
}

static SamSession *
load_doc (const char *members)
{
  g_autofree char *text = doc (members);
  g_autoptr(GError) error = NULL;
  SamSession *session = sam_json_load_data (text, strlen (text), &error);

  g_assert_no_error (error);
  return session;
}

/* A session that uses every field of every kind of item, with values that
 * are not the defaults and texts that need escaping. */
static SamSession *
build_full_session (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0xff };
  g_autoptr(GBytes) image = g_bytes_new_static (png, sizeof png);
  SamSession *s = sam_session_new ();
  SamItem *perspective, *perspective2, *agenda, *agenda2, *participant, *participant2;
  SamItem *balloon, *prompt, *round, *voice, *wall, *column, *note, *pause, *cluster;
  const char *both[3] = { NULL, NULL, NULL };
  const char *starters[] = { "Jag tänker att …", "Det \"svåra\" är …", "", NULL };
  const char *follow_ups[] = { "Vad behövs?\nOch av vem?", "Tab\there", NULL };
  GVariantBuilder builder;

  g_autoptr(SamItem) first = g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (s)), 0);
  perspective = first;
  perspective2 = add (s, s, "perspectives", SAM_TYPE_PERSPECTIVE);
  sam_session_set (s, perspective2, "name", "Unga själva", "color", "#a1b2c3", NULL);

  sam_session_set (s, s,
                   "title", "Kraftsamling – \"prova på\" \\ 😀",
                   "date", "2024-02-29",
                   "place", "Karlskrona\u00a0hamn",
                   "mode", SAM_SESSION_MODE_DIGITAL,
                   "start-time", "00:00",
                   "end-time", "23:59",
                   "purpose", "Rad ett\nrad två\r\n\tindrag \x01 kontroll",
                   "goal", "Ett mål i sikte / med snedstreck",
                   "language", "en",
                   "map-image", image,
                   "map-image-type", "image/png",
                   "created", G_GINT64_CONSTANT (1702900800123456),
                   "warning-time", 3600,
                   NULL);

  participant = add (s, s, "participants", SAM_TYPE_PARTICIPANT);
  participant2 = add (s, s, "participants", SAM_TYPE_PARTICIPANT);
  both[0] = sam_item_get_id (perspective);
  both[1] = sam_item_get_id (perspective2);
  sam_session_set (s, participant, "name", "Rektor", "organisation", "Skola i Ronneby",
                   "municipality", "Ronneby", "perspectives", both, "present", FALSE, NULL);

  prompt = add (s, s, "prompts", SAM_TYPE_PROMPT);
  sam_session_set (s, prompt, "format", SAM_PROMPT_FORMAT_TRIO, "text", "Vad tar du med dig?",
                   "duration", 86400, "group-size", 3, "starters", starters,
                   "follow-ups", follow_ups, NULL);

  agenda = add (s, s, "agenda", SAM_TYPE_AGENDA_ITEM);
  agenda2 = add (s, s, "agenda", SAM_TYPE_AGENDA_ITEM);
  sam_session_set (s, agenda, "title", "Dialog", "duration", 0, "kind", SAM_AGENDA_KIND_DIALOGUE,
                   "notes", "Ha post-it redo", "activity-kind", SAM_ACTIVITY_PROMPT,
                   "activity-id", sam_item_get_id (prompt),
                   "actual-start", G_GINT64_CONSTANT (1702904400000000),
                   "actual-end", G_GINT64_CONSTANT (253402300799999999),
                   "overrun", SAM_OVERRUN_ABSORB, "extension", -86400, "skipped", TRUE, NULL);
  sam_session_set (s, agenda2, "title", "Paus", "kind", SAM_AGENDA_KIND_BREAK, NULL);
  pause = add (s, agenda, "pauses", SAM_TYPE_PAUSE);
  sam_session_set (s, pause, "start", G_GINT64_CONSTANT (1702904460000001),
                   "end", G_GINT64_CONSTANT (1702904520000000), NULL);
  add (s, agenda, "pauses", SAM_TYPE_PAUSE);

  balloon = add (s, s, "balloons", SAM_TYPE_BALLOON);
  sam_session_set (s, balloon, "perspective", sam_item_get_id (perspective2),
                   "x", 0.1, "y", 1.0, "participant", sam_item_get_id (participant),
                   "label", "Vid kusten", NULL);
  add (s, s, "balloons", SAM_TYPE_BALLOON);

  round = add (s, s, "group-rounds", SAM_TYPE_GROUP_ROUND);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aas"));
  g_variant_builder_open (&builder, G_VARIANT_TYPE ("as"));
  g_variant_builder_add (&builder, "s", sam_item_get_id (participant));
  g_variant_builder_add (&builder, "s", sam_item_get_id (participant2));
  g_variant_builder_close (&builder);
  g_variant_builder_open (&builder, G_VARIANT_TYPE ("as"));
  g_variant_builder_close (&builder);
  sam_session_set (s, round, "prompt", sam_item_get_id (prompt),
                   "created", G_GINT64_CONSTANT (1702904500000001),
                   "groups", g_variant_builder_end (&builder), NULL);

  voice = add (s, s, "voices", SAM_TYPE_VOICE);
  sam_session_set (s, voice, "text", "Vi behöver ses oftare", "prompt", sam_item_get_id (prompt),
                   "agenda-item", sam_item_get_id (agenda),
                   "time", G_GINT64_CONSTANT (1702904600500000),
                   "perspective", sam_item_get_id (perspective), "on-stage", TRUE, NULL);

  wall = add (s, s, "walls", SAM_TYPE_WALL);
  sam_session_set (s, wall, "title", "Frågor och förslag", NULL);
  column = add (s, wall, "columns", SAM_TYPE_COLUMN);
  sam_session_set (s, column, "title", "Förslag", NULL);
  add (s, wall, "columns", SAM_TYPE_COLUMN);
  note = add (s, column, "notes", SAM_TYPE_NOTE);
  sam_session_set (s, note, "text", "Bjud in fritidsgårdarna", "color", SAM_NOTE_COLOR_PURPLE,
                   "votes", 1000000, "perspective", sam_item_get_id (perspective2),
                   "time", G_GINT64_CONSTANT (1702904700000000), "hidden", TRUE, NULL);
  add (s, column, "notes", SAM_TYPE_NOTE);
  cluster = add (s, column, "clusters", SAM_TYPE_CLUSTER);
  sam_session_set (s, cluster, "title", "Fritid \"och\" föreningar", NULL);
  sam_session_set (s, note, "cluster", sam_item_get_id (cluster), NULL);

  sam_session_mark_saved (s);
  return s;
}

static const GType *
item_types (guint *n)
{
  static GType types[13];

  types[0] = SAM_TYPE_SESSION;
  types[1] = SAM_TYPE_AGENDA_ITEM;
  types[2] = SAM_TYPE_PERSPECTIVE;
  types[3] = SAM_TYPE_PARTICIPANT;
  types[4] = SAM_TYPE_BALLOON;
  types[5] = SAM_TYPE_PROMPT;
  types[6] = SAM_TYPE_GROUP_ROUND;
  types[7] = SAM_TYPE_VOICE;
  types[8] = SAM_TYPE_WALL;
  types[9] = SAM_TYPE_COLUMN;
  types[10] = SAM_TYPE_NOTE;
  types[11] = SAM_TYPE_PAUSE;
  types[12] = SAM_TYPE_CLUSTER;
  *n = G_N_ELEMENTS (types);

  return types;
}

/* The document's own properties of @type (not "id", not "dirty"). */
static GParamSpec **
document_properties (GType  type,
                     guint *n_props)
{
  g_autoptr(SamItem) item = sam_item_new (type, "x");
  GParamSpec **pspecs = sam_item_list_properties (item, n_props);

  return pspecs;
}

static void
mark_used_cb (SamItem  *item,
              gpointer  user_data)
{
  GHashTable *used = user_data;
  guint n;
  GParamSpec **pspecs = sam_item_list_properties (item, &n);

  for (guint i = 0; i < n; i++)
    if (!g_param_value_defaults (pspecs[i], sam_item_peek_value (item, pspecs[i])))
      g_hash_table_add (used, pspecs[i]);
}

/* Round trips */

static void
test_round_trip_every_field (void)
{
  g_autoptr(SamSession) session = build_full_session ();
  g_autoptr(SamSession) loaded = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length, second_length;
  const GType *types;
  guint n_types;

  /* The fixture must really use every field: a field added later and
   * forgotten here fails this test. */
  sam_item_foreach (SAM_ITEM (session), mark_used_cb, used);
  types = item_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      guint n;
      GParamSpec **pspecs = document_properties (types[t], &n);

      for (guint i = 0; i < n; i++)
        if (!g_hash_table_contains (used, pspecs[i]))
          g_error ("%s.%s is not used by the round-trip document",
                   g_type_name (types[t]), pspecs[i]->name);
    }

  first = save (session, &first_length);
  loaded = sam_json_load_data (first, first_length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  g_assert_true (sam_item_equal (SAM_ITEM (session), SAM_ITEM (loaded)));
  g_assert_false (sam_session_get_dirty (loaded));
  g_assert_false (sam_session_can_undo (loaded));

  second = save (loaded, &second_length);
  g_assert_cmpuint (first_length, ==, second_length);
  g_assert_cmpstr (first, ==, second);

  /* Pretty-printed, one newline at the end, the header first. */
  g_assert_true (g_str_has_prefix (first, "{\n  \"format\": \"samling\",\n  \"version\": 1,\n"));
  g_assert_true (g_str_has_suffix (first, "}\n"));
  /* The id index is built: references resolve. */
  g_assert_true (sam_session_lookup (loaded, sam_item_get_id (SAM_ITEM (loaded))) == SAM_ITEM (loaded));
}

static void
check_item_node_cb (SamItem  *item,
                    gpointer  user_data)
{
  g_autoptr(JsonNode) node = sam_json_item_to_node (item);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamItem) back = sam_json_item_from_node (G_OBJECT_TYPE (item), node, "x", &error);
  guint n;
  GParamSpec **pspecs = sam_item_list_properties (item, &n);

  g_assert_no_error (error);
  g_assert_true (sam_item_equal (item, back));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonNode) value_node = sam_json_value_to_node (pspecs[i], sam_item_peek_value (item, pspecs[i]));
      g_auto(GValue) value = G_VALUE_INIT;

      g_assert_true (sam_json_value_from_node (pspecs[i], value_node, &value, pspecs[i]->name, &error));
      g_assert_no_error (error);
      g_assert_true (sam_value_equal (&value, sam_item_peek_value (item, pspecs[i])));
    }
}

static void
test_round_trip_nodes (void)
{
  g_autoptr(SamSession) session = build_full_session ();

  sam_item_foreach (SAM_ITEM (session), check_item_node_cb, NULL);
}

static void
test_member_names (void)
{
  g_autofree char *a = sam_json_member_name ("title");
  g_autofree char *b = sam_json_member_name ("start-time");
  g_autofree char *c = sam_json_member_name ("group-rounds");

  g_assert_cmpstr (a, ==, "title");
  g_assert_cmpstr (b, ==, "start_time");
  g_assert_cmpstr (c, ==, "group_rounds");
}

static void
test_unknown_members (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSession) session = NULL;
  g_autoptr(SamSession) again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(SamItem) note = NULL;
  g_autoptr(SamItem) wall = NULL;
  g_autoptr(SamItem) column = NULL;
  JsonObject *extra;
  gsize length, saved_length;

  data = read_dist_file (&length, "data", "unknown-members.samling", NULL);
  session = sam_json_load_data (data, length, &error);
  g_assert_no_error (error);

  extra = sam_item_get_extra (SAM_ITEM (session));
  g_assert_nonnull (extra);
  g_assert_true (json_object_has_member (extra, "facilitator_mood"));
  g_assert_false (json_object_has_member (extra, "format"));
  g_assert_false (json_object_has_member (extra, "title"));

  wall = g_list_model_get_item (G_LIST_MODEL (sam_session_get_walls (session)), 0);
  column = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (wall, "columns")), 0);
  note = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (column, "notes")), 0);
  extra = sam_item_get_extra (note);
  g_assert_nonnull (extra);
  g_assert_cmpfloat (json_object_get_double_member (extra, "rotation"), ==, -2.5);

  /* Written back unchanged, after the known members: the fixture is in the
   * form the saver writes, so the bytes must match. */
  saved = save (session, &saved_length);
  g_assert_cmpstr (saved, ==, data);

  again = sam_json_load_data (saved, saved_length, &error);
  g_assert_no_error (error);
  g_assert_true (sam_item_equal (SAM_ITEM (session), SAM_ITEM (again)));
}

static void
test_newer_version (void)
{
  const char *text = "{\"format\": \"samling\", \"version\": 2, \"id\": \"s\", \"title\": \"T\", "
                     "\"agenda\": {\"changed\": \"shape\"}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSession) session = sam_json_load_data (text, strlen (text), &error);

  g_assert_null (session);
  g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_nonnull (strstr (error->message, "2"));
}

static void
test_minor_version (void)
{
  g_autoptr(SamSession) session = load_doc ("\"minor_version\": 7, \"new_feature\": {\"a\": [1, 2]}, "
                                            "\"agenda\": [{\"id\": \"a\", \"title\": \"X\", "
                                            "\"new_field\": true}]");
  g_autofree char *saved = NULL;
  gsize length;

  g_assert_cmpstr (sam_session_get_title (session), ==, "Prov");
  saved = save (session, &length);
  g_assert_nonnull (strstr (saved, "\"new_feature\": {\n    \"a\": [1, 2]\n  }"));
  g_assert_nonnull (strstr (saved, "\"new_field\": true"));
}

static void
test_numbers (void)
{
  g_autoptr(SamSession) session =
    load_doc ("\"balloons\": [{\"id\": \"b1\", \"x\": 1, \"y\": 0}, {\"id\": \"b2\", \"x\": 0.1, \"y\": -0.0}], "
              "\"numbers\": [1.0, -0.0, 1e300, 0.1, 5e-324, 12, -0, 9223372036854775807]");
  g_autoptr(SamSession) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length, second_length;

  first = save (session, &first_length);
  g_assert_nonnull (strstr (first, "\"x\": 1.0,\n"));
  g_assert_nonnull (strstr (first, "\"x\": 0.1,\n"));
  /* Doubles stay doubles and integers integers, as they were. */
  g_assert_nonnull (strstr (first, "\"numbers\": [1.0, -0.0, 1e+300, 0.1, 4.94065645841247e-324, 12, 0, "
                                   "9223372036854775807]"));

  again = sam_json_load_data (first, first_length, &error);
  g_assert_no_error (error);
  g_assert_true (sam_item_equal (SAM_ITEM (session), SAM_ITEM (again)));
  second = save (again, &second_length);
  g_assert_cmpstr (first, ==, second);
}

static void
test_missing_optional_members (void)
{
  g_autoptr(SamSession) session = load_doc ("\"agenda\": [{\"id\": \"a\", \"title\": \"X\"}]");
  g_autoptr(SamItem) item = g_list_model_get_item (G_LIST_MODEL (sam_session_get_agenda (session)), 0);

  /* The declared defaults. */
  g_assert_cmpint (sam_item_get_int (item, "duration"), ==, 600);
  g_assert_cmpint (sam_item_get_enum (item, "kind"), ==, SAM_AGENDA_KIND_OTHER);
  g_assert_cmpint (sam_item_get_int64 (item, "actual-start"), ==, 0);
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "start-time"), ==, "09:00");
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "language"), ==, "sv");
}

static void
test_timestamps (void)
{
  g_autoptr(SamSession) session =
    load_doc ("\"created\": \"2023-12-18T14:00:00+01:00\", "
              "\"voices\": [{\"id\": \"v1\", \"text\": \"a\", \"time\": \"2023-12-18T13:00:00.5Z\"},"
              "             {\"id\": \"v2\", \"text\": \"b\", \"time\": null},"
              "             {\"id\": \"v3\", \"text\": \"c\", \"time\": \"2000-02-29T23:59:59.000001Z\"}]");
  GListModel *voices = G_LIST_MODEL (sam_session_get_voices (session));
  g_autoptr(SamItem) v1 = g_list_model_get_item (voices, 0);
  g_autoptr(SamItem) v2 = g_list_model_get_item (voices, 1);
  g_autoptr(SamItem) v3 = g_list_model_get_item (voices, 2);
  g_autofree char *saved = NULL;
  gsize length;

  /* 2023-12-18T13:00:00Z is 1702904400 s after the epoch. */
  g_assert_cmpint (sam_item_get_int64 (SAM_ITEM (session), "created"), ==, G_GINT64_CONSTANT (1702904400000000));
  g_assert_cmpint (sam_item_get_int64 (v1, "time"), ==, G_GINT64_CONSTANT (1702904400500000));
  g_assert_cmpint (sam_item_get_int64 (v2, "time"), ==, 0);
  g_assert_cmpint (sam_item_get_int64 (v3, "time"), ==, G_GINT64_CONSTANT (951868799000001));

  saved = save (session, &length);
  g_assert_nonnull (strstr (saved, "\"created\": \"2023-12-18T13:00:00Z\""));
  g_assert_nonnull (strstr (saved, "\"time\": \"2023-12-18T13:00:00.500000Z\""));
  g_assert_nonnull (strstr (saved, "\"time\": null"));
  g_assert_nonnull (strstr (saved, "\"time\": \"2000-02-29T23:59:59.000001Z\""));
}

/* Errors: not JSON */

static void
test_empty (void)
{
  assert_load_error ("", SAM_JSON_ERROR_NOT_JSON, "empty");
  assert_load_error_len (NULL, 0, SAM_JSON_ERROR_NOT_JSON, "empty");
}

static void
test_whitespace (void)
{
  assert_load_error (" \n\t\r\n  ", SAM_JSON_ERROR_NOT_JSON, "empty");
}

static void
test_binary_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  /* A PNG header, then random bytes: never JSON. */
  assert_load_error_len ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, SAM_JSON_ERROR_NOT_JSON, "Line 1, column 1");

  for (guint round = 0; round < 200; round++)
    {
      guint8 bytes[64];
      g_autoptr(GError) error = NULL;
      g_autoptr(SamSession) session = NULL;

      for (guint i = 0; i < sizeof bytes; i++)
        bytes[i] = g_rand_int_range (rand, 0, 256);
      /* Not by chance the start of an object. */
      if (bytes[0] == '{' || g_ascii_isspace (bytes[0]))
        bytes[0] = 0xff;

      session = sam_json_load_data ((const char *) bytes, sizeof bytes, &error);
      g_assert_null (session);
      g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_NOT_JSON);
      g_assert_true (g_str_has_prefix (error->message, "Line "));
    }
}

static void
test_invalid_utf8 (void)
{
  assert_load_error ("{\"format\": \"samling\",\n \"title\": \"caf\xe9\"}", SAM_JSON_ERROR_NOT_JSON,
                     "Line 2, column 15");
  /* An overlong encoding of '/' and a UTF-16 surrogate in UTF-8. */
  assert_load_error ("[\"\xc0\xaf\"]", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 3");
  assert_load_error ("[\"\xed\xa0\x80\"]", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 3");
}

static void
test_nul (void)
{
  assert_load_error_len ("{\"a\": \"b\0c\"}", 11, SAM_JSON_ERROR_NOT_JSON, "NUL");
  assert_load_error ("{\"a\": \"b\\u0000c\"}", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 9");
}

static void
test_truncated (void)
{
  g_autofree char *data = NULL;
  gsize length;
  guint cuts = 0;

  data = read_dist_file (&length, "..", "data", "demo.samling", NULL);
  g_assert_cmpuint (length, >, 1000);

  /* Everything short of the closing brace: cut inside strings, numbers,
   * between members and inside multi-byte characters. */
  for (gsize cut = 1; cut < length - 1; cut += 1 + cut / 7)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SamSession) session = sam_json_load_data (data, cut, &error);

      g_assert_null (session);
      g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_NOT_JSON);
      g_assert_true (g_str_has_prefix (error->message, "Line "));
      cuts++;
    }
  g_assert_cmpuint (cuts, >, 50);

  assert_load_error_len (data, length - 2, SAM_JSON_ERROR_NOT_JSON, "ends before");
}

static void
test_deep_nesting (void)
{
  gsize n = 100000;
  g_autofree char *arrays = g_malloc (2 * n);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(GString) ok = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  memset (arrays, '[', n);
  memset (arrays + n, ']', n);
  assert_load_error_len (arrays, 2 * n, SAM_JSON_ERROR_NOT_JSON, "Line 1, column 33");
  assert_load_error_len (arrays, n, SAM_JSON_ERROR_NOT_JSON, "nested more than 32");

  for (guint i = 0; i < 1000; i++)
    g_string_append (objects, "{\"a\":");
  assert_load_error (objects->str, SAM_JSON_ERROR_NOT_JSON, "nested");

  /* Exactly the limit is fine. */
  for (guint i = 0; i < SAM_JSON_MAX_DEPTH; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < SAM_JSON_MAX_DEPTH; i++)
    g_string_append_c (ok, ']');
  g_assert_true (sam_json_check_text (ok->str, ok->len, &error));
  g_assert_no_error (error);
}

static void
test_huge_integers (void)
{
  g_autoptr(GError) error = NULL;
  const char *text;

  assert_load_error ("{\"format\": \"samling\", \"version\": 18446744073709551617}",
                     SAM_JSON_ERROR_NOT_JSON, "Line 1, column 34: number 18446744073709551617 is too large");
  assert_load_error ("{\"format\": \"samling\",\n \"version\": 9223372036854775808}",
                     SAM_JSON_ERROR_NOT_JSON, "Line 2, column 13");
  assert_load_error ("[-9223372036854775809]", SAM_JSON_ERROR_NOT_JSON, "too small");
  assert_load_error ("[1e400]", SAM_JSON_ERROR_NOT_JSON, "too large");
  assert_load_error ("[-1e400]", SAM_JSON_ERROR_NOT_JSON, "too large");

  /* The extremes that fit are read exactly, then range-checked. */
  text = "[9223372036854775807, -9223372036854775808, 1e-400]";
  g_assert_true (sam_json_check_text (text, strlen (text), &error));
  g_assert_no_error (error);
  assert_doc_error ("\"agenda\": [{\"id\": \"a\", \"title\": \"X\", \"duration\": 9223372036854775807}]",
                    SAM_JSON_ERROR_INVALID, "agenda[0].duration");
  assert_doc_error ("\"agenda\": [{\"id\": \"a\", \"title\": \"X\", \"duration\": 4294967896}]",
                    SAM_JSON_ERROR_INVALID, "agenda[0].duration");
}

static void
test_bad_numbers (void)
{
  assert_load_error ("[012]", SAM_JSON_ERROR_NOT_JSON, "“012” is not a valid JSON number");
  assert_load_error ("[-01]", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 2");
  assert_load_error ("[+1]", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 2");
  assert_load_error ("[.5]", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 2");
  assert_load_error ("[1.]", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 2");
  assert_load_error ("[1e]", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 2");
  assert_load_error ("[0x1F]", SAM_JSON_ERROR_NOT_JSON, "“0x1F”");
  assert_load_error ("[NaN]", SAM_JSON_ERROR_NOT_JSON, "“NaN” is not a JSON value");
  assert_load_error ("[1, Infinity]", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 5");
  assert_load_error ("[-Infinity]", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 2");
}

static void
test_single_quotes (void)
{
  assert_load_error ("{'format': 'samling'}", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 2");
  assert_load_error ("{\"format\": 'samling'}", SAM_JSON_ERROR_NOT_JSON, "single quotes");
}

static void
test_syntax (void)
{
  assert_load_error ("{\"a\": 1,}", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 9");
  assert_load_error ("[1, 2,]", SAM_JSON_ERROR_NOT_JSON, "comma");
  assert_load_error ("{\"a\" 1}", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 6");
  assert_load_error ("{\"a\": 1 \"b\": 2}", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 9");
  assert_load_error ("{\"a\": [1}", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 9");
  assert_load_error ("{a: 1}", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 2");
  assert_load_error ("{} {}", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 4");
  assert_load_error ("{} // note", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 4");
  assert_load_error ("/* c */ {}", SAM_JSON_ERROR_NOT_JSON, "comments");
  assert_load_error ("[\"a\tb\"]", SAM_JSON_ERROR_NOT_JSON, "control character");
  assert_load_error ("[\"\\x41\"]", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 3");
  assert_load_error ("[\"\\ud800\"]", SAM_JSON_ERROR_NOT_JSON, "surrogate");
  assert_load_error ("[\"\\udc00\"]", SAM_JSON_ERROR_NOT_JSON, "surrogate");
  assert_load_error ("[\"open]", SAM_JSON_ERROR_NOT_JSON, "not closed");
  assert_load_error ("\xef\xbb\xbf{}", SAM_JSON_ERROR_NOT_JSON, "Line 1, column 1");
}

static void
test_positions (void)
{
  g_autoptr(GError) error = NULL;
  /* Columns count characters, not bytes; tabs count one. */
  const char *text = "{\n\t\"å\": \"ö😀\",\n\t\"b\": tru }";

  g_assert_false (sam_json_check_text (text, strlen (text), &error));
  g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_NOT_JSON);
  g_assert_cmpstr (error->message, ==, "Line 3, column 7: “tru” is not a JSON value");
}

static void
test_escapes (void)
{
  g_autoptr(SamSession) session =
    load_doc ("\"purpose\": \"\\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e5 \\ud83d\\ude00 \\u2028\"");

  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "purpose"), ==,
                   "\"q\" \\ / \b\f\n\r\t å 😀 \u2028");
}

static void
test_too_large (void)
{
  gsize length = SAM_JSON_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (length);

  memset (data, ' ', length);
  data[0] = '{';
  data[length - 1] = '}';
  assert_load_error_len (data, length, SAM_JSON_ERROR_TOO_LARGE, "too large");
}

/* Errors: JSON, but not a session */

static void
test_not_object (void)
{
  assert_load_error ("[1, 2]", SAM_JSON_ERROR_NOT_SAMLING, "not a JSON object");
  assert_load_error ("\"samling\"", SAM_JSON_ERROR_NOT_SAMLING, NULL);
  assert_load_error ("null", SAM_JSON_ERROR_NOT_SAMLING, NULL);
}

static void
test_missing_format (void)
{
  assert_load_error ("{\"version\": 1, \"id\": \"s\", \"title\": \"T\"}",
                     SAM_JSON_ERROR_NOT_SAMLING, "“format”");
}

static void
test_wrong_format (void)
{
  assert_load_error ("{\"format\": \"excalidraw\", \"version\": 2}", SAM_JSON_ERROR_NOT_SAMLING, "“excalidraw”");
  assert_load_error ("{\"format\": 1}", SAM_JSON_ERROR_NOT_SAMLING, NULL);
}

static void
test_bad_version (void)
{
  assert_load_error ("{\"format\": \"samling\", \"id\": \"s\", \"title\": \"T\"}",
                     SAM_JSON_ERROR_INVALID, "(root)");
  assert_load_error ("{\"format\": \"samling\", \"version\": \"1\"}", SAM_JSON_ERROR_INVALID, "(root).version");
  assert_load_error ("{\"format\": \"samling\", \"version\": 1.0}", SAM_JSON_ERROR_INVALID, "(root).version");
  assert_load_error ("{\"format\": \"samling\", \"version\": 0}", SAM_JSON_ERROR_INVALID, "(root).version");
  assert_doc_error ("\"minor_version\": -1", SAM_JSON_ERROR_INVALID, "(root).minor_version");
}

/* Errors: invalid content */

static void
test_wrong_types (void)
{
  assert_doc_error ("\"agenda\": [{\"id\": \"a\", \"title\": \"X\"}, {\"id\": \"b\", \"title\": \"Y\", "
                    "\"duration\": \"10 min\"}]",
                    SAM_JSON_ERROR_INVALID, "agenda[1].duration: expected a whole number between 0 and 86400, found “10 min”");
  assert_doc_error ("\"agenda\": [{\"id\": \"a\", \"title\": \"X\", \"duration\": 60.5}]",
                    SAM_JSON_ERROR_INVALID, "agenda[0].duration");
  assert_doc_error ("\"agenda\": [{\"id\": \"a\", \"title\": 7}]", SAM_JSON_ERROR_INVALID,
                    "agenda[0].title: expected a text, found 7");
  assert_doc_error ("\"title\": null", SAM_JSON_ERROR_INVALID, "(root).title");
  assert_doc_error ("\"participants\": [{\"id\": \"p\", \"present\": \"yes\"}]", SAM_JSON_ERROR_INVALID,
                    "participants[0].present");
  assert_doc_error ("\"participants\": [{\"id\": \"p\", \"perspectives\": \"a\"}]", SAM_JSON_ERROR_INVALID,
                    "participants[0].perspectives");
  assert_doc_error ("\"participants\": [{\"id\": \"p\", \"perspectives\": [\"a\", 2]}]", SAM_JSON_ERROR_INVALID,
                    "participants[0].perspectives[1]");
  assert_doc_error ("\"group_rounds\": [{\"id\": \"g\", \"groups\": [[\"a\"], \"b\"]}]", SAM_JSON_ERROR_INVALID,
                    "group_rounds[0].groups[1]");
  assert_doc_error ("\"group_rounds\": [{\"id\": \"g\", \"groups\": [[\"a\", {}]]}]", SAM_JSON_ERROR_INVALID,
                    "group_rounds[0].groups[0][1]");
  assert_doc_error ("\"map_image\": \"not base64!\"", SAM_JSON_ERROR_INVALID, "(root).map_image");
  assert_doc_error ("\"map_image\": \"QUJD=\"", SAM_JSON_ERROR_INVALID, "(root).map_image");
  assert_doc_error ("\"walls\": {}", SAM_JSON_ERROR_INVALID, "(root).walls: expected a list");
  assert_doc_error ("\"walls\": [[]]", SAM_JSON_ERROR_INVALID, "walls[0]: expected an object");
  assert_doc_error ("\"walls\": [{\"id\": \"w\", \"title\": \"W\", \"columns\": [{\"id\": \"c\", "
                    "\"title\": \"C\", \"notes\": [{\"id\": \"n\", \"text\": \"N\", \"votes\": true}]}]}]",
                    SAM_JSON_ERROR_INVALID, "walls[0].columns[0].notes[0].votes");
  assert_doc_error ("\"voices\": [{\"id\": \"v\", \"text\": \"x\", \"time\": 1702904400}]",
                    SAM_JSON_ERROR_INVALID, "voices[0].time");
}

static void
test_out_of_range (void)
{
  assert_doc_error ("\"balloons\": [{\"id\": \"b\", \"x\": 1.5}]", SAM_JSON_ERROR_INVALID,
                    "balloons[0].x: expected a number between 0 and 1, found 1.5");
  assert_doc_error ("\"balloons\": [{\"id\": \"b\", \"y\": -0.01}]", SAM_JSON_ERROR_INVALID, "balloons[0].y");
  assert_doc_error ("\"agenda\": [{\"id\": \"a\", \"title\": \"X\", \"duration\": -60}]",
                    SAM_JSON_ERROR_INVALID, "agenda[0].duration");
  assert_doc_error ("\"agenda\": [{\"id\": \"a\", \"title\": \"X\", \"duration\": 1e9}]",
                    SAM_JSON_ERROR_INVALID, "agenda[0].duration");
  assert_doc_error ("\"prompts\": [{\"id\": \"p\", \"text\": \"X\", \"group_size\": 1}]",
                    SAM_JSON_ERROR_INVALID, "prompts[0].group_size");
  assert_doc_error ("\"voices\": [{\"id\": \"v\", \"text\": \"x\", \"time\": \"1969-12-31T23:59:59Z\"}]",
                    SAM_JSON_ERROR_INVALID, "voices[0].time");
}

static void
test_unknown_enum (void)
{
  assert_doc_error ("\"mode\": \"hybrid\"", SAM_JSON_ERROR_INVALID,
                    "(root).mode: expected one of “physical”, “digital”, found “hybrid”");
  assert_doc_error ("\"agenda\": [{\"id\": \"a\", \"title\": \"X\", \"kind\": \"Break\"}]",
                    SAM_JSON_ERROR_INVALID, "agenda[0].kind");
  assert_doc_error ("\"agenda\": [{\"id\": \"a\", \"title\": \"X\", \"kind\": 4}]",
                    SAM_JSON_ERROR_INVALID, "agenda[0].kind");
}

static void
test_bad_date_clock_color (void)
{
  assert_doc_error ("\"date\": \"2023-02-29\"", SAM_JSON_ERROR_INVALID, "(root).date");
  assert_doc_error ("\"date\": \"18/12/2023\"", SAM_JSON_ERROR_INVALID, "(root).date");
  assert_doc_error ("\"date\": \"2023-1-5\"", SAM_JSON_ERROR_INVALID, "(root).date");
  assert_doc_error ("\"start_time\": \"24:00\"", SAM_JSON_ERROR_INVALID, "(root).start_time");
  assert_doc_error ("\"end_time\": \"9:30\"", SAM_JSON_ERROR_INVALID, "(root).end_time");
  assert_doc_error ("\"perspectives\": [{\"id\": \"p\", \"name\": \"P\", \"color\": \"red\"}]",
                    SAM_JSON_ERROR_INVALID, "perspectives[0].color");
  assert_doc_error ("\"perspectives\": [{\"id\": \"p\", \"name\": \"P\", \"color\": \"#12345g\"}]",
                    SAM_JSON_ERROR_INVALID, "perspectives[0].color");
  assert_doc_error ("\"voices\": [{\"id\": \"v\", \"text\": \"x\", \"time\": \"2023-12-18T13:00:00\"}]",
                    SAM_JSON_ERROR_INVALID, "voices[0].time");
  assert_doc_error ("\"voices\": [{\"id\": \"v\", \"text\": \"x\", \"time\": \"2023-13-18T13:00:00Z\"}]",
                    SAM_JSON_ERROR_INVALID, "voices[0].time");

  {
    /* Empty date and times are allowed: not decided yet. */
    g_autoptr(SamSession) session = load_doc ("\"date\": \"\", \"start_time\": \"\", \"end_time\": \"\"");

    g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "date"), ==, "");
  }
}

static void
test_missing_required (void)
{
  assert_load_error ("{\"format\": \"samling\", \"version\": 1, \"title\": \"T\"}",
                     SAM_JSON_ERROR_INVALID, "(root): missing member “id”");
  assert_load_error ("{\"format\": \"samling\", \"version\": 1, \"id\": \"s\"}",
                     SAM_JSON_ERROR_INVALID, "(root): missing member “title”");
  assert_doc_error ("\"agenda\": [{\"id\": \"a\", \"title\": \"X\"}, {\"title\": \"Y\"}]",
                    SAM_JSON_ERROR_INVALID, "agenda[1]: missing member “id”");
  assert_doc_error ("\"agenda\": [{\"id\": \"\", \"title\": \"X\"}]",
                    SAM_JSON_ERROR_INVALID, "agenda[0].id");
  assert_doc_error ("\"agenda\": [{\"id\": 5, \"title\": \"X\"}]",
                    SAM_JSON_ERROR_INVALID, "agenda[0].id");
  assert_doc_error ("\"voices\": [{\"id\": \"v\", \"prompt\": \"\"}]",
                    SAM_JSON_ERROR_INVALID, "voices[0]: missing member “text”");
  assert_doc_error ("\"walls\": [{\"id\": \"w\", \"title\": \"W\", \"columns\": [{\"id\": \"c\"}]}]",
                    SAM_JSON_ERROR_INVALID, "walls[0].columns[0]: missing member “title”");

  {
    g_autoptr(GString) long_id = g_string_new ("\"agenda\": [{\"title\": \"X\", \"id\": \"");

    for (guint i = 0; i < 129; i++)
      g_string_append_c (long_id, 'a');
    g_string_append (long_id, "\"}]");
    assert_doc_error (long_id->str, SAM_JSON_ERROR_INVALID, "agenda[0].id");
  }
}

static void
test_duplicate_ids (void)
{
  assert_doc_error ("\"walls\": [{\"id\": \"w\", \"title\": \"W\", \"columns\": [{\"id\": \"c\", "
                    "\"title\": \"C\", \"notes\": [{\"id\": \"n\", \"text\": \"1\"}, "
                    "{\"id\": \"n\", \"text\": \"2\"}]}]}]",
                    SAM_JSON_ERROR_INVALID, "walls[0].columns[0].notes[1].id");
  /* Across kinds too, and with the session's own id. */
  assert_doc_error ("\"prompts\": [{\"id\": \"s\", \"text\": \"X\"}]", SAM_JSON_ERROR_INVALID, "prompts[0].id");
}

static void
test_dangling_references (void)
{
  assert_doc_error ("\"prompts\": [{\"id\": \"p\", \"text\": \"X\"}], "
                    "\"voices\": [{\"id\": \"v1\", \"text\": \"a\", \"prompt\": \"p\"}, "
                    "{\"id\": \"v2\", \"text\": \"b\", \"prompt\": \"gone\"}]",
                    SAM_JSON_ERROR_INVALID, "voices[1].prompt");
  assert_doc_error ("\"balloons\": [{\"id\": \"b\", \"perspective\": \"nowhere\"}]",
                    SAM_JSON_ERROR_INVALID, "balloons[0].perspective");
  assert_doc_error ("\"walls\": [{\"id\": \"w\", \"title\": \"W\", \"columns\": [{\"id\": \"c\", "
                    "\"title\": \"C\", \"notes\": [{\"id\": \"n\", \"text\": \"1\", \"perspective\": \"x\"}]}]}]",
                    SAM_JSON_ERROR_INVALID, "walls[0].columns[0].notes[0].perspective");
  assert_doc_error ("\"participants\": [{\"id\": \"p\", \"perspectives\": [\"x\"]}]",
                    SAM_JSON_ERROR_INVALID, "participants[0].perspectives[0]");
  assert_doc_error ("\"group_rounds\": [{\"id\": \"g\", \"groups\": [[\"x\"]]}]",
                    SAM_JSON_ERROR_INVALID, "group_rounds[0].groups[0][0]");
  /* A reference to an item of the wrong kind. */
  assert_doc_error ("\"perspectives\": [{\"id\": \"p\", \"name\": \"P\"}], "
                    "\"voices\": [{\"id\": \"v\", \"text\": \"a\", \"prompt\": \"p\"}]",
                    SAM_JSON_ERROR_INVALID, "voices[0].prompt");
}

/* The schema and the demo */

static void
collect_schema_names (JsonNode   *node,
                      GHashTable *names)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &name, &member))
        {
          g_hash_table_add (names, g_strdup (name));
          collect_schema_names (member, names);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_schema_names (json_array_get_element (array, i), names);
    }
}

/* Errors that name a kind of item the program has not used yet: each runs in
 * a new process, so that no earlier test has already created that kind. */
static void
assert_doc_error_in_new_process (const char *members,
                                 const char *place)
{
  if (g_test_subprocess ())
    {
      assert_doc_error (members, SAM_JSON_ERROR_INVALID, place);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_new_process_wrong_kind (void)
{
  /* A voice whose prompt is a perspective, in a session without prompts. */
  assert_doc_error_in_new_process ("\"perspectives\": [{\"id\": \"p\", \"name\": \"P\"}], "
                                   "\"voices\": [{\"id\": \"v\", \"text\": \"a\", \"prompt\": \"p\"}]",
                                   "voices[0].prompt: refers to a perspective where a prompt is expected");
}

static void
test_new_process_list_not_array (void)
{
  assert_doc_error_in_new_process ("\"prompts\": 5",
                                   "(root).prompts: expected a list of objects (prompt)");
}

static void
test_new_process_child_list_not_array (void)
{
  assert_doc_error_in_new_process ("\"walls\": [{\"id\": \"w\", \"title\": \"t\", \"columns\": 7}]",
                                   "walls[0].columns: expected a list of objects (column)");
}

static void
test_schema (void)
{
  g_autofree char *data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *root, *defs;
  const GType *types;
  guint n_types;
  gsize length;

  data = read_dist_file (&length, "..", "docs", "samling.schema.json", NULL);
  g_assert_true (sam_json_check_text (data, length, &error));
  g_assert_no_error (error);
  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "$schema"), ==,
                   "https://json-schema.org/draft/2020-12/schema");
  defs = json_object_get_object_member (root, "$defs");
  g_assert_nonnull (defs);

  /* Every member of every kind of item is named in the schema. */
  types = item_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(SamItem) item = sam_item_new (types[t], "x");
      SamItemClass *klass = SAM_ITEM_GET_CLASS (item);
      g_autofree char *def_name = g_strdelimit (g_strdup (klass->json_name), " ", '_');
      JsonObject *def, *properties;
      guint n;
      GParamSpec **pspecs = sam_item_list_properties (item, &n);

      if (!json_object_has_member (defs, def_name))
        g_error ("The schema has no definition “%s”", def_name);
      def = json_object_get_object_member (defs, def_name);
      properties = json_object_get_object_member (def, "properties");
      g_assert_nonnull (properties);
      g_assert_true (json_object_has_member (properties, "id"));

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *member = sam_json_member_name (pspecs[i]->name);

          if (!json_object_has_member (properties, member))
            g_error ("The schema's “%s” lacks the member “%s”", def_name, member);
        }
      for (guint i = 0; i < klass->n_lists; i++)
        {
          g_autofree char *member = sam_json_member_name (klass->lists[i].name);

          if (!json_object_has_member (properties, member))
            g_error ("The schema's “%s” lacks the list “%s”", def_name, member);
        }
    }

  collect_schema_names (json_parser_get_root (parser), names);
  g_assert_true (g_hash_table_contains (names, "minor_version"));
}

static guint
sum_durations (GListModel *agenda)
{
  guint total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (agenda, i);

      total += sam_item_get_int (item, "duration");
    }

  return total;
}

static void
test_demo (void)
{
  g_autofree char *data = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSession) session = NULL;
  g_autoptr(SamItem) wall = NULL;
  GListModel *columns, *voices, *prompts;
  gsize length, saved_length;
  guint votes = 0;

  data = read_dist_file (&length, "..", "data", "demo.samling", NULL);
  session = sam_json_load_data (data, length, &error);
  g_assert_no_error (error);

  g_assert_true (g_str_has_prefix (sam_session_get_title (session), "Kraftsamling"));
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "date"), ==, "2023-12-18");
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "start-time"), ==, "13:00");
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "end-time"), ==, "15:00");
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "language"), ==, "sv");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_agenda (session))), ==, 8);
  g_assert_cmpuint (sum_durations (G_LIST_MODEL (sam_session_get_agenda (session))), ==, 2 * 60 * 60);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_perspectives (session))), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_balloons (session))), >=, 12);

  prompts = G_LIST_MODEL (sam_session_get_prompts (session));
  g_assert_cmpuint (g_list_model_get_n_items (prompts), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(SamItem) prompt = g_list_model_get_item (prompts, i);

      if (sam_item_get_enum (prompt, "format") == SAM_PROMPT_FORMAT_INDIVIDUAL)
        g_assert_cmpuint (g_strv_length ((char **) sam_item_get_strv (prompt, "starters")), ==, 4);
    }

  /* Every voice belongs to a prompt. */
  voices = G_LIST_MODEL (sam_session_get_voices (session));
  g_assert_cmpuint (g_list_model_get_n_items (voices), >=, 18);
  for (guint i = 0; i < g_list_model_get_n_items (voices); i++)
    {
      g_autoptr(SamItem) voice = g_list_model_get_item (voices, i);

      g_assert_true (SAM_IS_PROMPT (sam_session_lookup (session, sam_item_get_string (voice, "prompt"))));
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_walls (session))), ==, 1);
  wall = g_list_model_get_item (G_LIST_MODEL (sam_session_get_walls (session)), 0);
  columns = G_LIST_MODEL (sam_item_get_list (wall, "columns"));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SamItem) column = g_list_model_get_item (columns, i);
      GListModel *notes = G_LIST_MODEL (sam_item_get_list (column, "notes"));

      g_assert_cmpuint (g_list_model_get_n_items (notes), >=, 6);
      for (guint j = 0; j < g_list_model_get_n_items (notes); j++)
        {
          g_autoptr(SamItem) note = g_list_model_get_item (notes, j);

          votes += sam_item_get_int (note, "votes");
        }
    }
  g_assert_cmpuint (votes, >, 0);

  /* The bundled file is exactly what the saver writes. */
  saved = save (session, &saved_length);
  g_assert_cmpstr (saved, ==, data);
}

int
main (int   argc,
      char *argv[])
{
  /* The loader must work in a process that has used no item yet: it
   * prepares the kinds of item itself. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sam/json/round-trip/every-field", test_round_trip_every_field);
  g_test_add_func ("/sam/json/round-trip/nodes", test_round_trip_nodes);
  g_test_add_func ("/sam/json/round-trip/unknown-members", test_unknown_members);
  g_test_add_func ("/sam/json/round-trip/timestamps", test_timestamps);
  g_test_add_func ("/sam/json/round-trip/escapes", test_escapes);
  g_test_add_func ("/sam/json/round-trip/numbers", test_numbers);
  g_test_add_func ("/sam/json/member-names", test_member_names);
  g_test_add_func ("/sam/json/version/newer", test_newer_version);
  g_test_add_func ("/sam/json/version/minor", test_minor_version);
  g_test_add_func ("/sam/json/load/defaults", test_missing_optional_members);
  g_test_add_func ("/sam/json/load/empty", test_empty);
  g_test_add_func ("/sam/json/load/whitespace", test_whitespace);
  g_test_add_func ("/sam/json/load/binary-garbage", test_binary_garbage);
  g_test_add_func ("/sam/json/load/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/sam/json/load/nul", test_nul);
  g_test_add_func ("/sam/json/load/truncated", test_truncated);
  g_test_add_func ("/sam/json/load/deep-nesting", test_deep_nesting);
  g_test_add_func ("/sam/json/load/huge-integers", test_huge_integers);
  g_test_add_func ("/sam/json/load/bad-numbers", test_bad_numbers);
  g_test_add_func ("/sam/json/load/single-quotes", test_single_quotes);
  g_test_add_func ("/sam/json/load/syntax", test_syntax);
  g_test_add_func ("/sam/json/load/positions", test_positions);
  g_test_add_func ("/sam/json/load/too-large", test_too_large);
  g_test_add_func ("/sam/json/load/not-object", test_not_object);
  g_test_add_func ("/sam/json/load/missing-format", test_missing_format);
  g_test_add_func ("/sam/json/load/wrong-format", test_wrong_format);
  g_test_add_func ("/sam/json/load/bad-version", test_bad_version);
  g_test_add_func ("/sam/json/load/wrong-types", test_wrong_types);
  g_test_add_func ("/sam/json/load/out-of-range", test_out_of_range);
  g_test_add_func ("/sam/json/load/unknown-enum", test_unknown_enum);
  g_test_add_func ("/sam/json/load/bad-date-clock-color", test_bad_date_clock_color);
  g_test_add_func ("/sam/json/load/missing-required", test_missing_required);
  g_test_add_func ("/sam/json/load/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/sam/json/load/dangling-references", test_dangling_references);
  g_test_add_func ("/sam/json/load/new-process/wrong-kind", test_new_process_wrong_kind);
  g_test_add_func ("/sam/json/load/new-process/list-not-array", test_new_process_list_not_array);
  g_test_add_func ("/sam/json/load/new-process/child-list-not-array",
                   test_new_process_child_list_not_array);
  g_test_add_func ("/sam/json/schema", test_schema);
  g_test_add_func ("/sam/json/demo", test_demo);

  return g_test_run ();
}
