# SPDX-License-Identifier: GPL-3.0-or-later
# Guided breathing heard through --audio-out on the fake clock: two minutes of
# Calm 5·5 starting at 1000 ms, paused by a tap from 30000 to 45000 ms, so the
# in-breaths begin at 4, 14, 24, then 49 … 129 s, the out-breaths at 9, 19, 29,
# then 54 … 134 s, and the end (the gong) at 139 s. Four runs: Silence (the cue
# tones alone), the Ocean bed, Brown noise and a sound file of the couple's own.
#   cmake -DLULL=... -DWAVCHECK=... -DSRC=... -DWORK=... -P breathe_audio.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/sounds")

function(run script)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy LANG=C.UTF-8 TZ=UTC
            ${LULL} --headless --clock fake --db ${script}.db
            --config ${SRC}/tests/e2e/couple.conf --audio-out ${script}.wav
            --script ${SRC}/tests/e2e/${script}.lull
    WORKING_DIRECTORY ${WORK}
    RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "lull failed on ${script}: ${err}")
  endif()
endfunction()

# measure(WAV what from to out): the value wavcheck prints, rounded to an integer
# (CMake compares integers).
function(measure wav what from to out)
  execute_process(COMMAND ${WAVCHECK} ${WORK}/${wav}.wav ${what} ${from} ${to}
                  OUTPUT_VARIABLE line RESULT_VARIABLE s OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT s EQUAL 0)
    message(FATAL_ERROR "wavcheck ${wav} ${what} failed")
  endif()
  string(REGEX REPLACE "^[a-z_]+=(-?[0-9]+)(\\.[0-9]+)?.*" "\\1" value "${line}")
  set(${out} ${value} PARENT_SCOPE)
endfunction()

function(jump_of wav out)
  execute_process(COMMAND ${WAVCHECK} ${WORK}/${wav}.wav jump OUTPUT_VARIABLE line
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  # jump=0.0123 → 123 (ten-thousandths of full scale)
  string(REGEX REPLACE "^jump=0\\.0*([0-9]+)$" "\\1" value "${line}")
  if(value STREQUAL line)
    message(FATAL_ERROR "${wav}: a jump of ${line}")
  endif()
  set(${out} ${value} PARENT_SCOPE)
endfunction()

# No click anywhere: starts, pauses, resumes, the end and the fades. The bound,
# 0.02 of full scale between two samples, is the mixer's own (tests/unit/test_mixer.c).
# (Not for Ocean: the wash at a swell's crest is that steep by itself.)
function(no_clicks wav)
  jump_of(${wav} jump)
  if(jump GREATER 200)
    message(FATAL_ERROR "${wav}: a click, a step of ${jump}/10000 of full scale between samples")
  endif()
  measure(${wav} length 0 0 length)
  if(length LESS 150000)
    message(FATAL_ERROR "${wav}: the WAV holds ${length} ms, not the whole timeline")
  endif()
  message("${wav}: largest step ${jump}/10000 of full scale over ${length} ms")
endfunction()

set(ins 4000 14000 24000 49000 59000 69000 79000 89000 99000 109000 119000 129000)
set(outs 9000 19000 29000 54000 64000 74000 84000 94000 104000 114000 124000 134000)

# --- Silence: each cue tone at its boundary, in rising above out, nothing between ---
run(breathe_audio_cues)
foreach(kind in out)
  foreach(at ${${kind}s})
    math(EXPR before "${at} - 400")
    math(EXPR after "${at} + 600")
    measure(breathe_audio_cues onset ${before} ${after} onset)
    math(EXPR early "${at} - 5")
    math(EXPR late "${at} + 40")
    if(onset LESS early OR onset GREATER late)
      message(FATAL_ERROR "cue ${kind} expected at ${at} ms, heard at ${onset} ms")
    endif()
    measure(breathe_audio_cues rms ${at} ${after} level)
    if(level LESS -50)
      message(FATAL_ERROR "cue ${kind} at ${at} ms: too quiet (${level} dBFS)")
    endif()
    math(EXPR p_from "${at} + 100")
    math(EXPR p_to "${at} + 500")
    measure(breathe_audio_cues pitch ${p_from} ${p_to} hz)
    if((kind STREQUAL "in" AND hz LESS 240) OR (kind STREQUAL "out" AND hz GREATER 240))
      message(FATAL_ERROR "cue ${kind} at ${at} ms sounds at ${hz} Hz")
    endif()
    math(EXPR q_from "${at} + 1000")
    math(EXPR q_to "${at} + 4500")
    measure(breathe_audio_cues rms ${q_from} ${q_to} quiet)
    if(quiet GREATER -70)
      message(FATAL_ERROR "after the cue at ${at} ms: not silent (${quiet} dBFS)")
    endif()
    message("cue ${kind}: at ${onset} ms (expected ${at}), ${level} dBFS, ${hz} Hz")
  endforeach()
endforeach()
measure(breathe_audio_cues rms 31000 44000 paused)
if(paused GREATER -70)
  message(FATAL_ERROR "a cue while paused (${paused} dBFS)")
endif()
measure(breathe_audio_cues onset 138600 139600 gong)
if(gong LESS 138995 OR gong GREATER 139040)
  message(FATAL_ERROR "the gong: expected at 139000 ms, heard at ${gong} ms")
endif()
measure(breathe_audio_cues rms 145000 150000 after)
if(after GREATER -80)
  message(FATAL_ERROR "not silent after the end (${after} dBFS)")
endif()
message("paused: ${paused} dBFS; gong at ${gong} ms; after the end: ${after} dBFS")
no_clicks(breathe_audio_cues)

# --- Ocean: fades in, present while running, dimmed while paused, gone after ---
run(breathe_audio_ocean)
measure(breathe_audio_ocean rms 1000 1250 fading_in)
measure(breathe_audio_ocean rms 6000 29000 running)
measure(breathe_audio_ocean rms 31000 44000 paused)
measure(breathe_audio_ocean rms 50000 128000 resumed)
measure(breathe_audio_ocean rms 145000 150000 after)
message("ocean: ${fading_in} dBFS in its first 250 ms, ${running} running, ${paused} paused, "
        "${resumed} resumed, ${after} after the end")
if(running LESS -45 OR resumed LESS -45)
  message(FATAL_ERROR "the ocean bed is missing while breathing")
endif()
math(EXPR faded "${running} - 10")
if(NOT fading_in LESS faded)
  message(FATAL_ERROR "the bed did not fade in (${fading_in} against ${running} dBFS)")
endif()
math(EXPR dimmed "${running} - 6")
if(NOT paused LESS dimmed OR paused LESS -70)
  message(FATAL_ERROR "paused, the bed should dim but stay (${paused} against ${running} dBFS)")
endif()
if(after GREATER -80)
  message(FATAL_ERROR "not silent after the end (${after} dBFS)")
endif()

# --- Brown noise: the same, and not one click from the start to the end ---
run(breathe_audio_brown)
measure(breathe_audio_brown rms 6000 29000 running)
measure(breathe_audio_brown rms 31000 44000 paused)
measure(breathe_audio_brown rms 145000 150000 after)
message("brown: ${running} dBFS running, ${paused} paused, ${after} after the end")
math(EXPR dimmed "${running} - 6")
if(running LESS -45 OR NOT paused LESS dimmed OR after GREATER -80)
  message(FATAL_ERROR "brown noise: ${running} running, ${paused} paused, ${after} after (dBFS)")
endif()
no_clicks(breathe_audio_brown)

# --- the couple's own file: listed, decoded, looped without a jump ---
execute_process(COMMAND ${WAVCHECK} ${WORK}/sounds/tone.wav tone 440 5000 RESULT_VARIABLE s)
if(NOT s EQUAL 0)
  message(FATAL_ERROR "could not write sounds/tone.wav")
endif()
run(breathe_audio_file)
measure(breathe_audio_file rms 6000 29000 running)
measure(breathe_audio_file pitch 15000 23000 hz)
measure(breathe_audio_file rms 145000 150000 after)
message("own file: ${running} dBFS at ${hz} Hz while breathing, ${after} dBFS after the end")
if(running LESS -40 OR hz LESS 430 OR hz GREATER 450)
  message(FATAL_ERROR "the couple's file is not what plays (${running} dBFS, ${hz} Hz)")
endif()
if(after GREATER -80)
  message(FATAL_ERROR "not silent after the end (${after} dBFS)")
endif()
no_clicks(breathe_audio_file)

# --- a long track of their own, Ogg Vorbis at 44.1 kHz: streamed, not decoded whole ---
# 40 s (440 Hz for 20 s, then 660 Hz): more than the 5.5 s read ahead, so what is
# heard at each moment shows the file is read on as it plays, and back from its start.
execute_process(COMMAND ${WAVCHECK} ${WORK}/sounds/tone.wav song 440 660 40 RESULT_VARIABLE s)
file(RENAME ${WORK}/sounds/tone.wav ${WORK}/sounds/song.ogg)
if(NOT s EQUAL 0)
  message(FATAL_ERROR "could not write sounds/song.ogg")
endif()
file(READ ${SRC}/tests/e2e/breathe_audio_file.lull script)
string(REPLACE "tone.wav" "song.ogg" script "${script}")
file(WRITE ${WORK}/breathe_audio_song.lull "${script}")
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy LANG=C.UTF-8 TZ=UTC
          ${LULL} --headless --clock fake --db song.db --config ${SRC}/tests/e2e/couple.conf
          --audio-out breathe_audio_song.wav --script ${WORK}/breathe_audio_song.lull
  WORKING_DIRECTORY ${WORK} RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "lull failed on the song: ${err}")
endif()
# The bed starts with Start, about 1 s in: the file's 20 s mark is heard at 21 s,
# its end at 41 s, and from 50 s on its start again (past the 2 s crossfade).
measure(breathe_audio_song pitch 14000 19000 first)
measure(breathe_audio_song pitch 24000 29000 second)
measure(breathe_audio_song pitch 50000 58000 again)
measure(breathe_audio_song rms 6000 19000 running)
message("a 40 s Ogg track: ${first} Hz, then ${second} Hz, then ${again} Hz again; ${running} dBFS")
if(first LESS 430 OR first GREATER 450 OR second LESS 650 OR second GREATER 670
   OR again LESS 430 OR again GREATER 450 OR running LESS -40)
  message(FATAL_ERROR "the long track is not heard as it is (${first}, ${second}, ${again} Hz)")
endif()
no_clicks(breathe_audio_song)
