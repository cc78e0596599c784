/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sam-clock.h"

G_DEFINE_TYPE (SamClock, sam_clock, G_TYPE_OBJECT)

enum {
  JUMPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
system_get_monotonic (SamClock *self)
{
  return g_get_monotonic_time ();
}

static gint64
system_get_real (SamClock *self)
{
  return g_get_real_time ();
}

static void
sam_clock_class_init (SamClockClass *klass)
{
  klass->get_monotonic = system_get_monotonic;
  klass->get_real = system_get_real;

  signals[JUMPED] =
    g_signal_new ("jumped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sam_clock_init (SamClock *self)
{
}

SamClock *
sam_clock_dup_system (void)
{
  static GWeakRef system;
  SamClock *clock = g_weak_ref_get (&system);

  if (clock == NULL)
    {
      clock = g_object_new (SAM_TYPE_CLOCK, NULL);
      g_weak_ref_set (&system, clock);
    }

  return clock;
}

gint64
sam_clock_get_monotonic (SamClock *self)
{
  g_return_val_if_fail (SAM_IS_CLOCK (self), 0);

  return SAM_CLOCK_GET_CLASS (self)->get_monotonic (self);
}

gint64
sam_clock_get_real (SamClock *self)
{
  g_return_val_if_fail (SAM_IS_CLOCK (self), 0);

  return SAM_CLOCK_GET_CLASS (self)->get_real (self);
}

/* The fake clock */

#define SAM_TYPE_FAKE_CLOCK (sam_fake_clock_get_type ())
G_DECLARE_FINAL_TYPE (SamFakeClock, sam_fake_clock, SAM, FAKE_CLOCK, SamClock)

struct _SamFakeClock
{
  SamClock parent_instance;

  gint64   monotonic;
  gint64   real;
};

G_DEFINE_FINAL_TYPE (SamFakeClock, sam_fake_clock, SAM_TYPE_CLOCK)

static gint64
fake_get_monotonic (SamClock *clock)
{
  return SAM_FAKE_CLOCK (clock)->monotonic;
}

static gint64
fake_get_real (SamClock *clock)
{
  return SAM_FAKE_CLOCK (clock)->real;
}

static void
sam_fake_clock_class_init (SamFakeClockClass *klass)
{
  SamClockClass *clock_class = SAM_CLOCK_CLASS (klass);

  clock_class->get_monotonic = fake_get_monotonic;
  clock_class->get_real = fake_get_real;
}

static void
sam_fake_clock_init (SamFakeClock *self)
{
}

SamClock *
sam_fake_clock_new (gint64 monotonic,
                    gint64 real)
{
  SamFakeClock *self = g_object_new (SAM_TYPE_FAKE_CLOCK, NULL);

  self->monotonic = monotonic;
  self->real = real;

  return SAM_CLOCK (self);
}

void
sam_fake_clock_advance (SamClock *clock,
                        gint64    usec)
{
  SamFakeClock *self;

  g_return_if_fail (SAM_IS_FAKE_CLOCK (clock));
  g_return_if_fail (usec >= 0);

  self = SAM_FAKE_CLOCK (clock);
  self->monotonic += usec;
  self->real += usec;
  g_signal_emit (self, signals[JUMPED], 0);
}

void
sam_fake_clock_set_real (SamClock *clock,
                         gint64    real)
{
  g_return_if_fail (SAM_IS_FAKE_CLOCK (clock));

  SAM_FAKE_CLOCK (clock)->real = real;
  g_signal_emit (clock, signals[JUMPED], 0);
}
