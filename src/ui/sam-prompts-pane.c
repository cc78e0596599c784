/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-application.h"
#include "sam-entities.h"
#include "sam-grouping.h"
#include "sam-prompt-editor.h"
#include "sam-prompt-library.h"
#include "sam-prompts-pane.h"
#include "sam-prompts.h"
#include "sam-session.h"
#include "sam-timer.h"
#include "sam-window.h"

/*
 * The rows are remade by the list box when prompts come and go; their
 * texts and the selected prompt's details are refreshed after every
 * committed edit, which is cheap for the handful of prompts a session has.
 */

struct _SamPromptsPane
{
  AdwBin          parent_instance;

  GtkMenuButton  *add_button;
  GtkStack       *list_stack;
  GtkListBox     *list;
  GtkWidget      *details;
  GtkLabel       *run_label;
  GtkWidget      *groups_box;
  GtkLabel       *sizes_label;
  GtkWidget      *head_count_box;
  GtkSpinButton  *head_count_spin;
  GtkButton      *form_button;
  GtkLabel       *form_label;
  GtkListBox     *groups_list;

  SamSession     *session;
  SamTimer       *timer;
  SamStore       *store;
  SamItem        *selected;
  GSignalGroup   *session_signals;
  GtkWindow      *dialog;   /* weak */
  char           *sizes_text;
  GStrv           group_lines;
};

G_DEFINE_FINAL_TYPE (SamPromptsPane, sam_prompts_pane, ADW_TYPE_BIN)

static void refresh (SamPromptsPane *self);

static GListModel *
prompts_model (SamPromptsPane *self)
{
  return G_LIST_MODEL (sam_session_get_prompts (self->session));
}

static int
prompt_position (SamPromptsPane *self,
                 SamItem        *prompt)
{
  GListModel *prompts = prompts_model (self);

  for (guint i = 0; i < g_list_model_get_n_items (prompts); i++)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (prompts, i);

      if (item == prompt)
        return (int) i;
    }

  return -1;
}

/* The first agenda item that shows @prompt, preferring one that has not
 * ended yet; -1 when none does. */
static int
agenda_position (SamPromptsPane *self,
                 SamItem        *prompt)
{
  GListModel *agenda = G_LIST_MODEL (sam_session_get_agenda (self->session));
  int first = -1;

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (agenda, i);

      if (sam_item_get_enum (item, "activity-kind") != SAM_ACTIVITY_PROMPT
          || g_strcmp0 (sam_item_get_string (item, "activity-id"), sam_item_get_id (prompt)) != 0)
        continue;

      if (sam_item_get_int64 (item, "actual-end") == 0 && !sam_item_get_boolean (item, "skipped"))
        return (int) i;
      if (first < 0)
        first = (int) i;
    }

  return first;
}

/* What an agenda item made for a prompt is called, in the words the
 * prompt editor uses for its formats. */
static const char *
format_name (SamItem *prompt)
{
  switch (sam_item_get_enum (prompt, "format"))
    {
    case SAM_PROMPT_FORMAT_INDIVIDUAL:
      return _("Individual reflection");
    case SAM_PROMPT_FORMAT_TRIO:
      return _("Trio dialogue");
    case SAM_PROMPT_FORMAT_GROUP:
      return _("Group dialogue");
    case SAM_PROMPT_FORMAT_PLENARY:
      return _("Plenary");
    case SAM_PROMPT_FORMAT_PAIR:
    default:
      return _("Pair dialogue");
    }
}

/* Rows */

static void
update_row (AdwActionRow *row)
{
  SamItem *prompt = g_object_get_data (G_OBJECT (row), "prompt");
  g_autofree char *format = sam_prompt_describe_format (prompt);
  const char *text = sam_item_get_string (prompt, "text");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 text[0] != '\0' ? text : _("(No question)"));
  adw_action_row_set_subtitle (row, format);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "prompt", g_object_ref (item), g_object_unref);
  update_row (ADW_ACTION_ROW (row));

  return row;
}

static GtkListBoxRow *
find_row (SamPromptsPane *self,
          SamItem        *prompt)
{
  int position = prompt != NULL ? prompt_position (self, prompt) : -1;

  return position >= 0 ? gtk_list_box_get_row_at_index (self->list, position) : NULL;
}

/* The selected prompt's details */

static guint
count_present (SamPromptsPane *self,
               guint          *n_participants)
{
  GListModel *people = G_LIST_MODEL (sam_session_get_participants (self->session));
  guint present = 0;

  *n_participants = g_list_model_get_n_items (people);
  for (guint i = 0; i < *n_participants; i++)
    {
      g_autoptr(SamItem) person = g_list_model_get_item (people, i);

      if (sam_item_get_boolean (person, "present"))
        present++;
    }

  return present;
}

static void
update_groups (SamPromptsPane *self)
{
  guint size = self->selected != NULL ? sam_prompt_get_group_size (self->selected) : 0;
  guint n_participants, present;
  SamItem *round;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_list))) != NULL)
    gtk_list_box_remove (self->groups_list, child);
  g_clear_pointer (&self->group_lines, g_strfreev);
  g_clear_pointer (&self->sizes_text, g_free);

  gtk_widget_set_visible (self->groups_box, size > 0);
  if (size == 0)
    return;

  present = count_present (self, &n_participants);
  round = sam_grouping_find_round (self->session, self->selected);

  /* Without a list of who is here the pane can still say what to expect. */
  gtk_widget_set_visible (self->head_count_box, n_participants == 0);
  self->sizes_text = sam_grouping_describe_sizes (n_participants == 0
                                                    ? (guint) gtk_spin_button_get_value_as_int (self->head_count_spin)
                                                    : present,
                                                  size);
  gtk_label_set_text (self->sizes_label, self->sizes_text);

  /* A label of its own: a button's label would also be its accessible
   * name, underline and all. */
  gtk_label_set_text_with_mnemonic (self->form_label, round != NULL ? _("_New Round") : _("_Form Groups"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->form_button),
                               round != NULL ? _("Form New Groups, Keeping Apart Those Who Have Met")
                                             : _("Mix the Participants Present Into Groups"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompts.form-groups", present >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompts.reshuffle", round != NULL && present >= 2);

  gtk_widget_set_visible (GTK_WIDGET (self->groups_list), round != NULL);
  if (round != NULL)
    {
      g_autoptr(GPtrArray) groups = sam_grouping_round_names (self->session, round);
      g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

      for (guint g = 0; g < groups->len; g++)
        {
          /* Translators: between the names of the people in a group on the stage, e.g. "Anna, Bo, Cecilia" */
          g_autofree char *line = g_strjoinv (C_("list of names", ", "), g_ptr_array_index (groups, g));
          g_autofree char *number = g_strdup_printf ("%u", g + 1);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *label = gtk_label_new (number);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          gtk_widget_add_css_class (label, "numeric");
          gtk_widget_add_css_class (label, "dim-label");
          gtk_label_set_width_chars (GTK_LABEL (label), 2);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
          gtk_list_box_append (self->groups_list, row);
          g_strv_builder_add (lines, line);
        }
      self->group_lines = g_strv_builder_end (lines);
    }
}

/* Where the selected prompt is on the agenda, and whether it runs. */
static void
update_run_label (SamPromptsPane *self)
{
  g_autofree char *text = NULL;
  int position;

  if (self->selected == NULL)
    return;

  position = agenda_position (self, self->selected);
  if (position < 0)
    text = g_strdup (_("Not on the agenda yet: Run Now adds it after the current item."));
  else
    {
      g_autoptr(SamItem) item = g_list_model_get_item (G_LIST_MODEL (sam_session_get_agenda (self->session)),
                                                       (guint) position);
      gboolean running = self->timer != NULL
                         && sam_timer_get_current (self->timer) == SAM_AGENDA_ITEM (item)
                         && (sam_timer_get_state (self->timer) == SAM_TIMER_RUNNING
                             || sam_timer_get_state (self->timer) == SAM_TIMER_PAUSED);

      if (running)
        /* Translators: where the selected prompt is on the agenda, e.g. "Running now: 4. Pair dialogue" */
        text = g_strdup_printf (_("Running now: %d. %s"), position + 1,
                                sam_item_get_string (item, "title"));
      else
        /* Translators: where the selected prompt is on the agenda, e.g. "On the agenda: 4. Pair dialogue" */
        text = g_strdup_printf (_("On the agenda: %d. %s"), position + 1,
                                sam_item_get_string (item, "title"));
    }

  /* The timer says ::changed every second while it runs. */
  if (g_strcmp0 (gtk_label_get_text (self->run_label), text) != 0)
    gtk_label_set_text (self->run_label, text);
}

static void
update_details (SamPromptsPane *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompts.new", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompts.library", self->session != NULL);
  gtk_widget_set_visible (self->details, self->selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompts.edit", self->selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompts.run",
                                 self->selected != NULL && self->timer != NULL);
  if (self->selected == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompts.form-groups", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "prompts.reshuffle", FALSE);
      return;
    }

  update_run_label (self);
  update_groups (self);
}

static void
refresh (SamPromptsPane *self)
{
  GListModel *prompts;

  if (self->session == NULL)
    return;

  prompts = prompts_model (self);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (prompts) > 0 ? "list" : "empty");

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      update_row (ADW_ACTION_ROW (row));

  /* An undo may have taken the selected prompt away. */
  if (self->selected != NULL && prompt_position (self, self->selected) < 0)
    g_clear_object (&self->selected);

  update_details (self);
}

static void
row_selected_cb (SamPromptsPane *self,
                 GtkListBoxRow  *row)
{
  SamItem *prompt = row != NULL ? g_object_get_data (G_OBJECT (row), "prompt") : NULL;

  /* Rows are remade when the list changes; keep the choice across that. */
  if (prompt == NULL && self->selected != NULL && prompt_position (self, self->selected) >= 0)
    return;

  g_set_object (&self->selected, prompt);
  update_details (self);
}

static void
prompts_changed_cb (SamPromptsPane *self)
{
  GtkListBoxRow *row = find_row (self, self->selected);

  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
}

/* Dialogs */

static void
track_dialog (SamPromptsPane *self,
              GtkWindow      *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (dialog);
}

static void
prompt_done_cb (SamPromptsPane *self,
                SamItem        *prompt)
{
  sam_prompts_pane_select (self, prompt);
}

static GtkWindow *
parent_window (SamPromptsPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_editor (SamPromptsPane *self,
             SamItem        *prompt)
{
  SamPromptEditor *editor = sam_prompt_editor_new (parent_window (self), self->session,
                                                   prompt, self->store);

  g_signal_connect_object (editor, "done", G_CALLBACK (prompt_done_cb), self, G_CONNECT_SWAPPED);
  track_dialog (self, GTK_WINDOW (editor));
}

static void
row_activated_cb (SamPromptsPane *self,
                  GtkListBoxRow  *row)
{
  open_editor (self, g_object_get_data (G_OBJECT (row), "prompt"));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (SAM_PROMPTS_PANE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamPromptsPane *self = SAM_PROMPTS_PANE (widget);

  if (self->selected != NULL)
    open_editor (self, self->selected);
}

static void
library_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SamPromptsPane *self = SAM_PROMPTS_PANE (widget);
  SamPromptLibrary *library = sam_prompt_library_new (parent_window (self), self->session, self->store);

  g_signal_connect_object (library, "inserted", G_CALLBACK (prompt_done_cb), self, G_CONNECT_SWAPPED);
  track_dialog (self, GTK_WINDOW (library));
}

/* Running: the agenda item is what counts down and what the stage shows. */
static guint
add_agenda_item (SamPromptsPane *self,
                 SamItem        *prompt)
{
  g_autoptr(SamItem) item = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);
  GListModel *agenda = G_LIST_MODEL (sam_session_get_agenda (self->session));
  guint n_items = g_list_model_get_n_items (agenda);
  int current = sam_timer_get_current_index (self->timer);
  guint position;

  switch (sam_timer_get_state (self->timer))
    {
    case SAM_TIMER_RUNNING:
    case SAM_TIMER_PAUSED:
      position = (guint) current + 1;
      break;
    case SAM_TIMER_STOPPED:
      position = current >= 0 ? (guint) current : n_items;
      break;
    case SAM_TIMER_FINISHED:
    default:
      position = n_items;
      break;
    }

  g_object_set (item,
                "title", format_name (prompt),
                "duration", MAX (60, sam_item_get_int (prompt, "duration")),
                "kind", sam_item_get_enum (prompt, "format") == SAM_PROMPT_FORMAT_INDIVIDUAL
                          ? SAM_AGENDA_KIND_REFLECTION : SAM_AGENDA_KIND_DIALOGUE,
                "activity-kind", SAM_ACTIVITY_PROMPT,
                "activity-id", sam_item_get_id (prompt),
                NULL);

  /* Translators: the name of the step to undo */
  sam_session_begin (self->session, _("Add Prompt to Agenda"));
  sam_session_insert (self->session, self->session, "agenda", position, item);
  sam_session_end (self->session);

  return position;
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SamPromptsPane *self = SAM_PROMPTS_PANE (widget);
  SamTimerState state;
  int position;

  if (self->selected == NULL || self->timer == NULL)
    return;

  position = agenda_position (self, self->selected);
  state = sam_timer_get_state (self->timer);
  if (position >= 0 && position == sam_timer_get_current_index (self->timer))
    {
      /* Already the current item: only get it going. */
      if (state != SAM_TIMER_RUNNING)
        sam_timer_toggle (self->timer);
      return;
    }

  if (position < 0)
    position = (int) add_agenda_item (self, self->selected);

  sam_timer_start_item (self->timer, (guint) position);
}

/* Groups */

static void
form_groups (SamPromptsPane *self,
             gboolean        reshuffle)
{
  guint size = sam_prompt_get_group_size (self->selected);
  g_autoptr(SamGrouping) grouping = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  SamItem *round = sam_grouping_find_round (self->session, self->selected);

  if (size == 0 || (reshuffle && round == NULL))
    return;

  /* Translators: the name of the step to undo */
  sam_session_begin (self->session, reshuffle ? _("Reshuffle Groups") : _("Form Groups"));
  /* The groups replaced do not count as having met. */
  if (reshuffle)
    sam_session_remove (self->session, round);
  grouping = sam_grouping_new_for_session (self->session);
  groups = sam_grouping_run (grouping, size, g_random_int ());
  if (groups->len > 0)
    sam_grouping_record (self->session, self->selected, groups);
  sam_session_end (self->session);
}

static void
form_groups_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamPromptsPane *self = SAM_PROMPTS_PANE (widget);

  if (self->selected != NULL)
    form_groups (self, FALSE);
}

static void
reshuffle_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamPromptsPane *self = SAM_PROMPTS_PANE (widget);

  if (self->selected != NULL)
    form_groups (self, TRUE);
}

static void
head_count_changed_cb (SamPromptsPane *self)
{
  if (self->session != NULL)
    update_groups (self);
}

/* Public */

void
sam_prompts_pane_set_session (SamPromptsPane *self,
                              SamSession     *session)
{
  g_return_if_fail (SAM_IS_PROMPTS_PANE (self));
  g_return_if_fail (session == NULL || SAM_IS_SESSION (session));

  if (self->session == session)
    return;

  g_clear_object (&self->selected);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (sam_session_get_prompts (self->session),
                                          prompts_changed_cb, self);
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);

  if (session == NULL)
    {
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      return;
    }

  gtk_list_box_bind_model (self->list, prompts_model (self), create_row, NULL, NULL);
  g_signal_connect_object (sam_session_get_prompts (session), "items-changed",
                           G_CALLBACK (prompts_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  refresh (self);
}

void
sam_prompts_pane_set_timer (SamPromptsPane *self,
                            SamTimer       *timer)
{
  g_return_if_fail (SAM_IS_PROMPTS_PANE (self));

  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_func (self->timer, update_run_label, self);
  g_set_object (&self->timer, timer);
  if (timer != NULL)
    g_signal_connect_object (timer, "changed", G_CALLBACK (update_run_label), self, G_CONNECT_SWAPPED);
  update_details (self);
}

void
sam_prompts_pane_set_store (SamPromptsPane *self,
                            SamStore       *store)
{
  g_return_if_fail (SAM_IS_PROMPTS_PANE (self));

  self->store = store;
}

SamItem *
sam_prompts_pane_get_selected (SamPromptsPane *self)
{
  g_return_val_if_fail (SAM_IS_PROMPTS_PANE (self), NULL);

  return self->selected;
}

void
sam_prompts_pane_select (SamPromptsPane *self,
                         SamItem        *prompt)
{
  GtkListBoxRow *row;

  g_return_if_fail (SAM_IS_PROMPTS_PANE (self));

  row = find_row (self, prompt);
  if (row == NULL)
    return;

  gtk_list_box_select_row (self->list, row);
  g_set_object (&self->selected, prompt);
  update_details (self);
}

GtkWindow *
sam_prompts_pane_get_dialog (SamPromptsPane *self)
{
  g_return_val_if_fail (SAM_IS_PROMPTS_PANE (self), NULL);

  return self->dialog;
}

const char *
sam_prompts_pane_get_sizes_text (SamPromptsPane *self)
{
  g_return_val_if_fail (SAM_IS_PROMPTS_PANE (self), NULL);

  return self->sizes_text != NULL ? self->sizes_text : "";
}

GStrv
sam_prompts_pane_dup_group_lines (SamPromptsPane *self)
{
  const char *none[] = { NULL };

  g_return_val_if_fail (SAM_IS_PROMPTS_PANE (self), NULL);

  return g_strdupv (self->group_lines != NULL ? self->group_lines : (char **) none);
}

static void
sam_prompts_pane_dispose (GObject *object)
{
  SamPromptsPane *self = SAM_PROMPTS_PANE (object);

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_weak_pointer (&self->dialog);
  sam_prompts_pane_set_session (self, NULL);
  g_clear_object (&self->session_signals);
  sam_prompts_pane_set_timer (self, NULL);
  g_clear_pointer (&self->sizes_text, g_free);
  g_clear_pointer (&self->group_lines, g_strfreev);

  G_OBJECT_CLASS (sam_prompts_pane_parent_class)->dispose (object);
}

static void
sam_prompts_pane_class_init (SamPromptsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_prompts_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samling/Samling/sam-prompts-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPromptsPane, add_button);
  gtk_widget_class_bind_template_child (widget_class, SamPromptsPane, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SamPromptsPane, list);
  gtk_widget_class_bind_template_child (widget_class, SamPromptsPane, details);
  gtk_widget_class_bind_template_child (widget_class, SamPromptsPane, run_label);
  gtk_widget_class_bind_template_child (widget_class, SamPromptsPane, groups_box);
  gtk_widget_class_bind_template_child (widget_class, SamPromptsPane, sizes_label);
  gtk_widget_class_bind_template_child (widget_class, SamPromptsPane, head_count_box);
  gtk_widget_class_bind_template_child (widget_class, SamPromptsPane, head_count_spin);
  gtk_widget_class_bind_template_child (widget_class, SamPromptsPane, form_button);
  gtk_widget_class_bind_template_child (widget_class, SamPromptsPane, form_label);
  gtk_widget_class_bind_template_child (widget_class, SamPromptsPane, groups_list);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, head_count_changed_cb);

  gtk_widget_class_install_action (widget_class, "prompts.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "prompts.library", NULL, library_action);
  gtk_widget_class_install_action (widget_class, "prompts.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "prompts.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "prompts.form-groups", NULL, form_groups_action);
  gtk_widget_class_install_action (widget_class, "prompts.reshuffle", NULL, reshuffle_action);
}

static void
sam_prompts_pane_init (SamPromptsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (SAM_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "committed", G_CALLBACK (refresh), self);

  update_details (self);
}
