/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The participants window as a facilitator uses it: adding someone and
 * typing their name, marking them present or not, the perspectives they
 * carry, removing them and taking it back from the toast, and importing a
 * list from a CSV file — a good one, one with rows that cannot be used and
 * files that are no list at all. Screenshots go to
 * <builddir>/tests/ui/screenshots/.
 */

#include "config.h"

#include "sam-entities.h"
#include "sam-history.h"
#include "sam-roster-window.h"
#include "sam-session.h"
#include "ui-test-util.h"

typedef struct
{
  SamWindow       *window;
  SamSession      *session;
  SamRosterWindow *roster;
} Fixture;

/* Finding things */

static GtkWidget *
find_in (gpointer      root,
         UiTestMatch   match,
         gconstpointer data)
{
  GtkWidget *widget = ui_test_find_widget (GTK_WIDGET (root), match, data);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) && ui_test_is_row_titled (widget, data);
}

static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), data) == 0;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
is_perspective_toggle (GtkWidget     *widget,
                       gconstpointer  data)
{
  GtkWidget *label;

  if (!GTK_IS_TOGGLE_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  label = ui_test_find_widget (widget, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL));
  return label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), data) == 0;
}

static gboolean
is_roster_list (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "roster-list");
}

static GtkListBox *
roster_list (Fixture *fixture)
{
  /* Also when the window shows that there is no one. */
  return GTK_LIST_BOX (find_in (fixture->roster, is_roster_list, NULL));
}

static guint
n_rows (Fixture *fixture)
{
  GtkListBox *list = roster_list (fixture);
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static AdwExpanderRow *
row_at (Fixture *fixture,
        guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (roster_list (fixture), index);

  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  return ADW_EXPANDER_ROW (row);
}

static GListModel *
participants (Fixture *fixture)
{
  return G_LIST_MODEL (sam_session_get_participants (fixture->session));
}

static guint
n_participants (Fixture *fixture)
{
  return g_list_model_get_n_items (participants (fixture));
}

static SamItem *
participant_at (Fixture *fixture,
                guint    index)
{
  g_autoptr(SamItem) item = g_list_model_get_item (participants (fixture), index);

  g_assert_nonnull (item);
  /* The session holds it. */
  return item;
}

static SamItem *
perspective_named (Fixture    *fixture,
                   const char *name)
{
  GListModel *perspectives = G_LIST_MODEL (sam_session_get_perspectives (fixture->session));

  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, i);

      if (g_strcmp0 (sam_item_get_string (perspective, "name"), name) == 0)
        return perspective;
    }

  g_error ("No perspective “%s”", name);
}

/* Setting up */

static void
open_roster (Fixture   *fixture,
             SamWindow *window)
{
  fixture->window = window;
  fixture->session = sam_window_get_session (window);
  fixture->roster = sam_roster_window_new (GTK_WINDOW (window), fixture->session);
  g_object_add_weak_pointer (G_OBJECT (fixture->roster), (gpointer *) &fixture->roster);

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->roster)) == GTK_WINDOW (window));
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (fixture->roster)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->roster)), ==, "Participants");

  gtk_window_present (GTK_WINDOW (fixture->roster));
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, fixture->roster));
  ui_test_run_for (100);
}

static void
close_all (Fixture *fixture)
{
  if (fixture->roster != NULL)
    gtk_window_close (GTK_WINDOW (fixture->roster));
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &fixture->roster));
  ui_test_close_window (fixture->window);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ui_test_run_for (50);
}

/* Types @text into @entry and presses Enter, as a person would. */
static void
type_and_enter (GtkWidget  *entry,
                const char *text)
{
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)));

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (delegate, "activate");
  ui_test_run_for (50);
}

static char *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (ui_test_tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

typedef struct
{
  GtkWindow  *parent;
  const char *heading;
} DialogQuery;

static GtkWindow *
find_dialog (GtkWindow *parent)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, parent);
}

static gboolean
dialog_shown_cb (gpointer data)
{
  DialogQuery *query = data;
  GtkWindow *dialog = find_dialog (query->parent);

  return dialog != NULL && ui_test_is_mapped (dialog) &&
         g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), query->heading) == 0;
}

/* Imports @path and returns the report that shows, headed @heading. */
static AdwMessageDialog *
import_file (Fixture    *fixture,
             const char *path,
             const char *heading)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DialogQuery query = { GTK_WINDOW (fixture->roster), heading };

  sam_roster_window_import_file (fixture->roster, file);
  if (!ui_test_wait_for (dialog_shown_cb, &query))
    {
      GtkWindow *dialog = find_dialog (GTK_WINDOW (fixture->roster));

      g_error ("No dialog “%s” appeared (shown: “%s”)", heading,
               dialog != NULL ? adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)) : "none");
    }

  return ADW_MESSAGE_DIALOG (find_dialog (GTK_WINDOW (fixture->roster)));
}

static gboolean
has_text_cb (gpointer data)
{
  const char **query = data;

  return ui_test_find_widget (GTK_WIDGET (query[0]), is_label_containing, query[1]) != NULL;
}

/* Waits for a toast (or any label) of the roster window to read @text. */
static void
assert_shows (Fixture    *fixture,
              const char *text)
{
  const char *query[] = { (const char *) fixture->roster, text };

  if (!ui_test_wait_for (has_text_cb, query))
    g_error ("The window does not show “%s”", text);
}

/* The action that @accelerator runs in @widget, from its own shortcuts
 * (the keys a person presses), or NULL. */
static char *
action_for_keys (GtkWidget  *widget,
                 const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }

  return NULL;
}

/* Tests */

static gboolean
n_rows_is_0_cb (gpointer data)
{
  return gtk_list_box_get_row_at_index (data, 0) == NULL;
}

static gboolean
n_rows_is_1_cb (gpointer data)
{
  return gtk_list_box_get_row_at_index (data, 0) != NULL &&
         gtk_list_box_get_row_at_index (data, 1) == NULL;
}

static void
test_edit (void)
{
  Fixture fixture = { 0 };
  AdwExpanderRow *row;
  GtkWidget *name_entry;
  GtkWidget *organisation_entry;
  GtkWidget *present_switch;
  GtkWidget *school;
  SamItem *participant;
  const char * const *chosen;
  g_autofree char *undo_action = NULL;
  g_autofree char *redo_action = NULL;

  open_roster (&fixture, ui_test_open_new (1000, 700));

  /* A new session has no one yet: the window says how to begin. */
  g_assert_cmpuint (n_participants (&fixture), ==, 0);
  find_in (fixture.roster, is_status_page_titled, "No Participants");

  /* Add: a row opens with the focus in its Name. */
  click (find_in (fixture.roster, is_button_for_action, "roster.add"));
  g_assert_cmpuint (n_participants (&fixture), ==, 1);
  g_assert_cmpuint (n_rows (&fixture), ==, 1);
  g_assert_null (ui_test_find_widget (GTK_WIDGET (fixture.roster), is_status_page_titled, "No Participants"));
  row = row_at (&fixture, 0);
  g_assert_true (adw_expander_row_get_expanded (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Unnamed");
  participant = participant_at (&fixture, 0);
  g_assert_true (sam_item_get_boolean (participant, "present"));
  ui_test_run_for (200);

  name_entry = find_in (row, is_entry_row_titled, "Name");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (name_entry)))));
  type_and_enter (name_entry, "Anna Berg & Co");
  g_assert_cmpstr (sam_item_get_string (participant, "name"), ==, "Anna Berg & Co");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Anna Berg & Co");
  assert_shows (&fixture, "1 participant, 1 present");

  /* The name was one undo step, and Ctrl+Z of this window takes it back
   * (the application's keys are for its main windows). */
  undo_action = action_for_keys (GTK_WIDGET (fixture.roster), "<Control>z");
  redo_action = action_for_keys (GTK_WIDGET (fixture.roster), "<Control><Shift>z");
  g_assert_cmpstr (undo_action, ==, "roster.undo");
  g_assert_cmpstr (redo_action, ==, "roster.redo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.roster), "roster.undo", NULL));
  g_assert_cmpstr (sam_item_get_string (participant, "name"), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_entry)), ==, "");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Unnamed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.roster), "roster.redo", NULL));
  g_assert_cmpstr (sam_item_get_string (participant, "name"), ==, "Anna Berg & Co");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_entry)), ==, "Anna Berg & Co");

  /* Typed without Enter: applied when the focus moves on. */
  organisation_entry = find_in (row, is_entry_row_titled, "Organisation");
  gtk_widget_grab_focus (organisation_entry);
  gtk_editable_set_text (GTK_EDITABLE (organisation_entry), "  Region Blekinge ");
  gtk_widget_grab_focus (find_in (row, is_entry_row_titled, "Municipality"));
  ui_test_run_for (50);
  g_assert_cmpstr (sam_item_get_string (participant, "organisation"), ==, "Region Blekinge");
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Region Blekinge");

  /* … and when the session's window saves (it applies this window). */
  gtk_editable_set_text (GTK_EDITABLE (find_in (row, is_entry_row_titled, "Municipality")), "Ronneby");
  sam_roster_window_apply (fixture.roster);
  g_assert_cmpstr (sam_item_get_string (participant, "municipality"), ==, "Ronneby");
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Region Blekinge · Ronneby");

  /* A perspective: one toggle, one undo step. */
  school = find_in (row, is_perspective_toggle, "School");
  click (school);
  chosen = sam_item_get_strv (participant, "perspectives");
  g_assert_nonnull (chosen);
  g_assert_cmpuint (g_strv_length ((char **) chosen), ==, 1);
  g_assert_cmpstr (chosen[0], ==, sam_item_get_id (perspective_named (&fixture, "School")));
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Region Blekinge · Ronneby · School");
  click (find_in (row, is_perspective_toggle, "Region"));
  chosen = sam_item_get_strv (participant, "perspectives");
  /* In the session's order, whatever the order of the clicks. */
  g_assert_cmpuint (g_strv_length ((char **) chosen), ==, 2);
  g_assert_cmpstr (chosen[0], ==, sam_item_get_id (perspective_named (&fixture, "Region")));
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Region Blekinge · Ronneby · Region, School");
  sam_session_undo (fixture.session);
  g_assert_cmpuint (g_strv_length ((char **) sam_item_get_strv (participant, "perspectives")), ==, 1);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_in (row, is_perspective_toggle, "Region"))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (school)));

  /* A perspective renamed elsewhere is renamed here. */
  sam_session_begin (fixture.session, "Rename");
  sam_session_set (fixture.session, perspective_named (&fixture, "School"), "name", "Schools", NULL);
  sam_session_end (fixture.session);
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Region Blekinge · Ronneby · Schools");
  g_assert_true (is_perspective_toggle (school, "Schools"));
  sam_session_undo (fixture.session);

  /* Present: the switch in the header, and the filter. */
  present_switch = find_in (row, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_SWITCH));
  gtk_switch_set_active (GTK_SWITCH (present_switch), FALSE);
  g_assert_false (sam_item_get_boolean (participant, "present"));
  assert_shows (&fixture, "1 participant, 0 present");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_in (fixture.roster, ui_test_is_button_labelled,
                                                             "_Present Only")), TRUE);
  g_assert_true (ui_test_wait_for (n_rows_is_0_cb, roster_list (&fixture)));
  assert_shows (&fixture, "No one is marked as present.");

  /* Back present (by undo): back in the filtered list. */
  sam_session_undo (fixture.session);
  g_assert_true (sam_item_get_boolean (participant, "present"));
  g_assert_true (ui_test_wait_for (n_rows_is_1_cb, roster_list (&fixture)));
  row = row_at (&fixture, 0);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_in (row, ui_test_is_type,
                                                             GSIZE_TO_POINTER (GTK_TYPE_SWITCH)))));

  /* Switched off while the filter shows only who is here: the row goes. */
  adw_expander_row_set_expanded (row, TRUE);
  ui_test_run_for (100);
  gtk_editable_set_text (GTK_EDITABLE (find_in (row, is_entry_row_titled, "Municipality")), "Karlskrona");
  gtk_switch_set_active (GTK_SWITCH (find_in (row, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_SWITCH))), FALSE);
  g_assert_true (ui_test_wait_for (n_rows_is_0_cb, roster_list (&fixture)));
  /* What was typed in it was kept. */
  g_assert_cmpstr (sam_item_get_string (participant, "municipality"), ==, "Karlskrona");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_in (fixture.roster, ui_test_is_button_labelled,
                                                             "_Present Only")), FALSE);
  g_assert_cmpuint (n_rows (&fixture), ==, 1);
  row = row_at (&fixture, 0);

  /* Remove, and take it back from the toast. */
  adw_expander_row_set_expanded (row, TRUE);
  ui_test_run_for (100);
  click (find_in (row, ui_test_is_button_labelled, "_Remove"));
  g_assert_cmpuint (n_participants (&fixture), ==, 0);
  assert_shows (&fixture, "Removed “Anna Berg & Co”");
  find_in (fixture.roster, is_status_page_titled, "No Participants");
  click (find_in (fixture.roster, ui_test_is_button_labelled, "_Undo"));
  g_assert_cmpuint (n_participants (&fixture), ==, 1);
  participant = participant_at (&fixture, 0);
  g_assert_cmpstr (sam_item_get_string (participant, "name"), ==, "Anna Berg & Co");
  g_assert_cmpstr (sam_item_get_string (participant, "municipality"), ==, "Karlskrona");
  g_assert_cmpuint (n_rows (&fixture), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (&fixture, 0))), ==,
                   "Anna Berg & Co");

  close_all (&fixture);
}

static void
test_import (void)
{
  Fixture fixture = { 0 };
  g_autofree char *path = NULL;
  AdwMessageDialog *dialog;
  SamItem *participant;
  const char * const *chosen;

  open_roster (&fixture, ui_test_open_new (1000, 700));

  /* As Swedish Excel saves it: semicolons and Swedish column names. */
  path = write_file ("deltagare.csv",
                     "Namn;Organisation;Kommun;Perspektiv;Närvarande\r\n"
                     "Anna Berg;Region Blekinge;Karlskrona;Region;ja\r\n"
                     "Bo Ek;\"Ek & Son; AB\";Ronneby;Business, Municipality;nej\r\n"
                     "Cecilia Lind;Blekinge tekniska högskola;Karlskrona;Research/academia;ja\r\n",
                     -1);
  dialog = import_file (&fixture, path, "Import 3 Participants?");
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "import"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "import"), ==, ADW_RESPONSE_SUGGESTED);
  /* Nothing is added before the person says so. */
  g_assert_cmpuint (n_participants (&fixture), ==, 0);
  ui_test_save_screenshot (GTK_WIDGET (dialog), "roster-import.png");

  ui_test_respond (dialog, "import");
  g_assert_cmpuint (n_participants (&fixture), ==, 3);
  g_assert_cmpuint (n_rows (&fixture), ==, 3);
  assert_shows (&fixture, "Imported 3 participants");
  assert_shows (&fixture, "3 participants, 2 present");

  participant = participant_at (&fixture, 1);
  g_assert_cmpstr (sam_item_get_string (participant, "name"), ==, "Bo Ek");
  g_assert_cmpstr (sam_item_get_string (participant, "organisation"), ==, "Ek & Son; AB");
  g_assert_false (sam_item_get_boolean (participant, "present"));
  chosen = sam_item_get_strv (participant, "perspectives");
  g_assert_cmpuint (g_strv_length ((char **) chosen), ==, 2);
  g_assert_true (g_strv_contains (chosen, sam_item_get_id (perspective_named (&fixture, "Business"))));
  g_assert_true (g_strv_contains (chosen, sam_item_get_id (perspective_named (&fixture, "Municipality"))));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (&fixture, 1))), ==, "Bo Ek");

  /* One undo takes the whole import back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.roster), "roster.undo", NULL));
  g_assert_cmpuint (n_participants (&fixture), ==, 0);
  g_assert_cmpuint (n_rows (&fixture), ==, 0);

  /* Cancelled: nothing changes. */
  dialog = import_file (&fixture, path, "Import 3 Participants?");
  ui_test_respond (dialog, "cancel");
  ui_test_run_for (100);
  g_assert_cmpuint (n_participants (&fixture), ==, 0);

  close_all (&fixture);
}

static void
test_import_problems (void)
{
  Fixture fixture = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *all_bad = NULL;
  AdwMessageDialog *dialog;

  open_roster (&fixture, ui_test_open_new (1000, 700));

  path = write_file ("problems.csv",
                     "name,organisation,perspectives,present,phone\n"
                     "Anna Berg,Region Blekinge,Region,yes,0455-1\n"
                     "Bo Ek,Ek AB,Astrology,yes,0455-2\n"
                     "Cecilia Lind,BTH,School,maybe,0455-3\n"
                     "David Holm,Holm AB,Business,no,0455-4,extra\n"
                     "\n"
                     "Eva Sten,,Other,no,0455-5\n",
                     -1);
  dialog = import_file (&fixture, path, "Import 2 Participants?");

  /* Every row left out, by its line; the ignored column is a note. */
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (dialog), is_label_containing, "Line 3:"));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (dialog), is_label_containing, "Line 4:"));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (dialog), is_label_containing, "Line 5:"));
  g_assert_null (ui_test_find_widget (GTK_WIDGET (dialog), is_label_containing, "Line 2:"));
  g_assert_null (ui_test_find_widget (GTK_WIDGET (dialog), is_label_containing, "Line 7:"));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (dialog), is_label_containing, "phone"));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "roster-import-problems.png");

  ui_test_respond (dialog, "import");
  g_assert_cmpuint (n_participants (&fixture), ==, 2);
  g_assert_cmpstr (sam_item_get_string (participant_at (&fixture, 0), "name"), ==, "Anna Berg");
  g_assert_cmpstr (sam_item_get_string (participant_at (&fixture, 1), "name"), ==, "Eva Sten");
  assert_shows (&fixture, "Imported 2 participants");

  /* No good row at all: nothing to say yes to. */
  all_bad = write_file ("all-bad.csv",
                        "name,perspectives\n"
                        "Bo Ek,Astrology\n",
                        -1);
  dialog = import_file (&fixture, all_bad, "Nothing to Import");
  g_assert_false (adw_message_dialog_has_response (dialog, "import"));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (dialog), is_label_containing, "Line 2:"));
  ui_test_respond (dialog, "close");
  g_assert_cmpuint (n_participants (&fixture), ==, 2);

  close_all (&fixture);
}

static void
test_import_broken (void)
{
  static const char binary[] = { 'P', 'K', 3, 4, 0, 0, 0, 8, 0, (char) 0xff, (char) 0xfe, 0, 1, 2 };
  Fixture fixture = { 0 };
  g_autofree char *zip = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *no_columns = NULL;
  AdwMessageDialog *dialog;

  open_roster (&fixture, ui_test_open_new (1000, 700));
  click (find_in (fixture.roster, is_button_for_action, "roster.add"));
  g_assert_cmpuint (n_participants (&fixture), ==, 1);

  /* A spreadsheet saved as .xlsx rather than CSV. */
  zip = write_file ("list.xlsx", binary, sizeof binary);
  dialog = import_file (&fixture, zip, "Cannot Import “list.xlsx”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not a text file"));
  g_assert_false (adw_message_dialog_has_response (dialog, "import"));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "roster-import-broken.png");
  ui_test_respond (dialog, "close");

  empty = write_file ("empty.csv", "", 0);
  dialog = import_file (&fixture, empty, "Cannot Import “empty.csv”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "empty"));
  ui_test_respond (dialog, "close");

  no_columns = write_file ("columns.csv", "phone,email\n0455-1,a@example.org\n", -1);
  dialog = import_file (&fixture, no_columns, "Cannot Import “columns.csv”");
  ui_test_respond (dialog, "close");

  missing = g_build_filename (ui_test_tmp_dir, "gone.csv", NULL);
  dialog = import_file (&fixture, missing, "Cannot Import “gone.csv”");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  ui_test_respond (dialog, "close");

  /* Nothing changed, and nothing was added to undo. */
  g_assert_cmpuint (n_participants (&fixture), ==, 1);
  g_assert_cmpstr (sam_history_get_undo_label (sam_session_get_history (fixture.session)), ==,
                   "Add Participant");

  close_all (&fixture);
}

static void
test_screenshot (void)
{
  Fixture fixture = { 0 };
  AdwExpanderRow *row;
  GtkAdjustment *adjustment;

  open_roster (&fixture, ui_test_open_demo (1000, 700));
  /* Tall enough for the eight and one of them open. */
  gtk_window_set_default_size (GTK_WINDOW (fixture.roster), 720, 820);
  ui_test_run_for (300);

  /* The demo's seven and one more. */
  click (find_in (fixture.roster, is_button_for_action, "roster.add"));
  ui_test_run_for (100);
  type_and_enter (find_in (row_at (&fixture, 7), is_entry_row_titled, "Name"), "Projektledare");
  g_assert_cmpuint (n_participants (&fixture), ==, 8);
  g_assert_cmpuint (n_rows (&fixture), ==, 8);
  adw_expander_row_set_expanded (row_at (&fixture, 7), FALSE);

  gtk_switch_set_active (GTK_SWITCH (find_in (row_at (&fixture, 3), ui_test_is_type,
                                              GSIZE_TO_POINTER (GTK_TYPE_SWITCH))), FALSE);
  row = row_at (&fixture, 1);
  adw_expander_row_set_expanded (row, TRUE);
  /* From the top, where the summary is. */
  gtk_widget_grab_focus (find_in (row, is_entry_row_titled, "Name"));
  ui_test_run_for (100);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find_in (fixture.roster, ui_test_is_type,
                                                                                  GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW))));
  gtk_adjustment_set_value (adjustment, 0);
  ui_test_run_for (300);
  ui_test_save_screenshot (GTK_WIDGET (fixture.roster), "roster.png");

  adw_expander_row_set_expanded (row, FALSE);
  ui_test_run_for (300);
  ui_test_save_screenshot (GTK_WIDGET (fixture.roster), "roster-list.png");

  close_all (&fixture);

  /* And the empty window. */
  open_roster (&fixture, ui_test_open_new (1000, 700));
  ui_test_save_screenshot (GTK_WIDGET (fixture.roster), "roster-empty.png");
  close_all (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  ui_test_create_app ();

  g_test_add_func ("/roster/edit", test_edit);
  g_test_add_func ("/roster/import", test_import);
  g_test_add_func ("/roster/import/problems", test_import_problems);
  g_test_add_func ("/roster/import/broken", test_import_broken);
  g_test_add_func ("/roster/screenshot", test_screenshot);

  return ui_test_run ();
}
