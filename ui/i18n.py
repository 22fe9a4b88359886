"""Every label and message of the app, in bokmål (the default) and English."""

from __future__ import annotations

from typing import Literal

Language = Literal["nb", "en"]
LANGUAGES: dict[Language, str] = {"nb": "Norsk (bokmål)", "en": "English"}
DEFAULT: Language = "nb"

TEXTS: dict[str, dict[Language, str]] = {
    # navigation and shared
    "nav.chat": {"nb": "Spør", "en": "Ask"},
    "nav.roles": {"nb": "Roller", "en": "Roles"},
    "nav.brief": {"nb": "Verkstedsnotat", "en": "Workshop brief"},
    "nav.library": {"nb": "Bibliotek", "en": "Library"},
    "nav.evaluation": {"nb": "Evaluering", "en": "Evaluation"},
    "language": {"nb": "Språk", "en": "Language"},
    "choose": {"nb": "Velg", "en": "Choose"},
    "service.down": {
        "nb": "Tjenesten svarer ikke på {url}. Start den med `make run` (tjeneste og app "
        "sammen) eller `policy-assistant serve`, og last siden på nytt.",
        "en": "The service does not answer at {url}. Start it with `make run` (service and app "
        "together) or `policy-assistant serve`, then reload this page.",
    },
    "service.not_ready": {
        "nb": "Tjenesten kjører, men har ingen indeks ennå. Kjør `policy-assistant index` og last "
        "siden på nytt. ({detail})",
        "en": "The service is running but has no index yet. Run `policy-assistant index`, then "
        "reload this page. ({detail})",
    },
    "service.error": {
        "nb": "Tjenesten svarte med en feil: {detail}",
        "en": "The service answered with an error: {detail}",
    },
    "in_library": {"nb": "i biblioteket", "en": "in the library"},
    "not_in_library": {"nb": "ikke i biblioteket", "en": "not in the library"},
    "page": {"nb": "s.", "en": "p."},
    "no_year": {"nb": "u.å.", "en": "n.d."},
    # chat
    "chat.title": {"nb": "Spør litteraturen", "en": "Ask the literature"},
    "chat.caption": {
        "nb": "Hver setning i svaret er et ordrett sitat med dokument, del og side, eller et "
        "klart svar om at litteraturen ikke dekker spørsmålet. Spør på bokmål, nynorsk, "
        "engelsk eller svensk.",
        "en": "Every sentence of an answer is a literal quote with its document, section and "
        "page, or a plain statement that the literature does not cover the question. Ask in "
        "bokmål, nynorsk, English or Swedish.",
    },
    "chat.input": {"nb": "Still et spørsmål om litteraturen", "en": "Ask about the literature"},
    "chat.thinking": {"nb": "Leter i litteraturen …", "en": "Searching the literature …"},
    "chat.standalone": {"nb": "Søkte etter: «{question}»", "en": "Searched for: “{question}”"},
    "chat.refusal": {
        "nb": "Litteraturen dekker ikke dette spørsmålet.",
        "en": "The literature does not cover this question.",
    },
    "chat.related": {
        "nb": "Kanskje beslektet (de nærmeste passasjene)",
        "en": "Possibly related (the closest passages)",
    },
    "chat.sources": {"nb": "Kilder", "en": "Sources"},
    "chat.flagged": {
        "nb": "Setninger kildene ikke støtter",
        "en": "Sentences their sources do not support",
    },
    "chat.supported": {"nb": "støttet", "en": "supported"},
    "chat.unsupported": {"nb": "ikke støttet", "en": "not supported"},
    "chat.sentences": {"nb": "Støtte per setning", "en": "Support per sentence"},
    "chat.notice": {"nb": "Merk: {notice}", "en": "Note: {notice}"},
    "chat.reset": {
        "nb": "Språkmodellen feilet; svaret under er hentet ordrett fra kildene.",
        "en": "The language model failed; the answer below is quoted from the sources.",
    },
    "sidebar.settings": {"nb": "Innstillinger", "en": "Settings"},
    "sidebar.mode": {"nb": "Svarmåte", "en": "Answer mode"},
    "sidebar.mode.extractive": {"nb": "Sitater (uten språkmodell)", "en": "Quotes (no LLM)"},
    "sidebar.mode.llm": {"nb": "Språkmodell ({model})", "en": "Language model ({model})"},
    "sidebar.top_k": {"nb": "Antall kilder", "en": "Number of sources"},
    "sidebar.documents": {"nb": "Bare disse dokumentene", "en": "Only these documents"},
    "sidebar.years": {"nb": "Utgivelsesår", "en": "Publication years"},
    "sidebar.new": {"nb": "Ny samtale", "en": "New conversation"},
    "sidebar.download": {"nb": "Last ned samtalen (Markdown)", "en": "Download (Markdown)"},
    # one source
    "source.quote": {"nb": "Sitatet i sin passasje", "en": "The quote in its passage"},
    "source.context": {
        "nb": "Vis hele passasjen og naboene",
        "en": "Show the whole passage and its neighbours",
    },
    "source.position": {
        "nb": "Passasje {index} av {count} i dokumentet",
        "en": "Passage {index} of {count} in the document",
    },
    "source.before": {"nb": "Foran", "en": "Before"},
    "source.after": {"nb": "Etter", "en": "After"},
    "source.cites": {"nb": "Verk sitatet viser til", "en": "Works the quote cites"},
    "source.no_cites": {
        "nb": "Sitatet viser ikke til andre verk.",
        "en": "The quote cites no other work.",
    },
    # roles
    "roles.title": {"nb": "Rolleutforsker", "en": "Role explorer"},
    "roles.caption": {
        "nb": "Hva litteraturen sier om kommunens roller i næringsutvikling, hentet fra de "
        "indekserte dokumentene med kilder.",
        "en": "What the literature says about the municipality's roles in business development, "
        "retrieved from the indexed documents with sources.",
    },
    "roles.role": {"nb": "Rolle", "en": "Role"},
    "roles.compare": {"nb": "Sammenlign med", "en": "Compare with"},
    "roles.none": {"nb": "(ingen)", "en": "(none)"},
    "roles.says": {"nb": "Hva litteraturen sier", "en": "What the literature says"},
    "roles.documents": {"nb": "Dokumenter som drøfter rollen", "en": "Documents discussing it"},
    "roles.works": {
        "nb": "Verk litteraturen viser til om rollen",
        "en": "Works the literature cites about it",
    },
    "roles.no_works": {"nb": "Ingen henvisninger funnet.", "en": "No citations found."},
    "roles.questions": {"nb": "Spørsmål å stille", "en": "Questions to ask"},
    "roles.part_of": {"nb": "Del av rollen {parent}", "en": "Part of the {parent} role"},
    # brief
    "brief.title": {"nb": "Verkstedsnotat", "en": "Workshop brief"},
    "brief.caption": {
        "nb": "Velg roller eller tema og få nøkkelsitater med fulle kilder, relevante verk og "
        "spørsmål til diskusjon. Rediger notatet her og last det ned.",
        "en": "Choose roles or themes and get key quotes with full citations, the relevant "
        "works and discussion questions. Edit the brief here and download it.",
    },
    "brief.roles": {"nb": "Roller", "en": "Roles"},
    "brief.themes": {"nb": "Tema", "en": "Themes"},
    "brief.custom": {
        "nb": "Eget tema (valgfritt)",
        "en": "Your own theme (optional)",
    },
    "brief.quotes_per_topic": {"nb": "Sitater per tema", "en": "Quotes per topic"},
    "brief.build": {"nb": "Lag notat", "en": "Build the brief"},
    "brief.choose": {
        "nb": "Velg minst én rolle eller ett tema.",
        "en": "Choose at least one role or theme.",
    },
    "brief.heading": {"nb": "Verkstedsnotat: {topics}", "en": "Workshop brief: {topics}"},
    "brief.quotes": {"nb": "Nøkkelsitater", "en": "Key quotes"},
    "brief.no_quotes": {
        "nb": "Litteraturen dekker ikke dette temaet.",
        "en": "The literature does not cover this topic.",
    },
    "brief.references": {"nb": "Relevante verk", "en": "Relevant works"},
    "brief.discussion": {"nb": "Spørsmål til diskusjon", "en": "Questions for discussion"},
    "brief.from_paper": {"nb": "fra litteraturen", "en": "from the literature"},
    "brief.sources": {"nb": "Kilder", "en": "Sources"},
    "brief.edit": {"nb": "Rediger notatet (Markdown)", "en": "Edit the brief (Markdown)"},
    "brief.download_md": {"nb": "Last ned (Markdown)", "en": "Download (Markdown)"},
    "brief.download_docx": {"nb": "Last ned (Word)", "en": "Download (Word)"},
    "brief.include": {"nb": "Ta med", "en": "Include"},
    # library
    "library.title": {"nb": "Bibliotek", "en": "Library"},
    "library.caption": {
        "nb": "Dokumentene i indeksen, og verkene de viser til.",
        "en": "The documents in the index, and the works they cite.",
    },
    "library.documents": {"nb": "Dokumenter", "en": "Documents"},
    "library.bibliography": {"nb": "Litteraturliste", "en": "Bibliography"},
    "library.in_count": {
        "nb": "{inside} av {total} verk i litteraturlisten er i biblioteket.",
        "en": "{inside} of {total} works in the bibliography are in the library.",
    },
    "library.add": {"nb": "Legg til et dokument", "en": "Add a document"},
    "library.how_to_add": {
        "nb": "Legg filen (PDF, Word, Markdown eller tekst) i korpusmappen ({folder}), før den "
        "opp i `catalogue.yaml` med tittel, forfattere og år, og kjør `policy-assistant index`. "
        "Mens tjenesten kjører, ber kommandoen tjenesten om å indeksere på nytt.",
        "en": "Put the file (PDF, Word, Markdown or text) in the corpus folder ({folder}), list "
        "it in `catalogue.yaml` with title, authors and year, and run `policy-assistant index`. "
        "While the service runs, the command asks it to re-index.",
    },
    "library.admin_key": {"nb": "Administratornøkkel", "en": "Admin key"},
    "library.file": {"nb": "Fil", "en": "File"},
    "library.upload": {"nb": "Last opp og indekser", "en": "Upload and index"},
    "library.indexing": {"nb": "Indekserer {name} …", "en": "Indexing {name} …"},
    "library.indexed": {"nb": "{name} er indeksert.", "en": "{name} is indexed."},
    "library.upload_failed": {
        "nb": "Opplastingen feilet: {detail}",
        "en": "The upload failed: {detail}",
    },
    "library.unsupported": {
        "nb": "Denne tjenesten tar ikke imot opplastinger.",
        "en": "This service does not take uploads.",
    },
    "library.warning": {
        "nb": "{title}: {instructions} setning(er) som gir ordre til leseren eller en "
        "assistent (siteres aldri), {hidden} tekstbit(er) en leser ikke kan se (usynlig, "
        "i sidens farge, bitteliten eller utenfor siden; ikke indeksert).",
        "en": "{title}: {instructions} sentence(s) giving orders to the reader or an "
        "assistant (never quoted), {hidden} passage(s) a reader cannot see (invisible, in the "
        "page's colour, tiny or off the page; not indexed).",
    },
    "library.col.title": {"nb": "Tittel", "en": "Title"},
    "library.col.authors": {"nb": "Forfattere", "en": "Authors"},
    "library.col.year": {"nb": "År", "en": "Year"},
    "library.col.language": {"nb": "Språk", "en": "Language"},
    "library.col.pages": {"nb": "Sider", "en": "Pages"},
    "library.col.chunks": {"nb": "Passasjer", "en": "Passages"},
    "library.col.cited": {"nb": "Sitert", "en": "Cited"},
    "library.col.work": {"nb": "Verk", "en": "Work"},
}


def t(key: str, language: Language, **values: object) -> str:
    """The text for a key in a language, with values filled in."""
    text = TEXTS[key][language]
    return text.format(**values) if values else text
