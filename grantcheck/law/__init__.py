"""Shared legal building blocks, written once and cited: the EU SME definition (:mod:`.sme`),
the de minimis regulations (:mod:`.de_minimis`), the GBER articles the schemes rest on
(:mod:`.gber`), the date arithmetic of periods and windows (:mod:`.dates`) and the warning for
an applicant outside the country a page speaks of (:mod:`.country`)."""
