/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The agenda timer, driven by a fake clock: countdown, pause, nudges,
 * levels and the alarm, both overrun policies, the projected end, what is
 * recorded in the document, and no drift over a whole day.
 */

#include "config.h"

#include "sam-history.h"
#include "sam-json.h"
#include "sam-timer.h"

#define S G_GINT64_CONSTANT (1000000)
#define MINUTES (60 * S)

/* 2024-03-05 08:00:00 UTC (the tests run in UTC). */
#define MORNING G_GINT64_CONSTANT (1709625600000000)
#define AT(h, m) (MORNING + ((gint64) ((h) - 8) * 60 + (m)) * MINUTES)

typedef struct
{
  SamSession *session;
  SamClock   *clock;
  SamTimer   *timer;
  guint       changed;
  guint       alarms;
} Fixture;

static void
changed_cb (SamTimer *timer,
            Fixture  *f)
{
  f->changed++;
}

static void
alarm_cb (SamTimer *timer,
          Fixture  *f)
{
  f->alarms++;
}

static SamItem *
agenda_item (Fixture *f,
             guint    index)
{
  g_autoptr(SamItem) item = g_list_model_get_item (G_LIST_MODEL (sam_session_get_agenda (f->session)), index);

  return item;
}

static void
add_item (SamSession *session,
          const char *title,
          int         minutes,
          int         kind,
          int         overrun)
{
  g_autoptr(SamItem) item = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);

  g_object_set (item, "title", title, "duration", minutes * 60, "kind", kind, "overrun", overrun, NULL);
  sam_session_insert (session, session, "agenda", G_MAXUINT, item);
}

static void
watch (Fixture *f)
{
  g_signal_connect (f->timer, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->timer, "alarm", G_CALLBACK (alarm_cb), f);
}

/* A session on 2024-03-05 from 09:00: A 10 min, a 5 min break, C 15 min;
 * the clock at 08:55. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  int policy = GPOINTER_TO_INT (data);

  f->session = sam_session_new ();
  sam_session_set (f->session, f->session, "date", "2024-03-05", "start-time", "09:00", NULL);
  add_item (f->session, "A", 10, SAM_AGENDA_KIND_WELCOME, policy);
  add_item (f->session, "Break", 5, SAM_AGENDA_KIND_BREAK, SAM_OVERRUN_PUSH);
  add_item (f->session, "C", 15, SAM_AGENDA_KIND_DIALOGUE, SAM_OVERRUN_PUSH);
  sam_history_clear (sam_session_get_history (f->session));
  sam_session_mark_saved (f->session);

  f->clock = sam_fake_clock_new (G_GINT64_CONSTANT (5000000000), AT (8, 55));
  f->timer = sam_timer_new (f->session, f->clock);
  watch (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->timer);
  g_clear_object (&f->clock);
  g_clear_object (&f->session);
}

static void
advance (Fixture *f,
         gint64   usec)
{
  sam_fake_clock_advance (f->clock, usec);
}

static void
test_countdown (Fixture       *f,
                gconstpointer  data)
{
  g_assert_cmpint (sam_timer_get_state (f->timer), ==, SAM_TIMER_STOPPED);
  g_assert_true (sam_timer_get_current (f->timer) == (gpointer) agenda_item (f, 0));
  g_assert_true (sam_timer_get_next (f->timer) == (gpointer) agenda_item (f, 1));
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 600);
  g_assert_cmpint (sam_timer_get_planned_start (f->timer), ==, AT (9, 0));
  g_assert_cmpint (sam_timer_get_planned_end (f->timer), ==, AT (9, 30));
  g_assert_cmpint (sam_timer_get_item_planned_start (f->timer, 2), ==, AT (9, 15));
  g_assert_cmpint (sam_timer_get_current_end (f->timer), ==, 0);
  g_assert_false (sam_timer_pause (f->timer));
  g_assert_false (sam_timer_extend (f->timer, 60));

  advance (f, 5 * MINUTES);
  g_assert_true (sam_timer_start (f->timer));
  g_assert_cmpint (sam_timer_get_state (f->timer), ==, SAM_TIMER_RUNNING);
  g_assert_cmpint (sam_item_get_int64 (agenda_item (f, 0), "actual-start"), ==, AT (9, 0));
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 600);
  g_assert_cmpint (sam_timer_get_level (f->timer), ==, SAM_TIMER_LEVEL_NORMAL);
  g_assert_false (sam_timer_start (f->timer));

  /* 10:00 until a whole second has passed, then 9:59. */
  advance (f, S / 2);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 600);
  g_assert_cmpint (sam_timer_get_remaining (f->timer), ==, 600 * S - S / 2);
  advance (f, S / 2);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 599);
  g_assert_cmpint (sam_timer_get_elapsed (f->timer), ==, S);
  g_assert_cmpint (sam_timer_get_current_end (f->timer), ==, AT (9, 10));
}

static void
test_changed_once_a_second (Fixture       *f,
                            gconstpointer  data)
{
  sam_timer_start (f->timer);
  f->changed = 0;

  for (guint i = 0; i < 9; i++)
    advance (f, S / 10);
  g_assert_cmpuint (f->changed, ==, 0);
  advance (f, S / 10);
  g_assert_cmpuint (f->changed, ==, 1);

  /* Ten minutes in steps of a quarter second: one change a second. */
  for (guint i = 0; i < 4 * 60; i++)
    advance (f, S / 4);
  g_assert_cmpuint (f->changed, ==, 61);
}

static void
test_levels_and_alarm (Fixture       *f,
                       gconstpointer  data)
{
  sam_timer_start (f->timer);

  advance (f, 9 * MINUTES - 1);
  g_assert_cmpint (sam_timer_get_level (f->timer), ==, SAM_TIMER_LEVEL_NORMAL);
  advance (f, 1);
  g_assert_cmpint (sam_timer_get_level (f->timer), ==, SAM_TIMER_LEVEL_WARNING);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 60);

  advance (f, MINUTES - S / 2);
  g_assert_cmpint (sam_timer_get_level (f->timer), ==, SAM_TIMER_LEVEL_WARNING);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 1);
  g_assert_cmpuint (f->alarms, ==, 0);

  advance (f, S / 2);
  g_assert_cmpint (sam_timer_get_level (f->timer), ==, SAM_TIMER_LEVEL_OVERRUN);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 0);
  g_assert_cmpuint (f->alarms, ==, 1);

  /* Counting up, once past zero; one alarm. */
  advance (f, 5 * S + S / 2);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 5);
  g_assert_cmpint (sam_timer_get_remaining (f->timer), ==, -(5 * S + S / 2));
  g_assert_cmpuint (f->alarms, ==, 1);

  /* A nudge gives time back; reaching zero again chimes again. */
  g_assert_true (sam_timer_extend (f->timer, 60));
  g_assert_cmpint (sam_timer_get_level (f->timer), ==, SAM_TIMER_LEVEL_WARNING);
  advance (f, MINUTES);
  g_assert_cmpuint (f->alarms, ==, 2);

  /* A session may warn earlier, or not at all. */
  sam_session_set (f->session, f->session, "warning-time", 0, NULL);
  g_assert_true (sam_timer_restart (f->timer));
  advance (f, 10 * MINUTES - S);
  g_assert_cmpint (sam_timer_get_level (f->timer), ==, SAM_TIMER_LEVEL_NORMAL);
  sam_session_set (f->session, f->session, "warning-time", 120, NULL);
  g_assert_cmpint (sam_timer_get_level (f->timer), ==, SAM_TIMER_LEVEL_WARNING);
}

static void
test_pause_resume (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *pauses = G_LIST_MODEL (sam_item_get_list (agenda_item (f, 0), "pauses"));
  g_autoptr(SamItem) pause = NULL;

  advance (f, 5 * MINUTES);
  sam_timer_start (f->timer);
  advance (f, MINUTES);
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 30));

  g_assert_true (sam_timer_toggle (f->timer));
  g_assert_cmpint (sam_timer_get_state (f->timer), ==, SAM_TIMER_PAUSED);
  g_assert_false (sam_timer_pause (f->timer));
  advance (f, 5 * MINUTES);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 540);
  g_assert_cmpint (sam_timer_get_elapsed (f->timer), ==, MINUTES);
  /* The pause moves the end, and the break's "back at". */
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 35));
  g_assert_cmpint (sam_timer_get_delay (f->timer), ==, 5 * MINUTES);
  g_assert_cmpint (sam_timer_get_current_end (f->timer), ==, AT (9, 15));

  g_assert_true (sam_timer_toggle (f->timer));
  g_assert_cmpint (sam_timer_get_state (f->timer), ==, SAM_TIMER_RUNNING);
  advance (f, 30 * S);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 510);

  /* The pause is in the document. */
  g_assert_cmpuint (g_list_model_get_n_items (pauses), ==, 1);
  pause = g_list_model_get_item (pauses, 0);
  g_assert_cmpint (sam_item_get_int64 (pause, "start"), ==, AT (9, 1));
  g_assert_cmpint (sam_item_get_int64 (pause, "end"), ==, AT (9, 6));

  /* A second pause adds up with the first. */
  sam_timer_pause (f->timer);
  advance (f, MINUTES);
  sam_timer_resume (f->timer);
  g_assert_cmpint (sam_timer_get_elapsed (f->timer), ==, MINUTES + 30 * S);
  g_assert_cmpuint (g_list_model_get_n_items (pauses), ==, 2);
}

static void
test_nudges (Fixture       *f,
             gconstpointer  data)
{
  SamItem *a = agenda_item (f, 0);

  sam_timer_start (f->timer);
  g_assert_true (sam_timer_extend (f->timer, 60));
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 660);
  g_assert_true (sam_timer_extend (f->timer, 300));
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 960);
  g_assert_true (sam_timer_extend (f->timer, -60));
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 900);
  g_assert_cmpint (sam_item_get_int (a, "extension"), ==, 300);
  /* The plan is unchanged; the projection follows. */
  g_assert_cmpint (sam_item_get_int (a, "duration"), ==, 600);
  /* Started five minutes early, five minutes longer: on plan. */
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 30));
  g_assert_cmpint (sam_timer_get_delay (f->timer), ==, 0);

  /* Taking time stops at nothing left. */
  for (guint i = 0; i < 30; i++)
    sam_timer_extend (f->timer, -60);
  g_assert_cmpint (sam_item_get_int (a, "extension"), ==, -600);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 0);
  g_assert_cmpint (sam_timer_get_level (f->timer), ==, SAM_TIMER_LEVEL_OVERRUN);
  g_assert_false (sam_timer_extend (f->timer, -60));

  /* Nudges belong to one run: the next item starts with its own length. */
  g_assert_true (sam_timer_next (f->timer));
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 300);
}

static void
test_overrun_push (Fixture       *f,
                   gconstpointer  data)
{
  advance (f, 5 * MINUTES);
  sam_timer_start (f->timer);

  advance (f, 12 * MINUTES);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 120);
  g_assert_cmpint (sam_timer_get_level (f->timer), ==, SAM_TIMER_LEVEL_OVERRUN);
  /* Ends 09:32, 2 min behind. */
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 32));
  g_assert_cmpint (sam_timer_get_delay (f->timer), ==, 2 * MINUTES);

  advance (f, 3 * MINUTES);
  sam_timer_next (f->timer);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 300);
  g_assert_cmpint (sam_timer_get_current_end (f->timer), ==, AT (9, 20));
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 35));
  g_assert_cmpint (sam_timer_get_delay (f->timer), ==, 5 * MINUTES);
}

static void
test_overrun_absorb (Fixture       *f,
                     gconstpointer  data)
{
  advance (f, 5 * MINUTES);
  sam_timer_start (f->timer);

  /* The overrun of A is taken from the break and C: the end holds. */
  advance (f, 12 * MINUTES);
  g_assert_cmpint (sam_timer_get_level (f->timer), ==, SAM_TIMER_LEVEL_OVERRUN);
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 30));
  g_assert_cmpint (sam_timer_get_delay (f->timer), ==, 0);

  advance (f, 3 * MINUTES);
  sam_timer_next (f->timer);
  /* 5 min over, shared by the break and C in proportion: 1:15 and 3:45. */
  g_assert_cmpint (sam_timer_get_budget (f->timer), ==, 5 * MINUTES - 75 * S);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 225);
  g_assert_cmpint (sam_timer_get_current_end (f->timer), ==, AT (9, 18) + 45 * S);
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 30));

  advance (f, 225 * S);
  sam_timer_next (f->timer);
  g_assert_cmpint (sam_timer_get_budget (f->timer), ==, 15 * MINUTES - 225 * S);
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 30));

  /* More debt than the rest of the agenda can take pushes the end. */
  advance (f, 30 * MINUTES);
  g_assert_cmpint (sam_timer_get_delay (f->timer), >, 0);
}

static void
test_absorb_too_much (Fixture       *f,
                      gconstpointer  data)
{
  advance (f, 5 * MINUTES);
  sam_timer_start (f->timer);
  /* 40 minutes over: the 20 minutes after it cannot take it all. */
  advance (f, 50 * MINUTES);
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 50));
  sam_timer_next (f->timer);
  g_assert_cmpint (sam_timer_get_budget (f->timer), ==, 0);
  g_assert_cmpint (sam_timer_get_level (f->timer), ==, SAM_TIMER_LEVEL_OVERRUN);
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 50));
}

static void
test_projected_end (Fixture       *f,
                    gconstpointer  data)
{
  SamItem *last = agenda_item (f, 2);

  /* Before the start on the day: the plan. */
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 30));
  g_assert_cmpint (sam_timer_get_delay (f->timer), ==, 0);

  /* Not started at 09:10: ten minutes behind already. */
  advance (f, 15 * MINUTES);
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 40));
  g_assert_cmpint (sam_timer_get_delay (f->timer), ==, 10 * MINUTES);

  /* Skipping the break gains its five minutes. */
  sam_timer_start (f->timer);
  advance (f, 10 * MINUTES);
  g_assert_true (sam_timer_next (f->timer));
  g_assert_true (sam_timer_skip (f->timer));
  g_assert_true (sam_timer_get_current (f->timer) == (gpointer) last);
  g_assert_true (sam_item_get_boolean (agenda_item (f, 1), "skipped"));
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 35));
  g_assert_cmpint (sam_timer_get_delay (f->timer), ==, 5 * MINUTES);
  g_assert_null (sam_timer_get_next (f->timer));

  /* Finished early: the real end. */
  advance (f, 12 * MINUTES);
  g_assert_true (sam_timer_next (f->timer));
  g_assert_cmpint (sam_timer_get_state (f->timer), ==, SAM_TIMER_FINISHED);
  g_assert_null (sam_timer_get_current (f->timer));
  g_assert_cmpint (sam_timer_get_projected_end (f->timer), ==, AT (9, 32));
  g_assert_cmpint (sam_item_get_int64 (last, "actual-end"), ==, AT (9, 32));
  g_assert_cmpint (sam_timer_get_delay (f->timer), ==, 2 * MINUTES);
  g_assert_false (sam_timer_next (f->timer));
  g_assert_false (sam_timer_toggle (f->timer));
}

static void
test_other_day (void)
{
  g_autoptr(SamSession) session = sam_session_new ();
  g_autoptr(SamClock) clock = sam_fake_clock_new (0, AT (20, 0));
  g_autoptr(SamTimer) timer = NULL;

  /* Planned for tomorrow: the plan is the projection. */
  sam_session_set (session, session, "date", "2024-03-06", "start-time", "13:00", NULL);
  add_item (session, "A", 30, SAM_AGENDA_KIND_OTHER, SAM_OVERRUN_PUSH);
  timer = sam_timer_new (session, clock);
  g_assert_cmpint (sam_timer_get_planned_start (timer), ==, AT (8 + 24 + 5, 0));
  g_assert_cmpint (sam_timer_get_delay (timer), ==, 0);

  /* Rehearsed tonight: the plan is tonight's. */
  sam_timer_start (timer);
  g_assert_cmpint (sam_timer_get_planned_start (timer), ==, AT (13, 0));
  g_assert_cmpint (sam_timer_get_delay (timer), ==, 7 * 60 * MINUTES);
}

static void
count_cb (SamSession         *session,
          const char * const *ops,
          guint              *count)
{
  (*count)++;
}

static void
test_recorded_times (Fixture       *f,
                     gconstpointer  data)
{
  SamItem *a = agenda_item (f, 0), *brk = agenda_item (f, 1);
  guint committed = 0;

  advance (f, 5 * MINUTES);
  sam_timer_start (f->timer);
  advance (f, 11 * MINUTES);
  sam_timer_next (f->timer);
  g_assert_cmpint (sam_item_get_int64 (a, "actual-start"), ==, AT (9, 0));
  g_assert_cmpint (sam_item_get_int64 (a, "actual-end"), ==, AT (9, 11));
  g_assert_cmpint (sam_item_get_int64 (brk, "actual-start"), ==, AT (9, 11));

  /* Facts are saved, but Undo does not take them back. */
  g_assert_true (sam_session_get_dirty (f->session));
  g_assert_false (sam_session_can_undo (f->session));

  /* Previous: as if Next had not been pressed. */
  advance (f, MINUTES);
  g_assert_true (sam_timer_previous (f->timer));
  g_assert_true (sam_timer_get_current (f->timer) == (gpointer) a);
  g_assert_cmpint (sam_item_get_int64 (a, "actual-end"), ==, 0);
  g_assert_cmpint (sam_item_get_int64 (brk, "actual-start"), ==, 0);
  g_assert_cmpint (sam_timer_get_elapsed (f->timer), ==, 12 * MINUTES);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 2 * 60);
  g_assert_false (sam_timer_previous (f->timer));

  /* Restart: the full length again, the pauses gone. */
  sam_timer_pause (f->timer);
  advance (f, MINUTES);
  g_assert_true (sam_timer_restart (f->timer));
  g_assert_cmpint (sam_timer_get_state (f->timer), ==, SAM_TIMER_RUNNING);
  g_assert_cmpint (sam_item_get_int64 (a, "actual-start"), ==, AT (9, 13));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (a, "pauses"))), ==, 0);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 600);

  /* Start here: from any item; the running one ends. */
  advance (f, MINUTES);
  g_assert_true (sam_timer_start_item (f->timer, 2));
  g_assert_cmpint (sam_item_get_int64 (a, "actual-end"), ==, AT (9, 14));
  g_assert_true (sam_timer_get_current (f->timer) == (gpointer) agenda_item (f, 2));
  g_assert_false (sam_timer_start_item (f->timer, 2));
  g_assert_false (sam_timer_start_item (f->timer, 3));

  /* Reset is an edit: it can be undone. */
  g_signal_connect (f->session, "committed", G_CALLBACK (count_cb), &committed);
  g_assert_true (sam_timer_reset (f->timer));
  g_assert_cmpuint (committed, ==, 1);
  g_assert_cmpint (sam_timer_get_state (f->timer), ==, SAM_TIMER_STOPPED);
  g_assert_true (sam_timer_get_current (f->timer) == (gpointer) a);
  g_assert_cmpint (sam_item_get_int64 (a, "actual-start"), ==, 0);
  g_assert_true (sam_session_can_undo (f->session));
  g_assert_true (sam_session_undo (f->session));
  g_assert_cmpint (sam_timer_get_state (f->timer), ==, SAM_TIMER_RUNNING);
  g_assert_true (sam_timer_get_current (f->timer) == (gpointer) agenda_item (f, 2));
  g_assert_false (sam_timer_reset (f->timer) && sam_timer_reset (f->timer));
}

static void
test_edits_while_running (Fixture       *f,
                          gconstpointer  data)
{
  SamItem *a = agenda_item (f, 0);

  sam_timer_start (f->timer);
  advance (f, MINUTES);

  /* A longer plan for the running item shows at once. */
  f->changed = 0;
  sam_session_set (f->session, a, "duration", 20 * 60, NULL);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 19 * 60);
  g_assert_cmpuint (f->changed, >, 0);
  g_assert_true (sam_session_undo (f->session));
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 9 * 60);

  /* Removing the running item stops the timer at what follows. */
  g_object_ref (a);
  sam_session_remove (f->session, a);
  g_assert_cmpint (sam_timer_get_state (f->timer), ==, SAM_TIMER_STOPPED);
  g_assert_true (sam_timer_get_current (f->timer) == (gpointer) agenda_item (f, 0));
  /* Undo brings it back, running. */
  g_assert_true (sam_session_undo (f->session));
  g_assert_cmpint (sam_timer_get_state (f->timer), ==, SAM_TIMER_RUNNING);
  g_assert_true (sam_timer_get_current (f->timer) == (gpointer) a);
  g_object_unref (a);
}

static void
test_wall_clock_jump (Fixture       *f,
                      gconstpointer  data)
{
  sam_timer_start (f->timer);
  advance (f, MINUTES);

  /* The system's time is corrected by an hour: the countdown does not care. */
  sam_fake_clock_set_real (f->clock, sam_clock_get_real (f->clock) + 60 * MINUTES);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 9 * 60);
  g_assert_cmpint (sam_timer_get_now (f->timer), ==, AT (8, 56));
  advance (f, MINUTES);
  g_assert_cmpint (sam_timer_get_display_seconds (f->timer), ==, 8 * 60);
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(SamSession) reopened = NULL;
  g_autoptr(SamClock) later = NULL;
  g_autoptr(SamTimer) timer = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  advance (f, 5 * MINUTES);
  sam_timer_start (f->timer);
  advance (f, 4 * MINUTES);
  sam_timer_pause (f->timer);
  advance (f, MINUTES);

  /* Saved (or journaled) and opened again two minutes later, on a machine
   * whose monotonic clock started anew: the item is still paused at 6:00. */
  text = sam_json_save_data (f->session, &length);
  reopened = sam_json_load_data (text, length, &error);
  g_assert_no_error (error);
  later = sam_fake_clock_new (42, AT (9, 7));
  timer = sam_timer_new (reopened, later);
  g_assert_cmpint (sam_timer_get_state (timer), ==, SAM_TIMER_PAUSED);
  g_assert_cmpint (sam_timer_get_display_seconds (timer), ==, 6 * 60);
  g_assert_true (sam_timer_resume (timer));
  sam_fake_clock_advance (later, MINUTES);
  g_assert_cmpint (sam_timer_get_display_seconds (timer), ==, 5 * 60);
  g_assert_cmpint (sam_timer_get_projected_end (timer), ==, AT (9, 33));
}

static void
test_no_drift (void)
{
  g_autoptr(SamSession) session = sam_session_new ();
  g_autoptr(SamClock) clock = sam_fake_clock_new (G_GINT64_CONSTANT (123456789), AT (8, 0));
  g_autoptr(SamTimer) timer = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241123);
  gint64 day_start, now = 0, item_start = 0;
  guint index = 0, steps = 0;

  /* Eight hours: sixteen items of 30 minutes, each ended the moment its
   * countdown reaches zero, the clock moved in uneven steps of 0.2–1.8 s
   * (the way a busy machine wakes). */
  sam_session_set (session, session, "date", "2024-03-05", "start-time", "08:00", NULL);
  for (guint i = 0; i < 16; i++)
    add_item (session, "Item", 30, SAM_AGENDA_KIND_OTHER, SAM_OVERRUN_PUSH);
  timer = sam_timer_new (session, clock);

  sam_timer_start (timer);
  day_start = item_start = sam_timer_get_now (timer);

  while (sam_timer_get_state (timer) == SAM_TIMER_RUNNING)
    {
      gint64 step = g_rand_int_range (rand, 200000, 1800001);

      sam_fake_clock_advance (clock, step);
      now += step;
      steps++;

      /* Always exactly what the clock says, never a sum of ticks. */
      g_assert_cmpint (sam_timer_get_elapsed (timer), ==, day_start + now - item_start);
      g_assert_cmpint (sam_timer_get_remaining (timer), ==, 30 * MINUTES - (day_start + now - item_start));

      if (sam_timer_get_remaining (timer) <= 0)
        {
          SamItem *item = SAM_ITEM (sam_timer_get_current (timer));

          g_assert_cmpint (sam_item_get_int64 (item, "actual-start"), ==, item_start);
          sam_timer_next (timer);
          g_assert_cmpint (sam_item_get_int64 (item, "actual-end"), ==, day_start + now);
          item_start = day_start + now;
          index++;
        }
    }

  g_assert_cmpuint (index, ==, 16);
  g_assert_cmpuint (steps, >, 16000);
  g_assert_cmpint (sam_timer_get_state (timer), ==, SAM_TIMER_FINISHED);
  /* Each item ended less than one step late: the day ends within 16 steps
   * of 16:00, as the clock says. */
  g_assert_cmpint (sam_timer_get_projected_end (timer), ==, day_start + now);
  g_assert_cmpint (day_start + now - AT (16, 0), >=, 0);
  g_assert_cmpint (day_start + now - AT (16, 0), <, 16 * 1800000);
}

/* The export reads the plan with a timer that never wakes: a running item
 * adds no source to the main loop, and the planned starts are the app's. */
static void
test_still (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SamTimer) still = NULL;

  g_assert_true (sam_timer_start (f->timer));
  g_assert_cmpint (sam_timer_get_state (f->timer), ==, SAM_TIMER_RUNNING);
  g_assert_nonnull (g_main_context_find_source_by_user_data (NULL, f->timer));

  still = sam_timer_new_still (f->session);
  g_assert_cmpint (sam_timer_get_state (still), ==, SAM_TIMER_RUNNING);
  g_assert_null (g_main_context_find_source_by_user_data (NULL, still));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (sam_timer_get_item_planned_start (still, i), ==,
                     sam_timer_get_item_planned_start (f->timer, i));
  g_assert_cmpint (sam_timer_get_planned_end (still), ==, sam_timer_get_planned_end (f->timer));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, policy) \
  g_test_add ("/sam/timer/" path, Fixture, GINT_TO_POINTER (policy), fixture_set_up, func, fixture_tear_down)

  ADD ("countdown", test_countdown, SAM_OVERRUN_PUSH);
  ADD ("changed-once-a-second", test_changed_once_a_second, SAM_OVERRUN_PUSH);
  ADD ("levels-and-alarm", test_levels_and_alarm, SAM_OVERRUN_PUSH);
  ADD ("pause-resume", test_pause_resume, SAM_OVERRUN_PUSH);
  ADD ("nudges", test_nudges, SAM_OVERRUN_PUSH);
  ADD ("overrun-push", test_overrun_push, SAM_OVERRUN_PUSH);
  ADD ("overrun-absorb", test_overrun_absorb, SAM_OVERRUN_ABSORB);
  ADD ("absorb-too-much", test_absorb_too_much, SAM_OVERRUN_ABSORB);
  ADD ("projected-end", test_projected_end, SAM_OVERRUN_PUSH);
  ADD ("recorded-times", test_recorded_times, SAM_OVERRUN_PUSH);
  ADD ("edits-while-running", test_edits_while_running, SAM_OVERRUN_PUSH);
  ADD ("wall-clock-jump", test_wall_clock_jump, SAM_OVERRUN_PUSH);
  ADD ("reopen", test_reopen, SAM_OVERRUN_PUSH);
  ADD ("still", test_still, SAM_OVERRUN_PUSH);
  g_test_add_func ("/sam/timer/other-day", test_other_day);
  g_test_add_func ("/sam/timer/no-drift", test_no_drift);

  return g_test_run ();
}
