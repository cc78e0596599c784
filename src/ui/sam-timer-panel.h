/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

/*
 * The facilitator's console beside the agenda: a live miniature of the
 * stage, the current and next item, the countdown, the projected end
 * ("Ends 15:07, 7 min behind"), and the timer and stage controls. The
 * buttons activate the window's "win.timer-*" and "win.stage-*" actions.
 */

#define SAM_TYPE_TIMER_PANEL (sam_timer_panel_get_type ())
G_DECLARE_FINAL_TYPE (SamTimerPanel, sam_timer_panel, SAM, TIMER_PANEL, AdwBin)

void          sam_timer_panel_set_timer     (SamTimerPanel *self,
                                             SamTimer      *timer);
SamTimer     *sam_timer_panel_get_timer     (SamTimerPanel *self);
/* The miniature, which the window keeps blanked and frozen like the stage. */
SamStageView *sam_timer_panel_get_miniature (SamTimerPanel *self);

G_END_DECLS
