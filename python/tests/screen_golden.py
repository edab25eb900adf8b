"""The shared golden table of screening (tests/golden/assessment_screen.tsv), as the DataFrame
tests of screen() read it: the cases of a kind, their policies, and a one-line summary of a
result to compare with the table's expected column."""
import json
import pathlib

import cadrekit

GOLDEN = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden"


def policy(name):
    """The policy a case names: the default, or a county's profile beside the table."""
    if name == "default":
        return cadrekit.Policy.default()
    return cadrekit.Policy.load(str(GOLDEN / f"assessment_county_{name}.yaml"))


def cases(keep):
    """(name, policy, request, expected) of every case whose request ``keep(request)`` accepts."""
    out = []
    for line in (GOLDEN / "assessment_screen.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, pol, req, expect = line.split("\t")
        req = json.loads(req)
        if keep(req):
            out.append((name, pol, req, expect))
    return out


def summary(df):
    """The hits as the table's expected column writes them: "cadre rule periods; …", "-" for none."""
    s = "; ".join(f"{c} {r} {','.join(p)}" for c, r, p in zip(df.cadre_id, df.rule_id, df.periods))
    return s or "-"
