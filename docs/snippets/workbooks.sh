# docs/cli.md's workbooks, made by openpyxl from the sample units.csv: units.xlsx (a sheet 单位
# and a sheet 2016年, each the table from A1) and 2016年报表.xlsx (a title and a date above the
# table, whose header is row 3).
"${PYTHON:-/usr/bin/python3}" - <<'PY'
import csv
import openpyxl

rows = [[int(c) if c.isdigit() else c for c in r] for r in csv.reader(open("units.csv", encoding="utf-8"))]
wb = openpyxl.Workbook()
wb.active.title = "单位"
for name in ("单位", "2016年"):
    ws = wb[name] if name in wb.sheetnames else wb.create_sheet(name)
    for r in rows:
        ws.append(r)
wb.save("units.xlsx")
wb = openpyxl.Workbook()
wb.active.append(["2016年度单位名单"])
wb.active.append(["截至2016年12月31日"])
for r in rows:
    wb.active.append(r)
wb.save("2016年报表.xlsx")
PY
