#!/usr/bin/env python3
"""Streams hundreds of MB of JSON Lines through `frnews analyze --jsonl` and checks that its
peak memory stays bounded (it reads in batches, whatever the input size).

usage: stream_memory_test.py FRNEWS [MEGABYTES] [LIMIT_MB]
"""
import resource
import subprocess
import sys
import threading

frnews = sys.argv[1]
megabytes = int(sys.argv[2]) if len(sys.argv) > 2 else 300
limit_mb = int(sys.argv[3]) if len(sys.argv) > 3 else 150

# Documents of about 64 KB: a French sentence, then a long run of digits that every stage
# passes over quickly, so that hundreds of MB stream through in seconds.
sentence = "Selon la préfecture, 12 000 personnes ont manifesté samedi à Rennes. "
line_template = '{"id": %d, "text": "' + sentence + "0" * 64000 + '"}\n'
count = megabytes * 1_000_000 // len(line_template)

process = subprocess.Popen([frnews, "analyze", "--jsonl", "--no-progress"],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE)

lines_out = 0


def read_output():
    global lines_out
    for _ in process.stdout:
        lines_out += 1


reader = threading.Thread(target=read_output)
reader.start()
for i in range(count):
    process.stdin.write((line_template % i).encode())
process.stdin.close()
reader.join()
status = process.wait()

peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{count} documents, {count * len(line_template) / 1e6:.0f} MB in, "
      f"{lines_out} lines out, peak memory {peak_mb:.0f} MB")
if status != 0 or lines_out != count:
    sys.exit(f"frnews exited {status} with {lines_out} of {count} lines")
if peak_mb > limit_mb:
    sys.exit(f"peak memory {peak_mb:.0f} MB is over {limit_mb} MB: the input is not streamed")
