/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The facilitator's console beside the agenda: what it shows while the
 * demo session's agenda runs on a fake clock, driven through its own
 * buttons as a person would, and the chime at zero.
 * Screenshots go to <builddir>/tests/ui/screenshots/ for a person to look at.
 */

#include "config.h"

#include <string.h>

#include "sam-chime.h"
#include "sam-clock.h"
#include "sam-session.h"
#include "sam-stage-view.h"
#include "sam-timer.h"
#include "sam-timer-panel.h"
#include "ui-test-util.h"

#define SECOND ((gint64) G_USEC_PER_SEC)
#define MINUTE (60 * SECOND)

typedef struct
{
  SamClock      *clock;
  SamWindow     *window;
  SamTimerPanel *panel;
  SamTimer      *timer;
} Fixture;

/* The demo session starts at 13:00 on 2023-12-18 and is planned to end at
 * 15:00; its first item, "Välkommen", lasts 10 minutes and the one after
 * it 15. The clock starts at 13:00 sharp on that day. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->clock = ui_test_use_demo_clock ();

  fixture->window = ui_test_open_demo (1600, 1000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "agenda"));
  ui_test_settle (fixture->window);

  fixture->panel = SAM_TIMER_PANEL (ui_test_find_widget (GTK_WIDGET (fixture->window), ui_test_is_type,
                                                         GSIZE_TO_POINTER (SAM_TYPE_TIMER_PANEL)));
  g_assert_nonnull (fixture->panel);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->panel)));
  fixture->timer = sam_timer_panel_get_timer (fixture->panel);
  g_assert_nonnull (fixture->timer);
  g_assert_true (sam_timer_get_clock (fixture->timer) == fixture->clock);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_close_window (fixture->window);
  sam_application_set_clock (ui_test_app, NULL);
  g_clear_object (&fixture->clock);
}

/* Finding what a person sees in the panel */

typedef struct
{
  const char *action;
  GVariant   *target;
} ActionQuery;

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  const ActionQuery *query = data;
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), query->action) != 0)
    return FALSE;

  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  if (query->target == NULL || target == NULL)
    return query->target == target;

  return g_variant_equal (query->target, target);
}

/* The button of the panel that activates @action (with @target, if any). */
static GtkWidget *
find_button (Fixture    *fixture,
             const char *action,
             GVariant   *target)
{
  g_autoptr(GVariant) owned = target != NULL ? g_variant_ref_sink (target) : NULL;
  ActionQuery query = { action, owned };
  GtkWidget *button = ui_test_find_widget (GTK_WIDGET (fixture->panel), is_action_button, &query);

  g_assert_nonnull (button);
  return button;
}

static void
click (Fixture    *fixture,
       const char *action,
       GVariant   *target)
{
  GtkWidget *button = find_button (fixture, action, target);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ui_test_run_for (20);
}

static gboolean
is_sensitive (Fixture    *fixture,
              const char *action,
              GVariant   *target)
{
  return gtk_widget_is_sensitive (find_button (fixture, action, target));
}

static GtkWidget *
find_label (Fixture    *fixture,
            const char *text)
{
  return ui_test_find_widget (GTK_WIDGET (fixture->panel), ui_test_is_label_reading, text);
}

/* Asserts that the panel shows a label reading @text. */
#define assert_shows(fixture, text)                                      \
  G_STMT_START {                                                         \
    if (find_label ((fixture), (text)) == NULL)                          \
      g_error ("The panel does not show “%s”; it shows: %s", (text),    \
               describe_panel (fixture));                                \
  } G_STMT_END

static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    g_string_append_printf (out, "“%s” ", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static const char *
describe_panel (Fixture *fixture)
{
  static char *text;
  GString *out = g_string_new (NULL);

  collect_texts (GTK_WIDGET (fixture->panel), out);
  g_free (text);
  text = g_string_free (out, FALSE);

  return text;
}

/* Whether the label reading @text sits in a part of the panel marked with
 * the CSS class @level (the colour of the last minute and of overrun). */
static gboolean
label_has_level (Fixture    *fixture,
                 const char *text,
                 const char *level)
{
  GtkWidget *label = find_label (fixture, text);

  for (GtkWidget *w = label; w != NULL && w != GTK_WIDGET (fixture->panel); w = gtk_widget_get_parent (w))
    if (gtk_widget_has_css_class (w, level))
      return TRUE;

  return FALSE;
}

static void
advance (Fixture *fixture,
         gint64   usec)
{
  sam_fake_clock_advance (fixture->clock, usec);
  ui_test_run_for (20);
}

/* Tests */

static void
test_countdown (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *toggle = find_button (fixture, "win.timer-toggle", NULL);

  /* Before the start: the first item with its full length. */
  assert_shows (fixture, "Välkommen");
  assert_shows (fixture, "10:00");
  assert_shows (fixture, "Not started");
  assert_shows (fixture, "Start");
  assert_shows (fixture, "Next: Orientering: vi som är här och våra perspektiv · 15 min");
  assert_shows (fixture, "Planned end 15:00");
  assert_shows (fixture, "Ends 15:00 · on plan");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (toggle), ==, "Start the Item (Ctrl+Space)");

  /* Started through the panel's own button, as a person would. */
  click (fixture, "win.timer-toggle", NULL);
  g_assert_cmpint (sam_timer_get_state (fixture->timer), ==, SAM_TIMER_RUNNING);
  assert_shows (fixture, "Running");
  assert_shows (fixture, "Pause");
  assert_shows (fixture, "Started 13:00 · 10 min in all");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (toggle), ==, "Pause the Countdown (Ctrl+Space)");

  advance (fixture, SECOND);
  assert_shows (fixture, "9:59");
  advance (fixture, 2 * MINUTE - SECOND);
  assert_shows (fixture, "8:00");
  g_assert_false (label_has_level (fixture, "8:00", "last-minute"));
  ui_test_save_screenshot (GTK_WIDGET (fixture->panel), "timer-panel-running.png");
  /* And where it sits: beside the agenda. */
  ui_test_save_screenshot (GTK_WIDGET (fixture->window), "timer-panel-window.png");

  /* The last minute: in words and in colour. */
  advance (fixture, 7 * MINUTE + 30 * SECOND);
  assert_shows (fixture, "0:30");
  assert_shows (fixture, "Last minute");
  g_assert_true (label_has_level (fixture, "0:30", "last-minute"));
  g_assert_true (label_has_level (fixture, "Last minute", "last-minute"));
  ui_test_save_screenshot (GTK_WIDGET (fixture->panel), "timer-panel-warning.png");

  /* Paused: the time stands still and the button offers to resume. */
  click (fixture, "win.timer-toggle", NULL);
  g_assert_cmpint (sam_timer_get_state (fixture->timer), ==, SAM_TIMER_PAUSED);
  assert_shows (fixture, "Paused, last minute");
  assert_shows (fixture, "Resume");
  advance (fixture, MINUTE);
  assert_shows (fixture, "0:30");
  /* The pause pushes the end: 13:11 now, 110 min of agenda after this item. */
  assert_shows (fixture, "Ends 15:01 · 1 min behind plan");

  click (fixture, "win.timer-toggle", NULL);
  assert_shows (fixture, "Pause");
  assert_shows (fixture, "Last minute");

  /* Overrun: counting up, red, in words, and the end moves. */
  advance (fixture, 45 * SECOND);
  assert_shows (fixture, "+0:15");
  assert_shows (fixture, "Time is up");
  g_assert_true (label_has_level (fixture, "+0:15", "overrun"));
  g_assert_false (label_has_level (fixture, "+0:15", "last-minute"));
  advance (fixture, 4 * MINUTE);
  assert_shows (fixture, "+4:15");
  /* 13:15:15 now, plus 110 min. */
  assert_shows (fixture, "Ends 15:05 · 5 min behind plan");
  assert_shows (fixture, "Planned end 15:00");
  ui_test_save_screenshot (GTK_WIDGET (fixture->panel), "timer-panel-overrun.png");

  /* Readable in the dark style too. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_run_for (100);
  ui_test_save_screenshot (GTK_WIDGET (fixture->panel), "timer-panel-overrun-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  ui_test_run_for (100);

  /* The miniature of the stage follows the same timer. */
  g_assert_true (sam_stage_view_get_timer (sam_timer_panel_get_miniature (fixture->panel)) == fixture->timer);
  g_assert_cmpstr (sam_stage_view_get_countdown_text (sam_timer_panel_get_miniature (fixture->panel)), ==, "+4:15");
}

static void
test_nudges (Fixture       *fixture,
             gconstpointer  data)
{
  click (fixture, "win.timer-toggle", NULL);
  advance (fixture, MINUTE);
  assert_shows (fixture, "9:00");
  assert_shows (fixture, "Ends 15:00 · on plan");

  /* +5 min: the item gets longer and so does the day. */
  click (fixture, "win.timer-extend", g_variant_new_int32 (300));
  assert_shows (fixture, "14:00");
  assert_shows (fixture, "Started 13:00 · 15 min in all");
  assert_shows (fixture, "Ends 15:05 · 5 min behind plan");

  /* −1 min, +1 min. */
  click (fixture, "win.timer-extend", g_variant_new_int32 (-60));
  assert_shows (fixture, "13:00");
  assert_shows (fixture, "Ends 15:04 · 4 min behind plan");
  click (fixture, "win.timer-extend", g_variant_new_int32 (60));
  assert_shows (fixture, "14:00");

  /* Moving on early puts the day ahead of its plan. */
  advance (fixture, 2 * MINUTE);
  click (fixture, "win.timer-next", NULL);
  assert_shows (fixture, "Orientering: vi som är här och våra perspektiv");
  assert_shows (fixture, "15:00");
  assert_shows (fixture, "Item 2 of 8 · Other");
  /* 13:03 now, plus 110 min. */
  assert_shows (fixture, "Ends 14:53 · 7 min ahead of plan");

  /* Overrun of a later item. */
  advance (fixture, 20 * MINUTE);
  assert_shows (fixture, "+5:00");
  assert_shows (fixture, "Time is up");
  /* 13:23 now, plus 95 min. */
  assert_shows (fixture, "Ends 14:58 · 2 min ahead of plan");
}

static void
test_buttons (Fixture       *fixture,
              gconstpointer  data)
{
  GListModel *agenda = G_LIST_MODEL (sam_session_get_agenda (sam_timer_get_session (fixture->timer)));
  guint n_items = g_list_model_get_n_items (agenda);

  /* Nothing before the first item; nothing to pause, nudge or restart. */
  g_assert_true (is_sensitive (fixture, "win.timer-toggle", NULL));
  g_assert_false (is_sensitive (fixture, "win.timer-previous", NULL));
  g_assert_false (is_sensitive (fixture, "win.timer-restart", NULL));
  g_assert_false (is_sensitive (fixture, "win.timer-extend", g_variant_new_int32 (60)));

  click (fixture, "win.timer-toggle", NULL);
  advance (fixture, MINUTE);
  g_assert_true (is_sensitive (fixture, "win.timer-next", NULL));
  g_assert_true (is_sensitive (fixture, "win.timer-restart", NULL));
  g_assert_true (is_sensitive (fixture, "win.timer-extend", g_variant_new_int32 (300)));
  g_assert_true (is_sensitive (fixture, "win.timer-skip", NULL));

  /* Restart: the full length again. */
  click (fixture, "win.timer-restart", NULL);
  assert_shows (fixture, "10:00");

  /* Skipping the second item: the panel moves past it. */
  click (fixture, "win.timer-next", NULL);
  assert_shows (fixture, "Item 2 of 8 · Other");
  g_assert_true (is_sensitive (fixture, "win.timer-previous", NULL));
  click (fixture, "win.timer-skip", NULL);
  assert_shows (fixture, "Item 3 of 8 · Input");
  assert_shows (fixture, "Inspel: missionsorienterat arbetssätt");

  /* Through to the end of the agenda. */
  for (guint i = 3; i < n_items; i++)
    {
      advance (fixture, MINUTE);
      click (fixture, "win.timer-next", NULL);
    }
  assert_shows (fixture, "This is the last item");
  advance (fixture, MINUTE);
  click (fixture, "win.timer-next", NULL);

  g_assert_cmpint (sam_timer_get_state (fixture->timer), ==, SAM_TIMER_FINISHED);
  assert_shows (fixture, "Finished");
  assert_shows (fixture, "The agenda is done");
  g_assert_false (is_sensitive (fixture, "win.timer-toggle", NULL));
  g_assert_false (is_sensitive (fixture, "win.timer-next", NULL));
  g_assert_false (is_sensitive (fixture, "win.timer-skip", NULL));
  g_assert_false (is_sensitive (fixture, "win.timer-extend", g_variant_new_int32 (60)));
}

/* Editing the agenda shows in the panel at once, without the time moving. */
static void
test_edits (Fixture       *fixture,
            gconstpointer  data)
{
  SamSession *session = sam_timer_get_session (fixture->timer);
  GListModel *agenda = G_LIST_MODEL (sam_session_get_agenda (session));
  g_autoptr(SamItem) first = g_list_model_get_item (agenda, 0);
  g_autoptr(SamItem) second = g_list_model_get_item (agenda, 1);

  assert_shows (fixture, "Välkommen");
  sam_session_begin (session, "Rename");
  sam_session_set (session, first, "title", "Hej och välkommen", NULL);
  sam_session_end (session);
  ui_test_run_for (20);
  assert_shows (fixture, "Hej och välkommen");

  sam_session_begin (session, "Shorten");
  sam_session_set (session, second, "duration", 20 * 60, NULL);
  sam_session_end (session);
  ui_test_run_for (20);
  assert_shows (fixture, "Next: Orientering: vi som är här och våra perspektiv · 20 min");
  /* Five minutes longer than planned before. */
  assert_shows (fixture, "Planned end 15:05");

  g_assert_true (sam_session_undo (session));
  ui_test_run_for (20);
  assert_shows (fixture, "Next: Orientering: vi som är här och våra perspektiv · 15 min");
}

static void
test_tooltips (Fixture       *fixture,
               gconstpointer  data)
{
  struct {
    const char *action;
    int         target;
    const char *tooltip;
  } expected[] = {
    { "win.timer-previous", 0, "Previous Item (Ctrl+Page Up)" },
    { "win.timer-next", 0, "Next Item (Ctrl+Page Down)" },
    { "win.timer-extend", 300, "Add 5 Minutes (Ctrl+5)" },
    { "win.stage-show", 0, "Show the Stage (F5)" },
    { "win.stage-blank", 0, "Blank the Stage (Ctrl+B)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *button = find_button (fixture, expected[i].action,
                                       expected[i].target != 0 ? g_variant_new_int32 (expected[i].target) : NULL);

      g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, expected[i].tooltip);
    }

  /* Every control has a name a screen reader can say: an accessible
   * label, a label of its own, or a mnemonic label inside it. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    ui_test_collect_widgets (GTK_WIDGET (fixture->panel), ui_test_is_type,
                             GSIZE_TO_POINTER (GTK_TYPE_BUTTON), buttons);
    ui_test_collect_widgets (GTK_WIDGET (fixture->panel), ui_test_is_type,
                             GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON), buttons);
    g_assert_cmpuint (buttons->len, >=, 15);
    for (guint i = 0; i < buttons->len; i++)
      {
        GtkWidget *button = buttons->pdata[i];
        g_autoptr(GList) labels = gtk_widget_list_mnemonic_labels (button);

        /* The menu buttons' inner buttons speak for them. */
        if (GTK_IS_MENU_BUTTON (gtk_widget_get_parent (button)))
          continue;

        if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
            labels != NULL ||
            (GTK_IS_BUTTON (button) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (button)))))
          continue;

        g_error ("A %s with the tooltip “%s” has no accessible name",
                 G_OBJECT_TYPE_NAME (button), gtk_widget_get_tooltip_text (button));
      }
  }
}

static gboolean
menu_has_label (GMenuModel *model,
                const char *label,
                char      **action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_label (section, label, action))
        return TRUE;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &text) &&
          g_str_equal (text, label))
        {
          if (action != NULL)
            g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", action);
          return TRUE;
        }
    }

  return FALSE;
}

static GtkMenuButton *
find_menu_button (Fixture    *fixture,
                  const char *tooltip)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ui_test_collect_widgets (GTK_WIDGET (fixture->panel), ui_test_is_type,
                           GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON), buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *text = gtk_widget_get_tooltip_text (buttons->pdata[i]);

      if (text != NULL && g_str_has_prefix (text, tooltip))
        return buttons->pdata[i];
    }

  g_error ("No menu button “%s”", tooltip);
}

static int
count_items (GMenuModel *model)
{
  int n = 0;

  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      n += section != NULL ? count_items (section) : 1;
    }

  return n;
}

static void
test_monitor_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkMenuButton *button = find_menu_button (fixture, "Choose Where the Stage Is Shown");
  GMenuModel *menu = gtk_menu_button_get_menu_model (button);
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (fixture->panel)));
  guint with_connector = 0;

  g_assert_true (menu_has_label (menu, "Window (rehearsal)", NULL));

  /* Each screen by its connector and size, as the display settings name it. */
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      const char *connector = gdk_monitor_get_connector (monitor);
      g_autofree char *size = NULL;
      GdkRectangle geometry;

      if (connector == NULL || connector[0] == '\0')
        continue;
      with_connector++;
      gdk_monitor_get_geometry (monitor, &geometry);
      size = g_strdup_printf ("%d × %d", geometry.width * gdk_monitor_get_scale_factor (monitor),
                              geometry.height * gdk_monitor_get_scale_factor (monitor));
      g_test_message ("Monitor %s, %s", connector, size);

      {
        g_autofree char *plain = g_strdup_printf ("%s, %s", connector, size);
        g_autofree char *model = g_strdup_printf ("%s — %s %s, %s", connector,
                                                  gdk_monitor_get_manufacturer (monitor),
                                                  gdk_monitor_get_model (monitor), size);
        g_autofree char *model_only = g_strdup_printf ("%s — %s, %s", connector,
                                                       gdk_monitor_get_model (monitor), size);

        g_assert_true (menu_has_label (menu, plain, NULL) ||
                       menu_has_label (menu, model, NULL) ||
                       menu_has_label (menu, model_only, NULL));
      }
    }
  g_assert_cmpint (count_items (menu), ==, 1 + with_connector);
}

static gboolean
chime_is_quiet_cb (gpointer data)
{
  return !sam_chime_is_playing ();
}

static void
test_chime (Fixture       *fixture,
            gconstpointer  data)
{
  GSettings *settings = sam_application_get_settings (ui_test_app);
  GtkMenuButton *button = find_menu_button (fixture, "Timer Menu");
  GMenuModel *menu = gtk_menu_button_get_menu_model (button);
  g_autofree char *action = NULL;

  g_assert_nonnull (settings);
  g_assert_true (g_settings_get_boolean (settings, "chime"));
  g_assert_true (sam_chime_get_enabled ());

  /* Without an audio device (as under the test's virtual display) the
   * chime plays into nothing or fails quietly: no warning, and it ends. */
  sam_chime_play ();
  g_assert_true (sam_chime_is_playing ());
  g_assert_true (ui_test_wait_for (chime_is_quiet_cb, NULL));

  /* Switched off from the panel's menu, it stays silent. */
  g_assert_true (menu_has_label (menu, "_Chime at Zero", &action));
  g_assert_cmpstr (action, ==, "panel.chime");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "panel.chime", NULL));
  g_assert_false (g_settings_get_boolean (settings, "chime"));
  g_assert_false (sam_chime_get_enabled ());
  sam_chime_play ();
  g_assert_false (sam_chime_is_playing ());

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "panel.chime", NULL));
  g_assert_true (g_settings_get_boolean (settings, "chime"));

  /* The reset of the recorded times is in the same menu. */
  g_clear_pointer (&action, g_free);
  g_assert_true (menu_has_label (menu, "Reset Recorded _Times…", &action));
  g_assert_cmpstr (action, ==, "win.timer-reset");
}

/* Without any media backend the chime fails at once, quietly. */
static void
test_chime_without_media (void)
{
  if (g_test_subprocess ())
    {
      /* Read when the first media file is made. */
      g_setenv ("GTK_MEDIA", "none", TRUE);
      sam_chime_play ();
      g_assert_true (ui_test_wait_for (chime_is_quiet_cb, NULL));
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
}

/* The sound itself: a 16-bit mono WAV of about a second, not silent, not
 * clipping. */
static void
test_chime_sound (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  gsize size;
  guint16 channels, bits;
  guint32 rate, data_size;
  gsize offset = 12;
  int peak = 0;

  /* Playing registers the resource. */
  sam_chime_play ();
  g_assert_true (ui_test_wait_for (chime_is_quiet_cb, NULL));
  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/sounds/chime.wav", 0, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (size, >, 44);
  g_assert_cmpuint (size, <=, 100 * 1024);
  g_assert_true (memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WAVE", 4) == 0);

  /* The "fmt " chunk comes first, then "data". */
  g_assert_true (memcmp (data + offset, "fmt ", 4) == 0);
  channels = GUINT16_FROM_LE (*(guint16 *) (data + offset + 10));
  rate = GUINT32_FROM_LE (*(guint32 *) (data + offset + 12));
  bits = GUINT16_FROM_LE (*(guint16 *) (data + offset + 22));
  offset += 8 + GUINT32_FROM_LE (*(guint32 *) (data + offset + 4));
  g_assert_true (memcmp (data + offset, "data", 4) == 0);
  data_size = GUINT32_FROM_LE (*(guint32 *) (data + offset + 4));
  offset += 8;
  g_assert_cmpuint (offset + data_size, <=, size);

  g_assert_cmpuint (channels, ==, 1);
  g_assert_cmpuint (bits, ==, 16);
  g_assert_cmpuint (rate, >=, 16000);
  /* About a second. */
  g_assert_cmpfloat ((double) data_size / 2 / rate, >=, 0.7);
  g_assert_cmpfloat ((double) data_size / 2 / rate, <=, 2.0);

  for (gsize i = 0; i + 1 < data_size; i += 2)
    {
      gint16 sample = (gint16) GUINT16_FROM_LE (*(guint16 *) (data + offset + i));

      peak = MAX (peak, ABS ((int) sample));
    }
  g_assert_cmpint (peak, >, 32767 / 5);
  g_assert_cmpint (peak, <, 32767);
}

int
main (int   argc,
      char *argv[])
{
  /* Times in the panel are local: make local time the same everywhere. */
  g_setenv ("TZ", "UTC", TRUE);

  if (!ui_test_init (&argc, &argv))
    return 77;
  /* Keep what the widgets tell assistive technologies, to check it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_create_app ();

  g_test_add ("/timer-panel/countdown", Fixture, NULL, fixture_set_up, test_countdown, fixture_tear_down);
  g_test_add ("/timer-panel/nudges", Fixture, NULL, fixture_set_up, test_nudges, fixture_tear_down);
  g_test_add ("/timer-panel/buttons", Fixture, NULL, fixture_set_up, test_buttons, fixture_tear_down);
  g_test_add ("/timer-panel/edits", Fixture, NULL, fixture_set_up, test_edits, fixture_tear_down);
  g_test_add ("/timer-panel/tooltips", Fixture, NULL, fixture_set_up, test_tooltips, fixture_tear_down);
  g_test_add ("/timer-panel/monitor-menu", Fixture, NULL, fixture_set_up, test_monitor_menu, fixture_tear_down);
  g_test_add ("/timer-panel/chime", Fixture, NULL, fixture_set_up, test_chime, fixture_tear_down);
  g_test_add_func ("/timer-panel/chime-without-media", test_chime_without_media);
  g_test_add_func ("/timer-panel/chime-sound", test_chime_sound);

  return ui_test_run ();
}
