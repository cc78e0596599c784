/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-json-private.h"
#include "sam-session.h"

/*
 * The session file format, read and written generically from the
 * declarations of the item classes (their GParamSpecs and child lists).
 *
 * Reading is two steps: sam_json_parse_text() (sam-json-text.c) checks the
 * raw bytes as strict JSON and builds a JsonNode tree, and the tree is
 * turned into items, checking every value against its GParamSpec. Writing does not go through a JsonNode tree: the items
 * are written straight into one string, which is several times faster.
 */

G_DEFINE_QUARK (sam-json-error-quark, sam_json_error)

#define MAX_ID_LENGTH 128

/* 9999-12-31T23:59:59.999999Z, the last instant ISO 8601 can write with a
 * four-digit year. */
#define MAX_TIMESTAMP G_GINT64_CONSTANT (253402300799999999)

static const char * const root_header[] = { "format", "version", "minor_version" };

/* Per-class lookup tables */

enum {
  SLOT_NONE,
  SLOT_ID,
  SLOT_FIRST_PROP,
};

typedef struct
{
  guint                  n_props;
  GParamSpec           **props;          /* borrowed from the class */
  char                 **members;        /* JSON names of the props */
  char                 **quoted_members; /* "name": as written */
  guint                  n_lists;
  const SamItemListSpec *lists;
  char                 **list_members;
  char                 **quoted_lists;
  GHashTable            *slots;          /* member name → slot */
  guint                  n_slots;
} ClassInfo;

static GMutex class_info_lock;
static GHashTable *class_infos; /* GType → ClassInfo, never freed */

static char *
quote_member (const char *name)
{
  return g_strdup_printf ("\"%s\": ", name);
}

static ClassInfo *
class_info_for_type (GType type)
{
  ClassInfo *info;

  g_mutex_lock (&class_info_lock);

  if (class_infos == NULL)
    class_infos = g_hash_table_new (NULL, NULL);

  info = g_hash_table_lookup (class_infos, GSIZE_TO_POINTER (type));
  if (info == NULL)
    {
      /* Classes of document items live as long as the program. */
      SamItemClass *klass = g_type_class_ref (type);

      info = g_new0 (ClassInfo, 1);
      info->n_props = klass->n_props;
      info->props = klass->n_props > 0 ? klass->props + 1 : NULL;
      info->n_lists = klass->n_lists;
      info->lists = klass->lists;
      info->members = g_new0 (char *, info->n_props + 1);
      info->quoted_members = g_new0 (char *, info->n_props + 1);
      info->list_members = g_new0 (char *, info->n_lists + 1);
      info->quoted_lists = g_new0 (char *, info->n_lists + 1);
      info->slots = g_hash_table_new (g_str_hash, g_str_equal);
      info->n_slots = SLOT_FIRST_PROP + info->n_props + info->n_lists;

      g_hash_table_insert (info->slots, (char *) "id", GUINT_TO_POINTER (SLOT_ID));
      for (guint i = 0; i < info->n_props; i++)
        {
          info->members[i] = sam_json_member_name (info->props[i]->name);
          info->quoted_members[i] = quote_member (info->members[i]);
          g_hash_table_insert (info->slots, info->members[i],
                               GUINT_TO_POINTER (SLOT_FIRST_PROP + i));
        }
      for (guint i = 0; i < info->n_lists; i++)
        {
          info->list_members[i] = sam_json_member_name (info->lists[i].name);
          info->quoted_lists[i] = quote_member (info->list_members[i]);
          g_hash_table_insert (info->slots, info->list_members[i],
                               GUINT_TO_POINTER (SLOT_FIRST_PROP + info->n_props + i));
        }

      g_hash_table_insert (class_infos, GSIZE_TO_POINTER (type), info);
    }

  g_mutex_unlock (&class_info_lock);

  return info;
}

static gboolean
is_root_header (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (root_header); i++)
    if (g_str_equal (name, root_header[i]))
      return TRUE;

  return FALSE;
}

char *
sam_json_member_name (const char *property_name)
{
  g_return_val_if_fail (property_name != NULL, NULL);

  return g_strdelimit (g_strdup (property_name), "-", '_');
}

/* Numbers as text */

/* The shortest text that reads back as the same double. */
static void
format_double (char   *buf,
               gsize   size,
               double  value)
{
  if (!isfinite (value))
    {
      g_strlcpy (buf, "0", size);
      return;
    }

  g_ascii_formatd (buf, size, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, size, "%.17g", value);
}

static void
append_int64 (GString *out,
              gint64   value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      *--p = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--p = '-';

  g_string_append_len (out, p, buf + sizeof buf - p);
}

/* @us > 0; writes e.g. 2023-12-18T13:04:05Z or 2023-12-18T13:04:05.250000Z. */
static void
format_timestamp (char   *buf,
                  gsize   size,
                  gint64  us)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;

  us = CLAMP (us, 0, MAX_TIMESTAMP);
  dt = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);
  if (us % G_USEC_PER_SEC != 0)
    {
      GDateTime *exact = g_date_time_add (dt, us % G_USEC_PER_SEC);

      g_date_time_unref (dt);
      dt = exact;
      text = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S.%fZ");
    }
  else
    {
      text = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
    }

  g_strlcpy (buf, text, size);
}

static gboolean
read_digits (const char *s,
             guint       n,
             int        *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }

  *value = v;
  return TRUE;
}

/* Any ISO 8601 date and time with an offset. */
static gboolean
parse_timestamp (const char *s,
                 gint64     *us)
{
  g_autoptr(GDateTime) dt = NULL;
  const char *time_part;
  gint64 seconds;

  /* Without an offset the instant would depend on where the file is read. */
  time_part = strpbrk (s, "Tt ");
  if (time_part == NULL || strpbrk (time_part, "Zz+-") == NULL)
    return FALSE;

  dt = g_date_time_new_from_iso8601 (s, NULL);
  if (dt == NULL)
    return FALSE;

  seconds = g_date_time_to_unix (dt);
  if (seconds < 0 || seconds > MAX_TIMESTAMP / G_USEC_PER_SEC)
    return FALSE;

  *us = seconds * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  return TRUE;
}

static gboolean
valid_date (const char *s)
{
  int year, month, day;

  if (s[0] == '\0')
    return TRUE;

  return strlen (s) == 10 && s[4] == '-' && s[7] == '-' &&
         read_digits (s, 4, &year) && read_digits (s + 5, 2, &month) &&
         read_digits (s + 8, 2, &day) &&
         g_date_valid_dmy (day, month, year);
}

static gboolean
valid_clock (const char *s)
{
  int hour, minute;

  if (s[0] == '\0')
    return TRUE;

  return strlen (s) == 5 && s[2] == ':' &&
         read_digits (s, 2, &hour) && read_digits (s + 3, 2, &minute) &&
         hour <= 23 && minute <= 59;
}

static gboolean
valid_color (const char *s)
{
  if (strlen (s) != 7 || s[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;

  return TRUE;
}

static gboolean
valid_base64 (const char *s)
{
  gsize len = strlen (s);
  gsize padding = 0;

  if (len % 4 != 0)
    return FALSE;

  if (len > 0 && s[len - 1] == '=')
    padding++;
  if (len > 1 && s[len - 2] == '=')
    padding++;

  for (gsize i = 0; i < len - padding; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '+' && s[i] != '/')
      return FALSE;

  return TRUE;
}

/* Reading values */

static char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("a list"));
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        format_double (buf, sizeof buf, json_node_get_double (node));
        return g_strdup (buf);
      }

    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");

    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);
        g_autofree char *shown = sam_json_excerpt (s, s + strlen (s));

        return g_strdup_printf ("“%s”", shown);
      }

    default:
      return g_strdup (_("a value"));
    }
}

static gboolean
content_error (GError     **error,
               const char  *path,
               const char  *expected,
               JsonNode    *found)
{
  g_autofree char *what = describe_node (found);

  g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
               _("%s: expected %s, found %s"), path, expected, what);
  return FALSE;
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
int_from_node (GParamSpec  *pspec,
               JsonNode    *node,
               GValue      *value,
               const char  *path,
               GError     **error)
{
  gint64 min, max, v;

  if (G_IS_PARAM_SPEC_INT (pspec))
    {
      min = G_PARAM_SPEC_INT (pspec)->minimum;
      max = G_PARAM_SPEC_INT (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      min = G_PARAM_SPEC_UINT (pspec)->minimum;
      max = G_PARAM_SPEC_UINT (pspec)->maximum;
    }
  else
    {
      min = G_PARAM_SPEC_INT64 (pspec)->minimum;
      max = G_PARAM_SPEC_INT64 (pspec)->maximum;
    }

  if (!node_is (node, G_TYPE_INT64) ||
      (v = json_node_get_int (node)) < min || v > max)
    {
      g_autofree char *min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      g_autofree char *expected = g_strdup_printf (_("a whole number between %s and %s"),
                                                   min_text, max_text);

      return content_error (error, path, expected, node);
    }

  if (G_VALUE_HOLDS_INT (value))
    g_value_set_int (value, (int) v);
  else if (G_VALUE_HOLDS_UINT (value))
    g_value_set_uint (value, (guint) v);
  else
    g_value_set_int64 (value, v);

  return TRUE;
}

static gboolean
timestamp_from_node (JsonNode    *node,
                     GValue      *value,
                     const char  *path,
                     GError     **error)
{
  gint64 us;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_value_set_int64 (value, 0);
      return TRUE;
    }

  if (!node_is (node, G_TYPE_STRING) || !parse_timestamp (json_node_get_string (node), &us))
    return content_error (error, path,
                          _("a date and time with an offset from 1970 on, such as "
                            "“2023-12-18T13:00:00Z”, or null"),
                          node);

  g_value_set_int64 (value, us);
  return TRUE;
}

static gboolean
double_from_node (GParamSpec  *pspec,
                  JsonNode    *node,
                  GValue      *value,
                  const char  *path,
                  GError     **error)
{
  GParamSpecDouble *dspec = G_PARAM_SPEC_DOUBLE (pspec);
  double v;

  if (node_is (node, G_TYPE_DOUBLE))
    v = json_node_get_double (node);
  else if (node_is (node, G_TYPE_INT64))
    v = (double) json_node_get_int (node);
  else
    v = NAN;

  if (!isfinite (v) || v < dspec->minimum || v > dspec->maximum)
    {
      char min[G_ASCII_DTOSTR_BUF_SIZE], max[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *expected = NULL;

      format_double (min, sizeof min, dspec->minimum);
      format_double (max, sizeof max, dspec->maximum);
      expected = g_strdup_printf (_("a number between %s and %s"), min, max);
      return content_error (error, path, expected, node);
    }

  g_value_set_double (value, v);
  return TRUE;
}

static gboolean
enum_from_node (GParamSpec  *pspec,
                JsonNode    *node,
                GValue      *value,
                const char  *path,
                GError     **error)
{
  GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
  GEnumValue *ev = NULL;

  if (node_is (node, G_TYPE_STRING))
    ev = g_enum_get_value_by_nick (enum_class, json_node_get_string (node));

  if (ev == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *expected = NULL;

      for (guint i = 0; i < enum_class->n_values; i++)
        g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", enum_class->values[i].value_nick);
      expected = g_strdup_printf (_("one of %s"), names->str);
      return content_error (error, path, expected, node);
    }

  g_value_set_enum (value, ev->value);
  return TRUE;
}

static gboolean
string_from_node (GParamSpec  *pspec,
                  JsonNode    *node,
                  GValue      *value,
                  const char  *path,
                  GError     **error)
{
  const char *s;

  if (!node_is (node, G_TYPE_STRING))
    return content_error (error, path, _("a text"), node);

  s = json_node_get_string (node);

  if ((pspec->flags & SAM_PARAM_DATE) && !valid_date (s))
    return content_error (error, path, _("a date such as “2023-12-18”, or an empty text"), node);
  if ((pspec->flags & SAM_PARAM_CLOCK) && !valid_clock (s))
    return content_error (error, path, _("a time of day such as “13:00”, or an empty text"), node);
  if ((pspec->flags & SAM_PARAM_COLOR) && !valid_color (s))
    return content_error (error, path, _("a colour such as “#3584e4”"), node);

  g_value_set_string (value, s);
  return TRUE;
}

static gboolean
strv_from_array (JsonNode    *node,
                 char      ***strv_out,
                 GString     *path,
                 GError     **error)
{
  JsonArray *array;
  guint n;
  char **strv;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return content_error (error, path->str, _("a list of texts"), node);

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  strv = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!node_is (element, G_TYPE_STRING))
        {
          gsize len = path->len;

          g_string_append_printf (path, "[%u]", i);
          content_error (error, path->str, _("a text"), element);
          g_string_truncate (path, len);
          g_strfreev (strv);
          return FALSE;
        }
      strv[i] = g_strdup (json_node_get_string (element));
    }

  *strv_out = strv;
  return TRUE;
}

static gboolean
strv_from_node (JsonNode    *node,
                GValue      *value,
                const char  *path,
                GError     **error)
{
  g_autoptr(GString) where = g_string_new (path);
  char **strv;

  if (!strv_from_array (node, &strv, where, error))
    return FALSE;

  g_value_take_boxed (value, strv);
  return TRUE;
}

static gboolean
variant_from_node (GParamSpec  *pspec,
                   JsonNode    *node,
                   GValue      *value,
                   const char  *path,
                   GError     **error)
{
  const GVariantType *type = G_PARAM_SPEC_VARIANT (pspec)->type;
  g_autoptr(GString) where = g_string_new (path);
  GVariantBuilder builder;
  JsonArray *array;
  guint n;

  if (!g_variant_type_equal (type, G_VARIANT_TYPE ("aas")))
    {
      g_critical ("%s: variant type %s is not supported in files",
                  pspec->name, g_variant_type_peek_string (type));
      return content_error (error, path, _("a value of a known kind"), node);
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return content_error (error, path, _("a list of lists of texts"), node);

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aas"));

  for (guint i = 0; i < n; i++)
    {
      gsize len = where->len;
      g_auto(GStrv) strv = NULL;

      g_string_append_printf (where, "[%u]", i);
      if (!strv_from_array (json_array_get_element (array, i), &strv, where, error))
        {
          g_variant_builder_clear (&builder);
          return FALSE;
        }
      g_string_truncate (where, len);
      g_variant_builder_add_value (&builder, g_variant_new_strv ((const char * const *) strv, -1));
    }

  g_value_set_variant (value, g_variant_builder_end (&builder));
  return TRUE;
}

static gboolean
bytes_from_node (JsonNode    *node,
                 GValue      *value,
                 const char  *path,
                 GError     **error)
{
  const char *s;
  guchar *data;
  gsize size;

  if (!node_is (node, G_TYPE_STRING) || !valid_base64 (s = json_node_get_string (node)))
    return content_error (error, path, _("base64-encoded data"), node);

  if (s[0] == '\0')
    {
      g_value_set_boxed (value, NULL);
      return TRUE;
    }

  data = g_base64_decode (s, &size);
  g_value_take_boxed (value, g_bytes_new_take (data, size));
  return TRUE;
}

/* @value is initialized to @pspec's type. */
static gboolean
value_from_node (GParamSpec  *pspec,
                 JsonNode    *node,
                 GValue      *value,
                 const char  *path,
                 GError     **error)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    return string_from_node (pspec, node, value, path, error);
  if (type == G_TYPE_INT64 && (pspec->flags & SAM_PARAM_TIMESTAMP))
    return timestamp_from_node (node, value, path, error);
  if (type == G_TYPE_INT || type == G_TYPE_UINT || type == G_TYPE_INT64)
    return int_from_node (pspec, node, value, path, error);
  if (type == G_TYPE_DOUBLE)
    return double_from_node (pspec, node, value, path, error);
  if (type == G_TYPE_BOOLEAN)
    {
      if (!node_is (node, G_TYPE_BOOLEAN))
        return content_error (error, path, _("true or false"), node);
      g_value_set_boolean (value, json_node_get_boolean (node));
      return TRUE;
    }
  if (G_TYPE_IS_ENUM (type))
    return enum_from_node (pspec, node, value, path, error);
  if (type == G_TYPE_STRV)
    return strv_from_node (node, value, path, error);
  if (type == G_TYPE_VARIANT)
    return variant_from_node (pspec, node, value, path, error);
  if (type == G_TYPE_BYTES)
    return bytes_from_node (node, value, path, error);

  g_critical ("%s: properties of type %s are not supported in files",
              pspec->name, g_type_name (type));
  return content_error (error, path, _("a value of a known kind"), node);
}

gboolean
sam_json_value_from_node (GParamSpec   *pspec,
                          JsonNode     *node,
                          GValue       *value,
                          const char   *path,
                          GError      **error)
{
  gboolean initialized_here = FALSE;

  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (G_VALUE_TYPE (value) == G_TYPE_INVALID)
    {
      g_value_init (value, pspec->value_type);
      initialized_here = TRUE;
    }
  g_return_val_if_fail (G_VALUE_HOLDS (value, pspec->value_type), FALSE);

  if (!value_from_node (pspec, node, value, path != NULL ? path : pspec->name, error))
    {
      if (initialized_here)
        g_value_unset (value);
      return FALSE;
    }

  return TRUE;
}

/* Reading items */

static SamItem *item_from_node (GType     type,
                                JsonNode *node,
                                GString  *path,
                                GError  **error);

/* Appends the path of @member of the object at @path. */
static void
append_member (GString    *path,
               const char *member)
{
  if (path->len == 0)
    g_string_append (path, "(root)");
  g_string_append_c (path, '.');
  g_string_append (path, member);
}

static const char *
object_path (GString *path)
{
  return path->len > 0 ? path->str : "(root)";
}

static gboolean
check_id (JsonNode    *node,
          GString     *path,
          GError     **error)
{
  const char *id;
  gsize len = path->len;

  if (node == NULL)
    {
      g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
                   _("%s: missing member “%s”"), object_path (path), "id");
      return FALSE;
    }

  if (node_is (node, G_TYPE_STRING) &&
      (id = json_node_get_string (node))[0] != '\0' && strlen (id) <= MAX_ID_LENGTH)
    return TRUE;

  append_member (path, "id");
  {
    g_autofree char *expected = g_strdup_printf (_("a non-empty text of at most %d bytes"),
                                                 MAX_ID_LENGTH);

    content_error (error, path->str, expected, node);
  }
  g_string_truncate (path, len);
  return FALSE;
}

static gboolean
fill_item (SamItem     *item,
           JsonObject  *object,
           GString     *path,
           gboolean     root,
           GError     **error)
{
  ClassInfo *info = class_info_for_type (G_OBJECT_TYPE (item));
  JsonNode *stack_slots[32];
  g_autofree JsonNode **heap_slots = NULL;
  JsonNode **slots = stack_slots;
  g_autoptr(JsonObject) extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gsize len = path->len;

  if (info->n_slots > G_N_ELEMENTS (stack_slots))
    slots = heap_slots = g_new (JsonNode *, info->n_slots);
  memset (slots, 0, info->n_slots * sizeof (JsonNode *));

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (info->slots, name));

      if (slot != SLOT_NONE)
        {
          slots[slot] = node;
        }
      else if (!(root && is_root_header (name)))
        {
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_member (extra, name, json_node_copy (node));
        }
    }

  if (!check_id (slots[SLOT_ID], path, error))
    return FALSE;
  sam_item_set_id (item, json_node_get_string (slots[SLOT_ID]));

  for (guint i = 0; i < info->n_props; i++)
    {
      GParamSpec *pspec = info->props[i];
      g_auto(GValue) value = G_VALUE_INIT;

      node = slots[SLOT_FIRST_PROP + i];
      if (node == NULL)
        {
          if (pspec->flags & SAM_PARAM_REQUIRED)
            {
              g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
                           _("%s: missing member “%s”"), object_path (path), info->members[i]);
              return FALSE;
            }
          continue;
        }

      append_member (path, info->members[i]);
      g_value_init (&value, pspec->value_type);
      if (!value_from_node (pspec, node, &value, path->str, error))
        return FALSE;
      g_string_truncate (path, len);

      /* Loading is not an edit: the values go in directly. */
      g_object_set_property (G_OBJECT (item), pspec->name, &value);
    }

  for (guint i = 0; i < info->n_lists; i++)
    {
      const SamItemListSpec *spec = &info->lists[i];
      g_autoptr(GPtrArray) children = NULL;
      JsonArray *array;
      guint n;

      node = slots[SLOT_FIRST_PROP + info->n_props + i];
      if (node == NULL)
        continue;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          /* No item of this kind may exist yet: hold its class while
           * reading its name. */
          SamItemClass *klass = g_type_class_ref (spec->item_type);
          g_autofree char *expected = g_strdup_printf (_("a list of objects (%s)"),
                                                       klass->json_name);

          g_type_class_unref (klass);
          append_member (path, info->list_members[i]);
          content_error (error, path->str, expected, node);
          return FALSE;
        }

      array = json_node_get_array (node);
      n = json_array_get_length (array);
      children = g_ptr_array_new_full (n, g_object_unref);

      for (guint j = 0; j < n; j++)
        {
          SamItem *child;

          if (len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, info->list_members[i]);
          g_string_append_c (path, '[');
          append_int64 (path, j);
          g_string_append_c (path, ']');

          child = item_from_node (spec->item_type, json_array_get_element (array, j), path, error);
          if (child == NULL)
            return FALSE;
          g_string_truncate (path, len);

          sam_item_set_parent (child, item, spec->name);
          g_ptr_array_add (children, child);
        }

      g_list_store_splice (sam_item_get_list (item, spec->name), 0, 0,
                           children->pdata, children->len);
    }

  sam_item_set_extra (item, extra);

  return TRUE;
}

static SamItem *
item_from_node (GType      type,
                JsonNode  *node,
                GString   *path,
                GError   **error)
{
  g_autoptr(SamItem) item = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      SamItemClass *klass = g_type_class_ref (type);
      g_autofree char *expected = g_strdup_printf (_("an object (%s)"), klass->json_name);

      g_type_class_unref (klass);
      content_error (error, object_path (path), expected, node);
      return NULL;
    }

  object = json_node_get_object (node);
  node = json_object_get_member (object, "id");
  if (!check_id (node, path, error))
    return NULL;

  item = sam_item_new (type, json_node_get_string (node));
  if (!fill_item (item, object, path, FALSE, error))
    return NULL;

  return g_steal_pointer (&item);
}

SamItem *
sam_json_item_from_node (GType        type,
                         JsonNode    *node,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GString) where = NULL;

  g_return_val_if_fail (g_type_is_a (type, SAM_TYPE_ITEM), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  where = g_string_new (path);
  return item_from_node (type, node, where, error);
}

gboolean
sam_json_item_fill (SamItem     *item,
                    JsonObject  *object,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GString) where = NULL;

  g_return_val_if_fail (SAM_IS_ITEM (item), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  where = g_string_new (path);
  return fill_item (item, object, where, SAM_IS_SESSION (item), error);
}

/* Reading a session */

static gboolean
not_samling (GError     **error,
             const char  *reason)
{
  g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_NOT_SAMLING,
               _("This is not a Samling session: %s"), reason);
  return FALSE;
}

static gboolean
check_header (JsonObject  *root,
              GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  JsonNode *minor = json_object_get_member (root, "minor_version");
  gint64 v;

  if (format == NULL)
    return not_samling (error, _("it has no member “format”"));
  if (!node_is (format, G_TYPE_STRING) || !g_str_equal (json_node_get_string (format), SAM_FORMAT_NAME))
    {
      g_autofree char *what = describe_node (format);
      g_autofree char *reason = g_strdup_printf (_("its format is %s"), what);

      return not_samling (error, reason);
    }

  if (version == NULL)
    {
      g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
                   _("%s: missing member “%s”"), "(root)", "version");
      return FALSE;
    }
  if (!node_is (version, G_TYPE_INT64) || (v = json_node_get_int (version)) < 1)
    return content_error (error, "(root).version", _("a whole number from 1 up"), version);

  if (v > SAM_FORMAT_VERSION)
    {
      g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, v);

      g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_NEWER_VERSION,
                   _("This session was made by a newer version of Samling (file format %s). "
                     "This version reads format %d. Update Samling to open it."),
                   version_text, SAM_FORMAT_VERSION);
      return FALSE;
    }

  if (minor != NULL && (!node_is (minor, G_TYPE_INT64) || json_node_get_int (minor) < 0))
    return content_error (error, "(root).minor_version", _("a whole number from 0 up"), minor);

  return TRUE;
}

SamSession *
sam_json_load_data (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SamSession) session = NULL;
  g_autoptr(GString) path = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  root = sam_json_parse_text (data, length, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      not_samling (error, _("the document is not a JSON object"));
      return NULL;
    }

  if (!check_header (json_node_get_object (root), error))
    return NULL;

  sam_entities_init ();
  session = sam_session_new_empty ();
  path = g_string_new (NULL);
  if (!fill_item (SAM_ITEM (session), json_node_get_object (root), path, TRUE, error))
    return NULL;

  if (!sam_session_index_ids (session, error) ||
      !sam_session_check_references (session, error))
    return NULL;

  sam_session_mark_saved (session);

  return g_steal_pointer (&session);
}

/* Values to nodes */

JsonNode *
sam_json_value_to_node (GParamSpec   *pspec,
                        const GValue *value)
{
  GType type;
  JsonNode *node;

  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), NULL);
  g_return_val_if_fail (G_VALUE_HOLDS (value, pspec->value_type), NULL);

  type = pspec->value_type;

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);

      return json_node_init_string (json_node_alloc (), s != NULL ? s : "");
    }

  if (type == G_TYPE_INT64 && (pspec->flags & SAM_PARAM_TIMESTAMP))
    {
      gint64 us = g_value_get_int64 (value);
      char buf[40];

      if (us <= 0)
        return json_node_init_null (json_node_alloc ());
      format_timestamp (buf, sizeof buf, us);
      return json_node_init_string (json_node_alloc (), buf);
    }

  if (type == G_TYPE_INT)
    return json_node_init_int (json_node_alloc (), g_value_get_int (value));
  if (type == G_TYPE_UINT)
    return json_node_init_int (json_node_alloc (), g_value_get_uint (value));
  if (type == G_TYPE_INT64)
    return json_node_init_int (json_node_alloc (), g_value_get_int64 (value));
  if (type == G_TYPE_DOUBLE)
    {
      double d = g_value_get_double (value);

      return json_node_init_double (json_node_alloc (), isfinite (d) ? d : 0.0);
    }
  if (type == G_TYPE_BOOLEAN)
    return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (value));

  if (G_TYPE_IS_ENUM (type))
    {
      GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                         g_value_get_enum (value));

      return json_node_init_string (json_node_alloc (), ev != NULL ? ev->value_nick : "");
    }

  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      JsonArray *array = json_array_new ();

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        json_array_add_string_element (array, strv[i]);

      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
      return node;
    }

  if (type == G_TYPE_VARIANT)
    {
      GVariant *variant = g_value_get_variant (value);
      JsonArray *outer = json_array_new ();

      if (variant != NULL && g_variant_is_of_type (variant, G_VARIANT_TYPE ("aas")))
        {
          gsize n = g_variant_n_children (variant);

          for (gsize i = 0; i < n; i++)
            {
              g_autoptr(GVariant) child = g_variant_get_child_value (variant, i);
              g_autofree const char **strv = g_variant_get_strv (child, NULL);
              JsonArray *inner = json_array_new ();

              for (guint j = 0; strv[j] != NULL; j++)
                json_array_add_string_element (inner, strv[j]);
              json_array_add_array_element (outer, inner);
            }
        }

      node = json_node_init_array (json_node_alloc (), outer);
      json_array_unref (outer);
      return node;
    }

  if (type == G_TYPE_BYTES)
    {
      GBytes *bytes = g_value_get_boxed (value);
      g_autofree char *text = NULL;

      if (bytes != NULL && g_bytes_get_size (bytes) > 0)
        text = g_base64_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      return json_node_init_string (json_node_alloc (), text != NULL ? text : "");
    }

  g_critical ("%s: properties of type %s are not supported in files",
              pspec->name, g_type_name (type));
  return json_node_init_null (json_node_alloc ());
}

static gboolean
is_known_member (ClassInfo  *info,
                 const char *name,
                 gboolean    root)
{
  return g_hash_table_contains (info->slots, name) || (root && is_root_header (name));
}

JsonNode *
sam_json_item_to_node (SamItem *item)
{
  ClassInfo *info;
  JsonObject *object;
  JsonObject *extra;
  JsonNode *node;

  g_return_val_if_fail (SAM_IS_ITEM (item), NULL);

  info = class_info_for_type (G_OBJECT_TYPE (item));
  object = json_object_new ();

  json_object_set_string_member (object, "id", sam_item_get_id (item));

  for (guint i = 0; i < info->n_props; i++)
    json_object_set_member (object, info->members[i],
                            sam_json_value_to_node (info->props[i],
                                                    sam_item_peek_value (item, info->props[i])));

  for (guint i = 0; i < info->n_lists; i++)
    {
      GListModel *list = G_LIST_MODEL (sam_item_get_list (item, info->lists[i].name));
      guint n = g_list_model_get_n_items (list);
      JsonArray *array = json_array_sized_new (n);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(SamItem) child = g_list_model_get_item (list, j);

          json_array_add_element (array, sam_json_item_to_node (child));
        }
      json_object_set_array_member (object, info->list_members[i], array);
    }

  extra = sam_item_get_extra (item);
  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (!is_known_member (info, name, SAM_IS_SESSION (item)))
          json_object_set_member (object, name, json_node_copy (member));
    }

  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

/* Writing text */

static void
write_indent (GString *out,
              guint    level)
{
  static const char spaces[] = "                                                                ";
  guint n = level * 2;

  while (n > 0)
    {
      guint chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (out, spaces, chunk);
      n -= chunk;
    }
}

static void
write_string (GString    *out,
              const char *s)
{
  const char *run = s;

  g_string_append_c (out, '"');

  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = *p;
      const char *escape;
      char buf[8];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_snprintf (buf, sizeof buf, "\\u%04x", c);
          escape = buf;
          break;
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }

  g_string_append (out, run);
  g_string_append_c (out, '"');
}

/* A double stays a double when read back ("1.0", not "1"), so that saving
 * again writes the same bytes and unknown members keep their type. */
static void
write_double (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 2];

  format_double (buf, sizeof buf - 2, value);
  g_string_append (out, buf);
  if (strpbrk (buf, ".e") == NULL)
    g_string_append (out, ".0");
}

static void
write_strv (GString            *out,
            const char * const *strv)
{
  g_string_append_c (out, '[');
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      write_string (out, strv[i]);
    }
  g_string_append_c (out, ']');
}

static gboolean
is_scalar (JsonNode *node)
{
  return !JSON_NODE_HOLDS_OBJECT (node) && !JSON_NODE_HOLDS_ARRAY (node);
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     level)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            g_string_append (out, first ? "{\n" : ",\n");
            first = FALSE;
            write_indent (out, level + 1);
            write_string (out, name);
            g_string_append (out, ": ");
            write_node (out, member, level + 1);
          }
        if (first)
          {
            g_string_append (out, "{}");
          }
        else
          {
            g_string_append_c (out, '\n');
            write_indent (out, level);
            g_string_append_c (out, '}');
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        gboolean inline_ = TRUE;

        for (guint i = 0; i < n && inline_; i++)
          inline_ = is_scalar (json_array_get_element (array, i));

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (inline_)
              {
                if (i > 0)
                  g_string_append (out, ", ");
              }
            else
              {
                g_string_append (out, i > 0 ? ",\n" : "\n");
                write_indent (out, level + 1);
              }
            write_node (out, json_array_get_element (array, i), level + 1);
          }
        if (!inline_ && n > 0)
          {
            g_string_append_c (out, '\n');
            write_indent (out, level);
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          append_int64 (out, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          write_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;
    }
}

static void
write_value (GString      *out,
             GParamSpec   *pspec,
             const GValue *value,
             guint         level)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);

      write_string (out, s != NULL ? s : "");
    }
  else if (type == G_TYPE_INT64 && (pspec->flags & SAM_PARAM_TIMESTAMP))
    {
      gint64 us = g_value_get_int64 (value);
      char buf[40];

      if (us <= 0)
        {
          g_string_append (out, "null");
          return;
        }
      format_timestamp (buf, sizeof buf, us);
      g_string_append_c (out, '"');
      g_string_append (out, buf);
      g_string_append_c (out, '"');
    }
  else if (type == G_TYPE_INT)
    {
      append_int64 (out, g_value_get_int (value));
    }
  else if (type == G_TYPE_UINT)
    {
      append_int64 (out, g_value_get_uint (value));
    }
  else if (type == G_TYPE_INT64)
    {
      append_int64 (out, g_value_get_int64 (value));
    }
  else if (type == G_TYPE_DOUBLE)
    {
      write_double (out, g_value_get_double (value));
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      g_string_append (out, g_value_get_boolean (value) ? "true" : "false");
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                         g_value_get_enum (value));

      write_string (out, ev != NULL ? ev->value_nick : "");
    }
  else if (type == G_TYPE_STRV)
    {
      write_strv (out, g_value_get_boxed (value));
    }
  else if (type == G_TYPE_VARIANT)
    {
      GVariant *variant = g_value_get_variant (value);
      gsize n = 0;

      if (variant != NULL && g_variant_is_of_type (variant, G_VARIANT_TYPE ("aas")))
        n = g_variant_n_children (variant);

      g_string_append_c (out, '[');
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (variant, i);
          g_autofree const char **strv = g_variant_get_strv (child, NULL);

          g_string_append (out, i > 0 ? ",\n" : "\n");
          write_indent (out, level + 1);
          write_strv (out, strv);
        }
      if (n > 0)
        {
          g_string_append_c (out, '\n');
          write_indent (out, level);
        }
      g_string_append_c (out, ']');
    }
  else if (type == G_TYPE_BYTES)
    {
      GBytes *bytes = g_value_get_boxed (value);

      if (bytes != NULL && g_bytes_get_size (bytes) > 0)
        {
          g_autofree char *text = g_base64_encode (g_bytes_get_data (bytes, NULL),
                                                   g_bytes_get_size (bytes));

          g_string_append_c (out, '"');
          g_string_append (out, text);
          g_string_append_c (out, '"');
        }
      else
        {
          g_string_append (out, "\"\"");
        }
    }
  else
    {
      g_critical ("%s: properties of type %s are not supported in files",
                  pspec->name, g_type_name (type));
      g_string_append (out, "null");
    }
}

static void
begin_member (GString    *out,
              gboolean   *first,
              guint       level,
              const char *quoted_name)
{
  g_string_append (out, *first ? "{\n" : ",\n");
  *first = FALSE;
  write_indent (out, level + 1);
  g_string_append (out, quoted_name);
}

static void
write_item (GString *out,
            SamItem *item,
            guint    level,
            gboolean root)
{
  ClassInfo *info = class_info_for_type (G_OBJECT_TYPE (item));
  JsonObject *extra = sam_item_get_extra (item);
  gboolean first = TRUE;

  if (root)
    {
      begin_member (out, &first, level, "\"format\": ");
      write_string (out, SAM_FORMAT_NAME);
      begin_member (out, &first, level, "\"version\": ");
      append_int64 (out, SAM_FORMAT_VERSION);
      begin_member (out, &first, level, "\"minor_version\": ");
      append_int64 (out, SAM_FORMAT_MINOR_VERSION);
    }

  begin_member (out, &first, level, "\"id\": ");
  write_string (out, sam_item_get_id (item));

  for (guint i = 0; i < info->n_props; i++)
    {
      begin_member (out, &first, level, info->quoted_members[i]);
      write_value (out, info->props[i], sam_item_peek_value (item, info->props[i]), level + 1);
    }

  for (guint i = 0; i < info->n_lists; i++)
    {
      GListModel *list = G_LIST_MODEL (sam_item_get_list (item, info->lists[i].name));
      guint n = g_list_model_get_n_items (list);

      begin_member (out, &first, level, info->quoted_lists[i]);
      if (n == 0)
        {
          g_string_append (out, "[]");
          continue;
        }

      g_string_append_c (out, '[');
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(SamItem) child = g_list_model_get_item (list, j);

          g_string_append (out, j > 0 ? ",\n" : "\n");
          write_indent (out, level + 2);
          write_item (out, child, level + 2, FALSE);
        }
      g_string_append_c (out, '\n');
      write_indent (out, level + 1);
      g_string_append_c (out, ']');
    }

  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          if (is_known_member (info, name, root))
            continue;

          g_string_append (out, ",\n");
          write_indent (out, level + 1);
          write_string (out, name);
          g_string_append (out, ": ");
          write_node (out, member, level + 1);
        }
    }

  g_string_append_c (out, '\n');
  write_indent (out, level);
  g_string_append_c (out, '}');
}

char *
sam_json_save_data (SamSession *session,
                    gsize      *length)
{
  GString *out;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);

  out = g_string_sized_new (64 * 1024);
  write_item (out, SAM_ITEM (session), 0, TRUE);
  g_string_append_c (out, '\n');

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
