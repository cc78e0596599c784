/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-format.h"
#include "sam-properties-window.h"
#include "sam-session.h"

/*
 * The text fields apply when Enter is pressed, when the focus leaves them,
 * when this window closes and when the session's window saves or closes
 * (sam_properties_window_apply()); each applied change is one undo step. A
 * value that does not parse is marked and not applied.
 */

typedef enum {
  FIELD_TEXT,
  FIELD_REQUIRED_TEXT,
  FIELD_DATE,
  FIELD_CLOCK,
} FieldKind;

typedef enum {
  ROW_TITLE,
  ROW_DATE,
  ROW_PLACE,
  ROW_START,
  ROW_END,
  ROW_PURPOSE,
  ROW_GOAL,
  N_ROWS
} RowId;

static const struct {
  const char *property;
  FieldKind   kind;
  const char *undo_label;
  const char *error_hint;
} fields[N_ROWS] = {
  [ROW_TITLE] = { "title", FIELD_REQUIRED_TEXT, N_("Change Title"), N_("A session needs a title") },
  [ROW_DATE] = { "date", FIELD_DATE, N_("Change Date"), N_("Write the date as YYYY-MM-DD, for example 2024-05-30") },
  [ROW_PLACE] = { "place", FIELD_TEXT, N_("Change Place"), NULL },
  [ROW_START] = { "start-time", FIELD_CLOCK, N_("Change Start Time"), N_("Write the time as HH:MM, for example 13:30") },
  [ROW_END] = { "end-time", FIELD_CLOCK, N_("Change End Time"), N_("Write the time as HH:MM, for example 15:00") },
  [ROW_PURPOSE] = { "purpose", FIELD_TEXT, N_("Change Purpose"), NULL },
  [ROW_GOAL] = { "goal", FIELD_TEXT, N_("Change Goal"), NULL },
};

struct _SamPropertiesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *rows[N_ROWS];
  AdwComboRow          *mode_row;
  AdwComboRow          *language_row;

  SamSession           *session;
  GSignalGroup         *session_signals;
  GPtrArray            *language_codes;  /* parallel to language_row's model */
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (SamPropertiesWindow, sam_properties_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_valid (FieldKind   kind,
          const char *text)
{
  switch (kind)
    {
    case FIELD_REQUIRED_TEXT:
      return text[0] != '\0';
    case FIELD_DATE:
      return text[0] == '\0' || sam_is_valid_date (text);
    case FIELD_CLOCK:
      return text[0] == '\0' || sam_parse_clock (text) >= 0;
    case FIELD_TEXT:
    default:
      return TRUE;
    }
}

static int
row_index (SamPropertiesWindow *self,
           gpointer             row)
{
  for (guint i = 0; i < N_ROWS; i++)
    if (self->rows[i] != NULL && self->rows[i] == row)
      return i;

  /* The rows are going away with the window. */
  return -1;
}

static char *
row_text (SamPropertiesWindow *self,
          RowId                id)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[id])));

  return g_strdup (g_strstrip (text));
}

static void
validate_row (SamPropertiesWindow *self,
              RowId                id)
{
  GtkWidget *row = GTK_WIDGET (self->rows[id]);
  g_autofree char *text = row_text (self, id);
  gboolean valid = is_valid (fields[id].kind, text);

  if (valid)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, _(fields[id].error_hint));
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
}

static void
apply_row (SamPropertiesWindow *self,
           RowId                id)
{
  g_autofree char *text = NULL;
  const char *current;

  /* The rows are gone once the window is disposed. */
  if (self->session == NULL || self->updating || self->rows[id] == NULL)
    return;

  text = row_text (self, id);
  if (!is_valid (fields[id].kind, text))
    return;

  current = sam_item_get_string (SAM_ITEM (self->session), fields[id].property);
  if (g_strcmp0 (text, current) == 0)
    return;

  sam_session_begin (self->session, _(fields[id].undo_label));
  sam_session_set (self->session, self->session, fields[id].property, text, NULL);
  sam_session_end (self->session);
}

static void
apply_all (SamPropertiesWindow *self)
{
  for (guint i = 0; i < N_ROWS; i++)
    apply_row (self, i);
}

static void
row_changed_cb (SamPropertiesWindow *self,
                GtkEditable         *row)
{
  int id = row_index (self, row);

  if (id >= 0)
    validate_row (self, id);
}

static void
row_activated_cb (SamPropertiesWindow *self,
                  AdwEntryRow         *row)
{
  int id = row_index (self, row);

  if (id >= 0)
    apply_row (self, id);
}

static void
row_focus_leave_cb (SamPropertiesWindow     *self,
                    GtkEventControllerFocus *controller)
{
  int id = row_index (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if (id >= 0)
    apply_row (self, id);
}

static void
mode_selected_cb (SamPropertiesWindow *self,
                  GParamSpec          *pspec,
                  AdwComboRow         *row)
{
  SamSessionMode mode;

  if (self->session == NULL || self->updating)
    return;

  mode = adw_combo_row_get_selected (row) == 1 ? SAM_SESSION_MODE_DIGITAL : SAM_SESSION_MODE_PHYSICAL;
  if (mode == (SamSessionMode) sam_item_get_enum (SAM_ITEM (self->session), "mode"))
    return;

  sam_session_begin (self->session, _("Change Mode"));
  sam_session_set (self->session, self->session, "mode", mode, NULL);
  sam_session_end (self->session);
}

static void
language_selected_cb (SamPropertiesWindow *self,
                      GParamSpec          *pspec,
                      AdwComboRow         *row)
{
  guint selected;
  const char *code;

  if (self->session == NULL || self->updating)
    return;

  selected = adw_combo_row_get_selected (row);
  if (selected >= self->language_codes->len)
    return;

  code = g_ptr_array_index (self->language_codes, selected);
  if (g_strcmp0 (code, sam_item_get_string (SAM_ITEM (self->session), "language")) == 0)
    return;

  sam_session_begin (self->session, _("Change Language"));
  sam_session_set (self->session, self->session, "language", code, NULL);
  sam_session_end (self->session);
}

/* Showing the session's values */

static void
update_language (SamPropertiesWindow *self)
{
  const char *code = sam_item_get_string (SAM_ITEM (self->session), "language");
  GtkStringList *model = GTK_STRING_LIST (adw_combo_row_get_model (self->language_row));
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->language_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->language_codes, i), code) == 0)
      position = i;

  if (position == GTK_INVALID_LIST_POSITION && code != NULL && code[0] != '\0')
    {
      /* A language this list does not name: shown by its code. */
      g_ptr_array_add (self->language_codes, g_strdup (code));
      gtk_string_list_append (model, code);
      position = self->language_codes->len - 1;
    }

  adw_combo_row_set_selected (self->language_row, position);
}

static void
update_property (SamPropertiesWindow *self,
                 const char          *name)
{
  self->updating = TRUE;

  for (guint i = 0; i < N_ROWS; i++)
    {
      const char *value;

      if (name != NULL && g_strcmp0 (name, fields[i].property) != 0)
        continue;

      value = sam_item_get_string (SAM_ITEM (self->session), fields[i].property);
      if (g_strcmp0 (value, gtk_editable_get_text (GTK_EDITABLE (self->rows[i]))) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), value != NULL ? value : "");
      validate_row (self, i);
    }

  if (name == NULL || g_strcmp0 (name, "mode") == 0)
    adw_combo_row_set_selected (self->mode_row,
                                sam_item_get_enum (SAM_ITEM (self->session), "mode") == SAM_SESSION_MODE_DIGITAL ? 1 : 0);

  if (name == NULL || g_strcmp0 (name, "language") == 0)
    update_language (self);

  self->updating = FALSE;
}

static void
session_notify_cb (SamPropertiesWindow *self,
                   GParamSpec          *pspec,
                   SamSession          *session)
{
  update_property (self, pspec->name);
}

SamSession *
sam_properties_window_get_session (SamPropertiesWindow *self)
{
  g_return_val_if_fail (SAM_IS_PROPERTIES_WINDOW (self), NULL);

  return self->session;
}

void
sam_properties_window_apply (SamPropertiesWindow *self)
{
  g_return_if_fail (SAM_IS_PROPERTIES_WINDOW (self));

  apply_all (self);
}

GtkWidget *
sam_properties_window_new (GtkWindow  *parent,
                           SamSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);

  return g_object_new (SAM_TYPE_PROPERTIES_WINDOW,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

static gboolean
sam_properties_window_close_request (GtkWindow *window)
{
  SamPropertiesWindow *self = SAM_PROPERTIES_WINDOW (window);

  /* What was typed counts even without Enter. */
  apply_all (self);

  return GTK_WINDOW_CLASS (sam_properties_window_parent_class)->close_request (window);
}

static void
sam_properties_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SamPropertiesWindow *self = SAM_PROPERTIES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_assert (self->session == NULL);
      self->session = g_value_dup_object (value);
      g_signal_group_set_target (self->session_signals, self->session);
      update_property (self, NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_properties_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SamPropertiesWindow *self = SAM_PROPERTIES_WINDOW (object);

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
sam_properties_window_dispose (GObject *object)
{
  SamPropertiesWindow *self = SAM_PROPERTIES_WINDOW (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_PROPERTIES_WINDOW);

  G_OBJECT_CLASS (sam_properties_window_parent_class)->dispose (object);
}

static void
sam_properties_window_finalize (GObject *object)
{
  SamPropertiesWindow *self = SAM_PROPERTIES_WINDOW (object);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->language_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_properties_window_parent_class)->finalize (object);
}

static void
sam_properties_window_class_init (SamPropertiesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->set_property = sam_properties_window_set_property;
  object_class->get_property = sam_properties_window_get_property;
  object_class->dispose = sam_properties_window_dispose;
  object_class->finalize = sam_properties_window_finalize;

  window_class->close_request = sam_properties_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SAM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sam-properties-window.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "title_row", FALSE,
                                             G_STRUCT_OFFSET (SamPropertiesWindow, rows[ROW_TITLE]));
  gtk_widget_class_bind_template_child_full (widget_class, "date_row", FALSE,
                                             G_STRUCT_OFFSET (SamPropertiesWindow, rows[ROW_DATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "place_row", FALSE,
                                             G_STRUCT_OFFSET (SamPropertiesWindow, rows[ROW_PLACE]));
  gtk_widget_class_bind_template_child_full (widget_class, "start_row", FALSE,
                                             G_STRUCT_OFFSET (SamPropertiesWindow, rows[ROW_START]));
  gtk_widget_class_bind_template_child_full (widget_class, "end_row", FALSE,
                                             G_STRUCT_OFFSET (SamPropertiesWindow, rows[ROW_END]));
  gtk_widget_class_bind_template_child_full (widget_class, "purpose_row", FALSE,
                                             G_STRUCT_OFFSET (SamPropertiesWindow, rows[ROW_PURPOSE]));
  gtk_widget_class_bind_template_child_full (widget_class, "goal_row", FALSE,
                                             G_STRUCT_OFFSET (SamPropertiesWindow, rows[ROW_GOAL]));
  gtk_widget_class_bind_template_child (widget_class, SamPropertiesWindow, mode_row);
  gtk_widget_class_bind_template_child (widget_class, SamPropertiesWindow, language_row);
  gtk_widget_class_bind_template_callback (widget_class, mode_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, language_selected_cb);
}

static void
sam_properties_window_init (SamPropertiesWindow *self)
{
  g_autoptr(GtkStringList) language_names = gtk_string_list_new (NULL);

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A session in a language not offered here keeps its code (see
   * update_language()). */
  self->language_codes = g_ptr_array_new_with_free_func (g_free);
  for (const char * const *code = sam_language_codes (); *code != NULL; code++)
    {
      g_ptr_array_add (self->language_codes, g_strdup (*code));
      gtk_string_list_append (language_names, sam_language_name (*code));
    }
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (language_names));
  self->updating = FALSE;

  for (guint i = 0; i < N_ROWS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (self->rows[i], "changed", G_CALLBACK (row_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->rows[i], "entry-activated", G_CALLBACK (row_activated_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (focus, "leave", G_CALLBACK (row_focus_leave_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (self->rows[i]), focus);
    }

  self->session_signals = g_signal_group_new (SAM_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify",
                                 G_CALLBACK (session_notify_cb), self, G_CONNECT_SWAPPED);
}
