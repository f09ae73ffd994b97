"""Captions and credit lines: which prose a line of its own crediting a source covers (writer/check/captions.py).

Layouts seen on real desks (a chart with a caption beside the prose that reads it; a "Source:"
line closing a paragraph or a list; bilingual chart titles; photo credits), every sentence the
project's own. Each case: the article (blocks apart by blank lines) and the figures F001 flags.
"""

from __future__ import annotations

import pytest


CASES = [
    # a credit alone on its line signs a chart gone from the text: it covers the paragraph right above it and the one right
    # below it in its section (bench/ANNOTATION.md, point 5), whatever their figures (it has no title to give them a kind)
    ("under", "Longs lost $88 million over the day.\n\nSource: CoinGlass\n\nShorts lost $12 million.\n", []),
    ("under", "Longs lost $88 million over the day.\n\n(Data: Coinalyze)\n\nBitcoin slid 4% to $91,200.\n", []),
    ("under", "Longs lost $88 million over the day.\n\nChart: Hyblock\n", []),
    ("under", "Longs lost $88 million over the day.\n\nSource- Coinalyze\n", []),
    ("under", "Shorts lost $12 million.\n\nLongs lost $88 million over the day.\n\nSource: https://desk.example/liquidations\n\n"
              "Bitcoin slid 4%.\n", ["$12 million"]),
    # ...but the article's last line, a credit alone (and any credit lines after it), is the article's own source line:
    # it covers its whole section (the held-out annotator's reading of a trailing "Source: <address>", round nine)
    ("closing", "Shorts lost $12 million.\n\nLongs lost $88 million over the day.\n\nSource: https://desk.example/liquidations\n",
     []),
    ("closing", "# Longs lose $88 million\n\nShorts lost $12 million.\n\nSource: CoinGlass\n\nData: Coinalyze\n", []),
    ("closing", "## Longs\n\nLongs lost $88 million.\n\n## Shorts\n\nShorts lost $12 million.\n\nBitcoin fell 4%.\n\n"
                "Source: CoinGlass\n", ["$88 million"]),
    ("closing", "Longs lost $88 million.\n\nShorts lost $12 million.\n\nImage source: CoinGlass\n", ["$88 million", "$12 million"]),
    # ...never two paragraphs away
    ("two away", "Longs lost $88 million over the day.\n\nSource: CoinGlass\n\nShorts lost $12 million.\n\n"
                 "ETH longs lost $9 million.\n", ["$9 million"]),
    ("two away", "Source: CoinGlass\n\nFrom the chart, longs lost $88 million.\n\nShorts lost $12 million.\n", ["$12 million"]),
    # a list closed by a credit line: every item
    ("list", "- Longs: $88 million\n- Shorts: $12 million\n\nSource: CoinGlass\n", []),
    ("list", "- Longs: $88 million\n- Shorts: $12 million\n- Source: CoinGlass\n", []),
    # ...and a list opened by one (round eight: a section-level credit over the rows under it)
    ("list", "- Source: CoinGlass\n- Longs: $88 million\n- Shorts: $12 million\n", []),
    # ...but not a credit in the middle of a list
    ("list", "- Longs: $88 million\n- Source: CoinGlass\n- Shorts: $12 million\n", ["$88 million", "$12 million"]),
    ("list", "- Longs: $88 million\n- Shorts: $12 million\n\nThe squeeze hit $31 million in ETH.\n", ["$88 million", "$12 million", "$31 million"]),
    # a caption (a title and its credit) covers the paragraphs above and below it too, but only figures of its title's kind
    # (bench/ANNOTATION.md, point 5): a chart of liquidations does not price the market, a price chart counts no liquidations
    ("caption", "Nothing happened before noon.\n\nLong liquidations by venue | Source: CoinGlass\n\n"
                "Longs lost $88 million over the day.\n", []),
    ("caption", "Desk liquidations\nLiquidations by venue / CoinGlass\n\nLongs lost $88 million over the day.\n", []),
    ("caption", "Bitcoin slides\n\n(Source: TradingView)\n\nBitcoin fell 4% on Tuesday.\n", []),
    ("caption", "Long liquidations by venue | Source: CoinGlass\n\nBitcoin fell to $91,200 on Tuesday.\n", ["$91,200"]),
    ("caption", "Bitcoin price, four-hour candles | Source: TradingView\n\nLongs lost $88 million over the day.\n", ["$88 million"]),
    ("caption", "Longs lost $88 million over the day.\n\nBitcoin price, four-hour candles | Source: TradingView\n", ["$88 million"]),
    # ...unless the prose says it reads the chart
    ("pointer", "Long liquidations by venue | Source: CoinGlass\n\nFrom the graph, longs lost $88 million over the day.\n", []),
    ("pointer", "Liquidations by venue / CoinGlass\n\nAs the chart shows, shorts lost $12 million in the hour.\n", []),
    ("pointer", "Open interest over the week | Source: Coinalyze\n\nAs is visible above, open interest fell 9% to $28 billion.\n", []),
    ("pointer", "Bitcoin slides\n\n(Source: TradingView)\n\nThe chart above shows bitcoin down 4% on the day.\n", []),
    # ...only the paragraph that points, not the one after it
    ("pointer", "Longs by venue | Source: CoinGlass\n\nFrom the graph, longs lost $88 million.\n\nBitcoin fell 4% on the day.\n", ["4%"]),
    # ...or unless a colon introduced the chart, and the prose below names no source of its own
    ("intro", "Here is how the day's liquidations split by side:\n\nLong and short liquidations | Source: CoinGlass\n\n"
              "Longs lost $88 million and shorts $12 million.\n", []),
    ("intro", "Here is how the day's liquidations split by side:\n\nSource: CoinGlass\n\n"
              "Longs lost $88 million and shorts $12 million.\n", []),
    ("intro", "Here is how the day's liquidations split by side:\n\nLong and short liquidations | Source: CoinGlass\n\n"
              "Bitcoin fell 4% on the day. Longs lost $88 million, Coinalyze said.\n", ["4%"]),
    ("intro", "Below is a table that shows how the day's liquidations split by side.\n\nLongs and shorts\n"
              "Longs took most of the losses | Source: CoinGlass\n\nAs is visible, longs lost $88 million.\n", []),
    ("intro", "The chart below tracks the day's liquidations by side.\n\nLiquidations by side | Source: CoinGlass\n\n"
              "Longs lost $88 million and shorts $12 million.\n", []),
    # a title and its credit after a full stop is a caption too: the prose after it attributes its own figures
    ("full stop", "Longs lost $88 million, per CoinGlass.\n\nBitcoin liquidations chart. Source: CoinGlass\n\n"
                  "That matched a slide to $91,200 on the day.\n", ["$91,200"]),
    ("full stop", "Bitcoin liquidations chart. Source: CoinGlass\n\nLooking at the chart, shorts lost $12 million.\n", []),
    # a caption's own figures are its credit's
    ("own", "Longs lost $88 million in a day | Source: CoinGlass\n", []),
    # "Chart:" before a chart's title credits no one; before a source's name it does
    ("chart title", "Longs lost $88 million over the day.\n\nChart: Bitcoin liquidations by hour\n", ["$88 million"]),
    ("chart title", "Shorts lost $5 million late.\n\nChart: longs by venue\n", ["$5 million"]),
    ("chart title", "Longs lost $7 million late.\n\nChart: CoinGlass data\n", []),
    ("chart title", "Longs lost $7 million late.\n\nGraph: TradingView\n", []),
    # a photo's credit credits no prose
    ("photo", "Longs lost $88 million over the day.\n\nImage source: Desk Media\n\nShorts lost $12 million.\n",
     ["$88 million", "$12 million"]),
    ("photo", "Photo: Desk Media\n\nFrom the graph, longs lost $88 million.\n", ["$88 million"]),
    # a chart nobody credits is no source: the prose that reads it gives its figures no provenance
    ("no credit", "The chart shows $650 million of longs closed in four hours.\n", ["$650 million"]),
    ("no credit", "As the chart shows, shorts lost $12 million in the hour.\n", ["$12 million"]),
    ("no credit", "As seen above, longs made up 71% of the day's losses.\n", ["71%"]),
    ("no credit", "The graph below shows open interest sliding 9% to $28 billion.\n", ["9%", "$28 billion"]),
    ("no credit", "According to the chart above, longs lost $88 million over the day.\n", ["$88 million"]),
    # ...a chart whose maker is named is one
    ("no credit", "CoinGlass's chart shows $650 million of longs closed in four hours.\n", []),
    ("no credit", "The chart from Coinalyze shows $650 million of longs closed in four hours.\n", []),
    ("no credit", "According to the chart from Coinalyze, longs lost $88 million over the day.\n", []),
    ("no credit", "According to the data, longs lost $88 million over the day.\n", []),
    # an embedded social post: its author's signature comes under the post and credits it (the quote it closes,
    # or the one paragraph right before it), never the prose around the embed
    ("post", "Traders were caught out.\n\n> One wallet just lost $31.5 million as its ETH long hit $3,100. pic.twitter.com/x1y2\n>\n"
             "> — Dana Reyes (@dreyes_onchain) March 3, 2026\n\nBitcoin fell 4% on the day.\n", ["4%"]),
    ("post", "> Roughly 1,200 BTC of longs were closed on one venue in ten minutes.\n> — Tape Desk (@tapedesk) 3 March 2026\n", []),
    ("post", "> First leg: $40 million of longs gone.\n>\n> Second leg: another $25 million.\n>\n"
             "> — @tapewatcher March 3, 2026\n", []),
    ("post", "Shorts lost $12 million earlier.\n\nOver $80 million of shorts just got liquidated on ether in one hour\n\n"
             "— Tape Desk (@tapedesk) [March 4, 2026](https://x.example/tapedesk/1)\n", ["$12 million"]),
    ("post", "> Shorts lost $64 million in the hour, most of it on one venue.\n>\n> &mdash; Tape Desk (@tapedesk) on X\n", []),
    # ...never the prose before the quote
    ("post", "Shorts lost $12 million earlier.\n\n> Longs lost $9 million in ten minutes.\n>\n> — Ana (@ana_v)\n",
     ["$12 million"]),
    # ...and one post's signature does not reach past another post
    ("post", "> Longs lost $9 million.\n\n— Ana (@ana_v)\n\n> Shorts lost $7 million.\n\n— Bo (@bo_trades)\n", []),
    # not a signature: an account named inside a sentence of prose
    ("post", "Longs lost $9 million on a day @tapewatcher called wild.\n\nShorts lost $7 million.\n", ["$9 million", "$7 million"]),
    # not a caption: a prose paragraph that ends with a source's name after a slash, a label in a sentence
    ("not caption", "Longs lost $88 million over the day, the desk said / Bitcoin fell.\n\nShorts lost $12 million.\n",
     ["$12 million"]),
    ("not caption", "Bitcoin dropped 4%.\n\nThe data source: unknown, as it happens, and the rest of this long line is prose "
                    "that goes on well past what any chart caption would hold, with more words.\n\nShorts lost $12 million.\n",
     ["4%", "$12 million"]),
]


@pytest.mark.parametrize("family, text, flagged", CASES, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(CASES)])
def test_what_a_credit_line_covers(checker, family, text, flagged):
    found = [f.figure for f in checker.check_text(text) if f.code == "F001"]
    assert found == flagged, [(f.code, f.line, f.figure) for f in checker.check_text(text)]


# Fact mode: a credit line names the source for the prose it covers, and only for that prose; a wrong
# value or a caption that covers nothing is still caught.
EVENT = "factbase/corpus/05-beincrypto-1-13b.yaml"  # long: $879.68M, single source CoinGlass


@pytest.mark.parametrize("text, codes", [
    ("Longs by side | Source: CoinGlass\n\nFrom the graph, longs lost $879.68 million over the day, according to a single "
     "source.\n", set()),
    ("Longs by side | Source: CoinGlass\n\nFrom the graph, longs lost $879.68 million over the day.\n", {"P013"}),
    ("Longs lost $879.68 million over the day.\n\nSource: CoinGlass\n", {"P013"}),
    # the caption covers the paragraph below it (bench/ANNOTATION.md, point 5): its source is named for the figure
    ("Longs by side | Source: CoinGlass\n\nLongs lost $879.68 million over the day.\n", {"P013"}),
    # a credit two paragraphs away names nothing for the figure
    ("Longs lost $879.68 million over the day.\n\nBitcoin slid.\n\nSource: CoinGlass\n\nBitcoin slid again.\n", {"P002"}),
    # ...unless it is the article's last line: its own source line
    ("Longs lost $879.68 million over the day.\n\nBitcoin slid.\n\nSource: CoinGlass\n", {"P013"}),
    ("Longs lost $779.68 million over the day.\n\nSource: CoinGlass\n", {"P006"}),
])
def test_a_credit_line_names_the_source_in_fact_mode(checker, text, codes):
    from pathlib import Path

    from writer.factbase.loader import load_event

    event = load_event(Path(__file__).resolve().parents[1] / EVENT)
    found = {f.code for f in checker.check_text(text, event=event) if f.severity in ("error", "warning", "info")}
    assert found == codes
