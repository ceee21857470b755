"""Tests of the Python module frnews: results, offsets, normalize, bad input, knowledge bases,
threads."""
import json
import os
import pickle
import tempfile
import unittest
from concurrent.futures import ThreadPoolExecutor

import frnews

MACRON = ("« Nous ne reculerons pas devant la difficulté », a déclaré Emmanuel Macron jeudi à "
          "Marseille.")
# Characters of one, two, three and four UTF-8 bytes before the quote, so that character and byte
# offsets differ by a different amount at each span.
WIDE = ("Réunion 🇫🇷 à l’Élysée — « Le budget sera tenu », a assuré Bruno Le Maire. "
        "Selon l’Insee, l’inflation ralentit en été 😀.")


def spans(result):
    """Every span dict of a result: quotes, speakers, cues, entities."""
    for quote in result["quotes"]:
        yield quote
        for field in ("speaker", "cue"):
            if quote[field] is not None:
                yield quote[field]
    yield from result["entities"]


class AnalyzeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.analyzer = frnews.Analyzer()

    def test_version(self):
        self.assertRegex(frnews.__version__, r"^\d+\.\d+\.\d+$")

    def test_direct_quote_speaker_and_cue(self):
        result = self.analyzer.analyze(MACRON)
        self.assertEqual(len(result["quotes"]), 1)
        quote = result["quotes"][0]
        self.assertEqual(quote["text"], "Nous ne reculerons pas devant la difficulté")
        self.assertEqual(quote["kind"], "direct")
        self.assertEqual(quote["speaker"]["text"], "Emmanuel Macron")
        self.assertEqual(quote["speaker"]["id"], "Q3052772")
        self.assertEqual(quote["speaker"]["wiki"], "Emmanuel Macron")
        self.assertEqual(quote["cue"]["text"], "a déclaré")
        self.assertEqual(quote["cue"]["lemma"], "déclarer")

    def test_entities_are_linked(self):
        result = self.analyzer.analyze(MACRON)
        found = {(e["text"], e["type"], e["id"]) for e in result["entities"]}
        self.assertIn(("Emmanuel Macron", "PER", "Q3052772"), found)
        self.assertIn(("Marseille", "LOC", "Q23482"), found)
        for entity in result["entities"]:
            self.assertGreaterEqual(entity["score"], 0.0)
            self.assertLessEqual(entity["score"], 1.0)

    def test_speaker_chain_is_the_entity_chain(self):
        result = self.analyzer.analyze(MACRON)
        speaker = result["quotes"][0]["speaker"]
        chains = {e["chain"] for e in result["entities"] if e["text"] == "Emmanuel Macron"}
        self.assertEqual(chains, {speaker["chain"]})

    def test_selon_and_partial_quotes(self):
        result = self.analyzer.analyze(WIDE)
        by_text = {q["text"]: q for q in result["quotes"]}
        self.assertIn("Le budget sera tenu", by_text)
        self.assertEqual(by_text["Le budget sera tenu"]["speaker"]["name"], "Bruno Le Maire")
        selon = [q for q in result["quotes"] if q["cue"] and q["cue"]["lemma"] == "selon"]
        self.assertEqual(len(selon), 1)
        self.assertEqual(selon[0]["speaker"]["id"], "Q156616")  # Insee
        self.assertEqual(selon[0]["speaker"]["rule"], "source.phrase")
        self.assertTrue(selon[0]["rule"].startswith("reported."))

    def test_character_offsets_slice_the_str(self):
        for text in (MACRON, WIDE):
            result = self.analyzer.analyze(text)
            for span in spans(result):
                self.assertEqual(text[span["start"]:span["end"]], span["text"])

    def test_byte_offsets_slice_the_utf8_bytes(self):
        for text in (MACRON, WIDE):
            data = text.encode("utf-8")
            result = self.analyzer.analyze(text)
            for span in spans(result):
                self.assertEqual(data[span["start_byte"]:span["end_byte"]].decode("utf-8"), span["text"])

    def test_offsets_differ_after_wide_characters(self):
        result = self.analyzer.analyze(WIDE)
        quote = next(q for q in result["quotes"] if q["text"] == "Le budget sera tenu")
        prefix = WIDE[:quote["start"]]
        self.assertEqual(quote["start_byte"], len(prefix.encode("utf-8")))
        self.assertGreater(quote["start_byte"], quote["start"])

    def test_json_line_has_the_byte_offsets(self):
        result = self.analyzer.analyze(WIDE)
        line = self.analyzer.analyze_json(WIDE, id="wide")
        self.assertNotIn("\n", line)
        parsed = json.loads(line)
        self.assertEqual(parsed["id"], "wide")
        self.assertEqual([(q["start"], q["end"], q["text"]) for q in parsed["quotes"]],
                         [(q["start_byte"], q["end_byte"], q["text"]) for q in result["quotes"]])
        self.assertEqual([(e["start"], e["type"], e["id"]) for e in parsed["entities"]],
                         [(e["start_byte"], e["type"], e["id"]) for e in result["entities"]])
        self.assertEqual(json.loads(self.analyzer.analyze_json("", id=12)),
                         {"id": 12, "quotes": [], "entities": []})
        self.assertIsNone(json.loads(self.analyzer.analyze_json("Rien."))["id"])
        with self.assertRaises(TypeError):
            self.analyzer.analyze_json("Rien.", id=1.5)

    def test_result_is_plain_python(self):
        result = self.analyzer.analyze(MACRON)
        self.assertEqual(pickle.loads(pickle.dumps(result)), result)
        self.assertEqual(set(result), {"quotes", "entities"})

    def test_empty_and_quote_free_texts(self):
        self.assertEqual(self.analyzer.analyze(""), {"quotes": [], "entities": []})
        result = self.analyzer.analyze("Il pleut sur la ville depuis trois jours.")
        self.assertEqual(result["quotes"], [])

    def test_analyzer_pickles(self):
        copy = pickle.loads(pickle.dumps(self.analyzer))
        self.assertEqual(copy.analyze(WIDE), self.analyzer.analyze(WIDE))


class BadInputTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.analyzer = frnews.Analyzer()

    def test_lone_surrogate_is_replaced_in_place(self):
        text = "Début\ud800 « On ne lâchera rien », a lancé Jean Dupont.\udfff"
        result = self.analyzer.analyze(text)
        quote = result["quotes"][0]
        self.assertEqual(quote["text"], "On ne lâchera rien")
        self.assertEqual(text[quote["start"]:quote["end"]], "On ne lâchera rien")
        repaired = text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd").encode("utf-8")
        for span in spans(result):
            self.assertEqual(text[span["start"]:span["end"]], span["text"])
            self.assertEqual(repaired[span["start_byte"]:span["end_byte"]].decode("utf-8"), span["text"])

    def test_lone_surrogate_strict_raises(self):
        with self.assertRaises(UnicodeEncodeError):
            self.analyzer.analyze("a\udc80b", errors="strict")
        with self.assertRaises(UnicodeEncodeError):
            frnews.normalize("a\udc80b", errors="strict")
        self.assertEqual(frnews.normalize("a\udc80b"), "a\ufffdb")

    def test_unknown_errors_mode(self):
        with self.assertRaises(ValueError):
            self.analyzer.analyze("texte", errors="ignore")

    def test_not_a_str(self):
        with self.assertRaises(TypeError):
            self.analyzer.analyze(b"des octets")
        with self.assertRaises(TypeError):
            self.analyzer.analyze(None)

    def test_junk_and_unbalanced_quotes(self):
        texts = ["\x00\x01\x02" * 50, "« « « " * 200, "»" * 500, "\ufffe\uffff" * 30,
                 "«" + "a" * 10000, "\"" * 333]
        for text in texts:
            result = self.analyzer.analyze(text)
            for span in spans(result):
                self.assertEqual(text[span["start"]:span["end"]], span["text"])


class NormalizeTest(unittest.TestCase):
    def test_mojibake_and_entities(self):
        self.assertEqual(frnews.normalize("Lâ€™Ã©tÃ© &amp; lâ€™hiver"), "L’été & l’hiver")

    def test_repairs_point_into_the_original(self):
        original = "Ã‰lysÃ©e &eacute; fin"
        text, repairs = frnews.normalize(original, with_repairs=True)
        self.assertEqual(text, "Élysée é fin")
        self.assertEqual([r["kind"] for r in repairs], ["mojibake", "mojibake", "html_entity"])
        for repair in repairs:
            self.assertEqual(original[repair["start"]:repair["end"]], repair["text"])
        self.assertEqual(repairs[2]["text"], "&eacute;")

    def test_options(self):
        self.assertEqual(frnews.normalize("Vraiment ?", typography="canonical"), "Vraiment\u202f?")
        self.assertEqual(frnews.normalize("L'été", unify_apostrophes=False), "L'été")
        self.assertEqual(frnews.normalize("Et puis…", expand_ellipsis=True), "Et puis...")
        with self.assertRaises(ValueError):
            frnews.normalize("texte", typography="fancy")

    def test_clean_text_is_unchanged(self):
        text = "Le Conseil d’État a rendu sa décision."
        self.assertEqual(frnews.normalize(text, with_repairs=True), (text, []))


class KnowledgeBaseTest(unittest.TestCase):
    # Two entities no built-in knowledge base knows; the second only by an alias in the text.
    TSV = ("# wikidata_id\twiki_title\tlabel\ttype\taliases\tprior\tdescription\n"
           "Q990001\tGisèle Rambert\tGisèle Rambert\tPER\tG. Rambert\t0.9\tmaire fictive\n"
           "Q990002\tSyndicat des brodeurs du Jura\tSyndicat des brodeurs du Jura\tORG\tSBJ\t0.8\t"
           "syndicat fictif\n")
    TEXT = "« Nous ouvrirons l’école en septembre », a promis Gisèle Rambert devant le SBJ."

    def setUp(self):
        handle, self.path = tempfile.mkstemp(suffix=".tsv")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(self.TSV)

    def tearDown(self):
        os.unlink(self.path)

    def test_user_knowledge_base_links(self):
        analyzer = frnews.Analyzer(kb_path=self.path)
        result = analyzer.analyze(self.TEXT)
        ids = {e["text"]: e["id"] for e in result["entities"]}
        self.assertEqual(ids.get("Gisèle Rambert"), "Q990001")
        self.assertEqual(ids.get("SBJ"), "Q990002")
        self.assertEqual(result["quotes"][0]["speaker"]["id"], "Q990001")

    def test_analyzer_keeps_its_knowledge_base(self):
        analyzer = frnews.Analyzer(kb_path=self.path)
        os.unlink(self.path)  # the analyzer holds the loaded entries, not the file
        open(self.path, "w").close()
        for _ in range(3):
            result = analyzer.analyze(self.TEXT)
            self.assertIn("Q990001", {e["id"] for e in result["entities"]})

    def test_knowledge_base_survives_pickling(self):
        analyzer = pickle.loads(pickle.dumps(frnews.Analyzer(kb_path=self.path)))
        self.assertIn("Q990002", {e["id"] for e in analyzer.analyze(self.TEXT)["entities"]})

    def test_missing_file(self):
        with self.assertRaises(FileNotFoundError):
            frnews.Analyzer(kb_path=self.path + ".absent")
        with self.assertRaises(FileNotFoundError):
            frnews.Analyzer(kb_layers=[self.path + ".absent"])

    def test_layers_keep_the_built_in_entries(self):
        analyzer = frnews.Analyzer(kb_layers=[self.path])
        result = analyzer.analyze(self.TEXT + " " + MACRON)
        ids = {e["text"]: e["id"] for e in result["entities"]}
        self.assertEqual(ids.get("Gisèle Rambert"), "Q990001")
        self.assertEqual(ids.get("Emmanuel Macron"), "Q3052772")
        # Alone, the file replaces the built-in base.
        alone = frnews.Analyzer(kb_path=self.path).analyze(MACRON)
        self.assertNotIn("Q3052772", {e["id"] for e in alone["entities"]})
        copy = pickle.loads(pickle.dumps(analyzer))
        self.assertEqual(copy.analyze(self.TEXT)["entities"], analyzer.analyze(self.TEXT)["entities"])
        self.assertIn("kb_layers=['", repr(copy))

    def test_malformed_file_names_the_line(self):
        with open(self.path, "w", encoding="utf-8") as out:
            out.write("Q1\tseulement trois\tchamps\n")
        with self.assertRaises(frnews.Error) as raised:
            frnews.Analyzer(kb_path=self.path)
        self.assertIn(":1:", str(raised.exception))


class LexiconsTest(unittest.TestCase):
    TEXT = "Paul Girard a ronchonné que la réforme arrivait trop tard."

    def test_a_reporting_verb_added_in_a_directory(self):
        self.assertEqual(frnews.Analyzer().analyze(self.TEXT)["quotes"], [])
        with tempfile.TemporaryDirectory() as directory:
            with open(os.path.join(directory, "reporting_verbs.tsv"), "w", encoding="utf-8") as out:
                out.write("ronchonner\ter\n")
            analyzer = frnews.Analyzer(lexicons=directory)
            quotes = analyzer.analyze(self.TEXT)["quotes"]
        self.assertEqual(len(quotes), 1)
        self.assertEqual(quotes[0]["speaker"]["text"], "Paul Girard")

    def test_missing_directory(self):
        with self.assertRaises(FileNotFoundError):
            frnews.Analyzer(lexicons="/nonexistent/lexicons")


class ThreadsTest(unittest.TestCase):
    def test_threads_give_the_results_of_one_thread(self):
        analyzer = frnews.Analyzer()
        people = ["Élisabeth Borne", "Gérald Darmanin", "Jean Dupont", "Bruno Le Maire"]
        texts = [f"« Il faudra {n} mois », a estimé {people[n % 4]} à Lyon. Selon l’AFP, "
                 f"la réunion n°{n} a duré {n % 7} heures." * (1 + n % 3) for n in range(400)]
        expected = [analyzer.analyze(text) for text in texts]
        with ThreadPoolExecutor(max_workers=4) as pool:
            got = list(pool.map(analyzer.analyze, texts))
        self.assertEqual(got, expected)
        self.assertTrue(all(result["quotes"] for result in got))


if __name__ == "__main__":
    unittest.main()
