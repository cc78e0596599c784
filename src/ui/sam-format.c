/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-enums.h"
#include "sam-format.h"

int
sam_parse_clock (const char *text)
{
  int hours, minutes;

  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return -1;

  hours = (text[0] - '0') * 10 + (text[1] - '0');
  minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59)
    return -1;

  return hours * 60 + minutes;
}

char *
sam_format_clock (int minutes)
{
  minutes %= 24 * 60;
  if (minutes < 0)
    minutes += 24 * 60;

  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

gboolean
sam_is_valid_date (const char *text)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');

  return year >= 1 && g_date_valid_dmy (day, month, year);
}

char *
sam_format_duration (int seconds)
{
  int minutes = (MAX (seconds, 0) + 30) / 60;
  int hours = minutes / 60;

  minutes %= 60;

  if (hours == 0)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%d min"), minutes);
  if (minutes == 0)
    /* Translators: a duration in hours */
    return g_strdup_printf (_("%d h"), hours);

  /* Translators: a duration in hours and minutes */
  return g_strdup_printf (_("%d h %d min"), hours, minutes);
}

char *
sam_format_timestamp (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (utc);
  /* Translators: a date and time in 24-hour format, see the strftime manual */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

const char *
sam_agenda_kind_to_label (int kind)
{
  switch ((SamAgendaKind) kind)
    {
    case SAM_AGENDA_KIND_WELCOME:
      return _("Welcome");
    case SAM_AGENDA_KIND_INPUT:
      return _("Input");
    case SAM_AGENDA_KIND_DIALOGUE:
      return _("Dialogue");
    case SAM_AGENDA_KIND_REFLECTION:
      return _("Reflection");
    case SAM_AGENDA_KIND_BREAK:
      return _("Break");
    case SAM_AGENDA_KIND_SUMMARY:
      return _("Summary");
    case SAM_AGENDA_KIND_OTHER:
    default:
      return _("Other");
    }
}

const char *
sam_session_mode_to_label (int mode)
{
  switch ((SamSessionMode) mode)
    {
    case SAM_SESSION_MODE_DIGITAL:
      return _("Digital");
    case SAM_SESSION_MODE_PHYSICAL:
    default:
      return _("Physical");
    }
}

static const struct {
  const char *code;
  const char *name;
} languages[] = {
  { "sv", N_("Swedish") },
  { "en", N_("English") },
  { "fi", N_("Finnish") },
  { "nb", N_("Norwegian Bokmål") },
  { "da", N_("Danish") },
  { "de", N_("German") },
};

const char * const *
sam_language_codes (void)
{
  static const char *codes[G_N_ELEMENTS (languages) + 1];

  if (codes[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
      codes[i] = languages[i].code;

  return codes;
}

const char *
sam_language_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].code, code) == 0)
      return _(languages[i].name);

  return code;
}

char *
sam_format_file_name (const char *title,
                      const char *fallback,
                      const char *suffix)
{
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = title; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
          c == '"' || c == '<' || c == '>' || c == '|' || g_unichar_iscntrl (c))
        c = '-';
      g_string_append_unichar (name, c);
    }

  g_strstrip (name->str);
  g_string_truncate (name, strlen (name->str));
  /* A name that starts with a dot would be hidden. */
  if (name->len == 0 || name->str[0] == '.')
    {
      g_string_truncate (name, 0);
      g_string_append (name, fallback);
    }
  g_string_append (name, suffix);

  return g_string_free (g_steal_pointer (&name), FALSE);
}
