"""`rapallo map import|export|preview`: maps to and from GeoJSON, and a picture of the map."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.cli_scenario import load_or_report
from game.locale import _
from game.scenario.load import resolve


def add_parser(sub: Any) -> None:
    """Add the `map` subcommand and its three actions."""
    mp = sub.add_parser("map", help=_("import and export maps as GeoJSON; draw a map preview"))
    actions = mp.add_subparsers(dest="map_command", required=True, parser_class=type(mp))
    imp = actions.add_parser("import", help=_("write or update a scenario's regions from GeoJSON"))
    imp.add_argument("file", metavar="FILE.geojson", type=Path)
    imp.add_argument("--id-property", required=True, metavar="NAME", help=_("property with the id"))
    imp.add_argument(
        "--name-property", default="", metavar="NAME", help=_("property with the name")
    )
    imp.add_argument("--owner-property", default="", metavar="NAME", help=_("property: owner id"))
    imp.add_argument("--scenario", default=".", metavar="FOLDER", help=_("scenario folder"))
    imp.add_argument(
        "--tolerance", type=float, default=0.01, help=_("simplify outlines to this many degrees")
    )
    exp = actions.add_parser("export", help=_("write a scenario's regions as GeoJSON"))
    exp.add_argument("scenario", metavar="SCENARIO", help=_("scenario id or folder"))
    exp.add_argument("--out", metavar="FILE.geojson", type=Path, help=_("default: standard output"))
    pre = actions.add_parser("preview", help=_("draw the map as the game does, with region ids"))
    pre.add_argument("scenario", metavar="SCENARIO", help=_("scenario id or folder"))
    pre.add_argument("--out", metavar="FILE.png", type=Path, required=True)
    pre.add_argument("--width", type=int, default=1600)
    pre.add_argument("--height", type=int, default=1000)


def _import(args: argparse.Namespace) -> int:
    from game.scenario.geojson import MapFileError, outlines_from
    from game.scenario.mapfile import write_map

    folder = resolve(args.scenario)
    if not folder.is_dir() or not args.file.is_file():
        text = _("map import: no such folder or file: {folder}, {file}")
        print(text.format(folder=folder, file=args.file), file=sys.stderr)
        return 2
    try:
        outlines, notes = outlines_from(
            args.file, args.id_property, args.tolerance, args.name_property, args.owner_property
        )
        if not outlines:
            text = _("map import: no polygon in {file} has '{property}'")
            print(text.format(file=args.file, property=args.id_property), file=sys.stderr)
            return 2
        path, more = write_map(folder, outlines)
    except (MapFileError, OSError) as exc:
        print(_("map import: {reason}").format(reason=exc), file=sys.stderr)
        return 2
    for note in [*notes, *more]:
        print(_("note: {note}").format(note=note))
    points = sum(len(ring) for o in outlines for ring in o.rings)
    text = _("Wrote {regions} region(s), {points} points, to {file}.")
    print(text.format(regions=len(outlines), points=points, file=path))
    print(_("Next: python -m game validate {folder}").format(folder=folder))
    return 0


def _export(args: argparse.Namespace) -> int:
    from game.scenario.geojson import export_regions

    sc = load_or_report(args.scenario)
    if sc is None:
        return 2
    text = json.dumps(export_regions(sc), ensure_ascii=False)
    if args.out is None:
        print(text)
        return 0
    try:
        args.out.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        text = _("map export: cannot write {file}: {reason}")
        print(text.format(file=args.out, reason=exc.strerror), file=sys.stderr)
        return 2
    print(_("Wrote {regions} region(s) to {file}").format(regions=len(sc.regions), file=args.out))
    return 0


def _preview(args: argparse.Namespace) -> int:
    if not (100 <= args.width <= 8000 and 100 <= args.height <= 8000):
        print(_("map preview: --width and --height must be 100 to 8000"), file=sys.stderr)
        return 2
    sc = load_or_report(args.scenario)
    if sc is None:
        return 2
    from game.ui.preview import save_preview

    try:
        save_preview(sc, args.out, args.width, args.height)
    except (OSError, ValueError) as exc:
        text = _("map preview: cannot write {file}: {reason}")
        print(text.format(file=args.out, reason=exc), file=sys.stderr)
        return 2
    print(_("Wrote {file}").format(file=args.out))
    return 0


def run(args: argparse.Namespace) -> int:
    """Run one `map` action."""
    handler = {"import": _import, "export": _export, "preview": _preview}[args.map_command]
    return handler(args)
