/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-map.h"
#include "sam-perspective-color.h"
#include "sam-map-page.h"
#include "sam-map-view.h"
#include "sam-perspective-chart.h"
#include "sam-roster-window.h"
#include "sam-session.h"
#include "sam-window.h"

struct _SamMapPage
{
  AdwBin               parent_instance;

  /* template */
  AdwFlap             *flap;
  GtkBox              *perspective_buttons;
  GtkMenuButton       *picture_button;
  SamMapView          *map_view;
  GtkLabel            *places_label;
  SamPerspectiveChart *chart;
  GtkMenuButton       *gaps_button;
  GtkLabel            *gaps_label;
  GtkListBox          *perspective_list;
  AdwActionRow        *participants_row;

  SamSession          *session;
  SamMapPlaces        *places;
  GSignalGroup        *session_signals;
  GSignalGroup        *perspectives_signals;
  guint                refresh_id;
  gboolean             syncing_buttons;

  /* The balloon editor: a popover over the map. */
  GtkPopover          *editor;
  GtkEntry            *label_entry;
  GtkDropDown         *participant_dropdown;
  GtkDropDown         *perspective_dropdown;
  SamItem             *edited;        /* weak: the balloon being edited */
  gboolean             filling_editor;

  SamRosterWindow     *roster;        /* weak */
  GtkNativeDialog     *chooser;       /* a file chooser that is open */
  GSignalGroup        *participants_signals;
  GCancellable        *cancellable;   /* of loading a picture */
};

G_DEFINE_FINAL_TYPE (SamMapPage, sam_map_page, ADW_TYPE_BIN)

static void refresh (SamMapPage *self);

/* Helpers */

static SamWindow *
get_window (SamMapPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return SAM_IS_WINDOW (root) ? SAM_WINDOW (root) : NULL;
}

/* The window's toasts; a page outside a window (in a test) says nothing. */
static void
add_undo_toast (SamMapPage *self,
                const char *text)
{
  SamWindow *window = get_window (self);

  if (window != NULL)
    sam_window_add_undo_toast (window, text);
}

static void
add_message_toast (SamMapPage *self,
                   const char *text)
{
  SamWindow *window = get_window (self);

  if (window != NULL)
    sam_window_add_message (window, text);
}

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

/* A perspective's colour and symbol, drawn as a small round chip. */

static void
draw_chip (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  SamItem *perspective = data;
  g_autofree char *symbol = sam_perspective_dup_symbol (perspective);
  GdkRGBA color;
  double size = MIN (width, height);
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  int text_width, text_height;

  sam_perspective_get_rgba (perspective, &color);

  cairo_arc (cr, width / 2.0, height / 2.0, size / 2.0 - 1, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), symbol);
  font = pango_font_description_from_string ("Sans Bold");
  pango_font_description_set_absolute_size (font, size * (g_utf8_strlen (symbol, -1) > 1 ? 0.42 : 0.55) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  gdk_cairo_set_source_rgba (cr, sam_ink_for (&color));
  cairo_move_to (cr, (width - text_width) / 2.0, (height - text_height) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static GtkWidget *
make_chip (SamItem *perspective,
           int      size)
{
  /* What it stands for is said by the button or row it is in. */
  GtkWidget *area = g_object_new (GTK_TYPE_DRAWING_AREA,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), size);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chip,
                                  g_object_ref (perspective), g_object_unref);
  g_signal_connect_object (perspective, "notify", G_CALLBACK (gtk_widget_queue_draw),
                           area, G_CONNECT_SWAPPED);
  return area;
}

/* The perspective of new balloons: one toggle per perspective. */

static void
sync_perspective_buttons (SamMapPage *self)
{
  const char *current = sam_map_view_get_current_perspective (self->map_view);

  self->syncing_buttons = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->perspective_buttons));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *id = g_object_get_data (G_OBJECT (child), "perspective-id");

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), g_strcmp0 (id, current) == 0);
    }
  self->syncing_buttons = FALSE;
}

static void
perspective_button_toggled_cb (GtkToggleButton *button,
                               SamMapPage      *self)
{
  if (self->syncing_buttons || !gtk_toggle_button_get_active (button))
    return;

  sam_map_view_set_current_perspective (self->map_view,
                                        g_object_get_data (G_OBJECT (button), "perspective-id"));
}

/* Its label, tooltip and accessible name, from the perspective's name. */
static void
name_perspective_button (GtkWidget *button,
                         SamItem   *perspective)
{
  const char *name = sam_item_get_string (perspective, "name");
  guint key = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "key"));
  g_autofree char *tooltip = NULL;

  gtk_label_set_text (g_object_get_data (G_OBJECT (button), "label"), name);
  if (key > 0)
    /* Translators: the tooltip of a perspective's button in the map's
     * toolbar; %s is its name, %u the key that chooses it. */
    tooltip = g_strdup_printf (_("New balloons are “%s” (%u)"), name, key);
  else
    tooltip = g_strdup_printf (_("New balloons are “%s”"), name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
perspective_renamed_cb (SamItem    *perspective,
                        GParamSpec *pspec,
                        GtkWidget  *button)
{
  name_perspective_button (button, perspective);
}

static void
rebuild_perspective_buttons (SamMapPage *self)
{
  GtkWidget *child;
  GtkToggleButton *group = NULL;
  GListStore *perspectives;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->perspective_buttons))) != NULL)
    gtk_box_remove (self->perspective_buttons, child);

  if (self->session == NULL)
    return;

  perspectives = sam_session_get_perspectives (self->session);
  for (guint i = 0; i < n_items (perspectives); i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (G_LIST_MODEL (perspectives), i);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (NULL);

      gtk_box_append (GTK_BOX (box), make_chip (perspective, 20));
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "perspective-button");
      g_object_set_data (G_OBJECT (button), "label", label);
      g_object_set_data (G_OBJECT (button), "key", GUINT_TO_POINTER (i < 9 ? i + 1 : 0));
      name_perspective_button (button, perspective);
      g_signal_connect_object (perspective, "notify::name", G_CALLBACK (perspective_renamed_cb),
                               button, 0);
      g_object_set_data_full (G_OBJECT (button), "perspective-id",
                              g_strdup (sam_item_get_id (perspective)), g_free);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (perspective_button_toggled_cb), self);
      gtk_box_append (self->perspective_buttons, button);
    }

  sync_perspective_buttons (self);
}

/* The board: the list of perspectives */

static void
entry_row_apply (AdwEntryRow *row)
{
  g_signal_emit_by_name (row, "apply");
}

static void
perspective_name_apply_cb (AdwEntryRow *row,
                           SamMapPage  *self)
{
  SamItem *perspective = g_object_get_data (G_OBJECT (row), "perspective");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->session == NULL || perspective == NULL)
    return;

  if (name[0] == '\0')
    {
      /* A perspective needs a name: the old one comes back. */
      gtk_editable_set_text (GTK_EDITABLE (row), sam_item_get_string (perspective, "name"));
      add_message_toast (self, _("A perspective needs a name"));
      return;
    }

  sam_session_set (self->session, perspective, "name", name, NULL);
}

static void
perspective_symbol_apply_cb (AdwEntryRow *row,
                             SamMapPage  *self)
{
  SamItem *perspective = g_object_get_data (G_OBJECT (row), "perspective");
  g_autofree char *symbol = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->session == NULL || perspective == NULL)
    return;

  /* Balloons have room for two letters. */
  if (g_utf8_strlen (symbol, -1) > 2)
    *g_utf8_offset_to_pointer (symbol, 2) = '\0';
  gtk_editable_set_text (GTK_EDITABLE (row), symbol);
  sam_session_set (self->session, perspective, "symbol", symbol, NULL);
}

static void
perspective_color_set_cb (GtkColorButton *button,
                          SamMapPage     *self)
{
  SamItem *perspective = g_object_get_data (G_OBJECT (button), "perspective");
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  if (self->session == NULL || perspective == NULL)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02X%02X%02X",
                           (int) (rgba.red * 255 + 0.5),
                           (int) (rgba.green * 255 + 0.5),
                           (int) (rgba.blue * 255 + 0.5));
  sam_session_set (self->session, perspective, "color", color, NULL);
}

static void
move_perspective (SamMapPage *self,
                  SamItem    *perspective,
                  int         delta)
{
  GListStore *perspectives = sam_session_get_perspectives (self->session);
  GtkListBoxRow *row;
  guint position;

  if (!g_list_store_find (perspectives, perspective, &position))
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n_items (perspectives)))
    return;

  sam_session_move (self->session, perspective, self->session, position + delta);

  /* The list makes the row anew where it went: open it again there, with
   * the focus on the same button, so that a second press moves it on. */
  row = gtk_list_box_get_row_at_index (self->perspective_list, position + delta);
  if (ADW_IS_EXPANDER_ROW (row))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), delta < 0 ? "move-up" : "move-down"));
    }
}

static void
move_up_clicked_cb (GtkButton  *button,
                    SamMapPage *self)
{
  move_perspective (self, g_object_get_data (G_OBJECT (button), "perspective"), -1);
}

static void
move_down_clicked_cb (GtkButton  *button,
                      SamMapPage *self)
{
  move_perspective (self, g_object_get_data (G_OBJECT (button), "perspective"), +1);
}

static void
remove_perspective_clicked_cb (GtkButton  *button,
                               SamMapPage *self)
{
  SamItem *perspective = g_object_get_data (G_OBJECT (button), "perspective");
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (self->session == NULL || perspective == NULL)
    return;

  name = g_strdup (sam_item_get_string (perspective, "name"));
  /* Its balloons stay on the map, without a perspective; undo brings it back
   * with everything that referred to it. */
  sam_session_remove (self->session, perspective);
  text = g_strdup_printf (_("Perspective “%s” removed"), name);
  add_undo_toast (self, text);
}

static void
update_perspective_row (AdwExpanderRow *row)
{
  SamItem *perspective = g_object_get_data (G_OBJECT (row), "perspective");
  SamMapPage *self = g_object_get_data (G_OBJECT (row), "page");
  guint balloons = 0, participants = 0;
  g_autofree char *subtitle = NULL;
  g_autofree char *balloons_text = NULL;
  g_autofree char *participants_text = NULL;
  GListStore *store;
  const char *id = sam_item_get_id (perspective);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sam_item_get_string (perspective, "name"));

  if (self->session == NULL)
    return;

  store = sam_session_get_balloons (self->session);
  for (guint i = 0; i < n_items (store); i++)
    {
      g_autoptr(SamItem) balloon = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (sam_item_get_string (balloon, "perspective"), id) == 0)
        balloons++;
    }

  store = sam_session_get_participants (self->session);
  for (guint i = 0; i < n_items (store); i++)
    {
      g_autoptr(SamItem) participant = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_auto(GStrv) ids = NULL;

      g_object_get (participant, "perspectives", &ids, NULL);
      if (ids != NULL && g_strv_contains ((const char * const *) ids, id))
        participants++;
    }

  balloons_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u balloon", "%u balloons", balloons), balloons);
  participants_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", participants),
                                       participants);
  /* Translators: a perspective's row on the map's board, e.g.
   * "3 balloons · 2 participants". */
  subtitle = g_strdup_printf (C_("perspective row", "%s · %s"), balloons_text, participants_text);
  adw_expander_row_set_subtitle (row, subtitle);
}

static GtkWidget *
make_icon_button (const char *icon_name,
                  const char *label,
                  GCallback   callback,
                  SamMapPage *self,
                  SamItem    *perspective)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "perspective", perspective);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
show_unless_typing (GtkWidget  *entry_row,
                    const char *text)
{
  GtkRoot *root = gtk_widget_get_root (entry_row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == entry_row || gtk_widget_is_ancestor (focus, entry_row)))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry_row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
}

static void
perspective_changed_cb (SamItem        *perspective,
                        GParamSpec     *pspec,
                        AdwExpanderRow *row)
{
  GtkWidget *name_row = g_object_get_data (G_OBJECT (row), "name-row");
  GtkWidget *symbol_row = g_object_get_data (G_OBJECT (row), "symbol-row");
  GtkWidget *color_button = g_object_get_data (G_OBJECT (row), "color-button");
  GdkRGBA rgba;

  /* Undo and redo change the perspective under the rows: show its values
   * unless the person is typing in that row. */
  show_unless_typing (name_row, sam_item_get_string (perspective, "name"));
  show_unless_typing (symbol_row, sam_item_get_string (perspective, "symbol"));
  if (gdk_rgba_parse (&rgba, sam_item_get_string (perspective, "color")))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color_button), &rgba);
  update_perspective_row (row);
}

static void
apply_entry_row (GtkWidget *entry_row,
                 const char *property)
{
  SamItem *perspective = g_object_get_data (G_OBJECT (entry_row), "perspective");

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry_row)),
                 sam_item_get_string (perspective, property)) != 0)
    g_signal_emit_by_name (entry_row, "apply");
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                const char              *property)
{
  apply_entry_row (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), property);
}

/* What was typed counts when the focus moves on, as in the rest of the
 * app, not only on Enter. */
static void
apply_on_leave (GtkWidget  *entry_row,
                const char *property)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), (gpointer) property);
  gtk_widget_add_controller (entry_row, focus);
}

static GtkWidget *
create_perspective_row (gpointer item,
                        gpointer user_data)
{
  SamMapPage *self = user_data;
  SamItem *perspective = item;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  GtkWidget *symbol_row = adw_entry_row_new ();
  GtkWidget *color_row = adw_action_row_new ();
  GtkWidget *color_button = gtk_color_button_new ();
  GtkWidget *order_row = adw_action_row_new ();
  GtkWidget *remove_button = gtk_button_new_with_mnemonic (_("_Remove"));
  GtkWidget *move_up, *move_down;
  GdkRGBA rgba;

  g_object_set_data (G_OBJECT (row), "perspective", perspective);
  g_object_set_data (G_OBJECT (row), "page", self);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), make_chip (perspective, 28));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (name_row), sam_item_get_string (perspective, "name"));
  g_object_set_data (G_OBJECT (name_row), "perspective", perspective);
  g_signal_connect (name_row, "apply", G_CALLBACK (perspective_name_apply_cb), self);
  g_signal_connect (name_row, "entry-activated", G_CALLBACK (entry_row_apply), NULL);
  apply_on_leave (name_row, "name");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (symbol_row), _("Letters on Its Balloons"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (symbol_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (symbol_row), sam_item_get_string (perspective, "symbol"));
  g_object_set_data (G_OBJECT (symbol_row), "perspective", perspective);
  g_signal_connect (symbol_row, "apply", G_CALLBACK (perspective_symbol_apply_cb), self);
  g_signal_connect (symbol_row, "entry-activated", G_CALLBACK (entry_row_apply), NULL);
  apply_on_leave (symbol_row, "symbol");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), symbol_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (color_row), _("Colour"));
  gtk_widget_set_valign (color_button, GTK_ALIGN_CENTER);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (color_button), _("Colour of the Perspective"));
  /* The colour button's own button has no name of its own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (color_button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colour of the Perspective"), -1);
  if (gdk_rgba_parse (&rgba, sam_item_get_string (perspective, "color")))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color_button), &rgba);
  g_object_set_data (G_OBJECT (color_button), "perspective", perspective);
  g_signal_connect (color_button, "color-set", G_CALLBACK (perspective_color_set_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (color_row), color_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (color_row), color_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), color_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (order_row), _("Order"));
  move_up = make_icon_button ("go-up-symbolic", _("Move Up"), G_CALLBACK (move_up_clicked_cb), self, perspective);
  move_down = make_icon_button ("go-down-symbolic", _("Move Down"), G_CALLBACK (move_down_clicked_cb), self, perspective);
  adw_action_row_add_suffix (ADW_ACTION_ROW (order_row), move_up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (order_row), move_down);
  g_object_set_data (G_OBJECT (row), "move-up", move_up);
  g_object_set_data (G_OBJECT (row), "move-down", move_down);
  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "destructive-action");
  gtk_widget_set_tooltip_text (remove_button, _("Remove the Perspective; Its Balloons Stay"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Perspective"), -1);
  g_object_set_data (G_OBJECT (remove_button), "perspective", perspective);
  g_signal_connect (remove_button, "clicked", G_CALLBACK (remove_perspective_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (order_row), remove_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), order_row);

  g_object_set_data (G_OBJECT (row), "name-row", name_row);
  g_object_set_data (G_OBJECT (row), "symbol-row", symbol_row);
  g_object_set_data (G_OBJECT (row), "color-button", color_button);
  g_signal_connect_object (perspective, "notify", G_CALLBACK (perspective_changed_cb), row, 0);
  update_perspective_row (ADW_EXPANDER_ROW (row));

  return row;
}


/* The board: counts, gaps and participants */

static void
rebuild_gaps_menu (SamMapPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GListStore *walls = sam_session_get_walls (self->session);
  guint n_columns = 0;

  for (guint i = 0; i < n_items (walls); i++)
    {
      g_autoptr(SamItem) wall = g_list_model_get_item (G_LIST_MODEL (walls), i);
      GListStore *columns = sam_item_get_list (wall, "columns");
      g_autoptr(GMenu) section = g_menu_new ();

      for (guint j = 0; j < n_items (columns); j++)
        {
          g_autoptr(SamItem) column = g_list_model_get_item (G_LIST_MODEL (columns), j);
          g_autoptr(GMenuItem) menu_item = NULL;
          const char *title = sam_item_get_string (column, "title");

          /* A menu reads "_" as the mark of an access key. */
          g_auto(GStrv) parts = g_strsplit (title, "_", -1);
          g_autofree char *label = g_strjoinv ("__", parts);

          menu_item = g_menu_item_new (title[0] != '\0' ? label : _("Untitled Column"), NULL);
          g_menu_item_set_action_and_target (menu_item, "map.add-gaps-to-wall", "s",
                                             sam_item_get_id (column));
          g_menu_append_item (section, menu_item);
          n_columns++;
        }

      {
        g_auto(GStrv) parts = g_strsplit (sam_item_get_string (wall, "title"), "_", -1);
        g_autofree char *label = g_strjoinv ("__", parts);

        g_menu_append_section (menu, label, G_MENU_MODEL (section));
      }
    }

  if (n_columns == 0)
    {
      g_autoptr(GMenuItem) menu_item = g_menu_item_new (_("New Wall “Who Else Should We Invite?”"), NULL);

      g_menu_item_set_action_and_target (menu_item, "map.add-gaps-to-wall", "s", "");
      g_menu_append_item (menu, menu_item);
    }

  gtk_menu_button_set_menu_model (self->gaps_button, G_MENU_MODEL (menu));
}

static void
update_board (SamMapPage *self)
{
  g_autoptr(GArray) counts = NULL;
  g_autofree char *places_text = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  GListStore *participants;
  guint n_participants, n_present = 0, n_balloons;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->session == NULL)
    return;

  n_balloons = n_items (sam_session_get_balloons (self->session));
  counts = sam_map_count_places (self->session, self->places);
  places_text = sam_map_format_place_counts (counts);
  if (n_balloons == 0)
    gtk_label_set_text (self->places_label,
                        _("No balloons yet. Choose a perspective above, then click the map where you are based."));
  else
    {
      /* Translators: the balloons' count by place below the map, e.g.
       * "14 balloons: Karlskrona 6, Ronneby 3, elsewhere 5". */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u balloon: %s", "%u balloons: %s", n_balloons),
                                               n_balloons, places_text);
      gtk_label_set_text (self->places_label, text);
    }

  gaps = sam_map_find_gaps (self->session);
  if (gaps->len == 0)
    gtk_label_set_text (self->gaps_label, _("Every perspective is here today."));
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < gaps->len; i++)
        {
          if (i > 0)
            g_string_append (text, C_("list of perspectives", ", "));
          g_string_append (text, sam_item_get_string (g_ptr_array_index (gaps, i), "name"));
        }
      gtk_label_set_text (self->gaps_label, text->str);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->gaps_button), gaps->len > 0);
  rebuild_gaps_menu (self);

  participants = sam_session_get_participants (self->session);
  n_participants = n_items (participants);
  for (guint i = 0; i < n_participants; i++)
    {
      g_autoptr(SamItem) participant = g_list_model_get_item (G_LIST_MODEL (participants), i);

      if (sam_item_get_boolean (participant, "present"))
        n_present++;
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n_participants),
                           n_participants);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u present today", "%u present today", n_present),
                              n_present);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->participants_row), title);
  adw_action_row_set_subtitle (self->participants_row, subtitle);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->perspective_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_EXPANDER_ROW (row))
      update_perspective_row (ADW_EXPANDER_ROW (row));
}

static void
update_actions (SamMapPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_session = self->session != NULL;
  gboolean selected = sam_map_view_get_selected (self->map_view) != NULL;
  GBytes *image = NULL;

  if (has_session)
    g_object_get (self->session, "map-image", &image, NULL);

  gtk_widget_action_set_enabled (widget, "map.place-balloon",
                                 has_session && n_items (sam_session_get_perspectives (self->session)) > 0);
  gtk_widget_action_set_enabled (widget, "map.remove-balloon", selected);
  gtk_widget_action_set_enabled (widget, "map.edit-balloon", selected);
  gtk_widget_action_set_enabled (widget, "map.choose-picture", has_session);
  gtk_widget_action_set_enabled (widget, "map.reset-picture", image != NULL);
  gtk_widget_action_set_enabled (widget, "map.add-perspective", has_session);
  gtk_widget_action_set_enabled (widget, "map.show-roster", has_session);
  gtk_widget_action_set_enabled (widget, "map.import-roster", has_session);
  gtk_widget_action_set_enabled (widget, "map.add-gaps-to-wall", has_session);

  g_clear_pointer (&image, g_bytes_unref);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  SamMapPage *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
refresh (SamMapPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  g_clear_pointer (&self->places, sam_map_places_unref);
  if (self->session != NULL)
    self->places = sam_map_places_dup_for_session (self->session);

  update_board (self);
  update_actions (self);
}

/* Many edits come in a row (an import, an undo of a large step): the board
 * follows once they are done. */
static void
queue_refresh (SamMapPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static void editor_lists_changed_cb (SamMapPage *self);

static void
perspectives_changed_cb (SamMapPage *self)
{
  rebuild_perspective_buttons (self);
  editor_lists_changed_cb (self);
  queue_refresh (self);
}

static void
committed_cb (SamMapPage *self)
{

  /* The editor follows its balloon, and closes when it is gone. */
  if (self->edited != NULL && sam_item_get_parent (self->edited) == NULL)
    gtk_popover_popdown (self->editor);

  queue_refresh (self);
}

/* The balloon editor */

static GListModel *
participant_choices (SamMapPage *self)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  GListStore *participants = sam_session_get_participants (self->session);

  gtk_string_list_append (list, C_("participant", "None"));
  for (guint i = 0; i < n_items (participants); i++)
    {
      g_autoptr(SamItem) participant = g_list_model_get_item (G_LIST_MODEL (participants), i);
      const char *name = sam_item_get_string (participant, "name");
      const char *organisation = sam_item_get_string (participant, "organisation");
      g_autofree char *text = NULL;

      if (name[0] == '\0')
        name = _("Unnamed");
      text = organisation[0] != '\0' ? g_strdup_printf ("%s (%s)", name, organisation) : g_strdup (name);
      gtk_string_list_append (list, text);
    }

  return G_LIST_MODEL (list);
}

static GListModel *
perspective_choices (SamMapPage *self)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  GListStore *perspectives = sam_session_get_perspectives (self->session);

  gtk_string_list_append (list, C_("perspective", "None"));
  for (guint i = 0; i < n_items (perspectives); i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (G_LIST_MODEL (perspectives), i);

      gtk_string_list_append (list, sam_item_get_string (perspective, "name"));
    }

  return G_LIST_MODEL (list);
}

/* The position of the item with @id in @store, counting "None" as 0. */
static guint
choice_position (GListStore *store,
                 const char *id)
{
  for (guint i = 0; id != NULL && id[0] != '\0' && i < n_items (store); i++)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (sam_item_get_id (item), id) == 0)
        return i + 1;
    }
  return 0;
}

static const char *
choice_id (GListStore *store,
           guint       position)
{
  g_autoptr(SamItem) item = NULL;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > n_items (store))
    return "";
  item = g_list_model_get_item (G_LIST_MODEL (store), position - 1);
  return sam_item_get_id (item);
}

static void
apply_editor_label (SamMapPage *self)
{
  g_autofree char *label = NULL;

  if (self->edited == NULL || self->session == NULL || sam_item_get_parent (self->edited) == NULL)
    return;

  label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_entry))));
  if (g_strcmp0 (label, sam_item_get_string (self->edited, "label")) != 0)
    sam_session_set (self->session, self->edited, "label", label, NULL);
}

static void
label_activate_cb (SamMapPage *self)
{
  apply_editor_label (self);
  gtk_popover_popdown (self->editor);
}

static void
participant_selected_cb (SamMapPage *self)
{
  GListStore *participants;
  const char *id;

  if (self->filling_editor || self->edited == NULL || self->session == NULL)
    return;

  participants = sam_session_get_participants (self->session);
  id = choice_id (participants, gtk_drop_down_get_selected (self->participant_dropdown));
  sam_session_begin (self->session, _("Change Balloon"));
  sam_session_set (self->session, self->edited, "participant", id, NULL);

  /* A balloon for someone takes their perspective when it has none yet. */
  if (id[0] != '\0')
    {
      SamItem *participant = sam_session_lookup (self->session, id);
      g_auto(GStrv) ids = NULL;

      g_object_get (participant, "perspectives", &ids, NULL);
      if (sam_item_get_string (self->edited, "perspective")[0] == '\0' && ids != NULL && ids[0] != NULL)
        sam_session_set (self->session, self->edited, "perspective", ids[0], NULL);
    }
  sam_session_end (self->session);

  self->filling_editor = TRUE;
  gtk_drop_down_set_selected (self->perspective_dropdown,
                              choice_position (sam_session_get_perspectives (self->session),
                                               sam_item_get_string (self->edited, "perspective")));
  self->filling_editor = FALSE;
}

static void
perspective_selected_cb (SamMapPage *self)
{
  const char *id;

  if (self->filling_editor || self->edited == NULL || self->session == NULL)
    return;

  id = choice_id (sam_session_get_perspectives (self->session),
                  gtk_drop_down_get_selected (self->perspective_dropdown));
  sam_session_set (self->session, self->edited, "perspective", id, NULL);
}

static void
editor_closed_cb (SamMapPage *self)
{
  apply_editor_label (self);
  g_clear_weak_pointer (&self->edited);
  gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
}

/* The choices follow the session's lists, so that a row of a drop-down is
 * always the item at that place (an undo may change the lists while the
 * editor is open). */
static void
fill_editor_choices (SamMapPage *self)
{
  SamItem *balloon = self->edited;
  g_autoptr(GListModel) participants = NULL;
  g_autoptr(GListModel) perspectives = NULL;
  gboolean filling = self->filling_editor;

  if (balloon == NULL || self->session == NULL)
    return;

  self->filling_editor = TRUE;
  participants = participant_choices (self);
  gtk_drop_down_set_model (self->participant_dropdown, participants);
  gtk_drop_down_set_selected (self->participant_dropdown,
                              choice_position (sam_session_get_participants (self->session),
                                               sam_item_get_string (balloon, "participant")));
  perspectives = perspective_choices (self);
  gtk_drop_down_set_model (self->perspective_dropdown, perspectives);
  gtk_drop_down_set_selected (self->perspective_dropdown,
                              choice_position (sam_session_get_perspectives (self->session),
                                               sam_item_get_string (balloon, "perspective")));
  self->filling_editor = filling;
}

static void
editor_lists_changed_cb (SamMapPage *self)
{
  if (self->edited != NULL && gtk_widget_get_visible (GTK_WIDGET (self->editor)))
    fill_editor_choices (self);
}

static void
edit_balloon (SamMapPage *self,
              SamItem    *balloon)
{
  graphene_rect_t rect;
  GdkRectangle pointing = { 0, 0, 1, 1 };

  if (self->session == NULL || balloon == NULL)
    return;

  if (self->edited != NULL)
    apply_editor_label (self);
  g_set_weak_pointer (&self->edited, balloon);

  self->filling_editor = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), sam_item_get_string (balloon, "label"));
  fill_editor_choices (self);
  self->filling_editor = FALSE;

  if (sam_map_view_get_picture_rect (self->map_view, &rect))
    {
      pointing.x = rect.origin.x + sam_item_get_double (balloon, "x") * rect.size.width;
      pointing.y = rect.origin.y + sam_item_get_double (balloon, "y") * rect.size.height;
    }
  gtk_popover_set_pointing_to (self->editor, &pointing);
  gtk_popover_popup (self->editor);
  gtk_widget_grab_focus (GTK_WIDGET (self->label_entry));
}

static void
activate_balloon_cb (SamMapPage *self,
                     SamItem    *balloon)
{
  edit_balloon (self, balloon);
}

static void
editor_remove_clicked_cb (SamMapPage *self)
{
  gtk_popover_popdown (self->editor);
  gtk_widget_activate_action (GTK_WIDGET (self), "map.remove-balloon", NULL);
}

static GtkWidget *
editor_field (GtkWidget  *grid,
              int         row,
              const char *mnemonic,
              GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), field, 1, row, 1, 1);
  return field;
}

static void
build_editor (SamMapPage *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Balloon"));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);

  self->label_entry = GTK_ENTRY (editor_field (grid, 0, _("_Label"), gtk_entry_new ()));
  gtk_entry_set_placeholder_text (self->label_entry, _("A name or a word"));
  gtk_entry_set_max_length (self->label_entry, 60);
  g_signal_connect_swapped (self->label_entry, "activate", G_CALLBACK (label_activate_cb), self);

  self->participant_dropdown = GTK_DROP_DOWN (editor_field (grid, 1, _("_Participant"),
                                                            gtk_drop_down_new (NULL, NULL)));
  gtk_drop_down_set_enable_search (self->participant_dropdown, TRUE);
  gtk_drop_down_set_expression (self->participant_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  g_signal_connect_swapped (self->participant_dropdown, "notify::selected",
                            G_CALLBACK (participant_selected_cb), self);

  self->perspective_dropdown = GTK_DROP_DOWN (editor_field (grid, 2, _("P_erspective"),
                                                            gtk_drop_down_new (NULL, NULL)));
  g_signal_connect_swapped (self->perspective_dropdown, "notify::selected",
                            G_CALLBACK (perspective_selected_cb), self);

  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Balloon"), -1);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (editor_remove_clicked_cb), self);
  gtk_grid_attach (GTK_GRID (grid), remove, 0, 3, 2, 1);

  self->editor = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->editor, grid);
  gtk_popover_set_position (self->editor, GTK_POS_BOTTOM);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Balloon"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->editor), GTK_WIDGET (self->map_view));
  g_signal_connect_swapped (self->editor, "closed", G_CALLBACK (editor_closed_cb), self);
}

/* Actions */

static void
place_balloon_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);
  double x = 0.5, y = 0.5;

  if (parameter != NULL)
    g_variant_get (parameter, "(dd)", &x, &y);
  sam_map_view_place (self->map_view, CLAMP (x, 0.0, 1.0), CLAMP (y, 0.0, 1.0));
}

static void
remove_balloon_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);
  SamItem *balloon = sam_map_view_get_selected (self->map_view);

  if (balloon == NULL || self->session == NULL)
    return;

  sam_session_remove (self->session, balloon);
  add_undo_toast (self, _("Balloon removed"));
}

static void
edit_balloon_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);

  edit_balloon (self, sam_map_view_get_selected (self->map_view));
}

/* The page keeps the chooser it opened, so that it can close it when the
 * page goes first. */
static void
show_chooser (SamMapPage           *self,
              GtkFileChooserNative *chooser,
              GCallback             response_cb)
{
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect (chooser, "response", response_cb, self);
  gtk_native_dialog_show (self->chooser);
}

static void
close_chooser (SamMapPage      *self,
               GtkNativeDialog *chooser)
{
  gtk_native_dialog_destroy (chooser);
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
picture_chooser_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             SamMapPage      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      sam_map_page_load_picture (self, file);
    }

  close_chooser (self, chooser);
}

static void
choose_picture_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pictures = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose Map Picture"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (pictures, _("Pictures (PNG, JPEG, SVG)"));
  gtk_file_filter_add_mime_type (pictures, "image/png");
  gtk_file_filter_add_mime_type (pictures, "image/jpeg");
  gtk_file_filter_add_mime_type (pictures, "image/svg+xml");
  gtk_file_filter_add_suffix (pictures, "png");
  gtk_file_filter_add_suffix (pictures, "jpg");
  gtk_file_filter_add_suffix (pictures, "jpeg");
  gtk_file_filter_add_suffix (pictures, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pictures);
  show_chooser (self, chooser, G_CALLBACK (picture_chooser_response_cb));
}

static void
reset_picture_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);

  if (self->session == NULL)
    return;

  sam_session_begin (self->session, _("Use the Map of Blekinge"));
  sam_session_set (self->session, self->session, "map-image", NULL, "map-image-type", "", NULL);
  sam_session_end (self->session);
  add_undo_toast (self, _("The map of Blekinge is back"));
}

static void
add_perspective_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);
  g_autoptr(SamItem) perspective = NULL;
  g_autofree char *symbol = NULL;
  const char *name = _("New Perspective");
  GtkListBoxRow *row;
  guint n;

  if (self->session == NULL)
    return;

  symbol = sam_map_suggest_symbol (self->session, name);
  perspective = sam_item_new (SAM_TYPE_PERSPECTIVE, NULL);
  g_object_set (perspective,
                "name", name,
                "symbol", symbol,
                "color", sam_map_suggest_color (self->session),
                NULL);
  sam_session_insert (self->session, self->session, "perspectives", G_MAXUINT, perspective);

  /* Open it, ready to be named. */
  adw_flap_set_reveal_flap (self->flap, TRUE);
  n = n_items (sam_session_get_perspectives (self->session));
  row = gtk_list_box_get_row_at_index (self->perspective_list, n - 1);
  if (ADW_IS_EXPANDER_ROW (row))
    {
      GtkWidget *name_row = g_object_get_data (G_OBJECT (row), "name-row");

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (name_row);
    }
}

static void
roster_window_present (SamMapPage *self)
{
  if (self->roster == NULL)
    {
      SamRosterWindow *roster;

      roster = sam_roster_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      self->session);
      g_set_weak_pointer (&self->roster, roster);
    }
  gtk_window_present (GTK_WINDOW (self->roster));
}

static void
show_roster_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);

  if (self->session != NULL)
    roster_window_present (self);
}

static void
roster_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            SamMapPage      *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->session != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      roster_window_present (self);
      sam_roster_window_import_file (self->roster, file);
    }

  close_chooser (self, chooser);
}

static void
import_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Participants"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  show_chooser (self, chooser, G_CALLBACK (roster_chooser_response_cb));
}

/* Whether @column already has a note for @perspective. */
static gboolean
column_has_note_for (SamItem *column,
                     SamItem *perspective)
{
  GListStore *notes = sam_item_get_list (column, "notes");

  for (guint i = 0; i < n_items (notes); i++)
    {
      g_autoptr(SamItem) note = g_list_model_get_item (G_LIST_MODEL (notes), i);

      if (g_strcmp0 (sam_item_get_string (note, "perspective"), sam_item_get_id (perspective)) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_gaps_to_wall_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SamMapPage *self = SAM_MAP_PAGE (widget);
  const char *column_id = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) gaps = NULL;
  SamItem *column = NULL;
  guint added = 0;
  g_autofree char *text = NULL;

  if (self->session == NULL)
    return;

  gaps = sam_map_find_gaps (self->session);
  if (gaps->len == 0)
    {
      add_message_toast (self, _("Every perspective is here today"));
      return;
    }

  if (column_id[0] != '\0')
    {
      column = sam_session_lookup (self->session, column_id);
      if (column == NULL || !SAM_IS_COLUMN (column))
        {
          add_message_toast (self, _("That column is no longer on the wall"));
          return;
        }
    }

  sam_session_begin (self->session, _("Add Missing Perspectives to the Wall"));

  if (column == NULL)
    {
      g_autoptr(SamItem) wall = sam_item_new (SAM_TYPE_WALL, NULL);
      g_autoptr(SamItem) new_column = sam_item_new (SAM_TYPE_COLUMN, NULL);

      g_object_set (wall, "title", _("Who Else Should We Invite?"), NULL);
      g_object_set (new_column, "title", _("Who Else Should We Invite?"), NULL);
      sam_session_insert (self->session, self->session, "walls", G_MAXUINT, wall);
      sam_session_insert (self->session, wall, "columns", G_MAXUINT, new_column);
      column = new_column;
    }

  for (guint i = 0; i < gaps->len; i++)
    {
      SamItem *perspective = g_ptr_array_index (gaps, i);
      g_autoptr(SamItem) note = NULL;
      g_autofree char *note_text = NULL;

      if (column_has_note_for (column, perspective))
        continue;

      /* Translators: a note on the wall for a perspective that no one
       * here brings; %s is its name. */
      note_text = g_strdup_printf (_("%s: no one here today"), sam_item_get_string (perspective, "name"));
      note = sam_item_new (SAM_TYPE_NOTE, NULL);
      g_object_set (note,
                    "text", note_text,
                    "perspective", sam_item_get_id (perspective),
                    "time", g_get_real_time (),
                    NULL);
      sam_session_insert (self->session, column, "notes", G_MAXUINT, note);
      added++;
    }

  sam_session_end (self->session);

  if (added == 0)
    {
      add_message_toast (self, _("The wall has a note for each of them already"));
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u note to “%s”", "Added %u notes to “%s”", added),
                          added, sam_item_get_string (column, "title"));
  add_undo_toast (self, text);
}

/* Loading a map picture */

typedef struct
{
  SamMapPage *self;
  GFile      *file;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

static void
picture_failed (SamMapPage *self,
                GFile      *file,
                const char *reason)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is the file's name, then why it cannot be used. */
  g_autofree char *text = g_strdup_printf (_("Could not use “%s” as the map. %s"), name, reason);

  add_message_toast (self, text);
}

static void
picture_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LoadData *data = user_data;
  SamMapPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autoptr(GdkPixbufLoader) loader = NULL;
  gboolean decoded = FALSE;
  const char *type;

  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        picture_failed (self, data->file, error->message);
      load_data_free (data);
      return;
    }

  type = sam_map_check_image (bytes, &error);
  if (type == NULL)
    {
      picture_failed (self, data->file, error->message);
      load_data_free (data);
      return;
    }

  /* What cannot be drawn must not become the map. The loader is told the
   * type: sniffing would miss an SVG with a long prologue. */
  loader = gdk_pixbuf_loader_new_with_mime_type (type, NULL);
  if (loader != NULL)
    {
      gboolean written = gdk_pixbuf_loader_write_bytes (loader, bytes, NULL);

      decoded = gdk_pixbuf_loader_close (loader, NULL) && written &&
                gdk_pixbuf_loader_get_pixbuf (loader) != NULL;
    }
  if (!decoded)
    {
      picture_failed (self, data->file, _("The picture is damaged or cannot be read."));
      load_data_free (data);
      return;
    }

  if (self->session != NULL)
    {
      g_autofree char *name = g_file_get_basename (data->file);
      g_autofree char *text = NULL;
      g_autoptr(SamMapPlaces) places = NULL;

      /* Without places of its own, the counts say nothing but "elsewhere":
       * that is fine for a photo, and worth saying for an SVG. */
      if (g_strcmp0 (type, "image/svg+xml") == 0)
        places = sam_map_places_new_from_svg (bytes, NULL);
      if (places != NULL && sam_map_places_get_n_places (places) > 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The map is now “%s”, with %u place",
                                             "The map is now “%s”, with %u places",
                                             sam_map_places_get_n_places (places)),
                                name, sam_map_places_get_n_places (places));
      else if (g_strcmp0 (type, "image/svg+xml") == 0)
        text = g_strdup_printf (_("The map is now “%s”. It has no places that can be read, so every balloon counts as elsewhere."),
                                name);
      else
        text = g_strdup_printf (_("The map is now “%s”"), name);

      sam_session_begin (self->session, _("Change Map Picture"));
      sam_session_set (self->session, self->session, "map-image", bytes, "map-image-type", type, NULL);
      sam_session_end (self->session);
      add_undo_toast (self, text);
    }

  load_data_free (data);
}

static void
picture_info_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LoadData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, &error);

  if (info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        picture_failed (data->self, data->file, error->message);
      load_data_free (data);
      return;
    }

  /* A huge file is turned away before it is read into memory. */
  if (!sam_map_check_image_size (g_file_info_get_size (info), &error))
    {
      picture_failed (data->self, data->file, error->message);
      load_data_free (data);
      return;
    }

  g_file_load_bytes_async (data->file, data->self->cancellable, picture_loaded_cb, data);
}

void
sam_map_page_load_picture (SamMapPage *self,
                           GFile      *file)
{
  LoadData *data;

  g_return_if_fail (SAM_IS_MAP_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable, picture_info_cb, data);
}

/* The page */

static void
selected_changed_cb (SamMapPage *self)
{
  update_actions (self);
}

static void
current_perspective_changed_cb (SamMapPage *self)
{
  sync_perspective_buttons (self);
}

void
sam_map_page_apply (SamMapPage *self)
{
  g_return_if_fail (SAM_IS_MAP_PAGE (self));

  if (self->session == NULL)
    return;

  apply_editor_label (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->perspective_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!ADW_IS_EXPANDER_ROW (row))
        continue;
      apply_entry_row (g_object_get_data (G_OBJECT (row), "name-row"), "name");
      apply_entry_row (g_object_get_data (G_OBJECT (row), "symbol-row"), "symbol");
    }

  if (self->roster != NULL)
    sam_roster_window_apply (self->roster);
}

void
sam_map_page_set_session (SamMapPage *self,
                          SamSession *session)
{
  g_return_if_fail (SAM_IS_MAP_PAGE (self));
  g_return_if_fail (session == NULL || SAM_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->perspectives_signals,
                             session != NULL ? sam_session_get_perspectives (session) : NULL);
  g_signal_group_set_target (self->participants_signals,
                             session != NULL ? sam_session_get_participants (session) : NULL);
  sam_map_view_set_session (self->map_view, session);
  sam_perspective_chart_set_session (self->chart, session);

  if (session != NULL)
    gtk_list_box_bind_model (self->perspective_list,
                             G_LIST_MODEL (sam_session_get_perspectives (session)),
                             create_perspective_row, self, NULL);
  else
    gtk_list_box_bind_model (self->perspective_list, NULL, NULL, NULL, NULL);

  rebuild_perspective_buttons (self);
  refresh (self);
}

SamSession *
sam_map_page_get_session (SamMapPage *self)
{
  g_return_val_if_fail (SAM_IS_MAP_PAGE (self), NULL);

  return self->session;
}

SamMapView *
sam_map_page_get_map_view (SamMapPage *self)
{
  g_return_val_if_fail (SAM_IS_MAP_PAGE (self), NULL);

  return self->map_view;
}

static void
sam_map_page_dispose (GObject *object)
{
  SamMapPage *self = SAM_MAP_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_weak_pointer (&self->edited);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  if (self->roster != NULL)
    gtk_window_destroy (GTK_WINDOW (self->roster));
  g_clear_weak_pointer (&self->roster);
  if (self->editor != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->editor));
      self->editor = NULL;
    }
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  if (self->perspectives_signals != NULL)
    g_signal_group_set_target (self->perspectives_signals, NULL);
  if (self->participants_signals != NULL)
    g_signal_group_set_target (self->participants_signals, NULL);
  if (self->perspective_list != NULL)
    gtk_list_box_bind_model (self->perspective_list, NULL, NULL, NULL, NULL);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_MAP_PAGE);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->perspectives_signals);
  g_clear_object (&self->participants_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->places, sam_map_places_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sam_map_page_parent_class)->dispose (object);
}

static void
sam_map_page_class_init (SamMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_map_page_dispose;

  g_type_ensure (SAM_TYPE_MAP_VIEW);
  g_type_ensure (SAM_TYPE_PERSPECTIVE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sam-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, flap);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, perspective_buttons);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, picture_button);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, map_view);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, places_label);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, chart);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, gaps_button);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, gaps_label);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, perspective_list);
  gtk_widget_class_bind_template_child (widget_class, SamMapPage, participants_row);

  gtk_widget_class_install_action (widget_class, "map.place-balloon", "(dd)", place_balloon_action);
  gtk_widget_class_install_action (widget_class, "map.remove-balloon", NULL, remove_balloon_action);
  gtk_widget_class_install_action (widget_class, "map.edit-balloon", NULL, edit_balloon_action);
  gtk_widget_class_install_action (widget_class, "map.choose-picture", NULL, choose_picture_action);
  gtk_widget_class_install_action (widget_class, "map.reset-picture", NULL, reset_picture_action);
  gtk_widget_class_install_action (widget_class, "map.add-perspective", NULL, add_perspective_action);
  gtk_widget_class_install_action (widget_class, "map.show-roster", NULL, show_roster_action);
  gtk_widget_class_install_action (widget_class, "map.import-roster", NULL, import_roster_action);
  gtk_widget_class_install_action (widget_class, "map.add-gaps-to-wall", "s", add_gaps_to_wall_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "map.edit-balloon", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "map.choose-picture", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "map.show-roster", NULL);
}

static void
sam_map_page_init (SamMapPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  self->session_signals = g_signal_group_new (SAM_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "committed", G_CALLBACK (committed_cb), self);
  self->perspectives_signals = g_signal_group_new (G_TYPE_LIST_STORE);
  g_signal_group_connect_swapped (self->perspectives_signals, "items-changed",
                                  G_CALLBACK (perspectives_changed_cb), self);
  self->participants_signals = g_signal_group_new (G_TYPE_LIST_STORE);
  g_signal_group_connect_swapped (self->participants_signals, "items-changed",
                                  G_CALLBACK (editor_lists_changed_cb), self);

  g_signal_connect_swapped (self->map_view, "notify::selected", G_CALLBACK (selected_changed_cb), self);
  g_signal_connect_swapped (self->map_view, "notify::current-perspective",
                            G_CALLBACK (current_perspective_changed_cb), self);
  g_signal_connect_swapped (self->map_view, "activate-balloon", G_CALLBACK (activate_balloon_cb), self);

  build_editor (self);
  update_actions (self);
}
