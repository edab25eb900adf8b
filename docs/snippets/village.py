# docs/village.md's inputs (after sample.py)
# village: 206 villages, their principals and 2016 scores
_pay = _sample("village_pay.json")
villages_df = pd.DataFrame(_pay["villages"])
principals_df = pd.DataFrame(_pay["principals"])
scores_df = pd.DataFrame(_pay["scores"])
v, p, s = villages_df, principals_df, scores_df


# selection: two applicants, one year's lists, the holders of a renewed term, former principals
applicants = [{"cadre_id": "E1", "post": "secretary", "in_post_since": dt.date(2012, 1, 1),
               "birth_date": dt.date(1970, 1, 1), "grades": {2015: "优秀"}},
              {"cadre_id": "E3", "post": "both", "in_post_since": dt.date(2010, 1, 1),
               "birth_date": dt.date(1960, 5, 31)}]
as_of, year, places = dt.date(2016, 6, 1), 2016, 1
lists = {"eligible": ["a", "b", "c", "d"], "eligible_publicised_on": "2016-06-06",
         "initial_on": "2016-06-14", "initial": ["a", "b", "c"], "prospective": ["a", "b"],
         "formal": ["a", "b"], "selected": ["a"]}
holders = [{"cadre_id": "H1", "in_post": True, "grade": "优秀"},
           {"cadre_id": "H2", "in_post": True, "grade": "不合格"}]
terms = pd.DataFrame(_pay["terms"])
other_policy = cadrekit.Policy.default().set("village.performance_pay.excellent=5000")

# pay_columns: the same sheet as NumPy columns (villages in order, scores × 10000 by quarter)
V, P = len(villages_df), len(principals_df)
_row = {x: i for i, x in enumerate(villages_df["village_id"])}
vt = villages_df["township"].astype("category")
pop = villages_df["population"].to_numpy(np.int64)
scores = np.zeros((V, 5), np.int64)
present = np.zeros(V, np.uint8)
_period = {"2016Q1": 0, "2016Q2": 1, "2016Q3": 2, "2016Q4": 3, "2016": 4}
for _v, _p, _s in scores_df[["village_id", "period", "score"]].itertuples(index=False):
    scores[_row[_v], _period[_p]] = round(float(_s) * 10000)
    present[_row[_v]] |= 1 << _period[_p]
pv = principals_df["village_id"].map(_row).to_numpy(np.int32)
post = principals_df["post"].map({"secretary": 0, "director": 1, "both": 2}).to_numpy(np.uint8)
_epoch = dt.date(1970, 1, 1)
served_from = np.array([(dt.date.fromisoformat(d) - _epoch).days for d in principals_df["served_from"]], np.int32)
served_to = np.array([2**31 - 1 if d is None else (dt.date.fromisoformat(d) - _epoch).days
                      for d in principals_df["served_to"]], np.int32)
