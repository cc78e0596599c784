/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-entities.h"

G_BEGIN_DECLS

/*
 * Dialogue prompts outside a session: the starter prompts that come with
 * Samling, and what a library prompt (see sam_store_list_prompts()) needs
 * to be shown and put into a session.
 */

/* The starter prompts as new SamPrompt items (in no session), in the
 * user's language; a GPtrArray of SamItem. */
GPtrArray *sam_prompts_dup_starters   (void);

/* A new prompt with the values of @prompt and no id, for
 * sam_session_insert(), which gives it one. */
SamItem   *sam_prompt_copy            (SamItem *prompt);

/* How the room works with @prompt and for how long, e.g. "In pairs · 5 min"
 * or "In groups of 4 · 15 min"; just the format without a duration. */
char      *sam_prompt_describe_format (SamItem *prompt);

/* How many people talk together in @prompt's format: 2 for pairs, 3 for
 * trios, its group size for groups; 0 when the room is not split into
 * groups (individual reflection, plenary). */
guint      sam_prompt_get_group_size  (SamItem *prompt);

G_END_DECLS
