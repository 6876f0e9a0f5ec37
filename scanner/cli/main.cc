// modelprov: finds the third-party AI models a code base depends on.
#include "cli/cli.h"

int main(int argc, char** argv) { return modelprov::cli::Run(argc, argv); }
