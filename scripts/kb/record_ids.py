#!/usr/bin/env python3
"""Writes Wikidata ids read in a public source into data/kb/ and records them in verified_ids.tsv
under the source's key, for matches decided by reading (names that differ between the source and
the entry: "Leuven" for Louvain, "Provincie Antwerpen" for the Province d'Anvers).

PAIRS is a TSV of wiki_title (or the label of an entry without title) and Wikidata id, one pair a
line. Each entry must exist without an id; the id must be given to no other entry and the
registry must hold no other id for the title. Nothing is written when a pair fails.

Usage: record_ids.py PAIRS.tsv KEY    (verified_ids.tsv must describe KEY: '# KEY = ...')
"""
import sys

from check import QID
from match_ids import apply, conflict, kb_records, load_registry


def proposals_for(pairs, records, registry):
    """Proposals (path, line index, title, id, None) for the pairs, and the problems found."""
    entries = {fields[1] or fields[2]: (path, index, fields) for path, index, fields in records if len(fields) == 7}
    used = {fields[0]: fields[1] or fields[2] for _, _, fields in records if len(fields) == 7 and fields[0]}
    proposals, problems = [], []
    for key, qid in pairs:
        if not QID.match(qid):
            problems.append(f"{key}: {qid!r} is not a Wikidata id")
        elif key not in entries:
            problems.append(f"{key}: no entry of that title or label")
        elif entries[key][2][0]:
            problems.append(f"{key}: has the id {entries[key][2][0]} already")
        elif reason := conflict(key, qid, used, registry):
            problems.append(f"{key}: {reason}")
        else:
            used[qid] = key
            proposals.append((entries[key][0], entries[key][1], key, qid, None))
    return proposals, problems


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        pairs = [tuple(line.rstrip("\n").split("\t")[:2]) for line in f if line.strip() and not line.startswith("#")]
    proposals, problems = proposals_for(pairs, list(kb_records()), load_registry())
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    apply(proposals, sys.argv[2])
    print(f"{len(proposals)} ids recorded under {sys.argv[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
