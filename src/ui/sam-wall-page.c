/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-entities.h"
#include "sam-session.h"
#include "sam-wall.h"
#include "sam-wall-page-private.h"
#include "sam-wall-private.h"
#include "sam-wall-title.h"
#include "sam-window.h"


G_DEFINE_FINAL_TYPE (SamWallPage, sam_wall_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COLLECT_HIDDEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_all (SamWallPage *self);
static void sync_columns (SamWallPage *self);

/* Colours */

const char *
sam_note_color_to_label (int color)
{
  switch (color)
    {
    case SAM_NOTE_COLOR_PINK: return C_("note color", "Pink");
    case SAM_NOTE_COLOR_BLUE: return C_("note color", "Blue");
    case SAM_NOTE_COLOR_GREEN: return C_("note color", "Green");
    case SAM_NOTE_COLOR_ORANGE: return C_("note color", "Orange");
    case SAM_NOTE_COLOR_PURPLE: return C_("note color", "Purple");
    case SAM_NOTE_COLOR_YELLOW:
    default: return C_("note color", "Yellow");
    }
}

const char *
sam_note_color_to_class (int color)
{
  static const char * const classes[] = { "yellow", "pink", "blue", "green", "orange", "purple" };

  return color >= 0 && color < (int) G_N_ELEMENTS (classes) ? classes[color] : classes[0];
}

/* Helpers */

static SamWindow *
get_window (SamWallPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return SAM_IS_WINDOW (root) ? SAM_WINDOW (root) : NULL;
}

void
sam_wall_page_show_message (SamWallPage *self,
                            const char  *text)
{
  SamWindow *window = get_window (self);
  AdwToast *toast;
  g_autofree char *escaped = NULL;

  if (window != NULL)
    {
      sam_window_add_message (window, text);
      return;
    }
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
}

void
sam_wall_page_show_undo (SamWallPage *self,
                         const char  *text)
{
  SamWindow *window = get_window (self);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (window != NULL)
    {
      sam_window_add_undo_toast (window, text);
      return;
    }
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "wall.undo");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
}

SamSession *
sam_wall_page_peek_session (SamWallPage *self)
{
  return self->session;
}

SamWallColumn *
sam_wall_page_column_for (SamWallPage *self,
                   SamItem     *column)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      SamWallColumn *widget = g_ptr_array_index (self->columns, i);

      if (sam_wall_column_get_item (widget) == column)
        return widget;
    }
  return NULL;
}

guint
sam_wall_page_column_index (SamWallPage *self,
                 SamItem     *column)
{
  for (guint i = 0; i < self->columns->len; i++)
    if (sam_wall_column_get_item (g_ptr_array_index (self->columns, i)) == column)
      return i;
  return G_MAXUINT;
}

SamItem *
sam_wall_page_lookup (SamWallPage *self,
        const char  *id,
        GType        type)
{
  SamItem *item;

  if (self->session == NULL || id == NULL)
    return NULL;
  item = sam_session_lookup (self->session, id);
  return item != NULL && G_TYPE_CHECK_INSTANCE_TYPE (item, type) ? item : NULL;
}

gboolean
sam_wall_page_has_item (SamWallPage *self,
               SamItem     *item)
{
  return item != NULL && self->session != NULL &&
         sam_session_lookup (self->session, sam_item_get_id (item)) == item;
}

/* Filter */

gboolean
sam_wall_page_note_passes (SamWallPage *self,
                           SamItem     *note)
{
  return sam_wall_note_matches (note, self->query, self->perspective);
}

static gboolean
is_filtering (SamWallPage *self)
{
  return (self->query != NULL && !sam_search_is_empty (self->query)) ||
         (self->perspective != NULL && self->perspective[0] != '\0');
}

static void
update_count (SamWallPage *self)
{
  guint total = self->wall != NULL ? sam_wall_count_notes (self->wall) : 0;
  guint shown = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->columns->len; i++)
    shown += sam_wall_column_count_shown (g_ptr_array_index (self->columns, i));

  if (is_filtering (self))
    /* TRANSLATORS: how many notes the search finds, e.g. "12 of 240 notes". */
    text = g_strdup_printf (ngettext ("%u of %u note", "%u of %u notes", total), shown, total);
  else
    text = g_strdup_printf (ngettext ("%u note", "%u notes", total), total);
  gtk_label_set_text (GTK_LABEL (self->count), text);
}

static void
refilter (SamWallPage *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    sam_wall_column_refilter (g_ptr_array_index (self->columns, i));
  update_count (self);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   SamWallPage    *self)
{
  g_clear_pointer (&self->query, sam_search_free);
  self->query = sam_search_new (gtk_editable_get_text (GTK_EDITABLE (entry)));
  refilter (self);
}

static void
perspective_selected_cb (GObject     *object,
                         GParamSpec  *pspec,
                         SamWallPage *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (object));

  if (self->syncing)
    return;
  g_clear_pointer (&self->perspective, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected - 1 < self->perspective_ids->len)
    self->perspective = g_strdup (g_ptr_array_index (self->perspective_ids, selected - 1));
  refilter (self);
}

static void
sync_perspectives (SamWallPage *self)
{
  GListModel *perspectives = G_LIST_MODEL (sam_session_get_perspectives (self->session));
  guint n = g_list_model_get_n_items (perspectives);
  GString *key = g_string_new (NULL);
  g_autoptr(GtkStringList) names = NULL;
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, i);

      g_string_append_printf (key, "%s\n%s\n", sam_item_get_id (perspective),
                              sam_item_get_string (perspective, "name"));
    }
  if (g_strcmp0 (key->str, self->perspectives_key) == 0)
    {
      g_string_free (key, TRUE);
      return;
    }
  g_free (self->perspectives_key);
  self->perspectives_key = g_string_free (key, FALSE);

  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("All Perspectives"));
  g_ptr_array_set_size (self->perspective_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, i);

      gtk_string_list_append (names, sam_item_get_string (perspective, "name"));
      g_ptr_array_add (self->perspective_ids, g_strdup (sam_item_get_id (perspective)));
      if (g_strcmp0 (self->perspective, sam_item_get_id (perspective)) == 0)
        selected = i + 1;
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->perspective_dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->perspective_dropdown), selected);
  self->syncing = FALSE;
  if (selected == 0 && self->perspective != NULL)
    {
      g_clear_pointer (&self->perspective, g_free);
      refilter (self);
    }
}

/* Walls and columns */

static void
sync_wall_dropdown (SamWallPage *self)
{
  guint position;

  if (self->session == NULL)
    return;
  self->syncing = TRUE;
  if (self->wall != NULL && g_list_store_find (sam_session_get_walls (self->session), self->wall, &position))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->wall_dropdown), position);
  self->syncing = FALSE;
}

/* Takes the editor, the note menu and the cluster renamer off @column
 * (NULL: off any column) before it goes: a list view does not let go of
 * popovers set on it, and would leave them pointing at freed memory. */
static void
release_popovers (SamWallPage *self,
                  GtkWidget   *column)
{
  GtkWidget *popovers[] = { self->editor, self->note_menu, self->renamer };

  for (guint i = 0; i < G_N_ELEMENTS (popovers); i++)
    {
      GtkWidget *parent = popovers[i] != NULL ? gtk_widget_get_parent (popovers[i]) : NULL;

      if (parent == NULL || (column != NULL && parent != column && !gtk_widget_is_ancestor (parent, column)))
        continue;
      gtk_popover_popdown (GTK_POPOVER (popovers[i]));
      gtk_widget_unparent (popovers[i]);
    }
}

/* Shows the wall's columns in its order, making the new ones (added to
 * @made, when given) and dropping those gone. */
static void
sync_columns_full (SamWallPage *self,
                   GHashTable  *made)
{
  GListModel *columns;
  guint n;
  g_autoptr(GPtrArray) keep = NULL;
  GtkWidget *previous = NULL;

  if (self->wall == NULL)
    {
      release_popovers (self, NULL);
      for (guint i = 0; i < self->columns->len; i++)
        gtk_box_remove (GTK_BOX (self->columns_box), g_ptr_array_index (self->columns, i));
      g_ptr_array_set_size (self->columns, 0);
      return;
    }

  columns = G_LIST_MODEL (sam_item_get_list (self->wall, "columns"));
  n = g_list_model_get_n_items (columns);
  keep = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamItem) column = g_list_model_get_item (columns, i);
      SamWallColumn *widget = sam_wall_page_column_for (self, column);

      if (widget == NULL)
        {
          widget = sam_wall_column_new (self, column);
          if (made != NULL)
            g_hash_table_add (made, widget);
          gtk_box_insert_child_after (GTK_BOX (self->columns_box), GTK_WIDGET (widget), previous);
        }
      else
        gtk_box_reorder_child_after (GTK_BOX (self->columns_box), GTK_WIDGET (widget), previous);
      g_ptr_array_add (keep, g_object_ref (widget));
      previous = GTK_WIDGET (widget);
    }
  for (guint i = 0; i < self->columns->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->columns, i);

      if (!g_ptr_array_find (keep, widget, NULL))
        {
          release_popovers (self, widget);
          gtk_box_remove (GTK_BOX (self->columns_box), widget);
        }
    }
  g_ptr_array_set_size (self->columns, 0);
  for (guint i = 0; i < keep->len; i++)
    g_ptr_array_add (self->columns, g_object_ref (g_ptr_array_index (keep, i)));
}

static void
sync_columns (SamWallPage *self)
{
  sync_columns_full (self, NULL);
}

void
sam_wall_page_update_actions (SamWallPage *self)
{
  gboolean has_wall = self->wall != NULL;
  gboolean has_note = self->selected != NULL;
  guint hidden = has_wall ? sam_wall_count_hidden (self->wall) : 0;
  g_autofree char *reveal = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wall.rename-wall", has_wall);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wall.remove-wall", has_wall);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wall.add-column", has_wall);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wall.reveal", hidden > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wall.edit-note", has_note);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wall.remove-note", has_note);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wall.vote", has_note);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wall.unvote",
                                 has_note && sam_item_get_int (self->selected, "votes") > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wall.move-note", has_note);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wall.cluster", has_note);

  /* TRANSLATORS: the button that shows the hidden notes, with how many. */
  reveal = g_strdup_printf (_("Reveal (%u)"), hidden);
  gtk_button_set_label (GTK_BUTTON (self->reveal_button), reveal);
  if (hidden > 0)
    gtk_widget_add_css_class (self->reveal_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->reveal_button, "suggested-action");
}

static void
update_all (SamWallPage *self)
{
  g_autoptr(GHashTable) made = NULL;

  if (self->session == NULL)
    return;

  /* The wall shown may have gone (removed, or undone). */
  if (self->wall != NULL && !sam_wall_page_has_item (self, self->wall))
    g_clear_object (&self->wall);
  if (self->wall == NULL && g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_walls (self->session))) > 0)
    self->wall = g_list_model_get_item (G_LIST_MODEL (sam_session_get_walls (self->session)), 0);
  if (self->selected != NULL &&
      (!sam_wall_page_has_item (self, self->selected) || self->wall == NULL ||
       sam_item_get_parent (sam_item_get_parent (self->selected)) != self->wall))
    g_clear_object (&self->selected);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), self->wall != NULL ? "wall" : "empty");
  /* With one wall the title says which; the chooser shows once there are
   * walls to choose from. */
  gtk_widget_set_visible (self->wall_dropdown,
                          g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_walls (self->session))) > 1);
  gtk_widget_set_visible (self->title, self->wall != NULL);
  if (self->wall != NULL)
    sam_wall_title_set_text (SAM_WALL_TITLE (self->title), sam_item_get_string (self->wall, "title"));

  sync_perspectives (self);
  sync_wall_dropdown (self);
  made = g_hash_table_new (NULL, NULL);
  sync_columns_full (self, made);
  for (guint i = 0; i < self->columns->len; i++)
    {
      SamWallColumn *column = g_ptr_array_index (self->columns, i);

      /* A column just made shows the notes as they are. */
      if (g_hash_table_contains (made, column))
        continue;
      /* A note's text may have changed under an active search. */
      if (is_filtering (self))
        sam_wall_column_refilter (column);
      sam_wall_column_update (column);
    }
  update_count (self);
  sam_wall_page_update_actions (self);
}

static void
committed_cb (SamSession         *session,
              const char * const *ops,
              SamWallPage        *self)
{
  update_all (self);
}

static void
wall_selected_cb (GObject     *object,
                  GParamSpec  *pspec,
                  SamWallPage *self)
{
  g_autoptr(SamItem) wall = NULL;

  if (self->syncing || self->session == NULL)
    return;
  wall = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (object));
  if (wall != NULL)
    g_object_ref (wall);
  if (wall != NULL && wall != self->wall)
    sam_wall_page_set_wall (self, wall);
}

static void
wall_title_commit_cb (SamWallTitle *title,
                      const char   *text,
                      SamWallPage  *self)
{
  if (self->wall == NULL)
    return;
  if (!sam_wall_rename (self->session, self->wall, text))
    {
      sam_wall_title_set_text (title, sam_item_get_string (self->wall, "title"));
      sam_wall_page_show_message (self, _("A wall needs a title"));
    }
}

/* Notes */

gboolean
sam_wall_page_add_typed_note (SamWallPage   *self,
                              SamWallColumn *column,
                              const char    *text)
{
  SamItem *item = sam_wall_column_get_item (column);
  guint index = sam_wall_page_column_index (self, item);
  SamItem *note;

  if (self->session == NULL)
    return FALSE;
  /* Each column has its own colour by default, so that the columns read
   * apart at a glance; the menu changes a note's colour. A note typed while
   * a perspective is filtered has that perspective, or it would vanish. */
  note = sam_wall_add_note (self->session, item, G_MAXUINT, text,
                            (SamNoteColor) (index % (SAM_NOTE_COLOR_PURPLE + 1)),
                            self->perspective, self->collect_hidden);
  if (note == NULL)
    return FALSE;
  /* A note the search would hide must not vanish as it is typed: the
   * search gives way. */
  if (!sam_wall_page_note_passes (self, note))
    {
      g_clear_pointer (&self->query, sam_search_free);
      self->query = sam_search_new (NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->search), "");
      refilter (self);
    }
  g_set_object (&self->selected, note);
  for (guint i = 0; i < self->columns->len; i++)
    sam_wall_column_unselect_all (g_ptr_array_index (self->columns, i));
  sam_wall_column_select_note (column, note, FALSE);
  sam_wall_page_update_actions (self);
  return TRUE;
}

void
sam_wall_page_note_chosen (SamWallPage   *self,
                           SamWallColumn *column,
                           SamItem       *note)
{
  g_set_object (&self->selected, note);
  /* A selection stays in one column, where clusters are made. */
  for (guint i = 0; i < self->columns->len; i++)
    if (g_ptr_array_index (self->columns, i) != column)
      sam_wall_column_unselect_all (g_ptr_array_index (self->columns, i));
  sam_wall_page_update_actions (self);
}

GMenuModel *
sam_wall_page_note_menu (SamWallPage *self,
                         SamItem     *note)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) colors = g_menu_new ();
  g_autoptr(GMenu) perspectives = g_menu_new ();
  g_autoptr(GMenu) last = g_menu_new ();
  GListModel *list = G_LIST_MODEL (sam_session_get_perspectives (self->session));
  g_autoptr(GMenuItem) none = NULL;

  g_menu_append (edit, _("_Edit"), "wall.edit-note");
  g_menu_append (edit, _("_Vote"), "wall.vote");
  g_menu_append (edit, _("Remove V_ote"), "wall.unvote");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  for (int color = SAM_NOTE_COLOR_YELLOW; color <= SAM_NOTE_COLOR_PURPLE; color++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (sam_note_color_to_label (color), NULL);

      g_menu_item_set_action_and_target (item, "wall.note-color", "s", sam_note_color_to_class (color));
      g_menu_append_item (colors, item);
    }
  g_menu_append_submenu (menu, _("_Color"), G_MENU_MODEL (colors));

  none = g_menu_item_new (C_("perspective", "None"), NULL);
  g_menu_item_set_action_and_target (none, "wall.note-perspective", "s", "");
  g_menu_append_item (perspectives, none);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (list, i);
      /* Menu labels read "_" as a mnemonic: "Year_7" is a name. */
      g_auto(GStrv) parts = g_strsplit (sam_item_get_string (perspective, "name"), "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "wall.note-perspective", "s", sam_item_get_id (perspective));
      g_menu_append_item (perspectives, item);
    }
  g_menu_append_submenu (menu, _("_Perspective"), G_MENU_MODEL (perspectives));

  g_menu_append (last, sam_item_get_boolean (note, "hidden") ? _("_Show on Stage") : _("_Hide"),
                 "wall.toggle-hidden");
  if (sam_wall_get_note_cluster (note) != NULL)
    g_menu_append (last, _("_Leave Cluster"), "wall.leave-cluster");
  g_menu_append (last, _("Re_move Note"), "wall.remove-note");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (last));
  return G_MENU_MODEL (menu);
}

/* The editor */

void
sam_wall_page_close_editor (SamWallPage *self)
{
  g_clear_object (&self->edited);
  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    gtk_popover_popdown (GTK_POPOVER (self->editor));
}

gboolean
sam_wall_page_apply_editor (SamWallPage *self)
{
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  SamItem *note = self->edited;

  if (note == NULL)
    return TRUE;
  if (!sam_wall_page_has_item (self, note))
    {
      sam_wall_page_close_editor (self);
      return TRUE;
    }
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strstrip (text)[0] == '\0')
    {
      /* Removing is its own command, with its own undo; emptying is a slip. */
      gtk_label_set_text (GTK_LABEL (self->editor_error), _("A note cannot be empty. Use Delete to remove it."));
      gtk_widget_set_visible (self->editor_error, TRUE);
      gtk_widget_error_bell (self->editor_view);
      return FALSE;
    }
  if (g_strcmp0 (text, sam_item_get_string (note, "text")) != 0)
    sam_wall_set_note_text (self->session, note, text);
  sam_wall_page_close_editor (self);
  return TRUE;
}

static void
editor_closed_cb (GtkPopover  *popover,
                  SamWallPage *self)
{
  SamItem *note = g_steal_pointer (&self->edited);

  /* A click elsewhere (or Save) keeps what was typed, as the focus moving
   * on does everywhere else; only Escape (editor_key_cb) cancels. A blank
   * text is not applied: the note keeps its words. */
  if (note != NULL && sam_wall_page_has_item (self, note))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor_view));
      g_autofree char *text = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strstrip (text)[0] != '\0' && g_strcmp0 (text, sam_item_get_string (note, "text")) != 0)
        sam_wall_set_note_text (self->session, note, text);
    }
  if (note != NULL)
    {
      sam_wall_page_select (self, note);
      g_object_unref (note);
    }
  else if (self->selected != NULL)
    sam_wall_page_select (self, self->selected);
}

static gboolean
editor_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               SamWallPage           *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      SamItem *note = self->edited != NULL ? g_object_ref (self->edited) : NULL;

      sam_wall_page_close_editor (self);
      if (note != NULL && sam_wall_page_has_item (self, note))
        sam_wall_page_select (self, note);
      g_clear_object (&note);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && !(state & GDK_SHIFT_MASK))
    {
      SamItem *note = self->edited != NULL ? g_object_ref (self->edited) : NULL;

      if (sam_wall_page_apply_editor (self) && note != NULL)
        sam_wall_page_select (self, note);
      g_clear_object (&note);
      return TRUE;
    }
  return FALSE;
}

static void
ensure_editor (SamWallPage *self)
{
  GtkWidget *box, *scroller, *hint;
  GtkEventController *keys;

  if (self->editor != NULL)
    return;

  /* The page keeps it: its column (its parent) may go while it is away. */
  self->editor = g_object_ref_sink (gtk_popover_new ());
  gtk_widget_add_css_class (self->editor, "wall-editor");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 80);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 300);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_size_request (scroller, 320, -1);
  self->editor_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->editor_view), FALSE);
  gtk_widget_add_css_class (self->editor_view, "wall-editor-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note text"), -1);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (editor_key_cb), self);
  gtk_widget_add_controller (self->editor_view, keys);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->editor_view);
  gtk_box_append (GTK_BOX (box), scroller);
  self->editor_error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->editor_error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->editor_error), 0);
  gtk_widget_add_css_class (self->editor_error, "error");
  gtk_widget_set_visible (self->editor_error, FALSE);
  gtk_box_append (GTK_BOX (box), self->editor_error);
  hint = gtk_label_new (_("Enter applies, Shift+Enter starts a new line, Escape cancels"));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), hint);
  gtk_popover_set_child (GTK_POPOVER (self->editor), box);
  g_signal_connect (self->editor, "closed", G_CALLBACK (editor_closed_cb), self);
}

/* Renaming a cluster */

static void
renamer_activate_cb (GtkEntry    *entry,
                     SamWallPage *self)
{
  g_autoptr(SamItem) cluster = self->renamed != NULL ? g_object_ref (self->renamed) : NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (cluster == NULL || !sam_wall_page_has_item (self, cluster))
    {
      gtk_popover_popdown (GTK_POPOVER (self->renamer));
      return;
    }
  if (trimmed[0] == '\0' ||
      (g_strcmp0 (text, sam_item_get_string (cluster, "title")) != 0 &&
       !sam_wall_rename_cluster (self->session, cluster, text)))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }
  g_clear_object (&self->renamed);
  gtk_popover_popdown (GTK_POPOVER (self->renamer));
}

static void
renamer_closed_cb (GtkPopover  *popover,
                   SamWallPage *self)
{
  g_clear_object (&self->renamed);
  if (self->selected != NULL)
    sam_wall_page_select (self, self->selected);
}

static void
ensure_renamer (SamWallPage *self)
{
  GtkWidget *box, *label;

  if (self->renamer != NULL)
    return;
  self->renamer = g_object_ref_sink (gtk_popover_new ());
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new (_("Cluster Title"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  self->renamer_entry = gtk_entry_new ();
  gtk_widget_add_css_class (self->renamer_entry, "wall-rename-entry");
  gtk_editable_set_width_chars (GTK_EDITABLE (self->renamer_entry), 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->renamer_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cluster Title"), -1);
  g_signal_connect (self->renamer_entry, "activate", G_CALLBACK (renamer_activate_cb), self);
  gtk_box_append (GTK_BOX (box), self->renamer_entry);
  gtk_popover_set_child (GTK_POPOVER (self->renamer), box);
  g_signal_connect (self->renamer, "closed", G_CALLBACK (renamer_closed_cb), self);
}

/* Puts @popover on @column's list, pointing at @item's row (or, before the
 * list has built it, at the row of @near, or the top). */
static void
place_popover (GtkWidget     *popover,
               SamWallColumn *column,
               SamItem       *item,
               SamItem       *near)
{
  GtkWidget *list = GTK_WIDGET (sam_wall_column_get_list (column));
  GtkWidget *row = sam_wall_column_get_row_widget (column, item);
  graphene_rect_t bounds;
  GdkRectangle rect = { 0, 0, 1, 1 };

  if (row == NULL && near != NULL)
    row = sam_wall_column_get_row_widget (column, near);
  if (gtk_widget_get_parent (popover) != list)
    {
      if (gtk_widget_get_parent (popover) != NULL)
        gtk_widget_unparent (popover);
      gtk_widget_set_parent (popover, list);
    }
  if (row != NULL && gtk_widget_compute_bounds (row, list, &bounds))
    rect = (GdkRectangle) { bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height };
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
}

void
sam_wall_page_rename_cluster (SamWallPage *self,
                              SamItem     *cluster)
{
  SamWallColumn *column = sam_wall_page_column_for (self, sam_item_get_parent (cluster));
  g_autoptr(GPtrArray) notes = NULL;

  if (column == NULL)
    return;
  ensure_renamer (self);
  notes = sam_wall_list_cluster_notes (cluster);
  place_popover (self->renamer, column, cluster, notes->len > 0 ? g_ptr_array_index (notes, 0) : NULL);
  g_set_object (&self->renamed, cluster);
  gtk_widget_remove_css_class (self->renamer_entry, "error");
  gtk_editable_set_text (GTK_EDITABLE (self->renamer_entry), sam_item_get_string (cluster, "title"));
  gtk_popover_popup (GTK_POPOVER (self->renamer));
  gtk_widget_grab_focus (self->renamer_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->renamer_entry), 0, -1);
}

GtkEditable *
sam_wall_page_get_cluster_title_entry (SamWallPage *self)
{
  return self->renamed != NULL ? GTK_EDITABLE (self->renamer_entry) : NULL;
}

void
sam_wall_page_start_editing (SamWallPage *self,
               SamItem     *note)
{
  SamWallColumn *column = sam_wall_page_column_for (self, sam_item_get_parent (note));

  if (column == NULL)
    return;
  ensure_editor (self);
  place_popover (self->editor, column, note, NULL);
  g_set_object (&self->edited, note);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor_view)),
                            sam_item_get_string (note, "text"), -1);
  gtk_widget_set_visible (self->editor_error, FALSE);
  gtk_popover_popup (GTK_POPOVER (self->editor));
  gtk_widget_grab_focus (self->editor_view);
}

void
sam_wall_page_popup_note_menu (SamWallPage *self,
                               SamItem     *note)
{
  SamWallColumn *column = sam_wall_page_column_for (self, sam_item_get_parent (note));
  g_autoptr(GMenuModel) model = NULL;

  if (column == NULL)
    return;
  if (self->note_menu == NULL)
    self->note_menu = g_object_ref_sink (gtk_popover_menu_new_from_model (NULL));
  model = sam_wall_page_note_menu (self, note);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->note_menu), model);
  place_popover (self->note_menu, column, note, NULL);
  gtk_popover_popup (GTK_POPOVER (self->note_menu));
}

/* Public */

void
sam_wall_page_set_session (SamWallPage *self,
                           SamSession  *session)
{
  g_return_if_fail (SAM_IS_WALL_PAGE (self));
  g_return_if_fail (session == NULL || SAM_IS_SESSION (session));

  if (self->session == session)
    return;

  sam_wall_page_close_editor (self);
  if (self->session != NULL)
    g_clear_signal_handler (&self->committed_id, self->session);
  g_clear_object (&self->wall);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->perspectives_key, g_free);
  g_clear_pointer (&self->perspective, g_free);
  sync_columns (self);
  g_set_object (&self->session, session);

  if (session == NULL)
    return;

  self->syncing = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->wall_dropdown), G_LIST_MODEL (sam_session_get_walls (session)));
  self->syncing = FALSE;
  self->committed_id = g_signal_connect (session, "committed", G_CALLBACK (committed_cb), self);
  update_all (self);
}

SamSession *
sam_wall_page_get_session (SamWallPage *self)
{
  g_return_val_if_fail (SAM_IS_WALL_PAGE (self), NULL);
  return self->session;
}

void
sam_wall_page_set_wall (SamWallPage *self,
                        SamItem     *wall)
{
  g_return_if_fail (SAM_IS_WALL_PAGE (self));
  g_return_if_fail (wall == NULL || SAM_IS_WALL (wall));

  if (self->wall == wall)
    return;
  sam_wall_page_close_editor (self);
  g_clear_object (&self->selected);
  /* The new wall's columns replace the old ones entirely. */
  g_clear_object (&self->wall);
  sync_columns (self);
  g_set_object (&self->wall, wall);
  update_all (self);
}

SamItem *
sam_wall_page_get_wall (SamWallPage *self)
{
  g_return_val_if_fail (SAM_IS_WALL_PAGE (self), NULL);
  return self->wall;
}

GtkEditable *
sam_wall_page_get_entry (SamWallPage *self,
                         guint        index)
{
  g_return_val_if_fail (SAM_IS_WALL_PAGE (self), NULL);

  return index < self->columns->len ? sam_wall_column_get_entry (g_ptr_array_index (self->columns, index)) : NULL;
}

void
sam_wall_page_focus_entry (SamWallPage *self,
                           guint        index)
{
  GtkEditable *entry;

  g_return_if_fail (SAM_IS_WALL_PAGE (self));

  /* Without a wall, visiting the view must not make one (that would be an
   * edit to undo): the status page's New Wall button takes the focus. */
  if (self->wall == NULL)
    {
      gtk_widget_child_focus (self->stack, GTK_DIR_TAB_FORWARD);
      return;
    }
  entry = sam_wall_page_get_entry (self, index);
  if (entry != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (entry));
}

SamItem *
sam_wall_page_get_selected (SamWallPage *self)
{
  g_return_val_if_fail (SAM_IS_WALL_PAGE (self), NULL);
  return self->selected;
}

void
sam_wall_page_select (SamWallPage *self,
                      SamItem     *note)
{
  SamWallColumn *column;

  g_return_if_fail (SAM_IS_WALL_PAGE (self));
  g_return_if_fail (note == NULL || SAM_IS_NOTE (note));

  if (note != NULL && self->wall != NULL && sam_item_get_parent (sam_item_get_parent (note)) != self->wall)
    sam_wall_page_set_wall (self, SAM_ITEM (sam_item_get_parent (sam_item_get_parent (note))));

  g_set_object (&self->selected, note);
  for (guint i = 0; i < self->columns->len; i++)
    sam_wall_column_unselect_all (g_ptr_array_index (self->columns, i));
  column = note != NULL ? sam_wall_page_column_for (self, sam_item_get_parent (note)) : NULL;
  if (column != NULL)
    sam_wall_column_select_note (column, note, TRUE);
  sam_wall_page_update_actions (self);
}

GtkScrolledWindow *
sam_wall_page_get_scroller (SamWallPage *self,
                            guint        index)
{
  g_return_val_if_fail (SAM_IS_WALL_PAGE (self), NULL);

  return index < self->columns->len ? sam_wall_column_get_scroller (g_ptr_array_index (self->columns, index)) : NULL;
}

void
sam_wall_page_apply (SamWallPage *self)
{
  g_return_if_fail (SAM_IS_WALL_PAGE (self));

  if (self->edited != NULL)
    sam_wall_page_apply_editor (self);
}

gboolean
sam_wall_page_get_collect_hidden (SamWallPage *self)
{
  g_return_val_if_fail (SAM_IS_WALL_PAGE (self), FALSE);
  return self->collect_hidden;
}

void
sam_wall_page_set_collect_hidden (SamWallPage *self,
                                  gboolean     collect)
{
  g_return_if_fail (SAM_IS_WALL_PAGE (self));

  collect = !!collect;
  if (self->collect_hidden == collect)
    return;
  self->collect_hidden = collect;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLECT_HIDDEN]);
}

GtkWidget *
sam_wall_page_get_editor (SamWallPage *self)
{
  g_return_val_if_fail (SAM_IS_WALL_PAGE (self), NULL);
  return self->edited != NULL ? self->editor_view : NULL;
}

guint
sam_wall_page_count_note_rows (SamWallPage *self)
{
  return sam_wall_column_count_row_widgets ();
}

/* The widget */

static GtkWidget *
build_wall_menu_button (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (menu, _("_New Wall"), "wall.new-wall");
  g_menu_append (menu, _("_Rename Wall"), "wall.rename-wall");
  g_menu_append (section, _("Re_move Wall"), "wall.remove-wall");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("Wall Menu"));
  /* A tooltip is only a description to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Wall Menu"), -1);
  return button;
}

static void
setup_wall_item_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_list_item_set_child (item, label);
}

static void
bind_wall_item_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GBinding *binding = g_object_bind_property (gtk_list_item_get_item (item), "title",
                                              gtk_list_item_get_child (item), "label",
                                              G_BINDING_SYNC_CREATE);

  g_object_set_data (G_OBJECT (item), "binding", binding);
}

static void
unbind_wall_item_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static void
sam_wall_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SamWallPage *self = SAM_WALL_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECT_HIDDEN:
      g_value_set_boolean (value, self->collect_hidden);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_wall_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SamWallPage *self = SAM_WALL_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECT_HIDDEN:
      sam_wall_page_set_collect_hidden (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_wall_page_dispose (GObject *object)
{
  SamWallPage *self = SAM_WALL_PAGE (object);

  if (self->session != NULL)
    g_clear_signal_handler (&self->committed_id, self->session);
  g_clear_object (&self->edited);
  g_clear_object (&self->renamed);
  if (self->editor != NULL && gtk_widget_get_parent (self->editor) != NULL)
    gtk_widget_unparent (self->editor);
  g_clear_object (&self->editor);
  if (self->renamer != NULL && gtk_widget_get_parent (self->renamer) != NULL)
    gtk_widget_unparent (self->renamer);
  g_clear_object (&self->renamer);
  if (self->note_menu != NULL && gtk_widget_get_parent (self->note_menu) != NULL)
    gtk_widget_unparent (self->note_menu);
  g_clear_object (&self->note_menu);
  if (self->columns != NULL)
    g_ptr_array_set_size (self->columns, 0);

  G_OBJECT_CLASS (sam_wall_page_parent_class)->dispose (object);
}

static void
sam_wall_page_finalize (GObject *object)
{
  SamWallPage *self = SAM_WALL_PAGE (object);

  g_clear_object (&self->session);
  g_clear_object (&self->wall);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->query, sam_search_free);
  g_clear_pointer (&self->perspective, g_free);
  g_clear_pointer (&self->perspective_ids, g_ptr_array_unref);
  g_clear_pointer (&self->perspectives_key, g_free);

  G_OBJECT_CLASS (sam_wall_page_parent_class)->finalize (object);
}

static void
sam_wall_page_class_init (SamWallPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sam_wall_page_get_property;
  object_class->set_property = sam_wall_page_set_property;
  object_class->dispose = sam_wall_page_dispose;
  object_class->finalize = sam_wall_page_finalize;

  properties[PROP_COLLECT_HIDDEN] =
    g_param_spec_boolean ("collect-hidden", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  sam_wall_page_install_actions (widget_class);
}

static void
sam_wall_page_init (SamWallPage *self)
{
  GtkWidget *box, *bar, *spacer, *button, *status;
  GtkListItemFactory *factory;
  GtkEventController *keys;

  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->perspective_ids = g_ptr_array_new_with_free_func (g_free);
  self->query = sam_search_new (NULL);

  self->toasts = adw_toast_overlay_new ();
  adw_bin_set_child (ADW_BIN (self), self->toasts);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (self->toasts), box);

  /* The top bar: which wall, its title; search and filter; hidden notes. */
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_add_css_class (bar, "wall-toolbar");
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_wall_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_wall_item_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_wall_item_cb), NULL);
  self->wall_dropdown = gtk_drop_down_new (NULL, NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (self->wall_dropdown), factory);
  g_object_unref (factory);
  gtk_widget_set_tooltip_text (self->wall_dropdown, _("Wall"));
  /* A tooltip is only a description to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->wall_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Wall"), -1);
  g_signal_connect (self->wall_dropdown, "notify::selected", G_CALLBACK (wall_selected_cb), self);
  gtk_box_append (GTK_BOX (bar), self->wall_dropdown);

  self->title = sam_wall_title_new ();
  gtk_widget_add_css_class (self->title, "title-3");
  gtk_widget_set_valign (self->title, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->title, _("Wall title (double-click to rename)"));
  g_signal_connect (self->title, "commit", G_CALLBACK (wall_title_commit_cb), self);
  gtk_box_append (GTK_BOX (bar), self->title);
  button = build_wall_menu_button ();
  gtk_box_append (GTK_BOX (bar), button);

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);

  self->count = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count, "dim-label");
  gtk_box_append (GTK_BOX (bar), self->count);
  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Search notes"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search notes"), -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->search), 18);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), self->search);
  self->perspective_dropdown = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_tooltip_text (self->perspective_dropdown, _("Show the notes of one perspective"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->perspective_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Perspective"), -1);
  g_signal_connect (self->perspective_dropdown, "notify::selected", G_CALLBACK (perspective_selected_cb), self);
  gtk_box_append (GTK_BOX (bar), self->perspective_dropdown);

  self->collect_button = gtk_toggle_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->collect_button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                      "icon-name", "view-conceal-symbolic",
                                      "label", _("Collect _Hidden"),
                                      "use-underline", TRUE,
                                      NULL));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->collect_button), "wall.collect-hidden");
  gtk_widget_add_css_class (self->collect_button, "wall-collect");
  gtk_widget_set_tooltip_text (self->collect_button,
                               _("New notes stay hidden from the stage until revealed"));
  gtk_box_append (GTK_BOX (bar), self->collect_button);
  self->reveal_button = gtk_button_new_with_label ("");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->reveal_button), "wall.reveal");
  gtk_widget_set_tooltip_text (self->reveal_button, _("Show every hidden note at once"));
  gtk_box_append (GTK_BOX (bar), self->reveal_button);
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_button_set_child (GTK_BUTTON (button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                      "icon-name", "list-add-symbolic",
                                      "label", _("Add _Column"),
                                      "use-underline", TRUE,
                                      NULL));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "wall.add-column");
  gtk_widget_set_tooltip_text (button, _("Add a column at the end"));
  gtk_box_append (GTK_BOX (bar), button);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* The columns side by side, or a way to start. */
  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "view-grid-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Wall Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("A wall gathers questions and ideas as notes in columns"));
  button = gtk_button_new_with_mnemonic (_("_New Wall"));
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "wall.new-wall");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  gtk_stack_add_named (GTK_STACK (self->stack), status, "empty");

  self->columns_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->columns_scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  self->columns_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->columns_box, "wall-columns");
  gtk_widget_set_halign (self->columns_box, GTK_ALIGN_START);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->columns_scroller), self->columns_box);
  gtk_stack_add_named (GTK_STACK (self->stack), self->columns_scroller, "wall");
  gtk_box_append (GTK_BOX (box), self->stack);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (sam_wall_page_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  update_count (self);
  sam_wall_page_update_actions (self);
}
