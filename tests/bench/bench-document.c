/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-document: how long a large session takes to save and to load.
 *
 *   bench-document [--runs N] [--notes N] [--voices N] [--balloons N] [--keep]
 *
 * Builds a session with 5,000 notes on three walls, 2,000 voices and 300
 * balloons (plus an agenda, perspectives, participants, prompts and group
 * rounds), then N times (default 20): serializes it, writes it durably to a
 * temporary folder, and loads it back (read, parse, validate). Prints the
 * median, minimum and maximum of each step in milliseconds and the file
 * size. The targets on the reference machine are 100 ms to load and 100 ms
 * to save (serialize + durable write).
 */

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "sam-file.h"
#include "sam-json.h"
#include "sam-session.h"

static int opt_runs = 20;
static int opt_notes = 5000;
static int opt_voices = 2000;
static int opt_balloons = 300;
static gboolean opt_keep = FALSE;

static const GOptionEntry entries[] = {
  { "runs", 'n', 0, G_OPTION_ARG_INT, &opt_runs, "How many times to save and load (default 20)", "N" },
  { "notes", 0, 0, G_OPTION_ARG_INT, &opt_notes, "Notes in the session (default 5000)", "N" },
  { "voices", 0, 0, G_OPTION_ARG_INT, &opt_voices, "Voices in the session (default 2000)", "N" },
  { "balloons", 0, 0, G_OPTION_ARG_INT, &opt_balloons, "Balloons in the session (default 300)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the generated file and print its path", NULL },
  { NULL }
};

/* Sentences of the length people type during a workshop. */
static const char * const words[] = {
  "hur", "når", "vi", "de", "unga", "som", "inte", "redan", "är", "med", "skolan",
  "kommunen", "föreningar", "behöver", "tid", "att", "lära", "känna", "varandra",
  "samverkan", "över", "gränser", "psykisk", "hälsa", "fritid", "trygghet", "mötesplatser",
  "idé", "förslag", "fråga", "Blekinge", "forskning", "näringsliv", "region", "tillsammans",
};

static char *
sentence (GRand *rand,
          int    min_words,
          int    max_words)
{
  GString *text = g_string_new (NULL);
  int n = g_rand_int_range (rand, min_words, max_words + 1);

  for (int i = 0; i < n; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, word);
    }
  if (text->len > 0)
    text->str[0] = g_ascii_toupper (text->str[0]);
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

static SamItem *
add (SamSession *session,
     gpointer    parent,
     const char *list,
     GType       type)
{
  g_autoptr(SamItem) item = sam_item_new (type, NULL);

  sam_session_insert (session, parent, list, G_MAXUINT, item);
  return item;
}

static const char *
pick_id (GRand      *rand,
         GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(SamItem) item = g_list_model_get_item (G_LIST_MODEL (store),
                                                   g_rand_int_range (rand, 0, n));

  /* The store keeps the item alive. */
  return sam_item_get_id (item);
}

static SamSession *
generate (void)
{
  static const char * const agenda[] = {
    "Välkommen", "Orientering", "Inspel", "Reflektion", "Dialog i par", "Paus",
    "Dialog i trio", "Väggen", "Frågor", "Summering", "Nästa steg", "Avslut",
  };
  SamSession *s = sam_session_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20231218);
  GListStore *perspectives = sam_session_get_perspectives (s);
  GListStore *participants = sam_session_get_participants (s);
  GListStore *prompts = sam_session_get_prompts (s);
  gint64 time = G_GINT64_CONSTANT (1702900800000000);
  int n_walls = 3, n_columns = 4;

  sam_session_begin (s, "generate");

  sam_session_set (s, s,
                   "title", "Stor samling", "date", "2023-12-18", "place", "Karlskrona",
                   "start-time", "13:00", "end-time", "17:00",
                   "purpose", "Att mäta hur snabbt en stor session sparas och läses.",
                   "goal", "Under 100 ms.", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (agenda); i++)
    {
      SamItem *item = add (s, s, "agenda", SAM_TYPE_AGENDA_ITEM);
      g_autofree char *notes = sentence (rand, 5, 20);

      sam_session_set (s, item, "title", agenda[i], "duration", 15 * 60, "notes", notes,
                       "kind", (int) (i % 7), "actual-start", time + i * 900 * G_USEC_PER_SEC,
                       "actual-end", time + (i + 1) * 900 * G_USEC_PER_SEC, NULL);
    }

  for (int i = 0; i < 80; i++)
    {
      SamItem *item = add (s, s, "participants", SAM_TYPE_PARTICIPANT);
      const char *ids[] = { pick_id (rand, perspectives), NULL };
      g_autofree char *organisation = sentence (rand, 1, 3);

      sam_session_set (s, item, "organisation", organisation, "municipality", "Ronneby",
                       "perspectives", ids, NULL);
    }

  for (int i = 0; i < opt_balloons; i++)
    {
      SamItem *item = add (s, s, "balloons", SAM_TYPE_BALLOON);

      sam_session_set (s, item,
                       "perspective", pick_id (rand, perspectives),
                       "participant", i % 2 == 0 ? pick_id (rand, participants) : "",
                       "x", g_rand_double (rand), "y", g_rand_double (rand), NULL);
    }

  for (int i = 0; i < 40; i++)
    {
      SamItem *item = add (s, s, "prompts", SAM_TYPE_PROMPT);
      g_autofree char *text = sentence (rand, 6, 16);
      const char *starters[] = { "Jag tänker att …", "Det viktigaste är …", NULL };

      sam_session_set (s, item, "text", text, "format", i % 5, "duration", 300,
                       "starters", starters, NULL);
    }

  for (int i = 0; i < 10; i++)
    {
      SamItem *item = add (s, s, "group-rounds", SAM_TYPE_GROUP_ROUND);
      GVariantBuilder builder;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("aas"));
      for (int g = 0; g < 20; g++)
        {
          const char *pair[] = { pick_id (rand, participants), pick_id (rand, participants), NULL };

          g_variant_builder_add_value (&builder, g_variant_new_strv (pair, -1));
        }
      sam_session_set (s, item, "prompt", pick_id (rand, prompts), "created", time,
                       "groups", g_variant_builder_end (&builder), NULL);
    }

  for (int i = 0; i < opt_voices; i++)
    {
      SamItem *item = add (s, s, "voices", SAM_TYPE_VOICE);
      g_autofree char *text = sentence (rand, 6, 24);

      sam_session_set (s, item, "text", text, "prompt", pick_id (rand, prompts),
                       "time", time + i * G_USEC_PER_SEC,
                       "perspective", pick_id (rand, perspectives), NULL);
    }

  for (int w = 0; w < n_walls; w++)
    {
      SamItem *wall = add (s, s, "walls", SAM_TYPE_WALL);
      g_autofree char *title = g_strdup_printf ("Vägg %d", w + 1);

      sam_session_set (s, wall, "title", title, NULL);
      for (int c = 0; c < n_columns; c++)
        {
          SamItem *column = add (s, wall, "columns", SAM_TYPE_COLUMN);
          int index = w * n_columns + c;
          int first = opt_notes * index / (n_walls * n_columns);
          int last = opt_notes * (index + 1) / (n_walls * n_columns);
          g_autofree char *column_title = sentence (rand, 1, 4);

          sam_session_set (s, column, "title", column_title, NULL);
          for (int i = first; i < last; i++)
            {
              SamItem *note = add (s, column, "notes", SAM_TYPE_NOTE);
              g_autofree char *text = sentence (rand, 3, 18);

              sam_session_set (s, note, "text", text, "color", i % 6,
                               "votes", g_rand_int_range (rand, 0, 8),
                               "time", time + i * 500000, NULL);
            }
        }
    }

  sam_session_end (s);

  return s;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *times)
{
  double *t = (double *) times->data;

  g_array_sort (times, compare_doubles);
  g_print ("%-28s median %7.2f ms   min %7.2f ms   max %7.2f ms\n",
           what, t[times->len / 2], t[0], t[times->len - 1]);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time saving and loading a large session");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSession) session = NULL;
  g_autoptr(GArray) serialize_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) write_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) parse_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gsize size = 0;
  gint64 start;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_runs < 1 || opt_notes < 0 || opt_voices < 0 || opt_balloons < 0)
    {
      g_printerr ("The counts must not be negative and --runs at least 1.\n");
      return 2;
    }

  dir = g_dir_make_tmp ("samling-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "bench.samling", NULL);
  file = g_file_new_for_path (path);

  start = g_get_monotonic_time ();
  session = generate ();
  g_print ("Generated %d notes, %d voices, %d balloons in %.0f ms\n",
           opt_notes, opt_voices, opt_balloons, ms_since (start));

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr(SamSession) loaded = NULL;
      g_autoptr(SamSession) parsed = NULL;
      g_autoptr(GBytes) contents = NULL;
      g_autofree char *data = NULL;
      double serialize_ms, write_ms, ms;

      start = g_get_monotonic_time ();
      data = sam_json_save_data (session, &size);
      serialize_ms = ms_since (start);
      g_array_append_val (serialize_times, serialize_ms);

      start = g_get_monotonic_time ();
      if (!sam_file_replace_contents (file, data, size, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      write_ms = ms_since (start);
      g_array_append_val (write_times, write_ms);
      ms = serialize_ms + write_ms;
      g_array_append_val (save_times, ms);

      start = g_get_monotonic_time ();
      loaded = sam_file_load (file, &contents, &error);
      ms = ms_since (start);
      if (loaded == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_array_append_val (load_times, ms);

      start = g_get_monotonic_time ();
      parsed = sam_json_load_data (data, size, &error);
      ms = ms_since (start);
      g_assert (parsed != NULL);
      g_array_append_val (parse_times, ms);

      if (run == 0 && !sam_item_equal (SAM_ITEM (session), SAM_ITEM (loaded)))
        {
          g_printerr ("The loaded session differs from the saved one.\n");
          return 1;
        }
    }

  {
    g_autofree char *formatted = g_format_size (size);

    g_print ("File size %s (%" G_GSIZE_FORMAT " bytes), %d runs\n", formatted, size, opt_runs);
  }
  report ("serialize", serialize_times);
  report ("durable write", write_times);
  report ("save (serialize + write)", save_times);
  report ("parse + validate (memory)", parse_times);
  report ("load (read+parse+validate)", load_times);

  if (opt_keep)
    {
      g_print ("Kept %s\n", path);
    }
  else
    {
      g_unlink (path);
      g_rmdir (dir);
    }

  return 0;
}
