"""From a registry screening to an office's work: the outreach pack and the shortlist (issue 21).

The screening runs in this process over the same inputs as ``grantcheck batch`` (a registry's
bulk file, ``--profiles`` answers laid over it: :func:`~grantcheck.outreach.screen.screen`), so
the registry's facts are at hand to pre-fill each company's answers file; each company is
checked, written and forgotten, keeping only a small row for the ranking
(:class:`~grantcheck.outreach.rank.Row`) and counters for the portfolio summary.

Modules: :mod:`.screen` (the screening, the questions that settle a company's open schemes),
:mod:`.questions` (the question texts in en, nb, sv and da, ``data/questions.toml``),
:mod:`.rank` (the ranking and the portfolio's counts), :mod:`.pack` (the files of the pack).
"""
