"""persona6.concern.v31: what a person worries about or requires, from a taxonomy.

The taxonomy is ``persona6/data/concerns.yaml``: cost, security, privacy, reliability, speed,
correctness, data loss, compliance, lock-in, ease of use, safety, getting paid, and more, each
with cue words and phrases matched as whole words (the last word of a cue also in its
inflections). A concern counts once per message and key, citing every sentence that raised
it. Concerns are worries or
requirements, so a sentence that asks (a question) or says so ("worried", "make sure", "is it
safe", "how much") or judges it bad ("rename without a deprecation warning is bad", "the new
pricing is unacceptable": ``judgements``, a complaint) weighs more: 1.0, +0.5 for a question,
+0.5 for a worry marker or a judgement. An
obligation of the speaker's ("I must send the invoices") is a duty, no worry marker; a cue that
also names a task's object (a concern's ``framed_cues``: "invoice", "billing") counts only
with a worry marker or a complaint ("the invoice is too high", "renaming it without warning is
bad"), not in any question ("where do I find my invoices?").

Some cues are a concern only in one sense (``senses``, v8), told by the words of their sentence
and the sentences next to it: "how much" asks for a price only in a question beside a word of
money ("how much do you charge?", not "how much should I feed them?"); "is it safe", "unsafe"
are security beside a thing of computers or payments and physical safety otherwise; a location
or an address is privacy beside keeping, sharing or deleting it. Where cues of two concerns
overlap, the more specific reading takes the words: a longer cue over one inside it ("a slow
pay" is getting paid, not speed; "lose my data" data loss, not privacy), then a sense in its
context over a cue alone.

A question is asked in shapes as well as in words (v10): whether a thing is safe, in any words
between ("Is the rooftop disconnect switch safe for firefighters?"), a risk beside a harm to a
body or a home ("Is there any fire risk with panels on an old roof?"), who can see, hear or reach
one's own words and records, or where they are kept ("Where are my recordings stored, and who is
able to listen to them?": ``questions``, privacy). A worry frame ("I'm concerned about how much
we paid", ``worry_frames``) asks as a question does, so such cues count after one too. Idioms of
the language hold cue words in another sense and count for nothing ("safe to say", "should I
risk it", "paid too much attention": ``idioms``), while paying too much is cost ("I'm concerned
we paid too much for what we're saving").

A concern needs a worry about its topic, not the topic named (v11). Shapes are said as well as
asked (``shapes``): losing data, files or work in any words between ("I'm really scared of losing
client photos": data loss), data leaving one's own machine or software phoning home ("I don't
want any face data leaving my server", "does PhotoNest phone home?": privacy); a shape takes the
words of a shorter cue inside it, and a money word right before a noun of data or systems names
their subject ("losing invoice data", "the billing database": ``data_subjects``, no cost). A
question that opens asking the assistant to do a thing ("Could you open an incident for the
login latency?": ``requests``) is no question: what it names is mentioned. The lesser side of a
ranking of values is none ("privacy matters to me more than speed": ``lesser_sides``, privacy
only). Fear in other words ("terrified", "my biggest fear") and what matters to the speaker are
worries.

A concern's words are read in the sense the speaker means (v12). Tracking is privacy only of
people, by ads, cookies or location ("are you tracking me?", "I don't want to be tracked"; a
shape, compounds and a sense), not a parcel's ("text me the tracking updates": ``idioms``) nor
a count's ("tracking my spending"); one's own mistake is an apology, no correctness concern
("Ah, my mistake.", "sorry for mistakes": ``idiom_shapes``). A feeling of worry or anxiety
("a knot in my stomach", "lying awake", "nervous", ``feeling`` senses) is a worry about money
beside a word of one's own finances or an amount of money ("I get so nervous looking at the
balance", "We spent 340 on takeout. That's what worries me."), and yields to
a concern its sentence names ("I'm scared my data will leak": privacy); money is its own
concern, the strain on one's finances, apart from the price of a thing (cost). Asking for a
better price (a coupon, a price match, a discount: ``deals``) mentions cost with the weight of
a mention: a deal-hunter wants a saving, no worry is said ("Do you price match?").

A feeling of worry is felt in the body and in sleep in many words (v13): "I feel sick every time
I check my credit card balance", "a sinking feeling", "my stomach drops", "a cold sweat", "I
couldn't sleep" are feelings as "a knot in my stomach" is (``feeling`` senses, worry markers),
a worry about money beside a word of one's finances and no concern without one ("I feel sick
today").

What a worry is not (v14). A topic named as what a routine act is about is none, not even a
mention ("Could you open an incident for the login latency?", "file a ticket about the slow
checkout", "add the hotel price to the itinerary": ``routine_acts``), unless a worry or a
complaint is said in its sentence or next to it; acts that change the thing ask for it ("please
make it faster, it's painfully slow"). A statement that a risk is absent ("no telemetry, checked
the diff", "nothing leaves our server": ``assurances``) answering another person who raised that
concern is an answer, not the speaker's concern (read over the session in ``extract``). A worry
about a concern takes in a mere mention of a concern it holds in the same message
(``subsumes``: money holds cost), so "I get a knot in my stomach every time I open our bank
app. Can you help us set up a budget?" is a worry about money alone, and a feeling about one's
finances no longer yields to the cost its sentence names ("I feel sick every time I check my
credit card balance, everything costs so much": money).

A concern is a worry or requirement, not a word of its topic in another use (v15, review 7).
Conforming to a rule of one's own organisation is compliance in any words ("Please make sure
the fare is within our corporate travel policy", "permitted under our travel policy", "I
cannot submit anything non-compliant", "justify it to finance"; ``shapes``); a personal
document or number kept, shared or deleted is privacy ("Do you keep a copy of my passport
after booking?"), and asking the assistant to tell is no report ("could you tell me where that
data is stored and who can see it?": ``requests``, ``telling``); asking for a result to be
verified is correctness ("Please verify the numbers", "How do I know this is right?"). A cue
describing the option turned down is none ("Refundable, please, instead of the cheapest one":
``rejected_options``), nor one inside the speaker's work history ("I spent ten years in
audit": ``career``), the speaker's own slowness ("sorry bit slow today": ``idiom_shapes``), a
result's performance ("campaign performance for march": performance is speed only of a thing
that runs, ``senses``) or asking for a human (the escalate reaction: "I want to talk to
someone from support. Now.", ``framed_cues``), nor the subject of a record asked for without a
verb ("Query for refunds by week.": ``routine_acts``). A carrier's punctuality is reliability,
not the person's hurry ("Which one is more on time? I am afraid of the delay again.").

A concern's class is told by its shape in any domain (v16, review 7b). A service failing (late,
cancelled, postponed, down, losing one's things) said with a word of worry, repetition or
distrust in its sentence is reliability ("The delivery slots keep getting cancelled and it
worries me", "I'm afraid the exam server will go down again", "Your app lost my saved recipes
twice already; can I trust it?": a shape's ``frame``), not when the speaker, the person
addressed or a person one knows does it, nor in a bidding ("I was late again", "My sister is
always late", "Cancel it again.": ``not_of``). A verb of conforming before a rule whose owner is
named, or such a rule binding as a subject, is compliance ("Check that the menu meets the
school's nutrition guidelines", "Our HR policy forbids sharing salary data"), not the product's
terms, a game's rules or a rule named as a task's topic. A record of one's health, studies or
pay shown to others is privacy ("Can other students see my grades?", "Please don't share my
diagnosis with the marketing team"). A sentence that opens with a case imagined raises no
concern ("Suppose the flight were cancelled, would I get a refund?").

Asking for a result to be confirmed right, or how one can be sure it is, is correctness in any
domain (v17, end-to-end probe 8): a verb of confirming or a doubt of sureness before a thing
said to be right, correct or accurate ("Can you confirm the dosage on this label is correct?",
"How can I be sure the conversion was done accurately?"); not a confirmation of a thing alone
("confirm my booking"), a place or a time ("is the shop open right now?") or agreement
("you're right").

A case imagined is read by the guard every extractor shares (v18, ``text.supposed``, kind
"imagined": english.yaml ``suppositions``), no list of the concern's own: it opens its
sentence after any discourse markers ("Ok so, suppose the flight were cancelled, ...") and
takes "say" before a subject too ("Say the courier loses it, do I get a refund?"). A condition
stays a worry on purpose, as before: a question about a risk raises it ("What if the backup
fails?", "Should the backup fail, will I lose my photos?").

A topic named is no worry (v19, end-to-end review 8 and probe 9). A concern's words are of two
kinds: ``cues`` say the trouble or the requirement by themselves ("overpriced", "an outage",
"privacy", "the cheapest"), and are a mention said plainly; ``topic_cues`` only name a thing of
the concern's domain ("cancelling my subscription", "that refund amount", "your support team",
"a beginner yoga class", "I'm allergic to penicillin" among ``framed_cues``), and count only
asked about (a question that is no request), worried about, judged, complained of (not by a
fault word: "Checkout throws an error when I try to pay the bill", ``fault_markers``) or asked to
be changed ("Could you lower the price?", ``topic_changes``). A price waved away is the opposite
of a worry ("whatever it costs", "no matter the cost", "cost is no object": ``disregards``); a
trouble said absent is none ("nothing urgent", "it's not expensive at all":
``calm_negations``, unless asked for so: "Not expensive, please."); not affording a mistake or
an outage is not daring to risk it, no price ("I can't afford a mistake with HMRC":
``idiom_shapes``). Another person's worry is not the speaker's ("My accountant is worried about
the audit risk", "She's afraid of a data breach", "According to the forum, ..."), unless the
speaker shares it ("My accountant and I are both worried", ``attribution``).

A claim whose grounds are asked for is no worry about what it says (v20, docs review): in
"What's the source for the claim that the sync is real-time?" the speed is the claim's; the
words after a frame of ``questioned_claims`` raise no concern, the request for a source before it
is correctness.

A worry is said in more shapes, and some words of a topic are none (v21, end-to-end probe 10).
An outcome not wanted right before a cue is feared (``feared_outcomes``: "I don't want to be
stuck with it", "I'd hate to end up tied to one supplier"), unless it is a person's company
(``not_before``: "stuck with my in-laws"). Whether a thing is right is asked in any words
between ("Is this torque spec definitely right?"), a rule may be a regulator's named by its
initials ("Does the agency meet the CQC standards?"), and a thing that takes ages to load is
slow. One's own mistakes with a word between ("correct my Spanish mistakes") ask to be taught;
a sentence correcting what was said ("No, it's the other way round - a faster shutter lets in
less light": ``corrections``) states facts, no worry, unless a trouble persists ("No, it's still
slow"). Money is read under cost's key, saying its own label (a group's ``key``): one person's
one worry about money was two traits; a message's signal says what its strongest sentence says.

Domain worries are read in more shapes (v22, end-to-end review 9). A price the speaker pays
asked or feared to rise is cost ("Will filing this make my premium go up?", "I'm scared the
renewal is going to be way higher": a shape asked, not "The rent goes up in May"); treating
people alike is fairness ("it has to be the same for everyone", "Is it fair to give one
student extra time and not the others?"); the speaker's own working day running late ("work
at the bike shop ran late, again behind": a shape's subject read back through a place) and the
speaker doing a thing slowly ("so today I study slow") are no worry about a product. A worry
about a thing no concern of the taxonomy names ("I'm worried the tarp won't hold", "... That's
my main fear", "I need at least a B to keep my scholarship": ``open_worries``) is an open
topic: a signal of the ``topic`` kind keyed by the thing feared (the head of the clause's named
subject, or the thing at stake), which the graph keeps once it recurs in two sessions.

A worry is read by its class in any words, and a topic's word alone is none (v23, end-to-end
probe 11). Shapes name word classes (``word_classes``: a person's records, who sells to or
watches people, who is near the speaker, what one keeps in an app, what a tool works out) once
for every shape that needs them. A person's data reaching advertisers, strangers or anyone, or
seen by others near them, is privacy ("I don't want it ending up with marketers", "Will my
employer be able to see what I ask you?", "Is it safe to put our guest list with everyone's
home addresses into this?"); what one keeps in an app disappearing is data loss ("half my
photos disappeared after the migration", "will my saved routes disappear?"), and a failure
read with its frame of recurrence stands beside it ("lost all my logs ... that won't happen
again": data loss and reliability); an institution's sanction risked is compliance ("could
this get me expelled?", "I can't risk an academic misconduct case"); a doubt that a tool's
output is right is correctness ("How reliable are these calorie counts?", "the last estimate
was way off"). "Security", "secure" and "virus" name the topic only ("our security guard",
"my secure 9-5"), a GPS track recorded tracks no one, a deadline asked as a fact ("What's the
deadline for filing?") is no time pressure.

An outcome not wanted is feared, in the grammar of aversion, and is the concern it would hurt
(v24, end-to-end probe 12). A frame of aversion (``aversions``: "I don't want to", "I'd hate
(for X) to", "the last thing I need is", "I'd rather not", "can't afford to", "God forbid", "I
don't like the idea of") is a worry frame and a worry of its clause, and the outcome after it
is read by its class (``shapes``, ``word_classes`` ``money_things``): money lost, wasted or
paid over the odds is cost ("I don't want to lose my deposit"), a fine, a lawsuit or a rule
broken is compliance ("I'd hate to get fined"), a thing of the speaker's stolen or broken into
is security ("scared my identity gets stolen"), a deadline missed is time pressure, getting
hurt or ill is safety; said plainly each is an event ("I lost my deposit"). Reluctance is an
aversion too ("I'm wary of", "not comfortable", "hesitant to"), and a person's records handed to
a product after it or asked is privacy ("not comfortable uploading my tax returns to a
chatbot"). A person's data
kept in another country is privacy, asked or feared ("is my data stored abroad?"); a statement
closed by a tag asks with or without its "?" (``tag_questions``: "i cant get sued for this
can i").

A worry said indirectly is read by its class (v26, end-to-end probe 13). A verb or an adjective
of fear before or after a thing that hurts a body (``word_classes`` ``bodily_harms``: injuries
and how they happen, dangerous animals, tools and machines) is safety, in learner English too
("Table saw kickback genuinely terrifies me", "I'm dreading a fall on the lead climb", "I am
very afraid from the sharks"); a person's records sold or passed on, asked ("How do I know the
app isn't flogging my location data?"), or not knowing who receives them ("no idea who they end
up shared with") is privacy; the slang of a price too high ("daylight robbery", "spendy",
"silly money", "extortionate") is cost; a duration stretched beside a thing that runs ("every
time I sync it takes a good five minutes") or the wait for a reply ("three days to get a
reply") is speed; a refusal, a rejection or a ban risked ("one mistake could get me refused")
and being sure a thing is allowed ("I need to be sure this is allowed") are compliance. A record
act after a determiner and a noun is a compound's head ("the dive log app"), no routine act.

Nervousness said without a worry word (v29, end-to-end probe 14) is a fear too: the idioms and
adjectives of jitters (``word_classes`` ``nerves``: "gives me the jitters", "makes me twitchy",
"I get butterflies about", "on edge about") before or after a thing that hurts a body, whose
class now holds the dangerous places and conditions of outdoor hobbies and the road (rapids, a
river's levels, crevasses, cliffs, black ice, lorries, ladders) is safety ("wading that river
alone makes me nervous", "the stepladder puts the wind up me"); alone it is none ("I get
butterflies before my wedding speech").

"Safe" of the work and records a person keeps in a product is data loss (v30, end-to-end probe
14): a question of it being safe beside notes, a journal, a logbook, saved games, a
spreadsheet, months of work, or what may take them away (a phone that dies or is changed, a
subscription cancelled, the app crashing) keeps or loses data, no harm to a body ("will my
charts be safe if my phone dies?", "is my garden journal kept safe if I switch phones").

A concern is said without a worry word (v31, ``stance_fields``): a word of its field (money, a
fee, "quid"; a duration waited; a thing one keeps in an app) and a stance beside it in its
clause, at most a few words off and no conjunction between, are that concern and a worry of the
sentence: a negative appraisal ("the subscription is eating into my grocery money", "the pro
tier is way out of my league"), a limit ("my pocket money won't stretch", "i cant justify forty
quid a month", "every dollar counts"), a wait for nothing ("three days and nothing"), a loss
("the sync swallowed three weeks of edits") or a risk asked ("what happens to my recipes if I
cancel?"). Either alone is none ("I paid for dinner", "that hill is steep near the top"), and a
field word yields to a cue of another concern on it. A risk is asked in its own words too
(``shapes``): who reads or gets to see one's records ("who exactly reads the symptoms I type in
here?"), whether they are shared or where they end up, people near who could see them, someone
logging in as the speaker, a thing needed to work every time or asked to still work or be
around, a failure out of nowhere ("stopped randomly mid bake"), being trapped in a format or
unable to leave, not working out how to use a thing, and a price waved at as steep ("that's a
lot for a hobby"). How a thing works and what a term means are general questions.

A word of a concern's topic in neutral text is none (v27, end-to-end probe 13). A question of
general knowledge (``general_questions``: a comparison, "in general", "or is that a myth", and
no word of the speaker, the person addressed or a thing at hand) asks a fact, no worry ("Is
nitrox actually safer than air or is that a myth?", "How reliable are the 1939 Register
transcriptions generally?"; not "Is this app safer than Dropbox?"), with its "?" or opening as
one; a verb of ``topic_changes`` is a change asked only as a verb, not its noun after "of" or a
determiner nor its participle before a noun ("max depth of cut 80mm" in a pasted spec sheet,
"reduced price this week").

Speed: most messages raise no concern, and a failed search of a long alternation still walks
the whole text. A match of a cue makes each word of the cue a whole word of the text (a maximal
run of word characters, apostrophes and hyphens, folded as ``re.IGNORECASE`` folds them), so a
concern is searched only in messages holding one such word (``Concern.words``): the others
cannot match. The rest of a sentence's reading (is it a question, a worry) is done only for a
sentence that raised a concern.

Only the person's own words count: not assistant, system or tool text, not words in quotation
marks, not reported speech ("my boss said the price is too high"), not a dismissal ("I
don't care about the price"; after the cue, v11: "the price doesn't matter",
``dismissals_after``), and not the speaker's job ("I work as a site reliability engineer": a cue
inside a fact of the disclosure extractor's work category).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from persona6.extract import disclosure
from persona6.extract import text as tx
from persona6.extract.base import is_person_message, registered
from persona6.extract.common import session_aliases, with_neighbours
from persona6.extract.prep import LazyPattern, fold
from persona6.extract.text import Claim, Span
from persona6.types import Signal, SignalKind, StoredEvent

NAME = "persona6.concern.v31"

BASE_WEIGHT = 1.0
QUESTION_BONUS = 0.5
WORRY_BONUS = 0.5

_PARTICLES = frozenset({"up", "down", "in", "out", "off", "on", "over", "away", "back"})


@dataclass(frozen=True, slots=True)
class Concern:
    key: str
    label: str
    #: Compiled when first searched (``prep.LazyPattern``), as are ``context`` and ``frame``.
    cues: LazyPattern
    #: One word of each cue form (its longest), or None when some cue word is not one whole
    #: word (then every message is searched); see the module docstring.
    words: frozenset[str] | None = None
    #: Cues that count only in a frame of worry or complaint (``framed_cues``).
    framed: frozenset[str] = frozenset()
    #: Cues that name a topic only (v19, ``topic_cues``): they count only when asked about or
    #: said with a worry, a complaint or a judgement ("How much is the subscription?"), not
    #: named plainly ("cancelling my subscription").
    topics: frozenset[str] = frozenset()
    #: For the cues of a sense (``senses``): the words of the message that give them this
    #: concern; None for a concern's own cues, which need none.
    context: LazyPattern | None = None
    #: The concern a sense's cues are without that context (None: no concern at all).
    otherwise: str | None = None
    #: A sense's cues count only in a question ("how much is it?", not "I love how much you do").
    asking: bool = False
    #: A sense's cues are feelings of worry (v12, ``feeling``): they yield to a concern named in
    #: their sentence ("I'm scared my data will leak": privacy, whatever money is around).
    feeling: bool = False
    #: Said in a shape (``questions``, ``shapes``), a regular expression whose match may hold
    #: the absence itself ("nothing leaves our server"; v14, ``assurances``).
    shape: bool = False
    #: A shape that counts only with a word of this frame in its sentence (v16, ``frame``):
    #: "The delivery slots keep getting cancelled" (keep), "the server will go down again".
    frame: LazyPattern | None = None
    #: A shape that is no concern when its subject is one of these, or when it has none, an
    #: imperative (v16, ``not_of``): "I was late again", "please cancel it again".
    not_of: frozenset[str] = frozenset()
    #: Words right after a cue that give it another sense (v21, ``not_before``): "stuck with my
    #: in-laws" is no lock-in.
    not_before: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Taxonomy:
    concerns: tuple[Concern, ...]
    worry: re.Pattern[str]
    dismissal: re.Pattern[str]
    duties: frozenset[str]
    complaint: re.Pattern[str]
    #: Complaint markers that name a fault, which frame no topic (v19, ``fault_markers``).
    faults: frozenset[str]
    judgement: re.Pattern[str]
    #: Markers of a worry about what follows them, which asks as a question does (v10), and
    #: the frames of not wanting an outcome (v24, ``aversions``).
    frames: re.Pattern[str]
    #: A frame of not wanting an outcome (v24, ``aversions``): a worry about what follows it.
    aversion: re.Pattern[str]
    #: A tag that ends a clause and makes it ask, with or without "?" (v24, ``tag_questions``).
    tag: re.Pattern[str]
    #: Phrases holding a cue word in another sense (v10): a cue overlapping one counts for nothing.
    idioms: re.Pattern[str]
    #: Concern key -> (its place in the taxonomy, its label).
    kinds: dict[str, tuple[int, str]]
    #: An outcome not wanted right before a cue (v21, ``feared_outcomes``): a worry.
    feared: re.Pattern[str]
    #: A sentence correcting what was said to the speaker (v21, ``corrections``): its opening,
    #: and the words of a trouble that persists, which keep it a complaint.
    correction: re.Pattern[str]
    persisting: re.Pattern[str]
    #: A question asking the assistant to do a thing (v11, ``requests``): its opener, and the
    #: verbs after it that still ask ("could you confirm ...").
    request_openers: re.Pattern[str]
    asking_verbs: frozenset[str]
    #: The lesser side of a ranking (v11, ``lesser_sides``): (marker, the ranking words one of
    #: which comes in the three words before it, or None when the marker ranks by itself).
    rankings: tuple[tuple[re.Pattern[str], frozenset[str] | None], ...]
    gap_stops: frozenset[str]
    lesser_before: re.Pattern[str]
    #: A dismissal after the cue (v11, ``dismissals_after``): "privacy doesn't matter to me".
    dismissed_after: re.Pattern[str]
    #: Concerns whose cue before one of ``subject_heads`` names a data's subject (v11).
    subject_concerns: frozenset[str]
    subject_heads: re.Pattern[str]
    #: Asking for a better price (v12, ``deals``): the concerns it mentions, and its phrases.
    deal_concerns: frozenset[str]
    deals: re.Pattern[str]
    #: A routine act on a record (v14, ``routine_acts``): its verbs (those that make a record
    #: by themselves apart), the records, the words that end its object and those that let
    #: "to", "and", "or" go on, and the words that judge a cue.
    acts: re.Pattern[str]
    record_acts: frozenset[str]
    records: re.Pattern[str]
    record_words: frozenset[str]
    boundaries: frozenset[str]
    determiners: frozenset[str]
    intensifiers: frozenset[str]
    #: A record asked for without a verb (v15): "Query for refunds by week."
    asked_records: frozenset[str]
    record_links: frozenset[str]
    #: An assurance that a risk is absent (v14, ``assurances``): the absence before the cue,
    #: after it and inside a shape's match, and the wishes that make it the speaker's own.
    absent_before: re.Pattern[str]
    absent_after: re.Pattern[str]
    absent_inside: re.Pattern[str]
    wishes: re.Pattern[str]
    #: Concern key -> the concerns a worry about it takes in (v14, ``subsumes``).
    subsumes: dict[str, frozenset[str]]
    #: The option turned down (v15, ``rejected_options``): its markers (with an optional
    #: determiner) and negations (with a determiner), matched right before a cue.
    rejected: re.Pattern[str]
    #: The speaker's work history right before a cue (v15, ``career``).
    career: re.Pattern[str]
    #: Asking the assistant to tell (v15, ``requests.telling``): no report.
    telling: re.Pattern[str]
    #: Words read over back to a shape's subject (v16, ``subject_skips``).
    subject_skips: frozenset[str]
    #: A trouble said absent (v19, ``calm_negations``): the negation ending right before a cue,
    #: and the cues (forms) it calms.
    calm: re.Pattern[str]
    calm_cues: frozenset[str]
    calm_asked: re.Pattern[str]
    #: Verbs that change a topic in the concern's favour (v19, ``topic_changes``).
    topic_changes: re.Pattern[str]
    #: Another person's worry (v19, ``attribution``): the worry words, the words read over back
    #: to their subject, the pronouns of others, the speaker's, the determiners of a noun, and
    #: the openers of another's words.
    worriers: re.Pattern[str]
    worrier_skips: frozenset[str]
    others: frozenset[str]
    speakers: frozenset[str]
    noun_leads: frozenset[str]
    report_openers: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Reading:
    """One own cue of a sentence, read as the concern ``key``."""

    key: str
    span: Span
    framed: bool
    #: Read so by the words around it (a sense in its context), not by the cue alone.
    in_context: bool
    #: Counts only in a question (``Concern.asking``).
    asking: bool
    #: A feeling of worry read as this concern by the words around it (``Concern.feeling``).
    feeling: bool = False
    #: Said as the risk's absence ("no telemetry", "telemetry is off"; ``assurances``).
    absent: bool = False
    #: A topic only (v19, ``topic_cues``): counts only when asked about, worried about or
    #: judged.
    topic: bool = False
    #: A trouble said absent (v19, ``calm_negations``): "nothing urgent".
    calm: bool = False
    #: The label of the cue's group (v21: money, read under cost's key).
    label: str = ""
    #: Read by a shape's ``frame`` (v23): a failure said to recur or distrusted ("lost my
    #: saved recipes twice already"), which stands beside the concern of what it names.
    recurring: bool = False
    #: Read by a topic's field word and a stance beside it (v31, ``stance_fields``): "the
    #: subscription is eating into my grocery money"; a worry of its sentence, which never
    #: takes the words of another concern's cue.
    stance: bool = False


class Assurance(Claim):
    """A claim said only as an assurance that the risk is absent (v14): an answer when another
    person raised the concern just before (``ConcernExtractor.extract``), else a mention."""

    __slots__ = ()


#: A whole word as ``word_alternation`` bounds it: a maximal run of these characters.
_RUN = re.compile(r"[\w'’-]+")


def cue_forms(cues: Sequence[str]) -> set[str]:
    """The cues, each in its inflections: those of the last word, or of the first for a phrasal
    verb ("back up" -> "backed up"); not an inflection that is a word of its own
    (``not_cue_forms``: "fee" -> "feed")."""
    others = _not_cue_forms()
    forms: set[str] = set()
    for cue in cues:
        words = str(cue).lower().split()
        head = 0 if len(words) > 1 and words[-1] in _PARTICLES else len(words) - 1
        for form in tx.inflections(words[head]) | {words[head]}:
            if form == words[head] or form not in others:
                forms.add(" ".join([*words[:head], form, *words[head + 1 :]]))
    return forms


@cache
def _not_cue_forms() -> frozenset[str]:
    return frozenset(str(w).lower() for w in tx.load_lexicon("concerns").get("not_cue_forms", []))


def _forms_pattern(forms: set[str]) -> LazyPattern:
    """Whole-word alternation of forms already inflected (``cue_forms``), compiled when first
    searched: a concern's cues only in a message holding one of its words (``Concern.words``)."""
    return LazyPattern(tx.word_alternation(forms), re.IGNORECASE)


def cue_words(forms: Sequence[str] | set[str]) -> frozenset[str] | None:
    """The longest word of each form, or None when a word of some form is not a whole word of
    ASCII characters (a run of ``_RUN`` that folds to itself)."""
    found: set[str] = set()
    for form in forms:
        words = str(form).strip().lower().split()
        if not words:
            continue
        if not all(w.isascii() and _RUN.fullmatch(w) and fold(w) == w for w in words):
            return None
        found.add(max(words, key=len))
    return frozenset(found)


def text_words(text: str) -> frozenset[str]:
    """The whole words of ``text``, folded (see the module docstring)."""
    return frozenset(map(fold, _RUN.findall(text)))


@cache
def taxonomy() -> Taxonomy:
    data = tx.load_lexicon("concerns")
    concerns = []
    kinds: dict[str, tuple[int, str]] = {}
    # group name -> (the key it is read as, its label): a group with ``key`` is read as that
    # concern, saying its own label (v21: money under cost)
    groups: dict[str, tuple[str, str]] = {}
    for name, entry in data["concerns"].items():
        key, label = str(entry.get("key", name)), str(entry["label"])
        groups[str(name)] = (key, label)
        framed = cue_forms(entry.get("framed_cues", []))
        topics = cue_forms(entry.get("topic_cues", [])) - framed
        forms = cue_forms(entry["cues"]) | framed | topics
        not_before = entry.get("not_before")
        concerns.append(
            Concern(
                key,
                label,
                _forms_pattern(forms),
                cue_words(forms),
                frozenset(framed),
                frozenset(topics - cue_forms(entry["cues"])),
                not_before=None if not_before is None else re.compile(not_before, re.IGNORECASE),
            )
        )
        kinds.setdefault(key, (len(kinds), label))
    # a group's own cues, by group name (the money sense's context is money's cues, not cost's)
    own_cues = {
        name: [*entry["cues"], *c.framed, *c.topics]
        for (name, entry), c in zip(data["concerns"].items(), concerns, strict=True)
    }
    for sense in data.get("senses", []):
        (key, label), otherwise = groups[str(sense["concern"])], sense.get("otherwise")
        forms = cue_forms(sense["cues"])
        concerns.append(
            Concern(
                key,
                label,
                _forms_pattern(forms),
                cue_words(forms),
                # the concern's own cues are context too: "How much is it? It looks expensive."
                context=_context_pattern(
                    [*sense["context"], *own_cues[str(sense["concern"])]],
                    sense.get("context_shapes", []),
                ),
                otherwise=None if otherwise is None else groups[str(otherwise)][0],
                asking=bool(sense.get("asking", False)),
                feeling=bool(sense.get("feeling", False)),
            )
        )
    # questions asked in a shape, and shapes said (v11) asked or not
    shapes = [(s, True) for s in data.get("questions", [])]
    shapes += [(s, bool(s.get("asking", False))) for s in data.get("shapes", [])]
    classes = data.get("word_classes", {})
    for shape, asking in shapes:
        key, label = groups[str(shape["concern"])]
        concerns.append(
            Concern(
                key,
                label,
                LazyPattern(_with_classes(str(shape["pattern"]), classes), re.IGNORECASE),
                _shape_words(shape["words"], classes),
                asking=asking,
                shape=True,
                frame=LazyPattern(str(shape["frame"]), re.IGNORECASE) if "frame" in shape else None,
                not_of=frozenset(str(w).lower() for w in shape.get("not_of", ())),
            )
        )
    requests, lesser, subjects = data["requests"], data["lesser_sides"], data["data_subjects"]
    acts, assured = data["routine_acts"], data["assurances"]
    calm, attribution = data["calm_negations"], data["attribution"]
    gap = r"(?:\s+(?!(?:" + "|".join(map(re.escape, assured["gap_stops"])) + r")\b)[\w'’-]+){0,2}?"
    return Taxonomy(
        concerns=tuple(concerns),
        worry=re.compile(tx.word_alternation(data["worry_markers"]), re.IGNORECASE),
        dismissal=re.compile(tx.word_alternation(data["dismissals"]), re.IGNORECASE),
        duties=frozenset(data["duties"]),
        complaint=re.compile(tx.word_alternation(data["complaint_markers"]), re.IGNORECASE),
        faults=_lowered(data["fault_markers"]),
        judgement=re.compile(
            r"(?:\b(?:is|are|was|were|seems?|feels?|looks?)|['’]s)\s+"
            + tx.adverb_run(by_form=False)
            + tx.word_alternation(data["judgements"])
            + r"|\bsucks?\b|\bsucked\b",
            re.IGNORECASE,
        ),
        kinds=kinds,
        feared=re.compile("|".join(f"(?:{p})" for p in data["feared_outcomes"]), re.IGNORECASE),
        correction=re.compile(
            "|".join(f"(?:{p})" for p in data["corrections"]["openers"]), re.IGNORECASE
        ),
        persisting=re.compile(
            tx.word_alternation(data["corrections"]["persisting"]), re.IGNORECASE
        ),
        frames=re.compile(
            "|".join([tx.word_alternation(data["worry_frames"]), *map(str, data["aversions"])]),
            re.IGNORECASE,
        ),
        aversion=re.compile("|".join(f"(?:{p})" for p in data["aversions"]), re.IGNORECASE),
        tag=re.compile(str(data["tag_questions"]), re.IGNORECASE),
        # idioms in words, and in shapes (v12: one's own mistake); a price waved away (v19);
        # shapes name word classes (v28: a topic adjective before a head of another sense)
        idioms=re.compile(
            "|".join(
                [
                    tx.word_alternation(data["idioms"]),
                    *(_with_classes(str(p), classes) for p in data["idiom_shapes"]),
                    *map(str, data["disregards"]),
                ]
            ),
            re.IGNORECASE,
        ),
        request_openers=re.compile(
            r"(?:" + tx.word_alternation(requests["openers"]) + r")(?:\s+(?:please|kindly|just))?"
            r"\s+([\w'’-]+)",
            re.IGNORECASE,
        ),
        asking_verbs=frozenset(str(w).lower() for w in requests["asking_verbs"]),
        rankings=tuple(
            (
                re.compile(tx.word_alternation(r["markers"]), re.IGNORECASE),
                frozenset(str(w).lower() for w in r["ranking"]) if r["ranking"] else None,
            )
            for r in lesser["rankings"]
        ),
        gap_stops=frozenset(str(w).lower() for w in lesser["gap_stops"]),
        lesser_before=re.compile(
            r"(?:\s+[\w'’-]+){0,2}?\s+(?:" + tx.word_alternation(lesser["before"]) + ")",
            re.IGNORECASE,
        ),
        dismissed_after=re.compile(
            r"(?:\s+[\w'’-]+){0,2}?\s+(?:" + tx.word_alternation(data["dismissals_after"]) + ")",
            re.IGNORECASE,
        ),
        subject_concerns=frozenset(str(k) for k in subjects["concerns"]),
        subject_heads=re.compile(
            r"\s+(?:" + tx.word_alternation(subjects["heads"]) + ")", re.IGNORECASE
        ),
        deal_concerns=frozenset(str(k) for k in data["deals"]["concerns"]),
        deals=re.compile(tx.word_alternation(data["deals"]["phrases"]), re.IGNORECASE),
        acts=re.compile(tx.word_alternation([*acts["acts"], *acts["record_acts"]]), re.IGNORECASE),
        record_acts=frozenset(" ".join(str(w).lower().split()) for w in acts["record_acts"]),
        records=re.compile(tx.word_alternation(acts["records"]), re.IGNORECASE),
        record_words=frozenset(str(w).lower().split()[0] for w in acts["records"]),
        boundaries=frozenset(str(w).lower() for w in acts["boundaries"]),
        determiners=frozenset(str(w).lower() for w in acts["determiners"]),
        intensifiers=frozenset(str(w).lower() for w in acts["intensifiers"]),
        asked_records=frozenset(str(w).lower() for w in acts["asked_records"]),
        record_links=frozenset(str(w).lower() for w in acts["record_links"]),
        # "no telemetry", "no usage data", "there's no tracking": the absence, at most two
        # words (none of ``gap_stops``) and the cue
        absent_before=re.compile(
            "(?:" + tx.word_alternation(assured["before"]) + ")" + gap + r"\s+\Z", re.IGNORECASE
        ),
        absent_after=re.compile(
            r"(?:\s+[\w'’-]+){0,2}?\s+(?:" + tx.word_alternation(assured["after"]) + ")",
            re.IGNORECASE,
        ),
        absent_inside=re.compile(tx.word_alternation(assured["inside"]), re.IGNORECASE),
        wishes=re.compile(tx.word_alternation(assured["wishes"]), re.IGNORECASE),
        subsumes={str(k): frozenset(str(v) for v in held) for k, held in data["subsumes"].items()},
        rejected=_rejected_pattern(data["rejected_options"]),
        career=re.compile("|".join(f"(?:{p})" for p in data["career"]), re.IGNORECASE),
        telling=re.compile(str(requests["telling"]), re.IGNORECASE),
        subject_skips=frozenset(str(w).lower() for w in data["subject_skips"]),
        calm=re.compile(
            "(?:"
            + tx.word_alternation(calm["negations"])
            + r")(?:\s+(?:"
            + tx.word_alternation(calm["degrees"])
            + r"))?\s+\Z",
            re.IGNORECASE,
        ),
        calm_cues=frozenset(cue_forms(calm["cues"])),
        calm_asked=re.compile(tx.word_alternation(calm["asked"]), re.IGNORECASE),
        topic_changes=re.compile(tx.word_alternation(data["topic_changes"]), re.IGNORECASE),
        worriers=re.compile(tx.word_alternation(attribution["worriers"]), re.IGNORECASE),
        worrier_skips=_lowered(attribution["worrier_skips"]) | _lowered(data["subject_skips"]),
        others=_lowered(attribution["others"]),
        speakers=_lowered(attribution["speakers"]),
        noun_leads=_lowered(attribution["determiners"]),
        report_openers=re.compile(
            r"(?:" + tx.word_alternation(attribution["report_openers"]) + r")\b", re.IGNORECASE
        ),
    )


def _lowered(words: Sequence[str]) -> frozenset[str]:
    return frozenset(str(w).lower().replace("’", "'") for w in words)


def _rejected_pattern(rejected: dict[str, list[str]]) -> re.Pattern[str]:
    """Whole-word markers of the option turned down, matched so that they end right before a
    cue (``rejected_options``): "instead of (the)", "rather than", "not the", "never a"; at most
    one degree word after the determiner ("not the very cheapest")."""
    determiner = tx.word_alternation(rejected["determiners"])
    degree = r"(?:\s+" + tx.word_alternation(rejected["degrees"]) + r")?"
    markers = tx.word_alternation(rejected["markers"])
    negations = tx.word_alternation(rejected["negations"])
    return re.compile(
        rf"(?:(?:{markers})(?:\s+{determiner})?|(?:{negations})\s+{determiner}){degree}\s+\Z",
        re.IGNORECASE,
    )


def _context_pattern(words: Sequence[str], shapes: Sequence[str] = ()) -> LazyPattern:
    """Whole-word alternation of the words' ``cue_forms``, any sign among them ("$") anywhere,
    and the regular expressions of ``shapes`` (v12: "spent 340")."""
    phrases = [str(w) for w in words if _RUN.search(str(w))]
    signs = [re.escape(str(w)) for w in words if not _RUN.search(str(w))]
    alternatives = [tx.word_alternation(cue_forms(phrases)), *signs, *map(str, shapes)]
    # compiled when first searched, once a cue of its sense is found (up to 16 KB of pattern)
    return LazyPattern("|".join(alternatives), re.IGNORECASE)


@registered
class ConcernExtractor:
    name = NAME

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        same = session_aliases(session)
        said: list[tuple[str | None, str]] = []  # (person, text) of each person message so far
        for event in session:
            if is_person_message(event):
                text, person = event.text or "", same.get(event.actor or "", event.actor)
                claims: Sequence[Claim] = _remembered(text)
                if any(isinstance(c, Assurance) for c in claims):
                    # "no telemetry, checked the diff", answering another's privacy question
                    asked = next((t for p, t in reversed(said) if p != person), None)
                    if asked is not None:
                        claims = _answered(claims, {c.key for c in _remembered(asked)})
                said.append((person, text))
                yield from tx.claim_signals(event, claims, SignalKind.CONCERN, NAME)
                # "I'm worried the tarp won't hold": a worry no concern names (v22)
                yield from tx.claim_signals(event, open_worries(text), SignalKind.TOPIC, NAME)


@dataclass(frozen=True, slots=True)
class _OpenWorries:
    """The frames of a worry about a thing no concern names (v22, ``open_worries``)."""

    before: re.Pattern[str]
    after: re.Pattern[str]
    stakes: re.Pattern[str]
    subject_ends: frozenset[str]
    no_topic: frozenset[str]
    determiners: frozenset[str]


@cache
def _open_rules() -> _OpenWorries:
    data = tx.load_lexicon("concerns")["open_worries"]
    return _OpenWorries(
        before=re.compile("|".join(f"(?:{p})" for p in data["before"]), re.IGNORECASE),
        after=re.compile(str(data["after"]), re.IGNORECASE),
        stakes=re.compile(str(data["stakes"]), re.IGNORECASE),
        subject_ends=_lowered(data["subject_ends"]),
        no_topic=_lowered(data["no_topic"]),
        determiners=_lowered(data["determiners"]),
    )


#: The words a message must hold for an open worry to be looked for in it (a prefilter).
_OPEN_HINT = re.compile(
    r"worr|scare|afraid|nervous|terrif|anxious|concern|fear|dread|frighten|petrif|\bneed\b",
    re.IGNORECASE,
)


def open_worries(text: str) -> list[Claim]:
    """The speaker's worries about a thing no concern of the taxonomy names, each an open
    topic keyed by the thing feared (v22, ``open_worries``): the head of the named subject of
    the clause feared ("I'm worried the tarp won't hold": tarp; "Water is still coming in.
    That's my main fear.": water), or the thing at stake ("I need at least a B to keep my
    scholarship": scholarship). None in a sentence that raises a concern of the taxonomy, in
    quotation marks, or in a case imagined; none for a clause with no named subject ("I'm
    worried I did something wrong")."""
    if _OPEN_HINT.search(text) is None:
        return []
    rules = _open_rules()
    quotes = tx.quoted_spans(text)
    raised = [span for claim in _remembered(text) for span in claim.spans]
    sentences = tx.sentences(text)
    found: list[Claim] = []

    def free(span: Span) -> bool:
        return not any(r.start < span.end and span.start < r.end for r in raised)

    for at, sentence in enumerate(sentences):
        if not free(sentence):
            continue  # "I'm scared the renewal is going to be way higher": cost
        frame = rules.before.search(text, sentence.start, sentence.end)
        segment = text[sentence.start : sentence.end]
        feared: Span | None = None
        cited = [sentence]
        if frame is not None and not tx.inside(quotes, frame.start()):
            if tx.supposed(text, frame.start(), _SUPPOSED_KINDS) is None:
                feared = Span(frame.end(), sentence.end)
        elif at and rules.after.match(segment) and free(sentences[at - 1]):
            # "Rain is forecast and water is still coming in. That's my main fear.": the last
            # clause of the sentence before that names a subject
            before = sentences[at - 1]
            cited = [before, sentence]
            starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, before.start, before.end)]
            for start in [*reversed(starts), before.start]:
                if _subject_head(text, Span(start, before.end)) is not None:
                    feared = Span(start, before.end)
                    break
        if feared is not None:
            key = _subject_head(text, feared)
            if key is not None:
                clause = text[feared.start : feared.end].strip().rstrip(".!?;:, ")
                value = f"worried that {clause[:1].lower()}{clause[1:]}"
                found.append(Claim(key, value, 0.0, BASE_WEIGHT + WORRY_BONUS, cited))
                continue
        stake = rules.stakes.search(text, sentence.start, sentence.end)
        if stake is not None and not tx.inside(quotes, stake.start()):
            head = stake.group(1).split()[-1].lower()
            if head not in rules.no_topic and head not in rules.determiners and head.isalpha():
                value = f"at stake: {' '.join(stake.group().split())}"
                found.append(Claim(head, value, 0.0, BASE_WEIGHT + WORRY_BONUS, [sentence]))
    return found


#: Where a clause of a sentence starts after another: a comma, "and", "but", "so".
_CLAUSE_BREAK = re.compile(r",\s+|;\s+|\s+(?:and|but|so)\s+", re.IGNORECASE)


def _subject_head(text: str, clause: Span) -> str | None:
    """The last word of the named subject of ``clause``, before its verb (``subject_ends``):
    "the tarp won't hold" -> tarp, "water's coming in" -> water; None for a pronoun ("it won't
    hold", "I did something wrong") or no verb within five words."""
    rules = _open_rules()
    subject: list[str] = []
    for token in tx.tokens(text, clause.start, clause.end)[:6]:
        word = token.word
        if word in rules.subject_ends:
            break
        if word.endswith("'s") and len(word) > 3 and word not in rules.no_topic:
            subject.append(word[:-2])
            break
        subject.append(word)
    else:
        return None
    if not subject or any(w in rules.no_topic for w in subject) or len(subject) > 4:
        return None
    head = subject[-1]
    if head in rules.no_topic or head in rules.determiners or not head.isalpha() or len(head) < 3:
        return None
    return head


def _answered(claims: Sequence[Claim], raised: set[str]) -> list[Claim]:
    """The claims without those of a concern another person raised that the message only
    assures is absent (v14, ``assurances``): the answer is not the speaker's concern."""
    answered = {
        c.key
        for c in claims
        if c.key in raised and all(isinstance(o, Assurance) for o in claims if o.key == c.key)
    }
    return [c for c in claims if c.key not in answered]


def concern_claims(text: str) -> list[Claim]:
    """Every taxonomy concern the speaker of ``text`` raises, one claim per sentence."""
    found: list[Claim] = []
    candidates = _candidates(text)
    # v31: a concern's field word with a stance beside it ("three days and nothing")
    stance_fields = _stance_candidates(text)
    if not candidates and not stance_fields:
        return found
    tax = taxonomy()
    # (claim, a mere mention, the keys its sentence's worry holds): for ``subsumes`` (v14)
    read: list[tuple[Claim, bool, frozenset[str]]] = []
    quotes = tx.quoted_spans(text)
    kinds = taxonomy().kinds
    sentences = tx.sentences(text)
    for at, sentence in enumerate(sentences):
        # A sense's context is in the sentence or a neighbour ("How much is it? It looks
        # expensive."), not anywhere in a long message.
        readings = _readings(
            text, sentence, with_neighbours(sentences, at), candidates, quotes, stance_fields
        )
        if not readings:
            continue
        # "My accountant is worried about the audit risk": another's worry (v19, ``attribution``)
        theirs, their_words = _others_worry(text, sentence)
        if theirs is not None:
            readings = [r for r in readings if r.span.start < theirs]
            if not readings:
                continue
        # "the source for the claim that the sync is real-time": the claim's words (v20)
        claimed = _questioned_claim(text, sentence)
        if claimed is not None:
            readings = [r for r in readings if r.span.start < claimed]
            if not readings:
                continue
        # "why do beginners love Python": a group's attitude asked about (v25)
        others = _others_attitude(text, sentence)
        if others is not None:
            readings = [r for r in readings if r.span.start < others]
            if not readings:
                continue
        segment = text[sentence.start : sentence.end]
        clauses = tx.clauses(text, sentence)
        questions = [c for c in clauses if tx.is_question(text, c)]
        # "i cant get sued for this can i": a tag asks, its "?" left off or not (v24)
        if not questions and clauses and tax.tag.search(segment.rstrip(".! ")):
            questions = [clauses[-1]]
        # "Is nitrox actually safer than air or is that a myth?": general knowledge asked, no
        # worry of the speaker's (v27, ``general_questions``)
        if (questions or _INTERROGATIVE.match(segment)) and _general_question(segment):
            continue
        # "Could you open an incident for the login latency?" asks for an act: no worry, though
        # a cue that counts only when asked is named ("can you suggest some safe SUVs?")
        asking = any(not _requests(text, sentence, clause) for clause in questions)
        # "I love how much you do": no price asked; "I'm concerned about how much we paid": a
        # worry asks as a question does
        readings = _specific(
            [r for r in readings if questions or not r.asking or _framed(text, sentence, r.span)]
        )
        # "I'm scared my data will leak": the feeling is about the concern it names (v12), but
        # not one its own concern holds (v14: "I feel sick when I check my balance, everything
        # costs so much" is about money)
        felt = frozenset().union(*(tax.subsumes.get(r.key, ()) for r in readings if r.feeling))
        # ... nor one of its own key (v21: "I feel sick when I check my balance, everything
        # costs so much" is about money, cost's key)
        felt |= {r.key for r in readings if r.feeling}
        if any(not r.feeling and r.key not in felt for r in readings):
            readings = [r for r in readings if not r.feeling]
        else:
            readings = [r for r in readings if r.key not in felt or r.feeling]
        # "I don't want to be stuck with it": an outcome feared, a worry (v21)
        # "I'd hate to get fined": an aversion to the outcome after it, a worry (v24)
        worried = _worried(text, sentence, their_words) or any(
            r.stance
            or tax.feared.search(text, sentence.start, r.span.start)
            or _averted(text, sentence, r.span)
            for r in readings
        )
        # "nothing urgent I don't think": a trouble said absent, no worry (v19); "Not
        # expensive, please.": asked for so
        if not (asking or worried or tax.calm_asked.search(segment)):
            readings = [r for r in readings if not r.calm]
        # "rename without a deprecation warning is bad": judged bad, a complaint
        judged = not asking and tax.judgement.search(segment) is not None
        # "Wrong way round: ...": a correction's own words are no complaint (v21)
        corrected = _corrects(text, sentences[: at + 1], segment)
        complaints = [
            " ".join(m.group().lower().split())
            for m in tax.complaint.finditer(text, corrected or sentence.start, sentence.end)
        ]
        complained = bool(complaints)
        framing = worried or judged or complained
        # "No, it's the other way round - a faster shutter lets in less light": the facts of a
        # correction, no worry of the speaker's (v21); "No, it's still slow" stays
        if not (asking or framing) and corrected is not None:
            continue
        # "Checkout throws an error when I try to pay the bill": a fault, no topic's (v19)
        topic_framing = worried or judged or any(c not in tax.faults for c in complaints)
        if not framing and not _worried(text, with_neighbours(sentences, at)):
            # "Could you open an incident for the login latency?": the subject of a record (v14)
            readings = [r for r in readings if not _routine_topic(text, sentence, r.span)]
        # "I must send the invoices every month": a task's object, no worry about cost; "I'm
        # cancelling my subscription": a topic named, no worry (v19, ``topic_cues``)
        # "Could you lower the price?": a topic asked to be changed (``topic_changes``)
        topical = asking or topic_framing or _changes_topic(segment)
        raised = {
            r.key
            for r in readings
            if (framing and not r.topic) or (r.topic and topical) or not (r.framed or r.topic)
        }
        weight = BASE_WEIGHT + QUESTION_BONUS * asking + WORRY_BONUS * (worried or judged)
        says = "worried about" if asking or worried else "complains about" if judged else "mentions"
        # "do you price match?": a saving asked for, no worry (v12, ``deals``)
        dealing = _asks_deal(text, sentence)
        # "no telemetry, checked the diff": a risk said absent, plainly (v14, ``assurances``)
        plain = not (questions or framing or tax.wishes.search(segment))
        held = frozenset().union(*(tax.subsumes.get(k, ()) for k in raised))
        for key in sorted(raised, key=lambda k: kinds[k][0]):
            mention = dealing and key in tax.deal_concerns
            # the label of the key's cues: a group's own ("money is tight": money, v21), which
            # holds the key's own cues beside it ("in debt and everything is expensive")
            labels = {r.label for r in readings if r.key == key} - {kinds[key][1]}
            label = min(labels) if labels else kinds[key][1]
            value = f"{'mentions' if mention else says} {label}"
            assured = plain and all(r.absent for r in readings if r.key == key)
            made = Assurance if assured else Claim
            claim = made(key, value, 0.0, BASE_WEIGHT if mention else weight, [sentence])
            mere = mention or says == "mentions"
            read.append((claim, mere, held if (asking or worried or judged) else frozenset()))
    # "... a knot in my stomach every time I open our bank app. Can you help us set up a
    # budget?": the worry about money holds the mention of cost (v14, ``subsumes``)
    holding = frozenset().union(*(h for _, _, h in read))
    for claim, mere, _ in read:
        held_here = any(claim.key in h and claim.spans == c.spans for c, _, h in read)
        if claim.key in holding and (mere or held_here):
            continue
        found.append(claim)
    # a message's signal of a key says what its strongest sentence says (v21): "Money is tight.
    # Is there a cheaper plan?" is worried about cost, not "mentions money" at a worry's weight
    strongest: dict[str, Claim] = {}
    for claim in found:
        if claim.key not in strongest or claim.weight > strongest[claim.key].weight:
            strongest[claim.key] = claim
    for claim in found:
        claim.value = strongest[claim.key].value
    return found


def _corrects(text: str, sentences: Sequence[Span], segment: str) -> int | None:
    """Where the words after a correction start in the last of ``sentences``, if it corrects
    what was said to the speaker (``corrections``): it opens so ("No, it's the other way round",
    "Actually, ..."), or follows a correction said alone ("Wrong way round: slower film ...");
    and it wishes for nothing and names no trouble that persists ("No, it's still slow", "No,
    the cheapest one please")."""
    tax = taxonomy()
    if tax.wishes.search(segment) is not None or tax.persisting.search(segment) is not None:
        return None
    opener = _correction(text, sentences[-1])
    if opener is not None or len(sentences) < 2:
        return opener
    alone = _correction(text, sentences[-2])
    if alone is None or any(c.isalnum() for c in text[alone : sentences[-2].end]):
        return None
    return sentences[-1].start


def _correction(text: str, sentence: Span) -> int | None:
    """Where a correction that opens the sentence ends, at its first word or after discourse
    markers ("Hmm, that's backwards"), if it opens with one."""
    words = tx.tokens(text, sentence.start, sentence.end)[:1] + tx.opening_words(text, sentence, 1)
    for word in words:
        found = taxonomy().correction.match(text, word.start, sentence.end)
        if found is not None:
            return found.end()
    return None


def _questioned_claim(text: str, sentence: Span) -> int | None:
    """Where the words of a claim whose grounds are asked for start in the sentence
    (``questioned_claims``): "the claim that", "evidence that", "where did you get that"."""
    found = _questioned_claims().search(text, sentence.start, sentence.end)
    return None if found is None else found.end()


@cache
def _questioned_claims() -> re.Pattern[str]:
    return re.compile("|".join(tx.load_lexicon("concerns")["questioned_claims"]), re.I)


#: A sentence opening as a question, its "?" left off (v27).
_INTERROGATIVE = re.compile(
    r"\W*(?:is|are|was|were|do|does|did|can|could|will|would|should|how|which|what|why)\b",
    re.IGNORECASE,
)


def _general_question(segment: str) -> bool:
    """A question of general knowledge (v27, ``general_questions``): a comparison or a generic
    marker, and no word of the speaker, the person addressed or a thing at hand ("Is nitrox
    actually safer than air?", "How reliable are the 1939 Register transcriptions generally?");
    not "Is this app safer than Dropbox?" nor "Are my photos safer on a NAS than in the cloud?".
    ``segment`` is a question, with its "?" or opening as one ("are tubeless tyres less reliable
    than tubes or is that just hype")."""
    rules = _general_questions()
    return rules.marker.search(segment) is not None and rules.person.search(segment) is None


@dataclass(frozen=True, slots=True)
class _GeneralQuestions:
    marker: re.Pattern[str]
    person: re.Pattern[str]


@cache
def _general_questions() -> _GeneralQuestions:
    data = tx.load_lexicon("concerns")["general_questions"]
    return _GeneralQuestions(
        marker=re.compile("|".join(f"(?:{p})" for p in data["markers"]), re.IGNORECASE),
        person=re.compile(tx.word_alternation(data["persons"]), re.IGNORECASE),
    )


def _changes_topic(segment: str) -> bool:
    """A verb of ``topic_changes`` in the segment, not its noun (v27): "could you cut the
    price?", not "max depth of cut 80mm" or "a price cut" after a determiner or "of"."""
    tax = taxonomy()
    for found in tax.topic_changes.finditer(segment):
        before = segment[: found.start()].split()
        if before and (before[-1].lower() == "of" or before[-1].lower() in tax.determiners):
            continue
        after = segment[found.end() :].split()
        if found.group().lower().endswith("ed") and after and after[0][:1].isalpha():
            continue  # "reduced price this week": a participle before its noun, no change asked
        return True
    return False


def _others_attitude(text: str, sentence: Span) -> int | None:
    """Where a group's attitude asked about starts in the sentence (v25, ``others_attitudes``):
    "why do beginners love Python", "how come so many people care about privacy"."""
    found = _others_attitudes().search(text, sentence.start, sentence.end)
    return None if found is None else found.start()


@cache
def _others_attitudes() -> re.Pattern[str]:
    data = tx.load_lexicon("concerns")
    groups = {"others_groups": data["others_groups"]}
    patterns = [_with_classes(str(p), groups) for p in data["others_attitudes"]]
    return re.compile("|".join(patterns), re.I)


def _others_worry(text: str, sentence: Span) -> tuple[int | None, list[Span]]:
    """Where the words of another person's worry start in the sentence, if it says one
    (``attribution``), and the spans of the worry words that are another's: "My accountant is
    worried about the audit risk" (the accountant's), "According to the forum, ..." (another's
    words); not "My accountant and I are both worried", "that worries me", "I'm worried"."""
    tax = taxonomy()
    theirs: list[Span] = []
    own = False
    for found in tax.worriers.finditer(text, sentence.start, sentence.end):
        after = tx.tokens(text, found.end(), sentence.end)[:1]
        if after and after[0].word in ("me", "us"):
            own = True  # "that worries me"
            continue
        words = tx.tokens(text, sentence.start, found.start())
        at = len(words) - 1
        while at >= 0 and words[at].word in tax.worrier_skips:
            at -= 1
        if at < 0:
            own = True  # "Worried about the cost.": the speaker, unnamed
            continue
        subject = words[at].word
        if subject in tax.speakers:
            own = True
        elif (
            subject in tax.others
            or (at > 0 and words[at - 1].word in tax.noun_leads)
            or (at > 0 and text[words[at].start].isupper())
            or subject in tx.given_names()
        ):
            theirs.append(Span(*found.span()))
        else:
            own = True
    if own:
        return None, theirs
    if theirs:
        return theirs[0].start, theirs
    opening = tx.opening_words(text, sentence, 1)
    first = next(iter(opening), None)
    if first is not None and tax.report_openers.match(text, first.start, sentence.end):
        return sentence.start, theirs  # "According to the forum, beginners should never ..."
    return None, theirs


def _asks_deal(text: str, sentence: Span) -> bool:
    """The sentence asks for a better price (``deals``: a coupon, a price match, a discount)
    and says no worry but the deal's own words ("a price-match guarantee")."""
    deals = taxonomy().deals.finditer(text, sentence.start, sentence.end)
    found = [Span(*m.span()) for m in deals]
    return bool(found) and not _worried(text, sentence, found)


def _readings(
    text: str,
    sentence: Span,
    around: Span,
    candidates: Sequence[Concern],
    quotes: list[Span],
    stance_fields: Sequence[_StanceField] = (),
) -> list[_Reading]:
    """The own cues of the sentence, each read as a concern (a sense by the words ``around``),
    and the field words of ``stance_fields`` read by a stance beside them (v31)."""
    found: list[_Reading] = []
    idioms: list[Span] | None = None
    kinds = taxonomy().kinds
    for concern in candidates:
        for match in concern.cues.finditer(text, sentence.start, sentence.end):
            if not _is_own(text, sentence, match, quotes):
                continue
            if idioms is None:
                found_idioms = taxonomy().idioms.finditer(text, sentence.start, sentence.end)
                idioms = [Span(*m.span()) for m in found_idioms]
            if any(i.start < match.end() and match.start() < i.end for i in idioms):
                continue  # "safe to say", "should I risk it": another sense
            if _lesser(text, sentence, match) or _names_subject(text, concern.key, match):
                continue  # "... more than speed", "invoice data": no concern of its own
            if _turned_down(text, sentence, match) or _in_career(text, sentence, match):
                continue  # "instead of the cheapest one", "ten years in audit" (v15)
            if concern.frame is not None and not concern.frame.search(text, *sentence):
                continue  # "the flight was cancelled": an event, no worry about it (v16)
            if concern.not_of and _done_by(text, sentence, match, concern.not_of):
                continue  # "I was late again": the speaker's own doing (v16)
            if concern.not_before is not None and concern.not_before.match(text, match.end()):
                continue  # "stuck with my in-laws": a person, no product's hold (v21)
            if tx.supposed(text, match.start(), _SUPPOSED_KINDS):
                continue  # "Suppose the flight were cancelled, ...": a case imagined (v16, v18)
            key: str | None = concern.key
            context = concern.context
            in_context = context is not None and context.search(text, *around) is not None
            if context is not None and not in_context:
                key = concern.otherwise  # "how much should I feed them?": a quantity
            if concern.feeling and (not in_context or _negated(text, sentence, match.start())):
                continue  # "I'm not worried about money", "I'm nervous about the exam"
            if key is not None:
                said = " ".join(match.group().lower().split())
                span = Span(*match.span())
                absent = _absent(text, sentence, match, concern.shape)
                calm = said in taxonomy().calm_cues and _calmed(text, sentence, match)
                found.append(
                    _Reading(
                        key,
                        span,
                        said in concern.framed,
                        in_context,
                        concern.asking,
                        concern.feeling,
                        absent,
                        topic=said in concern.topics,
                        calm=calm,
                        label=concern.label if key == concern.key else kinds[key][1],
                        recurring=concern.frame is not None,
                    )
                )
    # v31: a topic's field word and a stance of worry, limit or loss beside it in its clause
    for key, span in _stance_spans(text, sentence, quotes, stance_fields):
        if idioms is None:
            idioms = [Span(*m.span()) for m in taxonomy().idioms.finditer(text, *sentence)]
        if any(i.start < span.end and span.start < i.end for i in idioms):
            continue  # "a budget meeting", "fast food": a kind of thing (v28 idiom shapes)
        found.append(_Reading(key, span, False, False, False, label=kinds[key][1], stance=True))
    return found


@dataclass(frozen=True, slots=True)
class _StanceField:
    """A concern read by a word of its field and a stance beside it (v31, ``stance_fields``)."""

    key: str
    #: A word of the concern's field (its word classes): "money", "quid", "subscription".
    field: re.Pattern[str]
    #: The words one of which a field's match holds (a prefilter, as ``Concern.words``).
    words: frozenset[str]
    #: The stances said: a negative appraisal, a limit, a wait for nothing, a loss.
    said: re.Pattern[str] | None
    #: The stances that count only in a clause that asks ("what happens to", "will it still").
    asked: re.Pattern[str] | None
    #: At most this many words between the field word and its stance.
    gap: int
    #: Read over the whole sentence (``within: sentence``), not one clause.
    sentence: bool = False
    #: Words between that part them for this concern only (``stops``), besides ``gap_stops``.
    stops: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _StanceRules:
    fields: tuple[_StanceField, ...]
    #: Words between a field word and a stance that part them (a new clause or a time).
    gap_stops: frozenset[str]


@cache
def _stance_rules() -> _StanceRules:
    data = tx.load_lexicon("concerns")
    rules, classes = data["stance_fields"], data.get("word_classes", {})
    stances = rules["stances"]
    fields = []
    known = taxonomy().kinds
    for entry in rules["concerns"]:
        name = str(entry["concern"])
        if name not in known:
            raise ValueError(
                f"concerns.yaml: stance_fields names the concern {name!r}, which `concerns` "
                f"does not define; add it there or correct the name"
            )
        phrases = [p for c in entry["field"] for p in _class_words(str(c), classes, "field")]
        kinds: dict[bool, list[str]] = {True: [], False: []}
        for stance in entry["stances"]:
            if str(stance) not in stances:
                raise ValueError(
                    f"concerns.yaml: stance_fields of {name!r} names the stance {stance!r}, "
                    f"which `stance_fields.stances` does not define; add it or correct the name"
                )
            found = stances[str(stance)]
            patterns = [_with_classes(str(p), classes) for p in found["patterns"]]
            kinds[bool(found.get("asking", False))].extend(patterns)
        fields.append(
            _StanceField(
                name,
                re.compile(tx.word_alternation(cue_forms(phrases)), re.IGNORECASE),
                cue_words(cue_forms(phrases)) or frozenset(),
                _joined(kinds[False]),
                _joined(kinds[True]),
                int(entry.get("gap", 4)),
                str(entry.get("within", "clause")) == "sentence",
                _lowered(entry.get("stops", [])),
            )
        )
    return _StanceRules(tuple(fields), _lowered(rules["gap_stops"]))


def _stance_candidates(text: str) -> list[_StanceField]:
    """The stance fields whose field words may match ``text`` (v31; as ``_candidates``)."""
    words = text_words(text)
    return [f for f in _stance_rules().fields if not f.words.isdisjoint(words)]


def _joined(patterns: Sequence[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def _stance_spans(
    text: str, sentence: Span, quotes: list[Span], candidates: Sequence[_StanceField]
) -> Iterator[tuple[str, Span]]:
    """The field words of the sentence read as their concern by a stance in their clause (v31,
    ``stance_fields``): "the subscription is eating into my grocery money" (cost), "i cant
    justify forty quid a month" (cost), "what happens to my recipes if I cancel?" (data loss),
    "three days and nothing" (speed); the stance at most ``gap`` words from the field word,
    none of ``gap_stops`` between. Not in quotation marks, another's words or a case imagined;
    a stance of ``asking`` only in a clause that asks."""
    if not candidates:
        return
    rules = _stance_rules()
    segment = text[sentence.start : sentence.end]
    clauses = tx.clauses(text, sentence)
    asks: bool | None = None
    for rule in candidates:
        for clause in [sentence] if rule.sentence else clauses:
            found = list(rule.field.finditer(text, clause.start, clause.end))
            if not found:
                continue
            stances = list(rule.said.finditer(text, *clause)) if rule.said else []
            if rule.asked is not None:
                if asks is None:
                    # "what happens to my recipes if I cancel?": the sentence asks, whichever
                    # clause ends it
                    asks = (
                        any(tx.is_question(text, c) for c in clauses)
                        or _INTERROGATIVE.match(segment) is not None
                        or taxonomy().tag.search(segment.rstrip(".! ")) is not None
                    )
                if asks:
                    stances += list(rule.asked.finditer(text, *clause))
            if not stances:
                continue
            stops = rules.gap_stops | rule.stops
            for field in found:
                # the cheap test first: most field words have no stance beside them
                if not any(_near(text, field, stance, rule.gap, stops) for stance in stances):
                    continue
                if not _is_own(text, sentence, field, quotes):
                    continue
                if tx.supposed(text, field.start(), _SUPPOSED_KINDS):
                    continue
                yield rule.key, Span(*field.span())
                break


def _near(
    text: str, field: re.Match[str], stance: re.Match[str], gap: int, stops: frozenset[str]
) -> bool:
    """At most ``gap`` words between the two matches (none when they overlap), none of
    ``stops``."""
    start, end = sorted((field.end(), stance.start()))
    if field.start() < stance.end() and stance.start() < field.end():
        return True
    if stance.end() <= field.start():
        start, end = stance.end(), field.start()
    between = [t.word for t in tx.tokens(text, start, end)]
    return len(between) <= gap and stops.isdisjoint(between)


def _absent(text: str, sentence: Span, cue: re.Match[str], shape: bool) -> bool:
    """The cue is said absent (``assurances``): "no telemetry", "there's no tracking",
    "telemetry is off", and in a shape's own words "nothing leaves our server" (not in a cue's:
    "I don't feel safe" is no assurance)."""
    tax = taxonomy()
    return (
        tax.absent_before.search(text, sentence.start, cue.start()) is not None
        or tax.absent_after.match(text, cue.end(), sentence.end) is not None
        or (shape and tax.absent_inside.search(cue.group()) is not None)
    )


def _turned_down(text: str, sentence: Span, cue: re.Match[str]) -> bool:
    """The cue describes the option the speaker turns down (``rejected_options``): "Refundable,
    please, instead of the cheapest non-refundable one", "not the fastest, the most reliable";
    not a negated wish ("not expensive, please") nor a rejected act ("rather than risk
    downtime")."""
    return taxonomy().rejected.search(text, sentence.start, cue.start()) is not None


def _done_by(text: str, sentence: Span, cue: re.Match[str], subjects: frozenset[str]) -> bool:
    """The subject of a shape's verb, read back over auxiliaries and adverbs
    (``subject_skips``), is one of ``subjects`` ("I was late again", "can you cancel it
    again?") or there is none (an imperative: "Cancel it again.")."""
    skips = taxonomy().subject_skips
    words = [t.word.replace("’", "'") for t in tx.tokens(text, sentence.start, cue.start())]
    for at in range(len(words) - 1, -1, -1):
        word = words[at]
        if word == "to" and at and words[at - 1] in skips:
            continue  # "the platform is going to drop my booking": a future, no infinitive
        if word not in skips:
            if word in subjects:
                return True
            # "work at the bike shop ran late": the subject's head before a place (v22)
            for back in range(at - 1, max(at - 5, 0), -1):
                if words[back] in _PLACES:
                    head = words[back - 1]
                    return head in subjects and head not in _PLACES
            return False
    return True


#: Prepositions of a place after a subject's head ("work at the bike shop", v22).
_PLACES = frozenset({"at", "in", "on", "from", "near", "by"})


#: The kinds of ``text.supposed`` that raise no concern (v18): a case imagined. A condition
#: stays a worry, on purpose: a question about a risk raises it ("What if the backup fails?").
_SUPPOSED_KINDS = ("imagined",)


def _calmed(text: str, sentence: Span, cue: re.Match[str]) -> bool:
    """A negation right before a cue of a trouble (``calm_negations``): "nothing urgent", "it's
    not too expensive", "the app isn't slow"."""
    return taxonomy().calm.search(text, sentence.start, cue.start()) is not None


def _in_career(text: str, sentence: Span, cue: re.Match[str]) -> bool:
    """The cue is the field of the speaker's work history (``career``): "I spent ten years in
    audit", "my background is in security"."""
    return taxonomy().career.search(text, sentence.start, cue.start()) is not None


#: Punctuation that ends an act's object.
_OBJECT_END = re.compile(r"[,;:()!?\u2014\u2013]|\s-\s|\.(?:\s|$)")


def _routine_topic(text: str, sentence: Span, cue: Span) -> bool:
    """The cue names what a routine act on a record is about (``routine_acts``): "Could you open
    an incident for the login latency?", "add the hotel price to the itinerary", "log the
    response time"; not "add caching to make it faster" (a purpose ends the object) nor "a
    ticket about how painfully slow it is" (judged in its own words)."""
    tax = taxonomy()
    before = tx.tokens(text, sentence.start, cue.start)
    if before and before[-1].word in tax.intensifiers:
        return False
    # "Query for refunds by week.": a record asked for without a verb (v15)
    if (
        len(before) >= 2
        and before[0].word in tax.asked_records
        and before[1].word in tax.record_links
        and cue.end <= _object_end(text, before[0].end, sentence.end)
    ):
        return True
    for act in tax.acts.finditer(text, sentence.start, cue.start):
        ahead = tx.tokens(text, sentence.start, act.start())
        if ahead and ahead[-1].word in tax.determiners:
            continue  # "the log for latency": a noun
        if len(ahead) >= 2 and ahead[-2].word in tax.determiners and ahead[-1].word.isalpha():
            continue  # v26: "the dive log app", "my training log": a compound's head, a noun
        end = _object_end(text, act.end(), sentence.end)
        if cue.end > end:
            continue
        verb = " ".join(act.group().lower().split())
        if verb in tax.record_acts:
            return True
        records = tax.records.finditer(text, act.end(), end)
        if any(m.end() <= cue.start or cue.end <= m.start() for m in records):
            return True
    return False


def _object_end(text: str, start: int, end: int) -> int:
    """Where the object of an act starting at ``start`` ends: at punctuation, a word of
    ``boundaries``, or "to", "and", "or" before a word that is no determiner or record."""
    tax = taxonomy()
    stop = _OBJECT_END.search(text, start, end)
    end = stop.start() if stop else end
    words = tx.tokens(text, start, end)
    for at, token in enumerate(words):
        if token.word in tax.boundaries:
            return token.start
        if token.word in ("to", "and", "or"):
            after = words[at + 1].word if at + 1 < len(words) else ""
            if after not in tax.determiners and after not in tax.record_words:
                return token.start
    return end


#: Words that negate a feeling right before it: "I'm not worried", "never stressed".
_NEGATIONS = frozenset(
    {
        "not",
        "never",
        "no",
        "n't",
        "isn't",
        "aren't",
        "wasn't",
        "don't",
        "didn't",
        "doesn't",
        "won't",
        "hardly",
        "less",
    }
)


def _negated(text: str, sentence: Span, start: int) -> bool:
    """A negation among the two words before ``start`` ("I'm not worried", "don't panic")."""
    before = tx.tokens(text, sentence.start, start)[-2:]
    return any(t.word.replace("’", "'") in _NEGATIONS for t in before)


def _specific(readings: list[_Reading]) -> list[_Reading]:
    """The readings no other outranks: where cues of two concerns overlap, the more specific
    reading stands alone (``_outranks``)."""
    return [r for r in readings if not any(_outranks(other, r) for other in readings)]


def _outranks(other: _Reading, reading: _Reading) -> bool:
    """Whether ``other`` takes the words of ``reading``, a cue of another concern it overlaps:
    a longer cue over one inside it ("a slow pay": getting paid, not speed; "lose my data": data
    loss, not privacy; "safe parking": safety, whatever is said of computers around it), then a
    sense read in its context over a cue alone ("is it safe to use on public wifi?": security,
    not the physical safety of "safe to use")."""
    a, b = other.span, reading.span
    if other.key == reading.key or a.end <= b.start or b.end <= a.start:
        return False
    if other.stance or reading.stance:
        # v31: a field word read by its stance yields to a cue of another concern on it
        return reading.stance and not other.stance
    if reading.recurring:
        # "the app lost all my logs, I need to know that won't happen again": the data lost is
        # data loss, and its happening again is reliability (v23, probe 11 cn04)
        return False
    if a.start <= b.start and b.end <= a.end and a.end - a.start > b.end - b.start:
        return True
    inside = b.start <= a.start and a.end <= b.end and b.end - b.start > a.end - a.start
    return not inside and other.in_context and not reading.in_context


_remembered = tx.remembered(concern_claims)


def _requests(text: str, sentence: Span, clause: Span) -> bool:
    """A question that opens its sentence asking the assistant to do a thing ("Could you open an
    incident for the login latency?"), not to check or show one ("could you confirm how much you
    charge?"; ``requests``). A clause inside a question asks with it ("What car would you
    suggest ...?")."""
    start = next(iter(tx.opening_words(text, clause, 1)), None)
    first = next(iter(tx.opening_words(text, sentence, 1)), None)
    if start is None or first is None or start.start != first.start:
        return False
    match = taxonomy().request_openers.match(text, start.start, clause.end)
    return match is not None and match.group(1).lower() not in taxonomy().asking_verbs


#: At most two words between a marker and the cue, or the cue and a marker.
_GAP = re.compile(r"(?:\s+[\w'’-]+){0,2}\s+")


def _lesser(text: str, sentence: Span, cue: re.Match[str]) -> bool:
    """The cue is the lesser side of a ranking of values (``lesser_sides``): "privacy matters to
    me more than speed", "I value uptime over speed", "cost is less important than privacy"."""
    tax = taxonomy()
    for marker, ranking in tax.rankings:
        for found in marker.finditer(text, sentence.start, cue.start()):
            gap = text[found.end() : cue.start()]
            if not _GAP.fullmatch(gap) or not tax.gap_stops.isdisjoint(gap.lower().split()):
                continue
            before = tx.tokens(text, sentence.start, found.start())[-3:]
            if ranking is None or any(t.word in ranking for t in before):
                return True
    return tax.lesser_before.match(text, cue.end(), sentence.end) is not None


def _names_subject(text: str, key: str, cue: re.Match[str]) -> bool:
    """A cue of ``data_subjects`` right before a noun of data or systems names what they are
    about ("losing invoice data", "the billing database"), not the concern."""
    tax = taxonomy()
    return key in tax.subject_concerns and tax.subject_heads.match(text, cue.end()) is not None


def _framed(text: str, sentence: Span, cue: Span) -> bool:
    """A worry frame (``worry_frames``) before the cue in its sentence: "I'm concerned about how
    much we paid", "I worry the switch isn't safe"."""
    return taxonomy().frames.search(text, sentence.start, cue.start) is not None


def _averted(text: str, sentence: Span, cue: Span) -> bool:
    """A frame of not wanting an outcome (``aversions``) before the cue in its clause: "I'd hate
    to get fined"; not one of a clause before ("I don't want to get any, and I'm too lazy to
    research pets for my allergies": the allergy is no outcome not wanted)."""
    return any(
        _CLAUSE_BREAK.search(text, frame.end(), cue.start) is None
        for frame in taxonomy().aversion.finditer(text, sentence.start, cue.start)
    )


def _worried(text: str, sentence: Span, besides: Sequence[Span] = ()) -> bool:
    """A worry marker in the sentence that is no duty of the speaker's ("I must send ...",
    "we have to file it"; ``duties``), and none of the words of ``besides``."""
    for match in taxonomy().worry.finditer(text, sentence.start, sentence.end):
        if any(b.start < match.end() and match.start() < b.end for b in besides):
            continue  # "a price-match guarantee": a deal's name
        if " ".join(match.group().lower().split()) not in taxonomy().duties:
            return True
        before = tx.tokens(text, sentence.start, match.start())[-2:]
        words = [t.word for t in before]
        if not words or not (words[-1] in _SPEAKERS or words[-2:][0] in _SPEAKERS):
            return True  # "it must be encrypted": a requirement of a thing
    return False


_SPEAKERS = frozenset({"i", "we", "i'll", "we'll", "i'd", "we'd", "i've", "we've"})


_CLASS_SLOT = re.compile(r"\{([a-z_]+)\}")


def _with_classes(pattern: str, classes: dict[str, list[str]]) -> str:
    """A shape's pattern with each ``{name}`` of ``word_classes`` (v23) put as the alternation
    of that class's words and phrases (whole words, longest first)."""

    def slot(match: re.Match[str]) -> str:
        return tx.word_alternation(_class_words(match.group(1), classes, "pattern"))

    return _CLASS_SLOT.sub(slot, pattern)


def _class_words(name: str, classes: dict[str, list[str]], where: str) -> list[str]:
    """The words of the word class ``name``, named in a shape's ``where`` (its pattern or its
    ``words``); a class ``word_classes`` lacks is said with where and how to fix it."""
    if name not in classes:
        raise ValueError(
            f"concerns.yaml: a shape's {where} names the word class {{{name}}}, which "
            f"`word_classes` does not define; add it there or correct the name"
        )
    return classes[name]


def _shape_words(words: Sequence[str], classes: dict[str, list[str]]) -> frozenset[str]:
    """The words one of which every match of a shape holds: its ``words``, where ``{name}``
    stands for every word of that word class (v23) but its function words: a match of "off
    the ladder" holds "ladder" too, and "the" would wake the shape for nearly every message."""
    function = frozenset(str(w) for w in tx.load_lexicon("function_words")["words"])
    found: set[str] = set()
    for word in words:
        slot = _CLASS_SLOT.fullmatch(str(word))
        if slot is None:
            found.add(str(word).lower())
            continue
        for phrase in _class_words(slot.group(1), classes, "words"):
            parts = str(phrase).lower().split()
            found.update([p for p in parts if p not in function] or parts)
    return frozenset(found)


def _candidates(text: str) -> list[Concern]:
    """The concerns whose cues may match ``text`` (a superset of those that do), in order."""
    words = text_words(text)
    return [c for c in taxonomy().concerns if c.words is None or not c.words.isdisjoint(words)]


def _is_own(text: str, sentence: Span, match: re.Match[str], quotes: list[Span]) -> bool:
    """Whether a cue is the speaker's own and not waved away."""
    if tx.inside(quotes, match.start()) or _reported(text, sentence, match.start()):
        return False
    if taxonomy().dismissal.search(text, sentence.start, match.start()) is not None:
        return False
    if taxonomy().dismissed_after.match(text, match.end(), sentence.end) is not None:
        return False  # "privacy doesn't matter to me"
    return not _names_job(text, sentence, match.group())


def _reported(text: str, sentence: Span, start: int) -> bool:
    """Someone else's words (``tx.is_reported``), read after the last request that the
    assistant tell (v15, ``requests.telling``): "could you tell me where that data is stored?"
    asks, "she told me the price is too high" reports."""
    asked = list(taxonomy().telling.finditer(text[sentence.start : start]))
    if asked:
        sentence = Span(sentence.start + asked[-1].end(), sentence.end)
    return tx.is_reported(text, sentence, start)


def _names_job(text: str, sentence: Span, cue: str) -> bool:
    """The cue is part of the speaker's job ("I work as a site reliability engineer", "I'm a
    compliance officer"): a fact of the disclosure extractor's work category holds it. A job
    title is who someone is, not what they worry about."""
    pattern = re.compile(rf"(?<![\w'-]){re.escape(cue.lower())}(?![\w'-])")
    for claim in disclosure.disclosure_facts(text):
        category, _, fact = claim.key.partition(":")
        inside = any(s.start < sentence.end and sentence.start < s.end for s in claim.spans)
        # "I work as an engineer and uptime matters": the job ends at the coordinator.
        job = re.split(r"\s+(?:and|but|or|so)\s+", fact, maxsplit=1)[0]
        if category == "work" and inside and pattern.search(job):
            return True
    return False
