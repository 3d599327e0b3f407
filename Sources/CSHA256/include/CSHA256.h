#ifndef VAKT_CSHA256_H
#define VAKT_CSHA256_H

#include <stddef.h>
#include <stdint.h>

// SHA-256's compression function on the CPU's SHA instructions (x86-64 SHA
// extensions), for IncidentStore's SHA256Hasher. The portable code stays in
// Swift; this is only the fast path for machines that have the instructions.

// K, the 64 round constants (16-byte aligned), and a pointer to them for the Swift code.
extern const uint32_t vakt_sha256_round_constants[64];
static inline const uint32_t *vakt_sha256_constants(void) { return vakt_sha256_round_constants; }

// 1 when this CPU has the SHA extensions (and SSSE3/SSE4.1 beside them), else 0.
int vakt_sha256_has_instructions(void);

// Folds `blocks` consecutive 64-byte blocks at `data` (any alignment) into
// `state` (H0..H7). Only call it when vakt_sha256_has_instructions() is 1.
void vakt_sha256_blocks(uint32_t state[8], const void *data, size_t blocks);

#endif
