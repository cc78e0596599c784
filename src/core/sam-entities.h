/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-item.h"
#include "sam-enums.h"
#include "sam-enum-types.h"

G_BEGIN_DECLS

/*
 * The kinds of item a session holds. They are declarations only (properties
 * and child lists, see sam-entities.c), which is why they share one file.
 *
 *   agenda item   title, duration (s), kind, notes, activity-kind, activity-id,
 *                 actual-start, actual-end, overrun, extension (s), skipped,
 *                 pauses
 *   pause         start, end (end 0 while the pause lasts)
 *   perspective   name, color, symbol
 *   participant   name, organisation, municipality, perspectives, present
 *   balloon       perspective, x, y (fractions of the map), participant, label
 *   prompt        format, text, duration (s), group-size, starters, follow-ups
 *   group round   prompt, created, groups (aas of participant ids)
 *   voice         text, prompt, agenda-item, time, perspective, on-stage
 *   wall          title, columns
 *   column        title, notes, clusters
 *   note          text, color, votes, perspective, time, hidden, cluster
 *   cluster       title (notes name their cluster; see sam-wall.h)
 */

#define SAM_TYPE_AGENDA_ITEM (sam_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (SamAgendaItem, sam_agenda_item, SAM, AGENDA_ITEM, SamItem)
#define SAM_TYPE_PAUSE (sam_pause_get_type ())
G_DECLARE_FINAL_TYPE (SamPause, sam_pause, SAM, PAUSE, SamItem)
#define SAM_TYPE_PERSPECTIVE (sam_perspective_get_type ())
G_DECLARE_FINAL_TYPE (SamPerspective, sam_perspective, SAM, PERSPECTIVE, SamItem)
#define SAM_TYPE_PARTICIPANT (sam_participant_get_type ())
G_DECLARE_FINAL_TYPE (SamParticipant, sam_participant, SAM, PARTICIPANT, SamItem)
#define SAM_TYPE_BALLOON (sam_balloon_get_type ())
G_DECLARE_FINAL_TYPE (SamBalloon, sam_balloon, SAM, BALLOON, SamItem)
#define SAM_TYPE_PROMPT (sam_prompt_get_type ())
G_DECLARE_FINAL_TYPE (SamPrompt, sam_prompt, SAM, PROMPT, SamItem)
#define SAM_TYPE_GROUP_ROUND (sam_group_round_get_type ())
G_DECLARE_FINAL_TYPE (SamGroupRound, sam_group_round, SAM, GROUP_ROUND, SamItem)
#define SAM_TYPE_VOICE (sam_voice_get_type ())
G_DECLARE_FINAL_TYPE (SamVoice, sam_voice, SAM, VOICE, SamItem)
#define SAM_TYPE_WALL (sam_wall_get_type ())
G_DECLARE_FINAL_TYPE (SamWall, sam_wall, SAM, WALL, SamItem)
#define SAM_TYPE_COLUMN (sam_column_get_type ())
G_DECLARE_FINAL_TYPE (SamColumn, sam_column, SAM, COLUMN, SamItem)
#define SAM_TYPE_NOTE (sam_note_get_type ())
G_DECLARE_FINAL_TYPE (SamNote, sam_note, SAM, NOTE, SamItem)
#define SAM_TYPE_CLUSTER (sam_cluster_get_type ())
G_DECLARE_FINAL_TYPE (SamCluster, sam_cluster, SAM, CLUSTER, SamItem)

/* Registers every item type and creates its class, once; safe from any
 * thread. The loader and sam_session_new_empty() call it. */
void sam_entities_init (void);

G_END_DECLS
