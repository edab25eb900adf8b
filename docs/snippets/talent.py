# docs/talent.md's inputs (after sample.py)
# talent: the county's cadres and their assessment records, one team's members
cadres = _sample("cadres.json")
assessments = _sample("assessment_screen.json")["records"]
as_of = dt.date(2016, 9, 22)
from_date, to_date = dt.date(2016, 6, 30), dt.date(2016, 9, 22)
case = assessment.DisposalCase("D1", "K001")          # an open case: K001 leaves the pools
case.advance("motion", dt.date(2016, 8, 1), "组织部")
members = pd.read_csv("members.csv", dtype=str)
# team_structure_columns: the same members as columns (codes as numbers, dates as datetime64)
team = members["team_id"].astype("category")
sex, ethnicity, political_status = (members[c].astype(np.uint8) for c in ("sex", "ethnicity", "political_status"))
birth_date = pd.to_datetime(members["birth_date"])
growth_file = {"cadre_id": "G", "rank": "fu_ke", "rank_since": dt.date(2013, 3, 1), "postings": [
    {"kind": "village_residency", "from": dt.date(2010, 1, 1), "until": dt.date(2011, 1, 1), "sector": "agriculture"},
    {"kind": "post", "from": dt.date(2015, 9, 22), "sector": "township", "grassroots": True, "principal": True}],
    "trainings": [{"topic": "bilingual", "from": dt.date(2015, 3, 1)}],
    "results": [{"year": 2015, "rating": "excellent"}]}
growth_files = [growth_file, {"cadre_id": "H"}]
