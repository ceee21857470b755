"""Dask distributed runs frnews over a partitioned corpus on a local cluster of two worker
processes, two ways: the Python module in each worker, and the `frnews analyze --jsonl` command
piped per partition (the contract of Spark's RDD.pipe and Hadoop Streaming). Both must give,
document for document, what one process gives.

FRNEWS_COMMAND names the frnews command (default: frnews on the PATH); the workers import this
file and corpus.py, so their folder must be on PYTHONPATH.
"""
import functools
import json
import os
import subprocess
import unittest

import dask.bag as db
from distributed import Client, LocalCluster

import frnews
from corpus import corpus

COMMAND = os.environ.get("FRNEWS_COMMAND", "frnews")
DOCUMENTS = 4000
PARTITIONS = 8


@functools.lru_cache(maxsize=None)
def analyzer():
    """One Analyzer per worker process, built on first use."""
    return frnews.Analyzer()


def analyze_partition(documents):
    return [{"id": d["id"], **analyzer().analyze(d["text"])} for d in documents]


def pipe_partition(lines, command):
    """JSON lines in on the command's standard input, JSON lines out of its standard output."""
    done = subprocess.run([command, "analyze", "--jsonl", "--no-progress", "-j", "1"],
                          input="".join(line + "\n" for line in lines), capture_output=True,
                          encoding="utf-8", check=True)
    return done.stdout.splitlines()


def worker_pid(_partition):
    return [os.getpid()]


def command_format(result):
    """A result of the module in the command's JSON format: byte offsets as start and end, no
    character offsets, no chain indices, scores to three decimals."""
    def span(item, *fields):
        return {"start": item["start_byte"], "end": item["end_byte"], "text": item["text"],
                **{field: item[field] for field in fields}}

    quotes = [{**span(q, "canonical", "kind", "rule"),
               "speaker": q["speaker"] and span(q["speaker"], "name", "id", "wiki", "rule"),
               "cue": q["cue"] and span(q["cue"], "lemma")} for q in result["quotes"]]
    entities = [{**span(e, "type", "id", "wiki", "name", "rule"), "score": round(e["score"], 3)}
                for e in result["entities"]]
    return {"id": result["id"], "quotes": quotes, "entities": entities}


class DaskTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.documents = corpus(DOCUMENTS)
        cls.lines = [json.dumps(d, ensure_ascii=False) for d in cls.documents]
        # The references: one process, in order.
        cls.single_module = analyze_partition(cls.documents)
        done = subprocess.run([COMMAND, "analyze", "--jsonl", "--no-progress", "-j", "1"],
                              input="".join(line + "\n" for line in cls.lines),
                              capture_output=True, encoding="utf-8", check=True)
        cls.command_lines = done.stdout.splitlines()
        cls.single_command = [json.loads(line) for line in cls.command_lines]

        cls.cluster = LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                   dashboard_address=None)
        cls.client = Client(cls.cluster)
        cls.client.wait_for_workers(2, timeout=60)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()

    def test_corpus_has_quotes_and_entities(self):
        self.assertEqual(len(self.single_module), DOCUMENTS)
        self.assertGreater(sum(len(r["quotes"]) for r in self.single_module), DOCUMENTS)
        self.assertGreater(sum(len(r["entities"]) for r in self.single_module), DOCUMENTS)

    def test_two_worker_processes(self):
        self.assertEqual(len(self.client.scheduler_info()["workers"]), 2)
        pids = set(db.from_sequence(range(PARTITIONS), npartitions=PARTITIONS)
                   .map_partitions(worker_pid).compute())
        self.assertNotIn(os.getpid(), pids)

    def test_module_in_each_worker(self):
        bag = db.from_sequence(self.documents, npartitions=PARTITIONS).map_partitions(analyze_partition)
        self.assertEqual(bag.npartitions, PARTITIONS)
        results = bag.compute()
        self.assertEqual([r["id"] for r in results], [d["id"] for d in self.documents])
        for got, expected in zip(results, self.single_module):
            self.assertEqual(got, expected)

    def test_command_piped_per_partition(self):
        bag = db.from_sequence(self.lines, npartitions=PARTITIONS).map_partitions(pipe_partition, COMMAND)
        results = [json.loads(line) for line in bag.compute()]
        self.assertEqual(len(results), DOCUMENTS)
        for got, expected in zip(results, self.single_command):
            self.assertEqual(got, expected)

    def test_module_and_command_agree(self):
        for module, command in zip(self.single_module, self.single_command):
            self.assertEqual(command_format(module), command)
        lines = [analyzer().analyze_json(d["text"], id=d["id"]) for d in self.documents]
        self.assertEqual(lines, self.command_lines)


if __name__ == "__main__":
    unittest.main()
