#!/usr/bin/env bash
# The installer (Limber-<version>-win64.exe, CPack's NSIS) under Wine, in a Wine prefix of its
# own made fresh, as a new Windows user would meet it: a silent install needs no
# administrator and puts the programs in %LOCALAPPDATA%\Programs\Limber, the Start menu
# shortcut, the Run value and the Apps entry where Windows looks for them; limberd starts from
# the installed copy and writes the user's record; a silent uninstall removes the program,
# the shortcut and the registry entries and keeps the record; /PURGE removes the record too.
# Usage: installer_test.sh INSTALLER
set -euo pipefail
installer=$1
[ -f "$installer" ] || { echo "no installer at $installer (cmake --build <build> --target package)" >&2; exit 1; }
failed=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1" >&2; failed=1; }
export WINEPREFIX
WINEPREFIX=$(mktemp -d)
cleanup() {
  wineserver -k 2>/dev/null || true
  rm -rf "$WINEPREFIX"
}
trap cleanup EXIT
wine wineboot -i >/dev/null 2>&1
wineserver -w
# Windows' own words for the user's folders, and where they are here.
win_env() { wine cmd /c echo "%$1%" 2>/dev/null | tr -d '\r'; }
unix_path() { winepath -u "$1" 2>/dev/null | tr -d '\r'; }
local_app_data=$(win_env LOCALAPPDATA)
start_menu="$(win_env APPDATA)\\Microsoft\\Windows\\Start Menu\\Programs"
dir="$local_app_data\\Programs\\Limber"
udir=$(unix_path "$dir")
reg_value() {  # KEY VALUE: the data, or nothing
  wine reg query "$1" /v "$2" 2>/dev/null | tr -d '\r' | awk -v v="$2" '$1 == v { $1 = ""; $2 = ""; sub(/^ +/, ""); print }'
}
run_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Run'
apps_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Limber'

# 1. A silent install, as the user (Wine's user is no administrator to the installer: it
# asks for none).
wine "$installer" /S
wineserver -w
for f in bin/limberd.exe bin/limberctl.exe bin/limber-tray.exe share/limber/exercises.toml share/limber/routines.toml \
  share/limber/limber.toml share/limber/icons/limber.svg Uninstall.exe; do
  [ -f "$udir/$f" ] || fail "not installed: $dir\\$f"
done
[ "$failed" = 0 ] && ok "the programs and their data are in $dir"
ls "$udir"/share/limber/illustrations/*.svg >/dev/null 2>&1 && ok "the illustrations are installed" || fail "no illustrations"
[ -f "$(unix_path "$start_menu\\Limber.lnk")" ] && ok "the Start menu has Limber" || fail "no shortcut in $start_menu"
run=$(reg_value "$run_key" Limber)
[ "$run" = "\"$dir\\bin\\limber-tray.exe\"" ] && ok "Limber starts at login: $run" || fail "the Run value is '$run'"
[ "$(reg_value "$apps_key" DisplayName)" = Limber ] && ok "Settings > Apps lists Limber" || fail "no Apps entry"
[ -n "$(reg_value "$apps_key" DisplayVersion)" ] && ok "its version: $(reg_value "$apps_key" DisplayVersion)" || fail "no DisplayVersion"
[ "$(reg_value "$apps_key" QuietUninstallString)" = "\"$dir\\Uninstall.exe\" /S" ] && ok "it can be removed silently" ||
  fail "QuietUninstallString is '$(reg_value "$apps_key" QuietUninstallString)'"

# 2. limberd from the installed copy: it finds its data beside it and keeps the user's record.
wine "$udir/bin/limberd.exe" --activity-source none --no-notifications >/dev/null 2>&1 &
for _ in $(seq 150); do wine "$udir/bin/limberctl.exe" status >/dev/null 2>&1 && break; sleep 0.2; done
status=$(wine "$udir/bin/limberctl.exe" --json status 2>&1 | tr -d '\r' || true)
grep -q '"phase"' <<<"$status" && ok "the installed limberd answers" || fail "the installed limberd: $status"
wine "$udir/bin/limberctl.exe" --json start 2>/dev/null | tr -d '\r' | grep -q '"quick-daily-reset"' &&
  ok "a routine of the installed catalog starts" || fail "no routine started from the installed catalog"
wine "$udir/bin/limberctl.exe" stop >/dev/null 2>&1 || fail "limberctl stop failed"
record=$(unix_path "$local_app_data\\Limber\\limber.db")
[ -s "$record" ] && ok "the record is in $local_app_data\\Limber" || fail "no record at $record"

# 3. A silent uninstall (the installer stops Limber first): the program goes, the record stays.
wine "$udir/Uninstall.exe" /S
wineserver -w
[ ! -e "$udir/bin" ] && [ ! -e "$udir/share" ] && ok "the program is removed" || fail "left behind: $(ls "$udir" 2>&1)"
[ ! -e "$(unix_path "$start_menu\\Limber.lnk")" ] && ok "the shortcut is removed" || fail "the shortcut is still there"
[ -z "$(reg_value "$run_key" Limber)" ] && ok "the Run value is removed" || fail "the Run value is still there"
[ -z "$(reg_value "$apps_key" DisplayName)" ] && ok "the Apps entry is removed" || fail "the Apps entry is still there"
[ -s "$record" ] && ok "the user's record is kept" || fail "the uninstaller removed the record"

# 4. Installed again and removed with /PURGE: the record goes too.
wine "$installer" /S
wineserver -w
wine "$udir/Uninstall.exe" /S /PURGE
wineserver -w
[ ! -e "$record" ] && ok "/PURGE removes the record" || fail "/PURGE kept $record"
exit "$failed"
