"""Source of arsmelding-skarvdal-naeringsutvikling-2024.pdf, the 17th document of the library.

A fictional annual report (årsmelding 2024, bokmål) of Skarvdal Næringsutvikling AS, a business
development company owned by three fictional municipalities (Skarvdal, Heimvær, Almedal). It is
written as a Word file with python-docx (Title and Heading styles, a typed table of contents, real
Word footnotes, a running header and a footer with a PAGE field, two tables) and printed to PDF
by LibreOffice (`evals/corpora/library/build_routes.py`).

All places, companies, people and figures are invented.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips

COMPANY = "Skarvdal Næringsutvikling AS"
TITLE = "Årsmelding 2024"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MARKER = re.compile(r"\[\^(\d+)\]")

FOOTNOTES = {
    "1": (
        "Strategien ble vedtatt i ekstraordinær generalforsamling 14. juni 2022, etter at "
        "kommunestyrene i alle tre eierkommunene hadde behandlet den i mai 2022."
    ),
    "2": (
        "Tallene for nye arbeidsplasser bygger på bedriftenes egne anslag i sluttrapportene og er "
        "ikke kontrollert mot registerdata."
    ),
    "3": (
        "Ordningen med delegert vedtaksmyndighet til daglig leder ble innført 1. september 2023. "
        "Før det ble alle søknadene avgjort av formannskapene."
    ),
    "4": (
        "Fra 1. januar 2025 drives Fjøsloftet av Almedal Bygdeutvikling SA, et samvirkeforetak "
        "der leietakerne og lagene er medlemmer."
    ),
}

CONTENTS = [
    ("Styrets beretning", "3"),
    ("1 Om selskapet", "4"),
    ("2 Nøkkeltall", "5"),
    ("3 Selskapets roller", "5"),
    ("4 Prosjekter i 2024", "6"),
    ("5 Økonomi", "7"),
    ("6 Veien videre", "8"),
    ("Styret og administrasjonen", "8"),
]

OWNERS = [
    [
        "Kommune",
        "Eierandel",
        "Innbyggere 1.1.2024",
        "Driftstilskudd 2024, mill. kr",
        "Tildelt fra næringsfondet 2024, mill. kr",
    ],
    ["Skarvdal", "50 %", "6 740", "2,10", "1,45"],
    ["Heimvær", "30 %", "3 980", "1,26", "0,92"],
    ["Almedal", "20 %", "2 310", "0,84", "0,61"],
    ["Sum", "100 %", "13 030", "4,20", "2,98"],
]

KEY_FIGURES = [
    ["Nøkkeltall", "2022", "2023", "2024"],
    ["Søknader til næringsfondene", "58", "67", "74"],
    ["Innvilgede søknader", "41", "49", "53"],
    ["Tildelt fra næringsfondene, mill. kr", "2,46", "2,71", "2,98"],
    ["Veiledningssamtaler med etablerere og bedrifter", "286", "341", "392"],
    ["Nye foretak i de tre kommunene", "47", "52", "61"],
    ["Nye arbeidsplasser (bedriftenes anslag)", "34", "39", "45"],
    ["Selskapets driftsinntekter, mill. kr", "8,1", "8,9", "9,6"],
    ["Årsresultat, kr", "−86 000", "112 000", "204 000"],
]

# The body: ("h1", text), ("h2", text), ("p", text), ("bullet", text), ("table", rows, caption),
# ("sign", text), ("break",). Footnote references are written [^n].
BODY: list[tuple] = [
    ("h1", "Styrets beretning"),
    (
        "p",
        "2024 var det andre året i strategiperioden 2023–2026, og det første hele året der "
        "selskapet arbeidet etter den nye rollefordelingen med eierkommunene. Næringsfondene vi "
        "forvalter på vegne av Skarvdal, Heimvær og Almedal, tildelte 2,98 millioner kroner til "
        "53 prosjekter, det høyeste beløpet siden selskapet ble stiftet i 2009. Bedriftene som "
        "fikk støtte, meldte om 45 nye arbeidsplasser.",
    ),
    (
        "p",
        "Det viktigste vi gjorde i 2024, var likevel ikke å dele ut penger. Vi åpnet Fjøsloftet i "
        "Almedal sammen med samvirkelaget, bondelaget og ungdomslaget, og vi forberedte "
        "overleveringen av Rekrutteringsløftet havbruk, som vi ga fra oss i januar 2025 etter 22 "
        "måneder, slik vi hadde lovet. Det er slik vi forstår rollen som playmaker: vi setter "
        "sammen laget, spiller ballen videre og går av banen før vi blir en del av inventaret.",
    ),
    (
        "p",
        "Selskapet fikk et årsresultat på 204 000 kroner, etter et underskudd på 86 000 kroner i "
        "2022 og et overskudd på 112 000 kroner i 2023. Styret mener at forutsetningen om "
        "fortsatt drift er til stede, og at årsregnskapet gir et rettvisende bilde av selskapets "
        "eiendeler og gjeld, finansielle stilling og resultat.",
    ),
    (
        "p",
        "Ved utgangen av året hadde selskapet sju ansatte i 6,2 årsverk, fire kvinner og tre menn. "
        "Sykefraværet var 3,1 prosent, og det har ikke vært skader eller ulykker. Styret består av "
        "to kvinner og tre menn. Selskapets virksomhet forurenser ikke det ytre miljøet i "
        "nevneverdig grad.",
    ),
    (
        "p",
        "Styret takker de ansatte, eierkommunene og alle bedrifter, lag og foreninger som har "
        "arbeidet sammen med oss i 2024.",
    ),
    ("sign", "Skarvdal, 12. mars 2025"),
    ("sign", "Bjarne Østhagen, styreleder          Tone Kristin Ulvestad, daglig leder"),
    ("h1", "1 Om selskapet"),
    (
        "p",
        "Skarvdal Næringsutvikling AS ble stiftet 3. mars 2009 av Skarvdal og Heimvær kommuner. "
        "Almedal kommune kom inn som eier i 2016, da selskapet overtok næringsarbeidet i alle tre "
        "kommunene. Selskapet har forretningskontor i Storgata 11 i Skarvdal og et "
        "avdelingskontor på rådhuset i Heimvær.",
    ),
    (
        "p",
        "Selskapets formål er å fremme næringsutvikling og verdiskaping i de tre eierkommunene. "
        "Selskapet skal ikke betale utbytte; et eventuelt overskudd skal brukes til formålet. "
        "Eierne styrer selskapet gjennom generalforsamlingen og en felles eierstrategi, som sist "
        "ble revidert i 2022. Selskapet er førstelinjetjeneste for etablerere og bedrifter, "
        "forvalter kommunenes næringsfond og driver utviklingsprosjekter sammen med "
        "næringslivet, lag og foreninger og offentlige aktører.",
    ),
    ("h2", "1.1 Eierkommunene"),
    (
        "p",
        "Tabell 1 viser eierandelene, folketallet per 1. januar 2024, eiernes driftstilskudd og "
        "tildelingene fra hver kommunes næringsfond i 2024. Driftstilskuddet fordeles etter "
        "eierandel, mens hvert kommunestyre selv fastsetter rammen for sitt eget næringsfond.",
    ),
    ("table", OWNERS, "Tabell 1 Eierkommunene i 2024"),
    (
        "p",
        "Almedal har den minste eierandelen, men fikk i 2024 mest igjen per innbygger fra "
        "næringsfondene, vesentlig på grunn av Fjøsloftet. Heimvær finansierer sitt næringsfond "
        "med inntekter fra havbruksfondet, Skarvdal og Almedal med konsesjonsavgifter.",
    ),
    ("h2", "1.2 Fra strategi 2019–2022 til strategi 2023–2026"),
    (
        "p",
        "Strategi 2019–2022, «Vekst i Skarvdalsregionen», hadde som hovedmål 120 nye "
        "arbeidsplasser. Bedriftene meldte om 104 nye arbeidsplasser i perioden, og fondene "
        "tildelte til sammen 8,9 millioner kroner til 162 prosjekter. Selskapet var i den "
        "perioden først og fremst forvalter og veileder. En ekstern gjennomgang fra Kystanalyse "
        "AS i 2022 konkluderte med at selskapet «forvaltet godt, men utviklet lite».",
    ),
    (
        "p",
        "Strategi 2023–2026, «Sammen om verdiskaping», ble vedtatt av generalforsamlingen.[^1] "
        "Den har fire mål for perioden: 150 nye arbeidsplasser, 220 nye foretak, minst fire nye "
        "samskapingsprosjekter hvert år og at 30 prosent av eierkommunenes innkjøp går til "
        "leverandører i regionen innen 2026.",
    ),
    ("h1", "2 Nøkkeltall"),
    ("p", "Tabell 2 viser selskapets viktigste nøkkeltall for de tre siste årene."),
    ("table", KEY_FIGURES, "Tabell 2 Nøkkeltall 2022–2024"),
    (
        "p",
        "Antallet søknader har økt hvert år, og 72 prosent av søknadene ble innvilget i 2024. "
        "Saksbehandlingstiden for søknader til næringsfondene var i gjennomsnitt 19 dager i 2024, "
        "mot 31 dager i 2022. Av de 61 nye foretakene i 2024 ble 34 registrert i Skarvdal, 17 i "
        "Heimvær og 10 i Almedal.",
    ),
    (
        "p",
        "I de to første årene av strategiperioden har bedriftene meldt om 84 nye arbeidsplasser, "
        "litt over halvparten av målet på 150.[^2] Flest nye arbeidsplasser kom i havbruk, "
        "matforedling og bygg og anlegg.",
    ),
    ("h1", "3 Selskapets roller"),
    (
        "p",
        "Eierstrategien fra 2022 fordeler rollene i næringsarbeidet mellom kommunene og "
        "selskapet. Kommunene er forvaltere etter plan- og bygningsloven og annet lovverk og "
        "tjenesteprodusenter for innbyggerne, og de beholder rollen som forhandler. Selskapet har "
        "fått tre roller: forvalter av næringsfondene på oppdrag fra kommunene, brobygger og "
        "playmaker.",
    ),
    (
        "p",
        "Arbeidsnotatet fra Nord universitet (Stene og Mørkved, 2019) beskriver playmakerrollen "
        "som kommunens egen. Vi mener at rollen passer bedre for et selskap på armlengdes avstand, "
        "fordi en kommune som både fordeler pengene og setter sammen laget, lett blir både dommer "
        "og spiller.",
    ),
    ("h2", "3.1 Forvalter av næringsfondene"),
    (
        "p",
        "Selskapet forvalter de tre kommunale næringsfondene etter retningslinjer som hvert "
        "kommunestyre har vedtatt. Vi tar imot og behandler søknadene, og daglig leder avgjør "
        "søknader på inntil 100 000 kroner. Større søknader avgjøres av formannskapet i kommunen "
        "som eier fondet, etter innstilling fra selskapet.[^3]",
    ),
    (
        "p",
        "Det største enkelttilskuddet i 2024, 250 000 kroner, gikk til Heimvær Skjell AS for et "
        "nytt mottaksanlegg for blåskjell på Kvalnes. Fondene gir normalt tilskudd til høyst 50 "
        "prosent av godkjente kostnader.",
    ),
    (
        "p",
        "Som forvalter skal vi være forutsigbare og behandle søkerne likt. Vi gir derfor ikke "
        "tilskudd til prosjekter der selskapet selv er deltaker, og en medarbeider som har "
        "arbeidet i et prosjekt, behandler ikke søknader fra det.",
    ),
    ("h2", "3.2 Brobygger og playmaker"),
    (
        "p",
        "Vi skiller mellom rollene som brobygger og playmaker. Som brobygger kobler vi aktører som "
        "allerede ønsker å samarbeide, for eksempel når en bedrift trenger en leverandør eller et "
        "lag trenger en samarbeidspartner. I 2024 formidlet selskapet 46 slike koblinger.",
    ),
    (
        "p",
        "Som playmaker tar vi initiativ der ingen ennå har tatt ansvar, setter sammen laget og "
        "legger fra første dag en plan for når vi skal trekke oss ut. Styret vedtok i 2023 en "
        "toårsregel: selskapet skal gå ut av styringen av et playmakerprosjekt senest 24 måneder "
        "etter oppstart. Arbeidsnotatet fra 2019 og flere evalueringer behandler brobygger og "
        "playmaker nærmest som to navn på samme rolle. Vår erfaring er at forskjellen betyr mye, "
        "fordi playmakeren tar en risiko som brobyggeren slipper.",
    ),
    (
        "p",
        "Prosjektleder Marius Fagervold har ansvaret for playmakerprosjektene. Han rapporterer "
        "til styret hvert kvartal om hvilke prosjekter selskapet leder, og når de skal overlates "
        "til andre.",
    ),
    ("h2", "3.3 Forhandler og innovatør"),
    (
        "p",
        "Selskapet skal ikke være forhandler på vegne av eierkommunene. Da Heimvær kommune i 2024 "
        "forhandlet med Heimvær Kraftlag SA om kortreist kraft til industriområdet på Sandøra, "
        "deltok selskapet bare som rådgiver for kommunen. Styret mener at avtaler som binder "
        "kommunenes eiendom eller inntekter, må forhandles av folkevalgte eller "
        "kommunedirektøren, ikke av et aksjeselskap.",
    ),
    (
        "p",
        "Som innovatør har selskapet prøvd ut Næringsbussen, et mobilt kontor som besøker "
        "grendene i de tre kommunene. Bussen hadde 64 stopp og 212 besøk i 2024, og fire av de ti "
        "nye foretakene i Almedal tok første kontakt med oss i bussen.",
    ),
    ("h1", "4 Prosjekter i 2024"),
    ("p", "Selskapet ledet eller deltok i 14 prosjekter i 2024. Her omtaler vi de fire største."),
    ("h2", "4.1 Fjøsloftet i Almedal"),
    (
        "p",
        "Fjøsloftet er et felles hus for gründere, småskala matprodusenter og lag i det gamle "
        "lageret til samvirkelaget i Almedal sentrum. Selskapet tok initiativet høsten 2023 og "
        "samlet Almedal Samvirkelag SA, Almedal Bondelag, Almedal Ungdomslag og tre "
        "gründerbedrifter. Huset åpnet 15. oktober 2024 og har ti kontorplasser, et "
        "produksjonskjøkken og en sal som lagene kan låne gratis.",
    ),
    (
        "p",
        "Ombyggingen kostet 3,2 millioner kroner. Almedals næringsfond bidro med 0,4 millioner "
        "kroner, Innovasjon Norge med 0,9 millioner kroner og Sparebankstiftelsen Skarvdal med "
        "0,8 millioner kroner, mens samvirkelaget sto for 1,1 millioner kroner. Selskapet ledet "
        "arbeidet ut 2024 og har deretter overlatt driften til brukerne selv.[^4]",
    ),
    ("h2", "4.2 Rekrutteringsløftet havbruk"),
    (
        "p",
        "Havbruksbedriftene i Heimvær konkurrerer om de samme fagarbeiderne. I mars 2023 samlet "
        "selskapet tre oppdrettsselskaper, Heimvær videregående skole, NAV Heimvær og Heimvær "
        "Frivilligsentral om et felles rekrutteringsløp med lærlingplasser, boliger og et "
        "velkomstprogram for nye arbeidstakere. I 2024 hadde løpet 18 lærlinger, mot 7 i 2022, "
        "og 23 nye arbeidstakere deltok i velkomstprogrammet.",
    ),
    (
        "p",
        "Selskapet ledet styringsgruppen til januar 2025, 22 måneder etter oppstart. Ledelsen er "
        "nå overtatt av den største bedriften, Heimvær Havbruk AS.",
    ),
    ("h2", "4.3 Lokalt levert"),
    (
        "p",
        "Lokalt levert er et program for leverandørutvikling som selskapet driver sammen med "
        "innkjøpskontorene i de tre kommunene og Skarvdal Næringsforening. Programmet holdt fem "
        "anbudskurs med til sammen 71 deltakere i 2024. Andelen av eierkommunenes innkjøp som gikk "
        "til leverandører i regionen, var 26 prosent i 2024, mot 22 prosent i 2022.",
    ),
    (
        "p",
        "Kommunene kan ikke favorisere lokale leverandører. Programmet handler derfor om å gjøre "
        "de lokale bedriftene bedre i stand til å konkurrere, ikke om å skjerme dem. Prosjektleder "
        "Linn Therese Aakre leder programmet.",
    ),
    ("h2", "4.4 Bygdeløftet"),
    (
        "p",
        "Bygdeløftet er selskapets program for samskaping med lag og foreninger. I 2024 startet "
        "fem nye samskapingsprosjekter, mot fire i 2023, blant dem en turløype med gapahuk på "
        "Heimværøya og en delebod for verktøy og friluftsutstyr i Skarvdal sentrum. Prosjektene "
        "fikk til sammen 0,52 millioner kroner fra næringsfondene, og lagene la ned anslagsvis "
        "3 900 dugnadstimer.",
    ),
    ("h1", "5 Økonomi"),
    (
        "p",
        "Selskapet hadde driftsinntekter på 9,6 millioner kroner i 2024, mot 8,9 millioner kroner "
        "i 2023. Driftsinntektene fordelte seg slik:",
    ),
    ("bullet", "Driftstilskudd fra eierkommunene: 4,20 millioner kroner"),
    ("bullet", "Prosjektmidler fra fylkeskommunen: 2,65 millioner kroner"),
    ("bullet", "Prosjektmidler fra Innovasjon Norge: 0,90 millioner kroner"),
    ("bullet", "Husleie og salg av tjenester: 1,85 millioner kroner"),
    (
        "p",
        "Driftskostnadene var 9,41 millioner kroner, hvorav lønn og sosiale kostnader utgjorde "
        "6,12 millioner kroner. Med netto finansinntekter på 14 000 kroner ble årsresultatet "
        "204 000 kroner, som overføres til annen egenkapital. Egenkapitalen var 2,86 millioner "
        "kroner per 31. desember 2024, og egenkapitalandelen var 48 prosent.",
    ),
    (
        "p",
        "Næringsfondene inngår ikke i selskapets regnskap. Midlene står i kommunenes regnskaper, "
        "og selskapet rapporterer hvert år til kommunene om tildelingene. Selskapets revisor er "
        "Vestvik Revisjon AS.",
    ),
    ("h1", "6 Veien videre"),
    (
        "p",
        "I 2025 og 2026 vil selskapet prioritere tre oppgaver. Vi skal nå målet om 150 nye "
        "arbeidsplasser, og det krever om lag 66 nye arbeidsplasser på to år. Vi skal starte minst "
        "to nye playmakerprosjekter, blant dem et felles kaiprosjekt i Almedal og en satsing på "
        "reiseliv langs Skarvdalsvassdraget. Og vi skal forberede strategien for 2027–2030 sammen "
        "med eierne.",
    ),
    (
        "p",
        "Prosjektmidlene fra fylkeskommunen løper ut ved utgangen av 2025. Styret har derfor bedt "
        "eierne om å øke driftstilskuddet fra 4,20 til 4,60 millioner kroner fra 2026. Saken "
        "behandles i de tre kommunestyrene høsten 2025.",
    ),
    (
        "p",
        "Før ny strategi vedtas, vil selskapet få gjennomført en ekstern evaluering av "
        "rollefordelingen mellom kommunene og selskapet. Evalueringen skal være ferdig i "
        "juni 2026.",
    ),
    ("h1", "Styret og administrasjonen"),
    ("p", "Styret hadde ved utgangen av 2024 denne sammensetningen:"),
    ("bullet", "Bjarne Østhagen, styreleder, valgt etter forslag fra Skarvdal kommune"),
    ("bullet", "Hanne Mo Rasten, nestleder, valgt etter forslag fra Heimvær kommune"),
    ("bullet", "Kåre Sundli, styremedlem, valgt etter forslag fra Almedal kommune"),
    ("bullet", "Ingrid Hallan, styremedlem, valgt etter forslag fra Skarvdal Næringsforening"),
    ("bullet", "Petter Nyhus, styremedlem, valgt av og blant de ansatte"),
    (
        "p",
        "Styret hadde sju møter og behandlet 48 saker i 2024. Administrasjonen ledes av daglig "
        "leder Tone Kristin Ulvestad, som har vært ansatt siden 2020. Prosjektlederne Marius "
        "Fagervold og Linn Therese Aakre har ansvaret for utviklingsprosjektene, og "
        "næringsrådgiver Sindre Grindheim har ansvaret for saksbehandlingen i næringsfondene.",
    ),
]


def build(out: Path) -> None:
    """Write the annual report as a Word file at `out`."""
    document = docx.Document()
    _styles(document)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.different_first_page_header_footer = True
    _header_footer(section)

    _cover(document)
    _contents(document)
    for block in BODY:
        kind = block[0]
        if kind == "h1":
            heading = document.add_paragraph(block[1], style="Heading 1")
            if block[1].startswith("1 "):
                heading.paragraph_format.page_break_before = True
        elif kind == "h2":
            document.add_paragraph(block[1], style="Heading 2")
        elif kind == "p":
            _runs(document.add_paragraph(), block[1])
        elif kind == "bullet":
            _runs(document.add_paragraph(style="List Bullet"), block[1])
        elif kind == "sign":
            paragraph = document.add_paragraph(block[1])
            paragraph.paragraph_format.space_before = Pt(12)
        elif kind == "table":
            _table(document, block[1], block[2])

    _add_footnotes(document, FOOTNOTES)
    props = document.core_properties
    props.title = f"{TITLE} – {COMPANY}"
    props.author = COMPANY
    props.subject = "Årsmelding og styrets beretning for 2024"
    props.language = "nb-NO"
    props.created = props.modified = datetime(2025, 3, 12, 10, 0, 0)
    props.last_modified_by = "Tone Kristin Ulvestad"
    document.save(str(out))


def _styles(document: docx.document.Document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "nb-NO")
    rpr.append(lang)
    for name, size in (("Heading 1", 15), ("Heading 2", 12.5)):
        style = document.styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x4E, 0x5F)
        style.paragraph_format.space_before = Pt(16 if name == "Heading 1" else 10)
        style.paragraph_format.space_after = Pt(6)
    document.styles["Title"].font.size = Pt(34)


def _header_footer(section) -> None:
    header = section.header.paragraphs[0]
    header.text = f"{COMPANY}\t{TITLE}"
    header.style = "Header"
    tabs = header.paragraph_format.tab_stops
    for twips in (4680, 9360):  # the Header style's own centre and right tabs, cleared
        tabs.add_tab_stop(Twips(twips), WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT)
    for run in header.runs:
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Side ").font.size = Pt(9)
    _field(footer, "PAGE", "1")


def _field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (begin, instruction, separate, shown result, end) in `paragraph`."""

    def run_with(element):
        run = paragraph.add_run()
        run.font.size = Pt(9)
        run._r.append(element)
        return run

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


def _cover(document: docx.document.Document) -> None:
    top = document.add_paragraph(COMPANY.upper())
    top.paragraph_format.space_before = Pt(120)
    top.runs[0].font.size = Pt(13)
    top.runs[0].bold = True
    top.runs[0].font.color.rgb = RGBColor(0x1F, 0x4E, 0x5F)
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("Styrets beretning, nøkkeltall, prosjekter og økonomi", style="Subtitle")
    lines = [
        "Næringsselskapet for Skarvdal, Heimvær og Almedal kommuner",
        "Godkjent av styret 12. mars 2025. Lagt fram for generalforsamlingen 24. april 2025.",
        "Org.nr. 993 418 276 · Storgata 11, Skarvdal",
    ]
    for i, line in enumerate(lines):
        paragraph = document.add_paragraph(line)
        if i == 0:
            paragraph.paragraph_format.space_before = Pt(60)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(document: docx.document.Document) -> None:
    document.add_paragraph("Innhold", style="TOC Heading")
    for text, page in CONTENTS:
        paragraph = document.add_paragraph(f"{text}\t{page}")
        paragraph.paragraph_format.tab_stops.add_tab_stop(
            Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _runs(paragraph, text: str) -> None:
    """Text with [^n] footnote markers turned into Word footnote references."""
    pos = 0
    for match in MARKER.finditer(text):
        paragraph.add_run(text[pos : match.start()])
        _footnote_reference(paragraph, match.group(1))
        pos = match.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def _table(document: docx.document.Document, rows: list[list[str]], caption: str) -> None:
    cap = document.add_paragraph(caption, style="Caption")
    cap.paragraph_format.keep_with_next = True
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Light List Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(2)
            if c > 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in paragraph.runs:
                run.font.size = Pt(10)
                if r == 0 or row[0] == "Sum":
                    run.bold = True
    widths = (
        [Cm(6.5)] + [Cm(3.0)] * (len(rows[0]) - 1)
        if len(rows[0]) == 4
        else [Cm(2.8), Cm(2.4), Cm(3.2), Cm(3.3), Cm(4.3)]
    )
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width
    document.add_paragraph()


def _footnote_reference(paragraph, note: str) -> None:
    """Word's own footnote reference, raised, as Word writes it after a word."""
    run = paragraph.add_run()
    properties = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    properties.append(align)
    run._r.append(properties)
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), note)
    run._r.append(reference)


def _add_footnotes(document, notes: dict[str, str]) -> None:
    """The footnotes part Word writes: two separators, then the notes, each opened by its raised
    number and set small."""
    raised = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    small = '<w:rPr><w:sz w:val="18"/></w:rPr>'
    bodies = "".join(
        f'<w:footnote w:id="{note}"><w:p>'
        f'<w:r>{raised}<w:footnoteRef/></w:r><w:r>{small}<w:t xml:space="preserve"> '
        f"{_xml(text)}</w:t></w:r></w:p></w:footnote>"
        for note, text in notes.items()
    )
    xml = (
        f'<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f"{bodies}</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(), document.part.package
    )
    document.part.relate_to(part, RT.FOOTNOTES)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


if __name__ == "__main__":
    build(
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path("/tmp/s23/b9/arsmelding-skarvdal-naeringsutvikling-2024.docx")
    )
