/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"


#include <glib/gi18n-lib.h>

#include "sam-map.h"
#include "sam-perspective-color.h"
#include "sam-perspective-chart.h"
#include "sam-session.h"

/*
 * Drawn in one snapshot like the stage, so that its type can follow the
 * widget's height there. In the control window it is a row per perspective
 * (chip, name, bar, number); on the stage each perspective takes two lines,
 * the name and number large on the first and a thick bar under them, which
 * keeps the names readable from the back of the room in the narrow column
 * beside the map.
 */

struct _SamPerspectiveChart
{
  GtkWidget   parent_instance;

  SamSession *session;
  GListModel *balloons;
  GListModel *perspectives;
  gulong      committed_id;
  gulong      balloons_id;
  gulong      perspectives_id;

  gboolean    stage;
  guint       describe_id;
};

G_DEFINE_FINAL_TYPE (SamPerspectiveChart, sam_perspective_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A row's height in the control window. */
#define ROW_HEIGHT 28

/* The stage's palette (see sam-stage-view.c): light type on #111315. */
static const GdkRGBA stage_text  = { 0.965, 0.961, 0.957, 1.0 };  /* #f6f5f4 */
static const GdkRGBA stage_track = { 0.169, 0.180, 0.200, 1.0 };  /* #2b2e33 */

static PangoLayout *
make_layout (SamPerspectiveChart *self,
             const char          *text,
             double               size,
             PangoWeight          weight)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));

  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);

  return layout;
}

/* Numbers in tabular figures, so that they line up. */
static PangoLayout *
make_number_layout (SamPerspectiveChart *self,
                    guint                number,
                    double               size)
{
  g_autofree char *text = g_strdup_printf ("%u", number);
  PangoLayout *layout = make_layout (self, text, size, PANGO_WEIGHT_BOLD);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  float          x,
                  float          y,
                  const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The perspective's chip: a disc in its colour with its symbol, as its
 * balloons look on the map. */
static void
append_chip (SamPerspectiveChart *self,
             GtkSnapshot         *snapshot,
             SamItem             *perspective,
             const GdkRGBA       *fill,
             float                cx,
             float                cy,
             float                diameter)
{
  g_autofree char *symbol = sam_perspective_dup_symbol (perspective);
  g_autoptr(PangoLayout) layout = NULL;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (cx - diameter / 2, cy - diameter / 2, diameter, diameter);
  PangoRectangle ink_rect;

  append_rounded (snapshot, &rect, diameter / 2, fill);
  layout = make_layout (self, symbol,
                        (g_utf8_strlen (symbol, -1) > 1 ? 0.4 : 0.52) * diameter,
                        PANGO_WEIGHT_BOLD);
  pango_layout_get_pixel_extents (layout, &ink_rect, NULL);
  append_layout_at (snapshot, layout,
                    cx - ink_rect.x - ink_rect.width / 2.0f,
                    cy - ink_rect.y - ink_rect.height / 2.0f,
                    sam_ink_for (fill));
}

/* The stage: two lines a perspective, sized to the widget. */
static void
snapshot_stage (SamPerspectiveChart *self,
                GtkSnapshot         *snapshot,
                const guint         *counts,
                guint                n,
                guint                max)
{
  float width = gtk_widget_get_width (GTK_WIDGET (self));
  float height = gtk_widget_get_height (GTK_WIDGET (self));
  /* Rows fill the height, but a few perspectives do not make giant type. */
  float row = height / MAX (n, 5);
  float text_size = MIN (0.3f * row, width / 14);
  float chip = MIN (0.46f * row, 1.6f * text_size);
  float text_x = chip + 0.35f * chip;
  float bar_height = MAX (4.0f, 0.16f * row);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (self->perspectives, i);
      g_autoptr(PangoLayout) name = make_layout (self, sam_item_get_string (perspective, "name"),
                                                 text_size, PANGO_WEIGHT_BOLD);
      g_autoptr(PangoLayout) number = make_number_layout (self, counts[i], 1.1 * text_size);
      PangoRectangle name_logical, number_logical;
      GdkRGBA color;
      float top = i * row;
      float line = 0.5f * row;
      float bar_y = top + line + 0.06f * row;
      float bar_width = MAX (1.0f, width - text_x);
      graphene_rect_t track, fill;

      sam_perspective_get_rgba (perspective, &color);
      pango_layout_get_pixel_extents (number, NULL, &number_logical);
      pango_layout_set_width (name, (int) (MAX (1.0f, width - text_x - number_logical.width - 0.5f * text_size) * PANGO_SCALE));
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_extents (name, NULL, &name_logical);

      append_chip (self, snapshot, perspective, &color, chip / 2, top + line / 2 + 0.1f * row, chip);
      append_layout_at (snapshot, name, text_x, top + line - name_logical.height + 0.05f * row, &stage_text);
      append_layout_at (snapshot, number, width - number_logical.width,
                        top + line - number_logical.height + 0.07f * row, &stage_text);

      track = GRAPHENE_RECT_INIT (text_x, bar_y, bar_width, bar_height);
      append_rounded (snapshot, &track, bar_height / 2, &stage_track);
      if (counts[i] > 0)
        {
          fill = GRAPHENE_RECT_INIT (text_x, bar_y, MAX (bar_height, bar_width * counts[i] / max), bar_height);
          append_rounded (snapshot, &fill, bar_height / 2, &color);
        }
    }
}

/* The control window: one line a perspective, in the theme's colours. */
static void
snapshot_board (SamPerspectiveChart *self,
                GtkSnapshot         *snapshot,
                const guint         *counts,
                guint                n,
                guint                max)
{
  float width = gtk_widget_get_width (GTK_WIDGET (self));
  float height = gtk_widget_get_height (GTK_WIDGET (self));
  float row = MIN ((float) ROW_HEIGHT, height / MAX (n, 1));
  float chip = MIN (20.0f, row - 6);
  float text_x = chip + 8;
  float name_width = 0, number_width = 0, bar_x, bar_width;
  float bar_height = MAX (4.0f, 0.34f * row);
  float text_size;
  GdkRGBA text, track;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_object_unref);
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &text);
  G_GNUC_END_IGNORE_DEPRECATIONS
  track = text;
  track.alpha *= 0.12f;

  /* The theme's font size, as the rest of the window. */
  text_size = pango_font_description_get_size (pango_context_get_font_description (context)) / (double) PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (pango_context_get_font_description (context)))
    text_size *= 96.0 / 72.0;
  text_size = CLAMP (text_size, 8.0f, 0.6f * row);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (self->perspectives, i);
      PangoLayout *name = make_layout (self, sam_item_get_string (perspective, "name"), text_size, PANGO_WEIGHT_NORMAL);
      PangoLayout *number = make_number_layout (self, counts[i], text_size);
      PangoRectangle logical;

      pango_layout_get_pixel_extents (name, NULL, &logical);
      name_width = MAX (name_width, logical.width);
      pango_layout_get_pixel_extents (number, NULL, &logical);
      number_width = MAX (number_width, logical.width);
      g_ptr_array_add (names, name);
      g_ptr_array_add (numbers, number);
    }

  /* The names share a column, at most two fifths of the width. */
  name_width = MIN (name_width, 0.4f * width);
  bar_x = text_x + name_width + 10;
  bar_width = MAX (1.0f, width - bar_x - number_width - 10);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (self->perspectives, i);
      PangoLayout *name = g_ptr_array_index (names, i);
      PangoLayout *number = g_ptr_array_index (numbers, i);
      PangoRectangle logical;
      GdkRGBA color;
      float cy = i * row + row / 2;
      graphene_rect_t bar;

      sam_perspective_get_rgba (perspective, &color);
      append_chip (self, snapshot, perspective, &color, chip / 2, cy, chip);

      pango_layout_set_width (name, (int) (MAX (1.0f, name_width) * PANGO_SCALE));
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_extents (name, NULL, &logical);
      append_layout_at (snapshot, name, text_x, cy - logical.height / 2.0f, &text);

      bar = GRAPHENE_RECT_INIT (bar_x, cy - bar_height / 2, bar_width, bar_height);
      append_rounded (snapshot, &bar, bar_height / 2, &track);
      if (counts[i] > 0)
        {
          bar.size.width = MAX (bar_height, bar_width * counts[i] / max);
          append_rounded (snapshot, &bar, bar_height / 2, &color);
        }

      pango_layout_get_pixel_extents (number, NULL, &logical);
      append_layout_at (snapshot, number, width - logical.width, cy - logical.height / 2.0f, &text);
    }
}

static void
sam_perspective_chart_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  SamPerspectiveChart *self = SAM_PERSPECTIVE_CHART (widget);
  g_autofree guint *counts = NULL;
  guint n_counts = 0, n, max = 1;

  if (self->session == NULL || gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return;

  counts = sam_map_count_perspectives (self->session, &n_counts);
  /* The last count is of balloons without a perspective: not shown. */
  n = MIN (g_list_model_get_n_items (self->perspectives), n_counts > 0 ? n_counts - 1 : 0);
  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    max = MAX (max, counts[i]);

  if (self->stage)
    snapshot_stage (self, snapshot, counts, n, max);
  else
    snapshot_board (self, snapshot, counts, n, max);
}

static void
sam_perspective_chart_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  SamPerspectiveChart *self = SAM_PERSPECTIVE_CHART (widget);
  guint n = self->perspectives != NULL ? g_list_model_get_n_items (self->perspectives) : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 240;
    }
  else
    {
      *natural = MAX (n, 1) * ROW_HEIGHT;
      /* The stage sizes its type to whatever height it is given. */
      *minimum = self->stage ? 0 : *natural;
    }
}

/* The accessible description */

static char *
describe (SamPerspectiveChart *self)
{
  g_autofree guint *counts = NULL;
  GString *text = g_string_new (NULL);
  guint n_counts = 0, n;

  if (self->session == NULL)
    return g_string_free (text, FALSE);

  counts = sam_map_count_perspectives (self->session, &n_counts);
  n = MIN (g_list_model_get_n_items (self->perspectives), n_counts > 0 ? n_counts - 1 : 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (self->perspectives, i);

      if (i > 0)
        /* Translators: between the perspectives in the chart's description, "Region 3, School 5" */
        g_string_append (text, _(", "));
      /* Translators: a perspective and its number of balloons, "Region 3" */
      g_string_append_printf (text, _("%s %u"), sam_item_get_string (perspective, "name"), counts[i]);
    }

  return g_string_free (text, FALSE);
}

static gboolean
describe_cb (gpointer data)
{
  SamPerspectiveChart *self = data;
  g_autofree char *text = describe (self);

  self->describe_id = 0;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);

  return G_SOURCE_REMOVE;
}

static void
changed_cb (SamPerspectiveChart *self)
{
  if (self->describe_id == 0)
    self->describe_id = g_idle_add (describe_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
perspectives_changed_cb (SamPerspectiveChart *self)
{
  changed_cb (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
disconnect_session (SamPerspectiveChart *self)
{
  if (self->session != NULL)
    g_clear_signal_handler (&self->committed_id, self->session);
  if (self->balloons != NULL)
    g_clear_signal_handler (&self->balloons_id, self->balloons);
  if (self->perspectives != NULL)
    g_clear_signal_handler (&self->perspectives_id, self->perspectives);

  g_clear_object (&self->balloons);
  g_clear_object (&self->perspectives);
  g_clear_object (&self->session);
}

static void
sam_perspective_chart_dispose (GObject *object)
{
  SamPerspectiveChart *self = SAM_PERSPECTIVE_CHART (object);

  disconnect_session (self);
  g_clear_handle_id (&self->describe_id, g_source_remove);

  G_OBJECT_CLASS (sam_perspective_chart_parent_class)->dispose (object);
}

static void
sam_perspective_chart_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SamPerspectiveChart *self = SAM_PERSPECTIVE_CHART (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_STAGE:
      g_value_set_boolean (value, self->stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_perspective_chart_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SamPerspectiveChart *self = SAM_PERSPECTIVE_CHART (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      sam_perspective_chart_set_session (self, g_value_get_object (value));
      break;
    case PROP_STAGE:
      sam_perspective_chart_set_stage (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_perspective_chart_class_init (SamPerspectiveChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_perspective_chart_dispose;
  object_class->get_property = sam_perspective_chart_get_property;
  object_class->set_property = sam_perspective_chart_set_property;

  widget_class->snapshot = sam_perspective_chart_snapshot;
  widget_class->measure = sam_perspective_chart_measure;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SAM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STAGE] =
    g_param_spec_boolean ("stage", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "sam-perspective-chart");
}

static void
sam_perspective_chart_init (SamPerspectiveChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Perspectives here today"),
                                  -1);
}

GtkWidget *
sam_perspective_chart_new (void)
{
  return g_object_new (SAM_TYPE_PERSPECTIVE_CHART, NULL);
}

void
sam_perspective_chart_set_session (SamPerspectiveChart *self,
                                   SamSession          *session)
{
  g_return_if_fail (SAM_IS_PERSPECTIVE_CHART (self));
  g_return_if_fail (session == NULL || SAM_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_session (self);
  if (session != NULL)
    {
      self->session = g_object_ref (session);
      self->balloons = G_LIST_MODEL (g_object_ref (sam_session_get_balloons (session)));
      self->perspectives = G_LIST_MODEL (g_object_ref (sam_session_get_perspectives (session)));
      self->committed_id = g_signal_connect_swapped (session, "committed",
                                                     G_CALLBACK (changed_cb), self);
      self->balloons_id = g_signal_connect_swapped (self->balloons, "items-changed",
                                                    G_CALLBACK (changed_cb), self);
      self->perspectives_id = g_signal_connect_swapped (self->perspectives, "items-changed",
                                                        G_CALLBACK (perspectives_changed_cb), self);
    }

  perspectives_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

SamSession *
sam_perspective_chart_get_session (SamPerspectiveChart *self)
{
  g_return_val_if_fail (SAM_IS_PERSPECTIVE_CHART (self), NULL);

  return self->session;
}

void
sam_perspective_chart_set_stage (SamPerspectiveChart *self,
                                 gboolean             stage)
{
  g_return_if_fail (SAM_IS_PERSPECTIVE_CHART (self));

  stage = !!stage;
  if (self->stage == stage)
    return;

  self->stage = stage;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

gboolean
sam_perspective_chart_get_stage (SamPerspectiveChart *self)
{
  g_return_val_if_fail (SAM_IS_PERSPECTIVE_CHART (self), FALSE);

  return self->stage;
}
