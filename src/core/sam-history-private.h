/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-history.h"
#include "sam-item.h"

G_BEGIN_DECLS

/* One primitive change of the document, reversible. */
typedef enum {
  SAM_CHANGE_SET,
  SAM_CHANGE_INSERT,
  SAM_CHANGE_REMOVE,
  SAM_CHANGE_MOVE,
} SamChangeKind;

typedef struct
{
  SamChangeKind kind;
  SamItem      *item;        /* owned; NULL = the session itself (see parent) */
  /* SET */
  GParamSpec   *pspec;
  GValue        old_value;
  GValue        new_value;
  /* INSERT, REMOVE: where; MOVE: where to. NULL parent = the session
   * itself, which the history must not reference (it owns the history). */
  SamItem      *parent;      /* owned */
  const char   *list;        /* interned */
  guint         index;
  /* MOVE: where from */
  SamItem      *old_parent;  /* owned */
  guint         old_index;
} SamChange;

SamChange *sam_change_new  (SamChangeKind kind,
                            SamItem      *item);
void       sam_change_free (SamChange    *change);

typedef struct
{
  char      *label;
  GPtrArray *changes;        /* SamChange, in the order they were done */
  guint64    serial;         /* identifies the document state after the step */
} SamHistoryStep;

SamHistory     *sam_history_new              (void);
/* Records a done step; forgets what could be redone. Takes @changes. */
void            sam_history_push             (SamHistory  *self,
                                              const char  *label,
                                              GPtrArray   *changes,
                                              guint64      serial);
/* Moves the newest step to the redo side and returns it (still owned). */
SamHistoryStep *sam_history_take_undo        (SamHistory  *self);
SamHistoryStep *sam_history_take_redo        (SamHistory  *self);
/* The serial of the state reached by the done steps. */
guint64         sam_history_get_state_serial (SamHistory  *self);

G_END_DECLS
