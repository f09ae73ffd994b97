"""Batch publishing: a whole fact base to a checked static site (DESIGN §5).

``build_site`` drafts, checks and writes every event that changed, across
processes, atomically and incrementally; ``merge_shards`` joins ``--shard``
runs into one site. Nothing here prints: progress goes to a callback and the
outcome is a :class:`BatchReport` the CLI renders.
"""

from writer.publish.build import BatchOptions, BatchReport, build_site, merge_shards
from writer.publish.pool import default_jobs
from writer.publish.rejection import Rejection
from writer.publish.shard import Shard, shard_of
from writer.publish.settings import SiteSettings

__all__ = ["BatchOptions", "BatchReport", "Rejection", "Shard", "SiteSettings", "build_site", "default_jobs", "merge_shards", "shard_of"]
