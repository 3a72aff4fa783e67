#pragma once
// LOOPSIM_ASSERT(cond, "why"): a broken internal invariant aborts with file:line and the
// reason. It guards loopsim's own logic, never user input (bad input gets a diagnostic).
// On in every build unless LOOPSIM_NO_ASSERT is defined.
#include <cstdio>
#include <cstdlib>

namespace loopsim::sim {
[[noreturn]] inline void assertion_failed(const char* expr, const char* why, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: loopsim internal error: assertion '%s' failed: %s\n", file, line, expr, why);
    std::fflush(stderr);
    std::abort();
}
} // namespace loopsim::sim

#ifdef LOOPSIM_NO_ASSERT
#define LOOPSIM_ASSERT(cond, why) ((void)0)
#else
#define LOOPSIM_ASSERT(cond, why) \
    ((cond) ? (void)0 : ::loopsim::sim::assertion_failed(#cond, why, __FILE__, __LINE__))
#endif
