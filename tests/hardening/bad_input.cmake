# SPDX-License-Identifier: GPL-3.0-or-later
# Point 4: bad input everywhere gets a clear message, never a crash.
#   CASE=config   config files of garbage, huge or wrong-typed values, unknown
#                 keys, too big, a folder, unreadable: the kiosk starts on the
#                 defaults and names file, line and key
#   CASE=script   broken automation scripts: exit 1 with script:LINE, or 2
#   CASE=sounds   sound files that are not sound: breathing goes on, the screen
#                 and the log say which file cannot be played
#   CASE=font     no font at all (hidden in a private mount namespace): a
#                 message naming the package to install
#   CASE=assets   the program where it finds no assets folder: it runs
#   CASE=cli      command-line values out of range: exit 2 with the option named
#   cmake -DLULL=... -DDBTOOL=... -DNSRUN=... -DSRC=... -DWORK=... -DCASE=... -P bad_input.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

# expect_run(NAME EXIT STDERR_REGEX COMMAND...): a signal is never an exit status.
function(expect_run name want regex)
  file(REMOVE ${WORK}/lull.db ${WORK}/lull.db-wal ${WORK}/lull.db-shm) # each run from the start
  execute_process(COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy LANG=C.UTF-8 TZ=UTC
                          XDG_DATA_HOME=${WORK}/xdg-data XDG_CONFIG_HOME=${WORK}/xdg-config
                          ${ARGN}
                  WORKING_DIRECTORY ${WORK} RESULT_VARIABLE status OUTPUT_VARIABLE out
                  ERROR_VARIABLE err TIMEOUT 60)
  message("---- ${name}: exit ${status}\n${err}")
  if(NOT "${status}" STREQUAL "${want}")
    message(FATAL_ERROR "${name}: exit '${status}', expected ${want}")
  endif()
  if(NOT "${err}" MATCHES "${regex}")
    message(FATAL_ERROR "${name}: stderr does not match [${regex}]")
  endif()
endfunction()

set(kiosk ${LULL} --headless --clock fake --db ${WORK}/lull.db)
file(WRITE ${WORK}/starts.lull "expect screen welcome\ntap \"Skip\"\nexpect screen home\ntap \"Signals\"\ntap \"Partner 1 / Slower\"\nquit\n")

if(CASE STREQUAL "config")
  execute_process(COMMAND ${DBTOOL} noise ${WORK}/garbage.conf 8192 3)
  expect_run(garbage 0 "garbage\\.conf:[0-9]+:"
             ${kiosk} --config ${WORK}/garbage.conf --script ${WORK}/starts.lull)
  string(REPEAT "x" 100000 long_line)
  string(REPEAT "9" 60 huge_number)
  string(ASCII 255 254 not_utf8)
  file(WRITE ${WORK}/wrong.conf "[display]
dpi = 1e999
rotation = sideways
min_target_mm = -4
brightness = ${huge_number}
night = sometimes
night_start = 25:61
idle_dim_s = 3.5
[sound]
volume = loud
[nosuch]
key = 1
[partners]
first = ${long_line}
second = ${not_utf8} not UTF-8
third = Pat
= no key
[unterminated
")
  expect_run(wrong_values 0 "wrong\\.conf:2: display\\.dpi.*wrong\\.conf:5: display\\.brightness.*wrong\\.conf:10: sound\\.volume.*wrong\\.conf:14: the line is longer.*wrong\\.conf:15: partners\\.second"
             ${kiosk} --config ${WORK}/wrong.conf --script ${WORK}/starts.lull)
  string(REPEAT "${long_line}\n" 12 too_big)
  file(WRITE ${WORK}/big.conf "${too_big}")
  expect_run(too_big 0 "larger than"
             ${kiosk} --config ${WORK}/big.conf --script ${WORK}/starts.lull)
  file(MAKE_DIRECTORY ${WORK}/folder.conf)
  expect_run(a_folder 0 "folder\\.conf"
             ${kiosk} --config ${WORK}/folder.conf --script ${WORK}/starts.lull)
  expect_run(missing 0 "missing\\.conf: No such file"
             ${kiosk} --config ${WORK}/missing.conf --script ${WORK}/starts.lull)
  # The config's note is shown in Settings (at its end: a tall screen shows it all).
  file(WRITE ${WORK}/settings.lull "tap \"Skip\"\ntap \"Settings\"\nexpect text \"Some settings in wrong.conf\"\nquit\n")
  expect_run(note_in_settings 0 "wrong\\.conf"
             ${kiosk} --config ${WORK}/wrong.conf --size 720x3000 --script ${WORK}/settings.lull)
  # A NUL byte ends the file for the parser: said, with its line.
  execute_process(COMMAND printf "[display]\\nnight = on\\n\\000[sound]\\nvolume = 5\\n"
                  OUTPUT_FILE ${WORK}/nul.conf)
  expect_run(nul_byte 0 "nul\\.conf:3: a NUL byte"
             ${kiosk} --config ${WORK}/nul.conf --script ${WORK}/starts.lull)
elseif(CASE STREQUAL "script")
  execute_process(COMMAND ${DBTOOL} noise ${WORK}/garbage.lull 4096 5)
  set(cfg --config ${SRC}/tests/e2e/couple.conf)
  expect_run(garbage 1 "script:[0-9]+: " ${kiosk} ${cfg} --script ${WORK}/garbage.lull)
  string(REPEAT "y" 200000 long)
  file(WRITE ${WORK}/long.lull "expect screen home\ntap \"${long}\"\n")
  expect_run(long_line 1 "script:2: " ${kiosk} ${cfg} --script ${WORK}/long.lull)
  file(WRITE ${WORK}/broken.lull "tap \"Signals\"\ntap \"unterminated\nwait -5\n")
  expect_run(broken 1 "script:2: " ${kiosk} ${cfg} --script ${WORK}/broken.lull)
  file(WRITE ${WORK}/values.lull "tap 99999 5\n")
  expect_run(out_of_range 1 "script:1: " ${kiosk} ${cfg} --script ${WORK}/values.lull)
  file(WRITE ${WORK}/outside.lull "tap 5000 5000\n")
  expect_run(outside_the_screen 1 "script:1: tap 5000 5000 is outside" ${kiosk} ${cfg}
             --script ${WORK}/outside.lull)
  file(WRITE ${WORK}/empty.lull "")
  expect_run(empty 0 "" ${kiosk} ${cfg} --script ${WORK}/empty.lull)
  expect_run(missing 2 "missing\\.lull: No such file" ${kiosk} ${cfg}
             --script ${WORK}/missing.lull)
  expect_run(a_folder 2 "script" ${kiosk} ${cfg} --script ${WORK})
  # A NUL byte would end the script early as if it had passed: it is an error.
  execute_process(COMMAND printf "expect screen home\\n\\000tap \"Nowhere at all\"\\n"
                  OUTPUT_FILE ${WORK}/nul.lull)
  expect_run(nul_byte 1 "script:2: a NUL byte" ${kiosk} ${cfg} --script ${WORK}/nul.lull)
  # Four million lines: held as their text, never as a command per line
  # (which took gigabytes). Within 400 MB of address space, where no
  # sanitizer reserves its own.
  string(REPEAT "\n" 4000000 lines)
  file(WRITE ${WORK}/large.lull "expect screen home${lines}quit\n")
  if(SANITIZED)
    expect_run(large_script 0 "" ${kiosk} ${cfg} --script ${WORK}/large.lull)
  else()
    expect_run(large_script 0 "" sh -c "ulimit -v 400000; exec \"$0\" \"$@\"" ${kiosk} ${cfg}
               --script ${WORK}/large.lull)
  endif()
elseif(CASE STREQUAL "sounds")
  # The sounds folder beside the journal, full of things that are not sound.
  file(MAKE_DIRECTORY ${WORK}/sounds ${WORK}/sounds/folder.wav)
  execute_process(COMMAND ${DBTOOL} noise ${WORK}/sounds/noise.ogg 5000 9)
  file(WRITE ${WORK}/sounds/words.wav "not a sound at all\n")
  file(WRITE ${WORK}/sounds/empty.mp3 "")
  # A WAV header that claims two gigabytes of samples and has none.
  string(ASCII 82 73 70 70 255 255 255 127 87 65 86 69 riff)
  file(WRITE ${WORK}/sounds/liar.wav "${riff}fmt data")
  foreach(file noise.ogg words.wav empty.mp3 liar.wav)
    file(WRITE ${WORK}/${file}.lull "tap \"Breathe\"
tap \"Sound\"
tap \"${file}\"
tap \"Done\"
tap \"Start\"
wait 12000
expect screen breathe-run
tap \"End\"
expect screen breathe-done
tap \"Home\"
tap \"Breathe\"
expect screen breathe
quit
")
    expect_run(${file} 0 "sounds: [^\n]*${file}"
               ${kiosk} --config ${SRC}/tests/e2e/couple.conf --script ${WORK}/${file}.lull)
  endforeach()
  file(WRITE ${WORK}/note.lull "tap \"Breathe\"\ntap \"Sound\"\ntap \"words.wav\"\nwait 100\nexpect text \"words.wav cannot be played here\"\nquit\n")
  expect_run(note_on_screen 0 "words\\.wav" ${kiosk} --config ${SRC}/tests/e2e/couple.conf
             --size 720x1280 --script ${WORK}/note.lull)
elseif(CASE STREQUAL "font")
  execute_process(COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy
                          ${NSRUN} --hide /usr/share/fonts -- ${kiosk}
                          --script ${WORK}/starts.lull
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${out}${err}")
  if(NOT status EQUAL 2 OR NOT err MATCHES "install fonts-dejavu-core")
    message(FATAL_ERROR "without fonts: exit ${status}, expected 2 and the package to install")
  endif()
elseif(CASE STREQUAL "assets")
  # A copy of the program in a folder with no ../assets or ../share/lull next to it.
  file(MAKE_DIRECTORY ${WORK}/bare/bin)
  file(COPY ${LULL} DESTINATION ${WORK}/bare/bin)
  get_filename_component(exe ${LULL} NAME)
  expect_run(no_assets 0 "" ${WORK}/bare/bin/${exe} --headless --clock fake --db ${WORK}/lull.db
             --config ${SRC}/tests/e2e/couple.conf --script ${SRC}/tests/hardening/everywhere.lull)
elseif(CASE STREQUAL "cli")
  string(REPEAT "9" 5000 long)
  foreach(args "--size;0x0" "--size;99999x99999" "--size;800x" "--size;${long}x480"
          "--rotate;45" "--rotate;-90" "--clock;fake=2026-13-45T99:99" "--clock;fake=garbage"
          "--db" "--script" "--config" "--no-such-option" "bogus"
          "export;--format;xml;--db;${WORK}/x.db" "export;--db;${WORK}/x.db"
          "insights;--weeks;0;--db;${WORK}/x.db" "insights;--weeks;${long};--db;${WORK}/x.db"
          "seed-demo;--weeks;-3;--db;${WORK}/x.db" "seed-demo;--db;${WORK}/x.db")
    expect_run("lull ${args}" 2 "^lull: .*(--|lull |unexpected|expected|needs)" ${LULL} ${args})
  endforeach()
  # A journal that cannot be made (a file where its folder should be): the
  # kiosk starts anyway and says so.
  file(WRITE ${WORK}/not-a-folder "")
  file(WRITE ${WORK}/nowhere.lull "expect screen storage\nexpect text \"could not be opened\"\ntap \"OK\"\nexpect screen home\nquit\n")
  expect_run(no_place_for_the_journal 0 "cannot open the journal"
             ${LULL} --headless --clock fake --db ${WORK}/not-a-folder/lull.db
             --config ${SRC}/tests/e2e/couple.conf --script ${WORK}/nowhere.lull)
else()
  message(FATAL_ERROR "unknown CASE ${CASE}")
endif()
