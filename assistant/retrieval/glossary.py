"""The literature's own terms in bokmål, nynorsk, Swedish and English, for searching across
languages: BM25 cannot match "bridge-builder" in a bokmål passage that says "brobygger", so a
question naming one of these terms also searches for its forms in the other languages.

Each concept lists the beginnings of the words that name it (folded as
`fold` folds: ø → o, æ → ae, ä → a, å → a), found at a word's start or, in the
languages that compound, inside it ("næringsfondet", "samskapingsprosjekt"). Only the terms of
the field: the roles of the municipality and the ways of working the literature discusses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

TERMS: dict[str, tuple[str, ...]] = {
    "administrator": ("forvalter", "forvaltar", "myndighetsutov", "administrator", "regulator"),
    "service producer": ("tjenesteprodusent", "tenesteprodusent", "tenesteytar",
                         "serviceleverantor", "service provider", "service producer"),
    "negotiator": ("forhandler", "forhandlar", "forhandling", "forhandlare", "forhandling",
                   "negotiat"),
    "innovator": ("innovator", "innovatoren"),
    "bridge-builder": ("brobygg", "brobyggar", "bridge-build", "bridge build"),
    "playmaker": ("playmak",),
    "co-creation": ("samskap", "co-creat", "cocreat", "co creat"),
    "co-governance": ("samstyr", "co-governance", "collaborative governance"),
    "entrepreneur role": ("entreprenorrolle", "entreprenorroll", "entrepreneurial role",
                          "entrepreneur role"),
    "volunteering": ("frivillig", "volunteer", "voluntary", "ideell", "ideel"),
    "care farm": ("inn pa tunet", "care farm", "green care"),
    "first-line service": ("forstelinje", "forstalinje", "first-line", "first line service"),
    "guidance": ("veiledning", "rettleiing", "vagledning", "radgivning", "guidance", "advisory",
                 "counselling", "consultation"),
}  # fmt: skip
# The everyday words of municipal business development that questions ask by in one language
# and documents write in another: who decides and leads ("næringssjef", "näringslivschef",
# "head of business development"), how opinions are gathered, what the sectors are. For
# searching only: unlike `TERMS`, they do not tell what a figure is of.
VOCABULARY: dict[str, tuple[str, ...]] = {
    "head of business development": ("naeringssjef", "naringslivschef", "naeringslivssjef",
                                     "head of business development",
                                     "business development manager"),
    "chief executive": ("kommunedirektor", "radmann", "kommundirektor", "kommunchef",
                        "chief executive", "chief municipal executive"),
    "mayor": ("ordforer", "ordforar", "mayor"),
    "executive board": ("formannskap", "kommunstyrelse", "executive board",
                        "executive committee"),
    "municipal council": ("kommunestyre", "kommunfullmaktig", "municipal council"),
    "county council": ("fylkeskommun", "county council", "county municipality",
                       "county authority"),
    "steering group": ("styringsgrupp", "styrgrupp", "steering group", "steering committee"),
    "programme manager": ("programleder", "programleiar", "programledare", "programme manager",
                          "program manager", "programme director"),
    "project manager": ("prosjektleder", "prosjektleiar", "projektledare", "project manager",
                        "project leader"),
    "survey": ("sporreundersok", "sporjeundersok", "enkat", "survey", "questionnaire"),
    "response rate": ("svarprosent", "svarsfrekvens", "svarandel", "response rate"),
    "learning network": ("laeringsnettverk", "larande natverk", "larandenatverk",
                         "learning network"),
    "recommendation": ("anbefal", "tilrad", "rekommend", "recommend"),
    "business fund": ("naeringsfond", "naringslivsfond", "business fund",
                      "business development fund"),
    "cooperative": ("samvirke", "andelslag", "kooperativ", "cooperative", "co-operative"),
    "tourism": ("reiseliv", "turism", "tourism", "besoksnaering", "besoksnaring",
                "visitor economy"),
    "agriculture": ("landbruk", "jordbruk", "lantbruk", "agricultur", "farming"),
    "aquaculture": ("havbruk", "oppdrett", "vattenbruk", "aquacultur", "fish farm"),
    "broadband": ("breiband", "bredband", "broadband"),
    "housing": ("bolig", "bustad", "bostad", "housing"),
}  # fmt: skip


_LATIN_MARKS = re.compile("[\u0300-\u036f]+")


def fold(text: str) -> str:
    """Case-folded text without diacritics, for comparing names and terms: 'Älvbackas' →
    'alvbackas'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ø", "o").replace("æ", "ae"))
    # The Latin letters' marks at once; a character by character pass only for other marks.
    decomposed = _LATIN_MARKS.sub("", decomposed)
    if decomposed.isascii() or not any(unicodedata.combining(char) for char in set(decomposed)):
        return decomposed
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Public bodies the literature names, each by its names in bokmål, nynorsk, Swedish and
# English and its abbreviation, folded and written as words (a hyphen or comma between words
# is a space): a Swedish report writes "SCB" where an English question asks about
# "Statistics Sweden", an English one "the Norwegian Coastal Administration" where a
# Norwegian question names "Kystverket".
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "Statistics Norway": ("statistisk sentralbyra", "ssb", "statistics norway"),
    "Statistics Sweden": ("statistiska centralbyran", "scb", "statistics sweden"),
    "Innovation Norway": ("innovasjon norge", "innovation norway"),
    "Research Council of Norway": ("forskningsradet", "norges forskningsrad",
                                   "research council of norway"),
    "Regional research funds": ("regionale forskingsfond", "regionale forskningsfond",
                                "regional research fund"),
    "Siva": ("siva", "selskapet for industrivekst", "industrial development corporation"),
    "Norwegian Coastal Administration": ("kystverket", "norwegian coastal administration",
                                         "coastal administration"),
    "Norwegian Public Roads Administration": ("statens vegvesen", "public roads administration"),
    "Swedish Transport Administration": ("trafikverket", "swedish transport administration"),
    "Norwegian Labour and Welfare Administration": (
        "nav", "arbeids og velferdsetaten", "arbeids og velferdsforvaltningen",
        "labour and welfare administration"),
    "Swedish Public Employment Service": ("arbetsformedlingen", "public employment service"),
    "Norwegian Association of Local and Regional Authorities": (
        "ks", "kommunesektorens organisasjon", "kommunenes sentralforbund",
        "association of local and regional authorities"),
    "Swedish Association of Local Authorities and Regions": (
        "skr", "sveriges kommuner och regioner", "sveriges kommuner och landsting", "skl",
        "association of local authorities and regions"),
    "Swedish Agency for Economic and Regional Growth": (
        "tillvaxtverket", "agency for economic and regional growth"),
    "County Governor": ("statsforvalteren", "statsforvaltaren", "fylkesmannen",
                        "county governor"),
    "County Administrative Board": ("lansstyrelsen", "county administrative board"),
    "Norwegian State Housing Bank": ("husbanken", "state housing bank"),
    "Norwegian Food Safety Authority": ("mattilsynet", "food safety authority"),
    "Directorate of Fisheries": ("fiskeridirektoratet", "directorate of fisheries"),
    "Norwegian Tax Administration": ("skatteetaten", "norwegian tax administration"),
    "Swedish Tax Agency": ("skatteverket", "swedish tax agency"),
    "Brønnøysund Register Centre": ("bronnoysundregistrene", "bronnoysundregistra",
                                    "bronnoysund register centre"),
    "Swedish Companies Registration Office": ("bolagsverket", "companies registration office"),
    "Sámi Parliament": ("sametinget", "samediggi", "sami parliament"),
    "Norwegian Centre for Rural Development": (
        "distriktssenteret", "kompetansesenter for distriktsutvikling",
        "centre for rural development", "centre of competence on rural development"),
    "Nord University": ("nord universitet", "nord university"),
    "Ministry of Local Government and Regional Development": (
        "kommunal og distriktsdepartementet", "ministry of local government and regional"),
    "Ministry of Local Government and Modernisation": (
        "kommunal og moderniseringsdepartementet", "ministry of local government and modern"),
    "Ministry of Trade, Industry and Fisheries": (
        "naerings og fiskeridepartementet", "ministry of trade industry and fisheries"),
    "Ministry of Enterprise": ("naringsdepartementet", "ministry of enterprise"),
    "Confederation of Norwegian Enterprise": (
        "nho", "naeringslivets hovedorganisasjon", "naeringslivets hovudorganisasjon",
        "confederation of norwegian enterprise"),
    "Confederation of Swedish Enterprise": ("svenskt naringsliv",
                                            "confederation of swedish enterprise"),
    "European Union": ("eu", "den europeiske union", "europeiska unionen", "european union"),
    # Parties, as minutes and case documents name them in votes: a question says "Frp" where
    # a nynorsk news item writes "Framstegspartiet".
    "Progress Party": ("frp", "fremskrittspartiet", "framstegspartiet", "progress party"),
    "Labour Party": ("arbeiderpartiet", "arbeidarpartiet", "labour party"),
    "Conservative Party": ("hoyre", "hogre", "conservative party"),
    "Centre Party": ("senterpartiet", "centre party", "center party"),
    "Socialist Left Party": ("sosialistisk venstreparti", "socialist left party"),
    "Christian Democratic Party": ("krf", "kristelig folkeparti", "christian democratic party"),
    "Green Party": ("mdg", "miljopartiet de gronne", "green party"),
    "Swedish Social Democrats": ("socialdemokraterna", "social democrats"),
    "Moderate Party": ("moderaterna", "moderate party"),
    "Swedish Centre Party": ("centerpartiet",),
    "Sweden Democrats": ("sverigedemokraterna", "sweden democrats"),
    "Christian Democrats": ("kristdemokraterna", "christian democrats"),
    "Left Party": ("vansterpartiet", "left party"),
}  # fmt: skip


def organisation_forms(folded_name: str) -> tuple[str, ...]:
    """Every name of the public body a folded name is one of the names of ("statistics
    sweden" → "statistiska centralbyran", "scb", "statistics sweden"); none when it is no
    body of `ORGANISATIONS`. The name may be written in the genitive ("kystverkets"), or go
    on past a name of several words ("ministry of local government and regional
    development")."""
    name = " ".join(_WORD.findall(folded_name))
    for forms in ORGANISATIONS.values():
        if any(
            name in (form, f"{form}s") or (" " in form and name.startswith(f"{form} "))
            for form in forms
        ):
            return forms
    return ()


# The Nordic countries, each by its names, then its adjectives, in the four languages, folded:
# a Swedish report writes "Sverige" or "svenska kommuner" where an English question names
# "Sweden". So is Northern Norway, the part of the country the literature most speaks of.
COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Northern Norway": (("nord-norge", "nord-noreg", "northern norway", "nordnorge",
                         "norra norge", "north norway"), ("nordnorsk", "north norwegian")),
    "Norway": (("norge", "noreg", "norway"), ("norsk", "norwegian")),
    "Sweden": (("sverige", "sweden"), ("svensk", "swedish")),
    "Finland": (("finland",), ("finsk", "finnish")),
    "Denmark": (("danmark", "denmark"), ("dansk", "danish")),
}  # fmt: skip


def country_forms(folded_name: str) -> tuple[str, ...]:
    """Every name and adjective of the country a folded name names ("sweden" → "sverige",
    "svensk", ...), or of the countries a name joins ("sweden-norway", "norge–sverige": a
    cross-border programme is in either); none for a name that is no country of
    `COUNTRIES`."""
    name = " ".join(_WORD.findall(folded_name))
    forms = next(
        (names + adjectives for names, adjectives in COUNTRIES.values() if name in names), ()
    )
    parts = re.split(r"\s*[-–—/]\s*", folded_name.strip())
    if forms or len(parts) < 2:
        return forms
    joined = [country_forms(part) for part in parts]
    return tuple(form for forms in joined for form in forms) if all(joined) else ()


_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Least length of a form found inside a compound word ("samskapingsprosjekt").
COMPOUND_PART = 6


class FoldedText:
    """A folded text's words, read once, and which forms of a term table it holds."""

    def __init__(self, folded: str) -> None:
        self.words = _WORD.findall(folded)
        self._joined = f" {' '.join(self.words)} "

    def holds(self, form: str, inner: int | None) -> bool:
        """Whether the text holds a form: a phrase or a form of three letters or fewer
        ("vd") as whole words; else a word beginning with it or, when `inner` is given, a
        word holding a form at least that long inside it (a compound)."""
        if " " in form or len(form) <= 3:
            return f" {form} " in self._joined or (" " in form and f" {form}" in self._joined)
        return any(
            word.startswith(form) or (inner is not None and len(form) >= inner and form in word)
            for word in self.words
        )

    def named(self, table: Mapping[str, tuple[str, ...]], inner: int | None) -> frozenset[str]:
        """The keys of a term table (key: its forms) whose forms the text holds."""
        return frozenset(
            key for key, forms in table.items() if any(self.holds(f, inner) for f in forms)
        )


def glossary_terms(folded: str, compounds: bool = True) -> frozenset[str]:
    """The terms of `TERMS` a folded text names, in any of its forms."""
    return FoldedText(folded).named(TERMS, COMPOUND_PART if compounds else None)


def glossary_words(folded: str, compounds: bool = True) -> list[str]:
    """The other forms, in all four languages, of each term, everyday word and public body the
    folded question names (not the ones it uses: those would only weigh its own words twice)."""
    text = FoldedText(folded)
    inner = COMPOUND_PART if compounds else None
    return [
        *_other_forms(text, TERMS, inner, shortest=4),
        *_other_forms(text, VOCABULARY, inner),
        *_other_forms(text, ORGANISATIONS, None),
    ]


def _other_forms(
    text: FoldedText, table: Mapping[str, tuple[str, ...]], inner: int | None, shortest: int = 0
) -> list[str]:
    """The forms of each entry of a table the text names that it does not use itself, in
    the table's order; none shorter than `shortest` letters."""
    return [
        form
        for key in sorted(text.named(table, inner), key=list(table).index)
        for form in table[key]
        if len(form.replace(" ", "")) >= shortest and not text.holds(form, inner)
    ]
