/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sam-export-private.h"
#include "sam-file.h"
#include "sam-json.h"
#include "sam-wall.h"

/*
 * The summary's content (blocks), the Markdown and HTML writers, and the
 * formats' way in. Times are shown in local time: the tests fix the time
 * zone to Central European time (as a POSIX rule, so that no time zone
 * database is needed), which is where the demo session was held.
 */

#define TEST_TZ "CET-1CEST,M3.5.0,M10.5.0/3"

/* What people type that a writer must not turn into markup. */
static const char * const hostile[] = {
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "# Not a heading",
  "- not a list",
  "1. not a list",
  "2) nor this",
  "> not a quote",
  "+ plus",
  "a < b and c > d",
  "*stars* and _underscores_ and **bold**",
  "[a link](https://example.com) and ![a picture](x.png)",
  "`code` and ``more``",
  "a | pipe | in | text",
  "~~not struck~~",
  "Tom &amp; Jerry & co",
  "back\\slash\\",
  "===",
  "<!-- not a comment -->",
  "<https://example.com>",
  /* A lone carriage return ends a line in CommonMark too. */
  "a\r- b\r> c\r1. d\r---",
};

static gint64
local_time (int hour,
            int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (2024, 3, 12, hour, minute, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static SamSession *
load_demo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo.samling", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SamSession *session = sam_file_load (file, NULL, &error);

  g_assert_no_error (error);
  return session;
}

static const char *
perspective_id (SamSession *session,
                guint       index)
{
  g_autoptr(SamItem) perspective =
    g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (session)), index);

  return sam_item_get_id (perspective);
}

static SamItem *
add_agenda_item (SamSession *session,
                 const char *title,
                 int         minutes,
                 gint64      start,
                 gint64      end)
{
  g_autoptr(SamItem) item = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);

  g_object_set (item, "title", title, "duration", minutes * 60,
                "actual-start", start, "actual-end", end, NULL);
  sam_session_insert (session, session, "agenda", G_MAXUINT, item);
  return item;
}

static SamItem *
add_voice (SamSession *session,
           const char *text,
           SamItem    *prompt,
           SamItem    *item,
           gint64      time,
           const char *perspective)
{
  g_autoptr(SamItem) voice = sam_item_new (SAM_TYPE_VOICE, NULL);

  g_object_set (voice, "text", text, "time", time,
                "prompt", prompt != NULL ? sam_item_get_id (prompt) : "",
                "agenda-item", item != NULL ? sam_item_get_id (item) : "",
                "perspective", perspective != NULL ? perspective : "",
                NULL);
  sam_session_insert (session, session, "voices", G_MAXUINT, voice);
  return voice;
}

static SamItem *
add_prompt (SamSession         *session,
            const char         *text,
            SamPromptFormat     format,
            const char * const *starters)
{
  g_autoptr(SamItem) prompt = sam_item_new (SAM_TYPE_PROMPT, NULL);

  g_object_set (prompt, "text", text, "format", format, "duration", 600,
                "starters", starters, NULL);
  sam_session_insert (session, session, "prompts", G_MAXUINT, prompt);
  return prompt;
}

static SamItem *
add_note (SamSession *session,
          SamItem    *column,
          const char *text,
          int         votes,
          gboolean    hidden,
          const char *perspective)
{
  SamItem *note = sam_wall_add_note (session, column, G_MAXUINT, text, SAM_NOTE_COLOR_YELLOW,
                                     perspective, hidden);

  sam_session_set (session, note, "votes", votes, NULL);
  return note;
}

/*
 * A session that ran: the first item ran 12 minutes of 10, the second 16 of
 * 20 (18 with a pause of 2), the third was skipped, the fourth not held.
 */
static SamSession *
make_session (void)
{
  SamSession *session = sam_session_new ();
  const char *starters[] = { "Jag undrar …", "Det viktigaste är …", NULL };
  SamItem *dialogue, *own, *other, *wall, *column, *cluster_notes[2];
  g_autoptr(SamItem) pause = sam_item_new (SAM_TYPE_PAUSE, NULL);
  g_autoptr(SamItem) welcome = NULL;

  sam_session_set (session, session,
                   "title", "Samling i Åhus",
                   "date", "2024-03-12",
                   "start-time", "13:00",
                   "end-time", "14:00",
                   "place", "Åhus",
                   "purpose", "Att höras",
                   NULL);

  own = add_prompt (session, "Vad gör dig glad?", SAM_PROMPT_FORMAT_PAIR, starters);
  other = add_prompt (session, "Vad saknas?", SAM_PROMPT_FORMAT_PLENARY, NULL);

  welcome = g_object_ref (add_agenda_item (session, "Välkommen", 10,
                                           local_time (13, 0), local_time (13, 12)));
  dialogue = add_agenda_item (session, "Dialog", 20, local_time (13, 12), local_time (13, 30));
  sam_session_set (session, dialogue, "activity-kind", SAM_ACTIVITY_PROMPT,
                   "activity-id", sam_item_get_id (own), NULL);
  g_object_set (pause, "start", local_time (13, 20), "end", local_time (13, 22), NULL);
  sam_session_insert (session, dialogue, "pauses", G_MAXUINT, pause);
  sam_session_set (session, add_agenda_item (session, "Paus", 10, 0, 0), "skipped", TRUE, NULL);
  add_agenda_item (session, "Summering", 10, 0, 0);

  add_voice (session, "Att vi ses", own, dialogue, local_time (13, 15), perspective_id (session, 2));
  add_voice (session, "Utan fråga", NULL, dialogue, local_time (13, 16), NULL);
  add_voice (session, "Helt fri", NULL, NULL, 0, perspective_id (session, 0));
  add_voice (session, "Mer tid", other, NULL, local_time (13, 40), NULL);

  wall = sam_wall_add (session, "Frågor", FALSE);
  column = sam_wall_add_column (session, wall, "Idéer", G_MAXUINT);
  add_note (session, column, "Ett", 1, FALSE, NULL);
  add_note (session, column, "Två", 3, TRUE, perspective_id (session, 2));
  add_note (session, column, "Tre", 3, FALSE, NULL);
  add_note (session, column, "Fyra", 0, FALSE, NULL);
  cluster_notes[0] = add_note (session, column, "Fem", 0, FALSE, NULL);
  cluster_notes[1] = add_note (session, column, "Sex", 2, FALSE, NULL);
  sam_wall_cluster_notes (session, cluster_notes, 2, "Föreningar");
  sam_wall_add_column (session, wall, "Tom", G_MAXUINT);

  return session;
}

/* The index of the first block of @kind with @text after @from, or -1. */
static int
find_block (GPtrArray    *blocks,
            int           from,
            SamBlockKind  kind,
            const char   *text)
{
  for (guint i = MAX (from, 0); i < blocks->len; i++)
    {
      SamBlock *block = blocks->pdata[i];

      if (block->kind == kind && (text == NULL || g_strcmp0 (block->text, text) == 0))
        return (int) i;
    }
  return -1;
}

static SamBlock *
block_at (GPtrArray *blocks,
          int        index)
{
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (index, <, (int) blocks->len);
  return blocks->pdata[index];
}

static char *
export_text (SamSession      *session,
             SamExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sam_export_to_bytes (session, format, SAM_EXPORT_ALL, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (data, size, NULL));
  return g_strndup (data, size);
}

/* Formats */

static void
test_format_names (void)
{
  static const struct { const char *name; SamExportFormat format; } names[] = {
    { "pdf", SAM_EXPORT_PDF }, { "PDF", SAM_EXPORT_PDF }, { "html", SAM_EXPORT_HTML },
    { "Md", SAM_EXPORT_MARKDOWN }, { "markdown", SAM_EXPORT_MARKDOWN }, { "JSON", SAM_EXPORT_JSON },
  };
  g_autoptr(GError) error = NULL;
  SamExportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (sam_export_format_from_name (names[i].name, &format, &error));
      g_assert_no_error (error);
      g_assert_cmpint (format, ==, names[i].format);
    }

  g_assert_false (sam_export_format_from_name ("docx", &format, &error));
  g_assert_error (error, SAM_EXPORT_ERROR, SAM_EXPORT_ERROR_UNKNOWN_FORMAT);
  /* The message names what was asked for and what works. */
  g_assert_nonnull (strstr (error->message, "docx"));
  g_assert_nonnull (strstr (error->message, "pdf, html, md or json"));
  g_clear_error (&error);
  g_assert_false (sam_export_format_from_name ("", &format, &error));
  g_assert_error (error, SAM_EXPORT_ERROR, SAM_EXPORT_ERROR_UNKNOWN_FORMAT);

  g_assert_cmpstr (sam_export_format_extension (SAM_EXPORT_PDF), ==, "pdf");
  g_assert_cmpstr (sam_export_format_extension (SAM_EXPORT_HTML), ==, "html");
  g_assert_cmpstr (sam_export_format_extension (SAM_EXPORT_MARKDOWN), ==, "md");
  g_assert_cmpstr (sam_export_format_extension (SAM_EXPORT_JSON), ==, "json");
  g_assert_cmpstr (sam_export_format_media_type (SAM_EXPORT_PDF), ==, "application/pdf");
  g_assert_cmpstr (sam_export_format_media_type (SAM_EXPORT_HTML), ==, "text/html");
  g_assert_cmpstr (sam_export_format_media_type (SAM_EXPORT_MARKDOWN), ==, "text/markdown");
  g_assert_cmpstr (sam_export_format_media_type (SAM_EXPORT_JSON), ==, "application/json");
}

static void
test_format_json (void)
{
  g_autoptr(SamSession) session = load_demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sam_export_to_bytes (session, SAM_EXPORT_JSON, SAM_EXPORT_DETAILS, &error);
  g_autoptr(SamSession) loaded = NULL;
  g_autofree char *saved = NULL;
  gsize size, saved_size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  saved = sam_json_save_data (session, &saved_size);
  /* The whole document, whatever the sections. */
  g_assert_cmpmem (data, size, saved, saved_size);

  loaded = sam_json_load_data (data, size, &error);
  g_assert_no_error (error);
  g_assert_true (sam_item_equal (SAM_ITEM (loaded), SAM_ITEM (session)));
}

static void
test_format_pdf (void)
{
  g_autoptr(SamSession) session = load_demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sam_export_to_bytes (session, SAM_EXPORT_PDF, SAM_EXPORT_ALL, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
}

static void
test_format_file (void)
{
  g_autoptr(SamSession) session = load_demo ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "summary.md", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "summary.md", NULL);
  g_autofree char *expected = export_text (session, SAM_EXPORT_MARKDOWN);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GDir) listing = NULL;

  g_assert_no_error (error);

  /* An old file is replaced whole. */
  g_assert_true (g_file_set_contents (path, "old summary, much longer than nothing at all", -1, NULL));
  g_assert_true (sam_export_to_file (session, SAM_EXPORT_MARKDOWN, SAM_EXPORT_ALL, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  /* A folder that is not there: a clear error naming the file, and nothing
   * written anywhere. */
  g_assert_false (sam_export_to_file (session, SAM_EXPORT_HTML, SAM_EXPORT_ALL, missing_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "summary.md"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* No temporary file is left beside the summary. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "summary.md");
  g_assert_null (g_dir_read_name (listing));

  g_unlink (path);
  g_rmdir (dir);
}

/* Blocks */

static void
test_blocks_sections (void)
{
  g_autoptr(SamSession) session = load_demo ();
  g_autoptr(GPtrArray) all = sam_export_build_blocks (session, SAM_EXPORT_ALL);
  g_autoptr(GPtrArray) walls = sam_export_build_blocks (session, SAM_EXPORT_WALLS);
  const char *sections[] = { "Who Was There", "Agenda", "Dialogues", "Walls" };
  int at = 0;

  g_assert_cmpint (block_at (all, 0)->kind, ==, SAM_BLOCK_TITLE);
  g_assert_cmpstr (block_at (all, 0)->text, ==, "Kraftsamling – prova på");
  g_assert_cmpint (block_at (all, 1)->kind, ==, SAM_BLOCK_FIELDS);

  /* The sections in their order, each a first-level heading. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      int next = find_block (all, at, SAM_BLOCK_HEADING, sections[i]);

      g_assert_cmpint (next, >, at);
      g_assert_cmpint (block_at (all, next)->level, ==, 1);
      at = next;
    }

  /* Only what was asked for, under the title. */
  g_assert_cmpint (block_at (walls, 0)->kind, ==, SAM_BLOCK_TITLE);
  g_assert_cmpint (find_block (walls, 0, SAM_BLOCK_FIELDS, NULL), ==, -1);
  g_assert_cmpint (find_block (walls, 0, SAM_BLOCK_HEADING, "Agenda"), ==, -1);
  g_assert_cmpint (find_block (walls, 0, SAM_BLOCK_HEADING, "Who Was There"), ==, -1);
  g_assert_cmpint (find_block (walls, 0, SAM_BLOCK_HEADING, "Walls"), ==, 1);
}

static void
test_blocks_details (void)
{
  g_autoptr(SamSession) session = load_demo ();
  g_autoptr(GPtrArray) blocks = sam_export_build_blocks (session, SAM_EXPORT_DETAILS);
  SamBlock *fields = block_at (blocks, 1);
  const char *expected[][2] = {
    { "Date", "18 December 2023" },
    { "Time", "13:00–15:00" },
    { "Place", "Karlskrona" },
    { "Mode", "Physical" },
    { "Purpose", NULL },
    { "Goal", "Varje barn i Blekinge ska må bra i skolan och se en framtid som det själv vill ha." },
  };

  g_assert_cmpint (fields->kind, ==, SAM_BLOCK_FIELDS);
  g_assert_cmpuint (fields->rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GStrv row = fields->rows->pdata[i];

      g_assert_cmpstr (row[0], ==, expected[i][0]);
      if (expected[i][1] != NULL)
        g_assert_cmpstr (row[1], ==, expected[i][1]);
    }
}

static void
test_blocks_people (void)
{
  g_autoptr(SamSession) session = load_demo ();
  g_autoptr(GPtrArray) blocks = sam_export_build_blocks (session, SAM_EXPORT_PEOPLE);
  int chart = find_block (blocks, 0, SAM_BLOCK_PICTURE, NULL);
  int map = find_block (blocks, chart + 1, SAM_BLOCK_PICTURE, NULL);
  int missing = find_block (blocks, 0, SAM_BLOCK_HEADING, "Perspectives Missing");
  SamBlock *table;
  GStrv row;

  g_assert_cmpstr (block_at (blocks, 2)->text, ==, "6 participants present · 14 balloons on the map");
  g_assert_cmpint (block_at (blocks, chart)->picture, ==, SAM_PICTURE_CHART);
  g_assert_cmpint (block_at (blocks, map)->picture, ==, SAM_PICTURE_MAP);

  /* Counts by perspective: balloons, and people present who bring it. */
  table = block_at (blocks, chart + 1);
  g_assert_cmpint (table->kind, ==, SAM_BLOCK_TABLE);
  row = table->rows->pdata[0];
  g_assert_cmpstr (row[0], ==, "Perspective");
  g_assert_cmpstr (row[1], ==, "Balloons");
  g_assert_cmpstr (row[2], ==, "Participants");
  row = table->rows->pdata[1];
  g_assert_cmpstr (row[0], ==, "Region");
  g_assert_cmpstr (row[2], ==, "2");

  /* Counts by place, most first, then the perspectives no one brought. */
  table = block_at (blocks, map + 2);
  g_assert_cmpint (table->kind, ==, SAM_BLOCK_TABLE);
  g_assert_cmpstr (((GStrv) table->rows->pdata[0])[0], ==, "Place");
  g_assert_cmpstr (((GStrv) table->rows->pdata[1])[0], ==, "Karlskrona");
  g_assert_cmpint (missing, >, map);
}

static void
test_blocks_agenda (void)
{
  g_autoptr(SamSession) session = make_session ();
  g_autoptr(GPtrArray) blocks = sam_export_build_blocks (session, SAM_EXPORT_AGENDA);
  SamBlock *table = block_at (blocks, 2);
  SamBlock *ends = block_at (blocks, 3);
  const char *expected[][7] = {
    { "#", "Item", "Planned start", "Planned length", "Actual start", "Actual length", "Difference" },
    { "1", "Välkommen", "13:00", "10 min", "13:00", "12 min", "+2 min" },
    { "2", "Dialog", "13:10", "20 min", "13:12", "16 min", "−4 min" },
    { "3", "Paus", "13:30", "10 min", "—", "—", "skipped" },
    { "4", "Summering", "13:40", "10 min", "—", "—", "not held" },
  };

  g_assert_cmpint (table->kind, ==, SAM_BLOCK_TABLE);
  g_assert_cmpuint (table->rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GStrv row = table->rows->pdata[i];

      g_assert_cmpuint (g_strv_length (row), ==, 7);
      for (guint c = 0; c < 7; c++)
        g_assert_cmpstr (row[c], ==, expected[i][c]);
    }

  g_assert_cmpint (ends->kind, ==, SAM_BLOCK_FIELDS);
  g_assert_cmpstr (((GStrv) ends->rows->pdata[0])[0], ==, "Planned end");
  g_assert_cmpstr (((GStrv) ends->rows->pdata[0])[1], ==, "13:50");
  g_assert_cmpstr (((GStrv) ends->rows->pdata[1])[0], ==, "Actual end");
  g_assert_cmpstr (((GStrv) ends->rows->pdata[1])[1], ==, "13:30 (−20 min)");
}

static void
test_blocks_dialogues (void)
{
  g_autoptr(SamSession) session = make_session ();
  g_autoptr(GPtrArray) blocks = sam_export_build_blocks (session, SAM_EXPORT_DIALOGUES);
  int item = find_block (blocks, 0, SAM_BLOCK_HEADING, "Dialog");
  int question = find_block (blocks, item, SAM_BLOCK_HEADING, "Vad gör dig glad?");
  int loose = find_block (blocks, question, SAM_BLOCK_HEADING, "Without a Prompt");
  int other = find_block (blocks, loose, SAM_BLOCK_HEADING, "Other Voices");
  int unplanned = find_block (blocks, other, SAM_BLOCK_HEADING, "Vad saknas?");
  SamBlock *starters, *quotes;

  /* Items without a prompt or voices have no part here. */
  g_assert_cmpint (find_block (blocks, 0, SAM_BLOCK_HEADING, "Välkommen"), ==, -1);

  g_assert_cmpint (block_at (blocks, item)->level, ==, 2);
  g_assert_cmpint (block_at (blocks, question)->level, ==, 3);
  g_assert_cmpstr (block_at (blocks, question + 1)->text, ==, "In pairs · 10 min");
  starters = block_at (blocks, question + 3);
  g_assert_cmpint (starters->kind, ==, SAM_BLOCK_LIST);
  g_assert_cmpuint (starters->items->len, ==, 2);
  g_assert_cmpstr (starters->items->pdata[0], ==, "Jag undrar …");

  quotes = block_at (blocks, question + 4);
  g_assert_cmpint (quotes->kind, ==, SAM_BLOCK_QUOTES);
  g_assert_cmpuint (quotes->items->len, ==, 1);
  g_assert_cmpstr (quotes->items->pdata[0], ==, "Att vi ses");
  g_assert_cmpstr (quotes->metas->pdata[0], ==, "13:15 · School");

  quotes = block_at (blocks, loose + 1);
  g_assert_cmpstr (quotes->items->pdata[0], ==, "Utan fråga");
  g_assert_cmpstr (quotes->metas->pdata[0], ==, "13:16");

  /* At the end, what was captured outside the agenda. */
  g_assert_cmpint (other, >, loose);
  g_assert_cmpint (unplanned, >, other);
  quotes = block_at (blocks, unplanned + 2);
  g_assert_cmpstr (quotes->items->pdata[0], ==, "Mer tid");
  quotes = block_at (blocks, blocks->len - 1);
  g_assert_cmpint (quotes->kind, ==, SAM_BLOCK_QUOTES);
  g_assert_cmpstr (quotes->items->pdata[0], ==, "Helt fri");
  g_assert_cmpstr (quotes->metas->pdata[0], ==, "Region");
}

static void
test_blocks_walls (void)
{
  g_autoptr(SamSession) session = make_session ();
  g_autoptr(GPtrArray) blocks = sam_export_build_blocks (session, SAM_EXPORT_WALLS);
  int column = find_block (blocks, 0, SAM_BLOCK_HEADING, "Idéer");
  int cluster = find_block (blocks, column, SAM_BLOCK_HEADING, "Föreningar · 2 votes");
  int empty = find_block (blocks, column, SAM_BLOCK_HEADING, "Tom");
  const char *order[] = { "Två", "Tre", "Ett", "Fyra" };
  const char *metas[] = { "3 votes · School · hidden", "3 votes", "1 vote", NULL };
  SamBlock *notes;

  g_assert_cmpint (find_block (blocks, 0, SAM_BLOCK_HEADING, "Frågor"), ==, column - 1);
  g_assert_cmpint (block_at (blocks, column - 1)->level, ==, 2);
  g_assert_cmpint (block_at (blocks, column)->level, ==, 3);

  /* Most-voted first; as many votes keep the wall's order; hidden notes are
   * there, marked. */
  notes = block_at (blocks, column + 1);
  g_assert_cmpint (notes->kind, ==, SAM_BLOCK_LIST);
  g_assert_cmpuint (notes->items->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_assert_cmpstr (notes->items->pdata[i], ==, order[i]);
      g_assert_cmpstr (notes->metas->pdata[i], ==, metas[i]);
    }

  /* A cluster under its own heading, its notes by votes too. */
  g_assert_cmpint (block_at (blocks, cluster)->level, ==, 4);
  notes = block_at (blocks, cluster + 1);
  g_assert_cmpstr (notes->items->pdata[0], ==, "Sex");
  g_assert_cmpstr (notes->items->pdata[1], ==, "Fem");

  g_assert_cmpint (empty, >, cluster);
  g_assert_cmpstr (block_at (blocks, empty + 1)->text, ==, "No notes.");
}

/* Golden files */

/* The HTML's pictures are drawn by cairo and Pango, whose bytes depend on
 * the fonts installed; the pictures are tested on their own. */
static char *
blank_pictures (const char *html)
{
  g_autoptr(GRegex) regex = g_regex_new ("data:image/png;base64,[A-Za-z0-9+/=]+", 0, 0, NULL);

  return g_regex_replace_literal (regex, html, -1, 0, "data:image/png;base64,PICTURE", 0, NULL);
}

static void
check_golden (const char *name,
              const char *actual)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);

  if (g_strcmp0 (expected, actual) != 0)
    {
      /* Left in the build folder to compare (diff) or to take over once
       * checked by eye. */
      g_autofree char *out = g_test_build_filename (G_TEST_BUILT, name, NULL);

      g_file_set_contents (out, actual, -1, NULL);
      g_test_message ("%s differs from %s; the output is in %s", name, path, out);
      g_test_fail ();
    }
}

static void
test_golden_markdown (void)
{
  g_autoptr(SamSession) session = load_demo ();
  g_autofree char *markdown = export_text (session, SAM_EXPORT_MARKDOWN);

  check_golden ("demo.md", markdown);
}

static void
test_golden_html (void)
{
  g_autoptr(SamSession) session = load_demo ();
  g_autofree char *html = export_text (session, SAM_EXPORT_HTML);
  g_autofree char *blanked = blank_pictures (html);

  /* Both pictures are there, as data. */
  g_assert_nonnull (strstr (html, "<img src=\"data:image/png;base64,iVBOR"));
  g_assert_nonnull (strstr (strstr (html, "base64,iVBOR") + 1, "base64,iVBOR"));
  check_golden ("demo.html", blanked);
}

/* Escaping */

/* The test session with @text in every place a person types. */
static SamSession *
make_hostile_session (const char *text)
{
  SamSession *session = make_session ();
  GListModel *walls = G_LIST_MODEL (sam_session_get_walls (session));
  g_autoptr(SamItem) wall = g_list_model_get_item (walls, 0);
  g_autoptr(SamItem) column = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (wall, "columns")), 0);
  g_autoptr(SamItem) perspective =
    g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (session)), 2);
  g_autoptr(SamItem) item = g_list_model_get_item (G_LIST_MODEL (sam_session_get_agenda (session)), 1);
  const char *starters[] = { text, NULL };
  SamItem *prompt;

  sam_session_set (session, session, "title", text, "place", text, "purpose", text, NULL);
  sam_session_set (session, perspective, "name", text, NULL);
  sam_session_set (session, item, "title", text, NULL);
  prompt = add_prompt (session, text, SAM_PROMPT_FORMAT_GROUP, starters);
  add_voice (session, text, prompt, item, local_time (13, 25), sam_item_get_id (perspective));
  add_note (session, column, text, 7, FALSE, sam_item_get_id (perspective));
  sam_wall_rename_column (session, column, text);

  return session;
}

static void
test_escape_html (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(SamSession) session = make_hostile_session (hostile[i]);
      g_autofree char *html = export_text (session, SAM_EXPORT_HTML);
      g_autofree char *lower = g_ascii_strdown (html, -1);
      g_autofree char *escaped = g_markup_escape_text (hostile[i], -1);
      g_autofree char *title = g_strconcat ("<title>", escaped, "</title>", NULL);
      gboolean in_tag = FALSE;
      guint n_imgs = 0, n_data = 0;

      g_test_message ("payload: %s", hostile[i]);
      g_assert_null (strstr (lower, "<script"));
      g_assert_nonnull (strstr (html, "<meta http-equiv=\"Content-Security-Policy\" "
                                      "content=\"default-src 'none'; img-src data:; "
                                      "style-src 'unsafe-inline'\">"));

      /* The only pictures are the summary's own, and no tag carries an
       * event handler: "onerror=" is only ever text. */
      for (const char *p = lower; (p = strstr (p, "<img")) != NULL; p++)
        n_imgs++;
      for (const char *p = lower; (p = strstr (p, "<img src=\"data:image/png;base64,")) != NULL; p++)
        n_data++;
      g_assert_cmpuint (n_imgs, ==, n_data);
      for (const char *p = lower; *p != '\0'; p++)
        {
          if (*p == '<')
            in_tag = TRUE;
          else if (*p == '>')
            in_tag = FALSE;
          else if (in_tag)
            g_assert_false (g_str_has_prefix (p, "onerror"));
        }

      /* The text shows as typed, in the title and the body (line breaks
       * become <br> and spaces there). */
      if (strchr (hostile[i], '\r') != NULL)
        {
          g_assert_nonnull (strstr (html, "a<br>\n- b<br>\n&gt; c<br>\n1. d<br>\n---"));
          continue;
        }
      g_assert_nonnull (strstr (html, escaped));
      g_assert_nonnull (strstr (html, title));
    }
}

/* Python-Markdown (with its tables) renders @markdown; returns the visible
 * text, or NULL when it is not installed here. */
static char *
render_markdown (const char *markdown)
{
  const char *script =
    "import sys, html.parser\n"
    "try:\n"
    "    import markdown\n"
    "except ImportError:\n"
    "    sys.exit(77)\n"
    "page = markdown.markdown(sys.stdin.read(), extensions=['tables'])\n"
    "class Text(html.parser.HTMLParser):\n"
    "    def __init__(self):\n"
    "        super().__init__(convert_charrefs=True)\n"
    "        self.parts = []\n"
    "        self.tags = []\n"
    "    def handle_starttag(self, tag, attrs):\n"
    "        self.tags.append(tag)\n"
    "        self.parts.append('\\n')\n"
    "    def handle_endtag(self, tag):\n"
    "        self.parts.append('\\n')\n"
    "    def handle_data(self, data):\n"
    "        self.parts.append(data)\n"
    "    def handle_comment(self, data):\n"
    "        self.parts.append('<!--' + data + '-->')\n"
    "t = Text()\n"
    "t.feed(page)\n"
    "bad = [tag for tag in t.tags if tag in ('script', 'img', 'a', 'code', 'del', 's', 'hr', 'ol', 'h6')]\n"
    "print('TAGS:' + ','.join(bad))\n"
    "print(''.join(t.parts))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input = g_bytes_new (markdown, strlen (markdown));
  g_autoptr(GBytes) output = NULL;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    return NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, input, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) == 77)
    return NULL;
  g_assert_true (g_subprocess_get_successful (process));

  return g_strndup (g_bytes_get_data (output, NULL), g_bytes_get_size (output));
}

static char *
collapse_space (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (regex, text, -1, 0, " ", 0, NULL);
}

static void
test_escape_markdown_forms (void)
{
  static const struct { const char *typed; const char *written; } forms[] = {
    { "<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>" },
    { "# Not a heading", "\\# Not a heading" },
    { "- not a list", "\\- not a list" },
    { "1. not a list", "1\\. not a list" },
    { "2) nor this", "2\\) nor this" },
    { "> not a quote", "\\> not a quote" },
    { "*stars* and _underscores_", "\\*stars\\* and \\_underscores\\_" },
    { "[a link](x)", "\\[a link\\](x)" },
    { "`code`", "\\`code\\`" },
    { "a | b", "a &#124; b" },
    { "~~x~~", "&#126;&#126;x&#126;&#126;" },
    { "Tom &amp; Jerry", "Tom &amp;amp; Jerry" },
    { "back\\slash", "back\\\\slash" },
    { "===", "&#61;==" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(SamSession) session = make_session ();
      g_autoptr(GPtrArray) blocks = NULL;
      g_autofree char *markdown = NULL;
      g_autofree char *note = NULL;

      sam_session_set (session, session, "purpose", forms[i].typed, NULL);
      blocks = sam_export_build_blocks (session, SAM_EXPORT_DETAILS);
      markdown = sam_export_write_markdown (blocks);
      note = g_strdup_printf ("- **Purpose:** %s\n", forms[i].written);
      g_assert_nonnull (strstr (markdown, note));
    }
}

static void
test_escape_markdown_lines (void)
{
  g_autoptr(SamSession) session = make_session ();
  g_autoptr(SamItem) voice = g_list_model_get_item (G_LIST_MODEL (sam_session_get_voices (session)), 0);
  g_autofree char *markdown = NULL;

  /* A voice of several lines stays in its quote; a line that looks like a
   * list or a heading does not become one. */
  sam_session_set (session, voice, "text", "Första raden\n\n- andra\n   # tredje  ", NULL);
  markdown = export_text (session, SAM_EXPORT_MARKDOWN);
  g_assert_nonnull (strstr (markdown, "> Första raden\n> \\- andra\n> \\# tredje\n>\n> — *13:15 · School*\n"));
}

static void
test_escape_markdown_render (void)
{
  g_autoptr(GString) all = g_string_new (NULL);
  gboolean rendered = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(SamSession) session = make_hostile_session (hostile[i]);
      g_autofree char *markdown = export_text (session, SAM_EXPORT_MARKDOWN);
      g_autofree char *text = render_markdown (markdown);
      g_autofree char *flat = NULL;
      g_autofree char *first_line = NULL;
      g_autofree char *typed = collapse_space (hostile[i]);
      guint n = 0;

      g_test_message ("payload: %s", hostile[i]);
      g_assert_null (strstr (markdown, "<script"));
      g_assert_null (strstr (markdown, "<img"));
      if (text == NULL)
        continue;

      rendered = TRUE;
      /* No markup came out of the text, and it shows as typed wherever it
       * was: the title, the details, the perspective, the agenda, the
       * prompt and its starter, the voice and the note. */
      first_line = g_strndup (text, strcspn (text, "\n"));
      g_assert_cmpstr (first_line, ==, "TAGS:");
      flat = collapse_space (text);
      for (const char *p = flat; (p = strstr (p, typed)) != NULL; p++)
        n++;
      g_assert_cmpuint (n, >=, 9);
    }

  if (!rendered)
    g_test_skip ("Python-Markdown is not installed: only the escaped forms were checked");
}

/* A session with nothing in it says so, without tables of headings only. */
static void
test_blocks_empty (void)
{
  g_autoptr(SamSession) session = sam_session_new ();
  GListModel *perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;

  while (g_list_model_get_n_items (perspectives) > 0)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, 0);

      sam_session_remove (session, perspective);
    }

  markdown = export_text (session, SAM_EXPORT_MARKDOWN);
  g_assert_null (strstr (markdown, "| Perspective |"));
  g_assert_nonnull (strstr (markdown, "The session has no perspectives."));
  g_assert_null (strstr (markdown, "Every perspective was there."));
  g_assert_nonnull (strstr (markdown, "The agenda is empty."));
  html = export_text (session, SAM_EXPORT_HTML);
  g_assert_null (strstr (html, "<table"));
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything reads the local time zone or the locale: the golden
   * files are in English, with the demo's times in Central European time. */
  g_setenv ("TZ", TEST_TZ, TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  sam_entities_init ();

  g_test_add_func ("/sam/export/format/names", test_format_names);
  g_test_add_func ("/sam/export/format/json", test_format_json);
  g_test_add_func ("/sam/export/format/pdf", test_format_pdf);
  g_test_add_func ("/sam/export/format/file", test_format_file);
  g_test_add_func ("/sam/export/blocks/sections", test_blocks_sections);
  g_test_add_func ("/sam/export/blocks/details", test_blocks_details);
  g_test_add_func ("/sam/export/blocks/people", test_blocks_people);
  g_test_add_func ("/sam/export/blocks/agenda", test_blocks_agenda);
  g_test_add_func ("/sam/export/blocks/dialogues", test_blocks_dialogues);
  g_test_add_func ("/sam/export/blocks/walls", test_blocks_walls);
  g_test_add_func ("/sam/export/blocks/empty", test_blocks_empty);
  g_test_add_func ("/sam/export/golden/markdown", test_golden_markdown);
  g_test_add_func ("/sam/export/golden/html", test_golden_html);
  g_test_add_func ("/sam/export/escape/html", test_escape_html);
  g_test_add_func ("/sam/export/escape/markdown/forms", test_escape_markdown_forms);
  g_test_add_func ("/sam/export/escape/markdown/lines", test_escape_markdown_lines);
  g_test_add_func ("/sam/export/escape/markdown/render", test_escape_markdown_render);

  return g_test_run ();
}
