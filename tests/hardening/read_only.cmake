# SPDX-License-Identifier: GPL-3.0-or-later
# A cleanly closed journal on read-only storage (a write-protected card: the
# folder mounted read-only, in a private mount namespace) opens for real:
# the kiosk shows what is in it and says plainly that nothing new is saved
# there, and export reads all of it.
#   cmake -DLULL=... -DNSRUN=... -DSRC=... -DWORK=... -P read_only.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/card)
set(db ${WORK}/card/lull.db)
# Seeded up to an hour before the kiosk's fake clock, so the first page is the same
# whatever the time of day the test runs (it shows breathing sessions).
execute_process(COMMAND ${LULL} seed-demo --db ${db} --weeks 3 --seed 5 --now 2026-01-05T20:00
                RESULT_VARIABLE status
                OUTPUT_QUIET)
file(GLOB sides ${WORK}/card/lull.db-*)
if(NOT status EQUAL 0 OR sides)
  message(FATAL_ERROR "seeding: ${status}, left beside it: ${sides}")
endif()
execute_process(COMMAND ${LULL} export --db ${db} --format csv OUTPUT_VARIABLE before)

execute_process(COMMAND ${NSRUN} --read-only ${WORK}/card -- ${LULL} export --db ${db} --format csv
                RESULT_VARIABLE status OUTPUT_VARIABLE csv ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT csv STREQUAL before)
  message(FATAL_ERROR "export from the read-only card: exit ${status}: ${err}")
endif()
file(WRITE ${WORK}/look.lull "expect screen storage\nexpect text \"nothing new is saved\"\ntap \"OK\"\ntap \"Journal\"\nexpect screen journal\nexpect text \"Breathing\"\nquit\n")
execute_process(COMMAND ${NSRUN} --read-only ${WORK}/card -- /usr/bin/env SDL_AUDIODRIVER=dummy
                        ${LULL} --headless --clock fake --db ${db}
                        --config ${SRC}/tests/e2e/couple.conf --script ${WORK}/look.lull
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT err MATCHES "read-only: nothing new is saved")
  message(FATAL_ERROR "the kiosk on the read-only card: exit ${status}: ${err}")
endif()
message("a read-only card: the journal is read whole, and says nothing new is saved")

# A folder without write permission, for someone who is not root (root may
# write anywhere): the journal's owner, with the folder at 0555.
execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND mktemp -d /tmp/lull-readonly-XXXXXX OUTPUT_VARIABLE folder
                OUTPUT_STRIP_TRAILING_WHITESPACE)
file(COPY ${db} ${WORK}/look.lull ${SRC}/tests/e2e/couple.conf DESTINATION ${folder})
set(as_user)
if(uid STREQUAL "0")
  execute_process(COMMAND chown -R nobody ${folder})
  set(as_user setpriv --reuid=nobody --regid=nogroup --clear-groups)
endif()
execute_process(COMMAND chmod 0555 ${folder})
execute_process(COMMAND ${as_user} ${LULL} export --db ${folder}/lull.db --format csv
                RESULT_VARIABLE status OUTPUT_VARIABLE csv ERROR_VARIABLE err)
# The script and the config beside it: the other user may not read the build's folders.
execute_process(COMMAND ${as_user} /usr/bin/env SDL_AUDIODRIVER=dummy HOME=${folder}
                        ${LULL} --headless --clock fake --db ${folder}/lull.db
                        --config ${folder}/couple.conf --script ${folder}/look.lull
                RESULT_VARIABLE kiosk ERROR_VARIABLE kiosk_err)
execute_process(COMMAND chmod 0755 ${folder})
file(REMOVE_RECURSE ${folder})
if(NOT status EQUAL 0 OR NOT csv STREQUAL before)
  message(FATAL_ERROR "export from a folder without write permission: exit ${status}: ${err}")
endif()
if(NOT kiosk EQUAL 0)
  message(FATAL_ERROR "the kiosk on a folder without write permission: exit ${kiosk}: ${kiosk_err}")
endif()
message("a folder without write permission: the same")
