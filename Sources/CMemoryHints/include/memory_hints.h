#ifndef LANES_MEMORY_HINTS_H
#define LANES_MEMORY_HINTS_H

/// Asks the processor to start loading the cache line at `address` for a read soon. Swift has
/// no prefetch of its own; a pass over the `/` filter's search text (120-140 MB at a million
/// issues) waits on memory, and loading a kilobyte ahead of it cut the pass by 10-18 %.
static inline void lanes_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
