"""Citations in prose and BibTeX, for every record and the plan."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import sei_policy as sp

from .helpers import ALL_RECORDS, PLAN


@pytest.mark.parametrize("record", ALL_RECORDS, ids=lambda r: r.id)
def test_text_citation_names_what_a_reader_needs(record: Any) -> None:
    """The identifier, its document (the plan's number, or the classification), the edition, the version and sources appear."""
    text = sp.cite(record.id)
    document = "NBS 2018 classification" if record.kind == sp.Kind.NBS_2018 else str(PLAN.document_number)
    for needed in (record.id, document, sp.DATA_EDITION, sp.__version__, "CC BY 4.0"):
        assert needed in text
    for key in record.provenance.all_source_keys:
        assert f"{key}: " in text
    assert sp.cite(record) == text


@pytest.mark.parametrize("record", ALL_RECORDS, ids=lambda r: r.id)
def test_bibtex_is_one_balanced_entry(record: Any) -> None:
    """A BibTeX entry with a key, balanced braces, the identifier and the edition."""
    entry = sp.cite(record, style="bibtex")
    assert entry.startswith("@misc{sei_policy_") and entry.endswith("}")
    depth = 0
    for i, char in enumerate(entry):
        if char in "{}" and (i == 0 or entry[i - 1] != "\\"):
            depth += 1 if char == "{" else -1
            assert depth >= 0
    assert depth == 0
    assert sp.DATA_EDITION in entry and record.id.replace("_", "\\_") in entry


@pytest.mark.parametrize(
    ("ref", "style", "error"),
    [("action:nope", "text", sp.UnknownIdentifierError), (5, "text", sp.errors.InvalidArgumentTypeError),
     ("action:biotech", "apa", sp.errors.InvalidArgumentError)],
)  # fmt: skip
def test_bad_citation_requests_are_refused(ref: Any, style: Any, error: type[Exception]) -> None:
    """An unknown identifier, a non-record or an unknown style raises the documented error."""
    with pytest.raises(error):
        sp.cite(ref, style=style)


def test_an_nbs_field_is_cited_as_part_of_the_classification_not_the_plan() -> None:
    """A field of the NBS 2018 classification names the classification's order, never the 2020 plan."""
    text = sp.cite("nbs-2018:3")
    assert "NBS 2018 classification" in text and "Order No. 23" in text
    assert str(PLAN.document_number) not in text and "Guiding Opinions" not in text
    assert "NBS 2018 classification" in sp.cite("nbs-2018:3", style="bibtex")


@pytest.mark.parametrize("key", ["nbs-2018", "NBS-2018", " Nbs-2018 "])
def test_the_classification_is_cited_by_its_identifier_in_any_case(key: str) -> None:
    """The classification's identifier names it in any case, as lookup keys do."""
    assert sp.cite(key) == sp.cite(sp.classification())
    assert sp.cite(key, style="bibtex").startswith("@misc{sei_policy_nbs_2018,")


def test_the_classification_itself_and_any_lookup_key_can_be_cited() -> None:
    """cite takes the classification (object or identifier) and any key lookup takes, such as a notation."""
    assert sp.cite(sp.classification()) == sp.cite("nbs-2018")
    assert sp.cite("NBS-3") == sp.cite("nbs-2018:3") == sp.cite("nbs-2018:3".upper())
    assert "[nbs-2018]" in sp.cite("nbs-2018")
    assert sp.cite("A4") == sp.cite("action:new-materials")


@pytest.mark.parametrize(("raw", "escaped"), [("a_b", r"a\_b"), ("{x}", r"\{x\}"), ("\\", r"\textbackslash{}"),
                                              ("100%", r"100\%"), ("~^", r"\textasciitilde{}\textasciicircum{}")])  # fmt: skip
def test_bibtex_escapes_each_special_character_once(raw: str, escaped: str) -> None:
    """LaTeX's special characters are escaped once each, the backslash's braces left alone."""
    from sei_policy._cite import _escape

    assert _escape(raw) == escaped


def _fields(entry: str) -> dict[str, str]:
    """The fields of one BibTeX entry as the citation writes them, one ``name = {value}`` a line."""
    return dict(re.findall(r"^  (\w+) = \{(.*)\},?$", entry, flags=re.MULTILINE))


@pytest.mark.parametrize(
    ("ref", "field", "expected"),
    [("A4", "author", "{The sei\\_policy developers}"), ("plan:sei-2020", "author", "{The sei\\_policy developers}"),
     ("A4", "title", "action {A4} [action:new-materials]"), ("T1", "title", '"{SEI} bases with global influence"'),
     ("NDRC", "title", "agency {NDRC} [agency:ndrc]"), ("nbs-2018:3", "title", "{NBS} 2018 field {NBS}-3"),
     ("A4", "howpublished", "sei\\_policy, a Python data library")],
)  # fmt: skip
def test_bibtex_is_latex_safe_and_keeps_acronyms(ref: str, field: str, expected: str) -> None:
    """The author's underscore is escaped (pdflatex stops on a bare one) and acronyms in titles are braced."""
    assert expected in _fields(sp.cite(ref, style="bibtex"))[field]


@pytest.mark.parametrize("record", ALL_RECORDS, ids=lambda r: r.id)
def test_no_bibtex_field_has_a_bare_underscore_or_an_unbraced_acronym(record: Any) -> None:
    """In every entry, each underscore is escaped and each run of capitals in the title is braced."""
    fields = _fields(sp.cite(record, style="bibtex"))
    assert set(fields) == {"author", "title", "year", "version", "note", "howpublished"}
    for value in fields.values():
        assert not re.search(r"(?<!\\)_", value), value
    assert not re.search(r"(?<!\{)\b[A-Z]{2,}\b(?!\})", fields["title"]), fields["title"]


@pytest.mark.skipif(shutil.which("pdflatex") is None or shutil.which("bibtex") is None, reason="no TeX installed")
def test_bibtex_compiles_with_pdflatex(tmp_path: Path) -> None:
    """Real pdflatex and bibtex read the entries: no "Missing $ inserted", and a case-changing style keeps {SEI}."""
    refs = ["plan:sei-2020", "A4", "T1", "NDRC", "nbs-2018:3", "nbs-2018"]
    (tmp_path / "refs.bib").write_text("\n\n".join(sp.cite(r, style="bibtex") for r in refs), encoding="utf-8")
    keys = ",".join(re.findall(r"@misc\{(\w+),", (tmp_path / "refs.bib").read_text(encoding="utf-8")))
    (tmp_path / "paper.tex").write_text(
        "\\documentclass{article}\\usepackage[utf8]{inputenc}\\begin{document}"
        f"\\nocite{{{keys}}}\\bibliographystyle{{plain}}\\bibliography{{refs}}\\end{{document}}\n",
        encoding="utf-8",
    )

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, errors="replace", timeout=120)

    run("pdflatex", "-interaction=nonstopmode", "paper.tex")
    assert run("bibtex", "paper").returncode < 2  # 1 is warnings only
    run("pdflatex", "-interaction=nonstopmode", "paper.tex")
    log = (tmp_path / "paper.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing $ inserted" not in log and "Undefined control sequence" not in log
    bbl = (tmp_path / "paper.bbl").read_text(encoding="utf-8", errors="replace")
    assert "{SEI}" in bbl and "sei\\_policy" in bbl
