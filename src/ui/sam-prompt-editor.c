/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-entities.h"
#include "sam-prompt-editor.h"
#include "sam-prompts.h"
#include "sam-session.h"
#include "sam-store.h"
#include "sam-window.h"

/*
 * The editor works on its own widgets and touches the session only in
 * done(): a half-written prompt never shows on the stage or in the voices
 * pane, and the whole edit is one step to undo.
 */

struct _SamPromptEditor
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkButton       *done_button;
  GtkTextView     *text_view;
  AdwComboRow     *format_row;
  AdwActionRow    *group_size_row;
  GtkSpinButton   *group_size_spin;
  GtkSpinButton   *duration_spin;
  GtkTextView     *starters_view;
  GtkTextView     *follow_ups_view;
  GtkButton       *library_button;
  GtkButton       *remove_button;

  SamSession      *session;
  SamItem         *prompt;    /* NULL for a new one */
  SamStore        *store;
  gulong           committed_id;
  /* What the fields said when the editor opened, to tell whether closing
   * would throw work away; and that the person chose to. */
  char            *opened_as;
  gboolean         discard;
};

G_DEFINE_FINAL_TYPE (SamPromptEditor, sam_prompt_editor, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* One line a starter: blank lines and surrounding spaces are not kept. */
static GStrv
buffer_lines (GtkTextView *view)
{
  g_autofree char *text = buffer_text (view);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }

  return g_strv_builder_end (builder);
}

static void
set_lines (GtkTextView        *view,
           const char * const *lines)
{
  g_autofree char *text = lines != NULL ? g_strjoinv ("\n", (char **) lines) : g_strdup ("");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
toast (SamPromptEditor *self,
       const char      *text)
{
  /* Toast titles are markup: the text may hold a prompt's own words. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* A prompt, in no session, with what the editor shows now. */
static SamItem *
prompt_from_fields (SamPromptEditor *self)
{
  SamItem *prompt = sam_item_new (SAM_TYPE_PROMPT, NULL);
  g_autofree char *text = buffer_text (self->text_view);
  g_auto(GStrv) starters = buffer_lines (self->starters_view);
  g_auto(GStrv) follow_ups = buffer_lines (self->follow_ups_view);

  g_strstrip (text);
  g_object_set (prompt,
                "text", text,
                "format", (int) adw_combo_row_get_selected (self->format_row),
                "group-size", gtk_spin_button_get_value_as_int (self->group_size_spin),
                "duration", 60 * gtk_spin_button_get_value_as_int (self->duration_spin),
                "starters", starters,
                "follow-ups", follow_ups,
                NULL);
  return prompt;
}

/* Everything the fields say, as one string to compare. */
static char *
fields_key (SamPromptEditor *self)
{
  g_autofree char *text = buffer_text (self->text_view);
  g_autofree char *starters = buffer_text (self->starters_view);
  g_autofree char *follow_ups = buffer_text (self->follow_ups_view);

  return g_strdup_printf ("%s\x1f%u\x1f%d\x1f%d\x1f%s\x1f%s", text,
                          adw_combo_row_get_selected (self->format_row),
                          gtk_spin_button_get_value_as_int (self->group_size_spin),
                          gtk_spin_button_get_value_as_int (self->duration_spin),
                          starters, follow_ups);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SamPromptEditor  *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* The dialog is still being answered, and it belongs to this window:
   * close once it is gone. */
  self->discard = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* Escape or Cancel on a question written with care asks first. */
static gboolean
close_request_cb (SamPromptEditor *self)
{
  g_autofree char *now = NULL;
  AdwMessageDialog *dialog;

  if (self->discard)
    return FALSE;
  now = fields_key (self);
  if (g_strcmp0 (now, self->opened_as) == 0)
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                                       _("What was written in the editor will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
check_text (SamPromptEditor *self,
            SamItem         *prompt)
{
  if (sam_item_get_string (prompt, "text")[0] != '\0')
    return TRUE;

  toast (self, _("Write the question first"));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return FALSE;
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamPromptEditor *self = SAM_PROMPT_EDITOR (widget);
  g_autoptr(SamItem) edited = prompt_from_fields (self);
  static const char *properties[] = {
    "text", "format", "group-size", "duration", "starters", "follow-ups",
  };
  SamItem *result;

  if (!check_text (self, edited))
    return;

  if (self->prompt == NULL)
    {
      /* Translators: the name of the step to undo */
      sam_session_begin (self->session, _("Add Prompt"));
      sam_session_insert (self->session, self->session, "prompts", G_MAXUINT, edited);
      sam_session_end (self->session);
      result = edited;
    }
  else
    {
      /* Translators: the name of the step to undo */
      sam_session_begin (self->session, _("Edit Prompt"));
      for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (edited),
                                                            properties[i]);

          g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
          g_object_get_property (G_OBJECT (edited), properties[i], &value);
          sam_session_set_value (self->session, self->prompt, properties[i], &value);
        }
      sam_session_end (self->session);
      result = self->prompt;
    }

  g_signal_emit (self, signals[DONE], 0, result);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_to_library_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SamPromptEditor *self = SAM_PROMPT_EDITOR (widget);
  g_autoptr(SamItem) prompt = prompt_from_fields (self);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || !check_text (self, prompt))
    return;

  if (sam_store_save_prompt (self->store, prompt, &error) == 0)
    {
      g_autofree char *text = g_strdup_printf (_("Could not save to the library: %s"), error->message);

      toast (self, text);
      return;
    }

  toast (self, _("Saved to the library"));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamPromptEditor *self = SAM_PROMPT_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->prompt == NULL)
    return;

  /* The editor closes here, not when the session says the prompt went. */
  g_clear_signal_handler (&self->committed_id, self->session);

  /* Translators: the name of the step to undo */
  sam_session_begin (self->session, _("Remove Prompt"));
  sam_session_remove (self->session, self->prompt);
  sam_session_end (self->session);

  if (SAM_IS_WINDOW (parent))
    sam_window_add_undo_toast (SAM_WINDOW (parent), _("Prompt removed"));

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
format_changed_cb (SamPromptEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->group_size_row),
                          adw_combo_row_get_selected (self->format_row) == SAM_PROMPT_FORMAT_GROUP);
}

/* Undo elsewhere may take the prompt away while it is being edited. */
static void
committed_cb (SamPromptEditor *self)
{
  if (self->prompt != NULL
      && sam_session_lookup (self->session, sam_item_get_id (self->prompt)) != self->prompt)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill (SamPromptEditor *self)
{
  SamItem *prompt = self->prompt;
  g_autoptr(SamItem) defaults = NULL;

  if (prompt == NULL)
    prompt = defaults = sam_item_new (SAM_TYPE_PROMPT, NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            sam_item_get_string (prompt, "text"), -1);
  adw_combo_row_set_selected (self->format_row, (guint) sam_item_get_enum (prompt, "format"));
  gtk_spin_button_set_value (self->group_size_spin, sam_item_get_int (prompt, "group-size"));
  gtk_spin_button_set_value (self->duration_spin,
                             MAX (1, (sam_item_get_int (prompt, "duration") + 30) / 60));
  set_lines (self->starters_view, sam_item_get_strv (prompt, "starters"));
  set_lines (self->follow_ups_view, sam_item_get_strv (prompt, "follow-ups"));
  format_changed_cb (self);

  gtk_window_set_title (GTK_WINDOW (self), self->prompt == NULL ? _("New Prompt") : _("Edit Prompt"));
  gtk_button_set_label (self->done_button, self->prompt == NULL ? _("_Add") : _("_Save"));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), self->prompt != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-to-library", self->store != NULL);
  if (self->store == NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->library_button),
                                 _("The prompt library could not be opened"));
}

SamPromptEditor *
sam_prompt_editor_new (GtkWindow  *parent,
                       SamSession *session,
                       SamItem    *prompt,
                       SamStore   *store)
{
  SamPromptEditor *self;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (prompt == NULL || SAM_IS_PROMPT (prompt), NULL);

  self = g_object_new (SAM_TYPE_PROMPT_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->session = g_object_ref (session);
  self->prompt = prompt != NULL ? g_object_ref (prompt) : NULL;
  self->store = store;
  self->committed_id = g_signal_connect_swapped (session, "committed",
                                                 G_CALLBACK (committed_cb), self);
  fill (self);
  self->opened_as = fields_key (self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));

  return self;
}

SamItem *
sam_prompt_editor_get_prompt (SamPromptEditor *self)
{
  g_return_val_if_fail (SAM_IS_PROMPT_EDITOR (self), NULL);

  return self->prompt;
}

GtkTextView *
sam_prompt_editor_get_text_view (SamPromptEditor *self,
                                 const char      *property)
{
  g_return_val_if_fail (SAM_IS_PROMPT_EDITOR (self), NULL);

  if (g_strcmp0 (property, "starters") == 0)
    return self->starters_view;
  if (g_strcmp0 (property, "follow-ups") == 0)
    return self->follow_ups_view;
  return self->text_view;
}

static void
sam_prompt_editor_dispose (GObject *object)
{
  SamPromptEditor *self = SAM_PROMPT_EDITOR (object);

  g_clear_signal_handler (&self->committed_id, self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->prompt);
  g_clear_pointer (&self->opened_as, g_free);

  G_OBJECT_CLASS (sam_prompt_editor_parent_class)->dispose (object);
}

static void
sam_prompt_editor_class_init (SamPromptEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_prompt_editor_dispose;

  signals[DONE] = g_signal_new ("done",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, SAM_TYPE_PROMPT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samling/Samling/sam-prompt-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPromptEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamPromptEditor, done_button);
  gtk_widget_class_bind_template_child (widget_class, SamPromptEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, SamPromptEditor, format_row);
  gtk_widget_class_bind_template_child (widget_class, SamPromptEditor, group_size_row);
  gtk_widget_class_bind_template_child (widget_class, SamPromptEditor, group_size_spin);
  gtk_widget_class_bind_template_child (widget_class, SamPromptEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, SamPromptEditor, starters_view);
  gtk_widget_class_bind_template_child (widget_class, SamPromptEditor, follow_ups_view);
  gtk_widget_class_bind_template_child (widget_class, SamPromptEditor, library_button);
  gtk_widget_class_bind_template_child (widget_class, SamPromptEditor, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "editor.save-to-library", NULL, save_to_library_action);
  gtk_widget_class_install_action (widget_class, "editor.remove", NULL, remove_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_prompt_editor_init (SamPromptEditor *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+Enter adds or saves from any field: the text views would take it
   * as a new line if it reached them first. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          gtk_named_action_new ("editor.done")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
