# SPDX-License-Identifier: GPL-3.0-or-later
# Point 3: a damaged or foreign journal. The app starts, explains on screen,
# never changes the file, and never silently starts an empty journal over it;
# the couple may keep it aside (renamed, byte for byte) and start a new one.
#   cmake -DLULL=... -DDBTOOL=... -DSRC=... -DWORK=... -DCASE=random|truncated|
#         damaged_page|foreign|future|readonly|locked -P damaged.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(db ${WORK}/lull.db)

# A couple's journal to damage: signals and an entry.
hard_run(seed [[
tap "Signals"
tap "Sam / Slower"
wait 600
tap "Dismiss"
tap "Alex / Keep going"
tap "Dismiss"
tap "Home"
tap "Journal"
tap "New entry"
tap "Next"
tap "Next"
tap "Next"
tap "Note"
type "Our first evening back"
tap "Done"
tap "Save"
expect screen journal
quit
]])
hard_integrity(${db})

set(can_start_new 0)
if(CASE STREQUAL "random")
  file(SIZE ${db} size)
  execute_process(COMMAND ${DBTOOL} noise ${db} ${size} 7 RESULT_VARIABLE rc)
  set(words "damaged")
  set(can_start_new 1)
elseif(CASE STREQUAL "truncated")
  # Cut at a page boundary, the hardest kind to notice.
  file(SIZE ${db} size)
  math(EXPR half "(${size} / 4096 / 2) * 4096")
  execute_process(COMMAND ${DBTOOL} truncate ${db} ${half} RESULT_VARIABLE rc)
  set(words "damaged")
  set(can_start_new 1)
elseif(CASE STREQUAL "damaged_page")
  # The second page (a table's root) overwritten: the header still reads
  # as a database, only reading every page (quick_check) finds it.
  execute_process(COMMAND ${DBTOOL} damage ${db} 4096 4096 RESULT_VARIABLE rc)
  set(words "damaged")
  set(can_start_new 1)
elseif(CASE STREQUAL "foreign")
  file(REMOVE ${db})
  execute_process(COMMAND ${DBTOOL} foreign ${db} RESULT_VARIABLE rc)
  set(words "belongs to")
  set(can_start_new 1)
elseif(CASE STREQUAL "future")
  file(REMOVE ${db})
  execute_process(COMMAND ${DBTOOL} future ${db} RESULT_VARIABLE rc)
  set(words "newer version")
elseif(CASE STREQUAL "readonly")
  # The owner's write permission off: Lull respects it even when run as root.
  file(CHMOD ${db} PERMISSIONS OWNER_READ)
  set(rc 0)
  set(words "read-only")
elseif(CASE STREQUAL "locked")
  set(rc 0)
else()
  message(FATAL_ERROR "unknown CASE ${CASE}")
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "preparing ${CASE} failed")
endif()
file(SHA256 ${db} before)
file(TIMESTAMP ${db} mtime_before "%s")

if(CASE STREQUAL "locked")
  # Another program holds the journal for two seconds (real time): the app
  # starts, says so, keeps what is done meanwhile, and uses the journal once
  # it is free (it tries again every five seconds).
  file(WRITE ${WORK}/locked.lull [[
expect screen storage
expect text "Another program is using the journal"
tap "OK"
tap "Signals"
tap "Sam / Tired"
expect text "Nothing is saved yet"
wait 7000
expect no-text "Not saved"
expect no-text "Nothing is saved"
quit
]])
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy TZ=UTC
            ${DBTOOL} hold ${db} 2000 ${LULL} --headless --db ${db}
            --config ${SRC}/tests/e2e/couple.conf --script ${WORK}/locked.lull
    RESULT_VARIABLE status ERROR_VARIABLE err)
  message("${err}")
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "the locked run failed (${status})")
  endif()
  hard_integrity(${db})
  hard_events(events ${db})
  hard_expect_match("the journal after the lock" "${events}"
                    "signal\\|2\\|slower\\|\n.*entry\\|[0-9]\\|entry\\|Our first evening back\n.*signal\\|2\\|tired\\|")
  return()
endif()

# The first start: an explanation, and nothing written anywhere.
set(first "expect screen storage\nexpect text \"${words}\"\n")
if(can_start_new)
  string(APPEND first "tap \"Not now\"\n")
else()
  string(APPEND first "tap \"OK\"\n")
endif()
string(APPEND first [[
expect screen home
expect text "Nothing"
tap "Settings"
tap "Journal file"
expect screen storage
tap "Home"
tap "Signals"
tap "Sam / Pain"
expect text "Nothing"
tap "Alex / Pause"
expect screen paused
quit
]])
hard_run(first "${first}")
file(SHA256 ${db} after)
file(TIMESTAMP ${db} mtime_after "%s")
if(NOT before STREQUAL after OR NOT mtime_before STREQUAL mtime_after)
  message(FATAL_ERROR "${CASE}: the journal file was changed")
endif()
file(GLOB aside ${WORK}/lull.db.damaged-*)
if(aside)
  message(FATAL_ERROR "${CASE}: a file was moved without the couple asking: ${aside}")
endif()
hard_expect_no_match("${CASE}: stderr" "${first_err}" "Our first evening")

if(CASE STREQUAL "future")
  execute_process(COMMAND ${DBTOOL} events ${db} OUTPUT_VARIABLE rows ERROR_QUIET)
  hard_integrity(${db})
  return()
endif()
if(CASE STREQUAL "readonly")
  hard_integrity(${db})
  hard_events(events ${db})
  hard_expect_match("readonly: the journal is still whole" "${events}" "Our first evening back")
  hard_expect_no_match("readonly: nothing added" "${events}" "pain")
  return()
endif()

# The couple chooses a new journal: the old file is kept aside, unchanged.
hard_run(second [[
expect screen storage
tap "Start a new journal"
expect text "A new journal was started"
expect text "lull.db.damaged-"
tap "OK"
tap "Signals"
tap "Sam / Keep going"
expect no-text "Not saved"
expect no-text "Nothing"
quit
]])
file(GLOB aside ${WORK}/lull.db.damaged-*)
list(LENGTH aside n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "${CASE}: expected one file kept aside, found: ${aside}")
endif()
file(SHA256 ${aside} kept)
if(NOT kept STREQUAL before)
  message(FATAL_ERROR "${CASE}: the file kept aside differs from the original")
endif()
hard_integrity(${db})
hard_events(events ${db})
hard_expect_match("${CASE}: the new journal" "${events}" "^signal\\|2\\|good\\|\n$")
