#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The participant map of the real binary, driven over the accessibility bus
and with the mouse and the keys, as a facilitator would.

Environment: APP (the binary), DEMO (data/demo.samling), a display and a
session bus (xvfb-run + dbus-run-session). Prints TAP; exits 0 when every step
passed, 1 when one failed, 77 when there is no display or no pyatspi.

  1. `samling --demo`, then the Map view from the view switcher: the map
     says how many balloons there are and where.
  2. Choose the third perspective for new balloons with its button.
  3. Click the map: a balloon more, counted below the map.
  4. Delete removes it; Undo brings it back.
  5. The Participants list opens and shows the demo's participants.
"""

import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samling_a11y import (  # noqa: E402  (after the path is set)
    App, StepFailed, click, diag, dump, find, finish, header_shows,
    require, text_of, walk, wait)

import pyatspi  # noqa: E402

DEMO = os.environ['DEMO']
COUNT = re.compile(r'^(\d+) balloons?: ')


def choose_tab(tab):
    try:
        click(tab)
        return
    except Exception:
        pass
    tabs = tab.parent
    tabs.querySelection().selectChild(tab.getIndexInParent())


def balloons_below_map(app):
    """The number the label below the map gives."""
    for acc in walk(app.root):
        try:
            if acc.getRoleName() != 'label':
                continue
            match = COUNT.match(text_of(acc))
            if match:
                return int(match.group(1))
        except Exception:
            continue
    return None


def key(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def main():
    with open(DEMO, encoding='utf-8') as f:
        demo = json.load(f)
    title = demo['title']
    n_demo = len(demo['balloons'])
    third = demo['perspectives'][2]['name']
    participant = demo['participants'][0]['name']

    home = tempfile.mkdtemp(prefix='samling-e2e-map-')
    app = None
    try:
        # 1. The demo, then the Map view.
        app = App(home, '--demo')
        require(header_shows(app, title), 'samling --demo opens the demo session')
        view = require(app.find(role='page tab', name='Map'), 'the view switcher offers "Map"')
        choose_tab(view)
        the_map = require(app.find(name='Participant map'), 'the Map view shows the participant map')
        require(wait(lambda: (the_map.description or '').startswith(f'{n_demo} balloons')),
                f'the map tells how many balloons are on it ({the_map.description!r})')
        require(wait(lambda: balloons_below_map(app) == n_demo),
                f'the label below the map counts {n_demo} balloons by place')

        # 2. The perspective of new balloons.
        # GTK 4.8 shows a toggle button as a push button that is pressed.
        toggle = require(app.find(role='push button', name=third),
                         f'the toolbar has a button for the perspective "{third}"')
        click(toggle)

        def chosen():
            state = toggle.getState()
            return state.contains(pyatspi.STATE_PRESSED) or state.contains(pyatspi.STATE_CHECKED)
        require(wait(chosen), f'"{third}" is now the perspective of new balloons')

        # 3. A click on the map places a balloon.
        extents = the_map.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        diag(f'map at {extents.x},{extents.y} {extents.width}×{extents.height}')
        x = extents.x + extents.width // 2
        y = extents.y + extents.height // 2
        pyatspi.Registry.generateMouseEvent(x, y, 'b1c')
        require(wait(lambda: balloons_below_map(app) == n_demo + 1),
                'a click on the map places a balloon: the count below the map goes up')
        require(wait(lambda: third in (the_map.description or '')),
                f'the map says the selected balloon is "{third}" ({the_map.description!r})')

        # 4. Delete, then undo.
        key(0xffff)  # Delete
        require(wait(lambda: balloons_below_map(app) == n_demo), 'Delete removes the selected balloon')
        click(require(app.find(role='push button', name='Undo'), 'the header bar has "Undo"'))
        require(wait(lambda: balloons_below_map(app) == n_demo + 1), 'Undo brings it back')

        # 5. The participants.
        show = require(app.find(role='push button', name='List'),
                       'the board has a button for the participant list')
        click(show)
        roster = require(wait(lambda: find(app.root, role='frame', name='Participants')),
                         'a window named "Participants" opens')
        require(wait(lambda: find(roster, text=participant) or find(roster, name=participant)),
                f'it lists the demo\'s participants ("{participant}")')
    except StepFailed as error:
        diag(f'stopped at: {error}')
        if app is not None and app.process.poll() is None:
            try:
                dump(app.root)
            except Exception:
                pass
    finally:
        if app is not None:
            app.stop()
        shutil.rmtree(home, ignore_errors=True)

    return finish()


if __name__ == '__main__':
    sys.exit(main())
