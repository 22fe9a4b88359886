"""Source of asvang-policy-brief-municipalities-as-playmakers-2025.docx.

A fictional English policy brief of the invented Åsvang Regional Council. Written with python-docx
(Title/Heading styles, numbered headings, a running header and a page-number footer, real Word
footnotes, a chart inserted as a PNG made with matplotlib, a table, a shaded "key messages" box and
a pull quote). The .docx itself is the corpus document,
evals/corpora/library_b/asvang-policy-brief-municipalities-as-playmakers-2025.docx, and this
script writes it in one step. From the repository root:

    .venv/bin/python evals/corpora/library_b/sources/asvang_policy_brief.py OUT.docx

With OUT.docx evals/corpora/library_b/asvang-policy-brief-municipalities-as-playmakers-2025.docx
it rebuilds the committed file.

All names, places, organisations and figures are invented.
"""

from __future__ import annotations

import re
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MARKER = re.compile(r"\[\^(\d+)\]")
COUNCIL = "Åsvang Regional Council"
TITLE = "Municipalities as playmakers"
SUBTITLE = "Co-creating local business development with companies and civil society"
NAVY = RGBColor(0x1C, 0x2A, 0x4A)
GOLD = "E9C46A"

FOOTNOTES = {
    "1": (
        "The survey was sent to the chief executives of all six member municipalities in February "
        "2025; all six replied. It covered staffing, business funds, first-line services and "
        "procurement."
    ),
    "2": (
        "The council uses the role terms of Stene and Mørkved (2019), but groups them differently: "
        "the brief treats playmaking as a way of combining roles rather than as a role of its own."
    ),
    "3": (
        "Figures for Strandvik are taken from the municipality's accounts and refer to food "
        "purchased for schools and kindergartens only, not to all purchases."
    ),
    "4": "Mjøsli Handelslag SA was founded on 3 May 2023. Shares cost NOK 1,000 each.",
}

FUNDS = [
    ("Brennhaug", 2.1),
    ("Strandvik", 1.8),
    ("Mjøsli", 1.2),
    ("Solhov", 2.4),
    ("Bergsete", 0.9),
    ("Kjeldvik", 1.2),
]

BODY: list[tuple[Any, ...]] = [
    (
        "box",
        "Key messages",
        [
            "Municipalities get more out of their business development work when they act as "
            "playmakers: setting up the game, passing responsibility to others and keeping the "
            "team together.",
            "Playmaking is not a new role beside the regulator and service provider roles; it is a "
            "way of combining the roles of negotiator, innovator and bridge-builder.",
            "Only two of the six municipalities in the Åsvang region have a dedicated partnership "
            "coordinator. The council recommends that all six appoint one by 2027.",
            "At least 15 per cent of each municipal business fund should be earmarked for projects "
            "that are co-created by companies, civil society and the municipality.",
        ],
    ),
    ("h1", "1 Why this brief"),
    (
        "p",
        "The six municipalities of the Åsvang region – Brennhaug, Strandvik, Mjøsli, Solhov, "
        "Bergsete and Kjeldvik – have a combined population of about 31,500. Most of them are "
        "losing young people, and all of them depend on small companies for private jobs. For a "
        "decade, business development has meant three things: a business fund, an adviser at the "
        "town hall and a seat on the board of the local business garden. This brief argues that "
        "this is no longer enough.",
    ),
    (
        "p",
        "The brief was prepared by the council's secretariat for the council meeting on 16 October "
        "2025. It draws on a survey of the member municipalities[^1], on interviews with 22 "
        "mayors, officers, business owners and volunteers, and on three cases described in section "
        "4. It was written by senior adviser Simen Aas-Haugland, with contributions from policy "
        "officer Lea Mbeki-Strand.",
    ),
    ("h1", "2 From administrator to playmaker"),
    (
        "p",
        "Municipalities have long been described as having three roles in business development: "
        "the administrator or regulator, who handles permits and plans; the service provider, who "
        "runs schools, care and infrastructure; and the developer or entrepreneur, who takes "
        "initiatives. Research on co-creation suggests that the developer role is changing into "
        "something else, in which the municipality negotiates, innovates and builds bridges "
        "between sectors[^2].",
    ),
    (
        "p",
        "We find the football image of the playmaker useful, with one reservation. In the "
        "interviews, several business owners worried that a playmaking municipality would be one "
        "that talks a lot and decides little. The best playmakers we met did the opposite: they "
        "were quick and reliable in the administrator role, which gave them the trust they needed "
        "to take on the other roles. A municipality that cannot process a building application on "
        "time will not be believed when it invites companies to co-create.",
    ),
    (
        "quote",
        "“Our job is not to run the projects. Our job is to make sure the right people are in the "
        "room, and that nobody leaves before we have agreed who does what.” – Rune Kvistad, mayor "
        "of Strandvik",
    ),
    (
        "p",
        "The three sub-roles demand different skills. As negotiator, the municipality must be able "
        "to commit resources on the spot, within a mandate given by politicians. As innovator, it "
        "must accept that some trials fail. As bridge-builder, it must know people in business, in "
        "voluntary organisations and in neighbouring municipalities, which takes time and "
        "continuity in staff.",
    ),
    ("h1", "3 The region in figures"),
    (
        "p",
        "The survey shows large differences between the member municipalities in how they are "
        "equipped for business development. Table 1 summarises the main figures for 2024.",
    ),
    (
        "table",
        "Table 1. Business development capacity in the member municipalities, 2024",
        [
            [
                "Municipality",
                "Population",
                "Staff (FTE)",
                "Business fund (NOK m)",
                "First-line enquiries",
                "Partnership coordinator",
            ],
            ["Brennhaug", "8,950", "2.0", "2.1", "164", "Yes"],
            ["Strandvik", "6,120", "1.5", "1.8", "97", "Yes"],
            ["Mjøsli", "3,480", "0.8", "1.2", "58", "No"],
            ["Solhov", "7,390", "1.6", "2.4", "121", "No"],
            ["Bergsete", "2,210", "0.5", "0.9", "31", "No"],
            ["Kjeldvik", "3,350", "0.6", "1.2", "44", "No"],
            ["Region", "31,500", "7.0", "9.6", "515", "2 of 6"],
        ],
    ),
    ("figure", "Figure 1. Business fund budgets by municipality, 2024 (NOK million)"),
    (
        "p",
        "Together the six business funds amounted to NOK 9.6 million in 2024. Only Brennhaug and "
        "Mjøsli had set aside any part of the fund for co-created projects. The first-line "
        "services handled 515 enquiries, of which 41 per cent came from people who had not yet "
        "started a company.",
    ),
    (
        "p",
        "The figures should be read against the council's own earlier effort. From 2021 to 2024 "
        "the council ran the regional programme Åsvang Vekst, with a total budget of NOK 6.4 "
        "million over four years. The programme financed joint courses for entrepreneurs and a "
        "shared business adviser for Bergsete and Kjeldvik, but its final report concluded that it "
        "had been run as a classic project: the council designed the measures and the "
        "municipalities took part. Only 9 of the programme's 31 projects involved a voluntary "
        "organisation, and none of them involved procurement.",
    ),
    (
        "p",
        "This brief draws a different lesson from the same experience. The measures that lasted "
        "after 2024 were those in which a company or an association had taken ownership from the "
        "start. The shared adviser post for Bergsete and Kjeldvik, by contrast, ended when the "
        "project money ran out, because neither municipality had planned how to fund it "
        "afterwards.",
    ),
    ("h1", "4 Three cases"),
    ("h2", "4.1 Brennhaug: a first-line service in the makerspace"),
    (
        "p",
        "In 2022 Brennhaug moved its first-line service for entrepreneurs out of the town hall and "
        "into Brennhaug Verksted, a makerspace in a former bus garage run by a volunteer "
        "association with 85 members. The business adviser, Ingrid Solum, now sits in the "
        "makerspace three days a week. The municipality pays the rent for the adviser's office, "
        "and the association keeps the workshop open in the evenings.",
    ),
    (
        "p",
        "The number of first-line enquiries rose from 96 in 2021 to 164 in 2024. More importantly, "
        "according to Solum, the enquiries come earlier: people drop in while they are still "
        "testing an idea, rather than when they need a grant. The local business garden, Åsvang "
        "Næringshage, now holds its monthly start-up evening in the makerspace.",
    ),
    ("h2", "4.2 Strandvik: procurement as a bridge"),
    (
        "p",
        "Strandvik used procurement to build bridges between its kitchens and local food "
        "producers. Before the 2022 tender for school and kindergarten meals, the municipality "
        "held three supplier meetings, split the contract into five lots and allowed joint bids. "
        "Four local producers formed a joint supplier, Strandvik Kystmat AS, which won two of the "
        "lots.",
    ),
    (
        "p",
        "The share of food for schools and kindergartens bought from local producers rose from 12 "
        "per cent in 2021 to 31 per cent in 2024[^3]. Procurement manager Heidi Skarsvåg stresses "
        "that the rules for public procurement were followed throughout: the change was in how the "
        "municipality prepared the market, not in whom it favoured.",
    ),
    ("h2", "4.3 Mjøsli: a business fund decided with civil society"),
    (
        "p",
        "Mjøsli is the only municipality in the region where representatives of civil society take "
        "part in deciding grants from the business fund. Since 2023 a panel of two councillors, "
        "two business owners and two representatives of the village associations has recommended "
        "all grants above NOK 50,000. In 2024 the fund was NOK 1.2 million, of which NOK 300,000 "
        "was earmarked for co-created projects.",
    ),
    (
        "p",
        "The best-known result is Mjøsli Handelslag SA, a cooperative village shop owned by 212 "
        "residents[^4]. When the last private shop in Øvre Mjøsli closed, the village association, "
        "a local building firm and the municipality worked out a plan together. The fund gave NOK "
        "250,000 in start-up support, the building firm renovated the premises at cost, and the "
        "municipality placed its home-care pick-up point in the shop.",
    ),
    ("h1", "5 What stands in the way"),
    (
        "p",
        "The interviews point to three obstacles. First, capacity: with less than one full-time "
        "post for business development in three of the six municipalities, there is little time "
        "for anything but grant applications. Second, mandate: officers are rarely given the "
        "authority to commit the municipality in a negotiation, so meetings with companies end "
        "with promises to come back. Third, continuity: in four of the six municipalities the "
        "business adviser has changed at least once since 2021, and relationships have been lost "
        "each time.",
    ),
    (
        "p",
        "Cooperation between municipalities can ease the capacity problem. The council has "
        "discussed a joint first-line service for the three smallest municipalities, Mjøsli, "
        "Bergsete and Kjeldvik, hosted by Åsvang Næringshage. Such a service must, however, keep a "
        "local presence, or it will lose the closeness that makes the playmaker role possible.",
    ),
    (
        "p",
        "There is also a risk that co-creation becomes a new word for old practice. Several "
        "officers told us that they had renamed existing meetings with business as co-creation "
        "workshops without changing who set the agenda. Co-creation in the sense used here means "
        "that problems are defined together, that resources are pooled and that the municipality "
        "accepts that it does not decide everything alone. Business owners in Solhov put it "
        "bluntly: they are happy to be invited, but they want to see that their input changes "
        "something in the budget.",
    ),
    ("h1", "6 Recommendations"),
    ("p", "The council's secretariat recommends that the member municipalities:"),
    ("num", "appoint a partnership coordinator with a clear political mandate by 2027;"),
    ("num", "earmark at least 15 per cent of their business funds for co-created projects;"),
    ("num", "hold supplier meetings before every tender above NOK 1.5 million;"),
    (
        "num",
        "establish a joint first-line service for Mjøsli, Bergsete and Kjeldvik from 2026; and",
    ),
    ("num", "report on co-created projects in their annual reports."),
    (
        "p",
        "The chair of the council, Torunn Hovdenak, has asked the secretariat to follow up the "
        "recommendations in a progress report in autumn 2026.",
    ),
    (
        "colophon",
        "Åsvang Regional Council · Policy Brief 3/2025 · Published 2 October 2025 · "
        "Author: Simen Aas-Haugland, senior adviser · Contact: post@asvang-regionrad.example",
    ),
]


def chart(path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6.2, 2.8), dpi=150)
    names = [n for n, _ in FUNDS]
    values = [v for _, v in FUNDS]
    ax.bar(names, values, color="#1C2A4A")
    for i, v in enumerate(values):
        ax.text(i, v + 0.05, f"{v:.1f}", ha="center", fontsize=8)
    ax.set_ylabel("NOK million")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    fig.savefig(path)


def build(out: Path) -> None:
    document = docx.Document()
    _styles(document)
    sec = document.sections[0]
    sec.page_height, sec.page_width = Cm(27.94), Cm(21.59)  # US letter, unlike the A4 reports
    sec.left_margin = sec.right_margin = Cm(2.3)
    sec.top_margin, sec.bottom_margin = Cm(2.2), Cm(2.0)
    sec.different_first_page_header_footer = True
    _header_footer(sec)
    _cover(document)
    for block in BODY:
        kind = block[0]
        if kind == "h1":
            document.add_paragraph(block[1], style="Heading 1")
        elif kind == "h2":
            document.add_paragraph(block[1], style="Heading 2")
        elif kind == "p":
            _runs(document.add_paragraph(), block[1])
        elif kind == "num":
            document.add_paragraph(block[1], style="List Number")
        elif kind == "quote":
            document.add_paragraph(block[1], style="Intense Quote")
        elif kind == "box":
            _box(document, block[1], block[2])
        elif kind == "table":
            _table(document, block[1], block[2])
        elif kind == "figure":
            with tempfile.TemporaryDirectory() as tmp:
                png = Path(tmp) / "fig1.png"
                chart(png)
                document.add_picture(str(png), width=Cm(15.5))
            document.add_paragraph(block[1], style="Caption")
        elif kind == "colophon":
            p = document.add_paragraph()
            p.paragraph_format.space_before = Pt(24)
            r = p.add_run(block[1])
            r.font.size = Pt(8)
            r.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    _add_footnotes(document, FOOTNOTES)
    props = document.core_properties
    props.title = f"{TITLE}: {SUBTITLE}"
    props.author = "Simen Aas-Haugland"
    props.subject = "Policy Brief 3/2025"
    props.language = "en-GB"
    props.created = props.modified = datetime(2025, 10, 2, 8, 30, 0)
    document.save(str(out))


def _styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.25
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-GB")
    rpr.append(lang)
    for name, size in (("Heading 1", 14), ("Heading 2", 11.5)):
        st = document.styles[name]
        st.font.name = "DejaVu Sans"
        st.font.size = Pt(size)
        st.font.color.rgb = NAVY
        st.font.bold = True
    t = document.styles["Title"]
    t.font.name = "DejaVu Sans"
    t.font.size = Pt(28)
    t.font.color.rgb = NAVY


def _header_footer(sec) -> None:
    h = sec.header.paragraphs[0]
    r = h.add_run(f"{COUNCIL} · Policy Brief 3/2025")
    r.font.size = Pt(8)
    r.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
    f = sec.footer.paragraphs[0]
    f.alignment = WD_ALIGN_PARAGRAPH.LEFT
    r = f.add_run("Page ")
    r.font.size = Pt(8)
    _field(f, "PAGE", "1")


def _field(paragraph, instruction: str, shown: str) -> None:
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("shown", shown),
        ("end", None),
    ):
        run = paragraph.add_run()
        run.font.size = Pt(8)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
            run._r.append(el)
        elif kind == "shown":
            run.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)


def _cover(document) -> None:
    p = document.add_paragraph()
    r = p.add_run("POLICY BRIEF 3/2025")
    r.bold = True
    r.font.size = Pt(10)
    r.font.color.rgb = RGBColor(0xB0, 0x89, 0x1E)
    document.add_paragraph(TITLE, style="Title")
    s = document.add_paragraph(SUBTITLE)
    s.runs[0].font.size = Pt(14)
    s.runs[0].font.color.rgb = NAVY
    m = document.add_paragraph(f"{COUNCIL} · October 2025")
    m.runs[0].font.size = Pt(9)
    m.runs[0].italic = True


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _box(document, title: str, items: list[str]) -> None:
    t = document.add_table(rows=1, cols=1)
    cell = t.cell(0, 0)
    _shade(cell, "FBF3DC")
    r = cell.paragraphs[0].add_run(title)
    r.bold = True
    r.font.color.rgb = NAVY
    for item in items:
        cell.add_paragraph(item, style="List Bullet")
    document.add_paragraph()


def _table(document, caption: str, rows: list[list[str]]) -> None:
    document.add_paragraph(caption, style="Caption")
    t = document.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Light Grid Accent 1"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for ri, row in enumerate(rows):
        for ci, v in enumerate(row):
            c = t.cell(ri, ci)
            c.text = v
            for run in c.paragraphs[0].runs:
                run.font.size = Pt(8.5)
    document.add_paragraph()


def _runs(paragraph, text: str) -> None:
    pos = 0
    for m in MARKER.finditer(text):
        paragraph.add_run(text[pos : m.start()])
        run = paragraph.add_run()
        rpr = OxmlElement("w:rPr")
        va = OxmlElement("w:vertAlign")
        va.set(qn("w:val"), "superscript")
        rpr.append(va)
        run._r.append(rpr)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), m.group(1))
        run._r.append(ref)
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def _add_footnotes(document, notes: dict[str, str]) -> None:
    raised = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    small = '<w:rPr><w:sz w:val="16"/></w:rPr>'
    bodies = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r>{raised}<w:footnoteRef/></w:r><w:r>{small}'
        f'<w:t xml:space="preserve"> {t.replace("&", "&amp;").replace("<", "&lt;")}</w:t>'
        "</w:r></w:p></w:footnote>"
        for n, t in notes.items()
    )
    xml = (
        f'<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f"</w:r></w:p></w:footnote>{bodies}</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(), document.part.package
    )
    document.part.relate_to(part, RT.FOOTNOTES)


if __name__ == "__main__":
    build(Path(sys.argv[1]))
