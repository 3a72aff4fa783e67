# The conformance test runs the loopsim binary itself on every recorded program. It is not a
# unit test: the sanitizer preset (label "unit") skips it, as it skips the node re-checks.
if(TARGET test_conformance)
    add_dependencies(test_conformance loopsim)
    set_tests_properties("unit: conformance" PROPERTIES LABELS "conformance")
endif()
