/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "sam-entities.h"
#include "sam-export-pictures.h"
#include "sam-export-private.h"
#include "sam-history.h"
#include "sam-map.h"
#include "sam-wall.h"

/*
 * The PDF is read back with poppler's tools (pdftotext, pdfinfo, pdffonts,
 * pdftoppm), as a person's PDF reader would see it. Without them the tests
 * that need them are skipped.
 */

#define A4_WIDTH 595.276
#define A4_HEIGHT 841.89

static const char *voice_texts[] = {
  "Vi behöver fler mötesplatser på landsbygden, särskilt för äldre.",
  "Bussarna går för sällan efter klockan sju på kvällen.",
  "Ungdomar vill vara med och bestämma – fråga oss på skolan!",
};

static const char *note_texts[] = {
  "Öppna skolgården på helgerna",
  "Bättre belysning vid gång- och cykelvägar",
  "Fler bänkar längs ån",
  "Bibliotekets öppettider på lördagar",
  "Kulturhus i Sölvesborg",
};

#define HIDDEN_NOTE "Hemlig lapp: mer pengar till föreningslivet"

/* Helpers */

static SamItem *
first_perspective (SamSession *session,
                   guint       position)
{
  SamItem *perspective = g_list_model_get_item (G_LIST_MODEL (sam_session_get_perspectives (session)), position);

  g_object_unref (perspective);
  return perspective;
}

static void
add_balloon (SamSession *session,
             double      x,
             double      y,
             SamItem    *perspective,
             const char *label)
{
  g_autoptr(SamItem) balloon = sam_item_new (SAM_TYPE_BALLOON, NULL);

  g_object_set (balloon, "x", x, "y", y, "perspective", sam_item_get_id (perspective),
                "label", label, NULL);
  sam_session_insert (session, session, "balloons", G_MAXUINT, balloon);
}

static SamItem *
add_prompt (SamSession *session,
            const char *text)
{
  g_autoptr(SamItem) prompt = sam_item_new (SAM_TYPE_PROMPT, NULL);
  const char *starters[] = { "Jag tänker på …", "Det viktigaste är …", NULL };

  g_object_set (prompt, "text", text, "format", SAM_PROMPT_FORMAT_PAIR, "duration", 300,
                "starters", starters, NULL);
  sam_session_insert (session, session, "prompts", G_MAXUINT, prompt);
  return prompt;
}

static SamItem *
add_agenda_item (SamSession *session,
                 const char *title,
                 int         minutes,
                 SamItem    *prompt,
                 gint64      start)
{
  g_autoptr(SamItem) item = sam_item_new (SAM_TYPE_AGENDA_ITEM, NULL);

  g_object_set (item, "title", title, "duration", minutes * 60, NULL);
  if (prompt != NULL)
    g_object_set (item, "activity-kind", SAM_ACTIVITY_PROMPT, "activity-id", sam_item_get_id (prompt), NULL);
  if (start > 0)
    g_object_set (item, "actual-start", start, "actual-end", start + (minutes + 2) * 60 * G_USEC_PER_SEC, NULL);
  sam_session_insert (session, session, "agenda", G_MAXUINT, item);
  return item;
}

static void
add_voice (SamSession *session,
           const char *text,
           SamItem    *prompt,
           SamItem    *agenda_item,
           SamItem    *perspective,
           gint64      time)
{
  g_autoptr(SamItem) voice = sam_item_new (SAM_TYPE_VOICE, NULL);

  g_object_set (voice, "text", text, "prompt", sam_item_get_id (prompt),
                "agenda-item", sam_item_get_id (agenda_item), "time", time,
                "perspective", sam_item_get_id (perspective), NULL);
  sam_session_insert (session, session, "voices", G_MAXUINT, voice);
}

static SamItem *
column_at (SamItem *wall,
           guint    position)
{
  SamItem *column = g_list_model_get_item (G_LIST_MODEL (sam_item_get_list (wall, "columns")), position);

  g_object_unref (column);
  return column;
}

/* A session with every section: details, people on the map, an agenda
 * that ran, a prompt with voices, a wall with notes, a hidden one and
 * votes; Swedish text throughout. */
static SamSession *
make_session (void)
{
  SamSession *session = sam_session_new ();
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 11, 24, 13, 0, 0);
  gint64 start = g_date_time_to_unix (day) * G_USEC_PER_SEC;
  SamItem *prompt, *talk, *wall;
  SamItem *notes[G_N_ELEMENTS (note_texts)];

  sam_session_set (session, session,
                   "title", "Dialogmöte om fritid i Blekinge",
                   "date", "2026-11-24",
                   "start-time", "13:00",
                   "end-time", "16:00",
                   "place", "Kulturhuset, Karlskrona",
                   "purpose", "Att höra vad unga och äldre tycker om fritiden.",
                   "goal", "Tre förslag till kommunstyrelsen före jul.",
                   NULL);

  add_balloon (session, 0.70, 0.62, first_perspective (session, 0), "Åsa");
  add_balloon (session, 0.45, 0.55, first_perspective (session, 0), NULL);
  add_balloon (session, 0.20, 0.70, first_perspective (session, 1), NULL);
  add_balloon (session, 0.92, 0.10, first_perspective (session, 2), "Örjan");

  prompt = add_prompt (session, "Vad gör en bra fritid för dig i Blekinge?");
  add_agenda_item (session, "Välkommen och fika", 15, NULL, start);
  talk = add_agenda_item (session, "Samtal två och två", 20, prompt, start + 17 * 60 * G_USEC_PER_SEC);
  add_agenda_item (session, "Avslutning", 10, NULL, 0);
  for (guint i = 0; i < G_N_ELEMENTS (voice_texts); i++)
    add_voice (session, voice_texts[i], prompt, talk, first_perspective (session, i),
               start + (20 + i) * 60 * G_USEC_PER_SEC);

  wall = sam_wall_add (session, "Förslag för fritiden", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (note_texts); i++)
    notes[i] = sam_wall_add_note (session, column_at (wall, i % 3), G_MAXUINT, note_texts[i],
                                  SAM_NOTE_COLOR_YELLOW, sam_item_get_id (first_perspective (session, 0)), FALSE);
  sam_wall_add_note (session, column_at (wall, 0), G_MAXUINT, HIDDEN_NOTE, SAM_NOTE_COLOR_BLUE, NULL, TRUE);
  for (guint v = 0; v < 3; v++)
    sam_wall_add_vote (session, notes[3]);
  sam_wall_add_vote (session, notes[1]);

  sam_history_clear (sam_session_get_history (session));
  return session;
}

static gboolean
have_poppler (void)
{
  const char *tools[] = { "pdftotext", "pdfinfo", "pdffonts", "pdftoppm" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_test_skip ("poppler-utils is not installed");
          return FALSE;
        }
    }
  return TRUE;
}

/* Runs a command; its output (transfer full). */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return out;
}

/* Whitespace in one form, so that a text broken over lines still matches,
 * and ligatures (a PDF's "ﬂ") as their letters. */
static char *
squash (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  g_assert_nonnull (normal);
  for (const char *p = normal; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *squashed = squash (needle);

  if (strstr (haystack, squashed) == NULL)
    g_error ("The PDF's text lacks “%s”", squashed);
}

/* pdftotext keeps or drops the spaces around the slash as it measures
 * them, so they do not count. */
static void
assert_page_number (const char *text,
                    guint       page,
                    guint       n_pages)
{
  g_autofree char *number = g_strdup_printf ("%u/%u", page, n_pages);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autofree char *joined = g_strjoinv ("", words);

  if (strstr (joined, number) == NULL)
    g_error ("The page lacks its number %u / %u", page, n_pages);
}

static char *
write_pdf (GBytes     *pdf,
           const char *name)
{
  /* Named by the process: several build directories may test at once. */
  g_autofree char *unique = g_strdup_printf ("%d-%s", (int) getpid (), name);
  char *path = g_build_filename (g_get_tmp_dir (), unique, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  return path;
}

static char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };
  g_autofree char *text = run (page > 0 ? one : all);

  return squash (text);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
save_page_png (const char *path,
               int         page)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *prefix = g_strdup_printf ("%s/export-page-%d", dir, page);
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftoppm", "-png", "-r", "80", "-singlefile", "-f", number, "-l", number,
                         path, prefix, NULL };
  g_autofree char *out = NULL;
  g_autofree char *png = g_strdup_printf ("%s.png", prefix);

  g_mkdir_with_parents (dir, 0755);
  out = run (argv);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_test_message ("Page %d of the summary: %s", page, png);
}

static SamBlock *
block_new (SamBlockKind kind,
           const char  *text)
{
  SamBlock *block = g_new0 (SamBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  return block;
}

static void
check_png (GBytes *png,
           int     width)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  const guint8 *data;
  gsize size;
  guint32 png_width;

  g_assert_nonnull (png);
  data = g_bytes_get_data (png, &size);
  g_assert_cmpuint (size, >, 24);
  g_assert_cmpmem (data, sizeof signature, signature, sizeof signature);
  /* The IHDR chunk's width, big-endian. */
  png_width = ((guint32) data[16] << 24) | ((guint32) data[17] << 16) | ((guint32) data[18] << 8) | data[19];
  g_assert_cmpuint (png_width, ==, width);
}

/* The pictures */

static void
test_pictures (void)
{
  g_autoptr(SamSession) session = make_session ();
  g_autoptr(SamSession) empty = sam_session_new ();
  g_autoptr(GBytes) map = sam_export_map_png (session, 800);
  g_autoptr(GBytes) chart = sam_export_chart_png (session, 600);
  g_autoptr(GBytes) no_chart = sam_export_chart_png (empty, 600);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  double map_height, chart_height, x, y, width, height;
  guint n_perspectives = g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_perspectives (session)));

  check_png (map, 800);
  check_png (chart, 600);
  /* No balloons: nothing to chart. */
  g_assert_null (no_chart);

  /* The map keeps its picture's aspect inside the box it is given. */
  map_height = sam_export_draw_map (cr, session, 480, 400);
  g_assert_cmpfloat_with_epsilon (map_height, 480 / sam_map_places_get_aspect (sam_map_places_get_builtin ()), 1.0);
  /* A row per perspective. */
  chart_height = sam_export_draw_chart (cr, session, 400);
  g_assert_cmpfloat (chart_height, >=, n_perspectives * 12.0);
  g_assert_cmpfloat (sam_export_draw_chart (cr, empty, 400), ==, 0);
  cairo_destroy (cr);

  /* Balloons and labels stay within the picture they are drawn on. */
  cairo_recording_surface_ink_extents (recording, &x, &y, &width, &height);
  g_assert_cmpfloat (x, >=, -1);
  g_assert_cmpfloat (y, >=, -1);
  g_assert_cmpfloat (x + width, <=, 481);
  cairo_surface_destroy (recording);
}

/* The layout engine, over blocks made here */

static void
test_layout (void)
{
  g_autoptr(SamSession) session = sam_session_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_block_free);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *last = NULL;
  SamBlock *block;
  guint n_pages;

  if (!have_poppler ())
    return;

  g_ptr_array_add (blocks, block_new (SAM_BLOCK_TITLE, "Räksmörgås på Åland"));
  block = block_new (SAM_BLOCK_FIELDS, NULL);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (block->rows, g_strdupv ((char *[]) { "Datum", "24 november 2026", NULL }));
  g_ptr_array_add (block->rows, g_strdupv ((char *[]) { "Syfte", "Ett långt syfte som bryts över flera rader, "
                                                        "så att fältens andra kolumn får visa att den radbryts "
                                                        "utan att krocka med etiketten till vänster.", NULL }));
  g_ptr_array_add (blocks, block);

  block = block_new (SAM_BLOCK_HEADING, "Tabell som fortsätter");
  block->level = 1;
  g_ptr_array_add (blocks, block);
  block = block_new (SAM_BLOCK_TABLE, NULL);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (block->rows, g_strdupv ((char *[]) { "Kolumnrubrik", "Planerad", "Faktisk", NULL }));
  for (guint i = 0; i < 90; i++)
    {
      g_autofree char *title = g_strdup_printf ("Punkt nummer %u", i + 1);

      g_ptr_array_add (block->rows, g_strdupv ((char *[]) { title, "13:00", "13:02", NULL }));
    }
  g_ptr_array_add (blocks, block);

  block = block_new (SAM_BLOCK_QUOTES, NULL);
  block->items = g_ptr_array_new_with_free_func (g_free);
  block->metas = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (block->items, g_strdup ("Sista citatet, på sista sidan"));
  g_ptr_array_add (block->metas, g_strdup ("13:02 · Skola"));
  g_ptr_array_add (blocks, block);

  pdf = sam_export_write_pdf (session, blocks, &error);
  g_assert_no_error (error);
  path = write_pdf (pdf, "test-export-pdf-layout.pdf");

  n_pages = pdf_pages (path);
  g_assert_cmpuint (n_pages, >=, 3);
  first = pdf_text (path, 1);
  second = pdf_text (path, 2);
  last = pdf_text (path, n_pages);

  assert_contains (first, "Räksmörgås på Åland");
  assert_contains (first, "utan att krocka med etiketten");
  /* The header row again at the top of the table's next page. */
  g_assert_nonnull (strstr (first, "Kolumnrubrik Planerad Faktisk"));
  g_assert_nonnull (strstr (second, "Kolumnrubrik Planerad Faktisk"));
  g_assert_null (strstr (second, "Räksmörgås"));
  assert_contains (last, "Sista citatet, på sista sidan");
  assert_contains (last, "13:02 · Skola");

  /* "2 / 3" at the foot of each page. */
  assert_page_number (second, 2, n_pages);
  assert_page_number (last, n_pages, n_pages);

  g_unlink (path);
}

/* A session's summary as a PDF */

static void
test_session (void)
{
  g_autoptr(SamSession) session = make_session ();
  g_autoptr(GPtrArray) blocks = sam_export_build_blocks (session, SAM_EXPORT_ALL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamExportPages) pages = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_auto(GStrv) font_lines = NULL;
  guint n_fonts = 0;

  if (!have_poppler ())
    return;

  pdf = sam_export_write_pdf (session, blocks, &error);
  g_assert_no_error (error);
  path = write_pdf (pdf, "test-export-pdf-session.pdf");
  text = pdf_text (path, 0);

  assert_contains (text, "Dialogmöte om fritid i Blekinge");
  for (guint i = 0; i < blocks->len; i++)
    {
      SamBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == SAM_BLOCK_HEADING || block->kind == SAM_BLOCK_TITLE)
        assert_contains (text, block->text);
      if (block->kind == SAM_BLOCK_LIST || block->kind == SAM_BLOCK_QUOTES)
        for (guint j = 0; j < block->items->len; j++)
          assert_contains (text, g_ptr_array_index (block->items, j));
    }
  for (guint i = 0; i < G_N_ELEMENTS (voice_texts); i++)
    assert_contains (text, voice_texts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (note_texts); i++)
    assert_contains (text, note_texts[i]);
  /* A hidden note is in the documentation too. */
  assert_contains (text, HIDDEN_NOTE);
  /* The most-voted note first in its column, as the blocks have it. */
  g_assert_true (strstr (text, note_texts[3]) < strstr (text, note_texts[0]));
  assert_contains (text, "Vad gör en bra fritid för dig i Blekinge?");
  assert_contains (text, "Jag tänker på …");

  /* A4, and every font in the file. */
  {
    const char *argv[] = { "pdfinfo", path, NULL };

    info = run (argv);
  }
  /* "Page size: 595.276 x 841.89 pts (A4)"; older poppler rounds to 595.28. */
  {
    const char *size = strstr (info, "Page size:");
    char *end = NULL;

    g_assert_nonnull (size);
    size += strlen ("Page size:");
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (size, &end), A4_WIDTH, 0.01);
    g_assert_true (g_str_has_prefix (end, " x 841.89 pts (A4)"));
  }
  {
    const char *argv[] = { "pdffonts", path, NULL };

    fonts = run (argv);
  }
  font_lines = g_strsplit (fonts, "\n", -1);
  /* Two lines of header, then a font a line: "… emb sub uni …". */
  for (guint i = 2; font_lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      guint n;

      if (font_lines[i][0] == '\0')
        continue;
      columns = g_strsplit_set (g_strstrip (font_lines[i]), " ", -1);
      n = g_strv_length (columns);
      g_test_message ("%s", font_lines[i]);
      g_assert_true (strstr (font_lines[i], " yes ") != NULL);
      /* The columns from the end: object id (2), uni, sub, emb. */
      {
        guint found = 0, emb = 0;

        for (guint c = n; c > 0; c--)
          if (columns[c - 1][0] != '\0')
            {
              found++;
              if (found == 5)
                {
                  emb = c - 1;
                  break;
                }
            }
        g_assert_cmpstr (columns[emb], ==, "yes");
      }
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);

  /* Printing lays out the same pages. */
  pages = sam_export_pages_new (session, SAM_EXPORT_ALL, A4_WIDTH, A4_HEIGHT);
  g_assert_cmpuint (sam_export_pages_get_n_pages (pages), ==, pdf_pages (path));

  save_page_png (path, 1);
  if (pdf_pages (path) > 1)
    save_page_png (path, 2);

  g_unlink (path);
}

/* Printing: the pages on another cairo surface */

static void
test_print_pages (void)
{
  g_autoptr(SamSession) session = make_session ();
  g_autoptr(SamExportPages) pages = sam_export_pages_new (session, SAM_EXPORT_ALL, A4_WIDTH, A4_HEIGHT);
  g_autoptr(SamExportPages) letter = sam_export_pages_new (session, SAM_EXPORT_WALLS, 612, 792);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
  cairo_t *cr = cairo_create (surface);
  const guint32 *data;
  int stride;
  guint dark = 0;

  g_assert_cmpuint (sam_export_pages_get_n_pages (pages), >=, 1);
  g_assert_cmpuint (sam_export_pages_get_n_pages (letter), >=, 1);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  sam_export_pages_draw_page (pages, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Ink on the page: the title and the details at least. */
  data = (const guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < 842; y++)
    for (int x = 0; x < 596; x++)
      if ((data[y * stride + x] & 0xff) < 0x80)
        dark++;
  g_assert_cmpuint (dark, >, 2000);
  cairo_surface_destroy (surface);
}

/* Many notes and voices: several pages, and fast */

static void
test_many (void)
{
  g_autoptr(SamSession) session = make_session ();
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  SamItem *wall = g_list_model_get_item (G_LIST_MODEL (sam_session_get_walls (session)), 0);
  SamItem *prompt = g_list_model_get_item (G_LIST_MODEL (sam_session_get_prompts (session)), 0);
  SamItem *talk = g_list_model_get_item (G_LIST_MODEL (sam_session_get_agenda (session)), 1);
  gint64 begin, built, written;
  guint n_pages;

  g_object_unref (wall);
  g_object_unref (prompt);
  g_object_unref (talk);

  sam_session_begin (session, "many");
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *note = g_strdup_printf ("Lapp %u: fler träffpunkter för unga och äldre i byarna", i + 1);

      sam_wall_add_note (session, column_at (wall, i % 3), G_MAXUINT, note, SAM_NOTE_COLOR_YELLOW, NULL, FALSE);
    }
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *voice = g_strdup_printf ("Röst %u: det behövs en buss som går även på kvällen, "
                                                "annars kommer ingen från landsbygden till mötena", i + 1);

      add_voice (session, voice, prompt, talk, first_perspective (session, i % 3), 1000 + i);
    }
  sam_session_end (session);

  begin = g_get_monotonic_time ();
  blocks = sam_export_build_blocks (session, SAM_EXPORT_ALL);
  built = g_get_monotonic_time ();
  pdf = sam_export_write_pdf (session, blocks, &error);
  written = g_get_monotonic_time ();
  g_assert_no_error (error);

  g_test_message ("2,000 notes and 1,000 voices to PDF: %.0f ms (blocks %.0f ms, PDF %.0f ms), %.1f MB",
                  (written - begin) / 1000.0, (built - begin) / 1000.0, (written - built) / 1000.0,
                  g_bytes_get_size (pdf) / 1e6);
  /* The figure is bench-export's to judge: a loaded machine must not fail
   * the test. */

  if (!have_poppler ())
    return;

  path = write_pdf (pdf, "test-export-pdf-many.pdf");
  n_pages = pdf_pages (path);
  g_assert_cmpuint (n_pages, >=, 20);
  text = pdf_text (path, n_pages);
  assert_page_number (text, n_pages, n_pages);
  g_unlink (path);
}

/* Long texts: a note with nowhere to break and one of words, laid out in
 * a time that grows with their length, not its square */

static guint
count_string (const char *text,
              const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

static void
test_long_texts (void)
{
  g_autoptr(SamSession) session = sam_session_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_block_free);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) run_of_x = g_string_new (NULL);
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_auto(GStrv) lines = NULL;
  SamBlock *block;
  gint64 begin, written;
  guint n_pages, n_x = 0, n_words = 0, full = 0, n_full = 0, n_short = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (run_of_x, 'x');
  while (words->len < 100000)
    {
      g_string_append (words, n_words % 7 == 6 ? "fritid, " : "fritid ");
      n_words++;
    }

  g_ptr_array_add (blocks, block_new (SAM_BLOCK_TITLE, "Långa lappar"));
  block = block_new (SAM_BLOCK_HEADING, "Kolumn med långa lappar");
  block->level = 3;
  g_ptr_array_add (blocks, block);
  block = block_new (SAM_BLOCK_HEADING, "Grupp av lappar");
  block->level = 4;
  g_ptr_array_add (blocks, block);
  block = block_new (SAM_BLOCK_LIST, NULL);
  block->items = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (block->items, g_strdup (run_of_x->str));
  g_ptr_array_add (block->items, g_strdup (words->str));
  g_ptr_array_add (blocks, block);

  begin = g_get_monotonic_time ();
  pdf = sam_export_write_pdf (session, blocks, &error);
  written = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_test_message ("A note of 100,000 x and one of 100,000 characters of words to PDF: %.0f ms",
                  (written - begin) / 1000.0);

  if (!have_poppler ())
    return;

  path = write_pdf (pdf, "test-export-pdf-long.pdf");
  n_pages = pdf_pages (path);
  g_test_message ("%u pages", n_pages);
  /* Some 80 letters a line, some 50 lines a page: 25 pages a note. */
  g_assert_cmpuint (n_pages, >=, 30);
  g_assert_cmpuint (n_pages, <=, 80);

  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

    raw = run (argv);
  }
  /* Every letter once, in full lines: the run breaks only at the
   * column's edge, each line as long as the one before. */
  lines = g_strsplit (raw, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      gsize length = strspn (line, "x");

      if (length == 0 || line[length] != '\0')
        continue;
      n_x += length;
      if (full == 0)
        full = length;
      if (length == full)
        n_full++;
      else
        n_short++;
    }
  g_assert_cmpuint (n_x, ==, 100000);
  g_assert_cmpuint (full, >, 60);
  /* The run's last line, and a first or last line of a page that
   * pdftotext may join to its neighbour. */
  g_assert_cmpuint (n_short, <=, 1);
  g_assert_cmpuint (n_full, >, 1000);
  {
    g_autofree char *text = squash (raw);

    g_assert_cmpuint (count_string (text, "fritid"), ==, n_words);
    assert_contains (text, "Kolumn med långa lappar");
    assert_contains (text, "Grupp av lappar");
  }

  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sam/export/pdf/pictures", test_pictures);
  g_test_add_func ("/sam/export/pdf/layout", test_layout);
  g_test_add_func ("/sam/export/pdf/session", test_session);
  g_test_add_func ("/sam/export/pdf/print-pages", test_print_pages);
  g_test_add_func ("/sam/export/pdf/many", test_many);
  g_test_add_func ("/sam/export/pdf/long-texts", test_long_texts);

  return g_test_run ();
}
