/*
 * frontmatter: the YAML block at the top of a Markdown file.
 *
 *	---
 *	title: Hội thảo quốc tế về sở hữu trí tuệ
 *	date: 2023-09
 *	---
 *	The Markdown body.
 *
 * The opening line must be the file's first ("---", trailing blanks
 * allowed); the block ends at the next line that is "---" or "...". Both LF
 * and CRLF line endings are accepted.
 */
#ifndef COOPGEN_FRONTMATTER_H
#define COOPGEN_FRONTMATTER_H

#include <stddef.h>

enum frontmatter_error {
	FRONTMATTER_OK,
	FRONTMATTER_MISSING,	/* the file does not start with "---" */
	FRONTMATTER_UNCLOSED,	/* no closing "---" */
};

struct frontmatter {
	size_t	 yaml;		/* offset of the YAML (after the opening line) */
	size_t	 yaml_len;
	int	 yaml_line;	/* its first line, 1-based (always 2) */
	size_t	 body;		/* offset of the body (after the closing line) */
	int	 body_line;	/* its first line */
};

enum frontmatter_error frontmatter_split(const char *text, size_t len,
	    struct frontmatter *fm);

#endif
