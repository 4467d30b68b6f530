#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, ASan and UBSan in BUILD (default build-fuzz), and
# fuzzes each for SECONDS (default 60), starting from the seed corpus in fuzz/corpus/.
# New inputs go to BUILD/fuzz-corpus/, crashes to BUILD/fuzz-crashes/; a crash fails the run
# and its input should be copied to fuzz/regressions/<target>/ with the fix, where ctest
# replays it in every build. A long run: fuzz/run.sh 3600
# Usage: fuzz/run.sh [SECONDS] [BUILD]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=${2:-build-fuzz}
command -v clang++ >/dev/null || { echo "fuzz/run.sh: clang++ is needed (installers/install-deps.sh --tests)" >&2; exit 1; }
flags="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
mkdir -p "$build"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" -DLIMBER_FUZZ=ON -DLIMBER_BUILD_TRAY=OFF -DLIMBER_BUILD_TESTS=OFF \
  >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 1; }
nice -n 10 cmake --build "$build" -j"$(nproc)" --target protocol_fuzzer config_fuzzer >/dev/null
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for target in protocol config; do
  corpus=$build/fuzz-corpus/$target
  crashes=$build/fuzz-crashes/$target/
  mkdir -p "$corpus" "$crashes"
  echo "fuzz: $target for $seconds s"
  if "$build/bin/${target}_fuzzer" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes" -print_final_stats=1 "$corpus" "fuzz/corpus/$target" fuzz/regressions/$target \
    >"$build/fuzz-$target.log" 2>&1; then
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$build/fuzz-$target.log" | tr '\n' ' '
    echo
  else
    status=1
    echo "FAIL fuzz: $target crashed; input in $crashes" >&2
    grep -A30 -E "ERROR: (AddressSanitizer|libFuzzer)|runtime error" "$build/fuzz-$target.log" | head -50 >&2
  fi
done
exit "$status"
