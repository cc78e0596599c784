/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-entities.h"
#include "sam-grouping.h"

typedef struct
{
  char  *id;
  int    municipality;   /* index into municipalities, -1 for none */
  guint *perspectives;   /* indices into perspectives, sorted, unique */
  guint  n_perspectives;
} Person;

struct _SamGrouping
{
  GArray     *people;          /* Person */
  GHashTable *index;           /* id → person index + 1 */
  GHashTable *municipalities;  /* case-folded name → index + 1 */
  GHashTable *perspectives;    /* id → index + 1 */
  GHashTable *met;             /* pair key (see pair_key ()) → itself */
};

/* The cost of one pair in a group. The weights are far enough apart that
 * no number of pairs of a lower kind outweighs one of a higher kind: a
 * grouping has fewer than 2^20 pairs for any roster a room holds. */
#define COST_MUNICIPALITY ((gint64) 1)
#define COST_PERSPECTIVE  ((gint64) 1 << 20)
#define COST_REPEAT       ((gint64) 1 << 40)

/* More random starts for small rosters, where they are cheap and where
 * a local optimum is likelier to be noticed; fewer for large ones, to stay
 * well within a few milliseconds. */
#define RESTART_BUDGET 4000
#define MIN_RESTARTS   4
#define MAX_RESTARTS   64

static void
clear_person (gpointer data)
{
  Person *person = data;

  g_clear_pointer (&person->id, g_free);
  g_clear_pointer (&person->perspectives, g_free);
}

SamGrouping *
sam_grouping_new (void)
{
  SamGrouping *self = g_new0 (SamGrouping, 1);

  self->people = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_clear_func (self->people, clear_person);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->municipalities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->perspectives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->met = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
sam_grouping_free (SamGrouping *self)
{
  if (self == NULL)
    return;

  /* The index borrows the people's ids. */
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->municipalities, g_hash_table_unref);
  g_clear_pointer (&self->perspectives, g_hash_table_unref);
  g_clear_pointer (&self->met, g_hash_table_unref);
  g_free (self);
}

static guint
intern (GHashTable *table,
        char       *key)   /* (transfer full) */
{
  gpointer value = g_hash_table_lookup (table, key);

  if (value != NULL)
    {
      g_free (key);
      return GPOINTER_TO_UINT (value) - 1;
    }

  value = GUINT_TO_POINTER (g_hash_table_size (table) + 1);
  g_hash_table_insert (table, key, value);
  return GPOINTER_TO_UINT (value) - 1;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

void
sam_grouping_add_person (SamGrouping        *self,
                         const char         *id,
                         const char         *municipality,
                         const char * const *perspectives)
{
  Person person = { NULL, -1, NULL, 0 };
  guint n = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);
  g_return_if_fail (!g_hash_table_contains (self->index, id));

  person.id = g_strdup (id);

  if (municipality != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (municipality));

      /* "Karlskrona" and "karlskrona " are the same place to a person. */
      if (*trimmed != '\0')
        person.municipality = (int) intern (self->municipalities,
                                            g_utf8_casefold (trimmed, -1));
    }

  if (perspectives != NULL)
    {
      guint count = g_strv_length ((char **) perspectives);

      person.perspectives = g_new (guint, MAX (count, 1));
      for (guint i = 0; i < count; i++)
        if (*perspectives[i] != '\0')
          person.perspectives[n++] = intern (self->perspectives, g_strdup (perspectives[i]));

      qsort (person.perspectives, n, sizeof (guint), compare_uint);
      person.n_perspectives = 0;
      for (guint i = 0; i < n; i++)
        if (i == 0 || person.perspectives[i] != person.perspectives[i - 1])
          person.perspectives[person.n_perspectives++] = person.perspectives[i];
    }

  g_array_append_val (self->people, person);
  g_hash_table_insert (self->index, person.id, GUINT_TO_POINTER (self->people->len));
}

/* One key for the pair, whichever order it is named in. */
static char *
pair_key (const char *a,
          const char *b)
{
  if (strcmp (a, b) > 0)
    {
      const char *t = a;

      a = b;
      b = t;
    }

  return g_strconcat (a, "\n", b, NULL);
}

void
sam_grouping_add_met (SamGrouping *self,
                      const char  *a,
                      const char  *b)
{
  char *key;

  g_return_if_fail (self != NULL);
  g_return_if_fail (a != NULL);
  g_return_if_fail (b != NULL);

  if (strcmp (a, b) == 0)
    return;

  key = pair_key (a, b);
  g_hash_table_add (self->met, key);
}

guint
sam_grouping_get_n_people (SamGrouping *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->people->len;
}

/* Sizes */

static void
compute_sizes (guint  n_people,
               guint  size,
               guint *n_groups,
               guint *base,
               guint *n_larger)
{
  guint k = MAX (1, n_people / size);

  *n_groups = n_people == 0 ? 0 : k;
  *base = n_people / k;
  *n_larger = n_people % k;
}

GArray *
sam_grouping_sizes (guint n_people,
                    guint size)
{
  GArray *sizes;
  guint n_groups, base, n_larger;

  g_return_val_if_fail (size > 0, NULL);

  compute_sizes (n_people, size, &n_groups, &base, &n_larger);
  sizes = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_groups);
  for (guint g = 0; g < n_groups; g++)
    {
      guint s = base + (g < n_larger ? 1 : 0);

      g_array_append_val (sizes, s);
    }

  return sizes;
}

static char *
describe_part (guint count,
               guint size)
{
  if (size == 2)
    {
      /* Translators: part of a description of groups, "7 people: 2 pairs and 1 trio" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pair", "%u pairs", count), count);
    }

  if (size == 3)
    {
      /* Translators: part of a description of groups, "7 people: 2 pairs and 1 trio" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trio", "%u trios", count), count);
    }

  /* Translators: part of a description of groups: the number of groups and
   * the number of people in each, "10 people: 2 groups of 5" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group of %u", "%u groups of %u", count),
                          count, size);
}

char *
sam_grouping_describe_sizes (guint n_people,
                             guint size)
{
  g_autofree char *groups = NULL;
  guint n_groups, base, n_larger;

  g_return_val_if_fail (size > 0, NULL);

  if (n_people == 0)
    {
      /* Translators: what groups there will be when no one is present */
      return g_strdup (_("No one to put in groups"));
    }

  compute_sizes (n_people, size, &n_groups, &base, &n_larger);

  if (base == 1)
    {
      /* Translators: what groups there will be when each person is on
       * their own: one person, or groups of one asked for */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person: alone", "%u people: each alone",
                                           n_people),
                              n_people);
    }

  if (n_larger == 0)
    {
      groups = describe_part (n_groups, base);
    }
  else
    {
      g_autofree char *smaller = describe_part (n_groups - n_larger, base);
      g_autofree char *larger = describe_part (n_larger, base + 1);

      /* Translators: the two kinds of group, smaller first, "2 pairs and 1 trio" */
      groups = g_strdup_printf (_("%s and %s"), smaller, larger);
    }

  /* Translators: the number of people present and the groups they make,
   * "7 people: 2 pairs and 1 trio" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person: %s", "%u people: %s", n_people),
                          n_people, groups);
}

/* The search */

typedef struct
{
  guint   n;          /* people */
  guint   k;          /* groups */
  gint64 *w;          /* n × n pair costs, 0 on the diagonal */
  guint  *group_of;   /* n */
  guint  *group_size; /* k */
  gint64 *c;          /* n × k: c[i][g] = Σ w[i][j] over j in g */
  guint  *order;      /* n, scratch for the random start */
} Search;

static inline gint64
pair_cost (const Search *s,
           guint         i,
           guint         j)
{
  return s->w[(gsize) i * s->n + j];
}

static inline gint64 *
group_cost (Search *s,
            guint   i,
            guint   g)
{
  return &s->c[(gsize) i * s->k + g];
}

static gboolean
share_perspective (const Person *a,
                   const Person *b)
{
  guint x = 0, y = 0;

  /* Both lists are sorted, so a merge finds a common one. */
  while (x < a->n_perspectives && y < b->n_perspectives)
    {
      if (a->perspectives[x] == b->perspectives[y])
        return TRUE;
      if (a->perspectives[x] < b->perspectives[y])
        x++;
      else
        y++;
    }

  return FALSE;
}

static void
fill_pair_costs (SamGrouping *self,
                 Search      *s)
{
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < s->n; i++)
    {
      const Person *a = &g_array_index (self->people, Person, i);

      for (guint j = i + 1; j < s->n; j++)
        {
          const Person *b = &g_array_index (self->people, Person, j);
          gint64 cost = 0;

          if (a->municipality >= 0 && a->municipality == b->municipality)
            cost += COST_MUNICIPALITY;
          if (share_perspective (a, b))
            cost += COST_PERSPECTIVE;
          s->w[(gsize) i * s->n + j] = s->w[(gsize) j * s->n + i] = cost;
        }
    }

  g_hash_table_iter_init (&iter, self->met);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *a = g_strdup (key);
      char *b = strchr (a, '\n');
      guint i, j;

      *b++ = '\0';
      i = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, a));
      j = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, b));
      if (i == 0 || j == 0)
        continue;
      i--;
      j--;
      s->w[(gsize) i * s->n + j] += COST_REPEAT;
      s->w[(gsize) j * s->n + i] += COST_REPEAT;
    }
}

/* A random grouping with the required sizes: the people shuffled, then cut
 * into groups. */
static void
random_start (Search *s,
              GRand  *rand,
              GArray *sizes)
{
  guint next = 0;

  for (guint i = 0; i < s->n; i++)
    s->order[i] = i;
  for (guint i = s->n; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      guint t = s->order[i - 1];

      s->order[i - 1] = s->order[j];
      s->order[j] = t;
    }

  for (guint g = 0; g < s->k; g++)
    {
      guint size = g_array_index (sizes, guint, g);

      s->group_size[g] = size;
      for (guint m = 0; m < size; m++)
        s->group_of[s->order[next++]] = g;
    }
  g_assert (next == s->n);

  memset (s->c, 0, sizeof (gint64) * s->n * s->k);
  for (guint i = 0; i < s->n; i++)
    for (guint j = 0; j < s->n; j++)
      *group_cost (s, i, s->group_of[j]) += pair_cost (s, i, j);
}

static gint64
total_cost (Search *s)
{
  gint64 total = 0;

  for (guint i = 0; i < s->n; i++)
    total += *group_cost (s, i, s->group_of[i]);

  return total / 2;
}

/* Moves @i to group @to, keeping c[][] up to date. */
static void
move_person (Search *s,
             guint   i,
             guint   to)
{
  guint from = s->group_of[i];

  for (guint x = 0; x < s->n; x++)
    {
      gint64 w = pair_cost (s, x, i);

      *group_cost (s, x, from) -= w;
      *group_cost (s, x, to) += w;
    }

  s->group_of[i] = to;
  s->group_size[from]--;
  s->group_size[to]++;
}

/* Swaps and moves people between groups while that lowers the cost; a move
 * takes someone from a larger group to one smaller by one, which keeps the
 * sizes. Ends in a grouping no single swap or move improves. */
static void
local_search (Search *s)
{
  gboolean improved = TRUE;

  while (improved)
    {
      improved = FALSE;

      for (guint i = 0; i < s->n; i++)
        {
          for (guint j = i + 1; j < s->n; j++)
            {
              guint a = s->group_of[i];
              guint b = s->group_of[j];
              gint64 delta;

              if (a == b)
                continue;

              delta = *group_cost (s, i, b) + *group_cost (s, j, a)
                      - *group_cost (s, i, a) - *group_cost (s, j, b)
                      - 2 * pair_cost (s, i, j);
              if (delta < 0)
                {
                  move_person (s, i, b);
                  move_person (s, j, a);
                  improved = TRUE;
                }
            }

          for (guint g = 0; g < s->k; g++)
            {
              guint a = s->group_of[i];

              if (s->group_size[a] == s->group_size[g] + 1
                  && *group_cost (s, i, g) < *group_cost (s, i, a))
                {
                  move_person (s, i, g);
                  improved = TRUE;
                }
            }
        }
    }
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const guint *x = *(const guint * const *) a;
  const guint *y = *(const guint * const *) b;

  /* x[0] is the size, x[1] the first member. */
  if (x[0] != y[0])
    return x[0] > y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1];
}

GPtrArray *
sam_grouping_run (SamGrouping *self,
                  guint        size,
                  guint32      seed)
{
  g_autoptr(GArray) sizes = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree guint *best = NULL;
  GPtrArray *groups;
  gint64 best_cost = G_MAXINT64;
  guint restarts;
  Search s = { 0, };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (size > 0, NULL);

  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sizes = sam_grouping_sizes (self->people->len, size);
  if (sizes->len == 0)
    return groups;

  s.n = self->people->len;
  s.k = sizes->len;
  s.w = g_new0 (gint64, (gsize) s.n * s.n);
  s.group_of = g_new0 (guint, s.n);
  s.group_size = g_new0 (guint, s.k);
  s.c = g_new0 (gint64, (gsize) s.n * s.k);
  s.order = g_new0 (guint, s.n);
  best = g_new0 (guint, s.n);
  fill_pair_costs (self, &s);

  rand = g_rand_new_with_seed (seed);
  restarts = CLAMP (RESTART_BUDGET / s.n, MIN_RESTARTS, MAX_RESTARTS);
  /* One group holds everyone whatever the search does. */
  if (s.k == 1)
    restarts = 1;

  for (guint r = 0; r < restarts && best_cost > 0; r++)
    {
      gint64 cost;

      random_start (&s, rand, sizes);
      local_search (&s);
      cost = total_cost (&s);
      /* Only a strictly better grouping replaces the first, so that the
       * seed chooses among equally good ones. */
      if (cost < best_cost)
        {
          best_cost = cost;
          memcpy (best, s.group_of, sizeof (guint) * s.n);
        }
    }

  /* Members in the order they were added, groups largest first. */
  /* Moves let a group end up with the other of the two sizes, so each
   * list has room for the larger: its size, its first member, members. */
  members = g_ptr_array_new_with_free_func (g_free);
  for (guint g = 0; g < s.k; g++)
    g_ptr_array_add (members, g_new0 (guint, g_array_index (sizes, guint, 0) + 2));
  for (guint i = 0; i < s.n; i++)
    {
      guint *list = g_ptr_array_index (members, best[i]);

      list[2 + list[0]++] = i;
    }
  for (guint g = 0; g < s.k; g++)
    {
      guint *list = g_ptr_array_index (members, g);

      list[1] = list[2];
    }
  g_ptr_array_sort (members, compare_groups);

  for (guint g = 0; g < s.k; g++)
    {
      const guint *list = g_ptr_array_index (members, g);
      char **ids = g_new0 (char *, list[0] + 1);

      for (guint m = 0; m < list[0]; m++)
        ids[m] = g_strdup (g_array_index (self->people, Person, list[2 + m]).id);
      g_ptr_array_add (groups, ids);
    }

  g_free (s.w);
  g_free (s.group_of);
  g_free (s.group_size);
  g_free (s.c);
  g_free (s.order);

  return groups;
}

guint
sam_grouping_count_repeats (SamGrouping *self,
                            GPtrArray   *groups)
{
  guint repeats = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (groups != NULL, 0);

  for (guint g = 0; g < groups->len; g++)
    {
      const char * const *ids = g_ptr_array_index (groups, g);

      for (guint i = 0; ids[i] != NULL; i++)
        for (guint j = i + 1; ids[j] != NULL; j++)
          {
            g_autofree char *key = pair_key (ids[i], ids[j]);

            if (g_hash_table_contains (self->met, key))
              repeats++;
          }
    }

  return repeats;
}

/* With a session */

SamGrouping *
sam_grouping_new_for_session (SamSession *session)
{
  GListModel *participants;
  GListModel *rounds;
  SamGrouping *self;
  guint n;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);

  self = sam_grouping_new ();

  participants = G_LIST_MODEL (sam_session_get_participants (session));
  n = g_list_model_get_n_items (participants);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) participant = g_list_model_get_item (participants, i);

      if (!sam_item_get_boolean (participant, "present"))
        continue;

      sam_grouping_add_person (self,
                               sam_item_get_id (participant),
                               sam_item_get_string (participant, "municipality"),
                               sam_item_get_strv (participant, "perspectives"));
    }

  rounds = G_LIST_MODEL (sam_session_get_group_rounds (session));
  n = g_list_model_get_n_items (rounds);
  for (guint r = 0; r < n; r++)
    {
      g_autoptr(SamItem) round = g_list_model_get_item (rounds, r);
      GVariant *groups = sam_item_get_variant (round, "groups");
      gsize n_groups = groups != NULL ? g_variant_n_children (groups) : 0;

      for (gsize g = 0; g < n_groups; g++)
        {
          g_autoptr(GVariant) group = g_variant_get_child_value (groups, g);
          g_autofree const char **ids = g_variant_get_strv (group, NULL);

          for (guint i = 0; ids[i] != NULL; i++)
            for (guint j = i + 1; ids[j] != NULL; j++)
              sam_grouping_add_met (self, ids[i], ids[j]);
        }
    }

  return self;
}

SamItem *
sam_grouping_record (SamSession *session,
                     SamItem    *prompt,
                     GPtrArray  *groups)
{
  g_autoptr(SamItem) round = NULL;
  GVariantBuilder builder;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (prompt == NULL || SAM_IS_PROMPT (prompt), NULL);
  g_return_val_if_fail (groups != NULL, NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aas"));
  for (guint g = 0; g < groups->len; g++)
    {
      const char * const *ids = g_ptr_array_index (groups, g);

      g_variant_builder_add_value (&builder, g_variant_new_strv (ids, -1));
    }

  round = sam_item_new (SAM_TYPE_GROUP_ROUND, NULL);
  g_object_set (round,
                "prompt", prompt != NULL ? sam_item_get_id (prompt) : "",
                "created", g_get_real_time (),
                "groups", g_variant_builder_end (&builder),
                NULL);

  /* Translators: the name of the step to undo after forming groups */
  sam_session_begin (session, _("Form Groups"));
  sam_session_insert (session, session, "group-rounds", G_MAXUINT, round);
  sam_session_end (session);

  /* The session holds it now. */
  return round;
}

SamItem *
sam_grouping_find_round (SamSession *session,
                         SamItem    *prompt)
{
  GListModel *rounds;
  const char *id;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (SAM_IS_PROMPT (prompt), NULL);

  id = sam_item_get_id (prompt);
  rounds = G_LIST_MODEL (sam_session_get_group_rounds (session));
  for (guint i = g_list_model_get_n_items (rounds); i > 0; i--)
    {
      g_autoptr(SamItem) round = g_list_model_get_item (rounds, i - 1);

      if (g_strcmp0 (sam_item_get_string (round, "prompt"), id) == 0)
        return round;
    }

  return NULL;
}

GPtrArray *
sam_grouping_round_names (SamSession *session,
                          SamItem    *round)
{
  GPtrArray *names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GVariant *groups;
  GVariantIter iter;
  GVariant *group;

  g_return_val_if_fail (SAM_IS_SESSION (session), names);
  g_return_val_if_fail (SAM_IS_GROUP_ROUND (round), names);

  groups = sam_item_get_variant (round, "groups");
  if (groups == NULL || !g_variant_is_of_type (groups, G_VARIANT_TYPE ("aas")))
    return names;

  g_variant_iter_init (&iter, groups);
  while ((group = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autofree const char **ids = g_variant_get_strv (group, NULL);
      g_auto(GStrv) strv = NULL;

      for (guint i = 0; ids[i] != NULL; i++)
        {
          SamItem *person = sam_session_lookup (session, ids[i]);

          if (person != NULL && SAM_IS_PARTICIPANT (person))
            g_strv_builder_add (builder, sam_item_get_string (person, "name"));
        }
      g_variant_unref (group);

      strv = g_strv_builder_end (builder);
      if (strv[0] != NULL)
        g_ptr_array_add (names, g_steal_pointer (&strv));
    }

  return names;
}
