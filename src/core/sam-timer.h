/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-clock.h"
#include "sam-session.h"

G_BEGIN_DECLS

/*
 * SamTimer runs a session's agenda, one item at a time.
 *
 * All times are read from a SamClock's monotonic clock; the wall clock is
 * read once, when the timer is created, and wall-clock times are that
 * reading plus monotonic time since. Elapsed time is always "now minus when
 * it started, minus pauses", never a sum of ticks.
 *
 * What happens is recorded in the document as facts (see
 * sam_session_begin_fact()): an item's actual-start and actual-end, its
 * pauses, its extension (nudges) and whether it was skipped. The timer keeps
 * little state of its own: opening a document with an item that started
 * and did not end continues that item's countdown.
 *
 * The budget of an item is its planned duration plus its extension, less
 * its share of earlier overruns that were to be absorbed (an item whose
 * overrun policy is "absorb" passes its overrun on to the later items, in
 * proportion to their planned durations; with "push" the later items keep
 * their length and move later).
 *
 * While an item runs or is paused, the timer wakes when the shown second
 * changes (once a second) and emits ::changed; not otherwise.
 *
 * Signals:
 *   ::changed (SamTimer *self) — anything shown changed: the time, the state,
 *     the current item, the projection; and after every edit of the
 *     document (an item may have been renamed).
 *   ::alarm (SamTimer *self) — the running item's remaining time reached zero.
 */

typedef enum {
  SAM_TIMER_STOPPED,   /* no item running; the current item is the next to start */
  SAM_TIMER_RUNNING,
  SAM_TIMER_PAUSED,
  SAM_TIMER_FINISHED,  /* every item has ended or was skipped */
} SamTimerState;

typedef enum {
  SAM_TIMER_LEVEL_NORMAL,
  SAM_TIMER_LEVEL_WARNING,  /* the last minute (the session's warning-time) */
  SAM_TIMER_LEVEL_OVERRUN,  /* zero reached: counting up */
} SamTimerLevel;

#define SAM_TYPE_TIMER (sam_timer_get_type ())
G_DECLARE_FINAL_TYPE (SamTimer, sam_timer, SAM, TIMER, GObject)

/* @clock: NULL for the system clock. */
SamTimer      *sam_timer_new                (SamSession    *session,
                                             SamClock      *clock);
/* A timer that reads @session's plan and times as they are now and never
 * wakes: no main-loop source, no shared clock, so a worker thread may use
 * it (the export does) as long as nothing else edits @session meanwhile. */
SamTimer      *sam_timer_new_still          (SamSession    *session);
SamSession    *sam_timer_get_session        (SamTimer      *self);
SamClock      *sam_timer_get_clock          (SamTimer      *self);

SamTimerState  sam_timer_get_state          (SamTimer      *self);
/* The item running or paused, or when stopped the one Start starts; NULL
 * when the agenda is empty or finished. */
SamAgendaItem *sam_timer_get_current        (SamTimer      *self);
/* Its position in the agenda, or -1. */
int            sam_timer_get_current_index  (SamTimer      *self);
/* The item after the current one that is not skipped, or NULL. */
SamAgendaItem *sam_timer_get_next           (SamTimer      *self);

/* µs of the current item: run so far (pauses excluded), allowed in all
 * (budget), and left (negative in overrun). When stopped: 0, the budget
 * it would get, and the budget. */
gint64         sam_timer_get_elapsed        (SamTimer      *self);
gint64         sam_timer_get_budget         (SamTimer      *self);
gint64         sam_timer_get_remaining      (SamTimer      *self);
/* The remaining time as the countdown shows it, in whole seconds: rounded
 * up while time is left (10:00 at the start, 0:01 in the last second),
 * then the overrun rounded down (0, 1, 2 … while counting up). Always >= 0;
 * see the level for which it is. */
gint64         sam_timer_get_display_seconds (SamTimer     *self);
SamTimerLevel  sam_timer_get_level          (SamTimer      *self);

/* Wall-clock µs since the epoch: now; the planned start and end of the
 * session (its start-time on the day it is run, or on its date before it
 * is run, plus every item's planned duration); the planned start of
 * agenda item @index under the plan; the projected end of the session;
 * and the projected end less the planned end (positive: behind plan). */
gint64         sam_timer_get_now            (SamTimer      *self);
gint64         sam_timer_get_planned_start  (SamTimer      *self);
gint64         sam_timer_get_planned_end    (SamTimer      *self);
gint64         sam_timer_get_item_planned_start (SamTimer  *self,
                                             guint          index);
gint64         sam_timer_get_projected_end  (SamTimer      *self);
gint64         sam_timer_get_delay          (SamTimer      *self);
/* For a break: the wall-clock time the current item ends if it runs to its
 * budget ("back at 10:45"); for any item. 0 when stopped. */
gint64         sam_timer_get_current_end    (SamTimer      *self);

/* Controls. Each records what it does in the document and emits ::changed.
 * Those that make no sense in the current state do nothing and return
 * FALSE. */
gboolean       sam_timer_start              (SamTimer      *self);  /* the current item */
gboolean       sam_timer_start_item         (SamTimer      *self,
                                             guint          index); /* ends the running one */
gboolean       sam_timer_pause              (SamTimer      *self);
gboolean       sam_timer_resume             (SamTimer      *self);
/* Start, pause or resume, whichever applies (the Space key). */
gboolean       sam_timer_toggle             (SamTimer      *self);
/* Adds @seconds (negative: takes) to the current item's budget. */
gboolean       sam_timer_extend             (SamTimer      *self,
                                             int            seconds);
/* Ends the current item and starts the next (or finishes the agenda). */
gboolean       sam_timer_next               (SamTimer      *self);
/* Goes back to the item before: the current item is undone (it has not
 * happened yet) and the previous one runs on from where it ended, as if
 * Next had not been pressed. */
gboolean       sam_timer_previous           (SamTimer      *self);
/* Marks the current item skipped (not held) and starts the next; when
 * stopped, only moves past it. */
gboolean       sam_timer_skip               (SamTimer      *self);
/* Starts the current item again from its full length. */
gboolean       sam_timer_restart            (SamTimer      *self);
/* Clears every recorded time of the agenda, as one undoable edit, and
 * stops at the first item. */
gboolean       sam_timer_reset              (SamTimer      *self);

/* Re-reads the clock; emits ::changed if what is shown changed and ::alarm
 * at zero. The timer calls it itself once a second while it runs, and when
 * a fake clock jumps. */
void           sam_timer_update             (SamTimer      *self);

G_END_DECLS
