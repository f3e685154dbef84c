"""Checks generated Airflow DAG files with Python's own compiler and an ast walk.

Input on stdin: JSON {"version": 3, "root": DIR, "dags": {relative path: expectation}}.
Prints one line per problem and exits 1 when there is any.
"""
import ast
import json
import os
import sys

spec = json.load(sys.stdin)
version = spec["version"]
problems = []


def problem(path, message):
    problems.append(f"{path}: {message}")


def literal(node):
    try:
        return ast.literal_eval(node)
    except Exception:
        return ast.dump(node)


def sensor_command(node):
    """A BashSensor's command: "cd " + shlex.quote(REPO_ROOT) + " && " + <command literal>."""
    if (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Add)
        and isinstance(node.right, ast.Constant)
        and ast.unparse(node.left) == "'cd ' + shlex.quote(REPO_ROOT) + ' && '"
    ):
        return node.right
    return node


def keywords(call):
    return {k.arg: k.value for k in call.keywords if k.arg}


def names(node):
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [n for e in node.elts for n in names(e)]
    return []


ALLOWED_TOP = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.With)

for rel, expected in sorted(spec["dags"].items()):
    path = os.path.join(spec["root"], rel)
    with open(path, encoding="utf-8") as f:
        source = f.read()
    if "airflow" not in source or "dag" not in source.lower():
        problem(rel, "the DAG processor skips files without the words airflow and dag")
    try:
        tree = compile(source, rel, "exec", ast.PyCF_ONLY_AST)
        compile(tree, rel, "exec")
    except SyntaxError as e:
        problem(rel, f"does not compile: {e}")
        continue

    # No top-level work: imports, constants, Asset/Dataset definitions, functions, the DAG block.
    for i, stmt in enumerate(tree.body):
        if i == 0 and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue
        if isinstance(stmt, ALLOWED_TOP):
            continue
        if isinstance(stmt, ast.Assign) and [t.id for t in stmt.targets if isinstance(t, ast.Name)] == ["REPO_ROOT"]:
            continue  # an environment variable or the file's own path: no I/O
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant):
            continue  # a constant, e.g. a templated field's text that Airflow renders at run time
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
            func = stmt.value.func
            fname = func.id if isinstance(func, ast.Name) else ast.unparse(func)
            if fname in ("Asset", "Dataset", "os.path.dirname"):
                continue
        problem(rel, f"top-level statement at line {stmt.lineno} does work: {ast.unparse(stmt)[:80]}")

    imports = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for a in node.names:
                imports.add(f"{node.module}.{a.name}")
        elif isinstance(node, ast.Import):
            for a in node.names:
                imports.add(a.name)
        elif isinstance(node, ast.keyword) and node.arg == "schedule_interval":
            problem(rel, "uses schedule_interval")
    if version == 3:
        if "airflow.sdk.DAG" not in imports:
            problem(rel, "Airflow 3 DAG not imported from airflow.sdk")
        legacy = [i for i in imports if i.startswith(("airflow.operators", "airflow.sensors", "airflow.datasets", "airflow.utils", "airflow.models"))]
        legacy += [i for i in imports if i == "airflow.DAG"]
        if legacy:
            problem(rel, f"Airflow 2 imports in an Airflow 3 DAG: {sorted(legacy)}")
    else:
        if "airflow.DAG" not in imports:
            problem(rel, "Airflow 2 DAG not imported from airflow")
        if any(i.startswith("airflow.sdk") or i.startswith("airflow.providers.standard") for i in imports):
            problem(rel, "Airflow 3 imports in an Airflow 2 DAG")

    dag_calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "DAG"]
    if len(dag_calls) != 1:
        problem(rel, f"expected one DAG(...) call, found {len(dag_calls)}")
        continue
    kw = keywords(dag_calls[0])
    if literal(kw.get("dag_id")) != expected["dagId"]:
        problem(rel, f"dag_id {literal(kw.get('dag_id'))!r} is not {expected['dagId']!r}")
    if "schedule" not in kw:
        problem(rel, "no schedule=")
    if not (isinstance(kw.get("catchup"), ast.Constant) and kw["catchup"].value is False):
        problem(rel, "catchup is not False")
    if "start_date" not in kw:
        problem(rel, "no start_date")
    da = kw.get("default_args")
    if not isinstance(da, ast.Dict) or not {"retries", "retry_delay"} <= {literal(k) for k in da.keys}:
        problem(rel, "default_args without retries and retry_delay")
    if expected.get("doc") is not None and literal(kw.get("doc_md")) != expected["doc"]:
        problem(rel, f"doc_md does not give back the description: {literal(kw.get('doc_md'))!r}")
    if expected.get("owner") is not None:
        owners = [literal(v) for k, v in zip(da.keys, da.values) if literal(k) == "owner"]
        if owners != [expected["owner"]]:
            problem(rel, f"owner {owners!r} is not {expected['owner']!r}")
    if literal(kw.get("tags")) != expected["tags"]:
        problem(rel, f"tags {literal(kw.get('tags'))!r} are not {expected['tags']!r}")

    # Tasks: variable -> task_id, and each task's keywords.
    var_to_id = {}
    tasks = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            k = keywords(node.value)
            if "task_id" in k:
                tid = literal(k["task_id"])
                var_to_id[node.targets[0].id] = tid
                tasks[tid] = k
    groups = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.With):
            for item in node.items:
                c = item.context_expr
                if isinstance(c, ast.Call) and isinstance(c.func, ast.Name) and c.func.id == "TaskGroup":
                    gid = literal(keywords(c)["group_id"])
                    tooltip = expected.get("groups", {}).get(gid)
                    if tooltip is not None and literal(keywords(c).get("tooltip")) != tooltip:
                        problem(rel, f"group {gid!r}: tooltip does not give back the description")
                    for stmt in node.body:
                        if isinstance(stmt, ast.Assign):
                            groups[var_to_id.get(stmt.targets[0].id)] = gid
    for tid, t in expected["tasks"].items():
        if tid not in tasks:
            problem(rel, f"task {tid!r} missing")
            continue
        k = tasks[tid]
        if t.get("doc") is not None and literal(k.get("doc_md")) != t["doc"]:
            problem(rel, f"task {tid!r}: doc_md does not give back the description")
        if t.get("command") is not None:
            got = [literal(sensor_command(k[f])) for f in ("bash_command", "sql") if f in k]
            if "python_callable" in k and isinstance(k["python_callable"], ast.Call):
                got += [literal(a) for a in k["python_callable"].args[1:]]
            if "application" in k:
                got.append(t["command"])
            if t["command"] not in got:
                problem(rel, f"task {tid!r}: command not given back exactly: {got!r}")
        if t["compensation"] and literal(k.get("trigger_rule")) != "one_failed":
            problem(rel, f"compensating task {tid!r} without trigger_rule one_failed")
        if groups.get(tid) != t.get("group"):
            problem(rel, f"task {tid!r} in group {groups.get(tid)!r}, expected {t.get('group')!r}")
    extra = set(tasks) - set(expected["tasks"]) - set(expected.get("extraTasks", []))
    if extra:
        problem(rel, f"unexpected tasks {sorted(extra)}")

    edges = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.RShift):
            for u in names(node.left):
                for d in names(node.right):
                    edges.add((var_to_id.get(u), var_to_id.get(d)))
    for up, down in expected["edges"]:
        if (up, down) not in edges:
            problem(rel, f"dependency {up} >> {down} missing")

for p in problems:
    print(p)
print(f"checked {len(spec['dags'])} DAG files, {len(problems)} problems")
sys.exit(1 if problems else 0)
