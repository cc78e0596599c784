/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The stage's larger blocks of text, private to SamStageView: a prompt
 * with its sentence starters and the groups of its last round, and the
 * quotes of the voices slide. Each is fitted to a region by trying sizes
 * and columns, which takes many layouts, so a block keeps what it laid out
 * until its text or its region changes: the stage draws every second while
 * an item runs, and only the countdown changes then.
 */

/* The stage's palette (see sam-stage-view.c for why these colours). */
static const GdkRGBA sam_stage_text_color   = { 0.965, 0.961, 0.957, 1.0 };  /* #f6f5f4 */
static const GdkRGBA sam_stage_soft_color   = { 0.753, 0.749, 0.737, 1.0 };  /* #c0bfbc */
static const GdkRGBA sam_stage_dim_color    = { 0.604, 0.600, 0.588, 1.0 };  /* #9a9996 */
static const GdkRGBA sam_stage_accent_color = { 0.600, 0.757, 0.945, 1.0 };  /* #99c1f1 */

typedef struct _SamStageBlock SamStageBlock;

/* A layout of @text in the widget's font at @size pixels, wrapped at @width
 * and cut with an ellipsis after @max_lines lines (0: no limit). */
PangoLayout   *sam_stage_make_layout      (GtkWidget          *widget,
                                           const char         *text,
                                           double              size,
                                           PangoWeight         weight,
                                           double              width,
                                           int                 max_lines,
                                           PangoAlignment      alignment);

/* The height and width of @layout in pixels, as laid out. */
double         sam_stage_layout_height    (PangoLayout        *layout);
double         sam_stage_layout_width     (PangoLayout        *layout);

SamStageBlock *sam_stage_block_new        (void);
void           sam_stage_block_free       (SamStageBlock      *self);

/* Lays out @prompt, its @starters (may be NULL) and @groups (a GPtrArray
 * of GStrv of names, may be NULL) in @width × @height, the prompt at most
 * @max_size pixels high; @unit is the stage's height, which the smallest
 * sizes follow. Does nothing when the same was laid out last. */
void           sam_stage_block_set_prompt (SamStageBlock      *self,
                                           GtkWidget          *widget,
                                           const char         *prompt,
                                           const char * const *starters,
                                           GPtrArray          *groups,
                                           double              width,
                                           double              height,
                                           double              max_size,
                                           double              unit);
/* Lays out @voices (oldest first) as quotes in @width × @height: all of
 * them as large as fits, or the newest that fit at the smallest size and a
 * line that says how many more there are. */
void           sam_stage_block_set_voices (SamStageBlock      *self,
                                           GtkWidget          *widget,
                                           const char * const *voices,
                                           double              width,
                                           double              height,
                                           double              unit);

/* The height the block takes, at most the region's. */
double         sam_stage_block_get_height (SamStageBlock      *self);
/* Of the voices: how many are shown, and how many are not for want of
 * room. */
guint          sam_stage_block_get_n_shown (SamStageBlock     *self);
guint          sam_stage_block_get_n_more (SamStageBlock      *self);

/* Draws the block with its top left corner at @x, @y. */
void           sam_stage_block_append     (SamStageBlock      *self,
                                           GtkSnapshot        *snapshot,
                                           double              x,
                                           double              y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamStageBlock, sam_stage_block_free)

G_END_DECLS
