/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

/*
 * Writing a dialogue prompt: its question, format (individual reflection,
 * pairs, trios, groups of N, plenary), duration, sentence starters and
 * follow-up questions. Nothing changes in the session until Add (a new
 * prompt) or Save (an existing one), which applies everything as one undo
 * step; Cancel or Escape leaves the session as it was. "Save to Library"
 * keeps the prompt as it is in the editor for other sessions. An existing
 * prompt can be removed from here (the window offers Undo).
 *
 * Signals:
 *   ::done (SamPromptEditor *self, SamItem *prompt) — the prompt was added
 *     or saved; @prompt is the one in the session.
 */

#define SAM_TYPE_PROMPT_EDITOR (sam_prompt_editor_get_type ())
G_DECLARE_FINAL_TYPE (SamPromptEditor, sam_prompt_editor, SAM, PROMPT_EDITOR, AdwWindow)

/* An editor for @prompt of @session, or for a new prompt when @prompt is
 * NULL, transient for @parent. @store (may be NULL) is the library. */
SamPromptEditor *sam_prompt_editor_new      (GtkWindow       *parent,
                                             SamSession      *session,
                                             SamItem         *prompt,
                                             SamStore        *store);
/* The prompt edited, NULL for a new one not yet added. */
SamItem         *sam_prompt_editor_get_prompt (SamPromptEditor *self);
/* The editor's text views: the question, the starters, the follow-ups. */
GtkTextView     *sam_prompt_editor_get_text_view (SamPromptEditor *self,
                                                  const char      *property);

G_END_DECLS
