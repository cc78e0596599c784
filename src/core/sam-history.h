/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sam-types.h"

G_BEGIN_DECLS

/*
 * The undo/redo history of one session. Steps are recorded by SamSession's
 * edit functions; this object exposes the state for the interface
 * (can-undo, can-redo, undo-label, redo-label are notifying properties).
 */

#define SAM_TYPE_HISTORY (sam_history_get_type ())
G_DECLARE_FINAL_TYPE (SamHistory, sam_history, SAM, HISTORY, GObject)

gboolean    sam_history_get_can_undo   (SamHistory *self);
gboolean    sam_history_get_can_redo   (SamHistory *self);
const char *sam_history_get_undo_label (SamHistory *self);
const char *sam_history_get_redo_label (SamHistory *self);
guint       sam_history_get_n_steps    (SamHistory *self);
void        sam_history_clear          (SamHistory *self);

G_END_DECLS
