"""The outreach pack's words: a question per profile field in English and in the language of
each country's authorities (``data/questions.toml``: nb for Norway, sv for Sweden, da for
Denmark), and the few words around them (titles, "settles", how to write a value)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import tomli

from grantcheck.fields import all_specs, generic

LANGUAGES = ("en", "nb", "sv", "da")
COUNTRY_LANGUAGE = {"NO": "nb", "SE": "sv", "DK": "da"}


def language_of(country: str) -> str:
    """The language of a company's authorities: nb, sv or da; en for another country."""
    return COUNTRY_LANGUAGE.get(country.upper(), "en")


@cache
def _table() -> dict[str, Any]:
    text = resources.files("grantcheck").joinpath("data/questions.toml").read_text("utf-8")
    return tomli.loads(text)


def words(lang: str) -> dict[str, str]:
    """The words around the questions in ``lang`` (title, intro, settles, the kinds of value)."""
    table: dict[str, str] = _table()["words"][lang]
    return table


def asked_fields() -> dict[str, dict[str, str]]:
    """{field path: {language: question}} of every field the table words."""
    fields: dict[str, dict[str, str]] = _table()["fields"]
    return fields


def question(field: str, lang: str) -> str:
    """The question that asks ``field`` (a concrete or generic path) in ``lang``.

    An entry of a list (``network.participants[0].staff``) is asked in the words of its list,
    with the entry's field named and described (in English: the profile's own description);
    a field the table does not word (none a rule reads: a test checks) by its description."""
    path = generic(field)
    texts = asked_fields().get(path)
    if texts is not None:
        return texts[lang]
    spec = all_specs().get(path)
    described = spec.description if spec is not None else ""
    if "[]" in path:
        outer = path.split("[]", 1)[0]
        base = asked_fields().get(outer, {}).get(lang, outer)
        return f"{base} — {field}: {described}".rstrip(": ")
    return f"{field}: {described}".rstrip(": ")


def how_to_answer(field: str, lang: str) -> str:
    """How to write the value of ``field`` in the answers file, in ``lang``."""
    spec = all_specs().get(generic(field))
    if spec is None:
        return ""
    w = words(lang)
    if spec.kind == "choice":
        # written in quotes, as TOML writes a text ("limited_company")
        return w["choice" if spec.is_list else "one_of"].format(
            choices=", ".join(f'"{c}"' for c in spec.choices))
    if spec.kind == "model":  # its keys, each with how to write it: the pack is all they have
        keys = "; ".join(f"{c.path.rpartition('.')[2]} = {how_to_answer(c.path, lang)}"
                         + (f" ({w['required']})" if c.required else "")
                         for c in spec.children)
        return w["model" if spec.is_list else "table"].replace("{keys}", keys)
    if spec.is_list:
        return w["texts"]
    return w[spec.kind]
