/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The prompt library as a facilitator uses it: the suggestions that come
 * with Samling, the prompts saved from earlier sessions listed first,
 * searching both, inserting a prompt into the session (one undo step, and
 * the saved one moves to the top), removing a saved prompt and taking it
 * back, and the window without a store. Screenshots go to
 * <builddir>/tests/ui/screenshots/.
 */

#include "config.h"

#include "sam-entities.h"
#include "sam-history.h"
#include "sam-prompt-library.h"
#include "sam-prompts.h"
#include "sam-session.h"
#include "sam-store.h"
#include "ui-test-util.h"

typedef struct
{
  SamWindow        *window;
  SamSession       *session;
  SamStore         *store;
  SamPromptLibrary *library;
} Fixture;

/* Setting up */

/* A new, empty store of the test's own. */
static SamStore *
new_store (void)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("library-%u.db", ++counter);
  g_autofree char *path = g_build_filename (ui_test_tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static SamItem *
new_prompt (SamPromptFormat     format,
            const char         *text,
            const char * const *starters)
{
  SamItem *prompt = sam_item_new (SAM_TYPE_PROMPT, NULL);

  g_object_set (prompt,
                "format", format,
                "text", text,
                "duration", 5 * 60,
                "starters", starters,
                NULL);
  return prompt;
}

static gint64
save_prompt (SamStore           *store,
             SamPromptFormat     format,
             const char         *text,
             const char * const *starters)
{
  g_autoptr(SamItem) prompt = new_prompt (format, text, starters);
  g_autoptr(GError) error = NULL;
  gint64 id = sam_store_save_prompt (store, prompt, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
open_library (Fixture  *fixture,
              SamStore *store)
{
  if (fixture->window == NULL)
    {
      fixture->window = ui_test_open_new (1000, 760);
      fixture->session = sam_window_get_session (fixture->window);
    }
  g_set_object (&fixture->store, store);
  fixture->library = sam_prompt_library_new (GTK_WINDOW (fixture->window), fixture->session, store);
  g_object_add_weak_pointer (G_OBJECT (fixture->library), (gpointer *) &fixture->library);

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->library)) ==
                 GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->library)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->library)), ==, "Prompt Library");

  gtk_window_present (GTK_WINDOW (fixture->library));
  g_assert_true (ui_test_wait_for (ui_test_is_mapped, fixture->library));
  ui_test_run_for (100);
}

static void
close_all (Fixture *fixture)
{
  if (fixture->library != NULL)
    gtk_window_close (GTK_WINDOW (fixture->library));
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &fixture->library));
  ui_test_close_window (fixture->window);
  fixture->window = NULL;
  g_clear_object (&fixture->store);
}

/* Reading what is shown */

static GListModel *
shown (Fixture *fixture)
{
  return sam_prompt_library_get_shown (fixture->library);
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (shown (fixture));
}

static const char *
shown_text (Fixture *fixture,
            guint    position)
{
  g_autoptr(SamItem) prompt = g_list_model_get_item (shown (fixture), position);

  g_assert_nonnull (prompt);
  /* The library holds it. */
  return sam_item_get_string (prompt, "text");
}

static gboolean
is_shown (Fixture    *fixture,
          const char *text)
{
  for (guint i = 0; i < n_shown (fixture); i++)
    if (g_strcmp0 (shown_text (fixture, i), text) == 0)
      return TRUE;

  return FALSE;
}

static guint
n_starters (void)
{
  g_autoptr(GPtrArray) starters = sam_prompts_dup_starters ();

  return starters->len;
}

static char *
starter_text (guint index)
{
  g_autoptr(GPtrArray) starters = sam_prompts_dup_starters ();

  return g_strdup (sam_item_get_string (g_ptr_array_index (starters, index), "text"));
}

static GtkWidget *
find_in (gpointer      root,
         UiTestMatch   match,
         gconstpointer data)
{
  GtkWidget *widget = ui_test_find_widget (GTK_WIDGET (root), match, data);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_PREFERENCES_GROUP (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), data) == 0;
}

static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), data) == 0;
}

/* A mapped button with the tooltip @data (which is also what a screen
 * reader says for an icon button). */
static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static gboolean
is_search_entry (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static AdwActionRow *
row_titled (Fixture    *fixture,
            const char *title)
{
  GtkWidget *row = find_in (fixture->library, ui_test_is_row_titled, title);

  g_assert_true (ADW_IS_ACTION_ROW (row));
  return ADW_ACTION_ROW (row);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ui_test_run_for (50);
}

static char *
first_stored_text (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sam_store_list_prompts (store, NULL, &error);
  SamPromptInfo *info;

  g_assert_no_error (error);
  if (list->len == 0)
    return NULL;

  info = g_ptr_array_index (list, 0);
  return g_strdup (sam_item_get_string (info->prompt, "text"));
}

static guint
n_stored (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sam_store_list_prompts (store, NULL, &error);

  g_assert_no_error (error);
  return list->len;
}

static guint
n_prompts (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_prompts (fixture->session)));
}

static SamItem *
session_prompt (Fixture *fixture,
                guint    index)
{
  g_autoptr(SamItem) prompt = g_list_model_get_item (G_LIST_MODEL (sam_session_get_prompts (fixture->session)),
                                                     index);

  g_assert_nonnull (prompt);
  /* The session holds it. */
  return prompt;
}

/* Tests */

/* A new library offers the suggestions, and only those. */
static void
test_starters (void)
{
  Fixture fixture = { 0 };
  g_autofree char *first = starter_text (0);
  g_autoptr(SamStore) store = new_store ();
  GtkWidget *entry;

  open_library (&fixture, store);

  g_assert_cmpuint (n_shown (&fixture), ==, n_starters ());
  g_assert_cmpstr (shown_text (&fixture, 0), ==, first);
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.library), is_group_titled, "Suggestions"));
  g_assert_null (ui_test_find_widget (GTK_WIDGET (fixture.library), is_group_titled, "Saved Prompts"));

  /* Each row says how the room works with the prompt, and offers Insert
   * but no removal: a suggestion is not the person's to delete. */
  g_assert_cmpstr (adw_action_row_get_subtitle (row_titled (&fixture, first)), ==,
                   "On your own · 3 min · 3 sentence starters");
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (row_titled (&fixture, first)),
                                         ui_test_is_button_labelled, "Insert"));
  g_assert_null (ui_test_find_widget (GTK_WIDGET (fixture.library), is_named, "Remove from Library"));

  /* Ctrl+F goes to the search entry. */
  entry = find_in (fixture.library, is_search_entry, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (row_titled (&fixture, first)));
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)))));
  gtk_widget_activate_action (GTK_WIDGET (fixture.library), "library.search", NULL);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)))));

  /* Nothing in the session changed by looking. */
  g_assert_cmpuint (n_prompts (&fixture), ==, 0);
  close_all (&fixture);
}

/* Saved prompts come first, newest used first, and a suggestion that was
 * saved is not offered twice. */
static void
test_saved_first (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SamStore) store = new_store ();
  g_autoptr(GPtrArray) starters = sam_prompts_dup_starters ();
  g_autofree char *first = starter_text (0);
  const char *lines[] = { "I think …", "I wonder …", "I know …", "I hope …", NULL };
  g_autoptr(GError) error = NULL;

  save_prompt (store, SAM_PROMPT_FORMAT_PAIR, "What did you learn today?", lines);
  save_prompt (store, SAM_PROMPT_FORMAT_TRIO, "Where do our sectors meet?", NULL);
  g_assert_cmpint (sam_store_save_prompt (store, g_ptr_array_index (starters, 0), &error), >, 0);
  g_assert_no_error (error);

  open_library (&fixture, store);

  g_assert_cmpuint (n_shown (&fixture), ==, 3 + n_starters () - 1);
  g_assert_cmpstr (shown_text (&fixture, 0), ==, first);
  g_assert_cmpstr (shown_text (&fixture, 1), ==, "Where do our sectors meet?");
  g_assert_cmpstr (shown_text (&fixture, 2), ==, "What did you learn today?");
  for (guint i = 3; i < n_shown (&fixture); i++)
    g_assert_cmpstr (shown_text (&fixture, i), !=, first);

  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.library), is_group_titled, "Saved Prompts"));
  g_assert_cmpstr (adw_action_row_get_subtitle (row_titled (&fixture, "What did you learn today?")), ==,
                   "In pairs · 5 min · 4 sentence starters");
  g_assert_cmpstr (adw_action_row_get_subtitle (row_titled (&fixture, "Where do our sectors meet?")), ==,
                   "In threes · 5 min");
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (row_titled (&fixture, "Where do our sectors meet?")),
                                         is_named, "Remove from Library"));

  close_all (&fixture);
}

typedef struct
{
  Fixture *fixture;
  guint   *expected;
} ShownQuery;

static gboolean
n_shown_is (gpointer data)
{
  ShownQuery *query = data;

  return n_shown (query->fixture) == *query->expected;
}

/* Every word must be found, in the text, the starters or the follow-ups;
 * case and accents do not matter; the suggestions are searched too. */
static void
test_search (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SamStore) store = new_store ();
  const char *lines[] = { "Mitt kafé är …", NULL };
  GtkWidget *entry;
  guint all, expected = 0;
  ShownQuery query = { &fixture, &expected };

  save_prompt (store, SAM_PROMPT_FORMAT_PAIR, "Vad skulle Åsa säga om skolan?", NULL);
  save_prompt (store, SAM_PROMPT_FORMAT_PAIR, "Who would you call first?", lines);
  open_library (&fixture, store);
  all = n_shown (&fixture);

  sam_prompt_library_search (fixture.library, "ÅSA");
  g_assert_cmpuint (n_shown (&fixture), ==, 1);
  g_assert_cmpstr (shown_text (&fixture, 0), ==, "Vad skulle Åsa säga om skolan?");

  sam_prompt_library_search (fixture.library, "asa");
  g_assert_cmpuint (n_shown (&fixture), ==, 1);

  sam_prompt_library_search (fixture.library, "  skolan   åsa ");
  g_assert_cmpuint (n_shown (&fixture), ==, 1);

  /* In a sentence starter, typed without its accent. */
  sam_prompt_library_search (fixture.library, "KAFE");
  g_assert_cmpuint (n_shown (&fixture), ==, 1);
  g_assert_cmpstr (shown_text (&fixture, 0), ==, "Who would you call first?");

  /* The suggestions, by a word of a text and of a follow-up question. */
  sam_prompt_library_search (fixture.library, "Loneliness");
  g_assert_cmpuint (n_shown (&fixture), ==, 1);
  g_assert_null (ui_test_find_widget (GTK_WIDGET (fixture.library), is_group_titled, "Saved Prompts"));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.library), is_group_titled, "Suggestions"));
  sam_prompt_library_search (fixture.library, "cracks");
  g_assert_cmpuint (n_shown (&fixture), ==, 1);
  g_assert_true (g_str_has_prefix (shown_text (&fixture, 0), "Choose one thing"));

  /* Both words, not either. */
  sam_prompt_library_search (fixture.library, "åsa first");
  g_assert_cmpuint (n_shown (&fixture), ==, 0);
  ui_test_run_for (100);
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.library), is_status_page_titled,
                                         "No Prompts Found"));
  ui_test_save_screenshot (GTK_WIDGET (fixture.library), "prompt-library-none-found.png");

  /* Typed into the entry, as a person would. */
  entry = find_in (fixture.library, is_search_entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "skolan");
  expected = 1;
  g_assert_true (ui_test_wait_for (n_shown_is, &query));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.library), ui_test_is_row_titled,
                                         "Vad skulle Åsa säga om skolan?"));

  /* Escape clears the search first; the window stays. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  expected = all;
  g_assert_true (ui_test_wait_for (n_shown_is, &query));
  ui_test_run_for (50);
  g_assert_nonnull (fixture.library);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture.library)));

  /* A second Escape closes it. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &fixture.library));

  close_all (&fixture);
}

typedef struct
{
  gpointer    window;
  const char *text;
} MessageQuery;

/* A toast in @data's window that says its text. */
static gboolean
message_shown (gpointer data)
{
  MessageQuery *query = data;

  return ui_test_find_widget (GTK_WIDGET (query->window), ui_test_is_label_reading, query->text) != NULL;
}

typedef struct
{
  guint    n_emitted;
  SamItem *prompt;
} Inserted;

static void
inserted_cb (SamPromptLibrary *library,
             SamItem          *prompt,
             Inserted         *inserted)
{
  inserted->n_emitted++;
  inserted->prompt = prompt;
}

/* Inserting puts a copy at the end of the session's prompts as one undo
 * step, moves a saved prompt to the top of the library and closes the
 * window. */
static void
test_insert (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SamStore) store = new_store ();
  const char *lines[] = { "We could …", "I will …", NULL };
  Inserted inserted = { 0 };
  g_autofree char *top = NULL;
  g_autofree char *first = starter_text (0);
  SamHistory *history;
  SamItem *prompt;
  guint position;

  save_prompt (store, SAM_PROMPT_FORMAT_GROUP, "What should we do together?", lines);
  save_prompt (store, SAM_PROMPT_FORMAT_PAIR, "Who else should be here?", NULL);
  open_library (&fixture, store);
  history = sam_session_get_history (fixture.session);
  g_signal_connect (fixture.library, "inserted", G_CALLBACK (inserted_cb), &inserted);

  g_assert_cmpstr (shown_text (&fixture, 1), ==, "What should we do together?");
  position = 1;
  prompt = sam_prompt_library_insert (fixture.library, position);

  g_assert_cmpuint (n_prompts (&fixture), ==, 1);
  g_assert_true (session_prompt (&fixture, 0) == prompt);
  g_assert_cmpuint (inserted.n_emitted, ==, 1);
  g_assert_true (inserted.prompt == prompt);
  g_assert_cmpstr (sam_item_get_string (prompt, "text"), ==, "What should we do together?");
  g_assert_cmpint (sam_item_get_enum (prompt, "format"), ==, SAM_PROMPT_FORMAT_GROUP);
  g_assert_cmpstrv (sam_item_get_strv (prompt, "starters"), lines);
  g_assert_nonnull (sam_item_get_id (prompt));
  g_assert_true (sam_session_lookup (fixture.session, sam_item_get_id (prompt)) == prompt);

  g_assert_true (ui_test_wait_for (ui_test_is_gone, &fixture.library));
  g_assert_true (ui_test_wait_for (message_shown, &(MessageQuery) { fixture.window, "Prompt inserted" }));
  top = first_stored_text (store);
  g_assert_cmpstr (top, ==, "What should we do together?");

  /* One step takes it back. */
  g_assert_cmpstr (sam_history_get_undo_label (history), ==, "Insert Prompt");
  g_assert_true (sam_session_undo (fixture.session));
  g_assert_cmpuint (n_prompts (&fixture), ==, 0);
  g_assert_true (sam_session_redo (fixture.session));
  g_assert_cmpuint (n_prompts (&fixture), ==, 1);

  /* A suggestion, by its Insert button: at the end, and the library keeps
   * no copy of it. */
  open_library (&fixture, store);
  click (find_in (row_titled (&fixture, first), ui_test_is_button_labelled, "Insert"));
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &fixture.library));
  g_assert_cmpuint (n_prompts (&fixture), ==, 2);
  g_assert_cmpstr (sam_item_get_string (session_prompt (&fixture, 1), "text"), ==, first);
  g_assert_cmpuint (n_stored (store), ==, 2);

  /* Activating a row does the same. */
  open_library (&fixture, store);
  g_signal_emit_by_name (row_titled (&fixture, "Who else should be here?"), "activated");
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &fixture.library));
  g_assert_cmpuint (n_prompts (&fixture), ==, 3);
  g_assert_cmpstr (sam_item_get_string (session_prompt (&fixture, 2), "text"), ==, "Who else should be here?");
  g_clear_pointer (&top, g_free);
  top = first_stored_text (store);
  g_assert_cmpstr (top, ==, "Who else should be here?");

  close_all (&fixture);
}

/* A saved prompt can be removed, and Undo in the toast saves it again. */
static void
test_remove (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SamStore) store = new_store ();
  GtkWidget *row, *undo;
  g_autoptr(GError) error = NULL;
  gint64 kept_id;

  kept_id = save_prompt (store, SAM_PROMPT_FORMAT_PAIR, "What keeps you going?", NULL);
  save_prompt (store, SAM_PROMPT_FORMAT_TRIO, "What stops you?", NULL);
  open_library (&fixture, store);

  row = GTK_WIDGET (row_titled (&fixture, "What stops you?"));
  click (find_in (row, is_named, "Remove from Library"));

  g_assert_cmpuint (n_stored (store), ==, 1);
  g_assert_false (is_shown (&fixture, "What stops you?"));
  g_assert_true (is_shown (&fixture, "What keeps you going?"));
  g_assert_null (ui_test_find_widget (GTK_WIDGET (fixture.library), ui_test_is_row_titled, "What stops you?"));
  g_assert_cmpuint (n_prompts (&fixture), ==, 0);

  undo = ui_test_find_widget (GTK_WIDGET (fixture.library), ui_test_is_button_labelled, "_Undo");
  if (undo == NULL)
    {
      ui_test_run_for (300);
      undo = find_in (fixture.library, ui_test_is_button_labelled, "_Undo");
    }
  ui_test_save_screenshot (GTK_WIDGET (fixture.library), "prompt-library-removed.png");
  click (undo);

  g_assert_cmpuint (n_stored (store), ==, 2);
  g_assert_true (is_shown (&fixture, "What stops you?"));
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.library), ui_test_is_row_titled, "What stops you?"));

  /* One removed elsewhere in the meantime: the window says so and lists
   * what is left. */
  g_assert_true (sam_store_delete_prompt (store, kept_id, &error));
  g_assert_no_error (error);
  click (find_in (row_titled (&fixture, "What keeps you going?"), is_named, "Remove from Library"));
  g_assert_false (is_shown (&fixture, "What keeps you going?"));
  g_assert_true (ui_test_wait_for (message_shown, &(MessageQuery) {
    fixture.library, "Could not remove the prompt: The prompt is no longer in the library" }));

  /* Removing the last saved prompt leaves the suggestions. */
  click (find_in (row_titled (&fixture, "What stops you?"), is_named, "Remove from Library"));
  g_assert_cmpuint (n_stored (store), ==, 0);
  g_assert_cmpuint (n_shown (&fixture), ==, n_starters ());
  ui_test_run_for (50);
  g_assert_null (ui_test_find_widget (GTK_WIDGET (fixture.library), is_group_titled, "Saved Prompts"));

  close_all (&fixture);
}

/* Without a store the window says why, and the suggestions still work. */
static void
test_no_store (void)
{
  Fixture fixture = { 0 };
  g_autofree char *first = starter_text (0);

  open_library (&fixture, NULL);

  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (fixture.library), ui_test_is_label_reading,
                                         "The library could not be opened; only the suggestions are shown."));
  g_assert_null (ui_test_find_widget (GTK_WIDGET (fixture.library), is_group_titled, "Saved Prompts"));
  g_assert_cmpuint (n_shown (&fixture), ==, n_starters ());
  ui_test_save_screenshot (GTK_WIDGET (fixture.library), "prompt-library-no-store.png");

  sam_prompt_library_insert (fixture.library, 0);
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &fixture.library));
  g_assert_cmpuint (n_prompts (&fixture), ==, 1);
  g_assert_cmpstr (sam_item_get_string (session_prompt (&fixture, 0), "text"), ==, first);

  close_all (&fixture);
}

/* A prompt is text: what looks like markup shows as typed. */
static void
test_hostile_text (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SamStore) store = new_store ();
  const char *hostile = "<b>x</b> & <i>";
  GtkWidget *row, *button;

  save_prompt (store, SAM_PROMPT_FORMAT_PAIR, hostile, NULL);
  open_library (&fixture, store);

  row = GTK_WIDGET (row_titled (&fixture, hostile));
  g_assert_nonnull (ui_test_find_widget (row, ui_test_is_label_reading, hostile));

  button = find_in (row, ui_test_is_button_labelled, "Insert");
  click (button);
  g_assert_true (ui_test_wait_for (ui_test_is_gone, &fixture.library));
  g_assert_cmpstr (sam_item_get_string (session_prompt (&fixture, 0), "text"), ==, hostile);

  close_all (&fixture);
}

static void
test_screenshot (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SamStore) store = new_store ();
  const char *lines[] = { "What I bring is …", "What I need is …", "What worries me is …",
                          "What gives me hope is …", NULL };

  save_prompt (store, SAM_PROMPT_FORMAT_PLENARY, "What did we agree on today, and who takes it on?", NULL);
  save_prompt (store, SAM_PROMPT_FORMAT_PAIR,
               "Tell each other about a young person you met this month: what did they need "
               "that nobody around them could give, and who could have noticed it sooner?",
               lines);
  open_library (&fixture, store);
  ui_test_run_for (300);
  ui_test_save_screenshot (GTK_WIDGET (fixture.library), "prompt-library.png");

  close_all (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  ui_test_create_app ();

  g_test_add_func ("/library/starters", test_starters);
  g_test_add_func ("/library/saved-first", test_saved_first);
  g_test_add_func ("/library/search", test_search);
  g_test_add_func ("/library/insert", test_insert);
  g_test_add_func ("/library/remove", test_remove);
  g_test_add_func ("/library/no-store", test_no_store);
  g_test_add_func ("/library/hostile-text", test_hostile_text);
  g_test_add_func ("/library/screenshot", test_screenshot);

  return ui_test_run ();
}
