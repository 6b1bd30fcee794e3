"""Recall on identifiers phiscrub's own word lists do not know: the honest part of the figure.

The synthetic names come from Faker, not from the census and gender-guesser lists phiscrub's
name recognizer consults, so some gold name tokens are in those lists and some are not. Recall
on the ones that are not shows how the recognizers generalise beyond their dictionaries.
Used for reporting only, never by the generator.
"""

from __future__ import annotations

from .. import entities as E
from .evaluation import TokenGroup

NAME_OUTSIDE = "NAME tokens outside phiscrub's name lexicon"


def subgroups() -> dict[str, TokenGroup]:
    """Token groups for the evaluator; empty when phiscrub's lexicons cannot be loaded."""
    try:
        from ..text.lexicons import load_lexicons

        lex = load_lexicons()
        names = lex.first_names | lex.last_names
    except Exception:  # the lexicon module is optional for the benchmark: report without it
        return {}

    def name_outside(entity: str, token: str) -> bool:
        return entity == E.NAME and token.isalpha() and len(token) > 1 and token.lower() not in names

    return {NAME_OUTSIDE: name_outside}
