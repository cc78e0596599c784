/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-session.h"

G_BEGIN_DECLS

/*
 * Reading a list of participants from a CSV file, as spreadsheets write it:
 * comma or semicolon separated (found from the header line; Swedish Excel
 * uses semicolons), UTF-8 with or without a byte order mark (a file that is
 * not UTF-8 is read as Windows-1252, as older Excel writes it, and the
 * import says so), CRLF or LF line ends, fields quoted per RFC 4180 (with
 * "" for a quote and line breaks inside quotes).
 *
 * The first line names the columns, in English or Swedish, in any order and
 * case: name/namn, organisation/organization/organisation/org,
 * municipality/kommun, perspectives/perspective/perspektiv,
 * present/närvarande/närvaro. Other columns are ignored (and the import
 * says which). At least one known column is needed.
 *
 * Each further line is a participant. A row that cannot be used is not
 * imported and is reported by its line number with the reason (more fields
 * than the header, an unknown perspective, a present value that is not
 * yes/no, an unclosed quote …); the good rows are imported. Empty lines are
 * skipped. Perspectives in a field are separated by commas, semicolons or
 * "|" (a slash belongs to names such as "Research/academia") and matched to
 * the session's perspectives by name or symbol, ignoring case.
 */

typedef struct _SamRosterImport SamRosterImport;

/* The largest file that is read. */
#define SAM_ROSTER_MAX_SIZE (4 * 1024 * 1024)

typedef struct
{
  guint  line;     /* where the row starts in the file, from 1 */
  char  *message;  /* why it was not imported, for a person */
} SamRosterProblem;

/* Reads @data for @session (whose perspectives the rows name). Fails only
 * when the file as a whole cannot be used: too large, empty, no known
 * column in the first line, not text; @error says why. */
SamRosterImport *sam_roster_import_new       (SamSession      *session,
                                              GBytes          *data,
                                              GError         **error);
void             sam_roster_import_free      (SamRosterImport *self);

/* The participants read from the good rows (new items, not in a session). */
guint            sam_roster_import_get_n_participants (SamRosterImport *self);
SamItem         *sam_roster_import_get_participant    (SamRosterImport *self,
                                                       guint            index);
/* The rows that were not imported, in file order. */
guint            sam_roster_import_get_n_problems     (SamRosterImport *self);
const SamRosterProblem *
                 sam_roster_import_get_problem        (SamRosterImport *self,
                                                       guint            index);
/* Things worth knowing that are not problems ("Read as Windows-1252",
 * "The column “Phone” was ignored"), NULL-terminated. */
const char * const *
                 sam_roster_import_get_notes          (SamRosterImport *self);
/* ',' or ';' */
char             sam_roster_import_get_delimiter      (SamRosterImport *self);

/* Adds the participants to @session at the end of its list, as one undo
 * step; returns how many. */
guint            sam_roster_import_apply     (SamRosterImport *self,
                                              SamSession      *session);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamRosterImport, sam_roster_import_free)

G_END_DECLS
