"""The headings of the requirements catalogue the rules stand under (`grantcheck show`)."""

S_EVERY = "Every applicant"
S_TIERS = "Tiers"
S_COFINANCING_RULES = "Co-financing"
S_INVESTMENT = "Direct investment support"
S_ELIGIBLE = "Eligible activities"
S_ADVISOR = "Advisor"
S_AWARD_CRITERIA = "Award criteria"
