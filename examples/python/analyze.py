#!/usr/bin/env python3
"""Quotes, their speakers and the entities of a French text (a file, or a sample sentence).

    PYTHONPATH=build/python python3 examples/python/analyze.py [FILE]

PYTHONPATH names the module built with -DFRNEWS_PYTHON=ON; once installed (docs/python.md), the
interpreter it was built for finds it without PYTHONPATH.
"""
import sys

import frnews

text = (open(sys.argv[1], encoding="utf-8").read() if len(sys.argv) > 1 else
        "« Nous tiendrons nos engagements », a déclaré Emmanuel Macron mercredi à Marseille.")
result = frnews.Analyzer().analyze(text)
for quote in result["quotes"]:
    speaker = quote["speaker"]["name"] if quote["speaker"] else "?"
    # "start" and "end" index the str: text[start:end] is the quoted text.
    print(f"{quote['kind']:8} {speaker}: {text[quote['start']:quote['end']]}")
for entity in result["entities"]:
    print(f"{entity['type']:4} {entity['text']} -> {entity['id'] or 'NIL'} {entity['wiki'] or ''}")
