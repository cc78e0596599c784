/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-export.h"

G_BEGIN_DECLS

/*
 * Every format is written from the same list of blocks, so that the PDF,
 * the HTML and the Markdown say the same things in the same order. Texts in
 * blocks are plain text as the session holds it (each writer escapes for
 * its format); labels and headings are already translated.
 */

typedef enum {
  SAM_BLOCK_TITLE,      /* text: the session's title */
  SAM_BLOCK_HEADING,    /* level (1 a section, 2 under it, 3 below), text */
  SAM_BLOCK_PARAGRAPH,  /* text */
  SAM_BLOCK_FIELDS,     /* rows: { label, value } pairs (the details) */
  SAM_BLOCK_TABLE,      /* rows: the first row holds the column headings */
  SAM_BLOCK_LIST,       /* items, each with its meta (may be NULL):
                         * sentence starters, notes ("3 votes · Skola") */
  SAM_BLOCK_QUOTES,     /* items (voices), each with its meta ("13:02 · Skola") */
  SAM_BLOCK_PICTURE,    /* picture, text: a caption */
} SamBlockKind;

typedef enum {
  SAM_PICTURE_MAP,
  SAM_PICTURE_CHART,
} SamExportPicture;

typedef struct
{
  SamBlockKind     kind;
  int              level;
  char            *text;
  GPtrArray       *items;    /* char *, for LIST and QUOTES */
  GPtrArray       *metas;    /* char * or NULL, one for each item */
  GPtrArray       *rows;     /* GStrv, for FIELDS and TABLE */
  SamExportPicture picture;
} SamBlock;

void       sam_block_free            (SamBlock          *block);

/* The summary of @session with @sections as blocks: a GPtrArray of
 * SamBlock (transfer full; the array frees them). */
GPtrArray *sam_export_build_blocks   (SamSession        *session,
                                      SamExportSections  sections);

/* The writers (sam-export-text.c, sam-export-pdf.c). */
char      *sam_export_write_markdown (GPtrArray         *blocks);
char      *sam_export_write_html     (SamSession        *session,
                                      GPtrArray         *blocks);
GBytes    *sam_export_write_pdf      (SamSession        *session,
                                      GPtrArray         *blocks,
                                      GError           **error);

G_END_DECLS
