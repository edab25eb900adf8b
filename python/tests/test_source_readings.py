"""tests/golden/source_readings.tsv through Python (shared with the C++ and C tests): each reading
of the source, quoted in the table, checked on the compact JSON the module answers or on the
error it raises."""
import datetime
import json
import pathlib

import pytest

import cadrekit
from cadrekit import _core

ROOT = pathlib.Path(__file__).resolve().parents[2]
TABLE = ROOT / "tests" / "golden" / "source_readings.tsv"

ERRORS = {"CK_E_POLICY": cadrekit.PolicyError, "CK_E_INVALID_INPUT": cadrekit.InvalidInput,
          "CK_E_STATE": cadrekit.StateError}


def cases():
    rows = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = rows[0].split("\t")
    out = [dict(zip(header, r.split("\t"))) for r in rows[1:]]
    assert len(out) >= 50
    return out


def compact(obj):
    """The answer as compact JSON text: the bridge keeps the library's member order, and an
    explanation renders as its canonical JSON."""
    def default(o):
        if hasattr(o, "to_json"):
            return json.loads(o.to_json())
        if isinstance(o, datetime.date):
            return o.isoformat()
        raise TypeError(type(o).__name__)
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=default)


def run(c):
    policy = cadrekit.Policy.default()
    if c["policy"] != "-":
        for setting in c["policy"].split(" | "):
            policy = policy.set(setting)
    entry, req = c["entry"], c["request"]
    if entry == "policy_lookup":
        name, day = req.split(" ")
        return compact(policy.lookup(name, datetime.date.fromisoformat(day)))
    if entry == "policy_yaml":
        return cadrekit.Policy.loads(req.replace("\\n", "\n")).name
    calls = {
        "village.pay_sheet": _core._village.pay_sheet_request,
        "village.selection": _core._village.selection,
        "audit.tier": _core._audit.tier,
        "audit.tier_history": _core._audit.tier_history,
        "talent.pools": _core.talent.pools,
        "assessment.follow_up": _core.assessment.follow_up,
    }
    return compact(calls[entry](json.loads(req), policy))


def check(c, text):
    for needle in c["expect"].split(" && "):
        if needle.startswith("!"):
            assert needle[1:] not in text, f"{c['case']}: must not hold {needle}"
        else:
            assert needle in text, f"{c['case']}: {needle} not in {text[:2000]}"


@pytest.mark.parametrize("c", cases(), ids=lambda c: c["case"])
def test_source_reading(c):
    assert c["source"].startswith("L")  # the line of the source it follows
    if c["status"] == "CK_OK":
        check(c, run(c))
    else:
        with pytest.raises(ERRORS[c["status"]]) as err:
            run(c)
        check(c, str(err.value))
