/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * bench-map: what the participant map costs a frame with many balloons,
 * and how soon an edit shows.
 *
 *   bench-map [--balloons N] [--frames N] [--stage] [--screenshot FILE.png] [FRAMES]
 *
 * (under a display, e.g. xvfb-run). Builds a session with 500 balloons
 * spread over the map (a fixed seed, a fifth of them labelled), shows it in
 * a read-only map view filling a 1920×1080 window as the stage does, and
 * then for each of N frames (default 120) moves one balloon and waits for
 * the window's next painted frame. Prints the minimum, median, 95th
 * percentile and maximum in milliseconds of:
 *
 *   - the map's snapshot (the render nodes of the picture and every
 *     balloon) and rendering that to a texture with the window's renderer;
 *   - the window's frame, from the frame clock's before-paint to
 *     after-paint (layout, snapshot, render and drawing it);
 *   - an edit (a balloon moved, or placed) until the frame that shows it
 *     is painted, which includes waiting for the frame clock's next tick.
 *
 * With --stage the window shows the whole stage instead (SamStageView: the
 * running agenda item's title and countdown, the map and the perspectives'
 * chart), as the projector does during an agenda item at the map.
 *
 * The target is a frame within 16 ms. It renders as the app does: with the
 * cairo renderer unless GSK_RENDERER names another.
 */

#include "config.h"

#include "bench-frames.h"

#include <stdlib.h>

#include <adwaita.h>

#include "sam-map-view.h"
#include "sam-session.h"
#include "sam-stage-view.h"
#include "sam-timer.h"

static int opt_balloons = 500;
static int opt_frames = 120;
static char *opt_screenshot = NULL;
static gboolean opt_stage = FALSE;

static const GOptionEntry entries[] = {
  { "balloons", 'b', 0, G_OPTION_ARG_INT, &opt_balloons, "Balloons on the map (default 500)", "N" },
  { "frames", 'n', 0, G_OPTION_ARG_INT, &opt_frames, "Frames to measure (default 120)", "N" },
  { "screenshot", 's', 0, G_OPTION_ARG_FILENAME, &opt_screenshot, "Save the map as a PNG", "FILE" },
  { "stage", 0, 0, G_OPTION_ARG_NONE, &opt_stage, "Show the whole stage, at an agenda item at the map", NULL },
  { NULL }
};

static const char * const labels[] = {
  "Anna", "Erik", "Fritidsgården", "Lena K.", "Mohammed", "Sara", "BTH", "Ungdomsrådet",
  "Kent", "Åsa Öberg", "Hanna", "Region Blekinge", "Johan", "Fatima", "Per-Olof", "Leila",
};

static SamSession *
make_session (GRand *rand)
{
  SamSession *session = sam_session_new ();
  GListModel *perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));
  guint n_perspectives = g_list_model_get_n_items (perspectives);

  sam_session_begin (session, "balloons");
  for (int i = 0; i < opt_balloons; i++)
    {
      g_autoptr(SamItem) balloon = sam_item_new (SAM_TYPE_BALLOON, NULL);
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives,
                                                              g_rand_int_range (rand, 0, n_perspectives));

      g_object_set (balloon,
                    "perspective", sam_item_get_id (perspective),
                    "x", g_rand_double_range (rand, 0.03, 0.97),
                    "y", g_rand_double_range (rand, 0.03, 0.97),
                    "label", i % 5 == 0 ? labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))] : "",
                    NULL);
      sam_session_insert (session, session, "balloons", G_MAXUINT, balloon);
    }
  sam_session_end (session);

  /* An agenda item at the map, for the stage. */
  {
    g_autoptr(SamItem) item = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);

    g_object_set (item,
                  "title", "Where do you sit?",
                  "duration", 15 * 60,
                  "activity-kind", SAM_ACTIVITY_MAP,
                  NULL);
    sam_session_insert (session, session, "agenda", G_MAXUINT, item);
  }

  return session;
}

/* The map's own snapshot, and rendering it, outside the window's frame. */
static void
measure_snapshot (GtkWidget  *view,
                  GArray     *snapshot_ms,
                  GArray     *render_ms,
                  const char *png)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (view));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gint64 start, snapped;
  double ms;

  start = g_get_monotonic_time ();
  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  snapped = g_get_monotonic_time ();
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (view),
                                                              gtk_widget_get_height (view)));
  ms = (snapped - start) / 1000.0;
  g_array_append_val (snapshot_ms, ms);
  ms = (g_get_monotonic_time () - snapped) / 1000.0;
  g_array_append_val (render_ms, ms);

  if (png != NULL && !gdk_texture_save_to_png (texture, png))
    g_printerr ("Could not save %s\n", png);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[FRAMES]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  g_autoptr(SamSession) session = NULL;
  g_autoptr(SamTimer) timer = NULL;
  g_autoptr(GArray) snapshot_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) render_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) move_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) place_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GListModel *balloons;
  GtkWidget *window, *view;
  GdkFrameClock *frame_clock;
  BenchClock clock = { 0 };
  g_autofree char *snapshot_name = NULL;
  int n_places;

  /* The app's own default (src/main.c). */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  /* As the build file documents it: the number of frames alone. */
  if (argc > 1)
    opt_frames = atoi (argv[1]);
  opt_balloons = CLAMP (opt_balloons, 1, 100000);
  opt_frames = CLAMP (opt_frames, 1, 100000);

  if (!gtk_init_check ())
    {
      g_printerr ("bench-map needs a display (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();

  session = make_session (rand);
  balloons = G_LIST_MODEL (sam_session_get_balloons (session));

  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  if (opt_stage)
    {
      g_autoptr(SamClock) system_clock = sam_clock_dup_system ();

      timer = sam_timer_new (session, system_clock);
      sam_timer_start (timer);
      view = sam_stage_view_new ();
      sam_stage_view_set_timer (SAM_STAGE_VIEW (view), timer);
      if (sam_timer_get_state (timer) != SAM_TIMER_RUNNING)
        g_error ("The agenda item did not start");
    }
  else
    {
      view = sam_map_view_new ();
      sam_map_view_set_session (SAM_MAP_VIEW (view), session);
    }
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));

  while (!gtk_widget_get_mapped (view) || gtk_widget_get_width (view) < 100)
    g_main_context_iteration (NULL, TRUE);

  frame_clock = gtk_widget_get_frame_clock (view);
  bench_clock_attach (&clock, frame_clock);
  bench_wait_for_frame (&clock);
  bench_settle (1000);

  for (int i = 0; i < opt_frames; i++)
    {
      g_autoptr(SamItem) balloon = g_list_model_get_item (balloons, g_rand_int_range (rand, 0, opt_balloons));
      gint64 edited;
      double ms;

      bench_settle (g_rand_int_range (rand, 0, 17));
      edited = g_get_monotonic_time ();
      sam_session_set (session, balloon, "x", g_rand_double_range (rand, 0.03, 0.97), NULL);
      bench_wait_for_frame (&clock);

      ms = (clock.painted - edited) / 1000.0;
      g_array_append_val (move_ms, ms);
      ms = (clock.painted - clock.begun) / 1000.0;
      g_array_append_val (paint_ms, ms);
    }

  /* Placing a balloon is what a room sees happen on the stage. */
  n_places = MAX (10, opt_frames / 4);
  for (int i = 0; i < n_places; i++)
    {
      g_autoptr(SamItem) balloon = sam_item_new (SAM_TYPE_BALLOON, NULL);
      gint64 edited;
      double ms;

      g_object_set (balloon,
                    "x", g_rand_double_range (rand, 0.03, 0.97),
                    "y", g_rand_double_range (rand, 0.03, 0.97),
                    NULL);
      bench_settle (g_rand_int_range (rand, 0, 17));
      edited = g_get_monotonic_time ();
      sam_session_insert (session, session, "balloons", G_MAXUINT, balloon);
      bench_wait_for_frame (&clock);

      ms = (clock.painted - edited) / 1000.0;
      g_array_append_val (place_ms, ms);
      sam_session_undo (session);
      bench_wait_for_frame (&clock);
    }

  for (int i = 0; i < opt_frames; i++)
    measure_snapshot (view, snapshot_ms, render_ms, i == opt_frames - 1 ? opt_screenshot : NULL);

  g_print ("%s with %d balloons, window %d×%d, %s renderer, %d frames:\n",
           opt_stage ? "Stage at the map" : "Map", opt_balloons, gtk_widget_get_width (window), gtk_widget_get_height (window),
           g_getenv ("GSK_RENDERER"), opt_frames);
  bench_print_header ();
  snapshot_name = g_strdup_printf (opt_stage ? "stage snapshot, %d balloons" : "snapshot of %d balloons", opt_balloons);
  bench_print_row (snapshot_name, snapshot_ms);
  bench_print_row ("render of that snapshot", render_ms);
  bench_print_row ("window frame (before to after paint)", paint_ms);
  bench_print_row ("balloon moved to painted frame", move_ms);
  bench_print_row ("balloon placed to painted frame", place_ms);
  g_print ("target: 16 ms\n");

  g_signal_handlers_disconnect_by_data (frame_clock, &clock);
  gtk_window_destroy (GTK_WINDOW (window));
  g_free (opt_screenshot);

  return 0;
}
