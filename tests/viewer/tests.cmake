# The viewer's Xvfb smoke test: the headless mode renders a few samples at meaningful steps
# under xvfb-run (Mesa llvmpipe), and smoke.cmake checks each PNG exists, is 1280x800 and is
# not blank (the app's --check-not-blank counts colours and non-background pixels).
if(TARGET loopsim-viewer)
    find_program(XVFB_RUN xvfb-run)
    if(XVFB_RUN)
        foreach(spec "timeout-vs-immediate:26" "readfile-then-immediate:40" "async-await-puzzle:30")
            string(REPLACE ":" ";" parts ${spec})
            list(GET parts 0 sample)
            list(GET parts 1 step)
            add_test(NAME "viewer smoke: ${sample}"
                     COMMAND ${CMAKE_COMMAND} -DVIEWER=$<TARGET_FILE:loopsim-viewer>
                             -DXVFB_RUN=${XVFB_RUN} -DSAMPLE=${sample} -DSTEP=${step}
                             -DOUT=${CMAKE_BINARY_DIR}/viewer-smoke-${sample}.png
                             -P ${CMAKE_CURRENT_LIST_DIR}/smoke.cmake)
            set_tests_properties("viewer smoke: ${sample}" PROPERTIES
                LABELS "viewer" TIMEOUT 120
                # Mesa leaks a few bytes after its driver is unloaded; not ours to fix.
                ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
        endforeach()
        # A scenario simulated in the viewer, opened at the run behind explore's second output
        # (the timer first), with the Outcomes window shown.
        add_test(NAME "viewer smoke: scenario outcome 2"
                 COMMAND ${CMAKE_COMMAND} -DVIEWER=$<TARGET_FILE:loopsim-viewer>
                         -DXVFB_RUN=${XVFB_RUN}
                         -DSCENARIO=${CMAKE_SOURCE_DIR}/scenarios/basics/03_timeout_vs_immediate.js
                         -DOUTCOME=2 -DSTEP=30
                         -DOUT=${CMAKE_BINARY_DIR}/viewer-smoke-outcome.png
                         -P ${CMAKE_CURRENT_LIST_DIR}/smoke.cmake)
        set_tests_properties("viewer smoke: scenario outcome 2" PROPERTIES
            LABELS "viewer" TIMEOUT 120 ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
    else()
        message(STATUS "xvfb-run not found: the viewer smoke test is skipped")
    endif()
endif()
