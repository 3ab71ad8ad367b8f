#!/usr/bin/env bash
# Measures target/mirror.jar: time from `java` to the "Campus Mirror ready" line, resident memory once ready
# (VmRSS and peak VmHWM from /proc/PID/status, after a short settle), and the jar's size.
#
#   test/bench/measure-startup.sh [runs]          # default 5 runs, JVM options from bin/mirror
#   MIRROR_JAVA_OPTS="-Xmx64m ..." test/bench/measure-startup.sh 3
#   MIRROR_JAR=/tmp/older-mirror.jar test/bench/measure-startup.sh 3   # another build, for a side-by-side
#
# Each run starts twice on the same home: "first" = fresh home (bundles installed from the jar),
# "restart" = the same home again (the usual start after a reboot). Medians are printed at the end.
set -euo pipefail

runs="${1:-5}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${MIRROR_JAR:-$root/target/mirror.jar}"
settle_seconds="${SETTLE_SECONDS:-5}"
[[ -f "$jar" ]] || { echo "no $jar: run mvn -B -q package -DskipTests first" >&2; exit 1; }
# shellcheck source=../../bin/mirror
opts="${MIRROR_JAVA_OPTS-$("$root/bin/mirror" --print-java-opts)}"

work="$(mktemp -d)"
pid=""
cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

# start_once HOME LOG -> prints "ready_ms rss_kb hwm_kb"
start_once() {
    local home="$1" log="$2" start now
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    java $opts -Dmirror.home="$home" -Dmirror.http.port="$(free_port)" -Dmirror.https.port="$(free_port)" \
        -Dmirror.ws.port="$(free_port)" \
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
    local rss hwm
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
    echo "$(( (now - start) / 1000000 )) $rss $hwm"
}

echo "java: $(java -version 2>&1 | head -1)"
echo "options: $opts"
echo "jar: $(stat -c %s "$jar") bytes ($(( $(stat -c %s "$jar") / 1024 / 1024 )) MiB)"
printf '%-4s %-8s %10s %10s %10s\n' run start ready_ms rss_kb hwm_kb
for run in $(seq 1 "$runs"); do
    home="$work/home$run"
    for kind in first restart; do
        read -r ms rss hwm < <(start_once "$home" "$work/run$run-$kind.log")
        printf '%-4s %-8s %10s %10s %10s\n' "$run" "$kind" "$ms" "$rss" "$hwm"
        echo "$kind $ms $rss $hwm" >>"$work/results"
    done
done
for kind in first restart; do
    echo "median $kind: ready $(awk -v k=$kind '$1==k {print $2}' "$work/results" | median) ms," \
        "VmRSS $(awk -v k=$kind '$1==k {print $3}' "$work/results" | median) kB," \
        "VmHWM $(awk -v k=$kind '$1==k {print $4}' "$work/results" | median) kB"
done
