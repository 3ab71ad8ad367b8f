#!/usr/bin/env bash
# Builds and runs the ws.protocol kernel benchmarks (JMH) and the same kernels with Node ws's native add-ons,
# each pinned to core 1 (BENCH.md), one after the other. Usage: test/bench/protocol/run.sh [jmh-regexp]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
filter=${1:-.}

(cd "$root" && mvn -B -q -o -pl ws.protocol,ws.deflate -am install -DskipTests)
(cd "$here" && mvn -B -q -o package)
[ -d "$here/node_modules/bufferutil" ] || (cd "$here" && npm install --no-audit --no-fund)

echo "== JMH (Java $(java -version 2>&1 | head -1 | cut -d'"' -f2)), taskset -c 1, -wi 3 -i 5 -f 1 -w 1s -r 1s"
taskset -c 1 java -jar "$here/target/protocol-benchmarks.jar" "$filter" -wi 3 -i 5 -f 1 -w 1s -r 1s \
    | grep -E '^(Benchmark|[A-Za-z0-9]+Benchmark\.)'
echo "== Node, taskset -c 1"
(cd "$here" && taskset -c 1 node node/kernels.mjs)
if [[ "$filter" == "." || "Deflate" =~ $filter ]]; then
  echo "== Node ws PerMessageDeflate, taskset -c 1"
  (cd "$here" && taskset -c 1 node node/deflate.mjs)
fi
