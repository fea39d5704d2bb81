# SPDX-License-Identifier: GPL-3.0-or-later
# No silent loss when the files change under Lull: while the kiosk runs (real
# time), the journal is deleted, or its -wal is, or another file takes its
# name. Every signal acknowledged before and after is kept: the journal is
# written again whole; the -wal's frames go into the journal; a file that
# replaced it is left exactly as it is and Lull's own journal is kept beside
# it under a new name. Each time the couple is told; then the power goes (SIGKILL).
#   cmake -DLULL=... -DDBTOOL=... -DSRC=... -DWORK=... -P files_changed.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
# The run ends with SIGKILL, a power cut: what was acknowledged must already
# be where the next start reads it.
file(WRITE ${WORK}/run.lull "tap \"Signals\"\ntap \"Sam / Slower\"\nwait 2500\ntap \"Alex / Keep going\"\nwait 5000\ntap \"Sam / Tired\"\nwait 60000\n")
foreach(change gone wal replaced)
  set(dir ${WORK}/${change})
  file(MAKE_DIRECTORY ${dir})
  execute_process(COMMAND ${DBTOOL} foreign ${WORK}/foreign.db)
  set(act "rm -f \"$2/lull.db\"")
  if(change STREQUAL "wal")
    set(act "rm -f \"$2/lull.db-wal\"")
  elseif(change STREQUAL "replaced")
    set(act "cp \"$2/../foreign.db\" \"$2/other.db\" && mv \"$2/other.db\" \"$2/lull.db\"")
  endif()
  file(WRITE ${dir}/run.sh "
SDL_AUDIODRIVER=dummy \"$1\" --headless --db \"$2/lull.db\" --config \"$3\" --script \"$4\" 2>\"$2/err\" &
pid=$!
sleep 4
${act}
sleep 6
kill -KILL $pid
wait $pid
echo \"exit=$?\"
")
  execute_process(COMMAND sh ${dir}/run.sh ${LULL} ${dir} ${SRC}/tests/e2e/couple.conf
                          ${WORK}/run.lull
                  OUTPUT_VARIABLE out TIMEOUT 60)
  file(READ ${dir}/err err)
  if(NOT out MATCHES "exit=137")
    message(FATAL_ERROR "${change}: ${out}\n${err}")
  endif()
  set(journal ${dir}/lull.db)
  if(change STREQUAL "replaced")
    file(SHA256 ${WORK}/foreign.db theirs)
    file(SHA256 ${dir}/lull.db now)
    if(NOT theirs STREQUAL now)
      message(FATAL_ERROR "replaced: the file that took the journal's name was changed")
    endif()
    file(GLOB journal ${dir}/lull.db.kept-*)
    list(FILTER journal EXCLUDE REGEX "-(wal|shm)$")
    if(NOT journal)
      message(FATAL_ERROR "replaced: no kept journal beside it:\n${err}")
    endif()
  endif()
  execute_process(COMMAND ${LULL} export --db ${journal} --format csv OUTPUT_VARIABLE csv
                  RESULT_VARIABLE status)
  foreach(signal "Sam,slower" "Alex,good" "Sam,tired")
    if(NOT csv MATCHES ",signal,${signal},")
      message(FATAL_ERROR "${change}: ${signal} was lost:\n${csv}\n${err}")
    endif()
  endforeach()
  if(NOT err MATCHES "went away|had gone|was replaced")
    message(FATAL_ERROR "${change}: the couple was not told:\n${err}")
  endif()
  message("${change}: every signal kept, and said")
endforeach()
