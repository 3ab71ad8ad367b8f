# shellcheck shell=bash disable=SC2154  # the globals named below are install.sh's
# Helpers of install.sh (sourced): messages, the dry-run switch, files placed into the target tree, and users read
# from the tree's own /etc files (never the host's name service, so --root works on any tree).
# Uses install.sh's globals: dry_run, prefix (the tree, "" for /), root, root_opt.

say() { echo "campus-mirror: $*"; }
note() { echo "campus-mirror: note: $*"; }
# One clear line and exit 2: the system or the command line is not one the installer accepts.
refuse() { echo "campus-mirror: $*" >&2; exit 2; }
fail() { echo "campus-mirror: failed: $*" >&2; exit 1; }

# Runs a command that changes the system, or only lists it with --dry-run.
run() {
    if $dry_run; then
        local line
        line="$(printf '%q ' "$@")"
        echo "would run: ${line% }"
    else
        "$@"
    fi
}

# A command of the target system: chroot into the tree with --root.
in_root() {
    if [[ -n "$prefix" ]]; then run chroot "$root" "$@"; else run "$@"; fi
}

# A read-only query of the target system: runs even with --dry-run.
in_root_query() {
    if [[ -n "$prefix" ]]; then chroot "$root" "$@"; else "$@"; fi
}

require_root() {
    if ! $dry_run && [[ $(id -u) -ne 0 ]]; then
        refuse "run it as root (sudo), or add --dry-run to only list what it would do"
    fi
}

# make_dir PATH MODE UID:GID: creates PATH in the tree when missing; an existing folder is left as it is.
make_dir() {
    [[ -d "$prefix$1" ]] && return
    run install -d -m "$2" -o "${3%%:*}" -g "${3##*:}" "$prefix$1"
}

# put_file SOURCE PATH MODE UID:GID: writes PATH in the tree, replacing it atomically (a running mirror keeps the
# old file open until it restarts).
put_file() {
    if $dry_run; then
        echo "would write: $2 (mode $3, owner $4)"
        return
    fi
    install -m "$3" -o "${4%%:*}" -g "${4##*:}" "$1" "$prefix$2.campus-mirror-new"
    mv -f "$prefix$2.campus-mirror-new" "$prefix$2"
}

# render TEMPLATE PATH MODE UID:GID KEY VALUE...: the template with each @KEY@ replaced by VALUE.
render() {
    local template="$1" target="$2" mode="$3" owner="$4" text rendered
    shift 4
    text="$(cat "$template")"
    while (($# >= 2)); do
        text="${text//@$1@/$2}"
        shift 2
    done
    if [[ "$text" =~ @[A-Z_]+@ ]]; then
        fail "$template: ${BASH_REMATCH[0]} has no value"
    fi
    rendered="$(mktemp)"
    printf '%s\n' "$text" > "$rendered"
    put_file "$rendered" "$target" "$mode" "$owner"
    rm -f "$rendered"
}

remove_path() {
    if [[ -e "$prefix$1" || -L "$prefix$1" ]]; then
        run rm -rf "$prefix$1"
    fi
}

user_exists() { [[ -n "$(passwd_field "$1" 3)" ]]; }
group_exists() { [[ -f "$prefix/etc/group" ]] && grep -q "^$1:" "$prefix/etc/group"; }

# passwd_field NAME N: field N of NAME's line in the tree's /etc/passwd (3 uid, 4 gid, 6 home).
passwd_field() {
    [[ -f "$prefix/etc/passwd" ]] && awk -F: -v name="$1" -v n="$2" '$1 == name { print $n; exit }' "$prefix/etc/passwd"
}

# user_ids NAME: "uid:gid" from the tree (chown by number: the host may not know the tree's users). A dry run
# that has not created the user yet gets the names.
user_ids() {
    if user_exists "$1"; then
        echo "$(passwd_field "$1" 3):$(passwd_field "$1" 4)"
    else
        echo "$1:$1"
    fi
}
