/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The ui_test_app shell under a display: the window is built and driven through its
 * actions and widgets as a person would, without g_application_run().
 * Screenshots go to <builddir>/tests/ui/screenshots/ for a person to look at.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "sam-application.h"
#include "sam-file.h"
#include "sam-json.h"
#include "sam-properties-window.h"
#include "sam-session.h"
#include "sam-store.h"
#include "sam-window.h"
#include "ui-test-util.h"

#define DEMO_URI UI_TEST_DEMO_URI

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static const char *
window_title (SamWindow *window)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_type,
                                                         GSIZE_TO_POINTER (ADW_TYPE_WINDOW_TITLE)));

  g_assert_nonnull (title);
  return adw_window_title_get_title (title);
}

static const char *
window_subtitle (SamWindow *window)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_type,
                                                         GSIZE_TO_POINTER (ADW_TYPE_WINDOW_TITLE)));

  return adw_window_title_get_subtitle (title);
}

/* The session page's heading. */
static const char *
page_title (SamWindow *window)
{
  GtkWidget *label = ui_test_find_widget (GTK_WIDGET (window), ui_test_has_css_class, "title-1");

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The value the session page shows in its row titled @title. */
static const char *
page_value (SamWindow  *window,
            const char *title)
{
  GtkWidget *row = ui_test_find_widget (GTK_WIDGET (window), ui_test_is_row_titled, title);

  g_assert_true (ADW_IS_ACTION_ROW (row));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static guint
count_agenda_rows (SamWindow *window)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ui_test_collect_widgets (GTK_WIDGET (window), ui_test_has_css_class, "agenda-row", rows);
  return rows->len;
}

static gboolean
has_session_cb (gpointer data)
{
  return sam_window_get_session (data) != NULL;
}

static gboolean
is_clean_cb (gpointer data)
{
  SamSession *session = sam_window_get_session (data);

  return session != NULL && !sam_session_get_dirty (session);
}

/* Makes @window go away without closing it properly, as in a crash. */
static void
destroy_window (SamWindow *window)
{
  SamWindow *weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak));
}

static guint
count_buttons (SamWindow  *window,
               const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ui_test_collect_widgets (GTK_WIDGET (window), ui_test_is_button_labelled, label, buttons);
  return buttons->len;
}

static SamSession *
load_demo (GBytes **contents)
{
  g_autoptr(GFile) file = g_file_new_for_uri (DEMO_URI);
  g_autoptr(GError) error = NULL;
  SamSession *session = sam_file_load (file, contents, &error);

  g_assert_no_error (error);
  return session;
}

static GFile *
write_temp_session (const char *name)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(SamSession) demo = load_demo (&contents);
  g_autofree char *path = g_build_filename (ui_test_tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static SamWindow *
open_demo_window (void)
{
  SamWindow *window = ui_test_new_window (1280, 800);

  gtk_widget_activate_action (GTK_WIDGET (window), "app.open-demo", NULL);
  g_assert_true (ui_test_wait_for (has_session_cb, window));
  ui_test_settle (window);

  return window;
}

/* Tests */

static void
test_start_page (void)
{
  SamWindow *window = ui_test_new_window (1280, 800);

  g_assert_null (sam_window_get_session (window));
  g_assert_cmpstr (window_title (window), ==, "Samling");
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_button_labelled, "_New Session"));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_button_labelled, "_Open…"));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_button_labelled, "Open _Demo Session"));

  /* Saving needs a session. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL) &&
                  sam_window_get_session (window) != NULL);

  ui_test_settle (window);
  ui_test_save_screenshot (GTK_WIDGET (window), "start-page.png");

  ui_test_close_window (window);
}

static void
test_open_demo (void)
{
  g_autoptr(SamSession) demo = load_demo (NULL);
  guint n_agenda = g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_agenda (demo)));
  SamWindow *window = open_demo_window ();
  SamSession *session = sam_window_get_session (window);

  g_assert_cmpuint (n_agenda, >, 0);
  g_assert_true (sam_item_equal (SAM_ITEM (session), SAM_ITEM (demo)));
  g_assert_cmpstr (window_title (window), ==, sam_session_get_title (demo));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, sam_session_get_title (demo));
  /* The demo belongs to no file: saving it asks where. */
  g_assert_null (sam_window_get_file (window));
  g_assert_cmpuint (count_agenda_rows (window), ==, n_agenda);
  g_assert_false (sam_session_get_dirty (session));

  ui_test_save_screenshot (GTK_WIDGET (window), "session-demo.png");

  /* A second demo goes to a new window: this one is taken. */
  gtk_widget_activate_action (GTK_WIDGET (window), "app.open-demo", NULL);
  ui_test_run_for (500);
  g_assert_true (sam_window_get_session (window) == session);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (ui_test_app)); l; )
    {
      GtkWindow *other = l->data;

      l = l->next;
      if (SAM_IS_WINDOW (other) && other != GTK_WINDOW (window))
        ui_test_close_window (SAM_WINDOW (other));
    }
  ui_test_close_window (window);
}

static SamPropertiesWindow *
open_properties (SamWindow *window)
{
  SamPropertiesWindow *properties;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.properties", NULL));
  properties = SAM_PROPERTIES_WINDOW (ui_test_find_toplevel (SAM_TYPE_PROPERTIES_WINDOW, GTK_WINDOW (window)));
  g_assert_nonnull (properties);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (properties)));
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, properties));

  return properties;
}

/* Types @text into the entry row titled @title and presses Enter. */
static AdwEntryRow *
type_into (SamPropertiesWindow *properties,
           const char          *title,
           const char          *text)
{
  GtkWidget *row = ui_test_find_widget (GTK_WIDGET (properties), is_entry_row_titled, title);
  GtkWidget *entry;

  g_assert_nonnull (row);
  entry = ui_test_find_widget (row, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT));
  g_assert_nonnull (entry);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  ui_test_run_for (20);

  return ADW_ENTRY_ROW (row);
}

static void
test_properties_and_undo (void)
{
  SamWindow *window = open_demo_window ();
  SamSession *session = sam_window_get_session (window);
  g_autofree char *demo_title = g_strdup (sam_session_get_title (session));
  g_autofree char *demo_date = g_strdup (sam_item_get_string (SAM_ITEM (session), "date"));
  SamPropertiesWindow *properties = open_properties (window);
  GtkWidget *undo_button, *redo_button;
  AdwEntryRow *row;
  GtkWidget *mode_row;

  ui_test_run_for (100);
  ui_test_save_screenshot (GTK_WIDGET (properties), "properties.png");

  /* The fields show the session. */
  row = ADW_ENTRY_ROW (ui_test_find_widget (GTK_WIDGET (properties), is_entry_row_titled, "Title"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, demo_title);

  type_into (properties, "Title", "Prova på: kraftsamling i Blekinge");
  g_assert_cmpstr (sam_session_get_title (session), ==, "Prova på: kraftsamling i Blekinge");
  g_assert_cmpstr (window_title (window), ==, "Prova på: kraftsamling i Blekinge");
  g_assert_cmpstr (page_title (window), ==, "Prova på: kraftsamling i Blekinge");
  g_assert_true (sam_session_get_dirty (session));
  g_assert_true (g_str_has_prefix (window_subtitle (window), "• "));

  /* A date that does not exist is marked and not applied. */
  row = type_into (properties, "Date (YYYY-MM-DD)", "2024-02-30");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "date"), ==, demo_date);
  row = type_into (properties, "Date (YYYY-MM-DD)", "2024-03-01");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "date"), ==, "2024-03-01");

  /* So is a time that is no time. */
  row = type_into (properties, "Start Time (HH:MM)", "25:00");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "start-time"), !=, "25:00");
  type_into (properties, "Start Time (HH:MM)", "08:30");
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "start-time"), ==, "08:30");

  /* The agenda's first item starts at the new start time. */
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL)));
  {
    g_autoptr(GPtrArray) times = g_ptr_array_new ();

    ui_test_collect_widgets (GTK_WIDGET (window), ui_test_has_css_class, "agenda-time", times);
    g_assert_cmpuint (times->len, >, 0);
    g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (times, 0)), ==, "08:30");
  }

  mode_row = ui_test_find_widget (GTK_WIDGET (properties), ui_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (mode_row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (mode_row), 1);
  g_assert_cmpint (sam_item_get_enum (SAM_ITEM (session), "mode"), ==, SAM_SESSION_MODE_DIGITAL);

  /* Typing without Enter counts when the window closes. */
  {
    GtkWidget *place_row = ui_test_find_widget (GTK_WIDGET (properties), is_entry_row_titled, "Place");

    gtk_editable_set_text (GTK_EDITABLE (place_row), "Ronneby");
    gtk_window_close (GTK_WINDOW (properties));
    ui_test_run_for (100);
    g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "place"), ==, "Ronneby");
    g_assert_cmpstr (page_value (window, "Place"), ==, "Ronneby");
  }

  /* Undo and redo through the window's actions, one edit at a time. */
  undo_button = NULL;
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    ui_test_collect_widgets (GTK_WIDGET (window), ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON), buttons);
    for (guint i = 0; i < buttons->len; i++)
      {
        const char *action = gtk_actionable_get_action_name (g_ptr_array_index (buttons, i));

        if (g_strcmp0 (action, "win.undo") == 0)
          undo_button = g_ptr_array_index (buttons, i);
      }
  }
  g_assert_nonnull (undo_button);
  g_assert_true (gtk_widget_is_sensitive (undo_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo_button), ==, "Undo: Change Place");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "place"), !=, "Ronneby");
  g_assert_cmpstr (page_value (window, "Place"), !=, "Ronneby");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (sam_item_get_enum (SAM_ITEM (session), "mode"), ==, SAM_SESSION_MODE_PHYSICAL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "date"), ==, demo_date);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (sam_session_get_title (session), ==, demo_title);
  g_assert_cmpstr (window_title (window), ==, demo_title);
  g_assert_cmpstr (page_title (window), ==, demo_title);
  /* Back where it was loaded: nothing unsaved, nothing more to undo. */
  g_assert_false (sam_session_get_dirty (session));
  g_assert_false (gtk_widget_is_sensitive (undo_button));

  redo_button = NULL;
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    ui_test_collect_widgets (GTK_WIDGET (window), ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON), buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "win.redo") == 0)
        redo_button = g_ptr_array_index (buttons, i);
  }
  g_assert_nonnull (redo_button);
  g_assert_true (gtk_widget_is_sensitive (redo_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (redo_button), ==, "Redo: Change Title");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (sam_session_get_title (session), ==, "Prova på: kraftsamling i Blekinge");
  g_assert_cmpstr (window_title (window), ==, "Prova på: kraftsamling i Blekinge");
  g_assert_true (sam_session_get_dirty (session));

  /* The properties window follows undo while it is open. */
  properties = open_properties (window);
  row = ADW_ENTRY_ROW (ui_test_find_widget (GTK_WIDGET (properties), is_entry_row_titled, "Title"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Prova på: kraftsamling i Blekinge");
  sam_session_undo (session);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, demo_title);
  gtk_window_close (GTK_WINDOW (properties));
  ui_test_run_for (50);
  g_assert_cmpstr (sam_session_get_title (session), ==, demo_title);

  {
    SamSession *weak_session = session;

    g_object_add_weak_pointer (G_OBJECT (session), (gpointer *) &weak_session);
    ui_test_close_window (window);
    g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak_session));
  }
}

static void
test_save_and_reopen (void)
{
  g_autoptr(GFile) file = write_temp_session ("workshop.samling");
  g_autoptr(SamSession) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) journals = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  SamWindow *window = ui_test_new_window (1280, 800);
  SamSession *session;
  g_autoptr(SamItem) item = NULL;
  guint n_windows;

  sam_window_open_file (window, file);
  g_assert_true (ui_test_wait_for (has_session_cb, window));
  session = sam_window_get_session (window);
  g_assert_true (g_file_equal (sam_window_get_file (window), file));
  g_assert_cmpstr (window_subtitle (window), ==, "workshop.samling");

  /* Opening it again shows the same window. */
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (ui_test_app)));
  sam_window_open_file (window, file);
  ui_test_run_for (300);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (ui_test_app))), ==, n_windows);

  /* An edit of the title and a new agenda item. */
  sam_session_set (session, session, "title", "Sparad samling", NULL);
  item = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);
  g_object_set (item, "title", "Extra dialog", "duration", 15 * 60, NULL);
  sam_session_insert (session, session, "agenda", G_MAXUINT, item);
  g_assert_true (sam_session_get_dirty (session));
  g_assert_cmpstr (window_subtitle (window), ==, "• workshop.samling");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (ui_test_wait_for (is_clean_cb, window));
  g_assert_cmpstr (window_subtitle (window), ==, "workshop.samling");

  reopened = sam_file_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_session_get_title (reopened), ==, "Sparad samling");
  g_assert_true (sam_item_equal (SAM_ITEM (reopened), SAM_ITEM (session)));

  /* The library knows it, and nothing of it waits for recovery. */
  recent = sam_store_list_recent (sam_application_get_store (ui_test_app), 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, >=, 1);
  g_assert_cmpstr (((SamRecent *) g_ptr_array_index (recent, 0))->uri, ==, uri);
  g_assert_cmpstr (((SamRecent *) g_ptr_array_index (recent, 0))->title, ==, "Sparad samling");
  journals = sam_store_journal_list (sam_application_get_store (ui_test_app), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < journals->len; i++)
    g_assert_cmpstr (((SamJournalEntry *) g_ptr_array_index (journals, i))->id, !=,
                     sam_window_get_journal_id (window));

  /* A clean window closes without asking. */
  {
    SamWindow *weak = window;

    g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
    g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak));
  }

  /* The start page of a new window lists it; activating the row opens it. */
  window = ui_test_new_window (1280, 800);
  {
    GtkWidget *row = ui_test_find_widget (GTK_WIDGET (window), ui_test_is_row_titled, "Sparad samling");

    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activated");
    g_assert_true (ui_test_wait_for (has_session_cb, window));
    g_assert_true (g_file_equal (sam_window_get_file (window), file));
  }
  ui_test_run_for (200);
  ui_test_close_window (window);
}

static gboolean
chooser_shown_cb (gpointer data)
{
  return ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL) != NULL;
}

/* Without a portal the file chooser is GTK's own dialog: it is filled in
 * and answered here as a person would. */
static GtkFileChooser *
wait_for_chooser (void)
{
  g_assert_true (ui_test_wait_for (chooser_shown_cb, NULL));
  /* It loads its first folder in the background; what is typed before that
   * ends is lost. */
  ui_test_run_for (500);
  return GTK_FILE_CHOOSER (ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
}

static void
test_save_as (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (ui_test_tmp_dir);
  g_autofree char *expected_path = g_build_filename (ui_test_tmp_dir, "Sparad som.samling", NULL);
  g_autoptr(GFile) expected = g_file_new_for_path (expected_path);
  g_autofree char *typed_path = g_build_filename (ui_test_tmp_dir, "Sparad som", NULL);
  g_autoptr(GFile) typed = g_file_new_for_path (typed_path);
  g_autoptr(SamSession) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_folder = NULL;
  SamWindow *window = open_demo_window ();
  SamSession *session = sam_window_get_session (window);
  GtkFileChooser *chooser;

  sam_session_set (session, session, "place", "Sölvesborg", NULL);

  /* Cancelling changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  chooser = wait_for_chooser ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  ui_test_run_for (100);
  g_assert_true (sam_session_get_dirty (session));
  g_assert_null (sam_window_get_file (window));

  /* Saving a session that never had a file asks where; the name gets the
   * extension it lacks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  chooser = wait_for_chooser ();
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  ui_test_run_for (300);
  gtk_file_chooser_set_current_name (chooser, "Sparad som");
  {
    g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);

    g_assert_nonnull (chosen);
    g_assert_true (g_file_equal (chosen, typed));
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_assert_true (ui_test_wait_for (is_clean_cb, window));
  g_assert_true (g_file_equal (sam_window_get_file (window), expected));
  g_assert_cmpstr (window_subtitle (window), ==, "Sparad som.samling");
  reopened = sam_file_load (expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sam_item_equal (SAM_ITEM (reopened), SAM_ITEM (session)));

  /* The chooser starts there next time. */
  last_folder = g_settings_get_string (sam_application_get_settings (ui_test_app), "last-folder");
  {
    g_autoptr(GFile) remembered = g_file_new_for_uri (last_folder);

    g_assert_true (g_file_equal (remembered, folder));
  }

  ui_test_close_window (window);
}

static void
test_open_broken (void)
{
  g_autofree char *path = g_build_filename (ui_test_tmp_dir, "broken.samling", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SamWindow *window = open_demo_window ();
  SamSession *session = sam_window_get_session (window);
  AdwMessageDialog *dialog;
  guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (ui_test_app)));

  g_file_set_contents (path, "{\"format\": \"samling\", \"version\": 1, \"title\": ", -1, &error);
  g_assert_no_error (error);

  sam_window_open_file (window, broken);
  dialog = ui_test_wait_for_dialog (window, "Could Not Open “broken.samling”");
  g_assert_nonnull (adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  g_test_message ("Error shown: %s", adw_message_dialog_get_body (dialog));

  /* The window keeps its session, and no other window opened. */
  g_assert_true (sam_window_get_session (window) == session);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (ui_test_app))), ==, n_windows);
  ui_test_respond (dialog, "close");
  g_assert_true (sam_window_get_session (window) == session);

  /* The same on a window that shows the start page: it stays there. */
  {
    SamWindow *start = ui_test_new_window (1280, 800);

    sam_window_open_file (start, broken);
    dialog = ui_test_wait_for_dialog (start, "Could Not Open “broken.samling”");
    g_assert_null (sam_window_get_session (start));
    ui_test_respond (dialog, "close");
    ui_test_close_window (start);
  }

  ui_test_close_window (window);
}

static void
test_save_failure (void)
{
  g_autofree char *folder = g_build_filename (ui_test_tmp_dir, "gone", NULL);
  g_autofree char *path = g_build_filename (folder, "moved.samling", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) source = write_temp_session ("moved-source.samling");
  g_autofree char *source_path = g_file_get_path (source);
  SamWindow *window = ui_test_new_window (1280, 800);
  SamSession *session;
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (g_rename (source_path, path), ==, 0);
  file = g_file_new_for_path (path);

  sam_window_open_file (window, file);
  g_assert_true (ui_test_wait_for (has_session_cb, window));
  session = sam_window_get_session (window);
  sam_session_set (session, session, "goal", "Något som inte får gå förlorat", NULL);

  /* The folder disappears under the session (an unplugged drive, a sync). */
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = ui_test_wait_for_dialog (window, "Could Not Save “moved.samling”");
  g_test_message ("Error shown: %s", adw_message_dialog_get_body (dialog));
  ui_test_respond (dialog, "close");

  /* All work is kept and still counts as unsaved. */
  g_assert_true (sam_session_get_dirty (session));
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (session), "goal"), ==, "Något som inte får gå förlorat");
  g_assert_true (g_str_has_prefix (window_subtitle (window), "• "));

  ui_test_close_window (window);
}

static void
test_close_unsaved (void)
{
  SamWindow *window = open_demo_window ();
  SamWindow *weak = window;
  SamSession *session = sam_window_get_session (window);
  SamSession *weak_session = session;
  g_autofree char *journal_id = g_strdup (sam_window_get_journal_id (window));
  g_autoptr(GPtrArray) journals = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  g_object_add_weak_pointer (G_OBJECT (session), (gpointer *) &weak_session);
  g_assert_nonnull (journal_id);

  sam_session_set (session, session, "purpose", "Att prova arbetssättet", NULL);

  /* Cancel keeps the window and its work. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  dialog = ui_test_wait_for_dialog (window, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  ui_test_respond (dialog, "cancel");
  g_assert_nonnull (weak);
  g_assert_true (sam_session_get_dirty (session));

  /* Closing the window by its close button asks too. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = ui_test_wait_for_dialog (window, "Save Changes?");
  ui_test_respond (dialog, "cancel");
  g_assert_nonnull (weak);

  /* Discard closes it, and leaves nothing to recover. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  dialog = ui_test_wait_for_dialog (window, "Save Changes?");
  ui_test_respond (dialog, "discard");
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak));
  /* Nothing holds on to the session once its window is gone. */
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak_session));

  journals = sam_store_journal_list (sam_application_get_store (ui_test_app), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < journals->len; i++)
    g_assert_cmpstr (((SamJournalEntry *) g_ptr_array_index (journals, i))->id, !=, journal_id);
}

static SamWindow *
open_file_window (GFile *file)
{
  SamWindow *window = ui_test_new_window (1280, 800);

  sam_window_open_file (window, file);
  g_assert_true (ui_test_wait_for (has_session_cb, window));

  return window;
}

static gboolean
journal_listed (const char *journal_id)
{
  g_autoptr(GPtrArray) journals = NULL;
  g_autoptr(GError) error = NULL;

  journals = sam_store_journal_list (sam_application_get_store (ui_test_app), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < journals->len; i++)
    if (g_strcmp0 (((SamJournalEntry *) g_ptr_array_index (journals, i))->id, journal_id) == 0)
      return TRUE;

  return FALSE;
}

/* The close question of @window, taken as soon as it is asked: the main loop
 * does not run, so a save under way has not reported yet. */
static AdwMessageDialog *
close_question_now (SamWindow *window)
{
  GtkWindow *dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Save Changes?");

  return ADW_MESSAGE_DIALOG (dialog);
}

/* Clicks the button of @response without letting the main loop run. */
static void
respond_now (AdwMessageDialog *dialog,
             const char       *response)
{
  GtkWidget *button = ui_test_find_widget (GTK_WIDGET (dialog), ui_test_is_button_labelled,
                                   adw_message_dialog_get_response_label (dialog, response));

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static SamSession *
reload (GFile *file)
{
  g_autoptr(GError) error = NULL;
  SamSession *session = sam_file_load (file, NULL, &error);

  g_assert_no_error (error);
  return session;
}

/* Save in the close question, and an edit lands while the file is written:
 * the window saves again before it closes, and nothing is lost. */
static void
test_close_save_later_edit (void)
{
  g_autoptr(GFile) file = write_temp_session ("later-edit.samling");
  g_autoptr(SamSession) reopened = NULL;
  SamWindow *window = open_file_window (file);
  SamWindow *weak = window;
  SamSession *session = sam_window_get_session (window);
  g_autofree char *journal_id = g_strdup (sam_window_get_journal_id (window));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  g_assert_nonnull (journal_id);

  sam_session_set (session, session, "place", "Nättraby", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  respond_now (close_question_now (window), "save");
  sam_session_set (session, session, "goal", "Att inget går förlorat", NULL);

  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak));
  reopened = reload (file);
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (reopened), "place"), ==, "Nättraby");
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (reopened), "goal"), ==, "Att inget går förlorat");
  g_assert_false (journal_listed (journal_id));
}

/* Save in the close question while a save is already running: the close
 * waits for it, saves what came after, and closes. */
static void
test_close_save_while_saving (void)
{
  g_autoptr(GFile) file = write_temp_session ("while-saving.samling");
  g_autoptr(SamSession) reopened = NULL;
  SamWindow *window = open_file_window (file);
  SamWindow *weak = window;
  SamSession *session = sam_window_get_session (window);
  g_autofree char *journal_id = g_strdup (sam_window_get_journal_id (window));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);

  sam_session_set (session, session, "place", "Ronneby", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  respond_now (close_question_now (window), "save");
  sam_session_set (session, session, "goal", "Efter det första sparandet", NULL);

  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak));
  reopened = reload (file);
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (reopened), "place"), ==, "Ronneby");
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (reopened), "goal"), ==, "Efter det första sparandet");
  g_assert_false (journal_listed (journal_id));
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  guint *n_dialogs = user_data;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        (*n_dialogs)++;
    }
}

/* Saves @file's window, closes it and discards while the save runs: the
 * window goes at once and the save's end shows nothing. */
static void
discard_while_saving (GFile      *file,
                      const char *folder_to_remove)
{
  SamWindow *window = open_file_window (file);
  SamWindow *weak = window;
  SamSession *session = sam_window_get_session (window);
  SamSession *weak_session = session;
  g_autofree char *journal_id = g_strdup (sam_window_get_journal_id (window));
  guint n_dialogs = 0;
  gulong handler;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  g_object_add_weak_pointer (G_OBJECT (session), (gpointer *) &weak_session);
  sam_session_set (session, session, "place", "Olofström", NULL);

  if (folder_to_remove != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      g_assert_cmpint (g_remove (path), ==, 0);
      g_assert_cmpint (g_rmdir (folder_to_remove), ==, 0);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  respond_now (close_question_now (window), "discard");
  g_assert_true (weak == NULL || !gtk_widget_get_visible (GTK_WIDGET (window)));

  /* The window lives on, out of sight, only until the save reports. */
  handler = g_signal_connect (gtk_window_get_toplevels (), "items-changed",
                              G_CALLBACK (toplevels_changed_cb), &n_dialogs);
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak));
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak_session));
  ui_test_run_for (100);
  g_signal_handler_disconnect (gtk_window_get_toplevels (), handler);

  g_assert_cmpuint (n_dialogs, ==, 0);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_false (journal_listed (journal_id));
}

/* Discard in the close question while a save is running (warnings end this
 * test too). */
static void
test_discard_while_saving (void)
{
  g_autoptr(GFile) file = write_temp_session ("discard-while-saving.samling");
  g_autoptr(SamSession) reopened = NULL;

  discard_while_saving (file, NULL);
  /* Written whole or not at all. */
  reopened = reload (file);
  g_assert_nonnull (reopened);

  /* A save that fails, its folder gone, has nothing to say once the window is. */
  {
    g_autofree char *folder = g_build_filename (ui_test_tmp_dir, "unplugged", NULL);
    g_autofree char *path = g_build_filename (folder, "discarded.samling", NULL);
    g_autoptr(GFile) source = write_temp_session ("discarded-source.samling");
    g_autofree char *source_path = g_file_get_path (source);
    g_autoptr(GFile) moved = g_file_new_for_path (path);

    g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
    g_assert_cmpint (g_rename (source_path, path), ==, 0);
    discard_while_saving (moved, folder);
  }
}

/* Text typed in the properties window without Enter counts when the main
 * window closes or saves. */
static void
test_properties_unapplied (void)
{
  g_autoptr(GFile) file = write_temp_session ("unapplied.samling");
  g_autoptr(SamSession) reopened = NULL;
  SamWindow *window = open_file_window (file);
  SamSession *session = sam_window_get_session (window);
  SamPropertiesWindow *properties = open_properties (window);
  GtkWidget *row;

  g_assert_false (sam_session_get_dirty (session));

  /* Closing asks, since the title typed is an unsaved change. */
  row = ui_test_find_widget (GTK_WIDGET (properties), is_entry_row_titled, "Title");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Titel utan Enter");
  g_object_ref (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  /* The question is asked at once; a window that closed instead has none. */
  g_assert_nonnull (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_object_unref (window);
  ui_test_respond (ui_test_wait_for_dialog (window, "Save Changes?"), "cancel");
  g_assert_cmpstr (sam_session_get_title (session), ==, "Titel utan Enter");
  g_assert_cmpstr (window_title (window), ==, "Titel utan Enter");

  /* Saving writes what is typed. */
  row = ui_test_find_widget (GTK_WIDGET (properties), is_entry_row_titled, "Place");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Lyckeby");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (ui_test_wait_for (is_clean_cb, window));
  reopened = reload (file);
  g_assert_cmpstr (sam_session_get_title (reopened), ==, "Titel utan Enter");
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (reopened), "place"), ==, "Lyckeby");

  ui_test_close_window (window);
}

static void
test_recover (void)
{
  SamWindow *window = ui_test_new_window (1280, 800);
  SamSession *session;
  GtkWidget *recover;
  g_autoptr(SamItem) item = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "app.new", NULL);
  g_assert_true (ui_test_wait_for (has_session_cb, window));
  session = sam_window_get_session (window);
  g_assert_cmpstr (sam_session_get_title (session), ==, "Untitled Session");

  sam_session_set (session, session, "title", "Återställd samling", NULL);
  item = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);
  g_object_set (item, "title", "Välkommen", NULL);
  sam_session_insert (session, session, "agenda", G_MAXUINT, item);

  /* The window goes away without closing properly, as in a crash. */
  destroy_window (window);

  window = ui_test_new_window (1280, 800);
  ui_test_settle (window);
  ui_test_save_screenshot (GTK_WIDGET (window), "start-page-recovery.png");

  g_assert_cmpuint (count_buttons (window, "_Recover"), ==, 1);
  recover = ui_test_find_widget (GTK_WIDGET (window), ui_test_is_button_labelled, "_Recover");
  /* Listed by its title (the latest known, or the one it began with). */
  g_assert_true (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_row_titled, "Återställd samling") != NULL ||
                 ui_test_find_widget (GTK_WIDGET (window), ui_test_is_row_titled, "Untitled Session") != NULL);
  g_signal_emit_by_name (recover, "clicked");
  g_assert_true (ui_test_wait_for (has_session_cb, window));

  session = sam_window_get_session (window);
  g_assert_cmpstr (sam_session_get_title (session), ==, "Återställd samling");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_agenda (session))), ==, 1);
  g_assert_true (sam_session_get_dirty (session));
  g_assert_cmpstr (window_title (window), ==, "Återställd samling");
  g_assert_cmpuint (count_agenda_rows (window), ==, 1);

  /* Another start page does not offer what is open again. */
  {
    SamWindow *other = ui_test_new_window (1280, 800);

    g_assert_cmpuint (count_buttons (other, "_Recover"), ==, 0);
    ui_test_close_window (other);
  }

  /* Discarding it from the close dialog ends its journal. */
  ui_test_close_window (window);

  window = ui_test_new_window (1280, 800);
  g_assert_null (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_button_labelled, "_Recover"));
  ui_test_close_window (window);
}

static void
test_discard_from_start_page (void)
{
  SamWindow *window = ui_test_new_window (1280, 800);
  SamSession *session;
  GtkWidget *discard;
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "app.new", NULL);
  g_assert_true (ui_test_wait_for (has_session_cb, window));
  session = sam_window_get_session (window);
  sam_session_set (session, session, "title", "Ska bort", NULL);
  destroy_window (window);

  window = ui_test_new_window (1280, 800);
  discard = ui_test_find_widget (GTK_WIDGET (window), ui_test_is_button_labelled, "_Discard");
  g_assert_nonnull (discard);

  /* Discarding asks first; cancel keeps it. */
  g_signal_emit_by_name (discard, "clicked");
  dialog = ui_test_wait_for_dialog (window, "Discard Unsaved Changes?");
  ui_test_respond (dialog, "cancel");
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_button_labelled, "_Discard"));

  discard = ui_test_find_widget (GTK_WIDGET (window), ui_test_is_button_labelled, "_Discard");
  g_signal_emit_by_name (discard, "clicked");
  dialog = ui_test_wait_for_dialog (window, "Discard Unsaved Changes?");
  ui_test_respond (dialog, "discard");
  ui_test_run_for (100);
  g_assert_null (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_button_labelled, "_Discard"));

  ui_test_close_window (window);
}

static void
test_missing_recent (void)
{
  g_autoptr(GFile) file = write_temp_session ("vanishing.samling");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  SamWindow *window = ui_test_new_window (1280, 800);
  GtkWidget *row;
  gboolean listed = FALSE;

  g_assert_true (sam_store_remember (sam_application_get_store (ui_test_app), uri, "Försvunnen", "2024-01-01", &error));
  g_assert_no_error (error);
  sam_application_library_changed (ui_test_app);
  g_assert_cmpint (g_remove (path), ==, 0);

  row = ui_test_find_widget (GTK_WIDGET (window), ui_test_is_row_titled, "Försvunnen");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  ui_test_run_for (300);
  /* Nothing opens; a toast offers to forget it. */
  g_assert_null (sam_window_get_session (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.forget-recent", "s", uri);
  ui_test_run_for (100);
  g_assert_null (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_row_titled, "Försvunnen"));

  recent = sam_store_list_recent (sam_application_get_store (ui_test_app), 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < recent->len; i++)
    if (g_strcmp0 (((SamRecent *) g_ptr_array_index (recent, i))->uri, uri) == 0)
      listed = TRUE;
  g_assert_false (listed);

  ui_test_close_window (window);
}

static void
test_shortcuts_and_about (void)
{
  static const struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "app.new", "<Control>n" },
    { "app.open", "<Control>o" },
    { "app.quit", "<Control>q" },
    { "win.save", "<Control>s" },
    { "win.save-as", "<Shift><Control>s" },
    { "win.close", "<Control>w" },
    { "win.undo", "<Control>z" },
    { "win.redo", "<Shift><Control>z" },
    { "win.properties", "<Alt>Return" },
    { "win.show-help-overlay", "<Control>question" },
  };
  SamWindow *window = open_demo_window ();
  GtkWindow *shortcuts, *about;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (ui_test_app), expected[i].action);
      g_autofree char *wanted = NULL;
      guint key;
      GdkModifierType mods;

      g_assert_nonnull (accels);
      g_assert_nonnull (accels[0]);
      /* Compared parsed, since the spelling of modifiers varies. */
      g_assert_true (gtk_accelerator_parse (expected[i].accel, &key, &mods));
      wanted = gtk_accelerator_name (key, mods);
      {
        g_autofree char *have = NULL;

        g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
        have = gtk_accelerator_name (key, mods);
        g_assert_cmpstr (have, ==, wanted);
      }
    }

  /* The shortcuts window lists them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ui_test_run_for (100);
  shortcuts = ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  ui_test_save_screenshot (GTK_WIDGET (shortcuts), "shortcuts.png");
  gtk_window_close (shortcuts);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));
  ui_test_run_for (100);
  about = ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Samling");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (about);

  ui_test_close_window (window);
}

/* A .samling file dropped on the window opens in it. */
static void
test_drop (void)
{
  g_autoptr(GFile) file = write_temp_session ("dropped.samling");
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GSList) list = g_slist_prepend (NULL, file);
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  SamWindow *window = ui_test_new_window (1280, 800);
  gboolean accepted = FALSE;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_assert_true (g_type_is_a (gtk_drop_target_get_gtypes (target, NULL)[0], GDK_TYPE_FILE_LIST));

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);

  g_assert_true (ui_test_wait_for (has_session_cb, window));
  g_assert_true (g_file_equal (sam_window_get_file (window), file));
  g_assert_cmpstr (window_subtitle (window), ==, "dropped.samling");

  ui_test_close_window (window);
}

/* The revealer of the journal's banner, when it is revealed. */
static gboolean
is_revealer_revealed (GtkWidget     *widget,
                      gconstpointer  data)
{
  GtkWidget *child;

  if (!GTK_IS_REVEALER (widget) || !gtk_revealer_get_reveal_child (GTK_REVEALER (widget)))
    return FALSE;

  child = gtk_revealer_get_child (GTK_REVEALER (widget));
  return child != NULL && gtk_widget_has_css_class (child, "journal-banner");
}

/* When edits cannot be kept for recovery the window says so until a save
 * succeeds. */
static void
test_journal_failure (void)
{
  g_autoptr(GFile) file = write_temp_session ("journal.samling");
  g_autoptr(GError) error = g_error_new (SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED, "The disk is full");
  SamWindow *window = ui_test_new_window (1280, 800);
  SamSession *session;
  GtkWidget *revealer;
  GtkWidget *label;

  sam_window_open_file (window, file);
  g_assert_true (ui_test_wait_for (has_session_cb, window));
  session = sam_window_get_session (window);
  g_assert_nonnull (sam_window_get_journal (window));
  g_assert_null (ui_test_find_widget (GTK_WIDGET (window), is_revealer_revealed, NULL));

  sam_session_set (session, session, "place", "Karlshamn", NULL);
  g_signal_emit_by_name (sam_window_get_journal (window), "failed", error);

  revealer = ui_test_find_widget (GTK_WIDGET (window), is_revealer_revealed, NULL);
  g_assert_nonnull (revealer);
  label = ui_test_find_widget (revealer, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL));
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "The disk is full"));
  ui_test_settle (window);
  ui_test_save_screenshot (GTK_WIDGET (window), "journal-failed.png");

  /* Saving puts the work somewhere safe: the warning goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (ui_test_wait_for (is_clean_cb, window));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  ui_test_close_window (window);
}

/* Quitting asks about every window with unsaved changes, one at a time. */
static void
test_quit (void)
{
  SamWindow *clean = open_demo_window ();
  SamWindow *dirty = ui_test_new_window (1280, 800);
  SamWindow *weak_clean = clean, *weak_dirty = dirty;
  SamSession *session;

  g_object_add_weak_pointer (G_OBJECT (clean), (gpointer *) &weak_clean);
  g_object_add_weak_pointer (G_OBJECT (dirty), (gpointer *) &weak_dirty);

  sam_window_new_session (dirty);
  g_assert_true (ui_test_wait_for (has_session_cb, dirty));
  session = sam_window_get_session (dirty);
  sam_session_set (session, session, "title", "Inte sparad", NULL);
  gtk_window_present (GTK_WINDOW (dirty));
  ui_test_run_for (100);

  /* Cancel stops quitting: the window with unsaved changes stays. */
  g_action_group_activate_action (G_ACTION_GROUP (ui_test_app), "quit", NULL);
  ui_test_respond (ui_test_wait_for_dialog (dirty, "Save Changes?"), "cancel");
  ui_test_run_for (100);
  g_assert_nonnull (weak_dirty);

  /* Discard lets it go on, to the end. */
  g_action_group_activate_action (G_ACTION_GROUP (ui_test_app), "quit", NULL);
  ui_test_respond (ui_test_wait_for_dialog (dirty, "Save Changes?"), "discard");
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak_dirty));
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak_clean));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (ui_test_app)));
}

/* The library cannot be opened: the ui_test_app says so once and still works. */
static void
test_store_unavailable (void)
{
  if (g_test_subprocess ())
    {
      SamWindow *window = ui_test_new_window (1280, 800);
      AdwMessageDialog *dialog;

      g_assert_null (sam_application_get_store (ui_test_app));
      dialog = ui_test_wait_for_dialog (window, "Session Library Unavailable");
      g_test_message ("Shown: %s", adw_message_dialog_get_body (dialog));
      ui_test_respond (dialog, "close");

      gtk_widget_activate_action (GTK_WIDGET (window), "app.open-demo", NULL);
      g_assert_true (ui_test_wait_for (has_session_cb, window));
      g_assert_null (sam_window_get_journal_id (window));

      /* Only the first window says it. */
      {
        SamWindow *second = ui_test_new_window (1280, 800);

        ui_test_run_for (200);
        g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (second)));
        ui_test_close_window (second);
      }
      ui_test_close_window (window);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  gboolean subprocess = FALSE;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--GTestSubprocess"))
      subprocess = TRUE;

  if (!ui_test_init (&argc, &argv))
    return 77;

  /* The child of the store test gets a damaged library. */
  if (!subprocess)
    ui_test_prepare_damaged_library ();

  ui_test_create_app ();

  if (subprocess)
    {
      g_test_add_func ("/sam/ui/store-unavailable", test_store_unavailable);
    }
  else
    {
      g_test_add_func ("/sam/ui/start-page", test_start_page);
      g_test_add_func ("/sam/ui/open-demo", test_open_demo);
      g_test_add_func ("/sam/ui/properties-and-undo", test_properties_and_undo);
      g_test_add_func ("/sam/ui/save-and-reopen", test_save_and_reopen);
      g_test_add_func ("/sam/ui/save-as", test_save_as);
      g_test_add_func ("/sam/ui/open-broken", test_open_broken);
      g_test_add_func ("/sam/ui/save-failure", test_save_failure);
      g_test_add_func ("/sam/ui/close-unsaved", test_close_unsaved);
      g_test_add_func ("/sam/ui/close-save-later-edit", test_close_save_later_edit);
      g_test_add_func ("/sam/ui/close-save-while-saving", test_close_save_while_saving);
      g_test_add_func ("/sam/ui/discard-while-saving", test_discard_while_saving);
      g_test_add_func ("/sam/ui/properties-unapplied", test_properties_unapplied);
      g_test_add_func ("/sam/ui/recover", test_recover);
      g_test_add_func ("/sam/ui/discard-from-start-page", test_discard_from_start_page);
      g_test_add_func ("/sam/ui/missing-recent", test_missing_recent);
      g_test_add_func ("/sam/ui/shortcuts-and-about", test_shortcuts_and_about);
      g_test_add_func ("/sam/ui/drop", test_drop);
      g_test_add_func ("/sam/ui/journal-failure", test_journal_failure);
      /* Quitting ends the windows: it comes last. */
      g_test_add_func ("/sam/ui/quit", test_quit);
      g_test_add_func ("/sam/ui/store-unavailable", test_store_unavailable);
    }

  return ui_test_run ();
}
