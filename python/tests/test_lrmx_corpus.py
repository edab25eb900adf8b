"""The .lrmx corpus (tests/data/lrmx, written by scripts/gen-lrmx-corpus) through Python: every
form against its row of expected.tsv (the table the C++ and C tests read too), the strict reader
beside the tolerant one, the hostile forms made at run time, and import_lrmx's table and report."""
import csv
import json
import pathlib

import pytest

import cadrekit
from cadrekit import disclosure as dc

DATA = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "lrmx"


def rows():
    with open(DATA / "expected.tsv", encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def recipe(name):
    """The hostile forms too large to store, made as scripts/gen-lrmx-corpus describes."""
    base = (DATA / "date_yyyymm.lrmx").read_bytes()
    if name == "@nested_50000":
        inner = b"<a>" * 50000 + "李示明".encode() + b"</a>" * 50000
        return base.replace("<XingMing>李示明</XingMing>".encode(), b"<XingMing>" + inner + b"</XingMing>", 1)
    if name == "@many_elements":
        return base.replace(b"<JiaTingChengYuan>", b"<JiaTingChengYuan>" + b"<Item/>" * 10001, 1)
    if name == "@oversize":
        return base + b" " * ((64 << 20) + 1 - len(base))
    raise AssertionError("no recipe for " + name)


def form_bytes(row):
    return recipe(row["file"]) if row["file"].startswith("@") else (DATA / row["file"]).read_bytes()


def values(read):
    r = read["record"]
    p = r["person"]
    return {
        "encoding": read["encoding"], "name": p["name"], "sex": p["sex"],
        "birth_date": p["birth_date"], "ethnicity": p["ethnicity"],
        "political_status": "unknown" if p["political_status"] is None else p["political_status"],
        "party_joined": p["party_joined"] or "", "work_started": p["work_started"] or "",
        "reference_date": r["reference_date"], "citizen_id": r["citizen_id"],
        "education": ";".join("%s=%s/%s" % (e["mode"], e["level"], e["degree"]) for e in r["education"]),
        "work_history": "|".join("%s..%s %s" % (w["from"], w["until"] or "", w["text"])
                                 for w in r["work_history"]),
    }


ROWS = rows()


def test_the_corpus_covers_every_variant_and_refusal():
    outcomes = [r["outcome"] for r in ROWS]
    assert len(ROWS) >= 40
    assert outcomes.count("read") >= 40
    assert outcomes.count("warnings") >= 15
    assert outcomes.count("refused") >= 25


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_each_form_reads_as_expected(row):
    data = form_bytes(row)
    if row["outcome"] == "refused":
        with pytest.raises(cadrekit.InvalidInput) as e:
            dc.read_lrmx(data, "F1")
        assert e.value.code == "invalid_input"
        assert e.value.field == row["error_field"]
        assert e.value.record == "F1"
        assert "李示明" not in str(e.value)
        with pytest.raises(cadrekit.InvalidInput):
            dc.record_from_lrmx(data, "F1")
        return
    read = dc.read_lrmx(data, "F1")
    assert ";".join("%s@%s" % (w["code"], w["path"]) for w in read["warnings"]) == row["warnings"]
    assert values(read) == {k: row[k] for k in values(read)}
    assert read["record"]["id"] == "F1"
    for w in read["warnings"]:
        assert "李示明" not in w["message"] and "150502" not in w["message"]
    if row["outcome"] == "read":
        assert dc.record_from_lrmx(data, "F1") == read["record"]
    else:
        with pytest.raises(cadrekit.InvalidInput) as e:
            dc.record_from_lrmx(data, "F1")
        assert e.value.field == read["warnings"][0]["path"]


def test_gbk_bytes_and_text_read_the_same():
    data = (DATA / "enc_gbk_declared.lrmx").read_bytes()
    text = data.decode("gbk")  # the text names GBK in its declaration; str is read as text
    assert dc.read_lrmx(data, "F1")["record"] == dc.read_lrmx(text, "F1")["record"]
    assert dc.read_lrmx(text, "F1")["encoding"] == "utf-8"
    with pytest.raises(TypeError):
        dc.read_lrmx(12, "F1")


def test_import_lrmx_accounts_for_every_file(tmp_path):
    table, report = dc.import_lrmx(DATA)
    stored = [r for r in ROWS if not r["file"].startswith("@")]
    by_file = {r["file"]: r for r in stored}
    assert list(report.columns) == list(dc.LRMX_REPORT_COLUMNS)
    assert set(report["file"].map(lambda f: pathlib.Path(f).name)) == set(by_file)
    for name, group in report.groupby(report["file"].map(lambda f: pathlib.Path(f).name)):
        row = by_file[name]
        want = {"read": "read", "warnings": "read_with_warnings", "refused": "refused"}[row["outcome"]]
        assert set(group["status"]) == {want}, name
        if want == "refused":
            assert list(group["field"]) == [row["error_field"]]
            assert list(group["code"]) == ["invalid_input"]
            assert all(m and "(field" not in m for m in group["message"])
        elif want == "read_with_warnings":
            assert ";".join(c + "@" + f for c, f in zip(group["code"], group["field"])) == row["warnings"]
    # The table: one row per form read, the columns of `cadrekit import-lrmx`.
    read_ids = sorted(pathlib.Path(r["file"]).stem for r in stored if r["outcome"] != "refused")
    assert sorted(table["id"]) == read_ids
    assert list(table.columns) == list(dc.LRMX_TABLE_COLUMNS)
    t = table.set_index("id")
    assert t.loc["date_with_day", "birth_date"] == "1975-03-08"
    assert t.loc["date_with_day", "age"] == 50 and t.loc["date_with_day", "work_years"] == 28
    assert t.loc["party_empty", "political_status"] is None
    assert t.loc["party_empty", "party_years"] is pd_na()
    assert t.loc["party_probationary_note", "political_status"] == "02"
    assert t.loc["jianli_line_without_range", "work_history_lines"] == 2
    assert "citizen_id" not in table.columns
    # One file, with the ID column asked for.
    table, report = dc.import_lrmx(DATA / "id_lowercase_x.lrmx", with_citizen_id=True)
    assert list(table["citizen_id"]) == [dc.read_lrmx((DATA / "id_lowercase_x.lrmx").read_bytes(), "x")
                                         ["record"]["citizen_id"]]
    assert table["citizen_id"][0].endswith("X")
    assert list(report["status"]) == ["read"]
    with pytest.raises(cadrekit.InvalidInput) as e:
        dc.import_lrmx(tmp_path / "missing")
    assert e.value.field == "path"


def pd_na():
    import pandas as pd

    return pd.NA


def test_an_unknown_status_is_never_taken_as_masses():
    read = dc.read_lrmx((DATA / "party_not_understood.lrmx").read_bytes(), "F1")
    assert read["record"]["person"]["political_status"] is None
    assert read["record"]["person"]["party_joined"] is None
    # Its export writes 入党时间 empty, and reads back unknown again.
    again = dc.read_lrmx(dc.record_to_lrmx(read["record"]), "F1")
    assert again["record"]["person"]["political_status"] is None
    assert [w["code"] for w in again["warnings"]] == ["political_status_unknown"]
    json.dumps(read)  # plain JSON values only


def test_an_unknown_element_is_named_as_a_key_may_be():
    base = (DATA / "date_yyyymm.lrmx").read_bytes()
    form = base.replace(b"</Person>", "<王秘密>x</王秘密><E13912345678/><Extra2/></Person>".encode(), 1)
    read = dc.read_lrmx(form, "r1")
    paths = [w["path"] for w in read["warnings"] if w["code"] == "element_unknown"]
    assert paths == ["?", "E*******5678", "Extra2"], paths
    with pytest.raises(cadrekit.InvalidInput) as e:
        dc.record_from_lrmx(form, "r1")
    assert e.value.field == "?" and "王" not in str(e.value)


def test_a_jianli_of_a_million_lines_costs_a_bounded_report():
    # 4 MB of lines, each a warning: the report stops at 200 with one more that counts the rest,
    # and the lines past 1,000 are not read (one warning says so).
    base = (DATA / "date_yyyymm.lrmx").read_bytes()
    start = base.index(b"<JianLi>") + len(b"<JianLi>")
    form = base[:start] + b"1998.09-2000.07 x\n" + b"x\n" * 1_000_000 + base[start:]
    read = dc.read_lrmx(form, "r1")
    codes = [w["code"] for w in read["warnings"]]
    assert len(codes) == 201 and codes[-1] == "warnings_truncated", (len(codes), codes[-3:])
    assert "more warnings, not listed" in read["warnings"][-1]["message"]
    assert len(read["record"]["work_history"]) == 1
    many = base[:start] + b"1998.09-2000.07 x\n" * 5_000 + base[start:]
    read = dc.read_lrmx(many, "r1")
    assert len(read["record"]["work_history"]) == 1_000
    assert [w["code"] for w in read["warnings"]] == ["jianli_too_long"]


def test_import_lrmx_reads_a_file_as_the_command_line_does(tmp_path):
    import os
    fifo = tmp_path / "fifo.lrmx"
    os.mkfifo(fifo)  # opened and refused at once, never waited on
    big = tmp_path / "big.lrmx"
    with open(big, "wb") as f:
        f.truncate((64 << 20) + 4096)  # sparse: refused after reading one byte past the limit
    for path, field in ((fifo, "FILE"), (big, "xml.max_bytes")):
        table, report = dc.import_lrmx(path)
        assert len(table) == 0 and report["status"].tolist() == ["refused"], report
        assert report["field"].tolist() == [field]
