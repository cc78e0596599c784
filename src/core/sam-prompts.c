/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-prompts.h"

/*
 * The starter prompts are written for a cross-sector workshop on young
 * people's mental health, the meeting Samling was first made for. They live
 * here as marked strings rather than in a data file so that they are
 * translated with the rest of the program; _() runs when they are copied,
 * in the language of that moment.
 */

#define MAX_LINES 4

typedef struct
{
  SamPromptFormat  format;
  int              duration;    /* seconds */
  int              group_size;  /* only for SAM_PROMPT_FORMAT_GROUP */
  const char      *text;
  const char      *starters[MAX_LINES];
  const char      *follow_ups[MAX_LINES];
} Starter;

static const Starter starters[] = {
  {
    SAM_PROMPT_FORMAT_INDIVIDUAL, 3 * 60, 0,
    /* Translators: a starter prompt, shown on the stage to the whole room */
    N_("Take a moment on your own: what part do you play in young people’s mental health?"),
    {
      /* Translators: a sentence starter, completed by each participant */
      N_("What I bring to this is …"),
      N_("What I need from the others here is …"),
      N_("One thing I want to see change is …"),
    },
    { NULL },
  },
  {
    SAM_PROMPT_FORMAT_PAIR, 5 * 60, 0,
    N_("Tell each other about a time when a young person really got the help they needed. "
       "What made the difference?"),
    { NULL },
    {
      /* Translators: a follow-up question to a starter prompt */
      N_("Who made it happen?"),
      N_("What would it take for that to happen more often?"),
    },
  },
  {
    SAM_PROMPT_FORMAT_PAIR, 5 * 60, 0,
    N_("Which habit or rule in your own organisation makes it harder for a young person "
       "to get support?"),
    { NULL },
    {
      N_("Why is it there?"),
      N_("What could you change yourself, starting next week?"),
    },
  },
  {
    SAM_PROMPT_FORMAT_TRIO, 10 * 60, 0,
    N_("Choose one thing that weighs on young people, such as loneliness, a hard time at home "
       "or a school that does not fit. Where does it show in each of your sectors?"),
    { NULL },
    {
      N_("Who notices it first?"),
      N_("What happens after that, and who hears about it?"),
      N_("Where could the young person fall through the cracks?"),
    },
  },
  {
    SAM_PROMPT_FORMAT_TRIO, 10 * 60, 0,
    N_("What could the three of you do together that none of you can do alone?"),
    { NULL },
    {
      N_("What would be a first small step?"),
      N_("Who else needs to be part of it?"),
      N_("What would each of you have to let go of?"),
    },
  },
  {
    SAM_PROMPT_FORMAT_GROUP, 15 * 60, 4,
    N_("Imagine it is three years from now and our work has succeeded. "
       "What do young people say has changed?"),
    { NULL },
    {
      N_("What did we start doing differently?"),
      N_("What did we stop doing?"),
    },
  },
  {
    SAM_PROMPT_FORMAT_PLENARY, 20 * 60, 0,
    N_("What did you hear in your conversations that everyone in the room should know?"),
    { NULL },
    {
      N_("What surprised you?"),
      N_("Where did you find common ground?"),
      N_("What should happen next, and who will take it on?"),
    },
  },
};

static GStrv
translate_lines (const char * const *lines)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < MAX_LINES && lines[i] != NULL; i++)
    g_strv_builder_add (builder, _(lines[i]));

  return g_strv_builder_end (builder);
}

/**
 * sam_prompts_dup_starters:
 *
 * Returns: (transfer full) (element-type SamItem): the starter prompts, new
 *   SamPrompt items translated into the current language
 */
GPtrArray *
sam_prompts_dup_starters (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  sam_entities_init ();

  for (guint i = 0; i < G_N_ELEMENTS (starters); i++)
    {
      const Starter *starter = &starters[i];
      g_auto(GStrv) starter_lines = translate_lines (starter->starters);
      g_auto(GStrv) follow_ups = translate_lines (starter->follow_ups);
      SamItem *prompt = sam_item_new (SAM_TYPE_PROMPT, NULL);

      g_object_set (prompt,
                    "format", starter->format,
                    "text", _(starter->text),
                    "duration", starter->duration,
                    "starters", starter_lines,
                    "follow-ups", follow_ups,
                    NULL);
      /* Other formats keep the default, which a switch to groups then uses. */
      if (starter->group_size > 0)
        g_object_set (prompt, "group-size", starter->group_size, NULL);

      g_ptr_array_add (list, prompt);
    }

  return list;
}

/**
 * sam_prompt_copy:
 * @prompt: a #SamPrompt
 *
 * Copies @prompt without its id, so that it can go into a session (or into
 * another one) as a new item: sam_session_insert() gives it a fresh id.
 *
 * Returns: (transfer full): the copy
 */
SamItem *
sam_prompt_copy (SamItem *prompt)
{
  SamItem *copy;

  g_return_val_if_fail (SAM_IS_PROMPT (prompt), NULL);

  copy = sam_item_copy (prompt);
  sam_item_set_id (copy, NULL);

  return copy;
}

/* The same words as the stage shows above a prompt (sam-stage-view.c), so
 * that the library and the stage describe a prompt alike. */
static char *
format_caption (SamItem *prompt)
{
  int group_size;

  switch (sam_item_get_enum (prompt, "format"))
    {
    case SAM_PROMPT_FORMAT_INDIVIDUAL:
      return g_strdup (_("On your own"));
    case SAM_PROMPT_FORMAT_PAIR:
      return g_strdup (_("In pairs"));
    case SAM_PROMPT_FORMAT_TRIO:
      return g_strdup (_("In threes"));
    case SAM_PROMPT_FORMAT_GROUP:
      group_size = sam_item_get_int (prompt, "group-size");
      /* Translators: how a prompt is worked with, e.g. "In groups of 4" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In groups of %d", "In groups of %d",
                                           group_size),
                              group_size);
    case SAM_PROMPT_FORMAT_PLENARY:
      return g_strdup (_("All together"));
    default:
      return g_strdup ("");
    }
}

/**
 * sam_prompt_describe_format:
 * @prompt: a #SamPrompt
 *
 * Describes how the room works with @prompt and for how long, as the prompt
 * library lists it: "In pairs · 5 min", "In groups of 4 · 15 min". The
 * length is in whole minutes (at least one); a prompt without a duration
 * gets the format alone.
 *
 * Returns: (transfer full): the description
 */
char *
sam_prompt_describe_format (SamItem *prompt)
{
  g_autofree char *caption = NULL;
  int duration, minutes;

  g_return_val_if_fail (SAM_IS_PROMPT (prompt), NULL);

  caption = format_caption (prompt);
  duration = sam_item_get_int (prompt, "duration");
  if (duration <= 0)
    return g_steal_pointer (&caption);

  minutes = MAX (1, (duration + 30) / 60);
  /* Translators: how a prompt is worked with and for how long, e.g.
   * "In pairs · 5 min"; the first %s is "In pairs", "On your own" … */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d min", "%s · %d min", minutes),
                          caption, minutes);
}

guint
sam_prompt_get_group_size (SamItem *prompt)
{
  g_return_val_if_fail (SAM_IS_PROMPT (prompt), 0);

  switch (sam_item_get_enum (prompt, "format"))
    {
    case SAM_PROMPT_FORMAT_PAIR:
      return 2;
    case SAM_PROMPT_FORMAT_TRIO:
      return 3;
    case SAM_PROMPT_FORMAT_GROUP:
      return (guint) MAX (2, sam_item_get_int (prompt, "group-size"));
    default:
      return 0;
    }
}
