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
import signal
import subprocess
import sys
import tempfile
import time
import uuid

if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
    print('1..0 # SKIP no display')
    sys.exit(77)

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi  # noqa: F401  (pyatspi needs it loaded)
    import pyatspi
except (ImportError, ValueError) as error:
    print(f'1..0 # SKIP no accessibility bindings: {error}')
    sys.exit(77)

APP = os.environ['APP']
DEMO = os.environ['DEMO']
TIMEOUT = 20

step_number = 0
failures = 0


def ok(passed, description):
    global step_number, failures
    step_number += 1
    print(f'{"ok" if passed else "not ok"} {step_number} - {description}', flush=True)
    if not passed:
        failures += 1
    return passed


def diag(text):
    for line in str(text).splitlines():
        print(f'# {line}', flush=True)


class StepFailed(Exception):
    pass


def require(condition, description):
    if not ok(bool(condition), description):
        raise StepFailed(description)
    return condition


def wait(predicate, timeout=TIMEOUT, interval=0.1):
    end = time.time() + timeout
    while True:
        try:
            result = predicate()
        except Exception:  # the tree changes under us while we look
            result = None
        if result:
            return result
        if time.time() > end:
            return None
        time.sleep(interval)


def text_of(acc):
    try:
        text = acc.queryText()
        # GTK 4.8 returns '' for getText(0, -1): ask for the exact length.
        return text.getText(0, text.characterCount)
    except NotImplementedError:
        return acc.name or ''


def walk(acc, depth=0, limit=60):
    if acc is None or depth > limit:
        return
    yield acc
    for i in range(acc.childCount):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, limit)


def find(root, role=None, name=None, text=None):
    """The first accessible below @root that matches. GTK 4.8 sets no
    'showing' state, so hidden pages count too: names must be unique."""
    for acc in walk(root):
        try:
            if role is not None and acc.getRoleName() != role:
                continue
            if name is not None and acc.name != name:
                continue
            if text is not None and text_of(acc) != text:
                continue
            return acc
        except Exception:
            continue
    return None


def dump(root):
    for acc in walk(root):
        try:
            depth = 0
            parent = acc.parent
            while parent is not None and depth < 60:
                depth += 1
                parent = parent.parent
            diag('  ' * depth + f'[{acc.getRoleName()}] name={acc.name!r} text={text_of(acc)[:60]!r}')
        except Exception:
            pass


def click(acc):
    action = acc.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    action.doAction(names.index('click') if 'click' in names else 0)


class App:
    """One run of the binary with its own app id and the test's data folder."""

    def __init__(self, home, *args):
        self.app_id = 'io.github.samling.Samling.Test' + uuid.uuid4().hex[:12]
        env = dict(os.environ,
                   XDG_DATA_HOME=os.path.join(home, 'data'),
                   XDG_CONFIG_HOME=os.path.join(home, 'config'),
                   XDG_CACHE_HOME=os.path.join(home, 'cache'),
                   GSETTINGS_BACKEND='memory',
                   GTK_A11Y='atspi')
        env.pop('NO_AT_BRIDGE', None)
        self.process = subprocess.Popen(
            [APP, '--gapplication-app-id', self.app_id, *args], env=env)
        self.root = wait(self._find_on_bus)
        if self.root is None:
            names = [a.name for a in pyatspi.Registry.getDesktop(0) if a is not None]
            self.stop()
            raise StepFailed(f'the app did not appear on the accessibility bus (apps: {names})')

    def _find_on_bus(self):
        if self.process.poll() is not None:
            raise SystemExit(f'the app exited with status {self.process.returncode}')
        desktop = pyatspi.Registry.getDesktop(0)
        for acc in desktop:
            try:
                if acc is not None and acc.get_process_id() == self.process.pid and acc.childCount > 0:
                    return acc
            except Exception:
                continue
        return None

    def find(self, **kwargs):
        return wait(lambda: find(self.root, **kwargs))

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


def header_label(app, text):
    """A label of the header bar's title (AdwWindowTitle) that reads @text:
    hidden pages stay on the bus, so looking anywhere could find the start
    page's list of sessions instead."""
    def look():
        for title in walk(app.root):
            if title.name == 'AdwWindowTitle':
                hit = find(title, role='label', text=text)
                if hit is not None:
                    return hit
        return None
    return wait(look)


def header_shows(app, title):
    return header_label(app, title)


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

    print(f'1..{step_number}')
    return 1 if failures or step_number == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
