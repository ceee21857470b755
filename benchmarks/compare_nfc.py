#!/usr/bin/env python3
"""Whole-process CPU time of `frnews normalize` against ICU's NFC (the icu_nfc program) on one
file: runs them in turn, `--runs` times each, and prints the median user and system time.

Usage: benchmarks/compare_nfc.py FILE [--frnews build/tools/frnews] [--icu build/benchmarks/icu_nfc] [--runs 7]
"""
import argparse
import os
import statistics
import subprocess


def cpu_seconds(command):
    """User and system CPU seconds of one run, output discarded."""
    with open(os.devnull, "wb") as null:
        process = subprocess.Popen(command, stdout=null)
        _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command[0]} failed")
    return usage.ru_utime, usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--frnews", default="build/tools/frnews")
    parser.add_argument("--icu", default="build/benchmarks/icu_nfc")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    commands = {"frnews normalize": [args.frnews, "normalize", args.file], "ICU NFC": [args.icu, args.file]}
    times = {name: [] for name in commands}
    for _ in range(args.runs):  # alternated, so that both see the same load
        for name, command in commands.items():
            times[name].append(cpu_seconds(command))
    megabytes = os.path.getsize(args.file) / 1e6
    medians = {}
    for name, runs in times.items():
        user = statistics.median(u for u, _ in runs)
        system = statistics.median(s for _, s in runs)
        total = statistics.median(u + s for u, s in runs)
        medians[name] = total
        print(f"{name:18} user {user:.3f} s  sys {system:.3f} s  user+sys {total:.3f} s  "
              f"{megabytes / total:.0f} MB/s  ({args.runs} runs, medians)")
    print(f"frnews / ICU: {medians['frnews normalize'] / medians['ICU NFC']:.2f}")


if __name__ == "__main__":
    main()
