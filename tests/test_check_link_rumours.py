"""A rumoured figure is told as one when the text calls it a claim and says where it circulates ("the claim ... has
spread on social media"), as when it says "unverified" or "rumour" (P003). A claim with no place, or a place with no
claim, is not enough. Every sentence here is ours.
"""

from __future__ import annotations

import pytest

from link_support import codes, event

_RUMOUR = """facts:
  - id: wall
    metric: price_level
    unit: USD
    asset: ETH
    direction: below
    subject: the level below which most shorts are said to sit
    status: rumor
    observations: [{source: x-posts, value: 2900}]
"""


@pytest.mark.parametrize("text, flagged", [
    ("The claim that most shorts sit below $2,900 has spread quickly on social media.", False),
    ("A claim that most shorts sit below $2,900 is making the rounds in posts on X.", False),
    ("An unverified claim on social media puts most shorts below $2,900.", False),
    # a claim with no place it circulates, or a place with no claim: stated as fact
    ("The claim is that most shorts sit below $2,900.", True),
    ("Most shorts sit below $2,900, traders on social media say.", True),
    ("Most shorts sit below $2,900.", True),
])
def test_a_claim_said_to_circulate_is_told_as_a_rumour(text, flagged):
    found = codes(event(_RUMOUR), f"Traders were caught on both sides as prices swung.\n\n{text}")  # (not the lede: P010)
    assert ("P003" in found) is flagged, found
