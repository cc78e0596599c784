/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sam-application.h"
#include "sam-window.h"

G_BEGIN_DECLS

/*
 * What the UI tests share: a private environment, waiting on the main loop,
 * finding widgets as a person would see them, windows with a session, and
 * screenshots for a person to look at.
 */

#define UI_TEST_DEMO_URI "resource://" RESOURCE_PREFIX "/demo.samling"

/* The application of the test program (registered, not run), and its
 * temporary folder, which holds every file it writes. */
extern SamApplication *ui_test_app;
extern char           *ui_test_tmp_dir;

/* Makes a temporary folder the user's data, config and cache, uses memory
 * settings, then g_test_init() and gtk_init_check(). FALSE when there is no
 * display: the test program should then exit with 77 (skipped). */
gboolean   ui_test_init             (int         *argc,
                                     char      ***argv);
/* Puts a damaged session library in a folder of its own, which a test's
 * subprocess gets as its data folder (see ui_test_init). */
void       ui_test_prepare_damaged_library (void);
/* Creates ui_test_app (after ui_test_init and any set-up of one's own). */
void       ui_test_create_app       (void);
/* Runs the tests, destroys the windows and the app, removes the folder. */
int        ui_test_run              (void);

typedef gboolean (*UiTestCondition) (gpointer data);
typedef gboolean (*UiTestMatch)     (GtkWidget *widget, gconstpointer data);

/* Iterates the main loop until @condition holds; FALSE after 20 s. */
gboolean   ui_test_wait_for         (UiTestCondition  condition,
                                     gpointer         data);
/* Lets the main loop run for a while: layout, animations, idle work. */
void       ui_test_run_for          (guint            milliseconds);

GtkWidget *ui_test_find_widget      (GtkWidget       *root,
                                     UiTestMatch      match,
                                     gconstpointer    data);
void       ui_test_collect_widgets  (GtkWidget       *root,
                                     UiTestMatch      match,
                                     gconstpointer    data,
                                     GPtrArray       *found);
/* Matches: of GType GPOINTER_TO_SIZE (data); mapped with CSS class @data;
 * a mapped button whose label (or label child) reads @data, mnemonic
 * included; a mapped AdwPreferencesRow titled @data; a mapped GtkLabel
 * whose text is @data. */
gboolean   ui_test_is_type          (GtkWidget *widget, gconstpointer data);
gboolean   ui_test_has_css_class    (GtkWidget *widget, gconstpointer data);
gboolean   ui_test_is_button_labelled (GtkWidget *widget, gconstpointer data);
gboolean   ui_test_is_row_titled    (GtkWidget *widget, gconstpointer data);
gboolean   ui_test_is_label_reading (GtkWidget *widget, gconstpointer data);

/* Conditions: @data is a widget that is mapped and has a size; @data
 * points to a (weak) pointer that has become NULL. */
gboolean   ui_test_is_mapped        (gpointer         data);
gboolean   ui_test_is_gone          (gpointer         data);

/* The first visible toplevel of @type that is transient for @parent (or
 * any, if NULL). */
GtkWindow *ui_test_find_toplevel    (GType            type,
                                     GtkWindow       *parent);

/* A new fake clock at 13:00 local time on 2023-12-18, the day and start of
 * the demo session, made the app's clock (transfer full). */
SamClock  *ui_test_use_demo_clock   (void);

/* Condition: the widget of @data (a UiTestSize) has that size. */
typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
} UiTestSize;
gboolean   ui_test_has_size         (gpointer         data);

/* A new, shown window whose own size is @width × @height. */
SamWindow *ui_test_new_window       (int              width,
                                     int              height);
/* A new window (as above) showing the bundled demo session. */
SamWindow *ui_test_open_demo        (int              width,
                                     int              height);
/* A new window showing a new, empty session. */
SamWindow *ui_test_open_new         (int              width,
                                     int              height);
/* Waits for page transitions to end and the layout to follow. */
void       ui_test_settle           (SamWindow       *window);
/* Closes @window as a person would, discarding unsaved changes. */
void       ui_test_close_window     (SamWindow       *window);

/* The message dialog of @window with @heading (any, if NULL), once shown. */
AdwMessageDialog *ui_test_wait_for_dialog (SamWindow        *window,
                                           const char       *heading);
/* Clicks the button of @response, as a person would. */
void       ui_test_respond          (AdwMessageDialog *dialog,
                                     const char       *response);

/* Renders @widget as it is on screen to <builddir>/screenshots/@name. */
void       ui_test_save_screenshot  (GtkWidget       *widget,
                                     const char      *name);

G_END_DECLS
