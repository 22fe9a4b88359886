"""Source of brekkvoll-strategisk-naeringsplan-2025-2029.pdf.

A fictional bokmål strategic business plan of the invented Brekkvoll kommune. Written as a Word
file with python-docx (Heading styles, typed contents page, real Word footnotes, a running header
with the municipality name, a footer with a PAGE field, two tables, a fact box as a shaded
one-cell table) and printed to PDF with LibreOffice. The PDF is the corpus document,
evals/corpora/library_b/brekkvoll-strategisk-naeringsplan-2025-2029.pdf; the .docx is not
committed. From the repository root, with WORKDIR a scratch folder:

    DOCX=WORKDIR/brekkvoll-strategisk-naeringsplan-2025-2029.docx
    .venv/bin/python evals/corpora/library_b/sources/brekkvoll_naeringsplan.py "$DOCX"
    soffice --headless --convert-to pdf --outdir OUTDIR "$DOCX"

writes OUTDIR/brekkvoll-strategisk-naeringsplan-2025-2029.pdf (soffice names the PDF after the
.docx); with OUTDIR evals/corpora/library_b it rebuilds the committed file.

All names, places and figures are invented.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MARKER = re.compile(r"\[\^(\d+)\]")
KOMMUNE = "Brekkvoll kommune"
TITLE = "Strategisk næringsplan 2025–2029"

FOOTNOTES = {
    "1": (
        "Kilde: Enhetsregisteret og Foretaksregisteret, uttrekk per 31. desember 2024. Tallet "
        "omfatter enkeltpersonforetak, aksjeselskap og samvirkeforetak med forretningsadresse i "
        "kommunen."
    ),
    "2": (
        "Stene, M. og Mørkved, B. P. (2019): Kommunen sin framtidige næringsutviklingsrolle. "
        "Arbeidsnotat. Planen bygger på rollebegrepene derfra, men trekker egne konklusjoner for "
        "Brekkvoll."
    ),
    "3": (
        "Avtalen om innkjøpssamarbeid i Vestmark gjelder fra 1. januar 2025 og omfatter Brekkvoll, "
        "Trollnes og Elvland kommuner."
    ),
    "4": (
        "Vedtektene for Brekkvoll næringsfond ble sist revidert av kommunestyret 14. juni 2023 "
        "(sak 41/23). Maksimalt tilskudd til én søker er 150 000 kroner per kalenderår."
    ),
    "5": (
        "Konsesjonskraftinntektene var 11,3 millioner kroner i 2023. Kommunestyret har bestemt at "
        "1,6 millioner kroner av disse inntektene skal avsettes til næringsfondet hvert år i "
        "planperioden."
    ),
}

CONTENTS = [
    ("Forord", "3"),
    ("1 Innledning og bakgrunn", "4"),
    ("1.1 Planens formål og forankring", "4"),
    ("1.2 Næringslivet i Brekkvoll", "4"),
    ("2 Resultater fra forrige planperiode 2020–2024", "4"),
    ("3 Kommunens roller i næringsarbeidet", "5"),
    ("3.1 Fra forvalter til playmaker", "5"),
    ("3.2 Samskaping med næringsliv og frivillighet", "5"),
    ("4 Satsingsområder", "6"),
    ("4.1 Førstelinjetjeneste for gründere", "6"),
    ("4.2 Tindegården næringshage", "6"),
    ("4.3 Innkjøp som næringspolitisk verktøy", "6"),
    ("4.4 Regionalt samarbeid i Vestmark", "6"),
    ("5 Brekkvoll næringsfond", "7"),
    ("6 Handlingsplan 2025–2029", "7"),
    ("7 Oppfølging og rapportering", "8"),
    ("Noter og kilder", "8"),
]

BODY: list[tuple[Any, ...]] = [
    ("h1", "Forord"),
    (
        "p",
        "Brekkvoll er en kommune der de fleste arbeidsplassene finnes i små bedrifter, og der "
        "kommunen selv er den største arbeidsgiveren. Det gir kommunen et særlig ansvar, men også "
        "et særlig handlingsrom. Med denne planen vil kommunestyret gjøre næringsarbeidet mer "
        "forutsigbart for bedriftene, mer målbart for politikerne og mer åpent for alle som vil "
        "bidra.",
    ),
    (
        "p",
        "Planen er utarbeidet av næringsavdelingen i samarbeid med Brekkvoll Næringsforum, "
        "Tindegården næringshage, bondelaget, fiskarlaget og representanter for lag og foreninger. "
        "Det ble holdt fire åpne innspillsmøter i perioden mars til juni 2024, med til sammen 143 "
        "deltakere.",
    ),
    (
        "p",
        "Takk til alle som har gitt innspill. Vi gleder oss til å gjennomføre planen sammen med "
        "dere.",
    ),
    ("sign", "Brekkvoll, desember 2024\nPål Henrik Aukrust, ordfører"),
    ("h1", "1 Innledning og bakgrunn"),
    ("h2", "1.1 Planens formål og forankring"),
    (
        "p",
        "Strategisk næringsplan 2025–2029 er en temaplan under kommuneplanens samfunnsdel. Planen "
        "ble vedtatt av kommunestyret i Brekkvoll 12. desember 2024 (sak 87/24) og erstatter "
        "næringsplanen for 2020–2024. Planen skal rulleres etter kommunevalget i 2027, og "
        "handlingsplanen i kapittel 6 skal revideres hvert år i forbindelse med "
        "budsjettbehandlingen.",
    ),
    (
        "p",
        "Hovedmålet for perioden er at Brekkvoll skal ha minst 2 900 arbeidsplasser i privat "
        "sektor innen utgangen av 2029. Ved inngangen til planperioden var tallet 2 640. Delmålene "
        "er flere nyetableringer som overlever de tre første årene, en større andel lokale "
        "leverandører i kommunens egne innkjøp og et tettere samarbeid med nabokommunene Trollnes "
        "og Elvland.",
    ),
    ("h2", "1.2 Næringslivet i Brekkvoll"),
    (
        "p",
        "Brekkvoll hadde 6 840 innbyggere per 1. januar 2024. Det var registrert 731 aktive "
        "foretak i kommunen ved utgangen av 2024[^1], hvorav 412 enkeltpersonforetak. Havbruk og "
        "sjømat er den største eksportnæringen, med Kolbrå Sjømat AS som største private "
        "arbeidsgiver med 184 ansatte. Treindustrien står fortsatt sterkt i indre del av kommunen, "
        "der Sørmo Trevare AS har 62 ansatte. Reiseliv, bygg og anlegg og landbruk er de andre "
        "bærebjelkene.",
    ),
    (
        "p",
        "Kommunen har en eldre befolkning enn landsgjennomsnittet, og mange bedrifter står foran "
        "et generasjonsskifte. Næringsforumet anslår at om lag 60 bedrifter vil trenge nye eiere i "
        "løpet av planperioden. Dette er både en risiko og en mulighet, og generasjonsskifte er "
        "derfor et eget tema i førstelinjetjenesten.",
    ),
    ("h1", "2 Resultater fra forrige planperiode 2020–2024"),
    (
        "p",
        "Næringsplanen for 2020–2024 hadde som mål å skape 250 nye arbeidsplasser i privat sektor. "
        "Resultatet ble 168 nye arbeidsplasser, altså om lag to tredjedeler av målet. Pandemien i "
        "2020 og 2021 rammet særlig reiselivet, og to større etableringer innen havbruk ble "
        "utsatt.",
    ),
    (
        "p",
        "I forrige planperiode ble det registrert 212 nyetableringer i kommunen. Næringsfondet "
        "innvilget 96 tilsagn på til sammen 7,9 millioner kroner, og førstelinjetjenesten "
        "gjennomførte 318 veiledningssamtaler med etablerere. En gjennomgang som næringsavdelingen "
        "gjorde høsten 2024 viser at 58 prosent av foretakene som fikk etablererstøtte i 2020 og "
        "2021, fortsatt var i drift tre år etter.",
    ),
    (
        "p",
        "Evalueringen peker også på svakheter. Kommunens egne innkjøp ble i liten grad brukt som "
        "næringspolitisk verktøy: bare 14 prosent av innkjøpsvolumet i 2023 gikk til leverandører "
        "med adresse i Brekkvoll. Samarbeidet med nabokommunene var i stor grad prosjektbasert og "
        "avhengig av enkeltpersoner, og flere bedrifter opplevde at det var uklart hvem i kommunen "
        "de skulle kontakte.",
    ),
    (
        "fact",
        "Faktaboks: Forrige planperiode i tall",
        [
            "Mål: 250 nye arbeidsplasser – resultat: 168",
            "Nyetableringer 2020–2024: 212",
            "Tilsagn fra næringsfondet: 96, til sammen 7,9 mill. kr",
            "Veiledningssamtaler i førstelinjetjenesten: 318",
            "Lokal andel av kommunens innkjøp 2023: 14 prosent",
        ],
    ),
    ("h1", "3 Kommunens roller i næringsarbeidet"),
    ("h2", "3.1 Fra forvalter til playmaker"),
    (
        "p",
        "Kommunen har tradisjonelt hatt tre roller i næringsarbeidet: som forvalter av lover og "
        "regler, som tjenesteprodusent og som utvikler. Forskningen har de siste årene beskrevet "
        "hvordan utviklerrollen endrer seg, og hvordan kommunen i større grad må være forhandler, "
        "innovatør og brobygger[^2]. Brekkvoll kommune slutter seg til denne beskrivelsen, men "
        "legger til en erfaring fra egen praksis: de beste resultatene i forrige periode kom der "
        "kommunen sørget for at andre aktører tok ballen, ikke der kommunen selv drev prosjektene.",
    ),
    (
        "p",
        "Vi bruker derfor ordet playmaker om den rollen kommunen skal ta i planperioden. En "
        "playmaker scorer sjelden selv, men ser spillet, slår pasningene og sørger for at laget "
        "henger sammen. For Brekkvoll betyr det at kommunen skal være raus med informasjon, "
        "tydelig på hva den selv kan bidra med, og villig til å la næringshagen, næringsforumet og "
        "frivilligheten eie tiltakene.",
    ),
    (
        "p",
        "Forvalterrollen er likevel ikke mindre viktig. Rask og forutsigbar saksbehandling av "
        "plan- og byggesaker er det bedriftene etterspør mest. Kommunen har som mål at 90 prosent "
        "av byggesakene fra næringslivet skal behandles innen lovens frist på tolv uker, mot 71 "
        "prosent i 2023. Som tjenesteprodusent skal kommunen sikre gode barnehager, skoler og "
        "helsetjenester, fordi det er avgjørende for at bedriftene får rekruttert folk.",
    ),
    ("h2", "3.2 Samskaping med næringsliv og frivillighet"),
    (
        "p",
        "Samskaping betyr at kommunen, næringslivet og sivilsamfunnet definerer utfordringene "
        "sammen og deler på ressursene. I Brekkvoll har dette vært prøvd ut i Sjøbodløftet, der "
        "bygdelaget i Lauvnes, Kolbrå Sjømat AS og kommunen sammen restaurerte tre sjøbuer til "
        "utleie og møteplass. Kommunen stilte med prosjektleder og 300 000 kroner, bedriften med "
        "materialer og frivilligheten med over 2 000 dugnadstimer.",
    ),
    (
        "p",
        "I planperioden vil kommunen opprette en fast samskapingsarena, Brekkvoll-verkstedet, som "
        "skal samles to ganger i året. Verkstedet skal ledes av næringssjefen og ha faste "
        "representanter fra næringsforumet, ungdomsrådet og frivilligsentralen. Arenaen skal ikke "
        "fordele penger, men prioritere hvilke utfordringer kommunen og partnerne skal jobbe med "
        "sammen.",
    ),
    ("h1", "4 Satsingsområder"),
    ("h2", "4.1 Førstelinjetjeneste for gründere"),
    (
        "p",
        "Førstelinjetjenesten er kommunens dør inn for alle som vil starte eller utvikle en "
        "bedrift. Tjenesten gir gratis veiledning om forretningsidé, finansiering, regelverk og "
        "støtteordninger, og henviser videre til Innovasjon Norge, fylkeskommunen og næringshagen "
        "ved behov. Fra 2025 skal tjenesten være bemannet med 1,5 årsverk, mot ett årsverk i "
        "forrige periode.",
    ),
    (
        "p",
        "Næringssjef Ingvild Saltnes har det faglige ansvaret for førstelinjetjenesten. Målet er "
        "at alle henvendelser skal besvares innen tre virkedager, og at minst 80 "
        "veiledningssamtaler skal gjennomføres hvert år. Tjenesten skal også tilby et eget kurs i "
        "generasjonsskifte i samarbeid med regnskapsbyråene i kommunen.",
    ),
    ("h2", "4.2 Tindegården næringshage"),
    (
        "p",
        "Tindegården næringshage ble etablert i 2016 og holder til i det gamle meieriet i sentrum. "
        "Næringshagen drives av Brekkvoll Næringshage AS, der kommunen eier 34 prosent og lokale "
        "bedrifter resten. Daglig leder er Jørn Myrheim. Ved utgangen av 2024 hadde næringshagen "
        "27 leietakere med til sammen 71 arbeidsplasser.",
    ),
    (
        "p",
        "Kommunen og næringshagen har inngått en ny samarbeidsavtale for perioden 2025–2029. "
        "Avtalen gir næringshagen et årlig driftstilskudd og ansvar for oppfølging av etablerere "
        "etter at de har vært gjennom førstelinjetjenesten. Næringshagen skal også drive "
        "inkubatorprogrammet Startrom, som skal ta opp seks nye bedrifter hvert år.",
    ),
    ("h2", "4.3 Innkjøp som næringspolitisk verktøy"),
    (
        "p",
        "Kommunen kjøper varer og tjenester for om lag 240 millioner kroner i året. Innenfor "
        "regelverket for offentlige anskaffelser er det mye kommunen kan gjøre for at lokale "
        "bedrifter skal kunne konkurrere: dele opp kontrakter, holde leverandørkonferanser i "
        "forkant av store anskaffelser og publisere en innkjøpsplan for de neste tolv månedene.",
    ),
    (
        "p",
        "Målet er at andelen av innkjøpsvolumet som går til leverandører i Brekkvoll, skal øke fra "
        "14 prosent i 2023 til 25 prosent i 2029. Fra 2025 inngår kommunen i et felles "
        "innkjøpskontor med Trollnes og Elvland[^3]. Innkjøpssjef Randi Furuvik leder kontoret, "
        "som skal arrangere minst to leverandørdager i året.",
    ),
    ("h2", "4.4 Regionalt samarbeid i Vestmark"),
    (
        "p",
        "Brekkvoll, Trollnes og Elvland samarbeider i Vestmark regionråd. I planperioden skal "
        "kommunene utrede et felles næringsapparat med felles førstelinjetjeneste og felles "
        "næringsfondsforvaltning. Utredningen skal legges fram for kommunestyrene innen 30. juni "
        "2026. Brekkvoll kommune vil være vertskommune dersom samarbeidet blir etablert.",
    ),
    (
        "p",
        "Samarbeidet skal ikke svekke den lokale tilstedeværelsen. Kommunestyret har lagt til "
        "grunn at det fortsatt skal være en fast kontaktperson for næringslivet i rådhuset i "
        "Brekkvoll, uansett hvordan et felles næringsapparat organiseres.",
    ),
    ("h1", "5 Brekkvoll næringsfond"),
    (
        "p",
        "Næringsfondet er kommunens viktigste virkemiddel for direkte støtte til bedrifter og "
        "etablerere[^4]. Fondet finansieres hovedsakelig av konsesjonskraftinntekter[^5], og fra "
        "2025 også av renter på fondets kapital. I 2025 tilføres fondet i tillegg 800 000 kroner "
        "fra fylkeskommunens ordning for kommunale næringsfond.",
    ),
    (
        "p",
        "Fondet kan gi tilskudd til etablering, produktutvikling, kompetanseheving og "
        "markedsføring, og lån til investeringer. Fondsstyret består av formannskapet, og "
        "næringsavdelingen er sekretariat. Søknader under 50 000 kroner avgjøres administrativt.",
    ),
    (
        "table",
        "Tabell 1. Rammer for Brekkvoll næringsfond 2025–2029 (1 000 kr)",
        [
            ["Post", "2025", "2026", "2027", "2028", "2029"],
            ["Etablerertilskudd", "900", "950", "1 000", "1 000", "1 050"],
            ["Bedriftsutvikling", "1 100", "1 150", "1 200", "1 200", "1 250"],
            ["Samskapingsprosjekter", "400", "400", "400", "400", "400"],
            ["Sum årlig ramme", "2 400", "2 500", "2 600", "2 600", "2 700"],
        ],
    ),
    (
        "p",
        "Ordningen med samskapingsprosjekter er ny. Den skal gi tilskudd til prosjekter der minst "
        "én bedrift og én frivillig organisasjon samarbeider med kommunen, slik som i "
        "Sjøbodløftet.",
    ),
    ("h1", "6 Handlingsplan 2025–2029"),
    (
        "p",
        "Tabellen viser tiltakene i planperioden, hvem som har ansvaret og hvor mye kommunen har "
        "satt av hvert år. Beløpene kommer i tillegg til næringsfondet og til lønn for fast "
        "ansatte i næringsavdelingen.",
    ),
    (
        "table",
        "Tabell 2. Tiltak, ansvar og budsjett per år (1 000 kr)",
        [
            ["Tiltak", "Ansvar", "2025", "2026", "2027", "2028", "2029"],
            [
                "T1 Førstelinjetjeneste og generasjonsskiftekurs",
                "Næringsavdelingen",
                "650",
                "650",
                "675",
                "675",
                "700",
            ],
            [
                "T2 Driftstilskudd Tindegården næringshage",
                "Brekkvoll Næringshage AS",
                "450",
                "450",
                "475",
                "475",
                "500",
            ],
            [
                "T3 Inkubatorprogrammet Startrom",
                "Brekkvoll Næringshage AS",
                "300",
                "300",
                "300",
                "300",
                "300",
            ],
            [
                "T4 Leverandørdager og innkjøpsplan",
                "Innkjøpskontoret i Vestmark",
                "120",
                "120",
                "120",
                "120",
                "120",
            ],
            [
                "T5 Samskapingsarenaen Brekkvoll-verkstedet",
                "Næringssjefen",
                "80",
                "80",
                "80",
                "80",
                "80",
            ],
            [
                "T6 Utredning av felles næringsapparat",
                "Vestmark regionråd",
                "250",
                "150",
                "0",
                "0",
                "0",
            ],
            ["T7 Ungt entreprenørskap i skolen", "Oppvekstsektoren", "95", "95", "95", "95", "95"],
            ["Sum", "", "1 945", "1 845", "1 745", "1 745", "1 795"],
        ],
    ),
    ("h1", "7 Oppfølging og rapportering"),
    (
        "p",
        "Kommunedirektør Marte Grindal har det overordnede ansvaret for at planen gjennomføres. "
        "Næringsavdelingen skal rapportere på måloppnåelsen i årsmeldingen, med tall for "
        "arbeidsplasser, nyetableringer, tilsagn fra næringsfondet og lokal andel av innkjøpene. "
        "Halvveis i perioden, i 2027, skal det gjennomføres en ekstern midtveisevaluering.",
    ),
    (
        "p",
        "Kommunestyret vil bruke evalueringen når planen skal rulleres. Dersom målet om 2 900 "
        "arbeidsplasser i privat sektor ligger an til ikke å nås, skal tiltakene vurderes på nytt "
        "før budsjettet for 2028 vedtas.",
    ),
]


def build(out: Path) -> None:
    document = docx.Document()
    _styles(document)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.8), Cm(2.4)
    section.different_first_page_header_footer = True
    _header_footer(section)
    _cover(document)
    _contents(document)
    for block in BODY:
        kind = block[0]
        if kind == "h1":
            heading = document.add_paragraph(block[1], style="Heading 1")
            if block[1] in ("Forord", "1 Innledning og bakgrunn"):
                heading.paragraph_format.page_break_before = True
        elif kind == "h2":
            document.add_paragraph(block[1], style="Heading 2")
        elif kind == "p":
            _runs(document.add_paragraph(), block[1])
        elif kind == "sign":
            p = document.add_paragraph()
            p.paragraph_format.space_before = Pt(14)
            first, second = block[1].split("\n")
            p.add_run(first).add_break()
            p.add_run(second).italic = True
        elif kind == "fact":
            _fact_box(document, block[1], block[2])
        elif kind == "table":
            _table(document, block[2], block[1])
    document.add_paragraph("Noter og kilder", style="Heading 1")
    document.add_paragraph(
        "Kildehenvisninger står som fotnoter på den siden de gjelder. Tallgrunnlaget for kapittel "
        "2 er næringsavdelingens egen gjennomgang av forrige planperiode, datert oktober 2024."
    )
    _add_footnotes(document, FOOTNOTES)
    props = document.core_properties
    props.title = TITLE
    props.author = KOMMUNE
    props.subject = "Temaplan for næringsutvikling"
    props.language = "nb-NO"
    props.created = props.modified = datetime(2024, 12, 13, 9, 0, 0)
    document.save(str(out))


def _styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(11.5)
    normal.paragraph_format.space_after = Pt(7)
    normal.paragraph_format.line_spacing = 1.2
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "nb-NO")
    rpr.append(lang)
    for name, size, colour in (
        ("Heading 1", 17, (0x6B, 0x2D, 0x1F)),
        ("Heading 2", 13, (0x8A, 0x4B, 0x2A)),
    ):
        style = document.styles[name]
        style.font.name = "Liberation Sans"
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(*colour)
        style.paragraph_format.space_before = Pt(18 if name == "Heading 1" else 11)
        style.paragraph_format.space_after = Pt(5)
    title = document.styles["Title"]
    title.font.name = "Liberation Sans"
    title.font.size = Pt(30)
    title.font.color.rgb = RGBColor(0x6B, 0x2D, 0x1F)


def _header_footer(section) -> None:
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = header.add_run(KOMMUNE.upper() + "  |  " + TITLE)
    run.font.size = Pt(8.5)
    run.font.name = "Liberation Sans"
    run.font.color.rgb = RGBColor(0x8A, 0x4B, 0x2A)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = footer.add_run("– ")
    r.font.size = Pt(9)
    _field(footer, "PAGE", "1")
    r = footer.add_run(" –")
    r.font.size = Pt(9)


def _field(paragraph, instruction: str, shown: str) -> None:
    def run_with(element):
        run = paragraph.add_run()
        run.font.size = Pt(9)
        run._r.append(element)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(shown).font.size = Pt(9)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _cover(document) -> None:
    top = document.add_paragraph(KOMMUNE.upper())
    top.paragraph_format.space_before = Pt(40)
    top.runs[0].font.size = Pt(14)
    top.runs[0].font.name = "Liberation Sans"
    top.runs[0].bold = True
    top.runs[0].font.color.rgb = RGBColor(0x8A, 0x4B, 0x2A)
    t = document.add_paragraph(TITLE, style="Title")
    t.paragraph_format.space_before = Pt(150)
    sub = document.add_paragraph("Sammen om verdiskaping – kommunen som playmaker")
    sub.runs[0].font.size = Pt(16)
    sub.runs[0].italic = True
    for i, line in enumerate(
        [
            "Temaplan under kommuneplanens samfunnsdel",
            "Vedtatt i kommunestyret 12. desember 2024, sak 87/24",
            "Brekkvoll kommune · Rådhusvegen 2 · 8899 Brekkvoll",
        ]
    ):
        p = document.add_paragraph(line)
        if i == 0:
            p.paragraph_format.space_before = Pt(170)
        p.runs[0].font.size = Pt(10)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(document) -> None:
    h = document.add_paragraph("Innhold")
    h.runs[0].font.size = Pt(17)
    h.runs[0].bold = True
    h.runs[0].font.name = "Liberation Sans"
    for text, page in CONTENTS:
        p = document.add_paragraph(f"{text}\t{page}")
        indent = 0.8 if re.match(r"\d\.\d", text) else 0
        p.paragraph_format.left_indent = Cm(indent)
        p.paragraph_format.space_after = Pt(3)
        p.paragraph_format.tab_stops.add_tab_stop(
            Cm(15.8), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )


def _runs(paragraph, text: str) -> None:
    pos = 0
    for match in MARKER.finditer(text):
        paragraph.add_run(text[pos : match.start()])
        _footnote_reference(paragraph, match.group(1))
        pos = match.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _fact_box(document, title: str, lines: list[str]) -> None:
    table = document.add_table(rows=1, cols=1)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell = table.cell(0, 0)
    _shade(cell, "F3E6D8")
    p = cell.paragraphs[0]
    r = p.add_run(title)
    r.bold = True
    r.font.name = "Liberation Sans"
    for line in lines:
        q = cell.add_paragraph("▪ " + line)
        q.paragraph_format.space_after = Pt(2)
        q.runs[0].font.size = Pt(10.5)
    document.add_paragraph()


def _table(document, rows: list[list[str]], caption: str) -> None:
    cap = document.add_paragraph()
    r = cap.add_run(caption)
    r.bold = True
    r.font.size = Pt(10)
    cap.paragraph_format.keep_with_next = True
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for ri, row in enumerate(rows):
        for ci, value in enumerate(row):
            cell = table.cell(ri, ci)
            cell.text = value
            p = cell.paragraphs[0]
            p.paragraph_format.space_after = Pt(1)
            if ri == 0:
                _shade(cell, "6B2D1F")
            if ci > 0 and (len(rows[0]) == 6 or ci > 1):
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in p.runs:
                run.font.size = Pt(9)
                run.font.name = "Liberation Sans"
                if ri == 0:
                    run.bold = True
                    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                if row[0].startswith("Sum"):
                    run.bold = True
    widths = [Cm(5.6), Cm(3.7)] + [Cm(1.3)] * 5 if len(rows[0]) == 7 else [Cm(5.0)] + [Cm(2.0)] * 5
    table.autofit = False
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(w.twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w
    document.add_paragraph()


def _footnote_reference(paragraph, note: str) -> None:
    run = paragraph.add_run()
    props = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    props.append(align)
    run._r.append(props)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), note)
    run._r.append(ref)


def _add_footnotes(document, notes: dict[str, str]) -> None:
    raised = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    small = '<w:rPr><w:sz w:val="17"/></w:rPr>'
    bodies = "".join(
        f'<w:footnote w:id="{n}"><w:p>'
        f'<w:r>{raised}<w:footnoteRef/></w:r><w:r>{small}<w:t xml:space="preserve"> '
        f"{t.replace('&', '&amp;').replace('<', '&lt;')}</w:t></w:r></w:p></w:footnote>"
        for n, t in notes.items()
    )
    xml = (
        f'<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
        f"{bodies}</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(), document.part.package
    )
    document.part.relate_to(part, RT.FOOTNOTES)


if __name__ == "__main__":
    build(Path(sys.argv[1]))
