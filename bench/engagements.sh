#!/usr/bin/env bash
# Engagement figures on the embedded default (in-process Temporal dev server and one worker), for
# bench/run.sh: bench/engagements.sh OUT.json [SEQUENTIAL IN_FLIGHT COMMENTS] (default 50 100 1000).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$root/cli/target/blueprint.jar" \
  dev.blueprint.cli.bench.EngagementBench \
  "$root/examples/clickstream-analytics/requirements.yaml" "$@"
