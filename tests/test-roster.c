/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sam-entities.h"
#include "sam-roster.h"
#include "sam-session.h"

/* A session with the perspectives a Swedish workshop would have. */
static SamSession *
new_session (void)
{
  static const struct { const char *name, *symbol; } perspectives[] = {
    { "Region", "R" },
    { "Kommun", "K" },
    { "Skola", "S" },
    { "Civilsamhälle", "" },
    { "Näringsliv", "N" },
    { "Forskning/akademi", "A" },
  };
  SamSession *session = sam_session_new_empty ();

  for (guint i = 0; i < G_N_ELEMENTS (perspectives); i++)
    {
      g_autoptr(SamItem) perspective = sam_item_new (SAM_TYPE_PERSPECTIVE, NULL);

      g_object_set (perspective,
                    "name", perspectives[i].name,
                    "symbol", perspectives[i].symbol,
                    NULL);
      sam_session_insert (session, session, "perspectives", G_MAXUINT, perspective);
    }
  return session;
}

static const char *
perspective_id (SamSession *session,
                const char *name)
{
  GListModel *perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));

  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, i);

      if (g_str_equal (sam_item_get_string (perspective, "name"), name))
        return sam_item_get_id (perspective);
    }
  g_assert_not_reached ();
}

static GBytes *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

static SamRosterImport *
import_fixture (SamSession *session,
                const char *name)
{
  g_autoptr(GBytes) data = read_fixture (name);
  g_autoptr(GError) error = NULL;
  SamRosterImport *import = sam_roster_import_new (session, data, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static GError *
import_failure (const char *text,
                gssize      size)
{
  g_autoptr(SamSession) session = new_session ();
  g_autoptr(GBytes) data = g_bytes_new (text, size >= 0 ? (gsize) size : strlen (text));
  g_autoptr(SamRosterImport) import = NULL;
  GError *error = NULL;

  import = sam_roster_import_new (session, data, &error);
  g_assert_null (import);
  g_assert_nonnull (error);
  return error;
}

/* Checks participant @index: name, organisation, municipality, present and
 * the names of its perspectives (NULL-terminated). */
static void
assert_participant (SamSession      *session,
                    SamRosterImport *import,
                    guint            index,
                    const char      *name,
                    const char      *organisation,
                    const char      *municipality,
                    gboolean         present,
                    ...)
{
  SamItem *participant = sam_roster_import_get_participant (import, index);
  const char * const *ids = sam_item_get_strv (participant, "perspectives");
  guint n_ids = ids != NULL ? g_strv_length ((char **) ids) : 0;
  guint n = 0;
  va_list args;

  g_assert_true (SAM_IS_PARTICIPANT (participant));
  g_assert_null (sam_item_get_parent (participant));
  g_assert_cmpstr (sam_item_get_string (participant, "name"), ==, name);
  g_assert_cmpstr (sam_item_get_string (participant, "organisation"), ==, organisation);
  g_assert_cmpstr (sam_item_get_string (participant, "municipality"), ==, municipality);
  g_assert_cmpint (sam_item_get_boolean (participant, "present"), ==, present);

  va_start (args, present);
  for (const char *perspective = va_arg (args, const char *);
       perspective != NULL;
       perspective = va_arg (args, const char *))
    {
      g_assert_cmpuint (n, <, n_ids);
      g_assert_cmpstr (ids[n], ==, perspective_id (session, perspective));
      n++;
    }
  va_end (args);
  g_assert_cmpuint (n, ==, n_ids);
}

static void
assert_problem (SamRosterImport *import,
                guint            index,
                guint            line,
                const char      *message)
{
  const SamRosterProblem *problem = sam_roster_import_get_problem (import, index);

  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpstr (problem->message, ==, message);
}

/* Files */

static void
test_comma (void)
{
  g_autoptr(SamSession) session = new_session ();
  g_autoptr(SamRosterImport) import = import_fixture (session, "roster-comma.csv");

  g_assert_cmpint (sam_roster_import_get_delimiter (import), ==, ',');
  g_assert_cmpuint (sam_roster_import_get_n_problems (import), ==, 0);
  g_assert_null (sam_roster_import_get_notes (import)[0]);
  g_assert_cmpuint (sam_roster_import_get_n_participants (import), ==, 4);

  assert_participant (session, import, 0, "Anna Berg", "Region Blekinge", "Karlskrona", TRUE,
                      "Region", NULL);
  assert_participant (session, import, 1, "Johan Lind", "Ronneby kommun", "Ronneby", FALSE,
                      "Kommun", "Skola", NULL);
  /* "A" is the symbol of Forskning/akademi; an empty present means here. */
  assert_participant (session, import, 2, "Maria Holm", "BTH", "Karlskrona", TRUE,
                      "Forskning/akademi", NULL);
  assert_participant (session, import, 3, "Erik Nyström", "", "Karlshamn", TRUE, NULL);

  /* Reading changes nothing in the session. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sam_session_get_participants (session))), ==, 0);
}

static void
test_semicolon_swedish (void)
{
  g_autoptr(SamSession) session = new_session ();
  g_autoptr(SamRosterImport) import = import_fixture (session, "roster-semicolon.csv");

  g_assert_cmpint (sam_roster_import_get_delimiter (import), ==, ';');
  g_assert_cmpuint (sam_roster_import_get_n_problems (import), ==, 0);
  g_assert_null (sam_roster_import_get_notes (import)[0]);
  g_assert_cmpuint (sam_roster_import_get_n_participants (import), ==, 3);

  /* The byte order mark is not part of "Namn"; CR is not part of "Ja". */
  assert_participant (session, import, 0, "Åsa Öberg", "Sölvesborgs kommun", "Sölvesborg", TRUE,
                      "Kommun", "Region", NULL);
  /* Civilsamhälle has no symbol of its own: its first letter is one. */
  assert_participant (session, import, 1, "Örjan Ek", "Föreningen Hanö", "Sölvesborg", FALSE,
                      "Civilsamhälle", NULL);
  assert_participant (session, import, 2, "Lisa Åkesson", "Näringslivet; Listerlandet", "Sölvesborg", TRUE,
                      "Näringsliv", NULL);
}

static void
test_quoted (void)
{
  g_autoptr(SamSession) session = new_session ();
  g_autoptr(SamRosterImport) import = import_fixture (session, "roster-quoted.csv");

  g_assert_cmpint (sam_roster_import_get_delimiter (import), ==, ',');
  g_assert_cmpuint (sam_roster_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (sam_roster_import_get_n_participants (import), ==, 3);

  assert_participant (session, import, 0, "Berg, Anna", "Region \"Blekinge\"", "", TRUE,
                      "Region", NULL);
  /* Line breaks inside quotes belong to the field, CRLF or not. */
  assert_participant (session, import, 1, "Karl\nSvensson", "Ronneby\nkommun", "", FALSE,
                      "Kommun", "Skola", NULL);
  assert_participant (session, import, 2, "Eva Strand", "BTH", "", TRUE,
                      "Forskning/akademi", NULL);
}

static void
test_bad_rows (void)
{
  g_autoptr(SamSession) session = new_session ();
  g_autoptr(SamRosterImport) import = import_fixture (session, "roster-bad.csv");

  g_assert_cmpuint (sam_roster_import_get_n_participants (import), ==, 4);
  assert_participant (session, import, 0, "Anna Berg", "Region Blekinge", "", TRUE, "Region", NULL);
  /* Empty fields after the last column lose nothing. */
  assert_participant (session, import, 1, "Trailing", "Empties", "", FALSE, "Skola", NULL);
  assert_participant (session, import, 2, "Multi\nLine", "Org", "", TRUE, "Region", NULL);
  /* After the quote that is never closed, reading goes on at the next line. */
  assert_participant (session, import, 3, "Eva Strand", "BTH", "", TRUE, "Forskning/akademi", NULL);

  g_assert_cmpuint (sam_roster_import_get_n_problems (import), ==, 6);
  assert_problem (import, 0, 3, "It has 5 fields, but the first line names only 4 columns.");
  assert_problem (import, 1, 4, "Unknown perspective “Police”.");
  assert_problem (import, 2, 5, "Unknown perspectives “Kyrka”, “Polis”.");
  assert_problem (import, 3, 6, "“kanske” is not a present value: use yes or no.");
  assert_problem (import, 4, 7, "It has no name and no organisation.");
  assert_problem (import, 5, 11, "A quote opens a field and is not closed.");
}

static void
test_windows_1252 (void)
{
  g_autoptr(SamSession) session = new_session ();
  g_autoptr(SamRosterImport) import = import_fixture (session, "roster-cp1252.csv");
  const char * const *notes = sam_roster_import_get_notes (import);

  g_assert_cmpint (sam_roster_import_get_delimiter (import), ==, ';');
  g_assert_cmpuint (sam_roster_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (sam_roster_import_get_n_participants (import), ==, 2);
  /* Also the bytes where Windows-1252 differs from Latin-1: quotes, dash. */
  assert_participant (session, import, 0, "Åsa Öberg", "Café “Hamnen”", "Sölvesborg", TRUE, NULL);
  assert_participant (session, import, 1, "Per Ström", "Stål & Co – Mörrum", "Karlshamn", TRUE, NULL);

  g_assert_cmpuint (g_strv_length ((char **) notes), ==, 2);
  g_assert_cmpstr (notes[0], ==, "The file is not UTF-8; it was read as Windows-1252, "
                                 "as older spreadsheets save it.");
  g_assert_cmpstr (notes[1], ==, "The column “Telefon” was ignored.");
}

/* Text in memory */

static SamRosterImport *
import_text (SamSession *session,
             const char *text)
{
  g_autoptr(GBytes) data = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  SamRosterImport *import = sam_roster_import_new (session, data, &error);

  g_assert_no_error (error);
  return import;
}

static void
test_header (void)
{
  g_autoptr(SamSession) session = new_session ();
  /* Any case and order, white space around titles, an empty title, and a
   * column that comes twice. */
  g_autoptr(SamRosterImport) import = import_text (session,
    "\n  PRESENT , Org ,,Namn, Perspective,name\n"
    "nej,Länsstyrelsen,,Lena Lund,\" r | k ;R\",Other Lena\n");
  const char * const *notes = sam_roster_import_get_notes (import);

  g_assert_cmpuint (sam_roster_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (sam_roster_import_get_n_participants (import), ==, 1);
  /* Symbols match in any case, and a perspective named twice counts once. */
  assert_participant (session, import, 0, "Lena Lund", "Länsstyrelsen", "", FALSE,
                      "Region", "Kommun", NULL);
  g_assert_cmpuint (g_strv_length ((char **) notes), ==, 1);
  g_assert_cmpstr (notes[0], ==, "The column “name” was ignored: an earlier column has the same meaning.");
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_header_only (void)
{
  g_autoptr(SamSession) session = new_session ();
  g_autoptr(SamRosterImport) import = import_text (session, "name;present\r\n\r\n;\r\n");
  guint commits = 0;

  g_assert_cmpuint (sam_roster_import_get_n_participants (import), ==, 0);
  g_assert_cmpuint (sam_roster_import_get_n_problems (import), ==, 0);

  g_signal_connect_swapped (session, "committed", G_CALLBACK (count_cb), &commits);
  g_assert_cmpuint (sam_roster_import_apply (import, session), ==, 0);
  /* Nothing to add is no edit: no empty step to undo. */
  g_assert_cmpuint (commits, ==, 0);
}

static void
test_delimiter_after_empty_lines (void)
{
  g_autoptr(SamSession) session = new_session ();
  /* A spreadsheet's empty rows above the titles, written with commas. */
  g_autoptr(SamRosterImport) import = import_text (session,
    ",,,\n  \nNamn;Organisation\n\"Berg, Anna\";\"Region; Blekinge\"\n");

  g_assert_cmpint (sam_roster_import_get_delimiter (import), ==, ';');
  g_assert_cmpuint (sam_roster_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (sam_roster_import_get_n_participants (import), ==, 1);
  assert_participant (session, import, 0, "Berg, Anna", "Region; Blekinge", "", TRUE, NULL);
}

static void
test_present_values (void)
{
  static const struct { const char *value; gboolean present; } values[] = {
    { "yes", TRUE }, { "YES", TRUE }, { "Ja", TRUE }, { "true", TRUE }, { "1", TRUE },
    { "x", TRUE }, { "X", TRUE }, { "", TRUE }, { " ja ", TRUE },
    { "no", FALSE }, { "Nej", FALSE }, { "FALSE", FALSE }, { "0", FALSE },
  };
  g_autoptr(SamSession) session = new_session ();
  g_autoptr(GString) text = g_string_new ("name,present\n");
  g_autoptr(SamRosterImport) import = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_string_append_printf (text, "P%u,%s\n", i, values[i].value);
  g_string_append (text, "Q,maybe\n");

  import = import_text (session, text->str);
  g_assert_cmpuint (sam_roster_import_get_n_participants (import), ==, G_N_ELEMENTS (values));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_test_message ("%s", values[i].value);
      g_assert_cmpint (sam_item_get_boolean (sam_roster_import_get_participant (import, i), "present"),
                       ==, values[i].present);
    }
  g_assert_cmpuint (sam_roster_import_get_n_problems (import), ==, 1);
  assert_problem (import, 0, G_N_ELEMENTS (values) + 2, "“maybe” is not a present value: use yes or no.");
}

static void
test_old_mac_line_ends (void)
{
  g_autoptr(SamSession) session = new_session ();
  g_autoptr(SamRosterImport) import = import_text (session, "name,organisation\rAnna,BTH\rBo,\r,\rC,D,E\r");

  g_assert_cmpuint (sam_roster_import_get_n_participants (import), ==, 2);
  assert_participant (session, import, 1, "Bo", "", "", TRUE, NULL);
  g_assert_cmpuint (sam_roster_import_get_n_problems (import), ==, 1);
  assert_problem (import, 0, 5, "It has 3 fields, but the first line names only 2 columns.");
}

/* Files that cannot be used */

static void
test_no_known_column (void)
{
  g_autoptr(GError) error = import_failure ("Förnamn;Efternamn;Telefon\nÅsa;Öberg;0456\n", -1);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  /* It tells which titles work. */
  g_assert_nonnull (strstr (error->message, "name, organisation, municipality, perspectives, present"));
  g_assert_nonnull (strstr (error->message, "namn"));
}

static void
test_empty (void)
{
  g_autoptr(GError) empty = import_failure ("", 0);
  g_autoptr(GError) blank = import_failure ("\xef\xbb\xbf \r\n\t\n\n", -1);
  g_autoptr(GError) nothing = import_failure (",,,\n;;\n", -1);

  g_assert_error (empty, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (empty->message, ==, "The file is empty.");
  g_assert_error (blank, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (blank->message, ==, "The file is empty.");
  g_assert_error (nothing, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_unclosed_header (void)
{
  g_autoptr(GError) error = import_failure ("Name;\"Organisation;Kommun\nAnna;Skolan;Ronneby\n", -1);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==,
                   "The first line has a quote (\") that is never closed, so its column names cannot be read.");
}

static void
test_not_text (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autoptr(GError) error = import_failure (png, sizeof png - 1);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "This is not a text file. Save the list from the spreadsheet as CSV.");
}

static void
test_too_big (void)
{
  gsize size = SAM_ROSTER_MAX_SIZE + 1;
  g_autofree char *text = g_malloc (size);
  g_autoptr(GError) error = NULL;

  memcpy (text, "name\n", 5);
  memset (text + 5, 'a', size - 5);
  error = import_failure (text, size);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  /* It names the limit (g_format_size() puts a no-break space before the
   * unit). */
  g_assert_cmpstr (error->message, ==,
                   "The file is 4.1\302\240MiB; a list of participants can be at most 4.0\302\240MiB.");
}

/* Adding to the session */

static void
test_apply_undo (void)
{
  g_autoptr(SamSession) session = new_session ();
  g_autoptr(SamRosterImport) import = import_fixture (session, "roster-comma.csv");
  GListModel *participants = G_LIST_MODEL (sam_session_get_participants (session));
  g_autoptr(SamItem) first = NULL;
  g_autoptr(SamItem) existing = sam_item_new (SAM_TYPE_PARTICIPANT, NULL);

  g_object_set (existing, "name", "Already Here", NULL);
  sam_session_insert (session, session, "participants", G_MAXUINT, existing);

  g_assert_cmpuint (sam_roster_import_apply (import, session), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 5);
  first = g_list_model_get_item (participants, 1);
  g_assert_cmpstr (sam_item_get_string (first, "name"), ==, "Anna Berg");
  g_assert_nonnull (sam_item_get_id (first));
  g_assert_true (sam_session_check_references (session, NULL));

  /* One undo step takes the whole list away, and leaves the rest. */
  g_assert_true (sam_session_undo (session));
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 1);
  g_assert_true (sam_session_redo (session));
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 5);
  g_assert_true (sam_session_undo (session));
  g_assert_true (sam_session_undo (session));
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sam_entities_init ();

  g_test_add_func ("/sam/roster/file/comma", test_comma);
  g_test_add_func ("/sam/roster/file/semicolon-swedish", test_semicolon_swedish);
  g_test_add_func ("/sam/roster/file/quoted", test_quoted);
  g_test_add_func ("/sam/roster/file/bad-rows", test_bad_rows);
  g_test_add_func ("/sam/roster/file/windows-1252", test_windows_1252);
  g_test_add_func ("/sam/roster/text/header", test_header);
  g_test_add_func ("/sam/roster/text/header-only", test_header_only);
  g_test_add_func ("/sam/roster/text/delimiter-after-empty-lines", test_delimiter_after_empty_lines);
  g_test_add_func ("/sam/roster/text/present", test_present_values);
  g_test_add_func ("/sam/roster/text/old-mac-line-ends", test_old_mac_line_ends);
  g_test_add_func ("/sam/roster/refused/no-known-column", test_no_known_column);
  g_test_add_func ("/sam/roster/refused/empty", test_empty);
  g_test_add_func ("/sam/roster/refused/not-text", test_not_text);
  g_test_add_func ("/sam/roster/refused/unclosed-header", test_unclosed_header);
  g_test_add_func ("/sam/roster/refused/too-big", test_too_big);
  g_test_add_func ("/sam/roster/apply/undo", test_apply_undo);

  return g_test_run ();
}
