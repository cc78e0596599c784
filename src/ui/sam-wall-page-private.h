/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-search.h"
#include "sam-wall-page.h"
#include "sam-wall-private.h"

G_BEGIN_DECLS

/* What sam-wall-page.c and sam-wall-page-actions.c share. */

struct _SamWallPage
{
  AdwBin           parent_instance;

  GtkWidget       *toasts;       /* AdwToastOverlay, when not in a SamWindow */
  GtkWidget       *wall_dropdown;
  GtkWidget       *title;        /* SamWallTitle */
  GtkWidget       *search;
  GtkWidget       *perspective_dropdown;
  GtkWidget       *count;
  GtkWidget       *collect_button;
  GtkWidget       *reveal_button;
  GtkWidget       *stack;
  GtkWidget       *columns_box;
  GtkWidget       *columns_scroller;

  /* The editor of a note's text, over its row. */
  GtkWidget       *editor;
  GtkWidget       *editor_view;
  GtkWidget       *editor_error;
  SamItem         *edited;
  /* The title asked for of a cluster, over its header. */
  GtkWidget       *renamer;
  GtkWidget       *renamer_entry;
  SamItem         *renamed;
  GtkWidget       *note_menu;

  SamSession      *session;
  gulong           committed_id;
  SamItem         *wall;
  GPtrArray       *columns;      /* SamWallColumn, in the wall's order */
  SamItem         *selected;
  gboolean         collect_hidden;

  SamSearch       *query;
  char            *perspective;  /* the filter's perspective id, or NULL */
  GPtrArray       *perspective_ids;
  char            *perspectives_key;
  gboolean         syncing;
};

/* The column widget of @column, its index, an item of the session by id
 * and type, and whether @item is (still) in the session. */
SamWallColumn *sam_wall_page_column_for     (SamWallPage *self,
                                             SamItem     *column);
guint          sam_wall_page_column_index   (SamWallPage *self,
                                             SamItem     *column);
SamItem       *sam_wall_page_lookup         (SamWallPage *self,
                                             const char  *id,
                                             GType        type);
gboolean       sam_wall_page_has_item       (SamWallPage *self,
                                             SamItem     *item);
void           sam_wall_page_update_actions (SamWallPage *self);
/* The note editor: opens over @note; applies (FALSE, and stays open, when
 * the text is blank); closes without applying. */
void           sam_wall_page_start_editing  (SamWallPage *self,
                                             SamItem     *note);
gboolean       sam_wall_page_apply_editor   (SamWallPage *self);
void           sam_wall_page_close_editor   (SamWallPage *self);

void           sam_wall_page_install_actions (GtkWidgetClass *widget_class);
gboolean       sam_wall_page_key_pressed_cb (GtkEventControllerKey *controller,
                                             guint                  keyval,
                                             guint                  keycode,
                                             GdkModifierType        state,
                                             SamWallPage           *self);

G_END_DECLS
