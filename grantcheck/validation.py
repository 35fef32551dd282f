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
    """A report per file; a folder is searched for *.toml files as ``batch`` searches it."""
    reports = []
    for path in paths:
        if Path(path).is_dir():
            reports += _folder_reports(str(path))
            continue
        try:
            load_profile(path)
            reports.append(FileReport("<stdin>" if str(path) == "-" else str(path)))
        except ProfileError as e:
            reports.append(FileReport(e.source, e.problems))
    return reports


def _folder_reports(folder: str) -> list[FileReport]:
    from grantcheck.batch.paths import path_tasks

    tasks = list(path_tasks([folder]))
    if not tasks:
        return [FileReport(folder, [Problem("", "a folder with no *.toml file in it")])]
    return [report for t in tasks for report in (
        validate_files([t.payload]) if t.kind == "toml"
        else [FileReport(t.source, [Problem("", str(t.payload))])])]
