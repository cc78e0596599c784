/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "sam-application.h"
#include "sam-export.h"
#include "sam-file.h"
#include "sam-json.h"

/* The parts of a summary, by the names the command line takes. */
static const struct {
  const char        *name;
  SamExportSections  section;
} section_names[] = {
  { "details", SAM_EXPORT_DETAILS },
  { "people", SAM_EXPORT_PEOPLE },
  { "agenda", SAM_EXPORT_AGENDA },
  { "dialogues", SAM_EXPORT_DIALOGUES },
  { "walls", SAM_EXPORT_WALLS },
};

static gboolean
parse_sections (const char         *text,
                SamExportSections  *sections,
                GError            **error)
{
  g_auto(GStrv) names = g_strsplit (text, ",", -1);

  *sections = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      gboolean known = FALSE;

      /* "details,,agenda" or a trailing comma: nothing meant there. */
      if (name[0] == '\0')
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (section_names); j++)
        if (g_ascii_strcasecmp (name, section_names[j].name) == 0)
          {
            *sections |= section_names[j].section;
            known = TRUE;
          }

      if (!known)
        {
          /* TRANSLATORS: the first %s is what was typed; the section names
           * after the colon are command-line words and stay in English. */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown section “%s”; the sections are: %s"),
                       name, "details, people, agenda, dialogues, walls");
          return FALSE;
        }
    }

  if (*sections == 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("No sections were given"));
      return FALSE;
    }

  return TRUE;
}

/* The format a file's name implies (".pdf" and so on), so that --format can
 * be left out when the output says it. */
static gboolean
format_from_file_name (const char      *path,
                       SamExportFormat *format)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL &&
         sam_export_format_from_name (dot + 1, format, NULL);
}

static int
export_to_stdout (SamSession        *session,
                  SamExportFormat    format,
                  SamExportSections  sections)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sam_export_to_bytes (session, format, sections, &error);
  gsize size;
  const char *data;

  if (bytes == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  data = g_bytes_get_data (bytes, &size);
  if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
    {
      g_printerr (_("Could not write to the standard output: %s\n"), g_strerror (errno));
      return 1;
    }

  return 0;
}

/* Prints @error, naming @file unless the message does already: the file
 * layer's messages ("Could not open “x.samling”: the file does not exist")
 * name it, a parser's ("Line 3, column 7: …") do not. */
static void
print_file_error (gboolean      writing,
                  GFile        *file,
                  const GError *error)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (error->domain == G_IO_ERROR ||
      g_error_matches (error, SAM_JSON_ERROR, SAM_JSON_ERROR_TOO_LARGE))
    {
      g_printerr ("%s\n", error->message);
      return;
    }

  name = g_file_get_parse_name (file);
  if (writing)
    text = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
  else
    text = g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);
  g_printerr ("%s\n", text);
}

static int
usage_error (const char *message)
{
  g_printerr ("%s\n%s\n%s\n", message,
              _("Usage: samling export [--format pdf|html|md|json] [--sections LIST] "
                "--output FILE SESSION.samling"),
              _("Run “samling export --help” for more."));
  return 1;
}

/* `samling export …`: the summary of a session file written to a file, with
 * no display and no running app, for scripts and mail merges. Quiet on
 * success, like cp: the exit status says it worked. */
static int
export_main (int   argc,
             char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *sections_text = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(SamSession) session = NULL;
  SamExportFormat format = SAM_EXPORT_PDF;
  SamExportSections sections = SAM_EXPORT_ALL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      /* TRANSLATORS: the format names are command-line words; keep them. */
      N_("The format: pdf, html, md (Markdown) or json. Without it, the output file’s extension decides"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (replaced if it exists)"), N_("FILE") },
    { "sections", 's', 0, G_OPTION_ARG_STRING, &sections_text,
      /* TRANSLATORS: the section names are command-line words; keep them. */
      N_("The parts to include, separated by commas: details, people, agenda, dialogues, walls "
         "(all by default; JSON is always the whole session)"),
      N_("LIST") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  /* TRANSLATORS: what the command takes after its options, in its usage. */
  context = g_option_context_new (_("SESSION.samling"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes the summary of a session as a PDF document, a web page "
                                  "(HTML), Markdown, or the session file itself (JSON). "
                                  "No display is needed."));
  g_option_context_set_description (context,
                                    _("Examples:\n"
                                      "  samling export -o summary.pdf workshop.samling\n"
                                      "  samling export --format md --sections agenda,dialogues "
                                      "-o notes.md workshop.samling"));

  /* argv[0] is "export": the option parser reads from the word after it, and
   * the help names the command as "samling export". */
  argv[0] = (char *) "samling export";
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (inputs == NULL || inputs[0] == NULL)
    return usage_error (_("No session file was given"));
  if (inputs[1] != NULL)
    return usage_error (_("Give one session file"));
  if (output == NULL || output[0] == '\0')
    return usage_error (_("No output file was given (--output FILE)"));

  if (format_name != NULL)
    {
      SamExportFormat named;

      if (!sam_export_format_from_name (format_name, &format, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* Markdown in "notes.pdf" would open as a broken PDF. */
      if (format_from_file_name (output, &named) && named != format)
        {
          /* Translators: the output file's name says one format, --format
           * another, e.g. "“notes.pdf” is named as pdf, not md" */
          g_printerr (_("“%s” is named as %s, not %s\n"), output,
                      sam_export_format_extension (named), sam_export_format_extension (format));
          return 1;
        }
    }
  else if (!format_from_file_name (output, &format))
    {
      return usage_error (_("No format was given, and the output file’s name does not say "
                            "one (--format pdf|html|md|json)"));
    }

  if (sections_text != NULL && !parse_sections (sections_text, &sections, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  input = g_file_new_for_commandline_arg (inputs[0]);
  session = sam_file_load (input, NULL, &error);
  if (session == NULL)
    {
      print_file_error (FALSE, input, error);
      return 1;
    }

  /* "-" is the standard output, for a pipe. */
  if (g_str_equal (output, "-"))
    return export_to_stdout (session, format, sections);

  output_file = g_file_new_for_commandline_arg (output);
  if (g_file_equal (input, output_file))
    {
      g_printerr (_("The summary would replace the session file “%s” itself\n"), output);
      return 1;
    }
  /* A device or a pipe is not replaced by a file of the same name. */
  if (g_file_query_file_type (output_file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_SPECIAL)
    {
      g_printerr (_("“%s” is not a regular file; use - for the standard output\n"), output);
      return 1;
    }
  if (!sam_export_to_file (session, format, sections, output_file, &error))
    {
      print_file_error (TRUE, output_file, error);
      return 1;
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SamApplication) app = NULL;
  const char *localedir;

  /* Run from the build tree (build-aux/run.sh), the translations are there
   * rather than in the installed place. */
  localedir = g_getenv ("SAMLING_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Samling"));

  /* Exporting needs no window: it is done before GTK or the application is
   * made, so that it works where there is no display (a server, a script). */
  if (argc >= 2 && g_strcmp0 (argv[1], "export") == 0)
    return export_main (argc - 1, argv + 1);

  /* Samling draws text that changes once a second, not animations: GTK's
   * cairo renderer does that for a fraction of the work of its GL one, above
   * all on a machine whose GL is done in software (a running countdown with
   * the stage open: 0.4 % of a core against 22 % measured under llvmpipe).
   * GSK_RENDERER still chooses another. */
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_setenv ("GSK_RENDERER", "cairo", FALSE);

  app = sam_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
