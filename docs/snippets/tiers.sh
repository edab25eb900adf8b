# The units' tiers, as docs/cli.md's first audit command writes them (the input of audit plan).
cadrekit audit tier units.csv --as-of 2016-12-31 > tiers.csv
