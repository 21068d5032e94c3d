"""The sei-policy command: overview, show, search, and errors without tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import sei_policy as sp
from sei_policy.cli import main


def test_overview_lists_every_requirement_and_action(capsys: pytest.CaptureFixture[str]) -> None:
    """The default command prints the title, number, issuers and date, then R1-R4 with A1-A20."""
    assert main([]) == 0
    out = capsys.readouterr().out
    plan = sp.plan()
    assert out.splitlines()[0] == plan.title.zh
    assert "发改高技〔2020〕1409号" in out and "Issued 2020-09-11 by NDRC, MOST, MIIT, MOF" in out
    lines = out.splitlines()
    for record in (*plan.requirements, *plan.actions):
        assert any(line.strip().startswith(f"{record.notation} ") and (record.title.en or "") in line for line in lines)


def test_overview_command_equals_default(capsys: pytest.CaptureFixture[str]) -> None:
    """`overview` prints the same as no command."""
    main([])
    default = capsys.readouterr().out
    main(["overview"])
    assert capsys.readouterr().out == default


def test_show_prints_a_record_with_provenance(capsys: pytest.CaptureFixture[str]) -> None:
    """show finds a record by any name and prints its titles, status and claims."""
    assert main(["show", "加快新材料产业强弱项"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A4  action:new-materials\n")
    assert "keywords: inferred" in out
    assert main(["show", "A11"]) == 0
    assert "zh: — (not verified)" in capsys.readouterr().out


def test_show_the_plan_prints_the_overview(capsys: pytest.CaptureFixture[str]) -> None:
    """show of the plan's own number prints the overview."""
    assert main(["show", "发改高技〔2020〕1409号"]) == 0
    assert "R4" in capsys.readouterr().out


def test_search_prints_ranked_hits(capsys: pytest.CaptureFixture[str]) -> None:
    """search prints one line per hit, best first, and says so when nothing matches."""
    assert main(["search", "光刻胶", "--limit", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and "action:new-materials" in out[0]
    assert main(["search", "zzzqqq"]) == 0
    assert capsys.readouterr().out == "no record matches 'zzzqqq'\n"


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [(["show", "zz-nothing"], 1, "sei-policy: error: unknown identifier 'zz-nothing'"),
     (["show", "new-materials"], 1, "is ambiguous"),
     (["show", "A4", "--kind", "actions"], 1, "unknown kind 'actions'")],
)  # fmt: skip
def test_errors_go_to_stderr_with_a_status(
    capsys: pytest.CaptureFixture[str], argv: list[str], status: int, message: str
) -> None:
    """A user error prints one line to stderr and returns non-zero; no traceback."""
    assert main(argv) == status
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["frobnicate"], "invalid choice"), (["search", "x", "--limit", "-1"], "expected zero or more, got -1"),
     (["search", "x", "--limit", "many"], "expected a whole number, got 'many'")],
)  # fmt: skip
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    """Bad usage is argparse's usage error: status 2 and a message naming the problem."""
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


def test_python_dash_m_is_the_same_command() -> None:
    """`python -m sei_policy` runs main() and prints the overview."""
    result = subprocess.run(
        [sys.executable, "-m", "sei_policy"], capture_output=True, text=True, encoding="utf-8", timeout=120, check=True
    )
    assert result.stdout.splitlines()[2].startswith("发改高技〔2020〕1409号")


def test_python_dash_m_reports_errors_without_traceback() -> None:
    """An error from the command line is one line on stderr and exit status 1."""
    result = subprocess.run(
        [sys.executable, "-m", "sei_policy", "show", "nothing-here"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert result.stderr.startswith("sei-policy: error: unknown identifier 'nothing-here'")
    assert "Traceback" not in result.stderr


def test_output_survives_a_non_utf8_terminal() -> None:
    """Chinese text on an ASCII-only stdout is escaped rather than crashing."""
    result = subprocess.run(
        [sys.executable, "-m", "sei_policy"],
        capture_output=True,
        timeout=120,
        env={"PYTHONIOENCODING": "ascii", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert b"\\u5173" in result.stdout.splitlines()[0]


def test_limit_zero_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    """--limit 0 asks for no hits: nothing is printed, and no false 'no record matches'."""
    assert main(["search", "疫苗", "--limit", "0"]) == 0
    assert capsys.readouterr().out == ""


def test_ambiguity_on_the_command_line_suggests_kind(capsys: pytest.CaptureFixture[str]) -> None:
    """An ambiguous name on the command line points to --kind, the option that resolves it."""
    assert main(["show", "new-materials"]) == 1
    assert capsys.readouterr().err.rstrip().endswith("use --kind or an identifier")
    assert main(["show", "new-materials", "--kind", "industry"]) == 0
    assert capsys.readouterr().out.startswith("I4  industry:new-materials")


def test_show_prints_each_claims_sources(capsys: pytest.CaptureFixture[str]) -> None:
    """show lists, for each field with its own provenance, the sources it cites."""
    assert main(["show", "A4"]) == 0
    assert "    keywords: inferred [S16] (" in capsys.readouterr().out


def test_a_reader_that_went_away_causes_no_error() -> None:
    """Writing to a pipe whose reader is gone (as after `| head -1`) ends quietly with status 0."""
    read, write = os.pipe()
    os.close(read)
    try:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as usual in a pipe
        result = subprocess.run(
            [sys.executable, "-m", "sei_policy"], stdout=write, stderr=subprocess.PIPE, env=env, timeout=120
        )
    finally:
        os.close(write)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
