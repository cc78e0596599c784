/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-prompt-library.h"
#include "sam-prompts.h"
#include "sam-search.h"
#include "sam-session.h"
#include "sam-store.h"
#include "sam-window.h"

/*
 * Two lists over one search: the prompts of the store (read once, and again
 * after a removal or its Undo) and the starters. Searching filters both here,
 * by the same rule as the store's search (sam-search.h), so that each key
 * typed does not read the store again.
 *
 * A removal is a change to the store, not to the session, so its Undo lives
 * in this window's own toast rather than in the session's history.
 */

struct _SamPromptLibrary
{
  AdwWindow        parent_instance;

  GtkSearchEntry  *search_entry;
  GtkWidget       *no_store_banner;
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkWidget       *saved_group;
  GtkWidget       *suggestions_group;
  GtkListBox      *saved_list;
  GtkListBox      *suggestions_list;

  SamSession      *session;
  SamStore        *store;

  GPtrArray       *library;      /* SamPromptInfo, newest used first */
  GPtrArray       *starters;     /* SamItem */
  char            *query;
  SamSearch       *search;       /* NULL: everything */

  GListStore      *saved;        /* what the lists show */
  GListStore      *suggestions;
  GListModel      *shown;        /* both, saved ones first */
};

G_DEFINE_FINAL_TYPE (SamPromptLibrary, sam_prompt_library, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  INSERTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a listed prompt carries: its id in the store (none for a starter) and
 * its words folded for searching, worked out once as it is read. */
#define LIBRARY_ID_KEY "sam-library-id"
#define SEARCH_TEXT_KEY "sam-search-text"
#define PROMPT_KEY "sam-prompt"

/* Searching */

/* Remembers what a search looks at in @prompt: its text, sentence starters
 * and follow-up questions, as the store's own search does. One per line, so
 * that no word (which holds no space) matches across two of them. */
static void
prepare_prompt (SamItem *prompt,
                gint64   library_id)
{
  g_autoptr(GString) all = g_string_new (sam_item_get_string (prompt, "text"));
  const char * const *lists[] = {
    sam_item_get_strv (prompt, "starters"),
    sam_item_get_strv (prompt, "follow-ups"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (guint j = 0; lists[i] != NULL && lists[i][j] != NULL; j++)
      g_string_append_printf (all, "\n%s", lists[i][j]);

  g_object_set_data_full (G_OBJECT (prompt), SEARCH_TEXT_KEY, sam_search_fold (all->str), g_free);
  g_object_set_data_full (G_OBJECT (prompt), LIBRARY_ID_KEY,
                          g_memdup2 (&library_id, sizeof library_id), g_free);
}

static gint64
get_library_id (SamItem *prompt)
{
  gint64 *id = g_object_get_data (G_OBJECT (prompt), LIBRARY_ID_KEY);

  return id != NULL ? *id : 0;
}

static gboolean
matches (SamPromptLibrary *self,
         SamItem          *prompt)
{
  return self->search == NULL
         || sam_search_matches_folded (self->search,
                                       g_object_get_data (G_OBJECT (prompt), SEARCH_TEXT_KEY));
}

/* Whether the store already holds @starter: the store keeps one prompt per
 * text and format, and so does the list. */
static gboolean
is_saved (SamPromptLibrary *self,
          SamItem          *starter)
{
  const char *text = sam_item_get_string (starter, "text");
  int format = sam_item_get_enum (starter, "format");

  for (guint i = 0; self->library != NULL && i < self->library->len; i++)
    {
      SamPromptInfo *info = g_ptr_array_index (self->library, i);

      if (sam_item_get_enum (info->prompt, "format") == format &&
          g_strcmp0 (sam_item_get_string (info->prompt, "text"), text) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
update_shown (SamPromptLibrary *self)
{
  g_autoptr(GPtrArray) saved = g_ptr_array_new ();
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new ();
  guint n_saved, n_suggestions;

  for (guint i = 0; self->library != NULL && i < self->library->len; i++)
    {
      SamPromptInfo *info = g_ptr_array_index (self->library, i);

      if (matches (self, info->prompt))
        g_ptr_array_add (saved, info->prompt);
    }

  for (guint i = 0; i < self->starters->len; i++)
    {
      SamItem *starter = g_ptr_array_index (self->starters, i);

      if (matches (self, starter) && !is_saved (self, starter))
        g_ptr_array_add (suggestions, starter);
    }

  n_saved = g_list_model_get_n_items (G_LIST_MODEL (self->saved));
  n_suggestions = g_list_model_get_n_items (G_LIST_MODEL (self->suggestions));
  g_list_store_splice (self->saved, 0, n_saved, saved->pdata, saved->len);
  g_list_store_splice (self->suggestions, 0, n_suggestions, suggestions->pdata, suggestions->len);

  gtk_widget_set_visible (self->saved_group, saved->len > 0);
  gtk_widget_set_visible (self->suggestions_group, suggestions->len > 0);
  gtk_stack_set_visible_child_name (self->stack,
                                    saved->len + suggestions->len > 0 ? "list" : "empty");
}

/* Messages */

static void
add_message (SamPromptLibrary *self,
             const char       *text)
{
  /* A toast's title is markup, and an error may quote a prompt. */
  g_autofree char *markup = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Reading the store */

static void
load_library (SamPromptLibrary *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *library;

  if (self->store == NULL)
    return;

  library = sam_store_list_prompts (self->store, NULL, &error);
  if (library == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not read the library: %s"), error->message);

      add_message (self, text);
      /* What was read before is still worth offering. */
      return;
    }

  for (guint i = 0; i < library->len; i++)
    {
      SamPromptInfo *info = g_ptr_array_index (library, i);

      prepare_prompt (info->prompt, info->id);
    }

  g_clear_pointer (&self->library, g_ptr_array_unref);
  self->library = library;
}

/* Inserting */

static SamItem *
insert_prompt (SamPromptLibrary *self,
               SamItem          *prompt)
{
  g_autoptr(SamPromptLibrary) hold = g_object_ref (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 id = get_library_id (prompt);
  SamItem *copy = sam_prompt_copy (prompt);
  g_autoptr(GError) error = NULL;

  sam_session_begin (self->session, _("Insert Prompt"));
  sam_session_insert (self->session, self->session, "prompts", G_MAXUINT, copy);
  sam_session_end (self->session);
  /* The session holds it now. */
  g_object_unref (copy);

  if (SAM_IS_WINDOW (parent))
    sam_window_add_undo_toast (SAM_WINDOW (parent), _("Prompt inserted"));

  if (id > 0 && self->store != NULL && !sam_store_touch_prompt (self->store, id, &error))
    {
      /* Translators: the prompt was inserted; only its place at the top of
       * the library was not kept. %s is the reason. */
      g_autofree char *text = g_strdup_printf (_("Could not mark the prompt as used: %s"),
                                               error->message);

      if (SAM_IS_WINDOW (parent))
        sam_window_add_message (SAM_WINDOW (parent), text);
      else
        g_warning ("%s", text);
    }

  g_signal_emit (self, signals[INSERTED], 0, copy);
  gtk_window_close (GTK_WINDOW (self));

  return copy;
}

static void
row_activated_cb (SamPromptLibrary *self,
                  GtkWidget        *row)
{
  insert_prompt (self, g_object_get_data (G_OBJECT (row), PROMPT_KEY));
}

static void
insert_clicked_cb (SamPromptLibrary *self,
                   GtkWidget        *button)
{
  insert_prompt (self, g_object_get_data (G_OBJECT (button), PROMPT_KEY));
}

/* Removing, and taking it back */

static void
undo_remove_cb (SamPromptLibrary *self,
                AdwToast         *toast)
{
  SamItem *prompt = g_object_get_data (G_OBJECT (toast), PROMPT_KEY);
  g_autoptr(GError) error = NULL;

  if (prompt == NULL || self->store == NULL)
    return;

  if (sam_store_save_prompt (self->store, prompt, &error) == 0)
    {
      g_autofree char *text = g_strdup_printf (_("Could not put the prompt back: %s"),
                                               error->message);

      add_message (self, text);
      return;
    }

  load_library (self);
  update_shown (self);
}

/* After a removal the focus goes to the row that took the removed one's
 * place (or the one above it), not back to the top of the window. */
static void
focus_saved_row (SamPromptLibrary *self,
                 guint             index)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->saved));
  GtkListBoxRow *row = NULL;

  if (n > 0)
    row = gtk_list_box_get_row_at_index (self->saved_list, MIN (index, n - 1));

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
remove_prompt (SamPromptLibrary *self,
               SamItem          *prompt)
{
  g_autoptr(SamItem) removed = g_object_ref (prompt);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  guint index = 0;

  g_return_if_fail (self->store != NULL);

  g_list_store_find (self->saved, prompt, &index);

  if (!sam_store_delete_prompt (self->store, get_library_id (prompt), &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not remove the prompt: %s"),
                                               error->message);

      add_message (self, text);
      /* Gone already (another window removed it, say): show what is left. */
      if (g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_FOUND))
        {
          load_library (self);
          update_shown (self);
        }
      return;
    }

  load_library (self);
  update_shown (self);
  focus_saved_row (self, index);

  toast = adw_toast_new (_("Prompt removed from library"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), PROMPT_KEY, g_steal_pointer (&removed), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb),
                           self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
remove_clicked_cb (SamPromptLibrary *self,
                   GtkWidget        *button)
{
  remove_prompt (self, g_object_get_data (G_OBJECT (button), PROMPT_KEY));
}

/* Rows */

/* The start of a prompt, enough to tell it from the others when a screen
 * reader names a row's button: up to 40 characters, cut between words. */
static char *
prompt_start (const char *text)
{
  const glong max_chars = 40;
  g_autofree char *line = g_strdelimit (g_strdup (text != NULL ? text : ""), "\n\t\r", ' ');
  const char *end, *space;

  g_strstrip (line);
  if (g_utf8_strlen (line, -1) <= max_chars)
    return g_steal_pointer (&line);

  end = g_utf8_offset_to_pointer (line, max_chars);
  space = g_utf8_strrchr (line, end - line, ' ');
  if (space != NULL && g_utf8_pointer_to_offset (line, space) >= max_chars / 2)
    end = space;

  return g_strdup_printf ("%.*s…", (int) (end - line), line);
}

/* "In pairs · 5 min · 4 sentence starters" */
static char *
describe_prompt (SamItem *prompt)
{
  const char * const *starters = sam_item_get_strv (prompt, "starters");
  guint n_starters = starters != NULL ? g_strv_length ((char **) starters) : 0;
  g_autofree char *format = sam_prompt_describe_format (prompt);
  g_autofree char *count = NULL;

  if (n_starters == 0)
    return g_steal_pointer (&format);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sentence starter",
                                        "%u sentence starters", n_starters),
                           n_starters);
  /* Translators: between how a prompt is worked with and how many sentence
   * starters it has, e.g. "In pairs · 5 min · 4 sentence starters" */
  return g_strjoin (C_("prompt details", " · "), format, count, NULL);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SamPromptLibrary *self = user_data;
  SamItem *prompt = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *insert_button = gtk_button_new_with_label (_("Insert"));
  g_autofree char *subtitle = describe_prompt (prompt);
  g_autofree char *start = prompt_start (sam_item_get_string (prompt, "text"));
  g_autofree char *insert_label = NULL;

  /* Prompts are typed by people: "&" or "<" is text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sam_item_get_string (prompt, "text"));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), PROMPT_KEY, g_object_ref (prompt), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);

  /* Translators: the accessible name of a prompt's Insert button; %s is
   * the start of the prompt's text */
  insert_label = g_strdup_printf (_("Insert “%s”"), start);
  gtk_widget_set_valign (insert_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (insert_button, _("Insert Into the Session"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (insert_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, insert_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (insert_button), PROMPT_KEY, g_object_ref (prompt), g_object_unref);
  g_signal_connect_object (insert_button, "clicked", G_CALLBACK (insert_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), insert_button);

  if (get_library_id (prompt) > 0)
    {
      GtkWidget *remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove_button, "flat");
      gtk_widget_set_tooltip_text (remove_button, _("Remove from Library"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove from Library"),
                                      -1);
      g_object_set_data_full (G_OBJECT (remove_button), PROMPT_KEY, g_object_ref (prompt),
                              g_object_unref);
      g_signal_connect_object (remove_button, "clicked", G_CALLBACK (remove_clicked_cb),
                               self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);
    }

  return row;
}

/* The search entry */

static void
set_query (SamPromptLibrary *self,
           const char       *query)
{
  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  g_clear_pointer (&self->search, sam_search_free);
  self->search = sam_search_new (query);
  if (sam_search_is_empty (self->search))
    g_clear_pointer (&self->search, sam_search_free);
  update_shown (self);
}

static void
search_changed_cb (SamPromptLibrary *self,
                   GtkSearchEntry   *entry)
{
  set_query (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Escape clears a search first and closes the window after. */
static void
stop_search_cb (SamPromptLibrary *self,
                GtkSearchEntry   *entry)
{
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamPromptLibrary *self = SAM_PROMPT_LIBRARY (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* GObject */

static void
sam_prompt_library_constructed (GObject *object)
{
  SamPromptLibrary *self = SAM_PROMPT_LIBRARY (object);

  G_OBJECT_CLASS (sam_prompt_library_parent_class)->constructed (object);

  gtk_widget_set_visible (self->no_store_banner, self->store == NULL);
  load_library (self);
  update_shown (self);
}

static void
sam_prompt_library_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SamPromptLibrary *self = SAM_PROMPT_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_set_object (&self->session, g_value_get_object (value));
      break;

    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_prompt_library_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SamPromptLibrary *self = SAM_PROMPT_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_prompt_library_dispose (GObject *object)
{
  SamPromptLibrary *self = SAM_PROMPT_LIBRARY (object);

  if (self->saved_list != NULL)
    gtk_list_box_bind_model (self->saved_list, NULL, NULL, NULL, NULL);
  if (self->suggestions_list != NULL)
    gtk_list_box_bind_model (self->suggestions_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_PROMPT_LIBRARY);

  G_OBJECT_CLASS (sam_prompt_library_parent_class)->dispose (object);
}

static void
sam_prompt_library_finalize (GObject *object)
{
  SamPromptLibrary *self = SAM_PROMPT_LIBRARY (object);

  g_clear_object (&self->shown);
  g_clear_object (&self->saved);
  g_clear_object (&self->suggestions);
  g_clear_pointer (&self->library, g_ptr_array_unref);
  g_clear_pointer (&self->starters, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->search, sam_search_free);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_prompt_library_parent_class)->finalize (object);
}

static void
sam_prompt_library_class_init (SamPromptLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_prompt_library_constructed;
  object_class->set_property = sam_prompt_library_set_property;
  object_class->get_property = sam_prompt_library_get_property;
  object_class->dispose = sam_prompt_library_dispose;
  object_class->finalize = sam_prompt_library_finalize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SAM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SamPromptLibrary::inserted:
   * @prompt: the new prompt in the session
   *
   * A prompt of the library was inserted into the session.
   */
  signals[INSERTED] =
    g_signal_new ("inserted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAM_TYPE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sam-prompt-library.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPromptLibrary, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SamPromptLibrary, no_store_banner);
  gtk_widget_class_bind_template_child (widget_class, SamPromptLibrary, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamPromptLibrary, stack);
  gtk_widget_class_bind_template_child (widget_class, SamPromptLibrary, saved_group);
  gtk_widget_class_bind_template_child (widget_class, SamPromptLibrary, suggestions_group);
  gtk_widget_class_bind_template_child (widget_class, SamPromptLibrary, saved_list);
  gtk_widget_class_bind_template_child (widget_class, SamPromptLibrary, suggestions_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "library.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "library.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_prompt_library_init (SamPromptLibrary *self)
{
  g_autoptr(GListStore) models = g_list_store_new (G_TYPE_LIST_MODEL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->starters = sam_prompts_dup_starters ();
  for (guint i = 0; i < self->starters->len; i++)
    prepare_prompt (g_ptr_array_index (self->starters, i), 0);

  self->saved = g_list_store_new (SAM_TYPE_ITEM);
  self->suggestions = g_list_store_new (SAM_TYPE_ITEM);
  g_list_store_append (models, self->saved);
  g_list_store_append (models, self->suggestions);
  self->shown = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&models))));

  gtk_list_box_bind_model (self->saved_list, G_LIST_MODEL (self->saved), create_row, self, NULL);
  gtk_list_box_bind_model (self->suggestions_list, G_LIST_MODEL (self->suggestions),
                           create_row, self, NULL);

  /* Typing anywhere in the window searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/* Public API */

/**
 * sam_prompt_library_new:
 * @parent: (nullable): the window it belongs to
 * @session: where prompts are inserted
 * @store: (nullable): the store whose library is shown, or %NULL when it
 *   could not be opened
 *
 * Returns: (transfer none): a new prompt library window, not yet shown; it
 *   belongs to GTK's list of toplevels, like every window
 */
SamPromptLibrary *
sam_prompt_library_new (GtkWindow  *parent,
                        SamSession *session,
                        SamStore   *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (store == NULL || SAM_IS_STORE (store), NULL);

  return g_object_new (SAM_TYPE_PROMPT_LIBRARY,
                       "transient-for", parent,
                       "session", session,
                       "store", store,
                       NULL);
}

/**
 * sam_prompt_library_search:
 * @query: (nullable): the words to look for
 *
 * Shows the prompts that hold every word of @query, as typing it in the
 * search entry does (at once, without the entry's pause).
 */
void
sam_prompt_library_search (SamPromptLibrary *self,
                           const char       *query)
{
  g_return_if_fail (SAM_IS_PROMPT_LIBRARY (self));

  if (query == NULL)
    query = "";

  set_query (self, query);

  /* Replacing the entry's text empties it first, which the entry reports
   * at once as a search for nothing. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
}

/**
 * sam_prompt_library_get_shown:
 *
 * Returns: (transfer none): the listed prompts, stored ones first, a
 *   #GListModel of #SamPrompt
 */
GListModel *
sam_prompt_library_get_shown (SamPromptLibrary *self)
{
  g_return_val_if_fail (SAM_IS_PROMPT_LIBRARY (self), NULL);

  return self->shown;
}

/**
 * sam_prompt_library_insert:
 * @position: the prompt's position in sam_prompt_library_get_shown()
 *
 * Inserts a copy of a listed prompt into the session, as activating its row
 * does, and closes the window.
 *
 * Returns: (transfer none): the new prompt in the session
 */
SamItem *
sam_prompt_library_insert (SamPromptLibrary *self,
                           guint             position)
{
  g_autoptr(SamItem) prompt = NULL;

  g_return_val_if_fail (SAM_IS_PROMPT_LIBRARY (self), NULL);

  prompt = g_list_model_get_item (self->shown, position);
  g_return_val_if_fail (prompt != NULL, NULL);

  return insert_prompt (self, prompt);
}
