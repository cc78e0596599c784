#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The note-taker's Voices view of the real binary, driven over the
accessibility bus and the keyboard, and a kill in the middle of the work.

Environment: APP (the binary), DEMO (data/demo.samling), a display and a
session bus (xvfb-run + dbus-run-session). Prints TAP; exits 0 when every step
passed, 1 when one failed, 77 when there is no display or no pyatspi.

  1. Open the demo from the start page, then the Voices view: the entry for
     what is said has the focus.
  2. Type three voices, each followed by Enter: each shows in the list.
  3. Kill the app (SIGKILL) right after the last Enter.
  4. Start again: the unsaved session is offered; Recover brings it back with
     all three voices.
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samling_a11y import (  # noqa: E402  (after the path is set)
    App, StepFailed, click, diag, dump, find, finish, header_shows, ok,
    require, text_of, walk, wait)

import pyatspi  # noqa: E402

DEMO = os.environ['DEMO']
VOICES = [
    'Vi behöver en gemensam ingång för unga som mår dåligt',
    'Skolan ser signalerna först – men vet inte vart de ska vända sig',
    'Låt unga själva vara med & bestämma <på riktigt>',
]


def choose_tab(tab):
    try:
        click(tab)
        return
    except Exception:
        pass
    tabs = tab.parent
    tabs.querySelection().selectChild(tab.getIndexInParent())


def shows(root, text):
    for acc in walk(root):
        try:
            if acc.getRoleName() in ('label', 'text') and text_of(acc) == text:
                return True
        except Exception:
            continue
    return False


def open_voices(app):
    tab = require(app.find(role='page tab', name='Dialogues'), 'the view switcher offers "Dialogues"')
    choose_tab(tab)
    return require(app.find(role='text', name='What Is Said'), 'the Voices view has the entry for what is said')


def main():
    with open(DEMO, encoding='utf-8') as f:
        demo_title = json.load(f)['title']

    home = tempfile.mkdtemp(prefix='samling-e2e-voices-')
    apps = []
    try:
        # 1. The demo, then the Voices view.
        app = App(home)
        apps.append(app)
        click(require(app.find(role='push button', name='Open Demo Session'),
                      'the start page offers "Open Demo Session"'))
        require(header_shows(app, demo_title), 'the demo opens')
        entry = open_voices(app)
        require(wait(lambda: entry.getState().contains(pyatspi.STATE_FOCUSED)),
                'the entry has the keyboard focus')

        # 2. Three voices, typed and entered.
        for voice in VOICES:
            entry.queryEditableText().setTextContents(voice)
            pyatspi.Registry.generateKeyboardEvent(0xff0d, None, pyatspi.KEY_SYM)
            require(wait(lambda: shows(app.root, voice)), f'the list shows "{voice}"')
            require(wait(lambda: text_of(entry) == ''), 'the entry is empty again')

        # 3. Killed right after the last Enter.
        app.kill()
        ok(True, 'the app was killed with SIGKILL right after the last voice')

        # 4. Recovered, with every voice.
        app = App(home)
        apps.append(app)
        recover = require(app.find(role='push button', name='Recover'),
                          'the next start offers the unsaved session for recovery')
        click(recover)
        require(header_shows(app, demo_title), 'Recover opens the session')
        open_voices(app)
        for voice in VOICES:
            require(wait(lambda: shows(app.root, voice)), f'"{voice}" is still there')
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
