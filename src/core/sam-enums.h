/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The enum nicks are what the file format stores: never rename one. */

typedef enum {
  SAM_SESSION_MODE_PHYSICAL, /*< nick=physical >*/
  SAM_SESSION_MODE_DIGITAL,  /*< nick=digital >*/
} SamSessionMode;

typedef enum {
  SAM_AGENDA_KIND_WELCOME,    /*< nick=welcome >*/
  SAM_AGENDA_KIND_INPUT,      /*< nick=input >*/
  SAM_AGENDA_KIND_DIALOGUE,   /*< nick=dialogue >*/
  SAM_AGENDA_KIND_REFLECTION, /*< nick=reflection >*/
  SAM_AGENDA_KIND_BREAK,      /*< nick=break >*/
  SAM_AGENDA_KIND_SUMMARY,    /*< nick=summary >*/
  SAM_AGENDA_KIND_OTHER,      /*< nick=other >*/
} SamAgendaKind;

typedef enum {
  SAM_ACTIVITY_NONE,   /*< nick=none >*/
  SAM_ACTIVITY_MAP,    /*< nick=map >*/
  SAM_ACTIVITY_PROMPT, /*< nick=prompt >*/
  SAM_ACTIVITY_WALL,   /*< nick=wall >*/
} SamActivityKind;

/* What an agenda item's overrun does to the items after it. */
typedef enum {
  SAM_OVERRUN_PUSH,   /*< nick=push >*/
  SAM_OVERRUN_ABSORB, /*< nick=absorb >*/
} SamOverrunPolicy;

typedef enum {
  SAM_PROMPT_FORMAT_INDIVIDUAL, /*< nick=individual >*/
  SAM_PROMPT_FORMAT_PAIR,       /*< nick=pair >*/
  SAM_PROMPT_FORMAT_TRIO,       /*< nick=trio >*/
  SAM_PROMPT_FORMAT_GROUP,      /*< nick=group >*/
  SAM_PROMPT_FORMAT_PLENARY,    /*< nick=plenary >*/
} SamPromptFormat;

typedef enum {
  SAM_NOTE_COLOR_YELLOW, /*< nick=yellow >*/
  SAM_NOTE_COLOR_PINK,   /*< nick=pink >*/
  SAM_NOTE_COLOR_BLUE,   /*< nick=blue >*/
  SAM_NOTE_COLOR_GREEN,  /*< nick=green >*/
  SAM_NOTE_COLOR_ORANGE, /*< nick=orange >*/
  SAM_NOTE_COLOR_PURPLE, /*< nick=purple >*/
} SamNoteColor;

G_END_DECLS
