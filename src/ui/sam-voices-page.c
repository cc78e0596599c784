/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-entities.h"
#include "sam-session.h"
#include "sam-timer.h"
#include "sam-voices-page.h"
#include "sam-window.h"

/* Longer prompts are cut in the drop-down, which would otherwise be as wide
 * as the longest question. */
#define CHOICE_MAX_CHARS 60

/* The list's model: the voices grouped by prompt, each group after a header
 * item (the prompt itself, or a string object for the voices without one).
 * The page computes the whole order again after each edit, which takes well
 * under a millisecond for thousands of voices, and the model tells the list
 * only the span that differs: a new voice adds one row, a removed one takes
 * one away, and the rows shown stay as they are. */

#define SAM_TYPE_VOICES_MODEL (sam_voices_model_get_type ())
G_DECLARE_FINAL_TYPE (SamVoicesModel, sam_voices_model, SAM, VOICES_MODEL, GObject)

struct _SamVoicesModel
{
  GObject    parent_instance;
  GPtrArray *items;
};

static GType
sam_voices_model_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
sam_voices_model_get_n_items (GListModel *model)
{
  return SAM_VOICES_MODEL (model)->items->len;
}

static gpointer
sam_voices_model_get_item (GListModel *model,
                           guint       position)
{
  SamVoicesModel *self = SAM_VOICES_MODEL (model);

  return position < self->items->len ? g_object_ref (g_ptr_array_index (self->items, position)) : NULL;
}

static void
sam_voices_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sam_voices_model_get_item_type;
  iface->get_n_items = sam_voices_model_get_n_items;
  iface->get_item = sam_voices_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SamVoicesModel, sam_voices_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sam_voices_model_list_model_init))

static void
sam_voices_model_finalize (GObject *object)
{
  g_clear_pointer (&SAM_VOICES_MODEL (object)->items, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_voices_model_parent_class)->finalize (object);
}

static void
sam_voices_model_class_init (SamVoicesModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_voices_model_finalize;
}

static void
sam_voices_model_init (SamVoicesModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Takes @items as the new contents and announces the one span in which they
 * differ from the old (every item is in the list once, so the common start
 * and end are what stayed). */
static void
sam_voices_model_replace (SamVoicesModel *self,
                          GPtrArray      *items)
{
  g_autoptr(GPtrArray) old = self->items;
  guint old_n = old->len, new_n = items->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < new_n && old->pdata[prefix] == items->pdata[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         old->pdata[old_n - 1 - suffix] == items->pdata[new_n - 1 - suffix])
    suffix++;

  self->items = items;
  if (prefix == old_n && prefix == new_n)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, new_n - prefix - suffix);
}

/* The position of @item, or G_MAXUINT. */
static guint
sam_voices_model_find (SamVoicesModel *self,
                       gpointer        item)
{
  guint position;

  return g_ptr_array_find (self->items, item, &position) ? position : G_MAXUINT;
}

/* The page */

struct _SamVoicesPage
{
  AdwBin             parent_instance;

  /* template */
  GtkEntry          *entry;
  GtkToggleButton   *stage_button;
  GtkDropDown       *prompt_dropdown;
  GtkBox            *perspective_buttons;
  GtkStack          *list_stack;
  GtkScrolledWindow *scroller;
  GtkListView       *list;

  SamSession        *session;
  SamTimer          *timer;
  GSignalGroup      *session_signals;
  GSignalGroup      *voices_signals;
  GSignalGroup      *timer_signals;

  /* What the list shows: headers and voices (see SamVoicesModel). */
  SamVoicesModel    *model;
  GtkStringObject   *no_prompt_header;
  gboolean           list_dirty;
  guint              rebuild_id;
  /* The voice rows bound to a voice now (a list view makes rows only for
   * what is on screen, and reuses them). */
  GHashTable        *rows;
  /* A new voice to scroll to once the list has laid it out. */
  SamItem           *followed;
  GdkFrameClock     *follow_clock;
  gulong             follow_handler;

  GHashTable        *prompt_index;     /* prompt id → position + 1 */
  char              *prompts_key;      /* ids and texts, to notice a change */
  char              *perspectives_key;

  /* The prompt drop-down: "None" and the prompts; ids parallel to it. */
  GPtrArray         *prompt_ids;
  gboolean           syncing_prompt;
  /* TRUE once the person chose a prompt; until the running item changes,
   * that choice wins over the item's prompt. */
  gboolean           prompt_chosen;
  char              *current_item_id;  /* the timer's item last seen */

  /* The perspective of the next voice ("" for none). */
  char              *perspective_id;
  gboolean           syncing_perspectives;
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

/* The prompt of an agenda item, or "" when it runs none. */
static const char *
item_prompt_id (SamAgendaItem *item)
{
  if (item == NULL ||
      sam_item_get_enum (SAM_ITEM (item), "activity-kind") != SAM_ACTIVITY_PROMPT)
    return "";
  return sam_item_get_string (SAM_ITEM (item), "activity-id");
}

/* The agenda item new voices belong to: the one running or paused, and
 * before the agenda has started the one Start will start, since what is
 * said while people settle belongs to it. Once the agenda is finished,
 * none. */
static SamAgendaItem *
current_item (SamVoicesPage *self)
{
  if (self->timer == NULL || sam_timer_get_state (self->timer) == SAM_TIMER_FINISHED)
    return NULL;
  return sam_timer_get_current (self->timer);
}

/* The order of the list: by prompt in the order of the prompt library,
 * voices without a prompt last; within a prompt by time, so the newest is
 * last. */

typedef struct
{
  SamItem *voice;
  int      group;   /* the prompt's position + 1, G_MAXINT for none */
  gint64   time;
  guint    index;   /* in the session: voices of one time keep their order */
} VoiceKey;

static int
prompt_position (SamVoicesPage *self,
                 const char    *id)
{
  gpointer position = id != NULL ? g_hash_table_lookup (self->prompt_index, id) : NULL;

  return position != NULL ? GPOINTER_TO_INT (position) : G_MAXINT;
}

static int
compare_keys (const void *a,
              const void *b)
{
  const VoiceKey *x = a, *y = b;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static void
rebuild_list (SamVoicesPage *self)
{
  GListModel *voices, *prompts;
  g_autofree VoiceKey *keys = NULL;
  GObjectClass *voice_class;
  GParamSpec *prompt_pspec, *time_pspec;
  GPtrArray *items;
  guint n;
  int group = 0;

  self->list_dirty = FALSE;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  if (self->session == NULL)
    {
      sam_voices_model_replace (self->model, g_ptr_array_new_with_free_func (g_object_unref));
      return;
    }

  voices = G_LIST_MODEL (sam_session_get_voices (self->session));
  prompts = G_LIST_MODEL (sam_session_get_prompts (self->session));
  n = g_list_model_get_n_items (voices);
  keys = g_new (VoiceKey, MAX (n, 1));
  /* Looked up once: by name, for every voice, they would cost more than
   * the sorting. */
  voice_class = g_type_class_ref (SAM_TYPE_VOICE);
  prompt_pspec = g_object_class_find_property (voice_class, "prompt");
  time_pspec = g_object_class_find_property (voice_class, "time");
  g_type_class_unref (voice_class);
  for (guint i = 0; i < n; i++)
    {
      /* The session holds the voice: a borrowed pointer is enough. */
      SamItem *voice = g_list_model_get_item (voices, i);

      g_object_unref (voice);
      keys[i] = (VoiceKey) {
        voice,
        prompt_position (self, g_value_get_string (sam_item_peek_value (voice, prompt_pspec))),
        g_value_get_int64 (sam_item_peek_value (voice, time_pspec)),
        i
      };
    }
  qsort (keys, n, sizeof (VoiceKey), compare_keys);

  items = g_ptr_array_new_full (n + 16, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      if (keys[i].group != group)
        {
          group = keys[i].group;
          if (group == G_MAXINT)
            g_ptr_array_add (items, g_object_ref (self->no_prompt_header));
          else
            g_ptr_array_add (items, g_list_model_get_item (prompts, group - 1));
        }
      g_ptr_array_add (items, g_object_ref (keys[i].voice));
    }

  sam_voices_model_replace (self->model, items);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  SamVoicesPage *self = data;

  self->rebuild_id = 0;
  if (self->list_dirty)
    rebuild_list (self);
  return G_SOURCE_REMOVE;
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

static SamItem *
row_voice (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "voice");
}

/* Sets the text of a row as the voice's: the apply button would otherwise
 * offer to apply what is already there. */
static void
set_row_text (GtkWidget  *row,
              const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0)
    return;
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
}

static void
update_row (SamVoicesPage *self,
            GtkWidget     *row)
{
  SamItem *voice = row_voice (row);
  GtkToggleButton *stage = g_object_get_data (G_OBJECT (row), "stage-button");
  const char *perspective;
  g_autofree char *time = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (voice == NULL)
    return;

  perspective = lookup_string (self, sam_item_get_string (voice, "perspective"), "name");
  time = format_time (sam_item_get_int64 (voice, "time"));
  if (perspective != NULL && perspective[0] != '\0')
    /* Translators: the title of a voice's row: the time it was said and
     * the perspective of who said it, e.g. "13:42 · School". */
    title = g_strdup_printf (C_("voice row", "%s · %s"), time, perspective);
  else
    title = g_steal_pointer (&time);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  /* Undo and redo change the voice under the row: show its text unless
   * the person is typing in it. */
  if (focus == NULL || (focus != row && !gtk_widget_is_ancestor (focus, row)))
    set_row_text (row, sam_item_get_string (voice, "text"));

  g_object_set_data (G_OBJECT (row), "syncing", GINT_TO_POINTER (TRUE));
  gtk_toggle_button_set_active (stage, sam_item_get_boolean (voice, "on-stage"));
  g_object_set_data (G_OBJECT (row), "syncing", NULL);
}

static void
voice_changed_cb (SamItem    *voice,
                  GParamSpec *pspec,
                  GtkWidget  *row)
{
  update_row (g_object_get_data (G_OBJECT (row), "page"), row);
}

static void
remove_voice (SamVoicesPage *self,
              SamItem       *voice)
{
  if (self->session == NULL || voice == NULL || sam_item_get_parent (voice) == NULL)
    return;

  sam_session_remove (self->session, voice);
  add_undo_toast (self, _("Voice removed"));
}

static void
row_apply_cb (AdwEntryRow   *row,
              SamVoicesPage *self)
{
  g_autoptr(SamItem) voice = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (row_voice (GTK_WIDGET (row)) == NULL)
    return;
  /* The edit may take the row from the voice (when it is removed). */
  voice = g_object_ref (row_voice (GTK_WIDGET (row)));
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
  if (row_voice (GTK_WIDGET (row)) == voice)
    set_row_text (GTK_WIDGET (row), text);
}

/* Whether the row holds text typed and not applied. */
static gboolean
row_is_edited (GtkWidget *row)
{
  SamItem *voice = row_voice (row);

  return voice != NULL &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), sam_item_get_string (voice, "text")) != 0;
}

static void
row_focus_leave_cb (GtkEventControllerFocus *controller,
                    SamVoicesPage           *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* What was typed counts when the focus moves on, as in the rest of the
   * app, not only on Enter. */
  if (row_is_edited (row))
    g_signal_emit_by_name (row, "apply");
}

static void
stage_toggled_cb (GtkToggleButton *button,
                  GtkWidget       *row)
{
  SamItem *voice = row_voice (row);
  SamVoicesPage *self = g_object_get_data (G_OBJECT (row), "page");
  gboolean active = gtk_toggle_button_get_active (button);

  if (g_object_get_data (G_OBJECT (row), "syncing") != NULL || self->session == NULL ||
      voice == NULL || active == sam_item_get_boolean (voice, "on-stage"))
    return;

  sam_session_begin (self->session, active ? _("Show Voice on Stage") : _("Hide Voice from Stage"));
  sam_session_set (self->session, voice, "on-stage", active, NULL);
  sam_session_end (self->session);
}

static void
remove_clicked_cb (GtkButton *button,
                   GtkWidget *row)
{
  remove_voice (g_object_get_data (G_OBJECT (row), "page"), row_voice (row));
}

/* A voice's row, made once and bound to one voice after another. */
static GtkWidget *
create_row (SamVoicesPage *self)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *stage = gtk_toggle_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkEventController *focus;

  /* The title holds a perspective's name as typed: "Parents & Carers" is
   * text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  g_object_set_data (G_OBJECT (row), "page", self);
  g_object_set_data (G_OBJECT (row), "stage-button", stage);

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

  g_signal_connect (row, "apply", G_CALLBACK (row_apply_cb), self);
  g_signal_connect (stage, "toggled", G_CALLBACK (stage_toggled_cb), row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), row);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (row_focus_leave_cb), self);
  gtk_widget_add_controller (row, focus);

  return row;
}

static void
bind_row (SamVoicesPage *self,
          GtkWidget     *row,
          SamItem       *voice)
{
  gulong handler;

  g_object_set_data_full (G_OBJECT (row), "voice", g_object_ref (voice), g_object_unref);
  /* The voice's text, whatever the row held for the voice before. */
  set_row_text (row, sam_item_get_string (voice, "text"));
  update_row (self, row);

  handler = g_signal_connect (voice, "notify", G_CALLBACK (voice_changed_cb), row);
  g_object_set_data (G_OBJECT (row), "notify-handler", GSIZE_TO_POINTER (handler));
  g_hash_table_add (self->rows, row);
}

static void
unbind_row (SamVoicesPage *self,
            GtkWidget     *row)
{
  SamItem *voice = row_voice (row);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "notify-handler"));

  if (voice == NULL)
    return;

  g_hash_table_remove (self->rows, row);
  g_clear_signal_handler (&handler, voice);
  g_object_set_data (G_OBJECT (row), "notify-handler", NULL);
  g_object_set_data (G_OBJECT (row), "voice", NULL);
}

/* The list items: one widget holds a header label and a voice row, and
 * shows the one its item needs. A header is an item of its own, so that
 * adding or removing a voice never leaves a header on the wrong row. */

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SamVoicesPage            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_label_new (NULL);
  GtkWidget *row = create_row (self);

  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_top (header, 18);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "voices-header");
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), row);

  g_object_set_data (G_OBJECT (box), "header", header);
  g_object_set_data (G_OBJECT (box), "row", row);

  /* The rows hold controls of their own: an item is not activated. It
   * stays selectable (the model selects nothing) because in GTK 4.8 only
   * a selectable item can take the focus, and Tab and the arrow keys move
   * through the list by focusing items. */
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_child (list_item, box);
}

static void
drop_binding (gpointer binding)
{
  g_binding_unbind (binding);
  g_object_unref (binding);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SamVoicesPage            *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkLabel *header = g_object_get_data (G_OBJECT (box), "header");
  GtkWidget *row = g_object_get_data (G_OBJECT (box), "row");
  GObject *item = gtk_list_item_get_item (list_item);
  gboolean is_voice = SAM_IS_VOICE (item);

  gtk_widget_set_visible (GTK_WIDGET (header), !is_voice);
  gtk_widget_set_visible (row, is_voice);

  if (is_voice)
    bind_row (self, row, SAM_ITEM (item));
  else if (GTK_IS_STRING_OBJECT (item))
    gtk_label_set_text (header, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  else
    /* A prompt's text, also when it is edited in the prompt library. */
    g_object_set_data_full (G_OBJECT (box), "binding",
                            g_object_ref (g_object_bind_property (item, "text", header, "label",
                                                                  G_BINDING_SYNC_CREATE)),
                            drop_binding);
}

static void
unbind_item_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SamVoicesPage            *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);

  unbind_row (self, g_object_get_data (G_OBJECT (box), "row"));
  g_object_set_data (G_OBJECT (box), "binding", NULL);
}

/* The position of @voice in the list, or G_MAXUINT. */
static guint
list_position (SamVoicesPage *self,
               SamItem       *voice)
{
  if (self->list_dirty)
    rebuild_list (self);
  return sam_voices_model_find (self->model, voice);
}

static gboolean
list_is_at_bottom (SamVoicesPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  return gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) >=
         gtk_adjustment_get_upper (adjustment) - 1;
}

static void
scroll_to_followed (SamVoicesPage *self)
{
  g_autoptr(SamItem) voice = g_steal_pointer (&self->followed);
  guint position;

  if (self->follow_clock != NULL)
    {
      g_clear_signal_handler (&self->follow_handler, self->follow_clock);
      g_clear_object (&self->follow_clock);
    }

  position = voice != NULL ? list_position (self, voice) : G_MAXUINT;
  if (position != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
}

static void
follow_layout_cb (GdkFrameClock *clock,
                  SamVoicesPage *self)
{
  scroll_to_followed (self);
}

/* Scrolls to @voice, just added, once the list has laid out its row: until
 * then the list knows no height for it and would stop with the row just out
 * of sight. Asking again after the layout makes the frame clock lay out
 * again before it paints, so the first frame with the voice shows it. */
static void
follow_voice (SamVoicesPage *self,
              SamItem       *voice)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->list));

  g_set_object (&self->followed, voice);
  if (clock == NULL)
    {
      scroll_to_followed (self);
      return;
    }
  if (self->follow_clock == NULL)
    {
      self->follow_clock = g_object_ref (clock);
      self->follow_handler = g_signal_connect_after (clock, "layout", G_CALLBACK (follow_layout_cb), self);
    }
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
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

  rebuild_list (self);
  rebuild_prompt_choices (self);
}

static void
refresh_perspectives (SamVoicesPage *self,
                      gboolean       force)
{
  g_autofree char *key = NULL;
  GHashTableIter iter;
  gpointer row;

  if (self->session == NULL)
    return;

  key = make_key (sam_session_get_perspectives (self->session), "name");
  if (!force && g_strcmp0 (key, self->perspectives_key) == 0)
    return;
  g_free (self->perspectives_key);
  self->perspectives_key = g_steal_pointer (&key);

  rebuild_perspective_buttons (self);

  /* The rows name their perspective; a renamed one is rare enough to
   * update every row there is. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    update_row (self, row);
}

static void
update_empty (SamVoicesPage *self)
{
  gboolean empty = self->session == NULL || n_items (sam_session_get_voices (self->session)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

static void
voices_changed_cb (SamVoicesPage *self)
{
  update_empty (self);

  /* An edit ends with ::committed, which sorts the list once however many
   * voices it touched; the idle is for changes made outside an edit (a
   * journal replayed), which have none. */
  self->list_dirty = TRUE;
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle_cb, self, NULL);
}

/* Whether an edit set a voice's prompt or time, which place it in the
 * list. The operations are compact JSON (see sam-session.h); another
 * item's member of the same name only costs a needless sort. */
static gboolean
moves_voices (const char * const *ops)
{
  for (guint i = 0; ops != NULL && ops[i] != NULL; i++)
    if (g_str_has_prefix (ops[i], "{\"op\":\"set\"") &&
        (strstr (ops[i], "\"member\":\"prompt\"") != NULL || strstr (ops[i], "\"member\":\"time\"") != NULL))
      return TRUE;
  return FALSE;
}

static void
committed_cb (SamVoicesPage      *self,
              const char * const *ops)
{
  refresh_prompts (self, FALSE);
  refresh_perspectives (self, FALSE);
  /* Voices added or removed, or moved to another prompt or time; edits of
   * anything else (a voice's text, the timer's records) leave the order. */
  if (self->list_dirty || moves_voices (ops))
    rebuild_list (self);
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
  gboolean follow;

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

  /* Someone following the newest voices at the end of the list keeps
   * seeing them; someone reading further up is left where they are. */
  follow = list_is_at_bottom (self);

  sam_session_begin (self->session, _("Capture Voice"));
  sam_session_insert (self->session, self->session, "voices", G_MAXUINT, voice);
  sam_session_end (self->session);

  if (follow)
    follow_voice (self, voice);

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
  rebuild_list (self);
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
  g_autoptr(GPtrArray) edited = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (SAM_IS_VOICES_PAGE (self));

  if (self->session == NULL)
    return;

  /* Only a row bound to a voice can hold typing (one that scrolls away is
   * unbound only once the focus has left it, which applies it). Applying
   * edits the list, so collect first. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    if (row_is_edited (row))
      g_ptr_array_add (edited, g_object_ref (row));

  for (guint i = 0; i < edited->len; i++)
    if (row_is_edited (edited->pdata[i]))
      g_signal_emit_by_name (edited->pdata[i], "apply");
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
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->follow_clock != NULL)
    g_clear_signal_handler (&self->follow_handler, self->follow_clock);
  g_clear_object (&self->follow_clock);
  g_clear_object (&self->followed);
  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_VOICES_PAGE);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->voices_signals);
  g_clear_object (&self->timer_signals);
  g_clear_object (&self->model);
  g_clear_object (&self->no_prompt_header);
  g_clear_object (&self->session);
  g_clear_object (&self->timer);

  G_OBJECT_CLASS (sam_voices_page_parent_class)->dispose (object);
}

static void
sam_voices_page_finalize (GObject *object)
{
  SamVoicesPage *self = SAM_VOICES_PAGE (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
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
  gtk_widget_class_bind_template_child (widget_class, SamVoicesPage, scroller);
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
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->perspective_id = g_strdup ("");
  self->prompt_ids = g_ptr_array_new_with_free_func (g_free);
  self->prompt_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_hash_table_new (NULL, NULL);

  self->model = g_object_new (SAM_TYPE_VOICES_MODEL, NULL);
  self->no_prompt_header = gtk_string_object_new (_("Without a prompt"));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));

  self->session_signals = g_signal_group_new (SAM_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "committed", G_CALLBACK (committed_cb), self);
  self->voices_signals = g_signal_group_new (G_TYPE_LIST_STORE);
  g_signal_group_connect_swapped (self->voices_signals, "items-changed", G_CALLBACK (voices_changed_cb), self);
  self->timer_signals = g_signal_group_new (SAM_TYPE_TIMER);
  g_signal_group_connect_swapped (self->timer_signals, "changed", G_CALLBACK (timer_changed_cb), self);

  rebuild_prompt_choices (self);
}
