/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window's actions: saving, closing, undo and redo, the properties,
 * saving the agenda as a template, exporting and printing the summary. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-agenda-page.h"
#include "sam-application.h"
#include "sam-format.h"
#include "sam-export-dialog.h"
#include "sam-file.h"
#include "sam-json.h"
#include "sam-properties-window.h"
#include "sam-session.h"
#include "sam-store.h"
#include "sam-template.h"
#include "sam-window-private.h"
#include "sam-map-page.h"
#include "sam-voices-page.h"
#include "sam-wall-page.h"

#define FILE_SUFFIX ".samling"

static SamApplication *
get_application (SamWindow *self)
{
  return SAM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* Closed, or going away: the window is out of sight and waits only for a
 * save to report; nothing is shown in it any more. */
static gboolean
is_closed (SamWindow *self)
{
  return self->close_confirmed || self->disposed;
}

/* What is typed in the properties window and not applied yet belongs to the
 * session before it is saved or its window closes. */
static void
apply_properties (SamWindow *self)
{
  if (self->properties_window != NULL)
    sam_properties_window_apply (SAM_PROPERTIES_WINDOW (self->properties_window));
  if (self->agenda_page != NULL)
    sam_agenda_page_apply (self->agenda_page);
  if (self->map_page != NULL)
    sam_map_page_apply (self->map_page);
  if (self->voices_page != NULL)
    sam_voices_page_apply (self->voices_page);
  if (self->wall_page != NULL)
    sam_wall_page_apply (self->wall_page);
}

/* Saving */

static void
file_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SamWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GBytes) base = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  self->saving = FALSE;

  /* Closed while the file was written: there is nothing left to show the
   * outcome in, and the journal has been dealt with. */
  if (is_closed (self))
    {
      if (sam_file_save_finish (result, NULL, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!sam_file_save_finish (result, &contents, &error))
    {
      g_autofree char *name = _sam_window_dup_display_name (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      g_autofree char *body = NULL;

      body = g_strdup_printf (_("%s\n\nYour changes are kept. Try again, or choose another place "
                                "with Save As."),
                              error->message);
      sam_window_show_message (self, heading, body);
      _sam_window_update_actions (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _sam_window_set_file (self, file);
  sam_session_mark_saved (self->session);

  /* Edits made while the file was written are not in it: the session stays
   * unsaved, and the journal starts from the present state so that
   * recovery still brings them back. */
  if (self->commits_during_save > 0)
    sam_session_mark_dirty (self->session);
  else
    base = g_bytes_ref (contents);

  uri = g_file_get_uri (file);
  if (self->journal != NULL && !sam_journal_rebase (self->journal, uri, base, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Changes are not being kept for recovery: %s"),
                                               error->message);

      gtk_label_set_text (self->journal_label, text);
      gtk_revealer_set_reveal_child (self->journal_revealer, TRUE);
      g_clear_error (&error);
    }
  else
    {
      gtk_revealer_set_reveal_child (self->journal_revealer, FALSE);
    }

  _sam_window_remember (self);
  _sam_window_update_title (self);
  _sam_window_update_actions (self);
  sam_window_add_toast (self, adw_toast_new (_("Saved")));

  g_task_return_boolean (task, TRUE);
}

static void
write_file (SamWindow *self,
            GTask     *task,
            GFile     *file)
{
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  self->saving = TRUE;
  self->commits_during_save = 0;
  _sam_window_update_actions (self);

  /* A close may wait for it (see close_after_running_save()). */
  if (self->running_save != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->running_save), (gpointer *) &self->running_save);
  self->running_save = task;
  g_object_add_weak_pointer (G_OBJECT (task), (gpointer *) &self->running_save);

  /* Cancelled when the person discards on closing, or the window goes: a
   * save that has not begun writing then does not. */
  sam_file_save_async (self->session, file, self->cancellable, file_saved_cb, task);
}

static GFile *
with_suffix (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  if (basename == NULL || g_str_has_suffix (basename, FILE_SUFFIX))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  name = g_strconcat (basename, FILE_SUFFIX, NULL);

  return parent != NULL ? g_file_get_child (parent, name) : g_object_ref (file);
}

static void
save_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  SamWindow *self = g_task_get_source_object (task);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) file = with_suffix (chosen);

      _sam_window_remember_folder (self, file);
      gtk_native_dialog_destroy (chooser);
      g_object_unref (chooser);
      write_file (self, g_steal_pointer (&task), file);
      return;
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Saving was cancelled"));
}

static char *
suggested_name (SamSession *session)
{
  return sam_format_file_name (sam_session_get_title (session), _("Untitled Session"), FILE_SUFFIX);
}

void
_sam_window_save_async (SamWindow           *self,
                        gboolean             choose_file,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  apply_properties (self);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, _sam_window_save_async);

  if (self->session == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("There is no session to save"));
      return;
    }

  if (self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s",
                               _("The session is being saved already"));
      return;
    }

  if (!choose_file && self->file != NULL)
    {
      write_file (self, g_steal_pointer (&task), self->file);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Session"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  _sam_window_add_filters (self, GTK_FILE_CHOOSER (chooser));

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
      name = g_file_get_basename (self->file);
    }
  else
    {
      name = suggested_name (self->session);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb),
                    g_steal_pointer (&task));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
_sam_window_save_finish (SamWindow     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _sam_window_save_async (SAM_WINDOW (widget), FALSE, NULL, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _sam_window_save_async (SAM_WINDOW (widget), TRUE, NULL, NULL);
}

/* Closing */

static void
save_window_state (SamWindow *self)
{
  SamApplication *app = get_application (self);
  GSettings *settings = app != NULL ? sam_application_get_settings (app) : NULL;
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  /* Within the schema's ranges, or GSettings refuses them. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", CLAMP (width, 360, 32768));
      g_settings_set_int (settings, "window-height", CLAMP (height, 294, 32768));
    }
}

static void
finish_close (SamWindow *self,
              gboolean   closed)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->close_task);

  if (closed)
    {
      g_autoptr(GError) error = NULL;
      SamApplication *app = get_application (self);

      /* Closed cleanly, saved or discarded: nothing is left to recover. */
      if (self->journal != NULL && !sam_journal_discard (self->journal, &error))
        g_message ("Could not discard the recovery journal: %s", error->message);
      g_clear_object (&self->journal);

      save_window_state (self);
      self->close_confirmed = TRUE;

      /* The window may outlive this while a save finishes: what belongs to
       * it goes now. */
      if (self->properties_window != NULL)
        gtk_window_destroy (self->properties_window);

      g_object_ref (self);
      gtk_window_destroy (GTK_WINDOW (self));
      if (app != NULL)
        sam_application_library_changed (app);
      g_object_unref (self);
    }

  if (task != NULL)
    g_task_return_boolean (task, closed);
}

static void saved_for_close_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data);

/* A save for closing has ended. */
static void
close_after_save (SamWindow *self,
                  gboolean   saved)
{
  if (is_closed (self))
    {
      /* Gone meanwhile, without this request. */
      g_autoptr(GTask) task = g_steal_pointer (&self->close_task);

      if (task != NULL)
        g_task_return_boolean (task, TRUE);
      return;
    }

  /* A failed save has said why; the window stays open with all its work. */
  if (!saved)
    finish_close (self, FALSE);
  /* Edits committed while the file was written are not in it: saved too,
   * before the journal that holds them goes. */
  else if (self->session != NULL && sam_session_get_dirty (self->session))
    _sam_window_save_async (self, FALSE, saved_for_close_cb, NULL);
  else
    finish_close (self, TRUE);
}

/* The save that was under way when the close wanted to save has ended (its
 * own callback has run). */
static void
running_save_completed_cb (SamWindow  *self,
                           GParamSpec *pspec,
                           GTask      *task)
{
  g_signal_handlers_disconnect_by_func (task, running_save_completed_cb, self);
  close_after_save (self, !g_task_had_error (task));
}

/* Lets the close go on when the save under way ends; FALSE if none is. */
static gboolean
close_after_running_save (SamWindow *self)
{
  if (!self->saving || self->running_save == NULL)
    return FALSE;

  g_signal_connect_object (self->running_save, "notify::completed",
                           G_CALLBACK (running_save_completed_cb), self,
                           G_CONNECT_SWAPPED);
  return TRUE;
}

static void
saved_for_close_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SamWindow *self = SAM_WINDOW (object);
  g_autoptr(GError) error = NULL;
  gboolean saved = _sam_window_save_finish (self, result, &error);

  /* Another save began first: the close waits for it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING) && close_after_running_save (self))
    return;

  close_after_save (self, saved);
}

static void
close_dialog_response_cb (SamWindow        *self,
                          const char       *response,
                          AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      if (!close_after_running_save (self))
        _sam_window_save_async (self, FALSE, saved_for_close_cb, NULL);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      /* A save under way stops if it has not begun writing yet. */
      g_cancellable_cancel (self->cancellable);
      finish_close (self, TRUE);
    }
  else
    {
      finish_close (self, FALSE);
    }
}

static void
ask_to_save (SamWindow *self)
{
  const char *title = sam_session_get_title (self->session);
  GtkWidget *dialog;

  if (title == NULL || title[0] == '\0')
    title = _("Untitled Session");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has changes that are not saved. "
                                    "Changes that you discard are lost."),
                                  title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sam_window_close_async (SamWindow           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SAM_IS_WINDOW (self));

  apply_properties (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sam_window_close_async);

  if (self->close_task != NULL)
    {
      /* Its question is on screen already. */
      gtk_window_present (GTK_WINDOW (self));
      g_task_return_boolean (task, FALSE);
      return;
    }

  self->close_task = g_steal_pointer (&task);

  if (self->session != NULL && sam_session_get_dirty (self->session))
    {
      gtk_window_present (GTK_WINDOW (self));
      ask_to_save (self);
    }
  else
    {
      finish_close (self, TRUE);
    }
}

gboolean
sam_window_close_finish (SamWindow     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
_sam_window_close_request (SamWindow *self)
{
  if (self->close_confirmed)
    return FALSE;

  sam_window_close_async (self, NULL, NULL, NULL);

  return TRUE;
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  sam_window_close_async (SAM_WINDOW (widget), NULL, NULL, NULL);
}

/* Editing */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);

  if (self->session != NULL)
    sam_session_undo (self->session);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);

  if (self->session != NULL)
    sam_session_redo (self->session);
}

static void
properties_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);

  if (self->session == NULL)
    return;

  if (self->properties_window == NULL)
    {
      self->properties_window = GTK_WINDOW (sam_properties_window_new (GTK_WINDOW (self),
                                                                       self->session));
      g_object_add_weak_pointer (G_OBJECT (self->properties_window),
                                 (gpointer *) &self->properties_window);
    }

  gtk_window_present (self->properties_window);
}

static void
forget_recent_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);
  SamApplication *app = get_application (self);
  SamStore *store = app != NULL ? sam_application_get_store (app) : NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  if (!sam_store_forget (store, g_variant_get_string (parameter, NULL), &error))
    {
      sam_window_show_message (self, _("Could Not Remove the Session From the List"),
                                error->message);
      return;
    }

  sam_application_library_changed (app);
}

/* Templates */

static void ask_template_name (SamWindow  *self,
                               const char *name);

static void
save_template (SamWindow  *self,
               const char *name)
{
  SamApplication *app = get_application (self);
  SamStore *store = app != NULL ? sam_application_get_store (app) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;

  if (store == NULL || self->session == NULL)
    return;

  json = sam_template_build (self->session, NULL);
  if (sam_store_save_template (store, name, json, &error) == 0)
    {
      sam_window_show_message (self, _("Could Not Save the Template"), error->message);
      return;
    }

  text = g_strdup_printf (_("Template “%s” saved"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  sam_application_library_changed (app);
}

static void
replace_template_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              SamWindow        *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "template-name");

  if (g_strcmp0 (response, "replace") == 0)
    save_template (self, name);
  else
    /* Back to the name, to choose another. */
    ask_template_name (self, name);
}

static void
ask_to_replace_template (SamWindow  *self,
                         const char *name)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace Template?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("A template named “%s” already exists. "
                                    "Replacing it overwrites its agenda with this one."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "template-name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_template_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The name as it will be kept: without spaces around it. */
static char *
template_name_from (GtkEditable *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

static void
template_name_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *name = template_name_from (entry);

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
}

static void
template_name_activated_cb (AdwEntryRow      *entry,
                            AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "save"))
    return;

  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
template_name_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           SamWindow        *self)
{
  SamApplication *app = get_application (self);
  SamStore *store = app != NULL ? sam_application_get_store (app) : NULL;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "template-entry");
  g_autofree char *name = template_name_from (entry);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || name[0] == '\0' || store == NULL)
    return;

  if (sam_store_find_template_by_name (store, name, NULL, &error))
    ask_to_replace_template (self, name);
  else if (g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND))
    save_template (self, name);
  else
    sam_window_show_message (self, _("Could Not Save the Template"), error->message);
}

static void
ask_template_name (SamWindow  *self,
                   const char *name)
{
  GtkWidget *dialog, *list, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Agenda as Template"),
                                   _("New sessions can start from this agenda and its times. "
                                     "What was recorded while it ran is left out."));

  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Template Name"));
  gtk_editable_set_text (GTK_EDITABLE (entry), name);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "template-entry", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (template_name_changed_cb), dialog, 0);
  g_signal_connect_object (entry, "entry-activated", G_CALLBACK (template_name_activated_cb),
                           dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (template_name_response_cb), self, 0);
  template_name_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));

  /* Ready to type over, or to keep with Enter. */
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);
  SamApplication *app = get_application (self);
  const char *title;

  if (self->session == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_agenda (self->session))) == 0)
    return;

  if (app == NULL || sam_application_get_store (app) == NULL)
    {
      sam_window_show_message (self, _("Could Not Save the Template"),
                                _("Templates are kept in the session library, which could "
                                  "not be opened when Samling started."));
      return;
    }

  apply_properties (self);

  title = sam_session_get_title (self->session);
  ask_template_name (self, title != NULL ? title : "");
}

/* Exporting and printing the summary */

static GSettings *
get_settings (SamWindow *self)
{
  SamApplication *app = get_application (self);

  return app != NULL ? sam_application_get_settings (app) : NULL;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);
  GtkWidget *dialog;

  if (self->session == NULL)
    return;

  /* The summary holds what is typed and not yet applied, as a save does. */
  apply_properties (self);

  dialog = sam_export_dialog_new (self, self->session, get_settings (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;

  apply_properties (self);

  operation = sam_export_print_operation_new (self->session,
                                              sam_export_remembered_sections (get_settings (self)));
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    sam_window_show_message (self, _("Could Not Print the Summary"), error->message);
}

static void
copy_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;

  apply_properties (self);

  if (!sam_export_copy_summary (widget, self->session,
                                sam_export_remembered_sections (get_settings (self)), &error))
    {
      sam_window_show_message (self, _("Could Not Copy the Summary"), error->message);
      return;
    }

  sam_window_add_message (self, _("Summary copied"));
}

void
_sam_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.properties", NULL, properties_action);
  gtk_widget_class_install_action (widget_class, "win.forget-recent", "s", forget_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.copy-summary", NULL, copy_summary_action);
}
