#!/usr/bin/env bash
# Makes cli/target/blueprint.jsa, a class data sharing (AppCDS) archive for cli/target/blueprint.jar,
# which bin/blueprint passes to the JVM so that a command starts without parsing, verifying and
# linking the same few thousand classes again (`mvn package` runs this after the shade plugin).
#
# A static archive from a class list, not a dynamic one (-XX:ArchiveClassesAtExit): Java 17's
# dynamic archive leaves out classes compiled for Java 5, and picocli's are.
#
#   1. training: the commands a consultant runs most (help, version, validate, advise, review,
#      generate, a usage error) on the reference example, each writing the classes it loaded
#      (-XX:DumpLoadedClassList); outputs go to target/cds-training, removed afterwards
#   2. the lists merged (first occurrence kept) and dumped with -Xshare:dump
#   3. next to it, blueprint.jsa.id: the jar's path and the `release` file of the JVM that made
#      it. bin/blueprint uses the archive only for the same jar path and JVM: Java 17 refuses a
#      static archive made for another JVM or another class path, and then also goes without its
#      own default archive, slower than with no archive given
#
# Never fails the build: if a step fails, the archive is not made (bin/blueprint then runs without
# it) and a warning says why; says nothing when it succeeds. -Dblueprint.cds.skip=true skips it.
#
# Usage: cds-archive.sh TARGET_DIR EXAMPLE_DIR
set -uo pipefail

target="$(cd "$1" && pwd)"
example="$(cd "$2" && pwd)"
jar="$target/blueprint.jar" # the same absolute path as bin/blueprint passes
jsa="$target/blueprint.jsa"
work="$target/cds-training"
java="${JAVA:-java}"

warn() {
  echo "[WARNING] blueprint.jsa not made: $*" >&2
  rm -rf "$work" "$jsa" "$jsa.id" "$jsa.tmp"
  exit 0
}

rm -rf "$work" "$jsa" "$jsa.id" "$jsa.tmp"
mkdir -p "$work" || warn "cannot create $work"

n=0
# train EXPECTED_EXIT ARGS...: one command in its own JVM, as bin/blueprint runs it
train() {
  local expected="$1" code=0
  shift
  n=$((n + 1))
  "$java" -XX:+UseSerialGC -XX:DumpLoadedClassList="$work/$n.classlist" -jar "$jar" "$@" \
    >"$work/$n.out" 2>&1 || code=$?
  if [[ "$code" != "$expected" ]]; then
    cat "$work/$n.out" >&2
    warn "training run 'blueprint $*' exited $code, expected $expected"
  fi
}

train 0 --help
train 0 --version
train 2 validate
train 0 validate "$example/requirements.yaml" "$example/blueprint.yaml"
train 0 advise "$example/requirements.yaml" -o "$work/advice"
train 0 review "$example/blueprint.yaml"
train 0 generate "$example/blueprint.yaml" -o "$work/generated"

# One list, each class once, in first-loaded order (class lists of Java 17 have no ids for the
# class path's classes, so lists of separate runs merge line by line).
awk '!/^#/ && !seen[$0]++' "$work"/*.classlist >"$work/blueprint.classlist" ||
  warn "cannot merge the class lists"

# -Xshare:dump reports classes it skips (proxies, lambdas of old classes) as warnings on stdout:
# kept in the log, not in the build's output.
"$java" -Xshare:dump -XX:SharedClassListFile="$work/blueprint.classlist" \
  -XX:SharedArchiveFile="$jsa.tmp" -cp "$jar" >"$work/dump.log" 2>&1 || {
  cat "$work/dump.log" >&2
  warn "-Xshare:dump failed"
}

java_home="$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")"
[[ -f "$java_home/release" ]] || warn "no release file in $java_home"
{ echo "jar=$jar" && cat "$java_home/release"; } >"$jsa.id" || warn "cannot write $jsa.id"
mv "$jsa.tmp" "$jsa" || warn "cannot move the archive into place"
rm -rf "$work"
