#!/usr/bin/env python3
"""Tests of the knowledge-base scripts on small tables written here."""
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check  # noqa: E402
import commune_ids  # noqa: E402
import communes  # noqa: E402
import legislature_ids  # noqa: E402
import match_ids  # noqa: E402
import record_ids  # noqa: E402

DEPARTMENTS = {"43": {"code": "43", "nom": "Haute-Loire", "typeLiaison": 3},
               "35": {"code": "35", "nom": "Ille-et-Vilaine", "typeLiaison": 1},
               "94": {"code": "94", "nom": "Val-de-Marne", "typeLiaison": 2}}


def commune(code, name, department, population, kind="commune-actuelle"):
    return {"code": code, "nom": name, "departement": department, "population": population, "type": kind}


class CommunesTest(unittest.TestCase):
    def select(self, rows):
        return communes.select(rows, DEPARTMENTS, known={"brioude"}, risky={"orange", "pierre"},
                               min_population=5000, low_prior=0.3)

    def test_keeps_large_communes_with_their_insee_code_and_department(self):
        rows, _ = self.select([commune("43157", "Monistrol-sur-Loire", "43", 9000),
                               commune("35001", "Acigné", "35", 7000),
                               commune("94001", "Ablon-sur-Seine", "94", 5800)])
        self.assertEqual([r[2] for r in rows], ["commune du Val-de-Marne (INSEE 94001)",
                                                "commune d'Ille-et-Vilaine (INSEE 35001)",
                                                "commune de la Haute-Loire (INSEE 43157)"])

    def test_leaves_out_small_known_risky_and_homonymous_communes(self):
        rows, left_out = self.select([
            commune("43001", "Petitvillage", "43", 4999),
            commune("43040", "Brioude", "43", 6500),           # already in data/kb
            commune("43002", "Orange", "43", 8000),            # a French word
            commune("43003", "Pierre", "43", 8000),            # a first name
            commune("43004", "Eu", "43", 8000),                # too short
            commune("43005", "Saint-Aubin", "43", 6000),       # homonyms of similar size
            commune("35005", "Saint-Aubin", "35", 5500),
            commune("43006", "Valbonne-la-Grande", "43", 20000),  # five times its homonym
            commune("35006", "Valbonne-la-Grande", "35", 1000),
            commune("43007", "Ancienne-Commune", "43", 9000, kind="commune-deleguee")])
        self.assertEqual([r[0] for r in rows], ["Valbonne-la-Grande"])
        self.assertEqual(left_out, {"known": 1, "word or name": 3, "homonyms": 2})

    def test_prior_grows_with_population_below_the_hand_made_entries(self):
        self.assertEqual(communes.prior_of(5000, 5000, 0.3), 0.3)
        self.assertEqual(communes.prior_of(100_000, 5000, 0.3), 0.6)
        self.assertEqual(communes.prior_of(2_000_000, 5000, 0.3), 0.6)
        self.assertLess(communes.prior_of(20_000, 5000, 0.3), communes.prior_of(50_000, 5000, 0.3))

    def test_ids_written_before_are_kept_by_insee_code(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "communes.tsv"
            path.write_text("# ids: test\n"
                            "Q1\t\tAcigné\tLOC\t\t0.3\tcommune d'Ille-et-Vilaine (INSEE 35001)\n"
                            "\t\tAblon-sur-Seine\tLOC\t\t0.3\tcommune du Val-de-Marne (INSEE 94001)\n", encoding="utf-8")
            self.assertEqual(communes.ids_by_code(path), {"35001": "Q1"})
            self.assertEqual(communes.ids_by_code(Path(folder) / "none.tsv"), {})


def place(qid, name, iso, admin1="", feature="Populated place", population=100000):
    return {"wikidata_id": qid, "name_fr": name, "name": name, "iso_a2": iso, "admin1": admin1,
            "feature_class": feature, "pop_max": str(population)}


class MatchIdsTest(unittest.TestCase):
    COUNTRIES = [("Testanie", "TT"), ("Autrie", "AU")]

    def propose(self, entries, places, registry=None):
        by_name = {}
        for p in places:
            by_name.setdefault(match_ids.fold(p["name_fr"]), []).append(p)
        records = [(Path("places_world.tsv"), i, e.split("\t")) for i, e in enumerate(entries)]
        return match_ids.propose(by_name, self.COUNTRIES, records, registry or {})

    def test_the_place_of_that_name_in_the_country_the_description_names(self):
        proposals, review = self.propose(
            ["\tRivebelle\tRivebelle\tLOC\t\t0.5\tville de Testanie"],
            [place("Q101", "Rivebelle", "TT"), place("Q102", "Rivebelle", "AU")])
        self.assertEqual([(p[2], p[3]) for p in proposals], [("Rivebelle", "Q101")])
        self.assertEqual(review, [])

    def test_several_places_in_the_country_are_decided_by_the_region_or_reviewed(self):
        places = [place("Q201", "Portville", "TT", admin1="Nordland"), place("Q202", "Portville", "TT", admin1="Sudland")]
        proposals, _ = self.propose(["\tPortville\tPortville\tLOC\t\t0.5\tville du Nordland en Testanie"], places)
        self.assertEqual([p[3] for p in proposals], ["Q201"])
        proposals, review = self.propose(["\tPortville\tPortville\tLOC\t\t0.5\tport de Testanie"], places)
        self.assertEqual(proposals, [])
        self.assertIn("2 places of that name", review[0])

    def test_not_a_town_taken_id_registry_conflict_and_small_place_without_country(self):
        places = [place("Q301", "Lacville", "TT", population=20000), place("Q302", "Montcourt", "TT")]
        proposals, review = self.propose(
            ["\tLacville\tLacville\tLOC\t\t0.5\trégion de Testanie",          # not a town
             "Q302\tMontcourt (ancienne)\tMontcourt-Vieux\tLOC\t\t0.5\tville de Testanie",
             "\tMontcourt\tMontcourt\tLOC\t\t0.5\tville de Testanie",          # Q302 taken
             "\tLacville (ville)\tLacville\tLOC\t\t0.5\tville lointaine"],     # small, no country
            places)
        self.assertEqual(proposals, [])
        self.assertEqual(len(review), 2)
        self.assertIn("already given", review[0])
        self.assertIn("no country named", review[1])
        proposals, review = self.propose(["\tLacville\tLacville\tLOC\t\t0.5\tville de Testanie"], places,
                                         registry={"Lacville": "Q999"})
        self.assertEqual(proposals, [])
        self.assertIn("registry gives Q999", review[0])


def member(qid, name, area="Testanie, 1"):
    return {"id": "", "name": name, "area": area, "wikidata": qid}


class LegislatureIdsTest(unittest.TestCase):
    def propose(self, entries, members, registry=None):
        records = [(Path("people_politics.tsv"), i, e.split("\t")) for i, e in enumerate(entries)]
        return legislature_ids.propose(members, records, registry or {})

    def test_a_person_named_like_one_member_accents_and_hyphens_aside(self):
        proposals, review = self.propose(
            ["\tChristine Pirès-Beaune\tChristine Pirès-Beaune\tPER\t\t0.9\tdéputée socialiste",
             "\tAnne Moreau (femme politique)\tAnne Moreau\tPER\tA. Moreau\t0.9\tdéputée de Testanie",
             "\tRivebelle\tRivebelle\tLOC\t\t0.5\tville de Testanie"],           # not a person
            [member("Q11", "Christine Pires Beaune"), member("Q12", "Anne Moreau"), member("Q13", "Rivebelle")])
        self.assertEqual([(p[2], p[3]) for p in proposals],
                         [("Christine Pirès-Beaune", "Q11"), ("Anne Moreau (femme politique)", "Q12")])
        self.assertEqual(review, [])

    def test_shared_names_taken_ids_and_registry_conflicts_are_reviewed(self):
        proposals, review = self.propose(
            ["\tJean Martin\tJean Martin\tPER\t\t0.9\tdéputé",                    # two members
             "Q22\tPaul Durand (ministre)\tPaul Durand\tPER\t\t0.9\tministre",
             "\tPaul Durand\tPaul Durand\tPER\t\t0.9\tdéputé",                    # Q22 taken
             "\tLuc Petit\tLuc Petit\tPER\t\t0.9\tdéputé"],                       # registry disagrees
            [member("Q20", "Jean Martin"), member("Q21", "Jean Martin"), member("Q22", "Paul Durand"),
             member("Q23", "Luc Petit")],
            registry={"Luc Petit": "Q99"})
        self.assertEqual(proposals, [])
        self.assertIn("2 members of that name", review[0])
        self.assertIn("already given", review[1])
        self.assertIn("registry gives Q99", review[2])

    def test_ids_from_a_reconciliation_table_complete_a_term_without_them(self):
        with tempfile.TemporaryDirectory() as directory:
            term, ids = Path(directory) / "term.csv", Path(directory) / "ids.csv"
            term.write_text("id,name,area\nu1,Anne Moreau,\"Testanie, 1\"\nu2,Luc Petit,\n", encoding="utf-8")
            ids.write_text("id,uuid\nQ12,u1\n", encoding="utf-8")
            members = legislature_ids.read_members(term, ids)
        self.assertEqual([(m["name"], m["wikidata"]) for m in members], [("Anne Moreau", "Q12")])

class CheckTest(unittest.TestCase):
    HEADER = "# ids: test\n"

    def problems(self, lines, registry):
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "people.tsv"
            path.write_text(self.HEADER + "\n".join(lines) + "\n", encoding="utf-8")
            problems, _, _ = check.check([path])
            return problems + check.check_registry([path], registry)

    def test_an_entry_without_a_title_is_recorded_under_its_label(self):
        self.assertEqual(self.problems(["Q5\t\tAnne Moreau\tPER\t\t0.6\tdéputée"], {"Anne Moreau": "Q5"}), [])
        problems = self.problems(["Q5\t\tAnne Moreau\tPER\t\t0.6\tdéputée"], {"Anne Moreau": "Q6"})
        self.assertEqual(len(problems), 1)
        self.assertIn("id Q5 of 'Anne Moreau' not in the registry", problems[0])

    def test_an_entry_without_title_id_or_insee_code_is_a_problem(self):
        problems = self.problems(["\t\tAnne Moreau\tPER\t\t0.6\tdéputée",
                                  "\t\tPetitbourg\tLOC\t\t0.3\tcommune du Cantal (INSEE 15001)"], {})
        self.assertEqual(len(problems), 1)
        self.assertIn("people.tsv:2: empty wiki_title", problems[0])


class RecordIdsTest(unittest.TestCase):
    ENTRIES = ["\tLouvain\tLouvain\tLOC\t\t0.5\tville de Belgique",
               "Q1\tMalines\tMalines\tLOC\t\t0.5\tville de Belgique",
               "\t\tAnne Moreau\tPER\t\t0.6\tdéputée"]

    def proposals_for(self, pairs, registry=None):
        records = [(Path("places_world.tsv"), i, e.split("\t")) for i, e in enumerate(self.ENTRIES)]
        return record_ids.proposals_for(pairs, records, registry or {})

    def test_pairs_by_title_or_by_label_of_an_entry_without_title(self):
        proposals, problems = self.proposals_for([("Louvain", "Q118958"), ("Anne Moreau", "Q5")])
        self.assertEqual([(p[1], p[2], p[3]) for p in proposals], [(0, "Louvain", "Q118958"), (2, "Anne Moreau", "Q5")])
        self.assertEqual(problems, [])

    def test_unknown_entries_entries_with_an_id_taken_ids_and_bad_ids_are_refused(self):
        proposals, problems = self.proposals_for([("Anvers", "Q12892"), ("Malines", "Q162022"), ("Louvain", "Q1"),
                                                  ("Anne Moreau", "5"), ("Louvain", "Q7")], registry={"Louvain": "Q8"})
        self.assertEqual(proposals, [])
        self.assertEqual([p.split(": ")[1] for p in problems],
                         ["no entry of that title or label", "has the id Q1 already", "id Q1 already given to 'Malines'",
                          "'5' is not a Wikidata id", "registry gives Q8"])


class CommuneIdsTest(unittest.TestCase):
    DEPARTMENTS = [dict(d) for d in DEPARTMENTS.values()] + [
        {"code": "2A", "nom": "Corse-du-Sud", "typeLiaison": 4}, {"code": "2B", "nom": "Haute-Corse", "typeLiaison": 3},
        {"code": "69", "nom": "Rhône", "typeLiaison": 2}]
    COMMUNES = [commune("43157", "Monistrol-sur-Loire", "43", 9000), commune("43040", "Brioude", "43", 6500),
                commune("43005", "Saint-Aubin", "43", 6000), commune("43006", "Saint-Aubin", "43", 900),
                commune("2A041", "Bonifacio", "2A", 3000), commune("69276", "Feyzin", "69", 10000),
                commune("35001", "Acigné", "35", 7000),
                commune("43099", "Brioude", "43", 0, kind="commune-deleguee")]
    SEED = {"43157": ("Monistrol-sur-Loire", "Q1"), "43040": ("Brioude", "Q2"), "2A041": ("Bonifacio", "Q3"),
            "69276": ("Feyzin", "Q4"), "35001": ("Acigny", "Q5"), "94001": ("Ablon-sur-Seine", "Q6"),
            "93066": ("Saint-Denis", "Q7")}

    def records(self, communes_rows, places_rows):
        return ([(Path("communes.tsv"), i, r.split("\t")) for i, r in enumerate(communes_rows)]
                + [(Path("places_france.tsv"), i, r.split("\t")) for i, r in enumerate(places_rows)])

    def propose(self, communes_rows, places_rows, registry=None):
        records = self.records(communes_rows, places_rows)
        found = list(commune_ids.targets(records, commune_ids.communes_by_place(self.COMMUNES),
                                         commune_ids.department_names(self.DEPARTMENTS)))
        return commune_ids.propose(self.SEED, found, records, registry or {})

    def test_an_insee_code_in_the_description_or_the_one_commune_of_that_name_in_the_department(self):
        proposals, review = self.propose(
            ["\t\tMonistrol-sur-Loire\tLOC\t\t0.4\tcommune de la Haute-Loire (INSEE 43157)"],
            ["\tBrioude\tBrioude\tLOC\t\t0.5\tville de la Haute-Loire",
             "\tBonifacio\tBonifacio\tLOC\t\t0.5\tcommune de Corse",
             "\tFeyzin\tFeyzin\tLOC\t\t0.5\tcommune de la métropole de Lyon"])
        self.assertEqual([(p[0].name, p[2], p[3], p[4][0]) for p in proposals],
                         [("communes.tsv", "Monistrol-sur-Loire", "Q1", "43157"),
                          ("places_france.tsv", "Brioude", "Q2", "43040"),
                          ("places_france.tsv", "Bonifacio", "Q3", "2A041"),
                          ("places_france.tsv", "Feyzin", "Q4", "69276")])
        self.assertEqual(review, [])

    def test_homonyms_other_names_doubtful_rows_and_taken_ids(self):
        proposals, review = self.propose(
            ["\t\tAcigné\tLOC\t\t0.4\tcommune d'Ille-et-Vilaine (INSEE 35001)",
             "\t\tSaint-Denis\tLOC\t\t0.4\tcommune de la Seine-Saint-Denis (INSEE 93066)",
             "\t\tAblon-sur-Seine\tLOC\t\t0.4\tcommune du Val-de-Marne (INSEE 94001)",
             "Q6\t\tAblon\tLOC\t\t0.4\tcommune du Calvados"],
            ["\tSaint-Aubin (Haute-Loire)\tSaint-Aubin\tLOC\t\t0.5\tville de la Haute-Loire",
             "\tBrioude\tBrioude\tLOC\t\t0.5\tbasilique de la Haute-Loire",
             "\tMonistrol-sur-Loire\tMonistrol-sur-Loire\tLOC\t\t0.5\tcommune du Cantal"])
        self.assertEqual(proposals, [])
        self.assertEqual([line.split("\t")[3] for line in review],
                         ["the table names 35001 'Acigny'", "id Q6 already given to 'Ablon'"])


if __name__ == "__main__":
    unittest.main()
