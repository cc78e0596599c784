/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sam-history-private.h"

/* Enough for a whole day of hectic typing; the oldest steps go first. */
#define MAX_STEPS 5000

struct _SamHistory
{
  GObject  parent_instance;

  GQueue   undo;  /* SamHistoryStep, newest at the head */
  GQueue   redo;  /* SamHistoryStep, next to redo at the head */
  guint64  base_serial; /* the state before the oldest step kept */
};

G_DEFINE_FINAL_TYPE (SamHistory, sam_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SamChange *
sam_change_new (SamChangeKind kind,
                SamItem      *item)
{
  SamChange *change = g_new0 (SamChange, 1);

  change->kind = kind;
  change->item = item != NULL ? g_object_ref (item) : NULL;

  return change;
}

void
sam_change_free (SamChange *change)
{
  g_clear_object (&change->item);
  g_clear_object (&change->parent);
  g_clear_object (&change->old_parent);
  if (G_IS_VALUE (&change->old_value))
    g_value_unset (&change->old_value);
  if (G_IS_VALUE (&change->new_value))
    g_value_unset (&change->new_value);
  g_free (change);
}

static void
step_free (SamHistoryStep *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->changes);
  g_free (step);
}

static void
notify_all (SamHistory *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static void
sam_history_finalize (GObject *object)
{
  SamHistory *self = SAM_HISTORY (object);

  g_queue_clear_full (&self->undo, (GDestroyNotify) step_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);

  G_OBJECT_CLASS (sam_history_parent_class)->finalize (object);
}

static void
sam_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SamHistory *self = SAM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sam_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, sam_history_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, sam_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, sam_history_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_history_class_init (SamHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_history_finalize;
  object_class->get_property = sam_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_history_init (SamHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

SamHistory *
sam_history_new (void)
{
  return g_object_new (SAM_TYPE_HISTORY, NULL);
}

gboolean
sam_history_get_can_undo (SamHistory *self)
{
  g_return_val_if_fail (SAM_IS_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

gboolean
sam_history_get_can_redo (SamHistory *self)
{
  g_return_val_if_fail (SAM_IS_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

const char *
sam_history_get_undo_label (SamHistory *self)
{
  SamHistoryStep *step;

  g_return_val_if_fail (SAM_IS_HISTORY (self), NULL);

  step = g_queue_peek_head (&self->undo);
  return step != NULL ? step->label : NULL;
}

const char *
sam_history_get_redo_label (SamHistory *self)
{
  SamHistoryStep *step;

  g_return_val_if_fail (SAM_IS_HISTORY (self), NULL);

  step = g_queue_peek_head (&self->redo);
  return step != NULL ? step->label : NULL;
}

guint
sam_history_get_n_steps (SamHistory *self)
{
  g_return_val_if_fail (SAM_IS_HISTORY (self), 0);

  return self->undo.length;
}

void
sam_history_clear (SamHistory *self)
{
  g_return_if_fail (SAM_IS_HISTORY (self));

  self->base_serial = sam_history_get_state_serial (self);
  g_queue_clear_full (&self->undo, (GDestroyNotify) step_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);
  notify_all (self);
}

void
sam_history_push (SamHistory *self,
                  const char *label,
                  GPtrArray  *changes,
                  guint64     serial)
{
  SamHistoryStep *step;

  g_return_if_fail (SAM_IS_HISTORY (self));

  step = g_new0 (SamHistoryStep, 1);
  step->label = g_strdup (label);
  step->changes = changes;
  step->serial = serial;

  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);
  g_queue_push_head (&self->undo, step);
  while (self->undo.length > MAX_STEPS)
    {
      SamHistoryStep *oldest = g_queue_pop_tail (&self->undo);

      self->base_serial = oldest->serial;
      step_free (oldest);
    }

  notify_all (self);
}

SamHistoryStep *
sam_history_take_undo (SamHistory *self)
{
  SamHistoryStep *step;

  g_return_val_if_fail (SAM_IS_HISTORY (self), NULL);

  step = g_queue_pop_head (&self->undo);
  if (step != NULL)
    {
      g_queue_push_head (&self->redo, step);
      notify_all (self);
    }

  return step;
}

SamHistoryStep *
sam_history_take_redo (SamHistory *self)
{
  SamHistoryStep *step;

  g_return_val_if_fail (SAM_IS_HISTORY (self), NULL);

  step = g_queue_pop_head (&self->redo);
  if (step != NULL)
    {
      g_queue_push_head (&self->undo, step);
      notify_all (self);
    }

  return step;
}

guint64
sam_history_get_state_serial (SamHistory *self)
{
  SamHistoryStep *step;

  g_return_val_if_fail (SAM_IS_HISTORY (self), 0);

  step = g_queue_peek_head (&self->undo);
  return step != NULL ? step->serial : self->base_serial;
}
