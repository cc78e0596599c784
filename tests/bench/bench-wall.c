/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * bench-wall: whether the sticky-note wall stays smooth with many notes.
 *
 *   bench-wall [--notes N] [--shows N] [--frames N] [--drag-frames N] [--screenshot FILE.png]
 *
 * (under a display, e.g. xvfb-run -s '-screen 0 1920x1080x24'). Builds a
 * session with one wall of six columns and 2,000 notes (a fixed seed:
 * texts of one to five sentences, all six colours, votes on most, a
 * perspective on a third, a few hidden), shows it in a 1920×1080 Samling
 * window and prints the minimum, median, 95th percentile and maximum in
 * milliseconds of:
 *
 *   (a) opening the wall view: from switching to it until its first frame
 *       is painted, and until the first frame whose column lists its notes
 *       (the first time also makes the page; then switching back to it);
 *   (b) the frames while a column scrolls by 40 px a frame (a tick
 *       callback moves its adjustment, as kinetic scrolling does): the
 *       frame clock's before-paint to after-paint, and the time between
 *       painted frames;
 *   (c) the frames while a note is dragged with the pointer across two
 *       columns: XTest presses on a note, moves the pointer a few pixels a
 *       frame and releases it over the third column. Prints whether the
 *       note landed there. Skipped without XTest or X11.
 *
 * The targets: (a) within 200 ms, (b) and (c) a p95 within 16 ms. It
 * renders as the app does: with the cairo renderer unless GSK_RENDERER
 * names another.
 */

#include "config.h"

#include "bench-frames.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#ifdef HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#endif

#include "sam-application.h"
#include "sam-entities.h"
#include "sam-session.h"
#include "sam-wall-page.h"
#include "sam-wall-private.h"
#include "sam-wall.h"
#include "sam-window.h"

#define N_COLUMNS 6
#define SCROLL_STEP 40.0

static int opt_notes = 2000;
static int opt_shows = 10;
static int opt_frames = 300;
static int opt_drag_frames = 240;
static char *opt_screenshot = NULL;

static const GOptionEntry entries[] = {
  { "notes", 'n', 0, G_OPTION_ARG_INT, &opt_notes, "Notes on the wall (default 2000)", "N" },
  { "shows", 's', 0, G_OPTION_ARG_INT, &opt_shows, "Times to open the view (default 10)", "N" },
  { "frames", 'f', 0, G_OPTION_ARG_INT, &opt_frames, "Frames to scroll (default 300)", "N" },
  { "drag-frames", 'd', 0, G_OPTION_ARG_INT, &opt_drag_frames, "Frames to drag a note over (default 240)", "N" },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, &opt_screenshot, "Save the window as a PNG at the end", "FILE" },
  { NULL }
};

static const char * const column_titles[N_COLUMNS] = {
  "Frågor", "Idéer", "Hinder", "Resurser", "Nästa steg", "Parkering",
};

static const char * const sentences[] = {
  "Fler mötesplatser för unga på kvällarna.",
  "Hur når vi dem som aldrig kommer till sådana här träffar?",
  "Skolan och fritidsgården borde dela lokaler.",
  "Gemensam kalender!",
  "Låt ungdomsrådet äga en del av budgeten.",
  "Vi saknar någon från vården i rummet i dag, och det märks när vi pratar om psykisk hälsa.",
  "Testa i liten skala först.",
  "Föreningarna når barn som ingen annan når – ge dem resurser att fortsätta.",
  "Vem ringer man när något inte stämmer?",
  "Kortare beslutsvägar.",
  "En träff i kvartalet med samma personer, så att tilliten hinner växa.",
  "Mät det som spelar roll för de unga själva, inte bara det som är lätt att räkna.",
};

static char *
make_text (GRand *rand)
{
  GString *text = g_string_new (sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))]);
  /* Mostly short notes, some long ones, as people write them. */
  int extra = g_rand_int_range (rand, 0, 10);

  extra = extra < 5 ? 0 : extra < 8 ? 1 : extra < 9 ? 2 : 4;
  for (int i = 0; i < extra; i++)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))]);
    }
  return g_string_free (text, FALSE);
}

static SamSession *
make_session (GRand    *rand,
              SamItem **columns)
{
  SamSession *session = sam_session_new ();
  GListModel *perspectives = G_LIST_MODEL (sam_session_get_perspectives (session));
  guint n_perspectives = g_list_model_get_n_items (perspectives);
  gint64 time = g_get_real_time () - (gint64) opt_notes * 3 * G_USEC_PER_SEC;
  SamItem *wall;

  sam_session_begin (session, "wall");
  wall = sam_wall_add (session, "Hur når vi fler unga?", FALSE);
  for (guint i = 0; i < N_COLUMNS; i++)
    columns[i] = sam_wall_add_column (session, wall, column_titles[i], G_MAXUINT);

  for (int i = 0; i < opt_notes; i++)
    {
      g_autoptr(SamItem) note = sam_item_new (SAM_TYPE_NOTE, NULL);
      g_autoptr(SamItem) perspective = g_list_model_get_item (perspectives,
                                                              g_rand_int_range (rand, 0, n_perspectives));
      g_autofree char *text = make_text (rand);
      int votes = g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_int_range (rand, 1, 25);

      time += g_rand_int_range (rand, 1, 5) * G_USEC_PER_SEC;
      g_object_set (note,
                    "text", text,
                    "color", g_rand_int_range (rand, SAM_NOTE_COLOR_YELLOW, SAM_NOTE_COLOR_PURPLE + 1),
                    "votes", votes,
                    "perspective", i % 3 == 0 ? sam_item_get_id (perspective) : "",
                    "time", time,
                    "hidden", i % 97 == 0,
                    NULL);
      sam_session_insert (session, columns[g_rand_int_range (rand, 0, N_COLUMNS)], "notes", G_MAXUINT, note);
    }
  sam_session_end (session);

  return session;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the column at @index has laid out its notes: its list is taller
 * than the column shows. */
static gboolean
column_is_filled (SamWallPage *page,
                  guint        index)
{
  GtkScrolledWindow *scroller = page != NULL ? sam_wall_page_get_scroller (page, index) : NULL;
  GtkAdjustment *adjustment;

  if (scroller == NULL || !gtk_widget_get_mapped (GTK_WIDGET (scroller)))
    return FALSE;
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 1;
}

/* Paints frames until the first column lists its notes; returns when that
 * frame was painted. */
static gint64
wait_for_notes (BenchClock *clock,
                GtkWidget  *window)
{
  for (guint i = 0; i < 600; i++)
    {
      SamWallPage *page = SAM_WALL_PAGE (find_widget (window, SAM_TYPE_WALL_PAGE));

      if (column_is_filled (page, 0))
        return clock->painted;
      gtk_widget_queue_draw (window);
      bench_wait_for_frame (clock);
    }
  return 0;
}

static gboolean
has_size (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (!gtk_widget_get_mapped (window))
    return FALSE;
  return (gtk_widget_get_width (window) == 1920 && gtk_widget_get_height (window) == 1080) ||
         (gdk_surface_get_width (surface) == 1920 && gdk_surface_get_height (surface) == 1080);
}

/* Presents @window at 1920×1080 of its own, or as near as the screen
 * allows: without a window manager a libadwaita window keeps a border of
 * its own within the screen (its content is then 1910×1070 of 1920×1080). */
static void
present_window (GtkWindow *window)
{
  gint64 end;

  gtk_window_set_default_size (window, 1920, 1080);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) || gtk_widget_get_width (GTK_WIDGET (window)) < 100)
    g_main_context_iteration (NULL, TRUE);
  bench_settle (100);
  if (!has_size (GTK_WIDGET (window)))
    gtk_window_set_default_size (window,
                                 2 * 1920 - gtk_widget_get_width (GTK_WIDGET (window)),
                                 2 * 1080 - gtk_widget_get_height (GTK_WIDGET (window)));
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!has_size (GTK_WIDGET (window)) && g_get_monotonic_time () < end)
    bench_settle (20);
}

static void
switch_view (GtkWidget  *window,
             const char *name)
{
  if (!gtk_widget_activate_action (window, "win.view", "s", name))
    g_error ("The window has no view %s", name);
}

/* (b) Scrolling */

typedef struct
{
  GtkAdjustment *adjustment;
  double         direction;
} Scroll;

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       data)
{
  Scroll *scroll = data;
  double value = gtk_adjustment_get_value (scroll->adjustment);
  double end = gtk_adjustment_get_upper (scroll->adjustment) - gtk_adjustment_get_page_size (scroll->adjustment);

  /* Down to the end and back up, so that rows keep being recycled. */
  if ((scroll->direction > 0 && value >= end) || (scroll->direction < 0 && value <= 0))
    scroll->direction = -scroll->direction;
  gtk_adjustment_set_value (scroll->adjustment, value + scroll->direction * SCROLL_STEP);
  return G_SOURCE_CONTINUE;
}

/* (c) Dragging */

#ifdef HAVE_XTEST
static gboolean
keep_ticking_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       data)
{
  return G_SOURCE_CONTINUE;
}

/* The note @column lost to another column, if one moved. */
static SamItem *
find_moved_note (GPtrArray *before,
                 SamItem   *column)
{
  for (guint i = 0; i < before->len; i++)
    {
      SamItem *note = g_ptr_array_index (before, i);

      if (sam_item_get_parent (note) != column)
        return note;
    }
  return NULL;
}

static GPtrArray *
list_notes (SamItem *column)
{
  GListModel *notes = G_LIST_MODEL (sam_item_get_list (column, "notes"));
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    g_ptr_array_add (array, g_list_model_get_item (notes, i));
  return array;
}

static int
column_index (SamItem **columns,
              SamItem  *column)
{
  for (int i = 0; i < N_COLUMNS; i++)
    if (columns[i] == column)
      return i;
  return -1;
}

/* Where @point of @widget is on the screen. */
static gboolean
screen_point (GtkWidget        *widget,
              graphene_point_t *point,
              int              *x,
              int              *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  graphene_point_t in_native;
  double dx, dy;
  Window child;

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (native), point, &in_native))
    return FALSE;
  gtk_native_get_surface_transform (native, &dx, &dy);
  return XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface),
                                DefaultRootWindow (xdisplay),
                                (int) (in_native.x + dx), (int) (in_native.y + dy), x, y, &child);
}

static const char *
picked_type (GtkWidget *window,
             GtkWidget *widget,
             graphene_point_t *point)
{
  graphene_point_t in_window;
  GtkWidget *picked;

  if (!gtk_widget_compute_point (widget, window, point, &in_window))
    return "nothing";
  picked = gtk_widget_pick (window, in_window.x, in_window.y, GTK_PICK_DEFAULT);
  return picked != NULL ? G_OBJECT_TYPE_NAME (picked) : "nothing";
}

/* Drags the note under the top of column @from to the middle of column
 * @to with the pointer, one step a frame. Returns whether a note landed in
 * column @to. */
static gboolean
drag_note (BenchClock   *clock,
           GtkWidget    *window,
           SamWallPage  *page,
           SamItem     **columns,
           int           from,
           int           to,
           GArray       *paint_ms,
           GArray       *interval_ms,
           char        **report)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  Display *xdisplay;
  GtkWidget *source = GTK_WIDGET (sam_wall_page_get_scroller (page, from));
  GtkWidget *target = GTK_WIDGET (sam_wall_page_get_scroller (page, to));
  g_autoptr(GPtrArray) before = list_notes (columns[from]);
  graphene_point_t start = GRAPHENE_POINT_INIT (gtk_widget_get_width (source) / 2.f, 36.f);
  graphene_point_t end = GRAPHENE_POINT_INIT (gtk_widget_get_width (target) / 2.f,
                                              gtk_widget_get_height (target) * 0.4f);
  int event_base, error_base, major, minor;
  int x0, y0, x1, y1;
  guint tick;
  SamItem *moved;
  int landed;

  if (!GDK_IS_X11_DISPLAY (display))
    {
      *report = g_strdup ("skipped: not an X11 display");
      return FALSE;
    }
  xdisplay = gdk_x11_display_get_xdisplay (display);
  if (!XTestQueryExtension (xdisplay, &event_base, &error_base, &major, &minor))
    {
      *report = g_strdup ("skipped: the X server has no XTest extension");
      return FALSE;
    }
  if (!screen_point (source, &start, &x0, &y0) || !screen_point (target, &end, &x1, &y1))
    {
      *report = g_strdup ("skipped: the columns are not on the screen");
      return FALSE;
    }
  g_print ("dragging from %d,%d (on a %s) to %d,%d\n", x0, y0, picked_type (window, source, &start), x1, y1);

  /* Frames keep coming while the pointer moves, whether or not the window
   * has anything to redraw, so that a stalled main loop shows as a long
   * interval. */
  tick = gtk_widget_add_tick_callback (window, keep_ticking_cb, NULL, NULL);

  XTestFakeMotionEvent (xdisplay, -1, x0, y0, CurrentTime);
  XFlush (xdisplay);
  bench_settle (100);
  bench_wait_for_frame (clock);

  bench_clock_record (clock, paint_ms, interval_ms);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XFlush (xdisplay);
  bench_wait_for_frame (clock);
  for (int i = 1; i <= opt_drag_frames; i++)
    {
      double t = (double) i / opt_drag_frames;
      /* A hand does not move in a straight line. */
      int x = x0 + (int) round ((x1 - x0) * t);
      int y = y0 + (int) round ((y1 - y0) * t + 24 * sin (t * G_PI * 3));

      XTestFakeMotionEvent (xdisplay, -1, x, y, CurrentTime);
      XFlush (xdisplay);
      bench_wait_for_frame (clock);
    }
  /* A moment over the place, as a hand aims, then let go. */
  for (int i = 0; i < 6; i++)
    bench_wait_for_frame (clock);
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XFlush (xdisplay);
  for (int i = 0; i < 6; i++)
    bench_wait_for_frame (clock);
  bench_clock_record (clock, NULL, NULL);
  gtk_widget_remove_tick_callback (window, tick);
  bench_settle (500);

  /* Where the worst hitch was: taking the note up, carrying it or
   * dropping it. */
  if (interval_ms->len > 0)
    {
      guint worst = 0;

      for (guint i = 1; i < interval_ms->len; i++)
        if (g_array_index (interval_ms, double, i) > g_array_index (interval_ms, double, worst))
          worst = i;
      g_print ("dragging: the longest interval, %.1f ms, came %u frames after the press (of %u, released at %u)\n",
               g_array_index (interval_ms, double, worst), worst + 1, interval_ms->len + 1,
               (guint) opt_drag_frames + 7);
    }

  moved = find_moved_note (before, columns[from]);
  landed = moved != NULL ? column_index (columns, sam_item_get_parent (moved)) : -1;
  if (moved == NULL)
    *report = g_strdup_printf ("no note left column %d", from + 1);
  else
    *report = g_strdup_printf ("the note landed in column %d (target %d): %s", landed + 1, to + 1,
                               landed == to ? "yes" : "NO");
  return landed == to;
}
#endif

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
summary (const char *measure,
         GArray     *ms,
         double      target)
{
  double p95;

  if (ms->len == 0)
    {
      g_print ("%s: not measured\n", measure);
      return;
    }
  p95 = bench_percentile (ms, 0.95);
  g_print ("%s: p95 %.1f ms, median %.1f ms (target %.0f ms) %s\n", measure, p95,
           bench_percentile (ms, 0.5), target, p95 <= target ? "OK" : "OVER");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  g_autoptr(SamSession) session = NULL;
  g_autoptr(SamApplication) app = NULL;
  g_autoptr(GArray) show_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filled_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scroll_paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scroll_interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drag_paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drag_interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *tmp_dir = NULL;
  g_autofree char *drag_report = NULL;
  SamItem *columns[N_COLUMNS];
  GtkWidget *window;
  SamWallPage *page = NULL;
  GdkFrameClock *frame_clock;
  BenchClock clock = { 0 };
  double first_show = 0, first_filled = 0;
  gboolean landed = FALSE;

  /* The app's own default (src/main.c). */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  opt_notes = CLAMP (opt_notes, N_COLUMNS * 20, 1000000);
  opt_shows = CLAMP (opt_shows, 1, 1000);
  opt_frames = CLAMP (opt_frames, 10, 100000);
  opt_drag_frames = CLAMP (opt_drag_frames, 20, 100000);

  /* The window keeps a recovery journal of the session: in a folder of its
   * own, not among the person's sessions. */
  tmp_dir = g_dir_make_tmp ("samling-bench-wall-XXXXXX", &error);
  if (tmp_dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("bench-wall needs a display (run it under xvfb-run)\n");
      remove_tree (tmp_dir);
      return 77;
    }
  adw_init ();

  session = make_session (rand, columns);

  app = sam_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  window = GTK_WIDGET (sam_application_create_window (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  sam_window_show_new_session (SAM_WINDOW (window), session);
  present_window (GTK_WINDOW (window));

  frame_clock = gtk_widget_get_frame_clock (window);
  bench_clock_attach (&clock, frame_clock);
  gtk_widget_queue_draw (window);
  bench_wait_for_frame (&clock);
  bench_settle (500);

  /* (a) Opening the view: the first time makes the page, loads its
   * template and styles; then it is switched back to. */
  for (int i = 0; i < opt_shows; i++)
    {
      gint64 start, filled;

      if (i > 0)
        {
          switch_view (window, "overview");
          bench_wait_for_frame (&clock);
          bench_settle (200);
        }
      start = g_get_monotonic_time ();
      switch_view (window, "wall");
      bench_wait_for_frame (&clock);
      filled = wait_for_notes (&clock, window);
      if (i == 0)
        {
          first_show = (clock.painted - start) / 1000.0;
          first_filled = filled != 0 ? (filled - start) / 1000.0 : 0;
        }
      else
        {
          bench_append_ms (show_ms, start, clock.painted);
          if (filled != 0)
            bench_append_ms (filled_ms, start, filled);
        }
      /* The first time counts too, for the target. */
      bench_append_ms (open_ms, start, filled != 0 ? filled : clock.painted);
      if (filled == 0)
        g_printerr ("The first column did not list its notes\n");
    }
  page = SAM_WALL_PAGE (find_widget (window, SAM_TYPE_WALL_PAGE));
  if (page == NULL)
    g_error ("The wall view shows no wall page");
  if (sam_wall_page_get_wall (page) == NULL)
    g_error ("The wall page shows no wall");
  /* What a list keeps alive decides what opening costs. */
  g_print ("note rows alive after opening: %u\n", sam_wall_column_count_row_widgets ());
  bench_settle (500);

  /* (b) A column scrolled, 40 px a frame. */
  {
    GtkScrolledWindow *scroller = sam_wall_page_get_scroller (page, 1);
    Scroll scroll = { gtk_scrolled_window_get_vadjustment (scroller), 1 };
    guint tick;

    tick = gtk_widget_add_tick_callback (GTK_WIDGET (scroller), scroll_tick_cb, &scroll, NULL);
    bench_wait_for_frame (&clock);
    bench_clock_record (&clock, scroll_paint_ms, scroll_interval_ms);
    while ((int) scroll_paint_ms->len < opt_frames)
      bench_wait_for_frame (&clock);
    bench_clock_record (&clock, NULL, NULL);
    gtk_widget_remove_tick_callback (GTK_WIDGET (scroller), tick);
    gtk_adjustment_set_value (scroll.adjustment, 0);
    bench_settle (300);
  }

  /* (c) A note dragged from the first column to the third. */
#ifdef HAVE_XTEST
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (sam_wall_page_get_scroller (page, 0)), 0);
  bench_settle (300);
  landed = drag_note (&clock, window, page, columns, 0, 2, drag_paint_ms, drag_interval_ms, &drag_report);
#else
  drag_report = g_strdup ("skipped: built without XTest (libxtst-dev)");
#endif

  if (opt_screenshot != NULL)
    bench_save_screenshot (window, opt_screenshot);

  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

    g_print ("Wall view with %d notes in %d columns, window %d×%d (content %d×%d), %s renderer:\n",
             opt_notes, N_COLUMNS,
             gdk_surface_get_width (surface), gdk_surface_get_height (surface),
             gtk_widget_get_width (window), gtk_widget_get_height (window), g_getenv ("GSK_RENDERER"));
  }
  bench_print_header ();
  g_print ("  %-44s %7.2f\n", "(a) open to first frame, first time", first_show);
  g_print ("  %-44s %7.2f\n", "    open to notes listed, first time", first_filled);
  bench_print_row ("    open to first frame, again", show_ms);
  bench_print_row ("    open to notes listed, again", filled_ms);
  bench_print_row ("(b) scrolling: before to after paint", scroll_paint_ms);
  bench_print_row ("    scrolling: between painted frames", scroll_interval_ms);
  bench_print_row ("(c) dragging: before to after paint", drag_paint_ms);
  bench_print_row ("    dragging: between painted frames", drag_interval_ms);
  g_print ("(c) %s\n", drag_report);

  summary ("(a) opening the wall view (to notes listed)", open_ms, 200);
  summary ("(b) scrolling a column, frame paint", scroll_paint_ms, 16);
  summary ("(c) dragging a note, frame paint", drag_paint_ms, 16);
  if (drag_paint_ms->len > 0)
    g_print ("(c) note dropped in the target column: %s\n", landed ? "yes" : "no");

  g_signal_handlers_disconnect_by_data (frame_clock, &clock);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  remove_tree (tmp_dir);
  g_free (opt_screenshot);

  return 0;
}
