/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-session.h"

G_BEGIN_DECLS

/*
 * The participant map, without drawing it: the places of a map picture,
 * which place a balloon stands in, and the counts the board shows.
 *
 * Positions are fractions of the picture (0..1 from the left and from the
 * top), as balloons store them, so they do not depend on any window size.
 *
 * A map's places come from its SVG: every <polygon> element with a
 * data-place attribute is (part of) the place of that name, its points in
 * the coordinates of the root element's viewBox (or width and height). A
 * place may have several polygons (islands); where polygons overlap, the
 * last one in the file wins. One element with id="elsewhere" (a <rect>)
 * marks the box where people from farther away put their balloons; it is
 * not a place: balloons there, like balloons outside every place, count as
 * "elsewhere". The built-in map of Blekinge (data/map/blekinge.svg) follows
 * these rules, and so can any SVG a facilitator loads; a PNG or JPEG has no
 * places.
 */

typedef struct _SamMapPlaces SamMapPlaces;

#define SAM_TYPE_MAP_PLACES (sam_map_places_get_type ())
GType          sam_map_places_get_type      (void) G_GNUC_CONST;

/* The largest map picture a session may carry (the bytes of the file). */
#define SAM_MAP_IMAGE_MAX_SIZE (8 * 1024 * 1024)

/* The built-in map of Blekinge: its SVG (transfer full) and its places
 * (transfer none, made once). */
GBytes        *sam_map_dup_builtin_svg      (void);
SamMapPlaces  *sam_map_places_get_builtin   (void);

/* Reads the places of an SVG. An SVG without places gives an empty set; a
 * file that is not well-formed XML, or has no usable size, is an error. */
SamMapPlaces  *sam_map_places_new_from_svg  (GBytes       *svg,
                                             GError      **error);
/* The places of @session's map: the built-in ones when it has no picture of
 * its own, those of its SVG, or NULL for a PNG, a JPEG or an SVG that cannot
 * be read (transfer full). */
SamMapPlaces  *sam_map_places_dup_for_session (SamSession *session);

SamMapPlaces  *sam_map_places_ref           (SamMapPlaces *self);
void           sam_map_places_unref         (SamMapPlaces *self);

/* Width / height of the picture, from its viewBox. */
double         sam_map_places_get_aspect    (SamMapPlaces *self);
/* The places' names, each once, in the order of the file. */
guint          sam_map_places_get_n_places  (SamMapPlaces *self);
const char    *sam_map_places_get_name      (SamMapPlaces *self,
                                             guint         index);
/* The place at (@x, @y), or NULL: elsewhere. */
const char    *sam_map_places_lookup        (SamMapPlaces *self,
                                             double        x,
                                             double        y);
/* The "elsewhere" box, in fractions of the picture; FALSE if there is none. */
gboolean       sam_map_places_get_elsewhere (SamMapPlaces *self,
                                             double       *x,
                                             double       *y,
                                             double       *width,
                                             double       *height);

/* The number of balloons in each place. */
typedef struct
{
  const char *name;   /* owned by the places; NULL for elsewhere */
  guint       count;
} SamPlaceCount;

/* Counts @session's balloons by place (@places may be NULL: then every
 * balloon is elsewhere). The result has the places with at least one
 * balloon, most first (ties in the map's order), then elsewhere if any
 * balloon is there: a GArray of SamPlaceCount. */
GArray        *sam_map_count_places         (SamSession   *session,
                                             SamMapPlaces *places);
/* "Karlskrona 6, Ronneby 3, elsewhere 2"; "" when there are no balloons. */
char          *sam_map_format_place_counts  (GArray       *counts);

/* The number of balloons of each of @session's perspectives, in the order
 * of its list, and one more at the end for balloons without a perspective;
 * *n_counts is the number of perspectives + 1 (transfer full). */
guint         *sam_map_count_perspectives   (SamSession   *session,
                                             guint        *n_counts);
/* The perspectives no one here brings: no balloon of it is on the map and
 * no participant who is present carries it, in the order of the list
 * (transfer container). */
GPtrArray     *sam_map_find_gaps            (SamSession   *session);

/* What a perspective's balloons show: its symbol, else the first letter of
 * its name in upper case, else "?" (transfer full). */
char          *sam_perspective_dup_symbol   (SamItem      *perspective);
/* For a new perspective: the first colour of the colour-blind-safe palette
 * that no perspective of @session uses yet (the palette's first when all
 * are in use), and a symbol of one or two letters from @name that no other
 * perspective shows. */
const char    *sam_map_suggest_color        (SamSession   *session);
/* Whether white letters contrast more than black ones with a fill of
 * @red, @green, @blue (sRGB, 0–1), by the WCAG's contrast ratio: what the
 * app, the stage and the export write a perspective's letters in. */
gboolean       sam_color_prefers_white_ink  (double        red,
                                             double        green,
                                             double        blue);
char          *sam_map_suggest_symbol       (SamSession   *session,
                                             const char   *name);

/* Checks @image as a map picture: at most SAM_MAP_IMAGE_MAX_SIZE bytes and
 * PNG, JPEG or SVG by its content (not its name). Returns the media type
 * ("image/png", "image/jpeg", "image/svg+xml"); on failure a message for a
 * person, naming the limit or the kinds that work. */
/* The size part of sam_map_check_image(), for a file not yet read. */
gboolean       sam_map_check_image_size     (guint64       size,
                                             GError      **error);
const char    *sam_map_check_image          (GBytes       *image,
                                             GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMapPlaces, sam_map_places_unref)

G_END_DECLS
