/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * bench-voices: whether the note-taker's typing stays quick with many
 * voices listed.
 *
 *   bench-voices [--voices N] [--captures N] [--keys N] [--shows N] [--screenshot FILE.png]
 *
 * (under a display, e.g. xvfb-run). Builds a session with 2,000 voices over
 * six prompts (a fixed seed, a perspective for most), with an agenda of one
 * item per prompt and the last one running, and shows the voices view in a
 * 1920×1080 window, scrolled to the end as the note-taker follows the
 * newest voices. Prints the minimum, median, 95th percentile and maximum in
 * milliseconds of:
 *
 *   - Enter until the entry is empty and ready for the next voice (the
 *     capture returns), over 200 captures;
 *   - Enter until the next frame is painted (the frame clock's
 *     after-paint), the frame that shows the new voice;
 *   - a key typed into the entry (a character inserted, as a key press
 *     does) until the next frame is painted, with the voices listed;
 *   - the first showing of the view with the voices: from making it until
 *     its first frame is painted.
 *
 * It also counts the captures whose first painted frame did not show the
 * new voice's row in full. The target is a frame within 16 ms. It renders
 * as the app does: with the cairo renderer unless GSK_RENDERER names
 * another.
 */

#include "config.h"

#include "bench-frames.h"

#include <stdlib.h>

#include <adwaita.h>

#include "sam-entities.h"
#include "sam-session.h"
#include "sam-timer.h"
#include "sam-voices-page.h"

#define N_PROMPTS 6

static int opt_voices = 2000;
static int opt_captures = 200;
static int opt_keys = 200;
static int opt_shows = 10;
static char *opt_screenshot = NULL;

static const GOptionEntry entries[] = {
  { "voices", 'v', 0, G_OPTION_ARG_INT, &opt_voices, "Voices in the session (default 2000)", "N" },
  { "captures", 'c', 0, G_OPTION_ARG_INT, &opt_captures, "Voices to capture (default 200)", "N" },
  { "keys", 'k', 0, G_OPTION_ARG_INT, &opt_keys, "Keys to type (default 200)", "N" },
  { "shows", 's', 0, G_OPTION_ARG_INT, &opt_shows, "Times to show the view anew (default 10)", "N" },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, &opt_screenshot, "Save the window as a PNG at the end", "FILE" },
  { NULL }
};

static const char * const prompts[N_PROMPTS] = {
  "Vad fick dig att komma hit i dag?",
  "Skriv klart meningarna, var och en för sig.",
  "Vilken fråga om barns och ungas hälsa känner du starkast för just nu?",
  "Var ser du en möjlighet som vore synd att låta gå förbi?",
  "Vem saknas i rummet i dag?",
  "Vad gör du annorlunda på måndag?",
};

static const char * const sayings[] = {
  "Jag vill förstå hur andra ser på samma barn som jag möter varje dag.",
  "Hoppas hitta någon i en annan kommun att bolla idéer med.",
  "Vi pratar om ungas mående hela tiden – nu vill jag att det leder någonstans.",
  "Nyfiken på vad ett missionsinriktat arbetssätt betyder i praktiken.",
  "Att få möta folk från skolan – dem träffar jag nästan aldrig i mitt jobb.",
  "Ett par konkreta kontakter att ringa nästa vecka.",
  "Det krävs tillit för att våga prova sådant som kanske inte fungerar.",
  "Idrottsföreningarna når barn som skolan har svårt att nå.",
};

static SamSession *
make_session (GRand *rand)
{
  SamSession *session = sam_session_new ();
  GListModel *perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));
  guint n_perspectives = g_list_model_get_n_items (perspectives);
  SamItem *prompt_items[N_PROMPTS];
  gint64 time = g_get_real_time () - (gint64) opt_voices * 2 * G_USEC_PER_SEC;

  sam_session_begin (session, "prompts");
  for (guint i = 0; i < N_PROMPTS; i++)
    {
      g_autoptr(SamItem) prompt = sam_item_new (SAM_TYPE_PROMPT, NULL);
      g_autoptr(SamItem) item = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);

      g_object_set (prompt, "text", prompts[i], NULL);
      sam_session_insert (session, session, "prompts", G_MAXUINT, prompt);
      prompt_items[i] = prompt;
      g_object_set (item,
                    "title", prompts[i],
                    "activity-kind", SAM_ACTIVITY_PROMPT,
                    "activity-id", sam_item_get_id (prompt),
                    NULL);
      sam_session_insert (session, session, "agenda", G_MAXUINT, item);
    }
  sam_session_end (session);

  /* The voices come prompt by prompt, as the day goes. */
  sam_session_begin (session, "voices");
  for (int i = 0; i < opt_voices; i++)
    {
      g_autoptr(SamItem) voice = sam_item_new (SAM_TYPE_VOICE, NULL);
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives,
                                                              g_rand_int_range (rand, 0, n_perspectives));

      time += g_rand_int_range (rand, 1, 3) * G_USEC_PER_SEC;
      g_object_set (voice,
                    "text", sayings[g_rand_int_range (rand, 0, G_N_ELEMENTS (sayings))],
                    "prompt", sam_item_get_id (prompt_items[(guint64) i * N_PROMPTS / opt_voices]),
                    "time", time,
                    "perspective", i % 4 == 0 ? "" : sam_item_get_id (perspective),
                    "on-stage", i % 50 == 0,
                    NULL);
      sam_session_insert (session, session, "voices", G_MAXUINT, voice);
    }
  sam_session_end (session);

  return session;
}

static GtkWidget *
find_row (GtkWidget *widget,
          SamItem   *voice)
{
  if (ADW_IS_ENTRY_ROW (widget) && g_object_get_data (G_OBJECT (widget), "voice") == voice)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row (child, voice);

      if (row != NULL)
        return row;
    }
  return NULL;
}

/* Whether the row of @voice shows in full in the list's scrolled window. */
static gboolean
voice_shows (GtkWidget *page,
             SamItem   *voice)
{
  GtkWidget *row = find_row (page, voice);
  GtkWidget *scroller;
  graphene_rect_t bounds;

  if (row == NULL || !gtk_widget_get_mapped (row))
    return FALSE;
  scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL || !gtk_widget_compute_bounds (row, scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller) + 0.5;
}

static GtkScrolledWindow *
find_scroller (GtkWidget *widget)
{
  GtkPolicyType vertical = GTK_POLICY_NEVER;

  /* The list's, not the row of perspective buttons that scrolls sideways
   * nor the drop-down's (hidden) list. */
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (widget), NULL, &vertical);
  if (vertical != GTK_POLICY_NEVER)
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scroller (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Scrolls the list of voices to its end, as far as it goes. */
static void
scroll_to_end (GtkWidget *page)
{
  GtkScrolledWindow *scroller = find_scroller (page);
  GtkAdjustment *adjustment;

  if (scroller == NULL)
    {
      g_printerr ("No scrolled list found: the view is not scrolled to the end\n");
      return;
    }
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  for (guint i = 0; i < 50; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      bench_settle (30);
      if (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) >=
          gtk_adjustment_get_upper (adjustment) - 1)
        return;
    }
}

static GtkWidget *
show_page (GtkWindow  *window,
           SamSession *session,
           SamTimer   *timer)
{
  GtkWidget *page = g_object_new (SAM_TYPE_VOICES_PAGE, NULL);

  sam_voices_page_set_session (SAM_VOICES_PAGE (page), session);
  sam_voices_page_set_timer (SAM_VOICES_PAGE (page), timer);
  gtk_window_set_child (window, page);
  return page;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  g_autoptr(SamSession) session = NULL;
  g_autoptr(SamTimer) timer = NULL;
  g_autoptr(GArray) show_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) capture_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) capture_paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GListModel *voices;
  GtkWidget *window, *page = NULL;
  GtkEditable *entry;
  GdkFrameClock *frame_clock;
  BenchClock clock = { 0 };
  double first_show = 0;
  int unseen = 0;

  /* The app's own default (src/main.c). */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  opt_voices = CLAMP (opt_voices, N_PROMPTS, 1000000);
  opt_captures = CLAMP (opt_captures, 1, 100000);
  opt_keys = CLAMP (opt_keys, 1, 100000);
  opt_shows = CLAMP (opt_shows, 1, 1000);

  if (!gtk_init_check ())
    {
      g_printerr ("bench-voices needs a display (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();

  session = make_session (rand);
  voices = G_LIST_MODEL (sam_session_get_voices (session));
  {
    g_autoptr(SamClock) system_clock = sam_clock_dup_system ();

    timer = sam_timer_new (session, system_clock);
    if (!sam_timer_start_item (timer, N_PROMPTS - 1))
      g_error ("The last agenda item did not start");
  }

  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("…"));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window) || gtk_widget_get_width (window) < 100)
    g_main_context_iteration (NULL, TRUE);

  frame_clock = gtk_widget_get_frame_clock (window);
  bench_clock_attach (&clock, frame_clock);
  bench_wait_for_frame (&clock);
  bench_settle (500);

  /* (d) The view shown with the voices, anew each time (the first time
   * also loads its template and styles). */
  for (int i = 0; i < opt_shows; i++)
    {
      gint64 start;

      if (page != NULL)
        {
          gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("…"));
          bench_wait_for_frame (&clock);
          bench_settle (200);
        }
      start = g_get_monotonic_time ();
      page = show_page (GTK_WINDOW (window), session, timer);
      bench_wait_for_frame (&clock);
      if (i == 0)
        first_show = (clock.painted - start) / 1000.0;
      else
        bench_append_ms (show_ms, start, clock.painted);
    }
  bench_settle (500);
  entry = sam_voices_page_get_entry (SAM_VOICES_PAGE (page));
  sam_voices_page_focus_entry (SAM_VOICES_PAGE (page));
  scroll_to_end (page);
  bench_settle (300);

  /* (a, b) Enter, 200 times. */
  for (int i = 0; i < opt_captures; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s (%d)", sayings[g_rand_int_range (rand, 0, G_N_ELEMENTS (sayings))], i);
      g_autoptr(SamItem) voice = NULL;
      gint64 start, returned;

      gtk_editable_set_text (entry, text);
      bench_settle (g_rand_int_range (rand, 5, 40));

      start = g_get_monotonic_time ();
      g_signal_emit_by_name (entry, "activate");
      returned = g_get_monotonic_time ();
      if (gtk_editable_get_text (entry)[0] != '\0')
        g_error ("The entry was not emptied");
      bench_wait_for_frame (&clock);

      bench_append_ms (capture_ms, start, returned);
      bench_append_ms (capture_paint_ms, start, clock.painted);
      bench_append_ms (frame_ms, clock.begun, clock.painted);

      voice = g_list_model_get_item (voices, g_list_model_get_n_items (voices) - 1);
      if (!voice_shows (page, voice))
        unseen++;
    }

  /* (c) Typing, a key at a time. */
  for (int i = 0; i < opt_keys; i++)
    {
      int position;
      gint64 start;

      if (i % 40 == 0)
        {
          gtk_editable_set_text (entry, "");
          bench_wait_for_frame (&clock);
        }
      bench_settle (g_rand_int_range (rand, 20, 60));
      position = -1;
      start = g_get_monotonic_time ();
      gtk_editable_insert_text (entry, i % 6 == 5 ? " " : "a", 1, &position);
      bench_wait_for_frame (&clock);
      bench_append_ms (key_ms, start, clock.painted);
    }
  gtk_editable_set_text (entry, "");

  if (opt_screenshot != NULL)
    bench_save_screenshot (window, opt_screenshot);

  g_print ("Voices view with %d voices over %d prompts, window %d×%d, %s renderer:\n",
           opt_voices, N_PROMPTS, gtk_widget_get_width (window), gtk_widget_get_height (window),
           g_getenv ("GSK_RENDERER"));
  bench_print_header ();
  bench_print_row ("Enter to entry empty and ready", capture_ms);
  bench_print_row ("Enter to next frame painted", capture_paint_ms);
  bench_print_row ("  that frame (before to after paint)", frame_ms);
  bench_print_row ("key typed to next frame painted", key_ms);
  g_print ("  %-44s %7.2f\n", "first showing to first frame, first time", first_show);
  bench_print_row ("first showing to first frame, again", show_ms);
  g_print ("captures whose first frame did not show the new voice: %d of %d\n", unseen, opt_captures);
  g_print ("target: 16 ms\n");

  g_signal_handlers_disconnect_by_data (frame_clock, &clock);
  gtk_window_destroy (GTK_WINDOW (window));
  g_free (opt_screenshot);

  return 0;
}
