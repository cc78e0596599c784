/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The stage, the projector's window: what it shows while the demo
 * session's agenda runs on a fake clock through the control window's
 * actions, its presenter keys, blanking and freezing, the participant
 * map at an item at the map, a prompt with its groups, the voices slide,
 * a sticky-note wall, and (under two-monitors.sh, with two screens) full screen on the second
 * screen.
 * Screenshots of the stage at 1920×1080 go to
 * <builddir>/tests/ui/screenshots/ for a person to look at.
 */

#include "config.h"

#include <string.h>

#include "sam-chime.h"
#include "sam-clock.h"
#include "sam-grouping.h"
#include "sam-map-view.h"
#include "sam-perspective-chart.h"
#include "sam-session.h"
#include "sam-stage-view.h"
#include "sam-stage-window.h"
#include "sam-timer.h"
#include "sam-timer-panel.h"
#include "sam-wall.h"
#include "ui-test-util.h"

#define SECOND ((gint64) G_USEC_PER_SEC)
#define MINUTE (60 * SECOND)

#define FIRST_TITLE "Välkommen"
#define SECOND_TITLE "Orientering: vi som är här och våra perspektiv"
#define THIRD_TITLE "Inspel: missionsorienterat arbetssätt"

typedef struct
{
  SamClock       *clock;
  SamWindow      *window;
  SamTimer       *timer;
  SamStageWindow *stage;
  SamStageView   *view;
} Fixture;

/* The demo session starts at 13:00 on 2023-12-18; its agenda is
 * "Välkommen" (10 min), the orientation at the map (15), an input (20),
 * reflection and dialogue with a prompt (20), a break (10) … The clock
 * starts at 13:00 sharp on that day. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->clock = ui_test_use_demo_clock ();

  fixture->window = ui_test_open_demo (1280, 800);
  /* The agenda view, with the timer's panel and the stage's miniature. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "agenda"));
  ui_test_settle (fixture->window);
  fixture->timer = sam_window_get_timer (fixture->window);
  g_assert_nonnull (fixture->timer);
  g_assert_true (sam_timer_get_clock (fixture->timer) == fixture->clock);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_close_window (fixture->window);
  /* The stage goes with its control window. */
  g_assert_null (ui_test_find_toplevel (SAM_TYPE_STAGE_WINDOW, NULL));
  sam_application_set_clock (ui_test_app, NULL);
  g_clear_object (&fixture->clock);
}

static gboolean
stage_shown (SamWindow *window)
{
  gboolean shown = FALSE;

  g_object_get (window, "stage-shown", &shown, NULL);
  return shown;
}

static char *
stage_monitor (SamWindow *window)
{
  char *connector = NULL;

  g_object_get (window, "stage-monitor", &connector, NULL);
  return connector;
}

static gboolean
has_stage_window_cb (gpointer data)
{
  return ui_test_find_toplevel (SAM_TYPE_STAGE_WINDOW, NULL) != NULL;
}

/* Opens the stage as F5 does and finds its window. */
static void
open_stage (Fixture *fixture)
{
  g_assert_false (stage_shown (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.stage-show", NULL));
  g_assert_true (stage_shown (fixture->window));

  g_assert_true (ui_test_wait_for (has_stage_window_cb, NULL));
  fixture->stage = SAM_STAGE_WINDOW (ui_test_find_toplevel (SAM_TYPE_STAGE_WINDOW, NULL));
  fixture->view = sam_stage_window_get_view (fixture->stage);
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, fixture->view));
  g_assert_true (sam_stage_view_get_timer (fixture->view) == fixture->timer);
}

static gboolean
has_other_size_cb (gpointer data)
{
  return !ui_test_has_size (data);
}

/* The stage as a 1920×1080 projector shows it, in a window: the test's
 * display has one screen and no window manager, so the window's frame
 * takes a few pixels of it. */
static void
make_projector_sized (Fixture *fixture)
{
  UiTestSize old = { GTK_WIDGET (fixture->view),
                    gtk_widget_get_width (GTK_WIDGET (fixture->view)),
                    gtk_widget_get_height (GTK_WIDGET (fixture->view)) };

  gtk_window_set_default_size (GTK_WINDOW (fixture->stage), 1920, 1080);
  g_assert_true (ui_test_wait_for (has_other_size_cb, &old));
  ui_test_run_for (50);
  g_test_message ("The stage is %d×%d", gtk_widget_get_width (GTK_WIDGET (fixture->view)),
                  gtk_widget_get_height (GTK_WIDGET (fixture->view)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), >=, 1900);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->view)), >=, 1060);
}

/* The digits can be read from the back of the room: at least a fifth of
 * the stage's height. */
static void
assert_digits_large (SamStageView *view)
{
  int digits = 0;
  int height = gtk_widget_get_height (GTK_WIDGET (view));

  g_object_get (view, "countdown-height", &digits, NULL);
  g_test_message ("Digits %d px of %d px (%.0f %%)", digits, height, 100.0 * digits / height);
  g_assert_cmpint (height, >, 0);
  g_assert_cmpint (digits * 5, >=, height);
}

static void
assert_stage (SamStageView *view,
              const char   *title,
              const char   *countdown,
              const char   *status,
              const char   *next)
{
  if (title != NULL)
    g_assert_cmpstr (sam_stage_view_get_title_text (view), ==, title);
  if (countdown != NULL)
    g_assert_cmpstr (sam_stage_view_get_countdown_text (view), ==, countdown);
  if (status != NULL)
    g_assert_cmpstr (sam_stage_view_get_status_text (view), ==, status);
  if (next != NULL)
    g_assert_cmpstr (sam_stage_view_get_next_text (view), ==, next);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
}

static void
advance (Fixture *fixture,
         gint64   usec)
{
  sam_fake_clock_advance (fixture->clock, usec);
}

/* Presses @keyval on the stage window, through its shortcuts as a key
 * press would. */
static gboolean
press_key (SamStageWindow *stage,
           guint           keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (stage));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (stage),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/* Finding the control window's buttons */

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* Whether the control window's button for @action can be pressed; the
 * window shows the timer's panel beside the agenda. */
static gboolean
button_sensitive (Fixture    *fixture,
                  const char *action)
{
  GtkWidget *button = ui_test_find_widget (GTK_WIDGET (fixture->window), is_action_button, action);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static SamStageView *
miniature (Fixture *fixture)
{
  GtkWidget *panel = ui_test_find_widget (GTK_WIDGET (fixture->window), ui_test_is_type,
                                          GSIZE_TO_POINTER (SAM_TYPE_TIMER_PANEL));

  g_assert_nonnull (panel);
  return sam_timer_panel_get_miniature (SAM_TIMER_PANEL (panel));
}

/* Tests */

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  SamStageWindow *weak;
  g_autofree char *connector = NULL;

  open_stage (fixture);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->stage)), ==, "Stage");

  /* One screen: a window to rehearse in. */
  if (g_list_model_get_n_items (monitors) == 1)
    {
      connector = stage_monitor (fixture->window);
      g_assert_cmpstr (connector, ==, "");
      g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (fixture->stage)));
      g_assert_null (sam_stage_window_get_monitor (fixture->stage));
    }

  /* Before the start: the first item and its full length. */
  assert_stage (fixture->view, FIRST_TITLE, "10:00", "Not started",
                "Next: " SECOND_TITLE " · 15 min");
  assert_digits_large (fixture->view);

  /* F5 again closes it … */
  weak = fixture->stage;
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  activate (fixture, "win.stage-show");
  g_assert_false (stage_shown (fixture->window));
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak));

  /* … and closing its window tells the control window. */
  fixture->stage = NULL;
  open_stage (fixture);
  weak = fixture->stage;
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_close (GTK_WINDOW (fixture->stage));
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &weak));
  g_assert_false (stage_shown (fixture->window));
  g_assert_false (button_sensitive (fixture, "win.stage-swap"));

  /* The miniature shows the same as the stage. */
  g_assert_cmpstr (sam_stage_view_get_title_text (miniature (fixture)), ==, FIRST_TITLE);
}

static void
test_countdown (Fixture       *fixture,
                gconstpointer  data)
{
  open_stage (fixture);
  make_projector_sized (fixture);

  activate (fixture, "win.timer-toggle");
  g_assert_cmpint (sam_timer_get_state (fixture->timer), ==, SAM_TIMER_RUNNING);
  assert_stage (fixture->view, FIRST_TITLE, "10:00", "", "Next: " SECOND_TITLE " · 15 min");

  advance (fixture, SECOND);
  assert_stage (fixture->view, FIRST_TITLE, "9:59", "", NULL);

  advance (fixture, 2 * MINUTE + 27 * SECOND);
  assert_stage (fixture->view, FIRST_TITLE, "7:32", "", NULL);
  assert_digits_large (fixture->view);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-running.png");

  /* The last minute: amber, and said in words. */
  advance (fixture, 6 * MINUTE + 33 * SECOND);
  assert_stage (fixture->view, FIRST_TITLE, "0:59", "Last minute", NULL);
  g_assert_cmpint (sam_timer_get_level (fixture->timer), ==, SAM_TIMER_LEVEL_WARNING);
  assert_digits_large (fixture->view);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-warning.png");

  /* Zero: red, a chime, and the time counts up. */
  g_assert_false (sam_chime_is_playing ());
  advance (fixture, 59 * SECOND);
  g_assert_true (sam_chime_is_playing ());
  advance (fixture, 5 * SECOND);
  assert_stage (fixture->view, FIRST_TITLE, "+0:05", "Time is up", NULL);
  g_assert_cmpint (sam_timer_get_level (fixture->timer), ==, SAM_TIMER_LEVEL_OVERRUN);
  assert_digits_large (fixture->view);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-overrun.png");

  /* Paused: the time stands. */
  activate (fixture, "win.timer-toggle");
  assert_stage (fixture->view, FIRST_TITLE, "+0:05", "Paused", NULL);
  advance (fixture, 10 * SECOND);
  assert_stage (fixture->view, FIRST_TITLE, "+0:05", "Paused", NULL);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-paused.png");

  /* Next: the orientation runs, the input comes after it. */
  activate (fixture, "win.timer-next");
  assert_stage (fixture->view, SECOND_TITLE, "15:00", "", "Next: " THIRD_TITLE " · 20 min");
  advance (fixture, SECOND);
  assert_stage (fixture->view, SECOND_TITLE, "14:59", "", NULL);

  /* An hour and more shows the hours. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.timer-extend", "i", 3600));
  assert_stage (fixture->view, SECOND_TITLE, "1:14:59", "", NULL);
  assert_digits_large (fixture->view);

  /* A renamed item is shown at once. */
  sam_session_begin (sam_window_get_session (fixture->window), "Rename");
  sam_session_set (sam_window_get_session (fixture->window), SAM_ITEM (sam_timer_get_current (fixture->timer)),
                   "title", "Var sitter du?", NULL);
  sam_session_end (sam_window_get_session (fixture->window));
  assert_stage (fixture->view, "Var sitter du?", "1:14:59", "", NULL);
}

static void
test_break (Fixture       *fixture,
            gconstpointer  data)
{
  open_stage (fixture);
  make_projector_sized (fixture);

  /* The break, started at 13:00 sharp for 10 minutes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.timer-start-item", "u", 4));
  assert_stage (fixture->view, "Sträckpaus", "10:00", "", "Back at 13:10");

  advance (fixture, 2 * MINUTE + 15 * SECOND);
  assert_stage (fixture->view, "Sträckpaus", "7:45", "", "Back at 13:10");
  assert_digits_large (fixture->view);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-break.png");

  /* One more minute, and the room is told. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.timer-extend", "i", 60));
  assert_stage (fixture->view, "Sträckpaus", "8:45", "", "Back at 13:11");

  /* After the break: no "back at" any more. */
  activate (fixture, "win.timer-next");
  assert_stage (fixture->view, "Kraftsamlingen – upplägg", "15:00", "",
                "Next: Dialog: era frågor · 20 min");
}

static void
test_prompt (Fixture       *fixture,
             gconstpointer  data)
{
  SamSession *session;
  SamItem *prompt;
  g_autoptr(GString) description = NULL;
  const char * const *starters;

  /* What assistive technologies are told, as the test backend keeps it. */
  open_stage (fixture);
  make_projector_sized (fixture);

  /* Reflection and dialogue shows its prompt and sentence starters. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.timer-start-item", "u", 3));
  advance (fixture, 3 * MINUTE + 20 * SECOND);
  assert_stage (fixture->view, "Reflektion och dialog", "16:40", "", "Next: Sträckpaus · 10 min");
  assert_digits_large (fixture->view);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-prompt.png");

  session = sam_window_get_session (fixture->window);
  prompt = sam_session_lookup (session, "fraga-reflektion");
  g_assert_nonnull (prompt);
  starters = sam_item_get_strv (prompt, "starters");
  g_assert_nonnull (starters);
  description = g_string_new ("Reflektion och dialog\n16:40\nNext: Sträckpaus · 10 min\n");
  g_string_append (description, sam_item_get_string (prompt, "text"));
  for (guint i = 0; starters[i] != NULL; i++)
    g_string_append_printf (description, "\n%s", starters[i]);
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description->str);

  /* An edited prompt is on stage at once. */
  sam_session_begin (session, "Edit");
  sam_session_set (session, prompt, "text", "Vad tar du med dig?", "starters", NULL, NULL);
  sam_session_end (session);
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Reflektion och dialog\n16:40\nNext: Sträckpaus · 10 min\n"
                                       "Vad tar du med dig?");

  /* The last minute with a prompt: the digits stay a fifth of the height. */
  advance (fixture, 16 * MINUTE);
  assert_stage (fixture->view, NULL, "0:40", "Last minute", NULL);
  assert_digits_large (fixture->view);
}

static void
test_blank_freeze (Fixture       *fixture,
                   gconstpointer  data)
{
  SamStageView *mini = miniature (fixture);

  open_stage (fixture);
  make_projector_sized (fixture);
  activate (fixture, "win.timer-toggle");

  /* Blank: nothing on the stage, nor in the miniature. */
  activate (fixture, "win.stage-blank");
  g_assert_true (sam_stage_view_get_blanked (fixture->view));
  g_assert_true (sam_stage_view_get_blanked (mini));
  assert_stage (fixture->view, "", "", "", "");
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "The stage is blank");
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-blank.png");

  /* The time runs on behind it. */
  advance (fixture, 5 * SECOND);
  activate (fixture, "win.stage-blank");
  g_assert_false (sam_stage_view_get_blanked (fixture->view));
  g_assert_false (sam_stage_view_get_blanked (mini));
  assert_stage (fixture->view, FIRST_TITLE, "9:55", "", NULL);

  /* Frozen: the stage keeps what it showed while the timer goes on. */
  activate (fixture, "win.stage-freeze");
  g_assert_true (sam_stage_view_get_frozen (fixture->view));
  g_assert_true (sam_stage_view_get_frozen (mini));
  advance (fixture, 3 * SECOND);
  activate (fixture, "win.timer-next");
  assert_stage (fixture->view, FIRST_TITLE, "9:55", "", NULL);
  assert_stage (mini, FIRST_TITLE, "9:55", "", NULL);
  g_assert_cmpint (sam_timer_get_current_index (fixture->timer), ==, 1);

  activate (fixture, "win.stage-freeze");
  g_assert_false (sam_stage_view_get_frozen (fixture->view));
  assert_stage (fixture->view, SECOND_TITLE, "15:00", "", NULL);
  assert_stage (mini, SECOND_TITLE, "15:00", "", NULL);

  /* A stage opened again keeps the state. */
  activate (fixture, "win.stage-blank");
  activate (fixture, "win.stage-show");
  fixture->stage = NULL;
  open_stage (fixture);
  g_assert_true (sam_stage_view_get_blanked (fixture->view));
  activate (fixture, "win.stage-blank");
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  GdkSurface *surface;
  GdkMonitor *monitor;
  g_autofree char *connector = NULL;

  open_stage (fixture);

  /* Space starts, pauses and resumes. */
  g_assert_true (press_key (fixture->stage, GDK_KEY_space));
  g_assert_cmpint (sam_timer_get_state (fixture->timer), ==, SAM_TIMER_RUNNING);
  g_assert_true (press_key (fixture->stage, GDK_KEY_space));
  g_assert_cmpint (sam_timer_get_state (fixture->timer), ==, SAM_TIMER_PAUSED);
  assert_stage (fixture->view, FIRST_TITLE, "10:00", "Paused", NULL);
  g_assert_true (press_key (fixture->stage, GDK_KEY_space));
  g_assert_cmpint (sam_timer_get_state (fixture->timer), ==, SAM_TIMER_RUNNING);

  /* Plus and minus: a minute more or less. */
  g_assert_true (press_key (fixture->stage, GDK_KEY_plus));
  assert_stage (fixture->view, NULL, "11:00", NULL, NULL);
  g_assert_true (press_key (fixture->stage, GDK_KEY_KP_Add));
  assert_stage (fixture->view, NULL, "12:00", NULL, NULL);
  g_assert_true (press_key (fixture->stage, GDK_KEY_minus));
  assert_stage (fixture->view, NULL, "11:00", NULL, NULL);
  g_assert_true (press_key (fixture->stage, GDK_KEY_KP_Subtract));
  assert_stage (fixture->view, NULL, "10:00", NULL, NULL);
  g_assert_true (press_key (fixture->stage, GDK_KEY_equal));
  assert_stage (fixture->view, NULL, "11:00", NULL, NULL);

  /* N, Right and Page Down go on; P, Left and Page Up go back. */
  g_assert_true (press_key (fixture->stage, GDK_KEY_n));
  assert_stage (fixture->view, SECOND_TITLE, NULL, NULL, NULL);
  g_assert_true (press_key (fixture->stage, GDK_KEY_Right));
  assert_stage (fixture->view, THIRD_TITLE, NULL, NULL, NULL);
  g_assert_true (press_key (fixture->stage, GDK_KEY_Page_Down));
  assert_stage (fixture->view, "Reflektion och dialog", NULL, NULL, NULL);
  g_assert_true (press_key (fixture->stage, GDK_KEY_p));
  assert_stage (fixture->view, THIRD_TITLE, NULL, NULL, NULL);
  g_assert_true (press_key (fixture->stage, GDK_KEY_Left));
  assert_stage (fixture->view, SECOND_TITLE, NULL, NULL, NULL);
  g_assert_true (press_key (fixture->stage, GDK_KEY_Page_Up));
  assert_stage (fixture->view, FIRST_TITLE, NULL, NULL, NULL);

  /* B blanks and F freezes, for the control window too. */
  g_assert_true (press_key (fixture->stage, GDK_KEY_b));
  g_assert_true (sam_stage_view_get_blanked (fixture->view));
  g_assert_true (sam_stage_view_get_blanked (miniature (fixture)));
  g_assert_true (press_key (fixture->stage, GDK_KEY_b));
  g_assert_false (sam_stage_view_get_blanked (fixture->view));
  g_assert_true (press_key (fixture->stage, GDK_KEY_f));
  g_assert_true (sam_stage_view_get_frozen (fixture->view));
  g_assert_true (press_key (fixture->stage, GDK_KEY_f));
  g_assert_false (sam_stage_view_get_frozen (fixture->view));

  /* F11 goes full screen where the stage is, Escape back to a window. */
  surface = gtk_native_get_surface (GTK_NATIVE (fixture->stage));
  monitor = gdk_display_get_monitor_at_surface (gdk_display_get_default (), surface);
  if (monitor == NULL || gdk_monitor_get_connector (monitor) == NULL)
    {
      g_test_message ("The display does not name its screen: F11 is not checked");
      return;
    }
  g_assert_true (press_key (fixture->stage, GDK_KEY_F11));
  connector = stage_monitor (fixture->window);
  g_assert_cmpstr (connector, ==, gdk_monitor_get_connector (monitor));
  g_assert_true (sam_stage_window_get_monitor (fixture->stage) == monitor);
  g_clear_pointer (&connector, g_free);

  g_assert_true (press_key (fixture->stage, GDK_KEY_Escape));
  connector = stage_monitor (fixture->window);
  g_assert_cmpstr (connector, ==, "");
  g_assert_null (sam_stage_window_get_monitor (fixture->stage));
  g_assert_true (stage_shown (fixture->window));
}

static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  AdwMessageDialog *dialog;

  open_stage (fixture);

  /* Before the start: only what can happen can be pressed. */
  g_assert_true (button_sensitive (fixture, "win.timer-toggle"));
  g_assert_true (button_sensitive (fixture, "win.timer-next"));
  g_assert_false (button_sensitive (fixture, "win.timer-previous"));
  g_assert_false (button_sensitive (fixture, "win.timer-restart"));
  g_assert_false (button_sensitive (fixture, "win.timer-extend"));
  g_assert_true (button_sensitive (fixture, "win.stage-swap"));

  activate (fixture, "win.timer-toggle");
  g_assert_true (button_sensitive (fixture, "win.timer-restart"));
  g_assert_true (button_sensitive (fixture, "win.timer-extend"));

  /* Restart: the item from its full length. */
  advance (fixture, 2 * MINUTE);
  assert_stage (fixture->view, NULL, "8:00", NULL, NULL);
  activate (fixture, "win.timer-restart");
  assert_stage (fixture->view, NULL, "10:00", NULL, NULL);

  /* Skip: the item is not held, the next one starts. */
  activate (fixture, "win.timer-skip");
  assert_stage (fixture->view, SECOND_TITLE, "15:00", "", NULL);
  g_assert_true (button_sensitive (fixture, "win.timer-previous"));

  /* To the end. */
  for (guint i = 0; i < 7; i++)
    activate (fixture, "win.timer-next");
  g_assert_cmpint (sam_timer_get_state (fixture->timer), ==, SAM_TIMER_FINISHED);
  assert_stage (fixture->view, "Kraftsamling – prova på", "", "The end", "");
  g_assert_false (button_sensitive (fixture, "win.timer-toggle"));
  g_assert_false (button_sensitive (fixture, "win.timer-next"));
  g_assert_true (button_sensitive (fixture, "win.timer-previous"));

  /* Reset asks first; kept, nothing changes. */
  activate (fixture, "win.timer-reset");
  dialog = ui_test_wait_for_dialog (fixture->window, "Reset the Recorded Times?");
  ui_test_respond (dialog, "cancel");
  g_assert_cmpint (sam_timer_get_state (fixture->timer), ==, SAM_TIMER_FINISHED);

  activate (fixture, "win.timer-reset");
  dialog = ui_test_wait_for_dialog (fixture->window, "Reset the Recorded Times?");
  ui_test_respond (dialog, "reset");
  g_assert_cmpint (sam_timer_get_state (fixture->timer), ==, SAM_TIMER_STOPPED);
  assert_stage (fixture->view, FIRST_TITLE, "10:00", "Not started", NULL);
  g_assert_false (button_sensitive (fixture, "win.timer-previous"));

  /* It is one step to undo. */
  activate (fixture, "win.undo");
  g_assert_cmpint (sam_timer_get_state (fixture->timer), ==, SAM_TIMER_FINISHED);
}

/* The participant map on the stage */

static SamMapView *
stage_map (SamStageView *view)
{
  GtkWidget *map = ui_test_find_widget (GTK_WIDGET (view), ui_test_is_type,
                                        GSIZE_TO_POINTER (SAM_TYPE_MAP_VIEW));

  g_assert_nonnull (map);
  return SAM_MAP_VIEW (map);
}

static GtkWidget *
stage_chart (SamStageView *view)
{
  GtkWidget *chart = ui_test_find_widget (GTK_WIDGET (view), ui_test_is_type,
                                          GSIZE_TO_POINTER (SAM_TYPE_PERSPECTIVE_CHART));

  g_assert_nonnull (chart);
  return chart;
}

static guint
n_balloons (SamSession *session)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_balloons (session)));
}

/* What the stage tells assistive technologies: its texts, then the map. */
static void
assert_map_description (SamStageView *view,
                        guint         balloons)
{
  g_autoptr(GString) description = g_string_new (sam_stage_view_get_title_text (view));
  const char *texts[] = {
    sam_stage_view_get_countdown_text (view),
    sam_stage_view_get_status_text (view),
    sam_stage_view_get_next_text (view),
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i][0] != '\0')
      g_string_append_printf (description, "\n%s", texts[i]);
  g_string_append_printf (description, "\nParticipant map: %u balloon%s", balloons, balloons == 1 ? "" : "s");
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str);
}

/* The stage as the room sees it now, in pixels. */
static GBytes *
render_stage (SamStageView *view)
{
  GtkWidget *widget = GTK_WIDGET (view);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gsize stride = (gsize) width * 4;
  guchar *data;

  /* A widget waiting for its new size draws nothing until it has it. */
  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      ui_test_run_for (20);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc (stride * height);
  gdk_texture_download (texture, data, stride);

  return g_bytes_new_take (data, stride * height);
}

typedef struct
{
  gint64 inserted;
  gint64 painted;
} PaintTime;

static void
after_paint_cb (GdkFrameClock *clock,
                PaintTime     *time)
{
  if (time->painted == 0 && time->inserted > 0)
    time->painted = g_get_monotonic_time ();
}

static gboolean
is_painted_cb (gpointer data)
{
  PaintTime *time = data;

  return time->painted > 0;
}

/* Places a balloon as the control window's map does, for the first
 * perspective, at (@x, @y) of the picture. */
static SamItem *
place_balloon (SamSession *session,
               double      x,
               double      y)
{
  g_autoptr(SamItem) perspective = g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (session)), 0);
  SamItem *balloon = g_object_new (SAM_TYPE_BALLOON, NULL);

  sam_session_begin (session, "Place");
  sam_session_insert (session, session, "balloons", G_MAXUINT, balloon);
  sam_session_set (session, balloon, "perspective", sam_item_get_id (perspective), "x", x, "y", y, NULL);
  sam_session_end (session);
  g_object_unref (balloon);

  return balloon;
}

/* The balloon the stage's map shows at (@x, @y) of its picture, or NULL. */
static SamItem *
pick_on_stage (SamStageView *view,
               double        x,
               double        y)
{
  SamMapView *map = stage_map (view);
  graphene_rect_t picture;

  g_assert_true (sam_map_view_get_picture_rect (map, &picture));
  return sam_map_view_pick (map, picture.origin.x + x * picture.size.width,
                            picture.origin.y + y * picture.size.height);
}

static void
test_map (Fixture       *fixture,
          gconstpointer  data)
{
  SamSession *session = sam_window_get_session (fixture->window);
  SamItem *input, *balloon, *later;
  GtkWidget *map, *chart;
  graphene_rect_t map_bounds, chart_bounds;
  int width;
  PaintTime time = { 0, 0 };
  GdkFrameClock *clock;
  gulong paint_id;
  guint balloons = n_balloons (session);
  g_autoptr(GBytes) frozen = NULL;
  g_autoptr(GBytes) still = NULL;
  g_autoptr(GBytes) thawed = NULL;

  open_stage (fixture);
  make_projector_sized (fixture);
  map = GTK_WIDGET (stage_map (fixture->view));
  chart = stage_chart (fixture->view);

  /* The input has no activity: no map. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.timer-start-item", "u", 2));
  assert_stage (fixture->view, THIRD_TITLE, "20:00", "", "Next: Reflektion och dialog · 20 min");
  g_assert_false (sam_stage_view_get_shows_map (fixture->view));
  g_assert_false (gtk_widget_get_mapped (map));
  g_assert_false (gtk_widget_get_mapped (chart));

  /* Made an item at the map while it runs, the stage shows the map at
   * once, with the title, the time and what comes next still there. */
  input = SAM_ITEM (sam_timer_get_current (fixture->timer));
  sam_session_begin (session, "Activity");
  sam_session_set (session, input, "activity-kind", SAM_ACTIVITY_MAP, NULL);
  sam_session_end (session);
  g_assert_true (sam_stage_view_get_shows_map (fixture->view));
  assert_stage (fixture->view, THIRD_TITLE, "20:00", "", "Next: Reflektion och dialog · 20 min");
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, map));
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, chart));
  assert_map_description (fixture->view, balloons);
  /* The miniature shows the same. */
  g_assert_true (sam_stage_view_get_shows_map (miniature (fixture)));

  /* The map takes most of the stage, the chart is beside it, and the
   * digits can still be read from the back of the room. */
  width = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  g_assert_true (gtk_widget_compute_bounds (map, GTK_WIDGET (fixture->view), &map_bounds));
  g_assert_true (gtk_widget_compute_bounds (chart, GTK_WIDGET (fixture->view), &chart_bounds));
  g_test_message ("Map %.0f×%.0f at %.0f,%.0f; chart %.0f×%.0f at %.0f,%.0f",
                  map_bounds.size.width, map_bounds.size.height, map_bounds.origin.x, map_bounds.origin.y,
                  chart_bounds.size.width, chart_bounds.size.height, chart_bounds.origin.x, chart_bounds.origin.y);
  g_assert_cmpfloat (map_bounds.size.width * 2, >=, width);
  g_assert_cmpfloat (map_bounds.size.height * 2, >=, gtk_widget_get_height (GTK_WIDGET (fixture->view)));
  g_assert_cmpfloat (chart_bounds.origin.x, >=, map_bounds.origin.x + map_bounds.size.width);
  g_assert_cmpfloat (chart_bounds.origin.x + chart_bounds.size.width, <=, width);
  g_assert_true (sam_map_view_get_session (SAM_MAP_VIEW (map)) == session);
  g_assert_false (sam_map_view_get_editable (SAM_MAP_VIEW (map)));
  g_assert_true (sam_perspective_chart_get_stage (SAM_PERSPECTIVE_CHART (chart)));
  assert_digits_large (fixture->view);
  advance (fixture, 3 * MINUTE + 30 * SECOND);
  assert_stage (fixture->view, THIRD_TITLE, "16:30", "", NULL);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-map.png");

  /* A balloon placed in the control window is on the stage in the next
   * frame. */
  ui_test_run_for (100);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->view));
  g_assert_nonnull (clock);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &time);
  g_assert_null (pick_on_stage (fixture->view, 0.55, 0.45));
  time.inserted = g_get_monotonic_time ();
  balloon = place_balloon (session, 0.55, 0.45);
  g_assert_true (ui_test_wait_for (is_painted_cb, &time));
  g_signal_handler_disconnect (clock, paint_id);
  g_test_message ("A balloon placed was painted on the stage after %.1f ms",
                  (time.painted - time.inserted) / 1000.0);
  g_assert_true (pick_on_stage (fixture->view, 0.55, 0.45) == balloon);
  assert_map_description (fixture->view, balloons + 1);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-map-placed.png");

  /* Frozen: the picture stands, balloons placed meanwhile included. */
  activate (fixture, "win.stage-freeze");
  g_assert_true (sam_stage_view_get_frozen (fixture->view));
  frozen = render_stage (fixture->view);
  later = place_balloon (session, 0.75, 0.3);
  advance (fixture, 5 * SECOND);
  still = render_stage (fixture->view);
  g_assert_true (g_bytes_equal (frozen, still));
  assert_stage (fixture->view, THIRD_TITLE, "16:30", "", NULL);
  assert_map_description (fixture->view, balloons + 1);
  g_assert_true (sam_stage_view_get_shows_map (fixture->view));
  /* Blanked and back while frozen: still the picture it froze. */
  activate (fixture, "win.stage-blank");
  activate (fixture, "win.stage-blank");
  g_clear_pointer (&still, g_bytes_unref);
  still = render_stage (fixture->view);
  g_assert_true (g_bytes_equal (frozen, still));

  /* Thawed, the stage catches up. */
  activate (fixture, "win.stage-freeze");
  assert_stage (fixture->view, THIRD_TITLE, "16:25", "", NULL);
  assert_map_description (fixture->view, balloons + 2);
  thawed = render_stage (fixture->view);
  g_assert_false (g_bytes_equal (frozen, thawed));
  g_assert_true (pick_on_stage (fixture->view, 0.75, 0.3) == later);

  /* Paused: said in words beside the map too; the miniature in the
   * control window shows the same picture. */
  activate (fixture, "win.timer-toggle");
  assert_stage (fixture->view, THIRD_TITLE, "16:25", "Paused", NULL);
  assert_map_description (fixture->view, balloons + 2);
  assert_digits_large (fixture->view);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-map-paused.png");
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, stage_map (miniature (fixture))));
  ui_test_save_screenshot (GTK_WIDGET (miniature (fixture)), "stage-map-miniature.png");
  activate (fixture, "win.timer-toggle");

  /* Blank: nothing of the map either. */
  activate (fixture, "win.stage-blank");
  g_assert_false (sam_stage_view_get_shows_map (fixture->view));
  g_assert_false (gtk_widget_get_mapped (map));
  g_assert_false (gtk_widget_get_mapped (chart));
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "The stage is blank");
  activate (fixture, "win.stage-blank");
  g_assert_true (sam_stage_view_get_shows_map (fixture->view));
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, map));

  /* The next item, a prompt, takes the map away. */
  activate (fixture, "win.timer-next");
  assert_stage (fixture->view, "Reflektion och dialog", "20:00", "", NULL);
  g_assert_false (sam_stage_view_get_shows_map (fixture->view));
  g_assert_false (gtk_widget_get_mapped (map));
  assert_digits_large (fixture->view);

  /* Back to the demo's own item at the map: the orientation. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.timer-start-item", "u", 1));
  assert_stage (fixture->view, SECOND_TITLE, "15:00", "", NULL);
  g_assert_true (sam_stage_view_get_shows_map (fixture->view));
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, map));
  assert_map_description (fixture->view, balloons + 2);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-map-orientation.png");

  /* An hour and more: the title gives way to the wider countdown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.timer-extend", "i", 3600));
  assert_stage (fixture->view, SECOND_TITLE, "1:15:00", "", NULL);
  assert_digits_large (fixture->view);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-map-hours.png");
}

/* Two screens */

typedef struct
{
  SamStageWindow *stage;
  GdkMonitor     *monitor;   /* NULL: windowed */
} PlacedQuery;

static GdkMonitor *
monitor_of (GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  if (surface == NULL)
    return NULL;

  return gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget), surface);
}

static gboolean
is_placed_cb (gpointer data)
{
  PlacedQuery *query = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (query->stage));
  gboolean fullscreen;

  if (surface == NULL || !gtk_widget_get_mapped (GTK_WIDGET (query->stage)))
    return FALSE;

  fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (query->stage)) &&
               (gdk_toplevel_get_state (GDK_TOPLEVEL (surface)) & GDK_TOPLEVEL_STATE_FULLSCREEN) != 0;

  if (query->monitor == NULL)
    return !fullscreen;

  if (!fullscreen || monitor_of (GTK_WIDGET (query->stage)) != query->monitor)
    return FALSE;

  /* The stage fills the screen. */
  {
    GdkRectangle geometry;

    gdk_monitor_get_geometry (query->monitor, &geometry);
    return gtk_widget_get_width (GTK_WIDGET (query->stage)) == geometry.width &&
           gtk_widget_get_height (GTK_WIDGET (query->stage)) == geometry.height;
  }
}

static void
assert_placed (Fixture    *fixture,
               GdkMonitor *monitor)
{
  PlacedQuery query = { fixture->stage, monitor };
  g_autofree char *connector = NULL;

  if (!ui_test_wait_for (is_placed_cb, &query))
    {
      GdkMonitor *now = monitor_of (GTK_WIDGET (fixture->stage));

      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->stage));

      g_error ("The stage is %s on %s, %d×%d (its surface %d×%d), not %s on %s",
               gtk_window_is_fullscreen (GTK_WINDOW (fixture->stage)) ? "full screen" : "in a window",
               now != NULL ? gdk_monitor_get_connector (now) : "no screen",
               gtk_widget_get_width (GTK_WIDGET (fixture->stage)),
               gtk_widget_get_height (GTK_WIDGET (fixture->stage)),
               gdk_surface_get_width (surface), gdk_surface_get_height (surface),
               monitor != NULL ? "full screen" : "in a window",
               monitor != NULL ? gdk_monitor_get_connector (monitor) : "any screen");
    }

  connector = stage_monitor (fixture->window);
  g_assert_cmpstr (connector, ==, monitor != NULL ? gdk_monitor_get_connector (monitor) : "");
}

static GdkMonitor *
find_monitor (const char *connector)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (g_strcmp0 (gdk_monitor_get_connector (monitor), connector) == 0)
        return monitor;
    }

  return NULL;
}

static gboolean
has_monitors_cb (gpointer data)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());

  return g_list_model_get_n_items (monitors) == GPOINTER_TO_UINT (data);
}

static gboolean
is_disconnect_message (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), "Screen DUMMY1") &&
         g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)),
                           "was disconnected: the stage is now in a window");
}

static gboolean
has_toast_cb (gpointer data)
{
  return ui_test_find_widget (GTK_WIDGET (data), is_disconnect_message, NULL) != NULL;
}

static gboolean
run_xrandr (const char *arguments)
{
  g_autofree char *command = g_strdup_printf ("xrandr %s", arguments);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int status = 0;

  if (!g_spawn_command_line_sync (command, &output, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_test_message ("%s: %s", command, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
test_two_monitors (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  GdkMonitor *laptop, *projector;

  if (g_list_model_get_n_items (monitors) < 2)
    {
      g_test_skip ("One screen: run under two-monitors.sh for two");
      return;
    }

  /* The stage opens full screen on the screen the control window is not on. */
  laptop = monitor_of (GTK_WIDGET (fixture->window));
  g_assert_nonnull (laptop);
  open_stage (fixture);
  projector = monitor_of (GTK_WIDGET (fixture->stage));
  g_test_message ("Control window on %s", gdk_monitor_get_connector (laptop));
  {
    PlacedQuery query = { fixture->stage, NULL };

    for (guint i = 0; i < g_list_model_get_n_items (monitors) && query.monitor == NULL; i++)
      {
        g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

        if (monitor != laptop)
          query.monitor = monitor;
      }
    projector = query.monitor;
  }
  assert_placed (fixture, projector);
  g_assert_true (sam_stage_window_get_monitor (fixture->stage) == projector);
  g_assert_true (monitor_of (GTK_WIDGET (fixture->window)) == laptop);
  assert_digits_large (fixture->view);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-second-screen.png");

  /* Swap: to the other screen and back. */
  activate (fixture, "win.stage-swap");
  assert_placed (fixture, laptop);
  activate (fixture, "win.stage-swap");
  assert_placed (fixture, projector);

  /* Escape leaves full screen; the stage stays open. F11 returns. */
  g_assert_true (press_key (fixture->stage, GDK_KEY_Escape));
  assert_placed (fixture, NULL);
  g_assert_true (stage_shown (fixture->window));
  g_assert_true (press_key (fixture->stage, GDK_KEY_F11));
  g_assert_nonnull (sam_stage_window_get_monitor (fixture->stage));
  assert_placed (fixture, sam_stage_window_get_monitor (fixture->stage));

  /* Chosen by name, as from the screen menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.stage-monitor", "s",
                                             gdk_monitor_get_connector (projector)));
  assert_placed (fixture, projector);

  /* Full screen left from outside, as with the window manager's keys: the
   * control window's choice follows. */
  gtk_window_unfullscreen (GTK_WINDOW (fixture->stage));
  assert_placed (fixture, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.stage-monitor", "s",
                                             gdk_monitor_get_connector (projector)));
  assert_placed (fixture, projector);

  /* The projector unplugged: the stage falls back to a window and comes
   * back when it returns. */
  if (g_strcmp0 (gdk_monitor_get_connector (projector), "DUMMY1") != 0 ||
      !run_xrandr ("--output DUMMY1 --off"))
    {
      g_test_message ("The projector cannot be unplugged here");
      return;
    }
  g_assert_true (ui_test_wait_for (has_monitors_cb, GUINT_TO_POINTER (1)));
  assert_placed (fixture, NULL);
  g_assert_true (stage_shown (fixture->window));
  /* The control window says what happened. */
  g_assert_true (ui_test_wait_for (has_toast_cb, fixture->window));

  g_assert_true (run_xrandr ("--output DUMMY1 --mode 1920x1080 --right-of DUMMY0"));
  run_xrandr ("");
  g_assert_true (ui_test_wait_for (has_monitors_cb, GUINT_TO_POINTER (2)));
  projector = find_monitor ("DUMMY1");
  g_assert_nonnull (projector);
  assert_placed (fixture, projector);
}

/* The stage window destroyed from outside (as when every window of the app
 * goes): the control window knows, can show it again, and closes cleanly. */
static void
test_destroyed_elsewhere (Fixture       *fixture,
                          gconstpointer  data)
{
  open_stage (fixture);
  gtk_window_destroy (GTK_WINDOW (fixture->stage));
  fixture->stage = NULL;
  fixture->view = NULL;
  g_assert_false (stage_shown (fixture->window));

  open_stage (fixture);
}

/* Prompts, groups and voices */

/* Links agenda item @index to the prompt @prompt_id. */
static void
link_prompt (SamSession *session,
             guint       index,
             const char *prompt_id)
{
  g_autoptr(SamItem) item = g_list_model_get_item (G_LIST_MODEL (sam_session_get_agenda (session)), index);

  sam_session_begin (session, "Link");
  sam_session_set (session, item, "activity-kind", SAM_ACTIVITY_PROMPT, "activity-id", prompt_id, NULL);
  sam_session_end (session);
}

static void
add_participants (SamSession         *session,
                  const char * const *names,
                  guint               n)
{
  sam_session_begin (session, "Add");
  for (guint i = 0; i < n; i++)
    {
      SamItem *person = sam_item_new (SAM_TYPE_PARTICIPANT, NULL);

      g_object_set (person, "name", names[i % g_strv_length ((char **) names)], NULL);
      sam_session_insert (session, session, "participants", G_MAXUINT, person);
      g_object_unref (person);
    }
  sam_session_end (session);
}

/* Forms groups of @size from everyone present for @prompt and records
 * them, as the prompts pane's "Form Groups" does. */
static guint
form_groups (SamSession *session,
             SamItem    *prompt,
             guint       size)
{
  g_autoptr(SamGrouping) grouping = sam_grouping_new_for_session (session);
  g_autoptr(GPtrArray) groups = sam_grouping_run (grouping, size, 7);

  sam_grouping_record (session, prompt, groups);
  return groups->len;
}

static SamItem *
add_voice (SamSession *session,
           const char *text,
           const char *prompt_id,
           gint64      time,
           gboolean    on_stage)
{
  SamItem *voice = sam_item_new (SAM_TYPE_VOICE, NULL);

  g_object_set (voice, "text", text, "prompt", prompt_id, "time", time, "on-stage", on_stage, NULL);
  sam_session_begin (session, "Voice");
  sam_session_insert (session, session, "voices", G_MAXUINT, voice);
  sam_session_end (session);
  g_object_unref (voice);

  return voice;
}

static guint
n_lines (const char *text)
{
  guint lines = text[0] != '\0' ? 1 : 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      lines++;
  return lines;
}

/* What the stage tells assistive technologies: its texts, then @tail. */
static void
assert_description (SamStageView *view,
                    const char   *tail)
{
  g_autoptr(GString) description = g_string_new (sam_stage_view_get_title_text (view));
  const char *texts[] = {
    sam_stage_view_get_countdown_text (view),
    sam_stage_view_get_status_text (view),
    sam_stage_view_get_next_text (view),
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i][0] != '\0')
      g_string_append_printf (description, "\n%s", texts[i]);
  g_string_append_printf (description, "\n%s", tail);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str);
}

static void
test_prompt_caption (Fixture       *fixture,
                     gconstpointer  data)
{
  SamSession *session = sam_window_get_session (fixture->window);
  SamItem *prompt = sam_session_lookup (session, "fraga-reflektion");

  open_stage (fixture);
  make_projector_sized (fixture);

  /* How the room works with it, and for how long. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.timer-start-item", "u", 3));
  g_assert_cmpstr (sam_stage_view_get_caption_text (fixture->view), ==, "On your own · 5 min");
  g_assert_cmpstr (sam_stage_view_get_caption_text (miniature (fixture)), ==, "On your own · 5 min");
  advance (fixture, 1 * MINUTE + 12 * SECOND);
  assert_digits_large (fixture->view);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-prompt-reflection.png");

  /* Edited, at once. */
  sam_session_begin (session, "Edit");
  sam_session_set (session, prompt, "format", SAM_PROMPT_FORMAT_PAIR, "duration", 600, NULL);
  sam_session_end (session);
  g_assert_cmpstr (sam_stage_view_get_caption_text (fixture->view), ==, "In pairs · 10 min");

  /* No caption where there is no prompt. */
  activate (fixture, "win.timer-next");
  g_assert_cmpstr (sam_stage_view_get_caption_text (fixture->view), ==, "");
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const names[] = {
    "Anna Lindqvist", "Bo Ek", "Cecilia Holm", "David Åberg", "Eva Sjöström", "Fatima Yilmaz",
    "Göran Öst", "Hedda Nilsson", NULL
  };
  static const char * const first[] = {
    "Anna", "Bo", "Cecilia", "David", "Eva", "Fatima", "Göran", "Hanna", "Ibrahim", "Johanna",
    "Kalle", "Lena", NULL
  };
  static const char * const last[] = {
    "Holmström", "Åberg", "Sjöström", "Yilmaz", "Nyström", "Ek", NULL
  };
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  SamSession *session = sam_window_get_session (fixture->window);
  SamItem *prompt = sam_session_lookup (session, "fraga-ingang");
  g_autofree char *groups = NULL;
  g_autofree char *after_undo = NULL;
  guint n;

  /* The input is now a dialogue in pairs, for 15 people (the demo's 7
   * present and 8 more). */
  link_prompt (session, 2, "fraga-ingang");
  add_participants (session, names, 8);
  open_stage (fixture);
  make_projector_sized (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.timer-start-item", "u", 2));
  advance (fixture, 2 * MINUTE + 5 * SECOND);
  g_assert_cmpstr (sam_stage_view_get_caption_text (fixture->view), ==, "In pairs · 5 min");

  /* No groups until they are formed. */
  groups = sam_stage_view_dup_groups_text (fixture->view);
  g_assert_cmpstr (groups, ==, "");
  g_clear_pointer (&groups, g_free);

  n = form_groups (session, prompt, 2);
  g_assert_cmpuint (n, ==, 7);
  groups = sam_stage_view_dup_groups_text (fixture->view);
  g_test_message ("Groups:\n%s", groups);
  g_assert_cmpuint (n_lines (groups), ==, 7);
  g_assert_true (g_str_has_prefix (groups, "1  "));
  g_assert_nonnull (strstr (groups, "\n7  "));
  g_assert_nonnull (strstr (groups, "Anna Lindqvist"));
  {
    g_autoptr(GString) tail = g_string_new (sam_item_get_string (prompt, "text"));
    g_auto(GStrv) lines = g_strsplit (groups, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        char *names = strstr (lines[i], "  ");

        g_assert_nonnull (names);
        g_string_append_printf (tail, "\nGroup %u: %s", i + 1, names + 2);
      }
    assert_description (fixture->view, tail->str);
  }
  /* The countdown keeps its size beside them. */
  assert_digits_large (fixture->view);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-prompt-pairs.png");

  /* Undone, the groups go. */
  activate (fixture, "win.undo");
  after_undo = sam_stage_view_dup_groups_text (fixture->view);
  g_assert_cmpstr (after_undo, ==, "");

  /* 61 people in pairs: thirty groups, all of them shown. */
  for (guint i = 0; i < 46; i++)
    g_ptr_array_add (many, g_strdup_printf ("%s %s", first[i % 12], last[i / 12 % 6]));
  g_ptr_array_add (many, NULL);
  add_participants (session, (const char * const *) many->pdata, 46);
  n = form_groups (session, prompt, 2);
  g_assert_cmpuint (n, ==, 30);
  g_clear_pointer (&groups, g_free);
  groups = sam_stage_view_dup_groups_text (fixture->view);
  g_assert_cmpuint (n_lines (groups), ==, 30);
  assert_digits_large (fixture->view);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-prompt-many-groups.png");

  /* In groups of four: fifteen. */
  sam_session_begin (session, "Edit");
  sam_session_set (session, prompt, "format", SAM_PROMPT_FORMAT_GROUP, "group-size", 4, NULL);
  sam_session_end (session);
  n = form_groups (session, prompt, 4);
  g_assert_cmpuint (n, ==, 15);
  g_clear_pointer (&groups, g_free);
  groups = sam_stage_view_dup_groups_text (fixture->view);
  g_assert_cmpuint (n_lines (groups), ==, 15);
  g_assert_cmpstr (sam_stage_view_get_caption_text (fixture->view), ==, "In groups of 4 · 5 min");
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-prompt-groups-of-4.png");
}

static gboolean
stage_voices (SamWindow *window)
{
  gboolean voices = FALSE;

  g_object_get (window, "stage-voices", &voices, NULL);
  return voices;
}

static void
assert_voices (SamStageView       *view,
               const char * const *expected)
{
  const char * const *voices = sam_stage_view_get_voices (view);
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (g_strv_length ((char **) voices), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (voices[i], ==, expected[i]);
}

static void
test_voices (Fixture       *fixture,
             gconstpointer  data)
{
  SamSession *session = sam_window_get_session (fixture->window);
  SamItem *prompt = sam_session_lookup (session, "fraga-reflektion");
  gint64 start = sam_timer_get_now (fixture->timer);
  GtkWidget *button;
  SamItem *voice, *mine;
  /* The demo's voices marked for the stage, in the order they were said. */
  const char *demo[] = {
    "Vi pratar om ungas mående hela tiden – nu vill jag att det leder någonstans.",
    "Om barnen själva fick sätta dagordningen skulle vi börja någon helt annanstans.",
    "När och hur kommer de unga själva in i arbetet?",
    NULL
  };

  open_stage (fixture);
  make_projector_sized (fixture);
  g_assert_false (sam_stage_view_get_voices_shown (fixture->view));
  g_assert_cmpstr (sam_stage_view_get_voices_heading (fixture->view), ==, "");

  /* The timer panel's button, next to Blank and Freeze. */
  button = ui_test_find_widget (GTK_WIDGET (fixture->window), is_action_button, "win.stage-voices");
  g_assert_nonnull (button);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (button), "Show Voices on Stage"));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (stage_voices (fixture->window));
  g_assert_true (sam_stage_view_get_voices_shown (fixture->view));
  g_assert_true (sam_stage_view_get_voices_shown (miniature (fixture)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));

  /* Before any prompt: every voice marked for the stage. */
  g_assert_cmpstr (sam_stage_view_get_voices_heading (fixture->view), ==, "Voices");
  assert_voices (fixture->view, demo);
  g_assert_cmpuint (sam_stage_view_get_n_voices_shown (fixture->view), ==, 3);
  g_assert_cmpuint (sam_stage_view_get_n_voices_more (fixture->view), ==, 0);
  /* The title and the countdown stay, on top. */
  assert_stage (fixture->view, FIRST_TITLE, "10:00", "Not started", NULL);
  assert_digits_large (fixture->view);
  assert_description (fixture->view, "Voices\n" "Vi pratar om ungas mående hela tiden – nu vill jag att det leder "
                      "någonstans.\nOm barnen själva fick sätta dagordningen skulle vi börja någon helt "
                      "annanstans.\nNär och hur kommer de unga själva in i arbetet?");

  /* At the reflection: its voices only, none yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.timer-start-item", "u", 3));
  g_assert_cmpstr (sam_stage_view_get_voices_heading (fixture->view), ==, "Voices from the reflection");
  g_assert_cmpuint (g_strv_length ((char **) sam_stage_view_get_voices (fixture->view)), ==, 0);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-voices-empty.png");

  /* A voice marked for the stage appears at once; one that is not, and
   * one from another prompt, do not. */
  add_voice (session, "Inte för scenen.", "fraga-reflektion", start + 10 * SECOND, FALSE);
  add_voice (session, "Från en annan fråga.", "fraga-ingang", start + 11 * SECOND, TRUE);
  mine = add_voice (session, "Det som har klarnat är hur lika vi tänker.", "fraga-reflektion",
                    start + 12 * SECOND, TRUE);
  assert_voices (fixture->view, (const char *[]) { "Det som har klarnat är hur lika vi tänker.", NULL });

  /* Marked later, and in the order they were said. */
  voice = add_voice (session, "Jag vill undersöka hur vi delar kunskap.", "fraga-reflektion",
                     start + 5 * SECOND, FALSE);
  sam_session_begin (session, "Mark");
  sam_session_set (session, voice, "on-stage", TRUE, NULL);
  sam_session_end (session);
  assert_voices (fixture->view, (const char *[]) { "Jag vill undersöka hur vi delar kunskap.",
                                                   "Det som har klarnat är hur lika vi tänker.", NULL });
  assert_description (fixture->view, "Voices from the reflection\n"
                                     "Jag vill undersöka hur vi delar kunskap.\n"
                                     "Det som har klarnat är hur lika vi tänker.");

  /* The heading follows the prompt's way of working. */
  {
    static const struct { SamPromptFormat format; const char *heading; } headings[] = {
      { SAM_PROMPT_FORMAT_PAIR, "Voices from the pair dialogues" },
      { SAM_PROMPT_FORMAT_TRIO, "Voices from the trio dialogues" },
      { SAM_PROMPT_FORMAT_GROUP, "Voices from the group dialogues" },
      { SAM_PROMPT_FORMAT_PLENARY, "Voices from the plenary" },
      { SAM_PROMPT_FORMAT_INDIVIDUAL, "Voices from the reflection" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
      {
        sam_session_begin (session, "Edit");
        sam_session_set (session, prompt, "format", headings[i].format, NULL);
        sam_session_end (session);
        g_assert_cmpstr (sam_stage_view_get_voices_heading (fixture->view), ==, headings[i].heading);
      }
  }

  /* At the break after it: still the reflection's voices. */
  activate (fixture, "win.timer-next");
  assert_stage (fixture->view, "Sträckpaus", NULL, NULL, "Back at 13:10");
  g_assert_cmpstr (sam_stage_view_get_voices_heading (fixture->view), ==, "Voices from the reflection");
  g_assert_cmpuint (g_strv_length ((char **) sam_stage_view_get_voices (fixture->view)), ==, 2);

  /* Frozen, the slide stays as it is; thawed, it catches up. */
  activate (fixture, "win.stage-freeze");
  sam_session_begin (session, "Unmark");
  sam_session_set (session, mine, "on-stage", FALSE, NULL);
  sam_session_end (session);
  g_assert_cmpuint (g_strv_length ((char **) sam_stage_view_get_voices (fixture->view)), ==, 2);
  activate (fixture, "win.stage-freeze");
  assert_voices (fixture->view, (const char *[]) { "Jag vill undersöka hur vi delar kunskap.", NULL });

  /* Blanked, nothing. */
  activate (fixture, "win.stage-blank");
  g_assert_cmpstr (sam_stage_view_get_voices_heading (fixture->view), ==, "");
  g_assert_cmpuint (sam_stage_view_get_n_voices_shown (fixture->view), ==, 0);
  activate (fixture, "win.stage-blank");

  /* V on the stage turns it off, and the item's content is back. */
  g_assert_true (press_key (fixture->stage, GDK_KEY_v));
  g_assert_false (stage_voices (fixture->window));
  g_assert_false (sam_stage_view_get_voices_shown (fixture->view));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_cmpstr (sam_stage_view_get_voices_heading (fixture->view), ==, "");
  g_assert_true (press_key (fixture->stage, GDK_KEY_v));
  g_assert_true (sam_stage_view_get_voices_shown (fixture->view));

  /* And the action: a stage opened again keeps it. */
  activate (fixture, "win.stage-voices");
  g_assert_false (stage_voices (fixture->window));
  activate (fixture, "win.stage-voices");
  activate (fixture, "win.stage-show");
  fixture->stage = NULL;
  open_stage (fixture);
  g_assert_true (sam_stage_view_get_voices_shown (fixture->view));
}

static void
test_voices_slide (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const said[] = {
    "Det som har klarnat för mig i dag är att vi redan gör mycket – vi vet bara inte om varandra.",
    "Skolan kan inte bära det här ensam.",
    "Jag är stolt över att våra fritidsgårdar når de unga som ingen annan når.",
    "Vi borde fråga barnen först, inte sist.",
    "Ett djärvt steg vore att dela budget mellan förvaltningarna, på riktigt och inte bara på papperet.",
    "Mötesplatser över kommungränserna!",
    "Jag vill undersöka hur vi skulle kunna följa upp det som händer efter skoltid.",
    "Förenklad samverkan kring elevhälsan, så att ingen faller mellan stolarna när de byter skola.",
    "Mod att pröva – och att få misslyckas.",
  };
  SamSession *session = sam_window_get_session (fixture->window);
  gint64 start = sam_timer_get_now (fixture->timer);
  guint shown, more;

  open_stage (fixture);
  make_projector_sized (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.timer-start-item", "u", 3));
  advance (fixture, 4 * MINUTE + 31 * SECOND);
  for (guint i = 0; i < G_N_ELEMENTS (said); i++)
    add_voice (session, said[i], "fraga-reflektion", start + i * MINUTE / 4, TRUE);
  activate (fixture, "win.stage-voices");

  /* Nine voices of a few lines each all fit, as large as they go. */
  g_assert_cmpuint (sam_stage_view_get_n_voices_shown (fixture->view), ==, G_N_ELEMENTS (said));
  g_assert_cmpuint (sam_stage_view_get_n_voices_more (fixture->view), ==, 0);
  assert_digits_large (fixture->view);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-voices.png");

  /* Forty more: the newest that fit, and how many more there are. */
  for (guint i = 0; i < 40; i++)
    add_voice (session, said[i % G_N_ELEMENTS (said)], "fraga-reflektion",
               start + MINUTE * 3 + i * SECOND, TRUE);
  g_assert_cmpuint (g_strv_length ((char **) sam_stage_view_get_voices (fixture->view)), ==,
                    G_N_ELEMENTS (said) + 40);
  shown = sam_stage_view_get_n_voices_shown (fixture->view);
  more = sam_stage_view_get_n_voices_more (fixture->view);
  g_test_message ("%u voices shown, %u more", shown, more);
  g_assert_cmpuint (shown, >=, 6);
  g_assert_cmpuint (more, >, 0);
  g_assert_cmpuint (shown + more, ==, G_N_ELEMENTS (said) + 40);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-voices-many.png");

  /* The miniature shows the same slide, smaller. */
  g_assert_cmpstr (sam_stage_view_get_voices_heading (miniature (fixture)), ==, "Voices from the reflection");
  ui_test_save_screenshot (GTK_WIDGET (miniature (fixture)), "stage-voices-miniature.png");
}

/* The sticky-note wall */

#define WALL_ITEM 6
#define WALL_ITEM_TITLE "Dialog: era frågor"

static SamItem *
wall_column (SamSession *session,
             const char *wall_id,
             guint       index)
{
  SamItem *wall = sam_session_lookup (session, wall_id);
  g_autoptr(SamItem) column = NULL;

  g_assert_nonnull (wall);
  column = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (wall, "columns")), index);
  g_assert_nonnull (column);
  return column;
}

static gboolean
wall_shows (SamStageView *view,
            guint         column,
            const char   *text)
{
  g_auto(GStrv) notes = sam_stage_view_dup_wall_notes (view, column);

  return g_strv_contains ((const char * const *) notes, text);
}

static void
assert_wall_column (SamStageView *view,
                    guint         column,
                    guint         shown,
                    const char   *more,
                    const char   *hidden)
{
  g_auto(GStrv) notes = sam_stage_view_dup_wall_notes (view, column);

  g_assert_cmpuint (sam_stage_view_get_wall_n_shown (view, column), ==, shown);
  g_assert_cmpuint (g_strv_length (notes), ==, shown);
  g_assert_cmpstr (sam_stage_view_get_wall_more_text (view, column), ==, more);
  g_assert_cmpstr (sam_stage_view_get_wall_hidden_text (view, column), ==, hidden);
}

/* Starts the demo's item with its wall "Frågor och förslag" (8, 8 and 9
 * notes, none hidden; two of the third column's in the cluster
 * "Föreningar"). */
static void
start_wall_item (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.timer-start-item", "u",
                                             WALL_ITEM));
  assert_stage (fixture->view, WALL_ITEM_TITLE, "20:00", "", "Next: Summering och nästa steg · 10 min");
}

static void
test_wall (Fixture       *fixture,
           gconstpointer  data)
{
  SamSession *session = sam_window_get_session (fixture->window);
  SamItem *questions = wall_column (session, "vagg-1", 0);
  SamItem *proposals = wall_column (session, "vagg-1", 1);
  SamItem *note, *secret;
  int height;

  open_stage (fixture);
  make_projector_sized (fixture);
  height = gtk_widget_get_height (GTK_WIDGET (fixture->view));

  /* The input before it has no wall. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.timer-start-item", "u", 5));
  g_assert_false (sam_stage_view_get_shows_wall (fixture->view));
  g_assert_cmpuint (sam_stage_view_get_wall_n_columns (fixture->view), ==, 0);

  /* At the dialogue: the wall under the title and the countdown, every
   * note of it, in type the back of the room can read. */
  start_wall_item (fixture);
  g_assert_true (sam_stage_view_get_shows_wall (fixture->view));
  g_assert_false (sam_stage_view_get_shows_map (fixture->view));
  g_assert_cmpstr (sam_stage_view_get_wall_title (fixture->view), ==, "Frågor och förslag");
  g_assert_cmpuint (sam_stage_view_get_wall_n_columns (fixture->view), ==, 3);
  assert_wall_column (fixture->view, 0, 8, "", "");
  assert_wall_column (fixture->view, 1, 8, "", "");
  assert_wall_column (fixture->view, 2, 9, "", "");
  g_test_message ("Notes at %.1f px on a stage %d px high",
                  sam_stage_view_get_wall_note_size (fixture->view), height);
  g_assert_cmpfloat (sam_stage_view_get_wall_note_size (fixture->view), >=, 0.02 * height);
  assert_digits_large (fixture->view);
  assert_description (fixture->view, "Wall Frågor och förslag: 3 columns, 25 notes");
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-wall.png");

  /* A cluster's notes stand together, under its title, where its first
   * note is. */
  {
    g_auto(GStrv) invite = sam_stage_view_dup_wall_notes (fixture->view, 2);

    g_assert_cmpstr (invite[2], ==, "Studieförbunden");
    g_assert_cmpstr (invite[3], ==, "Brukar- och anhörigföreningar inom psykiatrin");
  }

  /* A note shows as soon as it is written, here and in the miniature;
   * undone, it goes. */
  note = sam_wall_add_note (session, questions, G_MAXUINT, "Hur sprider vi det vi lär oss?",
                            SAM_NOTE_COLOR_BLUE, "perspektiv-region", FALSE);
  g_assert_nonnull (note);
  assert_wall_column (fixture->view, 0, 9, "", "");
  g_assert_true (wall_shows (fixture->view, 0, "Hur sprider vi det vi lär oss?"));
  g_assert_true (wall_shows (miniature (fixture), 0, "Hur sprider vi det vi lär oss?"));
  assert_description (fixture->view, "Wall Frågor och förslag: 3 columns, 26 notes");
  g_assert_true (sam_session_undo (session));
  assert_wall_column (fixture->view, 0, 8, "", "");
  g_assert_false (wall_shows (fixture->view, 0, "Hur sprider vi det vi lär oss?"));

  /* Hidden notes are only counted, until they are revealed. */
  secret = sam_wall_add_note (session, proposals, G_MAXUINT, "Byt ut alla möten mot promenader.",
                              SAM_NOTE_COLOR_ORANGE, NULL, TRUE);
  sam_wall_add_note (session, proposals, G_MAXUINT, "Fler fikapauser.", SAM_NOTE_COLOR_PURPLE, NULL, TRUE);
  sam_wall_add_note (session, questions, 0, "Vem bjuder på lunch?", SAM_NOTE_COLOR_YELLOW, NULL, TRUE);
  assert_wall_column (fixture->view, 0, 8, "", "1 hidden note");
  assert_wall_column (fixture->view, 1, 8, "", "2 hidden notes");
  assert_wall_column (fixture->view, 2, 9, "", "");
  g_assert_false (wall_shows (fixture->view, 1, "Byt ut alla möten mot promenader."));
  assert_description (fixture->view, "Wall Frågor och förslag: 3 columns, 28 notes, 3 hidden");
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-wall-hidden.png");

  g_assert_cmpuint (sam_wall_reveal (session, sam_session_lookup (session, "vagg-1")), ==, 3);
  assert_wall_column (fixture->view, 0, 9, "", "");
  assert_wall_column (fixture->view, 1, 10, "", "");
  g_assert_true (wall_shows (fixture->view, 1, "Byt ut alla möten mot promenader."));
  g_assert_true (wall_shows (fixture->view, 0, "Vem bjuder på lunch?"));
  assert_description (fixture->view, "Wall Frågor och förslag: 3 columns, 28 notes");

  /* Hidden again, one note; then the room votes for another. */
  sam_wall_set_note_hidden (session, secret, TRUE);
  assert_wall_column (fixture->view, 1, 9, "", "1 hidden note");
  g_assert_true (sam_session_undo (session));
  assert_wall_column (fixture->view, 1, 10, "", "");

  /* A new wall, as the dialogue begins: a few notes, large. */
  {
    g_autoptr(SamItem) item = g_list_model_get_item (G_LIST_MODEL (sam_session_get_agenda (session)), WALL_ITEM);
    SamItem *wall = sam_wall_add (session, "Nästa steg", TRUE);
    g_autoptr(SamItem) ideas = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (wall, "columns")), 1);
    SamItem *empty = sam_wall_add (session, "Tom vägg", FALSE);

    sam_session_begin (session, "Link");
    sam_session_set (session, item, "activity-id", sam_item_get_id (empty), NULL);
    sam_session_end (session);
    g_assert_true (sam_stage_view_get_shows_wall (fixture->view));
    g_assert_cmpuint (sam_stage_view_get_wall_n_columns (fixture->view), ==, 0);
    assert_description (fixture->view, "Wall Tom vägg: 0 columns, 0 notes");

    sam_session_begin (session, "Link");
    sam_session_set (session, item, "activity-id", sam_item_get_id (wall), NULL);
    sam_session_end (session);
    g_assert_cmpstr (sam_stage_view_get_wall_title (fixture->view), ==, "Nästa steg");
    g_assert_cmpuint (sam_stage_view_get_wall_n_columns (fixture->view), ==, 3);
    assert_wall_column (fixture->view, 1, 0, "", "");
    sam_wall_add_note (session, ideas, G_MAXUINT, "Träffas igen i mars", SAM_NOTE_COLOR_GREEN,
                       "perspektiv-kommun", FALSE);
    sam_wall_add_note (session, ideas, G_MAXUINT, "En gemensam kalender", SAM_NOTE_COLOR_YELLOW, NULL, FALSE);
    assert_wall_column (fixture->view, 1, 2, "", "");
    g_test_message ("A few notes at %.1f px", sam_stage_view_get_wall_note_size (fixture->view));
    g_assert_cmpfloat (sam_stage_view_get_wall_note_size (fixture->view), >=, 0.04 * height);
    ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-wall-few.png");
  }

  /* The next item has no wall. */
  activate (fixture, "win.timer-next");
  g_assert_false (sam_stage_view_get_shows_wall (fixture->view));
  g_assert_cmpstr (sam_stage_view_get_wall_title (fixture->view), ==, "");
}

/* The wall on a blank, a frozen stage and under the voices slide. */
static void
test_wall_blank_freeze (Fixture       *fixture,
                        gconstpointer  data)
{
  SamSession *session = sam_window_get_session (fixture->window);
  SamItem *questions = wall_column (session, "vagg-1", 0);

  open_stage (fixture);
  make_projector_sized (fixture);
  start_wall_item (fixture);
  g_assert_true (sam_stage_view_get_shows_wall (fixture->view));

  /* Blank: nothing of it. */
  activate (fixture, "win.stage-blank");
  g_assert_false (sam_stage_view_get_shows_wall (fixture->view));
  g_assert_cmpuint (sam_stage_view_get_wall_n_shown (fixture->view, 0), ==, 0);
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "The stage is blank");
  activate (fixture, "win.stage-blank");
  g_assert_true (sam_stage_view_get_shows_wall (fixture->view));
  assert_wall_column (fixture->view, 0, 8, "", "");

  /* Frozen: a note written meanwhile waits until the stage thaws. */
  activate (fixture, "win.stage-freeze");
  sam_wall_add_note (session, questions, G_MAXUINT, "Kan vi ses i Kiruna nästa gång?", SAM_NOTE_COLOR_GREEN,
                     NULL, FALSE);
  advance (fixture, 5 * SECOND);
  assert_stage (fixture->view, WALL_ITEM_TITLE, "20:00", NULL, NULL);
  assert_wall_column (fixture->view, 0, 8, "", "");
  g_assert_false (wall_shows (fixture->view, 0, "Kan vi ses i Kiruna nästa gång?"));
  /* Resized while frozen, it still shows what it showed. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->stage), 1600, 900);
  ui_test_run_for (100);
  assert_wall_column (fixture->view, 0, 8, "", "");
  gtk_window_set_default_size (GTK_WINDOW (fixture->stage), 1920, 1080);
  ui_test_run_for (100);
  activate (fixture, "win.stage-freeze");
  assert_stage (fixture->view, WALL_ITEM_TITLE, "19:55", NULL, NULL);
  assert_wall_column (fixture->view, 0, 9, "", "");
  g_assert_true (wall_shows (fixture->view, 0, "Kan vi ses i Kiruna nästa gång?"));

  /* The voices slide goes before the wall, and the wall comes back after it. */
  activate (fixture, "win.stage-voices");
  g_assert_true (sam_stage_view_get_voices_shown (fixture->view));
  g_assert_false (sam_stage_view_get_shows_wall (fixture->view));
  g_assert_cmpstr (sam_stage_view_get_voices_heading (fixture->view), ==, "Voices from the reflection");
  g_assert_cmpuint (sam_stage_view_get_wall_n_shown (fixture->view, 0), ==, 0);
  g_assert_false (wall_shows (fixture->view, 0, "Kan vi ses i Kiruna nästa gång?"));
  activate (fixture, "win.stage-voices");
  g_assert_true (sam_stage_view_get_shows_wall (fixture->view));
  assert_wall_column (fixture->view, 0, 9, "", "");
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Draws @view once as a frame would, and says how long it took. */
static double
time_snapshot (SamStageView *view)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  gint64 start = g_get_monotonic_time ();

  GTK_WIDGET_GET_CLASS (view)->snapshot (GTK_WIDGET (view), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return ms_since (start);
}

static const char * const wall_texts[] = {
  "Fler mötesplatser för unga",
  "Hur når vi dem som inte kommer hit?",
  "Dela kalendrar mellan förvaltningarna",
  "En gemensam ingång för föreningar som vill samarbeta med skolan och socialtjänsten",
  "Mer tid för dialog",
  "Pröva i liten skala först",
  "Vem följer upp?",
  "Bjud in näringslivet tidigare, inte bara när det är dags att söka pengar",
};

/* Many notes: 2,000 over six columns, a few with votes. */
static void
test_wall_many (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const titles[] = {
    "Frågor", "Idéer", "Hinder", "Resurser", "Vilka fler?", "Nästa steg",
  };
  static const char * const perspectives[] = {
    "perspektiv-region", NULL, "perspektiv-kommun", "perspektiv-skola", NULL, "perspektiv-foreningsliv",
    NULL, "perspektiv-forskning",
  };
  SamSession *session = sam_window_get_session (fixture->window);
  g_autoptr(SamItem) item = g_list_model_get_item (G_LIST_MODEL (sam_session_get_agenda (session)), WALL_ITEM);
  SamItem *wall, *columns[G_N_ELEMENTS (titles)], *voted = NULL, *newest = NULL, *oldest = NULL;
  guint total = 2000, per_column = total / G_N_ELEMENTS (titles);
  double layout_ms, frame_ms, tick_ms, write_ms;
  gint64 start;
  int height;
  guint n_columns = G_N_ELEMENTS (titles);

  open_stage (fixture);
  make_projector_sized (fixture);
  height = gtk_widget_get_height (GTK_WIDGET (fixture->view));

  sam_session_begin (session, "Wall");
  wall = sam_wall_add (session, "Kraftsamlingens vägg", FALSE);
  for (guint c = 0; c < n_columns; c++)
    columns[c] = sam_wall_add_column (session, wall, titles[c], G_MAXUINT);
  for (guint i = 0; i < total; i++)
    {
      guint c = i % n_columns;
      g_autofree char *text = g_strdup_printf ("%s (%u)", wall_texts[i / n_columns % G_N_ELEMENTS (wall_texts)], i);
      SamItem *note = sam_wall_add_note (session, columns[c], G_MAXUINT, text, (SamNoteColor) (i % 6),
                                         perspectives[i % G_N_ELEMENTS (perspectives)], i % 97 == 5);

      if (c == 0 && i == 6)
        oldest = note;
    }
  sam_session_set (session, item, "activity-id", sam_item_get_id (wall), NULL);
  sam_session_end (session);

  start = g_get_monotonic_time ();
  start_wall_item (fixture);
  g_assert_cmpuint (sam_stage_view_get_wall_n_columns (fixture->view), ==, n_columns);
  g_test_message ("Starting the item with 2,000 notes: %.1f ms", ms_since (start));

  /* At the smallest size still readable, each column shows what fits and
   * how many more there are. */
  start = g_get_monotonic_time ();
  g_assert_cmpuint (sam_stage_view_get_wall_n_shown (fixture->view, 0), >, 0);
  layout_ms = ms_since (start);
  frame_ms = time_snapshot (fixture->view);
  g_test_message ("Notes at %.1f px on a stage %d px high",
                  sam_stage_view_get_wall_note_size (fixture->view), height);
  g_assert_cmpfloat (sam_stage_view_get_wall_note_size (fixture->view), >=, 0.02 * height);
  for (guint c = 0; c < n_columns; c++)
    {
      guint notes = sam_wall_count_notes (columns[c]);
      guint hidden = sam_wall_count_hidden (columns[c]);
      guint shown = sam_stage_view_get_wall_n_shown (fixture->view, c);
      g_autofree char *more = g_strdup_printf ("+%u more", notes - hidden - shown);
      g_autofree char *hidden_text = g_strdup_printf ("%u hidden notes", hidden);

      g_test_message ("Column %u: %u notes, %u hidden, %u shown", c, notes, hidden, shown);
      g_assert_cmpuint (notes, >=, per_column);
      g_assert_cmpuint (hidden, >, 1);
      g_assert_cmpuint (shown, >=, 1);
      g_assert_cmpuint (shown, <, 100);
      g_assert_cmpstr (sam_stage_view_get_wall_more_text (fixture->view, c), ==, more);
      g_assert_cmpstr (sam_stage_view_get_wall_hidden_text (fixture->view, c), ==, hidden_text);
    }
  assert_description (fixture->view, "Wall Kraftsamlingens vägg: 6 columns, 2000 notes, 21 hidden");

  /* No votes yet: the newest are shown, the oldest not. */
  {
    GListModel *notes = G_LIST_MODEL (sam_item_get_list (columns[0], "notes"));
    g_autoptr(SamItem) last = g_list_model_get_item (notes, g_list_model_get_n_items (notes) - 1);

    newest = last;
    g_assert_true (wall_shows (fixture->view, 0, sam_item_get_string (newest, "text")));
    g_assert_false (wall_shows (fixture->view, 0, sam_item_get_string (oldest, "text")));
  }

  /* With votes: the most voted first, however old. */
  g_assert_true (sam_wall_add_vote (session, oldest));
  g_assert_true (wall_shows (fixture->view, 0, sam_item_get_string (oldest, "text")));
  {
    GListModel *notes = G_LIST_MODEL (sam_item_get_list (columns[0], "notes"));
    g_autoptr(SamItem) second = g_list_model_get_item (notes, 40);

    voted = second;
    g_assert_true (sam_wall_add_vote (session, voted));
    g_assert_true (sam_wall_add_vote (session, voted));
    g_assert_true (wall_shows (fixture->view, 0, sam_item_get_string (voted, "text")));
    g_assert_true (wall_shows (fixture->view, 0, sam_item_get_string (oldest, "text")));
  }

  /* A note written now: taking the wall again is quick, and only what is
   * shown is laid out. */
  start = g_get_monotonic_time ();
  g_assert_nonnull (sam_wall_add_note (session, columns[1], G_MAXUINT, "Ny lapp", SAM_NOTE_COLOR_PINK, NULL,
                                       FALSE));
  write_ms = ms_since (start);
  g_assert_true (wall_shows (fixture->view, 1, "Ny lapp"));
  start = g_get_monotonic_time ();
  g_assert_cmpuint (sam_stage_view_get_wall_n_shown (fixture->view, 1), >, 0);
  layout_ms = MAX (layout_ms, ms_since (start));
  frame_ms = MAX (frame_ms, time_snapshot (fixture->view));

  /* The seconds of the countdown do not lay the wall out again. */
  advance (fixture, SECOND);
  assert_stage (fixture->view, WALL_ITEM_TITLE, "19:59", NULL, NULL);
  tick_ms = time_snapshot (fixture->view);

  g_test_message ("2,000 notes: a note written %.1f ms (both stages take the wall), "
                  "laid out %.1f ms, a frame %.1f ms, a second's frame %.1f ms",
                  write_ms, layout_ms, frame_ms, tick_ms);
  g_assert_cmpfloat (layout_ms, <, 1000.0);
  g_assert_cmpfloat (frame_ms, <, 250.0);
  g_assert_cmpfloat (tick_ms, <, 100.0);
  assert_digits_large (fixture->view);
  ui_test_save_screenshot (GTK_WIDGET (fixture->view), "stage-wall-many.png");
  ui_test_save_screenshot (GTK_WIDGET (miniature (fixture)), "stage-wall-miniature.png");

  /* Undone, the note goes and the votes stay. */
  g_assert_true (sam_session_undo (session));
  g_assert_false (wall_shows (fixture->view, 1, "Ny lapp"));
  g_assert_true (wall_shows (fixture->view, 0, sam_item_get_string (voted, "text")));
}

int
main (int   argc,
      char *argv[])
{
  /* Times on the stage are local: make local time the same everywhere. */
  g_setenv ("TZ", "UTC", TRUE);

  if (!ui_test_init (&argc, &argv))
    return 77;
  /* Keep what the widgets tell assistive technologies, to check it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_create_app ();

  g_test_add ("/stage/open", Fixture, NULL, fixture_set_up, test_open, fixture_tear_down);
  g_test_add ("/stage/countdown", Fixture, NULL, fixture_set_up, test_countdown, fixture_tear_down);
  g_test_add ("/stage/break", Fixture, NULL, fixture_set_up, test_break, fixture_tear_down);
  g_test_add ("/stage/prompt", Fixture, NULL, fixture_set_up, test_prompt, fixture_tear_down);
  g_test_add ("/stage/blank-freeze", Fixture, NULL, fixture_set_up, test_blank_freeze, fixture_tear_down);
  g_test_add ("/stage/keys", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/stage/actions", Fixture, NULL, fixture_set_up, test_actions, fixture_tear_down);
  g_test_add ("/stage/map", Fixture, NULL, fixture_set_up, test_map, fixture_tear_down);
  g_test_add ("/stage/prompt-caption", Fixture, NULL, fixture_set_up, test_prompt_caption, fixture_tear_down);
  g_test_add ("/stage/groups", Fixture, NULL, fixture_set_up, test_groups, fixture_tear_down);
  g_test_add ("/stage/voices", Fixture, NULL, fixture_set_up, test_voices, fixture_tear_down);
  g_test_add ("/stage/voices-slide", Fixture, NULL, fixture_set_up, test_voices_slide, fixture_tear_down);
  g_test_add ("/stage/wall", Fixture, NULL, fixture_set_up, test_wall, fixture_tear_down);
  g_test_add ("/stage/wall-blank-freeze", Fixture, NULL, fixture_set_up, test_wall_blank_freeze, fixture_tear_down);
  g_test_add ("/stage/wall-many", Fixture, NULL, fixture_set_up, test_wall_many, fixture_tear_down);
  g_test_add ("/stage/destroyed-elsewhere", Fixture, NULL, fixture_set_up, test_destroyed_elsewhere, fixture_tear_down);
  g_test_add ("/stage/two-monitors", Fixture, NULL, fixture_set_up, test_two_monitors, fixture_tear_down);

  return ui_test_run ();
}
