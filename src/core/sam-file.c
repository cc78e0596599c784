/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-file.h"
#include "sam-json.h"
#include "sam-session.h"

/* How a file is called in messages: its name as the person sees it. */
static char *
display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/* Plain words for why a file could not be written or read. */
static const char *
file_error_reason (int      code,
                   gboolean writing)
{
  switch (code)
    {
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return writing ? _("the folder is read-only or you may not write in it")
                     : _("you may not read it");
    case G_FILE_ERROR_ROFS:
      return _("the device is read-only");
    case G_FILE_ERROR_NOSPC:
      return _("no space left on the device");
    case G_FILE_ERROR_NOENT:
      return writing ? _("the folder does not exist") : _("the file does not exist");
    case G_FILE_ERROR_NOTDIR:
      return _("a part of the path is not a folder");
    case G_FILE_ERROR_ISDIR:
      return _("it is a folder");
    case G_FILE_ERROR_NAMETOOLONG:
      return _("the name is too long");
    case G_FILE_ERROR_IO:
      return _("the device reported an input/output error");
    case G_FILE_ERROR_LOOP:
      return _("the path has too many symbolic links");
    default:
      return NULL;
    }
}

static GIOErrorEnum
io_error_from_file_error (int code)
{
  switch (code)
    {
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return G_IO_ERROR_PERMISSION_DENIED;
    case G_FILE_ERROR_ROFS:
      return G_IO_ERROR_READ_ONLY;
    case G_FILE_ERROR_NOSPC:
      return G_IO_ERROR_NO_SPACE;
    case G_FILE_ERROR_NOENT:
      return G_IO_ERROR_NOT_FOUND;
    case G_FILE_ERROR_NOTDIR:
      return G_IO_ERROR_NOT_DIRECTORY;
    case G_FILE_ERROR_ISDIR:
      return G_IO_ERROR_IS_DIRECTORY;
    case G_FILE_ERROR_NAMETOOLONG:
      return G_IO_ERROR_FILENAME_TOO_LONG;
    case G_FILE_ERROR_LOOP:
      return G_IO_ERROR_TOO_MANY_LINKS;
    default:
      return G_IO_ERROR_FAILED;
    }
}

static const char *
io_error_reason (const GError *error,
                 gboolean      writing)
{
  if (error->domain != G_IO_ERROR)
    return NULL;

  switch (error->code)
    {
    case G_IO_ERROR_NOT_FOUND:
      return writing ? _("the folder does not exist") : _("the file does not exist");
    case G_IO_ERROR_PERMISSION_DENIED:
      return writing ? _("the folder is read-only or you may not write in it")
                     : _("you may not read it");
    case G_IO_ERROR_IS_DIRECTORY:
      return _("it is a folder");
    case G_IO_ERROR_NOT_DIRECTORY:
      return _("a part of the path is not a folder");
    case G_IO_ERROR_NO_SPACE:
      return _("no space left on the device");
    case G_IO_ERROR_READ_ONLY:
      return _("the device is read-only");
    case G_IO_ERROR_FILENAME_TOO_LONG:
      return _("the name is too long");
    case G_IO_ERROR_NOT_MOUNTED:
      return _("its location is not mounted");
    default:
      return NULL;
    }
}

gboolean
sam_file_replace_contents (GFile       *file,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  const char *path;
  const char *reason;
  GStatBuf st;
  int mode = 0644;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  path = g_file_peek_path (file);
  if (path == NULL)
    {
      name = display_name (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save “%s”: only files on this computer or a mounted "
                     "folder can be saved to"), name);
      return FALSE;
    }

  /* The new file replaces the old one, so it would get the default
   * permissions: a file the person made private would become readable by
   * all. It takes the old file's permission bits instead (less what the
   * umask takes away, never more than before).
   *
   * A symbolic link is replaced by a regular file with the document; the
   * file it pointed to stays as it was. The permissions are those of that
   * file, which g_stat() follows the link to. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    mode = st.st_mode & 0777;

  /* A new file next to the old one, flushed, renamed over it, and the folder
   * flushed: at any moment the old or the new file is there, whole. */
  if (g_file_set_contents_full (path, data, length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                mode, &local_error))
    return TRUE;

  name = display_name (file);
  reason = file_error_reason (local_error->code, TRUE);
  if (reason != NULL)
    g_set_error (error, G_IO_ERROR, io_error_from_file_error (local_error->code),
                 _("Could not save “%s”: %s"), name, reason);
  else
    g_set_error (error, G_IO_ERROR, io_error_from_file_error (local_error->code),
                 _("Could not save “%s”: %s"), name, local_error->message);

  return FALSE;
}

/* Loading */

typedef struct
{
  SamSession *session;
  GBytes     *contents;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->session);
  g_clear_pointer (&result->contents, g_bytes_unref);
  g_free (result);
}

static gboolean
read_contents (GFile         *file,
               GCancellable  *cancellable,
               GBytes       **contents,
               GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = display_name (file);
  g_autofree char *data = NULL;
  const char *reason;
  gsize length;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("Could not open “%s”: %s"), name, _("it is a folder"));
          return FALSE;
        }

      /* Refused before reading, so that a huge file costs nothing. */
      if (g_file_info_get_size (info) > SAM_JSON_MAX_SIZE)
        {
          g_autofree char *size = g_format_size (g_file_info_get_size (info));
          g_autofree char *limit = g_format_size (SAM_JSON_MAX_SIZE);

          g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_TOO_LARGE,
                       _("“%s” is too large to be a session (%s; the limit is %s)"),
                       name, size, limit);
          return FALSE;
        }
    }

  if (local_error == NULL &&
      g_file_load_contents (file, cancellable, &data, &length, NULL, &local_error))
    {
      *contents = g_bytes_new_take (g_steal_pointer (&data), length);
      return TRUE;
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  reason = io_error_reason (local_error, FALSE);
  g_set_error (error, local_error->domain, local_error->code,
               _("Could not open “%s”: %s"), name,
               reason != NULL ? reason : local_error->message);
  return FALSE;
}

static SamSession *
load (GFile         *file,
      GCancellable  *cancellable,
      GBytes       **contents,
      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  SamSession *session;
  gsize length;
  const char *data;

  if (!read_contents (file, cancellable, &bytes, error))
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  session = sam_json_load_data (data, length, error);
  if (session == NULL)
    return NULL;

  if (contents != NULL)
    *contents = g_steal_pointer (&bytes);

  return session;
}

SamSession *
sam_file_load (GFile   *file,
               GBytes **contents,
               GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return load (file, NULL, contents, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->session = load (task_data, cancellable, &result->contents, &error);
  if (result->session == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

void
sam_file_load_async (GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* Types are registered here, not in a race between workers. */
  sam_entities_init ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sam_file_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

SamSession *
sam_file_load_finish (GAsyncResult  *result,
                      GBytes       **contents,
                      GError       **error)
{
  LoadResult *loaded;
  SamSession *session;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sam_file_load_async, NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;

  session = g_steal_pointer (&loaded->session);
  if (contents != NULL)
    *contents = g_steal_pointer (&loaded->contents);
  load_result_free (loaded);

  return session;
}

/* Saving */

typedef struct
{
  GFile  *file;
  GBytes *contents;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->contents, g_bytes_unref);
  g_free (data);
}

/* A document with a broken reference would be written but not open again;
 * the file on disk stays the last good one instead. */
static gboolean
check_savable (SamSession  *session,
               GFile       *file,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  if (sam_session_check_references (session, &local_error))
    return TRUE;

  name = display_name (file);
  g_set_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID,
               _("Could not save “%s”: the session is damaged and could not be opened again: %s"),
               name, local_error->message);
  return FALSE;
}

static GBytes *
serialize (SamSession *session)
{
  gsize length = 0;
  char *text = sam_json_save_data (session, &length);

  return g_bytes_new_take (text, length);
}

static gboolean
write_bytes (GFile   *file,
             GBytes  *bytes,
             GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return sam_file_replace_contents (file, data, length, error);
}

gboolean
sam_file_save (SamSession  *session,
               GFile       *file,
               GBytes     **contents,
               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SAM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_savable (session, file, error))
    return FALSE;

  bytes = serialize (session);
  if (!write_bytes (file, bytes, error))
    return FALSE;

  if (contents != NULL)
    *contents = g_steal_pointer (&bytes);

  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  /* Once the write has begun it runs to the end: a half-done save is what
   * the atomic replace exists to avoid, and it costs no more to finish. */
  if (g_task_return_error_if_cancelled (task))
    return;

  if (!write_bytes (data->file, data->contents, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_bytes_ref (data->contents), (GDestroyNotify) g_bytes_unref);
}

void
sam_file_save_async (SamSession          *session,
                     GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *data;

  g_return_if_fail (SAM_IS_SESSION (session));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, sam_file_save_async);

  if (!check_savable (session, file, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  /* The document as it is now: later edits do not race with the writer. */
  data->contents = serialize (session);

  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
sam_file_save_finish (GAsyncResult  *result,
                      GBytes       **contents,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sam_file_save_async, FALSE);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (bytes == NULL)
    return FALSE;

  if (contents != NULL)
    *contents = g_steal_pointer (&bytes);

  return TRUE;
}
