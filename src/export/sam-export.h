/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sam-session.h"

G_BEGIN_DECLS

/*
 * The documentation of a session, made in one step: what a facilitator
 * mails to the participants afterwards. The same summary comes as
 *
 *   - PDF: A4, drawn with cairo and Pango, fonts embedded, page numbers, the
 *     perspective chart and the map as pictures;
 *   - HTML: one self-contained file (CSS inline, pictures as data: URIs, no
 *     script, a Content-Security-Policy that forbids scripts), every piece
 *     of the session's text escaped;
 *   - Markdown: CommonMark, every piece of the session's text escaped so
 *     that it shows as typed;
 *   - JSON: the session document itself.
 *
 * Sections (each can be left out; JSON is always the whole document):
 *   DETAILS    title, date, time, place, physical/digital, purpose, goal
 *   PEOPLE     the perspective chart and counts, the map with its balloons,
 *              counts by municipality, perspectives missing
 *   AGENDA     each item's planned and actual start and length, the
 *              difference, and the session's planned and actual end
 *   DIALOGUES  each prompt with its format, question, sentence starters and
 *              its voices, under the agenda item where it ran
 *   WALLS      each wall's columns with their notes, clusters and votes,
 *              most-voted first where there are votes
 *
 * Nothing here needs a display: the command line exports with it.
 */

typedef enum {
  SAM_EXPORT_PDF,
  SAM_EXPORT_HTML,
  SAM_EXPORT_MARKDOWN,
  SAM_EXPORT_JSON,
} SamExportFormat;

typedef enum {
  SAM_EXPORT_DETAILS   = 1 << 0,
  SAM_EXPORT_PEOPLE    = 1 << 1,
  SAM_EXPORT_AGENDA    = 1 << 2,
  SAM_EXPORT_DIALOGUES = 1 << 3,
  SAM_EXPORT_WALLS     = 1 << 4,
  SAM_EXPORT_ALL       = 0x1f,
} SamExportSections;

#define SAM_EXPORT_ERROR (sam_export_error_quark ())
typedef enum {
  SAM_EXPORT_ERROR_UNKNOWN_FORMAT,
  SAM_EXPORT_ERROR_FAILED,
} SamExportError;
GQuark       sam_export_error_quark        (void);

/* "pdf", "html", "md" (or "markdown"), "json", any case. FALSE (and an
 * error naming the known ones) otherwise. */
gboolean     sam_export_format_from_name   (const char         *name,
                                            SamExportFormat    *format,
                                            GError            **error);
/* The usual file name extension, without the dot: "pdf", "html", "md",
 * "json"; and the media type. */
const char  *sam_export_format_extension   (SamExportFormat     format);
const char  *sam_export_format_media_type  (SamExportFormat     format);

/* The summary of @session in @format with @sections (transfer full). */
GBytes      *sam_export_to_bytes           (SamSession         *session,
                                            SamExportFormat     format,
                                            SamExportSections   sections,
                                            GError            **error);
/* The same written to @file: all or nothing (a temporary file renamed in
 * place), so a failed export never leaves half a file. */
gboolean     sam_export_to_file            (SamSession         *session,
                                            SamExportFormat     format,
                                            SamExportSections   sections,
                                            GFile              *file,
                                            GError            **error);

/* Printing: the PDF's pages, drawn on @cr (a page of @width × @height
 * points). sam_export_pages_new() lays the summary out for that page size
 * once; then each page is drawn by its number (from 0). */
typedef struct _SamExportPages SamExportPages;
SamExportPages *sam_export_pages_new       (SamSession         *session,
                                            SamExportSections   sections,
                                            double              width,
                                            double              height);
guint        sam_export_pages_get_n_pages  (SamExportPages     *self);
void         sam_export_pages_draw_page    (SamExportPages     *self,
                                            cairo_t            *cr,
                                            guint               page);
void         sam_export_pages_free         (SamExportPages     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamExportPages, sam_export_pages_free)

G_END_DECLS
