"""A day of a month is a date, not a figure, whatever follows it: "the March 3 liquidations" counts nothing, and "a
Dec. 19 X post" is a post on X that day, not a multiple of 19 (a draft quoting a dated post failed its own check
with P001 on "19 X"). A multiple written with a capital X after a plain number still is one. Sentences of our own.
"""

from __future__ import annotations

import pytest

from writer.check.figures import find_figures


@pytest.mark.parametrize("text, expected", [
    ("In a Dec. 19 X post, the fund said longs lost $40 million.", ["$40 million"]),
    ("In a March 3 X thread, Lee wrote that shorts lost $9 million.", ["$9 million"]),
    ("The 3 March X post drew replies.", []),
    ("The trader used 19 X leverage on the long.", ["19 X"]),
    ("Volume ran 4 X the daily average.", ["4 X"]),
    ("Open interest hit 3x its March low.", ["3x"]),
])
def test_a_day_before_x_is_a_date(text, expected):
    assert [f.text for f in find_figures(text)] == expected
