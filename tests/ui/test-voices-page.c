/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The voices view as a note-taker uses it: typing what is said and pressing
 * Enter (or Ctrl+Enter to put it on stage), with the running item's prompt
 * or one chosen, and a perspective for the next voice; editing a voice in
 * place, removing it and taking that back; reaching the entry from another
 * view; the headers of the prompts; the item a voice belongs to before the
 * agenda starts and after it ends; the keyboard; and a long list, of which
 * only what shows is built and to which a new voice only adds a row.
 * Screenshots go to <builddir>/tests/ui/screenshots/.
 */

#include "config.h"

#include "sam-entities.h"
#include "sam-history.h"
#include "sam-session.h"
#include "sam-timer.h"
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

/* The voice rows built now: a list view builds rows for what shows and
 * reuses them, and a row holds the voice it shows while it shows one. */
static gboolean
is_voice_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) && g_object_get_data (G_OBJECT (widget), "voice") != NULL &&
         gtk_widget_get_visible (widget);
}

static GPtrArray *
voice_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();

  ui_test_collect_widgets (GTK_WIDGET (fixture->page), is_voice_row, NULL, rows);
  return rows;
}

/* The row of @voice in the list, if it is built. */
static GtkWidget *
row_of (Fixture *fixture,
        SamItem *voice)
{
  g_autoptr(GPtrArray) rows = voice_rows (fixture);

  for (guint i = 0; i < rows->len; i++)
    if (g_object_get_data (rows->pdata[i], "voice") == voice)
      return rows->pdata[i];
  return NULL;
}

/* Every row widget for a voice there is, shown or kept for later. */
static guint
n_row_widgets (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ui_test_collect_widgets (GTK_WIDGET (fixture->page), ui_test_is_type,
                           GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW), rows);
  return rows->len;
}

/* The list of voices (the drop-down has a list view of its own). */
static gboolean
is_voices_list (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "voices-list");
}

static GtkListView *
list_view (Fixture *fixture)
{
  return GTK_LIST_VIEW (find_in (fixture->page, is_voices_list, "voices-list"));
}

static GListModel *
list_model (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_list_view_get_model (list_view (fixture)));
}

/* Where the list has @item (a voice or a prompt), or -1. */
static int
list_position (Fixture  *fixture,
               gpointer  item)
{
  GListModel *model = list_model (fixture);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (object == item)
        return (int) i;
    }
  return -1;
}

/* Whether all of @widget is inside the list's scrolled window. */
static gboolean
is_in_view (Fixture   *fixture,
            GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (list_view (fixture)), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (widget == NULL || !gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_bounds (widget, scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.size.height > 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller) + 0.5;
}

/* Scrolls the list to @voice, as a person would, and gives its row. */
static GtkWidget *
show_row (Fixture *fixture,
          SamItem *voice)
{
  int position = list_position (fixture, voice);

  g_assert_cmpint (position, >=, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view (fixture)), "list.scroll-to-item",
                                             "u", (guint) position));
  ui_test_run_for (100);
  g_assert_true (is_in_view (fixture, row_of (fixture, voice)));
  return row_of (fixture, voice);
}

static GtkAdjustment *
list_adjustment (Fixture *fixture)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (list_view (fixture)), GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* Scrolls to the end, as far as it goes (the list learns its height as it
 * builds the rows at the end). */
static void
scroll_to_end (Fixture *fixture)
{
  GtkAdjustment *adjustment = list_adjustment (fixture);

  for (guint i = 0; i < 20; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      ui_test_run_for (50);
      if (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) >=
          gtk_adjustment_get_upper (adjustment) - 1)
        return;
    }
  g_assert_not_reached ();
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
  g_assert_nonnull (show_row (&fixture, voice));

  /* One undo takes the voice back, and its row. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  ui_test_run_for (50);
  g_assert_cmpuint (n_voices (&fixture), ==, before);
  g_assert_cmpint (list_position (&fixture, voice), ==, -1);
  g_assert_null (row_of (&fixture, voice));

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
    GtkWidget *row = show_row (&fixture, voice);
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
  row = show_row (&fixture, voice);
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
  row = show_row (&fixture, voice);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, sam_item_get_string (voice, "text"));

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
  g_assert_nonnull (show_row (&fixture, voice_at (&fixture, 0)));

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

/* Many voices: only the rows that show are built, and a new voice adds a
 * row, scrolled to, and leaves the others be */

static void
add_many_voices (SamSession *session,
                 guint       n)
{
  GListModel *prompts = G_LIST_MODEL (sam_session_get_prompts (session));
  guint n_prompts = g_list_model_get_n_items (prompts);

  sam_session_begin (session, "Many");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) voice = sam_item_new (SAM_TYPE_VOICE, NULL);
      g_autofree char *text = g_strdup_printf ("Röst %u", i);
      g_autoptr(SamItem) prompt = n_prompts > 0 ? g_list_model_get_item (prompts, i % n_prompts) : NULL;

      g_object_set (voice,
                    "text", text,
                    "prompt", prompt != NULL ? sam_item_get_id (prompt) : "",
                    "time", (gint64) (1700000000 + i) * G_USEC_PER_SEC,
                    NULL);
      sam_session_insert (session, session, "voices", G_MAXUINT, voice);
    }
  sam_session_end (session);
}

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *changes)
{
  g_string_append_printf (changes, "%u-%u+%u ", position, removed, added);
}

static void
test_many (void)
{
  Fixture fixture;
  SamWindow *window = ui_test_open_new (1200, 800);
  SamSession *session = sam_window_get_session (window);
  g_autoptr(GString) changes = g_string_new (NULL);
  SamItem *voice;
  gint64 start;
  guint built;

  add_many_voices (session, 2000);
  show_voices (&fixture, window);

  /* A list view, which builds rows for what shows and around it (GTK 4.8
   * keeps up to 200 and a few), not for every voice. */
  g_assert_true (GTK_IS_LIST_VIEW (list_view (&fixture)));
  g_assert_cmpuint (g_list_model_get_n_items (list_model (&fixture)), ==, 2000 + 1 /* "Without a prompt" */);
  built = n_row_widgets (&fixture);
  g_test_message ("Rows built for 2,000 voices: %u", built);
  g_assert_cmpuint (built, >, 5);
  g_assert_cmpuint (built, <=, 210);
  g_assert_true (is_in_view (&fixture, row_of (&fixture, voice_at (&fixture, 0))));

  /* Following the newest voices at the end of the list … */
  scroll_to_end (&fixture);
  g_assert_true (is_in_view (&fixture, row_of (&fixture, voice_at (&fixture, 1999))));
  g_signal_connect (list_model (&fixture), "items-changed", G_CALLBACK (record_change_cb), changes);

  start = g_get_monotonic_time ();
  type_and_enter (&fixture, "Den nya");
  g_test_message ("Capturing with 2,000 voices took %" G_GINT64_FORMAT " ms (with 50 ms of main loop)",
                  (g_get_monotonic_time () - start) / 1000);

  /* … the new voice is in the list, at the end, and shows. */
  voice = last_voice (&fixture);
  g_assert_cmpstr (sam_item_get_string (voice, "text"), ==, "Den nya");
  g_assert_cmpint (list_position (&fixture, voice), ==, 2001);
  ui_test_run_for (100);
  g_assert_true (is_in_view (&fixture, row_of (&fixture, voice)));
  g_assert_true (entry_has_focus (&fixture));
  /* The list was told of one row more, not of a new list. */
  g_assert_cmpstr (changes->str, ==, "2001-0+1 ");
  g_assert_cmpuint (n_row_widgets (&fixture), <=, 210);
  g_signal_handlers_disconnect_by_data (list_model (&fixture), changes);

  /* Read further up, the list stays where it is. */
  gtk_adjustment_set_value (list_adjustment (&fixture), 0);
  ui_test_run_for (100);
  type_and_enter (&fixture, "En till");
  ui_test_run_for (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (list_adjustment (&fixture)), ==, 0);
  g_assert_cmpint (list_position (&fixture, last_voice (&fixture)), ==, 2002);
  g_assert_null (row_of (&fixture, last_voice (&fixture)));

  ui_test_close_window (window);
}

/* The headers: a prompt's text where the prompt changes, voices without
 * one last; after a group is removed and the removal undone; renamed */

/* The prompt a voice is listed under: the header item before it. */
static GObject *
header_before (GListModel *model,
               guint       position)
{
  while (position-- > 0)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, position);

      if (!SAM_IS_VOICE (item))
        return g_steal_pointer (&item);
    }
  return NULL;
}

static void
assert_grouped (Fixture *fixture)
{
  GListModel *model = list_model (fixture);
  guint n = g_list_model_get_n_items (model);
  guint voices = 0;
  gint64 last_time = G_MININT64;
  g_autoptr(GHashTable) headers = g_hash_table_new (NULL, NULL);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      GObject *header;
      const char *prompt;

      if (!SAM_IS_VOICE (item))
        {
          /* Each prompt once, and never a header without voices. */
          g_assert_false (g_hash_table_contains (headers, item));
          g_hash_table_add (headers, item);
          g_assert_true (i + 1 < n);
          last_time = G_MININT64;
          continue;
        }

      voices++;
      header = header_before (model, i);
      g_assert_nonnull (header);
      prompt = sam_item_get_string (SAM_ITEM (item), "prompt");
      if (SAM_IS_PROMPT (header))
        g_assert_cmpstr (prompt, ==, sam_item_get_id (SAM_ITEM (header)));
      else
        {
          g_assert_true (GTK_IS_STRING_OBJECT (header));
          g_assert_true (prompt[0] == '\0' || sam_session_lookup (fixture->session, prompt) == NULL);
        }
      /* Newest last. */
      g_assert_cmpint (sam_item_get_int64 (SAM_ITEM (item), "time"), >=, last_time);
      last_time = sam_item_get_int64 (SAM_ITEM (item), "time");
      g_object_unref (header);
    }
  g_assert_cmpuint (voices, ==, n_voices (fixture));
}

/* The header label for @prompt, once the list is scrolled to it. */
static GtkWidget *
show_header (Fixture *fixture,
             SamItem *prompt)
{
  int position = list_position (fixture, prompt);

  g_assert_cmpint (position, >=, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view (fixture)), "list.scroll-to-item",
                                             "u", (guint) position));
  ui_test_run_for (100);
  return ui_test_find_widget (GTK_WIDGET (list_view (fixture)), ui_test_is_label_reading,
                              sam_item_get_string (prompt, "text"));
}

static void
test_headers (void)
{
  Fixture fixture;
  g_autoptr(GPtrArray) group = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GObject) first = NULL;
  SamItem *prompt;
  GtkWidget *label;
  int position;

  show_voices (&fixture, ui_test_open_demo (1600, 1000));
  assert_grouped (&fixture);

  /* The first header shows at the top, with the prompt's text. */
  first = g_list_model_get_item (list_model (&fixture), 0);
  g_assert_true (SAM_IS_PROMPT (first));
  label = ui_test_find_widget (GTK_WIDGET (list_view (&fixture)), ui_test_is_label_reading,
                               sam_item_get_string (SAM_ITEM (first), "text"));
  g_assert_true (is_in_view (&fixture, label));

  /* Take away every voice of the reflection prompt, as one step: its
   * header goes with them … */
  prompt = sam_session_lookup (fixture.session, "fraga-reflektion");
  g_assert_nonnull (prompt);
  position = list_position (&fixture, prompt);
  g_assert_cmpint (position, >, 0);
  for (guint i = 0; i < n_voices (&fixture); i++)
    if (g_str_equal (sam_item_get_string (voice_at (&fixture, i), "prompt"), "fraga-reflektion"))
      g_ptr_array_add (group, g_object_ref (voice_at (&fixture, i)));
  g_assert_cmpuint (group->len, >, 0);
  sam_session_begin (fixture.session, "Remove a prompt's voices");
  for (guint i = 0; i < group->len; i++)
    sam_session_remove (fixture.session, group->pdata[i]);
  sam_session_end (fixture.session);
  ui_test_run_for (50);
  g_assert_cmpint (list_position (&fixture, prompt), ==, -1);
  assert_grouped (&fixture);

  /* … and undo brings back the header, in its place, over its voices. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  ui_test_run_for (50);
  g_assert_cmpint (list_position (&fixture, prompt), ==, position);
  assert_grouped (&fixture);
  label = show_header (&fixture, prompt);
  g_assert_true (is_in_view (&fixture, label));

  /* A voice moved to no prompt goes under "Without a prompt", at the end. */
  sam_session_begin (fixture.session, "No prompt");
  sam_session_set (fixture.session, group->pdata[0], "prompt", "", NULL);
  sam_session_end (fixture.session);
  ui_test_run_for (50);
  assert_grouped (&fixture);
  {
    GListModel *model = list_model (&fixture);
    g_autoptr(GObject) header = header_before (model, list_position (&fixture, group->pdata[0]));

    g_assert_true (GTK_IS_STRING_OBJECT (header));
    g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (header)), ==, "Without a prompt");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  ui_test_run_for (50);
  assert_grouped (&fixture);

  /* A prompt edited in the library: its header follows. */
  sam_session_begin (fixture.session, "Rename");
  sam_session_set (fixture.session, prompt, "text", "Vad tar du med dig härifrån?", NULL);
  sam_session_end (fixture.session);
  ui_test_run_for (50);
  label = show_header (&fixture, prompt);
  g_assert_nonnull (label);
  g_assert_true (is_in_view (&fixture, label));

  ui_test_close_window (fixture.window);
}

/* Before the agenda starts, a voice belongs to the item Start will start
 * and to its prompt; after the last item, to none */

static void
test_before_and_after (void)
{
  Fixture fixture;
  SamTimer *timer;
  g_autoptr(SamItem) prompt = sam_item_new (SAM_TYPE_PROMPT, NULL);
  g_autoptr(SamItem) talk = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);
  g_autoptr(SamItem) coffee = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);
  SamItem *voice;

  show_voices (&fixture, ui_test_open_new (1200, 800));
  timer = sam_window_get_timer (fixture.window);
  g_assert_nonnull (timer);

  g_object_set (prompt, "text", "Vad tar du med dig härifrån?", NULL);
  sam_session_begin (fixture.session, "Agenda");
  sam_session_insert (fixture.session, fixture.session, "prompts", G_MAXUINT, prompt);
  g_object_set (talk,
                "title", "Samtal i par",
                "activity-kind", SAM_ACTIVITY_PROMPT,
                "activity-id", sam_item_get_id (prompt),
                NULL);
  g_object_set (coffee, "title", "Fika", NULL);
  sam_session_insert (fixture.session, fixture.session, "agenda", G_MAXUINT, talk);
  sam_session_insert (fixture.session, fixture.session, "agenda", G_MAXUINT, coffee);
  sam_session_end (fixture.session);
  ui_test_run_for (50);

  /* Nothing has run: the first item is the one Start starts. */
  g_assert_cmpint (sam_timer_get_state (timer), ==, SAM_TIMER_STOPPED);
  g_assert_cmpuint (gtk_drop_down_get_selected (prompt_dropdown (&fixture)), ==,
                    prompt_position (&fixture, sam_item_get_id (prompt)));
  type_and_enter (&fixture, "Innan vi börjar: jag kom för att lyssna");
  voice = last_voice (&fixture);
  g_assert_cmpstr (sam_item_get_string (voice, "agenda-item"), ==, sam_item_get_id (talk));
  g_assert_cmpstr (sam_item_get_string (voice, "prompt"), ==, sam_item_get_id (prompt));
  g_assert_cmpint (list_position (&fixture, prompt), ==, 0);
  g_assert_cmpint (list_position (&fixture, voice), ==, 1);

  /* Running the first, then the second. */
  g_assert_true (sam_timer_start (timer));
  g_assert_true (sam_timer_next (timer));
  ui_test_run_for (50);
  type_and_enter (&fixture, "Under fikat");
  g_assert_cmpstr (sam_item_get_string (last_voice (&fixture), "agenda-item"), ==, sam_item_get_id (coffee));
  g_assert_cmpstr (sam_item_get_string (last_voice (&fixture), "prompt"), ==, "");

  /* The agenda is over: no item, no prompt. */
  g_assert_true (sam_timer_next (timer));
  ui_test_run_for (50);
  g_assert_cmpint (sam_timer_get_state (timer), ==, SAM_TIMER_FINISHED);
  g_assert_cmpuint (gtk_drop_down_get_selected (prompt_dropdown (&fixture)), ==, 0);
  type_and_enter (&fixture, "Efteråt, i dörren");
  voice = last_voice (&fixture);
  g_assert_cmpstr (sam_item_get_string (voice, "text"), ==, "Efteråt, i dörren");
  g_assert_cmpstr (sam_item_get_string (voice, "agenda-item"), ==, "");
  g_assert_cmpstr (sam_item_get_string (voice, "prompt"), ==, "");

  ui_test_close_window (fixture.window);
}

/* The keyboard reaches the rows; every control has a name; the button that
 * shows the voices on stage */

static gboolean
is_stage_voices_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.stage-voices") == 0;
}

static void
test_keyboard (void)
{
  Fixture fixture;
  GtkWidget *focus = NULL;
  GtkWidget *row = NULL;
  GtkWidget *button;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  gboolean active;

  show_voices (&fixture, ui_test_open_demo (1600, 1000));
  sam_voices_page_focus_entry (fixture.page);
  g_assert_true (entry_has_focus (&fixture));

  /* Tab from the entry, past the capture bar, into the first row. */
  for (guint i = 0; i < 40 && row == NULL; i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture.window), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (fixture.window));
      g_assert_nonnull (focus);
      if (gtk_widget_is_ancestor (focus, GTK_WIDGET (list_view (&fixture))))
        row = gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW);
    }
  g_assert_nonnull (row);
  g_assert_true (is_voice_row (row, NULL));
  g_assert_true (is_in_view (&fixture, row));

  /* Tab goes on to the row's buttons, each with a name. */
  ui_test_collect_widgets (row, ui_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON), buttons);
  g_assert_cmpuint (buttons->len, >=, 2);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_visible (buttons->pdata[i]) && gtk_widget_get_child_visible (buttons->pdata[i]))
      g_assert_nonnull (gtk_widget_get_tooltip_text (buttons->pdata[i]));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), !=, "");
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture.window), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (fixture.window));
      if (GTK_IS_BUTTON (focus) && gtk_widget_is_ancestor (focus, row))
        break;
    }
  g_assert_true (GTK_IS_BUTTON (focus) && gtk_widget_is_ancestor (focus, row));
  g_assert_nonnull (gtk_widget_get_tooltip_text (focus));

  /* Voices on Stage: the window's action, when it has it. */
  button = find_in (fixture.page, is_stage_voices_button, NULL);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   "Show the Voices Marked for the Stage (Ctrl+Shift+O)");
  active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
  if (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.stage-voices", NULL))
    {
      ui_test_run_for (50);
      g_assert_true (gtk_widget_get_sensitive (button));
      g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)), !=, active);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.stage-voices", NULL));
      ui_test_run_for (50);
      g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)), ==, active);
    }
  else
    g_assert_false (gtk_widget_is_sensitive (button));

  ui_test_close_window (fixture.window);
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
  g_test_add_func ("/voices/headers", test_headers);
  g_test_add_func ("/voices/before-and-after", test_before_and_after);
  g_test_add_func ("/voices/keyboard", test_keyboard);
  g_test_add_func ("/voices/many", test_many);
  g_test_add_func ("/voices/screenshot", test_screenshot);

  return ui_test_run ();
}
