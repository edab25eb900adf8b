"""cadrekit.Workspace: the county workspace from Python — the same file and the same answers as
`cadrekit workspace`, DataFrames back, ID numbers masked, every write all or none. The process
tests (kill -9 during an import, two writers at once) run many rounds within a time budget."""
import datetime as dt
import json
import os
import random
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time

import pandas as pd
import pytest

import cadrekit
from cadrekit import audit

pytestmark = pytest.mark.skipif(not cadrekit.workspace.IMPORT_KINDS, reason="built without the workspace")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STAMP = dict(by="测试", recorded_at="2017-03-01T08:00:00Z")
D = dt.date


def id_number(body17: str) -> str:
    return body17 + cadrekit.citizen_id_check_char(body17)


def decided_case(case_id="D1"):
    return pd.DataFrame([
        {"case_kind": "disposal", "case_id": case_id, "op": "open", "date": D(2017, 1, 16), "cadre_id": "C1"},
        {"case_kind": "disposal", "case_id": case_id, "op": "advance", "date": D(2017, 1, 16), "stage": "motion", "actor": "组织部"},
        {"case_kind": "disposal", "case_id": case_id, "op": "advance", "date": D(2017, 1, 19), "stage": "investigation", "actor": "组织部"},
        {"case_kind": "disposal", "case_id": case_id, "op": "advance", "date": D(2017, 1, 26), "stage": "analysis", "actor": "组织部"},
        {"case_kind": "disposal", "case_id": case_id, "op": "decide", "date": D(2017, 2, 2), "method": "transfer",
         "grounds": ["annual_bottom"], "actor": "常委会"},
    ])


def test_import_cadrekit_exposes_workspace():
    assert cadrekit.Workspace is cadrekit.workspace.Workspace
    assert issubclass(cadrekit.WorkspaceError, cadrekit.Error)
    assert "cadres" in cadrekit.workspace.IMPORT_KINDS


def test_created_owner_only_with_wal_and_shm(tmp_path):
    f = tmp_path / "county.ck.db"
    old = os.umask(0)
    try:
        ws = cadrekit.Workspace.create(f, county="示例旗", **STAMP)
        ws.apply(decided_case(), **STAMP)
    finally:
        os.umask(old)
    for suffix in ("", "-wal", "-shm"):
        assert stat.S_IMODE(os.stat(str(f) + suffix).st_mode) == 0o600, suffix
    assert ws.county == "示例旗" and ws.policy.name == "tongliao-2016"
    with pytest.raises(cadrekit.WorkspaceError) as e:
        cadrekit.Workspace.create(f, **STAMP)
    assert e.value.problem == "exists"


def test_status_due_history_as_dataframes(tmp_path):
    ws = cadrekit.Workspace.create(tmp_path / "w.db", **STAMP)
    assert ws.apply(decided_case(), **STAMP) == 5
    ws.record("disposal", "D1", "follow_up", D(2017, 3, 1), kind="monthly_talk", actor="分管领导", **STAMP)
    st = ws.status(as_of=D(2017, 1, 20))
    assert list(st.columns)[:4] == ["case_kind", "case_id", "subject", "stage"]
    assert st.loc[0, "stage"] == "investigation" and bool(st.loc[0, "open"])
    due = ws.due(as_of=D(2017, 5, 2))
    assert list(due["what"]) == ["monthly_talk", "monthly_talk", "quarterly_visit"]
    assert list(due["state"]) == ["overdue", "due", "due"]
    assert due.loc[0, "due"] == D(2017, 4, 2)
    h = ws.history("D1")
    assert list(h["op"]) == ["open", "advance", "advance", "advance", "decide", "follow_up"]
    assert h.loc[4, "members"] == {"method": "transfer", "grounds": ["annual_bottom"], "actor": "常委会"}
    assert h.loc[0, "recorded_by"] == "测试" and h.loc[0, "recorded_at"] == "2017-03-01T08:00:00Z"


def test_closed_and_context_manager(tmp_path):
    with cadrekit.Workspace.create(tmp_path / "w.db", **STAMP) as ws:
        ws.apply(decided_case(), **STAMP)
    with pytest.raises(cadrekit.WorkspaceError):
        ws.status(as_of=D(2017, 3, 1))
    assert not os.path.exists(str(tmp_path / "w.db") + "-wal")  # closed: the log folded in
    assert len(cadrekit.Workspace(tmp_path / "w.db").history("D1")) == 5


def test_a_refused_step_writes_nothing(tmp_path):
    ws = cadrekit.Workspace.create(tmp_path / "w.db", **STAMP)
    bad = decided_case()
    bad.loc[3, "stage"] = "notification"  # skips analysis
    with pytest.raises(cadrekit.StateError) as e:
        ws.apply(bad, **STAMP)
    assert e.value.record.startswith("actions[3]")
    assert ws.status(as_of=D(2018, 1, 1), all=True).empty
    assert len(ws.events()) == 0


def test_tiering_recorded_with_the_library_explanations(tmp_path):
    ws = cadrekit.Workspace.create(tmp_path / "w.db", **STAMP)
    units = [{"unit_id": "U1", "budget": 6_000_000}, {"unit_id": "U2", "budget": 1_000_000, "complaints": 1}]
    ws.record_tiers(audit.tier(units, as_of=D(2017, 1, 1)), as_of=D(2017, 1, 1), **STAMP)
    ws.record_tiers(audit.tier(units, as_of=D(2018, 1, 1)), as_of=D(2018, 1, 1), **STAMP)
    h = ws.history("U1")
    assert list(h["op"]) == ["start", "review"]
    assert h.loc[0, "explanation"]["rules"][0]["clause"] == "HOLINGOL.1"
    counts = ws.status(as_of=D(2018, 6, 1), all=True).groupby("stage").size().to_dict()
    assert counts == {"level 1": 2}


def test_plan_recorded_and_due(tmp_path):
    ws = cadrekit.Workspace.create(tmp_path / "w.db", **STAMP)
    units = [{"unit_id": f"U{i}", "level": 1 if i < 3 else 3} for i in range(6)]
    p = audit.plan(units, [], [], 2017, 2019, 4, 7)
    ws.record_plan(p, first_year=2017, last_year=2019, as_of=D(2017, 1, 1), **STAMP)
    due = ws.due(as_of=D(2018, 1, 15))
    planned_2017 = [a for a in p.to_records() if a["year"] == 2017]
    assert (due["state"] == "overdue").sum() == len(planned_2017)
    first = planned_2017[0]
    ws.record("audit_plan", "2017-2019", "completed", D(2017, 9, 1), unit_id=first["unit_id"], kind=first["kind"],
              **STAMP)
    assert (ws.due(as_of=D(2018, 1, 15))["state"] == "overdue").sum() == len(planned_2017) - 1


def test_id_numbers_masked_unless_revealed(tmp_path):
    ws = cadrekit.Workspace.create(tmp_path / "w.db", **STAMP)
    idn = id_number("15052619791229065")
    cadres = pd.DataFrame({"id": ["K1", "K2"], "name": ["何宇", "范成俊"], "citizen_id": [idn, ""],
                           "birth_date": [D(1979, 12, 29), pd.NaT]})
    assert ws.import_table("cadres", cadres, as_of=D(2016, 12, 31), **STAMP) == 2
    t = ws.table("cadres")
    assert t.loc[0, "citizen_id"] == "150526********065X"
    assert t.loc[0, "birth_date"] == "1979-12-29" and t.loc[1, "birth_date"] == ""
    assert ws.table("cadres", reveal_id_numbers=True).loc[0, "citizen_id"] == idn
    text = ws.export("table", kind="cadres")
    assert idn not in text and "150526********065X" in text
    assert idn in ws.export("table", kind="cadres", reveal_id_numbers=True, format="json")
    out = tmp_path / "cadres.csv"
    ws.export("table", out, kind="cadres")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    # Never in a message: a duplicate key that is an ID number, a case id that is one.
    with pytest.raises(cadrekit.InvalidInput) as e:
        ws.import_table("cadres", [{"id": idn}, {"id": idn}], **STAMP)
    assert idn not in str(e.value) and idn not in e.value.record
    with pytest.raises(cadrekit.InvalidInput) as e:
        ws.record("disposal", idn, "open", D(2017, 1, 1), cadre_id="C1", **STAMP)
    assert idn not in str(e.value) and idn not in e.value.record


def test_disclosure_case_from_imported_records(tmp_path):
    with open(os.path.join(ROOT, "data", "sample", "disclosure_records.json"), encoding="utf-8") as f:
        records = json.load(f)[:2]
    ws = cadrekit.Workspace.create(tmp_path / "w.db", **STAMP)
    ws.import_table("disclosure_records", records, **STAMP)
    rid = records[0]["id"]
    ws.apply([{"case_kind": "disclosure", "case_id": rid, "op": "open", "date": "2016-03-10", "actor": "组织部"},
              {"case_kind": "disclosure", "case_id": rid, "op": "post_round", "date": "2016-03-14", "round": 1,
               "actor": "组织部"}], **STAMP)
    st = ws.status(as_of=D(2016, 3, 15))
    assert st.loc[0, "stage"] == "round1_window"
    h = ws.history(rid)
    assert records[0]["citizen_id"] not in json.dumps(h.loc[0, "members"], ensure_ascii=False)
    assert "KAILU" in json.dumps(h.loc[1, "explanation"])


def test_newer_schema_not_a_workspace_and_busy(tmp_path):
    f = tmp_path / "w.db"
    cadrekit.Workspace.create(f, **STAMP)
    con = sqlite3.connect(f)
    version = con.execute("PRAGMA user_version").fetchone()[0]
    con.execute(f"PRAGMA user_version = {version + 1}")
    con.close()
    with pytest.raises(cadrekit.WorkspaceError) as e:
        cadrekit.Workspace(f)
    assert e.value.problem == "newer_schema" and "newer cadrekit" in str(e.value)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x(a)").connection.close()
    with pytest.raises(cadrekit.WorkspaceError) as e:
        cadrekit.Workspace(other)
    assert e.value.problem == "not_workspace"
    (tmp_path / "junk.db").write_bytes(os.urandom(8192))
    with pytest.raises(cadrekit.WorkspaceError) as e:
        cadrekit.Workspace(tmp_path / "junk.db")
    assert e.value.problem == "not_workspace"

    g = tmp_path / "busy.db"
    cadrekit.Workspace.create(g, **STAMP)
    holder = sqlite3.connect(g, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    ws = cadrekit.Workspace(g, busy_timeout_ms=0)
    with pytest.raises(cadrekit.WorkspaceError) as e:
        ws.apply(decided_case(), **STAMP)
    assert e.value.problem == "busy" and e.value.code == "state" and "busy" in str(e.value)
    holder.execute("COMMIT")
    holder.close()
    assert ws.apply(decided_case(), **STAMP) == 5


def test_damaged_file_is_reported(tmp_path):
    f = tmp_path / "w.db"
    ws = cadrekit.Workspace.create(f, **STAMP)
    ws.import_table("cadres", [{"id": f"K{i}", "note": "x" * 50} for i in range(3000)], **STAMP)
    ws.apply(decided_case(), **STAMP)
    del ws
    con = sqlite3.connect(f)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(f.read_bytes())
    mid = len(data) // 2
    data[mid:mid + 4096] = bytes((i * 131) & 0xFF for i in range(4096))
    f.write_bytes(bytes(data))
    try:
        problems = cadrekit.Workspace(f).check()
        assert problems, "the damage went unnoticed"
    except cadrekit.WorkspaceError as e:
        assert e.problem in ("damaged", "not_workspace")


# --- processes: kill -9 during an import, two writers at once --------------------------------

CHILD = textwrap.dedent("""
    import sys, cadrekit
    rows = [{"id": f"K{i}", "note": "谈话记录" + "n" * 250 + str(i)} for i in range(int(sys.argv[2]))]
    print("ready", flush=True)
    sys.stdin.readline()
    ws = cadrekit.Workspace(sys.argv[1])
    if sys.argv[3] == "import":
        ws.import_table("cadres", rows, by="child", recorded_at="2017-01-02T00:00:00Z")
    else:
        ws.apply([{"case_kind": "disposal", "case_id": sys.argv[3], "op": "open", "date": "2017-01-16",
                   "cadre_id": "C1"}], by="child", recorded_at="2017-01-02T00:00:00Z")
    print("done", flush=True)
""")


class Child:
    """A Python process that imports cadrekit, says "ready", and writes when told to go."""

    def __init__(self, db, rows, what="import"):
        self.p = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(rows), what],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  env=dict(os.environ))

    def go(self):
        assert self.p.stdout.readline().strip() == b"ready", self.p.stderr.read()
        self.p.stdin.write(b"go\n")
        self.p.stdin.flush()


def wal_size(db):
    try:
        return os.path.getsize(str(db) + "-wal")
    except OSError:
        return 0


def counts(db):
    con = sqlite3.connect(db)
    try:
        return (con.execute("PRAGMA integrity_check").fetchone()[0],
                con.execute("SELECT count(*) FROM imports").fetchone()[0],
                con.execute("SELECT count(*) FROM import_rows").fetchone()[0])
    finally:
        con.close()


def test_kill9_during_an_import_leaves_all_or_none(tmp_path):
    rows = 6000
    base = tmp_path / "base.db"
    w = cadrekit.Workspace.create(base, **STAMP)
    w.import_table("cadres", [{"id": "K0"}], **STAMP)
    del w  # closed: the log is folded into the file, which is copied below
    # The whole import once: how long it takes, how far its log grows before the commit.
    probe = tmp_path / "probe.db"
    probe.write_bytes(base.read_bytes())
    c = Child(probe, rows)
    c.p.stdout.readline()
    t0 = time.monotonic()
    c.p.stdin.write(b"go\n")
    c.p.stdin.flush()
    wal_max = 0
    while c.p.poll() is None:
        wal_max = max(wal_max, wal_size(probe))
        time.sleep(0.0002)
    full = time.monotonic() - t0
    assert c.p.returncode == 0, c.p.stderr.read()
    assert counts(probe) == ("ok", 2, rows + 1)
    assert wal_max > 1 << 20

    rng = random.Random(2016)  # the same kill points every run

    def fresh(i):
        db = tmp_path / f"w{i}.db"
        db.write_bytes(base.read_bytes())
        return db

    start, runs, none, whole, mid_write = time.monotonic(), 0, 0, 0, 0
    db_next = fresh(0)
    ready = Child(db_next, rows)
    while runs < 100 and (runs < 20 or time.monotonic() - start < 20):
        db, child = db_next, ready
        runs += 1
        db_next = fresh(runs)
        ready = Child(db_next, rows)  # starts while this run goes on
        child.go()
        if runs % 2:  # anywhere in the run, and a little after
            time.sleep(rng.uniform(0, full * 1.3))
        else:  # among the frames the import writes before its commit
            at = rng.uniform(0.05, 0.95) * wal_max
            while child.p.poll() is None and wal_size(db) < at:
                time.sleep(0.00002)
        child.p.kill()
        child.p.wait()
        wrote = wal_size(db) > 32
        integrity, imports, n = counts(db)
        assert integrity == "ok", f"run {runs}"
        if imports == 1:
            none += 1
            mid_write += wrote
            assert n == 1, f"run {runs}: a part of the import survived"
        else:
            whole += 1
            assert (imports, n) == (2, rows + 1), f"run {runs}: a part of the import survived"
        assert cadrekit.Workspace(db).check() == []
    ready.p.kill()
    ready.p.wait()
    print(f"kill -9 of a {full * 1000:.0f} ms import: {runs} runs, {none} none ({mid_write} while writing), "
          f"{whole} all")
    assert runs >= 20 and none + whole == runs
    assert mid_write > 0, "no kill fell among the frames of an uncommitted import"


def test_two_writers_at_once_lose_nothing(tmp_path):
    db = tmp_path / "w.db"
    cadrekit.Workspace.create(db, **STAMP)
    start, rounds, applied, imported = time.monotonic(), 0, 0, 0
    while rounds < 50 and (rounds < 10 or time.monotonic() - start < 10):
        a = Child(db, 500, f"D{rounds}")
        b = Child(db, 500, "import")
        a.go()
        b.go()
        for c in (a, b):
            c.p.wait()
            err = c.p.stderr.read().decode()
            assert c.p.returncode == 0 or "busy" in err, err
        applied += a.p.returncode == 0
        imported += b.p.returncode == 0
        rounds += 1
        con = sqlite3.connect(db)
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == applied
        assert con.execute("SELECT count(*) FROM import_rows").fetchone()[0] == 500 * imported
        con.close()
    assert rounds >= 10
    assert cadrekit.Workspace(db).check() == []


def _altered(tmp_path, name, *statements):
    """A copy of a workspace with one case, altered by hand with sqlite3 (its guards dropped)."""
    base = tmp_path / "base.db"
    if not base.exists():
        ws = cadrekit.Workspace.create(base, **STAMP)
        ws.apply(decided_case().head(2), **STAMP)
        ws.close()
    path = tmp_path / name
    path.write_bytes(base.read_bytes())
    c = sqlite3.connect(path)
    for (trigger,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        c.execute(f"DROP TRIGGER {trigger}")
    for s in statements:
        c.execute(s)
    c.commit()
    c.close()
    return path


@pytest.mark.parametrize("name,statements,read", [
    ("no_tables.db", ["DROP TABLE meta"], lambda ws: ws),
    ("members.db", ["UPDATE events SET members = 'not json' WHERE seq = 2"], lambda ws: ws.history("D1")),
    ("deep.db", ["UPDATE events SET members = '" + "[" * 100_000 + "]" * 100_000 + "' WHERE seq = 2"],
     lambda ws: ws.history("D1")),
    ("bytes.db", ["UPDATE events SET effective = x'00ff00' WHERE seq = 2"], lambda ws: ws.events()),
    ("short_row.db", ["INSERT INTO imports(id, command_id, kind, source, as_of, columns, row_count) "
                      "VALUES (99, 1, 'cadres', 's', NULL, '[\"a\",\"b\"]', 1)",
                      "INSERT INTO import_rows VALUES (99, 1, 'k', '[\"x\"]')"], lambda ws: ws.table("cadres")),
])
def test_a_file_altered_by_hand_is_a_damaged_workspace(tmp_path, name, statements, read):
    path = _altered(tmp_path, name, *statements)
    with pytest.raises(cadrekit.WorkspaceError) as e:
        read(cadrekit.Workspace(path))
    assert e.value.problem == "damaged" and e.value.field == "FILE", str(e.value)
    cli = os.path.join(ROOT, "build", "cli", "cadrekit")
    if os.path.exists(cli):
        args = {"no_tables.db": ["status", str(path), "--as-of", "2017-06-01"],
                "members.db": ["history", str(path), "D1"],
                "deep.db": ["status", str(path), "--as-of", "2017-06-01"],
                "bytes.db": ["export", str(path), "events"],
                "short_row.db": ["export", str(path), "table", "cadres"]}[name]
        r = subprocess.run([cli, "workspace", *args], capture_output=True, timeout=60)
        assert r.returncode == 2 and r.stderr.startswith(b"cadrekit: invalid_input: "), (r.returncode, r.stderr[-300:])


def test_import_table_reads_as_of_as_the_command_line_does(tmp_path):
    ws = cadrekit.Workspace.create(tmp_path / "w.db", **STAMP)
    unit = [{"unit_id": "U1", "budget": "100"}]
    assert ws.import_table("units", unit, as_of="2017年1月1日", **STAMP) == 1
    # a number is the cell holding its digits: 20170101 is a date, as --as-of 20170101 is
    assert ws.import_table("units", unit, as_of=20170101, **STAMP) == 1
    for bad in ("王秘密 13912345678", 2017):
        with pytest.raises(cadrekit.InvalidInput) as e:
            ws.import_table("units", unit, as_of=bad, **STAMP)
        assert e.value.field == "as_of" and "王" not in str(e.value) and "1391" not in str(e.value)


def test_a_member_an_op_does_not_take_is_named_as_a_key_may_be(tmp_path):
    ws = cadrekit.Workspace.create(tmp_path / "w.db", **STAMP)
    for key, shown in (("phone_13912345678", "phone_*******5678"), ("王秘密", "?")):
        with pytest.raises(cadrekit.InvalidInput) as e:
            ws.record("disposal", "D1", "open", D(2017, 1, 5), cadre_id="C1", **{key: "x"}, **STAMP)
        assert e.value.field == shown and "1391" not in str(e.value) and "王" not in str(e.value)


def test_whole_number_arguments_are_refused_by_name(tmp_path):
    with pytest.raises(TypeError) as e:
        cadrekit.Workspace.create(tmp_path / "w.db", busy_timeout_ms="王秘密", **STAMP)
    assert e.value.field == "busy_timeout_ms" and "王" not in str(e.value)
    ws = cadrekit.Workspace.create(tmp_path / "w.db", **STAMP)
    with pytest.raises(TypeError) as e:
        ws.due(as_of=D(2017, 1, 1), within_days=2.5)
    assert e.value.field == "within_days"


def test_check_names_a_case_by_its_masked_id(tmp_path):
    ws = cadrekit.Workspace.create(tmp_path / "w.db", **STAMP)
    case = "D-110101199003077777"
    ws.apply(decided_case(case).head(2), **STAMP)
    ws.close()
    c = sqlite3.connect(tmp_path / "w.db")
    for (trigger,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        c.execute(f"DROP TRIGGER {trigger}")
    c.execute("DELETE FROM events WHERE seq = 1")
    c.commit()
    c.close()
    problems = cadrekit.Workspace(tmp_path / "w.db").check()
    assert problems and all("1101011990" not in w and "1101011990" not in m for w, m in problems), problems
    assert ("disposal D-**************7777", "the event log has gaps") in problems, problems


@pytest.mark.parametrize("effective", ["'x'", "x'00ff00'", "'2017-1-5'", "20170105"])
def test_status_and_due_refuse_an_event_whose_date_was_altered(tmp_path, effective):
    path = _altered(tmp_path, "dates.db", f"UPDATE events SET effective = {effective} WHERE seq = 2")
    ws = cadrekit.Workspace(path)
    for query in (lambda: ws.status(as_of=D(2017, 6, 1), all=True), lambda: ws.due(as_of=D(2017, 6, 1))):
        with pytest.raises(cadrekit.WorkspaceError) as e:
            query()
        assert e.value.problem == "damaged"
