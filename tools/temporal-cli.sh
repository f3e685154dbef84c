#!/usr/bin/env bash
# Builds the Temporal CLI (whose dev server keeps engagements in SQLite) into build/tools/bin from
# the Go module proxy: no reachable registry ships the binary. v1.5.1 is the newest version whose
# go.mod has no replace directive (v1.9.1 replaces ./cliext), so `go install module@version` builds
# it. Uses the local Go if it is 1.25 or newer, else Go 1.25.5 fetched from the module proxy
# (golang.org/toolchain, checksum pinned). Caches are removed afterwards (~3 GB); the binary stays.
# Usage: tools/temporal-cli.sh VERSION OUT_DIR
set -euo pipefail
version="$1"
out="$(mkdir -p "$2" && cd "$2" && pwd)"
work="$(cd "$(dirname "$out")" && pwd)/go"
mkdir -p "$work"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

go_ok() { # Go >= 1.25 on PATH?
  command -v go >/dev/null || return 1
  local v; v="$(go env GOVERSION 2>/dev/null | sed 's/^go//')" || return 1
  [ "$(printf '%s\n1.25\n' "$v" | sort -V | head -1)" = "1.25" ]
}

GO=go
if ! go_ok; then
  toolchain="v0.0.1-go1.25.5.linux-amd64"
  sum="8cea6783dab64d68b38f5b81ecd38d45155a3c06638991acc6af19e0fca80edb"
  [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || { echo "no Go >= 1.25 on PATH: install it" >&2; exit 1; }
  echo "no Go >= 1.25 on PATH: fetching go1.25.5 from the Go module proxy"
  curl -fsSL --retry 3 -o "$work/toolchain.zip" \
    "https://proxy.golang.org/golang.org/toolchain/@v/$toolchain.zip"
  echo "$sum  $work/toolchain.zip" | sha256sum -c --quiet
  python3 -m zipfile -e "$work/toolchain.zip" "$work/toolchain"
  GOROOT="$work/toolchain/golang.org/toolchain@$toolchain"
  chmod -R u+x "$GOROOT/bin" "$GOROOT/pkg/tool"
  export GOROOT
  GO="$GOROOT/bin/go"
fi

export GOMODCACHE="$work/mod" GOCACHE="$work/cache" GOPATH="$work/path" GOBIN="$out"
export GOFLAGS="-buildvcs=false -modcacherw" GOTOOLCHAIN=local CGO_ENABLED=0
"$GO" install -trimpath \
  -ldflags "-s -w -X github.com/temporalio/cli/temporalcli.Version=$version" \
  "github.com/temporalio/cli/cmd/temporal@v$version"
"$out/temporal" --version
