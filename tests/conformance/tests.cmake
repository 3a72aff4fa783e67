# The conformance test runs the loopsim binary itself on every recorded program.
if(TARGET test_conformance)
    add_dependencies(test_conformance loopsim)
endif()
