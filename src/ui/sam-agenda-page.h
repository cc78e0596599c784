/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

/*
 * The agenda view: the items with their planned start (and actual start and
 * end once run), the session's end and a warning when the plan runs past
 * it; adding, removing, duplicating, reordering (drag and drop, Alt+Up and
 * Alt+Down) and editing the selected item. Follows the timer: the running
 * item is marked.
 */

#define SAM_TYPE_AGENDA_PAGE (sam_agenda_page_get_type ())
G_DECLARE_FINAL_TYPE (SamAgendaPage, sam_agenda_page, SAM, AGENDA_PAGE, AdwBin)

void           sam_agenda_page_set_timer    (SamAgendaPage *self,
                                             SamTimer      *timer);
SamTimer      *sam_agenda_page_get_timer    (SamAgendaPage *self);
/* The item selected for editing, or NULL. */
SamAgendaItem *sam_agenda_page_get_selected (SamAgendaPage *self);
void           sam_agenda_page_select       (SamAgendaPage *self,
                                             SamAgendaItem *item);
/* Applies what was typed into the item's fields and not yet applied (the
 * window calls it before it saves or closes). */
void           sam_agenda_page_apply        (SamAgendaPage *self);

G_END_DECLS
