"""persona6.task.v17 (tasks.yaml v14, review 9 #17): words of a task kind with another sense
need their sense (a production, a release, a pipeline, a script, a batch, a time repeated, a
trip, an upload of a document handed in, troops deployed); a product's own work is a kind
where it is general (claims and forms, coursework); an action sense may need words of its sense
(``context``: a device's ``set_schedule`` configures it) and reads the action's name and file
names too (``upload_document`` "lease_signed.pdf")."""

from __future__ import annotations

import pytest
from helpers import did

from persona6.extract import task as task_module
from tests.extract.test_task_senses_v11 import kinds, said_kinds


def test_the_producer_is_v18() -> None:
    assert task_module.NAME == "persona6.task.v18"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a production, a release, a pipeline, troops deployed: no software shipped
        ("Moving the piano up three flights of stairs was a whole production.", "deployment"),
        ("The film's release got pushed to March, so we'll see it then.", "deployment"),
        ("Remember to roll out the dough thin before you cut the biscuits.", "deployment"),
        ("My sales pipeline is thin this quarter, any tips for cold calls?", "deployment"),
        ("My brother is deployed overseas with the navy until spring.", "deployment"),
        # a batch, a workflow, a script, a time repeated: no automation
        ("Bundle those alerts in a batch and send them weekly.", "automation_scripting"),
        ("I walk the dog every morning before the school run.", "automation_scripting"),
        ("My wedding planning workflow is a mess of sticky notes.", "automation_scripting"),
        ("I finished the second act of my film script last night.", "automation_scripting"),
        # a trip told or remembered: no planning
        ("I told my nephew a story about my trip to Peru.", "planning"),
        ("We took a fishing trip last summer and caught nothing.", "planning"),
        ("That reminds me of a trip I took with my grandmother.", "planning"),
        # a document uploaded is handed in, no file managed
        ("I'm trying to upload the signed lease and it keeps timing out.", "file_management"),
        ("Can I upload my transcript to the scholarship application?", "file_management"),
        ("I uploaded the pay stubs you asked for yesterday.", "file_management"),
    ],
)
def test_a_word_in_its_other_sense_shows_no_kind(text: str, kind: str) -> None:
    assert kind not in said_kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the same words in their sense stay
        ("Can you help me release version 2.4 to production tonight?", "deployment"),
        ("Push the new build to staging once the tests pass.", "deployment"),
        ("We deployed the hotfix to prod an hour ago.", "deployment"),
        ("Write me a script that renames all the photos in this folder.", "automation_scripting"),
        ("Can I automate the weekly report with a cron job?", "automation_scripting"),
        ("Run it every morning at 6 so the cache is warm.", "automation_scripting"),
        ("My script throws an error on start, can you fix it?", "automation_scripting"),
        ("I'm planning a trip to Lisbon next month, where should we stay?", "planning"),
        ("What should I pack for my trip to Iceland?", "planning"),
        ("Can I upload the CSV here?", "file_management"),
        ("How do I upload my photos to the shared album?", "file_management"),
        ("Move these files into the archive folder.", "file_management"),
    ],
)
def test_the_same_words_in_their_sense_stay(text: str, kind: str) -> None:
    assert kind in said_kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # claims, appeals, reimbursements and forms filed
        ("I need to file a warranty claim for my broken dishwasher.", "claims_forms"),
        ("My dental claim was denied even though the crown was covered.", "claims_forms"),
        ("How do I get my travel expenses reimbursed by the company?", "claims_forms"),
        ("Help me fill out the visa application form.", "claims_forms"),
        ("I want to appeal the parking ticket they gave me.", "claims_forms"),
        # a course's work
        ("Can you check my answers to the chemistry homework?", "coursework"),
        ("I'm studying for my organic chemistry final next week.", "coursework"),
        ("The professor posted the rubric for the history essay assignment.", "coursework"),
        ("I have two quizzes and a lab report due this semester week.", "coursework"),
    ],
)
def test_a_products_own_work_is_a_kind(text: str, kind: str) -> None:
    assert kind in said_kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I claim no expertise in wine, but this one is lovely.", "claims_forms"),
        ("Their claim that the bridge is safe sounds wrong to me.", "claims_forms"),
        ("I booked an eye exam for Thursday.", "coursework"),
        ("We won the pub quiz at the corner bar last night!", "coursework"),
        ("My dad gave me a lecture about saving money.", "coursework"),
        ("Of course I'll come to the party.", "coursework"),
        ("My new assignment at work starts in Denver.", "coursework"),
    ],
)
def test_those_words_in_another_sense_show_none(text: str, kind: str) -> None:
    assert kind not in said_kinds(text)


def test_a_devices_schedule_set_configures_it() -> None:
    """A ``set_schedule`` with a device's temperature or name sets the device (configuration),
    no planning; one of a meeting plans."""
    assert kinds([did(1, "set_schedule", "living room 21C 07:00-09:00")]) == {"configuration"}
    assert kinds([did(1, "update_schedule", "sprinkler zone 2 06:00")]) == {"configuration"}
    assert kinds([did(1, "SetSchedule", "porch lights 18:00-23:00")]) == {"configuration"}
    assert kinds([did(1, "schedule_meeting", "design review Tue 10:00")]) == {"planning"}


def test_a_document_uploaded_is_handed_in() -> None:
    """An upload whose name or file names a document handed in is no file management; photos,
    a data file or a backup uploaded still are."""
    for name, text in [
        ("upload_document", "lease_signed.pdf"),
        ("upload_file", "scan_of_passport.jpg"),
        ("UploadAttachment", "medical_receipt_0412.png"),
    ]:
        assert "file_management" not in kinds([did(1, name, text)]), (name, text)
    for name, text in [
        ("upload_photos", "IMG_2041.jpg IMG_2042.jpg"),
        ("upload_file", "q3_sales.csv"),
        ("upload_backup", "laptop-2026-11.tar.gz"),
    ]:
        assert "file_management" in kinds([did(1, name, text)]), (name, text)


def test_a_claim_started_or_an_assignment_submitted_is_its_kind() -> None:
    assert kinds([did(1, "file_claim", "storm damage, fence")]) == {"claims_forms"}
    assert kinds([did(1, "submit_assignment", "essay2_final.docx")]) == {"coursework"}
    assert kinds([did(1, "start_quiz", "Unit 4 vocabulary")]) == {"coursework"}
