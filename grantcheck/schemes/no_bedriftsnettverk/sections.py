"""The headings of the requirements catalogue the rules stand under (`grantcheck show`)."""

S_STATUS = "Status"
S_APPLICANT = "Applicant"
S_NETWORK = "Network (minimum requirements)"
S_MONEY = "Money"
S_COSTS = "Eligible costs"
