/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

/*
 * The projector's window: one SamStageView filling it, full screen on a
 * chosen monitor, or windowed for a rehearsal on one screen. Its keys are a
 * presenter console's (B blank, F freeze, Space start/pause, N/P next and
 * previous, + and − nudge, Escape leaves full screen); they activate the
 * control window's actions, so both windows behave alike.
 */

#define SAM_TYPE_STAGE_WINDOW (sam_stage_window_get_type ())
G_DECLARE_FINAL_TYPE (SamStageWindow, sam_stage_window, SAM, STAGE_WINDOW, AdwWindow)

/* @control: the window whose "win." actions the keys activate. */
SamStageWindow *sam_stage_window_new          (SamWindow      *control,
                                               SamTimer       *timer);
SamStageView   *sam_stage_window_get_view     (SamStageWindow *self);
/* Full screen on @monitor, or windowed when NULL. Works before and after
 * the window is shown (the placement is applied once it is mapped). */
void            sam_stage_window_set_monitor  (SamStageWindow *self,
                                               GdkMonitor     *monitor);
GdkMonitor     *sam_stage_window_get_monitor  (SamStageWindow *self);

G_END_DECLS
