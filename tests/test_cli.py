"""The sei-policy command: every command's output, JSON, exit statuses, encodings, and no tracebacks."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import sei_policy as sp
from sei_policy import _loader, _render, _simplify, _thesaurus
from sei_policy.cli import main

from .helpers import ALL_RECORDS, PLAN, record_id

KINDS = _loader.load().kinds

SCRIPT = Path(sys.executable).with_name("sei-policy")
"""The installed console script, beside the interpreter of this environment."""

PLAN_COLLECTIONS = tuple(spec.collection for spec in KINDS.values() if spec.document is sp.Plan)
"""The plan's fields that hold records: show lists these records, each shown in full by its own show."""


def _run(*args: str | bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m sei_policy`` with ``args``, capturing bytes."""
    return subprocess.run([sys.executable, "-m", "sei_policy", *args], capture_output=True, env=env, timeout=120)


def _out(capsys: pytest.CaptureFixture[str], argv: list[str], status: int = 0) -> str:
    """Run main(argv), check its status and that stderr is empty, and return stdout."""
    assert main(argv) == status
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> Any:
    return json.loads(_out(capsys, argv))


# -- the overview --------------------------------------------------------------------


def test_overview_lists_every_requirement_and_action(capsys: pytest.CaptureFixture[str]) -> None:
    """The default command prints the title, number, issuers and date, then R1-R4 with A1-A20."""
    out = _out(capsys, [])
    assert out == sp.overview()
    assert out.splitlines()[0] == PLAN.title.zh
    assert "发改高技〔2020〕1409号" in out and "Issued 2020-09-11 by NDRC, MOST, MIIT, MOF" in out
    lines = out.splitlines()
    for record in (*PLAN.requirements, *PLAN.actions):
        assert any(line.strip().startswith(f"{record.notation} ") and (record.title.en or "") in line for line in lines)


def test_overview_command_equals_default(capsys: pytest.CaptureFixture[str]) -> None:
    """`overview` prints the same as no command."""
    assert _out(capsys, ["overview"]) == _out(capsys, [])


# -- list ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "count", "first"),
    [(["list"], 64, "P1"), (["list", "action"], 20, "A1"), (["list", "target"], 3, "T1"),
     (["list", "agency"], 9, "NDRC"), (["list", "nbs-2018"], 9, "NBS-1"), (["list", "Industry"], 8, "I1"),
     (["list", "plan"], 1, "—")],
)  # fmt: skip
def test_list_prints_one_line_per_record(
    capsys: pytest.CaptureFixture[str], argv: list[str], count: int, first: str
) -> None:
    """list prints one line per record of the plan, or of one kind (any case), in document order."""
    lines = _out(capsys, argv).splitlines()
    assert len(lines) == count
    assert lines[0].split()[0] == first


@pytest.mark.parametrize("kind", [None, "action", "agency", "nbs-2018", "plan"])
def test_list_columns_are_notation_identifier_and_titles(capsys: pytest.CaptureFixture[str], kind: str | None) -> None:
    """Each line holds the notation, the identifier, the English and the Chinese title, in that order."""
    records = sp.records() if kind is None else sp.records(kind)
    lines = _out(capsys, ["list"] if kind is None else ["list", kind]).splitlines()
    for record, line in zip(records, lines, strict=True):
        cells = [getattr(record, "notation", "—"), record.id, record.title.en or "—", record.title.zh or "—"]
        positions = [line.index(cell) for cell in cells]
        assert positions == sorted(positions) and line.endswith(cells[-1]), line


@pytest.mark.parametrize("kind", [None, "action", "objective", "agency", "nbs-2018"])
def test_list_columns_line_up_on_a_terminal(capsys: pytest.CaptureFixture[str], kind: str | None) -> None:
    """Every column starts at the same terminal column on every line, Chinese counting two columns a character."""
    records = sp.records() if kind is None else sp.records(kind)
    lines = _out(capsys, ["list"] if kind is None else ["list", kind]).splitlines()
    starts = set()
    for record, line in zip(records, lines, strict=True):
        id_at = line.index(record.id)
        en_at = line.index(record.title.en or "—", id_at + len(record.id))
        zh_at = len(line) - len(record.title.zh or "—")
        starts.add((_render.width(line[:id_at]), _render.width(line[:en_at]), _render.width(line[:zh_at])))
    assert len(starts) == 1, starts


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [("A4", None, 2), ("新材料", None, 6), ("新材料", "utf-8", 6), ("ＡＢ", None, 4), ("“six”", None, 5),
     ("é", None, 1), ("e\u0301", None, 1), ("新", "ascii", 6), ("𠀀", "ascii", 10), ("—", "ascii", 6), ("", None, 0),
     ("a\n新材料", None, 6), ("新材料\nab", None, 6)],
)  # fmt: skip
def test_width_counts_terminal_columns(text: str, encoding: str | None, expected: int) -> None:
    """Wide characters take two columns, combining marks none, and what the encoding escapes its escape's width."""
    assert _render.width(text, encoding) == expected


def test_list_json_is_every_record_as_a_dict(capsys: pytest.CaptureFixture[str]) -> None:
    """list --json prints a JSON array of asdict() of each record, in the order of the text table."""
    assert _json(capsys, ["list", "--json"]) == [sp.asdict(r) for r in sp.records()]
    assert _json(capsys, ["list", "nbs-2018", "--json"]) == [sp.asdict(r) for r in sp.records(kind="nbs-2018")]
    assert _json(capsys, ["list", "plan", "--json"]) == [sp.asdict(PLAN)]


# -- show ----------------------------------------------------------------------------


def test_show_a9_lists_agencies_and_targets_with_values(capsys: pytest.CaptureFixture[str]) -> None:
    """show A9 lists the nine responsible agencies with their titles and the three targets with their values."""
    out = _out(capsys, ["show", "A9"])
    lines = out.splitlines()
    assert lines[0] == "A9  action:cluster-development-project"
    agencies = PLAN.agencies_of("A9")
    assert agencies is not None and len(agencies) == 9
    start = lines.index("  agency_ids:")
    for agency, line in zip(agencies, lines[start + 1 : start + 10], strict=True):
        assert line == f"    {agency.id}  {agency.title.en}  {agency.title.zh}"
    start = lines.index("  target_ids:")
    for target, value, line in zip(PLAN.targets_of("A9"), (10, 100, 1000), lines[start + 1 : start + 4], strict=True):
        assert target.value == value
        assert line.startswith(f"    {target.id}  value: {value}  {target.title.en}")
    assert "  industry_id: none" in lines
    assert (
        "  requirement_id: requirement:clusters  Create clusters of development bastions  打造产业集聚发展新高地"
        in lines
    )


@pytest.mark.parametrize(
    ("argv", "expected"),
    [(["show", "T2"], ["  value: 100", "  year: none stated",
                       "  action_id: action:cluster-development-project  Further promote national strategic emerging industry cluster development projects  深入推进国家战略性新兴产业集群发展工程"]),
     (["show", "I4"], ["  nbs_2018_id: nbs-2018:3  new materials industry  新材料产业", "  nbs_2018_match: exact",
                       "  action_id: action:new-materials  Accelerate the new materials industry in strengthening areas of weakness  加快新材料产业强弱项"]),
     (["show", "A4"], ["  requirement_id: requirement:key-industries  Focus on key industrial areas  聚焦重点产业投资领域",
                       "  industry_id: industry:new-materials  new materials industry  新材料产业",
                       "  target_ids: none", "  aliases.en: none",
                       "      keywords: inferred [S16] (S16 names these materials; that they belong to this item is inferred)",
                       "      agency_ids: unverified (the responsibility clause of this item was not read; it is verified for item 9 only)"]),
     (["show", "A11"], ["  title.zh: — (not verified)", "  summary: — (not verified)"]),
     (["show", "NBS-3"], ["NBS-3  nbs-2018:3", "  title.en: new materials industry", "  title.zh: 新材料产业", "  kind: nbs-2018",
                          "      title.en: inferred [S22, S23] (our English rendering of the verified Chinese name; no official English name was read in a registered source)"]),
     (["show", "O1"], ["  guarantee_ids: none", "  priority_ids:", "    priority:employment  employment  稳就业"]),
     (["show", "R3"], ["  part: 四", "  action_ids:", "    action:government-funds  Strengthen the guidance of government funds"]),
     (["show", "NDRC"], ["  aliases.zh: 国家发改委; 发改委", "      aliases.zh: inferred (conventional short names, not read in a registered source)"]),
     (["show", "P1"], ["  provenance:", "    status: verified", "    source_keys: S17, S18, seed", "      title.zh: verified [S17]"])],
)  # fmt: skip
def test_show_prints_fields_and_links(capsys: pytest.CaptureFixture[str], argv: list[str], expected: list[str]) -> None:
    """show prints each field on a line of its own; links name the record linked to, with its titles."""
    lines = _out(capsys, argv).splitlines()
    for line in expected:
        assert line in lines


def _leaves(value: Any) -> Iterator[str]:
    """Every string and number inside a JSON value, as show writes it (a whole float without .0)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    elif isinstance(value, float):
        yield str(int(value)) if value.is_integer() else str(value)
    elif isinstance(value, str | int):
        yield str(value)


@pytest.mark.parametrize("record", ALL_RECORDS, ids=record_id)
def test_show_prints_every_value_of_every_record(capsys: pytest.CaptureFixture[str], record: sp.PlanOrRecord) -> None:
    """show <id> prints every field of the record by name and every string and number asdict() holds.

    The plan lists its records by notation, identifier and titles; each is shown in full by its own show.
    """
    out = _out(capsys, ["show", record.id])
    lines = out.splitlines()
    data = sp.asdict(record)
    for key, value in data.items():
        if isinstance(record, sp.Plan) and key in PLAN_COLLECTIONS:
            assert f"  {key}:" in lines
            for member in value:
                row = [member["notation"], member["id"], member["title"]["en"] or "—", member["title"]["zh"] or "—"]
                assert any(line.split() and line.split()[:2] == row[:2] and line.endswith(row[3]) for line in lines)
                assert row[2] in out
            continue
        assert any(line.startswith((f"  {key}:", f"  {key}.")) for line in lines), key
        missing = [leaf for leaf in _leaves(value) if leaf not in out]
        assert missing == [], key


def test_show_says_why_agencies_are_not_known(capsys: pytest.CaptureFixture[str]) -> None:
    """Where an action's agencies are unknown, show says so with the reason: the sources name them for A9 only."""
    unknown = [a for a in PLAN.actions if a.agency_ids is None]
    assert len(unknown) == 19 and PLAN.action("A9") not in unknown
    for action in PLAN.actions:
        lines = _out(capsys, ["show", action.id]).splitlines()
        claim = action.provenance.claim("agency_ids")
        if action in unknown:
            assert claim is not None and claim.note is not None and "9" in claim.note
            assert f"  agency_ids: not known ({claim.note})" in lines
        else:
            assert "  agency_ids:" in lines


@pytest.mark.parametrize("text", ["发改高技〔2020〕1409号", "plan:sei-2020", "SEI plan"])
def test_show_the_plan_prints_its_own_fields(capsys: pytest.CaptureFixture[str], text: str) -> None:
    """show of a name of the plan prints the plan's fields: number, issuers, dates, seed, figures, sources."""
    lines = _out(capsys, ["show", text]).splitlines()
    assert lines[0] == "plan:sei-2020"
    for line in ("  document_number: 发改高技〔2020〕1409号", "  issued: 2020-09-11", "  published: 2020-09-23",
                 "  written: not known (the date written (成文日期) was not read in any registered source)",
                 "  edition: 2026.4", "    agency:ndrc  National Development and Reform Commission  国家发展改革委",
                 "    - key: S1", "      value: 10.5", "  retired: none", "    venue: industry blog"):  # fmt: skip
        assert line in lines
    assert any(line.startswith("    R4  requirement:investment-environment") for line in lines)


@pytest.mark.parametrize("record", [PLAN, *ALL_RECORDS[1::7]], ids=record_id)
def test_show_json_round_trips_to_asdict(capsys: pytest.CaptureFixture[str], record: sp.PlanOrRecord) -> None:
    """show --json prints one object, equal to asdict() of the record."""
    assert _json(capsys, ["show", "--json", record.id]) == sp.asdict(record)


def test_show_json_keeps_chinese_as_is(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON output is UTF-8 text with Chinese characters, not \\u escapes."""
    out = _out(capsys, ["show", "A4", "--json"])
    assert "加快新材料产业强弱项" in out and "\\u" not in out


def test_show_with_kind_resolves_an_ambiguous_name(capsys: pytest.CaptureFixture[str]) -> None:
    """An ambiguous name on the command line points to --kind, the option that resolves it."""
    assert main(["show", "new-materials"]) == 1
    assert capsys.readouterr().err.rstrip().endswith("use --kind or an identifier")
    assert _out(capsys, ["show", "new-materials", "--kind", "industry"]).startswith("I4  industry:new-materials\n")


def test_show_reports_a_retired_identifier_as_one_warning_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deprecation warning (a retired identifier) is one `sei-policy: warning:` line; the record still shows."""
    lookup = sp.lookup

    def retired(text: str, *, kind: str | None = None) -> sp.PlanOrRecord:
        warnings.warn(
            "'action:old' is retired; use 'action:new-materials'", sp.DeprecatedIdentifierWarning, stacklevel=2
        )
        return lookup("action:new-materials")

    monkeypatch.setattr(sp, "lookup", retired)
    assert main(["show", "action:old"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("A4  action:new-materials\n")
    assert captured.err == "sei-policy: warning: 'action:old' is retired; use 'action:new-materials'\n"


# -- search --------------------------------------------------------------------------


def test_search_prints_ranked_hits(capsys: pytest.CaptureFixture[str]) -> None:
    """search prints one line per hit, best first, and says so when nothing matches."""
    out = _out(capsys, ["search", "光刻胶", "--limit", "1"]).splitlines()
    assert len(out) == 1 and "action:new-materials" in out[0]
    expected = "no record matches 'zzzqqq', because no word of the query is known to the index (zzzqqq)\n"
    assert _out(capsys, ["search", "zzzqqq"]) == expected
    assert "because the query holds only function words" in _out(capsys, ["search", "what about them"])


@pytest.mark.parametrize(
    ("argv", "expected"),
    [(["search", "vacines"], "read 'vacines' as 'vaccine"), (["search", "fotoresistz"], "did you mean: photoresist"),
     (["search", "半导体"], "(thesaurus)"), (["search", "cluster", "--kind", "target"], "target:competitive-clusters")],
)  # fmt: skip
def test_search_explains_what_it_did(capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> None:
    """search names typo corrections, suggestions when nothing matches, and hits found through the thesaurus."""
    assert expected in _out(capsys, argv)


def test_limit_zero_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    """--limit 0 asks for no hits: nothing is printed, and no false 'no record matches'."""
    assert _out(capsys, ["search", "疫苗", "--limit", "0"]) == ""


@pytest.mark.parametrize("query", ["疫苗", "vacines", "半导体", "zzzqqq", "cluster"])
def test_search_json_is_each_hit_as_an_object(capsys: pytest.CaptureFixture[str], query: str) -> None:
    """search --json prints an array of {record, score, matched, corrections, reason}, as search() returns them."""
    found = _json(capsys, ["search", query, "--json", "--limit", "5"])
    hits = sp.search(query, limit=5)
    assert found == [
        {"record": sp.asdict(h.record), "score": h.score, "matched": list(h.matched),
         "corrections": [list(c) for c in h.corrections], "reason": h.reason}
        for h in hits
    ]  # fmt: skip


# -- export --------------------------------------------------------------------------


def test_export_csv_writes_a_folder_and_prints_its_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """export --format csv writes one file per kind and relations.csv, and prints each path."""
    folder = tmp_path / "sei"
    printed = _out(capsys, ["export", "--format", "csv", "--output", str(folder)]).splitlines()
    assert printed == [str(folder / f"{spec.kind}.csv") for spec in KINDS.values()] + [str(folder / "relations.csv")]
    assert all(Path(p).is_file() for p in printed)
    assert (folder / "action.csv").read_text(encoding="utf-8").startswith("id,kind,notation")


def test_export_csv_for_excel_begins_with_a_byte_order_mark(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--excel writes CSV files that begin with the UTF-8 byte-order mark."""
    _out(capsys, ["export", "--format", "csv", "--excel", "--output", str(tmp_path / "x")])
    assert (tmp_path / "x" / "action.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_json_writes_the_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """export --format json writes the plan; again over its own export it replaces it; another file needs --overwrite."""
    path = tmp_path / "plan.json"
    assert _out(capsys, ["export", "--format", "json", "--output", str(path)]) == f"{path}\n"
    body = json.loads(path.read_text(encoding="utf-8"))
    assert body["document_number"] == "发改高技〔2020〕1409号" and body["schema_version"] == _loader.SCHEMA_VERSION
    assert _out(capsys, ["export", "--format", "json", "--output", str(path)]) == f"{path}\n"  # its own export
    other = tmp_path / "notes.json"
    other.write_text("{}", encoding="utf-8")
    assert main(["export", "--format", "json", "--output", str(other)]) == 1
    assert "exists" in capsys.readouterr().err and other.read_text(encoding="utf-8") == "{}"
    assert _out(capsys, ["export", "--format", "json", "--output", str(other), "--overwrite"]) == f"{other}\n"


def test_export_passes_every_option_through(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """--overwrite, --excel and --base reach sp.export as overwrite=, excel= and base=."""
    calls: list[tuple[Any, ...]] = []

    def export(format: str, path: str, **options: Any) -> list[Path]:
        calls.append((format, path, options))
        return [Path(path)]

    monkeypatch.setattr(sp, "export", export)
    argv = ["export", "--format", "turtle", "--output", "x.ttl", "--overwrite", "--excel", "--base", "https://e.org/"]
    assert _out(capsys, argv) == "x.ttl\n"
    assert calls == [("turtle", "x.ttl", {"overwrite": True, "excel": True, "base": "https://e.org/"})]


@pytest.mark.parametrize(
    ("error", "message"),
    [(sp.MissingExtraError("turtle", "rdf", "rdflib"), "turtle needs rdflib: python -m pip install '.[rdf]' from a checkout of sei_policy"),
     (ModuleNotFoundError("No module named 'sei_policy._skos'"), "cannot write the turtle format: No module named"),
     (PermissionError(13, "Permission denied"), "Permission denied")],
)  # fmt: skip
def test_export_failures_are_one_line_and_status_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, error: Exception, message: str
) -> None:
    """A missing extra, a format whose code is missing, or an OS error is one error line and status 1."""

    def export(*args: object, **kwargs: object) -> list[Path]:
        raise error

    monkeypatch.setattr(sp, "export", export)
    assert main(["export", "--format", "turtle", "--output", "x.ttl"]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("sei-policy: error: ") and message in captured.err
    assert captured.err.count("\n") == 1 and captured.out == ""


def test_export_into_a_missing_folder_is_status_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A path whose folder does not exist is refused with one error line."""
    assert main(["export", "--format", "json", "--output", str(tmp_path / "no" / "plan.json")]) == 1
    assert "does not exist" in capsys.readouterr().err


# -- validate ------------------------------------------------------------------------


def test_validate_the_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    """validate re-checks every data file and prints a one-line summary."""
    entries = len(_thesaurus.load({r.id for r in ALL_RECORDS}).entries)
    expected = (
        f"data edition {sp.DATA_EDITION}: 2 documents, {len(ALL_RECORDS)} records, thesaurus {entries} entries, "
        f"OpenCC table {len(_simplify.table())} characters: valid\n"
    )
    assert _out(capsys, ["validate"]) == expected
    assert (
        expected
        == "data edition 2026.4: 2 documents, 74 records, thesaurus 107 entries, OpenCC table 3222 characters: valid\n"
    )


SHIPPED = _loader.read()
"""The shipped data files, read before any test replaces the reader."""


def _broken_plan() -> dict[str, bytes]:
    files = dict(SHIPPED)
    body = json.loads(files[_loader.PLAN_FILE])
    body["actions"][3]["number"] = "four"
    body["targets"][1]["value"] = None
    files[_loader.PLAN_FILE] = json.dumps(body, ensure_ascii=False).encode("utf-8")
    return files


@pytest.mark.parametrize(
    ("module", "data", "problems"),
    [(_loader, _broken_plan, ["sei-2020.json.actions[3].number", "sei-2020.json.targets[1].value"]),
     (_loader, lambda: {**SHIPPED, "nbs-2018.json": b"{"}, ["not valid JSON", "@ nbs-2018.json"]),
     (_thesaurus, lambda: b'{"schema_version": 1, "about": "", "entries": []}', ["@ thesaurus.json.about"]),
     (_simplify, lambda: b"[]", ["expected a JSON object, found array @ t2s.json"])],
)  # fmt: skip
def test_validate_corrupted_data_lists_every_problem(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, module: Any, data: Any, problems: list[str]
) -> None:
    """validate on broken data prints the error and one line per problem to stderr, and returns 1."""
    monkeypatch.setattr(module, "read", data)
    assert main(["validate"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0].startswith("sei-policy: error: the plan's data is invalid (")
    for problem in problems:
        assert any(problem in line for line in lines[1:]), problem
    assert "Traceback" not in captured.err


def test_validate_reports_problems_of_several_files_at_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken plan file and a broken OpenCC table are reported together."""
    monkeypatch.setattr(_loader, "read", _broken_plan)
    monkeypatch.setattr(_simplify, "read", lambda: b"{")
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "(3 problems)" in err and "sei-2020.json.actions[3].number" in err and "@ t2s.json" in err


# -- cite ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "ref", "style"),
    [(["cite", "action:new-materials"], "action:new-materials", "text"),
     (["cite", "A4", "--style", "bibtex"], "action:new-materials", "bibtex"),
     (["cite", "plan:sei-2020"], "plan:sei-2020", "text"),
     (["cite", "new-materials", "--kind", "industry"], "industry:new-materials", "text"),
     (["cite", "nbs-2018"], "nbs-2018", "text"), (["cite", "NBS-2018", "--style", "bibtex"], "nbs-2018", "bibtex"),
     (["cite", "Nbs-2018:3"], "nbs-2018:3", "text")],
)  # fmt: skip
def test_cite_prints_the_citation(capsys: pytest.CaptureFixture[str], argv: list[str], ref: str, style: str) -> None:
    """cite prints sp.cite() of the record, in the style asked for."""
    assert _out(capsys, argv) == sp.cite(ref, style=style) + "\n"  # type: ignore[arg-type]


# -- errors and exit statuses --------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["show", "zz-nothing"], "sei-policy: error: unknown identifier 'zz-nothing'"),
     (["show", "action:new-material"], "did you mean 'action:new-materials'?"),
     (["cite", "action:new-material"], "did you mean 'action:new-materials'?"),
     (["show", "new-materials"], "is ambiguous: 'action:new-materials' or 'industry:new-materials'; use --kind"),
     (["cite", "new-materials"], "is ambiguous: 'action:new-materials' or 'industry:new-materials'"),
     (["show", "4"], "unknown identifier '4': a number names a record within its kind: use --kind, or give"),
     (["show", "A21"], "unknown identifier 'A21': actions are A1–A20"),
     (["show", "t9"], "unknown identifier 't9': targets are T1–T3"),
     (["cite", "Ａ２１"], "actions are A1–A20"),
     (["show", "NBS-12"], "NBS 2018 fields are NBS-1–NBS-9"),
     (["show", "semiconductor"], "no record is called 'semiconductor'; `sei-policy search semiconductor` finds "),
     (["cite", "semiconductor"], "`sei-policy search semiconductor` finds "),
     (["show", "semiconductor plants"], "`sei-policy search 'semiconductor plants'` finds ")],
)  # fmt: skip
def test_errors_go_to_stderr_with_status_1(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    """An unknown or ambiguous record is one line on stderr and status 1; no traceback."""
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.err.startswith("sei-policy: error: ") and captured.err.count("\n") == 1
    assert captured.out == ""
    assert "kind=" not in captured.err and "overwrite=True" not in captured.err  # the options, not Python


@pytest.mark.parametrize("query", ["semiconductor", "EV", "chips"])
def test_a_name_that_is_no_record_shows_what_search_finds(capsys: pytest.CaptureFixture[str], query: str) -> None:
    """show of a word that names no record counts what `sei-policy search` finds and names the first hits."""
    hits = sp.search(query, limit=10)
    assert hits
    assert main(["show", query]) == 1
    err = capsys.readouterr().err
    assert f"no record is called {query!r}; `sei-policy search {query}` finds {len(hits)}: " in err
    for hit in hits[:3]:
        assert f"{getattr(hit.record, 'notation', '—')} {hit.record.id}" in err
    assert err.rstrip().endswith(", …") is (len(hits) > 3)


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["show", "A4", "--kind", "actions"], "unknown kind 'actions'; expected one of 'plan'"),
     (["search", "x", "--kind", "actions"], "unknown kind 'actions'"),
     (["list", "actions"], "unknown kind 'actions'")],
)  # fmt: skip
def test_an_unknown_kind_is_bad_usage(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    """A kind that names no kind is a usage error: status 2 and one line naming the kinds there are."""
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.err.count("\n") == 1
    assert captured.out == ""


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["frobnicate"], "invalid choice"), (["search", "x", "--limit", "-1"], "expected zero or more, got -1"),
     (["search", "x", "--limit", "many"], "expected a whole number, got 'many'"),
     (["show"], "the following arguments are required: ID_OR_TEXT"),
     (["export", "--format", "csv"], "the following arguments are required: --output"),
     (["export", "--format", "yaml", "--output", "x"], "argument --format: invalid choice: 'yaml'"),
     (["export", "--format", "csv", "--output", ""], "cannot name a file: ''"),
     (["export", "--format", "csv", "--output", "a\x00b"], "cannot name a file"),
     (["export", "--format", "csv", "--output", "\ud800"], "cannot name a file"),
     (["cite", "A4", "--style", "apa"], "invalid choice: 'apa'"),
     (["validate", "--json"], "unrecognized arguments: --json"), (["--json"], "unrecognized arguments")],
)  # fmt: skip
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    """Bad usage is argparse's usage error: status 2 and a message naming the problem."""
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


def test_version_names_the_package_and_the_data_edition(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the package version and the data edition, and exits 0."""
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"sei-policy {sp.__version__} (data edition {sp.DATA_EDITION})\n"
    assert PLAN.edition == sp.DATA_EDITION


@pytest.mark.parametrize("argv", [["--help"], ["show", "--help"], ["export", "-h"]])
def test_help_exits_0(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """--help prints the usage of the program or of a command and exits 0."""
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("usage: sei-policy")


def _statuses(text: str) -> dict[int, str]:
    """The exit statuses that ``--help`` lists after ``exit status:``, each with its text."""
    statuses: dict[int, str] = {}
    code = None
    for line in text.split("exit status:", 1)[1].splitlines():
        match = re.match(r"\s+(\d+)\s+(.*)", line)
        if match:
            code = int(match.group(1))
            statuses[code] = match.group(2)
        elif code is not None and line.strip():
            statuses[code] += " " + line.strip()
    return statuses


def test_help_gives_the_exit_statuses_the_docs_give(capsys: pytest.CaptureFixture[str]) -> None:
    """--help lists every exit status of docs/cli.md, and puts an unknown kind under 2 (bad usage), not under 1."""
    with pytest.raises(SystemExit):
        main(["--help"])
    statuses = _statuses(capsys.readouterr().out)
    docs = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    documented = {int(code): text for code, text in re.findall(r"^\| (\d+) \| (.*) \|$", docs, flags=re.MULTILINE)}
    assert set(statuses) == set(documented) == {0, 1, 2, 130}
    assert "kind" in statuses[2] and "kind" in documented[2]
    assert "kind" not in statuses[1] and "kind" not in documented[1]
    assert main(["list", "actions"]) == 2  # and so it is


@pytest.mark.parametrize("module", ["cli.py", "_cite.py", "_render.py"])
def test_version_and_licence_come_from_about(module: str) -> None:
    """The command line, citations and the renderer read the version and edition from _about, not the package's face."""
    source = (Path(sp.__file__).parent / module).read_text(encoding="utf-8")
    for face in (
        "sp.__version__",
        "sp.DATA_EDITION",
        "from sei_policy import __version__",
        "from sei_policy import DATA",
    ):
        assert face not in source


def test_an_interrupt_ends_with_status_130(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C ends the command quietly with the shell's status for an interrupt."""

    def interrupted() -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(sp, "overview", interrupted)
    assert main([]) == 130
    assert capsys.readouterr().err == ""


# -- real processes ------------------------------------------------------------------


def test_python_dash_m_is_the_same_command() -> None:
    """`python -m sei_policy` runs main() and prints the overview."""
    result = _run()
    assert result.returncode == 0
    assert result.stdout.decode("utf-8").splitlines()[2].startswith("发改高技〔2020〕1409号")


@pytest.mark.parametrize(
    ("argv", "status", "stdout", "stderr"),
    [(["show", "T2"], 0, "  value: 100\n", ""), (["list", "target"], 0, "T3  target:industry-ecosystems", ""),
     (["--version"], 0, f"sei-policy {sp.__version__} (data edition {sp.DATA_EDITION})\n", ""),
     (["validate"], 0, ": valid\n", ""),
     (["show", "nothing-here"], 1, "", "sei-policy: error: unknown identifier 'nothing-here'"),
     (["show"], 2, "", "sei-policy show: error: the following arguments are required: ID_OR_TEXT")],
)  # fmt: skip
def test_the_installed_script_runs(argv: list[str], status: int, stdout: str, stderr: str) -> None:
    """The `sei-policy` script installed beside the interpreter gives the status and output main() gives."""
    assert SCRIPT.is_file(), SCRIPT
    result = subprocess.run([str(SCRIPT), *argv], capture_output=True, encoding="utf-8", timeout=120)
    assert result.returncode == status
    assert stdout in result.stdout and stderr in result.stderr
    assert "Traceback" not in result.stderr


def test_python_dash_m_reports_errors_without_traceback() -> None:
    """An error from the command line is one line on stderr and exit status 1."""
    result = _run("show", "nothing-here")
    assert result.returncode == 1
    assert result.stderr.startswith(b"sei-policy: error: unknown identifier 'nothing-here'")
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("argv", "escaped"),
    [([], b"\\u5173"), (["show", "A4"], b"title.zh: \\u52a0\\u5feb"), (["list", "industry"], b"\\u65b0\\u6750\\u6599"),
     (["show", "A4", "--json"], b'"zh": "\\u52a0\\u5feb'), (["search", "疫苗"], b"action:biotech")],
)  # fmt: skip
def test_output_survives_a_non_utf8_terminal(argv: list[str], escaped: bytes) -> None:
    """Chinese text on an ASCII-only stdout is escaped rather than crashing."""
    result = _run(*argv, env={"PYTHONIOENCODING": "ascii", "PATH": ""})
    assert result.returncode == 0, result.stderr
    assert escaped in result.stdout
    assert result.stdout.isascii()


def test_errors_survive_a_non_utf8_terminal() -> None:
    """An error message with Chinese in it is escaped on an ASCII-only stderr."""
    result = _run("show", "无此记录", env={"PYTHONIOENCODING": "ascii", "PATH": ""})
    assert result.returncode == 1
    assert result.stderr.startswith(b"sei-policy: error: unknown identifier '\\u65e0")


def test_json_on_an_ascii_terminal_is_still_json() -> None:
    """On an ASCII stdout, --json escapes Chinese as \\uXXXX, which JSON reads back as the same text."""
    result = _run("show", "--json", "A4", env={"PYTHONIOENCODING": "ascii", "PATH": ""})
    assert json.loads(result.stdout) == sp.asdict(PLAN.action(4))


def test_command_line_takes_undecodable_bytes() -> None:
    """An argument that is not valid UTF-8 is read with replacement characters and answered, not crashed on."""
    result = _run("show", b"\xff\xfe")
    assert result.returncode == 1
    assert result.stderr.startswith("sei-policy: error: unknown identifier '\ufffd\ufffd'".encode())


def test_chinese_arguments_work_without_a_utf8_locale() -> None:
    """Under the C locale with UTF-8 mode off, a Chinese argument still finds its record."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "sei_policy", "show", "新材料产业".encode(), "--json"],
        capture_output=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8"))["id"] == "industry:new-materials"


@pytest.mark.parametrize("argv", [[], ["list"], ["show", "plan:sei-2020"], ["--help"]])
def test_a_reader_that_went_away_causes_no_error(argv: list[str]) -> None:
    """Writing to a pipe whose reader is gone (as after `| head -1`) ends quietly with status 0."""
    read, write = os.pipe()
    os.close(read)
    try:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as usual in a pipe
        result = subprocess.run(
            [sys.executable, "-m", "sei_policy", *argv], stdout=write, stderr=subprocess.PIPE, env=env, timeout=120
        )
    finally:
        os.close(write)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""


@pytest.mark.parametrize("argv", [["list"], ["--help"]])
def test_a_closed_pipe_in_process_ends_quietly(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    """In process too: output to a pipe nobody reads returns 0, and the pipe is pointed at devnull."""
    read, write = os.pipe()
    os.close(read)
    with open(write, "w", encoding="utf-8") as stream:
        monkeypatch.setattr(sys, "stdout", stream)
        assert main(argv) == 0
        stream.write("x" * 100_000)
        stream.flush()  # now devnull: no error


class _GoneReader(io.StringIO):
    """A stream that is not a file and whose reader has gone."""

    def write(self, text: str) -> int:
        raise BrokenPipeError


def test_a_closed_stream_that_is_not_a_file_ends_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stream without a file descriptor whose reader has gone is left alone, and main returns 0."""
    monkeypatch.setattr(sys, "stdout", _GoneReader())
    assert main(["show", "A4"]) == 0


def test_a_record_without_claims_shows_none() -> None:
    """A provenance without claims of its own shows `fields: none`, and an empty table no rows."""
    record = sp.Priority(
        id="priority:x", kind=sp.Kind.PRIORITY, notation="P9", number=9, title=sp.Text(en="x"),
        provenance=sp.Provenance(status=sp.Status.SEED, source_keys=("seed",)),
    )  # fmt: skip
    lines = list(_render.show_lines(record))
    assert lines[-1] == "    fields: none" and "  title.zh: — (not verified)" in lines
    assert _render.table([], None) == []


# -- any argument list ---------------------------------------------------------------

WORDS = st.sampled_from([
    "list", "show", "search", "export", "validate", "cite", "overview", "--json", "--kind", "--limit", "--format",
    "--output", "--overwrite", "--excel", "--base", "--style", "--version", "--help", "-h", "action", "target",
    "nbs-2018", "plan", "actions", "A4", "A9", "T2", "I4", "NBS-3", "new-materials", "plan:sei-2020", "发改高技〔2020〕1409号",
    *sp.FORMATS, "bibtex", "text", "0", "3", "-1", "out", "out/sub", "疫苗", "vacines", "https://example.org/",
])  # fmt: skip


def _leaves_tmp(arg: str) -> bool:
    """Whether an argument could name a path outside the working directory (absolute, or through ..)."""
    value = arg.split("=", 1)[-1] if arg.startswith("-") else arg
    return os.path.isabs(value) or ".." in arg or os.path.isabs(arg)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=150)
@given(argv=st.lists(st.one_of(WORDS, st.text(max_size=10)), max_size=7))
def test_any_argument_list_ends_in_a_status(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str]) -> None:
    """main() on any argument list returns or exits with 0, 1 or 2, and never prints a traceback."""
    assume(not any(_leaves_tmp(arg) for arg in argv))
    monkeypatch.chdir(tmp_path)  # export writes relative paths only, into this folder
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # strict, as a real stream is: main must make it tolerant
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exit_:
            status = exit_.code  # type: ignore[assignment]
        err.flush()
    assert status in (0, 1, 2)
    assert isinstance(err.buffer, io.BytesIO)
    assert b"Traceback" not in err.buffer.getvalue()
