#!/usr/bin/env python3
"""Validates the knowledge-base TSV files of data/kb/.

Each non-comment, non-blank line holds 7 tab-separated fields:
wikidata_id, wiki_title, label, type, aliases, prior, description.
Every id outside countries.tsv (which follows the ISO country table) must be recorded with the
same wiki_title in scripts/kb/verified_ids.tsv, the registry of ids read from public sources; an
entry whose Wikipedia title no source gave is recorded there under its label.
Exits non-zero and lists every problem (file:line: message) when a file is malformed.
"""
import re
import sys
from pathlib import Path

TYPES = {"PER", "LOC", "ORG", "MISC"}
QID = re.compile(r"^Q[1-9][0-9]*$")
INSEE_KEY = re.compile(r"\(INSEE [0-9][0-9AB][0-9]{3}\)$")


def check(paths):
    problems = []
    ids = {}
    labels = {}
    titles = {}
    count = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if "# ids:" not in text:
            problems.append(f"{path.name}: no '# ids:' source line")
        for number, line in enumerate(text.split("\n"), start=1):
            where = f"{path.name}:{number}"
            if not line.strip() or line.startswith("#"):
                continue
            if line != line.rstrip("\r"):
                problems.append(f"{where}: carriage return")
            fields = line.split("\t")
            if len(fields) != 7:
                problems.append(f"{where}: {len(fields)} fields instead of 7")
                continue
            qid, title, label, kind, aliases, prior, description = fields
            count += 1
            if any(f != f.strip() for f in fields):
                problems.append(f"{where}: field with surrounding spaces")
            if qid and not QID.match(qid):
                problems.append(f"{where}: bad wikidata id {qid!r}")
            if qid:
                if qid in ids:
                    problems.append(f"{where}: id {qid} already at {ids[qid]}")
                ids[qid] = where
            if not title:
                # A generated commune is keyed by the INSEE code of its description instead, an
                # entry with an id by its label.
                if not qid and not INSEE_KEY.search(description):
                    problems.append(f"{where}: empty wiki_title")
            elif title in titles:
                problems.append(f"{where}: title {title!r} already at {titles[title]}")
            else:
                titles[title] = where
            if not label:
                problems.append(f"{where}: empty label")
            if kind not in TYPES:
                problems.append(f"{where}: bad type {kind!r}")
            key = (label.casefold(), kind)
            if key in labels:
                problems.append(f"{where}: label {label!r} {kind} already at {labels[key]}")
            labels[key] = where
            try:
                value = float(prior)
                if not 0.0 <= value <= 1.0:
                    raise ValueError
            except ValueError:
                problems.append(f"{where}: prior {prior!r} not in 0..1")
            if aliases:
                parts = aliases.split("|")
                if any(not p.strip() or p != p.strip() for p in parts):
                    problems.append(f"{where}: empty or padded alias in {aliases!r}")
                if len(set(parts)) != len(parts):
                    problems.append(f"{where}: repeated alias in {aliases!r}")
            if not description:
                problems.append(f"{where}: empty description")
    return problems, count, len(ids)


def load_registry(path):
    """Maps wiki_title to the id recorded for it in the registry of verified ids."""
    registry = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) >= 2:
                registry[fields[0]] = fields[1]
    return registry


def check_registry(paths, registry):
    """Ids that no public source in the registry vouches for."""
    problems = []
    for path in paths:
        if path.name == "countries.tsv":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            key = fields[1] or fields[2] if len(fields) == 7 else ""
            if key and fields[0] and registry.get(key) != fields[0]:
                problems.append(f"{path.name}:{number}: id {fields[0]} of {key!r} not in the registry")
    return problems


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "data" / "kb"
    paths = sorted(root.glob("*.tsv"))
    if not paths:
        print(f"no .tsv file in {root}")
        return 1
    problems, count, with_id = check(paths)
    registry_path = Path(__file__).resolve().parent / "verified_ids.tsv"
    if registry_path.exists():
        problems += check_registry(paths, load_registry(registry_path))
    for problem in problems:
        print(problem)
    print(f"{len(paths)} files, {count} entities, {with_id} with a wikidata id, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
