/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-stage-slides.h"
#include "sam-stage-view.h"
#include "sam-stage-wall.h"
#include "sam-timer.h"

G_BEGIN_DECLS

/*
 * SamStageView's insides, shared by sam-stage-view.c (the widget: what it
 * shows, and drawing it) and sam-stage-scene.c (where each part of the
 * picture goes at a size).
 */

/* What is shown, taken from the timer when it changes (and kept while
 * frozen). */
typedef enum {
  MODE_EMPTY,   /* no timer: only the background */
  MODE_TITLE,   /* no countdown: an empty agenda, or the end */
  MODE_ITEM,
  MODE_BREAK,
  MODE_PROMPT,
  MODE_MAP,     /* the participant map and the chart beside it */
  MODE_VOICES,  /* the voices slide */
  MODE_WALL,    /* a sticky-note wall */
} StageMode;

typedef struct
{
  StageMode      mode;
  SamTimerState  state;
  SamTimerLevel  level;
  char          *title;
  char          *countdown;
  char          *status;
  char          *next;       /* the getter's line: "Next: …" or "Back at …" */
  char          *back;       /* a break's "Back at 10:45", or NULL */
  char          *following;  /* on a break, the item after it: "Next: …" */
  char          *caption;    /* a prompt's way of working: "In pairs · 5 min";
                             * on the voices slide its heading */
  char          *prompt;
  char         **starters;
  GPtrArray     *groups;     /* of GStrv: the names in each group, or NULL */
  char         **voices;     /* on the voices slide, oldest first */
  double         fraction;   /* of the budget left, 0 … 1 */
  guint          balloons;   /* on the map, for the accessible description */
  char          *wall_id;    /* the wall shown, or NULL */
} Shown;

struct _SamStageView
{
  GtkWidget   parent_instance;

  SamTimer   *timer;
  SamSession *session;
  gulong      changed_id;
  gulong      committed_id;

  Shown       shown;
  gboolean    blanked;
  gboolean    frozen;
  gboolean    voices_shown;

  /* The prompt and its groups, or the quotes, as last laid out. */
  SamStageBlock *block;

  /* The wall as taken from the session (kept while frozen) and fitted;
   * taken again after an edit, not every second. */
  SamStageWall  *wall;
  char          *wall_taken;  /* the id of the wall taken, or NULL */
  gboolean       wall_stale;  /* edited since it was taken */

  /* Children, shown only in MODE_MAP. */
  GtkWidget     *map;     /* SamMapView, read-only */
  GtkWidget     *chart;   /* SamPerspectiveChart on the stage */
  /* The children as last drawn, and the size of the stage then: a frozen
   * stage draws this again rather than the children, which follow the
   * session whatever the stage does. */
  GskRenderNode *children_node;
  int            children_width;
  int            children_height;
};

/* The palette (see sam-stage-view.c); the colours the slides use too are
 * in sam-stage-slides.h. */
#define text_color   sam_stage_text_color
#define soft_color   sam_stage_soft_color
#define dim_color    sam_stage_dim_color
#define accent_color sam_stage_accent_color
static const GdkRGBA background_color = { 0.067, 0.075, 0.082, 1.0 };  /* #111315 */
static const GdkRGBA blank_color      = { 0.0, 0.0, 0.0, 1.0 };
static const GdkRGBA running_color    = { 0.384, 0.627, 0.918, 1.0 };  /* #62a0ea */
static const GdkRGBA amber_color      = { 1.000, 0.761, 0.278, 1.0 };  /* #ffc247 */
static const GdkRGBA red_text_color   = { 1.000, 0.482, 0.482, 1.0 };  /* #ff7b7b */
static const GdkRGBA red_color        = { 0.753, 0.110, 0.157, 1.0 };  /* #c01c28 */
static const GdkRGBA frame_red_color  = { 0.878, 0.106, 0.141, 1.0 };  /* #e01b24 */
static const GdkRGBA ink_color        = { 0.110, 0.110, 0.110, 1.0 };  /* #1c1c1c */
static const GdkRGBA track_color      = { 0.169, 0.180, 0.200, 1.0 };  /* #2b2e33 */

typedef struct
{
  PangoLayout *layout;
  double       x, y;     /* the layout's origin */
  GdkRGBA      color;
} Text;

typedef struct
{
  Text            title, caption, prompt, back, countdown, status, next;
  /* The prompt with its starters and groups, or the quotes: the view's
   * block, drawn at block_x, block_y. */
  gboolean        block;
  double          block_x, block_y;
  /* The view's wall, drawn at wall_x, wall_y. */
  gboolean        wall;
  double          wall_x, wall_y;
  /* The badge around the state's words, and the pause sign in it. */
  gboolean        badge;
  gboolean        badge_filled;
  GdkRGBA         badge_color;
  graphene_rect_t badge_rect;
  gboolean        pause_sign;
  graphene_rect_t pause_rect;
  /* The bar of time left, and the frame at the last minute and over time. */
  gboolean        bar;
  graphene_rect_t track_rect;
  graphene_rect_t fill_rect;
  GdkRGBA         fill_color;
  double          frame_width;
  GdkRGBA         frame_color;
  /* The height of the countdown's digits, in pixels. */
  int             digit_height;
} Scene;

/* Where things go at an item at the map, as fractions of the stage like
 * everything else on it: a strip along the top for the title, the state and
 * the countdown; below it the map on the left, about two thirds of the
 * width, and on the right the chart under its question, with what comes
 * next at the bottom. */
typedef struct
{
  double          top;            /* of the strip */
  double          strip_height;   /* the countdown's digits */
  graphene_rect_t map;
  graphene_rect_t question;       /* "Which perspectives are here today?" */
  graphene_rect_t chart;
  graphene_rect_t next;           /* empty when nothing comes next */
} MapGeometry;

/* Lays out what @self shows at @width × @height into @scene; free it with
 * sam_stage_scene_clear(). */
void sam_stage_scene_build  (SamStageView *self,
                             double        width,
                             double        height,
                             Scene        *scene);
void sam_stage_scene_clear  (Scene        *scene);
/* Where the strip, the map and the chart go at an item at the map (the
 * strip also heads a prompt with groups, the voices slide and a wall). */
void sam_stage_map_geometry (const Shown  *shown,
                             double        width,
                             double        height,
                             MapGeometry  *geometry);

G_END_DECLS
