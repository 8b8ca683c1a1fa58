"""Load a scenario folder: structure every file, merge, check meaning, compile expressions."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from game.model.defs import Relations, ScenarioFile
from game.paths import scenarios_dir, user_scenario_folders, user_scenarios_dir
from game.scenario.build import Build
from game.scenario.compiled import Scenario
from game.scenario.errors import Problem, ScenarioError, suggest
from game.scenario.kinds import world
from game.scenario.kinds.actions import link_actions
from game.scenario.kinds.endings import link_endings
from game.scenario.kinds.events import link_events
from game.scenario.kinds.groups import check_named
from game.scenario.kinds.modifiers import link_modifiers
from game.scenario.kinds.names import check_ids, lexicon
from game.scenario.kinds.overall import check_all
from game.scenario.kinds.secrets import link_reveals
from game.scenario.kinds.treaties import link_treaties
from game.scenario.merge import merge
from game.scenario.report import Report
from game.scenario.structure import structure_file

MAX_FILES = 64
MAX_FILE_BYTES = 4_000_000
MAX_TOTAL_BYTES = 16_000_000
MAX_ITEMS = 5_000
_ORDER = re.compile(r"^order\s*=\s*(-?\d+)", re.M)


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
    for folder in sorted(scenarios_dir().iterdir()):
        path = folder / "scenario.toml"
        if path.is_file():
            match = _ORDER.search(path.read_text(encoding="utf-8", errors="replace"))
            found.append((int(match.group(1)) if match else 100, folder.name))
    return [name for _, name in sorted(found)]


def load_scenario(name: str | Path, thorough: bool = False) -> Scenario:
    """Load, check and compile a scenario; raise ScenarioError listing every problem.

    `thorough` adds the map's geometry checks, which `validate` runs and playing skips.
    """
    folder = resolve(name)
    report = Report()
    if not folder.is_dir():
        known = bundled_ids() if scenarios_dir().is_dir() else []
        known += [p.name for p in user_scenario_folders()]
        raise ScenarioError(
            [Problem(str(name), 0, f"no scenario folder here{suggest(str(name), known)}")]
        )
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise ScenarioError([Problem(str(folder), 0, "the folder holds no .toml files")])
    if len(files) > MAX_FILES:
        raise ScenarioError([Problem(str(folder), 0, f"more than {MAX_FILES} .toml files")])
    digest = hashlib.sha256()
    parsed: list[tuple[str, ScenarioFile, dict[str, int]]] = []
    total = 0
    for path in files:
        label = str(path)
        data = path.read_bytes()
        total += len(data)
        if len(data) > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
            report.problems.append(
                Problem(
                    label,
                    0,
                    f"file too large (limit {MAX_FILE_BYTES} bytes, {MAX_TOTAL_BYTES} in all)",
                )
            )
            break
        digest.update(path.name.encode() + b"\0" + data + b"\0")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            report.problems.append(Problem(label, line, "file is not valid UTF-8 text"))
            continue
        structured, lines, problems = structure_file(label, text)
        report.problems.extend(problems)
        if structured is not None:
            parsed.append((label, structured, lines))
    if report.problems:
        raise ScenarioError(report.problems)
    scenario = _build(folder, digest.hexdigest(), parsed, report, thorough)
    if report.failed or scenario is None:
        raise ScenarioError(report.problems)
    return scenario


def _build(
    folder: Path,
    content_hash: str,
    parsed: list[tuple[str, ScenarioFile, dict[str, int]]],
    report: Report,
    thorough: bool = False,
) -> Scenario | None:
    """Merge, check and link the structured files into a Scenario (None on errors)."""
    m = merge(parsed, report)
    if m.size() > MAX_ITEMS:
        report.problems.append(Problem(str(folder), 0, f"more than {MAX_ITEMS} definitions"))
        return None
    for key, file in (("scenario", "scenario.toml"), ("map", "map.toml")):
        if getattr(m, key) is None:
            message = f"no [{key}] table in any file"
            report.problems.append(Problem(str(folder / file), 1, message, key))
    if m.scenario is None or m.map is None:
        return None
    check_ids(m, report)
    b = Build(m, report, lexicon(m, 0))
    if not world.check_clock(b):
        return None
    b.lex.last_month = b.end
    world.check_meta(b)
    world.check_countries(b)
    world.check_regions(b)
    world.check_strategies(b)
    check_named(b)
    sites = world.link_sites(b)
    descriptions = world.link_descriptions(b)
    modifiers = link_modifiers(b)
    actions = link_actions(b, set(sites))
    events = link_events(b)
    endings = link_endings(b)
    treaties = link_treaties(b)
    reveals = link_reveals(b)
    check_all(b, sites, modifiers, actions, events, endings, treaties, geometry=thorough)
    if report.failed:
        return None
    return Scenario(
        meta=m.scenario,
        path=folder,
        content_hash=content_hash,
        stats=m.stats,
        globals=m.globals,
        flags=b.lex.flags,
        relations=m.relations or Relations(),
        countries={c.id: c for c in m.country},
        map=m.map,
        regions={r.id: r for r in m.region},
        sites=sites,
        actions=actions,
        events=events,
        modifiers=modifiers,
        endings=endings,
        lex=b.lex,
        start_month=b.start,
        end_month=b.end,
        warnings=[str(p) for p in report.problems if p.severity == "warning"],
        treaties=treaties,
        reveals=reveals,
        strategies={s.id: s for s in m.strategy},
        descriptions=descriptions,
    )
