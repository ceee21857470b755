#!/usr/bin/env python3
"""Proposes Wikidata ids for the towns and cities of data/kb/ that have none, from a reference
table of populated places with Wikidata ids (Natural Earth 1:10m populated places: columns
wikidata_id, name_fr, name, name_alt, country, iso_a2, admin1, feature_class, pop_max, scalerank).

The table only confirms ids: the entries stay the project's own. An entry gets a proposal when
- its description says it is a town (ville, capitale, port, commune...), so that a region, an
  island or a river named like a city is left alone;
- its label or Wikipedia title (without a parenthesised qualifier) is the French or the local
  name of exactly one place of the table in the entry's country, which its description names
  (places_france.tsv: France, its overseas departments and collectivities); without a country in
  the description, the name must be that of one place only in the whole table, a capital or a
  city of 500 000 inhabitants or more;
- the id is given to no other entry and the registry holds no other id for its title.
Everything else is listed for review: several places of that name, an id taken, a registry
conflict.

Countries are read from the ISO country table (iso_alpha2, ..., wikidata_id) that countries.tsv
follows, given with --countries: the French names of countries.tsv are mapped to ISO codes
through their ids.

Usage: match_ids.py PLACES --countries ISO_TABLE             the proposals and the cases to review
       match_ids.py PLACES --countries ISO_TABLE --apply KEY  also write the proposed ids into
           data/kb/ and record them in verified_ids.tsv under the source key KEY, which
           verified_ids.tsv must describe ('# KEY = ...')
"""
import argparse
import csv
import re
import sys
import unicodedata
from pathlib import Path

KB_DIR = Path(__file__).resolve().parents[2] / "data" / "kb"
REGISTRY = Path(__file__).resolve().parent / "verified_ids.tsv"

TOWN = re.compile(r"^(grande |petite |ancienne |principale |deuxième |troisième |)(ville|capitale|cité|port|"
                  r"métropole|commune|agglomération|village|bourg|localité|oasis|préfecture|chef-lieu)\b")
# Nations, regions and territories the descriptions name instead of a state of countries.tsv, with
# the code the table gives their places (Crimea: RU in Natural Earth).
EXTRA_COUNTRIES = {"Angleterre": "GB", "Écosse": "GB", "pays de Galles": "GB", "Irlande du Nord": "GB",
                   "Corse": "FR", "Alsace": "FR", "Bretagne": "FR", "Cisjordanie": "PS", "Darfour": "SD",
                   "Galice": "ES", "Catalogne": "ES", "Pays basque espagnol": "ES", "Sicile": "IT",
                   "Sardaigne": "IT", "Madère": "PT", "Crète": "GR", "Athènes": "GR", "Tibet": "CN",
                   "Tigré": "ET", "Alaska": "US", "Floride": "US", "Virginie": "US", "Nevada": "US",
                   "Texas": "US", "Ohio": "US", "Oregon": "US", "État de New York": "US", "Québec": "CA",
                   "Crimée": "RU", "Tchétchénie": "RU", "Abkhazie": "GE", "Ossétie du Sud": "GE",
                   "Transnistrie": "MD", "Haut-Karabagh": "AZ"}
FRANCE = {"FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC"}
BIG_CITY = 500_000


def fold(name):
    """Lower case, no accents, one kind of apostrophe, hyphens as spaces."""
    name = unicodedata.normalize("NFKD", name.replace("’", "'"))
    name = "".join(c for c in name if not unicodedata.combining(c)).casefold()
    return " ".join(name.replace("-", " ").split())


def without_qualifier(title):
    return re.sub(r" \([^)]*\)$", "", title)


def read_table(path):
    with open(path, encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        places = list(rows)
    if not places or "wikidata_id" not in places[0] or "name_fr" not in places[0]:
        sys.exit(f"{path}: expected a populated-places table (wikidata_id, name_fr, name, ..., iso_a2, ...)")
    by_name = {}
    for place in places:
        for name in {fold(place["name_fr"]), fold(place["name"])} - {""}:
            by_name.setdefault(name, []).append(place)
    return by_name


def kb_records():
    """(path, line index, fields) of every entity line of data/kb/."""
    for path in sorted(KB_DIR.glob("*.tsv")):
        for index, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
            if line.strip() and not line.startswith("#"):
                yield path, index, line.split("\t")


def country_names(iso_table, records):
    """French names of countries (labels and aliases of countries.tsv) -> ISO code, via the ids."""
    iso_of_id = {}
    with open(iso_table, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            iso_of_id[row["wikidata_id"]] = row["iso_alpha2"]
    names = dict(EXTRA_COUNTRIES)
    for path, _, fields in records:
        if path.name == "countries.tsv" and fields[0] in iso_of_id:
            for name in [fields[2]] + [a for a in fields[4].split("|") if a]:
                names.setdefault(name, iso_of_id[fields[0]])
    # Longest first, so that "Guinée-Bissau" is found before "Guinée".
    return sorted(names.items(), key=lambda item: -len(item[0]))


def country_of(path, description, countries):
    if path.name == "places_france.tsv":
        return FRANCE
    for name, iso in countries:
        if re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", description):
            return FRANCE if iso == "FR" else {iso}
    return None


def load_registry():
    registry = {}
    for line in REGISTRY.read_text(encoding="utf-8").split("\n"):
        if line.strip() and not line.startswith("#"):
            title, qid, *_ = line.split("\t")
            registry[title] = qid
    return registry


def propose(by_name, countries, records, registry):
    """Proposals (path, line index, title, id, place) and the cases to review, for the records
    (path, line index, fields) of data/kb/, from the table's places by folded name."""
    used = {fields[0]: fields[1] for _, _, fields in records if len(fields) == 7 and fields[0]}
    proposals, review = [], []
    for path, index, fields in records:
        # An entry without a title cannot be recorded in the registry, which is keyed by title.
        if len(fields) != 7 or fields[0] or not fields[1] or fields[3] != "LOC" or not TOWN.match(fields[6]):
            continue
        title, label, description = fields[1], fields[2], fields[6]
        names = {fold(without_qualifier(title)), fold(label)}
        found = {p["wikidata_id"]: p for name in names for p in by_name.get(name, [])}
        if not found:
            continue
        where = f"{path.name}\t{title}\t{description}"
        country = country_of(path, description, countries)
        if country is not None:
            places = [p for p in found.values() if p["iso_a2"] in country]
        else:
            places = list(found.values())
            if len(places) == 1 and not (places[0]["feature_class"].startswith("Admin-0 capital") or
                                         float(places[0]["pop_max"] or 0) >= BIG_CITY):
                review.append(f"{where}\tno country named, small place\t{describe(places)}")
                continue
        if len(places) > 1:
            # Several in the country: the one whose region the description names ("ville du Texas").
            in_region = [p for p in places if p["admin1"] and fold(p["admin1"]) in fold(description)]
            places = in_region if len(in_region) == 1 else places
        if len(places) != 1:
            if places:
                review.append(f"{where}\t{len(places)} places of that name\t{describe(places)}")
            continue
        qid = places[0]["wikidata_id"]
        reason = conflict(title, qid, used, registry)
        if reason:
            review.append(f"{where}\t{reason}\t{describe(places)}")
        else:
            used[qid] = title
            proposals.append((path, index, title, qid, places[0]))
    return proposals, review


def conflict(title, qid, used, registry):
    """Why the id cannot go on the entry of that title (used: the ids given, with their titles), or
    None: another entry has it, or the registry holds another id for the title."""
    if qid in used:
        return f"id {qid} already given to {used[qid]!r}"
    if registry.get(title, qid) != qid:
        return f"registry gives {registry[title]}"
    return None


def describe(places):
    return "; ".join(f"{p['wikidata_id']} {p['name_fr'] or p['name']} ({p['iso_a2']}, {p['admin1']}, "
                     f"{p['feature_class']}, pop {p['pop_max']})" for p in places)


def apply(proposals, key):
    text = REGISTRY.read_text(encoding="utf-8")
    if f"# {key} = " not in text:
        sys.exit(f"{REGISTRY.name} has no '# {key} = ...' line describing the source")
    lines = text.split("\n")
    at = {line.split("\t")[0]: i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")}
    by_file = {}
    for path, index, title, qid, _ in proposals:
        by_file.setdefault(path, []).append((index, qid))
        if title in at:
            fields = lines[at[title]].split("\t")
            sources = fields[2].split(",") if len(fields) > 2 and fields[2] else []
            if key not in sources:
                lines[at[title]] = f"{title}\t{qid}\t{','.join(sources + [key])}"
        else:
            lines.insert(len(lines) - 1 if lines[-1] == "" else len(lines), f"{title}\t{qid}\t{key}")
    REGISTRY.write_text("\n".join(lines), encoding="utf-8")
    for path, changes in by_file.items():
        rows = path.read_text(encoding="utf-8").split("\n")
        for index, qid in changes:
            rows[index] = qid + rows[index]  # the id field was empty
        path.write_text("\n".join(rows), encoding="utf-8")


def report(proposals, review, key, show):
    """Prints the proposals (each as show(proposal) gives it) and the cases to review; with a
    source key, writes the proposals into data/kb/ and the registry."""
    for proposal in proposals:
        print(f"propose\t{show(proposal)}")
    for line in review:
        print(f"review\t{line}")
    print(f"{len(proposals)} proposals, {len(review)} cases to review", file=sys.stderr)
    if key:
        apply(proposals, key)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("table", help="populated places with Wikidata ids")
    parser.add_argument("--countries", required=True, help="ISO country table with Wikidata ids")
    parser.add_argument("--apply", metavar="KEY", help="write the proposals, recorded under this source key")
    args = parser.parse_args()
    records = list(kb_records())
    proposals, review = propose(read_table(args.table), country_names(args.countries, records), records,
                                load_registry())
    report(proposals, review, args.apply,
           lambda p: f"{p[0].name}\t{p[2]}\t{p[3]}\t{describe([p[4]])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
