"""Round thirteen (b): mechanisms behind the fact-free check's misses on a declassified held-out set, fixed generally
(every sentence here is ours; bench/results/readings_round13b.md says which misses each answers).

Each mechanism has must-flag and must-pass texts: a text in ``FLAG`` must get F001 on exactly the figures listed, one
in ``PASS`` no F001 or F002 at all. Each is checked with the bundled source registry and without one (as the held-out
sets are scored).

1. Guillemets open and close a quotation as curly quotes do ("«...,» said Lund."): a quotation of several sentences
   is credited once, after it closes (F001 ``_quote_credited``, ``_OPENERS``/``_CLOSERS``).
2. A credit carries to market context after it only from a sentence of market context: an indicator's reading, a
   fund's flows or liquidation data did not price the market (bench/ANNOTATION.md, point 1: the same kind of figure;
   analysis ``_foreign``, ``_gives_context``). A rate rise is the wider economy's figure, as a rate hike is.
3. A source named with the date it published, in parentheses ("(Kaiko, 2026)"), cites it even right after a
   capitalised word ("on Deribit (Kaiko, 2026)"; frames ``_in_parens``).
4. A demonstrative on a data series a source publishes ("this skew gauge", "that metric") points back at the credit
   before it in its section (ANNOTATION.md point 3; phrases.yaml ``source_anaphors: series``).
5. A sentence that only says a source, named or described, published the data ("A research firm shared the tally and
   the figures on its channel.") credits the sentence right before it (ANNOTATION.md point 2; ``credit_after``).
6. A caption's title and its label may be set apart by a comma ("Funding by venue, Source: X"); a titled caption of a
   third kind (a premium, funding) covers neither liquidations alone nor prices alone (analysis ``caption_for``).
7. An embedded post that carries a picture signs a chart: its signature covers the prose right under it too
   (captions ``carries_picture``); the post's own text, whatever its kind.
8. Figures: a signed amount ("-$38.5"), a fraction of a magnitude ("a half billion", "half a million dollars"); the span
   of a record ("a 14-month high") is a time window, no figure F001 asks a source for.
9. A reporting verb's form right before "of" is its noun ("Growing share of vaults", "the estimate of"), but for the
   verbs that take "of" ("warned of": ``frames: of_verbs``).
10. An unproven account told as theories ("online theories suggesting ...") is a rumour's caveat.
11. A credit told as a free relative after a word of when or why ("after what Kaiko described as a $900 drop") credits
    its own noun phrase, not the rest of the sentence; after "in" it names the clause's own event and credits it.
12. People described, not named, speaking: a group of the market's people with a verb of speech or of a view, in any
    form ("most participants expect", "others pointing to", "a trader expects"); with a verb of doing they are the
    market ("traders lost $9 million"); the passive names no one ("traders are expected to").
13. Figures: a band of prices ("the $70,000s", "the mid-$80,000s") is a figure, from its level up to the next.
14. A speaker's words after "while" ("..., the firm asked, while suggesting that ...") are the speaker's (``attribution``).
"""

from __future__ import annotations

import pytest

from check_support import flagged_and_expected, found_either_way


FLAG = [
    # 1. a quotation in guillemets that closes on no one's credit
    ("1", "«Funding flipped twice overnight. Longs lost $31 million in an hour.» Then the tape went quiet.", {"$31 million"}),
    # 2. a price after the credit of an indicator's reading, or of a fund's flows
    ("2", "Kaiko data show funds took in $410 million last week. Ether traded at $2,640 on Monday.", {"$2,640"}),
    ("2", "Mika Lund, an analyst at Halvard, said the skew index hit 71% in March. Bitcoin traded at $58,200 then.",
     {"$58,200"}),
    # 3. a parenthesis after a capitalised word with no date: an alias, no citation
    ("3", "The desk put $12 million on Deribit (Northwind Partners).", {"$12 million"}),
    # 4. a demonstrative on a series with no credit before it
    ("4", "Markets were calm on Monday.\n\nThis skew gauge has fallen to 41% since then.", {"41%"}),
    # 5. a credit-only sentence with a figure of its own is no credit-only sentence; one two sentences on reaches no further
    ("5", "Longs lost $58 million over the week. Shorts lost $11 million. A research firm shared the tally on its channel.",
     {"$58 million"}),
    # 6. a titled caption of a third kind over liquidation figures
    ("6", "Shorts lost $6.2 million on Monday.\n\nEther borrow premium, Source: Kaiko\n\nThe premium eased to 0.9%.",
     {"$6.2 million"}),
    # 7. a post with no picture covers its own text only, not the prose under it
    ("7", "Longs got crushed this week, by my count.\n\n— Mika Lund (@mikalund) May 3, 2026\n\nVelo ranks first with "
          "$41 million.", {"$41 million"}),
    # ...and a post's chart of liquidations prices nothing under it
    ("7", "Top venues by long liquidations this week, per Velo. pic.twitter.com/Zx81Qa\n\n— Mika Lund (@mikalund) May 3, "
          "2026\n\nEther slid 5% to $2,910 by the close.", {"5%", "$2,910"}),
    # 8. a signed amount, a fraction of a magnitude, a record's level
    ("8", "The basis sank to -$38.5 on Friday.", {"-$38.5"}),
    ("8", "The fund shed close to a half billion over the week.", {"a half billion"}),
    ("8", "Ether hit a 14-month high of $4,050 on Friday.", {"$4,050"}),
    # 9. a noun before "of" opening a list item after its label
    ("9", "- **Vault risk:** Growing share of vaults within 7% of their limit.", {"7%"}),
    # 11. the figure outside the free relative, after a word of when
    ("11", "Solana recovered to $142, after what Kaiko described as its worst hourly drop in a year.", {"$142"}),
    ("11", "Ether bounced to $2,710 following what Kaiko described as a $900 flush.", {"$2,710"}),
    # 12. a group with a verb of doing, or in the passive
    ("12", "Traders lost $9 million on the squeeze.", {"$9 million"}),
    ("12", "Traders are expected to add $30 million of longs.", {"$30 million"}),
    ("12", "Rates rose 12% on the day, upping those forecasts.", {"12%"}),
    # 13. a band of prices no one is named for
    ("13", "Solana may soon trade in the $190s again.", {"$190s"}),
    ("13", "Ether drifted into the low-$3,000s by dawn.", {"$3,000s"}),
    # 14. "while" with no verb of speech after it
    ("14", "Ether slid 6% while funding stayed flat.", {"6%"}),
]

PASS = [
    # 1. a quotation in guillemets credited after it closes
    ("1", "«Funding flipped twice overnight. Longs lost $31 million in an hour. It was brutal,» said trader Mika Lund."),
    ("1", "Trader Mika Lund said: «Longs lost $31 million in an hour. Nobody hedged.»"),
    # 2. a price after a credit of prices
    ("2", "Per Kaiko, ether slid to $2,590 on Friday. Ether changed hands at $2,640 that evening."),
    ("2", "According to Kaiko, its depth gauge stood at 38% on Friday, the lowest in a year."),
    # 3. a citation with its date right after a venue's name
    ("3", "The spot price was $2,610 on Deribit (Kaiko, 2026)."),
    # 4. a demonstrative on a series after a credit of its section
    ("4", "Mika Lund, an analyst at Halvard, said on Monday that her skew gauge read 63% last week.\n\nThis skew gauge has "
          "fallen to 41% since then."),
    ("4", "According to Velo, its funding metric stood at 0.03% on Monday. That metric has since halved to 0.015%."),
    # 5. a credit-only sentence after its sentence: described publisher, two data nouns, where
    ("5", "Longs lost $58 million over the week. A research firm shared the tally and the figures on its channel."),
    ("5", "Shorts lost $11 million on Sunday. An analytics team posted the data on X."),
    # 6. a caption with a comma before its label, over and under its kind of figure
    ("6", "Ether borrow premium rose to 1.4% on Monday.\n\nEther borrow premium, Source: Kaiko\n\nThe premium eased to "
          "0.9%."),
    ("6", "Shorts lost $6.2 million on Monday.\n\nHourly short liquidations, Data: Velo"),
    # 7. a post with its chart: the prose under it reads the chart
    ("7", "Top venues by long liquidations this week, per Velo. pic.twitter.com/Zx81Qa\n\n— Mika Lund (@mikalund) May 3, "
          "2026\n\nHalvard ranks first with $41 million, ahead of Northwind's $17 million."),
    # 8. a record's span alone
    ("8", "Ether hit a 14-month high on Friday."),
    ("8", "Per Velo, the basis sank to -$38.5 on Friday."),
    # 9. a verb that takes "of"
    ("9", "Kaiko warned of a 7% slide in depth."),
    # 10. a figure inside theories told as such
    ("10", "The posts stirred online theories suggesting a desk had engineered the flush that erased $88 million of longs."),
    # 11. the figure inside the free relative, or the clause's own event after "in"
    ("11", "Solana recovered after what Kaiko described as an hourly drop of $14."),
    ("11", "Open interest shrank 18% in a day, in what Kaiko called the sharpest flush of the year."),
    # 12. a described group speaking
    ("12", "Most options traders expect ether to retest $2,400."),
    ("12", "Bears are pointing to a slide toward $52,000 after the drop."),
    ("12", "Some traders are calling for $75,000 by June."),
    ("12", "A veteran trader expects solana to revisit $120."),
    # 13. a band of prices with its credit
    ("13", "Solana may soon trade in the $190s again, Mika Lund said."),
    # 14. a speaker's aside after "while"
    ("14", "“Was that the low?” the fund asked, while suggesting that shorts could lose $35 million more."),
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
