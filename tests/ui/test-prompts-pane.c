/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The prompts beside the voices, as a facilitator uses them: writing a new
 * prompt (nothing changes until Add; an empty question is refused), editing
 * and cancelling, removing with Undo, keeping one in the library, forming
 * and reshuffling groups from the people present (or a head count without
 * a list), and Run Now, which puts the prompt on the agenda and the stage.
 * Screenshots go to <builddir>/tests/ui/screenshots/.
 */

#include "config.h"

#include "sam-entities.h"
#include "sam-grouping.h"
#include "sam-history.h"
#include "sam-prompt-editor.h"
#include "sam-prompts-pane.h"
#include "sam-session.h"
#include "sam-store.h"
#include "sam-timer.h"
#include "ui-test-util.h"

typedef struct
{
  SamWindow      *window;
  SamSession     *session;
  SamPromptsPane *pane;
  GtkWindow      *dialog;   /* weak: the editor opened last */
} Fixture;

static void
show_pane (Fixture   *fixture,
           SamWindow *window)
{
  fixture->window = window;
  fixture->session = sam_window_get_session (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "voices"));
  ui_test_settle (window);

  fixture->pane = SAM_PROMPTS_PANE (ui_test_find_widget (GTK_WIDGET (window), ui_test_is_type,
                                                         GSIZE_TO_POINTER (SAM_TYPE_PROMPTS_PANE)));
  g_assert_nonnull (fixture->pane);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->pane)));
}

static GListModel *
prompts (Fixture *fixture)
{
  return G_LIST_MODEL (sam_session_get_prompts (fixture->session));
}

static SamItem *
prompt_at (Fixture *fixture,
           guint    index)
{
  g_autoptr(SamItem) prompt = g_list_model_get_item (prompts (fixture), index);

  g_assert_nonnull (prompt);
  return prompt;
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), action, NULL));
  ui_test_run_for (50);
}

static const char *
undo_label (Fixture *fixture)
{
  return sam_history_get_undo_label (sam_session_get_history (fixture->session));
}

static SamPromptEditor *
open_editor (Fixture    *fixture,
             const char *action)
{
  GtkWindow *dialog;

  activate (fixture, action);
  dialog = sam_prompts_pane_get_dialog (fixture->pane);
  g_assert_true (SAM_IS_PROMPT_EDITOR (dialog));
  fixture->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &fixture->dialog);
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, dialog));
  return SAM_PROMPT_EDITOR (dialog);
}

static void
set_text (SamPromptEditor *editor,
          const char      *property,
          const char      *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (sam_prompt_editor_get_text_view (editor, property)),
                            text, -1);
}

static void
editor_action (SamPromptEditor *editor,
               const char      *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), action, NULL));
  ui_test_run_for (50);
}

static void
wait_closed (Fixture *fixture)
{
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &fixture->dialog));
}

/* Closes @editor as Escape or Cancel would, after something was typed:
 * the editor asks, and the answer is to discard. */
static void
close_discarding (Fixture         *fixture,
                  SamPromptEditor *editor)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  ui_test_run_for (50);
  /* Nothing is lost without asking. */
  g_assert_nonnull (fixture->dialog);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Discard Changes?");
  ui_test_respond (ADW_MESSAGE_DIALOG (dialog), "discard");
  wait_closed (fixture);
}

static AdwComboRow *
format_row (SamPromptEditor *editor)
{
  return ADW_COMBO_ROW (ui_test_find_widget (GTK_WIDGET (editor), ui_test_is_type,
                                             GSIZE_TO_POINTER (ADW_TYPE_COMBO_ROW)));
}

/* The spin button of @root that is shown (the editor hides the group size
 * unless the format is groups). */
static GtkSpinButton *
shown_spin (GtkWidget *root)
{
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();

  ui_test_collect_widgets (root, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON), spins);
  for (guint i = 0; i < spins->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (spins, i)))
      return g_ptr_array_index (spins, i);

  g_error ("No spin button shown");
  return NULL;
}

/* The demo's prompts are listed with how and how long. */
static void
test_list (void)
{
  Fixture fixture;

  show_pane (&fixture, ui_test_open_demo (1600, 1000));
  g_assert_cmpuint (g_list_model_get_n_items (prompts (&fixture)), ==, 4);
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.pane), ui_test_is_row_titled,
                                         sam_item_get_string (prompt_at (&fixture, 0), "text")));
  g_assert_null (sam_prompts_pane_get_selected (fixture.pane));

  sam_prompts_pane_select (fixture.pane, prompt_at (&fixture, 0));
  ui_test_run_for (50);
  g_assert_true (sam_prompts_pane_get_selected (fixture.pane) == prompt_at (&fixture, 0));
  /* Six of the demo's seven are here today. */
  g_assert_cmpstr (sam_prompts_pane_get_sizes_text (fixture.pane), ==, "6 people: 3 pairs");

  /* A reflection is not done in groups. */
  sam_prompts_pane_select (fixture.pane, prompt_at (&fixture, 1));
  ui_test_run_for (50);
  g_assert_cmpstr (sam_prompts_pane_get_sizes_text (fixture.pane), ==, "");
  g_assert_null (ui_test_find_widget (GTK_WIDGET (fixture.pane), ui_test_is_button_labelled, "_Form Groups"));

  ui_test_close_window (fixture.window);
}

static void
test_new (void)
{
  Fixture fixture;
  SamPromptEditor *editor;
  guint before;
  SamItem *added;

  show_pane (&fixture, ui_test_open_demo (1600, 1000));
  before = g_list_model_get_n_items (prompts (&fixture));

  /* Cancelled: nothing added. */
  editor = open_editor (&fixture, "prompts.new");
  g_assert_null (sam_prompt_editor_get_prompt (editor));
  set_text (editor, "text", "Half a thought");
  close_discarding (&fixture, editor);
  g_assert_cmpuint (g_list_model_get_n_items (prompts (&fixture)), ==, before);

  /* No question: refused, and the editor stays. */
  editor = open_editor (&fixture, "prompts.new");
  set_text (editor, "text", "   \n ");
  editor_action (editor, "editor.done");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpuint (g_list_model_get_n_items (prompts (&fixture)), ==, before);

  set_text (editor, "text", "  Vad behöver unga i Blekinge mest just nu?  ");
  adw_combo_row_set_selected (format_row (editor), SAM_PROMPT_FORMAT_TRIO);
  set_text (editor, "starters", "Jag tänker på …\n\n  Det viktigaste är …  \n");
  set_text (editor, "follow-ups", "Vem mer borde höras?");
  ui_test_run_for (50);
  gtk_spin_button_set_value (shown_spin (GTK_WIDGET (editor)), 3);
  editor_action (editor, "editor.done");
  wait_closed (&fixture);

  g_assert_cmpuint (g_list_model_get_n_items (prompts (&fixture)), ==, before + 1);
  added = prompt_at (&fixture, before);
  g_assert_cmpstr (sam_item_get_string (added, "text"), ==, "Vad behöver unga i Blekinge mest just nu?");
  g_assert_cmpint (sam_item_get_enum (added, "format"), ==, SAM_PROMPT_FORMAT_TRIO);
  g_assert_cmpint (sam_item_get_int (added, "duration"), ==, 3 * 60);
  {
    const char * const *starters = sam_item_get_strv (added, "starters");
    const char * const *follow_ups = sam_item_get_strv (added, "follow-ups");

    g_assert_cmpuint (g_strv_length ((char **) starters), ==, 2);
    g_assert_cmpstr (starters[0], ==, "Jag tänker på …");
    g_assert_cmpstr (starters[1], ==, "Det viktigaste är …");
    g_assert_cmpstr (follow_ups[0], ==, "Vem mer borde höras?");
  }
  g_assert_cmpstr (undo_label (&fixture), ==, "Add Prompt");
  /* The new prompt is the one the pane shows. */
  g_assert_true (sam_prompts_pane_get_selected (fixture.pane) == added);
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.pane), ui_test_is_row_titled,
                                         "Vad behöver unga i Blekinge mest just nu?"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  ui_test_run_for (50);
  g_assert_cmpuint (g_list_model_get_n_items (prompts (&fixture)), ==, before);
  g_assert_null (sam_prompts_pane_get_selected (fixture.pane));

  ui_test_close_window (fixture.window);
}

static void
test_edit_and_remove (void)
{
  Fixture fixture;
  SamPromptEditor *editor;
  SamItem *prompt;
  g_autofree char *original = NULL;
  guint before;

  show_pane (&fixture, ui_test_open_demo (1600, 1000));
  prompt = prompt_at (&fixture, 2);
  original = g_strdup (sam_item_get_string (prompt, "text"));
  before = g_list_model_get_n_items (prompts (&fixture));
  sam_prompts_pane_select (fixture.pane, prompt);

  /* Escape leaves it as it was. */
  editor = open_editor (&fixture, "prompts.edit");
  g_assert_true (sam_prompt_editor_get_prompt (editor) == prompt);
  set_text (editor, "text", "Something else");
  close_discarding (&fixture, editor);
  g_assert_cmpstr (sam_item_get_string (prompt, "text"), ==, original);

  /* Saved: one step, and the row follows. */
  editor = open_editor (&fixture, "prompts.edit");
  set_text (editor, "text", "Var ser du en möjlighet som vore synd att missa?");
  adw_combo_row_set_selected (format_row (editor), SAM_PROMPT_FORMAT_GROUP);
  editor_action (editor, "editor.done");
  wait_closed (&fixture);
  g_assert_cmpstr (sam_item_get_string (prompt, "text"), ==, "Var ser du en möjlighet som vore synd att missa?");
  g_assert_cmpint (sam_item_get_enum (prompt, "format"), ==, SAM_PROMPT_FORMAT_GROUP);
  g_assert_cmpstr (undo_label (&fixture), ==, "Edit Prompt");
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.pane), ui_test_is_row_titled,
                                         "Var ser du en möjlighet som vore synd att missa?"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  ui_test_run_for (50);
  g_assert_cmpstr (sam_item_get_string (prompt, "text"), ==, original);
  g_assert_cmpint (sam_item_get_enum (prompt, "format"), ==, SAM_PROMPT_FORMAT_TRIO);

  /* Removed, and back with Undo. */
  editor = open_editor (&fixture, "prompts.edit");
  editor_action (editor, "editor.remove");
  wait_closed (&fixture);
  g_assert_cmpuint (g_list_model_get_n_items (prompts (&fixture)), ==, before - 1);
  g_assert_cmpstr (undo_label (&fixture), ==, "Remove Prompt");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  ui_test_run_for (50);
  g_assert_cmpuint (g_list_model_get_n_items (prompts (&fixture)), ==, before);

  /* An editor open on a prompt that an undo takes away closes. */
  editor = open_editor (&fixture, "prompts.new");
  set_text (editor, "text", "Short-lived");
  editor_action (editor, "editor.done");
  wait_closed (&fixture);
  editor = open_editor (&fixture, "prompts.edit");
  g_assert_cmpstr (sam_item_get_string (sam_prompt_editor_get_prompt (editor), "text"), ==, "Short-lived");
  g_assert_true (sam_session_undo (fixture.session));
  wait_closed (&fixture);

  ui_test_close_window (fixture.window);
}

static void
test_library (void)
{
  Fixture fixture;
  SamPromptEditor *editor;
  SamStore *store = sam_application_get_store (ui_test_app);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (store);
  show_pane (&fixture, ui_test_open_demo (1600, 1000));
  sam_prompts_pane_select (fixture.pane, prompt_at (&fixture, 1));
  editor = open_editor (&fixture, "prompts.edit");
  set_text (editor, "text", "Skriv klart meningarna om Blekinge");
  editor_action (editor, "editor.save-to-library");

  /* What the editor shows is kept, not what the session has. */
  found = sam_store_list_prompts (store, "blekinge meningarna", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  {
    SamPromptInfo *info = g_ptr_array_index (found, 0);

    g_assert_cmpstr (sam_item_get_string (info->prompt, "text"), ==, "Skriv klart meningarna om Blekinge");
    g_assert_cmpuint (g_strv_length ((char **) sam_item_get_strv (info->prompt, "starters")), ==, 4);
  }
  g_assert_cmpstr (sam_item_get_string (prompt_at (&fixture, 1), "text"), !=,
                   "Skriv klart meningarna om Blekinge");
  close_discarding (&fixture, editor);

  ui_test_close_window (fixture.window);
}

static gboolean
strv_contains_all (GStrv       lines,
                   GHashTable *names)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) people = g_strsplit (lines[i], ", ", -1);

      for (guint j = 0; people[j] != NULL; j++)
        {
          if (!g_hash_table_contains (names, people[j]) || g_hash_table_contains (seen, people[j]))
            return FALSE;
          g_hash_table_add (seen, g_strdup (people[j]));
        }
    }

  return g_hash_table_size (seen) == g_hash_table_size (names);
}

static void
test_groups (void)
{
  Fixture fixture;
  SamItem *prompt;
  GListModel *rounds;
  guint n_rounds;
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *people;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) lines = NULL;

  show_pane (&fixture, ui_test_open_demo (1600, 1000));
  rounds = G_LIST_MODEL (sam_session_get_group_rounds (fixture.session));
  /* The demo has had a round of trios. */
  n_rounds = g_list_model_get_n_items (rounds);
  g_assert_cmpuint (n_rounds, ==, 1);
  people = G_LIST_MODEL (sam_session_get_participants (fixture.session));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SamItem) person = g_list_model_get_item (people, i);

      if (sam_item_get_boolean (person, "present"))
        g_hash_table_add (present, (gpointer) sam_item_get_string (person, "name"));
    }
  g_assert_cmpuint (g_hash_table_size (present), ==, 6);

  prompt = prompt_at (&fixture, 0);
  sam_prompts_pane_select (fixture.pane, prompt);
  ui_test_run_for (50);
  lines = sam_prompts_pane_dup_group_lines (fixture.pane);
  g_assert_cmpuint (g_strv_length (lines), ==, 0);
  g_clear_pointer (&lines, g_strfreev);

  activate (&fixture, "prompts.form-groups");
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, n_rounds + 1);
  g_assert_cmpstr (undo_label (&fixture), ==, "Form Groups");
  first = sam_prompts_pane_dup_group_lines (fixture.pane);
  g_assert_cmpuint (g_strv_length (first), ==, 3);
  g_assert_true (strv_contains_all (first, present));
  /* The groups are shown as rows, one a group. */
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.pane), ui_test_is_row_titled, first[0]));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.pane), ui_test_is_button_labelled, "_New Round"));

  /* Reshuffle replaces the round, and the people it had together do not
   * count as having met. */
  activate (&fixture, "prompts.reshuffle");
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, n_rounds + 1);
  g_assert_cmpstr (undo_label (&fixture), ==, "Reshuffle Groups");
  lines = sam_prompts_pane_dup_group_lines (fixture.pane);
  g_assert_true (strv_contains_all (lines, present));
  g_clear_pointer (&lines, g_strfreev);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  ui_test_run_for (50);
  lines = sam_prompts_pane_dup_group_lines (fixture.pane);
  g_assert_true (g_strv_equal ((const char * const *) lines, (const char * const *) first));
  g_clear_pointer (&lines, g_strfreev);

  /* A second round keeps everyone from the first apart. */
  activate (&fixture, "prompts.form-groups");
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, n_rounds + 2);
  {
    g_autoptr(SamGrouping) grouping = sam_grouping_new_for_session (fixture.session);
    g_autoptr(GPtrArray) names = NULL;
    SamItem *round = sam_grouping_find_round (fixture.session, prompt);

    names = sam_grouping_round_names (fixture.session, round);
    g_assert_cmpuint (names->len, ==, 3);
    for (guint g = 0; g < names->len; g++)
      {
        g_autofree char *line = g_strjoinv (", ", g_ptr_array_index (names, g));

        g_assert_false (g_strv_contains ((const char * const *) first, line));
      }
    g_assert_cmpuint (sam_grouping_get_n_people (grouping), ==, 6);
  }

  /* Someone leaves: the sizes follow. */
  {
    g_autoptr(SamItem) person = g_list_model_get_item (people, 0);

    g_assert_true (sam_item_get_boolean (person, "present"));
    sam_session_set (fixture.session, person, "present", FALSE, NULL);
    ui_test_run_for (50);
    g_assert_cmpstr (sam_prompts_pane_get_sizes_text (fixture.pane), ==, "5 people: 1 pair and 1 trio");
  }
  ui_test_close_window (fixture.window);

  /* Without a list of participants, a head count says what to expect. */
  show_pane (&fixture, ui_test_open_new (1600, 1000));
  {
    g_autoptr(SamItem) pair = sam_item_new (SAM_TYPE_PROMPT, NULL);
    GtkSpinButton *count;

    g_object_set (pair, "text", "Who are you?", NULL);
    sam_session_insert (fixture.session, fixture.session, "prompts", G_MAXUINT, pair);
    ui_test_run_for (50);
    sam_prompts_pane_select (fixture.pane, pair);
    ui_test_run_for (50);
    count = shown_spin (GTK_WIDGET (fixture.pane));
    gtk_spin_button_set_value (count, 7);
    ui_test_run_for (50);
    g_assert_cmpstr (sam_prompts_pane_get_sizes_text (fixture.pane), ==, "7 people: 2 pairs and 1 trio");
    /* There is no one to put in a group. */
    gtk_widget_activate_action (GTK_WIDGET (fixture.pane), "prompts.form-groups", NULL);
    ui_test_run_for (50);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_group_rounds (fixture.session))), ==, 0);
  }
  ui_test_close_window (fixture.window);
}

static void
test_run (void)
{
  Fixture fixture;
  SamTimer *timer;
  GListModel *agenda;
  guint n_items;
  SamItem *pair, *trio;

  show_pane (&fixture, ui_test_open_demo (1600, 1000));
  timer = sam_window_get_timer (fixture.window);
  agenda = G_LIST_MODEL (sam_session_get_agenda (fixture.session));
  n_items = g_list_model_get_n_items (agenda);
  pair = prompt_at (&fixture, 0);
  trio = prompt_at (&fixture, 2);

  /* Not on the agenda, nothing started: it comes first and runs. */
  g_assert_cmpint (sam_timer_get_state (timer), ==, SAM_TIMER_STOPPED);
  sam_prompts_pane_select (fixture.pane, pair);
  activate (&fixture, "prompts.run");
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, n_items + 1);
  g_assert_cmpint (sam_timer_get_state (timer), ==, SAM_TIMER_RUNNING);
  g_assert_cmpint (sam_timer_get_current_index (timer), ==, 0);
  {
    SamAgendaItem *item = sam_timer_get_current (timer);

    g_assert_cmpstr (sam_item_get_string (SAM_ITEM (item), "title"), ==, "Pair dialogue");
    g_assert_cmpint (sam_item_get_int (SAM_ITEM (item), "duration"), ==, 300);
    g_assert_cmpstr (sam_item_get_string (SAM_ITEM (item), "activity-id"), ==, sam_item_get_id (pair));
  }
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.pane), ui_test_is_label_reading,
                                         "Running now: 1. Pair dialogue"));

  /* Another one while it runs: right after it, and it takes over. */
  sam_prompts_pane_select (fixture.pane, trio);
  activate (&fixture, "prompts.run");
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, n_items + 2);
  g_assert_cmpint (sam_timer_get_current_index (timer), ==, 1);
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (sam_timer_get_current (timer)), "activity-id"), ==,
                   sam_item_get_id (trio));
  g_assert_cmpint (sam_item_get_int (SAM_ITEM (sam_timer_get_current (timer)), "duration"), ==, 600);

  /* The demo's reflection is on the agenda already: that item runs. */
  sam_prompts_pane_select (fixture.pane, prompt_at (&fixture, 1));
  activate (&fixture, "prompts.run");
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, n_items + 2);
  g_assert_cmpstr (sam_item_get_string (SAM_ITEM (sam_timer_get_current (timer)), "title"), ==,
                   "Reflektion och dialog");

  ui_test_close_window (fixture.window);
}

static void
test_screenshot (void)
{
  Fixture fixture;
  SamPromptEditor *editor;

  show_pane (&fixture, ui_test_open_demo (1600, 1000));
  sam_prompts_pane_select (fixture.pane, prompt_at (&fixture, 2));
  activate (&fixture, "prompts.form-groups");
  ui_test_run_for (200);
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "dialogues-view.png");

  editor = open_editor (&fixture, "prompts.edit");
  ui_test_run_for (200);
  ui_test_save_screenshot (GTK_WIDGET (editor), "prompt-editor.png");
  gtk_window_close (GTK_WINDOW (editor));
  wait_closed (&fixture);
  ui_test_close_window (fixture.window);

  show_pane (&fixture, ui_test_open_new (1200, 800));
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "dialogues-view-empty.png");
  ui_test_close_window (fixture.window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  ui_test_create_app ();

  g_test_add_func ("/prompts/list", test_list);
  g_test_add_func ("/prompts/new", test_new);
  g_test_add_func ("/prompts/edit-and-remove", test_edit_and_remove);
  g_test_add_func ("/prompts/library", test_library);
  g_test_add_func ("/prompts/groups", test_groups);
  g_test_add_func ("/prompts/run", test_run);
  g_test_add_func ("/prompts/screenshot", test_screenshot);

  return ui_test_run ();
}
