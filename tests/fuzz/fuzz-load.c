/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for the session loader: any bytes must give a session or
 * a GError, never a crash, a leak or undefined behaviour. A session that
 * loads must also save, load again and save to the same bytes.
 *
 * Build and run (what build-aux/fuzz.sh does):
 *
 *   CC=clang meson setup _build-fuzz -Dfuzzing=true -Dgui=disabled \
 *     -Db_sanitize=address,undefined -Db_lundef=false
 *   ninja -C _build-fuzz tests/fuzz/fuzz-load
 *   mkdir -p /tmp/corpus && cp -R tests/fuzz/corpus/. /tmp/corpus/
 *   G_SLICE=always-malloc _build-fuzz/tests/fuzz/fuzz-load \
 *     -dict=tests/fuzz/fuzz.dict -max_total_time=30 -timeout=10 /tmp/corpus
 *
 * The fuzzer adds what it finds to the corpus folder it is given; work on a
 * copy so that the seeds in tests/fuzz/corpus/ stay small.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sam-json.h"
#include "sam-session.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sam_entities_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SamSession) session = NULL;
  g_autoptr(SamSession) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length, second_length;

  session = sam_json_load_data ((const char *) data, size, &error);
  if (session == NULL)
    {
      /* Every refusal says why. */
      if (error == NULL || error->domain != SAM_JSON_ERROR || error->message[0] == '\0')
        abort ();
      return 0;
    }

  first = sam_json_save_data (session, &first_length);
  again = sam_json_load_data (first, first_length, &error);
  if (again == NULL)
    {
      g_printerr ("A saved session does not load: %s\n", error->message);
      abort ();
    }

  second = sam_json_save_data (again, &second_length);
  if (first_length != second_length || memcmp (first, second, first_length) != 0 ||
      !sam_item_equal (SAM_ITEM (session), SAM_ITEM (again)))
    {
      g_printerr ("Saving, loading and saving again changed the session\n");
      abort ();
    }

  return 0;
}
