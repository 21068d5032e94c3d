"""The checksum route: the shipped files skip only the cross-record checks, and anything else is validated in full."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from sei_policy import _loader, _validate
from sei_policy.errors import PlanDataError
from sei_policy.models import Classification, Plan

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import make_checksums


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each call of the cross-record checks, recorded."""
    calls: list[int] = []
    real = _validate.check

    def counting(documents: Sequence[tuple[str, Plan | Classification]]) -> list[str]:
        calls.append(1)
        return real(documents)

    monkeypatch.setattr(_validate, "check", counting)
    return calls


def test_the_record_is_up_to_date() -> None:
    """The recorded checksums are those of the shipped files, which pass the full validation (as CI checks)."""
    assert make_checksums.main(["--check"]) == 0


def test_the_shipped_files_skip_the_cross_record_checks(raw_files: dict[str, bytes], checks: list[int]) -> None:
    """Loading the shipped bytes structures them without running the cross-record checks."""
    _loader.parse(raw_files)
    assert checks == []


def test_full_runs_them_always(raw_files: dict[str, bytes], checks: list[int]) -> None:
    """``full=True`` (as ``sei-policy validate`` passes) runs the checks on the shipped bytes too."""
    _loader.parse(raw_files, full=True)
    assert checks == [1]


def test_an_edited_file_gets_the_full_validation(raw_files: dict[str, bytes], checks: list[int]) -> None:
    """A file whose bytes differ, here by a dangling relation that only the cross-record checks see, is refused."""
    body = json.loads(raw_files[_loader.PLAN_FILE])
    body["actions"][3]["requirement_id"] = "requirement:nowhere"
    edited = {**raw_files, _loader.PLAN_FILE: json.dumps(body, ensure_ascii=False).encode("utf-8")}
    with pytest.raises(PlanDataError, match=r"@ sei-2020\.json\.actions\[3\]\.requirement_id"):
        _loader.parse(edited)
    assert checks == [1]


def test_a_same_sized_change_is_caught(raw_files: dict[str, bytes], checks: list[int]) -> None:
    """Changing one character for another keeps the size, and still changes the CRC-32."""
    data = raw_files[_loader.PLAN_FILE]
    edited = data.replace(b'"number": 4,', b'"number": 5,', 1)
    assert len(edited) == len(data) and edited != data
    with pytest.raises(PlanDataError, match=r"expected number 4"):
        _loader.parse({**raw_files, _loader.PLAN_FILE: edited})
    assert checks == [1]


def test_the_tool_refuses_data_that_does_not_validate(raw_files: dict[str, bytes]) -> None:
    """The tool records nothing for files that fail the full validation."""
    body = json.loads(raw_files[_loader.PLAN_FILE])
    body["targets"][0]["action_id"] = "action:nowhere"
    broken = {**raw_files, _loader.PLAN_FILE: json.dumps(body).encode("utf-8")}
    with pytest.raises(ValueError, match="does not validate"):
        make_checksums.render(broken)
