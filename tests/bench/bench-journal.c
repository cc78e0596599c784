/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * How long a committed edit waits for the crash-recovery journal.
 *
 *   bench-journal [N] [FOLDER]
 *
 * Appends N (default 1000) single-operation edits to a journal in a new
 * store in FOLDER (default: a temporary folder, removed afterwards) and
 * prints the median, 99th percentile and worst time of one append; then the
 * same for whole edits (a voice added through the session, journaled by
 * SamJournal). Each append is durable when it returns (WAL, synchronous=FULL),
 * so the figures depend on the disk: run it on the disk the user's data
 * lives on.
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "sam-json.h"
#include "sam-session.h"
#include "sam-store.h"

static void
rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rm_rf (child);
        }
      g_dir_close (dir);
    }

  g_remove (path);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *times)
{
  gint64 *t = (gint64 *) (gpointer) times->data;
  guint n = times->len;
  guint p99 = (n * 99 + 99) / 100 - 1;

  g_array_sort (times, compare_gint64);
  g_print ("%-24s n=%u  median %.3f ms  p99 %.3f ms  max %.3f ms\n",
           what, n, t[n / 2] / 1000.0, t[MIN (p99, n - 1)] / 1000.0, t[n - 1] / 1000.0);
}

static void
collect_ops_cb (SamSession         *session,
                const char * const *ops,
                GPtrArray          *collected)
{
  for (guint i = 0; ops[i] != NULL; i++)
    g_ptr_array_add (collected, g_strdup (ops[i]));
}

static SamItem *
new_voice (guint n)
{
  g_autofree char *text = g_strdup_printf ("Röst %u: vi behöver fler mötesplatser mellan skola och föreningsliv", n);
  SamItem *voice = sam_item_new (SAM_TYPE_VOICE, NULL);

  g_object_set (voice, "text", text, "time", g_get_real_time (), NULL);
  return voice;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 1000;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamSession) session = NULL;
  g_autoptr(SamJournal) journal = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GArray) times = NULL;
  g_autoptr(GBytes) base = NULL;
  g_autofree char *id = NULL;
  gboolean own_dir = argc <= 2;
  gsize length = 0;
  char *data;

  if (n == 0)
    n = 1000;

  dir = own_dir ? g_dir_make_tmp ("samling-bench-XXXXXX", &error)
                : g_build_filename (argv[2], "samling-bench", NULL);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "samling.db", NULL);
  g_remove (path);

  store = sam_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_print ("store: %s\n", path);

  /* Real operations: what adding voices to a session produces. */
  session = sam_session_new ();
  ops = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (session, "committed", G_CALLBACK (collect_ops_cb), ops);
  data = sam_json_save_data (session, &length);
  base = g_bytes_new_take (data, length);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) voice = new_voice (i);

      sam_session_insert (session, session, "voices", G_MAXUINT, voice);
    }
  g_assert (ops->len == n);

  id = sam_store_journal_begin (store, "", "Bench", base, SAM_JOURNAL_BASE_SAVED, &error);
  if (id == NULL)
    g_error ("%s", error->message);

  times = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      const char *one[2] = { g_ptr_array_index (ops, i), NULL };
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      if (!sam_store_journal_append (store, id, one, &error))
        g_error ("%s", error->message);
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (times, elapsed);
    }
  report ("journal append", times);

  /* Whole edits as the note-taker makes them: model, undo and journal. */
  g_clear_object (&session);
  session = sam_session_new ();
  journal = sam_journal_new (store, session, "", NULL, &error);
  if (journal == NULL)
    g_error ("%s", error->message);
  g_array_set_size (times, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) voice = new_voice (i);
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      sam_session_insert (session, session, "voices", G_MAXUINT, voice);
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (times, elapsed);
    }
  report ("edit with journal", times);

  g_clear_object (&journal);
  g_clear_object (&store);
  rm_rf (dir);

  return EXIT_SUCCESS;
}
