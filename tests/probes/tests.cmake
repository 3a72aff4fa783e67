# The reference probes (tests/probes/, README.md there): when node is installed, re-run every
# deterministic probe once and fail if node prints an outcome its recording does not list.
# Races (`// @nondeterministic`) are skipped. The recorder never writes in --check mode.
# loopsim itself is compared with the recordings by the conformance test.
find_program(NODE_EXECUTABLE node)
if(NODE_EXECUTABLE)
    add_test(NAME "probes: recordings agree with node"
             COMMAND ${NODE_EXECUTABLE} scripts/record-expected.mjs --check --quiet --runs 1
                     --skip-nondeterministic tests/probes
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties("probes: recordings agree with node" PROPERTIES
                         TIMEOUT 900 LABELS "probes;node")
endif()
