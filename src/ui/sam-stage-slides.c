/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-stage-slides.h"

/*
 * Sizes follow the stage's height (@unit), as everything on the stage
 * does. The smallest sizes were chosen to stay readable from the back of
 * a room on a 1080-line projector: names of groups at about 20 pixels,
 * quotes at about 35.
 */

#define GROUP_MIN_SIZE   0.019   /* names in groups, when nothing else fits */
#define GROUP_SIZE_MIN   0.024   /* … while the prompt can still shrink */
#define GROUP_SIZE_MAX   0.05
#define GROUP_MAX_COLUMNS 6
#define PROMPT_MIN_SIZE  0.03
/* With groups below it the prompt stays larger than their names, and the
 * names give way first. */
#define PROMPT_MIN_SIZE_GROUPS 0.04
#define QUOTE_MAX_SIZE   0.075
#define QUOTE_MIN_SIZE   0.032
#define QUOTE_MAX_COLUMNS 3
/* More quotes than this never fit: only the newest this many are tried. */
#define QUOTE_MAX_TRIED  30
/* Quotes in columns narrower than this many times their size have too few
 * words a line to read well. */
#define QUOTE_MIN_MEASURE 16.0

typedef struct
{
  PangoLayout *layout;
  double       x, y;
  GdkRGBA      color;
} Text;

typedef struct
{
  graphene_rect_t rect;
  GdkRGBA         color;
} Bar;

struct _SamStageBlock
{
  /* What was laid out last and where, as one string to compare. */
  char   *key;
  GArray *texts;   /* of Text, relative to the block's corner */
  GArray *bars;    /* of Bar, the same */
  double  height;
  guint   n_shown;
  guint   n_more;
};

static void
text_clear (gpointer data)
{
  Text *text = data;

  g_clear_object (&text->layout);
}

double
sam_stage_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.height;
}

double
sam_stage_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width;
}

SamStageBlock *
sam_stage_block_new (void)
{
  SamStageBlock *self = g_new0 (SamStageBlock, 1);

  self->texts = g_array_new (FALSE, TRUE, sizeof (Text));
  g_array_set_clear_func (self->texts, text_clear);
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));

  return self;
}

void
sam_stage_block_free (SamStageBlock *self)
{
  if (self == NULL)
    return;

  g_free (self->key);
  g_array_unref (self->texts);
  g_array_unref (self->bars);
  g_free (self);
}

/* Whether @key differs from what was laid out last; if so, forgets that
 * and keeps @key. */
static gboolean
block_take_key (SamStageBlock *self,
                GString       *key)
{
  if (g_strcmp0 (self->key, key->str) == 0)
    return FALSE;

  g_free (self->key);
  self->key = g_strdup (key->str);
  g_array_set_size (self->texts, 0);
  g_array_set_size (self->bars, 0);
  self->height = 0.0;
  self->n_shown = 0;
  self->n_more = 0;

  return TRUE;
}

static void
block_add_text (SamStageBlock *self,
                PangoLayout   *layout,
                double         x,
                double         y,
                const GdkRGBA *color)
{
  Text text = { g_object_ref (layout), x, y, *color };

  g_array_append_val (self->texts, text);
}

static void
block_add_bar (SamStageBlock         *self,
               const graphene_rect_t *rect,
               const GdkRGBA         *color)
{
  Bar bar = { *rect, *color };

  g_array_append_val (self->bars, bar);
}

PangoLayout *
sam_stage_make_layout (GtkWidget      *widget,
                       const char     *text,
                       double          size,
                       PangoWeight     weight,
                       double          width,
                       int             max_lines,
                       PangoAlignment  alignment)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));

  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

static void
set_layout_width (PangoLayout *layout,
                  double       width)
{
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
}

/* The prompt */

/* The prompt, and its sentence starters after a short gap a size smaller,
 * as one text: @gap_start and @starters_start are byte offsets into it. */
static PangoLayout *
make_prompt_layout (GtkWidget  *widget,
                    GString    *text,
                    guint       gap_start,
                    guint       starters_start,
                    double      size,
                    double      width)
{
  PangoLayout *layout = sam_stage_make_layout (widget, text->str, size, PANGO_WEIGHT_SEMIBOLD,
                                               width, 0, PANGO_ALIGN_LEFT);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *attr;

  pango_layout_set_line_spacing (layout, 1.1f);
  if (starters_start < text->len)
    {
      attr = pango_attr_size_new_absolute ((int) (0.4 * size * PANGO_SCALE));
      attr->start_index = gap_start + 1;
      attr->end_index = starters_start;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_size_new_absolute ((int) (0.82 * size * PANGO_SCALE));
      attr->start_index = starters_start;
      attr->end_index = text->len;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_weight_new (PANGO_WEIGHT_NORMAL);
      attr->start_index = starters_start;
      attr->end_index = text->len;
      pango_attr_list_insert (attrs, attr);
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* The groups */

typedef struct
{
  GPtrArray *numbers;   /* of PangoLayout, right-aligned in the indent */
  GPtrArray *names;     /* of PangoLayout */
  double     indent;
  double     size;
} Groups;

static void
groups_clear (Groups *groups)
{
  g_clear_pointer (&groups->numbers, g_ptr_array_unref);
  g_clear_pointer (&groups->names, g_ptr_array_unref);
}

static void
groups_make (Groups     *groups,
             GtkWidget  *widget,
             GPtrArray  *names,
             double      size)
{
  g_autofree char *widest = g_strdup_printf ("%u", names->len);
  g_autoptr(PangoLayout) probe = NULL;

  /* Each number is as wide as the widest, so that the names line up. */
  for (char *p = widest; *p != '\0'; p++)
    *p = '0';
  probe = sam_stage_make_layout (widget, widest, size, PANGO_WEIGHT_BOLD, -1, 0, PANGO_ALIGN_LEFT);
  pango_layout_set_width (probe, -1);

  groups->size = size;
  groups->indent = sam_stage_layout_width (probe) + 0.6 * size;
  groups->numbers = g_ptr_array_new_with_free_func (g_object_unref);
  groups->names = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *joined = NULL;

      /* Translators: between the names of the people in a group on the stage, e.g. "Anna, Bo, Cecilia" */
      joined = g_strjoinv (C_("list of names", ", "), g_ptr_array_index (names, i));
      g_ptr_array_add (groups->numbers,
                       sam_stage_make_layout (widget, number, size, PANGO_WEIGHT_BOLD,
                                              groups->indent - 0.6 * size, 0, PANGO_ALIGN_RIGHT));
      g_ptr_array_add (groups->names,
                       sam_stage_make_layout (widget, joined, size, PANGO_WEIGHT_MEDIUM,
                                              1, 0, PANGO_ALIGN_LEFT));
    }
}

static double
groups_column_gap (Groups *groups)
{
  return 1.6 * groups->size;
}

static double
groups_row_gap (Groups *groups)
{
  return 0.3 * groups->size;
}

/* The height of @groups in @columns columns of @width in all, top to
 * bottom then left to right, with as many in each column but the last. */
static double
groups_height (Groups *groups,
               guint   columns,
               double  width)
{
  guint n = groups->names->len;
  guint rows = (n + columns - 1) / columns;
  double column_width = (width - (columns - 1) * groups_column_gap (groups)) / columns;
  double tallest = 0.0;

  for (guint c = 0; c < columns; c++)
    {
      double y = 0.0;

      for (guint r = 0; r < rows && c * rows + r < n; r++)
        {
          PangoLayout *names = g_ptr_array_index (groups->names, c * rows + r);

          set_layout_width (names, column_width - groups->indent);
          y += (r > 0 ? groups_row_gap (groups) : 0.0) + sam_stage_layout_height (names);
        }
      tallest = MAX (tallest, y);
    }

  return tallest;
}

static guint
groups_max_columns (Groups *groups,
                    double  width)
{
  guint columns = (guint) CLAMP (width / (10.0 * groups->size), 1.0, GROUP_MAX_COLUMNS);

  return MIN (columns, MAX (groups->names->len, 1));
}

/* The number of columns in which @groups fit in @height taking the least
 * height (narrow columns wrap the names, so this balances the two), fewer
 * on a tie; 0 when they fit in none. */
static guint
groups_best_columns (Groups *groups,
                     double  width,
                     double  height,
                     double *best_height)
{
  guint best = 0;

  *best_height = G_MAXDOUBLE;
  for (guint columns = 1; columns <= groups_max_columns (groups, width); columns++)
    {
      double h = groups_height (groups, columns, width);

      if (h <= height && h < *best_height - 0.5)
        {
          best = columns;
          *best_height = h;
        }
    }

  return best;
}

/* Whether @names fit at @size in @width × @height. */
static gboolean
groups_fit (GtkWidget *widget,
            GPtrArray *names,
            double     size,
            double     width,
            double     height)
{
  Groups groups = { NULL, };
  double h;
  guint columns;

  groups_make (&groups, widget, names, size);
  columns = groups_best_columns (&groups, width, height, &h);
  groups_clear (&groups);

  return columns > 0;
}

/* Adds @names at @size to @self at @top, in the columns that fit best; when
 * none do, in as many columns as there may be, cut at @height. Returns the
 * height taken. */
static double
groups_place (SamStageBlock *self,
              GtkWidget     *widget,
              GPtrArray     *names,
              double         size,
              double         width,
              double         height,
              double         top)
{
  Groups groups = { NULL, };
  guint n = names->len, columns, rows;
  double column_width, taken = 0.0, h;
  gboolean cut;

  groups_make (&groups, widget, names, size);
  columns = groups_best_columns (&groups, width, height, &h);
  cut = columns == 0;
  if (cut)
    columns = groups_max_columns (&groups, width);
  rows = (n + columns - 1) / columns;
  column_width = (width - (columns - 1) * groups_column_gap (&groups)) / columns;

  for (guint c = 0, i = 0; c < columns && i < n; c++)
    {
      double x = c * (column_width + groups_column_gap (&groups));
      double y = 0.0;

      for (guint r = 0; i < n && (cut || r < rows); r++, i++)
        {
          PangoLayout *number = g_ptr_array_index (groups.numbers, i);
          PangoLayout *layout = g_ptr_array_index (groups.names, i);
          double gap = r > 0 ? groups_row_gap (&groups) : 0.0;

          set_layout_width (layout, column_width - groups.indent);
          /* Cut: the next column starts where this one is full. */
          if (cut && r > 0 && y + gap + sam_stage_layout_height (layout) > height)
            break;

          y += gap;
          block_add_text (self, number, x, top + y, &sam_stage_accent_color);
          block_add_text (self, layout, x + groups.indent, top + y, &sam_stage_text_color);
          y += sam_stage_layout_height (layout);
        }
      taken = MAX (taken, y);
    }

  groups_clear (&groups);

  return taken;
}

void
sam_stage_block_set_prompt (SamStageBlock      *self,
                            GtkWidget          *widget,
                            const char         *prompt,
                            const char * const *starters,
                            GPtrArray          *groups,
                            double              width,
                            double              height,
                            double              max_size,
                            double              unit)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (prompt);
  g_autoptr(PangoLayout) layout = NULL;
  gboolean has_groups = groups != NULL && groups->len > 0;
  guint gap_start = text->len;
  guint starters_start = text->len;
  double size = max_size, min_size = (has_groups ? PROMPT_MIN_SIZE_GROUPS : PROMPT_MIN_SIZE) * unit;
  double gap = 0.035 * unit, group_size, prompt_height;

  g_string_append_printf (key, "prompt %.1f %.1f %.1f %.1f\x1e%s\x1e", width, height, max_size, unit,
                          prompt != NULL ? prompt : "");
  for (guint i = 0; starters != NULL && starters[i] != NULL; i++)
    g_string_append_printf (key, "%s\x1f", starters[i]);
  for (guint i = 0; has_groups && i < groups->len; i++)
    {
      const char * const *group = g_ptr_array_index (groups, i);

      g_string_append_c (key, '\x1e');
      for (guint j = 0; group[j] != NULL; j++)
        g_string_append_printf (key, "%s\x1f", group[j]);
    }
  if (!block_take_key (self, key))
    return;

  if (starters != NULL && starters[0] != NULL)
    {
      g_string_append (text, "\n\n");
      starters_start = text->len;
      for (guint i = 0; starters[i] != NULL; i++)
        g_string_append_printf (text, "%s•  %s", i > 0 ? "\n" : "", starters[i]);
    }

  /* The prompt as large as fits; with groups, they shrink with it, a size
   * smaller, so that the prompt stays what is read first. */
  for (;;)
    {
      g_clear_object (&layout);
      layout = make_prompt_layout (widget, text, gap_start, starters_start, size, width);
      prompt_height = sam_stage_layout_height (layout);
      if (size <= min_size)
        break;
      if (!has_groups && prompt_height <= height)
        break;
      if (has_groups && prompt_height + gap < height &&
          groups_fit (widget, groups, CLAMP (0.6 * size, GROUP_SIZE_MIN * unit, GROUP_SIZE_MAX * unit),
                      width, height - prompt_height - gap))
        break;
      size = MAX (size * 0.92, min_size);
    }

  /* Whatever still does not fit ends in an ellipsis rather than running
   * into what is below; with groups, the prompt keeps at most half. */
  if (prompt_height > (has_groups ? 0.5 * height : height))
    {
      pango_layout_set_height (layout, (int) ((has_groups ? 0.5 * height : height) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      prompt_height = sam_stage_layout_height (layout);
    }
  block_add_text (self, layout, 0, 0, &sam_stage_text_color);
  self->height = prompt_height;

  if (!has_groups)
    return;

  /* Many groups: the names shrink on below the prompt's smallest size. */
  group_size = CLAMP (0.6 * size, GROUP_SIZE_MIN * unit, GROUP_SIZE_MAX * unit);
  while (group_size > GROUP_MIN_SIZE * unit &&
         !groups_fit (widget, groups, group_size, width, height - prompt_height - gap))
    group_size = MAX (group_size * 0.95, GROUP_MIN_SIZE * unit);

  self->height += gap + groups_place (self, widget, groups, group_size, width,
                                      MAX (height - prompt_height - gap, 1.0), prompt_height + gap);
}

/* The voices */

typedef struct
{
  GPtrArray *layouts;   /* of PangoLayout, the quotes */
  double     size;
  double     indent;    /* from the bar to the text */
  double     gap;       /* between quotes */
  double     column_gap;
} Quotes;

static void
quotes_make (Quotes             *quotes,
             GtkWidget          *widget,
             const char * const *voices,
             double              size,
             double              unit)
{
  quotes->size = size;
  quotes->indent = 0.03 * unit;
  quotes->gap = 0.55 * size;
  quotes->column_gap = 0.06 * unit;
  quotes->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; voices[i] != NULL; i++)
    {
      /* Translators: a voice quoted on the stage; use your language's quotation marks, e.g. ”%s” */
      g_autofree char *quoted = g_strdup_printf (C_("quote on the stage", "“%s”"), voices[i]);
      PangoLayout *layout = sam_stage_make_layout (widget, quoted, size, PANGO_WEIGHT_MEDIUM,
                                                   1, 0, PANGO_ALIGN_LEFT);

      pango_layout_set_line_spacing (layout, 1.05f);
      g_ptr_array_add (quotes->layouts, layout);
    }
}

static void
quotes_clear (Quotes *quotes)
{
  g_clear_pointer (&quotes->layouts, g_ptr_array_unref);
}

static double
quotes_column_width (Quotes *quotes,
                     guint   columns,
                     double  width)
{
  return (width - (columns - 1) * quotes->column_gap) / columns;
}

/* The heights of the quotes in columns of @column_width, into @heights. */
static void
quotes_measure (Quotes *quotes,
                double  column_width,
                double *heights)
{
  for (guint i = 0; i < quotes->layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (quotes->layouts, i);

      set_layout_width (layout, column_width - quotes->indent);
      heights[i] = sam_stage_layout_height (layout);
    }
}

/* How many columns quotes @first … @n - 1 take, in order, when no column
 * may be higher than @limit; G_MAXUINT when one of them is. */
static guint
quotes_pack (Quotes       *quotes,
             const double *heights,
             guint         first,
             guint         n,
             double        limit)
{
  guint columns = 1;
  double y = 0.0;

  for (guint i = first; i < n; i++)
    {
      double gap = y > 0.0 ? quotes->gap : 0.0;

      if (heights[i] > limit)
        return G_MAXUINT;
      if (y + gap + heights[i] > limit)
        {
          columns++;
          y = heights[i];
        }
      else
        {
          y += gap + heights[i];
        }
    }

  return columns;
}

/* Adds quotes @first … @n - 1 in @columns columns, as evenly high as they
 * go (the smallest height that packs them into that many). Returns the
 * height taken. */
static double
quotes_place (SamStageBlock *self,
              Quotes        *quotes,
              const double  *heights,
              guint          first,
              guint          n,
              guint          columns,
              double         width,
              double         height)
{
  double column_width = quotes_column_width (quotes, columns, width);
  double low = 0.0, high = height, x = 0.0, y = 0.0, taken = 0.0;

  for (guint i = first; i < n; i++)
    low = MAX (low, heights[i]);
  for (guint step = 0; step < 24 && high - low > 0.5; step++)
    {
      double middle = (low + high) / 2;

      if (quotes_pack (quotes, heights, first, n, middle) <= columns)
        high = middle;
      else
        low = middle;
    }

  for (guint i = first; i < n; i++)
    {
      PangoLayout *layout = g_ptr_array_index (quotes->layouts, i);
      double gap = y > 0.0 ? quotes->gap : 0.0;

      if (y + gap + heights[i] > high + 0.5)
        {
          x += column_width + quotes->column_gap;
          y = 0.0;
          gap = 0.0;
        }
      y += gap;
      set_layout_width (layout, column_width - quotes->indent);
      block_add_text (self, layout, x + quotes->indent, y, &sam_stage_text_color);

      /* A bar along the quote's lines tells one quote from the next. */
      block_add_bar (self, &GRAPHENE_RECT_INIT (x, y + 0.12 * quotes->size, 0.09 * quotes->size,
                                                MAX (heights[i] - 0.24 * quotes->size, 1.0)),
                     &sam_stage_accent_color);
      y += heights[i];
      taken = MAX (taken, y);
    }

  return taken;
}

static guint
quotes_max_columns (Quotes *quotes,
                    double  width)
{
  guint columns = 1;

  while (columns < QUOTE_MAX_COLUMNS &&
         quotes_column_width (quotes, columns + 1, width) >= QUOTE_MIN_MEASURE * quotes->size)
    columns++;

  return columns;
}

void
sam_stage_block_set_voices (SamStageBlock      *self,
                            GtkWidget          *widget,
                            const char * const *voices,
                            double              width,
                            double              height,
                            double              unit)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree double *heights = NULL;
  g_autofree char *more = NULL;
  g_autoptr(PangoLayout) more_layout = NULL;
  guint n = voices != NULL ? g_strv_length ((char **) voices) : 0;
  guint skipped = n > QUOTE_MAX_TRIED ? n - QUOTE_MAX_TRIED : 0;
  guint best_first, best_columns = 1;
  double size, room;
  Quotes quotes = { NULL, };

  g_string_append_printf (key, "voices %.1f %.1f %.1f\x1e", width, height, unit);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (key, "%s\x1f", voices[i]);
  if (!block_take_key (self, key) || n == 0)
    return;

  /* From here on only the newest are counted. */
  voices += skipped;
  n -= skipped;
  best_first = n;
  heights = g_new (double, n);

  /* All of them, as large as they fit: at each size one column first,
   * then more. */
  for (size = QUOTE_MAX_SIZE * unit; skipped == 0; size = MAX (size * 0.9, QUOTE_MIN_SIZE * unit))
    {
      quotes_make (&quotes, widget, voices, size, unit);
      for (guint columns = 1; columns <= quotes_max_columns (&quotes, width); columns++)
        {
          quotes_measure (&quotes, quotes_column_width (&quotes, columns, width), heights);
          if (quotes_pack (&quotes, heights, 0, n, height) <= columns)
            {
              self->height = quotes_place (self, &quotes, heights, 0, n, columns, width, height);
              self->n_shown = n;
              quotes_clear (&quotes);
              return;
            }
        }
      if (size <= QUOTE_MIN_SIZE * unit)
        break;
      quotes_clear (&quotes);
    }

  /* Not all fit at the smallest size: the newest that do, and a line that
   * says how many more there are. */
  if (quotes.layouts == NULL)
    quotes_make (&quotes, widget, voices, QUOTE_MIN_SIZE * unit, unit);
  more_layout = sam_stage_make_layout (widget, "+0", 0.036 * unit, PANGO_WEIGHT_BOLD,
                                       width, 1, PANGO_ALIGN_RIGHT);
  room = MAX (height - sam_stage_layout_height (more_layout) - 0.02 * unit, 1.0);
  g_clear_object (&more_layout);
  for (guint columns = 1; columns <= quotes_max_columns (&quotes, width); columns++)
    {
      guint first = 0;

      quotes_measure (&quotes, quotes_column_width (&quotes, columns, width), heights);
      while (first < n - 1 && quotes_pack (&quotes, heights, first, n, room) > columns)
        first++;
      if (first < best_first)
        {
          best_first = first;
          best_columns = columns;
        }
    }

  quotes_measure (&quotes, quotes_column_width (&quotes, best_columns, width), heights);
  /* Even the newest alone is too long: it is cut. */
  if (heights[best_first] > room)
    {
      PangoLayout *layout = g_ptr_array_index (quotes.layouts, best_first);

      pango_layout_set_height (layout, (int) (room * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      heights[best_first] = MIN (sam_stage_layout_height (layout), room);
    }
  quotes_place (self, &quotes, heights, best_first, n, best_columns, width, room);
  self->n_shown = n - best_first;
  self->n_more = skipped + best_first;
  quotes_clear (&quotes);

  /* Translators: on the stage, under the voices shown: how many more there are that do not fit, e.g. "+12 more" */
  more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", self->n_more), self->n_more);
  more_layout = sam_stage_make_layout (widget, more, 0.036 * unit, PANGO_WEIGHT_BOLD,
                                       width, 1, PANGO_ALIGN_RIGHT);
  block_add_text (self, more_layout, 0, height - sam_stage_layout_height (more_layout), &sam_stage_soft_color);
  self->height = height;
}

double
sam_stage_block_get_height (SamStageBlock *self)
{
  return self->height;
}

guint
sam_stage_block_get_n_shown (SamStageBlock *self)
{
  return self->n_shown;
}

guint
sam_stage_block_get_n_more (SamStageBlock *self)
{
  return self->n_more;
}

void
sam_stage_block_append (SamStageBlock *self,
                        GtkSnapshot   *snapshot,
                        double         x,
                        double         y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);

      gtk_snapshot_append_color (snapshot, &bar->color, &bar->rect);
    }

  for (guint i = 0; i < self->texts->len; i++)
    {
      const Text *text = &g_array_index (self->texts, Text, i);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (text->x, text->y));
      gtk_snapshot_append_layout (snapshot, text->layout, &text->color);
      gtk_snapshot_restore (snapshot);
    }

  gtk_snapshot_restore (snapshot);
}
