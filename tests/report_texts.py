"""Two short fictional reports, written for the tests, as a producer-neutral source.

A municipal annual report in bokmål and a regional evaluation in English, each with a cover,
a foreword and a summary (roman pages), numbered chapters and sections, footnotes, a table
and a reference list. `tests.report_producers` prints them the way other programs do; the
source says what a reader of the printed file must get back: its sentences, the section
each paragraph belongs to, the notes, the references, the running headers and footers.

Inline markup: ``[^n]`` is footnote marker ``n``; a soft hyphen (U+00AD) and the ligatures
ﬁ and ﬂ stand where typesetting programs put them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SHY = "\u00ad"


@dataclass(frozen=True)
class Heading:
    """A heading: ``number`` ``2.1`` (or None for an unnumbered one) and its title."""

    title: str
    number: str | None = None

    @property
    def level(self) -> int:
        """1 for a chapter, 2 for a section, ..."""
        return self.number.count(".") + 1 if self.number else 1


@dataclass(frozen=True)
class Table:
    """A table with a caption; the first row is the header."""

    caption: str
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Table | str


@dataclass(frozen=True)
class Report:
    """What the report says and how its pages are dressed."""

    title: str
    authors: tuple[str, ...]
    publisher: str
    series: str
    place_year: str
    language: str
    contents_heading: str
    chapter_word: str  # "Kapittel": how a chapter heading reads when it is set with the word
    header_odd: str
    header_even: str
    footer_odd: str  # {page} is the printed page number
    footer_even: str
    front: tuple[Block, ...]
    body: tuple[Block, ...]
    notes: dict[str, str]
    references_heading: str
    references: tuple[str, ...]
    colophon: tuple[str, ...] = field(default=())


ANNUAL = Report(
    title="Næringsarbeidet i Fjellvik kommune",
    authors=("Ingrid Solheim", "Per Arne Lunde"),
    publisher="Fjellvik kommune",
    series="Rapport 3/2023",
    place_year="Fjellvik 2023",
    language="nb",
    contents_heading="Innhold",
    chapter_word="Kapittel",
    header_odd="Næringsarbeidet i Fjellvik kommune",
    header_even="Fjellvik kommune – Rapport 3/2023",
    footer_odd="– {page} –",
    footer_even="– {page} –",
    colophon=(
        "Fjellvik kommune, Plan og næring",
        "Rapport 3/2023",
        "ISBN 978-82-93456-12-7",
        "Forsidefoto: Fjellvik havn",
    ),
    front=(
        Heading("Forord"),
        "Denne rapporten gjør rede for hvordan Fjellvik kommune arbeidet med "
        "nærings\u00adutvikling i 2023. Den er skrevet for kommunestyret, for nærings"
        "\u00adlivet i kommunen og for alle som vil vite hva fellesskapets penger ble brukt til.",
        "Vi takker bedriftene, lagene og foreningene som stilte opp til intervjuer og "
        "svarte på spørreundersøkelsen. Eventuelle feil og mangler er forfatternes ansvar.",
        Heading("Sammendrag"),
        "Kommunen brukte 4,2 millioner kroner på nærings\u00adarbeid i 2023, litt mer enn året "
        "før. Det meste gikk til tilskudd fra næringsfondet, og resten til veiledning av "
        "gründere og til felles markedsføring av reiselivet.",
        "Bedriftene er i hovedsak fornøyde med veiledningen, men de ønsker raskere "
        "saksbehandling og en tydeligere kontaktperson i kommunen. Rapporten anbefaler "
        "at kommunen samler nærings\u00adarbeidet i én enhet og lager en ny strategisk "
        "næringsplan innen utgangen av 2024.",
    ),
    body=(
        Heading("Innledning", "1"),
        "Fjellvik er en kystkommune med om lag 6 800 innbyggere, der ﬁskeri, havbruk og "
        "reiseliv er de største næringene. Kommunen har i mange år hatt en egen "
        "næringskonsulent og et kommunalt næringsfond.",
        "I 2021 vedtok kommunestyret at næringsarbeidet skulle evalueres hvert år.[^1] Denne "
        "rapporten er den tredje i rekken, og den bygger på de to foregående.",
        Heading("Bakgrunn", "1.1"),
        "Nasjonale føringer gir kommunene en tydelig rolle som samfunnsutviklere, men sier "
        "lite om hvordan næringsarbeidet skal organiseres (Stene & Mørkved, 2019). Mange "
        "små kommuner har derfor valgt ulike løsninger, fra egne næringsselskaper til "
        "samarbeid over kommunegrensene.",
        "Fjellvik har valgt å ha næringsarbeidet i kommunens egen administrasjon, med en "
        "næringskonsulent i full stilling og et politisk oppnevnt fondsstyre som fordeler "
        "tilskudd.",
        Heading("Metode", "1.2"),
        "Rapporten bygger på kommunens regnskap, på saksdokumentene fra fondsstyret og på "
        "en spørreundersøkelse blant bedriftene i kommunen.[^2] I tillegg intervjuet vi "
        "tolv ledere i nærings\u00adlivet og tre politikere i løpet av høsten.",
        "Svarprosenten i undersøkelsen var 41, som er noe lavere enn i 2022. Svarene gir "
        "likevel et godt bilde av hvordan bedriftene opplever kommunen som samarbeids"
        "\u00adpartner.",
        Heading("Funn", "2"),
        "Dette kapitlet beskriver hvordan pengene ble brukt, hvilke tiltak som ble satt i gang "
        "og hvordan bedriftene vurderer kommunens innsats.",
        Heading("Næringsfondet", "2.1"),
        "Næringsfondet delte ut 2,9 millioner kroner fordelt på 31 tilsagn i 2023. Det "
        "største enkelttilskuddet gikk til et nytt settefiskanlegg, mens de fleste tilsagnene "
        "var mindre beløp til gründere og små bedrifter.",
        Table(
            "Tabell 1: Tilsagn fra næringsfondet etter formål, 2023",
            (
                ("Formål", "Tilsagn", "Beløp (kr)"),
                ("Etablering", "14", "980 000"),
                ("Produktutvikling", "9", "1 150 000"),
                ("Kompetanse", "8", "770 000"),
            ),
        ),
        "Fondsstyret behandlet søknadene på seks møter. Gjennomsnittlig saksbehandlingstid "
        "var 38 dager, mot 45 dager året før.[^3]",
        Heading("Samarbeid med næringslivet", "2.2"),
        "Kommunen arrangerte fire frokostmøter for nærings\u00adlivet og ett større "
        "næringsforum i oktober. Frammøtet var best på møtene som handlet om rekruttering "
        "og boliger for nye arbeidstakere.",
        "Flere av de intervjuede lederne sier at kommunen er lett å få tak i, men at det "
        "er uklart hvem som har ansvaret når en sak går på tvers av etatene. En leder i "
        "reiselivet beskrev kommunen som en ﬂeksibel, men noe ufor\u00adutsigbar partner.",
        Heading("Vurdering", "3"),
        "Samlet sett gir funnene et bilde av et næringsarbeid som er til stede og blir "
        "verdsatt, men som er sårbart fordi det hviler på få personer.",
        Heading("Måloppnåelse", "3.1"),
        "Målet om kortere saksbehandlingstid ble nådd, og antallet nye foretak økte fra 22 "
        "til 27. Målet om flere samarbeidsprosjekter mellom bedriftene ble ikke nådd.[^4]",
        Heading("Organisering", "3.2"),
        "Kommunens rolle som tilrettelegger krever at flere enheter trekker i samme retning, "
        "slik også Vabo og Røiseland (2016) peker på. I Fjellvik er plan, byggesak og nærings"
        "\u00adarbeid i dag plassert i ulike avdelinger, noe som gjør samordningen "
        "vanskeligere enn den trenger å være.",
        Heading("Anbefalinger", "4"),
        "Vi anbefaler at kommunen samler næringsarbeidet i én enhet med et tydelig ansvar "
        "for å følge opp bedriftene fra første henvendelse til ferdig sak.",
        "Vi anbefaler videre at kommunen utarbeider en ny strategisk næringsplan innen "
        "utgangen av 2024, og at planen blir laget sammen med nærings\u00adlivet og "
        "nabokommunene.",
    ),
    notes={
        "1": "Kommunestyresak 45/21, vedtatt 17. juni 2021.",
        "2": "Undersøkelsen ble sendt til 214 bedrifter i september 2023.",
        "3": "Tallene er hentet fra kommunens sak- og arkivsystem.",
        "4": "Målene står i handlingsplanen for næringsarbeidet 2022–2025.",
    },
    references_heading="Litteratur",
    references=(
        "Fjellvik kommune (2021). Handlingsplan for næringsarbeidet 2022–2025. "
        "Fjellvik: Fjellvik kommune.",
        "Stene, M. & Mørkved, B. P. (2019). Kommunen sin framtidige næringsutviklingsrolle. "
        "Arbeidsnotat nr. 2. Bodø: Nord universitet.",
        "Vabo, S. I. & Røiseland, A. (2016). Styring og samstyring: governance på norsk. "
        "Bergen: Fagbokforlaget.",
    ),
)


EVALUATION = Report(
    title="Business development in the Ranfjord region",
    authors=("Maria Lindqvist", "Tor Even Haugen"),
    publisher="Ranfjord Regional Council",
    series="Evaluation report 2023",
    place_year="Mo i Rana 2023",
    language="en",
    contents_heading="Contents",
    chapter_word="Chapter",
    header_odd="Business development in the Ranfjord region",
    header_even="Ranfjord Regional Council",
    footer_odd="{page} | Evaluation 2023",
    footer_even="Evaluation 2023 | {page}",
    colophon=("Ranfjord Regional Council", "Evaluation report 2023", "ISSN 2703-9951"),
    front=(
        Heading("Preface"),
        "This report evaluates the joint business development programme of the four "
        "municipalities in the Ranfjord region. It was commissioned by the regional council "
        "and written between March and October 2023.",
        Heading("Summary"),
        "The programme reached more businesses than planned, and most of them found the "
        "support useful. The shared advisory service works well, while the regional "
        "investment fund has been slow to make decisions.",
        "We recommend that the council keeps the shared advisory service, gives the fund "
        "a simpler application process and sets aside time for evaluation in every project.",
    ),
    body=(
        Heading("Introduction", "1"),
        "The Ranfjord region consists of four municipalities with around 34 000 inhabitants "
        "in total. Industry, public services and tourism employ most of the people who live "
        "here.",
        "In 2020 the municipalities agreed to run a joint programme for business development "
        "for four years.[^1] The programme has a budget of 12 million kroner and a small "
        "secretariat hosted by the largest municipality.",
        Heading("Purpose of the evaluation", "1.1"),
        "The evaluation asks whether the programme has reached its goals, how the "
        "businesses experience the support, and what the municipalities should do when the "
        "programme ends.",
        Heading("Data and methods", "1.2"),
        "We combined a survey of 160 businesses, interviews with 18 people and a review of "
        "the programme's own reports. The survey was answered by 71 businesses.[^2]",
        "Where the sources disagree, we have given most weight to what the businesses "
        "themselves report, since they are the ones the programme is meant to serve.",
        Heading("Findings", "2"),
        "The findings are presented in the order of the programme's three goals: more new "
        "businesses, stronger cooperation between businesses and a better reputation for the "
        "region as a place to work.",
        Heading("New businesses", "2.1"),
        "The advisory service helped 64 people who wanted to start a business, and 29 of "
        "them had registered a company by the end of 2022. Most of the new companies are "
        "small service ﬁrms with one or two employees.",
        "Several interviewees said that the service is easy to reach and gives practical "
        "advice. A few found the ﬁnancial advice too general for businesses in industry.",
        Heading("Cooperation between businesses", "2.2"),
        "The programme organised eleven network meetings, and three new joint projects "
        "came out of them. This is fewer than the goal of six, but the projects that were "
        "started are still running.[^3]",
        Table(
            "Table 1: Goals and results of the programme, 2020–2023",
            (
                ("Goal", "Target", "Result"),
                ("New businesses", "25", "29"),
                ("Joint projects", "6", "3"),
                ("Network meetings", "8", "11"),
            ),
        ),
        Heading("Assessment", "3"),
        "On the whole the programme has done what it set out to do, although the work on "
        "cooperation between businesses has moved more slowly than expected.",
        "The regional investment fund is the weakest part of the programme. Applicants "
        "waited on average 71 days for a decision, and several gave up before the fund had "
        "answered (Haugen, 2021).",
        Heading("Recommendations", "4"),
        "We recommend that the municipalities keep the shared advisory service after 2024 "
        "and fund it through a simple agreement between them.",
        "We also recommend that the investment fund gets a simpler application form, a "
        "deadline for decisions and a ﬂexible way of supporting small projects.",
    ),
    notes={
        "1": "The agreement was signed by all four mayors on 2 March 2020.",
        "2": "The survey was carried out in May 2023 and gives a response rate of 44 per cent.",
        "3": "Two of the three projects concern shared recruitment of skilled workers.",
    },
    references_heading="References",
    references=(
        "Haugen, T. E. (2021). Regional funds and small businesses. Bodø: Nord University.",
        "Ranfjord Regional Council (2020). Programme plan for business development 2020–2024. "
        "Mo i Rana: Ranfjord Regional Council.",
        "Stene, M. & Mørkved, B. P. (2019). Kommunen sin framtidige næringsutviklingsrolle. "
        "Bodø: Nord universitet.",
    ),
)

REPORTS = (ANNUAL, EVALUATION)
