/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-session.h"
#include "sam-stage-view-private.h"

/*
 * Where each part of the stage's picture goes at a size: fractions of the
 * stage's height and width, so that the projector and the control window's
 * miniature show the same picture. Built for each frame the stage draws
 * (once a second while an item runs); the prompt, its groups and the
 * quotes are fitted once in sam-stage-slides.c and kept, and so are a
 * wall's notes in sam-stage-wall.c.
 */

void
sam_stage_scene_clear (Scene *scene)
{
  g_clear_object (&scene->title.layout);
  g_clear_object (&scene->caption.layout);
  g_clear_object (&scene->prompt.layout);
  g_clear_object (&scene->back.layout);
  g_clear_object (&scene->countdown.layout);
  g_clear_object (&scene->status.layout);
  g_clear_object (&scene->next.layout);
}

static PangoLayout *
make_layout (SamStageView    *self,
             const char      *text,
             double           size,
             PangoWeight      weight,
             double           width,
             int              max_lines,
             PangoAlignment   alignment)
{
  return sam_stage_make_layout (GTK_WIDGET (self), text, size, weight, width, max_lines, alignment);
}

/* A countdown in tabular figures, so that its width does not change
 * from second to second. */
static PangoLayout *
make_digits_layout (SamStageView *self,
                    const char   *text,
                    double        size)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* The shape of the widest countdown of the same length: the font size
 * is chosen for it, so the digits keep their size as the time runs. A
 * sign in overrun only shrinks them where the width runs out. */
static const char *
countdown_template (const char *countdown)
{
  guint colons = 0;

  for (const char *p = countdown; *p != '\0'; p++)
    if (*p == ':')
      colons++;

  return colons > 1 ? "00:00:00" : "00:00";
}

/* Lays out the countdown so that its digits are @digit_height high and it
 * fits in @max_width; returns the height its digits got. */
static int
place_countdown (SamStageView *self,
                 Scene        *scene,
                 const char   *countdown,
                 double        digit_height,
                 double        max_width,
                 GdkRGBA       color)
{
  g_autoptr(PangoLayout) probe = make_digits_layout (self, "0123456789", 100.0);
  g_autoptr(PangoLayout) widest = NULL;
  PangoRectangle ink, logical;
  double size, digits_per_size;

  pango_layout_get_pixel_extents (probe, &ink, NULL);
  digits_per_size = MAX (ink.height, 1) / 100.0;
  size = digit_height / digits_per_size;

  widest = make_digits_layout (self, countdown_template (countdown), size);
  pango_layout_get_pixel_extents (widest, NULL, &logical);
  if (logical.width > max_width)
    size *= max_width / logical.width;

  scene->countdown.layout = make_digits_layout (self, countdown, size);
  pango_layout_get_pixel_extents (scene->countdown.layout, NULL, &logical);
  if (logical.width > max_width)
    {
      size *= max_width / logical.width;
      g_object_unref (scene->countdown.layout);
      scene->countdown.layout = make_digits_layout (self, countdown, size);
    }
  scene->countdown.color = color;

  return (int) (size * digits_per_size + 0.5);
}

/* Puts the countdown's digits with their top at @top, centred on @centre_x. */
static void
move_countdown (Scene  *scene,
                double  centre_x,
                double  top)
{
  PangoRectangle ink, logical;

  pango_layout_get_pixel_extents (scene->countdown.layout, &ink, &logical);
  scene->countdown.x = centre_x - logical.width / 2.0;
  scene->countdown.y = top - ink.y;
}

static double
countdown_width (Scene *scene)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (scene->countdown.layout, NULL, &logical);
  return logical.width;
}

/* The state's words in a badge; returns its size through @width, @height
 * (0 when there are no words). The badge is placed with move_badge(). */
static void
make_badge (SamStageView *self,
            Scene        *scene,
            double        font_size,
            double       *width,
            double       *height)
{
  const Shown *shown = &self->shown;
  double pad_x = 0.6 * font_size, pad_y = 0.22 * font_size;
  double text_width, text_height, sign_width = 0.0;

  *width = *height = 0.0;
  scene->badge = FALSE;
  if (shown->status == NULL || shown->status[0] == '\0')
    return;

  scene->status.layout = make_layout (self, shown->status, font_size, PANGO_WEIGHT_BOLD,
                                      1, 0, PANGO_ALIGN_LEFT);
  pango_layout_set_width (scene->status.layout, -1);
  text_width = sam_stage_layout_width (scene->status.layout);
  text_height = sam_stage_layout_height (scene->status.layout);

  scene->badge = TRUE;
  scene->pause_sign = shown->state == SAM_TIMER_PAUSED;
  if (scene->pause_sign)
    sign_width = 0.55 * font_size + 0.4 * font_size;

  if (shown->state == SAM_TIMER_RUNNING && shown->level == SAM_TIMER_LEVEL_WARNING)
    {
      scene->badge_filled = TRUE;
      scene->badge_color = amber_color;
      scene->status.color = ink_color;
    }
  else if (shown->state == SAM_TIMER_RUNNING && shown->level == SAM_TIMER_LEVEL_OVERRUN)
    {
      scene->badge_filled = TRUE;
      scene->badge_color = red_color;
      scene->status.color = text_color;
    }
  else if (shown->state == SAM_TIMER_PAUSED)
    {
      scene->badge_filled = FALSE;
      scene->badge_color = text_color;
      scene->status.color = text_color;
    }
  else
    {
      scene->badge_filled = FALSE;
      scene->badge_color = dim_color;
      scene->status.color = soft_color;
    }

  *width = text_width + sign_width + 2 * pad_x;
  *height = text_height + 2 * pad_y;
  scene->badge_rect = GRAPHENE_RECT_INIT (0, 0, *width, *height);
  scene->pause_rect = GRAPHENE_RECT_INIT (pad_x, (*height - 0.7 * font_size) / 2,
                                          0.55 * font_size, 0.7 * font_size);
  scene->status.x = pad_x + sign_width;
  scene->status.y = pad_y;
}

static void
move_badge (Scene  *scene,
            double  x,
            double  y)
{
  scene->badge_rect.origin.x += x;
  scene->badge_rect.origin.y += y;
  scene->pause_rect.origin.x += x;
  scene->pause_rect.origin.y += y;
  scene->status.x += x;
  scene->status.y += y;
}

static GdkRGBA
countdown_color (const Shown *shown)
{
  GdkRGBA color;

  if (shown->state == SAM_TIMER_STOPPED)
    return soft_color;

  switch (shown->level)
    {
    case SAM_TIMER_LEVEL_WARNING:
      color = amber_color;
      break;
    case SAM_TIMER_LEVEL_OVERRUN:
      color = red_text_color;
      break;
    case SAM_TIMER_LEVEL_NORMAL:
    default:
      color = text_color;
      break;
    }

  /* Paused: the same colour, quieter. */
  if (shown->state == SAM_TIMER_PAUSED)
    {
      color.red = 0.65 * color.red + 0.35 * background_color.red;
      color.green = 0.65 * color.green + 0.35 * background_color.green;
      color.blue = 0.65 * color.blue + 0.35 * background_color.blue;
    }

  return color;
}

static double
stage_pad_x (double width,
             double height)
{
  return MAX (0.04 * height, 0.035 * width);
}

void
sam_stage_map_geometry (const Shown *shown,
                        double       width,
                        double       height,
                        MapGeometry *geometry)
{
  double pad_x = stage_pad_x (width, height);
  double inner = MAX (width - 2 * pad_x, 1.0);
  double gap = 0.025 * width;
  double question_height = 0.09 * height;
  double region_top, region_bottom, map_width, chart_x, chart_top, chart_width, chart_bottom;

  geometry->top = 0.045 * height;
  /* A little over a fifth, so that rounding the digits' height keeps them
   * at least a fifth. */
  geometry->strip_height = 0.205 * height;
  region_top = geometry->top + geometry->strip_height + 0.035 * height;
  /* Above the bar of time left (see build_scene). */
  region_bottom = 0.92 * height;

  map_width = 0.68 * inner;
  chart_x = pad_x + map_width + gap;
  chart_width = MAX (width - pad_x - chart_x, 1.0);
  chart_bottom = region_bottom;

  if (shown->next != NULL && shown->next[0] != '\0')
    {
      double next_height = 0.09 * height;

      geometry->next = GRAPHENE_RECT_INIT (chart_x, region_bottom - next_height, chart_width, next_height);
      chart_bottom = region_bottom - next_height - 0.025 * height;
    }
  else
    {
      geometry->next = GRAPHENE_RECT_INIT (chart_x, region_bottom, chart_width, 0);
    }

  /* Room for the question in two lines. */
  chart_top = region_top + question_height + 0.025 * height;

  geometry->map = GRAPHENE_RECT_INIT (pad_x, region_top, map_width, MAX (region_bottom - region_top, 1.0));
  geometry->question = GRAPHENE_RECT_INIT (chart_x, region_top, chart_width, question_height);
  geometry->chart = GRAPHENE_RECT_INIT (chart_x, chart_top, chart_width, MAX (chart_bottom - chart_top, 1.0));
}

/* The strip along the top (see map_geometry()): the countdown at its
 * right end, the title and the state's badge on the left; between them
 * @subtitle (may be NULL) in the caption. */
static void
place_strip (SamStageView      *self,
             Scene             *scene,
             double             width,
             double             height,
             const MapGeometry *geometry,
             const char        *subtitle)
{
  static const double title_sizes[] = { 0.055, 0.047, 0.04 };
  const Shown *shown = &self->shown;
  double pad_x = stage_pad_x (width, height);
  double inner = MAX (width - 2 * pad_x, 1.0);
  double gap = 0.04 * height, badge_gap = 0.02 * height;
  double title_width, title_room, title_height, block, y, badge_width, badge_height;
  double subtitle_height = 0.0;

  /* The countdown at the right end of the strip. It may take most of the
   * width (an hour and more has seven figures): the title gives way, the
   * digits do not. After the end there is none. */
  if (shown->countdown[0] != '\0')
    {
      scene->digit_height = place_countdown (self, scene, shown->countdown, geometry->strip_height,
                                             0.85 * inner, countdown_color (shown));
      move_countdown (scene, width - pad_x - countdown_width (scene) / 2,
                      geometry->top + (geometry->strip_height - scene->digit_height) / 2);
    }

  /* The title and the state's badge on the left, read first. A long title
   * takes a smaller size and more lines before it is cut. */
  title_width = MAX (inner - (scene->countdown.layout != NULL ? countdown_width (scene) + gap : 0.0), 1.0);
  make_badge (self, scene, 0.04 * height, &badge_width, &badge_height);
  title_room = geometry->strip_height - (badge_height > 0 ? badge_gap + badge_height : 0.0);
  if (subtitle != NULL)
    {
      scene->caption.layout = make_layout (self, subtitle, 0.042 * height, PANGO_WEIGHT_BOLD,
                                           title_width, 1, PANGO_ALIGN_LEFT);
      scene->caption.color = accent_color;
      subtitle_height = sam_stage_layout_height (scene->caption.layout);
      title_room -= subtitle_height;
    }
  for (guint i = 0; i < G_N_ELEMENTS (title_sizes); i++)
    {
      double size = title_sizes[i] * height;
      int lines = (int) MAX (1.0, MIN (3.0, title_room / (1.25 * size)));

      g_clear_object (&scene->title.layout);
      scene->title.layout = make_layout (self, shown->title, size, PANGO_WEIGHT_BOLD,
                                         title_width, lines, PANGO_ALIGN_LEFT);
      if (!pango_layout_is_ellipsized (scene->title.layout))
        break;
    }
  scene->title.color = text_color;
  title_height = sam_stage_layout_height (scene->title.layout);
  block = title_height + subtitle_height + (badge_height > 0 ? badge_gap + badge_height : 0.0);
  y = geometry->top + MAX ((geometry->strip_height - block) / 2, 0.0);
  scene->title.x = pad_x;
  scene->title.y = y;
  scene->caption.x = pad_x;
  scene->caption.y = y + title_height;
  move_badge (scene, pad_x, y + title_height + subtitle_height + badge_gap);
}

/* The strip along the top, and below it down to @bottom the caption (a
 * prompt's way of working, or the voices slide's heading) over the prompt
 * with its groups, or over the quotes. */
static void
place_content_strip (SamStageView *self,
                     Scene        *scene,
                     double        width,
                     double        height,
                     double        bottom)
{
  const Shown *shown = &self->shown;
  double pad_x = stage_pad_x (width, height);
  double inner = MAX (width - 2 * pad_x, 1.0);
  double caption_bottom, room;
  MapGeometry geometry;

  sam_stage_map_geometry (shown, width, height, &geometry);
  place_strip (self, scene, width, height, &geometry, NULL);

  scene->caption.layout = make_layout (self, shown->caption,
                                       (shown->mode == MODE_VOICES ? 0.05 : 0.042) * height,
                                       PANGO_WEIGHT_BOLD, inner, 1, PANGO_ALIGN_LEFT);
  scene->caption.color = accent_color;
  scene->caption.x = pad_x;
  scene->caption.y = geometry.map.origin.y;
  caption_bottom = scene->caption.y + sam_stage_layout_height (scene->caption.layout);

  scene->block = TRUE;
  scene->block_x = pad_x;
  scene->block_y = caption_bottom + (shown->mode == MODE_VOICES ? 0.025 : 0.015) * height;
  room = MAX (bottom - 0.03 * height - scene->block_y, 1.0);

  if (shown->mode == MODE_VOICES)
    {
      sam_stage_block_set_voices (self->block, GTK_WIDGET (self),
                                  (const char * const *) shown->voices, inner, room, height);
      if (shown->voices == NULL || shown->voices[0] == NULL)
        {
          /* Translators: on the stage's voices slide, before any voice is marked to be shown */
          scene->prompt.layout = make_layout (self, _("Voices marked for the stage are shown here."),
                                              0.042 * height, PANGO_WEIGHT_NORMAL, inner, 2,
                                              PANGO_ALIGN_LEFT);
          scene->prompt.color = dim_color;
          scene->prompt.x = pad_x;
          scene->prompt.y = scene->block_y;
        }
    }
  else
    {
      sam_stage_block_set_prompt (self->block, GTK_WIDGET (self), shown->prompt,
                                  (const char * const *) shown->starters, shown->groups,
                                  inner, room, 0.07 * height, height);
    }
}

void
sam_stage_scene_build (SamStageView *self,
                       double        width,
                       double        height,
                       Scene        *scene)
{
  const Shown *shown = &self->shown;
  double pad_x = stage_pad_x (width, height);
  double inner = MAX (width - 2 * pad_x, 1.0);
  double top = 0.06 * height;
  double status_size = 0.052 * height;
  double next_bottom = 0.905 * height;
  double next_top = next_bottom;
  double title_bottom = top;
  double badge_width, badge_height;

  memset (scene, 0, sizeof *scene);
  if (shown->mode == MODE_EMPTY || width < 1 || height < 1)
    return;

  /* The bar of time left, along the bottom. */
  if (shown->mode != MODE_TITLE && shown->countdown[0] != '\0')
    {
      double bar_height = MAX (0.016 * height, 2.0);
      double bar_y = height - 0.05 * height;

      scene->bar = TRUE;
      scene->track_rect = GRAPHENE_RECT_INIT (pad_x, bar_y, inner, bar_height);
      if (shown->level == SAM_TIMER_LEVEL_OVERRUN)
        {
          scene->fill_rect = scene->track_rect;
          scene->fill_color = shown->state == SAM_TIMER_RUNNING ? frame_red_color : dim_color;
        }
      else
        {
          scene->fill_rect = GRAPHENE_RECT_INIT (pad_x, bar_y, inner * shown->fraction, bar_height);
          if (shown->state != SAM_TIMER_RUNNING)
            scene->fill_color = dim_color;
          else if (shown->level == SAM_TIMER_LEVEL_WARNING)
            scene->fill_color = amber_color;
          else
            scene->fill_color = running_color;
        }

      if (shown->state == SAM_TIMER_RUNNING && shown->level == SAM_TIMER_LEVEL_WARNING)
        {
          scene->frame_width = 0.012 * height;
          scene->frame_color = amber_color;
        }
      else if (shown->state == SAM_TIMER_RUNNING && shown->level == SAM_TIMER_LEVEL_OVERRUN)
        {
          scene->frame_width = 0.024 * height;
          scene->frame_color = frame_red_color;
        }
    }

  /* What comes next, above the bar (at the map, under the chart). */
  if (shown->mode != MODE_TITLE && shown->mode != MODE_MAP)
    {
      const char *next = shown->mode == MODE_BREAK ? shown->following : shown->next;

      if (next != NULL && next[0] != '\0')
        {
          /* Under the strip the line is smaller: the slide needs the room,
           * and the strip already says what is on. */
          gboolean strip = shown->mode == MODE_VOICES || shown->mode == MODE_WALL ||
                           (shown->mode == MODE_PROMPT && shown->groups != NULL);

          scene->next.layout = make_layout (self, next, (strip ? 0.036 : 0.046) * height, PANGO_WEIGHT_NORMAL,
                                            inner, 1, PANGO_ALIGN_CENTER);
          scene->next.color = soft_color;
          scene->next.x = pad_x;
          scene->next.y = next_bottom - sam_stage_layout_height (scene->next.layout);
          next_top = scene->next.y;
        }
    }

  switch (shown->mode)
    {
    case MODE_TITLE:
      {
        double title_height, status_height = 0.0, gap = 0.04 * height, block;

        scene->title.layout = make_layout (self, shown->title, 0.095 * height, PANGO_WEIGHT_BOLD,
                                           inner, 3, PANGO_ALIGN_CENTER);
        scene->title.color = text_color;
        title_height = sam_stage_layout_height (scene->title.layout);
        if (shown->status[0] != '\0')
          {
            scene->status.layout = make_layout (self, shown->status, 0.075 * height,
                                                PANGO_WEIGHT_BOLD, inner, 1, PANGO_ALIGN_CENTER);
            scene->status.color = accent_color;
            status_height = sam_stage_layout_height (scene->status.layout);
          }
        block = title_height + (status_height > 0 ? gap + status_height : 0.0);
        scene->title.x = pad_x;
        scene->title.y = (height - block) / 2;
        scene->status.x = pad_x;
        scene->status.y = scene->title.y + title_height + gap;
        return;
      }

    case MODE_ITEM:
    case MODE_BREAK:
      {
        double gap = 0.045 * height, region_top, region_height, digits, block, y;
        double back_height = 0.0;

        scene->title.layout = make_layout (self, shown->title, 0.075 * height, PANGO_WEIGHT_BOLD,
                                           inner, 2, PANGO_ALIGN_CENTER);
        scene->title.color = text_color;
        scene->title.x = pad_x;
        scene->title.y = top;
        title_bottom = top + sam_stage_layout_height (scene->title.layout);

        if (shown->mode == MODE_BREAK)
          {
            scene->back.layout = make_layout (self, shown->back, 0.11 * height, PANGO_WEIGHT_BOLD,
                                              inner, 1, PANGO_ALIGN_CENTER);
            scene->back.color = accent_color;
            back_height = sam_stage_layout_height (scene->back.layout);
          }

        make_badge (self, scene, status_size, &badge_width, &badge_height);
        /* Room for the badge is kept even without one, so the digits do
         * not move when it comes and goes. */
        badge_height = MAX (badge_height, status_size * 1.6);

        region_top = title_bottom + 0.03 * height;
        region_height = next_top - 0.03 * height - region_top;
        digits = (shown->mode == MODE_BREAK ? 0.30 : 0.42) * height;
        digits = MIN (digits, region_height - gap - badge_height -
                      (back_height > 0 ? back_height + gap : 0.0));
        scene->digit_height = place_countdown (self, scene, shown->countdown, digits, 0.92 * inner,
                                               countdown_color (shown));
        digits = scene->digit_height;

        block = digits + gap + badge_height + (back_height > 0 ? back_height + gap : 0.0);
        y = region_top + MAX ((region_height - block) / 2, 0.0);
        if (back_height > 0)
          {
            scene->back.x = pad_x;
            scene->back.y = y;
            y += back_height + gap;
          }
        move_countdown (scene, width / 2, y);
        y += digits + gap;
        move_badge (scene, (width - badge_width) / 2, y);
        return;
      }

    case MODE_PROMPT:
      /* Groups need the room below the prompt: the countdown goes up into
       * the strip. */
      if (shown->groups != NULL)
        {
          place_content_strip (self, scene, width, height, next_top);
          return;
        }

      {
        double caption_bottom, row_bottom, row_top, row_width, digits, x;

        /* A prompt reads from the left, and so does what leads to it. */
        scene->title.layout = make_layout (self, shown->title, 0.055 * height, PANGO_WEIGHT_BOLD,
                                           inner, 1, PANGO_ALIGN_LEFT);
        scene->title.color = soft_color;
        scene->title.x = pad_x;
        scene->title.y = top;
        title_bottom = top + sam_stage_layout_height (scene->title.layout);

        scene->caption.layout = make_layout (self, shown->caption, 0.042 * height, PANGO_WEIGHT_BOLD,
                                             inner, 1, PANGO_ALIGN_LEFT);
        scene->caption.color = accent_color;
        scene->caption.x = pad_x;
        scene->caption.y = title_bottom + 0.035 * height;
        caption_bottom = scene->caption.y + sam_stage_layout_height (scene->caption.layout);

        /* The countdown, smaller than usual but still a fifth of the
         * height, in a row with the state's badge. */
        digits = 0.22 * height;
        make_badge (self, scene, status_size, &badge_width, &badge_height);
        scene->digit_height = place_countdown (self, scene, shown->countdown, digits,
                                               inner - badge_width - 0.04 * height,
                                               countdown_color (shown));
        digits = scene->digit_height;
        row_bottom = next_top - 0.035 * height;
        row_top = row_bottom - digits;
        row_width = countdown_width (scene) + (badge_width > 0 ? 0.04 * height + badge_width : 0.0);
        x = (width - row_width) / 2;
        move_countdown (scene, x + countdown_width (scene) / 2, row_top);
        move_badge (scene, x + countdown_width (scene) + 0.04 * height,
                    row_top + (digits - badge_height) / 2);

        sam_stage_block_set_prompt (self->block, GTK_WIDGET (self), shown->prompt,
                                    (const char * const *) shown->starters, NULL, inner,
                                    MAX (row_top - 0.05 * height - (caption_bottom + 0.015 * height), 1.0),
                                    0.085 * height, height);
        scene->block = TRUE;
        scene->block_x = pad_x;
        scene->block_y = caption_bottom + 0.015 * height;
        return;
      }

    case MODE_VOICES:
      place_content_strip (self, scene, width, height, next_top);
      return;

    case MODE_WALL:
      {
        MapGeometry geometry;
        const char *title = sam_stage_wall_get_title (self->wall);
        double bottom = next_top - 0.025 * height;

        /* The strip names the wall under the item's title, and the columns
         * get all the room below it. */
        sam_stage_map_geometry (shown, width, height, &geometry);
        place_strip (self, scene, width, height, &geometry, title[0] != '\0' ? title : NULL);

        scene->wall_x = pad_x;
        scene->wall_y = geometry.map.origin.y;
        if (sam_stage_wall_get_n_columns (self->wall) == 0)
          {
            /* Translators: on the stage, at an agenda item with a sticky-note wall that has no columns */
            scene->prompt.layout = make_layout (self, _("The wall has no columns yet."),
                                                0.042 * height, PANGO_WEIGHT_NORMAL, inner, 2,
                                                PANGO_ALIGN_LEFT);
            scene->prompt.color = dim_color;
            scene->prompt.x = pad_x;
            scene->prompt.y = scene->wall_y;
            return;
          }

        sam_stage_wall_lay_out (self->wall, GTK_WIDGET (self), inner,
                                MAX (bottom - scene->wall_y, 1.0), height);
        scene->wall = TRUE;
        return;
      }

    case MODE_MAP:
      {
        MapGeometry geometry;

        sam_stage_map_geometry (shown, width, height, &geometry);
        place_strip (self, scene, width, height, &geometry, NULL);

        /* Translators: on the stage, the heading of the bars that count the balloons of each perspective on the participant map */
        scene->caption.layout = make_layout (self, _("Which perspectives are here today?"),
                                             0.036 * height, PANGO_WEIGHT_BOLD,
                                             geometry.question.size.width, 2, PANGO_ALIGN_LEFT);
        scene->caption.color = accent_color;
        scene->caption.x = geometry.question.origin.x;
        scene->caption.y = geometry.question.origin.y;

        if (geometry.next.size.height > 0)
          {
            scene->next.layout = make_layout (self, shown->next, 0.034 * height, PANGO_WEIGHT_NORMAL,
                                              geometry.next.size.width, 2, PANGO_ALIGN_LEFT);
            scene->next.color = soft_color;
            scene->next.x = geometry.next.origin.x;
            scene->next.y = geometry.next.origin.y + geometry.next.size.height -
                            sam_stage_layout_height (scene->next.layout);
          }
        return;
      }

    case MODE_EMPTY:
    default:
      return;
    }
}
