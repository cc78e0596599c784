/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_START_PAGE (sam_start_page_get_type ())
G_DECLARE_FINAL_TYPE (SamStartPage, sam_start_page, SAM, START_PAGE, AdwBin)

/* The page lists the application's recent sessions and unsaved journals and
 * follows its ::library-changed. */
void sam_start_page_set_application (SamStartPage   *self,
                                     SamApplication *application);
/* Reads the lists again. */
void sam_start_page_refresh         (SamStartPage   *self);

G_END_DECLS
