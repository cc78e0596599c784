/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-entities.h"
#include "sam-wall.h"

/* Helpers */

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

/* @list's item @i, borrowed: the list holds a reference for as long as the
 * caller looks at it. */
static SamItem *
peek_item (GListStore *store,
           guint       i)
{
  SamItem *item = g_list_model_get_item (G_LIST_MODEL (store), i);

  g_object_unref (item);
  return item;
}

/* @text without white space (Unicode's, so that a no-break space typed on
 * a Swedish keyboard counts) at either end; NULL when nothing is left. */
static char *
trim_text (const char *text)
{
  const char *start, *end;

  if (text == NULL)
    return NULL;

  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  start = text;
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  if (end == start)
    return NULL;

  return g_strndup (start, end - start);
}

static gboolean
is_perspective_or_none (SamSession *session,
                        const char *perspective)
{
  return perspective == NULL || perspective[0] == '\0' ||
         SAM_IS_PERSPECTIVE (sam_session_lookup (session, perspective));
}

static SamItem *
note_column (SamItem *note)
{
  SamItem *column = sam_item_get_parent (note);

  return column != NULL && SAM_IS_COLUMN (column) ? column : NULL;
}

static guint
position_in_parent (SamItem *item)
{
  GListStore *store = sam_item_get_list (sam_item_get_parent (item),
                                         sam_item_get_parent_list (item));
  guint position = 0;

  if (!g_list_store_find (store, item, &position))
    g_assert_not_reached ();

  return position;
}

static SamItem *
find_cluster (SamItem    *column,
              const char *id)
{
  GListStore *clusters = sam_item_get_list (column, "clusters");

  if (id == NULL || id[0] == '\0')
    return NULL;

  for (guint i = 0; i < n_items (clusters); i++)
    {
      SamItem *cluster = peek_item (clusters, i);

      if (g_str_equal (sam_item_get_id (cluster), id))
        return cluster;
    }

  return NULL;
}

static gboolean
cluster_has_notes (SamItem *cluster)
{
  GListStore *notes = sam_item_get_list (sam_item_get_parent (cluster), "notes");
  const char *id = sam_item_get_id (cluster);

  for (guint i = 0; i < n_items (notes); i++)
    if (g_strcmp0 (sam_item_get_string (peek_item (notes, i), "cluster"), id) == 0)
      return TRUE;

  return FALSE;
}

/* A cluster lives as long as it has notes: an empty one would be a heading
 * over nothing, which the wall has no use for. */
static void
remove_if_empty (SamSession *session,
                 SamItem    *cluster)
{
  if (cluster != NULL && !cluster_has_notes (cluster))
    sam_session_remove (session, cluster);
}

/* Walls */

SamItem *
sam_wall_add (SamSession *session,
              const char *title,
              gboolean    default_columns)
{
  static const char * const columns[] = {
    /* Translators: the first column of a new sticky-note wall */
    N_("Questions"),
    /* Translators: the second column of a new sticky-note wall */
    N_("Ideas"),
    /* Translators: the third column of a new sticky-note wall */
    N_("Next Steps"),
  };
  g_autofree char *trimmed = trim_text (title);
  g_autoptr(SamItem) wall = NULL;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);

  wall = sam_item_new (SAM_TYPE_WALL, NULL);
  /* Translators: the title of a sticky-note wall that was given none */
  g_object_set (wall, "title", trimmed != NULL ? trimmed : _("New Wall"), NULL);

  sam_session_begin (session, _("Add Wall"));
  sam_session_insert (session, session, "walls", G_MAXUINT, wall);
  if (default_columns)
    for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
      {
        g_autoptr(SamItem) column = sam_item_new (SAM_TYPE_COLUMN, NULL);

        g_object_set (column, "title", _(columns[i]), NULL);
        sam_session_insert (session, wall, "columns", G_MAXUINT, column);
      }
  sam_session_end (session);

  return wall;
}

/* Sets @item's title to @title trimmed, as the step @label; a blank title
 * is refused. */
static gboolean
rename_item (SamSession *session,
             SamItem    *item,
             const char *title,
             const char *label)
{
  g_autofree char *trimmed = trim_text (title);

  if (trimmed == NULL)
    return FALSE;

  sam_session_begin (session, label);
  sam_session_set (session, item, "title", trimmed, NULL);
  sam_session_end (session);

  return TRUE;
}

gboolean
sam_wall_rename (SamSession *session,
                 SamItem    *wall,
                 const char *title)
{
  g_return_val_if_fail (SAM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SAM_IS_WALL (wall), FALSE);

  return rename_item (session, wall, title, _("Rename Wall"));
}

void
sam_wall_remove (SamSession *session,
                 SamItem    *wall)
{
  g_return_if_fail (SAM_IS_SESSION (session));
  g_return_if_fail (SAM_IS_WALL (wall));

  sam_session_begin (session, _("Remove Wall"));
  sam_session_remove (session, wall);
  sam_session_end (session);
}

/* Columns */

SamItem *
sam_wall_add_column (SamSession *session,
                     SamItem    *wall,
                     const char *title,
                     guint       position)
{
  g_autofree char *trimmed = trim_text (title);
  g_autoptr(SamItem) column = NULL;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (SAM_IS_WALL (wall), NULL);

  column = sam_item_new (SAM_TYPE_COLUMN, NULL);
  /* Translators: the title of a wall's column that was given none */
  g_object_set (column, "title", trimmed != NULL ? trimmed : _("New Column"), NULL);

  sam_session_begin (session, _("Add Column"));
  sam_session_insert (session, wall, "columns", position, column);
  sam_session_end (session);

  return column;
}

gboolean
sam_wall_rename_column (SamSession *session,
                        SamItem    *column,
                        const char *title)
{
  g_return_val_if_fail (SAM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SAM_IS_COLUMN (column), FALSE);

  return rename_item (session, column, title, _("Rename Column"));
}

gboolean
sam_wall_move_column (SamSession *session,
                      SamItem    *column,
                      guint       position)
{
  SamItem *wall;
  guint old_position;

  g_return_val_if_fail (SAM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SAM_IS_COLUMN (column), FALSE);

  wall = sam_item_get_parent (column);
  g_return_val_if_fail (SAM_IS_WALL (wall), FALSE);

  old_position = position_in_parent (column);
  sam_session_begin (session, _("Move Column"));
  sam_session_move (session, column, wall, position);
  sam_session_end (session);

  return position_in_parent (column) != old_position;
}

void
sam_wall_remove_column (SamSession *session,
                        SamItem    *column)
{
  g_return_if_fail (SAM_IS_SESSION (session));
  g_return_if_fail (SAM_IS_COLUMN (column));

  sam_session_begin (session, _("Remove Column"));
  sam_session_remove (session, column);
  sam_session_end (session);
}

/* Notes */

SamItem *
sam_wall_add_note (SamSession   *session,
                   SamItem      *column,
                   guint         position,
                   const char   *text,
                   SamNoteColor  color,
                   const char   *perspective,
                   gboolean      hidden)
{
  g_autofree char *trimmed = trim_text (text);
  g_autoptr(SamItem) note = NULL;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (SAM_IS_COLUMN (column), NULL);
  g_return_val_if_fail (is_perspective_or_none (session, perspective), NULL);

  if (trimmed == NULL)
    return NULL;

  note = sam_item_new (SAM_TYPE_NOTE, NULL);
  g_object_set (note,
                "text", trimmed,
                "color", color,
                "perspective", perspective != NULL ? perspective : "",
                "time", g_get_real_time (),
                "hidden", hidden,
                NULL);

  sam_session_begin (session, _("Add Note"));
  sam_session_insert (session, column, "notes", position, note);
  sam_session_end (session);

  return note;
}

gboolean
sam_wall_set_note_text (SamSession *session,
                        SamItem    *note,
                        const char *text)
{
  g_autofree char *trimmed = trim_text (text);

  g_return_val_if_fail (SAM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SAM_IS_NOTE (note), FALSE);

  /* Emptying a note is more likely a slip than a wish to remove it, which
   * has its own command. */
  if (trimmed == NULL)
    return FALSE;

  sam_session_begin (session, _("Edit Note"));
  sam_session_set (session, note, "text", trimmed, NULL);
  sam_session_end (session);

  return TRUE;
}

void
sam_wall_set_note_color (SamSession   *session,
                         SamItem      *note,
                         SamNoteColor  color)
{
  g_return_if_fail (SAM_IS_SESSION (session));
  g_return_if_fail (SAM_IS_NOTE (note));

  sam_session_begin (session, _("Change Note Colour"));
  sam_session_set (session, note, "color", color, NULL);
  sam_session_end (session);
}

void
sam_wall_set_note_perspective (SamSession *session,
                               SamItem    *note,
                               const char *perspective)
{
  g_return_if_fail (SAM_IS_SESSION (session));
  g_return_if_fail (SAM_IS_NOTE (note));
  g_return_if_fail (is_perspective_or_none (session, perspective));

  sam_session_begin (session, _("Change Note Perspective"));
  sam_session_set (session, note, "perspective", perspective != NULL ? perspective : "", NULL);
  sam_session_end (session);
}

void
sam_wall_set_note_hidden (SamSession *session,
                          SamItem    *note,
                          gboolean    hidden)
{
  g_return_if_fail (SAM_IS_SESSION (session));
  g_return_if_fail (SAM_IS_NOTE (note));

  sam_session_begin (session, hidden ? _("Hide Note") : _("Show Note"));
  sam_session_set (session, note, "hidden", hidden, NULL);
  sam_session_end (session);
}

void
sam_wall_remove_note (SamSession *session,
                      SamItem    *note)
{
  SamItem *cluster;

  g_return_if_fail (SAM_IS_SESSION (session));
  g_return_if_fail (SAM_IS_NOTE (note));

  cluster = sam_wall_get_note_cluster (note);

  sam_session_begin (session, _("Remove Note"));
  sam_session_remove (session, note);
  remove_if_empty (session, cluster);
  sam_session_end (session);
}

gboolean
sam_wall_move_note (SamSession *session,
                    SamItem    *note,
                    SamItem    *column,
                    guint       position)
{
  SamItem *old_column;
  SamItem *cluster;
  guint old_position;

  g_return_val_if_fail (SAM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SAM_IS_NOTE (note), FALSE);
  g_return_val_if_fail (SAM_IS_COLUMN (column), FALSE);

  old_column = note_column (note);
  g_return_val_if_fail (old_column != NULL, FALSE);

  old_position = position_in_parent (note);
  cluster = sam_wall_get_note_cluster (note);

  sam_session_begin (session, _("Move Note"));
  sam_session_move (session, note, column, position);
  if (column != old_column)
    {
      /* Also an id that names no cluster here: a version without clusters
       * may have carried it over from another column. */
      sam_session_set (session, note, "cluster", "", NULL);
      remove_if_empty (session, cluster);
    }
  sam_session_end (session);

  return column != old_column || position_in_parent (note) != old_position;
}

static gboolean
change_votes (SamSession *session,
              SamItem    *note,
              int         delta,
              const char *label)
{
  int votes = sam_item_get_int (note, "votes");

  /* The declared range clamps the value, which then does not change. */
  sam_session_begin (session, label);
  sam_session_set (session, note, "votes", votes + delta, NULL);
  sam_session_end (session);

  return sam_item_get_int (note, "votes") != votes;
}

gboolean
sam_wall_add_vote (SamSession *session,
                   SamItem    *note)
{
  g_return_val_if_fail (SAM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SAM_IS_NOTE (note), FALSE);

  return change_votes (session, note, 1, _("Vote"));
}

gboolean
sam_wall_remove_vote (SamSession *session,
                      SamItem    *note)
{
  g_return_val_if_fail (SAM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SAM_IS_NOTE (note), FALSE);

  if (sam_item_get_int (note, "votes") == 0)
    return FALSE;

  return change_votes (session, note, -1, _("Remove Vote"));
}

/* One note, or a cluster's notes, in a sort by votes. */
typedef struct
{
  SamItem *note;      /* a note on its own; NULL for a cluster */
  gint64   votes;     /* the note's, or the sum of the cluster's */
  guint    position;  /* of the (first) note before the sort */
  GArray  *members;   /* Ranked, a cluster's notes */
} Ranked;

static void
clear_ranked (gpointer data)
{
  Ranked *r = data;

  g_clear_pointer (&r->members, g_array_unref);
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  if (x->votes != y->votes)
    return x->votes > y->votes ? -1 : 1;

  /* Stable whatever the sort does with ties. */
  return x->position < y->position ? -1 : x->position > y->position;
}

static GArray *
new_ranked_array (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (Ranked));

  g_array_set_clear_func (array, clear_ranked);
  return array;
}

/* @column's notes in the order a sort by votes gives them. A cluster moves
 * as one block, ranked by its notes' votes together (the dots the room gave
 * the theme), and its notes are ranked within it; so a sort keeps every
 * cluster's notes together. */
static GPtrArray *
order_by_votes (SamItem *column)
{
  GListStore *notes = sam_item_get_list (column, "notes");
  GListStore *clusters = sam_item_get_list (column, "clusters");
  g_autoptr(GHashTable) blocks = g_hash_table_new (g_str_hash, g_str_equal);  /* cluster id → block index + 1 */
  g_autoptr(GHashTable) cluster_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) ranked = new_ranked_array ();
  GPtrArray *order = g_ptr_array_sized_new (n_items (notes));

  for (guint i = 0; i < n_items (clusters); i++)
    g_hash_table_add (cluster_ids, (char *) sam_item_get_id (peek_item (clusters, i)));

  for (guint i = 0; i < n_items (notes); i++)
    {
      SamItem *note = peek_item (notes, i);
      const char *cluster = sam_item_get_string (note, "cluster");
      Ranked one = { note, sam_item_get_int (note, "votes"), i, NULL };
      Ranked *block;
      guint index;

      if (cluster == NULL || !g_hash_table_contains (cluster_ids, cluster))
        {
          g_array_append_val (ranked, one);
          continue;
        }

      index = GPOINTER_TO_UINT (g_hash_table_lookup (blocks, cluster));
      if (index == 0)
        {
          Ranked empty = { NULL, 0, i, new_ranked_array () };
          g_array_append_val (ranked, empty);
          index = ranked->len;
          g_hash_table_insert (blocks, (char *) cluster, GUINT_TO_POINTER (index));
        }
      block = &g_array_index (ranked, Ranked, index - 1);
      block->votes += one.votes;
      g_array_append_val (block->members, one);
    }

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *r = &g_array_index (ranked, Ranked, i);

      if (r->members == NULL)
        {
          g_ptr_array_add (order, r->note);
          continue;
        }

      g_array_sort (r->members, compare_ranked);
      for (guint j = 0; j < r->members->len; j++)
        g_ptr_array_add (order, g_array_index (r->members, Ranked, j).note);
    }

  return order;
}

gboolean
sam_wall_sort_by_votes (SamSession *session,
                        SamItem    *column)
{
  g_autoptr(GPtrArray) order = NULL;
  GListStore *notes;
  gboolean sorted = TRUE;

  g_return_val_if_fail (SAM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SAM_IS_COLUMN (column), FALSE);

  notes = sam_item_get_list (column, "notes");
  order = order_by_votes (column);
  for (guint i = 0; i < order->len && sorted; i++)
    sorted = order->pdata[i] == peek_item (notes, i);
  if (sorted)
    return FALSE;

  /* The notes before @i are in place, so the one that belongs at @i is
   * further down and taking it out does not shift them. */
  sam_session_begin (session, _("Sort by Votes"));
  for (guint i = 0; i < order->len; i++)
    sam_session_move (session, order->pdata[i], column, i);
  sam_session_end (session);

  return TRUE;
}

guint
sam_wall_reveal (SamSession *session,
                 SamItem    *wall)
{
  GListStore *columns;
  guint revealed = 0;

  g_return_val_if_fail (SAM_IS_SESSION (session), 0);
  g_return_val_if_fail (SAM_IS_WALL (wall), 0);

  columns = sam_item_get_list (wall, "columns");

  sam_session_begin (session, _("Reveal Notes"));
  for (guint c = 0; c < n_items (columns); c++)
    {
      GListStore *notes = sam_item_get_list (peek_item (columns, c), "notes");

      for (guint i = 0; i < n_items (notes); i++)
        {
          SamItem *note = peek_item (notes, i);

          if (sam_item_get_boolean (note, "hidden"))
            {
              sam_session_set (session, note, "hidden", FALSE, NULL);
              revealed++;
            }
        }
    }
  sam_session_end (session);

  return revealed;
}

static guint
count_in_column (SamItem  *column,
                 gboolean  only_hidden)
{
  GListStore *notes = sam_item_get_list (column, "notes");
  guint count = 0;

  if (!only_hidden)
    return n_items (notes);

  for (guint i = 0; i < n_items (notes); i++)
    if (sam_item_get_boolean (peek_item (notes, i), "hidden"))
      count++;

  return count;
}

static guint
count (SamItem  *wall_or_column,
       gboolean  only_hidden)
{
  GListStore *columns;
  guint total = 0;

  if (SAM_IS_COLUMN (wall_or_column))
    return count_in_column (wall_or_column, only_hidden);

  columns = sam_item_get_list (wall_or_column, "columns");
  for (guint c = 0; c < n_items (columns); c++)
    total += count_in_column (peek_item (columns, c), only_hidden);

  return total;
}

guint
sam_wall_count_notes (SamItem *wall_or_column)
{
  g_return_val_if_fail (SAM_IS_WALL (wall_or_column) || SAM_IS_COLUMN (wall_or_column), 0);

  return count (wall_or_column, FALSE);
}

guint
sam_wall_count_hidden (SamItem *wall_or_column)
{
  g_return_val_if_fail (SAM_IS_WALL (wall_or_column) || SAM_IS_COLUMN (wall_or_column), 0);

  return count (wall_or_column, TRUE);
}

/* Clusters */

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  guint x = position_in_parent (*(SamItem * const *) a);
  guint y = position_in_parent (*(SamItem * const *) b);

  return x < y ? -1 : x > y;
}

SamItem *
sam_wall_cluster_notes (SamSession      *session,
                        SamItem * const *notes,
                        guint            n_notes,
                        const char      *title)
{
  g_autofree char *trimmed = trim_text (title);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GPtrArray) old_clusters = g_ptr_array_new ();
  g_autoptr(SamItem) cluster = NULL;
  SamItem *column;
  guint top;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (notes != NULL && n_notes > 0, NULL);
  g_return_val_if_fail (SAM_IS_NOTE (notes[0]), NULL);

  column = note_column (notes[0]);
  g_return_val_if_fail (column != NULL, NULL);
  for (guint i = 0; i < n_notes; i++)
    {
      g_return_val_if_fail (SAM_IS_NOTE (notes[i]), NULL);
      g_return_val_if_fail (note_column (notes[i]) == column, NULL);
      if (!g_ptr_array_find (chosen, notes[i], NULL))
        g_ptr_array_add (chosen, notes[i]);
    }
  g_ptr_array_sort (chosen, compare_position);
  top = position_in_parent (chosen->pdata[0]);

  cluster = sam_item_new (SAM_TYPE_CLUSTER, NULL);
  /* Translators: the title of a cluster of notes that was given none */
  g_object_set (cluster, "title", trimmed != NULL ? trimmed : _("New Cluster"), NULL);

  sam_session_begin (session, _("Cluster Notes"));
  sam_session_insert (session, column, "clusters", G_MAXUINT, cluster);
  for (guint i = 0; i < chosen->len; i++)
    {
      SamItem *note = chosen->pdata[i];
      SamItem *old = sam_wall_get_note_cluster (note);

      if (old != NULL && !g_ptr_array_find (old_clusters, old, NULL))
        g_ptr_array_add (old_clusters, old);
      sam_session_set (session, note, "cluster", sam_item_get_id (cluster), NULL);
      /* The notes above this one are in place from @top down, and this one
       * is further down, so taking it out does not shift them. */
      sam_session_move (session, note, column, top + i);
    }
  for (guint i = 0; i < old_clusters->len; i++)
    remove_if_empty (session, old_clusters->pdata[i]);
  sam_session_end (session);

  return cluster;
}

gboolean
sam_wall_rename_cluster (SamSession *session,
                         SamItem    *cluster,
                         const char *title)
{
  g_return_val_if_fail (SAM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SAM_IS_CLUSTER (cluster), FALSE);

  return rename_item (session, cluster, title, _("Rename Cluster"));
}

void
sam_wall_uncluster (SamSession *session,
                    SamItem    *cluster)
{
  g_autoptr(GPtrArray) members = NULL;

  g_return_if_fail (SAM_IS_SESSION (session));
  g_return_if_fail (SAM_IS_CLUSTER (cluster));

  members = sam_wall_list_cluster_notes (cluster);

  sam_session_begin (session, _("Uncluster"));
  for (guint i = 0; i < members->len; i++)
    sam_session_set (session, members->pdata[i], "cluster", "", NULL);
  sam_session_remove (session, cluster);
  sam_session_end (session);
}

gboolean
sam_wall_set_note_cluster (SamSession *session,
                           SamItem    *note,
                           SamItem    *cluster)
{
  SamItem *column;
  SamItem *old;

  g_return_val_if_fail (SAM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SAM_IS_NOTE (note), FALSE);
  g_return_val_if_fail (cluster == NULL || SAM_IS_CLUSTER (cluster), FALSE);

  column = note_column (note);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (cluster == NULL || sam_item_get_parent (cluster) == column, FALSE);

  old = sam_wall_get_note_cluster (note);
  if (old == cluster)
    return FALSE;

  if (cluster == NULL)
    {
      sam_session_begin (session, _("Remove from Cluster"));
      sam_session_set (session, note, "cluster", "", NULL);
      remove_if_empty (session, old);
      sam_session_end (session);
      return TRUE;
    }

  sam_session_begin (session, _("Add to Cluster"));
  {
    g_autoptr(GPtrArray) members = sam_wall_list_cluster_notes (cluster);

    if (members->len > 0)
      {
        guint last = position_in_parent (g_ptr_array_index (members, members->len - 1));
        guint position = position_in_parent (note);

        /* Right after the last one, counted once @note is taken out. */
        sam_session_move (session, note, column, position < last ? last : last + 1);
      }
  }
  sam_session_set (session, note, "cluster", sam_item_get_id (cluster), NULL);
  remove_if_empty (session, old);
  sam_session_end (session);

  return TRUE;
}

SamItem *
sam_wall_get_note_cluster (SamItem *note)
{
  SamItem *column;

  g_return_val_if_fail (SAM_IS_NOTE (note), NULL);

  column = note_column (note);
  if (column == NULL)
    return NULL;

  return find_cluster (column, sam_item_get_string (note, "cluster"));
}

GPtrArray *
sam_wall_list_cluster_notes (SamItem *cluster)
{
  GPtrArray *members = g_ptr_array_new ();
  SamItem *column;
  GListStore *notes;
  const char *id;

  g_return_val_if_fail (SAM_IS_CLUSTER (cluster), members);

  column = sam_item_get_parent (cluster);
  if (column == NULL)
    return members;

  notes = sam_item_get_list (column, "notes");
  id = sam_item_get_id (cluster);
  for (guint i = 0; i < n_items (notes); i++)
    {
      SamItem *note = peek_item (notes, i);

      if (g_strcmp0 (sam_item_get_string (note, "cluster"), id) == 0)
        g_ptr_array_add (members, note);
    }

  return members;
}

GPtrArray *
sam_wall_list_clusters (SamItem *column)
{
  GPtrArray *result = g_ptr_array_new ();
  g_autoptr(GHashTable) by_id = NULL;
  GListStore *clusters, *notes;

  g_return_val_if_fail (SAM_IS_COLUMN (column), result);

  clusters = sam_item_get_list (column, "clusters");
  if (n_items (clusters) == 0)
    return result;

  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_items (clusters); i++)
    {
      SamItem *cluster = peek_item (clusters, i);

      g_hash_table_insert (by_id, (char *) sam_item_get_id (cluster), cluster);
    }

  /* Each cluster once, at its first note; taken out of the table when met. */
  notes = sam_item_get_list (column, "notes");
  for (guint i = 0; i < n_items (notes) && g_hash_table_size (by_id) > 0; i++)
    {
      const char *id = sam_item_get_string (peek_item (notes, i), "cluster");
      SamItem *cluster = id != NULL && id[0] != '\0' ? g_hash_table_lookup (by_id, id) : NULL;

      if (cluster != NULL)
        {
          g_ptr_array_add (result, cluster);
          g_hash_table_remove (by_id, id);
        }
    }

  return result;
}

guint
sam_wall_count_cluster_votes (SamItem *cluster)
{
  g_autoptr(GPtrArray) members = NULL;
  guint votes = 0;

  g_return_val_if_fail (SAM_IS_CLUSTER (cluster), 0);

  members = sam_wall_list_cluster_notes (cluster);
  for (guint i = 0; i < members->len; i++)
    votes += sam_item_get_int (members->pdata[i], "votes");

  return votes;
}

/* Search */

gboolean
sam_wall_note_matches (SamItem    *note,
                       SamSearch  *search,
                       const char *perspective)
{
  SamItem *cluster;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SAM_IS_NOTE (note), FALSE);

  if (perspective != NULL && perspective[0] != '\0' &&
      g_strcmp0 (sam_item_get_string (note, "perspective"), perspective) != 0)
    return FALSE;

  if (search == NULL || sam_search_is_empty (search))
    return TRUE;

  /* A cluster's title describes its notes, so it finds them too. Words have
   * no spaces, so none matches across the line break. */
  cluster = sam_wall_get_note_cluster (note);
  if (cluster == NULL)
    return sam_search_matches (search, sam_item_get_string (note, "text"));

  text = g_strconcat (sam_item_get_string (note, "text"), "\n",
                      sam_item_get_string (cluster, "title"), NULL);
  return sam_search_matches (search, text);
}

GPtrArray *
sam_wall_find_notes (SamItem    *wall,
                     const char *query,
                     const char *perspective)
{
  g_autoptr(SamSearch) search = sam_search_new (query);
  GPtrArray *found = g_ptr_array_new ();
  GListStore *columns;

  g_return_val_if_fail (SAM_IS_WALL (wall), found);

  columns = sam_item_get_list (wall, "columns");
  for (guint c = 0; c < n_items (columns); c++)
    {
      GListStore *notes = sam_item_get_list (peek_item (columns, c), "notes");

      for (guint i = 0; i < n_items (notes); i++)
        {
          SamItem *note = peek_item (notes, i);

          if (sam_wall_note_matches (note, search, perspective))
            g_ptr_array_add (found, note);
        }
    }

  return found;
}
