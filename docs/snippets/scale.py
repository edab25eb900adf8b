# docs/scale.md's inputs (after sample.py and audit.py): the sample county's assessment records
# in files by range of cadre ids, the findings, a county profile, and Dask frames of units, members and
# villages. Dask and distributed come from Debian (python3-dask, python3-distributed).
import os

import dask.dataframe as dd

_records = pd.DataFrame(_sample("assessment_screen.json")["records"])
os.makedirs("records", exist_ok=True)
for _i, (_, _part) in enumerate(_records.groupby(_records["cadre_id"].str[:3])):
    _part.to_csv(f"records/part{_i}.csv", index=False)
findings_df = pd.read_csv("findings.csv", dtype=str)
os.makedirs("counties", exist_ok=True)
Path("counties/horqin.yaml").write_text(Path("county.yaml").read_text(encoding="utf-8"), encoding="utf-8")
units = dd.from_pandas(units_df, npartitions=2)
members = dd.from_pandas(pd.read_csv("members.csv", dtype=str), npartitions=1)
pool_df = pd.DataFrame(_sample("cadres.json"))
villages = dd.from_pandas(pd.DataFrame(_sample("village_pay.json")["villages"]), npartitions=2)
principals_df = pd.DataFrame(_sample("village_pay.json")["principals"])
scores_df = pd.DataFrame(_sample("village_pay.json")["scores"])
