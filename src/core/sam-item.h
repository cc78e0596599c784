/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sam-types.h"

G_BEGIN_DECLS

/*
 * SamItem is the base of every object in a session document. A subclass only
 * declares its properties (GParamSpecs) and its child lists; storage, change
 * notification, the file format, undo and the journal all work from those
 * declarations, so a new field is one line in sam-entities.c.
 *
 * Property names map to JSON member names with '-' replaced by '_'.
 */

/* Extra meaning of a property, stored in the GParamSpec flags. */
#define SAM_PARAM_REF       (1 << (G_PARAM_USER_SHIFT + 0)) /* string or strv of ids of other items */
#define SAM_PARAM_TIMESTAMP (1 << (G_PARAM_USER_SHIFT + 1)) /* gint64 µs since the epoch, 0 = unset; ISO 8601 in files */
#define SAM_PARAM_DATE      (1 << (G_PARAM_USER_SHIFT + 2)) /* string "YYYY-MM-DD" or "" */
#define SAM_PARAM_CLOCK     (1 << (G_PARAM_USER_SHIFT + 3)) /* string "HH:MM" (24 h) or "" */
#define SAM_PARAM_COLOR     (1 << (G_PARAM_USER_SHIFT + 4)) /* string "#rrggbb" */
#define SAM_PARAM_REQUIRED  (1 << (G_PARAM_USER_SHIFT + 5)) /* must be present in a file */

#define SAM_ITEM_PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

#define SAM_TYPE_ITEM (sam_item_get_type ())
G_DECLARE_DERIVABLE_TYPE (SamItem, sam_item, SAM, ITEM, GObject)

typedef struct
{
  const char *name;      /* property-style name, e.g. "notes" */
  GType       item_type; /* a SamItem subclass */
} SamItemListSpec;

struct _SamItemClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char            *json_name;  /* e.g. "note", used in messages */
  const SamItemListSpec *lists;
  guint                  n_lists;
  guint                  n_props;
  GParamSpec           **props;      /* props[1..n_props], the subclass's own */

  /* For a subclass's own non-document properties (ids above n_props). */
  void (*get_other_property) (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec);
};

void        sam_item_class_install (SamItemClass          *klass,
                                    const char            *json_name,
                                    GParamSpec           **pspecs,
                                    guint                  n_pspecs,
                                    const SamItemListSpec *lists,
                                    guint                  n_lists);

SamItem    *sam_item_new           (GType                  type,
                                    const char            *id);
const char *sam_item_get_id        (SamItem               *self);
const char *sam_item_get_json_name (SamItem               *self);
GListStore *sam_item_get_list      (SamItem               *self,
                                    const char            *name);
const SamItemListSpec *
            sam_item_find_list     (SamItem               *self,
                                    const char            *name);
SamItem    *sam_item_get_parent    (SamItem               *self);
const char *sam_item_get_parent_list (SamItem             *self);
void        sam_item_set_parent    (SamItem               *self,
                                    SamItem               *parent,
                                    const char            *list_name);

/* Members of the file that this version does not know; kept and written back. */
JsonObject *sam_item_get_extra     (SamItem               *self);
void        sam_item_set_extra     (SamItem               *self,
                                    JsonObject            *extra);

GParamSpec **sam_item_list_properties (SamItem            *self,
                                       guint              *n_props);

/* Fast typed readers for the common cases (no GValue copies). */
const char *sam_item_get_string    (SamItem               *self,
                                    const char            *prop);
gint64      sam_item_get_int64     (SamItem               *self,
                                    const char            *prop);
int         sam_item_get_int       (SamItem               *self,
                                    const char            *prop);
double      sam_item_get_double    (SamItem               *self,
                                    const char            *prop);
gboolean    sam_item_get_boolean   (SamItem               *self,
                                    const char            *prop);
int         sam_item_get_enum      (SamItem               *self,
                                    const char            *prop);
const char * const *
            sam_item_get_strv      (SamItem               *self,
                                    const char            *prop);
GVariant   *sam_item_get_variant   (SamItem               *self,
                                    const char            *prop);
GBytes     *sam_item_get_bytes     (SamItem               *self,
                                    const char            *prop);

/* Deep copy with the same ids (used by undo and tests). */
SamItem    *sam_item_copy          (SamItem               *self);
/* Deep comparison of values, lists and extra members. */
gboolean    sam_item_equal         (SamItem               *a,
                                    SamItem               *b);

/* Equality of two values of one property (strv, variant and bytes by
 * content; NULL equals empty). */
gboolean    sam_value_equal        (const GValue          *a,
                                    const GValue          *b);

/* The value of @pspec (one of @self's properties), without a copy. */
const GValue *
            sam_item_peek_value    (SamItem               *self,
                                    GParamSpec            *pspec);
/* Sets the id; only for items not yet in a session. */
void        sam_item_set_id        (SamItem               *self,
                                    const char            *id);

/* Calls @func on @self and every item below it, depth first. */
void        sam_item_foreach       (SamItem               *self,
                                    void                 (*func) (SamItem *item, gpointer user_data),
                                    gpointer               user_data);

G_END_DECLS
