/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sam-types.h"

G_BEGIN_DECLS

/*
 * How a perspective's colour is drawn, the same on the map, the chart, the
 * board and the participant list.
 */

/* The perspective's colour, opaque; grey when it has none that parses. */
void           sam_perspective_get_rgba (SamItem       *perspective,
                                         GdkRGBA       *color);
/* @color as text ("#rrggbb"), or grey when it is NULL or does not parse. */
void           sam_color_parse_or_grey  (const char    *color,
                                         GdkRGBA       *rgba);
/* White or black, whichever contrasts more with @fill (WCAG): the colour
 * of a symbol written on it. */
const GdkRGBA *sam_ink_for              (const GdkRGBA *fill);

G_END_DECLS
