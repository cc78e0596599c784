/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How the interface writes the values of a session. */

/* Minutes after midnight of "HH:MM" (24 hours), or -1 if @text is not one. */
int         sam_parse_clock           (const char *text);
/* "13:05" for @minutes after midnight, wrapping at 24 hours. */
char       *sam_format_clock          (int         minutes);
/* Whether @text is a real date written "YYYY-MM-DD". */
gboolean    sam_is_valid_date         (const char *text);
/* "15 min", "1 h", "1 h 30 min" for a duration in seconds. */
char       *sam_format_duration       (int         seconds);
/* "2023-12-18 14:05" in local time for µs since the epoch. */
char       *sam_format_timestamp      (gint64      usec);

/* Translated names of SamAgendaKind and SamSessionMode values. */
const char *sam_agenda_kind_to_label  (int         kind);
/* A file name for something titled @title: "Workshop.pdf" for @suffix
 * ".pdf", with the characters some file systems refuse made "-"; @fallback
 * when the title leaves nothing (transfer full). */
char       *sam_format_file_name      (const char *title,
                                       const char *fallback,
                                       const char *suffix);
const char *sam_session_mode_to_label (int         mode);

/* The languages offered for a session, as codes ("sv", "en" …), and the
 * translated name of a code (the code itself if it is not one of them). */
const char * const *sam_language_codes (void);
const char *sam_language_name         (const char *code);

G_END_DECLS
