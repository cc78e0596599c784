/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-map.h"
#include "sam-map-view.h"

G_BEGIN_DECLS

/* A perspective's balloon, made for the current radius (sam-map-view.c). */
typedef struct _BalloonStyle BalloonStyle;

struct _SamMapView
{
  GtkWidget     parent_instance;

  SamSession   *session;
  GListModel   *balloons;
  GListModel   *perspectives;
  gulong        committed_id;
  gulong        image_id;
  gulong        balloons_id;
  gulong        perspectives_id;

  gboolean      editable;
  char         *current_perspective;
  char         *effective_perspective;  /* the last one told through notify */
  SamItem      *selected;

  /* The picture. */
  gboolean      picture_stale;
  gboolean      picture_ok;
  GBytes       *image;          /* the session's bytes it was made from */
  GBytes       *svg;            /* to render again at another size */
  GdkTexture   *texture;
  cairo_surface_t *surface;     /* the texture's pixels, for picture_node */
  GskRenderNode *picture_node;  /* the picture at picture_rect */
  graphene_rect_t picture_rect;
  SamMapPlaces *places;
  double        aspect;
  int           wanted_width;   /* the pixel width an SVG should have */
  guint         render_id;
  GCancellable *render_cancellable;
  guint         render_generation;

  /* What a frame draws with, for self->radius. */
  double        radius;
  GHashTable   *styles;         /* perspective id → BalloonStyle */
  BalloonStyle *no_style;       /* balloons without a perspective */
  GHashTable   *labels;         /* label text → its sprite */
  int           scale;          /* the scale factor the sprites were made for */
  GArray       *placed;

  /* Pointer and keyboard (sam-map-view-input.c). */
  GtkGesture   *click;
  GtkGesture   *drag;
  GtkEventController *keys;
  GtkEventController *motion;
  SamItem      *pressed;        /* the balloon under the last press */
  double        press_x;
  double        press_y;
  SamItem      *dragged;
  gboolean      dragging;
  double        drag_start_x;   /* the dragged balloon's place, fractions */
  double        drag_start_y;
  double        drag_x;
  double        drag_y;
  double        cross_x;
  double        cross_y;
  gboolean      cross_shown;    /* the arrows moved it since the last press */
  const char   *cursor;         /* the pointer's shape over the map */

  guint         describe_id;
};

/* sam-map-view.c */
/* Where @balloon is drawn, in fractions: a dragged one follows the pointer
 * until the drag ends. */
void     _sam_map_view_balloon_position (SamMapView *self,
                                         SamItem    *balloon,
                                         double     *x,
                                         double     *y);
void     _sam_map_view_activate_balloon (SamMapView *self,
                                         SamItem    *balloon);

/* sam-map-view-input.c: the pointer and the keyboard */
/* Adds the map's pointer and key controllers; called once, from init. */
void     _sam_map_view_setup_input      (SamMapView *self);
void     _sam_map_view_set_cursor       (SamMapView *self,
                                         const char *name);
/* Ends a drag; with @commit, moves the balloon where it was dropped as one
 * undo step. */
void     _sam_map_view_finish_drag      (SamMapView *self,
                                         gboolean    commit);

G_END_DECLS
