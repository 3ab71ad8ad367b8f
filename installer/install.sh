#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Campus Mirror installer for Raspberry Pi OS Bookworm (Debian 12; arm64, armhf) and, for tests, plain Debian 12
# amd64. Run it as root from the extracted release archive:
#
#   sudo ./install.sh                 install, or upgrade what is installed (the home folder is kept as it is)
#   sudo ./install.sh --uninstall     remove the mirror; keep its data, configuration and system user
#   sudo ./install.sh --purge         remove the mirror and its data too
#
# Options:
#   --dry-run            list what would be done and change nothing (needs no root)
#   --root DIR           install into the tree DIR instead of / (an image, a test); packages are installed with
#                        `chroot DIR apt-get`, the service is enabled with `systemctl --root` and not started
#   --no-start           do not call systemctl at all (no enable, no start, no stop)
#   --no-kiosk           server only: no Chromium, no display power tools, no desktop autostart
#   --desktop-user NAME  the desktop user whose session shows the mirror (default: the autologin user)
#   --wait SECONDS       how long to wait for the first start to write the admin password (default 120)
#
# Every command that asks or changes the system (apt-get, apt-cache, dpkg, systemctl, useradd, groupadd, usermod,
# userdel, groupdel, chown, chroot, raspi-config) is found through PATH, so tests can put stand-ins first.
set -euo pipefail

readonly SERVICE_USER=campus-mirror
readonly SERVICE=campus-mirror.service
readonly OPT_DIR=/opt/campus-mirror
readonly HOME_DIR=/var/lib/campus-mirror
readonly CONFIG_FILE=/etc/default/campus-mirror
readonly UNIT_FILE=/etc/systemd/system/campus-mirror.service
readonly GPIO_GROUP=gpio
readonly KIOSK=$OPT_DIR/campus-mirror-kiosk
readonly MARK_BEGIN="# >>> campus-mirror kiosk (written by $OPT_DIR/install.sh) >>>"
readonly MARK_END="# <<< campus-mirror kiosk <<<"

release_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$release_dir/lib/common.sh"
# shellcheck source=lib/kiosk.sh
source "$release_dir/lib/kiosk.sh"

mode=install root=/ dry_run=false start=true kiosk=true desktop_user="" wait_seconds=120
while (($# > 0)); do
    case "$1" in
        --uninstall) mode=uninstall ;;
        --purge) mode=purge ;;
        --dry-run) dry_run=true ;;
        --root) root="${2:?--root needs a folder}"; shift ;;
        --root=*) root="${1#--root=}" ;;
        --no-start) start=false ;;
        --no-kiosk) kiosk=false ;;
        --desktop-user) desktop_user="${2:?--desktop-user needs a name}"; shift ;;
        --wait) wait_seconds="${2:?--wait needs seconds}"; shift ;;
        -h|--help) sed -n '3,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) refuse "unknown option $1 (see --help)" ;;
    esac
    shift
done
[[ "$wait_seconds" =~ ^[0-9]+$ ]] || refuse "--wait needs a number of seconds, not '$wait_seconds'"
[[ -d "$root" ]] || refuse "--root $root is not a folder"
root="$(cd "$root" && pwd)"
[[ "$root" == / ]] && prefix="" || prefix="$root"

check_system() {
    local id="" version="" name="this system"
    if [[ -r "$prefix/etc/os-release" ]]; then
        id="$(os_release_value ID)" version="$(os_release_value VERSION_ID)"
        name="$(os_release_value PRETTY_NAME)"
    fi
    if [[ ! "$id" =~ ^(debian|raspbian)$ || "$version" != 12 ]]; then
        refuse "needs Raspberry Pi OS Bookworm or Debian 12; this is ${name:-an unknown system}"
    fi
    arch="$(in_root_query dpkg --print-architecture)"    # the tree's own (an arm64 image built elsewhere)
    case "$arch" in
        arm64|armhf) ;;
        amd64) note "amd64 is a test target (plain Debian 12); the mirror is made for a Raspberry Pi (arm64, armhf)" ;;
        *) refuse "needs arm64 or armhf (a Raspberry Pi; amd64 for tests); this system is $arch" ;;
    esac
}

os_release_value() {
    # os-release is shell-quoted KEY=value; read one key without sourcing the file.
    sed -n "s/^$1=//p" "$prefix/etc/os-release" | head -n 1 | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'$/\1/"
}

install_packages() {
    local packages=(openjdk-17-jre-headless)
    if $kiosk; then
        # Raspberry Pi OS ships its own build as chromium-browser; Debian calls it chromium.
        if has_candidate chromium-browser; then packages+=(chromium-browser); else packages+=(chromium); fi
        packages+=(x11-xserver-utils)               # xset: screen blanking and display power on X11
        if has_candidate wlopm; then
            packages+=(wlopm)                       # display power on labwc and Wayfire (Raspberry Pi OS)
        else
            note "wlopm is not in this system's package lists (plain Debian 12 lacks it); display power on Wayland needs it"
        fi
    fi
    say "installing packages: ${packages[*]}"
    in_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
}

has_candidate() {
    LC_ALL=C in_root_query apt-cache policy "$1" 2>/dev/null | grep -q '^  Candidate: [^(]'
}

create_user() {
    if ! group_exists "$GPIO_GROUP"; then
        # Raspberry Pi OS has it (and a udev rule giving it /dev/gpiochip*); plain Debian does not.
        run groupadd "${root_opt[@]}" --system "$GPIO_GROUP"
    fi
    if user_exists "$SERVICE_USER"; then
        run usermod "${root_opt[@]}" --append --groups "$GPIO_GROUP" "$SERVICE_USER"
    else
        run useradd "${root_opt[@]}" --system --user-group --groups "$GPIO_GROUP" --home-dir "$HOME_DIR" \
            --no-create-home --shell /usr/sbin/nologin --comment "Campus Mirror" "$SERVICE_USER"
    fi
}

install_release() {
    local version from=""
    version="$(tr -d '[:space:]' < "$release_dir/VERSION")"
    [[ -f "$prefix$OPT_DIR/VERSION" ]] && from="$(tr -d '[:space:]' < "$prefix$OPT_DIR/VERSION")"
    if [[ -n "$from" ]]; then
        say "upgrading Campus Mirror $from to $version (the home folder $HOME_DIR stays as it is)"
    else
        say "installing Campus Mirror $version"
    fi
    make_dir "$OPT_DIR" 755 0:0
    make_dir "$OPT_DIR/lib" 755 0:0
    make_dir "$OPT_DIR/templates" 755 0:0
    # The whole release, installer included, so that --uninstall and --purge work from $OPT_DIR later.
    local file
    for file in mirror.jar jvm.options VERSION INSTALL campus-mirror.default lib/common.sh lib/kiosk.sh \
        templates/campus-mirror.service templates/labwc-autostart templates/wayfire-autostart \
        templates/campus-mirror-kiosk.desktop; do
        put_file "$release_dir/$file" "$OPT_DIR/$file" 644 0:0
    done
    put_file "$release_dir/install.sh" "$OPT_DIR/install.sh" 755 0:0
    put_file "$release_dir/campus-mirror-kiosk" "$KIOSK" 755 0:0
}

prepare_home() {
    local owner
    owner="$(user_ids "$SERVICE_USER")"
    if [[ -d "$prefix$HOME_DIR" ]]; then
        # Kept as it is: bundles, configurations, cache, logs, password, certificate, whatever comes later.
        if [[ "$(stat -c %u:%g "$prefix$HOME_DIR")" != "$owner" ]]; then
            # Restored from a backup, or the user was created anew: the data is the mirror's.
            say "giving $HOME_DIR to $SERVICE_USER"
            run chown -R --no-dereference "$owner" "$prefix$HOME_DIR"
        fi
        run chmod 750 "$prefix$HOME_DIR"
    else
        make_dir "$(dirname "$HOME_DIR")" 755 0:0
        make_dir "$HOME_DIR" 750 "$owner"
    fi
}

write_config() {
    if [[ -f "$prefix$CONFIG_FILE" ]]; then
        if ! cmp -s "$prefix$CONFIG_FILE" "$release_dir/campus-mirror.default"; then
            say "kept your $CONFIG_FILE (this release's defaults: $OPT_DIR/campus-mirror.default)"
        fi
    else
        make_dir "$(dirname "$CONFIG_FILE")" 755 0:0
        put_file "$release_dir/campus-mirror.default" "$CONFIG_FILE" 644 0:0
    fi
}

write_unit() {
    local java="/usr/lib/jvm/java-17-openjdk-$arch/bin/java" options
    if ! $dry_run && [[ ! -x "$prefix$java" ]]; then
        fail "$java is missing after installing openjdk-17-jre-headless"
    fi
    options="$(jvm_options "$release_dir/jvm.options")"
    make_dir /etc/systemd/system 755 0:0
    render "$release_dir/templates/campus-mirror.service" "$UNIT_FILE" 644 0:0 \
        JAVA "$java" JVM_OPTIONS "$options" HOME_DIR "$HOME_DIR" OPT_DIR "$OPT_DIR" USER "$SERVICE_USER" \
        CONFIG_FILE "$CONFIG_FILE"
}

jvm_options() {
    # The same parse as bin/mirror: one option per line, '#' comments; an option holds no blank.
    sed -e 's/\(^\|[[:space:]]\)#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1" | paste -sd ' ' -
}

start_service() {
    if ! $start; then
        say "not calling systemctl (--no-start); to run the mirror: systemctl enable --now $SERVICE"
        return
    fi
    if [[ -n "$prefix" ]]; then
        run systemctl --root="$root" enable "$SERVICE"
        return
    fi
    if [[ ! -d /run/systemd/system ]]; then
        # A chroot or an image being prepared: enable for the next boot, nothing can start now.
        run systemctl enable "$SERVICE"
        say "systemd is not running here: $SERVICE starts at the next boot"
        return
    fi
    run systemctl daemon-reload
    run systemctl enable "$SERVICE"
    run systemctl restart "$SERVICE"
    wait_for_password
}

wait_for_password() {
    $dry_run && return
    local waited=0
    [[ -s "$HOME_DIR/admin.password" ]] && return
    say "waiting up to ${wait_seconds}s for the first start to write $HOME_DIR/admin.password"
    while [[ ! -s "$HOME_DIR/admin.password" ]] && ((waited < wait_seconds)); do
        if systemctl is-failed --quiet "$SERVICE"; then
            break
        fi
        sleep 2
        waited=$((waited + 2))
    done
    if [[ ! -s "$HOME_DIR/admin.password" ]]; then
        note "no $HOME_DIR/admin.password yet; see what the mirror says: journalctl -u $SERVICE"
    fi
}

print_summary() {
    local http https host
    http="$(config_value MIRROR_HTTP_PORT 8080)" https="$(config_value MIRROR_HTTPS_PORT 8443)"
    host="$(hostname 2>/dev/null || echo raspberrypi)"
    [[ -n "$prefix" ]] && host="<this-mirror>"
    local done="is installed"
    $dry_run && done="would be installed (dry run: nothing changed)"
    cat <<EOF

Campus Mirror $done.
  display page:  http://127.0.0.1:$http/   (the kiosk browser opens it after the desktop login)
  Web Console:   https://$host.local:$https/system/console   (or https://<its address>:$https/system/console), user admin
  password:      in $HOME_DIR/admin.password, written at the first start: sudo cat $HOME_DIR/admin.password
  certificate:   $HOME_DIR/tls/console.crt, generated at the first start (see INSTALL: trusting it)
  settings:      $CONFIG_FILE (ports, extra JVM options), then: sudo systemctl restart $SERVICE
  logs:          journalctl -u $SERVICE, and $HOME_DIR/logs/mirror.log
EOF
}

config_value() {
    local value=""
    [[ -r "$prefix$CONFIG_FILE" ]] && value="$(sed -n "s/^$1=\([0-9]*\).*/\1/p" "$prefix$CONFIG_FILE" | tail -n 1)"
    echo "${value:-$2}"
}

remove_mirror() {
    if $start; then
        if [[ -n "$prefix" ]]; then
            [[ -f "$prefix$UNIT_FILE" ]] && run systemctl --root="$root" disable "$SERVICE"
        elif [[ -f "$UNIT_FILE" ]]; then
            if [[ -d /run/systemd/system ]]; then
                run systemctl disable --now "$SERVICE"
            else
                run systemctl disable "$SERVICE"
            fi
        fi
    fi
    remove_kiosk
    remove_path "$UNIT_FILE"
    remove_path "$OPT_DIR"
    if $start && [[ -z "$prefix" && -d /run/systemd/system ]]; then
        run systemctl daemon-reload
    fi
}

purge_data() {
    remove_path "$HOME_DIR"
    remove_path "$CONFIG_FILE"
    if user_exists "$SERVICE_USER"; then
        run userdel "${root_opt[@]}" "$SERVICE_USER"
    fi
    if group_exists "$SERVICE_USER"; then
        run groupdel "${root_opt[@]}" "$SERVICE_USER"
    fi
}

root_opt=()
[[ -n "$prefix" ]] && root_opt=(--root "$root")
$dry_run && say "dry run: listing what would be done; nothing changes"
require_root

case "$mode" in
    install)
        check_system
        [[ -f "$release_dir/mirror.jar" ]] || refuse "no mirror.jar next to $0: run the install.sh of an extracted release"
        [[ "$release_dir" -ef "$prefix$OPT_DIR" ]] && \
            refuse "this is the installed copy; to upgrade, run install.sh from a new release (--uninstall and --purge work here)"
        install_packages
        create_user
        install_release
        prepare_home
        write_config
        write_unit
        if $kiosk; then setup_kiosk; fi
        start_service
        print_summary
        ;;
    uninstall)
        remove_mirror
        $dry_run && say "dry run: nothing changed" && exit 0
        say "removed Campus Mirror; kept $HOME_DIR, $CONFIG_FILE and the user $SERVICE_USER (--purge removes them)"
        ;;
    purge)
        remove_mirror
        purge_data
        $dry_run && say "dry run: nothing changed" && exit 0
        say "removed Campus Mirror, its data, $CONFIG_FILE and the user $SERVICE_USER"
        ;;
esac
