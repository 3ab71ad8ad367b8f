#!/usr/bin/env bash
# Times parse + expand of a generated 2,000-event semester iCal feed, ours beside ical4j's own expansion, with the
# JVM options of bin/mirror (the Pi's), pinned to one core. Usage: test/bench/timetable/run.sh [warmup] [measured]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work="$here/target"
mkdir -p "$work/classes"

# Build mirror.widgets (main and test classes: the bench reuses the test's feed builder) and get its class path.
(cd "$root" && mvn -B -q -o test-compile package dependency:build-classpath -pl mirror.widgets -am -DskipTests \
    -Dmdep.outputFile="$work/classpath.txt" -Dmdep.includeScope=test)
cp="$root/mirror.widgets/target/classes:$root/mirror.widgets/target/test-classes:$(cat "$work/classpath.txt")"
javac -d "$work/classes" -cp "$cp" "$here"/src/org/campusmirror/mirror/widgets/timetable/*.java

read -r -a opts <<< "$("$root/bin/mirror" --print-java-opts)"
cpu=${BENCH_CPU:-1}
taskset -c "$cpu" java "${opts[@]}" -cp "$work/classes:$cp" org.campusmirror.mirror.widgets.timetable.TimetableBench "$@"
