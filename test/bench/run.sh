#!/usr/bin/env bash
# Side-by-side WebSocket benchmark: ours (target/mirror.jar), Node ws and Netty, one after the
# other, same load clients, same settings. Builds what is missing, then runs harness/run.mjs.
#   test/bench/run.sh [--quick] [--servers ours,ws,netty] [--scenarios REGEX] [--ours-jvm-opts="..."] [--out FILE]
# See test/bench/README.md for every option and how to read the table.
set -euo pipefail
cd "$(dirname "$0")"

# 1000 connections per side need more descriptors than the usual 1024.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

if [ ! -d node_modules/ws ]; then
    npm ci --no-audit --no-fund >&2
fi
make -s -C loadgen >&2
if [ ! -f netty-echo/target/netty-echo.jar ]; then
    mvn -B -q -f netty-echo/pom.xml package >&2
fi

# run.mjs kills its children on exit and on signals; each child also runs under `timeout`, so
# nothing outlives the run even if this process is killed hard.
exec node harness/run.mjs "$@"
