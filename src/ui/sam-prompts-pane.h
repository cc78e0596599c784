/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

/*
 * The session's dialogue prompts, beside the voices: the list of prompts
 * (each with how and how long, "In pairs · 5 min"), adding one (written
 * new, or taken from the library), and for the selected prompt:
 *
 *   - Run Now: starts the agenda item that shows the prompt on the stage,
 *     adding one after the current item when no item does yet;
 *   - its groups, when the room splits up for it: how many of what size
 *     from the people present ("14 people: 7 pairs"), Form Groups (recorded
 *     as a round of the session, so that later rounds keep those people
 *     apart) and Reshuffle (other groups instead of the last ones), each
 *     one undo step. Without a list of participants a head count gives
 *     the sizes alone.
 *
 * The pane's actions are in the group "prompts": prompts.new,
 * prompts.library, prompts.edit, prompts.run, prompts.form-groups,
 * prompts.reshuffle.
 */

#define SAM_TYPE_PROMPTS_PANE (sam_prompts_pane_get_type ())
G_DECLARE_FINAL_TYPE (SamPromptsPane, sam_prompts_pane, SAM, PROMPTS_PANE, AdwBin)

void        sam_prompts_pane_set_session  (SamPromptsPane *self,
                                           SamSession     *session);
/* The timer Run Now starts items with (may be NULL). */
void        sam_prompts_pane_set_timer    (SamPromptsPane *self,
                                           SamTimer       *timer);
/* The prompt library (may be NULL: no library). */
void        sam_prompts_pane_set_store    (SamPromptsPane *self,
                                           SamStore       *store);
SamItem    *sam_prompts_pane_get_selected (SamPromptsPane *self);
void        sam_prompts_pane_select       (SamPromptsPane *self,
                                           SamItem        *prompt);
/* The editor or library window the pane opened last and that is still
 * open, or NULL. */
GtkWindow  *sam_prompts_pane_get_dialog   (SamPromptsPane *self);
/* What the groups part shows: the sizes ("14 people: 7 pairs") and the
 * groups of the last round, one line each ("Anna, Bo"). */
const char *sam_prompts_pane_get_sizes_text (SamPromptsPane *self);
GStrv       sam_prompts_pane_dup_group_lines (SamPromptsPane *self);

G_END_DECLS
