"""Source of ilus-rapport-2025-07-fyrstelinje-naeringsfond-urdfjorden.pdf.

Builds ILUS-rapport 2025:07, a fictional nynorsk research institute's evaluation, straight to PDF
with reportlab platypus (DejaVu fonts from /usr/share/fonts/truetype/dejavu/). From the
repository root:

    .venv/bin/python evals/corpora/library_b/sources/build_ilus_rapport.py OUT.pdf

With OUT.pdf evals/corpora/library_b/ilus-rapport-2025-07-fyrstelinje-naeringsfond-urdfjorden.pdf
it rebuilds the committed file.
"""

import sys

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

D = "/usr/share/fonts/truetype/dejavu/"
for name, f in [
    ("Serif", "DejaVuSerif.ttf"),
    ("Serif-B", "DejaVuSerif-Bold.ttf"),
    ("Serif-I", "DejaVuSerif-Italic.ttf"),
    ("Serif-BI", "DejaVuSerif-BoldItalic.ttf"),
    ("Sans", "DejaVuSansCondensed.ttf"),
    ("Sans-B", "DejaVuSansCondensed-Bold.ttf"),
]:
    pdfmetrics.registerFont(TTFont(name, D + f))

addMapping("Serif", 0, 0, "Serif")
addMapping("Serif", 1, 0, "Serif-B")
addMapping("Serif", 0, 1, "Serif-I")
addMapping("Serif", 1, 1, "Serif-BI")

GREEN = colors.HexColor("#2f5d50")
REPNO = "ILUS-rapport 2025:07"
SHORT = "Fyrstelinje og næringsfond i Urdfjorden 2020–2024"

body = ParagraphStyle(
    "body", fontName="Serif", fontSize=10.2, leading=14.6, alignment=TA_JUSTIFY, spaceAfter=6
)
h1 = ParagraphStyle(
    "h1", fontName="Sans-B", fontSize=15, leading=19, textColor=GREEN, spaceBefore=14, spaceAfter=8
)
h2 = ParagraphStyle(
    "h2",
    fontName="Sans-B",
    fontSize=11.5,
    leading=15,
    textColor=GREEN,
    spaceBefore=10,
    spaceAfter=4,
)
cell = ParagraphStyle("cell", fontName="Sans", fontSize=8.6, leading=11)
cellb = ParagraphStyle("cellb", parent=cell, fontName="Sans-B")
cap = ParagraphStyle(
    "cap", fontName="Serif-I", fontSize=8.8, leading=11.5, spaceBefore=3, spaceAfter=10
)
box = ParagraphStyle("box", fontName="Sans", fontSize=9, leading=12.5)
boxh = ParagraphStyle("boxh", fontName="Sans-B", fontSize=10.5, leading=14, textColor=GREEN)
fnst = ParagraphStyle("fn", fontName="Serif", fontSize=7.6, leading=9.6)
bullet = ParagraphStyle("bul", parent=body, leftIndent=14, bulletIndent=4)


class Note(Flowable):
    """Zero-size marker: registers a footnote for the page on which it is drawn."""

    def __init__(self, num, text):
        super().__init__()
        self.num, self.text = num, text

    def wrap(self, aw, ah):
        return (0, 0)

    def draw(self):
        notes = getattr(self.canv, "_ilus_notes", [])
        notes.append((self.num, self.text))
        self.canv._ilus_notes = notes


class Doc(BaseDocTemplate):
    def afterFlowable(self, fl):
        if isinstance(fl, Paragraph) and fl.style.name in ("h1", "h2"):
            lvl = 0 if fl.style.name == "h1" else 1
            txt = fl.getPlainText()
            key = f"h{id(fl)}"
            self.canv.bookmarkPage(key)
            self.notify("TOCEntry", (lvl, txt, self.page, key))


def header_footer(c, doc):
    c.saveState()
    c.setFont("Sans", 8)
    c.setFillColor(GREEN)
    c.drawString(2.6 * cm, A4[1] - 1.5 * cm, REPNO)
    c.drawRightString(A4[0] - 2.6 * cm, A4[1] - 1.5 * cm, SHORT)
    c.setStrokeColor(GREEN)
    c.setLineWidth(0.5)
    c.line(2.6 * cm, A4[1] - 1.65 * cm, A4[0] - 2.6 * cm, A4[1] - 1.65 * cm)
    c.setFillColor(colors.black)
    c.setFont("Serif", 8.5)
    c.drawCentredString(A4[0] / 2, 1.2 * cm, f"Side {doc.page}")
    c.restoreState()


def page_end(c, doc):
    notes = getattr(c, "_ilus_notes", [])
    if notes:
        y = 1.9 * cm
        paras = [Paragraph(f"<super>{n}</super> {t}", fnst) for n, t in notes]
        hs = [p.wrap(A4[0] - 5.2 * cm, 100)[1] for p in paras]
        top = y + sum(hs) + 3 * (len(hs) - 1)
        c.saveState()
        c.setLineWidth(0.4)
        c.line(2.6 * cm, top + 5, 7.6 * cm, top + 5)
        c.restoreState()
        ycur = top
        for p, h in zip(paras, hs, strict=True):
            p.drawOn(c, 2.6 * cm, ycur - h)
            ycur -= h + 3
    c._ilus_notes = []


def cover(c, doc):
    c.saveState()
    c.setFillColor(GREEN)
    c.rect(0, A4[1] - 9 * cm, A4[0], 9 * cm, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Sans-B", 11)
    c.drawString(2.6 * cm, A4[1] - 2.2 * cm, "ILUS · Institutt for lokal utvikling og styring")
    c.setFont("Sans", 10)
    c.drawString(2.6 * cm, A4[1] - 2.8 * cm, REPNO)
    c.setFillColor(colors.black)
    c.restoreState()


def fn_page_end(c, doc):
    page_end(c, doc)


def build(out):
    doc = Doc(
        out,
        pagesize=A4,
        leftMargin=2.6 * cm,
        rightMargin=2.6 * cm,
        topMargin=2.4 * cm,
        bottomMargin=2.0 * cm,
        title="Fyrstelinje og næringsfond i Kvitberg, Nordsand og Rypedal 2020–2024",
        author="Ingrid Tveitnes, Halvard Myrseth og Oda Kjeldstad",
        subject=REPNO,
    )
    fcover = Frame(2.6 * cm, 2.5 * cm, A4[0] - 5.2 * cm, A4[1] - 12.5 * cm, id="c")
    fbody = Frame(2.6 * cm, 5.2 * cm, A4[0] - 5.2 * cm, A4[1] - 7.6 * cm, id="b")
    doc.addPageTemplates(
        [
            PageTemplate("cover", [fcover], onPage=cover),
            PageTemplate("body", [fbody], onPage=header_footer, onPageEnd=fn_page_end),
        ]
    )
    s = []
    pending: list[Flowable] = []

    def P(t, st=body):
        s.append(Paragraph(t, st))
        s.extend(pending)
        pending.clear()

    s.append(Spacer(1, 0.8 * cm))
    s.append(
        Paragraph(
            "Fyrstelinje og næringsfond i Kvitberg, Nordsand og Rypedal 2020–2024",
            ParagraphStyle("t", fontName="Sans-B", fontSize=24, leading=29, textColor=GREEN),
        )
    )
    s.append(Spacer(1, 0.4 * cm))
    s.append(
        Paragraph(
            "Ei evaluering av korleis tre kommunar i Urdfjorden organiserer rettleiinga av "
            "etablerarar og forvaltar dei kommunale næringsfonda",
            ParagraphStyle("st", fontName="Serif-I", fontSize=13, leading=17),
        )
    )
    s.append(Spacer(1, 1.4 * cm))
    s.append(
        Paragraph(
            "Ingrid Tveitnes, Halvard Myrseth og Oda Kjeldstad",
            ParagraphStyle("au", fontName="Sans-B", fontSize=12, leading=16),
        )
    )
    s.append(Spacer(1, 5.5 * cm))
    s.append(
        Paragraph(
            f"{REPNO}<br/>ISBN 978-82-93871-22-4 (PDF)<br/>ISSN 2703-9177<br/>"
            "Oppdragsgjevar: Urdfjorden regionråd<br/>Brennhaug, juni 2025",
            ParagraphStyle("col", fontName="Sans", fontSize=9.5, leading=13),
        )
    )
    s.append(NextPageTemplate("body"))
    s.append(PageBreak())

    # Forord + kolofon
    s.append(Paragraph("Føreord", ParagraphStyle("fo", parent=h1, spaceBefore=0)))
    P(
        "Denne rapporten er skriven på oppdrag frå Urdfjorden regionråd, som i august 2024 bad "
        "Institutt for lokal utvikling og styring (ILUS) om ei evaluering av fyrstelinjetenesta "
        "for etablerarar og dei kommunale næringsfonda i dei tre medlemskommunane Kvitberg, "
        "Nordsand og Rypedal. Regionrådet ønskte eit kunnskapsgrunnlag før kommunane skal vedta "
        "nye næringsplanar i 2026."
    )
    P(
        "Prosjektleiar har vore forskar Ingrid Tveitnes. Seniorforskar Halvard Myrseth har hatt "
        "ansvaret for fondsanalysen, og forskar Oda Kjeldstad har gjennomført spørjeundersøkinga. "
        "Vi takkar alle som har stilt opp til intervju, og særleg dei tilsette i kommunane og i "
        "Urdfjorden Næringshage AS, som har lagt fram loggar, saksdokument og rekneskapstal."
    )
    P("Brennhaug, 16. juni 2025<br/>Gunvor Hjartøy, forskingsleiar ILUS")
    s.append(Spacer(1, 1.2 * cm))
    col = Table(
        [
            [
                Paragraph(
                    "<b>Kolofon</b><br/>"
                    "Tittel: Fyrstelinje og næringsfond i Kvitberg, Nordsand og "
                    "Rypedal 2020–2024<br/>"
                    "Forfattarar: Ingrid Tveitnes, Halvard Myrseth, Oda Kjeldstad<br/>"
                    f"Rapportnummer: {REPNO}<br/>"
                    "Prosjektnummer: 24-118<br/>Tal sider: 10<br/>Tilgjenge: Open<br/>"
                    "Emneord: næringsfond, fyrstelinjeteneste, etablerarrettleiing, næringshage, "
                    "interkommunalt samarbeid",
                    box,
                )
            ]
        ],
        colWidths=[A4[0] - 5.2 * cm],
    )
    col.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    s.append(col)
    s.append(PageBreak())

    toc = TableOfContents()
    toc.levelStyles = [
        ParagraphStyle("t0", fontName="Sans-B", fontSize=10.5, leading=15, leftIndent=0),
        ParagraphStyle("t1", fontName="Sans", fontSize=9.8, leading=13.5, leftIndent=16),
    ]
    s.append(
        Paragraph(
            "Innhald", ParagraphStyle("inn", parent=h2, fontSize=15, leading=19, spaceBefore=0)
        )
    )
    s.append(toc)
    s.append(PageBreak())

    fn = [0]

    def N(text):
        fn[0] += 1
        pending.append(Note(fn[0], text))
        return f"<super>{fn[0]}</super>"

    def table(rows, widths, title=None, sumrow=False):
        data = [
            [
                Paragraph(str(x), cellb if i == 0 or (sumrow and i == len(rows) - 1) else cell)
                for x in r
            ]
            for i, r in enumerate(rows)
        ]
        t = Table(data, colWidths=widths, repeatRows=1)
        st = [
            ("LINEABOVE", (0, 0), (-1, 0), 1, GREEN),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, GREEN),
            ("LINEBELOW", (0, -1), (-1, -1), 1, GREEN),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#eef3f1")]),
        ]
        t.setStyle(TableStyle(st))
        s.append(t)
        if title:
            s.append(Paragraph(title, cap))

    # Samandrag
    s.append(Paragraph("Samandrag", h1))
    P(
        "Dei tre kommunane i Urdfjorden har i perioden 2020–2024 valt tre ulike måtar å organisere "
        "fyrstelinjetenesta for etablerarar på. Kvitberg kjøper tenesta av Urdfjorden Næringshage "
        "AS, Nordsand har ein eigen næringsrådgjevar i kommunedirektøren sin stab, og Rypedal "
        "gjekk i 2022 over frå eiga deltidsteneste til ein vertskommuneavtale med Nordsand. Til "
        "saman gav kommunane 262 tilsegner frå dei kommunale næringsfonda i perioden, og samla "
        "tildelt beløp var 15,92 millionar kroner."
    )
    P(
        "Hovudfunnet vårt er at organisasjonsforma betyr mindre enn kor tett fyrstelinja er kopla "
        "til fondsforvaltninga og til resten av kommuneorganisasjonen. Der rettleiar og "
        "sakshandsamar av fondssøknader sit nær kvarandre, går vegen frå fyrste samtale til søknad "
        "raskare. Samstundes ser vi at kommunane i aukande grad tek roller som forhandlar, "
        "innovatør og brubyggjar, og at dei beste resultata kjem der kommunen verkar som ein "
        "playmaker som set i saman aktørar, i staden for å vere ein reint forvaltande instans."
    )
    P(
        "Vi tilrår at regionrådet etablerer ein felles digital inngang for etablerarar, at "
        "fondsvedtektene blir harmoniserte, og at kommunane vidarefører innkjøpssamarbeidet som "
        "Nordsand starta i 2023."
    )

    s.append(Paragraph("1 Innleiing", h1))
    s.append(Paragraph("1.1 Oppdrag og problemstillingar", h2))
    P(
        "Urdfjorden regionråd er eit samarbeidsorgan for kommunane Kvitberg, Nordsand og Rypedal. "
        "Regionrådet har sidan 2019 hatt næringsutvikling som eit av tre satsingsområde, og har "
        "mellom anna finansiert eit felles gründerprogram og ein årleg leverandørdag. Bakgrunnen "
        "for oppdraget er at kommunane har ulike erfaringar med korleis dei organiserer "
        "fyrstelinjetenesta"
        + N(
            "Med fyrstelinjeteneste meiner vi i denne rapporten den fyrste, gratis rettleiinga ein "
            "etablerar eller eit lite føretak får frå kommunen eller frå ein aktør som kommunen "
            "har avtale med, før eventuell vidare tilvising til Innovasjon Noreg, fylkeskommunen "
            "eller private rådgjevarar."
        )
        + " og forvaltar næringsfonda, og at regionrådet ønskjer å vite kva som fungerer."
    )
    P(
        "Evalueringa svarer på fire problemstillingar: (1) Korleis er fyrstelinjetenesta "
        "organisert i kvar kommune, og korleis har organiseringa endra seg? (2) Kor mykje har "
        "kommunane løyvt frå næringsfonda, til kven og etter kva kriterium? (3) Korleis opplever "
        "etablerarane tenesta? (4) Kva roller tek kommunane i næringsarbeidet, og korleis kan "
        "samarbeidet i regionen styrkjast?"
    )
    s.append(Paragraph("1.2 Metode og datagrunnlag", h2))
    P(
        "Vi har kombinert dokumentstudiar, intervju, ei spørjeundersøking og ein gjennomgang av "
        "fondsvedtak. Alle vedtak om tilsegn frå dei tre fonda i perioden 1. januar 2020 til 31. "
        "desember 2024 er registrerte i ein database med opplysningar om søkjar, bransje, beløp og "
        "føremål. Tala for rettleiingssamtalar byggjer på loggane til kommunane og næringshagen."
        + N(
            "Rypedal kommune førte ikkje systematisk logg over rettleiingssamtalar før hausten "
            "2020. Talet for 2020 er difor eit estimat som kommunen sjølv har gjort ut frå "
            "kalender og e-post."
        )
    )
    fact = Table(
        [
            [Paragraph("Fakta om evalueringa", boxh)],
            [
                Paragraph(
                    "<b>Oppdragsgjevar:</b> Urdfjorden regionråd<br/>"
                    "<b>Periode som er evaluert:</b> 2020–2024<br/>"
                    "<b>Datainnsamling:</b> september 2024 – februar 2025<br/>"
                    "<b>Intervju:</b> 46 personar, av dei 19 etablerarar og 14 tilsette i "
                    "kommunane<br/>"
                    "<b>Spørjeundersøking:</b> sendt til 312 etablerarar, 131 svar "
                    "(svarprosent 42)<br/>"
                    "<b>Fondsvedtak gjennomgått:</b> 262 tilsegner og 97 avslag<br/>"
                    "<b>Økonomisk ramme for prosjektet:</b> 640 000 kroner",
                    box,
                )
            ],
        ],
        colWidths=[A4[0] - 5.2 * cm],
    )
    fact.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#e4ece8")),
                ("LINEBEFORE", (0, 0), (0, -1), 3, GREEN),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    s.append(Spacer(1, 4))
    s.append(fact)
    s.append(Spacer(1, 8))
    P(
        "Spørjeundersøkinga vart send til alle som hadde hatt minst éin rettleiingssamtale i "
        "perioden og som hadde registrert e-postadresse. Svarprosenten er akseptabel, men dei som "
        "har fått tilsegn frå fonda er noko overrepresenterte blant dei som svarte. Vi har difor "
        "vore varsame med å tolke skilnader mellom kommunane som sikre."
    )

    s.append(Paragraph("2 Kommunen si rolle i næringsarbeidet", h1))
    P(
        "Kommunane har tradisjonelt hatt to roller overfor næringslivet: rolla som forvaltar, der "
        "kommunen handsamar løyve, planar og fondsmidlar etter regelverk, og rolla som "
        "tenesteprodusent, der kommunen leverer tenester som rettleiing og infrastruktur. Den "
        "tredje rolla, samfunnsutviklaren eller entreprenøren, har fått meir merksemd det siste "
        "tiåret. I forskinga blir det argumentert for at innhaldet i denne rolla er i endring, og "
        "at kommunen i større grad må vere forhandlar, innovatør og brubyggjar i samspel med "
        "næringsliv og sivilsamfunn."
    )
    P(
        "I denne rapporten nyttar vi desse tre omgrepa som eit analytisk verktøy. Med forhandlar "
        "meiner vi at kommunen aktivt forhandlar fram avtalar med andre kommunar, selskap og "
        "staten for å skaffe ressursar. Med innovatør meiner vi at kommunen prøver ut nye "
        "arbeidsmåtar, til dømes i innkjøp. Med brubyggjar meiner vi at kommunen koplar aktørar "
        "som elles ikkje ville ha funne kvarandre. Når kommunen klarer alle tre på ein gong, "
        "kallar vi han gjerne ein playmaker: ein lagspelar som ikkje nødvendigvis skårar sjølv, "
        "men som legg til rette for at andre gjer det."
    )

    s.append(Paragraph("3 Kvitberg kommune", h1))
    s.append(Paragraph("3.1 Organisering av fyrstelinja", h2))
    P(
        "Kvitberg er den største av dei tre kommunane, med 9 840 innbyggjarar ved inngangen til "
        "2024. Frå 1. januar 2020 har kommunen kjøpt fyrstelinjetenesta av Urdfjorden Næringshage "
        "AS, der kommunen eig 34 prosent av aksjane. Avtalen hadde ei årleg ramme på 1,2 millionar "
        "kroner i 2020 og var oppjustert til 1,35 millionar kroner i 2024. Næringshagen set av om "
        "lag 1,4 årsverk til tenesta. Næringssjef Arnfinn Hoel Sætre har det administrative "
        "ansvaret for avtalen og for sakshandsaminga av fondssøknader, medan dagleg leiar i "
        "næringshagen, Marte Lyngstad, leier rettleiarane."
    )
    P(
        "Informantane våre skildrar ei teneste med høg fagleg kvalitet, men med eit visst skilje "
        "mellom rettleiing og fond: etablerarane får hjelp til forretningsplan i næringshagen, men "
        "må sjølve sende søknad til kommunen, og i nokre tilfelle har dei fått ulike signal frå "
        "dei to. I spørjeundersøkinga svarte 78 prosent av etablerarane i Kvitberg at dei var "
        "nøgde eller svært nøgde med rettleiinga."
    )
    table(
        [
            ["År", "Rettleiings­samtalar", "Fonds­søknader", "Tilsegner", "Tildelt (1000 kr)"],
            ["2020", "71", "34", "25", "1 480"],
            ["2021", "84", "39", "29", "1 620"],
            ["2022", "79", "36", "28", "1 710"],
            ["2023", "88", "40", "30", "1 890"],
            ["2024", "90", "37", "29", "2 050"],
            ["Sum 2020–2024", "412", "186", "141", "8 750"],
        ],
        [3.4 * cm, 3.2 * cm, 2.8 * cm, 2.6 * cm, 3.4 * cm],
        "Tabell 1. Kvitberg kommune: rettleiing og næringsfond per år 2020–2024.",
        sumrow=True,
    )
    s.append(Paragraph("3.2 Næringsfondet", h2))
    P(
        "Næringsfondet i Kvitberg er finansiert av konsesjonsavgifter og avkastning av eit eldre "
        "kraftfond. Fondet gav 141 tilsegner i perioden, og gjennomsnittleg tilsegn var på om lag "
        "62 000 kroner. Den største enkeltløyvinga var 400 000 kroner til Kvitberg Sjømatlag SA i "
        "2023, til eit felles mottak for småbåtfiskarar. Vedtektene opnar for tilskot på inntil 50 "
        "prosent av godkjende kostnader, og fondsstyret er formannskapet."
    )
    s.append(Paragraph("3.3 Førre periode 2016–2019", h2))
    P(
        "Før 2020 hadde Kvitberg eit eige næringskontor med to årsverk. I perioden 2016–2019 "
        "registrerte næringskontoret 238 rettleiingssamtalar, og fondet gav 96 tilsegner med eit "
        "samla beløp på 5,1 millionar kroner."
        + N(
            "Tala for 2016–2019 er henta frå Kvitberg kommune, Årsmelding for næringsområdet 2019, "
            "og frå saksframlegg 14/2020 om utsetjing av fyrstelinjetenesta."
        )
        + (
            " Samanlikna med den førre perioden har talet på samtalar auka med 73 prosent, medan "
            "talet på tilsegner har auka med 47 prosent. Kommunen grunngav utsetjinga med at "
            "næringskontoret var sårbart ved sjukdom, og at næringshagen hadde eit breiare "
            "nettverk mot investorar og verkemiddelapparatet."
        )
    )

    s.append(Paragraph("4 Nordsand kommune", h1))
    P(
        "Nordsand har 5 310 innbyggjarar og har valt å ha fyrstelinjetenesta i eigen organisasjon. "
        "Næringsrådgjevar Eirik Tangvold er tilsett i kommunedirektøren sin stab i ei stilling der "
        "om lag 0,8 årsverk går til næringsarbeid. Han både rettleier etablerarar og førebur "
        "fondssakene, som blir avgjorde av eit eige næringsutval med tre politikarar og to "
        "representantar frå næringslivet."
    )
    P(
        "Denne modellen gjev korte vegar. Etablerarane vi intervjua, framheva at dei fekk svar "
        "raskt, og at same person kunne hjelpe dei frå idé til søknad. Ulempa er sårbarheita: då "
        "næringsrådgjevaren var i permisjon hausten 2021, låg tenesta nede i nesten tre månader. I "
        "spørjeundersøkinga var 69 prosent av etablerarane i Nordsand nøgde eller svært nøgde."
    )
    table(
        [
            ["År", "Rettleiings­samtalar", "Fonds­søknader", "Tilsegner", "Tildelt (1000 kr)"],
            ["2020", "46", "19", "15", "820"],
            ["2021", "52", "22", "17", "910"],
            ["2022", "55", "20", "18", "960"],
            ["2023", "58", "21", "19", "1 040"],
            ["2024", "56", "22", "19", "1 120"],
            ["Sum 2020–2024", "267", "104", "88", "4 850"],
        ],
        [3.4 * cm, 3.2 * cm, 2.8 * cm, 2.6 * cm, 3.4 * cm],
        "Tabell 2. Nordsand kommune: rettleiing og næringsfond per år 2020–2024.",
        sumrow=True,
    )
    P(
        "Fondet i Nordsand har ein tydeleg profil mot reiseliv og havbruksrelatert "
        "leverandørindustri. I 2023 gjekk 38 prosent av dei tildelte fondsmidlane i Nordsand til "
        "reiselivsføretak, mellom anna til Sandbakken Fjordcamping og Nordsand Kajakksenter. "
        "Nordsand er òg den einaste av dei tre kommunane som har vedteke eigne kriterium for "
        "berekraft i fondsvedtektene."
    )

    s.append(Paragraph("5 Rypedal kommune", h1))
    P(
        "Rypedal er den minste kommunen i regionen, med 2 460 innbyggjarar. Fram til sommaren 2022 "
        "hadde kommunen ei eiga deltidsteneste på om lag 0,3 årsverk, lagt til ein rådgjevar i "
        "kommunedirektøren sin stab. Frå 1. august 2022 har Rypedal kjøpt fyrstelinjetenesta frå "
        "Nordsand gjennom ein vertskommuneavtale etter kommunelova, til ein pris av 240 000 kroner "
        "i året. Kommunedirektør Solveig Ramsli forhandla fram avtalen, og Rypedal har framleis "
        "sitt eige næringsfond og sitt eige fondsstyre."
    )
    table(
        [
            ["År", "Rettleiings­samtalar", "Fonds­søknader", "Tilsegner", "Tildelt (1000 kr)"],
            ["2020", "22", "11", "9", "380"],
            ["2021", "19", "12", "10", "410"],
            ["2022", "28", "13", "11", "450"],
            ["2023", "36", "16", "13", "520"],
            ["2024", "38", "17", "14", "560"],
            ["Sum 2020–2024", "143", "69", "57", "2 320"],
        ],
        [3.4 * cm, 3.2 * cm, 2.8 * cm, 2.6 * cm, 3.4 * cm],
        "Tabell 3. Rypedal kommune: rettleiing og næringsfond per år 2020–2024.",
        sumrow=True,
    )
    P(
        "Overgangen til vertskommunemodellen har gjeve fleire samtalar: frå 19 i 2021 til 38 i "
        "2024. Samstundes opplever nokre etablerarar at avstanden til rettleiaren har vorte "
        "større, og at kjennskapen til lokale tilhøve er svakare. Delen nøgde i Rypedal var 61 "
        "prosent, den lågaste i regionen. Vi merkar oss at kommunen sjølv meiner at avtalen har "
        "frigjort kapasitet til strategisk arbeid, mellom anna med næringsareal ved Rypedal "
        "sentrum."
    )

    s.append(Paragraph("6 Utviklinga år for år", h1))
    P(
        "Tabell 4 viser dei samla tala for regionen. Fondsrammene har auka kvart år, frå 3,1 "
        "millionar kroner i 2020 til 4,2 millionar kroner i 2024, og det er særleg auken i 2023 "
        "som skil seg ut. Talet på nyregistrerte føretak i regionen har variert mellom 118 og 142 "
        "i året."
        + N(
            "Nyregistrerte føretak er henta frå Einingsregisteret i Brønnøysundregistra 10. "
            "februar 2025 og omfattar alle organisasjonsformer utanom tingsrettslege sameige."
        )
        + (
            " Det er ingen enkel samanheng mellom rettleiing og nyetableringar, men vi ser at åra "
            "med flest rettleiingssamtalar òg er dei med flest nyregistreringar."
        )
    )
    table(
        [
            [
                "År",
                "Samla fondsramme (1000 kr)",
                "Tildelt (1000 kr)",
                "Tilsegner",
                "Rettleiings­samtalar",
                "Nyregistrerte føretak",
            ],
            ["2020", "3 100", "2 680", "49", "139", "118"],
            ["2021", "3 300", "2 940", "56", "155", "131"],
            ["2022", "3 500", "3 120", "57", "162", "124"],
            ["2023", "3 900", "3 450", "62", "182", "142"],
            ["2024", "4 200", "3 730", "62", "184", "137"],
        ],
        [2.0 * cm, 3.2 * cm, 2.6 * cm, 2.2 * cm, 2.6 * cm, 3.0 * cm],
        "Tabell 4. Kvitberg, Nordsand og Rypedal samla: næringsfond, rettleiing og "
        "nyregistreringar per år.",
    )
    P(
        "Den ubrukte delen av fondsrammene var størst i 2020, då pandemien gjorde at fleire "
        "prosjekt vart utsette. Kommunane brukte då ein del av midlane til kompensasjonsordningar "
        "i samarbeid med fylkeskommunen, men desse tilskota er ikkje med i tabellen fordi dei vart "
        "forvalta utanom dei ordinære fonda."
    )

    s.append(Paragraph("7 Forhandlar, innovatør og brubyggjar", h1))
    s.append(Paragraph("7.1 Rypedal som forhandlar", h2))
    P(
        "Rypedal har i perioden vore den tydelegaste forhandlaren. I tillegg til "
        "vertskommuneavtalen med Nordsand forhandla kommunen fram ein avtale med kraftselskapet "
        "Urdkraft AS, som bidreg med 300 000 kroner i året til næringsfondet i Rypedal i perioden "
        "2023–2026."
        + N(
            "Avtalen mellom Rypedal kommune og Urdkraft AS vart underteikna 3. mars 2023 og kan "
            "forlengjast med to år dersom begge partar ønskjer det."
        )
        + (
            " Avtalen kom i stand etter at kommunen og selskapet hadde vore usamde om utbygging av "
            "ei ny kraftline. Ein informant skildra dette som «å gjere ein konflikt om til eit "
            "spleiselag»."
        )
    )
    s.append(Paragraph("7.2 Nordsand som innovatør", h2))
    P(
        "Nordsand har brukt innkjøp som næringspolitisk verktøy. I 2023 arrangerte kommunen ein "
        "leverandørdag der 27 lokale føretak møtte innkjøparane i kommunen, og same år inngjekk "
        "kommunen eit innovasjonspartnarskap med Tarestad Teknikk AS om utvikling av sensorar for "
        "heimetenesta. Partnarskapet har ei ramme på 1,8 millionar kroner over tre år, der "
        "halvparten er dekt av Innovasjon Noreg. Dette er eit døme på at kommunen ikkje berre "
        "kjøper, men er med og skaper eit produkt saman med næringslivet."
    )
    s.append(Paragraph("7.3 Kvitberg som brubyggjar", h2))
    P(
        "Kvitberg har gjennom næringshagen bygd bruer mellom etablerarar, frivillige lag og "
        "etablerte føretak. Gründerprogrammet Gründerlosen har hatt tre kull sidan 2021 med til "
        "saman 34 deltakarar, og kvar deltakar får ein mentor frå eit etablert føretak i regionen. "
        "I 2024 gjekk næringshagen og Kvitberg Idrettslag saman om å drive kafeen i den nye "
        "fleirbrukshallen som ein arbeidstreningsarena, med lokale matprodusentar som "
        "leverandørar. Her opptrer kommunen som playmaker: han eig hallen, men det er næringshagen "
        "og idrettslaget som driv."
    )

    s.append(Paragraph("8 Vurderingar og tilrådingar", h1))
    P(
        "Evalueringa viser at alle tre modellane kan fungere, men at kvar av dei har svake punkt. "
        "Kvitberg-modellen gjev kvalitet og nettverk, men eit skilje mellom rettleiing og fond. "
        "Nordsand-modellen gjev korte vegar, men er sårbar. Rypedal-modellen gjev tilgang til "
        "kompetanse kommunen ikkje kunne ha hatt åleine, men kostar noko i lokalkunnskap. Vi "
        "tilrår at regionrådet og kommunane:"
    )
    for t in [
        "etablerer ein felles digital inngang for etablerarar i regionen innan utgangen av 2026, "
        "med felles søknadsskjema for dei tre fonda;",
        "harmoniserer fondsvedtektene, særleg kriteria for berekraft og maksimal støttedel;",
        "knyter fondssakshandsaminga i Kvitberg tettare til rettleiinga i næringshagen, til dømes "
        "gjennom faste samarbeidsmøte kvar månad;",
        "sikrar ein stadfortredarordning for næringsrådgjevaren i Nordsand, som òg tener Rypedal;",
        "vidarefører leverandørdagen og innkjøpssamarbeidet som ei felles regional satsing.",
    ]:
        s.append(Paragraph(t, bullet, bulletText="•"))
    P(
        "Til slutt vil vi peike på at den nye rolla som playmaker krev tid og tillit. Kommunane må "
        "tole at ikkje alle forsøk lukkast, og dei må måle resultat over fleire år enn eitt "
        "budsjettår."
    )

    s.append(Paragraph("Kjelder", h1))
    for t in [
        "Kvitberg kommune (2020). Saksframlegg 14/2020: Utsetjing av fyrstelinjetenesta for "
        "etablerarar.",
        "Kvitberg kommune (2020). Årsmelding for næringsområdet 2019.",
        "Nordsand kommune (2022). Vedtekter for næringsfondet i Nordsand kommune.",
        "Rypedal kommune og Nordsand kommune (2022). Vertskommuneavtale om fyrstelinjeteneste for "
        "etablerarar.",
        "Stene, M. og Mørkved, B. P. (2019). Kommunen sin framtidige næringsutviklingsrolle. "
        "Arbeidsnotat nr. 2, Nord universitet.",
    ]:
        P(
            t,
            ParagraphStyle(
                "ref",
                parent=body,
                fontSize=9,
                leading=12,
                leftIndent=14,
                firstLineIndent=-14,
                alignment=TA_LEFT,
            ),
        )
    doc.multiBuild(s)


if __name__ == "__main__":
    build(sys.argv[1])
