#!/usr/bin/env python3
"""frnews on a Dask cluster without the Python module: each partition of a JSON Lines corpus
goes through its own `frnews analyze --jsonl` process, lines in, lines out, the contract of
Spark's RDD.pipe and Hadoop Streaming.

    python3 examples/python/dask_pipe.py CORPUS.jsonl OUTPUT_DIR [WORKERS] [FRNEWS_COMMAND]
"""
import os
import subprocess
import sys
import time

import dask.bag as db
from distributed import Client, LocalCluster


def pipe(lines, command):
    text = "".join(line.rstrip("\n") + "\n" for line in lines if line.strip())
    done = subprocess.run([command, "analyze", "--jsonl", "--no-progress", "-j", "1"], input=text,
                          capture_output=True, encoding="utf-8", check=True)
    return done.stdout.splitlines()


if __name__ == "__main__":
    corpus, output = sys.argv[1], sys.argv[2]
    workers = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    command = sys.argv[4] if len(sys.argv) > 4 else "frnews"
    with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster):
        start = time.perf_counter()
        lines = db.read_text(corpus, blocksize="1MiB")
        results = lines.map_partitions(pipe, command)
        results.to_textfiles(os.path.join(output, "*.jsonl"), last_endline=True)
        seconds = time.perf_counter() - start
    documents = sum(1 for _ in open(corpus, encoding="utf-8"))
    megabytes = os.path.getsize(corpus) / 1e6
    print(f"{workers} workers: {documents / seconds:.0f} documents/s, {megabytes / seconds:.2f} MB/s",
          file=sys.stderr)
