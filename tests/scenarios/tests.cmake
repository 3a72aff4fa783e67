# The scenario corpus (scenarios/): when node is installed, re-run every deterministic
# scenario once and fail if node prints an outcome its recording does not list. Races
# (`// @nondeterministic`) are skipped: they can always show an order their recorded runs
# did not. The recorder never writes in --check mode.
find_program(NODE_EXECUTABLE node)
if(NODE_EXECUTABLE)
    add_test(NAME "scenarios: recordings agree with node"
             COMMAND ${NODE_EXECUTABLE} scripts/record-expected.mjs --check --quiet --runs 1
                     --skip-nondeterministic scenarios
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    # The recorder creates each scenario's `// @file` fixtures next to it and removes them
    # afterwards, as `loopsim conform` does through it: the two never run at once.
    set_tests_properties("scenarios: recordings agree with node" PROPERTIES
                         TIMEOUT 900 LABELS "scenarios;node" RESOURCE_LOCK scenario_fixtures)
endif()
