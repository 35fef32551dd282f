"""Reading a compact batch record (docs/batch.md, "The compact record") with its catalogue:
every finding in full, the warnings, the missing documents and the open rules, as the full
record (``match --format json``) gives them. Pure: dicts in, dicts out; written by
:mod:`grantcheck.render.compact`."""

from __future__ import annotations

from typing import Any

from grantcheck.engine.checks import Outcome
from grantcheck.engine.messages import FROM_FIELDS

COMPANY = "{company}"  # in a usual finding's message or fix: the profile's company name
FIX_OUTCOMES = (Outcome.FAIL, Outcome.UNKNOWN, Outcome.WARNING)  # a fix is shown on these


def findings_of(record: dict[str, Any], catalogue: dict[str, Any]
                ) -> dict[str, list[dict[str, Any]]]:
    """Scheme id -> the findings of the rules that did not pass, as the full record writes
    them (``rule``, ``title``, ``kind``, ``outcome``, ``message``, ``tier``, ``fix``,
    ``missing_fields``, ``source``), from a compact ``record`` (parsed) and its ``catalogue``
    (ValueError when they do not go together)."""
    if (record.get("record"), record.get("rule_set_digest")) != (
            catalogue["catalogue"], catalogue["rule_set_digest"]):
        raise ValueError("the record and the catalogue are not of the same format and rule set")
    cites, messages = catalogue["citations"], catalogue["messages"]
    name = record["profile"]["name"]
    entries = {s["id"]: s for s in catalogue["schemes"]}
    rules = {r["id"]: r for s in catalogue["schemes"] for r in s["rules"]}
    out: dict[str, list[dict[str, Any]]] = {}
    for scheme in record["schemes"]:
        found = out[scheme["id"]] = []
        for item in open_entries(scheme, entries[scheme["id"]]):
            if isinstance(item, str):  # the usual finding: the company named where it is
                rule = rules[item]
                said = dict(rule["usual"])
                said["message"] = said["message"].replace(COMPANY, name)
                if said.get("fix"):
                    said["fix"] = said["fix"].replace(COMPANY, name)
            else:
                rule = rules[item["rule"]]
                said = _words(item, messages)
            f: dict[str, Any] = {"rule": rule["id"], "title": rule["title"],
                                 "kind": rule["kind"], "outcome": said["outcome"],
                                 "message": said["message"]}
            if rule["tier"]:
                f["tier"] = rule["tier"]
            if said.get("fix") and said["outcome"] in FIX_OUTCOMES:
                f["fix"] = said["fix"]
            if said.get("missing_fields"):
                f["missing_fields"] = said["missing_fields"]
            f["source"] = [cites[c] for c in rule["cites"]]
            found.append(f)
    return out


def warnings_of(record: dict[str, Any], catalogue: dict[str, Any]) -> list[str]:
    """A compact record's warnings as the full record gives them: its own, then the catalogue's
    horizon warning of each scheme its ``horizon_warnings`` names."""
    horizon = {s["id"]: s["horizon_warning"] for s in catalogue["schemes"]}
    own: list[str] = record["warnings"]
    return own + [horizon[i] for i in record.get("horizon_warnings", [])]


def missing_documents_of(scheme: dict[str, Any], entry: dict[str, Any]) -> list[str]:
    """A record scheme's ``missing_documents``, however the record names them (``entry``: the
    catalogue's scheme)."""
    if "missing_documents" in scheme:
        ids: list[str] = scheme["missing_documents"]
        return ids
    held = set(scheme["missing_documents_except"])
    return [d["id"] for d in entry["documents"]
            if d["stage"] == "application" and d["id"] not in held]


def open_entries(scheme: dict[str, Any], entry: dict[str, Any]) -> list[str | dict[str, Any]]:
    """A record scheme's ``open`` entries, in the rules' order, with the usual findings that
    ``usual_except`` names by the rules they are not (``entry``: the catalogue's scheme)."""
    if "usual_except" not in scheme:
        return list(scheme["open"])
    written = {item["rule"]: item for item in scheme["open"]}
    passed = set(scheme["usual_except"])
    out: list[str | dict[str, Any]] = []
    for rule in entry["rules"]:
        rid = rule["id"]
        if rid in written:
            out.append(written[rid])
        elif rule["usual"] is not None and rid not in passed:
            out.append(rid)
    return out


def _words(item: dict[str, Any], messages: dict[str, Any]) -> dict[str, Any]:
    """A record's finding with its message and fix in words: a template's made from its
    values (a fix of the finding's own words stands)."""
    if "template" not in item:
        return item
    template = messages[item["template"]]
    fields = item.get("missing_fields", [])
    values = {**{name: sep.join(fields) for name, sep in FROM_FIELDS.items()},
              **item.get("values", {})}
    said = dict(item, message=template["message"].format_map(values))
    if "fix" not in item and template["fix"]:
        said["fix"] = template["fix"].format_map(values)
    return said
