/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "sam-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SamApplication) app = NULL;
  const char *localedir;

  /* Run from the build tree (build-aux/run.sh), the translations are there
   * rather than in the installed place. */
  localedir = g_getenv ("SAMLING_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  /* Samling draws text that changes once a second, not animations: GTK's
   * cairo renderer does that for a fraction of the work of its GL one, above
   * all on a machine whose GL is done in software (a running countdown with
   * the stage open: 0.4 % of a core against 22 % measured under llvmpipe).
   * GSK_RENDERER still chooses another. */
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_setenv ("GSK_RENDERER", "cairo", FALSE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Samling"));

  app = sam_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
