/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-map.h"
#include "sam-perspective-color.h"
#include "sam-map-view-private.h"
#include "sam-session.h"

/*
 * The map is one widget that draws the picture and every balloon in its
 * snapshot, without child widgets of its own: a room of people puts
 * hundreds of balloons on it, the stage shows them on a projector, and a
 * widget per balloon would cost far more than drawing them.
 *
 * What a frame costs is kept small and independent of the picture:
 *   - the picture is decoded once; an SVG is rendered at the size it is
 *     drawn (in a thread, when that size has changed by a quarter, a
 *     little after the last change), so that the map stays crisp on a
 *     1920×1080 stage without being rendered again per frame;
 *   - each perspective's balloon (its rings, its colour, its symbol) and
 *     each label's pill is drawn once into an image for the current size
 *     (a sprite, see make_sprite()); a frame places those, at whole
 *     pixels, so it is a loop over the balloons with a few hash lookups
 *     each. Placing the same nodes frame after frame also lets GTK see
 *     that only where a balloon moved needs to be painted again.
 *
 * bench-map measures it: with 500 balloons the snapshot takes about
 * 0.3 ms and the window's frame about 1 ms with the cairo renderer.
 */

/* A perspective's balloon, made for the current radius. */
struct _BalloonStyle
{
  char          *color;   /* what it was made from, to notice edits */
  char          *symbol;
  GskRenderNode *sprite;  /* centred on (0, 0) */
};

/* One balloon of the frame being drawn. */
typedef struct
{
  SamItem       *balloon;  /* borrowed from the list, for this frame */
  float          x;
  float          y;
  BalloonStyle  *style;
  GskRenderNode *label;    /* borrowed from the label cache, or NULL */
} Placed;

G_DEFINE_FINAL_TYPE (SamMapView, sam_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_EDITABLE,
  PROP_CURRENT_PERSPECTIVE,
  PROP_SELECTED,
  PROP_PICTURE_OK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE_BALLOON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The largest texture an SVG is rendered to, in pixels a side. */
#define MAX_RENDER_SIZE 4096
/* An aspect for a picture that tells none. */
#define DEFAULT_ASPECT 1.6

static const GdkRGBA white       = { 1.0, 1.0, 1.0, 1.0 };
static const GdkRGBA shade       = { 0.0, 0.0, 0.0, 0.35 };
static const GdkRGBA accent      = { 0.110, 0.443, 0.847, 1.0 };  /* #1c71d8 */
static const GdkRGBA pill_color  = { 1.0, 1.0, 1.0, 0.94 };
static const GdkRGBA pill_border = { 0.0, 0.0, 0.0, 0.22 };
static const GdkRGBA ink         = { 0.141, 0.122, 0.192, 1.0 };  /* #241f31 */
static const GdkRGBA frame_fill  = { 0.871, 0.867, 0.855, 1.0 };  /* #deddda */
static const GdkRGBA frame_line  = { 0.604, 0.600, 0.588, 1.0 };  /* #9a9996 */

static void queue_describe (SamMapView *self);

/* Drawing helpers */

static void
append_disc (GtkSnapshot   *snapshot,
             float          cx,
             float          cy,
             float          radius,
             const GdkRGBA *color)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius);
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &rect);
  gtk_snapshot_pop (snapshot);
}

/* A ring whose outer edge has @radius. */
static void
append_ring (GtkSnapshot   *snapshot,
             float          cx,
             float          cy,
             float          radius,
             float          width,
             const GdkRGBA *color)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius);
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &rect, radius);
  gtk_snapshot_append_border (snapshot, &rounded,
                              (float[4]) { width, width, width, width },
                              (GdkRGBA[4]) { *color, *color, *color, *color });
}

static PangoLayout *
make_layout (SamMapView *self,
             const char *text,
             double      size,
             PangoWeight weight)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));

  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);

  return layout;
}

/* Sprites */

/* A sprite is a picture drawn once and placed many times: a balloon or a
 * label, positioned relative to the point it is placed at.
 *
 * It draws @node once into an image at @scale and keeps that in a cairo
 * node; a frame then places one node per balloon instead of drawing its
 * discs and its text. Not a texture node: GTK 4.8's cairo renderer copies a texture's
 * pixels into a new image each time it draws one, even where nothing needs
 * painting, which for 500 balloons is most of a frame; a cairo node outside
 * the part of the window being painted costs next to nothing. The GL
 * renderer keeps what it makes of a cairo node, so there each perspective's
 * balloon is uploaded once. */
static GskRenderNode *
make_sprite (GskRenderNode *node,
             int            scale)
{
  GskRenderNode *sprite;
  graphene_rect_t bounds;
  cairo_surface_t *surface;
  cairo_t *cr;
  int x, y, width, height;

  gsk_render_node_get_bounds (node, &bounds);
  /* Whole pixels around it, so that it lands on the pixel grid. */
  x = (int) bounds.origin.x - 1;
  y = (int) bounds.origin.y - 1;
  width = (int) (bounds.origin.x + bounds.size.width) + 2 - x;
  height = (int) (bounds.origin.y + bounds.size.height) + 2 - y;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_translate (cr, -x, -y);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  sprite = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (x, y, width, height));
  cr = gsk_cairo_node_get_draw_context (sprite);
  cairo_set_source_surface (cr, surface, x, y);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return sprite;
}

/* Places @sprite at (@x, @y), rounded to whole pixels to keep it sharp. */
static void
append_sprite (GtkSnapshot   *snapshot,
               GskRenderNode *sprite,
               float          x,
               float          y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((int) (x + 0.5f), (int) (y + 0.5f)));
  gtk_snapshot_append_node (snapshot, sprite);
  gtk_snapshot_restore (snapshot);
}

/* Balloon styles */

static void
balloon_style_free (BalloonStyle *style)
{
  g_free (style->color);
  g_free (style->symbol);
  g_clear_pointer (&style->sprite, gsk_render_node_unref);
  g_free (style);
}

static BalloonStyle *
balloon_style_new (SamMapView *self,
                   const char *color,
                   const char *symbol)
{
  BalloonStyle *style = g_new0 (BalloonStyle, 1);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  float r = (float) self->radius;
  GdkRGBA fill;
  PangoRectangle ink_rect;

  style->color = g_strdup (color);
  style->symbol = g_strdup (symbol);
  sam_color_parse_or_grey (color, &fill);

  /* A white ring with a dark hairline around it sets the balloon off a
   * light map and a dark one alike. */
  append_disc (snapshot, 0, 0, r + 3, &shade);
  append_disc (snapshot, 0, 0, r + 2, &white);
  append_disc (snapshot, 0, 0, r, &fill);

  layout = make_layout (self, symbol,
                        g_utf8_strlen (symbol, -1) > 1 ? 0.78 * r : 1.05 * r,
                        PANGO_WEIGHT_BOLD);
  pango_layout_get_pixel_extents (layout, &ink_rect, NULL);
  /* Centred by its ink, which is what the eye centres a capital by. */
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (-ink_rect.x - ink_rect.width / 2.0f,
                                                -ink_rect.y - ink_rect.height / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, sam_ink_for (&fill));

  node = gtk_snapshot_free_to_node (snapshot);
  style->sprite = make_sprite (node, self->scale);

  return style;
}

/* The label's pill, its left end at (0, 0) vertically centred there. */
static GskRenderNode *
make_label (SamMapView *self,
            const char *text)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(PangoLayout) layout = make_layout (self, text, MAX (11.0, 0.85 * self->radius),
                                               PANGO_WEIGHT_SEMIBOLD);
  PangoRectangle logical;
  float pad_x, pad_y, width, height;
  graphene_rect_t rect;
  GskRoundedRect rounded;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (18 * self->radius * PANGO_SCALE));
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  pad_y = MAX (2.0f, 0.15f * logical.height);
  pad_x = MAX (6.0f, 0.45f * logical.height);
  width = logical.width + 2 * pad_x;
  height = logical.height + 2 * pad_y;

  rect = GRAPHENE_RECT_INIT (0, -height / 2, width, height);
  gsk_rounded_rect_init_from_rect (&rounded, &rect, height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &pill_color, &rect);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &rounded,
                              (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { pill_border, pill_border, pill_border, pill_border });
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (pad_x - logical.x, -height / 2 + pad_y - logical.y));
  gtk_snapshot_append_layout (snapshot, layout, &ink);

  node = gtk_snapshot_free_to_node (snapshot);
  return make_sprite (node, self->scale);
}

static void
clear_styles (SamMapView *self)
{
  g_hash_table_remove_all (self->styles);
  g_hash_table_remove_all (self->labels);
  g_clear_pointer (&self->no_style, balloon_style_free);
}

/* Brings each perspective's style up to date with its colour and symbol;
 * O(perspectives), once a frame. */
static void
update_styles (SamMapView *self)
{
  guint n = self->perspectives != NULL ? g_list_model_get_n_items (self->perspectives) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (self->perspectives, i);
      const char *id = sam_item_get_id (perspective);
      const char *color = sam_item_get_string (perspective, "color");
      g_autofree char *symbol = sam_perspective_dup_symbol (perspective);
      BalloonStyle *style = g_hash_table_lookup (self->styles, id);

      if (style != NULL && g_strcmp0 (style->color, color) == 0 && g_strcmp0 (style->symbol, symbol) == 0)
        continue;

      g_hash_table_replace (self->styles, g_strdup (id), balloon_style_new (self, color, symbol));
    }

  if (self->no_style == NULL)
    self->no_style = balloon_style_new (self, NULL, "?");
}

static GskRenderNode *
lookup_label (SamMapView *self,
              const char *text)
{
  GskRenderNode *sprite;

  if (text == NULL || text[0] == '\0')
    return NULL;

  sprite = g_hash_table_lookup (self->labels, text);
  if (sprite == NULL)
    {
      sprite = make_label (self, text);
      g_hash_table_insert (self->labels, g_strdup (text), sprite);
    }

  return sprite;
}

/* The picture */

static void
set_texture (SamMapView *self,
             GdkTexture *texture)
{
  g_clear_object (&self->texture);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->picture_node, gsk_render_node_unref);
  self->texture = texture;
}

/* The picture as a cairo node that is made again only when the picture or
 * its place changes. A texture node would do, but GTK 4.8's cairo renderer
 * converts a texture's pixels into a new image every time it paints one,
 * megabytes a frame for a map on the stage; the node keeps them. */
static GskRenderNode *
picture_node (SamMapView            *self,
              const graphene_rect_t *rect)
{
  cairo_t *cr;
  int width, height;

  if (self->picture_node != NULL && graphene_rect_equal (&self->picture_rect, rect))
    return self->picture_node;

  width = gdk_texture_get_width (self->texture);
  height = gdk_texture_get_height (self->texture);
  if (self->surface == NULL)
    {
      self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      gdk_texture_download (self->texture,
                            cairo_image_surface_get_data (self->surface),
                            cairo_image_surface_get_stride (self->surface));
      cairo_surface_mark_dirty (self->surface);
    }

  g_clear_pointer (&self->picture_node, gsk_render_node_unref);
  self->picture_node = gsk_cairo_node_new (rect);
  self->picture_rect = *rect;
  cr = gsk_cairo_node_get_draw_context (self->picture_node);
  cairo_translate (cr, rect->origin.x, rect->origin.y);
  cairo_scale (cr, rect->size.width / width, rect->size.height / height);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);

  return self->picture_node;
}

static void
cancel_render (SamMapView *self)
{
  g_clear_handle_id (&self->render_id, g_source_remove);
  if (self->render_cancellable != NULL)
    {
      g_cancellable_cancel (self->render_cancellable);
      g_clear_object (&self->render_cancellable);
    }
  self->render_generation++;
}

static void
set_picture_ok (SamMapView *self,
                gboolean    ok)
{
  if (self->picture_ok == ok)
    return;

  self->picture_ok = ok;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICTURE_OK]);
}

typedef struct
{
  int width;  /* the width wanted, or 0 for the picture's own */
} DecodeSize;

/* Scales to the width wanted, and anything larger than MAX_RENDER_SIZE
 * down to it: a photo of the paper map need not take hundreds of
 * megabytes in each of the views that show it. */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  DecodeSize      *size)
{
  double scale = 1.0;

  if (width <= 0 || height <= 0)
    return;
  if (size->width > 0)
    scale = (double) size->width / width;
  if (MAX (width, height) * scale > MAX_RENDER_SIZE)
    scale = (double) MAX_RENDER_SIZE / MAX (width, height);
  if (scale != 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale + 0.5)), MAX (1, (int) (height * scale + 0.5)));
}

/* Decodes @image of media type @type. The loader is told the type: by
 * sniffing it would miss an SVG whose <svg> comes after a long prologue. */
static GdkPixbuf *
decode_picture (GBytes        *image,
                const char    *type,
                int            width,
                GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  DecodeSize size = { width };
  gboolean written;
  GdkPixbuf *pixbuf;

  /* A file from elsewhere may not say its type: then it is guessed. */
  if (type != NULL && type[0] != '\0')
    loader = gdk_pixbuf_loader_new_with_mime_type (type, error);
  else
    loader = gdk_pixbuf_loader_new ();
  if (loader == NULL)
    return NULL;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &size);
  written = gdk_pixbuf_loader_write_bytes (loader, image, error);
  if (!gdk_pixbuf_loader_close (loader, written ? error : NULL) || !written)
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE, "no picture");
      return NULL;
    }
  return g_object_ref (pixbuf);
}

static GdkPixbuf *
render_svg (GBytes        *svg,
            int            width,
            GCancellable  *cancellable,
            GError       **error)
{
  return decode_picture (svg, "image/svg+xml", width, error);
}

static gboolean
is_svg_type (const char *type)
{
  return g_strcmp0 (type, "image/svg+xml") == 0;
}

/* Decodes the session's picture. An SVG is first rendered at the size it
 * is drawn when that is known, else at its own size. */
static void
load_picture (SamMapView *self)
{
  GBytes *image;
  const char *type;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  self->picture_stale = FALSE;
  cancel_render (self);
  g_clear_pointer (&self->image, g_bytes_unref);
  g_clear_pointer (&self->svg, g_bytes_unref);
  set_texture (self, NULL);
  g_clear_pointer (&self->places, sam_map_places_unref);
  self->aspect = DEFAULT_ASPECT;

  if (self->session == NULL)
    {
      set_picture_ok (self, TRUE);
      return;
    }

  image = sam_item_get_bytes (SAM_ITEM (self->session), "map-image");
  type = sam_item_get_string (SAM_ITEM (self->session), "map-image-type");
  self->places = sam_map_places_dup_for_session (self->session);
  if (self->places != NULL)
    self->aspect = sam_map_places_get_aspect (self->places);

  if (image == NULL)
    {
      self->svg = sam_map_dup_builtin_svg ();
    }
  else
    {
      self->image = g_bytes_ref (image);
      if (is_svg_type (type))
        self->svg = g_bytes_ref (image);
    }

  if (self->svg != NULL)
    {
      g_autoptr(GdkPixbuf) pixbuf = render_svg (self->svg, MIN (self->wanted_width, MAX_RENDER_SIZE), NULL, &error);

      if (pixbuf != NULL)
        set_texture (self, gdk_texture_new_for_pixbuf (pixbuf));
    }
  else
    {
      g_autoptr(GdkPixbuf) pixbuf = decode_picture (self->image, type, 0, &error);

      if (pixbuf != NULL)
        set_texture (self, gdk_texture_new_for_pixbuf (pixbuf));
    }

  if (self->texture == NULL)
    {
      g_debug ("The map picture cannot be decoded: %s", error != NULL ? error->message : "");
      ok = FALSE;
    }
  else if (self->places == NULL || self->svg == NULL)
    {
      int width = gdk_texture_get_width (self->texture);
      int height = gdk_texture_get_height (self->texture);

      if (width > 0 && height > 0)
        self->aspect = (double) width / height;
    }

  if (!(self->aspect > 0.01 && self->aspect < 100.0))
    self->aspect = DEFAULT_ASPECT;

  set_picture_ok (self, ok);
}

static void
ensure_picture (SamMapView *self)
{
  if (self->picture_stale)
    load_picture (self);
}

/* Whether the session's picture is another than the one shown. */
static gboolean
picture_changed (SamMapView *self)
{
  GBytes *image;

  if (self->session == NULL)
    return FALSE;

  image = sam_item_get_bytes (SAM_ITEM (self->session), "map-image");
  if (image == self->image)
    return FALSE;
  if (image == NULL || self->image == NULL)
    return TRUE;

  return !g_bytes_equal (image, self->image);
}

static void
check_picture (SamMapView *self)
{
  if (self->picture_stale || !picture_changed (self))
    return;

  self->picture_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_picture (self);
  queue_describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

typedef struct
{
  GBytes *svg;
  int     width;
  guint   generation;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_bytes_unref (job->svg);
  g_free (job);
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  RenderJob *job = data;
  GError *error = NULL;
  GdkPixbuf *pixbuf = render_svg (job->svg, job->width, cancellable, &error);

  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

static void
render_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  SamMapView *self = SAM_MAP_VIEW (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkPixbuf) pixbuf = g_task_propagate_pointer (G_TASK (result), NULL);

  /* A render for a picture that has since changed is of no use. */
  if (job->generation != self->render_generation || pixbuf == NULL)
    return;

  g_clear_object (&self->render_cancellable);
  set_texture (self, gdk_texture_new_for_pixbuf (pixbuf));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
render_timeout_cb (gpointer data)
{
  SamMapView *self = data;
  g_autoptr(GTask) task = NULL;
  RenderJob *job;

  self->render_id = 0;
  if (self->svg == NULL || self->wanted_width <= 0)
    return G_SOURCE_REMOVE;

  job = g_new0 (RenderJob, 1);
  job->svg = g_bytes_ref (self->svg);
  job->width = MIN (self->wanted_width, MAX_RENDER_SIZE);
  job->generation = self->render_generation;

  self->render_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->render_cancellable, render_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_thread);

  return G_SOURCE_REMOVE;
}

/* Renders the SVG again when it is drawn much larger or smaller than its
 * texture: a little after the size settles, never during a frame. */
static void
check_render_size (SamMapView            *self,
                   const graphene_rect_t *rect)
{
  int wanted, have;

  if (self->svg == NULL || self->texture == NULL)
    return;

  wanted = (int) (rect->size.width * gtk_widget_get_scale_factor (GTK_WIDGET (self)) + 0.99);
  wanted = CLAMP (wanted, 1, MAX_RENDER_SIZE);
  have = gdk_texture_get_width (self->texture);

  if (wanted <= have * 1.25 && wanted >= have * 0.6)
    return;
  if (wanted == self->wanted_width && (self->render_id != 0 || self->render_cancellable != NULL))
    return;

  self->wanted_width = wanted;
  /* A render in flight is for a size that no longer holds. */
  if (self->render_cancellable != NULL)
    {
      g_cancellable_cancel (self->render_cancellable);
      g_clear_object (&self->render_cancellable);
      self->render_generation++;
    }
  g_clear_handle_id (&self->render_id, g_source_remove);
  self->render_id = g_timeout_add (150, render_timeout_cb, self);
}

/* Geometry */

static gboolean
compute_picture_rect (SamMapView      *self,
                      graphene_rect_t *rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double w, h;

  if (width <= 0 || height <= 0)
    return FALSE;

  ensure_picture (self);
  w = width;
  h = w / self->aspect;
  if (h > height)
    {
      h = height;
      w = h * self->aspect;
    }

  /* Whole pixels, so that the picture's texture lands on the pixel grid. */
  w = MAX (1, (int) w);
  h = MAX (1, (int) h);
  *rect = GRAPHENE_RECT_INIT ((int) ((width - w) / 2), (int) ((height - h) / 2), w, h);

  return TRUE;
}

/* A balloon's radius: a share of the picture, larger on the stage, which
 * is read from the back of a room, than where it is edited up close. */
static double
radius_for (SamMapView            *self,
            const graphene_rect_t *rect)
{
  double share = self->editable ? 0.018 : 0.022;

  return MAX (10, (int) (share * MIN (rect->size.width, rect->size.height) + 0.5));
}

/* Where @balloon is drawn, in fractions: a dragged one follows the
 * pointer until the drag ends. */
void
_sam_map_view_balloon_position (SamMapView *self,
                                SamItem    *balloon,
                                double     *x,
                                double     *y)
{
  if (balloon == self->dragged && self->dragging)
    {
      *x = self->drag_x;
      *y = self->drag_y;
      return;
    }

  *x = CLAMP (sam_item_get_double (balloon, "x"), 0.0, 1.0);
  *y = CLAMP (sam_item_get_double (balloon, "y"), 0.0, 1.0);
}

static gboolean
balloon_hit (SamMapView            *self,
             SamItem               *balloon,
             const graphene_rect_t *rect,
             double                 px,
             double                 py)
{
  double fx, fy, cx, cy, reach = radius_for (self, rect) + 3;

  _sam_map_view_balloon_position (self, balloon, &fx, &fy);
  cx = rect->origin.x + fx * rect->size.width;
  cy = rect->origin.y + fy * rect->size.height;

  return (px - cx) * (px - cx) + (py - cy) * (py - cy) <= reach * reach;
}

static gboolean
has_balloon (SamMapView *self,
             SamItem    *balloon)
{
  guint n = self->balloons != NULL ? g_list_model_get_n_items (self->balloons) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (self->balloons, i);

      if (item == balloon)
        return TRUE;
    }

  return FALSE;
}

/* Snapshot */

static void
append_failure (SamMapView            *self,
                GtkSnapshot           *snapshot,
                const graphene_rect_t *rect)
{
  g_autoptr(PangoLayout) layout = NULL;
  GskRoundedRect rounded;
  PangoRectangle logical;
  double size = CLAMP (0.045 * MIN (rect->size.width, rect->size.height), 12.0, 40.0);

  /* Its own light ground and dark type, so that it reads on the stage's
   * dark background as well as in the window. */
  gsk_rounded_rect_init_from_rect (&rounded, rect, 12);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &frame_fill, rect);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &rounded,
                              (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { frame_line, frame_line, frame_line, frame_line });

  layout = make_layout (self, _("This map picture cannot be shown"), size, PANGO_WEIGHT_BOLD);
  pango_layout_set_width (layout, (int) (MAX (1.0, rect->size.width - 4 * size) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (rect->origin.x + 2 * size,
                                                rect->origin.y + (rect->size.height - logical.height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &ink);
  gtk_snapshot_restore (snapshot);
}

static void
append_placed (GtkSnapshot  *snapshot,
               const Placed *placed)
{
  append_sprite (snapshot, placed->style->sprite, placed->x, placed->y);
}

static void
append_label (GtkSnapshot  *snapshot,
              const Placed *placed,
              double        radius)
{
  if (placed->label == NULL)
    return;

  append_sprite (snapshot, placed->label, placed->x + radius + 6, placed->y);
}

static void
append_crosshair (SamMapView            *self,
                  GtkSnapshot           *snapshot,
                  const graphene_rect_t *rect)
{
  float cx = rect->origin.x + self->cross_x * rect->size.width;
  float cy = rect->origin.y + self->cross_y * rect->size.height;
  float r = (float) self->radius;
  float arm = 2.2f * r;

  /* White under the accent, so the cross shows on any part of the map. */
  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (cx - arm - 1, cy - 2, 2 * arm + 2, 4));
  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (cx - 2, cy - arm - 1, 4, 2 * arm + 2));
  gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (cx - arm, cy - 1, 2 * arm, 2));
  gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (cx - 1, cy - arm, 2, 2 * arm));
  append_ring (snapshot, cx, cy, r + 2, 4, &white);
  append_ring (snapshot, cx, cy, r + 1, 2, &accent);
}

static gboolean
crosshair_visible (SamMapView *self)
{
  return self->editable && self->selected == NULL && gtk_widget_has_focus (GTK_WIDGET (self)) &&
         (self->cross_shown || gtk_widget_has_visible_focus (GTK_WIDGET (self)));
}

static void
sam_map_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SamMapView *self = SAM_MAP_VIEW (widget);
  graphene_rect_t rect;
  double radius;
  guint n;
  Placed selected = { NULL };

  if (self->session == NULL || !compute_picture_rect (self, &rect))
    return;

  radius = radius_for (self, &rect);
  if (radius != self->radius || gtk_widget_get_scale_factor (widget) != self->scale)
    {
      self->radius = radius;
      self->scale = gtk_widget_get_scale_factor (widget);
      clear_styles (self);
    }

  if (self->picture_ok && self->texture != NULL)
    {
      gtk_snapshot_append_node (snapshot, picture_node (self, &rect));
      check_render_size (self, &rect);
    }
  else
    {
      append_failure (self, snapshot, &rect);
    }

  update_styles (self);
  /* Labels that were renamed stay in the cache until it is made again at
   * another size; this keeps it from growing without end. Not during the
   * frame: the frame borrows what is in it. */
  if (g_hash_table_size (self->labels) > 2048)
    g_hash_table_remove_all (self->labels);

  /* The discs first, then the labels over them, so that no balloon hides
   * a label; the selected balloon comes last, on top of everything. */
  n = g_list_model_get_n_items (self->balloons);
  g_array_set_size (self->placed, 0);
  for (guint i = 0; i < n; i++)
    {
      SamItem *balloon = g_list_model_get_item (self->balloons, i);
      Placed placed;
      double fx, fy;

      /* The list holds a reference for the length of the frame. */
      g_object_unref (balloon);

      _sam_map_view_balloon_position (self, balloon, &fx, &fy);
      placed.balloon = balloon;
      /* Whole pixels, where the sprites are sharp. */
      placed.x = (int) (rect.origin.x + fx * rect.size.width + 0.5);
      placed.y = (int) (rect.origin.y + fy * rect.size.height + 0.5);
      placed.style = g_hash_table_lookup (self->styles, sam_item_get_string (balloon, "perspective"));
      if (placed.style == NULL)
        placed.style = self->no_style;
      placed.label = lookup_label (self, sam_item_get_string (balloon, "label"));

      if (balloon == self->selected)
        selected = placed;
      else
        g_array_append_val (self->placed, placed);
    }

  for (guint i = 0; i < self->placed->len; i++)
    append_placed (snapshot, &g_array_index (self->placed, Placed, i));
  for (guint i = 0; i < self->placed->len; i++)
    append_label (snapshot, &g_array_index (self->placed, Placed, i), radius);

  if (selected.balloon != NULL)
    {
      float r = (float) radius;

      /* The ring is a focus ring's accent and thickness, with white
       * around it so that it stands out from the map and the balloon. */
      append_ring (snapshot, selected.x, selected.y, r + 9, 6, &white);
      append_ring (snapshot, selected.x, selected.y, r + 8, 4, &accent);
      append_placed (snapshot, &selected);
      append_label (snapshot, &selected, radius + 6);
    }

  if (crosshair_visible (self))
    append_crosshair (self, snapshot, &rect);
}

static void
sam_map_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 640;
    }
  else
    {
      *minimum = 100;
      *natural = 400;
    }
}

static void
sam_map_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  SamMapView *self = SAM_MAP_VIEW (widget);
  graphene_rect_t rect;

  /* The first render of an SVG is at the size it will be drawn. */
  if (self->picture_stale && self->wanted_width == 0 && width > 0 && height > 0)
    {
      double aspect = DEFAULT_ASPECT;

      if (self->session != NULL && sam_item_get_bytes (SAM_ITEM (self->session), "map-image") == NULL)
        aspect = sam_map_places_get_aspect (sam_map_places_get_builtin ());
      self->wanted_width = (int) MIN (width, height * aspect) * gtk_widget_get_scale_factor (widget);
    }

  compute_picture_rect (self, &rect);

  /* The map draws no widgets of its own, but a popover may point at a
   * balloon from it (the balloon editor), and a popover is placed by its
   * parent's allocation. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        gtk_popover_present (GTK_POPOVER (child));
    }
}

static void
sam_map_view_state_flags_changed (GtkWidget     *widget,
                                  GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);

  if (GTK_WIDGET_CLASS (sam_map_view_parent_class)->state_flags_changed != NULL)
    GTK_WIDGET_CLASS (sam_map_view_parent_class)->state_flags_changed (widget, previous);
}

/* The accessible description */

static char *
describe (SamMapView *self)
{
  g_autoptr(GArray) counts = NULL;
  g_autofree char *places = NULL;
  GString *text = g_string_new (NULL);
  guint n;

  if (self->session == NULL)
    return g_string_free (text, FALSE);

  ensure_picture (self);
  n = g_list_model_get_n_items (self->balloons);
  if (n == 0)
    {
      g_string_append (text, _("No balloons"));
    }
  else
    {
      counts = sam_map_count_places (self->session, self->places);
      places = sam_map_format_place_counts (counts);
      /* Translators: the map's description for screen readers, e.g.
       * "14 balloons: Karlskrona 5, Ronneby 2, elsewhere 1" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u balloon: %s", "%u balloons: %s", n),
                              n, places);
    }

  if (self->selected != NULL)
    {
      const char *id = sam_item_get_string (self->selected, "perspective");
      SamItem *perspective = id[0] != '\0' ? sam_session_lookup (self->session, id) : NULL;
      const char *place = NULL;
      const char *label = sam_item_get_string (self->selected, "label");

      if (self->places != NULL)
        place = sam_map_places_lookup (self->places,
                                       sam_item_get_double (self->selected, "x"),
                                       sam_item_get_double (self->selected, "y"));
      /* Translators: the selected balloon in the map's description for
       * screen readers: its perspective and where it is, e.g.
       * "; selected: Region, Karlskrona" */
      g_string_append_printf (text, _("; selected: %s, %s"),
                              perspective != NULL ? sam_item_get_string (perspective, "name") : _("no perspective"),
                              place != NULL ? place : C_("map place", "elsewhere"));
      if (label[0] != '\0')
        /* Translators: after the selected balloon's place, its label. */
        g_string_append_printf (text, C_("balloon description", ", %s"), label);
    }

  return g_string_free (text, FALSE);
}

static gboolean
describe_cb (gpointer data)
{
  SamMapView *self = data;
  g_autofree char *text = describe (self);

  self->describe_id = 0;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);

  return G_SOURCE_REMOVE;
}

/* Counting the places of every balloon is done once after a burst of
 * changes, not after each. */
static void
queue_describe (SamMapView *self)
{
  if (self->describe_id == 0)
    self->describe_id = g_idle_add (describe_cb, self);
}

/* Following the session */

static SamItem *
find_perspective (SamMapView *self,
                  const char *id)
{
  guint n = self->perspectives != NULL ? g_list_model_get_n_items (self->perspectives) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (self->perspectives, i);

      if (id == NULL || g_strcmp0 (sam_item_get_id (item), id) == 0)
        return item;
    }

  return NULL;
}

static SamItem *
effective_perspective (SamMapView *self)
{
  SamItem *item = NULL;

  if (self->current_perspective != NULL)
    item = find_perspective (self, self->current_perspective);
  if (item == NULL)
    item = find_perspective (self, NULL);

  return item;
}

/* Notifies current-perspective when the one in effect changed, also when
 * that is because the list changed under it. */
static void
update_effective_perspective (SamMapView *self)
{
  SamItem *item = effective_perspective (self);
  const char *id = item != NULL ? sam_item_get_id (item) : NULL;

  if (g_strcmp0 (id, self->effective_perspective) == 0)
    return;

  g_free (self->effective_perspective);
  self->effective_perspective = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PERSPECTIVE]);
}

static void
committed_cb (SamMapView *self)
{
  check_picture (self);
  queue_describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
balloons_changed_cb (SamMapView *self,
                     guint       position,
                     guint       removed,
                     guint       added)
{
  if (removed > 0)
    {
      if (self->dragged != NULL && !has_balloon (self, self->dragged))
        {
          g_clear_object (&self->dragged);
          self->dragging = FALSE;
        }
      if (self->pressed != NULL && !has_balloon (self, self->pressed))
        g_clear_object (&self->pressed);
      if (self->selected != NULL && !has_balloon (self, self->selected))
        sam_map_view_set_selected (self, NULL);
    }

  queue_describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
perspectives_changed_cb (SamMapView *self)
{
  update_effective_perspective (self);
  queue_describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
disconnect_session (SamMapView *self)
{
  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->committed_id, self->session);
      g_clear_signal_handler (&self->image_id, self->session);
    }
  if (self->balloons != NULL)
    g_clear_signal_handler (&self->balloons_id, self->balloons);
  if (self->perspectives != NULL)
    g_clear_signal_handler (&self->perspectives_id, self->perspectives);

  g_clear_object (&self->balloons);
  g_clear_object (&self->perspectives);
  g_clear_object (&self->session);
}

/* Emits ::activate-balloon for @balloon. */
void
_sam_map_view_activate_balloon (SamMapView *self,
                                SamItem    *balloon)
{
  g_signal_emit (self, signals[ACTIVATE_BALLOON], 0, balloon);
}

/* GObject */

static void
sam_map_view_dispose (GObject *object)
{
  SamMapView *self = SAM_MAP_VIEW (object);
  GtkWidget *child;

  disconnect_session (self);
  cancel_render (self);
  g_clear_handle_id (&self->describe_id, g_source_remove);

  /* Popovers that others attached to the map go with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selected);
  g_clear_object (&self->pressed);
  g_clear_object (&self->dragged);
  set_texture (self, NULL);
  g_clear_pointer (&self->image, g_bytes_unref);
  g_clear_pointer (&self->svg, g_bytes_unref);
  g_clear_pointer (&self->places, sam_map_places_unref);
  if (self->styles != NULL)
    clear_styles (self);

  G_OBJECT_CLASS (sam_map_view_parent_class)->dispose (object);
}

static void
sam_map_view_finalize (GObject *object)
{
  SamMapView *self = SAM_MAP_VIEW (object);

  g_free (self->current_perspective);
  g_free (self->effective_perspective);
  g_clear_pointer (&self->styles, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->placed, g_array_unref);

  G_OBJECT_CLASS (sam_map_view_parent_class)->finalize (object);
}

static void
sam_map_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SamMapView *self = SAM_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_CURRENT_PERSPECTIVE:
      g_value_set_string (value, sam_map_view_get_current_perspective (self));
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_PICTURE_OK:
      g_value_set_boolean (value, sam_map_view_get_picture_ok (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_map_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SamMapView *self = SAM_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      sam_map_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_EDITABLE:
      sam_map_view_set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_CURRENT_PERSPECTIVE:
      sam_map_view_set_current_perspective (self, g_value_get_string (value));
      break;
    case PROP_SELECTED:
      sam_map_view_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_map_view_class_init (SamMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_map_view_dispose;
  object_class->finalize = sam_map_view_finalize;
  object_class->get_property = sam_map_view_get_property;
  object_class->set_property = sam_map_view_set_property;

  widget_class->snapshot = sam_map_view_snapshot;
  widget_class->measure = sam_map_view_measure;
  widget_class->size_allocate = sam_map_view_size_allocate;
  widget_class->state_flags_changed = sam_map_view_state_flags_changed;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SAM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CURRENT_PERSPECTIVE] =
    g_param_spec_string ("current-perspective", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, SAM_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PICTURE_OK] =
    g_param_spec_boolean ("picture-ok", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATE_BALLOON] =
    g_signal_new ("activate-balloon",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SAM_TYPE_ITEM);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "sam-map-view");
}

static void
sam_map_view_init (SamMapView *self)
{
  self->picture_ok = TRUE;
  self->picture_stale = TRUE;
  self->scale = 1;
  self->aspect = DEFAULT_ASPECT;
  self->cross_x = 0.5;
  self->cross_y = 0.5;
  self->styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) balloon_style_free);
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) gsk_render_node_unref);
  self->placed = g_array_new (FALSE, FALSE, sizeof (Placed));

  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);

  _sam_map_view_setup_input (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Participant map"),
                                  -1);
}

/* Public API */

GtkWidget *
sam_map_view_new (void)
{
  return g_object_new (SAM_TYPE_MAP_VIEW, NULL);
}

void
sam_map_view_set_session (SamMapView *self,
                          SamSession *session)
{
  g_return_if_fail (SAM_IS_MAP_VIEW (self));
  g_return_if_fail (session == NULL || SAM_IS_SESSION (session));

  if (self->session == session)
    return;

  _sam_map_view_finish_drag (self, FALSE);
  g_clear_object (&self->pressed);
  disconnect_session (self);
  sam_map_view_set_selected (self, NULL);

  if (session != NULL)
    {
      self->session = g_object_ref (session);
      self->balloons = G_LIST_MODEL (g_object_ref (sam_session_get_balloons (session)));
      self->perspectives = G_LIST_MODEL (g_object_ref (sam_session_get_perspectives (session)));
      self->committed_id = g_signal_connect_swapped (session, "committed",
                                                     G_CALLBACK (committed_cb), self);
      self->image_id = g_signal_connect_swapped (session, "notify::map-image",
                                                 G_CALLBACK (check_picture), self);
      self->balloons_id = g_signal_connect_swapped (self->balloons, "items-changed",
                                                    G_CALLBACK (balloons_changed_cb), self);
      self->perspectives_id = g_signal_connect_swapped (self->perspectives, "items-changed",
                                                        G_CALLBACK (perspectives_changed_cb), self);
    }

  /* Another session's picture may look alike but has other places. */
  cancel_render (self);
  g_clear_pointer (&self->image, g_bytes_unref);
  self->picture_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_picture (self);
  clear_styles (self);
  self->cross_x = self->cross_y = 0.5;

  update_effective_perspective (self);
  queue_describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

SamSession *
sam_map_view_get_session (SamMapView *self)
{
  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), NULL);

  return self->session;
}

void
sam_map_view_set_editable (SamMapView *self,
                           gboolean    editable)
{
  g_return_if_fail (SAM_IS_MAP_VIEW (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  gtk_widget_set_focusable (GTK_WIDGET (self), editable);
  gtk_widget_set_can_focus (GTK_WIDGET (self), editable);
  if (!editable)
    {
      _sam_map_view_finish_drag (self, FALSE);
      g_clear_object (&self->pressed);
      _sam_map_view_set_cursor (self, NULL);
      sam_map_view_set_selected (self, NULL);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
sam_map_view_get_editable (SamMapView *self)
{
  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), FALSE);

  return self->editable;
}

void
sam_map_view_set_current_perspective (SamMapView *self,
                                      const char *id)
{
  g_return_if_fail (SAM_IS_MAP_VIEW (self));

  if (id != NULL && id[0] == '\0')
    id = NULL;
  if (g_strcmp0 (self->current_perspective, id) == 0)
    return;

  g_free (self->current_perspective);
  self->current_perspective = g_strdup (id);
  g_free (self->effective_perspective);
  self->effective_perspective = g_strdup (sam_map_view_get_current_perspective (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PERSPECTIVE]);
}

const char *
sam_map_view_get_current_perspective (SamMapView *self)
{
  SamItem *item;

  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), NULL);

  item = effective_perspective (self);

  return item != NULL ? sam_item_get_id (item) : NULL;
}

void
sam_map_view_set_selected (SamMapView *self,
                           SamItem    *balloon)
{
  g_return_if_fail (SAM_IS_MAP_VIEW (self));
  g_return_if_fail (balloon == NULL || SAM_IS_BALLOON (balloon));

  if (self->selected == balloon)
    return;
  if (balloon != NULL && (self->session == NULL || !has_balloon (self, balloon)))
    {
      g_critical ("%s: the balloon is not on this map", G_STRFUNC);
      return;
    }

  g_set_object (&self->selected, balloon);
  queue_describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

SamItem *
sam_map_view_get_selected (SamMapView *self)
{
  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), NULL);

  return self->selected;
}

SamItem *
sam_map_view_place (SamMapView *self,
                    double      x,
                    double      y)
{
  g_autoptr(SamItem) balloon = NULL;
  SamItem *perspective;

  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  balloon = sam_item_new (SAM_TYPE_BALLOON, NULL);
  perspective = effective_perspective (self);
  g_object_set (balloon,
                "x", CLAMP (x, 0.0, 1.0),
                "y", CLAMP (y, 0.0, 1.0),
                NULL);
  if (perspective != NULL)
    g_object_set (balloon, "perspective", sam_item_get_id (perspective), NULL);

  sam_session_begin (self->session, _("Place Balloon"));
  sam_session_insert (self->session, self->session, "balloons", G_MAXUINT, balloon);
  sam_session_end (self->session);

  sam_map_view_set_selected (self, balloon);

  /* The session's list holds it now. */
  return balloon;
}

gboolean
sam_map_view_get_picture_rect (SamMapView      *self,
                               graphene_rect_t *rect)
{
  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  return compute_picture_rect (self, rect);
}

SamItem *
sam_map_view_pick (SamMapView *self,
                   double      x,
                   double      y)
{
  graphene_rect_t rect;
  guint n;

  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), NULL);

  if (self->session == NULL || !compute_picture_rect (self, &rect))
    return NULL;

  /* The selected balloon is drawn on top of the others. */
  if (self->selected != NULL && balloon_hit (self, self->selected, &rect, x, y))
    return self->selected;

  n = g_list_model_get_n_items (self->balloons);
  for (guint i = n; i > 0; i--)
    {
      SamItem *balloon = g_list_model_get_item (self->balloons, i - 1);
      gboolean hit = balloon_hit (self, balloon, &rect, x, y);

      g_object_unref (balloon);
      if (hit)
        return balloon;
    }

  return NULL;
}

gboolean
sam_map_view_get_picture_ok (SamMapView *self)
{
  g_return_val_if_fail (SAM_IS_MAP_VIEW (self), FALSE);

  ensure_picture (self);

  return self->picture_ok;
}
