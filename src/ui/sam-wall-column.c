/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-entities.h"
#include "sam-format.h"
#include "sam-perspective-color.h"
#include "sam-session.h"
#include "sam-wall.h"
#include "sam-wall-private.h"
#include "sam-wall-rows.h"
#include "sam-wall-title.h"

/* A column is as wide as a sticky note on a real wall: wide enough for a
 * short sentence per line, narrow enough that six fit a laptop screen. */
#define COLUMN_WIDTH 300
/* A note shows this many lines at most; the tooltip and the editor have
 * the whole text. */
#define NOTE_LINES 5
/* Rows the list is told of at first, and more each time the person
 * scrolls near the end of them (see SamWallRows). */
#define PAGE_ROWS 20
/* More votes than this are shown as a number only beside the dots. */
#define MAX_DOTS 5

/* The column */

typedef struct _Row Row;

typedef struct
{
  SamItem *item;
  char    *text;
  char    *perspective;
  char    *cluster_title;
  int      votes;
  int      color;
  gboolean hidden;
  gint64   time;
} Shown;

static void
shown_clear (Shown *shown)
{
  g_clear_pointer (&shown->text, g_free);
  g_clear_pointer (&shown->perspective, g_free);
  g_clear_pointer (&shown->cluster_title, g_free);
  shown->item = NULL;
}


struct _SamWallColumn
{
  GtkWidget           parent_instance;

  SamWallPage        *page;   /* unowned: the page holds the column */
  SamItem            *column;

  GtkWidget          *box;
  GtkWidget          *heading;
  GtkWidget          *title;  /* SamWallTitle */
  GtkWidget          *count;
  GtkWidget          *menu_button;
  GtkWidget          *entry;
  GtkWidget          *overlay;
  GtkWidget          *scroller;
  GtkWidget          *list;
  GtkWidget          *marker;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  SamWallRows        *rows;
  GtkMultiSelection  *selection;

  /* The rows bound to an item now. */
  GHashTable         *bound;
  guint               more_id;
  /* A note to scroll to once the list has laid out its new rows. */
  SamItem            *chosen;
  gboolean            chosen_focus;
  gulong              after_paint_id;
};

G_DEFINE_FINAL_TYPE (SamWallColumn, sam_wall_column, GTK_TYPE_WIDGET)

static guint n_row_widgets;

struct _Row
{
  SamWallColumn *column;
  GtkListItem   *list_item;
  SamItem       *item;
  const char    *color_class;

  GtkWidget     *root;
  /* A note */
  GtkWidget     *card;
  GtkWidget     *text;
  GtkWidget     *chip;
  GtkWidget     *hidden_icon;
  GtkWidget     *time;
  GtkWidget     *votes_button;
  GtkWidget     *votes_label;
  Shown          shown;
  /* A cluster's header */
  GtkWidget     *header;
  GtkWidget     *header_title;
  GtkWidget     *header_votes;
  GtkWidget     *header_menu;
};

static void ensure_card   (Row *row);
static void ensure_header (Row *row);

static SamSession *
get_session (SamWallColumn *self)
{
  return sam_wall_page_peek_session (self->page);
}

/* Rows */

static void
draw_chip_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  Row *row = user_data;
  SamItem *perspective = NULL;
  const char *id;
  const char *symbol;
  GdkRGBA fill;
  const GdkRGBA *ink;
  g_autoptr(PangoLayout) layout = NULL;
  int text_width, text_height;
  double radius = height / 2.0;

  if (row->item == NULL || !SAM_IS_NOTE (row->item) || get_session (row->column) == NULL)
    return;
  id = sam_item_get_string (row->item, "perspective");
  if (id != NULL && id[0] != '\0')
    perspective = sam_session_lookup (get_session (row->column), id);
  if (perspective == NULL)
    return;

  sam_perspective_get_rgba (perspective, &fill);
  ink = sam_ink_for (&fill);
  cairo_new_sub_path (cr);
  cairo_arc (cr, radius, radius, radius, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, width - radius, radius, radius, 3 * G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill (cr);

  symbol = sam_item_get_string (perspective, "symbol");
  if (symbol == NULL || symbol[0] == '\0')
    symbol = sam_item_get_string (perspective, "name");
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), symbol);
  pango_layout_set_width (layout, (width - 8) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gdk_cairo_set_source_rgba (cr, ink);
  cairo_move_to (cr, (width - text_width) / 2.0, (height - text_height) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static char *
votes_text (int votes)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < MIN (votes, MAX_DOTS); i++)
    g_string_append (text, "●");
  if (votes > 0)
    g_string_append_c (text, ' ');
  g_string_append_printf (text, "%d", votes);
  return g_string_free (text, FALSE);
}

/* What a note row shows, to change only what changed: a list view in
 * GTK 4.8 keeps many rows, and each edit refreshes all that are bound. */
static void
update_note_row (Row *row)
{
  SamItem *note = row->item;
  SamSession *session = get_session (row->column);
  Shown *shown = &row->shown;
  const char *text = sam_item_get_string (note, "text");
  const char *perspective_id = sam_item_get_string (note, "perspective");
  SamItem *cluster = sam_wall_get_note_cluster (note);
  const char *cluster_title = cluster != NULL ? sam_item_get_string (cluster, "title") : NULL;
  SamItem *perspective = NULL;
  int votes = sam_item_get_int (note, "votes");
  int color = sam_item_get_enum (note, "color");
  gboolean hidden = sam_item_get_boolean (note, "hidden");
  gint64 time = sam_item_get_int64 (note, "time");
  gboolean same = shown->item == note;
  gboolean described = same;
  GString *description;
  g_autofree char *votes_description = NULL;

  if (session != NULL && perspective_id != NULL && perspective_id[0] != '\0')
    perspective = sam_session_lookup (session, perspective_id);

  if (!same || g_strcmp0 (shown->text, text) != 0)
    {
      gtk_label_set_text (GTK_LABEL (row->text), text);
      gtk_widget_set_tooltip_text (row->text, text);
      g_free (shown->text);
      shown->text = g_strdup (text);
      described = FALSE;
    }

  if (!same || shown->color != color)
    {
      if (row->color_class != NULL)
        gtk_widget_remove_css_class (row->card, row->color_class);
      row->color_class = sam_note_color_to_class (color);
      gtk_widget_add_css_class (row->card, row->color_class);
      shown->color = color;
      described = FALSE;
    }

  if (!same || shown->hidden != hidden)
    {
      if (hidden)
        gtk_widget_add_css_class (row->card, "hidden-note");
      else
        gtk_widget_remove_css_class (row->card, "hidden-note");
      gtk_widget_set_visible (row->hidden_icon, hidden);
      shown->hidden = hidden;
      described = FALSE;
    }

  /* A perspective's name or colour may change too: compare by what shows. */
  {
    g_autofree char *key = perspective != NULL ?
      g_strconcat (sam_item_get_id (perspective), "\n", sam_item_get_string (perspective, "name"), "\n",
                   sam_item_get_string (perspective, "symbol"), "\n",
                   sam_item_get_string (perspective, "color"), NULL) : NULL;

    if (!same || g_strcmp0 (shown->perspective, key) != 0)
      {
        gtk_widget_set_visible (row->chip, perspective != NULL);
        if (perspective != NULL)
          {
            const char *symbol = sam_item_get_string (perspective, "symbol");
            int n = symbol != NULL && symbol[0] != '\0' ? (int) g_utf8_strlen (symbol, -1) : 1;

            gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (row->chip), 12 + 9 * MIN (n, 4));
            gtk_widget_set_tooltip_text (row->chip, sam_item_get_string (perspective, "name"));
            gtk_widget_queue_draw (row->chip);
          }
        g_free (shown->perspective);
        shown->perspective = g_steal_pointer (&key);
        described = FALSE;
      }
  }

  if (!same || shown->time != time)
    {
      g_autoptr(GDateTime) when = time > 0 ? g_date_time_new_from_unix_local (time / G_USEC_PER_SEC) : NULL;

      if (when != NULL)
        {
          g_autofree char *clock = g_date_time_format (when, "%H:%M");
          gtk_label_set_text (GTK_LABEL (row->time), clock);
        }
      else
        gtk_label_set_text (GTK_LABEL (row->time), "");
      shown->time = time;
    }

  if (!same || shown->votes != votes)
    {
      g_autofree char *dots = votes_text (votes);
      g_autofree char *votes_tip = NULL;

      gtk_label_set_text (GTK_LABEL (row->votes_label), dots);
      /* TRANSLATORS: the tooltip of a note's vote button. */
      votes_tip = g_strdup_printf (ngettext ("%d vote — click to add one, right-click to take one back",
                                            "%d votes — click to add one, right-click to take one back",
                                            votes), votes);
      gtk_widget_set_tooltip_text (row->votes_button, votes_tip);
      shown->votes = votes;
      described = FALSE;
    }

  if (!same || g_strcmp0 (shown->cluster_title, cluster_title) != 0)
    {
      g_free (shown->cluster_title);
      shown->cluster_title = g_strdup (cluster_title);
      described = FALSE;
    }

  shown->item = note;
  if (described)
    return;

  /* Colour is never the only cue: a screen reader hears it, with the rest. */
  description = g_string_new (NULL);
  /* TRANSLATORS: part of a note's description for screen readers, e.g.
   * "Yellow note, 3 votes, School, hidden". */
  g_string_append_printf (description, _("%s note"), sam_note_color_to_label (color));
  votes_description = g_strdup_printf (ngettext ("%d vote", "%d votes", votes), votes);
  g_string_append (description, ", ");
  g_string_append (description, votes_description);
  if (perspective != NULL)
    {
      g_string_append (description, ", ");
      g_string_append (description, sam_item_get_string (perspective, "name"));
    }
  if (cluster_title != NULL)
    {
      g_string_append (description, ", ");
      g_string_append (description, cluster_title);
    }
  if (hidden)
    {
      g_string_append (description, ", ");
      g_string_append (description, _("hidden"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  g_string_free (description, TRUE);
}

static void
update_header_row (Row *row)
{
  SamItem *cluster = row->item;
  guint votes = sam_wall_count_cluster_votes (cluster);
  g_autofree char *text = NULL;

  gtk_label_set_text (GTK_LABEL (row->header_title), sam_item_get_string (cluster, "title"));
  text = g_strdup_printf (ngettext ("%u vote", "%u votes", votes), votes);
  gtk_label_set_text (GTK_LABEL (row->header_votes), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->header),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sam_item_get_string (cluster, "title"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Cluster"),
                                  -1);
}

static void
update_row (Row *row)
{
  gboolean is_note = SAM_IS_NOTE (row->item);

  if (is_note)
    ensure_card (row);
  else
    ensure_header (row);
  if (row->card != NULL)
    gtk_widget_set_visible (row->card, is_note);
  if (row->header != NULL)
    gtk_widget_set_visible (row->header, !is_note);
  if (is_note)
    update_note_row (row);
  else
    update_header_row (row);
}

static void
vote_clicked_cb (GtkButton *button,
                 Row       *row)
{
  SamSession *session = get_session (row->column);

  if (row->item == NULL || session == NULL)
    return;
  sam_wall_page_note_chosen (row->column->page, row->column, row->item);
  sam_wall_add_vote (session, row->item);
}

static void
vote_secondary_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   Row             *row)
{
  SamSession *session = get_session (row->column);

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (row->item == NULL || session == NULL)
    return;
  sam_wall_page_note_chosen (row->column->page, row->column, row->item);
  sam_wall_remove_vote (session, row->item);
}

static void
card_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 Row             *row)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (row->item == NULL)
    return;

  if (button == GDK_BUTTON_SECONDARY)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      sam_wall_column_select_note (row->column, row->item, FALSE);
      sam_wall_page_note_chosen (row->column->page, row->column, row->item);
      sam_wall_page_popup_note_menu (row->column->page, row->item);
      return;
    }

  /* The list selects on the click itself; the page only learns which note
   * the keys now act on. */
  sam_wall_page_note_chosen (row->column->page, row->column, row->item);
  if (n_press == 2)
    gtk_widget_activate_action (GTK_WIDGET (row->column), "wall.edit-note", NULL);
}

static GdkContentProvider *
note_drag_prepare_cb (GtkDragSource *source,
                      double         x,
                      double         y,
                      Row           *row)
{
  if (row->item == NULL || !SAM_IS_NOTE (row->item))
    return NULL;
  return gdk_content_provider_new_typed (SAM_TYPE_NOTE, row->item);
}

static void
note_drag_begin_cb (GtkDragSource *source,
                    GdkDrag       *drag,
                    Row           *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row->card);

  gtk_drag_source_set_icon (source, paintable, 16, 16);
}

static void
header_pressed_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   Row             *row)
{
  if (n_press == 2 && row->item != NULL && SAM_IS_CLUSTER (row->item))
    sam_wall_page_rename_cluster (row->column->page, row->item);
}

static GMenuModel *
cluster_menu (SamItem *cluster)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) rename = g_menu_item_new (_("_Rename Cluster"), NULL);
  g_autoptr(GMenuItem) uncluster = g_menu_item_new (_("_Ungroup Notes"), NULL);

  g_menu_item_set_action_and_target (rename, "wall.rename-cluster", "s", sam_item_get_id (cluster));
  g_menu_item_set_action_and_target (uncluster, "wall.uncluster", "s", sam_item_get_id (cluster));
  g_menu_append_item (menu, rename);
  g_menu_append_item (menu, uncluster);
  return G_MENU_MODEL (menu);
}

static void
create_cluster_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  Row *row = user_data;
  g_autoptr(GMenuModel) model = NULL;

  if (row->item == NULL || !SAM_IS_CLUSTER (row->item))
    return;
  model = cluster_menu (row->item);
  gtk_menu_button_set_menu_model (button, model);
}

/* A row's widgets for a note, made the first time the row shows one: a
 * list view in GTK 4.8 keeps up to 200 rows, so each is kept light. */
static void
ensure_card (Row *row)
{
  GtkWidget *footer;
  GtkGesture *click;
  GtkDragSource *drag;

  if (row->card != NULL)
    return;

  row->card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (row->card, "wall-note");
  row->text = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (row->text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (row->text), NOTE_LINES);
  gtk_label_set_ellipsize (GTK_LABEL (row->text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (row->text), 30);
  gtk_label_set_width_chars (GTK_LABEL (row->text), 20);
  gtk_label_set_xalign (GTK_LABEL (row->text), 0);
  gtk_widget_add_css_class (row->text, "wall-note-text");
  gtk_box_append (GTK_BOX (row->card), row->text);

  footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (footer, "wall-note-footer");
  row->chip = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (row->chip), 18);
  gtk_widget_set_valign (row->chip, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (row->chip), draw_chip_cb, row, NULL);
  gtk_box_append (GTK_BOX (footer), row->chip);
  row->hidden_icon = gtk_image_new_from_icon_name ("view-conceal-symbolic");
  gtk_widget_set_tooltip_text (row->hidden_icon, _("Hidden until revealed"));
  gtk_box_append (GTK_BOX (footer), row->hidden_icon);
  row->time = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->time, "dim-label");
  gtk_widget_add_css_class (row->time, "caption");
  gtk_widget_set_hexpand (row->time, TRUE);
  gtk_label_set_xalign (GTK_LABEL (row->time), 0);
  gtk_box_append (GTK_BOX (footer), row->time);

  row->votes_button = gtk_button_new ();
  row->votes_label = gtk_label_new (NULL);
  gtk_button_set_child (GTK_BUTTON (row->votes_button), row->votes_label);
  gtk_widget_add_css_class (row->votes_button, "flat");
  gtk_widget_add_css_class (row->votes_button, "wall-votes");
  gtk_widget_set_halign (row->votes_button, GTK_ALIGN_END);
  gtk_widget_set_focusable (row->votes_button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->votes_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a Vote"), -1);
  g_signal_connect (row->votes_button, "clicked", G_CALLBACK (vote_clicked_cb), row);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (vote_secondary_cb), row);
  gtk_widget_add_controller (row->votes_button, GTK_EVENT_CONTROLLER (click));
  gtk_box_append (GTK_BOX (footer), row->votes_button);
  gtk_box_append (GTK_BOX (row->card), footer);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (card_pressed_cb), row);
  gtk_widget_add_controller (row->card, GTK_EVENT_CONTROLLER (click));

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (note_drag_prepare_cb), row);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (note_drag_begin_cb), row);
  gtk_widget_add_controller (row->card, GTK_EVENT_CONTROLLER (drag));
  gtk_box_append (GTK_BOX (row->root), row->card);
}

/* A cluster's header: its title, its votes and its menu. */
static void
ensure_header (Row *row)
{
  GtkGesture *click;

  if (row->header != NULL)
    return;

  row->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (row->header, "wall-cluster-header");
  row->header_title = gtk_label_new (NULL);
  gtk_widget_set_hexpand (row->header_title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (row->header_title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (row->header_title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (row->header_title, "heading");
  gtk_widget_set_tooltip_text (row->header_title, _("Cluster title (double-click to rename)"));
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (header_pressed_cb), row);
  gtk_widget_add_controller (row->header, GTK_EVENT_CONTROLLER (click));
  gtk_box_append (GTK_BOX (row->header), row->header_title);
  row->header_votes = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->header_votes, "dim-label");
  gtk_widget_add_css_class (row->header_votes, "caption");
  gtk_box_append (GTK_BOX (row->header), row->header_votes);
  row->header_menu = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (row->header_menu), "view-more-symbolic");
  gtk_widget_add_css_class (row->header_menu, "flat");
  gtk_widget_set_tooltip_text (row->header_menu, _("Cluster Menu"));
  /* A tooltip is only a description to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->header_menu),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cluster Menu"), -1);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (row->header_menu), create_cluster_menu_cb, row, NULL);
  gtk_box_append (GTK_BOX (row->header), row->header_menu);
  gtk_box_prepend (GTK_BOX (row->root), row->header);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  shown_clear (&row->shown);
  g_free (row);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SamWallColumn            *self)
{
  Row *row = g_new0 (Row, 1);

  row->column = self;
  row->list_item = list_item;
  n_row_widgets++;

  row->root = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_object_set_data_full (G_OBJECT (row->root), "wall-row", row, row_free);
  gtk_list_item_set_child (list_item, row->root);
}

static Row *
row_of (GtkListItem *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  return child != NULL ? g_object_get_data (G_OBJECT (child), "wall-row") : NULL;
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SamWallColumn            *self)
{
  Row *row = row_of (list_item);

  row->item = gtk_list_item_get_item (list_item);
  g_hash_table_add (self->bound, row);
  /* A cluster's header is a heading, not a note to select. */
  gtk_list_item_set_selectable (list_item, SAM_IS_NOTE (row->item));
  gtk_list_item_set_activatable (list_item, SAM_IS_NOTE (row->item));
  update_row (row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SamWallColumn            *self)
{
  Row *row = row_of (list_item);

  g_hash_table_remove (self->bound, row);
  row->item = NULL;
  row->shown.item = NULL;
}

static void
teardown_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 SamWallColumn            *self)
{
  Row *row = row_of (list_item);

  if (row != NULL)
    g_hash_table_remove (self->bound, row);
  n_row_widgets--;
}

/* The model */

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  SamWallColumn *self = user_data;

  return self->page == NULL || sam_wall_page_note_passes (self->page, item);
}

static void
rebuild_rows (SamWallColumn *self)
{
  GListModel *filtered = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (filtered);
  g_autoptr(GHashTable) members = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);
  GPtrArray *items = g_ptr_array_new_full (n + 8, g_object_unref);

  /* First the notes of each cluster, in order; then the rows, with each
   * cluster where its first note is. */
  for (guint i = 0; i < n; i++)
    {
      SamItem *note = g_list_model_get_item (filtered, i);
      SamItem *cluster = sam_wall_get_note_cluster (note);

      g_ptr_array_add (notes, note);
      if (cluster != NULL)
        {
          GPtrArray *list = g_hash_table_lookup (members, cluster);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (members, cluster, list);
            }
          g_ptr_array_add (list, note);
        }
    }

  for (guint i = 0; i < notes->len; i++)
    {
      SamItem *note = g_ptr_array_index (notes, i);
      SamItem *cluster = sam_wall_get_note_cluster (note);
      GPtrArray *list;

      if (cluster == NULL)
        {
          g_ptr_array_add (items, g_object_ref (note));
          continue;
        }
      if (g_hash_table_contains (done, cluster))
        continue;
      g_hash_table_add (done, cluster);
      g_ptr_array_add (items, g_object_ref (cluster));
      list = g_hash_table_lookup (members, cluster);
      for (guint j = 0; j < list->len; j++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (list, j)));
    }

  sam_wall_rows_replace (self->rows, items);
}

static void
update_heading (SamWallColumn *self)
{
  guint total = sam_wall_count_notes (self->column);
  g_autofree char *count = g_strdup_printf ("%u", total);
  g_autofree char *tip = g_strdup_printf (ngettext ("%u note", "%u notes", total), total);
  /* Translators: the accessible name of a column's entry for new notes,
   * e.g. "New Note in Questions" */
  g_autofree char *entry_name = g_strdup_printf (_("New Note in %s"),
                                                 sam_item_get_string (self->column, "title"));

  sam_wall_title_set_text (SAM_WALL_TITLE (self->title), sam_item_get_string (self->column, "title"));
  gtk_label_set_text (GTK_LABEL (self->count), count);
  gtk_widget_set_tooltip_text (self->count, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry_name,
                                  -1);
}

void
sam_wall_column_update (SamWallColumn *self)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (SAM_IS_WALL_COLUMN (self));

  rebuild_rows (self);
  update_heading (self);
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    if (((Row *) row)->item != NULL)
      update_row (row);
}

void
sam_wall_column_refilter (SamWallColumn *self)
{
  g_return_if_fail (SAM_IS_WALL_COLUMN (self));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  rebuild_rows (self);
}

/* The heading and the entry */

static void
entry_activate_cb (GtkEntry      *entry,
                   SamWallColumn *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (sam_wall_page_add_typed_note (self->page, self, text))
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_error_bell (GTK_WIDGET (entry));
  /* Keep typing: the next note goes in right after. */
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

static void
title_commit_cb (SamWallTitle  *title,
                 const char    *text,
                 SamWallColumn *self)
{
  SamSession *session = get_session (self);

  if (session == NULL)
    return;
  if (!sam_wall_rename_column (session, self->column, text))
    {
      sam_wall_title_set_text (title, sam_item_get_string (self->column, "title"));
      sam_wall_page_show_message (self->page, _("A column needs a title"));
    }
}

static GMenuModel *
column_menu (SamItem *column)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = NULL;
  const char *id = sam_item_get_id (column);
  struct { const char *label; const char *action; } entries[] = {
    { N_("_Rename Column"), "wall.rename-column" },
    { N_("Move _Left"), "wall.move-column-left" },
    { N_("Move _Right"), "wall.move-column-right" },
    { N_("_Sort by Votes"), "wall.sort-column" },
    { N_("Re_move Column"), "wall.remove-column" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(entries[i].label), NULL);

      if (i == 0 || i == 3 || i == 4)
        {
          section = g_menu_new ();
          g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
          g_object_unref (section);
        }
      g_menu_item_set_action_and_target (item, entries[i].action, "s", id);
      g_menu_append_item (section, item);
    }
  return G_MENU_MODEL (menu);
}

static void
create_column_menu_cb (GtkMenuButton *button,
                       gpointer       user_data)
{
  SamWallColumn *self = user_data;
  g_autoptr(GMenuModel) model = column_menu (self->column);

  gtk_menu_button_set_menu_model (button, model);
}

/* Dragging notes */

/* Where a note dropped at (@x, @y) of the overlay goes: @position in the
 * column's notes (counted before the dragged note is taken out), into
 * @cluster (NULL: none); @marker_y is where the marker shows. */
static void
drop_place (SamWallColumn *self,
            double         x,
            double         y,
            guint         *position,
            SamItem      **cluster,
            double        *marker_y)
{
  GListStore *notes = sam_item_get_list (self->column, "notes");
  GtkWidget *picked = NULL;
  Row *row = NULL;
  double lx, ly;
  graphene_rect_t bounds;

  *position = g_list_model_get_n_items (G_LIST_MODEL (notes));
  *cluster = NULL;
  *marker_y = 0;

  if (gtk_widget_translate_coordinates (self->overlay, self->list, x, y, &lx, &ly))
    picked = gtk_widget_pick (self->list, lx, ly, GTK_PICK_DEFAULT);
  for (GtkWidget *w = picked; w != NULL && w != self->list; w = gtk_widget_get_parent (w))
    if ((row = g_object_get_data (G_OBJECT (w), "wall-row")) != NULL)
      break;

  if (row == NULL || row->item == NULL)
    {
      /* Below the last row (or an empty column): at the end. */
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
      GtkWidget *last = NULL;

      if (n > 0)
        {
          g_autoptr(SamItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), n - 1);
          guint index;

          last = sam_wall_column_get_row_widget (self, item);
          /* Below the rows the list has been told of, not below all. */
          if (sam_wall_rows_get_start (self->rows) + n < sam_wall_rows_get_items (self->rows)->len && SAM_IS_NOTE (item) &&
              g_list_store_find (notes, item, &index))
            *position = index + 1;
        }
      if (last != NULL && gtk_widget_compute_bounds (last, self->overlay, &bounds))
        *marker_y = bounds.origin.y + bounds.size.height;
      return;
    }

  if (!gtk_widget_compute_bounds (row->root, self->overlay, &bounds))
    return;

  if (SAM_IS_CLUSTER (row->item))
    {
      g_autoptr(GPtrArray) members = sam_wall_list_cluster_notes (row->item);
      guint index = 0;

      if (members->len > 0)
        g_list_store_find (notes, g_ptr_array_index (members, 0), &index);
      *position = index;
      *marker_y = bounds.origin.y;
      return;
    }
  else
    {
      gboolean after = y > bounds.origin.y + bounds.size.height / 2;
      guint index = 0;

      g_list_store_find (notes, row->item, &index);
      *position = after ? index + 1 : index;
      *cluster = sam_wall_get_note_cluster (row->item);
      *marker_y = after ? bounds.origin.y + bounds.size.height : bounds.origin.y;
    }
}

gboolean
sam_wall_column_drop_note (SamWallColumn *self,
                           SamItem       *note,
                           double         x,
                           double         y)
{
  SamSession *session = get_session (self);
  GListStore *notes;
  SamItem *cluster;
  guint position, index;
  double marker_y;
  gboolean changed;

  g_return_val_if_fail (SAM_IS_WALL_COLUMN (self), FALSE);

  gtk_widget_set_visible (self->marker, FALSE);
  if (session == NULL || !SAM_IS_NOTE (note) || sam_session_lookup (session, sam_item_get_id (note)) != note)
    return FALSE;

  notes = sam_item_get_list (self->column, "notes");
  drop_place (self, x, y, &position, &cluster, &marker_y);
  /* The core counts the position after the note has been taken out. */
  if (g_list_store_find (notes, note, &index) && index < position)
    position--;

  sam_session_begin (session, _("Move Note"));
  changed = sam_wall_move_note (session, note, self->column, position);
  /* Dropped among a cluster's notes, it joins them; elsewhere it leaves. */
  if (sam_wall_get_note_cluster (note) != cluster)
    changed |= sam_wall_set_note_cluster (session, note, cluster);
  sam_session_end (session);

  sam_wall_page_note_chosen (self->page, self, note);
  sam_wall_column_select_note (self, note, TRUE);
  return changed;
}

static GdkDragAction
note_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                SamWallColumn *self)
{
  guint position;
  SamItem *cluster;
  double marker_y;

  drop_place (self, x, y, &position, &cluster, &marker_y);
  gtk_widget_set_margin_top (self->marker, MAX (0, (int) marker_y - 2));
  gtk_widget_set_visible (self->marker, TRUE);
  return GDK_ACTION_MOVE;
}

static void
note_leave_cb (GtkDropTarget *target,
               SamWallColumn *self)
{
  gtk_widget_set_visible (self->marker, FALSE);
}

static gboolean
note_drop_cb (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              SamWallColumn *self)
{
  if (!G_VALUE_HOLDS (value, SAM_TYPE_NOTE))
    return FALSE;
  sam_wall_column_drop_note (self, g_value_get_object (value), x, y);
  return TRUE;
}

/* Dragging columns by their heading */

static GdkContentProvider *
column_drag_prepare_cb (GtkDragSource *source,
                        double         x,
                        double         y,
                        SamWallColumn *self)
{
  return gdk_content_provider_new_typed (SAM_TYPE_COLUMN, self->column);
}

static void
column_drag_begin_cb (GtkDragSource *source,
                      GdkDrag       *drag,
                      SamWallColumn *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (self->heading);

  gtk_drag_source_set_icon (source, paintable, 16, 16);
}

static void
clear_column_marks (SamWallColumn *self)
{
  gtk_widget_remove_css_class (self->box, "drop-before");
  gtk_widget_remove_css_class (self->box, "drop-after");
}

static GdkDragAction
column_motion_cb (GtkDropTarget *target,
                  double         x,
                  double         y,
                  SamWallColumn *self)
{
  gboolean after = x > gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;

  clear_column_marks (self);
  gtk_widget_add_css_class (self->box, after ? "drop-after" : "drop-before");
  return GDK_ACTION_MOVE;
}

static void
column_leave_cb (GtkDropTarget *target,
                 SamWallColumn *self)
{
  clear_column_marks (self);
}

static gboolean
column_drop_cb (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                SamWallColumn *self)
{
  SamSession *session = get_session (self);
  SamItem *dragged;
  GListStore *columns;
  guint from, to;

  clear_column_marks (self);
  if (session == NULL || !G_VALUE_HOLDS (value, SAM_TYPE_COLUMN))
    return FALSE;
  dragged = g_value_get_object (value);
  columns = sam_item_get_list (sam_item_get_parent (self->column), "columns");
  if (dragged == self->column || !g_list_store_find (columns, dragged, &from) ||
      !g_list_store_find (columns, self->column, &to))
    return FALSE;
  if (x > gtk_widget_get_width (GTK_WIDGET (self)) / 2.0)
    to++;
  if (from < to)
    to--;
  sam_wall_move_column (session, dragged, to);
  return TRUE;
}

/* Selection */

guint
sam_wall_column_find_row (SamWallColumn *self,
                          SamItem       *note)
{
  guint position;

  g_return_val_if_fail (SAM_IS_WALL_COLUMN (self), G_MAXUINT);

  return g_ptr_array_find (sam_wall_rows_get_items (self->rows), note, &position) ? position : G_MAXUINT;
}

static void
scroll_to_chosen (SamWallColumn *self)
{
  guint position = self->chosen != NULL ? sam_wall_column_find_row (self, self->chosen) : G_MAXUINT;

  if (position == G_MAXUINT || position < sam_wall_rows_get_start (self->rows) ||
      position - sam_wall_rows_get_start (self->rows) >= sam_wall_rows_exposed (self->rows))
    return;
  position -= sam_wall_rows_get_start (self->rows);
  if (self->chosen_focus)
    gtk_widget_activate_action (self->list, "list.select-item", "(ubb)", position, FALSE, FALSE);
  else
    gtk_widget_activate_action (self->list, "list.scroll-to-item", "u", position);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);

  /* Selecting does not move the focus in GTK 4.8: the keys follow the
   * note, so its row takes it (or the list, until the row is built). */
  if (self->chosen_focus)
    {
      GtkWidget *row = sam_wall_column_get_row_widget (self, self->chosen);
      GtkWidget *item = row != NULL ? gtk_widget_get_parent (gtk_widget_get_parent (row)) : NULL;

      if (item == NULL || !gtk_widget_grab_focus (item))
        gtk_widget_grab_focus (self->list);
    }
}

static void
after_paint_cb (GdkFrameClock *clock,
                SamWallColumn *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  scroll_to_chosen (self);
  g_clear_object (&self->chosen);
}

void
sam_wall_column_select_note (SamWallColumn *self,
                             SamItem       *note,
                             gboolean       focus)
{
  guint position;
  guint start, span;
  GdkFrameClock *clock;

  g_return_if_fail (SAM_IS_WALL_COLUMN (self));

  position = sam_wall_column_find_row (self, note);
  if (position == G_MAXUINT)
    return;
  start = sam_wall_rows_get_start (self->rows);
  span = sam_wall_rows_get_span (self->rows);
  sam_wall_rows_expose (self->rows, position, PAGE_ROWS);
  g_set_object (&self->chosen, note);
  self->chosen_focus = focus;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position - sam_wall_rows_get_start (self->rows), TRUE);

  /* Rows the list was just told of have no place yet to scroll to: once
   * it has laid them out. */
  clock = gtk_widget_get_frame_clock (self->list);
  if ((start != sam_wall_rows_get_start (self->rows) || span != sam_wall_rows_get_span (self->rows)) && clock != NULL &&
      gtk_widget_get_mapped (self->list))
    {
      if (self->after_paint_id == 0)
        /* Tied to the column: a column removed (and unrealized) before the
         * frame cannot be reached through the list any more to disconnect. */
        self->after_paint_id = g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                                        self, 0);
      gtk_widget_queue_resize (self->list);
      return;
    }
  scroll_to_chosen (self);
  g_clear_object (&self->chosen);
}

void
sam_wall_column_unselect_all (SamWallColumn *self)
{
  g_return_if_fail (SAM_IS_WALL_COLUMN (self));

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

GPtrArray *
sam_wall_column_get_selected_notes (SamWallColumn *self)
{
  GPtrArray *notes = g_ptr_array_new ();
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (SAM_IS_WALL_COLUMN (self), notes);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more; more = gtk_bitset_iter_next (&iter, &position))
    {
      SamItem *item = g_ptr_array_index (sam_wall_rows_get_items (self->rows), sam_wall_rows_get_start (self->rows) + position);

      if (SAM_IS_NOTE (item))
        g_ptr_array_add (notes, item);
    }
  return notes;
}

GtkWidget *
sam_wall_column_get_row_widget (SamWallColumn *self,
                                SamItem       *item)
{
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (SAM_IS_WALL_COLUMN (self), NULL);

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Row *row = key;

      if (row->item == item)
        return SAM_IS_NOTE (item) ? row->card : row->header;
    }
  return NULL;
}

void
sam_wall_column_start_rename (SamWallColumn *self)
{
  g_return_if_fail (SAM_IS_WALL_COLUMN (self));

  sam_wall_title_start_editing (SAM_WALL_TITLE (self->title));
}

/* The widget */

SamItem *
sam_wall_column_get_item (SamWallColumn *self)
{
  g_return_val_if_fail (SAM_IS_WALL_COLUMN (self), NULL);
  return self->column;
}

GtkEditable *
sam_wall_column_get_entry (SamWallColumn *self)
{
  g_return_val_if_fail (SAM_IS_WALL_COLUMN (self), NULL);
  return GTK_EDITABLE (self->entry);
}

GtkScrolledWindow *
sam_wall_column_get_scroller (SamWallColumn *self)
{
  g_return_val_if_fail (SAM_IS_WALL_COLUMN (self), NULL);
  return GTK_SCROLLED_WINDOW (self->scroller);
}

GtkListView *
sam_wall_column_get_list (SamWallColumn *self)
{
  g_return_val_if_fail (SAM_IS_WALL_COLUMN (self), NULL);
  return GTK_LIST_VIEW (self->list);
}

GListModel *
sam_wall_column_get_rows (SamWallColumn *self)
{
  g_return_val_if_fail (SAM_IS_WALL_COLUMN (self), NULL);
  return G_LIST_MODEL (self->rows);
}

guint
sam_wall_column_n_rows (SamWallColumn *self)
{
  g_return_val_if_fail (SAM_IS_WALL_COLUMN (self), 0);
  return sam_wall_rows_get_items (self->rows)->len;
}

SamItem *
sam_wall_column_peek_row (SamWallColumn *self,
                          guint          position)
{
  g_return_val_if_fail (SAM_IS_WALL_COLUMN (self), NULL);
  return position < sam_wall_rows_get_items (self->rows)->len ? g_ptr_array_index (sam_wall_rows_get_items (self->rows), position) : NULL;
}

static gboolean
show_more_cb (gpointer data)
{
  SamWallColumn *self = data;
  SamWallRows *rows = self->rows;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double left = gtk_adjustment_get_upper (adjustment) - (value + page);

  self->more_id = 0;
  if (left < page && sam_wall_rows_get_start (rows) + sam_wall_rows_get_span (rows) < sam_wall_rows_get_items (rows)->len)
    sam_wall_rows_set_window (rows, sam_wall_rows_get_start (rows), sam_wall_rows_get_span (rows) + PAGE_ROWS);
  if (value < page && sam_wall_rows_get_start (rows) > 0)
    {
      guint more = MIN (sam_wall_rows_get_start (rows), PAGE_ROWS);

      sam_wall_rows_set_window (rows, sam_wall_rows_get_start (rows) - more, sam_wall_rows_get_span (rows) + more);
    }
  return G_SOURCE_REMOVE;
}

/* Near either end of the window: widen it, after this frame. */
static void
scrolled_cb (GtkAdjustment *adjustment,
             SamWallColumn *self)
{
  SamWallRows *rows = self->rows;
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double left = gtk_adjustment_get_upper (adjustment) - (value + page);

  if (self->more_id == 0 &&
      ((left < page && sam_wall_rows_get_start (rows) + sam_wall_rows_get_span (rows) < sam_wall_rows_get_items (rows)->len) ||
       (value < page && sam_wall_rows_get_start (rows) > 0)))
    self->more_id = g_idle_add (show_more_cb, self);
}

guint
sam_wall_column_count_shown (SamWallColumn *self)
{
  g_return_val_if_fail (SAM_IS_WALL_COLUMN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

guint
sam_wall_column_count_row_widgets (void)
{
  return n_row_widgets;
}

static void
sam_wall_column_dispose (GObject *object)
{
  SamWallColumn *self = SAM_WALL_COLUMN (object);

  g_clear_handle_id (&self->more_id, g_source_remove);
  if (self->after_paint_id != 0 && self->list != NULL && gtk_widget_get_frame_clock (self->list) != NULL)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (self->list));
  g_clear_object (&self->chosen);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  self->page = NULL;

  G_OBJECT_CLASS (sam_wall_column_parent_class)->dispose (object);
}

static void
sam_wall_column_finalize (GObject *object)
{
  SamWallColumn *self = SAM_WALL_COLUMN (object);

  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->column);

  G_OBJECT_CLASS (sam_wall_column_parent_class)->finalize (object);
}

static void
sam_wall_column_class_init (SamWallColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_wall_column_dispose;
  object_class->finalize = sam_wall_column_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wallcolumn");
}

static void
sam_wall_column_init (SamWallColumn *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
}

SamWallColumn *
sam_wall_column_new (SamWallPage *page,
                     SamItem     *column)
{
  SamWallColumn *self;
  GtkListItemFactory *factory;
  GtkDragSource *drag;
  GtkDropTarget *drop;
  GtkWidget *title_box;

  g_return_val_if_fail (SAM_IS_WALL_PAGE (page), NULL);
  g_return_val_if_fail (SAM_IS_COLUMN (column), NULL);

  self = g_object_new (SAM_TYPE_WALL_COLUMN, NULL);
  self->page = page;
  self->column = g_object_ref (column);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->box, "wall-column");
  gtk_widget_set_size_request (self->box, COLUMN_WIDTH, -1);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* The heading: the title, renamed in place, a count and a menu; the
   * heading is what one drags to reorder the columns. */
  self->heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->heading, "wall-column-heading");
  title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (title_box, TRUE);
  self->title = sam_wall_title_new ();
  gtk_widget_set_hexpand (self->title, TRUE);
  gtk_widget_add_css_class (self->title, "heading");
  gtk_widget_set_tooltip_text (self->title, _("Column title (double-click to rename, drag to move)"));
  g_signal_connect (self->title, "commit", G_CALLBACK (title_commit_cb), self);
  gtk_box_append (GTK_BOX (title_box), self->title);
  self->count = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count, "wall-column-count");
  gtk_widget_set_valign (self->count, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (title_box), self->count);
  gtk_box_append (GTK_BOX (self->heading), title_box);
  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_tooltip_text (self->menu_button, _("Column Menu"));
  /* A tooltip is only a description to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column Menu"), -1);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), create_column_menu_cb, self, NULL);
  gtk_box_append (GTK_BOX (self->heading), self->menu_button);
  gtk_box_append (GTK_BOX (self->box), self->heading);

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (column_drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (column_drag_begin_cb), self);
  gtk_widget_add_controller (self->heading, GTK_EVENT_CONTROLLER (drag));
  drop = gtk_drop_target_new (SAM_TYPE_COLUMN, GDK_ACTION_MOVE);
  g_signal_connect (drop, "motion", G_CALLBACK (column_motion_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (column_leave_cb), self);
  g_signal_connect (drop, "drop", G_CALLBACK (column_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Add a note…"));
  gtk_widget_add_css_class (self->entry, "wall-column-entry");
  g_signal_connect (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->entry);

  /* The notes, filtered, in a list that builds rows only for what shows. */
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (sam_item_get_list (column, "notes"))),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->rows = sam_wall_rows_new (PAGE_ROWS);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row_cb), self);
  self->list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_widget_add_css_class (self->list, "wall-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"), -1);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->list);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                           "value-changed", G_CALLBACK (scrolled_cb), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                           "changed", G_CALLBACK (scrolled_cb), self, 0);

  self->overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), self->scroller);
  self->marker = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->marker, "wall-drop-marker");
  gtk_widget_set_valign (self->marker, GTK_ALIGN_START);
  gtk_widget_set_can_target (self->marker, FALSE);
  gtk_widget_set_visible (self->marker, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->marker);
  gtk_box_append (GTK_BOX (self->box), self->overlay);

  drop = gtk_drop_target_new (SAM_TYPE_NOTE, GDK_ACTION_MOVE);
  g_signal_connect (drop, "motion", G_CALLBACK (note_motion_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (note_leave_cb), self);
  g_signal_connect (drop, "drop", G_CALLBACK (note_drop_cb), self);
  gtk_widget_add_controller (self->overlay, GTK_EVENT_CONTROLLER (drop));

  rebuild_rows (self);
  update_heading (self);
  return self;
}
