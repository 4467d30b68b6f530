#!/usr/bin/env bash
# Every test Limber has, as CI runs them (the README's test command runs this):
#   1. build/       the ordinary build, warnings as errors, and every test under ctest;
#      minimal:     build-minimal/, the build with every optional part off (LIMBER_WITH_X11,
#                   _WAYLAND, _DBUS, _PULSE): limberd, limberctl and the tests that need none of
#                   them still build and pass (the seam other platforms build on). It proves
#                   the build's shape, so it compiles unoptimised and without debug information,
#                   and the long runs (torture, flood) are shorter: they are proven in build/;
#   2. build-asan/  everything again with AddressSanitizer and UndefinedBehaviorSanitizer, and
#                   every test under ctest once more. Each report a sanitizer writes, from any
#                   process a test started (a tray killed by its test, a daemon under a script),
#                   fails the stage; leaks inside GTK and GLib are suppressed, and
#                   tray/lsan_suppressions.cpp says which and why (the tray alone);
#   3. limberd's integration tests (every limberd.* test that starts the daemon) once more with
#      limberd under valgrind's memcheck, which must find no memory error and no definite leak;
#   4. the libFuzzer targets, LIMBER_FUZZ_SECONDS each (30 by default; fuzz/run.sh for longer);
#   5. windows: Limber cross-built for Windows with MinGW-w64 (installers/windows/build.sh
#      --tests, which installs the cross compiler and Wine and builds the dependencies once into
#      a cache outside the clone), and its tests run under Wine (tests/windows/run.sh): the
#      core's Catch2 suite, the named-pipe server and client, the Windows sources,
#      limberd.exe with limberctl.exe, limber-tray.exe driven as a user would, and the
#      installer installed and removed;
#   6. debian13: the README's two commands inside a fresh Debian 13 chroot (tests/distro/debian13.sh;
#      needs root, or sudo).
# Every stage's build is a unity build (LIMBER_UNITY_BUILD): each target's files compiled a
# few at a time as one, which about halves the compile time CI spends; the README's build
# command compiles them one by one, and the Debian 13 stage builds both ways.
# ctest runs as many tests at once as the machine has cores (LIMBER_TEST_JOBS to change it):
# every test works in its own directories, on its own private buses and its own Xvfb (a free
# display number from -displayfd), so they never meet; the timed limits in them hold on a busy
# machine. Each stage prints how long it took. LIMBER_STAGES picks stages (default
# "build minimal asan valgrind fuzz windows debian13").
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
test_jobs=${LIMBER_TEST_JOBS:-$jobs}
stages=${LIMBER_STAGES:-build minimal asan valgrind fuzz windows debian13}
failed=()
timer() { date +%s; }
report() { echo "== $1: $2 in $(($(timer) - $3)) s"; }
want() { case " $stages " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

if want build; then
  t=$(timer)
  cmake -S . -B build -DLIMBER_WERROR=ON -DLIMBER_UNITY_BUILD=ON -DLIMBER_BUILD_TESTS=ON
  cmake --build build -j"$jobs"
  if ctest --test-dir build -j"$test_jobs" --output-on-failure; then report build passed "$t"; else report build FAILED "$t"; failed+=(build); fi
fi

if want minimal; then
  t=$(timer)
  cmake -S . -B build-minimal -DCMAKE_BUILD_TYPE=None -DLIMBER_WERROR=ON -DLIMBER_UNITY_BUILD=ON -DLIMBER_BUILD_TESTS=ON -DLIMBER_BUILD_BENCH=OFF \
    -DLIMBER_WITH_X11=OFF -DLIMBER_WITH_WAYLAND=OFF -DLIMBER_WITH_DBUS=OFF -DLIMBER_WITH_PULSE=OFF
  cmake --build build-minimal -j"$jobs"
  if LIMBER_TORTURE_KILLS=50 LIMBER_FLOOD_MB=20 ctest --test-dir build-minimal -j"$test_jobs" --output-on-failure; then
    report "minimal (no X11, Wayland, D-Bus, PulseAudio)" passed "$t"
  else
    report "minimal (no X11, Wayland, D-Bus, PulseAudio)" FAILED "$t"
    failed+=(minimal)
  fi
fi

if want asan; then
  t=$(timer)
  # Line tables only (-g1): enough for the sanitizers' stack traces, and quicker to build.
  flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -O0 -g1"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=None -DLIMBER_WERROR=ON -DLIMBER_UNITY_BUILD=ON -DLIMBER_BUILD_TESTS=ON \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined"
  cmake --build build-asan -j"$jobs"
  # Reports go to files as well as failing their process: a test that kills the tray or reads
  # only a daemon's answers would not see them otherwise.
  reports=$PWD/build-asan/sanitizer-reports
  rm -rf "$reports"
  mkdir -p "$reports"
  chmod 1777 "$reports"  # the unreadable-settings case runs limberd as another user
  # intercept_tls_get_addr=0: GCC 12's sanitizer runtime (and any up to GCC 13 and LLVM 16)
  # takes a dynamic TLS block whose address is 16 past a page boundary for glibc 2.18's layout
  # and reads a bogus range from before it; the leak check at exit then crashes its tracer
  # ("Tracer caught signal 11", "LeakSanitizer has encountered a fatal error") with no leak
  # found. Whether it happens depends on where malloc puts a block, so a run of the tray passes
  # or fails by chance. Off, LeakSanitizer does not scan the dynamic TLS of dlopen()ed modules
  # (GTK's and GIO's), whose leaks are suppressed anyway.
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0:intercept_tls_get_addr=0:log_path=$reports/asan"
  export LSAN_OPTIONS="print_suppressions=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan"
  # Timed checks (status within 1 s under a flood, a command within 4 s on a locked database)
  # are proven in build/; here, several times slower, they get three times as long.
  export LIMBER_TIME_FACTOR=3
  # The long runs are proven in build/; here they look for memory errors, in fewer rounds.
  export LIMBER_TORTURE_KILLS=50 LIMBER_FLOOD_MB=20
  # The package test packs and runs this tree's binaries, and the benchmark's figures mean
  # nothing here, but both run the programs: they are here for what the sanitizers see.
  ok=1
  # One test at a time here: under the sanitizers each is CPU-bound and several times slower,
  # and two at once on two cores would eat the margins of the timed checks.
  ctest --test-dir build-asan --output-on-failure || ok=0
  for f in "$reports"/*; do
    [ -s "$f" ] || continue
    echo "FAIL a sanitizer reported ($f):" >&2
    cat "$f" >&2
    ok=0
  done
  if [ "$ok" = 1 ]; then
    report "sanitizers (ASan+UBSan)" passed "$t"
  else
    report "sanitizers (ASan+UBSan)" FAILED "$t"
    failed+=(asan)
  fi
  unset ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS LIMBER_TIME_FACTOR LIMBER_TORTURE_KILLS LIMBER_FLOOD_MB
fi

if want valgrind; then
  t=$(timer)
  if command -v valgrind >/dev/null; then
    logs=$PWD/build/valgrind
    rm -rf "$logs"
    mkdir -p "$logs"
    chmod 1777 "$logs"  # the unreadable-settings case runs limberd as another user
    wrapper=$logs/limberd
    cat >"$wrapper" <<EOF
#!/bin/sh
exec valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \\
  --error-exitcode=97 --log-file=$logs/limberd.%p.log $PWD/build/bin/limberd "\$@"
EOF
    chmod +x "$wrapper"
    # Every limberd test runs with the wrapper in place of limberd (tests/support/daemon_env.sh
    # and the torture test honour LIMBER_TEST_LIMBERD). Valgrind runs limberd ~30 times slower:
    # it gets a minute to start, timed limits are ten times as long (they are proven in build/),
    # and the long runs are shorter. The two --check-config runs start no daemon.
    ok=1
    if ! LIMBER_TEST_LIMBERD=$wrapper LIMBER_START_SECONDS=60 LIMBER_TIME_FACTOR=10 LIMBER_TORTURE_KILLS=10 \
      LIMBER_FLOOD_MB=20 ctest --test-dir build --output-on-failure -R '^limberd\.' \
      -E '^limberd\.(check_shipped_config|reports_bad_config)$'; then
      ok=0
    fi
    for f in "$logs"/limberd.*.log; do
      [ -s "$f" ] || continue
      echo "FAIL valgrind found errors or definite leaks ($f):" >&2
      cat "$f" >&2
      ok=0
    done
    runs=$(find "$logs" -name 'limberd.*.log' | wc -l)
    if [ "$ok" = 1 ]; then report "valgrind memcheck ($runs limberd runs)" passed "$t"; else report valgrind FAILED "$t"; failed+=(valgrind); fi
  else
    echo "== valgrind: skipped, valgrind is not installed"
  fi
fi

if want fuzz; then
  t=$(timer)
  if fuzz/run.sh "${LIMBER_FUZZ_SECONDS:-30}" build-fuzz; then report fuzz passed "$t"; else report fuzz FAILED "$t"; failed+=(fuzz); fi
fi

if want windows; then
  t=$(timer)
  if installers/windows/build.sh --tests && tests/windows/run.sh; then
    report "windows (MinGW-w64, under Wine)" passed "$t"
  else
    report "windows (MinGW-w64, under Wine)" FAILED "$t"
    failed+=(windows)
  fi
fi

if want debian13; then
  t=$(timer)
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo --preserve-env=CI,LIMBER_CHROOT_CACHE,LIMBER_DEBIAN_MIRROR)
  if "${as_root[@]}" tests/distro/debian13.sh; then report "Debian 13 (chroot)" passed "$t"; else report "Debian 13 (chroot)" FAILED "$t"; failed+=(debian13); fi
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "all passed"
