/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sam-entities.h"
#include "sam-session.h"

/*
 * Each kind of item is a list of property declarations; SamItem does the
 * rest. The property names are the file format's member names (with '_'
 * for '-'), so renaming one breaks files: add, never rename.
 */

#define F SAM_ITEM_PARAM_FLAGS

static GParamSpec *
p_string (const char *name,
          const char *default_value,
          guint       extra_flags)
{
  return g_param_spec_string (name, NULL, NULL, default_value, F | extra_flags);
}

static GParamSpec *
p_ref (const char *name,
       GType       target)
{
  GParamSpec *pspec = g_param_spec_string (name, NULL, NULL, "", F | SAM_PARAM_REF);

  sam_param_set_ref_type (pspec, target);
  return pspec;
}

static GParamSpec *
p_int (const char *name,
       int         min,
       int         max,
       int         default_value)
{
  return g_param_spec_int (name, NULL, NULL, min, max, default_value, F);
}

static GParamSpec *
p_double (const char *name,
          double      min,
          double      max,
          double      default_value)
{
  return g_param_spec_double (name, NULL, NULL, min, max, default_value, F);
}

static GParamSpec *
p_bool (const char *name,
        gboolean    default_value)
{
  return g_param_spec_boolean (name, NULL, NULL, default_value, F);
}

static GParamSpec *
p_enum (const char *name,
        GType       type,
        int         default_value)
{
  return g_param_spec_enum (name, NULL, NULL, type, default_value, F);
}

static GParamSpec *
p_timestamp (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, F | SAM_PARAM_TIMESTAMP);
}

static GParamSpec *
p_strv (const char *name,
        guint       extra_flags)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, F | extra_flags);
}

#define DEFINE_ITEM(TypeName, type_name)                      \
  struct _##TypeName { SamItem parent_instance; };            \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, SAM_TYPE_ITEM)    \
  static void type_name##_init (TypeName *self) { }

/* Durations are whole seconds, at most a day. */
#define MAX_DURATION (24 * 60 * 60)

DEFINE_ITEM (SamAgendaItem, sam_agenda_item)

static void
sam_agenda_item_class_init (SamAgendaItemClass *klass)
{
  static GParamSpec *props[12];
  static SamItemListSpec lists[1];

  props[1] = p_string ("title", "", SAM_PARAM_REQUIRED);
  props[2] = p_int ("duration", 0, MAX_DURATION, 10 * 60);
  props[3] = p_enum ("kind", SAM_TYPE_AGENDA_KIND, SAM_AGENDA_KIND_OTHER);
  props[4] = p_string ("notes", "", 0);
  props[5] = p_enum ("activity-kind", SAM_TYPE_ACTIVITY_KIND, SAM_ACTIVITY_NONE);
  props[6] = p_ref ("activity-id", SAM_TYPE_ITEM);
  props[7] = p_timestamp ("actual-start");
  props[8] = p_timestamp ("actual-end");
  props[9] = p_enum ("overrun", SAM_TYPE_OVERRUN_POLICY, SAM_OVERRUN_PUSH);
  /* Time added (or taken, if negative) while the item ran, in seconds. */
  props[10] = p_int ("extension", -MAX_DURATION, MAX_DURATION, 0);
  props[11] = p_bool ("skipped", FALSE);
  lists[0] = (SamItemListSpec) { "pauses", SAM_TYPE_PAUSE };

  sam_item_class_install (SAM_ITEM_CLASS (klass), "agenda item",
                          props, G_N_ELEMENTS (props), lists, G_N_ELEMENTS (lists));
}

DEFINE_ITEM (SamPause, sam_pause)

static void
sam_pause_class_init (SamPauseClass *klass)
{
  static GParamSpec *props[3];

  props[1] = p_timestamp ("start");
  props[2] = p_timestamp ("end");

  sam_item_class_install (SAM_ITEM_CLASS (klass), "pause",
                          props, G_N_ELEMENTS (props), NULL, 0);
}

DEFINE_ITEM (SamPerspective, sam_perspective)

static void
sam_perspective_class_init (SamPerspectiveClass *klass)
{
  static GParamSpec *props[4];

  props[1] = p_string ("name", "", SAM_PARAM_REQUIRED);
  props[2] = p_string ("color", "#808080", SAM_PARAM_COLOR);
  /* One or two letters on the perspective's balloons, so that they are told
   * apart without colour; "" shows the first letter of the name. */
  props[3] = p_string ("symbol", "", 0);

  sam_item_class_install (SAM_ITEM_CLASS (klass), "perspective",
                          props, G_N_ELEMENTS (props), NULL, 0);
}

DEFINE_ITEM (SamParticipant, sam_participant)

static void
sam_participant_class_init (SamParticipantClass *klass)
{
  static GParamSpec *props[6];

  props[1] = p_string ("name", "", 0);
  props[2] = p_string ("organisation", "", 0);
  props[3] = p_string ("municipality", "", 0);
  props[4] = p_strv ("perspectives", SAM_PARAM_REF);
  sam_param_set_ref_type (props[4], SAM_TYPE_PERSPECTIVE);
  props[5] = p_bool ("present", TRUE);

  sam_item_class_install (SAM_ITEM_CLASS (klass), "participant",
                          props, G_N_ELEMENTS (props), NULL, 0);
}

DEFINE_ITEM (SamBalloon, sam_balloon)

static void
sam_balloon_class_init (SamBalloonClass *klass)
{
  static GParamSpec *props[6];

  props[1] = p_ref ("perspective", SAM_TYPE_PERSPECTIVE);
  props[2] = p_double ("x", 0.0, 1.0, 0.5);
  props[3] = p_double ("y", 0.0, 1.0, 0.5);
  props[4] = p_ref ("participant", SAM_TYPE_PARTICIPANT);
  props[5] = p_string ("label", "", 0);

  sam_item_class_install (SAM_ITEM_CLASS (klass), "balloon",
                          props, G_N_ELEMENTS (props), NULL, 0);
}

DEFINE_ITEM (SamPrompt, sam_prompt)

static void
sam_prompt_class_init (SamPromptClass *klass)
{
  static GParamSpec *props[7];

  props[1] = p_enum ("format", SAM_TYPE_PROMPT_FORMAT, SAM_PROMPT_FORMAT_PAIR);
  props[2] = p_string ("text", "", SAM_PARAM_REQUIRED);
  props[3] = p_int ("duration", 0, MAX_DURATION, 5 * 60);
  props[4] = p_int ("group-size", 2, 100, 4);
  props[5] = p_strv ("starters", 0);
  props[6] = p_strv ("follow-ups", 0);

  sam_item_class_install (SAM_ITEM_CLASS (klass), "prompt",
                          props, G_N_ELEMENTS (props), NULL, 0);
}

DEFINE_ITEM (SamGroupRound, sam_group_round)

static void
sam_group_round_class_init (SamGroupRoundClass *klass)
{
  static GParamSpec *props[4];

  props[1] = p_ref ("prompt", SAM_TYPE_PROMPT);
  props[2] = p_timestamp ("created");
  /* Each group is a list of participant ids. */
  props[3] = g_param_spec_variant ("groups", NULL, NULL, G_VARIANT_TYPE ("aas"),
                                   g_variant_new_array (G_VARIANT_TYPE ("as"), NULL, 0),
                                   F | SAM_PARAM_REF);
  sam_param_set_ref_type (props[3], SAM_TYPE_PARTICIPANT);

  sam_item_class_install (SAM_ITEM_CLASS (klass), "group round",
                          props, G_N_ELEMENTS (props), NULL, 0);
}

DEFINE_ITEM (SamVoice, sam_voice)

static void
sam_voice_class_init (SamVoiceClass *klass)
{
  static GParamSpec *props[7];

  props[1] = p_string ("text", "", SAM_PARAM_REQUIRED);
  props[2] = p_ref ("prompt", SAM_TYPE_PROMPT);
  props[3] = p_ref ("agenda-item", SAM_TYPE_AGENDA_ITEM);
  props[4] = p_timestamp ("time");
  props[5] = p_ref ("perspective", SAM_TYPE_PERSPECTIVE);
  props[6] = p_bool ("on-stage", FALSE);

  sam_item_class_install (SAM_ITEM_CLASS (klass), "voice",
                          props, G_N_ELEMENTS (props), NULL, 0);
}

DEFINE_ITEM (SamNote, sam_note)

static void
sam_note_class_init (SamNoteClass *klass)
{
  static GParamSpec *props[8];

  props[1] = p_string ("text", "", SAM_PARAM_REQUIRED);
  props[2] = p_enum ("color", SAM_TYPE_NOTE_COLOR, SAM_NOTE_COLOR_YELLOW);
  props[3] = p_int ("votes", 0, 1000000, 0);
  props[4] = p_ref ("perspective", SAM_TYPE_PERSPECTIVE);
  props[5] = p_timestamp ("time");
  props[6] = p_bool ("hidden", FALSE);
  /* The id of a cluster in the note's own column. Deliberately not a
   * reference: a version without clusters keeps the member as it is while
   * it moves notes between columns or drops a column's clusters, and the
   * file must still load afterwards. An id that names no cluster of the
   * column reads as "no cluster" (see sam-wall.c). */
  props[7] = p_string ("cluster", "", 0);

  sam_item_class_install (SAM_ITEM_CLASS (klass), "note",
                          props, G_N_ELEMENTS (props), NULL, 0);
}

DEFINE_ITEM (SamCluster, sam_cluster)

static void
sam_cluster_class_init (SamClusterClass *klass)
{
  static GParamSpec *props[2];

  /* Not required: a file with clusters is read leniently, and a cluster
   * the facilitator has not named yet still groups its notes. */
  props[1] = p_string ("title", "", 0);

  sam_item_class_install (SAM_ITEM_CLASS (klass), "cluster",
                          props, G_N_ELEMENTS (props), NULL, 0);
}

DEFINE_ITEM (SamColumn, sam_column)

static void
sam_column_class_init (SamColumnClass *klass)
{
  static GParamSpec *props[2];
  static SamItemListSpec lists[2];

  props[1] = p_string ("title", "", SAM_PARAM_REQUIRED);
  lists[0] = (SamItemListSpec) { "notes", SAM_TYPE_NOTE };
  lists[1] = (SamItemListSpec) { "clusters", SAM_TYPE_CLUSTER };

  sam_item_class_install (SAM_ITEM_CLASS (klass), "column",
                          props, G_N_ELEMENTS (props), lists, G_N_ELEMENTS (lists));
}

DEFINE_ITEM (SamWall, sam_wall)

static void
sam_wall_class_init (SamWallClass *klass)
{
  static GParamSpec *props[2];
  static SamItemListSpec lists[1];

  props[1] = p_string ("title", "", SAM_PARAM_REQUIRED);
  lists[0] = (SamItemListSpec) { "columns", SAM_TYPE_COLUMN };

  sam_item_class_install (SAM_ITEM_CLASS (klass), "wall",
                          props, G_N_ELEMENTS (props), lists, G_N_ELEMENTS (lists));
}

static gpointer
init_once (gpointer data)
{
  GType types[] = {
    SAM_TYPE_AGENDA_ITEM,
    SAM_TYPE_PAUSE,
    SAM_TYPE_PERSPECTIVE,
    SAM_TYPE_PARTICIPANT,
    SAM_TYPE_BALLOON,
    SAM_TYPE_PROMPT,
    SAM_TYPE_GROUP_ROUND,
    SAM_TYPE_VOICE,
    SAM_TYPE_WALL,
    SAM_TYPE_COLUMN,
    SAM_TYPE_NOTE,
    SAM_TYPE_CLUSTER,
    SAM_TYPE_SESSION,
  };

  /* The classes, not only the types: messages and the loader read a kind's
   * name from its class, also for a kind no item of which exists yet. The
   * references are kept for the life of the program. */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_type_class_ref (types[i]);

  return NULL;
}

void
sam_entities_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_once, NULL);
}
