/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The agenda view as a facilitator uses it: building an agenda through the
 * page's actions and fields, reordering it with the actions, the keys and a
 * drop, undoing, the warning when the plan runs past the session's end, the
 * activity an item shows, and the running item and the times it was held,
 * with a fake clock. Screenshots go to <builddir>/tests/ui/screenshots/.
 */

#include "config.h"

#include "sam-agenda-page.h"
#include "sam-clock.h"
#include "sam-entities.h"
#include "sam-session.h"
#include "sam-timer.h"
#include "ui-test-util.h"

static SamClock *fake_clock;

/* Finding the page and its parts */

typedef struct
{
  SamWindow     *window;
  SamSession    *session;
  SamAgendaPage *page;
  GtkListBox    *list;
} Fixture;

static gboolean
is_agenda_list (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "agenda-list");
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) && ui_test_is_row_titled (widget, data);
}

static gboolean
is_combo_row_titled (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget) && ui_test_is_row_titled (widget, data);
}

static GtkWidget *
find_in (gpointer     root,
         UiTestMatch  match,
         gconstpointer data)
{
  GtkWidget *widget = ui_test_find_widget (GTK_WIDGET (root), match, data);

  g_assert_nonnull (widget);
  return widget;
}

static void
show_agenda (Fixture   *fixture,
             SamWindow *window)
{
  fixture->window = window;
  fixture->session = sam_window_get_session (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "agenda"));
  ui_test_settle (window);

  fixture->page = SAM_AGENDA_PAGE (find_in (window, ui_test_is_type, GSIZE_TO_POINTER (SAM_TYPE_AGENDA_PAGE)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  fixture->list = GTK_LIST_BOX (find_in (fixture->page, is_agenda_list, NULL));
}

static SamItem *
agenda_item (Fixture *fixture,
             guint    index)
{
  g_autoptr(SamItem) item = g_list_model_get_item (G_LIST_MODEL (sam_session_get_agenda (fixture->session)), index);

  g_assert_nonnull (item);
  /* The session holds it. */
  return item;
}

static guint
n_items (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_agenda (fixture->session)));
}

static guint
n_rows (Fixture *fixture)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (fixture->list, n) != NULL)
    n++;

  return n;
}

static GtkWidget *
row_at (Fixture *fixture,
        guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (fixture->list, index);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

/* The text of the label with @css_class in the row at @index, or NULL if
 * it is not shown. */
static const char *
row_text (Fixture    *fixture,
          guint       index,
          const char *css_class)
{
  GtkWidget *widget = ui_test_find_widget (row_at (fixture, index), ui_test_has_css_class, css_class);
  GtkWidget *label;

  if (widget == NULL)
    return NULL;

  label = GTK_IS_LABEL (widget) ? widget : ui_test_find_widget (widget, ui_test_is_type,
                                                                GSIZE_TO_POINTER (GTK_TYPE_LABEL));
  return gtk_label_get_text (GTK_LABEL (label));
}

static const char *
row_title (Fixture *fixture,
           guint    index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (fixture, index)));
}

/* The rows' titles, joined by "|", as one sees them from the top. */
static char *
row_titles (Fixture *fixture)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) titles = NULL;

  for (guint i = 0; i < n_rows (fixture); i++)
    g_strv_builder_add (builder, row_title (fixture, i));
  titles = g_strv_builder_end (builder);

  return g_strjoinv ("|", titles);
}

static char *
document_titles (Fixture *fixture)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) titles = NULL;

  for (guint i = 0; i < n_items (fixture); i++)
    g_strv_builder_add (builder, sam_item_get_string (agenda_item (fixture, i), "title"));
  titles = g_strv_builder_end (builder);

  return g_strjoinv ("|", titles);
}

static void
assert_order (Fixture    *fixture,
              const char *expected)
{
  g_autofree char *rows = row_titles (fixture);
  g_autofree char *document = document_titles (fixture);

  g_assert_cmpstr (rows, ==, expected);
  g_assert_cmpstr (document, ==, expected);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), action, NULL));
  ui_test_run_for (50);
}

static gboolean
action_enabled (Fixture    *fixture,
                const char *action)
{
  GtkWidget *button = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  /* The toolbar's buttons say whether their actions apply. */
  ui_test_collect_widgets (GTK_WIDGET (fixture->page), ui_test_is_type,
                           GSIZE_TO_POINTER (GTK_TYPE_BUTTON), buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action) == 0)
      button = g_ptr_array_index (buttons, i);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static GtkWidget *
title_row (Fixture *fixture)
{
  return find_in (fixture->page, is_entry_row_titled, "Title");
}

static void
type_title (Fixture    *fixture,
            const char *title)
{
  GtkWidget *row = title_row (fixture);

  gtk_editable_set_text (GTK_EDITABLE (row), title);
  /* Enter */
  g_signal_emit_by_name (row, "entry-activated");
  ui_test_run_for (20);
}

static void
set_minutes (Fixture *fixture,
             int      minutes)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (find_in (fixture->page, ui_test_is_type,
                                                  GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON)));

  gtk_spin_button_set_value (spin, minutes);
  ui_test_run_for (20);
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Activates the shortcut of @widget's class (or own controllers) that
 * @keyval with @modifiers triggers, as pressing the keys would. */
static gboolean
press_keys (GtkWidget       *widget,
            guint            keyval,
            GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) pressed = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          gboolean matches = gtk_shortcut_trigger_equal (trigger, pressed);

          if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
            matches = gtk_shortcut_trigger_equal (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), pressed) ||
                      gtk_shortcut_trigger_equal (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), pressed);

          if (matches)
            {
              gboolean done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                            gtk_shortcut_get_arguments (shortcut));

              ui_test_run_for (50);
              return done;
            }
        }
    }

  return FALSE;
}

/* A session whose agenda the test sets up directly; what is tested is how
 * the page shows it. */
static void
add_item (SamSession    *session,
          const char    *title,
          int            minutes,
          SamAgendaKind  kind)
{
  g_autoptr(SamItem) item = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);

  g_object_set (item, "title", title, "duration", minutes * 60, "kind", kind, NULL);
  sam_session_insert (session, session, "agenda", G_MAXUINT, item);
}

static char *
local_clock (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  return g_date_time_format (time, "%H:%M");
}

/* Building an agenda */

static void
test_build (void)
{
  Fixture fixture = { 0 };
  SamItem *first, *second, *third;

  show_agenda (&fixture, ui_test_open_new (1600, 1000));
  sam_session_set (fixture.session, fixture.session, "start-time", "09:00", "end-time", "12:00", NULL);
  g_assert_cmpuint (n_items (&fixture), ==, 0);
  g_assert_false (action_enabled (&fixture, "agenda.remove"));
  g_assert_false (action_enabled (&fixture, "agenda.move-up"));

  /* The first item: a new one, selected, its title ready to be typed. */
  activate (&fixture, "agenda.add");
  g_assert_cmpuint (n_items (&fixture), ==, 1);
  g_assert_cmpuint (n_rows (&fixture), ==, 1);
  first = agenda_item (&fixture, 0);
  g_assert_cmpstr (sam_item_get_string (first, "title"), ==, "New Item");
  g_assert_cmpint (sam_item_get_int (first, "duration"), ==, 600);
  g_assert_cmpint (sam_item_get_enum (first, "kind"), ==, SAM_AGENDA_KIND_OTHER);
  g_assert_true (sam_agenda_page_get_selected (fixture.page) == (SamAgendaItem *) first);
  g_assert_true (gtk_list_box_get_selected_row (fixture.list) == GTK_LIST_BOX_ROW (row_at (&fixture, 0)));
  g_assert_true (focus_is_in (title_row (&fixture)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row (&fixture))), ==, "New Item");

  type_title (&fixture, "Welcome");
  set_minutes (&fixture, 15);
  g_assert_cmpstr (sam_item_get_string (first, "title"), ==, "Welcome");
  g_assert_cmpint (sam_item_get_int (first, "duration"), ==, 15 * 60);
  g_assert_cmpstr (row_title (&fixture, 0), ==, "Welcome");
  g_assert_cmpstr (row_text (&fixture, 0, "agenda-planned"), ==, "09:00");
  g_assert_cmpstr (row_text (&fixture, 0, "agenda-duration"), ==, "15 min");

  /* The second comes after the selected one and starts when it ends. */
  activate (&fixture, "agenda.add");
  second = agenda_item (&fixture, 1);
  g_assert_true (sam_agenda_page_get_selected (fixture.page) == (SamAgendaItem *) second);
  type_title (&fixture, "Input");
  set_minutes (&fixture, 20);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_in (fixture.page, is_combo_row_titled, "Kind")),
                              SAM_AGENDA_KIND_INPUT);
  g_assert_cmpint (sam_item_get_enum (second, "kind"), ==, SAM_AGENDA_KIND_INPUT);
  g_assert_cmpstr (row_text (&fixture, 1, "agenda-planned"), ==, "09:15");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_at (&fixture, 1))), ==, "Input");

  /* A duplicate is a new item with the same plan, right after. */
  activate (&fixture, "agenda.duplicate");
  g_assert_cmpuint (n_items (&fixture), ==, 3);
  third = agenda_item (&fixture, 2);
  g_assert_true (third != second);
  g_assert_cmpstr (sam_item_get_id (third), !=, sam_item_get_id (second));
  g_assert_cmpstr (sam_item_get_string (third, "title"), ==, "Input");
  g_assert_cmpint (sam_item_get_int (third, "duration"), ==, 20 * 60);
  g_assert_cmpint (sam_item_get_enum (third, "kind"), ==, SAM_AGENDA_KIND_INPUT);
  g_assert_true (sam_agenda_page_get_selected (fixture.page) == (SamAgendaItem *) third);
  g_assert_cmpstr (row_text (&fixture, 2, "agenda-planned"), ==, "09:35");
  type_title (&fixture, "Dialogue");
  assert_order (&fixture, "Welcome|Input|Dialogue");

  /* The last item cannot go further down. */
  g_assert_true (action_enabled (&fixture, "agenda.move-up"));
  g_assert_false (action_enabled (&fixture, "agenda.move-down"));

  /* Up and down, by the actions: the item stays selected and the times
   * follow. */
  activate (&fixture, "agenda.move-up");
  assert_order (&fixture, "Welcome|Dialogue|Input");
  g_assert_true (sam_agenda_page_get_selected (fixture.page) == (SamAgendaItem *) third);
  g_assert_true (gtk_list_box_get_selected_row (fixture.list) == GTK_LIST_BOX_ROW (row_at (&fixture, 1)));
  g_assert_cmpstr (row_text (&fixture, 1, "agenda-planned"), ==, "09:15");
  g_assert_cmpstr (row_text (&fixture, 2, "agenda-planned"), ==, "09:35");
  g_assert_true (action_enabled (&fixture, "agenda.move-down"));

  activate (&fixture, "agenda.move-up");
  assert_order (&fixture, "Dialogue|Welcome|Input");
  g_assert_false (action_enabled (&fixture, "agenda.move-up"));

  /* … and by the keys. */
  g_assert_true (press_keys (GTK_WIDGET (fixture.page), GDK_KEY_Down, GDK_ALT_MASK));
  assert_order (&fixture, "Welcome|Dialogue|Input");
  g_assert_true (press_keys (GTK_WIDGET (fixture.page), GDK_KEY_Down, GDK_ALT_MASK));
  assert_order (&fixture, "Welcome|Input|Dialogue");
  g_assert_true (sam_agenda_page_get_selected (fixture.page) == (SamAgendaItem *) third);

  /* Each move was one step: undo takes back the last. */
  g_assert_true (sam_session_undo (fixture.session));
  ui_test_run_for (20);
  assert_order (&fixture, "Welcome|Dialogue|Input");
  g_assert_true (sam_session_redo (fixture.session));
  ui_test_run_for (20);
  assert_order (&fixture, "Welcome|Input|Dialogue");

  /* Ctrl+D duplicates, Delete in the list removes. */
  g_assert_true (press_keys (GTK_WIDGET (fixture.page), GDK_KEY_d, GDK_CONTROL_MASK));
  assert_order (&fixture, "Welcome|Input|Dialogue|Dialogue");
  g_assert_true (press_keys (GTK_WIDGET (fixture.list), GDK_KEY_Delete, 0));
  assert_order (&fixture, "Welcome|Input|Dialogue");
  g_assert_true (sam_agenda_page_get_selected (fixture.page) == (SamAgendaItem *) third);

  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "agenda-built.png");

  /* Removing selects the neighbour; undo brings the item back in its place. */
  sam_agenda_page_select (fixture.page, (SamAgendaItem *) second);
  activate (&fixture, "agenda.remove");
  assert_order (&fixture, "Welcome|Dialogue");
  g_assert_true (sam_agenda_page_get_selected (fixture.page) == (SamAgendaItem *) third);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row (&fixture))), ==, "Dialogue");
  g_assert_cmpstr (row_text (&fixture, 1, "agenda-planned"), ==, "09:15");

  g_assert_true (sam_session_undo (fixture.session));
  ui_test_run_for (20);
  assert_order (&fixture, "Welcome|Input|Dialogue");
  g_assert_cmpstr (row_text (&fixture, 2, "agenda-planned"), ==, "09:35");

  /* Undoing a rename shows in the editor. */
  sam_agenda_page_select (fixture.page, (SamAgendaItem *) third);
  type_title (&fixture, "Dialogue in pairs");
  g_assert_cmpstr (row_title (&fixture, 2), ==, "Dialogue in pairs");
  g_assert_true (sam_session_undo (fixture.session));
  ui_test_run_for (20);
  g_assert_cmpstr (sam_item_get_string (third, "title"), ==, "Dialogue");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row (&fixture))), ==, "Dialogue");
  g_assert_cmpstr (row_title (&fixture, 2), ==, "Dialogue");

  /* An empty title is not applied. */
  type_title (&fixture, "  ");
  g_assert_cmpstr (sam_item_get_string (third, "title"), ==, "Dialogue");
  g_assert_true (gtk_widget_has_css_class (title_row (&fixture), "error"));

  /* What was typed without Enter counts when the window saves or closes. */
  gtk_editable_set_text (GTK_EDITABLE (title_row (&fixture)), "Dialogue and questions");
  sam_agenda_page_apply (fixture.page);
  g_assert_cmpstr (sam_item_get_string (third, "title"), ==, "Dialogue and questions");

  ui_test_close_window (fixture.window);
}

/* Reordering by dragging a row */

static GtkDropTarget *
list_drop_target (Fixture *fixture)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->list));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  g_assert_not_reached ();
}

/* The y of the upper or lower quarter of the row at @index, in the list. */
static double
row_y (Fixture  *fixture,
       guint     index,
       gboolean  lower)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (row_at (fixture, index), GTK_WIDGET (fixture->list), &bounds));
  return bounds.origin.y + bounds.size.height * (lower ? 0.75 : 0.25);
}

static void
drag_to (Fixture *fixture,
         guint    from,
         double   y)
{
  GtkDropTarget *target = list_drop_target (fixture);
  GValue value = G_VALUE_INIT;
  GdkDragAction action = 0;
  gboolean dropped = FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, sam_item_get_id (agenda_item (fixture, from)));

  g_signal_emit_by_name (target, "motion", 10.0, y, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  g_signal_emit_by_name (target, "drop", &value, 10.0, y, &dropped);
  g_assert_true (dropped);
  g_value_unset (&value);
  ui_test_run_for (50);
}

static gboolean
any_row_has_class (Fixture    *fixture,
                   const char *css_class)
{
  for (guint i = 0; i < n_rows (fixture); i++)
    if (gtk_widget_has_css_class (row_at (fixture, i), css_class))
      return TRUE;

  return FALSE;
}

static void
test_drag_and_drop (void)
{
  Fixture fixture = { 0 };
  GtkDropTarget *target;
  GdkDragAction action = 0;

  show_agenda (&fixture, ui_test_open_new (1600, 1000));
  sam_session_begin (fixture.session, NULL);
  add_item (fixture.session, "A", 10, SAM_AGENDA_KIND_WELCOME);
  add_item (fixture.session, "B", 20, SAM_AGENDA_KIND_INPUT);
  add_item (fixture.session, "C", 5, SAM_AGENDA_KIND_BREAK);
  add_item (fixture.session, "D", 15, SAM_AGENDA_KIND_SUMMARY);
  sam_session_end (fixture.session);
  ui_test_run_for (100);
  assert_order (&fixture, "A|B|C|D");

  /* Where it will land shows while the pointer moves. */
  target = list_drop_target (&fixture);
  g_signal_emit_by_name (target, "motion", 10.0, row_y (&fixture, 2, FALSE), &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  g_assert_true (gtk_widget_has_css_class (row_at (&fixture, 2), "drop-above"));
  g_signal_emit_by_name (target, "motion", 10.0, row_y (&fixture, 3, TRUE), &action);
  g_assert_false (gtk_widget_has_css_class (row_at (&fixture, 2), "drop-above"));
  g_assert_true (gtk_widget_has_css_class (row_at (&fixture, 3), "drop-below"));
  g_signal_emit_by_name (target, "leave");
  g_assert_false (any_row_has_class (&fixture, "drop-below"));

  /* A onto the lower half of C: after C. */
  drag_to (&fixture, 0, row_y (&fixture, 2, TRUE));
  assert_order (&fixture, "B|C|A|D");
  g_assert_cmpstr (row_text (&fixture, 0, "agenda-planned"), ==, "09:00");
  g_assert_cmpstr (row_text (&fixture, 2, "agenda-planned"), ==, "09:25");
  g_assert_cmpstr (row_title (&fixture, gtk_list_box_row_get_index (gtk_list_box_get_selected_row (fixture.list))), ==, "A");
  g_assert_false (any_row_has_class (&fixture, "drop-below"));
  g_assert_false (any_row_has_class (&fixture, "drop-above"));

  /* D onto the upper half of the first row: first. */
  drag_to (&fixture, 3, row_y (&fixture, 0, FALSE));
  assert_order (&fixture, "D|B|C|A");

  /* Onto itself: nothing changes, nothing to undo. */
  drag_to (&fixture, 1, row_y (&fixture, 1, TRUE));
  assert_order (&fixture, "D|B|C|A");

  /* Each drop is one undo step. */
  g_assert_true (sam_session_undo (fixture.session));
  ui_test_run_for (20);
  assert_order (&fixture, "B|C|A|D");
  g_assert_true (sam_session_undo (fixture.session));
  ui_test_run_for (20);
  assert_order (&fixture, "A|B|C|D");

  ui_test_close_window (fixture.window);
}

/* The end of the session */

static GtkRevealer *
warning (Fixture *fixture)
{
  return GTK_REVEALER (find_in (fixture->page, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_REVEALER)));
}

static const char *
warning_text (Fixture *fixture)
{
  GtkWidget *label = find_in (warning (fixture), ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL));

  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_end_warning (void)
{
  Fixture fixture = { 0 };

  show_agenda (&fixture, ui_test_open_new (1600, 1000));
  sam_session_set (fixture.session, fixture.session, "start-time", "10:00", "end-time", "11:00", NULL);
  sam_session_begin (fixture.session, NULL);
  add_item (fixture.session, "Welcome", 15, SAM_AGENDA_KIND_WELCOME);
  add_item (fixture.session, "Input", 30, SAM_AGENDA_KIND_INPUT);
  sam_session_end (fixture.session);
  ui_test_run_for (100);

  g_assert_false (gtk_revealer_get_reveal_child (warning (&fixture)));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.page), ui_test_is_label_reading, "Agenda ends 10:45"));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.page), ui_test_is_label_reading, "Session ends 11:00"));

  /* A longer item: the plan runs past the end. */
  sam_agenda_page_select (fixture.page, (SamAgendaItem *) agenda_item (&fixture, 1));
  set_minutes (&fixture, 60);
  ui_test_run_for (300);
  g_assert_true (gtk_revealer_get_reveal_child (warning (&fixture)));
  g_assert_cmpstr (warning_text (&fixture), ==, "The agenda runs 15 min past the end at 11:00");
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.page), ui_test_is_label_reading, "Agenda ends 11:15"));
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "agenda-warning.png");

  /* A later end fixes it … */
  sam_session_set (fixture.session, fixture.session, "end-time", "11:30", NULL);
  ui_test_run_for (20);
  g_assert_false (gtk_revealer_get_reveal_child (warning (&fixture)));
  sam_session_set (fixture.session, fixture.session, "end-time", "11:00", NULL);
  ui_test_run_for (20);
  g_assert_true (gtk_revealer_get_reveal_child (warning (&fixture)));

  /* … and so does a shorter item, or undo. */
  set_minutes (&fixture, 45);
  g_assert_false (gtk_revealer_get_reveal_child (warning (&fixture)));
  g_assert_true (sam_session_undo (fixture.session));
  ui_test_run_for (20);
  g_assert_true (gtk_revealer_get_reveal_child (warning (&fixture)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (find_in (fixture.page, ui_test_is_type,
                                                                               GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON)))),
                   ==, 60);
  activate (&fixture, "agenda.remove");
  g_assert_false (gtk_revealer_get_reveal_child (warning (&fixture)));

  ui_test_close_window (fixture.window);
}

/* The activity an item shows */

static void
test_activity (void)
{
  Fixture fixture = { 0 };
  SamItem *item;
  GtkWidget *activity_row, *prompt_row;
  GListModel *prompts;
  g_autoptr(SamItem) second_prompt = NULL;

  /* A session without prompts says so. */
  show_agenda (&fixture, ui_test_open_new (1600, 1000));
  activate (&fixture, "agenda.add");
  item = agenda_item (&fixture, 0);
  activity_row = find_in (fixture.page, is_combo_row_titled, "Activity");
  adw_combo_row_set_selected (ADW_COMBO_ROW (activity_row), SAM_ACTIVITY_PROMPT);
  ui_test_run_for (20);
  g_assert_cmpint (sam_item_get_enum (item, "activity-kind"), ==, SAM_ACTIVITY_PROMPT);
  g_assert_cmpstr (sam_item_get_string (item, "activity-id"), ==, "");
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.page), ui_test_is_row_titled,
                                         "The session has no prompts yet"));
  g_assert_null (ui_test_find_widget (GTK_WIDGET (fixture.page), is_combo_row_titled, "Prompt"));
  g_assert_cmpstr (row_text (&fixture, 0, "agenda-activity"), ==, "Prompt");

  adw_combo_row_set_selected (ADW_COMBO_ROW (activity_row), SAM_ACTIVITY_MAP);
  ui_test_run_for (20);
  g_assert_cmpint (sam_item_get_enum (item, "activity-kind"), ==, SAM_ACTIVITY_MAP);
  g_assert_cmpstr (row_text (&fixture, 0, "agenda-activity"), ==, "Map");
  g_assert_null (ui_test_find_widget (GTK_WIDGET (fixture.page), ui_test_is_row_titled,
                                      "The session has no prompts yet"));
  g_assert_true (sam_session_undo (fixture.session));
  ui_test_run_for (20);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (activity_row)), ==, SAM_ACTIVITY_PROMPT);
  ui_test_close_window (fixture.window);

  /* The demo has prompts: the first is taken, another can be chosen. */
  show_agenda (&fixture, ui_test_open_demo (1600, 1000));
  item = agenda_item (&fixture, 0);
  sam_agenda_page_select (fixture.page, (SamAgendaItem *) item);
  activity_row = find_in (fixture.page, is_combo_row_titled, "Activity");
  adw_combo_row_set_selected (ADW_COMBO_ROW (activity_row), SAM_ACTIVITY_PROMPT);
  ui_test_run_for (20);

  prompts = G_LIST_MODEL (sam_session_get_prompts (fixture.session));
  g_assert_cmpuint (g_list_model_get_n_items (prompts), >=, 2);
  second_prompt = g_list_model_get_item (prompts, 1);
  prompt_row = find_in (fixture.page, is_combo_row_titled, "Prompt");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (prompt_row))), ==,
                    g_list_model_get_n_items (prompts));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (prompt_row)), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (prompt_row), 1);
  ui_test_run_for (20);
  g_assert_cmpstr (sam_item_get_string (item, "activity-id"), ==, sam_item_get_id (second_prompt));

  /* A wall, by its title. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (activity_row), SAM_ACTIVITY_WALL);
  ui_test_run_for (20);
  g_assert_cmpint (sam_item_get_enum (item, "activity-kind"), ==, SAM_ACTIVITY_WALL);
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.page), is_combo_row_titled, "Wall"));
  g_assert_cmpstr (row_text (&fixture, 0, "agenda-activity"), ==, "Wall");

  /* An item of the demo that shows a prompt has it chosen. */
  sam_agenda_page_select (fixture.page, (SamAgendaItem *) agenda_item (&fixture, 3));
  g_assert_cmpint (sam_item_get_enum (agenda_item (&fixture, 3), "activity-kind"), ==, SAM_ACTIVITY_PROMPT);
  prompt_row = find_in (fixture.page, is_combo_row_titled, "Prompt");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (prompt_row)), !=, GTK_INVALID_LIST_POSITION);

  /* The overrun policy and the notes. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_in (fixture.page, is_combo_row_titled, "If It Runs Over")),
                              SAM_OVERRUN_ABSORB);
  ui_test_run_for (20);
  g_assert_cmpint (sam_item_get_enum (agenda_item (&fixture, 3), "overrun"), ==, SAM_OVERRUN_ABSORB);
  {
    GtkTextView *notes = GTK_TEXT_VIEW (find_in (fixture.page, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW)));

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "Ask for one thought each.", -1);
    sam_agenda_page_apply (fixture.page);
    g_assert_cmpstr (sam_item_get_string (agenda_item (&fixture, 3), "notes"), ==, "Ask for one thought each.");
    g_assert_true (sam_session_undo (fixture.session));
    ui_test_run_for (20);
    g_assert_cmpstr (sam_item_get_string (agenda_item (&fixture, 3), "notes"), ==,
                     "Först egen reflektion med meningsstartare, sedan samtal i trio.");
  }

  ui_test_close_window (fixture.window);
}

/* Running the agenda */

static void
test_running (void)
{
  Fixture fixture = { 0 };
  SamTimer *timer;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *held = NULL;
  g_autofree char *since = NULL;

  show_agenda (&fixture, ui_test_open_new (1600, 1000));
  timer = sam_agenda_page_get_timer (fixture.page);
  g_assert_nonnull (timer);
  g_assert_true (sam_timer_get_clock (timer) == fake_clock);

  sam_session_begin (fixture.session, NULL);
  add_item (fixture.session, "Welcome", 10, SAM_AGENDA_KIND_WELCOME);
  add_item (fixture.session, "Input", 20, SAM_AGENDA_KIND_INPUT);
  add_item (fixture.session, "Break", 10, SAM_AGENDA_KIND_BREAK);
  add_item (fixture.session, "Summary", 10, SAM_AGENDA_KIND_SUMMARY);
  sam_session_end (fixture.session);
  ui_test_run_for (100);
  g_assert_null (row_text (&fixture, 1, "agenda-status"));

  /* Start at the second item. */
  sam_agenda_page_select (fixture.page, (SamAgendaItem *) agenda_item (&fixture, 1));
  g_assert_true (action_enabled (&fixture, "agenda.start-here"));
  start = local_clock (sam_clock_get_real (fake_clock));
  activate (&fixture, "agenda.start-here");
  g_assert_cmpint (sam_timer_get_state (timer), ==, SAM_TIMER_RUNNING);
  g_assert_cmpint (sam_timer_get_current_index (timer), ==, 1);
  g_assert_true (gtk_widget_has_css_class (row_at (&fixture, 1), "running"));
  g_assert_cmpstr (row_text (&fixture, 1, "agenda-status"), ==, "Now");
  g_assert_null (row_text (&fixture, 0, "agenda-status"));
  g_assert_false (action_enabled (&fixture, "agenda.start-here"));
  since = g_strdup_printf ("%s–", start);
  g_assert_cmpstr (row_text (&fixture, 1, "agenda-actual"), ==, since);

  /* Paused says so. */
  g_assert_true (sam_timer_pause (timer));
  ui_test_run_for (20);
  g_assert_cmpstr (row_text (&fixture, 1, "agenda-status"), ==, "Paused");
  g_assert_true (sam_timer_resume (timer));
  ui_test_run_for (20);

  /* Twelve minutes later, Next: the times it was held, and the next runs. */
  sam_fake_clock_advance (fake_clock, 12 * 60 * G_USEC_PER_SEC);
  end = local_clock (sam_clock_get_real (fake_clock));
  g_assert_true (sam_timer_next (timer));
  ui_test_run_for (50);
  held = g_strdup_printf ("%s–%s", start, end);
  g_assert_cmpstr (row_text (&fixture, 1, "agenda-actual"), ==, held);
  g_assert_null (row_text (&fixture, 1, "agenda-status"));
  g_assert_false (gtk_widget_has_css_class (row_at (&fixture, 1), "running"));
  g_assert_cmpstr (row_text (&fixture, 2, "agenda-status"), ==, "Now");

  /* The editor shows it too. */
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.page), ui_test_is_label_reading, held));

  /* Skipped items say so. */
  g_assert_true (sam_timer_skip (timer));
  ui_test_run_for (50);
  g_assert_cmpstr (row_text (&fixture, 2, "agenda-status"), ==, "Skipped");
  g_assert_cmpstr (row_text (&fixture, 3, "agenda-status"), ==, "Now");

  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "agenda-running.png");

  sam_timer_reset (timer);
  ui_test_close_window (fixture.window);
}

/* What the page looks like */

static void
test_screenshots (void)
{
  Fixture fixture = { 0 };
  SamTimer *timer;

  /* The demo on a 1920×1080 screen (the largest window it holds with the
   * window's shadow), two items held and the third running. */
  show_agenda (&fixture, ui_test_open_demo (1900, 1060));
  timer = sam_agenda_page_get_timer (fixture.page);
  g_assert_true (sam_timer_start (timer));
  sam_fake_clock_advance (fake_clock, 11 * 60 * G_USEC_PER_SEC);
  g_assert_true (sam_timer_next (timer));
  sam_fake_clock_advance (fake_clock, 14 * 60 * G_USEC_PER_SEC);
  g_assert_true (sam_timer_next (timer));
  sam_fake_clock_advance (fake_clock, 3 * 60 * G_USEC_PER_SEC);
  sam_agenda_page_select (fixture.page, (SamAgendaItem *) agenda_item (&fixture, 3));
  ui_test_run_for (200);
  g_assert_cmpstr (row_text (&fixture, 2, "agenda-status"), ==, "Now");
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "agenda-page.png");
  sam_timer_reset (timer);
  ui_test_close_window (fixture.window);

  /* At the window's default size the details fold away, and come back on
   * demand. */
  show_agenda (&fixture, ui_test_open_demo (1100, 760));
  sam_agenda_page_select (fixture.page, (SamAgendaItem *) agenda_item (&fixture, 1));
  ui_test_run_for (200);
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "agenda-page-default.png");

  g_signal_emit_by_name (fixture.list, "row-activated", row_at (&fixture, 1));
  ui_test_run_for (300);
  g_assert_true (gtk_widget_get_mapped (title_row (&fixture)));
  g_assert_true (focus_is_in (title_row (&fixture)));
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "agenda-page-default-details.png");
  ui_test_close_window (fixture.window);

  /* No items yet. */
  show_agenda (&fixture, ui_test_open_new (1100, 760));
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "agenda-page-empty.png");
  g_assert_true (action_enabled (&fixture, "agenda.add"));
  ui_test_close_window (fixture.window);
}

int
main (int   argc,
      char *argv[])
{

  if (!ui_test_init (&argc, &argv))
    return 77;

  ui_test_create_app ();

  /* A fake clock at 13:00 local time: the timer's times are the test's. */
  fake_clock = ui_test_use_demo_clock ();

  g_test_add_func ("/agenda/build", test_build);
  g_test_add_func ("/agenda/drag-and-drop", test_drag_and_drop);
  g_test_add_func ("/agenda/end-warning", test_end_warning);
  g_test_add_func ("/agenda/activity", test_activity);
  g_test_add_func ("/agenda/running", test_running);
  g_test_add_func ("/agenda/screenshots", test_screenshots);

  return ui_test_run ();
}
