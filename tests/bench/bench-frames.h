/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * What the benchmarks under a display share: watching a window's frame
 * clock, waiting for frames, and printing figures as minimum, median, 95th
 * percentile and maximum in milliseconds.
 */

typedef struct
{
  gint64   begun;        /* when the last frame began */
  gint64   painted;      /* when the last frame was painted */
  guint    frames;
  /* While set, every painted frame's paint time and the interval since the
   * frame before are recorded (see bench_clock_record()). */
  GArray  *paint_ms;
  GArray  *interval_ms;
} BenchClock;

/* Follows @frame_clock's frames in @clock (zeroed by the caller). */
void    bench_clock_attach   (BenchClock    *clock,
                              GdkFrameClock *frame_clock);
/* Starts recording frames into @paint_ms and @interval_ms (NULL: stops). */
void    bench_clock_record   (BenchClock    *clock,
                              GArray        *paint_ms,
                              GArray        *interval_ms);
/* Runs the main loop until the window has painted a frame. */
void    bench_wait_for_frame (BenchClock    *clock);
/* Lets whatever is pending happen for @ms before measuring. */
void    bench_settle         (guint          ms);

/* Appends the milliseconds from @from to @to (µs) to @array of doubles. */
void    bench_append_ms      (GArray        *array,
                              gint64         from,
                              gint64         to);
/* The value at @fraction (0.95: the 95th percentile) of @ms, sorted. */
double  bench_percentile     (GArray        *ms,
                              double         fraction);
/* "  (ms)   min  median  p95  max  (n)", then a row of figures each. */
void    bench_print_header   (void);
void    bench_print_row      (const char    *name,
                              GArray        *ms);

/* Saves @window as it is drawn now as a PNG at @path; says so on stderr
 * when it cannot. */
void    bench_save_screenshot (GtkWidget    *window,
                               const char   *path);

G_END_DECLS
