/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * A title renamed in place: a label that becomes an entry on double-click
 * or when asked. Enter or leaving the entry commits (::commit with the
 * text typed; the owner applies it or puts the old title back), Escape
 * cancels. GtkEditableLabel does the same, but in GTK 4.8 it stops editing
 * from a timeout that outlives it, which crashes when the title goes (a
 * column removed, the window closed) right after it lost the focus.
 */

#define SAM_TYPE_WALL_TITLE (sam_wall_title_get_type ())
G_DECLARE_FINAL_TYPE (SamWallTitle, sam_wall_title, SAM, WALL_TITLE, GtkWidget)

GtkWidget   *sam_wall_title_new           (void);
void         sam_wall_title_set_text      (SamWallTitle *self,
                                           const char   *text);
const char  *sam_wall_title_get_text      (SamWallTitle *self);
void         sam_wall_title_start_editing (SamWallTitle *self);
void         sam_wall_title_stop_editing  (SamWallTitle *self,
                                           gboolean      commit);
gboolean     sam_wall_title_get_editing   (SamWallTitle *self);
/* The entry shown while editing. */
GtkEditable *sam_wall_title_get_entry     (SamWallTitle *self);

G_END_DECLS
