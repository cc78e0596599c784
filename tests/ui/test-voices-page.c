/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The voices view as a note-taker uses it: typing what is said and pressing
 * Enter (or Ctrl+Enter to put it on stage), with the running item's prompt
 * or one chosen, and a perspective for the next voice; editing a voice in
 * place, removing it and taking that back; reaching the entry from another
 * view; and a long list that a new voice only adds a row to. Screenshots go
 * to <builddir>/tests/ui/screenshots/.
 */

#include "config.h"

#include "sam-entities.h"
#include "sam-history.h"
#include "sam-session.h"
#include "sam-voices-page.h"
#include "ui-test-util.h"

typedef struct
{
  SamWindow     *window;
  SamSession    *session;
  SamVoicesPage *page;
  GtkEditable   *entry;
} Fixture;

static GtkWidget *
find_in (gpointer      root,
         UiTestMatch   match,
         gconstpointer data)
{
  GtkWidget *widget = ui_test_find_widget (GTK_WIDGET (root), match, data);

  if (widget == NULL)
    g_error ("Not found: %s", match == ui_test_is_type ? g_type_name (GPOINTER_TO_SIZE (data)) : (const char *) data);
  return widget;
}

static void
show_voices (Fixture   *fixture,
             SamWindow *window)
{
  fixture->window = window;
  fixture->session = sam_window_get_session (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "voices"));
  ui_test_settle (window);

  fixture->page = SAM_VOICES_PAGE (find_in (window, ui_test_is_type, GSIZE_TO_POINTER (SAM_TYPE_VOICES_PAGE)));
  fixture->entry = sam_voices_page_get_entry (fixture->page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->entry)));
}

static guint
n_voices (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_voices (fixture->session)));
}

static SamItem *
voice_at (Fixture *fixture,
          guint    index)
{
  g_autoptr(SamItem) voice = g_list_model_get_item (G_LIST_MODEL (sam_session_get_voices (fixture->session)), index);

  g_assert_nonnull (voice);
  return voice;
}

static SamItem *
last_voice (Fixture *fixture)
{
  return voice_at (fixture, n_voices (fixture) - 1);
}

static SamItem *
perspective_at (Fixture *fixture,
                guint    index)
{
  g_autoptr(SamItem) perspective = g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (fixture->session)), index);

  g_assert_nonnull (perspective);
  return perspective;
}

static void
type_and_enter (Fixture    *fixture,
                const char *text)
{
  gtk_editable_set_text (fixture->entry, text);
  g_signal_emit_by_name (fixture->entry, "activate");
  ui_test_run_for (50);
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->page), action, parameter));
  ui_test_run_for (50);
}

static gboolean
entry_has_focus (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL &&
         (focus == GTK_WIDGET (fixture->entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->entry)));
}

static const char *
undo_label (Fixture *fixture)
{
  return sam_history_get_undo_label (sam_session_get_history (fixture->session));
}

/* The row of @voice in the list. */
static GtkWidget *
row_of (Fixture *fixture,
        SamItem *voice)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ui_test_collect_widgets (GTK_WIDGET (fixture->page), ui_test_is_type,
                           GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW), rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_object_get_data (rows->pdata[i], "voice") == voice)
      return rows->pdata[i];
  return NULL;
}

static guint
n_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ui_test_collect_widgets (GTK_WIDGET (fixture->page), ui_test_is_type,
                           GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW), rows);
  return rows->len;
}

static GtkDropDown *
prompt_dropdown (Fixture *fixture)
{
  return GTK_DROP_DOWN (find_in (fixture->page, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN)));
}

static guint
prompt_position (Fixture    *fixture,
                 const char *id)
{
  GListStore *prompts = sam_session_get_prompts (fixture->session);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (prompts)); i++)
    {
      g_autoptr(SamItem) prompt = g_list_model_get_item (G_LIST_MODEL (prompts), i);

      if (g_strcmp0 (sam_item_get_id (prompt), id) == 0)
        return i + 1;  /* after "None" */
    }
  g_assert_not_reached ();
}

/* Capturing with Enter: the running item and its prompt */

static void
test_capture (void)
{
  Fixture fixture;
  guint before;
  SamItem *voice;
  gint64 now = g_get_real_time ();

  show_voices (&fixture, ui_test_open_demo (1600, 1000));
  before = n_voices (&fixture);
  g_assert_cmpuint (n_rows (&fixture), ==, before);

  /* The demo's fourth item runs its reflection prompt. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.timer-start-item", "u", 3));
  ui_test_run_for (50);
  g_assert_cmpuint (gtk_drop_down_get_selected (prompt_dropdown (&fixture)), ==,
                    prompt_position (&fixture, "fraga-reflektion"));

  /* Nothing typed, nothing captured. */
  type_and_enter (&fixture, "   ");
  g_assert_cmpuint (n_voices (&fixture), ==, before);

  type_and_enter (&fixture, "  Vi behöver mötas oftare över gränserna  ");
  g_assert_cmpuint (n_voices (&fixture), ==, before + 1);
  voice = last_voice (&fixture);
  g_assert_cmpstr (sam_item_get_string (voice, "text"), ==, "Vi behöver mötas oftare över gränserna");
  g_assert_cmpstr (sam_item_get_string (voice, "prompt"), ==, "fraga-reflektion");
  g_assert_cmpstr (sam_item_get_string (voice, "agenda-item"), ==, "punkt-4");
  g_assert_cmpstr (sam_item_get_string (voice, "perspective"), ==, "");
  g_assert_false (sam_item_get_boolean (voice, "on-stage"));
  g_assert_cmpint (sam_item_get_int64 (voice, "time"), >=, now);
  g_assert_cmpstr (undo_label (&fixture), ==, "Capture Voice");

  /* Ready for the next: empty, and still where one types. */
  g_assert_cmpstr (gtk_editable_get_text (fixture.entry), ==, "");
  g_assert_true (entry_has_focus (&fixture));
  g_assert_nonnull (row_of (&fixture, voice));
  g_assert_cmpuint (n_rows (&fixture), ==, before + 1);

  /* One undo takes the voice back, and its row. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  ui_test_run_for (50);
  g_assert_cmpuint (n_voices (&fixture), ==, before);
  g_assert_cmpuint (n_rows (&fixture), ==, before);

  ui_test_close_window (fixture.window);
}

/* Without a running prompt; a prompt chosen; Ctrl+Enter */

static void
test_prompt_and_stage (void)
{
  Fixture fixture;
  SamItem *voice;

  show_voices (&fixture, ui_test_open_demo (1600, 1000));

  /* The first item runs no prompt: the voice has none. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.timer-start-item", "u", 0));
  ui_test_run_for (50);
  g_assert_cmpuint (gtk_drop_down_get_selected (prompt_dropdown (&fixture)), ==, 0);
  type_and_enter (&fixture, "Välkomna");
  voice = last_voice (&fixture);
  g_assert_cmpstr (sam_item_get_string (voice, "prompt"), ==, "");
  g_assert_cmpstr (sam_item_get_string (voice, "agenda-item"), ==, "punkt-1");

  /* A prompt chosen in the pane wins … */
  gtk_drop_down_set_selected (prompt_dropdown (&fixture), prompt_position (&fixture, "fraga-trio"));
  type_and_enter (&fixture, "Samverkan kring skolan");
  g_assert_cmpstr (sam_item_get_string (last_voice (&fixture), "prompt"), ==, "fraga-trio");
  type_and_enter (&fixture, "Och en till");
  g_assert_cmpstr (sam_item_get_string (last_voice (&fixture), "prompt"), ==, "fraga-trio");

  /* … until the next item starts, which brings its own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.timer-start-item", "u", 3));
  ui_test_run_for (50);
  type_and_enter (&fixture, "Jag är stolt över skolsköterskorna");
  g_assert_cmpstr (sam_item_get_string (last_voice (&fixture), "prompt"), ==, "fraga-reflektion");

  /* "None" chosen: no prompt even though the item has one. */
  gtk_drop_down_set_selected (prompt_dropdown (&fixture), 0);
  type_and_enter (&fixture, "Utan fråga");
  g_assert_cmpstr (sam_item_get_string (last_voice (&fixture), "prompt"), ==, "");

  /* Ctrl+Enter: on stage, for that voice only. */
  gtk_editable_set_text (fixture.entry, "Det här ska alla se");
  activate (&fixture, "voices.capture-on-stage", NULL);
  voice = last_voice (&fixture);
  g_assert_cmpstr (sam_item_get_string (voice, "text"), ==, "Det här ska alla se");
  g_assert_true (sam_item_get_boolean (voice, "on-stage"));
  g_assert_cmpstr (gtk_editable_get_text (fixture.entry), ==, "");
  type_and_enter (&fixture, "Inte på scenen");
  g_assert_false (sam_item_get_boolean (last_voice (&fixture), "on-stage"));

  /* The row's toggle takes it off the stage, as one undo step. */
  {
    GtkWidget *row = row_of (&fixture, voice);
    GtkToggleButton *stage = g_object_get_data (G_OBJECT (row), "stage-button");

    g_assert_true (gtk_toggle_button_get_active (stage));
    gtk_toggle_button_set_active (stage, FALSE);
    g_assert_false (sam_item_get_boolean (voice, "on-stage"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
    ui_test_run_for (50);
    g_assert_true (sam_item_get_boolean (voice, "on-stage"));
    g_assert_true (gtk_toggle_button_get_active (stage));
  }

  ui_test_close_window (fixture.window);
}

/* The perspective of the next voice: its toggles, Ctrl+Down and Ctrl+Up,
 * Ctrl+0, and after a capture */

static void
test_perspective (void)
{
  Fixture fixture;
  SamItem *second, *third;

  show_voices (&fixture, ui_test_open_new (1200, 800));
  second = perspective_at (&fixture, 1);
  third = perspective_at (&fixture, 2);
  g_assert_cmpstr (sam_voices_page_get_perspective (fixture.page), ==, "");

  activate (&fixture, "voices.perspective", g_variant_new_uint32 (2));
  g_assert_cmpstr (sam_voices_page_get_perspective (fixture.page), ==, sam_item_get_id (second));
  activate (&fixture, "voices.perspective", g_variant_new_uint32 (3));
  g_assert_cmpstr (sam_voices_page_get_perspective (fixture.page), ==, sam_item_get_id (third));
  /* The same key again takes it back; Ctrl+0 too. */
  activate (&fixture, "voices.perspective", g_variant_new_uint32 (3));
  g_assert_cmpstr (sam_voices_page_get_perspective (fixture.page), ==, "");
  activate (&fixture, "voices.perspective", g_variant_new_uint32 (2));
  activate (&fixture, "voices.perspective", g_variant_new_uint32 (0));
  g_assert_cmpstr (sam_voices_page_get_perspective (fixture.page), ==, "");

  /* Ctrl+Down and Ctrl+Up step through them, and past the ends to none. */
  activate (&fixture, "voices.step-perspective", g_variant_new_int32 (1));
  g_assert_cmpstr (sam_voices_page_get_perspective (fixture.page), ==, sam_item_get_id (perspective_at (&fixture, 0)));
  activate (&fixture, "voices.step-perspective", g_variant_new_int32 (1));
  g_assert_cmpstr (sam_voices_page_get_perspective (fixture.page), ==, sam_item_get_id (second));
  activate (&fixture, "voices.step-perspective", g_variant_new_int32 (-1));
  activate (&fixture, "voices.step-perspective", g_variant_new_int32 (-1));
  g_assert_cmpstr (sam_voices_page_get_perspective (fixture.page), ==, "");
  activate (&fixture, "voices.step-perspective", g_variant_new_int32 (-1));
  g_assert_cmpstr (sam_voices_page_get_perspective (fixture.page), ==,
                   sam_item_get_id (perspective_at (&fixture, g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_perspectives (fixture.session))) - 1)));
  activate (&fixture, "voices.perspective", g_variant_new_uint32 (0));

  /* Only the chosen one's toggle is down. */
  activate (&fixture, "voices.perspective", g_variant_new_uint32 (2));
  {
    g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
    guint active = 0;

    ui_test_collect_widgets (GTK_WIDGET (fixture.page), ui_test_is_type,
                             GSIZE_TO_POINTER (GTK_TYPE_TOGGLE_BUTTON), toggles);
    for (guint i = 0; i < toggles->len; i++)
      if (g_object_get_data (toggles->pdata[i], "perspective-id") != NULL &&
          gtk_toggle_button_get_active (toggles->pdata[i]))
        {
          active++;
          g_assert_cmpstr (g_object_get_data (toggles->pdata[i], "perspective-id"), ==, sam_item_get_id (second));
        }
    g_assert_cmpuint (active, ==, 1);
  }

  /* A new session's timer has not started: no item, no prompt. */
  type_and_enter (&fixture, "En röst från socialtjänsten");
  g_assert_cmpstr (sam_item_get_string (last_voice (&fixture), "perspective"), ==, sam_item_get_id (second));
  g_assert_cmpstr (sam_item_get_string (last_voice (&fixture), "prompt"), ==, "");
  /* A perspective is for one voice. */
  g_assert_cmpstr (sam_voices_page_get_perspective (fixture.page), ==, "");
  type_and_enter (&fixture, "Och en utan");
  g_assert_cmpstr (sam_item_get_string (last_voice (&fixture), "perspective"), ==, "");

  ui_test_close_window (fixture.window);
}

/* Editing in place, removing, and taking both back */

static void
test_edit_and_remove (void)
{
  Fixture fixture;
  SamItem *voice;
  GtkWidget *row;
  GtkWidget *remove = NULL;
  guint before;

  show_voices (&fixture, ui_test_open_demo (1600, 1000));
  voice = voice_at (&fixture, 0);
  row = row_of (&fixture, voice);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, sam_item_get_string (voice, "text"));

  gtk_editable_set_text (GTK_EDITABLE (row), "  Rättad text  ");
  g_signal_emit_by_name (row, "apply");
  ui_test_run_for (50);
  g_assert_cmpstr (sam_item_get_string (voice, "text"), ==, "Rättad text");
  g_assert_cmpstr (undo_label (&fixture), ==, "Edit Voice");

  /* Undo brings back the old text, in the row too. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture.entry));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  ui_test_run_for (50);
  g_assert_cmpstr (sam_item_get_string (voice, "text"), !=, "Rättad text");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, sam_item_get_string (voice, "text"));

  /* Emptied: removed, with a toast to undo it. */
  before = n_voices (&fixture);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_signal_emit_by_name (row, "apply");
  ui_test_run_for (50);
  g_assert_cmpuint (n_voices (&fixture), ==, before - 1);
  g_assert_null (sam_item_get_parent (voice));
  g_assert_null (row_of (&fixture, voice));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  ui_test_run_for (50);
  g_assert_cmpuint (n_voices (&fixture), ==, before);
  voice = voice_at (&fixture, 0);
  row = row_of (&fixture, voice);
  g_assert_nonnull (row);

  /* The remove button. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    ui_test_collect_widgets (row, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON), buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), "Remove Voice") == 0)
        remove = buttons->pdata[i];
  }
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  ui_test_run_for (50);
  g_assert_cmpuint (n_voices (&fixture), ==, before - 1);
  g_assert_null (sam_item_get_parent (voice));
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "voices-page-removed.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  ui_test_run_for (50);
  g_assert_cmpuint (n_voices (&fixture), ==, before);
  g_assert_nonnull (row_of (&fixture, voice_at (&fixture, 0)));

  ui_test_close_window (fixture.window);
}

/* win.capture-voice from another view */

static void
test_capture_action (void)
{
  Fixture fixture = { 0 };
  SamWindow *window = ui_test_open_demo (1600, 1000);
  AdwViewStack *views;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "agenda"));
  ui_test_settle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.capture-voice", NULL));
  ui_test_settle (window);

  views = ADW_VIEW_STACK (find_in (window, ui_test_is_type, GSIZE_TO_POINTER (ADW_TYPE_VIEW_STACK)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "voices");
  fixture.window = window;
  fixture.session = sam_window_get_session (window);
  fixture.page = SAM_VOICES_PAGE (find_in (window, ui_test_is_type, GSIZE_TO_POINTER (SAM_TYPE_VOICES_PAGE)));
  fixture.entry = sam_voices_page_get_entry (fixture.page);
  g_assert_true (entry_has_focus (&fixture));

  /* And again from the map, once the page exists. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "map"));
  ui_test_settle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.capture-voice", NULL));
  ui_test_settle (window);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "voices");
  g_assert_true (entry_has_focus (&fixture));

  ui_test_close_window (window);
}

/* Many voices: a new one adds a row and leaves the others be */

static void
test_many (void)
{
  Fixture fixture;
  SamWindow *window = ui_test_open_new (1200, 800);
  SamSession *session = sam_window_get_session (window);
  GtkListBox *list;
  GtkListBoxRow *first;
  gint64 start;

  sam_session_begin (session, "Many");
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(SamItem) voice = sam_item_new (SAM_TYPE_VOICE, NULL);
      g_autofree char *text = g_strdup_printf ("Röst %u", i);

      g_object_set (voice, "text", text, "time", (gint64) (1700000000 + i) * G_USEC_PER_SEC, NULL);
      sam_session_insert (session, session, "voices", G_MAXUINT, voice);
    }
  sam_session_end (session);

  show_voices (&fixture, window);
  g_assert_cmpuint (n_rows (&fixture), ==, 2000);
  list = GTK_LIST_BOX (gtk_widget_get_ancestor (row_of (&fixture, voice_at (&fixture, 0)), GTK_TYPE_LIST_BOX));
  first = gtk_list_box_get_row_at_index (list, 0);

  start = g_get_monotonic_time ();
  type_and_enter (&fixture, "Den nya");
  g_test_message ("Capturing with 2,000 voices took %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpuint (n_rows (&fixture), ==, 2001);
  g_assert_true (gtk_list_box_get_row_at_index (list, 0) == first);
  g_assert_true (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, 2000)), "voice") ==
                 last_voice (&fixture));

  ui_test_close_window (window);
}

static void
test_screenshot (void)
{
  Fixture fixture;

  show_voices (&fixture, ui_test_open_demo (1600, 1000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.timer-start-item", "u", 3));
  activate (&fixture, "voices.perspective", g_variant_new_uint32 (1));
  gtk_editable_set_text (fixture.entry, "Vi borde bjuda in fritidsgårdarna nästa gång");
  ui_test_run_for (200);
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "voices-page.png");
  ui_test_close_window (fixture.window);

  show_voices (&fixture, ui_test_open_new (1200, 800));
  ui_test_save_screenshot (GTK_WIDGET (fixture.window), "voices-page-empty.png");
  ui_test_close_window (fixture.window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  ui_test_create_app ();

  g_test_add_func ("/voices/capture", test_capture);
  g_test_add_func ("/voices/prompt-and-stage", test_prompt_and_stage);
  g_test_add_func ("/voices/perspective", test_perspective);
  g_test_add_func ("/voices/edit-and-remove", test_edit_and_remove);
  g_test_add_func ("/voices/capture-action", test_capture_action);
  g_test_add_func ("/voices/many", test_many);
  g_test_add_func ("/voices/screenshot", test_screenshot);

  return ui_test_run ();
}
