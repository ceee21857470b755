#!/usr/bin/env python3
"""`frnews analyze --jsonl` on hostile input: every output line parses as JSON, one per non-blank
input line, in order, with the id exactly as written (the line number when there is none), and
a file that is not JSON Lines at all is reported once, not once per line.

Usage: cli_jsonl_test.py <frnews command> <scratch folder>
"""
import json
import pathlib
import subprocess
import sys

FRNEWS = sys.argv[1]
WORK = pathlib.Path(sys.argv[2])
WORK.mkdir(parents=True, exist_ok=True)

BONJOUR = "« Bonjour à tous », a dit Paul Martin."
OK, ERROR = "ok", "error"

# (input line as bytes, expected raw id token in the output or None for a skipped line, outcome)
CASES = [
    (b"\xef\xbb\xbf" + json.dumps({"id": "bom", "text": BONJOUR}).encode(), '"bom"', OK),
    (json.dumps({"text": BONJOUR}, ensure_ascii=False).encode(), "2", OK),
    (b'{"id": 1.5e3, "text": "Le maire de Lyon a d\\u00e9missionn\\u00e9."}', "1.5e3", OK),
    (b'{"id" : 12 , "text": "Selon le minist\xc3\xa8re, le ch\xc3\xb4mage recule."}', "12", OK),
    (b'{"id": "caf\\u00e9 \\"n\xc2\xb03\\"\\n\\\\", "text": "Il pleut."}', '"caf\\u00e9 \\"n°3\\"\\n\\\\"', OK),
    (b'{"id": -0.0, "text": ""}', "-0.0", OK),
    (b'{"id": null, "text": "Il neige."}', "null", OK),
    (b"", None, None),
    (b"   \t", None, None),
    (b"ceci n'est pas du JSON", "null", ERROR),
    (b"\x00\x01\xff\xfe\x80 binaire \x1b[0m", "null", ERROR),
    (b'{"id": "latin1", "text": "caf\xe9"}', "null", ERROR),
    (b'{"id": true, "text": "Il pleut."}', "null", ERROR),
    (b'{"id": {"n": 1}, "text": "Il pleut."}', "null", ERROR),
    (b'{"text": 5}', "15", ERROR),
    (b'{"id": "sans-texte"}', '"sans-texte"', ERROR),
    (b'[1, 2, 3]', "null", ERROR),
    (b'{"id": 123456789012345678901234567890, "text": "Il pleut."}', "null", ERROR),
    (b'{"id": "tronque", "text": "Il ple', "null", ERROR),
]


def fail(message, result=None):
    if result is not None:
        message += f"\nstdout:\n{result.stdout.decode(errors='replace')}\nstderr:\n{result.stderr.decode(errors='replace')}"
    sys.exit(message)


def run(*args, path):
    return subprocess.run([FRNEWS, "analyze", "--jsonl", "--no-progress", *args, str(path)], capture_output=True)


def parse_lines(result):
    lines = result.stdout.split(b"\n")
    if lines[-1] != b"":
        fail("the output does not end with a newline", result)
    objects = []
    for line in lines[:-1]:
        try:
            objects.append((line, json.loads(line)))
        except ValueError as error:
            fail(f"an output line is not JSON ({error}): {line!r}", result)
    return objects


# A mix of good and bad lines: each non-blank one answered in place, bad ones as error objects.
mixed = WORK / "mixed.jsonl"
mixed.write_bytes(b"\n".join(case[0] for case in CASES) + b"\n")
for threads in ("1", "2"):
    result = run("-j", threads, path=mixed)
    if result.returncode != 1:
        fail(f"exit status {result.returncode}, expected 1 (some lines are bad)", result)
    answered = [case for case in CASES if case[1] is not None]
    objects = parse_lines(result)
    if len(objects) != len(answered):
        fail(f"{len(objects)} output lines for {len(answered)} non-blank input lines", result)
    for (raw, parsed), (line, raw_id, outcome) in zip(objects, answered):
        if not raw.startswith(b'{"id":' + raw_id.encode() + b","):
            fail(f"id {raw_id} not copied as written: {raw!r}", result)
        if ("error" in parsed) != (outcome == ERROR):
            fail(f"{line!r} gave {raw!r}, expected an {outcome} object", result)

# The byte-order mark is dropped and the spans point into the text of the JSON string.
result = run(path=mixed)
first = parse_lines(result)[0][1]
text = BONJOUR.encode()
quote = first["quotes"][0]
if text[quote["start"]:quote["end"]].decode() != quote["text"] or quote["text"] != "Bonjour à tous":
    fail(f"wrong quote span after a byte-order mark: {quote}")
if quote["speaker"]["name"] != "Paul Martin":
    fail(f"wrong speaker after a byte-order mark: {quote}")

# A plain text file given with --jsonl: one error object per line on stdout, but on stderr the
# first few lines, a count of the others and one sentence saying it is not JSON Lines.
prose = WORK / "prose.txt"
prose.write_text("".join(f"Le conseil municipal s'est réuni pour la {n}e fois.\n" for n in range(1, 41)))
result = run(path=prose)
if result.returncode != 1:
    fail(f"exit status {result.returncode}, expected 1", result)
objects = parse_lines(result)
if len(objects) != 40 or any("error" not in parsed for _, parsed in objects):
    fail("expected 40 error objects", result)
messages = result.stderr.decode().splitlines()
if len(messages) != 7 or "and 35 more bad lines" not in messages[5] or "not JSON Lines" not in messages[6]:
    fail("expected 5 line errors, a count of the 35 others and one 'not JSON Lines'", result)
