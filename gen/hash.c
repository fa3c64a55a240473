#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "hash.h"

void
hash_init(struct hasher *h)
{
	/* Only fails on a NULL state. */
	(void)XXH3_128bits_reset(&h->st);
}

void
hash_update(struct hasher *h, const void *data, size_t len)
{
	if (len > 0)
		(void)XXH3_128bits_update(&h->st, data, len);
}

void
hash_string(struct hasher *h, const char *s)
{
	hash_update(h, s, strlen(s) + 1);
}

void
hash_value(struct hasher *h, struct hash v)
{
	hash_update(h, &v.a, sizeof(v.a));
	hash_update(h, &v.b, sizeof(v.b));
}

struct hash
hash_final(const struct hasher *h)
{
	/* The state is left as it is: hashing may go on after. */
	XXH128_hash_t v = XXH3_128bits_digest(&h->st);

	return (struct hash){ v.high64, v.low64 };
}

struct hash
hash_bytes(const void *data, size_t len)
{
	XXH128_hash_t v = XXH3_128bits(data, len);

	return (struct hash){ v.high64, v.low64 };
}

bool
hash_fd(struct hasher *h, int fd)
{
	char chunk[16384];
	ssize_t n;

	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return false;
		hash_update(h, chunk, (size_t)n);
	}
	return true;
}

bool
hash_equal(struct hash x, struct hash y)
{
	return x.a == y.a && x.b == y.b;
}

void
hash_hex(struct hash v, char out[33])
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < 16; i++) {
		out[i] = digits[(v.a >> (60 - 4 * i)) & 0xf];
		out[16 + i] = digits[(v.b >> (60 - 4 * i)) & 0xf];
	}
	out[32] = '\0';
}

bool
hash_parse(const char *hex, struct hash *v)
{
	uint64_t w[2] = { 0, 0 };

	for (int i = 0; i < 32; i++) {
		char c = hex[i];
		unsigned d;
		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else
			return false;
		w[i / 16] = (w[i / 16] << 4) | d;
	}
	if (hex[32] != '\0' && hex[32] != ' ')
		return false;
	v->a = w[0];
	v->b = w[1];
	return true;
}
