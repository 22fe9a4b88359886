"""The source of ospedal-saksframlegg-naeringsfond-2025.docx: a nynorsk municipal case document.

A saksframlegg as a municipality's case-handling system writes one into Word: a table of case
facts at the top, a table of the bodies that handle the case, the proposed decision as a
numbered list, headings in Word's heading styles, a table of the fund's grants per year with a
caption paragraph above it, the handling in the executive committee and its recommendation, and a
running header and footer with "Side n av m" fields. Built by `build_routes.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

TITLE = "Statusrapport for Ospedal næringsfond 2020–2024 og ramme for 2025–2027"

CASE_FACTS = [
    ("Saksbehandlar:", "Ingrid Flatebø, næringsrådgjevar"),
    ("Arkiv:", "FE-243"),
    ("Arkivsaksnr.:", "24/1187"),
    ("Dato:", "14.05.2025"),
]

BODIES = [
    ("Utval", "Møtedato", "Utvalssak"),
    ("Formannskapet", "03.06.2025", "41/25"),
    ("Kommunestyret", "19.06.2025", "62/25"),
]

PROPOSAL = [
    "Kommunestyret tek statusrapporten for Ospedal næringsfond 2020–2024 til orientering.",
    "Ramma for næringsfondet vert sett til 2,4 millionar kroner i året for 2025, 2026 og 2027. "
    "Fondet vert finansiert med konsesjonsavgifter og utbyte frå Ospedal Kraft AS.",
    "Inntil 20 prosent av den årlege ramma vert sett av til samskapingsprosjekt der lag og "
    "foreiningar er med frå starten.",
    "Høgste tilskot per prosjekt vert auka frå 150 000 kroner til 200 000 kroner.",
    "Næringssjefen får fullmakt til å avgjere søknader på inntil 50 000 kroner. Andre søknader "
    "vert avgjorde av formannskapet.",
    "Kommunedirektøren legg fram ei evaluering av samskapingsmidlane for kommunestyret innan "
    "1. desember 2026.",
]

RECOMMENDATION = [
    *PROPOSAL,
    "Gründarstipendet held fram med 50 000 kroner per stipend og inntil fire stipend i året.",
]

ATTACHMENTS = [
    "Retningsliner for Ospedal næringsfond, vedtekne av kommunestyret 12.12.2019, sak 88/19",
    "Årsmelding for Ospedal næringsfond 2024",
    "Oversikt over innvilga søknader 2020–2024",
]

GRANTS_CAPTION = "Søknader, innvilga søknader og tildelt frå næringsfondet per år 2020–2024"
GRANTS = [
    ("År", "Søknader", "Innvilga", "Tildelt, kroner", "Av dette samskaping, kroner"),
    ("2020", "21", "14", "1 380 000", "0"),
    ("2021", "26", "19", "1 720 000", "120 000"),
    ("2022", "31", "22", "2 060 000", "260 000"),
    ("2023", "35", "27", "2 310 000", "340 000"),
    ("2024", "29", "23", "2 150 000", "410 000"),
    ("Sum", "142", "105", "9 620 000", "1 130 000"),
]

# (heading level, heading) or (0, paragraph); "table" and list markers are laid out in build().
BODY: list[tuple[int, str]] = [
    (1, "Samandrag"),
    (
        0,
        "Ospedal næringsfond har sidan 2020 tildelt 9,62 millionar kroner til 105 prosjekt. "
        "Fondet har gjeve kommunen eit verktøy for å vere samfunnsutviklar og playmakar "
        "saman med næringslivet og laga, og samskapingsprosjekta har fått ein aukande del av "
        "midlane. Kommunedirektøren tilrår ei fast ramme på 2,4 millionar kroner i året for "
        "2025–2027, ein større del til samskaping, høgare tilskot per prosjekt og at "
        "næringssjefen får avgjere små søknader sjølv.",
    ),
    (1, "Saksopplysningar"),
    (2, "Bakgrunn"),
    (
        0,
        "Ospedal kommune har 4 620 innbyggjarar per 1. januar 2025. Kommunestyret oppretta "
        "Ospedal næringsfond i desember 2019, då det kommunale næringsfondet frå 1990-talet "
        "vart slått saman med kraftfondet. Retningslinene seier at fondet skal styrkje "
        "eksisterande næringsliv, hjelpe nye verksemder i gang og gjere kommunen i stand til å "
        "vere samfunnsutviklar saman med næringslivet og frivilligheita.",
    ),
    (
        0,
        "Fondet vert forvalta av næringssjefen, som saksbehandlar søknadene og legg dei fram "
        "for formannskapet. Næringssjef Eirik Hovland har hatt ansvaret sidan 2021. Før det "
        "var stillinga delt mellom landbrukskontoret og rådmannen sin stab. Denne saka er den "
        "første samla rapporteringa om fondet sidan det vart oppretta.",
    ),
    (2, "Tidlegare handsaming"),
    (
        0,
        "Kommunestyret oppretta fondet og vedtok retningslinene 12.12.2019 i sak 88/19. "
        "Formannskapet innførte gründarstipend på prøve 15.03.2022 i sak 17/22. I "
        "budsjettet for 2025, vedteke 12.12.2024 i sak 95/24, vart ramma for næringsfondet "
        "mellombels sett til 2,2 millionar kroner i påvente av denne saka.",
    ),
    (2, "Tildelingar 2020–2024"),
    (
        0,
        "Fondet har i perioden fått 142 søknader og innvilga 105 av dei. Talet på søknader auka "
        "kvart år fram til 2023 og gjekk ned i 2024, då to større landbruksprosjekt fekk støtte "
        "frå Innovasjon Noreg i staden. Tabell 1 viser søknader og tildelingar år for år.",
    ),
    (0, "table"),
    (
        0,
        "Til saman har fondet tildelt 9,62 millionar kroner. Det største enkelttilskotet i "
        "perioden gjekk i 2023 til Ospedal Fjellmat AS, som fekk 150 000 kroner til eit nytt "
        "foredlingsanlegg for lam og kje. Om lag 40 prosent av midlane har gått til "
        "landbruk og reiseliv, 35 prosent til andre etablerte verksemder og resten til gründarar "
        "og samskapingsprosjekt.",
    ),
    (2, "Gründarstipend"),
    (
        0,
        "Sidan 2022 har fondet også gjeve gründarstipend på 50 000 kroner til personar som "
        "startar ei verksemd i kommunen. Det er delt ut elleve stipend: tre i 2022, fire i 2023 "
        "og fire i 2024. Åtte av dei elleve verksemdene var framleis i drift i april 2025. "
        "Stipenda er rekna med i tildelingane i tabell 1.",
    ),
    (2, "Arbeidsplassar"),
    (
        0,
        "Verksemdene som har fått tilskot, melder at prosjekta har gjeve 47 nye arbeidsplassar i "
        "perioden 2020–2024, dei fleste i reiseliv, matforedling og bygg. Kommunen har ikkje "
        "kontrollert tala mot registerdata, og nokre av arbeidsplassane er sesongarbeid. "
        "Kommunedirektøren meiner difor at talet må lesast som eit øvre anslag.",
    ),
    (2, "Kommunen sine roller i næringsarbeidet"),
    (
        0,
        "Kommuneplanen sin samfunnsdel 2022–2034 skildrar fire roller for kommunen i "
        "næringsarbeidet: forvaltar, tenesteprodusent, samfunnsutviklar og entreprenør. "
        "Fondet høyrer først og fremst til samfunnsutviklarrolla, men dei siste åra har "
        "kommunen også brukt det til å vere forhandlar, innovatør og brubyggjar.",
    ),
    (
        0,
        "Som forhandlar fekk kommunen i 2022 på plass ein avtale med Ospedal Kraft AS om at "
        "lokale verksemder kan kjøpe straum frå konsesjonskrafta til fast pris i fem år. "
        "Som innovatør har kommunen saman med to nabokommunar teke i bruk ein digital "
        "søknadsportal for tilskot, som har korta ned sakshandsamingstida frå seks til to "
        "veker.",
    ),
    (
        0,
        "Den tydelegaste rolla som brubyggjar og playmakar har kommunen teke i Stølsruta. "
        "Kommunen samla Ospedal Bondelag, Ospedal Sanitetslag og to reiselivsbedrifter om eit "
        "felles tilbod der turistar kan besøkje stølar med sal av ost og rømmegraut om "
        "sommaren. Stølsruta hadde ni opne stølar og om lag 6 300 besøkjande sommaren 2024. "
        "Kommunen leia arbeidet det første året og overlét det så til bondelaget.",
    ),
    (2, "Samskaping med lag og foreiningar"),
    (
        0,
        "Fondet har sidan 2021 gjeve 1,13 millionar kroner til samskapingsprosjekt, der "
        "kommunen, næringslivet og frivillige lag saman definerer oppgåva. Døme er ei ny "
        "skiløype i Nedre Ospedal, som idrettslaget og to hyttefelteigarar bygde med 90 000 "
        "kroner frå fondet, og eit inkluderingsprosjekt der Ospedal Sanitetslag og tre "
        "verksemder gjev arbeidstrening til nye innbyggjarar.",
    ),
    (2, "Offentlege innkjøp"),
    (
        0,
        "Fondet finansierer ikkje innkjøpsarbeidet, men næringssjefen har saman med "
        "innkjøpskontoret halde ein årleg leverandørdag sidan 2022. Delen av kommunen sine "
        "innkjøp som gjekk til leverandørar i Ospedal, auka frå 22 prosent i 2021 til 27 prosent "
        "i 2024. Kommunen må halde seg til regelverket for offentlege anskaffingar og kan ikkje "
        "favorisere lokale leverandørar.",
    ),
    (1, "Økonomiske konsekvensar"),
    (
        0,
        "Framlegget aukar ramma for 2025 med 0,2 millionar kroner samanlikna med budsjettet. "
        "Auken vert dekt av fondskapitalen, som var 6,1 millionar kroner ved utgangen av 2024. "
        "Saka har ingen konsekvensar for driftsbudsjettet elles.",
    ),
    (1, "Konsekvensar for klima og miljø"),
    (
        0,
        "Retningslinene gjev ikkje tilskot til prosjekt som aukar utsleppa frå verksemda. "
        "Kommunedirektøren ser ingen andre konsekvensar for klima og miljø av framlegget.",
    ),
    (1, "Vurdering"),
    (
        0,
        "Kommunedirektøren meiner næringsfondet har verka etter føremålet. Fondet har nådd "
        "mange fleire søkjarar enn før 2020, og samskapingsprosjekta har gjeve resultat som "
        "lag og næringsliv sjølve held ved lag. Nedgangen i 2024 kjem av at to store prosjekt "
        "fann anna finansiering, ikkje av mindre interesse.",
    ),
    (
        0,
        "Inntektene frå konsesjonsavgiftene er venta å liggje på om lag 1,6 millionar kroner i "
        "året, og utbytet frå Ospedal Kraft AS på om lag 0,8 millionar kroner. Ei ramme på "
        "2,4 millionar kroner i året er difor forsvarleg utan at fondskapitalen vert redusert. "
        "Kommunedirektøren tilrår å auke høgste tilskot per prosjekt, fordi fleire av dei beste "
        "prosjekta i 2023 og 2024 måtte delast opp i to søknader.",
    ),
    (
        0,
        "Ein større del til samskaping krev at laga vert tekne med tidleg. Kommunedirektøren "
        "tilrår difor at samskapingsmidlane vert evaluerte før ramma for 2028 og seinare år "
        "vert fastsett.",
    ),
    (1, "Handsaming i formannskapet 03.06.2025"),
    (
        0,
        "Sigrid Aasland (Sp) sette fram dette tilleggsframlegget som nytt punkt 7: "
        "«Gründarstipendet held fram med 50 000 kroner per stipend og inntil fire stipend i "
        "året.»",
    ),
    (
        0,
        "Røysting: Kommunedirektøren sitt framlegg vart samrøystes vedteke. Tilleggsframlegget "
        "frå Sigrid Aasland vart vedteke med 5 mot 2 røyster.",
    ),
]

HEADER = f"Ospedal kommune · Saksframlegg · Arkivsak 24/1187 · {CASE_FACTS[3][1]}"


def build(out: Path) -> None:
    """Write the case document to `out`."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Sans"
    normal.font.size = Pt(11)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    properties = document.core_properties
    properties.title = TITLE
    properties.author = "Ingrid Flatebø"
    properties.subject = "Saksframlegg, Ospedal kommune"
    properties.language = "nn-NO"
    properties.created = properties.modified = datetime(2025, 5, 14, tzinfo=UTC)
    properties.revision = 1

    document.add_paragraph("Ospedal kommune").runs[0].bold = True
    _pairs(document, CASE_FACTS)
    document.add_paragraph()
    _grid(document, BODIES, header=True)
    document.add_paragraph()
    document.add_paragraph(TITLE, style="Title")

    document.add_heading("Kommunedirektøren sitt framlegg til vedtak", level=1)
    for item in PROPOSAL:
        document.add_paragraph(item, style="List Number")
    document.add_heading("Vedlegg", level=1)
    for number, attachment in enumerate(ATTACHMENTS, 1):
        document.add_paragraph(f"{number}. {attachment}")

    for level, text in BODY:
        if level:
            document.add_heading(text, level=level)
        elif text == "table":
            caption = document.add_paragraph()
            caption.add_run("Tabell 1 ").bold = True
            caption.add_run(GRANTS_CAPTION)
            _grid(document, GRANTS, header=True, figures=True)
            document.add_paragraph()
        else:
            document.add_paragraph(text)

    document.add_heading("Formannskapet si innstilling", level=1)
    for number, item in enumerate(RECOMMENDATION, 1):
        document.add_paragraph(f"{number}. {item}", style="List Paragraph")

    _furniture(section)
    document.save(str(out))


def _pairs(document: docx.document.Document, rows: list[tuple[str, str]]) -> None:
    """The case facts as a borderless two-column table, labels in bold."""
    table = document.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = value
        cells[0].width, cells[1].width = Cm(4), Cm(12)


def _grid(
    document: docx.document.Document,
    rows: Sequence[tuple[str, ...]],
    header: bool,
    figures: bool = False,
) -> None:
    """A ruled table, the first row in bold, figures aligned right."""
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for number, values in enumerate(rows):
        cells = table.add_row().cells
        for column, (cell, value) in enumerate(zip(cells, values, strict=True)):
            run = cell.paragraphs[0].add_run(value)
            run.bold = header and number == 0
            if figures and column > 0:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _furniture(section: docx.section.Section) -> None:
    """Running header with the case number, footer with "Side n av m" as Word fields."""
    header = section.header.paragraphs[0]
    header.text = HEADER
    header.runs[0].font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Side ")
    _field(footer, "PAGE", "1")
    footer.add_run(" av ")
    _field(footer, "NUMPAGES", "1")


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A complex field (begin, instruction, separator, cached result, end), as Word writes it."""

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run(shown)
    char("end")
