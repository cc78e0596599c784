/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-entities.h"
#include "sam-history.h"
#include "sam-json-private.h"
#include "sam-session.h"
#include "sam-template.h"

/*
 * A template names its members as the file format does, and its values are
 * written and read by the file format's own value functions, so a template
 * and a session file never disagree on what a duration or a kind is.
 *
 * Only the members listed here go into a template. A member added to agenda
 * items later stays out until it is listed: a new record of the day must not
 * slip into templates by accident.
 */

#define VERSION_MEMBER "samling_template"
#define AGENDA_MEMBER  "agenda"

/* Agenda item properties a template keeps. */
static const char * const item_properties[] = {
  "title",
  "duration",
  "kind",
  "notes",
  "activity-kind",
  "overrun",
};

/* Session properties a template keeps. */
static const char * const session_properties[] = {
  "start-time",
  "end-time",
  "warning-time",
  /* The language the titles and notes are written in. */
  "language",
};

typedef struct
{
  GPtrArray *items;                                   /* SamItem, no session yet */
  GValue     session_values[G_N_ELEMENTS (session_properties)];
  gboolean   session_set[G_N_ELEMENTS (session_properties)];
  guint      duration;
} Template;

static void
template_clear (Template *t)
{
  g_clear_pointer (&t->items, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (session_properties); i++)
    if (G_IS_VALUE (&t->session_values[i]))
      g_value_unset (&t->session_values[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Template, template_clear)

static GParamSpec *
find_property (GType       type,
               const char *name)
{
  GObjectClass *klass = g_type_class_peek (type);

  g_assert (klass != NULL);
  return g_object_class_find_property (klass, name);
}

/* Writing */

static void
add_value (JsonObject *object,
           gpointer    item,
           const char *property)
{
  GParamSpec *pspec = find_property (G_OBJECT_TYPE (item), property);
  g_autofree char *member = sam_json_member_name (property);

  g_assert (pspec != NULL);
  json_object_set_member (object, member,
                          sam_json_value_to_node (pspec, sam_item_peek_value (item, pspec)));
}

/**
 * sam_template_build:
 * @session: the session whose agenda becomes a template
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the template as compact JSON text
 */
char *
sam_template_build (SamSession *session,
                    gsize      *length)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *agenda;
  GListModel *items;
  guint n;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);

  items = G_LIST_MODEL (sam_session_get_agenda (session));
  n = g_list_model_get_n_items (items);

  object = json_object_new ();
  json_object_set_int_member (object, VERSION_MEMBER, SAM_TEMPLATE_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (session_properties); i++)
    add_value (object, session, session_properties[i]);

  agenda = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (items, i);
      JsonObject *member = json_object_new ();

      for (guint j = 0; j < G_N_ELEMENTS (item_properties); j++)
        add_value (member, item, item_properties[j]);
      json_array_add_object_element (agenda, member);
    }
  json_object_set_array_member (object, AGENDA_MEMBER, agenda);

  root = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, FALSE);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, length);
}

/* Reading */

static gboolean
not_a_template (GError     **error,
                const char  *reason)
{
  g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_NOT_SAMLING,
               _("This is not a Samling agenda template: %s"), reason);
  return FALSE;
}

static gboolean
check_version (JsonObject  *root,
               GError     **error)
{
  JsonNode *node = json_object_get_member (root, VERSION_MEMBER);
  gint64 version;

  if (node == NULL)
    return not_a_template (error, _("it has no version"));

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (version = json_node_get_int (node)) < 1)
    {
      g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
                   _("%s: expected a whole number of at least 1"), VERSION_MEMBER);
      return FALSE;
    }

  if (version > SAM_TEMPLATE_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_NEWER_VERSION,
                   _("The template was made by a newer version of Samling "
                     "(template version %s; this version reads up to %d)"),
                   number, SAM_TEMPLATE_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* Reads the members of @properties that @object has into @values (already
 * initialized or not); members not listed are newer additions and ignored. */
static gboolean
read_values (JsonObject         *object,
             GType               type,
             const char * const *properties,
             guint               n_properties,
             GValue             *values,
             gboolean           *present,
             const char         *path,
             GError            **error)
{
  for (guint i = 0; i < n_properties; i++)
    {
      GParamSpec *pspec = find_property (type, properties[i]);
      g_autofree char *member = sam_json_member_name (properties[i]);
      g_autofree char *where = NULL;
      JsonNode *node = json_object_get_member (object, member);

      present[i] = node != NULL;
      if (node == NULL)
        continue;

      where = path != NULL ? g_strdup_printf ("%s.%s", path, member) : g_strdup (member);
      if (!sam_json_value_from_node (pspec, node, &values[i], where, error))
        return FALSE;
    }

  return TRUE;
}

static SamItem *
read_item (JsonNode    *node,
           guint        index,
           GError     **error)
{
  g_autofree char *path = g_strdup_printf ("%s[%u]", AGENDA_MEMBER, index);
  GValue values[G_N_ELEMENTS (item_properties)] = { G_VALUE_INIT, };
  gboolean present[G_N_ELEMENTS (item_properties)] = { FALSE, };
  g_autoptr(SamItem) item = NULL;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
                   _("%s: expected an object (agenda item)"), path);
      return NULL;
    }

  ok = read_values (json_node_get_object (node), SAM_TYPE_AGENDA_ITEM,
                    item_properties, G_N_ELEMENTS (item_properties),
                    values, present, path, error);

  /* The item is not in a session yet: building it is not an edit. */
  if (ok && !present[0])
    {
      g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
                   _("%s: missing member “%s”"), path, "title");
      ok = FALSE;
    }

  if (ok)
    {
      item = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (item_properties); i++)
        if (present[i])
          g_object_set_property (G_OBJECT (item), item_properties[i], &values[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (item_properties); i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);

  return ok ? g_steal_pointer (&item) : NULL;
}

static gboolean
read_template (const char  *data,
               gsize        length,
               Template    *t,
               GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *agenda;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  sam_entities_init ();
  /* The session class holds the session members' declarations. */
  g_type_class_unref (g_type_class_ref (SAM_TYPE_SESSION));

  /* Size, UTF-8, depth and numbers are checked before any tree is built. */
  root = sam_json_parse_text (data, length, error);
  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return not_a_template (error, _("it is not a JSON object"));

  object = json_node_get_object (root);
  if (!check_version (object, error))
    return FALSE;

  if (!read_values (object, SAM_TYPE_SESSION,
                    session_properties, G_N_ELEMENTS (session_properties),
                    t->session_values, t->session_set, NULL, error))
    return FALSE;

  agenda = json_object_get_member (object, AGENDA_MEMBER);
  if (agenda == NULL)
    {
      g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
                   _("%s: missing member “%s”"), "(root)", AGENDA_MEMBER);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (agenda))
    {
      g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
                   _("%s: expected a list of objects (agenda item)"), AGENDA_MEMBER);
      return FALSE;
    }

  array = json_node_get_array (agenda);
  n = json_array_get_length (array);
  if (n > SAM_TEMPLATE_MAX_ITEMS)
    {
      g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_TOO_LARGE,
                   _("The template has %u agenda items; at most %d are allowed"),
                   n, SAM_TEMPLATE_MAX_ITEMS);
      return FALSE;
    }

  t->items = g_ptr_array_new_full (n, g_object_unref);
  t->duration = 0;
  for (guint i = 0; i < n; i++)
    {
      SamItem *item = read_item (json_array_get_element (array, i), i, error);

      if (item == NULL)
        return FALSE;

      /* At most a day each, so the sum stays far below G_MAXUINT. */
      t->duration += (guint) sam_item_get_int (item, "duration");
      g_ptr_array_add (t->items, item);
    }

  return TRUE;
}

/**
 * sam_template_inspect:
 * @n_items: (out) (optional): the number of agenda items
 * @duration: (out) (optional): their planned duration, in seconds
 *
 * Returns: whether @data is a template this version can use
 */
gboolean
sam_template_inspect (const char  *data,
                      gsize        length,
                      guint       *n_items,
                      guint       *duration,
                      GError     **error)
{
  g_auto(Template) t = { 0, };

  if (!read_template (data, length, &t, error))
    return FALSE;

  if (n_items != NULL)
    *n_items = t.items->len;
  if (duration != NULL)
    *duration = t.duration;

  return TRUE;
}

/**
 * sam_template_apply:
 * @title: (nullable): the new session's title
 *
 * Returns: (transfer full) (nullable): a new session with the template's
 *   agenda, or %NULL if the template cannot be read
 */
SamSession *
sam_template_apply (const char  *data,
                    gsize        length,
                    const char  *title,
                    GError     **error)
{
  g_auto(Template) t = { 0, };
  g_autoptr(SamSession) session = NULL;

  if (!read_template (data, length, &t, error))
    return NULL;

  session = sam_session_new ();

  /* Built through the edit functions like any agenda, then made the
   * starting point: nothing to undo, nothing unsaved. */
  sam_session_begin (session, NULL);
  if (title != NULL && title[0] != '\0')
    sam_session_set (session, session, "title", title, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (session_properties); i++)
    if (t.session_set[i])
      sam_session_set_value (session, SAM_ITEM (session), session_properties[i],
                             &t.session_values[i]);
  for (guint i = 0; i < t.items->len; i++)
    sam_session_insert (session, session, "agenda", G_MAXUINT, g_ptr_array_index (t.items, i));
  sam_session_end (session);

  sam_history_clear (sam_session_get_history (session));
  sam_session_mark_saved (session);

  return g_steal_pointer (&session);
}
