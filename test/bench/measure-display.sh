#!/usr/bin/env bash
# The display figures of issue 13 on the real target/mirror.jar with the Pi JVM options of bin/mirror and headless
# Chromium pages as displays (test/itest's DisplayFiguresBench): refresh-to-DOM latency p50/p99, RSS with ten
# widgets and five displays, idle CPU with one display, start to ready with the widgets counted.
#
#   test/bench/measure-display.sh                       # builds the reactor (no other tests), then measures
#   MIRROR_JAVA_OPTS="-Xmx96m ..." test/bench/measure-display.sh
#   test/bench/measure-display.sh -Dfigures.latency.seconds=120 -Dfigures.restarts=5
#
# The table is printed and written to test/itest/target/display-figures.txt. Run it on a quiet machine: it says
# the load average before and after.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
opts="${MIRROR_JAVA_OPTS-$("$root/bin/mirror" --print-java-opts)}"
cd "$root"
mvn -B -o -q verify -Dtest=DisplayFiguresBench -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
    "-Ditest.java.opts=$opts" "$@"
cat test/itest/target/display-figures.txt
