/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SamApplication      SamApplication;
typedef struct _SamWindow           SamWindow;
typedef struct _SamStartPage        SamStartPage;
typedef struct _SamSessionPage      SamSessionPage;
typedef struct _SamPropertiesWindow SamPropertiesWindow;
typedef struct _SamAgendaPage       SamAgendaPage;
typedef struct _SamTimerPanel       SamTimerPanel;
typedef struct _SamStageView        SamStageView;
typedef struct _SamStageWindow      SamStageWindow;
typedef struct _SamMapView          SamMapView;
typedef struct _SamMapPage          SamMapPage;
typedef struct _SamVoicesPage       SamVoicesPage;
typedef struct _SamPromptsPane      SamPromptsPane;
typedef struct _SamWallPage         SamWallPage;
typedef struct _SamPerspectiveChart SamPerspectiveChart;
typedef struct _SamRosterWindow     SamRosterWindow;

G_END_DECLS
