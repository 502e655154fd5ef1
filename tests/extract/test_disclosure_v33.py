"""persona6.disclosure.v33 (review 9 #9, #12-#14): what a person says is theirs, not the
speaker's fact; the noun phrase after "my" ends before a verb's object pronoun and at a
comparison, and names no language, mark or score; a belief "I'm sure <clause>" and the clause of
a noun "the book I'm reading says" are no fact; a clause opening on someone else gives the
speaker none of its verbs; rescheduling is an errand; a job held until retiring is work; a
dwelling by its build is a home; the speaker's work at a place as a subject says where they
work; an "and" joining another clause ends the object of "I'm a ..."."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def facts(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v33() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


# --- #9: "<person> says <claim>" is the person's claim; the person stays -----------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "my brother in law says network shops put cheap aftermarket parts on. idk",
            "brother-in-law",
        ),
        ("my sister in law says the school district is cutting art classes.", "sister-in-law"),
        ("My dad always said banks charge hidden fees.", "father"),
        ("My mum keeps saying the bus is never on time.", "mother"),
    ],
)
def test_what_a_person_says_is_theirs(text: str, key: str) -> None:
    found = facts(text)
    assert list(found) == [f"family:{key}"], found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("My wife Dolores and I have owned this 1938 brick bungalow.", "family:wife"),
        ("My husband Tom and I run a small bakery.", "family:husband"),
        ("My neighbour Gary and I share a driveway.", "home:neighbour"),
    ],
)
def test_a_named_person_and_i_is_a_joint_subject(text: str, kept: str) -> None:
    found = facts(text)
    assert kept in found
    assert not any(" and i " in key for key in found), found


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        # neighbours: a fact about the person stays theirs, in-laws keyed as one
        ("my sister in law is a nurse", "family:sister-in-law is a nurse", None),
        ("My brother-in-law is a pilot.", "family:brother-in-law is a pilot", None),
        ("My dad is a plumber.", "family:father is a plumber", None),
        ("I visited my mother in law yesterday", "family:mother-in-law", None),
        ("we stayed with my in-laws", "family:in-laws", "has in-laws"),
    ],
)
def test_facts_about_the_person_stay(text: str, key: str, value: str | None) -> None:
    found = facts(text)
    assert key in found, found
    if value is not None:
        assert found[key] == value


# --- #13: the noun phrase after "my" --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a verb's object pronoun: the word before it is the verb
        "my landlord let us keep the cat",
        "My gym buddy drove me home, then my landlord let me in.",
        # a comparison ends the phrase ("rather than")
        "Send the forms to my email rather than the post.",
        "It went through. Please keep sending updates to my inbox rather than calling.",
        # a language is a command of it; a mark or a score is no thing
        "My Spanish is rusty.",
        "my French got a lot better in Lyon",
        "Mine is rusty too; my German is basic.",
        "my grades slipped this term",
        "my credit score dropped after the move",
    ],
)
def test_no_nonsense_thing_after_my(text: str) -> None:
    assert not any(key.startswith("personal:") for key in facts(text)), facts(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My Spanish is rusty.", "their spanish is rusty"),
        ("Mine is rusty too; my German is basic.", "their german is basic"),
        ("my english is still poor , i wish i could read those", "their english is still poor"),
    ],
)
def test_a_language_said_with_is_is_a_skill(text: str, value: str) -> None:
    found = facts(text)
    language = value.split()[1]
    assert found.get(f"skills:{language}") == value, found


def test_a_language_to_improve_is_no_skill() -> None:
    assert facts("I'd love to improve my French.") == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I commute by bike.", "habits:commute by bike"),
        ("I commute to Leeds every day.", "habits:commute to leeds every day"),
        ("I brew in my garage.", "habits:brew in my garage"),
        ("i brew beer on weekends", "habits:brew beer"),
        ("We forage for mushrooms every autumn.", "habits:forage for mushrooms"),
    ],
)
def test_pastimes_the_list_missed(text: str, key: str) -> None:
    assert key in facts(text), facts(text)


def test_hosting_a_thing_of_the_task_is_no_habit() -> None:
    assert facts("I host the website on a VPS.") == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("My doctor put me on lisinopril.", "health:takes lisinopril"),
        ("My coach put me on a new plan.", "personal:coach"),
        ("My English bulldog snores.", "pets:bulldog snores"),
        ("I ride my bike instead of driving.", "possessions:bike"),
    ],
)
def test_neighbours_after_my_stay(text: str, key: str) -> None:
    found = facts(text)
    assert key in found, found
    assert not any(k.endswith((" put me", " put")) for k in found), found


# --- #13: a belief about a clause, the clause of a noun ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm pretty sure the answer is 0.042 not 0.42.",
        "I'm quite sure the library closes at 8.",
        "I'm sure the bus comes at 7.",
        "The endorsement I'm holding says 'tear out and replace' is included.",
        "The course I'm taking is really hard.",
        "The recipe I'm following says two eggs.",
    ],
)
def test_a_belief_or_a_nouns_clause_is_no_fact(text: str) -> None:
    assert facts(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm pretty sure I have a cold.", "health:cold"),
        ("I'm pretty good at chess.", "skills:good at chess"),
        ("I'm reading a great book.", "habits:reading a great book"),
        ("I'm training for a marathon.", "habits:training for a marathon"),
    ],
)
def test_the_speakers_own_clause_stays(text: str, key: str) -> None:
    assert key in facts(text)


# --- #14: someone else's acts, rescheduling ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Somebody scraped the side of it in a supermarket car park and drove off.",
        "Some kid keyed my car and ran away.",
        "Someone took my bike and rode off.",
        "Somebody rang the doorbell at 3am and ran off.",
        "Someone parked in my spot and walked away.",
    ],
)
def test_a_clause_opening_on_someone_else_gives_no_act(text: str) -> None:
    found = facts(text)
    assert not any(k.startswith(("activities:", "possessions:drove")) for k in found), found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Went to the market and bought fresh basil.", "activities:went to the market"),
        ("Some days I bake bread.", "habits:bake bread"),
        ("A few years ago I moved to Texas.", "home:texas"),
        ("Someone took my bike and rode off.", "possessions:bike"),
    ],
)
def test_the_speakers_acts_stay(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "rescheduled inspection today 1pm",
        "rescheduled the team offsite to next week",
        "Rescheduled piano lesson today 5pm",
        "rescheduled my flight to Sunday",
    ],
)
def test_rescheduling_is_an_errand(text: str) -> None:
    assert not any(k.startswith(("activities:", "plans:")) for k in facts(text)), facts(text)


def test_rebooking_a_trip_stays() -> None:
    found = facts("We rebooked our honeymoon to Bali for June.")
    assert any(k.startswith("activities:rebooked our honeymoon") for k in found), found


# --- #12: jobs, homes, workplaces, joined clauses --------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "For context, I was a claims paralegal for twenty-two years before I retired, so I "
            "know how these files get handled.",
            "work:claims paralegal",
        ),
        ("I was a bookkeeper for thirty-five years before I retired.", "work:bookkeeper"),
        ("I was a site foreman until I retired in 2019.", "work:site foreman"),
        ("I was a school librarian for ten years before I retired.", "work:school librarian"),
    ],
)
def test_a_job_held_until_retiring_is_work(text: str, key: str) -> None:
    found = facts(text)
    assert key in found, found
    assert "work:retired" in found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("I was a mess before I quit smoking.", "work:mess"),
        ("I was a paralegal before I moved here.", "work:paralegal"),
        ("I was a smoker for twenty years.", "work:smoker"),
    ],
)
def test_no_job_without_a_career_end(text: str, absent: str) -> None:
    assert absent not in facts(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "We live in a third-floor walk-up with street parking only, so getting the car "
            "out is a whole production.",
            "home:third-floor walk-up",
        ),
        ("I live in a fifth-floor walk-up.", "home:fifth-floor walk-up"),
        ("I live in a semi with a small garden.", "home:semi"),
        ("I live in a flat in Leeds.", "home:flat in leeds"),
    ],
)
def test_a_dwelling_by_its_build_is_a_home(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "work at the bike shop ran late, again behind.",
            "work:work at the bike shop",
            "works at the bike shop",
        ),
        ("Work at the hospital was crazy today.", "work:work at the hospital", None),
        ("My shift at the warehouse ran long.", "work:work at the warehouse", None),
        ("my job at the bank pays well", "work:work at the bank", None),
        ("Work at the café got really busy.", "work:work at the café", None),
        ("I work at the library until 9.", "work:work at the library", None),
    ],
)
def test_work_at_a_place_says_where_they_work(text: str, key: str, value: str | None) -> None:
    found = facts(text)
    assert key in found, found
    assert not any("ran long" in k or "pays well" in k for k in found), found
    if value is not None:
        assert found[key] == value


@pytest.mark.parametrize(
    "text",
    [
        "Work in progress is fine.",
        "work at the moment is slow",
        "work at the office tomorrow",
        "Work was crazy today.",
        "my work at home setup is ready",
    ],
)
def test_no_workplace_without_a_place_as_subject(text: str) -> None:
    assert not any(v.startswith("works ") for v in facts(text).values()), facts(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "I'm a physiotherapist and all my session notes templates were on that laptop.",
            "identity:physiotherapist",
        ),
        ("I'm a nurse and all my shifts are at night.", "work:nurse"),
        ("I'm a software engineer and the job is remote.", "work:software engineer"),
        ("I'm a teacher and my wife is a nurse.", "work:teacher"),
    ],
)
def test_an_and_joining_a_clause_ends_the_object(text: str, key: str) -> None:
    assert key in facts(text), facts(text)


def test_an_and_joining_nouns_stays() -> None:
    assert "work:nurse and a mother of two" in facts("I'm a nurse and a mother of two.")
