/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sam-entities.h"
#include "sam-map.h"
#include "sam-session.h"

/* Points inside each municipality of the built-in map, in its viewBox
 * (1600 × 900): near the names, and on an island of each of three. */
static const struct
{
  double      x, y;
  const char *place;
} builtin_points[] = {
  { 316, 330, "Olofström" },
  { 330, 600, "Sölvesborg" },
  { 558, 410, "Karlshamn" },
  { 821, 360, "Ronneby" },
  { 1163, 420, "Karlskrona" },
  { 530, 730, "Sölvesborg" },   /* Hanö */
  { 1140, 620, "Karlskrona" },  /* Sturkö */
  { 970, 612, "Karlskrona" },   /* Hasslö */
  { 800, 700, NULL },           /* the Baltic */
  { 300, 830, NULL },           /* Hanöbukten */
  { 100, 463, NULL },           /* Skåne */
  { 604, 64, NULL },            /* Kronoberg */
  { 1250, 100, NULL },          /* Kalmar län */
  { 1425, 820, NULL },          /* the elsewhere box */
};

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static SamMapPlaces *
places_of (const char *svg)
{
  g_autoptr(GBytes) bytes = bytes_of (svg);
  g_autoptr(GError) error = NULL;
  SamMapPlaces *places = sam_map_places_new_from_svg (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (places);
  return places;
}

static SamItem *
perspective_at (SamSession *session,
                guint       index)
{
  g_autoptr(SamItem) perspective =
    g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (session)), index);

  g_assert_nonnull (perspective);
  /* The session keeps it. */
  return perspective;
}

static void
add_balloon (SamSession *session,
             double      x,
             double      y,
             SamItem    *perspective)
{
  g_autoptr(SamItem) balloon = sam_item_new (SAM_TYPE_BALLOON, NULL);

  g_object_set (balloon,
                "x", x,
                "y", y,
                "perspective", perspective != NULL ? sam_item_get_id (perspective) : "",
                NULL);
  sam_session_insert (session, session, "balloons", G_MAXUINT, balloon);
}

static void
add_participant (SamSession *session,
                 const char *name,
                 gboolean    present,
                 SamItem    *perspective)
{
  g_autoptr(SamItem) participant = sam_item_new (SAM_TYPE_PARTICIPANT, NULL);
  const char *ids[] = { sam_item_get_id (perspective), NULL };

  g_object_set (participant,
                "name", name,
                "present", present,
                "perspectives", ids,
                NULL);
  sam_session_insert (session, session, "participants", G_MAXUINT, participant);
}

static SamItem *
add_perspective (SamSession *session,
                 const char *name,
                 const char *color,
                 const char *symbol)
{
  g_autoptr(SamItem) perspective = sam_item_new (SAM_TYPE_PERSPECTIVE, NULL);

  g_object_set (perspective, "name", name, "color", color, "symbol", symbol, NULL);
  sam_session_insert (session, session, "perspectives", G_MAXUINT, perspective);
  return perspective;
}

/* The built-in map */

static void
test_builtin_places (void)
{
  static const char * const expected[] = {
    "Olofström", "Sölvesborg", "Karlshamn", "Ronneby", "Karlskrona",
  };
  SamMapPlaces *places = sam_map_places_get_builtin ();
  double x, y, width, height;

  g_assert_nonnull (places);
  g_assert_true (places == sam_map_places_get_builtin ());
  g_assert_cmpfloat_with_epsilon (sam_map_places_get_aspect (places), 1600.0 / 900.0, 1e-9);

  /* Each once, though three have islands. */
  g_assert_cmpuint (sam_map_places_get_n_places (places), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (sam_map_places_get_name (places, i), ==, expected[i]);

  g_assert_true (sam_map_places_get_elsewhere (places, &x, &y, &width, &height));
  g_assert_cmpfloat (x, >, 0.5);
  g_assert_cmpfloat (y, >, 0.5);
  g_assert_cmpfloat (x + width, <=, 1.0);
  g_assert_cmpfloat (y + height, <=, 1.0);
  /* Room for a handful of balloons. */
  g_assert_cmpfloat (width, >, 0.15);
  g_assert_cmpfloat (height, >, 0.15);
}

static void
test_builtin_lookup (void)
{
  SamMapPlaces *places = sam_map_places_get_builtin ();

  for (guint i = 0; i < G_N_ELEMENTS (builtin_points); i++)
    {
      const char *found = sam_map_places_lookup (places,
                                                 builtin_points[i].x / 1600,
                                                 builtin_points[i].y / 900);

      g_test_message ("(%g, %g)", builtin_points[i].x, builtin_points[i].y);
      g_assert_cmpstr (found, ==, builtin_points[i].place);
    }

  /* Off the picture. */
  g_assert_null (sam_map_places_lookup (places, -0.1, 0.5));
  g_assert_null (sam_map_places_lookup (places, 0.5, 1.2));
}

/* A balloon in the box must count as elsewhere because of where it is, not
 * only because the box comes first: no place lies under the box. */
static void
test_builtin_elsewhere_clear (void)
{
  g_autoptr(GBytes) svg = sam_map_dup_builtin_svg ();
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_autoptr(SamMapPlaces) without_box = NULL;
  double x, y, width, height;

  g_assert_true (sam_map_places_get_elsewhere (sam_map_places_get_builtin (), &x, &y, &width, &height));
  g_assert_cmpuint (g_string_replace (text, "<rect id=\"elsewhere\"", "<rect id=\"box\"", 0), ==, 1);
  without_box = places_of (text->str);
  g_assert_false (sam_map_places_get_elsewhere (without_box, NULL, NULL, NULL, NULL));

  for (double fx = 0; fx <= 1.0; fx += 0.05)
    for (double fy = 0; fy <= 1.0; fy += 0.05)
      g_assert_null (sam_map_places_lookup (without_box, x + fx * width, y + fy * height));
}

static void
test_builtin_svg (void)
{
  g_autoptr(GBytes) svg = sam_map_dup_builtin_svg ();
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;

  g_assert_nonnull (svg);
  data = g_bytes_get_data (svg, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (g_utf8_validate (data, size, NULL));
  g_assert_cmpstr (sam_map_check_image (svg, &error), ==, "image/svg+xml");
  g_assert_no_error (error);

  /* Picture decoders that are handed bytes without a name recognise an
   * SVG by "<svg" in its first 256 bytes. */
  g_assert_nonnull (g_strstr_len (data, MIN (size, 256), "<svg"));
}

/* SVGs of one's own */

static void
test_svg_overlap (void)
{
  g_autoptr(SamMapPlaces) places = places_of (
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 200 100'>"
    "  <polygon data-place='Väst' points='0,0 100,0 100,100 0,100'/>"
    "  <polygon data-place='Öst' points='80 0 180 0 180 100 80 100'/>"
    "  <polygon data-place='Väst' points='185,10,195,10,195,20,185,20'/>"
    "</svg>");

  g_assert_cmpuint (sam_map_places_get_n_places (places), ==, 2);
  g_assert_cmpstr (sam_map_places_get_name (places, 0), ==, "Väst");
  g_assert_cmpstr (sam_map_places_get_name (places, 1), ==, "Öst");
  g_assert_cmpfloat_with_epsilon (sam_map_places_get_aspect (places), 2.0, 1e-9);
  g_assert_false (sam_map_places_get_elsewhere (places, NULL, NULL, NULL, NULL));

  g_assert_cmpstr (sam_map_places_lookup (places, 0.2, 0.5), ==, "Väst");
  /* 90 × 50 lies in both: the later square is drawn on top. */
  g_assert_cmpstr (sam_map_places_lookup (places, 0.45, 0.5), ==, "Öst");
  g_assert_cmpstr (sam_map_places_lookup (places, 0.6, 0.5), ==, "Öst");
  /* The island of Väst. */
  g_assert_cmpstr (sam_map_places_lookup (places, 0.95, 0.15), ==, "Väst");
  g_assert_cmpstr (sam_map_places_lookup (places, 0.95, 0.5), ==, NULL);
}

static void
test_svg_concave (void)
{
  /* A U shape: the gap between its arms is outside. */
  g_autoptr(SamMapPlaces) places = places_of (
    "<svg viewBox='0 0 100 100'>"
    "<polygon data-place='U' points='0,0 30,0 30,70 70,70 70,0 100,0 100,100 0,100'/>"
    "</svg>");

  g_assert_cmpstr (sam_map_places_lookup (places, 0.15, 0.2), ==, "U");
  g_assert_cmpstr (sam_map_places_lookup (places, 0.85, 0.2), ==, "U");
  g_assert_cmpstr (sam_map_places_lookup (places, 0.5, 0.9), ==, "U");
  g_assert_null (sam_map_places_lookup (places, 0.5, 0.3));
}

static void
test_svg_elsewhere (void)
{
  g_autoptr(SamMapPlaces) places = places_of (
    "<svg viewBox='0 0 100 100'>"
    "<polygon data-place='All' points='0,0 100,0 100,100 0,100'/>"
    "<rect id='elsewhere' x='60' y='70' width='30' height='20'/>"
    "</svg>");
  double x, y, width, height;

  g_assert_true (sam_map_places_get_elsewhere (places, &x, &y, &width, &height));
  g_assert_cmpfloat_with_epsilon (x, 0.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 0.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (width, 0.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (height, 0.2, 1e-9);

  /* The box lies on the place, and a balloon in it is still elsewhere. */
  g_assert_null (sam_map_places_lookup (places, 0.75, 0.8));
  g_assert_cmpstr (sam_map_places_lookup (places, 0.5, 0.5), ==, "All");
}

static void
test_svg_size (void)
{
  g_autoptr(SamMapPlaces) by_size = places_of (
    "<svg width='400px' height='100'>"
    "<polygon data-place='A' points='0,0 200,0 200,100 0,100'/>"
    "</svg>");
  /* A viewBox wider than the picture is centred in it (the default
   * preserveAspectRatio), as renderers draw it. */
  g_autoptr(SamMapPlaces) letterboxed = places_of (
    "<svg viewBox='0 0 100 50' width='100' height='100'>"
    "<polygon data-place='A' points='0,0 50,0 50,50 0,50'/>"
    "</svg>");
  g_autoptr(SamMapPlaces) offset = places_of (
    "<svg viewBox='1000 2000 100 100'>"
    "<polygon data-place='A' points='1000,2000 1050,2000 1050,2050 1000,2050'/>"
    "</svg>");

  g_assert_cmpfloat_with_epsilon (sam_map_places_get_aspect (by_size), 4.0, 1e-9);
  g_assert_cmpstr (sam_map_places_lookup (by_size, 0.4, 0.5), ==, "A");
  g_assert_null (sam_map_places_lookup (by_size, 0.6, 0.5));

  g_assert_cmpfloat_with_epsilon (sam_map_places_get_aspect (letterboxed), 1.0, 1e-9);
  g_assert_null (sam_map_places_lookup (letterboxed, 0.25, 0.1));
  g_assert_cmpstr (sam_map_places_lookup (letterboxed, 0.25, 0.5), ==, "A");
  g_assert_null (sam_map_places_lookup (letterboxed, 0.25, 0.9));

  g_assert_cmpstr (sam_map_places_lookup (offset, 0.25, 0.25), ==, "A");
  g_assert_null (sam_map_places_lookup (offset, 0.75, 0.75));
}

static void
test_svg_transform (void)
{
  /* Editors put layers in groups that move them; the places move along. */
  g_autoptr(SamMapPlaces) places = places_of (
    "<svg viewBox='0 0 100 100'>"
    "<g transform='translate(50, 0)'>"
    "  <g transform='scale(0.5)'>"
    "    <polygon data-place='Moved' points='0,0 100,0 100,100 0,100'/>"
    "  </g>"
    "</g>"
    "<defs><polygon data-place='Unseen' points='0,0 100,0 100,100 0,100'/></defs>"
    "</svg>");
  /* A quarter turn about the centre takes the top left to the top right. */
  g_autoptr(SamMapPlaces) turned = places_of (
    "<svg viewBox='0 0 100 100'>"
    "<polygon data-place='Turned' transform='rotate(90 50 50)' points='0,0 50,0 50,50 0,50'/>"
    "<polygon data-place='Matrix' transform='matrix(1 0 0 1 0 50)' points='0,0 50,0 50,50 0,50'/>"
    "</svg>");

  g_assert_cmpuint (sam_map_places_get_n_places (places), ==, 1);
  g_assert_cmpstr (sam_map_places_lookup (places, 0.75, 0.25), ==, "Moved");
  g_assert_null (sam_map_places_lookup (places, 0.25, 0.25));
  g_assert_null (sam_map_places_lookup (places, 0.75, 0.75));

  g_assert_cmpstr (sam_map_places_lookup (turned, 0.75, 0.25), ==, "Turned");
  g_assert_null (sam_map_places_lookup (turned, 0.25, 0.25));
  g_assert_cmpstr (sam_map_places_lookup (turned, 0.25, 0.75), ==, "Matrix");
}

static void
test_svg_no_places (void)
{
  g_autoptr(SamMapPlaces) places = places_of (
    "<?xml version='1.0'?>"
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 300 100'>"
    "<rect width='300' height='100' fill='blue'/>"
    "<polygon points='0,0 10,0 10,10'/>"
    "<polygon data-place='Too short' points='0,0 10,0'/>"
    "</svg>");

  g_assert_cmpuint (sam_map_places_get_n_places (places), ==, 0);
  g_assert_cmpfloat_with_epsilon (sam_map_places_get_aspect (places), 3.0, 1e-9);
  g_assert_null (sam_map_places_lookup (places, 0.01, 0.01));
}

static void
test_svg_broken (void)
{
  static const char * const broken[] = {
    "<svg viewBox='0 0 10 10'><polygon data-place='A' points='0,0 1,0 1,1'>",
    "<svg viewBox='0 0 10 10'></g>",
    "not XML at all",
    "",
    "<html><body>Hello</body></html>",
    "<svg><polygon data-place='A' points='0,0 1,0 1,1'/></svg>",
    "<svg width='100%' height='100%'/>",
    "<svg viewBox='0 0 0 10'/>",
    "<svg width='1e300' height='1e-300'/>",
    "<svg viewBox='0 0 1 20'></svg><svg viewBox='0 0 1 10'></svg>",
    /* Bytes that are not UTF-8, which the message must not quote as is. */
    "<svg viewBox='0 0 10 10'><polygon data-place='\xff\xfe' points='0,0 1,0 1,1'/></svg>",
    "<svg viewBox='0 0 10 10'><\xe4\xf6/></svg>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GBytes) bytes = bytes_of (broken[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(SamMapPlaces) places = sam_map_places_new_from_svg (bytes, &error);
      g_autofree char *shown = g_strescape (broken[i], NULL);

      /* Escaped: some of these bytes are not UTF-8, which TAP must not get. */
      g_test_message ("%s", shown);
      g_assert_null (places);
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

/* A session's map */

static void
test_session_places (void)
{
  g_autoptr(SamSession) session = sam_session_new ();
  g_autoptr(SamMapPlaces) builtin = sam_map_places_dup_for_session (session);
  g_autoptr(SamMapPlaces) own = NULL;
  g_autoptr(SamMapPlaces) png = NULL;
  g_autoptr(SamMapPlaces) broken = NULL;
  g_autoptr(GBytes) svg = bytes_of ("<svg viewBox='0 0 10 10'>"
                                    "<polygon data-place='Hem' points='0,0 10,0 10,10 0,10'/></svg>");
  g_autoptr(GBytes) png_bytes = bytes_of ("\x89PNG\r\n\x1a\n...");
  g_autoptr(GBytes) broken_bytes = bytes_of ("<svg viewBox='0 0 10 10'>");

  g_assert_true (builtin == sam_map_places_get_builtin ());

  sam_session_set (session, session, "map-image", svg, "map-image-type", "image/svg+xml", NULL);
  own = sam_map_places_dup_for_session (session);
  g_assert_nonnull (own);
  g_assert_cmpuint (sam_map_places_get_n_places (own), ==, 1);
  g_assert_cmpstr (sam_map_places_lookup (own, 0.5, 0.5), ==, "Hem");

  sam_session_set (session, session, "map-image", png_bytes, "map-image-type", "image/png", NULL);
  png = sam_map_places_dup_for_session (session);
  g_assert_null (png);

  sam_session_set (session, session, "map-image", broken_bytes, "map-image-type", "image/svg+xml", NULL);
  broken = sam_map_places_dup_for_session (session);
  g_assert_null (broken);

  /* Undo brings the SVG back, and its places with it. */
  g_assert_true (sam_session_undo (session));
  g_assert_true (sam_session_undo (session));
  {
    g_autoptr(SamMapPlaces) again = sam_map_places_dup_for_session (session);

    g_assert_nonnull (again);
    g_assert_cmpstr (sam_map_places_lookup (again, 0.5, 0.5), ==, "Hem");
  }
}

/* Counting */

static void
test_count_places (void)
{
  g_autoptr(SamSession) session = sam_session_new ();
  SamMapPlaces *places = sam_map_places_get_builtin ();
  g_autoptr(GArray) none = sam_map_count_places (session, places);
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GArray) without_places = NULL;
  g_autofree char *empty_text = sam_map_format_place_counts (none);
  g_autofree char *text = NULL;
  g_autofree char *without_text = NULL;
  SamItem *region = perspective_at (session, 0);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpstr (empty_text, ==, "");

  add_balloon (session, 1163.0 / 1600, 420.0 / 900, region);  /* Karlskrona */
  add_balloon (session, 558.0 / 1600, 410.0 / 900, region);   /* Karlshamn */
  add_balloon (session, 1425.0 / 1600, 820.0 / 900, region);  /* the box */
  add_balloon (session, 821.0 / 1600, 360.0 / 900, region);   /* Ronneby */
  add_balloon (session, 1140.0 / 1600, 620.0 / 900, region);  /* Sturkö: Karlskrona */
  add_balloon (session, 800.0 / 1600, 700.0 / 900, region);   /* at sea */
  add_balloon (session, 1170.0 / 1600, 380.0 / 900, NULL);    /* Karlskrona */

  counts = sam_map_count_places (session, places);
  g_assert_cmpuint (counts->len, ==, 4);
  g_assert_cmpstr (g_array_index (counts, SamPlaceCount, 0).name, ==, "Karlskrona");
  g_assert_cmpuint (g_array_index (counts, SamPlaceCount, 0).count, ==, 3);
  /* A tie keeps the map's order: Karlshamn comes before Ronneby. */
  g_assert_cmpstr (g_array_index (counts, SamPlaceCount, 1).name, ==, "Karlshamn");
  g_assert_cmpstr (g_array_index (counts, SamPlaceCount, 2).name, ==, "Ronneby");
  g_assert_null (g_array_index (counts, SamPlaceCount, 3).name);
  g_assert_cmpuint (g_array_index (counts, SamPlaceCount, 3).count, ==, 2);

  text = sam_map_format_place_counts (counts);
  g_assert_cmpstr (text, ==, "Karlskrona 3, Karlshamn 1, Ronneby 1, elsewhere 2");

  /* A PNG has no places: every balloon is elsewhere. */
  without_places = sam_map_count_places (session, NULL);
  without_text = sam_map_format_place_counts (without_places);
  g_assert_cmpstr (without_text, ==, "elsewhere 7");
}

static void
test_count_places_many (void)
{
  g_autoptr(SamSession) session = sam_session_new ();
  SamMapPlaces *places = sam_map_places_get_builtin ();
  g_autoptr(GArray) counts = NULL;
  guint total = 0;
  gint64 start;

  sam_session_begin (session, "balloons");
  for (guint i = 0; i < 500; i++)
    add_balloon (session, g_test_rand_double (), g_test_rand_double (), NULL);
  sam_session_end (session);

  start = g_get_monotonic_time ();
  for (guint round = 0; round < 20; round++)
    {
      g_clear_pointer (&counts, g_array_unref);
      counts = sam_map_count_places (session, places);
    }
  /* A board counts on every frame; 500 balloons take well under a frame. */
  g_assert_cmpint ((g_get_monotonic_time () - start) / 20, <, 16000);

  for (guint i = 0; i < counts->len; i++)
    total += g_array_index (counts, SamPlaceCount, i).count;
  g_assert_cmpuint (total, ==, 500);
}

static void
test_count_perspectives (void)
{
  g_autoptr(SamSession) session = sam_session_new ();
  guint n_perspectives = g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_perspectives (session)));
  g_autofree guint *empty = NULL;
  g_autofree guint *counts = NULL;
  guint n_counts = 0;

  g_assert_cmpuint (n_perspectives, >=, 3);

  empty = sam_map_count_perspectives (session, &n_counts);
  g_assert_cmpuint (n_counts, ==, n_perspectives + 1);
  for (guint i = 0; i < n_counts; i++)
    g_assert_cmpuint (empty[i], ==, 0);

  add_balloon (session, 0.5, 0.5, perspective_at (session, 0));
  add_balloon (session, 0.4, 0.5, perspective_at (session, 0));
  add_balloon (session, 0.3, 0.5, perspective_at (session, 2));
  add_balloon (session, 0.2, 0.5, NULL);

  counts = sam_map_count_perspectives (session, &n_counts);
  g_assert_cmpuint (n_counts, ==, n_perspectives + 1);
  g_assert_cmpuint (counts[0], ==, 2);
  g_assert_cmpuint (counts[1], ==, 0);
  g_assert_cmpuint (counts[2], ==, 1);
  g_assert_cmpuint (counts[n_perspectives], ==, 1);
}

static void
test_gaps (void)
{
  g_autoptr(SamSession) session = sam_session_new ();
  GListModel *perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));
  guint n = g_list_model_get_n_items (perspectives);
  g_autoptr(GPtrArray) all = sam_map_find_gaps (session);
  g_autoptr(GPtrArray) gaps = NULL;

  g_assert_cmpuint (n, >=, 5);
  g_assert_cmpuint (all->len, ==, n);

  add_balloon (session, 0.5, 0.5, perspective_at (session, 0));
  add_participant (session, "Åsa", TRUE, perspective_at (session, 1));
  add_participant (session, "Bo", TRUE, perspective_at (session, 3));
  /* Not here: the perspective is still missing. */
  add_participant (session, "Cecilia", FALSE, perspective_at (session, 2));

  gaps = sam_map_find_gaps (session);
  g_assert_cmpuint (gaps->len, ==, n - 3);
  g_assert_true (g_ptr_array_index (gaps, 0) == perspective_at (session, 2));
  for (guint i = 1; i < gaps->len; i++)
    g_assert_true (g_ptr_array_index (gaps, i) == perspective_at (session, i + 3));
}

/* Perspectives */

static void
test_symbol (void)
{
  g_autoptr(SamItem) perspective = sam_item_new (SAM_TYPE_PERSPECTIVE, NULL);
  g_autofree char *none = sam_perspective_dup_symbol (perspective);
  g_autofree char *own = NULL;
  g_autofree char *letter = NULL;

  g_assert_cmpstr (none, ==, "?");

  g_object_set (perspective, "name", "  östra kommunerna", NULL);
  letter = sam_perspective_dup_symbol (perspective);
  g_assert_cmpstr (letter, ==, "Ö");

  g_object_set (perspective, "symbol", "Fö", NULL);
  own = sam_perspective_dup_symbol (perspective);
  g_assert_cmpstr (own, ==, "Fö");
}

static void
test_suggest_color (void)
{
  g_autoptr(SamSession) session = sam_session_new_empty ();
  const char *first = sam_map_suggest_color (session);
  const char *second, *third;
  g_autoptr(GPtrArray) used = g_ptr_array_new ();

  g_assert_cmpstr (first, ==, "#0072b2");
  /* In upper case it is the same colour. */
  add_perspective (session, "Region", "#0072B2", "");
  second = sam_map_suggest_color (session);
  g_assert_cmpstr (second, !=, first);
  add_perspective (session, "Kommun", second, "");
  third = sam_map_suggest_color (session);
  g_assert_cmpstr (third, !=, first);
  g_assert_cmpstr (third, !=, second);

  /* Every colour in use: the first again. */
  for (guint i = 0; i < 64; i++)
    {
      const char *color = sam_map_suggest_color (session);

      if (g_ptr_array_find_with_equal_func (used, color, g_str_equal, NULL))
        break;
      g_ptr_array_add (used, (gpointer) color);
      add_perspective (session, "P", color, "");
    }
  g_assert_cmpuint (used->len, >=, 8);
  g_assert_cmpstr (sam_map_suggest_color (session), ==, "#0072b2");
}

static void
test_suggest_symbol (void)
{
  g_autoptr(SamSession) session = sam_session_new_empty ();
  g_autofree char *police = NULL;
  g_autofree char *school = NULL;
  g_autofree char *schools = NULL;
  g_autofree char *other = NULL;
  g_autofree char *empty = NULL;

  add_perspective (session, "Skola", "#009e73", "");   /* shows "S" */
  add_perspective (session, "Ideell", "#cc79a7", "C");

  police = sam_map_suggest_symbol (session, "polis");
  g_assert_cmpstr (police, ==, "P");
  school = sam_map_suggest_symbol (session, "Skogsbruk");
  g_assert_cmpstr (school, ==, "Sk");
  /* "c" is taken by Ideell's symbol whatever the case. */
  other = sam_map_suggest_symbol (session, "civilsamhälle");
  g_assert_cmpstr (other, ==, "Ci");

  add_perspective (session, "Skärgård", "#56b4e9", "Sk");
  schools = sam_map_suggest_symbol (session, "Skogsbruk");
  g_assert_cmpstr (schools, ==, "S2");

  empty = sam_map_suggest_symbol (session, "  ");
  g_assert_cmpstr (empty, ==, "");
}

/* Checking a picture */

static void
check_ok (const char *data,
          gsize       size,
          const char *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (sam_map_check_image (bytes, &error), ==, expected);
  g_assert_no_error (error);
}

static void
check_refused (const char *data,
               gsize       size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;

  g_assert_null (sam_map_check_image (bytes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "This file is not a PNG, JPEG or SVG picture.");
}

#define CHECK_OK(literal, type) check_ok (literal, sizeof (literal) - 1, type)
#define CHECK_REFUSED(literal) check_refused (literal, sizeof (literal) - 1)

static void
test_check_image (void)
{
  CHECK_OK ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "image/png");
  CHECK_OK ("\xff\xd8\xff\xe0\0\x10JFIF", "image/jpeg");
  CHECK_OK ("<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml");
  CHECK_OK ("\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!-- Created with Inkscape -->\n"
            "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
            "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" [ <!ENTITY ns \"x\"> ]>\n"
            "  <svg:svg xmlns:svg='http://www.w3.org/2000/svg'>", "image/svg+xml");

  CHECK_REFUSED ("name,organisation\nÅsa,Region\n");
  CHECK_REFUSED ("<?xml version='1.0'?><html><svg/></html>");
  CHECK_REFUSED ("<svgx/>");
  CHECK_REFUSED ("<!-- <svg> in a comment that never ends");
  CHECK_REFUSED ("GIF89a");
  CHECK_REFUSED ("\x89PNG");
  CHECK_REFUSED ("");
}

static void
test_check_image_size (void)
{
  g_autofree guchar *data = g_malloc0 (SAM_MAP_IMAGE_MAX_SIZE + 1);
  g_autoptr(GBytes) at_limit = NULL;
  g_autoptr(GBytes) too_big = NULL;
  g_autoptr(GError) error = NULL;

  memcpy (data, "\x89PNG\r\n\x1a\n", 8);
  at_limit = g_bytes_new_static (data, SAM_MAP_IMAGE_MAX_SIZE);
  g_assert_cmpstr (sam_map_check_image (at_limit, &error), ==, "image/png");
  g_assert_no_error (error);

  too_big = g_bytes_new_static (data, SAM_MAP_IMAGE_MAX_SIZE + 1);
  g_assert_null (sam_map_check_image (too_big, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  /* It names the size and the limit (g_format_size() puts a no-break
   * space before the unit). */
  g_assert_cmpstr (error->message, ==, "The picture is 8.1\302\240MiB; a map can be at most 8.0\302\240MiB.");
  g_clear_error (&error);

  {
    g_autofree guchar *big = g_malloc0 (12 * 1024 * 1024 + 400 * 1024);
    g_autoptr(GBytes) bytes = g_bytes_new_static (big, 12 * 1024 * 1024 + 400 * 1024);

    g_assert_null (sam_map_check_image (bytes, &error));
    g_assert_cmpstr (error->message, ==, "The picture is 12.4\302\240MiB; a map can be at most 8.0\302\240MiB.");
  }
}

/* Letters on a perspective's colour are white or black, whichever reads
 * better: white on the defaults' dark blue, black on their orange and sky
 * blue. */
static void
test_ink (void)
{
  g_assert_true (sam_color_prefers_white_ink (0, 0, 0));
  g_assert_false (sam_color_prefers_white_ink (1, 1, 1));
  g_assert_true (sam_color_prefers_white_ink (0x00 / 255.0, 0x72 / 255.0, 0xB2 / 255.0));
  g_assert_false (sam_color_prefers_white_ink (0xE6 / 255.0, 0x9F / 255.0, 0x00 / 255.0));
  g_assert_false (sam_color_prefers_white_ink (0x56 / 255.0, 0xB4 / 255.0, 0xE9 / 255.0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sam_entities_init ();

  g_test_add_func ("/sam/map/builtin/places", test_builtin_places);
  g_test_add_func ("/sam/map/builtin/lookup", test_builtin_lookup);
  g_test_add_func ("/sam/map/builtin/elsewhere-clear", test_builtin_elsewhere_clear);
  g_test_add_func ("/sam/map/builtin/svg", test_builtin_svg);
  g_test_add_func ("/sam/map/svg/overlap", test_svg_overlap);
  g_test_add_func ("/sam/map/svg/concave", test_svg_concave);
  g_test_add_func ("/sam/map/svg/elsewhere", test_svg_elsewhere);
  g_test_add_func ("/sam/map/svg/size", test_svg_size);
  g_test_add_func ("/sam/map/svg/transform", test_svg_transform);
  g_test_add_func ("/sam/map/svg/no-places", test_svg_no_places);
  g_test_add_func ("/sam/map/svg/broken", test_svg_broken);
  g_test_add_func ("/sam/map/session", test_session_places);
  g_test_add_func ("/sam/map/count/places", test_count_places);
  g_test_add_func ("/sam/map/count/places-many", test_count_places_many);
  g_test_add_func ("/sam/map/count/perspectives", test_count_perspectives);
  g_test_add_func ("/sam/map/gaps", test_gaps);
  g_test_add_func ("/sam/map/perspective/symbol", test_symbol);
  g_test_add_func ("/sam/map/perspective/suggest-color", test_suggest_color);
  g_test_add_func ("/sam/map/perspective/suggest-symbol", test_suggest_symbol);
  g_test_add_func ("/sam/map/check-image/kind", test_check_image);
  g_test_add_func ("/sam/map/check-image/size", test_check_image_size);
  g_test_add_func ("/sam/map/perspective/ink", test_ink);

  return g_test_run ();
}
