/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-entities.h"
#include "sam-map.h"
#include "sam-perspective-color.h"
#include "sam-session.h"
#include "sam-stage-slides.h"
#include "sam-stage-wall.h"

/*
 * Sizes follow the stage's height (the unit), as everything on the stage
 * does. Notes are never smaller than about 22 pixels on a 1080-line
 * projector, which people at the back of a room can still read; below
 * that a column shows fewer notes rather than smaller ones.
 *
 * The cards are soft colours with dark text: light cards stand out on the
 * stage's dark ground, and dark type on them keeps a contrast of 12:1 and
 * more. A column's cards flow into one to three narrower columns when it
 * is wide and its notes many, each card going where its column is
 * shortest, so that short and long notes pack without gaps.
 */

#define NOTE_MAX_SIZE    0.042
#define NOTE_MIN_SIZE    0.0205
#define NOTE_SIZE_STEP   0.92
#define NOTE_MAX_LINES   5
#define MAX_SUB_COLUMNS  3
/* Cards narrower than this many times their text's size hold too few words
 * a line to read well. */
#define MIN_MEASURE      9.0
/* When a column is full: how many notes in a row are tried that do not
 * fit before the rest are left out. */
#define MAX_MISSED       6
#define HEADING_SIZE     0.034
#define FOOTER_SIZE      0.028
#define COLUMN_GAP       0.03

/* The note palette: yellow, pink, blue, green, orange, purple (in the
 * order of SamNoteColor). */
static const GdkRGBA note_colors[] = {
  { 0.976, 0.906, 0.624, 1.0 },  /* #f9e79f */
  { 0.961, 0.761, 0.843, 1.0 },  /* #f5c2d7 */
  { 0.737, 0.863, 0.961, 1.0 },  /* #bcdcf5 */
  { 0.773, 0.910, 0.718, 1.0 },  /* #c5e8b7 */
  { 0.984, 0.816, 0.651, 1.0 },  /* #fbd0a6 */
  { 0.851, 0.784, 0.941, 1.0 },  /* #d9c8f0 */
};
static const GdkRGBA note_ink       = { 0.110, 0.110, 0.110, 1.0 };  /* #1c1c1c */
static const GdkRGBA cluster_fill   = { 1.0, 1.0, 1.0, 0.07 };
static const GdkRGBA cluster_border = { 1.0, 1.0, 1.0, 0.16 };
static const GdkRGBA rule_color     = { 0.604, 0.600, 0.588, 0.45 };

typedef struct
{
  char    *symbol;
  GdkRGBA  color;
} Perspective;

typedef struct
{
  char        *text;
  int          perspective;   /* in the wall's perspectives, or -1 */
  int          cluster;       /* in the column's clusters, or -1 */
  guint        color;
  guint        votes;
  gint64       time;
  /* The card as last measured: at this width and size. */
  PangoLayout *layout;
  double       layout_width;
  double       layout_size;
  double       height;
  gboolean     meta_below;    /* the chip and the votes under the text */
  /* The chip's letters and the votes, at the size of meta_size. */
  PangoLayout *symbol_layout;
  PangoLayout *votes_layout;
  double       meta_size;
} WallNote;

typedef struct
{
  char        *title;
  GArray      *members;       /* of guint: its notes, top to bottom */
  PangoLayout *layout;
  double       layout_width;
  double       layout_size;
} WallCluster;

typedef enum {
  PLACE_NOTE,
  PLACE_CLUSTER,
  PLACE_HIDDEN,   /* the card that counts the hidden notes */
} PlaceKind;

/* A card or a cluster where the column's cards flow. */
typedef struct
{
  PlaceKind       kind;
  guint           index;
  graphene_rect_t rect;
} Place;

typedef struct
{
  char     *title;
  GArray   *notes;            /* of WallNote: the visible ones, top to bottom */
  GArray   *clusters;         /* of WallCluster */
  guint     n_hidden;
  gboolean  voted;            /* some note has votes */
  char     *hidden_text;
  PangoLayout *hidden_layout;
  double    hidden_width;
  double    hidden_size;

  /* As fitted */
  guint8   *chosen;           /* per note: shown; NULL when all are */
  guint     sub_columns;
  guint     n_shown;
  char     *more_text;
} WallColumn;

/* The sizes of one attempt, from the notes' text size. */
typedef struct
{
  GtkWidget *widget;
  double     unit;
  double     size;
  double     meta_size;
  double     pad_x, pad_y;
  double     gap;             /* between cards */
  double     sub_gap;         /* between the columns of cards */
  double     cluster_pad;
  double     cluster_size;    /* of a cluster's title */
  double     min_card;        /* a card of one line */
} Fit;

struct _SamStageWall
{
  char      *title;
  GArray    *perspectives;    /* of Perspective */
  GPtrArray *columns;         /* of WallColumn */
  guint      n_notes;
  guint      n_hidden;
  guint      serial;          /* counts what was taken */

  /* What was fitted last, and its picture. */
  guint          laid_serial;
  double         laid_width, laid_height, laid_unit;
  double         size;
  GskRenderNode *node;
};

static void
perspective_clear (gpointer data)
{
  Perspective *perspective = data;

  g_clear_pointer (&perspective->symbol, g_free);
}

static void
note_clear (gpointer data)
{
  WallNote *note = data;

  g_clear_pointer (&note->text, g_free);
  g_clear_object (&note->layout);
  g_clear_object (&note->symbol_layout);
  g_clear_object (&note->votes_layout);
}

static void
cluster_clear (gpointer data)
{
  WallCluster *cluster = data;

  g_clear_pointer (&cluster->title, g_free);
  g_clear_pointer (&cluster->members, g_array_unref);
  g_clear_object (&cluster->layout);
}

static void
column_free (gpointer data)
{
  WallColumn *column = data;

  g_free (column->title);
  g_array_unref (column->notes);
  g_array_unref (column->clusters);
  g_free (column->hidden_text);
  g_clear_object (&column->hidden_layout);
  g_free (column->chosen);
  g_free (column->more_text);
  g_free (column);
}

static WallColumn *
column_new (const char *title)
{
  WallColumn *column = g_new0 (WallColumn, 1);

  column->title = g_strdup (title != NULL ? title : "");
  column->notes = g_array_new (FALSE, TRUE, sizeof (WallNote));
  g_array_set_clear_func (column->notes, note_clear);
  column->clusters = g_array_new (FALSE, TRUE, sizeof (WallCluster));
  g_array_set_clear_func (column->clusters, cluster_clear);
  column->hidden_text = g_strdup ("");
  column->more_text = g_strdup ("");
  column->sub_columns = 1;

  return column;
}

SamStageWall *
sam_stage_wall_new (void)
{
  SamStageWall *self = g_new0 (SamStageWall, 1);

  self->title = g_strdup ("");
  self->perspectives = g_array_new (FALSE, TRUE, sizeof (Perspective));
  g_array_set_clear_func (self->perspectives, perspective_clear);
  self->columns = g_ptr_array_new_with_free_func (column_free);

  return self;
}

void
sam_stage_wall_free (SamStageWall *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_array_unref (self->perspectives);
  g_ptr_array_unref (self->columns);
  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_free (self);
}

/* Taking the wall */

static SamItem *
peek_item (GListStore *store,
           guint       position)
{
  SamItem *item = g_list_model_get_item (G_LIST_MODEL (store), position);

  /* The list holds it while the wall is taken. */
  g_object_unref (item);
  return item;
}

/* The index in the wall's perspectives of the perspective @id, added the
 * first time a note names it; -1 for none. */
static int
find_perspective (SamStageWall *self,
                  SamSession   *session,
                  GHashTable   *by_id,
                  const char   *id)
{
  gpointer found;
  SamItem *item;
  Perspective perspective;

  if (id == NULL || id[0] == '\0' || session == NULL)
    return -1;

  if (g_hash_table_lookup_extended (by_id, id, NULL, &found))
    return GPOINTER_TO_INT (found);

  item = sam_session_lookup (session, id);
  if (item == NULL || !SAM_IS_PERSPECTIVE (item))
    {
      g_hash_table_insert (by_id, g_strdup (id), GINT_TO_POINTER (-1));
      return -1;
    }

  perspective.symbol = sam_perspective_dup_symbol (item);
  sam_perspective_get_rgba (item, &perspective.color);
  g_array_append_val (self->perspectives, perspective);
  g_hash_table_insert (by_id, g_strdup (id), GINT_TO_POINTER (self->perspectives->len - 1));

  return self->perspectives->len - 1;
}

static void
take_column (SamStageWall *self,
             SamSession   *session,
             GHashTable   *perspectives,
             SamItem      *item)
{
  WallColumn *column = column_new (sam_item_get_string (item, "title"));
  GListStore *notes = sam_item_get_list (item, "notes");
  GListStore *clusters = sam_item_get_list (item, "clusters");
  guint n_notes = g_list_model_get_n_items (G_LIST_MODEL (notes));
  guint n_clusters = g_list_model_get_n_items (G_LIST_MODEL (clusters));
  g_autoptr(GHashTable) cluster_items = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) cluster_index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_clusters; i++)
    {
      SamItem *cluster = peek_item (clusters, i);

      g_hash_table_insert (cluster_items, (char *) sam_item_get_id (cluster), cluster);
    }

  g_array_set_size (column->notes, 0);
  for (guint i = 0; i < n_notes; i++)
    {
      SamItem *note_item = peek_item (notes, i);
      const char *cluster_id = sam_item_get_string (note_item, "cluster");
      gpointer index = NULL;
      WallNote note = { NULL, };

      if (sam_item_get_boolean (note_item, "hidden"))
        {
          column->n_hidden++;
          continue;
        }

      note.text = g_strdup (sam_item_get_string (note_item, "text"));
      note.perspective = find_perspective (self, session, perspectives,
                                           sam_item_get_string (note_item, "perspective"));
      note.color = (guint) sam_item_get_enum (note_item, "color") % G_N_ELEMENTS (note_colors);
      note.votes = (guint) MAX (sam_item_get_int (note_item, "votes"), 0);
      note.time = sam_item_get_int64 (note_item, "time");
      note.cluster = -1;
      column->voted |= note.votes > 0;

      /* A cluster groups the notes of its own column only: an id that
       * names none of them is no cluster. */
      if (cluster_id != NULL && cluster_id[0] != '\0')
        {
          SamItem *cluster = g_hash_table_lookup (cluster_items, cluster_id);

          if (cluster != NULL && !g_hash_table_lookup_extended (cluster_index, cluster_id, NULL, &index))
            {
              WallCluster entry = { NULL, };

              entry.title = g_strdup (sam_item_get_string (cluster, "title"));
              entry.members = g_array_new (FALSE, FALSE, sizeof (guint));
              g_array_append_val (column->clusters, entry);
              index = GUINT_TO_POINTER (column->clusters->len - 1);
              g_hash_table_insert (cluster_index, (char *) cluster_id, index);
            }
          if (cluster != NULL)
            {
              guint position = column->notes->len;

              note.cluster = (int) GPOINTER_TO_UINT (index);
              g_array_append_val (g_array_index (column->clusters, WallCluster, note.cluster).members, position);
            }
        }

      g_array_append_val (column->notes, note);
    }

  if (column->n_hidden > 0)
    {
      g_free (column->hidden_text);
      /* Translators: on the stage, under a column of the sticky-note wall: its notes not yet revealed to the room */
      column->hidden_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hidden note", "%u hidden notes",
                                                          column->n_hidden),
                                             column->n_hidden);
    }

  self->n_notes += column->notes->len + column->n_hidden;
  self->n_hidden += column->n_hidden;
  g_ptr_array_add (self->columns, column);
}

void
sam_stage_wall_take (SamStageWall *self,
                     SamSession   *session,
                     SamItem      *wall)
{
  g_autoptr(GHashTable) perspectives = NULL;
  GListStore *columns;

  g_return_if_fail (self != NULL);
  g_return_if_fail (wall == NULL || SAM_IS_WALL (wall));

  g_free (self->title);
  self->title = g_strdup ("");
  g_array_set_size (self->perspectives, 0);
  g_ptr_array_set_size (self->columns, 0);
  self->n_notes = 0;
  self->n_hidden = 0;
  /* Whatever was fitted is of another wall now. */
  self->serial++;

  if (wall == NULL)
    return;

  g_free (self->title);
  self->title = g_strdup (sam_item_get_string (wall, "title"));
  perspectives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  columns = sam_item_get_list (wall, "columns");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (columns)); i++)
    take_column (self, session, perspectives, peek_item (columns, i));
}

const char *
sam_stage_wall_get_title (SamStageWall *self)
{
  return self->title;
}

guint
sam_stage_wall_get_n_columns (SamStageWall *self)
{
  return self->columns->len;
}

guint
sam_stage_wall_get_n_notes (SamStageWall *self)
{
  return self->n_notes;
}

guint
sam_stage_wall_get_n_hidden (SamStageWall *self)
{
  return self->n_hidden;
}

/* Measuring */

static void
fit_init (Fit       *fit,
          GtkWidget *widget,
          double     size,
          double     unit)
{
  g_autoptr(PangoLayout) line = NULL;

  memset (fit, 0, sizeof *fit);
  fit->widget = widget;
  fit->unit = unit;
  fit->size = size;
  fit->meta_size = MAX (0.85 * size, NOTE_MIN_SIZE * unit);
  fit->pad_x = 0.5 * size;
  fit->pad_y = 0.34 * size;
  fit->gap = 0.36 * size;
  fit->sub_gap = 0.5 * size;
  fit->cluster_pad = 0.32 * size;
  fit->cluster_size = MAX (0.85 * size, NOTE_MIN_SIZE * unit);

  line = sam_stage_make_layout (widget, "Ag", size, PANGO_WEIGHT_MEDIUM, 100 * size, 1, PANGO_ALIGN_LEFT);
  fit->min_card = sam_stage_layout_height (line) + 2 * fit->pad_y;
}

/* The most columns of cards that @width takes at the size of @fit. */
static guint
max_sub_columns (const Fit *fit,
                 double     width)
{
  double card = MIN_MEASURE * fit->size + 2 * fit->pad_x;
  guint n = (guint) MAX ((width + fit->sub_gap) / (card + fit->sub_gap), 1.0);

  return MIN (n, MAX_SUB_COLUMNS);
}

static double
chip_width (const WallNote *note,
            const Fit      *fit)
{
  double height = 1.15 * fit->meta_size;

  if (note->symbol_layout == NULL)
    return 0.0;

  return MAX (height, sam_stage_layout_width (note->symbol_layout) + 0.6 * fit->meta_size);
}

/* The width of the chip and the votes together, laid out at the size of
 * @fit; 0 when the note has neither. */
static double
note_meta_width (WallNote           *note,
                 const SamStageWall *wall,
                 const Fit          *fit)
{
  double width = 0.0;

  if (note->meta_size != fit->meta_size)
    {
      g_clear_object (&note->symbol_layout);
      g_clear_object (&note->votes_layout);
      note->meta_size = fit->meta_size;

      if (note->perspective >= 0)
        {
          const Perspective *perspective = &g_array_index (wall->perspectives, Perspective, note->perspective);

          note->symbol_layout = sam_stage_make_layout (fit->widget, perspective->symbol, 0.8 * fit->meta_size,
                                                       PANGO_WEIGHT_BOLD, 20 * fit->meta_size, 1,
                                                       PANGO_ALIGN_LEFT);
        }
      if (note->votes > 0)
        {
          /* Translators: a sticky note's votes on the stage, e.g. "● 3" */
          g_autofree char *votes = g_strdup_printf (_("● %u"), note->votes);

          note->votes_layout = sam_stage_make_layout (fit->widget, votes, fit->meta_size, PANGO_WEIGHT_BOLD,
                                                      20 * fit->meta_size, 1, PANGO_ALIGN_LEFT);
        }
    }

  if (note->symbol_layout != NULL)
    width += chip_width (note, fit);
  if (note->votes_layout != NULL)
    width += (width > 0 ? 0.4 * fit->meta_size : 0.0) + sam_stage_layout_width (note->votes_layout);

  return width;
}

static double
meta_height (const WallNote *note,
             const Fit      *fit)
{
  double height = note->symbol_layout != NULL ? 1.15 * fit->meta_size : 0.0;

  if (note->votes_layout != NULL)
    height = MAX (height, sam_stage_layout_height (note->votes_layout));

  return height;
}

/* The height of @note's card @width wide; lays it out when it was laid
 * out otherwise. The chip and the votes go at the end of the last line
 * when there is room there, else on a line of their own. */
static double
note_measure (WallNote           *note,
              const SamStageWall *wall,
              const Fit          *fit,
              double              width)
{
  double text_width = MAX (width - 2 * fit->pad_x, 1.0);
  double meta, height;

  if (note->layout != NULL && note->layout_width == width && note->layout_size == fit->size)
    return note->height;

  g_clear_object (&note->layout);
  note->layout = sam_stage_make_layout (fit->widget, note->text, fit->size, PANGO_WEIGHT_MEDIUM,
                                        text_width, NOTE_MAX_LINES, PANGO_ALIGN_LEFT);
  note->layout_width = width;
  note->layout_size = fit->size;

  height = sam_stage_layout_height (note->layout);
  meta = note_meta_width (note, wall, fit);
  note->meta_below = FALSE;
  if (meta > 0)
    {
      int n_lines = pango_layout_get_line_count (note->layout);
      PangoLayoutLine *last = pango_layout_get_line_readonly (note->layout, MAX (n_lines - 1, 0));
      PangoRectangle logical = { 0, };

      if (last != NULL)
        pango_layout_line_get_pixel_extents (last, NULL, &logical);
      if (logical.width + 0.6 * fit->size + meta > text_width)
        {
          note->meta_below = TRUE;
          height += 0.15 * fit->size + meta_height (note, fit);
        }
    }

  note->height = height + 2 * fit->pad_y;
  return note->height;
}

static PangoLayout *
cluster_title_layout (WallCluster *cluster,
                      const Fit   *fit,
                      double       width)
{
  if (cluster->title == NULL || cluster->title[0] == '\0')
    return NULL;

  if (cluster->layout == NULL || cluster->layout_width != width || cluster->layout_size != fit->size)
    {
      g_clear_object (&cluster->layout);
      cluster->layout = sam_stage_make_layout (fit->widget, cluster->title, fit->cluster_size,
                                               PANGO_WEIGHT_BOLD, MAX (width - 2 * fit->cluster_pad, 1.0),
                                               2, PANGO_ALIGN_LEFT);
      cluster->layout_width = width;
      cluster->layout_size = fit->size;
    }

  return cluster->layout;
}

/* The height of @cluster with its notes that are @chosen (NULL: all)
 * @width wide. */
static double
cluster_measure (WallColumn         *column,
                 WallCluster        *cluster,
                 const SamStageWall *wall,
                 const Fit          *fit,
                 const guint8       *chosen,
                 double              width)
{
  PangoLayout *title = cluster_title_layout (cluster, fit, width);
  double height = fit->cluster_pad;
  guint n = 0;

  if (title != NULL)
    height += sam_stage_layout_height (title) + 0.5 * fit->cluster_pad;

  for (guint i = 0; i < cluster->members->len; i++)
    {
      guint index = g_array_index (cluster->members, guint, i);

      if (chosen != NULL && !chosen[index])
        continue;
      height += (n++ > 0 ? fit->gap : 0.0) +
                note_measure (&g_array_index (column->notes, WallNote, index), wall, fit,
                              width - 2 * fit->cluster_pad);
    }

  return height + fit->cluster_pad;
}

/* The height of the card that counts @column's hidden notes, @width wide. */
static double
hidden_measure (WallColumn *column,
                const Fit  *fit,
                double      width)
{
  if (column->hidden_layout == NULL || column->hidden_width != width || column->hidden_size != fit->size)
    {
      g_clear_object (&column->hidden_layout);
      column->hidden_layout = sam_stage_make_layout (fit->widget, column->hidden_text, fit->meta_size,
                                                     PANGO_WEIGHT_NORMAL, MAX (width - 2 * fit->pad_x, 1.0),
                                                     2, PANGO_ALIGN_LEFT);
      column->hidden_width = width;
      column->hidden_size = fit->size;
    }

  return sam_stage_layout_height (column->hidden_layout) + 2 * fit->pad_y;
}

/* Flows the @chosen notes (NULL: all) of @column, in their order, into
 * @n_sub columns of cards @width wide together, a cluster as one block;
 * each goes where its column is shortest. Returns FALSE as soon as one
 * would reach below @room. With @places, also says where each went; with
 * @used, how high the cards reach. */
static gboolean
column_flow (WallColumn         *column,
             const SamStageWall *wall,
             const Fit          *fit,
             guint               n_sub,
             double              width,
             double              room,
             const guint8       *chosen,
             GArray             *places,
             double             *used)
{
  double sub_width = (width - (n_sub - 1) * fit->sub_gap) / n_sub;
  double heights[MAX_SUB_COLUMNS] = { 0.0, };
  g_autofree guint8 *placed = g_malloc0 (MAX (column->clusters->len, 1));
  double reach = 0.0;

  g_assert (n_sub >= 1 && n_sub <= MAX_SUB_COLUMNS);

  for (guint i = 0; i < column->notes->len; i++)
    {
      WallNote *note = &g_array_index (column->notes, WallNote, i);
      Place place = { PLACE_NOTE, i, };
      guint shortest = 0;
      double height;

      if (chosen != NULL && !chosen[i])
        continue;

      if (note->cluster >= 0)
        {
          /* A cluster stands where its first note is. */
          if (placed[note->cluster])
            continue;
          placed[note->cluster] = TRUE;
          place.kind = PLACE_CLUSTER;
          place.index = (guint) note->cluster;
          height = cluster_measure (column, &g_array_index (column->clusters, WallCluster, note->cluster),
                                    wall, fit, chosen, sub_width);
        }
      else
        {
          height = note_measure (note, wall, fit, sub_width);
        }

      for (guint s = 1; s < n_sub; s++)
        if (heights[s] < heights[shortest])
          shortest = s;

      if (heights[shortest] + height > room)
        return FALSE;

      place.rect = GRAPHENE_RECT_INIT (shortest * (sub_width + fit->sub_gap), heights[shortest],
                                       sub_width, height);
      if (places != NULL)
        g_array_append_val (places, place);
      reach = MAX (reach, heights[shortest] + height);
      heights[shortest] += height + fit->gap;
    }

  /* The hidden notes as one card that counts them, after the others. */
  if (column->n_hidden > 0)
    {
      Place place = { PLACE_HIDDEN, 0, };
      guint shortest = 0;
      double height = hidden_measure (column, fit, sub_width);

      for (guint s = 1; s < n_sub; s++)
        if (heights[s] < heights[shortest])
          shortest = s;

      if (heights[shortest] + height > room)
        return FALSE;

      place.rect = GRAPHENE_RECT_INIT (shortest * (sub_width + fit->sub_gap), heights[shortest],
                                       sub_width, height);
      if (places != NULL)
        g_array_append_val (places, place);
      reach = MAX (reach, heights[shortest] + height);
    }

  if (used != NULL)
    *used = reach;

  return TRUE;
}

/* Whether all of @column's notes fit in @width × @room at the size of
 * @fit; if so, in how few columns of cards (the fewer, the wider). */
static gboolean
column_fits_all (WallColumn         *column,
                 const SamStageWall *wall,
                 const Fit          *fit,
                 double              width,
                 double              room,
                 guint              *n_sub)
{
  guint n = column->notes->len;
  guint max = max_sub_columns (fit, width);

  *n_sub = 1;
  if (n == 0)
    return TRUE;

  for (guint sub = 1; sub <= max; sub++)
    {
      /* Too many for even one-line cards: no need to lay one out. */
      guint per_column = (guint) ((room + fit->gap) / (fit->min_card + fit->gap));

      if (n > sub * per_column)
        continue;

      if (column_flow (column, wall, fit, sub, width, room, NULL, NULL, NULL))
        {
          *n_sub = sub;
          return TRUE;
        }
    }

  return FALSE;
}

typedef struct
{
  guint   index;
  guint   votes;
  gint64  time;
} Rank;

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  const Rank *x = a, *y = b;

  if (x->votes != y->votes)
    return x->votes > y->votes ? -1 : 1;
  if (x->time != y->time)
    return x->time > y->time ? -1 : 1;
  /* Written at the same moment: the one lower in the column came later. */
  return x->index > y->index ? -1 : (x->index < y->index ? 1 : 0);
}

/* Chooses the notes of @column that fit in @width × @room at the size of
 * @fit: the most voted first when any has votes, else the newest. A long
 * note that does not fit leaves its room to shorter ones after it, until
 * a few in a row have not fitted: trying them all would lay out every
 * note of a column of thousands. */
static void
column_choose (WallColumn         *column,
               const SamStageWall *wall,
               const Fit          *fit,
               double              width,
               double              room)
{
  guint n = column->notes->len;
  guint max = max_sub_columns (fit, width);
  g_autofree Rank *ranks = g_new (Rank, MAX (n, 1));
  g_autofree guint8 *chosen = g_malloc0 (MAX (n, 1));
  guint best = 0;

  for (guint i = 0; i < n; i++)
    {
      const WallNote *note = &g_array_index (column->notes, WallNote, i);

      ranks[i].index = i;
      ranks[i].votes = column->voted ? note->votes : 0;
      ranks[i].time = note->time;
    }
  qsort (ranks, n, sizeof (Rank), compare_rank);

  g_clear_pointer (&column->chosen, g_free);
  column->chosen = g_malloc0 (MAX (n, 1));
  column->sub_columns = 1;

  for (guint sub = 1; sub <= max; sub++)
    {
      guint count = 0, missed = 0;

      memset (chosen, 0, MAX (n, 1));
      for (guint r = 0; r < n && missed < MAX_MISSED; r++)
        {
          chosen[ranks[r].index] = TRUE;
          if (!column_flow (column, wall, fit, sub, width, room, chosen, NULL, NULL))
            {
              chosen[ranks[r].index] = FALSE;
              missed++;
              continue;
            }
          count++;
          missed = 0;
        }

      if (count > best || sub == 1)
        {
          best = count;
          column->sub_columns = sub;
          memcpy (column->chosen, chosen, MAX (n, 1));
        }
    }

  column->n_shown = best;
}

/* Drawing */

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               double         x,
               double         y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                double                 radius,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, MIN (radius, MIN (rect->size.width, rect->size.height) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

/* The chip and the votes, right-aligned on a line whose middle is at
 * @centre_y and which ends at @right. */
static void
append_meta (GtkSnapshot        *snapshot,
             const SamStageWall *wall,
             const WallNote     *note,
             const Fit          *fit,
             double              right,
             double              centre_y)
{
  double x = right;

  if (note->votes_layout != NULL)
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (note->votes_layout, NULL, &logical);
      x -= logical.width;
      append_layout (snapshot, note->votes_layout, x, centre_y - logical.height / 2.0, &note_ink);
      x -= 0.4 * fit->meta_size;
    }

  if (note->symbol_layout != NULL)
    {
      const Perspective *perspective = &g_array_index (wall->perspectives, Perspective, note->perspective);
      double width = chip_width (note, fit), height = 1.15 * fit->meta_size;
      graphene_rect_t chip = GRAPHENE_RECT_INIT (x - width, centre_y - height / 2, width, height);
      PangoRectangle ink;

      append_rounded (snapshot, &chip, height / 2, &perspective->color);
      pango_layout_get_pixel_extents (note->symbol_layout, &ink, NULL);
      append_layout (snapshot, note->symbol_layout,
                     chip.origin.x + (width - ink.width) / 2 - ink.x,
                     centre_y - ink.height / 2.0 - ink.y,
                     sam_ink_for (&perspective->color));
    }
}

static void
append_card (GtkSnapshot           *snapshot,
             const SamStageWall    *wall,
             WallNote              *note,
             const Fit             *fit,
             const graphene_rect_t *rect)
{
  double text_height = sam_stage_layout_height (note->layout);
  double right = rect->origin.x + rect->size.width - fit->pad_x;

  append_rounded (snapshot, rect, 0.22 * fit->size, &note_colors[note->color]);
  append_layout (snapshot, note->layout, rect->origin.x + fit->pad_x, rect->origin.y + fit->pad_y, &note_ink);

  if (note->symbol_layout == NULL && note->votes_layout == NULL)
    return;

  if (note->meta_below)
    {
      append_meta (snapshot, wall, note, fit, right,
                   rect->origin.y + fit->pad_y + text_height + 0.15 * fit->size + meta_height (note, fit) / 2);
    }
  else
    {
      int n_lines = MAX (pango_layout_get_line_count (note->layout), 1);

      append_meta (snapshot, wall, note, fit, right,
                   rect->origin.y + fit->pad_y + text_height - text_height / n_lines / 2);
    }
}

static void
append_cluster (GtkSnapshot           *snapshot,
                const SamStageWall    *wall,
                WallColumn            *column,
                WallCluster           *cluster,
                const Fit             *fit,
                const graphene_rect_t *rect)
{
  PangoLayout *title = cluster_title_layout (cluster, fit, rect->size.width);
  double card_width = rect->size.width - 2 * fit->cluster_pad;
  double y = rect->origin.y + fit->cluster_pad;
  float border = MAX (1.0f, (float) (0.06 * fit->size));
  GskRoundedRect outline;

  append_rounded (snapshot, rect, 0.3 * fit->size, &cluster_fill);
  gsk_rounded_rect_init_from_rect (&outline, rect, 0.3 * fit->size);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { border, border, border, border },
                              (GdkRGBA[4]) { cluster_border, cluster_border, cluster_border, cluster_border });

  if (title != NULL)
    {
      append_layout (snapshot, title, rect->origin.x + fit->cluster_pad, y, &sam_stage_text_color);
      y += sam_stage_layout_height (title) + 0.5 * fit->cluster_pad;
    }

  for (guint i = 0; i < cluster->members->len; i++)
    {
      guint index = g_array_index (cluster->members, guint, i);
      WallNote *note = &g_array_index (column->notes, WallNote, index);
      double height;

      if (column->chosen != NULL && !column->chosen[index])
        continue;

      height = note_measure (note, wall, fit, card_width);
      append_card (snapshot, wall, note, fit,
                   &GRAPHENE_RECT_INIT (rect->origin.x + fit->cluster_pad, y, card_width, height));
      y += height + fit->gap;
    }
}

/* The hidden notes: an outline where their cards will be, and how many
 * there are. */
static void
append_hidden (GtkSnapshot           *snapshot,
               WallColumn            *column,
               const Fit             *fit,
               const graphene_rect_t *rect)
{
  float border = MAX (1.0f, (float) (0.08 * fit->size));
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, rect, 0.22 * fit->size);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { border, border, border, border },
                              (GdkRGBA[4]) { sam_stage_dim_color, sam_stage_dim_color,
                                             sam_stage_dim_color, sam_stage_dim_color });
  append_layout (snapshot, column->hidden_layout, rect->origin.x + fit->pad_x, rect->origin.y + fit->pad_y,
                 &sam_stage_soft_color);
}

/* Fitting */

static double
sized (int     index,
       double  unit)
{
  double size = NOTE_MAX_SIZE * unit;

  for (int i = 0; i < index; i++)
    size *= NOTE_SIZE_STEP;

  return MAX (size, NOTE_MIN_SIZE * unit);
}

static guint
n_sizes (void)
{
  guint n = 1;

  for (double size = NOTE_MAX_SIZE; size > NOTE_MIN_SIZE; size *= NOTE_SIZE_STEP)
    n++;

  return n;
}

static double
rule_height (double unit)
{
  return MAX (2.0, 0.003 * unit);
}

/* Lays out the columns' headings for notes of @size (never smaller than
 * their notes) into @headings, if not NULL; returns the height of the band
 * across that they take, so that the cards start level. */
static double
make_headings (SamStageWall *self,
               GtkWidget    *widget,
               double        size,
               double        column_width,
               double        unit,
               GPtrArray    *headings)
{
  double heading_size = MAX (HEADING_SIZE * unit, size);
  double band = 0.0;

  for (guint i = 0; i < self->columns->len; i++)
    {
      WallColumn *column = g_ptr_array_index (self->columns, i);
      PangoLayout *heading = sam_stage_make_layout (widget, column->title, heading_size, PANGO_WEIGHT_BOLD,
                                                    column_width, 2, PANGO_ALIGN_LEFT);

      band = MAX (band, sam_stage_layout_height (heading));
      if (headings != NULL)
        g_ptr_array_add (headings, heading);
      else
        g_object_unref (heading);
    }

  return band + 0.012 * unit + rule_height (unit) + 0.02 * unit;
}

/* Whether every column shows all its notes at the @index-th size in
 * @column_width × @height each, with its heading. */
static gboolean
all_fit_at (SamStageWall *self,
            GtkWidget    *widget,
            int           index,
            double        column_width,
            double        height,
            double        unit)
{
  Fit fit;
  double room;

  fit_init (&fit, widget, sized (index, unit), unit);
  room = MAX (height - make_headings (self, widget, fit.size, column_width, unit, NULL), 1.0);
  for (guint i = 0; i < self->columns->len; i++)
    {
      WallColumn *column = g_ptr_array_index (self->columns, i);
      guint n_sub;

      if (!column_fits_all (column, self, &fit, column_width, room, &n_sub))
        return FALSE;
    }

  return TRUE;
}

void
sam_stage_wall_lay_out (SamStageWall *self,
                        GtkWidget    *widget,
                        double        width,
                        double        height,
                        double        unit)
{
  guint n = self->columns->len;
  double column_gap = COLUMN_GAP * unit;
  double column_width, band, room, footer, size;
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PangoLayout) probe = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (Place));
  int low, high, found;
  Fit fit;

  g_return_if_fail (self != NULL);

  if (self->node != NULL && self->laid_serial == self->serial &&
      self->laid_width == width && self->laid_height == height && self->laid_unit == unit)
    return;

  self->laid_serial = self->serial;
  self->laid_width = width;
  self->laid_height = height;
  self->laid_unit = unit;
  g_clear_pointer (&self->node, gsk_render_node_unref);
  snapshot = gtk_snapshot_new ();

  if (n == 0 || width < 1 || height < 1)
    {
      self->size = NOTE_MIN_SIZE * unit;
      self->node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      return;
    }

  column_width = MAX ((width - (n - 1) * column_gap) / n, 1.0);
  probe = sam_stage_make_layout (widget, "+0", FOOTER_SIZE * unit, PANGO_WEIGHT_BOLD, width, 1, PANGO_ALIGN_LEFT);
  footer = sam_stage_layout_height (probe) + 0.008 * unit;

  /* The largest size at which every column shows all its notes: fewer
   * notes fit as the size grows, so a halving search finds it. */
  low = 0;
  high = (int) n_sizes () - 1;
  found = -1;
  while (low <= high)
    {
      int middle = (low + high) / 2;

      if (all_fit_at (self, widget, middle, column_width, height, unit))
        {
          found = middle;
          high = middle - 1;
        }
      else
        {
          low = middle + 1;
        }
    }

  size = found >= 0 ? sized (found, unit) : NOTE_MIN_SIZE * unit;
  self->size = size;
  fit_init (&fit, widget, size, unit);
  band = make_headings (self, widget, size, column_width, unit, headings);
  room = MAX (height - band, 1.0);

  for (guint i = 0; i < n; i++)
    {
      WallColumn *column = g_ptr_array_index (self->columns, i);
      double x = i * (column_width + column_gap);
      double y, used = 0.0;
      PangoLayout *heading = g_ptr_array_index (headings, i);

      g_clear_pointer (&column->chosen, g_free);
      g_clear_pointer (&column->more_text, g_free);
      column->n_shown = column->notes->len;

      if (!column_fits_all (column, self, &fit, column_width, room, &column->sub_columns))
        {
          /* The line that says how many more there are needs its room. */
          column_choose (column, self, &fit, column_width, MAX (room - footer - 0.015 * unit, 1.0));
        }

      if (column->n_shown < column->notes->len)
        {
          guint more = column->notes->len - column->n_shown;

          /* Translators: on the stage, under the notes shown in a column of the sticky-note wall: how many more there are that do not fit, e.g. "+12 more" */
          column->more_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", more), more);
        }
      else
        {
          column->more_text = g_strdup ("");
        }

      append_layout (snapshot, heading, x, 0, &sam_stage_text_color);
      gtk_snapshot_append_color (snapshot, &rule_color,
                                 &GRAPHENE_RECT_INIT (x, sam_stage_layout_height (heading) + 0.012 * unit, column_width,
                                                     rule_height (unit)));

      g_array_set_size (places, 0);
      column_flow (column, self, &fit, column->sub_columns, column_width, G_MAXDOUBLE,
                   column->chosen, places, &used);
      for (guint p = 0; p < places->len; p++)
        {
          Place *place = &g_array_index (places, Place, p);

          place->rect.origin.x += x;
          place->rect.origin.y += band;
          if (place->kind == PLACE_HIDDEN)
            append_hidden (snapshot, column, &fit, &place->rect);
          else if (place->kind == PLACE_CLUSTER)
            append_cluster (snapshot, self, column, &g_array_index (column->clusters, WallCluster, place->index),
                            &fit, &place->rect);
          else
            append_card (snapshot, self, &g_array_index (column->notes, WallNote, place->index), &fit,
                         &place->rect);
        }

      y = band + used + (used > 0 ? 0.015 * unit : 0.0);
      if (column->more_text[0] != '\0')
        {
          g_autoptr(PangoLayout) more = sam_stage_make_layout (widget, column->more_text, FOOTER_SIZE * unit,
                                                               PANGO_WEIGHT_BOLD, column_width, 1,
                                                               PANGO_ALIGN_LEFT);

          append_layout (snapshot, more, x, y, &sam_stage_soft_color);
        }
    }

  self->node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

double
sam_stage_wall_get_note_size (SamStageWall *self)
{
  return self->size;
}

static WallColumn *
get_column (SamStageWall *self,
            guint         column)
{
  return column < self->columns->len ? g_ptr_array_index (self->columns, column) : NULL;
}

guint
sam_stage_wall_get_n_shown (SamStageWall *self,
                            guint         column)
{
  WallColumn *entry = get_column (self, column);

  return entry != NULL ? entry->n_shown : 0;
}

char **
sam_stage_wall_dup_shown (SamStageWall *self,
                          guint         column)
{
  WallColumn *entry = get_column (self, column);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree guint8 *listed = NULL;

  if (entry == NULL)
    return g_strv_builder_end (builder);

  /* In the order they stand: a cluster's notes together, where its first
   * note is. */
  listed = g_malloc0 (MAX (entry->clusters->len, 1));
  for (guint i = 0; i < entry->notes->len; i++)
    {
      WallNote *note = &g_array_index (entry->notes, WallNote, i);
      WallCluster *cluster;

      if (entry->chosen != NULL && !entry->chosen[i])
        continue;
      if (note->cluster < 0)
        {
          g_strv_builder_add (builder, note->text);
          continue;
        }
      if (listed[note->cluster])
        continue;

      listed[note->cluster] = TRUE;
      cluster = &g_array_index (entry->clusters, WallCluster, note->cluster);
      for (guint m = 0; m < cluster->members->len; m++)
        {
          guint index = g_array_index (cluster->members, guint, m);

          if (entry->chosen == NULL || entry->chosen[index])
            g_strv_builder_add (builder, g_array_index (entry->notes, WallNote, index).text);
        }
    }

  return g_strv_builder_end (builder);
}

const char *
sam_stage_wall_get_more_text (SamStageWall *self,
                              guint         column)
{
  WallColumn *entry = get_column (self, column);

  return entry != NULL && entry->more_text != NULL ? entry->more_text : "";
}

const char *
sam_stage_wall_get_hidden_text (SamStageWall *self,
                                guint         column)
{
  WallColumn *entry = get_column (self, column);

  return entry != NULL ? entry->hidden_text : "";
}

void
sam_stage_wall_append (SamStageWall *self,
                       GtkSnapshot  *snapshot,
                       double        x,
                       double        y)
{
  if (self->node == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_node (snapshot, self->node);
  gtk_snapshot_restore (snapshot);
}
