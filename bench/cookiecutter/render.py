#!/usr/bin/python3
"""The cookiecutter peer of `blueprint generate`, for bench/run.sh.

Renders, with Debian's cookiecutter package doing all the rendering, a tree with the same number of
files of similar size as blueprint's output for the same synthetic blueprint: project/ once (the
repository's top-level files, with the whole blueprint as the context), and unit/ once per pipeline
into the same folder (a DAG, two Strimzi topics, two schemas and two layout documents, with that
pipeline, its two streams and its two datasets as the context). Cookiecutter cannot repeat a file
per list item, so rendering a template tree per pipeline is how it makes a file per pipeline.

Two modes:

- shared (the default, cookiecutter at its best): one cookiecutter StrictEnvironment for all
  pipelines, so each template is compiled once, and every file is rendered and written by
  cookiecutter.generate.generate_file(), exactly as generate_files() does for each file of a tree;
- --per-pipeline: cookiecutter.generate.generate_files() for each pipeline, the function that
  cookiecutter() calls to render a tree; it makes a new environment, so it compiles every template
  again for each pipeline, as running cookiecutter once per pipeline would.

The context is the blueprint that `blueprint synth --format json` wrote, read with the json module
(cookiecutter's own context format). Usage:

    /usr/bin/python3 render.py [--per-pipeline] BLUEPRINT.json OUTPUT_DIR

Prints the number of files written.
"""

import json
import os
import sys
from collections import OrderedDict

from cookiecutter.environment import StrictEnvironment
from cookiecutter.find import find_template
from cookiecutter.generate import generate_file, generate_files
from cookiecutter.utils import make_sure_path_exists, work_in
from jinja2 import FileSystemLoader

HERE = os.path.dirname(os.path.abspath(__file__))


def main(blueprint_json, output_dir, per_pipeline):
    with open(blueprint_json, encoding="utf-8") as f:
        blueprint = json.load(f, object_pairs_hook=OrderedDict)
    architecture = blueprint["architecture"]
    datasets = {d["name"]: d for d in architecture.get("datasets", [])}
    streams = {s["name"]: s for s in architecture.get("streams", [])}
    slug = blueprint["engagement"]["id"]
    os.makedirs(output_dir, exist_ok=True)

    project_dir = generate_files(
        repo_dir=os.path.join(HERE, "project"),
        context={"cookiecutter": {"project_slug": slug, "blueprint": blueprint}},
        output_dir=output_dir,
        overwrite_if_exists=True,
    )

    unit = os.path.join(HERE, "unit")
    contexts = (unit_context(p, slug, streams, datasets) for p in architecture["pipelines"])
    if per_pipeline:
        for context in contexts:
            generate_files(
                repo_dir=unit, context=context, output_dir=project_dir, overwrite_if_exists=True
            )
    else:
        render_shared(unit, project_dir, contexts)

    count = sum(len(files) for _, _, files in os.walk(project_dir))
    print(count)


def unit_context(pipeline, slug, streams, datasets):
    """The context of one pipeline: the pipeline, and the streams and datasets its tasks use."""
    names = []
    for task in pipeline.get("tasks", []):
        for name in task.get("inputs", []) + task.get("outputs", []):
            if name not in names:
                names.append(name)
    unit_streams = [streams[n] for n in names if n in streams]
    unit_datasets = [datasets[n] for n in names if n in datasets]
    if len(unit_streams) != 2 or len(unit_datasets) != 2:
        sys.exit(
            "pipeline %s uses %d streams and %d datasets; the unit template expects two of each"
            " (a synthetic blueprint)" % (pipeline["id"], len(unit_streams), len(unit_datasets))
        )
    return {
        "cookiecutter": {
            "project_dir": ".",
            "engagement": slug,
            "pipeline": pipeline,
            "streams": unit_streams,
            "datasets": unit_datasets,
        }
    }


def render_shared(repo_dir, project_dir, contexts):
    """generate_files() for many contexts with one environment: the loop of generate_files()."""
    template_dir = find_template(repo_dir)
    env = StrictEnvironment(context={}, keep_trailing_newline=True)
    with work_in(template_dir):
        env.loader = FileSystemLoader(".")
        dirs, infiles = [], []
        for root, subdirs, files in os.walk("."):
            dirs.extend(os.path.normpath(os.path.join(root, d)) for d in sorted(subdirs))
            infiles.extend(os.path.normpath(os.path.join(root, f)) for f in sorted(files))
        plain = [d for d in dirs if "{{" not in d]
        templated = [d for d in dirs if "{{" in d]
        for d in plain:
            make_sure_path_exists(os.path.join(project_dir, d))
        for context in contexts:
            for d in templated:
                # as generate_files() does for each folder: render its name, create it
                name = env.from_string(d).render(**context)
                make_sure_path_exists(os.path.join(project_dir, name))
            for infile in infiles:
                generate_file(project_dir, infile, context, env)


if __name__ == "__main__":
    args = sys.argv[1:]
    per_pipeline = "--per-pipeline" in args
    args = [a for a in args if a != "--per-pipeline"]
    if len(args) != 2:
        sys.exit("usage: render.py [--per-pipeline] BLUEPRINT.json OUTPUT_DIR")
    main(args[0], args[1], per_pipeline)
