/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sam-wall-title.h"

struct _SamWallTitle
{
  GtkWidget  parent_instance;

  GtkWidget *stack;
  GtkWidget *label;
  GtkWidget *entry;
  gboolean   editing;
};

G_DEFINE_FINAL_TYPE (SamWallTitle, sam_wall_title, GTK_TYPE_WIDGET)

enum {
  COMMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
sam_wall_title_set_text (SamWallTitle *self,
                         const char   *text)
{
  g_return_if_fail (SAM_IS_WALL_TITLE (self));

  gtk_label_set_text (GTK_LABEL (self->label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  if (!self->editing)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

const char *
sam_wall_title_get_text (SamWallTitle *self)
{
  g_return_val_if_fail (SAM_IS_WALL_TITLE (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->label));
}

gboolean
sam_wall_title_get_editing (SamWallTitle *self)
{
  g_return_val_if_fail (SAM_IS_WALL_TITLE (self), FALSE);
  return self->editing;
}

GtkEditable *
sam_wall_title_get_entry (SamWallTitle *self)
{
  g_return_val_if_fail (SAM_IS_WALL_TITLE (self), NULL);
  return GTK_EDITABLE (self->entry);
}

void
sam_wall_title_start_editing (SamWallTitle *self)
{
  g_return_if_fail (SAM_IS_WALL_TITLE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), gtk_label_get_text (GTK_LABEL (self->label)));
  self->editing = TRUE;
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->entry);
  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

void
sam_wall_title_stop_editing (SamWallTitle *self,
                             gboolean      commit)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SAM_IS_WALL_TITLE (self));

  if (!self->editing)
    return;
  self->editing = FALSE;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->label);
  if (commit && g_strcmp0 (text, gtk_label_get_text (GTK_LABEL (self->label))) != 0)
    g_signal_emit (self, signals[COMMIT], 0, text);
}

static void
entry_activate_cb (GtkEntry     *entry,
                   SamWallTitle *self)
{
  sam_wall_title_stop_editing (self, TRUE);
}

static gboolean
entry_key_cb (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              SamWallTitle          *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  sam_wall_title_stop_editing (self, FALSE);
  return TRUE;
}

static void
entry_leave_cb (GtkEventControllerFocus *controller,
                SamWallTitle            *self)
{
  sam_wall_title_stop_editing (self, TRUE);
}

static void
label_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SamWallTitle    *self)
{
  if (n_press == 2)
    sam_wall_title_start_editing (self);
}

static void
sam_wall_title_dispose (GObject *object)
{
  SamWallTitle *self = SAM_WALL_TITLE (object);

  self->editing = FALSE;
  g_clear_pointer (&self->stack, gtk_widget_unparent);

  G_OBJECT_CLASS (sam_wall_title_parent_class)->dispose (object);
}

static void
sam_wall_title_class_init (SamWallTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_wall_title_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "walltitle");

  /* ::commit (SamWallTitle *self, const char *text): a new text was typed. */
  signals[COMMIT] = g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sam_wall_title_init (SamWallTitle *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->stack = gtk_stack_new ();
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (self->label), TRUE);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (label_pressed_cb), self);
  gtk_widget_add_controller (self->label, GTK_EVENT_CONTROLLER (click));
  gtk_stack_add_child (GTK_STACK (self->stack), self->label);

  self->entry = gtk_entry_new ();
  g_signal_connect (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (entry_key_cb), self);
  gtk_widget_add_controller (self->entry, controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (entry_leave_cb), self);
  gtk_widget_add_controller (self->entry, controller);
  gtk_stack_add_child (GTK_STACK (self->stack), self->entry);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->label);
}

GtkWidget *
sam_wall_title_new (void)
{
  return g_object_new (SAM_TYPE_WALL_TITLE, NULL);
}
