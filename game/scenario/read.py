"""Read scenario folders and other input files: regular files only, sizes checked first."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path, PurePosixPath

from attrs import frozen

from game.locale import _
from game.paths import scenarios_dir, user_scenario_folders, user_scenarios_dir
from game.scenario.errors import Problem, ScenarioError, suggest

MAX_FILES = 64
MAX_FILE_BYTES = 4_000_000
MAX_TOTAL_BYTES = 16_000_000
MAX_FOLDER_ENTRIES = 10_000
_CHUNK = 1 << 20
_ORDER = re.compile(r"^order[ \t]*=[ \t]*(-?\d{1,9})", re.M)
_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_opened: dict[str, Path] = {}  # scenario id -> folder the player loaded during this run


class FileRefused(Exception):
    """A file was not read; the message says why, in one line without the path."""

    def __init__(self, message: str, too_large: bool = False) -> None:
        super().__init__(message)
        self.too_large = too_large


@frozen
class FolderText:
    """The text of a scenario folder's TOML files, its content hash and what was refused."""

    files: list[tuple[str, str]]
    digest: str
    problems: list[Problem]


def read_regular(path: Path, limit: int, root: Path | None = None) -> bytes:
    """Read a regular file of at most `limit` bytes; with `root`, refuse links that leave it."""
    try:
        target = _target(path, root)
        info = os.stat(target)
        _check_kind(info, limit)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(target, flags | getattr(os, "O_BINARY", 0))
        try:
            opened = os.fstat(fd)
            _check_kind(opened, limit)
            if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
                raise FileRefused(_("the file changed while it was opened"))
            return _read_limited(fd, limit)
        finally:
            os.close(fd)
    except FileRefused:
        raise
    except FileNotFoundError:
        raise FileRefused(_("no such file")) from None
    except PermissionError:
        raise FileRefused(_("cannot be read (permission denied)")) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise FileRefused(_("cannot be read ({reason})").format(reason=reason)) from None


def _target(path: Path, root: Path | None) -> str:
    """Return the file a path names, following links only if they stay inside root."""
    if not os.path.islink(path):
        return str(path)
    try:
        target = os.path.realpath(path, strict=True)
    except FileNotFoundError:
        raise FileRefused(_("the link leads nowhere")) from None
    except OSError:
        raise FileRefused(_("the link leads round in a loop")) from None
    if root is not None:
        base = os.path.realpath(root)
        if os.path.commonpath([base, target]) != base:
            raise FileRefused(_("the link leads outside the scenario folder; it is not read"))
    return target


def _check_kind(info: os.stat_result, limit: int) -> None:
    """Refuse what is not a regular file, or is larger than the limit."""
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise FileRefused(_("is a folder, not a file"))
    if not stat.S_ISREG(mode):
        if stat.S_ISFIFO(mode):
            raise FileRefused(_("is a FIFO, not a regular file"))
        raise FileRefused(_("is a device or socket, not a regular file"))
    if info.st_size > limit:
        words = _("file too large ({size} bytes; the limit is {limit})")
        raise FileRefused(words.format(size=info.st_size, limit=limit), too_large=True)


def _read_limited(fd: int, limit: int) -> bytes:
    """Read at most limit bytes; refuse a file that turns out longer than it said."""
    parts: list[bytes] = []
    total = 0
    while True:
        part = os.read(fd, min(_CHUNK, limit + 1 - total))
        if not part:
            return b"".join(parts)
        parts.append(part)
        total += len(part)
        if total > limit:
            words = _("file too large (more than {limit} bytes)")
            raise FileRefused(words.format(limit=limit), too_large=True)


def read_folder(folder: Path) -> FolderText:
    """Read a scenario folder's TOML files by the rules above; hash what was read."""
    problems: list[Problem] = []
    try:
        names = _toml_names(folder)
    except FileRefused as exc:
        return FolderText([], "", [Problem(str(folder), 0, str(exc))])
    if not names:
        return FolderText([], "", [Problem(str(folder), 0, _("the folder holds no .toml files"))])
    if len(names) > MAX_FILES:
        message = _("more than {limit} .toml files").format(limit=MAX_FILES)
        return FolderText([], "", [Problem(str(folder), 0, message)])
    digest = hashlib.sha256()
    files: list[tuple[str, str]] = []
    total = 0
    for name in names:
        path = folder / name
        label = str(path)
        try:
            data = read_regular(path, min(MAX_FILE_BYTES, MAX_TOTAL_BYTES - total), folder)
        except FileRefused as exc:
            message = str(exc)
            if exc.too_large:
                more = _(" (limit {limit} bytes a file, {total} in all)")
                message += more.format(limit=MAX_FILE_BYTES, total=MAX_TOTAL_BYTES)
            problems.append(Problem(label, 0, message))
            continue
        total += len(data)
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0" + data + b"\0")
        try:
            files.append((label, data.decode("utf-8")))
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            problems.append(Problem(label, line, _("file is not valid UTF-8 text")))
    return FolderText(files, digest.hexdigest(), problems)


def _toml_names(folder: Path) -> list[str]:
    """Return the sorted names of the folder's .toml entries, hidden ones left out."""
    names = []
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_FOLDER_ENTRIES:
                    words = _("the folder holds more than {limit} entries")
                    raise FileRefused(words.format(limit=MAX_FOLDER_ENTRIES))
                if entry.name.endswith(".toml") and not entry.name.startswith("."):
                    names.append(entry.name)
    except OSError as exc:
        words = _("the folder cannot be read ({reason})")
        raise FileRefused(words.format(reason=exc.strerror or exc)) from None
    return sorted(names)


def scenario_roots() -> list[Path]:
    """Return the folders a save may name a scenario in: the bundled one, then the user's."""
    return [scenarios_dir(), user_scenarios_dir()]


def portable_ref(folder: Path) -> str:
    """Return a folder as a path relative to a scenario root, or '' when it lies elsewhere."""
    try:
        real = folder.resolve()
    except OSError:
        return ""
    for root in scenario_roots():
        try:
            rel = real.relative_to(root.resolve())
        except (ValueError, OSError):
            continue
        if rel.parts:
            return rel.as_posix()
    return ""


def remember(scenario_id: str, folder: Path) -> None:
    """Note a folder the player chose to load, so saves of its games find it in this run."""
    _opened[scenario_id] = folder


def locate(scenario_id: str, stored: str = "") -> Path | None:
    """Find a saved game's scenario in the roots or among the folders loaded in this run."""
    candidates = []
    rel = _relative(stored)
    if rel:
        candidates.append(rel)
    if _ID.fullmatch(scenario_id):
        candidates.append(scenario_id)
    for name in candidates:
        for root in scenario_roots():
            folder = root / name
            if (folder / "scenario.toml").is_file():
                return folder
    return _opened.get(scenario_id)


def _relative(stored: str) -> str:
    """Return a stored scenario path as a safe path under a root, or '' if it is none."""
    if not stored or len(stored) > 400 or "\0" in stored:
        return ""
    path = PurePosixPath(stored.replace("\\", "/"))
    if path.is_absolute():  # written by older versions: keep it only inside a root
        for root in scenario_roots():
            try:
                return Path(path).relative_to(root.resolve()).as_posix()
            except (ValueError, OSError):
                continue
        return ""
    if any(part in ("", ".", "..") or ":" in part for part in path.parts):
        return ""
    return path.as_posix() if path.parts else ""


def resolve(name: str | Path) -> Path:
    """Turn a folder path, a bundled scenario id or one in the player's folder into a folder."""
    path = Path(name)
    if path.is_dir():
        return path
    for root in (scenarios_dir(), user_scenarios_dir()):
        found = root / str(name)
        if path.name == str(name) and (found / "scenario.toml").is_file():
            return found
    return path


def bundled_ids() -> list[str]:
    """Return the bundled scenario ids (folder names), the default (lowest `order`) first."""
    found = []
    root = scenarios_dir()
    for folder in sorted(root.iterdir()):
        try:
            data = read_regular(folder / "scenario.toml", MAX_FILE_BYTES, folder)
        except FileRefused:
            continue
        match = _ORDER.search(data.decode("utf-8", errors="replace"))
        found.append((int(match.group(1)) if match else 100, folder.name))
    return [name for _, name in sorted(found)]


def missing_folder(name: str | Path) -> ScenarioError:
    """Return the error for a name that is neither a folder nor a bundled scenario."""
    known = bundled_ids() if scenarios_dir().is_dir() else []
    known += [p.name for p in user_scenario_folders()]
    shown = str(name)[:200]
    message = _("no scenario folder here{hint}").format(hint=suggest(shown, known))
    return ScenarioError([Problem(shown, 0, message)])
