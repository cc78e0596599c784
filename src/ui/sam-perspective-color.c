/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sam-item.h"
#include "sam-map.h"
#include "sam-perspective-color.h"

static const GdkRGBA white = { 1.0, 1.0, 1.0, 1.0 };
static const GdkRGBA black = { 0.0, 0.0, 0.0, 1.0 };
static const GdkRGBA grey  = { 0.604, 0.600, 0.588, 1.0 };  /* #9a9996 */

void
sam_color_parse_or_grey (const char *color,
                         GdkRGBA    *rgba)
{
  if (color == NULL || !gdk_rgba_parse (rgba, color))
    *rgba = grey;
  rgba->alpha = 1.0;
}

void
sam_perspective_get_rgba (SamItem *perspective,
                          GdkRGBA *color)
{
  sam_color_parse_or_grey (sam_item_get_string (perspective, "color"), color);
}

const GdkRGBA *
sam_ink_for (const GdkRGBA *fill)
{
  return sam_color_prefers_white_ink (fill->red, fill->green, fill->blue) ? &white : &black;
}
