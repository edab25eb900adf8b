"""_frames.factorize and factorize_text: the distinct values of a column numbered as Python sees
them (first appearance, or code-point order with sort=True; -1 for a missing cell), whichever
path numbers them (C++ for text, pandas for the rest and for columns of ids all different)."""
import random

import numpy as np
import pandas as pd
import pytest

from cadrekit import _core, _frames

ALPHABET = ["a", "b", "\x00", "\xfe", "\xff", "Ā", "中", "文", "\U0001F600", "A", "0", " "]


def expected(vals, sort):
    texts = [v for v in vals if isinstance(v, str)]
    uniq = list(dict.fromkeys(texts))
    if sort:
        uniq = sorted(uniq)
    at = {v: i for i, v in enumerate(uniq)}
    return [at[v] if isinstance(v, str) else -1 for v in vals], uniq


def columns(seed, count):
    rng = random.Random(seed)
    for t in range(count):
        longest = 20 if t % 2 else 4  # longer than the 16 characters of a sort key, or short
        vals = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, longest)))
                for _ in range(rng.randint(0, 300))]
        if t % 5 == 0:
            vals = vals * 300  # repeated: past the first 65,536 cells, mostly pointer hits
        if t % 3 == 0:
            vals += [None, float("nan"), pd.NA, pd.NaT]
        rng.shuffle(vals)
        yield vals


@pytest.mark.parametrize("sort", [False, True])
def test_numbers_as_python_sees_the_texts(sort):
    for vals in columns(3, 120):
        codes, uniq = _frames.factorize(np.array(vals, dtype=object), sort=sort)
        want_codes, want_uniq = expected(vals, sort)
        assert list(uniq) == want_uniq
        assert codes.tolist() == want_codes
        assert codes.dtype == np.int64


def test_equal_texts_in_different_objects_are_one_value():
    a = "".join(["C", "12"])
    b = "".join(["C1", "2"])
    assert a is not b
    codes, uniq = _frames.factorize(np.array([a, b, "C13", a], dtype=object))
    assert codes.tolist() == [0, 0, 1, 0]
    assert list(uniq) == ["C12", "C13"]


def fresh(text):
    """An equal str in an object of its own (as pandas.read_csv gives each cell of an id column)."""
    return "".join(list(text))


@pytest.mark.parametrize("sort", [False, True])
def test_runs_of_equal_texts_in_objects_of_their_own(sort):
    # a cell whose text equals the cell before's is numbered by comparing the two: runs of one
    # text, neighbours of one length and kind that differ (at the end, or after a NUL), other
    # kinds, and a missing cell between two equal texts
    rng = random.Random(7)
    texts = ["C12", "C13", "中文", "文中", "a\x00b", "a\x00c", "\U0001F600x", "\U0001F600y", "", "Ā"]
    for _ in range(60):
        vals = []
        for _ in range(rng.randint(1, 40)):
            t = rng.choice(texts)
            vals += [fresh(t) for _ in range(rng.randint(1, 4))]
            if rng.random() < 0.2:
                vals.append(rng.choice([None, float("nan"), pd.NA]))
        arr = np.array(vals, dtype=object)
        assert len({id(v) for v in vals if isinstance(v, str) and len(v) > 1}) == sum(
            1 for v in vals if isinstance(v, str) and len(v) > 1)
        got = _core.factorize_text(arr, _frames._missing_objects(), sort, True)
        want_codes, want_uniq = expected(vals, sort)
        assert got[0].tolist() == want_codes
        assert list(got[1]) == want_uniq


def test_short_texts_of_the_same_bytes_in_other_kinds_or_lengths_are_distinct():
    # "\x00\x01" (one byte a character) and "\u0100" (two) are the same two bytes in memory;
    # "", "\x00" and "\x00\x00" the same zero-padded first word
    texts = ["\x00\x01", "\u0100", "", "\x00", "\x00\x00", "ab", "ab\x00"]
    vals = [fresh(t) for t in texts * 3]
    got = _core.factorize_text(np.array(vals, dtype=object), (), False, True)
    want_codes, want_uniq = expected(vals, False)
    assert got[0].tolist() == want_codes
    assert list(got[1]) == want_uniq
    assert len(want_uniq) == 7


def test_text_reports_nul_and_refuses_other_values():
    codes, uniq, nul = _frames.factorize_text(pd.Series(["a\x00b", "a", None]))
    assert (codes.tolist(), list(uniq), nul) == ([0, 1, -1], ["a\x00b", "a"], True)
    assert _frames.factorize_text(pd.Series(["a", 1], dtype=object)) is None
    assert _frames.factorize_text(pd.Series([1, 2])) is None


@pytest.mark.parametrize("refused", ["a\ud800", "中\udfff文", "\U0001F600\ud83d", "a\x00b"])
@pytest.mark.parametrize("size", [3, 70_000])  # numbered in C++; pandas' table (declined in C++)
def test_a_text_the_library_refuses_is_reported_by_either_numbering(refused, size):
    ids = [f"x{i}" for i in range(size - 3)] + ["中文", refused, "\U0001F600"]
    for sort in (False, True):
        codes, uniq, flag = _frames.factorize_text(np.array(ids, dtype=object), sort=sort)
        assert flag and len(uniq) == size, (refused, size, sort)
    fine = ids[:-2] + ["\U0001F600"]  # 2- and 4-byte text without a surrogate: not refused
    assert not _frames.factorize_text(np.array(fine, dtype=object))[2]


def test_text_of_ids_all_different_and_a_nul_among_them():
    ids = [f"x{i}" for i in range(70_000)] + ["a\x00b", "a"]  # pandas' table (declined in C++)
    codes, uniq, nul = _frames.factorize_text(np.array(ids, dtype=object))
    assert nul and len(uniq) == len(ids) and codes.tolist() == list(range(len(ids)))
    # sorted, they stay in C++ (pandas' sort of many texts is slower): code-point order
    codes, uniq, nul = _frames.factorize_text(np.array(ids, dtype=object), sort=True)
    assert list(uniq) == sorted(ids) and [uniq[c] for c in codes[:5]] == ids[:5]


def test_string_dtype_and_strided_column():
    s = pd.Series(["x", None, "y", "x"], dtype="string")
    codes, uniq = _frames.factorize(s)
    assert codes.tolist() == [0, -1, 1, 0] and list(uniq) == ["x", "y"]
    grid = np.array([["b", "z"], ["a", "z"], ["b", "y"]], dtype=object)
    codes, uniq = _frames.factorize(grid[:, 0], sort=True)
    assert codes.tolist() == [1, 0, 1] and list(uniq) == ["a", "b"]


def test_numbers_go_to_pandas():
    codes, uniq = _frames.factorize(pd.Series([3, 1, 3]))
    assert codes.tolist() == [0, 1, 0] and list(uniq) == [3, 1]


def reference_repeat(groups, vals):
    seen, first_missing, first_repeat = set(), -1, -1
    for i, (g, v) in enumerate(zip(groups, vals)):
        if not isinstance(v, str):
            first_missing = i if first_missing < 0 else first_missing
        elif (g, v) in seen:
            first_repeat = i if first_repeat < 0 else first_repeat
        else:
            seen.add((g, v))
    return first_missing, first_repeat


def test_repeat_in_groups_finds_the_first_row_a_group_has_twice():
    rng = random.Random(11)
    for t, vals in enumerate(columns(5, 150)):
        if not vals:
            continue
        count = rng.randint(1, 40)
        groups = [rng.randrange(count) for _ in vals]
        want = reference_repeat(groups, vals)
        assert _frames.repeat_in_groups(np.array(groups), count, np.array(vals, dtype=object)) == want, t
        # the general path (a column that is not all text) agrees
        mixed = np.array(vals + [7], dtype=object)
        assert _frames.repeat_in_groups(np.array(groups + [0]), count, mixed) == want, t


def test_repeat_in_groups_of_one_id_many_times_answers_its_second_row():
    # every row one text in one group: each row is compared with the distinct texts before it,
    # not with every earlier row (which would take 2·10^10 comparisons here)
    vals = np.array(["C1"] * 200_000 + ["C2"], dtype=object)
    groups = np.zeros(len(vals), dtype=np.int64)
    assert _core.repeat_in_groups(groups, 1, vals) == (-1, 1)
    vals[1] = "C0"  # equal texts apart, after a different one
    vals[5] = None
    assert _core.repeat_in_groups(groups, 1, vals) == (5, 2)


def test_equal_texts_in_different_objects_have_one_hash_key_per_process():
    # the hash is keyed (a column cannot be crafted to collide), yet a text has one code wherever
    # its object comes from
    a = "".join(["x"] * 40)
    b = "".join(["x"] * 40)
    assert a is not b
    codes, uniq, _ = _core.factorize_text(np.array([a, "y", b], dtype=object), (), False, True)
    assert codes.tolist() == [0, 1, 0] and uniq.tolist() == [a, "y"]


@pytest.mark.parametrize("vals,want", [
    (["a", "b"], -1), ([], -1), (["a", None, "b"], 1), (["a", "b", float("nan")], 2),
    ([pd.NA, "a"], 0), (["a", pd.NaT], 1),
    (["a", np.float64("nan")], 1),  # a float subclass: pandas decides, and sees NaN
    (["a", 5, None], 2),  # a number among texts: pandas decides
    (["a", np.datetime64("NaT")], 1),
])
def test_first_missing_sees_what_pandas_sees(vals, want):
    col = pd.Series(vals, dtype=object)
    assert _frames.first_missing(col) == want
    assert want == (int(np.flatnonzero(col.isna())[0]) if col.isna().any() else -1)
    assert _frames.first_missing(col.astype("category")) == want


def test_a_nan_of_a_float_subclass_is_missing_in_the_compiled_readers():
    # NumPy's float64 is a float: its NaN is a missing cell, as pandas' isna sees it, not a
    # value that sends the column to pandas' slower reading.
    vals = np.array(["a", np.float64("nan"), "a", None], dtype=object)
    codes, uniq, _ = _core.factorize_text(vals)
    assert codes.tolist() == [0, -1, 0, -1] and uniq.tolist() == ["a"]
    assert _core.first_missing_text(vals) == 1
    assert _core.first_bad_text(vals, (), False, False) == (1, "is missing")


def test_position_in_places_values_as_pandas_get_indexer():
    rng = random.Random(11)
    for _ in range(40):
        distinct = list(dict.fromkeys("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 20)))
                                      for _ in range(rng.randint(0, 200))))
        values = [fresh(rng.choice(distinct)) if distinct and rng.random() < 0.6 else
                  "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 20)))
                  for _ in range(rng.randint(0, 300))]
        values += [None, float("nan"), pd.NA][:rng.randint(0, 3)]
        rng.shuffle(values)
        d, v = np.array(distinct, dtype=object), np.array(values, dtype=object)
        got = _core.position_in(d, v, _frames._missing_objects())
        assert got.dtype == np.int64
        assert got.tolist() == pd.Index(d).get_indexer(v).tolist()


def test_position_in_takes_a_repeated_texts_first_place_and_refuses_other_values():
    assert _core.position_in(np.array(["a", "b", "a"], dtype=object),
                             np.array(["a", "c", "b"], dtype=object)).tolist() == [0, -1, 1]
    assert _core.position_in(np.array(["a"], dtype=object), np.array(["a", 1], dtype=object)) is None
    assert _core.position_in(np.array(["a", 1], dtype=object), np.array(["a"], dtype=object)) is None


@pytest.mark.parametrize("sort", [False, True])
def test_two_columns_numbered_as_one(sort):
    # more=: the cells of a second column numbered after the first's in one table, as the two
    # joined would be (a text in both has one code), missing cells included
    cols = list(columns(11, 40))
    for a, b in zip(cols[::2], cols[1::2]):
        a = np.array(a, dtype=object)
        b = np.array(b, dtype=object)
        got = _core.factorize_text(a, _frames._missing_objects(), sort, True, more=b[::-1])
        want = _core.factorize_text(np.concatenate([a, b[::-1]]), _frames._missing_objects(), sort, True)
        assert got[0].tolist() == want[0].tolist()
        assert got[1].tolist() == want[1].tolist() and got[2] == want[2]
    many = np.array([f"C{i}" for i in range(100000)], dtype=object)  # past a sample, all distinct
    codes, uniq, _ = _core.factorize_text(many, (), True, more=many[::-1].copy())
    assert codes[100000:].tolist() == codes[:100000][::-1].tolist() and len(uniq) == 100000
    assert _core.factorize_text(np.array(["a"], dtype=object), (), False, more=np.array(["a", 1], dtype=object)) is None
    with pytest.raises(TypeError):
        _core.factorize_text(np.array(["a"], dtype=object), (), False, more=np.array([1, 2]))


@pytest.mark.parametrize("sort", [False, True])
def test_a_second_column_in_the_first_ones_order(sort):
    # more= listing the first column's ids in its order, twice (a year's results cadre by cadre),
    # with gaps, ids not in the first column and missing cells, each cell an object of its own:
    # the codes of the two joined, whether a cell is found as the text after the cell before's
    # or looked up
    rng = random.Random(7)
    ids = [f"C{i}" for i in range(3000)]
    second = []
    for _ in range(2):
        for t in ids:
            r = rng.random()
            if r < 0.05:
                continue  # a cadre without this year's result
            if r < 0.08:
                second.append(fresh(f"X{rng.randrange(50)}"))  # an id the first column lacks
            elif r < 0.1:
                second.append(None)
            second.append(fresh(t))
    first = [fresh(t) for t in ids]
    got = _core.factorize_text(np.array(first, dtype=object), _frames._missing_objects(), sort, True,
                               more=np.array(second, dtype=object))
    want_codes, want_uniq = expected(first + second, sort)
    assert got[0].tolist() == want_codes and list(got[1]) == want_uniq


def test_sorted_ids_alike_in_their_first_sixteen_characters():
    # the sort reads a key of the first 16 characters, then the texts where keys tie: ids of
    # 18 digits that differ only at the end, and texts that stop the key early (a character
    # above 254), in an order not their own
    rng = random.Random(5)
    vals = [f"1101011990010112{rng.randint(0, 99):02d}" for _ in range(400)]
    vals += [f"A\u4e2d{rng.randint(0, 999)}" for _ in range(200)] + [f"C{i}" for i in range(300)]
    rng.shuffle(vals)
    codes, uniq = _frames.factorize(np.array(vals, dtype=object), sort=True)
    want_codes, want_uniq = expected(vals, True)
    assert list(uniq) == want_uniq and codes.tolist() == want_codes


@pytest.mark.parametrize("sort", [False, True])
def test_a_mostly_distinct_column_past_the_sample_is_numbered_as_pandas_numbers_it(sort):
    # dense: past the first 65,536 cells the table is made as large as the column at once, with
    # the texts already met (short, long, in other kinds) moved into it
    rng = np.random.default_rng(5)
    base = [f"C{i}" for i in range(60000)] + [f"单位-{i:020d}" for i in range(50000)] + \
        [f"long-identifier-{i}-of-a-cadre" for i in range(40000)]
    cells = [base[j] for j in rng.permutation(len(base))] + [base[j] for j in rng.integers(0, len(base), 20000)]
    cells = [str(c) for c in np.array(cells, dtype=object)]  # each cell its own object
    col = np.array(cells, dtype=object)
    codes, uniq, _ = _core.factorize_text(col, _frames._missing_objects(), sort, True)
    want_codes, want_uniq = pd.factorize(pd.Series(cells, dtype=object), sort=sort)
    assert codes.tolist() == want_codes.tolist() and uniq.tolist() == list(want_uniq)


@pytest.mark.parametrize("sort", [False, True])
def test_a_large_column_of_many_ids_in_runs(sort):
    # a column whose table grows several times and whose sort has many keys: the same numbers
    # as Python gives
    rng = random.Random(18)
    ids = [f"C{rng.randrange(10**9)}" for _ in range(120_000)] + ["中文", "\U0001F600x" * 5]
    vals = []
    for t in ids:
        vals += [fresh(t) for _ in range(rng.randint(1, 3))]
    vals[::97] = [None] * len(vals[::97])
    arr = np.array(vals, dtype=object)
    got = _core.factorize_text(arr, _frames._missing_objects(), sort, True)
    want_codes, want_uniq = expected(vals, sort)
    assert got[0].tolist() == want_codes
    assert list(got[1]) == want_uniq


def test_text_codes_numbers_texts_or_gives_each_row_its_own_number():
    # a column of few values is numbered by its texts; by_row=True gives each row its own
    # number and the caller's own objects, but only when every cell is a str
    cells = pd.Series(["V1", "V2", "V1", "V3", "V2"] * 200, dtype=object)
    codes, uniq = _frames.text_codes(cells)
    assert codes.tolist() == expected(cells.tolist(), False)[0]
    assert list(uniq) == ["V1", "V2", "V3"]
    codes, uniq = _frames.text_codes(cells, by_row=True)
    assert codes.tolist() == list(range(len(cells)))
    assert all(u is c for u, c in zip(uniq, cells))
    holed = cells.copy()
    holed[7] = None
    codes, uniq = _frames.text_codes(holed, by_row=True)  # a missing cell: numbered, -1 for it
    assert codes.tolist() == expected(holed.tolist(), False)[0] and codes[7] == -1
    assert _frames.text_codes(pd.Series([1, 2, 3])) is None
    assert _frames.text_codes(pd.Series(["a", 2, "b"], dtype=object), by_row=True) is None


def mostly_distinct_ids(rng, count):
    """Ids nearly all different (past the 65,536-cell sample, so that sort=True numbers them by
    sorting the cells): short ids, ids alike in their first 16 characters, ids whose key stops
    early (a character above 254) or holds a NUL, each cell an object of its own."""
    ids = [f"C{i}" for i in range(count)]
    for i in rng.sample(range(count), count // 10):
        ids[i] = f"110101199001011{i:08d}"
    for i in rng.sample(range(count), count // 20):
        ids[i] = f"A\u4e2d{i}" if i % 2 else f"A\x00{i}"
    rng.shuffle(ids)
    return [fresh(t) for t in ids]


@pytest.mark.parametrize("order", ["in order", "wrapped", "no order", "none"])
def test_mostly_distinct_sorted_with_a_second_column(order):
    # sort=True on a first column of mostly distinct ids (with a few repeated, and missing cells)
    # and a second one that lists them in the first one's order, twice over, in no order, or not
    # at all; with texts the first lacks and missing cells: codes and uniques as Python sorts
    # them, each distinct text the object of its first appearance
    rng = random.Random(len(order))
    first = mostly_distinct_ids(rng, 80000)
    for i in rng.sample(range(len(first)), 300):
        first[i] = fresh(first[rng.randrange(len(first))])  # an id twice, in another object
    for i in rng.sample(range(len(first)), 50):
        first[i] = rng.choice([None, float("nan"), pd.NA])
    second = []
    if order == "in order":
        second = [fresh(t) if isinstance(t, str) else None for t in first]
    elif order == "wrapped":
        half = len(first) // 2
        second = [fresh(t) for t in first[half:] + first[:half] if isinstance(t, str)]
    elif order == "no order":
        second = [fresh(t) for t in (first[rng.randrange(len(first))] for _ in range(60000)) if isinstance(t, str)]
    for _ in range(len(second) // 40):  # ids the first column lacks, some of them twice
        second.insert(rng.randrange(len(second) + 1), fresh(f"X{rng.randrange(500)}" if rng.random() < 0.9
                                                            else f"C{rng.randrange(10**6, 10**7)}\u4e2d"))
    for _ in range(20 if second else 0):
        second.insert(rng.randrange(len(second) + 1), None)
    arr = np.array(first, dtype=object)
    more = np.array(second, dtype=object) if order != "none" else None
    got = _core.factorize_text(arr, _frames._missing_objects(), True, more=more)
    cells = first + second
    want_codes, want_uniq = expected(cells, True)
    assert got[0].tolist() == want_codes
    assert list(got[1]) == want_uniq
    firsts = {}
    for c in cells:
        if isinstance(c, str):
            firsts.setdefault(c, c)
    assert all(u is firsts[u] for u in got[1])
    assert got[2]  # a NUL among the texts
    # the same numbers when the arrays are read as one column by the table (first appearance,
    # then sorted)
    one = _core.factorize_text(np.array(cells, dtype=object), _frames._missing_objects(), False, True)
    assert np.array_equal(np.asarray(one[1], dtype=object)[one[0]][one[0] >= 0],
                          np.asarray(got[1], dtype=object)[got[0]][got[0] >= 0])


@pytest.mark.parametrize("where", ["first", "second"])
def test_mostly_distinct_sorted_refuses_a_value_not_text(where):
    rng = random.Random(3)
    first = mostly_distinct_ids(rng, 70000)
    second = [fresh(t) for t in first[:1000]]
    (first if where == "first" else second)[-1] = 12
    got = _core.factorize_text(np.array(first, dtype=object), _frames._missing_objects(), True,
                               more=np.array(second, dtype=object))
    assert got is None


@pytest.mark.parametrize("sort", [False, True])
def test_few_shared_objects_alternating_at_random(sort):
    # a column of a few values whose cells share their objects (as read_csv gives a rating or a
    # sex code), alternating at random with missing cells of every kind and equal texts in
    # objects of their own: each cell numbered by its text
    rng = random.Random(11)
    shared = ["excellent", "competent", "优秀", "1"]
    pool = shared + [None, float("nan"), pd.NA]
    vals = [rng.choice(pool) if rng.random() < 0.97 else fresh(rng.choice(shared)) for _ in range(200_000)]
    got = _core.factorize_text(np.array(vals, dtype=object), _frames._missing_objects(), sort)
    want_codes, want_uniq = expected(vals, sort)
    assert got[0].tolist() == want_codes and list(got[1]) == want_uniq
