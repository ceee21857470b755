#!/usr/bin/env python3
"""Gives Wikidata ids to the French communes of data/kb/ from a table of communes by INSEE code
with Wikidata ids (phil2strass/geo-api scripts/data/fr_admin_seed.tsv: columns level_code,
admin_code, display_name, territory_wikidata_id, ...; its commune rows were matched to Wikidata by
the INSEE code property P374).

The INSEE code is the key, never the name alone:
- an entry of communes.tsv carries its code in its description ("commune du Val-de-Marne (INSEE
  94001)");
- a town of places_france.tsv ("ville de la Drôme", "commune de l'Essonne") gets the code of the
  one current commune of its name (label or title without qualifier) in the department its
  description names, read in INSEE's list as packaged by Etalab (--etalab: the data/ folder of
  @etalab/decoupage-administratif, as for communes.py); "de Corse" stands for its two departments,
  "de la métropole de Lyon" for the Rhône's code 69; a name two communes of those departments
  share gets nothing.
The table's row of that code must name the commune as the entry does (accents, case and hyphens
aside), and the id must be given to no other entry nor recorded in the registry for another title;
the DOUBTFUL rows are left out.

Usage: commune_ids.py --etalab DATA --codes            the INSEE codes to look up in the table
       commune_ids.py --etalab DATA SEED.tsv           the proposals and the cases to review
       commune_ids.py --etalab DATA SEED.tsv --apply KEY   also write them into data/kb/ and
           verified_ids.tsv under the source key KEY ('# KEY = ...' must describe it)
"""
import argparse
import csv
import json
import re
import sys
from pathlib import Path

from communes import INSEE, JOIN
from match_ids import TOWN, conflict, fold, kb_records, load_registry, report, without_qualifier

# rows of the table left out as doubtful: ids of items made recently (Q13157..., Q13158...) where the
# commune has a long-standing one (Saint-Denis after its 2025 merger with Pierrefitte-sur-Seine)
DOUBTFUL = {"93066", "88321"}


# places whose descriptions name no department: Corsica (two departments) and the Lyon metropolis
# (a collectivity whose communes keep the Rhône's code)
SEVERAL = [("de Corse", ("2A", "2B")), ("de la métropole de Lyon", ("69",))]


def department_names(departments):
    """(phrase, codes) pairs such as ("de la Drôme", ("26",)), longest first, from Etalab's
    departments and SEVERAL."""
    phrases = list(SEVERAL)
    for department in departments:
        name = department["nom"]
        phrases.append((JOIN[department["typeLiaison"]] + name, (department["code"],)))
        phrases.append(("de " + name, (department["code"],)))  # "ville de Seine-et-Marne"
    return sorted(set(phrases), key=lambda item: -len(item[0]))


def department_of(description, phrases):
    """The department codes the description names, or ()."""
    for phrase, codes in phrases:
        if re.search(re.escape(phrase) + r"(?![\w-])", description):
            return codes
    return ()


def communes_by_place(communes):
    """(folded name, department code) -> INSEE codes of the current communes."""
    by_place = {}
    for commune in communes:
        if commune["type"] == "commune-actuelle":
            by_place.setdefault((fold(commune["nom"]), commune["departement"]), []).append(commune["code"])
    return by_place


def code_of(path, fields, by_place, phrases):
    """The INSEE code of an entry without id, or None."""
    description = fields[6]
    if path.name == "communes.tsv":
        found = INSEE.search(description)
        return found.group(1) if found else None
    if path.name != "places_france.tsv" or fields[3] != "LOC" or not TOWN.match(description):
        return None
    departments = department_of(description, phrases)
    codes = {code for name in {fold(fields[2]), fold(without_qualifier(fields[1]))}
             for department in departments for code in by_place.get((name, department), [])}
    return codes.pop() if len(codes) == 1 else None


def targets(records, by_place, phrases):
    """(path, line index, fields, INSEE code) of the entries without id that have a code."""
    for path, index, fields in records:
        if len(fields) == 7 and not fields[0]:
            code = code_of(path, fields, by_place, phrases)
            if code:
                yield path, index, fields, code


def read_seed(path):
    """INSEE code -> (name, Wikidata id) of the commune rows of the table."""
    with open(path, encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return {row["admin_code"]: (row["display_name"], row["territory_wikidata_id"])
                for row in rows if row["level_code"] == "commune" and row["territory_wikidata_id"]}


def propose(seed, found, records, registry):
    """Proposals (path, line index, key, id, (code, name in the table)) and the cases to review."""
    used = {fields[0]: fields[1] or fields[2] for _, _, fields in records if len(fields) == 7 and fields[0]}
    proposals, review = [], []
    for path, index, fields, code in found:
        if code not in seed or code in DOUBTFUL:
            continue
        key = fields[1] or fields[2]
        name, qid = seed[code]
        where = f"{path.name}\t{key}\t{fields[6]}"
        if fold(name) not in {fold(fields[2]), fold(without_qualifier(fields[1]))}:
            review.append(f"{where}\tthe table names {code} {name!r}\t{qid}")
        elif reason := conflict(key, qid, used, registry):
            review.append(f"{where}\t{reason}\t{code} {name}")
        else:
            used[qid] = key
            proposals.append((path, index, key, qid, (code, name)))
    return proposals, review


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seed", nargs="?", help="communes by INSEE code with Wikidata ids")
    parser.add_argument("--etalab", required=True, help="the data/ folder of @etalab/decoupage-administratif")
    parser.add_argument("--codes", action="store_true", help="print the INSEE codes to look up")
    parser.add_argument("--apply", metavar="KEY", help="write the proposals, recorded under this source key")
    args = parser.parse_args()
    data = Path(args.etalab)
    communes = json.loads((data / "communes.json").read_text(encoding="utf-8"))
    phrases = department_names(json.loads((data / "departements.json").read_text(encoding="utf-8")))
    records = list(kb_records())
    found = list(targets(records, communes_by_place(communes), phrases))
    if args.codes or not args.seed:
        for code in sorted({item[3] for item in found}):
            print(code)
        return 0
    proposals, review = propose(read_seed(args.seed), found, records, load_registry())
    report(proposals, review, args.apply, lambda p: f"{p[0].name}\t{p[2]}\t{p[3]}\t{p[4][0]} {p[4][1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
