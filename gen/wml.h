/*
 * wml: WordprocessingML for report.docx (docx.h), made by coopgen itself.
 *
 * Every text of the content reaches the XML through wml_text, the one
 * place that escapes (&, <, >, quotes) and drops what XML 1.0 forbids
 * (C0 controls but tab and newline, U+FFFE, U+FFFF): a title such as
 * "{ INCLUDEPICTURE "http://x" }" stays plain text in a w:t and never
 * becomes a field. No field, relationship or object comes from content
 * but hyperlinks to http, https, mailto and tel addresses.
 *
 * wml_markdown renders a Markdown text the way cmark's html.c renders
 * HTML, by walking cmark's tree: headings get Word's heading styles (and
 * bookmarks, for the table of contents), paragraphs the body style,
 * lists Word numbering, block quotes and code their styles; raw HTML is
 * left out as on the site.
 */
#ifndef COOPGEN_WML_H
#define COOPGEN_WML_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "markdown.h"

/* A relationship of document.xml: a hyperlink or an image. */
struct wml_rel {
	char	*id;		/* "rId12" */
	const char *type;	/* "hyperlink" or "image" */
	char	*target;
	bool	 external;
};

/* A heading, for the table of contents. */
struct wml_heading {
	int	 level;		/* 1 to 6 */
	char	*text;
	char	*bookmark;
};

/* A numbering instance: one per list, so that each ordered list counts
 * from its own start. */
struct wml_num {
	int	 id;
	bool	 ordered;
	int	 start;
	int	 level;	/* the list's level (0 to 8), where it starts */
};

/* An image to store under word/media/. */
struct wml_media {
	char	*name;		/* "image1.png" */
	char	*data;
	size_t	 len;
};

struct wml {
	struct buf *out;	/* where XML is appended */
	struct wml_rel *rels;
	size_t	 n_rels, cap_rels;
	int	 next_rid;	/* the first free rIdN */
	struct wml_heading *headings;
	size_t	 n_headings, cap_headings;
	int	 next_bookmark;
	struct wml_num *nums;
	size_t	 n_nums, cap_nums;
	struct wml_media *media;
	size_t	 n_media, cap_media;
	int	 next_docpr;	/* drawing ids */
	const char *lang;	/* "vi-VN" */
	long	 text_width;	/* twips between the margins */
};

/* Start, with relationship ids from first_rid on (the lower ones are the
 * package's own parts). */
void	 wml_init(struct wml *w, struct buf *out, int first_rid);
void	 wml_free(struct wml *w);

/* Append s (n bytes of UTF-8) escaped for element text or an attribute
 * value in double quotes. */
void	 wml_escape(struct buf *b, const char *s, size_t n);

/* A run of plain text with run properties rpr (XML made by coopgen, or
 * NULL); newlines become line breaks. */
void	 wml_run(struct wml *w, const char *rpr, const char *text);

/* A paragraph of plain text in style (a style id of styles.xml) with
 * extra paragraph properties ppr and run properties rpr (NULL: none). */
void	 wml_para(struct wml *w, const char *style, const char *ppr,
	    const char *rpr, const char *text);

/* A heading paragraph of Word's style for level (1 to 6), bookmarked
 * and listed for the table of contents; style NULL: "HeadingN". */
void	 wml_heading(struct wml *w, int level, const char *style,
	    const char *text);

/* A relationship, returning its id. */
const char *wml_rel(struct wml *w, const char *type, const char *target,
	    bool external);

/*
 * Render md (placeholders expanded through ctx as on the site) with its
 * highest headings at level heading_base. The text was checked by the
 * build; links it names to files of the year stay text, and images in
 * media/ that are PNG or JPEG are embedded (others become their text).
 * False when the text could not be expanded (reported through ctx).
 */
bool	 wml_markdown(struct wml *w, const struct md_context *ctx,
	    const struct markdown *md, int heading_base);

#endif
