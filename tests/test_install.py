"""Installation: the sdist and wheel built from the checkout hold the right files, install offline and run from a zip."""

from __future__ import annotations

import configparser
import json
import os
import re
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path, PurePosixPath

import pytest

import sei_policy as sp
from sei_policy.cli import main

pytestmark = [pytest.mark.install, pytest.mark.integration]

ROOT = Path(__file__).resolve().parents[1]
"""The repository checkout the distributions are built from."""

DATA = ROOT / "src" / "sei_policy" / "data"
DATA_FILES = (
    "english.json", "lineage.json", "lineage.schema.json", "nbs-2018.json", "nbs-2018.schema.json", "sei-2020.json",
    "sei-2020.schema.json", "t2s.json", "thesaurus.json", "thesaurus.schema.json",
)  # fmt: skip

DEV_PURELIB = sysconfig.get_paths()["purelib"]
"""Where the running interpreter keeps its pure-Python packages: attrs, cattrs and importlib-resources among them."""

BUILD_TIMEOUT = 300
TIMEOUT = 120


def _run(
    args: Sequence[str | Path], *, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = TIMEOUT
) -> str:
    """Run a command and return its stdout (UTF-8); fail the test with its output if it fails or hangs."""
    command = [str(arg) for arg in args]
    try:
        result = subprocess.run(
            command, cwd=cwd, env=env, capture_output=True, encoding="utf-8", check=True, timeout=timeout
        )
    except subprocess.CalledProcessError as error:
        pytest.fail(f"{command} exited {error.returncode}\n-- stderr:\n{error.stderr}\n-- stdout:\n{error.stdout}")
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"{command} ran over {timeout} s\n-- stderr:\n{error.stderr!r}")
    return result.stdout


def _child_env(**extra: str) -> dict[str, str]:
    """The environment without PYTHONPATH or PYTHONHOME, with UTF-8 standard streams whatever the locale."""
    env = {name: value for name, value in os.environ.items() if name not in {"PYTHONPATH", "PYTHONHOME"}}
    env["PYTHONIOENCODING"] = "utf-8"  # the CLI escapes what stdout cannot encode; read real characters
    return {**env, **extra}


# -- the distributions ---------------------------------------------------------


@dataclass(frozen=True)
class Dists:
    """The sdist and the wheel built from the checkout."""

    sdist: Path
    wheel: Path


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Dists:
    """Build the sdist, then the wheel from the sdist, with the dev environment's hatchling (offline)."""
    outdir = tmp_path_factory.mktemp("dist")
    _run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", outdir, ROOT],
        env=_child_env(),
        timeout=BUILD_TIMEOUT,
    )
    sdists, wheels = sorted(outdir.glob("*.tar.gz")), sorted(outdir.glob("*.whl"))
    assert len(sdists) == len(wheels) == 1, sorted(p.name for p in outdir.iterdir())
    return Dists(sdist=sdists[0], wheel=wheels[0])


@pytest.fixture(scope="module")
def wheel_members(dists: Dists) -> dict[str, bytes]:
    """Every file in the wheel, by its name in the archive."""
    with zipfile.ZipFile(dists.wheel) as archive:
        return {name: archive.read(name) for name in archive.namelist() if not name.endswith("/")}


@pytest.fixture(scope="module")
def sdist_members(dists: Dists) -> dict[str, bytes]:
    """Every file in the sdist, by its name below the sdist's top folder (which must be the only one)."""
    with tarfile.open(dists.sdist) as archive:
        members = [m for m in archive.getmembers() if m.isfile()]
        top = f"sei_policy-{sp.__version__}/"
        assert all(m.name.startswith(top) for m in members), [m.name for m in members if not m.name.startswith(top)]
        files: dict[str, bytes] = {}
        for member in members:
            extracted = archive.extractfile(member)
            assert extracted is not None, member.name
            files[member.name.removeprefix(top)] = extracted.read()
        return files


def _dist_info(wheel_members: dict[str, bytes], name: str) -> str:
    """A file of the wheel's .dist-info folder, as text."""
    return wheel_members[f"sei_policy-{sp.__version__}.dist-info/{name}"].decode("utf-8")


# -- what the wheel holds --------------------------------------------------------


def test_wheel_is_pure_and_named_for_the_version(dists: Dists) -> None:
    """The wheel is a pure-Python wheel of this version; the sdist is of the same version."""
    assert dists.wheel.name == f"sei_policy-{sp.__version__}-py3-none-any.whl"
    assert dists.sdist.name == f"sei_policy-{sp.__version__}.tar.gz"


@pytest.mark.parametrize(
    "name",
    ["sei_policy/__init__.py", "sei_policy/__main__.py", "sei_policy/cli.py", "sei_policy/py.typed",
     *(f"sei_policy/data/{name}" for name in DATA_FILES)],
)  # fmt: skip
def test_wheel_holds(wheel_members: dict[str, bytes], name: str) -> None:
    """The wheel holds each module, data file and marker the package needs at run time."""
    assert name in wheel_members, sorted(wheel_members)


def test_wheel_holds_only_the_package_and_its_metadata(wheel_members: dict[str, bytes]) -> None:
    """Nothing but sei_policy/ and its .dist-info folder sits at the top of the wheel."""
    tops = {PurePosixPath(name).parts[0] for name in wheel_members}
    assert tops == {"sei_policy", f"sei_policy-{sp.__version__}.dist-info"}


Unwanted = Callable[[PurePosixPath], bool]

UNWANTED_IN_WHEEL: list[tuple[str, Unwanted]] = [
    ("tests", lambda path: "tests" in path.parts),
    ("docs", lambda path: "docs" in path.parts),
    ("benchmarks", lambda path: "benchmarks" in path.parts),
    ("__pycache__", lambda path: "__pycache__" in path.parts),
    ("compiled bytecode", lambda path: path.suffix in {".pyc", ".pyo"}),
]


@pytest.mark.parametrize(("what", "unwanted"), UNWANTED_IN_WHEEL, ids=[u[0] for u in UNWANTED_IN_WHEEL])
def test_wheel_leaves_out(wheel_members: dict[str, bytes], what: str, unwanted: Unwanted) -> None:
    """The wheel ships no tests, docs, benchmarks or bytecode from the checkout."""
    assert [name for name in wheel_members if unwanted(PurePosixPath(name))] == []


def test_wheel_metadata_requires_the_runtime_dependencies(wheel_members: dict[str, bytes]) -> None:
    """METADATA names the package and version and requires exactly attrs, cattrs and importlib-resources outside extras."""
    metadata = HeaderParser().parsestr(_dist_info(wheel_members, "METADATA"))
    assert (metadata["Name"], metadata["Version"]) == ("sei-policy", sp.__version__)
    assert metadata["Requires-Python"] == ">=3.11"
    unconditional = [req for req in metadata.get_all("Requires-Dist", []) if ";" not in req]
    names = {re.split(r"[\s<>=!~\[(]", req, maxsplit=1)[0].lower() for req in unconditional}
    assert names == {"attrs", "cattrs", "importlib-resources"}, unconditional


def test_wheel_metadata_declares_the_licences(wheel_members: dict[str, bytes]) -> None:
    """METADATA carries the licence expression, and the wheel ships LICENSE and LICENSE-DATA."""
    metadata = HeaderParser().parsestr(_dist_info(wheel_members, "METADATA"))
    assert metadata["License-Expression"] == "MIT AND CC-BY-4.0 AND Apache-2.0"
    assert set(metadata.get_all("License-File", [])) == {"LICENSE", "LICENSE-DATA", "LICENSE-OPENCC"}
    shipped = {PurePosixPath(name).name for name in wheel_members if "/licenses/" in name}
    assert shipped == {"LICENSE", "LICENSE-DATA", "LICENSE-OPENCC"}


def test_wheel_declares_the_console_script(wheel_members: dict[str, bytes]) -> None:
    """entry_points.txt declares the sei-policy command, pointing at sei_policy.cli:main."""
    entry_points = configparser.ConfigParser()
    entry_points.read_string(_dist_info(wheel_members, "entry_points.txt"))
    assert dict(entry_points["console_scripts"]) == {"sei-policy": "sei_policy.cli:main"}


# -- what the sdist holds ----------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["pyproject.toml", "README.md", "CHANGELOG.md", "PKG-INFO", "src/sei_policy/__init__.py",
     "src/sei_policy/py.typed", *(f"src/sei_policy/data/{name}" for name in DATA_FILES)],
)  # fmt: skip
def test_sdist_holds(sdist_members: dict[str, bytes], name: str) -> None:
    """The sdist holds the project files, the package, its type marker and every data file."""
    assert name in sdist_members, sorted(sdist_members)


UNWANTED_IN_SDIST: list[tuple[str, Unwanted]] = [
    ("__pycache__", lambda path: "__pycache__" in path.parts),
    ("compiled bytecode", lambda path: path.suffix in {".pyc", ".pyo"}),
    (".venv", lambda path: any(part.startswith(".venv") for part in path.parts)),
    (".git", lambda path: ".git" in path.parts),
    (
        "tool caches",
        lambda path: not {".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis"}.isdisjoint(path.parts),
    ),
    ("coverage data", lambda path: path.name.startswith(".coverage")),
    ("build output", lambda path: path.parts[0] in {"build", "dist"} or path.suffix == ".whl"),
]


@pytest.mark.parametrize(("what", "unwanted"), UNWANTED_IN_SDIST, ids=[u[0] for u in UNWANTED_IN_SDIST])
def test_sdist_leaves_out(sdist_members: dict[str, bytes], what: str, unwanted: Unwanted) -> None:
    """The sdist ships no bytecode, virtual environment, git folder, caches or build output from the checkout."""
    assert [name for name in sdist_members if unwanted(PurePosixPath(name))] == []


# -- the data files are the checkout's, byte for byte -----------------------------------


def _names_in(members: dict[str, bytes], folder: str) -> tuple[str, ...]:
    """The sorted names of the archive's files below a folder, relative to it."""
    return tuple(sorted(name.removeprefix(folder) for name in members if name.startswith(folder)))


def test_data_folder_is_shipped_whole(wheel_members: dict[str, bytes], sdist_members: dict[str, bytes]) -> None:
    """The wheel's and the sdist's data folders hold exactly the checkout's data files."""
    assert tuple(sorted(path.name for path in DATA.iterdir() if path.is_file())) == DATA_FILES
    assert _names_in(wheel_members, "sei_policy/data/") == DATA_FILES
    assert _names_in(sdist_members, "src/sei_policy/data/") == DATA_FILES


@pytest.mark.parametrize("name", DATA_FILES)
def test_shipped_data_is_byte_identical(
    wheel_members: dict[str, bytes], sdist_members: dict[str, bytes], name: str
) -> None:
    """Each data file in the wheel and in the sdist has exactly the checkout's bytes (no newline or encoding rewrite)."""
    checkout = (DATA / name).read_bytes()
    assert wheel_members[f"sei_policy/data/{name}"] == checkout
    assert sdist_members[f"src/sei_policy/data/{name}"] == checkout


# -- installed into a fresh virtual environment -----------------------------------------


@dataclass(frozen=True)
class Venv:
    """A fresh virtual environment with the wheel installed."""

    python: Path
    purelib: Path
    scripts: Path


@pytest.fixture(scope="module")
def venv(dists: Dists, tmp_path_factory: pytest.TempPathFactory) -> Venv:
    """Create a virtual environment, install the wheel alone (no index, no deps), and lend it the dev dependencies."""
    root = tmp_path_factory.mktemp("venv")
    env = _child_env()
    _run([sys.executable, "-m", "venv", root], env=env)
    python = root / ("Scripts" if os.name == "nt" else "bin") / ("python.exe" if os.name == "nt" else "python")
    _run([python, "-m", "pip", "install", "--no-index", "--no-deps", dists.wheel], env=env)
    paths = json.loads(
        _run([python, "-c", "import json, sysconfig; print(json.dumps(sysconfig.get_paths()))"], env=env)
    )
    purelib = Path(paths["purelib"])
    # The runtime dependencies come from the dev environment, offline: one .pth line puts its
    # site-packages on sys.path, after the new venv's own. This cannot bring back the checkout:
    # site processes .pth files only in site directories, and a folder added by a .pth line is
    # not one, so the dev environment's own .pth files (the editable install's hook, which points
    # at src/, and coverage's) are never read, and cannot shadow the installed wheel.
    (purelib / "_sei_deps.pth").write_text(DEV_PURELIB + "\n", encoding="utf-8")
    return Venv(python=python, purelib=purelib, scripts=Path(paths["scripts"]))


def test_installed_package_is_imported_from_the_venv(venv: Venv, tmp_path: Path) -> None:
    """Outside the checkout, the new venv imports the installed wheel, loads its data and never sees src/."""
    code = (
        "import json, sys, sei_policy as sp; print(sp.__file__); print(sp.plan().action(4).title.zh); "
        "print(len(sp.plan().actions)); print(json.dumps(sys.path))"
    )
    file, title, count, path = _run([venv.python, "-c", code], cwd=tmp_path, env=_child_env()).splitlines()
    assert Path(file).resolve().is_relative_to(venv.purelib.resolve()), file
    assert title == "加快新材料产业强弱项"
    assert count == "20"
    src = ROOT / "src"
    assert not [entry for entry in json.loads(path) if entry and Path(entry).resolve() == src], path


@pytest.mark.parametrize("name", DATA_FILES)
def test_installed_data_is_byte_identical(venv: Venv, name: str) -> None:
    """Each data file pip installed has exactly the checkout's bytes."""
    assert (venv.purelib / "sei_policy" / "data" / name).read_bytes() == (DATA / name).read_bytes()


LAUNCHERS: list[tuple[str, Callable[[Venv], list[Path | str]], list[str], str]] = [
    ("sei-policy show A4", lambda venv: [venv.scripts / "sei-policy"], ["show", "A4"], "zh: 加快新材料产业强弱项"),
    ("python -m sei_policy", lambda venv: [venv.python, "-m", "sei_policy"], [], "发改高技〔2020〕1409号"),
]


@pytest.mark.parametrize(("what", "launcher", "argv", "expected"), LAUNCHERS, ids=[row[0] for row in LAUNCHERS])
def test_installed_command_runs(
    venv: Venv,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    what: str,
    launcher: Callable[[Venv], list[Path | str]],
    argv: list[str],
    expected: str,
) -> None:
    """The installed console script and `python -m sei_policy` exit 0 and print what the checkout's CLI prints."""
    out = _run([*launcher(venv), *argv], cwd=tmp_path, env=_child_env())
    assert expected in out
    assert main(argv) == 0
    assert out == capsys.readouterr().out


# -- imported from a zip archive --------------------------------------------------------


@pytest.fixture(params=["wheel", "package-only zip"])
def archive(request: pytest.FixtureRequest, dists: Dists, wheel_members: dict[str, bytes], tmp_path: Path) -> Path:
    """A zip archive to import sei_policy from: the wheel itself, or a zip of just its sei_policy/ folder."""
    if request.param == "wheel":
        return dists.wheel
    path = tmp_path / "sei_policy.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name, data in sorted(wheel_members.items()):
            if name.startswith("sei_policy/"):
                package.writestr(name, data)
    return path


ZIP_CODE = """\
import os, sys
import sei_policy as sp
archive = sys.argv[1]
assert sp.__file__.startswith(archive + os.sep), sp.__file__
assert type(sp.__loader__).__name__ == "zipimporter", sp.__loader__
plan = sp.plan()
print(plan.document_number)
print(len(plan.records))
"""


def test_imports_and_loads_from_a_zip(archive: Path, plan: sp.Plan, tmp_path: Path) -> None:
    """With site off, sei_policy is zip-imported and its data read through importlib resources, not file paths."""
    # -S: no site, so no .pth file of the dev environment (the editable hook included) puts src/ on the path;
    # only the archive and the dev site-packages (for attrs, cattrs and importlib-resources) are importable.
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    env = _child_env(PYTHONPATH=os.pathsep.join([str(archive), DEV_PURELIB]))
    out = _run([sys.executable, "-S", "-c", ZIP_CODE, archive], cwd=cwd, env=env)
    assert out.splitlines() == ["发改高技〔2020〕1409号", str(len(plan.records))]
