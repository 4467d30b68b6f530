#!/usr/bin/env bash
# The do_not_disturb source on a private session bus: a notification server with KDE's `Inhibited`
# property (dbusmock's notification_daemon template, the property added and changed the way
# Plasma announces it), and GNOME's show-banners set by the real gsettings through the real
# dconf service into a private dconf database. Checks: no session bus; Inhibited turning on
# and off; inhibited before the source starts; the server going away; show-banners false and
# true; false before the source starts.
# Usage: smart_pause_do_not_disturb_test.sh PROBE. Exits 77 (skipped) without dbus-daemon, gdbus or dbusmock;
# the GNOME part is skipped (with a note) without gsettings, the schema or dconf's service.
set -euo pipefail
probe=$1
here=$(cd "$(dirname "$0")" && pwd)
LIMBERD=unused LIMBERCTL=unused
. "$here/support/daemon_env.sh"
. "$here/support/wait_lines.sh"
. "$here/support/hold_probe.sh"
out=$LIMBER_TEST_DIR probe_source=do_not_disturb

notifications() {  # notifications METHOD ARGS...: a call on the notification server's object
  gdbus call --session -d org.freedesktop.Notifications -o /org/freedesktop/Notifications -m "$@" >/dev/null
}
inhibited() { notifications org.freedesktop.DBus.Mock.UpdateProperties org.freedesktop.Notifications "{'Inhibited': <$1>}"; }
unmock() { kill "$1"; wait "$1" 2>/dev/null || true; }

# 1. No session bus: off, and said once.
unset DBUS_SESSION_BUS_ADDRESS
probe_run nobus --timeout 1s
probe_done nobus "off"
said=$(grep -c 'do_not_disturb: no session bus' "$out/nobus.err" || true)
[ "$said" = 1 ] || { echo "expected the no-bus warning once, got $said:" >&2; cat "$out/nobus.err" >&2; exit 1; }
echo "ok   no bus: warned once"

# dconf's service (part 4) is the one service of the machine's this bus may start.
dconf_service=/usr/share/dbus-1/services/ca.desrt.dconf.service
if [ -e "$dconf_service" ]; then bus_service ca.desrt.dconf; fi
start_bus session

# 2. A notification server appears after the source; its Inhibited goes on and off.
probe_run server --count 3 --timeout 30s
wait_lines "$out/server.out" 1
start_notify_mock
notifications org.freedesktop.DBus.Mock.AddProperty org.freedesktop.Notifications Inhibited '<false>'
inhibited true
wait_lines "$out/server.out" 2
inhibited false
probe_done server "off
on do_not_disturb
off"

# 3. Inhibited before the source starts: on at once (Get). Then the server goes away: off.
inhibited true
probe_run early --count 3 --timeout 30s
wait_lines "$out/early.out" 2
unmock "$notify_mock_pid"
wait_lines "$out/early.out" 3
probe_done early "off
on do_not_disturb
off"

# 4. GNOME: show-banners, written by gsettings through dconf's service on this bus.
if ! command -v gsettings >/dev/null || ! [ -x /usr/libexec/dconf-service ] || ! [ -e "$dconf_service" ] ||
  ! gsettings list-keys org.gnome.desktop.notifications >/dev/null 2>&1; then
  echo "note: no gsettings, dconf-service or GNOME's notification schema; GNOME's do-not-disturb is not tested"
  exit 0
fi
export GSETTINGS_BACKEND=dconf
banners() { gsettings set org.gnome.desktop.notifications show-banners "$1"; }
probe_run gnome --count 3 --timeout 30s
wait_lines "$out/gnome.out" 1
probe_maps gnome libdconf.so no  # no database yet: every key its default, nothing loaded
banners false
wait_lines "$out/gnome.out" 2
probe_maps gnome libdconf.so yes
banners true
probe_done gnome "off
on do_not_disturb
off"
[ "$(gsettings get org.gnome.desktop.notifications show-banners)" = true ] || { echo "gsettings did not write" >&2; exit 1; }

# Already false when the source starts; then reset to the default (true).
banners false
probe_run gnome_early --count 3 --timeout 30s
wait_lines "$out/gnome_early.out" 2
gsettings reset org.gnome.desktop.notifications show-banners
probe_done gnome_early "off
on do_not_disturb
off"
