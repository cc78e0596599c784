/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-export-pictures.h"
#include "sam-export-private.h"
#include "sam-map.h"
#include "sam-prompts.h"
#include "sam-timer.h"
#include "sam-wall.h"

/*
 * What the summary says, as blocks (see sam-export-private.h), and the two
 * text writers. Times are shown in the local time zone, as the app shows
 * them: the file keeps them in UTC, and the people who read the summary
 * were in the room, in the session's local day.
 *
 * Markdown is written for any CommonMark renderer, including those that
 * know only part of the backslash escapes (Python-Markdown does not take
 * "\<" or "\~"): characters that can start markup are backslash-escaped
 * where every renderer takes that, and written as character references
 * (&lt; &amp; &#124; &#126; &#61;) where some would show the backslash.
 * The agenda and the counts are pipe tables, which GitHub, GitLab, Pandoc
 * and Python-Markdown's tables render, and which read as text elsewhere.
 */

#define USEC G_USEC_PER_SEC
/* Width in pixels of the HTML's pictures: twice the width they are shown
 * at, so that they stay sharp on a phone's dense screen and in print. */
#define HTML_PICTURE_WIDTH 1440

/* Blocks */

void
sam_block_free (SamBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->text);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_clear_pointer (&block->metas, g_ptr_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static SamBlock *
add_block (GPtrArray    *blocks,
           SamBlockKind  kind,
           int           level,
           const char   *text)
{
  SamBlock *block = g_new0 (SamBlock, 1);

  block->kind = kind;
  block->level = level;
  block->text = g_strdup (text);
  if (kind == SAM_BLOCK_LIST || kind == SAM_BLOCK_QUOTES)
    {
      block->items = g_ptr_array_new_with_free_func (g_free);
      block->metas = g_ptr_array_new_with_free_func (g_free);
    }
  if (kind == SAM_BLOCK_FIELDS || kind == SAM_BLOCK_TABLE)
    block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_ptr_array_add (blocks, block);
  return block;
}

static void
add_heading (GPtrArray  *blocks,
             int         level,
             const char *text)
{
  add_block (blocks, SAM_BLOCK_HEADING, level, text);
}

static void
add_paragraph (GPtrArray  *blocks,
               const char *text)
{
  add_block (blocks, SAM_BLOCK_PARAGRAPH, 0, text);
}

/* Adds an item to a LIST or QUOTES block; takes @meta (may be NULL). */
static void
block_add_item (SamBlock   *block,
                const char *text,
                char       *meta)
{
  g_ptr_array_add (block->items, g_strdup (text));
  g_ptr_array_add (block->metas, meta);
}

/* Adds a row of cells (NULL-terminated, copied) to a FIELDS or TABLE block. */
static void
block_add_row (SamBlock   *block,
               const char *first,
               ...)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  const char *cell = first;
  va_list args;

  va_start (args, first);
  while (cell != NULL)
    {
      g_strv_builder_add (builder, cell);
      cell = va_arg (args, const char *);
    }
  va_end (args);

  g_ptr_array_add (block->rows, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
}

/* Texts */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* "13:05" in local time, or NULL for 0 (unset). */
static char *
format_clock (gint64 usec)
{
  g_autoptr(GDateTime) time = NULL;

  if (usec <= 0)
    return NULL;

  time = g_date_time_new_from_unix_local (usec / USEC);
  return time != NULL ? g_date_time_format (time, "%H:%M") : NULL;
}

/* "15 min", "1 h", "1 h 30 min" for whole minutes (the app's wording). */
static char *
format_minutes (gint64 minutes)
{
  gint64 hours = minutes / 60;

  minutes %= 60;
  if (hours == 0)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%d min"), (int) minutes);
  if (minutes == 0)
    /* Translators: a duration in hours */
    return g_strdup_printf (_("%d h"), (int) hours);
  /* Translators: a duration in hours and minutes */
  return g_strdup_printf (_("%d h %d min"), (int) hours, (int) minutes);
}

static char *
format_duration (gint64 seconds)
{
  return format_minutes ((MAX (seconds, 0) + 30) / 60);
}

/* "+3 min", "−2 min" (a minus sign, not a hyphen), "±0 min". */
static char *
format_difference (gint64 minutes)
{
  g_autofree char *amount = format_minutes (ABS (minutes));

  if (minutes > 0)
    return g_strconcat ("+", amount, NULL);
  if (minutes < 0)
    return g_strconcat ("−", amount, NULL);
  return g_strconcat ("±", amount, NULL);
}

/* @usec in whole minutes, rounded to the nearest (halves away from 0). */
static gint64
round_minutes (gint64 usec)
{
  gint64 minute = 60 * USEC;

  return usec >= 0 ? (usec + minute / 2) / minute : -((-usec + minute / 2) / minute);
}

static const char *
perspective_name (SamSession *session,
                  const char *id)
{
  SamItem *perspective;

  if (id == NULL || id[0] == '\0')
    return NULL;

  perspective = sam_session_lookup (session, id);
  if (perspective == NULL || !SAM_IS_PERSPECTIVE (perspective))
    return NULL;

  return sam_item_get_string (perspective, "name");
}

/* Joins those of @a, @b and @c that are not empty with " · ", or NULL. */
static char *
join_meta (const char *a,
           const char *b,
           const char *c)
{
  const char *parts[] = { a, b, c };
  GString *meta = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (meta->len > 0)
        g_string_append (meta, " · ");
      g_string_append (meta, parts[i]);
    }

  if (meta->len == 0)
    {
      g_string_free (meta, TRUE);
      return NULL;
    }
  return g_string_free (meta, FALSE);
}

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

/* The @i-th item of @store (transfer none: the store keeps it). */
static SamItem *
item_at (GListStore *store,
         guint       i)
{
  SamItem *item = g_list_model_get_item (G_LIST_MODEL (store), i);

  g_object_unref (item);
  return item;
}

/* Details */

static char *
format_date (const char *date)
{
  g_autoptr(GDateTime) time = NULL;
  int year, month, day;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  /* Translators: the date of a session in the summary, see the strftime
   * manual: "18 December 2023" */
  return time != NULL ? g_date_time_format (time, _("%-d %B %Y")) : NULL;
}

static void
build_details (GPtrArray  *blocks,
               SamSession *session)
{
  SamItem *item = SAM_ITEM (session);
  const char *start = sam_item_get_string (item, "start-time");
  const char *end = sam_item_get_string (item, "end-time");
  g_autofree char *date = format_date (sam_item_get_string (item, "date"));
  g_autofree char *time = NULL;
  SamBlock *fields = add_block (blocks, SAM_BLOCK_FIELDS, 0, NULL);
  struct { const char *label; const char *value; } rows[6];

  if (!is_blank (start) && !is_blank (end))
    /* Translators: the time a session runs, "13:00–15:00" */
    time = g_strdup_printf (C_("time span", "%s–%s"), start, end);
  else if (!is_blank (start))
    time = g_strdup (start);

  rows[0].label = _("Date");
  rows[0].value = date;
  rows[1].label = _("Time");
  rows[1].value = time;
  rows[2].label = _("Place");
  rows[2].value = sam_item_get_string (item, "place");
  rows[3].label = _("Mode");
  rows[3].value = sam_item_get_enum (item, "mode") == SAM_SESSION_MODE_DIGITAL
                  ? _("Digital") : _("Physical");
  rows[4].label = _("Purpose");
  rows[4].value = sam_item_get_string (item, "purpose");
  rows[5].label = _("Goal");
  rows[5].value = sam_item_get_string (item, "goal");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (!is_blank (rows[i].value))
      block_add_row (fields, rows[i].label, rows[i].value, NULL);
}

/* Who was there */

static void
build_people (GPtrArray  *blocks,
              SamSession *session)
{
  GListStore *perspectives = sam_session_get_perspectives (session);
  GListStore *participants = sam_session_get_participants (session);
  guint n_perspectives = n_items (perspectives);
  guint n_participants = n_items (participants);
  guint n_balloons = n_items (sam_session_get_balloons (session));
  guint n_present = 0;
  g_autofree guint *balloons = NULL;
  g_autofree guint *present = g_new0 (guint, n_perspectives + 1);
  g_autoptr(SamMapPlaces) places = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n_counts;
  SamBlock *table;

  add_heading (blocks, 1, _("Who Was There"));

  for (guint i = 0; i < n_participants; i++)
    {
      SamItem *participant = item_at (participants, i);
      const char * const *ids = sam_item_get_strv (participant, "perspectives");

      if (!sam_item_get_boolean (participant, "present"))
        continue;

      n_present++;
      for (guint p = 0; p < n_perspectives; p++)
        {
          const char *id = sam_item_get_id (item_at (perspectives, p));

          if (ids != NULL && g_strv_contains (ids, id))
            present[p]++;
        }
    }

  if (n_participants > 0)
    g_string_append_printf (summary,
                            g_dngettext (GETTEXT_PACKAGE, "%u participant present",
                                         "%u participants present", n_present),
                            n_present);
  if (n_participants > 0)
    g_string_append (summary, " · ");
  g_string_append_printf (summary,
                          g_dngettext (GETTEXT_PACKAGE, "%u balloon on the map",
                                       "%u balloons on the map", n_balloons),
                          n_balloons);
  add_paragraph (blocks, summary->str);

  if (n_balloons > 0)
    add_block (blocks, SAM_BLOCK_PICTURE, 0,
               _("Balloons on the map by perspective"))->picture = SAM_PICTURE_CHART;

  /* Counts by perspective: the balloons, and the people present who bring
   * it (a participant may bring several). */
  balloons = sam_map_count_perspectives (session, &n_counts);
  table = add_block (blocks, SAM_BLOCK_TABLE, 0, NULL);
  if (n_participants > 0)
    block_add_row (table, _("Perspective"), _("Balloons"), _("Participants"), NULL);
  else
    block_add_row (table, _("Perspective"), _("Balloons"), NULL);
  for (guint p = 0; p < n_counts; p++)
    {
      g_autofree char *n = g_strdup_printf ("%u", balloons[p]);
      g_autofree char *m = g_strdup_printf ("%u", p < n_perspectives ? present[p] : 0);
      const char *name;

      if (p < n_perspectives)
        {
          name = sam_item_get_string (item_at (perspectives, p), "name");
          if (name == NULL || name[0] == '\0')
            name = _("Unnamed");
        }
      else if (balloons[p] > 0)
        name = _("No perspective");
      else
        continue;

      block_add_row (table, name, n, n_participants > 0 ? m : NULL, NULL);
    }
  /* Only the headings: nothing to count. */
  if (table->rows->len < 2)
    g_ptr_array_remove (blocks, table);

  if (n_balloons > 0)
    {
      add_block (blocks, SAM_BLOCK_PICTURE, 0,
                 _("The map with everyone’s balloons"))->picture = SAM_PICTURE_MAP;

      places = sam_map_places_dup_for_session (session);
      counts = sam_map_count_places (session, places);
      add_heading (blocks, 2, _("By Place"));
      table = add_block (blocks, SAM_BLOCK_TABLE, 0, NULL);
      block_add_row (table, _("Place"), _("Balloons"), NULL);
      for (guint i = 0; i < counts->len; i++)
        {
          SamPlaceCount *count = &g_array_index (counts, SamPlaceCount, i);
          g_autofree char *n = g_strdup_printf ("%u", count->count);

          block_add_row (table, count->name != NULL ? count->name : _("Elsewhere"), n, NULL);
        }
    }

  gaps = sam_map_find_gaps (session);
  add_heading (blocks, 2, _("Perspectives Missing"));
  if (n_perspectives == 0)
    {
      add_paragraph (blocks, _("The session has no perspectives."));
    }
  else if (gaps->len == 0)
    {
      add_paragraph (blocks, _("Every perspective was there."));
    }
  else
    {
      SamBlock *list = add_block (blocks, SAM_BLOCK_LIST, 0, NULL);

      for (guint i = 0; i < gaps->len; i++)
        block_add_item (list, sam_item_get_string (gaps->pdata[i], "name"), NULL);
    }
}

/* Agenda */

/* µs that @item ran, pauses excluded; 0 when it has not ended. */
static gint64
actual_length (SamItem *item)
{
  gint64 start = sam_item_get_int64 (item, "actual-start");
  gint64 end = sam_item_get_int64 (item, "actual-end");
  GListStore *pauses = sam_item_get_list (item, "pauses");
  gint64 paused = 0;

  if (start == 0 || end == 0)
    return 0;

  for (guint i = 0; i < n_items (pauses); i++)
    {
      SamItem *pause = item_at (pauses, i);
      gint64 from = sam_item_get_int64 (pause, "start");
      gint64 to = sam_item_get_int64 (pause, "end");

      if (to == 0 || to > end)
        to = end;
      if (to > from)
        paused += to - from;
    }

  return MAX (0, end - start - paused);
}

static void
build_agenda (GPtrArray  *blocks,
              SamSession *session)
{
  GListStore *agenda = sam_session_get_agenda (session);
  guint n = n_items (agenda);
  g_autoptr(SamTimer) timer = NULL;
  g_autofree char *planned_end = NULL;
  g_autofree char *actual_end = NULL;
  gint64 last_end = 0;
  gboolean running = FALSE;
  SamBlock *table, *ends;

  add_heading (blocks, 1, _("Agenda"));
  if (n == 0)
    {
      add_paragraph (blocks, _("The agenda is empty."));
      return;
    }

  /* The timer knows the plan as the app shows it: the session's start
   * time on the day it ran (or its date), plus the planned lengths. */
  timer = sam_timer_new_still (session);

  table = add_block (blocks, SAM_BLOCK_TABLE, 0, NULL);
  block_add_row (table,
                 /* Translators: the column of the agenda item's number */
                 C_("agenda column", "#"),
                 C_("agenda column", "Item"),
                 C_("agenda column", "Planned start"),
                 C_("agenda column", "Planned length"),
                 C_("agenda column", "Actual start"),
                 C_("agenda column", "Actual length"),
                 C_("agenda column", "Difference"),
                 NULL);

  for (guint i = 0; i < n; i++)
    {
      SamItem *item = item_at (agenda, i);
      gint64 start = sam_item_get_int64 (item, "actual-start");
      gint64 end = sam_item_get_int64 (item, "actual-end");
      gint64 planned = sam_item_get_int (item, "duration");
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *planned_start = format_clock (sam_timer_get_item_planned_start (timer, i));
      g_autofree char *planned_length = format_duration (planned);
      g_autofree char *actual_start = NULL;
      g_autofree char *length = NULL;
      g_autofree char *difference = NULL;
      const char *title = sam_item_get_string (item, "title");

      if (sam_item_get_boolean (item, "skipped"))
        {
          difference = g_strdup (C_("agenda difference", "skipped"));
        }
      else if (start == 0)
        {
          difference = g_strdup (C_("agenda difference", "not held"));
        }
      else if (end == 0)
        {
          actual_start = format_clock (start);
          difference = g_strdup (C_("agenda difference", "running"));
          running = TRUE;
        }
      else
        {
          gint64 ran = actual_length (item);

          actual_start = format_clock (start);
          length = format_duration (ran / USEC);
          difference = format_difference (round_minutes (ran - planned * USEC));
          last_end = MAX (last_end, end);
        }

      block_add_row (table, number,
                     is_blank (title) ? _("Untitled Item") : title,
                     planned_start != NULL ? planned_start : "—",
                     planned_length,
                     actual_start != NULL ? actual_start : "—",
                     length != NULL ? length : "—",
                     difference,
                     NULL);
    }

  planned_end = format_clock (sam_timer_get_planned_end (timer));
  if (last_end != 0 && !running)
    {
      g_autofree char *clock = format_clock (last_end);
      /* Compared by the clock times shown, so that the difference adds up
       * for the reader. */
      gint64 minutes = last_end / (60 * USEC) - sam_timer_get_planned_end (timer) / (60 * USEC);
      g_autofree char *difference = format_difference (minutes);

      /* Translators: the time the session ended and how that differs from
       * the plan, "15:12 (+12 min)" */
      actual_end = g_strdup_printf (C_("actual end", "%s (%s)"), clock, difference);
    }

  ends = add_block (blocks, SAM_BLOCK_FIELDS, 0, NULL);
  block_add_row (ends, _("Planned end"), planned_end != NULL ? planned_end : "—", NULL);
  block_add_row (ends, _("Actual end"),
                 actual_end != NULL ? actual_end
                 : running ? C_("agenda difference", "running")
                 : C_("agenda difference", "not held"),
                 NULL);
}

/* Dialogues */

/* The agenda item a voice was captured under: the one it names, else the
 * first that ran its prompt; NULL when neither. */
static SamItem *
voice_agenda_item (SamSession *session,
                   SamItem    *voice)
{
  const char *id = sam_item_get_string (voice, "agenda-item");
  const char *prompt = sam_item_get_string (voice, "prompt");
  GListStore *agenda = sam_session_get_agenda (session);
  SamItem *item = NULL;

  if (id != NULL && id[0] != '\0')
    item = sam_session_lookup (session, id);
  if (item != NULL && SAM_IS_AGENDA_ITEM (item))
    return item;

  if (prompt == NULL || prompt[0] == '\0')
    return NULL;

  for (guint i = 0; i < n_items (agenda); i++)
    {
      SamItem *candidate = item_at (agenda, i);

      if (sam_item_get_enum (candidate, "activity-kind") == SAM_ACTIVITY_PROMPT &&
          g_strcmp0 (sam_item_get_string (candidate, "activity-id"), prompt) == 0)
        return candidate;
    }

  return NULL;
}

static SamItem *
voice_prompt (SamSession *session,
              SamItem    *voice)
{
  const char *id = sam_item_get_string (voice, "prompt");
  SamItem *prompt;

  if (id == NULL || id[0] == '\0')
    return NULL;

  prompt = sam_session_lookup (session, id);
  return prompt != NULL && SAM_IS_PROMPT (prompt) ? prompt : NULL;
}

static void
add_voices (GPtrArray  *blocks,
            SamSession *session,
            GPtrArray  *voices)
{
  SamBlock *quotes = add_block (blocks, SAM_BLOCK_QUOTES, 0, NULL);

  for (guint i = 0; i < voices->len; i++)
    {
      SamItem *voice = voices->pdata[i];
      g_autofree char *time = format_clock (sam_item_get_int64 (voice, "time"));
      const char *perspective = perspective_name (session, sam_item_get_string (voice, "perspective"));

      block_add_item (quotes, sam_item_get_string (voice, "text"),
                      join_meta (time, perspective, NULL));
    }
}

static void
add_prompt (GPtrArray  *blocks,
            SamSession *session,
            SamItem    *prompt,
            GPtrArray  *voices)
{
  const char *text = sam_item_get_string (prompt, "text");
  const char * const *starters = sam_item_get_strv (prompt, "starters");
  g_autofree char *format = sam_prompt_describe_format (prompt);

  add_heading (blocks, 3, is_blank (text) ? _("Untitled Prompt") : text);
  add_paragraph (blocks, format);

  if (starters != NULL && starters[0] != NULL)
    {
      SamBlock *list;

      add_paragraph (blocks, _("Sentence starters:"));
      list = add_block (blocks, SAM_BLOCK_LIST, 0, NULL);
      for (guint i = 0; starters[i] != NULL; i++)
        block_add_item (list, starters[i], NULL);
    }

  if (voices->len > 0)
    add_voices (blocks, session, voices);
  else
    add_paragraph (blocks, _("No voices were captured."));
}

/* The voices of @all that were captured for @prompt (NULL: for none). */
static GPtrArray *
filter_voices (SamSession *session,
               GPtrArray  *all,
               SamItem    *prompt)
{
  GPtrArray *voices = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (voice_prompt (session, all->pdata[i]) == prompt)
      g_ptr_array_add (voices, all->pdata[i]);

  return voices;
}

/* The prompts and voices of one agenda item (@item NULL: of none), with
 * the item's own prompt first, then the others in the session's order. */
static void
add_dialogue (GPtrArray  *blocks,
              SamSession *session,
              SamItem    *item,
              GPtrArray  *voices)
{
  GListStore *prompts = sam_session_get_prompts (session);
  SamItem *own = NULL;
  g_autoptr(GPtrArray) loose = NULL;

  if (item != NULL && sam_item_get_enum (item, "activity-kind") == SAM_ACTIVITY_PROMPT)
    {
      own = sam_session_lookup (session, sam_item_get_string (item, "activity-id"));
      if (own != NULL && !SAM_IS_PROMPT (own))
        own = NULL;
    }

  if (own == NULL && (voices == NULL || voices->len == 0))
    return;

  if (item == NULL)
    add_heading (blocks, 2, _("Other Voices"));
  else if (is_blank (sam_item_get_string (item, "title")))
    add_heading (blocks, 2, _("Untitled Item"));
  else
    add_heading (blocks, 2, sam_item_get_string (item, "title"));

  if (own != NULL)
    {
      g_autoptr(GPtrArray) own_voices = voices != NULL ? filter_voices (session, voices, own)
                                                       : g_ptr_array_new ();

      add_prompt (blocks, session, own, own_voices);
    }

  if (voices == NULL)
    return;

  for (guint p = 0; p < n_items (prompts); p++)
    {
      SamItem *prompt = item_at (prompts, p);
      g_autoptr(GPtrArray) prompt_voices = NULL;

      if (prompt == own)
        continue;

      prompt_voices = filter_voices (session, voices, prompt);
      if (prompt_voices->len > 0)
        add_prompt (blocks, session, prompt, prompt_voices);
    }

  loose = filter_voices (session, voices, NULL);
  if (loose->len > 0)
    {
      if (own != NULL || loose->len < voices->len)
        add_heading (blocks, 3, _("Without a Prompt"));
      add_voices (blocks, session, loose);
    }
}

static void
build_dialogues (GPtrArray  *blocks,
                 SamSession *session)
{
  GListStore *agenda = sam_session_get_agenda (session);
  GListStore *all = sam_session_get_voices (session);
  g_autoptr(GHashTable) by_item = g_hash_table_new_full (NULL, NULL, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) elsewhere = g_ptr_array_new ();
  guint before = blocks->len;

  add_heading (blocks, 1, _("Dialogues"));

  for (guint i = 0; i < n_items (all); i++)
    {
      SamItem *voice = item_at (all, i);
      SamItem *item = voice_agenda_item (session, voice);
      GPtrArray *voices;

      if (item == NULL)
        {
          g_ptr_array_add (elsewhere, voice);
          continue;
        }

      voices = g_hash_table_lookup (by_item, item);
      if (voices == NULL)
        {
          voices = g_ptr_array_new ();
          g_hash_table_insert (by_item, item, voices);
        }
      g_ptr_array_add (voices, voice);
    }

  for (guint i = 0; i < n_items (agenda); i++)
    {
      SamItem *item = item_at (agenda, i);

      add_dialogue (blocks, session, item, g_hash_table_lookup (by_item, item));
    }
  add_dialogue (blocks, session, NULL, elsewhere);

  if (blocks->len == before + 1)
    add_paragraph (blocks, _("No dialogue prompts were used and no voices were captured."));
}

/* Walls */

static char *
format_votes (guint votes)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote", "%u votes", votes), votes);
}

static int
compare_votes (gconstpointer a,
               gconstpointer b)
{
  int votes_a = sam_item_get_int (*(SamItem **) a, "votes");
  int votes_b = sam_item_get_int (*(SamItem **) b, "votes");

  return (votes_b > votes_a) - (votes_b < votes_a);
}

static int
compare_cluster_votes (gconstpointer a,
                       gconstpointer b)
{
  guint votes_a = sam_wall_count_cluster_votes (*(SamItem **) a);
  guint votes_b = sam_wall_count_cluster_votes (*(SamItem **) b);

  return (votes_b > votes_a) - (votes_b < votes_a);
}

/* @notes as a list, most-voted first when @by_votes (g_ptr_array_sort()
 * is stable: notes with as many votes keep their order on the wall). */
static void
add_notes (GPtrArray  *blocks,
           SamSession *session,
           GPtrArray  *notes,
           gboolean    by_votes)
{
  SamBlock *list = add_block (blocks, SAM_BLOCK_LIST, 0, NULL);

  if (by_votes)
    g_ptr_array_sort (notes, compare_votes);

  for (guint i = 0; i < notes->len; i++)
    {
      SamItem *note = notes->pdata[i];
      int votes = sam_item_get_int (note, "votes");
      g_autofree char *vote_text = votes > 0 ? format_votes (votes) : NULL;
      const char *perspective = perspective_name (session, sam_item_get_string (note, "perspective"));
      const char *hidden = sam_item_get_boolean (note, "hidden")
                           /* Translators: said of a note on the wall that
                            * was not shown to the room */
                           ? C_("note", "hidden") : NULL;

      block_add_item (list, sam_item_get_string (note, "text"),
                      join_meta (vote_text, perspective, hidden));
    }
}

static void
build_column (GPtrArray  *blocks,
              SamSession *session,
              SamItem    *column)
{
  GListStore *notes = sam_item_get_list (column, "notes");
  const char *title = sam_item_get_string (column, "title");
  g_autoptr(GPtrArray) loose = g_ptr_array_new ();
  g_autoptr(GPtrArray) clusters = sam_wall_list_clusters (column);
  gboolean by_votes = FALSE;

  add_heading (blocks, 3, is_blank (title) ? _("Untitled Column") : title);

  for (guint i = 0; i < n_items (notes); i++)
    {
      SamItem *note = item_at (notes, i);

      if (sam_item_get_int (note, "votes") > 0)
        by_votes = TRUE;
      if (sam_wall_get_note_cluster (note) == NULL)
        g_ptr_array_add (loose, note);
    }

  if (n_items (notes) == 0)
    {
      add_paragraph (blocks, _("No notes."));
      return;
    }

  if (loose->len > 0)
    add_notes (blocks, session, loose, by_votes);

  if (by_votes)
    g_ptr_array_sort (clusters, compare_cluster_votes);

  for (guint c = 0; c < clusters->len; c++)
    {
      SamItem *cluster = clusters->pdata[c];
      const char *name = sam_item_get_string (cluster, "title");
      guint votes = sam_wall_count_cluster_votes (cluster);
      g_autoptr(GPtrArray) members = sam_wall_list_cluster_notes (cluster);
      g_autofree char *heading = NULL;

      if (is_blank (name))
        name = C_("cluster", "Untitled Cluster");
      if (by_votes)
        {
          g_autofree char *vote_text = format_votes (votes);

          heading = join_meta (name, vote_text, NULL);
        }

      add_heading (blocks, 4, heading != NULL ? heading : name);
      add_notes (blocks, session, members, by_votes);
    }
}

static void
build_walls (GPtrArray  *blocks,
             SamSession *session)
{
  GListStore *walls = sam_session_get_walls (session);

  add_heading (blocks, 1, _("Walls"));
  if (n_items (walls) == 0)
    {
      add_paragraph (blocks, _("No walls."));
      return;
    }

  for (guint w = 0; w < n_items (walls); w++)
    {
      SamItem *wall = item_at (walls, w);
      GListStore *columns = sam_item_get_list (wall, "columns");
      const char *title = sam_item_get_string (wall, "title");

      add_heading (blocks, 2, is_blank (title) ? _("Untitled Wall") : title);
      for (guint c = 0; c < n_items (columns); c++)
        build_column (blocks, session, item_at (columns, c));
    }
}

GPtrArray *
sam_export_build_blocks (SamSession        *session,
                         SamExportSections  sections)
{
  GPtrArray *blocks;
  const char *title;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);

  blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_block_free);
  title = sam_session_get_title (session);
  add_block (blocks, SAM_BLOCK_TITLE, 0, is_blank (title) ? _("Untitled Session") : title);

  if (sections & SAM_EXPORT_DETAILS)
    build_details (blocks, session);
  if (sections & SAM_EXPORT_PEOPLE)
    build_people (blocks, session);
  if (sections & SAM_EXPORT_AGENDA)
    build_agenda (blocks, session);
  if (sections & SAM_EXPORT_DIALOGUES)
    build_dialogues (blocks, session);
  if (sections & SAM_EXPORT_WALLS)
    build_walls (blocks, session);

  return blocks;
}

/* Markdown */

/* Appends one line of user text, escaped so that it shows as typed. */
static void
md_append_line (GString    *out,
                const char *line)
{
  const char *p = line;
  const char *digits = line;

  /* What would start a block at the beginning of a line: a list item
   * ("-", "+", "1." or "1)"), a quote (">"), or the underline of a
   * heading ("="). "*" and "#" are escaped wherever they are. */
  while (g_ascii_isdigit (*digits))
    digits++;
  if (digits > line && (*digits == '.' || *digits == ')'))
    {
      g_string_append_len (out, line, digits - line);
      g_string_append_c (out, '\\');
      g_string_append_c (out, *digits);
      p = digits + 1;
    }
  else if (*p == '-' || *p == '+' || *p == '>')
    {
      g_string_append_c (out, '\\');
      g_string_append_c (out, *p++);
    }
  else if (*p == '=')
    {
      g_string_append (out, "&#61;");
      p++;
    }

  for (; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '#':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        /* Character references, not backslashes: not every renderer
         * takes "\<", "\|" or "\~", but all take these. */
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '|':
          g_string_append (out, "&#124;");
          break;
        case '~':
          g_string_append (out, "&#126;");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* @text with every line end as "\n": a lone "\r" (pasted from an old Mac
 * text) ends a line in CommonMark too, and must not slip past the
 * escaping that works line by line (transfer full). */
static char *
normalize_line_ends (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Appends @text escaped, its lines joined by a newline and @indent (what
 * keeps the next line inside its list item or quote). White space around
 * each line and blank lines are dropped: indentation would make code, two
 * spaces at the end a line break, and a blank line would end the quote. */
static void
md_append_text (GString    *out,
                const char *text,
                const char *indent)
{
  g_autofree char *unix_text = normalize_line_ends (text);
  g_auto(GStrv) lines = g_strsplit (unix_text, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '\0')
        continue;
      if (!first)
        {
          g_string_append_c (out, '\n');
          g_string_append (out, indent);
        }
      md_append_line (out, line);
      first = FALSE;
    }
}

/* One line for a heading or a table cell: line breaks become spaces. */
static void
md_append_one_line (GString    *out,
                    const char *text)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\r\n\t", ' ');
  md_append_text (out, flat, "");
}

/* "— *13:02 · Skola*" */
static void
md_append_meta (GString    *out,
                const char *meta)
{
  g_string_append (out, "— *");
  md_append_one_line (out, meta);
  g_string_append_c (out, '*');
}

static void
md_append_row (GString    *out,
               GStrv       row,
               guint       n_columns)
{
  g_string_append_c (out, '|');
  for (guint i = 0; i < n_columns; i++)
    {
      g_string_append_c (out, ' ');
      if (i < g_strv_length (row))
        md_append_one_line (out, row[i]);
      g_string_append (out, " |");
    }
  g_string_append_c (out, '\n');
}

char *
sam_export_write_markdown (GPtrArray *blocks)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (blocks != NULL, NULL);

  for (guint b = 0; b < blocks->len; b++)
    {
      SamBlock *block = blocks->pdata[b];

      switch (block->kind)
        {
        case SAM_BLOCK_TITLE:
          g_string_append (out, "# ");
          md_append_one_line (out, block->text);
          g_string_append (out, "\n\n");
          break;

        case SAM_BLOCK_HEADING:
          /* The title is the one first-level heading. */
          for (int i = 0; i < CLAMP (block->level + 1, 2, 6); i++)
            g_string_append_c (out, '#');
          g_string_append_c (out, ' ');
          md_append_one_line (out, block->text);
          g_string_append (out, "\n\n");
          break;

        case SAM_BLOCK_PARAGRAPH:
          md_append_text (out, block->text, "");
          g_string_append (out, "\n\n");
          break;

        case SAM_BLOCK_FIELDS:
          for (guint i = 0; i < block->rows->len; i++)
            {
              GStrv row = block->rows->pdata[i];

              g_string_append (out, "- **");
              md_append_one_line (out, row[0]);
              g_string_append (out, ":** ");
              if (row[1] != NULL)
                md_append_text (out, row[1], "  ");
              g_string_append_c (out, '\n');
            }
          if (block->rows->len > 0)
            g_string_append_c (out, '\n');
          break;

        case SAM_BLOCK_TABLE:
          if (block->rows->len > 0)
            {
              guint n_columns = g_strv_length (block->rows->pdata[0]);

              md_append_row (out, block->rows->pdata[0], n_columns);
              g_string_append_c (out, '|');
              for (guint i = 0; i < n_columns; i++)
                g_string_append (out, " --- |");
              g_string_append_c (out, '\n');
              for (guint i = 1; i < block->rows->len; i++)
                md_append_row (out, block->rows->pdata[i], n_columns);
              g_string_append_c (out, '\n');
            }
          break;

        case SAM_BLOCK_LIST:
          for (guint i = 0; i < block->items->len; i++)
            {
              g_string_append (out, "- ");
              md_append_text (out, block->items->pdata[i], "  ");
              if (block->metas->pdata[i] != NULL)
                {
                  g_string_append_c (out, ' ');
                  md_append_meta (out, block->metas->pdata[i]);
                }
              g_string_append_c (out, '\n');
            }
          if (block->items->len > 0)
            g_string_append_c (out, '\n');
          break;

        case SAM_BLOCK_QUOTES:
          for (guint i = 0; i < block->items->len; i++)
            {
              const char *meta = block->metas->pdata[i];

              g_string_append (out, "> ");
              md_append_text (out, block->items->pdata[i], "> ");
              if (meta != NULL)
                {
                  g_string_append (out, "\n>\n> ");
                  md_append_meta (out, meta);
                }
              g_string_append (out, "\n\n");
            }
          break;

        case SAM_BLOCK_PICTURE:
          /* A Markdown file stands alone without pictures (renderers
           * treat data: addresses differently); the tables beside them
           * carry the same numbers. */
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* One newline at the end. */
  while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/* HTML */

/* Readable on a phone (one column, tables that scroll sideways), and on
 * paper (no backgrounds, headings kept with what follows). */
static const char html_style[] =
  "body{margin:0;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Cantarell,Roboto,sans-serif;"
  "color:#241f31;background:#fff}\n"
  "main{max-width:48rem;margin:0 auto;padding:1rem 1.25rem 3rem}\n"
  "h1{font-size:1.9rem;line-height:1.2;margin:1rem 0}\n"
  "h2{font-size:1.45rem;line-height:1.25;margin:2.4rem 0 .6rem;padding-bottom:.2rem;"
  "border-bottom:2px solid #3584e4}\n"
  "h3{font-size:1.2rem;line-height:1.3;margin:1.8rem 0 .4rem}\n"
  "h4{font-size:1.05rem;margin:1.4rem 0 .3rem}\n"
  "h5,h6{font-size:1rem;margin:1.1rem 0 .3rem;color:#5e5c64}\n"
  "h2,h3,h4,h5,h6{break-after:avoid;page-break-after:avoid}\n"
  "p{margin:.4rem 0 .8rem}\n"
  "dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.2rem;margin:1rem 0}\n"
  "dt{font-weight:600}\n"
  "dd{margin:0}\n"
  ".table{overflow-x:auto;margin:.8rem 0 1.2rem}\n"
  "table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}\n"
  "th,td{text-align:left;vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid #deddda}\n"
  "th{background:#f6f5f4;font-weight:600}\n"
  "ul{padding-left:1.4rem}\n"
  "li{margin:.35rem 0}\n"
  ".meta{display:block;color:#5e5c64;font-size:.875rem}\n"
  "figure{margin:1rem 0;break-inside:avoid;page-break-inside:avoid}\n"
  "figure img{display:block;width:100%;height:auto}\n"
  "figcaption{color:#5e5c64;font-size:.875rem;margin-top:.3rem}\n"
  "figure.voice{padding:.4rem .9rem;border-left:4px solid #3584e4;background:#f6f5f4;"
  "border-radius:0 6px 6px 0}\n"
  "figure.voice blockquote{margin:0}\n"
  "figure.voice p{margin:0}\n"
  "@media (max-width:30rem){dl{grid-template-columns:1fr;gap:0}dd{margin-bottom:.6rem}"
  "h1{font-size:1.6rem}main{padding:.75rem .9rem 2rem}th,td{padding:.3rem .4rem}}\n"
  "@media print{body{font-size:11pt}main{max-width:none;padding:0}"
  "th,figure.voice{background:none}h2{border-color:#000}"
  ".table{overflow:visible}li,tr,figure.voice{break-inside:avoid;page-break-inside:avoid}}\n"
  "@page{size:A4;margin:18mm 16mm}\n";

/* Appends @text escaped for HTML text or a quoted attribute (quotes too),
 * line breaks as <br> when @breaks. */
static void
html_append_text (GString    *out,
                  const char *text,
                  gboolean    breaks)
{
  g_autofree char *unix_text = normalize_line_ends (text);
  g_autofree char *escaped = g_markup_escape_text (unix_text, -1);

  if (!breaks)
    {
      g_strdelimit (escaped, "\n", ' ');
      g_string_append (out, escaped);
      return;
    }

  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "<br>\n");
      else
        g_string_append_c (out, *p);
    }
}

static void
html_append_element (GString    *out,
                     const char *tag,
                     const char *text,
                     gboolean    breaks)
{
  g_string_append_printf (out, "<%s>", tag);
  html_append_text (out, text, breaks);
  g_string_append_printf (out, "</%s>\n", tag);
}

/* The language of the summary's words: that of the interface, as a
 * language tag ("sv-SE"); English for the C locale. */
static char *
html_lang (void)
{
  const char *name = g_get_language_names ()[0];
  g_autofree char *tag = g_strdup (name);

  tag[strcspn (tag, ".@")] = '\0';
  if (tag[0] == '\0' || g_str_equal (tag, "C") || g_str_equal (tag, "POSIX"))
    return g_strdup ("en");

  g_strdelimit (tag, "_", '-');
  /* Only letters, digits and hyphens, whatever the environment holds. */
  for (char *p = tag; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return g_strdup ("en");

  return g_steal_pointer (&tag);
}

static void
html_append_picture (GString    *out,
                     SamSession *session,
                     SamBlock   *block)
{
  g_autoptr(GBytes) png = NULL;
  g_autofree char *data = NULL;
  gsize size;
  const guchar *bytes;

  if (block->picture == SAM_PICTURE_MAP)
    png = sam_export_map_png (session, HTML_PICTURE_WIDTH);
  else
    png = sam_export_chart_png (session, HTML_PICTURE_WIDTH);
  if (png == NULL)
    return;

  bytes = g_bytes_get_data (png, &size);
  data = g_base64_encode (bytes, size);

  g_string_append (out, "<figure><img src=\"data:image/png;base64,");
  g_string_append (out, data);
  g_string_append (out, "\" alt=\"");
  html_append_text (out, block->text, FALSE);
  g_string_append (out, "\">");
  g_string_append (out, "<figcaption>");
  html_append_text (out, block->text, FALSE);
  g_string_append (out, "</figcaption></figure>\n");
}

char *
sam_export_write_html (SamSession *session,
                       GPtrArray  *blocks)
{
  GString *out = g_string_new (NULL);
  g_autofree char *lang = html_lang ();
  const char *title = "";

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (blocks != NULL, NULL);

  for (guint b = 0; b < blocks->len; b++)
    if (((SamBlock *) blocks->pdata[b])->kind == SAM_BLOCK_TITLE)
      {
        title = ((SamBlock *) blocks->pdata[b])->text;
        break;
      }

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n", lang);
  g_string_append (out,
                   "<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   /* Nothing in the file may run or load anything: the
                    * pictures are in it, and there is no script. */
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "img-src data:; style-src 'unsafe-inline'\">\n");
  html_append_element (out, "title", title, FALSE);
  g_string_append_printf (out, "<style>\n%s</style>\n</head>\n<body>\n<main>\n", html_style);

  for (guint b = 0; b < blocks->len; b++)
    {
      SamBlock *block = blocks->pdata[b];
      char tag[4];

      switch (block->kind)
        {
        case SAM_BLOCK_TITLE:
          html_append_element (out, "h1", block->text, FALSE);
          break;

        case SAM_BLOCK_HEADING:
          g_snprintf (tag, sizeof tag, "h%d", CLAMP (block->level + 1, 2, 6));
          html_append_element (out, tag, block->text, FALSE);
          break;

        case SAM_BLOCK_PARAGRAPH:
          html_append_element (out, "p", block->text, TRUE);
          break;

        case SAM_BLOCK_FIELDS:
          g_string_append (out, "<dl>\n");
          for (guint i = 0; i < block->rows->len; i++)
            {
              GStrv row = block->rows->pdata[i];

              html_append_element (out, "dt", row[0], FALSE);
              html_append_element (out, "dd", row[1], TRUE);
            }
          g_string_append (out, "</dl>\n");
          break;

        case SAM_BLOCK_TABLE:
          if (block->rows->len == 0)
            break;
          g_string_append (out, "<div class=\"table\"><table>\n<thead><tr>");
          for (GStrv cell = block->rows->pdata[0]; *cell != NULL; cell++)
            {
              g_string_append (out, "<th scope=\"col\">");
              html_append_text (out, *cell, FALSE);
              g_string_append (out, "</th>");
            }
          g_string_append (out, "</tr></thead>\n<tbody>\n");
          for (guint i = 1; i < block->rows->len; i++)
            {
              g_string_append (out, "<tr>");
              for (GStrv cell = block->rows->pdata[i]; *cell != NULL; cell++)
                {
                  g_string_append (out, "<td>");
                  html_append_text (out, *cell, FALSE);
                  g_string_append (out, "</td>");
                }
              g_string_append (out, "</tr>\n");
            }
          g_string_append (out, "</tbody>\n</table></div>\n");
          break;

        case SAM_BLOCK_LIST:
          g_string_append (out, "<ul>\n");
          for (guint i = 0; i < block->items->len; i++)
            {
              const char *meta = block->metas->pdata[i];

              g_string_append (out, "<li>");
              html_append_text (out, block->items->pdata[i], TRUE);
              if (meta != NULL)
                {
                  g_string_append (out, " <span class=\"meta\">");
                  html_append_text (out, meta, FALSE);
                  g_string_append (out, "</span>");
                }
              g_string_append (out, "</li>\n");
            }
          g_string_append (out, "</ul>\n");
          break;

        case SAM_BLOCK_QUOTES:
          for (guint i = 0; i < block->items->len; i++)
            {
              const char *meta = block->metas->pdata[i];

              g_string_append (out, "<figure class=\"voice\"><blockquote><p>");
              html_append_text (out, block->items->pdata[i], TRUE);
              g_string_append (out, "</p></blockquote>");
              if (meta != NULL)
                {
                  g_string_append (out, "<figcaption>");
                  html_append_text (out, meta, FALSE);
                  g_string_append (out, "</figcaption>");
                }
              g_string_append (out, "</figure>\n");
            }
          break;

        case SAM_BLOCK_PICTURE:
          html_append_picture (out, session, block);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_string_append (out, "</main>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
