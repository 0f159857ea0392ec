"""Read the GeoNames and NGA GNS name files for Kosovo and merge them into one list of features.

Used by build_places.py only (at build time; the app never reads these files).
A GeoNames feature and an NGA feature are one feature when they lie at the same
point (within about 60 m) with the same feature code, or within about 1 km with
the same code and a shared name. Every spelling of both is kept.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from geo.names import albanian_forms, fold, is_generic, phonetic, skeleton, strip_qualifiers, strip_wrappers

__all__ = ["Feature", "feature_kind", "merged_features", "read_geonames", "read_nga", "split_names"]

# GeoNames/NGA feature code -> our kind. Codes not listed take their class's kind.
_KINDS = {
    "P.PPLC": "city",
    "P.PPLA": "town",
    "P.PPL": "village",
    "P.PPLH": "village",
    "P.PPLL": "hamlet",
    "P.PPLX": "neighbourhood",
    "H.STM": "stream",
    "H.STMI": "stream",
    "H.CNL": "canal",
    "H.LK": "lake",
    "H.RSV": "lake",
    "H.SPNG": "spring",
    "H.MRSH": "marsh",
    "T.MT": "mountain",
    "T.MTS": "mountain",
    "T.PK": "mountain",
    "T.HLL": "hill",
    "T.HLLS": "hill",
    "T.MND": "hill",
    "T.RDGE": "ridge",
    "T.SPUR": "ridge",
    "T.PASS": "pass",
    "T.SDL": "pass",
    "T.VAL": "valley",
    "T.GRGE": "valley",
    "T.SLP": "slope",
    "T.CLF": "rock",
    "T.RK": "rock",
    "T.RKS": "rock",
    "T.PLN": "plain",
    "L.LCTY": "locality",
    "L.RGN": "region",
    "A.ADM2": "district",
    "A.ADMD": "district",
    "A.ADMDH": "district",
    "S.RSTN": "station",
    "S.MSTY": "monastery",
    "S.CH": "church",
    "S.MSQE": "mosque",
    "S.BDG": "bridge",
    "S.PSTB": "border_post",
    "S.PSTP": "border_post",
    "S.AIRF": "airfield",
    "S.AIRP": "airfield",
    "S.PS": "power_station",
    "S.PSH": "power_station",
    "S.MLWTR": "mill",
    "S.HUT": "hut",
    "S.HUTS": "hut",
    "S.SHPF": "hut",
    "S.CAVE": "cave",
    "S.RUIN": "ruin",
    "S.CSTL": "fort",
    "S.FT": "fort",
    "S.CMTY": "cemetery",
    "S.GRVE": "cemetery",
    "S.MNMT": "monument",
    "S.TOWR": "tower",
    "S.MN": "mine",
    "R.TNLRR": "tunnel",
    "V.FRST": "forest",
    "V.MDW": "meadow",
}
_CLASS_KINDS = {"P": "village", "H": "water", "T": "terrain", "L": "area", "S": "building", "V": "area", "R": "road"}
_PRIMARY_NAME_TYPES = frozenset({"N", "NS", "C", "D", "DS"})
_NAME_NOT_KNOWN = "NAME NOT KNOWN"
_LATIN_OR_CYRILLIC = re.compile(r"^[A-Za-z\u00C0-\u024F\u0400-\u04FF' .()-]+$")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_SAME_POINT, _NEAR_POINT = 0.0006, 0.012  # degrees: ~60 m and ~1 km
_SKELETON_LIKENESS = 80.0


@dataclass
class Feature:
    """One named feature of either file (or both), with every name it has."""

    key: str
    code: str
    lat: float
    lon: float
    name: str
    primary: list[str]
    alternates: list[str]
    geonames_id: str = ""
    ufi: str = ""
    population: int = 0
    country: str = "XK"
    name_sq: str = ""
    name_sr_latn: str = ""
    name_sr_cyrl: str = ""
    same_as: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        """Every name of the feature, primary names first."""
        return list(dict.fromkeys([*self.primary, *self.alternates]))

    def absorb(self, other: Feature) -> None:
        """Take another record of the same feature: its names, its ids, and the names per language we lack."""
        self.primary = list(dict.fromkeys([*self.primary, *other.primary]))
        self.alternates = list(dict.fromkeys([*self.alternates, *other.alternates]))
        self.same_as = list(dict.fromkeys([*self.same_as, other.key, *other.same_as]))
        self.ufi = self.ufi or other.ufi
        self.name_sq = self.name_sq or other.name_sq
        self.name_sr_latn = self.name_sr_latn or other.name_sr_latn
        self.name_sr_cyrl = self.name_sr_cyrl or other.name_sr_cyrl


def feature_kind(code: str, population: int = 0) -> str:
    """Our kind for a feature code; populated places by size (>= 50,000 city, >= 5,000 town)."""
    kind = _KINDS.get(code) or _CLASS_KINDS.get(code[:1], "site")
    if code.startswith("P.") and population >= 50_000:
        return "city"
    if kind in ("village", "hamlet") and population >= 5_000:
        return "town"
    return kind


def _usable(name: str) -> bool:
    """GeoNames alternates worth keeping: Latin or Cyrillic script, not a code like 'PRN'."""
    # GeoNames romanises other scripts in lower case ("mitorovuitsue"): not a spelling people use.
    return bool(_LATIN_OR_CYRILLIC.match(name)) and name[0].isupper() and not (name.isupper() and len(name) <= 4)


def read_geonames(path: Path) -> list[Feature]:
    """Features of a GeoNames country dump (tab-separated, no header)."""
    features = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            own = {fold(row[1]), fold(row[2])}
            cyrillic = [n for n in row[3].split(",") if _CYRILLIC.search(n) and fold(n) in own]
            features.append(
                Feature(
                    key=f"gn-{row[0]}",
                    code=f"{row[6]}.{row[7]}",
                    lat=float(row[4]),
                    lon=float(row[5]),
                    name=row[1],
                    primary=list(dict.fromkeys([row[1], row[2]])),
                    alternates=[n for n in row[3].split(",") if n and _usable(n)],
                    geonames_id=row[0],
                    population=int(row[14] or 0),
                    name_sr_cyrl=cyrillic[0] if cyrillic else "",
                )
            )
    return features


def _nga_feature(ufi: str, rows: list[dict[str, str]]) -> Feature | None:
    named = [r for r in rows if r["FULL_NAME_RO"] and r["FULL_NAME_RO"] != _NAME_NOT_KNOWN]
    if not named:
        return None
    primary = [r for r in named if r["NT"] in _PRIMARY_NAME_TYPES]

    def first(language: str, cyrillic: bool = False) -> str:
        found = [r["FULL_NAME_RO"] for r in primary if r["LC"] == language]
        found = [n for n in found if bool(_CYRILLIC.search(n)) == cyrillic]
        return found[0] if found else ""

    english = [r["FULL_NAME_RO"] for r in primary if r["LC"] in ("eng", "")]
    names = [r["FULL_NAME_RO"] for r in primary] or [named[0]["FULL_NAME_RO"]]
    display = [n for n in (*english, first("srp"), first("sqi"), *names) if n and not _CYRILLIC.search(n)]
    return Feature(
        key=f"gns-{ufi}",
        code=f"{rows[0]['FC']}.{rows[0]['DSG']}",
        lat=float(rows[0]["LAT"]),
        lon=float(rows[0]["LONG"]),
        name=(display or names)[0],
        primary=names,
        alternates=[r["FULL_NAME_RO"] for r in named if r["NT"] not in _PRIMARY_NAME_TYPES],
        ufi=ufi,
        country="XK" if "KV" in rows[0]["CC1"].split(",") else rows[0]["CC1"].split(",")[0],
        name_sq=first("sqi"),
        name_sr_latn=first("srp"),
        name_sr_cyrl=first("srp", cyrillic=True) or first("", cyrillic=True),
    )


def read_nga(path: Path) -> list[Feature]:
    """Features of an NGA GNS country file, one per UFI (its name rows joined)."""
    by_ufi: dict[str, list[dict[str, str]]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            by_ufi[row["UFI"]].append(row)
    features = (_nga_feature(ufi, rows) for ufi, rows in by_ufi.items())
    return [f for f in features if f is not None]


def _sounds(feature: Feature) -> set[str]:
    return {phonetic(strip_wrappers(fold(n))) for n in feature.names}


class _Grid:
    """Features bucketed by ~1 km cells, for near-point look-ups."""

    def __init__(self, features: Iterable[Feature]) -> None:
        self.cells: dict[tuple[int, int], list[Feature]] = defaultdict(list)
        for feature in features:
            self.cells[self._cell(feature.lat, feature.lon)].append(feature)

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return int(lat // _NEAR_POINT), int(lon // _NEAR_POINT)

    def near(self, lat: float, lon: float, within: float) -> Iterator[Feature]:
        row, column = self._cell(lat, lon)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for feature in self.cells.get((row + dy, column + dx), ()):
                    if abs(feature.lat - lat) <= within and abs(feature.lon - lon) <= within:
                        yield feature


def _match(feature: Feature, grid: _Grid) -> Feature | None:
    """The GeoNames feature an NGA feature describes, if any."""
    sounds = _sounds(feature)
    same_point = [g for g in grid.near(feature.lat, feature.lon, _SAME_POINT) if g.code[0] == feature.code[0]]
    for candidate in same_point:
        if candidate.code == feature.code or _sounds(candidate) & sounds:
            return candidate
    near = [
        g for g in grid.near(feature.lat, feature.lon, _NEAR_POINT) if g.code == feature.code and _sounds(g) & sounds
    ]
    return min(near, key=lambda g: abs(g.lat - feature.lat) + abs(g.lon - feature.lon), default=None)


def _one_per_point(features: list[Feature]) -> list[Feature]:
    """Join GeoNames duplicates: the same code at the same point, sharing a name or not a stream.

    Streams are left apart: GeoNames places a stream at its mouth, so two streams meet at one point.
    """
    kept: dict[tuple[float, float, str], list[Feature]] = defaultdict(list)
    result = []
    for feature in features:
        group = kept[(round(feature.lat, 5), round(feature.lon, 5), feature.code)]
        twin = next((g for g in group if feature.code[0] != "H" or _sounds(g) & _sounds(feature)), None)
        if twin is None:
            group.append(feature)
            result.append(feature)
        else:
            twin.absorb(feature)
    return result


def merged_features(geonames: list[Feature], nga: list[Feature]) -> list[Feature]:
    """GeoNames features with the NGA names of the same features, then the NGA-only features."""
    features = _one_per_point(geonames)
    grid = _Grid(features)
    only_nga = []
    for feature in nga:
        twin = _match(feature, grid)
        if twin is None:
            only_nga.append(feature)
        else:
            twin.absorb(feature)
    return features + only_nga


def _core(name: str) -> str:
    """A name without wrappers, qualifiers and feature words: "Železnička Stanica Leposavić" -> "leposavic"."""
    core = strip_qualifiers(strip_wrappers(fold(name)))
    telling = [word for word in core.split() if not is_generic(word)]
    return " ".join(telling) or core


def _fragment(words: set[str], of: set[str]) -> bool:
    """True when a name is a longer name minus a word that says something (Janković of Đeneral Janković).

    Dropping a feature word is no fragment: "Stanica Zvečan" is "Železnička Stanica Zvečan".
    """
    return words < of and not is_generic(" ".join(sorted(of - words)))


def _spells(alternate: str, primary: str) -> bool:
    """True when an alternate name is a spelling of a primary one, not another name.

    Spellings: the same letters in another script or orthography (Sërboc, Srbovac),
    an Albanian definite or genitive form (Rudari, Rudar), with or without a
    settlement qualifier (Rudare, Veliko Rudare) or an extra word (Kosovska Mitrovica).
    """
    a, p = fold(alternate), fold(primary)
    if a == p or set(p.split()) <= set(a.split()):
        return True
    core_a, core_p = _core(alternate), _core(primary)
    if not core_a or not core_p:
        return False
    if phonetic(core_a) == phonetic(core_p):
        return True
    if _fragment(set(a.split()), set(p.split())) and core_a != core_p:
        return False
    forms = {phonetic(f) for f in (core_a, *albanian_forms(core_a))}
    if forms & {phonetic(f) for f in (core_p, *albanian_forms(core_p))}:
        return True
    sk_a, sk_p = skeleton(core_a), skeleton(core_p)
    return len(sk_a) >= 2 and sk_a[0] == sk_p[:1] and fuzz.ratio(sk_a, sk_p) >= _SKELETON_LIKENESS


def split_names(names: Iterable[str], primary: Iterable[str]) -> tuple[list[str], list[str]]:
    """(spellings of the primary names, other names): former names, renamings and fragments go to the second.

    Other names (Kastriot for Obiliq, Fortesa for Vrbovac, Janković for Hani i Elezit) are
    as likely a person's name or a common word in running text; they stay findable by look-up.
    """
    primary = [p for p in primary if p]
    spellings, others = [], []
    for name in dict.fromkeys(names):
        if name in primary:
            continue
        (spellings if any(_spells(name, p) for p in primary) else others).append(name)
    return spellings, others
