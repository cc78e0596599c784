/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_PROPERTIES_WINDOW (sam_properties_window_get_type ())
G_DECLARE_FINAL_TYPE (SamPropertiesWindow, sam_properties_window, SAM, PROPERTIES_WINDOW, AdwPreferencesWindow)

/* Edits the metadata of @session; every change is one undoable edit. */
GtkWidget  *sam_properties_window_new         (GtkWindow           *parent,
                                               SamSession          *session);
SamSession *sam_properties_window_get_session (SamPropertiesWindow *self);
/* Applies what is typed in the fields and not applied yet (no Enter, the
 * focus still there): before the session is saved or its window closes. */
void        sam_properties_window_apply       (SamPropertiesWindow *self);

G_END_DECLS
