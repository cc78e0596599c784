/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The map view as a facilitator uses it: placing, moving, editing and
 * removing balloons with the page's actions, the mouse and the keys, with
 * undo; choosing the perspective of new balloons; the board's counts, the
 * perspectives that are missing and the notes they become on a wall; the
 * list of perspectives; and a map picture of one's own, including the ones
 * that are turned away. Screenshots go to <builddir>/tests/ui/screenshots/.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sam-entities.h"
#include "sam-map.h"
#include "sam-map-page.h"
#include "sam-map-view.h"
#include "sam-session.h"
#include "ui-test-util.h"

typedef struct
{
  SamWindow  *window;
  SamSession *session;
  SamMapPage *page;
  SamMapView *view;
} Fixture;

static GtkWidget *
find_in (gpointer      root,
         UiTestMatch   match,
         gconstpointer data)
{
  GtkWidget *widget = ui_test_find_widget (GTK_WIDGET (root), match, data);

  if (widget == NULL)
    g_error ("Not found: %s", match == ui_test_is_type ? g_type_name (GPOINTER_TO_SIZE (data)) : (const char *) data);
  return widget;
}

static void
show_map (Fixture   *fixture,
          SamWindow *window)
{
  fixture->window = window;
  fixture->session = sam_window_get_session (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "map"));
  ui_test_settle (window);

  fixture->page = SAM_MAP_PAGE (find_in (window, ui_test_is_type, GSIZE_TO_POINTER (SAM_TYPE_MAP_PAGE)));
  fixture->view = sam_map_page_get_map_view (fixture->page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
  g_assert_true (sam_map_view_get_picture_ok (fixture->view));
}

static guint
n_balloons (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_balloons (fixture->session)));
}

static SamItem *
balloon_at (Fixture *fixture,
            guint    index)
{
  g_autoptr(SamItem) balloon = g_list_model_get_item (G_LIST_MODEL (sam_session_get_balloons (fixture->session)), index);

  g_assert_nonnull (balloon);
  return balloon;
}

static SamItem *
perspective_at (Fixture *fixture,
                guint    index)
{
  g_autoptr(SamItem) perspective = g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (fixture->session)), index);

  g_assert_nonnull (perspective);
  return perspective;
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->page), action, parameter));
  ui_test_run_for (50);
}

static gboolean
label_reads_cb (gpointer data)
{
  gpointer *pair = data;

  return ui_test_find_widget (pair[0], ui_test_is_label_reading, pair[1]) != NULL;
}

static void
wait_for_label (gpointer    root,
                const char *text)
{
  gpointer pair[2] = { root, (gpointer) text };

  if (!ui_test_wait_for (label_reads_cb, pair))
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      ui_test_collect_widgets (root, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL), labels);
      for (guint i = 0; i < labels->len; i++)
        g_test_message ("Label: %s (%s)", gtk_label_get_text (g_ptr_array_index (labels, i)),
                        gtk_widget_get_mapped (g_ptr_array_index (labels, i)) ? "shown" : "hidden");
      g_error ("No label reads “%s”", text);
    }
}

/* The widget point of the map at fractions (@x, @y) of the picture. */
static void
picture_point (Fixture *fixture,
               double   x,
               double   y,
               double  *wx,
               double  *wy)
{
  graphene_rect_t rect;

  g_assert_true (sam_map_view_get_picture_rect (fixture->view, &rect));
  *wx = rect.origin.x + x * rect.size.width;
  *wy = rect.origin.y + y * rect.size.height;
}

/* Placing, moving and removing with the actions */

static void
test_actions (void)
{
  Fixture fixture;
  SamItem *balloon;
  SamItem *first;

  show_map (&fixture, ui_test_open_new (1400, 900));
  g_assert_cmpuint (n_balloons (&fixture), ==, 0);
  first = perspective_at (&fixture, 0);
  g_assert_cmpstr (sam_map_view_get_current_perspective (fixture.view), ==, sam_item_get_id (first));
  wait_for_label (fixture.page, "No balloons yet. Choose a perspective above, then click the map where you are based.");

  activate (&fixture, "map.place-balloon", g_variant_new ("(dd)", 0.25, 0.75));
  g_assert_cmpuint (n_balloons (&fixture), ==, 1);
  balloon = balloon_at (&fixture, 0);
  g_assert_cmpfloat_with_epsilon (sam_item_get_double (balloon, "x"), 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (sam_item_get_double (balloon, "y"), 0.75, 1e-9);
  g_assert_cmpstr (sam_item_get_string (balloon, "perspective"), ==, sam_item_get_id (first));
  g_assert_true (sam_map_view_get_selected (fixture.view) == balloon);
  g_assert_true (sam_session_get_dirty (fixture.session));

  /* Placing is one step to undo, and to redo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  g_assert_cmpuint (n_balloons (&fixture), ==, 0);
  ui_test_run_for (50);
  g_assert_null (sam_map_view_get_selected (fixture.view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.redo", NULL));
  g_assert_cmpuint (n_balloons (&fixture), ==, 1);

  /* Remove takes the selected balloon away, and a toast offers it back. */
  sam_map_view_set_selected (fixture.view, balloon_at (&fixture, 0));
  activate (&fixture, "map.remove-balloon", NULL);
  g_assert_cmpuint (n_balloons (&fixture), ==, 0);
  wait_for_label (fixture.window, "Balloon removed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  g_assert_cmpuint (n_balloons (&fixture), ==, 1);
  /* The undo was an edit: the toast, whose Undo would now take back
   * something else, is gone. */
  {
    gpointer pair[2] = { fixture.window, (gpointer) "Balloon removed" };

    /* Well before it would time out (5 s): only its hiding is waited for. */
    ui_test_run_for (800);
    g_assert_false (label_reads_cb (pair));
  }

  ui_test_close_window (fixture.window);
}

/* Placing, moving and removing with the mouse and the keys */

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
  g_error ("The map has no %s", g_type_name (type));
}

static void
click_at (Fixture *fixture,
          double   x,
          double   y,
          int      n_press)
{
  GtkEventController *click = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_CLICK);
  double wx, wy;

  picture_point (fixture, x, y, &wx, &wy);
  g_signal_emit_by_name (click, "pressed", n_press, wx, wy);
  g_signal_emit_by_name (click, "released", n_press, wx, wy);
  ui_test_run_for (30);
}

static void
drag (Fixture *fixture,
      double   from_x,
      double   from_y,
      double   to_x,
      double   to_y)
{
  GtkEventController *gesture = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_DRAG);
  double wx, wy, tx, ty;

  picture_point (fixture, from_x, from_y, &wx, &wy);
  picture_point (fixture, to_x, to_y, &tx, &ty);
  g_signal_emit_by_name (gesture, "drag-begin", wx, wy);
  for (int step = 1; step <= 4; step++)
    {
      g_signal_emit_by_name (gesture, "drag-update", (tx - wx) * step / 4, (ty - wy) * step / 4);
      ui_test_run_for (10);
    }
  g_signal_emit_by_name (gesture, "drag-end", tx - wx, ty - wy);
  ui_test_run_for (30);
}

static void
press_key (Fixture        *fixture,
           guint           keyval,
           GdkModifierType state)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  g_assert_true (handled);
  ui_test_run_for (30);
}

/* The balloon editor: the popover over the map. */
static gboolean
is_editor (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_POPOVER (widget) && SAM_IS_MAP_VIEW (gtk_widget_get_parent (widget));
}

static void
test_input (void)
{
  Fixture fixture;
  SamItem *balloon;
  double x, y;

  show_map (&fixture, ui_test_open_new (1400, 900));

  /* A click on the picture places a balloon there. */
  click_at (&fixture, 0.4, 0.5, 1);
  g_assert_cmpuint (n_balloons (&fixture), ==, 1);
  balloon = balloon_at (&fixture, 0);
  g_assert_cmpfloat_with_epsilon (sam_item_get_double (balloon, "x"), 0.4, 0.01);
  g_assert_cmpfloat_with_epsilon (sam_item_get_double (balloon, "y"), 0.5, 0.01);
  g_assert_true (sam_map_view_get_selected (fixture.view) == balloon);
  {
    double wx, wy;

    picture_point (&fixture, 0.4, 0.5, &wx, &wy);
    g_assert_true (sam_map_view_pick (fixture.view, wx, wy) == balloon);
  }

  /* A click on a balloon selects it rather than placing another. */
  sam_map_view_set_selected (fixture.view, NULL);
  click_at (&fixture, 0.4, 0.5, 1);
  g_assert_cmpuint (n_balloons (&fixture), ==, 1);
  g_assert_true (sam_map_view_get_selected (fixture.view) == balloon);

  /* A drag moves it, as one step to undo. */
  drag (&fixture, 0.4, 0.5, 0.6, 0.3);
  g_assert_cmpuint (n_balloons (&fixture), ==, 1);
  g_assert_cmpfloat_with_epsilon (sam_item_get_double (balloon, "x"), 0.6, 0.01);
  g_assert_cmpfloat_with_epsilon (sam_item_get_double (balloon, "y"), 0.3, 0.01);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  g_assert_cmpfloat_with_epsilon (sam_item_get_double (balloon, "x"), 0.4, 0.01);
  g_assert_cmpfloat_with_epsilon (sam_item_get_double (balloon, "y"), 0.5, 0.01);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.redo", NULL));

  /* The arrows move the selected balloon, Shift further. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture.view));
  sam_map_view_set_selected (fixture.view, balloon);
  x = sam_item_get_double (balloon, "x");
  y = sam_item_get_double (balloon, "y");
  press_key (&fixture, GDK_KEY_Right, 0);
  g_assert_cmpfloat_with_epsilon (sam_item_get_double (balloon, "x"), x + 0.01, 1e-6);
  press_key (&fixture, GDK_KEY_Down, GDK_SHIFT_MASK);
  g_assert_cmpfloat_with_epsilon (sam_item_get_double (balloon, "y"), y + 0.05, 1e-6);

  /* The number keys choose the perspective of new balloons. */
  press_key (&fixture, GDK_KEY_3, 0);
  g_assert_cmpstr (sam_map_view_get_current_perspective (fixture.view), ==,
                   sam_item_get_id (perspective_at (&fixture, 2)));

  /* Escape lets go of the balloon; Enter then places one at the crosshair,
   * of the chosen perspective. */
  press_key (&fixture, GDK_KEY_Escape, 0);
  g_assert_null (sam_map_view_get_selected (fixture.view));
  press_key (&fixture, GDK_KEY_Return, 0);
  g_assert_cmpuint (n_balloons (&fixture), ==, 2);
  g_assert_cmpstr (sam_item_get_string (balloon_at (&fixture, 1), "perspective"), ==,
                   sam_item_get_id (perspective_at (&fixture, 2)));

  /* Delete removes the selected balloon, and offers it back. */
  g_assert_true (sam_map_view_get_selected (fixture.view) == balloon_at (&fixture, 1));
  press_key (&fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (n_balloons (&fixture), ==, 1);
  g_assert_true (balloon_at (&fixture, 0) == balloon);
  wait_for_label (fixture.window, "Balloon removed");

  /* A double click opens the balloon's editor. */
  click_at (&fixture, sam_item_get_double (balloon, "x"), sam_item_get_double (balloon, "y"), 2);
  g_assert_true (ui_test_wait_for (ui_test_is_mapped,
                                   find_in (fixture.window, is_editor, NULL)));

  /* Keys typed in the editor are not the map's: Delete there leaves the
   * balloon alone. */
  {
    GtkEventController *keys = find_controller (GTK_WIDGET (fixture.view), GTK_TYPE_EVENT_CONTROLLER_KEY);
    GtkWidget *entry = find_in (find_in (fixture.window, is_editor, NULL), ui_test_is_type,
                                GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
    gboolean handled = TRUE;

    gtk_widget_grab_focus (entry);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Delete, 0, 0, &handled);
    g_assert_false (handled);
    g_assert_cmpuint (n_balloons (&fixture), ==, 1);
  }

  ui_test_close_window (fixture.window);
}

/* The perspective of new balloons */

static gboolean
is_perspective_button (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_has_css_class (widget, "perspective-button") &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static void
test_perspective_buttons (void)
{
  Fixture fixture;
  SamItem *school;
  GtkWidget *button;
  GtkWidget *region_button;

  show_map (&fixture, ui_test_open_new (1400, 900));
  school = perspective_at (&fixture, 2);
  g_assert_cmpstr (sam_item_get_string (school, "name"), ==, "School");

  region_button = find_in (fixture.page, is_perspective_button, "New balloons are “Region” (1)");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (region_button)));
  button = find_in (fixture.page, is_perspective_button, "New balloons are “School” (3)");
  g_signal_emit_by_name (button, "clicked");
  ui_test_run_for (30);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (region_button)));
  g_assert_cmpstr (sam_map_view_get_current_perspective (fixture.view), ==, sam_item_get_id (school));

  activate (&fixture, "map.place-balloon", g_variant_new ("(dd)", 0.5, 0.5));
  g_assert_cmpstr (sam_item_get_string (balloon_at (&fixture, 0), "perspective"), ==, sam_item_get_id (school));

  ui_test_close_window (fixture.window);
}

/* The board */

static gboolean
is_column_titled (SamItem    *column,
                  const char *title)
{
  return g_strcmp0 (sam_item_get_string (column, "title"), title) == 0;
}

static SamItem *
invite_column (Fixture *fixture)
{
  g_autoptr(SamItem) wall = g_list_model_get_item (G_LIST_MODEL (sam_session_get_walls (fixture->session)), 0);
  GListStore *columns = sam_item_get_list (wall, "columns");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (columns)); i++)
    {
      g_autoptr(SamItem) column = g_list_model_get_item (G_LIST_MODEL (columns), i);

      if (is_column_titled (column, "Vilka fler ska vi bjuda in?"))
        return column;
    }
  g_error ("The demo has no column for whom to invite");
}

static guint
n_notes (SamItem *column)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (column, "notes")));
}

static void
test_board (void)
{
  Fixture fixture;
  SamItem *column;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autofree char *places = NULL;
  g_autofree char *expected = NULL;
  guint before;

  show_map (&fixture, ui_test_open_demo (1600, 1000));

  /* The count by place below the map is the one the model makes. */
  counts = sam_map_count_places (fixture.session, sam_map_places_get_builtin ());
  places = sam_map_format_place_counts (counts);
  g_assert_cmpstr (places, ==, "Karlskrona 4, Karlshamn 3, Olofström 2, Sölvesborg 2, Ronneby 2, elsewhere 1");
  expected = g_strdup_printf ("%u balloons: %s", n_balloons (&fixture), places);
  wait_for_label (fixture.page, expected);

  /* The perspectives no one here brings become notes on the wall's column
   * for whom to invite, once each. */
  gaps = sam_map_find_gaps (fixture.session);
  if (gaps->len == 0)
    {
      /* Make one: nobody from the last perspective. */
      SamItem *last = perspective_at (&fixture, g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_perspectives (fixture.session))) - 1);
      GListStore *balloons = sam_session_get_balloons (fixture.session);

      for (guint i = g_list_model_get_n_items (G_LIST_MODEL (balloons)); i > 0; i--)
        {
          g_autoptr(SamItem) balloon = g_list_model_get_item (G_LIST_MODEL (balloons), i - 1);

          if (g_strcmp0 (sam_item_get_string (balloon, "perspective"), sam_item_get_id (last)) == 0)
            sam_session_remove (fixture.session, balloon);
        }
      g_clear_pointer (&gaps, g_ptr_array_unref);
      gaps = sam_map_find_gaps (fixture.session);
    }
  g_assert_cmpuint (gaps->len, >, 0);
  wait_for_label (fixture.page, sam_item_get_string (g_ptr_array_index (gaps, gaps->len - 1), "name"));

  column = invite_column (&fixture);
  before = n_notes (column);
  activate (&fixture, "map.add-gaps-to-wall", g_variant_new_string (sam_item_get_id (column)));
  g_assert_cmpuint (n_notes (column), ==, before + gaps->len);
  {
    g_autoptr(SamItem) note = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (column, "notes")), before);

    g_assert_cmpstr (sam_item_get_string (note, "perspective"), ==,
                     sam_item_get_id (g_ptr_array_index (gaps, 0)));
    g_assert_true (g_str_has_prefix (sam_item_get_string (note, "text"),
                                     sam_item_get_string (g_ptr_array_index (gaps, 0), "name")));
  }
  /* Twice adds nothing more; one undo takes them all back. */
  activate (&fixture, "map.add-gaps-to-wall", g_variant_new_string (sam_item_get_id (column)));
  g_assert_cmpuint (n_notes (column), ==, before + gaps->len);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  g_assert_cmpuint (n_notes (column), ==, before);

  ui_test_close_window (fixture.window);
}

static void
test_no_wall (void)
{
  Fixture fixture;
  GListStore *walls;
  g_autoptr(SamItem) wall = NULL;
  g_autoptr(SamItem) column = NULL;

  /* A new session: no one is here yet, so every perspective is missing,
   * and there is no wall: one is made for them. */
  show_map (&fixture, ui_test_open_new (1400, 900));
  walls = sam_session_get_walls (fixture.session);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (walls)), ==, 0);
  activate (&fixture, "map.add-gaps-to-wall", g_variant_new_string (""));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (walls)), ==, 1);
  wall = g_list_model_get_item (G_LIST_MODEL (walls), 0);
  column = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (wall, "columns")), 0);
  g_assert_cmpstr (sam_item_get_string (column, "title"), ==, "Who Else Should We Invite?");
  g_assert_cmpuint (n_notes (column), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_perspectives (fixture.session))));

  ui_test_close_window (fixture.window);
}

/* The list of perspectives */

static gboolean
is_expander_titled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return ADW_IS_EXPANDER_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static void
test_perspectives (void)
{
  Fixture fixture;
  GListStore *perspectives;
  SamItem *added;
  SamItem *school;
  GtkWidget *row;
  GtkWidget *name_row;
  guint n;

  show_map (&fixture, ui_test_open_new (1600, 1000));
  perspectives = sam_session_get_perspectives (fixture.session);
  n = g_list_model_get_n_items (G_LIST_MODEL (perspectives));

  /* A new perspective gets a colour and letters no other one has. */
  activate (&fixture, "map.add-perspective", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (perspectives)), ==, n + 1);
  added = perspective_at (&fixture, n);
  for (guint i = 0; i < n; i++)
    {
      SamItem *other = perspective_at (&fixture, i);
      g_autofree char *symbol = sam_perspective_dup_symbol (other);
      g_autofree char *added_symbol = sam_perspective_dup_symbol (added);
      g_autofree char *color = g_ascii_strdown (sam_item_get_string (other, "color"), -1);
      g_autofree char *added_color = g_ascii_strdown (sam_item_get_string (added, "color"), -1);

      g_assert_cmpstr (color, !=, added_color);
      g_assert_cmpstr (symbol, !=, added_symbol);
    }

  /* Its row opens, and naming it there names it. */
  ui_test_run_for (100);
  row = find_in (fixture.page, is_expander_titled, "New Perspective");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  name_row = find_in (row, is_entry_row_titled, "Name");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Police & <Rescue>");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (sam_item_get_string (added, "name"), ==, "Police & <Rescue>");
  ui_test_run_for (50);
  find_in (fixture.page, is_expander_titled, "Police & <Rescue>");

  /* Removing a perspective keeps its balloons, without it; undo brings it
   * back, with them. */
  school = perspective_at (&fixture, 2);
  sam_map_view_set_current_perspective (fixture.view, sam_item_get_id (school));
  activate (&fixture, "map.place-balloon", g_variant_new ("(dd)", 0.5, 0.5));
  row = find_in (fixture.page, is_expander_titled, "School");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  ui_test_run_for (50);
  g_signal_emit_by_name (find_in (row, ui_test_is_button_labelled, "_Remove"), "clicked");
  ui_test_run_for (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (perspectives)), ==, n);
  g_assert_cmpuint (n_balloons (&fixture), ==, 1);
  g_assert_cmpstr (sam_item_get_string (balloon_at (&fixture, 0), "perspective"), ==, "");
  wait_for_label (fixture.window, "Perspective “School” removed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (perspectives)), ==, n + 1);
  g_assert_cmpstr (sam_item_get_string (balloon_at (&fixture, 0), "perspective"), ==, sam_item_get_id (school));

  /* A name with markup characters is shown as it is written. */
  row = find_in (fixture.page, is_expander_titled, "Police & <Rescue>");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  ui_test_run_for (50);
  g_signal_emit_by_name (find_in (row, ui_test_is_button_labelled, "_Remove"), "clicked");
  wait_for_label (fixture.window, "Perspective “Police & <Rescue>” removed");

  ui_test_close_window (fixture.window);
}

/* The balloon editor */

static void
test_editor (void)
{
  Fixture fixture;
  SamItem *balloon;
  GtkPopover *popover;
  GtkEntry *entry;
  GtkDropDown *participant;

  show_map (&fixture, ui_test_open_demo (1600, 1000));
  activate (&fixture, "map.place-balloon", g_variant_new ("(dd)", 0.5, 0.5));
  balloon = sam_map_view_get_selected (fixture.view);
  g_assert_nonnull (balloon);

  activate (&fixture, "map.edit-balloon", NULL);
  popover = GTK_POPOVER (find_in (fixture.window, is_editor, NULL));
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, popover));
  entry = GTK_ENTRY (find_in (popover, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Åsa, rektor");
  g_signal_emit_by_name (entry, "activate");
  ui_test_run_for (50);
  g_assert_cmpstr (sam_item_get_string (balloon, "label"), ==, "Åsa, rektor");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Choosing a participant links the balloon to them. */
  activate (&fixture, "map.edit-balloon", NULL);
  participant = GTK_DROP_DOWN (find_in (popover, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN)));
  gtk_drop_down_set_selected (participant, 1);
  {
    g_autoptr(SamItem) first = g_list_model_get_item (G_LIST_MODEL (sam_session_get_participants (fixture.session)), 0);

    g_assert_cmpstr (sam_item_get_string (balloon, "participant"), ==, sam_item_get_id (first));
  }
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "map-editor.png");
  gtk_popover_popdown (popover);

  ui_test_close_window (fixture.window);
}

/* A map picture of one's own */

static char *
write_png (int width,
           int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autofree char *path = g_build_filename (ui_test_tmp_dir, "room.png", NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0xdde6eeff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static gboolean
has_map_image_cb (gpointer data)
{
  SamSession *session = data;
  g_autoptr(GBytes) image = NULL;

  g_object_get (session, "map-image", &image, NULL);
  return image != NULL;
}

static char *
write_file (const char *name,
            const char *contents,
            gsize       size)
{
  g_autofree char *path = g_build_filename (ui_test_tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, size, &error));
  return g_steal_pointer (&path);
}

static void
load_picture (Fixture    *fixture,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  sam_map_page_load_picture (fixture->page, file);
}

static void
test_picture (void)
{
  Fixture fixture;
  g_autofree char *png = write_png (800, 600);
  g_autofree char *text = write_file ("notes.png", "These are not a picture.\n", -1);
  g_autofree char *big = g_build_filename (ui_test_tmp_dir, "huge.png", NULL);
  g_autoptr(GBytes) image = NULL;
  g_autofree char *type = NULL;
  graphene_rect_t rect;
  FILE *f;

  show_map (&fixture, ui_test_open_new (1400, 900));
  activate (&fixture, "map.place-balloon", g_variant_new ("(dd)", 0.2, 0.2));

  /* What is not a picture is turned away, whatever its name, and the map
   * stays. */
  load_picture (&fixture, text);
  wait_for_label (fixture.window, "Could not use “notes.png” as the map. This file is not a PNG, JPEG or SVG picture.");
  g_assert_false (has_map_image_cb (fixture.session));

  /* So is a picture larger than the limit, before it is read. */
  f = g_fopen (big, "wb");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, SAM_MAP_IMAGE_MAX_SIZE + 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', f), !=, EOF);
  fclose (f);
  load_picture (&fixture, big);
  wait_for_label (fixture.window, "Could not use “huge.png” as the map. "
                                  "The picture is 9.1\u00a0MiB; a map can be at most 8.0\u00a0MiB.");
  g_assert_false (has_map_image_cb (fixture.session));

  /* A PNG becomes the map, and the balloons stay where they were on it. */
  load_picture (&fixture, png);
  g_assert_true (ui_test_wait_for (has_map_image_cb, fixture.session));
  g_object_get (fixture.session, "map-image", &image, "map-image-type", &type, NULL);
  g_assert_cmpstr (type, ==, "image/png");
  ui_test_run_for (100);
  g_assert_true (sam_map_view_get_picture_ok (fixture.view));
  g_assert_true (sam_map_view_get_picture_rect (fixture.view, &rect));
  g_assert_cmpfloat_with_epsilon (rect.size.width / rect.size.height, 800.0 / 600.0, 0.01);
  g_assert_cmpfloat_with_epsilon (sam_item_get_double (balloon_at (&fixture, 0), "x"), 0.2, 1e-9);

  /* Back to Blekinge, as one step to undo. */
  activate (&fixture, "map.reset-picture", NULL);
  g_assert_false (has_map_image_cb (fixture.session));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  g_assert_true (has_map_image_cb (fixture.session));

  ui_test_close_window (fixture.window);
}

static void
test_screenshot (void)
{
  Fixture fixture;

  show_map (&fixture, ui_test_open_demo (1920, 1080));
  sam_map_view_set_selected (fixture.view, balloon_at (&fixture, 0));
  ui_test_run_for (200);
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "map-page.png");
  ui_test_close_window (fixture.window);

  show_map (&fixture, ui_test_open_new (1200, 800));
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "map-page-empty.png");
  ui_test_close_window (fixture.window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  ui_test_create_app ();

  g_test_add_func ("/map/actions", test_actions);
  g_test_add_func ("/map/input", test_input);
  g_test_add_func ("/map/perspective-buttons", test_perspective_buttons);
  g_test_add_func ("/map/board", test_board);
  g_test_add_func ("/map/no-wall", test_no_wall);
  g_test_add_func ("/map/perspectives", test_perspectives);
  g_test_add_func ("/map/editor", test_editor);
  g_test_add_func ("/map/picture", test_picture);
  g_test_add_func ("/map/screenshot", test_screenshot);

  return ui_test_run ();
}
