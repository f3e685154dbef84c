#!/usr/bin/env bash
# `make bench`: measures blueprint and writes BENCHMARKS.md from the figures of this run.
#
#   generation   bin/blueprint generate on synthetic blueprints of 10, 100, 1,000 and 10,000
#                pipelines: whole-process wall time, peak RSS, files, time per file; next to
#                Debian's cookiecutter rendering the same number of files (bench/cookiecutter/)
#                and to `cp -r` of the generated tree (the floor)
#   start-up     bin/blueprint --version and validate of a small example, next to java -version
#   engagements  the Temporal engagement workflow on the in-process test server (bench/engagements)
#
# Environment: BENCH_SIZES (default "10 100 1000 10000"), BENCH_REPEATS (3), BENCH_REPEATS_LARGEST
# (repeats of blueprint and cp -r at the largest size, 3), BENCH_PEER_REPEATS_LARGEST (repeats of
# cookiecutter there, 1: about a minute each, and steady across runs; the 15-minute budget),
# BENCH_SKIP_BUILD=1 to reuse the jar,
# BENCH_SKIP_ENGAGEMENTS=1. Raw figures go to bench/results/, scratch files to bench/out/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SIZES="${BENCH_SIZES:-10 100 1000 10000}"
REPEATS="${BENCH_REPEATS:-3}"
REPEATS_LARGEST="${BENCH_REPEATS_LARGEST:-3}"
PEER_REPEATS_LARGEST="${BENCH_PEER_REPEATS_LARGEST:-1}"
SEED=42
out="$root/bench/out"
results="$root/bench/results"
jar="$root/cli/target/blueprint.jar"
started=$(date +%s)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- tools: installed from Debian's packages when missing (idempotent) ----------------------------
need_packages=()
[[ -x /usr/bin/time ]] || need_packages+=(time)
[[ -x /usr/bin/cookiecutter ]] || need_packages+=(cookiecutter)
command -v gnuplot >/dev/null || need_packages+=(gnuplot-nox)
command -v hyperfine >/dev/null || need_packages+=(hyperfine)
if ((${#need_packages[@]})); then
  log "installing ${need_packages[*]} from Debian"
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

mkdir -p "$out" "$results"
rm -f "$results"/*.tsv "$results"/*.json "$results"/*.txt

# --- the file system's state -------------------------------------------------------------------
# Nothing is deleted between the start of the first timed run and the end of the last one: trees
# are renamed into $out/trash and deleted after the report. This machine's ext4 has no journal, and
# then the kernel will not reuse an inode within 60 s of its deletion (360 s while its inode table
# block is dirty): every file created in that window scans past the recently freed inodes (perf:
# recently_deleted, find_inode_bit, find_get_block_common). Deleting a 65,000-file tree just before
# a run made the next tool's file creation several times slower than a later tool's, which is what
# the old order (delete, blueprint, cookiecutter, cp) did to blueprint and not to the floor. So the
# scratch of an earlier run is deleted first, synced, and the first timed run waits out the window.
discard() { # discard PATH...: moves existing paths into the trash (a rename frees no inode)
  local p
  mkdir -p "$out/trash"
  for p in "$@"; do
    [[ -e "$p" ]] && mv "$p" "$out/trash/$(date +%s%N)-$(basename "$p")"
  done
  return 0
}
cleaned_at=0
if compgen -G "$out/trash" >/dev/null || compgen -G "$out/gen-*" >/dev/null || compgen -G "$out/cc-*" >/dev/null \
  || compgen -G "$out/copy-*" >/dev/null || compgen -G "$out/warm*" >/dev/null; then
  log "deleting the scratch of an earlier run"
  rm -rf "$out/trash" "$out"/gen-* "$out"/cc-* "$out"/copy-* "$out"/warm "$out"/warm-cc "$out/ccp"
  sync
  cleaned_at=$(date +%s)
fi
# the trash an earlier run deleted at its end counts too (a second `make bench` right after the
# first measured its first 10,000-pipeline runs 1.5-3.5x slower than its last)
if [[ -f "$out/deleted-at" ]] && (($(cat "$out/deleted-at") > cleaned_at)); then
  cleaned_at=$(cat "$out/deleted-at")
fi
settle() { # waits until the kernel reuses the inodes deleted above without scanning past them
  local wait=$((cleaned_at + 65 - $(date +%s)))
  if ((wait > 0)); then
    log "waiting ${wait} s for the inodes deleted before this run to leave ext4's recently-deleted window"
    sleep "$wait"
  fi
}

# --- machine and build ------------------------------------------------------------------------
{
  echo "date	$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit	$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/results' ':!BENCHMARKS.md' || echo '+uncommitted')"
  echo "cpu	$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "nproc	$(nproc)"
  echo "memory	$(free -h | awk '/^Mem:/ {print $2}')"
  echo "kernel	$(uname -r)"
  echo "java	$(java -version 2>&1 | head -1)"
  echo "cookiecutter	$(/usr/bin/cookiecutter --version | cut -d' ' -f1-2)"
  echo "python	$(/usr/bin/python3 --version)"
  echo "load_before	$(cut -d' ' -f1-3 /proc/loadavg)"
} >"$results/machine.tsv"

if [[ "${BENCH_SKIP_BUILD:-}" != 1 || ! -f "$jar" ]]; then
  log "building the jar once (mvn package, no tests)"
  mvn -B -ntp -q -DskipTests package -pl cli -am
fi
BP_OPTS="-Dblueprint.maxDocumentBytes=1000000000"
blueprint() { BLUEPRINT_JAVA_OPTS="$BP_OPTS" "$root/bin/blueprint" "$@"; }

# measure TSV_PREFIX CMD...: appends "wall_s<TAB>rss_kb" of one run of CMD to stdout
measure() {
  local t0 t1 rss
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$out/rss" "$@" >"$out/last.out" 2>"$out/last.err" || {
    log "FAILED: $*"
    cat "$out/last.err" >&2
    return 1
  }
  t1=$(date +%s%N)
  rss=$(tail -1 "$out/rss")
  awk -v a="$t0" -v b="$t1" -v r="$rss" 'BEGIN { printf "%.3f\t%s\n", (b - a) / 1e9, r }'
}

files_in() { find "$1" -type f | wc -l; }
bytes_in() { du -sb --apparent-size "$1" | cut -f1; }

# --- synthetic blueprints (cached by size, seed and the maker's source) ----------------------------
synth_key=$(cat core/src/main/java/dev/blueprint/core/synth/SyntheticBlueprints.java | sha1sum | cut -c1-10)
mkdir -p "$out/blueprints"
for n in $SIZES; do
  bp="$out/blueprints/synthetic-$n-$SEED-$synth_key"
  if [[ ! -f "$bp.yaml" || ! -f "$bp.json" ]]; then
    log "making the synthetic blueprint of $n pipelines"
    blueprint synth --pipelines "$n" --seed "$SEED" -o "$bp.yaml" >/dev/null
    blueprint synth --pipelines "$n" --seed "$SEED" --format json -o "$bp.json" >/dev/null
  fi
done
bp_of() { echo "$out/blueprints/synthetic-$1-$SEED-$synth_key"; }

# --- generation ------------------------------------------------------------------------------
gen="$results/generation.tsv"
printf 'tool\tpipelines\trun\twall_s\trss_kb\tfiles\tbytes\n' >"$gen"
largest=$(echo $SIZES | tr ' ' '\n' | sort -n | tail -1)

log "warm-up: one untimed generation and rendering of the smallest size"
smallest=$(echo $SIZES | tr ' ' '\n' | sort -n | head -1)
discard "$out/warm" "$out/warm-cc"
blueprint generate "$(bp_of "$smallest").yaml" -o "$out/warm" >/dev/null
/usr/bin/python3 bench/cookiecutter/render.py "$(bp_of "$smallest").json" "$out/warm-cc" >/dev/null
settle

for n in $SIZES; do
  bp=$(bp_of "$n")
  repeats=$REPEATS
  [[ $n == "$largest" ]] && repeats=$REPEATS_LARGEST
  for run in $(seq 1 "$repeats"); do
    target="$out/gen-$n"
    discard "$target" "$out/cc-$n" "$out/copy-$n"
    sync
    log "N=$n run $run/$repeats: blueprint generate"
    m=$(measure env BLUEPRINT_JAVA_OPTS="$BP_OPTS" "$root/bin/blueprint" generate "$bp.yaml" -o "$target")
    printf 'blueprint\t%s\t%s\t%s\t%s\t%s\n' "$n" "$run" "$m" "$(files_in "$target")" "$(bytes_in "$target")" >>"$gen"

    if [[ $n != "$largest" || $run -le $PEER_REPEATS_LARGEST ]]; then
      log "N=$n run $run/$repeats: cookiecutter"
      m=$(measure /usr/bin/python3 bench/cookiecutter/render.py "$bp.json" "$out/cc-$n")
      printf 'cookiecutter\t%s\t%s\t%s\t%s\t%s\n' "$n" "$run" "$m" "$(files_in "$out/cc-$n")" "$(bytes_in "$out/cc-$n")" >>"$gen"
    fi

    log "N=$n run $run/$repeats: cp -r of the generated tree"
    sync
    m=$(measure cp -r "$target" "$out/copy-$n")
    printf 'cp -r\t%s\t%s\t%s\t%s\t%s\n' "$n" "$run" "$m" "$(files_in "$out/copy-$n")" "$(bytes_in "$out/copy-$n")" >>"$gen"
  done
  discard "$out/cc-$n" "$out/copy-$n"
  [[ $n == "$largest" ]] || discard "$out/gen-$n"
done
# what a generated repository holds, by top-level folder, at the largest size
(cd "$out/gen-$largest" && find . -type f | awk -F/ '{print $2}' | sort | uniq -c) >"$results/layout.txt"
discard "$out/gen-$largest"

# the peer as cookiecutter() runs when called once per pipeline (a new environment each time)
log "cookiecutter, one environment per pipeline, at 100 pipelines (for reference)"
printf 'tool\tpipelines\trun\twall_s\trss_kb\tfiles\tbytes\n' >"$results/cookiecutter-per-pipeline.tsv"
discard "$out/ccp"
m=$(measure /usr/bin/python3 bench/cookiecutter/render.py --per-pipeline "$(bp_of 100).json" "$out/ccp")
printf 'cookiecutter per pipeline\t100\t1\t%s\t%s\t%s\n' "$m" "$(files_in "$out/ccp")" "$(bytes_in "$out/ccp")" \
  >>"$results/cookiecutter-per-pipeline.tsv"
discard "$out/ccp"

# --- start-up ----------------------------------------------------------------------------------
log "start-up: hyperfine"
small=examples/clickstream-analytics/blueprint.yaml
hyperfine --style basic --warmup 2 --runs 10 --export-json "$results/startup.json" \
  -n 'java -version' 'java -version' \
  -n 'blueprint --version' "$root/bin/blueprint --version" \
  -n 'blueprint validate (small example)' "$root/bin/blueprint validate $small" >"$out/hyperfine.txt"

# --- engagements -----------------------------------------------------------------------------
if [[ "${BENCH_SKIP_ENGAGEMENTS:-}" != 1 && -x bench/engagements.sh ]]; then
  log "engagements on the in-process Temporal test server"
  bench/engagements.sh "$results/engagements.json"
fi

echo "load_after	$(cut -d' ' -f1-3 /proc/loadavg)" >>"$results/machine.tsv"
echo "bench_seconds	$(($(date +%s) - started))" >>"$results/machine.tsv"

# --- report ------------------------------------------------------------------------------------
log "writing BENCHMARKS.md and the chart"
/usr/bin/python3 bench/report.py "$results" "$root/BENCHMARKS.md"
log "deleting the scratch trees (bench/out/trash)"
rm -rf "$out/trash"
sync
date +%s >"$out/deleted-at"
log "done in $(($(date +%s) - started)) s"
