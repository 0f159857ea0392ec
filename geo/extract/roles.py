"""The role a place plays in its sentence: an event site, or a seat, a dateline, a birthplace, an aside, …

Each language's data file ([places]) gives the context patterns: words before a site ("in", "u",
"në", "the village of"), seats ("officials in", "vlasti u", "autoritetet në", "Pristina says"),
origins ("born in", "iz", "nga"), asides (a hospital afterwards, a destination, a town that
locates a village), modifiers ("Kosovo police", "premijer Kosova", "Policia e Kosovës") and
datelines. A country or a city named with no place word before it stands for its people or its
government; a list of places shares the role of its first member.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from geo.extract.homonyms import NORTH, km
from geo.extract.language import Language
from geo.extract.records import MentionRole
from geo.extract.sentences import Sentence
from geo.gazetteer import Place
from geo.names import fold

__all__ = [
    "CONTEXT_CHARS",
    "NORTH",
    "Found",
    "PlaceRules",
    "coordinated_role",
    "dateline_end",
    "in_north",
    "is_initial",
    "lies_in",
    "locates",
    "locating_role",
    "origin_roles",
    "place_rules",
    "role",
    "strong_context",
]

_BROAD_KINDS = frozenset({"country", "region", "city"})  # may stand for a government: "Pristina said"
CONTEXT_CHARS = 80  # characters of context each side of a name that the role patterns read
_QUOTES = "\"“„‘'«(-–— "
_INITIAL_CHARS = 6  # a sentence's first word starts within its opening quotes and dashes
_PREPOSITION_CHARS = 4  # "In ", "U ", "Në " before a name that opens a sentence
_NEVER = "(?!)"


@dataclass(frozen=True)
class PlaceRules:
    """The [places] section of a language file, compiled."""

    starts: frozenset[str]
    wrappers: frozenset[str]
    not_name: frozenset[str]
    common: frozenset[str]
    site_before: re.Pattern[str]
    site_after: re.Pattern[str]
    seat_before: re.Pattern[str]
    seat_after: re.Pattern[str]
    origin_before: re.Pattern[str]
    modifier_after: re.Pattern[str]
    modifier_before: re.Pattern[str]
    coordination: re.Pattern[str]
    dateline: re.Pattern[str]
    aside_before: re.Pattern[str]
    aside_after: re.Pattern[str]
    held_event: re.Pattern[str]  # "a protest was held in …": where an event was held is its site, no detention
    adjective_noun: re.Pattern[str]
    north_part: re.Pattern[str]
    south_part: re.Pattern[str]
    descriptions: tuple[tuple[re.Pattern[str], str], ...]
    locator: re.Pattern[str]
    fronted_seat: re.Pattern[str]
    official_before: re.Pattern[str]
    building_before: re.Pattern[str]  # "ndërtesës së Komunës së …", "zgrada opštine …": a building at the seat
    landmark_before: re.Pattern[str]  # "near the hospital in …": a hospital that locates, not one taken to
    road_before: re.Pattern[str]  # "the road towards", "put prema", "rrugën për në": the far end of a road
    blockade: re.Pattern[str]  # "blocked", "blokirali", "bllokuan": a road closed there
    distance: re.Pattern[str]  # "not far from", "pak larg", "nedaleko od": a place measured from, after the site
    facility_before: re.Pattern[str]  # "the dam of Lake …": a facility named by its noun and the name after it
    village_before: re.Pattern[str]  # "the village of", "u selu", "fshati": of namesakes, the village
    source_before: re.Pattern[str]  # "from", "iz", "nga": where someone came from, when a site follows
    locative_before: re.Pattern[str]  # "in", "u", "në": where something is, not where it came from
    office_after: re.Pattern[str]  # "Leposavic's mayor": a town's office, named by the town


@lru_cache(maxsize=16)
def place_rules(language: Language) -> PlaceRules:
    """The language's place-context patterns."""
    places, words = language.section("places"), language.section("words")

    def pattern(key: str) -> re.Pattern[str]:
        return re.compile(places.get(key, _NEVER))

    function = frozenset(fold(w) for w in words.get("function", "").split()) | {fold(w) for w in language.stopwords}
    return PlaceRules(
        starts=frozenset(fold(w) for w in places.get("starts", "").split()),  # "digës" and "diges" alike
        wrappers=frozenset(fold(w) for w in places.get("wrappers", "").split()),
        not_name=function,
        common=function | frozenset(fold(w) for w in words.get("common", "").split()),
        site_before=pattern("site_before"),
        site_after=pattern("site_after"),
        seat_before=pattern("seat_before"),
        seat_after=pattern("seat_after"),
        origin_before=pattern("origin_before"),
        modifier_after=pattern("modifier_after"),
        modifier_before=pattern("modifier_before"),
        coordination=pattern("coordination"),
        dateline=pattern("dateline"),
        aside_before=pattern("aside_before"),
        aside_after=pattern("aside_after"),
        held_event=pattern("held_event"),
        adjective_noun=pattern("adjective_noun"),
        north_part=pattern("north_part"),
        south_part=pattern("south_part"),
        descriptions=tuple((re.compile(p), place_id) for p, place_id in places.get("descriptions", {}).items()),
        locator=pattern("locator"),
        fronted_seat=pattern("fronted_seat"),
        official_before=pattern("official_before"),
        building_before=pattern("building_before"),
        facility_before=pattern("facility_before"),
        landmark_before=pattern("landmark_before"),
        road_before=pattern("road_before"),
        blockade=pattern("blockade"),
        distance=pattern("distance"),
        village_before=pattern("village_before"),
        source_before=pattern("source_before"),
        locative_before=pattern("locative_before"),
        office_after=pattern("office_after"),
    )


@dataclass(frozen=True)
class Found:
    """A place named in a sentence: offsets within the sentence, its role, and whether a place context
    ("in", "u", "në", "village of", "crossing") stands beside it."""

    place: Place
    start: int
    end: int
    role: MentionRole
    strong: bool
    name: str = ""  # the words matched, as written
    locates: str = ""  # for a town named to say where a place lies: that place's id


def is_initial(text: str, start: int) -> bool:
    return start <= _INITIAL_CHARS and not text[:start].strip(_QUOTES)


def strong_context(text: str, start: int, end: int, rules: PlaceRules) -> bool:
    before, after = text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]
    return bool(rules.site_before.search(before) or rules.site_after.match(after) or rules.origin_before.search(before))


def _is_name_word(word: str, rules: PlaceRules) -> bool:
    return word[0].isupper() and not word.isupper() and fold(word) not in rules.common


def _is_name_part(text: str, place: Place, start: int, end: int, rules: PlaceRules) -> bool:
    """Part of a longer name (a person, an office): after another capitalised word that is not a common word
    ("Command Naples"), or, when matched by an alias rather than the place's own name, before one."""
    window = max(0, start - CONTEXT_CHARS)
    previous = re.search(r"([^\W\d_]+)\s$", text[window:start])
    opening = previous is not None and is_initial(text, window + previous.start(1))
    if previous and not opening and _is_name_word(previous.group(1), rules):
        return True  # "Prelazi Jarinje i Brnjak": a capital that opens the sentence says nothing
    following = re.match(r"\s([^\W\d_]+)", text[end : end + CONTEXT_CHARS])
    if following is None or not _is_name_word(following.group(1), rules):
        return False
    key = fold(text[start:end])
    return key in {fold(alias) for alias in place.aliases} and key not in {fold(name) for name in place.names}


def _aside(before: str, after: str, rules: PlaceRules) -> bool:
    """A place told in passing: a hospital the injured were taken to, a road's far end, a destination; but a
    hospital or a court the event happened near ("searched a flat near the hospital in North Mitrovica") is
    a landmark of the site, not an aside."""
    if rules.aside_after.match(after):
        return True
    if _on_blocked_road(before, after, rules) or rules.held_event.search(before):
        return False
    return bool(rules.aside_before.search(before)) and not rules.landmark_before.search(before)


def _on_blocked_road(before: str, after: str, rules: PlaceRules) -> bool:
    """ "bllokuan rrugën për në Jarinjë", "barikade na putu prema Jarinju", "the road towards Jarinje was
    closed": a road blocked towards a place is blocked on the way to it, and reports (and the corpus) map the
    blockade there; the same words with no blockade name a destination ("drove towards Jarinje")."""
    blocked = rules.blockade.search(before) or rules.blockade.search(after)
    return bool(blocked) and bool(rules.road_before.search(before))


def role(text: str, found: Found, dateline: int, rules: PlaceRules) -> MentionRole:
    place, start, end = found.place, found.start, found.end
    before, after = text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]
    if not place.in_area:
        return "out_of_area"
    broad = place.kind in _BROAD_KINDS
    checks: tuple[tuple[bool, MentionRole], ...] = (
        (start < dateline, "dateline"),
        (bool(rules.origin_before.search(before)), "origin"),
        (_aside(before, after, rules), "aside"),
        # "ispred suda u Severnoj Mitrovici", "in front of the court in …": a court one stands at is a landmark.
        (bool(rules.seat_before.search(before)) and not rules.landmark_before.search(before), "actor_seat"),
        # "Pristina says": a name that is the subject of speech; "u Severnoj Mitrovici tražeći mir" is a site.
        (not found.strong and bool(rules.seat_after.match(after)), "actor_seat"),
        (bool(rules.official_before.search(before)), "actor_seat"),
        (bool(rules.office_after.match(after)), "actor_seat"),
        (_fronted_seat(text, found, rules), "actor_seat"),
        (broad and bool(rules.modifier_after.match(after) or rules.modifier_before.search(before)), "modifier"),
        (_is_name_part(text, place, start, end, rules), "name_part"),
        # A country or a city outside the north named with no place word before it stands for its government.
        (broad and not found.strong and not in_north(place), "actor_seat"),  # North Mitrovica is a town here
    )
    return next((role for hit, role in checks if hit), "site")


def _fronted_seat(text: str, found: Found, rules: PlaceRules) -> bool:
    """ "In Pristina, the prime minister said …": a place outside the north that opens a sentence of speech is
    where someone spoke."""
    if in_north(found.place) or not is_initial(text, max(0, found.start - _PREPOSITION_CHARS)):
        return False
    opening = text[: found.start].split()
    return len(opening) <= 1 and bool(rules.fronted_seat.match(text[found.end : found.end + CONTEXT_CHARS]))


def dateline_end(sentence: Sentence, rules: PlaceRules) -> int:
    """Where a dateline ("ZVEČAN, May 30 (Reuters) -") ends, or 0 when the paragraph has none."""
    if not sentence.paragraph_start:
        return 0
    match = rules.dateline.match(sentence.text)
    if not match:
        return 0
    head = match.group("head")
    letters = [c for c in head.split(",")[0] if c.isalpha()]
    if "(" in match.group() or "," in head or (letters and all(c.isupper() for c in letters)):
        return match.end()
    return 0


def locating_role(text: str, found: Found, previous: Found | None, rules: PlaceRules) -> Found:
    """ "Zupče, a village in the Zubin Potok municipality", "u Rudarima kod Zvečana", "Rudarë të Zveçanit",
    "the village of Banjska, Leposavic": a town or municipality named right after a smaller place in it or
    near it only says where that place is (reporters locate a village by the nearest town, whatever the
    municipality on record)."""
    if previous is None or found.role != "site" or previous.place.kind in _BROAD_KINDS:
        return found
    between = text[previous.end : found.start]
    told_where = rules.locator.match(between) or _apposed(between, text[found.end :])
    if locates(previous.place, found.place) and told_where:
        return replace(found, role="aside", locates=previous.place.id)
    return found


_APPOSED = re.compile(r"\s*[,(]\s*")
# A list goes on after the town: ", Leposavić and Zubin Potok", " i Leposaviću", " dhe Leposaviq".
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*[A-ZČĆŠŽĐÇË]|(?i:and|or|i|ili|kao\s+i|dhe|e|apo|si\s+dhe|as\s+well\s+as)\b)")


def _apposed(between: str, after: str) -> bool:
    """ "the village of Banjska, Zvečan, …", "Banjska (Zvečan)": a town set beside a place by a comma or in
    brackets, where no list goes on, says where the place is."""
    return bool(_APPOSED.fullmatch(between)) and not _LIST_GOES_ON.match(after)


_LOCAL_KINDS = frozenset({"town", "municipality", "city"})
_LOCATING_KM = 25.0  # a town names where a village lies within this distance


def locates(inner: Place, outer: Place) -> bool:
    """Whether a town or municipality is what reporters name to say where a smaller place lies."""
    if inner.id == outer.id or outer.kind not in _LOCAL_KINDS or inner.kind in _LOCAL_KINDS:
        return False
    if inner.municipality and inner.municipality in (outer.id, outer.municipality):
        return True
    return km(inner, outer) <= _LOCATING_KM


_DISTANCE_CHARS = 80  # a distance mark follows its site this closely: "…, pak larg pikës kufitare të …"


def distance_role(text: str, found: Found, previous: Found | None, site: Found | None, rules: PlaceRules) -> Found:
    """ "në fshatin Jarinjë e Poshtme, pak larg pikës kufitare të Jarinjës", "in Donje Jarinje, not far from the
    Jarinje crossing": a place the site is measured from, named just after it, only says where the site is.
    The words that say so stand between it and the place named before it ("around Rudare, on the road towards
    Leposavic and close to Zvecan": Zvecan is a site of its own)."""
    if site is None or previous is None or found.role != "site":
        return found
    near = found.start - site.end <= _DISTANCE_CHARS
    if near and rules.distance.search(text[previous.end : found.start]):
        return replace(found, role="aside", locates=site.place.id)
    return found


def coordinated_role(text: str, found: Found, previous: Found | None, rules: PlaceRules) -> Found:
    """A list shares its first member's role: "delegations of Belgrade and Pristina"."""
    if previous is None or found.role != "site" or previous.role in ("site", "out_of_area", "dateline"):
        return found
    if rules.coordination.match(text[previous.end : found.start]):
        return replace(found, role=previous.role)
    return found


def origin_roles(text: str, found: list[Found], rules: PlaceRules) -> list[Found]:
    """ "Protesters from Leposavić gathered in Zvečan", "Policia nga Prishtina arriti në Zubin Potok", "Police from
    Leposavic patrolled the Jarinje crossing": a place someone came from ("from", "iz", "nga"), in a clause that
    names another site (not one they came from too: "from Jarinje and Brnjak"), is their origin; alone ("KFOR
    withdrew from Jarinje") or in a clause of its own ("…, a građani su se okupljali na izlazu iz Leposavića") it
    stays the site."""
    sources = _sources(text, found, rules)
    located = [m for m, source in zip(found, sources, strict=True) if m.role == "site" and not source]
    return [
        replace(m, role="origin")
        if m.role == "site"
        and source
        and any(other.place.id != m.place.id and not _CLAUSE_MARKS & set(_between(text, m, other)) for other in located)
        else m
        for m, source in zip(found, sources, strict=True)
    ]


def _sources(text: str, found: list[Found], rules: PlaceRules) -> list[bool]:
    """Whether each place is one someone came from: after "from", or listed right after such a place."""
    sources: list[bool] = []
    for number, m in enumerate(found):
        listed = number > 0 and sources[-1] and bool(rules.coordination.match(text[found[number - 1].end : m.start]))
        sources.append(listed or _introduced(text, m, rules.source_before))
    return sources


_CLAUSE_MARKS = frozenset(",;:")


def _introduced(text: str, found: Found, pattern: re.Pattern[str]) -> bool:
    return bool(pattern.search(text[max(0, found.start - CONTEXT_CHARS) : found.start]))


def _between(text: str, a: Found, b: Found) -> str:
    return text[min(a.end, b.end) : max(a.start, b.start)]


def in_north(place: Place) -> bool:
    return place.municipality in NORTH or place.id in NORTH


def lies_in(inner: Place, outer: Place) -> bool:
    """Whether the gazetteer puts `inner` in the coarse place `outer`: a place of the map in the country, a
    place of the four northern municipalities in the north, a place in its municipality."""
    if outer.kind == "country":
        return inner.in_area and inner.country == outer.country
    if outer.kind == "region":
        return in_north(inner)
    return outer.kind == "municipality" and inner.municipality == outer.id
