/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-format.h"
#include "sam-grouping.h"
#include "sam-map-view.h"
#include "sam-perspective-chart.h"
#include "sam-prompts.h"
#include "sam-session.h"
#include "sam-stage-view-private.h"
#include "sam-timer.h"
#include "sam-wall.h"

/*
 * The stage is drawn with Pango in one snapshot rather than composed of
 * labels: every size follows the widget's height (the same picture on a
 * projector and in the control window's miniature), and nothing is laid
 * out again between the timer's seconds.
 *
 * It is always a dark picture with light text, whatever the desktop's
 * style: a projector washes out a light background and lights up a dark
 * room, while light type on a dark ground stays readable from the back.
 * The miniature shows exactly what the room sees, so it is dark as well.
 * The colours were chosen for contrast on that ground (white text about
 * 17:1, amber about 12:1, the overrun red about 7:1), and each level is
 * also told by words, a badge and a frame, never by colour alone.
 *
 * It draws when the timer says something shown changed (once a second
 * while an item runs) or the document was edited; there is no frame clock
 * and no animation.
 *
 * An item at the participant map is the one time the stage has children:
 * the map (read-only) and the chart of perspectives are widgets of their
 * own, because they follow every balloon placed in the control window in
 * the next frame, and the stage would otherwise have to draw balloons a
 * second way. They are shown only then; the title, the countdown and its
 * state move to a strip along the top, so that the map gets most of the
 * picture. The countdown's digits stay a fifth of the height even there:
 * the room reads the time from the back as at any other item.
 *
 * The same strip heads a prompt once groups were formed for it (the
 * groups need the room below the prompt), the voices slide, which shows
 * the quotes marked for the stage instead of the item, and a sticky-note
 * wall, whose columns take the room below it. The prompt, the groups and
 * the quotes are fitted to their room in sam-stage-slides.c, the wall's
 * notes in sam-stage-wall.c. The wall is copied from the session after
 * each edit (new notes show as they are written, a frozen stage keeps
 * its copy), never at the timer's seconds.
 *
 * Where each part goes at a size is worked out in sam-stage-scene.c; this
 * file takes what is shown from the timer and the session, and draws it.
 */

G_DEFINE_FINAL_TYPE (SamStageView, sam_stage_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMER,
  PROP_BLANKED,
  PROP_FROZEN,
  PROP_VOICES_SHOWN,
  PROP_COUNTDOWN_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MINUTE (60 * G_USEC_PER_SEC)

/* Shown */

static void
shown_clear (Shown *shown)
{
  g_clear_pointer (&shown->title, g_free);
  g_clear_pointer (&shown->countdown, g_free);
  g_clear_pointer (&shown->status, g_free);
  g_clear_pointer (&shown->next, g_free);
  g_clear_pointer (&shown->back, g_free);
  g_clear_pointer (&shown->following, g_free);
  g_clear_pointer (&shown->caption, g_free);
  g_clear_pointer (&shown->prompt, g_free);
  g_clear_pointer (&shown->starters, g_strfreev);
  g_clear_pointer (&shown->groups, g_ptr_array_unref);
  g_clear_pointer (&shown->voices, g_strfreev);
  g_clear_pointer (&shown->wall_id, g_free);
  shown->mode = MODE_EMPTY;
  shown->state = SAM_TIMER_STOPPED;
  shown->level = SAM_TIMER_LEVEL_NORMAL;
  shown->fraction = 0.0;
  shown->balloons = 0;
}

/* "9:59", "1:02:03"; "+0:12" counting up in overrun. */
static char *
format_countdown (gint64   seconds,
                  gboolean overrun)
{
  const char *sign = overrun ? "+" : "";

  if (seconds >= 3600)
    return g_strdup_printf ("%s%d:%02d:%02d", sign, (int) (seconds / 3600),
                            (int) (seconds / 60 % 60), (int) (seconds % 60));

  return g_strdup_printf ("%s%d:%02d", sign, (int) (seconds / 60), (int) (seconds % 60));
}

/* "10:45" in local time for wall-clock µs, to the nearest minute. */
static char *
format_wall_clock (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local ((usec + MINUTE / 2) / MINUTE * 60);

  if (time == NULL)
    return g_strdup ("");

  return g_date_time_format (time, "%H:%M");
}

static char *
format_warning_status (SamSession *session)
{
  int warning = 60;
  int minutes;

  g_object_get (session, "warning-time", &warning, NULL);
  minutes = MAX (1, (warning + 59) / 60);
  if (minutes == 1)
    return g_strdup (_("Last minute"));

  /* Translators: the stage's state when the last minutes of an item have begun */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last %d minute", "Last %d minutes", minutes),
                          minutes);
}

static char *
format_next (SamItem *next)
{
  g_autofree char *duration = NULL;

  if (next == NULL)
    return g_strdup ("");

  duration = sam_format_duration (sam_item_get_int (next, "duration"));
  /* Translators: on the stage, the agenda item after the current one and its length, e.g. "Next: Break · 15 min" */
  return g_strdup_printf (_("Next: %s · %s"), sam_item_get_string (next, "title"), duration);
}

static SamItem *
linked_prompt (SamSession *session,
               SamItem    *item)
{
  const char *id;
  SamItem *prompt;

  if (sam_item_get_enum (item, "activity-kind") != SAM_ACTIVITY_PROMPT)
    return NULL;

  id = sam_item_get_string (item, "activity-id");
  if (id == NULL || id[0] == '\0')
    return NULL;

  prompt = sam_session_lookup (session, id);
  if (prompt == NULL || !SAM_IS_PROMPT (prompt))
    return NULL;

  return prompt;
}

static SamItem *
linked_wall (SamSession *session,
             SamItem    *item)
{
  const char *id;
  SamItem *wall;

  if (sam_item_get_enum (item, "activity-kind") != SAM_ACTIVITY_WALL)
    return NULL;

  id = sam_item_get_string (item, "activity-id");
  if (id == NULL || id[0] == '\0')
    return NULL;

  wall = sam_session_lookup (session, id);
  if (wall == NULL || !SAM_IS_WALL (wall))
    return NULL;

  return wall;
}

/* The heading of the voices slide for voices from @prompt (NULL: from
 * any prompt). */
static const char *
voices_heading (SamItem *prompt)
{
  if (prompt == NULL)
    /* Translators: the heading of the stage's slide of voices (short quotes of what participants said) */
    return _("Voices");

  switch (sam_item_get_enum (prompt, "format"))
    {
    case SAM_PROMPT_FORMAT_INDIVIDUAL:
      /* Translators: the heading of the stage's slide of voices after a prompt people reflect on alone */
      return _("Voices from the reflection");
    case SAM_PROMPT_FORMAT_PAIR:
      return _("Voices from the pair dialogues");
    case SAM_PROMPT_FORMAT_TRIO:
      return _("Voices from the trio dialogues");
    case SAM_PROMPT_FORMAT_GROUP:
      return _("Voices from the group dialogues");
    case SAM_PROMPT_FORMAT_PLENARY:
      /* Translators: the heading of the stage's slide of voices after a prompt the whole room talked about together */
      return _("Voices from the plenary");
    default:
      return _("Voices");
    }
}

/* The prompt whose voices the voices slide shows: the current item's, or
 * else that of the nearest earlier item that has one (the voices of the
 * dialogue just held, while the next item has begun); after the end, the
 * last item's with one. NULL when there is none. */
static SamItem *
voices_prompt (SamTimer   *timer,
               SamSession *session)
{
  GListModel *agenda = G_LIST_MODEL (sam_session_get_agenda (session));
  int index = sam_timer_get_current_index (timer);

  if (index < 0 && sam_timer_get_state (timer) == SAM_TIMER_FINISHED)
    index = (int) g_list_model_get_n_items (agenda) - 1;

  for (int i = index; i >= 0; i--)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (agenda, i);
      SamItem *prompt = item != NULL ? linked_prompt (session, item) : NULL;

      if (prompt != NULL)
        return prompt;
    }

  return NULL;
}

typedef struct
{
  gint64      time;
  guint       position;
  const char *text;
} VoiceEntry;

static int
compare_voices (gconstpointer a,
                gconstpointer b)
{
  const VoiceEntry *va = a, *vb = b;

  if (va->time != vb->time)
    return va->time < vb->time ? -1 : 1;

  return va->position < vb->position ? -1 : (va->position > vb->position ? 1 : 0);
}

/* The voices marked for the stage from @prompt (NULL: from any), the
 * newest last; the note-taker may have typed them out of order. */
static char **
collect_voices (SamSession *session,
                SamItem    *prompt)
{
  GListModel *voices = G_LIST_MODEL (sam_session_get_voices (session));
  guint n = g_list_model_get_n_items (voices);
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (VoiceEntry), n);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *prompt_id = prompt != NULL ? sam_item_get_id (prompt) : NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) voice = g_list_model_get_item (voices, i);
      const char *text = sam_item_get_string (voice, "text");
      VoiceEntry entry;

      if (!sam_item_get_boolean (voice, "on-stage") || text == NULL || text[0] == '\0')
        continue;
      if (prompt_id != NULL && g_strcmp0 (sam_item_get_string (voice, "prompt"), prompt_id) != 0)
        continue;

      entry.time = sam_item_get_int64 (voice, "time");
      entry.position = i;
      /* The session holds the item and its text while this runs. */
      entry.text = text;
      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, compare_voices);
  for (guint i = 0; i < entries->len; i++)
    g_strv_builder_add (builder, g_array_index (entries, VoiceEntry, i).text);

  return g_strv_builder_end (builder);
}

/* Takes what the timer shows now. */
static void
take_timer (Shown      *shown,
            SamTimer   *timer,
            SamSession *session)
{
  SamAgendaItem *current;
  SamItem *item, *prompt;
  gint64 budget;

  shown_clear (shown);
  if (timer == NULL)
    return;

  shown->state = sam_timer_get_state (timer);
  shown->level = sam_timer_get_level (timer);
  current = sam_timer_get_current (timer);

  if (current == NULL)
    {
      shown->mode = MODE_TITLE;
      shown->title = g_strdup (sam_session_get_title (session));
      shown->countdown = g_strdup ("");
      shown->status = g_strdup (shown->state == SAM_TIMER_FINISHED ? _("The end") : "");
      shown->next = g_strdup ("");
      return;
    }

  item = SAM_ITEM (current);
  shown->mode = MODE_ITEM;
  shown->title = g_strdup (sam_item_get_string (item, "title"));
  shown->countdown = format_countdown (sam_timer_get_display_seconds (timer),
                                       shown->level == SAM_TIMER_LEVEL_OVERRUN);

  budget = sam_timer_get_budget (timer);
  if (shown->level == SAM_TIMER_LEVEL_OVERRUN)
    shown->fraction = 0.0;
  else if (budget > 0)
    shown->fraction = CLAMP ((double) sam_timer_get_remaining (timer) / (double) budget, 0.0, 1.0);

  switch (shown->state)
    {
    case SAM_TIMER_STOPPED:
      shown->status = g_strdup (_("Not started"));
      break;
    case SAM_TIMER_PAUSED:
      shown->status = g_strdup (_("Paused"));
      break;
    case SAM_TIMER_RUNNING:
    case SAM_TIMER_FINISHED:
    default:
      if (shown->level == SAM_TIMER_LEVEL_WARNING)
        shown->status = format_warning_status (session);
      else if (shown->level == SAM_TIMER_LEVEL_OVERRUN)
        shown->status = g_strdup (_("Time is up"));
      else
        shown->status = g_strdup ("");
      break;
    }

  shown->next = format_next ((SamItem *) sam_timer_get_next (timer));

  if (sam_item_get_enum (item, "kind") == SAM_AGENDA_KIND_BREAK &&
      shown->state != SAM_TIMER_STOPPED && sam_timer_get_current_end (timer) > 0)
    {
      g_autofree char *time = format_wall_clock (sam_timer_get_current_end (timer));

      shown->mode = MODE_BREAK;
      /* Translators: on the stage during a break: the time it ends, e.g. "Back at 10:45" */
      shown->back = g_strdup_printf (_("Back at %s"), time);
      shown->following = g_steal_pointer (&shown->next);
      shown->next = g_strdup (shown->back);
    }
  else if ((prompt = linked_prompt (session, item)) != NULL)
    {
      SamItem *round = sam_grouping_find_round (session, prompt);

      shown->mode = MODE_PROMPT;
      shown->caption = sam_prompt_describe_format (prompt);
      shown->prompt = g_strdup (sam_item_get_string (prompt, "text"));
      shown->starters = g_strdupv ((char **) sam_item_get_strv (prompt, "starters"));
      if (round != NULL)
        shown->groups = sam_grouping_round_names (session, round);
      if (shown->groups != NULL && shown->groups->len == 0)
        g_clear_pointer (&shown->groups, g_ptr_array_unref);
    }
  else if (sam_item_get_enum (item, "activity-kind") == SAM_ACTIVITY_MAP)
    {
      shown->mode = MODE_MAP;
      shown->balloons = g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_balloons (session)));
    }
  else if (linked_wall (session, item) != NULL)
    {
      shown->mode = MODE_WALL;
      shown->wall_id = g_strdup (sam_item_get_string (item, "activity-id"));
    }
}

/* Takes what the timer shows now; @voices: the voices slide instead of
 * the item's content. */
static void
shown_take (Shown      *shown,
            SamTimer   *timer,
            SamSession *session,
            gboolean    voices)
{
  SamItem *prompt;

  take_timer (shown, timer, session);
  if (!voices || shown->mode == MODE_EMPTY)
    return;

  prompt = voices_prompt (timer, session);
  g_clear_pointer (&shown->caption, g_free);
  g_clear_pointer (&shown->prompt, g_free);
  g_clear_pointer (&shown->starters, g_strfreev);
  g_clear_pointer (&shown->groups, g_ptr_array_unref);
  g_clear_pointer (&shown->wall_id, g_free);
  shown->mode = MODE_VOICES;
  shown->caption = g_strdup (voices_heading (prompt));
  shown->voices = collect_voices (session, prompt);
  /* On a break, its "Back at" is the line under the slide. */
  g_clear_pointer (&shown->back, g_free);
  g_clear_pointer (&shown->following, g_free);
}

static void
append_text (GtkSnapshot *snapshot,
             const Text  *text)
{
  if (text->layout == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (text->x, text->y));
  gtk_snapshot_append_layout (snapshot, text->layout, &text->color);
  gtk_snapshot_restore (snapshot);
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;
  float radius = MIN (rect->size.height, rect->size.width) / 2;

  if (rect->size.width <= 0 || rect->size.height <= 0)
    return;

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static gboolean
children_shown (SamStageView *self)
{
  return self->shown.mode == MODE_MAP && !self->blanked;
}

/* The map and the chart. Frozen, the stage draws them as they were last
 * drawn (scaled if the stage has since changed size): they follow the
 * session by themselves, and a frozen stage must not show a balloon placed
 * after it froze. */
static void
snapshot_children (SamStageView *self,
                   GtkSnapshot  *snapshot,
                   int           width,
                   int           height)
{
  GtkSnapshot *children;

  if (!children_shown (self))
    return;

  if (!self->frozen || self->children_node == NULL)
    {
      children = gtk_snapshot_new ();
      gtk_widget_snapshot_child (GTK_WIDGET (self), self->map, children);
      gtk_widget_snapshot_child (GTK_WIDGET (self), self->chart, children);
      g_clear_pointer (&self->children_node, gsk_render_node_unref);
      self->children_node = gtk_snapshot_free_to_node (children);
      self->children_width = width;
      self->children_height = height;
    }

  if (self->children_node == NULL)
    return;

  if (self->children_width == width && self->children_height == height)
    {
      gtk_snapshot_append_node (snapshot, self->children_node);
      return;
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, (float) width / MAX (self->children_width, 1),
                      (float) height / MAX (self->children_height, 1));
  gtk_snapshot_append_node (snapshot, self->children_node);
  gtk_snapshot_restore (snapshot);
}

static void
sam_stage_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SamStageView *self = SAM_STAGE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  Scene scene;

  if (self->blanked)
    {
      gtk_snapshot_append_color (snapshot, &blank_color, &bounds);
      return;
    }

  gtk_snapshot_append_color (snapshot, &background_color, &bounds);

  sam_stage_scene_build (self, width, height, &scene);

  if (scene.bar)
    {
      append_rounded (snapshot, &scene.track_rect, &track_color);
      append_rounded (snapshot, &scene.fill_rect, &scene.fill_color);
    }

  if (scene.frame_width > 0)
    {
      GskRoundedRect outline;
      float w = scene.frame_width;
      const GdkRGBA colors[4] = { scene.frame_color, scene.frame_color, scene.frame_color, scene.frame_color };

      gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { w, w, w, w }, colors);
    }

  if (scene.badge)
    {
      GskRoundedRect rounded;
      float radius = scene.badge_rect.size.height / 2;

      gsk_rounded_rect_init_from_rect (&rounded, &scene.badge_rect, radius);
      if (scene.badge_filled)
        {
          append_rounded (snapshot, &scene.badge_rect, &scene.badge_color);
        }
      else
        {
          float w = MAX (1.0f, scene.badge_rect.size.height / 16);
          const GdkRGBA colors[4] = { scene.badge_color, scene.badge_color, scene.badge_color, scene.badge_color };

          gtk_snapshot_append_border (snapshot, &rounded, (float[4]) { w, w, w, w }, colors);
        }

      if (scene.pause_sign)
        {
          graphene_rect_t bar = scene.pause_rect;

          bar.size.width = scene.pause_rect.size.width * 0.36f;
          gtk_snapshot_append_color (snapshot, &scene.status.color, &bar);
          bar.origin.x += scene.pause_rect.size.width - bar.size.width;
          gtk_snapshot_append_color (snapshot, &scene.status.color, &bar);
        }
    }

  append_text (snapshot, &scene.title);
  append_text (snapshot, &scene.caption);
  if (scene.block)
    sam_stage_block_append (self->block, snapshot, scene.block_x, scene.block_y);
  if (scene.wall)
    sam_stage_wall_append (self->wall, snapshot, scene.wall_x, scene.wall_y);
  append_text (snapshot, &scene.prompt);
  append_text (snapshot, &scene.back);
  append_text (snapshot, &scene.countdown);
  append_text (snapshot, &scene.status);
  append_text (snapshot, &scene.next);

  sam_stage_scene_clear (&scene);

  if (self->shown.mode == MODE_MAP)
    snapshot_children (self, snapshot, width, height);
}

static void
sam_stage_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* Everything scales: any size will do, 16:9 is what it is made for. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 64;
      *natural = 640;
    }
  else
    {
      *minimum = 36;
      *natural = 360;
    }
}

/* Below this height the map and the chart are laid out as on a stage this
 * high and scaled down: the miniature in the control window then shows the
 * picture the room sees, rather than balloons and type at the sizes a
 * small widget would give them. */
#define REFERENCE_HEIGHT 720.0

static void
allocate_child (GtkWidget             *child,
                const graphene_rect_t *rect,
                double                 scale)
{
  GskTransform *transform;
  int min_width, min_height;

  if (!gtk_widget_get_child_visible (child))
    return;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (rect->origin.x, rect->origin.y));
  if (scale < 1.0)
    transform = gsk_transform_scale (transform, scale, scale);
  gtk_widget_allocate (child,
                       MAX ((int) (rect->size.width / scale), min_width),
                       MAX ((int) (rect->size.height / scale), min_height),
                       -1, transform);
}

static void
sam_stage_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SamStageView *self = SAM_STAGE_VIEW (widget);
  double scale = CLAMP (height / REFERENCE_HEIGHT, 0.01, 1.0);
  MapGeometry geometry;

  sam_stage_map_geometry (&self->shown, width, height, &geometry);
  allocate_child (self->map, &geometry.map, scale);
  allocate_child (self->chart, &geometry.chart, scale);
}

/* Keeping up with the timer */

/* Shows the map and the chart at an item at the map, hides them otherwise;
 * called whenever what is shown changes. */
static void
update_children (SamStageView *self)
{
  gboolean shown = children_shown (self);

  /* A frozen stage keeps the picture of the map it had, also across
   * blanking it and back. */
  if (!shown && !self->frozen)
    g_clear_pointer (&self->children_node, gsk_render_node_unref);

  gtk_widget_set_child_visible (self->map, shown);
  gtk_widget_set_child_visible (self->chart, shown);
  /* Where the chart ends depends on the line about what comes next. */
  if (shown)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static const char *
shown_text (SamStageView *self,
            const char   *text)
{
  if (self->blanked || text == NULL)
    return "";

  return text;
}

static void
update_accessible (SamStageView *self)
{
  const Shown *shown = &self->shown;
  g_autoptr(GString) description = g_string_new (NULL);
  const char *parts[7];

  if (self->blanked)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("The stage is blank"),
                                      -1);
      return;
    }

  parts[0] = shown->title;
  parts[1] = shown->countdown;
  parts[2] = shown->status;
  parts[3] = shown->back;
  parts[4] = shown->mode == MODE_BREAK ? shown->following : shown->next;
  parts[5] = shown->prompt;
  parts[6] = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (parts) - 1; i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (description->len > 0)
        g_string_append (description, "\n");
      g_string_append (description, parts[i]);
    }
  for (guint i = 0; shown->starters != NULL && shown->starters[i] != NULL; i++)
    g_string_append_printf (description, "\n%s", shown->starters[i]);
  for (guint i = 0; shown->groups != NULL && i < shown->groups->len; i++)
    {
      /* Translators: between the names of the people in a group on the stage, e.g. "Anna, Bo, Cecilia" */
      g_autofree char *names = g_strjoinv (C_("list of names", ", "), g_ptr_array_index (shown->groups, i));

      /* Translators: the stage's description for screen readers of a group formed for a prompt, e.g. "Group 2: Anna, Bo" */
      g_string_append_c (description, '\n');
      g_string_append_printf (description, _("Group %u: %s"), i + 1, names);
    }

  /* The voices slide: its heading and every voice on it, also those the
   * picture has no room for. */
  if (shown->mode == MODE_VOICES)
    {
      g_string_append_printf (description, "%s%s", description->len > 0 ? "\n" : "", shown->caption);
      for (guint i = 0; shown->voices != NULL && shown->voices[i] != NULL; i++)
        g_string_append_printf (description, "\n%s", shown->voices[i]);
    }

  /* A wall: what it holds. Its notes are read in the wall's view, where
   * each is a row of its own. */
  if (shown->mode == MODE_WALL)
    {
      SamStageWall *wall = self->wall;
      guint columns = sam_stage_wall_get_n_columns (wall);
      guint notes = sam_stage_wall_get_n_notes (wall);
      guint hidden = sam_stage_wall_get_n_hidden (wall);
      g_autoptr(GString) counts = g_string_new (NULL);

      /* Translators: in the stage's description of a sticky-note wall, e.g. "3 columns" */
      g_string_append_printf (counts, g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns", columns), columns);
      /* Translators: between the counts in the stage's description of a sticky-note wall, e.g. "3 columns, 25 notes" */
      g_string_append (counts, C_("list of counts", ", "));
      /* Translators: in the stage's description of a sticky-note wall: all its notes, hidden ones included, e.g. "25 notes" */
      g_string_append_printf (counts, g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", notes), notes);
      if (hidden > 0)
        {
          g_string_append (counts, C_("list of counts", ", "));
          /* Translators: in the stage's description of a sticky-note wall: how many of its notes are hidden, e.g. "2 hidden" */
          g_string_append_printf (counts, g_dngettext (GETTEXT_PACKAGE, "%u hidden", "%u hidden", hidden), hidden);
        }

      if (description->len > 0)
        g_string_append (description, "\n");
      /* Translators: the stage's description for screen readers of a
       * sticky-note wall: its title, then how many columns and notes it
       * has, e.g. "Wall Questions: 3 columns, 25 notes, 2 hidden" */
      g_string_append_printf (description, _("Wall %s: %s"), sam_stage_wall_get_title (wall), counts->str);
    }

  /* The map and the chart describe themselves in detail; the stage says
   * that they are there. */
  if (shown->mode == MODE_MAP)
    {
      if (description->len > 0)
        g_string_append (description, "\n");
      /* Translators: the stage's description for screen readers while the
       * participant map is shown, e.g. "Participant map: 14 balloons" */
      g_string_append_printf (description,
                              g_dngettext (GETTEXT_PACKAGE, "Participant map: %u balloon",
                                           "Participant map: %u balloons", shown->balloons),
                              shown->balloons);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

/* Copies the wall shown from the session when it is another wall or was
 * edited since; forgets it when no wall is shown. */
static void
take_wall (SamStageView *self)
{
  const char *id = self->shown.mode == MODE_WALL ? self->shown.wall_id : NULL;
  SamItem *wall;

  if (!self->wall_stale && g_strcmp0 (id, self->wall_taken) == 0)
    return;

  wall = id != NULL && self->session != NULL ? sam_session_lookup (self->session, id) : NULL;
  if (wall != NULL && !SAM_IS_WALL (wall))
    wall = NULL;
  sam_stage_wall_take (self->wall, self->session, wall);
  g_free (self->wall_taken);
  self->wall_taken = g_strdup (wall != NULL ? id : NULL);
  self->wall_stale = FALSE;
}

static void
refresh (SamStageView *self)
{
  if (self->frozen)
    return;

  shown_take (&self->shown, self->timer, self->session, self->voices_shown);
  take_wall (self);
  update_children (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
timer_changed_cb (SamStageView *self)
{
  refresh (self);
}

/* A renamed item or an edited prompt is shown at once, not at the next
 * second. */
static void
session_committed_cb (SamStageView *self)
{
  self->wall_stale = TRUE;
  refresh (self);
}

/* GObject */

static void
sam_stage_view_dispose (GObject *object)
{
  SamStageView *self = SAM_STAGE_VIEW (object);

  sam_stage_view_set_timer (self, NULL);
  g_clear_pointer (&self->map, gtk_widget_unparent);
  g_clear_pointer (&self->chart, gtk_widget_unparent);
  g_clear_pointer (&self->children_node, gsk_render_node_unref);

  G_OBJECT_CLASS (sam_stage_view_parent_class)->dispose (object);
}

static void
sam_stage_view_finalize (GObject *object)
{
  SamStageView *self = SAM_STAGE_VIEW (object);

  shown_clear (&self->shown);
  g_clear_pointer (&self->block, sam_stage_block_free);
  g_clear_pointer (&self->wall, sam_stage_wall_free);
  g_clear_pointer (&self->wall_taken, g_free);

  G_OBJECT_CLASS (sam_stage_view_parent_class)->finalize (object);
}

static int
get_countdown_height (SamStageView *self)
{
  Scene scene;
  int height;

  if (self->blanked)
    return 0;

  sam_stage_scene_build (self, gtk_widget_get_width (GTK_WIDGET (self)),
               gtk_widget_get_height (GTK_WIDGET (self)), &scene);
  height = scene.countdown.layout != NULL ? scene.digit_height : 0;
  sam_stage_scene_clear (&scene);

  return height;
}

static void
sam_stage_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SamStageView *self = SAM_STAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      g_value_set_object (value, self->timer);
      break;
    case PROP_BLANKED:
      g_value_set_boolean (value, self->blanked);
      break;
    case PROP_FROZEN:
      g_value_set_boolean (value, self->frozen);
      break;
    case PROP_VOICES_SHOWN:
      g_value_set_boolean (value, self->voices_shown);
      break;
    case PROP_COUNTDOWN_HEIGHT:
      g_value_set_int (value, get_countdown_height (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_stage_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SamStageView *self = SAM_STAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      sam_stage_view_set_timer (self, g_value_get_object (value));
      break;
    case PROP_BLANKED:
      sam_stage_view_set_blanked (self, g_value_get_boolean (value));
      break;
    case PROP_FROZEN:
      sam_stage_view_set_frozen (self, g_value_get_boolean (value));
      break;
    case PROP_VOICES_SHOWN:
      sam_stage_view_set_voices_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_stage_view_class_init (SamStageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_stage_view_dispose;
  object_class->finalize = sam_stage_view_finalize;
  object_class->get_property = sam_stage_view_get_property;
  object_class->set_property = sam_stage_view_set_property;

  widget_class->snapshot = sam_stage_view_snapshot;
  widget_class->measure = sam_stage_view_measure;
  widget_class->size_allocate = sam_stage_view_size_allocate;

  properties[PROP_TIMER] =
    g_param_spec_object ("timer", NULL, NULL, SAM_TYPE_TIMER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BLANKED] =
    g_param_spec_boolean ("blanked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FROZEN] =
    g_param_spec_boolean ("frozen", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VOICES_SHOWN] =
    g_param_spec_boolean ("voices-shown", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The height in pixels of the countdown's digits at the present size
   * (0 when no countdown is shown). */
  properties[PROP_COUNTDOWN_HEIGHT] =
    g_param_spec_int ("countdown-height", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "stage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sam_stage_view_init (SamStageView *self)
{
  GtkWidget *children[2];

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  self->block = sam_stage_block_new ();
  self->wall = sam_stage_wall_new ();

  self->map = sam_map_view_new ();
  sam_map_view_set_editable (SAM_MAP_VIEW (self->map), FALSE);
  self->chart = sam_perspective_chart_new ();
  sam_perspective_chart_set_stage (SAM_PERSPECTIVE_CHART (self->chart), TRUE);

  /* Pictures to look at: the stage's window keeps the pointer and the
   * presenter's keys, and the miniature stays a picture too. */
  children[0] = self->map;
  children[1] = self->chart;
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      gtk_widget_set_can_target (children[i], FALSE);
      gtk_widget_set_can_focus (children[i], FALSE);
      gtk_widget_set_child_visible (children[i], FALSE);
      gtk_widget_set_parent (children[i], GTK_WIDGET (self));
    }

  update_accessible (self);
}

/* Public API */

GtkWidget *
sam_stage_view_new (void)
{
  return g_object_new (SAM_TYPE_STAGE_VIEW, NULL);
}

void
sam_stage_view_set_timer (SamStageView *self,
                          SamTimer     *timer)
{
  g_return_if_fail (SAM_IS_STAGE_VIEW (self));
  g_return_if_fail (timer == NULL || SAM_IS_TIMER (timer));

  if (self->timer == timer)
    return;

  if (self->timer != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->timer);
      g_clear_signal_handler (&self->committed_id, self->session);
      g_clear_object (&self->session);
      g_clear_object (&self->timer);
    }

  if (timer != NULL)
    {
      self->timer = g_object_ref (timer);
      self->session = g_object_ref (sam_timer_get_session (timer));
      self->changed_id = g_signal_connect_swapped (timer, "changed",
                                                   G_CALLBACK (timer_changed_cb), self);
      self->committed_id = g_signal_connect_swapped (self->session, "committed",
                                                     G_CALLBACK (session_committed_cb), self);
    }

  sam_map_view_set_session (SAM_MAP_VIEW (self->map), self->session);
  sam_perspective_chart_set_session (SAM_PERSPECTIVE_CHART (self->chart), self->session);

  /* A new timer is shown even on a frozen stage: what it showed belongs to
   * another session. */
  shown_take (&self->shown, self->timer, self->session, self->voices_shown);
  self->wall_stale = TRUE;
  take_wall (self);
  g_clear_pointer (&self->children_node, gsk_render_node_unref);
  update_children (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMER]);
}

SamTimer *
sam_stage_view_get_timer (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), NULL);

  return self->timer;
}

void
sam_stage_view_set_blanked (SamStageView *self,
                            gboolean      blanked)
{
  g_return_if_fail (SAM_IS_STAGE_VIEW (self));

  blanked = !!blanked;
  if (self->blanked == blanked)
    return;

  self->blanked = blanked;
  update_children (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANKED]);
}

gboolean
sam_stage_view_get_blanked (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), FALSE);

  return self->blanked;
}

void
sam_stage_view_set_frozen (SamStageView *self,
                           gboolean      frozen)
{
  g_return_if_fail (SAM_IS_STAGE_VIEW (self));

  frozen = !!frozen;
  if (self->frozen == frozen)
    return;

  self->frozen = frozen;
  /* Thawed: catch up with the timer at once. */
  if (!frozen)
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROZEN]);
}

gboolean
sam_stage_view_get_frozen (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), FALSE);

  return self->frozen;
}

const char *
sam_stage_view_get_title_text (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), "");

  return shown_text (self, self->shown.title);
}

const char *
sam_stage_view_get_countdown_text (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), "");

  return shown_text (self, self->shown.countdown);
}

const char *
sam_stage_view_get_status_text (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), "");

  return shown_text (self, self->shown.status);
}

const char *
sam_stage_view_get_next_text (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), "");

  return shown_text (self, self->shown.next);
}

gboolean
sam_stage_view_get_shows_map (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), FALSE);

  return children_shown (self);
}

void
sam_stage_view_set_voices_shown (SamStageView *self,
                                 gboolean      shown)
{
  g_return_if_fail (SAM_IS_STAGE_VIEW (self));

  shown = !!shown;
  if (self->voices_shown == shown)
    return;

  /* A frozen stage shows the slide once it thaws. */
  self->voices_shown = shown;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOICES_SHOWN]);
}

gboolean
sam_stage_view_get_voices_shown (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), FALSE);

  return self->voices_shown;
}

const char *
sam_stage_view_get_caption_text (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), "");

  return self->shown.mode == MODE_PROMPT ? shown_text (self, self->shown.caption) : "";
}

const char *
sam_stage_view_get_voices_heading (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), "");

  return self->shown.mode == MODE_VOICES ? shown_text (self, self->shown.caption) : "";
}

char *
sam_stage_view_dup_groups_text (SamStageView *self)
{
  const Shown *shown;
  GString *text;

  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), NULL);

  shown = &self->shown;
  text = g_string_new (NULL);
  for (guint i = 0; !self->blanked && shown->groups != NULL && i < shown->groups->len; i++)
    {
      g_autofree char *names = g_strjoinv (C_("list of names", ", "), g_ptr_array_index (shown->groups, i));

      g_string_append_printf (text, "%s%u  %s", i > 0 ? "\n" : "", i + 1, names);
    }

  return g_string_free (text, FALSE);
}

const char * const *
sam_stage_view_get_voices (SamStageView *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), none);

  if (self->blanked || self->shown.mode != MODE_VOICES || self->shown.voices == NULL)
    return none;

  return (const char * const *) self->shown.voices;
}

/* Lays the stage out at its present size, for what depends on it. */
static void
lay_out_now (SamStageView *self)
{
  Scene scene;

  sam_stage_scene_build (self, gtk_widget_get_width (GTK_WIDGET (self)),
               gtk_widget_get_height (GTK_WIDGET (self)), &scene);
  sam_stage_scene_clear (&scene);
}

guint
sam_stage_view_get_n_voices_shown (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), 0);

  if (self->blanked || self->shown.mode != MODE_VOICES)
    return 0;

  lay_out_now (self);
  return sam_stage_block_get_n_shown (self->block);
}

guint
sam_stage_view_get_n_voices_more (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), 0);

  if (self->blanked || self->shown.mode != MODE_VOICES)
    return 0;

  lay_out_now (self);
  return sam_stage_block_get_n_more (self->block);
}

gboolean
sam_stage_view_get_shows_wall (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), FALSE);

  return self->shown.mode == MODE_WALL && !self->blanked;
}

const char *
sam_stage_view_get_wall_title (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), "");

  return sam_stage_view_get_shows_wall (self) ? sam_stage_wall_get_title (self->wall) : "";
}

guint
sam_stage_view_get_wall_n_columns (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), 0);

  return sam_stage_view_get_shows_wall (self) ? sam_stage_wall_get_n_columns (self->wall) : 0;
}

double
sam_stage_view_get_wall_note_size (SamStageView *self)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), 0.0);

  if (!sam_stage_view_get_shows_wall (self))
    return 0.0;

  lay_out_now (self);
  return sam_stage_wall_get_note_size (self->wall);
}

guint
sam_stage_view_get_wall_n_shown (SamStageView *self,
                                 guint         column)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), 0);

  if (!sam_stage_view_get_shows_wall (self))
    return 0;

  lay_out_now (self);
  return sam_stage_wall_get_n_shown (self->wall, column);
}

char **
sam_stage_view_dup_wall_notes (SamStageView *self,
                               guint         column)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), NULL);

  if (!sam_stage_view_get_shows_wall (self))
    return g_new0 (char *, 1);

  lay_out_now (self);
  return sam_stage_wall_dup_shown (self->wall, column);
}

const char *
sam_stage_view_get_wall_more_text (SamStageView *self,
                                   guint         column)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), "");

  if (!sam_stage_view_get_shows_wall (self))
    return "";

  lay_out_now (self);
  return sam_stage_wall_get_more_text (self->wall, column);
}

const char *
sam_stage_view_get_wall_hidden_text (SamStageView *self,
                                     guint         column)
{
  g_return_val_if_fail (SAM_IS_STAGE_VIEW (self), "");

  return sam_stage_view_get_shows_wall (self) ? sam_stage_wall_get_hidden_text (self->wall, column) : "";
}
