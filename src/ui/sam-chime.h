/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The chime at zero: a short bell (about a second) played through GTK's
 * media support, unless the "chime" setting is off. Where there is no
 * media backend or no audio device it stays silent: no dialog, no warning.
 */

/* Plays the chime once (unless switched off). Returns at once. */
void     sam_chime_play        (void);
/* Whether the chime is switched on (the "chime" setting; on when the
 * settings are not available). */
gboolean sam_chime_get_enabled (void);
/* Whether a chime is sounding now: from sam_chime_play() until it ends,
 * fails, or has had its time. */
gboolean sam_chime_is_playing  (void);

G_END_DECLS
