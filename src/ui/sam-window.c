/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-agenda-page.h"
#include "sam-map-page.h"
#include "sam-prompts-pane.h"
#include "sam-voices-page.h"
#include "sam-wall-page.h"
#include "sam-application.h"
#include "sam-file.h"
#include "sam-history.h"
#include "sam-json.h"
#include "sam-session.h"
#include "sam-session-page.h"
#include "sam-start-page.h"
#include "sam-store.h"
#include "sam-timer.h"
#include "sam-timer-panel.h"
#include "sam-window-private.h"

#define DEMO_URI "resource://" RESOURCE_PREFIX "/demo.samling"

G_DEFINE_FINAL_TYPE (SamWindow, sam_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SamWindow *
sam_window_new (SamApplication *application)
{
  g_return_val_if_fail (SAM_IS_APPLICATION (application), NULL);

  return g_object_new (SAM_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

SamSession *
sam_window_get_session (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);

  return self->session;
}

GFile *
sam_window_get_file (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);

  return self->file;
}

SamTimer *
sam_window_get_timer (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);

  return self->timer;
}

SamJournal *
sam_window_get_journal (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);

  return self->journal;
}

const char *
sam_window_get_journal_id (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);

  return self->journal != NULL ? sam_journal_get_id (self->journal) : NULL;
}

void
sam_window_add_toast (SamWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static AdwToast *
text_toast (const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  return adw_toast_new (markup);
}

void
sam_window_add_message (SamWindow  *self,
                        const char *text)
{
  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  sam_window_add_toast (self, text_toast (text));
}

void
sam_window_add_undo_toast (SamWindow  *self,
                           const char *text)
{
  AdwToast *toast;

  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  toast = text_toast (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  g_set_weak_pointer (&self->undo_toast, toast);
  sam_window_add_toast (self, toast);
}

static SamApplication *
get_application (SamWindow *self)
{
  return SAM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static SamStore *
get_store (SamWindow *self)
{
  SamApplication *app = get_application (self);

  return app != NULL ? sam_application_get_store (app) : NULL;
}

static GSettings *
get_settings (SamWindow *self)
{
  SamApplication *app = get_application (self);

  return app != NULL ? sam_application_get_settings (app) : NULL;
}

/* The name a person knows the file by, without asking the file system (the
 * title shows it after every edit). */
char *
_sam_window_dup_display_name (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);

  return g_path_get_basename (parse_name);
}

void
sam_window_show_message (SamWindow  *self,
                         const char *heading,
                         const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (SAM_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Title and state */

void
_sam_window_update_title (SamWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  const char *title;
  gboolean dirty;

  if (self->session == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Samling"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Samling"));
      return;
    }

  title = sam_session_get_title (self->session);
  if (title == NULL || title[0] == '\0')
    title = _("Untitled Session");
  dirty = sam_session_get_dirty (self->session);

  if (self->file != NULL)
    name = _sam_window_dup_display_name (self->file);
  else
    name = g_strdup (_("Not Saved"));

  /* The dot is the usual mark of unsaved changes. */
  if (dirty)
    {
      subtitle = g_strdup_printf ("• %s", name);
      window_title = g_strdup_printf ("• %s", title);
    }
  else
    {
      subtitle = g_strdup (name);
      window_title = g_strdup (title);
    }

  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  gtk_widget_set_tooltip_text (widget, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

void
_sam_window_update_actions (SamWindow *self)
{
  SamHistory *history = self->session != NULL ? sam_session_get_history (self->session) : NULL;
  gboolean has_session = self->session != NULL;
  gboolean can_undo = history != NULL && sam_history_get_can_undo (history);
  gboolean can_redo = history != NULL && sam_history_get_can_redo (history);
  const char *undo_label = history != NULL ? sam_history_get_undo_label (history) : NULL;
  const char *redo_label = history != NULL ? sam_history_get_redo_label (history) : NULL;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_session && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_session && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.properties", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-summary", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-template",
                                 has_session &&
                                 g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_agenda (self->session))) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.view", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.capture-voice", has_session);
  _sam_window_stage_update (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);

  gtk_widget_set_visible (self->save_button, has_session);
  gtk_widget_set_visible (self->undo_button, has_session);
  gtk_widget_set_visible (self->redo_button, has_session);

  /* The tooltips say what would be undone: "Undo Change Title". */
  if (can_undo && undo_label != NULL)
    undo_tip = g_strdup_printf (_("Undo: %s"), undo_label);
  if (can_redo && redo_label != NULL)
    redo_tip = g_strdup_printf (_("Redo: %s"), redo_label);
  set_tooltip (self->undo_button, undo_tip != NULL ? undo_tip : _("Undo"));
  set_tooltip (self->redo_button, redo_tip != NULL ? redo_tip : _("Redo"));
}

static void
session_notify_cb (SamWindow  *self,
                   GParamSpec *pspec,
                   SamSession *session)
{
  if (g_strcmp0 (pspec->name, "title") == 0 || g_strcmp0 (pspec->name, "dirty") == 0)
    _sam_window_update_title (self);
}

static void
session_committed_cb (SamWindow          *self,
                      const char * const *ops,
                      SamSession         *session)
{
  if (self->saving)
    self->commits_during_save++;
  /* Its Undo would now take back this edit instead. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
}

static void
history_notify_cb (SamWindow  *self,
                   GParamSpec *pspec,
                   SamHistory *history)
{
  _sam_window_update_actions (self);
}

static void
journal_failed_cb (SamWindow    *self,
                   const GError *error,
                   SamJournal   *journal)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (_("Changes are not being kept for recovery: %s"),
                          error != NULL ? error->message : _("unknown error"));
  gtk_label_set_text (self->journal_label, text);
  gtk_revealer_set_reveal_child (self->journal_revealer, TRUE);
}

static void
journal_dismiss_cb (SamWindow *self,
                    GtkButton *button)
{
  gtk_revealer_set_reveal_child (self->journal_revealer, FALSE);
}

SamJournal *
_sam_window_create_journal (SamWindow  *self,
                            SamSession *session,
                            GFile      *file,
                            GBytes     *base)
{
  SamStore *store = get_store (self);
  g_autoptr(GBytes) serialized = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  SamJournal *journal;

  if (store == NULL)
    return NULL;

  if (base == NULL)
    {
      gsize length = 0;
      char *data = sam_json_save_data (session, &length);

      serialized = g_bytes_new_take (data, length);
      base = serialized;
    }

  uri = file != NULL ? g_file_get_uri (file) : g_strdup ("");
  journal = sam_journal_new (store, session, uri, base, &error);
  if (journal == NULL)
    journal_failed_cb (self, error, NULL);

  return journal;
}

void
_sam_window_set_file (SamWindow *self,
                      GFile     *file)
{
  if (g_set_object (&self->file, file))
    _sam_window_update_title (self);
}

void
_sam_window_set_session (SamWindow  *self,
                         SamSession *session,
                         GFile      *file,
                         SamJournal *journal)
{
  g_assert (SAM_IS_SESSION (session));

  g_set_object (&self->session, session);
  g_set_object (&self->file, file);
  g_set_object (&self->journal, journal);

  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->history_signals, sam_session_get_history (session));
  g_signal_group_set_target (self->journal_signals, journal);

  sam_session_page_set_session (self->session_page, session);

  /* A window shows one session for its life: one timer runs its agenda. */
  g_assert (self->timer == NULL);
  self->timer = sam_timer_new (session, sam_application_get_clock (get_application (self)));
  _sam_window_stage_setup (self);

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "session");

  _sam_window_update_title (self);
  _sam_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);

  /* The session page takes the focus away from the start page's buttons. */
  gtk_widget_grab_focus (GTK_WIDGET (self->session_page));
}

/* The window that should show a session that just became ready: this one,
 * unless it already shows one. */
static SamWindow *
target_window (SamWindow *self)
{
  SamWindow *window;

  if (self->session == NULL && self->close_task == NULL)
    return self;

  window = sam_window_new (get_application (self));
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
remember (SamWindow  *self,
          SamSession *session,
          GFile      *file)
{
  SamStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (store == NULL || file == NULL)
    return;

  uri = g_file_get_uri (file);
  if (!sam_store_remember (store, uri, sam_session_get_title (session),
                           sam_item_get_string (SAM_ITEM (session), "date"), &error))
    g_message ("Could not add %s to the recent sessions: %s", uri, error->message);

  sam_application_library_changed (get_application (self));
}

void
_sam_window_remember (SamWindow *self)
{
  if (self->session != NULL)
    remember (self, self->session, self->file);
}

/* Opening */

typedef struct
{
  SamWindow *window;
  GFile     *file;
  gboolean   demo;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  SamWindow *self = data->window;
  g_autoptr(SamSession) session = NULL;
  g_autoptr(SamJournal) journal = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  SamWindow *target;

  session = sam_file_load_finish (result, &contents, &error);
  if (session == NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      name = data->demo ? g_strdup (_("Demo Session")) : _sam_window_dup_display_name (data->file);
      heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      sam_window_show_message (self, heading, error->message);
      return;
    }

  if (!data->demo)
    {
      /* It may have been opened elsewhere while this one was loading. */
      SamWindow *other = sam_application_find_window (get_application (self), data->file);

      if (other != NULL)
        {
          gtk_window_present (GTK_WINDOW (other));
          return;
        }
    }

  target = target_window (self);
  /* The demo is a starting point: it is saved wherever the person chooses. */
  journal = _sam_window_create_journal (target, session, data->demo ? NULL : data->file, contents);
  _sam_window_set_session (target, session, data->demo ? NULL : data->file, journal);
  gtk_window_present (GTK_WINDOW (target));

  if (!data->demo)
    remember (target, session, data->file);
}

static void
load (SamWindow *self,
      GFile     *file,
      gboolean   demo)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->demo = demo;

  sam_file_load_async (file, self->cancellable, file_loaded_cb, data);
}

void
sam_window_open_file (SamWindow *self,
                      GFile     *file)
{
  SamWindow *other;

  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  other = sam_application_find_window (get_application (self), file);
  if (other != NULL)
    {
      gtk_window_present (GTK_WINDOW (other));
      return;
    }

  load (self, file, FALSE);
}

void
sam_window_open_demo (SamWindow *self)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (SAM_IS_WINDOW (self));

  file = g_file_new_for_uri (DEMO_URI);
  load (self, file, TRUE);
}

void
sam_window_show_new_session (SamWindow  *self,
                             SamSession *session)
{
  g_autoptr(SamJournal) journal = NULL;
  SamWindow *target;

  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (SAM_IS_SESSION (session));

  target = target_window (self);
  journal = _sam_window_create_journal (target, session, NULL, NULL);
  _sam_window_set_session (target, session, NULL, journal);
  gtk_window_present (GTK_WINDOW (target));
}

void
sam_window_new_session (SamWindow *self)
{
  g_autoptr(SamSession) session = NULL;

  g_return_if_fail (SAM_IS_WINDOW (self));

  session = sam_session_new ();
  sam_window_show_new_session (self, session);
}

void
sam_window_recover (SamWindow  *self,
                    const char *journal_id)
{
  SamStore *store;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(SamSession) session = NULL;
  g_autoptr(SamJournal) journal = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  SamWindow *target;

  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (journal_id != NULL);

  store = get_store (self);
  if (store == NULL || sam_application_has_journal (get_application (self), journal_id))
    return;

  entries = sam_store_journal_list (store, &error);
  if (entries != NULL)
    {
      for (guint i = 0; i < entries->len; i++)
        {
          SamJournalEntry *entry = g_ptr_array_index (entries, i);

          if (g_strcmp0 (entry->id, journal_id) == 0 && entry->uri != NULL && entry->uri[0] != '\0')
            file = g_file_new_for_uri (entry->uri);
        }
    }
  g_clear_error (&error);

  session = sam_store_journal_recover (store, journal_id, &error);
  if (session == NULL)
    {
      sam_window_show_message (self, _("Could Not Recover the Session"), error->message);
      return;
    }

  target = target_window (self);
  journal = sam_journal_resume (store, session, journal_id);
  _sam_window_set_session (target, session, file, journal);
  gtk_window_present (GTK_WINDOW (target));

  sam_application_library_changed (get_application (self));
}

static char *
dup_last_folder (SamWindow *self)
{
  GSettings *settings = get_settings (self);

  return settings != NULL ? g_settings_get_string (settings, "last-folder") : NULL;
}

void
_sam_window_remember_folder (SamWindow *self,
                             GFile     *file)
{
  GSettings *settings = get_settings (self);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = NULL;

  if (settings == NULL || parent == NULL)
    return;

  uri = g_file_get_uri (parent);
  g_settings_set_string (settings, "last-folder", uri);
}

void
_sam_window_add_filters (SamWindow      *self,
                         GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) sessions = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *folder_uri = dup_last_folder (self);
  g_autoptr(GFile) folder = NULL;

  gtk_file_filter_set_name (sessions, _("Samling Sessions"));
  gtk_file_filter_add_pattern (sessions, "*.samling");
  gtk_file_filter_add_mime_type (sessions, "application/x-samling");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  gtk_file_chooser_add_filter (chooser, sessions);
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, sessions);

  if (folder_uri != NULL && folder_uri[0] != '\0')
    folder = g_file_new_for_commandline_arg (folder_uri);
  else if (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL)
    folder = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));

  if (folder != NULL && g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
open_chooser_response_cb (SamWindow            *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          if (i == 0)
            _sam_window_remember_folder (self, file);
          sam_window_open_file (self, file);
        }
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

void
sam_window_choose_file (SamWindow *self)
{
  g_return_if_fail (SAM_IS_WINDOW (self));

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Open Session"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  _sam_window_add_filters (self, GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (open_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Dropping files on the window opens them. */
static gboolean
drop_cb (SamWindow     *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GdkFileList *list;
  g_autoptr(GSList) files = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  files = gdk_file_list_get_files (list);
  if (files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    sam_window_open_file (self, l->data);

  return TRUE;
}

/* The GObject */

static void
sam_window_map (GtkWidget *widget)
{
  SamWindow *self = SAM_WINDOW (widget);

  GTK_WIDGET_CLASS (sam_window_parent_class)->map (widget);

  /* If the library could not be opened, the first window says why, once. */
  if (!self->store_error_checked)
    {
      g_autoptr(GError) error = NULL;

      self->store_error_checked = TRUE;
      error = sam_application_take_store_error (get_application (self));
      if (error != NULL)
        {
          g_autofree char *body = NULL;

          body = g_strdup_printf (_("%s\n\nSamling works without it, but recent sessions are not listed "
                                    "and unsaved changes are not kept for recovery."),
                                  error->message);
          sam_window_show_message (self, _("Session Library Unavailable"), body);
        }
    }
}

static gboolean
sam_window_close_request (GtkWindow *window)
{
  return _sam_window_close_request (SAM_WINDOW (window));
}

static void
sam_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SamWindow *self = SAM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The application is set after construction (it is no construct property):
 * what depends on it waits for it. */
static void
application_changed_cb (SamWindow  *self,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  SamApplication *app = get_application (self);
  GSettings *settings;

  if (app == NULL)
    return;

  settings = sam_application_get_settings (app);
  if (settings != NULL && !gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      int width = g_settings_get_int (settings, "window-width");
      int height = g_settings_get_int (settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  sam_start_page_set_application (self->start_page, app);
}

static void
sam_window_dispose (GObject *object)
{
  SamWindow *self = SAM_WINDOW (object);

  self->disposed = TRUE;
  /* Stops a save that has not begun writing, and any loading. */
  g_cancellable_cancel (self->cancellable);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->properties_window != NULL)
    gtk_window_destroy (self->properties_window);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  if (self->journal_signals != NULL)
    g_signal_group_set_target (self->journal_signals, NULL);

  /* The stage goes with its control window, and the timer stops ticking. */
  _sam_window_stage_dispose (self);
  g_clear_object (&self->timer);
  self->agenda_page = NULL;
  self->timer_panel = NULL;
  self->map_page = NULL;
  self->voices_page = NULL;
  self->prompts_pane = NULL;
  self->wall_page = NULL;
  g_clear_weak_pointer (&self->undo_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_WINDOW);

  G_OBJECT_CLASS (sam_window_parent_class)->dispose (object);
}

static void
sam_window_finalize (GObject *object)
{
  SamWindow *self = SAM_WINDOW (object);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->journal_signals);
  g_clear_object (&self->journal);
  g_clear_object (&self->session);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->close_task);

  G_OBJECT_CLASS (sam_window_parent_class)->finalize (object);
}

/* Makes the agenda view: the agenda beside the timer panel. */
static void
ensure_agenda_view (SamWindow *self)
{
  GtkWidget *scrolled;

  if (self->agenda_page != NULL || self->timer == NULL)
    return;

  self->agenda_page = g_object_new (SAM_TYPE_AGENDA_PAGE, "hexpand", TRUE, NULL);
  self->timer_panel = g_object_new (SAM_TYPE_TIMER_PANEL, "width-request", 400, NULL);
  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-width", TRUE,
                           "child", self->timer_panel,
                           NULL);

  gtk_box_append (self->agenda_view, GTK_WIDGET (self->agenda_page));
  gtk_box_append (self->agenda_view, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (self->agenda_view, scrolled);

  sam_agenda_page_set_timer (self->agenda_page, self->timer);
  sam_timer_panel_set_timer (self->timer_panel, self->timer);
  _sam_window_stage_apply_views (self);
}

/* Makes the map view: the participant map and the perspectives' board. */
static void
ensure_map_view (SamWindow *self)
{
  if (self->map_page != NULL || self->session == NULL)
    return;

  self->map_page = g_object_new (SAM_TYPE_MAP_PAGE, NULL);
  adw_bin_set_child (self->map_view, GTK_WIDGET (self->map_page));
  sam_map_page_set_session (self->map_page, self->session);
}

/* Makes the voices view: the note-taker's pane. */
static void
ensure_voices_view (SamWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkWidget *paned;

  if (self->voices_page != NULL || self->session == NULL)
    return;

  /* The prompts beside the voices: the facilitator sets up and runs a
   * prompt on the left while the note-taker writes on the right. */
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (GTK_PANED (paned), 380);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);

  self->prompts_pane = g_object_new (SAM_TYPE_PROMPTS_PANE, NULL);
  sam_prompts_pane_set_store (self->prompts_pane,
                              SAM_IS_APPLICATION (app) ? sam_application_get_store (SAM_APPLICATION (app)) : NULL);
  sam_prompts_pane_set_session (self->prompts_pane, self->session);
  sam_prompts_pane_set_timer (self->prompts_pane, self->timer);
  gtk_paned_set_start_child (GTK_PANED (paned), GTK_WIDGET (self->prompts_pane));

  self->voices_page = g_object_new (SAM_TYPE_VOICES_PAGE, NULL);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->voices_page));
  sam_voices_page_set_session (self->voices_page, self->session);
  sam_voices_page_set_timer (self->voices_page, self->timer);
  adw_bin_set_child (self->voices_view, paned);
}

/* Makes the wall view: the sticky notes. */
static void
ensure_wall_view (SamWindow *self)
{
  if (self->wall_page != NULL || self->session == NULL)
    return;

  self->wall_page = g_object_new (SAM_TYPE_WALL_PAGE, NULL);
  adw_bin_set_child (self->wall_view, GTK_WIDGET (self->wall_page));
  sam_wall_page_set_session (self->wall_page, self->session);
}

static void
visible_view_cb (SamWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->views);

  if (g_strcmp0 (name, "agenda") == 0)
    ensure_agenda_view (self);
  else if (g_strcmp0 (name, "map") == 0)
    ensure_map_view (self);
  else if (g_strcmp0 (name, "wall") == 0)
    {
      ensure_wall_view (self);
      /* Notes are typed into the first column unless another is chosen. */
      if (self->wall_page != NULL && sam_wall_page_get_selected (self->wall_page) == NULL)
        sam_wall_page_focus_entry (self->wall_page, 0);
    }
  else if (g_strcmp0 (name, "voices") == 0)
    {
      ensure_voices_view (self);
      /* The note-taker comes here to type. */
      if (self->voices_page != NULL)
        sam_voices_page_focus_entry (self->voices_page);
    }
}

static void
view_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->session == NULL || adw_view_stack_get_child_by_name (self->views, name) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->views, name);
}

/* What is said is written down from wherever one is: the voices view
 * comes up with its entry ready. */
static void
capture_voice_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);

  if (self->session == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->views, "voices");
  ensure_voices_view (self);
  sam_voices_page_focus_entry (self->voices_page);
}

static void
sam_window_class_init (SamWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sam_window_dispose;
  object_class->finalize = sam_window_finalize;
  object_class->get_property = sam_window_get_property;

  widget_class->map = sam_window_map;
  window_class->close_request = sam_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SAM_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SAM_TYPE_START_PAGE);
  g_type_ensure (SAM_TYPE_SESSION_PAGE);
  g_type_ensure (SAM_TYPE_AGENDA_PAGE);
  g_type_ensure (SAM_TYPE_TIMER_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sam-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, views);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, voices_view);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, wall_view);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, journal_revealer);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, journal_label);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, session_page);
  gtk_widget_class_bind_template_callback (widget_class, journal_dismiss_cb);

  _sam_window_class_init_actions (widget_class);
  _sam_window_class_init_stage (widget_class);

  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.capture-voice", NULL, capture_voice_action_cb);
}

static void
sam_window_init (SamWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  self->session_signals = g_signal_group_new (SAM_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify",
                                 G_CALLBACK (session_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "committed",
                                 G_CALLBACK (session_committed_cb), self, G_CONNECT_SWAPPED);

  self->history_signals = g_signal_group_new (SAM_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "notify",
                                 G_CALLBACK (history_notify_cb), self, G_CONNECT_SWAPPED);

  self->journal_signals = g_signal_group_new (SAM_TYPE_JOURNAL);
  g_signal_group_connect_object (self->journal_signals, "failed",
                                 G_CALLBACK (journal_failed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);
  g_signal_connect_object (self->views, "notify::visible-child-name",
                           G_CALLBACK (visible_view_cb), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _sam_window_update_title (self);
  _sam_window_update_actions (self);
}
