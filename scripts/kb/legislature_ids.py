#!/usr/bin/env python3
"""Proposes Wikidata ids for the people of data/kb/ that have none, from a table of the members of
a legislature with Wikidata ids (an everypolitician term CSV: columns id, name, area, wikidata, ...;
a term CSV without the wikidata column is completed with --ids, everypolitician's reconciliation
table of Wikidata id and member id).

The table only confirms ids: the entries stay the project's own. An entry gets a proposal when
- it is a person (PER) with a Wikipedia title and no id;
- its label, its title without a parenthesised qualifier or one of its aliases is the full name
  of exactly one member (accents, case and hyphens aside: "Pirès-Beaune" is "Pires Beaune");
- the id is given to no other entry and the registry holds no other id for its title.
A full name can be shared by two people: the proposals print the entry's description next to the
member's area, to be read before --apply. Members whose name is in data/kb/ under another id, or
shared by several members, are listed for review.

Usage: legislature_ids.py MEMBERS.csv [--ids RECONCILIATION.csv]             proposals, review
       legislature_ids.py MEMBERS.csv [--ids RECONCILIATION.csv] --apply KEY  also write them into
           data/kb/ and verified_ids.tsv under the source key KEY ('# KEY = ...' must describe it)
"""
import argparse
import csv
import sys

from match_ids import conflict, fold, kb_records, load_registry, report, without_qualifier


def read_members(path, ids_path=None):
    """Rows of the member table that have a Wikidata id, the id taken from --ids when given."""
    with open(path, encoding="utf-8") as f:
        members = list(csv.DictReader(f))
    if not members or "name" not in members[0]:
        sys.exit(f"{path}: expected a member table (id, name, ..., wikidata)")
    if ids_path:
        with open(ids_path, encoding="utf-8") as f:
            wikidata_of = {row["uuid"]: row["id"] for row in csv.DictReader(f)}
        for member in members:
            member["wikidata"] = wikidata_of.get(member.get("id", ""), "")
    return [m for m in members if m.get("wikidata")]


def propose(members, records, registry):
    """Proposals (path, line index, title, id, (member, entry description)) and the cases to review."""
    by_name = {}
    for member in members:
        by_name.setdefault(fold(member["name"]), {})[member["wikidata"]] = member
    used = {fields[0]: fields[1] for _, _, fields in records if len(fields) == 7 and fields[0]}
    proposals, review = [], []
    for path, index, fields in records:
        if len(fields) != 7 or fields[0] or not fields[1] or fields[3] != "PER":
            continue
        title, label, aliases = fields[1], fields[2], [a for a in fields[4].split("|") if a]
        names = {fold(without_qualifier(title)), fold(label)} | {fold(a) for a in aliases}
        found = {qid: m for name in names for qid, m in by_name.get(name, {}).items()}
        if not found:
            continue
        where = f"{path.name}\t{title}\t{fields[6]}"
        if len(found) > 1:
            review.append(f"{where}\t{len(found)} members of that name\t{describe(found.values())}")
            continue
        qid, member = next(iter(found.items()))
        reason = conflict(title, qid, used, registry)
        if reason:
            review.append(f"{where}\t{reason}\t{describe([member])}")
        else:
            used[qid] = title
            proposals.append((path, index, title, qid, (member, fields[6])))
    return proposals, review


def describe(members):
    return "; ".join(f"{m['wikidata']} {m['name']} ({m.get('area', '')})" for m in members)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("members", help="members of a legislature (everypolitician term CSV)")
    parser.add_argument("--ids", help="reconciliation table (id = Wikidata id, uuid = member id)")
    parser.add_argument("--apply", metavar="KEY", help="write the proposals, recorded under this source key")
    args = parser.parse_args()
    records = list(kb_records())
    proposals, review = propose(read_members(args.members, args.ids), records, load_registry())
    report(proposals, review, args.apply,
           lambda p: f"{p[0].name}\t{p[2]}\t{p[4][1]}\t{describe([p[4][0]])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
