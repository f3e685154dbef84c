# blueprint: common tasks. `make help` lists them.
MVN ?= mvn
MVN_FLAGS ?= -B -ntp
JAR := cli/target/blueprint.jar

.PHONY: help build test demo fmt golden bench clean tools eval

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

build: ## Compile, format and package bin/blueprint's jar (no tests)
	$(MVN) $(MVN_FLAGS) -q -DskipTests package

test: tools ## Run every test (unit, golden, integration against real servers)
	$(MVN) $(MVN_FLAGS) verify

demo: build ## The main job on the embedded default: an engagement from requirements to a published repository
	./bin/demo

fmt: ## Format the Java sources
	$(MVN) $(MVN_FLAGS) -q spotless:apply

golden: ## Regenerate golden files after an intended change of output
	$(MVN) $(MVN_FLAGS) -Dblueprint.golden.update=true -DfailIfNoTests=false verify

clean: ## Remove build output
	$(MVN) $(MVN_FLAGS) -q clean

RUFF_WASM_VERSION ?= 0.17.4
tools: build/tools/node_modules/@astral-sh/ruff-wasm-nodejs/package.json ## Install the checkers the tests run (Ruff for the generated DAGs) into build/tools

build/tools/node_modules/@astral-sh/ruff-wasm-nodejs/package.json:
	mkdir -p build/tools
	npm install --prefix build/tools --no-save --no-audit --no-fund @astral-sh/ruff-wasm-nodejs@$(RUFF_WASM_VERSION)

# Mermaid's own parser (under jsdom) checks the generated architecture diagrams; its own prefix,
# since npm prunes packages that another --no-save install put into the same one.
MERMAID_VERSION ?= 11.17.2
JSDOM_VERSION ?= 29.1.1
tools: build/tools/mermaid/node_modules/mermaid/package.json

build/tools/mermaid/node_modules/mermaid/package.json:
	mkdir -p build/tools/mermaid
	npm install --prefix build/tools/mermaid --no-save --no-audit --no-fund mermaid@$(MERMAID_VERSION) jsdom@$(JSDOM_VERSION)

eval: build ## Advise the published scenarios under eval/ and print the scoreboards; writes docs/evaluation.md
	java -cp $(JAR) dev.blueprint.core.eval.EvaluationMain eval/scenarios --write docs/evaluation.md
	java -cp $(JAR) dev.blueprint.core.eval.EvaluationMain eval/holdout --write docs/evaluation.md holdout

bench: ## Measure generation, start-up and engagements; writes BENCHMARKS.md (< 15 min)
	bench/run.sh

# Real Airflow 3 and 2.10 for AirflowRunTest, one venv each, from pinned requirement files (a
# pip freeze of a working install: Airflow's constraints files are not reachable). uv installs
# them: it downloads in parallel and takes a fraction of pip's time. A stamp per venv makes a
# second `make tools` instant; a changed requirements file reinstalls that venv.
UV_VERSION ?= 0.13.8
AIRFLOW_PYTHON ?= python3
tools: build/tools/airflow3/.installed build/tools/airflow2/.installed

build/tools/uv/bin/uv:
	rm -rf build/tools/uv
	$(AIRFLOW_PYTHON) -m venv build/tools/uv
	build/tools/uv/bin/pip install -q uv==$(UV_VERSION)

build/tools/airflow%/.installed: tools/python/airflow%-requirements.txt | build/tools/uv/bin/uv
	rm -rf build/tools/airflow$*
	build/tools/uv/bin/uv venv -q --python $(AIRFLOW_PYTHON) build/tools/airflow$*
	build/tools/uv/bin/uv pip sync -q --python build/tools/airflow$*/bin/python $<
	touch $@
