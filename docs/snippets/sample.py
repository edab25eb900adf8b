# What every listing of the docs starts from: the usual imports, and a reader of the sample
# county of data/sample (docs/year.md). scripts/check-snippets runs it, then the setup files a
# snippet names (`<!-- snippet: setup sample audit -->`), in a folder holding data/.
import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd

import cadrekit
from cadrekit import assessment, audit, disclosure, talent, village


def _sample(name):
    return json.loads((Path("data/sample") / name).read_text(encoding="utf-8"))
