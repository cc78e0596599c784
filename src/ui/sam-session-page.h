/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_SESSION_PAGE (sam_session_page_get_type ())
G_DECLARE_FINAL_TYPE (SamSessionPage, sam_session_page, SAM, SESSION_PAGE, AdwBin)

/* An overview of @session that follows every change of it. */
void        sam_session_page_set_session (SamSessionPage *self,
                                          SamSession     *session);
SamSession *sam_session_page_get_session (SamSessionPage *self);

G_END_DECLS
