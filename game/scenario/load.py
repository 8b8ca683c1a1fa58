"""Load a scenario folder: structure every file, merge, check meaning, compile expressions."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs

from game.locale import _
from game.locale import language as current_language
from game.model.defs import Relations, ScenarioFile
from game.scenario.build import Build
from game.scenario.compiled import Scenario
from game.scenario.errors import Problem, ScenarioError, capped, suggestion_budget
from game.scenario.kinds import world
from game.scenario.kinds.actions import link_actions
from game.scenario.kinds.categories import link_categories
from game.scenario.kinds.endings import link_endings
from game.scenario.kinds.events import link_events
from game.scenario.kinds.groups import check_named
from game.scenario.kinds.modifiers import link_modifiers
from game.scenario.kinds.names import check_ids, lexicon
from game.scenario.kinds.overall import check_all
from game.scenario.kinds.secrets import link_reveals
from game.scenario.kinds.treaties import link_treaties
from game.scenario.loc import (
    SOURCE_LANGUAGE,
    Edit,
    Entry,
    apply,
    loc_path,
    place_names,
    read_entries,
)
from game.scenario.merge import merge
from game.scenario.read import (  # noqa: F401 - resolve and bundled_ids are re-exported
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_TOTAL_BYTES,
    bundled_ids,
    missing_folder,
    read_folder,
    remember,
    resolve,
)
from game.scenario.report import Report
from game.scenario.structure import structure_files

MAX_ITEMS = 5_000


def load_scenario(
    name: str | Path, thorough: bool = False, language: str | None = None
) -> Scenario:
    """Load, check and compile a scenario; raise ScenarioError listing every problem.

    `thorough` adds the checks that only warn and the map's geometry checks, which `validate`
    runs and playing skips; without it `warnings` stays empty.
    `language` (default: the program's) puts in the texts of `loc/LANGUAGE.toml` where they
    exist; the content hash stays the original's, so saves and replays do not depend on it.
    """
    folder = resolve(name)
    report = Report()
    if not folder.is_dir():
        raise missing_folder(name)
    language = language or current_language()
    with suggestion_budget(), _collector_paused():
        text = read_folder(folder)
        entries = _translations(folder, language, report)
        edit = None if entries is None else _translator(entries)
        parsed, problems = structure_files(text.files, edit)
        report.problems.extend(text.problems + problems)
        if text.problems or problems:
            raise ScenarioError(capped(report.problems))
        spoken = language if edit else SOURCE_LANGUAGE
        scenario = _build(folder, text.digest, parsed, report, thorough, spoken)
    if report.failed or scenario is None:
        raise ScenarioError(capped(report.problems))
    if entries:
        scenario = attrs.evolve(scenario, place_names=place_names(entries))
    remember(scenario.meta.id, folder)
    return scenario


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cycle collector: a load makes many objects that live on and few cycles to free
    (the sizes it may reach are bounded by the limits in `read` and `limits`)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _translations(folder: Path, language: str, report: Report) -> dict[str, Entry] | None:
    """Return a language's texts for the folder (None: the original texts)."""
    if language == SOURCE_LANGUAGE or not loc_path(folder, language).is_file():
        return None
    try:
        return read_entries(folder, language)
    except ValueError as exc:
        where = str(loc_path(folder, language))
        message = _("translation not used: {reason}").format(reason=exc)
        report.problems.append(Problem(where, 0, message, "", "warning"))
        return None


def _translator(entries: dict[str, Entry]) -> Edit:
    """Return what puts a language's texts into each parsed file."""
    return lambda raw: apply(raw, entries)


def _build(
    folder: Path,
    content_hash: str,
    parsed: list[tuple[str, ScenarioFile, dict[str, int]]],
    report: Report,
    thorough: bool = False,
    language: str = SOURCE_LANGUAGE,
) -> Scenario | None:
    """Merge, check and link the structured files into a Scenario (None on errors)."""
    m = merge(parsed, report)
    if m.size() > MAX_ITEMS:
        message = _("more than {limit} definitions").format(limit=MAX_ITEMS)
        report.problems.append(Problem(str(folder), 0, message))
        return None
    for key, file in (("scenario", "scenario.toml"), ("map", "map.toml")):
        if getattr(m, key) is None:
            message = _("no [{key}] table in any file").format(key=key)
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
    categories = link_categories(b, thorough)
    events = link_events(b)
    endings = link_endings(b)
    treaties = link_treaties(b)
    reveals = link_reveals(b)
    check_all(b, sites, modifiers, actions, events, endings, treaties, thorough)
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
        language=language,
        categories=categories,
    )
