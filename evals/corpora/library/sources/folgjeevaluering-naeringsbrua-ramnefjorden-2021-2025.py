"""Source of folgjeevaluering-naeringsbrua-ramnefjorden-2021-2025.pdf, the library's 19th document.

A fictional final report (sluttrapport, nynorsk) of the follow-up evaluation (følgjeevaluering) of
Næringsbrua Ramnefjorden 2021–2025, a regional business development programme in three fictional
municipalities (Ramnsund, Lyngvær, Teigedal). It is written as a flat OpenDocument text file
(.fodt) and printed to PDF by LibreOffice (`evals/corpora/library/build_routes.py`): a cover page
and a colophon page on their own page style, a table of contents (text:table-of-content whose index
body is filled in with the page numbers a first print gives), outline-numbered headings (1, 1.1),
a running header and a footer with a page-number field, real footnotes (text:note), three tables
(by year, by municipality, this and the previous programme period), a bulleted and a numbered
list, a fact box in a text frame and a two-column section. The title and authors are set in the
document's meta, so LibreOffice writes them into the PDF.

All places, companies, people and figures are invented.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

TITLE = "Brubygging i praksis. Følgjeevaluering av Næringsbrua Ramnefjorden 2021–2025"
AUTHORS = "Solveig Aarnes Hjelmeland, Kjetil Brattebø"
REPORT_NO = "NVS-rapport 2026:2"
RUNNING_HEAD = "Følgjeevaluering av Næringsbrua Ramnefjorden 2021–2025 – sluttrapport"
NOTE = re.compile(r"\[\[(.+?)\]\]")

# The body: ("h1"|"h2", anchor, title), ("h1u", anchor, title) for an unnumbered chapter,
# ("p", text) with [[footnote]] markers, ("bullets"|"numbers", [items]), ("table", caption,
# widths, rows, source), ("facts", title, [lines]) for the fact box, ("columns", [paragraphs]).
BODY: list[tuple] = [
    ("h1u", "foreord", "Føreord"),
    (
        "p",
        "Denne rapporten er sluttrapporten frå følgjeevalueringa av Næringsbrua Ramnefjorden, eit "
        "regionalt program for næringsutvikling i dei tre kommunane Ramnsund, Lyngvær og "
        "Teigedal. Programmet gjekk frå 1. januar 2021 til 31. desember 2025. Ramnefjord "
        "regionråd har vore oppdragsgjevar, og Nordvest Samfunnsforsking har følgt programmet "
        "sidan hausten 2021. Vi har tidlegare levert to delrapportar, i 2022 og i 2024.",
    ),
    (
        "p",
        "Vi takkar programleiar Randi Ekornes Vatle for god hjelp med tal og dokument, og dei "
        "mange bedriftsleiarane, tilsette i kommunane, lagsleiarane og politikarane som har late "
        "seg intervjue, nokre av dei tre gonger. Ein særleg takk går til styret i Ramnefjord "
        "Utvikling AS, som gav oss tilgang til rekneskapen og saksbehandlingssystemet til "
        "selskapet. Forfattarane står åleine ansvarlege for vurderingane i rapporten.",
    ),
    ("p", "Ramnsund, januar 2026"),
    ("p", "Solveig Aarnes Hjelmeland, prosjektleiar"),
    ("h1u", "samandrag", "Samandrag"),
    (
        "columns",
        [
            "Næringsbrua Ramnefjorden skulle gjere dei tre kommunane betre i stand til å utvikle "
            "næringslivet saman med bedriftene og frivilligheita. Programmet hadde eit samla "
            "budsjett på 26,3 millionar kroner for perioden 2021–2025. Fylkeskommunen finansierte "
            "15,5 millionar kroner, dei tre kommunane 4,8 millionar kroner og Sparebankstiftinga "
            "Ramnefjord 6,0 millionar kroner.",
            "I programperioden kom det inn 234 søknader, og 83 prosjekt fekk støtte. Etter "
            "bedriftene sine eigne anslag har prosjekta gjeve 118 nye arbeidsplassar og 37 nye "
            "verksemder. Vi reknar med at om lag 75 av arbeidsplassane ikkje ville ha kome utan "
            "programmet. Det førre programmet, Ramnefjordprogrammet 2016–2020, gav 64 nye "
            "arbeidsplassar med eit budsjett på 19,7 millionar kroner.",
            "Hovudfunnet vårt er at dei tre kommunane har gått kvar sin veg. Ramnsund har i "
            "hovudsak vore forhandlar, Lyngvær har teke rolla som brobyggar og playmakar, medan "
            "Teigedal framleis først og fremst er forvaltar og tenesteprodusent, men har prøvd "
            "seg som innovatør. Der kommunen har vore playmakar, har samskapinga med næringsliv "
            "og frivilligheit gjeve dei mest varige resultata.",
            "Vi tilrår at regionrådet vidarefører førstelinjetenesta i Ramnefjord Utvikling AS i "
            "ein ny periode 2026–2029, at alle tre kommunane gjev dei næringsansvarlege eit "
            "skriftleg mandat for utviklingsarbeid, og at nye arbeidsplassar heretter vert målte "
            "med registerdata.",
        ],
    ),
    ("h1", "innleiing", "Innleiing"),
    ("h2", "om-programmet", "Om Næringsbrua Ramnefjorden"),
    (
        "facts",
        "Faktaboks: Næringsbrua Ramnefjorden",
        [
            "Periode: 2021–2025",
            "Kommunar: Ramnsund, Lyngvær og Teigedal",
            "Eigar: Ramnefjord regionråd",
            "Budsjett: 26,3 millionar kroner",
            "Programleiar: Randi Ekornes Vatle",
            "Førstelinjeteneste: Ramnefjord Utvikling AS",
            "Førre periode: Ramnefjordprogrammet 2016–2020",
        ],
    ),
    (
        "p",
        "Næringsbrua Ramnefjorden vart vedteken av Ramnefjord regionråd 9. desember 2020 i sak "
        "31/20. Programmet var ei vidareføring av Ramnefjordprogrammet 2016–2020, som berre "
        "Ramnsund og Lyngvær var med i. Teigedal kom med frå 1. januar 2021, etter vedtak i "
        "kommunestyret i oktober 2020.[[Teigedal kommunestyre handsama saka 22. oktober 2020. "
        "Vedtaket vart gjort med 13 mot 4 røyster.]]",
    ),
    (
        "p",
        "Namnet på programmet skulle seie kva det handla om: kommunane skulle byggje bruer mellom "
        "bedrifter, lag og offentlege aktørar, og mellom dei tre kommunane. Programmet hadde tre "
        "delmål: ein felles og profesjonell førstelinjeteneste for næringslivet, fleire nye "
        "verksemder og arbeidsplassar i regionen, og meir samskaping mellom kommunane, "
        "næringslivet og frivilligheita.",
    ),
    (
        "p",
        "Den første programleiaren, Lars Endre Hovlid, slutta hausten 2021. Randi Ekornes Vatle "
        "har vore programleiar sidan februar 2022, i ei 80 prosent stilling i regionrådet. "
        "Førstelinjetenesta har vore kjøpt frå Ramnefjord Utvikling AS, eit selskap dei tre "
        "kommunane eig saman.",
    ),
    ("h2", "oppdraget", "Oppdraget og problemstillingane"),
    (
        "p",
        "Regionrådet bad om ei følgjeevaluering, ikkje berre ei sluttevaluering. Det vil seie at "
        "vi har følgt programmet medan det gjekk, og at funna våre undervegs har kunna endre "
        "korleis programmet vart drive. Delrapport 1 (2022) tilrådde mellom anna at "
        "søknadsfristane vart samordna, noko som vart gjort frå 2023. Evalueringa svarar på fire "
        "spørsmål:",
    ),
    (
        "bullets",
        [
            "Har programmet nådd dei tre delmåla sine?",
            "Kva roller har dei tre kommunane teke i næringsarbeidet, og korleis har rollene "
            "endra seg?",
            "Korleis har samarbeidet med næringslivet og frivilligheita fungert?",
            "Kva bør regionrådet gjere når programmet no er avslutta?",
        ],
    ),
    ("h2", "metode", "Metode og datagrunnlag"),
    (
        "p",
        "Evalueringa byggjer på fire typar data. Vi har gjennomført 46 intervju i tre rundar "
        "(2022, 2024 og 2025), gått gjennom alle søknader og tilsegner i saksbehandlingssystemet "
        "til Ramnefjord Utvikling AS, og sendt ut to spørjeundersøkingar hausten 2025. "
        "Undersøkinga til bedrifter som har fått støtte, vart send til 186 bedrifter og svara på "
        "av 97, det gjev ein svarprosent på 52.[[I delrapport 2 var svarprosenten i "
        "bedriftsundersøkinga 44. Auken kjem truleg av at vi i 2025 purra på telefon.]] "
        "Undersøkinga til lag og organisasjonar vart send til 58 lag og svara på av 37 (64 "
        "prosent).",
    ),
    (
        "p",
        "Tala for nye arbeidsplassar og verksemder byggjer på det bedriftene sjølve har "
        "rapportert. Vi har ikkje hatt tilgang til registerdata på føretaksnivå, og vi har difor "
        "ikkje kunna kontrollere kor mange av arbeidsplassane som framleis finst. Tala for 2025 "
        "er budsjettal, fordi rekneskapen for 2025 ikkje var avslutta då rapporten vart skriven.",
    ),
    ("h1", "ressursar", "Ressursar og organisering"),
    ("h2", "budsjett", "Budsjett og finansiering"),
    (
        "p",
        "Tabell 2.1 viser finansieringa av programmet fordelt på år og finansieringskjelde. "
        "Fylkeskommunen stod for 59 prosent av midlane, Sparebankstiftinga Ramnefjord for 23 "
        "prosent og kommunane for 18 prosent. Løyvinga var størst i 2024, med 6,0 millionar "
        "kroner.",
    ),
    (
        "table",
        "Tabell 2.1 Finansiering av Næringsbrua Ramnefjorden etter år og kjelde (millionar kroner)",
        [2.0, 3.4, 2.6, 3.6, 2.4],
        [
            ["År", "Fylkeskommunen", "Kommunane", "Sparebankstiftinga", "Sum"],
            ["2021", "2,4", "0,9", "1,0", "4,3"],
            ["2022", "3,1", "0,9", "1,2", "5,2"],
            ["2023", "3,4", "1,0", "1,5", "5,9"],
            ["2024", "3,6", "1,0", "1,4", "6,0"],
            ["2025", "3,0", "1,0", "0,9", "4,9"],
            ["Sum", "15,5", "4,8", "6,0", "26,3"],
        ],
        "Kjelde: Ramnefjord regionråd. Tala for 2025 er budsjett.",
    ),
    (
        "p",
        "Av dei 26,3 millionane gjekk 8,9 millionar kroner til førstelinjetenesta i Ramnefjord "
        "Utvikling AS, 9,2 millionar kroner til tilskot til bedriftsretta prosjekt, 3,4 millionar "
        "kroner til Gründarskulen Ramnefjord og anna etablerarstøtte, 3,1 millionar kroner til "
        "samskapingsprosjekt med frivilligheita og 1,7 millionar kroner til programleiing og "
        "følgjeevaluering. Følgjeevalueringa kosta 0,9 millionar kroner over fem år.",
    ),
    (
        "p",
        "Sparebankstiftinga Ramnefjord sette ned bidraget sitt i 2025 fordi stiftinga fekk mindre "
        "utbytte frå banken. Styreleiar Geir Instefjord seier at stiftinga gjerne vil vere med "
        "vidare, men at ho i ein ny periode vil løyve pengar til konkrete samskapingsprosjekt og "
        "ikkje til drift.",
    ),
    ("h2", "kommunane", "Dei tre kommunane"),
    (
        "p",
        "Eigendelen til kommunane vart fordelt slik at halvparten var lik for alle tre, og "
        "halvparten vart rekna etter innbyggjartalet. Tabell 2.2 viser innbyggjartal, eigendel, "
        "søknader, støtta prosjekt, nye arbeidsplassar og nye verksemder i kvar kommune for heile "
        "perioden 2021–2025.",
    ),
    (
        "table",
        "Tabell 2.2 Nøkkeltal for kvar kommune, 2021–2025",
        [2.6, 2.4, 2.2, 2.0, 2.0, 2.4, 2.4],
        [
            [
                "Kommune",
                "Innbyggjarar 1.1.2025",
                "Eigendel (mill. kr)",
                "Søknader",
                "Støtta prosjekt",
                "Nye arbeidsplassar",
                "Nye verksemder",
            ],
            ["Ramnsund", "6 120", "2,1", "121", "41", "63", "19"],
            ["Lyngvær", "3 480", "1,5", "74", "27", "38", "12"],
            ["Teigedal", "1 950", "1,2", "39", "15", "17", "6"],
            ["Sum", "11 550", "4,8", "234", "83", "118", "37"],
        ],
        "Kjelde: Ramnefjord Utvikling AS og kommunane. Arbeidsplassar og verksemder etter "
        "bedriftene sine anslag.",
    ),
    (
        "p",
        "Ramnsund er den største kommunen og fekk flest prosjekt. Målt per innbyggjar fekk "
        "likevel Lyngvær mest ut av programmet, med 10,9 nye arbeidsplassar per 1 000 "
        "innbyggjarar, mot 10,3 i Ramnsund og 8,7 i Teigedal.",
    ),
    ("h2", "utvikling-as", "Ramnefjord Utvikling AS"),
    (
        "p",
        "Ramnefjord Utvikling AS er eigd av dei tre kommunane, med 50 prosent på Ramnsund og 25 "
        "prosent på kvar av dei to andre. Selskapet har fire tilsette i 3,6 årsverk og held til i "
        "Ramnsund sentrum, med kontordag i Lyngvær og Teigedal kvar veke. Dagleg leiar er Eirik "
        "Holmefjord. Selskapet hadde ei omsetnad på 5,6 millionar kroner i 2024, og om lag 60 "
        "prosent av inntektene kom frå programmet.",
    ),
    (
        "p",
        "Selskapet hadde 412 rettleiingssamtalar med bedrifter og etablerarar i 2024, mot 268 i "
        "2021. Holmefjord seier at selskapet må seie opp éin tilsett dersom det ikkje kjem eit "
        "nytt program.",
    ),
    ("h1", "resultat", "Resultat"),
    ("h2", "prosjekt", "Søknader, prosjekt og nye arbeidsplassar"),
    (
        "p",
        "I løpet av programperioden kom det inn 234 søknader om støtte, og 83 prosjekt fekk "
        "tilsegn. Det gjev ein tilsegnsprosent på 35. Tabell 3.1 viser korleis søknadene og "
        "tilsegnene fordelte seg på år. Talet på søknader var lågt det første året, då Teigedal "
        "enno ikkje hadde ein fast kontaktperson, og fall igjen i 2025 då det vart kjent at "
        "programmet skulle avsluttast.",
    ),
    (
        "table",
        "Tabell 3.1 Søknader og støtta prosjekt per år",
        [3.0, 3.0, 3.0, 3.6],
        [
            ["År", "Søknader", "Støtta prosjekt", "Tilsegnsprosent"],
            ["2021", "32", "11", "34"],
            ["2022", "51", "18", "35"],
            ["2023", "58", "21", "36"],
            ["2024", "56", "20", "36"],
            ["2025", "37", "13", "35"],
            ["Sum", "234", "83", "35"],
        ],
        "Kjelde: Saksbehandlingssystemet til Ramnefjord Utvikling AS.",
    ),
    (
        "p",
        "Bedriftene har rapportert 118 nye arbeidsplassar, og 44 prosent av dei gjekk til "
        "kvinner. Vi meiner at om lag 75 av arbeidsplassane ikkje ville ha kome utan programmet. "
        "I spørjeundersøkinga svara 22 prosent av bedriftene at dei ville ha gjennomført "
        "prosjektet i same omfang utan støtte.[[Vi har rekna desse svara som rein dødvekt og "
        "trekt frå dei arbeidsplassane bedriftene oppgav.]]",
    ),
    ("h2", "etablerarar", "Etablerarar og nye verksemder"),
    (
        "p",
        "Gründarskulen Ramnefjord, eit etablerarkurs over seks kveldar, vart halden åtte gonger i "
        "perioden og hadde til saman 103 deltakarar, av dei 57 kvinner. 29 av deltakarane hadde "
        "starta ei verksemd innan eitt år etter kurset. Av dei 37 nye verksemdene som fekk "
        "støtte, var 31 framleis i drift ved utgangen av 2025.",
    ),
    ("h2", "undersokinga", "Kva seier bedriftene og laga?"),
    (
        "p",
        "I bedriftsundersøkinga svara 71 prosent at dei var godt eller svært godt nøgde med "
        "førstelinjetenesta, mot 58 prosent i delrapport 2. 38 prosent svara at prosjektet ikkje "
        "ville ha vorte gjennomført utan støtte frå programmet. Bedriftene i Teigedal var minst "
        "nøgde: berre 49 prosent av dei var godt eller svært godt nøgde.",
    ),
    (
        "p",
        "Blant laga og organisasjonane svara 64 prosent at kontakten med kommunen hadde vorte "
        "betre i programperioden. Fleire lagsleiarar peika på at dei for første gong hadde vorte "
        "spurde om å vere med å utvikle noko, ikkje berre om å søkje om kulturmidlar.",
    ),
    ("h2", "samanlikning", "Samanlikning med Ramnefjordprogrammet 2016–2020"),
    (
        "p",
        "Tabell 3.2 samanliknar programmet med Ramnefjordprogrammet 2016–2020. Samanlikninga må "
        "lesast med varsemd, fordi det førre programmet berre omfatta Ramnsund og Lyngvær, og "
        "fordi arbeidsplassane i begge periodane byggjer på bedriftene sine eigne anslag.",
    ),
    (
        "table",
        "Tabell 3.2 Ramnefjordprogrammet 2016–2020 og Næringsbrua Ramnefjorden 2021–2025",
        [5.0, 3.2, 3.2, 2.6],
        [
            ["Indikator", "2016–2020", "2021–2025", "Endring"],
            ["Budsjett (mill. kr)", "19,7", "26,3", "+34 %"],
            ["Søknader", "164", "234", "+43 %"],
            ["Støtta prosjekt", "58", "83", "+43 %"],
            ["Nye arbeidsplassar", "64", "118", "+84 %"],
            ["Nye verksemder", "21", "37", "+76 %"],
            ["Kroner per arbeidsplass", "308 000", "223 000", "−28 %"],
        ],
        "Kjelde: Sluttrapporten for Ramnefjordprogrammet (2021) og eigne tal.",
    ),
    (
        "p",
        "Programmet har gjeve fleire arbeidsplassar for kvar krone enn det førre programmet. Ein "
        "del av auken kjem likevel av at Teigedal kom med, og av at fleire store bedrifter i "
        "Ramnsund søkte om støtte.",
    ),
    ("h1", "roller", "Kommunane sine roller"),
    ("h2", "fra-forvaltar", "Frå forvaltar og tenesteprodusent til utviklar"),
    (
        "p",
        "Stene og Mørkved (2019) skil mellom tre tradisjonelle roller for kommunen i "
        "næringsarbeidet: forvaltar, tenesteprodusent og entreprenør. Dei meiner at "
        "entreprenørrolla er i ferd med å bli erstatta av tre nye roller, som forhandlar, "
        "innovatør og brobyggar, og at kommunen bør bli ein playmakar som samskapar med "
        "næringslivet og sivilsamfunnet. Vi har brukt denne inndelinga til å beskrive kva dei tre "
        "kommunane har gjort i programperioden.[[Vi brukar den nynorske forma playmakar, som "
        "kommunane sjølve har brukt i programdokumenta.]]",
    ),
    (
        "p",
        "Alle tre kommunane har vore forvaltarar i programmet: dei har handsama søknader om "
        "næringsfondsmidlar, regulert areal og gjeve løyve. Skilnadene ligg i kva dei har gjort i "
        "tillegg.",
    ),
    ("h2", "ramnsund", "Ramnsund: kommunen som forhandlar"),
    (
        "p",
        "Ramnsund har i hovudsak vore forhandlar. Det største enkeltprosjektet i programperioden "
        "var settefiskanlegget til Nordhav Settefisk AS på Straumneset, ei investering på 240 "
        "millionar kroner som gav 26 arbeidsplassar. Kommunen regulerte 38 dekar til "
        "næringsformål og skreiv i mars 2023 under ei utbyggingsavtale med selskapet. I avtalen "
        "forplikta Nordhav Settefisk seg til å lyse ut underleveransar lokalt, medan kommunen "
        "forplikta seg til å byggje tolv utleigebustader innan 2026.",
    ),
    (
        "p",
        "Næringssjef Hilde Mork Reitan seier at kommunen lærte å forhandle i denne saka: «Vi "
        "gjekk inn som sakshandsamar og kom ut som ein part med eigne krav.» Andre bedrifter i "
        "Ramnsund meiner likevel at kommunen har brukt for mykje tid på dei store bedriftene og "
        "for lite på dei små.",
    ),
    ("h2", "lyngvaer", "Lyngvær: kommunen som brobyggar og playmakar"),
    (
        "p",
        "Lyngvær er den kommunen som best har teke playmakarrolla. Då ferjesambandet vart lagt "
        "ned i 2022, stod det gamle venterommet på ferjekaia tomt. Kommunen samla Lyngvær Sjømat "
        "AS, sogelaget, frivilligsentralen og ungdomsrådet for å finne ut kva bygget kunne "
        "brukast til. Resultatet vart Ventehuset, eit felles kontorfellesskap med kafé og "
        "bygdekontor, som opna i juni 2023.",
    ),
    (
        "p",
        "Ombygginga kosta 2,6 millionar kroner. Sparebankstiftinga Ramnefjord gav 0,9 millionar, "
        "kommunen 0,7 millionar, Lyngvær Sjømat AS 0,4 millionar og programmet 0,3 millionar, og "
        "resten vart dekt av om lag 1 900 dugnadstimar. Ventehuset vert i dag drive av "
        "samvirkelaget Ventehuset SA, og det er 14 kontorplassar i huset. Kommunen sit ikkje i "
        "styret.",
    ),
    (
        "p",
        "Næringskonsulent Jon Arne Fløtre, som leidde arbeidet, seier at det viktigaste kommunen "
        "gjorde, var å sleppe taket: «Vi sette laget saman og sende ballen vidare.» Leiaren i "
        "frivilligsentralen, Marta Vassbotn, seier at Ventehuset har gjort det lettare for unge å "
        "flytte heim.",
    ),
    ("h2", "teigedal", "Teigedal: forvaltaren som prøvde å bli innovatør"),
    (
        "p",
        "Teigedal er den minste kommunen og har berre ein næringsansvarleg i 20 prosent stilling. "
        "Kommunen har i hovudsak vore forvaltar og tenesteprodusent, og helse- og "
        "omsorgstenestene er den største arbeidsgjevaren i kommunen. Ordførar Oddvar Bjørnevik "
        "seier at kommunen «ikkje har folk til å vere playmakar».",
    ),
    (
        "p",
        "Teigedal prøvde likevel å vere innovatør. Saman med to lokale bedrifter utvikla kommunen "
        "Søknadsvegvisaren, ei nettside som rettleier etablerarar gjennom løyva dei treng. "
        "Søknadsvegvisaren vart lansert i april 2024 og vart brukt 310 gonger i 2025. Dei to "
        "andre kommunane har no teke han i bruk.",
    ),
    ("h1", "vurderingar", "Vurderingar og tilrådingar"),
    ("h2", "samla", "Samla vurdering"),
    (
        "p",
        "Programmet har nådd det første delmålet om ein felles førstelinjeteneste og langt på veg "
        "det andre om fleire verksemder og arbeidsplassar. Det tredje delmålet om samskaping er "
        "berre nådd i Lyngvær. Vi meiner at skilnadene mellom kommunane i stor grad kjem av kor "
        "mykje tid og mandat dei næringsansvarlege har hatt, slik også Wekre og Jensen (2018) "
        "peikar på. Playmakarrolla krev at kommunen kan dele makt og ansvar med andre, noko "
        "Røiseland og Vabo (2016) kallar samstyring.",
    ),
    ("h2", "tilradingar", "Tilrådingar"),
    ("p", "Vi gjev Ramnefjord regionråd desse tilrådingane:"),
    (
        "numbers",
        [
            "Vidarefør førstelinjetenesta i Ramnefjord Utvikling AS i ein ny periode 2026–2029, "
            "med minst 1,8 millionar kroner i året.",
            "Gje dei næringsansvarlege i alle tre kommunane eit skriftleg mandat for "
            "utviklingsarbeid, og auk næringsstillinga i Teigedal til minst 50 prosent.",
            "Set av ein samskapingspott på 0,5 millionar kroner i året til prosjekt etter modell "
            "av Ventehuset.",
            "Mål nye arbeidsplassar med registerdata i staden for bedriftene sine eigne anslag.",
            "La kommunane rapportere årleg til regionrådet om kva roller dei har teke i "
            "næringsarbeidet.",
        ],
    ),
    ("h1u", "referansar", "Referansar"),
    (
        "ref",
        "Hjelmeland, S. A. og Brattebø, K. (2022). Næringsbrua Ramnefjorden. Delrapport 1 frå "
        "følgjeevalueringa. NVS-rapport 2022:9. Ramnsund: Nordvest Samfunnsforsking.",
    ),
    (
        "ref",
        "Hjelmeland, S. A. og Brattebø, K. (2024). Næringsbrua Ramnefjorden. Delrapport 2 frå "
        "følgjeevalueringa. NVS-rapport 2024:5. Ramnsund: Nordvest Samfunnsforsking.",
    ),
    (
        "ref",
        "Ramnefjord regionråd (2020). Programdokument for Næringsbrua Ramnefjorden 2021–2025. "
        "Ramnsund: Ramnefjord regionråd.",
    ),
    (
        "ref",
        "Røiseland, A. og Vabo, S. I. (2016). Styring og samstyring: governance på norsk (2. "
        "utg.). Bergen: Fagbokforlaget.",
    ),
    (
        "ref",
        "Stene, M. og Mørkved, B. P. (2019). Kommunen sin framtidige næringsutviklingsrolle. "
        "Arbeidsnotat nr. 2. Bodø: Nord universitet.",
    ),
    (
        "ref",
        "Wekre, T. og Jensen, B. R. (2018). Hvordan rigge seg for å bli best på næringsutvikling? "
        "Steinkjer: Distriktssenteret.",
    ),
]

COLOPHON = [
    ("Tittel", "Brubygging i praksis"),
    ("Undertittel", "Følgjeevaluering av Næringsbrua Ramnefjorden 2021–2025. Sluttrapport"),
    ("Forfattarar", AUTHORS),
    ("Rapportnummer", REPORT_NO),
    ("Prosjektnummer", "4127"),
    ("Oppdragsgjevar", "Ramnefjord regionråd"),
    ("Kontaktperson hos oppdragsgjevar", "Randi Ekornes Vatle, programleiar"),
    ("Kvalitetssikra av", "Tormod Grytdal, forskingsleiar"),
    ("Dato", "20. januar 2026"),
    ("Emneord", "næringsutvikling, følgjeevaluering, kommunen si rolle, playmakar, samskaping"),
]

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}

STYLES = """
 <office:font-face-decls>
  <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"
     style:font-family-generic="roman"/>
  <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"
     style:font-family-generic="swiss"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="page"/>
   <style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt" fo:language="nn"
      fo:country="NO"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"
     style:parent-style-name="Standard" style:class="text">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.22cm" fo:line-height="115%"
      fo:text-align="justify"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"
     style:next-style-name="Text_20_body" style:class="text">
   <style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.25cm"
      fo:keep-with-next="always"/>
   <style:text-properties style:font-name="Liberation Sans" fo:color="#1f4e5a"
      fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
     style:parent-style-name="Heading" style:default-outline-level="1" style:class="text">
   <style:paragraph-properties fo:margin-top="0.8cm" fo:margin-bottom="0.35cm"/>
   <style:text-properties fo:font-size="17pt"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
     style:parent-style-name="Heading" style:default-outline-level="2" style:class="text">
   <style:text-properties fo:font-size="13pt"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"
     style:class="extra">
   <style:paragraph-properties fo:text-align="end" fo:padding-bottom="0.1cm"
      fo:border-bottom="0.5pt solid #1f4e5a"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt" fo:color="#555555"
      fo:font-style="italic"/>
  </style:style>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"
     style:class="extra">
   <style:paragraph-properties fo:padding-top="0.1cm" fo:border-top="0.5pt solid #1f4e5a">
    <style:tab-stops><style:tab-stop style:position="16cm" style:type="right"/></style:tab-stops>
   </style:paragraph-properties>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt"
      fo:color="#555555"/>
  </style:style>
  <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard"
     style:class="extra">
   <style:paragraph-properties fo:margin-left="0.5cm" fo:text-indent="-0.5cm"/>
   <style:text-properties fo:font-size="9pt"/>
  </style:style>
  <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard"
     style:class="extra">
   <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm"
      fo:keep-with-next="always"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="9.5pt"
      fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Table_20_Source" style:display-name="Table Source"
     style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-top="0.1cm" fo:margin-bottom="0.35cm"/>
   <style:text-properties fo:font-size="8.5pt" fo:font-style="italic"/>
  </style:style>
  <style:style style:name="Table_20_Contents" style:display-name="Table Contents"
     style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="9.5pt"/>
  </style:style>
  <style:style style:name="Table_20_Heading" style:display-name="Table Heading"
     style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
   <style:text-properties fo:font-weight="bold" fo:color="#ffffff"/>
  </style:style>
  <style:style style:name="Reference" style:family="paragraph"
     style:parent-style-name="Text_20_body">
   <style:paragraph-properties fo:margin-left="0.8cm" fo:text-indent="-0.8cm"
      fo:text-align="start"/>
  </style:style>
  <style:style style:name="Contents_20_Heading" style:display-name="Contents Heading"
     style:family="paragraph" style:parent-style-name="Heading" style:class="index">
   <style:text-properties fo:font-size="17pt"/>
  </style:style>
  <style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph"
     style:parent-style-name="Standard" style:class="index">
   <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm">
    <style:tab-stops><style:tab-stop style:position="16cm" style:type="right"
       style:leader-style="dotted" style:leader-text="."/></style:tab-stops>
   </style:paragraph-properties>
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Contents_20_2" style:display-name="Contents 2" style:family="paragraph"
     style:parent-style-name="Standard" style:class="index">
   <style:paragraph-properties fo:margin-left="0.6cm" fo:margin-bottom="0.05cm">
    <style:tab-stops><style:tab-stop style:position="15.4cm" style:type="right"
       style:leader-style="dotted" style:leader-text="."/></style:tab-stops>
   </style:paragraph-properties>
  </style:style>
  <style:style style:name="Frame_20_contents" style:display-name="Frame contents"
     style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:margin-bottom="0.1cm"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt"/>
  </style:style>
  <style:style style:name="List_20_Paragraph" style:display-name="List Paragraph"
     style:family="paragraph" style:parent-style-name="Text_20_body">
   <style:paragraph-properties fo:margin-bottom="0.12cm" fo:text-align="start"/>
  </style:style>
  <style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor"
     style:family="text">
   <style:text-properties style:text-position="super 58%"/>
  </style:style>
  <style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol"
     style:family="text"/>
  <text:outline-style style:name="Outline">
   <text:outline-level-style text:level="1" style:num-format="1">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="listtab"
        text:list-tab-stop-position="1.1cm" fo:text-indent="-1.1cm" fo:margin-left="1.1cm"/>
    </style:list-level-properties>
   </text:outline-level-style>
   <text:outline-level-style text:level="2" style:num-format="1" text:display-levels="2">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="listtab"
        text:list-tab-stop-position="1.1cm" fo:text-indent="-1.1cm" fo:margin-left="1.1cm"/>
    </style:list-level-properties>
   </text:outline-level-style>
  </text:outline-style>
  <text:list-style style:name="Bullets">
   <text:list-level-style-bullet text:level="1" text:bullet-char="•">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="listtab"
        text:list-tab-stop-position="1.1cm" fo:text-indent="-0.5cm" fo:margin-left="1.1cm"/>
    </style:list-level-properties>
   </text:list-level-style-bullet>
  </text:list-style>
  <text:list-style style:name="Numbers">
   <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="listtab"
        text:list-tab-stop-position="1.1cm" fo:text-indent="-0.6cm" fo:margin-left="1.1cm"/>
    </style:list-level-properties>
   </text:list-level-style-number>
  </text:list-style>
  <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol"
     text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0"
     text:footnotes-position="page" text:start-numbering-at="document"/>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="PCover" style:family="paragraph" style:parent-style-name="Standard"
     style:master-page-name="Front">
   <style:paragraph-properties style:page-number="auto" fo:margin-top="5cm"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="12pt" fo:color="#1f4e5a"
      fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="PTitle" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-top="1.2cm" fo:margin-bottom="0.4cm"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="30pt"
      fo:font-weight="bold" fo:color="#1f4e5a"/>
  </style:style>
  <style:style style:name="PSubtitle" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-bottom="2.5cm"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="16pt"/>
  </style:style>
  <style:style style:name="PCoverSmall" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-bottom="0.2cm"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="12pt"/>
  </style:style>
  <style:style style:name="PNewFront" style:family="paragraph" style:parent-style-name="Standard"
     style:master-page-name="Front">
   <style:paragraph-properties fo:break-before="page"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="14pt"
      fo:font-weight="bold" fo:color="#1f4e5a"/>
  </style:style>
  <style:style style:name="PColophon" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-bottom="0.2cm"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt"/>
  </style:style>
  <style:style style:name="H1Body" style:family="paragraph" style:parent-style-name="Heading_20_1"
     style:master-page-name="Body">
   <style:paragraph-properties fo:break-before="page"/>
  </style:style>
  <style:style style:name="H1Break" style:family="paragraph" style:parent-style-name="Heading_20_1">
   <style:paragraph-properties fo:break-before="page"/>
  </style:style>
  <style:style style:name="T1" style:family="text"><style:text-properties
     fo:font-weight="bold"/></style:style>
  <style:style style:name="Tbl" style:family="table">
   <style:table-properties table:align="left" fo:margin-top="0cm" fo:margin-bottom="0cm"/>
  </style:style>
  <style:style style:name="CellH" style:family="table-cell">
   <style:table-cell-properties fo:background-color="#1f4e5a" fo:padding="0.08cm"
      fo:border="0.5pt solid #1f4e5a"/>
  </style:style>
  <style:style style:name="Cell" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.08cm" fo:border-bottom="0.5pt solid #9bb3ba"
      fo:border-left="none" fo:border-right="none" fo:border-top="none"/>
  </style:style>
  <style:style style:name="CellSum" style:family="table-cell">
   <style:table-cell-properties fo:background-color="#e4edef" fo:padding="0.08cm"
      fo:border-bottom="0.8pt solid #1f4e5a" fo:border-left="none" fo:border-right="none"
      fo:border-top="0.8pt solid #1f4e5a"/>
  </style:style>
  <style:style style:name="PNum" style:family="paragraph"
     style:parent-style-name="Table_20_Contents">
   <style:paragraph-properties fo:text-align="end"/>
  </style:style>
  <style:style style:name="PNumH" style:family="paragraph"
     style:parent-style-name="Table_20_Heading">
   <style:paragraph-properties fo:text-align="end"/>
  </style:style>
  <style:style style:name="Sect2" style:family="section">
   <style:section-properties text:dont-balance-text-columns="false" style:editable="false">
    <style:columns fo:column-count="2" fo:column-gap="0.7cm">
     <style:column-sep style:width="0.02cm" style:color="#9bb3ba" style:height="100%"
        style:vertical-align="top"/>
    </style:columns>
   </style:section-properties>
  </style:style>
  <style:style style:name="SectToc" style:family="section">
   <style:section-properties style:editable="false"><style:columns fo:column-count="1"
      fo:column-gap="0cm"/></style:section-properties>
  </style:style>
  <style:style style:name="frBox" style:family="graphic">
   <style:graphic-properties style:wrap="parallel" style:number-wrapped-paragraphs="no-limit"
      style:wrap-contour="false"
     fo:margin-left="0.4cm" fo:margin-right="0cm" fo:margin-top="0.1cm" fo:margin-bottom="0.2cm"
     style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="right"
        style:horizontal-rel="paragraph"
     fo:background-color="#e4edef" fo:padding="0.25cm" fo:border="0.8pt solid #1f4e5a"
        draw:fill="solid" draw:fill-color="#e4edef"/>
  </style:style>
  <style:page-layout style:name="pmFront">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.5cm"
      fo:margin-bottom="2.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  </style:page-layout>
  <style:page-layout style:name="pmBody">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm"
      fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0.6cm"
      fo:margin-bottom="0.5cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"
      fo:margin-top="0.5cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pmFront"/>
  <style:master-page style:name="Front" style:page-layout-name="pmFront"/>
  <style:master-page style:name="Body" style:page-layout-name="pmBody">
   <style:header><text:p text:style-name="Header">{running_head}</text:p></style:header>
   <style:footer><text:p text:style-name="Footer">{report_no}<text:tab/><text:page-number
      text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
"""


def _inline(text: str, notes: list[int]) -> str:
    """A paragraph's text with its [[footnote]] markers written as text:note elements."""
    out, last = [], 0
    for match in NOTE.finditer(text):
        out.append(escape(text[last : match.start()], quote=False))
        notes[0] += 1
        n = notes[0]
        out.append(
            f'<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}'
            f'</text:note-citation><text:note-body><text:p text:style-name="Footnote">'
            f"{escape(match[1], quote=False)}</text:p></text:note-body></text:note>"
        )
        last = match.end()
    out.append(escape(text[last:], quote=False))
    return "".join(out)


def _table(name: str, widths: list[float], rows: list[list[str]]) -> str:
    cols = "".join(
        f'<table:table-column table:style-name="{name}.C{i}"/>' for i in range(len(widths))
    )
    out = [f'<table:table table:name="{name}" table:style-name="Tbl">{cols}']
    for r, row in enumerate(rows):
        cells = []
        for c, cell in enumerate(row):
            head = r == 0
            total = row[0] == "Sum"
            cstyle = "CellH" if head else "CellSum" if total else "Cell"
            if head:
                pstyle = "Table_20_Heading" if c == 0 else "PNumH"
            else:
                pstyle = "Table_20_Contents" if c == 0 else "PNum"
            body = escape(cell, quote=False)
            if total:
                body = f'<text:span text:style-name="T1">{body}</text:span>'
            cells.append(
                f'<table:table-cell table:style-name="{cstyle}" office:value-type="string">'
                f'<text:p text:style-name="{pstyle}">{body}</text:p></table:table-cell>'
            )
        row_xml = f"<table:table-row>{''.join(cells)}</table:table-row>"
        out.append(
            f"<table:table-header-rows>{row_xml}</table:table-header-rows>" if r == 0 else row_xml
        )
    out.append("</table:table>")
    return "".join(out)


def _column_styles(tables: list[tuple[str, list[float]]]) -> str:
    out = []
    for name, widths in tables:
        out.append(
            f'<style:style style:name="{name}" style:family="table"><style:table-properties '
            f'style:width="{sum(widths):.1f}cm" table:align="left"/></style:style>'
        )
        for i, width in enumerate(widths):
            out.append(
                f'<style:style style:name="{name}.C{i}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{width}cm"/></style:style>'
            )
    return "".join(out)


def headings() -> list[tuple[str, str, str]]:
    """Each heading's anchor, its printed number ("" for unnumbered chapters) and its title."""
    out, chapter, section = [], 0, 0
    for block in BODY:
        if block[0] == "h1":
            chapter, section = chapter + 1, 0
            out.append((block[1], str(chapter), block[2]))
        elif block[0] == "h2":
            section += 1
            out.append((block[1], f"{chapter}.{section}", block[2]))
        elif block[0] == "h1u":
            out.append((block[1], "", block[2]))
    return out


def _toc(pages: dict[str, int] | None) -> str:
    template = (
        '<text:table-of-content-entry-template text:outline-level="{level}" text:style-name='
        '"Contents_20_{level}"><text:index-entry-chapter/><text:index-entry-text/>'
        '<text:index-entry-tab-stop style:type="right" style:leader-char="."/>'
        "<text:index-entry-page-number/></text:table-of-content-entry-template>"
    )
    entries = []
    for anchor, number, title in headings():
        level = 2 if "." in number else 1
        page = (pages or {}).get(anchor, 0)
        label = f"{number} {title}" if number else title
        entries.append(
            f'<text:p text:style-name="Contents_20_{level}">{escape(label, quote=False)}'
            f"<text:tab/>{page}</text:p>"
        )
    return (
        '<text:table-of-content text:style-name="SectToc" text:protected="true" '
        'text:name="Innhald">'
        '<text:table-of-content-source text:outline-level="2" text:use-index-marks="false">'
        '<text:index-title-template text:style-name="Contents_20_Heading">Innhald'
        "</text:index-title-template>"
        + template.format(level=1)
        + template.format(level=2)
        + "</text:table-of-content-source><text:index-body>"
        '<text:index-title text:style-name="SectToc" text:name="Innhald_Head">'
        '<text:p text:style-name="Contents_20_Heading">Innhald</text:p></text:index-title>'
        + "".join(entries)
        + "</text:index-body></text:table-of-content>"
    )


def document(pages: dict[str, int] | None = None) -> str:
    """The flat ODT; `pages` gives the contents' page number of each heading's anchor."""
    notes = [0]
    body: list[str] = []
    # Cover.
    body.append('<text:p text:style-name="PCover">Nordvest Samfunnsforsking</text:p>')
    body.append('<text:p text:style-name="PTitle">Brubygging i praksis</text:p>')
    body.append(
        '<text:p text:style-name="PSubtitle">Følgjeevaluering av Næringsbrua Ramnefjorden '
        "2021–2025. Sluttrapport</text:p>"
    )
    for line in (AUTHORS.replace(", ", " og "), REPORT_NO, "Januar 2026"):
        body.append(f'<text:p text:style-name="PCoverSmall">{escape(line)}</text:p>')
    # Colophon.
    body.append('<text:p text:style-name="PNewFront">Om rapporten</text:p>')
    for key, value in COLOPHON:
        body.append(
            f'<text:p text:style-name="PColophon"><text:span text:style-name="T1">{escape(key)}:'
            f"</text:span> {escape(value)}</text:p>"
        )
    body.append(
        '<text:p text:style-name="PColophon">Nordvest Samfunnsforsking er eit uavhengig '
        "forskingsinstitutt som arbeider med regional utvikling og offentleg forvaltning.</text:p>"
    )
    # Contents, on a page of its own.
    body.append('<text:p text:style-name="PNewFront"/>')
    body.append(_toc(pages))
    tables: list[tuple[str, list[float]]] = []
    first_chapter = True
    for block in BODY:
        kind = block[0]
        if kind in ("h1", "h1u"):
            # Each numbered chapter starts a page; the summary follows the preface and the
            # references follow the recommendations on the same page.
            style = "H1Body" if first_chapter else "H1Break" if kind == "h1" else "Heading_20_1"
            first_chapter = False
            unnumbered = ' text:is-list-header="true"' if kind == "h1u" else ""
            body.append(
                f'<text:h text:style-name="{style}" text:outline-level="1"{unnumbered}>'
                f'<text:bookmark text:name="{block[1]}"/>{escape(block[2])}</text:h>'
            )
        elif kind == "h2":
            body.append(
                f'<text:h text:style-name="Heading_20_2" text:outline-level="2">'
                f'<text:bookmark text:name="{block[1]}"/>{escape(block[2])}</text:h>'
            )
        elif kind == "p":
            body.append(
                f'<text:p text:style-name="Text_20_body">{_inline(block[1], notes)}</text:p>'
            )
        elif kind == "ref":
            body.append(f'<text:p text:style-name="Reference">{escape(block[1])}</text:p>')
        elif kind in ("bullets", "numbers"):
            style = "Bullets" if kind == "bullets" else "Numbers"
            items = "".join(
                f'<text:list-item><text:p text:style-name="List_20_Paragraph">'
                f"{_inline(item, notes)}</text:p></text:list-item>"
                for item in block[1]
            )
            body.append(f'<text:list text:style-name="{style}">{items}</text:list>')
        elif kind == "table":
            _, caption, widths, rows, source = block
            name = f"Tabell{len(tables) + 1}"
            tables.append((name, widths))
            body.append(f'<text:p text:style-name="Caption">{escape(caption)}</text:p>')
            body.append(_table(name, widths, rows))
            body.append(f'<text:p text:style-name="Table_20_Source">{escape(source)}</text:p>')
        elif kind == "facts":
            _, title, lines = block
            inner = (
                '<text:p text:style-name="Frame_20_contents"><text:span text:style-name="T1">'
                f"{escape(title)}</text:span></text:p>"
            )
            inner += "".join(
                f'<text:p text:style-name="Frame_20_contents">{escape(line)}</text:p>'
                for line in lines
            )
            body.append(
                '<text:p text:style-name="Text_20_body"><draw:frame draw:style-name="frBox" '
                'draw:name="Faktaboks" text:anchor-type="paragraph" svg:width="6.2cm" '
                'draw:z-index="0">'
                f'<draw:text-box fo:min-height="3cm">{inner}</draw:text-box></draw:frame></text:p>'
            )
        elif kind == "columns":
            paras = "".join(
                f'<text:p text:style-name="Text_20_body">{_inline(p, notes)}</text:p>'
                for p in block[1]
            )
            body.append(
                '<text:section text:style-name="Sect2" text:name="Samandrag">'
                f"{paras}</text:section>"
            )
        else:
            raise ValueError(kind)
    namespaces = " ".join(f'xmlns:{key}="{value}"' for key, value in NS.items())
    meta = (
        "<office:meta>"
        f"<dc:title>{escape(TITLE)}</dc:title>"
        "<dc:subject>Sluttrapport frå følgjeevalueringa av eit regionalt "
        "næringsutviklingsprogram</dc:subject>"
        f"<meta:initial-creator>{escape(AUTHORS)}</meta:initial-creator>"
        f"<dc:creator>{escape(AUTHORS)}</dc:creator>"
        "<meta:creation-date>2026-01-20T10:00:00</meta:creation-date>"
        "<dc:date>2026-01-20T10:00:00</dc:date>"
        "<dc:language>nn-NO</dc:language>"
        "<meta:keyword>næringsutvikling</meta:keyword><meta:keyword>følgjeevaluering</meta:keyword>"
        "</office:meta>"
    )
    styles = STYLES.replace("{running_head}", escape(RUNNING_HEAD)).replace(
        "{report_no}", escape(REPORT_NO)
    )
    styles = styles.replace(
        " </office:automatic-styles>", _column_styles(tables) + "</office:automatic-styles>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {namespaces} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text">'
        f"{meta}{styles}<office:body><office:text>{''.join(body)}</office:text></office:body>"
        "</office:document>\n"
    )


def build(out: Path, pages: dict[str, int] | None = None) -> Path:
    """Write the flat ODT to `out` (its contents numbered by `pages`)."""
    out.write_text(document(pages), encoding="utf-8")
    return out
