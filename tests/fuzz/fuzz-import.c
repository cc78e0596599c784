/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for what a facilitator brings from outside besides a
 * session: a map picture (its places, read from SVG, and the check of its
 * kind and size) and a list of participants (CSV). Any bytes must give a
 * result or a GError, never a crash, a leak or undefined behaviour; every
 * message read from the file must be valid UTF-8, as it is shown as is.
 *
 * Built and run next to fuzz-load by build-aux/fuzz.sh, with the built-in
 * map and the CSV test files as seeds.
 */

#include "config.h"

#include <stdint.h>

#include "sam-map.h"
#include "sam-roster.h"
#include "sam-session.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static SamSession *session;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sam_entities_init ();
  session = sam_session_new ();
  return 0;
}

static void
fuzz_places (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMapPlaces) places = sam_map_places_new_from_svg (bytes, &error);

  if (places == NULL)
    {
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return;
    }

  g_assert (sam_map_places_get_aspect (places) > 0);
  for (guint i = 0; i < sam_map_places_get_n_places (places); i++)
    g_assert (g_utf8_validate (sam_map_places_get_name (places, i), -1, NULL));

  /* A grid over the picture and a little beyond it. */
  for (int i = -2; i <= 22; i++)
    for (int j = -2; j <= 22; j++)
      {
        const char *name = sam_map_places_lookup (places, i / 20.0, j / 20.0);

        g_assert (name == NULL || g_utf8_validate (name, -1, NULL));
      }
}

static void
fuzz_roster (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRosterImport) import = sam_roster_import_new (session, bytes, &error);
  const char * const *notes;

  if (import == NULL)
    {
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return;
    }

  for (guint i = 0; i < sam_roster_import_get_n_problems (import); i++)
    g_assert (g_utf8_validate (sam_roster_import_get_problem (import, i)->message, -1, NULL));
  notes = sam_roster_import_get_notes (import);
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    g_assert (g_utf8_validate (notes[i], -1, NULL));
  for (guint i = 0; i < sam_roster_import_get_n_participants (import); i++)
    g_assert (g_utf8_validate (sam_item_get_string (sam_roster_import_get_participant (import, i), "name"), -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;

  fuzz_places (bytes);
  if (sam_map_check_image (bytes, &error) == NULL)
    g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
  fuzz_roster (bytes);

  return 0;
}
