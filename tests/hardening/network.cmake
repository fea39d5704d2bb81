# SPDX-License-Identifier: GPL-3.0-or-later
# Point 8: the program never opens a network socket.
#   MODE=seccomp  the kiosk on a script that visits every screen (default
#                 audio driver, so ALSA/PulseAudio are tried too) and each
#                 command-line tool, under a seccomp filter that kills the
#                 process at its first non-local socket (tests/hardening/nonet.c)
#   MODE=strace   the same run traced: every socket() and connect() is local
#   MODE=symbols  the program itself imports no socket or resolver function
#   cmake -DLULL=... -DNONET=... [-DBINARY=the ELF file -DNM=...] -DSRC=... -DWORK=...
#         -DMODE=... -P network.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(script ${SRC}/tests/hardening/everywhere.lull)
set(env ${CMAKE_COMMAND} -E env LANG=C.UTF-8 TZ=UTC XDG_DATA_HOME=${WORK}/data
        XDG_CONFIG_HOME=${WORK}/config)
set(kiosk ${LULL} --headless --clock fake --config ${SRC}/tests/e2e/couple.conf --script ${script})

if(MODE STREQUAL "symbols")
  if(NOT NM)
    set(NM nm)
  endif()
  if(NOT BINARY)
    set(BINARY ${LULL})
  endif()
  execute_process(COMMAND ${NM} -D --undefined-only ${BINARY} RESULT_VARIABLE status
                  OUTPUT_VARIABLE symbols ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "nm failed: ${err}")
  endif()
  string(REGEX MATCHALL "[ \t](socket|connect|bind|listen|accept4?|sendto|sendmsg|recvfrom|recvmsg|getaddrinfo|gethostbyname[_0-9r]*|gethostbyaddr[_r]*|getnameinfo|res_n?query|curl_[a-z_]+)(@[A-Za-z0-9_.]+)?\n"
         found "${symbols}")
  if(found)
    message(FATAL_ERROR "the program imports network functions:\n${found}")
  endif()
  message("no network function among the program's imports")
  return()
endif()

if(MODE STREQUAL "seccomp")
  execute_process(COMMAND ${NONET} --self-test RESULT_VARIABLE status OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  message("${out}${err}")
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "the seccomp filter does not work here (${status})")
  endif()
  string(REPLACE ";" " " kiosk_line "${kiosk}")
  set(runs
      "kiosk|${kiosk_line} --db ${WORK}/lull.db"
      "export-csv|${LULL} export --db ${WORK}/lull.db --format csv --out ${WORK}/out.csv"
      "export-json|${LULL} export --db ${WORK}/lull.db --format json"
      "insights|${LULL} insights --db ${WORK}/lull.db --weeks 4 --format json"
      "seed-demo|${LULL} seed-demo --db ${WORK}/demo.db --weeks 2"
      "version|${LULL} --version")
  foreach(run ${runs})
    string(REPLACE "|" ";" parts "${run}")
    list(GET parts 0 name)
    list(GET parts 1 command)
    separate_arguments(command UNIX_COMMAND "${command}")
    execute_process(COMMAND ${env} ${NONET} ${command} WORKING_DIRECTORY ${WORK}
                    RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE err)
    message("---- ${name}: ${status}\n${err}")
    if(status EQUAL 3)
      message(FATAL_ERROR "${name} asked for a network socket")
    elseif(NOT status EQUAL 0)
      message(FATAL_ERROR "${name} failed under the filter (${status})")
    endif()
  endforeach()
  return()
endif()

if(MODE STREQUAL "strace")
  find_program(STRACE strace)
  if(NOT STRACE)
    message(FATAL_ERROR "FAIL: strace is not installed (./dev test installs it)")
  endif()
  execute_process(COMMAND ${STRACE} -f -qq -e trace=none true RESULT_VARIABLE status
                  ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "FAIL: strace cannot trace here (${err}): run the tests where ptrace "
                        "is allowed (as CI does)")
  endif()
  set(trace ${WORK}/trace.txt)
  # LeakSanitizer cannot run under ptrace: leaks are the other tests' business.
  list(APPEND env ASAN_OPTIONS=detect_leaks=0)
  execute_process(COMMAND ${env} ${STRACE} -f -qq -e trace=socket,connect,bind,sendto,sendmsg
                          -o ${trace} ${kiosk} --db ${WORK}/lull.db
                  WORKING_DIRECTORY ${WORK} RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "the traced run failed (${status}): ${err}")
  endif()
  execute_process(COMMAND ${env} ${STRACE} -f -qq -e trace=socket,connect -o ${trace}.export
                          ${LULL} export --db ${WORK}/lull.db --format json
                  RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE err)
  file(READ ${trace} calls)
  file(READ ${trace}.export more)
  string(APPEND calls "${more}")
  string(REGEX MATCHALL "(socket\\(|sa_family=)[A-Z0-9_]+" families "${calls}")
  list(LENGTH families n)
  set(bad "")
  foreach(f ${families})
    string(REGEX REPLACE "^(socket\\(|sa_family=)" "" f "${f}")
    if(NOT f MATCHES "^(AF_UNIX|AF_LOCAL|AF_NETLINK)$")
      list(APPEND bad ${f})
    endif()
  endforeach()
  message("${n} socket calls traced, all local unless listed: ${bad}")
  if(bad)
    message(FATAL_ERROR "network sockets were opened: ${bad}\n${calls}")
  endif()
  return()
endif()
message(FATAL_ERROR "unknown MODE ${MODE}")
