/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sam-entities.h"
#include "sam-history.h"
#include "sam-json.h"
#include "sam-search.h"
#include "sam-wall.h"

typedef struct
{
  SamSession *session;
  SamItem    *wall;
  SamItem    *columns[3];
  const char *perspective;  /* the id of the session's first perspective */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SamItem) perspective = NULL;
  GListStore *columns;

  f->session = sam_session_new ();
  f->wall = sam_wall_add (f->session, "Frågor och förslag", TRUE);
  columns = sam_item_get_list (f->wall, "columns");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (columns)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      f->columns[i] = g_list_model_get_item (G_LIST_MODEL (columns), i);
      g_object_unref (f->columns[i]);
    }

  perspective = g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (f->session)), 0);
  f->perspective = sam_item_get_id (perspective);

  sam_history_clear (sam_session_get_history (f->session));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
}

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* Helpers */

static SamItem *
add_note (Fixture    *f,
          guint       column,
          const char *text)
{
  SamItem *note = sam_wall_add_note (f->session, f->columns[column], G_MAXUINT, text,
                                     SAM_NOTE_COLOR_YELLOW, NULL, FALSE);

  g_assert_nonnull (note);
  return note;
}

static SamItem *
note_at (SamItem *column,
         guint    position)
{
  SamItem *note = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (column, "notes")), position);

  g_object_unref (note);
  return note;
}

static SamItem *
column_at (SamItem *wall,
           guint    position)
{
  SamItem *column = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (wall, "columns")), position);

  g_object_unref (column);
  return column;
}

static guint
n_list (SamItem    *item,
        const char *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (item, list)));
}

/* The texts of @column's notes, joined by "|". */
static char *
column_texts (SamItem *column)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  for (guint i = 0; i < n_list (column, "notes"); i++)
    g_string_append_printf (texts, "%s%s", i > 0 ? "|" : "", sam_item_get_string (note_at (column, i), "text"));

  return g_string_free (g_steal_pointer (&texts), FALSE);
}

#define assert_texts(column, expected)                 \
  G_STMT_START {                                       \
    g_autofree char *_texts = column_texts (column);   \
    g_assert_cmpstr (_texts, ==, expected);            \
  } G_STMT_END

static guint
n_steps (Fixture *f)
{
  return sam_history_get_n_steps (sam_session_get_history (f->session));
}

/* Starts watching one edit: a copy of the document before it. */
static SamItem *
before_edit (Fixture *f)
{
  return sam_item_copy (SAM_ITEM (f->session));
}

/* The edit since before_edit() was one undo step labelled @label that
 * changed the document; undo brings back @before exactly and redo the
 * state after the edit. */
static void
assert_one_step (Fixture    *f,
                 SamItem    *before,
                 guint       steps_before,
                 const char *label)
{
  g_autoptr(SamItem) after = sam_item_copy (SAM_ITEM (f->session));
  SamHistory *history = sam_session_get_history (f->session);

  g_assert_cmpuint (n_steps (f), ==, steps_before + 1);
  g_assert_cmpstr (sam_history_get_undo_label (history), ==, label);
  g_assert_false (sam_item_equal (before, after));

  g_assert_true (sam_session_undo (f->session));
  g_assert_true (sam_item_equal (SAM_ITEM (f->session), before));
  g_assert_true (sam_session_redo (f->session));
  g_assert_true (sam_item_equal (SAM_ITEM (f->session), after));
}

/* Walls and columns */

static void
test_add_wall (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SamItem) before = before_edit (f);
  guint steps = n_steps (f);
  SamItem *wall, *plain;

  wall = sam_wall_add (f->session, "  Vad tar vi med oss?\n", TRUE);
  g_assert_cmpstr (sam_item_get_string (wall, "title"), ==, "Vad tar vi med oss?");
  g_assert_cmpuint (n_list (wall, "columns"), ==, 3);
  g_assert_true (sam_item_get_parent (wall) == SAM_ITEM (f->session));
  assert_one_step (f, before, steps, "Add Wall");

  plain = sam_wall_add (f->session, " \t ", FALSE);
  g_assert_cmpstr (sam_item_get_string (plain, "title"), ==, "New Wall");
  g_assert_cmpuint (n_list (plain, "columns"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_walls (f->session))), ==, 3);

  g_assert_false (sam_wall_rename (f->session, plain, "   "));
  g_assert_cmpstr (sam_item_get_string (plain, "title"), ==, "New Wall");
  g_clear_object (&before);
  before = before_edit (f);
  steps = n_steps (f);
  g_assert_true (sam_wall_rename (f->session, plain, " Idéer "));
  g_assert_cmpstr (sam_item_get_string (plain, "title"), ==, "Idéer");
  assert_one_step (f, before, steps, "Rename Wall");
}

static void
test_remove_wall (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SamItem) agenda = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);
  g_autoptr(SamItem) before = NULL;
  guint steps;

  add_note (f, 0, "Lapp");
  g_object_set (agenda, "title", "Väggen", "activity-kind", SAM_ACTIVITY_WALL,
                "activity-id", sam_item_get_id (f->wall), NULL);
  sam_session_insert (f->session, f->session, "agenda", G_MAXUINT, agenda);

  before = before_edit (f);
  steps = n_steps (f);
  sam_wall_remove (f->session, f->wall);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_walls (f->session))), ==, 0);
  /* The agenda item no longer shows a wall that is gone. */
  g_assert_cmpstr (sam_item_get_string (agenda, "activity-id"), ==, "");
  assert_one_step (f, before, steps, "Remove Wall");
}

static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SamItem) before = before_edit (f);
  guint steps = n_steps (f);
  SamItem *column;

  column = sam_wall_add_column (f->session, f->wall, "Hinder", 1);
  g_assert_cmpstr (sam_item_get_string (column, "title"), ==, "Hinder");
  g_assert_cmpuint (n_list (f->wall, "columns"), ==, 4);
  g_assert_true (column_at (f->wall, 1) == column);
  assert_one_step (f, before, steps, "Add Column");

  column = sam_wall_add_column (f->session, f->wall, "", G_MAXUINT);
  g_assert_cmpstr (sam_item_get_string (column, "title"), ==, "New Column");

  /* Rename: trimmed; blank refused without a step. */
  steps = n_steps (f);
  g_assert_false (sam_wall_rename_column (f->session, column, " \n "));
  g_assert_cmpuint (n_steps (f), ==, steps);
  g_assert_cmpstr (sam_item_get_string (column, "title"), ==, "New Column");
  g_clear_object (&before);
  before = before_edit (f);
  g_assert_true (sam_wall_rename_column (f->session, column, "  Resurser "));
  g_assert_cmpstr (sam_item_get_string (column, "title"), ==, "Resurser");
  assert_one_step (f, before, steps, "Rename Column");

  /* Move to the front. */
  g_clear_object (&before);
  before = before_edit (f);
  steps = n_steps (f);
  g_assert_true (sam_wall_move_column (f->session, column, 0));
  g_assert_true (column_at (f->wall, 0) == column);
  assert_one_step (f, before, steps, "Move Column");
  steps = n_steps (f);
  g_assert_false (sam_wall_move_column (f->session, column, 0));
  g_assert_cmpuint (n_steps (f), ==, steps);
}

static void
test_remove_column (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SamItem) before = NULL;
  SamItem *notes[2];
  guint steps;

  notes[0] = add_note (f, 1, "Ett");
  notes[1] = add_note (f, 1, "Två");
  add_note (f, 1, "Tre");
  sam_wall_cluster_notes (f->session, notes, 2, "Par");
  add_note (f, 0, "Kvar");

  before = before_edit (f);
  steps = n_steps (f);
  sam_wall_remove_column (f->session, f->columns[1]);
  g_assert_cmpuint (n_list (f->wall, "columns"), ==, 2);
  g_assert_cmpuint (sam_wall_count_notes (f->wall), ==, 1);
  /* One step: undo brings back the column with its notes and cluster. */
  assert_one_step (f, before, steps, "Remove Column");
  g_assert_true (sam_session_undo (f->session));
  g_assert_cmpuint (sam_wall_count_notes (f->wall), ==, 4);
  assert_texts (f->columns[1], "Ett|Två|Tre");
  g_assert_cmpuint (n_list (f->columns[1], "clusters"), ==, 1);
  g_assert_nonnull (sam_wall_get_note_cluster (notes[0]));
}

/* Notes */

static void
test_add_note (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SamItem) before = before_edit (f);
  guint steps = n_steps (f);
  gint64 start = g_get_real_time ();
  SamItem *note;

  note = sam_wall_add_note (f->session, f->columns[0], G_MAXUINT, "  Låt unga leda en samling.\n",
                            SAM_NOTE_COLOR_GREEN, f->perspective, TRUE);
  g_assert_nonnull (note);
  g_assert_cmpstr (sam_item_get_string (note, "text"), ==, "Låt unga leda en samling.");
  g_assert_cmpint (sam_item_get_enum (note, "color"), ==, SAM_NOTE_COLOR_GREEN);
  g_assert_cmpstr (sam_item_get_string (note, "perspective"), ==, f->perspective);
  g_assert_true (sam_item_get_boolean (note, "hidden"));
  g_assert_cmpint (sam_item_get_int (note, "votes"), ==, 0);
  g_assert_cmpint (sam_item_get_int64 (note, "time"), >=, start);
  g_assert_cmpint (sam_item_get_int64 (note, "time"), <=, g_get_real_time ());
  g_assert_cmpstr (sam_item_get_string (note, "cluster"), ==, "");
  assert_one_step (f, before, steps, "Add Note");

  /* At a position; without a perspective. */
  add_note (f, 0, "Sist");
  note = sam_wall_add_note (f->session, f->columns[0], 0, "Först", SAM_NOTE_COLOR_PINK, NULL, FALSE);
  g_assert_cmpstr (sam_item_get_string (note, "perspective"), ==, "");
  assert_texts (f->columns[0], "Först|Låt unga leda en samling.|Sist");
}

static void
test_add_note_refused (Fixture       *f,
                       gconstpointer  data)
{
  const char *blanks[] = { NULL, "", " ", "\n\t  \r\n", "\u00a0\u2003 \u3000" };
  g_autoptr(SamItem) before = before_edit (f);
  guint steps = n_steps (f);

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    g_assert_null (sam_wall_add_note (f->session, f->columns[0], G_MAXUINT, blanks[i],
                                      SAM_NOTE_COLOR_YELLOW, NULL, FALSE));

  g_assert_cmpuint (n_steps (f), ==, steps);
  g_assert_true (sam_item_equal (SAM_ITEM (f->session), before));
}

static void
test_long_note (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *saved = NULL;
  g_autoptr(SamSession) loaded = NULL;
  g_autoptr(GError) error = NULL;
  SamItem *note;
  gsize length;

  while (text->len < 12000)
    g_string_append (text, "Räksmörgås med kaffe, tack! ");
  g_string_truncate (text, text->len - 1);

  note = add_note (f, 2, text->str);
  g_assert_cmpuint (strlen (sam_item_get_string (note, "text")), ==, text->len);
  g_assert_cmpstr (sam_item_get_string (note, "text"), ==, text->str);

  g_string_append (text, " Och en bulle.");
  g_assert_true (sam_wall_set_note_text (f->session, note, text->str));
  g_assert_cmpstr (sam_item_get_string (note, "text"), ==, text->str);

  saved = sam_json_save_data (f->session, &length);
  loaded = sam_json_load_data (saved, length, &error);
  g_assert_no_error (error);
  g_assert_true (sam_item_equal (SAM_ITEM (f->session), SAM_ITEM (loaded)));
}

static void
test_edit_note (Fixture       *f,
                gconstpointer  data)
{
  SamItem *note = add_note (f, 0, "Före");
  g_autoptr(SamItem) before = NULL;
  guint steps;

  /* Blank text is refused, and the note stays as it was. */
  before = before_edit (f);
  steps = n_steps (f);
  g_assert_false (sam_wall_set_note_text (f->session, note, " \n "));
  g_assert_false (sam_wall_set_note_text (f->session, note, ""));
  g_assert_cmpstr (sam_item_get_string (note, "text"), ==, "Före");
  g_assert_cmpuint (n_list (f->columns[0], "notes"), ==, 1);
  g_assert_cmpuint (n_steps (f), ==, steps);

  g_assert_true (sam_wall_set_note_text (f->session, note, " Efter "));
  g_assert_cmpstr (sam_item_get_string (note, "text"), ==, "Efter");
  assert_one_step (f, before, steps, "Edit Note");

  g_clear_object (&before);
  before = before_edit (f);
  steps = n_steps (f);
  sam_wall_set_note_color (f->session, note, SAM_NOTE_COLOR_PURPLE);
  g_assert_cmpint (sam_item_get_enum (note, "color"), ==, SAM_NOTE_COLOR_PURPLE);
  assert_one_step (f, before, steps, "Change Note Colour");

  g_clear_object (&before);
  before = before_edit (f);
  steps = n_steps (f);
  sam_wall_set_note_perspective (f->session, note, f->perspective);
  g_assert_cmpstr (sam_item_get_string (note, "perspective"), ==, f->perspective);
  assert_one_step (f, before, steps, "Change Note Perspective");
  sam_wall_set_note_perspective (f->session, note, NULL);
  g_assert_cmpstr (sam_item_get_string (note, "perspective"), ==, "");

  g_clear_object (&before);
  before = before_edit (f);
  steps = n_steps (f);
  sam_wall_set_note_hidden (f->session, note, TRUE);
  g_assert_true (sam_item_get_boolean (note, "hidden"));
  assert_one_step (f, before, steps, "Hide Note");
  sam_wall_set_note_hidden (f->session, note, FALSE);
  g_assert_cmpstr (sam_history_get_undo_label (sam_session_get_history (f->session)), ==, "Show Note");

  /* Setting what is already there records nothing. */
  steps = n_steps (f);
  sam_wall_set_note_color (f->session, note, SAM_NOTE_COLOR_PURPLE);
  g_assert_true (sam_wall_set_note_text (f->session, note, "Efter"));
  g_assert_cmpuint (n_steps (f), ==, steps);
}

static void
test_remove_note (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SamItem) before = NULL;
  SamItem *note;
  guint steps;

  add_note (f, 0, "Ett");
  note = add_note (f, 0, "Två");
  add_note (f, 0, "Tre");

  before = before_edit (f);
  steps = n_steps (f);
  sam_wall_remove_note (f->session, note);
  assert_texts (f->columns[0], "Ett|Tre");
  assert_one_step (f, before, steps, "Remove Note");
  g_assert_true (sam_session_undo (f->session));
  assert_texts (f->columns[0], "Ett|Två|Tre");
}

static void
test_move_note (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SamItem) before = NULL;
  SamItem *a, *c;
  guint steps;

  a = add_note (f, 0, "A");
  add_note (f, 0, "B");
  c = add_note (f, 0, "C");
  add_note (f, 1, "X");

  /* Within a column: the position counts after the note is taken out. */
  before = before_edit (f);
  steps = n_steps (f);
  g_assert_true (sam_wall_move_note (f->session, a, f->columns[0], 2));
  assert_texts (f->columns[0], "B|C|A");
  assert_one_step (f, before, steps, "Move Note");

  g_assert_true (sam_wall_move_note (f->session, a, f->columns[0], 0));
  assert_texts (f->columns[0], "A|B|C");

  /* Between columns. */
  g_clear_object (&before);
  before = before_edit (f);
  steps = n_steps (f);
  g_assert_true (sam_wall_move_note (f->session, c, f->columns[1], 0));
  assert_texts (f->columns[0], "A|B");
  assert_texts (f->columns[1], "C|X");
  g_assert_true (sam_item_get_parent (c) == f->columns[1]);
  assert_one_step (f, before, steps, "Move Note");

  /* To the end; nowhere. */
  g_assert_true (sam_wall_move_note (f->session, a, f->columns[2], G_MAXUINT));
  assert_texts (f->columns[2], "A");
  steps = n_steps (f);
  g_assert_false (sam_wall_move_note (f->session, a, f->columns[2], 0));
  g_assert_cmpuint (n_steps (f), ==, steps);
}

static void
test_votes (Fixture       *f,
            gconstpointer  data)
{
  SamItem *note = add_note (f, 0, "Rösta på mig");
  g_autoptr(SamItem) before = NULL;
  guint steps;

  /* No floor below zero: nothing happens and nothing is recorded. */
  steps = n_steps (f);
  g_assert_false (sam_wall_remove_vote (f->session, note));
  g_assert_cmpint (sam_item_get_int (note, "votes"), ==, 0);
  g_assert_cmpuint (n_steps (f), ==, steps);

  before = before_edit (f);
  g_assert_true (sam_wall_add_vote (f->session, note));
  g_assert_cmpint (sam_item_get_int (note, "votes"), ==, 1);
  assert_one_step (f, before, steps, "Vote");

  /* Anyone may vote again: no limit per device or person. */
  for (guint i = 0; i < 9; i++)
    g_assert_true (sam_wall_add_vote (f->session, note));
  g_assert_cmpint (sam_item_get_int (note, "votes"), ==, 10);

  g_clear_object (&before);
  before = before_edit (f);
  steps = n_steps (f);
  g_assert_true (sam_wall_remove_vote (f->session, note));
  g_assert_cmpint (sam_item_get_int (note, "votes"), ==, 9);
  assert_one_step (f, before, steps, "Remove Vote");

  for (guint i = 0; i < 9; i++)
    g_assert_true (sam_wall_remove_vote (f->session, note));
  g_assert_false (sam_wall_remove_vote (f->session, note));
  g_assert_cmpint (sam_item_get_int (note, "votes"), ==, 0);

  /* Undo walks the votes back one at a time. */
  g_assert_true (sam_session_undo (f->session));
  g_assert_cmpint (sam_item_get_int (note, "votes"), ==, 1);

  /* The ceiling. */
  sam_session_set (f->session, note, "votes", 1000000, NULL);
  steps = n_steps (f);
  g_assert_false (sam_wall_add_vote (f->session, note));
  g_assert_cmpint (sam_item_get_int (note, "votes"), ==, 1000000);
  g_assert_cmpuint (n_steps (f), ==, steps);
}

static void
set_votes (Fixture *f,
           SamItem *column,
           guint    position,
           int      votes)
{
  sam_session_set (f->session, note_at (column, position), "votes", votes, NULL);
}

static void
test_sort_by_votes (Fixture       *f,
                    gconstpointer  data)
{
  const char *texts[] = { "a", "b", "c", "d", "e", "f", "g" };
  const int votes[] = { 1, 3, 0, 3, 1, 5, 0 };
  g_autoptr(SamItem) before = NULL;
  guint steps;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      add_note (f, 0, texts[i]);
      set_votes (f, f->columns[0], i, votes[i]);
    }
  add_note (f, 1, "other");

  before = before_edit (f);
  steps = n_steps (f);
  g_assert_true (sam_wall_sort_by_votes (f->session, f->columns[0]));
  /* Most first; notes with as many votes keep their order. */
  assert_texts (f->columns[0], "f|b|d|a|e|c|g");
  assert_texts (f->columns[1], "other");
  assert_one_step (f, before, steps, "Sort by Votes");

  /* Sorted already: nothing to record. */
  steps = n_steps (f);
  g_assert_false (sam_wall_sort_by_votes (f->session, f->columns[0]));
  g_assert_false (sam_wall_sort_by_votes (f->session, f->columns[2]));
  g_assert_cmpuint (n_steps (f), ==, steps);

  g_assert_true (sam_session_undo (f->session));
  assert_texts (f->columns[0], "a|b|c|d|e|f|g");
}

/* A column of notes with the same votes stays as it is, whatever its
 * length; ties among many keep their order. */
static void
test_sort_stable (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GString) expected = g_string_new (NULL);

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *text = g_strdup_printf ("%02u", i);

      add_note (f, 0, text);
      set_votes (f, f->columns[0], i, i % 3);
    }
  g_assert_false (sam_wall_sort_by_votes (f->session, f->columns[1]));

  g_assert_true (sam_wall_sort_by_votes (f->session, f->columns[0]));
  for (int v = 2; v >= 0; v--)
    for (guint i = 0; i < 60; i++)
      if ((int) (i % 3) == v)
        g_string_append_printf (expected, "%s%02u", expected->len > 0 ? "|" : "", i);
  assert_texts (f->columns[0], expected->str);
}

static void
test_hidden_and_reveal (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SamItem) before = NULL;
  SamItem *elsewhere;
  guint steps;

  sam_wall_add_note (f->session, f->columns[0], G_MAXUINT, "dold 1", SAM_NOTE_COLOR_YELLOW, NULL, TRUE);
  add_note (f, 0, "synlig");
  sam_wall_add_note (f->session, f->columns[1], G_MAXUINT, "dold 2", SAM_NOTE_COLOR_BLUE, NULL, TRUE);
  sam_wall_add_note (f->session, f->columns[1], G_MAXUINT, "dold 3", SAM_NOTE_COLOR_BLUE, NULL, TRUE);
  elsewhere = sam_wall_add (f->session, "Annan vägg", FALSE);
  sam_wall_add_column (f->session, elsewhere, "K", 0);
  sam_wall_add_note (f->session, column_at (elsewhere, 0), 0, "dold där", SAM_NOTE_COLOR_BLUE, NULL, TRUE);

  g_assert_cmpuint (sam_wall_count_notes (f->columns[0]), ==, 2);
  g_assert_cmpuint (sam_wall_count_hidden (f->columns[0]), ==, 1);
  g_assert_cmpuint (sam_wall_count_notes (f->columns[1]), ==, 2);
  g_assert_cmpuint (sam_wall_count_hidden (f->columns[1]), ==, 2);
  g_assert_cmpuint (sam_wall_count_notes (f->columns[2]), ==, 0);
  g_assert_cmpuint (sam_wall_count_hidden (f->columns[2]), ==, 0);
  g_assert_cmpuint (sam_wall_count_notes (f->wall), ==, 4);
  g_assert_cmpuint (sam_wall_count_hidden (f->wall), ==, 3);

  before = before_edit (f);
  steps = n_steps (f);
  g_assert_cmpuint (sam_wall_reveal (f->session, f->wall), ==, 3);
  g_assert_cmpuint (sam_wall_count_hidden (f->wall), ==, 0);
  g_assert_cmpuint (sam_wall_count_notes (f->wall), ==, 4);
  /* Only this wall's notes. */
  g_assert_cmpuint (sam_wall_count_hidden (elsewhere), ==, 1);
  assert_one_step (f, before, steps, "Reveal Notes");

  steps = n_steps (f);
  g_assert_cmpuint (sam_wall_reveal (f->session, f->wall), ==, 0);
  g_assert_cmpuint (n_steps (f), ==, steps);

  g_assert_true (sam_session_undo (f->session));
  g_assert_cmpuint (sam_wall_count_hidden (f->wall), ==, 3);
}

/* Clusters */

static void
test_cluster_notes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SamItem) before = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) clusters = NULL;
  SamItem *notes[5];
  SamItem *chosen[3];
  SamItem *cluster;
  guint steps;

  notes[0] = add_note (f, 0, "a");
  notes[1] = add_note (f, 0, "b");
  notes[2] = add_note (f, 0, "c");
  notes[3] = add_note (f, 0, "d");
  notes[4] = add_note (f, 0, "e");

  /* Chosen in any order, one twice: they come together where the topmost
   * was, in their order. */
  chosen[0] = notes[3];
  chosen[1] = notes[1];
  chosen[2] = notes[3];
  before = before_edit (f);
  steps = n_steps (f);
  cluster = sam_wall_cluster_notes (f->session, chosen, 3, "  Tid ");
  g_assert_nonnull (cluster);
  g_assert_true (SAM_IS_CLUSTER (cluster));
  g_assert_true (sam_item_get_parent (cluster) == f->columns[0]);
  g_assert_cmpstr (sam_item_get_string (cluster, "title"), ==, "Tid");
  assert_texts (f->columns[0], "a|b|d|c|e");
  g_assert_true (sam_wall_get_note_cluster (notes[1]) == cluster);
  g_assert_true (sam_wall_get_note_cluster (notes[3]) == cluster);
  g_assert_null (sam_wall_get_note_cluster (notes[0]));
  g_assert_null (sam_wall_get_note_cluster (notes[2]));
  members = sam_wall_list_cluster_notes (cluster);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_true (members->pdata[0] == notes[1] && members->pdata[1] == notes[3]);
  assert_one_step (f, before, steps, "Cluster Notes");

  /* A second cluster, higher up: clusters stand by their first note. */
  chosen[0] = notes[4];
  chosen[1] = notes[0];
  cluster = sam_wall_cluster_notes (f->session, chosen, 2, NULL);
  g_assert_cmpstr (sam_item_get_string (cluster, "title"), ==, "New Cluster");
  assert_texts (f->columns[0], "a|e|b|d|c");
  clusters = sam_wall_list_clusters (f->columns[0]);
  g_assert_cmpuint (clusters->len, ==, 2);
  g_assert_true (clusters->pdata[0] == cluster);
  g_assert_true (clusters->pdata[1] == sam_wall_get_note_cluster (notes[1]));
  g_clear_pointer (&clusters, g_ptr_array_unref);
  clusters = sam_wall_list_clusters (f->columns[1]);
  g_assert_cmpuint (clusters->len, ==, 0);

  /* Rename; blank refused. */
  g_clear_object (&before);
  before = before_edit (f);
  steps = n_steps (f);
  g_assert_false (sam_wall_rename_cluster (f->session, cluster, "  "));
  g_assert_cmpuint (n_steps (f), ==, steps);
  g_assert_true (sam_wall_rename_cluster (f->session, cluster, "Ytterkanter"));
  g_assert_cmpstr (sam_item_get_string (cluster, "title"), ==, "Ytterkanter");
  assert_one_step (f, before, steps, "Rename Cluster");

  /* Clustering notes that are in clusters moves them, and a cluster left
   * without notes goes. */
  chosen[0] = notes[0];
  chosen[1] = notes[4];
  chosen[2] = notes[2];
  cluster = sam_wall_cluster_notes (f->session, chosen, 3, "Alla tre");
  g_assert_cmpuint (n_list (f->columns[0], "clusters"), ==, 2);
  g_assert_true (sam_wall_get_note_cluster (notes[2]) == cluster);
  assert_texts (f->columns[0], "a|e|c|b|d");
}

static void
test_uncluster (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SamItem) before = NULL;
  SamItem *notes[3];
  SamItem *cluster;
  guint steps;

  notes[0] = add_note (f, 0, "a");
  notes[1] = add_note (f, 0, "b");
  notes[2] = add_note (f, 0, "c");
  cluster = sam_wall_cluster_notes (f->session, notes, 2, "Par");

  before = before_edit (f);
  steps = n_steps (f);
  sam_wall_uncluster (f->session, cluster);
  g_assert_cmpuint (n_list (f->columns[0], "clusters"), ==, 0);
  g_assert_null (sam_wall_get_note_cluster (notes[0]));
  g_assert_cmpstr (sam_item_get_string (notes[1], "cluster"), ==, "");
  /* The notes stay where they are. */
  assert_texts (f->columns[0], "a|b|c");
  assert_one_step (f, before, steps, "Uncluster");
}

static void
test_set_note_cluster (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SamItem) before = NULL;
  SamItem *notes[5];
  SamItem *cluster;
  guint steps;

  notes[0] = add_note (f, 0, "a");
  notes[1] = add_note (f, 0, "b");
  notes[2] = add_note (f, 0, "c");
  notes[3] = add_note (f, 0, "d");
  notes[4] = add_note (f, 0, "e");
  cluster = sam_wall_cluster_notes (f->session, &notes[1], 2, "Mitten");
  assert_texts (f->columns[0], "a|b|c|d|e");

  /* Joining from below and from above: right after the last one. */
  before = before_edit (f);
  steps = n_steps (f);
  g_assert_true (sam_wall_set_note_cluster (f->session, notes[4], cluster));
  assert_texts (f->columns[0], "a|b|c|e|d");
  assert_one_step (f, before, steps, "Add to Cluster");
  g_assert_true (sam_wall_set_note_cluster (f->session, notes[0], cluster));
  assert_texts (f->columns[0], "b|c|e|a|d");
  g_assert_false (sam_wall_set_note_cluster (f->session, notes[0], cluster));

  g_clear_object (&before);
  before = before_edit (f);
  steps = n_steps (f);
  g_assert_true (sam_wall_set_note_cluster (f->session, notes[0], NULL));
  g_assert_null (sam_wall_get_note_cluster (notes[0]));
  assert_one_step (f, before, steps, "Remove from Cluster");
  g_assert_false (sam_wall_set_note_cluster (f->session, notes[3], NULL));

  /* Taking out the last note removes the cluster, in the same step. */
  g_assert_true (sam_wall_set_note_cluster (f->session, notes[1], NULL));
  g_assert_true (sam_wall_set_note_cluster (f->session, notes[2], NULL));
  g_clear_object (&before);
  before = before_edit (f);
  steps = n_steps (f);
  g_assert_true (sam_wall_set_note_cluster (f->session, notes[4], NULL));
  g_assert_cmpuint (n_list (f->columns[0], "clusters"), ==, 0);
  assert_one_step (f, before, steps, "Remove from Cluster");
}

static void
test_cluster_across_moves (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SamItem) before = NULL;
  SamItem *notes[3];
  SamItem *cluster;
  guint steps;

  notes[0] = add_note (f, 0, "a");
  notes[1] = add_note (f, 0, "b");
  notes[2] = add_note (f, 0, "c");
  cluster = sam_wall_cluster_notes (f->session, notes, 3, "Tre");

  /* Within the column: still in the cluster. */
  g_assert_true (sam_wall_move_note (f->session, notes[0], f->columns[0], 2));
  g_assert_true (sam_wall_get_note_cluster (notes[0]) == cluster);

  /* To another column: out of it, in the same step. */
  before = before_edit (f);
  steps = n_steps (f);
  g_assert_true (sam_wall_move_note (f->session, notes[1], f->columns[1], 0));
  g_assert_null (sam_wall_get_note_cluster (notes[1]));
  g_assert_cmpstr (sam_item_get_string (notes[1], "cluster"), ==, "");
  g_assert_cmpuint (n_list (f->columns[0], "clusters"), ==, 1);
  assert_one_step (f, before, steps, "Move Note");
  g_assert_true (sam_session_undo (f->session));
  g_assert_true (sam_wall_get_note_cluster (notes[1]) == cluster);
  g_assert_true (sam_session_redo (f->session));

  /* Removing notes: the cluster goes with its last one. */
  sam_wall_remove_note (f->session, notes[2]);
  g_assert_cmpuint (n_list (f->columns[0], "clusters"), ==, 1);
  g_clear_object (&before);
  before = before_edit (f);
  steps = n_steps (f);
  g_assert_true (sam_wall_move_note (f->session, notes[0], f->columns[2], 0));
  g_assert_cmpuint (n_list (f->columns[0], "clusters"), ==, 0);
  assert_one_step (f, before, steps, "Move Note");
  g_assert_true (sam_session_undo (f->session));
  g_assert_cmpuint (n_list (f->columns[0], "clusters"), ==, 1);
  g_assert_true (sam_wall_get_note_cluster (notes[0]) == cluster);

  g_clear_object (&before);
  before = before_edit (f);
  steps = n_steps (f);
  sam_wall_remove_note (f->session, notes[0]);
  g_assert_cmpuint (n_list (f->columns[0], "clusters"), ==, 0);
  assert_one_step (f, before, steps, "Remove Note");
}

/* A sort moves a cluster as one block, by its notes' votes together, and
 * orders its notes within it. */
static void
test_cluster_sort (Fixture       *f,
                   gconstpointer  data)
{
  const char *texts[] = { "a", "b", "c", "d", "e", "f" };
  const int votes[] = { 2, 1, 0, 4, 3, 5 };
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(SamItem) before = NULL;
  SamItem *notes[6];
  SamItem *first, *second;
  guint steps;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      notes[i] = add_note (f, 0, texts[i]);
      sam_session_set (f->session, notes[i], "votes", votes[i], NULL);
    }
  first = sam_wall_cluster_notes (f->session, &notes[0], 2, "Första");
  second = sam_wall_cluster_notes (f->session, &notes[2], 2, "Andra");
  g_assert_cmpuint (sam_wall_count_cluster_votes (first), ==, 3);
  g_assert_cmpuint (sam_wall_count_cluster_votes (second), ==, 4);

  before = before_edit (f);
  steps = n_steps (f);
  g_assert_true (sam_wall_sort_by_votes (f->session, f->columns[0]));
  /* f (5), the second cluster (4: d, c), the first (3: a, b), then e (3),
   * which stood after the first cluster. */
  assert_texts (f->columns[0], "f|d|c|a|b|e");
  clusters = sam_wall_list_clusters (f->columns[0]);
  g_assert_cmpuint (clusters->len, ==, 2);
  g_assert_true (clusters->pdata[0] == second);
  g_assert_true (clusters->pdata[1] == first);
  g_assert_true (sam_wall_get_note_cluster (notes[3]) == second);
  assert_one_step (f, before, steps, "Sort by Votes");
  g_assert_false (sam_wall_sort_by_votes (f->session, f->columns[0]));

  /* A cluster whose notes were split (by a version without clusters, or a
   * move within the column) comes together again. */
  g_assert_true (sam_wall_move_note (f->session, notes[2], f->columns[0], G_MAXUINT));
  assert_texts (f->columns[0], "f|d|a|b|e|c");
  g_assert_true (sam_wall_sort_by_votes (f->session, f->columns[0]));
  assert_texts (f->columns[0], "f|d|c|a|b|e");
}

/* The wall edits as journal operations rebuild the same document. */
static void
collect_ops_cb (SamSession         *session,
                const char * const *ops,
                GPtrArray          *all)
{
  for (guint i = 0; ops[i] != NULL; i++)
    g_ptr_array_add (all, g_strdup (ops[i]));
}

static void
test_journal_replay (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SamSession) replay = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  SamItem *notes[3];
  SamItem *cluster;
  gsize length;

  base = sam_json_save_data (f->session, &length);
  g_signal_connect (f->session, "committed", G_CALLBACK (collect_ops_cb), ops);

  notes[0] = add_note (f, 0, "a");
  notes[1] = add_note (f, 0, "b");
  notes[2] = add_note (f, 0, "c");
  cluster = sam_wall_cluster_notes (f->session, &notes[1], 2, "Kluster");
  sam_wall_rename_cluster (f->session, cluster, "Nytt namn");
  sam_wall_add_vote (f->session, notes[2]);
  sam_wall_sort_by_votes (f->session, f->columns[0]);
  sam_wall_move_note (f->session, notes[1], f->columns[1], 0);
  sam_session_undo (f->session);
  sam_wall_remove_note (f->session, notes[2]);
  sam_wall_remove_note (f->session, notes[1]);
  sam_session_undo (f->session);
  sam_wall_remove_column (f->session, f->columns[2]);

  replay = sam_json_load_data (base, length, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ops->len; i++)
    {
      sam_session_apply_op (replay, ops->pdata[i], &error);
      g_assert_no_error (error);
    }
  g_assert_true (sam_item_equal (SAM_ITEM (replay), SAM_ITEM (f->session)));
}

/* Files */

static void
test_clusters_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SamSession) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamItem) wall = NULL;
  g_autoptr(SamItem) column = NULL;
  g_autoptr(SamItem) note = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  SamItem *notes[3];
  SamItem *cluster, *loaded_cluster;
  gsize length, again_length;

  notes[0] = add_note (f, 1, "Idé ett");
  notes[1] = add_note (f, 1, "Idé två");
  notes[2] = add_note (f, 1, "Ensam");
  cluster = sam_wall_cluster_notes (f->session, notes, 2, "Idéer om \"tid\"");

  saved = sam_json_save_data (f->session, &length);
  g_assert_nonnull (strstr (saved, "\"clusters\": [\n"));
  g_assert_nonnull (strstr (saved, "\"title\": \"Idéer om \\\"tid\\\"\""));
  g_assert_nonnull (strstr (saved, "\"cluster\": \"\"\n"));

  loaded = sam_json_load_data (saved, length, &error);
  g_assert_no_error (error);
  g_assert_true (sam_item_equal (SAM_ITEM (f->session), SAM_ITEM (loaded)));

  wall = g_list_model_get_item (G_LIST_MODEL (sam_session_get_walls (loaded)), 0);
  column = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (wall, "columns")), 1);
  note = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (column, "notes")), 0);
  loaded_cluster = sam_wall_get_note_cluster (note);
  g_assert_nonnull (loaded_cluster);
  g_assert_cmpstr (sam_item_get_id (loaded_cluster), ==, sam_item_get_id (cluster));
  g_assert_true (sam_session_lookup (loaded, sam_item_get_id (cluster)) == loaded_cluster);

  again = sam_json_save_data (loaded, &again_length);
  g_assert_cmpstr (again, ==, saved);
}

#define DOC_HEAD \
  "{\"format\": \"samling\", \"version\": 1, \"id\": \"s\", \"title\": \"Prov\", " \
  "\"perspectives\": [{\"id\": \"p\", \"name\": \"Skola\"}], "

static SamSession *
load (const char *text)
{
  g_autoptr(GError) error = NULL;
  SamSession *session = sam_json_load_data (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  return session;
}

static SamItem *
first_column (SamSession *session)
{
  g_autoptr(SamItem) wall = g_list_model_get_item (G_LIST_MODEL (sam_session_get_walls (session)), 0);
  SamItem *column = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (wall, "columns")), 0);

  g_object_unref (column);
  return column;
}

/* A file of minor version 0, without clusters, loads and works. */
static void
test_old_file (void)
{
  g_autoptr(SamSession) session =
    load (DOC_HEAD "\"minor_version\": 0, \"walls\": [{\"id\": \"w\", \"title\": \"Vägg\", \"columns\": "
          "[{\"id\": \"c\", \"title\": \"K\", \"notes\": [{\"id\": \"n1\", \"text\": \"Ett\", \"votes\": 2, "
          "\"perspective\": \"p\", \"hidden\": true}, {\"id\": \"n2\", \"text\": \"Två\"}]}]}]}");
  SamItem *column = first_column (session);
  SamItem *n1 = note_at (column, 0);
  g_autoptr(GPtrArray) clusters = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSession) demo = NULL;
  gsize length;

  g_assert_cmpstr (sam_item_get_string (n1, "cluster"), ==, "");
  g_assert_null (sam_wall_get_note_cluster (n1));
  g_assert_cmpuint (n_list (column, "clusters"), ==, 0);
  clusters = sam_wall_list_clusters (column);
  g_assert_cmpuint (clusters->len, ==, 0);
  g_assert_cmpuint (sam_wall_count_hidden (column), ==, 1);

  /* And clusters can be made in it. */
  g_assert_nonnull (sam_wall_cluster_notes (session, &n1, 1, "Nytt"));

  /* The demo session that comes with Samling. */
  path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo.samling", NULL);
  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  demo = sam_json_load_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_wall_count_notes (first_column (demo)), >, 0);
}

/* What a version without clusters may leave behind is read leniently: a
 * note naming a cluster of another column, or one that is gone, or
 * nonsense, is in no cluster; a cluster without a title or notes is fine. */
static void
test_lenient_clusters (void)
{
  g_autoptr(SamSession) session =
    load (DOC_HEAD "\"walls\": [{\"id\": \"w\", \"title\": \"Vägg\", \"columns\": ["
          "{\"id\": \"c1\", \"title\": \"K1\", \"notes\": ["
          "{\"id\": \"n1\", \"text\": \"Hemma\", \"cluster\": \"k1\"},"
          "{\"id\": \"n2\", \"text\": \"Borta\", \"cluster\": \"k2\"},"
          "{\"id\": \"n3\", \"text\": \"Försvunnen\", \"cluster\": \"finns-inte\"}],"
          "\"clusters\": [{\"id\": \"k1\"}, {\"id\": \"tom\", \"title\": \"Tom\", \"färg\": \"röd\"}]},"
          "{\"id\": \"c2\", \"title\": \"K2\", \"notes\": [],"
          "\"clusters\": [{\"id\": \"k2\", \"title\": \"Annan\"}]}]}]}");
  SamItem *column = first_column (session);
  g_autoptr(GPtrArray) clusters = sam_wall_list_clusters (column);
  g_autoptr(GPtrArray) found = NULL;
  SamItem *k1 = sam_session_lookup (session, "k1");

  g_assert_true (SAM_IS_CLUSTER (k1));
  g_assert_cmpstr (sam_item_get_string (k1, "title"), ==, "");
  g_assert_true (sam_wall_get_note_cluster (note_at (column, 0)) == k1);
  g_assert_null (sam_wall_get_note_cluster (note_at (column, 1)));
  g_assert_null (sam_wall_get_note_cluster (note_at (column, 2)));
  /* Only clusters with notes stand in the column. */
  g_assert_cmpuint (clusters->len, ==, 1);
  g_assert_true (clusters->pdata[0] == k1);
  g_assert_nonnull (json_object_get_member (sam_item_get_extra (sam_session_lookup (session, "tom")), "färg"));

  /* Moving the stray note within its column keeps its member; to another
   * column clears it. */
  g_assert_true (sam_wall_move_note (session, note_at (column, 2), column, 0));
  g_assert_cmpstr (sam_item_get_string (note_at (column, 0), "cluster"), ==, "finns-inte");
  found = sam_wall_find_notes (SAM_ITEM (sam_item_get_parent (column)), "försvunnen", NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (sam_wall_move_note (session, found->pdata[0], sam_session_lookup (session, "c2"), 0));
  g_assert_cmpstr (sam_item_get_string (found->pdata[0], "cluster"), ==, "");
}

/* Search */

static void
test_search_fold (void)
{
  const struct { const char *query; const char *text; gboolean match; } cases[] = {
    { "ÅSA", "Fråga Åsa om lokalen", TRUE },
    { "åsa", "FRÅGA ÅSA", TRUE },
    /* Å typed as A and a combining ring. */
    { "A\u030asa", "åsa", TRUE },
    { "åsa", "A\u030aSA", TRUE },
    /* Diacritics do not matter either way. */
    { "asa", "Åsa", TRUE },
    { "cafe", "Träffas på Café Ekorren", TRUE },
    { "CAFÉ", "cafe", TRUE },
    { "öl", "Ölandsbron", TRUE },
    { "strasse", "Hauptstraße", TRUE },
    { "ﬁka", "fika kl 15", TRUE },
    /* Every word, in any order. */
    { "unga leda", "Låt unga leda en samling", TRUE },
    { "leda UNGA", "Låt unga leda en samling", TRUE },
    { "unga vuxna", "Låt unga leda en samling", FALSE },
    { "  ", "vad som helst", TRUE },
    { NULL, "vad som helst", TRUE },
    { "x", NULL, FALSE },
    { "åsa", "Anna", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SamSearch) search = sam_search_new (cases[i].query);

      if (sam_search_matches (search, cases[i].text) != cases[i].match)
        g_error ("“%s” in “%s”: expected %s", cases[i].query, cases[i].text,
                 cases[i].match ? "a match" : "none");
    }
}

static void
test_search_notes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SamSearch) search = NULL;
  SamItem *asa, *cafe, *school, *hidden;

  asa = add_note (f, 2, "Fråga ÅSA om lokalen");
  cafe = add_note (f, 0, "Träffas på café");
  school = sam_wall_add_note (f->session, f->columns[1], G_MAXUINT, "Skolan är med",
                              SAM_NOTE_COLOR_BLUE, f->perspective, FALSE);
  hidden = sam_wall_add_note (f->session, f->columns[1], 0, "Dold åsikt om Åsa",
                              SAM_NOTE_COLOR_BLUE, f->perspective, TRUE);

  /* Column by column, top to bottom, hidden ones included. */
  found = sam_wall_find_notes (f->wall, "åsa", NULL);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (found->pdata[0] == hidden);
  g_assert_true (found->pdata[1] == asa);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = sam_wall_find_notes (f->wall, "CAFE", NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (found->pdata[0] == cafe);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* By perspective, with and without words. */
  found = sam_wall_find_notes (f->wall, NULL, f->perspective);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (found->pdata[0] == hidden);
  g_assert_true (found->pdata[1] == school);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = sam_wall_find_notes (f->wall, "åsa", f->perspective);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = sam_wall_find_notes (f->wall, "", "");
  g_assert_cmpuint (found->len, ==, 4);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = sam_wall_find_notes (f->wall, "ingenting", NULL);
  g_assert_cmpuint (found->len, ==, 0);

  /* A cluster's title finds its notes. */
  search = sam_search_new ("mötesplatser lokalen");
  g_assert_false (sam_wall_note_matches (asa, search, NULL));
  sam_wall_cluster_notes (f->session, &asa, 1, "Mötesplatser");
  g_assert_true (sam_wall_note_matches (asa, search, NULL));
  g_assert_false (sam_wall_note_matches (asa, search, f->perspective));
  g_assert_true (sam_wall_note_matches (school, NULL, f->perspective));
  g_assert_true (sam_wall_note_matches (school, NULL, NULL));
}

/* Timing, printed for a look at scale; not asserted. */
static void
test_timing (Fixture       *f,
             gconstpointer  data)
{
  SamItem *columns[6];
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GTimer) timer = g_timer_new ();
  SamItem *big;

  for (guint c = 0; c < 3; c++)
    columns[c] = f->columns[c];
  for (guint c = 3; c < 6; c++)
    columns[c] = sam_wall_add_column (f->session, f->wall, "Mer", G_MAXUINT);

  g_timer_start (timer);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *text = g_strdup_printf ("Lapp nummer %u om något viktigt", i);

      g_assert_nonnull (sam_wall_add_note (f->session, columns[i % 6], G_MAXUINT, text,
                                           i % 6, NULL, i % 5 == 0));
    }
  g_test_message ("Adding 2,000 notes across 6 columns: %.1f ms", g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpuint (sam_wall_count_notes (f->wall), ==, 2000);
  g_assert_cmpuint (sam_wall_count_hidden (f->wall), ==, 400);

  big = sam_wall_add_column (f->session, f->wall, "Stor", G_MAXUINT);
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *text = g_strdup_printf ("%03u", i);
      SamItem *note = sam_wall_add_note (f->session, big, G_MAXUINT, text, SAM_NOTE_COLOR_YELLOW, NULL, FALSE);

      sam_session_set (f->session, note, "votes", g_rand_int_range (rand, 0, 20), NULL);
    }

  g_timer_start (timer);
  g_assert_true (sam_wall_sort_by_votes (f->session, big));
  g_test_message ("Sorting a column of 500 notes by votes: %.1f ms", g_timer_elapsed (timer, NULL) * 1000);
  for (guint i = 1; i < 500; i++)
    g_assert_cmpint (sam_item_get_int (note_at (big, i - 1), "votes"), >=, sam_item_get_int (note_at (big, i), "votes"));

  g_timer_start (timer);
  g_assert_true (sam_session_undo (f->session));
  g_test_message ("Undoing the sort: %.1f ms", g_timer_elapsed (timer, NULL) * 1000);

  g_timer_start (timer);
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GPtrArray) found = sam_wall_find_notes (f->wall, "nummer VIKTIGT", NULL);

      g_assert_cmpuint (found->len, ==, 2000);
    }
  g_test_message ("Searching 2,500 notes: %.2f ms a search", g_timer_elapsed (timer, NULL) * 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sam_entities_init ();

  add_test ("/sam/wall/wall/add", test_add_wall);
  add_test ("/sam/wall/wall/remove", test_remove_wall);
  add_test ("/sam/wall/column/edit", test_columns);
  add_test ("/sam/wall/column/remove", test_remove_column);
  add_test ("/sam/wall/note/add", test_add_note);
  add_test ("/sam/wall/note/add-refused", test_add_note_refused);
  add_test ("/sam/wall/note/long", test_long_note);
  add_test ("/sam/wall/note/edit", test_edit_note);
  add_test ("/sam/wall/note/remove", test_remove_note);
  add_test ("/sam/wall/note/move", test_move_note);
  add_test ("/sam/wall/votes/floor", test_votes);
  add_test ("/sam/wall/votes/sort", test_sort_by_votes);
  add_test ("/sam/wall/votes/sort-stable", test_sort_stable);
  add_test ("/sam/wall/hidden/reveal", test_hidden_and_reveal);
  add_test ("/sam/wall/cluster/create", test_cluster_notes);
  add_test ("/sam/wall/cluster/uncluster", test_uncluster);
  add_test ("/sam/wall/cluster/membership", test_set_note_cluster);
  add_test ("/sam/wall/cluster/moves", test_cluster_across_moves);
  add_test ("/sam/wall/cluster/sort", test_cluster_sort);
  add_test ("/sam/wall/journal/replay", test_journal_replay);
  add_test ("/sam/wall/file/round-trip", test_clusters_round_trip);
  g_test_add_func ("/sam/wall/file/old", test_old_file);
  g_test_add_func ("/sam/wall/file/lenient", test_lenient_clusters);
  g_test_add_func ("/sam/wall/search/fold", test_search_fold);
  add_test ("/sam/wall/search/notes", test_search_notes);
  add_test ("/sam/wall/timing", test_timing);

  return g_test_run ();
}
