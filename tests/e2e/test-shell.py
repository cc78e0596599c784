#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real Samling binary, driven over the accessibility bus as a person would.

Environment: APP (the binary), DEMO (data/demo.samling), a display and a
session bus (xvfb-run + dbus-run-session). Prints TAP; exits 0 when every step
passed, 1 when one failed, 77 when there is no display or no pyatspi.

  0. `samling --demo` opens the demo.
  1. Open the demo from the start page; its title shows in the header bar.
  2. Change the title in Session Properties; the header bar follows.
  3. Kill the app (SIGKILL) after the edit; on the next start the start page
     offers the unsaved session; Recover brings the edit back.
  4. Open a copy of the demo from the command line, edit it, press Save: the
     file on disk has the edit.
"""

import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samling_a11y import (  # noqa: E402  (after the path is set)
    App, StepFailed, click, diag, dump, find, finish, header_label, header_shows,
    ok, require, text_of, wait)

DEMO = os.environ['DEMO']


def set_title_in_properties(app, new_title):
    button = require(app.find(role='push button', name='Edit Properties…'),
                     'the session page has an "Edit Properties…" button')
    click(button)
    window = require(wait(lambda: find(app.root, role='frame', name='Session Properties')),
                     'Session Properties opens')
    entry = wait(lambda: find(window, role='text', name='Title'))
    if entry is None:
        dump(window)
    require(entry, 'the properties have a text field named "Title"')
    entry.queryEditableText().setTextContents(new_title)
    require(wait(lambda: text_of(entry) == new_title), 'the title field takes the new text')
    # Closing the window applies what was typed (Enter would too; GTK 4.8
    # cannot move the focus over the accessibility bus).
    actions = window.queryAction()
    names = [actions.getName(i) for i in range(actions.nActions)]
    require('window.close' in names, 'the properties window can be closed')
    actions.doAction(names.index('window.close'))
    require(wait(lambda: find(app.root, role='frame', name='Session Properties') is None),
            'the properties window closes')


def main():
    with open(DEMO, encoding='utf-8') as f:
        demo = json.load(f)
    demo_title = demo.get('title') or demo.get('session', {}).get('title')
    print('# demo title:', demo_title)

    home = tempfile.mkdtemp(prefix='samling-e2e-')
    apps = []
    try:
        # 0. `samling --demo` opens the demo (the README's first command).
        app = App(home, '--demo')
        apps.append(app)
        require(header_shows(app, demo_title), 'samling --demo opens the demo session')
        app.stop()

        # 1. The demo from the start page.
        app = App(home)
        apps.append(app)
        button = require(app.find(role='push button', name='Open Demo Session'),
                         'the start page offers "Open Demo Session"')
        click(button)
        require(header_shows(app, demo_title), f'the demo\'s title "{demo_title}" shows')
        require(app.find(role='label', name='Agenda') or app.find(role='label', text='Agenda'),
                'the session page shows the agenda')

        # 2. The title changed through Session Properties.
        edited = 'Prova på – ändrad i testet'
        set_title_in_properties(app, edited)
        require(header_shows(app, edited), 'the header bar shows the new title')

        # 3. Killed after the edit: the edit is offered for recovery.
        time.sleep(0.2)
        app.kill()
        ok(True, 'the app was killed with SIGKILL after the edit')

        app = App(home)
        apps.append(app)
        require(app.find(role='label', text='Unsaved Work') or app.find(role='label', name='Unsaved Work'),
                'the next start shows "Unsaved Work"')
        require(app.find(role='label', text=edited) or app.find(role='label', text=demo_title),
                'the unsaved session is listed by its title')
        recover = require(app.find(role='push button', name='Recover'), 'it can be recovered')
        click(recover)
        require(header_shows(app, edited), 'Recover brings back the edited title')
        app.stop()

        # 4. A file from the command line, edited and saved with the Save button.
        path = os.path.join(home, 'kopia.samling')
        shutil.copyfile(DEMO, path)
        app = App(home, path)
        apps.append(app)
        require(header_shows(app, demo_title), 'a file named on the command line opens')
        require(header_label(app, 'kopia.samling'), 'the header bar names the file')
        saved_title = 'Sparad från testet'
        set_title_in_properties(app, saved_title)
        require(header_shows(app, saved_title), 'the header bar shows the title to save')
        require(header_label(app, '• kopia.samling'), 'the header bar marks the unsaved change')
        save = require(app.find(role='push button', name='Save'), 'there is a Save button')
        click(save)

        def saved():
            with open(path, encoding='utf-8') as f:
                data = json.load(f)
            return (data.get('title') or data.get('session', {}).get('title')) == saved_title
        require(wait(saved), 'the file on disk has the new title')
        require(header_label(app, 'kopia.samling'), 'the header bar no longer marks changes')
        app.stop()
    except StepFailed as error:
        diag(f'stopped at: {error}')
        for app in apps:
            if app.process.poll() is None:
                try:
                    dump(app.root)
                except Exception:
                    pass
    finally:
        for app in apps:
            app.stop()
        shutil.rmtree(home, ignore_errors=True)

    return finish()


if __name__ == '__main__':
    sys.exit(main())
