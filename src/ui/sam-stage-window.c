/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-stage-view.h"
#include "sam-stage-window.h"
#include "sam-window.h"

/*
 * The stage window belongs to its control window, not to the application:
 * the application's idea of the active window (where "Open" and "New"
 * look for their parent) stays a control window, and the stage closes when
 * its control window goes.
 */

/* Seconds without a move of the mouse before the pointer hides on a full
 * screen stage. */
#define CURSOR_IDLE_SECONDS 3

struct _SamStageWindow
{
  AdwWindow     parent_instance;

  SamStageView *view;
  SamWindow    *control;   /* weak */
  GdkMonitor   *monitor;
  /* Leaving full screen to go full screen on another monitor. */
  gboolean      moving;
  gboolean      fullscreen;   /* as last seen */
  GdkSurface   *surface;   /* weak */
  gulong        mapped_id;
  guint         cursor_id;
};

G_DEFINE_FINAL_TYPE (SamStageWindow, sam_stage_window, ADW_TYPE_WINDOW)

/* The presenter's keys. */
typedef enum {
  KEY_ACTION,           /* activates a "win." action of the control window */
  KEY_LEAVE_FULLSCREEN,
  KEY_TOGGLE_FULLSCREEN,
} KeyKind;

typedef struct
{
  guint       keyval;
  KeyKind     kind;
  const char *action;
  int         extend;   /* for win.timer-extend */
} StageKey;

static const StageKey stage_keys[] = {
  { GDK_KEY_b, KEY_ACTION, "win.stage-blank", 0 },
  { GDK_KEY_f, KEY_ACTION, "win.stage-freeze", 0 },
  { GDK_KEY_v, KEY_ACTION, "win.stage-voices", 0 },
  { GDK_KEY_space, KEY_ACTION, "win.timer-toggle", 0 },
  { GDK_KEY_n, KEY_ACTION, "win.timer-next", 0 },
  { GDK_KEY_Right, KEY_ACTION, "win.timer-next", 0 },
  { GDK_KEY_Page_Down, KEY_ACTION, "win.timer-next", 0 },
  { GDK_KEY_p, KEY_ACTION, "win.timer-previous", 0 },
  { GDK_KEY_Left, KEY_ACTION, "win.timer-previous", 0 },
  { GDK_KEY_Page_Up, KEY_ACTION, "win.timer-previous", 0 },
  { GDK_KEY_plus, KEY_ACTION, "win.timer-extend", 60 },
  { GDK_KEY_equal, KEY_ACTION, "win.timer-extend", 60 },
  { GDK_KEY_KP_Add, KEY_ACTION, "win.timer-extend", 60 },
  { GDK_KEY_minus, KEY_ACTION, "win.timer-extend", -60 },
  { GDK_KEY_KP_Subtract, KEY_ACTION, "win.timer-extend", -60 },
  { GDK_KEY_Escape, KEY_LEAVE_FULLSCREEN, NULL, 0 },
  { GDK_KEY_F11, KEY_TOGGLE_FULLSCREEN, NULL, 0 },
};

static GdkMonitor *
monitor_now (SamStageWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));

  if (surface != NULL)
    return gdk_display_get_monitor_at_surface (display, surface);

  return NULL;
}

/*
 * Full screen on a chosen monitor needs the window manager's help, and it
 * only helps with a window it manages: the placement is applied once the
 * window is mapped on screen, and a window already full screen on another
 * monitor leaves full screen first (a window manager does not move a full
 * screen window), then goes full screen where it should be.
 */
static void
apply_placement (SamStageWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

  if (self->monitor == NULL)
    {
      self->moving = FALSE;
      gtk_window_unfullscreen (window);
      gtk_window_set_default_size (window, 1280, 720);
      return;
    }

  if (surface == NULL || !gdk_surface_get_mapped (surface))
    return;

  if (gtk_window_is_fullscreen (window) && monitor_now (self) != self->monitor)
    {
      self->moving = TRUE;
      gtk_window_unfullscreen (window);
      return;
    }

  self->moving = FALSE;
  gtk_window_fullscreen_on_monitor (window, self->monitor);
}

/* Asks the control window to show the stage @connector's full screen (""
 * for windowed), so its state follows; without one, does it here. */
static void
request_monitor (SamStageWindow *self,
                 GdkMonitor     *monitor)
{
  const char *connector = monitor != NULL ? gdk_monitor_get_connector (monitor) : "";

  if (self->control != NULL && connector != NULL &&
      gtk_widget_activate_action (GTK_WIDGET (self->control), "win.stage-monitor", "s", connector))
    return;

  sam_stage_window_set_monitor (self, monitor);
}

static gboolean
stage_key_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  SamStageWindow *self = SAM_STAGE_WINDOW (widget);
  const StageKey *key = user_data;

  switch (key->kind)
    {
    case KEY_ACTION:
      if (self->control == NULL)
        return FALSE;
      if (key->extend != 0)
        return gtk_widget_activate_action (GTK_WIDGET (self->control), key->action, "i", key->extend);
      return gtk_widget_activate_action (GTK_WIDGET (self->control), key->action, NULL);

    case KEY_LEAVE_FULLSCREEN:
      if (self->monitor == NULL && !gtk_window_is_fullscreen (GTK_WINDOW (self)))
        return FALSE;
      request_monitor (self, NULL);
      return TRUE;

    case KEY_TOGGLE_FULLSCREEN:
      if (self->monitor != NULL || gtk_window_is_fullscreen (GTK_WINDOW (self)))
        request_monitor (self, NULL);
      else
        request_monitor (self, monitor_now (self));
      return TRUE;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/* The pointer */

static gboolean
hide_cursor_cb (gpointer data)
{
  SamStageWindow *self = data;

  self->cursor_id = 0;
  if (gtk_window_is_fullscreen (GTK_WINDOW (self)))
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");

  return G_SOURCE_REMOVE;
}

static void
pointer_moved_cb (SamStageWindow *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  g_clear_handle_id (&self->cursor_id, g_source_remove);
  if (gtk_window_is_fullscreen (GTK_WINDOW (self)))
    self->cursor_id = g_timeout_add_seconds (CURSOR_IDLE_SECONDS, hide_cursor_cb, self);
}

static void
fullscreened_cb (SamStageWindow *self)
{
  gboolean fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  gboolean was_fullscreen = self->fullscreen;

  self->fullscreen = fullscreen;
  if (self->moving && !fullscreen)
    apply_placement (self);
  else if (was_fullscreen && !fullscreen && self->monitor != NULL)
    /* Left full screen from outside (the window manager's own keys): the
     * control window's choice of screen follows. */
    request_monitor (self, NULL);

  pointer_moved_cb (self);
}

static void
surface_mapped_cb (SamStageWindow *self)
{
  if (self->surface != NULL && gdk_surface_get_mapped (self->surface))
    apply_placement (self);
}

/* GtkWidget */

static void
sam_stage_window_realize (GtkWidget *widget)
{
  SamStageWindow *self = SAM_STAGE_WINDOW (widget);

  GTK_WIDGET_CLASS (sam_stage_window_parent_class)->realize (widget);

  g_set_weak_pointer (&self->surface, gtk_native_get_surface (GTK_NATIVE (self)));
  self->mapped_id = g_signal_connect_swapped (self->surface, "notify::mapped",
                                              G_CALLBACK (surface_mapped_cb), self);
}

static void
sam_stage_window_unrealize (GtkWidget *widget)
{
  SamStageWindow *self = SAM_STAGE_WINDOW (widget);

  if (self->surface != NULL)
    g_clear_signal_handler (&self->mapped_id, self->surface);
  g_clear_weak_pointer (&self->surface);

  GTK_WIDGET_CLASS (sam_stage_window_parent_class)->unrealize (widget);
}

/* GObject */

static void
sam_stage_window_dispose (GObject *object)
{
  SamStageWindow *self = SAM_STAGE_WINDOW (object);

  g_clear_handle_id (&self->cursor_id, g_source_remove);
  g_clear_weak_pointer (&self->control);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (sam_stage_window_parent_class)->dispose (object);
}

static void
sam_stage_window_class_init (SamStageWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_stage_window_dispose;
  widget_class->realize = sam_stage_window_realize;
  widget_class->unrealize = sam_stage_window_unrealize;
}

static void
sam_stage_window_init (SamStageWindow *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Stage"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  gtk_widget_add_css_class (GTK_WIDGET (self), "stage-window");

  self->view = SAM_STAGE_VIEW (sam_stage_view_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stage"),
                                  -1);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->view));

  /* The keys work wherever the focus is in the window. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (stage_keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (stage_keys[i].keyval, 0);
      GtkShortcutAction *action = gtk_callback_action_new (stage_key_cb, (gpointer) &stage_keys[i], NULL);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (pointer_moved_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), NULL);
}

/* Public API */

SamStageWindow *
sam_stage_window_new (SamWindow *control,
                      SamTimer  *timer)
{
  SamStageWindow *self;

  g_return_val_if_fail (control == NULL || SAM_IS_WINDOW (control), NULL);

  self = g_object_new (SAM_TYPE_STAGE_WINDOW, NULL);
  g_set_weak_pointer (&self->control, control);
  sam_stage_view_set_timer (self->view, timer);

  return self;
}

SamStageView *
sam_stage_window_get_view (SamStageWindow *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_WINDOW (self), NULL);

  return self->view;
}

void
sam_stage_window_set_monitor (SamStageWindow *self,
                              GdkMonitor     *monitor)
{
  g_return_if_fail (SAM_IS_STAGE_WINDOW (self));
  g_return_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor));

  g_set_object (&self->monitor, monitor);
  apply_placement (self);
}

GdkMonitor *
sam_stage_window_get_monitor (SamStageWindow *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_WINDOW (self), NULL);

  return self->monitor;
}
