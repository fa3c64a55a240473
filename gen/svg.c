#include <string.h>

#include "format.h"
#include "svg.h"
#include "utf8.h"

#define WIDTH		640
#define LABEL_W		240	/* room for the labels, left of the bars */
#define NUMBER_W	56	/* room for the number after the longest bar */
#define ROW_H		26
#define BAR_H		16
#define LABEL_CHARS	34	/* longer labels are cut with an ellipsis */

void
svg_escape(struct buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		default: buf_putc(out, *s); break;
		}
	}
}

/* The label as shown: at most LABEL_CHARS characters. */
static void
short_label(struct buf *out, const char *s)
{
	size_t n = strlen(s), i = 0, chars = 0;

	if (utf8_chars(s, n) <= LABEL_CHARS) {
		svg_escape(out, s);
		return;
	}
	while (i < n && chars < LABEL_CHARS - 1) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	struct buf cut = BUF_INIT;
	buf_append(&cut, s, i);
	buf_puts(&cut, "\xE2\x80\xA6");
	svg_escape(out, buf_str(&cut));
	buf_free(&cut);
}

void
svg_bar_chart(struct buf *out, const char *id, const char *title,
    const char *desc, const char *const labels[], const long long values[],
    size_t n, const struct locale *loc)
{
	long long max = 0;
	int height = (int)n * ROW_H + 8;
	double span = WIDTH - LABEL_W - NUMBER_W;

	for (size_t i = 0; i < n; i++)
		if (values[i] > max)
			max = values[i];
	buf_printf(out, "<div class=\"chart\"><svg xmlns=\"http://www.w3.org/"
	    "2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	    "role=\"img\" aria-labelledby=\"%s-t %s-d\"><title id=\"%s-t\">",
	    WIDTH, height, WIDTH, height, id, id, id);
	svg_escape(out, title);
	buf_printf(out, "</title><desc id=\"%s-d\">", id);
	svg_escape(out, desc);
	buf_puts(out, "</desc>");
	for (size_t i = 0; i < n; i++) {
		int y = (int)i * ROW_H + 4;
		double w = max > 0 ? span * (double)values[i] / (double)max : 0;
		buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
		    LABEL_W - 8, y + BAR_H - 3);
		short_label(out, labels[i]);
		buf_printf(out, "</text><rect class=\"bar\" x=\"%d\" y=\"%d\" "
		    "width=\"%.1f\" height=\"%d\"/><text x=\"%.1f\" y=\"%d\">",
		    LABEL_W, y, w, BAR_H, LABEL_W + w + 6, y + BAR_H - 3);
		format_number(out, loc, values[i]);
		buf_puts(out, "</text>");
	}
	buf_puts(out, "</svg></div>\n");
}

/* The column chart's frame: a column per value, in a plot of PLOT_H with
 * room for the number above each column and the label below. */
#define COL_WIDTH	320
#define COL_PLOT_H	120
#define COL_TOP		22	/* room for the number above the tallest */
#define COL_BOTTOM	22	/* room for the labels */
#define COL_SLOT_MIN	40	/* width of a column and its gap, at least */

void
svg_column_chart(struct buf *out, const char *id, const char *title,
    const char *desc, const char *const labels[], const long long values[],
    size_t n, const struct locale *loc)
{
	long long max = 0;
	int height = COL_TOP + COL_PLOT_H + COL_BOTTOM;
	/* At least COL_SLOT_MIN a column, so that the labels under them (a
	 * year: four digits) never run together: a chart of many years is
	 * wider, and the page scales it to its room. */
	int width = (int)n * COL_SLOT_MIN + 8 > COL_WIDTH ?
	    (int)n * COL_SLOT_MIN + 8 : COL_WIDTH;
	double slot = n > 0 ? (double)(width - 8) / (double)n : 0;
	double bar = slot * 0.6;

	for (size_t i = 0; i < n; i++)
		if (values[i] > max)
			max = values[i];
	buf_printf(out, "<div class=\"chart columns\"><svg xmlns=\"http://"
	    "www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
	    "height=\"%d\" role=\"img\" aria-labelledby=\"%s-t %s-d\">"
	    "<title id=\"%s-t\">", width, height, width, height, id,
	    id, id);
	svg_escape(out, title);
	buf_printf(out, "</title><desc id=\"%s-d\">", id);
	svg_escape(out, desc);
	buf_puts(out, "</desc>");
	for (size_t i = 0; i < n; i++) {
		double h = max > 0 ? COL_PLOT_H * (double)values[i] /
		    (double)max : 0;
		double x = 4 + slot * (double)i, mid = x + slot / 2;
		double top = COL_TOP + COL_PLOT_H - h;
		buf_printf(out, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%.1f\"/><text x=\"%.1f\" "
		    "y=\"%.1f\" text-anchor=\"middle\">", x + (slot - bar) / 2,
		    top, bar, h, mid, top - 5);
		format_number(out, loc, values[i]);
		buf_printf(out, "</text><text x=\"%.1f\" y=\"%d\" "
		    "text-anchor=\"middle\">", mid, height - 6);
		short_label(out, labels[i]);
		buf_puts(out, "</text>");
	}
	buf_puts(out, "</svg></div>\n");
}
