"""Round twelve: patterns the fact-free check reads on text it has never seen (every sentence here is ours).

Each pattern kind has must-flag and must-pass texts: a text in ``FLAG`` must get F001 on exactly the figures listed,
one in ``PASS`` no F001 or F002 at all. Each is checked with the bundled source registry and without one (as the
held-out sets are scored).

1. "Speculation" as trading ("retail speculation drove a 300% run", "heavy speculation on memecoin
   prices") is no rumour word; as talk ("speculation that a fund lost ...") it still is (phrases.yaml ``rumor``).
2. A platform full of claims with no one named ("Reddit erupted with claims of ...") marks the claim as a rumour.
3. The writer reading a source's data in the first person ("we saw from Velo data that") or checking the records
   ("I checked his position records"), and "from X data" without a possessive (phrases.yaml ``attribution``; frames
   ``_noun_left``).
4. A credit alone in parentheses after the figures: "(per chainpulse)" for a name no registry knows, "(ChainPulse)"
   after a figure with a suffix ("$4.1B"), which is no name of its own (frames ``_in_parens``).
5. Verbs that report only with a value ("put longs at $300 million"; ``frames: valuing_verbs``): "she placed a $90
   million long" is a trade; a verb's form after a possessive is a noun ("BTC's share rose").
6. "gains of" is market context that a credit of liquidation data told at its sentence's end does not carry to.
7. A speaker's verb before a quotation credits the quotation only, not a figure in a fronted clause of time before it
   ("When the fund closed its $2bn purchase of the exchange, its founder posted “...”": phrases.yaml ``quote_only``).
8. A heading over a report's findings ("## Key findings") under an opening that says a named publisher released the
   report credits its section (phrases.yaml ``report_findings``).
9. Patterns from real pages read this round, reworded: unnamed relays as the subject of a reporting verb ("market alert
   services reported", "market coverage noted"); who tied wallets to an owner ("investigators linked 40 wallets"),
   never the participle ("losses linked to the exploit"); "via" before a venue's role noun is where a trade ran ("a 40x
   long via the trading platform X"), not a source.
"""

from __future__ import annotations

import pytest

from check_support import flagged_and_expected, found_either_way


FLAG = [
    # 1. the trading sense leaves the figure bare, in its sentence and in the next one
    ("1", "Retail speculation drove the token up 300% in 2019 before a 60% slide the next year.", {"300%", "60%"}),
    ("1", "Heavy speculation on memecoin prices had built up for weeks. By Sunday night, more than 9,000 traders had been "
          "liquidated.", {"9,000 traders"}),
    ("1", "Leveraged speculation pushed open interest to $40 billion.", {"$40 billion"}),
    # 2. a platform's claims are a rumour only when the platform is full of them
    ("2", "Reddit users lost $300 million in longs.", {"$300 million"}),
    # 3. first person without data, or reading an uncredited chart
    ("3", "On Friday, we saw traders lose over $400 million in liquidations.", {"$400 million"}),
    ("3", "We see from the chart above that longs lost $400 million.", {"$400 million"}),
    ("3", "I checked the price this morning and it was $1.41.", {"$1.41"}),
    # 4. a parenthesis that is an aside, or a ticker after its asset's name
    ("4", "- **Weekly total:** $4.1B (mostly longs).", {"$4.1B"}),
    ("4", "Hyperliquid (HYPE) rose 4% on the day.", {"4%"}),
    # 5. a trade, a purchase, and a possessive's noun
    ("5", "She placed a $90 million long with 25x leverage on Tuesday, and by Thursday it had lost $12 million.",
     {"$90 million", "25x", "$12 million"}),
    # ...whose "at" is the trade's price, after an amount: no valuation
    ("5", "He placed a $40 million short at $3,100 on Monday.", {"$40 million", "$3,100"}),
    ("5", "The fund put $5 million into ether on Monday.", {"$5 million"}),
    ("5", "Solana’s share of open interest fell to 6.5% from 8%.", {"6.5%", "8%"}),
    # 6. price gains after a credit told at the end of its sentence
    ("6", "Shorts gave up $150 million over the session, Velo's dashboard shows. ADA and DOT booked gains of roughly 15% in "
          "the same hours.", {"15%"}),
    # 7. the figure set before the speaker's quotation
    ("7", "When the fund closed its $2bn purchase of the exchange, its founder posted “a new chapter begins” to his followers.",
     {"$2bn"}),
    ("7", "After longs lost $300 million in an hour, Lee said: “It was a bloodbath.”", {"$300 million"}),
    # 8. findings with no release named before them, or under another heading
    ("8", "Longs lost heavily.\n\n## Key findings\n\nLongs lost $2.1B over the month.", {"$2.1B"}),
    # ...or opening on the release verb itself, no publisher named before it (read without error)
    ("8", "Released this weekly review late, the desk added little.\n\n## Key findings\n\nLongs lost $2.1B over the month.", {"$2.1B"}),
    ("8", "Velo published its monthly derivatives report on Tuesday.\n\n## What happened next\n\nLongs lost $2.1B over the "
          "month.", {"$2.1B"}),
    # 9. a participle, a venue's verb, a trade's venue
    ("9", "Losses linked to the exploit reached $40 million.", {"$40 million"}),
    ("9", "Losses traced to the exploit reached $40 million.", {"$40 million"}),
    ("9", "Several exchanges saw over $90 million in short liquidations in one hour.", {"$90 million"}),
    ("9", "Lee still had a 40x ether long open via the decentralised platform Hyperliquid.", {"40x"}),
]

PASS = [
    # 1. speculation as talk
    ("1", "Speculation that a fund lost $40 million spread quickly."),
    ("1", "Amid speculation about the exchange, its token fell 12%."),
    # 2. a platform full of claims
    ("2", "Within minutes Reddit lit up with claims that $300 million of longs had gone."),
    ("2", "Crypto Twitter was abuzz with rumours that a fund had lost $80 million."),
    # 3. first-person reading of named or unnamed data, and "from X data"
    ("3", "On Friday, we saw from Velo data that traders lost over $400 million in liquidations."),
    ("3", "We can see in the exchange's figures that longs lost $400 million."),
    ("3", "From Velo data, traders lost over $400 million in liquidations."),
    ("3", "I checked his position records, and the average cost came to $1.41."),
    ("3", "We went through the wallet's trades: it lost $2.2 million in a week."),
    # 4. a parenthetical credit at a bullet's end
    ("4", "- **Inflows:** $2.3B net inflows (per chainpulse)."),
    ("4", "- **Weekly total:** $4.1B (ChainPulse)."),
    ("4", "- **Longs:** $800M liquidated (via ChainPulse)."),
    # 5. valuing verbs with their value
    ("5", "CoinGlass put the day's long liquidations at $300 million."),
    ("5", "Analysts put the figure near $80 million."),
    ("5", "Velo pegs total losses at about $80 million."),
    # 6. gains credited in their own sentence
    ("6", "Longs lost $150 million, according to Velo. ADA registered gains of about 15%, CoinGecko data show."),
    # 7. the figure is the speaker's, or credited elsewhere
    ("7", "Longs lost $300 million in an hour, Lee said: “It was a bloodbath.”"),
    ("7", "After the drop, Lee said longs lost $300 million: “It was a bloodbath.”"),
    ("7", "When longs lost $300 million, CoinGlass data show, Lee tweeted “ouch”."),
    # 8. a report's findings under their heading
    ("8", "Velo, a data firm based in Lisbon, published its monthly derivatives report on Tuesday.\n\n## Key findings\n\n"
          "Longs lost $2.1B over the month. Funding fell to 0.01%."),
    # 9. relays, investigators, and "via" a source
    ("9", "On messaging apps, market alert services reported the USD 310M figure within minutes."),
    ("9", "Broader market coverage noted that the week's total reached about USD 12 billion."),
    ("9", "Chain investigators linked 40 wallets to one trader who held shorts worth $55 million."),
    ("9", "Longs lost $300 million, via CoinGlass."),
    ("9", "Longs lost $300 million, via the exchange's own data."),
    ("8", "Kaiko released the latest quarterly market review.\n\n## Highlights\n\nSpot volume rose 40% to $1.2 trillion."),
]


@pytest.mark.parametrize("registry", [True, False], ids=["registry", "bare"])
@pytest.mark.parametrize("pattern, text, findings", FLAG, ids=[f"{p}-{i}" for i, (p, _, _) in enumerate(FLAG)])
def test_must_flag(pattern, text, findings, registry):
    got, expected = flagged_and_expected(text, findings, registry)
    assert got == expected


@pytest.mark.parametrize("registry", [True, False], ids=["registry", "bare"])
@pytest.mark.parametrize("pattern, text", PASS, ids=[f"{p}-{i}" for i, (p, _) in enumerate(PASS)])
def test_must_pass(pattern, text, registry):
    assert found_either_way(text, registry) == set()
