#!/usr/bin/env bash
# The README's two commands, as written, on a fresh Debian 13 "trixie" (a debootstrap chroot):
#   1. the build-and-run command: installs the runtime packages alone, builds, and starts
#      limberd, which must answer `limberctl status`, and limber-tray, which must show its
#      first-run welcome on an Xvfb display of the host's (then both are stopped);
#   2. the test command, its ordinary build stage (LIMBER_STAGES=build): the test packages,
#      the build with warnings as errors, every ctest test.
# The unpacked chroot, as debootstrap made it, is cached outside the clone (LIMBER_CHROOT_CACHE,
# /var/cache/limber-ci by default), one per month, so a machine debootstraps once a month. Each
# run works in an overlay on top of it, thrown away at the next run: every run starts from a
# fresh Debian 13, so the first command proves the runtime packages alone. The packages apt
# downloads are kept in the cache, so a warm run downloads nothing.
# Everything runs in its own mount and PID namespaces: the mounts into the chroot and every
# process started there end with this script, however it ends.
# Needs root (debootstrap, chroot, mounts). Usage: tests/distro/debian13.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD

if [ "$(id -u)" -ne 0 ]; then
  echo "debian13: needs root (debootstrap, chroot and mounts); run it as root" >&2
  exit 1
fi

suite=trixie
mirror=${LIMBER_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${LIMBER_CHROOT_CACHE:-/var/cache/limber-ci}
base=$cache/$suite-base-$(date +%Y-%m)
run_dir=$cache/$suite-run
root=$run_dir/root
timer() { date +%s; }

if [ -z "${LIMBER_IN_NAMESPACE:-}" ]; then
  # Re-run in new mount and PID namespaces: when this script's process (PID 1 there) ends, the
  # kernel kills whatever the tests left running and drops every mount made below. /proc is
  # the namespace's own, so pkill below sees only what this script started.
  exec unshare --mount --pid --fork --mount-proc --propagation private env LIMBER_IN_NAMESPACE=1 "$0" "$@"
fi

# This script is PID 1 of its namespace, which the kernel shields from every signal it has no
# handler for: without these, Ctrl+C or CI's SIGTERM would not stop it. Leaving ends the
# namespace, and with it every process started below. Long commands run in the background
# and are waited for, so a signal is handled at once rather than when they finish.
trap 'echo "debian13: stopped by a signal" >&2; exit 143' TERM INT HUP
run() {
  "$@" &
  wait $!
}

mkdir -p "$cache"
if [ ! -e "$base/.limber-ready" ]; then
  t=$(timer)
  command -v debootstrap >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  }
  # Older months' chroots go: the cache keeps one.
  find "$cache" -maxdepth 1 -name "$suite-base-*" ! -path "$base" -exec rm -rf {} +
  rm -rf "$base"
  echo "debian13: debootstrap $suite into $base"
  run debootstrap --variant=minbase "$suite" "$base" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
    tail -n 30 "$cache/debootstrap.log" >&2
    echo "debian13: debootstrap failed; the whole log is $cache/debootstrap.log" >&2
    exit 1
  }
  cat >"$base/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian}/debian-security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  rm -f "$base/etc/apt/sources.list"
  touch "$base/.limber-ready"
  echo "== debian13: chroot made in $(($(timer) - t)) s"
fi

# This run's Debian 13: the cached one under an overlay of its own, and apt's downloads kept.
rm -rf "$run_dir"
mkdir -p "$run_dir/upper" "$run_dir/work" "$root" "$cache/apt-archives/partial"
mount -t overlay overlay -o "lowerdir=$base,upperdir=$run_dir/upper,workdir=$run_dir/work" "$root"
mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
mount -t tmpfs -o mode=755 tmpfs "$root/run"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"

# A fresh copy of the sources: what git tracks and any new file it does not ignore, or, outside
# a git checkout, the tree without its build directories.
rm -rf "$root/root/limber"
mkdir -p "$root/root/limber"
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
  git -C "$src" ls-files -z --cached --others --exclude-standard |
    (cd "$src" && xargs -0 tar -cf - --no-recursion --ignore-failed-read) | tar -xf - -C "$root/root/limber"
else
  tar -C "$src" --exclude='./build*' --exclude=./Testing -cf - . | tar -xf - -C "$root/root/limber"
fi

in_chroot() {
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 CI="${CI:-}" TERM=dumb "$@"
}
# A fresh user: no settings, no record, the welcome not yet read.
rm -rf "$root/root/.config/limber" "$root/root/.local/share/limber" "$root/root/.local/state/limber"

# A display for the tray: an Xvfb of the host's, its socket shown inside the chroot. Without
# Xvfb on the host (the test packages not installed) limberd alone is checked.
display=""
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  mkdir -p "$root/tmp/.X11-unix"
  Xvfb -displayfd 3 -noreset -nolisten tcp -ac -screen 0 1024x768x24 3>"$root/tmp/display" 2>/dev/null &
  for _ in $(seq 100); do [ -s "$root/tmp/display" ] && break; sleep 0.1; done
  [ -s "$root/tmp/display" ] || { echo "debian13: Xvfb did not start" >&2; exit 1; }
  display=":$(head -n1 "$root/tmp/display")"
  mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
fi

# 1. Build and run, as the README says, with the runtime packages alone: limberd must answer
# and, on the display, limber-tray must show its first-run welcome.
t=$(timer)
readme_run=$(sed -n '/^## Set up/,/^## /p' README.md | grep -m1 '^installers/install-deps.sh && ')
[ -n "$readme_run" ] || { echo "debian13: no build-and-run command in the README" >&2; exit 1; }
echo "debian13: $readme_run"
in_chroot DISPLAY="$display" bash -c "cd /root/limber && $readme_run" >"$cache/run-command.log" 2>&1 &
run=$!
up=0 tray=0
for _ in $(seq 2400); do
  kill -0 "$run" 2>/dev/null || break
  if [ "$up" = 0 ] && [ -x "$root/root/limber/build/bin/limberctl" ] &&
    in_chroot /root/limber/build/bin/limberctl status >/dev/null 2>&1; then
    up=1
  fi
  if [ "$up" = 1 ] && { [ -z "$display" ] || DISPLAY=$display xdotool search --name '^Welcome to Limber$' >/dev/null 2>&1; }; then
    tray=1
    break
  fi
  sleep 1
done
status_line=$(in_chroot /root/limber/build/bin/limberctl status 2>&1 || true)
if [ -n "$display" ] && [ "$tray" = 1 ] && command -v import >/dev/null; then
  DISPLAY=$display import -window root "$cache/run-command.png" 2>/dev/null || true
fi
kill "$run" 2>/dev/null || true
pkill -TERM -f /root/limber/build/bin/limber-tray 2>/dev/null || true
pkill -TERM -f /root/limber/build/bin/limberd 2>/dev/null || true
wait "$run" 2>/dev/null || true
if [ "$up" != 1 ] || [ "$tray" != 1 ]; then
  tail -n 40 "$cache/run-command.log" >&2
  what="limberd did not answer"
  [ "$up" = 1 ] && what="limber-tray showed no welcome window on $display"
  echo "debian13: FAILED: the build-and-run command: $what (log: $cache/run-command.log)" >&2
  exit 1
fi
echo "debian13: limberd answers ($status_line)${display:+, limber-tray shows its welcome}"
echo "== debian13: build and run passed in $(($(timer) - t)) s"

# 2. The test command, its ordinary build stage.
t=$(timer)
readme_test=$(sed -n '/^## Set up/,/^## /p' README.md | grep -m1 '^installers/install-deps.sh --tests && tests/run-all.sh')
[ -n "$readme_test" ] || { echo "debian13: no test command in the README" >&2; exit 1; }
echo "debian13: LIMBER_STAGES=build $readme_test"
if run in_chroot bash -c "cd /root/limber && export LIMBER_STAGES=build && $readme_test"; then
  echo "== debian13: tests passed in $(($(timer) - t)) s"
else
  echo "== debian13: tests FAILED in $(($(timer) - t)) s" >&2
  exit 1
fi
