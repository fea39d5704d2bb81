# SPDX-License-Identifier: GPL-3.0-or-later
# Point 2, by injection: from the first virtual minute to the third every write
# fails inside SQLite's VFS, as a full disk (ENOSPC → SQLITE_FULL) or a failing
# one (EIO → SQLITE_IOERR) makes it fail. The app keeps running, says so,
# keeps the unsaved entry on screen, saves everything once the storage is back
# (in order, with the session that could not be stored at first), and loses
# nothing written before.
#   cmake -DLULL=... -DDBTOOL=... -DSRC=... -DWORK=... -DFAULT=full|io -P storage_full.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(db ${WORK}/lull.db)
if(FAULT STREQUAL "full")
  set(words "Not saved — storage full")
  set(entry_words "the storage is full")
else()
  set(words "Not saved — the storage is failing")
  set(entry_words "the storage is failing")
endif()

hard_run(run "
# Before: saved as usual.
tap \"Signals\"
tap \"Sam / Slower\"
expect no-text \"Not saved\"
tap \"Dismiss\"
tap \"Alex / Stop for today\"
tap \"Home\"
wait 60000
# The storage fails: a new session, a signal, a pause — all on screen at once.
tap \"Signals\"
tap \"Alex / Keep going\"
expect text \"${words}\"
tap \"Sam / Pause\"
expect screen paused
expect text \"${words}\"
tap \"Alex / I'm ready\"
tap \"Sam / I'm ready\"
wait 1500
expect screen signals
tap \"Home\"
# A journal entry: refused, and still on screen with its words.
tap \"Journal\"
tap \"New entry\"
tap \"Who / Together\"
tap \"Next\"
tap \"Comfort 4\"
tap \"Next\"
tap \"Next\"
tap \"Note\"
type \"Slow and kind, we laughed — crème brûlée after\"
tap \"Done\"
tap \"Save\"
expect screen entry
expect text \"Not saved — ${entry_words}\"
expect text \"Slow and kind, we laughed\"
wait 10000
expect screen entry
expect text \"Slow and kind, we laughed\"
# The storage comes back at three minutes: everything lands by itself.
wait 115000
expect screen journal
expect no-text \"Not saved\"
tap \"Home\"
tap \"Signals\"
tap \"Sam / Tired\"
expect no-text \"Not saved\"
quit
" ENV LULL_TEST_FAIL_WRITES=${FAULT}:60-180)
hard_expect_match("stderr says the faults are on purpose" "${run_err}" "LULL_TEST_FAIL_WRITES is set")
hard_expect_no_match("stderr keeps the couple's words" "${run_err}" "Slow and kind|crème")
hard_expect_no_match("nothing was lost at the end" "${run_err}" "could not be saved")
hard_integrity(${db})
hard_events(events ${db})
set(want "signal|2|slower|
signal|1|stop|
signal|1|good|
signal|2|pause|
signal|1|ready|
signal|2|ready|
signal|3|resume|
entry|3|entry|Slow and kind, we laughed — crème brûlée after
signal|2|tired|
")
if(NOT events STREQUAL want)
  message(FATAL_ERROR "events after the storage came back:\n${events}\nexpected:\n${want}")
endif()

# The session that began while nothing could be written landed too, and its
# events point at it.
execute_process(COMMAND ${LULL} export --db ${db} --format csv OUTPUT_VARIABLE csv
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "export failed")
endif()
hard_expect_match("the refused session landed" "${csv}"
                  "signal,Alex,good,Keep going,2,.*signal,Sam,pause,Pause,2,.*signal,both,resume,Resuming,2,")
