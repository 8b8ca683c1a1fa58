"""Reading scenario folders: only regular files inside the folder, sizes checked before reading."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from game.scenario import read
from game.scenario.errors import ScenarioError
from game.scenario.load import load_scenario
from tests.helpers import MINI, mini


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "scen"
    shutil.copytree(MINI, folder)
    return folder


def _one_error(folder: Path, needle: str, started: float | None = None) -> str:
    start = time.perf_counter() if started is None else started
    with pytest.raises(ScenarioError) as info:
        load_scenario(folder)
    assert time.perf_counter() - start < 1.0
    problems = [p for p in info.value.problems if needle in p.message]
    assert problems, [str(p) for p in info.value.problems]
    assert problems[0].file.endswith(".toml")
    return str(problems[0])


def test_a_folder_named_like_a_file_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "extra.toml").mkdir()
    assert "extra.toml: error: is a folder" in _one_error(folder, "is a folder")


@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_broken_links_are_refused(tmp_path: Path, kind: str) -> None:
    folder = _copy(tmp_path)
    link = folder / "extra.toml"
    if kind == "dangling":
        link.symlink_to(folder / "missing.toml")
        _one_error(folder, "leads nowhere")
    else:
        link.symlink_to(folder / "other.toml")
        (folder / "other.toml").symlink_to(link)
        _one_error(folder, "loop")


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    os.mkfifo(folder / "extra.toml")
    _one_error(folder, "FIFO")


def test_a_device_is_refused_without_reading(tmp_path: Path) -> None:
    with pytest.raises(read.FileRefused, match="device"):
        read.read_regular(Path("/dev/zero"), 1000)
    folder = _copy(tmp_path)
    (folder / "extra.toml").symlink_to("/dev/zero")
    _one_error(folder, "outside the scenario folder")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "map.toml").chmod(0)
    _one_error(folder, "permission denied")


def test_a_huge_sparse_file_is_refused_before_reading(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    with (folder / "extra.toml").open("wb") as handle:
        handle.truncate(2 * 1024**3)
    _one_error(folder, "file too large")


def test_a_file_that_grows_past_its_size_is_cut_off(tmp_path: Path) -> None:
    path = tmp_path / "f.toml"
    path.write_bytes(b"x" * 10)
    assert read.read_regular(path, 10) == b"x" * 10
    with pytest.raises(read.FileRefused, match="too large"):
        read.read_regular(path, 9)


@pytest.mark.parametrize("target", ["/etc/passwd", "elsewhere"])
def test_links_leaving_the_folder_are_not_read(tmp_path: Path, target: str) -> None:
    folder = _copy(tmp_path)
    if target == "elsewhere":
        outside = tmp_path / "outside.toml"
        outside.write_text('[flags]\nsecret = "from outside"\n')
        target = str(outside)
    (folder / "extra.toml").symlink_to(target)
    _one_error(folder, "outside the scenario folder")


def test_links_inside_the_folder_are_followed(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "parts").mkdir()
    (folder / "map.toml").rename(folder / "parts" / "map.toml")
    (folder / "map.toml").symlink_to(folder / "parts" / "map.toml")
    assert load_scenario(folder).content_hash == mini().content_hash


def test_hidden_files_such_as_editor_locks_are_ignored(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / ".#events.toml").symlink_to("user@host.1234:1700000000")
    assert load_scenario(folder).content_hash == mini().content_hash


def test_every_refused_file_is_reported_not_only_the_first(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "a.toml").mkdir()
    os.mkfifo(folder / "b.toml")
    with pytest.raises(ScenarioError) as info:
        load_scenario(folder)
    assert {Path(p.file).name for p in info.value.problems} >= {"a.toml", "b.toml"}


def test_a_fifo_that_appears_after_the_check_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "f.toml"
    os.mkfifo(fifo)
    done: list[str] = []
    worker = threading.Thread(target=lambda: done.append(_refusal(fifo)), daemon=True)
    worker.start()
    worker.join(2.0)
    assert done and "FIFO" in done[0]


def _refusal(path: Path) -> str:
    try:
        read.read_regular(path, 100)
    except read.FileRefused as exc:
        return str(exc)
    return ""


@pytest.mark.parametrize(
    ("stored", "found"),
    [
        ("rapallo", True),
        ("../../etc", False),
        ("/etc", False),
        ("rapallo/../../..", False),
        ("C:/Windows", False),
        ("x" * 5000, False),
    ],
    ids=["relative", "climbs-out", "absolute", "climbs-inside", "drive", "huge"],
)
def test_a_save_names_its_scenario_only_inside_the_roots(stored: str, found: bool) -> None:
    located = read.locate("no_such_id", stored)
    assert (located is not None) == found
    if located is not None:
        assert read.scenarios_dir() in located.parents


def test_old_absolute_paths_inside_the_bundled_folder_still_resolve() -> None:
    stored = str((read.scenarios_dir() / "pact").resolve())
    assert read.locate("no_such_id", stored) == read.scenarios_dir() / "pact"


def test_a_bundled_scenario_is_stored_relative() -> None:
    assert read.portable_ref(read.scenarios_dir() / "rapallo") == "rapallo"
    assert read.portable_ref(Path("/tmp")) == ""


def test_an_id_that_is_a_path_finds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "etc").mkdir()
    assert read.locate("../etc") is None
    assert read.locate("etc") is None
