/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sam-file.h"
#include "sam-json.h"
#include "sam-session.h"

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("samling-test-file-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "session.samling", NULL);
  f->file = g_file_new_for_path (f->path);
}

static void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_clear_object (&f->file);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->dir, g_free);
}

/* A session with a little of everything, @n_notes notes on its wall. */
static SamSession *
make_session (const char *title,
              guint       n_notes)
{
  SamSession *s = sam_session_new ();
  g_autoptr(SamItem) wall = sam_item_new (SAM_TYPE_WALL, NULL);
  g_autoptr(SamItem) column = sam_item_new (SAM_TYPE_COLUMN, NULL);
  g_autoptr(SamItem) prompt = sam_item_new (SAM_TYPE_PROMPT, NULL);
  g_autoptr(SamItem) voice = sam_item_new (SAM_TYPE_VOICE, NULL);

  sam_session_set (s, s, "title", title, "place", "Ronneby", NULL);
  sam_session_insert (s, s, "prompts", 0, prompt);
  sam_session_set (s, prompt, "text", "Vad tar du med dig?", NULL);
  sam_session_insert (s, s, "voices", 0, voice);
  sam_session_set (s, voice, "text", "Mod att prova", "prompt", sam_item_get_id (prompt),
                   "time", G_GINT64_CONSTANT (1702904400000000), NULL);
  sam_session_insert (s, s, "walls", 0, wall);
  sam_session_set (s, wall, "title", "Frågor", NULL);
  sam_session_insert (s, wall, "columns", 0, column);
  sam_session_set (s, column, "title", "Förslag", NULL);

  for (guint i = 0; i < n_notes; i++)
    {
      g_autoptr(SamItem) note = sam_item_new (SAM_TYPE_NOTE, NULL);
      g_autofree char *text = g_strdup_printf ("Lapp nummer %u", i + 1);

      sam_session_insert (s, column, "notes", G_MAXUINT, note);
      sam_session_set (s, note, "text", text, "votes", (int) (i % 5), NULL);
    }

  return s;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

/* Only @expected is in @dir: nothing half-written was left behind. */
static void
assert_only_file (const char *dir,
                  const char *expected)
{
  g_autoptr(GError) error = NULL;
  GDir *d = g_dir_open (dir, 0, &error);
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (g_strcmp0 (name, expected) != 0)
        g_error ("Unexpected file “%s” left in the folder", name);
      n++;
    }
  g_dir_close (d);

  g_assert_cmpuint (n, ==, expected != NULL ? 1 : 0);
}

static void
test_save_load (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SamSession) session = make_session ("Samling ett", 20);
  g_autoptr(SamSession) loaded = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (sam_file_save (session, f->file, &written, &error));
  g_assert_no_error (error);

  on_disk = read_file (f->path);
  g_assert_true (g_bytes_equal (written, on_disk));
  assert_only_file (f->dir, "session.samling");

  /* Readable by others, like any document. */
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  loaded = sam_file_load (f->file, &read, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (g_bytes_equal (read, on_disk));
  g_assert_true (sam_item_equal (SAM_ITEM (session), SAM_ITEM (loaded)));
  g_assert_false (sam_session_get_dirty (loaded));
}

static void
test_overwrite (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SamSession) first = make_session ("Första", 3);
  g_autoptr(SamSession) second = make_session ("Andra", 200);
  g_autoptr(SamSession) third = make_session ("Tredje", 1);
  g_autoptr(SamSession) loaded = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_file_save (first, f->file, NULL, &error));
  g_assert_true (sam_file_save (second, f->file, NULL, &error));
  /* Shorter than what it replaces: no tail of the old file remains. */
  g_assert_true (sam_file_save (third, f->file, &written, &error));
  g_assert_no_error (error);

  on_disk = read_file (f->path);
  g_assert_true (g_bytes_equal (written, on_disk));
  assert_only_file (f->dir, "session.samling");

  loaded = sam_file_load (f->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_session_get_title (loaded), ==, "Tredje");
}

/* Saves @failing over the file holding @old_bytes, which must fail and leave
 * the old file as it was. */
static void
assert_save_fails_keeping (Fixture    *f,
                           GFile      *file,
                           const char *old_path,
                           GBytes     *old_bytes,
                           int         code,
                           const char *reason)
{
  g_autoptr(SamSession) failing = make_session ("Ny version", 500);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);

  g_assert_false (sam_file_save (failing, file, &written, &error));
  g_assert_null (written);
  if (code >= 0)
    g_assert_error (error, G_IO_ERROR, code);
  else
    g_assert_nonnull (error);

  /* It says what failed, on which file, and why. */
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not save “"));
  g_assert_nonnull (strstr (error->message, basename));
  if (reason != NULL)
    g_assert_nonnull (strstr (error->message, reason));

  if (old_path != NULL)
    {
      after = read_file (old_path);
      g_assert_true (g_bytes_equal (old_bytes, after));
    }
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SamSession) old = make_session ("Sparad", 5);
  g_autoptr(GBytes) old_bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      /* Root writes anywhere; the disk-full and not-a-folder tests cover
       * failed saves there. */
      g_test_skip ("Permissions do not apply to root");
      return;
    }

  g_assert_true (sam_file_save (old, f->file, &old_bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);

  assert_save_fails_keeping (f, f->file, f->path, old_bytes,
                             G_IO_ERROR_PERMISSION_DENIED, "read-only");

  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  assert_only_file (f->dir, "session.samling");
}

static void
test_not_a_folder (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SamSession) old = make_session ("Sparad", 5);
  g_autoptr(GBytes) old_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *inside = g_build_filename (f->path, "inne.samling", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (inside);

  g_assert_true (sam_file_save (old, f->file, &old_bytes, &error));
  g_assert_no_error (error);

  /* The parent of the new file is the old file. */
  assert_save_fails_keeping (f, file, f->path, old_bytes,
                             G_IO_ERROR_NOT_DIRECTORY, "not a folder");
  assert_only_file (f->dir, "session.samling");
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "borta", "x.samling", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  assert_save_fails_keeping (f, file, NULL, NULL, G_IO_ERROR_NOT_FOUND, "does not exist");
  assert_only_file (f->dir, NULL);
}

static void
test_proc (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/proc/samling-test.samling");

  if (!g_file_test ("/proc/self", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("No /proc here");
      return;
    }

  /* A file system that takes no new files, even from root. */
  assert_save_fails_keeping (f, file, NULL, NULL, -1, NULL);
}

/* In a child process: a file size limit makes the write fail half-way, as a
 * full disk would; this works for root too. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(SamSession) old = make_session ("Sparad", 5);
      g_autoptr(GBytes) old_bytes = NULL;
      g_autoptr(GError) error = NULL;
      struct rlimit limit;

      g_assert_true (sam_file_save (old, f->file, &old_bytes, &error));
      g_assert_no_error (error);

      signal (SIGXFSZ, SIG_IGN);
      limit.rlim_cur = limit.rlim_max = g_bytes_get_size (old_bytes) + 4096;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      assert_save_fails_keeping (f, f->file, f->path, old_bytes, -1, NULL);
      assert_only_file (f->dir, "session.samling");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_non_native (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_uri ("resource:///io/github/samling/Samling/x.samling");

  assert_save_fails_keeping (f, file, NULL, NULL, G_IO_ERROR_NOT_SUPPORTED, "x.samling");
}

static void
test_load_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSession) session = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
  g_autofree char *big = g_build_filename (f->dir, "stor.samling", NULL);
  g_autoptr(GFile) big_file = g_file_new_for_path (big);
  int fd;

  /* Missing */
  session = sam_file_load (f->file, &contents, &error);
  g_assert_null (session);
  g_assert_null (contents);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "session.samling"));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  /* A folder */
  session = sam_file_load (dir, NULL, &error);
  g_assert_null (session);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* Broken content keeps the loader's error. */
  g_assert_true (g_file_set_contents (f->path, "{\"format\": \"samling\",", -1, NULL));
  session = sam_file_load (f->file, NULL, &error);
  g_assert_null (session);
  g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_NOT_JSON);
  g_assert_true (g_str_has_prefix (error->message, "Line 1, column 22"));
  g_clear_error (&error);

  /* Too large, refused from its size alone (a sparse file). */
  fd = g_open (big, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, SAM_JSON_MAX_SIZE + 1), ==, 0);
  close (fd);
  session = sam_file_load (big_file, NULL, &error);
  g_assert_null (session);
  g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "stor.samling"));
}

/* Async */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Waiter;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

static GAsyncResult *
wait_for (Waiter *waiter)
{
  g_main_loop_run (waiter->loop);
  return waiter->result;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SamSession) session = make_session ("Asynkron", 50);
  g_autoptr(SamSession) loaded = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GAsyncResult) save_result = NULL;
  g_autoptr(GAsyncResult) load_result = NULL;
  g_autofree char *expected = NULL;
  gsize expected_length;
  Waiter waiter = { loop, NULL };

  expected = sam_json_save_data (session, &expected_length);

  sam_file_save_async (session, f->file, NULL, done_cb, &waiter);
  /* What is saved is the document as it was when the save began. */
  sam_session_set (session, session, "title", "Ändrad under sparningen", NULL);
  save_result = wait_for (&waiter);
  g_assert_true (sam_file_save_finish (save_result, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                   expected, expected_length);
  on_disk = read_file (f->path);
  g_assert_true (g_bytes_equal (written, on_disk));

  waiter.result = NULL;
  sam_file_load_async (f->file, NULL, done_cb, &waiter);
  load_result = wait_for (&waiter);
  loaded = sam_file_load_finish (load_result, &read, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_session_get_title (loaded), ==, "Asynkron");
  g_assert_true (g_bytes_equal (read, on_disk));
}

static void
test_async_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SamSession) session = make_session ("Asynkron", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GAsyncResult) save_result = NULL;
  g_autoptr(GAsyncResult) load_result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *inside = g_build_filename (f->path, "inne.samling", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (inside);
  g_autoptr(GBytes) contents = NULL;
  Waiter waiter = { loop, NULL };

  g_assert_true (g_file_set_contents (f->path, "inte json", -1, NULL));

  sam_file_save_async (session, bad, NULL, done_cb, &waiter);
  save_result = wait_for (&waiter);
  g_assert_false (sam_file_save_finish (save_result, &contents, &error));
  g_assert_null (contents);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);

  waiter.result = NULL;
  sam_file_load_async (f->file, NULL, done_cb, &waiter);
  load_result = wait_for (&waiter);
  g_assert_null (sam_file_load_finish (load_result, &contents, &error));
  g_assert_null (contents);
  g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_NOT_JSON);
  g_clear_error (&error);

  waiter.result = NULL;
  g_cancellable_cancel (cancellable);
  sam_file_load_async (f->file, cancellable, done_cb, &waiter);
  cancelled_result = wait_for (&waiter);
  g_assert_null (sam_file_load_finish (cancelled_result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A private file stays private: saving keeps the permissions it had. */
static void
test_keeps_mode (Fixture       *f,
                 gconstpointer  data)
{
  const int modes[] = { 0600, 0640, 0444 };
  g_autoptr(SamSession) session = make_session ("Privat", 3);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  /* The usual mask, under which a new file is readable by all. */
  mode_t old_mask = umask (022);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_assert_true (sam_file_save (session, f->file, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_chmod (f->path, modes[i]), ==, 0);

      g_assert_true (sam_file_save (session, f->file, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (f->path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, modes[i]);
      assert_only_file (f->dir, "session.samling");
    }

  /* A new file is a document like any other. */
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_true (sam_file_save (session, f->file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  umask (old_mask);
}

/* Removes the session's prompt behind the edit API's back (as a damaged
 * journal could), leaving its voice referring to nothing. */
static void
break_reference (SamSession *session)
{
  g_autoptr(SamItem) prompt = g_list_model_get_item (G_LIST_MODEL (sam_session_get_prompts (session)), 0);
  g_autofree char *op = g_strdup_printf ("{\"op\":\"remove\",\"id\":\"%s\"}", sam_item_get_id (prompt));
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_session_apply_op (session, op, &error));
  g_assert_no_error (error);
  g_assert_false (sam_session_check_references (session, NULL));
}

static void
assert_broken_reference_error (const GError *error)
{
  g_assert_error (error, SAM_JSON_ERROR, SAM_JSON_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not save “session.samling”"));
  g_assert_nonnull (strstr (error->message, "voices[0].prompt"));
}

/* A document the loader would refuse is not written: the file on disk
 * stays the last one that loads. */
static void
test_broken_reference (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SamSession) session = make_session ("Trasig", 3);
  g_autoptr(GBytes) old_bytes = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { loop, NULL };

  g_assert_true (sam_file_save (session, f->file, &old_bytes, &error));
  g_assert_no_error (error);

  break_reference (session);

  g_assert_false (sam_file_save (session, f->file, &written, &error));
  g_assert_null (written);
  assert_broken_reference_error (error);
  g_clear_error (&error);

  sam_file_save_async (session, f->file, NULL, done_cb, &waiter);
  result = wait_for (&waiter);
  g_assert_false (sam_file_save_finish (result, &written, &error));
  g_assert_null (written);
  assert_broken_reference_error (error);

  after = read_file (f->path);
  g_assert_true (g_bytes_equal (old_bytes, after));
  assert_only_file (f->dir, "session.samling");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sam_entities_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sam/file/save-load", test_save_load);
  ADD ("/sam/file/overwrite", test_overwrite);
  ADD ("/sam/file/fail/read-only-folder", test_read_only_folder);
  ADD ("/sam/file/fail/not-a-folder", test_not_a_folder);
  ADD ("/sam/file/fail/missing-folder", test_missing_folder);
  ADD ("/sam/file/fail/proc", test_proc);
  ADD ("/sam/file/fail/disk-full", test_disk_full);
  ADD ("/sam/file/fail/non-native", test_non_native);
  ADD ("/sam/file/keeps-mode", test_keeps_mode);
  ADD ("/sam/file/fail/broken-reference", test_broken_reference);
  ADD ("/sam/file/load-errors", test_load_errors);
  ADD ("/sam/file/async", test_async);
  ADD ("/sam/file/async-errors", test_async_errors);

#undef ADD

  return g_test_run ();
}
