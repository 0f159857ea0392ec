"""Place names in running text, and the role each plays: an event site, or only a seat, a dateline, …

A name is looked for only where a capitalised word (or a direction word such as "northern") starts
one of the gazetteer's names, an Albanian form the gazetteer knows, or a case form made by the
language's inflection rules (see geo.extract.inflection). The longest name wins. Guards keep
ordinary words from becoming places as the gazetteer grows to every village:
- a single word that is one of the language's function or common words is never a place;
- a capitalised word at the start of a sentence is not a place when the same word occurs in lower
  case elsewhere in the text (it is an ordinary word that happens to start the sentence);
- a village or other small feature outside the north, and a locality (a named spot that is no settlement)
  anywhere, needs a place context: a preposition ("in", "u", "në") or a place noun ("village", "selo",
  "fshati") before it, or a place noun after it; after a village noun, a village of the name comes first.
- a lower-case word names a place only as a place noun before a name ("branu jezera Gazivode") or as a
  town's adjective before a place noun ("u leposavićkoj opštini"); a northern village named by a common
  word ("Izvor") only after a place word.
The role then comes from the words around the name (geo.extract.roles).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from geo.extract.homonyms import anchor, nearest_namesake
from geo.extract.language import Language
from geo.extract.lookup import PlaceIndex, lookup, place_index
from geo.extract.roles import (
    CONTEXT_CHARS,
    NORTH,
    Found,
    PlaceRules,
    coordinated_role,
    distance_role,
    in_north,
    is_initial,
    locating_role,
    origin_roles,
    place_rules,
    role,
    strong_context,
)
from geo.extract.sentences import Sentence
from geo.gazetteer import Gazetteer, Place
from geo.names import fold, is_generic, phonetic, strip_directions

__all__ = [
    "find_places",
    "place_index",
    "same_town",
    "scanner",
    "text_words",
]

# Kinds of place that a capitalised word may name without a place context around it.
_MAJOR_KINDS = frozenset(
    {"country", "region", "municipality", "city", "town", "border_crossing", "military_base", "bridge", "lake", "site"}
    | {"dam", "monastery"}
)
_VILLAGE_KINDS = frozenset({"village", "hamlet", "neighbourhood"})
# A named spot that is no settlement (a field, a quarter of a village): a place only where a place is expected.
_LOCALITY_KINDS = frozenset({"locality"})
_TOKEN = re.compile(r"[^\W\d_]+")
_MAX_TOKENS = 4
_MAX_WRAPPED_TOKENS = 6
_ANCHORS = 24  # the latest places named: an article's namesakes keep the sense they first had


def text_words(text: str) -> frozenset[str]:
    """The words that occur in lower case somewhere in the text (folded)."""
    return frozenset(fold(word) for word in _TOKEN.findall(text) if word.islower())


def _may_start(token: str, index: PlaceIndex, rules: PlaceRules) -> bool:
    lowered = token.lower()
    if fold(token) in rules.starts:
        return True
    if not token[0].isupper():
        return _town_adjective(lowered, index)
    key = fold(token)
    return key in index.first_words or phonetic(key) in index.first_words or key in rules.wrappers


def _town_adjective(word: str, index: PlaceIndex) -> bool:
    """ "u leposavićkoj opštini", "glavna zvečanska ulica", "na brnjačkom prelazu": a town's or a crossing's
    adjective, written in lower case, may name it (before a place noun, see `_accept`); a village's ("rudarsko
    naselje") is too often an ordinary word."""
    key = fold(word)
    places = index.lookup(key) if key in index.adjectives else ()
    return bool(places) and places[0].kind in ("town", "city", "border_crossing")


def _joinable(text: str, tokens: list[re.Match[str]], first: int, last: int) -> bool:
    """Tokens first..last are one name only when separated by spaces or hyphens."""
    return all(text[tokens[i].end() : tokens[i + 1].start()] in (" ", "-") for i in range(first, last))


def _match_at(text: str, tokens: list[re.Match[str]], i: int, index: PlaceIndex, rules: PlaceRules):
    """The longest place name starting at token i, and how many tokens it takes."""
    if not _may_start(tokens[i].group(), index, rules):
        return _generic_village(text, tokens[i], index, rules)
    first = fold(tokens[i].group())
    wrapped = first in rules.wrappers or first in rules.starts
    longest = min(_MAX_WRAPPED_TOKENS if wrapped else _MAX_TOKENS, len(tokens) - i)
    words = [first]
    while len(words) < longest and (wrapped or " ".join(words) in index.prefixes):
        if not _joinable(text, tokens, i + len(words) - 1, i + len(words)):
            break
        words.append(fold(tokens[i + len(words)].group()))
    for n in range(len(words), 0, -1):
        qualified = _with_qualifier(text, tokens, i, n, index)
        if qualified:
            return qualified
        if n == 1 and tokens[i].group().islower() and not _town_adjective(tokens[i].group(), index):
            return _noun_of_noun(text, tokens, i, index)  # "jezera" alone is a word, not the village Jezero
        places = index.lookup(text[tokens[i].start() : tokens[i + n - 1].end()])
        if places:
            # "u selu Kula": a northern village named by a common word comes before the case form of another
            # name ("Kula" is also the genitive of a far mountain "Kule"), which the guards would refuse.
            generic = _generic_village(text, tokens[i], index, rules) if n == 1 else None
            return ((*generic[0], *places), 1) if generic else (places, n)
    return _generic_village(text, tokens[i], index, rules)


def _generic_village(text: str, token: re.Match[str], index: PlaceIndex, rules: PlaceRules):
    """A northern village named by a common word, capitalised where a place word stands before it."""
    word = token.group()
    places = index.generic.get(fold(word))
    if not places or not word[0].isupper() or is_initial(text, token.start()):
        return None
    return (places, 1) if strong_context(text, token.start(), token.end(), rules) else None


def _noun_of_noun(text: str, tokens: list[re.Match[str]], i: int, index: PlaceIndex):
    """ "branu jezera Gazivode": a place noun, a lower-case noun it governs, then the name; the place the noun
    and the name make ("Brana Gazivode"), taking all three words."""
    if i + 2 >= len(tokens) or not tokens[i + 1].group().islower() or not _joinable(text, tokens, i, i + 2):
        return None
    name = next(
        (n for n in range(min(_MAX_TOKENS, len(tokens) - i - 2), 0, -1) if _joinable(text, tokens, i + 2, i + 1 + n)), 0
    )
    for n in range(name, 0, -1):
        places = index.lookup(f"{tokens[i].group()} {text[tokens[i + 2].start() : tokens[i + 1 + n].end()]}")
        if places and tokens[i + 2].group()[0].isupper():
            return places, n + 2
    return None


def _with_qualifier(text: str, tokens: list[re.Match[str]], i: int, n: int, index: PlaceIndex):
    """The name of n tokens with a qualifier written after it ("Jarinjë e Poshtme"), if that names a place."""
    for suffix, _ in index.qualifiers:
        k = len(suffix.split())
        fits = i + n + k <= len(tokens) and _joinable(text, tokens, i + n - 1, i + n + k - 1)
        if fits and fold(text[tokens[i + n].start() : tokens[i + n + k - 1].end()]) == suffix:
            places = index.lookup(text[tokens[i].start() : tokens[i + n + k - 1].end()])
            if places:
                return places, n + k
    return None


def _ordinary(word: str, initial: bool, rules: PlaceRules, lower_words: frozenset[str]) -> bool:
    """A one-word match that is really an ordinary word of the language."""
    key = fold(word)
    return key in rules.common or (initial and key in lower_words)


@dataclass(frozen=True)
class _Scan:
    index: PlaceIndex
    rules: PlaceRules
    lower_words: frozenset[str]
    anchors: list[Place] = field(default_factory=list)  # places named so far that tell where namesakes lie

    def remember(self, found: list[Found]) -> None:
        """Keep the latest places named (datelines aside) as anchors for later namesakes (a bounded number)."""
        self.anchors.extend(m.place for m in found if anchor(m.place) and m.role != "dateline")
        del self.anchors[:-_ANCHORS]


def _accept(text: str, place: Place, start: int, end: int, n: int, scan: _Scan, previous: Found | None) -> Found | None:
    rules = scan.rules
    if n == 1 and _ordinary(text[start:end], is_initial(text, start), rules, scan.lower_words):
        return None
    if fold(text[start:end]) in scan.index.adjectives and not rules.adjective_noun.match(text[end : end + 40]):
        return None  # "bistrički" names a place only before a place noun ("Bistrički most")
    strong = strong_context(text, start, end, rules)
    if previous is not None and not strong and rules.coordination.match(text[previous.end : start]):
        strong = previous.strong
    if place.kind in _VILLAGE_KINDS:
        if place.municipality not in NORTH and not strong:
            return None
    elif place.kind in _LOCALITY_KINDS:
        if not strong:
            return None
    elif place.kind not in _MAJOR_KINDS and not (strong and n > 1):
        return None  # a hill or a stream: only by its full name, where a place is expected
    return Found(place, start, end, "site", strong, text[start:end])


def _north_part(text: str, found: Found, scan: _Scan) -> Found:
    """ "the northern part of Mitrovica", "severni deo Mitrovice" (or "južni deo Kosovske Mitrovice"): the
    northern (southern) place of that name, if any; of a country, its northern region."""
    before = text[max(0, found.start - CONTEXT_CHARS) : found.start]
    for pattern, direction in ((scan.rules.north_part, "north"), (scan.rules.south_part, "south")):
        if pattern.search(before):
            place = lookup(f"{direction} {strip_directions(fold(found.place.name_en))}", scan.index)
            if place is not None and place.id != found.place.id and _same_scale(found.place, place):
                return replace(found, place=place)
    return found


def _same_scale(named: Place, part: Place) -> bool:
    """A part of the place named: a town's of a town ("the northern part of Mitrovica"); a country's, its region
    ("në veriun e Kosovës", "u severnom delu Kosova" is North Kosovo, not Kosovo)."""
    return part.kind == named.kind or (named.kind == "country" and part.kind == "region")


def _kind_first(text: str, start: int, places: tuple[Place, ...], rules: PlaceRules) -> tuple[Place, ...]:
    """ "the village of Gazivode", "u selu Gazivode", "në fshatin Gazivodë": after a village noun, the village of
    the name comes first, not the lake or the crossing the bare name means."""
    if len(places) < 2 or not rules.village_before.search(text[max(0, start - CONTEXT_CHARS) : start]):
        return places
    return tuple(sorted(places, key=lambda place: place.kind not in _VILLAGE_KINDS))


def _last_site(found: list[Found]) -> Found | None:
    return next((m for m in reversed(found) if m.role == "site"), None)


def _building_at_seat(text: str, found: Found, scan: _Scan) -> Found:
    """ "afër ndërtesës së Komunës së Zveçanit", "ispred zgrade opštine Zvečan", "the building of the Municipality
    of Zvecan": a municipality's building stands in its seat, so the place is the town the municipality is
    named after, not the whole municipality."""
    if found.place.kind != "municipality":
        return found
    if not scan.rules.building_before.search(text[max(0, found.start - CONTEXT_CHARS) : found.start]):
        return found
    seat = seat_town(found.place, scan.index.gazetteer)
    return found if seat is None else replace(found, place=seat)


def _facility_of(text: str, found: Found, scan: _Scan) -> Found:
    """ "near the dam of Lake Gazivode": the facility the noun and the name make ("Gazivode dam"), when the
    gazetteer has it; the name is taken without its own place noun ("Lake")."""
    match = scan.rules.facility_before.search(text[max(0, found.start - CONTEXT_CHARS) : found.start])
    if match is None:
        return found
    noun = match.group("noun")
    words = [w for w in found.name.split() if not is_generic(fold(w))]
    for key in (f"{' '.join(words)} {noun}", f"{noun} {' '.join(words)}"):
        place = lookup(key, scan.index) if words else None
        if place is not None and place.id != found.place.id and place.kind not in _VILLAGE_KINDS:
            return replace(found, place=place)
    return found


def seat_town(municipality: Place, gazetteer: Gazetteer) -> Place | None:
    """The town or city of a municipality that bears its name (Zvečan of the Zvečan municipality)."""
    name = fold(municipality.name_en)
    return next(
        (
            place
            for place in gazetteer.places
            if place.municipality == municipality.id and place.kind in ("town", "city") and fold(place.name_en) == name
        ),
        None,
    )


def _matches(text: str, tokens: list[re.Match[str]], scan: _Scan) -> list[tuple[tuple[Place, ...], int, int]]:
    """Every longest name in a sentence: its candidate places, first token and token count."""
    found = []
    i = 0
    while i < len(tokens):
        match = _match_at(text, tokens, i, scan.index, scan.rules)
        if match is None:
            i += 1
            continue
        places, n = match
        found.append((places, i, n))
        i += n
    return found


def find_places(sentence: Sentence, dateline: int, scan: _Scan) -> list[Found]:
    """Places named in a sentence, with offsets relative to the sentence and their roles; of namesakes, the
    one near the other places named (geo.extract.homonyms)."""
    text = sentence.text
    tokens = list(_TOKEN.finditer(text))
    matches = _matches(text, tokens, scan)
    named = [(places[0], i) for places, i, _ in matches if anchor(places[0]) and tokens[i].start() >= dateline]
    found: list[Found] = []
    for places, i, n in matches:
        beside = [place for place, j in named if j != i]
        place = nearest_namesake(_kind_first(text, tokens[i].start(), places, scan.rules), beside, scan.anchors)
        start, end = tokens[i].start(), tokens[i + n - 1].end()
        previous = found[-1] if found else None
        accepted = _accept(text, place, start, end, n, scan, previous)
        if accepted is not None:
            accepted = _north_part(text, accepted, scan)
            accepted = _building_at_seat(text, accepted, scan)
            accepted = _facility_of(text, accepted, scan)
            accepted = replace(accepted, role=role(text, accepted, dateline, scan.rules))
            accepted = locating_role(text, accepted, previous, scan.rules)
            accepted = distance_role(text, accepted, previous, _last_site(found), scan.rules)
            found.append(coordinated_role(text, accepted, previous, scan.rules))
    found = origin_roles(text, found, scan.rules)
    scan.remember(found)
    described = _described(text, found, dateline, scan)
    return sorted([_within(m, described) for m in found] + described, key=lambda f: f.start)


def _described(text: str, named: list[Found], dateline: int, scan: _Scan) -> list[Found]:
    """Places the language describes rather than names: "the four northern municipalities" is North Kosovo."""
    found = []
    for pattern, place_id in scan.rules.descriptions:
        place = scan.index.gazetteer.get(place_id)
        for match in pattern.finditer(text) if place is not None else ():
            inside = [m for m in named if match.start() <= m.start and m.end <= match.end()]
            if any(m.start < match.end() and match.start() < m.end for m in named if m not in inside):
                continue
            mention = Found(place, match.start(), match.end(), "site", True, match.group())  # type: ignore[arg-type]
            found.append(replace(mention, role=role(text, mention, dateline, scan.rules)))
    return found


def _within(found: Found, described: list[Found]) -> Found:
    """ "near the main bridge in Mitrovica", "kod glavnog mosta u Mitrovici": a name inside a description only
    says where the described place is."""
    outer = next((d for d in described if d.start <= found.start and found.end <= d.end), None)
    return found if outer is None or found.role != "site" else replace(found, role="aside", locates=outer.place.id)


def scanner(gazetteer: Gazetteer, language: Language, text: str) -> _Scan:
    """What `find_places` needs for one article."""
    return _Scan(place_index(gazetteer, language), place_rules(language), text_words(text))


def _town_key(place: Place) -> str:
    return strip_directions(fold(place.name_en))


def same_town(found: list[list[Found]]) -> list[list[Found]]:
    """A town named plainly ("Mitrovica") is the northern one that the same text names in full
    ("North Mitrovica", "Severna Mitrovica"), when there is one of the same kind."""
    northern = {_town_key(m.place): m.place for sentence in found for m in sentence if in_north(m.place)}
    result = []
    for sentence in found:
        result.append(
            [
                replace(m, place=northern[_town_key(m.place)])
                if not in_north(m.place)
                and strip_directions(fold(m.name)) == fold(m.name)
                and _town_key(m.place) in northern
                and northern[_town_key(m.place)].kind == m.place.kind
                else m
                for m in sentence
            ]
        )
    return result
