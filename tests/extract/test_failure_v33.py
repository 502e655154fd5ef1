"""persona6.failure.v33: another's trouble told is no failure the person met
(``user_report_exclusions``): a device after another person's possessive (``owned_devices``:
"my uncle's laptop keeps crashing"), a guide who is a person (``human_guides``: "the tour guide
led us the wrong way"), a thing inside a printed source (``print_sources``: "the pattern in the
magazine has the stitch count wrong"), the person's own work in progress (``own_works``: "I'm
stuck at 80% on my knitting project"). The product's own things stay reports."""

from __future__ import annotations

import pytest
from helpers import stored_event

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v33() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> list[str]:
    event = stored_event(1, "message", text, "u1", role="user")
    return [s.key for s in FailureExtractor().extract([event])]


NONE = [
    "the tour guide led us the wrong way",
    "our mountain guide took us down a closed path",
    "I'm stuck at 80% on my knitting project",
    "the pattern in the magazine has the stitch count wrong",
    "the recipe in this cookbook gets the oven temperature wrong",
    "the chart in my chess book shows the wrong move",
    "my uncle's laptop keeps crashing",
    "my mum's phone won't charge",
    "my sister's printer is broken again",
    "my neighbour's router keeps dropping",
    "my grandad's ipad keeps freezing on facebook",
    "the dosage in the leaflet is printed wrong",
]


@pytest.mark.parametrize("text", NONE)
def test_another_s_trouble_is_no_report(text: str) -> None:
    assert reported(text) == []  # was user_reported


REPORTS = [
    "the audio guide sent us the wrong way",
    "I'm stuck at 80% on the upload",
    "my laptop keeps crashing when i open your app",
    "my uncle's laptop is fine but the app crashed on mine",
    "the pattern in the app has the stitch count wrong",
    "your guide feature led us the wrong way",
    "the upload is stuck at 80%",
    "my phone keeps freezing when i open the seating planner",
]


@pytest.mark.parametrize("text", REPORTS)
def test_the_product_s_own_things_stay_reports(text: str) -> None:
    assert reported(text) == ["user_reported"]
