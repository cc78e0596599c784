/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-roster.h"
#include "sam-map.h"

struct _SamRosterImport
{
  GPtrArray *participants;  /* SamItem */
  GArray    *problems;      /* SamRosterProblem */
  GPtrArray *notes;         /* char *, NULL-terminated */
  char       delimiter;
};

typedef enum
{
  COLUMN_IGNORED,
  COLUMN_NAME,
  COLUMN_ORGANISATION,
  COLUMN_MUNICIPALITY,
  COLUMN_PERSPECTIVES,
  COLUMN_PRESENT,
  N_COLUMNS
} Column;

/* Header names, compared after case folding; English first, then Swedish. */
static const struct
{
  const char *name;
  Column      column;
} column_names[] = {
  { "name", COLUMN_NAME },
  { "namn", COLUMN_NAME },
  { "organisation", COLUMN_ORGANISATION },
  { "organization", COLUMN_ORGANISATION },
  { "org", COLUMN_ORGANISATION },
  { "municipality", COLUMN_MUNICIPALITY },
  { "kommun", COLUMN_MUNICIPALITY },
  { "perspectives", COLUMN_PERSPECTIVES },
  { "perspective", COLUMN_PERSPECTIVES },
  { "perspektiv", COLUMN_PERSPECTIVES },
  { "present", COLUMN_PRESENT },
  { "närvarande", COLUMN_PRESENT },
  { "närvaro", COLUMN_PRESENT },
};

/* A file whose quotes are broken again and again is not worth reading to
 * its end once for each of them. */
#define MAX_QUOTE_RECOVERIES 20

static void
clear_problem (gpointer data)
{
  SamRosterProblem *problem = data;

  g_clear_pointer (&problem->message, g_free);
}

static SamRosterImport *
sam_roster_import_alloc (void)
{
  SamRosterImport *self = g_new0 (SamRosterImport, 1);

  self->participants = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_array_new (FALSE, TRUE, sizeof (SamRosterProblem));
  g_array_set_clear_func (self->problems, clear_problem);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
  self->delimiter = ',';
  return self;
}

void
sam_roster_import_free (SamRosterImport *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->participants);
  g_array_unref (self->problems);
  g_ptr_array_unref (self->notes);
  g_free (self);
}

static void
add_note (SamRosterImport *self,
          char            *note)
{
  /* Keep the NULL at the end. */
  g_ptr_array_insert (self->notes, self->notes->len - 1, note);
}

static void
add_problem (SamRosterImport *self,
             guint            line,
             char            *message)
{
  SamRosterProblem problem = { line, message };

  g_array_append_val (self->problems, problem);
}

/* A key for comparing names: composed, then case-folded, so that "Ö" typed
 * on a Mac (O and a combining diaeresis) matches "ö". */
static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

/* ------------------------------------------------------------------ */
/* Records                                                             */

typedef struct
{
  const char *p, *end;
  guint       line;   /* of p, from 1 */
  char        delimiter;
  guint       recoveries;
} Reader;

typedef struct
{
  GPtrArray *fields;      /* char * */
  guint      line;        /* where the record starts */
  gboolean   unclosed;    /* a quote runs to the end of the file */
} Record;

/* Consumes a line end at r->p, if there is one: LF, CRLF or (old Mac) CR. */
static gboolean
take_line_end (Reader *r)
{
  if (r->p < r->end && *r->p == '\n')
    {
      r->p++;
      r->line++;
      return TRUE;
    }
  if (r->p < r->end && *r->p == '\r')
    {
      r->p++;
      if (r->p < r->end && *r->p == '\n')
        r->p++;
      r->line++;
      return TRUE;
    }
  return FALSE;
}

/* Reads the record at r->p into @record; FALSE at the end of the text. */
static gboolean
read_record (Reader *r,
             Record *record)
{
  g_autoptr(GString) field = g_string_new (NULL);
  const char *start = r->p;
  guint start_line = r->line;
  gboolean quoted = FALSE;

  if (r->p >= r->end)
    return FALSE;

  record->fields = g_ptr_array_new_with_free_func (g_free);
  record->line = r->line;
  record->unclosed = FALSE;

  while (TRUE)
    {
      if (r->p >= r->end)
        {
          if (quoted)
            {
              record->unclosed = TRUE;
              /* Read on from the next line, so that the rows after a stray
               * quote are not lost with it. */
              if (r->recoveries < MAX_QUOTE_RECOVERIES)
                {
                  r->recoveries++;
                  r->p = start;
                  r->line = start_line;
                  while (r->p < r->end && *r->p != '\n' && *r->p != '\r')
                    r->p++;
                  take_line_end (r);
                }
            }
          g_ptr_array_add (record->fields, g_string_free (g_steal_pointer (&field), FALSE));
          return TRUE;
        }

      if (quoted)
        {
          if (*r->p == '"')
            {
              if (r->p + 1 < r->end && r->p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  r->p += 2;
                }
              else
                {
                  quoted = FALSE;
                  r->p++;
                }
            }
          else if (*r->p == '\n' || *r->p == '\r')
            {
              /* A line break inside a field is kept as one '\n'. */
              take_line_end (r);
              g_string_append_c (field, '\n');
            }
          else
            {
              g_string_append_c (field, *r->p);
              r->p++;
            }
          continue;
        }

      if (*r->p == r->delimiter)
        {
          g_ptr_array_add (record->fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          r->p++;
        }
      else if (*r->p == '\n' || *r->p == '\r')
        {
          take_line_end (r);
          g_ptr_array_add (record->fields, g_string_free (g_steal_pointer (&field), FALSE));
          return TRUE;
        }
      else if (*r->p == '"' && field->len == strspn (field->str, " \t"))
        {
          /* A quote opens a quoted field only at its start (spaces before
           * it, as some programs write after the delimiter, are dropped). */
          g_string_truncate (field, 0);
          quoted = TRUE;
          r->p++;
        }
      else
        {
          g_string_append_c (field, *r->p);
          r->p++;
        }
    }
}

static void
clear_record (Record *record)
{
  g_clear_pointer (&record->fields, g_ptr_array_unref);
}

/* Whether a record has no text: the empty rows of a spreadsheet, written
 * with either separator. */
static gboolean
record_is_empty (const Record *record)
{
  for (guint i = 0; i < record->fields->len; i++)
    {
      const char *field = g_ptr_array_index (record->fields, i);

      for (const char *c = field; *c != '\0'; c++)
        if (!g_ascii_isspace (*c) && *c != ',' && *c != ';')
          return FALSE;
    }
  return TRUE;
}

/* Which of ',' and ';' separates the fields of the first line that has any
 * text (the header: lines of only white space and separators come before it
 * and are skipped), counting only those outside quotes. */
static char
detect_delimiter (const char *p,
                  const char *end)
{
  guint commas = 0, semicolons = 0;
  gboolean quoted = FALSE, seen_text = FALSE;

  for (; p < end; p++)
    {
      if (*p == '"')
        {
          quoted = !quoted;
          seen_text = TRUE;
        }
      else if (quoted)
        continue;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\n' || *p == '\r')
        {
          if (seen_text)
            break;
          commas = semicolons = 0;
        }
      else if (*p != ' ' && *p != '\t')
        seen_text = TRUE;
    }

  return semicolons > commas ? ';' : ',';
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

typedef struct
{
  GHashTable *perspectives;  /* folded name or symbol → id */
  int         columns[N_COLUMNS];  /* column → field index, or -1 */
  guint       n_header;
} RowContext;

static GHashTable *
index_perspectives (SamSession *session)
{
  GListModel *perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (perspectives);

  /* Names first, so that a name wins over another perspective's symbol. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives, i);
        g_autofree char *symbol = sam_perspective_dup_symbol (perspective);
        const char *text = pass == 0 ? sam_item_get_string (perspective, "name") : symbol;
        g_autofree char *key = NULL;

        if (text == NULL || text[0] == '\0')
          continue;
        key = fold (text);
        if (!g_hash_table_contains (index, key))
          g_hash_table_insert (index, g_steal_pointer (&key),
                               g_strdup (sam_item_get_id (perspective)));
      }
  return index;
}

static const char *
field_of (const Record     *record,
          const RowContext *context,
          Column            column)
{
  int index = context->columns[column];

  if (index < 0 || (guint) index >= record->fields->len)
    return "";
  return g_ptr_array_index (record->fields, index);
}

/* The field's text without the white space around it, composed. */
static char *
clean (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *normalized = g_utf8_normalize (copy, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return normalized != NULL ? normalized : g_steal_pointer (&copy);
}

static gboolean
parse_present (const char *text,
               gboolean   *present)
{
  static const char * const yes[] = { "", "yes", "ja", "true", "1", "x" };
  static const char * const no[] = { "no", "nej", "false", "0" };
  g_autofree char *key = fold (text);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_str_equal (key, yes[i]))
      {
        *present = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (key, no[i]))
      {
        *present = FALSE;
        return TRUE;
      }
  return FALSE;
}

static char *
quote_list (GPtrArray *names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        /* Translators: between the quoted names of a list. */
        g_string_append (text, _(", "));
      /* Translators: a quoted name in a list. */
      g_string_append_printf (text, _("“%s”"), (const char *) g_ptr_array_index (names, i));
    }
  return g_string_free (text, FALSE);
}

static void
read_row (SamRosterImport  *self,
          const RowContext *context,
          const Record     *record)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *name = clean (field_of (record, context, COLUMN_NAME));
  g_autofree char *organisation = clean (field_of (record, context, COLUMN_ORGANISATION));
  g_autofree char *municipality = clean (field_of (record, context, COLUMN_MUNICIPALITY));
  g_autofree char *present_text = clean (field_of (record, context, COLUMN_PRESENT));
  g_auto(GStrv) tokens = g_strsplit_set (field_of (record, context, COLUMN_PERSPECTIVES), ",;|", -1);
  gboolean present = TRUE;
  SamItem *participant;

  if (record->unclosed)
    {
      add_problem (self, record->line,
                   g_strdup (_("A quote opens a field and is not closed.")));
      return;
    }

  if (record->fields->len > context->n_header)
    {
      /* Empty fields after the last column, as spreadsheets sometimes
       * write, lose nothing. */
      gboolean extra_text = FALSE;

      for (guint i = context->n_header; i < record->fields->len && !extra_text; i++)
        {
          const char *field = g_ptr_array_index (record->fields, i);

          extra_text = field[strspn (field, " \t")] != '\0';
        }
      if (extra_text)
        g_ptr_array_add (reasons,
                         /* Translators: after "Line 7: "; the numbers of
                          * fields in that line and in the first line. */
                         g_strdup_printf (_("It has %u fields, but the first line names only %u columns."),
                                          record->fields->len, context->n_header));
    }

  if (name[0] == '\0' && organisation[0] == '\0')
    g_ptr_array_add (reasons, g_strdup (_("It has no name and no organisation.")));

  if (!parse_present (present_text, &present))
    g_ptr_array_add (reasons,
                     /* Translators: after "Line 7: "; the value found in the
                      * column of who is present. */
                     g_strdup_printf (_("“%s” is not a present value: use yes or no."),
                                      present_text));

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *token = clean (tokens[i]);
      g_autofree char *key = NULL;
      const char *id;

      if (token[0] == '\0')
        continue;
      key = fold (token);
      id = g_hash_table_lookup (context->perspectives, key);
      if (id == NULL)
        g_ptr_array_add (unknown, g_steal_pointer (&token));
      else if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) id);
    }
  if (unknown->len > 0)
    {
      g_autofree char *list = quote_list (unknown);

      g_ptr_array_add (reasons,
                       /* Translators: after "Line 7: "; %s is one or more
                        * quoted names, as in “Police”, “Church”. */
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Unknown perspective %s.",
                                                     "Unknown perspectives %s.",
                                                     unknown->len),
                                        list));
    }

  if (reasons->len > 0)
    {
      g_ptr_array_add (reasons, NULL);
      add_problem (self, record->line, g_strjoinv (" ", (char **) reasons->pdata));
      return;
    }

  g_ptr_array_add (ids, NULL);
  participant = sam_item_new (SAM_TYPE_PARTICIPANT, NULL);
  g_object_set (participant,
                "name", name,
                "organisation", organisation,
                "municipality", municipality,
                "perspectives", (char **) ids->pdata,
                "present", present,
                NULL);
  g_ptr_array_add (self->participants, participant);
}

/* ------------------------------------------------------------------ */
/* The file                                                            */

static gboolean
read_header (SamRosterImport *self,
             RowContext      *context,
             const Record    *header,
             GError         **error)
{
  gboolean any_known = FALSE;

  for (guint c = 0; c < N_COLUMNS; c++)
    context->columns[c] = -1;
  context->n_header = header->fields->len;

  for (guint i = 0; i < header->fields->len; i++)
    {
      g_autofree char *title = clean (g_ptr_array_index (header->fields, i));
      g_autofree char *key = fold (title);
      Column column = COLUMN_IGNORED;

      if (title[0] == '\0')
        continue;

      for (guint n = 0; n < G_N_ELEMENTS (column_names); n++)
        if (g_str_equal (key, column_names[n].name))
          column = column_names[n].column;

      if (column != COLUMN_IGNORED && context->columns[column] < 0)
        {
          context->columns[column] = i;
          any_known = TRUE;
        }
      else if (column != COLUMN_IGNORED)
        add_note (self,
                  /* Translators: %s is the title of a column in the file. */
                  g_strdup_printf (_("The column “%s” was ignored: an earlier column has the same meaning."),
                                   title));
      else
        add_note (self,
                  /* Translators: %s is the title of a column in the file. */
                  g_strdup_printf (_("The column “%s” was ignored."), title));
    }

  if (!any_known)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           /* Translators: the column titles are what the
                            * file must contain; keep them as they are. */
                           _("The first line names none of the columns that can be read: "
                             "name, organisation, municipality, perspectives, present "
                             "(or namn, organisation, kommun, perspektiv, närvarande)."));
      return FALSE;
    }
  return TRUE;
}

/* Windows-1252 is Latin-1 but for 0x80–0x9F, where it has the euro sign,
 * typographic quotes and a few letters. Its five undefined bytes become the
 * replacement character. Done here rather than with iconv, which refuses
 * those bytes and is not sure to know the encoding everywhere. */
static char *
windows_1252_to_utf8 (const char *text,
                      gsize       size,
                      gsize      *out_size)
{
  static const gunichar high[32] = {
    0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
    0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
    0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
    0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
  };
  GString *utf8 = g_string_sized_new (size + size / 4);

  for (gsize i = 0; i < size; i++)
    {
      guchar byte = text[i];

      if (byte < 0x80)
        g_string_append_c (utf8, byte);
      else if (byte < 0xa0)
        g_string_append_unichar (utf8, high[byte - 0x80]);
      else
        g_string_append_unichar (utf8, byte);
    }

  *out_size = utf8->len;
  return g_string_free (utf8, FALSE);
}

/* A size rounded up to the tenth of a MiB that is shown, so that a file
 * just over the limit does not read as if it were at the limit. */
static guint64
round_up_size (guint64 size)
{
  const guint64 step = 1024 * 1024 / 10;

  if (size < 1024 * 1024)
    return size;
  return (size + step - 1) / step * step;
}

SamRosterImport *
sam_roster_import_new (SamSession *session,
                       GBytes     *data,
                       GError    **error)
{
  g_autoptr(SamRosterImport) self = NULL;
  g_autoptr(GHashTable) perspectives = NULL;
  g_autofree char *converted = NULL;
  RowContext context = { 0 };
  Record header = { 0 };
  Record record = { 0 };
  Reader reader = { 0 };
  const char *text;
  gsize size;
  gboolean have_header = FALSE;

  g_return_val_if_fail (SAM_IS_SESSION (session), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = g_bytes_get_data (data, &size);
  if (text == NULL)
    text = "";

  if (size > SAM_ROSTER_MAX_SIZE)
    {
      g_autofree char *actual = g_format_size_full (round_up_size (size), G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (SAM_ROSTER_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: the sizes of the file and of the largest
                    * list that is read, as in "5.2 MiB" and "4.0 MiB". */
                   _("The file is %s; a list of participants can be at most %s."),
                   actual, limit);
      return NULL;
    }

  if (memchr (text, '\0', size) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("This is not a text file. Save the list from the spreadsheet as CSV."));
      return NULL;
    }

  self = sam_roster_import_alloc ();

  if (size >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      size -= 3;
    }

  if (!g_utf8_validate (text, size, NULL))
    {
      gsize converted_size;

      converted = windows_1252_to_utf8 (text, size, &converted_size);
      text = converted;
      size = converted_size;
      add_note (self, g_strdup (_("The file is not UTF-8; it was read as Windows-1252, "
                                  "as older spreadsheets save it.")));
    }

  self->delimiter = detect_delimiter (text, text + size);

  reader.p = text;
  reader.end = text + size;
  reader.line = 1;
  reader.delimiter = self->delimiter;

  while (!have_header && read_record (&reader, &header))
    {
      if (!record_is_empty (&header))
        have_header = TRUE;
      else
        clear_record (&header);
    }
  /* Only white space, or only empty fields: nothing names a column. */
  if (!have_header)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The file is empty."));
      return NULL;
    }

  /* A quote that never closes in the first line would swallow the rest of
   * the file as the name of a column. */
  if (header.unclosed)
    {
      clear_record (&header);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The first line has a quote (\") that is never closed, so its column names cannot be read."));
      return NULL;
    }

  if (!read_header (self, &context, &header, error))
    {
      clear_record (&header);
      return NULL;
    }
  clear_record (&header);

  perspectives = index_perspectives (session);
  context.perspectives = perspectives;

  while (read_record (&reader, &record))
    {
      if (!record_is_empty (&record))
        read_row (self, &context, &record);
      clear_record (&record);
    }

  return g_steal_pointer (&self);
}

guint
sam_roster_import_get_n_participants (SamRosterImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->participants->len;
}

SamItem *
sam_roster_import_get_participant (SamRosterImport *self,
                                   guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->participants->len, NULL);

  return g_ptr_array_index (self->participants, index);
}

guint
sam_roster_import_get_n_problems (SamRosterImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->problems->len;
}

const SamRosterProblem *
sam_roster_import_get_problem (SamRosterImport *self,
                               guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);

  return &g_array_index (self->problems, SamRosterProblem, index);
}

const char * const *
sam_roster_import_get_notes (SamRosterImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->notes->pdata;
}

char
sam_roster_import_get_delimiter (SamRosterImport *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->delimiter;
}

guint
sam_roster_import_apply (SamRosterImport *self,
                         SamSession      *session)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (SAM_IS_SESSION (session), 0);

  if (self->participants->len == 0)
    return 0;

  sam_session_begin (session, _("Import Participants"));
  for (guint i = 0; i < self->participants->len; i++)
    {
      /* Copies, so that the import's participants stay outside any session
       * and applying again adds the list again. */
      g_autoptr(SamItem) copy = sam_item_copy (g_ptr_array_index (self->participants, i));

      sam_session_insert (session, session, "participants", G_MAXUINT, copy);
    }
  sam_session_end (session);

  return self->participants->len;
}
