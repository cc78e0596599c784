/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The rows of a wall column: its notes that pass the filter, a cluster's
 * header (the SamCluster) above its notes. The column computes them again
 * after each edit; only the span that differs is announced, so the rows
 * on screen stay as they are.
 *
 * The list is told of a window of them only: a list view in GTK 4.8 builds
 * up to 200 rows whatever shows, which for six long columns is more than
 * opening the view can afford. The column widens the window as the person
 * scrolls towards either end of it, and moves it to a note chosen outside.
 * Positions here are of all the rows unless said otherwise.
 */

#define SAM_TYPE_WALL_ROWS (sam_wall_rows_get_type ())
G_DECLARE_FINAL_TYPE (SamWallRows, sam_wall_rows, SAM, WALL_ROWS, GObject)

/* No rows yet, and a window of @span rows from the top. */
SamWallRows *sam_wall_rows_new        (guint        span);
/* All the rows (transfer none), the window's first and its length. */
GPtrArray   *sam_wall_rows_get_items  (SamWallRows *self);
guint        sam_wall_rows_get_start  (SamWallRows *self);
guint        sam_wall_rows_get_span   (SamWallRows *self);
/* How many rows the list is told of (the window, cut at the end). */
guint        sam_wall_rows_exposed    (SamWallRows *self);
/* Takes @items (transfer full) as the rows; a window that reached the end
 * still does, so that a note added at the end shows. */
void         sam_wall_rows_replace    (SamWallRows *self,
                                       GPtrArray   *items);
void         sam_wall_rows_set_window (SamWallRows *self,
                                       guint        start,
                                       guint        span);
/* Makes the window hold @position, growing it when that is within @page
 * rows, moving it (@page rows around @position) when farther. */
void         sam_wall_rows_expose     (SamWallRows *self,
                                       guint        position,
                                       guint        page);

G_END_DECLS
