"""A synthetic corpus of short French news documents, built from sentence templates.

    python3 corpus.py 5000 [corpus.jsonl]    # JSON Lines: {"id": "doc-0", "text": "..."}
"""
import json
import random
import sys

SPEAKERS = ["Emmanuel Macron", "Bruno Le Maire", "Gérald Darmanin", "Anne Hidalgo",
            "Jean Dupont", "Marie Lefèvre", "le maire de Nantes", "la préfète", "Olivier Faure"]
PLACES = ["Paris", "Lyon", "Marseille", "Bordeaux", "Lille", "Toulouse", "Strasbourg", "Berlin",
          "Bruxelles", "Madrid"]
SOURCES = ["l’Insee", "l’AFP", "la CGT", "l’OMS", "la SNCF", "Météo-France", "l’Unédic"]
CUES = ["a déclaré", "a affirmé", "a estimé", "a assuré", "a expliqué", "a ajouté", "a prévenu"]
STATEMENTS = ["nous tiendrons nos engagements", "la situation reste très préoccupante",
              "il n’y aura pas de hausse d’impôts cette année", "le dialogue doit reprendre",
              "les travaux dureront encore deux ans", "personne ne sera laissé de côté",
              "c’est une étape décisive pour la région"]
FACTS = ["le chômage a reculé de {n} % au troisième trimestre",
         "{n}000 voyageurs ont été bloqués pendant la grève",
         "les prix de l’énergie ont augmenté de {n} % en un an",
         "la consommation des ménages a progressé de {n} %"]
TEMPLATES = [
    "« {Statement} », {cue} {speaker} lundi à {place}.",
    "Selon {source}, {fact}.",
    "{Speaker} {cue} {que}{statement}, lors d’un déplacement à {place}.",
    "À {place}, {speaker} a promis « {statement} ».",
    "Il fait beau à {place} ce matin, où {fact}.",
    "« {Statement}. » {Speaker} n’a pas voulu en dire davantage.",
]


def _capitalized(text):
    return text[:1].upper() + text[1:]


def document(rng):
    """One document of one to four sentences."""
    sentences = []
    for _ in range(rng.randint(1, 4)):
        speaker = rng.choice(SPEAKERS)
        statement = rng.choice(STATEMENTS)
        fact = rng.choice(FACTS).format(n=rng.randint(1, 9))
        sentences.append(rng.choice(TEMPLATES).format(
            statement=statement, Statement=_capitalized(statement),
            speaker=speaker, Speaker=_capitalized(speaker), cue=rng.choice(CUES),
            que="qu’" if statement[0] in "aeiouyéèà" else "que ",
            place=rng.choice(PLACES), source=rng.choice(SOURCES), fact=fact))
    return " ".join(sentences)


def corpus(count, seed=2024):
    """count documents as dicts {"id", "text"}, the same for the same seed."""
    rng = random.Random(seed)
    return [{"id": f"doc-{i}", "text": document(rng)} for i in range(count)]


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with (open(sys.argv[2], "w", encoding="utf-8") if len(sys.argv) > 2 else sys.stdout) as out:
        for item in corpus(count):
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
