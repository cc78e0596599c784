/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sam-item.h"
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

static double
channel_luminance (double c)
{
  /* A cubic close to the sRGB curve (within half a percent), which keeps
   * the interface free of libm for one comparison. */
  return c * (c * (c * 0.305306011 + 0.682171111) + 0.012522878);
}

const GdkRGBA *
sam_ink_for (const GdkRGBA *fill)
{
  double l = 0.2126 * channel_luminance (fill->red) +
             0.7152 * channel_luminance (fill->green) +
             0.0722 * channel_luminance (fill->blue);

  return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? &white : &black;
}
