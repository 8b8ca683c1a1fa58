"""The map as authors write it: the [map] table, regions, sites and the countries' flags."""

from __future__ import annotations

from attrs import field, frozen

from game.model.values import Colour, Id, Latitude, Longitude, LonLat, Orientation, Projection


@frozen
class RegionDef:
    """A map region: one or more lon/lat polygons and the country that holds it."""

    id: Id = field(metadata={"doc": "Region id used by owner() and set_owner()."})
    name: str = field(metadata={"doc": "Display name."})
    owner: str = field(metadata={"doc": "Country id that holds it at the start."})
    polygons: list[list[list[float]]] = field(
        metadata={
            "doc": 'Rings of three or more points: [[lon, lat], ...] or "lon lat, lon lat, ...".'
        }
    )
    label: LonLat | None = field(
        default=None, metadata={"doc": "[lon, lat] where its name is drawn; none: the centre."}
    )


@frozen
class SiteDef:
    """A named point on the map; shown only while its condition holds."""

    id: Id = field(metadata={"doc": "Site id; actions name it in `site`."})
    name: str = field(metadata={"doc": "Display name."})
    lon: Longitude = field(metadata={"doc": "Longitude."})
    lat: Latitude = field(metadata={"doc": "Latitude."})
    description: str = field(default="", metadata={"doc": "A sentence for its tooltip."})
    when: str = field(
        default="",
        metadata={"doc": "Condition: the site is shown only while it holds; empty: always."},
    )


@frozen
class MapDef:
    """The `[map]` table: projection, extent (lon/lat box), frame and sea colour."""

    extent: list[float] = field(
        metadata={"doc": "[lon_min, lat_min, lon_max, lat_max] of the map."}
    )
    projection: Projection = field(
        default="mercator", metadata={"doc": '"mercator" or "equirectangular".'}
    )
    sea: Colour = field(default=Colour("#b8c8cc"), metadata={"doc": "Sea colour."})
    frame: list[float] = field(
        factory=list,
        metadata={
            "doc": "[lon_min, lat_min, lon_max, lat_max] the land is drawn to, around the "
            "extent, so that no land ends in a cut inside the window; empty: the extent."
        },
    )


@frozen
class FlagDesign:
    """A simple flag: equal stripes of colours, horizontal or vertical, with a cross or a disc."""

    stripes: list[Colour] = field(
        metadata={"doc": 'Colours "#rrggbb" of equal stripes, top to bottom or left to right.'}
    )
    orientation: Orientation = field(
        default="horizontal", metadata={"doc": '"horizontal" or "vertical" stripes.'}
    )
    saltire: list[Colour] = field(
        factory=list,
        metadata={"doc": "Colours of a diagonal cross over the stripes, widest first."},
    )
    cross: list[Colour] = field(
        factory=list,
        metadata={"doc": "Colours of an upright centred cross on top, widest first."},
    )
    disc: Colour | None = field(
        default=None,
        metadata={"doc": "Colour of a centred disc on top, three fifths of the height across."},
    )
