"""Choosing the quotes of an extractive answer for the kind of question asked.

Pure functions over scored candidate sentences. Only claims are chosen (headings, footnote
labels, bibliography lines and the like are not: see `claims`). Each kind of question adds a
small bonus to the sentences that answer it (an enumeration for a list, a modal verb or a
conclusion section for a recommendation, a figure for a number, a person's or a body's name
for a question asking who), and maximal marginal relevance keeps near repeats out. A
comparison is answered side by side, with short lead-ins in the question's language and a plain
statement when no sentence sets the sides against each other. Every claim in the answer stays a
verbatim quote with its marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.answering.constraints import list_lead_in, name_constraints
from assistant.answering.extractive import Candidate
from assistant.answering.kinds import QuestionShape, counts_named, names_a_topic, question_shape
from assistant.answering.language import Language
from assistant.answering.measures import asked_measure, gives_measure
from assistant.domain import Chunk
from assistant.retrieval.retriever import Favour
from assistant.retrieval.text import content_words

_WORD = re.compile(r"\w+")
# "forvaltnings-, produsent- og entreprenørrollen", "forhandler, innovatør og brobygger",
# "nye roller, entreprenørskap som drivkraft, kulturbygging og digitaliseringen".
_ENUMERATION = re.compile(
    r"(?:[\w-]+(?:\s+[\w-]+){0,2},\s+)+[\w-]+(?:\s+[\w-]+){0,2}?,?\s+"
    r"(?:og|and|och|eller|or|samt)\s+[\w-]+",
    re.IGNORECASE,
)
# The noun a list lists stands just before it ("rollane som forvaltar, ...") or ends it
# ("forvaltnings-, produsent- og entreprenørrollen"): characters looked at on either side.
NOUN_BEFORE, NOUN_AFTER = 30, 10
_MODAL = re.compile(
    r"\b(?:må|bør|burde|skal|trenger|trengs|lyt|må\s+bli|viktig\s+å|viktig\s+for|"
    r"should|must|ought|need\s+to|needs\s+to|important\s+to|have\s+to|"
    r"måste|bör|behöver|ska|viktigt\s+att|poenget\s+er|gjelder\s+å)\b",
    re.IGNORECASE,
)
# Advice in the infinitive that opens a point ("Kultur: Å etablere en kultur for ...").
_INFINITIVE_ADVICE = re.compile(r"^(?:[^:.!?]{1,40}:\s*)?(?:Å|Att|To)\s+\w+", re.IGNORECASE)
# The label a point of a list of advice opens with ("Kultur:", "Nye roller:").
_LABEL = re.compile(r"^(?P<label>[^:.!?]{1,40}):\s")
_FIGURE = re.compile(r"\d|\b(?:to|tre|fire|fem|seks|sju|åtte|ni|ti|tolv|tjue|hundre)\b", re.I)
_PERIOD = re.compile(r"\b\d{4}\s*(?:til|to|till|–|-)\s*\d{4}\b|\bperiod\w*\b", re.IGNORECASE)
# Words that introduce a concrete case: "et eksempel på", "f.eks.", "til dømes", "till exempel".
_EXAMPLE = re.compile(
    r"\b(?:eksempel\w*|døme\w*|exempel\w*|examples?|f\.\s?eks\b|t\.\s?ex\b|e\.g\b|"
    r"for instance|til dømes|till exempel)",
    re.IGNORECASE,
)
# Words that may introduce one but mostly mean "among other things" ("blant annet"): a weaker
# sign, for selection only (measured: favouring their passages in retrieval misleads).
_INSTANCE = re.compile(
    r"\b(?:blant\s+ann(?:et|a)|bland\s+annat|bl\.\s?a\b|among others|such as|slik som|såsom)",
    re.IGNORECASE,
)
# A name inside a sentence (a place, project or organisation: "Hälsorum Offerdal", "Inn på
# Tunet"), once the parenthesised citations ("(Stene, 2015)") are set aside.
_CITATION = re.compile(r"\([^()]*\d{4}[^()]*\)")
_INNER_NAME = re.compile(r"(?<=[\w,;:»)] )[A-ZÆØÅÄÖ][\wæøåäö-]{2,}")
_CONTRAST = re.compile(
    r"\b(?:mens|derimot|i motsetning|til forskjell|i motsetnad|medan|whereas|unlike|"
    r"in contrast|while|till skillnad|däremot|snarere enn|rather than)\b",
    re.IGNORECASE,
)
_DEFINING = re.compile(
    r"\b(?:er en|er et|er ein|er eit|defineres|definerast|betyr|tyder|handler om|"
    r"handlar om|innebærer|inneber|innebär|is a|is an|means|refers to|är en|är ett)\b",
    re.IGNORECASE,
)
# Sections that conclude or recommend, and sections that only set the task.
_CONCLUDING = re.compile(
    r"konklu\w*|anbefal\w*|tilråd\w*|oppsummer\w*|avslutn\w*|mulighet\w*|moglegheit\w*|"
    r"möjlighet\w*|tiltak|veien videre|vegen vidare|conclu\w*|recommend\w*|implication\w*|"
    r"opportunit\w*|way forward|slutsats\w*|rekommend\w*|förslag|åtgärd\w*|diskusjon|"
    r"drøfting|discussion",
    re.IGNORECASE,
)
# Sections whose heading says they recommend: every claim in them is advice, whatever its
# form ("Gi kommunene et tydeligere mandat", "Etablere et fast samarbeid").
_RECOMMENDING = re.compile(
    r"anbefal\w*|tilråd\w*|recommend\w*|rekommend\w*|\bråd\b|advice|förslag\w*|forslag\w*",
    re.IGNORECASE,
)
_SETTING = re.compile(
    r"forord|føreord|förord|foreword|preface|problemstilling|frågeställning|research question|"
    r"bakgrunn|bakgrund|background|mandat|oppdrag|bestilling|sammendrag|samandrag|"
    r"sammanfattning|summary|abstract|innledning|innleiing|inledning|introduction",
    re.IGNORECASE,
)

# A question in the text (a research question, a workshop's task) answers no list, advice,
# figure, example or comparison, though it may be what a definition question asks for.
ASKING_IS_NOT_ANSWERING = frozenset({"list", "recommendation", "number", "example", "comparison"})
KIND_BONUS = 0.04
SECTION_BONUS = 0.03
QUESTION_PENALTY = 0.06
REDUNDANCY_WEIGHT = 0.08
REPEAT_OVERLAP = 0.8
SIDE_STEM = 5  # a side matches words that share its first letters (inflections, compounds)


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def overlap(a: str, b: str) -> float:
    """Share of the shorter sentence's words that the other holds, 0..1."""
    words_a, words_b = _words(a), _words(b)
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def enumerations(text: str) -> list[tuple[int, str]]:
    """The 'a, b og c' lists of a sentence: how many members each has, and the text around it."""
    found = []
    for match in _ENUMERATION.finditer(text):
        serial = len(re.findall(r",\s+(?:og|and|och|eller|or|samt)\s", match.group()))
        size = match.group().count(",") + 2 - serial  # "a, b, and c" has three, like "a, b og c"
        window = text[max(0, match.start() - NOUN_BEFORE) : match.end() + NOUN_AFTER]
        found.append((size, window))
    return found


def enumeration_size(text: str) -> int:
    """Members of the longest 'a, b og c' list in a sentence (0 when there is none)."""
    return max((size for size, _ in enumerations(text)), default=0)


def _lists_members(text: str, shape: QuestionShape) -> bool:
    """True when a sentence lists what the question asks for: as many members as it asks,
    next to the noun it asks about ("rollane som forvaltar, tenesteprodusent og entreprenør")."""
    stems = [word.casefold()[:4] for word in shape.members]
    return any(
        (shape.count is None or size == shape.count) and any(s in window.casefold() for s in stems)
        for size, window in enumerations(text)
    )


def _member_stem(word: str) -> str:
    return word.casefold()[: max(4, len(word) - 3)]


def _heading_names_members(chunk: Chunk, shape: QuestionShape) -> bool:
    """True when a passage's own heading names what a list question asks for (the bullets
    under "2.2.2 Ressursutfordringer" are the members of "Hvilke ressursutfordringer ...")."""
    heading = chunk.section_path[-1].casefold() if chunk.section_path else ""
    return any(_member_stem(word) in heading for word in shape.members)


def _lead_in_names_members(
    candidate: Candidate, shape: QuestionShape, text_of: Callable[[str], str] | None
) -> bool:
    """True when the sentence opening a list item's list names what a list question asks
    for ("Tre aspekter er viktig ved samstyring:" over the items of "Vilka tre aspekter ..."),
    read in its document's text (`text_of`) when the passage opens with the list. Only the
    noun asked for counts ("former" of "Hvilke former tar samstyring"), not what it is of."""
    lead_in = list_lead_in(candidate, text_of).casefold()
    if not lead_in:
        return False
    if _member_stem(shape.members[0]) in lead_in:
        return True
    # One that opens as many items as asked for, on what is asked ("Tre aspekter er viktig
    # ved samstyring:" over "Kva tre sider ved samstyring ...").
    return (
        shape.count is not None
        and lead_in.rstrip().endswith(":")
        and shape.count in counts_named(lead_in)
        and any(_member_stem(word) in lead_in for word in shape.members[1:])
    )


def advises(text: str) -> bool:
    """True for a sentence in a form that advises: a modal verb or an opening infinitive."""
    return bool(_MODAL.search(text) or _INFINITIVE_ADVICE.search(text))


def gives_an_example(text: str) -> bool:
    """True for a sentence that introduces a concrete case ("et eksempel på", "f.eks.")."""
    return bool(_EXAMPLE.search(text))


def names_a_case(text: str) -> bool:
    """True for a sentence naming a place, project or organisation inside it."""
    return bool(_INNER_NAME.search(_CITATION.sub("", text)))


def _mentions_any(text: str, words: Sequence[str]) -> bool:
    return any(_mentions(text, word) for word in words)


def kind_bonus(candidate: Candidate, shape: QuestionShape) -> float:
    """How much better a sentence fits the kind of question than its similarity says."""
    text = candidate.text
    section = " ".join(candidate.chunk.section_path)
    bonus = 0.0
    if text.rstrip().endswith("?") and shape.kind in ASKING_IS_NOT_ANSWERING:
        bonus -= QUESTION_PENALTY  # the literature asking is not the literature answering
    if shape.kind == "list":
        enumerates = bool(enumeration_size(text)) or candidate.listed
        if enumerates:
            bonus += KIND_BONUS / 2
        if _lists_members(text, shape):
            bonus += KIND_BONUS
        if enumerates and _heading_names_members(candidate.chunk, shape):
            bonus += KIND_BONUS  # an item in the section on what is asked for is a member
    elif shape.kind == "recommendation":
        heading = candidate.chunk.section_path[-1] if candidate.chunk.section_path else ""
        if advises(text) or _RECOMMENDING.search(heading):
            bonus += KIND_BONUS
        label = _LABEL.match(text)
        if label and shape.topic and _mentions_any(label.group("label"), shape.topic):
            bonus += KIND_BONUS  # the point of the advice the question names
        if _RECOMMENDING.search(heading):
            bonus += SECTION_BONUS * 2  # a section of recommendations, not only a conclusion
        elif _CONCLUDING.search(section):
            bonus += SECTION_BONUS
        if _SETTING.search(section):
            bonus -= SECTION_BONUS * 2
    elif shape.kind == "number":
        if _FIGURE.search(text):
            bonus += KIND_BONUS
        if _PERIOD.search(text):
            bonus += KIND_BONUS / 2
    elif shape.kind == "example":
        if gives_an_example(text):
            bonus += KIND_BONUS
            if shape.topic and _mentions_any(text, shape.topic):
                bonus += KIND_BONUS  # an example of what was asked about, not of anything
        elif _INSTANCE.search(text):
            bonus += KIND_BONUS / 2
        if names_a_case(text):
            bonus += KIND_BONUS / 2
    elif shape.kind == "definition" and _DEFINING.search(text):
        bonus += KIND_BONUS / 2
    if shape.asks_who and names_someone(text, shape.topic):
        bonus += KIND_BONUS
    return bonus


def names_someone(text: str, asked: Sequence[str]) -> bool:
    """Whether a sentence names a person or a body besides those the question names
    (`asked`, its content words, folded): what answers "Hvem ledet forhandlingene?"."""
    known = set(asked)
    return any(
        name.kind in ("person", "organisation")
        and not all(word in known for word in content_words(name.text))
        for name in name_constraints(text)
    )


def recommending_passage(chunk: Chunk) -> bool:
    """True for a passage of a section of recommendations, or of a concluding section that
    uses a modal verb (it may advise)."""
    section = " ".join(chunk.section_path)
    if _SETTING.search(section):
        return False
    if chunk.section_path and _RECOMMENDING.search(chunk.section_path[-1]):
        return True
    return bool(_CONCLUDING.search(section)) and bool(
        _MODAL.search(chunk.text) or _INFINITIVE_ADVICE.search(chunk.text)
    )


def favoured_passages(shape: QuestionShape, question: str = "") -> Favour | None:
    """How much a passage looks like an answer to this kind of question (0..1), for retrieval
    to rank it higher than its similarity alone would (None: the kind favours no passages).

    Only passages of the best passage's document count: a question naming one report must not
    be answered from another's conclusions. A `question` asking for an amount, count or share
    favours the passages giving a figure of that measure: a report's summary talks around the
    table row that answers.
    """
    if shape.kind == "recommendation" and not shape.topic:
        # Only a question naming no topic ("What does the paper recommend?"), which is near
        # nothing in particular: one naming its topic finds it by similarity (measured:
        # favouring the conclusions there ranked the findings that answer it lower).
        return lambda chunk, best: float(
            chunk.doc_id == best.doc_id and recommending_passage(chunk)
        )
    if shape.kind == "example":
        return lambda chunk, best: float(
            chunk.doc_id == best.doc_id and gives_an_example(chunk.text)
        )
    if shape.kind == "list" and shape.members:
        # A list goes on in the passages after the best one when that one lies in the section
        # named for what is asked ("2.2.2 Ressursutfordringer"); a heading elsewhere that
        # names the noun ("4.2 Utfordringer") is no sign (measured: favouring it misleads).
        return lambda chunk, best: float(
            chunk.doc_id == best.doc_id
            and chunk.section_path == best.section_path
            and _heading_names_members(best, shape)
        )
    measure = asked_measure(question)
    if measure is not None and measure != "duration":
        return lambda chunk, best: float(
            chunk.doc_id == best.doc_id and gives_measure(chunk.text, measure)
        )
    return None


def select_for_question(
    candidates: Sequence[Candidate],
    shape: QuestionShape,
    max_sentences: int,
    margin: float,
    text_of: Callable[[str], str] | None = None,
) -> list[Candidate]:
    """The claims that answer a question of this kind, without repeats, in text order.
    `text_of` (a document's text, by id) finds the sentence opening a list whose passage
    opens with its items."""
    claims = [c for c in candidates if c.claim]
    if not claims:
        return []
    adjusted = {id(c): c.score + kind_bonus(c, shape) for c in claims}
    best = max(adjusted.values())
    if shape.kind == "list" and shape.members:
        # A list whose opening names what is asked for ("Tre aspekter er viktig ved
        # samstyring:") answers with its items, when they are near the best sentence.
        items = [
            c
            for c in claims
            if c.listed
            and adjusted[id(c)] >= best - 2 * margin
            and _lead_in_names_members(c, shape, text_of)
        ]
        if items:
            claims = items
    if shape.kind == "list":
        # One list answers a list question: a second enumeration beside the best one makes the
        # answer (and "the third one" in a follow-up) ambiguous.
        lists = sorted(
            (c for c in claims if enumeration_size(c.text)),
            key=lambda c: (_lists_members(c.text, shape), adjusted[id(c)]),
            reverse=True,
        )
        for other in lists[1:]:
            adjusted[id(other)] -= KIND_BONUS
    best = max(adjusted[id(c)] for c in claims)
    if shape.kind == "example":
        # An example question is answered by the examples the passages give, when they give
        # any near the best sentence: what they are examples of is said by the source shown.
        examples = [
            c for c in claims if gives_an_example(c.text) and adjusted[id(c)] >= best - 2 * margin
        ]
        if examples:
            claims = examples
            best = max(adjusted[id(c)] for c in claims)
    pool = sorted(
        (c for c in claims if adjusted[id(c)] >= best - margin), key=lambda c: -adjusted[id(c)]
    )
    chosen: list[Candidate] = []
    while pool and len(chosen) < max_sentences:
        # Maximal marginal relevance: a sentence saying again what is chosen counts for less.
        pick = max(
            pool,
            key=lambda c: (
                adjusted[id(c)]
                - REDUNDANCY_WEIGHT * max((overlap(c.text, o.text) for o in chosen), default=0.0)
            ),
        )
        pool.remove(pick)
        if all(overlap(pick.text, other.text) <= REPEAT_OVERLAP for other in chosen):
            chosen.append(pick)
    return in_text_order(chosen)


def in_text_order(chosen: Sequence[Candidate]) -> list[Candidate]:
    """Documents by their best sentence, then sentences by position."""
    doc_order = {c.chunk.doc_id: i for i, c in reversed(list(enumerate(chosen)))}
    return sorted(chosen, key=lambda c: (doc_order[c.chunk.doc_id], c.start))


# --- comparisons ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """A piece of an answer: an optional lead-in, then quotes (none for a plain statement)."""

    lead: str
    quotes: tuple[Candidate, ...] = ()


ABOUT: dict[Language, str] = {"nb": "Om {}:", "nn": "Om {}:", "sv": "Om {}:", "en": "On {}:"}
AND: dict[Language, str] = {"nb": "og", "nn": "og", "sv": "och", "en": "and"}
NOT_CONTRASTED: dict[Language, str] = {
    "nb": "Kildene setter ikke {} og {} opp mot hverandre; dette er det de sier om hver.",
    "nn": "Kjeldene set ikkje {} og {} opp mot kvarandre; dette er det dei seier om kvar.",
    "sv": "Källorna ställer inte {} och {} mot varandra; detta är vad de säger om var och en.",
    "en": "The sources do not set {} and {} against each other; this is what they say of each.",
}
NOTHING_ON_ITS_OWN: dict[Language, str] = {
    "nb": "Om {} sier de ikke noe for seg selv.",
    "nn": "Om {} seier dei ikkje noko for seg sjølv.",
    "sv": "Om {} säger de inget för sig.",
    "en": "They say nothing about {} on its own.",
}


def _mentions(text: str, side: str) -> bool:
    stem = side.casefold()[: max(SIDE_STEM, len(side) - 3)]
    return any(word.startswith(stem) or stem in word for word in _words(text))


def compare(
    candidates: Sequence[Candidate],
    sides: Sequence[str],
    language: Language,
    max_sentences: int,
    margin: float,
) -> list[Part]:
    """An answer setting the sides side by side: what the sources say about each."""
    claims = [c for c in candidates if c.claim]
    if not claims or not all(any(_mentions(c.text, side) for c in claims) for side in sides):
        return []  # a side the passages never name (another language, another word)
    best = claims[0].score
    contrasting = [
        c
        for c in claims
        if all(_mentions(c.text, side) for side in sides) and _CONTRAST.search(c.text)
    ]
    parts: list[Part] = []
    if contrasting:
        parts.append(Part("", (contrasting[0],)))
    else:
        parts.append(Part(NOT_CONTRASTED[language].format(*sides[:2])))
    per_side = max(1, (max_sentences - len(contrasting[:1])) // len(sides))
    for side in sides:
        own = [
            c
            for c in claims
            if _mentions(c.text, side) and c.score >= best - 2 * margin and c not in contrasting
        ]
        # A sentence naming the side alone says more about it than one naming every side.
        own.sort(key=lambda c: (not all(not _mentions(c.text, s) for s in sides if s != side),
                                -c.score))  # fmt: skip
        quotes = tuple(own[:per_side])
        if quotes:
            parts.append(Part(ABOUT[language].format(side), quotes))
        else:
            parts.append(Part(NOTHING_ON_ITS_OWN[language].format(side)))
    return _merge_shared(parts, language)


def _merge_shared(parts: list[Part], language: Language) -> list[Part]:
    """Two sides whose only quotes are the same sentence share one lead-in."""
    merged: list[Part] = []
    for part in parts:
        previous = merged[-1] if merged else None
        if previous and part.quotes and previous.quotes == part.quotes:
            name = part.lead.removeprefix(ABOUT[language].split("{}")[0]).rstrip(":")
            lead = f"{previous.lead.rstrip(':')} {AND[language]} {name}:"
            merged[-1] = Part(lead, part.quotes)
        else:
            merged.append(part)
    return merged


def compose_parts(parts: Sequence[Part]) -> tuple[str, list[tuple[int, Candidate]]]:
    """The answer text: lead-ins and quotes, each quote followed by its marker."""
    pieces: list[str] = []
    cited: list[tuple[int, Candidate]] = []
    markers: dict[tuple[str, int], int] = {}
    for part in parts:
        quoted: list[str] = []
        for candidate in part.quotes:
            key = (candidate.chunk.doc_id, candidate.start)
            if key not in markers:
                markers[key] = len(markers) + 1
                cited.append((markers[key], candidate))
            quoted.append(with_marker(candidate.text, markers[key]))
        pieces.append(" ".join(p for p in (part.lead, *quoted) if p))
    return " ".join(pieces), cited


def with_marker(text: str, marker: int) -> str:
    """A quote with its marker before its final punctuation: ``... brobygger [1].``"""
    text = text.rstrip()
    if text[-1:] in ".!?":
        return f"{text[:-1]} [{marker}]{text[-1]}"
    return f"{text} [{marker}]."


# --- questions about a document as a whole ---------------------------------------------------


def recommends(candidate: Candidate) -> bool:
    """True for a claim that recommends: in a section of recommendations, or advising (a
    modal verb, an opening infinitive) in a concluding section."""
    path = candidate.chunk.section_path
    section = " ".join(path)
    if not candidate.claim or _SETTING.search(section):
        return False
    if path and _RECOMMENDING.search(path[-1]):
        return True
    return advises(candidate.text) and bool(_CONCLUDING.search(section))


def answers_the_document(question: str, candidates: Sequence[Candidate]) -> bool:
    """True for a recommendation question about the document as a whole that it can answer.

    "Hva anbefaler forfatterne?" names no topic, so no sentence is very similar to it and the
    similarity threshold would refuse it; it is answerable when the passages hold recommending
    sentences of a concluding section. A question naming a topic ("Kva tilrår notatet om
    eigedomsskatt?") is left to the threshold.
    """
    if question_shape(question).kind != "recommendation" or names_a_topic(question):
        return False
    return any(recommends(c) for c in candidates)
