/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-chime.h"
#include "sam-session.h"
#include "sam-stage-view.h"
#include "sam-stage-window.h"
#include "sam-timer.h"
#include "sam-timer-panel.h"
#include "sam-window-private.h"

/*
 * The timer's controls and the stage, as actions of the control window.
 *
 * The stage's state is four properties of the window, which the stateful
 * actions show and change:
 *   stage-shown    whether the stage window is open (win.stage-show)
 *   stage-monitor  the connector of the screen it fills, "" for a window
 *                  (win.stage-monitor)
 *   stage-blanked  the stage shows nothing (win.stage-blank)
 *   stage-frozen   the stage keeps what it shows (win.stage-freeze)
 *   stage-voices   the stage shows the voices slide instead of the item's
 *                  content (win.stage-voices)
 *
 * Where the stage goes when it opens: full screen on a screen the control
 * window is not on when there are two or more, in a window when there is
 * one (a rehearsal). A screen the person picked is kept. When the stage's
 * screen goes away the stage falls back to a window and returns when the
 * screen does; a projector plugged in later takes a stage that was only
 * in a window because there was no second screen.
 */

struct _SamWindowStage
{
  SamStageWindow *window;
  gulong          close_id;
  gulong          destroy_id;

  /* The connector of the stage's screen, "" for a window. */
  char           *monitor;
  /* Whether a screen was decided (by default or by the person), and
   * whether the person did. */
  gboolean        placed;
  gboolean        chosen;
  /* How a person knows that screen ("HDMI-1 — Dell U2720Q"). */
  char           *monitor_label;
  /* The screen the stage was on when it went away. */
  char           *lost;

  gboolean        blanked;
  gboolean        frozen;
  gboolean        voices;

  GListModel     *monitors;
  gulong          monitors_id;
  guint           monitors_idle_id;
  gulong          timer_changed_id;
  gulong          timer_alarm_id;
  GListModel     *agenda;
  gulong          agenda_id;

  /* The enabled state last given to each action, to change only what
   * changes (the timer reports every second). */
  guint           enabled;
  gboolean        enabled_known;
};

/* Property ids apart from those of sam-window.c, which this file's
 * property functions pass on to. */
enum {
  PROP_STAGE_SHOWN = 0x5700,
  PROP_STAGE_MONITOR,
  PROP_STAGE_BLANKED,
  PROP_STAGE_FROZEN,
  PROP_STAGE_VOICES,
};

static GParamSpec *prop_stage_shown;
static GParamSpec *prop_stage_monitor;
static GParamSpec *prop_stage_blanked;
static GParamSpec *prop_stage_frozen;
static GParamSpec *prop_stage_voices;

static GObjectGetPropertyFunc window_get_property;
static GObjectSetPropertyFunc window_set_property;

/* The actions whose enabled state follows the timer, in the order of the
 * bits of _SamWindowStage.enabled. */
static const char * const stage_actions[] = {
  "win.timer-toggle",
  "win.timer-next",
  "win.timer-previous",
  "win.timer-skip",
  "win.timer-restart",
  "win.timer-reset",
  "win.timer-extend",
  "win.timer-start-item",
  "win.stage-show",
  "win.stage-monitor",
  "win.stage-swap",
  "win.stage-blank",
  "win.stage-freeze",
  "win.stage-voices",
};

enum {
  ACTION_TOGGLE,
  ACTION_NEXT,
  ACTION_PREVIOUS,
  ACTION_SKIP,
  ACTION_RESTART,
  ACTION_RESET,
  ACTION_EXTEND,
  ACTION_START_ITEM,
  ACTION_SHOW,
  ACTION_MONITOR,
  ACTION_SWAP,
  ACTION_BLANK,
  ACTION_FREEZE,
  ACTION_VOICES,
  N_ACTIONS
};

G_STATIC_ASSERT (G_N_ELEMENTS (stage_actions) == N_ACTIONS);

/* Screens */

/* A screen as a person knows it: "HDMI-1 — Dell U2720Q", or its connector
 * and size when it does not tell its make. */
static char *
monitor_label (GdkMonitor *monitor)
{
  const char *connector = gdk_monitor_get_connector (monitor);
  const char *model = gdk_monitor_get_model (monitor);
  GdkRectangle geometry;

  if (connector == NULL)
    connector = "";

  if (model != NULL && model[0] != '\0')
    /* Translators: a screen: its connector and its model, e.g. "HDMI-1 — Dell U2720Q" */
    return g_strdup_printf (_("%s — %s"), connector, model);

  gdk_monitor_get_geometry (monitor, &geometry);
  /* Translators: a screen: its connector and its size in pixels, e.g. "HDMI-1 — 1920 × 1080" */
  return g_strdup_printf (_("%s — %d × %d"), connector, geometry.width, geometry.height);
}

static GdkMonitor *
find_monitor (SamWindow  *self,
              const char *connector)
{
  GListModel *monitors = self->stage->monitors;
  guint n = g_list_model_get_n_items (monitors);

  if (connector == NULL || connector[0] == '\0')
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (g_strcmp0 (gdk_monitor_get_connector (monitor), connector) == 0)
        return monitor;
    }

  return NULL;
}

static GdkMonitor *
control_monitor (SamWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

  if (surface == NULL)
    return NULL;

  return gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (self)), surface);
}

/* The first screen after @after (cyclically) that is not @avoid; NULL
 * when there is none. */
static GdkMonitor *
other_monitor (SamWindow  *self,
               GdkMonitor *after,
               GdkMonitor *avoid)
{
  GListModel *monitors = self->stage->monitors;
  guint n = g_list_model_get_n_items (monitors);
  guint start = 0;

  for (guint i = 0; i < n && after != NULL; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor == after)
        start = i + 1;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, (start + i) % n);
      const char *connector = gdk_monitor_get_connector (monitor);

      if (monitor != avoid && monitor != after && connector != NULL && connector[0] != '\0')
        return monitor;
    }

  return NULL;
}

/* Where a stage goes when nobody said: another screen than the control
 * window's, if there is one. */
static GdkMonitor *
default_monitor (SamWindow *self)
{
  if (g_list_model_get_n_items (self->stage->monitors) < 2)
    return NULL;

  return other_monitor (self, NULL, control_monitor (self));
}

/* The stage */

static void
apply_view_state (SamWindow    *self,
                  SamStageView *view)
{
  if (view == NULL)
    return;

  sam_stage_view_set_blanked (view, self->stage->blanked);
  sam_stage_view_set_frozen (view, self->stage->frozen);
  sam_stage_view_set_voices_shown (view, self->stage->voices);
}

static void
apply_views_state (SamWindow *self)
{
  if (self->stage->window != NULL)
    apply_view_state (self, sam_stage_window_get_view (self->stage->window));
  if (self->timer_panel != NULL)
    apply_view_state (self, sam_timer_panel_get_miniature (self->timer_panel));
}

void
_sam_window_stage_apply_views (SamWindow *self)
{
  if (self->stage != NULL)
    apply_views_state (self);
}

/* Puts the stage on the screen of @connector ("" or an unknown one: in a
 * window). */
static void
set_stage_monitor (SamWindow  *self,
                   const char *connector)
{
  struct _SamWindowStage *stage = self->stage;
  GdkMonitor *monitor = find_monitor (self, connector);

  if (monitor == NULL)
    connector = "";
  else
    {
      g_free (stage->monitor_label);
      stage->monitor_label = monitor_label (monitor);
    }

  if (g_strcmp0 (stage->monitor, connector) != 0)
    {
      g_free (stage->monitor);
      stage->monitor = g_strdup (connector);
      g_object_notify_by_pspec (G_OBJECT (self), prop_stage_monitor);
    }

  if (stage->window != NULL)
    sam_stage_window_set_monitor (stage->window, monitor);
}

static gboolean
stage_close_request_cb (SamWindow *self)
{
  g_object_set (self, "stage-shown", FALSE, NULL);
  return TRUE;
}

/* The stage window went without being closed (destroyed with all the app's
 * windows, say): it is no longer shown. */
static void
stage_destroy_cb (SamWindow *self)
{
  struct _SamWindowStage *stage = self->stage;

  if (stage == NULL || stage->window == NULL)
    return;

  stage->window = NULL;
  stage->close_id = 0;
  stage->destroy_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), prop_stage_shown);
  _sam_window_stage_update (self);
}

/* Destroys the stage window, without hearing of it. */
static void
destroy_stage_window (struct _SamWindowStage *stage)
{
  SamStageWindow *window = g_steal_pointer (&stage->window);

  if (window == NULL)
    return;

  g_clear_signal_handler (&stage->close_id, window);
  g_clear_signal_handler (&stage->destroy_id, window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
show_stage (SamWindow *self)
{
  struct _SamWindowStage *stage = self->stage;

  if (stage->window != NULL || self->timer == NULL)
    return;

  if (!stage->placed || (stage->monitor[0] != '\0' && find_monitor (self, stage->monitor) == NULL))
    {
      GdkMonitor *monitor = default_monitor (self);

      stage->placed = TRUE;
      stage->chosen = FALSE;
      g_clear_pointer (&stage->lost, g_free);
      set_stage_monitor (self, monitor != NULL ? gdk_monitor_get_connector (monitor) : "");
    }

  stage->window = sam_stage_window_new (self, self->timer);
  stage->close_id = g_signal_connect_swapped (stage->window, "close-request",
                                              G_CALLBACK (stage_close_request_cb), self);
  stage->destroy_id = g_signal_connect_swapped (stage->window, "destroy",
                                                G_CALLBACK (stage_destroy_cb), self);
  apply_views_state (self);
  sam_stage_window_set_monitor (stage->window, find_monitor (self, stage->monitor));
  gtk_window_present (GTK_WINDOW (stage->window));

  g_object_notify_by_pspec (G_OBJECT (self), prop_stage_shown);
  _sam_window_stage_update (self);
}

static void
hide_stage (SamWindow *self)
{
  struct _SamWindowStage *stage = self->stage;

  if (stage->window == NULL)
    return;

  destroy_stage_window (stage);
  /* A placement nobody chose is decided again next time: the screens may
   * have changed. */
  stage->placed = stage->chosen;

  g_object_notify_by_pspec (G_OBJECT (self), prop_stage_shown);
  _sam_window_stage_update (self);
}

static gboolean
monitors_changed_idle_cb (gpointer data)
{
  SamWindow *self = data;
  struct _SamWindowStage *stage = self->stage;

  stage->monitors_idle_id = 0;

  if (stage->monitor[0] != '\0' && find_monitor (self, stage->monitor) == NULL)
    {
      g_autofree char *message = NULL;

      /* Its screen is gone: the stage stays, in a window. */
      g_free (stage->lost);
      stage->lost = g_strdup (stage->monitor);
      set_stage_monitor (self, "");

      if (stage->window != NULL)
        {
          /* Translators: a screen (e.g. "HDMI-1 — Dell U2720Q") was unplugged */
          message = g_strdup_printf (_("Screen %s was disconnected: the stage is now in a window"),
                                     stage->monitor_label != NULL ? stage->monitor_label : stage->lost);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
        }
      return G_SOURCE_REMOVE;
    }

  if (stage->monitor[0] != '\0')
    return G_SOURCE_REMOVE;

  if (stage->lost != NULL && find_monitor (self, stage->lost) != NULL)
    {
      g_autofree char *lost = g_steal_pointer (&stage->lost);

      set_stage_monitor (self, lost);
    }
  else if (stage->window != NULL && !stage->chosen)
    {
      GdkMonitor *monitor = default_monitor (self);

      if (monitor != NULL)
        set_stage_monitor (self, gdk_monitor_get_connector (monitor));
    }

  return G_SOURCE_REMOVE;
}

/* A screen that comes is only told its name and place after it is in the
 * list: look at the screens once the display has told all. */
static void
monitors_changed_cb (SamWindow *self)
{
  if (self->stage->monitors_idle_id == 0)
    self->stage->monitors_idle_id = g_idle_add (monitors_changed_idle_cb, self);
}

/* Actions */

static SamTimer *
get_timer (GtkWidget *widget)
{
  return SAM_WINDOW (widget)->timer;
}

static void
timer_toggle_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  if (get_timer (widget) != NULL)
    sam_timer_toggle (get_timer (widget));
}

static void
timer_next_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  if (get_timer (widget) != NULL)
    sam_timer_next (get_timer (widget));
}

static void
timer_previous_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  if (get_timer (widget) != NULL)
    sam_timer_previous (get_timer (widget));
}

static void
timer_skip_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  if (get_timer (widget) != NULL)
    sam_timer_skip (get_timer (widget));
}

static void
timer_restart_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  if (get_timer (widget) != NULL)
    sam_timer_restart (get_timer (widget));
}

static void
timer_extend_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  if (get_timer (widget) != NULL)
    sam_timer_extend (get_timer (widget), g_variant_get_int32 (parameter));
}

static void
timer_start_item_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  if (get_timer (widget) != NULL)
    sam_timer_start_item (get_timer (widget), g_variant_get_uint32 (parameter));
}

static void
reset_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SamWindow        *self)
{
  if (g_strcmp0 (response, "reset") == 0 && self->timer != NULL)
    sam_timer_reset (self->timer);
}

static void
timer_reset_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);
  GtkWidget *dialog;

  if (self->timer == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reset the Recorded Times?"),
                                   _("The actual start and end of every agenda item, its pauses "
                                     "and the time added to it are cleared, and the agenda starts "
                                     "again from its first item. This can be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Moves the stage to the other screen; with one screen, between full
 * screen and a window. */
static void
stage_swap_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);
  struct _SamWindowStage *stage = self->stage;
  GdkMonitor *current, *target;

  if (stage == NULL || stage->window == NULL)
    return;

  current = find_monitor (self, stage->monitor);
  if (g_list_model_get_n_items (stage->monitors) >= 2)
    {
      if (current != NULL)
        target = other_monitor (self, current, NULL);
      else
        target = other_monitor (self, NULL, control_monitor (self));
    }
  else
    {
      target = current != NULL ? NULL : other_monitor (self, NULL, NULL);
    }

  g_object_set (self, "stage-monitor", target != NULL ? gdk_monitor_get_connector (target) : "", NULL);
}

static void
alarm_cb (SamWindow *self)
{
  sam_chime_play ();
}

static void
timer_changed_cb (SamWindow *self)
{
  _sam_window_stage_update (self);
}

static void
agenda_changed_cb (SamWindow *self)
{
  _sam_window_stage_update (self);
}

/* Whether sam_timer_reset() has anything to clear. */
static gboolean
has_recorded_times (SamSession *session)
{
  GListModel *agenda = G_LIST_MODEL (sam_session_get_agenda (session));
  guint n = g_list_model_get_n_items (agenda);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (agenda, i);

      if (sam_item_get_int64 (item, "actual-start") != 0 ||
          sam_item_get_int64 (item, "actual-end") != 0 ||
          sam_item_get_boolean (item, "skipped") ||
          sam_item_get_int (item, "extension") != 0 ||
          g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (item, "pauses"))) > 0)
        return TRUE;
    }

  return FALSE;
}

void
_sam_window_stage_update (SamWindow *self)
{
  SamTimer *timer = self->timer;
  gboolean enabled[N_ACTIONS] = { FALSE, };
  guint mask = 0;

  if (timer != NULL)
    {
      SamTimerState state = sam_timer_get_state (timer);
      gboolean has_current = sam_timer_get_current (timer) != NULL;
      gboolean active = state == SAM_TIMER_RUNNING || state == SAM_TIMER_PAUSED;
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_agenda (sam_timer_get_session (timer))));

      enabled[ACTION_TOGGLE] = has_current && state != SAM_TIMER_FINISHED;
      enabled[ACTION_NEXT] = active || (state == SAM_TIMER_STOPPED && has_current);
      enabled[ACTION_PREVIOUS] = state == SAM_TIMER_FINISHED ? n_items > 0
                                                             : sam_timer_get_current_index (timer) >= 1;
      enabled[ACTION_SKIP] = has_current;
      enabled[ACTION_RESTART] = active;
      enabled[ACTION_RESET] = has_recorded_times (sam_timer_get_session (timer));
      enabled[ACTION_EXTEND] = active;
      enabled[ACTION_START_ITEM] = n_items > 0;
      enabled[ACTION_SHOW] = TRUE;
      enabled[ACTION_MONITOR] = TRUE;
      enabled[ACTION_SWAP] = self->stage != NULL && self->stage->window != NULL;
      enabled[ACTION_BLANK] = TRUE;
      enabled[ACTION_FREEZE] = TRUE;
      enabled[ACTION_VOICES] = TRUE;
    }

  for (guint i = 0; i < N_ACTIONS; i++)
    if (enabled[i])
      mask |= 1u << i;

  if (self->stage != NULL && self->stage->enabled_known && self->stage->enabled == mask)
    return;

  for (guint i = 0; i < N_ACTIONS; i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), stage_actions[i], enabled[i]);

  if (self->stage != NULL)
    {
      self->stage->enabled = mask;
      self->stage->enabled_known = TRUE;
    }
}

/* Properties */

static void
stage_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  SamWindow *self = SAM_WINDOW (object);
  struct _SamWindowStage *stage = self->stage;

  switch (prop_id)
    {
    case PROP_STAGE_SHOWN:
      g_value_set_boolean (value, stage != NULL && stage->window != NULL);
      break;
    case PROP_STAGE_MONITOR:
      g_value_set_string (value, stage != NULL ? stage->monitor : "");
      break;
    case PROP_STAGE_BLANKED:
      g_value_set_boolean (value, stage != NULL && stage->blanked);
      break;
    case PROP_STAGE_FROZEN:
      g_value_set_boolean (value, stage != NULL && stage->frozen);
      break;
    case PROP_STAGE_VOICES:
      g_value_set_boolean (value, stage != NULL && stage->voices);
      break;
    default:
      if (window_get_property != NULL)
        window_get_property (object, prop_id, value, pspec);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stage_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  SamWindow *self = SAM_WINDOW (object);
  struct _SamWindowStage *stage = self->stage;

  switch (prop_id)
    {
    case PROP_STAGE_SHOWN:
      if (stage == NULL)
        break;
      if (g_value_get_boolean (value))
        show_stage (self);
      else
        hide_stage (self);
      break;

    case PROP_STAGE_MONITOR:
      {
        const char *connector = g_value_get_string (value);

        if (stage == NULL)
          break;
        if (connector == NULL)
          connector = "";

        stage->placed = TRUE;
        stage->chosen = TRUE;
        g_clear_pointer (&stage->lost, g_free);
        if (connector[0] != '\0' && find_monitor (self, connector) == NULL)
          {
            g_autofree char *message = NULL;

            /* Translators: a screen (its connector, e.g. "HDMI-1") that was chosen is not there */
            message = g_strdup_printf (_("Screen %s is not connected: the stage is shown in a window"),
                                       connector);
            adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
          }
        set_stage_monitor (self, connector);
        /* Choosing a screen shows the stage there. */
        show_stage (self);
      }
      break;

    case PROP_STAGE_BLANKED:
      if (stage == NULL || stage->blanked == g_value_get_boolean (value))
        break;
      stage->blanked = g_value_get_boolean (value);
      apply_views_state (self);
      g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_STAGE_FROZEN:
      if (stage == NULL || stage->frozen == g_value_get_boolean (value))
        break;
      stage->frozen = g_value_get_boolean (value);
      apply_views_state (self);
      g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_STAGE_VOICES:
      if (stage == NULL || stage->voices == g_value_get_boolean (value))
        break;
      stage->voices = g_value_get_boolean (value);
      apply_views_state (self);
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      if (window_set_property != NULL)
        window_set_property (object, prop_id, value, pspec);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Set-up */

void
_sam_window_class_init_stage (GtkWidgetClass *widget_class)
{
  GObjectClass *object_class = G_OBJECT_CLASS (widget_class);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  /* The window's other properties go on to sam-window.c's functions. */
  window_get_property = object_class->get_property;
  window_set_property = object_class->set_property;
  object_class->get_property = stage_get_property;
  object_class->set_property = stage_set_property;

  prop_stage_shown = g_param_spec_boolean ("stage-shown", NULL, NULL, FALSE, flags);
  prop_stage_monitor = g_param_spec_string ("stage-monitor", NULL, NULL, "", flags);
  prop_stage_blanked = g_param_spec_boolean ("stage-blanked", NULL, NULL, FALSE, flags);
  prop_stage_frozen = g_param_spec_boolean ("stage-frozen", NULL, NULL, FALSE, flags);
  prop_stage_voices = g_param_spec_boolean ("stage-voices", NULL, NULL, FALSE, flags);
  g_object_class_install_property (object_class, PROP_STAGE_SHOWN, prop_stage_shown);
  g_object_class_install_property (object_class, PROP_STAGE_MONITOR, prop_stage_monitor);
  g_object_class_install_property (object_class, PROP_STAGE_BLANKED, prop_stage_blanked);
  g_object_class_install_property (object_class, PROP_STAGE_FROZEN, prop_stage_frozen);
  g_object_class_install_property (object_class, PROP_STAGE_VOICES, prop_stage_voices);

  gtk_widget_class_install_action (widget_class, "win.timer-toggle", NULL, timer_toggle_action);
  gtk_widget_class_install_action (widget_class, "win.timer-next", NULL, timer_next_action);
  gtk_widget_class_install_action (widget_class, "win.timer-previous", NULL, timer_previous_action);
  gtk_widget_class_install_action (widget_class, "win.timer-skip", NULL, timer_skip_action);
  gtk_widget_class_install_action (widget_class, "win.timer-restart", NULL, timer_restart_action);
  gtk_widget_class_install_action (widget_class, "win.timer-reset", NULL, timer_reset_action);
  gtk_widget_class_install_action (widget_class, "win.timer-extend", "i", timer_extend_action);
  gtk_widget_class_install_action (widget_class, "win.timer-start-item", "u", timer_start_item_action);

  gtk_widget_class_install_property_action (widget_class, "win.stage-show", "stage-shown");
  gtk_widget_class_install_property_action (widget_class, "win.stage-monitor", "stage-monitor");
  gtk_widget_class_install_property_action (widget_class, "win.stage-blank", "stage-blanked");
  gtk_widget_class_install_property_action (widget_class, "win.stage-freeze", "stage-frozen");
  gtk_widget_class_install_property_action (widget_class, "win.stage-voices", "stage-voices");
  gtk_widget_class_install_action (widget_class, "win.stage-swap", NULL, stage_swap_action);
}

void
_sam_window_stage_setup (SamWindow *self)
{
  struct _SamWindowStage *stage;

  g_assert (self->stage == NULL);
  g_assert (self->timer != NULL);

  stage = self->stage = g_new0 (struct _SamWindowStage, 1);
  stage->monitor = g_strdup ("");

  stage->monitors = g_object_ref (gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self))));
  stage->monitors_id = g_signal_connect_swapped (stage->monitors, "items-changed",
                                                 G_CALLBACK (monitors_changed_cb), self);

  stage->timer_changed_id = g_signal_connect_swapped (self->timer, "changed",
                                                      G_CALLBACK (timer_changed_cb), self);
  stage->timer_alarm_id = g_signal_connect_swapped (self->timer, "alarm",
                                                    G_CALLBACK (alarm_cb), self);
  stage->agenda = g_object_ref (G_LIST_MODEL (sam_session_get_agenda (sam_timer_get_session (self->timer))));
  stage->agenda_id = g_signal_connect_swapped (stage->agenda, "items-changed",
                                               G_CALLBACK (agenda_changed_cb), self);

  _sam_window_stage_update (self);
}

void
_sam_window_stage_dispose (SamWindow *self)
{
  struct _SamWindowStage *stage = self->stage;

  if (stage == NULL)
    return;

  destroy_stage_window (stage);

  g_clear_handle_id (&stage->monitors_idle_id, g_source_remove);
  g_clear_signal_handler (&stage->monitors_id, stage->monitors);
  g_clear_object (&stage->monitors);
  if (self->timer != NULL)
    {
      g_clear_signal_handler (&stage->timer_changed_id, self->timer);
      g_clear_signal_handler (&stage->timer_alarm_id, self->timer);
    }
  g_clear_signal_handler (&stage->agenda_id, stage->agenda);
  g_clear_object (&stage->agenda);
  g_clear_pointer (&stage->monitor, g_free);
  g_clear_pointer (&stage->monitor_label, g_free);
  g_clear_pointer (&stage->lost, g_free);

  g_clear_pointer (&self->stage, g_free);
}
