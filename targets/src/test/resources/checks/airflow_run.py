"""Loads and runs one generated repository's DAGs in a real Airflow (3 or 2), for AirflowRunTest.

Run by the Airflow venv's python, with AIRFLOW_HOME, the SQLite database and the DAG folder set
by the caller, and one argument: a JSON file with
  {"repo": ..., "dags": [dag ids], "postgres": "postgresql://user@host:port", "record": dir,
   "avro": {...}, "spark_version": ..., "scala_version": ...} (see 5.).
Steps, each failing with a message that names the DAG, task and start:
  1. the DAG folder loads in a DagBag: no import errors, no warnings, the expected DAG ids, and
     .airflowignore keeps the python tasks' helper packages out of the DAG processor;
  2. with the stubs as generated, a manual run of every DAG fails, and each bash, SQL and python
     task that ran logged its stub's "not written yet" message;
  3. with a minimal body in every stub, every DAG runs to success once for each way it can start
     (its schedule, the asset events it is scheduled on, a manual trigger), every templated field
     rendered (read back from Airflow's rendered-fields table) with no Jinja left and no "None";
  4. for each start, a task that a compensating task undoes is made to fail: the compensating
     tasks run and succeed, and the run ends failed.
  5. the Spark tasks whose jobs read or write Avro ("avro": {dag id: [task ids]}) submit with
     --packages org.apache.spark:spark-avro_SCALA:VERSION, the versions from the Airflow Variables
     the README names ("spark_version", "scala_version": null for the default 2.13), and the other
     Spark tasks with no --packages; with spark_version unset, such a task fails before it submits,
     naming the Variable.
Bash tasks run their scripts, python tasks their callables, SQL tasks run against the real
PostgreSQL (one database per generated storage/ddl/postgres/*.sql, applied first). Spark: here
spark-submit is a recording shim on PATH, so SparkSubmitOperator builds and launches its real
command line and the test checks that line (application file, interval arguments); the jobs
themselves run on a real local Spark in SparkJobsTest (spark_jobs.py), with the same arguments.
Retries are set to 0 and sensors poke every second (dag.test() waits out retry delays).
"""

import datetime
import json
import os
import re
import sys
import tempfile
import warnings
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

SPEC = json.loads(Path(sys.argv[1]).read_text())
REPO = Path(SPEC["repo"])
DAGS = REPO / "dags"
RECORD = Path(SPEC["record"])
NOT_WRITTEN = "not written yet"
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, flush=True)


def note(message):
    print("NOTE: " + message, flush=True)


# ---- Airflow version and the bits that differ -----------------------------------------------

import airflow  # noqa: E402

V3 = int(airflow.__version__.split(".")[0]) >= 3
note(f"Airflow {airflow.__version__} on {REPO.name}")

from airflow.utils.file import list_py_file_paths  # noqa: E402
from airflow.utils.state import DagRunState, TaskInstanceState  # noqa: E402
from airflow.utils.types import DagRunType  # noqa: E402

if V3:
    from airflow.dag_processing.dagbag import DagBag
    from airflow.models.renderedtifields import RenderedTaskInstanceFields
    from airflow.sdk.bases.sensor import BaseSensorOperator
else:
    from airflow.models.dagbag import DagBag
    from airflow.models.renderedtifields import RenderedTaskInstanceFields
    from airflow.sensors.base import BaseSensorOperator


# ---- PostgreSQL: one database per generated DDL file, connections through env ----------------


def setup_postgres():
    import psycopg2

    ddl = sorted((REPO / "storage/ddl/postgres").glob("*.sql"))
    admin = psycopg2.connect(SPEC["postgres"] + "/postgres")
    admin.autocommit = True
    databases = {}
    # each run of this script gets its own databases, named after the generated ones
    for f in ddl + [None]:
        db = SPEC["prefix"] + "_" + (f.stem if f else "default")
        with admin.cursor() as c:
            c.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,))
            if c.fetchone() is None:
                c.execute(f'CREATE DATABASE "{db}"')
        if f is None:
            databases[None] = (db, [])
            continue
        conn = psycopg2.connect(SPEC["postgres"] + "/" + db)
        conn.autocommit = True
        with conn.cursor() as c:
            c.execute(f.read_text())
        conn.close()
        schemas = re.findall(r'CREATE SCHEMA IF NOT EXISTS "([^"]+)"', f.read_text())
        databases[f.stem] = (db, schemas)
    admin.close()
    return databases


def postgres_uri(db, schemas):
    # the blueprint's inline SQL names tables without their schema: put the schemas on the path
    path = ",".join(schemas + ["public"])
    return f"{SPEC['postgres']}/{db}?options=" + quote(f"-csearch_path={path}", safe="")


def connect_sql(dags, databases):
    for dag in dags.values():
        for t in dag.tasks:
            conn_id = getattr(t, "conn_id", None)
            if type(t).__name__ == "SQLExecuteQueryOperator":
                db, schemas = databases.get(conn_id, databases[None])
                os.environ["AIRFLOW_CONN_" + conn_id.upper()] = postgres_uri(db, schemas)


# ---- Spark: a recording spark-submit on PATH ------------------------------------------------


def spark_shim():
    bin_dir = Path(tempfile.mkdtemp(prefix="spark-shim-"))
    shim = bin_dir / "spark-submit"
    shim.write_text(
        "#!/bin/sh\n"
        f'exec "{sys.executable}" -c "import json, os, sys; '
        "open(os.environ['SPARK_SUBMIT_RECORD'], 'a').write(json.dumps(sys.argv[1:]) + '\\n')\" \"$@\"\n"
    )
    shim.chmod(0o755)
    os.environ["PATH"] = f"{bin_dir}{os.pathsep}{os.environ['PATH']}"
    os.environ["SPARK_SUBMIT_RECORD"] = str(RECORD / "spark-submit.jsonl")
    os.environ["AIRFLOW_CONN_SPARK_DEFAULT"] = json.dumps({"conn_type": "spark", "host": "local"})


def spark_variables(version=True):
    """The Airflow Variables the generated README tells the team to set, as environment variables."""
    os.environ.pop("AIRFLOW_VAR_SPARK_VERSION", None)
    os.environ.pop("AIRFLOW_VAR_SPARK_SCALA_VERSION", None)
    if version:
        os.environ["AIRFLOW_VAR_SPARK_VERSION"] = SPEC["spark_version"]
    if SPEC.get("scala_version"):
        os.environ["AIRFLOW_VAR_SPARK_SCALA_VERSION"] = SPEC["scala_version"]


def avro_package():
    scala = SPEC.get("scala_version") or "2.13"
    return f"org.apache.spark:spark-avro_{scala}:{SPEC['spark_version']}"


def spark_calls():
    f = RECORD / "spark-submit.jsonl"
    calls = [json.loads(line) for line in f.read_text().splitlines()] if f.exists() else []
    f.unlink(missing_ok=True)
    return calls


# ---- 1. load ---------------------------------------------------------------------------------


def load():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        bag = DagBag(dag_folder=str(DAGS), **({} if V3 else {"include_examples": False}))
    for path, error in bag.import_errors.items():
        fail(f"import error in {path}: {error}")
    for w in caught:
        ours = str(w.filename).startswith(str(REPO))
        airflows = w.category.__name__ in (
            "RemovedInAirflow3Warning",
            "AirflowProviderDeprecationWarning",
            "DeprecatedImportWarning",
            "RemovedInAirflow4Warning",
        )
        if not (ours or airflows):
            # Airflow's own use of its libraries (e.g. pathspec's renamed pattern class) is not
            # the DAGs' doing
            note(f"warning from Airflow itself, not the DAGs: {w.category.__name__}: {w.message}")
            continue
        fail(f"warning while loading the DAG folder: {w.category.__name__}: {w.message} ({w.filename}:{w.lineno})")
    if sorted(bag.dags) != sorted(SPEC["dags"]):
        fail(f"DagBag holds {sorted(bag.dags)}, expected {sorted(SPEC['dags'])}")
    if not V3 and not bag.import_errors:
        # Airflow 2's dag.test() writes no DAG to the database; a task's outlet makes a dataset
        # event only for a known dataset, as the DAG processor would have recorded it
        bag.sync_to_db()
    parsed = list_py_file_paths(str(DAGS), safe_mode=False)
    helpers = [p for p in parsed if Path(p).parent != DAGS]
    if helpers:
        fail(f"the DAG processor would parse helper modules (no .airflowignore for them?): {helpers}")
    return bag.dags


# ---- runs ------------------------------------------------------------------------------------


@contextmanager
def captured():
    """Everything written to stdout and stderr (task logs, subprocess output) into a file."""
    out = tempfile.TemporaryFile(mode="w+")
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    os.dup2(out.fileno(), 1)
    os.dup2(out.fileno(), 2)
    text = []
    try:
        yield text
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])
        out.seek(0)
        text.append(out.read())
        out.close()


def schedule_kind(dag):
    name = type(dag.timetable).__name__
    if name in ("AssetTriggeredTimetable", "DatasetTriggeredTimetable"):
        return "asset"
    if name == "NullTimetable":
        return "none"
    return "schedule"


def starts(dag):
    kind = schedule_kind(dag)
    return ([] if kind == "none" else [kind]) + ["manual"]


def now():
    import pendulum

    return pendulum.now("UTC")


def replace(session, dag_run_class, dag_id, date_column, date):
    """Deletes an earlier run of the same DAG and date, as dag.test() does for its own runs."""
    from sqlalchemy import delete

    session.execute(delete(dag_run_class).where(dag_run_class.dag_id == dag_id, date_column == date))
    session.commit()


def run_creator(start, original):
    """A stand-in for dag.test()'s run factory that makes the run the scheduler would make."""

    def create3(**kw):
        from sqlalchemy import select

        from airflow.utils.types import DagRunTriggeredByType

        from airflow.models.asset import AssetEvent, DagScheduleAssetReference
        from airflow.models.dagrun import DagRun

        dag, session = kw["dag"], kw["session"]
        if start == "schedule":
            interval = dag.timetable.infer_manual_data_interval(run_after=now())
            replace(session, DagRun, dag.dag_id, DagRun.logical_date, interval.start)
            return dag.create_dagrun(
                run_id=DagRun.generate_run_id(
                    run_type=DagRunType.SCHEDULED, logical_date=interval.start, run_after=interval.end
                ),
                logical_date=interval.start,
                data_interval=interval,
                run_after=interval.end,
                run_type=DagRunType.SCHEDULED,
                triggered_by=DagRunTriggeredByType.TIMETABLE,
                state=DagRunState.RUNNING,
                start_date=now(),
                conf=None,
                session=session,
            )
        if start == "asset":
            # as the scheduler's _create_dag_runs_asset_triggered: no logical date, no interval
            events = session.scalars(
                select(AssetEvent).where(
                    AssetEvent.asset_id.in_(
                        select(DagScheduleAssetReference.asset_id).where(
                            DagScheduleAssetReference.dag_id == dag.dag_id
                        )
                    )
                )
            ).all()
            if not events:
                raise AssertionError(f"{dag.dag_id}: no asset events to trigger it (did its producers run?)")
            run_after = now()
            dr = dag.create_dagrun(
                run_id=DagRun.generate_run_id(
                    run_type=DagRunType.ASSET_TRIGGERED, logical_date=None, run_after=run_after
                ),
                logical_date=None,
                data_interval=None,
                run_after=run_after,
                run_type=DagRunType.ASSET_TRIGGERED,
                triggered_by=DagRunTriggeredByType.ASSET,
                state=DagRunState.RUNNING,
                start_date=run_after,
                conf=None,
                session=session,
            )
            dr.consumed_asset_events.extend(events)
            session.commit()
            return dr
        return original(**kw)

    def create2(**kw):
        from sqlalchemy import select

        from airflow.models.dataset import DagScheduleDatasetReference, DatasetEvent
        from airflow.models.dagrun import DagRun

        dag, session = kw["dag"], kw["session"]
        if start == "schedule":
            interval = dag.timetable.infer_manual_data_interval(run_after=now())
            replace(session, DagRun, dag.dag_id, DagRun.execution_date, interval.start)
            return dag.create_dagrun(
                run_id=DagRun.generate_run_id(DagRunType.SCHEDULED, interval.start),
                execution_date=interval.start,
                data_interval=interval,
                run_type=DagRunType.SCHEDULED,
                external_trigger=False,
                state=DagRunState.RUNNING,
                start_date=now(),
                session=session,
            )
        if start == "asset":
            # as the scheduler's _create_dag_runs_dataset_triggered
            events = session.scalars(
                select(DatasetEvent).where(
                    DatasetEvent.dataset_id.in_(
                        select(DagScheduleDatasetReference.dataset_id).where(
                            DagScheduleDatasetReference.dag_id == dag.dag_id
                        )
                    )
                )
            ).all()
            if not events:
                raise AssertionError(f"{dag.dag_id}: no dataset events to trigger it (did its producers run?)")
            when = now()
            dr = dag.create_dagrun(
                run_id=DagRun.generate_run_id(DagRunType.DATASET_TRIGGERED, when),
                execution_date=when,
                data_interval=dag.timetable.data_interval_for_events(when, events),
                run_type=DagRunType.DATASET_TRIGGERED,
                external_trigger=False,
                state=DagRunState.RUNNING,
                start_date=when,
                session=session,
            )
            dr.consumed_dataset_events.extend(events)
            session.commit()
            return dr
        return original(**kw)

    return create3 if V3 else create2


def run(dag, start):
    """One dag.test() run started as `start`; returns (run, {task_id: state}, log text)."""
    if V3:
        import airflow.models.dagrun as module

        name = "get_or_create_dagrun"
    else:
        import airflow.models.dag as module

        name = "_get_or_create_dagrun"
    original = getattr(module, name)
    setattr(module, name, run_creator(start, original))
    try:
        with captured() as log:
            if V3:
                dr = dag.test(logical_date=None) if start == "manual" else dag.test()
            else:
                dr = dag.test(execution_date=now())
    finally:
        setattr(module, name, original)
    states = {ti.task_id: ti.state for ti in dr.get_task_instances()}
    return dr, states, log[0]


def fresh(dag):
    """The DAG parsed again, with the helper modules unloaded: an in-process run renders its
    templates into the task objects, and the team's callables change between passes."""
    for name, module in list(sys.modules.items()):
        if str(getattr(module, "__file__", None) or "").startswith(str(REPO)):
            del sys.modules[name]
    bag = DagBag(dag_folder=dag.fileloc, **({} if V3 else {"include_examples": False}))
    new = bag.dags[dag.dag_id]
    prepare(new)
    return new


def prepare(dag):
    for t in dag.tasks:
        t.retries = 0
        if isinstance(t, BaseSensorOperator):
            t.mode = "poke"
            t.poke_interval = 1
            t.timeout = 3


def producers_first(dags):
    return sorted(dags.values(), key=lambda d: (schedule_kind(d) == "asset", d.dag_id))


# ---- 2. unwritten stubs fail ------------------------------------------------------------------


def stub_kind(task):
    kind = type(task).__name__
    if kind in ("BashOperator", "BashSensor"):
        scripts = [w for w in task.bash_command.split() if (REPO / w).is_file()]
        return "bash" if scripts and NOT_WRITTEN in (REPO / scripts[0]).read_text() else None
    if kind == "SQLExecuteQueryOperator":
        # Airflow 3 reads a .sql file into the field when it parses the DAG, Airflow 2 at run time
        sql = task.sql if isinstance(task.sql, str) else ""
        return "sql" if sql.strip().endswith(".sql") or NOT_WRITTEN in sql else None
    if kind == "PythonOperator" and getattr(task.python_callable, "args", None):
        return "python"
    return None


def unwritten_stubs_fail(dags):
    for dag in producers_first(dags):
        stubs = {t.task_id: stub_kind(t) for t in dag.tasks if stub_kind(t) and t.trigger_rule == "all_success"}
        if not stubs:
            note(f"{dag.dag_id}: no bash, SQL or python stub runs in a normal run (Spark jobs run in SparkJobsTest)")
            continue
        dr, states, log = run(fresh(dag), "manual")
        if dr.state != DagRunState.FAILED:
            fail(f"{dag.dag_id}: a run with unwritten stubs ended {dr.state}, not failed")
        ran = [t for t in stubs if states.get(t) == TaskInstanceState.FAILED]
        if not ran:
            fail(f"{dag.dag_id}: no stub task failed ({states})")
        for t in ran:
            if t not in log:
                fail(f"{dag.dag_id}.{t}: its failure is not in the log")
        if NOT_WRITTEN not in log:
            fail(f"{dag.dag_id}: the stubs' '{NOT_WRITTEN}' message is not in the run's log")
        note(f"{dag.dag_id}: unwritten stubs fail the run ({', '.join(f'{t}={stubs[t]}' for t in ran)})")


# ---- the team writes its code: a minimal body in every stub ----------------------------------


def write_minimal_bodies():
    interval = "{{ interval_start() }}" if V3 else "{{ data_interval_start }}"
    for f in sorted((REPO / "scripts").glob("**/*.sh")) if (REPO / "scripts").is_dir() else []:
        text = f.read_text()
        if NOT_WRITTEN in text:
            head = text[: text.index('echo "${pipeline}.${task}: this script')]
            f.write_text(head + 'echo "${pipeline}.${task} ran: $*" >> "$BLUEPRINT_TASK_RECORD"\n')
    for f in sorted((REPO / "sql").glob("**/*.sql")) if (REPO / "sql").is_dir() else []:
        text = f.read_text()
        if NOT_WRITTEN in text:
            rel = f.relative_to(REPO).as_posix()
            head = text[: text.index("DO $$")]
            f.write_text(
                head
                + "CREATE TABLE IF NOT EXISTS public.blueprint_test_runs (file text, run_date text);\n"
                + f"INSERT INTO public.blueprint_test_runs VALUES ('{rel}', '{interval}');\n"
            )
    for f in sorted(DAGS.rglob("*.py")):
        text = f.read_text()
        if NOT_WRITTEN in text:
            f.write_text(re.sub(r"raise NotImplementedError\((.*)\)", r"print(\1.replace('is not written yet', 'ran'))", text))
    os.environ["BLUEPRINT_TASK_RECORD"] = str(RECORD / "bash-tasks.log")


# ---- 3. every start renders and runs to success -----------------------------------------------


def check_rendered(dag, dr, start):
    for ti in dr.get_task_instances():
        if ti.state != TaskInstanceState.SUCCESS:
            continue
        fields = RenderedTaskInstanceFields.get_templated_fields(ti) or {}
        task = dag.get_task(ti.task_id)
        for name in task.template_fields:
            text = json.dumps(fields.get(name), default=str)
            if "{{" in text or "{%" in text:
                fail(f"{dag.dag_id}.{ti.task_id} ({start}): {name} still holds Jinja: {text}")
            if re.search(r"\bNone\b", text) and name not in ("op_args", "op_kwargs", "templates_dict"):
                fail(f"{dag.dag_id}.{ti.task_id} ({start}): {name} rendered None: {text}")


def check_spark(dag, start, calls):
    spark = [t for t in dag.tasks if type(t).__name__ == "SparkSubmitOperator"]
    for t in spark:
        mine = [c for c in calls if f"{dag.dag_id}." in " ".join(c) and t.application in c]
        if not mine:
            fail(f"{dag.dag_id}.{t.task_id} ({start}): spark-submit was not called with {t.application}")
            continue
        args = mine[0]
        if not Path(t.application).is_file():
            fail(f"{dag.dag_id}.{t.task_id}: the application {t.application} does not exist")
        interval = []
        for flag in ("--data-interval-start", "--data-interval-end"):
            if flag in args:
                value = args[args.index(flag) + 1]
                try:
                    interval.append(datetime.datetime.fromisoformat(value))
                except ValueError:
                    fail(f"{dag.dag_id}.{t.task_id} ({start}): {flag} is not a timestamp: {value!r}")
        if start != "manual" and len(interval) == 2 and not interval[0] < interval[1]:
            # a scheduled run has its interval; an asset-triggered one the interval of the
            # scheduled producer runs behind its events
            fail(f"{dag.dag_id}.{t.task_id} ({start}): empty data interval {interval}")
        avro = t.task_id in SPEC["avro"].get(dag.dag_id, [])
        packages = [args[i + 1] for i, a in enumerate(args[:-1]) if a == "--packages"]
        if avro and packages != [avro_package()]:
            fail(f"{dag.dag_id}.{t.task_id} ({start}): reads or writes Avro, spark-submit got --packages {packages}, expected {avro_package()}")
        if not avro and packages:
            fail(f"{dag.dag_id}.{t.task_id} ({start}): no Avro, yet spark-submit got --packages {packages}")
        if len(interval) == 2 and start == "asset":
            note(f"{dag.dag_id}.{t.task_id} (asset): spark-submit got the interval {interval[0]} to {interval[1]}")


def everything_runs(dags):
    for dag in producers_first(dags):
        for start in starts(dag):
            spark_calls()
            dr, states, log = run(fresh(dag), start)
            normal = {t.task_id for t in dag.tasks if t.trigger_rule == "all_success"}
            bad = {t: s for t, s in states.items() if t in normal and s != TaskInstanceState.SUCCESS}
            if dr.state != DagRunState.SUCCESS or bad:
                fail(f"{dag.dag_id} ({start}): run ended {dr.state}, tasks {bad}\n{tail(log)}")
                continue
            check_rendered(dag, dr, start)
            check_spark(dag, start, spark_calls())
            note(f"{dag.dag_id} ({start}): {len(normal)} tasks ran to success")


def tail(log, lines=40):
    """The errors of a run's log, then its last lines."""
    all_lines = log.splitlines()
    errors = [x for x in all_lines[:-lines] if re.search(r"^\w+(\.\w+)*(Error|Exception)\b|\[error", x)]
    return "\n".join(errors + ["..."] + all_lines[-lines:])


# ---- 4. compensating tasks run when a task they undo fails -----------------------------------


def compensations_run(dags):
    for dag in producers_first(dags):
        undoers = [t for t in dag.tasks if t.trigger_rule == "one_failed" and not t.task_id.startswith("mark_run_failed")]
        if not undoers:
            continue
        for start in starts(dag):
            for undo in undoers:
                victim = sorted(undo.upstream_task_ids)[0]
                copy = fresh(dag)

                def broken(context, _id=victim):
                    raise RuntimeError(f"injected failure of {_id}")

                copy.get_task(victim).execute = broken
                dr, states, log = run(copy, start)
                fail_task = [t for t in states if t.startswith("mark_run_failed")]
                if dr.state != DagRunState.FAILED:
                    fail(f"{dag.dag_id} ({start}): {victim} failed but the run ended {dr.state}")
                if states.get(undo.task_id) != TaskInstanceState.SUCCESS:
                    fail(f"{dag.dag_id} ({start}): {victim} failed, compensating {undo.task_id} ended {states.get(undo.task_id)}\n{tail(log)}")
                if not fail_task or states[fail_task[0]] != TaskInstanceState.FAILED:
                    fail(f"{dag.dag_id} ({start}): the run-failing task did not fail: {states}")
                check_rendered(dag, dr, start + ", compensating")
                spark_calls()
                note(f"{dag.dag_id} ({start}): {victim} failed, {undo.task_id} compensated, run failed")


# ---- 5. without the Spark version Variable, the Avro tasks fail before they submit ------------


def unset_spark_version_fails(dags):
    for dag in producers_first(dags):
        avro = SPEC["avro"].get(dag.dag_id, [])
        if not avro:
            continue
        spark_variables(version=False)
        spark_calls()
        try:
            dr, states, log = run(fresh(dag), "manual")
        finally:
            spark_variables()
        submitted = " ".join(" ".join(c) for c in spark_calls())
        # each fails, or does not run when an upstream Avro task failed
        ended = {t: states.get(t) for t in avro}
        if TaskInstanceState.FAILED not in ended.values() or not set(ended.values()) <= {
            TaskInstanceState.FAILED,
            TaskInstanceState.UPSTREAM_FAILED,
        }:
            fail(f"{dag.dag_id}: with spark_version unset its Avro tasks ended {ended}")
        for task_id in avro:
            if f"{dag.dag_id}.{task_id}" in submitted:
                fail(f"{dag.dag_id}.{task_id}: submitted with spark_version unset")
        named = [x.strip() for x in log.splitlines() if "spark_version" in x and ("Error" in x or "does not exist" in x)]
        if not named:
            fail(f"{dag.dag_id}: with spark_version unset, no error names the Variable\n{tail(log)}")
        else:
            note(f"{dag.dag_id}: with spark_version unset, {ended}, none submitted: {named[0][:200]}")
        return  # one DAG shows it; each run costs seconds


def sql_bodies_ran(databases):
    """Every SQL file the team wrote inserted its row, with a rendered date, in PostgreSQL."""
    import psycopg2

    files = {f.relative_to(REPO).as_posix() for f in (REPO / "sql").rglob("*.sql")} if (REPO / "sql").is_dir() else set()
    seen = {}
    for db, _ in databases.values():
        conn = psycopg2.connect(SPEC["postgres"] + "/" + db)
        with conn.cursor() as c:
            c.execute("SELECT to_regclass('public.blueprint_test_runs') IS NOT NULL")
            if c.fetchone()[0]:
                c.execute("SELECT file, run_date FROM public.blueprint_test_runs")
                for file, run_date in c.fetchall():
                    seen.setdefault(file, []).append(run_date)
        conn.close()
    for f in sorted(files):
        if f not in seen:
            fail(f"{f}: the SQL file's body never ran against PostgreSQL")
        elif any(not re.match(r"\d{4}-\d{2}-\d{2}", d) for d in seen[f]):
            fail(f"{f}: rendered dates {seen[f]}")
    if files:
        note(f"SQL files ran against PostgreSQL: {', '.join(f'{f} x{len(seen.get(f, []))}' for f in sorted(files))}")


def main():
    spark_shim()
    spark_variables()
    databases = setup_postgres()
    dags = load()
    if not dags:
        fail("no DAGs loaded")
    else:
        connect_sql(dags, databases)
        for dag in dags.values():
            prepare(dag)
        unwritten_stubs_fail(dags)
        write_minimal_bodies()
        everything_runs(dags)
        compensations_run(dags)
        unset_spark_version_fails(dags)
        sql_bodies_ran(databases)
    print(f"{len(failures)} failures", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
