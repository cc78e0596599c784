/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

/*
 * The voices view of the control window: the note-taker's pane, where what
 * is said in the room is written down as it is said.
 *
 *   - at the top, an entry: Enter captures what was typed as a voice at the
 *     end of the session's "voices" (one undo step), with the time, the
 *     running agenda item (before the agenda starts, the one Start will
 *     start; after it ends, none), its prompt (or the one chosen in the
 *     Prompt drop-down), the perspective chosen for the next voice (Ctrl+1–9,
 *     Ctrl+0 for none) and whether it shows on stage (Ctrl+Enter captures
 *     it on stage). The entry is emptied and keeps the focus. Beside it, a
 *     toggle for the window's win.stage-voices (the marked voices on stage);
 *   - below, the voices by prompt (a header with the prompt's text over
 *     each), newest last, each editable in place, with its time,
 *     perspective, an on-stage toggle and a remove button. The list is a
 *     GtkListView, which builds rows only around what shows, so thousands
 *     of voices cost no more than a few hundred; after a capture it follows
 *     the new voice if it was scrolled to the end.
 *
 * The page's actions are in the group "voices": voices.capture,
 * voices.capture-on-stage, voices.perspective (u: 1–9, 0 clears).
 */

#define SAM_TYPE_VOICES_PAGE (sam_voices_page_get_type ())
G_DECLARE_FINAL_TYPE (SamVoicesPage, sam_voices_page, SAM, VOICES_PAGE, AdwBin)

void         sam_voices_page_set_session (SamVoicesPage *self,
                                          SamSession    *session);
SamSession  *sam_voices_page_get_session (SamVoicesPage *self);
/* The timer whose running item new voices belong to (may be NULL). */
void         sam_voices_page_set_timer   (SamVoicesPage *self,
                                          SamTimer      *timer);
/* The capture entry, and giving it the focus (win.capture-voice). */
GtkEditable *sam_voices_page_get_entry   (SamVoicesPage *self);
void         sam_voices_page_focus_entry (SamVoicesPage *self);
/* The id of the perspective the next voice gets ("" for none). */
const char  *sam_voices_page_get_perspective (SamVoicesPage *self);
/* Applies edits of voices typed and not yet applied (the window calls it
 * before it saves or closes). */
void         sam_voices_page_apply       (SamVoicesPage *self);

G_END_DECLS
