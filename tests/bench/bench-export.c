/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-export: how long the session's summary takes to make.
 *
 *   bench-export [--runs N] [--notes N] [--voices N] [--keep]
 *
 * Starts from the demo session (its agenda, perspectives, prompts, map and
 * wall) and adds 2,000 notes on two walls and 1,000 voices (a fixed seed:
 * sentences of workshop length, votes on most notes, a perspective on
 * most, a few hidden), then N times (default 10) makes the whole summary as
 * Markdown, HTML (with its two pictures) and PDF. Prints the minimum,
 * median and maximum of each in milliseconds and its size. No display is
 * needed. The targets on the reference machine: Markdown and HTML within
 * 200 ms, PDF within 1 s.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "sam-export.h"
#include "sam-file.h"
#include "sam-session.h"
#include "sam-wall.h"

static int opt_runs = 10;
static int opt_notes = 2000;
static int opt_voices = 1000;
static gboolean opt_keep = FALSE;

static const GOptionEntry entries[] = {
  { "runs", 'n', 0, G_OPTION_ARG_INT, &opt_runs, "How many times to export (default 10)", "N" },
  { "notes", 0, 0, G_OPTION_ARG_INT, &opt_notes, "Notes added to the demo (default 2000)", "N" },
  { "voices", 0, 0, G_OPTION_ARG_INT, &opt_voices, "Voices added to the demo (default 1000)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the last summaries and print where", NULL },
  { NULL }
};

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
  g_string_append_c (text, '.');
  text->str[0] = g_ascii_toupper (text->str[0]);

  return g_string_free (text, FALSE);
}

static SamItem *
nth (GListStore *store,
     guint       index)
{
  SamItem *item = g_list_model_get_item (G_LIST_MODEL (store), index);

  g_object_unref (item);
  return item;
}

static SamSession *
load_demo (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (SAMLING_DEMO);
  g_autoptr(GError) error = NULL;
  SamSession *session = sam_file_load (file, NULL, &error);

  if (session == NULL)
    g_error ("%s: %s", SAMLING_DEMO, error->message);
  return session;
}

static SamSession *
make_session (void)
{
  SamSession *session = load_demo ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20231218);
  GListStore *perspectives = sam_session_get_perspectives (session);
  GListStore *prompts = sam_session_get_prompts (session);
  GListStore *agenda = sam_session_get_agenda (session);
  guint n_perspectives = g_list_model_get_n_items (G_LIST_MODEL (perspectives));
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  SamItem *wall = nth (sam_session_get_walls (session), 0);
  SamItem *second = sam_wall_add (session, "Nästa steg", TRUE);
  g_autoptr(GDateTime) day = g_date_time_new_utc (2023, 12, 18, 12, 0, 0);
  gint64 start = g_date_time_to_unix (day) * G_USEC_PER_SEC;

  for (guint i = 0; i < 3; i++)
    {
      g_ptr_array_add (columns, nth (sam_item_get_list (wall, "columns"), i));
      g_ptr_array_add (columns, nth (sam_item_get_list (second, "columns"), i));
    }

  for (int i = 0; i < opt_notes; i++)
    {
      g_autofree char *text = sentence (rand, 3, 24);
      SamItem *perspective = nth (perspectives, g_rand_int_range (rand, 0, n_perspectives));
      gboolean with_perspective = g_rand_int_range (rand, 0, 3) > 0;
      SamItem *note = sam_wall_add_note (session, columns->pdata[i % columns->len], G_MAXUINT, text,
                                         g_rand_int_range (rand, 0, 6),
                                         with_perspective ? sam_item_get_id (perspective) : NULL,
                                         g_rand_int_range (rand, 0, 20) == 0);

      sam_session_set (session, note, "votes", g_rand_int_range (rand, 0, 12), NULL);
    }

  for (int i = 0; i < opt_voices; i++)
    {
      g_autoptr(SamItem) voice = sam_item_new (SAM_TYPE_VOICE, NULL);
      g_autofree char *text = sentence (rand, 6, 40);
      SamItem *perspective = nth (perspectives, g_rand_int_range (rand, 0, n_perspectives));
      SamItem *prompt = nth (prompts, g_rand_int_range (rand, 0, g_list_model_get_n_items (G_LIST_MODEL (prompts))));
      SamItem *item = nth (agenda, g_rand_int_range (rand, 0, g_list_model_get_n_items (G_LIST_MODEL (agenda))));

      g_object_set (voice,
                    "text", text,
                    "prompt", sam_item_get_id (prompt),
                    "agenda-item", sam_item_get_id (item),
                    "perspective", sam_item_get_id (perspective),
                    "time", start + (gint64) i * 7 * G_USEC_PER_SEC,
                    NULL);
      sam_session_insert (session, session, "voices", G_MAXUINT, voice);
    }

  return session;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { SamExportFormat format; const char *name; double target; } formats[] = {
    { SAM_EXPORT_MARKDOWN, "Markdown", 200 },
    { SAM_EXPORT_HTML, "HTML", 200 },
    { SAM_EXPORT_PDF, "PDF", 1000 },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the session's summary");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSession) session = NULL;
  g_autofree char *dir = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  opt_runs = MAX (opt_runs, 1);

  sam_entities_init ();
  session = make_session ();
  g_print ("Session: the demo with %d more notes and %d more voices; %d runs\n",
           opt_notes, opt_voices, opt_runs);

  if (opt_keep)
    dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree double *times = g_new (double, opt_runs);
      g_autoptr(GBytes) bytes = NULL;

      for (int run = 0; run < opt_runs; run++)
        {
          gint64 begin = g_get_monotonic_time ();

          g_clear_pointer (&bytes, g_bytes_unref);
          bytes = sam_export_to_bytes (session, formats[f].format, SAM_EXPORT_ALL, &error);
          times[run] = (g_get_monotonic_time () - begin) / 1000.0;
          if (bytes == NULL)
            g_error ("%s: %s", formats[f].name, error->message);
        }

      qsort (times, opt_runs, sizeof (double), compare_doubles);
      g_print ("%-8s  min %7.1f ms  median %7.1f ms  max %7.1f ms  (target %4.0f ms: %s)  %7.1f KiB\n",
               formats[f].name, times[0], times[opt_runs / 2], times[opt_runs - 1],
               formats[f].target, times[opt_runs / 2] <= formats[f].target ? "met" : "MISSED",
               g_bytes_get_size (bytes) / 1024.0);

      if (dir != NULL)
        {
          g_autofree char *name = g_strconcat ("summary.", sam_export_format_extension (formats[f].format), NULL);
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
          g_print ("          kept as %s\n", path);
        }
    }

  return 0;
}
