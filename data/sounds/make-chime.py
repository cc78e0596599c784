#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the chime that sounds when an agenda item's time is up.

A soft bell: a few decaying sine partials, struck twice a little apart
(a high note, then a fifth below), about one second long, 16-bit mono.
Only the standard library is used, and the output is the same on every
run, so the build is reproducible.

    make-chime.py OUTPUT.wav
"""

import math
import struct
import sys
import wave

RATE = 22050
LENGTH = 1.3          # seconds
PEAK = 0.45           # of full scale: a chime, not an alarm

# (ratio to the note, amplitude, decay time in seconds) of each partial.
# The slightly inharmonic upper partials give it its bell colour.
PARTIALS = [
    (1.0, 1.0, 0.42),
    (2.01, 0.30, 0.22),
    (2.76, 0.12, 0.12),
    (5.40, 0.04, 0.05),
]

# (start in seconds, frequency in Hz, loudness) of each strike.
STRIKES = [
    (0.0, 1318.5, 0.8),    # E6
    (0.16, 880.0, 1.0),    # A5
]

ATTACK = 0.004        # seconds to reach full level: no click at the start
RELEASE = 0.08        # seconds of fade at the end: no click at the end


def sample(t):
    value = 0.0
    for start, frequency, loudness in STRIKES:
        local = t - start
        if local < 0:
            continue
        envelope = min(1.0, local / ATTACK)
        for ratio, amplitude, decay in PARTIALS:
            value += (loudness * amplitude * envelope * math.exp(-local / decay) *
                      math.sin(2 * math.pi * frequency * ratio * local))
    return value


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: make-chime.py OUTPUT.wav\n")
        return 2

    count = int(RATE * LENGTH)
    values = [sample(i / RATE) for i in range(count)]

    release = int(RATE * RELEASE)
    for i in range(release):
        values[count - release + i] *= 1.0 - i / release

    scale = PEAK / max(abs(v) for v in values)
    frames = b"".join(struct.pack("<h", int(round(v * scale * 32767))) for v in values)

    with wave.open(argv[1], "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)

    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
