#!/usr/bin/env bash
# Installs the Debian packages Limber needs, on Debian 12 or 13 (or Ubuntu 24.04):
#   installers/install-deps.sh           to build and run it;
#   installers/install-deps.sh --tests   that, and everything the tests use.
# Idempotent: installs only what is missing, and says nothing when all is there.
set -euo pipefail

# What building and running Limber needs: the compiler, the libraries, and what the programs
# use at run time (the sound theme, gettext's catalogs).
runtime=(
  # build
  build-essential cmake pkg-config
  # core
  libspdlog-dev libfmt-dev libsqlitecpp-dev libsqlite3-dev libtomlplusplus-dev nlohmann-json3-dev
  # daemon and CLI
  libboost-dev libcli11-dev libx11-dev libxss-dev libxext-dev libsdbus-c++-dev libsystemd-dev
  libwayland-dev libwayland-bin wayland-protocols plasma-wayland-protocols
  # smart pause: capture streams in PulseAudio or pipewire-pulse; GNOME's do-not-disturb in dconf
  libpulse-dev libdconf-dev
  # tray
  libwxgtk3.2-dev libgtk-3-dev libdbusmenu-glib-dev libdbusmenu-gtk3-dev libcanberra-dev sound-theme-freedesktop libspeechd-dev
  # GTK's theme draws its check boxes and arrows from SVG: the loader, which GTK only recommends
  librsvg2-common
  # translations: the .pot extraction and the compiled catalogs
  gettext
)

# What the tests add (--tests): the test frameworks, private displays, buses and sound servers,
# the sanitizers, fuzzers and valgrind, the package checks.
tests=(
  # unit tests, displays, buses and mocks (dconf-service, dconf-gsettings-backend and the
  # schemas: GNOME's do-not-disturb set by gsettings)
  catch2 xvfb xauth xdotool dbus dbus-x11 python3-dbusmock sqlite3 imagemagick trayer x11-xserver-utils x11-utils x11-apps openbox wmctrl sway wtype
  dconf-service dconf-gsettings-backend gsettings-desktop-schemas libglib2.0-bin
  # the fuzzers (clang's libFuzzer, ASan, UBSan) and the memory checks under valgrind
  clang libclang-rt-dev valgrind
  # sounds reaching a private PulseAudio's null sink
  pulseaudio pulseaudio-utils sox
  # spoken guidance reaching a private speech-dispatcher
  speech-dispatcher speech-dispatcher-espeak-ng
  # what a screen reader sees, over AT-SPI
  at-spi2-core python3-pyatspi
  # packages: cpack's DEB generator (dpkg-shlibdeps, file), PNG icons from the SVG, and the
  # checks on what the package installs (desktop entries, AppStream, the user unit, man pages,
  # completion)
  dpkg-dev file librsvg2-bin desktop-file-utils appstream systemd groff-base man-db bash-completion lintian
  # a desk machine's own services, there to prove no test reaches them: two notification
  # daemons that D-Bus would start on demand, and a panel that hosts tray icons
  xfce4-notifyd dunst xfce4-panel
)

case "${1:-}" in
  "") packages=("${runtime[@]}") ;;
  --tests) packages=("${runtime[@]}" "${tests[@]}") ;;
  *)
    echo "usage: installers/install-deps.sh [--tests]" >&2
    exit 2
    ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
