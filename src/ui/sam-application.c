/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sam-application.h"
#include "sam-clock.h"
#include "sam-entities.h"
#include "sam-session.h"
#include "sam-store.h"
#include "sam-template.h"
#include "sam-window.h"

struct _SamApplication
{
  AdwApplication  parent_instance;

  SamStore       *store;
  GError         *store_error;
  GSettings      *settings;
  SamClock       *clock;

  /* Quitting closes the windows one after the other, so that each can ask
   * about its unsaved changes. */
  gboolean        quitting;
};

G_DEFINE_FINAL_TYPE (SamApplication, sam_application, ADW_TYPE_APPLICATION)

enum {
  LIBRARY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

SamApplication *
sam_application_new (void)
{
  return g_object_new (SAM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_CAN_OVERRIDE_APP_ID,
                       /* The resources keep their place when a test overrides the id. */
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

SamStore *
sam_application_get_store (SamApplication *self)
{
  g_return_val_if_fail (SAM_IS_APPLICATION (self), NULL);

  return self->store;
}

SamClock *
sam_application_get_clock (SamApplication *self)
{
  g_return_val_if_fail (SAM_IS_APPLICATION (self), NULL);

  if (self->clock == NULL)
    self->clock = sam_clock_dup_system ();

  return self->clock;
}

void
sam_application_set_clock (SamApplication *self,
                           SamClock       *clock)
{
  g_return_if_fail (SAM_IS_APPLICATION (self));
  g_return_if_fail (clock == NULL || SAM_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
}

GError *
sam_application_take_store_error (SamApplication *self)
{
  g_return_val_if_fail (SAM_IS_APPLICATION (self), NULL);

  return g_steal_pointer (&self->store_error);
}

GSettings *
sam_application_get_settings (SamApplication *self)
{
  g_return_val_if_fail (SAM_IS_APPLICATION (self), NULL);

  return self->settings;
}

SamWindow *
sam_application_create_window (SamApplication *self)
{
  g_return_val_if_fail (SAM_IS_APPLICATION (self), NULL);

  return sam_window_new (self);
}

SamWindow *
sam_application_find_window (SamApplication *self,
                             GFile          *file)
{
  g_return_val_if_fail (SAM_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *other;

      if (!SAM_IS_WINDOW (l->data))
        continue;

      other = sam_window_get_file (l->data);
      if (other != NULL && g_file_equal (other, file))
        return l->data;
    }

  return NULL;
}

SamWindow *
sam_application_get_free_window (SamApplication *self)
{
  GtkWindow *active;

  g_return_val_if_fail (SAM_IS_APPLICATION (self), NULL);

  active = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (SAM_IS_WINDOW (active) && sam_window_get_session (SAM_WINDOW (active)) == NULL)
    return SAM_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SAM_IS_WINDOW (l->data) && sam_window_get_session (l->data) == NULL)
      return l->data;

  return sam_window_new (self);
}

gboolean
sam_application_has_journal (SamApplication *self,
                             const char     *journal_id)
{
  g_return_val_if_fail (SAM_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (journal_id != NULL, FALSE);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (SAM_IS_WINDOW (l->data) &&
          g_strcmp0 (sam_window_get_journal_id (l->data), journal_id) == 0)
        return TRUE;
    }

  return FALSE;
}

void
sam_application_library_changed (SamApplication *self)
{
  g_return_if_fail (SAM_IS_APPLICATION (self));

  g_signal_emit (self, signals[LIBRARY_CHANGED], 0);
}

/* The active window, or a window that shows the start page, for actions
 * that need somewhere to show their result. */
static SamWindow *
get_target_window (SamApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SAM_IS_WINDOW (active))
    return SAM_WINDOW (active);

  return sam_application_get_free_window (self);
}

static void
new_action_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  sam_window_new_session (get_target_window (user_data));
}

/* A new session with the agenda of a template, in a window of its own
 * unless the active one shows the start page. */
static void
new_from_template_action_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SamApplication *self = user_data;
  SamWindow *window = get_target_window (self);
  g_autoptr(SamSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *json = NULL;

  if (self->store == NULL)
    {
      sam_window_show_message (window, _("Could Not Start From the Template"),
                                _("Templates are kept in the session library, which could "
                                  "not be opened when Samling started."));
      return;
    }

  json = sam_store_load_template (self->store, g_variant_get_int64 (parameter), &name, &error);
  if (json != NULL)
    session = sam_template_apply (json, strlen (json), name, &error);

  if (session == NULL)
    {
      g_autofree char *heading = NULL;

      heading = name != NULL ? g_strdup_printf (_("Could Not Start From “%s”"), name)
                             : g_strdup (_("Could Not Start From the Template"));
      sam_window_show_message (window, heading, error->message);
      /* A template deleted elsewhere leaves the list. */
      sam_application_library_changed (self);
      return;
    }

  sam_window_show_new_session (window, session);
}

static void
open_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SamWindow *window = get_target_window (user_data);

  gtk_window_present (GTK_WINDOW (window));
  sam_window_choose_file (window);
}

static void
open_demo_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  sam_window_open_demo (get_target_window (user_data));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SamApplication *self = user_data;
  const char *developers[] = { _("The Samling developers"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application-icon", APP_ID,
                        "application-name", _("Samling"),
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Samling developers"),
                        "developers", developers,
                        "comments", _("Run a facilitated workshop on a projector while its words are captured"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/samling/samling",
                        "issue-url", "https://github.com/samling/samling/issues",
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void quit_next_window (SamApplication *self);

static void
quit_window_closed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SamApplication) self = user_data;

  if (sam_window_close_finish (SAM_WINDOW (object), result, NULL))
    quit_next_window (self);
  else
    self->quitting = FALSE;
}

static void
quit_next_window (SamApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (SAM_IS_WINDOW (l->data))
        {
          sam_window_close_async (l->data, NULL, quit_window_closed_cb, g_object_ref (self));
          return;
        }
    }

  self->quitting = FALSE;

  /* Only dialogs and secondary windows are left. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_destroy (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SamApplication *self = user_data;

  if (self->quitting)
    return;

  self->quitting = TRUE;
  quit_next_window (self);
}

static const GActionEntry app_actions[] = {
  { "new", new_action_cb },
  { "new-from-template", new_from_template_action_cb, "x" },
  { "open", open_action_cb },
  { "open-demo", open_demo_action_cb },
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without an installed schema (a build tree run without
   * GSETTINGS_SCHEMA_DIR) the app still works, it only remembers less. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed; settings are not kept", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
sam_application_startup (GApplication *application)
{
  SamApplication *self = SAM_APPLICATION (application);
  GtkApplication *gtk_app = GTK_APPLICATION (application);
  g_autofree char *path = NULL;
  static const struct {
    const char *action;
    const char *accels[4];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.properties", { "<Alt>Return", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.view('overview')", { "<Alt>1", NULL } },
    { "win.view('agenda')", { "<Alt>2", NULL } },
    { "win.view('map')", { "<Alt>3", NULL } },
    { "win.view('voices')", { "<Alt>4", NULL } },
    { "win.view('wall')", { "<Alt>5", NULL } },
    { "win.capture-voice", { "<Control><Shift>v", NULL } },
    /* The timer and the stage, from the control window. (The stage window
     * has a presenter's single keys.) */
    { "win.timer-toggle", { "<Control>space", NULL } },
    { "win.timer-next", { "<Control>Page_Down", NULL } },
    { "win.timer-previous", { "<Control>Page_Up", NULL } },
    { "win.timer-extend(60)", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
    { "win.timer-extend(-60)", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "win.timer-extend(300)", { "<Control>5", NULL } },
    { "win.stage-show", { "F5", NULL } },
    { "win.stage-swap", { "<Shift>F5", NULL } },
    { "win.stage-blank", { "<Control>b", NULL } },
    { "win.stage-freeze", { "<Control><Shift>f", NULL } },
    { "win.stage-voices", { "<Control><Shift>o", NULL } },
  };

  G_APPLICATION_CLASS (sam_application_parent_class)->startup (application);

  sam_entities_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (gtk_app, accels[i].action, accels[i].accels);

  self->settings = create_settings ();

  /* The library and the journal are a safety net, not a requirement: when
   * the store cannot be opened the reason is shown once and the app goes on. */
  path = sam_store_default_path ();
  self->store = sam_store_open (path, &self->store_error);
  if (self->store == NULL)
    g_message ("Could not open the session library: %s", self->store_error->message);
}

static void
sam_application_shutdown (GApplication *application)
{
  SamApplication *self = SAM_APPLICATION (application);

  G_APPLICATION_CLASS (sam_application_parent_class)->shutdown (application);

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
}

static void
sam_application_activate (GApplication *application)
{
  SamApplication *self = SAM_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (sam_window_new (self));

  gtk_window_present (window);
}

static void
sam_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  SamApplication *self = SAM_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      SamWindow *window = sam_application_find_window (self, files[i]);

      if (window == NULL)
        {
          window = sam_application_get_free_window (self);
          sam_window_open_file (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
    }
}

static int
sam_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "demo"))
    return -1;

  /* The demo opens in whichever instance is the primary one. */
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_action_group_activate_action (G_ACTION_GROUP (application), "open-demo", NULL);

  return -1;
}

static void
sam_application_dispose (GObject *object)
{
  SamApplication *self = SAM_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (sam_application_parent_class)->dispose (object);
}

static void
sam_application_class_init (SamApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sam_application_dispose;

  app_class->startup = sam_application_startup;
  app_class->shutdown = sam_application_shutdown;
  app_class->activate = sam_application_activate;
  app_class->open = sam_application_open;
  app_class->handle_local_options = sam_application_handle_local_options;

  /**
   * SamApplication::library-changed:
   *
   * The list of recent sessions or of unsaved journals changed.
   */
  signals[LIBRARY_CHANGED] =
    g_signal_new ("library-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sam_application_init (SamApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "demo", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("Open the demo session"), NULL);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}
