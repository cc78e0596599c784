/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The map's pointer and keyboard: placing, selecting and dragging balloons
 * with the pointer; moving them, the crosshair and the current perspective
 * from the keyboard. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-map-view-private.h"
#include "sam-session.h"

/* The pointer must move this far before a press becomes a drag. */
#define DRAG_THRESHOLD 4.0

/* Pointer */

static gboolean
point_in_picture (SamMapView *self,
                  double      x,
                  double      y,
                  double     *fx,
                  double     *fy)
{
  graphene_rect_t rect;

  if (!sam_map_view_get_picture_rect (self, &rect) ||
      !graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
    return FALSE;

  *fx = CLAMP ((x - rect.origin.x) / rect.size.width, 0.0, 1.0);
  *fy = CLAMP ((y - rect.origin.y) / rect.size.height, 0.0, 1.0);

  return TRUE;
}

void
_sam_map_view_set_cursor (SamMapView *self,
                          const char *name)
{
  if (g_strcmp0 (self->cursor, name) == 0)
    return;

  self->cursor = name;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static gboolean
beyond_threshold (double dx,
                  double dy)
{
  return dx * dx + dy * dy > DRAG_THRESHOLD * DRAG_THRESHOLD;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SamMapView      *self)
{
  SamItem *hit;

  if (!self->editable || self->session == NULL)
    return;

  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  self->cross_shown = FALSE;

  hit = sam_map_view_pick (self, x, y);
  if (n_press == 1)
    {
      g_set_object (&self->pressed, hit);
      self->press_x = x;
      self->press_y = y;
      if (hit != NULL)
        sam_map_view_set_selected (self, hit);
    }
  else if (n_press == 2 && hit != NULL)
    {
      _sam_map_view_activate_balloon (self, hit);
    }
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             SamMapView      *self)
{
  g_autoptr(SamItem) pressed = g_steal_pointer (&self->pressed);
  double fx, fy;

  if (!self->editable || self->session == NULL || n_press != 1 || pressed != NULL)
    return;
  /* A press that moved is a drag of the map, not a click on it. */
  if (beyond_threshold (x - self->press_x, y - self->press_y))
    return;

  if (point_in_picture (self, x, y, &fx, &fy))
    sam_map_view_place (self, fx, fy);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SamMapView     *self)
{
  SamItem *hit;

  self->dragging = FALSE;
  g_clear_object (&self->dragged);
  if (!self->editable || self->session == NULL)
    return;

  hit = sam_map_view_pick (self, x, y);
  if (hit == NULL)
    return;

  self->dragged = g_object_ref (hit);
  _sam_map_view_balloon_position (self, hit, &self->drag_start_x, &self->drag_start_y);
  self->drag_x = self->drag_start_x;
  self->drag_y = self->drag_start_y;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SamMapView     *self)
{
  graphene_rect_t rect;

  if (self->dragged == NULL || !sam_map_view_get_picture_rect (self, &rect))
    return;
  if (!self->dragging && !beyond_threshold (dx, dy))
    return;

  if (!self->dragging)
    {
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      _sam_map_view_set_cursor (self, "grabbing");
    }

  /* Drawn where the pointer is; the session learns of it once, at the
   * end, as one undo step. */
  self->drag_x = CLAMP (self->drag_start_x + dx / rect.size.width, 0.0, 1.0);
  self->drag_y = CLAMP (self->drag_start_y + dy / rect.size.height, 0.0, 1.0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_sam_map_view_finish_drag (SamMapView *self,
                           gboolean    commit)
{
  g_autoptr(SamItem) dragged = g_steal_pointer (&self->dragged);
  gboolean dragging = self->dragging;

  self->dragging = FALSE;
  if (!dragging || dragged == NULL)
    return;

  _sam_map_view_set_cursor (self, NULL);
  if (commit && self->session != NULL)
    {
      sam_session_begin (self->session, _("Move Balloon"));
      sam_session_set (self->session, dragged, "x", self->drag_x, "y", self->drag_y, NULL);
      sam_session_end (self->session);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             SamMapView     *self)
{
  if (self->dragged != NULL && self->dragging)
    drag_update_cb (gesture, dx, dy, self);
  _sam_map_view_finish_drag (self, TRUE);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                SamMapView       *self)
{
  _sam_map_view_finish_drag (self, FALSE);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SamMapView               *self)
{
  const char *cursor = NULL;
  double fx, fy;

  if (!self->editable || self->session == NULL || self->dragging)
    return;

  if (sam_map_view_pick (self, x, y) != NULL)
    cursor = "pointer";
  else if (point_in_picture (self, x, y, &fx, &fy))
    cursor = "crosshair";

  _sam_map_view_set_cursor (self, cursor);
}

/* Keyboard */

static void
move_selected (SamMapView *self,
               double      dx,
               double      dy)
{
  double x = sam_item_get_double (self->selected, "x");
  double y = sam_item_get_double (self->selected, "y");
  double nx = CLAMP (x + dx, 0.0, 1.0);
  double ny = CLAMP (y + dy, 0.0, 1.0);

  if (nx == x && ny == y)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  sam_session_begin (self->session, _("Move Balloon"));
  sam_session_set (self->session, self->selected, "x", nx, "y", ny, NULL);
  sam_session_end (self->session);
}

static void
cycle_selection (SamMapView *self,
                 int         step)
{
  guint n = g_list_model_get_n_items (self->balloons);
  guint index = 0;
  g_autoptr(SamItem) next = NULL;

  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (self->selected == NULL)
    {
      index = step > 0 ? 0 : n - 1;
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SamItem) item = g_list_model_get_item (self->balloons, i);

          if (item == self->selected)
            {
              index = (i + n + step) % n;
              break;
            }
        }
    }

  next = g_list_model_get_item (self->balloons, index);
  sam_map_view_set_selected (self, next);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SamMapView            *self)
{
  double step = (state & GDK_SHIFT_MASK) ? 0.05 : 0.01;
  double dx = 0, dy = 0;

  if (!self->editable || self->session == NULL)
    return FALSE;
  /* Keys typed into a child (the page's balloon editor) bubble up here:
   * they are not the map's. */
  if (!gtk_widget_is_focus (GTK_WIDGET (self)))
    return FALSE;
  /* Shortcuts with Ctrl or Alt belong to the window. */
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      dx = -step;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dx = step;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      dy = -step;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      dy = step;
      break;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (self->selected != NULL)
        _sam_map_view_activate_balloon (self, self->selected);
      else
        sam_map_view_place (self, self->cross_x, self->cross_y);
      return TRUE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (self->selected == NULL)
        return FALSE;
      /* The page's action offers the balloon back in a toast; a map view
       * on its own removes it (undo still brings it back). */
      if (!gtk_widget_activate_action (GTK_WIDGET (self), "map.remove-balloon", NULL))
        sam_session_remove (self->session, self->selected);
      return TRUE;

    case GDK_KEY_Escape:
      if (self->selected == NULL)
        return FALSE;
      /* The crosshair takes over where the balloon was. */
      self->cross_x = sam_item_get_double (self->selected, "x");
      self->cross_y = sam_item_get_double (self->selected, "y");
      sam_map_view_set_selected (self, NULL);
      return TRUE;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      cycle_selection (self, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      cycle_selection (self, 1);
      return TRUE;

    default:
      {
        int digit = -1;
        g_autoptr(SamItem) perspective = NULL;

        if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
          digit = keyval - GDK_KEY_1;
        else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
          digit = keyval - GDK_KEY_KP_1;
        if (digit < 0)
          return FALSE;

        perspective = g_list_model_get_item (self->perspectives, digit);
        if (perspective == NULL)
          {
            gtk_widget_error_bell (GTK_WIDGET (self));
            return TRUE;
          }
        sam_map_view_set_current_perspective (self, sam_item_get_id (perspective));
        return TRUE;
      }
    }

  if (self->selected != NULL)
    {
      move_selected (self, dx, dy);
    }
  else
    {
      self->cross_x = CLAMP (self->cross_x + dx, 0.0, 1.0);
      self->cross_y = CLAMP (self->cross_y + dy, 0.0, 1.0);
      self->cross_shown = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  return TRUE;
}

/* Setting up */

void
_sam_map_view_setup_input (SamMapView *self)
{
  self->click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->click), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->click, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect (self->click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->click));

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (self->drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  self->keys = gtk_event_controller_key_new ();
  g_signal_connect (self->keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), self->keys);

  self->motion = gtk_event_controller_motion_new ();
  g_signal_connect (self->motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), self->motion);
}
