#!/usr/bin/env python3
"""frnews on a Dask cluster without the Python module: each partition of a JSON Lines corpus
goes through its own `frnews analyze --jsonl` process, lines in, lines out, the contract of
Spark's RDD.pipe and Hadoop Streaming.

    /usr/bin/python3 examples/python/dask_pipe.py CORPUS.jsonl OUTPUT_DIR [WORKERS] [FRNEWS_COMMAND]

Runs with a Python 3 that imports dask and distributed: on Debian, /usr/bin/python3 with the
packages python3-dask and python3-distributed (scripts/python_test.sh installs them). The frnews
command is FRNEWS_COMMAND when given, else the first `frnews` on the PATH, else build/tools/frnews
of this repository.
"""
import os
import shutil
import subprocess
import sys
import time

import dask.bag as db
from distributed import Client, LocalCluster

BUILT_COMMAND = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "build", "tools", "frnews")


def find_command():
    """frnews on the PATH, else the command built in this repository."""
    command = shutil.which("frnews") or (BUILT_COMMAND if os.access(BUILT_COMMAND, os.X_OK) else None)
    if command is None:
        sys.exit("no frnews command on the PATH nor in build/tools/: build it with scripts/build.sh, "
                 "or give its path after WORKERS")
    return command


def pipe(lines, command):
    text = "".join(line.rstrip("\n") + "\n" for line in lines if line.strip())
    done = subprocess.run([command, "analyze", "--jsonl", "--no-progress", "-j", "1"], input=text,
                          capture_output=True, encoding="utf-8", check=True)
    return done.stdout.splitlines()


if __name__ == "__main__":
    corpus, output = sys.argv[1], sys.argv[2]
    workers = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    command = sys.argv[4] if len(sys.argv) > 4 else find_command()
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
