# docs/workspace.md's inputs (after sample.py and audit.py): the sample county's cadres, and the
# steps of one disposal case from its motion to its decision
cadres_df = pd.DataFrame(_sample("cadres.json"))[["id", "name", "sex", "birth_date"]]
steps_df = pd.DataFrame([
    {"case_kind": "disposal", "case_id": "D2017-01", "op": "open", "date": dt.date(2017, 1, 16), "cadre_id": "K001"},
    {"case_kind": "disposal", "case_id": "D2017-01", "op": "advance", "date": dt.date(2017, 1, 16), "stage": "motion", "actor": "组织部"},
    {"case_kind": "disposal", "case_id": "D2017-01", "op": "advance", "date": dt.date(2017, 1, 19), "stage": "investigation", "actor": "组织部"},
    {"case_kind": "disposal", "case_id": "D2017-01", "op": "advance", "date": dt.date(2017, 1, 26), "stage": "analysis", "actor": "组织部"},
    {"case_kind": "disposal", "case_id": "D2017-01", "op": "decide", "date": dt.date(2017, 2, 2), "method": "transfer",
     "grounds": ["annual_bottom"], "actor": "常委会"}])
