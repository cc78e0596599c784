/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * launchmeter: how long a graphical program takes to show its first frame.
 *
 *   launchmeter [--idle SECONDS] [--timeout SECONDS] [--] COMMAND [ARG...]
 *
 * Runs COMMAND on the current X display and prints one line:
 *
 *   map_ms=N frame_ms=N rss_kib=N peak_rss_kib=N
 *
 * map_ms    from the start of COMMAND to the first top-level window being
 *           mapped;
 * frame_ms  to the first time that window shows a picture, that is when a
 *           damage event leaves it with more than one colour (the server's
 *           plain background fill at map time does not count);
 * rss_kib   the resident memory of COMMAND after it has been idle for
 *           --idle seconds (default 3) after its first frame, and
 *           peak_rss_kib the most it ever had.
 *
 * COMMAND is then asked to quit (SIGTERM, SIGKILL after five seconds).
 * Without a window manager, top-level windows are children of the root
 * window, which is how it runs under Xvfb.
 *
 * Exit status: 0 measured, 1 COMMAND exited or timed out before its first
 * frame, 2 usage or display error.
 */

#define _GNU_SOURCE

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_WINDOWS 128
#define MIN_SIDE 16   /* smaller windows are helpers, not the app's window */
#define SAMPLE_STEP 7 /* look at every 7th pixel in each direction */

typedef struct
{
  Window window;
  Damage damage;
  bool mapped;
} Tracked;

static Tracked tracked[MAX_WINDOWS];
static int n_tracked;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Windows come and go while we look at them (GTK creates and destroys
 * helper windows at start-up): a request on a window that no longer
 * exists, or on an input-only one, is expected and harmless. */
static int
ignore_x_error_cb (Display     *display,
                   XErrorEvent *event)
{
  return 0;
}

static Tracked *
find_tracked (Window window)
{
  for (int i = 0; i < n_tracked; i++)
    if (tracked[i].window == window)
      return &tracked[i];
  return NULL;
}

static void
track_window (Display *display,
              Window   window)
{
  if (n_tracked == MAX_WINDOWS || find_tracked (window) != NULL)
    return;

  tracked[n_tracked].window = window;
  tracked[n_tracked].damage = XDamageCreate (display, window,
                                             XDamageReportNonEmpty);
  tracked[n_tracked].mapped = false;
  n_tracked++;
}

/* True when the window's contents are more than one flat colour. */
static bool
window_shows_picture (Display *display,
                      Window   window)
{
  XWindowAttributes attrs;
  XImage *image;
  unsigned long first;
  bool varied = false;

  if (!XGetWindowAttributes (display, window, &attrs)
      || attrs.map_state != IsViewable)
    return false;

  image = XGetImage (display, window, 0, 0, attrs.width, attrs.height,
                     AllPlanes, ZPixmap);
  if (image == NULL)
    return false;

  first = XGetPixel (image, 0, 0);
  for (int y = 0; y < attrs.height && !varied; y += SAMPLE_STEP)
    for (int x = 0; x < attrs.width; x += SAMPLE_STEP)
      if (XGetPixel (image, x, y) != first)
        {
          varied = true;
          break;
        }

  XDestroyImage (image);
  return varied;
}

static long
status_kib (pid_t       pid,
            const char *key)
{
  char path[64];
  char line[256];
  size_t key_len = strlen (key);
  long value = -1;
  FILE *file;

  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  file = fopen (path, "r");
  if (file == NULL)
    return -1;

  while (fgets (line, sizeof line, file) != NULL)
    if (strncmp (line, key, key_len) == 0 && line[key_len] == ':')
      {
        value = strtol (line + key_len + 1, NULL, 10);
        break;
      }

  fclose (file);
  return value;
}

/* Asks the whole process group to quit, then insists. */
static void
stop_command (pid_t pid)
{
  kill (-pid, SIGTERM);
  for (int i = 0; i < 50; i++)
    {
      if (waitpid (pid, NULL, WNOHANG) != 0)
        {
          kill (-pid, SIGKILL);
          return;
        }
      usleep (100 * 1000);
    }
  kill (-pid, SIGKILL);
  waitpid (pid, NULL, 0);
}

static void
usage (const char *name)
{
  fprintf (stderr,
           "usage: %s [--idle SECONDS] [--timeout SECONDS] [--] COMMAND [ARG...]\n",
           name);
}

static bool
parse_seconds (const char *text,
               double     *out)
{
  char *end;
  double value;

  errno = 0;
  value = strtod (text, &end);
  if (errno != 0 || end == text || *end != '\0' || value < 0 || value > 3600)
    return false;
  *out = value;
  return true;
}

int
main (int   argc,
      char *argv[])
{
  double idle_s = 3;
  double timeout_s = 30;
  Display *display;
  Window root;
  int damage_event_base;
  int damage_error_base;
  int fd;
  int arg = 1;
  pid_t pid;
  double start;
  double map_ms = -1;
  double frame_ms = -1;
  int exit_status = -1;
  long rss;
  long peak;

  for (; arg < argc; arg++)
    {
      if (strcmp (argv[arg], "--") == 0)
        {
          arg++;
          break;
        }
      else if (strcmp (argv[arg], "--idle") == 0 && arg + 1 < argc)
        {
          if (!parse_seconds (argv[++arg], &idle_s))
            {
              usage (argv[0]);
              return 2;
            }
        }
      else if (strcmp (argv[arg], "--timeout") == 0 && arg + 1 < argc)
        {
          if (!parse_seconds (argv[++arg], &timeout_s))
            {
              usage (argv[0]);
              return 2;
            }
        }
      else if (argv[arg][0] == '-')
        {
          usage (argv[0]);
          return 2;
        }
      else
        break;
    }

  if (arg >= argc)
    {
      usage (argv[0]);
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "launchmeter: cannot open the X display\n");
      return 2;
    }
  if (!XDamageQueryExtension (display, &damage_event_base, &damage_error_base))
    {
      fprintf (stderr, "launchmeter: the X server has no DAMAGE extension\n");
      return 2;
    }
  XSetErrorHandler (ignore_x_error_cb);

  root = DefaultRootWindow (display);
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("launchmeter: fork");
      return 2;
    }
  if (pid == 0)
    {
      /* A group of its own, so that stopping it reaches its children. */
      setpgid (0, 0);
      close (ConnectionNumber (display));
      execvp (argv[arg], argv + arg);
      fprintf (stderr, "launchmeter: cannot run %s: %s\n",
               argv[arg], strerror (errno));
      _exit (127);
    }
  setpgid (pid, pid);

  fd = ConnectionNumber (display);
  while (frame_ms < 0)
    {
      XEvent event;
      int wstatus;
      double received;

      if (now_ms () - start > timeout_s * 1e3)
        break;
      if (waitpid (pid, &wstatus, WNOHANG) == pid)
        {
          exit_status = WIFEXITED (wstatus) ? WEXITSTATUS (wstatus)
                                            : 128 + WTERMSIG (wstatus);
          break;
        }

      if (XPending (display) == 0)
        {
          struct pollfd pfd = { fd, POLLIN, 0 };

          poll (&pfd, 1, 50);
          if (XPending (display) == 0)
            continue;
        }

      XNextEvent (display, &event);
      received = now_ms () - start;

      if (event.type == CreateNotify && event.xcreatewindow.parent == root)
        {
          track_window (display, event.xcreatewindow.window);
        }
      else if (event.type == MapNotify && event.xmap.event == root
               && !event.xmap.override_redirect)
        {
          Tracked *t = find_tracked (event.xmap.window);
          XWindowAttributes attrs;

          if (t != NULL
              && XGetWindowAttributes (display, t->window, &attrs)
              && attrs.width >= MIN_SIDE && attrs.height >= MIN_SIDE)
            {
              t->mapped = true;
              if (map_ms < 0)
                map_ms = received;
            }
        }
      else if (event.type == damage_event_base + XDamageNotify)
        {
          XDamageNotifyEvent *dev = (XDamageNotifyEvent *) &event;
          Tracked *t = find_tracked (dev->drawable);

          /* Clear the damage first, so the next drawing reports again. */
          XDamageSubtract (display, dev->damage, None, None);
          if (t != NULL && t->mapped && window_shows_picture (display, t->window))
            frame_ms = received;
        }
    }

  if (frame_ms < 0)
    {
      if (exit_status >= 0)
        fprintf (stderr, "launchmeter: %s exited with status %d before its first frame\n",
                 argv[arg], exit_status);
      else
        {
          fprintf (stderr, "launchmeter: no frame from %s within %.0f s\n",
                   argv[arg], timeout_s);
          stop_command (pid);
        }
      return 1;
    }

  usleep ((useconds_t) (idle_s * 1e6));
  rss = status_kib (pid, "VmRSS");
  peak = status_kib (pid, "VmHWM");
  stop_command (pid);

  printf ("map_ms=%.0f frame_ms=%.0f rss_kib=%ld peak_rss_kib=%ld\n",
          map_ms, frame_ms, rss, peak);
  XCloseDisplay (display);
  return 0;
}
