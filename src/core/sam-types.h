/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SamItem         SamItem;
typedef struct _SamSession      SamSession;
typedef struct _SamAgendaItem   SamAgendaItem;
typedef struct _SamPerspective  SamPerspective;
typedef struct _SamParticipant  SamParticipant;
typedef struct _SamBalloon      SamBalloon;
typedef struct _SamPrompt       SamPrompt;
typedef struct _SamGroupRound   SamGroupRound;
typedef struct _SamVoice        SamVoice;
typedef struct _SamWall         SamWall;
typedef struct _SamColumn       SamColumn;
typedef struct _SamNote         SamNote;
typedef struct _SamHistory      SamHistory;
typedef struct _SamStore        SamStore;
typedef struct _SamJournal      SamJournal;
typedef struct _SamPause        SamPause;
typedef struct _SamClock        SamClock;
typedef struct _SamTimer        SamTimer;

G_END_DECLS
