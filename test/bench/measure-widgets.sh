#!/usr/bin/env bash
# What the widget bundles cost. The same command (bin/mirror's JVM options plus -Dmirror.demo=true, so every widget
# of the demo profile refreshes from the loopback demo server) runs on target/mirror.jar and on a copy of it without
# mirror.widgets and the libraries only the widgets use (WIDGET_BUNDLES: Jackson databind/jsr310/annotations, ical4j
# and its bundles, Rome, JDOM, jsoup; those not in the jar are skipped). Per run, on a fresh
# home: time from `java` to "Campus Mirror ready"; after SETTLE seconds (every widget refreshed): VmRSS, and the
# heap in use after a full GC (jcmd GC.run, then GC.heap_info, young + old used). Medians at the end.
#
#   test/bench/measure-widgets.sh [runs]            # default 3 runs per jar
#   SETTLE_SECONDS=30 test/bench/measure-widgets.sh 5
set -euo pipefail

runs="${1:-3}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${MIRROR_JAR:-$root/target/mirror.jar}"
settle_seconds="${SETTLE_SECONDS:-20}"
[[ -f "$jar" ]] || { echo "no $jar: run mvn -B -q package -DskipTests first" >&2; exit 1; }
opts="$("$root/bin/mirror" --print-java-opts) -Dmirror.demo=true"

work="$(mktemp -d)"
pid=""
cleanup() { if [[ -n "$pid" ]]; then kill -9 "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

# The same jar without the widgets: their bundles left out of the jar and of the launcher's plan.
widget_bundles="${WIDGET_BUNDLES:-org.campusmirror.mirror.widgets com.fasterxml.jackson.core.jackson-databind
    com.fasterxml.jackson.core.jackson-annotations com.fasterxml.jackson.datatype.jackson-datatype-jsr310 ical4j
    com.github.ben-manes.caffeine org.jspecify.jspecify org.apache.commons.commons-codec org.apache.commons.lang3
    org.threeten.extra com.rometools.rome org.jdom2 org.jsoup}"
# shellcheck disable=SC2086
python3 - "$jar" "$work/without-widgets.jar" $widget_bundles <<'PY'
import sys, zipfile
source, target, gone = sys.argv[1], sys.argv[2], sys.argv[3:]
def keep(item):
    return not any(item == "jar/" + name or item.startswith(name + ";") for name in gone)
with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        if not keep(info.filename):
            continue
        data = src.read(info.filename)
        if info.filename == "launcher.properties":
            lines = []
            for line in data.decode("latin-1").splitlines():
                key, _, value = line.partition("=")
                if key in ("launch.bundles", "launch.runbundles.attrs"):
                    line = key + "=" + ",".join(item for item in value.split(",") if keep(item))
                lines.append(line)
            data = ("\n".join(lines) + "\n").encode("latin-1")
        dst.writestr(info, data)
PY

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

# measure JAR HOME LOG -> "ready_ms rss_kb heap_kb"
measure() {
    local jar="$1" home="$2" log="$3" start now
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    java $opts -Dmirror.home="$home" -Dmirror.http.port="$(free_port)" -Dmirror.https.port="$(free_port)" \
        -Dmirror.ws.port="$(free_port)" -Dmirror.http.host=127.0.0.1 -Dmirror.ws.host=127.0.0.1 \
        -Dmirror.admin.password=measure -jar "$jar" >"$log" 2>&1 </dev/null &
    pid=$!
    for _ in $(seq 1 1200); do
        if grep -qs "Campus Mirror ready" "$log"; then break; fi
        if ! kill -0 "$pid" 2>/dev/null; then echo "mirror died:" >&2; cat "$log" >&2; exit 1; fi
        sleep 0.05
    done
    grep -q "Campus Mirror ready" "$log" || { echo "not ready within 60 s" >&2; cat "$log" >&2; exit 1; }
    now=$(date +%s%N)
    sleep "$settle_seconds"
    local rss heap
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    jcmd "$pid" GC.run >/dev/null
    heap=$(jcmd "$pid" GC.heap_info | awk '/generation/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i+1); sub("K,?", "", v); s += v}} END {print s}')
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
    echo "$(( (now - start) / 1000000 )) $rss $heap"
}

echo "java: $(java -version 2>&1 | head -1)"
echo "options: $opts"
printf '%-16s %-4s %10s %10s %10s\n' jar run ready_ms rss_kb heap_kb
for run in $(seq 1 "$runs"); do
    for variant in with-widgets without-widgets; do
        file="$jar"; [[ $variant == without-widgets ]] && file="$work/without-widgets.jar"
        read -r ms rss heap < <(measure "$file" "$work/$variant-$run" "$work/$variant-$run.log")
        if [[ $variant == with-widgets ]] && ! grep -q "Demo profile on" "$work/$variant-$run.log"; then
            echo "the demo profile did not start:" >&2; cat "$work/$variant-$run.log" >&2; exit 1
        fi
        printf '%-16s %-4s %10s %10s %10s\n' "$variant" "$run" "$ms" "$rss" "$heap"
        echo "$variant $ms $rss $heap" >>"$work/results"
    done
done
for variant in with-widgets without-widgets; do
    echo "median $variant: ready $(awk -v k=$variant '$1==k {print $2}' "$work/results" | median) ms," \
        "VmRSS $(awk -v k=$variant '$1==k {print $3}' "$work/results" | median) kB," \
        "heap used after GC $(awk -v k=$variant '$1==k {print $4}' "$work/results" | median) kB"
done
