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
/* Batch: out[i] = add_working_days(from[i], n[i]) for i < len. All or nothing: on failure out
 * is left unchanged and the message names the row. */
CK_API int ck_calendar_add_working_days_batch(ck_date *out, const ck_calendar *cal,
                                              const ck_date *from, const int32_t *n, size_t len);

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
/* Person record as JSON (docs/person.md) -> 三龄 and group flags as JSON. Free with ck_free(). */
CK_API int ck_person_summary_json(char **out, const char *person_json, ck_date as_of);

/* ======================================================================================== */
/* Village cadre pay and incentives (JARUD)                                                 */
/* ======================================================================================== */

/* (ck_village_* functions: this section is filled in with the module) */

/* ======================================================================================== */
/* Economic-responsibility audit (HOLINGOL)                                                 */
/* ======================================================================================== */

/* (ck_audit_* functions: this section is filled in with the module) */

/* ======================================================================================== */
/* Disclosure of promoted leaders' personal matters (KAILU)                                 */
/* ======================================================================================== */

/* (ck_disclosure_* functions: this section is filled in with the module) */

/* ======================================================================================== */
/* Assessment, red lines, disposal, follow-up, promotion (HORQIN)                           */
/* ======================================================================================== */

/* (ck_assessment_* functions: this section is filled in with the module) */

/* ======================================================================================== */
/* Talent pools and leadership teams (HURE)                                                 */
/* ======================================================================================== */

/* (ck_talent_* functions: this section is filled in with the module) */

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CADREKIT_H */
