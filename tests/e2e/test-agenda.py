#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The agenda, its timer and the stage of the real binary, driven over the
accessibility bus as a facilitator would.

Environment: APP (the binary), DEMO (data/demo.samling), a display and a
session bus (xvfb-run + dbus-run-session). Prints TAP; exits 0 when every step
passed, 1 when one failed, 77 when there is no display or no pyatspi.

  1. `samling --demo`, then the Agenda view from the view switcher.
  2. Add an item with the agenda's button and name it in the item's Title
     field: the list shows it.
  3. Start the timer from the panel: the countdown runs and says so; Pause
     says "Paused"; Resume runs again.
  4. Next Item: the panel shows the second item; +5 min adds time.
  5. Show the stage: a window named Stage appears and shows the current item
     and its countdown; Blank empties it.
  6. Skip Item: the list marks the item as skipped.
"""

import json
import os
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samling_a11y import (  # noqa: E402  (after the path is set)
    App, StepFailed, click, diag, dump, find, finish, header_shows, ok,
    require, text_of, walk, wait)

DEMO = os.environ['DEMO']
COUNTDOWN = re.compile(r'^\+?(\d+:)?\d{1,2}:\d\d$')


def seconds(text):
    """The seconds a countdown text ("9:59", "1:02:03", "+0:05") shows."""
    value = 0
    for part in text.lstrip('+').split(':'):
        value = value * 60 + int(part)
    return value


def labels(root):
    """The texts of every label below @root."""
    found = []
    for acc in walk(root):
        try:
            if acc.getRoleName() in ('label', 'heading'):
                found.append(text_of(acc))
        except Exception:
            continue
    return found


def panel(app):
    """The timer panel: the part of the window around its "Stage preview"."""
    def look():
        preview = find(app.root, name='Stage preview')
        if preview is None:
            return None
        node = preview
        for _ in range(12):
            node = node.parent
            if node is None:
                return None
            if (find(node, role='push button', name='Next Item') is not None and
                    any(text.startswith('Item ') for text in labels(node))):
                return node
        return None
    return wait(look)


def countdown(container):
    for text in labels(container):
        if COUNTDOWN.match(text):
            return text
    return None


def button(app, *names, root=None):
    """The first button named one of @names (push or toggle)."""
    def look():
        for name in names:
            for role in ('push button', 'toggle button'):
                hit = find(root or app.root, role=role, name=name)
                if hit is not None:
                    return hit
        return None
    return wait(look)


def choose_tab(tab):
    """Selects a page tab as a click would: by its action, or through the
    tab list's selection."""
    try:
        click(tab)
        return
    except Exception:
        pass
    tabs = tab.parent
    tabs.querySelection().selectChild(tab.getIndexInParent())


def press_enter():
    import pyatspi
    pyatspi.Registry.generateKeyboardEvent(0xff0d, None, pyatspi.KEY_SYM)


def main():
    with open(DEMO, encoding='utf-8') as f:
        demo = json.load(f)
    title = demo['title']
    agenda = [item['title'] for item in demo['agenda']]

    home = tempfile.mkdtemp(prefix='samling-e2e-agenda-')
    app = None
    try:
        # 1. The demo, then the Agenda view.
        app = App(home, '--demo')
        require(header_shows(app, title), 'samling --demo opens the demo session')
        view = require(app.find(role='page tab', name='Agenda'), 'the view switcher offers "Agenda"')
        choose_tab(view)
        console = require(panel(app), 'the Agenda view shows the timer panel with its stage preview')

        # 2. An item added and named through the agenda's own controls.
        add = require(button(app, 'Add Item'), 'the agenda has an "Add Item" button')
        click(add)
        entry = require(app.find(role='text', name='Title'), 'the new item\'s Title field is there')
        require(wait(lambda: text_of(entry) != '' and find(app.root, role='label', text=text_of(entry))),
                'the new item is in the list under its default title')
        entry.queryEditableText().setTextContents('Fika och mingel')
        # Adding put the keyboard focus in the field: Enter applies it.
        press_enter()
        require(wait(lambda: find(app.root, role='label', text='Fika och mingel')),
                'the list shows the title typed into the Title field')

        # 3. Start, pause, resume from the panel.
        start = require(button(app, 'Start', 'Start the Item', root=console),
                        'the panel has a Start button')
        click(start)
        require(wait(lambda: 'Running' in labels(console)), 'the panel says "Running"')
        first = require(wait(lambda: countdown(console)), 'the panel shows a countdown')
        diag(f'countdown after start: {first}')
        require(seconds(first) <= demo['agenda'][0]['duration'], 'it counts down from the item\'s length')
        time.sleep(2.2)
        later = countdown(console)
        require(later is not None and seconds(later) < seconds(first),
                f'two seconds later it shows less time ({first} → {later})')

        pause = require(button(app, 'Pause', 'Pause the Countdown', root=console), 'Start became Pause')
        click(pause)
        require(wait(lambda: 'Paused' in labels(console)), 'the panel says "Paused"')
        held = countdown(console)
        time.sleep(1.5)
        require(countdown(console) == held, f'the countdown holds while paused ({held})')
        resume = require(button(app, 'Resume', 'Resume the Countdown', root=console), 'Pause became Resume')
        click(resume)
        require(wait(lambda: 'Running' in labels(console)), 'Resume runs the countdown again')

        # 4. Next item, and five minutes more.
        click(require(button(app, 'Next Item', root=console), 'the panel has "Next Item"'))
        # The added item went after the selected one: the second item is
        # either it or the demo's second.
        added = 'Fika och mingel'
        second = require(wait(lambda: next((t for t in (added, agenda[1]) if t in labels(console)), None)),
                         'the panel shows the agenda\'s second item')
        third = (agenda[1],) if second == added else (added, agenda[2])
        before = seconds(wait(lambda: countdown(console)))
        click(require(button(app, 'Add 5 Minutes', '+5 min', root=console), 'the panel has "+5 min"'))
        require(wait(lambda: countdown(console) and seconds(countdown(console)) >= before + 290),
                '+5 min adds five minutes to the countdown')

        # 5. The stage.
        show = require(button(app, 'Show Stage', 'Show the Stage', root=console), 'the panel can show the stage')
        click(show)
        stage = require(wait(lambda: find(app.root, role='frame', name='Stage')),
                        'a window named "Stage" opens')

        def stage_says(text):
            for acc in walk(stage):
                try:
                    if text in (acc.description or '') or text in (acc.name or ''):
                        return True
                except Exception:
                    continue
            return False
        require(wait(lambda: stage_says(second)), 'the stage shows the current item\'s title')
        require(wait(lambda: any(COUNTDOWN.match(word) for acc in walk(stage)
                                 for word in re.split(r'[\s,.]+', acc.description or ''))),
                'the stage shows the countdown')
        blank = require(button(app, 'Blank', 'Blank the Stage', root=console), 'the panel can blank the stage')
        click(blank)
        require(wait(lambda: not stage_says(second)), 'Blank empties the stage')
        click(blank)
        require(wait(lambda: stage_says(second)), 'unblanked, the stage shows the item again')

        # 6. Skip.
        click(require(button(app, 'Skip Item', root=console), 'the panel has "Skip Item"'))
        require(wait(lambda: any(t in labels(console) for t in third)), 'Skip moves on to the third item')
        require(wait(lambda: any('Skipped' in text for text in labels(app.root))),
                'the agenda marks the second item as skipped')
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
