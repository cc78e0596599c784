/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "sam-clock.h"
#include "sam-session.h"
#include "ui-test-util.h"

#define TIMEOUT_SECONDS 20

SamApplication *ui_test_app;
char           *ui_test_tmp_dir;

static gboolean subprocess;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  g_autofree char *data_home = NULL;

  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--GTestSubprocess"))
      subprocess = TRUE;

  /* Nothing of the person's own data is touched: everything lives in a
   * temporary folder, which a test's subprocess shares. */
  if (!subprocess)
    {
      ui_test_tmp_dir = g_dir_make_tmp ("samling-ui-XXXXXX", NULL);
      g_assert_nonnull (ui_test_tmp_dir);
      g_setenv ("SAMLING_TEST_TMP", ui_test_tmp_dir, TRUE);
    }
  else
    {
      ui_test_tmp_dir = g_strdup (g_getenv ("SAMLING_TEST_TMP"));
    }

  /* A subprocess may be given a data folder of its own. */
  if (subprocess && g_getenv ("SAMLING_TEST_DATA_HOME") != NULL)
    data_home = g_strdup (g_getenv ("SAMLING_TEST_DATA_HOME"));
  else
    data_home = g_build_filename (ui_test_tmp_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", ui_test_tmp_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", ui_test_tmp_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      if (!subprocess)
        remove_tree (ui_test_tmp_dir);
      return FALSE;
    }

  /* Screenshots show the end of a transition, not its middle. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  return TRUE;
}

void
ui_test_prepare_damaged_library (void)
{
  g_autofree char *broken_home = g_build_filename (ui_test_tmp_dir, "broken-home", NULL);
  g_autofree char *broken_db_dir = g_build_filename (broken_home, "samling", NULL);
  g_autofree char *broken_db = g_build_filename (broken_db_dir, "samling.db", NULL);

  g_mkdir_with_parents (broken_db_dir, 0700);
  g_file_set_contents (broken_db, "This is not a database, it is a text file.\n", -1, NULL);
  g_setenv ("SAMLING_TEST_DATA_HOME", broken_home, TRUE);
}

SamClock *
ui_test_use_demo_clock (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2023, 12, 18, 13, 0, 0);
  SamClock *clock = sam_fake_clock_new (1000 * G_USEC_PER_SEC, g_date_time_to_unix (start) * G_USEC_PER_SEC);

  sam_application_set_clock (ui_test_app, clock);
  return clock;
}

void
ui_test_create_app (void)
{
  g_autoptr(GError) error = NULL;

  ui_test_app = sam_application_new ();
  g_application_set_flags (G_APPLICATION (ui_test_app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (ui_test_app), NULL, &error);
  g_assert_no_error (error);
}

int
ui_test_run (void)
{
  int status = g_test_run ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (ui_test_app)); l; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_destroy (window);
    }
  g_clear_object (&ui_test_app);

  if (!subprocess)
    remove_tree (ui_test_tmp_dir);
  g_clear_pointer (&ui_test_tmp_dir, g_free);

  return status;
}

/* Waiting */

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
ui_test_wait_for (UiTestCondition condition,
                  gpointer        data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return !timed_out;
}

void
ui_test_run_for (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

/* Finding */

GtkWidget *
ui_test_find_widget (GtkWidget     *root,
                     UiTestMatch    match,
                     gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
ui_test_collect_widgets (GtkWidget     *root,
                         UiTestMatch    match,
                         gconstpointer  data,
                         GPtrArray     *found)
{
  if (match (root, data))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    ui_test_collect_widgets (child, match, data, found);
}

gboolean
ui_test_is_type (GtkWidget     *widget,
                 gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

gboolean
ui_test_has_css_class (GtkWidget     *widget,
                       gconstpointer  data)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_has_css_class (widget, data);
}

gboolean
ui_test_is_button_labelled (GtkWidget     *widget,
                            gconstpointer  data)
{
  GtkWidget *child;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0)
    return TRUE;

  child = gtk_button_get_child (GTK_BUTTON (widget));
  return GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), data) == 0;
}

gboolean
ui_test_is_row_titled (GtkWidget     *widget,
                       gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

gboolean
ui_test_is_label_reading (GtkWidget     *widget,
                          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* Windows */

gboolean
ui_test_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

gboolean
ui_test_has_size (gpointer data)
{
  UiTestSize *query = data;

  return gtk_widget_get_width (query->widget) == query->width &&
         gtk_widget_get_height (query->widget) == query->height;
}

SamWindow *
ui_test_new_window (int width,
                    int height)
{
  SamWindow *window = sam_application_create_window (ui_test_app);
  UiTestSize query = { GTK_WIDGET (window), width, height };

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, window));

  /* The default size counts the frame too: make the window itself the size. */
  if (!ui_test_has_size (&query))
    {
      gtk_window_set_default_size (GTK_WINDOW (window),
                                   2 * width - gtk_widget_get_width (GTK_WIDGET (window)),
                                   2 * height - gtk_widget_get_height (GTK_WIDGET (window)));
      if (!ui_test_wait_for (ui_test_has_size, &query))
        g_test_message ("The window is %d×%d", gtk_widget_get_width (GTK_WIDGET (window)),
                        gtk_widget_get_height (GTK_WIDGET (window)));
    }

  return window;
}

static gboolean
has_session_cb (gpointer data)
{
  return sam_window_get_session (data) != NULL;
}

static gboolean
is_settled_cb (gpointer data)
{
  GtkStack *stack = GTK_STACK (ui_test_find_widget (data, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_STACK)));

  return stack == NULL || !gtk_stack_get_transition_running (stack);
}

void
ui_test_settle (SamWindow *window)
{
  /* A transition starts with the next frame. */
  ui_test_run_for (100);
  g_assert_true (ui_test_wait_for (is_settled_cb, window));
  ui_test_run_for (100);
}

static SamWindow *
open_with (int         width,
           int         height,
           const char *action)
{
  SamWindow *window = ui_test_new_window (width, height);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  g_assert_true (ui_test_wait_for (has_session_cb, window));
  ui_test_settle (window);

  return window;
}

SamWindow *
ui_test_open_demo (int width,
                   int height)
{
  return open_with (width, height, "app.open-demo");
}

SamWindow *
ui_test_open_new (int width,
                  int height)
{
  SamWindow *window = ui_test_new_window (width, height);

  /* app.new would open another window when this one is free; the window's
   * own session is what the tests need. */
  sam_window_new_session (window);
  g_assert_true (ui_test_wait_for (has_session_cb, window));
  ui_test_settle (window);

  return window;
}

gboolean
ui_test_is_gone (gpointer data)
{
  GtkWindow **window = data;

  return *window == NULL;
}

void
ui_test_close_window (SamWindow *window)
{
  SamWindow *weak = window;
  SamSession *session = sam_window_get_session (window);
  gboolean dirty = session != NULL && sam_session_get_dirty (session);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  if (dirty)
    ui_test_respond (ui_test_wait_for_dialog (window, "Save Changes?"), "discard");
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak));
}

/* Dialogs */

GtkWindow *
ui_test_find_toplevel (GType      type,
                       GtkWindow *parent)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent))
        return window;
    }

  return NULL;
}

static GtkWindow *
find_dialog (SamWindow *window)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
}

typedef struct
{
  SamWindow  *window;
  const char *heading;
} DialogQuery;

static gboolean
dialog_shown_cb (gpointer data)
{
  DialogQuery *query = data;
  GtkWindow *dialog = find_dialog (query->window);

  return dialog != NULL &&
         (query->heading == NULL ||
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), query->heading) == 0);
}

AdwMessageDialog *
ui_test_wait_for_dialog (SamWindow  *window,
                         const char *heading)
{
  DialogQuery query = { window, heading };
  GtkWindow *dialog;

  if (!ui_test_wait_for (dialog_shown_cb, &query))
    {
      dialog = find_dialog (window);
      g_error ("No dialog “%s” appeared (shown: “%s”)", heading,
               dialog != NULL ? adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)) : "none");
    }

  return ADW_MESSAGE_DIALOG (find_dialog (window));
}

void
ui_test_respond (AdwMessageDialog *dialog,
                 const char       *response)
{
  GtkWidget *button;
  AdwMessageDialog *weak = dialog;

  g_assert_true (adw_message_dialog_has_response (dialog, response));
  button = ui_test_find_widget (GTK_WIDGET (dialog), ui_test_is_button_labelled,
                                adw_message_dialog_get_response_label (dialog, response));
  g_assert_nonnull (button);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak));
}

/* Screenshots */

void
ui_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A widget waiting for its new size draws nothing until it has it. */
  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      g_autoptr(GtkSnapshot) attempt_snapshot = gtk_snapshot_new ();

      ui_test_run_for (20);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (attempt_snapshot), width, height);
      node = gtk_snapshot_to_node (attempt_snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s (%d×%d)", path, width, height);
}
