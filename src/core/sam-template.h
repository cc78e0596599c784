/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sam-types.h"

G_BEGIN_DECLS

/*
 * An agenda template is the plan of a session without its day: the agenda
 * items' title, duration, kind, notes, activity kind and overrun policy, and
 * the session's start time, end time, warning time and language (that of
 * the titles and notes). What happened on the day (actual start and end,
 * pauses, extensions, skipped items), the links to other items of the
 * document and the ids are left out.
 *
 * A template is JSON text, small and versioned (see docs/store.md):
 *
 *   {"samling_template":1,"start_time":"09:00","end_time":"12:00",
 *    "warning_time":60,"language":"sv","agenda":[{"title":"Välkomna",
 *    "duration":600,"kind":"welcome","notes":"","activity_kind":"none",
 *    "overrun":"push"}]}
 *
 * Reading is strict: the text passes sam_json_check_text(), every value is
 * checked for type and range, and a broken template fails with a
 * SAM_JSON_ERROR that names the place, never with half a result.
 */

#define SAM_TEMPLATE_VERSION   1     /* a reader refuses a higher one */
#define SAM_TEMPLATE_MAX_ITEMS 1000

/* The agenda of @session as template text (NUL-terminated UTF-8). */
char       *sam_template_build   (SamSession   *session,
                                  gsize        *length);

/* Checks a template and tells its number of items and their total planned
 * duration in seconds. */
gboolean    sam_template_inspect (const char   *data,
                                  gsize         length,
                                  guint        *n_items,
                                  guint        *duration,
                                  GError      **error);

/* A new session (as sam_session_new() makes) with the template's agenda and
 * times, titled @title unless it is NULL or empty. It is not dirty and has
 * no undo history. */
SamSession *sam_template_apply   (const char   *data,
                                  gsize         length,
                                  const char   *title,
                                  GError      **error);

G_END_DECLS
