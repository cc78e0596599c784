/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/*
 * What the tests of the store share: a store file in a temporary folder of
 * its own for each test, removed afterwards.
 */

typedef struct
{
  char *dir;   /* the test's folder */
  char *path;  /* samling.db in it, not yet created */
} Fixture;

void      fixture_set_up    (Fixture       *f,
                             gconstpointer  data);
void      fixture_tear_down (Fixture       *f,
                             gconstpointer  data);
/* Opens the store at @path, failing the test when it cannot. */
SamStore *open_store        (const char    *path);
/* Removes @path and everything below it. */
void      rm_rf             (const char    *path);

G_END_DECLS
