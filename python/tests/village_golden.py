"""The shared golden cases of the village pay sheet (tests/golden/village_cases.json) as the
columnar kernel takes them: the tests of ``village.pay_columns`` and of its ``out=`` arrays
read one case's tables into the same integer columns."""
import datetime as dt
import json
import pathlib
from decimal import Decimal

import numpy as np

GOLDEN = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden"
CASES = json.loads((GOLDEN / "village_cases.json").read_text(encoding="utf-8"))


def case_columns(case):
    """``[township, population, scores, present, principal village, post, from, to]`` of a
    case: townships numbered in sorted order, scores in ten-thousandths with a bit of
    ``present`` per score given, service dates as days since 1970 (an open end the int32
    maximum)."""
    towns = sorted({x["township"] for x in case["villages"]})
    rows = {x["village_id"]: i for i, x in enumerate(case["villages"])}
    vt = np.array([towns.index(x["township"]) for x in case["villages"]], dtype=np.int32)
    pop = np.array([x["population"] for x in case["villages"]], dtype=np.int64)
    sc = np.zeros((len(vt), 5), dtype=np.int64)
    pres = np.zeros(len(vt), dtype=np.uint8)
    for row in case["scores"]:
        for i, x in enumerate(row[1:]):
            if x is not None:
                sc[rows[row[0]], i] = int(Decimal(x) * 10000)
                pres[rows[row[0]]] |= 1 << i
    ps = case["principals"]
    epoch = dt.date(1970, 1, 1)
    pv = np.array([rows[x["village_id"]] for x in ps], dtype=np.int32)
    post = np.array([["secretary", "director", "both"].index(x["post"]) for x in ps], dtype=np.uint8)
    f = np.array([(dt.date.fromisoformat(x["served_from"]) - epoch).days for x in ps], dtype=np.int32)
    t = np.array([2**31 - 1 if x["served_to"] is None else (dt.date.fromisoformat(x["served_to"]) - epoch).days
                  for x in ps], dtype=np.int32)
    return [vt, pop, sc, pres, pv, post, f, t]
