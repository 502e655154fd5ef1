"""persona6.task.v18 (tasks.yaml v15, session 16): a task the speaker says they have not done is
no task of theirs (``negated``: the negation of their verb reaches its object across the verb
phrase; not through a verb of having, getting, knowing; not a try that failed; not in a
question); files moved for a claim or a course's work are a step of it (``step_of``), and
evidence uploaded, attached or sent for a claim, an application or an appeal is claims work."""

from __future__ import annotations

import pytest
from helpers import bot, did, said

from persona6.extract import task as task_module
from tests.extract.test_task_senses_v11 import kinds, said_kinds


def test_the_producer_is_v18() -> None:
    assert task_module.NAME == "persona6.task.v18"


# -- a task not done ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I've never filed a claim before.", "claims_forms"),
        ("I have never had to file an insurance claim in my life.", "claims_forms"),
        ("We didn't ever open a dispute with the bank.", "claims_forms"),
        ("Never filed a homeowners claim, first time for everything", "claims_forms"),
        ("I haven't made a warranty claim on this laptop.", "claims_forms"),
        ("Haven't started a claim yet, just looking around.", "claims_forms"),
        ("I didn't submit the form, my wife did it.", "claims_forms"),
        ("I'm not filing a claim for a scratch that small.", "claims_forms"),
        ("I've never used a spreadsheet to analyze sales data.", "data_analysis"),
        ("I have never written a cover letter.", "writing"),
        ("I've never deployed anything to production.", "deployment"),
        ("I've not once had to reset my password on this site.", "account_access"),
    ],
)
def test_a_task_the_speaker_has_not_done_is_none(text: str, kind: str) -> None:
    assert kind not in said_kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the task itself, in another clause
        ("I need to file a claim, I've never done this before.", "claims_forms"),
        # pending, not undone: a verb of getting, having, knowing, finishing
        ("I still haven't received my reimbursement.", "claims_forms"),
        ("We don't have the receipt for the refund.", "purchasing_billing"),
        ("I didn't get a receipt for my payment.", "purchasing_billing"),
        ("I don't know why my claim was denied.", "claims_forms"),
        ("I didn't realize the homework was due today.", "coursework"),
        ("I didn't finish the homework for chapter 3.", "coursework"),
        ("I didn't mean to delete the files in that folder.", "file_management"),
        # a try that failed
        ("I can't submit the form, the button is greyed out.", "claims_forms"),
        ("I haven't been able to log in since Tuesday.", "account_access"),
        ("I won't be able to finish my homework tonight.", "coursework"),
        # a question, someone else's verb, a clause of its own
        ("Why hasn't my claim been approved?", "claims_forms"),
        ("Can't I file the claim online?", "claims_forms"),
        ("The claim form won't let me enter the date.", "claims_forms"),
        ("I haven't slept since the claim was denied.", "claims_forms"),
        # "Not much" is the subject, no left-out "I" (LoCoMo)
        ("Not much is new other than the screenplay. Been writing scenes all week.", "writing"),
    ],
)
def test_a_negation_that_leaves_the_task_pending_keeps_it(text: str, kind: str) -> None:
    assert kind in said_kinds(text)


# -- files for another task ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I uploaded the photos of the water damage for my claim.", "claims_forms"),
        ("I'm uploading the scans for my visa application now.", "claims_forms"),
        ("Just uploaded pictures of the dent to the claim.", "claims_forms"),
        ("uploading the photos of the burst pipe for the insurance adjuster", "claims_forms"),
        ("Can I upload the scans of my passport to the application?", "claims_forms"),
        ("I put the photos in a folder for the claim, should I zip them?", "claims_forms"),
        ("I'll upload the x-rays for the disability claim tonight.", "claims_forms"),
        ("where do I upload the photos for the appeal?", "claims_forms"),
        ("I scanned the signed pages and uploaded them to my rental application.", "claims_forms"),
        ("uploaded screenshots of my homework for the regrade request", "coursework"),
        ("The adjuster wants more pictures of the trunk lid. Uploading them now.", "claims_forms"),
    ],
)
def test_files_moved_for_a_claim_or_coursework_are_its_work(text: str, kind: str) -> None:
    found = said_kinds(text)
    assert kind in found and "file_management" not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Can I upload the CSV here?",
        "upload the backup to the shared drive",
        "I uploaded all my vacation photos to Google Photos.",
        "I need to move these files into a new folder.",
        "uploading the photos from my phone takes forever",
        "Can you zip these files for me?",
    ],
)
def test_files_moved_for_themselves_stay_file_management(text: str) -> None:
    found = said_kinds(text)
    assert found == {"file_management"}, found


@pytest.mark.parametrize(
    "text",
    [
        "He made a claim that the photos were fake.",
        "Can you add a settings button to the application?",
        "I sent the photos to my mom for her birthday album.",
    ],
)
def test_photos_beside_another_claim_or_application_are_no_claims_work(text: str) -> None:
    assert "claims_forms" not in said_kinds(text)


def test_an_upload_action_in_a_session_of_a_claim_or_coursework_is_its_work() -> None:
    """An action names no purpose: in a session of the work it is a step of, its photos
    uploaded are that work's (review 9: Priya's ``upload_photos`` "bumper_rear_01.jpg ..."
    beside her claim); alone, or beside other work, they stay file management."""
    photos = did(2, "upload_photos", "bumper_rear_01.jpg ... bumper_rear_10.jpg")
    assert kinds([did(1, "start_claim", "rear bumper"), photos]) == {"claims_forms"}
    assert kinds(
        [said(1, "My insurance claim for the bumper is still open."), photos, bot(3, "Ok.")]
    ) == {"claims_forms"}
    notes = did(2, "upload_file", "IMG_2041.jpg")
    assert kinds([did(1, "submit_assignment", "essay2_final.docx"), notes]) == {"coursework"}
    assert kinds([photos]) == {"file_management"}
    assert "file_management" in kinds([did(1, "schedule_meeting", "review Tue 10:00"), photos])
    # a sentence of the person's own about their files stays theirs
    own = said(1, "I moved the old photos into a new folder. My insurance claim is still open.")
    assert "file_management" in kinds([own, bot(2, "Ok.")])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The adjuster wants more pictures of the trunk lid.", True),
        ("My adjuster never called back.", True),
        ("When is the adjuster coming out to look at the roof?", True),
        ("The insurance adjuster said the water damage is covered.", True),
        ("They made a settlement offer of $4,000 for the car.", True),
        ("Should I accept the first settlement offer?", True),
        ("The seat adjuster on my office chair is broken.", False),
        ("I need a new strap adjuster for my backpack.", False),
        ("We read about the settlement of the early colonies.", False),
        ("My brother works as a loss adjuster in Leeds.", False),
    ],
)
def test_the_adjuster_and_the_settlement_offer_of_a_claim_are_claims_work(
    text: str, found: bool
) -> None:
    assert ("claims_forms" in said_kinds(text)) is found
