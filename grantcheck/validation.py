"""`grantcheck validate`: check profile files against the profile model, every problem listed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grantcheck.profile import Problem, ProfileError, load_profile


@dataclass
class FileReport:
    source: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def error(self) -> ProfileError:
        return ProfileError(self.source, self.problems)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "valid": self.ok,
            "problems": [{"path": p.path, "message": p.message, "line": p.line,
                          "column": p.column, "hint": p.hint} for p in self.problems],
        }


def validate_files(paths: Iterable[str | Path]) -> list[FileReport]:
    reports = []
    for path in paths:
        try:
            load_profile(path)
            reports.append(FileReport(str(path)))
        except ProfileError as e:
            reports.append(FileReport(e.source, e.problems))
    return reports
