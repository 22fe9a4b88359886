"""Source of northern-fjords-partnership-evaluation-2021-2025.pdf, the 18th document of the library.

A fictional final evaluation report (English) of the Fjordland Partnership Programme 2021–2025, a
business development programme in four fictional municipalities (Ulvsund, Kjerrvik, Tornes,
Havrøy), by two fictional researchers at a fictional institute. It is laid out with reportlab's
platypus, as report generators write PDFs, and looks unlike the library's other files:

- a cover drawn on the canvas (a coloured band, title, subtitle, authors, report number);
- a foreword with a contents list whose page numbers the build fills in, and a one-column
  executive summary;
- two-column body pages; each chapter opens a page under a full-width heading, and chapter 2's
  table of figures per municipality runs across both columns above them;
- a running header (the report title and the report number) and a "Page n of m" footer;
- tables with a shaded header row, a fact box in a shaded frame;
- footnotes at the page foot in smaller type, cited by superscript markers.

Build it with `evals/corpora/library/build_routes.py`. All places, organisations, people and
figures are invented.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

TITLE = "Regional Business Development Partnerships in the Northern Fjords 2021–2025"
SUBTITLE = "Final evaluation of the Fjordland Partnership Programme"
AUTHORS = ["Hanna Lindbakk Vollan", "Erlend Søvik Marø"]
INSTITUTE = "Institute for Northern Regional Studies"
SERIES = "INRS Report 2026:3"
PLACE_YEAR = "Harstad 2026"

LIBERATION = Path("/usr/share/fonts/truetype/liberation")
FONTS = {
    "Serif": "LiberationSerif-Regular.ttf",
    "Serif-Bold": "LiberationSerif-Bold.ttf",
    "Serif-Italic": "LiberationSerif-Italic.ttf",
    "Sans": "LiberationSans-Regular.ttf",
    "Sans-Bold": "LiberationSans-Bold.ttf",
    "Sans-Italic": "LiberationSans-Italic.ttf",
}
TEAL = colors.HexColor("#1D5C63")
SHADE = colors.HexColor("#D6E6E8")
SAND = colors.HexColor("#F3EDE0")
GREY = colors.HexColor("#555555")
MARKER = re.compile(r"\[\^(\d+)\]")

FOOTNOTES = {
    "1": (
        "Havrøy joined the Nordre Fjordland Regional Council on 1 January 2020 and therefore "
        "took no part in the Fjordland Business Initiative 2016–2020."
    ),
    "2": "Recipients of less than NOK 30,000 in support were not included in the survey.",
    "3": (
        "The figures for 2025 are taken from the fund's accounts as at 31 December 2025 and had "
        "not been audited when this report was written."
    ),
    "4": (
        "The register data cover firms with at least one employee at the end of both 2020 and "
        "2024. Figures for 2025 were not yet available."
    ),
    "5": (
        "The agreement was approved by the municipal council of Ulvsund on 15 December 2022, "
        "case 97/22, by 19 votes to 8."
    ),
    "6": (
        "Nausthuset SA took over the lease of the building from Kjerrvik municipality on "
        "1 January 2025. The municipality still owns the building."
    ),
}

MUNICIPALITIES = [
    [
        "Municipality",
        "Inhabitants 1 Jan 2025",
        "Programme funds, NOK m",
        "Own contribution, NOK m",
        "Projects",
        "New jobs",
        "Local purchases 2025, %",
    ],
    ["Ulvsund", "8,140", "14.2", "3.3", "46", "71", "33"],
    ["Kjerrvik", "4,560", "9.6", "2.1", "29", "43", "29"],
    ["Tornes", "2,730", "6.3", "1.4", "19", "25", "21"],
    ["Havrøy", "1,190", "3.4", "0.6", "9", "8", "14"],
    ["Total", "16,620", "33.5", "7.4", "103", "147", "28"],
]

FUND = [
    ["Year", "Applications", "Granted", "NOK m", "Of which co-creation, NOK m"],
    ["2021", "48", "31", "1.84", "0.22"],
    ["2022", "57", "38", "2.36", "0.31"],
    ["2023", "63", "44", "2.58", "0.47"],
    ["2024", "59", "41", "2.27", "0.52"],
    ["2025", "66", "47", "2.25", "0.58"],
    ["Total", "293", "201", "11.30", "2.10"],
]

FACT_BOX = (
    "Fact box 1 Nausthuset in Kjerrvik",
    [
        ("Opened", "3 May 2024, in the old fish-landing station on the harbour"),
        ("Building owner", "Kjerrvik municipality"),
        ("Operator", "Nausthuset SA, a cooperative with 37 members"),
        ("Conversion cost", "NOK 4.35 million"),
        (
            "Financing",
            "savings bank foundation NOK 1.1 million; cultural heritage funds NOK 0.9 million; "
            "Innovation Norway NOK 0.8 million; Fjordland Business Fund NOK 0.65 million; "
            "voluntary work valued at NOK 0.9 million",
        ),
        ("Users in 2025", "11 small businesses and 4 associations"),
        ("Visitors in 2025", "about 5,800"),
    ],
)

FOREWORD = [
    (
        "This report is the final evaluation of the Fjordland Partnership Programme "
        "(Partnerskapsprogrammet Nordre Fjordland), a five-year programme for local business "
        "development in the four municipalities of Ulvsund, Kjerrvik, Tornes and Havrøy. The "
        "programme ran from January 2021 to December 2025. The evaluation was commissioned by "
        "the Nordre Fjordland Regional Council in August 2025 and carried out by the Institute "
        "for Northern Regional Studies between September 2025 and January 2026. It builds on "
        "our midterm evaluation from 2023."
    ),
    (
        "We thank programme manager Sigve Oterholm, who gave us access to all the programme's "
        "records, and the chair of the steering group, Bente Kaldnes, Mayor of Ulvsund. We also "
        "thank the business advisers in the four municipalities, the staff of the Fjordland "
        "Business Desk and the many business owners, volunteers and elected representatives who "
        "took the time to talk to us. The authors alone are responsible for the assessments in "
        "this report."
    ),
]

SUMMARY = [
    (
        "The Fjordland Partnership Programme set out to make four small fjord municipalities "
        "better at working on business development together, and to create 180 new jobs in the "
        "region by the end of 2025. It had a total budget of NOK 41.7 million, almost twice that "
        "of its predecessor, the Fjordland Business Initiative 2016–2020."
    ),
    (
        "The programme supported 103 projects. The businesses themselves report 147 new jobs, "
        "while register data show a smaller increase, and the job target was not reached by "
        "either measure. The Fjordland Business Desk has become the region's common first-line "
        "service, and the share of the municipalities' purchases going to suppliers in the "
        "region has risen."
    ),
    (
        "Our main finding concerns the municipalities' roles. All four began the period as "
        "administrators (forvaltere) of grants and regulations and as service producers. By "
        "2025, three of them had taken on parts of the entrepreneur role, each in its own way: "
        "Ulvsund as a negotiator, Kjerrvik as a bridge-builder and playmaker, and Tornes as an "
        "innovator. Havrøy, the smallest, is still mainly an administrator and service producer. "
        "The difference lies less in money than in people: a business adviser with a written "
        "mandate and the time to work outside routine casework."
    ),
    (
        "Co-creation with voluntary organisations received one eighth of the budget and produced "
        "the results that participants valued most. We recommend that the regional council "
        "continue the programme for 2026–2029, with a written mandate for the playmaker role in "
        "each municipality, a larger share for co-creation and permanent funding for the "
        "Fjordland Business Desk."
    ),
]

# The body, chapter by chapter. Blocks: ("h2", text), ("p", text), ("bullet", text),
# ("numbered", number, text), ("table", rows, caption, source), ("factbox",), ("quote", text).
# Footnote markers are written [^n]. Each chapter opens a page; `top` is set across the full
# width above the two columns.
CHAPTERS: list[dict[str, Any]] = [
    {
        "title": "1 Introduction",
        "top": [],
        "body": [
            ("h2", "1.1 The programme"),
            (
                "p",
                "The Nordre Fjordland Regional Council adopted the Fjordland Partnership "
                "Programme on 24 September 2020, in case 18/20, as the successor to the Fjordland "
                "Business Initiative 2016–2020. Havrøy, the smallest of the four municipalities, "
                "took part for the first time.[^1] The programme had four objectives: a common "
                "first-line service for businesses in all four municipalities; more start-ups and "
                "180 new jobs; more co-creation between the municipalities, businesses and civil "
                "society; and a larger share of municipal purchases going to suppliers in the "
                "region.",
            ),
            (
                "p",
                "The programme was led by programme manager Sigve Oterholm, employed by the "
                "regional council in an 80 per cent position from March 2021. A steering group "
                "of eight members followed the work: the four mayors, two representatives of the "
                "Fjordland Business Association, one representative of the voluntary sector and "
                "one of the county authority. Bente Kaldnes, Mayor of Ulvsund, chaired the "
                "steering group throughout the period.",
            ),
            ("h2", "1.2 Evaluation questions"),
            ("p", "The regional council asked us to answer four questions:"),
            ("numbered", "1", "Has the programme reached its objectives?"),
            (
                "numbered",
                "2",
                "What roles have the municipalities taken in business development, and how have "
                "these roles changed since 2021?",
            ),
            (
                "numbered",
                "3",
                "How has co-creation with businesses and voluntary organisations worked?",
            ),
            ("numbered", "4", "What should the regional council do when the programme ends?"),
            ("h2", "1.3 Data and methods"),
            (
                "p",
                "The evaluation draws on document studies, 47 interviews and a survey of the "
                "businesses and organisations that received support. The survey was sent to 236 "
                "recipients in November 2025 and answered by 141, a response rate of 60 per "
                "cent.[^2] Nineteen informants were interviewed twice, first for the midterm "
                "evaluation in 2023 and again in 2025, which allows us to follow how their views "
                "changed.",
            ),
            (
                "p",
                "For employment we have used both the businesses' own estimates and register data "
                "from Statistics Norway on the number of employees in the supported firms. We "
                "have also reviewed the accounts of the Fjordland Business Fund for 2021–2025 "
                "and observed three meetings of the learning network for the municipalities' "
                "business advisers.",
            ),
            (
                "p",
                "Our frame is the set of roles described in the working paper by Stene and "
                "Mørkved (2019): the municipality as administrator (forvalter), service producer "
                "(tjenesteprodusent), community developer (samfunnsutvikler) and entrepreneur. "
                "Following the working paper, we divide the entrepreneur role into negotiator, "
                "innovator and bridge-builder, and we call a municipality that brings resources "
                "into play in new ways a playmaker.",
            ),
            ("h2", "1.4 The region"),
            (
                "p",
                "Nordre Fjordland is a coastal region of islands and narrow fjords. The four "
                "municipalities had 16,620 inhabitants on 1 January 2025, against 17,310 in 2015. "
                "Ulvsund, the regional centre, has the upper secondary school, a district medical "
                "centre and most of the region's private services. Kjerrvik and Tornes are fjord "
                "municipalities with aquaculture, fish processing and a growing summer tourism, "
                "while Havrøy is an island municipality linked to the mainland by a ferry that "
                "runs fourteen times a day.",
            ),
            (
                "p",
                "Aquaculture and seafood processing are the largest private industries, with "
                "about 1,350 employees in 2024. Public services employ a third of the workforce. "
                "Businesses in all four municipalities report that the lack of skilled labour and "
                "of housing for newcomers is the main obstacle to growth, and several of the "
                "projects in the programme were designed to address these problems rather than to "
                "create new businesses.",
            ),
            ("h2", "1.5 The structure of the report"),
            (
                "p",
                "Chapter 2 describes the programme's resources, the four municipalities, the "
                "business fund and the previous programme period. Chapter 3 presents the results "
                "for jobs, entrepreneurs, procurement and co-creation. Chapter 4 discusses the "
                "roles the municipalities have taken, and chapter 5 gives our conclusions and "
                "recommendations.",
            ),
        ],
    },
    {
        "title": "2 Resources and organisation",
        "top": [
            (
                "p",
                "The programme had a total budget of NOK 41.7 million for 2021–2025. Of this, "
                "NOK 33.5 million was spent on projects and advice in the four municipalities, as "
                "Table 1 shows, and NOK 8.2 million on joint activities: the learning network, "
                "supplier development, programme management and the evaluation.",
            ),
            (
                "table",
                MUNICIPALITIES,
                "Table 1 Programme funds, own contribution, projects, new jobs and local "
                "purchases by municipality, 2021–2025",
                "Sources: Nordre Fjordland Regional Council; new jobs as estimated by the "
                "businesses; local purchases from the municipalities' accounts.",
            ),
        ],
        "body": [
            ("h2", "2.1 Budget and financing"),
            (
                "p",
                "The budget was financed by the county authority with NOK 17.5 million, the "
                "Fjordland Business Fund with NOK 11.3 million, the four municipalities with NOK "
                "7.4 million, the Nordre Fjordland Savings Bank Foundation with NOK 3.0 million "
                "and Innovation Norway with NOK 2.5 million. It was divided between purposes as "
                "follows:",
            ),
            ("bullet", "First-line advice at the Fjordland Business Desk: NOK 9.9 million"),
            ("bullet", "Business development projects: NOK 12.6 million"),
            ("bullet", "The start-up programme Start i Fjordland: NOK 5.8 million"),
            ("bullet", "Co-creation projects with civil society: NOK 5.2 million"),
            ("bullet", "Supplier development and procurement: NOK 2.3 million"),
            ("bullet", "Learning network for municipal staff: NOK 1.9 million"),
            ("bullet", "Programme management and evaluation: NOK 4.0 million"),
            ("h2", "2.2 The four municipalities"),
            (
                "p",
                "Ulvsund is the regional centre and accounts for almost half of the projects and "
                "the new jobs. The municipalities' own contributions were set by population, with "
                "a minimum of NOK 120,000 a year for each municipality. Havrøy had the smallest "
                "budget and the fewest projects; its business adviser post, a 30 per cent "
                "position, was vacant from October 2022 to August 2023.",
            ),
            (
                "p",
                "Kjerrvik stands out relative to its size. With just over a quarter of the "
                "region's population it had 29 projects and 43 new jobs, and its share of "
                "purchases from suppliers in the region rose more than in any other municipality, "
                "from 19 per cent in 2020 to 29 per cent in 2025.",
            ),
            ("h2", "2.3 The Fjordland Business Fund"),
            (
                "p",
                "The Fjordland Business Fund (Fjordland næringsfond) is the region's joint "
                "business fund. It is financed by the four municipalities' income from the "
                "aquaculture fund (havbruksfondet) and from hydropower licence fees, and it is "
                "administered by the Fjordland Business Desk on behalf of the regional council. "
                "The fund grants at most NOK 225,000 per project and no more than 40 per cent of "
                "approved costs. Applications of up to NOK 75,000 are decided by the general "
                "manager of the Business Desk; larger ones by a fund committee with one member "
                "from each municipality and one from the Fjordland Business Association. Table 2 "
                "shows the applications and grants each year.",
            ),
            (
                "table",
                FUND,
                "Table 2 Applications and grants from the Fjordland Business Fund, 2021–2025",
                "Source: the fund's accounts.",
            ),
            (
                "p",
                "The fund's grants fell in 2024 and 2025 because the payments from the "
                "aquaculture fund were lower than in 2022 and 2023.[^3] The share going to "
                "co-creation projects rose every year, from 12 per cent of the grants in 2021 to "
                "26 per cent in 2025. The largest single grant in the period, NOK 225,000, went "
                "in 2023 to Rekvik Båtbyggeri AS in Tornes for the electric work boat described "
                "in section 4.4.",
            ),
            ("h2", "2.4 The Fjordland Business Desk"),
            (
                "p",
                "The Fjordland Business Desk (Næringsdisken Fjordland) opened in Ulvsund in "
                "September 2021 and has had a branch office in Kjerrvik since 2023. It has three "
                "advisers and is led by general manager Kristine Bjerkli. The desk held 455 "
                "advisory sessions with businesses and would-be entrepreneurs in 2025, against "
                "188 in 2021. It is financed by the programme, and without new funding from 2026 "
                "it will have to close or be reduced to a single adviser.",
            ),
            ("h2", "2.5 The previous programme period"),
            (
                "p",
                "The Fjordland Business Initiative 2016–2020 (Fjordlandsatsinga) was run by "
                "Ulvsund, Kjerrvik and Tornes. It had a budget of NOK 22.9 million and supported "
                "66 projects, which according to its final report gave 79 new jobs: 38 in "
                "Ulvsund, 24 in Kjerrvik and 17 in Tornes. The regional business fund granted "
                "NOK 7.6 million over those five years. The initiative had no common first-line "
                "service; each municipality advised businesses on its own.",
            ),
            (
                "p",
                "Measured by the businesses' own estimates, each new job in the Fjordland "
                "Partnership Programme cost about NOK 284,000 in programme funds, against about "
                "NOK 290,000 in the previous period. We advise against reading much into the "
                "difference, since the two final reports counted jobs in different ways.",
            ),
        ],
    },
    {
        "title": "3 Results",
        "top": [],
        "body": [
            ("h2", "3.1 New jobs"),
            (
                "p",
                "According to the businesses' own estimates, the 103 projects gave 147 new jobs, "
                "against the target of 180. Register data from Statistics Norway give a lower "
                "figure: the supported firms had 96 more employees at the end of 2024 than at the "
                "end of 2020.[^4] The difference is partly due to jobs the businesses had planned "
                "but not yet filled, and partly to jobs that have since disappeared. With the "
                "register figure, each new job cost about NOK 434,000 in programme funds.",
            ),
            (
                "p",
                "Most of the new jobs came in aquaculture and seafood processing (52), tourism "
                "(31) and building and construction (24). Women hold 61 of the 147 jobs.",
            ),
            ("h2", "3.2 Entrepreneurs"),
            (
                "p",
                "The start-up course Start i Fjordland was held ten times, with 138 participants "
                "in all, 77 of them women. One year after the course, 52 participants had started "
                "their own business, and 44 of these were still operating at the end of 2025. "
                "Nine of the new businesses are run by people who moved to the region during the "
                "programme period.",
            ),
            ("h2", "3.3 Local procurement"),
            (
                "p",
                "The four municipalities bought goods and services for NOK 1.62 billion in 2025. "
                "The share going to suppliers based in the region rose from 23 per cent in 2020 "
                "to 28 per cent in 2025. The programme funded twelve tendering courses with 164 "
                "participants, and the municipalities held a supplier meeting before every "
                "procurement above NOK 2 million. The municipalities cannot favour local "
                "suppliers; what the programme has done is to help local firms compete.",
            ),
            (
                "p",
                "The largest rise was in Kjerrvik, which in 2022 split its meals contract for the "
                "nursing home, the home-care service and the schools into three lots; local firms "
                "won all three. Ulvsund's share rose from 25 to 33 per cent. Havrøy only began to "
                "measure the share in 2023, so its 14 per cent in 2025 cannot be compared with "
                "earlier years.",
            ),
            ("h2", "3.4 Co-creation with civil society"),
            (
                "p",
                "Seventeen of the 103 projects were co-creation projects in which the "
                "municipality, businesses and voluntary organisations defined the task together. "
                "They received NOK 5.2 million, one eighth of the budget, and the highest ratings "
                "in our survey: 4.4 on a scale from 1 to 5, against 3.7 for the programme as a "
                "whole. Volunteers put in an estimated 9,300 hours of unpaid work in these "
                "projects.",
            ),
            (
                "p",
                "Besides Nausthuset in Kjerrvik (section 4.3), the examples include a coastal "
                "path with three shelters on Havrøy, built by the local sports club and two "
                "tourism firms, and a summer job scheme in Tornes run by the youth council, the "
                "Red Cross and the Fjordland Business Association, which gave 29 young people a "
                "summer job in 2025.",
            ),
            (
                "p",
                "The voluntary organisations want to be involved from the start. As the leader of "
                "a residents' association in Tornes put it: «When the municipality calls us, the "
                "plan is usually already printed.»",
            ),
            ("h2", "3.5 The learning network"),
            (
                "p",
                "The business advisers of the four municipalities met in a learning network eight "
                "times a year, led by the programme manager. The advisers regard the network as "
                "the most useful result of the programme for their own work: it has given them "
                "common routines for handling grant applications, and it has made the "
                "municipalities less vulnerable when an adviser leaves.",
            ),
        ],
    },
    {
        "title": "4 The municipalities' roles",
        "top": [],
        "body": [
            ("h2", "4.1 From administrator to entrepreneur"),
            (
                "p",
                "In 2021 all four municipalities described their business development work "
                "mainly as administration: handling grant applications and cases under the "
                "Planning and Building Act, and advising the businesses that came to them. They "
                "saw their role as service producers, with schools, kindergartens and health "
                "care, as important for attracting labour, but not as part of business "
                "development.",
            ),
            (
                "p",
                "By 2025 the picture had changed in three of the four municipalities, each of "
                "which has taken on a different part of the entrepreneur role. The new roles come "
                "in addition to the old ones, and they compete with them for the same few hours "
                "of a small administration.",
            ),
            ("h2", "4.2 Ulvsund as negotiator"),
            (
                "p",
                "Ulvsund has above all acted as a negotiator. In 2022 the municipality "
                "negotiated an agreement with Sølvtind Havbruk AS under which the company "
                "finances a new public quay at Brennvik, estimated at NOK 12.5 million, in return "
                "for a 25-year lease of part of the quay area. The municipality builds the access "
                "road and keeps ownership of the quay, which is open to fishing boats and local "
                "transport firms.[^5] Head of business development Åsmund Torvund led the "
                "negotiations, and the quay was completed in October 2024.",
            ),
            (
                "p",
                "Negotiations of this kind take time and carry risk. The agreement took fourteen "
                "months to negotiate, and it was criticised in the municipal council for tying up "
                "the harbour area for a generation. In our view the role requires that the "
                "administration has clear authority from the elected representatives before "
                "negotiations begin, as Ulvsund's executive committee gave in this case.",
            ),
            ("h2", "4.3 Kjerrvik as bridge-builder and playmaker"),
            (
                "p",
                "Kjerrvik is the municipality that has most clearly taken the playmaker role. In "
                "2022 the municipality brought together Kjerrvik Kystlag, the coastal heritage "
                "society, the local fishermen's association, two tourism firms and the "
                "boatbuilding course at the upper secondary school to convert the old fish-landing "
                "station "
                "into Nausthuset, a shared workshop, small-business centre and visitor centre. "
                "The municipality initiated the process and chaired the working group until the "
                "building opened, and then handed responsibility over to a cooperative owned by "
                "the users.[^6]",
            ),
            ("factbox",),
            (
                "p",
                "Business adviser Tove Grønmo has led the work. In March 2022 Kjerrvik's "
                "executive committee gave her a written mandate to spend up to half of her time "
                "on development projects. «The mandate meant that nobody asked why I was down at "
                "the harbour instead of at my desk,» she told us.",
            ),
            (
                "p",
                "Kjerrvik has also been a bridge-builder in the narrower sense, connecting "
                "businesses and organisations that already wanted to work together. The Business "
                "Desk's branch office in Kjerrvik registered 58 such connections between 2023 and "
                "2025.",
            ),
            ("h2", "4.4 Tornes as innovator"),
            (
                "p",
                "Tornes has used its own services as a test arena for local businesses. In 2023 "
                "the municipality opened the home-care service, the water supply and the school "
                "transport to local firms that wanted to test new solutions, and six tests had "
                "been carried out by the end of 2025. The best known is an electric work boat "
                "built by Rekvik Båtbyggeri AS, which the home-care service has used on the route "
                "to the three inhabited islands since April 2024. It has cut the service's fuel "
                "costs by about NOK 180,000 a year, and the boatbuilder has since received orders "
                "for two similar boats from other municipalities.",
            ),
            (
                "p",
                "Chief municipal executive Rakel Nesheim points out that the test arena had to "
                "follow the procurement rules: each test was announced openly, and the "
                "municipality did not commit itself to buying the products.",
            ),
            ("h2", "4.5 Havrøy as administrator and service producer"),
            (
                "p",
                "In Havrøy the municipality is still mainly an administrator and service "
                "producer. The business adviser post is a 30 per cent position, and informants "
                "say there is no time for development work beyond processing applications to the "
                "business fund. Yet Havrøy's role as service producer has mattered for the local "
                "economy. According to Mayor Hagbart Myrvang, the new kindergarten that opened in "
                "2023 was the main reason why the island's largest employer, a salmon hatchery, "
                "could recruit four skilled workers with families in 2024. The coastal path shows "
                "that the voluntary organisations on the island are ready to take responsibility "
                "when they are asked.",
            ),
            ("h2", "4.6 Shared governance"),
            (
                "p",
                "The steering group was meant to be an arena for shared governance between the "
                "municipalities, businesses and civil society. In practice, its members agree "
                "that the important decisions were made among the chief municipal executives "
                "before they reached the steering group. The chair of the Fjordland Business "
                "Association, Kristoffer Elvenes, described the steering group as «a place where "
                "we were informed in good time». The association had 142 member firms at the end "
                "of 2025, against 109 in 2020.",
            ),
        ],
    },
    {
        "title": "5 Conclusions and recommendations",
        "top": [],
        "body": [
            ("h2", "5.1 Conclusions"),
            (
                "p",
                "The Fjordland Partnership Programme has made business development in the four "
                "municipalities more professional and better coordinated. It has given more "
                "projects and more jobs than its predecessor, but fewer jobs than its target and "
                "fewer than the businesses themselves report. Three of the four municipalities "
                "have taken on a part of the entrepreneur role, and only Kjerrvik has been a "
                "playmaker in the full sense.",
            ),
            (
                "p",
                "Where the municipalities have changed their role, three conditions were present: "
                "political backing, a written mandate for the business adviser and continuity in "
                "the post. Co-creation with voluntary organisations has given the most lasting "
                "results for the smallest share of the money.",
            ),
            ("h2", "5.2 Recommendations"),
            (
                "p",
                "We recommend that the Nordre Fjordland Regional Council continue the programme "
                "for a new period from 2026 to 2029, with these changes:",
            ),
            (
                "numbered",
                "1",
                "Give the business adviser in each municipality a written mandate for the "
                "playmaker role, adopted by the municipal council.",
            ),
            (
                "numbered",
                "2",
                "Raise the share of the budget for co-creation projects from 12.5 to at least 22 "
                "per cent, and let the steering group allocate these funds.",
            ),
            (
                "numbered",
                "3",
                "Measure new jobs with register data from Statistics Norway rather than with the "
                "businesses' own estimates.",
            ),
            (
                "numbered",
                "4",
                "Finance the Fjordland Business Desk permanently with NOK 2.8 million a year from "
                "the four municipalities, shared by population.",
            ),
            (
                "numbered",
                "5",
                "Set a common target that 32 per cent of the municipalities' purchases go to "
                "suppliers in the region by 2029.",
            ),
            (
                "numbered",
                "6",
                "Let Havrøy and Tornes share a full-time business adviser, so that Havrøy has "
                "more than a 30 per cent post.",
            ),
            (
                "p",
                "The regional council is due to decide on a new programme period in April 2026.",
            ),
        ],
    },
]

REFERENCES = [
    "Lerstad, A. (2021). Sluttrapport for Fjordlandsatsinga 2016–2020. Ulvsund: Nordre "
    "Fjordland regionråd.",
    "Nordre Fjordland regionråd (2020). Programdokument for Partnerskapsprogrammet Nordre "
    "Fjordland 2021–2025. Ulvsund: Nordre Fjordland regionråd.",
    "Stene, M. & Mørkved, B. P. (2019). Kommunen sin framtidige næringsutviklingsrolle "
    "[The municipality's future role in business development]. Arbeidsnotat 2/2019. Bodø: "
    "Nord universitet.",
    "Torfing, J., Sørensen, E. & Røiseland, A. (2019). Transforming the public sector into an "
    "arena for co-creation: barriers, drivers, benefits, and ways forward. Administration & "
    "Society 51(5), 795–825.",
    "Vollan, H. L. & Marø, E. S. (2023). Midtveisevaluering av Partnerskapsprogrammet Nordre "
    "Fjordland. INRS Report 2023:5. Harstad: Institute for Northern Regional Studies.",
]


# --- layout ---------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = RIGHT = 2.0 * cm
TOP = 2.5 * cm
BOTTOM = 1.9 * cm
NOTES = 2.3 * cm  # kept free above the footer for the footnotes
GAP = 0.7 * cm
INNER = PAGE_WIDTH - LEFT - RIGHT
COLUMN = (INNER - GAP) / 2


def _fonts() -> None:
    for name, file in FONTS.items():
        path = LIBERATION / file
        if not path.is_file():
            raise RuntimeError(f"{path} is missing (apt-get install fonts-liberation)")
        pdfmetrics.registerFont(TTFont(f"Lib{name}", str(path)))
    pdfmetrics.registerFontFamily(
        "LibSerif", normal="LibSerif", bold="LibSerif-Bold", italic="LibSerif-Italic"
    )


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName="LibSerif",
        fontSize=9.6,
        leading=12.6,
        alignment=TA_JUSTIFY,
        spaceAfter=5,
    )
    return {
        "body": body,
        "front": ParagraphStyle("front", parent=body, fontSize=10.5, leading=14, spaceAfter=7),
        "h1": ParagraphStyle(
            "h1", fontName="LibSans-Bold", fontSize=16, leading=20, textColor=TEAL, spaceAfter=10
        ),
        "h2": ParagraphStyle(
            "h2",
            fontName="LibSans-Bold",
            fontSize=10.5,
            leading=13,
            textColor=TEAL,
            spaceBefore=7,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "bullet": ParagraphStyle(
            "bullet",
            parent=body,
            leftIndent=11,
            bulletIndent=2,
            bulletFontName="LibSerif",
            spaceAfter=2,
            alignment=0,
        ),
        "numbered": ParagraphStyle(
            "numbered",
            parent=body,
            leftIndent=14,
            bulletIndent=0,
            bulletFontName="LibSerif",
            spaceAfter=3,
            alignment=0,
        ),
        "caption": ParagraphStyle(
            "caption",
            fontName="LibSans-Bold",
            fontSize=8.5,
            leading=10.5,
            spaceBefore=4,
            spaceAfter=4,
        ),
        "source": ParagraphStyle(
            "source",
            fontName="LibSans-Italic",
            fontSize=7.5,
            leading=9,
            textColor=GREY,
            spaceBefore=3,
            spaceAfter=8,
        ),
        "cell": ParagraphStyle("cell", fontName="LibSans", fontSize=8, leading=10),
        "head": ParagraphStyle("head", fontName="LibSans-Bold", fontSize=8, leading=9.5),
        "head_right": ParagraphStyle(
            "head_right", fontName="LibSans-Bold", fontSize=8, leading=9.5, alignment=TA_RIGHT
        ),
        "box_title": ParagraphStyle(
            "box_title", fontName="LibSans-Bold", fontSize=9.5, leading=12, textColor=TEAL
        ),
        "box": ParagraphStyle(
            "box", fontName="LibSans", fontSize=8.3, leading=10.5, spaceBefore=2.5
        ),
        "toc1": ParagraphStyle("toc1", fontName="LibSans-Bold", fontSize=9.5, leading=15),
        "toc2": ParagraphStyle("toc2", fontName="LibSans", fontSize=9.5, leading=13, leftIndent=16),
        "reference": ParagraphStyle(
            "reference", parent=body, leftIndent=14, firstLineIndent=-14, alignment=0
        ),
        "sign": ParagraphStyle("sign", parent=body, fontSize=10.5, leading=14, spaceBefore=6),
    }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markup(text: str) -> str:
    """Paragraph markup: each [^n] a raised number that notes the page it is drawn on."""
    return MARKER.sub(
        lambda m: f'<super rise="3" size="6">{m[1]}</super><onDraw name="note" label="{m[1]}"/>',
        _escape(text),
    )


class _NumberedCanvas(Canvas):
    """A canvas that holds its pages back until the end, to print "Page n of m" on each."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:
                self.setFont("LibSans", 8.5)
                self.setFillColor(GREY)
                self.drawCentredString(
                    PAGE_WIDTH / 2, 1.1 * cm, f"Page {self._pageNumber} of {total}"
                )
            super().showPage()
        super().save()


class _Layout:
    """Page templates, page furniture, footnotes and the story of the report."""

    def __init__(self) -> None:
        _fonts()
        self.styles = _styles()
        self.notes_on_page: dict[int, list[str]] = {}

    # the story

    def story(self) -> tuple[list[Any], list[PageTemplate]]:
        s = self.styles
        flow: list[Any] = [NextPageTemplate("front"), PageBreak()]
        flow.append(Paragraph("Contents", s["h1"]))
        toc = TableOfContents(dotsMinLevel=0)
        toc.levelStyles = [s["toc1"], s["toc2"]]
        flow += [toc, PageBreak()]
        flow.append(self.heading("Foreword", 0, s["h1"]))
        flow += [Paragraph(_markup(text), s["front"]) for text in FOREWORD]
        flow.append(Paragraph("Harstad, 6 February 2026", s["sign"]))
        flow.append(Paragraph(f"{AUTHORS[0]}, project leader", s["front"]))
        flow += [PageBreak(), self.heading("Executive summary", 0, s["h1"])]
        flow += [Paragraph(_markup(text), s["front"]) for text in SUMMARY]

        templates: list[PageTemplate] = []
        for number, chapter in enumerate(CHAPTERS, start=1):
            top = [self.heading(chapter["title"], 0, s["h1"])]
            top += [flowable for block in chapter["top"] for flowable in self.block(block, INNER)]
            templates.append(self.chapter_template(f"chapter{number}", top))
            flow += [NextPageTemplate(f"chapter{number}"), PageBreak()]
            flow += [*top, FrameBreak(), NextPageTemplate("body")]
            flow += [flowable for block in chapter["body"] for flowable in self.block(block)]
        flow.append(self.heading("References", 0, s["h2"]))
        flow += [Paragraph(_escape(entry), s["reference"]) for entry in REFERENCES]
        return flow, templates

    def heading(self, text: str, level: int, style: ParagraphStyle) -> Paragraph:
        paragraph = Paragraph(_escape(text), style)
        paragraph.toc_level = level
        return paragraph

    def block(self, block: tuple, width: float = COLUMN) -> list[Any]:
        s = self.styles
        kind = block[0]
        if kind == "h2":
            return [self.heading(block[1], 1, s["h2"])]
        if kind == "p":
            return [Paragraph(_markup(block[1]), s["body"])]
        if kind == "bullet":
            return [Paragraph(_markup(block[1]), s["bullet"], bulletText="•")]
        if kind == "numbered":
            return [Paragraph(_markup(block[2]), s["numbered"], bulletText=f"{block[1]}.")]
        if kind == "table":
            return self.table(block[1], block[2], block[3], width)
        if kind == "factbox":
            return [Spacer(1, 4), self.fact_box(width), Spacer(1, 8)]
        raise ValueError(kind)

    def table(self, rows: list[list[str]], caption: str, source: str, width: float) -> list[Any]:
        s = self.styles
        if width == INNER:
            widths = [0.16 * width] + [0.14 * width] * (len(rows[0]) - 1)
        else:
            widths = [share * width for share in (0.11, 0.25, 0.19, 0.15, 0.30)]
        header = [Paragraph(_escape(rows[0][0]), s["head"])]
        header += [Paragraph(_escape(cell), s["head_right"]) for cell in rows[0][1:]]
        data = [header] + [list(row) for row in rows[1:]]
        table = Table(data, colWidths=widths, repeatRows=1)
        style = [
            ("FONT", (0, 1), (-1, -1), "LibSans", 8.3),
            ("FONT", (0, -1), (-1, -1), "LibSans-Bold", 8.3),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, TEAL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, TEAL),
            ("LINEABOVE", (0, -1), (-1, -1), 0.5, TEAL),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, TEAL),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        style += [
            ("BACKGROUND", (0, row), (-1, row), colors.HexColor("#F4F7F7"))
            for row in range(2, len(rows) - 1, 2)
        ]
        table.setStyle(TableStyle(style))
        parts = [
            Paragraph(_escape(caption), s["caption"]),
            table,
            Paragraph(_escape(source), s["source"]),
        ]
        return parts if width == INNER else [KeepTogether(parts)]

    def fact_box(self, width: float) -> Table:
        s = self.styles
        title, items = FACT_BOX
        content: list[Any] = [Paragraph(_escape(title), s["box_title"])]
        content += [
            Paragraph(f"<b>{_escape(label)}:</b> {_escape(value)}", s["box"])
            for label, value in items
        ]
        box = Table([[content]], colWidths=[width])
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), SAND),
                    ("BOX", (0, 0), (-1, -1), 0.8, TEAL),
                    ("LEFTPADDING", (0, 0), (-1, -1), 7),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ]
            )
        )
        return box

    # page templates

    def templates(self, chapters: list[PageTemplate]) -> list[PageTemplate]:
        full_height = PAGE_HEIGHT - TOP - BOTTOM - NOTES
        y = BOTTOM + NOTES
        single = Frame(LEFT, y, INNER, full_height, id="single", leftPadding=0, rightPadding=0)
        cover = Frame(LEFT, y, INNER, full_height, id="cover")
        return [
            PageTemplate("cover", [cover], onPage=self.cover),
            PageTemplate("front", [single], onPage=self.furniture, onPageEnd=self.footnotes),
            PageTemplate(
                "body", self.columns(full_height), onPage=self.furniture, onPageEnd=self.footnotes
            ),
            *chapters,
        ]

    def columns(self, height: float) -> list[Frame]:
        y = BOTTOM + NOTES
        padding = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        return [
            Frame(LEFT, y, COLUMN, height, id="left", **padding),
            Frame(LEFT + COLUMN + GAP, y, COLUMN, height, id="right", **padding),
        ]

    def chapter_template(self, name: str, top: list[Any]) -> PageTemplate:
        """A chapter's first page: `top` across the full width, two columns below it."""
        height = 0.0
        for index, flowable in enumerate(top):
            height += flowable.wrap(INNER, PAGE_HEIGHT)[1] + flowable.getSpaceAfter()
            if index:
                height += flowable.getSpaceBefore()
        height += 6  # room for the rule under the chapter heading
        full_height = PAGE_HEIGHT - TOP - BOTTOM - NOTES
        padding = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        head = Frame(LEFT, PAGE_HEIGHT - TOP - height, INNER, height, id="head", **padding)
        below = full_height - height - 0.3 * cm
        return PageTemplate(
            name,
            [head, *self.columns(below)],
            onPage=self.chapter_page,
            onPageEnd=self.footnotes,
        )

    # page furniture

    def cover(self, canvas: Canvas, doc: Any) -> None:
        canvas.setDateFormatter(lambda *_: "D:20260206091500+01'00'")
        self.notes_on_page.clear()  # each pass of the build starts anew
        canvas.saveState()
        canvas.setFillColor(TEAL)
        canvas.rect(0, PAGE_HEIGHT - 8.5 * cm, PAGE_WIDTH, 8.5 * cm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont("LibSans-Bold", 11)
        canvas.drawString(LEFT, PAGE_HEIGHT - 2.4 * cm, INSTITUTE.upper())
        canvas.setFont("LibSans", 10)
        canvas.drawString(LEFT, PAGE_HEIGHT - 3.0 * cm, SERIES)
        title = Paragraph(
            _escape(TITLE),
            ParagraphStyle(
                "cover_title",
                fontName="LibSans-Bold",
                fontSize=25,
                leading=30,
                textColor=TEAL,
            ),
        )
        _, height = title.wrap(INNER - 1 * cm, PAGE_HEIGHT)
        top = PAGE_HEIGHT - 10.5 * cm
        title.drawOn(canvas, LEFT, top - height)
        y = top - height - 1.1 * cm
        canvas.setFillColor(colors.black)
        canvas.setFont("LibSans", 14)
        canvas.drawString(LEFT, y, SUBTITLE)
        canvas.setFont("LibSerif", 12.5)
        canvas.drawString(LEFT, y - 1.6 * cm, AUTHORS[0])
        canvas.drawString(LEFT, y - 2.2 * cm, AUTHORS[1])
        canvas.setStrokeColor(TEAL)
        canvas.setLineWidth(1.2)
        canvas.line(LEFT, 3.6 * cm, PAGE_WIDTH - RIGHT, 3.6 * cm)
        canvas.setFillColor(TEAL)
        canvas.setFont("LibSans-Bold", 10)
        canvas.drawString(LEFT, 2.9 * cm, INSTITUTE)
        canvas.setFont("LibSans", 10)
        canvas.drawString(LEFT, 2.35 * cm, f"{SERIES} · {PLACE_YEAR}")
        canvas.restoreState()

    def furniture(self, canvas: Canvas, doc: Any) -> None:
        canvas.setNamedCB("note", self.note_cited)
        self.notes_on_page[doc.page] = []  # each pass draws the page anew
        canvas.saveState()
        canvas.setFont("LibSans", 7.8)
        canvas.setFillColor(GREY)
        top = PAGE_HEIGHT - 1.5 * cm
        canvas.drawString(LEFT, top, TITLE)
        canvas.drawRightString(PAGE_WIDTH - RIGHT, top, SERIES)
        canvas.setStrokeColor(TEAL)
        canvas.setLineWidth(0.6)
        canvas.line(LEFT, top - 5, PAGE_WIDTH - RIGHT, top - 5)
        canvas.restoreState()

    def chapter_page(self, canvas: Canvas, doc: Any) -> None:
        self.furniture(canvas, doc)
        frame = doc.pageTemplate.frames[0]
        h1 = self.styles["h1"]
        y = frame._y1 + frame._height - h1.leading - 4  # under the chapter heading's line
        canvas.saveState()
        canvas.setStrokeColor(TEAL)
        canvas.setLineWidth(1.4)
        canvas.line(LEFT, y, LEFT + 3 * cm, y)
        canvas.restoreState()

    def note_cited(self, canvas: Canvas, kind: str, label: str) -> None:
        notes = self.notes_on_page.setdefault(canvas.getPageNumber(), [])
        if label not in notes:
            notes.append(label)

    def footnotes(self, canvas: Canvas, doc: Any) -> None:
        """The notes cited on this page, at its foot, in smaller type under a short rule."""
        notes = self.notes_on_page.get(doc.page, [])
        if not notes:
            return
        canvas.saveState()
        y = BOTTOM + NOTES - 0.55 * cm
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.5)
        canvas.line(LEFT, y + 10, LEFT + 4 * cm, y + 10)
        for label in notes:
            lines = simpleSplit(FOOTNOTES[label], "LibSerif", 7.8, INNER - 10)
            text = canvas.beginText(LEFT, y)
            text.setFont("LibSerif", 5.5)
            text.setRise(3)
            text.textOut(label)
            text.setRise(0)
            text.setFont("LibSerif", 7.8)
            text.textOut(" " + lines[0])
            canvas.drawText(text)
            for line in lines[1:]:
                y -= 9.5
                canvas.setFont("LibSerif", 7.8)
                canvas.drawString(LEFT + 5, y, line)
            y -= 10.5
        canvas.restoreState()


def build(out: Path) -> None:
    """Lay out the report as a PDF at `out`."""
    layout = _Layout()
    story, chapters = layout.story()

    class Doc(BaseDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:
            level = getattr(flowable, "toc_level", None)
            if level is not None:
                self.notify("TOCEntry", (level, flowable.getPlainText(), self.page))

    doc = Doc(
        str(out),
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=TITLE,
        author=AUTHORS[0],  # as many files have it: the first author only
        subject=SUBTITLE,
        keywords="business development, municipalities, playmaker, co-creation, evaluation",
        creator="INRS report template 3.2",
        invariant=1,
    )
    doc.addPageTemplates(layout.templates(chapters))
    doc.multiBuild(story, canvasmaker=_NumberedCanvas)


if __name__ == "__main__":
    import sys

    build(Path(sys.argv[1]))
