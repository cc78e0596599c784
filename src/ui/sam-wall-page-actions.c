/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-entities.h"
#include "sam-session.h"
#include "sam-wall.h"
#include "sam-wall-page-private.h"
#include "sam-wall-private.h"
#include "sam-wall-title.h"

/* The wall page's actions (group "wall") and its keys. */

/* The item of @column's row at @i (transfer full), shown or not yet. */
static SamItem *
row_at (SamWallColumn *column,
        guint          i)
{
  SamItem *item = sam_wall_column_peek_row (column, i);

  return item != NULL ? g_object_ref (item) : NULL;
}

/* Actions */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);

  if (self->session != NULL)
    sam_session_undo (self->session);
}

static void
new_wall_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  SamItem *wall;

  if (self->session == NULL)
    return;
  wall = sam_wall_add (self->session, NULL, TRUE);
  sam_wall_page_set_wall (self, wall);
  sam_wall_title_start_editing (SAM_WALL_TITLE (self->title));
}

static void
rename_wall_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);

  if (self->wall == NULL)
    return;
  sam_wall_title_start_editing (SAM_WALL_TITLE (self->title));
}

static void
remove_wall_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  g_autofree char *message = NULL;

  if (self->wall == NULL)
    return;
  /* TRANSLATORS: a toast, with the wall's title. */
  message = g_strdup_printf (_("Wall “%s” removed"), sam_item_get_string (self->wall, "title"));
  sam_wall_remove (self->session, self->wall);
  sam_wall_page_show_undo (self, message);
}

static SamItem *
column_param (SamWallPage *self,
              GVariant    *parameter)
{
  return sam_wall_page_lookup (self, g_variant_get_string (parameter, NULL), SAM_TYPE_COLUMN);
}

static void
add_column_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  SamItem *column;
  SamWallColumn *column_widget;

  if (self->wall == NULL)
    return;
  column = sam_wall_add_column (self->session, self->wall, NULL, G_MAXUINT);
  column_widget = sam_wall_page_column_for (self, column);
  if (column_widget != NULL)
    sam_wall_column_start_rename (column_widget);
}

static void
rename_column_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  SamWallColumn *column = sam_wall_page_column_for (self, column_param (self, parameter));

  if (column != NULL)
    sam_wall_column_start_rename (column);
}

static void
move_column_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  SamItem *column = column_param (self, parameter);
  guint index = column != NULL ? sam_wall_page_column_index (self, column) : G_MAXUINT;
  gboolean left = g_str_has_suffix (action_name, "left");

  if (index == G_MAXUINT || (left && index == 0))
    return;
  sam_wall_move_column (self->session, column, left ? index - 1 : index + 1);
}

static void
sort_column_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  SamItem *column = column_param (self, parameter);

  if (column != NULL && !sam_wall_sort_by_votes (self->session, column))
    sam_wall_page_show_message (self, _("The notes are in order of votes already"));
}

static void
remove_column_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  SamItem *column = column_param (self, parameter);
  g_autofree char *message = NULL;

  if (column == NULL)
    return;
  /* TRANSLATORS: a toast, with the column's title. */
  message = g_strdup_printf (_("Column “%s” removed"), sam_item_get_string (column, "title"));
  sam_wall_remove_column (self->session, column);
  sam_wall_page_show_undo (self, message);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);

  if (self->selected != NULL)
    sam_wall_page_start_editing (self, self->selected);
}

static void
apply_edit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);

  sam_wall_page_apply_editor (self);
}

static void
cancel_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);

  sam_wall_page_close_editor (self);
}

static void
remove_note_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  g_autoptr(SamItem) note = self->selected != NULL ? g_object_ref (self->selected) : NULL;
  SamWallColumn *column;
  SamWallColumn *rows;
  guint position;
  g_autoptr(SamItem) next = NULL;

  if (note == NULL)
    return;
  column = sam_wall_page_column_for (self, sam_item_get_parent (note));
  /* The selection goes to the note below (or above), to go on with keys. */
  if (column != NULL)
    {
      rows = column;
      position = sam_wall_column_find_row (column, note);
      for (guint i = position + 1; position != G_MAXUINT && i < sam_wall_column_n_rows (rows) && next == NULL; i++)
        {
          g_autoptr(SamItem) item = row_at (rows, i);
          if (SAM_IS_NOTE (item))
            next = g_steal_pointer (&item);
        }
      for (guint i = position; position != G_MAXUINT && i-- > 0 && next == NULL;)
        {
          g_autoptr(SamItem) item = row_at (rows, i);
          if (SAM_IS_NOTE (item))
            next = g_steal_pointer (&item);
        }
    }
  sam_wall_remove_note (self->session, note);
  sam_wall_page_show_undo (self, _("Note removed"));
  if (next != NULL)
    sam_wall_page_select (self, next);
  else
    {
      g_clear_object (&self->selected);
      sam_wall_page_update_actions (self);
    }
}

static void
vote_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);

  if (self->selected == NULL)
    return;
  if (g_str_equal (action_name, "wall.vote"))
    sam_wall_add_vote (self->session, self->selected);
  else
    sam_wall_remove_vote (self->session, self->selected);
}

static void
note_color_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->selected == NULL)
    return;
  for (int color = SAM_NOTE_COLOR_YELLOW; color <= SAM_NOTE_COLOR_PURPLE; color++)
    if (g_str_equal (name, sam_note_color_to_class (color)))
      sam_wall_set_note_color (self->session, self->selected, color);
}

static void
note_perspective_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (self->selected != NULL)
    sam_wall_set_note_perspective (self->session, self->selected, id[0] != '\0' ? id : NULL);
}

static void
toggle_hidden_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);

  if (self->selected != NULL)
    sam_wall_set_note_hidden (self->session, self->selected,
                              !sam_item_get_boolean (self->selected, "hidden"));
}

static void
leave_cluster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);

  if (self->selected != NULL)
    sam_wall_set_note_cluster (self->session, self->selected, NULL);
}

/* The row of @note moved by @delta, in the shown rows of its column,
 * skipping cluster headers; NULL at either end. */
static SamItem *
neighbour_note (SamWallColumn *column,
                SamItem       *note,
                int            delta)
{
  SamWallColumn *rows = (column);
  guint n = sam_wall_column_n_rows (rows);
  guint position = sam_wall_column_find_row (column, note);

  if (position == G_MAXUINT)
    return NULL;
  for (gint64 i = (gint64) position + delta; i >= 0 && i < n; i += delta)
    {
      SamItem *item = row_at (rows, i);

      if (SAM_IS_NOTE (item))
        return item;
      g_object_unref (item);
    }
  return NULL;
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  const char *direction = g_variant_get_string (parameter, NULL);
  SamWallColumn *column;
  g_autoptr(SamItem) target = NULL;
  guint index;

  if (self->selected == NULL)
    {
      /* Nothing chosen yet: the first note shown. */
      for (guint i = 0; i < self->columns->len && target == NULL; i++)
        {
          SamWallColumn *rows = (g_ptr_array_index (self->columns, i));

          for (guint j = 0; j < sam_wall_column_n_rows (rows) && target == NULL; j++)
            {
              g_autoptr(SamItem) item = row_at (rows, j);
              if (SAM_IS_NOTE (item))
                target = g_steal_pointer (&item);
            }
        }
    }
  else if (g_str_equal (direction, "up") || g_str_equal (direction, "down"))
    {
      column = sam_wall_page_column_for (self, sam_item_get_parent (self->selected));
      if (column != NULL)
        target = neighbour_note (column, self->selected, g_str_equal (direction, "up") ? -1 : 1);
    }
  else
    {
      int delta = g_str_equal (direction, "left") ? -1 : 1;
      guint row;

      index = sam_wall_page_column_index (self, sam_item_get_parent (self->selected));
      column = index != G_MAXUINT ? g_ptr_array_index (self->columns, index) : NULL;
      row = column != NULL ? sam_wall_column_find_row (column, self->selected) : 0;
      /* The nearest column with notes shown, at about the same height. */
      for (gint64 i = (gint64) index + delta; index != G_MAXUINT && i >= 0 && i < self->columns->len && target == NULL; i += delta)
        {
          SamWallColumn *rows = (g_ptr_array_index (self->columns, i));
          guint n = sam_wall_column_n_rows (rows);

          if (n == 0)
            continue;
          for (guint j = MIN (row, n - 1) + 1; j-- > 0 && target == NULL;)
            {
              g_autoptr(SamItem) item = row_at (rows, j);
              if (SAM_IS_NOTE (item))
                target = g_steal_pointer (&item);
            }
          for (guint j = MIN (row, n - 1); j < n && target == NULL; j++)
            {
              g_autoptr(SamItem) item = row_at (rows, j);
              if (SAM_IS_NOTE (item))
                target = g_steal_pointer (&item);
            }
        }
    }

  if (target != NULL)
    sam_wall_page_select (self, target);
  else
    gtk_widget_error_bell (widget);
}

static void
move_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  const char *direction = g_variant_get_string (parameter, NULL);
  g_autoptr(SamItem) note = self->selected != NULL ? g_object_ref (self->selected) : NULL;
  SamItem *column;
  GListStore *notes;
  guint index, column_index;
  gboolean moved = FALSE;

  if (note == NULL)
    return;
  column = sam_item_get_parent (note);
  notes = sam_item_get_list (column, "notes");
  if (!g_list_store_find (notes, note, &index))
    return;
  column_index = sam_wall_page_column_index (self, column);

  if (g_str_equal (direction, "up") || g_str_equal (direction, "down"))
    {
      SamWallColumn *widget_column = sam_wall_page_column_for (self, column);
      g_autoptr(SamItem) other = widget_column != NULL ?
        neighbour_note (widget_column, note, g_str_equal (direction, "up") ? -1 : 1) : NULL;
      guint other_index;

      /* Past the next note shown (a search may hide the ones between). */
      if (other != NULL && g_list_store_find (notes, other, &other_index))
        {
          SamItem *cluster = sam_wall_get_note_cluster (other);

          sam_session_begin (self->session, _("Move Note"));
          moved = sam_wall_move_note (self->session, note, column, other_index);
          /* Moving past a clustered note takes the note into its cluster,
           * as the list shows it among that cluster's notes. */
          if (sam_wall_get_note_cluster (note) != cluster)
            moved |= sam_wall_set_note_cluster (self->session, note, cluster);
          sam_session_end (self->session);
        }
    }
  else if (column_index != G_MAXUINT)
    {
      int delta = g_str_equal (direction, "left") ? -1 : 1;
      gint64 target = (gint64) column_index + delta;

      if (target >= 0 && target < self->columns->len)
        {
          SamItem *to = sam_wall_column_get_item (g_ptr_array_index (self->columns, target));
          guint n = g_list_model_get_n_items (G_LIST_MODEL (sam_item_get_list (to, "notes")));

          moved = sam_wall_move_note (self->session, note, to, MIN (index, n));
        }
    }

  if (moved)
    sam_wall_page_select (self, note);
  else
    gtk_widget_error_bell (widget);
}

static SamWallColumn *
selected_column (SamWallPage *self)
{
  return self->selected != NULL ? sam_wall_page_column_for (self, sam_item_get_parent (self->selected)) : NULL;
}

static void
cluster_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  SamWallColumn *column = selected_column (self);
  g_autoptr(GPtrArray) notes = NULL;
  SamItem *cluster;

  if (column == NULL)
    return;
  notes = sam_wall_column_get_selected_notes (column);
  if (notes->len == 0)
    g_ptr_array_add (notes, self->selected);
  /* A default title, renamed in place at once: grouping is the point,
   * and the title may come later. */
  cluster = sam_wall_cluster_notes (self->session, (SamItem * const *) notes->pdata, notes->len, NULL);
  if (cluster != NULL)
    sam_wall_page_rename_cluster (self, cluster);
}

static void
rename_cluster_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  SamItem *cluster = sam_wall_page_lookup (self, g_variant_get_string (parameter, NULL), SAM_TYPE_CLUSTER);

  if (cluster != NULL)
    sam_wall_page_rename_cluster (self, cluster);
}

static void
uncluster_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  SamItem *cluster = sam_wall_page_lookup (self, g_variant_get_string (parameter, NULL), SAM_TYPE_CLUSTER);

  if (cluster != NULL)
    sam_wall_uncluster (self->session, cluster);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);

  gtk_widget_grab_focus (self->search);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamWallPage *self = SAM_WALL_PAGE (widget);
  guint n;
  g_autofree char *message = NULL;

  if (self->wall == NULL)
    return;
  n = sam_wall_reveal (self->session, self->wall);
  if (n > 0)
    {
      message = g_strdup_printf (ngettext ("%u note revealed", "%u notes revealed", n), n);
      sam_wall_page_show_undo (self, message);
    }
}

/* Keys */

/* Keys act on notes when the focus is among the notes: not in text, and
 * not on the bar's controls, whose arrows are their own. */
static gboolean
focus_among_notes (SamWallPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus) || GTK_IS_EDITABLE (focus))
    return FALSE;
  return focus == NULL || focus == GTK_WIDGET (self) ||
         gtk_widget_is_ancestor (focus, self->columns_box);
}

gboolean
sam_wall_page_key_pressed_cb (GtkEventControllerKey *controller,
                              guint                  keyval,
                              guint                  keycode,
                              GdkModifierType        state,
                              SamWallPage           *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK);
  const char *direction = NULL;

  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_f || keyval == GDK_KEY_F))
    return gtk_widget_activate_action (widget, "wall.search", NULL);
  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_g || keyval == GDK_KEY_G))
    return self->selected != NULL && gtk_widget_activate_action (widget, "wall.cluster", NULL);

  if (!focus_among_notes (self) || self->selected == NULL)
    {
      /* From nowhere, arrows start at the first note. */
      if (focus_among_notes (self) && mods == 0 &&
          (keyval == GDK_KEY_Down || keyval == GDK_KEY_Up || keyval == GDK_KEY_Left || keyval == GDK_KEY_Right))
        return gtk_widget_activate_action (widget, "wall.select-note", "s", "down");
      return FALSE;
    }

  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: direction = "up"; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: direction = "down"; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: direction = "left"; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: direction = "right"; break;
    default: break;
    }
  if (direction != NULL && mods == GDK_ALT_MASK)
    return gtk_widget_activate_action (widget, "wall.move-note", "s", direction);
  if (direction != NULL && mods == 0)
    return gtk_widget_activate_action (widget, "wall.select-note", "s", direction);

  if ((keyval == GDK_KEY_F10 && mods == GDK_SHIFT_MASK) || (keyval == GDK_KEY_Menu && mods == 0))
    {
      sam_wall_page_popup_note_menu (self, self->selected);
      return TRUE;
    }
  if (mods & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_F2:
      return gtk_widget_activate_action (widget, "wall.edit-note", NULL);
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      return gtk_widget_activate_action (widget, "wall.remove-note", NULL);
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
      return gtk_widget_activate_action (widget, "wall.vote", NULL);
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      return gtk_widget_activate_action (widget, "wall.unvote", NULL);
    default:
      return FALSE;
    }
}

void
sam_wall_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "wall.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "wall.new-wall", NULL, new_wall_action);
  gtk_widget_class_install_action (widget_class, "wall.rename-wall", NULL, rename_wall_action);
  gtk_widget_class_install_action (widget_class, "wall.remove-wall", NULL, remove_wall_action);
  gtk_widget_class_install_action (widget_class, "wall.add-column", NULL, add_column_action);
  gtk_widget_class_install_action (widget_class, "wall.rename-column", "s", rename_column_action);
  gtk_widget_class_install_action (widget_class, "wall.move-column-left", "s", move_column_action);
  gtk_widget_class_install_action (widget_class, "wall.move-column-right", "s", move_column_action);
  gtk_widget_class_install_action (widget_class, "wall.sort-column", "s", sort_column_action);
  gtk_widget_class_install_action (widget_class, "wall.remove-column", "s", remove_column_action);
  gtk_widget_class_install_action (widget_class, "wall.edit-note", NULL, edit_note_action);
  gtk_widget_class_install_action (widget_class, "wall.apply-edit", NULL, apply_edit_action);
  gtk_widget_class_install_action (widget_class, "wall.cancel-edit", NULL, cancel_edit_action);
  gtk_widget_class_install_action (widget_class, "wall.remove-note", NULL, remove_note_action);
  gtk_widget_class_install_action (widget_class, "wall.vote", NULL, vote_action);
  gtk_widget_class_install_action (widget_class, "wall.unvote", NULL, vote_action);
  gtk_widget_class_install_action (widget_class, "wall.note-color", "s", note_color_action);
  gtk_widget_class_install_action (widget_class, "wall.note-perspective", "s", note_perspective_action);
  gtk_widget_class_install_action (widget_class, "wall.toggle-hidden", NULL, toggle_hidden_action);
  gtk_widget_class_install_action (widget_class, "wall.leave-cluster", NULL, leave_cluster_action);
  gtk_widget_class_install_action (widget_class, "wall.select-note", "s", select_action);
  gtk_widget_class_install_action (widget_class, "wall.move-note", "s", move_note_action);
  gtk_widget_class_install_action (widget_class, "wall.cluster", NULL, cluster_action);
  gtk_widget_class_install_action (widget_class, "wall.rename-cluster", "s", rename_cluster_action);
  gtk_widget_class_install_action (widget_class, "wall.uncluster", "s", uncluster_action);
  gtk_widget_class_install_action (widget_class, "wall.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "wall.reveal", NULL, reveal_action);
  gtk_widget_class_install_property_action (widget_class, "wall.collect-hidden", "collect-hidden");
}
