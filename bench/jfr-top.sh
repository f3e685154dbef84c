#!/usr/bin/env bash
# Summarises a JFR recording's execution samples: the hottest top frames, and the hottest frames
# of blueprint's own code (the first dev.blueprint frame of each sample), e.g.
#   BLUEPRINT_JAVA_OPTS=-XX:StartFlightRecording=filename=gen.jfr,settings=profile bin/blueprint generate ...
#   bench/jfr-top.sh gen.jfr
set -euo pipefail
jfr print --stack-depth 64 --events jdk.ExecutionSample "$1" | awk '
  /stackTrace = \[/ { in_st = 1; top = ""; own = ""; next }
  in_st && /^[[:space:]]*\]/ { in_st = 0; n++; tops[top]++; if (own != "") owns[own]++; else owns["(no blueprint frame)"]++; next }
  in_st {
    line = $0; sub(/^[[:space:]]+/, "", line); sub(/[[:space:]]+line:.*/, "", line)
    if (top == "") top = line
    if (own == "" && line ~ /^dev\.blueprint\./ && line !~ /^dev\.blueprint\.core\.model\./) own = line
  }
  END {
    printf "%d samples\n\nhottest top frames:\n", n
    for (k in tops) printf "%6d  %s\n", tops[k], k | "sort -rn | head -15"
    close("sort -rn | head -15")
    printf "\nhottest blueprint frames (first dev.blueprint frame outside the model of each sample):\n"
    for (k in owns) printf "%6d  %s\n", owns[k], k | "sort -rn | head -20"
  }'
