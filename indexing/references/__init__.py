"""A document's own citations, in three steps, each a module of pure functions over text:

- :mod:`~indexing.references.bibliography`: where the bibliography starts and its entries;
- :mod:`~indexing.references.citations`: the in-text citations, linked to those entries;
- :mod:`~indexing.references.linking`: entries linked to catalogue entries and indexed documents.
"""

from indexing.references.bibliography import parse_bibliography, split_bibliography
from indexing.references.citations import count_citations, find_citations
from indexing.references.linking import link_references

__all__ = [
    "count_citations",
    "find_citations",
    "link_references",
    "parse_bibliography",
    "split_bibliography",
]
