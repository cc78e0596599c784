/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_WINDOW (sam_window_get_type ())
G_DECLARE_FINAL_TYPE (SamWindow, sam_window, SAM, WINDOW, AdwApplicationWindow)

SamWindow  *sam_window_new           (SamApplication *application);

/* The open session, or NULL while the start page shows. */
SamSession *sam_window_get_session   (SamWindow      *self);
/* The file the session is saved in, or NULL if it never was. */
GFile      *sam_window_get_file      (SamWindow      *self);
/* The session's recovery journal (NULL without a session library) and its id. */
SamJournal *sam_window_get_journal   (SamWindow      *self);
/* The timer of the session's agenda, or NULL before a session is shown. */
SamTimer   *sam_window_get_timer     (SamWindow      *self);
const char *sam_window_get_journal_id (SamWindow     *self);

/* Loads @file (in the background) into this window if it shows the start
 * page, otherwise into a new window. An error is shown on this window, which
 * keeps what it had. A file already open elsewhere presents that window. */
void        sam_window_open_file     (SamWindow      *self,
                                      GFile          *file);
void        sam_window_open_demo     (SamWindow      *self);
void        sam_window_new_session   (SamWindow      *self);
/* Shows @session, new and never saved (from a template, say), with a
 * journal of its own; in this window unless it already shows one. */
void        sam_window_show_new_session (SamWindow   *self,
                                         SamSession  *session);
/* A message dialog over the window, with a Close button. */
void        sam_window_show_message  (SamWindow      *self,
                                      const char     *heading,
                                      const char     *body);
/* Reopens the session of an unsaved journal, with its edits. */
void        sam_window_recover       (SamWindow      *self,
                                      const char     *journal_id);
/* Shows the file chooser and opens what is chosen. */
void        sam_window_choose_file   (SamWindow      *self);

void        sam_window_add_toast     (SamWindow      *self,
                                      AdwToast       *toast);
/* A toast that says @text, which is text, not markup (a toast's title is
 * markup in libadwaita 1.2, and names and file names may hold "&" or "<"). */
void        sam_window_add_message   (SamWindow      *self,
                                      const char     *text);
/* The same with an Undo button for what was just done. Undo takes back the
 * last step, so the toast goes as soon as the session is edited again. */
void        sam_window_add_undo_toast (SamWindow     *self,
                                       const char    *text);

/* Closes the window, asking first about unsaved changes. Finishes with TRUE
 * once the window is closed, FALSE if the person kept it open or a save
 * failed. */
void        sam_window_close_async   (SamWindow           *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean    sam_window_close_finish  (SamWindow           *self,
                                      GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
