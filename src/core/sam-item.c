/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sam-item.h"

typedef struct
{
  char        *id;
  GValue      *values;      /* [1..n_props] of the instance's class, lazily */
  GListStore **lists;       /* [n_lists], lazily */
  SamItem     *parent;      /* not owned: the parent owns us through a list */
  const char  *parent_list; /* interned */
  JsonObject  *extra;
} SamItemPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SamItem, sam_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The most derived class: instance_init runs with the parent's class
 * installed, so storage is set up on first use rather than there. */
static SamItemClass *
item_class (SamItem *self)
{
  return SAM_ITEM_GET_CLASS (self);
}

static void
ensure_storage (SamItem *self)
{
  SamItemPrivate *priv = sam_item_get_instance_private (self);
  SamItemClass *klass;

  if (G_LIKELY (priv->values != NULL))
    return;

  klass = item_class (self);
  priv->values = g_new0 (GValue, klass->n_props + 1);
  for (guint i = 1; i <= klass->n_props; i++)
    {
      GParamSpec *pspec = klass->props[i];

      g_value_init (&priv->values[i], pspec->value_type);
      g_param_value_set_default (pspec, &priv->values[i]);
    }

  priv->lists = g_new0 (GListStore *, MAX (klass->n_lists, 1));
  for (guint i = 0; i < klass->n_lists; i++)
    priv->lists[i] = g_list_store_new (klass->lists[i].item_type);
}

static void
sam_item_finalize (GObject *object)
{
  SamItem *self = SAM_ITEM (object);
  SamItemPrivate *priv = sam_item_get_instance_private (self);

  if (priv->values != NULL)
    {
      SamItemClass *klass = item_class (self);

      for (guint i = 1; i <= klass->n_props; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);

      for (guint i = 0; i < klass->n_lists; i++)
        {
          GListStore *list = priv->lists[i];
          guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

          /* Children must not keep a dangling parent pointer if someone
           * else (an undo step) still holds them. */
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(SamItem) child = g_list_model_get_item (G_LIST_MODEL (list), j);
              SamItemPrivate *cpriv = sam_item_get_instance_private (child);

              if (cpriv->parent == self)
                {
                  cpriv->parent = NULL;
                  cpriv->parent_list = NULL;
                }
            }
          g_object_unref (list);
        }
      g_free (priv->lists);
    }

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->extra, json_object_unref);

  G_OBJECT_CLASS (sam_item_parent_class)->finalize (object);
}

static void
sam_item_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SamItem *self = SAM_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, sam_item_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_item_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SamItem *self = SAM_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      sam_item_set_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_item_class_init (SamItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_item_finalize;
  object_class->get_property = sam_item_get_property;
  object_class->set_property = sam_item_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         SAM_ITEM_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_item_init (SamItem *self)
{
}

/* The subclasses' property storage: one GValue per declared property. */

static void
generic_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SamItem *self = SAM_ITEM (object);
  SamItemClass *owner = g_type_class_peek (pspec->owner_type);

  if (prop_id > owner->n_props)
    {
      if (owner->get_other_property != NULL)
        owner->get_other_property (object, prop_id, value, pspec);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_value_copy (sam_item_peek_value (self, pspec), value);
}

static void
generic_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SamItem *self = SAM_ITEM (object);
  SamItemPrivate *priv = sam_item_get_instance_private (self);
  SamItemClass *owner = g_type_class_peek (pspec->owner_type);

  if (prop_id > owner->n_props)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  ensure_storage (self);
  if (sam_value_equal (&priv->values[prop_id], value))
    return;

  g_value_copy (value, &priv->values[prop_id]);
  g_object_notify_by_pspec (object, pspec);
}

void
sam_item_class_install (SamItemClass          *klass,
                        const char            *json_name,
                        GParamSpec           **pspecs,
                        guint                  n_pspecs,
                        const SamItemListSpec *lists,
                        guint                  n_lists)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (SAM_IS_ITEM_CLASS (klass));
  g_return_if_fail (pspecs == NULL || pspecs[0] == NULL);

  object_class->get_property = generic_get_property;
  object_class->set_property = generic_set_property;

  klass->json_name = json_name;
  klass->lists = lists;
  klass->n_lists = n_lists;
  klass->n_props = n_pspecs > 0 ? n_pspecs - 1 : 0;
  klass->props = pspecs;

  if (n_pspecs > 1)
    g_object_class_install_properties (object_class, n_pspecs, pspecs);
}

SamItem *
sam_item_new (GType       type,
              const char *id)
{
  SamItem *self;

  g_return_val_if_fail (g_type_is_a (type, SAM_TYPE_ITEM), NULL);

  self = g_object_new (type, NULL);
  sam_item_set_id (self, id);
  ensure_storage (self);

  return self;
}

const char *
sam_item_get_id (SamItem *self)
{
  SamItemPrivate *priv = sam_item_get_instance_private (self);

  g_return_val_if_fail (SAM_IS_ITEM (self), NULL);

  return priv->id != NULL ? priv->id : "";
}

void
sam_item_set_id (SamItem    *self,
                 const char *id)
{
  SamItemPrivate *priv = sam_item_get_instance_private (self);

  g_return_if_fail (SAM_IS_ITEM (self));

  if (g_strcmp0 (priv->id, id) == 0)
    return;

  g_free (priv->id);
  priv->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sam_item_get_json_name (SamItem *self)
{
  g_return_val_if_fail (SAM_IS_ITEM (self), NULL);

  return item_class (self)->json_name;
}

const SamItemListSpec *
sam_item_find_list (SamItem    *self,
                    const char *name)
{
  SamItemClass *klass;

  g_return_val_if_fail (SAM_IS_ITEM (self), NULL);

  klass = item_class (self);
  for (guint i = 0; i < klass->n_lists; i++)
    if (g_str_equal (klass->lists[i].name, name))
      return &klass->lists[i];

  return NULL;
}

GListStore *
sam_item_get_list (SamItem    *self,
                   const char *name)
{
  SamItemPrivate *priv = sam_item_get_instance_private (self);
  const SamItemListSpec *spec;

  g_return_val_if_fail (SAM_IS_ITEM (self), NULL);

  spec = sam_item_find_list (self, name);
  if (spec == NULL)
    return NULL;

  ensure_storage (self);
  return priv->lists[spec - item_class (self)->lists];
}

SamItem *
sam_item_get_parent (SamItem *self)
{
  SamItemPrivate *priv = sam_item_get_instance_private (self);

  g_return_val_if_fail (SAM_IS_ITEM (self), NULL);

  return priv->parent;
}

const char *
sam_item_get_parent_list (SamItem *self)
{
  SamItemPrivate *priv = sam_item_get_instance_private (self);

  g_return_val_if_fail (SAM_IS_ITEM (self), NULL);

  return priv->parent_list;
}

void
sam_item_set_parent (SamItem    *self,
                     SamItem    *parent,
                     const char *list_name)
{
  SamItemPrivate *priv = sam_item_get_instance_private (self);

  g_return_if_fail (SAM_IS_ITEM (self));
  g_return_if_fail (parent == NULL || SAM_IS_ITEM (parent));

  priv->parent = parent;
  priv->parent_list = parent != NULL ? g_intern_string (list_name) : NULL;
}

JsonObject *
sam_item_get_extra (SamItem *self)
{
  SamItemPrivate *priv = sam_item_get_instance_private (self);

  g_return_val_if_fail (SAM_IS_ITEM (self), NULL);

  return priv->extra;
}

void
sam_item_set_extra (SamItem    *self,
                    JsonObject *extra)
{
  SamItemPrivate *priv = sam_item_get_instance_private (self);

  g_return_if_fail (SAM_IS_ITEM (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&priv->extra, json_object_unref);
  priv->extra = extra;
}

GParamSpec **
sam_item_list_properties (SamItem *self,
                          guint   *n_props)
{
  SamItemClass *klass;

  g_return_val_if_fail (SAM_IS_ITEM (self), NULL);

  klass = item_class (self);
  if (n_props != NULL)
    *n_props = klass->n_props;

  return klass->n_props > 0 ? klass->props + 1 : NULL;
}

const GValue *
sam_item_peek_value (SamItem    *self,
                     GParamSpec *pspec)
{
  SamItemPrivate *priv = sam_item_get_instance_private (self);
  SamItemClass *owner;

  g_return_val_if_fail (SAM_IS_ITEM (self), NULL);
  g_return_val_if_fail (pspec != NULL, NULL);

  owner = g_type_class_peek (pspec->owner_type);
  g_return_val_if_fail (SAM_IS_ITEM_CLASS (owner), NULL);
  g_return_val_if_fail (pspec->param_id >= 1 && pspec->param_id <= owner->n_props, NULL);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, pspec->owner_type), NULL);

  ensure_storage (self);
  return &priv->values[pspec->param_id];
}

static const GValue *
peek_by_name (SamItem    *self,
              const char *prop)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), prop);

  if (pspec == NULL || pspec->owner_type == SAM_TYPE_ITEM)
    {
      g_critical ("%s has no document property “%s”", G_OBJECT_TYPE_NAME (self), prop);
      return NULL;
    }

  return sam_item_peek_value (self, pspec);
}

const char *
sam_item_get_string (SamItem    *self,
                     const char *prop)
{
  const GValue *value = peek_by_name (self, prop);

  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_STRING (value), NULL);

  return g_value_get_string (value) != NULL ? g_value_get_string (value) : "";
}

gint64
sam_item_get_int64 (SamItem    *self,
                    const char *prop)
{
  const GValue *value = peek_by_name (self, prop);

  g_return_val_if_fail (value != NULL, 0);

  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value);
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value);
  if (G_VALUE_HOLDS_UINT (value))
    return g_value_get_uint (value);

  g_return_val_if_reached (0);
}

int
sam_item_get_int (SamItem    *self,
                  const char *prop)
{
  const GValue *value = peek_by_name (self, prop);

  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_INT (value), 0);

  return g_value_get_int (value);
}

double
sam_item_get_double (SamItem    *self,
                     const char *prop)
{
  const GValue *value = peek_by_name (self, prop);

  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_DOUBLE (value), 0.0);

  return g_value_get_double (value);
}

gboolean
sam_item_get_boolean (SamItem    *self,
                      const char *prop)
{
  const GValue *value = peek_by_name (self, prop);

  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_BOOLEAN (value), FALSE);

  return g_value_get_boolean (value);
}

int
sam_item_get_enum (SamItem    *self,
                   const char *prop)
{
  const GValue *value = peek_by_name (self, prop);

  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_ENUM (value), 0);

  return g_value_get_enum (value);
}

const char * const *
sam_item_get_strv (SamItem    *self,
                   const char *prop)
{
  static const char * const empty[] = { NULL };
  const GValue *value = peek_by_name (self, prop);
  const char * const *strv;

  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS (value, G_TYPE_STRV), empty);

  strv = g_value_get_boxed (value);
  return strv != NULL ? strv : empty;
}

GVariant *
sam_item_get_variant (SamItem    *self,
                      const char *prop)
{
  const GValue *value = peek_by_name (self, prop);

  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_VARIANT (value), NULL);

  return g_value_get_variant (value);
}

GBytes *
sam_item_get_bytes (SamItem    *self,
                    const char *prop)
{
  const GValue *value = peek_by_name (self, prop);

  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS (value, G_TYPE_BYTES), NULL);

  return g_value_get_boxed (value);
}

static gboolean
strv_empty (const char * const *strv)
{
  return strv == NULL || strv[0] == NULL;
}

gboolean
sam_value_equal (const GValue *a,
                 const GValue *b)
{
  GType type;

  g_return_val_if_fail (G_IS_VALUE (a) && G_IS_VALUE (b), FALSE);

  type = G_VALUE_TYPE (a);
  if (type != G_VALUE_TYPE (b))
    return FALSE;

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;

  if (type == G_TYPE_STRV)
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      if (strv_empty (sa) || strv_empty (sb))
        return strv_empty (sa) && strv_empty (sb);
      return g_strv_equal (sa, sb);
    }

  if (type == G_TYPE_VARIANT)
    {
      GVariant *va = g_value_get_variant (a);
      GVariant *vb = g_value_get_variant (b);

      if (va == NULL || vb == NULL)
        return (va == NULL || g_variant_n_children (va) == 0) &&
               (vb == NULL || g_variant_n_children (vb) == 0);
      return g_variant_equal (va, vb);
    }

  if (type == G_TYPE_BYTES)
    {
      GBytes *ba = g_value_get_boxed (a);
      GBytes *bb = g_value_get_boxed (b);

      if (ba == NULL || bb == NULL)
        return (ba == NULL || g_bytes_get_size (ba) == 0) &&
               (bb == NULL || g_bytes_get_size (bb) == 0);
      return g_bytes_equal (ba, bb);
    }

  if (type == G_TYPE_BOOLEAN)
    return !g_value_get_boolean (a) == !g_value_get_boolean (b);
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (type == G_TYPE_UINT)
    return g_value_get_uint (a) == g_value_get_uint (b);
  if (type == G_TYPE_INT64)
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (type == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);
  if (G_TYPE_IS_ENUM (type))
    return g_value_get_enum (a) == g_value_get_enum (b);

  g_return_val_if_reached (FALSE);
}

SamItem *
sam_item_copy (SamItem *self)
{
  SamItemPrivate *priv = sam_item_get_instance_private (self);
  SamItemPrivate *cpriv;
  SamItemClass *klass;
  SamItem *copy;

  g_return_val_if_fail (SAM_IS_ITEM (self), NULL);

  ensure_storage (self);
  klass = item_class (self);
  copy = sam_item_new (G_OBJECT_TYPE (self), priv->id);
  cpriv = sam_item_get_instance_private (copy);

  for (guint i = 1; i <= klass->n_props; i++)
    g_value_copy (&priv->values[i], &cpriv->values[i]);

  if (priv->extra != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonNode) node_copy = NULL;

      json_node_set_object (node, priv->extra);
      node_copy = json_node_copy (node);
      cpriv->extra = json_object_ref (json_node_get_object (node_copy));
    }

  for (guint i = 0; i < klass->n_lists; i++)
    {
      GListModel *list = G_LIST_MODEL (priv->lists[i]);
      guint n = g_list_model_get_n_items (list);
      g_autoptr(GPtrArray) children = g_ptr_array_new_full (n, g_object_unref);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(SamItem) child = g_list_model_get_item (list, j);
          SamItem *child_copy = sam_item_copy (child);

          sam_item_set_parent (child_copy, copy, klass->lists[i].name);
          g_ptr_array_add (children, child_copy);
        }
      g_list_store_splice (cpriv->lists[i], 0, 0, children->pdata, children->len);
    }

  return copy;
}

static gboolean
extra_equal (JsonObject *a,
             JsonObject *b)
{
  g_autoptr(JsonNode) na = NULL;
  g_autoptr(JsonNode) nb = NULL;

  if (a == NULL || b == NULL)
    return (a == NULL || json_object_get_size (a) == 0) &&
           (b == NULL || json_object_get_size (b) == 0);

  na = json_node_init_object (json_node_alloc (), a);
  nb = json_node_init_object (json_node_alloc (), b);
  return json_node_equal (na, nb);
}

gboolean
sam_item_equal (SamItem *a,
                SamItem *b)
{
  SamItemPrivate *pa = sam_item_get_instance_private (a);
  SamItemPrivate *pb = sam_item_get_instance_private (b);
  SamItemClass *klass;

  g_return_val_if_fail (SAM_IS_ITEM (a) && SAM_IS_ITEM (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  if (g_strcmp0 (pa->id, pb->id) != 0)
    return FALSE;

  ensure_storage (a);
  ensure_storage (b);
  klass = item_class (a);

  for (guint i = 1; i <= klass->n_props; i++)
    if (!sam_value_equal (&pa->values[i], &pb->values[i]))
      return FALSE;

  if (!extra_equal (pa->extra, pb->extra))
    return FALSE;

  for (guint i = 0; i < klass->n_lists; i++)
    {
      GListModel *la = G_LIST_MODEL (pa->lists[i]);
      GListModel *lb = G_LIST_MODEL (pb->lists[i]);
      guint n = g_list_model_get_n_items (la);

      if (n != g_list_model_get_n_items (lb))
        return FALSE;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(SamItem) ca = g_list_model_get_item (la, j);
          g_autoptr(SamItem) cb = g_list_model_get_item (lb, j);

          if (!sam_item_equal (ca, cb))
            return FALSE;
        }
    }

  return TRUE;
}

void
sam_item_foreach (SamItem  *self,
                  void    (*func) (SamItem *item, gpointer user_data),
                  gpointer  user_data)
{
  SamItemPrivate *priv = sam_item_get_instance_private (self);
  SamItemClass *klass;

  g_return_if_fail (SAM_IS_ITEM (self));

  func (self, user_data);

  ensure_storage (self);
  klass = item_class (self);
  for (guint i = 0; i < klass->n_lists; i++)
    {
      GListModel *list = G_LIST_MODEL (priv->lists[i]);
      guint n = g_list_model_get_n_items (list);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(SamItem) child = g_list_model_get_item (list, j);

          sam_item_foreach (child, func, user_data);
        }
    }
}
