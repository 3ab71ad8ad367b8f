# shellcheck shell=bash disable=SC2154  # the globals named below are install.sh's
# Desktop side of install.sh (sourced): the kiosk autostart in the desktop user's session, for each session Raspberry
# Pi OS Bookworm offers (labwc, Wayfire, X11), and its removal. Our lines sit between MARK_BEGIN and MARK_END, so an
# upgrade replaces them and --uninstall takes them out, leaving the user's own lines alone.
# Uses install.sh's globals: prefix, release_dir, desktop_user, KIOSK, MARK_BEGIN, MARK_END.

setup_kiosk() {
    local user home ids
    remove_kiosk
    user="$(find_desktop_user)"
    if [[ -z "$user" ]]; then
        note "no desktop user found (no autologin user, no user with a home under /home): the kiosk autostart is" \
            "skipped; run again with --desktop-user NAME"
        return
    fi
    home="$(passwd_field "$user" 6)" ids="$(user_ids "$user")"
    say "the display page opens in $user's desktop session (labwc, Wayfire or X11)"
    make_dir "$home/.config" 700 "$ids"
    make_dir "$home/.config/labwc" 755 "$ids"
    make_dir "$home/.config/autostart" 755 "$ids"

    # labwc: its autostart is a shell script (Raspberry Pi OS runs labwc -m, so the system one runs too).
    put_block "$home/.config/labwc/autostart" "$(template labwc-autostart)" "$ids"
    # Wayfire: an [autostart] entry. Only into an existing wayfire.ini: Raspberry Pi OS writes it at the first
    # Wayfire login, and a file of ours there would stop that and leave Wayfire without its panel and settings.
    if [[ -f "$prefix$home/.config/wayfire.ini" ]]; then
        put_ini_block "$home/.config/wayfire.ini" autostart "$(template wayfire-autostart)" "$ids"
    fi
    # X11 (LXDE-pi): an XDG autostart entry. Raspberry Pi OS's Wayland sessions run these too; the kiosk script
    # lets only one of its copies run.
    local entry
    entry="$(mktemp)"
    template campus-mirror-kiosk.desktop > "$entry"
    put_file "$entry" "$home/.config/autostart/campus-mirror-kiosk.desktop" 644 "$ids"
    rm -f "$entry"

    # Screen blanking off: raspi-config knows how for each session of Raspberry Pi OS (swayidle under labwc, the
    # idle plugin of Wayfire, X11's DPMS). Elsewhere the kiosk turns X11's off itself; Wayland idles only if told.
    if [[ -z "$prefix" ]] && command -v raspi-config > /dev/null; then
        run raspi-config nonint do_blanking 1
    else
        note "screen blanking: the kiosk turns it off on X11; on Raspberry Pi OS run: sudo raspi-config nonint do_blanking 1"
    fi
}

remove_kiosk() {
    local user home file
    while IFS=: read -r user _ _ _ _ home _; do
        for file in "$home/.config/labwc/autostart" "$home/.config/wayfire.ini"; do
            if [[ -f "$prefix$file" ]] && grep -qxF "$MARK_BEGIN" "$prefix$file"; then
                strip_block "$file" "$(user_ids "$user")"
            fi
        done
        remove_path "$home/.config/autostart/campus-mirror-kiosk.desktop"
    done < <(human_users)
}

# The user whose desktop shows the mirror: --desktop-user, else lightdm's autologin user (Raspberry Pi OS logs the
# first user in automatically), else the user who ran sudo, else the first user with a home under /home.
find_desktop_user() {
    local name=""
    if [[ -n "$desktop_user" ]]; then
        user_exists "$desktop_user" || refuse "--desktop-user $desktop_user: no such user"
        echo "$desktop_user"
        return
    fi
    if [[ -f "$prefix/etc/lightdm/lightdm.conf" ]]; then
        name="$(sed -n 's/^[[:space:]]*autologin-user[[:space:]]*=[[:space:]]*\([^[:space:]]*\).*/\1/p' \
            "$prefix/etc/lightdm/lightdm.conf" | tail -n 1)"
    fi
    if [[ -z "$name" && -z "$prefix" && -n "${SUDO_USER:-}" && "${SUDO_USER}" != root ]]; then
        name="$SUDO_USER"
    fi
    if [[ -n "$name" ]] && user_exists "$name"; then
        echo "$name"
        return
    fi
    human_users | head -n 1 | cut -d: -f1
}

# Users with a uid of a person (1000-59999) and a home under /home, as passwd lines.
human_users() {
    [[ -f "$prefix/etc/passwd" ]] && awk -F: '$3 >= 1000 && $3 < 60000 && $6 ~ /^\/home\//' "$prefix/etc/passwd"
    return 0
}

template() {
    sed "s|@KIOSK@|$KIOSK|g" "$release_dir/templates/$1"
}

# put_block FILE BLOCK UID:GID: FILE without our old block, then BLOCK between the markers at its end.
put_block() {
    local file="$1" block="$2" ids="$3" updated
    updated="$(mktemp)"
    if [[ -f "$prefix$file" ]]; then
        without_block < "$prefix$file" > "$updated"
    fi
    printf '%s\n%s\n%s\n' "$MARK_BEGIN" "$block" "$MARK_END" >> "$updated"
    put_file "$updated" "$file" 644 "$ids"
    rm -f "$updated"
}

# put_ini_block FILE SECTION BLOCK UID:GID: our block right under [SECTION], which is appended when missing.
put_ini_block() {
    local file="$1" section="$2" block="$3" ids="$4" updated
    updated="$(mktemp)"
    without_block < "$prefix$file" | awk -v header="[$section]" -v block="$MARK_BEGIN"$'\n'"$block"$'\n'"$MARK_END" '
        { print }
        $0 == header && !done { print block; done = 1 }
        END { if (!done) { print ""; print header; print block } }' > "$updated"
    put_file "$updated" "$file" 644 "$ids"
    rm -f "$updated"
}

# strip_block FILE UID:GID: FILE without our block; removed when nothing but blank lines is left (we created it).
strip_block() {
    local file="$1" ids="$2" updated
    updated="$(mktemp)"
    without_block < "$prefix$file" > "$updated"
    if grep -q '[^[:space:]]' "$updated"; then
        put_file "$updated" "$file" 644 "$ids"
    else
        remove_path "$file"
    fi
    rm -f "$updated"
}

without_block() {
    awk -v begin="$MARK_BEGIN" -v end="$MARK_END" '$0 == begin { skip = 1; next } $0 == end { skip = 0; next } !skip'
}
