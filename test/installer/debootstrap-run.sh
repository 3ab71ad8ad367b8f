#!/usr/bin/env bash
# A real install in a fresh Debian 12 (bookworm) root made with debootstrap, as on a Pi but without the desktop:
#   1. chroot: the release's install.sh --no-kiosk runs inside; apt really installs the JRE from Debian's mirror,
#      useradd really creates the user, systemctl enables the unit offline (nothing can start in a chroot);
#   2. chroot: the generated unit's ExecStart, expanded as systemd expands it, runs as the service user; the
#      console must answer on loopback: 401 without a password, 200 with the one from admin.password;
#   3. boot: systemd-nspawn boots the root; systemd starts the enabled unit with all its hardening, the console must
#      answer again (same password), and systemd-analyze security scores the running unit; then the installer runs
#      once more in there, an upgrade under a running systemd, which restarts the service with the same password.
#
#   test/installer/debootstrap-run.sh target/campus-mirror-<version>.tar.gz [RESULTS_FILE]
#
# Needs root, debootstrap, curl and systemd-nspawn (Debian's systemd-container), and deb.debian.org (or
# DEBIAN_MIRROR). The debootstrap base is cached as a tarball in CAMPUS_MIRROR_TEST_CACHE (default
# /var/cache/campus-mirror-test) for the next run; delete it to start from scratch. Results go to RESULTS_FILE
# (default /tmp/campus-mirror-debootstrap-run.results) as key=value lines, which the Maven test DebootstrapRunTest
# asserts; the unit's security report and journal go beside it. Every step is bounded in time. The mirror gets free
# ports picked at run time, never the defaults, and binds to loopback.
set -euo pipefail

release="$(realpath "${1:?usage: $0 RELEASE_TAR_GZ [RESULTS_FILE]}")"
results="$(realpath -m "${2:-${TMPDIR:-/tmp}/campus-mirror-debootstrap-run.results}")"
cache="${CAMPUS_MIRROR_TEST_CACHE:-/var/cache/campus-mirror-test}"
debian_mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
arch="$(dpkg --print-architecture)"
base="$cache/bookworm-$arch-minbase-systemd.tar"

[[ $(id -u) -eq 0 ]] || { echo "debootstrap-run: needs root (debootstrap, chroot, nspawn)" >&2; exit 2; }
for tool in debootstrap curl systemd-nspawn python3; do
    command -v "$tool" > /dev/null || { echo "debootstrap-run: needs $tool" >&2; exit 2; }
done

work="$(mktemp -d /var/tmp/campus-mirror-debootstrap.XXXXXX)"
tree="$work/root"
mirror_pid="" nspawn_pid=""
cleanup() {
    [[ -n "$mirror_pid" ]] && kill -KILL "$mirror_pid" 2> /dev/null
    [[ -n "$nspawn_pid" ]] && kill -KILL "$nspawn_pid" 2> /dev/null
    mountpoint -q "$tree/proc" && umount "$tree/proc"
    rm -rf "$work"
}
trap cleanup EXIT

: > "$results.tmp"
result() { echo "$1=$2" >> "$results.tmp"; echo "debootstrap-run: $1=$2"; }
elapsed() { echo $((SECONDS - $1)); }
started=$SECONDS

# The base root: minbase plus systemd (Raspberry Pi OS boots with it; stage 3 needs it). Not the JRE: the
# installer installs that.
step=$SECONDS
if [[ ! -f "$base" ]]; then
    mkdir -p "$cache"
    debootstrap --variant=minbase --include=systemd-sysv bookworm "$work/base" "$debian_mirror" > "$work/debootstrap.log" 2>&1 \
        || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
    tar --numeric-owner -C "$work/base" -cf "$base.tmp" . && mv "$base.tmp" "$base"
    rm -rf "$work/base"
    result debootstrap_cached no
else
    result debootstrap_cached yes
fi
mkdir -p "$tree"
tar --numeric-owner -C "$tree" -xf "$base"
result base_seconds "$(elapsed "$step")"

# Stage 1: the installer inside the chroot.
step=$SECONDS
mkdir -p "$tree/root/release"
tar -C "$tree/root/release" -xzf "$release"
installer="$(cd "$tree" && echo root/release/campus-mirror-*/install.sh)"
mount -t proc proc "$tree/proc"    # the JRE's postinst runs java, which needs /proc
if timeout 600 chroot "$tree" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "/$installer" --no-kiosk \
    > "$work/install.log" 2>&1; then
    result install_exit 0
else
    result install_exit $?
    cat "$work/install.log" >&2
fi
result install_seconds "$(elapsed "$step")"
# shellcheck disable=SC2016  # dpkg-query's own ${Status}, not the shell's
result jre_installed "$(chroot "$tree" dpkg-query -W -f='${Status}' openjdk-17-jre-headless 2> /dev/null | tr ' ' _)"
result unit_enabled "$(test -L "$tree/etc/systemd/system/multi-user.target.wants/campus-mirror.service" && echo yes || echo no)"
result service_user "$(chroot "$tree" id -nG campus-mirror 2> /dev/null | tr ' ' ,)"

read -r http_port ws_port https_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(3)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
sed -i -e "s/^MIRROR_HTTP_PORT=.*/MIRROR_HTTP_PORT=$http_port/" -e "s/^MIRROR_WS_PORT=.*/MIRROR_WS_PORT=$ws_port/" \
    -e "s/^MIRROR_HTTPS_PORT=.*/MIRROR_HTTPS_PORT=$https_port/" \
    -e "s/^MIRROR_JAVA_OPTS_EXTRA=.*/MIRROR_JAVA_OPTS_EXTRA=-Dmirror.http.host=127.0.0.1 -Dmirror.ws.host=127.0.0.1/" \
    "$tree/etc/default/campus-mirror"

# The unit's ExecStart with ${VAR} (one word) and $VAR (split at blanks) expanded from Environment= and
# EnvironmentFile=, as systemd does.
exec_start() {
    local unit="$tree/etc/systemd/system/campus-mirror.service" line word name value words
    declare -A env=()
    read -ra words < <(sed -n 's/^Environment=//p' "$unit")
    for word in "${words[@]}"; do env[${word%%=*}]="${word#*=}"; done
    while IFS= read -r line; do
        if [[ "$line" =~ ^([A-Z_]+)=(.*)$ ]]; then env[${BASH_REMATCH[1]}]="${BASH_REMATCH[2]}"; fi
    done < "$tree/etc/default/campus-mirror"
    read -ra words < <(sed -n 's/^ExecStart=//p' "$unit")
    for word in "${words[@]}"; do
        while [[ "$word" =~ \$\{([A-Z_]+)\} ]]; do
            name="${BASH_REMATCH[1]}" value="${env[$name]:-}"
            word="${word//\$\{$name\}/$value}"
        done
        if [[ "$word" =~ ^\$([A-Z_]+)$ ]]; then
            read -ra words <<< "${env[${BASH_REMATCH[1]}]:-}"
            for value in "${words[@]}"; do echo "$value"; done
        else
            echo "$word"
        fi
    done
}

# console_status URL [PASSWORD [CURL_OPTION...]]: the HTTP status of a console page on loopback, 000 when nothing
# answers.
console_status() {
    local url="$1" auth=()
    [[ -n "${2:-}" ]] && auth=(--user "admin:$2")
    shift $(($# < 2 ? $# : 2))
    curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${auth[@]}" "$@" "$url" || true
}

# wait_for_console URL SECONDS: until the console asks for a password (401), bounded.
wait_for_console() {
    local deadline=$((SECONDS + $2))
    until [[ "$(console_status "$1")" == 401 ]]; do
        ((SECONDS < deadline)) || return 1
        sleep 1
    done
}

console="http://127.0.0.1:$http_port/system/console/bundles.json"

# Stage 2: the unit's command line in the chroot, as the service user.
step=$SECONDS
mapfile -t command < <(exec_start)
printf '%s\n' "${command[@]}" > "$work/exec-start.txt"
result exec_start_java "${command[0]}"
user_ids="$(awk -F: '$1 == "campus-mirror" { print $3 ":" $4 }' "$tree/etc/passwd")"
gpio_gid="$(awk -F: '$1 == "gpio" { print $3 }' "$tree/etc/group")"
chroot --userspec="$user_ids" --groups="$gpio_gid" "$tree" /usr/bin/env -i PATH=/usr/bin:/bin \
    /bin/sh -c 'cd /var/lib/campus-mirror && exec "$@"' sh "${command[@]}" > "$work/chroot-run.log" 2>&1 &
mirror_pid=$!
if wait_for_console "$console" 120; then
    password="$(cat "$tree/var/lib/campus-mirror/admin.password")"
    result chroot_console_without_password "$(console_status "$console")"
    result chroot_console_with_password "$(console_status "$console" "$password")"
    result chroot_console_wrong_password "$(console_status "$console" "not-$password")"
    result password_file_mode "$(stat -c %a "$tree/var/lib/campus-mirror/admin.password")"
    result password_file_owned_by_service_user \
        "$([[ "$(stat -c %u:%g "$tree/var/lib/campus-mirror/admin.password")" == "$user_ids" ]] && echo yes || echo no)"
else
    result chroot_console_without_password none
    tail -n 30 "$work/chroot-run.log" >&2
fi
result chroot_seconds_to_console "$(elapsed "$step")"
kill -TERM "$mirror_pid" 2> /dev/null || true
for _ in $(seq 30); do kill -0 "$mirror_pid" 2> /dev/null || break; sleep 1; done
kill -KILL "$mirror_pid" 2> /dev/null || true
wait "$mirror_pid" 2> /dev/null || true
mirror_pid=""
umount "$tree/proc"

# Stage 3: boot the root with systemd. A probe unit inside records what systemd says about the running mirror, then
# runs the installer once more (an upgrade under a running systemd: daemon-reload, restart), and powers the
# container off. It moves on when this script says so (files go, go2), each wait bounded.
step=$SECONDS
mkdir -p "$tree/root/probe"
cat > "$tree/root/probe/probe.sh" << 'EOF'
#!/bin/bash
# Runs inside the booted root, as the probe unit.
await() { for _ in $(seq 150); do [[ -e "/root/probe/$1" ]] && break; sleep 1; done; }
await go
out=/root/probe/show.txt
systemctl show campus-mirror.service -p ActiveState -p SubState -p NRestarts -p User > "$out"
pid="$(systemctl show campus-mirror.service -p MainPID --value)"
grep -E '^(NoNewPrivs|Seccomp|CapBnd|CapEff):' "/proc/$pid/status" | tr -d ' \t' | tr : = >> "$out"
echo "MaxOpenFiles=$(awk '/^Max open files/ { print $4 }' "/proc/$pid/limits")" >> "$out"
# $MIRROR_JAVA_OPTS_EXTRA of /etc/default/campus-mirror, split by systemd into one argument per option
echo "ExtraOptionArguments=$(tr '\0' '\n' < "/proc/$pid/cmdline" | grep -c -e '^-Dmirror.http.host=127.0.0.1$' \
    -e '^-Dmirror.ws.host=127.0.0.1$')" >> "$out"
systemd-analyze security campus-mirror.service > /root/probe/security.txt 2>&1
journalctl -u campus-mirror.service --no-pager > /root/probe/journal.txt 2>&1
/root/release/campus-mirror-*/install.sh --no-kiosk --wait 60 > /root/probe/upgrade.txt 2>&1
echo "UpgradeExit=$?" >> "$out"
echo "UpgradeRestarted=$([[ "$(systemctl show campus-mirror.service -p MainPID --value)" != "$pid" ]] && echo yes || echo no)" >> "$out"
echo "UpgradeActiveState=$(systemctl show campus-mirror.service -p ActiveState --value)" >> "$out"
touch /root/probe/upgraded
await go2
systemctl --no-block poweroff
EOF
cat > "$tree/etc/systemd/system/campus-mirror-probe.service" << 'EOF'
[Unit]
Description=Campus Mirror test probe
After=campus-mirror.service
[Service]
Type=oneshot
ExecStart=/bin/bash /root/probe/probe.sh
TimeoutStartSec=600
[Install]
WantedBy=multi-user.target
EOF
ln -s /etc/systemd/system/campus-mirror-probe.service "$tree/etc/systemd/system/multi-user.target.wants/"
timeout 480 systemd-nspawn --boot --directory="$tree" --register=no --keep-unit --console=pipe \
    > "$work/boot.log" 2>&1 < /dev/null &
nspawn_pid=$!
if wait_for_console "$console" 120; then
    result boot_console_without_password "$(console_status "$console")"
    result boot_console_with_password "$(console_status "$console" "$password")"
    # The console over HTTPS, once the mirror generates its certificate (issue 12): self-signed, hence -k here.
    if [[ -f "$tree/var/lib/campus-mirror/tls/console.crt" ]]; then
        https_console="https://127.0.0.1:$https_port/system/console/bundles.json"
        result boot_https_console_without_password "$(console_status "$https_console" "" -k)"
        result boot_https_console_with_password "$(console_status "$https_console" "$password" -k)"
    fi
else
    result boot_console_without_password none
fi
result boot_seconds_to_console "$(elapsed "$step")"
touch "$tree/root/probe/go"

step=$SECONDS
for _ in $(seq 240); do [[ -e "$tree/root/probe/upgraded" ]] && break; sleep 1; done
if wait_for_console "$console" 120; then
    result upgrade_console_with_password "$(console_status "$console" "$password")"
else
    result upgrade_console_with_password none
fi
result upgrade_said "$(grep -c "upgrading Campus Mirror" "$tree/root/probe/upgrade.txt" || true)"
result upgrade_seconds "$(elapsed "$step")"
touch "$tree/root/probe/go2"
wait "$nspawn_pid" || true
nspawn_pid=""
sed 's/^/boot_/' "$tree/root/probe/show.txt" >> "$results.tmp" || true
result boot_security_exposure "$(sed -n 's/.*Overall exposure level for campus-mirror.service: \([0-9.]*\).*/\1/p' \
    "$tree/root/probe/security.txt")"
result boot_journal_problems "$(grep -ciE 'SIGSYS|not permitted|Permission denied|Failed with result|core dump|Error' \
    "$tree/root/probe/journal.txt" || true)"
result total_seconds "$(elapsed "$started")"
for report in security journal upgrade; do
    cp "$tree/root/probe/$report.txt" "$results.$report.txt" 2> /dev/null || true
done
mv "$results.tmp" "$results"
