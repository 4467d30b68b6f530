#!/usr/bin/env bash
# limberd on a damaged or unusable database: full of garbage, truncated, locked by another
# process for 10 s, in a read-only directory, on a full disk. In every case limberd keeps
# running and answering, keeps what it could not write in memory (unsaved_records), says why
# (log, status store_error, store_error event), and writes it all, in order, once it can.
# The read-only directory and the full disk need mounts, so they run as root only (a bind
# mount made read-only, a 512 KiB tmpfs); otherwise they are skipped, saying so.
# Usage: limberd_bad_database_test.sh LIMBERD LIMBERCTL
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2
. "$(dirname "$0")/support/daemon_env.sh"
LIMBER_FAILED=0
data=$XDG_DATA_HOME/limber
db=$data/limber.db
mounts=()
cleanup_mounts() {
  local m
  for m in "${mounts[@]}"; do umount -l "$m" 2>/dev/null || true; done
  limber_cleanup
}
trap cleanup_mounts EXIT
settings '[working_hours]
enabled = false
[daily_routine]
enabled = false'

# kinds: the kinds of event in the database, in order, on one line.
kinds() { sqlite3 "$db" "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM events ORDER BY id)"; }
# timed LABEL LIMIT_MS COMMAND...: COMMAND must succeed within LIMIT_MS.
# LIMBER_TIME_FACTOR multiplies the limits in sanitizer builds, which run several times slower.
timed() {
  local label=$1 limit=$(($2 * ${LIMBER_TIME_FACTOR:-1})) t0 t1 rc=0
  shift 2
  t0=$(date +%s%N)
  "$@" >"$LIMBER_TEST_DIR/out" 2>&1 || rc=$?
  t1=$(date +%s%N)
  local ms=$(((t1 - t0) / 1000000))
  if [ "$rc" -ne 0 ] || [ "$ms" -gt "$limit" ]; then
    echo "FAIL $label: exit $rc after $ms ms (limit $limit ms): $(cat "$LIMBER_TEST_DIR/out")" >&2
    LIMBER_FAILED=1
  else
    echo "ok   $label: answered in $ms ms"
  fi
}

# 1. Garbage where the database should be: moved aside, a new one started, and it records.
mkdir -p "$data"
head -c 65536 /dev/urandom >"$db"
start_limberd --activity-source none
"$LIMBERCTL" pause 5m >/dev/null && "$LIMBERCTL" resume >/dev/null
check "garbage: moved aside" "$(find "$data" -name 'limber.db.corrupt-*' ! -name '*-wal' ! -name '*-shm' | wc -l)" 1
grep -q "the database was damaged; it was moved to" "$LIMBER_TEST_DIR/limberd.log" && echo "ok   garbage: the log says so" ||
  { echo "FAIL garbage: not in the log" >&2; LIMBER_FAILED=1; }
stop_limberd
check "garbage: the new database records" "$(kinds)" "paused resumed"
check "garbage: integrity" "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok

# 2. Truncated to three pages: moved aside too, and limberd runs on.
rm -f "$data"/limber.db.corrupt-*
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
  INSERT INTO events(at_ms, utc_offset_min, local_day, kind, detail) SELECT i, 0, 0, 'skipped', hex(randomblob(100)) FROM n"
truncate -s 12288 "$db"
start_limberd --activity-source none
"$LIMBERCTL" skip >/dev/null
check "truncated: moved aside" "$(find "$data" -name 'limber.db.corrupt-*' ! -name '*-wal' ! -name '*-shm' | wc -l)" 1
check "truncated: the new database records" "$(kinds)" "skipped"

# 3. Locked by another process for 10 s: limberd answers all along, keeps the records, and
# writes them in order once the lock is gone.
watch_events
python3 - "$db" >"$LIMBER_TEST_DIR/locker" 2>&1 </dev/null <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(10)
db.execute("COMMIT")
print("released", flush=True)
PY
locker=$!
LIMBER_TEST_PIDS+=("$locker")
for _ in $(seq 100); do grep -q locked "$LIMBER_TEST_DIR/locker" && break; sleep 0.05; done
timed "locked: pause" 4000 "$LIMBERCTL" pause 5m
timed "locked: status" 1000 "$LIMBERCTL" status
timed "locked: resume" 4000 "$LIMBERCTL" resume
unsaved=$(status_get "['unsaved_records']")
[ "$unsaved" -ge 2 ] && echo "ok   locked: $unsaved records kept in memory" ||
  { echo "FAIL locked: unsaved_records $unsaved" >&2; LIMBER_FAILED=1; }
case $(status_get "['store_error']") in
  *"$db"*locked*) echo "ok   locked: status says why: $(status_get "['store_error']")" ;;
  *) echo "FAIL locked: store_error is '$(status_get "['store_error']")'" >&2; LIMBER_FAILED=1 ;;
esac
wait_for '"event":"store_error"' 5
grep -q "kept in memory and retried" "$LIMBER_TEST_DIR/limberd.log" && echo "ok   locked: the log says so" ||
  { echo "FAIL locked: not in the log" >&2; LIMBER_FAILED=1; }
wait "$locker"
"$LIMBERCTL" skip >/dev/null
wait_status "['unsaved_records']" 0 5
wait_status "['store_error']" None 5
check "locked: everything written, in order" "$(kinds)" "skipped paused resumed skipped"
stop_limberd

if [ "$(id -u)" -ne 0 ]; then
  echo "skip read-only directory and full disk: they need mount (root)"
  exit "$LIMBER_FAILED"
fi
if ! mount --bind "$data" "$data" 2>"$LIMBER_TEST_DIR/mount.err"; then
  echo "skip read-only directory and full disk: mount is not allowed here ($(cat "$LIMBER_TEST_DIR/mount.err"))"
  exit "$LIMBER_FAILED"
fi
mounts+=("$data")

# 4. A read-only directory: limberd starts all the same, keeps what it cannot write, and writes
# it once the directory can be written again.
mount -o remount,bind,ro "$data"
start_limberd --activity-source none
timed "read-only: status" 1000 "$LIMBERCTL" status
timed "read-only: pause" 2000 "$LIMBERCTL" pause 5m
case $(status_get "['store_error']") in
  *"$db"*) echo "ok   read-only: status says why: $(status_get "['store_error']")" ;;
  *) echo "FAIL read-only: store_error is '$(status_get "['store_error']")'" >&2; LIMBER_FAILED=1 ;;
esac
unsaved=$(status_get "['unsaved_records']")
[ "$unsaved" -ge 1 ] && echo "ok   read-only: $unsaved records kept in memory" ||
  { echo "FAIL read-only: unsaved_records $unsaved" >&2; LIMBER_FAILED=1; }
expect_exit "read-only: summary says the database is unavailable" 1 "limber.db" "$LIMBERCTL" summary
grep -q "records are kept in memory and written when it does" "$LIMBER_TEST_DIR/limberd.log" &&
  echo "ok   read-only: the log says so" || { echo "FAIL read-only: not in the log" >&2; LIMBER_FAILED=1; }
umount "$data"
mounts=()
"$LIMBERCTL" resume >/dev/null
wait_status "['unsaved_records']" 0 5
wait_status "['store_error']" None 5
check "read-only: everything written, in order" "$(kinds)" "skipped paused resumed skipped paused resumed"
stop_limberd

# 5. A full disk: a 512 KiB tmpfs for the database, then filled up.
fs=$LIMBER_TEST_DIR/small
mkdir -p "$fs"
mount -t tmpfs -o size=512k tmpfs "$fs" && mounts+=("$fs")
export XDG_DATA_HOME=$fs
data=$fs/limber db=$data/limber.db
start_limberd --activity-source none
"$LIMBERCTL" skip >/dev/null
dd if=/dev/zero of="$fs/filler" bs=4096 2>/dev/null || true  # until the disk is full
n=0
for _ in $(seq 30); do
  "$LIMBERCTL" pause 5m >/dev/null || LIMBER_FAILED=1
  "$LIMBERCTL" resume >/dev/null || LIMBER_FAILED=1
  n=$((n + 2))
  [ "$(status_get "['unsaved_records']")" -gt 0 ] && break
done
unsaved=$(status_get "['unsaved_records']")
[ "$unsaved" -ge 1 ] && echo "ok   full: $unsaved records kept in memory after $n commands" ||
  { echo "FAIL full: nothing kept in memory after $n commands on a full disk" >&2; LIMBER_FAILED=1; }
case $(status_get "['store_error']") in
  *full*) echo "ok   full: status says why: $(status_get "['store_error']")" ;;
  *) echo "FAIL full: store_error is '$(status_get "['store_error']")'" >&2; LIMBER_FAILED=1 ;;
esac
timed "full: status" 1000 "$LIMBERCTL" status
rm "$fs/filler"
"$LIMBERCTL" skip >/dev/null
wait_status "['unsaved_records']" 0 5
expected="skipped$(for _ in $(seq $((n / 2))); do printf ' paused resumed'; done) skipped"
check "full: everything written, in order" "$(kinds)" "$expected"
check "full: integrity" "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok
stop_limberd
exit "$LIMBER_FAILED"
