"""writer: an editorial assistant for crypto-market news desks.

The library is split by job: ``writer.factbase`` (the provenance-tagged fact
base), ``writer.draft`` (templates to articles), ``writer.check`` (the
provenance linter) and ``writer.publish`` (batch site builds). ``writer.cli``
is the only module that prints.
"""

__version__ = "0.1.0"
