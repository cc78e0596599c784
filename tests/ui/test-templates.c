/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Agenda templates as a person uses them: saving the agenda of the demo
 * session through the window's menu action and its dialog, finding the
 * template on the start page of another window, starting a session from it,
 * deleting it and taking that back. Screenshots go to
 * <builddir>/tests/ui/screenshots/.
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sam-entities.h"
#include "sam-session.h"
#include "sam-store.h"
#include "ui-test-util.h"

#define TEMPLATE_NAME "Kraftsamling, halvdag"

/* Helpers */

static SamStore *
get_store (void)
{
  SamStore *store = sam_application_get_store (ui_test_app);

  g_assert_nonnull (store);
  return store;
}

static void
delete_all_templates (void)
{
  g_autoptr(GPtrArray) list = sam_store_list_templates (get_store (), NULL);

  g_assert_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      SamTemplateInfo *info = g_ptr_array_index (list, i);

      g_assert_true (sam_store_delete_template (get_store (), info->id, NULL));
    }
  sam_application_library_changed (ui_test_app);
}

static guint
n_templates (void)
{
  g_autoptr(GPtrArray) list = sam_store_list_templates (get_store (), NULL);

  g_assert_nonnull (list);
  return list->len;
}

static gboolean
has_session_cb (gpointer data)
{
  return sam_window_get_session (data) != NULL;
}

static gboolean
is_entry_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget);
}

static GtkEditable *
dialog_entry (AdwMessageDialog *dialog)
{
  GtkWidget *entry = ui_test_find_widget (GTK_WIDGET (dialog), is_entry_row, NULL);

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

/* Presses Enter in the entry, as a person would. */
static void
press_enter (GtkEditable *entry)
{
  GtkWidget *text = ui_test_find_widget (GTK_WIDGET (entry), ui_test_is_type,
                                         GSIZE_TO_POINTER (GTK_TYPE_TEXT));

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
}

typedef struct
{
  GtkWidget  *root;
  UiTestMatch match;
  const char *data;
} Finding;

static gboolean
is_found_cb (gpointer data)
{
  Finding *finding = data;

  return ui_test_find_widget (finding->root, finding->match, finding->data) != NULL;
}

static gboolean
is_not_found_cb (gpointer data)
{
  return !is_found_cb (data);
}

static GtkWidget *
wait_for_widget (GtkWidget   *root,
                 UiTestMatch  match,
                 const char  *data)
{
  Finding finding = { root, match, data };

  if (!ui_test_wait_for (is_found_cb, &finding))
    g_error ("“%s” did not appear", data);
  return ui_test_find_widget (root, match, data);
}

static void
wait_for_no_widget (GtkWidget   *root,
                    UiTestMatch  match,
                    const char  *data)
{
  Finding finding = { root, match, data };

  if (!ui_test_wait_for (is_not_found_cb, &finding))
    g_error ("“%s” did not go", data);
}

/* A toast reads @text (its title is a label in the window). */
static void
wait_for_toast (SamWindow  *window,
                const char *text)
{
  wait_for_widget (GTK_WIDGET (window), ui_test_is_label_reading, text);
}

static gboolean
is_delete_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Delete Template") == 0;
}

static AdwMessageDialog *
open_save_dialog (SamWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-template", NULL));
  return ui_test_wait_for_dialog (window, "Save Agenda as Template");
}

/* Saves the window's agenda as @name through the dialog, with Enter. */
static void
save_as_template (SamWindow  *window,
                  const char *name)
{
  AdwMessageDialog *dialog = open_save_dialog (window);
  AdwMessageDialog *weak = dialog;
  GtkEditable *entry = dialog_entry (dialog);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  gtk_editable_set_text (entry, name);
  press_enter (entry);
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak));
}

static void
assert_same_plan (SamSession *from,
                  SamSession *to)
{
  GListModel *a = G_LIST_MODEL (sam_session_get_agenda (from));
  GListModel *b = G_LIST_MODEL (sam_session_get_agenda (to));

  g_assert_cmpuint (g_list_model_get_n_items (b), ==, g_list_model_get_n_items (a));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(SamItem) x = g_list_model_get_item (a, i);
      g_autoptr(SamItem) y = g_list_model_get_item (b, i);

      g_assert_cmpstr (sam_item_get_string (y, "title"), ==, sam_item_get_string (x, "title"));
      g_assert_cmpstr (sam_item_get_string (y, "notes"), ==, sam_item_get_string (x, "notes"));
      g_assert_cmpint (sam_item_get_int (y, "duration"), ==, sam_item_get_int (x, "duration"));
      g_assert_cmpint (sam_item_get_enum (y, "kind"), ==, sam_item_get_enum (x, "kind"));
      g_assert_cmpint (sam_item_get_enum (y, "activity-kind"), ==, sam_item_get_enum (x, "activity-kind"));
      g_assert_cmpint (sam_item_get_enum (y, "overrun"), ==, sam_item_get_enum (x, "overrun"));
      g_assert_cmpint (sam_item_get_int64 (y, "actual-start"), ==, 0);
      g_assert_cmpstr (sam_item_get_id (y), !=, sam_item_get_id (x));
    }

  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (to), "start-time"), ==,
                   sam_item_get_string (SAM_ITEM (from), "start-time"));
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (to), "end-time"), ==,
                   sam_item_get_string (SAM_ITEM (from), "end-time"));
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (to), "language"), ==,
                   sam_item_get_string (SAM_ITEM (from), "language"));
}

/* Tests */

static void
test_save_and_start (void)
{
  SamWindow *demo = ui_test_open_demo (1280, 800);
  SamSession *session = sam_window_get_session (demo);
  GListModel *agenda = G_LIST_MODEL (sam_session_get_agenda (session));
  guint n_items = g_list_model_get_n_items (agenda);
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  SamWindow *start, *started;
  GtkWidget *row;
  g_autofree char *subtitle = NULL;
  g_autofree char *json = NULL;
  g_autofree char *stored_name = NULL;
  g_autofree char *total = NULL;
  gint64 id = 0;
  guint seconds = 0;

  delete_all_templates ();
  g_assert_cmpuint (n_items, >, 1);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (agenda, i);

      seconds += sam_item_get_int (item, "duration");
    }

  /* The dialog offers the session's title, ready to be typed over. */
  dialog = open_save_dialog (demo);
  entry = dialog_entry (dialog);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, sam_session_get_title (session));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, dialog));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "templates-save-dialog.png");

  /* No name, no saving; spaces are no name either. */
  gtk_editable_set_text (entry, "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  press_enter (entry);
  ui_test_run_for (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (n_templates (), ==, 0);

  /* Enter saves, without the spaces around the name. */
  gtk_editable_set_text (entry, "  " TEMPLATE_NAME " ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  {
    AdwMessageDialog *weak = dialog;

    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
    press_enter (entry);
    g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak));
  }
  wait_for_toast (demo, "Template “" TEMPLATE_NAME "” saved");

  g_assert_true (sam_store_find_template_by_name (get_store (), TEMPLATE_NAME, &id, NULL));
  json = sam_store_load_template (get_store (), id, &stored_name, NULL);
  g_assert_nonnull (json);
  g_assert_cmpstr (stored_name, ==, TEMPLATE_NAME);
  /* Saving a template is not an edit of the session. */
  g_assert_false (sam_session_get_dirty (session));

  /* Another window's start page lists it, with its size. */
  start = ui_test_new_window (1280, 900);
  row = wait_for_widget (GTK_WIDGET (start), ui_test_is_row_titled, TEMPLATE_NAME);
  total = g_strdup_printf ("%u items · ", n_items);
  subtitle = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_test_message ("Subtitle: %s", subtitle);
  g_assert_true (g_str_has_prefix (subtitle, total));
  g_assert_true (g_str_has_suffix (subtitle, seconds % 3600 == 0 ? " h" : " min"));
  g_assert_nonnull (ui_test_find_widget (row, is_delete_button, NULL));
  ui_test_settle (start);
  ui_test_save_screenshot (GTK_WIDGET (start), "templates-start-page.png");

  /* Activating the row starts a session from it, in that window. */
  gtk_widget_activate (row);
  g_assert_true (ui_test_wait_for (has_session_cb, start));
  started = start;
  ui_test_settle (started);

  assert_same_plan (session, sam_window_get_session (started));
  g_assert_cmpstr (sam_session_get_title (sam_window_get_session (started)), ==, TEMPLATE_NAME);
  g_assert_false (sam_session_get_dirty (sam_window_get_session (started)));
  g_assert_false (sam_session_can_undo (sam_window_get_session (started)));
  g_assert_null (sam_window_get_file (started));
  /* Its edits are protected like those of any new session. */
  g_assert_nonnull (sam_window_get_journal_id (started));
  ui_test_save_screenshot (GTK_WIDGET (started), "templates-started-session.png");

  /* Started again while every window has a session: a new window. */
  {
    guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (ui_test_app)));
    GList *windows;
    SamWindow *newest = NULL;

    g_action_group_activate_action (G_ACTION_GROUP (ui_test_app), "new-from-template",
                                    g_variant_new_int64 (id));
    windows = gtk_application_get_windows (GTK_APPLICATION (ui_test_app));
    g_assert_cmpuint (g_list_length (windows), ==, n_windows + 1);
    for (GList *l = windows; l != NULL; l = l->next)
      if (l->data != demo && l->data != started && SAM_IS_WINDOW (l->data))
        newest = l->data;
    g_assert_nonnull (newest);
    g_assert_true (ui_test_wait_for (has_session_cb, newest));
    assert_same_plan (session, sam_window_get_session (newest));
    ui_test_close_window (newest);
  }

  ui_test_close_window (started);
  ui_test_close_window (demo);
}

static void
test_replace (void)
{
  SamWindow *window = ui_test_open_demo (1280, 800);
  SamSession *session = sam_window_get_session (window);
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) list = NULL;
  gint64 first = 0, second = 0;
  guint n_items;

  delete_all_templates ();
  save_as_template (window, TEMPLATE_NAME);
  wait_for_toast (window, "Template “" TEMPLATE_NAME "” saved");
  g_assert_true (sam_store_find_template_by_name (get_store (), TEMPLATE_NAME, &first, NULL));

  /* One item fewer, saved under the same name. */
  {
    g_autoptr(SamItem) first_item = g_list_model_get_item (G_LIST_MODEL (sam_session_get_agenda (session)), 0);

    sam_session_remove (session, first_item);
  }
  n_items = g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_agenda (session)));

  save_as_template (window, TEMPLATE_NAME);
  dialog = ui_test_wait_for_dialog (window, "Replace Template?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“" TEMPLATE_NAME "”"));
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, dialog));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "templates-replace-dialog.png");

  /* Not replacing goes back to the name, to choose another. */
  ui_test_respond (dialog, "cancel");
  dialog = ui_test_wait_for_dialog (window, "Save Agenda as Template");
  g_assert_cmpstr (gtk_editable_get_text (dialog_entry (dialog)), ==, TEMPLATE_NAME);
  ui_test_respond (dialog, "cancel");
  list = sam_store_list_templates (get_store (), NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (((SamTemplateInfo *) g_ptr_array_index (list, 0))->n_items, ==, n_items + 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Replacing keeps one template of that name, with the new agenda. */
  save_as_template (window, TEMPLATE_NAME);
  ui_test_respond (ui_test_wait_for_dialog (window, "Replace Template?"), "replace");
  wait_for_toast (window, "Template “" TEMPLATE_NAME "” saved");
  list = sam_store_list_templates (get_store (), NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (((SamTemplateInfo *) g_ptr_array_index (list, 0))->n_items, ==, n_items);
  g_assert_true (sam_store_find_template_by_name (get_store (), TEMPLATE_NAME, &second, NULL));
  g_assert_cmpint (second, ==, first);

  ui_test_close_window (window);
}

static void
test_delete_undo (void)
{
  SamWindow *demo = ui_test_open_demo (1280, 800);
  SamWindow *start;
  GtkWidget *row, *button, *undo;
  gint64 id = 0;

  delete_all_templates ();
  save_as_template (demo, TEMPLATE_NAME);
  save_as_template (demo, "Heldag");
  ui_test_close_window (demo);

  start = ui_test_new_window (1280, 900);
  row = wait_for_widget (GTK_WIDGET (start), ui_test_is_row_titled, TEMPLATE_NAME);
  wait_for_widget (GTK_WIDGET (start), ui_test_is_row_titled, "Heldag");
  button = ui_test_find_widget (row, is_delete_button, NULL);
  g_assert_nonnull (button);

  g_signal_emit_by_name (button, "clicked");
  wait_for_no_widget (GTK_WIDGET (start), ui_test_is_row_titled, TEMPLATE_NAME);
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (start), ui_test_is_row_titled, "Heldag"));
  g_assert_false (sam_store_find_template_by_name (get_store (), TEMPLATE_NAME, NULL, NULL));
  wait_for_toast (start, "Template “" TEMPLATE_NAME "” deleted");
  ui_test_save_screenshot (GTK_WIDGET (start), "templates-deleted-toast.png");

  /* Undo brings it back, on the page and in the library. */
  undo = wait_for_widget (GTK_WIDGET (start), ui_test_is_button_labelled, "_Undo");
  g_signal_emit_by_name (undo, "clicked");
  wait_for_widget (GTK_WIDGET (start), ui_test_is_row_titled, TEMPLATE_NAME);
  g_assert_true (sam_store_find_template_by_name (get_store (), TEMPLATE_NAME, &id, NULL));
  g_assert_cmpuint (n_templates (), ==, 2);

  /* The last template gone, the group goes too. */
  delete_all_templates ();
  wait_for_no_widget (GTK_WIDGET (start), ui_test_is_row_titled, "Heldag");
  g_assert_null (ui_test_find_widget (GTK_WIDGET (start), ui_test_is_label_reading, "Templates"));

  ui_test_close_window (start);
}

static void
test_empty_agenda (void)
{
  SamWindow *window = ui_test_open_new (1280, 800);

  delete_all_templates ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_agenda (sam_window_get_session (window)))),
                    ==, 0);

  /* Nothing to keep: no dialog, no template. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-template", NULL);
  ui_test_run_for (300);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_cmpuint (n_templates (), ==, 0);

  ui_test_close_window (window);
}

static void
test_start_broken (void)
{
  SamWindow *demo = ui_test_open_demo (1280, 800);
  SamWindow *start;
  AdwMessageDialog *dialog;
  sqlite3 *db = NULL;
  gint64 id = 0;
  guint n_windows;

  delete_all_templates ();
  save_as_template (demo, TEMPLATE_NAME);
  g_assert_true (sam_store_find_template_by_name (get_store (), TEMPLATE_NAME, &id, NULL));
  ui_test_close_window (demo);

  /* Damaged behind Samling's back. */
  g_assert_cmpint (sqlite3_open (sam_store_get_path (get_store ()), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE templates SET json = '{\"samling_template\":1,"
                                 "\"agenda\":[{\"title\":\"A\",\"duration\":-5}]}'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  start = ui_test_new_window (1280, 800);
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (ui_test_app)));
  g_action_group_activate_action (G_ACTION_GROUP (ui_test_app), "new-from-template",
                                  g_variant_new_int64 (id));
  dialog = ui_test_wait_for_dialog (start, "Could Not Start From “" TEMPLATE_NAME "”");
  g_test_message ("Shown: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "agenda[0].duration"));
  ui_test_respond (dialog, "close");
  g_assert_null (sam_window_get_session (start));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (ui_test_app))),
                    ==, n_windows);

  /* One that is gone. */
  g_assert_true (sam_store_delete_template (get_store (), id, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (ui_test_app), "new-from-template",
                                  g_variant_new_int64 (id));
  dialog = ui_test_wait_for_dialog (start, "Could Not Start From the Template");
  ui_test_respond (dialog, "close");
  g_assert_null (sam_window_get_session (start));

  ui_test_close_window (start);
}

/* Without a library there is nowhere to keep templates: the action says
 * so. */
static void
test_store_unavailable (void)
{
  if (g_test_subprocess ())
    {
      SamWindow *window = ui_test_new_window (1280, 800);
      AdwMessageDialog *dialog;

      g_assert_null (sam_application_get_store (ui_test_app));
      ui_test_respond (ui_test_wait_for_dialog (window, "Session Library Unavailable"), "close");

      gtk_widget_activate_action (GTK_WIDGET (window), "app.open-demo", NULL);
      g_assert_true (ui_test_wait_for (has_session_cb, window));
      ui_test_settle (window);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.save-template", NULL);
      dialog = ui_test_wait_for_dialog (window, "Could Not Save the Template");
      g_test_message ("Shown: %s", adw_message_dialog_get_body (dialog));
      ui_test_respond (dialog, "close");

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
      g_test_add_func ("/sam/ui/templates/store-unavailable", test_store_unavailable);
    }
  else
    {
      g_test_add_func ("/sam/ui/templates/save-and-start", test_save_and_start);
      g_test_add_func ("/sam/ui/templates/replace", test_replace);
      g_test_add_func ("/sam/ui/templates/delete-undo", test_delete_undo);
      g_test_add_func ("/sam/ui/templates/empty-agenda", test_empty_agenda);
      g_test_add_func ("/sam/ui/templates/start-broken", test_start_broken);
      g_test_add_func ("/sam/ui/templates/store-unavailable", test_store_unavailable);
    }

  return ui_test_run ();
}
