/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sam-search.h"

struct _SamSearch
{
  char **words;  /* folded; empty for a query without words */
};

static gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
sam_search_fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *folded = g_utf8_casefold (valid, -1);
  /* Decomposed, "å" is "a" and a combining ring, and "ﬁ" is "fi". */
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  GString *out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_mark (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

SamSearch *
sam_search_new (const char *query)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *folded = sam_search_fold (query);
  SamSearch *self = g_new0 (SamSearch, 1);
  const char *start = NULL;

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || g_unichar_isspace (c))
        {
          if (start != NULL)
            {
              g_autofree char *word = g_strndup (start, p - start);

              g_strv_builder_add (builder, word);
            }
          start = NULL;
          if (c == 0)
            break;
        }
      else if (start == NULL)
        {
          start = p;
        }
    }

  self->words = g_strv_builder_end (builder);
  return self;
}

void
sam_search_free (SamSearch *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->words);
  g_free (self);
}

gboolean
sam_search_is_empty (SamSearch *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->words[0] == NULL;
}

gboolean
sam_search_matches_folded (SamSearch  *self,
                           const char *folded)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; self->words[i] != NULL; i++)
    if (folded == NULL || strstr (folded, self->words[i]) == NULL)
      return FALSE;

  return TRUE;
}

gboolean
sam_search_matches (SamSearch  *self,
                    const char *text)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->words[0] == NULL)
    return TRUE;

  folded = sam_search_fold (text);
  return sam_search_matches_folded (self, folded);
}
