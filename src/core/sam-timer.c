/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-timer.h"

/*
 * The timer's state is read from the document each time: which item runs
 * (actual-start set, actual-end not, not skipped), whether it is paused (its
 * last pause has no end), and the first item neither ended nor skipped when
 * none runs. So undo, the journal, and opening a file all leave the timer
 * where the document says. Of its own, the timer keeps only the mapping of
 * the monotonic clock to wall-clock time, and whether the current item has
 * already chimed.
 */

#define USEC G_USEC_PER_SEC
#define MINUTE (60 * USEC)

struct _SamTimer
{
  GObject        parent_instance;

  SamSession    *session;
  SamClock      *clock;
  gint64         anchor_monotonic;
  gint64         anchor_real;
  /* Reads the plan at one moment and never wakes (sam_timer_new_still()). */
  gboolean       still;

  /* Derived from the document by refresh(). */
  SamTimerState  state;
  SamAgendaItem *current;      /* borrowed: it is in the agenda */
  int            current_index;

  /* What ::changed last told about. */
  struct {
    SamTimerState  state;
    SamAgendaItem *current;
    SamAgendaItem *next;
    gint64         display;
    SamTimerLevel  level;
    gint64         projected_minute;
    gint64         planned_minute;
  } shown;

  SamAgendaItem *alarm_item;   /* borrowed, compared only */
  gboolean       alarmed;

  guint          tick_id;
  gulong         jumped_id;
  gulong         committed_id;
  gulong         notify_id;
  gboolean       recording;
};

G_DEFINE_FINAL_TYPE (SamTimer, sam_timer, G_TYPE_OBJECT)

enum {
  CHANGED,
  ALARM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (SamTimer *self,
                     gboolean  force);

/* Reading the agenda */

static guint
n_items (SamTimer *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_agenda (self->session)));
}

/* Borrowed: the agenda holds it. */
static SamItem *
item_at (SamTimer *self,
         guint     index)
{
  g_autoptr(SamItem) item = g_list_model_get_item (G_LIST_MODEL (sam_session_get_agenda (self->session)), index);

  return item;
}

static gboolean
is_skipped (SamItem *item)
{
  return sam_item_get_boolean (item, "skipped");
}

static gboolean
is_done (SamItem *item)
{
  return sam_item_get_int64 (item, "actual-end") != 0;
}

static gboolean
is_running (SamItem *item)
{
  return sam_item_get_int64 (item, "actual-start") != 0 && !is_done (item) && !is_skipped (item);
}

/* The last pause of @item, if it has not ended. Borrowed. */
static SamItem *
open_pause (SamItem *item)
{
  GListModel *pauses = G_LIST_MODEL (sam_item_get_list (item, "pauses"));
  guint n = g_list_model_get_n_items (pauses);
  g_autoptr(SamItem) last = NULL;

  if (n == 0)
    return NULL;

  last = g_list_model_get_item (pauses, n - 1);
  return sam_item_get_int64 (last, "end") == 0 ? last : NULL;
}

/* µs that @item was paused up to @until. */
static gint64
paused_time (SamItem *item,
             gint64   until)
{
  GListModel *pauses = G_LIST_MODEL (sam_item_get_list (item, "pauses"));
  guint n = g_list_model_get_n_items (pauses);
  gint64 total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) pause = g_list_model_get_item (pauses, i);
      gint64 start = sam_item_get_int64 (pause, "start");
      gint64 end = sam_item_get_int64 (pause, "end");

      if (end == 0 || end > until)
        end = until;
      if (end > start)
        total += end - start;
    }

  return total;
}

/* µs that @item has run (or ran), pauses excluded. */
static gint64
run_time (SamItem *item,
          gint64   now)
{
  gint64 start = sam_item_get_int64 (item, "actual-start");
  gint64 end = sam_item_get_int64 (item, "actual-end");

  if (start == 0)
    return 0;
  if (end == 0)
    end = now;

  return MAX (0, end - start - paused_time (item, end));
}

static gint64
planned (SamItem *item)
{
  return sam_item_get_int (item, "duration");
}

/*
 * The budget of every item, in µs, as of @now: its planned duration plus
 * its extension, less its share of the overruns to be absorbed before it.
 * Such a debt is shared by the items after the overrun in proportion to
 * their planned durations; what they cannot take pushes the end. The
 * current item's overrun so far counts as a debt too if it is absorbed.
 *
 * Returns a new array of n_items() values (0 for skipped items). A debt
 * that the later items cannot take has already been spent: it is in the
 * time of day, not in any budget.
 */
static gint64 *
compute_budgets (SamTimer *self,
                 gint64    now)
{
  guint n = n_items (self);
  gint64 *budgets = g_new0 (gint64, MAX (n, 1));
  gint64 *rest = g_new0 (gint64, n + 1);
  gint64 debt = 0;

  /* rest[i]: planned seconds of item i and those after it. */
  for (guint i = n; i-- > 0;)
    {
      SamItem *item = item_at (self, i);

      rest[i] = rest[i + 1] + (is_skipped (item) ? 0 : planned (item));
    }

  for (guint i = 0; i < n; i++)
    {
      SamItem *item = item_at (self, i);
      gint64 take = 0;
      gint64 budget;

      if (is_skipped (item))
        continue;

      if (debt > 0 && rest[i] > 0)
        take = MIN (planned (item), (debt * planned (item) + rest[i] / 2) / rest[i]);
      debt -= take;

      budget = planned (item) + sam_item_get_int (item, "extension") - take;
      budgets[i] = budget * USEC;

      if (sam_item_get_enum (item, "overrun") == SAM_OVERRUN_ABSORB &&
          sam_item_get_int64 (item, "actual-start") != 0)
        {
          gint64 over = run_time (item, now) - budgets[i];

          if (over > 0)
            debt += over / USEC;
        }
    }

  g_free (rest);
  return budgets;
}

/* Time */

gint64
sam_timer_get_now (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), 0);

  return self->anchor_real + (sam_clock_get_monotonic (self->clock) - self->anchor_monotonic);
}

/* Minutes after midnight of "HH:MM", or -1. */
static int
parse_clock (const char *text)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return -1;

  return ((text[0] - '0') * 10 + (text[1] - '0')) * 60 + (text[3] - '0') * 10 + (text[4] - '0');
}

/* The local day the session is run on: that of its first actual start, or
 * its date, or today. */
static GDateTime *
session_day (SamTimer *self)
{
  const char *date = sam_item_get_string (SAM_ITEM (self->session), "date");
  gint64 first = 0;
  guint n = n_items (self);
  int year, month, day;

  for (guint i = 0; i < n; i++)
    {
      gint64 start = sam_item_get_int64 (item_at (self, i), "actual-start");

      if (start != 0 && (first == 0 || start < first))
        first = start;
    }

  if (first != 0)
    return g_date_time_new_from_unix_local (first / USEC);

  if (date != NULL && sscanf (date, "%4d-%2d-%2d", &year, &month, &day) == 3 &&
      g_date_valid_dmy (day, month, year))
    return g_date_time_new_local (year, month, day, 0, 0, 0);

  return g_date_time_new_from_unix_local (sam_timer_get_now (self) / USEC);
}

gint64
sam_timer_get_planned_start (SamTimer *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) start = NULL;
  int minutes;

  g_return_val_if_fail (SAM_IS_TIMER (self), 0);

  day = session_day (self);
  minutes = parse_clock (sam_item_get_string (SAM_ITEM (self->session), "start-time"));
  if (minutes < 0)
    minutes = 9 * 60;

  start = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                 g_date_time_get_day_of_month (day),
                                 minutes / 60, minutes % 60, 0);

  return g_date_time_to_unix (start) * USEC;
}

gint64
sam_timer_get_item_planned_start (SamTimer *self,
                                  guint     index)
{
  gint64 start;

  g_return_val_if_fail (SAM_IS_TIMER (self), 0);

  start = sam_timer_get_planned_start (self);
  for (guint i = 0; i < index && i < n_items (self); i++)
    start += planned (item_at (self, i)) * USEC;

  return start;
}

gint64
sam_timer_get_planned_end (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), 0);

  return sam_timer_get_item_planned_start (self, n_items (self));
}

/* The state */

/* An edit may rename the current or next item: what is shown changed even
 * if the time did not. */
static void
session_committed_cb (SamTimer *self)
{
  if (!self->recording)
    refresh (self, TRUE);
}

static SamTimer *
timer_new (SamSession *session,
           SamClock   *clock,
           gboolean    still)
{
  SamTimer *self;

  self = g_object_new (SAM_TYPE_TIMER, NULL);
  self->still = still;
  self->session = g_object_ref (session);
  self->clock = clock != NULL ? g_object_ref (clock) : sam_clock_dup_system ();
  self->anchor_monotonic = sam_clock_get_monotonic (self->clock);
  self->anchor_real = sam_clock_get_real (self->clock);

  self->jumped_id = g_signal_connect_swapped (self->clock, "jumped",
                                              G_CALLBACK (sam_timer_update), self);
  self->committed_id = g_signal_connect_swapped (self->session, "committed",
                                                 G_CALLBACK (session_committed_cb), self);
  self->notify_id = g_signal_connect_swapped (self->session, "notify",
                                              G_CALLBACK (sam_timer_update), self);

  refresh (self, FALSE);
  /* An item that was already over time when the document was opened does
   * not chime again. */
  self->alarm_item = self->current;
  self->alarmed = sam_timer_get_remaining (self) <= 0;

  return self;
}

SamTimer *
sam_timer_new (SamSession *session,
               SamClock   *clock)
{
  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (clock == NULL || SAM_IS_CLOCK (clock), NULL);

  return timer_new (session, clock, FALSE);
}

SamTimer *
sam_timer_new_still (SamSession *session)
{
  g_autoptr(SamClock) clock = NULL;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);

  /* A clock of its own that stands still at this moment: no source on the
   * main loop and no shared clock, so any thread may use it. */
  clock = sam_fake_clock_new (g_get_monotonic_time (), g_get_real_time ());
  return timer_new (session, clock, TRUE);
}

static void
sam_timer_dispose (GObject *object)
{
  SamTimer *self = SAM_TIMER (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_signal_handler (&self->jumped_id, self->clock);
  g_clear_signal_handler (&self->committed_id, self->session);
  g_clear_signal_handler (&self->notify_id, self->session);
  g_clear_object (&self->clock);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sam_timer_parent_class)->dispose (object);
}

static void
sam_timer_class_init (SamTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_timer_dispose;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[ALARM] =
    g_signal_new ("alarm",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sam_timer_init (SamTimer *self)
{
  self->current_index = -1;
}

SamSession *
sam_timer_get_session (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), NULL);

  return self->session;
}

SamClock *
sam_timer_get_clock (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), NULL);

  return self->clock;
}

/* Finds the running item, or the first one neither ended nor skipped. */
static void
derive_state (SamTimer *self)
{
  guint n = n_items (self);
  gboolean any_started = FALSE;

  self->current = NULL;
  self->current_index = -1;

  for (guint i = 0; i < n; i++)
    {
      SamItem *item = item_at (self, i);

      if (is_running (item))
        {
          self->current = SAM_AGENDA_ITEM (item);
          self->current_index = i;
          self->state = open_pause (item) != NULL ? SAM_TIMER_PAUSED : SAM_TIMER_RUNNING;
          return;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      SamItem *item = item_at (self, i);

      if (is_done (item) || is_skipped (item))
        {
          any_started = TRUE;
          continue;
        }
      if (self->current == NULL)
        {
          self->current = SAM_AGENDA_ITEM (item);
          self->current_index = i;
        }
    }

  self->state = (self->current == NULL && any_started) ? SAM_TIMER_FINISHED : SAM_TIMER_STOPPED;
}

SamTimerState
sam_timer_get_state (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), SAM_TIMER_STOPPED);

  return self->state;
}

SamAgendaItem *
sam_timer_get_current (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), NULL);

  return self->current;
}

int
sam_timer_get_current_index (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), -1);

  return self->current_index;
}

/* The first item after @index neither ended nor skipped, or -1. */
static int
next_index (SamTimer *self,
            int       index)
{
  guint n = n_items (self);

  for (guint i = index + 1; i < n; i++)
    {
      SamItem *item = item_at (self, i);

      if (!is_done (item) && !is_skipped (item))
        return i;
    }

  return -1;
}

SamAgendaItem *
sam_timer_get_next (SamTimer *self)
{
  int index;

  g_return_val_if_fail (SAM_IS_TIMER (self), NULL);

  if (self->current == NULL)
    return NULL;

  index = next_index (self, self->current_index);
  return index >= 0 ? SAM_AGENDA_ITEM (item_at (self, index)) : NULL;
}

gint64
sam_timer_get_elapsed (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), 0);

  if (self->state != SAM_TIMER_RUNNING && self->state != SAM_TIMER_PAUSED)
    return 0;

  return run_time (SAM_ITEM (self->current), sam_timer_get_now (self));
}

gint64
sam_timer_get_budget (SamTimer *self)
{
  g_autofree gint64 *budgets = NULL;

  g_return_val_if_fail (SAM_IS_TIMER (self), 0);

  if (self->current == NULL)
    return 0;

  budgets = compute_budgets (self, sam_timer_get_now (self));
  return budgets[self->current_index];
}

gint64
sam_timer_get_remaining (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), 0);

  return sam_timer_get_budget (self) - sam_timer_get_elapsed (self);
}

gint64
sam_timer_get_display_seconds (SamTimer *self)
{
  gint64 remaining;

  g_return_val_if_fail (SAM_IS_TIMER (self), 0);

  remaining = sam_timer_get_remaining (self);
  if (remaining > 0)
    return (remaining + USEC - 1) / USEC;

  return -remaining / USEC;
}

static SamTimerLevel
level_for (SamTimer *self,
           gint64    remaining)
{
  gint64 warning = (gint64) sam_item_get_int (SAM_ITEM (self->session), "warning-time") * USEC;

  if (self->current == NULL)
    return SAM_TIMER_LEVEL_NORMAL;
  if (remaining <= 0)
    return SAM_TIMER_LEVEL_OVERRUN;
  if (remaining <= warning)
    return SAM_TIMER_LEVEL_WARNING;

  return SAM_TIMER_LEVEL_NORMAL;
}

SamTimerLevel
sam_timer_get_level (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), SAM_TIMER_LEVEL_NORMAL);

  return level_for (self, sam_timer_get_remaining (self));
}

gint64
sam_timer_get_current_end (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), 0);

  if (self->state != SAM_TIMER_RUNNING && self->state != SAM_TIMER_PAUSED)
    return 0;

  return sam_timer_get_now (self) + MAX (0, sam_timer_get_remaining (self));
}

gint64
sam_timer_get_projected_end (SamTimer *self)
{
  g_autofree gint64 *budgets = NULL;
  gint64 now, end;
  guint n;
  int from;

  g_return_val_if_fail (SAM_IS_TIMER (self), 0);

  now = sam_timer_get_now (self);
  n = n_items (self);
  budgets = compute_budgets (self, now);

  if (self->state == SAM_TIMER_FINISHED)
    {
      end = 0;
      for (guint i = 0; i < n; i++)
        end = MAX (end, sam_item_get_int64 (item_at (self, i), "actual-end"));
      return end;
    }

  if (self->state == SAM_TIMER_RUNNING || self->state == SAM_TIMER_PAUSED)
    {
      end = now + MAX (0, budgets[self->current_index] - sam_timer_get_elapsed (self));
      from = self->current_index + 1;
    }
  else
    {
      gboolean started = FALSE;

      for (guint i = 0; i < n; i++)
        started |= sam_item_get_int64 (item_at (self, i), "actual-start") != 0;

      if (started)
        {
          end = now;
        }
      else
        {
          g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now / USEC);
          g_autoptr(GDateTime) day = session_day (self);
          gint64 start = sam_timer_get_planned_start (self);

          /* Before the day, the plan; on the day, it cannot start before now. */
          if (g_date_time_get_year (today) == g_date_time_get_year (day) &&
              g_date_time_get_day_of_year (today) == g_date_time_get_day_of_year (day))
            start = MAX (start, now);
          end = start;
        }
      from = MAX (self->current_index, 0);
    }

  for (guint i = from; i < n; i++)
    {
      SamItem *item = item_at (self, i);

      if (!is_done (item) && !is_skipped (item))
        end += MAX (0, budgets[i]);
    }

  return end;
}

gint64
sam_timer_get_delay (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), 0);

  return sam_timer_get_projected_end (self) - sam_timer_get_planned_end (self);
}

/* Ticking and telling */

static gboolean
tick_cb (gpointer data)
{
  SamTimer *self = data;

  self->tick_id = 0;
  refresh (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* Wakes when the shown second changes while an item runs, and on the minute
 * (the projected end moves) while it is paused. */
static void
schedule_tick (SamTimer *self)
{
  gint64 wait;

  g_clear_handle_id (&self->tick_id, g_source_remove);

  if (self->still)
    return;
  if (self->state == SAM_TIMER_RUNNING)
    wait = USEC - sam_timer_get_elapsed (self) % USEC;
  else if (self->state == SAM_TIMER_PAUSED)
    wait = MINUTE - sam_timer_get_now (self) % MINUTE;
  else
    return;

  /* A millisecond late rather than early, so the second has changed. */
  self->tick_id = g_timeout_add_full (G_PRIORITY_DEFAULT, wait / 1000 + 1, tick_cb, self, NULL);
  g_source_set_name_by_id (self->tick_id, "[samling] timer tick");
}

static void
refresh (SamTimer *self,
         gboolean  force)
{
  gint64 remaining;
  SamTimerLevel level;
  SamAgendaItem *next;
  gint64 display, projected_minute, planned_minute;
  gboolean changed;

  derive_state (self);

  remaining = sam_timer_get_remaining (self);
  level = level_for (self, remaining);
  next = sam_timer_get_next (self);
  display = sam_timer_get_display_seconds (self);
  projected_minute = sam_timer_get_projected_end (self) / MINUTE;
  planned_minute = sam_timer_get_planned_end (self) / MINUTE;

  changed = force ||
            self->shown.state != self->state ||
            self->shown.current != self->current ||
            self->shown.next != next ||
            self->shown.display != display ||
            self->shown.level != level ||
            self->shown.projected_minute != projected_minute ||
            self->shown.planned_minute != planned_minute;

  self->shown.state = self->state;
  self->shown.current = self->current;
  self->shown.next = next;
  self->shown.display = display;
  self->shown.level = level;
  self->shown.projected_minute = projected_minute;
  self->shown.planned_minute = planned_minute;

  schedule_tick (self);

  if (self->alarm_item != self->current)
    {
      self->alarm_item = self->current;
      self->alarmed = remaining <= 0;
    }
  else if (remaining > 0)
    {
      self->alarmed = FALSE;
    }

  g_object_ref (self);

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);

  if (self->state == SAM_TIMER_RUNNING && remaining <= 0 && !self->alarmed)
    {
      self->alarmed = TRUE;
      g_signal_emit (self, signals[ALARM], 0);
    }

  g_object_unref (self);
}

void
sam_timer_update (SamTimer *self)
{
  g_return_if_fail (SAM_IS_TIMER (self));

  if (self->recording)
    return;

  refresh (self, FALSE);
}

/* Controls */

static void
begin_fact (SamTimer *self)
{
  self->recording = TRUE;
  sam_session_begin_fact (self->session);
}

static void
end_fact (SamTimer *self)
{
  sam_session_end (self->session);
  self->recording = FALSE;
  refresh (self, TRUE);
}

static void
clear_pauses (SamTimer *self,
              SamItem  *item)
{
  GListModel *pauses = G_LIST_MODEL (sam_item_get_list (item, "pauses"));

  while (g_list_model_get_n_items (pauses) > 0)
    {
      g_autoptr(SamItem) pause = g_list_model_get_item (pauses, 0);

      sam_session_remove (self->session, pause);
    }
}

/* Within a fact: @item starts now, afresh. */
static void
start_afresh (SamTimer *self,
              SamItem  *item,
              gint64    now)
{
  clear_pauses (self, item);
  sam_session_set (self->session, item,
                   "actual-start", now,
                   "actual-end", (gint64) 0,
                   "extension", 0,
                   "skipped", FALSE,
                   NULL);
}

/* Within a fact: the running item ends now (its pause too). */
static void
end_running (SamTimer *self,
             gint64    now)
{
  SamItem *item = SAM_ITEM (self->current);
  SamItem *pause = open_pause (item);

  if (pause != NULL)
    sam_session_set (self->session, pause, "end", now, NULL);
  sam_session_set (self->session, item, "actual-end", now, NULL);
}

static gboolean
is_active (SamTimer *self)
{
  return self->state == SAM_TIMER_RUNNING || self->state == SAM_TIMER_PAUSED;
}

gboolean
sam_timer_start_item (SamTimer *self,
                      guint     index)
{
  gint64 now;

  g_return_val_if_fail (SAM_IS_TIMER (self), FALSE);

  if (index >= n_items (self))
    return FALSE;
  if (is_active (self) && (guint) self->current_index == index)
    return FALSE;

  now = sam_timer_get_now (self);
  begin_fact (self);
  if (is_active (self))
    end_running (self, now);
  start_afresh (self, item_at (self, index), now);
  end_fact (self);

  return TRUE;
}

gboolean
sam_timer_start (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), FALSE);

  if (self->state != SAM_TIMER_STOPPED || self->current == NULL)
    return FALSE;

  return sam_timer_start_item (self, self->current_index);
}

gboolean
sam_timer_pause (SamTimer *self)
{
  g_autoptr(SamItem) pause = NULL;

  g_return_val_if_fail (SAM_IS_TIMER (self), FALSE);

  if (self->state != SAM_TIMER_RUNNING)
    return FALSE;

  pause = sam_item_new (SAM_TYPE_PAUSE, NULL);
  g_object_set (pause, "start", sam_timer_get_now (self), NULL);

  begin_fact (self);
  sam_session_insert (self->session, self->current, "pauses", G_MAXUINT, pause);
  end_fact (self);

  return TRUE;
}

gboolean
sam_timer_resume (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), FALSE);

  if (self->state != SAM_TIMER_PAUSED)
    return FALSE;

  begin_fact (self);
  sam_session_set (self->session, open_pause (SAM_ITEM (self->current)),
                   "end", sam_timer_get_now (self), NULL);
  end_fact (self);

  return TRUE;
}

gboolean
sam_timer_toggle (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), FALSE);

  switch (self->state)
    {
    case SAM_TIMER_STOPPED:
      return sam_timer_start (self);
    case SAM_TIMER_RUNNING:
      return sam_timer_pause (self);
    case SAM_TIMER_PAUSED:
      return sam_timer_resume (self);
    case SAM_TIMER_FINISHED:
    default:
      return FALSE;
    }
}

gboolean
sam_timer_extend (SamTimer *self,
                  int       seconds)
{
  SamItem *item;
  GParamSpecInt *pspec;
  int extension;

  g_return_val_if_fail (SAM_IS_TIMER (self), FALSE);

  if (!is_active (self) || seconds == 0)
    return FALSE;

  item = SAM_ITEM (self->current);
  pspec = G_PARAM_SPEC_INT (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "extension"));
  extension = CLAMP ((gint64) sam_item_get_int (item, "extension") + seconds,
                     pspec->minimum, pspec->maximum);
  /* Taking time stops at nothing left to take. */
  if (seconds < 0)
    extension = MAX (extension, -(int) planned (item));
  if (extension == sam_item_get_int (item, "extension"))
    return FALSE;

  begin_fact (self);
  sam_session_set (self->session, item, "extension", extension, NULL);
  end_fact (self);

  return TRUE;
}

gboolean
sam_timer_next (SamTimer *self)
{
  gint64 now;
  int next;

  g_return_val_if_fail (SAM_IS_TIMER (self), FALSE);

  if (self->state == SAM_TIMER_STOPPED)
    return sam_timer_start (self);
  if (!is_active (self))
    return FALSE;

  now = sam_timer_get_now (self);
  next = next_index (self, self->current_index);

  begin_fact (self);
  end_running (self, now);
  if (next >= 0)
    start_afresh (self, item_at (self, next), now);
  end_fact (self);

  return TRUE;
}

gboolean
sam_timer_previous (SamTimer *self)
{
  SamItem *previous;
  int index;

  g_return_val_if_fail (SAM_IS_TIMER (self), FALSE);

  if (self->state == SAM_TIMER_FINISHED)
    index = n_items (self) - 1;
  else
    index = self->current_index - 1;
  if (index < 0)
    return FALSE;

  previous = item_at (self, index);

  begin_fact (self);
  if (is_active (self))
    {
      /* The current item has not happened yet. */
      SamItem *item = SAM_ITEM (self->current);

      clear_pauses (self, item);
      sam_session_set (self->session, item,
                       "actual-start", (gint64) 0,
                       "actual-end", (gint64) 0,
                       "extension", 0,
                       NULL);
    }

  if (is_skipped (previous))
    {
      sam_session_set (self->session, previous, "skipped", FALSE, NULL);
      if (is_active (self))
        start_afresh (self, previous, sam_timer_get_now (self));
    }
  else if (is_done (previous))
    {
      /* It runs on as if it had not ended. */
      sam_session_set (self->session, previous, "actual-end", (gint64) 0, NULL);
    }
  else if (is_active (self))
    {
      start_afresh (self, previous, sam_timer_get_now (self));
    }
  end_fact (self);

  return TRUE;
}

gboolean
sam_timer_skip (SamTimer *self)
{
  SamItem *item;
  gint64 now;
  int next;

  g_return_val_if_fail (SAM_IS_TIMER (self), FALSE);

  if (self->current == NULL)
    return FALSE;

  item = SAM_ITEM (self->current);
  now = sam_timer_get_now (self);
  next = next_index (self, self->current_index);

  begin_fact (self);
  clear_pauses (self, item);
  sam_session_set (self->session, item,
                   "skipped", TRUE,
                   "actual-start", (gint64) 0,
                   "actual-end", (gint64) 0,
                   "extension", 0,
                   NULL);
  if (is_active (self) && next >= 0)
    start_afresh (self, item_at (self, next), now);
  end_fact (self);

  return TRUE;
}

gboolean
sam_timer_restart (SamTimer *self)
{
  g_return_val_if_fail (SAM_IS_TIMER (self), FALSE);

  if (!is_active (self))
    return FALSE;

  begin_fact (self);
  start_afresh (self, SAM_ITEM (self->current), sam_timer_get_now (self));
  end_fact (self);

  return TRUE;
}

gboolean
sam_timer_reset (SamTimer *self)
{
  guint n;
  gboolean any = FALSE;

  g_return_val_if_fail (SAM_IS_TIMER (self), FALSE);

  n = n_items (self);
  for (guint i = 0; i < n && !any; i++)
    {
      SamItem *item = item_at (self, i);

      any = sam_item_get_int64 (item, "actual-start") != 0 || is_done (item) || is_skipped (item) ||
            sam_item_get_int (item, "extension") != 0 ||
            g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (item, "pauses"))) > 0;
    }
  if (!any)
    return FALSE;

  self->recording = TRUE;
  sam_session_begin (self->session, _("Reset Recorded Times"));
  for (guint i = 0; i < n; i++)
    {
      SamItem *item = item_at (self, i);

      clear_pauses (self, item);
      sam_session_set (self->session, item,
                       "actual-start", (gint64) 0,
                       "actual-end", (gint64) 0,
                       "extension", 0,
                       "skipped", FALSE,
                       NULL);
    }
  sam_session_end (self->session);
  self->recording = FALSE;
  refresh (self, TRUE);

  return TRUE;
}
