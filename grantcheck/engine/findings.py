"""What a rule found for a profile: :class:`Finding` (made by :func:`~.rules.findings_of`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from grantcheck.engine.checks import Outcome, Text, text_of
from grantcheck.engine.messages import Said

if TYPE_CHECKING:
    from grantcheck.engine.rules import Rule


class Finding:
    """What a rule found for a profile: its outcome, message, fix and the fields that would
    settle it. A template's message and fix (:class:`Said`, its values made) are made into
    words the first time they are read: a path that never shows them (a rule that passed, a
    compact record's finding named by its template) never makes them."""

    __slots__ = ("_fix", "_message", "missing", "outcome", "rule", "said")

    def __init__(self, rule: Rule, outcome: Outcome, message: Text, fix: Text = "",
                 missing: tuple[str, ...] = (), said: Said | None = None) -> None:
        self.rule, self.outcome, self.missing = rule, outcome, missing
        self._message, self._fix = message, fix
        self.said = said  # the template and values the message is made from, when it is

    @property
    def message(self) -> str:
        m = self._message
        if type(m) is not str:
            m = self._message = text_of(m)
        return m

    @property
    def fix(self) -> str:
        f = self._fix
        if type(f) is not str:
            f = self._fix = text_of(f)
        return f

    def with_fix(self, fix: str) -> Finding:
        """This finding with the fix ``fix`` (the template is then not its words)."""
        return Finding(self.rule, self.outcome, self.message, fix, self.missing)

    def _key(self) -> tuple[object, ...]:
        return (self.rule, self.outcome, self.message, self.fix, self.missing)

    def __eq__(self, other: object) -> bool:
        return type(other) is Finding and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Finding(rule={self.rule.id!r}, outcome={self.outcome.value!r}, "
                f"message={self.message!r}, fix={self.fix!r}, missing={self.missing!r})")

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "rule": self.rule.id,
            "title": self.rule.title,
            "kind": self.rule.kind.value,
            "outcome": self.outcome.value,
            "message": self.message,
        }
        if self.rule.tier:
            out["tier"] = self.rule.tier
        if self.fix and self.outcome in (Outcome.FAIL, Outcome.UNKNOWN, Outcome.WARNING):
            out["fix"] = self.fix
        if self.missing:
            out["missing_fields"] = list(self.missing)
        out["source"] = [c.to_json() for c in self.rule.cites]
        return out
