"""The records paths without NumPy or pandas: they are optional (pyproject's `frames` extra),
so a call given lists of dicts must not import them. A child process finds stand-ins that
refuse to be imported ahead of the real ones."""
import os
import pathlib
import subprocess
import sys

import cadrekit

CALLS = """
import datetime as dt
from cadrekit import assessment, audit, talent, village
sheet = village.pay_sheet([{"village_id": "V1", "township": "T1", "population": 800}],
                          [{"cadre_id": "P1", "village_id": "V1", "post": "both", "served_from": "2010-01-01"}],
                          [{"village_id": "V1", "period": "2016", "score": "90"}], 2016)
assert len(sheet.to_records()) == 1
assert audit.tier([{"unit_id": "U1", "budget": "600万"}], as_of=dt.date(2016, 12, 31), explain=False)[0]["level"] == 1
assert talent.pools([{"id": "C1", "sex": "1", "birth_date": "1985-01-01", "ethnicity": "01",
                      "political_status": "01", "rank": "fu_ke", "civil_servant": True}], None,
                    as_of=dt.date(2016, 9, 22))[0]["pool"] == "echelon1"
assert assessment.screen([{"cadre_id": "C1", "kind": "annual", "period": "2016", "rating": "incompetent"}],
                         as_of=dt.date(2016, 12, 31), explain=False)
print("ok")
"""


def test_the_records_paths_run_without_numpy_or_pandas(tmp_path: pathlib.Path) -> None:
    # village.pay_sheet imported NumPy to look at each date (ModuleNotFoundError without it)
    for name in ("numpy", "pandas"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text(f"raise ImportError('no {name} here')\n")
    package = pathlib.Path(cadrekit.__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), str(package)]))
    got = subprocess.run([sys.executable, "-c", CALLS], env=env, capture_output=True, text=True, timeout=120)
    assert got.returncode == 0, got.stderr[-2000:]
    assert got.stdout.strip() == "ok"
