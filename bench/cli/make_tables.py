"""Writes records.csv (assessment records: 5 a cadre, text ids and periods), units.csv (audit
units), cadres.csv (cadres of every age, rank and group, as `talent pools` reads them) and
members.csv (the cadres as members of teams of about ten, listed team by team, as `talent teams`
reads them) and candidates.csv (candidates of a disclosure round, as `disclosure plan` reads them)
of ROWS rows each into DIR, deterministically, for bench_cli.sh; and for `village pay`, villages.csv
and scores.csv (ROWS / 2 villages in 500 townships, their quarterly and annual scores) and
principals.csv (a secretary and a director in four villages of five, one principal holding both
posts in the fifth: 0.9 × ROWS rows); and findings.csv, for `talent pools` supervised by
records.csv: ROWS / 50 findings of cadres of the records and ROWS / 400 of their units."""
import random
import sys

rows, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(20161231)
with open(f"{out}/records.csv", "w", encoding="utf-8", newline="") as f:
    f.write("cadre_id,unit_id,domain,kind,period,score,rank,group_size,rating,methods\n")
    for i in range(rows):
        cadre, k = divmod(i, 5)
        year = 2012 + k
        size = 10 + cadre % 20
        rank = rnd.randint(1, size)
        rating = "" if rnd.random() < 0.9 else rnd.choice(["excellent", "competent", "basically_competent", "incompetent"])
        f.write(f"C{cadre:07d},T{cadre % 997},township,annual,{year},{rnd.randint(50, 99)},{rank},{size},{rating},\n")
with open(f"{out}/units.csv", "w", encoding="utf-8", newline="") as f:
    f.write("unit_id,name,budget,admin_fees,special_funds,economic_power,allocation_power,attention,complaints,"
            "high_risk_sector,special_need,window_unit\n")
    for i in range(rows):
        budget = rnd.randint(100_000, 50_000_000)
        factors = [str(rnd.randint(0, 1)) if rnd.random() < 0.3 else "" for _ in range(9)]
        f.write(f"U{i:07d},单位{i},{budget}," + ",".join(factors) + "\n")
RANKS = ["keyuan", "fu_ke", "zheng_ke", "fu_chu", "zheng_chu"]
people = []
for i in range(rows):
    birth = f"{rnd.randint(1955, 1994)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    sex = "2" if rnd.random() < 0.25 else "1"
    ethnicity = f"{rnd.randint(2, 56):02d}" if rnd.random() < 0.2 else "01"
    status = "13" if rnd.random() < 0.15 else "01"
    people.append((f"C{i:07d}", sex, birth, ethnicity, status))
with open(f"{out}/cadres.csv", "w", encoding="utf-8", newline="") as f:
    f.write("cadre_id,sex,birth_date,ethnicity,political_status,rank\n")
    for p in people:
        f.write(",".join(p) + f",{rnd.choice(RANKS)}\n")
with open(f"{out}/members.csv", "w", encoding="utf-8", newline="") as f:
    f.write("team_id,cadre_id,sex,birth_date,ethnicity,political_status\n")
    for i, p in enumerate(people):
        f.write(f"T{i // 10:06d}," + ",".join(p) + "\n")
with open(f"{out}/candidates.csv", "w", encoding="utf-8", newline="") as f:
    f.write("id,round,rank,posted\n")
    for i in range(rows):
        f.write(f"K{i:07d},{rnd.randint(1, 2)},{rnd.choice(['fu_ke', 'zheng_ke'])},"
                f"2016-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}\n")
villages = rows // 2
with open(f"{out}/villages.csv", "w", encoding="utf-8", newline="") as f:
    f.write("village_id,name,township,population\n")
    for v in range(villages):
        f.write(f"V{v:07d},村{v},镇{v % 500},{rnd.randint(300, 5000)}\n")
with open(f"{out}/principals.csv", "w", encoding="utf-8", newline="") as f:
    f.write("cadre_id,name,village_id,post,served_from,served_to\n")
    for v in range(villages):
        if v % 5 == 0:
            f.write(f"P{v:07d}a,甲{v},V{v:07d},both,2010-01-01,\n")
            continue
        f.write(f"P{v:07d}a,甲{v},V{v:07d},secretary,2010-01-01,\n")
        start = "2016-07-01" if rnd.random() < 0.05 else "2012-03-01"
        end = "2016-05-31" if start < "2016" and rnd.random() < 0.03 else ""
        f.write(f"P{v:07d}b,乙{v},V{v:07d},director,{start},{end}\n")
with open(f"{out}/scores.csv", "w", encoding="utf-8", newline="") as f:
    f.write("village_id,q1,q2,q3,q4,annual\n")
    for v in range(villages):
        f.write(f"V{v:07d}," + ",".join(str(rnd.randint(60, 99)) for _ in range(5)) + "\n")
with open(f"{out}/findings.csv", "w", encoding="utf-8", newline="") as f:
    f.write("id,cadre_id,unit_id,date,source,standard,aspect,classification,severity\n")
    for k in range(rows // 50):
        f.write(f"F{k},C{rnd.randrange(max(1, rows // 5)):07d},,2016-{rnd.randint(1, 9):02d}-01,"
                "qualitative,ability,ability,lack_of_ability,moderate\n")
    for k in range(rows // 400):
        f.write(f"G{k},,T{rnd.randrange(997)},2016-05-01,qualitative,ability,ability,lack_of_ability,moderate\n")
