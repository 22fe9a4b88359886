"""Source of hovdeland-annual-report-2024.pdf.

Builds the Hovdeland Regional Development Partnership annual report 2024 as flat ODT (.fodt) and
prints it to PDF with LibreOffice (soffice on PATH). Two passes: the first PDF gives the page of
every heading, which then fills the contents page (a text:table-of-content index) of the second
pass. From the repository root:

    .venv/bin/python evals/corpora/library_b/sources/build_hovdeland_annual_report.py OUTDIR

writes OUTDIR/hovdeland-annual-report-2024.pdf; with OUTDIR evals/corpora/library_b it rebuilds
the committed evals/corpora/library_b/hovdeland-annual-report-2024.pdf. Whatever OUTDIR is, each
run also writes the .fodt and the PDF of each pass to the build/ folder beside this script: it
overwrites the committed evals/corpora/library_b/sources/build/hovdeland-annual-report-2024.fodt
(only its table:name values T<number>, taken from id(), change from run to run) and leaves an
uncommitted build/hovdeland-annual-report-2024.pdf there.
"""

import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pypdf

STEM = "hovdeland-annual-report-2024"
out = Path(sys.argv[1])
work = Path(__file__).parent / "build"
work.mkdir(exist_ok=True)

# ---------- content ----------
# blocks: ("h1"/"h2", text) | ("p", text) | ("table", caption, rows) | ("bul", [items])
#         | ("box", title, text)
# inline footnotes: [[fn: text]]
B: list[tuple[Any, ...]] = []


def h1(t):
    B.append(("h1", t))


def h2(t):
    B.append(("h2", t))


def p(t):
    B.append(("p", t))


h1("1 Foreword from the chair")
p(
    "2024 was the year in which the Hovdeland Regional Development Partnership moved from planning "
    "to delivery. Our four member municipalities, Aurvoll, Hjellnes, Tindvik and Skardbu, together "
    "with Fjellmark County Council and Lynghamar Næringshage AS, agreed in 2021 to give "
    "entrepreneurs in the region one door to knock on. This year more people than ever knocked on "
    "it, and more of them left with a registered company, a grant or a partner."
)
p(
    "I would like to thank the staff, the board and the many companies and voluntary organisations "
    "who have worked with us. Development work in a rural region is a team sport. The "
    "municipalities cannot score all the goals themselves, but they can set up the play, and that "
    "is what we have tried to do."
)
p("Håkon Rundhaug, Mayor of Tindvik and Chair of the Board")

h1("2 The partnership at a glance")
h2("2.1 Members and mandate")
p(
    "The Hovdeland Regional Development Partnership is an inter-municipal cooperation under "
    "section 17-1 of the Local Government Act, established on 1 January 2022 after a one-year "
    "pilot. The partners are the municipalities of Aurvoll, Hjellnes, Tindvik and Skardbu, "
    "Fjellmark County Council and the business garden Lynghamar Næringshage AS, which is owned by "
    "the four municipalities and 23 local companies. The partnership has three tasks: to run the "
    "regional first-line service for entrepreneurs, to manage the joint Hovdeland business fund on "
    "behalf of the municipalities, and to lead development projects that no single municipality "
    "could carry alone."
)
p(
    "The board has seven members: the four mayors, one representative of the county council, the "
    "chair of Lynghamar Næringshage AS and one representative elected by the business community. "
    "The board met seven times in 2024 and handled 46 cases."
)
B.append(
    (
        "box",
        "Fact box: Hovdeland in brief",
        "Population of the four municipalities (1 January 2024): 17 760. "
        "Office: Lynghamar Hub, Tindvik. "
        "Staff at year end: 4.0 full-time equivalents. "
        "Joint business fund frame 2024: NOK 3.2 million. "
        "Board meetings in 2024: 7. "
        "Annual report adopted by the board on 12 March 2025.",
    )
)
h2("2.2 Staff")
p(
    "The secretariat is led by Partnership Manager Kaja Vestrheim, who joined from the county "
    "council's regional development department in 2022. Senior Business Adviser Tobias Nyhamar is "
    "responsible for the first-line service and sits in the business garden three days a week. "
    "Procurement Coordinator Liv Aaslund Berg was appointed in February 2024 in a position "
    "financed jointly by Hjellnes and the county council. Project Officer Jonas Kvalvåg works 60 "
    "per cent on communication and on the start-up programme. Ragnhild Bjørgum, CEO of Lynghamar "
    "Næringshage AS, takes part in all staff meetings."
)

h2("2.3 Cooperation with Fjellmark County Council")
p(
    "Fjellmark County Council is both a funder and a partner. The county finances the incubator "
    "programme, co-finances the procurement coordinator and takes part in the board. In 2024 the "
    "partnership and the county signed a new three-year cooperation agreement for 2025–2027, in "
    "which the county commits to a contribution of at least NOK 3.0 million a year on condition "
    "that the four municipalities keep their own contributions at the 2024 level. The county's "
    "regional development department also used Hovdeland as a pilot for its new reporting system "
    "for first-line services, which will be introduced in all regions of the county from 2026."
)
p(
    "The partnership also cooperates with Innovasjon Norge, the regional university college and "
    "the two upper secondary schools. Regular meetings with these partners take place every second "
    "month in a forum we call the Hovdeland Table, where public bodies, companies and voluntary "
    "organisations plan joint activities."
)
h1("3 Key figures 2022–2024")
p(
    "The table below shows the main figures for the three years the partnership has operated as a "
    "permanent cooperation. The total budget grew by 22 per cent from 2022 to 2024, mainly because "
    "of higher project income. Municipal contributions were unchanged in 2022 and 2023 and were "
    "raised by ten per cent in 2024."
)
B.append(
    (
        "table",
        "Table 1. Key figures for the partnership, 2022–2024",
        [
            ["", "2022", "2023", "2024"],
            ["Total budget (NOK 1,000)", "6,450", "7,120", "7,840"],
            ["– municipal contributions", "2,400", "2,400", "2,640"],
            [
                "– Fjellmark County Council[[fn: The county contribution includes NOK 600,000 a "
                "year in regional development funds earmarked for the incubator programme of "
                "Lynghamar Næringshage AS.]]",
                "2,900",
                "3,200",
                "3,300",
            ],
            ["– project income and other", "1,150", "1,520", "1,900"],
            [
                "First-line consultations[[fn: A first-line consultation is counted when an "
                "entrepreneur has had a registered meeting of at least 30 minutes with an adviser. "
                "Telephone enquiries and e-mails are not counted.]]",
                "214",
                "251",
                "287",
            ],
            ["New companies registered after guidance", "41", "47", "55"],
            ["Companies in the incubator", "12", "15", "19"],
            ["Grants from the joint fund (number)", "38", "44", "51"],
            ["Grants from the joint fund (NOK 1,000)", "2,150", "2,480", "2,910"],
            ["Staff (full-time equivalents)", "3.2", "3.6", "4.0"],
        ],
    )
)
p(
    "The number of first-line consultations rose by 34 per cent over the period. About a third of "
    "the consultations in 2024 were with people who had not yet decided to start a business, which "
    "we regard as a sign that the service is known and has a low threshold. Of the 55 companies "
    "registered after guidance in 2024, 14 were started by women under 35 and 9 by people born "
    "outside Norway."
)
h2("3.1 Figures per municipality in 2024")
p(
    "The partnership began reporting per municipality in 2024. The figures show that Aurvoll, the "
    "largest municipality, uses the service most, while Skardbu has the highest number of "
    "consultations relative to its population."
)
B.append(
    (
        "table",
        "Table 2. Contributions, consultations and fund grants per member municipality, 2024",
        [
            [
                "Municipality",
                "Population",
                "Contribution (NOK 1,000)",
                "Consultations",
                "Fund grants",
            ],
            ["Aurvoll", "6,120", "780", "96", "17"],
            ["Hjellnes", "4,380", "640", "71", "13"],
            ["Tindvik", "5,050", "700", "82", "14"],
            ["Skardbu", "2,210", "520", "38", "7"],
            ["Total", "17,760", "2,640", "287", "51"],
        ],
    )
)

h1("4 First-line service and the business garden")
p(
    "The first-line service is free for anyone who lives in or wants to start a business in one of "
    "the four municipalities. Entrepreneurs can book a meeting online, drop in at Lynghamar Hub on "
    "Tuesdays and Thursdays, or meet an adviser at the town hall in their own municipality once a "
    "month. In 2024 the service introduced a short digital start check, which 163 people completed "
    "before their first meeting."
)
p(
    "Lynghamar Næringshage AS moved into new premises in Tindvik, Lynghamar Hub, on 5 September "
    "2024. The building, a former dairy, now has 28 office places, a workshop and a meeting room "
    "that local associations can borrow free of charge. The incubator programme had 19 companies "
    "at the end of the year, among them the seaweed processor Tareverket Hjellnes AS and the "
    "software company Fjordlogg AS, which in November 2024 signed its first contract with a "
    "Swedish customer."
)
p(
    "The annual Hovdeland Start-up Week was held from 14 to 18 October 2024 with 340 participants "
    "across the four municipalities. Pupils from the two upper secondary schools presented 22 "
    "student companies, and the prize for best business idea went to a group from Skardbu who plan "
    "a repair café."
)

h1("5 The joint Hovdeland business fund")
p(
    "Since 2022 the four municipalities have pooled their municipal business funds in one joint "
    "fund, administered by the partnership and governed by common statutes. Grants are decided by "
    "the board on the recommendation of the secretariat; grants under NOK 50,000 are decided by "
    "the partnership manager. The fund frame in 2024 was NOK 3.2 million, of which NOK 2.91 "
    "million was granted to 51 projects. The average grant was about NOK 57,000."
)
p(
    "The fund gives priority to projects that create year-round jobs, that use local resources and "
    "that involve cooperation between companies. In 2024, 41 per cent of the granted amount went "
    "to food and marine industries, 24 per cent to tourism, 19 per cent to technology and services "
    "and 16 per cent to joint projects such as destination development and the supplier programme. "
    "Eleven applications were rejected, most of them because the project had already started "
    "before the application was submitted."
)

p(
    "Among the larger grants in 2024 were NOK 250,000 to Tareverket Hjellnes AS for a pilot drying "
    "plant, NOK 180,000 to the destination company Visit Hovdeland for a joint booking system, and "
    "NOK 150,000 to Skardbu Butikklag SA for refrigeration equipment. Grants to joint projects are "
    "reported separately to the four municipal councils in the autumn."
)
h1("6 The municipalities' roles: negotiator, innovator and bridge-builder")
p(
    "The partnership's strategy for 2022–2025 describes the municipality as more than an "
    "administrator of rules and a producer of services. In development work, the municipalities "
    "are expected to act as negotiators, innovators and bridge-builders, and together as a "
    "playmaker that brings businesses, the voluntary sector and public bodies into play. In 2024 "
    "each of the member municipalities took the lead on one of these roles."
)
h2("6.1 Aurvoll as negotiator")
p(
    "Aurvoll led the negotiations with the energy company Fjellmark Kraft AS over compensation for "
    "the expansion of the Storåsen hydropower plant. The resulting community benefit agreement, "
    "signed on 19 June 2024, gives the joint business fund NOK 4.5 million over the five years "
    "2024–2028.[[fn: Payments under the agreement are indexed to the area price for electricity, "
    "with a guaranteed minimum of NOK 800,000 a year. The first payment was received in September "
    "2024.]] Mayor Torunn Haldal of Aurvoll has described the agreement as the result of ‘two "
    "years of patient talks and one very long night’. The agreement also gives local contractors "
    "the right to be informed of subcontracts before tenders are announced."
)
h2("6.2 Hjellnes as innovator")
p(
    "Hjellnes has led the supplier programme Supplier Lift Hovdeland, which helps small local "
    "companies to compete for public contracts. Together with Procurement Coordinator Liv Aaslund "
    "Berg, the municipality has run four courses in tendering, held a market dialogue on school "
    "meals, and split a large cleaning contract into three smaller lots. In total, 63 local "
    "companies took part in at least one activity in 2024. The local share of the municipality's "
    "purchases below the national threshold rose in Hjellnes from 21 per cent in 2022 to 29 per "
    "cent in 2024.[[fn: Local share is the share of the value of purchases below the national "
    "threshold value that is invoiced by companies with an address in one of the four member "
    "municipalities.]]"
)
h2("6.3 Skardbu as bridge-builder")
p(
    "Skardbu, the smallest member, has shown what a bridge-builder can do. When the village shop "
    "in Skardbu was about to close in spring 2024, the municipality brought together the shop "
    "owner, the sports club, the local farmers' association and two companies to form the "
    "cooperative Skardbu Butikklag SA. By the end of the year the cooperative had 212 members, and "
    "the shop now also works as post office, parcel point and meeting place. The municipality did "
    "not own or fund the shop, but it provided a facilitator, meeting rooms and advice from the "
    "first-line service."
)
h2("6.4 Tindvik and the playmaker role")
p(
    "Tindvik, as host of the business garden, has concentrated on making the different roles work "
    "together. The municipality made the former dairy available to the business garden on a long "
    "lease and has used its own planning department to speed up the approval of new workshop "
    "space. In our view, the experience of 2024 shows that the playmaker role works when the "
    "municipalities share the tasks among themselves and when each one accepts that another "
    "municipality may take the lead."
)

h1("7 Finances")
p(
    "The partnership's accounts for 2024 show total income of NOK 7.84 million and total expenses "
    "of NOK 7.61 million, giving a surplus of NOK 230,000, which the board has decided to transfer "
    "to the development reserve. Personnel costs were NOK 4.02 million. The accounts have been "
    "audited by Fjellmark Kommunerevisjon IKS, which issued an unqualified opinion on 28 February "
    "2025."
)

h1("8 Priorities for 2025")
B.append(
    (
        "bul",
        [
            "Evaluate the joint business fund and revise the statutes before the end of 2025.",
            "Extend Supplier Lift Hovdeland to all four municipalities.",
            "Establish a regional mentor network with at least 20 experienced business owners.",
            "Prepare a new partnership strategy for 2026–2029 together with Fjellmark County "
            "Council.",
        ],
    )
)
p(
    "The board will present the strategy proposal to the four municipal councils in the autumn of "
    "2025."
)

# ---------- ODF ----------
fncount = [0]


def inline(t):
    def rep(m):
        fncount[0] += 1
        n = fncount[0]
        return (
            f'<text:note text:id="ftn{n}" text:note-class="footnote">'
            f"<text:note-citation>{n}</text:note-citation>"
            '<text:note-body><text:p text:style-name="Footnote">'
            f"{escape(m.group(1))}</text:p></text:note-body></text:note>"
        )

    parts = re.split(r"(\[\[fn: .*?\]\])", t)
    return "".join(
        rep(re.match(r"\[\[fn: (.*?)\]\]", x)) if x.startswith("[[fn:") else escape(x)
        for x in parts
    )


def body_xml(pages):
    fncount[0] = 0
    x = []
    # cover
    x.append(
        '<text:p text:style-name="CoverTop">Hovdeland Regional Development Partnership</text:p>'
    )
    x.append('<text:p text:style-name="CoverTitle">Annual Report 2024</text:p>')
    x.append(
        '<text:p text:style-name="CoverSub">Aurvoll · Hjellnes · Tindvik · Skardbu · '
        "Fjellmark County Council · Lynghamar Næringshage AS</text:p>"
    )
    x.append('<text:p text:style-name="CoverSmall">Adopted by the board on 12 March 2025</text:p>')
    x.append(
        '<text:p text:style-name="CoverSmall">Published by Hovdeland Regional Development '
        "Partnership, Lynghamar Hub, Meierivegen 3, Tindvik. Editor: Kaja Vestrheim. "
        "Layout: Jonas Kvalvåg.</text:p>"
    )
    # contents
    x.append('<text:p text:style-name="ContentsHead">Contents</text:p>')
    x.append(
        '<text:table-of-content text:name="Contents1" text:protected="true">'
        '<text:table-of-content-source text:outline-level="2" text:use-index-marks="false">'
        '<text:index-title-template text:style-name="ContentsHead"/>'
        + "".join(
            f'<text:table-of-content-entry-template text:outline-level="{lvl}" '
            f'text:style-name="TOC{lvl}"><text:index-entry-chapter/><text:index-entry-text/>'
            '<text:index-entry-tab-stop style:type="right" style:leader-char="."/>'
            "<text:index-entry-page-number/></text:table-of-content-entry-template>"
            for lvl in (1, 2)
        )
        + "</text:table-of-content-source><text:index-body>"
    )
    for b in B:
        if b[0] in ("h1", "h2"):
            lvl = 1 if b[0] == "h1" else 2
            page = pages.get(b[1], "")
            x.append(f'<text:p text:style-name="TOC{lvl}">{escape(b[1])}<text:tab/>{page}</text:p>')
    x.append("</text:index-body></text:table-of-content>")
    first = True
    for b in B:
        if b[0] in ("h1", "h2"):
            lvl = 1 if b[0] == "h1" else 2
            st = "H1First" if first else f"Heading_20_{lvl}"
            first = False
            x.append(
                f'<text:h text:style-name="{st}" text:outline-level="{lvl}">{escape(b[1])}</text:h>'
            )
        elif b[0] == "p":
            x.append(f'<text:p text:style-name="Body">{inline(b[1])}</text:p>')
        elif b[0] == "bul":
            x.append(
                '<text:list text:style-name="Bullets">'
                + "".join(
                    '<text:list-item><text:p text:style-name="Body">'
                    f"{inline(i)}</text:p></text:list-item>"
                    for i in b[1]
                )
                + "</text:list>"
            )
        elif b[0] == "box":
            sentences = [s.strip().rstrip(".") + "." for s in b[2].split(". ") if s.strip(". ")]
            x.append(
                '<table:table table:name="FactBox" table:style-name="BoxT">'
                '<table:table-column table:style-name="BoxCol"/><table:table-row>'
                '<table:table-cell table:style-name="BoxC" office:value-type="string">'
                f'<text:p text:style-name="BoxHead">{escape(b[1])}</text:p>'
                + "".join(
                    f'<text:p text:style-name="BoxText">{escape(s)}</text:p>' for s in sentences
                )
                + "</table:table-cell></table:table-row></table:table>"
            )
        elif b[0] == "table":
            cap, rows = b[1], b[2]
            n = len(rows[0])
            x.append(
                f'<table:table table:name="T{id(rows)}" table:style-name="DataT">'
                + '<table:table-column table:style-name="ColFirst"/>'
                + '<table:table-column table:style-name="ColNum"/>' * (n - 1)
            )
            for i, r in enumerate(rows):
                cells = []
                for j, c in enumerate(r):
                    cell_style = "CellHead" if i == 0 else "Cell"
                    text_style = "THead" if i == 0 else ("TLeft" if j == 0 else "TNum")
                    cells.append(
                        f'<table:table-cell table:style-name="{cell_style}" '
                        f'office:value-type="string"><text:p text:style-name="{text_style}">'
                        f"{inline(c)}</text:p></table:table-cell>"
                    )
                x.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
            x.append("</table:table>")
            x.append(f'<text:p text:style-name="Caption">{escape(cap)}</text:p>')
    return "\n".join(x)


# A backslash at the end of a line below joins it to the next one without a line break.
HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" \
office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>Hovdeland Regional Development Partnership – Annual Report 2024</dc:title>\
<meta:initial-creator>Kaja Vestrheim</meta:initial-creator><dc:creator>Kaja Vestrheim</dc:creator>\
<dc:language>en-GB</dc:language><meta:creation-date>2025-03-12T10:00:00</meta:creation-date>\
</office:meta>
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" \
style:font-family-generic="swiss"/>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" \
style:font-family-generic="roman"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:paragraph-properties \
fo:hyphenation-ladder-count="no-limit"/><style:text-properties style:font-name="Liberation Serif" \
fo:font-size="10.5pt" fo:language="en" fo:country="GB"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Body" style:family="paragraph">\
<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.22cm" fo:line-height="135%" \
fo:text-align="start"/><style:text-properties style:font-name="Liberation Serif" \
fo:font-size="10.5pt"/></style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" \
style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.7cm" \
fo:margin-bottom="0.25cm" fo:keep-with-next="always" fo:border-bottom="0.5pt solid #7a1f3d" \
fo:padding-bottom="0.08cm"/><style:text-properties style:font-name="Liberation Sans" \
fo:font-size="15pt" fo:font-weight="bold" fo:color="#7a1f3d"/></style:style>
 <style:style style:name="H1First" style:family="paragraph" style:parent-style-name="Heading_20_1" \
style:master-page-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" \
style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.45cm" \
fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="12pt" fo:font-weight="bold" \
fo:color="#333333"/></style:style>
 <style:style style:name="Footnote" style:family="paragraph">\
<style:paragraph-properties fo:margin-left="0.4cm" fo:text-indent="-0.4cm"/>\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt"/></style:style>
 <style:style style:name="HeaderP" style:family="paragraph">\
<style:paragraph-properties fo:text-align="end" fo:border-bottom="0.5pt solid #7a1f3d" \
fo:padding-bottom="0.05cm"/><style:text-properties style:font-name="Liberation Sans" \
fo:font-size="8pt" fo:color="#7a1f3d" fo:font-variant="small-caps"/></style:style>
 <style:style style:name="FooterP" style:family="paragraph">\
<style:paragraph-properties fo:text-align="start"/>\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt"/></style:style>
 <style:style style:name="CoverTop" style:family="paragraph" style:master-page-name="Cover">\
<style:paragraph-properties fo:margin-top="3cm" fo:margin-bottom="0.5cm"/>\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="14pt" fo:color="#7a1f3d" \
fo:font-weight="bold"/></style:style>
 <style:style style:name="CoverTitle" style:family="paragraph">\
<style:paragraph-properties fo:margin-top="1cm" fo:margin-bottom="1cm"/>\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="34pt" \
fo:font-weight="bold"/></style:style>
 <style:style style:name="CoverSub" style:family="paragraph">\
<style:paragraph-properties fo:margin-bottom="9cm"/>\
<style:text-properties style:font-name="Liberation Serif" fo:font-size="13pt" \
fo:font-style="italic"/></style:style>
 <style:style style:name="CoverSmall" style:family="paragraph">\
<style:paragraph-properties fo:margin-bottom="0.2cm"/>\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt"/></style:style>
 <style:style style:name="ContentsHead" style:family="paragraph" style:master-page-name="Standard">\
<style:paragraph-properties fo:break-before="page" fo:margin-bottom="0.5cm"/>\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="18pt" fo:font-weight="bold" \
fo:color="#7a1f3d"/></style:style>
 <style:style style:name="TOC1" style:family="paragraph">\
<style:paragraph-properties fo:margin-top="0.2cm"><style:tab-stops>\
<style:tab-stop style:position="16cm" style:type="right" style:leader-style="dotted" \
style:leader-text="."/></style:tab-stops></style:paragraph-properties>\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt" \
fo:font-weight="bold"/></style:style>
 <style:style style:name="TOC2" style:family="paragraph">\
<style:paragraph-properties fo:margin-left="0.6cm"><style:tab-stops>\
<style:tab-stop style:position="15.4cm" style:type="right" style:leader-style="dotted" \
style:leader-text="."/></style:tab-stops></style:paragraph-properties>\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt"/></style:style>
 <style:style style:name="Caption" style:family="paragraph">\
<style:paragraph-properties fo:margin-top="0.1cm" fo:margin-bottom="0.4cm"/>\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt" \
fo:font-style="italic"/></style:style>
 <style:style style:name="THead" style:family="paragraph">\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt" fo:font-weight="bold" \
fo:color="#ffffff"/></style:style>
 <style:style style:name="TLeft" style:family="paragraph">\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt"/></style:style>
 <style:style style:name="TNum" style:family="paragraph">\
<style:paragraph-properties fo:text-align="end"/><style:text-properties \
style:font-name="Liberation Sans" fo:font-size="9pt"/></style:style>
 <style:style style:name="BoxHead" style:family="paragraph">\
<style:paragraph-properties fo:margin-bottom="0.15cm"/>\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt" \
fo:font-weight="bold" fo:color="#7a1f3d"/></style:style>
 <style:style style:name="BoxText" style:family="paragraph">\
<style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt"/></style:style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" \
text:footnotes-position="page" text:start-numbering-at="document"/>
 <text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" \
text:bullet-char="▪"><style:list-level-properties \
text:list-level-position-and-space-mode="label-alignment">\
<style:list-level-label-alignment text:label-followed-by="listtab" \
text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/>\
</style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" \
fo:page-height="29.7cm" fo:margin-top="1.6cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" \
fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" \
fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.5cm"/>\
</style:footer-style></style:page-layout>
 <style:page-layout style:name="PLCover"><style:page-layout-properties fo:page-width="21cm" \
fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" \
fo:margin-right="2.5cm" fo:border-left="12pt solid #7a1f3d" fo:padding-left="0.8cm"/>\
</style:page-layout>
 <style:style style:name="DataT" style:family="table">\
<style:table-properties style:width="16cm" table:align="left" fo:margin-top="0.2cm"/></style:style>
 <style:style style:name="ColFirst" style:family="table-column">\
<style:table-column-properties style:column-width="6.4cm"/></style:style>
 <style:style style:name="ColNum" style:family="table-column">\
<style:table-column-properties style:column-width="2.4cm"/></style:style>
 <style:style style:name="CellHead" style:family="table-cell">\
<style:table-cell-properties fo:background-color="#7a1f3d" fo:padding="0.08cm" fo:border="none"/>\
</style:style>
 <style:style style:name="Cell" style:family="table-cell">\
<style:table-cell-properties fo:padding="0.08cm" fo:border-bottom="0.5pt solid #bbbbbb" \
fo:border-top="none" fo:border-left="none" fo:border-right="none"/></style:style>
 <style:style style:name="BoxT" style:family="table">\
<style:table-properties style:width="16cm" table:align="left" fo:margin-top="0.3cm" \
fo:margin-bottom="0.3cm"/></style:style>
 <style:style style:name="BoxCol" style:family="table-column">\
<style:table-column-properties style:column-width="16cm"/></style:style>
 <style:style style:name="BoxC" style:family="table-cell">\
<style:table-cell-properties fo:background-color="#f4e9ed" fo:padding="0.3cm" \
fo:border="1pt solid #7a1f3d"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Cover" style:page-layout-name="PLCover" \
style:next-style-name="Standard"/>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  <style:header><text:p text:style-name="HeaderP">Hovdeland Regional Development Partnership · \
Annual Report 2024</text:p></style:header>
  <style:footer><text:p text:style-name="FooterP">Page <text:page-number \
text:select-page="current"/> of <text:page-count/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""
TAIL = "\n</office:text></office:body></office:document>\n"


def render(pages):
    fodt = work / (STEM + ".fodt")
    fodt.write_text(HEAD + body_xml(pages) + TAIL, encoding="utf-8")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(fodt)],
        check=True,
        capture_output=True,
    )
    return work / (STEM + ".pdf")


pdf = render({})
reader = pypdf.PdfReader(str(pdf))
texts = [re.sub(r"\s+", "", pg.extract_text()) for pg in reader.pages]
pages = {}
for b in B:
    if b[0] in ("h1", "h2"):
        for i, t in enumerate(texts):
            if i >= 2 and re.sub(r"\s+", "", b[1]) in t:
                pages[b[1]] = str(i + 1)
                break
pdf = render(pages)
(out / (STEM + ".pdf")).write_bytes(pdf.read_bytes())
print(pages, len(pypdf.PdfReader(str(pdf)).pages), "pages")
