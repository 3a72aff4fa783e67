// The doctest runner's main(), alone in its TU: it is the slowest file to compile.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
