/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-json.h"

G_BEGIN_DECLS

/* Checks @data as strict JSON within the limits of sam_json_check_text()
 * and returns its tree, or NULL with a SAM_JSON_ERROR_NOT_JSON error. */
JsonNode *sam_json_parse_text (const char  *data,
                               gsize        length,
                               GError     **error);

/* At most 40 characters from @start to @end, with … when cut; for messages. */
char     *sam_json_excerpt    (const char  *start,
                               const char  *end);

G_END_DECLS
