/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-item.h"
#include "sam-entities.h"

G_BEGIN_DECLS

/*
 * SamSession is the root of a session document: its metadata are properties
 * (title, date, place, mode, start-time, end-time, purpose, goal, language,
 * map-image, map-image-type) and its collections are child lists of SamItem:
 *
 *   "agenda" SamAgendaItem, "perspectives" SamPerspective,
 *   "participants" SamParticipant, "balloons" SamBalloon, "prompts" SamPrompt,
 *   "group-rounds" SamGroupRound, "voices" SamVoice, "walls" SamWall
 *   (a wall has "columns", a column has "notes").
 *
 * Every edit goes through the sam_session_* edit functions below: they record
 * the change in the undo history, keep the id index, and emit ::committed
 * with the change as journal operations (JSON text) once the edit is whole.
 * Never call g_object_set() or g_list_store_*() on a session's items directly.
 *
 * Properties: "dirty" (gboolean, notifies) and the metadata above.
 * Signals:
 *   ::committed (SamSession *self, const char * const *ops) — after each
 *     whole edit, undo or redo; @ops are journal operations, one JSON object
 *     text each:
 *       {"op":"set","id":ID,"member":"title","value":JSON}
 *       {"op":"insert","parent":ID,"list":"notes","index":N,"item":{…}}
 *       {"op":"remove","parent":ID,"list":"notes","index":N,"id":ID}
 *       {"op":"move","id":ID,"parent":NEW_PARENT_ID,"list":"notes","index":N}
 *     ("index" of a move is the position after removal from the old place;
 *     "member" is the JSON member name, "value" as in the file format.)
 */

#define SAM_TYPE_SESSION (sam_session_get_type ())
G_DECLARE_FINAL_TYPE (SamSession, sam_session, SAM, SESSION, SamItem)

/* A new session with the default perspectives and sensible defaults. */
SamSession *sam_session_new          (void);
/* A new session with nothing in it (the loader fills it). */
SamSession *sam_session_new_empty    (void);

SamHistory *sam_session_get_history  (SamSession   *self);
SamItem    *sam_session_lookup       (SamSession   *self,
                                      const char   *id);
GListStore *sam_session_get_agenda       (SamSession *self);
GListStore *sam_session_get_perspectives (SamSession *self);
GListStore *sam_session_get_participants (SamSession *self);
GListStore *sam_session_get_balloons     (SamSession *self);
GListStore *sam_session_get_prompts      (SamSession *self);
GListStore *sam_session_get_group_rounds (SamSession *self);
GListStore *sam_session_get_voices       (SamSession *self);
GListStore *sam_session_get_walls        (SamSession *self);
const char *sam_session_get_title    (SamSession   *self);

/* Groups the edits until the matching end into one undo step. Nests. */
void        sam_session_begin        (SamSession   *self,
                                      const char   *label);
void        sam_session_end          (SamSession   *self);

/* Like sam_session_begin(), for a record of what happened on the day (when
 * an agenda item started, a pause …) rather than an edit: the edits until
 * sam_session_end() are journaled and make the document dirty, but they are
 * not in the undo history. Not inside another begin/end. */
void        sam_session_begin_fact   (SamSession   *self);

/* Sets properties of @item (the session itself or an item in it), like
 * g_object_set(); records only values that change. */
void        sam_session_set          (SamSession   *self,
                                      gpointer      item,
                                      const char   *first_property,
                                      ...) G_GNUC_NULL_TERMINATED;
void        sam_session_set_value    (SamSession   *self,
                                      SamItem      *item,
                                      const char   *property,
                                      const GValue *value);
/* Inserts @item (not yet in any session) into @parent's list @list at
 * @position (G_MAXUINT appends). @item and its children get ids if missing. */
void        sam_session_insert       (SamSession   *self,
                                      gpointer      parent,
                                      const char   *list,
                                      guint         position,
                                      gpointer      item);
/* Removes @item and clears references to it (and to its children) in the
 * rest of the document, as one undo step. */
void        sam_session_remove       (SamSession   *self,
                                      gpointer      item);
/* Moves @item to @position in @new_parent's list of the same name as before
 * (e.g. a note to another column). */
void        sam_session_move         (SamSession   *self,
                                      gpointer      item,
                                      gpointer      new_parent,
                                      guint         position);

gboolean    sam_session_can_undo     (SamSession   *self);
gboolean    sam_session_can_redo     (SamSession   *self);
gboolean    sam_session_undo         (SamSession   *self);
gboolean    sam_session_redo         (SamSession   *self);

/* Whether the document differs from the last saved (or loaded) state. */
gboolean    sam_session_get_dirty    (SamSession   *self);
void        sam_session_mark_saved   (SamSession   *self);
void        sam_session_mark_dirty   (SamSession   *self);

/* Replays one journal operation (see docs/file-format.md), outside undo. */
gboolean    sam_session_apply_op     (SamSession   *self,
                                      const char   *op_json,
                                      GError      **error);

/* Checks that every reference names an item of the right type; @error names
 * the place, e.g. "voices[3].prompt". */
gboolean    sam_session_check_references (SamSession *self,
                                          GError    **error);
/* Builds the id index; fails on a duplicate id, naming the place. */
gboolean    sam_session_index_ids    (SamSession   *self,
                                      GError      **error);

/* A new random id for an item. */
char       *sam_new_id               (void);

/* The GType a SAM_PARAM_REF property must point at (SAM_TYPE_ITEM: any). */
GType       sam_param_get_ref_type   (GParamSpec   *pspec);
void        sam_param_set_ref_type   (GParamSpec   *pspec,
                                      GType         type);

G_END_DECLS
