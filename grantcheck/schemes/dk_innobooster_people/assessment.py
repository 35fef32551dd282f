"""Innobooster People's rules for "Vurderingskriterier" and "Bedømmelsesprocessen": IP27–IP38.

The knowledge-based start-up declaration (binding); the assessment criteria as INFO rules
grantcheck lists but cannot decide; the form's character limits, CVs of at most 2 pages, PDF
attachments of at most 25 MB together (hard: a breach can mean rejection "uden
realitetsbehandling"), and a pitch deck of about 12 slides (soft).
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from grantcheck.engine import Check, Ctx, Kind, Message, RuleBook, info
from grantcheck.money import format_amount
from grantcheck.parameters import Parameter
from grantcheck.schemes.dk_innobooster_people.page import (
    C_CHALLENGES,
    C_COVID_NEED,
    C_CV_PAGES,
    C_DEV_TASKS,
    C_DEVELOPMENT,
    C_FIRST_COME,
    C_FORMAL,
    C_KNOWLEDGE,
    C_PDF,
    C_PITCH_TOPICS,
    C_POTENTIAL,
    C_RESULTS,
    C_SLIDES,
    C_TEAM,
    C_VALIDATED,
    S_APPLICANT,
    S_DOCUMENTS,
)
from grantcheck.schemes.dk_innobooster_people.parameters import (
    ATTACHMENTS_MAX_MB,
    CHALLENGES_MAX,
    CV_MAX_PAGES,
    DEVELOPMENT_MAX,
    GROWTH_FROM_YEARS,
    GROWTH_TO_YEARS,
    RESULTS_MAX,
    SLIDES,
    SLIDES_TOLERANCE,
)

rules = RuleBook()


rules.declaration("IP27", "The company is a knowledge-based start-up with an innovative solution",
                  "knowledge_based_startup", cites=[C_KNOWLEDGE], section=S_APPLICANT)


@rules.rule("IP28", "Assessed: novelty",
            section=S_APPLICANT, kind=Kind.INFO, cites=[C_KNOWLEDGE, C_DEV_TASKS])
def novelty(ctx: Ctx) -> Check:
    """Nyhedsværdi: assessed by Innovationsfonden."""
    return info("assessed by Innovationsfonden, not decided here: a knowledge-based start-up "
                "with an innovative solution, whose funded employees do development work")


@rules.rule("IP29", "Assessed: business potential within 3–5 years",
            section=S_APPLICANT, kind=Kind.INFO, cites=[C_POTENTIAL])
def business_potential(ctx: Ctx) -> Check:
    """Forretningsmæssigt potentiale: assessed by Innovationsfonden."""
    return T_POTENTIAL.info(low=GROWTH_FROM_YEARS.at(ctx.on), high=GROWTH_TO_YEARS.at(ctx.on))


T_POTENTIAL = Message("assessed by Innovationsfonden, not decided here: a plausible substantial "
                      "growth and earnings within {low}–{high} years")


@rules.rule("IP30", "Assessed: validated results and a strong team",
            section=S_APPLICANT, kind=Kind.INFO, cites=[C_VALIDATED, C_TEAM])
def execution(ctx: Ctx) -> Check:
    """Gennemførsel: assessed by Innovationsfonden."""
    return info("assessed by Innovationsfonden, not decided here: the company and its results "
                "are commercially and/or technologically validated; a strong, qualified team")


@rules.rule("IP31", "Assessed: a clear need for the grant because of COVID-19",
            section=S_APPLICANT, kind=Kind.INFO, cites=[C_COVID_NEED, C_FIRST_COME])
def covid_need(ctx: Ctx) -> Check:
    """Økonomisk effekt: assessed by Innovationsfonden."""
    return info("assessed by Innovationsfonden, not decided here: a clear COVID-19-based need to "
                "keep the development capacity, value-creating results likely, the investment in "
                "proportion; qualified applications are funded in the order they were sent "
                "while the budget lasts")


def _text_limit(ctx: Ctx, path: str, limit: Parameter[int], what: str) -> Check:
    n: int = ctx.need(path)
    most = limit.at(ctx.on)
    return T_TEXT_LIMIT.check(n <= most, text=what, chars=f"{n:,}", most=f"{most:,}",
                              over=f"{n - most:,}")


T_TEXT_LIMIT = Message("{text}: {chars} characters incl. spaces; at most {most}",
                       fix="shorten the text by {over} characters: a form breach can mean "
                       "rejection without assessment")


@rules.rule("IP32", "The challenges text is at most 3,000 characters",
            section=S_DOCUMENTS, kind=Kind.HARD,
            cites=[C_CHALLENGES, C_FORMAL], reads=["application.challenges_chars"])
def challenges_text(ctx: Ctx) -> Check:
    """'Udfordringerne: … (maks. 3000 tegn inkl. mellemrum)'."""
    return _text_limit(ctx, "application.challenges_chars", CHALLENGES_MAX, "challenges")


@rules.rule("IP33", "The development text is at most 2,000 characters",
            section=S_DOCUMENTS, kind=Kind.HARD,
            cites=[C_DEVELOPMENT, C_FORMAL], reads=["application.development_chars"])
def development_text(ctx: Ctx) -> Check:
    """'Udviklingsaktiviteterne: … (maks. 2000 tegn inkl. mellemrum)'."""
    return _text_limit(ctx, "application.development_chars", DEVELOPMENT_MAX,
                       "development activities")


@rules.rule("IP34", "The results text is at most 2,000 characters",
            section=S_DOCUMENTS, kind=Kind.HARD,
            cites=[C_RESULTS, C_FORMAL], reads=["application.results_chars"])
def results_text(ctx: Ctx) -> Check:
    """'Resultaterne: … (maks. 2000 tegn inkl. mellemrum)'."""
    return _text_limit(ctx, "application.results_chars", RESULTS_MAX, "results")


@rules.rule("IP35", "The pitch deck has about 12 slides", section=S_DOCUMENTS, kind=Kind.SOFT,
            cites=[C_SLIDES, C_PITCH_TOPICS], reads=["application.pitch_deck_slides"])
def pitch_deck_slides(ctx: Ctx) -> Check:
    """'Pitch decket skal bestå af ca. 12 slides.'"""
    n: int = ctx.need("application.pitch_deck_slides")
    target, tol = SLIDES.at(ctx.on), SLIDES_TOLERANCE.at(ctx.on)
    return T_SLIDES.check(abs(n - target) <= tol, slides=n, target=target, low=target - tol,
                          high=target + tol)


T_SLIDES = Message("{slides} slides; about {target} asked for (grantcheck accepts {low}–{high} "
                   "without a warning)",
                   fix="bring the deck close to {target} slides, or be ready to explain its length")


@rules.rule("IP36", "Each CV is at most 2 pages",
            section=S_DOCUMENTS, kind=Kind.HARD, cites=[C_CV_PAGES, C_FORMAL],
            reads=["application.cv_max_pages"])
def cv_pages(ctx: Ctx) -> Check:
    """'CV'er på de personer, der søges investering til (maks. 2 sider pr. person)'."""
    n: int = ctx.need("application.cv_max_pages")
    most = CV_MAX_PAGES.at(ctx.on)
    return T_CV_PAGES.check(n <= most, pages=n, most=most)


T_CV_PAGES = Message("longest CV {pages} pages; at most {most} per person",
                     fix="shorten the CVs to {most} pages each: a form breach can mean rejection "
                     "without assessment")


@rules.rule("IP37", "The pitch deck and CVs are PDF files", section=S_DOCUMENTS, kind=Kind.HARD,
            cites=[C_PDF, C_FORMAL], reads=["application.attachments_pdf"])
def attachments_pdf(ctx: Ctx) -> Check:
    """'Pitch deck og CV'er skal uploades i PDF-format'."""
    v: bool = ctx.need("application.attachments_pdf")
    return T_PDF.check(v, pdf=str(v).lower())


T_PDF = Message("application.attachments_pdf = {pdf}",
                fix="upload the pitch deck and the CVs as PDF")


@rules.rule("IP38", "The pitch deck and CVs are at most 25 MB together",
            section=S_DOCUMENTS, kind=Kind.HARD,
            cites=[C_PDF, C_FORMAL], reads=["application.attachments_mb"])
def attachments_size(ctx: Ctx) -> Check:
    """'[Pitch deck og CV'er] må tilsammen maksimalt fylde 25 MB.'"""
    mb: Decimal = ctx.need("application.attachments_mb")
    most = ATTACHMENTS_MAX_MB.at(ctx.on)
    return T_ATTACHMENTS_SIZE.check(mb <= most, mb=format_amount(mb), most=format_amount(most),
                                    over=partial(format_amount, mb - most))


T_ATTACHMENTS_SIZE = Message("attachments {mb} MB together; at most {most} MB",
                             fix="reduce the PDFs by {over} MB")


