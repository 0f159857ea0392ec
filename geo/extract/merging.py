"""Merging sentences into events (geo.extract.proposals makes them candidates).

Raw claims come in text order (geo.extract.events). A claim at a site merges with a recent event
of its kind whose place nests with its own (Kosovo ⊃ North Kosovo ⊃ Zvečan) and whose date agrees,
or starts an event; a claim with no site attaches to the latest event of its kind, or waits for
the next one; an untyped claim at a precise place makes a coarse event precise. Each event keeps
its head (finest place, best-founded date) as claims join, and merging looks back over a bounded
number of events, so the work stays linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from geo.extract.dates import DateMention
from geo.extract.events import Raw, coarseness
from geo.extract.roles import lies_in, locates
from geo.gazetteer import Place

__all__ = ["KIN", "Event", "Located", "cluster"]

Located = frozenset[tuple[str, str]]  # (town, place in it) as the article locates them
_BASIS_RANK = {"explicit": 0, "relative": 1, "publication": 2}
_ATTACH_WINDOW = 4  # a sentence without a site adds to an event named at most this many sentences before
_RECENT_EVENTS = 200  # merging looks back over this many events: no real article has more
_KIN_WINDOW = 2  # sentences: kin types at nested places are one event only when told this close
_WAITING = 2  # a claim without a place, before any event, joins the first event named this few sentences later
_ECHO_WINDOW = 2  # sentences: an untyped claim at a new site repeats an event told at most this many before


@dataclass
class Event:
    """Raw claims about one event; its head, date and last sentence are kept up to date as raws join."""

    raws: list[Raw]
    coarse: list[Raw] | None = None  # the raws of the coarse event this one was made precise from
    _head: Raw | None = None
    _when: DateMention | None = None
    last_sentence: int = -1
    typed: set[str] = field(default_factory=set)  # the specific types of its raws that name a place
    sited_sentence: int = -1  # the last sentence that named its place
    located: Located = frozenset()

    @classmethod
    def of(cls, raws: list[Raw], coarse: list[Raw] | None = None, located: Located = frozenset()) -> Event:
        event = cls([], coarse, located=located)
        for raw in raws:
            event.add(raw)
        return event

    def add(self, raw: Raw) -> None:
        self.raws.append(raw)
        self.last_sentence = max(self.last_sentence, raw.sentence)
        if raw.place is None:
            self._date_from_floating(raw)
            return
        self.sited_sentence = max(self.sited_sentence, raw.sentence)
        if raw.specific:
            self.typed.add(raw.subtype)
        if self._head is None or _head_rank(raw, self.located) < _head_rank(self._head, self.located):
            self._head = raw
        if self._when is None or _date_rank(raw.when) < _date_rank(self._when):
            self._when = raw.when

    def _date_from_floating(self, raw: Raw) -> None:
        """A sentence that names no place but dates the event ("… arrested on Wednesday") dates it when the
        sentences that name its place give only the publication day, and it tells of the same kind of event
        (a riot "on the first day, on Monday" does not date the beating reported today)."""
        weak = self._when is not None and self._when.basis == "publication"
        own_type = not raw.specific or not self.typed or raw.subtype in self.typed
        if weak and own_type and raw.when.basis != "publication" and not raw.when.inherited:
            self._when = raw.when

    @property
    def head(self) -> Raw:
        """The raw that gives the event its place: the finest place, then the best-founded date."""
        assert self._head is not None
        return self._head

    @property
    def when(self) -> DateMention:
        """The best-founded date of the raws that name a place."""
        assert self._when is not None
        return self._when


def _head_rank(raw: Raw, located: Located) -> tuple[int, bool, int, int]:
    assert raw.place is not None
    place_id = raw.place.id
    coarse = coarseness(raw.place) or int(any(outer == place_id for outer, _ in located))
    return (coarse, *_date_rank(raw.when), raw.sentence)


def _date_rank(when: DateMention) -> tuple[bool, int]:
    """Dates found in a sentence before inherited ones; explicit before relative before publication."""
    return when.inherited, _BASIS_RANK[when.basis]


def _contains(outer: Place, inner: Place, located: Located = frozenset()) -> bool:
    """Whether `inner` lies in `outer`: by the gazetteer, or because the text said so ("Banjska, Leposavić")."""
    return outer.id == inner.id or (outer.id, inner.id) in located or lies_in(inner, outer)


def _joins(event: Event, raw: Raw) -> bool:
    """Whether a claim's date lets it join an event: see _dates_agree; a repeat told on a day of its own
    ("similar attacks were also reported last week") joins only an event of that day."""
    if raw.repeat and raw.when.value != event.when.value:
        return False
    return _dates_agree(event.when, raw.when)


def _dates_agree(event: DateMention, claim: DateMention) -> bool:
    """A claim dated only by the publication day, or only by a day inherited from the sentences before, fits
    an event of any day; a claim with a day of its own does not join an event whose only day is inherited
    ("… clashes in Zvečan this afternoon. On Friday, stun grenades were thrown in Zvečan" are two events)."""
    loose = "publication" in (event.basis, claim.basis) or claim.inherited
    return loose or event.value == claim.value


def _same_kind(event: Event, raw: Raw) -> bool:
    head = event.raws[0]
    return head.kind == raw.kind and (raw.kind == "incident" or head.subtype == raw.subtype)


def _fits(event: Event, raw: Raw) -> bool:
    if not _same_kind(event, raw) or raw.place is None:
        return False
    place = event.head.place
    assert place is not None
    located = event.located if raw.kind == "incident" else frozenset()  # posts at a town and a village are two
    nested = _contains(place, raw.place, located) or _contains(raw.place, place, located)
    if not _joins(event, raw) or not nested:
        return False
    far = raw.sentence - event.sited_sentence > _ATTACH_WINDOW
    if far and event.when.value != raw.when.value and not (coarseness(place) or coarseness(raw.place)):
        return False  # another day, told far from where its place was last named, at a precise place: another event
    same_day = place.id == raw.place.id and event.when.value == raw.when.value
    return same_day or _types_agree(event, raw)


# One event told in two words: "protests turned violent"; "gunmen attacked a patrol … an exchange of fire".
KIN = {"Riots": "Protests", "Violence against civilians": "Battles"}


def _types_agree(event: Event, raw: Raw) -> bool:
    """Claims at nested places are one event when they name the same type (kin types on the same day, told
    within a few sentences: a blockade "in the north" and a grenade in Rudare told later are two), or
    one names none beyond a casualty ("violence in the north injured dozens … the riot in Zvečan"); a
    blockade in the north and shots at the dam are two events."""
    if not raw.specific or not event.typed or raw.subtype in event.typed:
        return True
    assert raw.place is not None and event.head.place is not None
    same_place = event.head.place.id == raw.place.id
    told_together = raw.sentence - event.sited_sentence <= _KIN_WINDOW
    close = same_place or (event.when.value == raw.when.value and told_together)
    kin = KIN.get(raw.subtype, raw.subtype)
    return close and any(KIN.get(t, t) == kin for t in event.typed)


def _attach_target(events: list[Event], raw: Raw) -> Event | None:
    """The recent event a claim without a site adds to: one of the claim's own type ("three were hurt during
    the arrest" goes to the arrest), else the latest."""
    fitting = [
        event
        for event in reversed(events[-_RECENT_EVENTS:])
        if _same_kind(event, raw) and raw.sentence - event.last_sentence <= _ATTACH_WINDOW and _joins(event, raw)
    ]
    typed = next((event for event in fitting if raw.specific and raw.subtype in event.typed), None)
    return typed or next(iter(fitting), None)


def _merge_target(events: list[Event], raw: Raw) -> Event | None:
    return next((e for e in events[-_RECENT_EVENTS:] if _fits(e, raw)), None)


def _refine(events: list[Event], raw: Raw) -> bool:
    """An untyped claim at a precise place ("the incidents took place in Zubin Potok and North Mitrovica")
    makes a recent coarse event ("in two towns in northern Kosovo") precise; each further place gets a copy."""
    assert raw.place is not None
    for event in reversed(events[-_RECENT_EVENTS:]):
        if not _same_kind(event, raw) or raw.sentence - event.last_sentence > _ATTACH_WINDOW:
            continue
        place = (event.head if event.coarse is None else Event.of(event.coarse, located=event.located).head).place
        if place is None or not coarseness(place) or not _contains(place, raw.place):
            continue
        if event.coarse is None:
            event.coarse = list(event.raws)
            event.add(raw)
        else:
            events.append(Event.of([*event.coarse, raw], event.coarse, event.located))
        return True
    return False


def _own_day(raw: Raw) -> bool:
    """Dated by its own sentence, not by the ones before it nor only by the publication day."""
    return _dated(raw) and not raw.when.inherited


def _echo(events: list[Event], raw: Raw) -> Event | None:
    """An untyped claim at a precise site that the event just told does not cover ("Similar scenes were
    reported in Leposavić and Zubin Potok", "Incidents were also recorded in Varage") tells that event again at
    another place: a new event of its type, on its day unless the sentence gives one of its own."""
    assert raw.place is not None
    if raw.kind != "incident" or coarseness(raw.place) or not raw.place.in_area:
        return None
    recent = [e for e in events[-_RECENT_EVENTS:] if e.raws[0].kind == "incident" and e.typed]
    told = [e for e in recent if e.last_sentence < raw.sentence]  # a list's first echo is no source of the next
    source = max(told, key=lambda e: e.last_sentence, default=None)
    if source is None or raw.sentence - source.last_sentence > _ECHO_WINDOW:
        return None
    place = source.head.place
    assert place is not None
    if _contains(place, raw.place, source.located) or _contains(raw.place, place, source.located):
        return None  # the same event's place, told again
    if any(e.head.place is not None and e.head.place.id == raw.place.id for e in recent):
        return None  # a site with an event of its own: the claim adds to it
    head = source.head
    if _told_closer(source, raw):
        source.located |= {(place.id, raw.place.id)}  # the town now only says where the village is
        source.add(replace(raw, subtype=head.subtype, sub_event_type=head.sub_event_type, rule=head.rule))
        return source
    when = raw.when if _own_day(raw) else source.when
    typed = replace(raw, subtype=head.subtype, sub_event_type=head.sub_event_type, rule=head.rule, when=when)
    return Event.of([replace(typed, specific=True)], located=source.located)


def _told_closer(source: Event, raw: Raw) -> bool:
    """ "A patrol was attacked in Zvečan. The incident happened in Srbovac": an untyped claim with no "also" at a
    village the event's town names the place of tells where the same event happened, not that it happened again."""
    town = source.head.place
    assert town is not None and raw.place is not None
    village = locates(raw.place, town)  # by municipality or distance: Banjska, filed under Zvečan, is "in Leposavić"
    return not raw.echo and town.kind == "town" and village and _joins(source, raw)


def _dated(raw: Raw) -> bool:
    """A claim with a day of its own or of the sentences before it, not only the publication day."""
    return raw.when.basis != "publication"


def _dated_here(raw: Raw) -> bool:
    """Dated enough to start an event where the story is: an incident by its sentence or the ones before; a
    deployment only by a day of its own sentence ("… special units took up positions on Monday"), as forces
    told of with no day ("the troops had been deployed to separate them") or only a year ("KFOR has guarded the
    border since 1999") are the story's background."""
    own_day = not raw.when.inherited and raw.when.precision == "day"
    return _dated(raw) and (raw.kind == "incident" or own_day)


def _sent_to_country(raw: Raw) -> bool:
    """ "NATO announced on 30 May the dispatch of 700 more troops": reinforcements with a day of their own and no
    site are sent to the country, not to a town; with no day of their own they are the story's same troops."""
    own_day = _dated(raw) and not raw.when.inherited
    return raw.kind == "deployment" and raw.place is None and raw.subtype == "reinforcement" and own_day


def cluster(raws: list[Raw], located: Located = frozenset()) -> list[Event]:
    """Sentences in text order: a site's claim merges with a fitting event or starts one; a floating one
    attaches, or starts an event where the story is (the site just named, the dateline's town), or waits for
    the next event when it comes first; an untyped one at a site makes a coarse event precise, or else
    floats."""
    events: list[Event] = []
    waiting: list[Raw] = []
    country: Place | None = None  # the country the article names, where forces sent with no site go
    for raw in raws:
        country = raw.place if raw.place is not None and raw.place.kind == "country" else country
        if raw.place is not None and not raw.subtype and _refine(events, raw):
            continue
        echoed = _echo(events, raw) if raw.place is not None and not raw.subtype else None
        if echoed is not None:
            events.append(echoed)
            continue
        floating = raw.place is None or not raw.subtype
        target = _attach_target(events, raw) if floating else _merge_target(events, raw)
        if target is not None:
            target.add(replace(raw, place=None) if floating else raw)
        elif raw.place is None and raw.specific and raw.near is not None and _dated_here(raw):
            events.append(Event.of([replace(raw, place=raw.near)], located=located))  # where the story is
        elif country is not None and _sent_to_country(raw):
            events.append(Event.of([replace(raw, place=country)], located=located))
        elif (placed := _placed_waiting(waiting, raw, located)) is not None:
            events.append(placed)
            waiting = []
        elif floating:
            waiting = [*waiting[-_WAITING:], replace(raw, place=None)]
        else:
            event = Event.of([raw], located=located)
            for early in (w for w in waiting if _same_kind(event, w) and raw.sentence - w.sentence <= _WAITING):
                event.add(early)
            events.append(event)
            waiting = []
    return events


def _placed_waiting(waiting: list[Raw], raw: Raw, located: Located) -> Event | None:
    """An event told first with no place, and then where it happened ("A hand grenade was thrown into a yard on
    Sunday. The incident happened in Žerovnica", "Ngjarja ka ndodhur në …"): the untyped claim at a site
    places the typed claims waiting for one."""
    if raw.place is None or raw.subtype or coarseness(raw.place) or not raw.place.in_area:
        return None
    typed = [w for w in waiting if w.kind == raw.kind and w.subtype and raw.sentence - w.sentence <= _WAITING]
    if not any(_dated(w) for w in typed):
        return None
    event = Event.of([replace(typed[0], place=raw.place)], located=located)
    for other in typed[1:]:
        event.add(other)
    event.add(raw)
    return event
