#!/usr/bin/env bash
# Builds the .deb from the build tree, unpacks it into a private root (nothing is installed on
# this system) and checks what it holds: the files and their places, Depends from shlibdeps,
# programs that find their data from /usr/bin, and that the desktop entries, AppStream entry,
# user unit, manual pages and bash completion pass their own tools' checks.
# Usage: packaging_test.sh BUILD_DIR SOURCE_DIR WITH_TRAY(0|1)
set -uo pipefail
build=$1
src=$2
with_tray=$3

tmp=$(mktemp -d)
daemon=""
cleanup()
{
    if [ -n "$daemon" ]; then kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# 1. The package
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log"
    echo "FAIL: cpack -G DEB"
    exit 1
fi
deb=$(find "$tmp/pkg" -maxdepth 1 -name 'limber_*.deb' | head -n1)
[ -n "$deb" ] || { cat "$tmp/cpack.log"; echo "FAIL: no limber_*.deb in $tmp/pkg"; exit 1; }
ok "built $(basename "$deb")"

# 2. What it holds, and where
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$tmp/contents"
expect=(
    /usr/bin/limberd /usr/bin/limberctl
    /usr/share/limber/exercises.toml /usr/share/limber/routines.toml /usr/share/limber/limber.toml
    /usr/share/applications/io.github.limber.Limber.desktop
    /usr/share/metainfo/io.github.limber.Limber.metainfo.xml
    /etc/xdg/autostart/limber-tray.desktop
    /usr/lib/systemd/user/limberd.service
    /usr/share/man/man1/limberd.1.gz /usr/share/man/man1/limberctl.1.gz /usr/share/doc/limber/changelog.Debian.gz
    /usr/share/bash-completion/completions/limberctl
    /usr/share/doc/limber/README.md /usr/share/doc/limber/LICENSE /usr/share/doc/limber/copyright
    /usr/share/doc/limber/docs/ARCHITECTURE.md
)
[ "$with_tray" = 1 ] && expect+=(/usr/bin/limber-tray /usr/share/man/man1/limber-tray.1.gz)
for f in "$src"/config/illustrations/*.svg; do
    [ -e "$f" ] && expect+=("/usr/share/limber/illustrations/$(basename "$f")")
done
if [ -e "$src/config/icons/limber.svg" ]; then
    expect+=(/usr/share/icons/hicolor/scalable/apps/limber.svg)
    command -v rsvg-convert >/dev/null && expect+=(/usr/share/icons/hicolor/48x48/apps/limber.png)
fi
for p in "${expect[@]}"; do
    grep -qxF "$p" "$tmp/contents" || fail "the package lacks $p"
done
grep -E '^/usr/local/|^/home/|^/work/|^/tmp/' "$tmp/contents" && fail "the package holds paths outside /usr and /etc"
ok "dpkg-deb -c lists ${#expect[@]} expected paths"

dpkg-deb -I "$deb" >"$tmp/info"
depends=$(sed -n 's/^ Depends: //p' "$tmp/info")
case "$depends" in
    *libc6*libstdc++6* | *libstdc++6*libc6*) ok "Depends: $depends" ;;
    *) fail "Depends is not from shlibdeps: '$depends'" ;;
esac
[ "$with_tray" = 1 ] && { [[ $depends == *libwx* ]] || fail "Depends lacks wxWidgets for limber-tray"; }
recommends=$(sed -n 's/^ Recommends: //p' "$tmp/info")
for lib in libpulse0 libdconf1; do  # loaded at run time: shlibdeps cannot see them
    [[ $recommends == *"$lib"* ]] || fail "Recommends lacks $lib: '$recommends'"
done
ok "Recommends: $recommends"
for field in "Maintainer: Limber developers <limber@example.org>" "Section: utils" \
             "Homepage: https://github.com/limber-app/limber" "Package: limber"; do
    grep -qF " $field" "$tmp/info" || fail "dpkg-deb -I lacks '$field'"
done
dpkg-deb -e "$deb" "$tmp/control"
grep -qxF /etc/xdg/autostart/limber-tray.desktop "$tmp/control/conffiles" ||
    fail "the autostart entry is not a conffile"

# A plain install under another prefix stays under it, /etc included.
if cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1; then
    outside=$(sed -n 's/^-- \(Installing\|Up-to-date\): //p' "$tmp/install.log" | grep -v "^$tmp/prefix/")
    [ -z "$outside" ] || fail "cmake --install --prefix wrote outside the prefix: $outside"
    [ -f "$tmp/prefix/etc/xdg/autostart/limber-tray.desktop" ] || fail "no autostart entry under the prefix"
    grep -qx "ExecStart=$tmp/prefix/bin/limberd" "$tmp/prefix/lib/systemd/user/limberd.service" ||
        fail "the unit installed under $tmp/prefix does not start $tmp/prefix/bin/limberd"
else
    cat "$tmp/install.log"
    fail "cmake --install --prefix"
fi

# 3. The unpacked programs find their data at /usr/bin/../share/limber
root=$tmp/root
dpkg-deb -x "$deb" "$root"
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share \
    XDG_STATE_HOME=$tmp/home/.local/state XDG_RUNTIME_DIR=$tmp/run
unset LIMBER_DATA_DIR NOTIFY_SOCKET
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
out=$("$root/usr/bin/limberd" --check-config 2>&1)
if [[ $out == *"settings: $root/usr/share/limber/limber.toml"* && $out == *"quick-daily-reset: Quick Daily Reset"* ]]; then
    ok "limberd --check-config reads $root/usr/share/limber"
else
    fail "limberd --check-config from the package: $out"
fi
[ "$("$root/usr/bin/limberctl" --version)" = "limberctl $(sed -n 's/^ Version: //p' "$tmp/info" | cut -d- -f1)" ] ||
    fail "limberctl --version does not match the package version"
for p in "$root"/usr/bin/*; do
    ldd "$p" | grep "not found" >/dev/null && fail "$(basename "$p") has unresolved libraries: $(ldd "$p" | grep 'not found')"
done

# The packaged (stripped) daemon runs and answers the packaged client.
TZ=UTC "$root/usr/bin/limberd" --activity-source none --no-notifications --clock-start 2026-03-23T10:00:00Z >"$tmp/limberd.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do
    [ -S "$XDG_RUNTIME_DIR/limber/limberd.sock" ] && break
    sleep 0.1
done
status=$("$root/usr/bin/limberctl" status 2>&1)
case "$status" in
    "Next break in"* | "Outside working hours"*) ok "limberctl status: $status" ;;
    *) fail "limberctl status from the package: $status"; cat "$tmp/limberd.log" ;;
esac
kill -TERM "$daemon"
wait "$daemon"
rc=$?
daemon=""
[ "$rc" = 0 ] || { fail "limberd exited $rc on SIGTERM"; cat "$tmp/limberd.log"; }
"$root/usr/bin/limberctl" status >/dev/null 2>&1
rc=$?
[ "$rc" = 5 ] || fail "limberctl status with no daemon exited $rc, not 5"

# 4. Desktop entries: any remark (error, warning or hint) fails.
for d in "$root"/usr/share/applications/*.desktop "$root"/etc/xdg/autostart/*.desktop; do
    out=$(desktop-file-validate "$d" 2>&1)
    rc=$?
    [ "$rc" = 0 ] && [ -z "$out" ] && ok "desktop-file-validate $(basename "$d")" || fail "desktop-file-validate $d: $out"
done
grep -qx 'X-GNOME-Autostart-Delay=[0-9]*' "$root/etc/xdg/autostart/limber-tray.desktop" || fail "no X-GNOME-Autostart-Delay"
grep -qx 'X-KDE-autostart-after=panel' "$root/etc/xdg/autostart/limber-tray.desktop" || fail "no X-KDE-autostart-after"
grep -qx 'X-LXQt-Need-Tray=true' "$root/etc/xdg/autostart/limber-tray.desktop" || fail "no X-LXQt-Need-Tray"

# 5. AppStream: errors and warnings fail.
meta=$root/usr/share/metainfo/io.github.limber.Limber.metainfo.xml
out=$(appstreamcli validate --no-net "$meta" 2>&1)
rc=$?
if [ "$rc" = 0 ] && ! grep -qE '^[EW]:' <<<"$out"; then ok "appstreamcli validate"; else fail "appstreamcli validate: $out"; fi

# 6. The user unit names the packaged limberd; systemd-analyze only warns about some mistakes
# (exit 0), so anything on stderr fails. It needs an ExecStart that exists, so the copy it
# checks points into the unpacked root, and its Documentation= pages are looked up there.
unit=$root/usr/lib/systemd/user/limberd.service
grep -qx 'ExecStart=/usr/bin/limberd' "$unit" || fail "the unit's ExecStart is not /usr/bin/limberd: $(grep ExecStart "$unit")"
mkdir -p "$tmp/units"
sed "s|^ExecStart=/usr/bin/limberd|ExecStart=$root/usr/bin/limberd|" "$unit" >"$tmp/units/limberd.service"
out=$(MANPATH="$root/usr/share/man" systemd-analyze --user verify "$tmp/units/limberd.service" 2>&1 >/dev/null)
rc=$?
[ "$rc" = 0 ] && [ -z "$out" ] && ok "systemd-analyze --user verify" || fail "systemd-analyze --user verify (rc $rc): $out"

# 7. Manual pages: one per program, and no warnings from groff or man.
for p in "$root"/usr/bin/*; do
    page=$root/usr/share/man/man1/$(basename "$p").1.gz
    [ -f "$page" ] || { fail "no manual page for $(basename "$p")"; continue; }
    out=$(zcat "$page" | groff -man -ww -z 2>&1; LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
    [ -z "$out" ] && ok "man page $(basename "$page")" || fail "$(basename "$page"): $out"
done

# 8. Bash completion, loaded as bash-completion would, with the packaged limberctl on PATH so
# it reads the packaged catalog.
comp=$root/usr/share/bash-completion/completions/limberctl
out=$(PATH="$root/usr/bin:$PATH" bash --norc --noprofile -c '
    source /usr/share/bash-completion/bash_completion 2>/dev/null
    source "$1" || exit 1
    complete -p limberctl || exit 1
    try() {
        COMP_LINE=$1
        read -ra COMP_WORDS <<<"$1"
        [[ $1 == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_POINT=${#COMP_LINE}
        COMPREPLY=()
        _limberctl limberctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        echo "$1=> ${COMPREPLY[*]}"
    }
    try "limberctl st"
    try "limberctl start "
    try "limberctl status --format "
' bash "$comp" 2>&1)
grep -qx 'complete -F _limberctl limberctl' <<<"$out" || fail "complete -p limberctl: $out"
st=$(sed -n 's/^limberctl st=> //p' <<<"$out")
for w in start status stop; do [[ " $st " == *" $w "* ]] || fail "'limberctl st' does not complete to $w: $st"; done
routines=$(sed -n 's/^limberctl start => //p' <<<"$out")
for w in quick-daily-reset end-of-day-relief posture-support single:chin-tucks single:thread-the-needle; do
    [[ " $routines " == *" $w "* ]] || fail "'limberctl start' does not offer $w: $routines"
done
[[ $(sed -n 's/^limberctl status --format => //p' <<<"$out") == "text json waybar" ]] || fail "--format values: $out"
[ "$failures" = 0 ] && ok "bash completion: $st / $routines"

# 9. lintian: errors fail; warnings are listed for the reader.
if command -v lintian >/dev/null; then
    out=$(lintian --tag-display-limit 0 "$deb" 2>/dev/null || true)
    grep '^W:' <<<"$out" | sed 's/^/  lintian /' || true
    if grep -q '^E:' <<<"$out"; then fail "lintian errors: $(grep '^E:' <<<"$out")"; else ok "lintian: no errors"; fi
else
    fail "lintian is not installed (installers/install-deps.sh --tests installs it)"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all packaging checks passed"
