/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-format.h"
#include "sam-session.h"
#include "sam-session-page.h"

struct _SamSessionPage
{
  AdwBin        parent_instance;

  AdwClamp     *clamp;
  GtkBox       *columns;
  GtkWidget    *main_column;
  GtkLabel     *title_label;
  GtkLabel     *summary_label;
  AdwActionRow *date_row;
  AdwActionRow *time_row;
  AdwActionRow *place_row;
  AdwActionRow *mode_row;
  AdwActionRow *purpose_row;
  AdwActionRow *goal_row;
  AdwActionRow *language_row;
  AdwPreferencesGroup *agenda_group;
  GtkListBox   *agenda_list;
  GtkLabel     *perspectives_label;
  GtkLabel     *participants_label;
  GtkLabel     *balloons_label;
  GtkLabel     *prompts_label;
  GtkLabel     *voices_label;
  GtkLabel     *walls_label;
  GtkLabel     *notes_label;

  SamSession   *session;
  GSignalGroup *session_signals;

  guint         layout_idle;
  gboolean      wide;
};

/* Wider than this, the agenda and the details stand side by side. */
#define WIDE_LAYOUT_WIDTH 1000
#define NARROW_CLAMP 760
#define WIDE_CLAMP 1240

G_DEFINE_FINAL_TYPE (SamSessionPage, sam_session_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_string (SamSessionPage *self,
            const char     *property)
{
  const char *value = sam_item_get_string (SAM_ITEM (self->session), property);

  return value != NULL ? value : "";
}

static void
set_row_value (AdwActionRow *row,
               const char   *value)
{
  /* An empty value is said, not left blank. */
  if (value == NULL || value[0] == '\0')
    {
      adw_action_row_set_subtitle (row, _("Not set"));
      gtk_widget_add_css_class (GTK_WIDGET (row), "unset");
    }
  else
    {
      adw_action_row_set_subtitle (row, value);
      gtk_widget_remove_css_class (GTK_WIDGET (row), "unset");
    }
}

static char *
time_range (SamSessionPage *self)
{
  const char *start = get_string (self, "start-time");
  const char *end = get_string (self, "end-time");

  if (start[0] != '\0' && end[0] != '\0')
    return g_strdup_printf ("%s–%s", start, end);
  if (start[0] != '\0')
    /* Translators: a start time with no end */
    return g_strdup_printf (_("from %s"), start);
  if (end[0] != '\0')
    /* Translators: an end time with no start */
    return g_strdup_printf (_("until %s"), end);

  return g_strdup ("");
}

static void
update_metadata (SamSessionPage *self)
{
  const char *title = get_string (self, "title");
  const char *language = sam_language_name (get_string (self, "language"));
  g_autofree char *times = time_range (self);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *summary = NULL;
  const char *mode = sam_session_mode_to_label (sam_item_get_enum (SAM_ITEM (self->session), "mode"));

  gtk_label_set_text (self->title_label, title[0] != '\0' ? title : _("Untitled Session"));

  if (get_string (self, "date")[0] != '\0')
    g_ptr_array_add (parts, (gpointer) get_string (self, "date"));
  if (times[0] != '\0')
    g_ptr_array_add (parts, times);
  if (get_string (self, "place")[0] != '\0')
    g_ptr_array_add (parts, (gpointer) get_string (self, "place"));
  g_ptr_array_add (parts, (gpointer) mode);
  g_ptr_array_add (parts, NULL);
  summary = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->summary_label, summary);

  set_row_value (self->date_row, get_string (self, "date"));
  set_row_value (self->time_row, times);
  set_row_value (self->place_row, get_string (self, "place"));
  set_row_value (self->mode_row, mode);
  set_row_value (self->purpose_row, get_string (self, "purpose"));
  set_row_value (self->goal_row, get_string (self, "goal"));
  set_row_value (self->language_row, language);
}

static GtkWidget *
agenda_row (SamItem    *item,
            int         start)
{
  const char *title = sam_item_get_string (item, "title");
  int kind = sam_item_get_enum (item, "kind");
  g_autofree char *duration = sam_format_duration (sam_item_get_int (item, "duration"));
  g_autofree char *clock = NULL;
  g_autofree char *description = NULL;
  GtkWidget *row, *time_label, *duration_label;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title != NULL && title[0] != '\0' ? title : _("Untitled Item"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sam_agenda_kind_to_label (kind));
  gtk_widget_add_css_class (row, "agenda-row");
  if (kind == SAM_AGENDA_KIND_BREAK)
    gtk_widget_add_css_class (row, "break");

  if (start >= 0)
    {
      clock = sam_format_clock (start);
      time_label = gtk_label_new (clock);
      gtk_widget_add_css_class (time_label, "agenda-time");
      gtk_widget_add_css_class (time_label, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), time_label);
      /* Translators: the planned start time and the duration of an agenda item */
      description = g_strdup_printf (_("Starts at %s, lasts %s"), clock, duration);
    }
  else
    {
      /* Translators: the duration of an agenda item */
      description = g_strdup_printf (_("Lasts %s"), duration);
    }

  duration_label = gtk_label_new (duration);
  gtk_widget_add_css_class (duration_label, "dim-label");
  gtk_widget_add_css_class (duration_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), duration_label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return row;
}

static void
update_agenda (SamSessionPage *self)
{
  GListModel *agenda = G_LIST_MODEL (sam_session_get_agenda (self->session));
  guint n_items = g_list_model_get_n_items (agenda);
  int start = sam_parse_clock (get_string (self, "start-time"));
  int end = sam_parse_clock (get_string (self, "end-time"));
  int clock = start;
  int total = 0;
  GtkListBoxRow *row;
  g_autofree char *length = NULL;
  g_autofree char *description = NULL;

  while ((row = gtk_list_box_get_row_at_index (self->agenda_list, 0)) != NULL)
    gtk_list_box_remove (self->agenda_list, GTK_WIDGET (row));

  /* Each item starts when the one before it ends. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (agenda, i);
      int duration = sam_item_get_int (item, "duration");

      gtk_list_box_append (self->agenda_list, agenda_row (item, start >= 0 ? clock : -1));
      clock += (duration + 30) / 60;
      total += duration;
    }

  length = sam_format_duration (total);
  if (n_items == 0)
    description = g_strdup (_("Nothing is planned yet."));
  else if (start >= 0 && end >= 0 && clock != end)
    {
      g_autofree char *planned_end = sam_format_clock (clock);
      g_autofree char *difference = sam_format_duration (ABS (clock - end) * 60);

      description = g_strdup_printf (clock > end
                                     /* Translators: number of items, total time, end time, minutes past the session's end */
                                     ? g_dngettext (GETTEXT_PACKAGE,
                                                    "%u item, %s, ends %s: %s after the session’s end",
                                                    "%u items, %s, ends %s: %s after the session’s end",
                                                    n_items)
                                     /* Translators: number of items, total time, end time, minutes before the session's end */
                                     : g_dngettext (GETTEXT_PACKAGE,
                                                    "%u item, %s, ends %s: %s before the session’s end",
                                                    "%u items, %s, ends %s: %s before the session’s end",
                                                    n_items),
                                     n_items, length, planned_end, difference);
    }
  else if (start >= 0)
    {
      g_autofree char *planned_end = sam_format_clock (clock);

      /* Translators: number of items, total time, end time */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u item, %s, ends %s",
                                                  "%u items, %s, ends %s",
                                                  n_items),
                                     n_items, length, planned_end);
    }
  else
    {
      /* Translators: number of items and their total time */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u item, %s",
                                                  "%u items, %s",
                                                  n_items),
                                     n_items, length);
    }

  adw_preferences_group_set_description (self->agenda_group, description);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_text (label, text);
}

static guint
n_items_of (gpointer list)
{
  return list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (list)) : 0;
}

static void
update_counts (SamSessionPage *self)
{
  GListModel *walls = G_LIST_MODEL (sam_session_get_walls (self->session));
  guint n_notes = 0;

  for (guint i = 0; i < g_list_model_get_n_items (walls); i++)
    {
      g_autoptr(SamItem) wall = g_list_model_get_item (walls, i);
      GListModel *columns = G_LIST_MODEL (sam_item_get_list (wall, "columns"));

      for (guint j = 0; j < n_items_of (columns); j++)
        {
          g_autoptr(SamItem) column = g_list_model_get_item (columns, j);

          n_notes += n_items_of (sam_item_get_list (column, "notes"));
        }
    }

  set_count (self->perspectives_label, n_items_of (sam_session_get_perspectives (self->session)));
  set_count (self->participants_label, n_items_of (sam_session_get_participants (self->session)));
  set_count (self->balloons_label, n_items_of (sam_session_get_balloons (self->session)));
  set_count (self->prompts_label, n_items_of (sam_session_get_prompts (self->session)));
  set_count (self->voices_label, n_items_of (sam_session_get_voices (self->session)));
  set_count (self->walls_label, n_items_of (walls));
  set_count (self->notes_label, n_notes);
}

static void
session_notify_cb (SamSessionPage *self,
                   GParamSpec     *pspec,
                   SamSession     *session)
{
  if (g_strcmp0 (pspec->name, "dirty") == 0)
    return;

  update_metadata (self);
  if (g_strcmp0 (pspec->name, "start-time") == 0 || g_strcmp0 (pspec->name, "end-time") == 0)
    update_agenda (self);
}

static void
session_committed_cb (SamSessionPage     *self,
                      const char * const *ops,
                      SamSession         *session)
{
  update_agenda (self);
  update_counts (self);
}

static gboolean
apply_layout_cb (gpointer user_data)
{
  SamSessionPage *self = user_data;

  self->layout_idle = 0;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns),
                                  self->wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (self->columns, self->wide ? 36 : 24);
  /* The agenda gets the larger share. */
  gtk_widget_set_size_request (self->main_column, self->wide ? (WIDE_CLAMP * 4) / 7 : -1, -1);
  adw_clamp_set_maximum_size (self->clamp, self->wide ? WIDE_CLAMP : NARROW_CLAMP);

  return G_SOURCE_REMOVE;
}

static GtkSizeRequestMode
layout_request_mode (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
layout_measure (GtkWidget      *widget,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

/* The layout follows the width, but changes outside of the allocation
 * (changing it inside would ask for a new one while giving one). */
static void
layout_allocate (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  SamSessionPage *self = SAM_SESSION_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  gboolean wide = width >= WIDE_LAYOUT_WIDTH;

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);

  if (wide != self->wide)
    {
      self->wide = wide;
      if (self->layout_idle == 0)
        self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout_cb, self, NULL);
    }
}

SamSession *
sam_session_page_get_session (SamSessionPage *self)
{
  g_return_val_if_fail (SAM_IS_SESSION_PAGE (self), NULL);

  return self->session;
}

void
sam_session_page_set_session (SamSessionPage *self,
                              SamSession     *session)
{
  g_return_if_fail (SAM_IS_SESSION_PAGE (self));
  g_return_if_fail (session == NULL || SAM_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);

  if (session != NULL)
    {
      update_metadata (self);
      update_agenda (self);
      update_counts (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
sam_session_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SamSessionPage *self = SAM_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_session_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SamSessionPage *self = SAM_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      sam_session_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_session_page_dispose (GObject *object)
{
  SamSessionPage *self = SAM_SESSION_PAGE (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_handle_id (&self->layout_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_SESSION_PAGE);

  G_OBJECT_CLASS (sam_session_page_parent_class)->dispose (object);
}

static void
sam_session_page_finalize (GObject *object)
{
  SamSessionPage *self = SAM_SESSION_PAGE (object);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sam_session_page_parent_class)->finalize (object);
}

static void
sam_session_page_class_init (SamSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sam_session_page_get_property;
  object_class->set_property = sam_session_page_set_property;
  object_class->dispose = sam_session_page_dispose;
  object_class->finalize = sam_session_page_finalize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SAM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sam-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, columns);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, main_column);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, time_row);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, place_row);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, mode_row);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, goal_row);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, perspectives_label);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, participants_label);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, balloons_label);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, prompts_label);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, voices_label);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, walls_label);
  gtk_widget_class_bind_template_child (widget_class, SamSessionPage, notes_label);
}

static void
sam_session_page_init (SamSessionPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (layout_request_mode, layout_measure, layout_allocate));

  placeholder = gtk_label_new (_("No agenda items yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->agenda_list, placeholder);

  self->session_signals = g_signal_group_new (SAM_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify",
                                 G_CALLBACK (session_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "committed",
                                 G_CALLBACK (session_committed_cb), self, G_CONNECT_SWAPPED);
}
