/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

/*
 * The prompt library: the reusable prompts kept in the store across
 * sessions, and the starter prompts that come with Samling. A search entry
 * narrows both as one types (every word must be found; case and accents do
 * not matter). Activating a prompt inserts a copy into the session's
 * prompts as one undo step ("Insert Prompt"), marks the stored one as used,
 * and emits ::inserted. A stored prompt can be removed from the library,
 * with Undo. Without a store (it could not be opened) only the starters
 * are offered, and the window says why.
 *
 * Signals:
 *   ::inserted (SamPromptLibrary *self, SamItem *prompt) — @prompt is the
 *     new prompt in the session.
 */

#define SAM_TYPE_PROMPT_LIBRARY (sam_prompt_library_get_type ())
G_DECLARE_FINAL_TYPE (SamPromptLibrary, sam_prompt_library, SAM, PROMPT_LIBRARY, AdwWindow)

/* A window over @store's library (may be NULL) for inserting into
 * @session, transient for @parent. */
SamPromptLibrary *sam_prompt_library_new        (GtkWindow        *parent,
                                                 SamSession       *session,
                                                 SamStore         *store);
/* Shows the prompts matching @query, as typing it in the search entry
 * does. */
void              sam_prompt_library_search     (SamPromptLibrary *self,
                                                 const char       *query);
/* The prompts listed now, stored ones first: a GListModel of SamPrompt
 * items (in no session). */
GListModel       *sam_prompt_library_get_shown  (SamPromptLibrary *self);
/* Inserts the listed prompt at @position into the session, as activating
 * its row does. Returns the new prompt in the session (transfer none). */
SamItem          *sam_prompt_library_insert     (SamPromptLibrary *self,
                                                 guint             position);

G_END_DECLS
