/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "sam-session.h"

G_BEGIN_DECLS

/*
 * The summary's pictures, drawn with cairo for the PDF (as vectors where
 * they can be) and for the HTML (as PNG): the participant map with its
 * balloons, and the chart of balloons per perspective.
 */

/* Draws the map of @session (its own picture, or the built-in map of
 * Blekinge) with its balloons, fitted into @width × @height at the current
 * point's origin; returns the height used. */
double       sam_export_draw_map     (cairo_t    *cr,
                                      SamSession *session,
                                      double      width,
                                      double      height);
/* Draws the chart of balloons per perspective (bars with the perspective's
 * colour, letters, name and count) into @width; returns the height used. */
double       sam_export_draw_chart   (cairo_t    *cr,
                                      SamSession *session,
                                      double      width);
/* The same as PNG files of @width pixels (transfer full; NULL when there is
 * nothing to draw, e.g. no balloons for the chart). */
GBytes      *sam_export_map_png      (SamSession *session,
                                      int         width);
GBytes      *sam_export_chart_png    (SamSession *session,
                                      int         width);

G_END_DECLS
