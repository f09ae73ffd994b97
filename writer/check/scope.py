"""How far one attribution reaches: the part of the scope rule drafting shares with the check.

A paragraph may give several figures of one source under one attribution: the
sentence that names the source opens a run, and the next sentences of the same
paragraph belong to it until another attribution or caveat intervenes
(``writer.check.analysis.Analysis.run_opening``; DESIGN §2, "a note that
explicitly covers the run of figures"). Only the statuses below may lean on a
run's opening: who reports a figure, and that the source is the only one, read
naturally once for a run; an estimate, a rumour, a figure pending verification
or a disputed range says what it is in its own sentence. Drafting
(``writer.draft.assemble``) imports this set, so a draft leaves to a run's
opening exactly what the check accepts there. Kept apart from the analysis so
that drafting does not import the check's document reader.
"""

RUN_STATUSES = frozenset({"single_source", "multi_source", "official", "unnamed_group"})
