/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-agenda-page.h"
#include "sam-format.h"
#include "sam-session.h"
#include "sam-timer.h"

/*
 * The list follows the session's "agenda" store row by row (a move is a
 * removal and an insertion, so the selection is kept by item, not by row)
 * and redraws its times after each whole edit, when the session's times
 * change and when the timer moves to another item or state.
 *
 * The editor shows the selected item. Its text fields (title, duration,
 * notes) apply on Enter, when the focus leaves them, when another item is
 * selected and when the window saves or closes (sam_agenda_page_apply());
 * the lists apply at once. Each applied change is one undo step. The editor
 * follows the item's notifications, field by field, so that undo shows in
 * it without disturbing another field that is being typed in.
 */

#define ROW_DATA_KEY "sam-agenda-row"

typedef struct
{
  SamItem   *item;
  GtkWidget *planned_label;
  GtkWidget *actual_label;
  GtkWidget *activity_box;
  GtkWidget *activity_icon;
  GtkWidget *activity_label;
  GtkWidget *status_box;
  GtkWidget *status_icon;
  GtkWidget *status_label;
  GtkWidget *duration_label;
} RowData;

typedef enum {
  DROP_NONE,
  DROP_ABOVE,
  DROP_BELOW,
} DropSide;

struct _SamAgendaPage
{
  AdwBin         parent_instance;

  /* Template children */
  AdwFlap       *flap;
  GtkWidget     *edit_button;
  GtkStack      *list_stack;
  GtkListBox    *list;
  GtkRevealer   *warning_revealer;
  GtkLabel      *warning_label;
  GtkLabel      *summary_label;
  GtkLabel      *planned_end_label;
  GtkLabel      *end_label;
  GtkStack      *editor_stack;
  AdwEntryRow   *title_row;
  GtkSpinButton *duration_spin;
  AdwComboRow   *kind_row;
  AdwComboRow   *overrun_row;
  AdwComboRow   *activity_row;
  AdwComboRow   *target_row;
  AdwActionRow  *no_target_row;
  GtkTextView   *notes_view;
  GtkLabel      *planned_label;
  GtkLabel      *held_label;

  SamTimer      *timer;
  SamSession    *session;
  GSignalGroup  *timer_signals;
  GSignalGroup  *session_signals;
  GSignalGroup  *agenda_signals;
  GSignalGroup  *item_signals;

  /* The item in the editor. */
  SamItem       *item;
  /* Ids parallel to target_row's model. */
  GPtrArray     *target_ids;

  /* The running item and the timer's state, as the rows show them. */
  SamItem       *shown_current;
  SamTimerState  shown_state;

  /* Where the selected item was when its row went (it may come back: a
   * move), and whether that row had the keyboard focus. */
  guint          lost_index;
  gboolean       lost_row;
  gboolean       lost_focus;

  /* Drag and drop: the row showing where a drop lands, and where the
   * pointer grabbed the row being dragged. */
  GtkWidget     *drop_row;
  DropSide       drop_side;
  double         drag_x;
  double         drag_y;

  /* Rows are being added or removed to follow the store. */
  gboolean       syncing;
  /* The editor is being set from the document. */
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (SamAgendaPage, sam_agenda_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TIMER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh          (SamAgendaPage *self);
static void update_editor    (SamAgendaPage *self,
                              const char    *property);
static void update_actions   (SamAgendaPage *self);
static void add_drag_source  (SamAgendaPage *self,
                              GtkWidget     *row);

/* Small readers */

static GListModel *
agenda_model (SamAgendaPage *self)
{
  return self->session != NULL ? G_LIST_MODEL (sam_session_get_agenda (self->session)) : NULL;
}

static guint
n_agenda_items (SamAgendaPage *self)
{
  GListModel *agenda = agenda_model (self);

  return agenda != NULL ? g_list_model_get_n_items (agenda) : 0;
}

/* The position of @item in the agenda, or -1 if it is not (any more) in it. */
static int
agenda_index (SamAgendaPage *self,
              gpointer       item)
{
  guint position;

  if (self->session == NULL || item == NULL)
    return -1;

  if (!g_list_store_find (sam_session_get_agenda (self->session), item, &position))
    return -1;

  return position;
}

static RowData *
row_data (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), ROW_DATA_KEY) : NULL;
}

static SamItem *
row_item (GtkListBoxRow *row)
{
  RowData *data = row_data (row);

  return data != NULL ? data->item : NULL;
}

static const char *
item_title (SamItem *item)
{
  const char *title = sam_item_get_string (item, "title");

  return title != NULL && title[0] != '\0' ? title : _("Untitled Item");
}

/* "13:05", local time, for µs since the epoch. */
static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  if (time == NULL)
    return g_strdup ("");

  return g_date_time_format (time, "%H:%M");
}

/* The second of the day at which the agenda starts under the plan. */
static gint64
plan_start_second (SamAgendaPage *self)
{
  g_autoptr(GDateTime) start = NULL;
  int minutes;

  if (self->timer != NULL)
    {
      start = g_date_time_new_from_unix_local (sam_timer_get_planned_start (self->timer) / G_USEC_PER_SEC);
      if (start != NULL)
        return g_date_time_get_hour (start) * 3600 +
               g_date_time_get_minute (start) * 60 +
               g_date_time_get_second (start);
    }

  /* As the timer does when no start time is set. */
  minutes = sam_parse_clock (sam_item_get_string (SAM_ITEM (self->session), "start-time"));
  return (minutes >= 0 ? minutes : 9 * 60) * 60;
}

static char *
format_second_of_day (gint64 second)
{
  return sam_format_clock ((int) (second / 60));
}

/* The second of the day at which the item at @index starts under the plan. */
static gint64
item_start_second (SamAgendaPage *self,
                   guint          index)
{
  GListModel *agenda = agenda_model (self);
  gint64 start = plan_start_second (self);

  for (guint i = 0; i < index; i++)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (agenda, i);

      if (item == NULL)
        break;
      start += sam_item_get_int (item, "duration");
    }

  return start;
}

static gboolean
item_is_running (SamAgendaPage *self,
                 SamItem       *item,
                 SamTimerState *state)
{
  SamTimerState timer_state;

  if (self->timer == NULL)
    return FALSE;

  timer_state = sam_timer_get_state (self->timer);
  if (timer_state != SAM_TIMER_RUNNING && timer_state != SAM_TIMER_PAUSED)
    return FALSE;
  if ((SamItem *) sam_timer_get_current (self->timer) != item)
    return FALSE;

  if (state != NULL)
    *state = timer_state;
  return TRUE;
}

/* "13:02–13:14", "13:02–" while it runs, or NULL if it has not started. */
static char *
held_times (SamItem *item)
{
  gint64 start = sam_item_get_int64 (item, "actual-start");
  gint64 end = sam_item_get_int64 (item, "actual-end");
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (start == 0)
    return NULL;

  from = format_time (start);
  if (end == 0)
    /* Translators: an agenda item that started at this time and still runs */
    return g_strdup_printf (_("%s–"), from);

  to = format_time (end);
  /* Translators: when an agenda item actually started and ended */
  return g_strdup_printf (_("%s–%s"), from, to);
}

/* The rows */

static void
row_data_free (gpointer data)
{
  RowData *row = data;

  g_clear_object (&row->item);
  g_free (row);
}

static GtkWidget *
icon_label_box (const char *css_class,
                GtkWidget **icon,
                GtkWidget **label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  *icon = g_object_new (GTK_TYPE_IMAGE,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        NULL);
  *label = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (box), *icon);
  gtk_box_append (GTK_BOX (box), *label);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, css_class);

  return box;
}

/* A row for @item, without its times (see update_row()). */
static GtkWidget *
build_row (SamItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  RowData *data = g_new0 (RowData, 1);
  GtkWidget *handle, *times;

  data->item = g_object_ref (item);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_add_css_class (row, "agenda-item");

  handle = g_object_new (GTK_TYPE_IMAGE,
                         "icon-name", "list-drag-handle-symbolic",
                         "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                         NULL);
  gtk_widget_add_css_class (handle, "drag-handle");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), handle);

  times = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (times, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (times, "agenda-times");
  data->planned_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (data->planned_label), 0);
  gtk_widget_add_css_class (data->planned_label, "agenda-planned");
  gtk_widget_add_css_class (data->planned_label, "numeric");
  data->actual_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (data->actual_label), 0);
  gtk_widget_add_css_class (data->actual_label, "agenda-actual");
  gtk_widget_add_css_class (data->actual_label, "numeric");
  gtk_box_append (GTK_BOX (times), data->planned_label);
  gtk_box_append (GTK_BOX (times), data->actual_label);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), times);

  data->activity_box = icon_label_box ("agenda-activity", &data->activity_icon, &data->activity_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), data->activity_box);

  data->status_box = icon_label_box ("agenda-status", &data->status_icon, &data->status_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), data->status_box);

  data->duration_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (data->duration_label), 1);
  gtk_label_set_width_chars (GTK_LABEL (data->duration_label), 8);
  gtk_widget_set_valign (data->duration_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (data->duration_label, "agenda-duration");
  gtk_widget_add_css_class (data->duration_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), data->duration_label);

  g_object_set_data_full (G_OBJECT (row), ROW_DATA_KEY, data, row_data_free);

  return row;
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
update_row (SamAgendaPage *self,
            GtkWidget     *row,
            gint64         start_second)
{
  RowData *data = row_data (GTK_LIST_BOX_ROW (row));
  SamItem *item = data->item;
  const char *title = item_title (item);
  int kind = sam_item_get_enum (item, "kind");
  const char *kind_label = sam_agenda_kind_to_label (kind);
  SamActivityKind activity = sam_item_get_enum (item, "activity-kind");
  gboolean skipped = sam_item_get_boolean (item, "skipped");
  gboolean done = sam_item_get_int64 (item, "actual-end") != 0;
  SamTimerState state = SAM_TIMER_STOPPED;
  gboolean running = item_is_running (self, item, &state);
  g_autofree char *planned = format_second_of_day (start_second);
  g_autofree char *duration = sam_format_duration (sam_item_get_int (item, "duration"));
  g_autofree char *held = held_times (item);
  g_autofree char *label = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *status = NULL;
  const char *status_icon = NULL;
  const char *activity_label = NULL;
  const char *activity_icon = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind_label);
  gtk_label_set_text (GTK_LABEL (data->planned_label), planned);
  gtk_label_set_text (GTK_LABEL (data->duration_label), duration);

  gtk_label_set_text (GTK_LABEL (data->actual_label), held != NULL ? held : "");
  gtk_widget_set_visible (data->actual_label, held != NULL && !skipped);

  if (running && state == SAM_TIMER_PAUSED)
    {
      status = _("Paused");
      status_icon = "media-playback-pause-symbolic";
    }
  else if (running)
    {
      /* Translators: marks the agenda item that runs now */
      status = _("Now");
      status_icon = "media-playback-start-symbolic";
    }
  else if (skipped)
    {
      status = _("Skipped");
      status_icon = "media-skip-forward-symbolic";
    }

  gtk_widget_set_visible (data->status_box, status != NULL);
  if (status != NULL)
    {
      gtk_label_set_text (GTK_LABEL (data->status_label), status);
      gtk_image_set_from_icon_name (GTK_IMAGE (data->status_icon), status_icon);
    }

  switch (activity)
    {
    case SAM_ACTIVITY_MAP:
      /* Translators: the activity of an agenda item, in its row: the participant map */
      activity_label = _("Map");
      activity_icon = "mark-location-symbolic";
      break;
    case SAM_ACTIVITY_PROMPT:
      /* Translators: the activity of an agenda item, in its row: a dialogue prompt */
      activity_label = _("Prompt");
      activity_icon = "chat-message-new-symbolic";
      break;
    case SAM_ACTIVITY_WALL:
      /* Translators: the activity of an agenda item, in its row: a sticky-note wall */
      activity_label = _("Wall");
      activity_icon = "view-grid-symbolic";
      break;
    case SAM_ACTIVITY_NONE:
    default:
      break;
    }

  gtk_widget_set_visible (data->activity_box, activity_label != NULL);
  if (activity_label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (data->activity_label), activity_label);
      gtk_image_set_from_icon_name (GTK_IMAGE (data->activity_icon), activity_icon);
    }

  set_css_class (row, "break", kind == SAM_AGENDA_KIND_BREAK);
  set_css_class (row, "running", running);
  set_css_class (row, "skipped", skipped);
  set_css_class (row, "done", done && !skipped);

  /* What a screen reader says: "09:00, Welcome, 10 min, Welcome, now". */
  g_ptr_array_add (parts, g_steal_pointer (&planned));
  g_ptr_array_add (parts, g_strdup (title));
  g_ptr_array_add (parts, g_steal_pointer (&duration));
  g_ptr_array_add (parts, g_strdup (kind_label));
  if (status != NULL)
    g_ptr_array_add (parts, g_strdup (status));
  if (held != NULL && !skipped)
    /* Translators: when an agenda item was actually held, e.g. "held 13:02–13:14" */
    g_ptr_array_add (parts, g_strdup_printf (_("held %s"), held));
  if (activity_label != NULL)
    /* Translators: the activity of an agenda item, e.g. "with Prompt" */
    g_ptr_array_add (parts, g_strdup_printf (_("with %s"), activity_label));
  g_ptr_array_add (parts, NULL);
  label = g_strjoinv (", ", (char **) parts->pdata);

  /* The label says it all; the row's title would be read twice. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static GtkListBoxRow *
row_for_item (SamAgendaPage *self,
              gpointer       item)
{
  int index = agenda_index (self, item);

  return index >= 0 ? gtk_list_box_get_row_at_index (self->list, index) : NULL;
}

/* The footer: the number of items and their length, the planned end of the
 * agenda and the session's end, and a warning when the first is later. */
static void
update_footer (SamAgendaPage *self,
               guint          n_items,
               gint64         start_second,
               gint64         total)
{
  g_autofree char *length = sam_format_duration (total);
  g_autofree char *summary = NULL;
  g_autofree char *planned_end = format_second_of_day (start_second + total);
  g_autofree char *planned_text = NULL;
  int end = sam_parse_clock (sam_item_get_string (SAM_ITEM (self->session), "end-time"));
  gint64 over = 0;

  /* Translators: number of items and their total time */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item, %s", "%u items, %s", n_items),
                             n_items, length);
  gtk_label_set_text (self->summary_label, summary);

  /* Translators: the time the agenda ends as planned */
  planned_text = g_strdup_printf (_("Agenda ends %s"), planned_end);
  gtk_label_set_text (self->planned_end_label, planned_text);

  if (end >= 0)
    {
      g_autofree char *end_clock = sam_format_clock (end);
      /* Translators: the end time of the session */
      g_autofree char *end_text = g_strdup_printf (_("Session ends %s"), end_clock);
      gint64 end_second = end * 60;

      /* A session that ends after midnight. */
      if (end_second <= start_second)
        end_second += 24 * 3600;

      gtk_label_set_text (self->end_label, end_text);
      over = start_second + total - end_second;

      if (over > 0)
        {
          /* Whole minutes, rounded up: 20 seconds over is "1 min". */
          g_autofree char *amount = sam_format_duration (((over + 59) / 60) * 60);
          /* Translators: how long the agenda runs past the end time of the session */
          g_autofree char *warning = g_strdup_printf (_("The agenda runs %s past the end at %s"),
                                                      amount, end_clock);

          gtk_label_set_text (self->warning_label, warning);
        }
    }
  else
    {
      gtk_label_set_text (self->end_label, _("No end time set"));
    }

  gtk_revealer_set_reveal_child (self->warning_revealer, over > 0);
  set_css_class (GTK_WIDGET (self->planned_end_label), "error", over > 0);
}

/* The editor's time rows, which depend on the items before the selected one. */
static void
update_timing (SamAgendaPage *self)
{
  int index = agenda_index (self, self->item);
  gint64 start;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *held = NULL;

  if (index < 0)
    return;

  start = item_start_second (self, index);
  from = format_second_of_day (start);
  to = format_second_of_day (start + sam_item_get_int (self->item, "duration"));
  /* Translators: the planned start and end of an agenda item */
  planned = g_strdup_printf (_("%s–%s"), from, to);
  gtk_label_set_text (self->planned_label, planned);

  if (sam_item_get_boolean (self->item, "skipped"))
    {
      gtk_label_set_text (self->held_label, _("Skipped"));
    }
  else if ((held = held_times (self->item)) != NULL)
    {
      if (sam_item_get_int64 (self->item, "actual-end") == 0)
        {
          g_autofree char *since = format_time (sam_item_get_int64 (self->item, "actual-start"));
          g_autofree char *text = NULL;

          /* Translators: an agenda item that has run since this time */
          text = g_strdup_printf (_("Running since %s"), since);
          gtk_label_set_text (self->held_label, text);
        }
      else
        {
          gtk_label_set_text (self->held_label, held);
        }
    }
  else
    {
      gtk_label_set_text (self->held_label, _("Not yet"));
    }
}

static void
refresh (SamAgendaPage *self)
{
  GListModel *agenda = agenda_model (self);
  guint n = n_agenda_items (self);
  gint64 start, offset = 0;

  if (self->session == NULL)
    return;

  start = plan_start_second (self);
  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);
      g_autoptr(SamItem) item = g_list_model_get_item (agenda, i);

      if (row != NULL)
        update_row (self, GTK_WIDGET (row), start + offset);
      offset += sam_item_get_int (item, "duration");
    }

  update_footer (self, n, start, offset);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");

  if (self->item != NULL)
    update_timing (self);

  update_actions (self);
}

/* Selection */

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
can_edit (SamAgendaPage *self)
{
  return self->session != NULL && self->item != NULL && !self->updating &&
         agenda_index (self, self->item) >= 0;
}

static char *
title_text (SamAgendaPage *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));

  return g_strdup (g_strstrip (text));
}

static void
validate_title (SamAgendaPage *self)
{
  GtkWidget *row = GTK_WIDGET (self->title_row);
  g_autofree char *text = title_text (self);

  if (text[0] != '\0' || self->item == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, _("An item needs a title"));
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
}

static void
apply_title (SamAgendaPage *self)
{
  g_autofree char *text = NULL;

  if (!can_edit (self))
    return;

  text = title_text (self);
  if (text[0] == '\0' || g_strcmp0 (text, sam_item_get_string (self->item, "title")) == 0)
    return;

  sam_session_begin (self->session, _("Rename Agenda Item"));
  sam_session_set (self->session, self->item, "title", text, NULL);
  sam_session_end (self->session);
}

static void
apply_duration (SamAgendaPage *self)
{
  int minutes, duration;

  if (!can_edit (self))
    return;

  minutes = gtk_spin_button_get_value_as_int (self->duration_spin);
  duration = sam_item_get_int (self->item, "duration");
  /* A duration of seconds that shows as this many minutes stays as it is. */
  if (minutes == (duration + 30) / 60)
    return;

  sam_session_begin (self->session, _("Change Duration"));
  sam_session_set (self->session, self->item, "duration", minutes * 60, NULL);
  sam_session_end (self->session);
}

static char *
notes_text (SamAgendaPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
apply_notes (SamAgendaPage *self)
{
  g_autofree char *text = NULL;

  if (!can_edit (self))
    return;

  text = notes_text (self);
  if (g_strcmp0 (text, sam_item_get_string (self->item, "notes")) == 0)
    return;

  sam_session_begin (self->session, _("Change Notes"));
  sam_session_set (self->session, self->item, "notes", text, NULL);
  sam_session_end (self->session);
}

static void
apply_all (SamAgendaPage *self)
{
  if (!can_edit (self))
    return;

  apply_title (self);
  /* Takes what was typed into the spin button; applies through
   * ::value-changed. */
  gtk_spin_button_update (self->duration_spin);
  apply_duration (self);
  apply_notes (self);
}

static void
set_item (SamAgendaPage *self,
          SamItem       *item)
{
  if (self->item == item)
    return;

  /* What was typed for the item before counts. */
  apply_all (self);

  g_set_object (&self->item, item);
  g_signal_group_set_target (self->item_signals, item);

  gtk_stack_set_visible_child_name (self->editor_stack, item != NULL ? "editor" : "none");
  if (item != NULL)
    {
      update_editor (self, NULL);
      update_timing (self);
    }

  update_actions (self);
}

static void
select_item (SamAgendaPage *self,
             SamItem       *item,
             gboolean       grab_focus)
{
  GtkListBoxRow *row = item != NULL ? row_for_item (self, item) : NULL;

  if (row != NULL)
    {
      gtk_list_box_select_row (self->list, row);
      if (grab_focus)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  else
    {
      gtk_list_box_unselect_all (self->list);
    }

  /* Also when the row was already selected but the editor showed another. */
  set_item (self, row != NULL ? item : NULL);
}

static void
row_selected_cb (SamAgendaPage *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list)
{
  if (self->syncing)
    return;

  set_item (self, row_item (row));
}

static void
row_activated_cb (SamAgendaPage *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  /* Enter or a double click on a row: edit it. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
hide_details_cb (SamAgendaPage *self,
                 GtkButton     *button)
{
  adw_flap_set_reveal_flap (self->flap, FALSE);
  /* Back where the item was chosen. */
  if (self->item != NULL && row_for_item (self, self->item) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row_for_item (self, self->item)));
}

/* Following the document */

static void
agenda_items_changed_cb (SamAgendaPage *self,
                         guint          position,
                         guint          removed,
                         guint          added,
                         GListModel    *agenda)
{
  GtkListBoxRow *row;

  self->syncing = TRUE;

  for (guint i = 0; i < removed; i++)
    {
      row = gtk_list_box_get_row_at_index (self->list, position);
      if (row == NULL)
        break;

      if (self->item != NULL && row_item (row) == self->item)
        {
          self->lost_row = TRUE;
          self->lost_index = position;
          self->lost_focus = focus_is_in (GTK_WIDGET (row));
        }
      if (GTK_WIDGET (row) == self->drop_row)
        self->drop_row = NULL;

      gtk_list_box_remove (self->list, GTK_WIDGET (row));
    }

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (agenda, position + i);
      GtkWidget *new_row = build_row (item);

      add_drag_source (self, new_row);
      gtk_list_box_insert (self->list, new_row, position + i);
    }

  self->syncing = FALSE;

  /* The selected item came back (it moved): select its new row. */
  if (self->lost_row && (row = row_for_item (self, self->item)) != NULL)
    {
      self->syncing = TRUE;
      gtk_list_box_select_row (self->list, row);
      self->syncing = FALSE;
      if (self->lost_focus)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      self->lost_row = FALSE;
      self->lost_focus = FALSE;
    }

  refresh (self);
}

static void
session_committed_cb (SamAgendaPage      *self,
                      const char * const *ops,
                      SamSession         *session)
{
  /* The selected item is gone (removed, or its addition undone): its
   * neighbour takes its place. */
  if (self->item != NULL && agenda_index (self, self->item) < 0)
    {
      guint n = n_agenda_items (self);
      gboolean grab_focus = self->lost_focus;

      self->lost_row = FALSE;
      self->lost_focus = FALSE;

      if (n > 0)
        {
          g_autoptr(SamItem) neighbour = g_list_model_get_item (agenda_model (self),
                                                                MIN (self->lost_index, n - 1));

          select_item (self, neighbour, grab_focus);
        }
      else
        {
          select_item (self, NULL, FALSE);
        }
    }

  self->lost_row = FALSE;
  self->lost_focus = FALSE;

  refresh (self);
  /* The prompts and walls an item can show may have changed. */
  if (self->item != NULL)
    update_editor (self, "activity-id");
}

static void
session_notify_cb (SamAgendaPage *self,
                   GParamSpec    *pspec,
                   SamSession    *session)
{
  if (g_strcmp0 (pspec->name, "start-time") == 0 ||
      g_strcmp0 (pspec->name, "end-time") == 0 ||
      g_strcmp0 (pspec->name, "date") == 0)
    refresh (self);
}

static void
timer_changed_cb (SamAgendaPage *self,
                  SamTimer      *timer)
{
  SamTimerState state = sam_timer_get_state (timer);
  SamItem *current = (SamItem *) sam_timer_get_current (timer);

  /* The timer ticks every second; the rows change only with the item or
   * the state. */
  if (state == self->shown_state && current == self->shown_current)
    return;

  self->shown_state = state;
  g_set_object (&self->shown_current, current);
  refresh (self);
}

static void
item_notify_cb (SamAgendaPage *self,
                GParamSpec    *pspec,
                SamItem       *item)
{
  update_editor (self, pspec->name);
}

/* The editor */

/* A prompt's text as one short line. */
static char *
target_label (SamItem    *target,
              const char *property)
{
  g_autofree char *text = g_strdup (sam_item_get_string (target, property));
  g_auto(GStrv) lines = NULL;
  char *line;

  if (text == NULL)
    return g_strdup ("");

  lines = g_strsplit (g_strstrip (text), "\n", 2);
  line = g_strstrip (lines[0]);

  if (g_utf8_strlen (line, -1) > 70)
    {
      g_autofree char *start = g_utf8_substring (line, 0, 69);

      return g_strdup_printf ("%s…", g_strchomp (start));
    }

  return g_strdup (line);
}

/* The choice of prompt or wall for an item whose activity is one. */
static void
update_target (SamAgendaPage *self)
{
  SamActivityKind kind = sam_item_get_enum (self->item, "activity-kind");
  const char *id = sam_item_get_string (self->item, "activity-id");
  g_autoptr(GtkStringList) labels = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  GListModel *targets, *current;
  const char *property;
  gboolean same;
  guint n, selected = GTK_INVALID_LIST_POSITION;

  if (kind != SAM_ACTIVITY_PROMPT && kind != SAM_ACTIVITY_WALL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->target_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->no_target_row), FALSE);
      return;
    }

  if (kind == SAM_ACTIVITY_PROMPT)
    {
      targets = G_LIST_MODEL (sam_session_get_prompts (self->session));
      property = "text";
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), _("Prompt"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_target_row),
                                     _("The session has no prompts yet"));
    }
  else
    {
      targets = G_LIST_MODEL (sam_session_get_walls (self->session));
      property = "title";
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), _("Wall"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_target_row),
                                     _("The session has no walls yet"));
    }

  n = g_list_model_get_n_items (targets);
  gtk_widget_set_visible (GTK_WIDGET (self->target_row), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_target_row), n == 0);

  labels = gtk_string_list_new (NULL);
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) target = g_list_model_get_item (targets, i);
      g_autofree char *label = target_label (target, property);

      if (label[0] == '\0')
        gtk_string_list_append (labels, kind == SAM_ACTIVITY_PROMPT ? _("Untitled Prompt") : _("Untitled Wall"));
      else
        gtk_string_list_append (labels, label);
      g_ptr_array_add (ids, g_strdup (sam_item_get_id (target)));
      if (g_strcmp0 (sam_item_get_id (target), id) == 0)
        selected = i;
    }

  /* A new model only when the choices changed: a new one closes the list
   * if it is open. */
  current = adw_combo_row_get_model (self->target_row);
  same = current != NULL && self->target_ids != NULL && self->target_ids->len == n &&
         g_list_model_get_n_items (current) == n;
  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (g_ptr_array_index (self->target_ids, i), g_ptr_array_index (ids, i)) == 0 &&
           g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (current), i),
                      gtk_string_list_get_string (labels, i)) == 0;

  if (!same)
    {
      g_clear_pointer (&self->target_ids, g_ptr_array_unref);
      self->target_ids = g_steal_pointer (&ids);
      adw_combo_row_set_model (self->target_row, G_LIST_MODEL (labels));
    }

  adw_combo_row_set_selected (self->target_row, selected);
}

static gboolean
is (const char *property,
    const char *name)
{
  return property == NULL || g_strcmp0 (property, name) == 0;
}

/* Shows the item's value of @property (every one if NULL) in the editor. */
static void
update_editor (SamAgendaPage *self,
               const char    *property)
{
  SamItem *item = self->item;

  if (item == NULL)
    return;

  self->updating = TRUE;

  if (is (property, "title"))
    {
      const char *title = sam_item_get_string (item, "title");
      g_autofree char *typed = title_text (self);

      if (g_strcmp0 (title, typed) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
      validate_title (self);
    }

  if (is (property, "duration"))
    gtk_spin_button_set_value (self->duration_spin, (sam_item_get_int (item, "duration") + 30) / 60);

  if (is (property, "kind"))
    adw_combo_row_set_selected (self->kind_row, sam_item_get_enum (item, "kind"));

  if (is (property, "overrun"))
    adw_combo_row_set_selected (self->overrun_row, sam_item_get_enum (item, "overrun"));

  if (is (property, "activity-kind"))
    adw_combo_row_set_selected (self->activity_row, sam_item_get_enum (item, "activity-kind"));

  if (is (property, "activity-kind") || is (property, "activity-id"))
    update_target (self);

  if (is (property, "notes"))
    {
      const char *notes = sam_item_get_string (item, "notes");
      g_autofree char *shown = notes_text (self);

      if (g_strcmp0 (notes != NULL ? notes : "", shown) != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                                  notes != NULL ? notes : "", -1);
    }

  self->updating = FALSE;
}

static void
title_changed_cb (SamAgendaPage *self,
                  GtkEditable   *editable)
{
  validate_title (self);
}

static void
title_activated_cb (SamAgendaPage *self,
                    AdwEntryRow   *row)
{
  apply_title (self);
}

static void
title_focus_leave_cb (SamAgendaPage *self,
                      GtkEventControllerFocus *controller)
{
  apply_title (self);
}

static void
duration_changed_cb (SamAgendaPage *self,
                     GtkSpinButton *spin)
{
  apply_duration (self);
}

static void
notes_focus_leave_cb (SamAgendaPage           *self,
                      GtkEventControllerFocus *controller)
{
  apply_notes (self);
}

static void
kind_selected_cb (SamAgendaPage *self,
                  GParamSpec    *pspec,
                  AdwComboRow   *row)
{
  guint kind = adw_combo_row_get_selected (row);

  if (!can_edit (self) || kind == GTK_INVALID_LIST_POSITION ||
      (int) kind == sam_item_get_enum (self->item, "kind"))
    return;

  sam_session_begin (self->session, _("Change Kind"));
  sam_session_set (self->session, self->item, "kind", (SamAgendaKind) kind, NULL);
  sam_session_end (self->session);
}

static void
overrun_selected_cb (SamAgendaPage *self,
                     GParamSpec    *pspec,
                     AdwComboRow   *row)
{
  guint policy = adw_combo_row_get_selected (row);

  if (!can_edit (self) || policy == GTK_INVALID_LIST_POSITION ||
      (int) policy == sam_item_get_enum (self->item, "overrun"))
    return;

  sam_session_begin (self->session, _("Change What an Overrun Does"));
  sam_session_set (self->session, self->item, "overrun", (SamOverrunPolicy) policy, NULL);
  sam_session_end (self->session);
}

/* The first prompt or wall, for an item that is to show one. */
static const char *
first_target (SamAgendaPage   *self,
              SamActivityKind  kind)
{
  GListModel *targets;
  g_autoptr(SamItem) target = NULL;

  if (kind == SAM_ACTIVITY_PROMPT)
    targets = G_LIST_MODEL (sam_session_get_prompts (self->session));
  else if (kind == SAM_ACTIVITY_WALL)
    targets = G_LIST_MODEL (sam_session_get_walls (self->session));
  else
    return "";

  target = g_list_model_get_item (targets, 0);
  /* The list holds the item. */
  return target != NULL ? sam_item_get_id (target) : "";
}

static void
activity_selected_cb (SamAgendaPage *self,
                      GParamSpec    *pspec,
                      AdwComboRow   *row)
{
  guint kind = adw_combo_row_get_selected (row);
  const char *id;

  if (!can_edit (self) || kind == GTK_INVALID_LIST_POSITION ||
      (int) kind == sam_item_get_enum (self->item, "activity-kind"))
    return;

  /* A prompt or a wall: the first one, until another is chosen. */
  id = first_target (self, kind);

  sam_session_begin (self->session, _("Change Activity"));
  sam_session_set (self->session, self->item,
                   "activity-kind", (SamActivityKind) kind,
                   "activity-id", id,
                   NULL);
  sam_session_end (self->session);
}

static void
target_selected_cb (SamAgendaPage *self,
                    GParamSpec    *pspec,
                    AdwComboRow   *row)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *id;

  if (!can_edit (self) || self->target_ids == NULL || selected >= self->target_ids->len)
    return;

  id = g_ptr_array_index (self->target_ids, selected);
  if (g_strcmp0 (id, sam_item_get_string (self->item, "activity-id")) == 0)
    return;

  sam_session_begin (self->session, _("Change Activity"));
  sam_session_set (self->session, self->item, "activity-id", id, NULL);
  sam_session_end (self->session);
}

/* Actions */

static void
update_actions (SamAgendaPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int index = agenda_index (self, self->item);
  guint n = n_agenda_items (self);
  gboolean selected = index >= 0;

  gtk_widget_action_set_enabled (widget, "agenda.add", self->session != NULL);
  gtk_widget_action_set_enabled (widget, "agenda.remove", selected);
  gtk_widget_action_set_enabled (widget, "agenda.duplicate", selected);
  gtk_widget_action_set_enabled (widget, "agenda.move-up", selected && index > 0);
  gtk_widget_action_set_enabled (widget, "agenda.move-down", selected && (guint) index + 1 < n);
  gtk_widget_set_sensitive (self->edit_button, selected);
  gtk_widget_action_set_enabled (widget, "agenda.start-here",
                                 selected && self->timer != NULL &&
                                 !item_is_running (self, self->item, NULL));
}

/* Inserts @item after the selected item (or last) as one undo step, and
 * selects it. */
static void
insert_after_selected (SamAgendaPage *self,
                       SamItem       *item,
                       const char    *label,
                       gboolean       grab_focus)
{
  int index = agenda_index (self, self->item);
  guint position = index >= 0 ? (guint) index + 1 : n_agenda_items (self);

  sam_session_begin (self->session, label);
  sam_session_insert (self->session, self->session, "agenda", position, item);
  sam_session_end (self->session);

  select_item (self, item, grab_focus);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamAgendaPage *self = SAM_AGENDA_PAGE (widget);
  g_autoptr(SamItem) item = NULL;

  if (self->session == NULL)
    return;

  apply_all (self);

  /* Not in the session yet: set like any new object. */
  item = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);
  g_object_set (item,
                "title", _("New Item"),
                "duration", 10 * 60,
                "kind", SAM_AGENDA_KIND_OTHER,
                NULL);

  insert_after_selected (self, item, _("Add Agenda Item"), FALSE);

  /* Ready to be named. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

static void
duplicate_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  static const char * const planned[] = {
    "title", "duration", "kind", "notes", "activity-kind", "activity-id", "overrun",
  };
  SamAgendaPage *self = SAM_AGENDA_PAGE (widget);
  g_autoptr(SamItem) copy = NULL;
  gboolean grab_focus;

  if (agenda_index (self, self->item) < 0)
    return;

  apply_all (self);

  /* The plan of the item, not what happened to it. */
  copy = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (self->item), planned[i], &value);
      g_object_set_property (G_OBJECT (copy), planned[i], &value);
    }

  grab_focus = focus_is_in (GTK_WIDGET (self->list));
  insert_after_selected (self, copy, _("Duplicate Agenda Item"), grab_focus);
}

static void
remove_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamAgendaPage *self = SAM_AGENDA_PAGE (widget);
  g_autoptr(SamItem) item = NULL;

  if (agenda_index (self, self->item) < 0)
    return;

  apply_all (self);

  /* The neighbour is selected once the edit is whole (see
   * session_committed_cb()). */
  item = g_object_ref (self->item);
  sam_session_begin (self->session, _("Remove Agenda Item"));
  sam_session_remove (self->session, item);
  sam_session_end (self->session);
}

static void
move_to (SamAgendaPage *self,
         SamItem       *item,
         guint          position)
{
  int index = agenda_index (self, item);

  if (index < 0 || (guint) index == position || position >= n_agenda_items (self))
    return;

  apply_all (self);

  sam_session_begin (self->session, _("Move Agenda Item"));
  sam_session_move (self->session, item, self->session, position);
  sam_session_end (self->session);
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SamAgendaPage *self = SAM_AGENDA_PAGE (widget);
  int index = agenda_index (self, self->item);
  gboolean up = g_str_equal (action_name, "agenda.move-up");
  g_autoptr(SamItem) item = NULL;

  if (index < 0 || (up && index == 0))
    return;

  item = g_object_ref (self->item);
  move_to (self, item, up ? index - 1 : index + 1);
}

static void
start_here_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SamAgendaPage *self = SAM_AGENDA_PAGE (widget);
  int index = agenda_index (self, self->item);

  if (index < 0 || self->timer == NULL)
    return;

  apply_all (self);
  sam_timer_start_item (self->timer, index);
}

/* Drag and drop */

static void
clear_drop_marker (SamAgendaPage *self)
{
  if (self->drop_row != NULL)
    {
      gtk_widget_remove_css_class (self->drop_row, "drop-above");
      gtk_widget_remove_css_class (self->drop_row, "drop-below");
    }
  self->drop_row = NULL;
  self->drop_side = DROP_NONE;
}

/* Where a drop at @y in the list puts an item: before the item at the
 * returned position (the number of items: at the end). */
static guint
drop_position (SamAgendaPage *self,
               double         y)
{
  guint n = n_agenda_items (self);
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->list, (int) y);
  graphene_rect_t bounds;
  int index;

  if (row == NULL)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list, 0);

      /* Above the first row, or below the last. */
      if (first != NULL && gtk_widget_compute_bounds (GTK_WIDGET (first), GTK_WIDGET (self->list), &bounds) &&
          y < bounds.origin.y)
        return 0;
      return n;
    }

  index = gtk_list_box_row_get_index (row);
  if (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds) &&
      y > bounds.origin.y + bounds.size.height / 2)
    return index + 1;

  return index;
}

static GdkDragAction
drop_motion_cb (SamAgendaPage *self,
                double         x,
                double         y,
                GtkDropTarget *target)
{
  guint position = drop_position (self, y);
  guint n = n_agenda_items (self);
  GtkListBoxRow *row;
  DropSide side;

  if (n == 0)
    return 0;

  if (position < n)
    {
      row = gtk_list_box_get_row_at_index (self->list, position);
      side = DROP_ABOVE;
    }
  else
    {
      row = gtk_list_box_get_row_at_index (self->list, n - 1);
      side = DROP_BELOW;
    }

  if (GTK_WIDGET (row) != self->drop_row || side != self->drop_side)
    {
      clear_drop_marker (self);
      self->drop_row = GTK_WIDGET (row);
      self->drop_side = side;
      gtk_widget_add_css_class (self->drop_row, side == DROP_ABOVE ? "drop-above" : "drop-below");
    }

  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (SamAgendaPage *self,
               GtkDropTarget *target)
{
  clear_drop_marker (self);
}

static gboolean
drop_cb (SamAgendaPage *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  const char *id = g_value_get_string (value);
  SamItem *item;
  guint position;
  int index;

  clear_drop_marker (self);

  if (self->session == NULL || id == NULL)
    return FALSE;

  item = sam_session_lookup (self->session, id);
  index = agenda_index (self, item);
  if (index < 0)
    return FALSE;

  /* The position once the item has left its place. */
  position = drop_position (self, y);
  if (position > (guint) index)
    position--;

  if (position != (guint) index)
    {
      g_autoptr(SamItem) keep = g_object_ref (item);

      move_to (self, keep, position);
      select_item (self, keep, FALSE);
    }

  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (SamAgendaPage *self,
                 double         x,
                 double         y,
                 GtkDragSource *source)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  SamItem *item = row_item (GTK_LIST_BOX_ROW (row));

  if (item == NULL || agenda_index (self, item) < 0)
    return NULL;

  self->drag_x = x;
  self->drag_y = y;

  return gdk_content_provider_new_typed (G_TYPE_STRING, sam_item_get_id (item));
}

static void
drag_begin_cb (SamAgendaPage *self,
               GdkDrag       *drag,
               GtkDragSource *source)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  SamItem *item = row_item (GTK_LIST_BOX_ROW (row));
  GtkWidget *icon_list, *copy;

  /* The icon is a copy of the row, in a list of its own for its style. */
  icon_list = gtk_list_box_new ();
  gtk_widget_add_css_class (icon_list, "boxed-list");
  gtk_widget_add_css_class (icon_list, "agenda-drag-icon");
  gtk_widget_set_size_request (icon_list, gtk_widget_get_width (row), -1);
  copy = build_row (item);
  gtk_list_box_append (GTK_LIST_BOX (icon_list), copy);
  update_row (self, copy, item_start_second (self, MAX (agenda_index (self, item), 0)));

  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), icon_list);
  gdk_drag_set_hotspot (drag, (int) self->drag_x, (int) self->drag_y);

  gtk_widget_add_css_class (row, "dragged");
}

static void
drag_end_cb (SamAgendaPage *self,
             GdkDrag       *drag,
             gboolean       delete_data,
             GtkDragSource *source)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  /* After a drop the row has gone: the item has a new one. */
  if (row != NULL)
    gtk_widget_remove_css_class (row, "dragged");
  clear_drop_marker (self);
}

static void
add_drag_source (SamAgendaPage *self,
                 GtkWidget     *row)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
}

/* The session */

static void
rebuild_rows (SamAgendaPage *self)
{
  GtkListBoxRow *row;
  GListModel *agenda = agenda_model (self);
  guint n = n_agenda_items (self);

  self->syncing = TRUE;
  clear_drop_marker (self);
  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  self->syncing = FALSE;

  if (agenda != NULL)
    agenda_items_changed_cb (self, 0, 0, n, agenda);
}

SamTimer *
sam_agenda_page_get_timer (SamAgendaPage *self)
{
  g_return_val_if_fail (SAM_IS_AGENDA_PAGE (self), NULL);

  return self->timer;
}

void
sam_agenda_page_set_timer (SamAgendaPage *self,
                           SamTimer      *timer)
{
  SamSession *session;

  g_return_if_fail (SAM_IS_AGENDA_PAGE (self));
  g_return_if_fail (timer == NULL || SAM_IS_TIMER (timer));

  if (self->timer == timer)
    return;

  /* What was typed belongs to the session shown until now. */
  apply_all (self);
  set_item (self, NULL);

  session = timer != NULL ? sam_timer_get_session (timer) : NULL;
  g_set_object (&self->timer, timer);
  g_set_object (&self->session, session);
  g_clear_object (&self->shown_current);
  self->shown_state = timer != NULL ? sam_timer_get_state (timer) : SAM_TIMER_STOPPED;
  if (timer != NULL)
    g_set_object (&self->shown_current, (SamItem *) sam_timer_get_current (timer));

  g_signal_group_set_target (self->timer_signals, timer);
  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->agenda_signals,
                             session != NULL ? sam_session_get_agenda (session) : NULL);

  rebuild_rows (self);
  if (session == NULL)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMER]);
}

SamAgendaItem *
sam_agenda_page_get_selected (SamAgendaPage *self)
{
  g_return_val_if_fail (SAM_IS_AGENDA_PAGE (self), NULL);

  return (SamAgendaItem *) self->item;
}

void
sam_agenda_page_select (SamAgendaPage *self,
                        SamAgendaItem *item)
{
  g_return_if_fail (SAM_IS_AGENDA_PAGE (self));
  g_return_if_fail (item == NULL || SAM_IS_AGENDA_ITEM (item));

  select_item (self, (SamItem *) item, FALSE);
}

void
sam_agenda_page_apply (SamAgendaPage *self)
{
  g_return_if_fail (SAM_IS_AGENDA_PAGE (self));

  apply_all (self);
}

/* The class */

static void
sam_agenda_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SamAgendaPage *self = SAM_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      g_value_set_object (value, self->timer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_agenda_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SamAgendaPage *self = SAM_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      sam_agenda_page_set_timer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_agenda_page_dispose (GObject *object)
{
  SamAgendaPage *self = SAM_AGENDA_PAGE (object);

  if (self->timer_signals != NULL)
    {
      g_signal_group_set_target (self->timer_signals, NULL);
      g_signal_group_set_target (self->session_signals, NULL);
      g_signal_group_set_target (self->agenda_signals, NULL);
      g_signal_group_set_target (self->item_signals, NULL);
    }

  /* The rows go with the list: nothing is selected or applied any more. */
  self->syncing = TRUE;
  self->drop_row = NULL;
  g_clear_object (&self->item);

  /* The flap lets go of its children itself, before the template's
   * references to them go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_AGENDA_PAGE);

  g_clear_object (&self->shown_current);
  g_clear_object (&self->timer);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sam_agenda_page_parent_class)->dispose (object);
}

static void
sam_agenda_page_finalize (GObject *object)
{
  SamAgendaPage *self = SAM_AGENDA_PAGE (object);

  g_clear_object (&self->timer_signals);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->agenda_signals);
  g_clear_object (&self->item_signals);
  g_clear_pointer (&self->target_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_agenda_page_parent_class)->finalize (object);
}

static void
sam_agenda_page_class_init (SamAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sam_agenda_page_get_property;
  object_class->set_property = sam_agenda_page_set_property;
  object_class->dispose = sam_agenda_page_dispose;
  object_class->finalize = sam_agenda_page_finalize;

  properties[PROP_TIMER] =
    g_param_spec_object ("timer", NULL, NULL, SAM_TYPE_TIMER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sam-agenda-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, flap);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, list);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, warning_revealer);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, planned_end_label);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, end_label);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, overrun_row);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, activity_row);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, target_row);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, no_target_row);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, planned_label);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaPage, held_label);

  gtk_widget_class_bind_template_callback (widget_class, hide_details_cb);

  gtk_widget_class_install_action (widget_class, "agenda.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "agenda.remove", NULL, remove_action_cb);
  gtk_widget_class_install_action (widget_class, "agenda.duplicate", NULL, duplicate_action_cb);
  gtk_widget_class_install_action (widget_class, "agenda.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "agenda.move-down", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "agenda.start-here", NULL, start_here_action_cb);

  /* Anywhere in the page; the window's own keys are in sam-application.c. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "agenda.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "agenda.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "agenda.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "agenda.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "agenda.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "agenda.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "agenda.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "agenda.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, 0, "agenda.add", NULL);
}

static GListModel *
labels_model (const char * const *labels,
              guint               n_labels)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (list, labels[i]);

  return G_LIST_MODEL (list);
}

static void
set_combo_model (AdwComboRow *row,
                 GListModel  *model)
{
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  adw_combo_row_set_expression (row, expression);
  adw_combo_row_set_model (row, model);
  g_object_unref (model);
}

static void
sam_agenda_page_init (SamAgendaPage *self)
{
  const char *kinds[SAM_AGENDA_KIND_OTHER + 1];
  const char *policies[] = {
    [SAM_OVERRUN_PUSH] = _("Pushes the later items"),
    [SAM_OVERRUN_ABSORB] = _("Is taken from the later items"),
  };
  const char *activities[] = {
    /* Translators: the activity of an agenda item: nothing */
    [SAM_ACTIVITY_NONE] = C_("activity", "None"),
    [SAM_ACTIVITY_MAP] = _("Participant map"),
    [SAM_ACTIVITY_PROMPT] = _("Dialogue prompt"),
    [SAM_ACTIVITY_WALL] = _("Sticky-note wall"),
  };
  GtkEventController *controller;
  GtkDropTarget *drop;
  GtkShortcutController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Its own label names the unit; the row's title would repeat it. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->duration_spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    kinds[i] = sam_agenda_kind_to_label (i);
  set_combo_model (self->kind_row, labels_model (kinds, G_N_ELEMENTS (kinds)));
  set_combo_model (self->overrun_row, labels_model (policies, G_N_ELEMENTS (policies)));
  set_combo_model (self->activity_row, labels_model (activities, G_N_ELEMENTS (activities)));
  set_combo_model (self->target_row, labels_model (NULL, 0));
  self->updating = FALSE;

  g_signal_connect_object (self->list, "row-selected", G_CALLBACK (row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  /* A click selects; Enter or a double click goes to the item's fields. */
  gtk_list_box_set_activate_on_single_click (self->list, FALSE);

  /* Delete removes only from the list: in a field it deletes text. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0)),
                                                          gtk_named_action_new ("agenda.remove")));
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (shortcuts));

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_signal_connect_object (drop, "motion", G_CALLBACK (drop_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "leave", G_CALLBACK (drop_leave_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_row, "entry-activated", G_CALLBACK (title_activated_cb), self, G_CONNECT_SWAPPED);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (title_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->title_row), controller);

  g_signal_connect_object (self->duration_spin, "value-changed", G_CALLBACK (duration_changed_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (notes_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), controller);

  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overrun_row, "notify::selected", G_CALLBACK (overrun_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->activity_row, "notify::selected", G_CALLBACK (activity_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_row, "notify::selected", G_CALLBACK (target_selected_cb), self, G_CONNECT_SWAPPED);

  self->timer_signals = g_signal_group_new (SAM_TYPE_TIMER);
  g_signal_group_connect_object (self->timer_signals, "changed",
                                 G_CALLBACK (timer_changed_cb), self, G_CONNECT_SWAPPED);

  self->session_signals = g_signal_group_new (SAM_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "committed",
                                 G_CALLBACK (session_committed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify",
                                 G_CALLBACK (session_notify_cb), self, G_CONNECT_SWAPPED);

  self->agenda_signals = g_signal_group_new (G_TYPE_LIST_STORE);
  g_signal_group_connect_object (self->agenda_signals, "items-changed",
                                 G_CALLBACK (agenda_items_changed_cb), self, G_CONNECT_SWAPPED);

  self->item_signals = g_signal_group_new (SAM_TYPE_AGENDA_ITEM);
  g_signal_group_connect_object (self->item_signals, "notify",
                                 G_CALLBACK (item_notify_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->list_stack, "empty");
  gtk_stack_set_visible_child_name (self->editor_stack, "none");
  update_actions (self);
}
