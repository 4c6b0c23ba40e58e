// The hints are inline in the header; SwiftPM needs a source file to build the target.
#include "memory_hints.h"
