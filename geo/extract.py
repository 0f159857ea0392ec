"""From news to map: an article's text turned into candidate incidents and deployments for review.

Rule-based and deterministic: the gazetteer finds places in running text (every
spelling it knows), regular expressions find dates, triggers, actors and counts,
and sentences about one event are merged into one candidate. Nothing is
downloaded and no model runs; a reviewer accepts or rejects each candidate.

The steps, each a small function below:
1. split the text into sentences, keeping character offsets (headings, menus and
   captions, the lines without a final full stop, are kept out of event finding);
2. per sentence: place mentions with their role (a site, or only the seat of an
   actor, a dateline, a birthplace, a place outside the area), dates resolved
   against the publication date, incident and deployment triggers, actors, counts;
3. per sentence and kind: one raw candidate per site, or a "floating" one when
   the sentence names no site (its counts and actors join the latest event);
4. raw candidates of one kind whose places nest (Kosovo ⊃ North Kosovo ⊃ Zvečan)
   and whose dates agree are merged: the finer place and the better-founded date win.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

from geo.gazetteer import Gazetteer, Place
from geo.names import canonical_directions, fold, phonetic, slug, strip_wrappers

__all__ = [
    "Candidate",
    "Count",
    "DateBasis",
    "Evidence",
    "Extraction",
    "MentionRole",
    "PlaceMention",
    "extract",
    "to_rows",
]

CandidateKind = Literal["incident", "deployment"]
DateBasis = Literal["explicit", "relative", "publication"]
MentionRole = Literal["site", "out_of_area", "actor_seat", "modifier", "dateline", "origin", "name_part"]


def _words(text: str) -> tuple[str, ...]:
    """A word list written as words."""
    return tuple(text.split())


# --- public records --------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """A sentence of the article and where it is: `text == article[start:end]`."""

    text: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Count:
    """A reported figure: `kind` is injured, killed, arrested or troops; `side` who (may be empty)."""

    kind: str
    side: str
    value: int
    at_least: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "side": self.side, "value": self.value, "at_least": self.at_least}


@dataclass(frozen=True)
class PlaceMention:
    """A gazetteer place named in the text, and why it is or is not an event site."""

    place_id: str
    place: str
    text: str
    start: int
    end: int
    role: MentionRole
    in_area: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "place_id": self.place_id,
            "place": self.place,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "role": self.role,
            "in_area": self.in_area,
        }


@dataclass(frozen=True)
class Candidate:
    """One proposed incident or deployment, with the evidence a reviewer needs."""

    kind: CandidateKind
    date: date
    date_basis: DateBasis
    date_precision: str
    place_id: str
    place: str
    lat: float
    lon: float
    event_type: str | None
    sub_event_type: str | None
    deployment_kind: str | None
    actors: tuple[str, ...]
    counts: tuple[Count, ...]
    evidence: Evidence
    support: tuple[Evidence, ...] = ()
    nations: tuple[str, ...] = ()

    @property
    def type(self) -> str:
        """The event type of an incident, the kind of a deployment."""
        return (self.event_type if self.kind == "incident" else self.deployment_kind) or ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "kind": self.kind,
            "date": self.date.isoformat(),
            "date_basis": self.date_basis,
            "date_precision": self.date_precision,
            "place_id": self.place_id,
            "place": self.place,
            "lat": self.lat,
            "lon": self.lon,
            "type": self.type,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "deployment_kind": self.deployment_kind,
            "actors": list(self.actors),
            "nations": list(self.nations),
            "counts": [c.as_dict() for c in self.counts],
            "evidence": self.evidence.as_dict(),
            "support": [e.as_dict() for e in self.support],
        }


@dataclass(frozen=True)
class Extraction:
    """What an article yields: candidates to review, and the places it names but that are not mapped."""

    candidates: list[Candidate]
    out_of_area: list[PlaceMention]
    mentions: list[PlaceMention] = field(default_factory=list)

    @property
    def unmapped(self) -> list[PlaceMention]:
        """In-area places named only as actor seats, datelines, birthplaces or modifiers."""
        used = {c.place_id for c in self.candidates}
        seen: dict[str, PlaceMention] = {}
        for mention in self.mentions:
            if mention.in_area and mention.place_id not in used:
                seen.setdefault(mention.place_id, mention)
        return list(seen.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "candidates": [c.as_dict() for c in self.candidates],
            "out_of_area": [m.as_dict() for m in self.out_of_area],
            "unmapped": [m.as_dict() for m in self.unmapped],
        }


# --- sentences -------------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    text: str
    start: int
    paragraph: int
    prose: bool  # False for headings, menu items and captions (no final punctuation)
    paragraph_start: bool


_LINE = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9\u0400-\u042f])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt st no vs jan feb mar apr jun jul aug sep sept oct nov dec u.s e.g i.e".split()  # noqa: SIM905 - a word list reads best as words
)
_PROSE_END = re.compile(r"[.!?][\"”’')]*\s*$")


def _sentences(text: str) -> list[_Sentence]:
    """Sentences with offsets; each non-empty line is a paragraph."""
    result = []
    for number, line in enumerate(_LINE.finditer(text)):
        prose = bool(_PROSE_END.search(line.group()))
        for start, end in _split_line(line.group()):
            chunk = line.group()[start:end]
            body = chunk.strip()
            if body:
                offset = line.start() + start + len(chunk) - len(chunk.lstrip())
                result.append(_Sentence(body, offset, number, prose, start == 0))
    return result


def _split_line(line: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _BOUNDARY.finditer(line):
        word = re.search(r"([\w.]+)[.!?]$", line[start : match.start() + 1])
        previous = word.group(1).lower() if word else ""
        if previous in _ABBREVIATIONS or (len(previous) == 1 and previous.isalpha()):
            continue
        yield start, match.start() + 1
        start = match.end()
    yield start, len(line)


# --- places ----------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_]+")
_DIRECTION_STARTS = frozenset({"north", "northern", "south", "southern"})
_WRAPPER_STARTS = frozenset({"komuna", "opstina", "opština", "општина", "municipality"})
_MAX_TOKENS, _MAX_WRAPPED_TOKENS = 4, 6
_FUZZY_MIN_LETTERS, _FUZZY_MIN_SCORE = 7, 85.0
_COARSE_KINDS = {"country": 3, "region": 2, "municipality": 1}
_NORTH = frozenset({"mun-zvecan", "mun-leposavic", "mun-zubin-potok", "mun-north-mitrovica"})


@dataclass(frozen=True)
class _NameIndex:
    """Which folded words can begin a place name: the shortcut that spares most n-gram look-ups."""

    keys: frozenset[str]
    sounds: frozenset[str]
    first_words: frozenset[str]


@lru_cache(maxsize=8)
def _name_index(gazetteer: Gazetteer) -> _NameIndex:
    keys, sounds = gazetteer.name_keys, gazetteer.sound_keys
    first = {k.split()[0] for k in keys | sounds if k}
    return _NameIndex(keys, sounds, frozenset(first))


def _known(index: _NameIndex, key: str) -> bool:
    for variant in (key, strip_wrappers(key), canonical_directions(strip_wrappers(key))):
        if variant and (variant in index.keys or phonetic(variant) in index.sounds):
            return True
    return False


def _may_start(token: str, index: _NameIndex) -> bool:
    lowered = token.lower()
    if lowered in _DIRECTION_STARTS:
        return True
    if not token[0].isupper():
        return False
    key = fold(token)
    return key in index.first_words or phonetic(key) in index.first_words or lowered in _WRAPPER_STARTS


def _joinable(text: str, tokens: list[re.Match[str]], first: int, last: int) -> bool:
    """Tokens first..last are one name only when separated by spaces or hyphens."""
    return all(text[tokens[i].end() : tokens[i + 1].start()] in (" ", "-") for i in range(first, last))


def _match_at(text: str, tokens: list[re.Match[str]], i: int, gazetteer: Gazetteer) -> tuple[Place, int] | None:
    """The longest place name starting at token i, and how many tokens it takes."""
    index = _name_index(gazetteer)
    if not _may_start(tokens[i].group(), index):
        return _fuzzy_token(tokens[i].group(), gazetteer)
    longest = _MAX_WRAPPED_TOKENS if tokens[i].group().lower() in _WRAPPER_STARTS else _MAX_TOKENS
    for n in range(min(longest, len(tokens) - i), 0, -1):
        if not _joinable(text, tokens, i, i + n - 1):
            continue
        span = text[tokens[i].start() : tokens[i + n - 1].end()]
        if not _known(index, fold(span)):
            continue
        result = gazetteer.geocode(span)
        if result is not None and result.matched_by != "fuzzy":
            return result.place, n
    return None


def _fuzzy_token(token: str, gazetteer: Gazetteer) -> tuple[Place, int] | None:
    """A capitalised word with a small typo or a case ending (Zvečanu); never a country or region."""
    if not token[0].isupper() or len(token) < _FUZZY_MIN_LETTERS or token.isupper():
        return None
    result = gazetteer.geocode(token)
    if result is None or result.score < _FUZZY_MIN_SCORE or result.place.kind in ("country", "region"):
        return None
    return result.place, 1


def _find_places(sentence: _Sentence, gazetteer: Gazetteer) -> list[tuple[Place, int, int]]:
    """Places named in a sentence, with offsets relative to the sentence."""
    tokens = list(_TOKEN.finditer(sentence.text))
    found, i = [], 0
    while i < len(tokens):
        match = _match_at(sentence.text, tokens, i, gazetteer)
        if match is None:
            i += 1
            continue
        place, n = match
        found.append((place, tokens[i].start(), tokens[i + n - 1].end()))
        i += n
    return found


_SPEECH_VERBS = (
    r"says|said|say|claims?|claimed|accused|accuses|accuse|announced|announces|denied|denies|deny|insists?|"
    r"insisted|wants?|wanted|urged|urges|warned|warns|stated|states|responded|rejected|rejects|demanded|demands|"
    r"called|calls|reported|reports|blamed|blames|condemned|condemns|argues?|argued|maintains?|believes?|"
    r"agreed|agrees|refused|refuses|threatened|threatens|considers|sees|protested|welcomed|welcomes|hopes?|"
    r"hoped|told|tells|asked|asks|objected|objects|responded|expects|expected|insisted|criticised|criticized"
)
_AUXILIARIES = r"(?:(?:has|have|had|is|was|will|would|also|again|later|then|has\s+long|quickly)\s+)*"
_SEAT_AFTER = re.compile(rf"^(?:['’]s?)?\s+(?:and\s+\w+\s+)?{_AUXILIARIES}(?:{_SPEECH_VERBS})\b")
_SEAT_BEFORE = re.compile(
    r"\b(?:authorities|government|officials?|leaders?|leadership|ministry|ministers?|diplomats?|embassy|envoys?|"
    r"talks|negotiators?|spokes(?:man|woman|person)|president|premier|court|prosecutors?|institutions|parliament|"
    r"politicians|capital|summit|meeting|dialogue)\s+(?:in|from|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ORIGIN_BEFORE = re.compile(
    r"\b(?:born|raised|natives?\s+of|originally\s+from|hails?\s+from|hailing\s+from|"
    r"(?:is|was|are|were)\s+from)\s+(?:in\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_MODIFIED_NOUNS = re.compile(
    r"^(?:['’]s?)?\s+(?:police|government|authorities|officials?|force|forces|prime|president|ministry|ministers?|"
    r"parliament|serbs|albanians|citizens|institutions|leadership|side|media|army|court|assembly|special|premier|"
    r"foreign|border|interior|security|leaders?|diplomats?|negotiators?|delegation|politicians)\b",
    re.IGNORECASE,
)
_CAPITALS = frozenset({"pristina", "belgrade"})
_NOT_NAME_WORDS = frozenset(
    _words(
        "on in at from to the and of near outside inside around between into north south northern southern "
        "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
        "august september october november december"
    )
)
_DATELINE = re.compile(
    r"^(?P<head>[^\n:!?]{2,70}?)\s*(?:\((?:[A-Za-z][\w .]{0,24})\)\s*)?(?:[-–—]{1,2})\s",
)


def _dateline_end(sentence: _Sentence) -> int:
    """Where a dateline ("ZVEČAN, May 30 (Reuters) -") ends, or 0 when the paragraph has none."""
    if not sentence.paragraph_start:
        return 0
    match = _DATELINE.match(sentence.text)
    if not match:
        return 0
    head = match.group("head")
    letters = [c for c in head.split(",")[0] if c.isalpha()]
    if "(" in match.group() or "," in head or (letters and all(c.isupper() for c in letters)):
        return match.end()
    return 0


def _is_name_part(text: str, place: Place, start: int, end: int) -> bool:
    """Part of a longer name (a person, an office): after another capitalised word ("Command Naples"),
    or, when matched by an alias rather than the place's own name, before one ("Luka Petrović")."""
    previous = re.search(r"([^\W\d_]+)\s$", text[:start])
    if previous and _is_name_word(previous.group(1)):
        return True
    following = re.match(r"\s([^\W\d_]+)", text[end:])
    own_names = {fold(name) for name in place.names}
    return following is not None and _is_name_word(following.group(1)) and fold(text[start:end]) not in own_names


def _is_name_word(word: str) -> bool:
    return word[0].isupper() and not word.isupper() and word.lower() not in _NOT_NAME_WORDS


def _role(sentence: _Sentence, place: Place, start: int, end: int, dateline: int) -> MentionRole:
    before, after = sentence.text[max(0, start - 60) : start], sentence.text[end : end + 60]
    if not place.in_area:
        return "out_of_area"
    checks: tuple[tuple[bool, MentionRole], ...] = (
        (start < dateline, "dateline"),
        (bool(_ORIGIN_BEFORE.search(before)), "origin"),
        (bool(_SEAT_BEFORE.search(before) or _SEAT_AFTER.match(after)), "actor_seat"),
        (_modifies(place, after), "modifier"),
        (_is_name_part(sentence.text, place, start, end), "name_part"),
    )
    return next((role for hit, role in checks if hit), "site")


def _modifies(place: Place, after: str) -> bool:
    """ "Kosovo police", "Pristina authorities": a country, region or capital used as an adjective."""
    broad = place.kind in ("country", "region") or place.id in _CAPITALS
    return broad and bool(_MODIFIED_NOUNS.match(after))


def _mentions(sentence: _Sentence, gazetteer: Gazetteer, dateline: int) -> list[PlaceMention]:
    return [
        PlaceMention(
            place_id=place.id,
            place=place.name_en,
            text=sentence.text[start:end],
            start=sentence.start + start,
            end=sentence.start + end,
            role=_role(sentence, place, start, end, dateline),
            in_area=place.in_area,
        )
        for place, start, end in _find_places(sentence, gazetteer)
    ]


# --- dates -----------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<mon>" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b")
_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})\b")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}\b")
_MONTH_ONLY = re.compile(
    rf"\b(?:(?P<mod>in|since|during|early|late|mid|until|by|last|this|of|before|after|throughout|from)[\s-]+)?"
    rf"{_MONTH}(?![\s,]+\d)\b"
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<mod>last|next|this|coming)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
)
_AGO = re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|a)\s+(?P<unit>days?|weeks?)\s+ago\b", re.I)
_RELATIVE_WORDS = re.compile(
    r"\b(?P<word>the\s+day\s+before\s+yesterday|yesterday|today|tonight|this\s+morning|last\s+night|"
    r"last\s+week|last\s+month|last\s+year)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Date:
    value: date
    basis: DateBasis
    precision: str
    position: int
    inherited: bool = False  # taken from an earlier sentence: a hint, not a fact of this sentence


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _explicit_dates(text: str, published: date) -> Iterator[_Date]:
    for pattern in (_DAY_MONTH, _MONTH_DAY, _NUMERIC, _ISO):
        for match in pattern.finditer(text):
            month = int(match["month"]) if "month" in match.groupdict() else _MONTHS[match["mon"].lower()]
            year = int(match["year"]) if match["year"] else published.year
            value = _safe_date(year, month, int(match["day"]))
            if value and not match["year"] and value > published + timedelta(days=7):
                value = _safe_date(year - 1, month, int(match["day"]))
            if value:
                yield _Date(value, "explicit", "day", match.start())


def _month_dates(text: str, published: date) -> Iterator[_Date]:
    for match in _MONTH_YEAR.finditer(text):
        yield _Date(date(int(match["year"]), _MONTHS[match["mon"].lower()], 1), "explicit", "month", match.start())
    for match in _MONTH_ONLY.finditer(text):
        month = _MONTHS[match["mon"].lower()]
        if (match["mon"] == "May" and not match["mod"]) or re.match(r"\s+(?:19|20)\d{2}", text[match.end() :]):
            continue  # "May" the verb; "April 2023" is handled above
        year = published.year if month <= published.month else published.year - 1
        if match["mod"] == "last" and month == published.month:
            year -= 1
        yield _Date(date(year, month, 1), "relative", "month", match.start())


def _weekday_dates(text: str, published: date) -> Iterator[_Date]:
    for match in _WEEKDAY.finditer(text):
        weekday = _WEEKDAYS.index(match["wd"].lower())
        back = (published.weekday() - weekday) % 7
        if match["mod"] in ("next", "coming"):
            value = published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
        else:
            value = published - timedelta(days=back or (7 if match["mod"] == "last" else 0))
        yield _Date(value, "relative", "day", match.start())


def _relative_dates(text: str, published: date) -> Iterator[_Date]:
    for match in _RELATIVE_WORDS.finditer(text):
        yield _relative_word(" ".join(match["word"].lower().split()), published, match.start())
    for match in _AGO.finditer(text):
        number = _NUMBER_WORDS.get(match["n"].lower(), 1) if not match["n"].isdigit() else int(match["n"])
        days = number * (7 if match["unit"].lower().startswith("week") else 1)
        precision = "week" if match["unit"].lower().startswith("week") else "day"
        yield _Date(published - timedelta(days=days), "relative", precision, match.start())


def _relative_word(word: str, published: date, position: int) -> _Date:
    if word == "last month":
        first = published.replace(day=1) - timedelta(days=1)
        return _Date(first.replace(day=1), "relative", "month", position)
    if word == "last year":
        return _Date(date(published.year - 1, 1, 1), "relative", "year", position)
    if word == "last week":
        return _Date(published - timedelta(days=7), "relative", "week", position)
    days = {"the day before yesterday": 2, "yesterday": 1, "last night": 1}.get(word, 0)
    return _Date(published - timedelta(days=days), "relative", "day", position)


def _dates(text: str, published: date) -> list[_Date]:
    """Every date expression in a sentence, explicit ones first when two start at the same place."""
    found: list[_Date] = []
    taken: list[tuple[int, int]] = []
    for finder in (_explicit_dates, _month_dates, _weekday_dates, _relative_dates):
        for item in finder(text, published):
            if not any(a <= item.position < b for a, b in taken):
                found.append(item)
        taken += [(d.position, d.position + 12) for d in found]
    return sorted(found, key=lambda d: d.position)


# --- triggers, actors and counts -------------------------------------------------

_INCIDENT_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), event_type, sub_type)
    for pattern, event_type, sub_type in (
        (r"\b(?:hand\s+)?grenades?\b(?<!stun grenade)(?<!stun grenades)", "Explosions/Remote violence", "Grenade"),
        (
            r"\b(?:explosions?|explosives?|explod\w*|blasts?|(?<!petrol )bombs?|bombing|IEDs?|landmines?)\b",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        (
            r"\b(?:gunfire|shoot-?outs?|firefights?|exchanges?\s+of\s+fire|gunmen|opened\s+fire|"
            r"armed\s+(?:men|group|attackers)|shots\s+were\s+fired|shooting)\b",
            "Battles",
            "Armed clash",
        ),
        (
            r"\b(?:riots?|rioters?|rioting|clash(?:es|ed)?|molotov|petrol\s+bombs?|tear\s+gas|stun\s+grenades?|hurl\w*|"
            r"thr(?:ew|owing)\s+(?:rocks|stones|bottles)|force\s+their\s+way|stormed|violent\s+protests?)\b",
            "Riots",
            "Violent demonstration",
        ),
        (
            r"\b(?:protests?|protest(?:ed|ing|ers|ors)|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|"
            r"barricades?|blockades?|roadblocks?|block(?:ed|ing)\s+(?:the\s+)?(?:main\s+)?(?:roads?|crossings?|bridge)|gather(?:ed|ing))\b",
            "Protests",
            "Peaceful protest",
        ),
        (r"\b(?:arrest(?:ed|s)?|detain(?:ed|s)?|apprehended)\b", "Strategic developments", "Arrests"),
        (
            r"\b(?:set\s+(?:on\s+)?fire|torched|arson|burn(?:ed|t)\s+(?:down)?|vandali[sz]ed|looted|damaged)\b",
            "Strategic developments",
            "Looting/property destruction",
        ),
        (r"\b(?:abduct(?:ed|ion)|kidnapp(?:ed|ing))\b", "Violence against civilians", "Abduction/forced disappearance"),
        (
            r"\b(?:attack(?:ed|s)?|beaten|assault(?:ed)?|stabbed|shot\s+(?:and\s+)?(?:wounded|injured|dead|killed)|"
            r"shot\s+at)\b",
            "Violence against civilians",
            "Attack",
        ),
        (
            r"\b(?:injur(?:ed|ies|y)|wounded|hurt|killed|dead)\b",
            "Violence against civilians",
            "Attack",
        ),
    )
)
_WEAK_INCIDENT = re.compile(r"\b(?:violence|unrest|incidents?|violent)\b", re.IGNORECASE)
_IDIOMS = re.compile(r"\bin\s+protest\s+(?:at|against|over)\b|\bprotest\s+notes?\b", re.IGNORECASE)
_DEPLOYMENT_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"\bpatroll?(?:ed|ing)\b|\bon\s+patrol\b|\b(?:increased|stepped[\s-]up|more|joint)\s+patrols\b", "patrol"),
        (
            r"\b(?:st(?:ood|and|anding)\s+guard|guard(?:ed|ing|s)?|secur(?:ed|ing)|cordon(?:ed)?|barriers?|"
            r"took\s+up\s+positions|checkpoints?)\b",
            "guard_post",
        ),
        (r"\b(?:set\s+up|opened|established|new)\s+(?:a\s+)?(?:military\s+)?(?:base|camp)\b", "base"),
        (
            r"\b(?:deploy(?:s|ed|ing|ment)?|reinforc\w*|send(?:s|ing)?|sent|dispatch\w*|"
            r"additional\s+(?:troops|forces|soldiers)|more\s+(?:troops|soldiers)|arriv(?:ed|ing))\b",
            "reinforcement",
        ),
        (r"\b(?:high(?:est)?\s+alert|on\s+alert|combat\s+readiness|state\s+of\s+alert)\b", "alert"),
    )
)
_FORCE_NOUN = re.compile(
    r"\b(?:troops|soldiers|forces|police|KFOR|NATO|EULEX|units?|battalions?|peacekeep\w*|army|gendarmerie|"
    r"ROSU|officers|reservists|contingent)\b",
    re.IGNORECASE,
)
_ACTORS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(pattern))
    for label, pattern in (
        ("KFOR", r"\bKFOR\b|\b(?:NATO['’]s\s+)?Kosovo\s+Force\b|\bNATO-led\s+\w+|\b[Pp]eacekeep(?:ers|ing)\b"),
        ("NATO", r"\bNATO\b(?!-led|['’]s\s+Kosovo\s+Force)"),
        ("EULEX", r"\bEULEX\b"),
        ("Police Forces of Serbia", r"\bSerbi(?:an|a['’]s)\s+police\b"),
        ("Military Forces of Serbia", r"\bSerbi(?:an|a['’]s)\s+(?:army|armed\s+forces|troops|military|soldiers)\b"),
        ("Police Forces of Kosovo", r"(?<!Serbian )\b(?:[Pp]olice|ROSU)\b"),
        ("Unidentified Armed Group", r"\b(?:gunmen|armed\s+men|masked\s+men|unknown\s+attackers|assailants)\b"),
        ("Unidentified Group", r"\b(?:[Uu]nknown|[Uu]nidentified)\s+(?:people|persons|perpetrators|individuals)\b"),
        ("Protesters", r"\b[Pp]rotest(?:ers|ors)\b|\b[Dd]emonstrators\b|\bcrowds?\b"),
        ("Rioters", r"\b[Rr]ioters\b"),
        ("Kosovo Serbs", r"\bSerbs\b"),
    )
)
_FORCES = {"Police Forces of Kosovo": "Kosovo Police", "Military Forces of Serbia": "Serbian Armed Forces"}
_FORCE_ACTORS = (
    "NATO",
    "KFOR",
    "EULEX",
    "Police Forces of Kosovo",
    "Military Forces of Serbia",
    "Police Forces of Serbia",
)


_NATIONS = {
    "Polish": "Poland",
    "Italian": "Italy",
    "American": "United States",
    "US": "United States",
    "German": "Germany",
    "Turkish": "Turkey",
    "Hungarian": "Hungary",
    "Austrian": "Austria",
    "Swiss": "Switzerland",
    "Romanian": "Romania",
    "British": "United Kingdom",
    "French": "France",
    "Slovenian": "Slovenia",
    "Croatian": "Croatia",
    "Greek": "Greece",
    "Danish": "Denmark",
    "Moldovan": "Moldova",
}
_NATION = re.compile(
    r"\b(?P<adj>" + "|".join(_NATIONS) + r")\s+(?:KFOR\s+|NATO\s+)?"
    r"(?:troops|soldiers|peacekeepers|contingent|forces|units?|battalion|military\s+police|commandos)\b"
)

_UNITS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
)
_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
_NUMBER_WORDS = {word: n for n, word in enumerate(_UNITS)} | {word: 20 + 10 * n for n, word in enumerate(_TENS)}
_SCALES = {"hundred": 100, "thousand": 1000}
_NUMBER_WORD = "|".join([*_NUMBER_WORDS, *_SCALES, "dozen", r"a(?=\s+(?:dozen|hundred|thousand)\b)"])
_COUNTED = (
    r"soldiers|troops|peacekeepers|protesters|protestors|demonstrators|people|persons|police\s+officers|policemen|"
    r"officers|civilians|Serbs|Albanians|members|men|women|children|journalists|attackers|gunmen|servicemen|"
    r"personnel|reservists|rioters|suspects|individuals|citizens|residents|police|commandos"
)
_COUNT = re.compile(
    r"(?P<qual>more\s+than|over|at\s+least|some|about|around|nearly|almost|up\s+to|roughly|approximately)?\s*"
    rf"\b(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}|and))*)"
    rf"(?P<mods>(?:\s+(?!and\b|or\b)[\w'’-]+){{0,3}}?)\s+(?P<noun>{_COUNTED})\b"
    r"(?:\s+of\s+(?P<of>[\w'’ -]{1,40}))?",
    re.IGNORECASE,
)
_STRONG = re.compile(r"\b(?P<num>\d{1,3}(?:,\d{3})*|\d+)-strong\b")
_COUNT_KIND_WORDS = re.compile(
    r"\b(?P<injured>injur\w*|wounded|hurt|hospitali[sz]ed)\b|\b(?P<killed>killed|dead|died|deaths?|fatalit\w+)\b|"
    r"\b(?P<arrested>arrest\w*|detain\w*|apprehended|custody)\b|"
    r"\b(?P<troops>deploy\w*|send\w*|sent|reinforc\w*|dispatch\w*|arriv\w*|additional|more)\b",
    re.IGNORECASE,
)
_TROOP_NOUNS = frozenset({"soldiers", "troops", "peacekeepers", "servicemen", "personnel", "reservists", "commandos"})
_SIDE_OF_NOUN = {
    "protesters": "protesters",
    "protestors": "protesters",
    "demonstrators": "protesters",
    "rioters": "protesters",
    "police": "police",
    "policemen": "police",
    "police officers": "police",
    "officers": "police",
    "serbs": "Serbs",
    "albanians": "Albanians",
    "civilians": "civilians",
    "journalists": "journalists",
    "gunmen": "gunmen",
    "attackers": "gunmen",
}
_ACTOR_SIDES = {"Police Forces of Kosovo": "police", "Police Forces of Serbia": "Serbian police"}
_PARENTHESES = re.compile(r"\([^()]*\)")


def _parse_number(words: str) -> int | None:
    """Digits or English number words ("seven hundred", "twenty-five", "a dozen") as an int."""
    cleaned = words.replace(",", "")
    if cleaned.isdigit():
        return int(cleaned)
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in _NUMBER_WORDS:
            current += _NUMBER_WORDS[word]
        elif word == "dozen":
            current = max(current, 1) * 12
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if word == "thousand":
                total, current = total + current, 0
        elif word == "a":
            current = max(current, 1)
    value = total + current
    return value or None


def _nearest_kind(text: str, start: int, end: int, noun: str) -> str | None:
    best: tuple[int, str] | None = None
    for match in _COUNT_KIND_WORDS.finditer(text):
        kind = match.lastgroup or ""
        distance = match.start() - end if match.start() >= end else start - match.end()
        if kind == "troops" and noun.lower() not in _TROOP_NOUNS:
            continue
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else None


def _side(mods: str, of: str, noun: str) -> str:
    for phrase in (mods, of):
        actor = next((label for label, pattern in _ACTORS if pattern.search(phrase or "")), None)
        if actor and actor not in ("Protesters", "Rioters", "Kosovo Serbs"):
            return _ACTOR_SIDES.get(actor, actor)
    return _SIDE_OF_NOUN.get(" ".join(noun.lower().split()), "")


def _counts(text: str) -> list[Count]:
    """Figures with what they count: "more than 52 protesters … suffered injuries" -> injured:protesters=52+."""
    plain = _PARENTHESES.sub(lambda m: " " * len(m.group()), text)
    counts = []
    for match in _COUNT.finditer(plain):
        value = _parse_number(match["num"].strip())
        if value is None or re.match(r"\s*(?:%|per\s*cent|percent)", plain[match.end("num") :]):
            continue
        kind = _nearest_kind(plain, match.start(), match.end(), match["noun"])
        if kind:
            at_least = bool(match["qual"]) and match["qual"].lower().split()[0] in ("more", "over", "at")
            counts.append(Count(kind, _side(match["mods"], match["of"] or "", match["noun"]), value, at_least))
    for match in _STRONG.finditer(plain):
        counts.append(Count("troops", "", int(match["num"].replace(",", "")), False))
    return counts


def _actors(text: str) -> tuple[str, ...]:
    found = sorted((m.start(), label) for label, pattern in _ACTORS for m in [pattern.search(text)] if m)
    return _tidy_actors(label for _, label in found)


def _tidy_actors(labels: Iterable[str]) -> tuple[str, ...]:
    """ "Protesters" and "Kosovo Serbs" in one event become "Protesters (Kosovo Serbs)"."""
    ordered = list(dict.fromkeys(labels))
    if "Kosovo Serbs" in ordered:
        for crowd in ("Rioters", "Protesters"):
            if crowd in ordered:
                ordered[ordered.index(crowd)] = f"{crowd} (Kosovo Serbs)"
                ordered.remove("Kosovo Serbs")
                break
    named = [a for a in ordered if a.endswith("(Kosovo Serbs)")]
    return tuple(a for a in dict.fromkeys(ordered) if not any(n.startswith(a + " ") for n in named))


# --- per-sentence facts and raw candidates ---------------------------------------


_INHERIT_WINDOW = 3  # sentences: how far back an undated sentence looks for its date
_RELATIVE_CLAUSE = re.compile(r",\s+(?:where|when|which|who|whose)\b[^,;]*")


@dataclass(frozen=True)
class _Facts:
    number: int
    sentence: _Sentence
    mentions: tuple[PlaceMention, ...]
    dates: tuple[_Date, ...]
    inherited: _Date | None


@dataclass(frozen=True)
class _Raw:
    """One sentence's claim about one event (place None: the sentence names no site)."""

    kind: CandidateKind
    subtype: str  # event type for incidents, deployment kind for deployments
    sub_event_type: str | None
    rule: int  # which trigger rule fired: lower is more specific
    place: Place | None
    when: _Date
    actors: tuple[str, ...]
    counts: tuple[Count, ...]
    nations: tuple[str, ...]
    evidence: Evidence
    sentence: int


def _facts(sentences: list[_Sentence], published: date, gazetteer: Gazetteer) -> list[_Facts]:
    """Per sentence: places, dates (a dateline's own date left out) and the date it may inherit."""
    result: list[_Facts] = []
    anchor: tuple[int, _Date] | None = None  # the latest prose sentence with a past day-precision date
    prose = 0
    for number, sentence in enumerate(sentences):
        dateline = _dateline_end(sentence)
        dates = tuple(_dates(" " * dateline + sentence.text[dateline:], published))
        inherited = anchor[1] if anchor and prose - anchor[0] <= _INHERIT_WINDOW else None
        mentions = tuple(_mentions(sentence, gazetteer, dateline))
        result.append(_Facts(number, sentence, mentions, dates, inherited))
        day = next((d for d in dates if d.precision == "day" and d.value <= published), None)
        if sentence.prose:
            anchor = (prose, day) if day else anchor
            prose += 1
    return result


def _clause(position: int, spans: list[tuple[int, int]]) -> int:
    return next((number for number, (start, end) in enumerate(spans) if start <= position < end), -1)


def _date_for(facts: _Facts, position: int, published: date) -> _Date:
    """The date nearest the trigger that it can see: a relative clause keeps its dates to itself ("…, where
    clashes left dozens injured on 29 May"). A sentence without dates inherits a recent one; else publication."""
    spans = [m.span() for m in _RELATIVE_CLAUSE.finditer(facts.sentence.text)]
    own = _clause(position, spans)
    here = [d for d in facts.dates if _clause(d.position, spans) in (own, -1)]
    if here:
        return min(here, key=lambda d: abs(d.position - position))
    if facts.dates or facts.inherited is None:
        return _Date(published, "publication", "day", 0)
    return replace(facts.inherited, inherited=True)


def _sites(facts: _Facts, gazetteer: Gazetteer) -> list[Place]:
    """In-area sites of a sentence; a coarse one (Kosovo) drops out when a finer one is named."""
    places = [gazetteer.get(m.place_id) for m in facts.mentions if m.role == "site"]
    unique = list({p.id: p for p in places if p is not None}.values())
    finest = min((_coarseness(p) for p in unique), default=0)
    return [p for p in unique if _coarseness(p) == finest]


def _coarseness(place: Place) -> int:
    return _COARSE_KINDS.get(place.kind, 0)


def _incident_type(text: str) -> tuple[str, str, int, int] | None:
    cleaned = _IDIOMS.sub(" ", text)
    for rule, (pattern, event_type, sub_type) in enumerate(_INCIDENT_RULES):
        match = pattern.search(cleaned)
        if match:
            return event_type, sub_type, match.start(), rule
    return None


def _deployment_kind(text: str) -> tuple[str, int] | None:
    if not _FORCE_NOUN.search(text):
        return None
    for pattern, kind in _DEPLOYMENT_RULES:
        match = pattern.search(text)
        if match:
            return kind, match.start()
    return None


@dataclass(frozen=True)
class _Claim:
    """What one sentence says happened, before it is tied to places and a date."""

    kind: CandidateKind
    subtype: str
    sub_event_type: str | None
    rule: int
    position: int  # of the trigger word, to pick the date nearest it
    counts: tuple[Count, ...]
    anchored: bool  # False: only adds to an event named nearby


def _claims(text: str) -> list[_Claim]:
    counts = tuple(_counts(text))
    casualties = _only(counts, exclude="troops")
    claims = []
    incident = _incident_type(text)
    if incident:
        event_type, sub_type, position, rule = incident
        claims.append(_Claim("incident", event_type, sub_type, rule, position, casualties, True))
    elif _WEAK_INCIDENT.search(text) or casualties:
        claims.append(_Claim("incident", "", None, _NO_RULE, 0, casualties, False))
    deployment = _deployment_kind(text)
    if deployment:
        kind, position = deployment
        claims.append(_Claim("deployment", kind, None, 0, position, _only(counts, keep="troops"), True))
    return claims


def _raws(facts: _Facts, published: date, gazetteer: Gazetteer) -> list[_Raw]:
    text = facts.sentence.text
    evidence = Evidence(text, facts.sentence.start, facts.sentence.start + len(text))
    sites: list[Place | None] = list(_sites(facts, gazetteer)) or [None]
    actors = _actors(text)
    nations = tuple(dict.fromkeys(_NATIONS[m["adj"]] for m in _NATION.finditer(text)))
    return [
        _Raw(
            kind=claim.kind,
            subtype=claim.subtype,
            sub_event_type=claim.sub_event_type,
            rule=claim.rule,
            place=place,
            when=_date_for(facts, claim.position, published),
            actors=actors,
            counts=claim.counts,
            nations=nations,
            evidence=evidence,
            sentence=facts.number,
        )
        for claim in _claims(text)
        for place in (sites if claim.anchored else [None])
    ]


def _only(counts: tuple[Count, ...], keep: str | None = None, exclude: str | None = None) -> tuple[Count, ...]:
    return tuple(c for c in counts if (keep is None or c.kind == keep) and c.kind != exclude)


# --- merging sentences into events -----------------------------------------------

_BASIS_RANK = {"explicit": 0, "relative": 1, "publication": 2}
_CASUALTY_RULE = len(_INCIDENT_RULES) - 1  # a bare "injured"/"killed": the least specific trigger
_RIOTS_RULE = next(n for n, rule in enumerate(_INCIDENT_RULES) if rule[1] == "Riots")
_NO_RULE = len(_INCIDENT_RULES)
_ATTACH_WINDOW = 4  # a sentence without a site adds to an event named at most this many sentences before


@dataclass
class _Event:
    raws: list[_Raw]

    @property
    def head(self) -> _Raw:
        """The raw that gives the event its place: the finest place, then the best-founded date."""
        anchored = [r for r in self.raws if r.place is not None]
        return min(anchored, key=lambda r: (_coarseness(r.place), *_date_rank(r.when), r.sentence))  # type: ignore[arg-type]

    @property
    def when(self) -> _Date:
        return min((r.when for r in self.raws if r.place is not None), key=_date_rank)

    @property
    def last_sentence(self) -> int:
        return max(r.sentence for r in self.raws)


def _date_rank(when: _Date) -> tuple[bool, int]:
    """Dates found in a sentence before inherited ones; explicit before relative before publication."""
    return when.inherited, _BASIS_RANK[when.basis]


def _contains(outer: Place, inner: Place) -> bool:
    if outer.id == inner.id:
        return True
    if outer.kind == "country":
        return inner.in_area and inner.country == outer.country
    if outer.kind == "region":
        return inner.municipality in _NORTH or inner.id in _NORTH
    return outer.kind == "municipality" and inner.municipality == outer.id


def _dates_agree(first: _Date, second: _Date) -> bool:
    loose = first.inherited or second.inherited or "publication" in (first.basis, second.basis)
    return loose or first.value == second.value


def _same_kind(event: _Event, raw: _Raw) -> bool:
    head = event.raws[0]
    return head.kind == raw.kind and (raw.kind == "incident" or head.subtype == raw.subtype)


def _fits(event: _Event, raw: _Raw) -> bool:
    if not _same_kind(event, raw) or raw.place is None:
        return False
    place = event.head.place
    assert place is not None
    return _dates_agree(event.when, raw.when) and (_contains(place, raw.place) or _contains(raw.place, place))


def _attach_target(events: list[_Event], raw: _Raw) -> _Event | None:
    for event in reversed(events):
        recent = raw.sentence - event.last_sentence <= _ATTACH_WINDOW
        if _same_kind(event, raw) and recent and _dates_agree(event.when, raw.when):
            return event
    return None


def _merge_target(events: list[_Event], raw: _Raw) -> _Event | None:
    return next((e for e in events if _fits(e, raw)), None)


def _cluster(raws: list[_Raw]) -> list[_Event]:
    """Sentences in text order: a site's claim merges with a fitting event or starts one; a floating one attaches."""
    events: list[_Event] = []
    for raw in raws:
        target = _attach_target(events, raw) if raw.place is None else _merge_target(events, raw)
        if target is not None:
            target.raws.append(raw)
        elif raw.place is not None and raw.subtype:
            events.append(_Event([raw]))
    return events


def _merged_counts(raws: list[_Raw]) -> tuple[Count, ...]:
    best: dict[tuple[str, str], Count] = {}
    for count in (c for r in raws for c in r.counts):
        key = (count.kind, count.side)
        known = best.get(key)
        if known is None or (count.value, count.at_least) > (known.value, known.at_least):
            best[key] = count
    return tuple(best.values())


def _event_actors(kind: CandidateKind, raws: list[_Raw]) -> tuple[str, ...]:
    """Incidents: everyone named, KFOR standing for NATO, crowds and armed groups first; deployments: the forces."""
    actors = _tidy_actors(a for r in raws for a in r.actors)
    if kind == "deployment":
        return tuple(a for a in actors if a in _FORCE_ACTORS)
    kept = [a for a in actors if a != "NATO" or "KFOR" not in actors]
    return tuple(sorted(kept, key=lambda a: a in _FORCE_ACTORS))  # crowds and armed groups first, as ACLED's actor1


def _typed(raws: list[_Raw]) -> _Raw:
    """The raw whose type the event takes: the most specific trigger in a sentence naming the site;
    a bare casualty word there gives way to a specific trigger in a sentence without a site."""
    return min(raws, key=lambda r: (_type_tier(r), r.rule))


def _type_tier(raw: _Raw) -> int:
    if raw.place is not None and raw.rule != _CASUALTY_RULE:
        return 0
    if raw.place is None and raw.rule <= _RIOTS_RULE:
        return 1
    return 2 if raw.place is not None else 3


def _candidate(event: _Event) -> Candidate:
    head, when = event.head, event.when
    assert head.place is not None
    best = _typed(event.raws) if head.kind == "incident" else head
    support = [r.evidence for r in sorted(event.raws, key=lambda r: r.sentence) if r.evidence != head.evidence]
    return Candidate(
        kind=head.kind,
        date=when.value,
        date_basis=when.basis,
        date_precision=when.precision,
        place_id=head.place.id,
        place=head.place.name_en,
        lat=head.place.lat,
        lon=head.place.lon,
        event_type=best.subtype if head.kind == "incident" else None,
        sub_event_type=best.sub_event_type if head.kind == "incident" else None,
        deployment_kind=head.subtype if head.kind == "deployment" else None,
        actors=_event_actors(head.kind, event.raws),
        counts=_merged_counts(event.raws),
        evidence=head.evidence,
        support=tuple(dict.fromkeys(support)),
        nations=tuple(dict.fromkeys(n for r in event.raws for n in r.nations)),
    )


# --- the public entry points -----------------------------------------------------


def extract(text: str, published: date, gazetteer: Gazetteer) -> Extraction:
    """Candidate incidents and deployments in an article, and the places it names but that are not mapped."""
    facts = _facts(_sentences(text), published, gazetteer)
    events = _cluster([raw for f in facts if f.sentence.prose for raw in _raws(f, published, gazetteer)])
    candidates = sorted((_candidate(e) for e in events), key=lambda c: (c.date, c.kind, c.evidence.start))
    mentions = [m for f in facts for m in f.mentions]
    outside = list({m.place_id: m for m in reversed(mentions) if not m.in_area}.values())[::-1]
    return Extraction(candidates=candidates, out_of_area=outside, mentions=mentions)


def _row_id(prefix: str, candidate: Candidate, source: dict[str, str]) -> str:
    title = source.get("title", "")
    digest = hashlib.sha1(
        "|".join((candidate.kind, candidate.type, candidate.place_id, str(candidate.evidence.start), title)).encode()
    ).hexdigest()[:6]
    return f"{prefix}-{candidate.date.isoformat()}-{slug(candidate.place)}-{digest}"


def _source_columns(source: dict[str, str]) -> dict[str, str]:
    return {f"source_{key}": str(source.get(key, "") or "") for key in ("publisher", "title", "date", "url")}


def _summary(candidate: Candidate) -> str:
    return " ".join(candidate.evidence.text.split())[:500]


def _count_columns(counts: tuple[Count, ...]) -> dict[str, str]:
    """Totals per kind ("82+"), and the split by side only when every figure of that kind has a side."""
    columns, details = {}, []
    for kind in ("injured", "killed", "arrested"):
        of_kind = [c for c in counts if c.kind == kind]
        total = sum(c.value for c in of_kind)
        plus = "+" if any(c.at_least for c in of_kind) else ""
        columns[kind] = f"{total}{plus}" if of_kind else ""
        if of_kind and all(c.side for c in of_kind):
            details += [f"{kind}:{c.side}={c.value}{'+' if c.at_least else ''}" for c in of_kind]
    columns["counts_detail"] = ";".join(details)
    return columns


def _incident_row(candidate: Candidate, source: dict[str, str]) -> dict[str, str]:
    actors = [*candidate.actors, "", ""]
    return {
        "id": _row_id("inc", candidate, source),
        "date": candidate.date.isoformat(),
        "end_date": "",
        "date_precision": candidate.date_precision,
        "event_type": candidate.event_type or "",
        "sub_event_type": candidate.sub_event_type or "",
        "actor1": actors[0],
        "actor2": actors[1],
        "place_id": candidate.place_id,
        "lat": "",
        "lon": "",
        "location_precision": "",
        "municipality": "",
        **_count_columns(candidate.counts),
        "summary": _summary(candidate),
        "source_ids": "",
        **_source_columns(source),
    }


def _deployment_row(candidate: Candidate, source: dict[str, str]) -> dict[str, str]:
    force = next((a for a in candidate.actors if a in _FORCE_ACTORS), "KFOR")
    troops = [c for c in candidate.counts if c.kind == "troops"]
    strength = max(troops, key=lambda c: c.value) if troops else None
    return {
        "id": _row_id("dep", candidate, source),
        "force": _FORCES.get(force, force),
        "unit": "",
        "nations": ";".join(candidate.nations),
        "strength": f"{strength.value}{'+' if strength.at_least else ''}" if strength else "",
        "kind": candidate.deployment_kind or "",
        "place_id": candidate.place_id,
        "lat": "",
        "lon": "",
        "location_precision": "",
        "municipality": "",
        "start_date": candidate.date.isoformat(),
        "end_date": "",
        "summary": _summary(candidate),
        "source_ids": "",
        **_source_columns(source),
    }


def to_rows(
    candidates: Iterable[Candidate], source: dict[str, str]
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Incidents and deployments rows in the CSV schema of data/README.md, citing `source` inline.

    `source` has `publisher`, `title` and optionally `date` (YYYY-MM-DD) and `url`. Ids are stable
    for one candidate of one article, so saving the same candidate twice is caught as a duplicate.
    """
    incidents, deployments = [], []
    for candidate in candidates:
        if candidate.kind == "incident":
            incidents.append(_incident_row(candidate, source))
        else:
            deployments.append(_deployment_row(candidate, source))
    return incidents, deployments
