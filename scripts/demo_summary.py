#!/usr/bin/env python3
"""Reads the JSON lines of `frnews analyze` on standard input and prints, for each document, its
quotes with their speakers and the entities it names, one line each, to read at a glance.

    frnews analyze article.txt | python3 scripts/demo_summary.py
"""
import json
import sys

WIDTH = 64  # characters of a quote shown before "…"


def shorten(text):
    return text if len(text) <= WIDTH else text[:WIDTH - 1].rstrip() + "…"


def link(entity):
    """The Wikidata id, else whether French Wikipedia has a page, else NIL (unknown entity)."""
    return entity["id"] or ("Wikipédia" if entity["wiki"] else "NIL")


def summarize(document):
    quotes, mentions = document["quotes"], document["entities"]
    print(f"{document['id']}: {len(quotes)} quotes, {len(mentions)} entity mentions")
    print("\nQuotes: kind, speaker, words")
    for quote in quotes:
        speaker = quote["speaker"]["name"] if quote["speaker"] else "?"
        words = shorten(quote["text"])
        # Reported speech had no quotation marks in the text: none are added.
        shown = words if quote["kind"] == "indirect" else f"« {words} »"
        print(f"  {quote['kind']:8}  {speaker}: {shown}")
    print("\nEntities: type, name, link, mentions")
    entities = {}  # in the order of their first mention
    for mention in mentions:
        key = (mention["type"], mention["name"], link(mention))
        entities[key] = entities.get(key, 0) + 1
    for (kind, name, target), count in entities.items():
        print(f"  {kind:4} {name} ({target}) ×{count}")


for line in sys.stdin:
    summarize(json.loads(line))
