/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

/*
 * What the room sees: the current agenda item's title, its countdown in
 * type that scales with the widget (digits at least a fifth of its height),
 * the state in words (last minute, time is up, paused), the next item, a
 * break's "back at HH:MM", and the item's linked activity where one is
 * shown: a prompt, the participant map with the chart of perspectives
 * beside it, balloons showing as they are placed, or a sticky-note wall,
 * notes showing as they are written. The projector's stage
 * window shows one; the control window shows another as a live miniature.
 * Redraws only when its timer or its document changes.
 *
 * Blanked: shows nothing but the background. Frozen: keeps showing what it
 * showed when frozen, while the timer goes on.
 */

#define SAM_TYPE_STAGE_VIEW (sam_stage_view_get_type ())
G_DECLARE_FINAL_TYPE (SamStageView, sam_stage_view, SAM, STAGE_VIEW, GtkWidget)

GtkWidget  *sam_stage_view_new            (void);

void        sam_stage_view_set_timer      (SamStageView *self,
                                           SamTimer     *timer);
SamTimer   *sam_stage_view_get_timer      (SamStageView *self);
void        sam_stage_view_set_blanked    (SamStageView *self,
                                           gboolean      blanked);
gboolean    sam_stage_view_get_blanked    (SamStageView *self);
void        sam_stage_view_set_frozen     (SamStageView *self,
                                           gboolean      frozen);
gboolean    sam_stage_view_get_frozen     (SamStageView *self);

/* The texts as shown now ("" where nothing is), for tests and for the
 * accessible description: the title, the countdown ("9:59", "+0:12"), the
 * state in words ("Last minute", "Time is up", "Paused", "" …), and the line
 * about what comes next ("Next: Break", "Back at 10:45", …). */
const char *sam_stage_view_get_title_text     (SamStageView *self);
const char *sam_stage_view_get_countdown_text (SamStageView *self);
const char *sam_stage_view_get_status_text    (SamStageView *self);
const char *sam_stage_view_get_next_text      (SamStageView *self);

/* Whether the participant map and the chart of perspectives are shown: the
 * current item is at the map, and the stage is not blank. */
gboolean    sam_stage_view_get_shows_map      (SamStageView *self);

/* The voices slide: instead of the item's content, the voices marked for
 * the stage from the current prompt (or the nearest earlier one), as
 * quotes under a heading by the prompt's way of working. */
void        sam_stage_view_set_voices_shown   (SamStageView *self,
                                               gboolean      shown);
gboolean    sam_stage_view_get_voices_shown   (SamStageView *self);

/* Over a prompt, how the room works with it ("In pairs · 5 min"; "" when
 * no prompt is shown); the groups of its last round, one a line
 * ("1  Anna, Bo"; "" when there are none, transfer full). */
const char *sam_stage_view_get_caption_text   (SamStageView *self);
char       *sam_stage_view_dup_groups_text    (SamStageView *self);

/* The voices slide as shown: its heading ("" when it is not shown), the
 * voices on it (oldest first), and at the present size how many of them
 * are shown and how many not for want of room (the newest are shown). */
const char *sam_stage_view_get_voices_heading (SamStageView *self);
const char * const *
            sam_stage_view_get_voices         (SamStageView *self);
guint       sam_stage_view_get_n_voices_shown (SamStageView *self);
guint       sam_stage_view_get_n_voices_more  (SamStageView *self);

/* A sticky-note wall, at an item whose activity is one (and the stage is
 * not blank or on the voices slide): its title ("" when none is shown),
 * its columns, and at the present size the size of its notes' text in
 * pixels, and for the column at @column how many notes are shown, their
 * texts as they stand (transfer full), and the lines under them: "+12
 * more" for those without room, "4 hidden notes" ("" when none). */
gboolean    sam_stage_view_get_shows_wall     (SamStageView *self);
const char *sam_stage_view_get_wall_title     (SamStageView *self);
guint       sam_stage_view_get_wall_n_columns (SamStageView *self);
double      sam_stage_view_get_wall_note_size (SamStageView *self);
guint       sam_stage_view_get_wall_n_shown   (SamStageView *self,
                                               guint         column);
char      **sam_stage_view_dup_wall_notes     (SamStageView *self,
                                               guint         column);
const char *sam_stage_view_get_wall_more_text (SamStageView *self,
                                               guint         column);
const char *sam_stage_view_get_wall_hidden_text (SamStageView *self,
                                               guint         column);

G_END_DECLS
