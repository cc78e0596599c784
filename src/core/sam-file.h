/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sam-types.h"

G_BEGIN_DECLS

/* Writes @data to @file atomically and durably: a new file is written and
 * fsynced next to it, renamed over the old one, and the folder fsynced. On
 * failure the old file is untouched. Blocks: call from a worker thread. */
gboolean    sam_file_replace_contents (GFile               *file,
                                       const char          *data,
                                       gsize                length,
                                       GError             **error);

/* Loads a session file (size-checked, validated) in a worker thread. The
 * result carries the file's bytes too (see sam_file_load_finish). */
void        sam_file_load_async       (GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
SamSession *sam_file_load_finish      (GAsyncResult        *result,
                                       GBytes             **contents,
                                       GError             **error);
SamSession *sam_file_load             (GFile               *file,
                                       GBytes             **contents,
                                       GError             **error);

/* Serializes @session now (on the calling thread, so later edits do not
 * race) and writes it in a worker thread. The result carries the bytes written. */
void        sam_file_save_async       (SamSession          *session,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    sam_file_save_finish      (GAsyncResult        *result,
                                       GBytes             **contents,
                                       GError             **error);
gboolean    sam_file_save             (SamSession          *session,
                                       GFile               *file,
                                       GBytes             **contents,
                                       GError             **error);

G_END_DECLS
