/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-window.h"

G_BEGIN_DECLS

struct _SamWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  GtkWidget            *open_button;
  GtkWidget            *save_button;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkWidget            *menu_button;
  GtkRevealer          *journal_revealer;
  GtkLabel             *journal_label;
  AdwToastOverlay      *toast_overlay;
  AdwToast             *undo_toast;      /* weak: the last toast with Undo */
  GtkStack             *stack;
  SamStartPage         *start_page;
  SamSessionPage       *session_page;
  AdwViewStack         *views;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  /* The agenda view is made the first time it is shown (NULL until then):
   * a start page or a session's overview does not wait for it. */
  GtkBox               *agenda_view;
  SamAgendaPage        *agenda_page;
  SamTimerPanel        *timer_panel;
  /* The map view, made the first time it is shown (NULL until then). */
  AdwBin               *map_view;
  SamMapPage           *map_page;
  /* The voices view, made the first time it is shown (NULL until then). */
  AdwBin               *voices_view;
  SamVoicesPage        *voices_page;
  SamPromptsPane       *prompts_pane;
  /* The wall view, made the first time it is shown (NULL until then). */
  AdwBin               *wall_view;
  SamWallPage          *wall_page;

  /* The open session, its file (NULL: never saved) and its journal (NULL:
   * no store). */
  SamSession           *session;
  GFile                *file;
  SamJournal           *journal;
  /* Runs the session's agenda; the stage and the panels follow it. */
  SamTimer             *timer;
  /* The stage window and its state (sam-window-stage.c). */
  struct _SamWindowStage *stage;
  GSignalGroup         *session_signals;
  GSignalGroup         *history_signals;
  GSignalGroup         *journal_signals;

  GCancellable         *cancellable;
  GtkWindow            *properties_window;   /* weak */
  GtkFileChooserNative *chooser;

  /* Saving: edits committed while a save was under way are not in the file. */
  GTask                *running_save;        /* weak */
  guint                 commits_during_save;
  guint                 saving : 1;

  /* Closing: the running close request, and whether it may go ahead. Once
   * closed (or disposed) the window only waits for a save to report. */
  GTask                *close_task;
  guint                 close_confirmed : 1;
  guint                 disposed : 1;
  guint                 store_error_checked : 1;
};

/* sam-window.c */
void     _sam_window_set_session      (SamWindow  *self,
                                       SamSession *session,
                                       GFile      *file,
                                       SamJournal *journal);
void     _sam_window_set_file         (SamWindow  *self,
                                       GFile      *file);
void     _sam_window_update_actions   (SamWindow  *self);
void     _sam_window_update_title     (SamWindow  *self);
SamJournal *_sam_window_create_journal (SamWindow  *self,
                                        SamSession *session,
                                        GFile      *file,
                                        GBytes     *base);
char    *_sam_window_dup_display_name (GFile      *file);
void     _sam_window_remember         (SamWindow  *self);
void     _sam_window_remember_folder  (SamWindow  *self,
                                       GFile      *file);
void     _sam_window_add_filters      (SamWindow      *self,
                                       GtkFileChooser *chooser);

/* sam-window-stage.c: the "win.timer-*" and "win.stage-*" actions, the
 * stage window and the chime. */
void     _sam_window_class_init_stage (GtkWidgetClass *widget_class);
/* Called once the window has its session and timer. */
void     _sam_window_stage_setup      (SamWindow      *self);
/* Enables the actions that apply to the timer's state. */
void     _sam_window_stage_update     (SamWindow      *self);
/* Blanks and freezes the stage views as the stage is (after the miniature
 * was made). */
void     _sam_window_stage_apply_views (SamWindow     *self);
/* Closes the stage window; called when the control window goes. */
void     _sam_window_stage_dispose    (SamWindow      *self);

/* sam-window-actions.c */
void     _sam_window_class_init_actions (GtkWidgetClass *widget_class);
void     _sam_window_save_async       (SamWindow           *self,
                                       gboolean             choose_file,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean _sam_window_save_finish      (SamWindow           *self,
                                       GAsyncResult        *result,
                                       GError             **error);
gboolean _sam_window_close_request    (SamWindow           *self);

G_END_DECLS
