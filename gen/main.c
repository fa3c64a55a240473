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
"  --year YYYY       only this year (repeatable); default: every year folder\n"
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
	struct options o = { .content = "content", .out = "out" };
	int years[YEARS_MAX];
	int ch;
	bool out_given = false;
	/* An option of serve or of new given to another command is a
	 * mistake worth saying, not something to ignore. */
	const char *serve_only = NULL, *new_only = NULL;
	struct serve_options so = { NULL, NULL };
	struct scaffold sc;

	memset(&sc, 0, sizeof(sc));
	const struct {
		int	 ch;
		const char *option;
		const char **value;
	} new_fields[] = {
		{ 'L', "--lang", &sc.lang },
		{ 'D', "--date", &sc.date },
		{ 'F', "--framework", &sc.framework },
		{ 'K', "--kind", &sc.kind },
		{ 'Y', "--type", &sc.type },
		{ 'S', "--status", &sc.status },
		{ 'U', "--funder", &sc.funder },
	};

	/* Options may come before or after the command; the last of an
	 * option given twice counts, as with most commands. */
	while ((ch = getopt_long(argc, argv, "qhVj:", longopts, NULL)) != -1) {
		/* Only blanks is as empty: a folder named " " is a typo. */
		if (optarg != NULL && optarg[strspn(optarg, " \t")] == '\0')
			return empty_value(ch);
		switch (ch) {
		case 'c':
			o.content = optarg;
			break;
		case 't':
			o.templates = optarg;
			break;
		case 'o':
			o.out = optarg;
			out_given = true;
			break;
		case 'B':
			serve_only = "--bind";
			so.bind = optarg;
			break;
		case 'P':
			serve_only = "--port";
			so.port = optarg;
			break;
		case 'L': case 'D': case 'F': case 'K': case 'Y': case 'S':
		case 'U':
			/* A field of the record `new` writes. */
			for (size_t i = 0; i < sizeof(new_fields) /
			    sizeof(*new_fields); i++)
				if (new_fields[i].ch == ch) {
					new_only = new_fields[i].option;
					*new_fields[i].value = optarg;
				}
			break;
		case 'R':
			new_only = "--partner";
			if (sc.n_partners == SCAFFOLD_PARTNERS_MAX)
				return bad_usage("%s: too many --partner "
				    "options", optarg);
			sc.partners[sc.n_partners++] = optarg;
			break;
		case 'y':
			if (strlen(optarg) != 4 ||
			    strspn(optarg, "0123456789") != 4 || optarg[0] == '0')
				return bad_usage("--year '%s': expected a year "
				    "of four digits, such as 2023", optarg);
			if (o.n_years == YEARS_MAX)
				return bad_usage("%s: too many --year options",
				    optarg);
			years[o.n_years++] = atoi(optarg);
			break;
		case 'q':
			o.quiet = true;
			break;
		case 'T':
			o.timings = true;
			break;
		case 'j':
			o.jobs = atoi(optarg);
			if (strspn(optarg, "0123456789") != strlen(optarg) ||
			    o.jobs < 1 || o.jobs > 64)
				return bad_usage("--jobs '%s': expected a number "
				    "of threads from 1 to 64", optarg);
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("coopgen %s\n", COOPGEN_VERSION);
			return EXIT_OK;
		default:
			fputs("try 'coopgen --help'\n", stderr);
			return EXIT_USAGE;
		}
	}
	o.years = years;
	/* As many threads as cores for the pages, unless told. The output
	 * is the same whatever the number. */
	if (o.jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		o.jobs = n < 1 ? 1 : n > 64 ? 64 : (int)n;
	}
	/* The templates beside the content when there are some (a checkout,
	 * an office's own), else those installed with the program. */
	if (o.templates == NULL)
		o.templates = access("templates", F_OK) == 0 ? "templates" :
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
		o.has_epoch = true;
		o.epoch = (time_t)t;
	}
	bool is_new = optind < argc && strcmp(argv[optind], "new") == 0;
	bool is_serve = optind < argc && strcmp(argv[optind], "serve") == 0;
	if (serve_only != NULL && !is_serve && optind < argc)
		return bad_usage("%s is an option of serve", serve_only);
	if (new_only != NULL && !is_new && optind < argc)
		return bad_usage("%s is an option of new", new_only);
	/* coopgen new KIND NAME: the one command with arguments. */
	if (is_new) {
		sc.content = o.content;
		sc.year = o.n_years > 0 ? years[0] : 0;
		sc.now = o.has_epoch ? o.epoch : time(NULL);
		if (optind + 1 == argc)
			return bad_usage("%s", "new: what is needed: new site "
			    "DIR, or new activity, agreement or project TITLE");
		const char *what = argv[optind + 1];
		if (optind + 3 < argc)
			return bad_usage("unexpected argument '%s' (a title "
			    "of several words goes in quotes)",
			    argv[optind + 3]);
		if (optind + 3 != argc)
			return bad_usage(strcmp(what, "site") == 0 ?
			    "new %s: the folder is needed (new site DIR)" :
			    "new %s: the title is needed (in quotes: \"TITLE\")",
			    what);
		if (strcmp(what, "site") == 0)
			return scaffold_site(&sc, argv[optind + 2]);
		if (strcmp(what, "activity") == 0)
			return scaffold_activity(&sc, argv[optind + 2]);
		if (strcmp(what, "agreement") == 0)
			return scaffold_agreement(&sc, argv[optind + 2]);
		if (strcmp(what, "project") == 0)
			return scaffold_project(&sc, argv[optind + 2]);
		return bad_usage("new '%s': expected site, activity, agreement "
		    "or project", what);
	}
	if (optind != argc - 1) {
		if (optind == argc)
			return bad_usage("%s", "a command is needed: build, "
			    "check, serve or new");
		return bad_usage("unexpected argument '%s'", argv[optind + 1]);
	}
	if (strcmp(argv[optind], "build") == 0)
		return coopgen_build(&o);
	if (strcmp(argv[optind], "check") == 0)
		return coopgen_check(&o);
	if (strcmp(argv[optind], "serve") == 0) {
		/* The preview never writes where a build would. */
		if (out_given)
			return bad_usage("%s", "serve builds into a private "
			    "folder of its own: --out is for build");
		return coopgen_serve(&o, &so);
	}
	return bad_usage("unknown command '%s' (expected build, check, serve "
	    "or new)", argv[optind]);
}
