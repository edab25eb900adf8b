"""Writes records.csv (assessment records: 5 a cadre, text ids and periods) and units.csv (audit
units) of ROWS rows each into DIR, deterministically, for bench_cli.sh."""
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
