/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gtk/gtk.h>

#include "sam-application.h"
#include "sam-chime.h"
#include "sam-chime-resources.h"

#define CHIME_RESOURCE RESOURCE_PREFIX "/sounds/chime.wav"

/* A stream that neither ends nor fails (an audio sink that hangs) is let
 * go after this long, so that chimes never pile up. */
#define CHIME_MAX_SECONDS 5

/* The chimes sounding now. A stream is kept until it ends, fails or times
 * out; it is let go from an idle callback, never from inside its own
 * signal emission. */
static GPtrArray *playing;

static void
ensure_resource (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      sam_chime_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

gboolean
sam_chime_get_enabled (void)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (SAM_IS_APPLICATION (app))
    settings = sam_application_get_settings (SAM_APPLICATION (app));
  if (settings == NULL)
    return TRUE;

  /* An older installed schema may not know the key yet. */
  g_object_get (settings, "settings-schema", &schema, NULL);
  if (!g_settings_schema_has_key (schema, "chime"))
    return TRUE;

  return g_settings_get_boolean (settings, "chime");
}

gboolean
sam_chime_is_playing (void)
{
  return playing != NULL && playing->len > 0;
}

static gboolean
release_cb (gpointer data)
{
  GtkMediaStream *stream = data;

  g_signal_handlers_disconnect_by_data (stream, playing);
  gtk_media_stream_pause (stream);
  g_ptr_array_remove (playing, stream);

  return G_SOURCE_REMOVE;
}

static void
release_later (GtkMediaStream *stream)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (stream), "sam-chime-timeout"));

  /* Only once, whichever comes first: the end, an error or the timeout. */
  if (id == 0)
    return;
  g_source_remove (id);
  g_object_set_data (G_OBJECT (stream), "sam-chime-timeout", NULL);

  g_idle_add_full (G_PRIORITY_DEFAULT, release_cb, g_object_ref (stream), g_object_unref);
}

static void
stream_notify_cb (GtkMediaStream *stream,
                  GParamSpec     *pspec,
                  gpointer        user_data)
{
  const GError *error = gtk_media_stream_get_error (stream);

  if (error != NULL)
    {
      /* No media backend, no audio device, no decoder: a chime is not
       * worth troubling anyone about. */
      g_debug ("The chime could not be played: %s", error->message);
      release_later (stream);
    }
  else if (gtk_media_stream_get_ended (stream))
    {
      release_later (stream);
    }
}

static gboolean
timeout_cb (gpointer data)
{
  GtkMediaStream *stream = data;

  g_debug ("The chime did not end in time; letting it go");
  g_object_set_data (G_OBJECT (stream), "sam-chime-timeout", NULL);
  g_signal_handlers_disconnect_by_data (stream, playing);
  gtk_media_stream_pause (stream);
  g_ptr_array_remove (playing, stream);

  return G_SOURCE_REMOVE;
}

void
sam_chime_play (void)
{
  GtkMediaStream *stream;
  guint id;

  if (!sam_chime_get_enabled ())
    return;

  ensure_resource ();
  if (playing == NULL)
    playing = g_ptr_array_new_with_free_func (g_object_unref);

  stream = gtk_media_file_new_for_resource (CHIME_RESOURCE);
  g_ptr_array_add (playing, stream);

  g_signal_connect (stream, "notify::error", G_CALLBACK (stream_notify_cb), playing);
  g_signal_connect (stream, "notify::ended", G_CALLBACK (stream_notify_cb), playing);
  id = g_timeout_add_seconds (CHIME_MAX_SECONDS, timeout_cb, stream);
  g_object_set_data (G_OBJECT (stream), "sam-chime-timeout", GUINT_TO_POINTER (id));

  /* The backend may already have failed while opening the file. */
  if (gtk_media_stream_get_error (stream) != NULL)
    {
      stream_notify_cb (stream, NULL, playing);
      return;
    }

  gtk_media_stream_play (stream);
}
