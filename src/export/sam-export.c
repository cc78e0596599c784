/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-export-private.h"
#include "sam-file.h"
#include "sam-json.h"

/*
 * One way in for every format: the app's export dialogue and the command
 * line both call sam_export_to_bytes() or sam_export_to_file(). The
 * summaries are built from the same blocks (sam-export-text.c); JSON is the
 * session document as the file format writes it.
 */

G_DEFINE_QUARK (sam-export-error-quark, sam_export_error)

static const struct {
  const char      *name;
  SamExportFormat  format;
} format_names[] = {
  { "pdf", SAM_EXPORT_PDF },
  { "html", SAM_EXPORT_HTML },
  { "md", SAM_EXPORT_MARKDOWN },
  { "markdown", SAM_EXPORT_MARKDOWN },
  { "json", SAM_EXPORT_JSON },
};

gboolean
sam_export_format_from_name (const char       *name,
                             SamExportFormat  *format,
                             GError          **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i].name) == 0)
      {
        if (format != NULL)
          *format = format_names[i].format;
        return TRUE;
      }

  g_set_error (error, SAM_EXPORT_ERROR, SAM_EXPORT_ERROR_UNKNOWN_FORMAT,
               /* Translators: the format names are what the command line
                * takes; do not translate them */
               _("Unknown format “%s”: use pdf, html, md or json"),
               name != NULL ? name : "");
  return FALSE;
}

const char *
sam_export_format_extension (SamExportFormat format)
{
  switch (format)
    {
    case SAM_EXPORT_PDF:
      return "pdf";
    case SAM_EXPORT_HTML:
      return "html";
    case SAM_EXPORT_MARKDOWN:
      return "md";
    case SAM_EXPORT_JSON:
      return "json";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sam_export_format_media_type (SamExportFormat format)
{
  switch (format)
    {
    case SAM_EXPORT_PDF:
      return "application/pdf";
    case SAM_EXPORT_HTML:
      return "text/html";
    case SAM_EXPORT_MARKDOWN:
      return "text/markdown";
    case SAM_EXPORT_JSON:
      return "application/json";
    default:
      g_return_val_if_reached (NULL);
    }
}

GBytes *
sam_export_to_bytes (SamSession         *session,
                     SamExportFormat     format,
                     SamExportSections   sections,
                     GError            **error)
{
  g_autoptr(GPtrArray) blocks = NULL;
  char *text;
  gsize length;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format == SAM_EXPORT_JSON)
    {
      text = sam_json_save_data (session, &length);
      return g_bytes_new_take (text, length);
    }

  if (format != SAM_EXPORT_PDF && format != SAM_EXPORT_HTML && format != SAM_EXPORT_MARKDOWN)
    {
      g_set_error (error, SAM_EXPORT_ERROR, SAM_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Unknown format: use pdf, html, md or json"));
      return NULL;
    }

  blocks = sam_export_build_blocks (session, sections & SAM_EXPORT_ALL);

  if (format == SAM_EXPORT_PDF)
    return sam_export_write_pdf (session, blocks, error);

  if (format == SAM_EXPORT_HTML)
    text = sam_export_write_html (session, blocks);
  else
    text = sam_export_write_markdown (blocks);

  return g_bytes_new_take (text, strlen (text));
}

gboolean
sam_export_to_file (SamSession         *session,
                    SamExportFormat     format,
                    SamExportSections   sections,
                    GFile              *file,
                    GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (SAM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = sam_export_to_bytes (session, format, sections, error);
  if (bytes == NULL)
    return FALSE;

  /* Written next to the old file and renamed over it: a failed export
   * leaves the old file (or none) rather than half a summary. Its errors
   * (G_IO_ERROR) name the file and say why in a person's words. */
  data = g_bytes_get_data (bytes, &length);
  return sam_file_replace_contents (file, data != NULL ? data : "", length, error);
}
