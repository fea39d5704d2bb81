# SPDX-License-Identifier: GPL-3.0-or-later
# The night light: by night the panel's backlight (a stand-in folder here) goes
# to the couple's level, 40 % of its day level unless changed in Settings. The
# run is killed, so what is left in the file is what Lull last set by night.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/light/panel")
file(WRITE ${WORK}/light/panel/max_brightness "255\n")
file(WRITE ${WORK}/night.conf "[partners]\nfirst = Alex\nsecond = Sam\n[display]\nnight = on\n")
set(env ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy TZ=UTC LULL_BACKLIGHT_ROOT=${WORK}/light)

function(night_run name script expect)
  file(WRITE ${WORK}/light/panel/brightness "200\n")
  file(WRITE ${WORK}/${name}.lull "${script}wait 20000\n")
  # Real time, so the process is still running when it is killed.
  execute_process(COMMAND timeout -s KILL 3 ${env} ${LULL} --headless --db ${WORK}/lull.db
                          --config ${WORK}/night.conf --script ${WORK}/${name}.lull
                  RESULT_VARIABLE killed ERROR_VARIABLE err)
  if(NOT killed MATCHES "137|killed")
    message(FATAL_ERROR "${name}: expected the run to be killed (137), got ${killed}: ${err}")
  endif()
  file(STRINGS ${WORK}/light/panel/brightness level)
  if(NOT level STREQUAL "${expect}")
    message(FATAL_ERROR "${name}: the backlight is at ${level}, expected ${expect}")
  endif()
  message("${name}: the backlight is at ${level} of 200")
endfunction()

night_run(default "expect screen home\n" 80)
night_run(lower "tap \"Settings\"\ntap \"Light at night down\"\nexpect text \"30%\"\n" 60)
# Kept: the next night starts at the couple's level.
night_run(kept "expect screen home\n" 60)
