"""Build ekbyrne-naringslivsprogram-2025-2028.pdf with fpdf2.

usage: /work/main/.venv/bin/python build_ekbyrne.py OUT.pdf
Layout: cover, contents page (fpdf2 TOC placeholder), header with the municipality's name,
footer with page numbers, numbered headings, footnotes drawn at the foot of each page,
a two-column chapter, a fact box, a budget table by year.
"""

import sys
from collections.abc import Iterable

from fpdf import FPDF
from fpdf.fonts import FontFace
from fpdf.outline import OutlineSection

FONT_DIR = "/usr/share/fonts/truetype/liberation/"
GREEN = (31, 92, 74)
SAND = (242, 236, 222)


class Doc(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4", unit="mm")
        self.set_margins(24, 26, 24)
        self.set_auto_page_break(True, margin=38)
        self.add_font("LS", "", FONT_DIR + "LiberationSans-Regular.ttf")
        self.add_font("LS", "B", FONT_DIR + "LiberationSans-Bold.ttf")
        self.add_font("LS", "I", FONT_DIR + "LiberationSans-Italic.ttf")
        self.add_font("LSe", "", FONT_DIR + "LiberationSerif-Regular.ttf")
        self.add_font("LSe", "I", FONT_DIR + "LiberationSerif-Italic.ttf")
        self.add_font("LSe", "B", FONT_DIR + "LiberationSerif-Bold.ttf")
        self.pending_notes: list[tuple[int, str]] = []
        self.note_no = 0
        self.cover = True

    # running header and footer -------------------------------------------------
    def header(self) -> None:
        if self.cover:
            return
        self.set_font("LS", "B", 8)
        self.set_text_color(*GREEN)
        self.set_xy(24, 12)
        self.cell(80, 5, "EKBYRNE KOMMUN")
        self.set_font("LS", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, "Näringslivsprogram 2025–2028", align="R")
        self.set_draw_color(*GREEN)
        self.line(24, 18, 186, 18)
        self.set_text_color(0, 0, 0)
        self.set_y(26)

    def footer(self) -> None:
        if self.cover:
            return
        if self.pending_notes:
            notes = self.pending_notes
            self.pending_notes = []
            self.set_font("LSe", "", 8)
            height = 0.0
            for _, text in notes:
                height += 3.8 * (1 + len(text) // 105)
            y = 297 - 18 - height - 3
            self.set_draw_color(0, 0, 0)
            self.line(24, y, 70, y)
            self.set_xy(24, y + 1.5)
            for no, text in notes:
                self.set_x(24)
                self.multi_cell(162, 3.8, f"{no}  {text}", new_x="LMARGIN", new_y="NEXT")
        self.set_y(-14)
        self.set_font("LS", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"Sida {self.page_no()}", align="C")
        self.set_text_color(0, 0, 0)

    # text helpers ----------------------------------------------------------------
    def h1(self, text: str) -> None:
        if self.get_y() > 60:
            self.ln(4)
        self.start_section(text, level=0)
        self.set_font("LS", "B", 15)
        self.set_text_color(*GREEN)
        self.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(2)

    def h2(self, text: str) -> None:
        self.ln(2)
        self.start_section(text, level=1)
        self.set_font("LS", "B", 11.5)
        self.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def para(self, text: str) -> None:
        """Paragraph; [^...] marks a footnote placed at the foot of the page."""
        self.set_font("LSe", "", 10.5)
        parts = text.split("[^")
        self.write(5.4, parts[0])
        for part in parts[1:]:
            note, rest = part.split("]", 1)
            self.note_no += 1
            self.pending_notes.append((self.note_no, note))
            self.char_vpos = "SUP"
            self.write(5.4, str(self.note_no))
            self.char_vpos = "LINE"
            self.write(5.4, rest)
        self.ln(7.5)

    def bullets(self, items: Iterable[str]) -> None:
        self.set_font("LSe", "", 10.5)
        for item in items:
            self.set_x(28)
            self.multi_cell(154, 5.4, "–  " + item, new_x="LMARGIN", new_y="NEXT")
            self.ln(1)
        self.ln(2)


def toc_renderer(pdf: FPDF, outline: list[OutlineSection]) -> None:
    pdf.set_font("LS", "B", 16)
    pdf.set_text_color(*GREEN)
    pdf.cell(0, 10, "Innehåll", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(4)
    for section in outline:
        indent = 8 * section.level
        pdf.set_font("LS", "B" if section.level == 0 else "", 10.5)
        pdf.set_x(24 + indent)
        pdf.cell(140 - indent, 7, section.name)
        pdf.cell(22, 7, str(section.page_number), align="R", new_x="LMARGIN", new_y="NEXT")


def build(out: str) -> None:
    pdf = Doc()
    pdf.set_title("Näringslivsprogram för Ekbyrne kommun 2025–2028")
    pdf.set_author("Ekbyrne kommun, Näringslivsenheten")
    pdf.set_creation_date(__import__("datetime").datetime(2024, 12, 2))

    # cover --------------------------------------------------------------------
    pdf.add_page()
    pdf.set_fill_color(*GREEN)
    pdf.rect(0, 0, 210, 120, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("LS", "B", 12)
    pdf.set_xy(24, 30)
    pdf.cell(0, 6, "EKBYRNE KOMMUN")
    pdf.set_font("LS", "B", 30)
    pdf.set_xy(24, 55)
    pdf.multi_cell(160, 13, "Näringslivsprogram\n2025–2028")
    pdf.set_font("LS", "", 13)
    pdf.set_xy(24, 92)
    pdf.cell(0, 7, "Tillsammans bygger vi Ekbyrne – företag, föreningar och kommun")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("LS", "", 10)
    pdf.set_xy(24, 230)
    pdf.multi_cell(
        160,
        5.5,
        "Antaget av kommunfullmäktige 2024-11-18, § 142\n"
        "Diarienummer KS 2024/311\n"
        "Giltigt 2025-01-01 – 2028-12-31\n"
        "Ansvarig: Näringslivsenheten, kommunledningsförvaltningen",
    )
    pdf.cover = False

    pdf.add_page()
    pdf.insert_toc_placeholder(toc_renderer, pages=1)

    # 1 -------------------------------------------------------------------------
    pdf.h1("1  Förord")
    pdf.para(
        "Ekbyrne har ett näringsliv som bär kommunen. Sågverket i Myrbacka, verkstadsföretagen "
        "längs riksvägen, besöksnäringen vid Vindeåsen och hundratals enmansföretag skapar de jobb "
        "som gör att människor kan bo och leva här. Kommunens uppgift är inte att ersätta "
        "företagens egna drivkrafter, utan att göra det enklare att starta, driva och utveckla "
        "företag – och att samla krafterna när ingen enskild aktör klarar uppgiften ensam."
    )
    pdf.para(
        "Det förra programmet, för perioden 2020–2024, lade grunden med en samlad ingång för "
        "företagare och en ny utvecklingsfond. Det här programmet tar nästa steg. Vi vill att "
        "kommunen ska vara en aktiv part som förhandlar, förnyar och bygger broar, och som "
        "tillsammans med företag och föreningar skapar sådant som ingen av oss kan åstadkomma på "
        "egen hand."
    )
    pdf.set_font("LSe", "I", 10.5)
    pdf.multi_cell(
        0,
        5.4,
        "Maria Ekholm (C), kommunstyrelsens ordförande\nJonas Strandlund, näringslivschef",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)

    # 2 -------------------------------------------------------------------------
    pdf.h1("2  Utgångsläge")
    pdf.h2("2.1  Ekbyrne i dag")
    pdf.para(
        "Ekbyrne är en landsbygdskommun med en centralort och sex mindre tätorter, bland dem "
        "Tallmora och Myrbacka. Befolkningen har legat stabilt kring 11 000 invånare under det "
        "senaste decenniet, men andelen i arbetsför ålder minskar. Tillverkning, skogsbruk och "
        "offentlig sektor är de största arbetsgivarna. Besöksnäringen kring Vindeåsen har vuxit "
        "snabbt sedan skidanläggningen byggdes ut 2019."
    )

    # fact box
    y0 = pdf.get_y() + 2
    pdf.set_fill_color(*SAND)
    pdf.set_draw_color(*GREEN)
    pdf.rect(24, y0, 162, 58, style="DF")
    pdf.set_xy(30, y0 + 4)
    pdf.set_font("LS", "B", 11)
    pdf.set_text_color(*GREEN)
    pdf.cell(0, 6, "Fakta: Ekbyrne i siffror (31 december 2023)", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("LS", "", 9.5)
    facts = [
        ("Invånare", "11 350"),
        ("Registrerade företag", "1 290"),
        ("varav aktiebolag", "412"),
        ("Nystartade företag 2023", "87"),
        ("Öppen arbetslöshet (16–64 år)", "6,1 %"),
        ("Största privata arbetsgivare", "Myrbacka Såg AB (214 anställda)"),
        ("Gästnätter Vindeåsen, säsongen 2023/24", "164 000"),
    ]
    for label, value in facts:
        pdf.set_x(30)
        pdf.cell(82, 6, label)
        pdf.cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(y0 + 64)

    pdf.h2("2.2  Erfarenheter från programmet 2020–2024")
    pdf.para(
        "Näringslivsprogrammet 2020–2024 hade en total budget på 9,6 miljoner kronor. Under "
        "perioden inrättades Företagslotsen som en väg in till kommunen för företagare, och "
        "Ekbyrne utvecklingsfond började dela ut bidrag 2021. Företagslotsen hanterade totalt 430 "
        "ärenden under perioden, varav omkring en tredjedel gällde bygglov och "
        "miljötillstånd.[^Ärendestatistiken förs i kommunens ärendehanteringssystem sedan mars "
        "2020. Ärenden före detta datum har inte räknats med.]"
    )
    pdf.para(
        "En extern utvärdering som Vindeå kommunalförbund lät göra 2024 pekade på två brister: "
        "kommunen var bra på att ge service men svag på att ta initiativ, och samarbetet med "
        "grannkommunerna byggde på personliga kontakter snarare än avtal. Båda slutsatserna har "
        "format det här programmet."
    )

    pdf.h2("2.3  Vad företagarna säger")
    pdf.para(
        "Inför arbetet med programmet genomförde näringslivsenheten en enkät bland kommunens "
        "företag i februari 2024. Enkäten besvarades av 312 företag. Nöjdheten med kommunens "
        "service har ökat: 64 procent gav kommunens bemötande betyget bra eller mycket bra, mot 47 "
        "procent i motsvarande enkät 2019. Däremot tyckte bara 29 procent att kommunen tar egna "
        "initiativ för att utveckla näringslivet, och 41 procent kände inte till "
        "Företagslotsen.[^Enkäten skickades till alla företag med minst en anställd och till ett "
        "slumpmässigt urval av enmansföretag. Svarsfrekvensen var 38 procent.]"
    )
    pdf.para(
        "I fyra dialogmöten under våren 2024, i Ekbyrne tätort, Tallmora, Myrbacka och vid "
        "Vindeåsen, deltog sammanlagt omkring 140 personer. Tre önskemål återkom: en tydligare "
        "kontaktväg in i kommunen, bättre möjligheter för lokala företag att vara med i "
        "upphandlingar och att kommunen tar ett större ansvar för att samla aktörerna kring "
        "gemensamma utvecklingsfrågor, särskilt bostäder för säsongsanställda vid Vindeåsen."
    )

    # 3  two columns --------------------------------------------------------------
    pdf.add_page()
    pdf.h1("3  Kommunens roller i näringslivsarbetet")
    pdf.set_font("LSe", "", 10)
    col_text = [
        "Kommunen har flera roller i förhållande till näringslivet, och de kräver olika "
        "arbetssätt. Som förvaltare handlägger kommunen bygglov, tillstånd och tillsyn. Här är "
        "målet rättssäkerhet, förutsebarhet och korta handläggningstider. Som serviceproducent "
        "driver kommunen skola, omsorg, vatten och vägar – tjänster som avgör om företagen kan "
        "rekrytera och om människor vill flytta hit.",
        "Den tredje rollen, entreprenörsrollen, har förändrats mest. Forskningen beskriver hur "
        "kommunen i allt högre grad blir förhandlare, innovatör och brobyggare. I Ekbyrne betyder "
        "det konkret:",
        "Som förhandlare ska kommunen kunna sitta vid bordet när ett företag vill etablera sig "
        "eller växa, med mark, infrastruktur och kompetensförsörjning som förhandlingsutrymme. "
        "Kommunstyrelsen ger därför näringslivschefen ett delegerat mandat att föra inledande "
        "förhandlingar om markanvisning upp till fem hektar.",
        "Som innovatör ska kommunen pröva nya lösningar i sin egen verksamhet, till exempel genom "
        "innovationsupphandling och testbäddar i äldreomsorgen, och dela riskerna med företag som "
        "vill utveckla nya produkter.",
        "Som brobyggare ska kommunen koppla ihop aktörer som annars inte möts: företag och skolor, "
        "föreningar och besöksnäring, Ekbyrne och grannkommunerna.",
        "Programmets bärande idé är att kommunen ska vara playmaker. Begreppet kommer från "
        "lagidrotten: den spelare som ser hela planen och lägger passningarna som gör att andra "
        "kan göra mål. En playmaker äger inte resultatet men gör det möjligt. Vi har valt tre "
        "arenor där kommunen ska ta den rollen under perioden: centrumutvecklingen i Ekbyrne "
        "tätort, landsbygdsnavet i Tallmora och besöksnäringens säsongsförlängning vid Vindeåsen.",
        "Samskapande är arbetssättet. I stället för att kommunen tar fram en lösning och sedan "
        "bjuder in till samråd ska företag, föreningar och invånare vara med från början. För "
        "varje arena bildas en arbetsgrupp med högst en tredjedel kommunala representanter. "
        "Kommunens bidrag är ofta processledning, lokaler och data – inte pengar i första hand.",
        "Att vara playmaker kräver uthållighet. Erfarenheten från det förra programmet är att "
        "samverkansprojekt ofta tappade fart när den kommunala tjänstepersonen bytte arbete. "
        "Därför ska varje arena ha en utsedd processledare från kommunen och en ersättare, och "
        "arbetsgruppernas överenskommelser ska dokumenteras i en gemensam avsiktsförklaring som "
        "följs upp årligen av kommunstyrelsens arbetsutskott. Kommunen ska också redovisa hur "
        "mycket arbetstid som läggs på arenorna, så att rollen blir synlig i budgeten och inte "
        "bara i goda intentioner.",
        "Rollerna kan komma i konflikt med varandra. Den som handlägger ett bygglov kan inte "
        "samtidigt förhandla om samma projekt. Därför hålls myndighetsutövningen organisatoriskt "
        "åtskild från näringslivsenheten, och Företagslotsen ska alltid kunna förklara vem som "
        "företräder kommunen i vilken roll.",
    ]
    with pdf.text_columns(ncols=2, gutter=8, text_align="J", line_height=1.25) as cols:
        for chunk in col_text:
            cols.write(chunk)
            cols.ln()
            cols.ln()

    # 4 -------------------------------------------------------------------------
    pdf.add_page()
    pdf.h1("4  Insatsområden")
    pdf.h2("4.1  En väg in – Företagslotsen")
    pdf.para(
        "Företagslotsen är företagarnas första kontakt med kommunen. Lotsen samordnar "
        "myndighetsärenden, ordnar lotsmöten där alla berörda förvaltningar deltar och hänvisar "
        "vidare till rådgivning hos regionens företagsrådgivare och bankerna. År 2024 tog "
        "Företagslotsen emot 212 ärenden. Målet för perioden är att alla företagare ska få ett "
        "första svar inom två arbetsdagar och att handläggningstiden för bygglov för "
        "verksamhetslokaler ska vara högst fem veckor."
    )
    pdf.h2("4.2  Ekbyrne utvecklingsfond")
    pdf.para(
        "Utvecklingsfonden ger bidrag till investeringar, produktutveckling och kompetensinsatser "
        "i företag med högst 49 anställda. Högsta bidrag är 150 000 kronor per företag och "
        "treårsperiod. År 2024 beviljades 1,1 miljoner kronor till 14 företag, bland dem Tallmora "
        "Bageri AB och Vindeå Fjällguidning HB.[^Fonden följer reglerna om stöd av mindre "
        "betydelse (de minimis). Beslut fattas av arbetsutskottet efter beredning av "
        "näringslivsenheten.] Under programperioden avsätts 1,5 miljoner kronor per år, och minst "
        "en femtedel ska gå till projekt där flera företag eller företag och föreningar samarbetar."
    )
    pdf.h2("4.3  Myrbacka företagshus")
    pdf.para(
        "Myrbacka företagshus öppnade 2017 i sågverkets gamla kontorsbyggnad och fungerar som "
        "inkubator och kontorshotell. Verksamhetsledare Sofia Granberg leder arbetet med "
        "affärsrådgivning, nätverksträffar och ett inkubatorprogram på 18 månader. Vid utgången av "
        "2024 fanns 23 företag med sammanlagt 71 arbetsplatser i huset. Kommunen äger fastigheten "
        "och finansierar verksamhetsledningen; hyresintäkterna täcker drift och underhåll."
    )
    pdf.h2("4.4  Upphandling som näringslivsverktyg")
    pdf.para(
        "Kommunen köper varor och tjänster för omkring 420 miljoner kronor om året. Lokala företag "
        "ska ha goda möjligheter att lämna anbud, inom ramen för lagen om offentlig upphandling. "
        "Andelen av inköpsvolymen som gick till företag med säte i Ekbyrne var 22 procent 2024. "
        "Målet är att minst 30 procent av kommunens upphandlingar över direktupphandlingsgränsen "
        "ska föregås av en öppen leverantörsdialog, och att större kontrakt ska delas upp i mindre "
        "delar där det är möjligt.[^Direktupphandlingsgränsen var 700 000 kronor år 2024. "
        "Uppföljningen görs av upphandlingsenheten i samband med årsredovisningen.]"
    )
    pdf.h2("4.5  Samverkan med grannkommunerna")
    pdf.para(
        "Ekbyrne, Norrhed och Skogsbo bildar sedan 2022 Vindeå kommunalförbund. Inom förbundet ska "
        "en gemensam etableringsfunktion inrättas 2025 som tar emot förfrågningar från företag som "
        "överväger att etablera sig i regionen. Kostnaden delas med 50 procent för Ekbyrne, 30 "
        "procent för Norrhed och 20 procent för Skogsbo. Kommunerna ska också samordna sina "
        "leverantörsdagar och ta fram en gemensam kompetensförsörjningsplan med gymnasieskolan."
    )
    pdf.h2("4.6  Samskapande med civilsamhället")
    pdf.para(
        "Ett samskapanderåd med representanter för föreningslivet, företagarföreningen och "
        "kommunen inrättas våren 2025. Rådet ska föreslå vilka projekt som ska få stöd inom de tre "
        "playmaker-arenorna. Ekbyrne Företagarförening, vars ordförande Henrik Lövgren deltog i "
        "arbetet med programmet, har åtagit sig att utse två ledamöter."
    )

    pdf.h2("4.7  Kompetensförsörjning")
    pdf.para(
        "Bristen på arbetskraft är det hinder för tillväxt som flest företag nämner. Kommunen ska "
        "under perioden, tillsammans med Ekbyrne gymnasieskola och branschorganisationerna, starta "
        "ett lärlingsnätverk för verkstads- och träindustrin med mål om 25 lärlingsplatser per år "
        "från 2026. Myrbacka Såg AB och Norrhed Mekaniska AB har åtagit sig att ta emot lärlingar "
        "från första året. Kommunen ska också pröva ett välkomstpaket för inflyttade familjer, där "
        "bostadsförmedling, förskoleplats och kontakt med föreningslivet samordnas av "
        "Företagslotsen."
    )
    pdf.para(
        "Inom besöksnäringen är utmaningen säsongsberoendet. Arbetsgruppen för Vindeåsen ska ta "
        "fram förslag på hur sommarsäsongen kan förlängas, så att fler kan få helårsanställning. "
        "Här är kommunens roll främst att vara brobyggare mellan anläggningen, de mindre "
        "aktivitetsföretagen och de föreningar som sköter leder och stugor."
    )

    # 5 budget ------------------------------------------------------------------
    pdf.h1("5  Budget")
    pdf.para(
        "Tabellen visar programmets budget per år i tusentals kronor. Beloppen för 2026–2028 är "
        "preliminära och fastställs i respektive års budgetbeslut."
    )
    rows = [
        ("Insats", "2025", "2026", "2027", "2028"),
        ("Företagslotsen", "1 250", "1 280", "1 310", "1 340"),
        ("Ekbyrne utvecklingsfond", "1 500", "1 500", "1 500", "1 500"),
        ("Myrbacka företagshus", "900", "950", "950", "1 000"),
        ("Upphandling och leverantörsdialog", "200", "250", "250", "250"),
        ("Vindeå kommunalförbund, etablering", "600", "650", "650", "650"),
        ("Samskapande och playmaker-arenor", "450", "700", "800", "800"),
        ("Totalt", "4 900", "5 330", "5 460", "5 540"),
    ]
    pdf.set_font("LS", "", 9.5)
    heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=GREEN)
    with pdf.table(
        col_widths=(70, 23, 23, 23, 23),
        text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
        headings_style=heading,
        line_height=6.5,
        borders_layout="HORIZONTAL_LINES",
    ) as table:
        for i, r in enumerate(rows):
            row = table.row()
            for c in r:
                if i == len(rows) - 1:
                    row.cell(c, style=FontFace(emphasis="BOLD"))
                else:
                    row.cell(c)
    pdf.ln(4)
    pdf.para(
        "Under hela perioden uppgår programmets budget till 21,23 miljoner kronor. Till detta "
        "kommer externa medel som söks från regionen och EU-program för enskilda projekt."
    )

    # 6 -------------------------------------------------------------------------
    pdf.h1("6  Uppföljning")
    pdf.para(
        "Näringslivsenheten rapporterar till kommunstyrelsen två gånger om året. En "
        "halvtidsutvärdering genomförs hösten 2026. Följande mål ska vara uppnådda 2028:"
    )
    pdf.bullets(
        [
            "minst 110 nystartade företag per år i kommunen",
            "ett första svar från Företagslotsen inom två arbetsdagar i 95 procent av ärendena",
            "30 företag i Myrbacka företagshus",
            "lokal andel av inköpsvolymen på minst 28 procent",
            "en genomförd samskapandeprocess i var och en av de tre playmaker-arenorna",
        ]
    )
    pdf.para("Kontaktperson: Jonas Strandlund, näringslivschef, Ekbyrne kommun.")
    pdf.output(out)


if __name__ == "__main__":
    build(sys.argv[1])
