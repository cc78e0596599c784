/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Exporting, printing and copying the summary from the window: the export
 * dialog remembers its sections and format, a JSON export leaves the
 * sections out of the choice, an export writes the file and reports it (or
 * says why not and leaves nothing), the copied summary is Markdown on the
 * clipboard, and printing gives as many pages as the summary has. The
 * dialog's screenshot goes to <builddir>/tests/ui/screenshots/.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sam-export-dialog.h"
#include "sam-session.h"
#include "ui-test-util.h"

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

static GtkSwitch *
section_switch (SamExportDialog *dialog,
                const char      *title)
{
  GtkWidget *row = find_in (dialog, ui_test_is_row_titled, title);

  return GTK_SWITCH (find_in (row, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_SWITCH)));
}

static GtkWidget *
export_button (SamExportDialog *dialog)
{
  GtkWidget *header = find_in (dialog, ui_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_HEADER_BAR));
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  /* The suggested one of the header's two buttons. */
  ui_test_collect_widgets (header, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON), buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (buttons->pdata[i], "suggested-action"))
      return buttons->pdata[i];

  g_assert_not_reached ();
}

static GSettings *
settings (void)
{
  GSettings *settings = sam_application_get_settings (ui_test_app);

  g_assert_nonnull (settings);
  return settings;
}

/* Opens the dialog from the window's action, as the menu and Ctrl+E do. */
static SamExportDialog *
open_dialog (SamWindow *window)
{
  SamExportDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = SAM_EXPORT_DIALOG (ui_test_find_toplevel (SAM_TYPE_EXPORT_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, dialog));
  ui_test_run_for (100);

  return dialog;
}

static void
close_dialog (SamExportDialog *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &dialog));
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (ui_test_tmp_dir, name, NULL);
}

/* Waiting for results */

typedef struct
{
  GAsyncResult *result;
  char         *text;
  gboolean      done;
} Waiter;

static gboolean
is_done (gpointer data)
{
  return ((Waiter *) data)->done;
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  waiter->done = TRUE;
}

static void
text_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  waiter->done = TRUE;
}

typedef struct
{
  SamWindow  *window;
  const char *text;
} Toast;

static gboolean
is_toast_shown (gpointer data)
{
  Toast *toast = data;

  return ui_test_find_widget (GTK_WIDGET (toast->window), ui_test_is_label_reading,
                              toast->text) != NULL;
}

/* Tests */

static void
test_sections_remembered (void)
{
  SamWindow *window = ui_test_open_demo (1000, 700);
  SamExportDialog *dialog;
  g_auto(GStrv) keys = NULL;

  g_settings_reset (settings (), "export-sections");
  g_settings_reset (settings (), "export-format");
  g_assert_cmpint (sam_export_remembered_sections (settings ()), ==, SAM_EXPORT_ALL);

  dialog = open_dialog (window);
  g_assert_cmpint (sam_export_dialog_get_format (dialog), ==, SAM_EXPORT_PDF);
  g_assert_cmpint (sam_export_dialog_get_sections (dialog), ==, SAM_EXPORT_ALL);

  /* The walls and the people left out, Markdown chosen. */
  gtk_switch_set_active (section_switch (dialog, "Walls"), FALSE);
  gtk_switch_set_active (section_switch (dialog, "Who Was There"), FALSE);
  sam_export_dialog_set_format (dialog, SAM_EXPORT_MARKDOWN);
  close_dialog (dialog);

  keys = g_settings_get_strv (settings (), "export-sections");
  g_assert_cmpuint (g_strv_length (keys), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) keys, "details"));
  g_assert_true (g_strv_contains ((const char * const *) keys, "agenda"));
  g_assert_true (g_strv_contains ((const char * const *) keys, "dialogues"));
  g_assert_cmpint (sam_export_remembered_sections (settings ()), ==,
                   SAM_EXPORT_DETAILS | SAM_EXPORT_AGENDA | SAM_EXPORT_DIALOGUES);

  /* Opened again, it is as it was left. */
  dialog = open_dialog (window);
  g_assert_cmpint (sam_export_dialog_get_format (dialog), ==, SAM_EXPORT_MARKDOWN);
  g_assert_false (gtk_switch_get_active (section_switch (dialog, "Walls")));
  g_assert_false (gtk_switch_get_active (section_switch (dialog, "Who Was There")));
  g_assert_true (gtk_switch_get_active (section_switch (dialog, "Agenda")));
  close_dialog (dialog);

  g_settings_reset (settings (), "export-sections");
  g_settings_reset (settings (), "export-format");
  ui_test_close_window (window);
}

static void
test_json_disables_sections (void)
{
  SamWindow *window = ui_test_open_demo (1000, 700);
  SamExportDialog *dialog = open_dialog (window);
  GtkWidget *button = export_button (dialog);
  const char *titles[] = { "Details", "Who Was There", "Agenda", "Dialogues", "Walls" };

  g_assert_true (gtk_widget_is_sensitive (button));

  /* No section: nothing to export but a session file. */
  sam_export_dialog_set_sections (dialog, 0);
  g_assert_false (gtk_widget_is_sensitive (button));

  sam_export_dialog_set_format (dialog, SAM_EXPORT_JSON);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_false (gtk_widget_is_sensitive (find_in (dialog, ui_test_is_row_titled, titles[i])));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (dialog), ui_test_is_label_reading,
                                         "A JSON export is always the whole session, "
                                         "which Samling can open again."));

  sam_export_dialog_set_format (dialog, SAM_EXPORT_HTML);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_true (gtk_widget_is_sensitive (find_in (dialog, ui_test_is_row_titled, titles[i])));
  g_assert_false (gtk_widget_is_sensitive (button));

  gtk_switch_set_active (section_switch (dialog, "Agenda"), TRUE);
  g_assert_true (gtk_widget_is_sensitive (button));

  close_dialog (dialog);
  g_settings_reset (settings (), "export-sections");
  g_settings_reset (settings (), "export-format");
  ui_test_close_window (window);
}

static void
test_export (void)
{
  SamWindow *window = ui_test_open_demo (1000, 700);
  SamSession *session = sam_window_get_session (window);
  SamExportDialog *dialog = open_dialog (window);
  g_autofree char *path = tmp_path ("summary.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  Waiter waiter = { 0 };

  sam_export_dialog_set_format (dialog, SAM_EXPORT_MARKDOWN);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  sam_export_dialog_export_to_file (dialog, file, exported_cb, &waiter);
  g_assert_true (ui_test_wait_for (is_done, &waiter));
  g_assert_true (sam_export_dialog_export_finish (dialog, waiter.result, &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);

  /* Done: the dialog has gone, and the window says where the file went. */
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &dialog));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# "));
  g_assert_nonnull (strstr (contents, sam_session_get_title (session)));
  g_assert_true (ui_test_wait_for (is_toast_shown, &(Toast) { window, "Exported to summary.md" }));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_button_labelled, "_Open"));

  g_settings_reset (settings (), "export-format");
  ui_test_close_window (window);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* As a person does it: Export…, the file chooser with the session's title
 * for a name, another name typed without an extension. */
static void
test_chooser (void)
{
  SamWindow *window = ui_test_open_demo (1000, 700);
  SamExportDialog *dialog = open_dialog (window);
  g_autofree char *path = tmp_path ("Chosen.html");
  g_autoptr(GFile) folder = g_file_new_for_path (ui_test_tmp_dir);
  g_autofree char *contents = NULL;
  GtkWindow *chooser;

  sam_export_dialog_set_format (dialog, SAM_EXPORT_HTML);
  g_signal_emit_by_name (export_button (dialog), "clicked");
  ui_test_run_for (100);

  chooser = ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "Kraftsamling – prova på.html");

  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "Chosen");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_assert_true (ui_test_wait_for (file_exists, path));
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &dialog));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html"));
  g_assert_true (ui_test_wait_for (is_toast_shown, &(Toast) { window, "Exported to Chosen.html" }));

  g_settings_reset (settings (), "export-format");
  ui_test_close_window (window);
}

static void
test_export_failure (void)
{
  SamWindow *window = ui_test_open_demo (1000, 700);
  SamExportDialog *dialog = open_dialog (window);
  g_autofree char *folder = tmp_path ("no-such-folder");
  g_autofree char *path = g_build_filename (folder, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *message;
  Waiter waiter = { 0 };

  sam_export_dialog_export_to_file (dialog, file, exported_cb, &waiter);
  g_assert_true (ui_test_wait_for (is_done, &waiter));
  g_assert_false (sam_export_dialog_export_finish (dialog, waiter.result, &error));
  g_assert_nonnull (error);
  g_clear_object (&waiter.result);

  /* Said over the dialog, which stays for another try; nothing written. */
  message = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (dialog)));
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Export the Summary");
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==, error->message);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_is_sensitive (export_button (dialog)));

  gtk_window_destroy (GTK_WINDOW (message));
  close_dialog (dialog);
  ui_test_close_window (window);
}

static void
test_copy_summary (void)
{
  SamWindow *window = ui_test_open_demo (1000, 700);
  Waiter waiter = { 0 };

  /* Only the agenda: the remembered choice is what is copied. */
  g_settings_set_strv (settings (), "export-sections", (const char *[]) { "agenda", NULL });
  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-summary", NULL);
  g_assert_true (ui_test_wait_for (is_toast_shown, &(Toast) { window, "Summary copied" }));

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL,
                                 text_read_cb, &waiter);
  g_assert_true (ui_test_wait_for (is_done, &waiter));
  g_assert_nonnull (waiter.text);
  g_assert_true (g_str_has_prefix (waiter.text, "#"));
  g_assert_nonnull (strstr (waiter.text, "Agenda"));
  g_assert_null (strstr (waiter.text, "Who Was There"));
  g_free (waiter.text);

  g_settings_reset (settings (), "export-sections");
  ui_test_close_window (window);
}

static void
test_print (void)
{
  SamWindow *window = ui_test_open_demo (1000, 700);
  SamSession *session = sam_window_get_session (window);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(SamExportPages) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("printed.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  int n_pages = 0;

  operation = sam_export_print_operation_new (session, SAM_EXPORT_ALL);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  /* A4 in points, as the PDF export lays it out. */
  pages = sam_export_pages_new (session, SAM_EXPORT_ALL, 595.275590551, 841.889763780);
  g_object_get (operation, "n-pages", &n_pages, NULL);
  g_assert_cmpint (n_pages, >, 1);
  g_assert_cmpint (n_pages, ==, sam_export_pages_get_n_pages (pages));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  if (pdfinfo != NULL)
    {
      const char *argv[] = { pdfinfo, path, NULL };
      const char *pages_line;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &info, NULL, NULL, &error));
      g_assert_no_error (error);
      pages_line = strstr (info, "Pages:");
      g_assert_nonnull (pages_line);
      g_assert_cmpint (g_ascii_strtoll (g_strchug ((char *) pages_line + strlen ("Pages:")), NULL, 10),
                       ==, n_pages);
      g_assert_nonnull (strstr (info, "(A4)"));
    }

  /* The first printed page as a picture, for a person to hold against the
   * exported PDF's. */
  if (pdftoppm != NULL)
    {
      g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                               "screenshots", NULL);
      g_autofree char *prefix = g_build_filename (dir, "export-printed-page", NULL);
      const char *argv[] = { pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                             path, prefix, NULL };
      int status = -1;

      g_mkdir_with_parents (dir, 0755);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }

  ui_test_close_window (window);
}

static void
test_screenshot (void)
{
  SamWindow *window = ui_test_open_demo (1000, 700);
  SamExportDialog *dialog = open_dialog (window);

  ui_test_run_for (300);
  ui_test_save_screenshot (GTK_WIDGET (dialog), "export-dialog.png");

  sam_export_dialog_set_format (dialog, SAM_EXPORT_JSON);
  ui_test_run_for (300);
  ui_test_save_screenshot (GTK_WIDGET (dialog), "export-dialog-json.png");

  close_dialog (dialog);
  g_settings_reset (settings (), "export-format");
  ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  ui_test_create_app ();

  g_test_add_func ("/export-dialog/sections-remembered", test_sections_remembered);
  g_test_add_func ("/export-dialog/json", test_json_disables_sections);
  g_test_add_func ("/export-dialog/export", test_export);
  g_test_add_func ("/export-dialog/export/failure", test_export_failure);
  g_test_add_func ("/export-dialog/export/chooser", test_chooser);
  g_test_add_func ("/export-dialog/copy-summary", test_copy_summary);
  g_test_add_func ("/export-dialog/print", test_print);
  g_test_add_func ("/export-dialog/screenshot", test_screenshot);

  return ui_test_run ();
}
