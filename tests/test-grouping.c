/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sam-entities.h"
#include "sam-grouping.h"
#include "sam-session.h"

static const char * const perspective_ids[] = { "school", "region", "civil", "business" };
static const char * const municipality_names[] = { "Karlskrona", "Ronneby", "Karlshamn", "" };

static char *
person_id (guint i)
{
  return g_strdup_printf ("p%02u", i);
}

/* A roster of @n people with random perspectives (none, one or two),
 * municipalities (some empty) and people who met, drawn from @rand. */
static SamGrouping *
random_roster (GRand *rand,
               guint  n,
               double met_chance)
{
  SamGrouping *grouping = sam_grouping_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = person_id (i);
      const char *perspectives[3] = { NULL, NULL, NULL };
      guint n_perspectives = (guint) g_rand_int_range (rand, 0, 3);

      for (guint p = 0; p < n_perspectives; p++)
        perspectives[p] = perspective_ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (perspective_ids))];
      sam_grouping_add_person (grouping, id,
                               municipality_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (municipality_names))],
                               perspectives);
    }

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (g_rand_double (rand) < met_chance)
        {
          g_autofree char *a = person_id (i);
          g_autofree char *b = person_id (j);

          sam_grouping_add_met (grouping, a, b);
        }

  return grouping;
}

static gboolean
groups_equal (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint g = 0; g < a->len; g++)
    if (!g_strv_equal (g_ptr_array_index (a, g), g_ptr_array_index (b, g)))
      return FALSE;

  return TRUE;
}

/* Everyone exactly once, in groups of the sizes sam_grouping_sizes() gives,
 * largest first. */
static void
assert_valid (GPtrArray *groups,
              guint      n,
              guint      size)
{
  g_autoptr(GArray) sizes = sam_grouping_sizes (n, size);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (groups->len, ==, sizes->len);
  for (guint g = 0; g < groups->len; g++)
    {
      const char * const *ids = g_ptr_array_index (groups, g);

      g_assert_cmpuint (g_strv_length ((char **) ids), ==, g_array_index (sizes, guint, g));
      for (guint i = 0; ids[i] != NULL; i++)
        g_assert_true (g_hash_table_add (seen, (gpointer) ids[i]));
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = person_id (i);

      g_assert_true (g_hash_table_contains (seen, id));
    }
}

/* Sizes */

static void
test_sizes (void)
{
  static const struct
  {
    guint n, size;
    guint expected[8];  /* 0-terminated */
  } cases[] = {
    { 0, 2, { 0 } },
    { 1, 2, { 1, 0 } },
    { 2, 2, { 2, 0 } },
    { 3, 2, { 3, 0 } },
    { 7, 2, { 3, 2, 2, 0 } },
    { 4, 3, { 4, 0 } },
    { 5, 3, { 5, 0 } },
    { 6, 3, { 3, 3, 0 } },
    { 7, 3, { 4, 3, 0 } },
    { 9, 3, { 3, 3, 3, 0 } },
    { 12, 4, { 4, 4, 4, 0 } },
    { 14, 4, { 5, 5, 4, 0 } },
    { 3, 5, { 3, 0 } },
    { 11, 5, { 6, 5, 0 } },
    { 3, 1, { 1, 1, 1, 0 } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GArray) sizes = sam_grouping_sizes (cases[c].n, cases[c].size);
      guint n_expected = 0;

      while (cases[c].expected[n_expected] != 0)
        n_expected++;
      g_assert_cmpuint (sizes->len, ==, n_expected);
      for (guint g = 0; g < n_expected; g++)
        g_assert_cmpuint (g_array_index (sizes, guint, g), ==, cases[c].expected[g]);
    }
}

static void
test_describe (void)
{
  static const struct
  {
    guint       n, size;
    const char *expected;
  } cases[] = {
    { 7, 2, "7 people: 2 pairs and 1 trio" },
    { 12, 4, "12 people: 3 groups of 4" },
    { 9, 3, "9 people: 3 trios" },
    { 1, 2, "1 person: alone" },
    { 2, 2, "2 people: 1 pair" },
    { 3, 2, "3 people: 1 trio" },
    { 4, 3, "4 people: 1 group of 4" },
    { 7, 3, "7 people: 1 trio and 1 group of 4" },
    { 11, 5, "11 people: 1 group of 5 and 1 group of 6" },
    { 3, 1, "3 people: each alone" },
    { 0, 2, "No one to put in groups" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *text = sam_grouping_describe_sizes (cases[c].n, cases[c].size);

      g_assert_cmpstr (text, ==, cases[c].expected);
    }
}

/* Invariants on many random rosters */

static void
test_random_invariants (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);
  static const guint group_sizes[] = { 2, 3, 4, 5 };

  for (guint r = 0; r < 300; r++)
    {
      guint n = (guint) g_rand_int_range (rand, 0, 61);
      guint size = group_sizes[r % G_N_ELEMENTS (group_sizes)];
      g_autoptr(SamGrouping) grouping = random_roster (rand, n, g_rand_double_range (rand, 0, 0.3));
      guint32 seed = g_rand_int (rand);
      g_autoptr(GPtrArray) groups = sam_grouping_run (grouping, size, seed);
      g_autoptr(GPtrArray) again = sam_grouping_run (grouping, size, seed);
      guint smallest = G_MAXUINT, largest = 0;

      assert_valid (groups, n, size);
      g_assert_true (groups_equal (groups, again));

      for (guint g = 0; g < groups->len; g++)
        {
          guint len = g_strv_length (g_ptr_array_index (groups, g));

          smallest = MIN (smallest, len);
          largest = MAX (largest, len);
        }
      if (n >= 2)
        g_assert_cmpuint (smallest, >=, 2);
      if (n > 0)
        g_assert_cmpuint (largest - smallest, <=, 1);
    }
}

static void
test_reshuffle (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(SamGrouping) grouping = random_roster (rand, 12, 0.0);
  g_autoptr(GPtrArray) first = sam_grouping_run (grouping, 2, 1);
  g_autoptr(GPtrArray) second = sam_grouping_run (grouping, 2, 2);
  guint differ = 0;

  assert_valid (second, 12, 2);
  g_assert_false (groups_equal (first, second));

  /* Not one lucky pair of seeds: most reshuffles of rosters of 6 or more
   * change something. */
  for (guint r = 0; r < 100; r++)
    {
      guint n = (guint) g_rand_int_range (rand, 6, 40);
      g_autoptr(SamGrouping) roster = random_roster (rand, n, 0.05);
      g_autoptr(GPtrArray) a = sam_grouping_run (roster, 2 + r % 3, r);
      g_autoptr(GPtrArray) b = sam_grouping_run (roster, 2 + r % 3, r + 1000);

      if (!groups_equal (a, b))
        differ++;
    }
  g_test_message ("%u of 100 reshuffles changed the groups", differ);
  g_assert_cmpuint (differ, >=, 80);
}

/* Brute force on small rosters */

typedef struct
{
  guint          n;
  const guint   *sizes;
  guint          k;
  const gboolean *met;     /* n × n */
  const gint64  *mixing;   /* n × n: 2 for a shared perspective, 1 for a shared place */
  guint         *group_of;
  guint         *fill;
  guint          best_repeats;
  gint64         best_mixing;  /* of the groupings with best_repeats */
} Brute;

static void
brute_score (Brute *b)
{
  guint repeats = 0;
  gint64 mixing = 0;

  for (guint i = 0; i < b->n; i++)
    for (guint j = i + 1; j < b->n; j++)
      if (b->group_of[i] == b->group_of[j])
        {
          repeats += b->met[i * b->n + j] ? 1 : 0;
          mixing += b->mixing[i * b->n + j];
        }

  if (repeats < b->best_repeats || (repeats == b->best_repeats && mixing < b->best_mixing))
    {
      b->best_repeats = repeats;
      b->best_mixing = mixing;
    }
}

/* Every assignment of people to groups with the given sizes. Groups of the
 * same size are interchangeable, so some groupings are seen more than once,
 * which costs only time. */
static void
brute_next (Brute *b,
            guint  i)
{
  if (i == b->n)
    {
      brute_score (b);
      return;
    }

  for (guint g = 0; g < b->k; g++)
    {
      if (b->fill[g] == b->sizes[g])
        continue;
      b->group_of[i] = g;
      b->fill[g]++;
      brute_next (b, i + 1);
      b->fill[g]--;
    }
}

static void
test_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);
  guint checked = 0;

  for (guint r = 0; r < 400; r++)
    {
      guint n = (guint) g_rand_int_range (rand, 2, 10);
      guint size = 2 + r % 3;
      g_autoptr(GArray) sizes = sam_grouping_sizes (n, size);
      g_autoptr(SamGrouping) grouping = sam_grouping_new ();
      g_autofree gboolean *met = g_new0 (gboolean, n * n);
      g_autofree gint64 *mixing = g_new0 (gint64, n * n);
      g_autofree guint *group_of = g_new0 (guint, n);
      g_autofree guint *fill = g_new0 (guint, sizes->len);
      g_autofree int *perspective = g_new0 (int, n);
      g_autofree int *place = g_new0 (int, n);
      double met_chance = g_rand_double_range (rand, 0.1, 0.7);
      Brute b = { n, (const guint *) (gpointer) sizes->data, sizes->len, met, mixing,
                  group_of, fill, G_MAXUINT, G_MAXINT64 };

      /* One perspective and one place each, so that the mixing cost is
       * simple to state. */
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = person_id (i);
          const char *perspectives[] = { NULL, NULL };

          perspective[i] = g_rand_int_range (rand, 0, 3);
          place[i] = g_rand_int_range (rand, 0, 3);
          perspectives[0] = perspective_ids[perspective[i]];
          sam_grouping_add_person (grouping, id, municipality_names[place[i]], perspectives);
        }
      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            if (g_rand_double (rand) < met_chance)
              {
                g_autofree char *a = person_id (i);
                g_autofree char *c = person_id (j);

                /* Either order names the same pair. */
                if (g_rand_boolean (rand))
                  sam_grouping_add_met (grouping, a, c);
                else
                  sam_grouping_add_met (grouping, c, a);
                met[i * n + j] = TRUE;
              }
            mixing[i * n + j] = (perspective[i] == perspective[j] ? 1000 : 0)
                                + (place[i] == place[j] ? 1 : 0);
          }

      brute_next (&b, 0);

      {
        g_autoptr(GPtrArray) groups = sam_grouping_run (grouping, size, r);
        gint64 found = 0;

        assert_valid (groups, n, size);
        g_assert_cmpuint (sam_grouping_count_repeats (grouping, groups), ==, b.best_repeats);

        /* With the fewest repeats, also the best mix. */
        for (guint g = 0; g < groups->len; g++)
          {
            const char * const *ids = g_ptr_array_index (groups, g);

            for (guint x = 0; ids[x] != NULL; x++)
              for (guint y = x + 1; ids[y] != NULL; y++)
                {
                  guint i = (guint) g_ascii_strtoull (ids[x] + 1, NULL, 10);
                  guint j = (guint) g_ascii_strtoull (ids[y] + 1, NULL, 10);

                  found += mixing[MIN (i, j) * n + MAX (i, j)];
                }
          }
        g_assert_cmpint (found, ==, b.best_mixing);
        checked++;
      }
    }

  g_test_message ("%u rosters checked against every grouping", checked);
}

/* Two perspectives, evenly split, nobody met: every pair is mixed. */
static void
test_mixed_pairs (void)
{
  for (guint n = 2; n <= 40; n += 2)
    {
      g_autoptr(SamGrouping) grouping = sam_grouping_new ();
      g_autoptr(GPtrArray) groups = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = person_id (i);
          const char *perspectives[] = { perspective_ids[i < n / 2 ? 0 : 1], NULL };

          sam_grouping_add_person (grouping, id, NULL, perspectives);
        }

      groups = sam_grouping_run (grouping, 2, n);
      assert_valid (groups, n, 2);
      for (guint g = 0; g < groups->len; g++)
        {
          const char * const *ids = g_ptr_array_index (groups, g);
          guint a = (guint) g_ascii_strtoull (ids[0] + 1, NULL, 10);
          guint b = (guint) g_ascii_strtoull (ids[1] + 1, NULL, 10);

          g_assert_cmpint (a < n / 2, !=, b < n / 2);
        }
    }
}

/* Rounds after rounds: with 8 people in pairs, 7 rounds can avoid every
 * repeat (a round-robin exists); the search finds at least the first few. */
static void
test_rounds_avoid_repeats (void)
{
  g_autoptr(SamGrouping) grouping = sam_grouping_new ();

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *id = person_id (i);

      sam_grouping_add_person (grouping, id, NULL, NULL);
    }

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(GPtrArray) groups = sam_grouping_run (grouping, 2, round);

      g_assert_cmpuint (sam_grouping_count_repeats (grouping, groups), ==, 0);
      for (guint g = 0; g < groups->len; g++)
        {
          const char * const *ids = g_ptr_array_index (groups, g);

          sam_grouping_add_met (grouping, ids[0], ids[1]);
        }
    }
}

/* With a session */

static SamItem *
add_participant (SamSession *session,
                 const char *name,
                 const char *municipality,
                 SamItem    *perspective,
                 gboolean    present)
{
  g_autoptr(SamItem) participant = sam_item_new (SAM_TYPE_PARTICIPANT, NULL);
  const char *ids[] = { sam_item_get_id (perspective), NULL };

  g_object_set (participant,
                "name", name,
                "municipality", municipality,
                "perspectives", ids,
                "present", present,
                NULL);
  sam_session_insert (session, session, "participants", G_MAXUINT, participant);
  /* The session keeps it. */
  return participant;
}

static SamItem *
perspective_at (SamSession *session,
                guint       index)
{
  g_autoptr(SamItem) perspective =
    g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (session)), index);

  g_assert_nonnull (perspective);
  /* The session keeps it. */
  return perspective;
}

static void
test_session (void)
{
  g_autoptr(SamSession) session = sam_session_new ();
  g_autoptr(SamItem) prompt = sam_item_new (SAM_TYPE_PROMPT, NULL);
  GListModel *rounds = G_LIST_MODEL (sam_session_get_group_rounds (session));
  SamItem *people[7];
  g_autoptr(SamGrouping) grouping = NULL;
  g_autoptr(SamGrouping) after = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) earlier = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  SamItem *round;
  GVariant *recorded;

  g_object_set (prompt, "text", "What brought you here?", NULL);
  sam_session_insert (session, session, "prompts", G_MAXUINT, prompt);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      /* The fourth is not here today. */
      people[i] = add_participant (session, name, i % 2 ? "Ronneby" : "Karlskrona",
                                   perspective_at (session, i % 3), i != 3);
    }

  /* An earlier round put 0, 1 and 2 together, and 3 (absent now) with 4. */
  {
    const char *a[] = { sam_item_get_id (people[0]), sam_item_get_id (people[1]),
                        sam_item_get_id (people[2]), NULL };
    const char *b[] = { sam_item_get_id (people[3]), sam_item_get_id (people[4]), NULL };

    g_ptr_array_add (earlier, g_strdupv ((char **) a));
    g_ptr_array_add (earlier, g_strdupv ((char **) b));
  }
  round = sam_grouping_record (session, NULL, earlier);
  g_assert_nonnull (round);
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 1);
  g_assert_cmpstr (sam_item_get_string (round, "prompt"), ==, "");

  grouping = sam_grouping_new_for_session (session);
  g_assert_cmpuint (sam_grouping_get_n_people (grouping), ==, 6);
  /* Met pairs come from the rounds: 0-1, 0-2, 1-2 (3-4 counts too, but 3
   * is not in the grouping). */
  g_assert_cmpuint (sam_grouping_count_repeats (grouping, earlier), ==, 4);

  groups = sam_grouping_run (grouping, 2, 7);
  g_assert_cmpuint (groups->len, ==, 3);
  g_assert_cmpuint (sam_grouping_count_repeats (grouping, groups), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (i != 3)
      g_hash_table_add (present, (gpointer) sam_item_get_id (people[i]));
  for (guint g = 0; g < groups->len; g++)
    {
      const char * const *ids = g_ptr_array_index (groups, g);

      for (guint i = 0; ids[i] != NULL; i++)
        g_assert_true (g_hash_table_remove (present, ids[i]));
    }
  g_assert_cmpuint (g_hash_table_size (present), ==, 0);

  round = sam_grouping_record (session, prompt, groups);
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 2);
  {
    g_autoptr(SamItem) last = g_list_model_get_item (rounds, 1);

    g_assert_true (last == round);
  }
  g_assert_cmpstr (sam_item_get_string (round, "prompt"), ==, sam_item_get_id (prompt));
  g_assert_cmpint (sam_item_get_int64 (round, "created"), >, 0);
  recorded = sam_item_get_variant (round, "groups");
  g_assert_true (g_variant_is_of_type (recorded, G_VARIANT_TYPE ("aas")));
  g_assert_cmpuint (g_variant_n_children (recorded), ==, groups->len);
  for (guint g = 0; g < groups->len; g++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (recorded, g);
      g_autofree const char **ids = g_variant_get_strv (child, NULL);

      g_assert_true (g_strv_equal (ids, g_ptr_array_index (groups, g)));
    }

  /* The new round counts as met. */
  after = sam_grouping_new_for_session (session);
  g_assert_cmpuint (sam_grouping_count_repeats (after, groups), ==, groups->len);

  /* The stage finds the prompt's last round and names its people; someone
   * removed since is left out. */
  g_assert_true (sam_grouping_find_round (session, prompt) == round);
  {
    g_autoptr(GPtrArray) names = sam_grouping_round_names (session, round);
    guint n_names = 0;

    g_assert_cmpuint (names->len, ==, groups->len);
    for (guint g = 0; g < names->len; g++)
      {
        char **group_names = g_ptr_array_index (names, g);

        g_assert_cmpuint (g_strv_length (group_names), ==,
                          g_strv_length (g_ptr_array_index (groups, g)));
        for (guint i = 0; group_names[i] != NULL; i++)
          g_assert_true (g_str_has_prefix (group_names[i], "Person "));
        n_names += g_strv_length (group_names);
      }
    g_assert_cmpuint (n_names, ==, 6);
  }
  sam_session_remove (session, people[5]);
  {
    g_autoptr(GPtrArray) names = sam_grouping_round_names (session, round);
    guint n_names = 0;

    for (guint g = 0; g < names->len; g++)
      n_names += g_strv_length (g_ptr_array_index (names, g));
    g_assert_cmpuint (n_names, ==, 5);
  }
  g_assert_true (sam_session_undo (session));

  /* One undo step. */
  g_assert_true (sam_session_undo (session));
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 1);
  g_assert_null (sam_grouping_find_round (session, prompt));
  g_assert_true (sam_session_redo (session));
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 2);
}

/* A large room */

static void
test_timing (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (200);
  g_autoptr(SamGrouping) grouping = random_roster (rand, 200, 0.0);
  static const guint group_sizes[] = { 2, 3, 4, 6 };

  /* Earlier rounds of pairs and groups, more than a long day has, so that
   * a grouping without any cost cannot end the search early. */
  for (guint round = 0; round < 8; round++)
    {
      g_autoptr(GPtrArray) groups = sam_grouping_run (grouping, 2 + round % 4, round);

      for (guint g = 0; g < groups->len; g++)
        {
          const char * const *ids = g_ptr_array_index (groups, g);

          for (guint i = 0; ids[i] != NULL; i++)
            for (guint j = i + 1; ids[j] != NULL; j++)
              sam_grouping_add_met (grouping, ids[i], ids[j]);
        }
    }

  for (guint s = 0; s < G_N_ELEMENTS (group_sizes); s++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) groups = sam_grouping_run (grouping, group_sizes[s], 99);
      gint64 elapsed = g_get_monotonic_time () - start;

      assert_valid (groups, 200, group_sizes[s]);
      g_test_message ("200 people in groups of %u: %.1f ms, %u repeats",
                      group_sizes[s], elapsed / 1000.0,
                      sam_grouping_count_repeats (grouping, groups));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sam_entities_init ();

  g_test_add_func ("/sam/grouping/sizes", test_sizes);
  g_test_add_func ("/sam/grouping/describe", test_describe);
  g_test_add_func ("/sam/grouping/random/invariants", test_random_invariants);
  g_test_add_func ("/sam/grouping/random/reshuffle", test_reshuffle);
  g_test_add_func ("/sam/grouping/optimal/brute-force", test_brute_force);
  g_test_add_func ("/sam/grouping/optimal/mixed-pairs", test_mixed_pairs);
  g_test_add_func ("/sam/grouping/optimal/rounds", test_rounds_avoid_repeats);
  g_test_add_func ("/sam/grouping/session", test_session);
  g_test_add_func ("/sam/grouping/timing", test_timing);

  return g_test_run ();
}
