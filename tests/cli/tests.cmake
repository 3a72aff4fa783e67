# `loopsim check` over the bundled scenarios, as a CI job runs it: every scenario with a
# recording of real node must print what node printed, except the programs listed in
# tests/conformance/known_failures.txt. The test passes when the closing counts line shows
# no unexpected failure ("N passed, 0 failed, N known"); a crash or a FAIL line fails it.
# Like the conformance test it runs the loopsim binary, so the sanitizer preset (label
# "unit") skips it.
if(TARGET loopsim AND TARGET test_cli)
    add_test(NAME "cli: check scenarios"
             COMMAND $<TARGET_FILE:loopsim> check scenarios
                     --known-failures tests/conformance/known_failures.txt
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties("cli: check scenarios" PROPERTIES
                         PASS_REGULAR_EXPRESSION "\n[0-9]+ passed, 0 failed, [0-9]+ known"
                         TIMEOUT 300 LABELS "conformance;cli")
    add_dependencies(test_cli loopsim)
endif()

# `loopsim conform` over the bundled scenarios when node is installed: real node (3 runs
# each) against loopsim's explore. A node output explore cannot produce fails the test,
# unless the scenario is listed in tests/conformance/explore_known_gaps.txt or, for outputs
# node printed here but never in its recorded runs, conform_known_gaps.txt (docs/explore.md).
# A race (`// @nondeterministic`) showing an order none of its recorded runs shows is a
# warning here, as the recorder's own re-check skips races: a loaded CI machine makes rare
# orders; `loopsim conform` without --warn-on-races reports them as model bugs. Scenarios
# where both print one and the same output also get their callback-type order compared with
# a reference trace of real node (traces/reference/); a divergence fails the test unless the
# scenario is listed in tests/conformance/order_known_gaps.txt.
find_program(LOOPSIM_NODE node)
if(TARGET loopsim AND LOOPSIM_NODE)
    add_test(NAME "cli: conform scenarios with node"
             COMMAND $<TARGET_FILE:loopsim> conform --runs 3 --node ${LOOPSIM_NODE} --warn-on-races
                     --known-gaps tests/conformance/explore_known_gaps.txt
                     --known-gaps tests/conformance/conform_known_gaps.txt
                     --fail-on-order --order-known-gaps tests/conformance/order_known_gaps.txt
                     scenarios
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties("cli: conform scenarios with node" PROPERTIES
                         PASS_REGULAR_EXPRESSION
                         "\n[0-9]+ agree, 0 model bugs[^\n]*; callback order: [0-9]+ agree, 0 differ"
                         TIMEOUT 600 LABELS "conformance;node"
                         RESOURCE_LOCK scenario_fixtures)
endif()
