/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * SamClock is where the timer reads the time: the monotonic clock, and once,
 * when a timer is created, the wall clock that the monotonic time is mapped
 * to. The system clock is the real one; a fake clock lets tests (and
 * benchmarks) move time by hand.
 *
 * Signals:
 *   ::jumped (SamClock *self) — a fake clock was moved; the system clock never
 *     emits it (its time passes on its own).
 */

#define SAM_TYPE_CLOCK (sam_clock_get_type ())
G_DECLARE_DERIVABLE_TYPE (SamClock, sam_clock, SAM, CLOCK, GObject)

struct _SamClockClass
{
  GObjectClass parent_class;

  gint64 (*get_monotonic) (SamClock *self);
  gint64 (*get_real)      (SamClock *self);
};

/* The system's clocks (g_get_monotonic_time(), g_get_real_time()). A shared
 * instance; the caller owns a reference. */
SamClock *sam_clock_dup_system     (void);

/* µs of the monotonic clock. */
gint64    sam_clock_get_monotonic  (SamClock *self);
/* µs since the epoch (wall clock). */
gint64    sam_clock_get_real       (SamClock *self);

/* A clock that stands still until it is moved. */
SamClock *sam_fake_clock_new       (gint64    monotonic,
                                    gint64    real);
/* Moves both of its clocks forward by @usec and emits ::jumped. */
void      sam_fake_clock_advance   (SamClock *self,
                                    gint64    usec);
/* Sets only the wall clock (as when the system's time is corrected); the
 * monotonic clock is untouched. */
void      sam_fake_clock_set_real  (SamClock *self,
                                    gint64    real);

G_END_DECLS
