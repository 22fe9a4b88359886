"""Lexical analysis for Norwegian-first retrieval: pure functions, no I/O.

Questions come in bokmål, nynorsk, Swedish and English over mostly bokmål text. The analyser
folds case and Unicode forms, maps frequent nynorsk and Swedish word forms to bokmål, maps the
Swedish letters ä/ö to æ/ø, stems with Snowball's Norwegian stemmer (which serves bokmål and
nynorsk), drops function words, and can split long compounds into parts the corpus knows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)

# Frequent nynorsk and Swedish forms whose bokmål form the stemmer would not reach.
TO_BOKMAAL: dict[str, str] = {
    # nynorsk
    "kva": "hva",
    "pengar": "penger",
    "skreiv": "skrev",
    "forfattar": "forfatter",
    "forfattarane": "forfatterne",
    "partnarskap": "partnerskap",
    "underskot": "underskudd",
    "overskot": "overskudd",
    "partnarar": "partnere",
    "verkstad": "verksted",
    "arbeidsverkstaden": "arbeidsverkstedet",
    "rådgjevingsmiljø": "rådgivningsmiljø",
    "tilrår": "anbefaler",
    "eigedomsskatt": "eiendomsskatt",
    "nemnt": "nevnt",
    "nemnde": "nevnte",
    "viktigaste": "viktigste",
    "korleis": "hvordan",
    "kvifor": "hvorfor",
    "kven": "hvem",
    "kvar": "hvor",
    "ikkje": "ikke",
    "eg": "jeg",
    "ein": "en",
    "eit": "et",
    "dei": "de",
    "deira": "deres",
    "noko": "noe",
    "nokon": "noen",
    "mykje": "mye",
    "berre": "bare",
    "frå": "fra",
    "sjølv": "selv",
    "heile": "hele",
    "vere": "være",
    "gjere": "gjøre",
    "gjer": "gjør",
    "seier": "sier",
    "meiner": "mener",
    "særleg": "særlig",
    "òg": "også",
    "einskilde": "enkelte",
    "teneste": "tjeneste",
    "tenester": "tjenester",
    "tenesta": "tjenesten",
    "tenesteprodusent": "tjenesteprodusent",
    "tenesteprodusentar": "tjenesteprodusenter",
    "forvaltar": "forvalter",
    "forvaltarar": "forvaltere",
    "rolla": "rollen",
    "rollane": "rollene",
    "kommunane": "kommunene",
    "fylkeskommunane": "fylkeskommunene",
    "moglegheit": "mulighet",
    "moglegheiter": "muligheter",
    "moglegheitene": "mulighetene",
    "utfordringar": "utfordringer",
    "utfordringane": "utfordringene",
    "drivarar": "drivere",
    "samfunnsdrivarar": "samfunnsdrivere",
    "endringar": "endringer",
    "innbyggjarar": "innbyggere",
    "innbyggjarane": "innbyggerne",
    "verksemd": "virksomhet",
    "verksemder": "virksomheter",
    "forhandlar": "forhandler",
    "brubyggjar": "brobygger",
    "brubyggar": "brobygger",
    "brobyggjar": "brobygger",
    "innovatørar": "innovatører",
    "entreprenørar": "entreprenører",
    "offentlege": "offentlige",
    "offentleg": "offentlig",
    "anskaffingar": "anskaffelser",
    "haldningar": "holdninger",
    "haldning": "holdning",
    "frivilligheita": "frivilligheten",
    "gründarar": "gründere",
    "korfor": "hvorfor",
    "nemner": "nevner",
    "skildrar": "beskriver",
    "døme": "eksempel",
    "dømer": "eksempler",
    "ressursar": "ressurser",
    "arbeidsverkstad": "arbeidsverksted",  # Swedish
    "underskott": "underskudd",
    "øverskott": "overskudd",
    "vad": "hva",
    "hur": "hvordan",
    "varför": "hvorfor",
    "vem": "hvem",
    "inte": "ikke",
    "och": "og",
    "kommunernas": "kommunenes",
    "kommunerna": "kommunene",
    "roll": "rolle",
    "näringsliv": "næringsliv",
    "näringslivet": "næringslivet",
    "företag": "bedrifter",
    "samstyrning": "samstyring",
    "förhandlare": "forhandler",
    "brobyggare": "brobygger",
    "tjänster": "tjenester",
    "tjänsteproducent": "tjenesteprodusent",
    "förvaltare": "forvalter",
    "möjligheter": "muligheter",
    "utmaningar": "utfordringer",
    "upphandling": "anskaffelser",
    "upphandlingar": "anskaffelser",
    "sociala": "sosiale",
    "socialt": "sosialt",
    "samhällsentreprenörskap": "samfunnsentreprenørskap",
    "entreprenörskap": "entreprenørskap",
    "säger": "sier",
    "menar": "mener",
    "arbetet": "arbeidet",
    "utveckling": "utvikling",
    "civilsamhället": "sivilsamfunnet",
    "välfärd": "velferd",
    "kunskap": "kunnskap",
    "resurser": "ressurser",
    "samverkan": "samhandling",
}

# Function words of bokmål, nynorsk, Swedish and English that carry no topic.
STOPWORDS = frozenset(
    """
    og i på til av for med som er det den de en et ei å at om fra har ikke kan skal vil var
    være blir ble blitt seg sin sitt sine han hun vi du jeg dere deres dem oss meg deg man
    også men eller så da når hva hvordan hvorfor hvem hvor hvilke hvilken hvilket noe noen
    mer mest mye bare enn etter over under mellom ved ut opp inn alle andre denne dette disse
    her der nå kun selv sier sa mener gjør gjøre må bør kunne skulle ville hadde har hatt
    om paper notatet rapporten forfatterne de dei
    the a an of to in on for with as is are was were be been by from at it its this that
    these those what how why who which whom does do did say says said about paper report
    authors according they their there can could should would will not no or and but
    och att som är det den en ett av för med på till om vad hur varför vilka vilken vilket
    inte kan ska skulle säger menar rapporten författarna
    when where whose whom was has have had me my you your we our us he she his her him them
    one two then than also more most many much tell give gives given mean means meant
    described describe describes explain explains anything something does any some
    när var vem vems hade har han hon hans hennes dem de oss vi mig dig man mer mest många
    mycket också sedan berätta ge ger betyder beskriver förklarar något några
    kor kva korleis kvifor kven kvar fekk fikk ho dykk dokker me oss
    """.split()
)

_STEMMER = snowballstemmer.stemmer("norwegian")


def _swedish_letters_folded(word: str) -> str:
    return word.replace("ä", "æ").replace("ö", "ø")


# Lookups happen on folded words, so the Swedish keys are folded too.
TO_BOKMAAL = {_swedish_letters_folded(key): value for key, value in TO_BOKMAAL.items()}
STOPWORDS = frozenset(_swedish_letters_folded(word) for word in STOPWORDS)


def fold(text: str) -> str:
    """Unicode-normalise and case-fold; Swedish ä/ö become Norwegian æ/ø."""
    return _swedish_letters_folded(unicodedata.normalize("NFKC", text).casefold())


def words(text: str) -> list[str]:
    """The words of a text, folded, with hyphenated forms kept whole."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Bokmål form of a word, stemmed."""
    word = TO_BOKMAAL.get(word, word)
    return str(_STEMMER.stemWord(word))


def content_words(text: str) -> list[str]:
    """Folded words that are not function words or bare numbers below 1000."""
    return [
        word
        for word in words(text)
        if TO_BOKMAAL.get(word, word) not in STOPWORDS
        and word not in STOPWORDS
        and not (word.isdigit() and len(word) < 4)
    ]


def split_compound(word: str, vocabulary: Container[str], min_part: int = 4) -> list[str]:
    """Known parts of a long compound word (``næringsutviklingskommune`` → ``næring``...).

    Greedy from the right: the longest known tail, then the head, allowing the Norwegian
    linking letters -s- and -e-. Returns [] when the word does not split into known words.
    """
    if len(word) < 2 * min_part + 1:
        return []
    for cut in range(min_part, len(word) - min_part + 1):
        head, tail = word[:cut], word[cut:]
        if tail not in vocabulary:
            continue
        for candidate in (head, head[:-1] if head[-1:] in "se" else None):
            if not candidate or len(candidate) < min_part:
                continue
            if candidate in vocabulary:
                return [candidate, tail]
            inner = split_compound(candidate, vocabulary, min_part)
            if inner:
                return [*inner, tail]
    return []


def analyse(
    text: str, vocabulary: Container[str] | None = None, decompound: bool = True
) -> list[str]:
    """Index terms of a text: stems of its content words, plus stems of compound parts."""
    terms: list[str] = []
    for word in content_words(text):
        word = TO_BOKMAAL.get(word, word)
        terms.append(stem(word))
        if decompound and vocabulary and "-" not in word:
            terms.extend(stem(part) for part in split_compound(word, vocabulary))
    return [*terms, *figures(text)]


# A figure written with a decimal comma or point, or a time or date ("1,3", "17.30",
# "1.1.2024"): the same in every language, where the words around it differ.
_FIGURE = re.compile(r"(?<![\w.,:])\d+(?:[.,:]\d+)+(?![\w])")


def figures(text: str) -> list[str]:
    """The figures with a decimal or time separator a text writes, as written."""
    return _FIGURE.findall(text)


def char_ngrams(text: str, n: int = 4) -> list[str]:
    """Character n-grams of a text's content words, folded to bokmål, with word boundaries,
    and of its figures with a separator ("17.30", "1,3"), which words alone split.

    They match across inflection, compounds and the spelling differences of neighbouring
    languages ("innovasjon"/"innovation", "samstyrning"/"samstyring") without a dictionary.
    """
    grams: list[str] = []
    for word in [*content_words(text), *figures(text)]:
        padded = f"_{TO_BOKMAAL.get(word, word)}_"
        grams.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return grams


def stems(text: str) -> set[str]:
    """The distinct stems of a text's content words (no compound splitting)."""
    return set(analyse(text, None, decompound=False))


def vocabulary_of(texts: Iterable[str], min_length: int = 4) -> frozenset[str]:
    """Standalone words of a corpus, the parts compounds may be split into."""
    return frozenset(
        TO_BOKMAAL.get(word, word)
        for text in texts
        for word in content_words(text)
        if len(word) >= min_length and word.isalpha()
    )
