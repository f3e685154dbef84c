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

# The Temporal CLI, whose dev server keeps `blueprint up`'s engagements in SQLite across restarts
# and which the restart test runs; built from the Go module proxy (see tools/temporal-cli.sh).
TEMPORAL_CLI_VERSION ?= 1.5.1
tools: build/tools/temporal-cli-$(TEMPORAL_CLI_VERSION).stamp

build/tools/temporal-cli-$(TEMPORAL_CLI_VERSION).stamp:
	tools/temporal-cli.sh $(TEMPORAL_CLI_VERSION) build/tools/bin
	touch $@

eval: build ## Advise the published scenarios under eval/ and print the scoreboards; writes docs/evaluation.md
	java -cp $(JAR) dev.blueprint.core.eval.EvaluationMain eval/scenarios --write docs/evaluation.md
	java -cp $(JAR) dev.blueprint.core.eval.EvaluationMain eval/holdout --write docs/evaluation.md holdout

bench: ## Measure generation, start-up and engagements; writes BENCHMARKS.md (< 15 min)
	bench/run.sh

# cfn-lint checks the generated CloudFormation; fastavro and pyarrow write and read back a sample
# file for every generated Avro and Parquet schema. One venv, pinned; the stamp names the pins, so a
# changed pin reinstalls and an unchanged one does nothing.
CFN_LINT_VERSION ?= 1.58.0
FASTAVRO_VERSION ?= 1.13.1
PYARROW_VERSION ?= 26.0.1
PYCHECKS_STAMP := build/tools/pychecks/.installed-cfn-lint-$(CFN_LINT_VERSION)-fastavro-$(FASTAVRO_VERSION)-pyarrow-$(PYARROW_VERSION)
tools: $(PYCHECKS_STAMP)

$(PYCHECKS_STAMP):
	rm -rf build/tools/pychecks
	python3 -m venv build/tools/pychecks
	build/tools/pychecks/bin/pip install -q --disable-pip-version-check cfn-lint==$(CFN_LINT_VERSION) fastavro==$(FASTAVRO_VERSION) pyarrow==$(PYARROW_VERSION)
	touch $@

# Real stores for the generated storage scripts (targets module's *ScriptsTest): Cassandra and
# Neo4j from Maven Central run in forked JVMs from the classpaths resolved here (versions in
# pom.xml); cqlsh from PyPI and cypher-shell from Maven Central are the clients the generated
# Makefile names; mongosh from npm against FerretDB v1 built from the Go module proxy.
STORE_SERVERS := targets/src/test/servers
CQLSH_VERSION ?= 6.2.2
CASSANDRA_DRIVER_VERSION ?= 3.30.1
MONGOSH_VERSION ?= 2.5.9
tools: build/tools/servers/cassandra.classpath build/tools/servers/neo4j.classpath build/tools/servers/cypher-shell.classpath build/tools/cqlsh/bin/cqlsh build/tools/mongosh/node_modules/mongosh/package.json build/tools/bin/ferretdb-test

build/tools/servers/%.classpath: $(STORE_SERVERS)/%/pom.xml pom.xml
	mkdir -p build/tools/servers
	$(MVN) $(MVN_FLAGS) -q -f $< dependency:build-classpath -Dmdep.outputFile=$(abspath $@)

build/tools/cqlsh/bin/cqlsh:
	python3 -m venv build/tools/cqlsh
	build/tools/cqlsh/bin/pip install -q --disable-pip-version-check cqlsh==$(CQLSH_VERSION) cassandra-driver==$(CASSANDRA_DRIVER_VERSION)

build/tools/mongosh/node_modules/mongosh/package.json:
	mkdir -p build/tools/mongosh
	npm install --prefix build/tools/mongosh --no-save --no-audit --no-fund mongosh@$(MONGOSH_VERSION)

build/tools/bin/ferretdb-test: $(STORE_SERVERS)/ferretdb/main.go $(STORE_SERVERS)/ferretdb/go.mod $(STORE_SERVERS)/ferretdb/go.sum
	cd $(STORE_SERVERS)/ferretdb && GOFLAGS=-trimpath go build -o $(abspath $@) .

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

# PySpark for SparkJobsTest, which runs every generated Spark job with spark-submit on a local
# master: one uv venv from a pinned requirements file (pyspark's own package, no extras), plus
# Spark's spark-avro module from Maven Central for the jobs' Avro inputs and outputs (pyspark
# does not ship it; a cluster adds it with --packages). The stamp makes a second run instant.
PYSPARK_VERSION := $(shell sed -n 's/^pyspark==//p' tools/python/spark-requirements.txt)
SPARK_SCALA_VERSION ?= 2.13
tools: build/tools/spark/.installed

build/tools/spark/.installed: tools/python/spark-requirements.txt | build/tools/uv/bin/uv
	rm -rf build/tools/spark
	build/tools/uv/bin/uv venv -q --python $(AIRFLOW_PYTHON) build/tools/spark
	build/tools/uv/bin/uv pip sync -q --python build/tools/spark/bin/python $<
	$(MVN) $(MVN_FLAGS) -q -N dependency:copy -Dmdep.useBaseVersion=true \
	  -Dartifact=org.apache.spark:spark-avro_$(SPARK_SCALA_VERSION):$(PYSPARK_VERSION) \
	  -DoutputDirectory=$(abspath build/tools/spark/jars)
	touch $@
