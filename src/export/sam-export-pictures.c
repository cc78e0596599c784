/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <pango/pangocairo.h>

#include "sam-export-pictures.h"
#include "sam-map.h"

/*
 * The pictures look like the app's map and chart (a balloon is a disc in
 * its perspective's colour with a white ring and its symbol; a chart row is
 * a chip, the name, a bar and the count), drawn with cairo alone: the
 * command line has no GTK to draw with.
 *
 * The map's picture is a raster (GdkPixbuf reads PNG, JPEG and SVG), made
 * at a few times the page's resolution for a PDF so that it stays crisp in
 * print; the balloons and the chart are vectors.
 */

#define FONT_FAMILY "Cantarell, Sans"

/* A balloon's radius as a share of the map's shorter side, as on the stage. */
#define BALLOON_SHARE 0.022
/* Pixels of the map's raster for each unit of a vector target (216 dpi on
 * a page in points). */
#define VECTOR_RASTER_SCALE 3.0
/* The largest raster of the map, in pixels a side. */
#define MAX_RASTER_SIZE 4096
/* The logical width the PNG pictures are laid out at: about a PDF page's
 * text width, so that the HTML shows them as the PDF does. */
#define PNG_LOGICAL_WIDTH 480.0

typedef struct
{
  double red, green, blue;
} Rgb;

static const Rgb text_rgb  = { 0.141, 0.122, 0.192 };  /* #241f31 */
static const Rgb grey_rgb  = { 0.604, 0.600, 0.588 };  /* #9a9996 */

static void
parse_color (const char *text,
             Rgb        *rgb)
{
  PangoColor color;

  if (text != NULL && pango_color_parse (&color, text))
    *rgb = (Rgb) { color.red / 65535.0, color.green / 65535.0, color.blue / 65535.0 };
  else
    *rgb = grey_rgb;
}

/* White or black, whichever contrasts more with @fill: the same choice
 * the app makes for a symbol on a perspective's colour. */
static Rgb
ink_for (const Rgb *fill)
{
  if (sam_color_prefers_white_ink (fill->red, fill->green, fill->blue))
    return (Rgb) { 1.0, 1.0, 1.0 };
  return (Rgb) { 0.0, 0.0, 0.0 };
}

static void
set_rgb (cairo_t   *cr,
         const Rgb *rgb,
         double     alpha)
{
  cairo_set_source_rgba (cr, rgb->red, rgb->green, rgb->blue, alpha);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             PangoWeight weight)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the same layout on a page, a printer and a PNG. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
show_centred_by_ink (cairo_t     *cr,
                     PangoLayout *layout,
                     double       cx,
                     double       cy)
{
  PangoRectangle ink;

  pango_layout_get_extents (layout, &ink, NULL);
  /* Centred by its ink, which is what the eye centres a capital by. */
  cairo_move_to (cr,
                 cx - (ink.x + ink.width / 2.0) / PANGO_SCALE,
                 cy - (ink.y + ink.height / 2.0) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

/* A disc in the perspective's colour with its symbol, as its balloons look. */
static void
draw_chip (cairo_t    *cr,
           SamItem    *perspective,
           double      cx,
           double      cy,
           double      radius,
           gboolean    ringed)
{
  g_autofree char *symbol = perspective != NULL ? sam_perspective_dup_symbol (perspective) : g_strdup ("?");
  g_autoptr(PangoLayout) layout = NULL;
  Rgb fill, ink;

  parse_color (perspective != NULL ? sam_item_get_string (perspective, "color") : NULL, &fill);
  ink = ink_for (&fill);
  /* Text leaves a current point behind, which an arc would join with a line. */
  cairo_new_path (cr);

  if (ringed)
    {
      /* A white ring with a dark hairline sets the balloon off a light map
       * and a dark one alike. */
      cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
      cairo_arc (cr, cx, cy, radius * 1.18, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_arc (cr, cx, cy, radius * 1.12, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  set_rgb (cr, &fill, 1.0);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_fill (cr);

  layout = make_layout (cr, symbol,
                        (g_utf8_strlen (symbol, -1) > 1 ? 0.78 : 1.05) * radius,
                        PANGO_WEIGHT_BOLD);
  set_rgb (cr, &ink, 1.0);
  show_centred_by_ink (cr, layout, cx, cy);
}

/* The map's picture */

typedef struct
{
  double box_width;
  double box_height;
} FitBox;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  FitBox *box = user_data;
  double scale;

  if (width <= 0 || height <= 0)
    return;
  scale = MIN (box->box_width / width, box->box_height / height);
  gdk_pixbuf_loader_set_size (loader,
                              CLAMP ((int) (width * scale + 0.5), 1, MAX_RASTER_SIZE),
                              CLAMP ((int) (height * scale + 0.5), 1, MAX_RASTER_SIZE));
}

/* The session's map picture (its own, or the built-in one) fitted into
 * @box_width × @box_height pixels; NULL if it cannot be read. */
static GdkPixbuf *
load_map_pixbuf (SamSession *session,
                 double      box_width,
                 double      box_height)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *own = NULL;
  FitBox box = { MAX (box_width, 1), MAX (box_height, 1) };
  gboolean ok;

  g_object_get (session, "map-image", &own, NULL);
  if (own != NULL && g_bytes_get_size (own) > 0)
    bytes = own;
  else
    {
      g_clear_pointer (&own, g_bytes_unref);
      bytes = sam_map_dup_builtin_svg ();
    }
  if (bytes == NULL)
    return NULL;

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &box);
  ok = gdk_pixbuf_loader_write_bytes (loader, bytes, &error);
  /* Closed even after a failed write, which a loader insists on. */
  ok = gdk_pixbuf_loader_close (loader, ok ? &error : NULL) && ok;
  if (!ok)
    {
      g_debug ("The map picture cannot be read: %s", error != NULL ? error->message : "");
      return NULL;
    }

  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

/* cairo wants premultiplied native-endian ARGB, a pixbuf has RGB(A) bytes. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                                         width, height);
  guint8 *dst = cairo_image_surface_get_data (surface);
  int dst_stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (dst + (gsize) y * dst_stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = alpha ? s[3] : 255;
          guint r = (s[0] * a + 127) / 255;
          guint g = (s[1] * a + 127) / 255;
          guint b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);

  return surface;
}

/* How many raster pixels one user unit of @cr wants. */
static double
raster_scale (cairo_t *cr)
{
  double dx = 1.0, dy = 0.0;
  double scale;

  cairo_user_to_device_distance (cr, &dx, &dy);
  scale = MAX (hypot (dx, dy), 0.01);
  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    scale *= VECTOR_RASTER_SCALE;

  return scale;
}

static void
draw_balloons (cairo_t    *cr,
               SamSession *session,
               double      width,
               double      height)
{
  GListModel *balloons = G_LIST_MODEL (sam_session_get_balloons (session));
  guint n = g_list_model_get_n_items (balloons);
  double radius = MAX (4.0, BALLOON_SHARE * MIN (width, height));

  /* The discs first, then the labels over them, so that no balloon hides
   * a label. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) balloon = g_list_model_get_item (balloons, i);
      const char *perspective_id = sam_item_get_string (balloon, "perspective");
      SamItem *perspective = perspective_id != NULL && perspective_id[0] != '\0'
                             ? sam_session_lookup (session, perspective_id) : NULL;

      draw_chip (cr, perspective,
                 CLAMP (sam_item_get_double (balloon, "x"), 0.0, 1.0) * width,
                 CLAMP (sam_item_get_double (balloon, "y"), 0.0, 1.0) * height,
                 radius, TRUE);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) balloon = g_list_model_get_item (balloons, i);
      const char *label = sam_item_get_string (balloon, "label");
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;
      double x, y, pad_x, pad_y, pill_width, pill_height;

      if (label == NULL || label[0] == '\0')
        continue;

      layout = make_layout (cr, label, MAX (6.0, 0.9 * radius), PANGO_WEIGHT_SEMIBOLD);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) (18 * radius * PANGO_SCALE));
      pango_layout_get_extents (layout, NULL, &logical);
      pad_y = MAX (1.0, 0.15 * logical.height / PANGO_SCALE);
      pad_x = MAX (3.0, 0.45 * logical.height / PANGO_SCALE);
      pill_width = logical.width / (double) PANGO_SCALE + 2 * pad_x;
      pill_height = logical.height / (double) PANGO_SCALE + 2 * pad_y;
      x = CLAMP (sam_item_get_double (balloon, "x"), 0.0, 1.0) * width + radius * 1.2 + 3;
      y = CLAMP (sam_item_get_double (balloon, "y"), 0.0, 1.0) * height - pill_height / 2;

      cairo_new_path (cr);
      cairo_arc (cr, x + pill_height / 2, y + pill_height / 2, pill_height / 2, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, x + pill_width - pill_height / 2, y + pill_height / 2, pill_height / 2, -G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.94);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.22);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);

      set_rgb (cr, &text_rgb, 1.0);
      cairo_move_to (cr, x + pad_x - logical.x / (double) PANGO_SCALE, y + pad_y - logical.y / (double) PANGO_SCALE);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_map_pixbuf (cairo_t    *cr,
                 SamSession *session,
                 GdkPixbuf  *pixbuf,
                 double      scale)
{
  double width = gdk_pixbuf_get_width (pixbuf) / scale;
  double height = gdk_pixbuf_get_height (pixbuf) / scale;
  cairo_surface_t *surface = surface_from_pixbuf (pixbuf);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_save (cr);
  cairo_scale (cr, 1 / scale, 1 / scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);

  draw_balloons (cr, session, width, height);

  /* A hairline frame, so that a light map does not melt into the page. */
  cairo_rectangle (cr, 0.25, 0.25, width - 0.5, height - 0.5);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
}

double
sam_export_draw_map (cairo_t    *cr,
                     SamSession *session,
                     double      width,
                     double      height)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  double scale, used;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (SAM_IS_SESSION (session), 0);

  if (width <= 0 || height <= 0)
    return 0;

  scale = raster_scale (cr);
  pixbuf = load_map_pixbuf (session, width * scale, height * scale);
  if (pixbuf == NULL)
    return 0;

  /* The picture keeps its own aspect: the scale follows from its size. */
  scale = MAX (gdk_pixbuf_get_width (pixbuf) / width, gdk_pixbuf_get_height (pixbuf) / height);
  used = gdk_pixbuf_get_height (pixbuf) / scale;
  draw_map_pixbuf (cr, session, pixbuf, scale);

  return used;
}

/* The chart */

#define CHART_TEXT_SIZE 10.0
#define CHART_ROW 20.0
#define CHART_CHIP 15.0

static PangoLayout *
make_number_layout (cairo_t *cr,
                    guint    number)
{
  g_autofree char *text = g_strdup_printf ("%u", number);
  PangoLayout *layout = make_layout (cr, text, CHART_TEXT_SIZE, PANGO_WEIGHT_BOLD);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Tabular figures, so that the counts line up. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
rounded_bar (cairo_t *cr,
             double   x,
             double   y,
             double   width,
             double   height)
{
  double r = height / 2;

  cairo_new_path (cr);
  cairo_arc (cr, x + r, y + r, r, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, x + MAX (width, height) - r, y + r, r, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* The counts of the perspectives' balloons (without the last count, of
 * balloons without a perspective, which the chart does not show); NULL when
 * no perspective has a balloon. */
static guint *
chart_counts (SamSession *session,
              guint      *n,
              guint      *max)
{
  guint n_counts = 0, total = 0;
  g_autofree guint *counts = sam_map_count_perspectives (session, &n_counts);

  *n = MIN (g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_perspectives (session))),
            n_counts > 0 ? n_counts - 1 : 0);
  *max = 1;
  for (guint i = 0; i < *n; i++)
    {
      total += counts[i];
      *max = MAX (*max, counts[i]);
    }

  return total > 0 ? g_steal_pointer (&counts) : NULL;
}

double
sam_export_draw_chart (cairo_t    *cr,
                       SamSession *session,
                       double      width)
{
  GListModel *perspectives;
  g_autofree guint *counts = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) numbers = NULL;
  double name_width = 0, number_width = 0, text_x, bar_x, bar_width;
  double bar_height = 7.0;
  guint n, max;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (SAM_IS_SESSION (session), 0);

  counts = chart_counts (session, &n, &max);
  if (counts == NULL || width <= 0)
    return 0;

  perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));
  names = g_ptr_array_new_with_free_func (g_object_unref);
  numbers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, i);
      PangoLayout *name = make_layout (cr, sam_item_get_string (perspective, "name"),
                                       CHART_TEXT_SIZE, PANGO_WEIGHT_NORMAL);
      PangoLayout *number = make_number_layout (cr, counts[i]);
      PangoRectangle logical;

      pango_layout_get_extents (name, NULL, &logical);
      name_width = MAX (name_width, logical.width / (double) PANGO_SCALE);
      pango_layout_get_extents (number, NULL, &logical);
      number_width = MAX (number_width, logical.width / (double) PANGO_SCALE);
      g_ptr_array_add (names, name);
      g_ptr_array_add (numbers, number);
    }

  /* The names share a column of at most two fifths of the width. */
  text_x = CHART_CHIP + 8;
  name_width = MIN (name_width, 0.4 * width);
  bar_x = text_x + name_width + 10;
  bar_width = MAX (1.0, width - bar_x - number_width - 10);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, i);
      PangoLayout *name = g_ptr_array_index (names, i);
      PangoLayout *number = g_ptr_array_index (numbers, i);
      PangoRectangle logical;
      double cy = i * CHART_ROW + CHART_ROW / 2;
      Rgb color;

      parse_color (sam_item_get_string (perspective, "color"), &color);
      draw_chip (cr, perspective, CHART_CHIP / 2, cy, CHART_CHIP / 2, FALSE);

      pango_layout_set_width (name, (int) (MAX (1.0, name_width) * PANGO_SCALE));
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_get_extents (name, NULL, &logical);
      set_rgb (cr, &text_rgb, 1.0);
      cairo_move_to (cr, text_x, cy - logical.height / 2.0 / PANGO_SCALE);
      pango_cairo_show_layout (cr, name);

      set_rgb (cr, &text_rgb, 0.12);
      rounded_bar (cr, bar_x, cy - bar_height / 2, bar_width, bar_height);
      if (counts[i] > 0)
        {
          set_rgb (cr, &color, 1.0);
          rounded_bar (cr, bar_x, cy - bar_height / 2, bar_width * counts[i] / max, bar_height);
        }

      pango_layout_get_extents (number, NULL, &logical);
      set_rgb (cr, &text_rgb, 1.0);
      cairo_move_to (cr, width - logical.width / (double) PANGO_SCALE, cy - logical.height / 2.0 / PANGO_SCALE);
      pango_cairo_show_layout (cr, number);
    }

  return n * CHART_ROW;
}

/* PNG */

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
surface_to_png (cairo_surface_t *surface)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();

  if (cairo_surface_write_to_png_stream (surface, append_png_cb, png) != CAIRO_STATUS_SUCCESS)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

GBytes *
sam_export_map_png (SamSession *session,
                    int         width)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *png;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (width > 0, NULL);

  /* As wide as asked, as tall as the picture's aspect makes it. */
  pixbuf = load_map_pixbuf (session, width, MAX_RASTER_SIZE);
  if (pixbuf == NULL)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_map_pixbuf (cr, session, pixbuf, 1.0);
  cairo_destroy (cr);

  png = surface_to_png (surface);
  cairo_surface_destroy (surface);

  return png;
}

GBytes *
sam_export_chart_png (SamSession *session,
                      int         width)
{
  g_autofree guint *counts = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale = width / PNG_LOGICAL_WIDTH;
  guint n, max;
  GBytes *png;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (width > 0, NULL);

  counts = chart_counts (session, &n, &max);
  if (counts == NULL)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width,
                                        MAX (1, (int) ceil (n * CHART_ROW * scale)));
  cr = cairo_create (surface);
  /* White, as the page: the text is dark whatever the viewer's theme. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  sam_export_draw_chart (cr, session, PNG_LOGICAL_WIDTH);
  cairo_destroy (cr);

  png = surface_to_png (surface);
  cairo_surface_destroy (surface);

  return png;
}
