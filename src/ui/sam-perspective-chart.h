/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

/*
 * "Which perspectives are here today?": a bar chart of the session's
 * balloons per perspective, one bar per perspective in the list's order, in
 * its colour, with its symbol, its name and the number written out (the
 * length of a bar is never the only way to read it). Updates as balloons
 * and perspectives change. Balloons without a perspective are not shown.
 *
 * "stage": large type on the stage's dark background, sized to the widget;
 * otherwise it follows the theme, for the control window's board.
 *
 * Its accessible description lists the counts ("Region 3, School 5, …").
 */

#define SAM_TYPE_PERSPECTIVE_CHART (sam_perspective_chart_get_type ())
G_DECLARE_FINAL_TYPE (SamPerspectiveChart, sam_perspective_chart, SAM, PERSPECTIVE_CHART, GtkWidget)

GtkWidget  *sam_perspective_chart_new         (void);

void        sam_perspective_chart_set_session (SamPerspectiveChart *self,
                                               SamSession          *session);
SamSession *sam_perspective_chart_get_session (SamPerspectiveChart *self);
void        sam_perspective_chart_set_stage   (SamPerspectiveChart *self,
                                               gboolean             stage);
gboolean    sam_perspective_chart_get_stage   (SamPerspectiveChart *self);

G_END_DECLS
