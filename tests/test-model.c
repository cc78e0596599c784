/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sam-history.h"
#include "sam-json.h"
#include "sam-session.h"

/* A session that uses every kind of item, built through the edit API. */
typedef struct
{
  SamSession *session;
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
} Fixture;

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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  SamSession *s;
  const char *perspectives[2] = { NULL, NULL };
  g_autoptr(GVariant) groups = NULL;
  GVariantBuilder builder;

  f->session = s = sam_session_new ();
  f->perspective = g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (s)), 2);
  g_object_unref (f->perspective);

  f->agenda_item = add (s, s, "agenda", SAM_TYPE_AGENDA_ITEM);
  sam_session_set (s, f->agenda_item, "title", "Välkommen", "duration", 600, NULL);

  f->participant = add (s, s, "participants", SAM_TYPE_PARTICIPANT);
  f->participant2 = add (s, s, "participants", SAM_TYPE_PARTICIPANT);
  perspectives[0] = sam_item_get_id (f->perspective);
  sam_session_set (s, f->participant, "name", "Rektor", "perspectives", perspectives, NULL);

  f->balloon = add (s, s, "balloons", SAM_TYPE_BALLOON);
  sam_session_set (s, f->balloon,
                   "perspective", sam_item_get_id (f->perspective),
                   "participant", sam_item_get_id (f->participant),
                   "x", 0.25, "y", 0.75, NULL);

  f->prompt = add (s, s, "prompts", SAM_TYPE_PROMPT);
  sam_session_set (s, f->prompt, "text", "Vad hoppas du få med dig?", NULL);

  f->round = add (s, s, "group-rounds", SAM_TYPE_GROUP_ROUND);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aas"));
  g_variant_builder_open (&builder, G_VARIANT_TYPE ("as"));
  g_variant_builder_add (&builder, "s", sam_item_get_id (f->participant));
  g_variant_builder_add (&builder, "s", sam_item_get_id (f->participant2));
  g_variant_builder_close (&builder);
  groups = g_variant_ref_sink (g_variant_builder_end (&builder));
  sam_session_set (s, f->round, "prompt", sam_item_get_id (f->prompt), "groups", groups, NULL);

  f->voice = add (s, s, "voices", SAM_TYPE_VOICE);
  sam_session_set (s, f->voice,
                   "text", "Att mötas på tvären",
                   "prompt", sam_item_get_id (f->prompt),
                   "agenda-item", sam_item_get_id (f->agenda_item),
                   "perspective", sam_item_get_id (f->perspective),
                   NULL);

  f->wall = add (s, s, "walls", SAM_TYPE_WALL);
  sam_session_set (s, f->wall, "title", "Frågor", NULL);
  f->column = add (s, f->wall, "columns", SAM_TYPE_COLUMN);
  f->column2 = add (s, f->wall, "columns", SAM_TYPE_COLUMN);
  f->note = add (s, f->column, "notes", SAM_TYPE_NOTE);
  sam_session_set (s, f->note, "text", "Hur når vi fler?",
                   "perspective", sam_item_get_id (f->perspective), NULL);
  f->note2 = add (s, f->column, "notes", SAM_TYPE_NOTE);
  sam_session_set (s, f->note2, "text", "Bjud in unga", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
}

typedef void (*EditFunc) (Fixture *f);

/* Does @edit, then checks that undo gives back exactly the state before and
 * redo exactly the state after, twice over. */
static void
assert_undoable (Fixture  *f,
                 EditFunc  edit)
{
  g_autoptr(SamItem) before = sam_item_copy (SAM_ITEM (f->session));
  g_autoptr(SamItem) after = NULL;
  guint steps = sam_history_get_n_steps (sam_session_get_history (f->session));

  edit (f);
  after = sam_item_copy (SAM_ITEM (f->session));
  g_assert_false (sam_item_equal (before, after));
  g_assert_cmpuint (sam_history_get_n_steps (sam_session_get_history (f->session)), ==, steps + 1);

  for (guint round = 0; round < 2; round++)
    {
      g_assert_true (sam_session_undo (f->session));
      g_assert_true (sam_item_equal (SAM_ITEM (f->session), before));
      g_assert_true (sam_session_redo (f->session));
      g_assert_true (sam_item_equal (SAM_ITEM (f->session), after));
    }
}

static void
edit_session_title (Fixture *f)
{
  sam_session_set (f->session, f->session, "title", "Kraftsamling", "mode", SAM_SESSION_MODE_DIGITAL, NULL);
}

static void
edit_agenda_item (Fixture *f)
{
  sam_session_set (f->session, f->agenda_item,
                   "duration", 900, "kind", SAM_AGENDA_KIND_WELCOME,
                   "activity-kind", SAM_ACTIVITY_PROMPT,
                   "activity-id", sam_item_get_id (f->prompt),
                   "actual-start", G_GINT64_CONSTANT (1702900000000000), NULL);
}

static void
edit_perspective (Fixture *f)
{
  sam_session_set (f->session, f->perspective, "name", "Skola", "color", "#112233", NULL);
}

static void
edit_participant (Fixture *f)
{
  const char *none[] = { NULL };

  sam_session_set (f->session, f->participant, "perspectives", none, "present", FALSE, NULL);
}

static void
edit_balloon (Fixture *f)
{
  sam_session_set (f->session, f->balloon, "x", 0.5, "y", 0.125, NULL);
}

static void
edit_prompt (Fixture *f)
{
  const char *starters[] = { "En sak som blivit tydlig för mig är…", "Jag är stolt över…", NULL };

  sam_session_set (f->session, f->prompt, "starters", starters,
                   "format", SAM_PROMPT_FORMAT_INDIVIDUAL, NULL);
}

static void
edit_group_round (Fixture *f)
{
  g_autoptr(GVariant) empty = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("as"), NULL, 0));

  sam_session_set (f->session, f->round, "groups", empty, NULL);
}

static void
edit_voice (Fixture *f)
{
  sam_session_set (f->session, f->voice, "text", "Nyfikenhet", "on-stage", TRUE, NULL);
}

static void
edit_wall_and_column (Fixture *f)
{
  sam_session_begin (f->session, "Rename");
  sam_session_set (f->session, f->wall, "title", "Förslag", NULL);
  sam_session_set (f->session, f->column, "title", "Vilka fler?", NULL);
  sam_session_end (f->session);
}

static void
edit_note (Fixture *f)
{
  sam_session_set (f->session, f->note, "votes", 3, "color", SAM_NOTE_COLOR_BLUE, "hidden", TRUE, NULL);
}

static void
edit_insert_each_kind (Fixture *f)
{
  SamSession *s = f->session;
  const struct { const char *list; GType type; } kinds[] = {
    { "agenda", SAM_TYPE_AGENDA_ITEM }, { "perspectives", SAM_TYPE_PERSPECTIVE },
    { "participants", SAM_TYPE_PARTICIPANT }, { "balloons", SAM_TYPE_BALLOON },
    { "prompts", SAM_TYPE_PROMPT }, { "group-rounds", SAM_TYPE_GROUP_ROUND },
    { "voices", SAM_TYPE_VOICE }, { "walls", SAM_TYPE_WALL },
  };

  sam_session_begin (s, "Add");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    add (s, s, kinds[i].list, kinds[i].type);
  add (s, f->wall, "columns", SAM_TYPE_COLUMN);
  add (s, f->column2, "notes", SAM_TYPE_NOTE);
  sam_session_end (s);
}

static void
edit_remove_perspective (Fixture *f)
{
  sam_session_remove (f->session, f->perspective);
}

static void
edit_remove_column (Fixture *f)
{
  sam_session_remove (f->session, f->column);
}

static void
edit_move_note_within (Fixture *f)
{
  sam_session_move (f->session, f->note2, f->column, 0);
}

static void
edit_move_note_across (Fixture *f)
{
  sam_session_move (f->session, f->note, f->column2, 0);
}

static void
edit_move_agenda (Fixture *f)
{
  g_autoptr(SamItem) second = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);

  sam_session_begin (f->session, "Add and move");
  sam_session_insert (f->session, f->session, "agenda", 0, second);
  sam_session_move (f->session, second, f->session, 1);
  sam_session_end (f->session);
  g_assert_true (sam_session_lookup (f->session, sam_item_get_id (second)) == second);
}

static void
test_undo_every_edit (Fixture       *f,
                      gconstpointer  data)
{
  assert_undoable (f, (EditFunc) data);
}

static void
test_references_cleared (Fixture       *f,
                         gconstpointer  data)
{
  const char *pid = sam_item_get_id (f->perspective);
  g_autofree char *kept_id = g_strdup (pid);

  sam_session_remove (f->session, f->perspective);

  g_assert_null (sam_session_lookup (f->session, kept_id));
  g_assert_cmpstr (sam_item_get_string (f->balloon, "perspective"), ==, "");
  g_assert_cmpstr (sam_item_get_string (f->voice, "perspective"), ==, "");
  g_assert_cmpstr (sam_item_get_string (f->note, "perspective"), ==, "");
  g_assert_null (sam_item_get_strv (f->participant, "perspectives")[0]);
  g_assert_true (sam_session_check_references (f->session, NULL));

  /* One step brings it all back. */
  g_assert_true (sam_session_undo (f->session));
  g_assert_true (sam_session_lookup (f->session, kept_id) == f->perspective);
  g_assert_cmpstr (sam_item_get_string (f->balloon, "perspective"), ==, kept_id);
  g_assert_cmpstr (sam_item_get_strv (f->participant, "perspectives")[0], ==, kept_id);

  /* Removing a participant takes them out of their group too. */
  sam_session_remove (f->session, f->participant);
  {
    GVariant *groups = sam_item_get_variant (f->round, "groups");
    g_autoptr(GVariant) group = g_variant_get_child_value (groups, 0);

    g_assert_cmpuint (g_variant_n_children (group), ==, 1);
  }
  g_assert_cmpstr (sam_item_get_string (f->balloon, "participant"), ==, "");
  g_assert_true (sam_session_check_references (f->session, NULL));
}

static void
test_removed_children_leave_index (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *note_id = g_strdup (sam_item_get_id (f->note));

  sam_session_remove (f->session, f->wall);
  g_assert_null (sam_session_lookup (f->session, note_id));
  sam_session_undo (f->session);
  g_assert_true (sam_session_lookup (f->session, note_id) == f->note);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_dirty (Fixture       *f,
            gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect_swapped (f->session, "notify::dirty", G_CALLBACK (count_cb), &notified);
  sam_session_mark_saved (f->session);
  g_assert_false (sam_session_get_dirty (f->session));

  sam_session_set (f->session, f->note, "text", "Ändrad", NULL);
  g_assert_true (sam_session_get_dirty (f->session));

  /* Undo back to the saved state is clean again; redo is not. */
  sam_session_undo (f->session);
  g_assert_false (sam_session_get_dirty (f->session));
  sam_session_redo (f->session);
  g_assert_true (sam_session_get_dirty (f->session));

  /* Saving, then undoing past the save, is dirty. */
  sam_session_mark_saved (f->session);
  g_assert_false (sam_session_get_dirty (f->session));
  sam_session_undo (f->session);
  g_assert_true (sam_session_get_dirty (f->session));

  /* Setting a value to what it already is records nothing. */
  sam_session_redo (f->session);
  {
    guint steps = sam_history_get_n_steps (sam_session_get_history (f->session));

    sam_session_set (f->session, f->note, "text", "Ändrad", NULL);
    g_assert_cmpuint (sam_history_get_n_steps (sam_session_get_history (f->session)), ==, steps);
  }
  g_assert_false (sam_session_get_dirty (f->session));
  /* saved, edited, undone, redone, saved, undone, redone */
  g_assert_cmpuint (notified, ==, 7);
}

static void
test_new_edit_drops_redo (Fixture       *f,
                          gconstpointer  data)
{
  sam_session_set (f->session, f->note, "votes", 1, NULL);
  sam_session_undo (f->session);
  g_assert_true (sam_session_can_redo (f->session));
  sam_session_set (f->session, f->note, "votes", 2, NULL);
  g_assert_false (sam_session_can_redo (f->session));
  g_assert_cmpint (sam_item_get_int (f->note, "votes"), ==, 2);
}

static void
test_out_of_range_is_clamped (Fixture       *f,
                              gconstpointer  data)
{
  sam_session_set (f->session, f->balloon, "x", 1.5, NULL);
  g_assert_cmpfloat (sam_item_get_double (f->balloon, "x"), ==, 1.0);
  sam_session_set (f->session, f->note, "votes", -4, NULL);
  g_assert_cmpint (sam_item_get_int (f->note, "votes"), ==, 0);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *count = user_data;

  *count += added + removed;
}

static void
test_lists_signal_changes (Fixture       *f,
                           gconstpointer  data)
{
  GListModel *notes = G_LIST_MODEL (sam_item_get_list (f->column, "notes"));
  guint count = 0;
  guint notified = 0;

  g_signal_connect (notes, "items-changed", G_CALLBACK (count_changes_cb), &count);
  add (f->session, f->column, "notes", SAM_TYPE_NOTE);
  g_assert_cmpuint (count, ==, 1);
  sam_session_undo (f->session);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);

  g_signal_connect_swapped (f->note, "notify::text", G_CALLBACK (count_cb), &notified);
  sam_session_set (f->session, f->note, "text", "Ny text", NULL);
  g_assert_cmpuint (notified, ==, 1);
  sam_session_undo (f->session);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (sam_item_get_string (f->note, "text"), ==, "Hur når vi fler?");
}

static void
collect_ops_cb (SamSession         *session,
                const char * const *ops,
                gpointer            user_data)
{
  GPtrArray *all = user_data;

  for (guint i = 0; ops[i] != NULL; i++)
    g_ptr_array_add (all, g_strdup (ops[i]));
}

/* The journal operations reproduce the document when replayed. */
static void
test_ops_replay (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *base = NULL;
  g_autoptr(SamSession) replay = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  sam_session_mark_saved (f->session);
  base = sam_json_save_data (f->session, &length);
  g_signal_connect (f->session, "committed", G_CALLBACK (collect_ops_cb), ops);

  edit_session_title (f);
  edit_agenda_item (f);
  edit_insert_each_kind (f);
  edit_move_note_across (f);
  edit_move_note_within (f);
  edit_remove_perspective (f);
  sam_session_undo (f->session);
  sam_session_undo (f->session);
  sam_session_redo (f->session);
  edit_remove_column (f);
  edit_group_round (f);

  replay = sam_json_load_data (base, length, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ops->len; i++)
    {
      sam_session_apply_op (replay, ops->pdata[i], &error);
      g_assert_no_error (error);
    }

  g_assert_true (sam_item_equal (SAM_ITEM (replay), SAM_ITEM (f->session)));
  g_assert_true (sam_session_get_dirty (replay));
}

static void
test_bad_ops (Fixture       *f,
              gconstpointer  data)
{
  const char *bad[] = {
    "", "[]", "{}", "{\"op\":\"explode\"}",
    "{\"op\":\"set\",\"id\":\"nope\",\"member\":\"title\",\"value\":\"x\"}",
    "{\"op\":\"remove\",\"id\":\"nope\"}",
    "{\"op\":\"insert\",\"parent\":\"nope\",\"list\":\"notes\",\"index\":0,\"item\":{}}",
  };
  g_autoptr(SamItem) before = sam_item_copy (SAM_ITEM (f->session));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sam_session_apply_op (f->session, bad[i], &error));
      g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *op = g_strdup_printf ("{\"op\":\"set\",\"id\":\"%s\",\"member\":\"votes\",\"value\":\"many\"}",
                                           sam_item_get_id (f->note));

    g_assert_false (sam_session_apply_op (f->session, op, &error));
    g_assert_nonnull (error);
  }

  g_assert_true (sam_item_equal (before, SAM_ITEM (f->session)));
}

/* The document, saved and loaded again: what the person would get back. */
static void
assert_saves_and_loads (SamSession *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSession) loaded = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (sam_session_check_references (session, &error));
  g_assert_no_error (error);
  data = sam_json_save_data (session, &length);
  loaded = sam_json_load_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_true (sam_item_equal (SAM_ITEM (loaded), SAM_ITEM (session)));
}

/* A subtree whose items repeat an id (as a pasted copy could) gets new ids
 * for the repeats, so that the saved file still loads. */
static void
test_insert_repeated_ids (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SamItem) wall = sam_item_new (SAM_TYPE_WALL, "D");
  g_autoptr(SamItem) column = sam_item_new (SAM_TYPE_COLUMN, "D");
  g_autoptr(SamItem) column2 = sam_item_new (SAM_TYPE_COLUMN, "D");
  g_autoptr(SamItem) note = sam_item_new (SAM_TYPE_NOTE, "E");
  g_autoptr(SamItem) note2 = sam_item_new (SAM_TYPE_NOTE, "E");

  g_object_set (wall, "title", "Vägg", NULL);
  g_object_set (column, "title", "Ett", NULL);
  g_object_set (column2, "title", "Två", NULL);
  g_object_set (note, "text", "A", NULL);
  g_object_set (note2, "text", "B", NULL);
  g_list_store_append (sam_item_get_list (wall, "columns"), column);
  g_list_store_append (sam_item_get_list (wall, "columns"), column2);
  g_list_store_append (sam_item_get_list (column, "notes"), note);
  g_list_store_append (sam_item_get_list (column2, "notes"), note2);

  sam_session_insert (f->session, f->session, "walls", G_MAXUINT, wall);

  g_assert_cmpstr (sam_item_get_id (wall), ==, "D");
  g_assert_cmpstr (sam_item_get_id (column), !=, "D");
  g_assert_cmpstr (sam_item_get_id (column2), !=, "D");
  g_assert_cmpstr (sam_item_get_id (column), !=, sam_item_get_id (column2));
  g_assert_cmpstr (sam_item_get_id (note), ==, "E");
  g_assert_cmpstr (sam_item_get_id (note2), !=, "E");
  g_assert_true (sam_session_lookup (f->session, "D") == wall);
  g_assert_true (sam_session_lookup (f->session, sam_item_get_id (column2)) == column2);
  g_assert_true (sam_session_lookup (f->session, sam_item_get_id (note2)) == note2);

  assert_saves_and_loads (f->session);
}

/* A journal operation inserting a subtree that repeats an id is refused. */
static void
test_apply_op_repeated_ids (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SamItem) before = sam_item_copy (SAM_ITEM (f->session));
  g_autofree char *op = NULL;
  g_autoptr(GError) error = NULL;

  op = g_strdup_printf ("{\"op\":\"insert\",\"parent\":\"%s\",\"list\":\"walls\",\"index\":0,"
                        "\"item\":{\"id\":\"W\",\"title\":\"Vägg\",\"columns\":["
                        "{\"id\":\"D\",\"title\":\"Ett\"},{\"id\":\"D\",\"title\":\"Två\"}]}}",
                        sam_item_get_id (SAM_ITEM (f->session)));
  g_assert_false (sam_session_apply_op (f->session, op, &error));
  g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“D”"));
  g_clear_error (&error);

  /* A repeat of the parent's own id, too. */
  g_free (op);
  op = g_strdup_printf ("{\"op\":\"insert\",\"parent\":\"%s\",\"list\":\"walls\",\"index\":0,"
                        "\"item\":{\"id\":\"W\",\"title\":\"Vägg\",\"columns\":["
                        "{\"id\":\"W\",\"title\":\"Ett\"}]}}",
                        sam_item_get_id (SAM_ITEM (f->session)));
  g_assert_false (sam_session_apply_op (f->session, op, &error));
  g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID);

  g_assert_true (sam_item_equal (before, SAM_ITEM (f->session)));
  g_assert_null (sam_session_lookup (f->session, "W"));
  g_assert_null (sam_session_lookup (f->session, "D"));
  assert_saves_and_loads (f->session);
}

/* Sets @property of @item to @value, which refers to nothing it may refer to:
 * the edit is refused with a critical and nothing changes. */
static void
assert_set_refused (Fixture      *f,
                    SamItem      *item,
                    const char   *property,
                    const GValue *value)
{
  g_autoptr(SamItem) before = sam_item_copy (SAM_ITEM (f->session));
  guint steps = sam_history_get_n_steps (sam_session_get_history (f->session));

  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*refers to*");
  sam_session_set_value (f->session, item, property, value);
  g_test_assert_expected_messages ();

  g_assert_true (sam_item_equal (before, SAM_ITEM (f->session)));
  g_assert_cmpuint (sam_history_get_n_steps (sam_session_get_history (f->session)), ==, steps);
}

static void
test_set_bad_reference (Fixture       *f,
                        gconstpointer  data)
{
  const char *session_id = sam_item_get_id (SAM_ITEM (f->session));
  const char *missing[] = { "inte-här", NULL };
  const char *wrong_kind[] = { sam_item_get_id (f->perspective), sam_item_get_id (f->prompt), NULL };
  g_auto(GValue) value = G_VALUE_INIT;
  GVariantBuilder builder;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "inte-här");
  assert_set_refused (f, f->voice, "prompt", &value);
  /* A perspective where a prompt is expected. */
  g_value_set_string (&value, sam_item_get_id (f->perspective));
  assert_set_refused (f, f->voice, "prompt", &value);
  /* The session is no item to point at, even where any kind will do. */
  g_value_set_string (&value, session_id);
  assert_set_refused (f, f->agenda_item, "activity-id", &value);
  g_value_unset (&value);

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, missing);
  assert_set_refused (f, f->participant, "perspectives", &value);
  g_value_set_boxed (&value, wrong_kind);
  assert_set_refused (f, f->participant, "perspectives", &value);
  g_value_unset (&value);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aas"));
  g_variant_builder_open (&builder, G_VARIANT_TYPE ("as"));
  g_variant_builder_add (&builder, "s", sam_item_get_id (f->participant));
  g_variant_builder_add (&builder, "s", sam_item_get_id (f->note));
  g_variant_builder_close (&builder);
  g_value_init (&value, G_TYPE_VARIANT);
  g_value_set_variant (&value, g_variant_builder_end (&builder));
  assert_set_refused (f, f->round, "groups", &value);
  g_value_unset (&value);

  /* Good references and clearing one still work. */
  sam_session_set (f->session, f->agenda_item, "activity-id", sam_item_get_id (f->wall), NULL);
  g_assert_cmpstr (sam_item_get_string (f->agenda_item, "activity-id"), ==, sam_item_get_id (f->wall));
  sam_session_set (f->session, f->voice, "prompt", "", NULL);
  g_assert_cmpstr (sam_item_get_string (f->voice, "prompt"), ==, "");

  assert_saves_and_loads (f->session);
}

static void
test_insert_bad_reference (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SamItem) before = sam_item_copy (SAM_ITEM (f->session));
  g_autoptr(SamItem) voice = sam_item_new (SAM_TYPE_VOICE, NULL);
  g_autoptr(SamItem) wall = sam_item_new (SAM_TYPE_WALL, NULL);
  g_autoptr(SamItem) column = sam_item_new (SAM_TYPE_COLUMN, NULL);
  g_autoptr(SamItem) note = sam_item_new (SAM_TYPE_NOTE, NULL);
  g_autoptr(SamItem) agenda_item = sam_item_new (SAM_TYPE_AGENDA_ITEM, "punkt");

  g_object_set (voice, "text", "Röst", "prompt", "saknas", NULL);
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*refers to*");
  sam_session_insert (f->session, f->session, "voices", 0, voice);
  g_test_assert_expected_messages ();
  g_assert_null (sam_item_get_parent (voice));

  /* Deep inside a subtree, of the wrong kind. */
  g_object_set (wall, "title", "Vägg", NULL);
  g_object_set (column, "title", "Kolumn", NULL);
  g_object_set (note, "text", "Lapp", "perspective", sam_item_get_id (f->prompt), NULL);
  g_list_store_append (sam_item_get_list (wall, "columns"), column);
  g_list_store_append (sam_item_get_list (column, "notes"), note);
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*refers to*");
  sam_session_insert (f->session, f->session, "walls", 0, wall);
  g_test_assert_expected_messages ();
  g_assert_null (sam_item_get_parent (wall));

  g_assert_true (sam_item_equal (before, SAM_ITEM (f->session)));

  /* References to items of the document, or within the new subtree, are fine. */
  g_object_set (note, "perspective", sam_item_get_id (f->perspective), NULL);
  sam_session_insert (f->session, f->session, "walls", 0, wall);
  g_assert_true (sam_item_get_parent (wall) == SAM_ITEM (f->session));
  g_object_set (agenda_item, "title", "Paus", "activity-id", "punkt", NULL);
  sam_session_insert (f->session, f->session, "agenda", 0, agenda_item);
  g_assert_true (sam_item_get_parent (agenda_item) == SAM_ITEM (f->session));

  assert_saves_and_loads (f->session);
}

/* Journal operations (which can come from a damaged file) that would make
 * a document the loader refuses are errors. */
static void
test_apply_op_bad_reference (Fixture       *f,
                             gconstpointer  data)
{
  const char *session_id = sam_item_get_id (SAM_ITEM (f->session));
  g_autoptr(SamItem) before = sam_item_copy (SAM_ITEM (f->session));
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (ops, g_strdup_printf ("{\"op\":\"set\",\"id\":\"%s\",\"member\":\"prompt\",\"value\":\"saknas\"}",
                                         sam_item_get_id (f->voice)));
  g_ptr_array_add (ops, g_strdup_printf ("{\"op\":\"set\",\"id\":\"%s\",\"member\":\"prompt\",\"value\":\"%s\"}",
                                         sam_item_get_id (f->voice), sam_item_get_id (f->perspective)));
  g_ptr_array_add (ops, g_strdup_printf ("{\"op\":\"set\",\"id\":\"%s\",\"member\":\"activity_id\",\"value\":\"%s\"}",
                                         sam_item_get_id (f->agenda_item), session_id));
  g_ptr_array_add (ops, g_strdup_printf ("{\"op\":\"set\",\"id\":\"%s\",\"member\":\"perspectives\",\"value\":[\"%s\",\"saknas\"]}",
                                         sam_item_get_id (f->participant), sam_item_get_id (f->perspective)));
  g_ptr_array_add (ops, g_strdup_printf ("{\"op\":\"set\",\"id\":\"%s\",\"member\":\"groups\",\"value\":[[\"%s\"]]}",
                                         sam_item_get_id (f->round), sam_item_get_id (f->voice)));
  g_ptr_array_add (ops, g_strdup_printf ("{\"op\":\"insert\",\"parent\":\"%s\",\"list\":\"voices\",\"index\":0,"
                                         "\"item\":{\"id\":\"ny\",\"text\":\"Röst\",\"prompt\":\"saknas\"}}",
                                         session_id));
  g_ptr_array_add (ops, g_strdup_printf ("{\"op\":\"insert\",\"parent\":\"%s\",\"list\":\"notes\",\"index\":0,"
                                         "\"item\":{\"id\":\"ny\",\"text\":\"Lapp\",\"perspective\":\"%s\"}}",
                                         sam_item_get_id (f->column), session_id));

  for (guint i = 0; i < ops->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sam_session_apply_op (f->session, ops->pdata[i], &error));
      g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "refers to"));
    }

  g_assert_true (sam_item_equal (before, SAM_ITEM (f->session)));
  g_assert_null (sam_session_lookup (f->session, "ny"));

  /* Within the inserted subtree is fine. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *op = g_strdup_printf ("{\"op\":\"insert\",\"parent\":\"%s\",\"list\":\"agenda\",\"index\":0,"
                                           "\"item\":{\"id\":\"ny\",\"title\":\"Paus\",\"activity_id\":\"ny\"}}",
                                           session_id);

    g_assert_true (sam_session_apply_op (f->session, op, &error));
    g_assert_no_error (error);
  }
  assert_saves_and_loads (f->session);
}

static void
test_defaults (void)
{
  g_autoptr(SamSession) session = sam_session_new ();
  GListModel *perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));

  g_assert_cmpuint (g_list_model_get_n_items (perspectives), ==, 7);
  g_assert_false (sam_session_get_dirty (session));
  g_assert_false (sam_session_can_undo (session));
  g_assert_cmpuint (strlen (sam_item_get_string (SAM_ITEM (session), "date")), ==, 10);
  g_assert_true (sam_session_check_references (session, NULL));
}

int
main (int   argc,
      char *argv[])
{
  const struct { const char *path; EditFunc edit; } edits[] = {
    { "/sam/model/undo/session", edit_session_title },
    { "/sam/model/undo/agenda-item", edit_agenda_item },
    { "/sam/model/undo/perspective", edit_perspective },
    { "/sam/model/undo/participant", edit_participant },
    { "/sam/model/undo/balloon", edit_balloon },
    { "/sam/model/undo/prompt", edit_prompt },
    { "/sam/model/undo/group-round", edit_group_round },
    { "/sam/model/undo/voice", edit_voice },
    { "/sam/model/undo/wall-and-column", edit_wall_and_column },
    { "/sam/model/undo/note", edit_note },
    { "/sam/model/undo/insert-each-kind", edit_insert_each_kind },
    { "/sam/model/undo/remove-perspective", edit_remove_perspective },
    { "/sam/model/undo/remove-column", edit_remove_column },
    { "/sam/model/undo/move-within", edit_move_note_within },
    { "/sam/model/undo/move-across", edit_move_note_across },
    { "/sam/model/undo/move-agenda", edit_move_agenda },
  };

  g_test_init (&argc, &argv, NULL);
  sam_entities_init ();

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    g_test_add (edits[i].path, Fixture, edits[i].edit,
                fixture_set_up, test_undo_every_edit, fixture_tear_down);

  g_test_add ("/sam/model/references-cleared", Fixture, NULL,
              fixture_set_up, test_references_cleared, fixture_tear_down);
  g_test_add ("/sam/model/removed-children-leave-index", Fixture, NULL,
              fixture_set_up, test_removed_children_leave_index, fixture_tear_down);
  g_test_add ("/sam/model/dirty", Fixture, NULL,
              fixture_set_up, test_dirty, fixture_tear_down);
  g_test_add ("/sam/model/new-edit-drops-redo", Fixture, NULL,
              fixture_set_up, test_new_edit_drops_redo, fixture_tear_down);
  g_test_add ("/sam/model/out-of-range", Fixture, NULL,
              fixture_set_up, test_out_of_range_is_clamped, fixture_tear_down);
  g_test_add ("/sam/model/lists-signal", Fixture, NULL,
              fixture_set_up, test_lists_signal_changes, fixture_tear_down);
  g_test_add ("/sam/model/ops-replay", Fixture, NULL,
              fixture_set_up, test_ops_replay, fixture_tear_down);
  g_test_add ("/sam/model/bad-ops", Fixture, NULL,
              fixture_set_up, test_bad_ops, fixture_tear_down);
  g_test_add ("/sam/model/insert/repeated-ids", Fixture, NULL,
              fixture_set_up, test_insert_repeated_ids, fixture_tear_down);
  g_test_add ("/sam/model/insert/bad-reference", Fixture, NULL,
              fixture_set_up, test_insert_bad_reference, fixture_tear_down);
  g_test_add ("/sam/model/set/bad-reference", Fixture, NULL,
              fixture_set_up, test_set_bad_reference, fixture_tear_down);
  g_test_add ("/sam/model/apply-op/repeated-ids", Fixture, NULL,
              fixture_set_up, test_apply_op_repeated_ids, fixture_tear_down);
  g_test_add ("/sam/model/apply-op/bad-reference", Fixture, NULL,
              fixture_set_up, test_apply_op_bad_reference, fixture_tear_down);
  g_test_add_func ("/sam/model/defaults", test_defaults);

  return g_test_run ();
}
