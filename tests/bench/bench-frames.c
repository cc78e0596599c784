/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bench-frames.h"

#define NAME_WIDTH 44

static void
before_paint_cb (GdkFrameClock *frame_clock,
                 BenchClock    *clock)
{
  clock->begun = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                BenchClock    *clock)
{
  gint64 now = g_get_monotonic_time ();

  if (clock->paint_ms != NULL)
    {
      bench_append_ms (clock->paint_ms, clock->begun, now);
      if (clock->painted != 0)
        bench_append_ms (clock->interval_ms, clock->painted, now);
    }
  clock->painted = now;
  clock->frames++;
}

void
bench_clock_attach (BenchClock    *clock,
                    GdkFrameClock *frame_clock)
{
  g_signal_connect (frame_clock, "before-paint", G_CALLBACK (before_paint_cb), clock);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), clock);
}

void
bench_clock_record (BenchClock *clock,
                    GArray     *paint_ms,
                    GArray     *interval_ms)
{
  clock->paint_ms = paint_ms;
  clock->interval_ms = interval_ms;
  /* The first interval counts from the first recorded frame, not from
   * whatever was painted before. */
  clock->painted = 0;
}

void
bench_wait_for_frame (BenchClock *clock)
{
  guint frames = clock->frames;

  while (clock->frames == frames)
    g_main_context_iteration (NULL, TRUE);
}

void
bench_settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

void
bench_append_ms (GArray *array,
                 gint64  from,
                 gint64  to)
{
  double ms = (to - from) / 1000.0;

  g_array_append_val (array, ms);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_percentile (GArray *ms,
                  double  fraction)
{
  g_assert (ms->len > 0);
  g_array_sort (ms, compare_doubles);
  return g_array_index (ms, double, MIN (ms->len - 1, (guint) (fraction * ms->len)));
}

void
bench_print_header (void)
{
  g_print ("  %-*s %7s %7s %7s %7s  (n)\n", NAME_WIDTH, "(ms)", "min", "median", "p95", "max");
}

void
bench_print_row (const char *name,
                 GArray     *ms)
{
  guint n = ms->len;

  if (n == 0)
    return;

  g_array_sort (ms, compare_doubles);
  g_print ("  %-*s %7.2f %7.2f %7.2f %7.2f  (%u)\n", NAME_WIDTH, name,
           g_array_index (ms, double, 0), g_array_index (ms, double, n / 2),
           bench_percentile (ms, 0.95), g_array_index (ms, double, n - 1), n);
}

void
bench_save_screenshot (GtkWidget  *window,
                       const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  /* A widget paintable draws nothing until it has been asked once. */
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      bench_settle (20);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                              gtk_widget_get_width (window), gtk_widget_get_height (window));
      node = gtk_snapshot_to_node (snapshot);
    }
  if (node != NULL)
    texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                           &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (window),
                                                                gtk_widget_get_height (window)));
  if (texture == NULL || !gdk_texture_save_to_png (texture, path))
    g_printerr ("Could not save %s\n", path);
}
