"""Reported figures and the actors of a sentence: "more than 52 protesters … injured" -> injured:protesters=52+.

A count is a number (digits or words) followed within a few words by a counted noun ("soldiers",
"pripadnika", "ushtarë"). What it counts (injured, killed, arrested, troops) is the nearest kind
word in the count's own part of the sentence ("three gunmen were killed | after 30 attackers
stormed the village": the 30 were not killed); a sentence that gives figures and no kind word,
figures that add up to no more than the one before, breaks that one down ("At least 80 people
were hurt. More than 50 protesters and 25 soldiers."). Whose figure it is comes from the noun or from an actor named
right after it ("of KFOR", "KFOR-a", "të KFOR-it"). Kind words are found once per sentence and
looked up by position, so the work stays linear in the sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from geo.extract.language import Language
from geo.extract.numbers import NumberWords, number_words, parse_number
from geo.extract.records import Count

__all__ = ["actors_in", "counts_in", "nations_in", "tidy_actors"]

_PARENTHESES = re.compile(r"\([^()]*\)")
_CROWDS = ("Rioters", "Protesters")
_ACTOR_SIDES = {"Police Forces of Kosovo": "police", "Police Forces of Serbia": "Serbian police"}
_NOT_SIDES = frozenset({"Protesters", "Rioters", "Kosovo Serbs"})


@dataclass(frozen=True)
class _Rules:
    count: re.Pattern[str]
    strong: re.Pattern[str]
    percent: re.Pattern[str]
    kinds: re.Pattern[str]
    troop_nouns: re.Pattern[str]
    at_least: re.Pattern[str]
    segment: re.Pattern[str]
    conjunction: re.Pattern[str]
    standalone: re.Pattern[str]
    sides: tuple[tuple[re.Pattern[str], str], ...]
    actors: tuple[tuple[str, re.Pattern[str]], ...]
    nations: re.Pattern[str] | None
    nation_names: tuple[tuple[re.Pattern[str], str], ...]
    numbers: NumberWords


@lru_cache(maxsize=16)
def _rules(language: Language) -> _Rules:
    section = language.section("counts")
    numbers = number_words(language)
    words = numbers.alternation
    number = rf"\d{{1,3}}(?:[,.]\d{{3}})+|\d+|(?:{words})(?:[\s-]+(?:{words}|{_joiners(numbers)}))*"
    count = re.compile(
        rf"(?P<qual>\b(?:{section['qualifier']}))?\s*\b(?P<num>{number})"
        rf"(?P<mods>{section['modifiers']})\s+(?P<noun>{section['counted']})\b(?:{section.get('of', '(?!)')})?",
        re.IGNORECASE,
    )
    return _Rules(
        count=count,
        strong=re.compile(section.get("strong", "(?!)")),
        percent=re.compile(section.get("percent", "(?!)"), re.IGNORECASE),
        kinds=re.compile(section["kinds"], re.IGNORECASE),
        troop_nouns=re.compile(section["troop_nouns"], re.IGNORECASE),
        at_least=re.compile(section["at_least"]),
        segment=re.compile(section.get("segment", "(?!)")),
        conjunction=re.compile(section.get("conjunction", "(?!)")),
        standalone=re.compile(rf"(?P<num>\b(?:{section['standalone']})\b)" if "standalone" in section else "(?!)"),
        sides=tuple((re.compile(p, re.IGNORECASE), side) for p, side in section.get("sides", {}).items()),
        actors=tuple((a["label"], re.compile(a["pattern"])) for a in language.data.get("actors", [])),
        nations=_nations(language),
        nation_names=tuple((re.compile(p), n) for p, n in language.section("nations").get("names", {}).items()),
        numbers=numbers,
    )


def _joiners(numbers: NumberWords) -> str:
    return "|".join(re.escape(word) for word in sorted(numbers.joiners)) or "(?!)"


def _nations(language: Language) -> re.Pattern[str] | None:
    section = language.section("nations")
    names = section.get("names", {})
    if not names:
        return None
    adjectives = "|".join(f"(?:{name})" for name in names)
    return re.compile(section["pattern"].replace("{names}", adjectives))


_KindIndex = tuple[list[int], list[tuple[int, int, str]]]


def _kind_index(text: str, rules: _Rules) -> _KindIndex:
    """Kind words of a sentence, sorted by position, and their starts for bisecting."""
    words = [(m.start(), m.end(), m.lastgroup or "") for m in rules.kinds.finditer(text)]
    return [w[0] for w in words], words


def _nearest_kind(
    kinds: _KindIndex, span: tuple[int, int], troops: bool, bounds: tuple[int, int], text: str, rules: _Rules
) -> str | None:
    """The kind word closest to a count within its part of the sentence; "troops" only for a noun that counts
    soldiers. A word before the count wins a tie, as reading order suggests, unless a conjunction stands
    between them and a word follows ("one officer died and three cops sustained injuries")."""
    start, end = span
    starts, words = kinds
    found: dict[int, tuple[int, int, str]] = {}  # step -> (distance, word start, kind)
    at = bisect.bisect_left(starts, end)
    for step in (-1, 1):
        i = at if step == 1 else at - 1
        while 0 <= i < len(words) and bounds[0] <= words[i][0] < bounds[1]:
            word_start, word_end, kind = words[i]
            if kind != "troops" or troops:
                distance = word_start - end if word_start >= end else max(0, start - word_end)
                found[step] = (distance, word_end, kind)
                break
            i += step
    before, after = found.get(-1), found.get(1)
    if before and after and rules.conjunction.search(text[before[1] : start]):
        return after[2]
    best = min((b for b in (before, after) if b), key=lambda b: b[0], default=None)
    return best[2] if best else None


def _side(mods: str, of: str, noun: str, rules: _Rules) -> str:
    for phrase in (mods, of):
        actor = next((label for label, pattern in rules.actors if pattern.search(phrase or "")), None)
        if actor and actor not in _NOT_SIDES:
            return _ACTOR_SIDES.get(actor, actor)
    cleaned = " ".join(noun.split())
    return next((side for pattern, side in rules.sides if pattern.fullmatch(cleaned)), "")


def _bounds(segments: list[int], position: int, length: int) -> tuple[int, int]:
    """The part of the sentence (between subordinating words) that holds `position`."""
    at = bisect.bisect_right(segments, position)
    return (segments[at - 1] if at else 0, segments[at] if at < len(segments) else length)


def counts_in(text: str, language: Language, before: Count | None = None) -> list[Count]:
    """Figures with what they count, as reported in one sentence; `before` is the last figure of the sentence
    before, which a sentence with no kind word of its own may break down."""
    rules = _rules(language)
    plain = _PARENTHESES.sub(lambda m: " " * len(m.group()), text)
    kinds = _kind_index(plain, rules)
    segments = [m.start() for m in rules.segment.finditer(plain)]
    counts: list[Count] = []
    unkinded: list[Count] = []
    for match in rules.count.finditer(plain):
        value = parse_number(match["num"].strip(), rules.numbers)
        if value is None or rules.percent.match(plain, match.end("num")):
            continue
        troops = bool(rules.troop_nouns.fullmatch(" ".join(match["noun"].split())))
        bounds = _bounds(segments, match.start(), len(plain))
        kind = _nearest_kind(kinds, match.span(), troops, bounds, plain, rules)
        at_least = bool(match["qual"]) and bool(rules.at_least.match(match["qual"]))
        side = _side(match["mods"], match.groupdict().get("of") or "", match["noun"], rules)
        (counts if kind else unkinded).append(Count(kind or "", side, value, at_least))
    counts += _breakdown(unkinded, before) if not kinds[1] else []
    counts += _standalone(plain, kinds, segments, rules, {c.value for c in counts})
    for match in rules.strong.finditer(plain):
        counts.append(Count("troops", "", int(re.sub(r"\D", "", match["num"])), False))
    return counts


def _breakdown(parts: list[Count], total: Count | None) -> list[Count]:
    if total is None or not parts or sum(c.value for c in parts) > total.value:
        return []
    return [replace(c, kind=total.kind) for c in parts]


def _standalone(text: str, kinds: _KindIndex, segments: list[int], rules: _Rules, seen: set[int]) -> list[Count]:
    """Collective numerals that are their own noun: "trojica lakše povređena" (three men, lightly hurt)."""
    counts = []
    for match in rules.standalone.finditer(text):
        value = parse_number(match["num"], rules.numbers)
        bounds = _bounds(segments, match.start(), len(text))
        kind = _nearest_kind(kinds, match.span(), False, bounds, text, rules)
        if value and kind and value not in seen:
            counts.append(Count(kind, "", value, False))
    return counts


def actors_in(text: str, language: Language) -> tuple[str, ...]:
    """Actor labels named in a sentence, in text order."""
    rules = _rules(language)
    found = sorted((m.start(), label) for label, pattern in rules.actors for m in [pattern.search(text)] if m)
    return tidy_actors(label for _, label in found)


def nations_in(text: str, language: Language) -> tuple[str, ...]:
    """Countries whose contingents a sentence names ("Polish troops" -> Poland)."""
    rules = _rules(language)
    if rules.nations is None:
        return ()
    found = []
    for match in rules.nations.finditer(text):
        found += [nation for pattern, nation in rules.nation_names if pattern.fullmatch(match["adj"])]
    return tuple(dict.fromkeys(found))


def tidy_actors(labels: Iterable[str]) -> tuple[str, ...]:
    """ "Protesters" and "Kosovo Serbs" in one event become "Protesters (Kosovo Serbs)"."""
    ordered = list(dict.fromkeys(labels))
    if "Kosovo Serbs" in ordered:
        for crowd in _CROWDS:
            if crowd in ordered:
                ordered[ordered.index(crowd)] = f"{crowd} (Kosovo Serbs)"
                ordered.remove("Kosovo Serbs")
                break
    named = [a for a in ordered if a.endswith("(Kosovo Serbs)")]
    return tuple(a for a in dict.fromkeys(ordered) if not any(n.startswith(a + " ") for n in named))
