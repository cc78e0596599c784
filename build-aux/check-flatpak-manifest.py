#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest without flatpak-builder: valid JSON, the
# application id and command the build installs, a GNOME runtime whose SDK
# matches it, this tree built with meson as the last module, and no broad
# file-system access (files come in through the portals).
#
#   check-flatpak-manifest.py MANIFEST APP_ID COMMAND

import json
import sys


def main():
    path, app_id, command = sys.argv[1:4]
    problems = []

    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f'{path}: {e}')
        return 1

    if not isinstance(manifest, dict):
        print(f'{path}: the manifest is not a JSON object')
        return 1

    def expect(key, value):
        if manifest.get(key) != value:
            problems.append(f'"{key}" is {manifest.get(key)!r}, expected {value!r}')

    manifest_id = manifest.get('id', manifest.get('app-id'))
    if manifest_id != app_id:
        problems.append(f'"id" is {manifest_id!r}, expected {app_id!r}')
    expect('command', command)
    expect('runtime', 'org.gnome.Platform')
    expect('sdk', 'org.gnome.Sdk')
    if not isinstance(manifest.get('runtime-version'), str):
        problems.append('"runtime-version" must be a string such as "43"')

    finish_args = manifest.get('finish-args', [])
    for arg in ('--socket=wayland', '--socket=fallback-x11', '--share=ipc'):
        if arg not in finish_args:
            problems.append(f'"finish-args" lacks {arg}')
    for arg in finish_args:
        if arg.startswith('--filesystem=') and arg.split('=', 1)[1].split(':')[0] in (
                'host', 'home', 'host-os', 'host-etc'):
            problems.append(f'"finish-args" grants broad access: {arg}')

    modules = manifest.get('modules')
    if not isinstance(modules, list) or not modules:
        problems.append('"modules" is empty')
    else:
        last = modules[-1]
        if not isinstance(last, dict):
            problems.append('the last module must be defined inline')
        else:
            if last.get('buildsystem') != 'meson':
                problems.append('the last module is not built with meson')
            sources = last.get('sources', [])
            if not any(isinstance(s, dict) and s.get('type') == 'dir' and s.get('path') == '..'
                       for s in sources):
                problems.append('the last module does not build this source tree (dir "..")')

    for p in problems:
        print(f'{path}: {p}')
    if not problems:
        print(f'{path}: ok')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
