/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-map.h"
#include "sam-map-resources.h"

#define BUILTIN_MAP_PATH "/io/github/samling/Samling/map/blekinge.svg"

/* An affine transform as in SVG: x' = a x + c y + e, y' = b x + d y + f. */
typedef struct
{
  double a, b, c, d, e, f;
} Matrix;

static const Matrix identity = { 1, 0, 0, 1, 0, 0 };

typedef struct
{
  guint  place;        /* index into names */
  guint  first_point;  /* index of its first (x, y) pair in points */
  guint  n_points;
  double min_x, min_y, max_x, max_y;
} Polygon;

struct _SamMapPlaces
{
  gatomicrefcount ref_count;

  double          aspect;
  GPtrArray      *names;     /* char *, each once, file order */
  GArray         *polygons;  /* Polygon, file order */
  GArray         *points;    /* double pairs, fractions of the picture */

  gboolean        has_elsewhere;
  double          elsewhere_x, elsewhere_y, elsewhere_width, elsewhere_height;
};

G_DEFINE_BOXED_TYPE (SamMapPlaces, sam_map_places, sam_map_places_ref, sam_map_places_unref)

static SamMapPlaces *
sam_map_places_alloc (void)
{
  SamMapPlaces *self = g_new0 (SamMapPlaces, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->aspect = 1.0;
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->polygons = g_array_new (FALSE, FALSE, sizeof (Polygon));
  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  return self;
}

SamMapPlaces *
sam_map_places_ref (SamMapPlaces *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sam_map_places_unref (SamMapPlaces *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->names);
  g_array_unref (self->polygons);
  g_array_unref (self->points);
  g_free (self);
}

/* ------------------------------------------------------------------ */
/* Reading the SVG                                                     */

typedef struct
{
  SamMapPlaces *places;
  GHashTable   *place_index;   /* name → index + 1 */
  GArray       *matrices;      /* Matrix per open element */
  guint         hidden_depth;  /* > 0 inside <defs> and the like */
  gboolean      seen_root;

  /* From the root element: the picture's size and how the viewBox maps to it. */
  double        width, height;
  Matrix        to_picture;
} ParseState;

static const char *
local_name (const char *element_name)
{
  const char *colon = strrchr (element_name, ':');

  return colon != NULL ? colon + 1 : element_name;
}

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (local_name (names[i]), wanted) == 0)
      return values[i];
  return NULL;
}

static const char *
skip_separators (const char *p)
{
  while (*p == ',' || g_ascii_isspace (*p))
    p++;
  return p;
}

/* Reads one number of a list such as "10,20 30-5"; FALSE at the end or at
 * something that is not a number. */
static gboolean
read_number (const char **p,
             double      *value)
{
  const char *start = skip_separators (*p);
  char *end = NULL;
  double v;

  if (*start == '\0')
    return FALSE;
  /* g_ascii_strtod() would also take "inf", "nan" and hexadecimal, which
   * SVG does not have. */
  if (!(g_ascii_isdigit (*start) || *start == '-' || *start == '+' || *start == '.'))
    return FALSE;

  v = g_ascii_strtod (start, &end);
  if (end == start || !isfinite (v))
    return FALSE;

  *value = v;
  *p = end;
  return TRUE;
}

/* A length of the root element in CSS pixels; 0 when it is missing, a
 * percentage or in a unit that depends on fonts. */
static double
parse_length (const char *text)
{
  static const struct { const char *unit; double px; } units[] = {
    { "", 1.0 }, { "px", 1.0 }, { "pt", 96.0 / 72.0 }, { "pc", 16.0 },
    { "in", 96.0 }, { "cm", 96.0 / 2.54 }, { "mm", 96.0 / 25.4 },
  };
  const char *p = text;
  double value;

  if (text == NULL || !read_number (&p, &value) || value <= 0)
    return 0;

  while (g_ascii_isspace (*p))
    p++;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gsize len = strlen (units[i].unit);

      if (g_ascii_strncasecmp (p, units[i].unit, len) == 0)
        {
          const char *rest = p + len;

          while (g_ascii_isspace (*rest))
            rest++;
          if (*rest == '\0')
            return value * units[i].px;
        }
    }
  return 0;
}

static Matrix
matrix_multiply (const Matrix *m,
                 const Matrix *n)
{
  /* m applied after n */
  return (Matrix) {
    m->a * n->a + m->c * n->b,
    m->b * n->a + m->d * n->b,
    m->a * n->c + m->c * n->d,
    m->b * n->c + m->d * n->d,
    m->a * n->e + m->c * n->f + m->e,
    m->b * n->e + m->d * n->f + m->f,
  };
}

static void
matrix_apply (const Matrix *m,
              double        x,
              double        y,
              double       *out_x,
              double       *out_y)
{
  *out_x = m->a * x + m->c * y + m->e;
  *out_y = m->b * x + m->d * y + m->f;
}

/* The sine and cosine of an angle in degrees. The core links no maths
 * library, and SVG's rotate() and skew() need no more than this: the angle
 * is brought into [-45°, 45°] by symmetry, where the series converge fast. */
static void
sin_cos_degrees (double  degrees,
                 double *sine,
                 double *cosine)
{
  double turns = degrees / 360.0;
  double r, x, x2, s, c, term;
  gint64 quarter;

  if (!isfinite (degrees) || turns > 1e12 || turns < -1e12)
    {
      *sine = 0;
      *cosine = 1;
      return;
    }

  /* The nearest multiple of 90° and what is left of the angle. */
  quarter = (gint64) (degrees / 90.0 + (degrees >= 0 ? 0.5 : -0.5));
  r = degrees - 90.0 * (double) quarter;
  x = r * G_PI / 180.0;
  x2 = x * x;

  s = 0;
  term = x;
  for (int n = 1; n < 12; n += 2)
    {
      s += term;
      term *= -x2 / ((n + 1) * (n + 2));
    }
  c = 0;
  term = 1;
  for (int n = 0; n < 12; n += 2)
    {
      c += term;
      term *= -x2 / ((n + 1) * (n + 2));
    }

  switch (((quarter % 4) + 4) % 4)
    {
    case 0: *sine = s; *cosine = c; break;
    case 1: *sine = c; *cosine = -s; break;
    case 2: *sine = -s; *cosine = -c; break;
    default: *sine = -c; *cosine = s; break;
    }
}

/* Parses an SVG transform list ("translate(10 20) scale(2)"). Where it
 * cannot be read, the element is drawn untransformed by most renderers, and
 * so it is taken here. */
static Matrix
parse_transform (const char *text)
{
  Matrix result = identity;
  const char *p = text;

  while (TRUE)
    {
      const char *name_start;
      gsize name_len;
      double args[6];
      guint n_args = 0;
      Matrix t = identity;

      p = skip_separators (p);
      if (*p == '\0')
        break;

      name_start = p;
      while (g_ascii_isalpha (*p))
        p++;
      name_len = p - name_start;
      while (g_ascii_isspace (*p))
        p++;
      if (name_len == 0 || *p != '(')
        return identity;
      p++;

      while (n_args < G_N_ELEMENTS (args) && read_number (&p, &args[n_args]))
        n_args++;
      p = skip_separators (p);
      if (*p != ')')
        return identity;
      p++;

#define IS(word) (name_len == strlen (word) && strncmp (name_start, word, name_len) == 0)
      if (IS ("matrix") && n_args == 6)
        t = (Matrix) { args[0], args[1], args[2], args[3], args[4], args[5] };
      else if (IS ("translate") && (n_args == 1 || n_args == 2))
        t = (Matrix) { 1, 0, 0, 1, args[0], n_args == 2 ? args[1] : 0 };
      else if (IS ("scale") && (n_args == 1 || n_args == 2))
        t = (Matrix) { args[0], 0, 0, n_args == 2 ? args[1] : args[0], 0, 0 };
      else if (IS ("rotate") && (n_args == 1 || n_args == 3))
        {
          double cs, sn;
          Matrix rotation;

          sin_cos_degrees (args[0], &sn, &cs);
          rotation = (Matrix) { cs, sn, -sn, cs, 0, 0 };

          if (n_args == 3)
            {
              Matrix to = { 1, 0, 0, 1, args[1], args[2] };
              Matrix from = { 1, 0, 0, 1, -args[1], -args[2] };

              rotation = matrix_multiply (&rotation, &from);
              rotation = matrix_multiply (&to, &rotation);
            }
          t = rotation;
        }
      else if ((IS ("skewX") || IS ("skewY")) && n_args == 1)
        {
          double sn, cs, slope;

          sin_cos_degrees (args[0], &sn, &cs);
          if (cs == 0)
            return identity;
          slope = sn / cs;
          t = IS ("skewX") ? (Matrix) { 1, 0, slope, 1, 0, 0 } : (Matrix) { 1, slope, 0, 1, 0, 0 };
        }
      else
        return identity;
#undef IS

      result = matrix_multiply (&result, &t);
    }

  return result;
}

/* How the viewBox is fitted into the picture (preserveAspectRatio). */
static Matrix
viewbox_transform (const double  viewbox[4],
                   double        width,
                   double        height,
                   const char   *preserve)
{
  double sx = width / viewbox[2], sy = height / viewbox[3];
  double align_x = 0.5, align_y = 0.5;
  gboolean slice = FALSE;

  if (preserve != NULL)
    {
      g_autofree char *copy = g_strstrip (g_strdup (preserve));
      g_auto(GStrv) words = g_strsplit_set (copy, " \t\n\r", -1);
      guint w = 0;

      if (words[w] != NULL && g_str_equal (words[w], "defer"))
        w++;
      while (words[w] != NULL && words[w][0] == '\0')
        w++;

      if (words[w] != NULL && g_str_equal (words[w], "none"))
        return (Matrix) { sx, 0, 0, sy, -viewbox[0] * sx, -viewbox[1] * sy };

      if (words[w] != NULL && strlen (words[w]) == 8)
        {
          const char *align = words[w];

          if (g_ascii_strncasecmp (align, "xMin", 4) == 0)
            align_x = 0;
          else if (g_ascii_strncasecmp (align, "xMax", 4) == 0)
            align_x = 1;
          if (g_ascii_strncasecmp (align + 4, "YMin", 4) == 0)
            align_y = 0;
          else if (g_ascii_strncasecmp (align + 4, "YMax", 4) == 0)
            align_y = 1;
          w++;
        }
      while (words[w] != NULL && words[w][0] == '\0')
        w++;
      if (words[w] != NULL && g_str_equal (words[w], "slice"))
        slice = TRUE;
    }

  {
    double scale = slice ? MAX (sx, sy) : MIN (sx, sy);
    double dx = (width - viewbox[2] * scale) * align_x;
    double dy = (height - viewbox[3] * scale) * align_y;

    return (Matrix) { scale, 0, 0, scale,
                      dx - viewbox[0] * scale, dy - viewbox[1] * scale };
  }
}

static gboolean
parse_root (ParseState   *state,
            const char  **names,
            const char  **values,
            GError      **error)
{
  const char *viewbox_text = find_attribute (names, values, "viewBox");
  double width = parse_length (find_attribute (names, values, "width"));
  double height = parse_length (find_attribute (names, values, "height"));
  double viewbox[4];
  gboolean has_viewbox = FALSE;

  if (viewbox_text != NULL)
    {
      const char *p = viewbox_text;
      guint n = 0;

      while (n < 4 && read_number (&p, &viewbox[n]))
        n++;
      has_viewbox = n == 4 && viewbox[2] > 0 && viewbox[3] > 0;
    }

  if (has_viewbox)
    {
      /* A picture's size comes from width and height; where one is missing
       * (or a percentage) it follows the viewBox's proportions. */
      if (width <= 0 && height <= 0)
        {
          width = viewbox[2];
          height = viewbox[3];
        }
      else if (width <= 0)
        width = height * viewbox[2] / viewbox[3];
      else if (height <= 0)
        height = width * viewbox[3] / viewbox[2];

      state->to_picture = viewbox_transform (viewbox, width, height,
                                             find_attribute (names, values, "preserveAspectRatio"));
    }
  else if (width > 0 && height > 0)
    state->to_picture = identity;

  /* Sizes such as 1e300 by 1e-300 leave no picture to draw. */
  if (!(width > 0 && height > 0 && isfinite (width) && isfinite (height)
        && isfinite (width / height) && width / height > 0))
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           _("The SVG has no size: its svg element needs a viewBox, or a width and a height."));
      return FALSE;
    }

  state->width = width;
  state->height = height;
  state->places->aspect = width / height;
  return TRUE;
}

static void
to_fraction (ParseState   *state,
             const Matrix *m,
             double        x,
             double        y,
             double       *fx,
             double       *fy)
{
  double px, py;

  matrix_apply (m, x, y, &px, &py);
  *fx = px / state->width;
  *fy = py / state->height;
}

static void
add_polygon (ParseState   *state,
             const Matrix *m,
             const char   *place,
             const char   *points_text)
{
  SamMapPlaces *places = state->places;
  g_autofree char *name = g_strstrip (g_strdup (place));
  const char *p = points_text;
  Polygon polygon = { 0, places->points->len, 0, G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double x, y;
  gpointer index;

  if (name[0] == '\0' || points_text == NULL)
    return;

  /* As renderers do, the points are read up to the first one that is not a
   * pair of numbers. */
  while (read_number (&p, &x) && read_number (&p, &y))
    {
      double fx, fy;

      to_fraction (state, m, x, y, &fx, &fy);
      g_array_append_val (places->points, fx);
      g_array_append_val (places->points, fy);
      polygon.min_x = MIN (polygon.min_x, fx);
      polygon.min_y = MIN (polygon.min_y, fy);
      polygon.max_x = MAX (polygon.max_x, fx);
      polygon.max_y = MAX (polygon.max_y, fy);
      polygon.n_points++;
    }

  if (polygon.n_points < 3)
    {
      g_array_set_size (places->points, polygon.first_point);
      return;
    }

  index = g_hash_table_lookup (state->place_index, name);
  if (index == NULL)
    {
      g_ptr_array_add (places->names, g_strdup (name));
      index = GUINT_TO_POINTER (places->names->len);
      g_hash_table_insert (state->place_index, g_strdup (name), index);
    }
  polygon.place = GPOINTER_TO_UINT (index) - 1;
  g_array_append_val (places->polygons, polygon);
}

static void
set_elsewhere (ParseState   *state,
               const Matrix *m,
               const char  **names,
               const char  **values)
{
  SamMapPlaces *places = state->places;
  double x = 0, y = 0, width = 0, height = 0;
  double corners[4][2];
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  const char *text;

  if ((text = find_attribute (names, values, "x")) != NULL && !read_number (&text, &x))
    return;
  if ((text = find_attribute (names, values, "y")) != NULL && !read_number (&text, &y))
    return;
  if ((text = find_attribute (names, values, "width")) == NULL || !read_number (&text, &width))
    return;
  if ((text = find_attribute (names, values, "height")) == NULL || !read_number (&text, &height))
    return;
  if (width <= 0 || height <= 0)
    return;

  to_fraction (state, m, x, y, &corners[0][0], &corners[0][1]);
  to_fraction (state, m, x + width, y, &corners[1][0], &corners[1][1]);
  to_fraction (state, m, x, y + height, &corners[2][0], &corners[2][1]);
  to_fraction (state, m, x + width, y + height, &corners[3][0], &corners[3][1]);
  for (guint i = 0; i < 4; i++)
    {
      min_x = MIN (min_x, corners[i][0]);
      min_y = MIN (min_y, corners[i][1]);
      max_x = MAX (max_x, corners[i][0]);
      max_y = MAX (max_y, corners[i][1]);
    }

  places->has_elsewhere = TRUE;
  places->elsewhere_x = min_x;
  places->elsewhere_y = min_y;
  places->elsewhere_width = max_x - min_x;
  places->elsewhere_height = max_y - min_y;
}

/* Elements whose content is not drawn where it stands. */
static gboolean
is_hidden_container (const char *name)
{
  static const char * const hidden[] = {
    "defs", "symbol", "clipPath", "mask", "pattern", "marker", "metadata", "title", "desc",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    if (g_str_equal (name, hidden[i]))
      return TRUE;
  return FALSE;
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseState *state = user_data;
  const char *name = local_name (element_name);
  const char *transform;
  Matrix m;

  if (!state->seen_root)
    {
      state->seen_root = TRUE;
      if (!g_str_equal (name, "svg"))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("This is not an SVG picture: it begins with “%s”, not with “svg”."),
                       element_name);
          return;
        }
      if (!parse_root (state, names, values, error))
        return;
      g_array_append_val (state->matrices, state->to_picture);
      return;
    }

  /* GMarkup lets a second element follow the root; XML does not. */
  if (state->matrices->len == 0)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           _("There is more after the end of the svg element."));
      return;
    }

  m = g_array_index (state->matrices, Matrix, state->matrices->len - 1);
  transform = find_attribute (names, values, "transform");
  if (transform != NULL)
    {
      Matrix t = parse_transform (transform);

      m = matrix_multiply (&m, &t);
    }
  g_array_append_val (state->matrices, m);

  if (state->hidden_depth > 0 || is_hidden_container (name))
    {
      state->hidden_depth++;
      return;
    }

  if (g_str_equal (name, "polygon"))
    {
      const char *place = find_attribute (names, values, "data-place");

      if (place != NULL)
        add_polygon (state, &m, place, find_attribute (names, values, "points"));
    }
  else if (g_str_equal (name, "rect")
           && g_strcmp0 (find_attribute (names, values, "id"), "elsewhere") == 0)
    {
      set_elsewhere (state, &m, names, values);
    }
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  ParseState *state = user_data;

  if (state->hidden_depth > 0)
    state->hidden_depth--;
  if (state->matrices->len > 0)
    g_array_set_size (state->matrices, state->matrices->len - 1);
}

static const GMarkupParser svg_parser = {
  start_element_cb,
  end_element_cb,
  NULL,
  NULL,
  NULL,
};

SamMapPlaces *
sam_map_places_new_from_svg (GBytes  *svg,
                             GError **error)
{
  g_autoptr(SamMapPlaces) places = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GHashTable) place_index = NULL;
  g_autoptr(GArray) matrices = NULL;
  g_autoptr(GError) local_error = NULL;
  ParseState state = { 0 };
  const char *data;
  gsize size;

  g_return_val_if_fail (svg != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (svg, &size);
  /* GMarkup does not know the byte order mark that some editors write. */
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  places = sam_map_places_alloc ();
  place_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  matrices = g_array_new (FALSE, FALSE, sizeof (Matrix));

  state.places = places;
  state.place_index = place_index;
  state.matrices = matrices;

  context = g_markup_parse_context_new (&svg_parser, G_MARKUP_PREFIX_ERROR_POSITION, &state, NULL);
  if (!g_markup_parse_context_parse (context, data ? data : "", size, &local_error)
      || !g_markup_parse_context_end_parse (context, &local_error))
    {
      /* GMarkup quotes the offending bytes, which need not be UTF-8. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, G_MARKUP_ERROR, local_error->code,
                   _("The SVG cannot be read: %s"), reason);
      return NULL;
    }

  if (!state.seen_root)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_EMPTY,
                           _("The SVG cannot be read: it is empty."));
      return NULL;
    }

  return g_steal_pointer (&places);
}

/* ------------------------------------------------------------------ */
/* The built-in map                                                    */

static void
ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      /* Also makes the picture reachable by its resource path, where the
       * interface loads it from. */
      sam_map_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

GBytes *
sam_map_dup_builtin_svg (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  ensure_resources ();
  bytes = g_resources_lookup_data (BUILTIN_MAP_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in map is missing: %s", error->message);
  return bytes;
}

SamMapPlaces *
sam_map_places_get_builtin (void)
{
  static SamMapPlaces *builtin = NULL;

  if (g_once_init_enter (&builtin))
    {
      g_autoptr(GBytes) svg = sam_map_dup_builtin_svg ();
      g_autoptr(GError) error = NULL;
      SamMapPlaces *places = sam_map_places_new_from_svg (svg, &error);

      /* The map is part of the program and its tests read it: a broken one
       * is a build that must not ship. */
      if (places == NULL)
        g_error ("The built-in map cannot be read: %s", error->message);
      g_once_init_leave (&builtin, places);
    }
  return builtin;
}

/* The views ask on every change of the session; reading an SVG of several
 * megabytes each time would be felt, so the last one read is kept. */
static GMutex cache_lock;
static GBytes *cache_svg;
static SamMapPlaces *cache_places;

SamMapPlaces *
sam_map_places_dup_for_session (SamSession *session)
{
  GBytes *image;
  const char *type;
  SamMapPlaces *places;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);

  image = sam_item_get_bytes (SAM_ITEM (session), "map-image");
  if (image == NULL)
    return sam_map_places_ref (sam_map_places_get_builtin ());

  type = sam_item_get_string (SAM_ITEM (session), "map-image-type");
  if (g_strcmp0 (type, "image/svg+xml") != 0)
    return NULL;

  g_mutex_lock (&cache_lock);
  if (cache_svg != NULL && (cache_svg == image || g_bytes_equal (cache_svg, image)))
    {
      places = cache_places != NULL ? sam_map_places_ref (cache_places) : NULL;
      g_mutex_unlock (&cache_lock);
      return places;
    }
  g_mutex_unlock (&cache_lock);

  places = sam_map_places_new_from_svg (image, NULL);

  g_mutex_lock (&cache_lock);
  g_clear_pointer (&cache_svg, g_bytes_unref);
  g_clear_pointer (&cache_places, sam_map_places_unref);
  cache_svg = g_bytes_ref (image);
  cache_places = places != NULL ? sam_map_places_ref (places) : NULL;
  g_mutex_unlock (&cache_lock);

  return places;
}

/* ------------------------------------------------------------------ */
/* Places                                                              */

double
sam_map_places_get_aspect (SamMapPlaces *self)
{
  g_return_val_if_fail (self != NULL, 1.0);

  return self->aspect;
}

guint
sam_map_places_get_n_places (SamMapPlaces *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->names->len;
}

const char *
sam_map_places_get_name (SamMapPlaces *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->names->len, NULL);

  return g_ptr_array_index (self->names, index);
}

static gboolean
polygon_contains (SamMapPlaces  *self,
                  const Polygon *polygon,
                  double         x,
                  double         y)
{
  const double *p = &g_array_index (self->points, double, polygon->first_point);
  guint n = polygon->n_points;
  gboolean inside = FALSE;

  if (x < polygon->min_x || x > polygon->max_x || y < polygon->min_y || y > polygon->max_y)
    return FALSE;

  /* Even-odd rule: count the edges a ray to the right crosses. */
  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double xi = p[2 * i], yi = p[2 * i + 1];
      double xj = p[2 * j], yj = p[2 * j + 1];

      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

/* The index of the place at (x, y), or -1 for elsewhere. */
static int
place_index_at (SamMapPlaces *self,
                double        x,
                double        y)
{
  if (self->has_elsewhere
      && x >= self->elsewhere_x && x <= self->elsewhere_x + self->elsewhere_width
      && y >= self->elsewhere_y && y <= self->elsewhere_y + self->elsewhere_height)
    return -1;

  /* The last polygon is drawn on top, so it is the one a person sees. */
  for (guint i = self->polygons->len; i > 0; i--)
    {
      const Polygon *polygon = &g_array_index (self->polygons, Polygon, i - 1);

      if (polygon_contains (self, polygon, x, y))
        return polygon->place;
    }
  return -1;
}

const char *
sam_map_places_lookup (SamMapPlaces *self,
                       double        x,
                       double        y)
{
  int index;

  g_return_val_if_fail (self != NULL, NULL);

  index = place_index_at (self, x, y);
  return index >= 0 ? g_ptr_array_index (self->names, index) : NULL;
}

gboolean
sam_map_places_get_elsewhere (SamMapPlaces *self,
                              double       *x,
                              double       *y,
                              double       *width,
                              double       *height)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (x != NULL)
    *x = self->has_elsewhere ? self->elsewhere_x : 0;
  if (y != NULL)
    *y = self->has_elsewhere ? self->elsewhere_y : 0;
  if (width != NULL)
    *width = self->has_elsewhere ? self->elsewhere_width : 0;
  if (height != NULL)
    *height = self->has_elsewhere ? self->elsewhere_height : 0;
  return self->has_elsewhere;
}

/* ------------------------------------------------------------------ */
/* Counting                                                            */

typedef struct
{
  guint place;
  guint count;
} PlaceTally;

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const PlaceTally *ta = a, *tb = b;

  if (ta->count != tb->count)
    return ta->count > tb->count ? -1 : 1;
  return ta->place < tb->place ? -1 : ta->place > tb->place;
}

GArray *
sam_map_count_places (SamSession   *session,
                      SamMapPlaces *places)
{
  GListModel *balloons;
  guint n_balloons, n_places, elsewhere = 0;
  g_autofree PlaceTally *tallies = NULL;
  GArray *result;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);

  balloons = G_LIST_MODEL (sam_session_get_balloons (session));
  n_balloons = g_list_model_get_n_items (balloons);
  n_places = places != NULL ? places->names->len : 0;
  tallies = g_new0 (PlaceTally, n_places);
  for (guint i = 0; i < n_places; i++)
    tallies[i].place = i;

  for (guint i = 0; i < n_balloons; i++)
    {
      g_autoptr(SamItem) balloon = g_list_model_get_item (balloons, i);
      int index = -1;

      if (places != NULL)
        index = place_index_at (places,
                                sam_item_get_double (balloon, "x"),
                                sam_item_get_double (balloon, "y"));
      if (index >= 0)
        tallies[index].count++;
      else
        elsewhere++;
    }

  if (n_places > 0)
    qsort (tallies, n_places, sizeof (PlaceTally), compare_tallies);

  result = g_array_new (FALSE, FALSE, sizeof (SamPlaceCount));
  for (guint i = 0; i < n_places && tallies[i].count > 0; i++)
    {
      SamPlaceCount count = { g_ptr_array_index (places->names, tallies[i].place), tallies[i].count };

      g_array_append_val (result, count);
    }
  if (elsewhere > 0)
    {
      SamPlaceCount count = { NULL, elsewhere };

      g_array_append_val (result, count);
    }
  return result;
}

char *
sam_map_format_place_counts (GArray *counts)
{
  GString *text;

  g_return_val_if_fail (counts != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < counts->len; i++)
    {
      const SamPlaceCount *count = &g_array_index (counts, SamPlaceCount, i);
      const char *name = count->name;

      if (name == NULL)
        /* Translators: the balloons outside every place of the map, as in
         * "Karlskrona 6, Ronneby 3, elsewhere 2". */
        name = C_("map place", "elsewhere");

      if (i > 0)
        /* Translators: between the places in "Karlskrona 6, Ronneby 3". */
        g_string_append (text, C_("place counts", ", "));
      /* Translators: a place and how many balloons are there: "Karlskrona 6". */
      g_string_append_printf (text, C_("place counts", "%s %u"), name, count->count);
    }
  return g_string_free (text, FALSE);
}

guint *
sam_map_count_perspectives (SamSession *session,
                            guint      *n_counts)
{
  GListModel *perspectives, *balloons;
  g_autoptr(GHashTable) index_of = NULL;
  guint n_perspectives, n_balloons;
  guint *counts;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (n_counts != NULL, NULL);

  perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));
  balloons = G_LIST_MODEL (sam_session_get_balloons (session));
  n_perspectives = g_list_model_get_n_items (perspectives);
  n_balloons = g_list_model_get_n_items (balloons);

  index_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_perspectives; i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, i);

      /* The id is owned by the item, which the list keeps alive. */
      g_hash_table_insert (index_of, (gpointer) sam_item_get_id (perspective), GUINT_TO_POINTER (i + 1));
    }

  counts = g_new0 (guint, n_perspectives + 1);
  for (guint i = 0; i < n_balloons; i++)
    {
      g_autoptr(SamItem) balloon = g_list_model_get_item (balloons, i);
      const char *id = sam_item_get_string (balloon, "perspective");
      guint index = id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (index_of, id)) : 0;

      if (index > 0)
        counts[index - 1]++;
      else
        counts[n_perspectives]++;
    }

  *n_counts = n_perspectives + 1;
  return counts;
}

GPtrArray *
sam_map_find_gaps (SamSession *session)
{
  GListModel *perspectives, *balloons, *participants;
  g_autoptr(GHashTable) brought = NULL;
  GPtrArray *gaps;
  guint n;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);

  perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));
  balloons = G_LIST_MODEL (sam_session_get_balloons (session));
  participants = G_LIST_MODEL (sam_session_get_participants (session));

  /* Ids are owned by the items, which the session keeps alive meanwhile. */
  brought = g_hash_table_new (g_str_hash, g_str_equal);

  n = g_list_model_get_n_items (balloons);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) balloon = g_list_model_get_item (balloons, i);
      const char *id = sam_item_get_string (balloon, "perspective");

      if (id != NULL && id[0] != '\0')
        g_hash_table_add (brought, (gpointer) id);
    }

  n = g_list_model_get_n_items (participants);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) participant = g_list_model_get_item (participants, i);
      const char * const *ids;

      if (!sam_item_get_boolean (participant, "present"))
        continue;
      ids = sam_item_get_strv (participant, "perspectives");
      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        g_hash_table_add (brought, (gpointer) ids[j]);
    }

  gaps = g_ptr_array_new ();
  n = g_list_model_get_n_items (perspectives);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, i);

      if (!g_hash_table_contains (brought, sam_item_get_id (perspective)))
        g_ptr_array_add (gaps, perspective);
    }
  return gaps;
}

/* ------------------------------------------------------------------ */
/* Perspectives                                                        */

/* The first letter of @name in upper case, or "" when it has none. */
static char *
first_letter (const char *name)
{
  char buffer[8] = { 0 };

  if (name == NULL)
    return g_strdup ("");
  while (*name != '\0' && g_unichar_isspace (g_utf8_get_char (name)))
    name = g_utf8_next_char (name);
  if (*name == '\0')
    return g_strdup ("");

  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (name)), buffer);
  return g_strdup (buffer);
}

char *
sam_perspective_dup_symbol (SamItem *perspective)
{
  const char *symbol;
  char *letter;

  g_return_val_if_fail (SAM_IS_ITEM (perspective), NULL);

  symbol = sam_item_get_string (perspective, "symbol");
  if (symbol != NULL && symbol[0] != '\0')
    return g_strdup (symbol);

  letter = first_letter (sam_item_get_string (perspective, "name"));
  if (letter[0] == '\0')
    {
      g_free (letter);
      return g_strdup ("?");
    }
  return letter;
}

/* Okabe and Ito's colours for colour-blind viewers, then Paul Tol's
 * darker ones that stay apart from them; each is strong enough for a
 * balloon and carries a white or a black symbol. */
static const char * const palette[] = {
  "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00",
  "#f0e442", "#000000", "#332288", "#882255", "#44aa99", "#117733",
  "#ddcc77", "#aa4499",
};

const char *
sam_map_suggest_color (SamSession *session)
{
  GListModel *perspectives;
  guint n;

  g_return_val_if_fail (SAM_IS_SESSION (session), palette[0]);

  perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));
  n = g_list_model_get_n_items (perspectives);

  for (guint c = 0; c < G_N_ELEMENTS (palette); c++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        {
          g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, i);
          const char *color = sam_item_get_string (perspective, "color");

          used = color != NULL && g_ascii_strcasecmp (color, palette[c]) == 0;
        }
      if (!used)
        return palette[c];
    }
  return palette[0];
}

static gboolean
symbol_taken (GPtrArray  *taken,
              const char *symbol)
{
  g_autofree char *folded = g_utf8_casefold (symbol, -1);

  for (guint i = 0; i < taken->len; i++)
    if (g_str_equal (g_ptr_array_index (taken, i), folded))
      return TRUE;
  return FALSE;
}

char *
sam_map_suggest_symbol (SamSession *session,
                        const char *name)
{
  GListModel *perspectives;
  g_autoptr(GPtrArray) taken = NULL;
  g_autofree char *first = NULL;
  const char *p;
  guint n;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);

  first = first_letter (name);
  if (first[0] == '\0')
    return g_strdup ("");

  perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));
  n = g_list_model_get_n_items (perspectives);
  taken = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, i);
      g_autofree char *symbol = sam_perspective_dup_symbol (perspective);

      g_ptr_array_add (taken, g_utf8_casefold (symbol, -1));
    }

  if (!symbol_taken (taken, first))
    return g_steal_pointer (&first);

  /* The first letter and the next letter of the name: "Sk" for Skola. */
  p = name;
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  p = g_utf8_next_char (p);
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          char buffer[8] = { 0 };
          g_autofree char *two = NULL;

          g_unichar_to_utf8 (g_unichar_tolower (c), buffer);
          two = g_strconcat (first, buffer, NULL);
          if (!symbol_taken (taken, two))
            return g_steal_pointer (&two);
          break;
        }
    }

  for (guint digit = 2; digit <= 9; digit++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s%u", first, digit);

      if (!symbol_taken (taken, numbered))
        return g_steal_pointer (&numbered);
    }

  return g_steal_pointer (&first);
}

/* ------------------------------------------------------------------ */
/* Checking a picture                                                  */

/* Whether @data is XML text whose first element is <svg>: after a byte
 * order mark, white space, the XML declaration, processing instructions,
 * comments and a document type declaration. */
static gboolean
looks_like_svg (const char *data,
                gsize       size)
{
  const char *p = data, *end;

  /* An empty GBytes may have no data at all. */
  if (data == NULL)
    return FALSE;

  end = data + size;
  if (size >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      if (*p != '<' || p + 1 >= end)
        return FALSE;

      if (p[1] == '?')
        {
          const char *close = g_strstr_len (p, end - p, "?>");

          if (close == NULL)
            return FALSE;
          p = close + 2;
        }
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          if (close == NULL)
            return FALSE;
          p = close + 3;
        }
      else if (p[1] == '!')
        {
          /* <!DOCTYPE svg …> with perhaps an internal subset in brackets. */
          int brackets = 0;

          for (p += 2; p < end; p++)
            {
              if (*p == '[')
                brackets++;
              else if (*p == ']')
                brackets--;
              else if (*p == '>' && brackets <= 0)
                break;
            }
          if (p >= end)
            return FALSE;
          p++;
        }
      else
        {
          const char *name = p + 1, *name_end = name;
          const char *local;

          while (name_end < end && (g_ascii_isalnum (*name_end) || *name_end == ':'
                                    || *name_end == '-' || *name_end == '_' || *name_end == '.'))
            name_end++;
          if (name_end >= end || !(g_ascii_isspace (*name_end) || *name_end == '>' || *name_end == '/'))
            return FALSE;

          local = name;
          for (const char *q = name; q < name_end; q++)
            if (*q == ':')
              local = q + 1;
          return name_end - local == 3 && memcmp (local, "svg", 3) == 0;
        }
    }
  return FALSE;
}

/* A size rounded up to the tenth of a MiB that is shown, so that a file
 * just over the limit does not read as if it were at the limit. */
static guint64
round_up_size (guint64 size)
{
  const guint64 step = 1024 * 1024 / 10;

  if (size < 1024 * 1024)
    return size;
  return (size + step - 1) / step * step;
}

gboolean
sam_map_check_image_size (guint64   size,
                          GError  **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (size > SAM_MAP_IMAGE_MAX_SIZE)
    {
      g_autofree char *actual = g_format_size_full (round_up_size (size), G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (SAM_MAP_IMAGE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: the sizes of the file and of the largest
                    * map picture, as in "12.3 MiB" and "8.0 MiB". */
                   _("The picture is %s; a map can be at most %s."), actual, limit);
      return FALSE;
    }
  return TRUE;
}

const char *
sam_map_check_image (GBytes  *image,
                     GError **error)
{
  const guchar *data;
  gsize size;

  g_return_val_if_fail (image != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (image, &size);

  if (!sam_map_check_image_size (size, error))
    return NULL;

  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return "image/jpeg";
  if (looks_like_svg ((const char *) data, size))
    return "image/svg+xml";

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("This file is not a PNG, JPEG or SVG picture."));
  return NULL;
}

static double
channel_luminance (double c)
{
  /* A cubic close to the sRGB curve (within half a percent), which is
   * enough for one comparison. */
  return c * (c * (c * 0.305306011 + 0.682171111) + 0.012522878);
}

gboolean
sam_color_prefers_white_ink (double red,
                             double green,
                             double blue)
{
  double l = 0.2126 * channel_luminance (red) +
             0.7152 * channel_luminance (green) +
             0.0722 * channel_luminance (blue);

  return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05);
}
