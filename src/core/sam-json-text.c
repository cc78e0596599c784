/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-json-private.h"

/*
 * The text scanner. json-glib 1.6 overflows its stack on deeply nested
 * arrays, silently wraps integers beyond 64 bits, reads 012 as 10 and
 * accepts single-quoted strings, so text from disk is never handed to its
 * parser. One strict pass checks the text (size, UTF-8, nesting depth, the
 * exact JSON grammar, number ranges) and, when asked, builds json-glib's
 * JsonNode tree on the way: that is also twice as fast as checking first
 * and parsing with JsonParser afterwards.
 */

/* The text scanner */

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  gboolean    integer;   /* of the last number */

  /* Building the tree, when asked for. */
  gboolean    build;
  JsonNode   *root;
  JsonNode   *containers[SAM_JSON_MAX_DEPTH];
  GString    *key;       /* the member name awaiting its value */
  GString    *text;      /* room to decode a string in */
} Scanner;

typedef enum {
  EXPECT_VALUE,
  EXPECT_VALUE_OR_CLOSE,   /* just after [ */
  EXPECT_KEY_OR_CLOSE,     /* just after { */
  EXPECT_KEY,              /* after a comma in an object */
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,
  EXPECT_END,
} ScanState;

static void
position_of (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < offset; i++)
    {
      guchar b = data[i];

      if (b == '\n')
        {
          l++;
          c = 1;
        }
      else if ((b & 0xC0) != 0x80)
        {
          c++;
        }
    }

  *line = l;
  *column = c;
}

static gboolean scan_error (Scanner    *scanner,
                            gsize       offset,
                            GError    **error,
                            const char *format,
                            ...) G_GNUC_PRINTF (4, 5);

static gboolean
scan_error (Scanner    *scanner,
            gsize       offset,
            GError    **error,
            const char *format,
            ...)
{
  g_autofree char *reason = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  position_of (scanner->data, offset, &line, &column);
  g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_NOT_JSON,
               _("Line %u, column %u: %s"), line, column, reason);
  return FALSE;
}

/* At most 40 characters of @data from @start to @end, for messages. */
char *
sam_json_excerpt (const char *start,
                  const char *end)
{
  const char *p = start;
  guint n = 0;

  while (p < end && n < 40)
    {
      p = g_utf8_next_char (p);
      n++;
    }
  if (p > end)
    p = end;

  if (p < end)
    return g_strdup_printf ("%.*s…", (int) (p - start), start);
  return g_strndup (start, p - start);
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '.' || c == '+' || c == '-';
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_escape_u (Scanner *scanner,
               gsize    at,
               guint   *code)
{
  guint v = 0;

  if (at + 6 > scanner->length || scanner->data[at] != '\\' || scanner->data[at + 1] != 'u')
    return FALSE;

  for (guint i = 2; i < 6; i++)
    {
      int h = hex_value (scanner->data[at + i]);

      if (h < 0)
        return FALSE;
      v = v * 16 + h;
    }

  *code = v;
  return TRUE;
}

static gboolean
scan_string (Scanner  *scanner,
             GError  **error)
{
  const char *data = scanner->data;
  gsize start = scanner->pos;
  gsize i = start + 1;

  while (i < scanner->length)
    {
      guchar c = data[i];

      if (c == '"')
        {
          scanner->pos = i + 1;
          return TRUE;
        }

      if (c < 0x20)
        return scan_error (scanner, i, error,
                           _("a control character in a text; write it as an escape such as \\n"));

      if (c != '\\')
        {
          i++;
          continue;
        }

      if (i + 1 >= scanner->length)
        break;

      switch (data[i + 1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          i += 2;
          break;

        case 'u':
          {
            guint code, low;

            if (!read_escape_u (scanner, i, &code))
              return scan_error (scanner, i, error,
                                 _("“\\u” must be followed by four hexadecimal digits"));
            if (code == 0)
              return scan_error (scanner, i, error, _("a NUL character (\\u0000) is not allowed"));
            if (code >= 0xDC00 && code <= 0xDFFF)
              return scan_error (scanner, i, error, _("a lone low surrogate \\u%04X"), code);
            if (code >= 0xD800 && code <= 0xDBFF)
              {
                if (!read_escape_u (scanner, i + 6, &low) || low < 0xDC00 || low > 0xDFFF)
                  return scan_error (scanner, i, error,
                                     _("a high surrogate \\u%04X without its low half"), code);
                i += 6;
              }
            i += 6;
          }
          break;

        default:
          {
            g_autofree char *escape = sam_json_excerpt (data + i, g_utf8_next_char (data + i + 1));

            return scan_error (scanner, i, error, _("unknown escape “%s”"), escape);
          }
        }
    }

  return scan_error (scanner, start, error, _("a text in double quotes is not closed"));
}

/* A number, strictly as JSON has it, and in range. */
static gboolean
scan_number (Scanner  *scanner,
             GError  **error)
{
  const char *data = scanner->data;
  gsize start = scanner->pos;
  gsize end = start;
  gsize i = start;
  gboolean integer = TRUE;
  g_autofree char *lexeme = NULL;

  /* The whole word, so that the message shows what was written. */
  while (end < scanner->length && is_word_char (data[end]))
    end++;

  if (data[i] == '-')
    i++;
  if (i < end && data[i] == '0')
    {
      i++;
    }
  else if (i < end && data[i] >= '1' && data[i] <= '9')
    {
      while (i < end && g_ascii_isdigit (data[i]))
        i++;
    }
  else
    {
      goto invalid;
    }

  if (i < end && data[i] == '.')
    {
      integer = FALSE;
      i++;
      if (i >= end || !g_ascii_isdigit (data[i]))
        goto invalid;
      while (i < end && g_ascii_isdigit (data[i]))
        i++;
    }

  if (i < end && (data[i] == 'e' || data[i] == 'E'))
    {
      integer = FALSE;
      i++;
      if (i < end && (data[i] == '+' || data[i] == '-'))
        i++;
      if (i >= end || !g_ascii_isdigit (data[i]))
        goto invalid;
      while (i < end && g_ascii_isdigit (data[i]))
        i++;
    }

  if (i != end)
    goto invalid;

  scanner->pos = end;
  scanner->integer = integer;

  /* Up to 18 digits always fit in a gint64. */
  if (integer && end - start - (data[start] == '-') <= 18)
    return TRUE;

  lexeme = g_strndup (data + start, end - start);
  if (integer)
    {
      errno = 0;
      g_ascii_strtoll (lexeme, NULL, 10);
      if (errno == ERANGE)
        {
          g_autofree char *shown = sam_json_excerpt (data + start, data + end);

          if (data[start] == '-')
            return scan_error (scanner, start, error, _("number %s is too small"), shown);
          return scan_error (scanner, start, error, _("number %s is too large"), shown);
        }
    }
  else if (isinf (g_ascii_strtod (lexeme, NULL)))
    {
      g_autofree char *shown = sam_json_excerpt (data + start, data + end);

      return scan_error (scanner, start, error, _("number %s is too large"), shown);
    }

  return TRUE;

invalid:
  {
    g_autofree char *shown = sam_json_excerpt (data + start, data + MAX (end, start + 1));

    return scan_error (scanner, start, error, _("“%s” is not a valid JSON number"), shown);
  }
}

typedef enum {
  TOKEN_NUMBER,
  TOKEN_TRUE,
  TOKEN_FALSE,
  TOKEN_NULL,
  TOKEN_STRING,
  TOKEN_OPEN_OBJECT,
  TOKEN_CLOSE_OBJECT,
  TOKEN_OPEN_ARRAY,
  TOKEN_CLOSE_ARRAY,
  TOKEN_COLON,
  TOKEN_COMMA,
} Token;

static gboolean
scan_token (Scanner  *scanner,
            Token    *token,
            GError  **error)
{
  const char *data = scanner->data;
  gsize start = scanner->pos;
  char c = data[start];

  switch (c)
    {
    case '{': scanner->pos++; *token = TOKEN_OPEN_OBJECT; return TRUE;
    case '}': scanner->pos++; *token = TOKEN_CLOSE_OBJECT; return TRUE;
    case '[': scanner->pos++; *token = TOKEN_OPEN_ARRAY; return TRUE;
    case ']': scanner->pos++; *token = TOKEN_CLOSE_ARRAY; return TRUE;
    case ':': scanner->pos++; *token = TOKEN_COLON; return TRUE;
    case ',': scanner->pos++; *token = TOKEN_COMMA; return TRUE;

    case '"':
      *token = TOKEN_STRING;
      return scan_string (scanner, error);

    case '\'':
      return scan_error (scanner, start, error,
                         _("single quotes are not allowed in JSON; use double quotes"));

    case '/':
      return scan_error (scanner, start, error, _("comments are not allowed in JSON"));

    case '-': case '+': case '.':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      *token = TOKEN_NUMBER;
      return scan_number (scanner, error);

    default:
      break;
    }

  if (g_ascii_isalpha (c) || c == '_')
    {
      gsize end = start;

      while (end < scanner->length && (g_ascii_isalnum (data[end]) || data[end] == '_'))
        end++;

      if (end - start == 4 && memcmp (data + start, "true", 4) == 0)
        *token = TOKEN_TRUE;
      else if (end - start == 5 && memcmp (data + start, "false", 5) == 0)
        *token = TOKEN_FALSE;
      else if (end - start == 4 && memcmp (data + start, "null", 4) == 0)
        *token = TOKEN_NULL;
      else
        {
          g_autofree char *word = sam_json_excerpt (data + start, data + end);

          return scan_error (scanner, start, error, _("“%s” is not a JSON value"), word);
        }

      scanner->pos = end;
      return TRUE;
    }

  if ((guchar) c < 0x20 || c == 0x7f)
    return scan_error (scanner, start, error, _("unexpected control character U+%04X"), (guint) (guchar) c);

  {
    g_autofree char *shown = sam_json_excerpt (data + start, g_utf8_next_char (data + start));

    return scan_error (scanner, start, error, _("unexpected character “%s”"), shown);
  }
}

static gboolean
unexpected (Scanner    *scanner,
            gsize       offset,
            ScanState   state,
            char        open,
            GError    **error)
{
  switch (state)
    {
    case EXPECT_END:
      return scan_error (scanner, offset, error, _("unexpected text after the end of the document"));
    case EXPECT_COLON:
      return scan_error (scanner, offset, error, _("expected “:” after the member name"));
    case EXPECT_COMMA_OR_CLOSE:
      return scan_error (scanner, offset, error, _("expected “,” or “%c”"), open == '{' ? '}' : ']');
    case EXPECT_KEY:
    case EXPECT_KEY_OR_CLOSE:
      return scan_error (scanner, offset, error, _("expected a member name in double quotes"));
    case EXPECT_VALUE:
    case EXPECT_VALUE_OR_CLOSE:
    default:
      return scan_error (scanner, offset, error, _("expected a value"));
    }
}

/* Decodes the text between the quotes of a string that scan_string()
 * accepted, so without checks. */
static void
decode_string (GString    *out,
               const char *p,
               const char *end)
{
  while (p < end)
    {
      const char *run = p;
      guint code;

      while (p < end && *p != '\\')
        p++;
      g_string_append_len (out, run, p - run);
      if (p >= end)
        break;

      switch (p[1])
        {
        case 'b': g_string_append_c (out, '\b'); p += 2; break;
        case 'f': g_string_append_c (out, '\f'); p += 2; break;
        case 'n': g_string_append_c (out, '\n'); p += 2; break;
        case 'r': g_string_append_c (out, '\r'); p += 2; break;
        case 't': g_string_append_c (out, '\t'); p += 2; break;
        case 'u':
          code = (hex_value (p[2]) << 12) | (hex_value (p[3]) << 8) |
                 (hex_value (p[4]) << 4) | hex_value (p[5]);
          p += 6;
          if (code >= 0xD800 && code <= 0xDBFF)
            {
              guint low = (hex_value (p[2]) << 12) | (hex_value (p[3]) << 8) |
                          (hex_value (p[4]) << 4) | hex_value (p[5]);

              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
              p += 6;
            }
          g_string_append_unichar (out, code);
          break;
        default: /* " \ / */
          g_string_append_c (out, p[1]);
          p += 2;
          break;
        }
    }
}

static JsonNode *
string_node (Scanner *scanner,
             gsize    start)
{
  const char *p = scanner->data + start + 1;
  const char *end = scanner->data + scanner->pos - 1;

  g_string_truncate (scanner->text, 0);
  if (memchr (p, '\\', end - p) == NULL)
    g_string_append_len (scanner->text, p, end - p);
  else
    decode_string (scanner->text, p, end);

  return json_node_init_string (json_node_alloc (), scanner->text->str);
}

static JsonNode *
number_node (Scanner *scanner,
             gsize    start)
{
  const char *p = scanner->data + start;
  gsize len = scanner->pos - start;
  char buf[64];
  g_autofree char *copy = NULL;
  const char *lexeme;

  if (len < sizeof buf)
    {
      memcpy (buf, p, len);
      buf[len] = '\0';
      lexeme = buf;
    }
  else
    {
      lexeme = copy = g_strndup (p, len);
    }

  /* The scanner checked the grammar and the range. */
  if (scanner->integer)
    return json_node_init_int (json_node_alloc (), g_ascii_strtoll (lexeme, NULL, 10));

  return json_node_init_double (json_node_alloc (), g_ascii_strtod (lexeme, NULL));
}

/* Puts @node (owned) at its place below the open containers. */
static void
attach (Scanner  *scanner,
        guint     depth,
        JsonNode *node)
{
  JsonNode *parent;

  if (depth == 0)
    {
      scanner->root = node;
      return;
    }

  parent = scanner->containers[depth - 1];
  if (JSON_NODE_HOLDS_ARRAY (parent))
    json_array_add_element (json_node_get_array (parent), node);
  else
    json_object_set_member (json_node_get_object (parent), scanner->key->str, node);
}

/* One pass over the text: checks it as strict JSON and, if scanner->build,
 * builds the tree (json-glib's parser takes several times as long). */
static gboolean
scan (Scanner  *scanner,
      GError  **error)
{
  const char *data = scanner->data;
  gsize length = scanner->length;
  char stack[SAM_JSON_MAX_DEPTH];
  guint depth = 0;
  ScanState state = EXPECT_VALUE;
  const char *invalid;

  if (length > SAM_JSON_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (SAM_JSON_MAX_SIZE);

      g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_TOO_LARGE,
                   _("The file is too large to be a session (%s; the limit is %s)"), size, limit);
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      if (*invalid == '\0')
        return scan_error (scanner, invalid - data, error, _("the file contains a NUL byte"));
      return scan_error (scanner, invalid - data, error,
                         _("the file is not UTF-8 text (a byte 0x%02X that does not fit)"),
                         (guint) (guchar) *invalid);
    }

  for (;;)
    {
      Token token = TOKEN_NULL;
      JsonNode *node = NULL;
      gsize start;

      while (scanner->pos < length &&
             (data[scanner->pos] == ' ' || data[scanner->pos] == '\n' ||
              data[scanner->pos] == '\r' || data[scanner->pos] == '\t'))
        scanner->pos++;

      if (scanner->pos >= length)
        break;

      start = scanner->pos;
      if (state == EXPECT_END)
        return unexpected (scanner, start, state, 0, error);
      if (!scan_token (scanner, &token, error))
        return FALSE;

      switch (token)
        {
        case TOKEN_STRING:
          if (state == EXPECT_KEY || state == EXPECT_KEY_OR_CLOSE)
            {
              if (scanner->build)
                {
                  g_string_truncate (scanner->key, 0);
                  decode_string (scanner->key, data + start + 1, data + scanner->pos - 1);
                }
              state = EXPECT_COLON;
              break;
            }
          G_GNUC_FALLTHROUGH;
        case TOKEN_NUMBER:
        case TOKEN_TRUE:
        case TOKEN_FALSE:
        case TOKEN_NULL:
          if (state != EXPECT_VALUE && state != EXPECT_VALUE_OR_CLOSE)
            return unexpected (scanner, start, state, depth > 0 ? stack[depth - 1] : 0, error);
          if (scanner->build)
            {
              if (token == TOKEN_STRING)
                node = string_node (scanner, start);
              else if (token == TOKEN_NUMBER)
                node = number_node (scanner, start);
              else if (token == TOKEN_NULL)
                node = json_node_init_null (json_node_alloc ());
              else
                node = json_node_init_boolean (json_node_alloc (), token == TOKEN_TRUE);
              attach (scanner, depth, node);
            }
          state = depth == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
          break;

        case TOKEN_OPEN_OBJECT:
        case TOKEN_OPEN_ARRAY:
          if (state != EXPECT_VALUE && state != EXPECT_VALUE_OR_CLOSE)
            return unexpected (scanner, start, state, depth > 0 ? stack[depth - 1] : 0, error);
          if (depth >= SAM_JSON_MAX_DEPTH)
            return scan_error (scanner, start, error,
                               _("nested more than %d levels deep"), SAM_JSON_MAX_DEPTH);
          if (scanner->build)
            {
              if (token == TOKEN_OPEN_OBJECT)
                {
                  JsonObject *object = json_object_new ();

                  node = json_node_init_object (json_node_alloc (), object);
                  json_object_unref (object);
                }
              else
                {
                  JsonArray *array = json_array_new ();

                  node = json_node_init_array (json_node_alloc (), array);
                  json_array_unref (array);
                }
              attach (scanner, depth, node);
              scanner->containers[depth] = node;
            }
          if (token == TOKEN_OPEN_OBJECT)
            {
              stack[depth++] = '{';
              state = EXPECT_KEY_OR_CLOSE;
            }
          else
            {
              stack[depth++] = '[';
              state = EXPECT_VALUE_OR_CLOSE;
            }
          break;

        case TOKEN_CLOSE_OBJECT:
        case TOKEN_CLOSE_ARRAY:
          {
            char open = token == TOKEN_CLOSE_OBJECT ? '{' : '[';

            if (depth > 0 && stack[depth - 1] == open &&
                ((open == '{' && state == EXPECT_KEY) || (open == '[' && state == EXPECT_VALUE)))
              return scan_error (scanner, start, error, _("a comma before “%c”"), data[start]);
            if (depth == 0 || stack[depth - 1] != open ||
                (state != EXPECT_COMMA_OR_CLOSE &&
                 state != (open == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE)))
              {
                if (depth > 0 && (state == EXPECT_COMMA_OR_CLOSE ||
                                  state == EXPECT_KEY_OR_CLOSE ||
                                  state == EXPECT_VALUE_OR_CLOSE))
                  return scan_error (scanner, start, error, _("“%c” does not close “%c”"),
                                     data[start], stack[depth - 1]);
                return unexpected (scanner, start, state, depth > 0 ? stack[depth - 1] : 0, error);
              }
            depth--;
            state = depth == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
          }
          break;

        case TOKEN_COLON:
          if (state != EXPECT_COLON)
            return unexpected (scanner, start, state, depth > 0 ? stack[depth - 1] : 0, error);
          state = EXPECT_VALUE;
          break;

        case TOKEN_COMMA:
          if (state != EXPECT_COMMA_OR_CLOSE)
            return unexpected (scanner, start, state, depth > 0 ? stack[depth - 1] : 0, error);
          state = stack[depth - 1] == '{' ? EXPECT_KEY : EXPECT_VALUE;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (state == EXPECT_VALUE && depth == 0)
    {
      g_set_error_literal (error, SAM_JSON_ERROR, SAM_JSON_ERROR_NOT_JSON,
                           _("The file is empty"));
      return FALSE;
    }

  if (state != EXPECT_END)
    return scan_error (scanner, length, error, _("the file ends before the document is complete"));

  return TRUE;
}

gboolean
sam_json_check_text (const char  *data,
                     gsize        length,
                     GError     **error)
{
  Scanner scanner = { 0, };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  scanner.data = data;
  scanner.length = length;

  return scan (&scanner, error);
}

JsonNode *
sam_json_parse_text (const char  *data,
                     gsize        length,
                     GError     **error)
{
  Scanner scanner = { 0, };
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  scanner.data = data;
  scanner.length = length;
  scanner.build = TRUE;
  scanner.key = key;
  scanner.text = text;

  if (!scan (&scanner, error))
    {
      g_clear_pointer (&scanner.root, json_node_unref);
      return NULL;
    }

  return scanner.root;
}
