/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-roster.h"
#include "sam-roster-window.h"
#include "sam-session.h"
#include "sam-perspective-color.h"

/*
 * One expander row per participant: the header shows who it is and whether
 * they are here; expanded, it edits the text fields, the perspectives they
 * carry and removes them. The text fields apply on Enter, on their apply
 * button, when the focus leaves them, when the window closes and when the
 * session's window saves (sam_roster_window_apply()); every applied change is
 * one undo step of the session, so the main window's Undo sees it too.
 */

typedef enum {
  FIELD_NAME,
  FIELD_ORGANISATION,
  FIELD_MUNICIPALITY,
  N_FIELDS
} Field;

static const struct {
  const char *property;
  const char *title;
  const char *undo_label;
} fields[N_FIELDS] = {
  [FIELD_NAME] = { "name", N_("Name"), N_("Rename Participant") },
  [FIELD_ORGANISATION] = { "organisation", N_("Organisation"), N_("Change Organisation") },
  [FIELD_MUNICIPALITY] = { "municipality", N_("Municipality"), N_("Change Municipality") },
};

struct _SamRosterWindow
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkListBox           *list;
  GtkLabel             *summary_label;
  GtkToggleButton      *present_button;

  SamSession           *session;
  GSignalGroup         *session_signals;
  GSignalGroup         *participants_signals;
  GtkFilterListModel   *filtered;
  GtkFilter            *present_filter;
  guint                 refilter_id;

  /* The toast whose Undo takes back the last removal or import; dismissed
   * as soon as another edit makes Undo mean something else. */
  AdwToast             *undo_toast;

  GtkFileChooserNative *chooser;
  GCancellable         *loading;
  /* Kept while its report is shown, so that "Import" adds what was shown. */
  SamRosterImport      *pending_import;
  GtkWindow            *import_dialog;   /* weak */
};

G_DEFINE_FINAL_TYPE (SamRosterWindow, sam_roster_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void remove_participant   (SamRosterWindow *self,
                                  SamItem         *participant);
static void refilter_soon        (SamRosterWindow *self);

/* Shared text */

static const char *
display_name (SamItem *participant)
{
  const char *name = sam_item_get_string (participant, "name");

  return name != NULL && name[0] != '\0' ? name : _("Unnamed");
}

static const char *
perspective_name (SamItem *perspective)
{
  const char *name = sam_item_get_string (perspective, "name");

  return name != NULL && name[0] != '\0' ? name : _("Unnamed");
}

static gboolean
strv_has (const char * const *strv,
          const char         *value)
{
  return strv != NULL && value != NULL && g_strv_contains (strv, value);
}

/* "Region Blekinge · Karlskrona · Public sector, Residents" */
static char *
participant_subtitle (SamSession *session,
                      SamItem    *participant)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char * const *ids = sam_item_get_strv (participant, "perspectives");
  const char *organisation = sam_item_get_string (participant, "organisation");
  const char *municipality = sam_item_get_string (participant, "municipality");

  if (organisation != NULL && organisation[0] != '\0')
    g_ptr_array_add (parts, g_strdup (organisation));
  if (municipality != NULL && municipality[0] != '\0')
    g_ptr_array_add (parts, g_strdup (municipality));

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      SamItem *perspective = sam_session_lookup (session, ids[i]);

      if (perspective != NULL)
        g_ptr_array_add (names, (gpointer) perspective_name (perspective));
    }
  if (names->len > 0)
    {
      g_ptr_array_add (names, NULL);
      /* Translators: between the names of perspectives in a list */
      g_ptr_array_add (parts, g_strjoinv (C_("perspectives", ", "), (char **) names->pdata));
    }

  g_ptr_array_add (parts, NULL);
  /* Translators: between a participant's organisation, municipality and
   * perspectives under their name */
  return g_strjoinv (C_("participant details", " · "), (char **) parts->pdata);
}

/* Hides the apply button once there is nothing left to apply: after text
 * was set here rather than typed, or applied as the focus left the field
 * (the entry row itself only hides it when the button is used). */
static void
reset_apply_button (AdwEntryRow *row)
{
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

/* A participant's row */

#define SAM_TYPE_ROSTER_ROW (sam_roster_row_get_type ())
G_DECLARE_FINAL_TYPE (SamRosterRow, sam_roster_row, SAM, ROSTER_ROW, AdwExpanderRow)

struct _SamRosterRow
{
  AdwExpanderRow   parent_instance;

  SamRosterWindow *window;        /* not owned: the window holds the row */
  SamItem         *participant;

  GtkSwitch       *present_switch;
  AdwEntryRow     *entries[N_FIELDS];
  GtkFlowBox      *perspectives_box;
  GtkLabel        *no_perspectives_label;
  GtkWidget       *remove_button;

  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (SamRosterRow, sam_roster_row, ADW_TYPE_EXPANDER_ROW)

static SamItem *
toggle_get_perspective (GtkWidget *toggle)
{
  return g_object_get_data (G_OBJECT (toggle), "sam-perspective");
}

static void
sam_roster_row_apply_field (SamRosterRow *self,
                            Field         field)
{
  SamSession *session = self->window->session;
  g_autofree char *text = NULL;

  if (session == NULL || self->updating || self->participant == NULL ||
      sam_item_get_parent (self->participant) == NULL)
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entries[field])));
  g_strstrip (text);
  if (g_strcmp0 (text, sam_item_get_string (self->participant, fields[field].property)) == 0)
    return;

  sam_session_begin (session, _(fields[field].undo_label));
  sam_session_set (session, self->participant, fields[field].property, text, NULL);
  sam_session_end (session);
}

static void
sam_roster_row_apply (SamRosterRow *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    sam_roster_row_apply_field (self, i);
}

static int
entry_field (SamRosterRow *self,
             gpointer      entry)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->entries[i] == entry)
      return i;

  return -1;
}

static void
entry_apply_cb (SamRosterRow *self,
                AdwEntryRow  *entry)
{
  int field = entry_field (self, entry);

  if (field >= 0)
    sam_roster_row_apply_field (self, field);
}

static void
entry_focus_leave_cb (SamRosterRow            *self,
                      GtkEventControllerFocus *controller)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int field = entry_field (self, entry);

  if (field < 0)
    return;

  sam_roster_row_apply_field (self, field);
  /* Applied: the apply button has nothing left to do. */
  reset_apply_button (ADW_ENTRY_ROW (entry));
}

static void
present_switch_cb (SamRosterRow *self,
                   GParamSpec   *pspec,
                   GtkSwitch    *present_switch)
{
  SamSession *session = self->window->session;
  gboolean present = gtk_switch_get_active (present_switch);

  if (session == NULL || self->updating ||
      present == sam_item_get_boolean (self->participant, "present"))
    return;

  /* With "Present Only" the row may go away: what was typed in it counts. */
  sam_roster_row_apply (self);

  sam_session_begin (session, present ? _("Mark as Present") : _("Mark as Absent"));
  sam_session_set (session, self->participant, "present", present, NULL);
  sam_session_end (session);
}

static void
perspective_toggled_cb (SamRosterRow    *self,
                        GtkToggleButton *toggle)
{
  SamSession *session = self->window->session;
  SamItem *toggled = toggle_get_perspective (GTK_WIDGET (toggle));
  gboolean active = gtk_toggle_button_get_active (toggle);
  const char * const *current;
  GListModel *perspectives;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) chosen = NULL;

  if (session == NULL || self->updating || toggled == NULL)
    return;

  current = sam_item_get_strv (self->participant, "perspectives");
  if (active == strv_has (current, sam_item_get_id (toggled)))
    return;

  /* In the session's order, so that the list reads the same everywhere;
   * ids this session does not know are kept as they were. */
  builder = g_strv_builder_new ();
  perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));
  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, i);
      const char *id = sam_item_get_id (perspective);
      gboolean chosen_now = perspective == toggled ? active : strv_has (current, id);

      if (chosen_now)
        g_strv_builder_add (builder, id);
    }
  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    if (sam_session_lookup (session, current[i]) == NULL)
      g_strv_builder_add (builder, current[i]);
  chosen = g_strv_builder_end (builder);

  sam_session_begin (session, _("Change Perspectives"));
  sam_session_set (session, self->participant, "perspectives", chosen, NULL);
  sam_session_end (session);
}

static void
remove_clicked_cb (SamRosterRow *self)
{
  remove_participant (self->window, self->participant);
}

static void
draw_chip (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  SamItem *perspective = data;
  GtkToggleButton *toggle = g_object_get_data (G_OBJECT (area), "sam-toggle");
  GdkRGBA color;
  double radius = MIN (width, height) / 2.0;

  sam_perspective_get_rgba (perspective, &color);

  /* Filled when chosen, a ring when not: a pressed button alone is a
   * shade of grey that is easy to miss. */
  if (gtk_toggle_button_get_active (toggle))
    {
      cairo_arc (cr, width / 2.0, height / 2.0, radius - 0.5, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_fill_preserve (cr);
      /* A light colour still shows its edge on a light button. */
      cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  else
    {
      cairo_arc (cr, width / 2.0, height / 2.0, radius - 1.25, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
}

static void
update_toggle (GtkWidget *toggle)
{
  SamItem *perspective = toggle_get_perspective (toggle);
  GtkLabel *label = g_object_get_data (G_OBJECT (toggle), "sam-label");
  GtkWidget *chip = g_object_get_data (G_OBJECT (toggle), "sam-chip");
  const char *name = perspective_name (perspective);

  gtk_label_set_text (label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_queue_draw (chip);
}

static void
perspective_notify_cb (GtkWidget  *toggle,
                       GParamSpec *pspec,
                       SamItem    *perspective)
{
  update_toggle (toggle);
}

static GtkWidget *
create_perspective_toggle (gpointer item,
                           gpointer user_data)
{
  SamRosterRow *self = user_data;
  SamItem *perspective = item;
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *chip = g_object_new (GTK_TYPE_DRAWING_AREA,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "content-width", 12,
                                  "content-height", 12,
                                  "valign", GTK_ALIGN_CENTER,
                                  NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (chip), draw_chip,
                                  g_object_ref (perspective), g_object_unref);
  gtk_box_append (GTK_BOX (box), chip);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (toggle), box);
  gtk_widget_add_css_class (toggle, "perspective-toggle");

  g_object_set_data_full (G_OBJECT (toggle), "sam-perspective",
                          g_object_ref (perspective), g_object_unref);
  g_object_set_data (G_OBJECT (toggle), "sam-label", label);
  g_object_set_data (G_OBJECT (toggle), "sam-chip", chip);
  g_object_set_data (G_OBJECT (chip), "sam-toggle", toggle);
  update_toggle (toggle);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle),
                                strv_has (sam_item_get_strv (self->participant, "perspectives"),
                                          sam_item_get_id (perspective)));
  g_signal_connect_object (perspective, "notify", G_CALLBACK (perspective_notify_cb),
                           toggle, G_CONNECT_SWAPPED);
  g_signal_connect_object (toggle, "toggled", G_CALLBACK (perspective_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toggle, "toggled", G_CALLBACK (gtk_widget_queue_draw),
                           chip, G_CONNECT_SWAPPED);

  /* The toggle takes the focus; the box's child would only add a stop. */
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), toggle);
  gtk_widget_set_focusable (child, FALSE);

  return child;
}

static void
sam_roster_row_update_perspectives (SamRosterRow *self)
{
  const char * const *chosen = sam_item_get_strv (self->participant, "perspectives");
  GtkFlowBoxChild *child;
  g_autofree char *subtitle = NULL;

  self->updating = TRUE;
  for (guint i = 0; (child = gtk_flow_box_get_child_at_index (self->perspectives_box, i)) != NULL; i++)
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (child);
      SamItem *perspective = toggle_get_perspective (toggle);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle),
                                    strv_has (chosen, sam_item_get_id (perspective)));
    }
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->no_perspectives_label),
                          gtk_flow_box_get_child_at_index (self->perspectives_box, 0) == NULL);

  subtitle = participant_subtitle (self->window->session, self->participant);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
sam_roster_row_update (SamRosterRow *self,
                       const char   *property)
{
  g_autofree char *remove_label = NULL;

  self->updating = TRUE;

  if (property == NULL || g_str_equal (property, "name"))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), display_name (self->participant));
      /* Translators: the accessible name of a participant's Remove button */
      remove_label = g_strdup_printf (_("Remove “%s”"), display_name (self->participant));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                      -1);
    }

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *value;
      GtkEditable *entry = GTK_EDITABLE (self->entries[i]);

      if (property != NULL && !g_str_equal (property, fields[i].property))
        continue;

      value = sam_item_get_string (self->participant, fields[i].property);
      if (value == NULL)
        value = "";
      if (g_strcmp0 (value, gtk_editable_get_text (entry)) != 0)
        {
          gtk_editable_set_text (entry, value);
          reset_apply_button (self->entries[i]);
        }
    }

  if (property == NULL || g_str_equal (property, "present"))
    gtk_switch_set_active (self->present_switch, sam_item_get_boolean (self->participant, "present"));

  self->updating = FALSE;

  /* The subtitle shows the text fields and the perspectives. */
  sam_roster_row_update_perspectives (self);
}

static void
participant_notify_cb (SamRosterRow *self,
                       GParamSpec   *pspec,
                       SamItem      *participant)
{
  sam_roster_row_update (self, pspec->name);
}

static GtkWidget *
sam_roster_row_new (SamRosterWindow *window,
                    SamItem         *participant)
{
  SamRosterRow *self = g_object_new (SAM_TYPE_ROSTER_ROW, NULL);

  self->window = window;
  self->participant = g_object_ref (participant);

  gtk_flow_box_bind_model (self->perspectives_box,
                           G_LIST_MODEL (sam_session_get_perspectives (window->session)),
                           create_perspective_toggle, self, NULL);
  sam_roster_row_update (self, NULL);
  g_signal_connect_object (participant, "notify", G_CALLBACK (participant_notify_cb),
                           self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

static void
sam_roster_row_dispose (GObject *object)
{
  SamRosterRow *self = SAM_ROSTER_ROW (object);

  if (self->perspectives_box != NULL)
    gtk_flow_box_bind_model (self->perspectives_box, NULL, NULL, NULL, NULL);
  self->perspectives_box = NULL;

  G_OBJECT_CLASS (sam_roster_row_parent_class)->dispose (object);
}

static void
sam_roster_row_finalize (GObject *object)
{
  SamRosterRow *self = SAM_ROSTER_ROW (object);

  g_clear_object (&self->participant);

  G_OBJECT_CLASS (sam_roster_row_parent_class)->finalize (object);
}

static void
sam_roster_row_class_init (SamRosterRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_roster_row_dispose;
  object_class->finalize = sam_roster_row_finalize;
}

static void
sam_roster_row_init (SamRosterRow *self)
{
  GtkWidget *present_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *present_label = gtk_label_new (_("Present"));
  GtkWidget *perspectives_row = gtk_list_box_row_new ();
  GtkWidget *perspectives_column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *perspectives_title = gtk_label_new (_("Perspectives"));
  GtkWidget *remove_row = gtk_list_box_row_new ();

  /* Names come from people and files: "&" or "<" is text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "participant-row");

  /* Present, in the header, for a glance down the list. */
  self->present_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->present_switch), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->present_switch), _("Present Today"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->present_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Present"),
                                  -1);
  gtk_widget_add_css_class (present_label, "dim-label");
  gtk_widget_add_css_class (present_label, "caption");
  gtk_box_append (GTK_BOX (present_box), present_label);
  gtk_box_append (GTK_BOX (present_box), GTK_WIDGET (self->present_switch));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), present_box);
  g_signal_connect_object (self->present_switch, "notify::active", G_CALLBACK (present_switch_cb),
                           self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      self->entries[i] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entries[i]), _(fields[i].title));
      adw_entry_row_set_show_apply_button (self->entries[i], TRUE);
      g_signal_connect_object (self->entries[i], "apply", G_CALLBACK (entry_apply_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->entries[i], "entry-activated", G_CALLBACK (entry_apply_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (focus, "leave", G_CALLBACK (entry_focus_leave_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (self->entries[i]), focus);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->entries[i]));
    }
  adw_entry_row_set_input_hints (self->entries[FIELD_NAME], GTK_INPUT_HINT_UPPERCASE_WORDS);

  /* The perspectives they carry: one toggle each, in the session's colours. */
  gtk_label_set_xalign (GTK_LABEL (perspectives_title), 0);
  gtk_widget_add_css_class (perspectives_title, "caption-heading");
  gtk_box_append (GTK_BOX (perspectives_column), perspectives_title);

  self->perspectives_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->perspectives_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (self->perspectives_box, 6);
  gtk_flow_box_set_row_spacing (self->perspectives_box, 6);
  gtk_flow_box_set_max_children_per_line (self->perspectives_box, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->perspectives_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Perspectives"),
                                  -1);
  gtk_box_append (GTK_BOX (perspectives_column), GTK_WIDGET (self->perspectives_box));

  self->no_perspectives_label = GTK_LABEL (gtk_label_new (_("This session has no perspectives yet.")));
  gtk_label_set_xalign (self->no_perspectives_label, 0);
  gtk_label_set_wrap (self->no_perspectives_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->no_perspectives_label), "dim-label");
  gtk_box_append (GTK_BOX (perspectives_column), GTK_WIDGET (self->no_perspectives_label));

  gtk_widget_set_margin_top (perspectives_column, 10);
  gtk_widget_set_margin_bottom (perspectives_column, 10);
  gtk_widget_set_margin_start (perspectives_column, 12);
  gtk_widget_set_margin_end (perspectives_column, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (perspectives_row), perspectives_column);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (perspectives_row), FALSE);
  gtk_widget_set_focusable (perspectives_row, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), perspectives_row);

  self->remove_button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_set_halign (self->remove_button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (self->remove_button, _("Remove the Participant"));
  gtk_widget_add_css_class (self->remove_button, "destructive-action");
  gtk_widget_set_margin_top (self->remove_button, 8);
  gtk_widget_set_margin_bottom (self->remove_button, 8);
  gtk_widget_set_margin_start (self->remove_button, 12);
  gtk_widget_set_margin_end (self->remove_button, 12);
  g_signal_connect_object (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (remove_row), self->remove_button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (remove_row), FALSE);
  gtk_widget_set_focusable (remove_row, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), remove_row);
}

/* The window */

static SamRosterRow *
find_row (SamRosterWindow *self,
          SamItem         *participant)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (SAM_IS_ROSTER_ROW (row) && SAM_ROSTER_ROW (row)->participant == participant)
      return SAM_ROSTER_ROW (row);

  return NULL;
}

static void
apply_all (SamRosterWindow *self)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (SAM_IS_ROSTER_ROW (row))
      sam_roster_row_apply (SAM_ROSTER_ROW (row));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return sam_roster_row_new (user_data, item);
}

static void
dismiss_undo_toast (SamRosterWindow *self)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

  if (toast != NULL)
    adw_toast_dismiss (toast);
}

static void
undo_toast_clicked_cb (SamRosterWindow *self,
                       AdwToast        *toast)
{
  if (self->undo_toast != toast)
    return;

  g_clear_object (&self->undo_toast);
  if (self->session != NULL && sam_session_can_undo (self->session))
    sam_session_undo (self->session);
}

static void
undo_toast_dismissed_cb (SamRosterWindow *self,
                         AdwToast        *toast)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

/* Shows @text (plain text) with an Undo button that takes back the edit
 * just made. */
static void
show_undo_toast (SamRosterWindow *self,
                 const char      *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (markup);

  dismiss_undo_toast (self);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  self->undo_toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
remove_participant (SamRosterWindow *self,
                    SamItem         *participant)
{
  /* The row that asked may be gone once the participant is. */
  g_autoptr(SamItem) held = g_object_ref (participant);
  g_autofree char *text = NULL;
  const char *name;

  if (self->session == NULL || sam_item_get_parent (held) == NULL)
    return;

  name = sam_item_get_string (held, "name");
  if (name != NULL && name[0] != '\0')
    text = g_strdup_printf (_("Removed “%s”"), name);
  else
    text = g_strdup (_("Removed an unnamed participant"));

  sam_session_begin (self->session, _("Remove Participant"));
  sam_session_remove (self->session, held);
  sam_session_end (self->session);

  show_undo_toast (self, text);
}

static void
update_actions (SamRosterWindow *self)
{
  gboolean has_session = self->session != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.add", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.import", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.undo",
                                 has_session && sam_session_can_undo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.redo",
                                 has_session && sam_session_can_redo (self->session));
}

static void
update_summary (SamRosterWindow *self)
{
  GListModel *participants = G_LIST_MODEL (sam_session_get_participants (self->session));
  guint n = g_list_model_get_n_items (participants);
  guint present = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) participant = g_list_model_get_item (participants, i);

      if (sam_item_get_boolean (participant, "present"))
        present++;
    }

  /* Translators: above the list of participants; the second number is how
   * many of them are here today */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u participant, %u present",
                                          "%u participants, %u present", n),
                             n, present);
  gtk_label_set_text (self->summary_label, summary);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
committed_cb (SamRosterWindow     *self,
              const char * const  *ops,
              SamSession          *session)
{
  GtkListBoxRow *row;

  /* Another edit: Undo no longer takes back what the toast says. */
  dismiss_undo_toast (self);

  /* Names and colours of perspectives show in every row. */
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (SAM_IS_ROSTER_ROW (row))
      sam_roster_row_update_perspectives (SAM_ROSTER_ROW (row));

  if (gtk_toggle_button_get_active (self->present_button))
    refilter_soon (self);

  update_summary (self);
  update_actions (self);
}

static void
participants_changed_cb (SamRosterWindow *self,
                         guint            position,
                         guint            removed,
                         guint            added,
                         GListModel      *participants)
{
  update_summary (self);
}

/* Present only */

static gboolean
is_present (gpointer item,
            gpointer user_data)
{
  return sam_item_get_boolean (item, "present");
}

static gboolean
refilter_cb (gpointer data)
{
  SamRosterWindow *self = data;

  self->refilter_id = 0;
  gtk_filter_changed (self->present_filter, GTK_FILTER_CHANGE_DIFFERENT);

  return G_SOURCE_REMOVE;
}

/* Later, not at once: the edit may come from a switch in the very row the
 * filter is about to take away. */
static void
refilter_soon (SamRosterWindow *self)
{
  if (self->refilter_id == 0)
    self->refilter_id = g_idle_add (refilter_cb, self);
}

static void
present_only_cb (SamRosterWindow *self,
                 GParamSpec      *pspec,
                 GtkToggleButton *button)
{
  gboolean only = gtk_toggle_button_get_active (self->present_button);

  /* Rows that the filter takes away lose what was typed in them. */
  apply_all (self);
  g_clear_handle_id (&self->refilter_id, g_source_remove);
  gtk_filter_list_model_set_filter (self->filtered, only ? self->present_filter : NULL);
}

/* Importing */

typedef struct
{
  SamRosterWindow *self;
  GFile           *file;
  GCancellable    *cancellable;
  GInputStream    *stream;
  guint8          *buffer;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->self);
  g_clear_object (&load->file);
  g_clear_object (&load->cancellable);
  g_clear_object (&load->stream);
  g_clear_pointer (&load->buffer, g_free);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static char *
file_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;

  if (path != NULL)
    return g_filename_display_basename (path);

  name = g_file_get_basename (file);
  return name != NULL ? g_steal_pointer (&name) : g_file_get_uri (file);
}

static void
close_dialog (SamRosterWindow *self)
{
  if (self->import_dialog != NULL)
    gtk_window_destroy (self->import_dialog);
  g_clear_pointer (&self->pending_import, sam_roster_import_free);
}

static AdwMessageDialog *
new_dialog (SamRosterWindow *self,
            const char      *heading,
            const char      *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  self->import_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->import_dialog);

  return dialog;
}

static void
show_import_error (SamRosterWindow *self,
                   GFile           *file,
                   const char      *message)
{
  g_autofree char *name = file_display_name (file);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  close_dialog (self);

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Cannot Import “%s”"), name);
  dialog = new_dialog (self, heading, message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
report_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);

  return label;
}

/* The notes, then the rows left out, one a line, scrolling when they are
 * many; NULL when there is neither. */
static GtkWidget *
import_report (SamRosterImport *import)
{
  const char * const *notes = sam_roster_import_get_notes (import);
  guint n_problems = sam_roster_import_get_n_problems (import);
  GtkWidget *box;

  if ((notes == NULL || notes[0] == NULL) && n_problems == 0)
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  if (notes != NULL && notes[0] != NULL)
    {
      g_autofree char *text = g_strjoinv ("\n", (char **) notes);
      GtkWidget *label = report_label (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "import-notes");
      gtk_box_append (GTK_BOX (box), label);
    }

  if (n_problems > 0)
    {
      g_autoptr(GString) lines = g_string_new (NULL);
      GtkWidget *heading = gtk_label_new (_("Rows Left Out"));
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *label;

      for (guint i = 0; i < n_problems; i++)
        {
          const SamRosterProblem *problem = sam_roster_import_get_problem (import, i);

          if (lines->len > 0)
            g_string_append_c (lines, '\n');
          /* Translators: a row of a CSV file that was not imported: its
           * line number and why, e.g. "Line 7: Unknown perspective “Art”." */
          g_string_append_printf (lines, _("Line %u: %s"), problem->line, problem->message);
        }

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (box), heading);

      label = report_label (lines->str);
      gtk_widget_add_css_class (label, "import-problems");
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 10);
      gtk_widget_set_margin_end (label, 10);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                      -1);

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                      GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      /* As wide as the dialog may grow, and as tall as the list up to a
       * point: a long list scrolls rather than pushing the buttons away. */
      gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), MIN (n_problems, 4) * 22 + 16);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      gtk_widget_add_css_class (scrolled, "card");
      gtk_box_append (GTK_BOX (box), scrolled);
    }

  return box;
}

static void
import_response_cb (SamRosterWindow  *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  g_autoptr(SamRosterImport) import = g_steal_pointer (&self->pending_import);
  g_autofree char *text = NULL;
  guint n;

  if (import == NULL || self->session == NULL || g_strcmp0 (response, "import") != 0)
    return;

  n = sam_roster_import_apply (import, self->session);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Imported %u participant",
                                       "Imported %u participants", n),
                          n);
  show_undo_toast (self, text);
}

static void
show_import_report (SamRosterWindow *self,
                    GFile           *file,
                    SamRosterImport *import)
{
  g_autofree char *name = file_display_name (file);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n = sam_roster_import_get_n_participants (import);
  guint n_problems = sam_roster_import_get_n_problems (import);
  AdwMessageDialog *dialog;
  GtkWidget *report;

  close_dialog (self);

  if (n > 0)
    {
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Import %u Participant?",
                                              "Import %u Participants?", n),
                                 n);
      if (n_problems > 0)
        /* Translators: %u is a number of rows, %s a file name */
        body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u row of “%s” cannot be imported and is left out. "
                                             "The others are added at the end of the list.",
                                             "%u rows of “%s” cannot be imported and are left out. "
                                             "The others are added at the end of the list.",
                                             n_problems),
                                n_problems, name);
      else
        /* Translators: %s is a file name */
        body = g_strdup_printf (_("Everyone in “%s” is added at the end of the list."), name);
    }
  else
    {
      heading = g_strdup (_("Nothing to Import"));
      if (n_problems > 0)
        /* Translators: %s is a file name */
        body = g_strdup_printf (_("No row of “%s” can be imported."), name);
      else
        /* Translators: %s is a file name */
        body = g_strdup_printf (_("“%s” has no participants below its first line."), name);
    }

  dialog = new_dialog (self, heading, body);
  report = import_report (import);
  if (report != NULL)
    adw_message_dialog_set_extra_child (dialog, report);

  if (n > 0)
    {
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "import", _("_Import"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "import");
      adw_message_dialog_set_close_response (dialog, "cancel");
      self->pending_import = import;
    }
  else
    {
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      adw_message_dialog_set_default_response (dialog, "close");
      adw_message_dialog_set_close_response (dialog, "close");
      sam_roster_import_free (import);
    }

  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
read_all_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(Load) load = data;
  SamRosterWindow *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SamRosterImport *import;
  gsize n_read = 0;
  gboolean read;

  read = g_input_stream_read_all_finish (G_INPUT_STREAM (source), result, &n_read, &error);

  /* A newer import, or the window closed. */
  if (g_cancellable_is_cancelled (load->cancellable) || self->session == NULL)
    return;
  if (self->loading == load->cancellable)
    g_clear_object (&self->loading);

  if (!read)
    {
      show_import_error (self, load->file, error->message);
      return;
    }

  /* A file one byte over the limit is enough for the import to say it is
   * too large. */
  bytes = g_bytes_new (load->buffer, n_read);
  g_clear_pointer (&load->buffer, g_free);

  import = sam_roster_import_new (self->session, bytes, &error);
  if (import == NULL)
    show_import_error (self, load->file, error->message);
  else
    show_import_report (self, load->file, import);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(Load) load = data;
  g_autoptr(GError) error = NULL;
  GInputStream *stream;
  GCancellable *cancellable;
  guint8 *buffer;

  load->stream = G_INPUT_STREAM (g_file_read_finish (G_FILE (source), result, &error));
  if (g_cancellable_is_cancelled (load->cancellable) || load->self->session == NULL)
    return;
  if (load->stream == NULL)
    {
      if (load->self->loading == load->cancellable)
        g_clear_object (&load->self->loading);
      show_import_error (load->self, load->file, error->message);
      return;
    }

  /* Reads no more than the import accepts, whatever the file's size. */
  load->buffer = g_malloc (SAM_ROSTER_MAX_SIZE + 1);
  stream = load->stream;
  buffer = load->buffer;
  cancellable = load->cancellable;
  g_input_stream_read_all_async (stream, buffer, SAM_ROSTER_MAX_SIZE + 1,
                                 G_PRIORITY_DEFAULT, cancellable,
                                 read_all_cb, g_steal_pointer (&load));
}

void
sam_roster_window_import_file (SamRosterWindow *self,
                               GFile           *file)
{
  Load *load;

  g_return_if_fail (SAM_IS_ROSTER_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->session == NULL)
    return;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();

  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->file = g_object_ref (file);
  load->cancellable = g_object_ref (self->loading);
  g_file_read_async (file, G_PRIORITY_DEFAULT, load->cancellable, read_cb, load);
}

static void
chooser_response_cb (SamRosterWindow      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    sam_roster_window_import_file (self, file);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SamRosterWindow *self = SAM_ROSTER_WINDOW (widget);
  g_autoptr(SamItem) participant = NULL;
  SamRosterRow *row;

  if (self->session == NULL)
    return;

  apply_all (self);

  participant = sam_item_new (SAM_TYPE_PARTICIPANT, NULL);
  sam_session_begin (self->session, _("Add Participant"));
  sam_session_insert (self->session, self->session, "participants", G_MAXUINT, participant);
  sam_session_end (self->session);

  /* Straight to typing the name. */
  row = find_row (self, participant);
  if (row != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (row->entries[FIELD_NAME]));
    }
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamRosterWindow *self = SAM_ROSTER_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->session == NULL)
    return;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Import Participants"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), csv);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamRosterWindow *self = SAM_ROSTER_WINDOW (widget);

  if (self->session != NULL && sam_session_can_undo (self->session))
    sam_session_undo (self->session);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamRosterWindow *self = SAM_ROSTER_WINDOW (widget);

  if (self->session != NULL && sam_session_can_redo (self->session))
    sam_session_redo (self->session);
}

/* Public */

SamRosterWindow *
sam_roster_window_new (GtkWindow  *parent,
                       SamSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);

  return g_object_new (SAM_TYPE_ROSTER_WINDOW,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

SamSession *
sam_roster_window_get_session (SamRosterWindow *self)
{
  g_return_val_if_fail (SAM_IS_ROSTER_WINDOW (self), NULL);

  return self->session;
}

void
sam_roster_window_apply (SamRosterWindow *self)
{
  g_return_if_fail (SAM_IS_ROSTER_WINDOW (self));

  apply_all (self);
}

static void
set_session (SamRosterWindow *self,
             SamSession      *session)
{
  GListModel *participants;

  g_assert (self->session == NULL);

  self->session = g_object_ref (session);
  participants = G_LIST_MODEL (sam_session_get_participants (session));

  self->filtered = gtk_filter_list_model_new (g_object_ref (participants), NULL);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->filtered), create_row_cb, self, NULL);

  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->participants_signals, participants);

  update_summary (self);
  update_actions (self);
}

static gboolean
sam_roster_window_close_request (GtkWindow *window)
{
  SamRosterWindow *self = SAM_ROSTER_WINDOW (window);

  /* What was typed counts even without Enter. */
  apply_all (self);

  return GTK_WINDOW_CLASS (sam_roster_window_parent_class)->close_request (window);
}

static void
sam_roster_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SamRosterWindow *self = SAM_ROSTER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_roster_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SamRosterWindow *self = SAM_ROSTER_WINDOW (object);

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
sam_roster_window_dispose (GObject *object)
{
  SamRosterWindow *self = SAM_ROSTER_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->refilter_id, g_source_remove);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  close_dialog (self);
  dismiss_undo_toast (self);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  if (self->participants_signals != NULL)
    g_signal_group_set_target (self->participants_signals, NULL);

  /* The rows go first: they read the session while they are taken down. */
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_ROSTER_WINDOW);

  G_OBJECT_CLASS (sam_roster_window_parent_class)->dispose (object);
}

static void
sam_roster_window_finalize (GObject *object)
{
  SamRosterWindow *self = SAM_ROSTER_WINDOW (object);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->participants_signals);
  g_clear_object (&self->filtered);
  g_clear_object (&self->present_filter);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sam_roster_window_parent_class)->finalize (object);
}

static void
sam_roster_window_class_init (SamRosterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->set_property = sam_roster_window_set_property;
  object_class->get_property = sam_roster_window_get_property;
  object_class->dispose = sam_roster_window_dispose;
  object_class->finalize = sam_roster_window_finalize;

  window_class->close_request = sam_roster_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SAM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sam-roster-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamRosterWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamRosterWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SamRosterWindow, list);
  gtk_widget_class_bind_template_child (widget_class, SamRosterWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SamRosterWindow, present_button);
  gtk_widget_class_bind_template_callback (widget_class, present_only_cb);

  gtk_widget_class_install_action (widget_class, "roster.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "roster.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "roster.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "roster.redo", NULL, redo_action);

  /* This window is not the application's: its keys are its own. A text
   * field with the focus keeps Ctrl+Z for its own typing. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "roster.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "roster.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "roster.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "roster.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "roster.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_roster_window_init (SamRosterWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->present_filter = GTK_FILTER (gtk_custom_filter_new (is_present, NULL, NULL));
  gtk_list_box_set_placeholder (self->list,
                                g_object_new (GTK_TYPE_LABEL,
                                              "label", _("No one is marked as present."),
                                              "wrap", TRUE,
                                              "margin-top", 18,
                                              "margin-bottom", 18,
                                              "margin-start", 12,
                                              "margin-end", 12,
                                              "css-classes", (const char *[]) { "dim-label", NULL },
                                              NULL));

  self->session_signals = g_signal_group_new (SAM_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "committed",
                                 G_CALLBACK (committed_cb), self, G_CONNECT_SWAPPED);
  self->participants_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->participants_signals, "items-changed",
                                 G_CALLBACK (participants_changed_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}
