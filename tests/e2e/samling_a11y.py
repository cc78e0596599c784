# SPDX-License-Identifier: GPL-3.0-or-later
"""What the end-to-end tests share: reporting in TAP, waiting, finding
accessibles as a person would see them, and running the real binary with a
private data folder.

Environment: APP (the binary), a display and a session bus. Importing this
module exits with 77 (skipped) when there is no display or no pyatspi.
"""

import os
import signal
import subprocess
import sys
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


def finish():
    """Prints the plan; the exit status: 0 when every step passed."""
    print(f'1..{step_number}')
    return 1 if failures or step_number == 0 else 0


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
