# One viewer smoke run (cmake -P): render a sample, or a scenario simulated in the viewer,
# headless under Xvfb, then check the PNG.
# Inputs: VIEWER, XVFB_RUN, SAMPLE or SCENARIO (a .js path; OUTCOME: explore's output K), STEP, OUT.
file(REMOVE ${OUT})
if(DEFINED SCENARIO)
    set(what ${SCENARIO})
    if(DEFINED OUTCOME)
        list(APPEND what --outcome ${OUTCOME})
    endif()
else()
    set(what --sample ${SAMPLE})
endif()
execute_process(
    COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x800x24"
            ${VIEWER} ${what} --step ${STEP} --frames 3 --size 1280x800
            --screenshot ${OUT} --check-not-blank
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${err}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "loopsim-viewer exited with ${rc}:\n${out}\n${err}")
endif()
if(NOT EXISTS ${OUT})
    message(FATAL_ERROR "no screenshot at ${OUT}")
endif()
# PNG: 8-byte signature, then the IHDR chunk (length, "IHDR", width, height, big-endian).
file(READ ${OUT} head LIMIT 24 HEX)
string(SUBSTRING "${head}" 0 16 signature)
if(NOT signature STREQUAL "89504e470d0a1a0a")
    message(FATAL_ERROR "${OUT} is not a PNG (starts with ${signature})")
endif()
string(SUBSTRING "${head}" 32 8 width_hex)
string(SUBSTRING "${head}" 40 8 height_hex)
math(EXPR width "0x${width_hex}")
math(EXPR height "0x${height_hex}")
if(NOT width EQUAL 1280 OR NOT height EQUAL 800)
    message(FATAL_ERROR "${OUT} is ${width}x${height}, expected 1280x800")
endif()
