/*
 * coopgen: a year of international-cooperation records into a published
 * yearly report. This file only reads the command line and dispatches;
 * see build.h for the pipeline and coopgen(1) for the manual.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "model.h"	/* YEAR_FIRST */
#include "scaffold.h"
#include "serve.h"

#ifndef COOPGEN_VERSION
#define COOPGEN_VERSION "unknown"
#endif
/* Where make install puts the default templates. */
#ifndef COOPGEN_TEMPLATES
#define COOPGEN_TEMPLATES "/usr/local/share/coopgen/templates"
#endif

#define YEARS_MAX 64

/* A number's macro as a string literal: QUOTE(YEAR_FIRST) is "1900". */
#define QUOTE_(x)	#x
#define QUOTE(x)	QUOTE_(x)

static void
usage(FILE *f)
{
	fputs(
"usage: coopgen build [--content DIR] [--templates DIR] [--out DIR]\n"
"                     [--year YYYY]... [-q] [-j N] [--timings]\n"
"       coopgen check [--content DIR] [--templates DIR] [--year YYYY]...\n"
"                     [-q] [-j N] [--timings]\n"
"       coopgen serve [--content DIR] [--templates DIR] [--year YYYY]...\n"
"                     [--bind ADDR] [--port N] [-q] [-j N]\n"
"       coopgen new site DIR [--lang vi|en]\n"
"       coopgen new activity TITLE [--content DIR] [--year YYYY] [--date D]\n"
"                     [--framework ID] [--kind ID] [--partner ID]...\n"
"       coopgen new agreement TITLE [--content DIR] [--type T] [--status S]\n"
"                     [--date SIGNED] [--framework ID] [--partner ID]...\n"
"       coopgen new project TITLE --funder ID [--content DIR] [--year YYYY]\n"
"                     [--status S] [--date START]\n"
"       coopgen --help | --version\n"
"\n"
"Turn a year of international-cooperation records into a yearly report.\n"
"\n"
"commands:\n"
"  build             check the content, then write every output of each year\n"
"  check             load, validate and compute everything; write nothing\n"
"  serve             a live preview: build into a private folder, serve it\n"
"                    on http://127.0.0.1:8080/, rebuild on every save and\n"
"                    reload the open pages; errors show on top of them\n"
"  new site DIR      a new content folder to start from (DIR new or empty)\n"
"  new activity TITLE  YEAR/activities/SLUG.md, checked as check would;\n"
"                    never over an existing file\n"
"  new agreement TITLE, new project TITLE\n"
"                    a record at the end of agreements.yaml, or of the\n"
"                    year's projects.yaml; the rest of the file kept\n"
"\n"
"options:\n"
"  --content DIR     the content folder (default: content)\n"
"  --templates DIR   the templates folder (default: templates if there is\n"
"                    one here, else the templates installed with coopgen)\n"
"  --out DIR         the output folder (default: out)\n"
"  --year YYYY       build, check, serve: this year and the years after it,\n"
"                    whose pages read it (repeatable; default: every year);\n"
"                    new: the year to write into\n"
"  -q, --quiet       print errors only: no progress, no warnings\n"
"  -j, --jobs N      read files, check and write pages on N threads\n"
"                    (default: one per core)\n"
"  --timings         print what each stage took, and the peak memory\n"
"  --bind ADDR       serve: the address to listen on (default: 127.0.0.1,\n"
"                    this computer only)\n"
"  --port N          serve: the port (default: 8080; 0: any free port)\n"
"  --lang vi|en      new site: the report's language (default: vi)\n"
"  --date D          new activity: its date (default: today in the year)\n"
"  --framework ID, --kind ID, --partner ID\n"
"                    new activity: its ids (default: the first framework\n"
"                    and kind of site.yaml, no partner)\n"
"  --type T, --status S, --funder ID\n"
"                    new agreement (type bilateral or multilateral, status\n"
"                    in-force or proposed), new project (status completed,\n"
"                    ongoing, preparing or proposed; its funder's id)\n"
"  -h, --help        print this help\n"
"  -V, --version     print the version\n"
"\n"
"exit status: 0 ok, 1 problems in the content, 2 wrong usage,\n"
"3 I/O or system failure. See coopgen(1).\n", f);
}

static int
bad_usage(const char *fmt, const char *arg)
{
	fputs("coopgen: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\ntry 'coopgen --help'\n", stderr);
	return EXIT_USAGE;
}

/* An option's value may not be empty: `--out ""` (a variable that was
 * not set) would otherwise mean the current folder, or nothing. */
static int
empty_value(int ch)
{
	static const struct {
		int	 ch;
		const char *option, *expected;
	} values[] = {
		{ 'c', "--content", "the content folder, such as content" },
		{ 't', "--templates", "the templates folder, such as templates" },
		{ 'o', "--out", "the output folder, such as out" },
		{ 'y', "--year", "a year of four digits, such as 2023" },
		{ 'j', "--jobs", "a number of threads from 1 to 64" },
		{ 'B', "--bind", "an IP address, such as 127.0.0.1" },
		{ 'P', "--port", "a port, such as 8080, or 0 for any" },
		{ 'L', "--lang", "vi or en" },
		{ 'D', "--date", "a date, such as 2023-06-15" },
		{ 'F', "--framework", "a framework id of site.yaml" },
		{ 'K', "--kind", "a kind id of site.yaml" },
		{ 'R', "--partner", "a partner id of partners.yaml" },
		{ 'Y', "--type", "bilateral or multilateral" },
		{ 'S', "--status", "a status, such as in-force" },
		{ 'U', "--funder", "a partner id of partners.yaml" },
	};

	for (size_t i = 0; i < sizeof(values) / sizeof(*values); i++)
		if (values[i].ch == ch) {
			fprintf(stderr, "coopgen: %s is empty (expected %s)\n",
			    values[i].option, values[i].expected);
			break;
		}
	fputs("try 'coopgen --help'\n", stderr);
	return EXIT_USAGE;
}

/* The command line, as read. */
struct cmdline {
	struct options o;
	int	 years[YEARS_MAX];
	bool	 out_given;
	/* An option of serve or of new given to another command is a
	 * mistake worth saying, not something to ignore. */
	const char *serve_only, *new_only;
	struct serve_options so;
	struct scaffold sc;
};

/* A field of the record `new` writes, by option. */
static const char **
new_field(struct cmdline *cl, int ch, const char **option)
{
	const struct {
		int	 ch;
		const char *option;
		const char **value;
	} fields[] = {
		{ 'L', "--lang", &cl->sc.lang },
		{ 'D', "--date", &cl->sc.date },
		{ 'F', "--framework", &cl->sc.framework },
		{ 'K', "--kind", &cl->sc.kind },
		{ 'Y', "--type", &cl->sc.type },
		{ 'S', "--status", &cl->sc.status },
		{ 'U', "--funder", &cl->sc.funder },
	};

	for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++)
		if (fields[i].ch == ch) {
			*option = fields[i].option;
			return fields[i].value;
		}
	return NULL;
}

/* One option of the command line into cl; -1 when it is taken, else the
 * exit status of coopgen (--help, --version, a usage error). */
static int
take_option(struct cmdline *cl, int ch, const char *arg)
{
	struct options *o = &cl->o;
	const char **field;

	/* Only blanks is as empty: a folder named " " is a typo. */
	if (arg != NULL && arg[strspn(arg, " \t")] == '\0')
		return empty_value(ch);
	switch (ch) {
	case 'c':
		o->content = arg;
		return -1;
	case 't':
		o->templates = arg;
		return -1;
	case 'o':
		o->out = arg;
		cl->out_given = true;
		return -1;
	case 'B':
		cl->serve_only = "--bind";
		cl->so.bind = arg;
		return -1;
	case 'P':
		cl->serve_only = "--port";
		cl->so.port = arg;
		return -1;
	case 'R':
		cl->new_only = "--partner";
		if (cl->sc.n_partners == SCAFFOLD_PARTNERS_MAX)
			return bad_usage("%s: too many --partner options", arg);
		cl->sc.partners[cl->sc.n_partners++] = arg;
		return -1;
	case 'y':
		if (strlen(arg) != 4 || strspn(arg, "0123456789") != 4)
			return bad_usage("--year '%s': expected a year of four "
			    "digits, such as 2023", arg);
		if (atoi(arg) < YEAR_FIRST)
			return bad_usage("--year '%s': expected a year from "
			    QUOTE(YEAR_FIRST) " on, such as 2023 (the first a "
			    "year folder may be)", arg);
		if (o->n_years == YEARS_MAX)
			return bad_usage("%s: too many --year options", arg);
		cl->years[o->n_years++] = atoi(arg);
		return -1;
	case 'q':
		o->quiet = true;
		return -1;
	case 'T':
		o->timings = true;
		return -1;
	case 'j':
		o->jobs = atoi(arg);
		if (strspn(arg, "0123456789") != strlen(arg) || o->jobs < 1 ||
		    o->jobs > 64)
			return bad_usage("--jobs '%s': expected a number of "
			    "threads from 1 to 64", arg);
		return -1;
	case 'h':
		usage(stdout);
		return EXIT_OK;
	case 'V':
		printf("coopgen %s\n", COOPGEN_VERSION);
		return EXIT_OK;
	}
	if ((field = new_field(cl, ch, &cl->new_only)) != NULL) {
		*field = arg;
		return -1;
	}
	fputs("try 'coopgen --help'\n", stderr);
	return EXIT_USAGE;
}

/* What the command line leaves unsaid: threads, templates, the time
 * outputs are stamped with. -1, or the exit status of a usage error. */
static int
defaults(struct options *o)
{
	/* As many threads as cores for the pages, unless told. The output
	 * is the same whatever the number. */
	if (o->jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		o->jobs = n < 1 ? 1 : n > 64 ? 64 : (int)n;
	}
	/* The templates beside the content when there are some (a checkout,
	 * an office's own), else those installed with the program. */
	if (o->templates == NULL)
		o->templates = access("templates", F_OK) == 0 ? "templates" :
		    COOPGEN_TEMPLATES;
	/* The one time that may enter an output besides the content's dates
	 * (reproducible-builds.org). */
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde != NULL && *sde != '\0') {
		char *end;
		errno = 0;
		long long t = strtoll(sde, &end, 10);
		if (*end != '\0' || errno != 0 || t < 0 || t > 253402300799LL)
			return bad_usage("SOURCE_DATE_EPOCH '%s': expected "
			    "seconds since 1970-01-01, such as 1700000000", sde);
		o->has_epoch = true;
		o->epoch = (time_t)t;
	}
	return -1;
}

/* coopgen new KIND NAME (args: KIND and what follows): the one command
 * with arguments. */
static int
run_new(struct cmdline *cl, int argc, char *argv[])
{
	struct scaffold *sc = &cl->sc;

	sc->content = cl->o.content;
	sc->year = cl->o.n_years > 0 ? cl->years[0] : 0;
	sc->now = cl->o.has_epoch ? cl->o.epoch : time(NULL);
	if (argc == 0)
		return bad_usage("%s", "new: what is needed: new site DIR, or "
		    "new activity, agreement or project TITLE");
	const char *what = argv[0];
	if (argc > 2)
		return bad_usage("unexpected argument '%s' (a title of several "
		    "words goes in quotes)", argv[2]);
	if (argc != 2)
		return bad_usage(strcmp(what, "site") == 0 ?
		    "new %s: the folder is needed (new site DIR)" :
		    "new %s: the title is needed (in quotes: \"TITLE\")", what);
	if (strcmp(what, "site") == 0)
		return scaffold_site(sc, argv[1]);
	if (strcmp(what, "activity") == 0)
		return scaffold_activity(sc, argv[1]);
	if (strcmp(what, "agreement") == 0)
		return scaffold_agreement(sc, argv[1]);
	if (strcmp(what, "project") == 0)
		return scaffold_project(sc, argv[1]);
	return bad_usage("new '%s': expected site, activity, agreement or "
	    "project", what);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "content", required_argument, NULL, 'c' },
		{ "templates", required_argument, NULL, 't' },
		{ "out", required_argument, NULL, 'o' },
		{ "year", required_argument, NULL, 'y' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "timings", no_argument, NULL, 'T' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "bind", required_argument, NULL, 'B' },
		{ "port", required_argument, NULL, 'P' },
		{ "lang", required_argument, NULL, 'L' },
		{ "date", required_argument, NULL, 'D' },
		{ "framework", required_argument, NULL, 'F' },
		{ "kind", required_argument, NULL, 'K' },
		{ "partner", required_argument, NULL, 'R' },
		{ "type", required_argument, NULL, 'Y' },
		{ "status", required_argument, NULL, 'S' },
		{ "funder", required_argument, NULL, 'U' },
		{ NULL, 0, NULL, 0 },
	};
	static struct cmdline cl = {
		.o = { .content = "content", .out = "out" },
	};
	int ch, status;

	/* Options may come before or after the command; the last of an
	 * option given twice counts, as with most commands. */
	while ((ch = getopt_long(argc, argv, "qhVj:", longopts, NULL)) != -1)
		if ((status = take_option(&cl, ch, optarg)) != -1)
			return status;
	cl.o.years = cl.years;
	if ((status = defaults(&cl.o)) != -1)
		return status;
	const char *cmd = optind < argc ? argv[optind] : NULL;
	bool is_new = cmd != NULL && strcmp(cmd, "new") == 0;
	bool is_serve = cmd != NULL && strcmp(cmd, "serve") == 0;
	if (cl.serve_only != NULL && !is_serve && cmd != NULL)
		return bad_usage("%s is an option of serve", cl.serve_only);
	if (cl.new_only != NULL && !is_new && cmd != NULL)
		return bad_usage("%s is an option of new", cl.new_only);
	if (is_new)
		return run_new(&cl, argc - optind - 1, argv + optind + 1);
	if (cmd == NULL)
		return bad_usage("%s", "a command is needed: build, check, "
		    "serve or new");
	if (optind != argc - 1)
		return bad_usage("unexpected argument '%s'", argv[optind + 1]);
	if (strcmp(cmd, "build") == 0)
		return coopgen_build(&cl.o);
	if (strcmp(cmd, "check") == 0)
		return coopgen_check(&cl.o);
	if (strcmp(cmd, "serve") == 0) {
		/* The preview never writes where a build would. */
		if (cl.out_given)
			return bad_usage("%s", "serve builds into a private "
			    "folder of its own: --out is for build");
		return coopgen_serve(&cl.o, &cl.so);
	}
	return bad_usage("unknown command '%s' (expected build, check, serve "
	    "or new)", cmd);
}
