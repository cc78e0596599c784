/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "sam-history-private.h"
#include "sam-json.h"
#include "sam-session.h"

struct _SamSession
{
  SamItem     parent_instance;

  SamHistory *history;
  GHashTable *index;          /* id → SamItem (borrowed; the tree owns them) */

  /* The edit being recorded (between the outermost begin and end). */
  guint       depth;
  char       *label;
  GPtrArray  *changes;        /* SamChange */
  GPtrArray  *ops;            /* char *, journal operations */

  guint64     last_serial;
  guint64     saved_serial;
  gboolean    forced_dirty;   /* changed outside the history (recovery) */
  gboolean    fact;           /* the open edit is a fact, not an undo step */
  gboolean    dirty;
};

G_DEFINE_FINAL_TYPE (SamSession, sam_session, SAM_TYPE_ITEM)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DATE,
  PROP_PLACE,
  PROP_MODE,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_PURPOSE,
  PROP_GOAL,
  PROP_LANGUAGE,
  PROP_MAP_IMAGE,
  PROP_MAP_IMAGE_TYPE,
  PROP_CREATED,
  PROP_WARNING_TIME,
  N_DOC_PROPS,
  PROP_DIRTY = N_DOC_PROPS,
  N_PROPS
};

enum {
  COMMITTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GQuark ref_type_quark;

GType
sam_param_get_ref_type (GParamSpec *pspec)
{
  gpointer type = g_param_spec_get_qdata (pspec, ref_type_quark);

  return type != NULL ? GPOINTER_TO_SIZE (type) : SAM_TYPE_ITEM;
}

void
sam_param_set_ref_type (GParamSpec *pspec,
                        GType       type)
{
  if (ref_type_quark == 0)
    ref_type_quark = g_quark_from_static_string ("sam-ref-type");

  g_param_spec_set_qdata (pspec, ref_type_quark, GSIZE_TO_POINTER (type));
}

char *
sam_new_id (void)
{
  return g_uuid_string_random ();
}

static void
sam_session_get_other_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SamSession *self = SAM_SESSION (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_session_finalize (GObject *object)
{
  SamSession *self = SAM_SESSION (object);

  g_clear_object (&self->history);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->ops, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_session_parent_class)->finalize (object);
}

static void
sam_session_class_init (SamSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SamItemClass *item_class = SAM_ITEM_CLASS (klass);
  static SamItemListSpec lists[8];
  const guint F = SAM_ITEM_PARAM_FLAGS;

  object_class->finalize = sam_session_finalize;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", F | SAM_PARAM_REQUIRED);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, "", F | SAM_PARAM_DATE);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, "", F);
  properties[PROP_MODE] = g_param_spec_enum ("mode", NULL, NULL, SAM_TYPE_SESSION_MODE,
                                             SAM_SESSION_MODE_PHYSICAL, F);
  properties[PROP_START_TIME] = g_param_spec_string ("start-time", NULL, NULL, "09:00", F | SAM_PARAM_CLOCK);
  properties[PROP_END_TIME] = g_param_spec_string ("end-time", NULL, NULL, "12:00", F | SAM_PARAM_CLOCK);
  properties[PROP_PURPOSE] = g_param_spec_string ("purpose", NULL, NULL, "", F);
  properties[PROP_GOAL] = g_param_spec_string ("goal", NULL, NULL, "", F);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, "sv", F);
  properties[PROP_MAP_IMAGE] = g_param_spec_boxed ("map-image", NULL, NULL, G_TYPE_BYTES, F);
  properties[PROP_MAP_IMAGE_TYPE] = g_param_spec_string ("map-image-type", NULL, NULL, "", F);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0,
                                                 F | SAM_PARAM_TIMESTAMP);
  /* Seconds before the end of an agenda item at which its countdown warns. */
  properties[PROP_WARNING_TIME] = g_param_spec_int ("warning-time", NULL, NULL, 0, 60 * 60, 60, F);

  lists[0] = (SamItemListSpec) { "agenda", SAM_TYPE_AGENDA_ITEM };
  lists[1] = (SamItemListSpec) { "perspectives", SAM_TYPE_PERSPECTIVE };
  lists[2] = (SamItemListSpec) { "participants", SAM_TYPE_PARTICIPANT };
  lists[3] = (SamItemListSpec) { "balloons", SAM_TYPE_BALLOON };
  lists[4] = (SamItemListSpec) { "prompts", SAM_TYPE_PROMPT };
  lists[5] = (SamItemListSpec) { "group-rounds", SAM_TYPE_GROUP_ROUND };
  lists[6] = (SamItemListSpec) { "voices", SAM_TYPE_VOICE };
  lists[7] = (SamItemListSpec) { "walls", SAM_TYPE_WALL };

  sam_item_class_install (item_class, "session", properties, N_DOC_PROPS,
                          lists, G_N_ELEMENTS (lists));

  item_class->get_other_property = sam_session_get_other_property;
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_DIRTY, properties[PROP_DIRTY]);

  /**
   * SamSession::committed:
   * @ops: (array zero-terminated=1): the journal operations of the edit
   *
   * Emitted after each whole edit, undo or redo.
   */
  signals[COMMITTED] =
    g_signal_new ("committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
sam_session_init (SamSession *self)
{
  self->history = sam_history_new ();
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
update_dirty (SamSession *self)
{
  gboolean dirty = self->forced_dirty ||
                   sam_history_get_state_serial (self->history) != self->saved_serial;

  if (dirty == self->dirty)
    return;

  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

SamSession *
sam_session_new_empty (void)
{
  g_autofree char *id = NULL;
  SamSession *self;

  sam_entities_init ();

  id = sam_new_id ();
  self = SAM_SESSION (sam_item_new (SAM_TYPE_SESSION, id));

  g_hash_table_insert (self->index, (char *) sam_item_get_id (SAM_ITEM (self)), self);

  return self;
}

static const char *
locale_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], "sv"))
      return "sv";
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_islower (names[i][0]) && g_ascii_islower (names[i][1]) &&
        (names[i][2] == '\0' || names[i][2] == '_' || names[i][2] == '.'))
      {
        char language[3] = { names[i][0], names[i][1], '\0' };

        return g_intern_string (language);
      }

  return "en";
}

SamSession *
sam_session_new (void)
{
  /* The perspectives of a cross-sector samling, in colours that colour-blind
   * viewers can tell apart (Okabe–Ito). */
  static const struct { const char *name; const char *symbol; const char *color; } defaults[] = {
    /* Translators: each perspective has one or two letters on its balloons,
     * so that they are told apart without colour. The seven must differ. */
    { N_("Region"), NC_("perspective symbol", "R"), "#0072B2" },
    { N_("Municipality"), NC_("perspective symbol", "M"), "#E69F00" },
    { N_("School"), NC_("perspective symbol", "S"), "#009E73" },
    { N_("Civil society"), NC_("perspective symbol", "C"), "#CC79A7" },
    { N_("Business"), NC_("perspective symbol", "B"), "#D55E00" },
    { N_("Research/academia"), NC_("perspective symbol", "A"), "#56B4E9" },
    { N_("Other"), NC_("perspective symbol", "O"), "#999999" },
  };
  SamSession *self = sam_session_new_empty ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  GListStore *perspectives = sam_session_get_perspectives (self);

  /* Defaults are the starting point, not edits: set them directly. */
  g_object_set (self,
                "title", _("Untitled Session"),
                "date", date,
                "language", locale_language (),
                "created", g_get_real_time (),
                NULL);

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autofree char *id = sam_new_id ();
      g_autoptr(SamItem) p = sam_item_new (SAM_TYPE_PERSPECTIVE, id);

      g_object_set (p,
                    "name", _(defaults[i].name),
                    "symbol", g_dpgettext2 (NULL, "perspective symbol", defaults[i].symbol),
                    "color", defaults[i].color,
                    NULL);
      sam_item_set_parent (p, SAM_ITEM (self), "perspectives");
      g_list_store_append (perspectives, p);
      g_hash_table_insert (self->index, (char *) sam_item_get_id (p), p);
    }

  return self;
}

SamHistory *
sam_session_get_history (SamSession *self)
{
  g_return_val_if_fail (SAM_IS_SESSION (self), NULL);

  return self->history;
}

SamItem *
sam_session_lookup (SamSession *self,
                    const char *id)
{
  g_return_val_if_fail (SAM_IS_SESSION (self), NULL);

  if (id == NULL || id[0] == '\0')
    return NULL;

  return g_hash_table_lookup (self->index, id);
}

#define LIST_GETTER(name, list)                               \
  GListStore *                                                \
  sam_session_get_##name (SamSession *self)                   \
  {                                                           \
    g_return_val_if_fail (SAM_IS_SESSION (self), NULL);       \
    return sam_item_get_list (SAM_ITEM (self), list);         \
  }

LIST_GETTER (agenda, "agenda")
LIST_GETTER (perspectives, "perspectives")
LIST_GETTER (participants, "participants")
LIST_GETTER (balloons, "balloons")
LIST_GETTER (prompts, "prompts")
LIST_GETTER (group_rounds, "group-rounds")
LIST_GETTER (voices, "voices")
LIST_GETTER (walls, "walls")

const char *
sam_session_get_title (SamSession *self)
{
  g_return_val_if_fail (SAM_IS_SESSION (self), NULL);

  return sam_item_get_string (SAM_ITEM (self), "title");
}

/* The id index */

static void
index_add_cb (SamItem  *item,
              gpointer  user_data)
{
  SamSession *self = user_data;

  g_hash_table_insert (self->index, (char *) sam_item_get_id (item), item);
}

static void
index_remove_cb (SamItem  *item,
                 gpointer  user_data)
{
  SamSession *self = user_data;

  if (g_hash_table_lookup (self->index, sam_item_get_id (item)) == item)
    g_hash_table_remove (self->index, sam_item_get_id (item));
}

typedef struct
{
  SamSession *self;
  GHashTable *seen;    /* ids given so far in the subtree (borrowed) */
} AssignIds;

/* Gives @item and its children ids that are set and unique here: not in the
 * session, and not repeated within the subtree (a pasted copy can repeat). */
static void
assign_ids_cb (SamItem  *item,
               gpointer  user_data)
{
  AssignIds *data = user_data;
  const char *id = sam_item_get_id (item);
  SamItem *other = g_hash_table_lookup (data->self->index, id);

  if (id[0] == '\0' || (other != NULL && other != item) ||
      g_hash_table_contains (data->seen, id))
    {
      g_autofree char *new_id = sam_new_id ();

      sam_item_set_id (item, new_id);
    }

  g_hash_table_add (data->seen, (char *) sam_item_get_id (item));
}

typedef struct
{
  GHashTable *items;   /* id → SamItem (borrowed) */
  const char *repeated;
} CollectItems;

/* Maps the ids of a subtree to its items, noting the first id repeated. */
static void
collect_items_cb (SamItem  *item,
                  gpointer  user_data)
{
  CollectItems *data = user_data;
  const char *id = sam_item_get_id (item);

  if (g_hash_table_contains (data->items, id))
    {
      if (data->repeated == NULL)
        data->repeated = id;
      return;
    }

  g_hash_table_insert (data->items, (char *) id, item);
}

/* Applying primitive changes, with their journal operations */

static SamItem *
parent_or_self (SamSession *self,
                SamItem    *parent)
{
  return parent != NULL ? parent : SAM_ITEM (self);
}

static char *
op_to_string (JsonObject *op)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), op);

  return json_to_string (node, FALSE);
}

static char *
set_op (SamItem      *item,
        GParamSpec   *pspec,
        const GValue *value)
{
  g_autoptr(JsonObject) op = json_object_new ();
  g_autofree char *member = sam_json_member_name (pspec->name);

  json_object_set_string_member (op, "op", "set");
  json_object_set_string_member (op, "id", sam_item_get_id (item));
  json_object_set_string_member (op, "member", member);
  json_object_set_member (op, "value", sam_json_value_to_node (pspec, value));

  return op_to_string (op);
}

static void
do_set (SamItem      *item,
        GParamSpec   *pspec,
        const GValue *value)
{
  g_object_set_property (G_OBJECT (item), pspec->name, value);
}

static char *
do_insert (SamSession *self,
           SamItem    *parent,
           const char *list,
           guint       index,
           SamItem    *item)
{
  g_autoptr(JsonObject) op = json_object_new ();
  g_autofree char *member = sam_json_member_name (list);
  SamItem *owner = parent_or_self (self, parent);
  GListStore *store = sam_item_get_list (owner, list);

  g_assert (store != NULL);
  index = MIN (index, g_list_model_get_n_items (G_LIST_MODEL (store)));

  sam_item_set_parent (item, owner, list);
  sam_item_foreach (item, index_add_cb, self);
  g_list_store_insert (store, index, item);

  json_object_set_string_member (op, "op", "insert");
  json_object_set_string_member (op, "parent", sam_item_get_id (owner));
  json_object_set_string_member (op, "list", member);
  json_object_set_int_member (op, "index", index);
  json_object_set_member (op, "item", sam_json_item_to_node (item));

  return op_to_string (op);
}

static guint
find_index (GListStore *store,
            SamItem    *item,
            guint       hint)
{
  guint position;

  if (hint < g_list_model_get_n_items (G_LIST_MODEL (store)))
    {
      g_autoptr(SamItem) at = g_list_model_get_item (G_LIST_MODEL (store), hint);

      if (at == item)
        return hint;
    }

  if (g_list_store_find (store, item, &position))
    return position;

  g_assert_not_reached ();
}

static char *
do_remove (SamSession *self,
           SamItem    *parent,
           const char *list,
           guint       index,
           SamItem    *item)
{
  g_autoptr(JsonObject) op = json_object_new ();
  g_autofree char *member = sam_json_member_name (list);
  G_GNUC_UNUSED g_autoptr(SamItem) keep = g_object_ref (item);
  SamItem *owner = parent_or_self (self, parent);
  GListStore *store = sam_item_get_list (owner, list);

  index = find_index (store, item, index);
  g_list_store_remove (store, index);
  sam_item_foreach (item, index_remove_cb, self);
  sam_item_set_parent (item, NULL, NULL);

  json_object_set_string_member (op, "op", "remove");
  json_object_set_string_member (op, "parent", sam_item_get_id (owner));
  json_object_set_string_member (op, "list", member);
  json_object_set_int_member (op, "index", index);
  json_object_set_string_member (op, "id", sam_item_get_id (item));

  return op_to_string (op);
}

static char *
do_move (SamSession *self,
         SamItem    *from_parent,
         guint       from_index,
         SamItem    *to_parent,
         guint       to_index,
         const char *list,
         SamItem    *item)
{
  g_autoptr(JsonObject) op = json_object_new ();
  g_autofree char *member = sam_json_member_name (list);
  G_GNUC_UNUSED g_autoptr(SamItem) keep = g_object_ref (item);
  SamItem *from = parent_or_self (self, from_parent);
  SamItem *to = parent_or_self (self, to_parent);
  GListStore *from_store = sam_item_get_list (from, list);
  GListStore *to_store = sam_item_get_list (to, list);

  from_index = find_index (from_store, item, from_index);
  g_list_store_remove (from_store, from_index);
  to_index = MIN (to_index, g_list_model_get_n_items (G_LIST_MODEL (to_store)));
  sam_item_set_parent (item, to, list);
  g_list_store_insert (to_store, to_index, item);

  json_object_set_string_member (op, "op", "move");
  json_object_set_string_member (op, "id", sam_item_get_id (item));
  json_object_set_string_member (op, "parent", sam_item_get_id (to));
  json_object_set_string_member (op, "list", member);
  json_object_set_int_member (op, "index", to_index);

  return op_to_string (op);
}

static char *
apply_change (SamSession *self,
              SamChange  *change,
              gboolean    forward)
{
  switch (change->kind)
    {
    case SAM_CHANGE_SET:
      {
        const GValue *value = forward ? &change->new_value : &change->old_value;

        SamItem *item = parent_or_self (self, change->item);

        do_set (item, change->pspec, value);
        return set_op (item, change->pspec, value);
      }

    case SAM_CHANGE_INSERT:
      if (forward)
        return do_insert (self, change->parent, change->list, change->index, change->item);
      return do_remove (self, change->parent, change->list, change->index, change->item);

    case SAM_CHANGE_REMOVE:
      if (forward)
        return do_remove (self, change->parent, change->list, change->index, change->item);
      return do_insert (self, change->parent, change->list, change->index, change->item);

    case SAM_CHANGE_MOVE:
      if (forward)
        return do_move (self, change->old_parent, change->old_index,
                        change->parent, change->index, change->list, change->item);
      return do_move (self, change->parent, change->index,
                      change->old_parent, change->old_index, change->list, change->item);

    default:
      g_assert_not_reached ();
    }
}

static void
emit_committed (SamSession *self,
                GPtrArray  *ops)
{
  g_ptr_array_add (ops, NULL);
  g_signal_emit (self, signals[COMMITTED], 0, (const char * const *) ops->pdata);
}

/* Defined with the whole-document checks below. */
static gboolean check_value_refs   (SamSession    *self,
                                    GHashTable    *subtree,
                                    GParamSpec    *pspec,
                                    const GValue  *value,
                                    const char    *path,
                                    GError       **error);
static gboolean check_subtree_refs (SamSession    *self,
                                    SamItem       *item,
                                    GHashTable    *subtree,
                                    GError       **error);

/* Recording edits */

void
sam_session_begin (SamSession *self,
                   const char *label)
{
  g_return_if_fail (SAM_IS_SESSION (self));

  if (self->depth++ == 0)
    {
      g_assert (self->changes == NULL);
      self->label = g_strdup (label);
      self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_change_free);
      self->ops = g_ptr_array_new_with_free_func (g_free);
    }
  else if (self->label == NULL && label != NULL)
    {
      self->label = g_strdup (label);
    }
}

void
sam_session_end (SamSession *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (SAM_IS_SESSION (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  changes = g_steal_pointer (&self->changes);
  ops = g_steal_pointer (&self->ops);
  label = g_steal_pointer (&self->label);

  if (self->fact)
    {
      /* A fact is journaled and saved, but not in the undo history. */
      self->fact = FALSE;
      if (changes->len == 0)
        return;
      self->forced_dirty = TRUE;
      update_dirty (self);
      emit_committed (self, ops);
      return;
    }

  if (changes->len == 0)
    return;

  sam_history_push (self->history, label, g_steal_pointer (&changes), ++self->last_serial);
  update_dirty (self);
  emit_committed (self, ops);
}

void
sam_session_begin_fact (SamSession *self)
{
  g_return_if_fail (SAM_IS_SESSION (self));
  g_return_if_fail (self->depth == 0);

  sam_session_begin (self, NULL);
  self->fact = TRUE;
}

static void
record (SamSession *self,
        SamChange  *change)
{
  g_assert (self->depth > 0);

  g_ptr_array_add (self->ops, apply_change (self, change, TRUE));
  g_ptr_array_add (self->changes, change);
}

static gboolean
is_in_session (SamSession *self,
               SamItem    *item)
{
  return item == SAM_ITEM (self) ||
         g_hash_table_lookup (self->index, sam_item_get_id (item)) == item;
}

void
sam_session_set_value (SamSession   *self,
                       SamItem      *item,
                       const char   *property,
                       const GValue *value)
{
  GParamSpec *pspec;
  SamChange *change;

  g_return_if_fail (SAM_IS_SESSION (self));
  g_return_if_fail (SAM_IS_ITEM (item));
  g_return_if_fail (is_in_session (self, item));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_return_if_fail (pspec != NULL && pspec->owner_type != SAM_TYPE_ITEM);
  g_return_if_fail (G_VALUE_HOLDS (value, pspec->value_type));

  if (sam_value_equal (sam_item_peek_value (item, pspec), value))
    return;

  /* A reference must name an item of the right kind in this session, or
   * the saved file would not load. */
  if (pspec->flags & SAM_PARAM_REF)
    {
      g_autoptr(GError) error = NULL;

      if (!check_value_refs (self, NULL, pspec, value, sam_item_get_json_name (item), &error))
        {
          g_critical ("%s: %s", G_STRFUNC, error->message);
          return;
        }
    }

  change = sam_change_new (SAM_CHANGE_SET, item != SAM_ITEM (self) ? item : NULL);
  change->pspec = pspec;
  g_value_init (&change->old_value, pspec->value_type);
  g_value_copy (sam_item_peek_value (item, pspec), &change->old_value);
  g_value_init (&change->new_value, pspec->value_type);
  g_value_copy (value, &change->new_value);
  /* Values outside the declared range never enter the document. */
  if (g_param_value_validate (pspec, &change->new_value) &&
      sam_value_equal (&change->old_value, &change->new_value))
    {
      sam_change_free (change);
      return;
    }

  sam_session_begin (self, NULL);
  record (self, change);
  sam_session_end (self);
}

void
sam_session_set (SamSession *self,
                 gpointer    item,
                 const char *first_property,
                 ...)
{
  va_list args;

  g_return_if_fail (SAM_IS_SESSION (self));
  g_return_if_fail (SAM_IS_ITEM (item));

  sam_session_begin (self, NULL);

  va_start (args, first_property);
  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), name);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s: %s has no property “%s”", G_STRFUNC, G_OBJECT_TYPE_NAME (item), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s: %s", G_STRFUNC, error);
          break;
        }

      sam_session_set_value (self, item, name, &value);
    }
  va_end (args);

  sam_session_end (self);
}

void
sam_session_insert (SamSession *self,
                    gpointer    parent,
                    const char *list,
                    guint       position,
                    gpointer    item)
{
  const SamItemListSpec *spec;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) error = NULL;
  AssignIds assign;
  CollectItems collect;
  GListStore *store;
  SamChange *change;

  g_return_if_fail (SAM_IS_SESSION (self));
  g_return_if_fail (SAM_IS_ITEM (parent));
  g_return_if_fail (SAM_IS_ITEM (item));
  g_return_if_fail (is_in_session (self, parent));
  g_return_if_fail (sam_item_get_parent (item) == NULL);

  spec = sam_item_find_list (parent, list);
  g_return_if_fail (spec != NULL);
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, spec->item_type));

  store = sam_item_get_list (parent, list);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  assign.self = self;
  assign.seen = ids;
  sam_item_foreach (item, assign_ids_cb, &assign);

  /* References out of the subtree must name items of the session; those
   * within it, items of the subtree. */
  g_hash_table_remove_all (ids);
  collect.items = ids;
  collect.repeated = NULL;
  sam_item_foreach (item, collect_items_cb, &collect);
  g_assert (collect.repeated == NULL);
  if (!check_subtree_refs (self, item, ids, &error))
    {
      g_critical ("%s: %s", G_STRFUNC, error->message);
      return;
    }

  change = sam_change_new (SAM_CHANGE_INSERT, item);
  if (parent != (gpointer) self)
    change->parent = g_object_ref (parent);
  change->list = g_intern_string (spec->name);
  change->index = position;

  sam_session_begin (self, NULL);
  record (self, change);
  sam_session_end (self);
}

/* Clearing references to removed items */

typedef struct
{
  SamSession *self;
  GHashTable *removed;   /* ids */
} ClearRefs;

static void
collect_ids_cb (SamItem  *item,
                gpointer  user_data)
{
  g_hash_table_add (user_data, (char *) sam_item_get_id (item));
}

static GVariant *
filter_groups (GVariant   *groups,
               GHashTable *removed,
               gboolean   *changed)
{
  GVariantBuilder builder;
  GVariantIter outer;
  GVariant *group;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aas"));
  g_variant_iter_init (&outer, groups);
  while ((group = g_variant_iter_next_value (&outer)) != NULL)
    {
      g_autofree const char **ids = g_variant_get_strv (group, NULL);
      GVariantBuilder members;

      g_variant_builder_init (&members, G_VARIANT_TYPE ("as"));
      for (guint i = 0; ids[i] != NULL; i++)
        {
          if (g_hash_table_contains (removed, ids[i]))
            *changed = TRUE;
          else
            g_variant_builder_add (&members, "s", ids[i]);
        }
      g_variant_builder_add_value (&builder, g_variant_builder_end (&members));
      g_variant_unref (group);
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
clear_refs_in (ClearRefs *data,
               SamItem   *item)
{
  guint n_props;
  GParamSpec **pspecs = sam_item_list_properties (item, &n_props);

  for (guint i = 0; i < n_props; i++)
    {
      GParamSpec *pspec = pspecs[i];
      const GValue *current;
      g_auto(GValue) value = G_VALUE_INIT;
      gboolean changed = FALSE;

      if (!(pspec->flags & SAM_PARAM_REF))
        continue;

      current = sam_item_peek_value (item, pspec);
      g_value_init (&value, pspec->value_type);

      if (pspec->value_type == G_TYPE_STRING)
        {
          const char *id = g_value_get_string (current);

          if (id != NULL && g_hash_table_contains (data->removed, id))
            {
              g_value_set_static_string (&value, "");
              changed = TRUE;
            }
        }
      else if (pspec->value_type == G_TYPE_STRV)
        {
          const char * const *ids = g_value_get_boxed (current);
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

          for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
            {
              if (g_hash_table_contains (data->removed, ids[j]))
                changed = TRUE;
              else
                g_strv_builder_add (builder, ids[j]);
            }
          g_value_take_boxed (&value, g_strv_builder_end (builder));
        }
      else if (pspec->value_type == G_TYPE_VARIANT)
        {
          GVariant *groups = g_value_get_variant (current);

          if (groups != NULL)
            g_value_take_variant (&value, filter_groups (groups, data->removed, &changed));
        }

      if (changed)
        sam_session_set_value (data->self, item, pspec->name, &value);
    }
}

void
sam_session_remove (SamSession *self,
                    gpointer    item)
{
  g_autoptr(GHashTable) removed = NULL;
  g_autoptr(GPtrArray) others = NULL;
  ClearRefs data;
  SamItem *parent;
  GListStore *store;
  SamChange *change;
  GHashTableIter iter;
  gpointer value;
  guint position;

  g_return_if_fail (SAM_IS_SESSION (self));
  g_return_if_fail (SAM_IS_ITEM (item));
  g_return_if_fail (item != (gpointer) self);
  g_return_if_fail (is_in_session (self, item));

  parent = sam_item_get_parent (item);
  store = sam_item_get_list (parent, sam_item_get_parent_list (item));
  if (!g_list_store_find (store, item, &position))
    g_return_if_reached ();

  removed = g_hash_table_new (g_str_hash, g_str_equal);
  sam_item_foreach (item, collect_ids_cb, removed);

  others = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->index);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!g_hash_table_contains (removed, sam_item_get_id (value)))
      g_ptr_array_add (others, value);

  sam_session_begin (self, NULL);

  data.self = self;
  data.removed = removed;
  for (guint i = 0; i < others->len; i++)
    clear_refs_in (&data, others->pdata[i]);

  change = sam_change_new (SAM_CHANGE_REMOVE, item);
  if (parent != SAM_ITEM (self))
    change->parent = g_object_ref (parent);
  change->list = sam_item_get_parent_list (item);
  change->index = position;
  record (self, change);

  sam_session_end (self);
}

void
sam_session_move (SamSession *self,
                  gpointer    item,
                  gpointer    new_parent,
                  guint       position)
{
  SamItem *old_parent;
  const char *list;
  GListStore *old_store;
  GListStore *new_store;
  SamChange *change;
  guint old_position;
  guint n;

  g_return_if_fail (SAM_IS_SESSION (self));
  g_return_if_fail (SAM_IS_ITEM (item));
  g_return_if_fail (SAM_IS_ITEM (new_parent));
  g_return_if_fail (is_in_session (self, item) && item != (gpointer) self);
  g_return_if_fail (is_in_session (self, new_parent));

  old_parent = sam_item_get_parent (item);
  list = sam_item_get_parent_list (item);
  old_store = sam_item_get_list (old_parent, list);
  new_store = sam_item_get_list (new_parent, list);
  g_return_if_fail (new_store != NULL);

  /* A parent cannot move into its own subtree. */
  for (SamItem *p = new_parent; p != NULL; p = sam_item_get_parent (p))
    g_return_if_fail (p != (SamItem *) item);

  if (!g_list_store_find (old_store, item, &old_position))
    g_return_if_reached ();

  n = g_list_model_get_n_items (G_LIST_MODEL (new_store));
  if (old_store == new_store)
    n--;
  position = MIN (position, n);

  if (old_store == new_store && old_position == position)
    return;

  change = sam_change_new (SAM_CHANGE_MOVE, item);
  if (old_parent != SAM_ITEM (self))
    change->old_parent = g_object_ref (old_parent);
  change->old_index = old_position;
  if (new_parent != (gpointer) self)
    change->parent = g_object_ref (new_parent);
  change->index = position;
  change->list = list;

  sam_session_begin (self, NULL);
  record (self, change);
  sam_session_end (self);
}

/* Undo and redo */

gboolean
sam_session_can_undo (SamSession *self)
{
  g_return_val_if_fail (SAM_IS_SESSION (self), FALSE);

  return self->depth == 0 && sam_history_get_can_undo (self->history);
}

gboolean
sam_session_can_redo (SamSession *self)
{
  g_return_val_if_fail (SAM_IS_SESSION (self), FALSE);

  return self->depth == 0 && sam_history_get_can_redo (self->history);
}

gboolean
sam_session_undo (SamSession *self)
{
  g_autoptr(GPtrArray) ops = NULL;
  SamHistoryStep *step;

  g_return_val_if_fail (SAM_IS_SESSION (self), FALSE);

  if (!sam_session_can_undo (self))
    return FALSE;

  step = sam_history_take_undo (self->history);
  ops = g_ptr_array_new_with_free_func (g_free);
  for (guint i = step->changes->len; i > 0; i--)
    g_ptr_array_add (ops, apply_change (self, step->changes->pdata[i - 1], FALSE));

  update_dirty (self);
  emit_committed (self, ops);

  return TRUE;
}

gboolean
sam_session_redo (SamSession *self)
{
  g_autoptr(GPtrArray) ops = NULL;
  SamHistoryStep *step;

  g_return_val_if_fail (SAM_IS_SESSION (self), FALSE);

  if (!sam_session_can_redo (self))
    return FALSE;

  step = sam_history_take_redo (self->history);
  ops = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < step->changes->len; i++)
    g_ptr_array_add (ops, apply_change (self, step->changes->pdata[i], TRUE));

  update_dirty (self);
  emit_committed (self, ops);

  return TRUE;
}

/* Saved state */

gboolean
sam_session_get_dirty (SamSession *self)
{
  g_return_val_if_fail (SAM_IS_SESSION (self), FALSE);

  return self->dirty;
}

void
sam_session_mark_saved (SamSession *self)
{
  g_return_if_fail (SAM_IS_SESSION (self));

  self->saved_serial = sam_history_get_state_serial (self->history);
  self->forced_dirty = FALSE;
  update_dirty (self);
}

void
sam_session_mark_dirty (SamSession *self)
{
  g_return_if_fail (SAM_IS_SESSION (self));

  self->forced_dirty = TRUE;
  update_dirty (self);
}

/* Replaying the journal */

static gboolean
op_error (GError    **error,
          const char *op_json,
          const char *reason)
{
  g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
               _("Cannot replay the change %.200s: %s"), op_json, reason);
  return FALSE;
}

static const char *
op_string (JsonObject *op,
           const char *member)
{
  JsonNode *node = json_object_get_member (op, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
op_index (JsonObject *op,
          guint      *index)
{
  JsonNode *node = json_object_get_member (op, "index");
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  value = json_node_get_int (node);
  if (value < 0 || value > G_MAXUINT)
    return FALSE;

  *index = (guint) value;
  return TRUE;
}

static char *
property_name (const char *member)
{
  char *name = g_strdup (member);

  g_strdelimit (name, "_", '-');
  return name;
}

gboolean
sam_session_apply_op (SamSession  *self,
                      const char  *op_json,
                      GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *op;
  const char *kind;

  g_return_val_if_fail (SAM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (op_json != NULL, FALSE);

  if (!sam_json_check_text (op_json, strlen (op_json), &local_error) ||
      !(root = json_from_string (op_json, &local_error)))
    return op_error (error, op_json, local_error != NULL ? local_error->message : _("empty"));
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return op_error (error, op_json, _("not an object"));

  op = json_node_get_object (root);
  kind = op_string (op, "op");
  if (kind == NULL)
    return op_error (error, op_json, _("no kind of change"));

  if (g_str_equal (kind, "set"))
    {
      SamItem *item = sam_session_lookup (self, op_string (op, "id"));
      const char *member = op_string (op, "member");
      g_autofree char *name = NULL;
      GParamSpec *pspec;
      g_auto(GValue) value = G_VALUE_INIT;
      JsonNode *value_node = json_object_get_member (op, "value");

      if (item == NULL || member == NULL || value_node == NULL)
        return op_error (error, op_json, _("unknown item or member"));

      name = property_name (member);
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), name);
      if (pspec == NULL || pspec->owner_type == SAM_TYPE_ITEM ||
          !(pspec->flags & G_PARAM_WRITABLE))
        return op_error (error, op_json, _("unknown member"));

      if (!sam_json_value_from_node (pspec, value_node, &value, member, &local_error))
        return op_error (error, op_json, local_error->message);

      if ((pspec->flags & SAM_PARAM_REF) &&
          !check_value_refs (self, NULL, pspec, &value, sam_item_get_json_name (item), &local_error))
        return op_error (error, op_json, local_error->message);

      do_set (item, pspec, &value);
    }
  else if (g_str_equal (kind, "insert") || g_str_equal (kind, "move"))
    {
      gboolean insert = g_str_equal (kind, "insert");
      SamItem *parent = sam_session_lookup (self, op_string (op, "parent"));
      const char *member = op_string (op, "list");
      g_autofree char *list = NULL;
      const SamItemListSpec *spec;
      guint index;

      if (parent == NULL || member == NULL || !op_index (op, &index))
        return op_error (error, op_json, _("unknown place"));

      list = property_name (member);
      spec = sam_item_find_list (parent, list);
      if (spec == NULL)
        return op_error (error, op_json, _("unknown list"));

      if (insert)
        {
          JsonNode *item_node = json_object_get_member (op, "item");
          g_autoptr(SamItem) item = NULL;
          g_autoptr(GHashTable) ids = NULL;
          CollectItems collect;
          GHashTableIter iter;
          gpointer id;

          if (item_node == NULL)
            return op_error (error, op_json, _("no item"));

          item = sam_json_item_from_node (spec->item_type, item_node, member, &local_error);
          if (item == NULL)
            return op_error (error, op_json, local_error->message);

          ids = g_hash_table_new (g_str_hash, g_str_equal);
          collect.items = ids;
          collect.repeated = NULL;
          sam_item_foreach (item, collect_items_cb, &collect);
          if (collect.repeated != NULL)
            {
              g_autofree char *reason = g_strdup_printf (_("the id “%s” is used more than once"),
                                                         collect.repeated);

              return op_error (error, op_json, reason);
            }
          g_hash_table_iter_init (&iter, ids);
          while (g_hash_table_iter_next (&iter, &id, NULL))
            if (g_hash_table_contains (self->index, id))
              {
                g_autofree char *reason = g_strdup_printf (_("the id “%s” is used more than once"),
                                                           (const char *) id);

                return op_error (error, op_json, reason);
              }

          if (!check_subtree_refs (self, item, ids, &local_error))
            return op_error (error, op_json, local_error->message);

          g_free (do_insert (self, parent, spec->name, index, item));
        }
      else
        {
          SamItem *item = sam_session_lookup (self, op_string (op, "id"));
          SamItem *old_parent;

          if (item == NULL || item == SAM_ITEM (self) ||
              g_strcmp0 (sam_item_get_parent_list (item), spec->name) != 0)
            return op_error (error, op_json, _("unknown item"));
          for (SamItem *p = parent; p != NULL; p = sam_item_get_parent (p))
            if (p == item)
              return op_error (error, op_json, _("an item cannot move into itself"));

          old_parent = sam_item_get_parent (item);
          g_free (do_move (self, old_parent, 0, parent, index, spec->name, item));
        }
    }
  else if (g_str_equal (kind, "remove"))
    {
      SamItem *item = sam_session_lookup (self, op_string (op, "id"));
      guint index = 0;

      if (item == NULL || item == SAM_ITEM (self))
        return op_error (error, op_json, _("unknown item"));

      op_index (op, &index);
      g_free (do_remove (self, sam_item_get_parent (item),
                         sam_item_get_parent_list (item), index, item));
    }
  else
    {
      return op_error (error, op_json, _("unknown kind of change"));
    }

  self->forced_dirty = TRUE;
  update_dirty (self);

  return TRUE;
}

/* Whole-document checks, with the place of the first problem */

typedef gboolean (*WalkFunc) (SamSession  *self,
                              SamItem     *item,
                              const char  *path,
                              gpointer     user_data,
                              GError     **error);

static gboolean
walk (SamSession  *self,
      SamItem     *item,
      GString     *path,
      WalkFunc     func,
      gpointer     user_data,
      GError     **error)
{
  SamItemClass *klass = SAM_ITEM_GET_CLASS (item);
  gsize len = path->len;

  if (!func (self, item, path->str, user_data, error))
    return FALSE;

  for (guint i = 0; i < klass->n_lists; i++)
    {
      GListModel *list = G_LIST_MODEL (sam_item_get_list (item, klass->lists[i].name));
      g_autofree char *member = sam_json_member_name (klass->lists[i].name);
      guint n = g_list_model_get_n_items (list);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(SamItem) child = g_list_model_get_item (list, j);

          g_string_append_printf (path, "%s%s[%u]", len > 0 ? "." : "", member, j);
          if (!walk (self, child, path, func, user_data, error))
            return FALSE;
          g_string_truncate (path, len);
        }
    }

  return TRUE;
}

static char *
member_path (const char *path,
             const char *property)
{
  g_autofree char *member = sam_json_member_name (property);

  return path[0] != '\0' ? g_strdup_printf ("%s.%s", path, member) : g_steal_pointer (&member);
}

static gboolean
index_item (SamSession  *self,
            SamItem     *item,
            const char  *path,
            gpointer     user_data,
            GError     **error)
{
  const char *id = sam_item_get_id (item);

  if (g_hash_table_contains (self->index, id))
    {
      g_autofree char *where = member_path (path, "id");

      g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
                   _("%s: the id “%s” is used more than once"), where, id);
      return FALSE;
    }

  g_hash_table_insert (self->index, (char *) id, item);
  return TRUE;
}

gboolean
sam_session_index_ids (SamSession  *self,
                       GError     **error)
{
  g_autoptr(GString) path = g_string_new (NULL);

  g_return_val_if_fail (SAM_IS_SESSION (self), FALSE);

  g_hash_table_remove_all (self->index);
  if (!walk (self, SAM_ITEM (self), path, index_item, NULL, error))
    {
      g_hash_table_remove_all (self->index);
      g_hash_table_insert (self->index, (char *) sam_item_get_id (SAM_ITEM (self)), self);
      return FALSE;
    }

  return TRUE;
}

static const char *
kind_name (GType type)
{
  SamItemClass *klass;
  const char *name;

  if (type == SAM_TYPE_ITEM)
    return _("item");

  /* No item of @type may exist yet; its name is a static string. */
  klass = g_type_class_ref (type);
  name = klass->json_name;
  g_type_class_unref (klass);

  return name;
}

/* The place of a reference, built only for a message: @i and @j index into
 * a list of ids or a list of groups (-1: not used). */
static char *
ref_path (const char *path,
          GParamSpec *pspec,
          int         i,
          int         j)
{
  g_autofree char *where = member_path (path, pspec->name);
  GString *out = g_string_new (where);

  if (i >= 0)
    g_string_append_printf (out, "[%d]", i);
  if (j >= 0)
    g_string_append_printf (out, "[%d]", j);

  return g_string_free (out, FALSE);
}

/* @subtree (id → item, or NULL) holds items about to join the session. */
static gboolean
check_ref (SamSession  *self,
           GHashTable  *subtree,
           GParamSpec  *pspec,
           const char  *id,
           const char  *path,
           int          i,
           int          j,
           GError     **error)
{
  GType type = sam_param_get_ref_type (pspec);
  g_autofree char *where = NULL;
  SamItem *target;

  if (id == NULL || id[0] == '\0')
    return TRUE;

  target = sam_session_lookup (self, id);
  if (target == NULL && subtree != NULL)
    target = g_hash_table_lookup (subtree, id);
  if (target != NULL && G_TYPE_CHECK_INSTANCE_TYPE (target, type) && !SAM_IS_SESSION (target))
    return TRUE;

  where = ref_path (path, pspec, i, j);
  if (target == NULL)
    g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
                 _("%s: refers to “%s”, which is not in the session"), where, id);
  else
    g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
                 _("%s: refers to a %s where a %s is expected"),
                 where, sam_item_get_json_name (target), kind_name (type));
  return FALSE;
}

/* Checks the ids that @value of the reference property @pspec names. */
static gboolean
check_value_refs (SamSession    *self,
                  GHashTable    *subtree,
                  GParamSpec    *pspec,
                  const GValue  *value,
                  const char    *path,
                  GError       **error)
{
  if (pspec->value_type == G_TYPE_STRING)
    {
      return check_ref (self, subtree, pspec, g_value_get_string (value), path, -1, -1, error);
    }
  else if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const *ids = g_value_get_boxed (value);

      for (int j = 0; ids != NULL && ids[j] != NULL; j++)
        if (!check_ref (self, subtree, pspec, ids[j], path, j, -1, error))
          return FALSE;
    }
  else if (pspec->value_type == G_TYPE_VARIANT && g_value_get_variant (value) != NULL)
    {
      GVariant *groups = g_value_get_variant (value);
      int n_groups = (int) MIN (g_variant_n_children (groups), G_MAXINT);

      for (int j = 0; j < n_groups; j++)
        {
          g_autoptr(GVariant) group = g_variant_get_child_value (groups, j);
          g_autofree const char **ids = g_variant_get_strv (group, NULL);

          for (int k = 0; ids[k] != NULL; k++)
            if (!check_ref (self, subtree, pspec, ids[k], path, j, k, error))
              return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_item_refs (SamSession  *self,
                 SamItem     *item,
                 const char  *path,
                 gpointer     user_data,
                 GError     **error)
{
  GHashTable *subtree = user_data;
  guint n_props;
  GParamSpec **pspecs = sam_item_list_properties (item, &n_props);

  for (guint i = 0; i < n_props; i++)
    {
      if (!(pspecs[i]->flags & SAM_PARAM_REF))
        continue;

      if (!check_value_refs (self, subtree, pspecs[i], sam_item_peek_value (item, pspecs[i]),
                             path, error))
        return FALSE;
    }

  return TRUE;
}

/* Checks the references of @item (not in the session) and its children,
 * whose ids map to them in @subtree; the message names the place from
 * "item", as in a journal operation. */
static gboolean
check_subtree_refs (SamSession  *self,
                    SamItem     *item,
                    GHashTable  *subtree,
                    GError     **error)
{
  g_autoptr(GString) path = g_string_new ("item");

  return walk (self, item, path, check_item_refs, subtree, error);
}

gboolean
sam_session_check_references (SamSession  *self,
                              GError     **error)
{
  g_autoptr(GString) path = g_string_new (NULL);

  g_return_val_if_fail (SAM_IS_SESSION (self), FALSE);

  return walk (self, SAM_ITEM (self), path, check_item_refs, NULL, error);
}
