/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-export.h"
#include "sam-types.h"
#include "sam-ui-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_EXPORT_DIALOG (sam_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SamExportDialog, sam_export_dialog, SAM, EXPORT_DIALOG, AdwWindow)

/* A modal window over @parent that exports the summary of @session: its
 * format and sections (remembered in @settings, which may be NULL), then a
 * file chooser. The outcome is a toast on @parent, or a message. */
GtkWidget        *sam_export_dialog_new          (SamWindow          *parent,
                                                  SamSession         *session,
                                                  GSettings          *settings);
SamExportFormat   sam_export_dialog_get_format   (SamExportDialog    *self);
void              sam_export_dialog_set_format   (SamExportDialog    *self,
                                                  SamExportFormat     format);
/* The sections switched on; JSON exports the whole session whatever they are. */
SamExportSections sam_export_dialog_get_sections (SamExportDialog    *self);
void              sam_export_dialog_set_sections (SamExportDialog    *self,
                                                  SamExportSections   sections);
/* Exports to @file as the Export button does after the file chooser: in a
 * worker thread, then a toast on the parent window and the dialog closes,
 * or a message and the dialog stays. */
void              sam_export_dialog_export_to_file (SamExportDialog     *self,
                                                    GFile               *file,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean          sam_export_dialog_export_finish  (SamExportDialog     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* The sections last chosen in @settings (all of them without settings, or
 * when none was left on). */
SamExportSections sam_export_remembered_sections (GSettings          *settings);

/* A print operation for the summary of @session, laid out for the page
 * that is chosen (A4 unless another is), one printed page for each page of
 * sam_export_pages_new(). */
GtkPrintOperation *sam_export_print_operation_new (SamSession        *session,
                                                   SamExportSections  sections);

/* Puts the Markdown summary of @session on @widget's clipboard. */
gboolean          sam_export_copy_summary        (GtkWidget          *widget,
                                                  SamSession         *session,
                                                  SamExportSections   sections,
                                                  GError            **error);

G_END_DECLS
