"""persona6.failure.v38: failure episodes, and how the person reacted to each.

A failure is, in one session (cues in ``data/failures.yaml``):

- an outcome whose name says so (error, timeout, exception, failed, rejected, crash, denied,
  invalid, ...), or says a thing is in an unavailable state (monitoring_offline, api_down,
  device_disconnected; not offline_sync_completed, back_online, scroll_down: ``is_failure_name``,
  v8), or in a degraded or unwanted state the person did not ask for (delivery_delayed,
  coupon_expired, item_out_of_stock, invoice_overdue, email_bounced, budget_exceeded: a limit
  named before "exceeded", not goal_exceeded; not order_cancelled, refund_approved, v11), or
  in what was due not happening (contractor_no_show, parcel_not_delivered, or cancelled by
  another party, cancelled_by_provider; not the person's report of a failure succeeding,
  outage_reported, ``report_acts``, v15), or
  whose attrs carry an error whatever its name (code: E_MON_OFFLINE, status: 503,
  ok: false; not code: B1-SPEAK: ``error_in_attrs``, v8), about the outcome's actor; key = the
  outcome name in snake case;
- an assistant message that apologises or reports an error ("sorry", "an error occurred", "I
  couldn't", "failed to"), about the actor of the most recent person message or action before
  it (none: no episode); key = ``assistant_error``. An apology that only promises to try again
  ("Sorry about that. I'll try again for you.") reports no error of its own (v7), nor does
  sympathy for what befell the person in their world (v17: "I'm sorry that happened" after a
  car accident, "so sorry about your dog"): an apology is an error report only when it is
  about the product's own act or output;
- a person's message saying something broke ("it's broken", "doesn't work", "keeps failing",
  or a thing in an unavailable state: "Monitoring is offline again", "the dongle lost its
  connection", v8; not the person's own "I'll be offline tomorrow"; not "I cannot X" of a rule,
  ``rule_marks``: "I cannot submit anything non-compliant", v12; a thing that stops their act
  whatever the act, "it won't let me attach the report", "the kiosk keeps rejecting my card", a
  control that "does nothing", "I can't get in", v13, not a person or a body as the subject,
  ``person_nouns``: "my landlord won't let me paint"; not a breakage supposed, v14, the shared
  guard ``text.supposed``: in a condition or what it says will follow, "If the sync fails
  again, what happens?", a case imagined, "Suppose I crashed a rental car, what happens?", or
  one that was not, "Had the sync failed, I would have lost my work"; a habit under a condition
  is one, "If I open it on Wi-Fi, the app always crashes"; not a broken thing of the world the
  person asks someone to repair, naming no thing of the product, v15, ``service_requests``:
  "Hi, gutter is broken, who can repair?"); v16 a part of the product named by its own name as
  the subject (``_part``: "The route planner froze", "Your CV upload button does nothing"), not
  a thing of the person's world (``world_nouns``: "my knee froze", "the lake froze", "my car
  crashed") nor a person ("my toddler does nothing but ..."), for the cues that name no subject
  too; the product's message of failure quoted as what a part says ("keeps saying 'invalid
  date'"); what was due not done since a time ("The bank feed hasn't synced since Tuesday");
  wrong output judged so ("gives me an OG of 1.500 which is obviously wrong"); not a person not
  working ("i do not work") nor what "didn't work out"; v17 not a person stuck at a place or
  on a task, "stuck at the bank all day", "got stuck on a plot twist", but "I'm stuck on the
  login page"; v18 more kinds of report, each with a part or an act of the product, not a
  person, the body, weather or a feeling: unable to move data, "I can't download the lease";
  an HTTP status code given, "the link gives a 404"; a thing gone after an act on it,
  "vanished when I exported"; a part that stopped its own act, "stopped recording"; its
  stated state contradicted, "says 'charging' but nothing ..."; degrading in use, "drifts out
  of time", "lags", "locks up"; v19 by word classes of English, not listed sentences: a part
  of the product, or a bare noun phrase opening a sentence (``_subject``; not a given name),
  then a malfunction verb in any tense, "keeps resetting itself", "logs me out", "goes blank";
  a negated act of the product with or without the apostrophe, "wont sync", "isnt updating";
  broken now, "is useless now", a link "is dead"; wrong or senseless output, "gets the amounts
  wrong", "shows gibberish"; its stated state denied, "says complete but half ... aren't
  there"; what the person made wiped or duplicated after an act; v20 not a time, a date or a
  slot that does not work for the person, "Tuesday doesn't work for me", "3pm won't work",
  not a thing of the home, "the old clock on the wall stopped working", nor a breakage of the
  far past, "years ago the website kept crashing"; v21 something gone wrong with no
  malfunction named, by word classes: what was due never came or still has not ("The
  verification code never came", "My refund still hasn't shown up", "i never got the password
  reset email", "No confirmation email came through"), output empty, silent, off, doubled or
  set to zero ("This morning's export is empty", "the totals don't add up", "charged double"),
  content stale ("still shows last week's scores"), the person's thing cancelled, refused or
  suspended by the product ("The app cancelled my table booking", "My account was
  suspended"), missing after an act ("Half the photos I uploaded aren't in the album"), its
  record denied ("It says my booking reference doesn't exist"), its output contradicted
  ("shows 0 hours even though I slept eight"); not the person's own cancelling, an item not
  due yet, a question, a medical test that "showed nothing"; and a time's possessive opens a
  subject as "the" does, "Tuesday's backup failed"; v23 by more word classes: a thing the
  product holds vanished, "my playlist vanished", "the button's gone", not "the fog
  disappeared" nor gone by the person's own act; a wait without end, "the login page just
  spins", "it's been processing for an hour", "hangs at 99%", not "I'm still processing the
  news"; a search that finds nothing, "search returns no results for ..."; stale content
  still shown after what ended it, "still lists students who left last term"); v26 by the
  word classes of breakage beyond crash verbs: not getting on ("the setup stalls on step 3",
  "gets stuck halfway through", "just sits there spinning", "gets to 99% and then just
  hangs"), reverting or cleared by the product's act of keeping it ("the units setting keeps
  reverting", "every time I save, the name field gets cleared", ``commit_acts``,
  ``cleared_states``), jamming, paid for and not given ("I paid for premium and it still
  hasn't unlocked", ``payment_acts``, ``entitlements``, ``unlock_states``), off by a measure
  or impossible ("the date is off by a day", "reads 95 degrees, impossible"), other output
  than asked ("translated it into German instead of Spanish"), gone after an operation named
  ("vanished after the merge", ``data_operations``), held in review for a span ("still in
  review after 2 weeks"); not a person who did not turn up, a machine noun that also names a
  trade among them (``trade_agents``: "the kitchen installer didn't show up"); and a time
  clause is no report up to its comma only, "whenever" never ("Whenever I save, the app
  crashes" is one; "When the sync fails, what happens?" is none); v28 not a third party's
  mistake told in passing: people by their trade, role or part in a game (``person_nouns``:
  "the referee got the score wrong", "the caterer got our order wrong", "our tiler didn't turn
  up"), the plural of a machine noun that names a trade ("the transcribers get surnames
  wrong"; "your transcriber gets my surname wrong" is one), a thing of the world after a
  person's possessive ("My friend's car keeps breaking down"); v30 a way given wrong by a
  product that guides ("the cycling app routed me down a footpath that's closed", "your map
  sent us the wrong way", ``guide_verbs``, ``bad_ways``; not a person nor a sign); v31 a time
  or condition clause with no comma hides no report (``_habit_main``, ``habit_markers``:
  "when i open the map it freezes", "every time i tap save it logs me out"; not a main clause
  still to come, asking, or a breakage in the time clause itself: "if the app freezes should
  i reinstall it"), and a program closing by itself ("the app just closes"); v33 not
  another's trouble: a device after another person's possessive ("my uncle's laptop keeps
  crashing", ``owned_devices``), a guide who is a person (``human_guides``), a thing inside a
  printed source (``print_sources``: "the pattern in the magazine has the stitch count
  wrong"), the person's own work in progress (``own_works``: "I'm stuck at 80% on my knitting
  project"); v34 not an error the person makes their own code throw ("how do i throw an
  error containing a new property?"); v35 breakage told by its effect: duplication ("every
  entry shows up twice"), the person's things lost by the product's act ("it wipes my
  settings"), a redirect loop ("it keeps bouncing me back to sign-up"), a wrong
  identification ("it identified my oak as a maple"), a view blank since a time, a measure
  contradicted by another source ("it says 40k steps, my watch says 8k"), nothing arriving
  since a change ("since the update nothing syncs"); v37 "every" and "each" determine the
  part as "the" does ("every entry shows up twice", "each invoice prints with the wrong
  date"), and another person's words reported are not the person's breakage (``_others_words``:
  "my colleague was adamant that it crashes", "my wife swears it froze on her"; the product's
  own message is, "the screen says the upload failed"); v38 terse chat reports by word classes:
  a part or a bare noun phrase opening the message fails, breaks, errors or throws errors in
  any form ("sync broke again", "Backup failed last night", "Checkout keeps throwing an
  error"), is down ("Site down again??", a thing of the product), does not go ("the transfer
  did not go"), is wrong or way off ("Train times are wrong again", "readings were way off";
  not "my guess was way off", another's), is stuck ("sync stuck", "stuck on 'processing'");
  the same error after an act ("tried three times, same error"); cancelled or wiped by the
  product ("cancelled by the system", "Playlist got wiped again", "wiped everyone's points
  again", "lost my whole playlist after the update"); an act not done from its app ("won't
  unlock from the app"); not an undertaking of life ("our project failed", "my diet failed"),
  "breaks" as a noun ("taking breaks"), "broke down", "lost my parents in a crash"; key =
  ``user_reported``.

Material a person pastes as a block (``_pasted``: a code fence, machine output, a quoted or
forwarded message) is not their words (v12): it reports no breakage and shows no reaction of
theirs ("got this when i tried on the app??" above a fenced "Error 409: ..."). v27: nor is a
formal letter or decision of an institution, read by its register (``_letter``: "We are
writing to inform you that your application has been refused under paragraph 9.8.1. ...").

A failure the person says they expected or wanted is none of theirs (v9, ``_expected``): their
very next act after the failed outcome is a message opening with such a mark ("Good, they fail
for the right reason.", "Good, as expected.", ``expected_failure_marks``) that does not
complain.

A failure is told once (v10): an assistant's apology that tells again an earlier failure of the
actor's, after they reacted to it and took no action since, is none (``_restates``,
``restate_words``: "Sorry, the import failed: permission denied on IMG_0412.CR3." after their
import_failed); the actor's report that it broke followed by the product's failure outcome of
the same act is one episode, the outcome's (``_reported_then_logged``: "upgraded to 1.8 and
the web UI won't start", upgrade, upgrade_failed). Silence is ``abandon`` only when the failure
is left unresolved (``_resolved``): no episode when a success of the actor's follows it, or
when it is an apology in the last turn after the actor's work had succeeded.

A failure stays open until its actor next does something other than react to it in words or by
feedback; while it is open, an assistant's apology acknowledges it and the actor's own report
that it broke is a reaction to it (complain), not a new failure (``find_failures``). Asking what
happened or what to do ("What should I do?", "did I do something wrong?", ``help_requests``) is
reacting in words too (v7): it keeps the failure open, shows no label of its own (the window's
later acts decide, as after any question about the error), and a report in the same message
that it broke ("it seems to have gone wrong ... what should I do?") then asks, not complains.

The reaction is what the same actor did next in the session, read from the actor's own messages
and actions after the failure: the first one, then more up to ``window_events`` of them within
``window_seconds``, never past the actor's next failure nor past the next good end of their
work (v17: an outcome of theirs that is no failure; what follows is another matter). Labels
(the cues are general lexicons and event names in ``data/failures.yaml``):

- ``feedback``: an action named thumbs_down, rating, feedback, report_problem, ...; or, said in
  words (v9), a critique asking for what the work lacked ("Where's the test that would have
  caught this?", "did you even run it?", ``feedback_messages``) or a question for the cause
  ("Can you explain what is slow here before we retry?", ``cause_questions``), when the message
  shows no other label and comes before the actor's first action of the window and after
  nothing that showed a label (``_said_first``); asking only the way on ("what should I do?")
  still leaves the label to the window's acts;
- ``escalate``: asks for a person or support (a message: "is there anyone I can talk to", "can
  someone from your team look at this", "contact support", v10 any human team or role,
  ``human_roles``: "Paging the DBA on call.", "get SRE on this"; v17 the roles of a domain,
  "Can I talk to the TA please?", "connect me with my adjuster"; v19 asking whom to reach or
  how, "Who do I contact about this?", "is there a phone number for support", "put me in
  touch with someone who can sort this"; or an action: contact_support,
  open_incident, ..., v17 a verb of reaching someone and a role, contact_ta, email_instructor);
- ``complain``: a negative message about the product (a negative judgement, a positive one
  denied, a broken expectation, a recurring failure, or the actor's report that it broke when
  the message says nothing else it does about it: a report beside a fix, giving up, asking for
  a person or saying they try again, "The payment didn't go through, I'll try it again", is
  the context of that act, v8);
- ``self_fix``: the person makes the failed path work, so the product does the job (v19, as
  docs/behavior.md defines it against ``switch``): reports a workaround or fix ("I fixed it
  by", "worked around", "restarting fixed it", "nevermind, I got it"; v19 said without a
  subject or by its means, "fixed it, had to clear the cache", "clearing my cookies did it"),
  or doing it oneself ("I fix it myself in settings", "I
  changed it in settings", "I did it manually"; not "how do I fix it?", v7; v17 "I'll fix it
  on my end"; "I power-cycled the inverter and reset the dongle myself", "it's working
  again", v8; any act of ``self_fix_acts`` with "myself" or "by myself" later in its clause,
  "I choose other seats myself, row 32",
  v12, not "I booked it for myself"; from v13 any verb on an object, "I'll resize the photos
  myself", "I converted the measurements by hand", but one of being, living, having, saying,
  thinking or wanting, ``self_fix_non_acts``: not "I live by myself", "I had a coffee by
  myself"; "never mind, I retyped it by hand" is then self_fix, which outranks abandon); v15
  bringing the device back by one's own hand, an action of ``repair_actions`` (reset_device,
  pair_device, reboot_router; not the failed act again, which retries it) or a message that is
  only such an act ("re-paired, ok now", ``repair_messages``); a
  message that also
  tells the product it was wrong ("your system is wrong. I fix it myself") is still one episode
  with one label, self_fix: a correction is no feedback action and no complaint;
- ``abandon`` said in words: gives up on it or puts it off ("forget it", "never mind", "I give
  up", "not worth it", "ill do it tmrw", "I'll try again tomorrow"; not "don't forget it", v7;
  v15 stopping or leaving the product, "login fail again, I stop.", "I've had enough,
  cancelling my subscription"; v16 a judgement beside it is its reason, no complaint: "I give
  up, this is useless"; v17 resignation, "whatever. ill take the zero", "leaving it", and
  refusing to do it again, "not doing this again tonight": a negated "again" is no retry; v19
  a bare imperative alone in its clause, "nah leave it", "ok, skip it");
- ``retry``: the first reaction repeats the failed request (same type, same name, same text once
  case and spacing are ignored), is an action named retry, resend, regenerate, ..., or a message
  saying so ("retry", "ok trying again", "rerunning with a smaller batch"; v18 with the act
  between, "let me try uploading the x-ray again", was switch; v19 "ill give the export
  another shot"); the
  failed request is the actor's act just before the failure, or, when that was a retry action,
  the act it retried (``repeated_act``). From v9 also the same act on other text: an action of
  the same name with a dissimilar text (not a ``text_actions`` name, whose text is the request;
  a ``command_actions`` name only with the same command head, "make -j8" after "make"), and
  any action of the attempt that led to the failure (``attempt_of``: the actor's actions since
  their last outcome, when the session ``logs_attempts``: re-applying the patch whose test run
  failed);
- ``rephrase``: the first reaction is of the same type and name as the failed request and its
  text is similar (``difflib.SequenceMatcher`` ratio at least ``rephrase_ratio``, 0.6);
- ``switch``: the first reaction is anything else, or a message saying the person gets the job
  done without the failed path (v19: by hand or in another tool, "I'll do it by hand", "I
  did it manually", "I'll do the budget in Excel", "export the CSV and upload it manually";
  a repair verb by hand stays ``self_fix``, "I corrected the totals manually"), or moves to
  another tool (v15, ``switch_messages``: "Moving over to Ableton for this, yours keeps
  failing"; its report is its context; v17 any act of the person's stated with "instead", "I'll
  email them to the claims address instead", or by another channel, "sending it by email", and
  giving up on this way while naming another, "Not fighting with it, sending it by email");
  v21 undoing it said, "rolling it back", another way unnamed, "let's try something else",
  another product by its name, "I'll just log it on BirdTrack then". v29: a third party the
  person pays or hires to do the job, or the job outsourced ("I give up, I'm paying an agent
  to deal with the whole thing", "hiring a lawyer to handle the application"; ``hire_verbs``,
  ``third_parties``, ``paid_amounts``): the job goes on without the product or its people,
  so it is no escalation, and giving up beside it names the way; not the product's people,
  paying for the product, nor negated or asked. A message that shows no
  label and repeats nothing is no switch by itself (v21, ``_unread``; until v20 the default):
  up to the window's first act that shows a label, an act that retries or rephrases the failed
  request decides, else the first that moves on: the message itself when it asks for
  something else naming nothing of the failure (``new_requests``, ``request_refs``: "How do I
  add a teammate?", "then summarise last week's tickets"), a later action, or such a request;
  a guessed switch would teach the behaviour model a habit nobody showed. v22: such messages
  ("hmm", "ok", "Whatever you think is best", "is it on my side?") count as no act: when the
  window holds nothing else, the actor's next act after it decides as a first act does, up to
  their next failure or the good end of their work; with none it is silence, ``abandon``
  (v10: no episode once their work came to a good end); v21 emitted no episode, losing the
  failure the person reported;
- ``abandon``: the actor does nothing more in the session (``measure`` is then None), or says
  they give up (above).

A recurrence told ("it keeps failing", "login fail again", ``recurrences``) is a report (v15,
was a complaint cue): a complaint only when the message says nothing else the person does. What
the person says they would do in a case supposed shows no reaction yet (v15, ``text.supposed``,
as reports: "If it fails again I'll give up"). A same action again whose text only adds a
retry word ("warfarin 5mg x90 resubmit", ``retry_words``; not a request's text nor a command
line) retries it (v15). v21: the failure persisting is told as a recurrence too ("It's still
doing it", "still broken", "Same thing again", "This is the third time this week", "Every time
I need it, it falls over"); escalation by the role of whoever should act ("Have someone contact
me about this", "I'd like this looked at by whoever is in charge", "forward this to your
developers"); complaint by idiom or scorn ("a disaster", "great, just great", "nothing works",
"you've had weeks"); retry by idiom ("one more go", "another crack at it", "hitting submit
again", "Round two", "see if it works this time"); self_fix told by its result ("updated it
and it worked"); putting it off by waiting ("I'll give it an hour", "calling it a day") is
``abandon``; v37 so is a retry put off to a time to come, whatever its words (``deferrals``:
"will give it another go after lunch", "I'll have another crack at it next week"; "trying
again now" retries), and a person of the product's side made to act, with a bare role, is
``escalate`` ("please get support to fix this", "have support look at it", "ask your
developers to fix the export"; "I'll ask my accountant to file it" stays a switch).

v36: the person's own report may tell what they did about it in the same message ("The export
crashed again so I retried and it worked", "the app keeps freezing, I've emailed your support
team", "Sync failed again. Switching to Dropbox.", "Upload keeps failing, I just copied the
files by hand instead."): the message is then a reaction at 0 s beside the window's acts,
read with the same cues (``told``), its label weighed by the same precedence and cited on its
own clause to the end of its sentence (``told_span``); later acts still decide when it tells
none. The report's own words tell no reaction (a cue that overlaps a report or recurrence
match: "the units setting keeps reverting", "why does this keep failing"; a question for the
cause names the failure and still counts), nor a bare report or a sigh (a complaint told
needs a judgement, ``complain``: "The app crashed again, this is useless"), what is supposed
("I'll switch to Dropbox if it fails again"), reported speech ("my brother says I should
email support", ``text.is_reported``), an act in a question ("Should I try again?") or
negated ("I don't want to switch to Google"); a retry put off stays ``abandon`` ("I'll try
again tomorrow").

Precedence, when the window shows several: feedback > escalate > complain > self_fix > abandon >
retry > rephrase > switch (explicit acts and words over what the next act implies; giving up
asks nothing of the product). ``measure`` = seconds from the failure to the event that decided
the label.

Times are measured only where the input gave them: when the failure's time or the deciding
event's was invented (``StoredEvent.ts_invented``, an OpenAI message timed by its conversation),
``measure`` is None; an act is too late for the window only when both its time and the
failure's are the input's own (v5).

Evidence is only ever the actor's own text, never the assistant's nor the product's: the deciding
reaction's text; else the message in which the actor reported the failure; else the actor's act
just before the failure (the request that failed). An outcome's text (an error message) is the
product's words, though the outcome carries the actor: it is read as context, never cited (v6).
When none has text the episode is emitted with empty evidence only if the failure is the actor's
own outcome (a product event stream without text), and dropped otherwise. ``context`` holds the
episode: failure_event_id, failure_name, failure_text (cut to ``failure_text_chars``; it may be the
assistant's words, read as context, never cited), reaction_event_id, reaction_event_ids,
prior_event_id, reaction_act and undoes (v10: the deciding action's name, and whether it
undoes what the actor did, ``undo_actions``: a switch to a rollback), position_in_session
(index of the failure / events in the session) and recent_failures (the actor's failures in
the ``recent_seconds`` before it, counting those with times of their own; None when the
failure's own time was invented).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import cache
from typing import Any

from persona6.extract import text as tx
from persona6.extract.base import is_person_message, registered
from persona6.extract.common import Cite, name_words, names_match, signal_for, whole_cite
from persona6.extract.prep import CueList, LazyPattern, Prepared, prepared
from persona6.extract.text import load_lexicon, material_spans
from persona6.types import Signal, SignalKind, StoredEvent, parse_ts

NAME = "persona6.failure.v38"


class Reaction(StrEnum):
    FEEDBACK = "feedback"
    ESCALATE = "escalate"
    COMPLAIN = "complain"
    SELF_FIX = "self_fix"
    RETRY = "retry"
    REPHRASE = "rephrase"
    SWITCH = "switch"
    ABANDON = "abandon"


#: Strongest first: the label of an episode is the first of these its window shows.
PRECEDENCE = (
    Reaction.FEEDBACK,
    Reaction.ESCALATE,
    Reaction.COMPLAIN,
    Reaction.SELF_FIX,
    Reaction.ABANDON,
    Reaction.RETRY,
    Reaction.REPHRASE,
    Reaction.SWITCH,
)


def _compile(patterns: Sequence[str], gates: Sequence[str | None] = ()) -> CueList:
    # Compiled when a text may match them (``prep.LazyPattern``): most never do in a session.
    # ``gates``: the gate of each pattern (``_gated``), none when not given.
    gated = [*gates] + [None] * (len(patterns) - len(gates))
    return CueList(LazyPattern(p, re.IGNORECASE, g) for p, g in zip(patterns, gated, strict=True))


@dataclass(frozen=True, slots=True)
class FailureCues:
    outcome_names: frozenset[str]
    outcome_states: frozenset[str]
    state_clears: frozenset[str]
    cancel_words: frozenset[str]
    own_parties: frozenset[str]
    other_parties: frozenset[str]
    report_acts: frozenset[str]
    state_exclusions: frozenset[str]
    error_attrs: frozenset[str]
    code_attrs: frozenset[str]
    error_code: re.Pattern[str]
    http_status_attrs: frozenset[str]
    success_attrs: frozenset[str]
    assistant_errors: CueList
    assistant_exclusions: CueList
    user_reports: CueList
    user_report_exclusions: CueList
    service_requests: CueList
    product_things: re.Pattern[str]
    help_requests: CueList
    escalate: CueList
    escalate_exclusions: CueList
    complain: CueList
    complain_exclusions: CueList
    #: v32: an interjection of annoyance, a complaint only when no act is named beside it.
    complain_interjections: CueList
    self_fix: CueList
    self_fix_exclusions: CueList
    repair_messages: CueList
    recurrences: CueList
    switch_messages: CueList
    new_requests: CueList
    request_refs: CueList
    abandon: CueList
    abandon_exclusions: CueList
    feedback_actions: frozenset[str]
    escalate_actions: frozenset[str]
    reach_verbs: frozenset[str]
    role_name: re.Pattern[str]
    undo_actions: frozenset[str]
    retry_actions: frozenset[str]
    repair_actions: frozenset[str]
    retry_words: frozenset[str]
    retry_messages: CueList
    retry_exclusions: CueList
    #: v37: who may report a breakage to the person (``_others_words``): persons (``_people``)
    #: and ``reporter_words``; and the adjectives of being sure (``conviction_words``).
    reporters: frozenset[str]
    convictions: frozenset[str]
    #: v37: a time to come, which makes a retry said beside it a putting off (``abandon``).
    deferrals: re.Pattern[str]
    expected_failure_marks: CueList
    #: ``feedback_messages`` and ``cause_questions``: read together, as one label (v9).
    feedback_messages: CueList
    command_actions: frozenset[str]
    text_actions: frozenset[str]
    attempt_acts: int
    window_events: int
    window_seconds: float
    rephrase_ratio: float
    recent_seconds: float
    failure_text_chars: int
    restate_words: int
    function_words: frozenset[str]
    asking_verbs: frozenset[str]
    #: v31: an unpunctuated time or condition clause before a report's main clause
    #: (``_habit_main``).
    habit_markers: re.Pattern[str]
    main_subjects: frozenset[str]
    main_to_come: re.Pattern[str]
    main_askers: frozenset[str]
    object_leads: frozenset[str]
    nominatives: frozenset[str]
    #: v27: the register of a formal letter (``_letter``).
    letter_decisions: CueList
    letter_marks: CueList


@cache
def cues() -> FailureCues:
    data: dict[str, Any] = load_lexicon("failures")

    def names(key: str) -> frozenset[str]:
        return frozenset(str(n) for n in data[key])

    # "{roles}" in an escalate pattern: any of the human teams and roles (v10); "{acts}" in a
    # self_fix pattern: any verb of doing it oneself; "{rules}" in a report exclusion: any mark
    # of a rule or a permission (v12).
    roles = "|".join(f"(?:{r})" for r in data["human_roles"])
    acts = "|".join(sorted((str(a) for a in data["self_fix_acts"]), key=len, reverse=True))
    rules = "|".join(f"(?:{r})" for r in data["rule_marks"])
    # "{people}" in a report pattern: a person, not a thing, as its subject; "{non_acts}" in a
    # self_fix pattern: a verb that is no act on a thing (v13).
    people_nouns = _people(data)
    people = "|".join(re.escape(p) for p in people_nouns)
    machines = {str(r) for r in data["machine_roles"]}
    persons = "|".join(re.escape(p) for p in people_nouns if p not in machines)
    non_acts = "|".join(re.escape(str(a)) for a in data["self_fix_non_acts"])
    # "{repairs}" in a repair message: any act of bringing a device back (v15).
    repairs = "|".join(
        re.escape(str(r)) for r in sorted(data["repair_words"], key=lambda r: -len(str(r)))
    )
    # v25: a machine noun names the product's software or device in every pattern that names
    # its things ("the game launcher just spins", ``machine_nouns``), not only as no person.
    things = "|".join(
        re.escape(str(t))
        for t in sorted(
            {*map(str, data["product_things"]), *map(str, data["machine_nouns"])},
            key=len,
            reverse=True,
        )
    )
    # "{part}" in a report pattern: a part of the product as the subject (v16), ``_part``;
    # "{errors}": a word of the product's own message of failure, quoted (v16).
    world = "|".join(re.escape(str(w)) for w in data["world_nouns"])
    word, modified, bare = _phrase_words(data, world, people, persons)
    # v21: a time's possessive opens a part as a determiner does ("Tuesday's backup failed",
    # "last night's sync", ``time_possessives``).
    times = "|".join(f"(?:{t})" for t in data["time_nouns"])
    owners = "|".join(f"(?:{o})" for o in data["time_possessives"]).replace("{times}", times)
    part = _part(word, modified, bare, owners)
    errors = "|".join(f"(?:{e})" for e in data["error_words"])
    verbs = load_lexicon("style")["imperative_verbs"]
    imperatives = "|".join(re.escape(str(v)) for v in sorted(verbs, key=lambda v: -len(str(v))))

    def alternatives(key: str) -> str:
        return "|".join(f"(?:{a})" for a in data[key])

    def words(key: str) -> str:
        # a word class as escaped words, longest first ("step count" before "step")
        return "|".join(re.escape(str(w)) for w in sorted(data[key], key=lambda w: -len(str(w))))

    # v19: the word classes of a report ("{subject}", "{adverbs}", "{malfunctions}", "{neg}",
    # "{product_acts}", "{outputs}", "{bad_output}"; ``_subject``).
    subject = _subject(part, word, bare)

    # The word classes, joined once for every pattern (the 1,475 given names were escaped
    # and joined again for each of the 82 report patterns, most of the lexicon's loading).
    slots = {
        "{subject}": subject,
        "{adverbs}": rf"(?:(?:{data['adverbs']})\s+){{0,3}}",
        "{malfunctions}": alternatives("malfunction_verbs"),
        "{neg}": alternatives("negations"),
        "{product_acts}": alternatives("product_acts"),
        "{product_acts_ing}": alternatives("product_acts_ing"),
        # a given name as written, capitalised, matched case-sensitively (v19)
        "{names}": "(?-i:(?:"
        + "|".join(re.escape(n.capitalize()) for n in sorted(tx.given_names()))
        + r")\b)",
        "{outputs}": alternatives("output_verbs"),
        "{bad_output}": alternatives("bad_output"),
        "{part}": part,
        "{errors}": errors,
        "{world}": world,
        "{persons}": persons,
        "{things}": things,
        # v20: a time, a date or a slot ("Tuesday", "3pm", "the 5th"); a mark of the far past
        "{times}": f"(?:{alternatives('time_nouns')})",
        "{far_past}": alternatives("far_past"),
        # v21: the word classes of a breakage with no malfunction named
        "{owners}": f"(?:{owners})",
        "{acts_past}": alternatives("product_acts_past"),
        "{sent}": words("sent_things"),
        "{output_nouns}": words("output_nouns"),
        "{figures}": words("figure_nouns"),
        "{service}": words("service_things"),
        "{stale}": alternatives("stale_marks"),
        # v23: the word classes of a thing gone, a wait without end, a search that finds
        # nothing ((i)-(l) of ``user_reports``)
        "{held}": words("held_things"),
        "{vanish}": alternatives("vanish_verbs"),
        "{waiting}": alternatives("waiting_states"),
        "{spans}": alternatives("wait_spans"),
        "{progress}": alternatives("progress_nouns"),
        "{search}": alternatives("search_nouns"),
        "{found_none}": alternatives("found_none"),
        # v24: a record on paper, not the product's screen (``paper_marks``)
        "{paper_records}": rf"(?:{alternatives('paper_marks')})\s+(?:{words('record_nouns')})"
        rf"(?:e?s)?\s+(?:{alternatives('display_verbs')})",
        # v25: a finite verb, the end of a clause's subject ("though 28 enrolled", "though
        # she quit in May"; ``_finite``)
        "{finite}": _finite(data),
        # v26: the word classes of a field cleared on save, a payment not given, a thing gone
        # after an operation ((m)-(q) of ``user_reports``)
        "{commits}": alternatives("commit_acts"),
        "{cleared}": alternatives("cleared_states"),
        "{paid}": alternatives("payment_acts"),
        "{entitlements}": words("entitlements"),
        "{unlocks}": alternatives("unlock_states"),
        "{operations}": words("data_operations"),
        # v33: another's device, a guide who is a person, a printed source, one's own work
        "{devices}": words("owned_devices"),
        "{human_guides}": words("human_guides"),
        "{print}": words("print_sources"),
        "{own_works}": words("own_works"),
        "{trades}": words("trade_agents"),
        # v30: a way given wrong ((s) of ``user_reports``)
        "{guides}": alternatives("guide_verbs"),
        "{bad_ways}": alternatives("bad_ways"),
    }

    def report(pattern: str) -> str:
        for slot, value in slots.items():
            if slot in pattern:
                pattern = pattern.replace(slot, value)
        return pattern.replace("{people}", people)

    def gate(pattern: str) -> str | None:
        # A report opening with its subject is searched only where what follows the subject
        # (the malfunction verb, the negated act, ...) is found: the subject's alternation of
        # closed words, world nouns and persons, tried at every word, costs most of a report's
        # search, and few texts hold the rest (speed only: the same matches).
        return report(pattern[len(_SUBJECT) :]) if pattern.startswith(_SUBJECT) else None

    reports = [str(p) for p in data["user_reports"]]
    # v29: a third party the person pays or hires to do the job (``hire_verbs``, a person of
    # ``person_nouns`` or ``third_parties``, or anyone hired "to" do something, not a sum paid,
    # ``paid_amounts``), or outsourcing it: a switch, not an escalation, the job goes on
    # without the product or its people ("I give up, I'm paying an agent to deal with the
    # whole thing", "paying the venue coordinator to do the seating").
    third = "|".join(
        re.escape(str(t))
        for t in sorted({*map(str, data["third_parties"]), *people_nouns}, key=len, reverse=True)
    )
    # Not the product's people ("someone from your team"), to the clause's end.
    not_theirs = (
        r"(?![^.?!;]*\b(?:from|at|in|on)\s+(?:your|the)\s+(?:support|team|company|staff)\b)"
        r"[^.?!;]*"
    )
    hired = (
        r"(?<!\bnot )(?<!never )(?<!n't )(?<!n’t )"
        rf"(?:\b(?:{alternatives('hire_verbs')})\s+(?!(?:for|you|your|u|ur)\b)"
        r"(?:(?:a|an|the|my|our|some|a local|a proper|an actual|a real|a professional)\s+)?"
        rf"(?:[\w-]+\s+){{0,2}}?(?:(?:{third})s?\b|(?!(?:{words('paid_amounts')})\b)[\w-]+"
        r"\s+to\s+[a-z]+)|\boutsourc(?:e|es|ed|ing)\b)"
        rf"{not_theirs}"
    )

    # v32: a third party fetched to do the job (``fetch_verbs``: get, have, ask, let a person
    # of ``person_nouns`` or ``third_parties``, then a verb of the job, ``job_verbs``): "I'll
    # get a mechanic to do it", "having the venue coordinator do it"; not asked of the product
    # ("can you get someone"), negated, nor the product's people ("someone from your team",
    # v37 "ask your developers to fix the export").
    jobs = _phrases(data["job_verbs"])
    fetched = (
        r"(?<!\byou )(?<!\bu )(?<!\bnot )(?<!never )(?<!n't )(?<!n’t )(?<!please )"
        rf"\b(?:{alternatives('fetch_verbs')})\s+"
        r"(?:(?:a|an|the|my|our|some|a local|a proper|an actual|a real|a professional"
        r"|his|her|their)\s+)?"
        rf"(?:(?!(?:your|ur)\b)[\w'’-]+\s+){{0,2}}?(?:{third})s?\s+(?:to\s+)?(?:{jobs})\b"
        rf"{not_theirs}"
    )

    return FailureCues(
        outcome_names=names("outcome_names"),
        outcome_states=names("outcome_states"),
        state_clears=names("state_clears"),
        cancel_words=names("cancel_words"),
        own_parties=names("own_parties"),
        other_parties=names("other_parties"),
        report_acts=names("report_acts"),
        state_exclusions=names("state_exclusions"),
        error_attrs=names("error_attrs"),
        code_attrs=names("code_attrs"),
        error_code=re.compile(str(data["error_code"])),  # case-sensitive: E_CARD, not "e-book"
        http_status_attrs=names("http_status_attrs"),
        success_attrs=names("success_attrs"),
        assistant_errors=_compile(data["assistant_errors"]),
        # "{things}": a thing of the product, which an apology about "your" X is about (v17).
        assistant_exclusions=_compile(
            [p.replace("{things}", things) for p in data["assistant_error_exclusions"]]
        ),
        user_reports=_compile([report(p) for p in reports], [gate(p) for p in reports]),
        user_report_exclusions=_compile(
            [report(p.replace("{rules}", rules)) for p in data["user_report_exclusions"]]
        ),
        service_requests=_compile(data["service_requests"]),
        product_things=re.compile(rf"\b(?:{things})s?\b", re.IGNORECASE),
        help_requests=_compile(data["help_requests"]),
        escalate=_compile([p.replace("{roles}", roles) for p in data["escalate"]]),
        # v29: "{hired}", a third party the person pays or hires to do the job (``hired``)
        escalate_exclusions=_compile([hired, fetched]),
        complain=_compile(data["complain"]),
        complain_exclusions=_compile(data["complain_exclusions"]),
        complain_interjections=_compile(data["complain_interjections"]),
        self_fix=_compile(
            [p.replace("{acts}", acts).replace("{non_acts}", non_acts) for p in data["self_fix"]]
        ),
        self_fix_exclusions=_compile(data["self_fix_exclusions"]),
        repair_messages=_compile(
            [p.replace("{repairs}", repairs) for p in data["repair_messages"]]
        ),
        recurrences=_compile(data["recurrences"]),
        switch_messages=_compile(
            [
                p.replace("{hired}", hired).replace("{fetched}", fetched)
                for p in data["switch_messages"]
            ]
        ),
        # "{imperatives}": the verbs of an order, style.yaml's word class (v21)
        new_requests=_compile(
            [p.replace("{imperatives}", imperatives) for p in data["new_requests"]]
        ),
        request_refs=_compile(data["request_refs"]),
        abandon=_compile(data["abandon"]),
        abandon_exclusions=_compile(data["abandon_exclusions"]),
        feedback_actions=names("feedback_actions"),
        escalate_actions=names("escalate_actions"),
        reach_verbs=names("reach_verbs"),
        # A role named by the rest of an action's name, "ta" of contact_ta (v17).
        role_name=re.compile(rf"(?:the |a |my |your )?(?:{roles})", re.IGNORECASE),
        undo_actions=names("undo_actions"),
        retry_actions=names("retry_actions"),
        repair_actions=names("repair_actions"),
        retry_words=names("retry_words"),
        retry_messages=_compile(data["retry_messages"]),
        retry_exclusions=_compile(data["retry_exclusions"]),
        deferrals=re.compile("|".join(data["deferrals"]), re.IGNORECASE),
        reporters=frozenset(
            {p.lower() for p in people_nouns if " " not in p} | set(names("reporter_words"))
        ),
        convictions=names("conviction_words"),
        expected_failure_marks=_compile(data["expected_failure_marks"]),
        feedback_messages=_compile([*data["feedback_messages"], *data["cause_questions"]]),
        command_actions=names("command_actions"),
        text_actions=names("text_actions"),
        attempt_acts=int(data["attempt_acts"]),
        window_events=int(data["window_events"]),
        window_seconds=float(data["window_seconds"]),
        rephrase_ratio=float(data["rephrase_ratio"]),
        recent_seconds=float(data["recent_seconds"]),
        failure_text_chars=int(data["failure_text_chars"]),
        restate_words=int(data["restate_words"]),
        function_words=frozenset(str(w) for w in load_lexicon("function_words")["words"]),
        asking_verbs=names("asking_verbs"),
        habit_markers=_words_pattern(data["habit_markers"]),
        main_subjects=names("main_subjects"),
        main_to_come=_words_pattern(data["main_to_come"]),
        main_askers=names("main_askers"),
        object_leads=names("object_leads"),
        nominatives=names("nominatives"),
        letter_decisions=_compile(data["letter_decisions"]),
        letter_marks=_compile(data["letter_marks"]),
    )


def _phrase_words(
    data: dict[str, Any], world: str, people: str, persons: str
) -> tuple[str, str, str]:
    """The words of a report's subject (``_part``, ``_subject``): a word that is no function
    word; a head after a modifier that is no thing of the world, no person and no adverb; a
    head alone, that is none of those nor a role (``_part``)."""
    closed = sorted(
        {str(w) for w in load_lexicon("function_words")["words"]} | set(data["part_closed"]),
        key=len,
        reverse=True,
    )
    closed_words = "|".join(re.escape(w) for w in closed if w.replace("'", "").isalnum())
    ly_nouns = "|".join(re.escape(str(w)) for w in data["ly_nouns"])
    word = rf"(?!(?:{closed_words})\b)[\w-]+"
    adverb = rf"(?!(?:{ly_nouns})\b)[a-z]+ly\b"
    # v24: a record after a modifier, read by a verb of display, is the product's screen
    # (``record_nouns``, ``display_verbs``: "the grade book shows ...").
    records = "|".join(re.escape(str(r)) for r in data["record_nouns"])
    display = "|".join(f"(?:{v})" for v in data["display_verbs"])
    shown = rf"(?:{records})(?:e?s)?\s+(?:{display})"
    modified = rf"(?!(?!{shown})(?:{world}|{persons}|{adverb})(?:e?s)?\b){word}"
    bare = rf"(?!(?:{world}|{people}|{adverb})(?:e?s)?\b){word}"
    return word, modified, bare


def _phrases(phrases: Sequence[object]) -> str:
    """An alternation of ``phrases`` escaped, longest first, spaces as any run of spaces."""
    return "|".join(
        re.escape(str(p)).replace(r"\ ", r"\s+")
        for p in sorted(phrases, key=lambda p: -len(str(p)))
    )


def _words_pattern(phrases: Sequence[object]) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words, longest first, spaces as any run of spaces (v31)."""
    return re.compile(rf"(?<![\w'’])(?:{_phrases(phrases)})(?![\w'’])", re.IGNORECASE)


def _finite(data: dict[str, Any]) -> str:
    """A finite verb (v25), which ends the subject of a clause: a form of be, have or do, a
    modal, a negated auxiliary, a word in "-ed" or an irregular past of ``english.yaml``
    (``irregular_verbs``), or one of ``finite_verbs`` ("though the list says 40",
    "though 28 enrolled", "though she quit in May")."""
    english = load_lexicon("english")
    forms = {str(f) for fs in english["irregular_verbs"].values() for f in fs}
    forms |= {str(m) for m in english["modals"]} | {str(v) for v in data["finite_verbs"]}
    words = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return rf"(?:{words}|[a-z]+ed|[a-z]+n['’]t)\b"


def _part(word: str, modified: str, bare: str, owners: str) -> str:
    """The pattern of a part of the product named as the subject of a breakage (v16): "it",
    "this", "that", or a determiner (the, my, our, your, this, that) and a noun phrase of up to
    four words ending in its head noun, whatever the noun ("The route planner froze", "Your CV
    upload button does nothing", "Uploading my RAW files fails"), but not a head that is a
    thing of the person's world, which breaks in its own way (``world_nouns``: "my knee froze",
    "the lake froze", "the market crashed"), or a person (``person_nouns``, and the family and
    pets of ``disclosures.yaml``: "my toddler does nothing but ...", "my grandad froze"). A
    role a person or a program can have (``machine_roles``: manager, editor, assistant) is a
    part after a modifier ("the password manager froze"), a person alone ("my manager"). The
    words of the phrase are no function words ("the day my car failed" is no phrase); the head
    is no adverb ("the lake finally froze"; ``ly_nouns`` are nouns all the same); the modifiers
    may be anything else ("the garden planner", "the bank feed", "the nightly backup"). Its
    words: ``_phrase_words``. v21: a time's possessive is a determiner too (``owners``,
    ``time_possessives``: "Tuesday's backup failed", "last night's sync didn't finish", "this
    morning's export is empty"), with the same heads ("last year's harvest failed" is none);
    tried only where a possessive follows within three words (the alternation of times at
    every word start doubled the cost of the reports). v37: "every" and "each" determine a
    part as "the" does ("every entry shows up twice", "each invoice prints with the wrong
    date")."""
    return (
        r"(?:\b(?:it|this|that)\b"
        rf"|(?:\b(?:the|my|our|your|this|that|every|each)|(?<![\w'’-])(?=(?:[\w:.]+\s+){{0,2}}[\w:.]+['’]s\s)(?:{owners}))"
        rf"\s+(?:(?:{word}(?:['’]s)?\s+){{1,3}}?{modified}|{bare}))"
    )


#: The slot of a v19 report's subject (``_subject``); a report opening with it is gated by the
#: rest (``cues``, ``prep.LazyPattern``).
_SUBJECT = "{subject}"


def _subject(part: str, word: str, head: str) -> str:
    """The subject of a v19 report: a part of the product (``_part``), perhaps with a place
    after it ("the download link in your email", "the timer on the quiz page"), or a bare noun
    phrase of up to three words opening a sentence ("Video calls keep dropping", "Photo backup
    says complete but ..."), whose words are no function words and whose head is no person,
    no thing of the world and no adverb ("Prices keep dropping", "Grandma froze" are none; a
    given name, "Mike froze", is excluded by ``user_report_exclusions``): ``head`` is the bare
    head of ``_part`` (``_phrase_words``). A given name is a person too, but read by one
    exclusion (``{names}`` in ``user_report_exclusions``), not here: 1,475 names in every report
    pattern cost seconds to compile."""
    place = (
        r"(?:\s+(?:in|on|of|for|from|inside|under)"
        r"\s+(?:the|my|your|our|this|that)\s+[\w-]+(?:\s+[\w-]+)?)?"
    )
    # The modifiers of a bare phrase are any words but the first, which is no function word ("i
    # love singing frozen ..." is no phrase): the closed words' pattern in each would make
    # every report pattern twice as long to read.
    bare = rf"(?:^|[.!?;]\s+|\n)\W*(?:{word}\s+(?:[\w-]+\s+)?)??{head}"
    return rf"(?:{part}{place}|{bare})"


def _people(data: dict[str, Any]) -> list[str]:
    """Persons and bodies, not things, as a report's subject: ``person_nouns`` and the family
    and pets of ``disclosures.yaml`` (v16: "my grandad froze when he saw the bill"), longest
    first."""
    nouns = load_lexicon("disclosures")["nouns"]
    found = {str(p) for p in [*data["person_nouns"], *nouns["family"], *nouns["pets"]]}
    # v24: an agent noun that names software or a device is never a person, whichever list
    # names it ("the installer hangs at 87%", ``machine_nouns``).
    found -= {str(m) for m in data["machine_nouns"]}
    return sorted(found, key=len, reverse=True)


@dataclass(frozen=True, slots=True)
class Failure:
    index: int  # position of the failure event in the session
    event: StoredEvent
    actor: str
    name: str


@dataclass(frozen=True, slots=True)
class FailureEpisode:
    failure: Failure
    reaction: Reaction
    reaction_event: StoredEvent | None  # the event that decided the label; None for abandon
    window: tuple[StoredEvent, ...]
    prior: StoredEvent | None  # the actor's act just before the failure
    latency: float | None


def is_failure_name(name: str | None) -> bool:
    """An outcome name that says it failed (``outcome_names``: payment_failed, timeout), or that
    a thing is in an unavailable, degraded or unwanted state (``outcome_states``:
    monitoring_offline, api_down, delivery_delayed, budget_exceeded; v15 what was due did not
    happen, contractor_no_show, parcel_not_delivered) and
    not that the state ended or is a feature (``state_clears``: offline_sync_completed,
    back_online, offline_mode_enabled; ``state_exclusions``: scroll_down, thumbs_down); or a
    cancellation by another party (v15, ``cancelled_by_others``). Only the words after the
    person's act of reporting count (v15, ``report_acts``): outage_reported is their report's
    success, outage_report_rejected its failure."""
    found = cues()
    words = name_words(name)
    acts = [
        i
        for i, word in enumerate(words)
        if word in found.report_acts and (i == 0 or words[i - 1] not in _DENIED)
    ]
    if acts:
        words = words[acts[-1] + 1 :]
        name = "_".join(words)
    if not words:
        return False
    if names_match(name, found.outcome_names) or cancelled_by_others(words):
        return True
    return (
        names_match(name, found.outcome_states)
        and not found.state_clears.intersection(words)
        and not names_match(name, found.state_exclusions)
    )


#: Words that deny the act after them: issue_not_acknowledged is no acknowledgement.
_DENIED = frozenset({"not", "never", "un"})


def cancelled_by_others(words: Sequence[str]) -> bool:
    """A name's words say another party cancelled (v15): "cancelled" (``cancel_words``) then
    "by" and anyone but the person (``own_parties``: cancelled_by_provider, not
    cancelled_by_user), or after one of ``other_parties`` (driver_cancelled). The person's own
    or an unnamed cancellation (order_cancelled) is what they asked for."""
    found = cues()
    for i, word in enumerate(words):
        if word not in found.cancel_words:
            continue
        if i + 2 < len(words) and words[i + 1] == "by" and words[i + 2] not in found.own_parties:
            return True
        if i > 0 and words[i - 1] in found.other_parties:
            return True
    return False


_EMPTY_VALUES = frozenset({"", "0", "none", "null", "false", "no", "ok", "n/a"})


def error_in_attrs(attrs: dict[str, Any]) -> bool:
    """An outcome's attrs carry an error, whatever its name: an ``error_attrs`` key with a
    value (error: "card declined"), a ``code_attrs`` key holding an error code (code: E_CARD)
    or failure words (status: failed, state: offline), an ``http_status_attrs`` key from 400 to
    599, or a ``success_attrs`` key that is false (ok: false)."""
    found = cues()
    for key, value in attrs.items():
        words = name_words(key)
        attr = "_".join(words)
        if attr in found.success_attrs and value is False:
            return True
        if isinstance(value, bool | dict | list | tuple) or value is None:
            # a flag is read as one; a structure only when it holds something (errors: [...])
            if attr in found.error_attrs and value:
                return True
            continue
        if attr in found.http_status_attrs and _http_error(value):
            return True
        text = str(value).strip()
        if attr in found.error_attrs and text.lower() not in _EMPTY_VALUES:
            return True
        if (
            attr in found.code_attrs
            and isinstance(value, str)
            and (found.error_code.match(text) or is_failure_name(text))
        ):
            return True
    return False


def _http_error(value: object) -> bool:
    """An HTTP status from 400 to 599 (404, "503")."""
    text = str(value).strip()
    return isinstance(value, int | str) and text.isdigit() and 400 <= int(text) <= 599


def is_failure_outcome(event: StoredEvent) -> bool:
    """An outcome that is a failure: by its name (``is_failure_name``) or its attrs
    (``error_in_attrs``)."""
    return event.type == "outcome" and (is_failure_name(event.name) or error_in_attrs(event.attrs))


def is_act(event: StoredEvent, actor: str) -> bool:
    """A message or action by ``actor``: something the person did, not something that happened."""
    return event.actor == actor and (event.type == "action" or is_person_message(event))


def _assistant_error(prep: Prepared) -> bool:
    """An apology or error report in an assistant's text, memoised on it."""
    return prep.remember((NAME, "assistant_error"), _reads_as_error)


def _reads_as_error(prep: Prepared) -> bool:
    found = cues()
    return _outside(prep, found.assistant_errors, found.assistant_exclusions)


def _user_report(prep: Prepared) -> bool:
    """A person's text saying something broke (not "if the sync fails"), memoised on it. A
    breakage supposed is none (v14, ``text.supposed``): in a condition or what it says will
    follow ("If the sync fails again, what happens?", "In case the upload fails I'll retry"),
    a case imagined ("Suppose I crashed a rental car, what happens?") or one that was not ("Had
    the sync failed, I would have lost my work"); a habit under a condition is one ("If I open
    it on Wi-Fi, the app always crashes"). A wish or a hedge still tells of it ("I wish it
    would stop crashing", "maybe the sync is broken"). v37: another person's words are not
    the person's breakage (``_others_words``: "my colleague was adamant that it crashes", "my
    wife swears it froze on her"), but the product's message is ("the screen says the upload
    failed")."""
    found = cues()
    return prep.remember(
        (NAME, "user_report"),
        lambda p: (
            _said(
                p,
                found.user_reports,
                found.user_report_exclusions,
                supposed=True,
                habits=True,
                others=True,
            )
            and not _service_request(p)
        ),
    )


def _service_request(prep: Prepared) -> bool:
    """The person asks someone to repair a broken thing of the world (v15,
    ``service_requests``: "Hi, gutter is broken, who can repair?", "I need a plumber") and
    names no thing of the product they use (``product_things``): the broken thing is the task
    they bring, not the product failing them."""
    return _said(prep, cues().service_requests) and not cues().product_things.search(prep.text)


#: The kinds of ``text.supposed`` that leave a breakage not met (v14).
_SUPPOSED_KINDS = ("condition", "imagined", "counterfactual")


def _supposed(text: str, at: int, habit: int | None = None) -> bool:
    """Offset ``at`` lies in a case supposed (``text.supposed``, ``_SUPPOSED_KINDS``), but not
    in the main clause of an "if" that asks rather than supposes (v23): after a verb of finding
    out (``asking_verbs``: "I'll wait an hour and see if it sorts itself out", "let me check if
    it's back") "if" opens an indirect question, which governs its own clause ("see if it
    crashes" reports no crash) and leaves the clause before it so."""
    for found in tx.suppositions(text):
        if found.kind not in _SUPPOSED_KINDS or not found.scope.start <= at < found.scope.end:
            continue
        if found.marker.start == habit:  # v31: the match opens the condition's main clause
            continue
        if found.scope.start != found.marker.start and _asks_if(text, found.marker.start):
            continue
        return True
    return False


def _asks_if(text: str, at: int) -> bool:
    """The marker at ``at`` is "if" after a verb of finding out (``asking_verbs``)."""
    if text[at : at + 2].lower() != "if":
        return False
    before = re.findall(r"[\w'’]+", text[max(0, at - 40) : at].lower())
    verbs = cues().asking_verbs
    return bool(before) and (
        before[-1] in verbs or (len(before) > 1 and " ".join(before[-2:]) in verbs)
    )


def asks_for_help(prep: Prepared) -> bool:
    """A person's text asking what happened or what to do about a failure (``help_requests``:
    "What should I do?", "did I do something wrong?", "how do I fix this?")."""
    return _said(prep, cues().help_requests)


def _says_retry(prep: Prepared) -> bool:
    """A person's text saying they try the same again (``retry_messages``), not in a case
    supposed (v15: "If it fails, I'll retry tomorrow")."""
    return _said(prep, cues().retry_messages, cues().retry_exclusions, supposed=True)


def _deferred_retry(prep: Prepared) -> bool:
    """A retry said (``_says_retry``) with a time to come in its sentence (``deferrals``, v37:
    "will give it another go after lunch", "I'll have another crack at it next week", "try
    again in the morning"; not "trying again now"), memoised on the text."""
    return prep.remember((NAME, "deferred"), _read_deferred)


_SENTENCE_ENDS = re.compile(r"[.!?;\n]")


def _read_deferred(prep: Prepared) -> bool:
    if not _says_retry(prep):
        return False
    found, text = cues(), prep.text
    for when in found.deferrals.finditer(text):
        if _supposed(text, when.start()):
            continue
        ends = [m.start() for m in _SENTENCE_ENDS.finditer(text)]
        start = max([e + 1 for e in ends if e < when.start()], default=0)
        end = min([e for e in ends if e >= when.end()], default=len(text))
        sentence = text[start:end]
        refused = [
            x.span() for p in found.retry_exclusions.candidates(prep) for x in p.finditer(sentence)
        ]
        for pattern in found.retry_messages.candidates(prep):
            for m in pattern.finditer(sentence):
                if not any(a <= m.start() < b for a, b in refused):
                    return True
    return False


_NO_CUES = CueList(())


def _said(
    prep: Prepared,
    wanted: CueList,
    exclusions: CueList = _NO_CUES,
    supposed: bool = False,
    habits: bool = False,
    others: bool = False,
) -> bool:
    """A person's own words match ``wanted`` (outside every match of ``exclusions``), memoised
    on the text. Material they pasted is not their words (v12, ``text.material_spans``): an
    error message in a code fence, a log line, a forwarded email reports no breakage, asks
    nothing and tells no reaction of theirs ("got this when i tried on the app??" above a
    fenced "Error 409: ... retry with loyalty tier GOLD"). With ``supposed``, a match in a case
    supposed (``_SUPPOSED_KINDS``) is not said either (v14). With ``habits``, a match opening
    the main clause after an unpunctuated time or condition clause is outside that clause
    (v31, ``_habit_main``). With ``others``, a match in another person's reported words is
    not said (v37, ``_others_words``)."""
    return prep.remember(
        (NAME, "said", wanted, exclusions, supposed, habits, others),
        lambda p: _outside(
            p, wanted, exclusions, own=True, supposed=supposed, habits=habits, others=others
        ),
    )


def _pasted(prep: Prepared) -> list[tuple[int, int]]:
    """The blocks of material pasted in a person's text (``text.material_spans`` that begin a
    line: a code fence, machine output, a quoted or forwarded message), memoised on it. Words
    after a colon on the person's own line stay theirs: "The message says: sync failed" tells
    what the product showed them."""
    return prep.remember((NAME, "pasted"), _blocks)


def _blocks(prep: Prepared) -> list[tuple[int, int]]:
    text = prep.text
    return [
        (s.start, s.end)
        for s in material_spans(text)
        if not text[text.rfind("\n", 0, s.start) + 1 : s.start].strip()
    ] + _letter(prep)


#: Where a letter's first sentence starts: after an end mark, a line break, a colon or a quote.
_SENTENCE_EDGE = re.compile(r"[.!?:;\n\"“”]")
#: Where a letter ends: a line break or a closing quote (the person's own words follow it).
_LETTER_END = re.compile(r"[\n\"”]")


def _letter(prep: Prepared) -> list[tuple[int, int]]:
    """A formal letter or decision of an institution the person pasted, read by its register
    (v27, ``letter_decisions``, ``letter_marks``): a decision told to the reader ("we regret
    to inform you", "your application has been refused", "you have the right to appeal", "this
    decision", "under paragraph 9.8.1") and at least one more mark of the register (another
    decision, or a salutation, "we are writing to inform you", "Yours sincerely", "please do
    not reply to this email"). Its words are the institution's, not a breakage the person met
    nor a reaction of theirs: the span runs from the sentence of the first mark to the end of
    the line or the quotation that holds the last one (the letter's further sentences, "The
    booking system crashed so your payment was refunded", are the institution's too), so the
    person's own question around it ("what does 9.8.1 even mean??" on its own line) stays
    theirs. One mark alone is no letter ("Dear support, the export button
    doesn't work")."""
    found, text = cues(), prep.text
    decisions = [
        m.span() for p in found.letter_decisions.candidates(prep) for m in p.finditer(text)
    ]
    if not decisions:
        return []
    marks = decisions + [
        m.span() for p in found.letter_marks.candidates(prep) for m in p.finditer(text)
    ]
    if len(set(marks)) < 2:
        return []
    first = min(start for start, _ in marks)
    last = max(end for _, end in marks)
    edges = [m.start() for m in _SENTENCE_EDGE.finditer(text, 0, first)]
    start = edges[-1] + 1 if edges else 0
    after = _LETTER_END.search(text, last)
    return [(start, after.end() if after else len(text))]


def _outside(
    prep: Prepared,
    wanted: CueList,
    exclusions: CueList,
    own: bool = False,
    supposed: bool = False,
    habits: bool = False,
    others: bool = False,
) -> bool:
    """Some match of ``wanted`` in the text starts outside every match of ``exclusions`` (and,
    when ``own``, outside the material the person pasted; when ``supposed``, outside a case
    supposed, ``text.supposed``; when ``others``, outside another person's reported words)."""
    return next(_spots(prep, wanted, exclusions, own, supposed, habits, others), None) is not None


def _spots(
    prep: Prepared,
    wanted: CueList,
    exclusions: CueList,
    own: bool = False,
    supposed: bool = False,
    habits: bool = False,
    others: bool = False,
) -> Iterator[re.Match[str]]:
    """The matches ``_outside`` counts, in the order found (v36: where a reaction is told)."""
    found, text = wanted.candidates(prep), prep.text
    if not found:
        return
    # The exclusions are read only once some match of ``wanted`` is found: most texts a
    # pattern's prefilter lets through have none, and the exclusions cost more than the
    # patterns (the given names of ``user_report_exclusions`` are 1,475 words).
    excluded: list[tuple[int, int]] | None = None
    for p in found:
        for m in p.finditer(text):
            if excluded is None:
                excluded = [e.span() for x in exclusions.candidates(prep) for e in x.finditer(text)]
                if own:
                    excluded += _pasted(prep)
            marker = _habit_main(text, m.start()) if habits else None
            if not any(
                start <= m.start() < end and start != marker for start, end in excluded
            ) and not (
                (supposed and _supposed(text, m.start(), marker))
                or (others and _others_words(text, m.start()))
            ):
                yield m


def _others_words(text: str, at: int) -> bool:
    """The words at ``at`` are another person's, reported (v37): ``text.is_reported`` with a
    person before its verb of saying ("my boss says the app keeps crashing", "my wife swears it
    froze"; not "the screen says the upload failed", the product's own message), or a person
    sure of them, a form of "be" and a word of ``conviction_words`` ("my colleague was
    adamant that it crashes"; not "I'm sure it crashed", the person's own)."""
    sentence = next((s for s in tx.sentences(text) if s.start <= at < s.end), None)
    if sentence is None:
        return False
    words = tx.tokens(text, sentence.start, at)
    found = cues()
    for index, word in enumerate(words):
        if not (tx.is_report_verb(word.word) or word.word in found.convictions):
            continue
        before = [w.word.split("'")[0] if w.word.endswith("'s") else w.word for w in words[:index]]
        if (
            word.word in found.convictions
            and words[index - 1 : index]
            and (words[index - 1].word.endswith("'s"))
        ):
            before.append("is")  # "she's convinced": "she" and "is"
        if word.word in found.convictions and not (before and before[-1] in _BE_FORMS):
            continue
        if word.word not in found.convictions and not tx.is_reported(text, sentence, at):
            continue
        if any(w in found.reporters or w.rstrip("s") in found.reporters for w in before):
            return True
        if any(text[t.start].isupper() and t.word in tx.given_names() for t in words[:index]):
            return True
    return False


_BE_FORMS = frozenset({"is", "was", "are", "were", "been", "be", "seemed", "seems"})


def _habit_main(text: str, at: int) -> int | None:
    """The start of the time or condition marker (``habit_markers``) whose clause, with no
    comma, ends where the match at ``at`` opens the main clause (v31): "when i open the map |
    it freezes", "every time i tap save | it logs me out", "if i upload more than 3 photos |
    the app just closes". After the marker come the clause's own subject and verb (two words
    at least), then the match opens with a subject (``main_subjects``) or follows a subject
    pronoun ("when i log in | i get a 500"). Not a main clause still to come or unreal
    (``main_to_come``: "if i upload 4 photos the app will crash"), nor one that asks (a word of
    ``main_askers`` before its subject, "does the app crash", or a "?" at its end), nor a word
    that may be an object after a preposition (``object_leads``, unless a subject pronoun,
    ``nominatives``: "when i click on it crashes"); a breakage in the time clause itself stays
    in it ("if the app freezes should i reinstall it")."""
    found = cues()
    start = max(text.rfind(c, 0, at) for c in ".!?;,:\n") + 1
    markers = list(found.habit_markers.finditer(text, start, at))
    if not markers:
        return None
    marker = markers[-1]
    between = [w.lower() for w in re.findall(r"[\w'’]+", text[marker.end() : at])]
    opening = re.match(r"[\w'’]+", text[at:])
    if not opening:
        return None
    first = opening.group().lower()
    if first not in found.main_subjects:
        if not between or between[-1] not in found.nominatives | {"it", "you"}:
            return None
        first, between = between[-1], between[:-1]  # the pronoun opens the main clause
    if len(between) < 2 or between[-1] in found.main_askers:
        return None
    if between[-1] in found.object_leads and first not in found.nominatives:
        return None
    stop = re.search(r"[.!?;,:\n]", text[at:])
    main = text[at : at + stop.start()] if stop else text[at:]
    if (stop and stop.group() == "?") or found.main_to_come.search(main):
        return None
    return marker.start()


def find_failures(session: Sequence[StoredEvent]) -> list[Failure]:
    """Every failure in a session's events (in time order), with the actor it happened to.

    A failure stays **open** until its actor next does something other than react to it in
    words or by feedback (a message that escalates, complains, reports a workaround, gives up,
    reports the breakage or asks what happened or what to do; a feedback or escalate action).
    While it is open, an assistant message
    apologising or reporting an error acknowledges it, and the actor's own report that it broke
    ("this is broken again") is a reaction to it: neither is a new failure."""
    found: list[Failure] = []
    last_actor: str | None = None
    open_for: set[str] = set()  # actors with an open failure
    for index, event in enumerate(session):
        if event.actor and is_failure_outcome(event):
            key = "_".join(name_words(event.name)) or "outcome"  # an unnamed one, by its attrs
            found.append(Failure(index, event, event.actor, key))
            open_for.add(event.actor)
            continue
        if event.type == "message" and event.role == "assistant" and event.text:
            # Not while the latest person's failure is open: then it acknowledges that one; nor
            # when it tells again a failure the person already met and acted on (v10).
            actor = last_actor
            if (
                actor is not None
                and actor not in open_for
                and _assistant_error(prepared(event))
                and not _restates(session, index, actor, found)
            ):
                found.append(Failure(index, event, actor, "assistant_error"))
                open_for.add(actor)
            continue
        person = is_person_message(event)
        if person and _user_report(prepared(event)):
            actor = event.actor or ""
            if actor not in open_for:
                found.append(Failure(index, event, actor, "user_reported"))
                open_for.add(actor)
            last_actor = event.actor
            continue
        if event.actor and (event.type == "action" or person):
            last_actor = event.actor
            if event.actor in open_for and not _reacts_in_words(event):
                open_for.discard(event.actor)
    return [f for f in found if not _expected(session, f)]


_WORD = re.compile(r"[a-z0-9][a-z0-9_]*[a-z0-9]")


def _content_words(text: str | None) -> set[str]:
    """The words of ``text`` that can say what failed: lower-cased, at least three characters,
    not function words nor failure words ("failed", "error", "denied")."""
    found = cues()
    return {
        w
        for w in _WORD.findall((text or "").lower())
        if len(w) >= 3
        and w not in found.function_words
        and w not in found.outcome_names
        and w not in found.outcome_states
    }


def _restates(
    session: Sequence[StoredEvent], index: int, actor: str, failures: Sequence[Failure]
) -> bool:
    """The assistant message at ``index`` tells again an earlier failure of ``actor`` (v10):
    it shares at least ``restate_words`` content words with it (an outcome's with its name's
    words among them: "import" of import_failed), and the actor took no action since (an
    action is a new attempt, which may fail anew)."""
    said = _content_words(session[index].text)
    if not said:
        return False
    for failure in reversed(failures):
        if failure.actor != actor:
            continue
        if any(e.actor == actor and e.type == "action" for e in session[failure.index : index]):
            return False  # the actor tried again since: what fails now is that attempt
        event = failure.event
        named = (
            _content_words(" ".join(name_words(event.name))) if event.type == "outcome" else set()
        )
        shared = said & (named | _content_words(event.text))
        if len(shared) >= cues().restate_words and (not named or shared & named):
            return True
    return False


def _expected(session: Sequence[StoredEvent], failure: Failure) -> bool:
    """The actor says the failure is what they expected or wanted (v9): their next act is a
    message whose first sentence marks it so (``expected_failure_marks``: "Good, they fail for
    the right reason.", "Good, as expected.") and that shows no complaint; only an outcome (a
    test run written to fail first) can be wanted, never an assistant's apology."""
    if failure.event.type != "outcome":
        return False
    after = range(failure.index + 1, len(session))
    at = next((i for i in after if is_act(session[i], failure.actor)), None)
    if at is None or not is_person_message(session[at]):
        return False
    prep = prepared(session[at])
    # Judged by the complaint cues, not the report it may hold ("Good, it failed" reports it).
    found = cues()
    return _said(prep, found.expected_failure_marks) and not _said(
        prep, found.complain, found.complain_exclusions
    )


def _reacts_in_words(event: StoredEvent) -> bool:
    """The act reacts to an open failure rather than moving on: it shows a label by itself
    (a feedback or escalate action; a message that escalates, complains, reports a fix or
    gives up), or it is a message asking what happened or what to do about it."""
    labels = reaction_labels(event) - {Reaction.SWITCH}  # saying they move on moves on (v15)
    if event.type == "action":
        labels.discard(Reaction.SELF_FIX)  # a repair action is a new act (v15)
    return bool(labels) or (is_person_message(event) and asks_for_help(prepared(event)))


def _flat(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def repetition(
    event: StoredEvent, prior: StoredEvent | None, attempt: Sequence[StoredEvent] = ()
) -> Reaction:
    """retry, rephrase or switch: how ``event`` relates to the act ``prior`` it follows, or to
    an earlier act of the same ``attempt`` (v9: the actions that led to the failure; re-applying
    the patch the failed test run tried is a retry)."""
    if event.type == "action" and names_match(event.name, cues().retry_actions):
        return Reaction.RETRY
    if is_person_message(event) and _says_retry(prepared(event)):
        return Reaction.RETRY  # "retry", "ok trying again", "rerunning with --batch-size 500"
    found = Reaction.SWITCH
    for act in (prior, *(a for a in attempt if a is not prior)):
        again = _repeats(event, act)
        if again is Reaction.RETRY:
            return again
        if again is Reaction.REPHRASE:
            found = again
    return found


def _repeats(event: StoredEvent, act: StoredEvent | None) -> Reaction:
    """retry, rephrase or switch: ``event`` is ``act`` again (same type and name, the same text
    once case and spacing are ignored), a similar one (text ratio at least ``rephrase_ratio``),
    the same act on other text or arguments (v9: an action of the same name, or of a
    ``command_actions`` name with the same command head; not a ``text_actions`` name, whose
    text is the request), or something else."""
    if act is None or act.type != event.type or _flat(act.name) != _flat(event.name):
        return Reaction.SWITCH
    before, after = _flat(act.text), _flat(event.text)
    if before == after:
        return Reaction.RETRY
    name = "_".join(name_words(event.name))
    if (
        event.type == "action"
        and name
        and name not in cues().text_actions
        and name not in cues().command_actions
        and _unmarked(before) == _unmarked(after)
    ):
        return Reaction.RETRY  # "warfarin 5mg x90 resubmit" after "warfarin 5mg x90" (v15)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    # real_quick_ratio >= quick_ratio >= ratio (difflib's bounds): the cheap ones often decide.
    threshold = cues().rephrase_ratio
    if (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    ):
        return Reaction.REPHRASE
    if event.type != "action":
        return Reaction.SWITCH
    # Dissimilar texts of one act: another try of it, unless the text is the act.
    if not name or name in cues().text_actions:
        return Reaction.SWITCH
    if name in cues().command_actions:
        head = _command_head(before)
        return Reaction.RETRY if head and head == _command_head(after) else Reaction.SWITCH
    return Reaction.RETRY


def _unmarked(text: str) -> list[str]:
    """An action's text without the words of a retry (``retry_words``: "again", "resubmit")."""
    words = (w.strip(".,;:!?()[]\"'") for w in text.split())
    return [w for w in words if w and w not in cues().retry_words]


_PLAIN_WORD = re.compile(r"[a-z][a-z0-9_-]*")


def _command_head(text: str) -> str:
    """A command line's program and its plain-word subcommand ("npm test" of "npm test --
    a.ts", "deploy api" of "deploy api --env staging", "cc" of "cc -o prog prog.c")."""
    words = text.split()[:2]
    if len(words) == 2 and not _PLAIN_WORD.fullmatch(words[1]):
        words = words[:1]
    return " ".join(words)


def reaction_labels(event: StoredEvent) -> set[Reaction]:
    """The labels one reaction event shows by itself (not retry, rephrase or switch): a
    feedback or escalate action (by its name, or an action whose text asks for a person); a
    person's message that escalates, complains (a person's report that it broke, "it still
    doesn't work", is a complaint too, unless it asks what to do), reports a fix or gives up."""
    labels: set[Reaction] = set()
    found = cues()
    if event.type == "action":
        if names_match(event.name, found.feedback_actions):
            labels.add(Reaction.FEEDBACK)
        if names_match(event.name, found.repair_actions):
            labels.add(Reaction.SELF_FIX)  # reset_device, pair_device (v15)
        if names_match(event.name, found.escalate_actions) or reaches_role(event.name):
            labels.add(Reaction.ESCALATE)
        elif event.text and found.escalate.search(prepared(event)):
            labels.add(Reaction.ESCALATE)  # a support form's text: "can someone look at this"
    elif is_person_message(event):
        labels.update(_message_labels(prepared(event)))
    return labels


def reaches_role(name: str | None) -> bool:
    """An action reaches a person by a role (v17): its name is a verb of reaching someone
    (``reach_verbs``) and then a role of ``human_roles`` (contact_ta, email_instructor,
    call_claims_adjuster), not a thing (email_documents, call_api, request_refund)."""
    words = name_words(name)
    found = cues()
    return (
        len(words) >= 2
        and words[0] in found.reach_verbs
        and found.role_name.fullmatch(" ".join(words[1:])) is not None
    )


def _message_labels(prep: Prepared) -> tuple[Reaction, ...]:
    """The labels a person's message shows by its text, memoised on it."""
    return prep.remember((NAME, "labels"), _read_labels)


def _read_labels(prep: Prepared) -> tuple[Reaction, ...]:
    found = cues()
    labels: list[Reaction] = []
    # The person's own words only, not material they pasted (v12, ``_said``), and not what they
    # say they would do in a case supposed (v15, ``text.supposed``): "If it fails again I'll
    # give up" gives up on nothing yet.
    if _said(prep, found.escalate, found.escalate_exclusions, supposed=True):
        labels.append(Reaction.ESCALATE)
    if _said(prep, found.complain, found.complain_exclusions, supposed=True):
        labels.append(Reaction.COMPLAIN)
    if _said(prep, found.self_fix, found.self_fix_exclusions, supposed=True) or _said(
        prep, found.repair_messages
    ):
        # "I fix it myself in settings", not "how do I fix it?"; "re-paired, ok now" (v15)
        labels.append(Reaction.SELF_FIX)
    if _said(prep, found.abandon, found.abandon_exclusions, supposed=True):
        labels.append(Reaction.ABANDON)  # "forget it ill do it tmrw", "never mind, I give up"
        if Reaction.COMPLAIN in labels:
            # Giving up with a judgement of the product is giving up (v16): the judgement is its
            # reason, as a report beside an act is that act's context (v8). "I give up, this is
            # useless", "ugh useless, forget it".
            labels.remove(Reaction.COMPLAIN)
    if Reaction.ABANDON not in labels and _deferred_retry(prep):
        # v37: a retry put off to a time to come puts the job off (docs/behavior.md's
        # ``abandon``: "I'll try again tomorrow"), whatever the words of trying again: "will
        # give it another go after lunch", "I'll have another crack at it next week".
        labels.append(Reaction.ABANDON)
    if not labels and _said(prep, found.feedback_messages, supposed=True):
        # Feedback in words (v9): "Where's the test that would have caught this?", "Can you
        # explain what is slow here before we retry?"; a report beside it is its context.
        labels.append(Reaction.FEEDBACK)
    if labels in ([], [Reaction.ABANDON]) and _said(prep, found.switch_messages, supposed=True):
        # "Moving over to Ableton for this" (v15). Giving up on this way while naming the other
        # one takes is a switch (v17): "Not fighting with it, sending it by email", "forget it,
        # I'll use Excel instead" give up on the way, not on the goal.
        labels[:] = [Reaction.SWITCH]
    if not labels and _said(prep, found.complain_interjections, found.complain_exclusions, True):
        # v32: an interjection complains alone; beside an act named it is the act's mood ("ugh.
        # paying someone to do it" switches, "argh, restarted it and it works" fixes it).
        labels.append(Reaction.COMPLAIN)
    reported = _user_report(prep) or _said(prep, found.recurrences, supposed=True)
    if not labels and reported and not asks_for_help(prep) and not _says_retry(prep):
        # "it broke again" complains. A report that also says what the person does about it is
        # the context of that act, not a complaint (v8): "it seems to have gone wrong, what
        # should I do?" asks; "the payment didn't go through, I'll try it again" retries;
        # "monitoring went offline again, I reset the dongle myself" fixes it; "monitoring is
        # offline again. Forget it" gives up.
        labels.append(Reaction.COMPLAIN)
    return tuple(labels)


#: v36: the reactions whose words, in a question, tell no act done ("Should I try again?",
#: "should I switch to Dropbox?"); asking for a person or the cause is itself the reaction.
_ACTS_TOLD = frozenset({Reaction.RETRY, Reaction.SWITCH, Reaction.SELF_FIX, Reaction.ABANDON})


def told(failure: Failure) -> tuple[Reaction, ...]:
    """The reactions the actor tells in the very message that reports ``failure`` (v36): "The
    export crashed again so I retried and it worked" (retry), "the app keeps freezing, I've
    emailed your support team" (escalate), "Sync failed again. Switching to Dropbox." (switch),
    "Upload keeps failing, I just copied the files by hand instead." (switch). The labels are
    the message's own (``_message_labels``, read as any reaction message is), less the
    complaint that is only the report itself (a complaint told needs a judgement, ``complain``:
    "The app crashed again, this is useless"), with a retry said (``_says_retry``); each only
    where one of its cues stands outside reported speech (``text.is_reported``: "my brother
    says I should email support") and, for an act, outside a question ("Upload failed. Should
    I try again?"). What it says would follow a case supposed is none (``text.supposed``: "I'll
    switch to Dropbox if it fails again"), and a retry put off gives up (``abandon``: "I'll try
    again tomorrow"), as in any reaction message. Empty for any other failure."""
    event = failure.event
    if event.actor != failure.actor or not is_person_message(event):
        return ()
    return prepared(event).remember((NAME, "told"), _read_told)


def _read_told(prep: Prepared) -> tuple[Reaction, ...]:
    found = cues()
    labels = list(_message_labels(prep))
    if Reaction.COMPLAIN in labels and not _said(
        prep, found.complain, found.complain_exclusions, supposed=True
    ):
        labels.remove(Reaction.COMPLAIN)  # the report, or a sigh beside it, is no judgement
    if not labels and _says_retry(prep):
        labels.append(Reaction.RETRY)
    return tuple(r for r in labels if told_span(prep, r) is not None)


def told_span(prep: Prepared, label: Reaction) -> tuple[int, int] | None:
    """Where the person's text tells ``label`` (v36): from the clause that holds the first cue
    of it they say as their own (``told``) to the end of its sentence ("so I retried and it
    worked.", "I've emailed your support team"); None when none."""
    found, text = cues(), prep.text
    lists = {
        Reaction.FEEDBACK: [(found.feedback_messages, _NO_CUES)],
        Reaction.ESCALATE: [(found.escalate, found.escalate_exclusions)],
        Reaction.COMPLAIN: [(found.complain, found.complain_exclusions)],
        Reaction.SELF_FIX: [
            (found.self_fix, found.self_fix_exclusions),
            (found.repair_messages, _NO_CUES),
        ],
        Reaction.ABANDON: [(found.abandon, found.abandon_exclusions)],
        Reaction.RETRY: [(found.retry_messages, found.retry_exclusions)],
        Reaction.SWITCH: [(found.switch_messages, _NO_CUES)],
    }[label]
    sentences = tx.sentences(text)
    # The words of the report itself tell no reaction ("the units setting keeps reverting to
    # imperial" undoes nothing of the person's; "why does this keep failing" is the report),
    # but a question for the cause names the failure it asks about ("why did it double count
    # the refund?").
    reports = [
        m.span()
        for wanted, exclusions in (
            (found.user_reports, found.user_report_exclusions),
            (found.recurrences, _NO_CUES),
        )
        for m in _spots(prep, wanted, exclusions, own=True)
        if label is not Reaction.FEEDBACK
    ]
    for wanted, exclusions in lists:
        for match in _spots(prep, wanted, exclusions, own=True, supposed=True):
            # the first word of the match: a cue may open at the mark before its clause
            word = re.search(r"\w", text[match.start() : match.end()])
            at = match.start() + (word.start() if word else 0)
            if any(start < match.end() and at < end for start, end in reports):
                continue
            sentence = next((s for s in sentences if s.start <= at < s.end), None)
            if sentence is None:
                continue
            if label in _ACTS_TOLD and text[sentence.start : sentence.end].rstrip().endswith("?"):
                continue
            if tx.is_reported(text, sentence, at):
                continue
            clause = next((c for c in tx.clauses(text, sentence) if c.end > at), None)
            start = min(at, clause.start) if clause is not None else at
            return start, len(text[: sentence.end].rstrip())
    return None


def repeated_act(session: Sequence[StoredEvent], index: int | None) -> StoredEvent | None:
    """The act at ``index`` (the actor's act before a failure), or, when it is a retry action
    (named retry, resend, ...), the act it retried: the actor's latest earlier act that is not
    a retry. A retry with nothing before it stands for itself."""
    if index is None:
        return None
    act = session[index]
    retries = cues().retry_actions
    i = index
    while session[i].type == "action" and names_match(session[i].name, retries):
        i = next((j for j in range(i - 1, -1, -1) if is_act(session[j], act.actor or "")), -1)
        if i < 0:
            return act
    return session[i]


def episode(
    session: Sequence[StoredEvent],
    failure: Failure,
    failures: Sequence[Failure],
    attempts: bool | None = None,
) -> FailureEpisode:
    """What ``failure.actor`` did after ``failure`` (``failures``: all failures of the session;
    ``attempts``: whether the session logs how attempts end, ``logs_attempts``, read when None)."""
    actor, start = failure.actor, failure.index
    at = next((i for i in range(start - 1, -1, -1) if is_act(session[i], actor)), None)
    prior = None if at is None else session[at]
    # Lazily: the window reads at most a few of the actor's later acts.
    later = (i for i in range(start + 1, len(session)) if is_act(session[i], actor))
    first = next(later, None)
    moment = parse_ts(failure.event.ts)
    # An invented time (ts_invented) says nothing of how long after: the window is then cut by
    # the number of acts alone, and the latency is unknown.
    clocked = not failure.event.ts_invented
    # v36: what the report itself tells the person did, a reaction at 0 s beside the window's
    told_here = told(failure)
    if first is None:
        if told_here:
            label = next(r for r in PRECEDENCE if r in told_here)
            return FailureEpisode(
                failure, label, failure.event, (), prior, 0.0 if clocked else None
            )
        return FailureEpisode(failure, Reaction.ABANDON, None, (), prior, None)
    # The window ends at the actor's next failure, and at the next good end of their work (v17,
    # as ``_resolved``): once it succeeded, what they say or do next is no reaction to it ("It
    # failed again?? trying one more time", a retry, the upload done, then "What if the other
    # driver says it was my fault? ... imagining the worst", another matter).
    stop = min(
        (f.index for f in failures if f.actor == actor and f.index > start), default=len(session)
    )
    stop = min(
        (
            i
            for i in range(start + 1, stop)
            if session[i].actor == actor
            and session[i].type == "outcome"
            and not is_failure_outcome(session[i])
        ),
        default=stop,
    )
    window = [session[first]]
    last = first  # the index of the window's last act
    for i in later:
        late = (
            clocked
            and not session[i].ts_invented
            and (parse_ts(session[i].ts) - moment).total_seconds() > cues().window_seconds
        )
        if len(window) >= cues().window_events or i > stop or late:
            break
        window.append(session[i])
        last = i
    shown = [(e, reaction_labels(e)) for e in window]
    _said_first(shown)
    request = repeated_act(session, at)
    for event, labels in shown:
        # A repair action that is the failed act again retries it (v15): pair_device after
        # pairing failed is no fix of something else.
        repair = event.type == "action" and Reaction.SELF_FIX in labels
        if repair and _repeats(event, request) is not Reaction.SWITCH:
            labels.discard(Reaction.SELF_FIX)
    if attempts is None:
        attempts = logs_attempts(session)
    attempt = attempt_of(session, at) if attempts else ()
    # the reaction the window's first act shows by repeating the failed request (or not)
    repeated = repetition(window[0], request, attempt)
    if _unread(shown[0], repeated):
        # A message that shows no label and repeats nothing ("what's the right apiVersion?",
        # "hmm", a remark the cues cannot read) moves to nothing else by itself (v21; until v20
        # it was a switch whatever it said): up to the window's first act that shows a label,
        # one that runs the failed request again decides (retry, rephrase); else the first
        # that moves on, this message when it asks for something else (``_new_request``), or a
        # later action or such request (switch). None: the reaction is unknown.
        named = _failure_stems(failure)
        read: list[tuple[set[Reaction], Reaction, bool]] = []
        for event, labels in shown:
            if labels:
                break
            again = repeated if event is window[0] else repetition(event, request, attempt)
            moved = event.type == "action" or _new_request(prepared(event), named)
            read.append((labels, again, moved))
        chosen = next((r for r in read if r[1] is not Reaction.SWITCH), None)
        chosen = chosen or next((r for r in read if r[2]), None)
        if chosen is not None:
            chosen[0].add(chosen[1])
        elif len(read) == len(shown) and not told_here:
            # v22: the window holds only such messages, and they count as no act: the actor's
            # next act after them decides as a first act does, up to their next failure or the
            # good end of their work (``stop``, v17); with none, it is silence: ``abandon``
            # (v10: no episode once their work came to a good end, ``_resolved``).
            beyond = (
                i for i in range(last + 1, min(stop + 1, len(session))) if is_act(session[i], actor)
            )
            for i in beyond:
                labels = _read_alone(session[i], request, attempt, named)
                if labels:
                    shown.append((session[i], labels))
                    window.append(session[i])  # its reaction events, and its evidence
                    break
    else:
        shown[0][1].add(repeated)
    shown.insert(0, (failure.event, set(told_here)))
    label = next((r for r in PRECEDENCE if any(r in labels for _, labels in shown)), None)
    if label is None:
        return FailureEpisode(failure, Reaction.ABANDON, None, tuple(window), prior, None)
    decider = next(e for e, labels in shown if label in labels)
    latency = (
        (parse_ts(decider.ts) - moment).total_seconds()
        if clocked and not decider.ts_invented
        else None
    )
    return FailureEpisode(failure, label, decider, tuple(window), prior, latency)


def _said_first(shown: list[tuple[StoredEvent, set[Reaction]]]) -> None:
    """Feedback said in words decides only when it comes first (v9): before the actor's first
    action of the window and after nothing that showed a label. Said after the person moved on,
    a critique is about what came next."""
    moved = False
    for event, labels in shown:
        if moved and event.type != "action":
            labels.discard(Reaction.FEEDBACK)
        moved = moved or event.type == "action" or bool(labels)


def logs_attempts(session: Sequence[StoredEvent]) -> bool:
    """The session's product logs how attempts end: an outcome that is no failure appears in it
    (a test run's success). A stream that logs only errors (a shell history) does not."""
    return any(e.type == "outcome" and not is_failure_outcome(e) for e in session)


def attempt_of(session: Sequence[StoredEvent], index: int | None) -> tuple[StoredEvent, ...]:
    """The actions that led to the failure after the act at ``index`` (v9), in a session that
    ``logs_attempts``: the actor's actions since their last outcome, nearest first, at most
    ``attempt_acts``."""
    if index is None:
        return ()
    actor = session[index].actor or ""
    acts: list[StoredEvent] = []
    for i in range(index, -1, -1):
        event = session[i]
        if event.actor == actor and event.type == "outcome":
            break
        if event.actor == actor and event.type == "action":
            acts.append(event)
            if len(acts) >= cues().attempt_acts:
                break
    return tuple(acts)


def _new_request(prep: Prepared, named: frozenset[str] = frozenset()) -> bool:
    """A person's message asks the product for something else (v21, ``new_requests``: "then
    summarise last week's tickets", "How do I add a teammate?") and names nothing of the
    failure (``request_refs``: not "is it on my side?", "can you check the error?"; v23 nor,
    in a question, a word of the failure's own text or name, by stem, ``named``: "what does
    buffering mean anyway?" after "The video keeps buffering" asks about the failure)."""
    found = cues()
    return (
        _said(prep, found.new_requests)
        and not _said(prep, found.request_refs)
        and not asks_for_help(prep)  # "What should I do?" asks the way on from the failure
        and not ("?" in prep.text and named & _named(prep.text))
    )


def _failure_stems(failure: Failure) -> frozenset[str]:
    """The stems of the words that name ``failure`` (v23): its event's text (the person's
    report, the product's error or apology) and its outcome's name, less failure words
    (``_content_words``)."""
    event = failure.event
    return frozenset(_named(event.text) | _named(" ".join(name_words(event.name))))


def _named(text: str | None) -> set[str]:
    """The stems of ``text``'s content words (``_content_words``: three letters or more, no
    function or failure words), "map" and "app" among them."""
    return {_stem(w) for w in _content_words(text)}


def _read_alone(
    event: StoredEvent,
    request: StoredEvent | None,
    attempt: Sequence[StoredEvent],
    named: frozenset[str] = frozenset(),
) -> set[Reaction]:
    """The labels an act after a window of unread messages shows as a first act would (v22):
    its own labels (a repair action that is the failed act again retries it), else how it
    repeats the failed request; none for a person's message that shows no label, repeats
    nothing and asks for nothing else (``_unread``, ``_new_request``): it is no act either."""
    labels = reaction_labels(event)
    repair = event.type == "action" and Reaction.SELF_FIX in labels
    if repair and _repeats(event, request) is not Reaction.SWITCH:
        labels.discard(Reaction.SELF_FIX)
    if labels:
        return labels
    again = repetition(event, request, attempt)
    if _unread((event, labels), again) and not _new_request(prepared(event), named):
        return set()
    return {again}


def _unread(shown: tuple[StoredEvent, set[Reaction]], again: Reaction) -> bool:
    """The first reaction is a person's message that shows no label by itself and does not
    repeat the failed request (``again`` is switch): it says nothing the cues can read of what
    the person did (v21; "Moving over to Ableton" says where it went, a label of its own)."""
    first, labels = shown
    return is_person_message(first) and not labels and again is Reaction.SWITCH


def _evidence(found: FailureEpisode) -> list[Cite] | None:
    """The actor's own span the episode rests on; [] if none but the failure is the actor's
    own outcome; None when the episode cannot be cited."""
    failure = found.failure
    own_failure = failure.event.actor == failure.actor
    # The actor's report that it broke is their own words; an outcome's text is the product's.
    reported = own_failure and is_person_message(failure.event)
    if reported and found.reaction_event is failure.event:
        # v36: the reaction told in the report, cited on its own clause (``told_span``)
        span = told_span(prepared(failure.event), found.reaction)
        if span is not None:
            return [Cite(failure.event, *span)]
    candidates = [found.reaction_event, failure.event if reported else None, found.prior]
    for event in candidates:
        span = whole_cite(event) if event is not None else None
        if span is not None:
            return [span]
    return [] if own_failure and failure.event.type == "outcome" else None


def _is_action(event: StoredEvent | None) -> bool:
    return event is not None and event.type == "action" and bool(event.name)


def _stem(word: str) -> str:
    """A word's rough stem, enough to tell that "upgraded" and "upgrade", "imports" and
    "import", "deployment" and "deploy" name one act."""
    for suffix in ("ments", "ment", "ions", "ion", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _stems(text: str | None) -> set[str]:
    return {stem for stem in map(_stem, _content_words(text)) if len(stem) >= 4}


def _reported_then_logged(
    session: Sequence[StoredEvent], failures: Sequence[Failure], position: int
) -> bool:
    """The person's report that it broke (``failures[position]``, a message) is followed by
    the product's own failure outcome of the same act (v10): one failure, told then logged, so
    one episode, the outcome's. The outcome is the actor's next failure, within
    ``window_seconds`` (when both times are the input's own), after acts that show no reaction
    of their own; the same act: the report names it (a word of the outcome's name or of an
    action of the actor's since the report, by stem: "upgraded to 1.8 and the web UI won't
    start", then upgrade, then upgrade_failed), or the report came while the act that failed
    was under way (after it, before its outcome)."""
    report = failures[position]
    if not is_person_message(report.event):
        return False
    later = next((f for f in failures[position + 1 :] if f.actor == report.actor), None)
    if later is None or later.event.type != "outcome":
        return False
    start, stop = report.event, later.event
    if (
        not start.ts_invented
        and not stop.ts_invented
        and (parse_ts(stop.ts) - parse_ts(start.ts)).total_seconds() > cues().window_seconds
    ):
        return False
    between = [e for e in session[report.index + 1 : later.index] if is_act(e, report.actor)]
    if any(reaction_labels(e) for e in between):
        return False  # the person reacted to the report first: its own episode
    if not any(e.type == "action" for e in between) and _under_way(session, report):
        return True  # no new attempt between: the report came while the act was under way
    named = " ".join(
        [*name_words(stop.name), *(w for e in between if _is_action(e) for w in name_words(e.name))]
    )
    return bool(_stems(start.text) & _stems(named))


def _under_way(session: Sequence[StoredEvent], report: Failure) -> bool:
    """The actor's last act before ``report`` is an action whose outcome has not come yet."""
    for event in reversed(session[: report.index]):
        if event.actor != report.actor:
            continue
        if event.type == "outcome":
            return False
        if is_act(event, report.actor):
            return event.type == "action"
    return False


def _resolved(session: Sequence[StoredEvent], failure: Failure) -> bool:
    """The actor did nothing after ``failure``, but not because they left it broken (v10):
    their work came to a good end after it (an outcome of theirs that is no failure), or the
    failure is an assistant's apology after their work had already succeeded (their latest
    outcome is no failure) and they asked nothing since (no action, no question). Silence then
    is no ``abandon``: abandoning is leaving with the failure unresolved."""
    actor = failure.actor
    later = session[failure.index + 1 :]
    if any(e.actor == actor and e.type == "outcome" and not is_failure_outcome(e) for e in later):
        return True
    event = failure.event
    if event.type != "message" or event.role != "assistant":
        return False
    for before in reversed(session[: failure.index]):
        if before.actor != actor:
            continue
        if before.type == "outcome":
            return not is_failure_outcome(before)
        if before.type == "action":
            return False
        if is_person_message(before) and (
            "?" in (before.text or "") or asks_for_help(prepared(before))
        ):
            return False
    return False


def recent_failures(
    failures: Sequence[Failure], moments: Sequence[datetime], position: int
) -> int | None:
    """How many failures of the same actor came in the ``recent_seconds`` before
    ``failures[position]``: only failures with times of their own count, and a failure whose
    time was invented has no recent ones it could be measured against (None)."""
    failure = failures[position]
    if failure.event.ts_invented:
        return None
    moment = moments[position]
    return sum(
        1
        for other, when in zip(failures, moments, strict=True)
        if other.actor == failure.actor
        and other.index < failure.index
        and not other.event.ts_invented
        and (moment - when).total_seconds() <= cues().recent_seconds
    )


@registered
class FailureExtractor:
    name = NAME

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        failures = find_failures(session)
        # A report followed by the product's failure of the same act is that failure (v10).
        failures = [
            f for i, f in enumerate(failures) if not _reported_then_logged(session, failures, i)
        ]
        moments = [parse_ts(f.event.ts) for f in failures]
        attempts = logs_attempts(session) if failures else False
        for position, failure in enumerate(failures):
            found = episode(session, failure, failures, attempts)
            if found.reaction_event is None and _resolved(session, failure):
                continue  # nobody left it unresolved: silence is no abandon (v10)
            evidence = _evidence(found)
            if evidence is None:
                continue
            recent = recent_failures(failures, moments, position)
            cited = {span.event.event_id for span in evidence}
            act = found.reaction_event if _is_action(found.reaction_event) else None
            events = [failure.event, *found.window, *(e for e in [found.prior] if e is not None)]
            yield signal_for(
                failure.actor,
                failure.name,
                [e for e in events if e.event_id in cited] or [failure.event],
                evidence,
                producer=NAME,
                kind=SignalKind.FAILURE,
                value=found.reaction.value,
                measure=found.latency,
                context={
                    "failure_event_id": failure.event.event_id,
                    "failure_name": failure.name,
                    "failure_text": (failure.event.text or "")[: cues().failure_text_chars],
                    "reaction_event_id": (
                        found.reaction_event.event_id if found.reaction_event else None
                    ),
                    "reaction_event_ids": [e.event_id for e in found.window],
                    # The deciding act's name when it is an action, and whether it undoes what
                    # the person did (``undo_actions``: a switch to a rollback, v10).
                    "reaction_act": act.name if act is not None else None,
                    "undoes": act is not None and names_match(act.name, cues().undo_actions),
                    "prior_event_id": found.prior.event_id if found.prior else None,
                    "position_in_session": failure.index / len(session),
                    "recent_failures": recent,
                },
            )
