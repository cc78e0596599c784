/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_FORMAT_NAME          "samling"
#define SAM_FORMAT_VERSION       1        /* major: a reader refuses a higher one */
#define SAM_FORMAT_MINOR_VERSION 1        /* minor: additions only, always readable */
#define SAM_JSON_MAX_SIZE        (64 * 1024 * 1024)
#define SAM_JSON_MAX_DEPTH       32

#define SAM_JSON_ERROR (sam_json_error_quark ())
GQuark sam_json_error_quark (void);

typedef enum {
  SAM_JSON_ERROR_NOT_JSON,       /* empty, not UTF-8, syntax, too deep, bad number */
  SAM_JSON_ERROR_NOT_SAMLING,    /* JSON, but not a Samling session */
  SAM_JSON_ERROR_NEWER_VERSION,  /* made by a newer Samling with a higher major version */
  SAM_JSON_ERROR_INVALID,        /* a Samling file whose content is wrong (message names the path) */
  SAM_JSON_ERROR_TOO_LARGE,      /* larger than SAM_JSON_MAX_SIZE */
} SamJsonError;

/* Checks the raw text before json-glib sees it: size, UTF-8, nesting depth,
 * number lexemes and ranges, quoting. Messages give line and column. */
gboolean    sam_json_check_text      (const char   *data,
                                      gsize         length,
                                      GError      **error);

/* Parses and validates a whole session; on error returns NULL and nothing else
 * changes. */
SamSession *sam_json_load_data       (const char   *data,
                                      gsize         length,
                                      GError      **error);
/* Serializes @session (pretty-printed UTF-8, newline at the end). */
char       *sam_json_save_data       (SamSession   *session,
                                      gsize        *length);

/* One item (and its child lists) to and from a JSON object. The _from_
 * function checks types and ranges, naming @path in errors, but not
 * references or id uniqueness (see SamSession). */
JsonNode   *sam_json_item_to_node    (SamItem      *item);
SamItem    *sam_json_item_from_node  (GType         type,
                                      JsonNode     *node,
                                      const char   *path,
                                      GError      **error);
gboolean    sam_json_item_fill       (SamItem      *item,
                                      JsonObject   *object,
                                      const char   *path,
                                      GError      **error);
JsonNode   *sam_json_value_to_node   (GParamSpec   *pspec,
                                      const GValue *value);
gboolean    sam_json_value_from_node (GParamSpec   *pspec,
                                      JsonNode     *node,
                                      GValue       *value,
                                      const char   *path,
                                      GError      **error);

/* "title" for "title", "start_time" for "start-time". */
char       *sam_json_member_name     (const char   *property_name);

G_END_DECLS
