/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Word search for what people type in a room: every word of the query must
 * occur somewhere in the text, in any order. Case, composition and
 * diacritics are ignored, so "ÅSA", "åsa" and "asa" all find "Åsa", and
 * "cafe" finds "Café": a note typed on a keyboard without å, ä and ö must
 * still be found.
 */

typedef struct _SamSearch SamSearch;

/* A search for the words of @query (may be NULL). A query without words
 * matches every text. */
SamSearch *sam_search_new        (const char *query);
void       sam_search_free       (SamSearch  *self);

/* Whether the query had no words (and so matches everything). */
gboolean   sam_search_is_empty   (SamSearch  *self);
/* Whether every word of the query occurs in @text (may be NULL). */
gboolean   sam_search_matches    (SamSearch  *self,
                                  const char *text);

/* The same for @folded, a text sam_search_fold() has folded already (a
 * list that is searched again and again folds its texts once). */
gboolean   sam_search_matches_folded (SamSearch  *self,
                                      const char *folded);

/* @text folded as searches compare it: valid UTF-8, case-folded, compatibility
 * characters decomposed and combining marks dropped (transfer full). */
char      *sam_search_fold       (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamSearch, sam_search_free)

G_END_DECLS
