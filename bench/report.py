#!/usr/bin/python3
"""Writes BENCHMARKS.md and the time-per-file chart from the raw figures of one bench/run.sh run.

Usage: /usr/bin/python3 bench/report.py RESULTS_DIR BENCHMARKS.md

Reads RESULTS_DIR/{machine.tsv, generation.tsv, cookiecutter-per-pipeline.tsv, startup.json,
engagements.json, layout.txt} (the last three when present) and bench/findings.md (the profiling
notes, written by hand, included as they are). Only the standard library and gnuplot are used.
"""

import csv
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GIB = 1024 * 1024  # in KB, as /usr/bin/time reports RSS


def read_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def machine_facts(path):
    facts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("\t")
            facts[key] = value
    return facts


def medians(rows):
    """(tool, pipelines) -> dict of medians and the number of runs."""
    groups = {}
    for r in rows:
        groups.setdefault((r["tool"], int(r["pipelines"])), []).append(r)
    out = {}
    for key, rs in groups.items():
        wall = statistics.median(float(r["wall_s"]) for r in rs)
        files = int(statistics.median(int(r["files"]) for r in rs))
        out[key] = {
            "runs": len(rs),
            "wall": wall,
            "walls": [float(r["wall_s"]) for r in rs],
            "rss": max(int(r["rss_kb"]) for r in rs),
            "files": files,
            "bytes": int(statistics.median(int(r["bytes"]) for r in rs)),
            "per_file_ms": 1000.0 * wall / files if files else float("nan"),
        }
    return out


def fmt_s(seconds):
    return "%.3f s" % seconds if seconds < 10 else "%.1f s" % seconds


def fmt_mb(kb):
    return "%.0f MiB" % (kb / 1024.0)


def ratio(a, b):
    return a / b if b else float("nan")


def chart(stats, sizes, png):
    tools = ["blueprint", "cookiecutter", "cp -r"]
    data = png[:-4] + ".dat"
    with open(data, "w", encoding="utf-8") as f:
        f.write("# pipelines " + " ".join('"%s"' % t for t in tools) + "\n")
        for n in sizes:
            cells = []
            for t in tools:
                s = stats.get((t, n))
                cells.append("%.5f" % s["per_file_ms"] if s else "NaN")
            f.write("%d %s\n" % (n, " ".join(cells)))
    script = """
set terminal pngcairo size 900,560 font "sans,11"
set output "%s"
set title "Time per generated file (whole process, median) against blueprint size"
set xlabel "pipelines in the blueprint (2 streams and 2 datasets each)"
set ylabel "milliseconds per file"
set logscale xy
set xrange [%g:%g]
set grid xtics ytics mytics
set key top right box opaque
set xtics (%s)
plot "%s" using 1:2 with linespoints lw 2 pt 7 title "blueprint generate", \\
     "" using 1:3 with linespoints lw 2 pt 5 title "cookiecutter (Jinja)", \\
     "" using 1:4 with linespoints lw 2 pt 9 title "cp -r of the generated tree (floor)"
""" % (
        png,
        sizes[0] * 0.7,
        sizes[-1] * 1.4,
        ", ".join('"%s" %d' % ("{:,}".format(n), n) for n in sizes),
        data,
    )
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def main(results, target):
    facts = machine_facts(os.path.join(results, "machine.tsv"))
    gen = read_tsv(os.path.join(results, "generation.tsv"))
    stats = medians(gen)
    sizes = sorted({n for _, n in stats})
    largest = sizes[-1]
    png = os.path.join(results, "time-per-file.png")
    chart(stats, sizes, png)

    md = []
    w = md.append
    w("# Benchmarks")
    w("")
    w(
        "Written by `make bench` (bench/run.sh, then bench/report.py) from the figures of one run;"
        " the raw figures are in [bench/results/](bench/results/). Times are whole-process wall"
        " times (JVM start-up included), medians of the runs shown; peak memory is the largest of"
        " the runs. The machine is shared and"
        " small, so compare the ratios measured in the same run rather than absolute times across"
        " runs."
    )
    w("")
    w("## Machine and run")
    w("")
    w("| | |")
    w("| --- | --- |")
    for key, label in [
        ("date", "Date (UTC)"),
        ("commit", "Commit"),
        ("cpu", "CPU"),
        ("nproc", "Cores (nproc)"),
        ("memory", "Memory (free -h)"),
        ("kernel", "Kernel"),
        ("java", "Java"),
        ("cookiecutter", "Cookiecutter (Debian)"),
        ("python", "Python (Debian)"),
        ("load_before", "Load average before the run (1, 5, 15 min)"),
        ("load_after", "Load average after the run"),
        ("bench_seconds", "Duration of `make bench`"),
    ]:
        if key in facts:
            value = facts[key] + (" s" if key == "bench_seconds" else "")
            w("| %s | %s |" % (label, value.replace("|", "/")))
    w("")
    w("## Commands")
    w("")
    w("```sh")
    w("make bench                      # everything below, then this file")
    w("bin/blueprint synth --pipelines N --seed 42 -o synthetic-N.yaml          # the workload")
    w("bin/blueprint synth --pipelines N --seed 42 --format json -o synthetic-N.json")
    w(
        "BLUEPRINT_JAVA_OPTS=-Dblueprint.maxDocumentBytes=1000000000 \\\n"
        "  /usr/bin/time -f %M bin/blueprint generate synthetic-N.yaml -o gen-N       # blueprint"
    )
    w("/usr/bin/time -f %M /usr/bin/python3 bench/cookiecutter/render.py synthetic-N.json cc-N  # peer")
    w("/usr/bin/time -f %M cp -r gen-N copy-N                                     # floor")
    w("hyperfine --warmup 2 --runs 10 'java -version' 'bin/blueprint --version' \\")
    w("  'bin/blueprint validate examples/clickstream-analytics/blueprint.yaml'")
    w("```")
    w("")
    w(
        "Each size is generated from scratch into a new folder; before the timed runs one untimed"
        " generation and rendering of the smallest size warm the disk cache. Nothing is deleted"
        " between the first and the last timed run (trees are set aside and deleted after the"
        " report): on an ext4 without a journal, files created within a minute of a large delete"
        " are several times slower to create, which would fall on whichever tool ran next. The"
        " peer renders, with"
        " Debian's cookiecutter, a Jinja template tree written for this comparison"
        " ([bench/cookiecutter/](bench/cookiecutter/)) that makes the same kinds of files per"
        " pipeline (a DAG, Kafka topics, schemas and layout documents) from the same blueprint, read"
        " as JSON."
    )
    w("")

    w("## Generation")
    w("")
    w(
        "| Pipelines | Tool | Runs | Wall time (median) | All runs (s) | Peak RSS | Files | MB written"
        " | Time per file |"
    )
    w("| ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |")
    for n in sizes:
        for tool in ["blueprint", "cookiecutter", "cp -r"]:
            s = stats.get((tool, n))
            if not s:
                continue
            w(
                "| {:,} | {} | {} | {} | {} | {} | {:,} | {:.1f} | {:.3f} ms |".format(
                    n,
                    tool,
                    s["runs"],
                    fmt_s(s["wall"]),
                    ", ".join("%.2f" % x for x in s["walls"]),
                    fmt_mb(s["rss"]),
                    s["files"],
                    s["bytes"] / 1e6,
                    s["per_file_ms"],
                )
            )
    w("")
    w("Ratios (wall time of blueprint divided by the other's, same size, same run):")
    w("")
    w("| Pipelines | blueprint / cookiecutter | blueprint / cp -r | files blueprint : cookiecutter |")
    w("| ---: | ---: | ---: | --- |")
    for n in sizes:
        b, c, f = stats.get(("blueprint", n)), stats.get(("cookiecutter", n)), stats.get(("cp -r", n))
        if not b:
            continue
        w(
            "| {:,} | {} | {} | {} |".format(
                n,
                (
                    "%.2f (%.1fx faster)" % (ratio(b["wall"], c["wall"]), ratio(c["wall"], b["wall"]))
                    if b["wall"] <= c["wall"]
                    else "%.2f (%.1fx slower)" % (ratio(b["wall"], c["wall"]), ratio(b["wall"], c["wall"]))
                )
                if c
                else "-",
                "%.1f" % ratio(b["wall"], f["wall"]) if f else "-",
                "{:,} : {:,}".format(b["files"], c["files"]) if c else "-",
            )
        )
    w("")
    per_pipeline = read_tsv(os.path.join(results, "cookiecutter-per-pipeline.tsv"))
    if per_pipeline:
        r = per_pipeline[0]
        shared = stats.get(("cookiecutter", int(r["pipelines"])))
        w(
            "The peer above is cookiecutter at its best: one Jinja environment for the whole run,"
            " so that each template compiles once. Rendered the way `cookiecutter()` does it when"
            " called once per pipeline (`generate_files()` per pipeline, a new environment each"
            " time), {} pipelines took {} for {:,} files{}.".format(
                r["pipelines"],
                fmt_s(float(r["wall_s"])),
                int(r["files"]),
                " ({:.1f} times the shared environment's {})".format(
                    float(r["wall_s"]) / shared["wall"], fmt_s(shared["wall"])
                )
                if shared
                else "",
            )
        )
        w("")
    layout = os.path.join(results, "layout.txt")
    if os.path.exists(layout):
        w("What blueprint wrote at {:,} pipelines, by top-level folder:".format(largest))
        w("")
        w("```")
        w(open(layout, encoding="utf-8").read().rstrip())
        w("```")
        w("")
    w("![Time per file against size](bench/results/time-per-file.png)")
    w("")

    # targets
    w("## Targets")
    w("")
    w("| Target | Measured | Met |")
    w("| --- | --- | --- |")
    b, c, f = (stats.get((t, largest)) for t in ("blueprint", "cookiecutter", "cp -r"))
    if b and c:
        speedup = ratio(c["wall"], b["wall"])
        w(
            "| {:,} pipelines at least 5x faster than cookiecutter | {:.1f}x | {} |".format(
                largest, speedup, "yes" if speedup >= 5 else "**no**"
            )
        )
    if b and f:
        over = ratio(b["wall"], f["wall"])
        w(
            "| {:,} pipelines within 3x the `cp -r` floor | {:.1f}x | {} |".format(
                largest, over, "yes" if over <= 3 else "**no**"
            )
        )
    prev = [n for n in sizes if n < largest]
    if b and prev and stats.get(("blueprint", prev[-1])):
        p = stats[("blueprint", prev[-1])]
        flat = ratio(b["per_file_ms"], p["per_file_ms"])
        w(
            "| time per file at {:,} at most 1.5x that at {:,} | {:.2f}x ({:.3f} vs {:.3f} ms) | {} |".format(
                largest,
                prev[-1],
                flat,
                b["per_file_ms"],
                p["per_file_ms"],
                "yes" if flat <= 1.5 else "**no**",
            )
        )
    if b:
        w(
            "| peak memory below 1 GiB at {:,} pipelines | {} | {} |".format(
                largest, fmt_mb(b["rss"]), "yes" if b["rss"] < GIB else "**no**"
            )
        )
    eng_path = os.path.join(results, "engagements.json")
    eng = json.load(open(eng_path, encoding="utf-8")) if os.path.exists(eng_path) else None
    if eng:
        e2e = eng.get("endToEndP50Ms")
        base = eng.get("emptyWorkflowP50Ms")
        if e2e and base:
            r = e2e / base
            w(
                "| engagement end to end at most 5x an empty workflow's round trip (p50) | {:.1f}x | {} |".format(
                    r, "yes" if r <= 5 else "**no**"
                )
            )
        if "inFlight" in eng:
            fl = eng["inFlight"]
            w(
                "| {} engagements in flight on one worker complete without errors | {} completed, {} failed | {} |".format(
                    fl["engagements"],
                    fl["completed"],
                    fl["failed"],
                    "yes" if fl["failed"] == 0 and fl["completed"] == fl["engagements"] else "**no**",
                )
            )
    else:
        w("| engagement figures | not measured in this run | - |")
    w("")

    # start-up
    startup = os.path.join(results, "startup.json")
    if os.path.exists(startup):
        runs = json.load(open(startup, encoding="utf-8"))["results"]
        base = next((r for r in runs if r["command"] == "java -version"), None)
        w("## CLI start-up")
        w("")
        w("hyperfine, 2 warm-up runs and 10 timed runs each; the baseline is a bare `java -version`.")
        w("")
        w("| Command | Mean | Median | Min | Max | / java -version |")
        w("| --- | ---: | ---: | ---: | ---: | ---: |")
        for r in runs:
            w(
                "| `{}` | {:.0f} ms | {:.0f} ms | {:.0f} ms | {:.0f} ms | {} |".format(
                    r["command"],
                    1000 * r["mean"],
                    1000 * r["median"],
                    1000 * r["min"],
                    1000 * r["max"],
                    "%.1f" % (r["median"] / base["median"]) if base else "-",
                )
            )
        w("")

    if eng:
        w("## Engagements")
        w("")
        w(eng.get("description", ""))
        w("")
        w("| Measure | Value | Baseline (empty workflow, same server) | Ratio |")
        w("| --- | ---: | ---: | ---: |")
        for row in eng.get("rows", []):
            w(
                "| {} | {} | {} | {} |".format(
                    row["measure"], row["value"], row.get("baseline", "-"), row.get("ratio", "-")
                )
            )
        w("")
        bd = eng.get("breakdownOfLastEngagement")
        if bd:
            local = [k for k, v in bd["activities"].items() if v.startswith("local activity")]
            regular = {k: v for k, v in bd["activities"].items() if k not in local}
            tasks = bd.get("workflowTasks", 0)
            tasks_ms = bd.get("workflowTasksMs", 0.0)
            between = bd["totalMs"] - tasks_ms - bd["activityWorkMs"] - bd["activityQueuedMs"]
            w(
                "Where the time of one engagement goes (the last of the sequential ones, from its"
                " history's event times): {:.0f} ms in all. {} workflow task{} took {:.0f} ms{}."
                " Regular activities worked {:.0f} ms and waited {:.0f} ms for the worker{}; the"
                " remaining {:.0f} ms is the server between events.".format(
                    bd["totalMs"],
                    tasks,
                    "" if tasks == 1 else "s",
                    tasks_ms,
                    (
                        ", running {} as local activities inside {} (the history records their"
                        " results, not their separate times)".format(
                            ", ".join(local), "it" if tasks == 1 else "them"
                        )
                        if local
                        else ""
                    ),
                    bd["activityWorkMs"],
                    bd["activityQueuedMs"],
                    (
                        " (" + "; ".join("%s %s" % (k, v) for k, v in regular.items()) + ")"
                        if regular
                        else ""
                    ),
                    max(between, 0.0),
                )
            )
            w("")
        fl = eng.get("inFlight", {})
        if fl.get("failures"):
            w("Failures in flight (first ten): " + "; ".join(fl["failures"]))
            w("")

    findings = os.path.join(HERE, "findings.md")
    if os.path.exists(findings):
        w(open(findings, encoding="utf-8").read().rstrip())
        w("")

    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(md))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: report.py RESULTS_DIR BENCHMARKS.md")
    main(sys.argv[1], sys.argv[2])
