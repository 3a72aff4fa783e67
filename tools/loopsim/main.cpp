// The `loopsim` command: a thin main() over tools/cli, where all the logic lives.
#include "tools/cli/cli.h"

#include <iostream>

int main(int argc, char** argv) {
    return loopsim::cli::run(argc, argv, std::cout, std::cerr);
}
