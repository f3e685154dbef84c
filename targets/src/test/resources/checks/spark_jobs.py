"""Runs every generated Spark job of some repositories on a local Spark, for SparkJobsTest.

Run by spark-submit (one driver, one JVM: a JVM per job would cost ~12 s each), with one argument:
a JSON file {"repos": [{"name", "repo", "datasets": {uri: {"fields": {partition field: type}}}}],
"lake": dir, "start": ISO, "end": ISO, "commands": file}. For each SparkSubmitOperator of each
repository's DAGs, with the arguments the DAG passes (s3:// URIs mapped to folders under lake):
  1. the job as generated (run as __main__, as spark-submit runs it) fails with its
     NotImplementedError naming pipeline and task;
  2. when every input and output is a lake file (parquet, avro), transform() gets a minimal body,
     the natural one the job's docstring asks for: read each input in its format for the
     rebuild window (rebuild_window(args)), write each output's rows of its window in its format,
     partitioned by its partition_by, mode overwrite. The inputs hold rows inside and outside the
     interval, the outputs a row of an earlier partition and one of the day before. Three runs:
     the interval's day, the next day, the first day again. The outputs then hold every input row
     of each partition the two days touch (by month: the whole month, both days included), the
     partitions they do not touch as they were, and the rerun changed nothing;
  3. for a job with an output partitioned coarser than a day, the same runs with a body that
     reads only the interval must fail those checks (the month keeps one day): the checks can fail.
Writes, for SparkJobsTest's standalone spark-submit, each job's command line to "commands".
"""

import ast
import datetime
import json
import re
import runpy
import sys
import traceback
from pathlib import Path

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

SPEC = json.loads(Path(sys.argv[1]).read_text())
LAKE = Path(SPEC["lake"])
START = SPEC["start"]
END = SPEC["end"]
FILE_FORMATS = {"parquet", "avro"}
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg, flush=True)


def note(msg):
    print("NOTE " + msg, flush=True)


# ---- the DAGs' spark-submit calls ------------------------------------------------------------


def spark_tasks(repo):
    """(task name, job file, application_args) of every SparkSubmitOperator in the DAGs."""
    out = []
    for dag in sorted((repo / "dags").glob("*.py")):
        for node in ast.walk(ast.parse(dag.read_text())):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "SparkSubmitOperator"):
                continue
            kw = {k.arg: k.value for k in node.keywords}
            # application=os.path.join(REPO_ROOT, "jobs/x.py")
            app = kw["application"].args[-1].value
            args = ast.literal_eval(kw["application_args"])
            out.append((ast.literal_eval(kw["name"]), repo / app, args))
    return out


def local_uri(uri, lake):
    """s3://bucket/path/ -> file:///lake/bucket/path/; other schemes as they are."""
    m = re.match(r"s3a?://(.+)$", uri)
    return (lake / m.group(1)).as_uri() + "/" if m else uri


def render(args, lake, start=START, end=END):
    """The DAG's application_args as Airflow renders them, with the lake mapped to a folder."""
    values = {"interval_start()": start, "interval_end()": end}
    out = []
    for a in args:
        a = re.sub(r"\{\{\s*(\S+)\s*\}\}", lambda m: values[m.group(1)], a)
        out.append(local_uri(a, lake))
    return out


def run_job(job, argv):
    """Runs the job file as spark-submit would (as __main__, with its argv); returns the error."""
    saved = sys.argv
    sys.argv = [str(job)] + argv
    try:
        runpy.run_path(str(job), run_name="__main__")
        return None
    except BaseException as e:  # noqa: BLE001 - SystemExit from argparse too
        return e
    finally:
        sys.argv = saved


def job_constants(job):
    """PIPELINE.TASK as the job file names them."""
    found = {}
    for node in ast.parse(job.read_text()).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") in ("PIPELINE", "TASK"):
            found[node.targets[0].id] = ast.literal_eval(node.value)
    return f"{found['PIPELINE']}.{found['TASK']}"


def job_data(job):
    """The INPUTS and OUTPUTS dicts of a job file, read without running it."""
    found = {}
    for node in ast.parse(job.read_text()).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") in ("INPUTS", "OUTPUTS"):
            found[node.targets[0].id] = ast.literal_eval(node.value)
    return found["INPUTS"], found["OUTPUTS"]


# ---- the team writes its job: a minimal body -------------------------------------------------

BODY = '''    """Reads the inputs for the rebuild window, transforms them and writes the outputs."""
    from pyspark.sql import functions as F

    def within(at, w):
        return (at >= F.lit(w.start)) & (at < F.lit(w.end))

    window, windows = WINDOWS
    assert len(args.input) == len(INPUTS) and len(args.output) == len(OUTPUTS), args
    rows = None
    for (name, spec), uri in zip(INPUTS.items(), args.input):
        df = spark.read.format(spec["format"]).load(uri)
        at = F.col(TIME_FIELDS[name]).cast("timestamp")
        df = df.where(within(at, window)).select(F.col("id"), at.alias("at"))
        rows = df if rows is None else rows.unionByName(df)
    for (name, spec), uri in zip(OUTPUTS.items(), args.output):
        out = rows.where(within(F.col("at"), windows[name]))
        out = out.withColumn("source_task", F.lit(PIPELINE + "." + TASK))
        for field, type_ in OUTPUT_FIELDS[name].items():
            out = out.withColumn(field, F.col("at").cast(type_))
        for column, expression in spec["partition_by"].items():
            out = out.withColumn(column, F.expr(expression))
        out.write.format(spec["format"]).partitionBy(*spec["partition_by"]).mode("overwrite").save(uri)
'''

# what the job's docstring asks for: the inputs for the whole partitions the interval touches
REBUILD_WINDOW = "rebuild_window(args)"

# the body the old stub asked for ("write only the interval's partitions"): the interval alone
INTERVAL_ONLY = (
    "(lambda w: (w, {name: w for name in OUTPUTS}))("
    "Window(_utc(args.data_interval_start), _utc(args.data_interval_end)))"
)


def write_body(job, time_fields, output_fields, windows=REBUILD_WINDOW):
    text = job.read_text()
    m = re.search(r"^def transform\(spark, args\):\n(?:    .*\n|\n)*?(?=\n\n\S)", text, re.M)
    if not m:
        raise AssertionError(f"{job}: no transform(spark, args) to fill in")
    head = f"TIME_FIELDS = {time_fields!r}\nOUTPUT_FIELDS = {output_fields!r}\n\n\n"
    body = BODY.replace("WINDOWS", windows)
    job.write_text(text[: m.start()] + head + "def transform(spark, args):\n" + body + text[m.end() :])


# ---- data ------------------------------------------------------------------------------------


def ts(s):
    return datetime.datetime.fromisoformat(s).astimezone(datetime.timezone.utc).replace(tzinfo=None)


def spark_type(t):
    return "date" if t == "date" else "timestamp"


def write_dataset(spark, uri, spec, fields, rows):
    """rows: (id, datetime) written with each partition field set from the datetime."""
    df = spark.createDataFrame([(i, at) for i, at in rows], "id long, at timestamp")
    for field, t in fields.items():
        df = df.withColumn(field, df["at"].cast(spark_type(t)))
    for column, expression in spec["partition_by"].items():
        df = df.withColumn(column, F.expr(expression))
    df.write.format(spec["format"]).partitionBy(*spec["partition_by"]).mode("overwrite").save(uri)


def read_back(spark, uri, fmt):
    rows = spark.read.format(fmt).load(uri).collect()
    return sorted(tuple(sorted((k, str(v)) for k, v in r.asDict().items())) for r in rows)


def folders(uri):
    root = Path(uri[len("file://") :])
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir())


STRFTIME = {"yyyy": "%Y", "MM": "%m", "dd": "%d", "HH": "%H"}


def folder_value(expression, at):
    """What the layout's folder value is for a row at `at`, computed here without Spark."""
    m = re.match(r"date_format\(`[^`]+`, '([^']+)'\)$", expression)
    if m:
        return at.strftime(re.sub(r"yyyy|MM|dd|HH", lambda x: STRFTIME[x.group(0)], m.group(1)))
    return at.strftime("%Y-%m-%d")  # identity on a date field


# ---- the checks ------------------------------------------------------------------------------


def check_repo(r, commands):
    repo = Path(r["repo"])
    datasets = r["datasets"]
    tasks = spark_tasks(repo)
    if not tasks:
        note(f"{r['name']}: no Spark task")
    originals = {}
    for name, job, dag_args in tasks:
        # each task starts from the job as generated (two tasks may run one job file)
        job.write_text(originals.setdefault(job, job.read_text()))
        lake = LAKE / r["name"] / name
        argv = render(dag_args, lake)
        commands.append({"repo": r["name"], "job": str(job), "args": argv})
        where = f"{r['name']}: {name} ({job.name})"
        # 1. as generated
        e = run_job(job, argv)
        named = job_constants(job)
        expected = f"{named}: this job is not written yet"
        if not (isinstance(e, NotImplementedError) and str(e) == expected):
            fail(f"{where}: as generated it should raise NotImplementedError({expected!r}), got {e!r}")
            continue
        if named != name:
            if named not in [n for n, j, _ in tasks if j == job]:
                fail(f"{where}: its NotImplementedError names {named}, no task that runs {job.name}")
            note(f"{where}: {job.name} is shared with {named}, whose name its NotImplementedError gives")
        if SparkSession.getActiveSession() is not None:
            fail(f"{where}: the failed job left its SparkSession running")
        inputs, outputs = job_data(job)
        others = [d["uri"] for d in list(inputs.values()) + list(outputs.values()) if d["format"] not in FILE_FORMATS]
        if others:
            note(f"{where}: raises its NotImplementedError; not run further: reads or writes {', '.join(others)} (no Kafka, JDBC or Cassandra connector here)")
            continue
        # 2. data, a minimal body, three runs
        time_fields, output_fields = {}, {}
        for dname, spec in inputs.items():
            fields = datasets[spec["uri"]]["fields"]
            if not fields:
                fail(f"{where}: input {dname} has no partition field to take the interval from")
                continue
            time_fields[dname] = next(iter(fields))
        for dname, spec in outputs.items():
            output_fields[dname] = {f: spark_type(t) for f, t in datasets[spec["uri"]]["fields"].items()}
        if len(time_fields) != len(inputs):
            continue
        write_body(job, time_fields, output_fields)
        problems, kept = three_runs(job, dag_args, lake, inputs, outputs, datasets)
        for p in problems:
            fail(f"{where}: {p}")
        if not problems:
            for dname, spec in outputs.items():
                note(f"{where}: output {dname} ({spec['format']}, {', '.join(spec['partition_by'])}, "
                     f"period {spec['partition_period']}): both days' partitions rebuilt whole, "
                     f"untouched partitions kept{'' if kept[dname] else ' (the day before is in the rebuilt partition)'}, "
                     f"rerun identical")
        # 3. the old advice, the interval alone, must fail the checks where a partition spans more
        if not all(kept.values()):
            write_body(job, time_fields, output_fields, INTERVAL_ONLY)
            missed, _ = three_runs(job, dag_args, LAKE / "interval-only" / r["name"] / name, inputs, outputs, datasets)
            if not any("expected" in p for p in missed):
                fail(f"{where}: a body that reads only the interval passed the checks: {missed}")
            else:
                note(f"{where}: a body that reads only the interval fails the checks, as it should: "
                     + "; ".join(p for p in missed if "expected" in p))


SECOND = datetime.timedelta(seconds=1)
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def three_runs(job, dag_args, lake, inputs, outputs, datasets):
    """Runs the job for the interval's day (A), the next day (B) and A again, on fresh data.

    Returns (problems, {output: whether the day before's partition is untouched, so kept}).
    """
    a = (ts(START), ts(END))
    b = (ts(END), ts(END) + DAY)
    start = a[0]
    month = start.replace(day=1)
    # inputs: both days (their first and last second), the day before, the day after, and the
    # seconds around the month; outputs: an earlier year's row and one of the day before
    input_rows = [
        (1, start), (2, a[1] - SECOND), (4, b[0]), (5, b[1] - SECOND),
        (3, start - DAY), (6, b[1]), (7, month - SECOND), (10, next_month(month)),
    ]
    earlier, day_before = (9, start - 400 * DAY), (8, start - DAY)
    argv = {w: render(dag_args, lake, w[0].isoformat() + "+00:00", w[1].isoformat() + "+00:00") for w in (a, b)}
    ins = [argv[a][i + 1] for i, x in enumerate(argv[a]) if x == "--input"]
    outs = [argv[a][i + 1] for i, x in enumerate(argv[a]) if x == "--output"]
    spark = SparkSession.builder.getOrCreate()
    for (dname, spec), uri in zip(inputs.items(), ins):
        write_dataset(spark, uri, spec, datasets[spec["uri"]]["fields"], input_rows)
    for (dname, spec), uri in zip(outputs.items(), outs):
        write_dataset(spark, uri, spec, datasets[spec["uri"]]["fields"], [earlier, day_before])
    spark.stop()
    problems, results = [], []
    for run, w in (("A", a), ("B", b), ("A again", a)):
        e = run_job(job, argv[w])
        if e is not None:
            return [f"run {run} failed: {''.join(traceback.format_exception(e))}"], {}
        spark = SparkSession.builder.getOrCreate()
        results.append({u: (read_back(spark, u, outputs[d]["format"]), folders(u)) for d, u in zip(outputs, outs)})
        spark.stop()
    if results[1] != results[2]:
        problems.append(f"rerunning A after B changed the outputs:\n{results[1]}\n{results[2]}")
    kept = {}
    for (dname, spec), uri in zip(outputs.items(), outs):
        rows, dirs = results[2][uri]
        ids = sorted(int(dict(r)["id"]) for r in rows)
        # the partitions A and B touch, hour by hour: each holds every input row that falls in it
        touched = {partition(spec, a[0] + h * HOUR) for h in range(48)}
        want = [i for i, at in input_rows if partition(spec, at) in touched] * len(inputs)
        want += [i for i, at in (earlier, day_before) if partition(spec, at) not in touched]
        kept[dname] = partition(spec, day_before[1]) not in touched
        if ids != sorted(want):
            problems.append(f"output {dname} holds ids {ids}, expected {sorted(want)}")
        for column, expression in spec["partition_by"].items():
            for at in (a[0], b[0], earlier[1]):
                folder = f"{column}={folder_value(expression, at)}"
                if not any(folder in d.split("/") for d in dirs):
                    problems.append(f"output {dname} has no folder {folder}: {dirs}")
    return problems, kept


def next_month(at):
    return at.replace(year=at.year + at.month // 12, month=at.month % 12 + 1)


def partition(spec, at):
    """The partition folders a row at `at` goes to, computed here without Spark."""
    return tuple(folder_value(e, at) for e in spec["partition_by"].values())


def main():
    commands = []
    for r in SPEC["repos"]:
        try:
            check_repo(r, commands)
        except Exception:  # noqa: BLE001 - report and go on with the next repository
            fail(f"{r['name']}: {traceback.format_exc()}")
    Path(SPEC["commands"]).write_text(json.dumps(commands, indent=1))
    print(f"{len(failures)} failures", flush=True)


if __name__ == "__main__":
    main()
