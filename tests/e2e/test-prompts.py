#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A facilitator's prompt in the real binary, driven over the accessibility
bus and the keyboard: written, run, and the voices that follow land on it.

Environment: APP (the binary), DEMO (data/demo.samling), a display and a
session bus (xvfb-run + dbus-run-session). Prints TAP; exits 0 when every step
passed, 1 when one failed, 77 when there is no display or no pyatspi.

  1. Open the demo from the start page, then the Dialogues view.
  2. Add Prompt → New Prompt…: type the question in the editor and press
     Ctrl+Enter: the editor closes and the prompt is listed.
  3. Form Groups: the three pairs of the six people present are listed.
  4. Run Now: the pane says the prompt is running as the first item.
  5. Ctrl+Shift+V, a voice and Enter: it is listed under the new prompt.
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
QUESTION = 'Who else should be in the room next time, and why?'
VOICE = 'Unga själva – och fritidsgårdarna'
CONTROL_L = 37   # the X key codes of the left Control and Shift keys
SHIFT_L = 50
RETURN = 0xff0d


def shows(root, text, roles=('label', 'text')):
    for acc in walk(root):
        try:
            if acc.getRoleName() in roles and text_of(acc) == text:
                return acc
        except Exception:
            continue
    return None


def choose_tab(tab):
    try:
        click(tab)
        return
    except Exception:
        pass
    tab.parent.querySelection().selectChild(tab.getIndexInParent())


def press(acc):
    """Clicks @acc, or the first thing inside it that can be clicked (a menu
    button is a box around its toggle button)."""
    for candidate in walk(acc):
        try:
            click(candidate)
            return
        except Exception:
            continue
    raise StepFailed(f'nothing to click in {acc.name!r}')


def count_group_rows(app):
    """The rows under the Groups list, read from its accessible children."""
    groups = app.find(role='list', name='Groups')
    if groups is None:
        return 0
    return sum(1 for i in range(groups.childCount)
               if groups.getChildAtIndex(i).getRoleName() in ('list item', 'row'))


def main():
    with open(DEMO, encoding='utf-8') as f:
        demo = json.load(f)
    present = sum(1 for p in demo['participants'] if p.get('present'))

    home = tempfile.mkdtemp(prefix='samling-e2e-prompts-')
    app = None
    try:
        # 1. The demo, then the Dialogues view.
        app = App(home)
        click(require(app.find(role='push button', name='Open Demo Session'),
                      'the start page offers "Open Demo Session"'))
        require(header_shows(app, demo['title']), 'the demo opens')
        choose_tab(require(app.find(role='page tab', name='Dialogues'),
                           'the view switcher offers "Dialogues"'))

        # 2. A new prompt, typed and added with Ctrl+Enter.
        press(require(app.find(name='Add Prompt'), 'the Prompts pane has "Add Prompt"'))
        click(require(app.find(role='menu item', name='New Prompt…'),
                      'its menu offers "New Prompt…"'))
        question = require(app.find(role='text', name='Question'),
                           'the prompt editor opens with a field for the question')
        require(wait(lambda: question.getState().contains(pyatspi.STATE_FOCUSED)),
                'the question has the keyboard focus')
        pyatspi.Registry.generateKeyboardEvent(0, QUESTION, pyatspi.KEY_STRING)
        require(wait(lambda: text_of(question) == QUESTION), 'the question reads as typed')
        pyatspi.Registry.generateKeyboardEvent(CONTROL_L, None, pyatspi.KEY_PRESS)
        pyatspi.Registry.generateKeyboardEvent(RETURN, None, pyatspi.KEY_SYM)
        pyatspi.Registry.generateKeyboardEvent(CONTROL_L, None, pyatspi.KEY_RELEASE)
        require(wait(lambda: shows(app.root, QUESTION, roles=('label',)) is not None),
                'Ctrl+Enter adds the prompt to the list')
        require(wait(lambda: shows(app.root, QUESTION, roles=('text',)) is None),
                'the editor has closed')

        # 3. Pairs from the people present.
        click(require(app.find(role='push button', name='Form Groups'),
                      'the new prompt offers "Form Groups"'))
        require(wait(lambda: count_group_rows(app) == present // 2),
                f'{present // 2} pairs are listed for the {present} people present')

        # 4. Run Now.
        click(require(app.find(role='push button', name='Run Now'), 'the prompt offers "Run Now"'))
        require(wait(lambda: shows(app.root, 'Running now: 1. Pair dialogue', roles=('label',))),
                'the prompt runs as the first item of the agenda')

        # 5. A voice, on the running prompt.
        entry = require(app.find(role='text', name='What Is Said'), 'the entry for what is said is there')
        # Ctrl+Shift+V: the note-taker's way to the entry from anywhere.
        pyatspi.Registry.generateKeyboardEvent(CONTROL_L, None, pyatspi.KEY_PRESS)
        pyatspi.Registry.generateKeyboardEvent(SHIFT_L, None, pyatspi.KEY_PRESS)
        pyatspi.Registry.generateKeyboardEvent(ord('v'), None, pyatspi.KEY_SYM)
        pyatspi.Registry.generateKeyboardEvent(SHIFT_L, None, pyatspi.KEY_RELEASE)
        pyatspi.Registry.generateKeyboardEvent(CONTROL_L, None, pyatspi.KEY_RELEASE)
        require(wait(lambda: entry.getState().contains(pyatspi.STATE_FOCUSED)),
                'Ctrl+Shift+V puts the keyboard focus in the entry')
        entry.queryEditableText().setTextContents(VOICE)
        pyatspi.Registry.generateKeyboardEvent(RETURN, None, pyatspi.KEY_SYM)
        require(wait(lambda: shows(app.root, VOICE)), 'the voice is listed')
        heading = require(wait(lambda: [acc for acc in walk(app.root)
                                        if acc.getRoleName() == 'label'
                                        and text_of(acc) == QUESTION]),
                          'the prompt heads its voices')
        ok(len(heading) >= 2, 'the prompt is named both in the pane and above its voice')
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
