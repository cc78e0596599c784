/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-search.h"
#include "sam-session.h"

G_BEGIN_DECLS

/*
 * The sticky-note wall: what the wall view and the stage do to a session's
 * walls, columns, notes and clusters. Each edit is one undo step with its
 * own label; an edit that is refused (a blank text) or changes nothing
 * records no step.
 *
 * Texts are trimmed of white space at both ends. A note's text must not be
 * blank; a blank wall, column or cluster title on creation takes a default
 * ("New Column" …), and renaming to a blank title is refused.
 *
 * Clusters. A column has a list "clusters" of titled clusters, and a note
 * names its cluster by id in "cluster" ("" for none). A cluster only groups
 * notes of its own column: a note whose "cluster" names no cluster of its
 * column is not in one. The column shows its notes top to bottom, and a
 * cluster stands where its first note is, holding all its notes in their
 * order; sam_wall_cluster_notes(), sam_wall_set_note_cluster() and
 * sam_wall_sort_by_votes() put a cluster's notes next to each other. A
 * cluster lives as long as it has notes: when its last note is removed,
 * moved to another column or taken out of it, the cluster goes too, in the
 * same undo step.
 *
 * Positions are in the column's (or the wall's) list; G_MAXUINT appends.
 * Items are SamItem: a SamWall, SamColumn, SamNote or SamCluster of
 * @session.
 */

/* Walls */

/* Adds a wall titled @title (blank: "New Wall") at the end of the session's
 * walls; with @default_columns also the columns "Questions", "Ideas" and
 * "Next Steps". Returns the wall (transfer none). */
SamItem   *sam_wall_add                 (SamSession         *session,
                                         const char         *title,
                                         gboolean            default_columns);
gboolean   sam_wall_rename              (SamSession         *session,
                                         SamItem            *wall,
                                         const char         *title);
/* Removes @wall with its columns and notes; an agenda item that showed it
 * no longer does. */
void       sam_wall_remove              (SamSession         *session,
                                         SamItem            *wall);

/* Columns */

/* Adds a column titled @title (blank: "New Column") to @wall at @position.
 * Returns the column (transfer none). */
SamItem   *sam_wall_add_column          (SamSession         *session,
                                         SamItem            *wall,
                                         const char         *title,
                                         guint               position);
gboolean   sam_wall_rename_column       (SamSession         *session,
                                         SamItem            *column,
                                         const char         *title);
/* Moves @column to @position among its wall's columns (counted after it
 * has been taken out). Returns whether it moved. */
gboolean   sam_wall_move_column         (SamSession         *session,
                                         SamItem            *column,
                                         guint               position);
/* Removes @column with its notes and clusters; undo brings them back. */
void       sam_wall_remove_column       (SamSession         *session,
                                         SamItem            *column);

/* Notes */

/* Adds a note with @text at @position in @column, written now. @perspective
 * is a perspective's id or NULL. Returns the note (transfer none), or NULL
 * when @text is blank. */
SamItem   *sam_wall_add_note            (SamSession         *session,
                                         SamItem            *column,
                                         guint               position,
                                         const char         *text,
                                         SamNoteColor        color,
                                         const char         *perspective,
                                         gboolean            hidden);
/* Sets the text; a blank @text is refused (FALSE) and the note stays. */
gboolean   sam_wall_set_note_text       (SamSession         *session,
                                         SamItem            *note,
                                         const char         *text);
void       sam_wall_set_note_color      (SamSession         *session,
                                         SamItem            *note,
                                         SamNoteColor        color);
/* @perspective: a perspective's id, or NULL for none. */
void       sam_wall_set_note_perspective (SamSession        *session,
                                         SamItem            *note,
                                         const char         *perspective);
void       sam_wall_set_note_hidden     (SamSession         *session,
                                         SamItem            *note,
                                         gboolean            hidden);
void       sam_wall_remove_note         (SamSession         *session,
                                         SamItem            *note);
/* Moves @note to @position in @column (its own or another column of any
 * wall; the position is counted after the note has been taken out). A note
 * that changes column leaves its cluster. Returns whether anything changed. */
gboolean   sam_wall_move_note           (SamSession         *session,
                                         SamItem            *note,
                                         SamItem            *column,
                                         guint               position);

/* One vote more; FALSE only at the ceiling of 1,000,000. */
gboolean   sam_wall_add_vote            (SamSession         *session,
                                         SamItem            *note);
/* One vote less; FALSE (and nothing recorded) when the note has none. */
gboolean   sam_wall_remove_vote         (SamSession         *session,
                                         SamItem            *note);
/* Orders @column's notes by votes, most first; notes with as many votes
 * keep their order. A cluster moves as one, by its notes' votes together,
 * and its notes are ordered within it. Returns FALSE when they were in
 * that order already. */
gboolean   sam_wall_sort_by_votes       (SamSession         *session,
                                         SamItem            *column);

/* Shows every hidden note of @wall at once. Returns how many were hidden. */
guint      sam_wall_reveal              (SamSession         *session,
                                         SamItem            *wall);

/* Counts, for the stage: notes, and hidden notes, of a wall or a column. */
guint      sam_wall_count_notes         (SamItem            *wall_or_column);
guint      sam_wall_count_hidden        (SamItem            *wall_or_column);

/* Clusters */

/* Groups @notes (at least one, all in one column) into a new cluster titled
 * @title (blank: "New Cluster"), placed where the topmost of them was. A
 * note that was in another cluster leaves it. Returns the cluster
 * (transfer none). */
SamItem   *sam_wall_cluster_notes       (SamSession         *session,
                                         SamItem * const    *notes,
                                         guint               n_notes,
                                         const char         *title);
gboolean   sam_wall_rename_cluster      (SamSession         *session,
                                         SamItem            *cluster,
                                         const char         *title);
/* Takes every note out of @cluster and removes it; the notes stay where
 * they are. */
void       sam_wall_uncluster           (SamSession         *session,
                                         SamItem            *cluster);
/* Puts @note into @cluster (of the note's column), after the cluster's
 * last note, or with @cluster NULL takes it out of its cluster. Returns
 * whether anything changed. */
gboolean   sam_wall_set_note_cluster    (SamSession         *session,
                                         SamItem            *note,
                                         SamItem            *cluster);

/* The cluster @note is in, or NULL (transfer none). */
SamItem   *sam_wall_get_note_cluster    (SamItem            *note);
/* The notes of @cluster, top to bottom (transfer container). */
GPtrArray *sam_wall_list_cluster_notes  (SamItem            *cluster);
/* The clusters of @column that have notes, in the order they stand: by
 * their first note (transfer container). */
GPtrArray *sam_wall_list_clusters       (SamItem            *column);

/* The votes of @cluster's notes together. */
guint      sam_wall_count_cluster_votes (SamItem            *cluster);

/* Search */

/* Whether @note matches @search (NULL: any text) and @perspective (a
 * perspective's id; NULL or "": any). The note's text and its cluster's
 * title are searched. */
gboolean   sam_wall_note_matches        (SamItem            *note,
                                         SamSearch          *search,
                                         const char         *perspective);
/* The notes of @wall that match @query (see sam-search.h; NULL or blank:
 * any) and @perspective, column by column, top to bottom, hidden ones
 * included (transfer container). */
GPtrArray *sam_wall_find_notes          (SamItem            *wall,
                                         const char         *query,
                                         const char         *perspective);

G_END_DECLS
