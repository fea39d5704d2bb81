# SPDX-License-Identifier: GPL-3.0-or-later
# Point 8, what stays private:
#   MODE=modes    with a permissive umask (022), the data folder Lull makes is
#                 0700 and every file in it 0600 — the journal and the exports
#                 made from Settings — and `lull export --out` leaves its file
#                 0600 even when it was there before, readable by all.
#   MODE=logs     the couple's words (a note, their names), the PIN and its
#                 Argon2id hash reach no log: not stderr, not stdout, not any
#                 file but the journal and the exports — also when writes fail.
#   MODE=formulas a name or a note that a spreadsheet would run as a formula is
#                 defused in the CSV export (a leading ').
#   cmake -DLULL=... -DDBTOOL=... -DSRC=... -DWORK=... -DMODE=... -P privacy.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(script ${SRC}/tests/hardening/everywhere.lull)

# run_everywhere(NAME [ENV ...]): the every-screen script, the journal in the
# default place (XDG_DATA_HOME=WORK/NAME/data, so .../data/lull/lull.db), under
# umask 022.
function(run_everywhere name)
  if(NOT DEFINED run_script)
    set(run_script ${script})
  endif()
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy LANG=C.UTF-8 TZ=UTC
            XDG_DATA_HOME=${WORK}/${name}/data XDG_CONFIG_HOME=${WORK}/${name}/config ${ARGN}
            sh -c "umask 022 && exec \"$0\" \"$@\"" ${LULL} --headless --clock fake
            --config ${SRC}/tests/e2e/couple.conf --script ${run_script}
    WORKING_DIRECTORY ${WORK} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("---- ${name}: ${status}\n${err}")
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${name}: lull exited with ${status}")
  endif()
  set(${name}_log "${out}${err}" PARENT_SCOPE)
endfunction()

if(MODE STREQUAL "modes")
  run_everywhere(run)
  set(data ${WORK}/run/data)
  foreach(dir ${data} ${data}/lull)
    hard_mode(mode ${dir})
    if(NOT mode STREQUAL "700")
      message(FATAL_ERROR "${dir} is ${mode}, not 700")
    endif()
  endforeach()
  file(GLOB files ${data}/lull/*)
  list(LENGTH files n)
  file(GLOB exports ${data}/lull/lull-*.csv ${data}/lull/lull-*.json)
  list(LENGTH exports n_exports)
  if(NOT EXISTS ${data}/lull/lull.db OR NOT n_exports EQUAL 2)
    message(FATAL_ERROR "expected the journal and two exports in the data folder: ${files}")
  endif()
  foreach(f ${files})
    hard_mode(mode ${f})
    if(NOT mode STREQUAL "600")
      message(FATAL_ERROR "${f} is ${mode}, not 600")
    endif()
  endforeach()
  message("${n} files in the data folder, all 0600")

  # lull export --out: a new file, and one that was there, readable by all.
  file(WRITE ${WORK}/old.csv "someone else's\n")
  file(CHMOD ${WORK}/old.csv PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  foreach(out ${WORK}/new.csv ${WORK}/old.csv)
    execute_process(COMMAND sh -c "umask 022 && exec \"$0\" \"$@\"" ${LULL} export
                            --db ${data}/lull/lull.db --format csv --out ${out}
                    RESULT_VARIABLE status ERROR_VARIABLE err)
    if(NOT status EQUAL 0)
      message(FATAL_ERROR "lull export --out ${out}: ${err}")
    endif()
    hard_mode(mode ${out})
    if(NOT mode STREQUAL "600")
      message(FATAL_ERROR "lull export left ${out} ${mode}, not 600")
    endif()
    file(READ ${out} csv)
    hard_expect_match("the export" "${csv}" "Marigold evening")
  endforeach()
  return()
endif()

if(MODE STREQUAL "logs")
  run_everywhere(run)
  # Once more, with writes refused for a while: the errors are logged too.
  file(WRITE ${WORK}/failing.lull [[
tap "Signals"
tap "Sam / Slower"
expect text "Not saved"
wait 600
tap "Dismiss"
tap "Home"
tap "Journal"
tap "New entry"
tap "Next"
tap "Next"
tap "Next"
tap "Note"
type "Marigold at night"
tap "Done"
tap "Save"
expect screen entry
wait 40000
expect screen journal
quit
]])
  set(run_script ${WORK}/failing.lull)
  run_everywhere(failing LULL_TEST_FAIL_WRITES=full:0-20)
  hard_expect_match("the refused writes were logged" "${failing_log}" "disk is full")
  set(db ${WORK}/run/data/lull/lull.db)
  execute_process(COMMAND ${DBTOOL} setting ${db} pin.hash OUTPUT_VARIABLE hash
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  hard_expect_match("the PIN is kept as an Argon2id hash" "${hash}" "^\\$argon2id\\$")
  hard_events(events ${db})
  hard_expect_match("the note is in the journal" "${events}" "Marigold evening")
  # The part of the hash after its parameters is the secret.
  string(REGEX REPLACE "^.*\\$" "" hash_tail "${hash}")
  set(logs "${run_log}${failing_log}")
  foreach(secret "Marigold" "slow and kind" "Alex" "Sam" "4739" "${hash_tail}" "argon2")
    string(FIND "${logs}" "${secret}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "\"${secret}\" reached the log:\n${logs}")
    endif()
  endforeach()
  # No other file the runs left (but the journal, the exports and this test's
  # own scripts) holds the note or the PIN hash.
  file(GLOB_RECURSE all ${WORK}/*)
  foreach(f ${all})
    if(f MATCHES "/(run|failing)/data/lull/(lull\\.db(-wal|-shm)?|lull-[-0-9]+\\.(csv|json))$" OR
       f MATCHES "\\.lull$")
      continue()
    endif()
    file(STRINGS ${f} hits REGEX "Marigold|argon2id")
    if(hits)
      message(FATAL_ERROR "${f} holds the couple's words or the PIN hash")
    endif()
  endforeach()
  message("no word, name, PIN or hash in any log")
  return()
endif()

if(MODE STREQUAL "formulas")
  file(WRITE ${WORK}/formula.conf "[partners]\nfirst = =HYPERLINK(\"http://x\",\"y\")\nsecond = @SUM(1+1)\n")
  # The first partner's Slower by where it is (its label is full of quotes).
  file(WRITE ${WORK}/formula.lull [[
tap "Signals"
tap 184 301
wait 600
tap "Dismiss"
tap "@SUM(1+1) / Tired"
wait 600
tap "Dismiss"
tap "Home"
tap "Journal"
tap "New entry"
tap "Next"
tap "Next"
tap "Next"
tap "Next"
tap "Note"
type "+1 the cushion -2 pain"
tap "Done"
tap "Save"
expect screen journal
quit
]])
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy TZ=UTC ${LULL} --headless --clock fake
            --db ${WORK}/lull.db --config ${WORK}/formula.conf --script ${WORK}/formula.lull
    RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "the run failed: ${err}")
  endif()
  execute_process(COMMAND ${LULL} export --db ${WORK}/lull.db --format csv --out ${WORK}/out.csv
                  RESULT_VARIABLE status)
  file(READ ${WORK}/out.csv csv)
  message("${csv}")
  hard_expect_match("a name starting with = is defused" "${csv}"
                    ",signal,\"'=HYPERLINK\\(\"\"http://x\"\",\"\"y\"\"\\)\",slower,")
  hard_expect_match("a name starting with @ is defused" "${csv}" ",signal,'@SUM\\(1\\+1\\),tired,")
  hard_expect_match("a note starting with + is defused" "${csv}" ",'\\+1 the cushion -2 pain,,\r?\n")
  hard_expect_no_match("no cell starts with a bare formula" "${csv}" "(^|,)[=+@-][A-Za-z0-9(]")
  return()
endif()
message(FATAL_ERROR "unknown MODE ${MODE}")
