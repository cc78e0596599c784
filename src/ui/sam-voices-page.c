/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-entities.h"
#include "sam-session.h"
#include "sam-timer.h"
#include "sam-voices-page.h"
#include "sam-window.h"

/* Longer prompts are cut in the drop-down, which would otherwise be as wide
 * as the longest question. */
#define CHOICE_MAX_CHARS 60

struct _SamVoicesPage
{
  AdwBin           parent_instance;

  /* template */
  GtkEntry        *entry;
  GtkToggleButton *stage_button;
  GtkDropDown     *prompt_dropdown;
  GtkBox          *perspective_buttons;
  GtkStack        *list_stack;
  GtkListBox      *list;

  SamSession      *session;
  SamTimer        *timer;
  GSignalGroup    *session_signals;
  GSignalGroup    *voices_signals;
  GSignalGroup    *timer_signals;

  /* The voices sorted by prompt, then time: the list box shows this model,
   * so a new voice adds one row instead of rebuilding them all. */
  GtkSortListModel *sorted;
  GtkCustomSorter  *sorter;
  GHashTable       *prompt_index;     /* prompt id → position + 1 */
  char             *prompts_key;      /* ids and texts, to notice a change */
  char             *perspectives_key;

  /* The prompt drop-down: "None" and the prompts; ids parallel to it. */
  GPtrArray        *prompt_ids;
  gboolean          syncing_prompt;
  /* TRUE once the person chose a prompt; until the running item changes,
   * that choice wins over the item's prompt. */
  gboolean          prompt_chosen;
  char             *current_item_id;  /* the timer's item last seen */

  /* The perspective of the next voice ("" for none). */
  char             *perspective_id;
  gboolean          syncing_perspectives;

};

G_DEFINE_FINAL_TYPE (SamVoicesPage, sam_voices_page, ADW_TYPE_BIN)

/* Helpers */

static SamWindow *
get_window (SamVoicesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return SAM_IS_WINDOW (root) ? SAM_WINDOW (root) : NULL;
}

static void
add_undo_toast (SamVoicesPage *self,
                const char    *text)
{
  SamWindow *window = get_window (self);

  if (window != NULL)
    sam_window_add_undo_toast (window, text);
}

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static const char *
lookup_string (SamVoicesPage *self,
               const char    *id,
               const char    *property)
{
  SamItem *item;

  if (self->session == NULL || id == NULL || id[0] == '\0')
    return NULL;
  item = sam_session_lookup (self->session, id);
  return item != NULL ? sam_item_get_string (item, property) : NULL;
}

/* The prompt of the running agenda item, or "" when it runs none. */
static const char *
item_prompt_id (SamAgendaItem *item)
{
  if (item == NULL ||
      sam_item_get_enum (SAM_ITEM (item), "activity-kind") != SAM_ACTIVITY_PROMPT)
    return "";
  return sam_item_get_string (SAM_ITEM (item), "activity-id");
}

static SamAgendaItem *
current_item (SamVoicesPage *self)
{
  return self->timer != NULL ? sam_timer_get_current (self->timer) : NULL;
}

/* Sorting: by prompt in the order of the prompt library, voices without a
 * prompt last; within a prompt by time, so the newest is last. */

static int
prompt_position (SamVoicesPage *self,
                 SamItem       *voice)
{
  const char *id = sam_item_get_string (voice, "prompt");
  gpointer position = id != NULL ? g_hash_table_lookup (self->prompt_index, id) : NULL;

  return position != NULL ? GPOINTER_TO_INT (position) : G_MAXINT;
}

static int
compare_voices (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  SamVoicesPage *self = data;
  int pa = prompt_position (self, (SamItem *) a);
  int pb = prompt_position (self, (SamItem *) b);
  gint64 ta, tb;

  if (pa != pb)
    return pa < pb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  ta = sam_item_get_int64 ((SamItem *) a, "time");
  tb = sam_item_get_int64 ((SamItem *) b, "time");
  if (ta != tb)
    return ta < tb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return GTK_ORDERING_EQUAL;
}

/* The rows */

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = NULL;

  if (usec == 0)
    return g_strdup ("");
  time = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  return time != NULL ? g_date_time_format (time, "%H:%M") : g_strdup ("");
}

static void
update_row (GtkWidget *row)
{
  SamItem *voice = g_object_get_data (G_OBJECT (row), "voice");
  SamVoicesPage *self = g_object_get_data (G_OBJECT (row), "page");
  GtkToggleButton *stage = g_object_get_data (G_OBJECT (row), "stage-button");
  const char *perspective = lookup_string (self, sam_item_get_string (voice, "perspective"), "name");
  g_autofree char *time = format_time (sam_item_get_int64 (voice, "time"));
  g_autofree char *title = NULL;
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (perspective != NULL && perspective[0] != '\0')
    /* Translators: the title of a voice's row: the time it was said and
     * the perspective of who said it, e.g. "13:42 · School". */
    title = g_strdup_printf (C_("voice row", "%s · %s"), time, perspective);
  else
    title = g_steal_pointer (&time);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  /* Undo and redo change the voice under the row: show its text unless
   * the person is typing in it. */
  if ((focus == NULL || (focus != row && !gtk_widget_is_ancestor (focus, row))) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), sam_item_get_string (voice, "text")) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), sam_item_get_string (voice, "text"));

  g_object_set_data (G_OBJECT (row), "syncing", GINT_TO_POINTER (TRUE));
  gtk_toggle_button_set_active (stage, sam_item_get_boolean (voice, "on-stage"));
  g_object_set_data (G_OBJECT (row), "syncing", NULL);
}

static void
voice_changed_cb (SamItem    *voice,
                  GParamSpec *pspec,
                  GtkWidget  *row)
{
  update_row (row);
}

static void
remove_voice (SamVoicesPage *self,
              SamItem       *voice)
{
  if (self->session == NULL || sam_item_get_parent (voice) == NULL)
    return;

  sam_session_remove (self->session, voice);
  add_undo_toast (self, _("Voice removed"));
}

static void
row_apply_cb (AdwEntryRow   *row,
              SamVoicesPage *self)
{
  SamItem *voice = g_object_get_data (G_OBJECT (row), "voice");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->session == NULL || sam_item_get_parent (voice) == NULL)
    return;

  /* Emptying a voice is how one takes it back; the toast can undo it. */
  if (text[0] == '\0')
    {
      remove_voice (self, voice);
      return;
    }

  if (g_strcmp0 (text, sam_item_get_string (voice, "text")) != 0)
    {
      sam_session_begin (self->session, _("Edit Voice"));
      sam_session_set (self->session, voice, "text", text, NULL);
      sam_session_end (self->session);
    }
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
row_focus_leave_cb (GtkEventControllerFocus *controller,
                    SamVoicesPage           *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  SamItem *voice = g_object_get_data (G_OBJECT (row), "voice");

  /* What was typed counts when the focus moves on, as in the rest of the
   * app, not only on Enter. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), sam_item_get_string (voice, "text")) != 0)
    g_signal_emit_by_name (row, "apply");
}

static void
stage_toggled_cb (GtkToggleButton *button,
                  GtkWidget       *row)
{
  SamItem *voice = g_object_get_data (G_OBJECT (row), "voice");
  SamVoicesPage *self = g_object_get_data (G_OBJECT (row), "page");
  gboolean active = gtk_toggle_button_get_active (button);

  if (g_object_get_data (G_OBJECT (row), "syncing") != NULL || self->session == NULL ||
      active == sam_item_get_boolean (voice, "on-stage"))
    return;

  sam_session_begin (self->session, active ? _("Show Voice on Stage") : _("Hide Voice from Stage"));
  sam_session_set (self->session, voice, "on-stage", active, NULL);
  sam_session_end (self->session);
}

static void
remove_clicked_cb (GtkButton *button,
                   GtkWidget *row)
{
  remove_voice (g_object_get_data (G_OBJECT (row), "page"),
                g_object_get_data (G_OBJECT (row), "voice"));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SamVoicesPage *self = user_data;
  SamItem *voice = item;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *stage = gtk_toggle_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkEventController *focus;

  g_object_set_data_full (G_OBJECT (row), "voice", g_object_ref (voice), g_object_unref);
  g_object_set_data (G_OBJECT (row), "page", self);
  g_object_set_data (G_OBJECT (row), "stage-button", stage);

  /* The text first: setting it after the apply button is on would offer
   * to apply what is already there. */
  gtk_editable_set_text (GTK_EDITABLE (row), sam_item_get_string (voice, "text"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "voice-row");

  gtk_button_set_icon_name (GTK_BUTTON (stage), "video-display-symbolic");
  gtk_widget_set_tooltip_text (stage, _("Show on Stage"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (stage),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show on Stage"), -1);
  gtk_widget_set_valign (stage, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (stage, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), stage);

  gtk_widget_set_tooltip_text (remove, _("Remove Voice"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Voice"), -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  update_row (row);

  g_signal_connect (row, "apply", G_CALLBACK (row_apply_cb), self);
  g_signal_connect (stage, "toggled", G_CALLBACK (stage_toggled_cb), row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), row);
  g_signal_connect_object (voice, "notify", G_CALLBACK (voice_changed_cb), row, 0);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (row_focus_leave_cb), self);
  gtk_widget_add_controller (row, focus);

  return row;
}

/* A header above the first voice of each prompt. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  SamVoicesPage *self = user_data;
  SamItem *voice = g_object_get_data (G_OBJECT (row), "voice");
  SamItem *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "voice") : NULL;
  const char *prompt = sam_item_get_string (voice, "prompt");
  const char *text;
  GtkWidget *header;

  if (previous != NULL && prompt_position (self, previous) == prompt_position (self, voice))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (prompt_position (self, voice) == G_MAXINT)
    text = _("Without a prompt");
  else
    text = lookup_string (self, prompt, "text");

  header = gtk_list_box_row_get_header (row);
  if (header == NULL)
    {
      header = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_set_margin_top (header, before != NULL ? 18 : 12);
      gtk_widget_set_margin_bottom (header, 6);
      gtk_widget_set_margin_start (header, 12);
      gtk_widget_set_margin_end (header, 12);
      gtk_widget_add_css_class (header, "voices-header");
      gtk_list_box_row_set_header (row, header);
    }
  gtk_label_set_text (GTK_LABEL (header), text != NULL ? text : "");
}

/* The capture bar */

static void
sync_prompt_dropdown (SamVoicesPage *self)
{
  const char *id = item_prompt_id (current_item (self));
  guint position = 0;

  for (guint i = 0; i < self->prompt_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->prompt_ids, i), id) == 0)
      position = i;

  self->syncing_prompt = TRUE;
  gtk_drop_down_set_selected (self->prompt_dropdown, position);
  self->syncing_prompt = FALSE;
}

static void
rebuild_prompt_choices (SamVoicesPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->prompt_dropdown);
  g_autofree char *chosen = NULL;
  guint position = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->prompt_ids->len)
    chosen = g_strdup (g_ptr_array_index (self->prompt_ids, selected));

  g_ptr_array_set_size (self->prompt_ids, 0);
  gtk_string_list_append (strings, C_("prompt", "None"));
  g_ptr_array_add (self->prompt_ids, g_strdup (""));

  if (self->session != NULL)
    {
      GListStore *prompts = sam_session_get_prompts (self->session);

      for (guint i = 0; i < n_items (prompts); i++)
        {
          g_autoptr(SamItem) prompt = g_list_model_get_item (G_LIST_MODEL (prompts), i);
          const char *text = sam_item_get_string (prompt, "text");
          g_autofree char *label = NULL;

          if (g_utf8_strlen (text, -1) > CHOICE_MAX_CHARS)
            {
              g_autofree char *start = g_utf8_substring (text, 0, CHOICE_MAX_CHARS - 1);

              label = g_strconcat (g_strchomp (start), "…", NULL);
            }
          else
            label = g_strdup (text);
          gtk_string_list_append (strings, label);
          g_ptr_array_add (self->prompt_ids, g_strdup (sam_item_get_id (prompt)));
          if (g_strcmp0 (chosen, sam_item_get_id (prompt)) == 0)
            position = i + 1;
        }
    }

  self->syncing_prompt = TRUE;
  gtk_drop_down_set_model (self->prompt_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->prompt_dropdown, position);
  self->syncing_prompt = FALSE;

  if (!self->prompt_chosen)
    sync_prompt_dropdown (self);
}

static void
prompt_selected_cb (SamVoicesPage *self)
{
  if (!self->syncing_prompt)
    self->prompt_chosen = TRUE;
}

static void
timer_changed_cb (SamVoicesPage *self)
{
  SamAgendaItem *item = current_item (self);
  const char *id = item != NULL ? sam_item_get_id (SAM_ITEM (item)) : NULL;

  /* The timer reports every second; only another item matters here. A new
   * item brings its own prompt, whatever was chosen for the last one. */
  if (g_strcmp0 (id, self->current_item_id) == 0)
    return;

  g_free (self->current_item_id);
  self->current_item_id = g_strdup (id);
  self->prompt_chosen = FALSE;
  sync_prompt_dropdown (self);
}

/* The perspective of the next voice: one toggle per perspective. */

static void
sync_perspective_buttons (SamVoicesPage *self)
{
  self->syncing_perspectives = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->perspective_buttons));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *id = g_object_get_data (G_OBJECT (child), "perspective-id");

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), g_strcmp0 (id, self->perspective_id) == 0);
    }
  self->syncing_perspectives = FALSE;
}

static void
set_perspective (SamVoicesPage *self,
                 const char    *id)
{
  g_free (self->perspective_id);
  self->perspective_id = g_strdup (id != NULL ? id : "");
  sync_perspective_buttons (self);
}

static void
perspective_toggled_cb (GtkToggleButton *button,
                        SamVoicesPage   *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "perspective-id");

  if (self->syncing_perspectives)
    return;

  set_perspective (self, gtk_toggle_button_get_active (button) ? id : "");
}

static void
rebuild_perspective_buttons (SamVoicesPage *self)
{
  GtkWidget *child;
  GListStore *perspectives;
  gboolean found = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->perspective_buttons))) != NULL)
    gtk_box_remove (self->perspective_buttons, child);

  if (self->session == NULL)
    return;

  perspectives = sam_session_get_perspectives (self->session);
  for (guint i = 0; i < n_items (perspectives); i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (G_LIST_MODEL (perspectives), i);
      const char *name = sam_item_get_string (perspective, "name");
      GtkWidget *button = gtk_toggle_button_new_with_label (name);

      g_object_set_data_full (G_OBJECT (button), "perspective-id",
                              g_strdup (sam_item_get_id (perspective)), g_free);
      gtk_widget_set_tooltip_text (button, _("Perspective of the Next Voice (Ctrl+Up and Ctrl+Down Choose One)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_add_css_class (button, "perspective-button");
      gtk_widget_set_focus_on_click (button, FALSE);
      g_signal_connect (button, "toggled", G_CALLBACK (perspective_toggled_cb), self);
      gtk_box_append (self->perspective_buttons, button);

      if (g_strcmp0 (self->perspective_id, sam_item_get_id (perspective)) == 0)
        found = TRUE;
    }

  if (!found)
    set_perspective (self, "");
  else
    sync_perspective_buttons (self);
}

/* What the lists look like, to tell whether a commit changed them: the
 * prompts' order and texts decide the sorting and the headers. */
static char *
make_key (GListStore *store,
          const char *property)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < n_items (store); i++)
    {
      g_autoptr(SamItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_string_append_printf (key, "%s\x1f%s\x1e", sam_item_get_id (item), sam_item_get_string (item, property));
    }
  return g_string_free (key, FALSE);
}

static void
refresh_prompts (SamVoicesPage *self,
                 gboolean       force)
{
  g_autofree char *key = NULL;
  GListStore *prompts;

  if (self->session == NULL)
    return;

  prompts = sam_session_get_prompts (self->session);
  key = make_key (prompts, "text");
  if (!force && g_strcmp0 (key, self->prompts_key) == 0)
    return;
  g_free (self->prompts_key);
  self->prompts_key = g_steal_pointer (&key);

  g_hash_table_remove_all (self->prompt_index);
  for (guint i = 0; i < n_items (prompts); i++)
    {
      g_autoptr(SamItem) prompt = g_list_model_get_item (G_LIST_MODEL (prompts), i);

      g_hash_table_insert (self->prompt_index, g_strdup (sam_item_get_id (prompt)), GINT_TO_POINTER (i + 1));
    }

  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_list_box_invalidate_headers (self->list);
  rebuild_prompt_choices (self);
}

static void
refresh_perspectives (SamVoicesPage *self,
                      gboolean       force)
{
  g_autofree char *key = NULL;

  if (self->session == NULL)
    return;

  key = make_key (sam_session_get_perspectives (self->session), "name");
  if (!force && g_strcmp0 (key, self->perspectives_key) == 0)
    return;
  g_free (self->perspectives_key);
  self->perspectives_key = g_steal_pointer (&key);

  rebuild_perspective_buttons (self);

  /* The rows name their perspective; a renamed one is rare enough to
   * update them all. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ENTRY_ROW (row))
      update_row (row);
}

static void
update_empty (SamVoicesPage *self)
{
  gboolean empty = self->session == NULL || n_items (sam_session_get_voices (self->session)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

static void
committed_cb (SamVoicesPage *self)
{
  /* Undo takes back the last step, so the toast goes with another edit. */

  refresh_prompts (self, FALSE);
  refresh_perspectives (self, FALSE);
}

/* Capturing */

static void
capture (SamVoicesPage *self,
         gboolean       on_stage)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  SamAgendaItem *item = current_item (self);
  const char *prompt = item_prompt_id (item);
  g_autoptr(SamItem) voice = NULL;

  if (self->session == NULL || text[0] == '\0')
    return;

  if (self->prompt_chosen)
    {
      guint selected = gtk_drop_down_get_selected (self->prompt_dropdown);

      if (selected < self->prompt_ids->len)
        prompt = g_ptr_array_index (self->prompt_ids, selected);
    }

  voice = sam_item_new (SAM_TYPE_VOICE, NULL);
  g_object_set (voice,
                "text", text,
                "prompt", prompt,
                "agenda-item", item != NULL ? sam_item_get_id (SAM_ITEM (item)) : "",
                "time", g_get_real_time (),
                "perspective", self->perspective_id,
                "on-stage", on_stage || gtk_toggle_button_get_active (self->stage_button),
                NULL);

  sam_session_begin (self->session, _("Capture Voice"));
  sam_session_insert (self->session, self->session, "voices", G_MAXUINT, voice);
  sam_session_end (self->session);

  /* Ready for the next thing said: a perspective is for one voice. */
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  set_perspective (self, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
entry_activate_cb (SamVoicesPage *self)
{
  capture (self, FALSE);
}

static void
capture_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SamVoicesPage *self = SAM_VOICES_PAGE (widget);

  capture (self, g_str_equal (action_name, "voices.capture-on-stage"));
}

static void
perspective_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamVoicesPage *self = SAM_VOICES_PAGE (widget);
  guint number = g_variant_get_uint32 (parameter);
  g_autoptr(SamItem) perspective = NULL;

  if (self->session == NULL)
    return;

  if (number > 0)
    perspective = g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (self->session)), number - 1);

  /* The key of the chosen perspective takes it back, as its toggle does. */
  if (perspective == NULL || g_strcmp0 (self->perspective_id, sam_item_get_id (perspective)) == 0)
    set_perspective (self, "");
  else
    set_perspective (self, sam_item_get_id (perspective));
}

/* Ctrl+Down and Ctrl+Up step through the perspectives and back to none,
 * so that the hands stay on the keys while one types. (Ctrl with a digit
 * is taken: Ctrl+5 adds five minutes to the timer, from anywhere.) */
static void
step_perspective_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SamVoicesPage *self = SAM_VOICES_PAGE (widget);
  int step = g_variant_get_int32 (parameter);
  GListModel *perspectives;
  int n, current = 0;

  if (self->session == NULL)
    return;

  perspectives = G_LIST_MODEL (sam_session_get_perspectives (self->session));
  n = (int) g_list_model_get_n_items (perspectives);
  /* 0 is none, 1 … n the perspectives. */
  for (int i = 0; i < n && current == 0; i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, i);

      if (g_strcmp0 (self->perspective_id, sam_item_get_id (perspective)) == 0)
        current = i + 1;
    }
  current = ((current + step) % (n + 1) + (n + 1)) % (n + 1);

  if (current == 0)
    set_perspective (self, "");
  else
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, current - 1);

      set_perspective (self, sam_item_get_id (perspective));
    }
}

/* Public */

void
sam_voices_page_set_session (SamVoicesPage *self,
                             SamSession    *session)
{
  g_return_if_fail (SAM_IS_VOICES_PAGE (self));
  g_return_if_fail (session == NULL || SAM_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->voices_signals,
                             session != NULL ? sam_session_get_voices (session) : NULL);

  refresh_prompts (self, TRUE);
  refresh_perspectives (self, TRUE);

  gtk_sort_list_model_set_model (self->sorted,
                                 session != NULL ? G_LIST_MODEL (sam_session_get_voices (session)) : NULL);
  if (session != NULL)
    gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->sorted), create_row, self, NULL);
  else
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);

  rebuild_prompt_choices (self);
  update_empty (self);
}

SamSession *
sam_voices_page_get_session (SamVoicesPage *self)
{
  g_return_val_if_fail (SAM_IS_VOICES_PAGE (self), NULL);

  return self->session;
}

void
sam_voices_page_set_timer (SamVoicesPage *self,
                           SamTimer      *timer)
{
  g_return_if_fail (SAM_IS_VOICES_PAGE (self));
  g_return_if_fail (timer == NULL || SAM_IS_TIMER (timer));

  if (!g_set_object (&self->timer, timer))
    return;

  g_signal_group_set_target (self->timer_signals, timer);
  g_clear_pointer (&self->current_item_id, g_free);
  timer_changed_cb (self);
}

GtkEditable *
sam_voices_page_get_entry (SamVoicesPage *self)
{
  g_return_val_if_fail (SAM_IS_VOICES_PAGE (self), NULL);

  return GTK_EDITABLE (self->entry);
}

void
sam_voices_page_focus_entry (SamVoicesPage *self)
{
  g_return_if_fail (SAM_IS_VOICES_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

const char *
sam_voices_page_get_perspective (SamVoicesPage *self)
{
  g_return_val_if_fail (SAM_IS_VOICES_PAGE (self), NULL);

  return self->perspective_id;
}

void
sam_voices_page_apply (SamVoicesPage *self)
{
  g_return_if_fail (SAM_IS_VOICES_PAGE (self));

  if (self->session == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      SamItem *voice;

      if (!ADW_IS_ENTRY_ROW (row))
        continue;
      voice = g_object_get_data (G_OBJECT (row), "voice");
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), sam_item_get_string (voice, "text")) != 0)
        g_signal_emit_by_name (row, "apply");
    }
}

/* GObject */

static void
sam_voices_page_dispose (GObject *object)
{
  SamVoicesPage *self = SAM_VOICES_PAGE (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  if (self->voices_signals != NULL)
    g_signal_group_set_target (self->voices_signals, NULL);
  if (self->timer_signals != NULL)
    g_signal_group_set_target (self->timer_signals, NULL);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_VOICES_PAGE);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->voices_signals);
  g_clear_object (&self->timer_signals);
  g_clear_object (&self->sorted);
  g_clear_object (&self->session);
  g_clear_object (&self->timer);

  G_OBJECT_CLASS (sam_voices_page_parent_class)->dispose (object);
}

static void
sam_voices_page_finalize (GObject *object)
{
  SamVoicesPage *self = SAM_VOICES_PAGE (object);

  g_clear_pointer (&self->prompt_index, g_hash_table_unref);
  g_clear_pointer (&self->prompt_ids, g_ptr_array_unref);
  g_free (self->prompts_key);
  g_free (self->perspectives_key);
  g_free (self->current_item_id);
  g_free (self->perspective_id);

  G_OBJECT_CLASS (sam_voices_page_parent_class)->finalize (object);
}

static void
sam_voices_page_class_init (SamVoicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_voices_page_dispose;
  object_class->finalize = sam_voices_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sam-voices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamVoicesPage, entry);
  gtk_widget_class_bind_template_child (widget_class, SamVoicesPage, stage_button);
  gtk_widget_class_bind_template_child (widget_class, SamVoicesPage, prompt_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamVoicesPage, perspective_buttons);
  gtk_widget_class_bind_template_child (widget_class, SamVoicesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SamVoicesPage, list);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, prompt_selected_cb);

  gtk_widget_class_install_action (widget_class, "voices.capture", NULL, capture_action);
  gtk_widget_class_install_action (widget_class, "voices.capture-on-stage", NULL, capture_action);
  gtk_widget_class_install_action (widget_class, "voices.perspective", "u", perspective_action);
  gtk_widget_class_install_action (widget_class, "voices.step-perspective", "i", step_perspective_action);

  /* Keys that mean nothing in a one-line entry, and nothing to the window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "voices.capture-on-stage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "voices.capture-on-stage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_CONTROL_MASK,
                                       "voices.step-perspective", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK,
                                       "voices.step-perspective", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "voices.perspective", "u", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "voices.perspective", "u", 0);
}

static void
sam_voices_page_init (SamVoicesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->perspective_id = g_strdup ("");
  self->prompt_ids = g_ptr_array_new_with_free_func (g_free);
  self->prompt_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->sorter = gtk_custom_sorter_new (compare_voices, self, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (self->sorter));
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);

  self->session_signals = g_signal_group_new (SAM_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "committed", G_CALLBACK (committed_cb), self);
  self->voices_signals = g_signal_group_new (G_TYPE_LIST_STORE);
  g_signal_group_connect_swapped (self->voices_signals, "items-changed", G_CALLBACK (update_empty), self);
  self->timer_signals = g_signal_group_new (SAM_TYPE_TIMER);
  g_signal_group_connect_swapped (self->timer_signals, "changed", G_CALLBACK (timer_changed_cb), self);

  rebuild_prompt_choices (self);
}
