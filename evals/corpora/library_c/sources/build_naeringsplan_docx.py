"""Build naeringsplan-solmundvik-2025-2028.docx with python-docx, adding real Word footnotes
by hand.

run: /work/main/.venv/bin/python build_naeringsplan_docx.py [OUT.docx]
(without OUT.docx the file is written to ../corpus/naeringsplan-solmundvik-2025-2028.docx)
"""

import datetime
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

OUT = Path(__file__).resolve().parent.parent / "corpus" / "naeringsplan-solmundvik-2025-2028.docx"
if len(sys.argv) > 1:
    OUT = Path(sys.argv[1])
TITLE = "Næringsplan for Solmundvik kommune 2025–2028"

FOOTNOTES = {
    1: (
        "Kommunestyret i Solmundvik, sak 87/24, møte 12. desember 2024. Planen erstatter "
        "«Næringsplan 2020–2024», vedtatt i sak 41/20."
    ),
    2: (
        "I 2024 ble fondet tilført 1,35 mill. kr i statlige midler via fylkeskommunen. Resten av "
        "fondets inngang er konsesjonskraftinntekter som kommunestyret setter av i budsjettet."
    ),
    3: (
        "Med førstelinjetjeneste menes kommunens første kontaktpunkt for personer som vil starte "
        "eller utvikle en bedrift: enkel veiledning, avklaring av behov og henvisning videre til "
        "rett virkemiddelaktør."
    ),
    5: (
        "Avtalen om Vesterheia regionråd ble revidert av de tre kommunestyrene høsten 2023 og "
        "gjelder fra 1. januar 2024. Vertskommune for sekretariatet er Grønnlid."
    ),
    4: (
        "Anskaffelser under den nasjonale terskelverdien kan gjennomføres med forenklede "
        "prosedyrer. Kommunens innkjøpsreglement ble revidert i mars 2024."
    ),
}

doc = Document()
sec = doc.sections[0]
sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
sec.left_margin = sec.right_margin = Cm(2.8)
sec.top_margin, sec.bottom_margin = Cm(2.2), Cm(2.4)

styles = doc.styles
styles["Normal"].font.name = "Cambria"
styles["Normal"].font.size = Pt(11)
styles["Normal"].paragraph_format.space_after = Pt(6)
styles["Normal"].paragraph_format.line_spacing = 1.15
for name, size, colour in (
    ("Heading 1", 16, (0x1F, 0x4E, 0x3D)),
    ("Heading 2", 13, (0x2E, 0x6B, 0x55)),
    ("Title", 26, (0x1F, 0x4E, 0x3D)),
):
    st = styles[name]
    st.font.name = "Calibri"
    st.font.size = Pt(size)
    st.font.color.rgb = RGBColor(*colour)
    st.element.rPr.rFonts.set(qn("w:asciiTheme"), "") if False else None

cp = doc.core_properties
cp.title = TITLE
cp.author = "Solmundvik kommune, Plan og næring"
cp.subject = "Kommunal næringsplan"
cp.keywords = "næringsplan; næringsfond; førstelinjetjeneste; næringshage; regionråd"
cp.created = datetime.datetime(2024, 12, 13, 9, 0)
cp.language = "nb-NO"

# running footer with page number field
footer_p = sec.footer.paragraphs[0]
footer_p.alignment = WD_ALIGN_PARAGRAPH.CENTER
r = footer_p.add_run("Solmundvik kommune · Næringsplan 2025–2028 · side ")
r.font.size = Pt(8.5)
for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
    run = footer_p.add_run()
    run.font.size = Pt(8.5)
    if kind:
        fc = parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>')
        run._r.append(fc)
    else:
        it = parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve">{text}</w:instrText>')
        run._r.append(it)


def add_footnote_ref(paragraph: Paragraph, n: int) -> None:
    run = paragraph.add_run()
    rpr = parse_xml(f'<w:rPr {nsdecls("w")}><w:vertAlign w:val="superscript"/></w:rPr>')
    run._r.append(rpr)
    run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{n}"/>'))


def para(text: str, style: str | None = None, align: WD_ALIGN_PARAGRAPH | None = None) -> Paragraph:
    """Paragraph; [^n] marks a footnote reference, **x** bold."""
    p = doc.add_paragraph(style=style)
    if align:
        p.alignment = align
    for part in re.split(r"(\[\^\d+\]|\*\*[^*]+\*\*)", text):
        if not part:
            continue
        m = re.fullmatch(r"\[\^(\d+)\]", part)
        if m:
            add_footnote_ref(p, int(m.group(1)))
        elif part.startswith("**"):
            p.add_run(part[2:-2]).bold = True
        else:
            p.add_run(part)
    return p


def h1(t: str) -> None:
    doc.add_heading(t, level=1)


def h2(t: str) -> None:
    doc.add_heading(t, level=2)


def table(
    rows: list[list[str]], widths: list[float], header_fill: str = "D9E8E1", bold_last: bool = False
) -> Table:
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, row in enumerate(rows):
        for j, val in enumerate(row):
            cell = t.cell(i, j)
            cell.width = Cm(widths[j])
            cell.text = ""
            p = cell.paragraphs[0]
            run = p.add_run(val)
            run.font.size = Pt(9.5)
            if i == 0 or (bold_last and i == len(rows) - 1):
                run.bold = True
            if j > 0 and re.fullmatch(r"[\d  ,.\-–]+", val or "x"):
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if i == 0:
                cell._tc.get_or_add_tcPr().append(
                    parse_xml(
                        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" '
                        f'w:fill="{header_fill}"/>'
                    )
                )
    return t


def caption(t: str) -> None:
    p = doc.add_paragraph()
    r = p.add_run(t)
    r.italic = True
    r.font.size = Pt(9.5)


# ---------------- cover ----------------
p = doc.add_paragraph()
p.paragraph_format.space_before = Pt(120)
r = p.add_run("SOLMUNDVIK KOMMUNE")
r.bold = True
r.font.size = Pt(12)
r.font.color.rgb = RGBColor(0x2E, 0x6B, 0x55)
doc.add_paragraph(TITLE, style="Title")
para("Vekst fra kysten og innover – kommunen som forvalter, tjenesteyter og medspiller")
para("Vedtatt av kommunestyret 12. desember 2024[^1]")
para("Saksbehandler: Ingrid Haugtvedt, næringssjef\nArkivsak 24/1187")
doc.paragraphs[-1].runs[-1].add_break(WD_BREAK.PAGE)

# ---------------- forord ----------------
h1("Forord")
para(
    "Solmundvik skal være en kommune der det er enkelt å starte, drive og utvikle bedrift. Det er "
    "lett å si, men det krever at kommunen er tilgjengelig, forutsigbar og villig til å ta del i "
    "utviklingen sammen med næringslivet og lokalsamfunnet. Denne planen beskriver hvordan vi skal "
    "jobbe i de neste fire årene, og hva vi setter av penger til."
)
para(
    "Planen bygger på en bred prosess høsten 2024 med tre åpne næringsmøter i Kjeldrud, Solmundvik "
    "sentrum og Ytre Sundevik, innspill fra Solmundvik Næringsforening og et eget verksted med "
    "ungdomsrådet. Takk til alle som har bidratt."
)
para("Terje Brennholm, ordfører")

# ---------------- 1 ----------------
h1("1 Innledning")
h2("1.1 Formål og forankring")
para(
    "Næringsplanen er en temaplan under kommuneplanens samfunnsdel 2023–2035. Den konkretiserer "
    "samfunnsdelens mål om «flere arbeidsplasser i privat sektor og et mer variert næringsliv» og "
    "gir føringer for kommunens næringsfond, førstelinjetjenesten, eierskapet i Kjeldrud "
    "Næringshage AS og kommunens deltakelse i Vesterheia regionråd. Planen rulleres årlig gjennom "
    "handlingsdelen og økonomiplanen."
)
para(
    "Hovedmålet for perioden er 90 nye årsverk i privat sektor innen utgangen av 2028, regnet fra "
    "nivået i 2024. Solmundvik hadde 4 870 innbyggere per 1. januar 2024 og 1 610 sysselsatte med "
    "arbeidssted i kommunen, hvorav om lag 1 020 i privat sektor. Havbruk, trelast og bygg og "
    "anlegg er de største næringene, mens reiseliv og kreative næringer har vokst raskest de siste "
    "fem årene."
)
h2("1.2 Erfaringer fra forrige planperiode")
para(
    "Forrige næringsplan gjaldt for 2020–2024. Evalueringen som administrasjonen la fram for "
    "formannskapet i juni 2024 viser at næringsfondet i perioden bevilget til sammen 9,6 mill. kr "
    "til 83 prosjekter, og at 46 nye foretak ble registrert med forretningsadresse i kommunen. "
    "Målet om 60 nye foretak ble dermed ikke nådd. Pandemiårene 2020 og 2021 trakk ned, men "
    "evalueringen peker også på at kommunen var for passiv overfor etablerte bedrifter som ville "
    "vokse."
)
para(
    "Evalueringen trekker fram tre forhold som har fungert godt: den faste gründerdagen hver "
    "tirsdag i rådhuset, samarbeidet med Kjeldrud Næringshage om oppfølging av nye bedrifter, og "
    "den felles leverandørkonferansen med nabokommunene i Vesterheia. I 2023 alene gjennomførte "
    "førstelinjetjenesten 118 veiledningssamtaler. Samtidig var det lite systematikk i "
    "oppfølgingen etter første samtale, og flere brukere opplevde at de ble sendt videre uten at "
    "noen tok ansvar for saken."
)
para(
    "En annen lærdom er at næringsarbeidet har vært for avhengig av enkeltpersoner. Da "
    "næringskonsulentstillingen sto vakant i ti måneder i 2022, stoppet flere prosjekter opp. "
    "Planen legger derfor opp til at næringsarbeidet forankres bredere i organisasjonen, blant "
    "annet gjennom et fast næringsforum med kommunedirektørens ledergruppe."
)

# ---------------- 2 ----------------
h1("2 Kommunens roller i næringsarbeidet")
para(
    "Kommunen påvirker næringslivet gjennom mange roller samtidig. I planarbeidet har vi brukt en "
    "tredeling mellom kommunen som forvalter, som tjenesteprodusent og som utviklingsaktør. "
    "Tredelingen er kjent fra Distriktssenterets arbeid og drøftes blant annet i arbeidsnotatet "
    "til Stene og Mørkved (2019)."
)
h2("2.1 Forvalter og tjenesteprodusent")
para(
    "Som forvalter behandler kommunen byggesaker, reguleringsplaner, skjenkebevillinger og "
    "utslippstillatelser. For bedriftene er rask og forutsigbar saksbehandling ofte viktigere enn "
    "tilskudd. I 2024 var gjennomsnittlig saksbehandlingstid for byggesaker i Solmundvik 31 dager. "
    "Målet i planperioden er at ingen byggesaker for næringsbygg skal ta mer enn tre uker når "
    "søknaden er komplett."
)
para(
    "Som tjenesteprodusent sørger kommunen for barnehager, skoler, helsetjenester, vann og avløp "
    "og veier. Gode tjenester gjør det lettere for bedriftene å rekruttere, og kommunen er selv en "
    "stor innkjøper. I 2023 kjøpte Solmundvik kommune varer og tjenester for 214 mill. kr, hvorav "
    "38 prosent fra leverandører i regionen."
)
h2("2.2 Forhandler, innovatør og brobygger")
para(
    "Den tradisjonelle entreprenørrollen, der kommunen selv setter i gang tiltak og finansierer "
    "dem, er i endring. Stene og Mørkved (2019) beskriver en utvikling der kommunen i større grad "
    "blir forhandler, innovatør og brobygger, og bruker begrepet playmaker om en kommune som "
    "setter ressurser i spill på tvers av offentlig sektor, næringsliv og sivilsamfunn."
)
para(
    "Vi deler langt på vei denne analysen, men vil understreke at en liten kommune ikke kan være "
    "playmaker på alle områder samtidig. Solmundvik skal derfor velge ut to arenaer der kommunen "
    "tar en aktiv medskaperrolle i perioden: utviklingen av Kjeldrud havn som næringsområde, og "
    "omstillingen av kommunens innkjøp mot lokale og sirkulære løsninger. På andre områder skal "
    "kommunen først og fremst være en god forvalter og en tydelig døråpner."
)
para(
    "Som forhandler skal kommunen bruke utbyggingsavtaler og arealplaner aktivt i dialog med "
    "utbyggere. Som innovatør skal kommunen prøve ut nye anskaffelsesformer og samarbeidsmodeller. "
    "Som brobygger skal kommunen koble bedrifter, frivillige lag, skolene og regionale "
    "virkemiddelaktører. Kommunedirektør Geir Tverrbakk har ansvar for at rollene avklares i hver "
    "enkelt sak, slik at kommunen ikke opptrer som både pådriver og myndighet uten at dette er "
    "tydelig for partene."
)

# ---------------- 3 ----------------
h1("3 Satsingsområder")
h2("3.1 Næringsfondet")
para(
    "Solmundvik næringsfond er kommunens viktigste økonomiske virkemiddel overfor bedrifter og "
    "gründere.[^2] Fondet kan gi tilskudd og lån til etablering, produktutvikling, "
    "kompetanseheving og fellestiltak. Retningslinjene ble revidert i 2024. De viktigste "
    "endringene er at maksimalt tilskudd til én bedrift heves fra 150 000 kr til 200 000 kr, og at "
    "inntil 15 prosent av fondet hvert år kan brukes til fellesprosjekter der lag, foreninger og "
    "bedrifter samarbeider."
)
para(
    "Søknader under 50 000 kr avgjøres av næringssjefen. Større søknader avgjøres av "
    "formannskapet, som også er klageinstans for administrative vedtak. Tildelingene publiseres på "
    "kommunens nettsider to ganger i året."
)
h2("3.2 Førstelinjetjenesten Gründerdøra")
para(
    "Gründerdøra er navnet på kommunens førstelinjetjeneste for etablerere og bedrifter.[^3] "
    "Tjenesten ligger i Plan og næring og bemannes av næringskonsulent Amira Fenstad, med "
    "næringssjef Ingrid Haugtvedt som stedfortreder. I planperioden skal tjenesten bli mer "
    "oppsøkende og ha en fast arbeidsgang for hver henvendelse:"
)
for t in (
    "Første samtale innen fem virkedager etter at henvendelsen er mottatt.",
    "Kartlegging av behov og skriftlig oppsummering til brukeren.",
    "Henvisning til rett aktør, for eksempel Kjeldrud Næringshage, Innovasjon Norge, "
    "regnskapsfører eller bank, med navngitt kontaktperson.",
    "Oppfølgingssamtale etter tre måneder.",
    "Årlig brukerundersøkelse og rapport til formannskapet.",
):
    doc.add_paragraph(t, style="List Number")
para(
    "Målet er 140 veiledningssamtaler i året fra 2026, og at minst 80 prosent av brukerne svarer "
    "at de er fornøyd eller svært fornøyd med tjenesten."
)
h2("3.3 Kjeldrud Næringshage")
para(
    "Kjeldrud Næringshage AS ble etablert i 2016 og eies av Solmundvik kommune (34 prosent), "
    "Sjøbris Havbruk AS, Elvedal Trelast AS og Solmundvik Sparebank. Næringshagen har i dag 19 "
    "leietakerbedrifter med til sammen 57 ansatte, og er en del av det nasjonale "
    "næringshageprogrammet. Daglig leder er Ole Petter Myrland."
)
para(
    "Kommunen vil i perioden inngå en ny treårig samarbeidsavtale med næringshagen. Avtalen skal "
    "tydeliggjøre arbeidsdelingen: kommunen har ansvar for førstelinjen, mens næringshagen tar "
    "ansvar for tettere oppfølging av bedrifter med vekstambisjoner. Næringshagen skal også drive "
    "inkubatorprogrammet «Neste steg» for inntil seks bedrifter i året."
)
h2("3.4 Innkjøp som næringspolitikk")
para(
    "Kommunens innkjøp er et av de sterkeste virkemidlene kommunen har, og et område der kommunen "
    "kan være innovatør uten å bruke nye penger. Innkjøpssjef Hanne Kvamsdal leder arbeidet med en "
    "leverandørutviklingsplan, som skal legges fram i 2025. Planen skal bygge på disse "
    "prinsippene:[^4]"
)
for t in (
    "dele opp kontrakter i mindre delkontrakter der det er faglig forsvarlig, slik at lokale "
    "bedrifter kan konkurrere",
    "holde minst to åpne leverandørdager i året, én av dem sammen med Vesterheia regionråd",
    "bruke markedsdialog før store anskaffelser, særlig innen bygg, mat og transport",
    "stille klima- og miljøkrav som lokale leverandører har realistisk mulighet til å oppfylle",
    "prøve ut minst én innovativ anskaffelse i perioden, fortrinnsvis innen pleie og omsorg",
):
    doc.add_paragraph(t, style="List Bullet")
para(
    "Kommunen skal samtidig følge regelverket for offentlige anskaffelser fullt ut. Det er ikke "
    "anledning til å favorisere lokale leverandører, men kommunen kan legge til rette for at de "
    "har en reell mulighet til å delta."
)
h2("3.5 Samarbeid i Vesterheia regionråd")
para(
    "Solmundvik samarbeider med Grønnlid og Ravnåsen kommuner i Vesterheia regionråd.[^5] "
    "Regionrådet har et felles næringsutvalg som ledes av ordføreren i Ravnåsen, og en felles "
    "næringsrådgiver i 50 prosent stilling. Samarbeidet omfatter felles markedsføring av "
    "næringsarealer, en regional leverandørkonferanse og en felles søknad om midler til et "
    "kompetanseprogram for havbruksnæringen."
)
para(
    "Kommunene i Vesterheia er små, og mange bedrifter har marked og arbeidskraft i hele regionen. "
    "Planen legger derfor opp til at Solmundvik skal prioritere regionale løsninger der det gir "
    "bedre tjenester for bedriftene, for eksempel felles kurs for etablerere og felles oppfølging "
    "av bedrifter som vil inn på offentlige kontrakter."
)
h2("3.6 Samskaping med lokalsamfunnet")
para(
    "Mange av de viktigste utviklingstiltakene i Solmundvik de siste årene har kommet fra "
    "bygdelag, idrettslag og enkeltpersoner, ikke fra kommunen. Kjeldrud Vel bygde opp gjestehavna "
    "i 2021 på dugnad og med tilskudd fra næringsfondet, og i dag er den et viktig grunnlag for "
    "reiselivsbedriftene i bygda. Kommunen vil lære av slike erfaringer og opprette en årlig "
    "samskapingspott, der lag og bedrifter kan søke sammen om midler til tiltak som gir både "
    "arbeidsplasser og bedre bomiljø."
)

# ---------------- 4 ----------------
h1("4 Økonomi")
para(
    "Tabell 1 viser de økonomiske rammene for næringsarbeidet i planperioden. Beløpene er i tusen "
    "kroner og bygger på økonomiplanen 2025–2028. Rammene for 2027 og 2028 er foreløpige og blir "
    "justert i de årlige budsjettene."
)
table(
    [
        ["Tiltak (1 000 kr)", "2025", "2026", "2027", "2028"],
        ["Næringsfond, tilskudd og lån", "2 100", "2 250", "2 250", "2 400"],
        ["Førstelinjetjenesten Gründerdøra", "820", "870", "890", "910"],
        ["Driftstilskudd Kjeldrud Næringshage", "450", "450", "475", "475"],
        ["Vesterheia regionråd, næringsandel", "310", "320", "330", "340"],
        ["Leverandørutvikling og innkjøp", "150", "200", "200", "150"],
        ["Samskapingspott", "250", "300", "300", "300"],
        ["Sum", "4 080", "4 390", "4 445", "4 575"],
    ],
    [6.4, 2.1, 2.1, 2.1, 2.1],
    bold_last=True,
)
caption("Tabell 1. Budsjett for næringsarbeidet 2025–2028, tusen kroner.")
para(
    "Til sammenligning var det samlede budsjettet for næringsarbeidet 3 410 000 kr i 2024. "
    "Økningen skyldes først og fremst at næringsfondet styrkes og at samskapingspotten er ny."
)

# ---------------- 5 ----------------
h1("5 Handlingsplan")
para(
    "Tabell 2 viser de viktigste tiltakene i perioden, hvem som har ansvaret og når tiltakene skal "
    "gjennomføres."
)
table(
    [
        ["Nr.", "Tiltak", "Ansvarlig", "Tidsrom"],
        [
            "1",
            "Ny samarbeidsavtale med Kjeldrud Næringshage AS",
            "Kommunedirektøren",
            "1. halvår 2025",
        ],
        ["2", "Fast arbeidsgang og brukerundersøkelse i Gründerdøra", "Plan og næring", "2025"],
        ["3", "Leverandørutviklingsplan", "Innkjøpsenheten", "2025"],
        ["4", "Områderegulering Kjeldrud havn", "Plan og næring / Teknisk drift", "2025–2026"],
        ["5", "Regional leverandørkonferanse", "Vesterheia regionråd", "Årlig, oktober"],
        [
            "6",
            "Innovativ anskaffelse i pleie og omsorg",
            "Helse og omsorg / Innkjøpsenheten",
            "2026–2027",
        ],
        ["7", "Samskapingspott – første utlysning", "Formannskapet", "Høsten 2025"],
        ["8", "Evaluering av næringsplanen", "Plan og næring", "2028"],
    ],
    [1.2, 7.2, 4.6, 2.8],
)
caption("Tabell 2. Handlingsplan med ansvarlige enheter.")

# ---------------- 6 ----------------
h1("6 Oppfølging og rapportering")
para(
    "Næringssjefen rapporterer på planens mål i årsmeldingen. Formannskapet får i tillegg en egen "
    "halvårlig orientering om næringsfondet og Gründerdøra. Følgende indikatorer skal følges opp "
    "hvert år: antall årsverk i privat sektor, antall nyregistrerte foretak, antall "
    "veiledningssamtaler, andelen innkjøp fra regionale leverandører og saksbehandlingstid for "
    "byggesaker."
)
para(
    "Planen skal evalueres i 2028, før arbeidet med neste næringsplan starter. Evalueringen skal "
    "også vurdere om kommunens rolle som medspiller og brobygger har gitt resultater på de to "
    "arenaene som er valgt ut, eller om arbeidsformen bør utvides til flere områder."
)

# ---------------- Referanser ----------------
h1("Referanser")
for t in (
    "Solmundvik kommune (2023). Kommuneplanens samfunnsdel 2023–2035. Vedtatt 15. juni 2023.",
    "Solmundvik kommune (2024). Evaluering av næringsplan 2020–2024. Notat til formannskapet, juni "
    "2024.",
    "Stene, M. og Mørkved, B. P. (2019). Kommunen sin framtidige næringsutviklingsrolle. "
    "Arbeidsnotat nr. 2. Bodø: Nord universitet.",
    "Vesterheia regionråd (2023). Samarbeidsavtale for Vesterheia regionråd, revidert 2023.",
):
    p = doc.add_paragraph(t)
    p.paragraph_format.left_indent = Cm(0.8)
    p.paragraph_format.first_line_indent = Cm(-0.8)

# ---------------- footnotes part ----------------
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
notes = [
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>",
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>",
]
for n, text in FOOTNOTES.items():
    notes.append(
        f'<w:footnote w:id="{n}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="17"/></w:rPr>'
        "<w:footnoteRef/></w:r>"
        f'<w:r><w:rPr><w:sz w:val="17"/></w:rPr><w:t xml:space="preserve"> {text}</w:t></w:r>'
        "</w:p></w:footnote>"
    )
xml = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W}>'
    + "".join(notes)
    + "</w:footnotes>"
)
part = Part(
    PackURI("/word/footnotes.xml"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    xml.encode("utf-8"),
    doc.part.package,
)
doc.part.relate_to(part, RT.FOOTNOTES)

doc.save(str(OUT))
print("wrote", OUT)
