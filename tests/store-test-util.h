/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

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
/* A connection of its own to the database at @path, as another program
 * would open it; running @sql on it (failing the test on an error); the
 * integer that a query of one row and column gives. */
sqlite3  *other_connection  (const char    *path);
void      exec_ok           (sqlite3       *db,
                             const char    *sql);
int       query_int         (sqlite3       *db,
                             const char    *sql);
/* Removes @path and everything below it. */
void      rm_rf             (const char    *path);

G_END_DECLS
