// CGSL — the GNU Scientific Library's random numbers and distribution functions for Swift.
//
// Swift 6 strict concurrency rejects GSL's exported generator-type pointers
// (gsl_rng_mt19937, …) because they are global mutable variables. These helpers
// reach the same, immutable, type descriptors through gsl_rng_types_setup().
#ifndef LITHIUMKMC_CGSL_SHIM_H
#define LITHIUMKMC_CGSL_SHIM_H

#include <stdint.h>
#include <string.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_version.h>

/// The generator type called `name`, or NULL when GSL has no such generator.
static inline const gsl_rng_type *cgsl_rng_type_named(const char *name) {
    const gsl_rng_type **types = gsl_rng_types_setup();
    for (const gsl_rng_type **t = types; *t != NULL; ++t) {
        if (strcmp((*t)->name, name) == 0) { return *t; }
    }
    return NULL;
}

/// Number of generator types GSL knows.
static inline int cgsl_rng_type_count(void) {
    const gsl_rng_type **types = gsl_rng_types_setup();
    int n = 0;
    while (types[n] != NULL) { ++n; }
    return n;
}

/// The name of generator type number `index` (0 ≤ index < cgsl_rng_type_count()).
static inline const char *cgsl_rng_type_name(int index) {
    return gsl_rng_types_setup()[index]->name;
}

/// Fills out[0..<n] with raw outputs of `r`, as n calls of gsl_rng_get would give them, but
/// with one indirect call per draw and no per-draw crossing into Swift. Only for generators whose
/// outputs fit in 32 bits (the caller checks gsl_rng_max).
static inline void cgsl_fill_raw32(const gsl_rng *r, uint32_t *out, size_t n) {
    unsigned long (*const get)(void *) = r->type->get;
    void *const state = r->state;
    for (size_t i = 0; i < n; ++i) { out[i] = (uint32_t)get(state); }
}

/// GSL's Mersenne Twister state: mt19937, mt19937_1998 and mt19937_1999 (which differ only in
/// seeding) keep `struct { unsigned long mt[624]; int mti; }` (gsl/rng/mt.c).
typedef struct { unsigned long mt[624]; int mti; } cgsl_mt_state;

/// Whether `r` is one of GSL's Mersenne Twisters with the state layout above: its draw function is
/// mt19937's and its state has that size. Only then may TwisterBlocks (GSLRandom) touch the state.
static inline int cgsl_has_mt_layout(const gsl_rng *r) {
    const gsl_rng_type *twister = cgsl_rng_type_named("mt19937");
    return twister != NULL && r->type->get == twister->get && r->type->size == sizeof(cgsl_mt_state);
}

/// The 624 state words of a Mersenne Twister `r` (cgsl_has_mt_layout(r) must hold).
static inline unsigned long *cgsl_mt_words(const gsl_rng *r) { return ((cgsl_mt_state *)r->state)->mt; }

/// The index of the next state word to temper (624: regenerate first).
static inline int *cgsl_mt_index(const gsl_rng *r) { return &((cgsl_mt_state *)r->state)->mti; }

/// Turns GSL's abort-on-error handler off, so errors come back as status codes.
static inline void cgsl_disable_abort(void) {
    gsl_set_error_handler_off();
}

/// The GSL version string, e.g. "2.7.1".
static inline const char *cgsl_version(void) {
    return GSL_VERSION;
}

#endif
