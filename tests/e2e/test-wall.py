#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The sticky-note wall of the real binary, driven over the accessibility bus
with real keys, and a kill in the middle of the work.

Environment: APP (the binary), DEMO (data/demo.samling), a display and a
session bus (xvfb-run + dbus-run-session). Prints TAP; exits 0 when every step
passed, 1 when one failed, 77 when there is no display or no pyatspi.

  1. Open the demo from the start page, then Alt+5: the Wall view shows the
     demo's wall with an entry for a new note on top of each column.
  2. In the first column's entry, type two notes, each followed by Enter:
     each is listed, and the entry is empty and keeps the focus.
  3. Ctrl+Z takes back the last note; the first stays.
  4. Another note, then kill the app (SIGKILL) right after its Enter.
  5. Start again: the unsaved session is offered; Recover brings it back with
     the notes that were on the wall, and not the one taken back.
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samling_a11y import (  # noqa: E402  (after the path is set)
    App, StepFailed, click, diag, dump, finish, header_shows, ok, require,
    text_of, walk, wait)

import pyatspi  # noqa: E402

DEMO = os.environ['DEMO']
NOTES = [
    'Invite the youth council to plan the next meeting',
    'Ask the schools and the clubs: who is missing, and why?',
    'Bjud in fritidsledarna till hösten',
]
ALT_L = 64       # the X key codes of the left Alt and Control keys
CONTROL_L = 37
RETURN = 0xff0d


def shows(root, text):
    for acc in walk(root):
        try:
            if acc.getRoleName() in ('label', 'text') and text_of(acc) == text:
                return True
        except Exception:
            continue
    return False


def with_key(modifier, keysym):
    """Presses @keysym with @modifier held, as fingers do."""
    pyatspi.Registry.generateKeyboardEvent(modifier, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    pyatspi.Registry.generateKeyboardEvent(modifier, None, pyatspi.KEY_RELEASE)


def choose_tab(tab):
    try:
        click(tab)
        return
    except Exception:
        pass
    tab.parent.querySelection().selectChild(tab.getIndexInParent())


def note_entry(app, column):
    """The entry that takes a new note in @column: named after the column,
    as a screen reader announces it, and empty. (The column's heading,
    which is renamed in place, is text named after the column too, but it
    holds the title.)"""
    def look():
        found = []
        for acc in walk(app.root):
            try:
                if (acc.getRoleName() == 'text' and column in (acc.name or '')
                        and text_of(acc) == ''):
                    found.append(acc)
            except Exception:
                continue
        found.sort(key=lambda acc: 'note' not in acc.name.lower())
        return found[0] if found else None
    return wait(look)


def wall_tab_selected(app):
    for acc in walk(app.root):
        try:
            if acc.getRoleName() == 'page tab' and acc.name == 'Wall':
                return acc.getState().contains(pyatspi.STATE_SELECTED)
        except Exception:
            continue
    return False


def focused(acc):
    return acc.getState().contains(pyatspi.STATE_FOCUSED)


def open_wall(app, column):
    """Alt+5, as the view switcher's underlined "_Wall" says; the tab when
    the shortcut did nothing."""
    with_key(ALT_L, ord('5'))
    if not ok(wait(lambda: wall_tab_selected(app), timeout=8), 'Alt+5 opens the Wall view'):
        choose_tab(require(app.find(role='page tab', name='Wall'), 'the view switcher offers "Wall"'))
    entry = require(note_entry(app, column), f'the first column has an entry for a new note in "{column}"')
    diag(f'the entry is named {entry.name!r}')
    return entry


def focus(entry):
    """Clicks into @entry unless the view gave it the focus already."""
    if wait(lambda: focused(entry), timeout=2):
        ok(True, 'the first column\'s entry has the keyboard focus')
        return
    extents = entry.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(extents.x + extents.width // 2,
                                        extents.y + extents.height // 2, 'b1c')
    require(wait(lambda: focused(entry)), 'a click puts the keyboard focus in the entry')


def add_note(app, entry, note):
    pyatspi.Registry.generateKeyboardEvent(0, note, pyatspi.KEY_STRING)
    require(wait(lambda: text_of(entry) == note), f'the entry reads "{note}" as typed')
    pyatspi.Registry.generateKeyboardEvent(RETURN, None, pyatspi.KEY_SYM)
    require(wait(lambda: shows(app.root, note) and text_of(entry) != note),
            f'Enter lists "{note}"')
    require(wait(lambda: text_of(entry) == ''), 'the entry is empty again')
    require(wait(lambda: focused(entry)), 'the entry keeps the keyboard focus')


def main():
    with open(DEMO, encoding='utf-8') as f:
        demo = json.load(f)
    column = demo['walls'][0]['columns'][0]['title']

    home = tempfile.mkdtemp(prefix='samling-e2e-wall-')
    apps = []
    try:
        # 1. The demo, then the Wall view.
        app = App(home)
        apps.append(app)
        click(require(app.find(role='push button', name='Open Demo Session'),
                      'the start page offers "Open Demo Session"'))
        require(header_shows(app, demo['title']), 'the demo opens')
        entry = open_wall(app, column)
        require(wait(lambda: shows(app.root, demo['walls'][0]['columns'][0]['notes'][0]['text'])),
                'the demo\'s notes are on the wall')
        focus(entry)

        # 2. Two notes, typed with real keys and entered.
        add_note(app, entry, NOTES[0])
        add_note(app, entry, NOTES[1])

        # 3. Ctrl+Z, with the focus still in the entry.
        with_key(CONTROL_L, ord('z'))
        require(wait(lambda: not shows(app.root, NOTES[1])), 'Ctrl+Z takes back the last note')
        ok(shows(app.root, NOTES[0]), 'the first note stays')
        ok(text_of(entry) == '', 'the entry stays empty')

        # 4. One more note, then killed right after its Enter.
        require(wait(lambda: focused(entry)), 'the entry still has the keyboard focus')
        add_note(app, entry, NOTES[2])
        app.kill()
        ok(True, 'the app was killed with SIGKILL right after the last note')

        # 5. Recovered, with what was on the wall.
        app = App(home)
        apps.append(app)
        click(require(app.find(role='push button', name='Recover'),
                      'the next start offers the unsaved session for recovery'))
        require(header_shows(app, demo['title']), 'Recover opens the session')
        open_wall(app, column)
        for note in (NOTES[0], NOTES[2]):
            require(wait(lambda: shows(app.root, note)), f'"{note}" is still on the wall')
        ok(not shows(app.root, NOTES[1]), f'"{NOTES[1]}", taken back, stays away')
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
