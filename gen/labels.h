/*
 * labels: the words coopgen itself writes, in the site's language.
 *
 * They come from templates/labels.<lang>.yaml (vi or en), a flat list of
 * 'key: text', so that an office can change a heading without recompiling
 * (--templates). Every key below is required and no other is allowed, so
 * that a misspelt key is reported rather than silently unused. A text may
 * hold {year} and {organisation}, filled in by label_expand.
 */
#ifndef COOPGEN_LABELS_H
#define COOPGEN_LABELS_H

#include <stdbool.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "model.h"

#define LABEL_KEYS(X) \
	X(SHEET_SUMMARY, "sheet_summary") \
	X(SHEET_ACTIVITIES, "sheet_activities") \
	X(SHEET_FRAMEWORK_KIND, "sheet_framework_kind") \
	X(SHEET_PARTNERS, "sheet_partners") \
	X(SHEET_AGREEMENTS, "sheet_agreements") \
	X(SHEET_PROJECTS, "sheet_projects") \
	X(TABLE, "table") \
	X(TITLE_SUMMARY, "title_summary") \
	X(TITLE_ACTIVITIES, "title_activities") \
	X(TITLE_FRAMEWORK_KIND, "title_framework_kind") \
	X(TITLE_PARTNERS, "title_partners") \
	X(TITLE_AGREEMENTS_IN_FORCE, "title_agreements_in_force") \
	X(TITLE_AGREEMENTS_SIGNED, "title_agreements_signed") \
	X(TITLE_AGREEMENTS_PROPOSED, "title_agreements_proposed") \
	X(TITLE_AGREEMENTS_EXPIRING, "title_agreements_expiring") \
	X(TITLE_AGREEMENTS_ENDED, "title_agreements_ended") \
	X(TITLE_PROJECTS_BY_FUNDER, "title_projects_by_funder") \
	X(TITLE_PROJECTS, "title_projects") \
	X(COL_NO, "col_no") \
	X(COL_FIGURE, "col_figure") \
	X(COL_YEAR, "col_year") \
	X(COL_CHANGE, "col_change") \
	X(COL_PATH, "col_path") \
	X(COL_DATE, "col_date") \
	X(COL_TITLE, "col_title") \
	X(COL_FRAMEWORK, "col_framework") \
	X(COL_KIND, "col_kind") \
	X(COL_PARTNERS, "col_partners") \
	X(COL_COUNT, "col_count") \
	X(COL_PLACE, "col_place") \
	X(COL_PARTNER, "col_partner") \
	X(COL_SHORT, "col_short") \
	X(COL_COUNTRY, "col_country") \
	X(COL_ACTIVITIES, "col_activities") \
	X(COL_AGREEMENTS_IN_FORCE, "col_agreements_in_force") \
	X(COL_PROJECTS, "col_projects") \
	X(COL_TYPE, "col_type") \
	X(COL_SIGNED, "col_signed") \
	X(COL_ENDS, "col_ends") \
	X(COL_MONTHS_LEFT, "col_months_left") \
	X(COL_FUNDER, "col_funder") \
	X(COL_STATUS, "col_status") \
	X(COL_START, "col_start") \
	X(COL_END, "col_end") \
	X(COL_BUDGET, "col_budget") \
	X(COL_CURRENCY, "col_currency") \
	X(COL_TOTAL, "col_total") \
	X(ROW_TOTAL, "row_total") \
	X(NONE, "none") \
	X(FIG_ACTIVITIES, "fig_activities") \
	X(FIG_AGREEMENTS_IN_FORCE, "fig_agreements_in_force") \
	X(FIG_BILATERAL, "fig_bilateral") \
	X(FIG_MULTILATERAL, "fig_multilateral") \
	X(FIG_SIGNED, "fig_signed") \
	X(FIG_PROPOSED, "fig_proposed") \
	X(FIG_PROJECTS, "fig_projects") \
	X(TYPE_BILATERAL, "type_bilateral") \
	X(TYPE_MULTILATERAL, "type_multilateral") \
	X(STATUS_COMPLETED, "status_completed") \
	X(STATUS_ONGOING, "status_ongoing") \
	X(STATUS_PREPARING, "status_preparing") \
	X(STATUS_PROPOSED, "status_proposed") \
	X(CHART_BY_FRAMEWORK, "chart_by_framework") \
	X(CHART_BY_KIND, "chart_by_kind") \
	X(CHART_PROJECTS_BY_STATUS, "chart_projects_by_status") \
	X(SOURCE_LINE, "source_line") \
	X(PAGE_FOOTER, "page_footer") \
	X(WORKBOOK_TITLE, "workbook_title") \
	X(WORKBOOK_SUBJECT, "workbook_subject") \
	X(EXCEL_DATE_FORMAT, "excel_date_format") \
	X(HTML_SKIP, "html_skip") \
	X(HTML_NAV, "html_nav") \
	X(HTML_CRUMBS, "html_crumbs") \
	X(HTML_FOOTER, "html_footer") \
	X(HTML_FOOTER_SITE, "html_footer_site") \
	X(NAV_YEARS, "nav_years") \
	X(NAV_REPORT, "nav_report") \
	X(NAV_STATISTICS, "nav_statistics") \
	X(NAV_ACTIVITIES, "nav_activities") \
	X(NAV_PARTNERS, "nav_partners") \
	X(NAV_AGREEMENTS, "nav_agreements") \
	X(NAV_PROJECTS, "nav_projects") \
	X(NAV_ARTICLE, "nav_article") \
	X(REPORT_OF_YEAR, "report_of_year") \
	X(YEARS_TITLE, "years_title") \
	X(KEY_FIGURES, "key_figures") \
	X(CONTENTS, "contents") \
	X(MORE_STATISTICS, "more_statistics") \
	X(PUBLISHED, "published") \
	X(STATISTICS_TITLE, "statistics_title") \
	X(DOWNLOAD_WORKBOOK, "download_workbook") \
	X(DOWNLOAD_FIGURES, "download_figures") \
	X(BY_FRAMEWORK, "by_framework") \
	X(BY_MONTH, "by_month") \
	X(TITLE_BY_FRAMEWORK, "title_by_framework") \
	X(TITLE_BY_KIND, "title_by_kind") \
	X(TITLE_BY_MONTH, "title_by_month") \
	X(TITLE_BY_PARTNER, "title_by_partner") \
	X(TITLE_AGREEMENTS_BY_TYPE, "title_agreements_by_type") \
	X(TITLE_AGREEMENTS_BY_PARTNER, "title_agreements_by_partner") \
	X(MONTH_UNKNOWN, "month_unknown") \
	X(NUMBER_GROUP, "number_group") \
	X(DATE_DAY, "date_day") \
	X(DATE_MONTH, "date_month") \
	X(DATE_YEAR, "date_year") \
	X(MONTH_1, "month_1") \
	X(MONTH_2, "month_2") \
	X(MONTH_3, "month_3") \
	X(MONTH_4, "month_4") \
	X(MONTH_5, "month_5") \
	X(MONTH_6, "month_6") \
	X(MONTH_7, "month_7") \
	X(MONTH_8, "month_8") \
	X(MONTH_9, "month_9") \
	X(MONTH_10, "month_10") \
	X(MONTH_11, "month_11") \
	X(MONTH_12, "month_12") \
	X(CHART_DESC, "chart_desc") \
	X(OG_LOCALE, "og_locale") \
	X(BACK_TO_TOP, "back_to_top") \
	X(SOURCE_LABEL, "source_label") \
	X(DOCX_NATIONAL_TITLE, "docx_national_title") \
	X(DOCX_MOTTO, "docx_motto") \
	X(DOCX_NUMBER, "docx_number") \
	X(DOCX_TYPE, "docx_type") \
	X(DOCX_DATE_LINE, "docx_date_line") \
	X(DOCX_REPORT, "docx_report") \
	X(DOCX_TO, "docx_to") \
	X(DOCX_RECIPIENTS, "docx_recipients") \
	X(DOCX_APPENDIX, "docx_appendix") \
	X(DOCX_APPENDIX_TITLE, "docx_appendix_title") \
	X(DOCX_AUTHORS, "docx_authors") \
	X(DOCX_END, "docx_end") \
	X(DOWNLOAD_REPORT, "download_report") \
	/* the years side by side: the home page, {{trend}} */ \
	X(YEARS_FIGURES, "years_figures") \
	X(COL_YEARS, "col_years") \
	X(ACROSS_YEARS, "across_years") \
	X(CHART_COLUMNS_DESC, "chart_columns_desc") \
	X(FIG_RECORDS, "fig_records") \
	X(FIG_EXPIRING, "fig_expiring") \
	X(FIG_ENDED, "fig_ended") \
	/* years.xlsx */ \
	X(YEARS_SHEET_HEADLINES, "years_sheet_headlines") \
	X(YEARS_SHEET_BY_FRAMEWORK, "years_sheet_by_framework") \
	X(YEARS_SHEET_BY_KIND, "years_sheet_by_kind") \
	X(YEARS_SHEET_BY_PARTNER, "years_sheet_by_partner") \
	X(YEARS_SHEET_AGREEMENTS, "years_sheet_agreements") \
	X(YEARS_TITLE_HEADLINES, "years_title_headlines") \
	X(YEARS_TITLE_BY_FRAMEWORK, "years_title_by_framework") \
	X(YEARS_TITLE_BY_KIND, "years_title_by_kind") \
	X(YEARS_TITLE_BY_PARTNER, "years_title_by_partner") \
	X(YEARS_TITLE_AGREEMENTS, "years_title_agreements") \
	X(YEARS_COL_CHANGE, "years_col_change") \
	X(YEARS_SOURCE_LINE, "years_source_line") \
	X(YEARS_WORKBOOK_TITLE, "years_workbook_title") \
	X(YEARS_WORKBOOK_SUBJECT, "years_workbook_subject") \
	/* dossiers: out/partners/, each partner across the years */ \
	X(DOSSIERS_TITLE, "dossiers_title") \
	X(DOSSIERS_LEAD, "dossiers_lead") \
	X(DOSSIERS_CAPTION, "dossiers_caption") \
	X(DOSSIER_LINK, "dossier_link") \
	X(DOSSIER_YEARS, "dossier_years") \
	X(DOSSIER_AS_OF, "dossier_as_of") \
	X(DOSSIER_AGREEMENTS, "dossier_agreements") \
	X(DOSSIER_ACTIVITIES, "dossier_activities") \
	X(DOSSIER_PROJECTS, "dossier_projects") \
	X(DOSSIER_CHART, "dossier_chart") \
	X(DOSSIER_COL_YEAR, "dossier_col_year") \
	X(DOSSIER_COL_STATUS, "dossier_col_status") \
	X(DOSSIER_COL_AGREEMENTS, "dossier_col_agreements") \
	X(DOSSIER_COL_SUMMARY, "dossier_col_summary") \
	X(DOSSIER_IN_FORCE, "dossier_in_force") \
	X(DOSSIER_ENDED, "dossier_ended") \
	X(DOSSIER_NOT_YET, "dossier_not_yet") \
	X(DOSSIER_PROPOSED, "dossier_proposed")

enum label {
#define LABEL_ENUM(id, key) LABEL_##id,
	LABEL_KEYS(LABEL_ENUM)
#undef LABEL_ENUM
	LABEL_COUNT
};

struct labels {
	const char *text[LABEL_COUNT];
	struct arena arena;
};

/* Read labels.<lang>.yaml of the templates folder dir; false (and
 * reported) when it is missing, unreadable, or lacks or misspells a key. */
bool	 labels_load(struct labels *l, const char *dir, enum lang lang,
	    struct diag *d);
void	 labels_free(struct labels *l);

static inline const char *
label(const struct labels *l, enum label id)
{
	return l->text[id];
}

/* Append label id with {year} and {organisation} filled in. */
void	 label_expand(struct buf *b, const struct labels *l, enum label id,
	    int year, const char *organisation);

/* The same for what spans the years from first to last (years.xlsx):
 * also {years}, "2021–2023" (en dash), or "2023" when first is last;
 * {year} is last. */
void	 label_expand_years(struct buf *b, const struct labels *l,
	    enum label id, int first, int last, const char *organisation);

/* The label of a project status or an agreement type. */
enum label label_project_status(enum project_status s);
enum label label_agreement_type(enum agreement_type t);

#endif
