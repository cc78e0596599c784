/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

/*
 * The sticky-note wall view: one of the session's walls at a time, its
 * headed columns side by side, each with an entry on top that takes a note
 * (Enter adds it and keeps the focus) and its notes below in a recycling
 * list, so that thousands of notes stay smooth.
 *
 * Keyboard: arrows move the selection (Left/Right to the next column), F2
 * or double-click edits a note in place, Delete removes it (a toast offers
 * Undo), Alt+arrows move it within and between columns, + and − add and
 * take a vote, Ctrl+G groups the selected notes into a cluster, Ctrl+F
 * searches. Mouse: notes are dragged between columns and to a place in a
 * column; columns are dragged by their heading to reorder them.
 *
 * Every edit goes through sam-wall.h, so each is one undo step of the
 * session. The page's actions are in the group "wall".
 */

#define SAM_TYPE_WALL_PAGE (sam_wall_page_get_type ())
G_DECLARE_FINAL_TYPE (SamWallPage, sam_wall_page, SAM, WALL_PAGE, AdwBin)

void         sam_wall_page_set_session  (SamWallPage *self,
                                         SamSession  *session);
SamSession  *sam_wall_page_get_session  (SamWallPage *self);
/* The wall shown: one of the session's walls (the first by default; with
 * none, the page offers to make one). */
void         sam_wall_page_set_wall     (SamWallPage *self,
                                         SamItem     *wall);
SamItem     *sam_wall_page_get_wall     (SamWallPage *self);
/* The entry of the column at @index of the wall shown, and giving it the
 * focus (without a wall, the New Wall button takes it). NULL when there is
 * no such column. */
GtkEditable *sam_wall_page_get_entry    (SamWallPage *self,
                                         guint        index);
void         sam_wall_page_focus_entry  (SamWallPage *self,
                                         guint        index);
/* The selected note (the one keys act on), or NULL; selecting a note
 * scrolls its column to it and gives it the focus. */
SamItem     *sam_wall_page_get_selected (SamWallPage *self);
void         sam_wall_page_select       (SamWallPage *self,
                                         SamItem     *note);
/* The scrolled window of the column at @index (benchmarks scroll it). */
GtkScrolledWindow *sam_wall_page_get_scroller (SamWallPage *self,
                                               guint        index);
/* Applies edits typed and not yet applied (the window calls it before it
 * saves or closes). */
void         sam_wall_page_apply        (SamWallPage *self);
/* "Collect Hidden": while on, new notes are added hidden from the stage
 * until revealed (property "collect-hidden", action wall.collect-hidden). */
gboolean     sam_wall_page_get_collect_hidden (SamWallPage *self);
void         sam_wall_page_set_collect_hidden (SamWallPage *self,
                                               gboolean     collect);
/* The text view of the note editor while a note is edited, else NULL. */
GtkWidget   *sam_wall_page_get_editor   (SamWallPage *self);
/* How many note rows the page's lists have built (they build only what
 * shows, and reuse them). */
guint        sam_wall_page_count_note_rows (SamWallPage *self);

G_END_DECLS
