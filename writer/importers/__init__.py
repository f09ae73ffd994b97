"""Importers: exchange liquidation feeds and aggregator exports into fact-file observations.

``writer import FORMAT FILE --event EVENT.yaml`` reads a capture in one
documented format, aggregates it exactly (decimal, in constant memory for the
streams), turns the totals into figures carrying the caveats the format
implies (a sampled feed gives floors, a quote asset is not USD), and merges
them into the event file through the comment-preserving round trip.

Layout: ``feeds`` (what each format is and covers), ``symbols`` (symbol ->
asset and quote, contract values), ``streams`` (one parser per stream
format), ``aggregate`` (running totals), ``figures`` (totals -> figures with
caveats), ``coinglass`` (aggregator exports -> figures), ``merge`` (figures ->
event file, revisions), ``run`` (the whole import, all or nothing).
"""

from writer.importers.feeds import FEEDS
from writer.importers.run import ImportResult, import_file

__all__ = ["FEEDS", "ImportResult", "import_file"]
