/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

/*
 * The participants of a session: a list of everyone (name or role,
 * organisation, municipality, the perspectives they carry, present today)
 * that can be added to, edited in place, filtered by present and removed,
 * each change one undo step (Ctrl+Z works in the window). "Import…" reads a
 * CSV file (SamRosterImport) and shows what was imported and every row that
 * was not, by line and reason, before it adds the good rows as one undo
 * step; a file that cannot be read at all gives a message and changes
 * nothing.
 */

#define SAM_TYPE_ROSTER_WINDOW (sam_roster_window_get_type ())
G_DECLARE_FINAL_TYPE (SamRosterWindow, sam_roster_window, SAM, ROSTER_WINDOW, AdwWindow)

/* A window for @session's participants, transient for @parent. */
SamRosterWindow *sam_roster_window_new         (GtkWindow       *parent,
                                                SamSession      *session);
SamSession      *sam_roster_window_get_session (SamRosterWindow *self);
/* Reads @file as a CSV roster and shows the report (the import action's
 * file chooser ends here). */
void             sam_roster_window_import_file (SamRosterWindow *self,
                                                GFile           *file);
/* Applies what was typed and not yet applied. */
void             sam_roster_window_apply       (SamRosterWindow *self);

G_END_DECLS
