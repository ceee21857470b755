#!/usr/bin/env python3
"""frnews on a Dask cluster: each worker process analyses its partitions of a JSON Lines corpus
({"id", "text"} per line) with the Python module and writes JSON Lines part files.

    /usr/bin/python3 examples/python/dask_bindings.py CORPUS.jsonl OUTPUT_DIR [WORKERS]

Runs with a Python 3 that imports dask and distributed: on Debian, /usr/bin/python3 with the
packages python3-dask and python3-distributed (scripts/python_test.sh installs them), and the
module frnews built for that interpreter: installed (docs/python.md), or with
PYTHONPATH=build/python after a build with -DFRNEWS_PYTHON=ON.
"""
import json
import os
import sys
import time

import dask.bag as db
from distributed import Client, LocalCluster

import frnews


def analyze_partition(lines):
    analyzer = frnews.Analyzer()  # cheap: the built-in knowledge base is loaded once per process
    for line in lines:
        document = json.loads(line)
        # The line `frnews analyze --jsonl` would write; analyzer.analyze() gives dicts instead.
        yield analyzer.analyze_json(document["text"], id=document["id"])


if __name__ == "__main__":
    corpus, output = sys.argv[1], sys.argv[2]
    workers = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster):
        start = time.perf_counter()
        lines = db.read_text(corpus, blocksize="1MiB").filter(str.strip)
        results = lines.map_partitions(analyze_partition)
        results.to_textfiles(os.path.join(output, "*.jsonl"), last_endline=True)
        seconds = time.perf_counter() - start
    documents = sum(1 for _ in open(corpus, encoding="utf-8"))
    megabytes = os.path.getsize(corpus) / 1e6
    print(f"{workers} workers: {documents / seconds:.0f} documents/s, {megabytes / seconds:.2f} MB/s",
          file=sys.stderr)
