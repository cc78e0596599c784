/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-application.h"
#include "sam-entities.h"
#include "sam-format.h"
#include "sam-stage-view.h"
#include "sam-timer.h"
#include "sam-timer-panel.h"

#define USEC G_USEC_PER_SEC
#define MINUTE ((gint64) 60 * G_USEC_PER_SEC)

/* The shape of the projector's picture. */
#define STAGE_RATIO (16.0 / 9.0)

/*
 * The miniature's place: as tall as a 16:9 picture of the width it is
 * given. (A GtkAspectFrame keeps the ratio of what it shows, but asks only
 * for the height its child asks for.)
 */
#define SAM_TYPE_PREVIEW_LAYOUT (sam_preview_layout_get_type ())
G_DECLARE_FINAL_TYPE (SamPreviewLayout, sam_preview_layout, SAM, PREVIEW_LAYOUT, GtkLayoutManager)

struct _SamPreviewLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (SamPreviewLayout, sam_preview_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
sam_preview_layout_get_request_mode (GtkLayoutManager *manager,
                                     GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sam_preview_layout_measure (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            GtkOrientation    orientation,
                            int               for_size,
                            int              *minimum,
                            int              *natural,
                            int              *minimum_baseline,
                            int              *natural_baseline)
{
  *minimum = *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
        }
      else
        {
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          if (for_size >= 0)
            child_min = child_nat = MAX (child_min, (int) (for_size / STAGE_RATIO + 0.5));
        }

      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
sam_preview_layout_allocate (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             int               width,
                             int               height,
                             int               baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, -1, NULL);
}

static void
sam_preview_layout_class_init (SamPreviewLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = sam_preview_layout_get_request_mode;
  layout_class->measure = sam_preview_layout_measure;
  layout_class->allocate = sam_preview_layout_allocate;
}

static void
sam_preview_layout_init (SamPreviewLayout *self)
{
}

struct _SamTimerPanel
{
  AdwBin              parent_instance;

  /* Template children */
  GtkWidget          *preview_bin;
  SamStageView       *miniature;
  GtkWidget          *now_box;
  GtkLabel           *position_label;
  GtkLabel           *title_label;
  GtkLabel           *countdown_label;
  GtkWidget          *state_box;
  GtkImage           *state_icon;
  GtkLabel           *state_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *detail_label;
  GtkLabel           *next_label;
  GtkLabel           *projection_label;
  GtkLabel           *planned_label;
  GtkMenuButton      *menu_button;
  GtkWidget          *previous_button;
  GtkWidget          *toggle_button;
  GtkImage           *toggle_icon;
  GtkLabel           *toggle_label;
  GtkWidget          *next_button;
  GtkWidget          *minus_button;
  GtkWidget          *plus_button;
  GtkWidget          *plus5_button;
  GtkWidget          *skip_button;
  GtkWidget          *restart_button;
  GtkWidget          *show_stage_button;
  GtkMenuButton      *monitor_button;
  GtkWidget          *swap_button;
  GtkWidget          *blank_button;
  GtkWidget          *freeze_button;
  GtkWidget          *voices_button;

  SamTimer           *timer;
  gulong              changed_id;
  SamTimerState       shown_state;
  /* The timer's session: an edit of an item's title or length changes
   * what the panel shows without changing the time. */
  SamSession         *session;
  gulong              committed_id;

  /* The monitors of the display the panel is on, listed in the screen menu. */
  GListModel         *monitors;
  gulong              monitors_id;
  GMenu              *monitor_menu;
  /* The window whose "stage-monitor" the screen button names. */
  GObject            *stage_owner;
  gulong              stage_monitor_id;

  /* "panel.chime", when there are settings to keep it in. */
  GSimpleActionGroup *actions;
  gboolean            menu_built;
};

G_DEFINE_FINAL_TYPE (SamTimerPanel, sam_timer_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TIMER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Formatting */

/* "9:59", "1:02:03"; "+0:12" counting up in overrun. */
static char *
format_countdown (gint64   seconds,
                  gboolean overrun)
{
  const char *sign = overrun ? "+" : "";

  if (seconds >= 3600)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d:%02d", sign, seconds / 3600,
                            (int) (seconds / 60 % 60), (int) (seconds % 60));

  return g_strdup_printf ("%s%d:%02d", sign, (int) (seconds / 60), (int) (seconds % 60));
}

/* "15:07" in local time for wall-clock µs, to the nearest minute. */
static char *
format_wall_clock (gint64 usec)
{
  g_autoptr(GDateTime) time = NULL;

  time = g_date_time_new_from_unix_local ((usec + MINUTE / 2) / MINUTE * 60);
  if (time == NULL)
    return g_strdup ("");

  return g_date_time_format (time, "%H:%M");
}

/* "on plan", "7 min behind plan", "1 h 5 min ahead of plan" for a delay in µs. */
static char *
format_delay (gint64 delay)
{
  int minutes = (int) ((ABS (delay) + MINUTE / 2) / MINUTE);
  g_autofree char *length = NULL;

  if (minutes == 0)
    return g_strdup (_("on plan"));

  length = sam_format_duration (minutes * 60);
  if (delay > 0)
    /* Translators: how far the session is behind its plan, e.g. "7 min behind plan" */
    return g_strdup_printf (_("%s behind plan"), length);

  /* Translators: how far the session is ahead of its plan, e.g. "3 min ahead of plan" */
  return g_strdup_printf (_("%s ahead of plan"), length);
}

static const char *
item_title (SamAgendaItem *item)
{
  const char *title = sam_item_get_string (SAM_ITEM (item), "title");

  return title != NULL && title[0] != '\0' ? title : _("Untitled Item");
}

/* Showing the timer */

/* The timer reports every second: what did not change is left alone, so
 * that nothing is laid out again. */
static void
set_icon (GtkImage   *image,
          const char *icon_name)
{
  if (g_strcmp0 (gtk_image_get_icon_name (image), icon_name) != 0)
    gtk_image_set_from_icon_name (image, icon_name);
}

static void
set_level_class (SamTimerPanel *self,
                 const char    *level)
{
  static const char * const levels[] = { "last-minute", "overrun", "paused", "idle" };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      if (g_strcmp0 (levels[i], level) == 0)
        {
          gtk_widget_add_css_class (self->now_box, levels[i]);
          gtk_widget_add_css_class (GTK_WIDGET (self->progress_bar), levels[i]);
        }
      else
        {
          gtk_widget_remove_css_class (self->now_box, levels[i]);
          gtk_widget_remove_css_class (GTK_WIDGET (self->progress_bar), levels[i]);
        }
    }
}

/* The state in words and an icon, so that colour is never the only sign. */
static void
update_state (SamTimerPanel *self,
              SamTimerState  state,
              SamTimerLevel  level)
{
  const char *words, *icon, *css;

  switch (state)
    {
    case SAM_TIMER_RUNNING:
      if (level == SAM_TIMER_LEVEL_OVERRUN)
        words = _("Time is up"), icon = "alarm-symbolic", css = "overrun";
      else if (level == SAM_TIMER_LEVEL_WARNING)
        words = _("Last minute"), icon = "dialog-warning-symbolic", css = "last-minute";
      else
        words = _("Running"), icon = "media-playback-start-symbolic", css = NULL;
      break;

    case SAM_TIMER_PAUSED:
      icon = "media-playback-pause-symbolic";
      if (level == SAM_TIMER_LEVEL_OVERRUN)
        words = _("Paused, time is up"), css = "overrun";
      else if (level == SAM_TIMER_LEVEL_WARNING)
        words = _("Paused, last minute"), css = "last-minute";
      else
        words = _("Paused"), css = "paused";
      break;

    case SAM_TIMER_FINISHED:
      words = _("Finished"), icon = "object-select-symbolic", css = "idle";
      break;

    case SAM_TIMER_STOPPED:
    default:
      words = _("Not started"), icon = "media-playback-stop-symbolic", css = "idle";
      break;
    }

  if (self->timer == NULL || (state == SAM_TIMER_STOPPED && sam_timer_get_current (self->timer) == NULL))
    words = _("Nothing to run"), icon = "media-playback-stop-symbolic", css = "idle";

  gtk_label_set_text (self->state_label, words);
  set_icon (self->state_icon, icon);
  set_level_class (self, css);
}

static void
update_toggle_button (SamTimerPanel *self,
                      SamTimerState  state)
{
  const char *label, *icon;

  switch (state)
    {
    case SAM_TIMER_RUNNING:
      label = _("_Pause"), icon = "media-playback-pause-symbolic";
      break;
    case SAM_TIMER_PAUSED:
      label = _("_Resume"), icon = "media-playback-start-symbolic";
      break;
    case SAM_TIMER_STOPPED:
    case SAM_TIMER_FINISHED:
    default:
      label = _("_Start"), icon = "media-playback-start-symbolic";
      break;
    }

  gtk_label_set_text_with_mnemonic (self->toggle_label, label);
  set_icon (self->toggle_icon, icon);
}

/* How much of its time the current item has used, and since when. */
static void
update_progress (SamTimerPanel *self,
                 SamAgendaItem *current,
                 gboolean       active)
{
  gint64 budget = sam_timer_get_budget (self->timer);
  gint64 elapsed = sam_timer_get_elapsed (self->timer);
  double fraction = budget > 0 ? (double) elapsed / (double) budget : (elapsed > 0 ? 1.0 : 0.0);
  g_autofree char *allowed = sam_format_duration ((int) (budget / USEC));
  g_autofree char *detail = NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));

  if (active)
    {
      g_autofree char *started = format_wall_clock (sam_item_get_int64 (SAM_ITEM (current), "actual-start"));

      /* Translators: when the running item started, and the time it has in all */
      detail = g_strdup_printf (_("Started %s · %s in all"), started, allowed);
    }
  else
    {
      int index = sam_timer_get_current_index (self->timer);
      g_autofree char *planned = format_wall_clock (sam_timer_get_item_planned_start (self->timer, index));

      /* Translators: when the item that starts next was planned to start, and its length */
      detail = g_strdup_printf (_("Planned at %s · %s"), planned, allowed);
    }
  gtk_label_set_text (self->detail_label, detail);
}

static void
update_current (SamTimerPanel *self)
{
  SamTimerState state = sam_timer_get_state (self->timer);
  SamTimerLevel level = sam_timer_get_level (self->timer);
  SamAgendaItem *current = sam_timer_get_current (self->timer);
  SamAgendaItem *next = sam_timer_get_next (self->timer);
  GListModel *agenda = G_LIST_MODEL (sam_session_get_agenda (sam_timer_get_session (self->timer)));
  gboolean active = state == SAM_TIMER_RUNNING || state == SAM_TIMER_PAUSED;
  g_autofree char *position = NULL;
  g_autofree char *countdown = NULL;
  g_autofree char *next_text = NULL;

  update_state (self, state, level);
  update_toggle_button (self, state);

  if (current == NULL)
    {
      gtk_label_set_text (self->position_label, "");
      gtk_label_set_text (self->title_label,
                          state == SAM_TIMER_FINISHED
                          ? _("The agenda is done")
                          : _("The agenda is empty"));
      gtk_label_set_text (self->countdown_label, "–:––");
      gtk_progress_bar_set_fraction (self->progress_bar, state == SAM_TIMER_FINISHED ? 1.0 : 0.0);
      gtk_label_set_text (self->detail_label, "");
      gtk_label_set_text (self->next_label, "");
      return;
    }

  /* Translators: the position of the current agenda item and its kind, e.g. "Item 3 of 8 · Dialogue" */
  position = g_strdup_printf (_("Item %d of %u · %s"),
                              sam_timer_get_current_index (self->timer) + 1,
                              g_list_model_get_n_items (agenda),
                              sam_agenda_kind_to_label (sam_item_get_enum (SAM_ITEM (current), "kind")));
  gtk_label_set_text (self->position_label, position);
  gtk_label_set_text (self->title_label, item_title (current));

  countdown = format_countdown (sam_timer_get_display_seconds (self->timer),
                                active && level == SAM_TIMER_LEVEL_OVERRUN);
  gtk_label_set_text (self->countdown_label, countdown);

  update_progress (self, current, active);

  if (next != NULL)
    {
      g_autofree char *length = sam_format_duration (sam_item_get_int (SAM_ITEM (next), "duration"));

      /* Translators: the agenda item after the current one, and its planned length */
      next_text = g_strdup_printf (_("Next: %s · %s"), item_title (next), length);
    }
  else
    {
      next_text = g_strdup (_("This is the last item"));
    }
  gtk_label_set_text (self->next_label, next_text);
}

static void
update_schedule (SamTimerPanel *self)
{
  SamTimerState state = sam_timer_get_state (self->timer);
  g_autofree char *end = format_wall_clock (sam_timer_get_projected_end (self->timer));
  g_autofree char *delay = format_delay (sam_timer_get_delay (self->timer));
  g_autofree char *planned = format_wall_clock (sam_timer_get_planned_end (self->timer));
  g_autofree char *projection = NULL;
  g_autofree char *planned_text = NULL;

  if (state == SAM_TIMER_FINISHED)
    /* Translators: when the session ended, and how that compares with its plan, e.g. "Ended 15:07 · 7 min behind plan" */
    projection = g_strdup_printf (_("Ended %s · %s"), end, delay);
  else
    /* Translators: when the session is projected to end, and how that compares with its plan, e.g. "Ends 15:07 · 7 min behind plan" */
    projection = g_strdup_printf (_("Ends %s · %s"), end, delay);
  gtk_label_set_text (self->projection_label, projection);

  /* Translators: the end time of the session under its plan */
  planned_text = g_strdup_printf (_("Planned end %s"), planned);
  gtk_label_set_text (self->planned_label, planned_text);
}

static void
update (SamTimerPanel *self)
{
  if (self->timer == NULL)
    {
      update_state (self, SAM_TIMER_STOPPED, SAM_TIMER_LEVEL_NORMAL);
      update_toggle_button (self, SAM_TIMER_STOPPED);
      gtk_label_set_text (self->position_label, "");
      gtk_label_set_text (self->title_label, _("No session"));
      gtk_label_set_text (self->countdown_label, "–:––");
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      gtk_label_set_text (self->detail_label, "");
      gtk_label_set_text (self->next_label, "");
      gtk_label_set_text (self->projection_label, "");
      gtk_label_set_text (self->planned_label, "");
      return;
    }

  update_current (self);
  update_schedule (self);
}

static void update_tooltips (SamTimerPanel *self);

static void
timer_changed_cb (SamTimerPanel *self)
{
  SamTimerState state = sam_timer_get_state (self->timer);

  update (self);

  /* The Start/Pause button's tooltip follows its label. */
  if (state != self->shown_state)
    {
      self->shown_state = state;
      update_tooltips (self);
    }
}

/* Tooltips with the keyboard shortcut */

static void
set_tooltip (SamTimerPanel  *self,
             GtkApplication *app,
             GtkWidget      *widget,
             const char     *action,
             const char     *text)
{
  g_auto(GStrv) accels = NULL;
  guint key;
  GdkModifierType mods;

  if (app != NULL && action != NULL)
    accels = gtk_application_get_accels_for_action (app, action);

  if (accels != NULL && accels[0] != NULL &&
      gtk_accelerator_parse (accels[0], &key, &mods))
    {
      g_autofree char *shortcut = gtk_accelerator_get_label (key, mods);
      /* Translators: a button's tooltip and its keyboard shortcut, e.g. "Next Item (Ctrl+Page Down)" */
      g_autofree char *tooltip = g_strdup_printf (_("%s (%s)"), text, shortcut);

      gtk_widget_set_tooltip_text (widget, tooltip);
    }
  else
    {
      gtk_widget_set_tooltip_text (widget, text);
    }
}

static GtkApplication *
get_application (SamTimerPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = NULL;

  if (GTK_IS_WINDOW (root))
    app = gtk_window_get_application (GTK_WINDOW (root));
  if (app == NULL && GTK_IS_APPLICATION (g_application_get_default ()))
    app = GTK_APPLICATION (g_application_get_default ());

  return app;
}

static void
update_tooltips (SamTimerPanel *self)
{
  GtkApplication *app = get_application (self);
  SamTimerState state = self->timer != NULL ? sam_timer_get_state (self->timer) : SAM_TIMER_STOPPED;
  const char *toggle;

  if (state == SAM_TIMER_RUNNING)
    toggle = _("Pause the Countdown");
  else if (state == SAM_TIMER_PAUSED)
    toggle = _("Resume the Countdown");
  else
    toggle = _("Start the Item");

  set_tooltip (self, app, self->toggle_button, "win.timer-toggle", toggle);
  set_tooltip (self, app, self->previous_button, "win.timer-previous", _("Previous Item"));
  set_tooltip (self, app, self->next_button, "win.timer-next", _("Next Item"));
  set_tooltip (self, app, self->minus_button, "win.timer-extend(-60)", _("Take 1 Minute"));
  set_tooltip (self, app, self->plus_button, "win.timer-extend(60)", _("Add 1 Minute"));
  set_tooltip (self, app, self->plus5_button, "win.timer-extend(300)", _("Add 5 Minutes"));
  set_tooltip (self, app, self->skip_button, "win.timer-skip", _("Skip the Item: Mark It Not Held"));
  set_tooltip (self, app, self->restart_button, "win.timer-restart", _("Restart the Item From Its Full Length"));
  set_tooltip (self, app, self->show_stage_button, "win.stage-show", _("Show the Stage"));
  set_tooltip (self, app, GTK_WIDGET (self->monitor_button), NULL, _("Choose Where the Stage Is Shown"));
  set_tooltip (self, app, self->swap_button, "win.stage-swap", _("Swap the Stage and Control Screens"));
  set_tooltip (self, app, self->blank_button, "win.stage-blank", _("Blank the Stage"));
  set_tooltip (self, app, self->freeze_button, "win.stage-freeze", _("Freeze the Stage"));
  set_tooltip (self, app, self->voices_button, "win.stage-voices", _("Show Voices on Stage"));
}

/* The menus */

/* "HDMI-1 — Dell U2720Q, 2560 × 1440", as a person finds the screen in
 * the display settings. */
static char *
describe_monitor (GdkMonitor *monitor)
{
  const char *connector = gdk_monitor_get_connector (monitor);
  const char *manufacturer = gdk_monitor_get_manufacturer (monitor);
  const char *model = gdk_monitor_get_model (monitor);
  int scale = gdk_monitor_get_scale_factor (monitor);
  GdkRectangle geometry;
  g_autofree char *size = NULL;
  g_autofree char *name = NULL;

  gdk_monitor_get_geometry (monitor, &geometry);
  /* Translators: the size of a screen in pixels, width × height */
  size = g_strdup_printf (_("%d × %d"), geometry.width * scale, geometry.height * scale);

  if (manufacturer != NULL && manufacturer[0] != '\0' && model != NULL && model[0] != '\0' &&
      !g_str_has_prefix (model, manufacturer))
    name = g_strdup_printf ("%s %s", manufacturer, model);
  else if (model != NULL && model[0] != '\0')
    name = g_strdup (model);
  else if (manufacturer != NULL && manufacturer[0] != '\0')
    name = g_strdup (manufacturer);

  if (name != NULL)
    /* Translators: a screen: its connector, its make and model, its size, e.g. "HDMI-1 — Dell U2720Q, 2560 × 1440" */
    return g_strdup_printf (_("%s — %s, %s"), connector, name, size);

  /* Translators: a screen: its connector and its size, e.g. "HDMI-1, 1920 × 1080" */
  return g_strdup_printf (_("%s, %s"), connector, size);
}

static void
rebuild_monitor_menu (SamTimerPanel *self)
{
  g_autoptr(GMenu) screens = g_menu_new ();
  g_autoptr(GMenu) window = g_menu_new ();
  guint n = self->monitors != NULL ? g_list_model_get_n_items (self->monitors) : 0;

  g_menu_remove_all (self->monitor_menu);

  g_menu_append (window, _("Window (rehearsal)"), "win.stage-monitor(\"\")");
  g_menu_append_section (self->monitor_menu, NULL, G_MENU_MODEL (window));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (self->monitors, i);
      const char *connector = gdk_monitor_get_connector (monitor);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      /* The stage finds its screen by connector; one without cannot be chosen. */
      if (connector == NULL || connector[0] == '\0')
        continue;

      label = describe_monitor (monitor);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.stage-monitor",
                                               g_variant_new_string (connector));
      g_menu_append_item (screens, item);
    }

  /* Translators: the heading of the list of screens the stage can be shown on */
  g_menu_append_section (self->monitor_menu, _("Full Screen On"), G_MENU_MODEL (screens));
}

/* The screen button says where the stage goes: "Screen: HDMI-1". */
static void
update_monitor_label (SamTimerPanel *self)
{
  g_autofree char *connector = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  if (self->stage_owner != NULL)
    g_object_get (self->stage_owner, "stage-monitor", &connector, NULL);

  if (connector == NULL || connector[0] == '\0')
    {
      gtk_menu_button_set_label (self->monitor_button, _("S_creen: Window"));
      name = g_strdup (_("Stage Screen: Window"));
    }
  else
    {
      /* A connector is a name, not a mnemonic. */
      g_auto(GStrv) parts = g_strsplit (connector, "_", -1);

      escaped = g_strjoinv ("__", parts);
      /* Translators: the button that chooses the stage's screen, and the screen's connector, e.g. "Screen: HDMI-1" */
      label = g_strdup_printf (_("S_creen: %s"), escaped);
      gtk_menu_button_set_label (self->monitor_button, label);
      /* Translators: the accessible name of the button that chooses the stage's screen, e.g. "Stage Screen: HDMI-1" */
      name = g_strdup_printf (_("Stage Screen: %s"), connector);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->monitor_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
set_stage_owner (SamTimerPanel *self,
                 GObject       *owner)
{
  if (self->stage_owner == owner)
    return;

  if (self->stage_owner != NULL)
    {
      g_clear_signal_handler (&self->stage_monitor_id, self->stage_owner);
      g_object_remove_weak_pointer (self->stage_owner, (gpointer *) &self->stage_owner);
    }

  /* Only a window that keeps a stage (the control window) has one. */
  if (owner != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (owner), "stage-monitor") == NULL)
    owner = NULL;

  self->stage_owner = owner;
  if (self->stage_owner != NULL)
    {
      g_object_add_weak_pointer (self->stage_owner, (gpointer *) &self->stage_owner);
      self->stage_monitor_id = g_signal_connect_object (self->stage_owner, "notify::stage-monitor",
                                                        G_CALLBACK (update_monitor_label), self,
                                                        G_CONNECT_SWAPPED);
    }

  update_monitor_label (self);
}

static void
monitors_changed_cb (SamTimerPanel *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *monitors)
{
  rebuild_monitor_menu (self);
}

static void
set_monitors (SamTimerPanel *self,
              GListModel    *monitors)
{
  if (self->monitors == monitors)
    return;

  if (self->monitors != NULL)
    g_clear_signal_handler (&self->monitors_id, self->monitors);
  g_set_object (&self->monitors, monitors);
  if (self->monitors != NULL)
    self->monitors_id = g_signal_connect_object (self->monitors, "items-changed",
                                                 G_CALLBACK (monitors_changed_cb), self,
                                                 G_CONNECT_SWAPPED);

  rebuild_monitor_menu (self);
}

/* The panel's own menu: the chime switch, when there are settings to keep
 * it in, and resetting the recorded times. */
static void
build_menu (SamTimerPanel *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) sound = g_menu_new ();
  g_autoptr(GMenu) record = g_menu_new ();
  GtkApplication *app = get_application (self);
  GSettings *settings = NULL;

  if (SAM_IS_APPLICATION (app))
    settings = sam_application_get_settings (SAM_APPLICATION (app));

  if (settings != NULL)
    {
      g_autoptr(GSettingsSchema) schema = NULL;

      g_object_get (settings, "settings-schema", &schema, NULL);
      if (g_settings_schema_has_key (schema, "chime"))
        {
          g_autoptr(GAction) chime = g_settings_create_action (settings, "chime");

          g_action_map_add_action (G_ACTION_MAP (self->actions), chime);
          g_menu_append (sound, _("_Chime at Zero"), "panel.chime");
          g_menu_append_section (menu, NULL, G_MENU_MODEL (sound));
        }
    }

  g_menu_append (record, _("Reset Recorded _Times…"), "win.timer-reset");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (record));

  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
  self->menu_built = TRUE;
}

/* GtkWidget */

static void
sam_timer_panel_root (GtkWidget *widget)
{
  SamTimerPanel *self = SAM_TIMER_PANEL (widget);

  GTK_WIDGET_CLASS (sam_timer_panel_parent_class)->root (widget);

  /* The application (its shortcuts and settings) and the display (its
   * monitors) are known once the panel is in a window. */
  if (!self->menu_built)
    build_menu (self);
  update_tooltips (self);
  set_monitors (self, gdk_display_get_monitors (gtk_widget_get_display (widget)));
  set_stage_owner (self, G_OBJECT (gtk_widget_get_root (widget)));
}

static void
sam_timer_panel_unroot (GtkWidget *widget)
{
  SamTimerPanel *self = SAM_TIMER_PANEL (widget);

  set_stage_owner (self, NULL);

  GTK_WIDGET_CLASS (sam_timer_panel_parent_class)->unroot (widget);
}

/* GObject */

static void
sam_timer_panel_dispose (GObject *object)
{
  SamTimerPanel *self = SAM_TIMER_PANEL (object);

  sam_timer_panel_set_timer (self, NULL);
  set_monitors (self, NULL);
  set_stage_owner (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_TIMER_PANEL);

  G_OBJECT_CLASS (sam_timer_panel_parent_class)->dispose (object);
}

static void
sam_timer_panel_finalize (GObject *object)
{
  SamTimerPanel *self = SAM_TIMER_PANEL (object);

  g_clear_object (&self->monitor_menu);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (sam_timer_panel_parent_class)->finalize (object);
}

static void
sam_timer_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SamTimerPanel *self = SAM_TIMER_PANEL (object);

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
sam_timer_panel_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SamTimerPanel *self = SAM_TIMER_PANEL (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      sam_timer_panel_set_timer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_timer_panel_class_init (SamTimerPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_timer_panel_dispose;
  object_class->finalize = sam_timer_panel_finalize;
  object_class->get_property = sam_timer_panel_get_property;
  object_class->set_property = sam_timer_panel_set_property;

  widget_class->root = sam_timer_panel_root;
  widget_class->unroot = sam_timer_panel_unroot;

  /**
   * SamTimerPanel:timer:
   *
   * The timer the panel shows and drives; NULL when no session is open.
   */
  properties[PROP_TIMER] =
    g_param_spec_object ("timer", NULL, NULL,
                         SAM_TYPE_TIMER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SAM_TYPE_STAGE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sam-timer-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, preview_bin);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, miniature);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, now_box);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, position_label);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, state_box);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, state_icon);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, state_label);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, detail_label);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, next_label);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, projection_label);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, planned_label);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, previous_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, toggle_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, toggle_icon);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, toggle_label);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, next_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, minus_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, plus_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, plus5_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, skip_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, restart_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, show_stage_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, monitor_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, swap_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, blank_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, freeze_button);
  gtk_widget_class_bind_template_child (widget_class, SamTimerPanel, voices_button);
}

static void
sam_timer_panel_init (SamTimerPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_layout_manager (self->preview_bin, g_object_new (SAM_TYPE_PREVIEW_LAYOUT, NULL));

  self->actions = g_simple_action_group_new ();
  gtk_widget_insert_action_group (GTK_WIDGET (self), "panel", G_ACTION_GROUP (self->actions));

  self->monitor_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->monitor_button, G_MENU_MODEL (self->monitor_menu));
  rebuild_monitor_menu (self);
  update_monitor_label (self);

  update (self);
  update_tooltips (self);
}

/* Public API */

void
sam_timer_panel_set_timer (SamTimerPanel *self,
                           SamTimer      *timer)
{
  g_return_if_fail (SAM_IS_TIMER_PANEL (self));
  g_return_if_fail (timer == NULL || SAM_IS_TIMER (timer));

  if (self->timer == timer)
    return;

  if (self->timer != NULL)
    g_clear_signal_handler (&self->changed_id, self->timer);
  if (self->session != NULL)
    g_clear_signal_handler (&self->committed_id, self->session);
  g_clear_object (&self->session);
  g_set_object (&self->timer, timer);
  if (self->timer != NULL)
    {
      self->changed_id = g_signal_connect_object (self->timer, "changed",
                                                  G_CALLBACK (timer_changed_cb), self,
                                                  G_CONNECT_SWAPPED);
      self->shown_state = sam_timer_get_state (self->timer);

      self->session = g_object_ref (sam_timer_get_session (self->timer));
      self->committed_id = g_signal_connect_object (self->session, "committed",
                                                    G_CALLBACK (update), self,
                                                    G_CONNECT_SWAPPED);
    }

  if (self->miniature != NULL)
    sam_stage_view_set_timer (self->miniature, timer);

  update (self);
  update_tooltips (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMER]);
}

SamTimer *
sam_timer_panel_get_timer (SamTimerPanel *self)
{
  g_return_val_if_fail (SAM_IS_TIMER_PANEL (self), NULL);

  return self->timer;
}

SamStageView *
sam_timer_panel_get_miniature (SamTimerPanel *self)
{
  g_return_val_if_fail (SAM_IS_TIMER_PANEL (self), NULL);

  return self->miniature;
}
