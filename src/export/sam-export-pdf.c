/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sam-export-pictures.h"
#include "sam-export-private.h"

/*
 * The PDF and the printed pages come from one layout: the blocks become a
 * list of bands, each a strip of the page that is never split (a line of
 * text, and beside it the same line of the other cells of a table row, or a
 * picture), and the bands are then dealt onto pages. Working in bands keeps
 * the rules simple: a page breaks only between two bands, so no line is
 * ever cut; a heading holds on to the band after it; a table's header row
 * is drawn again at the top of a page that continues the table.
 *
 * Every text is laid out once, with unhinted metrics, so the pages come out
 * the same in the PDF and on a printer.
 */

#define FONT_FAMILY "Cantarell, Sans"

#define MARGIN 56.0
/* Where the page number's baseline sits, above the page's bottom edge. */
#define FOOTER_BASELINE 30.0

#define TITLE_SIZE 22.0
#define BODY_SIZE 10.0
#define META_SIZE 8.5
#define CAPTION_SIZE 8.5
/* Extra space between two lines of the body, in points. */
#define LEADING 2.5
#define CELL_PAD_X 5.0
#define CELL_PAD_Y 3.0
#define INDENT 14.0
/* The largest share of the page's text height a picture may take. */
#define PICTURE_SHARE 0.6
/* How small a picture may be drawn to fill the rest of a page rather than
 * leave it empty. */
#define PICTURE_MIN_SCALE 0.6

typedef struct
{
  double red, green, blue;
} Rgb;

static const Rgb text_rgb    = { 0.141, 0.122, 0.192 };  /* #241f31 */
static const Rgb dim_rgb     = { 0.369, 0.361, 0.392 };  /* #5e5c64 */
static const Rgb accent_rgb  = { 0.110, 0.443, 0.847 };  /* #1c71d8 */
static const Rgb rule_rgb    = { 0.753, 0.749, 0.737 };  /* #c0bfbc */
static const Rgb header_rgb  = { 0.937, 0.933, 0.922 };  /* #efeeeb */

typedef enum {
  OP_LINE,     /* a line of a layout, its baseline at y */
  OP_RECT,     /* a filled rectangle */
  OP_PICTURE,  /* a recording of a picture, its origin at (x, y) */
} OpKind;

typedef struct
{
  OpKind           kind;
  double           x, y, width, height;
  PangoLayoutLine *line;      /* OP_LINE (a reference) */
  PangoLayout     *layout;    /* OP_LINE: the line's, kept so that the PDF
                               * gets the text with the glyphs ("fl", not
                               * the ligature's "ﬂ", when copied) */
  cairo_surface_t *picture;   /* OP_PICTURE (a reference) */
  const Rgb       *color;
} Op;

typedef struct
{
  double   height;
  double   space_before;      /* dropped at the top of a page */
  gboolean keep_with_next;
  int      table;             /* index in tables, or -1 */
  gboolean is_header;         /* a band of its table's header row */
  gboolean shrinkable;        /* a picture, which may be drawn smaller */
  int      heading_level;     /* > 0 on a heading's first band, for the outline */
  char    *heading;
  GArray  *ops;               /* Op */
} Band;

typedef struct
{
  guint  band;
  double y;
  double scale;               /* of a picture drawn smaller to fit */
} Placement;

struct _SamExportPages
{
  double        width;
  double        height;
  PangoContext *context;
  GPtrArray    *bands;        /* Band */
  GPtrArray    *tables;       /* GArray of guint: each table's header bands */
  GPtrArray    *pages;        /* GArray of Placement */
};

/* Bands */

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_clear_pointer (&op->line, pango_layout_line_unref);
  g_clear_object (&op->layout);
  g_clear_pointer (&op->picture, cairo_surface_destroy);
}

static void
band_free (gpointer data)
{
  Band *band = data;

  g_array_unref (band->ops);
  g_free (band->heading);
  g_free (band);
}

static Band *
add_band (SamExportPages *self,
          double          height,
          double          space_before)
{
  Band *band = g_new0 (Band, 1);

  band->height = height;
  band->space_before = space_before;
  band->table = -1;
  band->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (band->ops, op_clear);
  g_ptr_array_add (self->bands, band);

  return band;
}

static void
band_add_rect (Band      *band,
               double     x,
               double     y,
               double     width,
               double     height,
               const Rgb *color)
{
  Op op = { OP_RECT, x, y, width, height, NULL, NULL, NULL, color };

  g_array_append_val (band->ops, op);
}

/* Text */

typedef struct
{
  double size;
  gboolean bold;
  gboolean italic;
} Style;

static const Style body_style    = { BODY_SIZE, FALSE, FALSE };
static const Style bold_style    = { BODY_SIZE, TRUE, FALSE };
static const Style meta_style    = { META_SIZE, FALSE, FALSE };
static const Style quote_style   = { BODY_SIZE + 0.5, FALSE, TRUE };
static const Style caption_style = { CAPTION_SIZE, FALSE, TRUE };

/* A layout of @prefix then @length bytes of @text. */
static PangoLayout *
make_layout_n (SamExportPages *self,
               const char     *prefix,
               const char     *text,
               gsize           length,
               const Style    *style,
               double          width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  gsize prefix_length = strlen (prefix);
  g_autofree char *joined = g_malloc (prefix_length + length + 1);

  pango_font_description_set_absolute_size (font, style->size * PANGO_SCALE);
  if (style->bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (style->italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  memcpy (joined, prefix, prefix_length);
  if (length > 0)
    memcpy (joined + prefix_length, text, length);
  joined[prefix_length + length] = '\0';
  pango_layout_set_text (layout, joined, -1);

  return layout;
}

static PangoLayout *
make_layout (SamExportPages *self,
             const char     *text,
             const Style    *style,
             double          width)
{
  text = text != NULL ? text : "";

  return make_layout_n (self, "", text, strlen (text), style, width);
}

/* One line of a laid-out text: where it sits relative to its band's top. */
typedef struct
{
  PangoLayoutLine *line;
  PangoLayout     *layout;    /* the line's (a reference) */
  double           height;
  double           baseline;
} LineInfo;

static void
line_info_clear (gpointer data)
{
  LineInfo *info = data;

  g_clear_object (&info->layout);
}

/* Appends the first @n_lines lines of @layout (all of them if -1) to
 * @lines. */
static void
append_lines (GArray      *lines,
              PangoLayout *layout,
              int          n_lines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int n = 0;

  do
    {
      PangoRectangle logical;
      LineInfo info;

      if (n_lines >= 0 && n >= n_lines)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      info.line = pango_layout_iter_get_line_readonly (iter);
      info.layout = g_object_ref (layout);
      info.height = logical.height / (double) PANGO_SCALE;
      info.baseline = (pango_layout_iter_get_baseline (iter) - logical.y) / (double) PANGO_SCALE;
      g_array_append_val (lines, info);
      n++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* How many lines' worth of text a long text is laid out at a time. */
#define CHUNK_LINES 16

/*
 * The lines of @text, wrapped to @width. Pango takes time in the square of
 * the length of a run that has nowhere to break (a note of 100,000 "x"
 * took seven seconds), and printing lays out on the interface's thread,
 * so a long text is laid out a piece at a time: a piece of some lines'
 * worth of text gives all its lines but the last, which the piece's cut
 * may have shortened, and the next piece starts where that line started.
 * Lines are broken greedily, so the lines come out as from one layout,
 * and the text in the PDF stays the text.
 */
static GArray *
layout_text (SamExportPages *self,
             const char     *text,
             const Style    *style,
             double          width)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  /* An average letter is about half an em wide. */
  glong chunk_chars = MAX (256, (glong) (CHUNK_LINES * width / (0.5 * style->size)));
  const char *p = text != NULL ? text : "";
  /* The direction of the paragraph the next piece starts inside. */
  PangoDirection direction = PANGO_DIRECTION_NEUTRAL;

  g_array_set_clear_func (lines, line_info_clear);

  while (TRUE)
    {
      g_autoptr(PangoLayout) layout = NULL;
      const char *end = p, *mark = "";
      PangoLayoutLine *cut;
      int n, start;

      /* The rest whole if it is short: never a piece too small to cut. */
      for (glong i = 0; i < 2 * chunk_chars && *end != '\0'; i++)
        end = g_utf8_next_char (end);
      if (width <= 0 || *end == '\0')
        end = p + strlen (p);
      else
        end = g_utf8_offset_to_pointer (p, chunk_chars);

      layout = make_layout_n (self, "", p, end - p, style, width);
      /* A piece from inside a paragraph keeps the paragraph's direction,
       * which Pango would otherwise take from the piece's first letters;
       * a mark at its start says it. */
      if (direction != PANGO_DIRECTION_NEUTRAL &&
          pango_layout_get_line_readonly (layout, 0)->resolved_dir != direction)
        {
          mark = direction == PANGO_DIRECTION_RTL ? "\xe2\x80\x8f" /* U+200F RLM */
                                                  : "\xe2\x80\x8e" /* U+200E LRM */;
          g_object_unref (layout);
          layout = make_layout_n (self, mark, p, end - p, style, width);
        }

      n = pango_layout_get_line_count (layout);
      if (*end == '\0')
        {
          append_lines (lines, layout, -1);
          break;
        }
      /* The start of the line the cut may have shortened. */
      cut = pango_layout_get_line_readonly (layout, n - 1);
      start = cut->start_index - (int) strlen (mark);
      if (n < 2 || start <= 0)
        {
          /* Not a whole line in the piece: a bigger one. */
          chunk_chars *= 2;
          continue;
        }
      append_lines (lines, layout, n - 1);
      direction = cut->is_paragraph_start ? PANGO_DIRECTION_NEUTRAL : cut->resolved_dir;
      p += start;
    }

  return lines;
}

static void
band_add_line (Band           *band,
               const LineInfo *info,
               double          x,
               double          top,
               const Rgb      *color)
{
  Op op = { OP_LINE, x, top + info->baseline, 0, 0, pango_layout_line_ref (info->line),
            g_object_ref (info->layout), NULL, color };

  g_array_append_val (band->ops, op);
}

/* A text as one band a line, indented by @x; returns the first band. */
static Band *
add_text (SamExportPages *self,
          const char     *text,
          const Style    *style,
          const Rgb      *color,
          double          x,
          double          space_before)
{
  double content = self->width - 2 * MARGIN;
  g_autoptr(GArray) lines = layout_text (self, text, style, content - x);
  double leading = LEADING * style->size / BODY_SIZE;
  Band *first = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      LineInfo *info = &g_array_index (lines, LineInfo, i);
      Band *band = add_band (self, info->height + leading, i == 0 ? space_before : 0);

      band_add_line (band, info, x, leading / 2, color);
      if (first == NULL)
        first = band;
    }

  return first;
}

/* Blocks */

static void
add_title (SamExportPages *self,
           const char     *text)
{
  Style style = { TITLE_SIZE, TRUE, FALSE };
  double content = self->width - 2 * MARGIN;
  Band *band, *rule;
  guint first = self->bands->len;

  add_text (self, text, &style, &text_rgb, 0, 0);
  band = g_ptr_array_index (self->bands, first);
  band->heading_level = 1;
  band->heading = g_strdup (text);

  /* A short accent rule under the title. */
  rule = add_band (self, 4, 4);
  band_add_rect (rule, 0, 0, MIN (content, 64), 2.5, &accent_rgb);

  for (guint i = first; i < self->bands->len - 1; i++)
    ((Band *) g_ptr_array_index (self->bands, i))->keep_with_next = TRUE;
}

static void
add_heading (SamExportPages *self,
             int             level,
             const char     *text)
{
  /* A section, what is under it, a column or a prompt, and a cluster of
   * notes in a column: the last the size of the text, set apart from it
   * by weight and colour. */
  static const double sizes[] = { 16.0, 13.0, 11.0, BODY_SIZE };
  static const double spaces[] = { 20.0, 14.0, 10.0, 8.0 };
  static const Rgb *colors[] = { &accent_rgb, &text_rgb, &text_rgb, &dim_rgb };
  int index = CLAMP (level, 1, (int) G_N_ELEMENTS (sizes)) - 1;
  Style style = { sizes[index], TRUE, FALSE };
  guint first = self->bands->len;
  Band *band;

  add_text (self, text, &style, colors[index], 0, spaces[index]);
  band = g_ptr_array_index (self->bands, first);
  /* Under the title, which is the outline's first level. */
  band->heading_level = index + 2;
  band->heading = g_strdup (text);
  /* A heading never stands alone at the bottom of a page. */
  for (guint i = first; i < self->bands->len; i++)
    ((Band *) g_ptr_array_index (self->bands, i))->keep_with_next = TRUE;
  /* The space under a heading is the next block's; keep it small. */
  ((Band *) g_ptr_array_index (self->bands, self->bands->len - 1))->height += 2;
}

/* A grid of texts: the fields (a label column and a value column) and the
 * tables. Each row becomes bands of the same line of each cell. */
typedef struct
{
  const double *x;
  const double *widths;
  guint         n_columns;
  gboolean      header;       /* the first row is the header */
  gboolean      labels;       /* the first column holds labels (fields) */
  gboolean      rules;        /* a rule under each row */
  double        width;        /* of the whole table */
} Grid;

static void
add_grid_row (SamExportPages *self,
              const Grid     *grid,
              char          **cells,
              gboolean        is_header,
              int             table,
              double          space_before)
{
  g_autoptr(GPtrArray) all_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint n_bands = 1;
  guint n_cells = cells != NULL ? g_strv_length (cells) : 0;
  double pad_y = grid->rules || grid->header ? CELL_PAD_Y : LEADING / 2;

  for (guint c = 0; c < grid->n_columns; c++)
    {
      const char *text = c < n_cells ? cells[c] : "";
      const Style *style = is_header || (grid->labels && c == 0) ? &bold_style : &body_style;
      GArray *lines = layout_text (self, text, style, grid->widths[c] - 2 * CELL_PAD_X);

      n_bands = MAX (n_bands, lines->len);
      g_ptr_array_add (all_lines, lines);
    }

  for (guint b = 0; b < n_bands; b++)
    {
      double line_height = 0, top = b == 0 ? pad_y : 0;
      Band *band;

      for (guint c = 0; c < grid->n_columns; c++)
        {
          GArray *lines = g_ptr_array_index (all_lines, c);

          if (b < lines->len)
            line_height = MAX (line_height, g_array_index (lines, LineInfo, b).height);
        }

      band = add_band (self, top + line_height + LEADING / 2 + (b == n_bands - 1 ? pad_y : 0),
                       b == 0 ? space_before : 0);
      band->table = table;
      band->is_header = is_header;
      /* A row of a few lines stays whole; a very long one may break. */
      band->keep_with_next = b < n_bands - 1 && n_bands <= 8;
      if (is_header)
        band_add_rect (band, 0, 0, grid->width, band->height, &header_rgb);
      for (guint c = 0; c < grid->n_columns; c++)
        {
          GArray *lines = g_ptr_array_index (all_lines, c);

          if (b < lines->len)
            band_add_line (band, &g_array_index (lines, LineInfo, b),
                           grid->x[c] + CELL_PAD_X, top + LEADING / 4,
                           grid->labels && c == 0 ? &dim_rgb : &text_rgb);
        }
      if (b == n_bands - 1 && (grid->rules || is_header))
        band_add_rect (band, 0, band->height - 0.5, grid->width, 0.5, is_header ? &dim_rgb : &rule_rgb);
    }
}

/* Column widths from the content, as browsers lay out tables: every
 * column gets at least its longest word, and what is left goes to the
 * columns in proportion to how much more their text wants. */
static void
fit_columns (SamExportPages *self,
             GPtrArray      *rows,
             guint           n_columns,
             gboolean        fields,
             double         *widths)
{
  double content = self->width - 2 * MARGIN;
  g_autofree double *natural = g_new0 (double, n_columns);
  g_autofree double *minimum = g_new0 (double, n_columns);
  double total = 0, total_min = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      guint n_cells = cells != NULL ? g_strv_length (cells) : 0;

      for (guint c = 0; c < MIN (n_cells, n_columns); c++)
        {
          gboolean bold = fields ? c == 0 : r == 0;
          g_autoptr(PangoLayout) layout = make_layout (self, cells[c], bold ? &bold_style : &body_style, -1);
          PangoRectangle logical;

          pango_layout_get_extents (layout, NULL, &logical);
          natural[c] = MAX (natural[c], logical.width / (double) PANGO_SCALE + 2 * CELL_PAD_X + 1);
          /* Broken at every space, the widest line is the longest word. */
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
          pango_layout_set_width (layout, 1);
          pango_layout_get_extents (layout, NULL, &logical);
          minimum[c] = MAX (minimum[c], logical.width / (double) PANGO_SCALE + 2 * CELL_PAD_X + 1);
        }
    }

  for (guint c = 0; c < n_columns; c++)
    {
      minimum[c] = MIN (minimum[c], natural[c]);
      total += natural[c];
      total_min += minimum[c];
    }

  for (guint c = 0; c < n_columns; c++)
    {
      if (total <= content)
        widths[c] = natural[c];
      else if (total_min >= content)
        widths[c] = minimum[c] * content / total_min;
      else
        widths[c] = minimum[c] + (natural[c] - minimum[c]) * (content - total_min) / (total - total_min);
    }
}

static void
add_table (SamExportPages *self,
           GPtrArray      *rows,
           gboolean        fields)
{
  g_autofree double *widths = NULL;
  g_autofree double *x = NULL;
  GArray *header_bands;
  guint n_columns = 0;
  int table = -1;
  Grid grid;

  if (rows == NULL || rows->len == 0)
    return;
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      n_columns = MAX (n_columns, cells != NULL ? g_strv_length (cells) : 0);
    }
  if (n_columns == 0)
    return;

  widths = g_new0 (double, n_columns);
  x = g_new0 (double, n_columns);
  if (fields && n_columns == 2)
    {
      /* The labels take what they need, up to a third of the width. */
      double content = self->width - 2 * MARGIN;

      fit_columns (self, rows, n_columns, fields, widths);
      widths[0] = MIN (widths[0], content / 3);
      widths[1] = content - widths[0];
    }
  else
    fit_columns (self, rows, n_columns, fields, widths);
  for (guint c = 1; c < n_columns; c++)
    x[c] = x[c - 1] + widths[c - 1];

  grid = (Grid) { x, widths, n_columns, !fields, fields, !fields, x[n_columns - 1] + widths[n_columns - 1] };
  if (!fields)
    {
      table = self->tables->len;
      header_bands = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (self->tables, header_bands);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      gboolean is_header = !fields && r == 0;
      guint first = self->bands->len;

      add_grid_row (self, &grid, g_ptr_array_index (rows, r), is_header, table, r == 0 ? 8 : 0);
      if (is_header)
        {
          header_bands = g_ptr_array_index (self->tables, table);
          for (guint i = first; i < self->bands->len; i++)
            {
              g_array_append_val (header_bands, i);
              /* The header never ends a page. */
              ((Band *) g_ptr_array_index (self->bands, i))->keep_with_next = TRUE;
            }
        }
    }
}

static void
add_items (SamExportPages *self,
           SamBlock       *block,
           gboolean        quotes)
{
  guint n = block->items != NULL ? block->items->len : 0;

  for (guint i = 0; i < n; i++)
    {
      const char *text = g_ptr_array_index (block->items, i);
      const char *meta = block->metas != NULL && i < block->metas->len ? g_ptr_array_index (block->metas, i) : NULL;
      guint first = self->bands->len;
      Band *band;

      band = add_text (self, text, quotes ? &quote_style : &body_style, &text_rgb,
                       INDENT, i == 0 ? 6 : (quotes ? 6 : 2.5));
      if (!quotes)
        {
          /* The bullet, centred on the first line's x-height. */
          Op *line = &g_array_index (band->ops, Op, 0);

          band_add_rect (band, 4, line->y - 0.33 * BODY_SIZE - 1.5, 3, 3, &dim_rgb);
        }
      if (meta != NULL && meta[0] != '\0')
        add_text (self, meta, &meta_style, &dim_rgb, INDENT, 0);

      for (guint b = first; b < self->bands->len; b++)
        {
          Band *item_band = g_ptr_array_index (self->bands, b);

          if (quotes)
            band_add_rect (item_band, 2, 0, 2.5, item_band->height, &accent_rgb);
          /* An item of a few lines stays together. */
          item_band->keep_with_next = b < self->bands->len - 1 && self->bands->len - first <= 8;
        }
    }
}

static void
add_picture (SamExportPages *self,
             SamSession     *session,
             SamBlock       *block)
{
  double content = self->width - 2 * MARGIN;
  double max_height = PICTURE_SHARE * (self->height - 2 * MARGIN);
  cairo_rectangle_t extents = { 0, 0, content, max_height };
  cairo_surface_t *recording;
  cairo_t *cr;
  double used;
  Band *band;
  Op op = { OP_PICTURE, 0, 0, 0, 0, NULL, NULL, NULL, NULL };

  /* Drawn once into a recording, which a PDF keeps as vectors and a page
   * replays as often as it is printed. */
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (recording);
  if (block->picture == SAM_PICTURE_MAP)
    used = sam_export_draw_map (cr, session, content, max_height);
  else
    used = sam_export_draw_chart (cr, session, MIN (content, 420));
  cairo_destroy (cr);

  if (used <= 0)
    {
      cairo_surface_destroy (recording);
      return;
    }

  band = add_band (self, used, 8);
  band->shrinkable = TRUE;
  op.picture = recording;
  op.width = content;
  op.height = used;
  g_array_append_val (band->ops, op);

  if (block->text != NULL && block->text[0] != '\0')
    {
      band->keep_with_next = TRUE;
      add_text (self, block->text, &caption_style, &dim_rgb, 0, 3);
    }
}

static void
add_blocks (SamExportPages *self,
            SamSession     *session,
            GPtrArray      *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      SamBlock *block = g_ptr_array_index (blocks, i);

      switch (block->kind)
        {
        case SAM_BLOCK_TITLE:
          add_title (self, block->text);
          break;
        case SAM_BLOCK_HEADING:
          add_heading (self, block->level, block->text);
          break;
        case SAM_BLOCK_PARAGRAPH:
          add_text (self, block->text, &body_style, &text_rgb, 0, 6);
          break;
        case SAM_BLOCK_FIELDS:
          add_table (self, block->rows, TRUE);
          break;
        case SAM_BLOCK_TABLE:
          add_table (self, block->rows, FALSE);
          break;
        case SAM_BLOCK_LIST:
          add_items (self, block, FALSE);
          break;
        case SAM_BLOCK_QUOTES:
          add_items (self, block, TRUE);
          break;
        case SAM_BLOCK_PICTURE:
          add_picture (self, session, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Pages */

static double
header_height (SamExportPages *self,
               int             table)
{
  GArray *header = g_ptr_array_index (self->tables, table);
  double height = 0;

  for (guint i = 0; i < header->len; i++)
    height += ((Band *) g_ptr_array_index (self->bands, g_array_index (header, guint, i)))->height;

  return height;
}

static void
paginate (SamExportPages *self)
{
  double top = MARGIN, bottom = self->height - MARGIN;
  double page_height = bottom - top;
  GArray *page = NULL;
  double y = top;
  guint i = 0;

  while (i < self->bands->len)
    {
      Band *band = g_ptr_array_index (self->bands, i);
      double group = 0, space, scale, height;
      gboolean at_top = page == NULL || page->len == 0;
      guint j;

      if (page == NULL)
        {
          page = g_array_new (FALSE, FALSE, sizeof (Placement));
          g_ptr_array_add (self->pages, page);
        }

      /* The bands that must stay with this one. */
      for (j = i; j < self->bands->len; j++)
        {
          Band *next = g_ptr_array_index (self->bands, j);

          group += (j > i ? next->space_before : 0) + next->height;
          if (!next->keep_with_next)
            break;
        }

      space = at_top ? 0 : band->space_before;
      scale = 1.0;
      if (!at_top && band->shrinkable)
        {
          /* Rather than leave the rest of the page empty, a picture a
           * little too tall is drawn smaller (its caption still below). */
          double room = bottom - y - space - (group - band->height);

          if (room < band->height && room >= PICTURE_MIN_SCALE * band->height)
            {
              scale = room / band->height;
              group -= band->height * (1 - scale);
            }
        }
      height = band->height * scale;

      if (!at_top &&
          (y + space + height > bottom ||
           (group <= page_height * 0.8 && y + space + group > bottom)))
        {
          page = NULL;
          y = top;
          continue;
        }

      /* A table that goes on over a page starts it with its header. */
      if (at_top && band->table >= 0 && !band->is_header &&
          header_height (self, band->table) + band->height <= page_height)
        {
          GArray *header = g_ptr_array_index (self->tables, band->table);

          for (guint h = 0; h < header->len; h++)
            {
              Placement placed = { g_array_index (header, guint, h), y, 1.0 };

              g_array_append_val (page, placed);
              y += ((Band *) g_ptr_array_index (self->bands, placed.band))->height;
            }
        }

      y += space;
      {
        Placement placed = { i, y, scale };

        g_array_append_val (page, placed);
      }
      y += height;
      i++;
    }

  /* Even a summary of nothing is a page. */
  if (self->pages->len == 0)
    g_ptr_array_add (self->pages, g_array_new (FALSE, FALSE, sizeof (Placement)));
}

static SamExportPages *
pages_new_for_blocks (SamSession *session,
                      GPtrArray  *blocks,
                      double      width,
                      double      height)
{
  SamExportPages *self = g_new0 (SamExportPages, 1);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  self->width = width;
  self->height = height;
  self->context = pango_font_map_create_context (font_map);
  /* Unhinted metrics, so that the layout does not depend on the device;
   * in points, so that a size is a size on paper. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_destroy (options);

  self->bands = g_ptr_array_new_with_free_func (band_free);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  add_blocks (self, session, blocks);
  paginate (self);

  return self;
}

SamExportPages *
sam_export_pages_new (SamSession        *session,
                      SamExportSections  sections,
                      double             width,
                      double             height)
{
  g_autoptr(GPtrArray) blocks = NULL;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (width > 2 * MARGIN + 100 && height > 2 * MARGIN + 100, NULL);

  blocks = sam_export_build_blocks (session, sections);

  return pages_new_for_blocks (session, blocks, width, height);
}

guint
sam_export_pages_get_n_pages (SamExportPages *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

static void
set_rgb (cairo_t   *cr,
         const Rgb *rgb)
{
  cairo_set_source_rgb (cr, rgb->red, rgb->green, rgb->blue);
}

static void
draw_band (cairo_t *cr,
           Band    *band,
           double   y,
           double   scale)
{
  for (guint i = 0; i < band->ops->len; i++)
    {
      Op *op = &g_array_index (band->ops, Op, i);

      switch (op->kind)
        {
        case OP_LINE:
          set_rgb (cr, op->color);
          cairo_move_to (cr, MARGIN + op->x, y + op->y);
          pango_cairo_show_layout_line (cr, op->line);
          break;
        case OP_RECT:
          set_rgb (cr, op->color);
          cairo_rectangle (cr, MARGIN + op->x, y + op->y, op->width, op->height);
          cairo_fill (cr);
          break;
        case OP_PICTURE:
          cairo_save (cr);
          cairo_translate (cr, MARGIN + op->x, y + op->y);
          cairo_scale (cr, scale, scale);
          cairo_rectangle (cr, 0, 0, op->width, op->height);
          cairo_clip (cr);
          cairo_set_source_surface (cr, op->picture, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
draw_page_number (SamExportPages *self,
                  cairo_t        *cr,
                  guint           page)
{
  /* Translators: a page number at the foot of the exported summary's
   * pages, e.g. "2 / 7": this page, then the number of pages. */
  g_autofree char *text = g_strdup_printf (C_("page number", "%u / %u"), page + 1, self->pages->len);
  g_autoptr(PangoLayout) layout = make_layout (self, text, &meta_style, -1);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  set_rgb (cr, &dim_rgb);
  cairo_move_to (cr,
                 (self->width - logical.width / (double) PANGO_SCALE) / 2,
                 self->height - FOOTER_BASELINE - pango_layout_get_baseline (layout) / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

void
sam_export_pages_draw_page (SamExportPages *self,
                            cairo_t        *cr,
                            guint           page)
{
  GArray *placements;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *placed = &g_array_index (placements, Placement, i);

      draw_band (cr, g_ptr_array_index (self->bands, placed->band), placed->y, placed->scale);
    }
  draw_page_number (self, cr, page);
  cairo_restore (cr);
}

void
sam_export_pages_free (SamExportPages *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->context);
  g_ptr_array_unref (self->bands);
  g_ptr_array_unref (self->tables);
  g_ptr_array_unref (self->pages);
  g_free (self);
}

/* The PDF */

/* A4 in points. */
#define A4_WIDTH 595.276
#define A4_HEIGHT 841.89

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The title and the four levels of headings. */
#define OUTLINE_DEPTH 5

/* The headings as the PDF's outline, so that a reader can jump to them. */
static void
add_outline (SamExportPages  *self,
             cairo_surface_t *surface,
             guint            page,
             int             *parents)
{
  GArray *placements = g_ptr_array_index (self->pages, page);

  for (guint i = 0; i < placements->len; i++)
    {
      Placement *placed = &g_array_index (placements, Placement, i);
      Band *band = g_ptr_array_index (self->bands, placed->band);
      g_autofree char *link = NULL;
      int level = band->heading_level;

      if (level <= 0 || band->heading == NULL)
        continue;
      /* The outline's levels: the title at the top, then the headings. */
      level = MIN (level, OUTLINE_DEPTH);
      link = g_strdup_printf ("page=%u pos=[%.0f %.0f]", page + 1, MARGIN, placed->y);
      parents[level] = cairo_pdf_surface_add_outline (surface,
                                                      level > 1 ? parents[level - 1] : CAIRO_PDF_OUTLINE_ROOT,
                                                      band->heading, link,
                                                      level <= 2 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      for (int l = level + 1; l <= OUTLINE_DEPTH; l++)
        parents[l] = parents[level];
    }
}

GBytes *
sam_export_write_pdf (SamSession *session,
                      GPtrArray  *blocks,
                      GError    **error)
{
  g_autoptr(SamExportPages) pages = NULL;
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  const char *title;
  cairo_t *cr;
  int parents[OUTLINE_DEPTH + 1];

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (blocks != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
    parents[i] = CAIRO_PDF_OUTLINE_ROOT;
  pages = pages_new_for_blocks (session, blocks, A4_WIDTH, A4_HEIGHT);

  surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, A4_WIDTH, A4_HEIGHT);
  title = sam_session_get_title (session);
  if (title != NULL && title[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samling");

  cr = cairo_create (surface);
  for (guint i = 0; i < pages->pages->len; i++)
    {
      sam_export_pages_draw_page (pages, cr, i);
      add_outline (pages, surface, i, parents);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SAM_EXPORT_ERROR, SAM_EXPORT_ERROR_FAILED,
                   /* Translators: %s is cairo's reason, in English. */
                   _("The PDF could not be made: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}
