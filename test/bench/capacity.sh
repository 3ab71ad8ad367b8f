#!/usr/bin/env bash
# Broadcast capacity and overload, ours (target/mirror.jar) and Node ws side by side: N connections each
# publishing to all at a fixed rate, stepped up until delivery falls short; then one run far past capacity.
#   test/bench/capacity.sh [--servers ours,ws] [--connections 1000,300,100] [--asked 25000,...] [--out FILE]
# See test/bench/README.md ("Capacity and overload").
set -euo pipefail
cd "$(dirname "$0")"

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ ! -d node_modules/ws ]; then
    npm ci --no-audit --no-fund >&2
fi
make -s -C loadgen >&2

# capacity.mjs kills its children on exit and on signals; each child also runs under `timeout`.
exec node harness/capacity.mjs "$@"
