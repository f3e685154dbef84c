{%- set p = cookiecutter.pipeline -%}
{%- set operators = {"bash": "BashOperator", "python": "PythonOperator", "sql": "SQLExecuteQueryOperator", "spark": "SparkSubmitOperator", "sensor": "BashSensor", "empty": "EmptyOperator"} -%}
{%- set modules = {"BashOperator": "airflow.providers.standard.operators.bash", "BashSensor": "airflow.providers.standard.sensors.bash", "EmptyOperator": "airflow.providers.standard.operators.empty", "PythonOperator": "airflow.providers.standard.operators.python", "SQLExecuteQueryOperator": "airflow.providers.common.sql.operators.sql", "SparkSubmitOperator": "airflow.providers.apache.spark.operators.spark_submit"} -%}
{%- set used = [] -%}
{%- for t in p.tasks %}{% if operators[t.kind] not in used %}{% set _ = used.append(operators[t.kind]) %}{% endif %}{% endfor -%}
{%- macro task(t, pad) -%}
{{ pad }}{{ t.id }} = {{ operators[t.kind] }}(
{{ pad }}    task_id={{ t.id | tojson }},
{%- if t.kind == "bash" %}
{{ pad }}    bash_command={{ t.command | tojson }},
{{ pad }}    cwd=REPO_ROOT,
{%- elif t.kind == "python" %}
{{ pad }}    python_callable=functools.partial(_call, {{ t.command | tojson }}),
{%- elif t.kind == "sql" %}
{{ pad }}    conn_id={{ (p.owner ~ "_warehouse") | tojson }},
{{ pad }}    sql={{ t.command | tojson }},
{%- elif t.kind == "spark" %}
{{ pad }}    application=os.path.join(REPO_ROOT, {{ t.command.split(" ")[0] | tojson }}),
{{ pad }}    application_args=[
{%- for arg in t.command.split(" ")[1:] %}
{{ pad }}        {{ arg | tojson }},
{%- endfor %}
{{ pad }}    ],
{{ pad }}    name={{ (p.id ~ "." ~ t.id) | tojson }},
{{ pad }}    conn_id="spark_default",
{%- endif %}
{%- if t.get("compensates") %}
{{ pad }}    trigger_rule="one_failed",
{%- endif %}
{%- if t.get("retries") %}
{{ pad }}    retries={{ t.retries }},
{%- endif %}
{%- if t.get("inputs") %}
{{ pad }}    inlets=[{% for i in t.inputs %}asset_{{ i | replace(".", "_") | replace("-", "_") }}{% if not loop.last %}, {% endif %}{% endfor %}],
{%- endif %}
{%- if t.get("outputs") %}
{{ pad }}    outlets=[{% for o in t.outputs %}asset_{{ o | replace(".", "_") | replace("-", "_") }}{% if not loop.last %}, {% endif %}{% endfor %}],
{%- endif %}
{%- if t.get("description") %}
{{ pad }}    doc_md={{ t.description | tojson }},
{%- endif %}
{{ pad }})
{%- endmacro -%}
"""An Airflow DAG generated from the engagement {{ cookiecutter.engagement }}.

Change the context and render again rather than editing this file. The scripts, jobs and SQL
that the tasks run live in the repository and are yours to edit.
"""

import functools
import importlib
import os
from datetime import timedelta

import pendulum
from airflow.sdk import DAG, Asset{% if p.get("groups") %}, TaskGroup{% endif %}
{% for op in used %}
from {{ modules[op] }} import {{ op }}
{%- endfor %}

# The repository root: tasks run their scripts from here and SQL files are found here.
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

{% for s in cookiecutter.streams -%}
asset_{{ s.name | replace(".", "_") | replace("-", "_") }} = Asset(name={{ s.name | tojson }}, uri={{ ("kafka://" ~ s.name) | tojson }})
{% endfor -%}
{% for d in cookiecutter.datasets -%}
asset_{{ d.name }} = Asset(name={{ d.name | tojson }}, uri={{ ("s3://lake/" ~ d.zone ~ "/" ~ d.name) | tojson }})
{% endfor %}

def _call(path, **context):
    """Imports a task's callable when the task runs, not when the DAG file is parsed."""
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)(**context)


def _fail_run():
    raise RuntimeError("A task of this run failed; its compensating tasks have cleaned up after it.")


with DAG(
    dag_id={{ p.id | tojson }},
    doc_md={{ p.description | tojson }},
    schedule={{ p.schedule | tojson }},
    start_date=pendulum.datetime({{ p.startDate.split("-") | map("int") | join(", ") }}, tz="UTC"),
    catchup=False,
    default_args={
        "owner": {{ p.owner | tojson }},
        "retries": {{ p.retries }},
        "retry_delay": timedelta(minutes={{ p.retryDelay | replace("m", "") }}),
    },
    tags=[{% for tag in p.tags %}{{ tag | tojson }}{% if not loop.last %}, {% endif %}{% endfor %}],
    template_searchpath=[REPO_ROOT],
):
{%- for g in p.get("groups", []) %}
    with TaskGroup(group_id={{ g.id | tojson }}, tooltip={{ g.description | tojson }}):
{%- for t in p.tasks if t.get("group") == g.id %}
{{ task(t, "        ") }}
{% endfor %}
{%- endfor %}
{%- for t in p.tasks if not t.get("group") %}
{{ task(t, "    ") }}
{% endfor %}
{%- for t in p.tasks %}{% for d in t.get("dependsOn", []) %}
    {{ d }} >> {{ t.id }}
{%- endfor %}{% endfor %}

    # Compensating tasks run when a task whose work they undo fails (trigger rule one_failed),
    # so that a failed run cleans up after itself and a rerun starts clean.
{%- for t in p.tasks if t.get("compensates") %}
    [{{ t.compensates | join(", ") }}] >> {{ t.id }}
{%- endfor %}

    # A compensating task that succeeds would make the run look successful: this task fails the
    # run whenever one of the pipeline's own tasks failed.
    fail_run = PythonOperator(
        task_id="fail_run",
        python_callable=_fail_run,
        trigger_rule="one_failed",
        retries=0,
    )
    [{% for t in p.tasks if not t.get("compensates") %}{{ t.id }}{% if not loop.last %}, {% endif %}{% endfor %}] >> fail_run
