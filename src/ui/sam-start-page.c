/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-application.h"
#include "sam-format.h"
#include "sam-start-page.h"
#include "sam-store.h"
#include "sam-window.h"

#define MAX_RECENT 10

struct _SamStartPage
{
  AdwBin                parent_instance;

  AdwPreferencesGroup  *unsaved_group;
  AdwPreferencesGroup  *recent_group;
  AdwPreferencesGroup  *template_group;

  SamApplication       *application;  /* weak */
  GPtrArray            *rows;         /* (GtkWidget *) in the groups */
};

G_DEFINE_FINAL_TYPE (SamStartPage, sam_start_page, ADW_TYPE_BIN)

static SamStore *
get_store (SamStartPage *self)
{
  return self->application != NULL ? sam_application_get_store (self->application) : NULL;
}

static SamWindow *
get_window (SamStartPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return SAM_IS_WINDOW (root) ? SAM_WINDOW (root) : NULL;
}

/* "~/Documents/Workshops" for a folder in the home folder. */
static char *
folder_label (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_file_get_parse_name (file);

  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);

  return g_file_get_parse_name (parent);
}

static void
add_row (SamStartPage        *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

/* Unsaved work */

static void
recover_clicked_cb (GtkButton    *button,
                    SamStartPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "journal-id");
  SamWindow *window = get_window (self);

  if (window != NULL)
    sam_window_recover (window, id);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SamStartPage     *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "journal-id");
  SamStore *store = get_store (self);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "discard") != 0 || store == NULL)
    return;

  if (!sam_store_journal_discard (store, id, &error))
    {
      GtkWidget *failed;

      failed = adw_message_dialog_new (GTK_WINDOW (get_window (self)),
                                       _("Could Not Discard the Changes"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
      return;
    }

  sam_application_library_changed (self->application);
}

static void
discard_clicked_cb (GtkButton    *button,
                    SamStartPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "journal-id");
  const char *title = g_object_get_data (G_OBJECT (button), "journal-title");
  guint n_ops = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "journal-n-ops"));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (get_window (self)),
                                   _("Discard Unsaved Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The %u unsaved change to “%s” will be lost for good.",
                                               "The %u unsaved changes to “%s” will be lost for good.",
                                               n_ops),
                                  n_ops, title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "journal-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The mnemonic is on a label of its own: a button's label property would
 * make its accessible name "_Recover Recover". */
static GtkWidget *
row_button (const char *mnemonic,
            const char *description)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return button;
}

static GtkWidget *
journal_row (SamStartPage    *self,
             SamJournalEntry *entry)
{
  const char *title = entry->title != NULL && entry->title[0] != '\0' ? entry->title : _("Untitled Session");
  g_autofree char *when = sam_format_timestamp (entry->updated);
  g_autofree char *subtitle = NULL;
  g_autofree char *recover_description = NULL;
  g_autofree char *discard_description = NULL;
  GtkWidget *row, *recover, *discard;

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u unsaved change, %s",
                                           "%u unsaved changes, %s",
                                           entry->n_ops),
                              entry->n_ops, when);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  recover_description = g_strdup_printf (_("Recover “%s” with its unsaved changes"), title);
  recover = row_button (_("_Recover"), recover_description);
  gtk_widget_add_css_class (recover, "suggested-action");
  g_object_set_data_full (G_OBJECT (recover), "journal-id", g_strdup (entry->id), g_free);
  g_signal_connect_object (recover, "clicked", G_CALLBACK (recover_clicked_cb), self, 0);

  discard_description = g_strdup_printf (_("Discard the unsaved changes to “%s”"), title);
  discard = row_button (_("_Discard"), discard_description);
  g_object_set_data_full (G_OBJECT (discard), "journal-id", g_strdup (entry->id), g_free);
  g_object_set_data_full (G_OBJECT (discard), "journal-title", g_strdup (title), g_free);
  g_object_set_data (G_OBJECT (discard), "journal-n-ops", GUINT_TO_POINTER (entry->n_ops));
  g_signal_connect_object (discard, "clicked", G_CALLBACK (discard_clicked_cb), self, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), recover);

  return row;
}

/* Templates */

static void
template_activated_cb (AdwActionRow *row,
                       SamStartPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "template-id");

  gtk_widget_activate_action (GTK_WIDGET (row), "app.new-from-template", "x", id);
}

typedef struct
{
  char *name;
  char *json;
} DeletedTemplate;

static void
deleted_template_free (DeletedTemplate *deleted)
{
  g_free (deleted->name);
  g_free (deleted->json);
  g_free (deleted);
}

static void
undo_delete_template_cb (AdwToast     *toast,
                         SamStartPage *self)
{
  DeletedTemplate *deleted = g_object_get_data (G_OBJECT (toast), "deleted-template");
  SamStore *store = get_store (self);
  SamWindow *window = get_window (self);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  /* Never over a template saved under that name since. */
  if (sam_store_find_template_by_name (store, deleted->name, NULL, &error))
    {
      g_autofree char *text = g_strdup_printf (_("“%s” cannot be restored: another template "
                                                 "has its name now"),
                                               deleted->name);

      if (window != NULL)
        sam_window_add_toast (window, adw_toast_new (text));
      return;
    }
  g_clear_error (&error);

  if (sam_store_save_template (store, deleted->name, deleted->json, &error) == 0)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” cannot be restored: %s"),
                                               deleted->name, error->message);

      if (window != NULL)
        sam_window_add_toast (window, adw_toast_new (text));
      return;
    }

  sam_application_library_changed (self->application);
}

static void
delete_template_clicked_cb (GtkButton    *button,
                            SamStartPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "template-id");
  SamStore *store = get_store (self);
  SamWindow *window = get_window (self);
  g_autoptr(GError) error = NULL;
  DeletedTemplate *deleted;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (store == NULL || window == NULL)
    return;

  deleted = g_new0 (DeletedTemplate, 1);
  /* Kept until the toast goes, for Undo. */
  deleted->json = sam_store_load_template (store, id, &deleted->name, &error);
  if (deleted->json == NULL || !sam_store_delete_template (store, id, &error))
    {
      GtkWidget *failed;

      failed = adw_message_dialog_new (GTK_WINDOW (window), _("Could Not Delete the Template"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
      deleted_template_free (deleted);
      sam_application_library_changed (self->application);
      return;
    }

  text = g_strdup_printf (_("Template “%s” deleted"), deleted->name);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "deleted-template", deleted,
                          (GDestroyNotify) deleted_template_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_template_cb), self, 0);

  sam_application_library_changed (self->application);
  sam_window_add_toast (window, toast);
}

static GtkWidget *
template_row (SamStartPage    *self,
              SamTemplateInfo *info)
{
  g_autofree char *duration = sam_format_duration ((int) MIN (info->duration, G_MAXINT));
  g_autofree char *items = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *delete_label = NULL;
  g_autofree char *start_description = NULL;
  GtkWidget *row, *delete;

  items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", info->n_items),
                           info->n_items);
  /* Translators: the number of agenda items of a template and their total
   * duration, e.g. "6 items · 2 h 45 min" */
  subtitle = g_strdup_printf (_("%s · %s"), items, duration);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  start_description = g_strdup_printf (_("Start a new session from “%s”"), info->name);
  gtk_widget_set_tooltip_text (row, start_description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, start_description,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "template-id", g_memdup2 (&info->id, sizeof info->id), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (template_activated_cb), self, 0);

  delete_label = g_strdup_printf (_("Delete Template “%s”"), info->name);
  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Template"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (delete), "template-id", g_memdup2 (&info->id, sizeof info->id), g_free);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_template_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  return row;
}

/* Recent sessions */

static void
recent_activated_cb (AdwActionRow *row,
                     SamStartPage *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  SamWindow *window = get_window (self);

  if (window == NULL)
    return;

  if (!g_file_query_exists (file, NULL))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = NULL;
      AdwToast *toast;

      text = g_strdup_printf (_("“%s” was moved or deleted"), name);
      toast = adw_toast_new (text);
      adw_toast_set_button_label (toast, _("_Forget"));
      adw_toast_set_action_name (toast, "win.forget-recent");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      adw_toast_set_timeout (toast, 10);
      sam_window_add_toast (window, toast);
      return;
    }

  sam_window_open_file (window, file);
}

static GtkWidget *
recent_row (SamStartPage *self,
            SamRecent    *recent)
{
  g_autoptr(GFile) file = g_file_new_for_uri (recent->uri);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *folder = folder_label (file);
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  const char *title = recent->title != NULL && recent->title[0] != '\0' ? recent->title : basename;
  GtkWidget *row, *arrow;

  if (recent->date != NULL && recent->date[0] != '\0')
    date = g_strdup (recent->date);
  else
    date = sam_format_timestamp (recent->last_opened);
  /* Translators: the date of a session and the folder of its file */
  subtitle = g_strdup_printf (_("%s in %s"), date, folder);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, recent->uri);
  g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (recent->uri), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (recent_activated_cb), self, 0);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

void
sam_start_page_refresh (SamStartPage *self)
{
  SamStore *store;
  g_autoptr(GPtrArray) journals = NULL;
  g_autoptr(GPtrArray) recents = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  guint n_unsaved = 0;
  guint limit = MAX_RECENT;

  g_return_if_fail (SAM_IS_START_PAGE (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  store = get_store (self);
  if (store == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->unsaved_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->recent_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->template_group), FALSE);
      return;
    }

  journals = sam_store_journal_list (store, &error);
  if (journals == NULL)
    {
      g_message ("Could not list the unsaved sessions: %s", error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; journals != NULL && i < journals->len; i++)
    {
      SamJournalEntry *entry = g_ptr_array_index (journals, i);

      /* Sessions open in this process are not lost. */
      if (sam_application_has_journal (self->application, entry->id))
        continue;

      add_row (self, self->unsaved_group, journal_row (self, entry));
      n_unsaved++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unsaved_group), n_unsaved > 0);

  if (sam_application_get_settings (self->application) != NULL)
    limit = CLAMP (g_settings_get_int (sam_application_get_settings (self->application), "recent-limit"),
                   0, MAX_RECENT);

  if (limit > 0)
    {
      recents = sam_store_list_recent (store, limit, &error);
      if (recents == NULL)
        g_message ("Could not list the recent sessions: %s", error->message);
    }
  for (guint i = 0; recents != NULL && i < recents->len; i++)
    add_row (self, self->recent_group, recent_row (self, g_ptr_array_index (recents, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), recents != NULL && recents->len > 0);
  g_clear_error (&error);

  templates = sam_store_list_templates (store, &error);
  if (templates == NULL)
    g_message ("Could not list the templates: %s", error->message);
  for (guint i = 0; templates != NULL && i < templates->len; i++)
    add_row (self, self->template_group, template_row (self, g_ptr_array_index (templates, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->template_group), templates != NULL && templates->len > 0);
}

static void
library_changed_cb (SamStartPage   *self,
                    SamApplication *application)
{
  sam_start_page_refresh (self);
}

void
sam_start_page_set_application (SamStartPage   *self,
                                SamApplication *application)
{
  g_return_if_fail (SAM_IS_START_PAGE (self));
  g_return_if_fail (application == NULL || SAM_IS_APPLICATION (application));

  if (self->application == application)
    return;

  if (self->application != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->application, library_changed_cb, self);
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
    }

  self->application = application;

  if (application != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);
      g_signal_connect_object (application, "library-changed",
                               G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
    }

  sam_start_page_refresh (self);
}

static void
sam_start_page_dispose (GObject *object)
{
  SamStartPage *self = SAM_START_PAGE (object);

  sam_start_page_set_application (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_START_PAGE);

  G_OBJECT_CLASS (sam_start_page_parent_class)->dispose (object);
}

static void
sam_start_page_finalize (GObject *object)
{
  SamStartPage *self = SAM_START_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_start_page_parent_class)->finalize (object);
}

static void
sam_start_page_class_init (SamStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_start_page_dispose;
  object_class->finalize = sam_start_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sam-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamStartPage, unsaved_group);
  gtk_widget_class_bind_template_child (widget_class, SamStartPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, SamStartPage, template_group);
}

static void
sam_start_page_init (SamStartPage *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
