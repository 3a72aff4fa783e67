# The differential corpus (tests/corpus/): small JavaScript programs with the outputs real
# `node` printed for them. When node is installed, this test re-runs every program once and
# fails if node prints an outcome the recording does not list (the recorder never writes in
# --check mode). Included from tests/CMakeLists.txt, so CMAKE_SOURCE_DIR is the repo root.
find_program(NODE_EXECUTABLE node)
if(NODE_EXECUTABLE)
    add_test(NAME "corpus: recordings agree with node"
             COMMAND ${NODE_EXECUTABLE} scripts/record-expected.mjs --check --quiet --runs 1
                     tests/corpus
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties("corpus: recordings agree with node" PROPERTIES
                         TIMEOUT 900 LABELS "corpus;node")
else()
    message(STATUS "node not found: the corpus recordings will not be re-checked")
endif()
