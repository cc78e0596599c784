/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sam-item.h"
#include "sam-wall-rows.h"

/* Computing the rows again is linear, well under a millisecond for
 * thousands of notes; telling the list of a new list would rebuild every
 * row it shows. */

struct _SamWallRows
{
  GObject    parent_instance;
  GPtrArray *items;
  /* The window of the items the list is told of (see the header); the
   * scroll bar spans the window. */
  guint      start;
  guint      span;
};

guint
sam_wall_rows_exposed (SamWallRows *self)
{
  return self->start < self->items->len ? MIN (self->span, self->items->len - self->start) : 0;
}

static GType
sam_wall_rows_get_item_type (GListModel *model)
{
  return SAM_TYPE_ITEM;
}

static guint
sam_wall_rows_get_n_items (GListModel *model)
{
  return sam_wall_rows_exposed (SAM_WALL_ROWS (model));
}

static gpointer
sam_wall_rows_get_item (GListModel *model,
                        guint       position)
{
  SamWallRows *self = SAM_WALL_ROWS (model);

  if (position >= sam_wall_rows_exposed (self))
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, self->start + position));
}

static void
sam_wall_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sam_wall_rows_get_item_type;
  iface->get_n_items = sam_wall_rows_get_n_items;
  iface->get_item = sam_wall_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SamWallRows, sam_wall_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sam_wall_rows_list_model_init))

static void
sam_wall_rows_finalize (GObject *object)
{
  g_clear_pointer (&SAM_WALL_ROWS (object)->items, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_wall_rows_parent_class)->finalize (object);
}

static void
sam_wall_rows_class_init (SamWallRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_wall_rows_finalize;
}

static void
sam_wall_rows_init (SamWallRows *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Announces the one span in which the rows shown, @old_n from @old and
 * now @new_n from @new, differ (every item is in the list once, so the
 * common start and end are what stayed). */
static void
sam_wall_rows_announce (SamWallRows    *self,
                        gpointer const *old,
                        guint           old_n,
                        gpointer const *new,
                        guint           new_n)
{
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < new_n && old[prefix] == new[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         old[old_n - 1 - suffix] == new[new_n - 1 - suffix])
    suffix++;
  if (prefix == old_n && prefix == new_n)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, new_n - prefix - suffix);
}

/* Takes @items as the new contents; a window that reached the end still
 * does, so that a note added at the end shows. */
void
sam_wall_rows_replace (SamWallRows *self,
                       GPtrArray   *items)
{
  g_autoptr(GPtrArray) old = self->items;
  guint old_start = self->start;
  guint old_n = sam_wall_rows_exposed (self);
  gboolean at_end = old->len > 0 && self->start + self->span >= old->len;

  self->items = items;
  if (self->start >= items->len)
    self->start = items->len > self->span ? items->len - self->span : 0;
  if (at_end && items->len > self->start + self->span)
    self->span = items->len - self->start;
  sam_wall_rows_announce (self, old->pdata + old_start, old_n,
                          items->pdata + self->start, sam_wall_rows_exposed (self));
}

void
sam_wall_rows_set_window (SamWallRows *self,
                          guint        start,
                          guint        span)
{
  guint old_start = self->start;
  guint old_n = sam_wall_rows_exposed (self);

  self->start = start;
  self->span = span;
  sam_wall_rows_announce (self, self->items->pdata + old_start, old_n,
                          self->items->pdata + self->start, sam_wall_rows_exposed (self));
}

/* Makes the window hold @position (an index of all the items), growing it
 * when that is near, moving it when far. */
void
sam_wall_rows_expose (SamWallRows *self,
                      guint        position,
                      guint        page)
{
  if (position >= self->start && position < self->start + self->span)
    return;
  if (position < self->start && self->start - position <= page)
    sam_wall_rows_set_window (self, position, self->span + (self->start - position));
  else if (position >= self->start + self->span && position - (self->start + self->span) < page)
    sam_wall_rows_set_window (self, self->start, position + 1 - self->start + page / 2);
  else
    sam_wall_rows_set_window (self, position > page / 2 ? position - page / 2 : 0, page);
}

SamWallRows *
sam_wall_rows_new (guint span)
{
  SamWallRows *self = g_object_new (SAM_TYPE_WALL_ROWS, NULL);

  self->span = span;
  return self;
}

GPtrArray *
sam_wall_rows_get_items (SamWallRows *self)
{
  return self->items;
}

guint
sam_wall_rows_get_start (SamWallRows *self)
{
  return self->start;
}

guint
sam_wall_rows_get_span (SamWallRows *self)
{
  return self->span;
}
