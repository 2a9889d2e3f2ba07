"""Search over published agenda items, in the database itself.

PostgreSQL: full-text search with the `danish` configuration and web-search syntax over the
stored, weighted vector `AgendaItem.search_document` (title A > referat B > indstilling and
sagsfremstilling C; a trigger keeps it current), ranked, with SearchHeadline snippets; when full
text finds few items, substring matches add compound parts ("plads" in "botilbudspladser"), and
when nothing matches as written, trigram similarity on titles catches typos.
Other databases: every word must occur (icontains), titles rank first.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection
from django.db.models import Case, F, FloatField, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from minutes.aggregates import cached
from minutes.models import (
    AgendaItem,
    Attachment,
    Organisation,
    Participant,
    Person,
    SearchWord,
    Topic,
)

CONFIG = "danish"
TEXT_FIELDS = ("title", "referat", "indstilling", "sagsfremstilling")
MAX_QUERY = 200  # characters; a longer query is cut, so the regexes below stay bounded
MAX_TERMS = 8
MIN_FUZZY = 3  # shorter words only match through full-text search
FEW_EXACT = 100  # below this many full-text hits, substring matches are added
MAX_WORDS = 200  # archive words that may stand for one part of a word
MAX_COUNTED = 1000  # hits counted exactly; beyond this "more than 1,000", newest first
# Below FEW_EXACT full-text hits the ways of matching are read one by one (each from its own
# index) and their hits joined here, up to this many; an OR of them in one query reads every item.
MAX_JOINED = 5000

# Private-use characters as highlight markers: escape() leaves them alone, so the database's
# snippet can be escaped first and only these markers become <mark>.
START, STOP = "\ue000", "\ue001"

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD_EDGE = re.compile(r"^[^\w]+|[^\w]+$")


@dataclass
class Terms:
    """The words and phrases of a web-search query, read the way websearch_to_tsquery reads it."""

    positive: list[str] = field(default_factory=list)
    negative: list[str] = field(default_factory=list)
    any_of: bool = False

    def __bool__(self) -> bool:
        return bool(self.positive)


def parse_terms(query: str) -> Terms:
    """Split a query into required (or, with OR, alternative) terms and excluded ones."""
    terms = Terms()
    for match in _TOKEN.finditer(query[:MAX_QUERY]):
        negated, phrase, word = match.group(1), match.group(2), match.group(3)
        if word is not None:
            if word.upper() == "OR":
                terms.any_of = True
                continue
            negated = "-" if word.startswith("-") else ""
            phrase = _WORD_EDGE.sub("", word.lstrip("-"))
        phrase = " ".join((phrase or "").split())
        if not phrase:
            continue
        (terms.negative if negated else terms.positive).append(phrase)
    terms.positive = terms.positive[:MAX_TERMS]
    terms.negative = terms.negative[:MAX_TERMS]
    return terms


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def item_vector() -> SearchVector:
    """The weighted vector as an expression (migration 0006's index; 0007 stores it instead)."""
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("referat", weight="B", config=CONFIG)
        + SearchVector("indstilling", "sagsfremstilling", weight="C", config=CONFIG)
    )


def _contains(term: str, *, fuzzy: bool) -> Q:
    """The term inside any text field; `fuzzy`: a close trigram match instead (typos, OCR)."""
    if fuzzy:
        # Titles only: word similarity over long texts costs seconds on a big archive.
        return Q(title__icontains=term) if " " in term else Q(title__trigram_word_similar=term)
    if uses_postgres():
        return Q(title__icontains=term) | _in_words(term)
    return reduce(or_, [Q(**{f"{name}__icontains": term}) for name in TEXT_FIELDS])


def _in_words(term: str) -> Q:
    """Items with a word that holds the term: "plads" finds "botilbudspladser".

    The term is stemmed as the texts were, looked up among the archive's words (SearchWord,
    a small table with a trigram index) and the items are then searched for the words found;
    reading every item's text for a substring costs seconds on a big archive.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT unnest(tsvector_to_array(to_tsvector(%s, %s)))", [CONFIG, term]
        )
        stems = [row[0] for row in cursor.fetchall()] or [term.lower()]
    words = SearchWord.objects.filter(
        reduce(and_, [Q(word__contains=stem) for stem in stems])
    ).values_list("word", flat=True).distinct()[:MAX_WORDS]
    lexemes = " | ".join("'" + w.replace("'", "''") + "'" for w in words)
    if not lexemes:
        return Q(pk__in=[])
    # The words are lexemes already: the "simple" configuration keeps them as they are.
    return Q(search_document=SearchQuery(lexemes, config="simple", search_type="raw"))


def _every_term(field_name: str, terms: Terms) -> Q:
    combine = or_ if terms.any_of else and_
    return reduce(combine, [Q(**{f"{field_name}__icontains": t}) for t in terms.positive])


def people_named(terms: Terms) -> QuerySet[Person]:
    """Published people whose name holds every term ("Bjarne Hansen", "axél")."""
    return Person.objects.public().filter(_every_term("name", terms))


def organisations_named(terms: Terms) -> QuerySet[Organisation]:
    """Published organisations whose name holds every term ("syddjurs")."""
    return Organisation.objects.public().filter(_every_term("name", terms))


def _presented_or_bilag(terms: Terms) -> tuple[QuerySet, QuerySet]:
    """The ids of items presented by someone the query names, and of items with a bilag whose
    title it names (neither is in the items' own texts)."""
    presented = AgendaItem.presenters.through.objects.filter(
        person__in=people_named(terms).values("pk")
    ).values_list("agendaitem_id", flat=True)
    bilag = Attachment.objects.filter(_every_term("title", terms)).values_list("item_id", flat=True)
    return presented, bilag


def _by_people_or_bilag(terms: Terms) -> Q:
    presented, bilag = _presented_or_bilag(terms)
    return Q(pk__in=presented) | Q(pk__in=bilag)


def _loose_match(terms: Terms, *, fuzzy: bool) -> Q | None:
    wanted = [_contains(t, fuzzy=fuzzy) for t in terms.positive if len(t) >= MIN_FUZZY]
    if not wanted:
        return None
    return reduce(or_ if terms.any_of else and_, wanted)


def _excluded(terms: Terms) -> Q | None:
    if not terms.negative:
        return None
    return reduce(or_, [_contains(t, fuzzy=False) for t in terms.negative])


def clean_query(query: str) -> str:
    """The query cut to MAX_QUERY characters, without NUL and other control characters
    (PostgreSQL refuses NUL in a string)."""
    return "".join(c for c in query[:MAX_QUERY] if c.isprintable() or c == " ")


def _web_query(query: str) -> SearchQuery:
    return SearchQuery(clean_query(query), config=CONFIG, search_type="websearch")


def matching(query: str, items: QuerySet[AgendaItem] | None = None) -> QuerySet[AgendaItem]:
    """Items matching `query`, unranked.

    PostgreSQL: full text; when that finds few items, also substrings (compound parts); when
    nothing matches as written, close trigram matches in titles (typos, OCR damage).
    """
    items = AgendaItem.objects.public() if items is None else items
    query = clean_query(query)
    terms = parse_terms(query)
    if not terms:
        return items.none()
    if not uses_postgres():
        return _simple_search(terms, items)
    excluded = _excluded(terms)

    def without_excluded(found: QuerySet) -> QuerySet:
        return found.exclude(excluded) if excluded is not None else found

    full_text = items.filter(search_document=_web_query(query))
    # For a common word the full-text hits are plenty; parts of words are added to few.
    # (Counted up to a bound, never with LIMIT 1: for that PostgreSQL may choose to walk
    # the whole table in date order, seconds for a word that is nowhere.)
    exact_hits = full_text.order_by()[:FEW_EXACT].count()
    presented, bilag = _presented_or_bilag(terms)
    if exact_hits >= FEW_EXACT:
        # Items the query reaches only through a presenter or a bilag title join the full-text
        # hits as a list of ids (an index scan beside the full-text one), unless very many.
        others = _joined([presented, bilag])
        if others is None:
            return without_excluded(items.filter(
                Q(search_document=_web_query(query)) | _by_people_or_bilag(terms)
            ))
        if not others:
            return without_excluded(full_text)
        return without_excluded(items.filter(
            Q(search_document=_web_query(query)) | Q(pk__in=sorted(others))
        ))
    ways = [full_text, presented, bilag]
    loose = _loose_match(terms, fuzzy=False)
    if loose is not None:
        ways.append(items.filter(loose))
    found = _joined(ways)
    if found is None:  # too many to join here: one query, slower but whole
        exact = Q(search_document=_web_query(query)) | _by_people_or_bilag(terms)
        return without_excluded(items.filter(exact | loose if loose is not None else exact))
    fuzzy = _loose_match(terms, fuzzy=True)
    if fuzzy is not None and not found:
        found = _joined([items.filter(fuzzy)]) or set()
    return without_excluded(items.filter(pk__in=sorted(found)))


def _joined(ways: list[QuerySet]) -> set[int] | None:
    """The item ids any of `ways` finds (querysets of items, or flat lists of item ids); None
    when they are more than MAX_JOINED. The caller keeps only the public items among them."""
    found: set[int] = set()
    for way in ways:
        if way.model is AgendaItem:
            way = way.values_list("pk", flat=True)
        found.update(way.order_by()[: MAX_JOINED + 1])
        if len(found) > MAX_JOINED:
            return None
    return found


def count_hits(found: QuerySet[AgendaItem]) -> int:
    """How many items `found` holds, counted up to MAX_COUNTED + 1 (a common word's hundreds
    of thousands of hits are not counted one by one)."""
    return found.order_by()[: MAX_COUNTED + 1].count()


def search_items(query: str, items: QuerySet[AgendaItem] | None = None) -> QuerySet[AgendaItem]:
    """Items matching `query`, best first, annotated with `rank` (and `headline` on PostgreSQL)."""
    return ranked(matching(query, items), query)


def ranked(
    found: QuerySet[AgendaItem], query: str, *, newest_first: bool = False
) -> QuerySet[AgendaItem]:
    """The items `matching(query)` found, best first, with `rank` and (PostgreSQL) `headline`.

    `newest_first`: by meeting date instead of rank, which a database can answer without
    ranking every hit; for a query that matches a large part of the archive.
    """
    if newest_first:
        found = found.order_by("-meeting__date", "order")
    if not uses_postgres():
        return found
    search_query = _web_query(query)
    text = Concat(
        "referat", Value("\n"), "indstilling", Value("\n"), "sagsfremstilling",
        output_field=AgendaItem._meta.get_field("referat"),
    )
    headline = SearchHeadline(
        text,
        search_query,
        config=CONFIG,
        start_sel=START,
        stop_sel=STOP,
        max_words=30,
        min_words=12,
        max_fragments=2,
        fragment_delimiter=" … ",
    )
    if newest_first:
        return found.annotate(headline=headline)
    return found.annotate(
        rank=SearchRank(F("search_document"), search_query) + _presented_by(query),
        headline=headline
    ).order_by("-rank", "-meeting__date", "order")


def _presented_by(query: str) -> Case:
    """A lift in rank for items whose presenters the query names: "Katrine Axél" ranks the
    items she presented above those that only mention her."""
    terms = parse_terms(query)
    if not terms:
        return Value(0.0, output_field=FloatField())
    return Case(
        When(_every_term("presenters_text", terms), then=Value(0.5)),
        default=Value(0.0),
        output_field=FloatField(),
    )


def _simple_search(terms: Terms, items: QuerySet[AgendaItem]) -> QuerySet:
    """Items holding every term (any, with OR), ranked by where the terms stand."""
    loose = _loose_match(terms, fuzzy=False)
    if loose is None:
        return items.none()
    items = items.filter(loose | _by_people_or_bilag(terms))
    excluded = _excluded(terms)
    if excluded is not None:
        items = items.exclude(excluded)
    score = [
        Case(When(**{f"{name}__icontains": term}, then=Value(weight)), default=Value(0))
        for term in terms.positive
        for name, weight in (
            ("title", 4), ("presenters_text", 3), ("referat", 2), ("indstilling", 1)
        )
    ]
    rank = reduce(lambda a, b: a + b, score, Value(0, output_field=IntegerField()))
    return items.annotate(rank=rank).order_by("-rank", F("meeting__date").desc(), "order")


def mark_headline(headline: str) -> SafeString:
    """A database snippet made safe: the document text escaped, then our markers as <mark>."""
    escaped = str(escape(headline.strip()))
    if escaped.count(START) != escaped.count(STOP):
        escaped = escaped.replace(START, "").replace(STOP, "")
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))


def _window(text: str, start: int, width: int) -> tuple[str, bool, bool]:
    """About `width` characters of `text` from `start`, widened or narrowed to whole words:
    (the window, whether text was left out before it, whether after it)."""
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else 0
    end = start + width
    if end < len(text):
        space = text.rfind(" ", start, end + 1)
        end = space if space > start else end
    return " ".join(text[start:end].split()), start > 0, end < len(text)


def highlight(text: str, terms: list[str], *, width: int = 220) -> SafeString:
    """A window of `text` around the first term found, cut at whole words, escaped, with
    every term in <mark>."""
    words = [t for t in terms if t]
    if not text or not words:
        return mark_safe("")
    text = " ".join(text.split())
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)),
                         re.IGNORECASE)
    found = pattern.search(text)
    window, before, after = _window(
        text, 0 if found is None else max(0, found.start() - width // 3), width
    )
    pieces: list[str] = ["… " if before else ""]
    last = 0
    for match in pattern.finditer(window):
        pieces.append(str(escape(window[last : match.start()])))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    pieces.append(str(escape(window[last:])))
    if after:
        pieces.append(" …")
    return mark_safe("".join(pieces))


def snippet(item: AgendaItem, terms: Terms) -> SafeString:
    """What the results list shows under a hit: the database headline, else our own window."""
    headline = getattr(item, "headline", "") or ""
    if START in headline:
        return mark_headline(headline)
    for text in (item.referat, item.indstilling, item.sagsfremstilling, item.title):
        lowered = text.casefold()
        if any(t.casefold() in lowered for t in terms.positive):
            return highlight(text, terms.positive)
    return highlight(item.referat or item.sagsfremstilling, terms.positive)


def naming(phrase: str, items: QuerySet[AgendaItem] | None = None) -> QuerySet[AgendaItem]:
    """Published items whose texts name `phrase` ("Syddjurs", "Region Midtjylland") as written
    (PostgreSQL: as a full-text phrase, through the search index)."""
    items = AgendaItem.objects.public() if items is None else items
    phrase = clean_query(phrase).strip()
    if not phrase:
        return items.none()
    if uses_postgres():
        return items.filter(
            search_document=SearchQuery(phrase, config=CONFIG, search_type="phrase")
        )
    return items.filter(reduce(or_, [Q(**{f"{name}__icontains": phrase}) for name in TEXT_FIELDS]))


def organisation_name_in_texts(organisation: Organisation) -> str:
    """How texts name an organisation: a kommune by its place ("Syddjurs", also in
    "Syddjurs' botilbud"), anything else by its full name."""
    name = organisation.name
    if organisation.kind == Organisation.Kind.MUNICIPALITY and name.endswith(" Kommune"):
        return name.removesuffix(" Kommune")
    return name


def organisation_cases(organisation: Organisation) -> QuerySet[AgendaItem]:
    """The organisation's cases: published items that name it (and so its institutions, which
    the referater name with their kommune: "botilbuddet Kollegiet (Syddjurs Kommune)") or that
    someone who has represented it presented."""
    named = naming(organisation_name_in_texts(organisation)).order_by()
    representatives = Participant.objects.public().filter(
        organisation=organisation
    ).values("person_id")
    presented = AgendaItem.presenters.through.objects.filter(
        person__in=representatives
    ).values_list("agendaitem_id")
    # A UNION of the two id lists, each read from its own index (an OR of the two reads every
    # item: seconds on a large archive).
    return AgendaItem.objects.public().filter(
        pk__in=named.values_list("pk").union(presented)
    )



@dataclass(frozen=True)
class OrganisationCases:
    recent: list[int]  # the newest items' ids, newest first
    count: int
    threads: list[int]  # the case threads (minutes.models.Case) holding any of them


def organisation_cases_summary(organisation: Organisation, recent: int) -> OrganisationCases:
    """What an organisation's page shows of its cases, remembered until the archive changes:
    a kommune named in tens of thousands of items takes a second to read."""
    from minutes.case_links import cases_of

    def compute() -> OrganisationCases:
        items = organisation_cases(organisation)
        return OrganisationCases(
            recent=list(items.order_by("-meeting__date", "order")
                        .values_list("pk", flat=True)[:recent]),
            count=items.count(),
            threads=[case.pk for case in cases_of(items)],
        )

    return cached("organisation-cases", [("pk", str(organisation.pk)), ("recent", str(recent))],
                  compute)

SUGGEST_MIN = 4  # shorter words are not corrected
SUGGEST_TITLES = 50  # titles read for close words, per unknown word (PostgreSQL)
VOCABULARY_ITEMS = 20000  # newest items whose titles give the word list elsewhere
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]", re.UNICODE)


def _words(texts) -> set[str]:
    return {w.casefold() for text in texts for w in _WORD.findall(text or "")
            if len(w) >= SUGGEST_MIN}


def _names() -> set[str]:
    return _words(
        [*Person.objects.public().values_list("name", flat=True),
         *Organisation.objects.public().values_list("name", flat=True),
         *Topic.objects.values_list("name", flat=True)]
    )


def _vocabulary() -> list[str]:
    """The archive's own words (newest item titles, names of people, organisations and
    topics), for "Mente du …" where pg_trgm is missing; built once per archive change."""
    def build() -> list[str]:
        titles = AgendaItem.objects.public().order_by("-meeting__date").values_list(
            "title", flat=True
        )[:VOCABULARY_ITEMS]
        return sorted(_words(titles) | _names())

    return cached("search-vocabulary", [], build)


def _known(term: str) -> bool:
    """Whether the archive holds `term` at all (an item's text, a name, a bilag title)."""
    terms = Terms(positive=[term])
    items = AgendaItem.objects.public()
    if uses_postgres():
        found = items.filter(Q(search_document=_web_query(term)) | _by_people_or_bilag(terms))
    else:
        found = items.filter(_loose_match(terms, fuzzy=False) | _by_people_or_bilag(terms))
    return found.exists() or organisations_named(terms).exists()


def _close_word(word: str) -> str | None:
    """The archive's word closest to a misspelt `word`: on PostgreSQL among the words of the
    titles pg_trgm finds similar (its trigram index on titles), elsewhere in the word list."""
    if uses_postgres():
        titles = AgendaItem.objects.public().filter(title__trigram_word_similar=word)
        candidates = sorted(_words(titles.values_list("title", flat=True)[:SUGGEST_TITLES])
                            | _names())
    else:
        candidates = _vocabulary()
    close = difflib.get_close_matches(word.casefold(), candidates, n=1, cutoff=0.75)
    return close[0] if close else None


def suggestion(query: str) -> str | None:
    """"Mente du …": the query with each word the archive does not hold replaced by the
    archive's closest word, or None when every word is known or nothing is close."""
    terms = parse_terms(clean_query(query))
    corrected = query
    changed = False
    for term in terms.positive:
        if " " in term or len(term) < SUGGEST_MIN or _known(term):
            continue
        close = _close_word(term)
        if close and close != term.casefold():
            corrected = re.sub(re.escape(term), close, corrected, count=1)
            changed = True
    return corrected if changed else None
