/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

/*
 * The participant map: the session's map picture (the built-in map of
 * Blekinge, or the picture the session carries: PNG, JPEG or SVG), as large
 * as fits with its aspect kept, and the session's balloons on it. A balloon
 * is drawn in its perspective's colour with the perspective's symbol on it
 * (never colour alone), its label beside it when it has one. Follows every
 * change of the session at once (a balloon placed shows in the next frame).
 *
 * Editable (the map view of the control window):
 *   - a click on the picture places a balloon of the current perspective
 *     and selects it; a click on a balloon selects it; a drag moves it (one
 *     undo step per drag); a double click, or Enter, emits ::activate-balloon
 *     (the page opens the balloon's editor); Delete or BackSpace removes the
 *     selected balloon; Escape unselects;
 *   - from the keyboard: the arrows move the selected balloon (1% of the
 *     picture, Shift: 5%), or with nothing selected a crosshair that Enter
 *     or Space places a balloon at; Page Up/Down select the previous/next
 *     balloon; 1–9 choose the current perspective.
 * Read-only (the stage): draws, and nothing else; it takes no focus.
 *
 * A picture that cannot be decoded is drawn as an empty frame with a
 * message; the balloons stay where they are.
 *
 * Its accessible description says how many balloons there are and where
 * ("14 balloons: Karlskrona 5, Ronneby 2, …") and which one is selected.
 */

#define SAM_TYPE_MAP_VIEW (sam_map_view_get_type ())
G_DECLARE_FINAL_TYPE (SamMapView, sam_map_view, SAM, MAP_VIEW, GtkWidget)

GtkWidget  *sam_map_view_new                     (void);

/* "session" */
void        sam_map_view_set_session             (SamMapView *self,
                                                  SamSession *session);
SamSession *sam_map_view_get_session             (SamMapView *self);
/* "editable", default FALSE */
void        sam_map_view_set_editable            (SamMapView *self,
                                                  gboolean    editable);
gboolean    sam_map_view_get_editable            (SamMapView *self);
/* "current-perspective": the id of the perspective new balloons get; when
 * unset (or removed from the session), the session's first. */
void        sam_map_view_set_current_perspective (SamMapView *self,
                                                  const char *id);
const char *sam_map_view_get_current_perspective (SamMapView *self);
/* "selected": a balloon of the session, or NULL. */
void        sam_map_view_set_selected            (SamMapView *self,
                                                  SamItem    *balloon);
SamItem    *sam_map_view_get_selected            (SamMapView *self);

/* Places a balloon of the current perspective at (@x, @y), fractions of
 * the picture, as one undo step, and selects it (transfer none). */
SamItem    *sam_map_view_place                   (SamMapView *self,
                                                  double      x,
                                                  double      y);
/* Where the picture is drawn, in the widget's coordinates; FALSE before
 * the widget has a size. */
gboolean    sam_map_view_get_picture_rect        (SamMapView      *self,
                                                  graphene_rect_t *rect);
/* The balloon drawn at (@x, @y) in the widget's coordinates (the topmost),
 * or NULL. */
SamItem    *sam_map_view_pick                    (SamMapView *self,
                                                  double      x,
                                                  double      y);
/* Whether the map picture could be shown. */
gboolean    sam_map_view_get_picture_ok          (SamMapView *self);

/*
 * Signals:
 *   ::activate-balloon (SamMapView *self, SamItem *balloon) — a double
 *     click on a balloon, or Enter with one selected: edit it.
 */

G_END_DECLS
