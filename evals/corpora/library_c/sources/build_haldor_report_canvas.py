"""Build haldor-report-2024-7-playing-the-middle.pdf with reportlab's low-level canvas only.

Every line is placed by this script: own word wrapping and justification, footnotes collected
per page, a fact box beside the body text, a ruled table. Run twice internally so the contents
page has page numbers.
run: /work/main/.venv/bin/python build_haldor_report_canvas.py [OUT.pdf]
(without OUT.pdf the file is written to ../corpus/haldor-report-2024-7-playing-the-middle.pdf)
"""

import re
import sys
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

OUT = (
    Path(__file__).resolve().parent.parent
    / "corpus"
    / "haldor-report-2024-7-playing-the-middle.pdf"
)
if len(sys.argv) > 1:
    OUT = Path(sys.argv[1])
TITLE = "Playing the middle: municipal roles in business development"
RUNNING = "Haldor Institute for Regional Research · Report 2024:7 · Playing the middle"
W, H = A4
LM, RM, TOP, BOTTOM = 27 * mm, 22 * mm, 28 * mm, 24 * mm
BODY_W = W - LM - RM
BODY_FONT, BODY_SIZE, LEAD = "Times-Roman", 10.5, 14.2
FN_SIZE, FN_LEAD = 8, 10
ACCENT = (0.10, 0.25, 0.45)

# a word, its footnote number (if any) and the text after the marker
Token = tuple[str, int | None, str]
TocEntry = tuple[int, str, int]  # (level, text, page)

FOOTNOTES = {
    1: (
        "The commission was awarded after an open tender in November 2023. The contract value was "
        "NOK 640,000 excluding VAT."
    ),
    2: (
        "Stene and Mørkved (2019) wrote their working paper for the Norwegian Centre for Rural "
        "Development (Distriktssenteret). We use the English terms administrator, service "
        "producer, negotiator, innovator and bridge-builder."
    ),
    3: (
        "Figures for business funds are grants and loans approved in the calendar year, taken from "
        "the municipalities' annual accounts. Oterfjord's fund also received a one-off transfer of "
        "NOK 2.0 million from the sale of shares in a local power company in 2023."
    ),
    4: (
        "The survey was run in September and October 2023. Response rates were 46 per cent in "
        "Oterfjord, 39 per cent in Mevika and 51 per cent in Saltvær."
    ),
    5: (
        "The alliance agreement gives each member one vote on the board regardless of population. "
        "Oterfjord has proposed weighting votes by population from 2026."
    ),
}

# ---------------------------------------------------------------- content
# block kinds: ("h1", text), ("h2", text), ("p", text), ("table",), ("factbox",), ("bullets", [..])
BLOCKS: list[tuple[Any, ...]] = [
    ("h1", "Summary"),
    (
        "p",
        "This report examines how three coastal municipalities in Northern Norway, Oterfjord, "
        "Mevika and Saltvær, organise their work with business development, and how far they have "
        "moved from the roles of administrator and service producer towards the roles that Stene "
        "and Mørkved (2019) call negotiator, innovator and bridge-builder. The study was "
        "commissioned by the Outer Coast Business Alliance, the three municipalities' joint body "
        "for business development, and carried out between January and August 2024.",
    ),
    (
        "p",
        "Our main finding is that all three municipalities describe themselves as playmakers, but "
        "only Mevika consistently acts as one. Mevika has used its business garden, its "
        "procurement and its annual co-creation forum to bring firms, voluntary associations and "
        "the municipality together around concrete projects. Oterfjord has the largest business "
        "fund and the most formal first-line service, but it mostly works as a grant giver and a "
        "gatekeeper. Saltvær is small and stretched, and depends on the alliance for most of its "
        "business services.",
    ),
    (
        "p",
        "We recommend that the alliance develops a shared first-line service, that the three "
        "business funds use common criteria, and that each municipality names one senior manager "
        "as responsible for co-creation with business and civil society.",
    ),
    ("h1", "1 Introduction"),
    ("h2", "1.1 Background and commission"),
    (
        "p",
        "The Outer Coast Business Alliance was established in 2019 by Oterfjord, Mevika and "
        "Saltvær. Its purpose is to coordinate business development, market the region and run "
        "common projects. In December 2023 the alliance board asked the Haldor Institute for "
        "Regional Research to assess the municipalities' roles in business development ahead of "
        "the revision of the alliance agreement in 2025.{1} The board wanted to know what each "
        "municipality does, what firms and local communities think of it, and how the division of "
        "labour between the municipalities and the alliance could be improved.",
    ),
    (
        "p",
        "The research team consisted of senior researcher Sigrid Bergvik, who led the project, and "
        "researcher Daniel Okafor. The alliance's manager, Marit Heimdal, was our contact person "
        "and gave us access to board minutes and budgets.",
    ),
    ("h2", "1.2 Data and methods"),
    (
        "p",
        "We conducted 29 semi-structured interviews with mayors, chief executives, business "
        "advisers, procurement staff, business owners and representatives of voluntary "
        "associations. We also surveyed 214 firms registered in the three municipalities, analysed "
        "the municipalities' accounts for 2021 to 2023, and read all decisions on business fund "
        "applications in 2023. The interviews were carried out in person during two field visits "
        "in March and May 2024.",
    ),
    ("h1", "2 From administrator to playmaker"),
    (
        "p",
        "Municipalities influence business in many ways at once. As administrators they handle "
        "planning, permits and licences; as service producers they run schools, care services and "
        "infrastructure that firms and their employees depend on. Traditionally, a third role has "
        "been described as the entrepreneur role, in which the municipality initiates and funds "
        "development projects itself.",
    ),
    (
        "p",
        "Stene and Mørkved (2019) argue that this entrepreneur role is changing. As welfare "
        "resources get tighter and co-creation becomes a new resource logic, the municipality "
        "increasingly has to act as a negotiator, an innovator and a bridge-builder, or in their "
        "words as a playmaker that brings resources into play across the public sector, business "
        "and civil society.{2} We find the framework useful, but we add one distinction. In "
        "practice the three new roles require different kinds of capacity: negotiation requires "
        "legal and planning competence, innovation requires room to experiment and accept failure, "
        "and bridge-building requires time and trust in local networks. Small municipalities "
        "rarely have all three, and we therefore ask which of the roles each municipality has "
        "actually taken on.",
    ),
    (
        "p",
        "A second point is that the playmaker role does not replace the administrator role. Firms "
        "in all three municipalities told us that predictable case handling matters more to them "
        "than any development project. A municipality that is a creative playmaker but slow in "
        "handling building permits will lose credibility with the firms it wants to work with.",
    ),
    ("h1", "3 The three municipalities"),
    ("factbox",),
    (
        "p",
        "Oterfjord is the regional centre, with a hospital, a upper secondary school and a "
        "diversified business base dominated by seafood processing, public services and retail. "
        "Mevika is a fishing and aquaculture municipality with a growing tourism sector around the "
        "Mevika archipelago. Saltvær is the smallest of the three, with a population spread over "
        "six inhabited islands, and its business life depends on a few fishing companies and on "
        "Saltvær Fisk AS, which employs around 60 people.",
    ),
    (
        "p",
        "Table 1 gives key figures for the three municipalities in 2023. The figures show clear "
        "differences in size and in how much each municipality spends on business development. "
        "Oterfjord's business fund is almost three times as large as Mevika's, but Mevika has more "
        "firms in its business garden and a considerably higher share of local suppliers in its "
        "procurement.{3}",
    ),
    ("table",),
    (
        "p",
        "Mevika Business Garden (see the fact box) is the most important single actor in business "
        "development in the region. It serves all three municipalities, but firms in Oterfjord and "
        "Saltvær use it less than firms in Mevika. Several interviewees in Oterfjord describe the "
        'business garden as "Mevika\'s", which illustrates a recurring tension in the alliance '
        "between shared services and local ownership.",
    ),
    ("h1", "4 Findings"),
    ("h2", "4.1 Business funds"),
    (
        "p",
        "All three municipalities have a business fund financed by a mix of state funds channelled "
        "through the county and local income, mainly from hydropower licences. The funds' "
        "guidelines are similar, but practice differs. Oterfjord awarded 41 grants in 2023, most "
        "of them to established firms for investments and marketing. Mevika awarded 23 grants, and "
        "a third of them went to projects where firms and associations applied together, such as "
        "the joint harbour project in Vågsholmen. Saltvær awarded nine grants.",
    ),
    (
        "p",
        "We find that the funds are mostly used as an administrator's tool: applications are "
        "received, assessed and approved, with little follow-up. Only Mevika regularly uses the "
        "fund to initiate projects. We recommend that the three funds adopt common criteria and "
        "that part of each fund is set aside for projects that involve partners from more than one "
        "sector.",
    ),
    ("h2", "4.2 First-line services"),
    (
        "p",
        "A first-line service is the municipality's first point of contact for people who want to "
        "start or develop a business. Oterfjord has a business adviser in a full-time position and "
        "a web-based booking system, and registered 176 enquiries in 2023. Mevika relies on the "
        "business garden to provide first-line guidance on the municipality's behalf, while "
        "Saltvær has no dedicated first-line service and refers enquiries to the alliance.",
    ),
    (
        "p",
        "In the survey, 62 per cent of firms in Oterfjord who had used the first-line service were "
        "satisfied or very satisfied, compared with 74 per cent in Mevika.{4} The difference is "
        "not large, but the interviews suggest an explanation: in Mevika the first contact leads "
        "straight into a network of other firms, while in Oterfjord it usually ends with advice on "
        "which grant to apply for.",
    ),
    ("h2", "4.3 Procurement"),
    (
        "p",
        "Public procurement is where the innovator role is most visible. Mevika has for three "
        "years held an annual supplier day and has split several contracts, for example for snow "
        "clearing and for catering in the care homes, into smaller lots. In 2023, 47 per cent of "
        "Mevika's purchases by value went to suppliers based in the region. Oterfjord has a larger "
        "and more professional procurement unit, but it sees its task primarily as ensuring "
        "compliance with the procurement rules. Saltvær buys most goods through the county's "
        "framework agreements.",
    ),
    (
        "bullets",
        [
            "Mevika's procurement manager, Tor Eikrem, takes part in the alliance's business "
            "network meetings.",
            "Oterfjord has not used market dialogue before any tender above the national threshold "
            "since 2021.",
            "None of the municipalities has carried out an innovation partnership.",
        ],
    ),
    ("h2", "4.4 Cooperation between municipalities"),
    (
        "p",
        "The Outer Coast Business Alliance has an annual budget of NOK 3.2 million, of which "
        "Oterfjord pays half and Mevika and Saltvær a quarter each. The alliance employs a manager "
        "and a project coordinator. Its board consists of the three mayors, with the chief "
        "executives as observers.{5} Interviewees agree that the alliance has been successful in "
        "regional marketing and in joint applications for external funding, raising NOK 11.8 "
        "million for regional projects between 2020 and 2023.",
    ),
    (
        "p",
        "The alliance has been less successful in coordinating day-to-day business services. Each "
        "municipality still has its own fund, its own guidelines and its own way of handling "
        "enquiries. For Saltvær this is a problem, because the municipality lacks the capacity to "
        "run its own services. We see a shared first-line service as the most obvious next step in "
        "the cooperation.",
    ),
    ("h2", "4.5 Co-creation and the playmaker role"),
    (
        "p",
        "Mevika's annual co-creation forum, the Mevika Table, was started in 2021 by the mayor, "
        "Hilde Strømsli. Each autumn, firms, associations and municipal staff agree on two or "
        "three joint projects for the following year, and the municipality commits staff time and "
        "money from the business fund. Projects so far include a shared cold store for small "
        "fishing boats, a summer job programme for young people and the renovation of the old "
        "community hall in Vågsholmen.",
    ),
    (
        "p",
        "In Oterfjord, co-creation has largely taken place through formal planning processes, "
        "while Saltvær has relied on the strong voluntary associations on the islands. Our "
        "assessment is that the playmaker role depends less on resources than on leadership and on "
        "the willingness of the municipality to share control over projects with others.",
    ),
    ("h1", "5 Recommendations"),
    (
        "p",
        "Based on our findings, we make five recommendations to the alliance and the three "
        "municipalities. First, establish a shared first-line service run by the alliance, with "
        "local office days in each municipality. Second, adopt common criteria for the three "
        "business funds and set aside at least 20 per cent of each fund for cross-sector projects. "
        "Third, develop a joint procurement strategy with regular supplier days and market "
        "dialogue. Fourth, name one senior manager in each municipality as responsible for "
        "co-creation. Fifth, review the voting rules in the alliance as part of the revision of "
        "the agreement in 2025.",
    ),
    ("h1", "References"),
    (
        "ref",
        "Outer Coast Business Alliance (2019). Agreement on the Outer Coast Business Alliance. "
        "Oterfjord.",
    ),
    (
        "ref",
        "Stene, M. and Mørkved, B. P. (2019). Kommunen sin framtidige næringsutviklingsrolle. "
        "Working paper no. 2. Bodø: Nord University.",
    ),
    (
        "ref",
        "Torfing, J., Sørensen, E. and Røiseland, A. (2019). Transforming the public sector into "
        "an arena for co-creation. Administration & Society 51(5).",
    ),
]

TABLE = [
    ["Municipality", "Population", "Business fund", "First-line", "Firms in", "Local share of"],
    ["", "1 Jan 2023", "2023 (NOK 1,000)", "enquiries 2023", "business garden", "procurement 2023"],
    ["Oterfjord", "11,240", "5,600", "176", "4", "29 %"],
    ["Mevika", "4,310", "1,950", "88", "13", "47 %"],
    ["Saltvær", "1,870", "720", "–", "2", "33 %"],
]

FACTBOX = [
    "Fact box: Mevika Business Garden",
    "Established: 2011",
    "Owners: Mevika municipality (40 %), Mevika Sparebank, Arnøy Seafood AS and 11 local firms",
    "Managing director: Eva Sjøberg",
    "Tenant firms: 17 (2023)",
    "Employees in tenant firms: 64",
    "Part of the national business garden programme since 2014",
    "Provides first-line guidance on behalf of Mevika municipality under a contract worth NOK "
    "450,000 a year",
]


# ---------------------------------------------------------------- engine
def tokens_of(text: str) -> list[Token]:
    """Split into words; a word may carry a footnote marker {n}."""
    out: list[Token] = []
    for w in text.split():
        m = re.fullmatch(r"(.*?)\{(\d+)\}(.*)", w)
        if m:
            out.append((m.group(1), int(m.group(2)), m.group(3)))
        else:
            out.append((w, None, ""))
    return out


def word_width(tok: Token, font: str = BODY_FONT, size: float = BODY_SIZE) -> float:
    w, n, tail = tok
    width = stringWidth(w + tail, font, size)
    if n:
        width += stringWidth(str(n), font, size * 0.62) + 0.6
    return width


def wrap_tokens(
    toks: list[Token], width: float, font: str = BODY_FONT, size: float = BODY_SIZE
) -> list[list[Token]]:
    lines: list[list[Token]] = []
    cur: list[Token] = []
    cur_w = 0.0
    space = stringWidth(" ", font, size)
    for t in toks:
        tw = word_width(t, font, size)
        if cur and cur_w + space + tw > width:
            lines.append(cur)
            cur, cur_w = [t], tw
        else:
            cur_w += (space if cur else 0) + tw
            cur.append(t)
    if cur:
        lines.append(cur)
    return lines


def wrap_plain(text: str, font: str, size: float, width: float) -> list[str]:
    return [
        " ".join(x[0] + x[2] for x in line)
        for line in wrap_tokens(tokens_of(text), width, font, size)
    ]


class Layout:
    def __init__(self, c: canvas.Canvas, toc_pages: dict[str, int] | None = None) -> None:
        self.c = c
        self.page = 0
        self.toc: list[TocEntry] = []  # (level, text, page)
        self.toc_pages = toc_pages or {}
        self.footnotes: list[int] = []
        self.box_bottom: float | None = None

    # ---- page furniture
    def furniture(self) -> None:
        c = self.c
        c.setFont("Helvetica", 7.5)
        c.setFillColorRGB(*ACCENT)
        c.drawString(LM, H - 15 * mm, RUNNING)
        c.setStrokeColorRGB(*ACCENT)
        c.setLineWidth(0.6)
        c.line(LM, H - 17 * mm, W - RM, H - 17 * mm)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 8)
        c.drawRightString(W - RM, 12 * mm, f"Page {self.page}")
        c.drawString(LM, 12 * mm, "haldor.example · Report 2024:7")

    def new_page(self, furniture: bool = True) -> None:
        if self.page:
            self.flush_footnotes()
            self.c.showPage()
        self.page += 1
        self.y = H - TOP
        self.fn_height = 0
        self.footnotes = []
        self.box_bottom = None
        if furniture:
            self.furniture()

    def floor(self) -> float:
        return BOTTOM + (self.fn_height + 8 if self.fn_height else 0)

    def fn_block_height(self, n: int) -> int:
        lines = wrap_plain(FOOTNOTES[n], "Times-Roman", FN_SIZE, BODY_W - 8)
        return len(lines) * FN_LEAD

    def flush_footnotes(self) -> None:
        if not self.footnotes:
            return
        c = self.c
        y = BOTTOM + self.fn_height - FN_LEAD + 2
        c.setLineWidth(0.4)
        c.line(LM, BOTTOM + self.fn_height + 3, LM + 45 * mm, BOTTOM + self.fn_height + 3)
        for n in self.footnotes:
            lines = wrap_plain(FOOTNOTES[n], "Times-Roman", FN_SIZE, BODY_W - 8)
            c.setFont("Times-Roman", FN_SIZE * 0.7)
            c.drawString(LM, y + 3, str(n))
            c.setFont("Times-Roman", FN_SIZE)
            for ln in lines:
                c.drawString(LM + 6, y, ln)
                y -= FN_LEAD

    # ---- text
    def col_width(self) -> float:
        if self.box_bottom is not None and self.y > self.box_bottom:
            return BODY_W - 62 * mm
        return BODY_W

    def draw_line(self, line: list[Token], width: float, justify: bool) -> None:
        c = self.c
        x = LM
        natural = sum(word_width(t) for t in line)
        gaps = len(line) - 1
        space = stringWidth(" ", BODY_FONT, BODY_SIZE)
        if justify and gaps:
            space = (width - natural) / gaps
        for t in line:
            w, n, tail = t
            c.setFont(BODY_FONT, BODY_SIZE)
            c.drawString(x, self.y, w)
            x += stringWidth(w, BODY_FONT, BODY_SIZE)
            if n:
                c.setFont(BODY_FONT, BODY_SIZE * 0.62)
                c.drawString(x + 0.3, self.y + 4, str(n))
                x += stringWidth(str(n), BODY_FONT, BODY_SIZE * 0.62) + 0.6
            if tail:
                c.setFont(BODY_FONT, BODY_SIZE)
                c.drawString(x, self.y, tail)
                x += stringWidth(tail, BODY_FONT, BODY_SIZE)
            x += space

    def paragraph(self, text: str, indent_first: bool = False) -> None:
        toks = tokens_of(text)
        remaining = toks
        while remaining:
            width = self.col_width()
            line = wrap_tokens(remaining, width)[0]
            notes = [t[1] for t in line if t[1]]
            extra = sum(self.fn_block_height(n) for n in notes)
            if self.y - LEAD < BOTTOM + (
                self.fn_height + extra + 8 if (self.fn_height + extra) else 0
            ):
                self.new_page()
                continue
            self.fn_height += extra
            self.footnotes += notes
            self.y -= LEAD
            last = len(line) == len(remaining)
            self.draw_line(line, width, justify=not last)
            remaining = remaining[len(line) :]
        self.y -= 5

    def heading(self, text: str, level: int) -> None:
        size = 15 if level == 1 else 12
        need = 3 * LEAD + 20
        if self.y - need < self.floor():
            self.new_page()
        self.y -= 10 if level == 1 else 6
        self.y -= size
        self.c.setFont("Helvetica-Bold", size)
        self.c.setFillColorRGB(*ACCENT)
        self.c.drawString(LM, self.y, text)
        self.c.setFillColorRGB(0, 0, 0)
        self.y -= 6
        self.toc.append((level, text, self.page))

    def bullets(self, items: list[str]) -> None:
        for it in items:
            lines = wrap_plain(it, BODY_FONT, BODY_SIZE, BODY_W - 12)
            if self.y - LEAD * len(lines) < self.floor():
                self.new_page()
            self.c.setFont(BODY_FONT, BODY_SIZE)
            for i, ln in enumerate(lines):
                self.y -= LEAD
                if i == 0:
                    self.c.drawString(LM + 2, self.y, "–")
                self.c.drawString(LM + 12, self.y, ln)
        self.y -= 6

    def ref(self, text: str) -> None:
        lines = wrap_plain(text, BODY_FONT, BODY_SIZE - 0.5, BODY_W - 10)
        if self.y - LEAD * len(lines) < self.floor():
            self.new_page()
        self.c.setFont(BODY_FONT, BODY_SIZE - 0.5)
        for i, ln in enumerate(lines):
            self.y -= LEAD - 1
            self.c.drawString(LM + (0 if i == 0 else 10), self.y, ln)
        self.y -= 4

    def factbox(self) -> None:
        c = self.c
        bw = 56 * mm
        x = W - RM - bw
        lines: list[tuple[str, str] | None] = []
        for i, item in enumerate(FACTBOX):
            font = "Helvetica-Bold" if i == 0 else "Helvetica"
            for ln in wrap_plain(item, font, 8.3, bw - 8 * mm):
                lines.append((font, ln))
            lines.append(None)
        bh = sum(11 if entry else 3 for entry in lines) + 12
        if self.y - bh < self.floor():
            self.new_page()
        top = self.y - 4
        c.setFillColorRGB(0.90, 0.94, 0.98)
        c.setStrokeColorRGB(*ACCENT)
        c.rect(x, top - bh, bw, bh, fill=1, stroke=1)
        c.setFillColorRGB(0, 0, 0)
        yy = top - 14
        for entry in lines:
            if entry is None:
                yy -= 3
                continue
            c.setFont(entry[0], 8.3)
            c.drawString(x + 4 * mm, yy, entry[1])
            yy -= 11
        self.box_bottom = top - bh - 4

    def table(self) -> None:
        c = self.c
        widths = [28 * mm, 22 * mm, 28 * mm, 25 * mm, 27 * mm, 30 * mm]
        rh = 15
        total_h = rh * len(TABLE) + 20
        if self.y - total_h < self.floor():
            self.new_page()
        if self.box_bottom is not None and self.y > self.box_bottom:
            self.y = self.box_bottom
        self.y -= 6
        top = self.y
        x0 = LM
        c.setLineWidth(0.5)
        c.line(x0, top, x0 + sum(widths), top)
        y = top
        for r, row in enumerate(TABLE):
            y -= rh if r != 1 else rh - 4
            x = x0
            for j, val in enumerate(row):
                font = "Helvetica-Bold" if r < 2 else "Helvetica"
                c.setFont(font, 8.5)
                if j == 0:
                    c.drawString(x + 3, y + 4, val)
                else:
                    c.drawRightString(x + widths[j] - 4, y + 4, val)
                x += widths[j]
            if r == 1 or r == len(TABLE) - 1:
                c.line(x0, y, x0 + sum(widths), y)
            elif r > 1:
                c.setLineWidth(0.25)
                c.line(x0, y, x0 + sum(widths), y)
                c.setLineWidth(0.5)
        # vertical rules
        x = x0
        for wdt in widths[:-1]:
            x += wdt
            c.setLineWidth(0.25)
            c.line(x, top, x, y)
        c.setFont("Helvetica-Oblique", 8)
        c.drawString(
            x0,
            y - 11,
            "Table 1. Key figures for the three municipalities, 2023. Sources: Statistics Norway, "
            "municipal accounts, own survey.",
        )
        self.y = y - 22


def cover(c: canvas.Canvas) -> None:
    c.setFillColorRGB(*ACCENT)
    c.rect(0, H - 105 * mm, W, 105 * mm, fill=1, stroke=0)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Helvetica", 11)
    c.drawString(LM, H - 30 * mm, "HALDOR INSTITUTE FOR REGIONAL RESEARCH")
    c.setFont("Helvetica-Bold", 25)
    c.drawString(LM, H - 58 * mm, "Playing the middle:")
    c.setFont("Helvetica", 17)
    c.drawString(LM, H - 70 * mm, "municipal roles in business development")
    c.drawString(LM, H - 79 * mm, "in Oterfjord, Mevika and Saltvær")
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica", 12)
    c.drawString(LM, H - 130 * mm, "Sigrid Bergvik and Daniel Okafor")
    c.setFont("Helvetica", 10)
    c.drawString(LM, H - 140 * mm, "Report 2024:7")
    c.drawString(LM, H - 146 * mm, "Commissioned by the Outer Coast Business Alliance")
    c.drawString(LM, H - 152 * mm, "Tromsø, October 2024")
    c.setFont("Helvetica", 7.5)
    y = 40 * mm
    for ln in (
        "Haldor Institute for Regional Research is an independent research foundation.",
        "ISBN 978-82-99999-47-1 (digital) · ISSN 2704-0000",
        "Project leader: Sigrid Bergvik · Quality assurance: Professor Anne-Lise Varden",
    ):
        c.drawString(LM, y, ln)
        y -= 10


def contents(c: canvas.Canvas, lay: Layout, toc: list[TocEntry]) -> None:
    c.setFont("Helvetica-Bold", 15)
    c.setFillColorRGB(*ACCENT)
    c.drawString(LM, H - TOP - 15, "Contents")
    c.setFillColorRGB(0, 0, 0)
    y = H - TOP - 45
    for level, text, page in toc:
        font = "Helvetica-Bold" if level == 1 else "Helvetica"
        x = LM + (0 if level == 1 else 12)
        c.setFont(font, 10)
        c.drawString(x, y, text)
        c.drawRightString(W - RM, y, str(page))
        tw = stringWidth(text, font, 10)
        c.setFont("Helvetica", 8)
        c.setFillColorRGB(0.5, 0.5, 0.5)
        dots_x = x + tw + 4
        while dots_x < W - RM - 20:
            c.drawString(dots_x, y, ".")
            dots_x += 4
        c.setFillColorRGB(0, 0, 0)
        y -= 17 if level == 1 else 15


def build(path: Path, toc_known: list[TocEntry]) -> list[TocEntry]:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(TITLE)
    c.setAuthor("Sigrid Bergvik; Daniel Okafor")
    c.setSubject("Haldor Institute for Regional Research, Report 2024:7")
    lay = Layout(c)
    lay.page = 1
    cover(c)
    c.showPage()
    lay.page = 2
    lay.furniture()
    contents(c, lay, toc_known)
    lay.new_page()
    for b in BLOCKS:
        kind = b[0]
        if kind == "h1":
            if (
                b[1] in ("1 Introduction", "References", "3 The three municipalities", "4 Findings")
                and lay.y < H - TOP - 1
            ):
                lay.new_page()
            lay.heading(b[1], 1)
        elif kind == "h2":
            lay.heading(b[1], 2)
        elif kind == "p":
            lay.paragraph(b[1])
        elif kind == "bullets":
            lay.bullets(b[1])
        elif kind == "ref":
            lay.ref(b[1])
        elif kind == "table":
            lay.table()
        elif kind == "factbox":
            lay.factbox()
    lay.flush_footnotes()
    c.showPage()
    c.save()
    return lay.toc


toc = build(OUT, [])
toc = build(OUT, toc)
print("wrote", OUT, "sections:", len(toc))
