/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_APPLICATION (sam_application_get_type ())
G_DECLARE_FINAL_TYPE (SamApplication, sam_application, SAM, APPLICATION, AdwApplication)

SamApplication *sam_application_new               (void);

/* The session library and recovery journal; NULL when it could not be opened. */
SamStore       *sam_application_get_store         (SamApplication *self);
/* Why the store could not be opened, once: the first caller gets it (transfer
 * full), later callers get NULL. */
GError         *sam_application_take_store_error  (SamApplication *self);
/* NULL when the settings schema is not installed. */
GSettings      *sam_application_get_settings      (SamApplication *self);

/* Where the timers of new sessions read the time (the system clock unless
 * a test set another). */
SamClock       *sam_application_get_clock         (SamApplication *self);
void            sam_application_set_clock         (SamApplication *self,
                                                   SamClock       *clock);

SamWindow      *sam_application_create_window     (SamApplication *self);
/* The window that shows @file, if any. */
SamWindow      *sam_application_find_window       (SamApplication *self,
                                                   GFile          *file);
/* A window showing the start page (preferably the active one) or a new one. */
SamWindow      *sam_application_get_free_window   (SamApplication *self);
/* Whether a window of this process writes the journal @journal_id. */
gboolean        sam_application_has_journal       (SamApplication *self,
                                                   const char     *journal_id);
/* Tells start pages that the library or the journals changed. */
void            sam_application_library_changed   (SamApplication *self);

G_END_DECLS
