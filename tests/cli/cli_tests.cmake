# The command line's module commands: answers, exit statuses and the table layer (docs/cli.md).
# Included from tests/CMakeLists.txt when the CLI is built. Every expected value below is worked
# out by hand from the fixtures (tests/cli/make_fixtures.py) and the default profile.
set(_d ${CMAKE_CURRENT_SOURCE_DIR}/cli)
set(_g ${CMAKE_CURRENT_SOURCE_DIR}/golden)
set(_tmp ${CMAKE_CURRENT_BINARY_DIR}/cli_tmp)
file(MAKE_DIRECTORY ${_tmp})
function(ck_cli name)
  add_test(NAME cli.${name}
    COMMAND ${CMAKE_COMMAND} -DCMD=$<TARGET_FILE:cadrekit_cli> ${ARGN} -P ${_d}/run_cli.cmake)
endfunction()

# --- audit tier: the source's county, 67 units → 20 / 28 / 19 (HOLINGOL L46). Budget bands
# 5,000,000 and more → 4 points, 3,000,000 … below 5,000,000 → 2, below → 0; complaints and a
# high-risk sector weigh 4, a window unit 2, each power 1; level 1 from 4 points, 2 from 2.
ck_cli(audit_tier_county
  "-DARGS=audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31"
  "-DCOUNT1_RE=\nU[0-9][0-9],[^,\n]*,1," -DCOUNT1=20
  "-DCOUNT2_RE=\nU[0-9][0-9],[^,\n]*,2," -DCOUNT2=28
  "-DCOUNT3_RE=\nU[0-9][0-9],[^,\n]*,3," -DCOUNT3=19
  "-DEXPECT_OUT=^unit_id,name,level,band,band_points,factor_points,score\nU01,示例单位01,1,high,4,0,4\n.*\nU19,示例单位19,1,low,0,4,4\n.*\nU21,示例单位21,2,middle,2,0,2\n.*\nU47,示例单位47,2,low,0,2,2\nU48,示例单位48,2,low,0,2,2\nU49,示例单位49,3,low,0,0,0\n")
# The same county as JSON output, with explanations naming the clause.
ck_cli(audit_tier_json
  "-DARGS=audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31|--format|json|--explain"
  "-DEXPECT_OUT=^\\[\\{\"unit_id\":\"U01\",\"name\":\"示例单位01\",\"level\":1,\"band\":\"high\",\"band_points\":4,\"factor_points\":0,\"score\":4,\"explanation\":\\{.*HOLINGOL\\.1")
# The table layer: the county saved by Chinese Excel (GB18030) gives the same answer as UTF-8.
ck_cli(table_gbk_same_as_utf8
  -DICONV_FROM=${_d}/audit_units.csv -DICONV_TO=${_tmp}/audit_units_gbk.csv -DICONV_ENC=GB18030
  "-DARGS=audit|tier|${_tmp}/audit_units_gbk.csv|--as-of|2016-12-31"
  "-DSAME_ARGS=audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31"
  "-DEXPECT_OUT=\nU01,示例单位01,1,high,4,0,4\n")
ck_cli(table_gbk_explicit_encoding
  -DICONV_FROM=${_d}/villages_206.csv -DICONV_TO=${_tmp}/villages_206_gbk.csv -DICONV_ENC=GBK
  "-DARGS=village|select|${_tmp}/villages_206_gbk.csv|--year|2016|--encoding|gb18030"
  "-DSAME_ARGS=village|select|${_d}/villages_206.csv|--year|2016")
# GBK bytes read as UTF-8 on request: exit 2, one line naming the file and line 2 (the first
# line with Chinese text), never the value.
ck_cli(table_gbk_as_utf8_rejected
  -DICONV_FROM=${_d}/villages_206.csv -DICONV_TO=${_tmp}/villages_206_gbk2.csv -DICONV_ENC=GBK
  "-DARGS=village|select|${_tmp}/villages_206_gbk2.csv|--year|2016|--encoding|utf-8"
  -DEXPECT_RC=2 "-DEXPECT_ERR=invalid_input: not valid UTF-8.*field --encoding, record .*villages_206_gbk2.csv:2\\)" -DERR_LINES=1)
ck_cli(table_missing_column
  "-DARGS=audit|tier|${_d}/pay_scores.csv|--as-of|2016-12-31"
  -DEXPECT_RC=2 "-DEXPECT_ERR=no such column.*field unit_id, record .*pay_scores.csv" -DERR_LINES=1)
# A JSON table of no rows is an empty table, as the C surface reads an empty array: it named a
# required column missing. (The records' row 10 has a bad kind: exit 7, the others processed.)
ck_cli(table_json_without_rows
  "-DARGS=assessment|screen|${_d}/assessment_records.csv|--findings|${_d}/empty.json|--as-of|2016-12-31"
  "-DSAME_ARGS=assessment|screen|${_d}/assessment_records.csv|--as-of|2016-12-31" -DEXPECT_RC=7
  "-DEXPECT_OUT=^cadre_id,rule_id,clause,suggestion,periods,findings,rows\nC1,annual_bottom,")
ck_cli(table_json_without_rows_tiers_none
  "-DARGS=audit|tier|${_d}/empty.json|--as-of|2016-12-31|--format|json" "-DEXPECT_OUT=^\\[\\]\n$")
ck_cli(table_unknown_option
  "-DARGS=audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31|--format|xml" -DEXPECT_RC=64)

# --- audit plan and verify, 2017–2021: least capacity 14 = ⌈20/3⌉ level-1 + ⌈28/5⌉ level-2
# + 1 level-3 sample a year (docs/audit.md); at 13 the plan is not feasible (exit 1).
add_test(NAME cli.audit_tier_plan_verify
  COMMAND ${CMAKE_COMMAND} -DCMD=$<TARGET_FILE:cadrekit_cli> -DD=${_d} -DTMP=${_tmp}
          -P ${_d}/plan_verify.cmake)
ck_cli(audit_plan_not_feasible
  "-DARGS=audit|plan|${_tmp}/tiers.csv|--first-year|2017|--last-year|2021|--capacity|13"
  -DEXPECT_RC=1 "-DEXPECT_ERR=not feasible at capacity 13: .*least capacity 14")
set_tests_properties(cli.audit_plan_not_feasible PROPERTIES DEPENDS cli.audit_tier_plan_verify)

# --- village select: 206 villages → ⌈5 % × 206⌉ = 11 places; largest remainders of 11 × 100/206,
# 60/206, 46/206 (5.34, 3.20, 2.46) give 5 / 3 / 3; the funnel 1:3, 1:2 and ⌈1.2 × places⌉.
ck_cli(village_select_quota
  "-DARGS=village|select|${_d}/villages_206.csv|--year|2016"
  "-DEXPECT_OUT=^township,villages,places,initial,prospective,formal\n丙苏木,46,3,9,6,4\n乙镇,60,3,9,6,4\n甲镇,100,5,15,10,6\n,206,11,33,22,14\n$")
# Eligibility on 2016-12-31: ≥ 3 years in post, age ≤ 55, no 不合格 in 2015.
ck_cli(village_select_eligibility
  "-DARGS=village|select|--applicants|${_d}/applicants.csv|--as-of|2016-12-31"
  "-DEXPECT_OUT=^cadre_id,eligible,failed\nA1,true,\nA2,false,village\\.selection\\.min_years_in_post\nA3,false,village\\.selection\\.max_age\nA4,false,village\\.selection\\.clean_grades\n$")
ck_cli(village_select_usage
  "-DARGS=village|select|${_d}/villages_206.csv" -DEXPECT_RC=64)

# --- village pay 2016: ten villages ranked 1…10 in one township; ⌈…⌉ half-up of 30 % and 80 %
# of 10 → ranks 1–3 实绩突出 (4,000), 4–8 比较突出 (2,000), 9–10 一般 (0). Base 9,000 from 2,000
# people, 8,000 from 1,000, else 7,000; P04 from 1 July: base for 6 of 12 months, performance pay
# in full (in post on the grading date: village.performance_pay.proration none, L142
# 「给予4000元的绩效工资」). 不合格: talk due 31 Dec + 30 days, rectification + 90 days.
set(_pay "village|pay|--villages|${_d}/pay_villages.csv|--scores|${_d}/pay_scores.csv|--year|2016")
ck_cli(village_pay_lines
  "-DARGS=${_pay}|--principals|${_d}/pay_principals.csv"
  "-DEXPECT_OUT=^cadre_id,village_id,township,post,units,units_of_year,base,performance,public_institution,total,team_grade,team_grade_zh,team_grade_en,grade,grade_zh,grade_en,actions\nP01,V01,甲镇,secretary,12,12,9000.00,4000.00,0.00,13000.00,outstanding,实绩突出,Outstanding,excellent,优秀,Excellent,\nP02,V05,甲镇,both,12,12,8000.00,2000.00,0.00,10000.00,good,比较突出,Good,basic,基本合格,Basically qualified,\nP03,V10,甲镇,director,12,12,7000.00,0.00,0.00,7000.00,ordinary,一般,Ordinary,unqualified,不合格,Unqualified,admonishment_talk:2017-01-30.rectification:2017-03-31\nP04,V02,甲镇,director,6,12,4000.00,4000.00,0.00,8000.00,outstanding,实绩突出,Outstanding,excellent,优秀,Excellent,\n$")
ck_cli(village_pay_townships
  "-DARGS=${_pay}|--principals|${_d}/pay_principals.csv|--show|townships"
  "-DEXPECT_OUT=^township,villages,principals,base,performance,total\n甲镇,10,4,28000.00,10000.00,38000.00\n,10,4,28000.00,10000.00,38000.00\n$")
# Budget with two public-institution holders at 24,000 a year.
ck_cli(village_pay_budget
  "-DARGS=${_pay}|--principals|${_d}/pay_principals.csv|--show|budget|--holders|2"
  "-DEXPECT_OUT=\n2016,tongliao-2016,28000.00,10000.00,48000.00,0.00,86000.00\n$")
# Two bad rows (a 13th month; an unknown village): each reported on one line naming file, line
# and field (an unknown village in the library's words, as C and Python say it); the four good
# rows are still paid, exit 7. --strict stops at the first (exit 2).
ck_cli(village_pay_bad_rows_reported
  "-DARGS=${_pay}|--principals|${_d}/pay_principals_bad.csv" -DEXPECT_RC=7
  "-DEXPECT_ERR=pay_principals_bad.csv:4: .*field served_from.*\n\
.*pay_principals_bad.csv:5: principal of an unknown village \\(field village_id\\)\n.*2 rows were rejected"
  -DERR_LINES=3 -DCOUNT1_RE=\nP0[1-4], -DCOUNT1=4 "-DEXPECT_NOT_OUT=P0[56]")
# --keep copies each accepted principal's cells to its line, the refused rows (P05, P06) leaving
# none behind: every name stays with its cadre.
ck_cli(village_pay_keep_after_bad_rows
  "-DARGS=${_pay}|--principals|${_d}/pay_principals_bad.csv|--show|lines|--keep|name,served_to" -DEXPECT_RC=7
  "-DEXPECT_OUT=\nP01,V01,[^\n]*,示例甲,\nP02,V05,[^\n]*,示例乙,\n\
P03,V10,[^\n]*,示例丙,\nP04,V02,[^\n]*,示例丁,\n$")
# A village without its population is rejected, and so is its principal (P04): the base pay's
# band was read from 0 people, 7,000 a year, where the C and Python sheets refuse the village.
ck_cli(village_pay_population_missing
  "-DARGS=village|pay|--villages|${_d}/pay_villages_no_population.csv|--scores|${_d}/pay_scores.csv|--year|2016\
|--principals|${_d}/pay_principals.csv" -DEXPECT_RC=7
  "-DEXPECT_ERR=pay_villages_no_population.csv:3: missing \\(expected a whole number\\) \\(field population\\)"
  "-DEXPECT_NOT_OUT=P04")
ck_cli(village_pay_strict
  "-DARGS=${_pay}|--principals|${_d}/pay_principals_bad.csv|--strict" -DEXPECT_RC=2
  "-DEXPECT_ERR=^cadrekit: invalid_input: .*pay_principals_bad.csv:4: .*field served_from" -DERR_LINES=1
  "-DEXPECT_NOT_OUT=P01")
# A row of scores is read whole or not at all: V02's row, refused for its q4, leaves none of its
# five scores, so V02 is not graded and misses every period (its q1–q3 were kept once, and V02
# was graded on them).
ck_cli(village_pay_score_row_whole_or_none
  "-DARGS=village|pay|--villages|${_d}/pay_villages.csv|--scores|${_d}/pay_scores_bad_cell.csv|--year|2016\
|--principals|${_d}/pay_principals.csv|--show|villages" -DEXPECT_RC=7
  "-DEXPECT_ERR=pay_scores_bad_cell.csv:3: not a decimal number or a fraction \\(field q4\\)" -DERR_LINES=2
  "-DEXPECT_OUT=\nV02,甲镇,,0,9,not_graded,未评定,Not graded,\"2016Q1,2016Q2,2016Q3,2016Q4,2016\"\nV03,甲镇,93,2,")
# --year is checked before any table is read: one error, not one for each row of scores.
ck_cli(village_pay_year_checked_first
  "-DARGS=village|pay|--villages|${_d}/pay_villages.csv|--scores|${_d}/pay_scores.csv|--year|99999\
|--principals|${_d}/pay_principals.csv" -DEXPECT_RC=2
  "-DEXPECT_ERR=^cadrekit: invalid_input: not a valid calendar date \\(field --year\\)" -DERR_LINES=1)

# --- assessment screen on 2016-12-31: C1 last of 10 in 2015 and 2016 (annual_bottom); C2 a
# finding of lack of ability (qualitative_ability); C3 不称职 in 2016 (incompetent_demote); C4
# 未达标 twice (party_conduct_fail). C2 bottom once only and C5's exploratory mistake: nothing.
# The row of kind "yearly" is reported and the others screened (exit 7).
ck_cli(assessment_screen
  "-DARGS=assessment|screen|${_d}/assessment_records.csv|--findings|${_d}/assessment_findings.csv|--as-of|2016-12-31"
  -DEXPECT_RC=7 "-DEXPECT_ERR=assessment_records.csv:10: .*field kind" -DERR_LINES=2
  "-DEXPECT_OUT=^cadre_id,rule_id,clause,suggestion,periods,findings,rows\nC1,annual_bottom,[^,]*,any,2015.2016,,[^\n]*assessment_records.csv:2.[^\n]*assessment_records.csv:3\nC2,qualitative_ability,HORQIN.2,off_post_training,2016-06-01,F1,[^\n]*assessment_findings.csv:2\nC3,incompetent_demote,HORQIN.3,demotion,2016,,[^\n]*assessment_records.csv:7\nC4,party_conduct_fail,HORQIN.3,any,2015.2016,,[^\n]*assessment_records.csv:8.[^\n]*assessment_records.csv:9\n$"
  "-DEXPECT_NOT_OUT=事实")
# A finding naming a standard that is not in the catalogue in force is one bad row (file:line,
# field standard), not the end of the command: F1 still fires for C2 (exit 7); --strict stops.
ck_cli(assessment_screen_unknown_standard_is_a_row_error
  "-DARGS=assessment|screen|${_d}/assessment_records.csv|--findings|${_d}/assessment_findings_bad.csv|--as-of|2016-12-31"
  -DEXPECT_RC=7 "-DEXPECT_ERR=assessment_findings_bad.csv:3: .*field standard" -DERR_LINES=3
  "-DEXPECT_OUT=\nC2,qualitative_ability,HORQIN.2,off_post_training,2016-06-01,F1,")
ck_cli(assessment_screen_unknown_standard_strict
  "-DARGS=assessment|screen|${_d}/assessment_records.csv|--findings|${_d}/assessment_findings_bad.csv|--as-of|2016-12-31|--strict"
  -DEXPECT_RC=2 "-DEXPECT_ERR=assessment_records.csv:10: .*field kind" -DERR_LINES=1)
ck_cli(assessment_screen_needs_as_of
  "-DARGS=assessment|screen|${_d}/assessment_records.csv" -DEXPECT_RC=64)

# --- disclosure: the rounds counted by hand from the State Council notices
# (tests/golden/disclosure_windows.csv); the golden record is valid; its round-1 notice shows
# the ages worked out by hand (37, 15, 16 as of 2016-09-20). Each round's venues as ids, in
# Chinese and in English (KAILU.2: 所在单位、居住地和分管工作领域; 电视和网络媒体).
ck_cli(disclosure_plan
  "-DARGS=disclosure|plan|${_d}/disclosure_candidates.csv"
  "-DEXPECT_OUT=^id,round,rank,posted,venues,venues_zh,venues_en,first_day,last_day,working_days\nK1,1,fu_ke,2016-09-30,work_unit.residence,所在单位；居住地,Work unit; Place of residence,2016-09-30,2016-10-11,5\nK2,1,zheng_ke,2016-02-04,work_unit.residence.field_in_charge,所在单位；居住地；分管工作领域,Work unit; Place of residence; Field in charge,2016-02-04,2016-02-15,5\nK3,2,fu_ke,2016-10-01,television.internet,电视；网络媒体,Television; Internet media,2016-10-08,2016-10-12,[0-9]+\nK4,2,zheng_ke,2016-02-08,television.internet,电视；网络媒体,Television; Internet media,2016-02-14,2016-02-18,[0-9]+\n$")
ck_cli(disclosure_validate_ok
  "-DARGS=disclosure|validate|${_g}/disclosure_record.json" "-DEXPECT_OUT=^record,path,code,message\n$")
ck_cli(disclosure_validate_problems
  "-DARGS=disclosure|validate|${_d}/disclosure_record_bad.json" -DEXPECT_RC=1
  "-DEXPECT_OUT=\n[^\n]*disclosure_record_bad.json,matters\\.real_estate\\.items\\[0\\]\\.holder,holder_unknown,.*\n[^\n]*disclosure_record_bad.json,matters\\.real_estate\\.items\\[0\\]\\.area,area_not_positive,"
  "-DEXPECT_NOT_OUT=150502")
ck_cli(disclosure_notice
  "-DARGS=disclosure|notice|${_g}/disclosure_record.json|--round|1|--format|json"
  "-DEXPECT_OUT=\"id\":\"KL-2016-001\",\"round\":1,.*\"fields\":\\{[^}]*\"age\":37,\"party_years\":15,\"work_years\":16")

# --- import-lrmx: the example form (YYYYMM dates) and a YYYY.MM twin without the ID number (so
# the birth month 1978.12 is read) give the same record; ages as of 2026-03-01 (born 1978-12-18
# per the ID number or 1978-12: 47; party 2001-07: 24; work 2000-07: 25). The ID number is left
# out unless asked for.
ck_cli(import_lrmx
  "-DARGS=import-lrmx|${_g}/disclosure_lrmx_example.xml|${_d}/lrmx_dotted.lrmx"
  "-DEXPECT_OUT=\ndisclosure_lrmx_example,王晓梅,female,1978-12-18,02,01,2001-07-01,2000-07-01,研究生,大学/经济学学士,研究生/公共管理硕士,示例市示例局副局长,示例市示例局局长,2026-03-01,47,24,25,4\nlrmx_dotted,王晓梅,female,1978-12-01,02,01,2001-07-01,2000-07-01,研究生,大学/经济学学士,研究生/公共管理硕士,示例市示例局副局长,示例市示例局局长,2026-03-01,47,24,25,4\n$"
  "-DEXPECT_NOT_OUT=150502")
ck_cli(import_lrmx_bad_form_reported
  "-DARGS=import-lrmx|${_d}/lrmx_bad.lrmx|${_d}/lrmx_dotted.lrmx" -DEXPECT_RC=7
  "-DEXPECT_ERR=lrmx_bad.lrmx: .*field ChuShengNianYue.*2 forms: 1 read, 0 read with warnings, 1 refused"
  -DERR_LINES=2 "-DEXPECT_OUT=\nlrmx_dotted,")
# The corpus of forms (tests/data/lrmx, its expected.tsv): a folder in, a table and a report out,
# exit statuses, nothing half-written, and the hostile forms (made at run time) refused naming
# the limit (tests/cli/check_import_lrmx.py).
if(Python3_EXECUTABLE)
  set(_ck_cli_python ${Python3_EXECUTABLE})
else()
  find_program(_ck_cli_python NAMES python3 REQUIRED)
endif()
add_test(NAME cli.import_lrmx_limits
  COMMAND ${_ck_cli_python} ${_d}/check_import_lrmx.py $<TARGET_FILE:cadrekit_cli>
          ${PROJECT_SOURCE_DIR} ${_tmp}/import_lrmx)

# Input limits: devices and files over table.max_bytes / policy.max_bytes refused before they
# are read; a 10^6-column header read in linear time (tests/cli/check_limits.py).
add_test(NAME cli.input_limits
  COMMAND ${_ck_cli_python} ${_d}/check_limits.py $<TARGET_FILE:cadrekit_cli> ${_tmp}/limits)
set_tests_properties(cli.input_limits PROPERTIES TIMEOUT 300)

# No message holds an ID number: a row keyed by one, or a header's cell holding one, in any of
# its written forms (tests/cli/check_masked_numbers.py).
add_test(NAME cli.masked_numbers
  COMMAND ${_ck_cli_python} ${_d}/check_masked_numbers.py $<TARGET_FILE:cadrekit_cli> ${_tmp}/masked)

# .xlsx input: workbooks made by openpyxl and xlsxwriter with every kind of cell give each table
# command the output its CSV gives; malformed ones (not a zip, .xls, truncated, missing parts, a
# DOCTYPE, a zip bomb, formulas without a saved value, error values) are refused naming the part
# or the cell (tests/cli/check_xlsx_input.py).
add_test(NAME cli.xlsx_input
  COMMAND ${_ck_cli_python} ${_d}/check_xlsx_input.py $<TARGET_FILE:cadrekit_cli> ${_d} ${_tmp}/xlsx_input)
set_tests_properties(cli.xlsx_input PROPERTIES TIMEOUT 600)

# .xlsx output read back by openpyxl: the same values as CSV, cell kinds and formats, frozen
# header, autofilter, the notes sheet, formula-like text, -o whole or not at all, a terminal
# refused, the demo's and the workspace's workbooks, the sheet's limits (1,048,576 rows, a text
# over 32,767 characters), and a label for every column any command writes (tests/cli/check_xlsx.py).
add_test(NAME cli.xlsx_write
  COMMAND ${_ck_cli_python} ${_d}/check_xlsx.py $<TARGET_FILE:cadrekit_cli> ${PROJECT_SOURCE_DIR} ${_tmp}/xlsx)
set_tests_properties(cli.xlsx_write PROPERTIES TIMEOUT 300)

# Every table command run with --strict on the templates `cadrekit template` writes for it (CSV
# and workbook): the columns its help lists are the ones it reads, and the example rows are rows
# it accepts (tests/cli/check_templates.py).
add_test(NAME cli.templates
  COMMAND ${_ck_cli_python} ${_d}/check_templates.py $<TARGET_FILE:cadrekit_cli>)
set_tests_properties(cli.templates PROPERTIES TIMEOUT 300)
# `assessment screen` by the columnar kernel writes, reports and exits as the row path
# (--row-path) does, explanations included, on random tables with findings by cadre and by unit,
# rows out of order, and bad or duplicate rows (tests/cli/check_screen_paths.py).
add_test(NAME cli.assessment_screen_kernel_matches_rows
  COMMAND ${_ck_cli_python} ${_d}/check_screen_paths.py $<TARGET_FILE:cadrekit_cli>
          ${CMAKE_CURRENT_BINARY_DIR}/screen_paths)
set_tests_properties(cli.assessment_screen_kernel_matches_rows PROPERTIES TIMEOUT 300)

# One input, one output on every surface: village pay and audit tier with --keep, from CSV and
# JSON tables, as CSV and --format json, give the columns and values of
# tests/golden/same_output.tsv, which the C++, C and Python tests read too.
add_test(NAME cli.same_output
  COMMAND ${_ck_cli_python} ${_d}/check_same_output.py $<TARGET_FILE:cadrekit_cli>)

# --- compare: the same inputs under two profiles. 优秀 at 5,000 instead of 4,000: P01 (full
# year) +1,000, P04 (from July, in post when graded: performance pay in full, proration none)
# +1,000; budget performance 10,000 → 12,000, total 38,000 → 40,000. Everyone else is
# unchanged and not listed.
ck_cli(compare_village_pay
  "-DARGS=compare|--policy|default|--policy|${_d}/excellent5000.yaml|${_pay}|--principals|${_d}/pay_principals.csv"
  "-DEXPECT_OUT=^subject,id,item,a,b,difference,explanation_a,explanation_b\npay,P01@V01,grade total,优秀 13000.00,优秀 14000.00,1000.00,\"([^\"]|\"\")*\",\"([^\"]|\"\")*\"\npay,P04@V02,grade total,优秀 8000.00,优秀 9000.00,1000.00,\"([^\"]|\"\")*\",\"([^\"]|\"\")*\"\nbudget,2016,base,28000.00,28000.00,0.00,,\nbudget,2016,performance,10000.00,12000.00,2000.00,,\nbudget,2016,public_institution,0.00,0.00,0.00,,\nbudget,2016,subsidies,0.00,0.00,0.00,,\nbudget,2016,total,38000.00,40000.00,2000.00,,\n$")
# The highest band from 6,000,000: U01 (exactly 5,000,000) falls to the middle band, level 2;
# the county becomes 19 / 29 / 19. Explanations in English on request.
ck_cli(compare_audit_tier
  "-DARGS=compare|--policy|default|--policy|${_d}/high_band_6m.yaml|--lang|en|audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31"
  "-DEXPECT_OUT=^subject,id,item,a,b,difference,explanation_a,explanation_b\ntier,U01,level,1,2,'-2 points,\"[^\"]*HOLINGOL\.1([^\"]|\"\")*\",\"([^\"]|\"\")*\"\ntier,,levels 1/2/3,20/28/19,19/29/19,,,\n$")
ck_cli(compare_needs_two_profiles
  "-DARGS=compare|--policy|default|audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31" -DEXPECT_RC=64)

# --- JSON tables in: the applicants as a JSON array (grades as an object) give the same answer
# as the CSV; a CSV with a UTF-8 byte-order mark and CRLF line ends (Excel's "CSV UTF-8") reads
# like one without.
ck_cli(table_json_input_same_as_csv
  "-DARGS=village|select|--applicants|${_d}/applicants.json|--as-of|2016-12-31"
  "-DSAME_ARGS=village|select|--applicants|${_d}/applicants.csv|--as-of|2016-12-31"
  "-DEXPECT_OUT=\nA4,false,village")
# A JSON table's numbers are the text of their cells, as in the CSV: the id 100000.0 is 100000
# (it was written 1e+05, a changed id), and the C JSON calls read them so too.
ck_cli(table_json_numbers_same_as_csv
  "-DARGS=audit|tier|${_d}/audit_units_numbers.json|--as-of|2016-12-31"
  "-DSAME_ARGS=audit|tier|${_d}/audit_units_numbers.csv|--as-of|2016-12-31"
  "-DEXPECT_OUT=\n100000,2\\.5,1,high,4,4,8\n1001,")
ck_cli(table_json_output
  "-DARGS=village|select|--applicants|${_d}/applicants.csv|--as-of|2016-12-31|--format|json"
  "-DEXPECT_OUT=^\\[\\{\"cadre_id\":\"A1\",\"eligible\":true,\"failed\":\"\"\\},")
ck_cli(table_bom_crlf_same
  "-DARGS=village|select|--applicants|${_d}/applicants_excel.csv|--as-of|2016-12-31"
  "-DSAME_ARGS=village|select|--applicants|${_d}/applicants.csv|--as-of|2016-12-31"
  "-DEXPECT_OUT=^cadre_id,eligible,failed\nA1,true,\n")
# CSV as Excel writes a sheet it once used (unnamed trailing columns, padded and short rows, a
# row of separators only, a blank line, no final newline): the same answer as the plain table,
# and one note on standard error accounting for what was not data. An unnamed column before a
# named one is still an error (exit 2).
ck_cli(table_excel_padding_same
  "-DARGS=village|select|--applicants|${_d}/applicants_excel_padded.csv|--as-of|2016-12-31"
  "-DSAME_ARGS=village|select|--applicants|${_d}/applicants.csv|--as-of|2016-12-31"
  "-DEXPECT_OUT=^cadre_id,eligible,failed\nA1,true,\n")
ck_cli(table_excel_padding_noted
  "-DARGS=village|select|--applicants|${_d}/applicants_excel_padded.csv|--as-of|2016-12-31"
  "-DEXPECT_ERR=^cadrekit: note: [^\n]*applicants_excel_padded.csv: 2 empty rows skipped \\(blank or separators only\\); 3 unnamed columns at the end of the header ignored\n$"
  -DERR_LINES=1)
ck_cli(table_unnamed_column_refused
  "-DARGS=village|select|--applicants|${_d}/applicants_unnamed_column.csv|--as-of|2016-12-31" -DEXPECT_RC=2
  "-DEXPECT_ERR=an empty column name")
# CSV for spreadsheets: text that Excel would run as a formula gets a leading apostrophe (quoted
# where it holds a quote); a plain number ("-2") stays a number; --raw-cells writes cells as they are.
ck_cli(table_formula_cells_as_text
  "-DARGS=village|select|--applicants|${_d}/applicants_formula.csv|--as-of|2016-12-31"
  "-DEXPECT_OUT=^cadre_id,eligible,failed\n\"'=HYPERLINK\\(\"\"http://example.invalid/\"\"&A1\\)\",[a-z]+,[^\n]*\n'\\+1\\+1,[^\n]*\n'@SUM\\(A1\\),[^\n]*\n-2,[^\n]*\n$")
ck_cli(table_raw_cells
  "-DARGS=village|select|--applicants|${_d}/applicants_formula.csv|--as-of|2016-12-31|--raw-cells"
  "-DEXPECT_OUT=\n\\+1\\+1,[^\n]*\n@SUM\\(A1\\),")
# Three years near the bottom instead of two: C1 (last in 2015 and 2016 only) no longer crosses
# the annual red line; the other three hits stay. The planted kind "yearly" is still reported.
ck_cli(compare_assessment_screen
  "-DARGS=compare|--policy|default|--policy|${_d}/bottom3years.yaml|assessment|screen|${_d}/assessment_records.csv|--findings|${_d}/assessment_findings.csv|--as-of|2016-12-31"
  -DEXPECT_RC=7
  "-DEXPECT_OUT=^subject,id,item,a,b,difference,explanation_a,explanation_b\nred_line,C1,annual_bottom,fires 2015.2016,-,,\"([^\"]|\"\")*\",\nred_line,,hits,4,3,-1,,\n$")
# The same profile twice: no unit differs; the least capacity is 14 under both.
ck_cli(compare_audit_plan_same
  "-DARGS=compare|--policy|default|--policy|default|audit|plan|${_tmp}/tiers.csv|--first-year|2017|--last-year|2021|--capacity|14"
  "-DEXPECT_OUT=^subject,id,item,a,b,difference,explanation_a,explanation_b\nplan,,min_capacity,14,14,0,")
set_tests_properties(cli.compare_audit_plan_same PROPERTIES DEPENDS cli.audit_tier_plan_verify)

# --- talent pools as of 2016-09-22 (HURE.1; docs/talent.md): C1 (31, 副科, civil servant) and C2
# (35, 正科, turns 36 on 2016-10-15: a near miss within talent.near_miss.months = 3) are in
# echelon 1, which the second echelon lists as such (the echelons do not overlap); C3 (科员,
# neither civil servant nor 选调生) is in no pool; C4 (选调生, 28) has no annual rating, so is not
# an excellent selected graduate (优秀选调生): no pool. No assessments: nobody is in the 女少非
# pool (two years of results are required).
ck_cli(talent_pools
  "-DARGS=talent|pools|${_d}/talent_cadres.csv|--as-of|2016-09-22|--lang|en"
  "-DEXPECT_OUT=^cadre_id,pool,status,kind,date,reasons\nC1,echelon1,member,,,[^\n]*\nC2,echelon1,member,,,[^\n]*\nC2,echelon1,near_miss,ages_out,2016-10-15,[^\n]*\nC1,echelon2,excluded,in_echelon1,,[^\n]*\nC2,echelon2,excluded,in_echelon1,,"
  "-DCOUNT1_RE=\nC3," -DCOUNT1=0 "-DCOUNT2_RE=,nvshaofei,member" -DCOUNT2=0 "-DCOUNT3_RE=\nC4," -DCOUNT3=0)
# Without --assessments or --findings the pools kernel decides who has an entry, and pools()
# gives those entries their words, chunk by chunk in id order: the same output as the rows path
# (--row-path), on 305 cadres with codes written as names, yes/no flags in four spellings and
# dates in three, members, a near miss (N1 ages out of the first echelon on 2017-02-15) and the
# second echelon's in_echelon1; and on a bad row.
ck_cli(talent_pools_kernel_matches_rows
  "-DARGS=talent|pools|${_d}/talent_cadres_mixed.csv|--as-of|2016-12-31|--explain"
  "-DSAME_ARGS=talent|pools|${_d}/talent_cadres_mixed.csv|--as-of|2016-12-31|--explain|--row-path"
  "-DEXPECT_OUT=\nN1,echelon1,near_miss,ages_out,2017-02-15,")
# With supervision the kernel path decides as the rows path (--row-path) does: the 305 cadres
# with 1,539 assessment records in no order (ratings as codes and in Chinese, township rankings,
# a record of a cadre not in the table, a bad rating at line 19, a second record of one cadre at
# line 44) and findings of cadres and of a unit (D3; F7 names a standard not in force). Red
# lines: last place two years running (C0000215), a cadre's finding (C0000004) and the unit's
# finding given to a cadre whose records name D3 (C0000038); the explanations too.
set(_pools_sup "talent|pools|${_d}/talent_cadres_mixed.csv|--as-of|2016-12-31\
|--assessments|${_d}/talent_assessments_mixed.csv|--findings|${_d}/talent_findings_mixed.csv")
ck_cli(talent_pools_supervised_kernel_matches_rows
  "-DARGS=${_pools_sup}" "-DSAME_ARGS=${_pools_sup}|--row-path" -DEXPECT_RC=7 -DERR_LINES=4
  "-DEXPECT_ERR=talent_assessments_mixed.csv:19: .*talent_assessments_mixed.csv:44: a second record.*\
talent_findings_mixed.csv:8: standard is not in the catalogue"
  "-DEXPECT_OUT=\nC0000004,echelon1,excluded,red_line,,触及红线 qualitative_ability（HORQIN.2）\n.*\
\nC0000038,echelon1,excluded,red_line,,触及红线 qualitative_ability（HORQIN.2）\n.*\
\nC0000215,echelon1,excluded,red_line,,触及红线 annual_bottom（HORQIN.3）\n")
ck_cli(talent_pools_supervised_kernel_matches_rows_explain
  "-DARGS=${_pools_sup}|--explain" "-DSAME_ARGS=${_pools_sup}|--explain|--row-path" -DEXPECT_RC=7)
# A second record of one cadre, kind and period is reported at its line and left out on both
# paths, the cadre id trimmed and the kind in any of its spellings (" C1 " 年度考核 2015 at line 3,
# C1 Annual 2016 at line 7); the same cadre and period of another kind, or another year, is not one.
foreach(_path "" "|--row-path")
  string(REPLACE "|--row-path" "_row_path" _suffix "${_path}")
  ck_cli(assessment_screen_second_record${_suffix}
    "-DARGS=assessment|screen|${_d}/assessment_records_twice.csv|--as-of|2016-12-31${_path}" -DEXPECT_RC=7
    "-DEXPECT_ERR=twice.csv:3: a second record of the same cadre, kind and period \\(field period, record C1\\)\n\
[^\n]*twice.csv:7: a second record of the same cadre, kind and period" -DERR_LINES=3)
endforeach()
# A table the pools kernel refuses (C0000040 born after the as-of date) is decided by pools() over
# all its cadres and records, which refuses it in its words, as the rows path does.
set(_pools_born "talent|pools|${_d}/talent_cadres_born_after.csv|--as-of|2016-12-31\
|--assessments|${_d}/talent_assessments_mixed.csv|--findings|${_d}/talent_findings_mixed.csv")
ck_cli(talent_pools_supervised_refused_as_rows
  "-DARGS=${_pools_born}" "-DSAME_ARGS=${_pools_born}|--row-path" -DEXPECT_RC=2
  "-DEXPECT_ERR=the as-of date is before the birth date \\(field birth_date, record cadres\\[40\\]\\)")
# A second row of a cadre (C1 again at line 6) or of a village (V02 at line 12) is reported
# at its line and left out; the first is kept (TextIndex).
ck_cli(talent_pools_second_row_of_a_cadre
  "-DARGS=talent|pools|${_d}/talent_cadres_twice.csv|--as-of|2016-09-22" -DEXPECT_RC=7
  "-DEXPECT_ERR=talent_cadres_twice.csv:6: a second row of the same cadre \\(field cadre_id, record C1\\)"
  -DERR_LINES=2 "-DEXPECT_OUT=\nC1,echelon1,member,")
ck_cli(village_pay_village_listed_twice
  "-DARGS=village|pay|--villages|${_d}/pay_villages_twice.csv|--scores|${_d}/pay_scores.csv|--year|2016\
|--principals|${_d}/pay_principals.csv|--show|townships" -DEXPECT_RC=7
  "-DEXPECT_ERR=pay_villages_twice.csv:12: a village listed twice \\(field village_id, record V02\\)"
  -DERR_LINES=2 "-DEXPECT_OUT=\n甲镇,10,4,")
ck_cli(talent_pools_kernel_matches_rows_bad_row
  "-DARGS=talent|pools|${_d}/talent_members.csv|--as-of|2016-09-22"
  "-DSAME_ARGS=talent|pools|${_d}/talent_members.csv|--as-of|2016-09-22|--row-path" -DEXPECT_RC=7)
# --- talent teams (HURE.5; targets talent.team.min_young|women|minority|non_party = 1,1,1,0):
# T1 has a young (31) Mongol woman: no gap; T2 (56 and 41, Han men, party members) lacks all
# three; T3's second row has sex 9 (not a GB/T 2261.1 code): that row is reported (file, line 7,
# field sex) and the rest go on, exit 7; T3 is counted from its good row.
ck_cli(talent_teams
  "-DARGS=talent|teams|${_d}/talent_members.csv|--as-of|2016-09-22"
  "-DEXPECT_OUT=^team_id,size,young,women,minority,non_party,gaps,candidates\nT1,2,1,1,1,0,,\nT2,2,0,0,0,0,young;women;minority,\nT3,1,1,0,0,0,women;minority,\n"
  -DEXPECT_RC=7 "-DEXPECT_ERR=talent_members.csv:7.*field sex")
ck_cli(talent_teams_strict
  "-DARGS=talent|teams|${_d}/talent_members.csv|--as-of|2016-09-22|--strict"
  -DEXPECT_RC=2 "-DEXPECT_ERR=talent_members.csv:7.*field sex" -DERR_LINES=1)
# Without candidates or --explain the counts and gaps come from the structure's kernel: the same
# output as the rows path (--row-path), on teams listed out of order with codes written as names
# (汉族, 蒙古族, 中共党员), sexes as 男/女 and dates in three spellings; T2 (56 and 26, a Mongol
# 群众) lacks only a woman. A cadre twice on a team is refused as a whole by both, in the
# rows path's words.
ck_cli(talent_teams_kernel_matches_rows
  "-DARGS=talent|teams|${_d}/talent_members_mixed.csv|--as-of|2016-09-22"
  "-DSAME_ARGS=talent|teams|${_d}/talent_members_mixed.csv|--as-of|2016-09-22|--row-path"
  "-DEXPECT_OUT=^team_id,size,young,women,minority,non_party,gaps,candidates\n\
T2,2,1,0,1,1,women,\nT1,3,2,1,2,2,,\nT3,1,1,1,0,1,minority,\n$")
ck_cli(talent_teams_kernel_matches_rows_bad_row
  "-DARGS=talent|teams|${_d}/talent_members.csv|--as-of|2016-09-22"
  "-DSAME_ARGS=talent|teams|${_d}/talent_members.csv|--as-of|2016-09-22|--row-path" -DEXPECT_RC=7)
ck_cli(talent_teams_cadre_twice
  "-DARGS=talent|teams|${_d}/talent_members_twice.csv|--as-of|2016-09-22" -DEXPECT_RC=2
  "-DEXPECT_ERR=^cadrekit: invalid_input: the cadre is twice on the team \\(field cadre_id, record members\\[2\\]\\)"
  -DERR_LINES=1)
# With candidates, each gap's column lists the eligible ones by id (W4, one year at fu_ke, is
# not), at most --max-candidates of them: T2 lacks a woman and has four eligible, so two are
# written and a warning counts the one gap cut; T3 lacks a minority member, and these Han women
# are none. The default bound (20) writes all four, and warns of nothing.
ck_cli(talent_teams_max_candidates
  "-DARGS=talent|teams|${_d}/talent_members_mixed.csv|--as-of|2016-09-22|\
--candidates|${_d}/talent_candidates_women.csv|--max-candidates|2"
  "-DEXPECT_OUT=^team_id,size,young,women,minority,non_party,gaps,candidates\n\
T2,2,1,0,1,1,women,\"women:W1,W2\"\nT1,3,2,1,2,2,,\nT3,1,1,1,0,1,minority,\n$"
  "-DEXPECT_ERR=^cadrekit: warning: 1 gap\\(s\\) have more eligible candidates than --max-candidates 2" -DERR_LINES=1)
ck_cli(talent_teams_candidates_default_bound
  "-DARGS=talent|teams|${_d}/talent_members_mixed.csv|--as-of|2016-09-22|\
--candidates|${_d}/talent_candidates_women.csv"
  "-DEXPECT_OUT=^team_id,size,young,women,minority,non_party,gaps,candidates\n\
T2,2,1,0,1,1,women,\"women:W1,W2,W3,W5\"\nT1,3,2,1,2,2,,\nT3,1,1,1,0,1,minority,\n$" -DERR_LINES=0)
# Without supervision only the cadres in a pool are held as candidates (the pools kernel finds
# them); --row-path holds every cadre, and both write the same lists and explanations, here of
# 305 cadres in every spelling, all of them listed.
ck_cli(talent_teams_candidates_kernel_matches_rows
  "-DARGS=talent|teams|${_d}/talent_members_mixed.csv|--as-of|2016-09-22|\
--candidates|${_d}/talent_cadres_mixed.csv|--max-candidates|1000|--explain"
  "-DSAME_ARGS=talent|teams|${_d}/talent_members_mixed.csv|--as-of|2016-09-22|\
--candidates|${_d}/talent_cadres_mixed.csv|--max-candidates|1000|--explain|--row-path"
  "-DEXPECT_OUT=\nT2,2,1,0,1,1,women,\"women:C[0-9]+,C[0-9]+")
# The first echelon up to 34 instead of 35: C2 (35 on 2016-09-22) leaves it and, a civil servant
# of 35, joins the second (listed there as in the first before); C1 (31) stays in the first.
ck_cli(compare_talent_pools
  "-DARGS=compare|--policy|default|--policy|${_d}/echelon1_34.yaml|talent|pools|${_d}/talent_cadres.csv|--as-of|2016-09-22"
  "-DEXPECT_OUT=^subject,id,item,a,b,difference,explanation_a,explanation_b\npool,C2,echelon1,member,-,,\"([^\"]|\"\")*\",\npool,C2,echelon2,excluded:in_echelon1,member,,\"([^\"]|\"\")*\",\"([^\"]|\"\")*\"\npool,,echelon1 members/size,2/68,1/68,-1,,\npool,,echelon2 members/size,0/110,1/110,1,,\n$")

# --- the what-if over the whole year (docs/year.md): 优秀 at 5,000 moves pay lines and the budget
# (performance and total), nothing in audit, disclosure, assessment or talent.
ck_cli(compare_year_excellent
  "-DARGS=compare|--policy|default|--set|village.performance_pay.excellent=5000|year|--out|${_tmp}/compare_year"
  "-DEXPECT_OUT=parameters that differ: 1\n  village: [1-9][0-9]*\n  budget: 2\n  audit: 0\n  disclosure: 0\n  assessment: 0\n  talent: 0\n")
# --set on a module command, checked as a file: a band below village.base_pay.min is refused
# (exit 3) naming both parameters; a value within the bounds is shown.
ck_cli(set_band_outside_bounds
  "-DARGS=policy|show|--set|village.base_pay.small=6000" -DEXPECT_RC=3
  "-DEXPECT_ERR=village.base_pay.small.*village.base_pay.min")
ck_cli(set_value_shown
  "-DARGS=policy|show|--set|village.performance_pay.excellent=5000@2016-01-01|--as-of|2016-06-01"
  "-DEXPECT_OUT=\nvillage.performance_pay.excellent\t5000\tyuan/year\t2016-01-01\tJARUD.1\tsource\t")

# The .xlsx reader's cell texts, on their own (tests/cli/test_xlsx_read.cpp).
add_executable(cadrekit_xlsx_tests ${_d}/test_xlsx_read.cpp)
target_link_libraries(cadrekit_xlsx_tests PRIVATE cadrekit_xlsx_read GTest::gtest_main)
target_include_directories(cadrekit_xlsx_tests PRIVATE ${PROJECT_SOURCE_DIR}/cli)
cadrekit_strict_warnings(cadrekit_xlsx_tests)
gtest_discover_tests(cadrekit_xlsx_tests DISCOVERY_TIMEOUT 60)

# A misspelt header (`complains`): the command says which column it does not read and the
# nearest one it does, instead of tiering every unit as if it had no complaints; exit 0 with the
# warning, exit 2 with --strict. A column a command knows and leaves aside (a finding's `facts`,
# cli.assessment_screen) draws no warning.
ck_cli(table_unread_column_warns
  "-DARGS=audit|tier|${_d}/audit_units_misspelt.csv|--as-of|2016-12-31"
  "-DEXPECT_ERR=^cadrekit: warning: .*audit_units_misspelt.csv: the column \"complains\" is not one this command reads, and is ignored \\(did you mean \"complaints\"\\?\\)\n$"
  -DERR_LINES=1 "-DEXPECT_OUT=\nU1,示例单位1,1,high,4,0,4\nU2,示例单位2,2,low,0,2,2\n")
ck_cli(table_unread_column_strict
  "-DARGS=audit|tier|${_d}/audit_units_misspelt.csv|--as-of|2016-12-31|--strict"
  -DEXPECT_RC=2 "-DEXPECT_ERR=invalid_input: a column this command does not read \\(did you mean \"complaints\"\\?\\).*field complains, record .*audit_units_misspelt.csv" -DERR_LINES=1)

# A pay sheet without scores: written in full, but no principal graded and no performance pay,
# so a warning and exit 8 (docs/cli.md), not a quiet 0.
ck_cli(village_pay_without_scores_warns
  "-DARGS=village|pay|--villages|${_d}/pay_villages.csv|--principals|${_d}/pay_principals.csv|--year|2016"
  -DEXPECT_RC=8 "-DEXPECT_ERR=^cadrekit: warning: no --scores: no principal is graded, so the sheet has no performance pay \\(exit 8\\)\n$"
  -DERR_LINES=1 "-DEXPECT_OUT=^cadre_id,village_id,township,post,.*\nP01,V01,[^\n]*,not_graded,")

# explain reads a command's own --format json output: every row, or --row N (1-based); a row
# without an explanation names the row and says to run with --explain.
ck_cli(explain_reads_command_output
  "-DPRE_ARGS=audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31|--format|json|--explain" -DPRE_OUT=${_tmp}/tier_explained.json
  "-DARGS=explain|${_tmp}/tier_explained.json|--row|2"
  "-DEXPECT_OUT=^对象：单位 U02\n规则 audit.tier.band（HOLINGOL.1）" "-DEXPECT_NOT_OUT=U01|U03")
ck_cli(explain_reads_every_row
  "-DPRE_ARGS=audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31|--format|json|--explain|--lang|en" -DPRE_OUT=${_tmp}/tier_explained_en.json
  "-DARGS=explain|${_tmp}/tier_explained_en.json|--lang|en"
  "-DCOUNT1_RE=\\[row [0-9]+\\]\nSubject: unit U" -DCOUNT1=67)
ck_cli(explain_row_without_explanation
  "-DPRE_ARGS=audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31|--format|json" -DPRE_OUT=${_tmp}/tier_plain.json
  "-DARGS=explain|${_tmp}/tier_plain.json|--row|1"
  -DEXPECT_RC=2 "-DEXPECT_ERR=the row has no explanation \\(run the command with --explain\\) \\(field explanation, record row 1\\)" -DERR_LINES=1)
# --explain is the short form: a unit with complaints 1 shows that factor and its weight, not
# the factors that are 0 nor their scales; --explain-full shows every one, the others marked
# detail; explain --full prints them from the full output, explain alone the short form.
ck_cli(explain_short_by_default
  "-DARGS=audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31|--explain"
  "-DEXPECT_OUT=U19,示例单位19,1,low,0,4,4,\"对象：单位 U19\n[^\"]*输入 complaints = 1\n"
  "-DEXPECT_NOT_OUT=admin_fees|\\.max =|higher\\|lower|scale")
ck_cli(explain_full_on_request
  "-DARGS=audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31|--format|json|--explain-full"
  "-DEXPECT_OUT=\\{\"name\":\"admin_fees\",\"value\":\"0\",\"detail\":true\\}")
ck_cli(explain_full_reads_the_full_output
  "-DPRE_ARGS=audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31|--format|json|--explain-full" -DPRE_OUT=${_tmp}/tier_full.json
  "-DARGS=explain|${_tmp}/tier_full.json|--row|19|--full"
  "-DEXPECT_OUT=^对象：单位 U19\n.*参数 audit.budget_band.boundary = 归较高档（.*输入 admin_fees = 0\n")
ck_cli(explain_short_from_the_full_output
  "-DPRE_ARGS=audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31|--format|json|--explain-full" -DPRE_OUT=${_tmp}/tier_full2.json
  "-DARGS=explain|${_tmp}/tier_full2.json|--row|19"
  "-DEXPECT_OUT=^对象：单位 U19\n.*输入 complaints = 1\n" "-DEXPECT_NOT_OUT=admin_fees")

# The record's methods under the library's name, `method` (as C JSON and Python take them): read,
# so no warning of an unread column; the one bad row (C9, kind yearly) as with `methods`.
ck_cli(assessment_screen_method_column
  "-DARGS=assessment|screen|${_d}/assessment_records_method.csv|--as-of|2016-12-31"
  -DEXPECT_RC=7 "-DEXPECT_ERR=^cadrekit: invalid_input: [^\n]*assessment_records_method.csv:10: expected one of: annual \\(年度综合考核\\)[^\n]*\ncadrekit: 1 row was rejected" -DERR_LINES=2)

# audit tier without --explain runs the columnar kernel; a factor above its maximum (complaints
# is 0 or 1) stops the kernel, and the row path then reports that row alone and tiers the others
# (exit 7), as before.
ck_cli(audit_tier_bad_factor_is_a_row_error
  "-DARGS=audit|tier|${_d}/audit_units_bad_factor.csv|--as-of|2016-12-31"
  -DEXPECT_RC=7 "-DEXPECT_OUT=^unit_id,name,level,band,band_points,factor_points,score\nU1,甲,1,high,4,4,8\nU3,丙,3,low,0,0,0\n$"
  "-DEXPECT_ERR=unit U2: expected 0 or 1, or 是/否 for 1/0 \\(field complaints, record U2\\)")

# --- the CSV reader keeps cells in the file's own buffer, and `audit tier` without --explain
# runs the columnar kernel straight from it: the same bytes as the row path (--row-path), on the
# county and on quoted cells. table_quoting.csv: "甲, ""一""" is the name 甲, "一" (quoted again
# on output: it holds a comma and quotes), "乙<CRLF>二" a name of two lines, " 丙 " is 丙; the
# blank line and the row of separators are the two empty rows of the note. Budgets 6,000,000
# (high, 4 points) with a complaint (4), 3,500,000 (middle, 2), 100 (low, 0).
ck_cli(audit_tier_kernel_matches_rows
  "-DARGS=audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31"
  "-DSAME_ARGS=audit|tier|${_d}/audit_units.csv|--as-of|2016-12-31|--row-path")
ck_cli(table_quoted_cells_crlf
  "-DARGS=audit|tier|${_d}/table_quoting.csv|--as-of|2016-12-31"
  "-DEXPECT_OUT=^unit_id,name,level,band,band_points,factor_points,score\nU1,\"甲, \"\"一\"\"\",1,high,4,4,8\nU2,\"乙\r\n二\",2,middle,2,0,2\nU3,丙,3,low,0,0,0\n$"
  "-DEXPECT_ERR=table_quoting.csv: 2 empty rows skipped" -DERR_LINES=1)
ck_cli(table_quoted_cells_kernel_matches_rows
  "-DARGS=audit|tier|${_d}/table_quoting.csv|--as-of|2016-12-31"
  "-DSAME_ARGS=audit|tier|${_d}/table_quoting.csv|--as-of|2016-12-31|--row-path")
ck_cli(table_quoted_cells_bom
  "-DARGS=audit|tier|${_d}/table_quoting_bom.csv|--as-of|2016-12-31"
  "-DSAME_ARGS=audit|tier|${_d}/table_quoting.csv|--as-of|2016-12-31|--row-path")
ck_cli(table_quoted_cells_gbk
  -DICONV_FROM=${_d}/table_quoting.csv -DICONV_TO=${_tmp}/table_quoting_gbk.csv -DICONV_ENC=GB18030
  "-DARGS=audit|tier|${_tmp}/table_quoting_gbk.csv|--as-of|2016-12-31"
  "-DSAME_ARGS=audit|tier|${_d}/table_quoting.csv|--as-of|2016-12-31|--row-path")
# The kernel paths read a cell in the plain form most tables use themselves and any other as the
# row path does: the same bytes as --row-path on tables mixing both. assessment_records_quoting.csv
# (no BOM: its GBK twin would begin with U+FEFF): CRLF, quoted cells (doubled quotes, a comma, a
# line break), blank lines and a row of
# separators (the 2 empty rows of the note), ranks in full-width digits and with spaces, scores and methods; audit_units_forms.csv:
# budgets 3,500,000.5 (grouped, quoted), ￥350万 and " 100 ", factors 是, 01, １ and 否. Also in GBK.
ck_cli(assessment_screen_quoted_cells_kernel_matches_rows
  "-DARGS=assessment|screen|${_d}/assessment_records_quoting.csv|--as-of|2016-12-31|--explain"
  "-DSAME_ARGS=assessment|screen|${_d}/assessment_records_quoting.csv|--as-of|2016-12-31|--explain|--row-path"
  "-DEXPECT_OUT=^cadre_id,rule_id,clause,[^\n]*\n.*C1,"
  "-DEXPECT_ERR=assessment_records_quoting.csv: 2 empty rows skipped" -DERR_LINES=1)
ck_cli(assessment_screen_quoted_cells_gbk
  -DICONV_FROM=${_d}/assessment_records_quoting.csv -DICONV_TO=${_tmp}/assessment_records_quoting_gbk.csv -DICONV_ENC=GB18030
  "-DARGS=assessment|screen|${_tmp}/assessment_records_quoting_gbk.csv|--as-of|2016-12-31"
  "-DSAME_ARGS=assessment|screen|${_tmp}/assessment_records_quoting_gbk.csv|--as-of|2016-12-31|--row-path"
  "-DEXPECT_OUT=\nC3,incompetent_demote,HORQIN.3,demotion,2016,,")
ck_cli(audit_tier_cell_forms_kernel_matches_rows
  "-DARGS=audit|tier|${_d}/audit_units_forms.csv|--as-of|2016-12-31|--keep|window_unit"
  "-DSAME_ARGS=audit|tier|${_d}/audit_units_forms.csv|--as-of|2016-12-31|--keep|window_unit|--row-path"
  "-DEXPECT_OUT=^unit_id,name,level,band,band_points,factor_points,score,window_unit\nU1,\"甲, \"\"一\"\"\",")
ck_cli(audit_tier_cell_forms_json
  "-DARGS=audit|tier|${_d}/audit_units_forms.csv|--as-of|2016-12-31|--format|json"
  "-DSAME_ARGS=audit|tier|${_d}/audit_units_forms.csv|--as-of|2016-12-31|--format|json|--row-path")
# A bad budget in the middle, after a cell of two lines: the row path reports that row alone,
# by the line it is on in the file (4), and tiers the others.
ck_cli(table_bad_row_after_multiline_cell
  "-DARGS=audit|tier|${_d}/table_quoting_bad.csv|--as-of|2016-12-31"
  -DEXPECT_RC=7 "-DEXPECT_OUT=^unit_id,name,level,band,band_points,factor_points,score\nU1,\"多\n行\",3,low,0,0,0\nU3,丙,3,low,0,0,0\n$"
  "-DEXPECT_ERR=table_quoting_bad.csv:4: [^\n]*\\(field budget")

# --- the one vocabulary (docs/input.md): the spellings a county office writes give the answer
# of the canonical spelling. Factors 是/否/TRUE/false and a text level "2": U1 complaints (4) →
# level 1; U2 economic power 2 × 1 + window unit 2 → 4 points, level 1; U3 nothing → level 3.
ck_cli(vocabulary_audit_factors
  "-DARGS=audit|tier|${_d}/audit_units_vocab.csv|--as-of|2016-12-31"
  "-DSAME_ARGS=audit|tier|${_d}/audit_units_canonical.csv|--as-of|2016-12-31"
  "-DEXPECT_OUT=^unit_id,name,level,band,band_points,factor_points,score\nU1,甲,1,low,0,4,4\nU2,乙,1,low,0,4,4\nU3,丙,3,low,0,0,0\n$")
# Dates 2010/1/1, 2012年3月1日, 2014.1.1, 20160701 and posts 书记/一肩挑/主任 pay as the ISO table.
ck_cli(vocabulary_pay_dates_and_posts
  "-DARGS=${_pay}|--principals|${_d}/pay_principals_vocab.csv"
  "-DSAME_ARGS=${_pay}|--principals|${_d}/pay_principals.csv"
  "-DEXPECT_OUT=\nP04,V02,甲镇,director,6,12,4000.00,4000.00,0.00,8000.00,outstanding,实绩突出,Outstanding,excellent,优秀,Excellent,\n$")
# The long score layout with periods 2016年第一季度, 2016年二季度, 2016年第3季度, 2016q4, 2016年
# pays as the canonical 2016Q1…2016 and as the wide layout q1…q4, annual.
set(_pay_long "village|pay|--villages|${_d}/pay_villages.csv|--year|2016|--principals|${_d}/pay_principals.csv|--scores")
ck_cli(vocabulary_pay_periods
  "-DARGS=${_pay_long}|${_d}/pay_scores_long_vocab.csv"
  "-DSAME_ARGS=${_pay_long}|${_d}/pay_scores_long.csv"
  "-DEXPECT_OUT=^cadre_id,village_id,township,post,units,units_of_year,base,performance,public_institution,total,team_grade,team_grade_zh,team_grade_en,grade,grade_zh,grade_en,actions\nP01,V01,甲镇,secretary,12,12,9000.00,4000.00,0.00,13000.00,outstanding,实绩突出,Outstanding,excellent,优秀,Excellent,\n")
ck_cli(vocabulary_pay_long_same_as_wide
  "-DARGS=${_pay_long}|${_d}/pay_scores_long.csv"
  "-DSAME_ARGS=${_pay}|--principals|${_d}/pay_principals.csv")
# A period scored twice, in two spellings, is refused at its second row in the sheet's words
# (C and Python say it so), naming the period's column.
ck_cli(village_pay_period_scored_twice
  "-DARGS=${_pay_long}|${_d}/pay_scores_long_twice.csv" -DEXPECT_RC=7
  "-DEXPECT_ERR=pay_scores_long_twice.csv:52: score given twice for the period \\(field period, record V01\\)"
  -DERR_LINES=2)
# A score of more than 4 decimal places is refused only in the pay year (the sheet does not read
# another year's), in the sheet's words, naming the score by its number among those read: the
# 2015 score is scores[0], V03's 2016Q2 scores[12].
ck_cli(village_pay_other_year_too_precise
  "-DARGS=${_pay_long}|${_d}/pay_scores_long_precise.csv"
  "-DSAME_ARGS=${_pay_long}|${_d}/pay_scores_long.csv")
ck_cli(village_pay_year_score_too_precise
  "-DARGS=${_pay_long}|${_d}/pay_scores_long_precise_year.csv" -DEXPECT_RC=2
  "-DEXPECT_ERR=^cadrekit: invalid_input: score has more than 4 decimal places \\(field score, record scores\\[12\\]\\)"
  -DERR_LINES=1)
# A factor outside the vocabulary: the row is refused saying what was expected, never the value.
ck_cli(vocabulary_factor_refused
  "-DARGS=audit|tier|${_d}/audit_units_maybe.csv|--as-of|2016-12-31|--strict" -DEXPECT_RC=2
  "-DEXPECT_ERR=expected a whole number 0…127, or 是/否 for 1/0 \\(field complaints, record [^)]*\\)" "-DEXPECT_NOT_ERR=也许")
# docs/input.md is what `cadrekit vocabulary --markdown` writes.
add_test(NAME cli.vocabulary_doc
  COMMAND ${CMAKE_COMMAND} -DCMD=$<TARGET_FILE:cadrekit_cli> -DDOC=${PROJECT_SOURCE_DIR}/docs/input.md
          -P ${_d}/check_vocabulary_doc.cmake)

# --- the vocabulary's code tables: assessment kinds, domains, methods, ratings and a finding's
# source, aspect, classification and severity in their Chinese and English labels screen as the
# canonical file does (the same hits from the same rows); a kind outside the table ("年终考核")
# is refused listing the kinds, never quoting the text.
ck_cli(vocabulary_assessment_codes
  "-DARGS=assessment|screen|${_d}/assessment_records_vocab.csv|--findings|${_d}/assessment_findings_vocab.csv|--as-of|2016-12-31"
  -DEXPECT_RC=7 "-DEXPECT_ERR=assessment_records_vocab.csv:10: expected one of: annual \\(年度综合考核\\), key_work" -DERR_LINES=2
  "-DEXPECT_NOT_ERR=年终考核"
  "-DEXPECT_OUT=^cadre_id,rule_id,clause,suggestion,periods,findings,rows\nC1,annual_bottom,[^,]*,any,2015.2016,,[^\n]*_vocab.csv:2.[^\n]*_vocab.csv:3\nC2,qualitative_ability,HORQIN.2,off_post_training,2016-06-01,F1,[^\n]*_vocab.csv:2\nC3,incompetent_demote,HORQIN.3,demotion,2016,,[^\n]*_vocab.csv:7\nC4,party_conduct_fail,HORQIN.3,any,2015.2016,,[^\n]*_vocab.csv:8.[^\n]*_vocab.csv:9\n$")
# Audit levels 一级/特殊级别/Level 3 and audit kinds 离任审计/任中审计 plan as the codes do.
ck_cli(vocabulary_audit_levels_and_kinds
  "-DARGS=audit|plan|${_d}/audit_levels_vocab.csv|--audits|${_d}/audit_done_vocab.csv|--first-year|2017|--last-year|2019|--capacity|4|--seed|7"
  "-DSAME_ARGS=audit|plan|${_d}/audit_levels.csv|--audits|${_d}/audit_done.csv|--first-year|2017|--last-year|2019|--capacity|4|--seed|7"
  "-DEXPECT_OUT=^year,")
# Every date option reads the vocabulary's dates: --as-of 2016年12月31日 and 2016/12/31 as
# 2016-12-31; a calendar DATE 2016/9/30 as 2016-09-30; an impossible one names the option.
ck_cli(vocabulary_as_of_chinese
  "-DARGS=audit|tier|${_d}/audit_units_canonical.csv|--as-of|2016年12月31日"
  "-DSAME_ARGS=audit|tier|${_d}/audit_units_canonical.csv|--as-of|2016-12-31" "-DEXPECT_OUT=^unit_id,")
ck_cli(vocabulary_as_of_slashes
  "-DARGS=talent|pools|${_d}/talent_cadres.csv|--as-of|2016/9/22"
  "-DSAME_ARGS=talent|pools|${_d}/talent_cadres.csv|--as-of|2016-09-22" "-DEXPECT_OUT=^cadre_id,")
ck_cli(vocabulary_calendar_date
  "-DARGS=calendar|add-working-days|2016/9/30|5" "-DSAME_ARGS=calendar|add-working-days|2016-09-30|5"
  "-DEXPECT_OUT=^2016-10-[0-9][0-9]")
ck_cli(vocabulary_as_of_refused
  "-DARGS=audit|tier|${_d}/audit_units_canonical.csv|--as-of|12/31/2016" -DEXPECT_RC=2
  "-DEXPECT_ERR=expected a date: 2014-01-01, 2014/1/1[^\n]*\\(field --as-of\\)")
