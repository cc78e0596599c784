/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

/*
 * The map view of the control window: "Where do you sit?" and "Which
 * perspectives are here today?".
 *
 *   - the map (SamMapView, editable) with a bar above it: the current
 *     perspective (one toggle per perspective, its colour and symbol, keys
 *     1–9), and a menu to change the map picture or go back to the built-in
 *     map;
 *   - a popover to edit the selected balloon: label, participant,
 *     perspective, remove;
 *   - beside the map, the board: each perspective with its number of
 *     balloons and the chart (SamPerspectiveChart), editing the list of
 *     perspectives (name, colour, symbol; add, remove, reorder), the counts
 *     by place ("Karlskrona 6, Ronneby 3, elsewhere 2"), the gap check
 *     (perspectives no one here brings, with "Add to Wall" for a wall's
 *     column), and the participants: how many, how many present, the
 *     roster (SamRosterWindow) and Import from CSV.
 *
 * Every change is one undo step of the session. The page's actions are in
 * the group "map" (map.place-balloon, map.remove-balloon, map.edit-balloon,
 * map.choose-picture, map.reset-picture, map.add-perspective,
 * map.show-roster, map.import-roster, map.add-gaps-to-wall (s: column id)).
 */

#define SAM_TYPE_MAP_PAGE (sam_map_page_get_type ())
G_DECLARE_FINAL_TYPE (SamMapPage, sam_map_page, SAM, MAP_PAGE, AdwBin)

void        sam_map_page_set_session  (SamMapPage *self,
                                       SamSession *session);
SamSession *sam_map_page_get_session  (SamMapPage *self);
SamMapView *sam_map_page_get_map_view (SamMapPage *self);
/* Sets the map picture from @file (checked with sam_map_check_image() and
 * decoded first; a toast says why when it cannot be used, and nothing
 * changes), as one undo step. The file chooser of map.choose-picture ends
 * here. */
void        sam_map_page_load_picture (SamMapPage *self,
                                       GFile      *file);
/* Applies what was typed and not yet applied (the window calls it before
 * it saves or closes). */
void        sam_map_page_apply        (SamMapPage *self);

G_END_DECLS
