/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-format.h"
#include "sam-map-view.h"
#include "sam-perspective-chart.h"
#include "sam-session.h"
#include "sam-stage-view.h"
#include "sam-timer.h"

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
 */

/* What is shown, taken from the timer when it changes (and kept while
 * frozen). */
typedef enum {
  MODE_EMPTY,   /* no timer: only the background */
  MODE_TITLE,   /* no countdown: an empty agenda, or the end */
  MODE_ITEM,
  MODE_BREAK,
  MODE_PROMPT,
  MODE_MAP,     /* the participant map and the chart beside it */
} StageMode;

typedef struct
{
  StageMode      mode;
  SamTimerState  state;
  SamTimerLevel  level;
  char          *title;
  char          *countdown;
  char          *status;
  char          *next;       /* the getter's line: "Next: …" or "Back at …" */
  char          *back;       /* a break's "Back at 10:45", or NULL */
  char          *following;  /* on a break, the item after it: "Next: …" */
  char          *caption;    /* a prompt's way of working: "In pairs" */
  char          *prompt;
  char         **starters;
  double         fraction;   /* of the budget left, 0 … 1 */
  guint          balloons;   /* on the map, for the accessible description */
} Shown;

struct _SamStageView
{
  GtkWidget   parent_instance;

  SamTimer   *timer;
  SamSession *session;
  gulong      changed_id;
  gulong      committed_id;

  Shown       shown;
  gboolean    blanked;
  gboolean    frozen;

  /* Children, shown only in MODE_MAP. */
  GtkWidget     *map;     /* SamMapView, read-only */
  GtkWidget     *chart;   /* SamPerspectiveChart on the stage */
  /* The children as last drawn, and the size of the stage then: a frozen
   * stage draws this again rather than the children, which follow the
   * session whatever the stage does. */
  GskRenderNode *children_node;
  int            children_width;
  int            children_height;
};

G_DEFINE_FINAL_TYPE (SamStageView, sam_stage_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMER,
  PROP_BLANKED,
  PROP_FROZEN,
  PROP_COUNTDOWN_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MINUTE (60 * G_USEC_PER_SEC)

/* The palette (see above). */
static const GdkRGBA background_color = { 0.067, 0.075, 0.082, 1.0 };  /* #111315 */
static const GdkRGBA blank_color      = { 0.0, 0.0, 0.0, 1.0 };
static const GdkRGBA text_color       = { 0.965, 0.961, 0.957, 1.0 };  /* #f6f5f4 */
static const GdkRGBA soft_color       = { 0.753, 0.749, 0.737, 1.0 };  /* #c0bfbc */
static const GdkRGBA dim_color        = { 0.604, 0.600, 0.588, 1.0 };  /* #9a9996 */
static const GdkRGBA accent_color     = { 0.600, 0.757, 0.945, 1.0 };  /* #99c1f1 */
static const GdkRGBA running_color    = { 0.384, 0.627, 0.918, 1.0 };  /* #62a0ea */
static const GdkRGBA amber_color      = { 1.000, 0.761, 0.278, 1.0 };  /* #ffc247 */
static const GdkRGBA red_text_color   = { 1.000, 0.482, 0.482, 1.0 };  /* #ff7b7b */
static const GdkRGBA red_color        = { 0.753, 0.110, 0.157, 1.0 };  /* #c01c28 */
static const GdkRGBA frame_red_color  = { 0.878, 0.106, 0.141, 1.0 };  /* #e01b24 */
static const GdkRGBA ink_color        = { 0.110, 0.110, 0.110, 1.0 };  /* #1c1c1c */
static const GdkRGBA track_color      = { 0.169, 0.180, 0.200, 1.0 };  /* #2b2e33 */

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

static const char *
prompt_format_caption (SamItem *prompt)
{
  switch (sam_item_get_enum (prompt, "format"))
    {
    case SAM_PROMPT_FORMAT_INDIVIDUAL:
      /* Translators: on the stage, above a prompt: how the room works with it */
      return _("On your own");
    case SAM_PROMPT_FORMAT_PAIR:
      return _("In pairs");
    case SAM_PROMPT_FORMAT_TRIO:
      return _("In threes");
    case SAM_PROMPT_FORMAT_GROUP:
      return _("In groups");
    case SAM_PROMPT_FORMAT_PLENARY:
      return _("All together");
    default:
      return "";
    }
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

/* Takes what the timer shows now. */
static void
shown_take (Shown      *shown,
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
      shown->mode = MODE_PROMPT;
      shown->caption = g_strdup (prompt_format_caption (prompt));
      shown->prompt = g_strdup (sam_item_get_string (prompt, "text"));
      shown->starters = g_strdupv ((char **) sam_item_get_strv (prompt, "starters"));
    }
  else if (sam_item_get_enum (item, "activity-kind") == SAM_ACTIVITY_MAP)
    {
      shown->mode = MODE_MAP;
      shown->balloons = g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_balloons (session)));
    }
}

/* The scene: where each text and shape goes at a size. */

typedef struct
{
  PangoLayout *layout;
  double       x, y;     /* the layout's origin */
  GdkRGBA      color;
} Text;

typedef struct
{
  Text            title, caption, prompt, back, countdown, status, next;
  /* The badge around the state's words, and the pause sign in it. */
  gboolean        badge;
  gboolean        badge_filled;
  GdkRGBA         badge_color;
  graphene_rect_t badge_rect;
  gboolean        pause_sign;
  graphene_rect_t pause_rect;
  /* The bar of time left, and the frame at the last minute and over time. */
  gboolean        bar;
  graphene_rect_t track_rect;
  graphene_rect_t fill_rect;
  GdkRGBA         fill_color;
  double          frame_width;
  GdkRGBA         frame_color;
  /* The height of the countdown's digits, in pixels. */
  int             digit_height;
} Scene;

static void
scene_clear (Scene *scene)
{
  g_clear_object (&scene->title.layout);
  g_clear_object (&scene->caption.layout);
  g_clear_object (&scene->prompt.layout);
  g_clear_object (&scene->back.layout);
  g_clear_object (&scene->countdown.layout);
  g_clear_object (&scene->status.layout);
  g_clear_object (&scene->next.layout);
}

static PangoLayout *
make_layout (SamStageView    *self,
             const char      *text,
             double           size,
             PangoWeight      weight,
             double           width,
             int              max_lines,
             PangoAlignment   alignment)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));

  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

/* A countdown in tabular figures, so that its width does not change
 * from second to second. */
static PangoLayout *
make_digits_layout (SamStageView *self,
                    const char   *text,
                    double        size)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* The shape of the widest countdown of the same length: the font size
 * is chosen for it, so the digits keep their size as the time runs. A
 * sign in overrun only shrinks them where the width runs out. */
static const char *
countdown_template (const char *countdown)
{
  guint colons = 0;

  for (const char *p = countdown; *p != '\0'; p++)
    if (*p == ':')
      colons++;

  return colons > 1 ? "00:00:00" : "00:00";
}

/* Lays out the countdown so that its digits are @digit_height high and it
 * fits in @max_width; returns the height its digits got. */
static int
place_countdown (SamStageView *self,
                 Scene        *scene,
                 const char   *countdown,
                 double        digit_height,
                 double        max_width,
                 GdkRGBA       color)
{
  g_autoptr(PangoLayout) probe = make_digits_layout (self, "0123456789", 100.0);
  g_autoptr(PangoLayout) widest = NULL;
  PangoRectangle ink, logical;
  double size, digits_per_size;

  pango_layout_get_pixel_extents (probe, &ink, NULL);
  digits_per_size = MAX (ink.height, 1) / 100.0;
  size = digit_height / digits_per_size;

  widest = make_digits_layout (self, countdown_template (countdown), size);
  pango_layout_get_pixel_extents (widest, NULL, &logical);
  if (logical.width > max_width)
    size *= max_width / logical.width;

  scene->countdown.layout = make_digits_layout (self, countdown, size);
  pango_layout_get_pixel_extents (scene->countdown.layout, NULL, &logical);
  if (logical.width > max_width)
    {
      size *= max_width / logical.width;
      g_object_unref (scene->countdown.layout);
      scene->countdown.layout = make_digits_layout (self, countdown, size);
    }
  scene->countdown.color = color;

  return (int) (size * digits_per_size + 0.5);
}

/* Puts the countdown's digits with their top at @top, centred on @centre_x. */
static void
move_countdown (Scene  *scene,
                double  centre_x,
                double  top)
{
  PangoRectangle ink, logical;

  pango_layout_get_pixel_extents (scene->countdown.layout, &ink, &logical);
  scene->countdown.x = centre_x - logical.width / 2.0;
  scene->countdown.y = top - ink.y;
}

static double
countdown_width (Scene *scene)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (scene->countdown.layout, NULL, &logical);
  return logical.width;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.height;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width;
}

/* The state's words in a badge; returns its size through @width, @height
 * (0 when there are no words). The badge is placed with move_badge(). */
static void
make_badge (SamStageView *self,
            Scene        *scene,
            double        font_size,
            double       *width,
            double       *height)
{
  const Shown *shown = &self->shown;
  double pad_x = 0.6 * font_size, pad_y = 0.22 * font_size;
  double text_width, text_height, sign_width = 0.0;

  *width = *height = 0.0;
  scene->badge = FALSE;
  if (shown->status == NULL || shown->status[0] == '\0')
    return;

  scene->status.layout = make_layout (self, shown->status, font_size, PANGO_WEIGHT_BOLD,
                                      1, 0, PANGO_ALIGN_LEFT);
  pango_layout_set_width (scene->status.layout, -1);
  text_width = layout_width (scene->status.layout);
  text_height = layout_height (scene->status.layout);

  scene->badge = TRUE;
  scene->pause_sign = shown->state == SAM_TIMER_PAUSED;
  if (scene->pause_sign)
    sign_width = 0.55 * font_size + 0.4 * font_size;

  if (shown->state == SAM_TIMER_RUNNING && shown->level == SAM_TIMER_LEVEL_WARNING)
    {
      scene->badge_filled = TRUE;
      scene->badge_color = amber_color;
      scene->status.color = ink_color;
    }
  else if (shown->state == SAM_TIMER_RUNNING && shown->level == SAM_TIMER_LEVEL_OVERRUN)
    {
      scene->badge_filled = TRUE;
      scene->badge_color = red_color;
      scene->status.color = text_color;
    }
  else if (shown->state == SAM_TIMER_PAUSED)
    {
      scene->badge_filled = FALSE;
      scene->badge_color = text_color;
      scene->status.color = text_color;
    }
  else
    {
      scene->badge_filled = FALSE;
      scene->badge_color = dim_color;
      scene->status.color = soft_color;
    }

  *width = text_width + sign_width + 2 * pad_x;
  *height = text_height + 2 * pad_y;
  scene->badge_rect = GRAPHENE_RECT_INIT (0, 0, *width, *height);
  scene->pause_rect = GRAPHENE_RECT_INIT (pad_x, (*height - 0.7 * font_size) / 2,
                                          0.55 * font_size, 0.7 * font_size);
  scene->status.x = pad_x + sign_width;
  scene->status.y = pad_y;
}

static void
move_badge (Scene  *scene,
            double  x,
            double  y)
{
  scene->badge_rect.origin.x += x;
  scene->badge_rect.origin.y += y;
  scene->pause_rect.origin.x += x;
  scene->pause_rect.origin.y += y;
  scene->status.x += x;
  scene->status.y += y;
}

static GdkRGBA
countdown_color (const Shown *shown)
{
  GdkRGBA color;

  if (shown->state == SAM_TIMER_STOPPED)
    return soft_color;

  switch (shown->level)
    {
    case SAM_TIMER_LEVEL_WARNING:
      color = amber_color;
      break;
    case SAM_TIMER_LEVEL_OVERRUN:
      color = red_text_color;
      break;
    case SAM_TIMER_LEVEL_NORMAL:
    default:
      color = text_color;
      break;
    }

  /* Paused: the same colour, quieter. */
  if (shown->state == SAM_TIMER_PAUSED)
    {
      color.red = 0.65 * color.red + 0.35 * background_color.red;
      color.green = 0.65 * color.green + 0.35 * background_color.green;
      color.blue = 0.65 * color.blue + 0.35 * background_color.blue;
    }

  return color;
}

/* The prompt and its sentence starters, as large as fits in @height. */
static void
make_prompt (SamStageView *self,
             Scene        *scene,
             double        size,
             double        min_size,
             double        width,
             double        height)
{
  const Shown *shown = &self->shown;
  g_autoptr(GString) text = g_string_new (shown->prompt);
  guint gap_start = text->len;
  guint starters_start = text->len;

  /* The sentence starters follow after a short gap, a size smaller. */
  if (shown->starters != NULL && shown->starters[0] != NULL)
    {
      g_string_append (text, "\n\n");
      starters_start = text->len;
      for (guint i = 0; shown->starters[i] != NULL; i++)
        g_string_append_printf (text, "%s•  %s", i > 0 ? "\n" : "", shown->starters[i]);
    }

  for (;;)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *attr;

      g_clear_object (&scene->prompt.layout);
      scene->prompt.layout = make_layout (self, text->str, size, PANGO_WEIGHT_SEMIBOLD,
                                          width, 0, PANGO_ALIGN_LEFT);
      pango_layout_set_line_spacing (scene->prompt.layout, 1.1f);
      if (starters_start < text->len)
        {
          attr = pango_attr_size_new_absolute ((int) (0.4 * size * PANGO_SCALE));
          attr->start_index = gap_start + 1;
          attr->end_index = starters_start;
          pango_attr_list_insert (attrs, attr);
          attr = pango_attr_size_new_absolute ((int) (0.82 * size * PANGO_SCALE));
          attr->start_index = starters_start;
          attr->end_index = text->len;
          pango_attr_list_insert (attrs, attr);
          attr = pango_attr_weight_new (PANGO_WEIGHT_NORMAL);
          attr->start_index = starters_start;
          attr->end_index = text->len;
          pango_attr_list_insert (attrs, attr);
        }
      pango_layout_set_attributes (scene->prompt.layout, attrs);
      pango_attr_list_unref (attrs);

      if (layout_height (scene->prompt.layout) <= height || size <= min_size)
        break;
      size = MAX (size * 0.92, min_size);
    }

  /* Whatever still does not fit ends in an ellipsis rather than running
   * into the countdown. */
  if (layout_height (scene->prompt.layout) > height)
    {
      pango_layout_set_height (scene->prompt.layout, (int) (height * PANGO_SCALE));
      pango_layout_set_ellipsize (scene->prompt.layout, PANGO_ELLIPSIZE_END);
    }

  scene->prompt.color = text_color;
}

/* Where things go at an item at the map, as fractions of the stage like
 * everything else on it: a strip along the top for the title, the state and
 * the countdown; below it the map on the left, about two thirds of the
 * width, and on the right the chart under its question, with what comes
 * next at the bottom. */
typedef struct
{
  double          top;            /* of the strip */
  double          strip_height;   /* the countdown's digits */
  graphene_rect_t map;
  graphene_rect_t question;       /* "Which perspectives are here today?" */
  graphene_rect_t chart;
  graphene_rect_t next;           /* empty when nothing comes next */
} MapGeometry;

static double
stage_pad_x (double width,
             double height)
{
  return MAX (0.04 * height, 0.035 * width);
}

static void
map_geometry (const Shown *shown,
              double       width,
              double       height,
              MapGeometry *geometry)
{
  double pad_x = stage_pad_x (width, height);
  double inner = MAX (width - 2 * pad_x, 1.0);
  double gap = 0.025 * width;
  double question_height = 0.09 * height;
  double region_top, region_bottom, map_width, chart_x, chart_top, chart_width, chart_bottom;

  geometry->top = 0.045 * height;
  /* A little over a fifth, so that rounding the digits' height keeps them
   * at least a fifth. */
  geometry->strip_height = 0.205 * height;
  region_top = geometry->top + geometry->strip_height + 0.035 * height;
  /* Above the bar of time left (see build_scene). */
  region_bottom = 0.92 * height;

  map_width = 0.68 * inner;
  chart_x = pad_x + map_width + gap;
  chart_width = MAX (width - pad_x - chart_x, 1.0);
  chart_bottom = region_bottom;

  if (shown->next != NULL && shown->next[0] != '\0')
    {
      double next_height = 0.09 * height;

      geometry->next = GRAPHENE_RECT_INIT (chart_x, region_bottom - next_height, chart_width, next_height);
      chart_bottom = region_bottom - next_height - 0.025 * height;
    }
  else
    {
      geometry->next = GRAPHENE_RECT_INIT (chart_x, region_bottom, chart_width, 0);
    }

  /* Room for the question in two lines. */
  chart_top = region_top + question_height + 0.025 * height;

  geometry->map = GRAPHENE_RECT_INIT (pad_x, region_top, map_width, MAX (region_bottom - region_top, 1.0));
  geometry->question = GRAPHENE_RECT_INIT (chart_x, region_top, chart_width, question_height);
  geometry->chart = GRAPHENE_RECT_INIT (chart_x, chart_top, chart_width, MAX (chart_bottom - chart_top, 1.0));
}

static void
build_scene (SamStageView *self,
             double        width,
             double        height,
             Scene        *scene)
{
  const Shown *shown = &self->shown;
  double pad_x = stage_pad_x (width, height);
  double inner = MAX (width - 2 * pad_x, 1.0);
  double top = 0.06 * height;
  double status_size = 0.052 * height;
  double next_bottom = 0.905 * height;
  double next_top = next_bottom;
  double title_bottom = top;
  double badge_width, badge_height;

  memset (scene, 0, sizeof *scene);
  if (shown->mode == MODE_EMPTY || width < 1 || height < 1)
    return;

  /* The bar of time left, along the bottom. */
  if (shown->mode != MODE_TITLE)
    {
      double bar_height = MAX (0.016 * height, 2.0);
      double bar_y = height - 0.05 * height;

      scene->bar = TRUE;
      scene->track_rect = GRAPHENE_RECT_INIT (pad_x, bar_y, inner, bar_height);
      if (shown->level == SAM_TIMER_LEVEL_OVERRUN)
        {
          scene->fill_rect = scene->track_rect;
          scene->fill_color = shown->state == SAM_TIMER_RUNNING ? frame_red_color : dim_color;
        }
      else
        {
          scene->fill_rect = GRAPHENE_RECT_INIT (pad_x, bar_y, inner * shown->fraction, bar_height);
          if (shown->state != SAM_TIMER_RUNNING)
            scene->fill_color = dim_color;
          else if (shown->level == SAM_TIMER_LEVEL_WARNING)
            scene->fill_color = amber_color;
          else
            scene->fill_color = running_color;
        }

      if (shown->state == SAM_TIMER_RUNNING && shown->level == SAM_TIMER_LEVEL_WARNING)
        {
          scene->frame_width = 0.012 * height;
          scene->frame_color = amber_color;
        }
      else if (shown->state == SAM_TIMER_RUNNING && shown->level == SAM_TIMER_LEVEL_OVERRUN)
        {
          scene->frame_width = 0.024 * height;
          scene->frame_color = frame_red_color;
        }
    }

  /* What comes next, above the bar (at the map, under the chart). */
  if (shown->mode != MODE_TITLE && shown->mode != MODE_MAP)
    {
      const char *next = shown->mode == MODE_BREAK ? shown->following : shown->next;

      if (next != NULL && next[0] != '\0')
        {
          scene->next.layout = make_layout (self, next, 0.046 * height, PANGO_WEIGHT_NORMAL,
                                            inner, 1, PANGO_ALIGN_CENTER);
          scene->next.color = soft_color;
          scene->next.x = pad_x;
          scene->next.y = next_bottom - layout_height (scene->next.layout);
          next_top = scene->next.y;
        }
    }

  switch (shown->mode)
    {
    case MODE_TITLE:
      {
        double title_height, status_height = 0.0, gap = 0.04 * height, block;

        scene->title.layout = make_layout (self, shown->title, 0.095 * height, PANGO_WEIGHT_BOLD,
                                           inner, 3, PANGO_ALIGN_CENTER);
        scene->title.color = text_color;
        title_height = layout_height (scene->title.layout);
        if (shown->status[0] != '\0')
          {
            scene->status.layout = make_layout (self, shown->status, 0.075 * height,
                                                PANGO_WEIGHT_BOLD, inner, 1, PANGO_ALIGN_CENTER);
            scene->status.color = accent_color;
            status_height = layout_height (scene->status.layout);
          }
        block = title_height + (status_height > 0 ? gap + status_height : 0.0);
        scene->title.x = pad_x;
        scene->title.y = (height - block) / 2;
        scene->status.x = pad_x;
        scene->status.y = scene->title.y + title_height + gap;
        return;
      }

    case MODE_ITEM:
    case MODE_BREAK:
      {
        double gap = 0.045 * height, region_top, region_height, digits, block, y;
        double back_height = 0.0;

        scene->title.layout = make_layout (self, shown->title, 0.075 * height, PANGO_WEIGHT_BOLD,
                                           inner, 2, PANGO_ALIGN_CENTER);
        scene->title.color = text_color;
        scene->title.x = pad_x;
        scene->title.y = top;
        title_bottom = top + layout_height (scene->title.layout);

        if (shown->mode == MODE_BREAK)
          {
            scene->back.layout = make_layout (self, shown->back, 0.11 * height, PANGO_WEIGHT_BOLD,
                                              inner, 1, PANGO_ALIGN_CENTER);
            scene->back.color = accent_color;
            back_height = layout_height (scene->back.layout);
          }

        make_badge (self, scene, status_size, &badge_width, &badge_height);
        /* Room for the badge is kept even without one, so the digits do
         * not move when it comes and goes. */
        badge_height = MAX (badge_height, status_size * 1.6);

        region_top = title_bottom + 0.03 * height;
        region_height = next_top - 0.03 * height - region_top;
        digits = (shown->mode == MODE_BREAK ? 0.30 : 0.42) * height;
        digits = MIN (digits, region_height - gap - badge_height -
                      (back_height > 0 ? back_height + gap : 0.0));
        scene->digit_height = place_countdown (self, scene, shown->countdown, digits, 0.92 * inner,
                                               countdown_color (shown));
        digits = scene->digit_height;

        block = digits + gap + badge_height + (back_height > 0 ? back_height + gap : 0.0);
        y = region_top + MAX ((region_height - block) / 2, 0.0);
        if (back_height > 0)
          {
            scene->back.x = pad_x;
            scene->back.y = y;
            y += back_height + gap;
          }
        move_countdown (scene, width / 2, y);
        y += digits + gap;
        move_badge (scene, (width - badge_width) / 2, y);
        return;
      }

    case MODE_PROMPT:
      {
        double caption_bottom, row_bottom, row_top, row_width, digits, x;

        /* A prompt reads from the left, and so does what leads to it. */
        scene->title.layout = make_layout (self, shown->title, 0.055 * height, PANGO_WEIGHT_BOLD,
                                           inner, 1, PANGO_ALIGN_LEFT);
        scene->title.color = soft_color;
        scene->title.x = pad_x;
        scene->title.y = top;
        title_bottom = top + layout_height (scene->title.layout);

        scene->caption.layout = make_layout (self, shown->caption, 0.042 * height, PANGO_WEIGHT_BOLD,
                                             inner, 1, PANGO_ALIGN_LEFT);
        scene->caption.color = accent_color;
        scene->caption.x = pad_x;
        scene->caption.y = title_bottom + 0.035 * height;
        caption_bottom = scene->caption.y + layout_height (scene->caption.layout);

        /* The countdown, smaller than usual but still a fifth of the
         * height, in a row with the state's badge. */
        digits = 0.22 * height;
        make_badge (self, scene, status_size, &badge_width, &badge_height);
        scene->digit_height = place_countdown (self, scene, shown->countdown, digits,
                                               inner - badge_width - 0.04 * height,
                                               countdown_color (shown));
        digits = scene->digit_height;
        row_bottom = next_top - 0.035 * height;
        row_top = row_bottom - digits;
        row_width = countdown_width (scene) + (badge_width > 0 ? 0.04 * height + badge_width : 0.0);
        x = (width - row_width) / 2;
        move_countdown (scene, x + countdown_width (scene) / 2, row_top);
        move_badge (scene, x + countdown_width (scene) + 0.04 * height,
                    row_top + (digits - badge_height) / 2);

        make_prompt (self, scene, 0.085 * height, 0.03 * height, inner,
                     row_top - 0.05 * height - (caption_bottom + 0.015 * height));
        scene->prompt.x = pad_x;
        scene->prompt.y = caption_bottom + 0.015 * height;
        return;
      }

    case MODE_MAP:
      {
        static const double title_sizes[] = { 0.055, 0.047, 0.04 };
        MapGeometry geometry;
        double gap = 0.04 * height, badge_gap = 0.02 * height;
        double title_width, title_room, title_height, block, y;

        map_geometry (shown, width, height, &geometry);

        /* The countdown at the right end of the strip. It may take most of
         * the width (an hour and more has seven figures): the title gives
         * way, the digits do not. */
        scene->digit_height = place_countdown (self, scene, shown->countdown, geometry.strip_height,
                                               0.85 * inner, countdown_color (shown));
        move_countdown (scene, width - pad_x - countdown_width (scene) / 2,
                        geometry.top + (geometry.strip_height - scene->digit_height) / 2);

        /* The title and the state's badge on the left, read first. A long
         * title takes a smaller size and more lines before it is cut. */
        title_width = MAX (inner - countdown_width (scene) - gap, 1.0);
        make_badge (self, scene, 0.04 * height, &badge_width, &badge_height);
        title_room = geometry.strip_height - (badge_height > 0 ? badge_gap + badge_height : 0.0);
        for (guint i = 0; i < G_N_ELEMENTS (title_sizes); i++)
          {
            double size = title_sizes[i] * height;
            int lines = (int) MAX (1.0, MIN (3.0, title_room / (1.25 * size)));

            g_clear_object (&scene->title.layout);
            scene->title.layout = make_layout (self, shown->title, size, PANGO_WEIGHT_BOLD,
                                               title_width, lines, PANGO_ALIGN_LEFT);
            if (!pango_layout_is_ellipsized (scene->title.layout))
              break;
          }
        scene->title.color = text_color;
        title_height = layout_height (scene->title.layout);
        block = title_height + (badge_height > 0 ? badge_gap + badge_height : 0.0);
        y = geometry.top + MAX ((geometry.strip_height - block) / 2, 0.0);
        scene->title.x = pad_x;
        scene->title.y = y;
        move_badge (scene, pad_x, y + title_height + badge_gap);

        /* Translators: on the stage, the heading of the bars that count the balloons of each perspective on the participant map */
        scene->caption.layout = make_layout (self, _("Which perspectives are here today?"),
                                             0.036 * height, PANGO_WEIGHT_BOLD,
                                             geometry.question.size.width, 2, PANGO_ALIGN_LEFT);
        scene->caption.color = accent_color;
        scene->caption.x = geometry.question.origin.x;
        scene->caption.y = geometry.question.origin.y;

        if (geometry.next.size.height > 0)
          {
            scene->next.layout = make_layout (self, shown->next, 0.034 * height, PANGO_WEIGHT_NORMAL,
                                              geometry.next.size.width, 2, PANGO_ALIGN_LEFT);
            scene->next.color = soft_color;
            scene->next.x = geometry.next.origin.x;
            scene->next.y = geometry.next.origin.y + geometry.next.size.height -
                            layout_height (scene->next.layout);
          }
        return;
      }

    case MODE_EMPTY:
    default:
      return;
    }
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

  build_scene (self, width, height, &scene);

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
  append_text (snapshot, &scene.prompt);
  append_text (snapshot, &scene.back);
  append_text (snapshot, &scene.countdown);
  append_text (snapshot, &scene.status);
  append_text (snapshot, &scene.next);

  scene_clear (&scene);

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

  map_geometry (&self->shown, width, height, &geometry);
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

static void
refresh (SamStageView *self)
{
  if (self->frozen)
    return;

  shown_take (&self->shown, self->timer, self->session);
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

  G_OBJECT_CLASS (sam_stage_view_parent_class)->finalize (object);
}

static int
get_countdown_height (SamStageView *self)
{
  Scene scene;
  int height;

  if (self->blanked)
    return 0;

  build_scene (self, gtk_widget_get_width (GTK_WIDGET (self)),
               gtk_widget_get_height (GTK_WIDGET (self)), &scene);
  height = scene.countdown.layout != NULL ? scene.digit_height : 0;
  scene_clear (&scene);

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
  shown_take (&self->shown, self->timer, self->session);
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
