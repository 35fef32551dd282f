"""User-facing errors: one message naming the file, line and field, a hint, exit code 2."""

from __future__ import annotations

from grantcheck.profile import Problem, ProfileError

EXIT_FIT = 0
EXIT_NO_FIT = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
EXIT_SOME_FAILED = 4  # batch: some inputs could not be checked; the rest were written
EXIT_INTERRUPTED = 130  # 128 + SIGINT; batch gives 143 (128 + SIGTERM) for SIGTERM
EXIT_PIPE_CLOSED = 141  # batch: stdout was closed by its reader (128 + SIGPIPE, as a shell filter)


class UserError(Exception):
    """A mistake of the user's: its message, and a hint when there is a fix to name."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.message, self.hint = message, hint

    def __str__(self) -> str:
        return self.message


# control characters (a file name with a newline, an escape sequence) made visible in a message
VISIBLE = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7f, 0xa0))}


def format_problem(source: str, p: Problem) -> str:
    where = source.translate(VISIBLE)
    if p.line is not None:
        where += f":{p.line}"
        if p.column is not None:
            where += f":{p.column}"
    text = f"{where}: {p.path}: {p.message}" if p.path else f"{where}: {p.message}"
    return text.translate(VISIBLE)


def profile_error_lines(e: ProfileError) -> list[str]:
    """Every problem as an 'Error: …' line, each followed by its 'Hint: …' line if any."""
    out = []
    for p in e.problems:
        out.append("Error: " + format_problem(e.source, p))
        if p.hint:
            out.append("Hint: " + p.hint)
    return out
