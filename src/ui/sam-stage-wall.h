/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sam-types.h"

G_BEGIN_DECLS

/*
 * The sticky-note wall on the stage, private to SamStageView: a copy of a
 * wall's columns and notes as they were when taken (a frozen stage keeps
 * showing them while people go on writing), fitted to a region as cards
 * in columns, and drawn.
 *
 * Fitting tries sizes from large to small and takes the largest at which
 * every column shows all its notes; at the smallest size a column shows
 * the notes that fit (the most voted first when any has votes, else the
 * newest) and says how many more there are. Only cards that may be shown
 * are ever laid out, so a wall of thousands of notes costs about as much
 * as the few dozen that fit. What was fitted, and the picture of it, is
 * kept until the wall is taken again or the region changes: the stage
 * draws every second while an item runs.
 */

typedef struct _SamStageWall SamStageWall;

SamStageWall *sam_stage_wall_new          (void);
void          sam_stage_wall_free         (SamStageWall *self);

/* Copies what @wall (a SamWall of @session, or NULL for none) shows now:
 * its title, its columns with their visible notes and clusters, and how
 * many notes are hidden. */
void          sam_stage_wall_take         (SamStageWall *self,
                                           SamSession   *session,
                                           SamItem      *wall);

/* Of the wall as taken: its title ("" for none), its columns, and its
 * notes, all of them and the hidden ones. */
const char   *sam_stage_wall_get_title    (SamStageWall *self);
guint         sam_stage_wall_get_n_columns (SamStageWall *self);
guint         sam_stage_wall_get_n_notes  (SamStageWall *self);
guint         sam_stage_wall_get_n_hidden (SamStageWall *self);

/* Fits the columns to @width × @height; @unit is the stage's height, which
 * every size follows. Does nothing when the same was fitted last. */
void          sam_stage_wall_lay_out      (SamStageWall *self,
                                           GtkWidget    *widget,
                                           double        width,
                                           double        height,
                                           double        unit);

/* As fitted: the size of the notes' text in pixels; for the column at
 * @column, how many notes it shows, their texts as they stand (transfer
 * full), the line under them about the notes it has no room for ("+12
 * more"), and the one about its hidden notes ("4 hidden notes"); "" when
 * there is none. */
double        sam_stage_wall_get_note_size (SamStageWall *self);
guint         sam_stage_wall_get_n_shown  (SamStageWall *self,
                                           guint         column);
char        **sam_stage_wall_dup_shown    (SamStageWall *self,
                                           guint         column);
const char   *sam_stage_wall_get_more_text (SamStageWall *self,
                                           guint         column);
const char   *sam_stage_wall_get_hidden_text (SamStageWall *self,
                                           guint         column);

/* Draws the columns as fitted with their top left corner at @x, @y. */
void          sam_stage_wall_append       (SamStageWall *self,
                                           GtkSnapshot  *snapshot,
                                           double        x,
                                           double        y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamStageWall, sam_stage_wall_free)

G_END_DECLS
