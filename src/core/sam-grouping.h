/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-session.h"

G_BEGIN_DECLS

/*
 * Pairs, trios or groups of N for a dialogue prompt.
 *
 * Nobody is left alone: n people make k = max (1, n / size) groups whose
 * sizes differ by at most one (pairs from 7 people are 2 pairs and a trio;
 * trios from 4 people are one group of 4).
 *
 * Within those sizes the groups mix people as far as possible. Each pair of
 * people in the same group costs something, and the costs are ranked: a pair
 * who already met in an earlier round costs more than any number of pairs
 * who share a perspective, and those cost more than any number of pairs from
 * the same municipality. An empty municipality matches no one.
 *
 * The search starts from a random grouping (a GRand seeded with @seed) and
 * swaps people between groups while that lowers the cost, from a few random
 * starts. The same people in the same order with the same seed give the
 * same groups; another seed ("reshuffle") usually gives other groups among
 * those that mix equally well.
 *
 * SamGrouping is plain data: it knows nothing of a session until
 * sam_grouping_new_for_session() fills one.
 */

typedef struct _SamGrouping SamGrouping;

SamGrouping *sam_grouping_new             (void);
void         sam_grouping_free            (SamGrouping        *self);

/* Adds a person. @municipality and @perspectives (ids, NULL-terminated) may
 * be NULL. Ids are unique; the order of the calls is the order the search
 * and the result use. */
void         sam_grouping_add_person      (SamGrouping        *self,
                                           const char         *id,
                                           const char         *municipality,
                                           const char * const *perspectives);
/* Records that @a and @b were in a group together before. Ids of people
 * who are not added are allowed and ignored. */
void         sam_grouping_add_met         (SamGrouping        *self,
                                           const char         *a,
                                           const char         *b);
guint        sam_grouping_get_n_people    (SamGrouping        *self);

/* Forms groups of about @size (at least 1) from everyone added. Returns a
 * GPtrArray of GStrv, one per group, each holding its people's ids in the
 * order they were added; the groups are ordered largest first (transfer
 * full, the array frees its GStrvs). Empty when no one was added. */
GPtrArray   *sam_grouping_run             (SamGrouping        *self,
                                           guint               size,
                                           guint32             seed);
/* The number of pairs in the same group of @groups (as sam_grouping_run()
 * returns them) who met before. */
guint        sam_grouping_count_repeats   (SamGrouping        *self,
                                           GPtrArray          *groups);

/* The sizes of the groups for @n_people and groups of about @size (at
 * least 1): a GArray of guint, largest first; empty for no people. Needs
 * no roster. */
GArray      *sam_grouping_sizes           (guint               n_people,
                                           guint               size);
/* The same for a person: "7 people: 2 pairs and 1 trio",
 * "12 people: 3 groups of 4", "1 person: alone" (transfer full). */
char        *sam_grouping_describe_sizes  (guint               n_people,
                                           guint               size);

/* A grouping of @session's participants who are present, in the order of
 * its list, with their municipality and perspectives; everyone who was in
 * a group together in one of the session's rounds has met. */
SamGrouping *sam_grouping_new_for_session (SamSession         *session);
/* Records @groups (as sam_grouping_run() returns them) as a new group round
 * for @prompt (may be NULL) at the end of @session's "group-rounds", as one
 * undo step. Returns the round (transfer none). */
SamItem     *sam_grouping_record          (SamSession         *session,
                                           SamItem            *prompt,
                                           GPtrArray          *groups);

/* The last group round recorded for @prompt in @session, or NULL
 * (transfer none). */
SamItem     *sam_grouping_find_round      (SamSession         *session,
                                           SamItem            *prompt);
/* The groups of @round as the names of their people, in the order they were
 * formed: a GPtrArray of GStrv (transfer full). Someone no longer in the
 * session is left out; a group left empty is left out. */
GPtrArray   *sam_grouping_round_names     (SamSession         *session,
                                           SamItem            *round);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamGrouping, sam_grouping_free)

G_END_DECLS
