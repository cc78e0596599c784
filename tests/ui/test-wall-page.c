/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The sticky-note wall as a facilitator uses it: typing notes into a
 * column and going on typing, editing one in place (and not emptying it),
 * removing one and taking that back, moving notes with the keys within and
 * between columns, dot voting and sorting by votes, collecting notes hidden
 * and revealing them at once, searching and filtering with a count,
 * clustering notes and ungrouping them, the columns and the walls, dropping
 * a dragged note among others; and 2,000 notes, of which only what shows
 * is built, and a note of 10,000 characters, which does not widen its
 * column. Screenshots go to <builddir>/tests/ui/screenshots/.
 */

#include "config.h"

#include "sam-entities.h"
#include "sam-file.h"
#include "sam-session.h"
#include "sam-wall.h"
#include "sam-wall-page.h"
#include "sam-wall-private.h"
#include "sam-wall-title.h"
#include "ui-test-util.h"

typedef struct
{
  GtkWindow   *window;
  SamSession  *session;
  SamWallPage *page;
} Fixture;

static void
fixture_open (Fixture    *fixture,
              SamSession *session)
{
  fixture->session = session;
  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_application (fixture->window, GTK_APPLICATION (ui_test_app));
  gtk_window_set_default_size (fixture->window, 1600, 1000);
  fixture->page = g_object_new (SAM_TYPE_WALL_PAGE, NULL);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  sam_wall_page_set_session (fixture->page, session);
  gtk_window_present (fixture->window);
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, fixture->page));
  ui_test_run_for (100);
}

static void
fixture_open_demo (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_uri (UI_TEST_DEMO_URI);
  g_autoptr(GError) error = NULL;
  SamSession *session = sam_file_load (file, NULL, &error);

  g_assert_no_error (error);
  fixture_open (fixture, session);
  g_assert_nonnull (sam_wall_page_get_wall (fixture->page));
}

static void
fixture_close (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  ui_test_run_for (30);
  g_clear_object (&fixture->session);
}

static SamItem *
column_at (Fixture *fixture,
           guint    index)
{
  GListModel *columns = G_LIST_MODEL (sam_item_get_list (sam_wall_page_get_wall (fixture->page), "columns"));
  g_autoptr(SamItem) column = g_list_model_get_item (columns, index);

  g_assert_nonnull (column);
  return column;
}

static guint
n_notes (SamItem *column)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (column, "notes")));
}

static SamItem *
note_at (SamItem *column,
         guint    index)
{
  g_autoptr(SamItem) note = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (column, "notes")), index);

  g_assert_nonnull (note);
  return note;
}

static guint
index_of (SamItem *note)
{
  guint index = G_MAXUINT;

  g_assert_true (g_list_store_find (sam_item_get_list (sam_item_get_parent (note), "notes"), note, &index));
  return index;
}

static gboolean
is_column (GtkWidget     *widget,
           gconstpointer  data)
{
  return SAM_IS_WALL_COLUMN (widget) && sam_wall_column_get_item (SAM_WALL_COLUMN (widget)) == data;
}

static SamWallColumn *
column_widget (Fixture *fixture,
               SamItem *column)
{
  GtkWidget *widget = ui_test_find_widget (GTK_WIDGET (fixture->page), is_column, column);

  g_assert_nonnull (widget);
  return SAM_WALL_COLUMN (widget);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_error ("No %s on %s", g_type_name (type), G_OBJECT_TYPE_NAME (widget));
}

/* A key as the page's key handling gets it. */
static gboolean
press_key (Fixture         *fixture,
           guint            keyval,
           GdkModifierType  state)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (fixture->page), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  ui_test_run_for (30);
  return handled;
}

static void
type_note (Fixture    *fixture,
           guint       column,
           const char *text)
{
  GtkEditable *entry = sam_wall_page_get_entry (fixture->page, column);

  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
}

static gboolean
entry_has_focus (GtkEditable *entry)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (entry)));

  return focus != NULL && (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));
}

static void
test_add (void)
{
  Fixture fixture = { 0 };
  SamItem *column;
  GtkEditable *entry;
  guint before;

  fixture_open_demo (&fixture);
  column = column_at (&fixture, 0);
  before = n_notes (column);
  entry = sam_wall_page_get_entry (fixture.page, 0);
  sam_wall_page_focus_entry (fixture.page, 0);

  type_note (&fixture, 0, "  Hur når vi dem som inte är här?  ");
  g_assert_cmpuint (n_notes (column), ==, before + 1);
  g_assert_cmpstr (sam_item_get_string (note_at (column, before), "text"), ==, "Hur når vi dem som inte är här?");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_true (entry_has_focus (entry));
  g_assert_true (sam_wall_page_get_selected (fixture.page) == note_at (column, before));

  /* Typing on: the next note goes after it, and the focus stays. */
  type_note (&fixture, 0, "Och nästa");
  g_assert_cmpuint (n_notes (column), ==, before + 2);
  g_assert_cmpstr (sam_item_get_string (note_at (column, before + 1), "text"), ==, "Och nästa");
  g_assert_true (entry_has_focus (entry));

  /* A blank note is refused, and what was typed stays to be fixed. */
  type_note (&fixture, 0, "   ");
  g_assert_cmpuint (n_notes (column), ==, before + 2);
  g_assert_true (entry_has_focus (entry));

  /* One undo step per note. */
  g_assert_true (sam_session_undo (fixture.session));
  g_assert_cmpuint (n_notes (column), ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (sam_wall_column_get_rows (column_widget (&fixture, column))), ==, before + 1);

  fixture_close (&fixture);
}

static void
test_edit (void)
{
  Fixture fixture = { 0 };
  SamItem *column, *note;
  GtkWidget *editor;
  GtkTextBuffer *buffer;
  g_autofree char *original = NULL;
  GtkEventController *keys;
  gboolean handled = FALSE;

  fixture_open_demo (&fixture);
  column = column_at (&fixture, 0);
  note = note_at (column, 1);
  original = g_strdup (sam_item_get_string (note, "text"));
  sam_wall_page_select (fixture.page, note);
  ui_test_run_for (50);

  /* F2 opens the editor with the whole text; applying sets it. */
  g_assert_null (sam_wall_page_get_editor (fixture.page));
  g_assert_true (press_key (&fixture, GDK_KEY_F2, 0));
  editor = sam_wall_page_get_editor (fixture.page);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_mapped (editor));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, original);
  }
  gtk_text_buffer_set_text (buffer, "Vad förväntas av oss mellan träffarna?", -1);
  keys = find_controller (editor, GTK_TYPE_EVENT_CONTROLLER_KEY);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  g_assert_true (handled);
  ui_test_run_for (50);
  g_assert_cmpstr (sam_item_get_string (note, "text"), ==, "Vad förväntas av oss mellan träffarna?");
  g_assert_null (sam_wall_page_get_editor (fixture.page));
  g_assert_true (sam_wall_page_get_selected (fixture.page) == note);

  /* Cancelling keeps the text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.edit-note", NULL));
  editor = sam_wall_page_get_editor (fixture.page);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), "Något annat", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.cancel-edit", NULL));
  ui_test_run_for (50);
  g_assert_null (sam_wall_page_get_editor (fixture.page));
  g_assert_cmpstr (sam_item_get_string (note, "text"), ==, "Vad förväntas av oss mellan träffarna?");

  /* Emptying is refused with a message; the note and the editor stay. */
  g_assert_true (press_key (&fixture, GDK_KEY_F2, 0));
  editor = sam_wall_page_get_editor (fixture.page);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), "  \n ", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.apply-edit", NULL));
  ui_test_run_for (50);
  g_assert_nonnull (sam_wall_page_get_editor (fixture.page));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.page), ui_test_is_label_reading,
                                         "A note cannot be empty. Use Delete to remove it."));
  g_assert_cmpstr (sam_item_get_string (note, "text"), ==, "Vad förväntas av oss mellan träffarna?");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.cancel-edit", NULL));
  ui_test_run_for (50);

  /* One undo step brings the first text back. */
  g_assert_true (sam_session_undo (fixture.session));
  g_assert_cmpstr (sam_item_get_string (note, "text"), ==, original);

  fixture_close (&fixture);
}

static void
test_remove_undo (void)
{
  Fixture fixture = { 0 };
  SamItem *column;
  g_autoptr(SamItem) note = NULL;
  SamItem *below;
  guint before;

  fixture_open_demo (&fixture);
  column = column_at (&fixture, 0);
  before = n_notes (column);
  note = g_object_ref (note_at (column, 2));
  below = note_at (column, 3);
  sam_wall_page_select (fixture.page, note);

  g_assert_true (press_key (&fixture, GDK_KEY_Delete, 0));
  g_assert_cmpuint (n_notes (column), ==, before - 1);
  g_assert_null (sam_session_lookup (fixture.session, sam_item_get_id (note)));
  /* The selection goes on to the next note. */
  g_assert_true (sam_wall_page_get_selected (fixture.page) == below);
  /* The toast offers Undo (the page's own, outside a Samling window). */
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.page), ui_test_is_button_labelled, "_Undo"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.undo", NULL));
  g_assert_cmpuint (n_notes (column), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (sam_wall_column_get_rows (column_widget (&fixture, column))), ==, before);

  fixture_close (&fixture);
}

static void
test_keyboard_move (void)
{
  Fixture fixture = { 0 };
  SamItem *first, *second, *note;
  guint before_second;

  fixture_open_demo (&fixture);
  first = column_at (&fixture, 0);
  second = column_at (&fixture, 1);
  note = note_at (first, 0);
  sam_wall_page_select (fixture.page, note);

  /* Arrows move the selection: down in the column, across to the next. */
  g_assert_true (press_key (&fixture, GDK_KEY_Down, 0));
  g_assert_true (sam_wall_page_get_selected (fixture.page) == note_at (first, 1));
  g_assert_true (press_key (&fixture, GDK_KEY_Right, 0));
  g_assert_true (sam_item_get_parent (sam_wall_page_get_selected (fixture.page)) == second);
  g_assert_true (press_key (&fixture, GDK_KEY_Left, 0));
  g_assert_true (sam_wall_page_get_selected (fixture.page) == note_at (first, 1));
  g_assert_true (press_key (&fixture, GDK_KEY_Up, 0));
  g_assert_true (sam_wall_page_get_selected (fixture.page) == note);

  /* Alt+Down moves the note below the next one, and it stays selected. */
  g_assert_true (press_key (&fixture, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpuint (index_of (note), ==, 1);
  g_assert_true (sam_wall_page_get_selected (fixture.page) == note);
  g_assert_true (press_key (&fixture, GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_cmpuint (index_of (note), ==, 0);

  /* Alt+Right takes it to the next column, at the same height. */
  before_second = n_notes (second);
  g_assert_true (press_key (&fixture, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_true (sam_item_get_parent (note) == second);
  g_assert_cmpuint (n_notes (second), ==, before_second + 1);
  g_assert_cmpuint (index_of (note), ==, 0);
  g_assert_true (sam_wall_page_get_selected (fixture.page) == note);
  g_assert_cmpuint (sam_wall_column_find_row (column_widget (&fixture, second), note), !=, G_MAXUINT);
  g_assert_true (press_key (&fixture, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_true (sam_item_get_parent (note) == first);

  /* Each move is one undo step. */
  g_assert_true (sam_session_undo (fixture.session));
  g_assert_true (sam_item_get_parent (note) == second);

  /* Keys typed into an entry are the entry's. */
  sam_wall_page_focus_entry (fixture.page, 0);
  g_assert_false (press_key (&fixture, GDK_KEY_Delete, 0));
  g_assert_nonnull (sam_session_lookup (fixture.session, sam_item_get_id (note)));

  fixture_close (&fixture);
}

static void
test_votes (void)
{
  Fixture fixture = { 0 };
  SamItem *column, *note;
  int votes;
  GtkWidget *row, *button;

  fixture_open_demo (&fixture);
  column = column_at (&fixture, 0);
  note = note_at (column, n_notes (column) - 1);
  votes = sam_item_get_int (note, "votes");
  sam_wall_page_select (fixture.page, note);

  g_assert_true (press_key (&fixture, GDK_KEY_plus, 0));
  g_assert_true (press_key (&fixture, GDK_KEY_KP_Add, 0));
  g_assert_cmpint (sam_item_get_int (note, "votes"), ==, votes + 2);
  g_assert_true (press_key (&fixture, GDK_KEY_minus, 0));
  g_assert_cmpint (sam_item_get_int (note, "votes"), ==, votes + 1);
  g_assert_true (press_key (&fixture, GDK_KEY_KP_Subtract, 0));
  g_assert_cmpint (sam_item_get_int (note, "votes"), ==, votes);

  /* The vote button on the note adds one. */
  ui_test_run_for (100);
  row = sam_wall_column_get_row_widget (column_widget (&fixture, column), note);
  g_assert_nonnull (row);
  button = ui_test_find_widget (row, ui_test_has_css_class, "wall-votes");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (sam_item_get_int (note, "votes"), ==, votes + 1);
  for (int i = 0; i < 10; i++)
    press_key (&fixture, GDK_KEY_plus, 0);

  /* Sorting puts the most voted first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.sort-column", "s",
                                             sam_item_get_id (column)));
  g_assert_true (note_at (column, 0) == note);
  for (guint i = 1; i < n_notes (column); i++)
    g_assert_cmpint (sam_item_get_int (note_at (column, i - 1), "votes"), >=,
                     sam_item_get_int (note_at (column, i), "votes"));
  {
    g_autoptr(SamItem) top = g_list_model_get_item (sam_wall_column_get_rows (column_widget (&fixture, column)), 0);
    g_assert_true (top == note);
  }

  fixture_close (&fixture);
}

static void
test_hidden (void)
{
  Fixture fixture = { 0 };
  SamItem *wall, *column, *note;
  GtkWidget *reveal;

  fixture_open_demo (&fixture);
  wall = sam_wall_page_get_wall (fixture.page);
  column = column_at (&fixture, 1);
  g_assert_cmpuint (sam_wall_count_hidden (wall), ==, 0);
  reveal = ui_test_find_widget (GTK_WIDGET (fixture.page), ui_test_is_button_labelled, "Reveal (0)");
  g_assert_nonnull (reveal);
  g_assert_false (gtk_widget_is_sensitive (reveal));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.collect-hidden", NULL));
  g_assert_true (sam_wall_page_get_collect_hidden (fixture.page));
  type_note (&fixture, 1, "Dold tills vidare");
  type_note (&fixture, 1, "Också dold");
  note = note_at (column, n_notes (column) - 1);
  g_assert_true (sam_item_get_boolean (note, "hidden"));
  g_assert_cmpuint (sam_wall_count_hidden (wall), ==, 2);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (reveal)), ==, "Reveal (2)");
  g_assert_true (gtk_widget_is_sensitive (reveal));

  /* Hidden notes show dimmed, with their own mark. */
  ui_test_run_for (100);
  {
    GtkWidget *row = sam_wall_column_get_row_widget (column_widget (&fixture, column), note);

    g_assert_nonnull (row);
    g_assert_true (gtk_widget_has_css_class (row, "hidden-note"));
  }
  gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.select-note", "s", "down");
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "wall-page-hidden.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.reveal", NULL));
  g_assert_cmpuint (sam_wall_count_hidden (wall), ==, 0);
  g_assert_false (sam_item_get_boolean (note, "hidden"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (reveal)), ==, "Reveal (0)");
  g_assert_false (gtk_widget_is_sensitive (reveal));

  /* Collecting off: notes show at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.collect-hidden", NULL));
  type_note (&fixture, 1, "Synlig");
  g_assert_false (sam_item_get_boolean (note_at (column, n_notes (column) - 1), "hidden"));

  fixture_close (&fixture);
}

static guint
shown_notes (Fixture *fixture)
{
  SamItem *wall = sam_wall_page_get_wall (fixture->page);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (wall, "columns")));
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    shown += sam_wall_column_count_shown (column_widget (fixture, column_at (fixture, i)));
  return shown;
}

/* The page's search (a drop-down has one of its own, unmapped). */
static gboolean
is_search (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_SEARCH_ENTRY (widget) && gtk_widget_get_mapped (widget);
}

static void
test_search (void)
{
  Fixture fixture = { 0 };
  SamItem *wall;
  GtkWidget *search, *dropdown = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autofree char *count = NULL;
  guint total;

  fixture_open_demo (&fixture);
  wall = sam_wall_page_get_wall (fixture.page);
  total = sam_wall_count_notes (wall);
  g_assert_cmpuint (shown_notes (&fixture), ==, total);

  /* Ctrl+F goes to the search; words in any order, without accents. */
  g_assert_true (press_key (&fixture, GDK_KEY_f, GDK_CONTROL_MASK));
  search = ui_test_find_widget (GTK_WIDGET (fixture.page), is_search, NULL);
  g_assert_true (entry_has_focus (GTK_EDITABLE (search)));
  gtk_editable_set_text (GTK_EDITABLE (search), "UNGA");
  g_signal_emit_by_name (search, "search-changed");
  found = sam_wall_find_notes (wall, "unga", NULL);
  g_assert_cmpuint (found->len, >, 0);
  g_assert_cmpuint (found->len, <, total);
  g_assert_cmpuint (shown_notes (&fixture), ==, found->len);
  count = g_strdup_printf ("%u of %u notes", found->len, total);
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.page), ui_test_is_label_reading, count));

  /* A perspective narrows it further; "All Perspectives" widens again. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (shown_notes (&fixture), ==, total);
  ui_test_collect_widgets (GTK_WIDGET (fixture.page), ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN), dropdowns);
  for (guint i = 0; i < dropdowns->len; i++)
    {
      GtkStringList *names = GTK_IS_STRING_LIST (gtk_drop_down_get_model (dropdowns->pdata[i])) ?
        GTK_STRING_LIST (gtk_drop_down_get_model (dropdowns->pdata[i])) : NULL;

      if (names != NULL && g_strcmp0 (gtk_string_list_get_string (names, 0), "All Perspectives") == 0)
        dropdown = dropdowns->pdata[i];
    }
  g_assert_nonnull (dropdown);
  for (guint i = 1; i < g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))); i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (fixture.session)), i - 1);
      g_autoptr(GPtrArray) of_perspective = sam_wall_find_notes (wall, NULL, sam_item_get_id (perspective));

      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
      g_assert_cmpuint (shown_notes (&fixture), ==, of_perspective->len);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  g_assert_cmpuint (shown_notes (&fixture), ==, total);

  /* An edit under a search is searched again. */
  gtk_editable_set_text (GTK_EDITABLE (search), "zebra");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (shown_notes (&fixture), ==, 0);
  sam_wall_set_note_text (fixture.session, note_at (column_at (&fixture, 0), 0), "En zebra på väggen");
  g_assert_cmpuint (shown_notes (&fixture), ==, 1);

  fixture_close (&fixture);
}

static void
test_cluster (void)
{
  Fixture fixture = { 0 };
  SamItem *column, *a, *b, *cluster;
  SamWallColumn *widget;
  GtkSelectionModel *selection;
  g_autoptr(SamItem) header = NULL;
  guint rows_before;

  fixture_open_demo (&fixture);
  column = column_at (&fixture, 0);
  widget = column_widget (&fixture, column);
  a = note_at (column, 1);
  b = note_at (column, 3);
  rows_before = g_list_model_get_n_items (sam_wall_column_get_rows (widget));

  /* Two notes chosen (the second as with Ctrl+click), then Ctrl+G. */
  sam_wall_page_select (fixture.page, a);
  selection = GTK_SELECTION_MODEL (gtk_list_view_get_model (sam_wall_column_get_list (widget)));
  g_assert_true (gtk_selection_model_select_item (selection, sam_wall_column_find_row (widget, b), FALSE));
  g_assert_true (press_key (&fixture, GDK_KEY_g, GDK_CONTROL_MASK));

  cluster = sam_wall_get_note_cluster (a);
  g_assert_nonnull (cluster);
  g_assert_true (sam_wall_get_note_cluster (b) == cluster);
  g_assert_cmpstr (sam_item_get_string (cluster, "title"), ==, "New Cluster");
  /* A header row stands above the cluster's notes, next to each other. */
  g_assert_cmpuint (g_list_model_get_n_items (sam_wall_column_get_rows (widget)), ==, rows_before + 1);
  header = g_list_model_get_item (sam_wall_column_get_rows (widget), 1);
  g_assert_true (header == cluster);
  g_assert_cmpuint (sam_wall_column_find_row (widget, a), ==, 2);
  g_assert_cmpuint (sam_wall_column_find_row (widget, b), ==, 3);

  /* The title is asked for at once; typing one renames the cluster, and
   * a blank one is refused. */
  ui_test_run_for (100);
  {
    GtkEditable *title = sam_wall_page_get_cluster_title_entry (fixture.page);

    g_assert_nonnull (title);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (title)));
    gtk_editable_set_text (title, "   ");
    g_signal_emit_by_name (title, "activate");
    g_assert_cmpstr (sam_item_get_string (cluster, "title"), ==, "New Cluster");
    g_assert_true (sam_wall_page_get_cluster_title_entry (fixture.page) == title);
    gtk_editable_set_text (title, "Delaktighet");
    g_signal_emit_by_name (title, "activate");
    ui_test_run_for (50);
  }
  g_assert_cmpstr (sam_item_get_string (cluster, "title"), ==, "Delaktighet");
  g_assert_null (sam_wall_page_get_cluster_title_entry (fixture.page));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.page), ui_test_is_label_reading, "Delaktighet"));

  /* The search finds a cluster's notes by its title. */
  {
    GtkWidget *search = ui_test_find_widget (GTK_WIDGET (fixture.page), is_search, NULL);

    gtk_editable_set_text (GTK_EDITABLE (search), "delaktighet");
    g_signal_emit_by_name (search, "search-changed");
    g_assert_cmpuint (sam_wall_column_count_shown (widget), ==, 2);
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    g_signal_emit_by_name (search, "search-changed");
  }

  /* Ungrouping takes the header away; the notes stay where they are. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.uncluster", "s", sam_item_get_id (cluster)));
  g_assert_null (sam_wall_get_note_cluster (a));
  g_assert_cmpuint (g_list_model_get_n_items (sam_wall_column_get_rows (widget)), ==, rows_before);
  g_assert_true (sam_session_undo (fixture.session));
  g_assert_nonnull (sam_wall_get_note_cluster (a));
  g_assert_cmpuint (g_list_model_get_n_items (sam_wall_column_get_rows (widget)), ==, rows_before + 1);

  fixture_close (&fixture);
}

static void
test_columns (void)
{
  Fixture fixture = { 0 };
  SamItem *wall, *column;
  GListModel *columns;
  guint n;
  GtkWidget *title;

  fixture_open_demo (&fixture);
  wall = sam_wall_page_get_wall (fixture.page);
  columns = G_LIST_MODEL (sam_item_get_list (wall, "columns"));
  n = g_list_model_get_n_items (columns);

  /* A new column at the end, its title ready to be typed over. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.add-column", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, n + 1);
  column = column_at (&fixture, n);
  g_assert_cmpstr (sam_item_get_string (column, "title"), ==, "New Column");
  title = ui_test_find_widget (GTK_WIDGET (column_widget (&fixture, column)), ui_test_is_type,
                               GSIZE_TO_POINTER (SAM_TYPE_WALL_TITLE));
  g_assert_true (sam_wall_title_get_editing (SAM_WALL_TITLE (title)));
  gtk_editable_set_text (sam_wall_title_get_entry (SAM_WALL_TITLE (title)), "Att göra");
  g_signal_emit_by_name (sam_wall_title_get_entry (SAM_WALL_TITLE (title)), "activate");
  g_assert_cmpstr (sam_item_get_string (column, "title"), ==, "Att göra");

  /* A blank title is refused and the old one comes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.rename-column", "s", sam_item_get_id (column)));
  g_assert_true (sam_wall_title_get_editing (SAM_WALL_TITLE (title)));
  gtk_editable_set_text (sam_wall_title_get_entry (SAM_WALL_TITLE (title)), "  ");
  g_signal_emit_by_name (sam_wall_title_get_entry (SAM_WALL_TITLE (title)), "activate");
  g_assert_cmpstr (sam_item_get_string (column, "title"), ==, "Att göra");
  g_assert_cmpstr (sam_wall_title_get_text (SAM_WALL_TITLE (title)), ==, "Att göra");
  /* Escape cancels. */
  sam_wall_title_start_editing (SAM_WALL_TITLE (title));
  gtk_editable_set_text (sam_wall_title_get_entry (SAM_WALL_TITLE (title)), "Inte det här");
  sam_wall_title_stop_editing (SAM_WALL_TITLE (title), FALSE);
  g_assert_cmpstr (sam_item_get_string (column, "title"), ==, "Att göra");

  /* Move Left and Right, and the widgets follow the order. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.move-column-left", "s", sam_item_get_id (column)));
  g_assert_true (column_at (&fixture, n - 1) == column);
  g_assert_true (gtk_widget_get_next_sibling (GTK_WIDGET (column_widget (&fixture, column))) ==
                 GTK_WIDGET (column_widget (&fixture, column_at (&fixture, n))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.move-column-right", "s", sam_item_get_id (column)));
  g_assert_true (column_at (&fixture, n) == column);

  /* Dragging a heading onto the first column's left half. */
  {
    SamWallColumn *first = column_widget (&fixture, column_at (&fixture, 0));
    GtkEventController *drop = find_controller (GTK_WIDGET (first), GTK_TYPE_DROP_TARGET);
    GValue value = G_VALUE_INIT;
    gboolean done = FALSE;

    g_value_init (&value, SAM_TYPE_COLUMN);
    g_value_set_object (&value, column);
    g_signal_emit_by_name (drop, "drop", &value, 10.0, 100.0, &done);
    g_value_unset (&value);
    g_assert_true (done);
    g_assert_true (column_at (&fixture, 0) == column);
    g_assert_true (sam_session_undo (fixture.session));
    g_assert_true (column_at (&fixture, n) == column);
  }

  /* Removing, with Undo. */
  column = column_at (&fixture, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.remove-column", "s", sam_item_get_id (column)));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, n);
  g_assert_null (ui_test_find_widget (GTK_WIDGET (fixture.page), is_column, column));
  g_assert_true (sam_session_undo (fixture.session));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, n + 1);
  column = column_at (&fixture, 0);
  g_assert_nonnull (column_widget (&fixture, column));
  g_assert_cmpuint (sam_wall_column_count_shown (column_widget (&fixture, column)), ==, n_notes (column));

  fixture_close (&fixture);
}

static void
test_walls (void)
{
  Fixture fixture = { 0 };
  GListModel *walls;
  SamItem *first, *wall;
  GtkWidget *title = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  fixture_open_demo (&fixture);
  walls = G_LIST_MODEL (sam_session_get_walls (fixture.session));
  first = sam_wall_page_get_wall (fixture.page);
  g_assert_cmpuint (g_list_model_get_n_items (walls), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.new-wall", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (walls), ==, 2);
  wall = sam_wall_page_get_wall (fixture.page);
  g_assert_true (wall != first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (wall, "columns"))), ==, 3);

  /* Its title is ready to be typed. */
  ui_test_collect_widgets (GTK_WIDGET (fixture.page), ui_test_is_type, GSIZE_TO_POINTER (SAM_TYPE_WALL_TITLE), labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "title-3"))
      title = labels->pdata[i];
  g_assert_nonnull (title);
  g_assert_true (sam_wall_title_get_editing (SAM_WALL_TITLE (title)));
  gtk_editable_set_text (sam_wall_title_get_entry (SAM_WALL_TITLE (title)), "Eftermiddagen");
  g_signal_emit_by_name (sam_wall_title_get_entry (SAM_WALL_TITLE (title)), "activate");
  g_assert_cmpstr (sam_item_get_string (wall, "title"), ==, "Eftermiddagen");

  /* The drop-down switches between walls. */
  {
    GtkWidget *dropdown = NULL;
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

    ui_test_collect_widgets (GTK_WIDGET (fixture.page), ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN), dropdowns);
    for (guint i = 0; i < dropdowns->len; i++)
      if (gtk_drop_down_get_model (dropdowns->pdata[i]) == walls)
        dropdown = dropdowns->pdata[i];
    g_assert_nonnull (dropdown);
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 1);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
    g_assert_true (sam_wall_page_get_wall (fixture.page) == first);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
    g_assert_true (sam_wall_page_get_wall (fixture.page) == wall);
  }

  /* Removing shows another wall; Undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.remove-wall", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (walls), ==, 1);
  g_assert_true (sam_wall_page_get_wall (fixture.page) == first);
  g_assert_true (sam_session_undo (fixture.session));
  g_assert_cmpuint (g_list_model_get_n_items (walls), ==, 2);

  /* With no wall left, a way to make one. */
  sam_wall_remove (fixture.session, first);
  sam_wall_remove (fixture.session, sam_wall_page_get_wall (fixture.page));
  g_assert_null (sam_wall_page_get_wall (fixture.page));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.page), ui_test_is_button_labelled, "_New Wall"));
  g_assert_true (sam_session_undo (fixture.session));
  g_assert_nonnull (sam_wall_page_get_wall (fixture.page));

  fixture_close (&fixture);
}

static void
test_drag_and_drop (void)
{
  Fixture fixture = { 0 };
  SamItem *from, *to, *note, *target;
  SamWallColumn *widget;
  GtkWidget *overlay, *row;
  GtkEventController *drop;
  graphene_rect_t bounds;
  GValue value = G_VALUE_INIT;
  gboolean done = FALSE;

  fixture_open_demo (&fixture);
  from = column_at (&fixture, 0);
  to = column_at (&fixture, 1);
  note = note_at (from, 0);
  target = note_at (to, 2);
  widget = column_widget (&fixture, to);
  ui_test_run_for (100);

  /* The note is dropped on the top half of the third note of the next
   * column: it goes in just above it. */
  row = sam_wall_column_get_row_widget (widget, target);
  g_assert_nonnull (row);
  overlay = gtk_widget_get_parent (GTK_WIDGET (sam_wall_column_get_scroller (widget)));
  g_assert_true (GTK_IS_OVERLAY (overlay));
  g_assert_true (gtk_widget_compute_bounds (row, overlay, &bounds));
  drop = find_controller (overlay, GTK_TYPE_DROP_TARGET);

  /* Over the row's top half, a marker shows where it would go. */
  {
    GdkDragAction action = 0;
    GtkWidget *marker;

    g_signal_emit_by_name (drop, "motion", bounds.origin.x + 20, bounds.origin.y + 5, &action);
    g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
    ui_test_run_for (50);
    marker = ui_test_find_widget (overlay, ui_test_has_css_class, "wall-drop-marker");
    g_assert_nonnull (marker);
    g_assert_cmpint (ABS (gtk_widget_get_margin_top (marker) - (int) bounds.origin.y), <=, 3);
  }

  g_value_init (&value, SAM_TYPE_NOTE);
  g_value_set_object (&value, note);
  g_signal_emit_by_name (drop, "drop", &value, bounds.origin.x + 20, bounds.origin.y + 5, &done);
  g_assert_null (ui_test_find_widget (overlay, ui_test_has_css_class, "wall-drop-marker"));
  g_assert_true (done);
  g_assert_true (sam_item_get_parent (note) == to);
  g_assert_cmpuint (index_of (note), ==, 2);
  g_assert_cmpuint (index_of (target), ==, 3);
  g_assert_true (sam_wall_page_get_selected (fixture.page) == note);

  /* Within a column, below the bottom half of a note further down. */
  ui_test_run_for (100);
  target = note_at (to, 4);
  row = sam_wall_column_get_row_widget (widget, target);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_bounds (row, overlay, &bounds));
  done = FALSE;
  g_signal_emit_by_name (drop, "drop", &value, bounds.origin.x + 20,
                         bounds.origin.y + bounds.size.height - 4, &done);
  g_assert_true (done);
  g_assert_cmpuint (index_of (note), ==, 4);
  g_assert_cmpuint (index_of (target), ==, 3);

  /* Below every note: at the end. */
  done = FALSE;
  g_signal_emit_by_name (drop, "drop", &value, 20.0, (double) gtk_widget_get_height (overlay) - 2, &done);
  g_assert_true (done);
  g_assert_cmpuint (index_of (note), ==, n_notes (to) - 1);
  g_value_unset (&value);

  /* A drag is one undo step each. */
  g_assert_true (sam_session_undo (fixture.session));
  g_assert_cmpuint (index_of (note), ==, 4);

  fixture_close (&fixture);
}

static void
mark_painted (gboolean *painted)
{
  *painted = TRUE;
}

static void
test_many (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SamSession) session = sam_session_new ();
  SamItem *wall;
  gint64 start, elapsed;
  guint rows;

  wall = sam_wall_add (session, "Många lappar", FALSE);
  sam_session_begin (session, "Many");
  for (guint c = 0; c < 6; c++)
    {
      g_autofree char *title = g_strdup_printf ("Kolumn %u", c + 1);
      SamItem *column = sam_wall_add_column (session, wall, title, G_MAXUINT);

      for (guint i = 0; i < 2000 / 6 + (c < 2000 % 6 ? 1 : 0); i++)
        {
          g_autofree char *text = g_strdup_printf ("Lapp %u i kolumn %u: en tanke om hur vi går vidare", i + 1, c + 1);
          SamItem *note = sam_wall_add_note (session, column, G_MAXUINT, text, (i + c) % 6, NULL, FALSE);

          for (guint v = 0; v < i % 4; v++)
            sam_wall_add_vote (session, note);
        }
    }
  sam_session_end (session);
  g_assert_cmpuint (sam_wall_count_notes (wall), ==, 2000);

  /* Opening the view: the page, its columns and the first frame's rows. */
  start = g_get_monotonic_time ();
  fixture_open (&fixture, g_object_ref (session));
  elapsed = g_get_monotonic_time () - start;
  rows = sam_wall_page_count_note_rows (fixture.page);
  g_test_message ("2,000 notes: open %.1f ms (with 100 ms idle), %u rows built", elapsed / 1000.0, rows);

  /* Showing the wall again in the open window, to its first frame. */
  sam_wall_page_set_session (fixture.page, NULL);
  ui_test_run_for (200);
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture.window));
    gboolean painted = FALSE;
    gulong handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (mark_painted), &painted);

    start = g_get_monotonic_time ();
    sam_wall_page_set_session (fixture.page, session);
    g_test_message ("2,000 notes: the page took the session in %.1f ms",
                    (g_get_monotonic_time () - start) / 1000.0);
    while (!painted)
      g_main_context_iteration (NULL, TRUE);
    elapsed = g_get_monotonic_time () - start;
    g_signal_handler_disconnect (clock, handler);
  }
  g_test_message ("2,000 notes: shown in %.1f ms to the first frame, %u rows built",
                  elapsed / 1000.0, sam_wall_page_count_note_rows (fixture.page));
  /* The time is bench-wall's to measure; here only that it showed. */
  g_assert_cmpuint (sam_wall_page_count_note_rows (fixture.page), >, 0);
  ui_test_run_for (100);

  rows = sam_wall_page_count_note_rows (fixture.page);
  g_assert_cmpuint (rows, >, 0);
  g_assert_cmpuint (rows, <, 400);

  /* A note added to a long column adds one row, and the rest stay. */
  start = g_get_monotonic_time ();
  type_note (&fixture, 0, "En till");
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("2,000 notes: a note added in %.1f ms", elapsed / 1000.0);
  g_assert_cmpuint (sam_wall_count_notes (wall), ==, 2001);

  /* Scrolling down a screenful at a time reaches notes further down, and
   * the list keeps building only about what shows. */
  {
    SamWallColumn *column;
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (sam_wall_page_get_scroller (fixture.page, 1));
    g_autoptr(SamItem) column_item = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (wall, "columns")), 1);
    SamItem *far = note_at (column_item, 60);

    column = column_widget (&fixture, column_item);
    g_assert_null (sam_wall_column_get_row_widget (column, far));
    for (guint i = 0; i < 40 && sam_wall_column_get_row_widget (column, far) == NULL; i++)
      {
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                              gtk_adjustment_get_page_size (adjustment));
        ui_test_run_for (40);
      }
    g_assert_nonnull (sam_wall_column_get_row_widget (column, far));
    g_assert_cmpuint (sam_wall_page_count_note_rows (fixture.page), <, 400);
    g_test_message ("2,000 notes: %u rows built after scrolling", sam_wall_page_count_note_rows (fixture.page));

    /* A note far down, chosen, is shown. */
    far = note_at (column_item, 300);
    sam_wall_page_select (fixture.page, far);
    ui_test_run_for (200);
    g_assert_nonnull (sam_wall_column_get_row_widget (column, far));
    sam_wall_page_select (fixture.page, note_at (column_item, 0));
    ui_test_run_for (200);
  }

  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "wall-page-many.png");
  fixture_close (&fixture);
}

static void
test_long_text (void)
{
  Fixture fixture = { 0 };
  SamItem *column, *note;
  SamWallColumn *widget;
  GString *text = g_string_new (NULL);
  int width;
  GtkWidget *row;

  fixture_open_demo (&fixture);
  column = column_at (&fixture, 0);
  widget = column_widget (&fixture, column);
  width = gtk_widget_get_width (GTK_WIDGET (widget));

  while (text->len < 10000)
    g_string_append (text, "Långt ord utan slut och en mening till som aldrig tar slut ");
  g_string_append (text, "Ettmycketlångtordutanmellanrumsomintegårattbrytanågonstansalls");
  note = sam_wall_add_note (fixture.session, column, 0, text->str, SAM_NOTE_COLOR_BLUE, NULL, FALSE);
  g_assert_nonnull (note);
  ui_test_run_for (200);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (widget)), ==, width);
  row = sam_wall_column_get_row_widget (widget, note);
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_widget_get_height (row), <, 200);
  /* The whole text is in the tooltip and the editor. */
  {
    GtkWidget *label = ui_test_find_widget (row, ui_test_has_css_class, "wall-note-text");
    g_autofree char *tooltip = gtk_widget_get_tooltip_text (label) ? g_strdup (gtk_widget_get_tooltip_text (label)) : NULL;

    g_assert_cmpstr (tooltip, ==, g_strstrip (text->str));
  }
  sam_wall_page_select (fixture.page, note);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.edit-note", NULL));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (sam_wall_page_get_editor (fixture.page)));

    g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, g_utf8_strlen (sam_item_get_string (note, "text"), -1));
  }
  gtk_widget_activate_action (GTK_WIDGET (fixture.page), "wall.cancel-edit", NULL);
  ui_test_run_for (50);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (widget)), ==, width);

  g_string_free (text, TRUE);
  fixture_close (&fixture);
}

static void
test_screenshot (void)
{
  Fixture fixture = { 0 };
  SamItem *column;

  fixture_open_demo (&fixture);
  column = column_at (&fixture, 1);
  sam_wall_page_select (fixture.page, note_at (column, 1));
  ui_test_run_for (200);
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "wall-page.png");
  fixture_close (&fixture);
}

/* In the app's window: Alt+5's view types into the first column at once,
 * and a removal offers Undo in the window's toast, which the window's
 * Undo takes back. */
static void
test_in_window (void)
{
  SamWindow *window = ui_test_open_demo (1600, 1000);
  SamSession *session = sam_window_get_session (window);
  SamWallPage *page;
  GtkEditable *entry;
  GtkWidget *focus;
  SamItem *column, *note;
  guint before;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "wall"));
  ui_test_settle (window);
  page = SAM_WALL_PAGE (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_type,
                                              GSIZE_TO_POINTER (SAM_TYPE_WALL_PAGE)));
  g_assert_nonnull (page);
  g_assert_true (sam_wall_page_get_session (page) == session);

  entry = sam_wall_page_get_entry (page, 0);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));

  column = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (sam_wall_page_get_wall (page), "columns")), 0);
  g_object_unref (column);
  before = g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (column, "notes")));
  gtk_editable_set_text (entry, "Hur når vi dem som inte kommer hit?");
  g_signal_emit_by_name (entry, "activate");
  ui_test_run_for (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (column, "notes"))), ==, before + 1);
  note = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (column, "notes")), before);
  g_object_unref (note);
  g_assert_cmpstr (sam_item_get_string (note, "text"), ==, "Hur når vi dem som inte kommer hit?");

  sam_wall_page_select (page, note);
  ui_test_run_for (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "wall.remove-note", NULL));
  ui_test_run_for (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (column, "notes"))), ==, before);
  ui_test_save_screenshot (GTK_WIDGET (window), "wall-view.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ui_test_run_for (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (column, "notes"))), ==, before + 1);

  ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  ui_test_create_app ();

  g_test_add_func ("/wall/add", test_add);
  g_test_add_func ("/wall/edit", test_edit);
  g_test_add_func ("/wall/remove-undo", test_remove_undo);
  g_test_add_func ("/wall/keyboard-move", test_keyboard_move);
  g_test_add_func ("/wall/votes", test_votes);
  g_test_add_func ("/wall/hidden", test_hidden);
  g_test_add_func ("/wall/search", test_search);
  g_test_add_func ("/wall/cluster", test_cluster);
  g_test_add_func ("/wall/columns", test_columns);
  g_test_add_func ("/wall/walls", test_walls);
  g_test_add_func ("/wall/drag-and-drop", test_drag_and_drop);
  g_test_add_func ("/wall/many", test_many);
  g_test_add_func ("/wall/long-text", test_long_text);
  g_test_add_func ("/wall/screenshot", test_screenshot);
  g_test_add_func ("/wall/in-window", test_in_window);

  return ui_test_run ();
}
