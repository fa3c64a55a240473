#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "hash.h"

static const uint64_t C1 = 0x87c37b91114253d5u, C2 = 0x4cf5ad432745937fu;

static uint64_t
rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static uint64_t
fmix(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdu;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53u;
	k ^= k >> 33;
	return k;
}

static void
block(struct hasher *h, const unsigned char *p)
{
	uint64_t k1, k2;

	memcpy(&k1, p, 8);
	memcpy(&k2, p + 8, 8);
	k1 *= C1;
	k1 = rotl(k1, 31);
	k1 *= C2;
	h->h1 ^= k1;
	h->h1 = rotl(h->h1, 27);
	h->h1 += h->h2;
	h->h1 = h->h1 * 5 + 0x52dce729;
	k2 *= C2;
	k2 = rotl(k2, 33);
	k2 *= C1;
	h->h2 ^= k2;
	h->h2 = rotl(h->h2, 31);
	h->h2 += h->h1;
	h->h2 = h->h2 * 5 + 0x38495ab5;
}

void
hash_init(struct hasher *h)
{
	memset(h, 0, sizeof(*h));
}

void
hash_update(struct hasher *h, const void *data, size_t len)
{
	const unsigned char *p = data;

	h->len += len;
	if (h->ntail > 0) {
		size_t take = 16 - h->ntail < len ? 16 - h->ntail : len;
		memcpy(h->tail + h->ntail, p, take);
		h->ntail += take;
		p += take;
		len -= take;
		if (h->ntail < 16)
			return;
		block(h, h->tail);
		h->ntail = 0;
	}
	for (; len >= 16; p += 16, len -= 16)
		block(h, p);
	memcpy(h->tail, p, len);
	h->ntail = len;
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
	struct hasher c = *h;
	unsigned char last[16] = { 0 };

	/* The tail is padded with zeros; the length, mixed in below, keeps
	 * "a" apart from "a\0". */
	memcpy(last, c.tail, c.ntail);
	if (c.ntail > 0)
		block(&c, last);
	c.h1 ^= c.len;
	c.h2 ^= c.len;
	c.h1 += c.h2;
	c.h2 += c.h1;
	c.h1 = fmix(c.h1);
	c.h2 = fmix(c.h2);
	c.h1 += c.h2;
	c.h2 += c.h1;
	return (struct hash){ c.h1, c.h2 };
}

struct hash
hash_bytes(const void *data, size_t len)
{
	struct hasher h;

	hash_init(&h);
	hash_update(&h, data, len);
	return hash_final(&h);
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
