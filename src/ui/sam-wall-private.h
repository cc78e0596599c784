/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-wall-page.h"

G_BEGIN_DECLS

/*
 * What the wall page and its columns share. A column (sam-wall-column.c)
 * shows one SamColumn: its heading, its entry and a recycling list of its
 * notes that pass the page's search and filter, with a header row above
 * each cluster. The page owns the selection, the editor and the actions.
 */

#define SAM_TYPE_WALL_COLUMN (sam_wall_column_get_type ())
G_DECLARE_FINAL_TYPE (SamWallColumn, sam_wall_column, SAM, WALL_COLUMN, GtkWidget)

SamWallColumn *sam_wall_column_new          (SamWallPage   *page,
                                             SamItem       *column);
SamItem       *sam_wall_column_get_item     (SamWallColumn *self);
GtkEditable   *sam_wall_column_get_entry    (SamWallColumn *self);
GtkScrolledWindow *sam_wall_column_get_scroller (SamWallColumn *self);
GtkListView   *sam_wall_column_get_list     (SamWallColumn *self);
/* The rows (notes and cluster headers) the column shows now. */
GListModel    *sam_wall_column_get_rows     (SamWallColumn *self);
/* All the rows (the list is told of them a screenful at a time), and
 * the one at @position (transfer none). */
guint          sam_wall_column_n_rows       (SamWallColumn *self);
SamItem       *sam_wall_column_peek_row     (SamWallColumn *self,
                                             guint          position);
/* After the search or the filter changed. */
void           sam_wall_column_refilter     (SamWallColumn *self);
/* After an edit of the session: the order, the clusters and the rows. */
void           sam_wall_column_update       (SamWallColumn *self);
/* How many of the column's notes pass the search and the filter. */
guint          sam_wall_column_count_shown  (SamWallColumn *self);
/* The row of @note among the rows, or G_MAXUINT when it is not shown. */
guint          sam_wall_column_find_row     (SamWallColumn *self,
                                             SamItem       *note);
/* Selects @note alone, scrolls to it and (with @focus) focuses its row. */
void           sam_wall_column_select_note  (SamWallColumn *self,
                                             SamItem       *note,
                                             gboolean       focus);
void           sam_wall_column_unselect_all (SamWallColumn *self);
/* The selected notes, top to bottom (transfer container). */
GPtrArray     *sam_wall_column_get_selected_notes (SamWallColumn *self);
/* The widget of @item's row while the list shows it, else NULL. */
GtkWidget     *sam_wall_column_get_row_widget (SamWallColumn *self,
                                               SamItem       *item);
/* Starts renaming the column in place. */
void           sam_wall_column_start_rename (SamWallColumn *self);
/* The handler of a note dropped at (@x, @y) of the column's list area. */
gboolean       sam_wall_column_drop_note    (SamWallColumn *self,
                                             SamItem       *note,
                                             double         x,
                                             double         y);
/* Note rows alive in every column (each list makes only what shows). */
guint          sam_wall_column_count_row_widgets (void);

/* The page's side */
SamSession    *sam_wall_page_peek_session   (SamWallPage   *self);
gboolean       sam_wall_page_note_passes    (SamWallPage   *self,
                                             SamItem       *note);
/* A note typed into @column's entry; FALSE when it was blank. */
gboolean       sam_wall_page_add_typed_note (SamWallPage   *self,
                                             SamWallColumn *column,
                                             const char    *text);
/* The person clicked or focused @note in @column. */
void           sam_wall_page_note_chosen    (SamWallPage   *self,
                                             SamWallColumn *column,
                                             SamItem       *note);
void           sam_wall_page_show_message   (SamWallPage   *self,
                                             const char    *text);
void           sam_wall_page_show_undo      (SamWallPage   *self,
                                             const char    *text);
/* Asks for a new title of @cluster, over its header. */
void           sam_wall_page_rename_cluster (SamWallPage   *self,
                                             SamItem       *cluster);
/* The note's menu, over its row. */
void           sam_wall_page_popup_note_menu (SamWallPage  *self,
                                              SamItem      *note);
/* The entry of the cluster title asked for, while it is. */
GtkEditable   *sam_wall_page_get_cluster_title_entry (SamWallPage *self);
/* The note menu's model, for @note (made when the menu opens). */
GMenuModel    *sam_wall_page_note_menu      (SamWallPage   *self,
                                             SamItem       *note);

/* "Yellow" … for a SamNoteColor, and the CSS class of one ("yellow" …). */
const char    *sam_note_color_to_label      (int            color);
const char    *sam_note_color_to_class      (int            color);

G_END_DECLS
