# docs/audit.md's inputs (after sample.py)
# audit: 67 units, the plan's leaders' terms and special funds, a review, one unit's events
_tier = _sample("audit_tier.json")
_plan = _sample("audit_plan.json")
list_of_dicts = _tier["units"]
units_df = pd.DataFrame(list_of_dicts).astype({"budget": str})
units = audit.tier(units_df, as_of=dt.date(2017, 1, 1))
audits = pd.DataFrame(columns=["unit_id", "date", "kind"])
terms = pd.DataFrame(_plan["terms"])
funds_df = pd.DataFrame(_plan["funds"])
reviews_df = pd.DataFrame([{"unit_id": "U010", "year": 2019, "level": 2}])
events = [{"event": "start", "date": dt.date(2016, 1, 1), "budget": "200万"},
          {"event": "special_funds", "date": dt.date(2016, 5, 10), "amount": "2亿"},
          {"event": "completion", "date": dt.date(2017, 9, 30), "finding": "none"}]
df = units_df.assign(budget_fen=units_df["budget"].astype(np.int64) * 100)
for _f in audit.FACTORS:
    if _f in df:
        df[_f] = df[_f].fillna(0).astype(np.int8)
budget_fen = df["budget_fen"].to_numpy()
factors = [df[f].to_numpy() if f in df else None for f in audit.FACTORS]
n = len(df)

