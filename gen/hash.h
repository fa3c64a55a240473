/*
 * hash: a 128-bit fingerprint of bytes, to tell whether an input changed.
 *
 * XXH3's 128-bit hash (libxxhash), fed as a stream. Not cryptographic: it
 * guards against accidents (an edited file, a new template), not against
 * someone forging a collision, and anyone who can do that can write the
 * content anyway. The fingerprints never leave the machine that made them.
 */
#ifndef COOPGEN_HASH_H
#define COOPGEN_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* For XXH3_state_t's size, so that a hasher can live on the stack. */
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

struct hash {
	uint64_t a, b;
};

struct hasher {
	XXH3_state_t st;
};

void	 hash_init(struct hasher *h);
void	 hash_update(struct hasher *h, const void *data, size_t len);
/* A string and its terminating NUL, so that "ab","c" and "a","bc" differ. */
void	 hash_string(struct hasher *h, const char *s);
void	 hash_value(struct hasher *h, struct hash v);
struct hash hash_final(const struct hasher *h);

/* The hash of len bytes at data, in one call. */
struct hash hash_bytes(const void *data, size_t len);

/* Add what is left to read from fd to h; false on a read error. */
bool	 hash_fd(struct hasher *h, int fd);

bool	 hash_equal(struct hash x, struct hash y);

/* As 32 lower-case hex digits and a NUL; and back (false unless hex
 * starts with 32 of them, then ends or has a space). */
void	 hash_hex(struct hash v, char out[33]);
bool	 hash_parse(const char *hex, struct hash *v);

#endif
