/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * What a running countdown costs: the app with the demo session, the
 * agenda view showing the timer panel and its stage miniature, the stage
 * window open at 1920×1080, and the first agenda item counting down. Prints
 * the process's CPU time as a share of one core over the measured seconds,
 * and how many frames each window drew.
 *
 *   bench-countdown [SECONDS]      (under a display, e.g. xvfb-run)
 *
 * It renders as the app does: with the cairo renderer unless GSK_RENDERER
 * names another (GSK_RENDERER=gl shows what GL would cost).
 */

#include "config.h"

#include <sys/resource.h>
#include <adwaita.h>

#include "sam-application.h"
#include "sam-session.h"
#include "sam-timer.h"
#include "sam-window.h"

static gint64
cpu_usec (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static gboolean
stop_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop, which sleeps in poll() between its wake-ups: an idle
 * app costs nothing. */
static void
run_for (gint64 usec)
{
  gboolean done = FALSE;

  g_timeout_add (usec / 1000, stop_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

static void
count_change_cb (SamTimer *timer,
                 guint    *changes)
{
  (*changes)++;
}

static GdkFrameClock *
frame_clock_of (GtkWidget *window)
{
  return gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
}

static GtkWindow *
find_stage (SamWindow *control)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WINDOW (control) && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
          g_strcmp0 (G_OBJECT_TYPE_NAME (window), "SamStageWindow") == 0)
        return window;
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("samling-bench-XXXXXX", NULL);
  g_autoptr(SamApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  SamWindow *window;
  GtkWindow *stage;
  SamTimer *timer = NULL;
  int seconds = argc > 1 ? atoi (argv[1]) : 30;
  guint control_frames = 0, stage_frames = 0, changes = 0;
  gint64 cpu_start, wall_start, cpu, wall;

  /* The app's own default (src/main.c). */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* None of the person's own data is touched. */
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("bench-countdown needs a display\n");
      return 77;
    }
  seconds = CLAMP (seconds, 5, 3600);

  app = sam_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = sam_application_create_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "app.open-demo", NULL);
  while (sam_window_get_session (window) == NULL)
    g_main_context_iteration (NULL, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "agenda");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.stage-show", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-toggle", NULL);
  run_for (3 * G_USEC_PER_SEC);

  stage = find_stage (window);
  if (stage == NULL)
    g_error ("The stage window did not open");
  gtk_window_unfullscreen (stage);
  gtk_window_set_default_size (stage, 1920, 1080);

  timer = g_object_ref (sam_window_get_timer (window));
  if (sam_timer_get_state (timer) != SAM_TIMER_RUNNING)
    g_error ("The countdown is not running");
  g_signal_connect (timer, "changed", G_CALLBACK (count_change_cb), &changes);
  g_signal_connect (frame_clock_of (GTK_WIDGET (window)), "after-paint", G_CALLBACK (count_frame_cb), &control_frames);
  g_signal_connect (frame_clock_of (GTK_WIDGET (stage)), "after-paint", G_CALLBACK (count_frame_cb), &stage_frames);
  /* Let the stage settle at its size before measuring. */
  run_for (2 * G_USEC_PER_SEC);
  control_frames = stage_frames = changes = 0;

  cpu_start = cpu_usec ();
  wall_start = g_get_monotonic_time ();
  run_for ((gint64) seconds * G_USEC_PER_SEC);
  cpu = cpu_usec () - cpu_start;
  wall = g_get_monotonic_time () - wall_start;

  g_print ("Countdown running for %.1f s, stage window 1920×1080 and control window with miniature, %s renderer:\n",
           wall / (double) G_USEC_PER_SEC, g_getenv ("GSK_RENDERER"));
  g_print ("  CPU          %.2f %% of one core (%.0f ms)\n",
           100.0 * cpu / wall, cpu / 1000.0);
  g_print ("  timer        %u changes (%.2f a second)\n", changes, changes * (double) G_USEC_PER_SEC / wall);
  g_print ("  frames       control %u (%.2f/s), stage %u (%.2f/s)\n",
           control_frames, control_frames * (double) G_USEC_PER_SEC / wall,
           stage_frames, stage_frames * (double) G_USEC_PER_SEC / wall);

  g_object_unref (timer);
  gtk_window_destroy (stage);
  gtk_window_destroy (GTK_WINDOW (window));
  {
    const char *rm[] = { "rm", "-rf", tmp, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }

  return 0;
}
