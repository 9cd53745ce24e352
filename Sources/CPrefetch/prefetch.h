#ifndef LIKMC_PREFETCH_H
#define LIKMC_PREFETCH_H

/* Cache prefetch hints, which Swift does not expose. `static inline`, so the Swift compiler
   inlines them: each becomes one prefetch instruction (prefetcht0 on x86-64). A hint never
   faults and never changes a result; it only lets a cache miss start early. */

static inline void likmc_prefetch_read(const void *address) { __builtin_prefetch(address, 0, 3); }

static inline void likmc_prefetch_write(const void *address) { __builtin_prefetch(address, 1, 3); }

#endif
