/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-format.h"
#include "sam-export-dialog.h"
#include "sam-json.h"
#include "sam-session.h"
#include "sam-window.h"
#include "sam-window-private.h"

/*
 * The summary is written in a worker thread from a copy of the session made
 * when Export is chosen: the session itself belongs to the main thread,
 * where the timer and the pages may go on editing it meanwhile.
 */

/* How long an export runs before the button shows that it is busy: most
 * take less, and a spinner that flashes for an instant only distracts. */
#define BUSY_DELAY_MS 250

static const struct {
  const char        *key;
  SamExportSections  section;
} section_keys[] = {
  { "details", SAM_EXPORT_DETAILS },
  { "people", SAM_EXPORT_PEOPLE },
  { "agenda", SAM_EXPORT_AGENDA },
  { "dialogues", SAM_EXPORT_DIALOGUES },
  { "walls", SAM_EXPORT_WALLS },
};
#define N_SECTIONS G_N_ELEMENTS (section_keys)

struct _SamExportDialog
{
  AdwWindow          parent_instance;

  /* Template children */
  GtkWidget         *export_button;
  GtkStack          *export_stack;
  GtkSpinner        *spinner;
  AdwPreferencesPage *page;
  AdwComboRow       *format_row;
  AdwPreferencesGroup *sections_group;
  GtkWidget         *rows[N_SECTIONS];
  GtkSwitch         *switches[N_SECTIONS];

  SamWindow         *parent;      /* weak */
  SamSession        *session;
  GSettings         *settings;
  GtkFileChooserNative *chooser;
  guint              busy_id;
  guint              running : 1;
  guint              loading : 1;
  guint              disposed : 1;
};

G_DEFINE_FINAL_TYPE (SamExportDialog, sam_export_dialog, ADW_TYPE_WINDOW)

/* Settings */

SamExportSections
sam_export_remembered_sections (GSettings *settings)
{
  g_auto(GStrv) keys = NULL;
  SamExportSections sections = 0;

  if (settings == NULL)
    return SAM_EXPORT_ALL;

  keys = g_settings_get_strv (settings, "export-sections");
  for (guint i = 0; keys[i] != NULL; i++)
    for (guint j = 0; j < N_SECTIONS; j++)
      if (g_strcmp0 (keys[i], section_keys[j].key) == 0)
        sections |= section_keys[j].section;

  /* Every section switched off is no summary at all: printing or copying
   * then gives the whole of it rather than an empty page. */
  return sections != 0 ? sections : SAM_EXPORT_ALL;
}

static void
remember_sections (GSettings         *settings,
                   SamExportSections  sections)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  for (guint j = 0; j < N_SECTIONS; j++)
    if (sections & section_keys[j].section)
      g_strv_builder_add (builder, section_keys[j].key);
  keys = g_strv_builder_end (builder);

  g_settings_set_strv (settings, "export-sections", (const char * const *) keys);
}

/* State */

static gboolean
can_export (SamExportDialog *self)
{
  return sam_export_dialog_get_format (self) == SAM_EXPORT_JSON ||
         sam_export_dialog_get_sections (self) != 0;
}

static void
update_state (SamExportDialog *self)
{
  gboolean json = sam_export_dialog_get_format (self) == SAM_EXPORT_JSON;

  /* JSON is the session document: all of it or it is no longer a session
   * file that Samling can open again. */
  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_widget_set_sensitive (self->rows[i], !json && !self->running);
  adw_preferences_group_set_description (self->sections_group,
                                         json ? _("A JSON export is always the whole session, "
                                                  "which Samling can open again.")
                                              : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !self->running);
  gtk_widget_set_sensitive (self->export_button, !self->running && can_export (self));
}

static void
format_selected_cb (SamExportDialog *self)
{
  if (self->loading)
    return;

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "export-format",
                           sam_export_format_extension (sam_export_dialog_get_format (self)));
  update_state (self);
}

static void
section_toggled_cb (SamExportDialog *self)
{
  if (self->loading)
    return;

  if (self->settings != NULL)
    remember_sections (self->settings, sam_export_dialog_get_sections (self));
  update_state (self);
}

SamExportFormat
sam_export_dialog_get_format (SamExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (SAM_IS_EXPORT_DIALOG (self), SAM_EXPORT_PDF);

  selected = adw_combo_row_get_selected (self->format_row);

  /* The rows are in the order of SamExportFormat. */
  return selected <= SAM_EXPORT_JSON ? (SamExportFormat) selected : SAM_EXPORT_PDF;
}

void
sam_export_dialog_set_format (SamExportDialog *self,
                              SamExportFormat  format)
{
  g_return_if_fail (SAM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= SAM_EXPORT_JSON);

  adw_combo_row_set_selected (self->format_row, format);
}

SamExportSections
sam_export_dialog_get_sections (SamExportDialog *self)
{
  SamExportSections sections = 0;

  g_return_val_if_fail (SAM_IS_EXPORT_DIALOG (self), 0);

  for (guint i = 0; i < N_SECTIONS; i++)
    if (gtk_switch_get_active (self->switches[i]))
      sections |= section_keys[i].section;

  return sections;
}

void
sam_export_dialog_set_sections (SamExportDialog   *self,
                                SamExportSections  sections)
{
  g_return_if_fail (SAM_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_switch_set_active (self->switches[i], (sections & section_keys[i].section) != 0);
}

/* Exporting */

typedef struct
{
  GBytes            *document;   /* the session, serialized when asked */
  GFile             *file;
  SamExportFormat    format;
  SamExportSections  sections;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->document, g_bytes_unref);
  g_clear_object (&data->file);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(SamSession) copy = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *text = g_bytes_get_data (data->document, &length);

  copy = sam_json_load_data (text, length, &error);
  if (copy == NULL ||
      !sam_export_to_file (copy, data->format, data->sections, data->file, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean
show_busy_cb (gpointer user_data)
{
  SamExportDialog *self = user_data;

  self->busy_id = 0;
  gtk_stack_set_visible_child_name (self->export_stack, "busy");
  gtk_spinner_start (self->spinner);
  gtk_widget_set_tooltip_text (self->export_button, _("Exporting…"));

  return G_SOURCE_REMOVE;
}

static void
set_running (SamExportDialog *self,
             gboolean         running)
{
  self->running = running;
  g_clear_handle_id (&self->busy_id, g_source_remove);

  if (running)
    {
      self->busy_id = g_timeout_add (BUSY_DELAY_MS, show_busy_cb, self);
    }
  else
    {
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->export_stack, "label");
      gtk_widget_set_tooltip_text (self->export_button, _("Choose where to save the summary"));
    }

  update_state (self);
}

static void
open_exported_cb (AdwToast *toast,
                  GtkWindow *window)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
report_success (SamExportDialog *self,
                GFile           *file)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  if (self->parent == NULL)
    return;

  name = g_file_get_basename (file);
  text = g_strdup_printf (_("Exported to %s"), name);
  /* A toast's title is markup; the file's name is text. */
  markup = g_markup_escape_text (text, -1);

  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_exported_cb),
                           self->parent, 0);
  sam_window_add_toast (self->parent, toast);
  _sam_window_remember_folder (self->parent, file);
}

static void
report_failure (SamExportDialog *self,
                const GError    *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Summary"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SamExportDialog *self = SAM_EXPORT_DIALOG (object);
  g_autoptr(GTask) outer = user_data;
  ExportData *data = g_task_get_task_data (outer);
  g_autoptr(GError) error = NULL;

  /* Closed while the file was written: the outcome goes to the window
   * that the export came from. */
  if (!self->disposed)
    set_running (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!self->disposed)
        report_failure (self, error);
      else if (self->parent != NULL)
        sam_window_show_message (self->parent, _("Could Not Export the Summary"), error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  report_success (self, data->file);
  if (!self->disposed)
    gtk_window_destroy (GTK_WINDOW (self));
  g_task_return_boolean (outer, TRUE);
}

void
sam_export_dialog_export_to_file (SamExportDialog     *self,
                                  GFile               *file,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  ExportData *data;
  char *document;
  gsize length;

  g_return_if_fail (SAM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (outer, sam_export_dialog_export_to_file);

  if (self->running)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_PENDING, "%s",
                               _("An export is under way already"));
      return;
    }

  data = g_new0 (ExportData, 1);
  document = sam_json_save_data (self->session, &length);
  data->document = g_bytes_new_take (document, length);
  data->file = g_object_ref (file);
  data->format = sam_export_dialog_get_format (self);
  data->sections = sam_export_dialog_get_sections (self);
  g_task_set_task_data (outer, data, (GDestroyNotify) export_data_free);

  set_running (self, TRUE);

  task = g_task_new (self, NULL, exported_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (task, export_thread);
  g_task_set_task_data (task, data, NULL);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sam_export_dialog_export_finish (SamExportDialog  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* "Workshop.pdf" for a session titled "Workshop". */
static char *
suggested_name (SamSession      *session,
                SamExportFormat  format)
{
  g_autofree char *suffix = g_strdup_printf (".%s", sam_export_format_extension (format));

  return sam_format_file_name (sam_session_get_title (session), _("Summary"), suffix);
}

/* The chosen name with the format's extension when it has none. */
static GFile *
with_extension (GFile           *file,
                SamExportFormat  format)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;
  const char *dot = basename != NULL ? strrchr (basename, '.') : NULL;
  SamExportFormat named;

  if (basename == NULL)
    return g_object_ref (file);
  /* "Summary.pdf" chosen for a web page becomes "Summary.html": a file
   * must open as what it is named. Other extensions are the person's. */
  if (dot != NULL && dot != basename)
    {
      if (!sam_export_format_from_name (dot + 1, &named, NULL) || named == format)
        return g_object_ref (file);
      *(char *) dot = '\0';
    }
  else if (dot != NULL)
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  name = g_strdup_printf ("%s.%s", basename, sam_export_format_extension (format));

  return parent != NULL ? g_file_get_child (parent, name) : g_object_ref (file);
}

static void
chooser_response_cb (SamExportDialog *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (chosen == NULL)
    return;

  file = with_extension (chosen, sam_export_dialog_get_format (self));
  sam_export_dialog_export_to_file (self, file, NULL, NULL);
}

static void
export_clicked_cb (SamExportDialog *self)
{
  SamExportFormat format = sam_export_dialog_get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self->session, format);
  g_autofree char *pattern = g_strdup_printf ("*.%s", sam_export_format_extension (format));

  if (self->running || self->chooser != NULL || !can_export (self))
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Summary"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, adw_combo_row_get_selected_item (self->format_row) != NULL
                            ? gtk_string_object_get_string (adw_combo_row_get_selected_item (self->format_row))
                            : pattern);
  gtk_file_filter_add_mime_type (filter, sam_export_format_media_type (format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  if (self->settings != NULL)
    {
      g_autofree char *folder = g_settings_get_string (self->settings, "last-folder");

      if (folder[0] != '\0')
        {
          /* The setting holds a URI (see sam-window.c). */
          g_autoptr(GFile) dir = g_file_new_for_commandline_arg (folder);

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), dir, NULL);
        }
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Printing */

typedef struct
{
  SamSession        *session;
  SamExportSections  sections;
  SamExportPages    *pages;
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_object (&data->session);
  g_clear_pointer (&data->pages, sam_export_pages_free);
  g_free (data);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  /* Laid out once for the paper chosen in the print dialog: the unit is
   * points and the whole sheet is the page, as for the PDF. */
  g_clear_pointer (&data->pages, sam_export_pages_free);
  data->pages = sam_export_pages_new (data->session, data->sections,
                                      gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (1, sam_export_pages_get_n_pages (data->pages)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintData         *data)
{
  if (data->pages != NULL && page >= 0 && (guint) page < sam_export_pages_get_n_pages (data->pages))
    sam_export_pages_draw_page (data->pages, gtk_print_context_get_cairo_context (context), page);
}

static void
end_print_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              PrintData         *data)
{
  g_clear_pointer (&data->pages, sam_export_pages_free);
}

GtkPrintOperation *
sam_export_print_operation_new (SamSession        *session,
                                SamExportSections  sections)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  const char *title;
  PrintData *data;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  title = sam_session_get_title (session);
  if (title != NULL && title[0] != '\0')
    gtk_print_operation_set_job_name (operation, title);

  data = g_new0 (PrintData, 1);
  data->session = g_object_ref (session);
  data->sections = sections;
  g_object_set_data_full (G_OBJECT (operation), "sam-export-print", data,
                          (GDestroyNotify) print_data_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), data);
  g_signal_connect (operation, "end-print", G_CALLBACK (end_print_cb), data);

  return operation;
}

/* Copying */

gboolean
sam_export_copy_summary (GtkWidget          *widget,
                         SamSession         *session,
                         SamExportSections   sections,
                         GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (SAM_IS_SESSION (session), FALSE);

  bytes = sam_export_to_bytes (session, SAM_EXPORT_MARKDOWN, sections, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  text = g_strndup (data, length);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);

  return TRUE;
}

/* The class */

static void
sam_export_dialog_dispose (GObject *object)
{
  SamExportDialog *self = SAM_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->busy_id, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (sam_export_dialog_parent_class)->dispose (object);
}

static void
sam_export_dialog_finalize (GObject *object)
{
  SamExportDialog *self = SAM_EXPORT_DIALOG (object);

  /* Kept until here: an export that outlives the closed dialog still
   * reports to its window. */
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sam_export_dialog_parent_class)->finalize (object);
}

static void
sam_export_dialog_class_init (SamExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_export_dialog_dispose;
  object_class->finalize = sam_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sam-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SamExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SamExportDialog, export_stack);
  gtk_widget_class_bind_template_child (widget_class, SamExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SamExportDialog, page);
  gtk_widget_class_bind_template_child (widget_class, SamExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, SamExportDialog, sections_group);
  gtk_widget_class_bind_template_child_full (widget_class, "details_row", FALSE,
                                             G_STRUCT_OFFSET (SamExportDialog, rows[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "people_row", FALSE,
                                             G_STRUCT_OFFSET (SamExportDialog, rows[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "agenda_row", FALSE,
                                             G_STRUCT_OFFSET (SamExportDialog, rows[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "dialogues_row", FALSE,
                                             G_STRUCT_OFFSET (SamExportDialog, rows[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "walls_row", FALSE,
                                             G_STRUCT_OFFSET (SamExportDialog, rows[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "details_switch", FALSE,
                                             G_STRUCT_OFFSET (SamExportDialog, switches[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "people_switch", FALSE,
                                             G_STRUCT_OFFSET (SamExportDialog, switches[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "agenda_switch", FALSE,
                                             G_STRUCT_OFFSET (SamExportDialog, switches[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "dialogues_switch", FALSE,
                                             G_STRUCT_OFFSET (SamExportDialog, switches[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "walls_switch", FALSE,
                                             G_STRUCT_OFFSET (SamExportDialog, switches[4]));
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_toggled_cb);
}

static void
sam_export_dialog_init (SamExportDialog *self)
{
  /* The switches and the combo row say what the settings hold before
   * anything is written back. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

GtkWidget *
sam_export_dialog_new (SamWindow  *parent,
                       SamSession *session,
                       GSettings  *settings)
{
  SamExportDialog *self;

  g_return_val_if_fail (SAM_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SAM_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "application", gtk_window_get_application (GTK_WINDOW (parent)),
                       NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->session = g_object_ref (session);
  g_set_object (&self->settings, settings);

  self->loading = TRUE;
  if (settings != NULL)
    {
      g_autofree char *format_name = g_settings_get_string (settings, "export-format");
      SamExportFormat format = SAM_EXPORT_PDF;

      if (sam_export_format_from_name (format_name, &format, NULL))
        sam_export_dialog_set_format (self, format);
    }
  sam_export_dialog_set_sections (self, sam_export_remembered_sections (settings));
  self->loading = FALSE;

  update_state (self);

  return GTK_WIDGET (self);
}
