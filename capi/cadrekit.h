/*
 * cadrekit.h — the stable C ABI of cadrekit (libcadrekit_c.so).
 *
 * Conventions (they hold for every function below):
 *  - Names are ck_<module>_<verb>. Functions that can fail return an int status: CK_OK (0) or
 *    one of the CK_E_* codes below, whose values are stable. Outputs come first, named `out`.
 *    On failure the outputs are left unchanged and ck_last_error_message() says why.
 *  - Opaque handles are created by ck_<thing>_<ctor>() and released by ck_<thing>_free();
 *    freeing NULL is a no-op. Handles are immutable: one handle may be used by many threads.
 *  - Strings passed in are UTF-8 and NUL-terminated. Strings returned through `char **out`
 *    belong to the caller and must be released with ck_free().
 *  - Dates are ck_date: days since 1970-01-01 (Arrow's date32). Money is int64 fen.
 *  - No C++ exception crosses this boundary; NULL arguments return CK_E_INVALID_ARGUMENT.
 *
 * Batch calls (work over many rows; one convention for every module):
 *  - Named ck_<module>_<verb>_columns, of the form
 *        int ck_X_columns(ck_X_out *out, <handles: policy, cal>, const ck_X_in *in);
 *    Everything but the handles travels in two structs: ck_X_in (scalars such as as_of or year,
 *    the row counts, and one const pointer per input column) and ck_X_out (one pointer per
 *    output column). Columns are struct of arrays: element i of every column of a table is row
 *    i. The comment of each member gives its element type and its length in brackets ("[n]",
 *    "[n_teams]"), always a count member of the in struct; there is no other length.
 *  - Versioned structs. The first member of every ck_*_in and ck_*_out struct is
 *    `size_t struct_size`, which the caller sets to sizeof the struct as its header declares
 *    it (C99: `ck_audit_tier_in in = {.struct_size = sizeof in};`, which also zeroes the other
 *    members). New members are only ever added at the end, so a client built against an older header keeps
 *    working: the library reads and writes only the members that struct_size covers, and
 *    treats the members beyond it as zero (NULL, 0). A struct_size smaller than the struct's
 *    first version is CK_E_INVALID_ARGUMENT; so is a struct_size larger than this library
 *    knows whose extra bytes are not all zero (a newer client that uses members this library
 *    cannot honour). struct_size is a size_t: 8 bytes on 64-bit platforms, 4 on 32-bit ones
 *    (a wrapper declares it pointer-sized, e.g. a Java `long` on a 64-bit JVM; not C `long`,
 *    which is 4 bytes on 64-bit Windows). Other members are laid out as a C compiler lays out
 *    the struct (no packing): each at the natural alignment of its type, pointers
 *    pointer-sized; ck_date is int32_t, codes are uint8_t, money int64_t fen. Every struct
 *    ends with a pointer-sized member, so it has no trailing padding.
 *  - Ownership. Input columns are borrowed for the duration of the call and never written.
 *    Output columns whose length is known before the call (one value per row, per team) are
 *    the caller's buffers, with room for the stated length; the library writes exactly that
 *    many elements. Outputs whose length is known only after the call (the hits of screening)
 *    are allocated by the library as one malloc'd array per member, stored in the out struct
 *    with its count, and released by the caller with ck_free() (NULL when the count is 0). The
 *    library keeps no pointer to any buffer or struct after the call returns, and allocates
 *    nothing per row.
 *  - NULL. `out`, `in` and the handles must not be NULL (CK_E_INVALID_ARGUMENT). A column may
 *    be NULL when its count is 0, or where its comment says what NULL means (e.g. "NULL: all
 *    zeros"); otherwise NULL is CK_E_INVALID_ARGUMENT naming the member ("in.birth").
 *  - All or nothing. Every row is checked before anything is written: on failure (a status
 *    other than CK_OK) no output column and no member of the out struct has been changed.
 *  - Errors name the column and the row. A NULL column or a bad struct is named by its member
 *    ("in.birth", "out.struct_size"); a bad value by the column's name as the C++ and Python
 *    surfaces call it ("birth_date", "economic_power", "findings.severity") and "row N", where
 *    N counts the rows of that table from 1 ("row 1" is index 0 of the columns; "findings row N"
 *    for the second table of screening), as a spreadsheet numbers its data rows.
 *  - Threading. A batch call keeps no state between calls: any number of threads may run batch
 *    calls at once, on the same policy or calendar handle. While a call runs, its input columns
 *    must not be written and its output columns not touched by another thread. The error
 *    message is the calling thread's (ck_last_error_message()).
 *  - Missing dates in a date column are CK_NO_DATE where a call accepts them.
 *  - The earlier batch calls (ck_*_batch, ck_village_pay_columns) are deprecated wrappers of
 *    these, with their old behaviour; they stay until the library's SOVERSION next changes.
 */
#ifndef CADREKIT_H
#define CADREKIT_H

#include <stddef.h>
#include <stdint.h>

#define CK_VERSION_MAJOR 0
#define CK_VERSION_MINOR 1
#define CK_VERSION_PATCH 0
#define CK_VERSION_NUMBER (CK_VERSION_MAJOR * 10000 + CK_VERSION_MINOR * 100 + CK_VERSION_PATCH)
/* True when the header is at least version maj.min.pat. */
#define CK_VERSION_CHECK(maj, min, pat) \
  (CK_VERSION_NUMBER >= ((maj) * 10000 + (min) * 100 + (pat)))

#if defined(_WIN32)
#  if defined(CADREKIT_C_BUILDING)
#    define CK_API __declspec(dllexport)
#  else
#    define CK_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define CK_API __attribute__((visibility("default")))
#else
#  define CK_API
#endif

#if defined(__GNUC__)
#  define CK_DEPRECATED(msg) __attribute__((deprecated(msg)))
#else
#  define CK_DEPRECATED(msg)
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ======================================================================================== */
/* Status codes and errors                                                                  */
/* ======================================================================================== */

/* Values are stable: they never change meaning, new codes are only added. */
#define CK_OK 0
#define CK_E_INVALID_ARGUMENT 1  /* NULL pointer, bad handle, bad option: a caller's bug   */
#define CK_E_INVALID_INPUT 2     /* data that breaks the rules: malformed date, bad code…   */
#define CK_E_POLICY 3            /* malformed profile, unknown parameter, not yet in force  */
#define CK_E_CALENDAR_COVERAGE 4 /* a date outside the working-day calendar's coverage      */
#define CK_E_STATE 5             /* operation not allowed in the object's current state     */
#define CK_E_OVERFLOW 6          /* an exact quantity would overflow                        */
#define CK_E_NO_MEMORY 7
#define CK_E_INTERNAL 99         /* a bug in cadrekit */

/* The message of the last failed call on this thread: one line, UTF-8, never NULL ("" when
 * no call has failed). Owned by the library, valid until the next call on this thread. It
 * never contains a personal value (ID number, income, address). */
CK_API const char *ck_last_error_message(void);
/* The status of the last failed call on this thread (CK_OK if none). */
CK_API int ck_last_error_code(void);
/* The stable lower-case name of a status code ("invalid_input"); never NULL. */
CK_API const char *ck_status_name(int status);

/* Releases memory the library returned through a `char **out`. NULL is a no-op. */
CK_API void ck_free(void *p);

/* ======================================================================================== */
/* Version                                                                                  */
/* ======================================================================================== */

/* CK_VERSION_NUMBER of the library actually loaded. */
CK_API unsigned ck_version_number(void);
/* "MAJOR.MINOR.PATCH" of the library actually loaded; static storage. */
CK_API const char *ck_version_string(void);

/* ======================================================================================== */
/* Dates                                                                                    */
/* ======================================================================================== */

typedef int32_t ck_date; /* days since 1970-01-01 */

CK_API int ck_date_from_ymd(ck_date *out, int year, int month, int day);
CK_API int ck_date_to_ymd(int *out_year, int *out_month, int *out_day, ck_date d);
/* Parses exactly "YYYY-MM-DD". */
CK_API int ck_date_parse_iso(ck_date *out, const char *text);
/* Writes "YYYY-MM-DD" and a NUL into buf (size >= 11). */
CK_API int ck_date_format_iso(char *buf, size_t size, ck_date d);

/* ======================================================================================== */
/* Working-day calendar                                                                     */
/* ======================================================================================== */

typedef struct ck_calendar ck_calendar;

/* The embedded calendar of mainland China, 2007–2026. lenient = 0: a date outside coverage
 * is CK_E_CALENDAR_COVERAGE; lenient != 0: outside coverage only weekends are off.
 * Free with ck_calendar_free(). */
CK_API int ck_calendar_china(ck_calendar **out, int lenient);
/* A calendar from CSV text "date,is_off_day,name" (see docs/calendar.md). */
CK_API int ck_calendar_from_csv(ck_calendar **out, const char *csv, int lenient);
/* A new calendar: cal plus the days of csv (e.g. a newly announced year). cal is unchanged. */
CK_API int ck_calendar_with_csv(ck_calendar **out, const ck_calendar *cal, const char *csv);
CK_API void ck_calendar_free(ck_calendar *cal);

CK_API int ck_calendar_coverage(ck_date *out_first, ck_date *out_last, const ck_calendar *cal);
/* *out = 1 for a working day, 0 for a day off. */
CK_API int ck_calendar_is_working_day(int *out, const ck_calendar *cal, ck_date d);
/* The n-th working day strictly after `from` (n < 0: before; n = 0: `from`). */
CK_API int ck_calendar_add_working_days(ck_date *out, const ck_calendar *cal, ck_date from,
                                        int32_t n);
/* A notice period of n >= 1 working days starting on `start` (or the next working day). */
CK_API int ck_calendar_window(ck_date *out_first, ck_date *out_last, const ck_calendar *cal,
                              ck_date start, int32_t n);
/* Working days in [first, last], inclusive. */
CK_API int ck_calendar_count_working_days(int32_t *out, const ck_calendar *cal, ck_date first,
                                          ck_date last);
/* n >= 1 calendar days from start: (start, start + n - 1). */
CK_API int ck_calendar_calendar_window(ck_date *out_first, ck_date *out_last,
                                       const ck_calendar *cal, ck_date start, int32_t n);
/* "No date" in a column of ck_date (a missing date; NumPy's NaT maps to it): INT32_MIN. */
#define CK_NO_DATE INT32_MIN

/* Batch (see "Batch calls" at the top): date[i] = add_working_days(from[i], n[i]) for
 * i < len; from[i] == CK_NO_DATE gives CK_NO_DATE. out->date may be in->from itself. Errors name
 * the row and the field (from / n, as for ck_calendar_add_working_days). */
typedef struct ck_calendar_add_working_days_in {
  size_t struct_size;   /* sizeof(ck_calendar_add_working_days_in) */
  size_t len;           /* rows */
  const ck_date *from;  /* [len] the start of each row; CK_NO_DATE: no date */
  const int32_t *n;     /* [len] working days to add (< 0: back; 0: from itself) */
} ck_calendar_add_working_days_in;

typedef struct ck_calendar_add_working_days_out {
  size_t struct_size;   /* sizeof(ck_calendar_add_working_days_out) */
  ck_date *date;        /* [len] written: the n-th working day, or CK_NO_DATE */
} ck_calendar_add_working_days_out;

CK_API int ck_calendar_add_working_days_columns(ck_calendar_add_working_days_out *out,
                                                const ck_calendar *cal,
                                                const ck_calendar_add_working_days_in *in);

/* Batch: count[i] = count_working_days(first[i], last[i]): working days in [first, last],
 * 0 if last < first, -1 where either is CK_NO_DATE. */
typedef struct ck_calendar_count_working_days_in {
  size_t struct_size;   /* sizeof(ck_calendar_count_working_days_in) */
  size_t len;           /* rows */
  const ck_date *first; /* [len] */
  const ck_date *last;  /* [len] */
} ck_calendar_count_working_days_in;

typedef struct ck_calendar_count_working_days_out {
  size_t struct_size;   /* sizeof(ck_calendar_count_working_days_out) */
  int32_t *count;       /* [len] written */
} ck_calendar_count_working_days_out;

CK_API int ck_calendar_count_working_days_columns(ck_calendar_count_working_days_out *out,
                                                  const ck_calendar *cal,
                                                  const ck_calendar_count_working_days_in *in);

/* Deprecated: ck_calendar_add_working_days_columns with date = out. */
CK_API CK_DEPRECATED("use ck_calendar_add_working_days_columns")
int ck_calendar_add_working_days_batch(ck_date *out, const ck_calendar *cal, const ck_date *from,
                                       const int32_t *n, size_t len);
/* Deprecated: ck_calendar_count_working_days_columns with count = out. */
CK_API CK_DEPRECATED("use ck_calendar_count_working_days_columns")
int ck_calendar_count_working_days_batch(int32_t *out, const ck_calendar *cal,
                                         const ck_date *first, const ck_date *last, size_t len);

/* ======================================================================================== */
/* Money and shares                                                                         */
/* ======================================================================================== */

/* Parses yuan as people write them ("7,000.50", "500万", "1亿") into fen. */
CK_API int ck_money_parse(int64_t *out_fen, const char *text);
/* "¥7,000.00". Free with ck_free(). */
CK_API int ck_money_format(char **out, int64_t fen);
/* ceil(share * n) exactly; share as "35%", "0.35", "7/20" or "1:3". */
CK_API int ck_at_least_share(int64_t *out, int64_t n, const char *share);

/* ======================================================================================== */
/* Policy profiles                                                                          */
/* ======================================================================================== */

typedef struct ck_policy ck_policy;

/* Profiles are YAML (docs/policy.md). A malformed profile is CK_E_POLICY and the message
 * names the file, line and key; an unknown parameter or a date before its first value is
 * CK_E_POLICY too. */

/* The embedded default profile tongliao-2016. Free with ck_policy_free(). */
CK_API int ck_policy_default(ck_policy **out);
/* A profile file; `extends:` names an embedded profile or a path relative to the file. */
CK_API int ck_policy_load(ck_policy **out, const char *path);
/* A profile from YAML text; `extends:` may name an embedded profile only. */
CK_API int ck_policy_loads(ck_policy **out, const char *yaml);
CK_API void ck_policy_free(ck_policy *policy);
/* The profile's name; owned by the policy, valid while it lives. Never NULL: "" for a NULL
 * or freed policy. */
CK_API const char *ck_policy_name(const ck_policy *policy);
/* Exact text of the value in force on as_of ("4000", "0.35"). Free with ck_free(). */
CK_API int ck_policy_value(char **out, const ck_policy *policy, const char *name, ck_date as_of);
/* The value in force with its metadata as JSON (a "parameters" entry of an explanation:
 * name, value, unit, effective_from, assumed, clause). Free with ck_free(). */
CK_API int ck_policy_lookup_json(char **out, const ck_policy *policy, const char *name,
                                 ck_date as_of);
/* A new profile: `base` with one parameter changed, checked as a profile file layered on it
 * would be (the command line's --set). setting: "NAME=VALUE" (the value replaces every dated
 * value) or "NAME=VALUE@YYYY-MM-DD" (in force from that date). An unknown name, a value not of
 * the parameter's type or outside its bounds is CK_E_POLICY. Free with ck_policy_free(). */
CK_API int ck_policy_set(ck_policy **out, const ck_policy *base, const char *setting);

/* ======================================================================================== */
/* Explanations                                                                             */
/* ======================================================================================== */

/* Every decision's explanation travels as its JSON form "cadrekit.explanation/1"
 * (docs/explanation.md, docs/explanation.schema.json). Both functions validate the JSON fully:
 * a missing, mistyped, unknown or duplicate member, a bad date, a wrong schema tag, a
 * "uses_assumed" that disagrees with the parameters, invalid UTF-8, text that is not JSON, or
 * more than 16 MiB / 16 levels of nesting is CK_E_INVALID_INPUT, and the message names the
 * member path, e.g. "... (field parameters[2].effective_from)". */

/* Re-emits an explanation in canonical form: members in a fixed order, no white space, UTF-8
 * as is, so equal explanations give byte-identical text. *out must be freed with ck_free(). */
CK_API int ck_explanation_normalize(char **out, const char *json);
/* Renders an explanation as text, one line per rule, parameter and input, assumed values
 * marked; lang is "zh" or "en" (anything else: CK_E_INVALID_INPUT). The text is for people
 * and may change between versions; exchange the JSON. *out must be freed with ck_free(). */
CK_API int ck_explanation_to_text(char **out, const char *json, const char *lang);
/* A result's explanation as text, with no JSON parser on the caller's side. json is one
 * explanation, or any result that holds explanations (the response of a ck_*_json call, a row
 * of it, a command's --format json --explain output); index picks the index-th explanation in
 * document order, counting from 0 (null explanations are not counted). full = 0 gives the short
 * form (the rules that fired, the parameters and inputs that decided: a factor of 0 is left
 * out), full != 0 every parameter and input. lang is "zh" or "en". Fewer explanations than
 * index + 1 is CK_E_INVALID_INPUT naming "index"; a faulty explanation as above, its path
 * prefixed ("results[2].explanation.rules[0].clause"). *out must be freed with ck_free(). */
CK_API int ck_explanation_text(char **out, const char *json, size_t index, const char *lang,
                               int full);

/* ======================================================================================== */
/* People, codes and citizen ID numbers                                                      */
/* ======================================================================================== */

/* 1 for a valid citizen ID number, 0 otherwise (NULL is not valid). Never fails. */
CK_API int ck_citizen_id_is_valid(const char *id);
/* Birth date and sex (1 male, 2 female, GB/T 2261.1) of a valid number. */
CK_API int ck_citizen_id_parse(ck_date *out_birth, int *out_sex, const char *id);
/* 三龄 as of a date from the dated events; has_party / has_work = 0 marks that date absent.
 * *out_party_years / *out_work_years are -1 where there is no such event. */
CK_API int ck_three_ages(int32_t *out_age, int32_t *out_party_years, int32_t *out_work_years,
                         ck_date birth, int has_party, ck_date party_joined, int has_work,
                         ck_date work_started, ck_date as_of);
/* Batch (see "Batch calls" at the top): 三龄 of n people as of one date, by the rule of
 * ck_three_ages (whole years; 29 February anniversaries on 1 March in common years). A date of
 * joining the party counts as a member's (give CK_NO_DATE for non-members). Writes -1 where the
 * date is absent. Errors name the row and the field. */
typedef struct ck_three_ages_in {
  size_t struct_size;          /* sizeof(ck_three_ages_in) */
  ck_date as_of;
  size_t n;                    /* rows */
  const ck_date *birth;        /* [n] required in every row */
  const ck_date *party_joined; /* [n] CK_NO_DATE where absent; NULL: absent in every row */
  const ck_date *work_started; /* [n] CK_NO_DATE where absent; NULL: absent in every row */
} ck_three_ages_in;

typedef struct ck_three_ages_out {
  size_t struct_size;          /* sizeof(ck_three_ages_out) */
  int32_t *age;                /* [n] written */
  int32_t *party_years;        /* [n] written; -1: no date of joining */
  int32_t *work_years;         /* [n] written; -1: no date of starting work */
} ck_three_ages_out;

CK_API int ck_three_ages_columns(ck_three_ages_out *out, const ck_three_ages_in *in);

/* Deprecated: ck_three_ages_columns with the same columns passed one by one. */
CK_API CK_DEPRECATED("use ck_three_ages_columns")
int ck_three_ages_batch(int32_t *out_age, int32_t *out_party_years, int32_t *out_work_years,
                        ck_date as_of, size_t n, const ck_date *birth,
                        const ck_date *party_joined, const ck_date *work_started);
/* Person record as JSON (docs/person.md) -> 三龄 and group flags as JSON. Free with ck_free(). */
CK_API int ck_person_summary_json(char **out, const char *person_json, ck_date as_of);

/* ======================================================================================== */
/* Village cadre pay and incentives (JARUD)                                                 */
/* ======================================================================================== */

/* Rules, defaults and the JSON forms: docs/village.md. Every function returns CK_OK or a CK_E_*
 * status (message: ck_last_error_message()); on failure its outputs are left untouched. */

/* The year's pay sheet (JARUD.1). `request_json` is
 *   {"year": 2016, "villages": [...], "principals": [...], "scores": [...],
 *    "graded_on": "YYYY-MM-DD"?, "explain": true?, "holders": n?, "terms": [...]?,
 *    "keep": [member names of the principals]?}
 * and *out receives the response JSON (lines with base/performance/total as decimal yuan
 * strings, grades as codes in "team_grade"/"grade" with their labels in "*_zh"/"*_en",
 * actions, the principal's members named in "keep", explanations; villages; townships;
 * banner; "budget" when "holders" or "terms" is given). The caller frees *out with ck_free().
 * NULL `out`, `policy` or `request_json` -> CK_E_INVALID_ARGUMENT; bad input ->
 * CK_E_INVALID_INPUT naming the field and the record (e.g. "principals[3]"). */
CK_API int ck_village_pay_sheet_json(char **out, const ck_policy *policy, const char *request_json);

/* The budget what-if (JARUD.4) in one call: the same request as ck_village_pay_sheet_json
 * (explain is ignored, holders defaults to 0) under policy `a` and under policy `b`. *out
 * receives {"schema": "cadrekit.village.budget_what_if/1", "year", "a": {budget}, "b": {budget},
 * "difference": {base, performance, public_institution, subsidies, total: b - a}}, money as
 * decimal yuan strings; the caller frees it with ck_free(). NULL out/a/b/request_json ->
 * CK_E_INVALID_ARGUMENT; bad input -> CK_E_INVALID_INPUT; *out untouched on failure. */
CK_API int ck_village_budget_what_if_json(char **out, const ck_policy *a, const ck_policy *b,
                                         const char *request_json);

/* Selection for public-institution pay (JARUD.2) and the subsidy after leaving (JARUD.3): one
 * call, `"op"` says which: "quota" (n_villages, year), "allocate" (villages_per_township,
 * quota | year), "funnel" (places, year), "eligibility" (as_of, applicants), "check" (year,
 * places, the township's lists and dates), "renewal" (year, holders), "subsidy" (year, terms),
 * "publicity" (year, starts?: the 7-calendar-day window of each quarter).
 * *out receives the response JSON; the caller frees it with ck_free(). */
CK_API int ck_village_selection_json(char **out, const ck_policy *policy, const char *request_json);

/* Batch (see "Batch calls" at the top): the pay sheet's arithmetic on columns, without names
 * or explanations (JARUD.1; docs/village.md). Two tables: villages (n_villages rows) and
 * principals (n_principals rows, each pointing at a village row). Errors name the column and
 * the row ("population", "row 4"). */
typedef struct ck_village_pay_sheet_in {
  size_t struct_size;               /* sizeof(ck_village_pay_sheet_in) */
  int32_t year;
  size_t n_villages;
  const int32_t *village_township;  /* [n_villages] township index 0 .. n_villages-1 (grading groups) */
  const int64_t *population;        /* [n_villages] */
  const int64_t *scores;            /* [5 * n_villages] score x 10000, row-major: Q1, Q2, Q3, Q4, annual */
  const uint8_t *score_present;     /* [n_villages] bit i set: score i given */
  size_t n_principals;
  const int32_t *principal_village; /* [n_principals] village row */
  const uint8_t *post;              /* [n_principals] 0 secretary, 1 director, 2 both */
  const ck_date *served_from;       /* [n_principals] */
  const ck_date *served_to;         /* [n_principals] INT32_MAX: still serving */
} ck_village_pay_sheet_in;

typedef struct ck_village_pay_sheet_out {
  size_t struct_size;          /* sizeof(ck_village_pay_sheet_out) */
  uint8_t *village_team_grade; /* [n_villages] 0 实绩突出, 1 比较突出, 2 一般, 3 not graded */
  int32_t *village_rank;       /* [n_villages] rank in the township, 0 if not graded */
  int64_t *base_fen;           /* [n_principals] */
  int64_t *performance_fen;    /* [n_principals] */
  int64_t *total_fen;          /* [n_principals] */
  uint8_t *grade;              /* [n_principals] 0 优秀, 1 基本合格, 2 不合格, 3 not graded */
  int32_t *units;              /* [n_principals] months (or days) paid */
} ck_village_pay_sheet_out;

CK_API int ck_village_pay_sheet_columns(ck_village_pay_sheet_out *out, const ck_policy *policy,
                                        const ck_village_pay_sheet_in *in);

/* The structs of the deprecated ck_village_pay_columns: the members of
 * ck_village_pay_sheet_in / _out without struct_size (and year, passed apart). */
typedef struct ck_village_pay_in {
  size_t n_villages;
  const int32_t *village_township;
  const int64_t *population;
  const int64_t *scores;
  const uint8_t *score_present;
  size_t n_principals;
  const int32_t *principal_village;
  const uint8_t *post;
  const ck_date *served_from;
  const ck_date *served_to;
} ck_village_pay_in;

typedef struct ck_village_pay_out {
  uint8_t *village_team_grade;
  int32_t *village_rank;
  int64_t *base_fen;
  int64_t *performance_fen;
  int64_t *total_fen;
  uint8_t *grade;
  int32_t *units;
} ck_village_pay_out;

/* Deprecated: ck_village_pay_sheet_columns. */
CK_API CK_DEPRECATED("use ck_village_pay_sheet_columns")
int ck_village_pay_columns(const ck_policy *policy, int year, const ck_village_pay_in *in,
                           const ck_village_pay_out *out);

/* ======================================================================================== */
/* Economic-responsibility audit (HOLINGOL)                                                 */
/* ======================================================================================== */

/* Audit levels are 1, 2, 3 (and "special" in JSON, 0 in columns). The JSON forms of requests
 * and responses are documented in docs/audit.md. For every ck_audit_*_json call: `*out`
 * receives a NUL-terminated UTF-8 JSON response in malloc'd memory that the caller releases
 * with ck_free(); on failure `*out` is untouched and the status (CK_E_INVALID_INPUT naming the
 * member and the record, e.g. "budget" of "units[3]"; CK_E_POLICY; CK_E_INVALID_ARGUMENT for a
 * NULL argument) and ck_last_error_message() say why. `policy` is borrowed. */

/* Tiers units (HOLINGOL.1): {"as_of","units":[...],"explain"?,"keep"?:[member names]} ->
 * {"results":[...]}. A unit's "name" and the members named in "keep" are copied to its result
 * unchanged (null where a unit lacks one); any other member a unit does not read is refused. */
CK_API int ck_audit_tier_json(char **out, const ck_policy *policy, const char *request_json);
/* Level and obligations on special funds (HOLINGOL.3):
 * {"as_of","current_level","amount"} -> {"new_level","band","tracking",...}. */
CK_API int ck_audit_special_funds_json(char **out, const ck_policy *policy,
                                       const char *request_json);
/* A unit's tier history (HOLINGOL.3) replayed from its events:
 * {"unit_id","events":[{"event":"start","date",budget+factors | "level"},
 *  {"event":"review","year",budget+factors | "level"},{"event":"special_funds","date","amount"},
 *  {"event":"completion","date","finding"}],"level_on"?:[dates],"explain"?}
 * -> {"unit_id","changes":[{"effective","level","kind","note"}],"referrals":[...],
 *     "special_funds_open","events":[...],"levels_on":[{"date","level"}]}.
 * An event the history refuses (dated before the last change, funds already open, completion
 * without open funds) is CK_E_STATE naming the event ("events[2]"). */
CK_API int ck_audit_tier_history_json(char **out, const ck_policy *policy,
                                      const char *request_json);
/* The audit plan (HOLINGOL.2): {"first_year","last_year","capacity","seed","units","audits",
 * "terms"} -> {"feasible","min_capacity","audits":[...],"shortfall":[...],...}. */
CK_API int ck_audit_plan_json(char **out, const ck_policy *policy, const char *request_json);
/* Checks a plan: the plan request without capacity/seed plus "plan":[{"year","unit_id","kind"}]
 * -> {"breaches":[...]} (empty when the plan is sound). */
CK_API int ck_audit_verify_json(char **out, const ck_policy *policy, const char *request_json);

/* Batch (see "Batch calls" at the top): tiers n units as of as_of (HOLINGOL.1). Factor values
 * are 0 .. the policy's audit.factor.<name>.max (booleans 0/1). Errors name the column
 * ("budget", "economic_power") and the row. */
typedef struct ck_audit_tier_in {
  size_t struct_size;              /* sizeof(ck_audit_tier_in) */
  ck_date as_of;
  size_t n;                        /* units */
  const int64_t *budget_fen;       /* [n] */
  const int8_t *admin_fees;        /* [n] each factor column: NULL = all zeros */
  const int8_t *special_funds;     /* [n] */
  const int8_t *economic_power;    /* [n] */
  const int8_t *allocation_power;  /* [n] */
  const int8_t *attention;         /* [n] */
  const int8_t *complaints;        /* [n] */
  const int8_t *high_risk_sector;  /* [n] */
  const int8_t *special_need;      /* [n] */
  const int8_t *window_unit;       /* [n] */
} ck_audit_tier_in;

typedef struct ck_audit_tier_out {
  size_t struct_size; /* sizeof(ck_audit_tier_out) */
  int8_t *level;      /* [n] written: 1, 2 or 3 */
  int64_t *score;     /* [n] written; NULL: scores not wanted */
} ck_audit_tier_out;

CK_API int ck_audit_tier_columns(ck_audit_tier_out *out, const ck_policy *policy,
                                 const ck_audit_tier_in *in);

/* The units of the deprecated ck_audit_tier_batch: ck_audit_tier_in without struct_size and
 * as_of. */
typedef struct ck_audit_units {
  size_t n;
  const int64_t *budget_fen;
  const int8_t *admin_fees;
  const int8_t *special_funds;
  const int8_t *economic_power;
  const int8_t *allocation_power;
  const int8_t *attention;
  const int8_t *complaints;
  const int8_t *high_risk_sector;
  const int8_t *special_need;
  const int8_t *window_unit;
} ck_audit_units;

/* Deprecated: ck_audit_tier_columns with level = out_levels, score = out_scores. */
CK_API CK_DEPRECATED("use ck_audit_tier_columns")
int ck_audit_tier_batch(int8_t *out_levels, int64_t *out_scores, const ck_policy *policy,
                        ck_date as_of, const ck_audit_units *units);

/* ======================================================================================== */
/* Disclosure of promoted leaders' personal matters (KAILU)                                 */
/* ======================================================================================== */

/* The most sensitive data of the library (assets, income, family). Everything travels as JSON
 * in the forms of docs/disclosure.md: a record is "cadrekit.disclosure.record/1", a case
 * "cadrekit.disclosure.case/1". Every function below takes its inputs as NUL-terminated UTF-8,
 * writes a new string to *out that the caller frees with ck_free(), and leaves *out untouched on
 * failure. NULL for out, policy, cal or a text is CK_E_INVALID_ARGUMENT. Error messages name the
 * member path and never contain a value of the record. */

/* Every problem of a record: *out = [{"path","code","message"},...], "[]" when valid. A record
 * with problems is still CK_OK (the problems are the answer); only NULL arguments or an
 * unusable policy fail. */
CK_API int ck_disclosure_validate_json(char **out, const ck_policy *policy,
                                       const char *record_json);
/* request {"round":1|2,"rank":"fu_ke"|"zheng_ke"|...,"posted":"YYYY-MM-DD"} ->
 * {"round","rank","posted","venues":[...],"first_day","last_day","working_days"}: venues by
 * rank and a window of working days on `cal` (policy disclosure.roundN.*). A rank without
 * venues or another round is CK_E_INVALID_INPUT; a strict calendar's gap CK_E_CALENDAR_COVERAGE. */
CK_API int ck_disclosure_plan_round_json(char **out, const ck_policy *policy,
                                         const ck_calendar *cal, const char *request_json);
/* request {"record":{...},"round":1|2,"posted":"YYYY-MM-DD" (optional)} ->
 * {"round","field_names":[...],"fields":{...},"text":"...","plan":{...} (with posted)}.
 * Only the round's whitelisted fields (policy disclosure.roundN.notice_fields) are read; ID
 * numbers masked, addresses cut at disclosure.notice.address_level. An invalid record is
 * CK_E_INVALID_INPUT naming the first problem's path. */
CK_API int ck_disclosure_notice_json(char **out, const ck_policy *policy, const ck_calendar *cal,
                                     const char *request_json);
/* request {"record":{...},"date","actor"} -> a new case (its JSON) with version 1 of the record. */
CK_API int ck_disclosure_case_open_json(char **out, const ck_policy *policy,
                                        const char *request_json);
/* One transition: case_json + action -> the new case JSON. action is {"action": ...}:
 *   post_round {round,date,actor}            receive_complaint {channel,date,actor}
 *   assign {complaint,departments,date,actor} record_finding {complaint,finding,
 *                                               discrepancies:[{matter,kind}],date,actor}
 *   decide {complaint,outcome,date,actor}    return_for_correction {record,date,actor,note}
 * A transition the case's state refuses is CK_E_STATE (case_json is never modified; *out is
 * untouched). */
CK_API int ck_disclosure_case_apply_json(char **out, const ck_policy *policy,
                                         const ck_calendar *cal, const char *case_json,
                                         const char *action_json);
/* The same transition with its explanation: *out = {"case":{...the new case...},
 * "explanation":{...}|null}. The explanation is the core's canonical "cadrekit.explanation/1"
 * (ck_explanation_to_text renders it): for record_finding the classification of each
 * discrepancy as omission (漏报) or concealment (瞒报) — rules disclosure.discrepancy.classify
 * (KAILU.4) and disclosure.discrepancy.accountability / .no_concealment, the parameters
 * disclosure.discrepancy.<kind> with value, effective date, assumed flag and clause, inputs
 * complaint, finding, discrepancies[i].matter/.kind; for post_round the plan (venues and window
 * parameters); null for the other actions. Failures as ck_disclosure_case_apply_json. */
CK_API int ck_disclosure_case_apply_explained_json(char **out, const ck_policy *policy,
                                                   const ck_calendar *cal, const char *case_json,
                                                   const char *action_json);
/* {"ok":true|false,"reasons":["window_open","complaint_unresolved:C1",...]} as of a date. */
CK_API int ck_disclosure_case_can_proceed_json(char **out, const char *case_json, ck_date as_of);
/* A JSON array of cases -> [{"year","round","disclosed","complaints","cancelled","referred"}],
 * sorted by year and round (the organisation department's yearly figures). */
CK_API int ck_disclosure_yearly_counts_json(char **out, const char *cases_json);
/* The basic information of a record from a .lrmx cadre form (干部任免审批表 3.x XML), read
 * tolerantly with a report: `form` is the file's bytes, `size` of them (NUL bytes allowed: UTF-16
 * has them), in UTF-8, GB18030/GBK/GB2312 or UTF-16 (detected from the byte-order mark, the XML
 * declaration or the bytes); dates and 简历 lines in the styles of docs/disclosure.md.
 * *out = {"record":<record JSON, "cadrekit.disclosure.record/1", canonical, id `record_id`>,
 *         "warnings":[{"path":"JianLi[3]","code":"jianli_line_not_read","message":"…"},…],
 *         "encoding":"gb18030"}.
 * What the reader could read only in part is a warning naming the element (an unreadable
 * 入党时间 leaves "political_status" null — unknown, never 群众); the 9 matters, family,
 * commitment and self-assessment are not on the form and come back empty. A form without a name,
 * sex, birth date, ethnic group or reference date, or beyond the XML limits (docs/limits.md:
 * depth, size, elements, DOCTYPE, character references, encoding) is CK_E_INVALID_INPUT naming
 * the element or the limit. Messages never hold a value of the form. */
CK_API int ck_disclosure_lrmx_read_json(char **out, const char *form, size_t size,
                                        const char *record_id);
/* The strict reading of a NUL-terminated form (any encoding above but UTF-16): *out = the record
 * JSON alone, when the form reads without a warning; a warning is CK_E_INVALID_INPUT naming its
 * element (ck_disclosure_lrmx_read_json returns the record with its warnings). */
CK_API int ck_disclosure_record_from_lrmx_json(char **out, const char *lrmx_xml,
                                               const char *record_id);
/* The basic information of a record (its JSON; the structure must parse, the rules need not
 * hold) as a .lrmx form: *out = UTF-8 XML text with the form's 34 elements in order. Date style:
 * YYYYMM for 出生年月/入党时间/参加工作时间, "YYYY.MM--YYYY.MM  text" lines in 简历, YYYYMMDD
 * for 计算年龄时间/填表时间. ck_disclosure_record_from_lrmx_json of the result gives back the
 * basic information (month elements on the 1st). What the form cannot hold (two full-time
 * education lines, a line break in a text, …) is CK_E_INVALID_INPUT naming the member. */
CK_API int ck_disclosure_record_to_lrmx(char **out, const char *record_json);

/* ======================================================================================== */
/* Assessment, red lines, disposal, follow-up, promotion (HORQIN)                           */
/* ======================================================================================== */

/* docs/assessment.md. Requests and responses are JSON (UTF-8); *out is written only on
 * success and must be released with ck_free(). Errors: CK_E_INVALID_INPUT (the message names
 * the member and the record, e.g. "records[3]"), CK_E_POLICY (a malformed red-line rule, the
 * message names the parameter and the rule key), CK_E_STATE (a refused transition: the case
 * JSON given is not changed and nothing is written). */

/* The red-line rules in force on as_of: {"rules":[{"index","id","parameter","text","clause",
 * "label_zh","label_en","assumed","target","suggestion"}]}. `index` is the rule number of
 * ck_assessment_hit.rule. */
CK_API int ck_assessment_rules_json(char **out, const ck_policy *policy, ck_date as_of);

/* The catalogue of qualitative standards in force on as_of (policy parameters
 * assessment.standard.*): {"standards":[{"id","parameter","aspect","text_zh","text_en","clause",
 * "suggestion","assumed"}]} sorted by id. A malformed entry is CK_E_POLICY. */
CK_API int ck_assessment_standards_json(char **out, const ck_policy *policy, ck_date as_of);

/* Screening. request: {"as_of":"2016-12-31","records":[{"cadre_id","unit_id","domain","kind",
 * "period","rank","group_size","rating","score","method"}...],"findings":[{"id","cadre_id",
 * "unit_id","date","source","standard","aspect","classification","severity","facts"}...],
 * "audit_findings":[{"unit_id","leader_id","date","kind","finding"}...] (the audit module's
 * findings, mapped as ck_assessment_findings_from_audit_json does and appended to "findings"),
 * "explain":true}. A finding's "standard" must be the id of a standard of the catalogue in
 * force on as_of (else CK_E_INVALID_INPUT naming "standard"); its "aspect", when given, must be
 * the standard's. *out: {"hits":[{"cadre_id","rule_id","clause","suggestion","periods",
 * "records","findings","standards","explanation"}...]} ordered by cadre id then rule id; every
 * rule that fires is reported; "standards": [{"finding","standard","aspect","text_zh",
 * "text_en","clause","suggestion"}] for the findings of the hit that name a standard. */
CK_API int ck_assessment_screen_json(char **out, const ck_policy *policy, const char *request_json);

/* The documented mapping of audit findings (HOLINGOL.4) onto assessment findings.
 * audit_findings_json: [{"unit_id","leader_id","date","kind","finding"}...] with kind in_term |
 * departure | five_year_term | special_project | sample and finding none | minor | serious |
 * referred. *out: a JSON array of findings {"id":"audit:<unit>:<date>:<kind>","cadre_id":
 * <leader_id>,"unit_id","date","source":"audit","severity","classification":"other"}; clean
 * audits (none) are left out; severity minor -> minor, serious -> serious, referred -> grave. */
CK_API int ck_assessment_findings_from_audit_json(char **out, const char *audit_findings_json);

/* One red line that fires, an element of ck_assessment_screen_out.hits. Its layout is fixed:
 * what a later version adds comes as another member of ck_assessment_screen_out. */
typedef struct ck_assessment_hit {
  int64_t cadre;        /* the caller's cadre key */
  uint32_t rule;        /* index into ck_assessment_rules_json's list */
  int32_t first_period; /* year*100 + n ("2015" = 201500, "2015-2" = 201502); for a finding
                           rule the first finding date (ck_date) */
  int32_t last_period;  /* likewise the last */
  uint32_t count;       /* qualifying periods (or findings) that made it fire */
} ck_assessment_hit; /* 24 bytes, no padding: int64, uint32, int32, int32, uint32 */

/* Batch (see "Batch calls" at the top): red-line screening over columns. Two tables, each
 * sorted by cadre key: records (n rows; periods of each kind increasing within a cadre) and
 * findings (n_findings rows, the same keys as the records; a cadre may have findings only).
 * Codes: kind 0 annual, 1 key_work, 2 party_conduct, 3 review; rating 0 none, 1 excellent,
 * 2 competent, 3 basically_competent, 4 incompetent, 5 up_to_standard, 6 not_up_to_standard,
 * 7 satisfied, 8 basically_satisfied, 9 unsatisfied; rank 0 = not ranked. finding_standard =
 * index into ck_assessment_standards_json's list or -1 (none; only for audit findings);
 * finding_source 0 qualitative / 1 audit; finding_class 0 other, 1 muddled_view,
 * 2 wavering_belief, 3 self_serving_error, 4 exploratory_mistake, 5 lack_of_ability,
 * 6 not_acting; finding_severity 0 minor, 1 moderate, 2 serious, 3 grave. With n_findings = 0
 * only the assessment rules are evaluated (the catalogue of standards is not read); otherwise
 * every rule is, and a finding concerning a unit only must be given once per cadre by the
 * caller. Hits are ordered by cadre key, then rule index. Bad or unsorted rows are
 * CK_E_INVALID_INPUT naming the column and "row N" or "findings row N". */
typedef struct ck_assessment_screen_in {
  size_t struct_size;               /* sizeof(ck_assessment_screen_in) */
  ck_date as_of;
  size_t n;                         /* record rows */
  const int64_t *cadre;             /* [n] */
  const uint8_t *kind;              /* [n] */
  const int32_t *period;            /* [n] year*100 + n */
  const int32_t *rank;              /* [n] */
  const int32_t *group_size;        /* [n] */
  const uint8_t *rating;            /* [n] */
  size_t n_findings;                /* finding rows */
  const int64_t *finding_cadre;     /* [n_findings] */
  const int32_t *finding_standard;  /* [n_findings] */
  const uint8_t *finding_source;    /* [n_findings] */
  const uint8_t *finding_class;     /* [n_findings] */
  const uint8_t *finding_severity;  /* [n_findings] */
  const ck_date *finding_date;      /* [n_findings] */
} ck_assessment_screen_in;

typedef struct ck_assessment_screen_out {
  size_t struct_size;      /* sizeof(ck_assessment_screen_out) */
  ck_assessment_hit *hits; /* [n_hits] set by the library (malloc'd, NULL when none); the caller
                              releases it with ck_free() */
  size_t n_hits;           /* set by the library */
} ck_assessment_screen_out;

CK_API int ck_assessment_screen_columns(ck_assessment_screen_out *out, const ck_policy *policy,
                                        const ck_assessment_screen_in *in);

/* Deprecated: ck_assessment_screen_columns without findings; *hits and *n_hits receive
 * out.hits and out.n_hits. */
CK_API CK_DEPRECATED("use ck_assessment_screen_columns")
int ck_assessment_screen_batch(ck_assessment_hit **hits, size_t *n_hits, const ck_policy *policy,
                               ck_date as_of, size_t n, const int64_t *cadre, const uint8_t *kind,
                               const int32_t *period, const int32_t *rank,
                               const int32_t *group_size, const uint8_t *rating);

/* Deprecated: ck_assessment_screen_columns with m finding rows (f_* = finding_*), every rule
 * evaluated even when m is 0. */
CK_API CK_DEPRECATED("use ck_assessment_screen_columns")
int ck_assessment_screen_batch_findings(ck_assessment_hit **hits, size_t *n_hits,
                                        const ck_policy *policy, ck_date as_of, size_t n,
                                        const int64_t *cadre, const uint8_t *kind,
                                        const int32_t *period, const int32_t *rank,
                                        const int32_t *group_size, const uint8_t *rating,
                                        size_t m, const int64_t *f_cadre,
                                        const int32_t *f_standard, const uint8_t *f_source,
                                        const uint8_t *f_class, const uint8_t *f_severity,
                                        const ck_date *f_date);

/* Composite score of a domain's indicators (HORQIN.4; weights: policy parameters
 * assessment.indicators.<domain>). request: {"as_of","domain","scores":{"<indicator>":"90.5"
 * or a whole number,...}} -> {"domain","score","parts":[{"indicator","name_zh","weight",
 * "score","part"}],"explanation":{...}}; numbers are exact texts ("86.75", "2/3"). A missing,
 * unknown, malformed or negative score is CK_E_INVALID_INPUT naming "scores.<indicator>". */
CK_API int ck_assessment_composite_json(char **out, const ck_policy *policy, const char *request_json);

/* The six methods as a checklist (policy assessment.methods.required). request: {"as_of",
 * "methods":["reports","看现场",...]} -> {"items":[{"method","required","done"}],"missing":[...],
 * "complete":true|false}. */
CK_API int ck_assessment_method_checklist_json(char **out, const ck_policy *policy, const char *request_json);

/* Disposal case transitions (HORQIN.5). case_json: a case as written by this function, or
 * NULL to open one. action: {"op":"open","case_id","cadre_id"} |
 * {"op":"advance","stage","date","actor","note"} |
 * {"op":"decide","method","date","grounds":[...],"actor","note"} |
 * {"op":"close_no_action","date","actor","note"}. *out: the case after the action, canonical
 * JSON {"case_id","cadre_id","stage","events":[...]}. A refused move is CK_E_STATE. */
CK_API int ck_assessment_disposal_apply_json(char **out, const char *case_json, const char *action_json);

/* Follow-up (HORQIN.6). request: {"decision_date","until"} -> {"schedule":[{"date","kind"}]};
 * with "as_of" and "held":[{"date","kind","actor","note"}] also {"ledger":[{"date","kind",
 * "held","overdue"}]}. kind: "monthly_talk" | "quarterly_visit". */
CK_API int ck_assessment_follow_up_json(char **out, const ck_policy *policy, const char *request_json);

/* Promotion gates (HORQIN.1). case_json: a case as written by this function, or NULL to open
 * one. action: {"op":"open","case_id","facts":{"cadre_id","unit_id","current_rank",
 * "target_rank","rank_since","work_started","integrity_problem","poor_reputation",
 * "open_disposal_case","disclosure_blocked"}} | {"op":"post_quota","date","actor",
 * "approved_posts","filled_posts"} | {"op":"pass","gate","date","actor","note"} |
 * {"op":"fail","gate","date","actor","reason"} | {"op":"vetoes","as_of"}. "post_quota", "pass"
 * and "vetoes" take an optional "disclosure_case": the cadre's disclosure case as
 * ck_disclosure_case_* writes it; the disclosure veto then applies when that case cannot
 * proceed on the date (its reasons are named), and "disclosure_blocked" stays an override.
 * *out: the case JSON {"case_id","facts","status","gates"}; for "vetoes":
 * {"vetoes":[{"code","reason_zh","reason_en","clause"}],"explanation":{...}}. */
CK_API int ck_assessment_promotion_apply_json(char **out, const ck_policy *policy, const char *case_json,
                                              const char *action_json);

/* ======================================================================================== */
/* Talent pools and leadership teams (HURE)                                                 */
/* ======================================================================================== */

/* docs/talent.md. Requests and responses are JSON (UTF-8); *out is written only on success and
 * must be released with ck_free(). NULL for out, policy or the request is
 * CK_E_INVALID_ARGUMENT; bad input is CK_E_INVALID_INPUT naming the member and the record
 * ("cadres[2]", "members[0]"); a malformed talent parameter is CK_E_POLICY. Reasons are
 * {"code","zh","en"}; codes, ids and numbers only, never a personal value. */

/* Pools as of a date (HURE.1). request: {"as_of","cadres":[{"id" (or "cadre_id"),"sex",
 * "birth_date","ethnicity","political_status","rank","rank_since","civil_servant",
 * "selected_graduate", other members of the person record}],"assessments":[assessment records
 * as in ck_assessment_screen_json],"findings":[...],"disposal_cases":[case JSON as written by
 * ck_assessment_disposal_apply_json],"explain":false}.
 * *out: {"as_of","members":[{"cadre_id","pool","reasons"}],"near_misses":[{"cadre_id","pool",
 * "kind":"ages_out"|"misses_one","date","reasons"}],"excluded":[{"cadre_id","pool",
 * "kind":"red_line"|"open_disposal_case","reasons"}],"sizes":[{"pool","members","target"}]};
 * pool is "echelon1" | "echelon2" | "nvshaofei"; each entry has "explanation" when asked. */
CK_API int ck_talent_pools_json(char **out, const ck_policy *policy, const char *request_json);

/* Who entered and who left each pool between two dates. request: {"from","to", the other
 * members as for ck_talent_pools_json}. *out: {"from","to","changes":[{"cadre_id","pool",
 * "change":"entered"|"left","reasons"}]} by pool then cadre id. */
CK_API int ck_talent_pool_changes_json(char **out, const ck_policy *policy, const char *request_json);

/* Team structure (HURE.5). request: {"as_of","members":[{"team_id","cadre_id","sex",
 * "birth_date","ethnicity","political_status"}],"candidates":[cadres as for
 * ck_talent_pools_json],"max_candidates","assessments","findings","disposal_cases","explain"}.
 * *out: {"as_of","teams":[{"team_id","size","young","women","minority","non_party",
 * "shares":{...exact text},"targets":{...},"gaps":[{"criterion","have","target","missing",
 * "candidates":[{"cadre_id","pools","eligible","reasons"}],"candidate_count",
 * "eligible_count"}]}]}, teams in order of first appearance. Candidates are pool members with
 * the attribute, eligible by promotion.min_years_at_rank.* and not excluded by a red line or an
 * open disposal case; a gap counts them all and lists the first "max_candidates" (default 20,
 * at least 0), eligible first, then by id. */
CK_API int ck_talent_team_structure_json(char **out, const ck_policy *policy, const char *request_json);

/* Batch (see "Batch calls" at the top): team structure over columns (HURE.5), n_members rows
 * in any order. Codes: team in 0 .. n_teams-1; sex 1 male, 2 female; ethnicity GB 3304 code
 * 1..56 (1 = Han); political_status GB/T 4762 code 1..13 (1, 2 = party). Writes, for each team
 * t < n_teams: size, young (age at most talent.team.young_max_age), women, minority, non_party,
 * and gaps: bit 0 young, bit 1 women, bit 2 minority, bit 3 non-party, set when the count is
 * below its talent.team.min_* target. Errors name the column and the row. */
typedef struct ck_talent_team_structure_in {
  size_t struct_size;               /* sizeof(ck_talent_team_structure_in) */
  ck_date as_of;
  size_t n_members;                 /* member rows */
  const int32_t *team;              /* [n_members] */
  const uint8_t *sex;               /* [n_members] */
  const ck_date *birth_date;        /* [n_members] */
  const uint8_t *ethnicity;         /* [n_members] */
  const uint8_t *political_status;  /* [n_members] */
  size_t n_teams;                   /* teams: the length of every output column */
} ck_talent_team_structure_in;

typedef struct ck_talent_team_structure_out {
  size_t struct_size;   /* sizeof(ck_talent_team_structure_out) */
  int32_t *size;        /* [n_teams] written */
  int32_t *young;       /* [n_teams] written */
  int32_t *women;       /* [n_teams] written */
  int32_t *minority;    /* [n_teams] written */
  int32_t *non_party;   /* [n_teams] written */
  uint8_t *gaps;        /* [n_teams] written: bit mask */
} ck_talent_team_structure_out;

CK_API int ck_talent_team_structure_columns(ck_talent_team_structure_out *out,
                                            const ck_policy *policy,
                                            const ck_talent_team_structure_in *in);

/* Deprecated: ck_talent_team_structure_columns with the columns passed one by one. */
CK_API CK_DEPRECATED("use ck_talent_team_structure_columns")
int ck_talent_team_structure_batch(const ck_policy *policy, ck_date as_of, size_t n_members,
                                   const int32_t *team, const uint8_t *sex,
                                   const ck_date *birth_date, const uint8_t *ethnicity,
                                   const uint8_t *political_status, size_t n_teams,
                                   int32_t *out_size, int32_t *out_young, int32_t *out_women,
                                   int32_t *out_minority, int32_t *out_non_party,
                                   uint8_t *out_gaps);

/* Batch (see "Batch calls" at the top): the pools over columns (HURE.1), the decisions of
 * ck_talent_pools_json for every cadre row. Codes: sex 1 male, 2 female; ethnicity GB 3304 code
 * 1..56 (1 = Han); political_status GB/T 4762 code 1..13 (0 = unknown is an error, as in the
 * JSON call); rank 0 keyuan .. 6 zheng_ting; civil_servant, selected_graduate, supervised 0/1.
 * supervised = 1: a red line or an open disposal case excludes the cadre (the caller's
 * screening). The second table holds the annual ratings: rating_cadre is the cadre's row (-1:
 * not one of the cadres, not read), rating_year the year, rating the assessment rating code
 * (0 none, 1 excellent, 2 competent, 3 basically competent, 4 incompetent, ...); two ratings
 * of one cadre for one year of the 女少非 window are an error, other years are not read.
 * Writes, for each cadre: member, near_miss and excluded (bit 0 echelon1, bit 1 echelon2, bit 2
 * nvshaofei; a near miss is "ages_out" for a member and "misses_one" otherwise; excluded
 * echelon2 without supervised is "in_echelon1") and age (as talent.age.counting counts it).
 * Errors name the column and the row ("ratings.year", "row N" of the ratings). */
typedef struct ck_talent_pools_in {
  size_t struct_size;                /* sizeof(ck_talent_pools_in) */
  ck_date as_of;
  size_t n_cadres;                   /* cadre rows */
  const ck_date *birth_date;         /* [n_cadres] */
  const uint8_t *sex;                /* [n_cadres] */
  const uint8_t *ethnicity;          /* [n_cadres] */
  const uint8_t *political_status;   /* [n_cadres] */
  const uint8_t *rank;               /* [n_cadres] */
  const uint8_t *civil_servant;      /* [n_cadres] */
  const uint8_t *selected_graduate;  /* [n_cadres] */
  const uint8_t *supervised;         /* [n_cadres]; NULL: all zeros */
  size_t n_ratings;                  /* rating rows */
  const int32_t *rating_cadre;       /* [n_ratings] */
  const int32_t *rating_year;        /* [n_ratings] */
  const uint8_t *rating;             /* [n_ratings] */
} ck_talent_pools_in;

typedef struct ck_talent_pools_out {
  size_t struct_size;  /* sizeof(ck_talent_pools_out) */
  uint8_t *member;     /* [n_cadres] written: bit mask of pools */
  uint8_t *near_miss;  /* [n_cadres] written: bit mask of pools */
  uint8_t *excluded;   /* [n_cadres] written: bit mask of pools */
  int32_t *age;        /* [n_cadres] written */
} ck_talent_pools_out;

CK_API int ck_talent_pools_columns(ck_talent_pools_out *out, const ck_policy *policy,
                                   const ck_talent_pools_in *in);

/* Gaps of one growth file (HURE.2-HURE.4). request: {"as_of","growth_file":{"cadre_id","rank",
 * "rank_since","postings":[{"kind":"post"|"village_residency"|"secondment"|"frontline"|
 * "exchange","from","until","unit","sector","grassroots","principal","level","area",
 * "households"}],"trainings":[{"topic","from","until"}],"results":[{"year","rating"}]}}.
 * *out: {"cadre_id","figures":{"grassroots_days","grassroots_years","distinct_sectors",
 * "secondments_upward","principal_posts","years_at_rank","days_at_rank"},"gaps":[{"gap",
 * "posting","value","threshold","parameter","reason"}],"explanation"}; gap -> posting:
 * no_grassroots -> village_residency, narrow_view -> secondment, single_track -> exchange,
 * no_principal_post -> hard_post. */
CK_API int ck_talent_gaps_json(char **out, const ck_policy *policy, const char *request_json);

/* Proposed postings for a pool within places. request: {"as_of","growth_files":[...],
 * "places":{"village_residency":378,"secondment":22,...}}. *out: {"proposals":[{"cadre_id",
 * "posting","gap","placed","order","reason"}]}: per posting, the cadres with its gap queued by
 * the size of the gap (ties by cadre id); the first `places` are placed, the rest wait. */
CK_API int ck_talent_postings_json(char **out, const ck_policy *policy, const char *request_json);

/* ======================================================================================== */
/* The whole year and the what-if (all five reforms)                                        */
/* ======================================================================================== */

/* The whole year of a county under `policy` (docs/year.md): data_dir holds the county's files
 * as data/sample does (NULL: the sample county embedded in the library); year 0 is the
 * county's own year. *out: {"schema":"cadrekit.year/1","policy","lineage","year","as_of",
 * "county","village","budget","audit","disclosure","assessment","talent","figures",
 * "assumed":[{"name","type","value","unit","effective_from","clause","label_zh","label_en",
 * "decisions","modules"}]}. Free with ck_free(). */
CK_API int ck_year_run_json(char **out, const ck_policy *policy, const char *data_dir, int year);
/* The decisions that differ between two results of ck_year_run_json (a, then b): *out:
 * {"schema":"cadrekit.year.compare/1","a","b","village","budget","audit","disclosure",
 * "assessment","talent" (each [{"decision","id","a","b","explanation_a","explanation_b"}]),
 * "downstream":[{"from","to":[...]}],"assumed":{"a","b"}}. Free with ck_free(). */
CK_API int ck_year_compare_json(char **out, const char *a_json, const char *b_json);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CADREKIT_H */
