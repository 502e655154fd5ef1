"""persona6.preference.v57: what a person says they like, dislike, want or ask for.

Rules over the clause parser in ``text.py`` and the lexicon ``persona6/data/preferences.yaml``:

- "I <cue verb> X" ("I really don't like X", "I tend to avoid X", "I'd rather X than Y"), "I am
  <cue phrase> X" ("I'm not a fan of X", "I'm into X"), and the same with the subject dropped as
  in chat ("can't stand X", "and enjoy X" after "I love Y");
- habits as weaker preferences ("I usually take the train", "I never drive");
- frames from the lexicon: imperatives to the assistant ("please don't use emojis"), "X is my
  go-to", "my favourite X is Y", "what I love most is X", evaluations ("X is the best", half
  weight), "X drives me nuts", a taste named by a noun ("I have a strong aversion to X", "a soft
  spot for X", "no interest in X"), a standing choice ("I only use X", "I don't wear X"), "I
  learn best through X", "I find X too slow";
- "I prefer not to X" and "I prefer to avoid X" are against X;
- standing requests on how to answer put to the listener ("please can you answer me always in
  short sentences", "I need you to state your uncertainty when the sources disagree"), not a
  request made once ("can you fix this?", "I need you to explain the error");
- elided verbs: "you like to party? I sure do!", "he hates cats. So do I.", lists ("I like
  pizza, pasta and tacos"), but not a reason after the comma ("I prefer dark mode, looks nicer");
- a comparison announced as a change of mind is the taste held now ("changed my mind,
  foundation is better for me now": prefers foundation), and cites the announcement;
- a taste said to be over and contrasted with one held now in the same sentence is given up
  ("I previously preferred morning reminders, but I now prefer evening reminders": no longer
  prefers morning reminders, prefers evening reminders), and the noun phrase after ", not" is
  the other side ("I prefer email updates now, not SMS");
- a standing request on the channel of contact ("Please send me updates by SMS", "text me
  rather than call", "please don't call me"), keyed by the channel's one name;
- a standing instruction on where or in what form recurring work is delivered, which chooses
  one channel or form over another or says "from now on" ("From now on post the summaries in
  Slack, not email": for `slack for summaries`, against `email for summaries`; "Please give me
  a checklist instead of paragraphs"), not one delivery of the moment ("please post today's
  summary in slack, not email"); one marked as habitual or followed by a reason about the
  speaker is standing ("As always, invoice by email please": ``email for invoices``; "Could
  you show it as a chart instead of a table? Charts are much easier for me to read"), and
  places of delivery are sides ("From now on please deliver to my office instead of home");
- "stop sending me X, Y only" chooses Y; keeping the person's data is keyed by the data
  ("Do not keep my card information", "no save card please": ``storing card details``);
- a file format chosen over another is standing ("Could you send it as a PDF instead of a
  spreadsheet?"), a request marked as habitual for any thing ("Window seat please, as usual",
  "A spreadsheet would be lovely, as usual"), a channel request with a reason of ease ("Text me
  the updates please, SMS is easiest"); "Rather X than Y" without a subject is a contrast,
  "anything but X" is against X, and both sides of a contrast key alike (``_side_key``); "still
  no X" or "no X for now" with a reason about the speaker's body is against X ("Still no
  overhead presses, shoulder") (v26).
- two noun phrases joined by ", not", "over", "rather than" or "instead of" are a choice for any
  thing ("Metric units, not cups.", "Instead of connecting flight, direct one please"), and a
  change said as such ("Going forward, weekly digests rather than daily ones", "Switch me to
  decaf from now on", "I used to want PDFs, but from now on send Word files instead") is
  standing at full weight; a bare choice answering the other speaker's question is an answer
  (v29), only when it chooses between things the question names (v34: "Shall I enable Eco
  mode?" / "alerts by sms. not app notifications" stands), and a thing offered marked as usual
  ("Video, like last time.") is a standing choice;
- a comparison for the speaker ("Morning is better for me", "Mornings suit me best",
  "Morning is better, not afternoon"), "X only" ("sms only pls", "push only, no sms"), a change
  label or lead ("change: push notifications in app from now", "From now video visit is
  better", "From now on, please give me X"), "I'd pick X over Y", "prefer X to Y" split, "I'd
  prefer to <verb>", a choice with its purpose or a reason after it, and a learner's degree
  before the object ("I am liking very much the roses") are preferences; an idiom ("I don't
  buy that answer", "I'd rather be safe"), an act on a pronoun ("I like reading it") and an
  adjective "Preferred stock" are not (v34).
- contrasts outside the canonical frames, by word classes (v50): the evaluative comparative
  with any verb of being or seeming, degree and comparing link ("merino is loads more
  comfortable for me compared with acrylic"; an adjective of dependability only "for me"), a
  verb of appeal + "more than" ("Blitz appeals way more than classical"), a competitive verb
  with a tail of standing ("X beats Y for me"), "X for me every time", "X hits the spot in a
  way Y never does", "I'll take X, you can keep Y", a pseudo-cleft of choosing ("X is what I
  reach for", "what I go for is X") and the speaker's noun of choice ("my preference is X").
- idioms of liking and disliking, by word classes (v51): intolerance after a negated "can"
  ("I can't be doing with X", "cant abide X"), irritation and delight with the thing as subject
  ("X drives me round the bend", "X makes my heart sing", "X gets me every time"), a favourite
  with an intensifier ("X is hands down my favourite"), "it helps me when ..." (a standing
  help in that form) and a learner's "for me X must be Y".
- a pronoun subject of a frame of benefit ("It helps me relax", "it keeps me sane") points at
  what the speaker said they do, took up or have in the clause just before, or at a phrase
  with no verb set before it ("gardening on sundays, it keeps me sane"); nothing else is
  guessed. "I've been getting into X" begins a taste as "I got into X" does (v52).
- a request or a want tied to one occasion anywhere in its sentence ("For Saturday's party can
  you ...", "just for this batch", "for the wedding on the 12th", "... on Saturday") is of that
  occasion, no standing want (``occasion_scopes``; v53).
- the evaluative comparative with an adjective's "-er" form: of taste and comfort for anyone's
  taste ("Fleece is so much cosier than down jackets"), of ease and dependability only "for
  me" ("paper maps are just easier for me than apps"; v54).

Not a taste: a wish to reach a person or support ("I'd like to contact support", by the
failure extractor's ``escalate`` cues), a social reply to the listener ("I appreciate your
help", "can't wait to hear about it"), an evaluation of something at hand ("that cake looks
amazing"), a remark, a qualification or a request after a list ("I prefer tea, no worries",
"..., even in small scripts", "..., please use X") or in another language ("..., la
verdad"), a thing pointed at judged or wished done ("I find this rather frustrating", "I would
like this reported"), the listener or their past act ("I love how
fast you answered", "I hate to bother you"), in another speaker's question the asker ("Do
you like how patient I am?" / "yes"), and an experience that is over ("Did you enjoy the
trip?" / "yes"; "I loved the trip", "I enjoyed a concert last night": the simple past of a
definite thing or a time that was once; not "I've always loved concerts"). A favourite named
beside it is one ("my favorite band, the beatles"; "iced tea, my favorite drink"). The
listener's act is a taste in answers ("I like when you use bullet points": bullet points).

A clause speaks for the person only when it states rather than asks, and is not hypothetical
(nor inside a case imagined: "Assume I hate crowds, ...", "Let's pretend I love ..."),
reported ("she said she prefers tea") or inside quotation marks; a subject other than "I" ("my
boss hates meetings") says nothing about the speaker ("we" counts at half weight). Negation
flips the polarity; a negated dislike is a mild like. A verb for object reads with its "to"
("I like to cook": likes to cook), and the listener's act with them ("I like it when you cite
sources": likes it when you cite sources). The key is the object phrase, normalised,
without a clause of time or condition ("export my notes before I cancel") or a last phrase that
only points at the product or the listener's side ("JSON output from your tool"); a bare
pronoun ("I love it") takes the topic of the clause or sentence before it in the same message,
or is dropped.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from persona6.extract import text as tx
from persona6.extract.base import is_person_message, registered
from persona6.extract.failure import cues as failure_cues
from persona6.extract.prep import AnyPattern, CueList, LazyPattern, Prepared, prepare_text
from persona6.extract.text import Claim, Predicate, Span, Token
from persona6.types import Signal, SignalKind, StoredEvent

NAME = "persona6.preference.v57"

_ANY_SUBJECT = tx.FIRST_PERSON | {"you", "u", "we", "they", "he", "she", "people", "everyone"}
_SUBJECTS = tx.FIRST_PERSON | {"we", "we're", "we've", "we'd"}
_OBLIGATIONS = {"used to", "have to", "need to", "got to"}
_WISHES = {"like", "love"}  # "I'd like to", "I'd love to": a wish, as "I want to" is
#: "I should like to ...", "we should prefer ...": a wish put politely, as with "would" (v27).
_POLITE_CONDITIONALS = {"should"}
_CAN = {"can", "could", "cannot", "can't", "cant", "couldn't", "couldnt", "ca"}
_AGREEMENT = re.compile(
    r"(?:(?:but|and|well|oh|yeah|then|again|haha|lol)\s+)*(?:so|neither|nor)\s+"
    r"(?:do|does|did|am|have|can|would)\s+i\b|me\s+(?:too|neither|either)\b|same here\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Cue:
    head: str  # the cue's base phrase ("prefer", "rather", "be"), for contrast markers
    says: str  # how the value reads: "likes", "is into", "can't stand"
    polarity: float
    weight: float
    object_start: int
    fixed: bool = False  # negation already part of the cue ("can't stand")
    infinitive: bool = False  # the object is "to" and a verb: "I like to cook" likes to cook


@dataclass(frozen=True, slots=True)
class Frame:
    pattern: AnyPattern  # compiled when a message may match it (``_frame_cues``)
    says: str
    negated: str
    polarity: float
    weight: float
    before: re.Pattern[str] | None
    at_hand: bool = False  # skipped when the object opens with a demonstrative ("that cake")
    refers_back: bool = False  # a bare pronoun object may take the phrase before it
    activity_says: str | None = None  # how the value reads when the object is an "-ing" verb
    runs_on: bool = False  # the object takes in the clauses after it that only add to it
    names: bool = False  # the object must name something: a pronoun is not read back
    # (v52) ... unless it points at what the speaker said they do or have just before ("I
    # started knitting last winter. It helps me relax": knitting; ``_speaker_thing``)
    speaker: bool = False
    imperative: bool = False  # a request to the listener ("always cite sources")
    # How the frame reads after an announced change of mind ("changed my mind, foundation is
    # better for me now": prefers foundation), and at what weight (``_announcement``).
    changed_says: str | None = None
    changed_weight: float | None = None
    # An instruction on how to answer that another may follow in its clause after "and"
    # ("keep your explanations short and without the technical jargon"; preference.v15).
    coordinates: bool = False
    # How the frame reads after an opener that takes a noun ("avoid jargon": asks to avoid
    # jargon; "no more tables": asks for no more tables), when no verb follows it (v16).
    opener_says: tuple[tuple[str, str], ...] = ()
    # The object names a channel of contact: the key is its one name (``channel_names``), and
    # a matched group `counter` is the channel asked against ("text me rather than call"; v17).
    channels: bool = False
    # The object names an aspect of answers: keyed by its one name (``answer_names``), and no
    # standing request when the clause ends on a time of the moment (``moment_tails``; v22).
    answers: bool = False
    # How the frame reads after an opener that also takes a bare noun ("never pies", "Tea,
    # never coffee": asks for no coffee), when the object is one (``_bare_noun``; v27).
    noun_says: tuple[tuple[str, str], ...] = ()
    # The pattern reads to the sentence's end, past a comma that ends the clause ("No pie
    # charts, ever."; v28).
    sentence: bool = False
    # The object must be a kind of thing, in the plural or without a determiner ("skip the
    # red-eyes", "skip dessert"), unless a standing marker is in the sentence: "skip the
    # dessert" is the one at hand (``_names_kind``; v33).
    kinds: bool = False
    # How the frame reads when its group `category` names the kind of thing the favourite is
    # ("Harry Potter is my favorite book": "favourite book: harry potter"; v36), with
    # "{category}" standing for the words matched.
    category_says: str | None = None
    # The object is the whole clause the pattern's group ``obj`` holds, not cut at a word of
    # ``stops`` ("It helps me when things are laid out as a checklist": the form; v51).
    whole: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[float, float]]  # base phrase -> (polarity, weight)
    negated_only: dict[str, tuple[float, str, bool]]  # phrase -> (polarity, says, needs "can")
    lemmas: dict[str, str]
    be_phrases: tuple[tuple[float, re.Pattern[str]], ...]
    habitual: dict[str, float]
    stops: str
    exceptions: re.Pattern[str]
    contrasts: dict[str, re.Pattern[str]]
    frames: tuple[Frame, ...]
    words: dict[str, frozenset[str]]  # the plain word lists: pronouns, np_skip, want_skip, ...


@cache
def lexicon() -> Lexicon:
    data = tx.load_lexicon("preferences")
    verbs = {p: (1.0, 1.0) for p in data["verbs"]["positive"]}
    verbs |= {p: (-1.0, 1.0) for p in data["verbs"]["negative"]}
    verbs |= {p: (1.0, float(data["want_weight"])) for p in data["verbs"]["wants"]}
    negated_only = {
        e["verb"]: (float(e["polarity"]), str(e["says"]), bool(e["can"]))
        for e in data["negated_only"]
    }
    lists = (
        "habit_skip_verbs",
        "habit_skip_objects",
        "habit_object_determiners",
        "habit_transitive_verbs",
        "pronouns",
        "want_skip",
        "moment_objects",
        "moment_receivers",
        "moment_pointers",
        "moment_deliverables",
        "deliverable_topics",
        "english_short_words",
        "not_remarks",
        "other_side_articles",
        "idiom_skip",
        "counter_skip",
        "answer_yes",
        "answer_no",
        "past_question_leads",
        "activity_verbs",
        "possessives",
        "habit_skip_leads",
        "perfect_leads",
        "history_verbs",
        "cleft_leads",
        "cleft_not_things",
        "habit_particles",
        "feeling_phrases",
        "feeling_at_hand",
        "item_qualifiers",
        "chosen_openers",
        "antecedent_skip",
    )
    be = data["be_phrases"]
    fills = _frame_fills(data)
    return Lexicon(
        verbs=verbs,
        negated_only=negated_only,
        lemmas=tx.lemma_table([*verbs, *negated_only]),
        be_phrases=tuple((sign, re.compile("|".join(be[k]), re.I)) for sign, k in _BE_SIGNS),
        habitual={str(k): float(v) for k, v in data["habitual_leads"].items()},
        stops="|".join(
            [
                tx.word_alternation(data["object_stops"]),
                _coordinated_verb(data, verbs),
                _time(),
                _times_said(data),
            ]
        ),
        exceptions=re.compile(tx.word_alternation(data["exceptions"]), re.I),
        contrasts={
            k: re.compile(tx.word_alternation(v), re.I) for k, v in data["contrasts"].items()
        },
        frames=tuple(_frame(entry, fills) for entry in data["frames"]),
        words={k: frozenset(data[k]) for k in lists}
        | {
            k: frozenset(data["frame_words"][k])
            for k in (
                "np_skip",
                "at_hand",
                "aversion_nouns",
                "liking_nouns",
                "category_skip",
                "category_ends",
            )
        }
        | {k: frozenset(data[k]) for k in _SOCIAL},
    )


_BE_SIGNS = ((1.0, "positive"), (-1.0, "negative"))
_SOCIAL = (
    "social_cues",
    "social_objects",
    "anticipation_cues",
    "anticipation_skip",
    "listener_words",
    "listener_groups",
    "listener_possessives",
    "listener_acts",
    "listener_be",
    "asker_words",
    "asker_possessives",
    "asker_be",
    "asker_own_possessives",
    "asker_comparisons",
)


def _coordinated_verb(data: dict, verbs: dict[str, tuple[float, float]]) -> str:
    """Where an object ends at a second verb of the same subject: "gamified apps and find them
    childish", "breeding pets and only adopt from shelters" (a cue verb, or one of
    ``coordinated_verbs``, after "and"/"or"/"but" and any adverbs)."""
    heads = [*(v.split()[0] for v in verbs), *data["coordinated_verbs"]]
    forms = {  # not "-ing" or "-ed": "fashion and finding pieces", "loved and valued"
        form
        for head in heads
        for form in tx.inflections(str(head))
        if not form.endswith(("ing", "ed"))
    }
    adverbs = tx.adverb_run(by_form=False)
    return rf"(?<![\w'’-])(?:and|or|but)\s+{adverbs}{tx.word_alternation(forms)}"


def _time() -> str:
    """Where an object ends at a clause of time or condition of the speaker's or the
    listener's: "export my notes | before I cancel", "coffee | after we eat" (a marker of
    English's ``temporal_markers`` or ``condition_markers`` and a personal subject; not "a walk
    after dinner", "a run before the rain")."""
    markers = tx.english_words("temporal_markers", "condition_markers")
    subjects = tx.FIRST_PERSON | {"you", "we", "we're", "we've", "he", "she", "they"}
    return rf"{tx.word_alternation(markers)}\s+{tx.word_alternation(subjects)}"


def _times_said(data: dict) -> str:
    """Where an object ends at a time said of the taste: "jazz | last year", "hiking | as a
    kid", "the show | two weeks ago" (``object_times`` and the ``past_experience`` occasions,
    but a bare "ago": "things from long ago"); after a word of the object, not opening it
    ("sunday morning brunch"), nor inside a word ("today's music") or a noun phrase ("the last
    year of college")."""
    times = [
        *data["object_times"],
        *(o for o in data["past_experience"]["occasions"] if o != "ago"),
    ]
    return r"(?<=[\w'’.,!?)]\s)(?:" + "|".join(times) + r")(?![\w'’-])(?!\s+of\b)"


def _frame_fills(data: dict) -> dict[str, str]:
    """What each placeholder of a frame's pattern stands for (see preferences.yaml); the same
    for every frame, so the alternations of verb forms and word lists are built once."""
    opinion = r"(?:i\s+(?:\w+\s+)?(?:think|find|feel|believe|guess|reckon|say)\s+(?:that\s+)?)?"
    fills = {
        "np": opinion + r"(?P<obj>[\w'’-]+(?:\s+[\w'’-]+){0,4}?)",
        "rest": r"(?P<obj>\S.*)",
        "adv": tx.adverb_run(),
        # An idiom's verb followed by "me to/for/about ..." is a request after all: "don't ask"
        # is an idiom, "please don't ask me to confirm every step" a standing request.
        "not_about_me": r"(?!\s+(?:me|us)\s+(?:to|for|about)\s+\w)",
        # A judgement that ends its clause or a part of it: "I find yoga relaxing", "... too
        # slow and boring", "... tedious because ..." (not "a place with great light").
        "judged": r"(?![\w'’-])(?=\s*(?:$|[,.!?;:)]|(?:and|or|but|to|for|because|as|when)\b))",
    }
    generic = data["frame_words"]["generic_verbs"]
    # "please stop sending me ...": the gerund of a generic verb (its base form in the claim)
    fills["generic_gerunds"] = tx.word_alternation(
        f for verb in generic for f in tx.inflections(verb) if f.endswith("ing")
    )
    for sign in ("positive", "negative"):
        forms = {f for verb in data["verbs"][sign] if " " not in verb for f in tx.inflections(verb)}
        fills[f"{sign}_verbs"] = tx.word_alternation(forms)
    fills |= {name: tx.word_alternation(words) for name, words in data["frame_words"].items()}
    fills |= {k: tx.word_alternation(tx.english_set(k)) for k in _ENGLISH_FILLS}
    return fills


#: english.yaml's word classes a frame's pattern may name (v47: "I no like X").
_ENGLISH_FILLS = ("learner_negations", "learner_subjects")


def _frame(entry: dict, fills: dict[str, str]) -> Frame:
    """A frame's pattern with its placeholders filled in (``_frame_fills``)."""
    pattern = re.sub(r"\{(\w+)\}", lambda m: fills[m.group(1)], str(entry["pattern"]))
    before = re.compile(entry["before"]) if entry.get("before") else None
    says, weight = str(entry["says"]), float(entry.get("weight", 1.0))
    negated = str(entry.get("negated", "not " + says))
    return Frame(
        LazyPattern(pattern, re.I),
        says,
        negated,
        float(entry["polarity"]),
        weight,
        before,
        at_hand=entry.get("at_hand") == "skip",
        refers_back=bool(entry.get("refers_back", False)),
        activity_says=entry.get("activity_says"),
        runs_on=bool(entry.get("runs_on", False)),
        names=entry.get("pronoun") in ("skip", "speaker"),
        speaker=entry.get("pronoun") == "speaker",
        imperative=bool(entry.get("imperative", False)),
        changed_says=entry.get("changed_says"),
        changed_weight=float(entry["changed_weight"]) if "changed_weight" in entry else None,
        coordinates=bool(entry.get("coordinates", False)),
        opener_says=tuple((str(k), str(v)) for k, v in entry.get("opener_says", {}).items()),
        channels=bool(entry.get("channels", False)),
        answers=bool(entry.get("answers", False)),
        noun_says=tuple((str(k), str(v)) for k, v in entry.get("noun_says", {}).items()),
        sentence=bool(entry.get("sentence", False)),
        kinds=bool(entry.get("kinds", False)),
        category_says=entry.get("category_says"),
        whole=bool(entry.get("whole", False)),
    )


@registered
class PreferenceExtractor:
    name = NAME

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        asked: StoredEvent | None = None  # the latest message, when it asked a question
        for event in session:
            if event.type != "message":
                continue
            if is_person_message(event):
                answering = asked is not None and asked.actor != event.actor
                question = (asked.text or "") if asked is not None and answering else ""
                claims = (
                    _remembered_answer(question, event.text or "")
                    if answering
                    else _remembered(event.text or "")
                )
                if not claims and asked is not None and asked.actor != event.actor:
                    claims = _answer_claims(asked.text or "", event.text or "")
                if not claims and answering:
                    claims = _standing_answer(question, event.text or "")
                yield from tx.claim_signals(event, claims, SignalKind.PREFERENCE, NAME)
            asked = event if (event.text or "").rstrip().endswith("?") else None


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    sentence: Span
    parts: list[Span]  # the clauses of the sentence
    index: int  # this clause
    before: Span | None  # the previous sentence in the message
    asked: int = 0  # the text before this offset is the other speaker's question (_answer_claims)

    @property
    def clause(self) -> Span:
        return self.parts[self.index]


@lru_cache(maxsize=tx.TEXT_CACHE)
def _answer_claims(question: str, answer: str) -> tuple[Claim, ...]:
    """A short answer to someone's question about the speaker's taste: "Do you like sushi?" /
    "yes I love it" or "yes!" (likes sushi), "not really, too spicy for me" (does not), "Are
    you into jazz?" / "yes" (a taste put with "be", ``taste_question_phrases``). Only
    the answer is cited (the question is the other speaker's), at ``answer_weight`` when the
    answer names nothing itself ("yes!"). An offer ("do you want coffee?" / "no thanks") is no
    taste. The question's "your" is the answerer's own ("Do you like your job?" / "I do"), its
    "my" the asker's ("Do you like my idea?" / "yes!": a reaction to them, ``_to_listener``)."""
    words = tx.tokens(answer, 0, len(answer))
    asks = _asks_taste().search(question)
    if not words or len(words) > _ANSWER_WORDS or asks is None:
        return ()
    # "Did you enjoy the trip?" asks about an experience that is over, not a standing taste:
    # a "yes" to it, or an "I loved it" that takes its object from it, likes no trip. What the
    # answer names itself still counts ("yes, I love road trips").
    past = _asks_past(question, asks.start())
    joined = f"{question.rstrip()}\n{answer}"
    offset = len(joined) - len(answer)
    found = []
    for claim in preference_claims(joined, asked=offset, answering=True):
        own = [Span(a - offset, b - offset) for a, b in claim.spans if a >= offset]
        if own and not (past and len(own) < len(claim.spans)):
            found.append(Claim(claim.key, claim.value, claim.polarity, claim.weight, own))
    if found:
        return tuple(found)
    if _about_listener(answer):
        return ()  # "I love how you explained that": a reaction to the asker, not a yes
    lists = lexicon().words
    answers = _answer_words()
    # "Honestly, not really", "haha yes": the yes or no after a discourse marker
    markers = tx.english_set("discourse_markers")
    while len(words) > 1 and words[0].word in markers and words[0].word not in answers:
        words = words[1:]
    opening = " ".join(w.word for w in words[:2])
    yes = words[0].word in lists["answer_yes"] or opening in lists["answer_yes"]
    no = words[0].word in lists["answer_no"] or opening in lists["answer_no"]
    topic = _question_topic(question, asks.start())
    if topic is None or yes == no or past:
        return ()
    span, polarity, infinitive = topic
    polarity = polarity if yes else -polarity
    first = next(c for c in tx.clauses(answer, tx.sentences(answer)[0]) if c.end > words[0].start)
    says = ("likes" if polarity > 0 else "does not like") + (" to" if infinitive else "")
    weight = float(tx.load_lexicon("preferences")["answer_weight"])
    return tuple(_claim(question, span, polarity, says, weight, [first], asked=len(question)))


_ANSWER_WORDS = 12


def _asks_past(question: str, at: int) -> bool:
    """Whether the taste question that starts at ``at`` ("you enjoy the trip?") is put in the
    past ("Did you enjoy the trip?", "were you into it?"; ``past_question_leads``): it asks
    about one experience, not about what the listener keeps liking."""
    before = tx.tokens(question, 0, at)[-1:]
    return bool(before) and before[0].word in lexicon().words["past_question_leads"]


def _about_listener(text: str) -> bool:
    """Whether a cue in ``text`` has the listener for its object ("I love how you explained
    that", "I love your idea"): such an answer names what it reacts to, so it is no bare yes."""
    lex = lexicon()
    for sentence in tx.sentences(text):
        for clause in tx.clauses(text, sentence):
            for pred in tx.predicates(text, clause, _known(), _SUBJECTS, implied=True):
                cue = match_cue(text, pred)
                if cue is None:
                    continue
                span = tx.phrase_span(text, cue.object_start, pred.rest.end, lex.stops)
                if span is not None and _to_listener(text, span, cue.polarity):
                    return True
    return False


@cache
def _asks_taste() -> re.Pattern[str]:
    """A question about the listener's taste, ending its message: "do you like sushi?", "are
    you into jazz?", "are you a big fan of horror movies?" (a verb of ``taste_questions`` or a
    phrase of ``taste_question_phrases`` after "you"; not an offer: "do you want coffee?")."""
    data = tx.load_lexicon("preferences")
    words = tx.word_alternation(data["taste_questions"])
    phrases = "|".join(f"(?:{p})" for p in data["taste_question_phrases"])
    taste = rf"(?:{words}|(?<![\w'’-])(?:{phrases})(?![\w'’-]))"
    return re.compile(rf"\b(?:you|ya|u)\s+(?:\w+\s+)?{taste}[^?]*\?\s*$", re.I)


def _question_topic(question: str, at: int) -> tuple[Span, float, bool] | None:
    """The object of the taste the question asks about, its sign, and whether it is a verb
    after "to" ("do you like to cook?"): "do you like sushi?"."""
    for sentence in tx.sentences(question):
        for clause in tx.clauses(question, sentence):
            if clause.end > at:
                return _topic_of(question, clause, with_cue=False)
    return None


def preference_claims(
    text: str, asked: int = 0, answering: bool = False, question: str = ""
) -> list[Claim]:
    """Every preference the speaker of ``text`` states about themselves. ``text[:asked]`` is
    another speaker's question that the rest answers: its "you" and "your" are the speaker
    (``_to_listener``). ``answering``: ``text`` is a reply to the other speaker's
    ``question`` (or to ``text[:asked]``), so a bare choice in it between things the question
    names ("Tea or coffee?" / "Tea, not coffee.") answers it and stands for nothing (v29); a
    choice of things the question does not name is the speaker's own ("Shall I enable Eco
    mode?" / "alerts by sms. not app notifications"; v34)."""
    quotes, known = tx.quoted_spans(text), _known()
    found: list[Claim] = []
    all_sentences = tx.sentences(text)
    skipped = 0  # the end of a choice that took in a later sentence ("The aisle. Not the middle.")
    for number, sentence in enumerate(all_sentences):
        if sentence.end <= skipped:
            continue
        if sentence.start >= asked and not tx.inside(quotes, sentence.start):
            instructed = (
                _standing_instruction(text, sentence)
                or _habitual_request(text, sentence)
                or _never_fragment(text, sentence)
                or _choice_fragment(text, sentence, all_sentences[number + 1 : number + 2])
                or _instead_request(text, sentence, all_sentences[number - 1] if number else None)
            )
            if (
                instructed
                and answering
                and all(c.weight < 0 for c in instructed)
                and _among_asked(question or text[:asked], text, instructed)
            ):
                continue  # "Tea or coffee?" / "Tea, not coffee.": an answer, no standing choice
            if instructed:
                found.extend(
                    Claim(c.key, c.value, c.polarity, abs(c.weight), c.spans) for c in instructed
                )  # "From now on post the summaries in Slack, not email"
                if any(s.end > sentence.end for c in instructed for s in c.spans):
                    skipped = max(s.end for c in instructed for s in c.spans)
                continue
        parts, previous = tx.clauses(text, sentence), list[Claim]()
        lead: Claim | None = None  # the claim a list of items after it started from
        covered = 0  # the end of a quote that ran on from an earlier clause of the sentence
        for index, clause in enumerate(parts):
            if tx.inside(quotes, clause.start):
                previous = []
                continue
            if clause.end <= covered:
                continue  # "..., and times, in ISO 8601": read with the request before
            if _vocative(text, clause):
                continue  # "A phone call is best for me, dear, not the messages" (v34)
            context = _Context(
                text, sentence, parts, index, all_sentences[number - 1] if number else None, asked
            )
            if tx.is_question(text, clause):
                # "can you always answer in German?" asks for every answer, not once
                found.extend(_standing_request(context))
                previous = []
                continue
            claims = (
                _frames(context)
                or _apposition(context)
                or _standing_request(context)
                or _continuing_exclusion(context, all_sentences[number + 1 : number + 2])
            )
            if (
                not claims
                and _AGREEMENT.match(text, clause.start, clause.end)
                and (index or number)
            ):
                claims = _ellipsis(context, negated=False)  # "he hates cats. So do I."
            preds = [] if claims else tx.predicates(text, clause, known, _SUBJECTS, implied=True)
            for pred in preds:
                start = pred.subject.start
                if not (
                    tx.inside(quotes, start)
                    or tx.is_hypothetical(text, clause, start, pred.lead)
                    # a case imagined, as one supposed with "if" ("Assume I hate crowds, where
                    # should I go?", "Let's pretend I love spicy food, ..."): english's shared
                    # `imagined` openers (v49)
                    or tx.supposed(text, start, ("imagined",)) is not None
                    or tx.is_conditional(text, sentence, start, tx.is_future(text, pred))
                    or tx.is_reported(text, sentence, start)
                ):
                    claims.extend(_from_predicate(context, pred))
            if not claims and previous:
                claims = _negated_alternative(context, previous[-1])
                claims = claims or _list_item(context, previous[-1], lead or previous[-1])
            else:
                lead = claims[-1] if claims else None
            announced = _announcement(context) if claims else None
            for claim in claims if announced is not None else ():
                # One quote from the announcement to the taste: "I've changed my mind about
                # exports: PDF is actually better for us now".
                claim.spans = sorted(
                    {
                        Span(announced.start, s.end) if s.start > announced.start else s
                        for s in claim.spans
                    }
                )
            found.extend(claims)
            previous = claims
            ends = [s.end for c in claims for s in c.spans if s.start < clause.end < s.end]
            covered = max([covered, *ends])
    found = _with_general_readings(text, all_sentences, found, asked, answering)
    found = [c for c in found if not _pinned_to_the_moment(text, all_sentences, c)]
    # a key that opens with "be" names no thing: "which i love to do" after "everything is
    # about me having fun" (v57; a cleft's complement is read by ``_cleft_complement``)
    found = [c for c in found if c.key.split(" ", 1)[0] not in _COPULAS]
    # a bare number rated names no thing: "5 was too much" (of meals a week) is an amount (v43)
    found = [c for c in found if not (_NUMBER.fullmatch(c.key) and c.value.startswith(_RATED))]
    for claim in found:
        _key_form(claim, text)  # "a pie chart", "pie charts", "never pies" (among charts)
        _key_stored_data(claim)  # "Do not keep my card information", "no save card please"
        _key_delivered_by(claim)  # "I prefer invoices by email": email for invoices
    for chosen, other in itertools.pairwise(found):
        _key_shared_frame(chosen, other)  # "invoices in euros rather than dollars"
    return found


def _continuing_exclusion(context: _Context, following: list[Span]) -> list[Claim]:
    """A terse constraint that goes on, "still no X" or "no X for now" (``continuing_no``),
    with a reason about the speaker's body or situation after it, in its sentence or the next
    (``continuing_no.reasons``: "Still no overhead presses, shoulder.", "No overhead presses for
    now, my shoulder is still healing"): against X until said otherwise, cited with its reason
    (v26). Not without the reason ("still no word from them", "no emojis for now": this answer),
    a question or a clause with a subject ("my coach still says no presses")."""
    text, clause, words = context.text, context.clause, _continuing_words()
    found = words.said.match(text, clause.start, clause.end)
    if found is None:
        return []
    ends = [context.sentence.end, *(s.end for s in following)]
    # "no overnight flights though, i'm a zombie after": what the thing does to the speaker
    # makes the exclusion stand without "still" or a time (``effects``; v27)
    lasting = found.group("still") or found.group("time")
    reason = (words.reason if lasting else words.effect).search(text, clause.end, ends[-1])
    if reason is None or (reason.end() > ends[0] and clause.end < ends[0] - 1):
        return []  # the next sentence is a reason only when the clause ends its own
    span = tx.phrase_span(text, found.start("obj"), found.end("obj"), lexicon().stops)
    end = next(e for e in ends if e >= reason.end())  # the reason's sentence, cited whole
    cited = Span(tx.opening_words(text, clause, 1)[0].start, end)
    return _claim(text, span, -1.0, "asks for no", words.weight, [cited], context.asked)


@dataclass(frozen=True, slots=True)
class _ContinuingWords:
    said: re.Pattern[str]  # "still no X", "no X for now"
    reason: re.Pattern[str]  # "shoulder", "my knee is still healing"
    weight: float
    effect: re.Pattern[str]  # "i'm a zombie after", "red-eyes wreck me" (v27)


@cache
def _continuing_words() -> _ContinuingWords:
    data = tx.load_lexicon("preferences")
    own, skip = data["continuing_no"], data["frame_words"]["exclusion_skip"]
    said = (
        r"\W*(?:(?:and|but|so|btw|also|ok|okay)\W+)*(?P<still>still\s+)?no\s+(?:more\s+)?"
        rf"(?!(?:{tx.word_alternation(skip)})(?![\w'’-]))"
        r"(?P<obj>[\w'’-]+(?:\s+[\w'’-]+){0,2}?)"
        rf"(?P<time>\s+(?:{'|'.join(own['times'])}))?(?:\s*,?\s*(?:please|pls|plz|though|tho))?"
        r"[^\w]*$"
    )
    effect = rf"(?<![\w'’-])(?:{'|'.join(own['effects'])})(?![\w'’-])"
    reason = rf"(?<![\w'’-])(?:{'|'.join(own['reasons'])})(?![\w'’-])"
    return _ContinuingWords(
        re.compile(said, re.I),
        re.compile(reason, re.I),
        float(own["weight"]),
        re.compile(effect, re.I),
    )


def _key_form(claim: Claim, text: str) -> None:
    """A claim keyed by a form of an answer or a file in either number, or by a chart kind's
    short form where charts are meant, takes the form's one name (``answer_forms``,
    ``chart_short_forms``: "Please do not give me a pie chart", "No pie charts" and "Bars,
    never pies" key `pie charts`), and so does the short form of another compound where its
    head is named (``compound_short_forms``: "Aisle, please, never the middle seat" keys
    `aisle seat`), so that the ways one person says it meet (v27)."""
    words = _instructions()
    name = words.forms.get(claim.key)
    if name is not None and _stem(name.split()[0]) != _stem(claim.key.split()[0]):
        name = None  # a number only: "xlsx" stays itself, not "excel"
    if name is None and claim.key in words.shorts and _charts_in(text, claim.key, words):
        name = words.shorts[claim.key]
    for forms, heads in _compound_short_forms() if name is None else ():
        if claim.key in forms and (
            heads.search(text)
            or any(re.search(rf"\b{f}\b", text, re.I) for f in forms if f != claim.key)
        ):
            name = forms[claim.key]  # "Aisle, please, never the middle seat": aisle seat
    if name is None or name == claim.key:
        return
    if claim.value.endswith(f" {claim.key}"):
        claim.value = f"{claim.value[: -len(claim.key) - 1]} {name}"
    claim.key = name


@cache
def _compound_short_forms() -> tuple[tuple[dict[str, str], re.Pattern[str]], ...]:
    """``compound_short_forms``: per kind, its short forms' names and its head words (v27)."""
    groups = tx.load_lexicon("preferences")["compound_short_forms"].values()
    return tuple(
        (
            {str(k): str(v) for k, v in group["forms"].items()},
            re.compile(tx.word_alternation(group["heads"]), re.I),
        )
        for group in groups
    )


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


def _charts_in(text: str, key: str, words: _Instructions) -> bool:
    """Whether ``text`` names a chart (``chart_words``) or a kind of chart besides ``key``."""
    if words.chart_words is not None and words.chart_words.search(text):
        return True
    said = {tx.normalise_phrase(w) for w in re.findall(r"[\w-]+", text)} - {key}
    return any(w in words.shorts or words.forms.get(w, "").endswith("charts") for w in said)


def _key_delivered_by(claim: Claim) -> None:
    """A key "<deliverable> by/via <channel>" keyed as a standing instruction keys it ("I
    prefer invoices by email" is ``email for invoices``, as "As always, invoice by email
    please" is), so the two meet (v23)."""
    found = _DELIVERED_BY.match(claim.key)
    if found is None:
        return
    words = _instructions()
    made = words.plurals.get(found.group("made"))
    channel = found.group("channel")
    if made is None or channel not in words.channels:
        return
    claim.key = f"{_channel_name(channel, frame=True)} for {made}"


def _key_shared_frame(chosen: Claim, other: Claim) -> None:
    """A choice within a shared frame, "H <preposition> A" against a bare B ("invoices in
    euros rather than dollars", "books in English, not French"), keys its compared heads with
    the frame's noun as a delivery is keyed ("email for invoices"): ``euros for invoices``
    for, ``dollars for invoices`` against, so that the currency, not the whole phrase, meets
    another choice of it (``shared_frames``; v33). Only when A is as bare as B, one or two
    words without a determiner: in "coffee in the morning rather than tea" the other side is
    set against the coffee, not the morning, and the keys stay. ``chosen`` and ``other`` must
    be one contrast: the side for and, next, the side against it ("against B (<chosen's
    value> instead)")."""
    if chosen.polarity <= 0 or other.polarity >= 0:
        return
    said = f"against {other.key} ("
    if not (other.value.startswith(said) and other.value.endswith(" instead)")):
        return
    if not chosen.value.startswith(other.value[len(said) : -len(" instead)")]):
        return  # not the side this one is against
    own = tx.load_lexicon("preferences")["shared_frames"]
    found = re.fullmatch(
        rf"(?P<head>[\w'-]+(?: [\w'-]+)?) (?:{tx.word_alternation(own['prepositions'])})"
        r" (?P<side>[\w'-]+(?: [\w'-]+)?)",
        chosen.key,
    )
    compared = other.key.split()
    if found is None or not 0 < len(compared) <= 2:
        return
    head, side = found.group("head"), found.group("side")
    closed = _closed_words() | tx.english_set("determiners") | tx.english_set("prepositions")
    if any(w in closed for w in [*side.split(), *compared]) or side == other.key:
        return  # "coffee in the morning rather than tea": the coffee is compared
    if head.split()[0] in _verb_words() or tx.is_gerund(head.split()[0]):
        return  # "pay by card rather than cash": an act, keyed as said
    rest = other.value[len(f"against {other.key}") :]
    chosen.key, other.key = f"{side} for {head}"[:80], f"{other.key} for {head}"[:80]
    other.value = f"against {other.key}{rest}"


#: A key that names what is delivered and the channel it goes by ("invoices by email").
_DELIVERED_BY = re.compile(r"^(?P<made>[\w-]+)\s+(?:by|via|over|through)\s+(?P<channel>[\w -]+)$")


def _key_stored_data(claim: Claim) -> None:
    """A taste about keeping the person's data keyed by the data's one name (``stored_data``:
    "keep my card information", "you save my card" and "save card" are ``storing card
    details``), so refusals in other words meet across sessions; the value says it plainly
    ("asks not to store card details"; v23)."""
    data = tx.load_lexicon("preferences")["stored_data"]
    words = claim.key.split()
    if words[:1] in (["you"], ["u"]):
        words = words[2:] if words[1:2] == ["to"] else words[1:]
    if len(words) < 2 or _stored_verbs().get(words[0]) is None:
        return
    rest = words[1:]
    if rest[0] in ("my", "the", "our", "your", "any", "ur"):
        rest = rest[1:]
    name = data["things"].get(" ".join(rest))
    if name is None:
        return
    claim.key = f"storing {name}"
    claim.value = f"asks {'not ' if claim.polarity < 0 else ''}to store {name}"


@cache
def _stored_verbs() -> dict[str, str]:
    verbs = tx.load_lexicon("preferences")["stored_data"]["verbs"]
    return {form: verb for verb in verbs for form in tx.inflections(verb)}


_remembered = tx.remembered(preference_claims)


@lru_cache(maxsize=tx.CLAIM_CACHE)
def _remembered_answer(question: str, text: str) -> tuple[Claim, ...]:
    """``text``'s claims as a reply to ``question``, remembered as ``_remembered`` is."""
    return tuple(preference_claims(text, answering=True, question=question))


def _standing_answer(question: str, text: str) -> list[Claim]:
    """A bare thing the question offers, marked as the speaker's standing choice
    (``standing_answers``): "Would you like a video visit or an in-person visit?" / "Video,
    like last time." asks for video, at full weight (v34). Not a thing the question does not
    name ("Shall I book it?" / "Late again, as usual"), a verb, or a pronoun."""
    found = _standing_answer_pattern().match(text)
    if found is None:
        return []
    words = tx.normalise_phrase(found.group("obj")).split()
    if not words or words[0] in _verb_words() or tx.is_gerund(words[0]):
        return []
    pointing = lexicon().words["pronouns"] | _closed_words()
    if any(w in pointing for w in words):
        return []
    key = _side_key(" ".join(words))
    end = found.end("mark")
    claim = Claim(key[:80], f"asks for {key}", 1.0, 1.0, [Span(found.start("obj"), end)])
    return [claim] if _among_asked(question, text, [claim]) else []


@cache
def _standing_answer_pattern() -> re.Pattern[str]:
    marks = tx.word_alternation(tx.load_lexicon("preferences")["standing_answers"])
    side = r"[^\W\d][\w'’-]*(?:\s+[\w'’-]+){0,3}?"
    return re.compile(
        rf"^\W*(?:(?:a|an|the)\s+)?(?P<obj>{side})\s*[,:-]?\s*(?P<mark>{marks})[\s\W]*$", re.I
    )


def _among_asked(question: str, text: str, claims: list[Claim]) -> bool:
    """Whether a bare choice (``claims``, cited in ``text``) is between things ``question``
    names, so that it answers it (``answer_filler`` words name nothing): "Tea or coffee?" /
    "Tea, not coffee." does; "Would you like me to enable Eco mode as well?" / "alerts by sms.
    not app notifications" does not, and stands as the speaker's own choice (v34). Without the
    question's text, any reply is an answer (as in v29)."""
    if not question.strip():
        return True
    filler = _answer_filler()
    asked = {tx.singular(w) for w in re.findall(r"[\w'’-]+", question.lower())} - filler
    said = {
        tx.singular(w)
        for c in claims
        for part in (c.key, *(text[s.start : s.end] for s in c.spans))
        for w in re.findall(r"[\w'’-]+", part.lower())
    }
    return bool((said - filler) & asked)


@cache
def _answer_filler() -> frozenset[str]:
    words = tx.load_lexicon("preferences")["answer_filler"]
    closed = tx.english_words("prepositions", "determiners", "coordinators", "modals")
    return frozenset(tx.singular(w) for w in [*words, *closed])


def _announcement(context: _Context) -> Span | None:
    """The clause that announces a change of mind before this one ("I've changed my mind about
    exports: PDF is better now"; ``change_announcements``): one before it in its sentence, or
    the last clause of the sentence before ("I've changed my mind. PDF is better for us.")."""
    text = context.text
    for clause in reversed(context.parts[: context.index]):
        if _change_announcement().search(text[clause.start : clause.end]):
            return clause
    if context.before is not None:
        last = tx.clauses(text, context.before)[-1:]
        if last and _change_announcement().search(text[last[0].start : last[0].end]):
            return last[0]
    return None


@cache
def _change_announcement() -> re.Pattern[str]:
    patterns = tx.load_lexicon("preferences")["change_announcements"]
    return re.compile("|".join(patterns), re.I)


@cache
def _only_item_pattern() -> re.Pattern[str]:
    """A verbless "Y only", or "just Y" / "only Y" opened by one of ``chosen_openers``, a
    standing marker after it ("email only from now on", "just email please", "only order
    updates")."""
    openers = "|".join(map(re.escape, tx.load_lexicon("preferences")["chosen_openers"]))
    tail = r"from now on|going forward|from here on|please|pls|plz|thanks"
    return re.compile(
        rf"\W*(?:(?:but|and|so)\s+)?(?:(?P<just>{openers})\s+(?:(?:the|my|our|your)\s+)?)?"
        r"(?P<obj>[\w'’-]+(?:\s+[\w'’-]+)??)"
        r"(?(just)(?:\s+only)?|\s+only)"
        rf"(?P<tail>(?:\s*,?\s*(?:{tail}))*)\W*$",
        re.I,
    )


def _only_item(text: str, clause: Span) -> re.Match[str] | None:
    """A verbless "Y only", "just Y" or "only Y" after a negative cue: the negation's scope
    ended at the clause boundary, and the clause chooses Y, for it ("Please stop sending me SMS
    notifications, email only from now on"; v23; "no texts please, just email", "no more
    newsletters, only order updates": for email, for order updates; v24)."""
    return _only_item_pattern().match(text, clause.start, clause.end)


def _opens_choice(text: str, clause: Span) -> bool:
    """Whether a clause opens on "just" or "only" ("..., just email and calls"): after a
    negative cue the negation's scope ended at the clause boundary, and the clause names what
    the person chooses, so its items are never against (``chosen_openers``; v24)."""
    words = [w.word for w in tx.tokens(text, *clause)]
    while words and words[0] in ("but", "and", "so"):
        words = words[1:]
    return bool(words) and words[0] in lexicon().words["chosen_openers"]


def _only_claim(text: str, clause: Span, lead: Claim) -> list[Claim]:
    """The preference a "Y only" clause states: for Y by its one name ("email"); after a
    request against a channel for what is delivered ("stop sending me SMS notifications") both
    sides are keyed by channel and deliverable, as a standing instruction keys them
    (``email for notifications`` for, ``text messages for notifications`` against), so the
    change from X to Y meets an earlier taste for X (v23)."""
    found = _only_item(text, clause)
    if found is None:
        return []
    words = _instructions()
    chosen = tx.normalise_phrase(found.group("obj"))
    start = found.start("just") if found.group("just") else found.start("obj")
    only = re.match(r"\s+only\b", text[found.end("obj") : found.end()], re.I)
    span = Span(start, found.end("obj") + (only.end() if only else 0))
    if not lead.value.startswith("asks"):
        return []  # "I hate jazz, rock only": no request; not "hates rock"
    if chosen not in words.channels:
        return [
            Claim(_answer_name(chosen)[:80], f"asks only for {chosen}", 1.0, lead.weight, [span])
        ]
    name = _channel_name(chosen, frame=True)
    stopped = lead.key.split()
    made = words.plurals.get(stopped[-1], "") if stopped else ""
    other = " ".join(stopped[:-1]) if made else ""
    if not made or tx.normalise_phrase(other) not in words.channels:
        return [Claim(name, f"asks only for {name}", 1.0, lead.weight, [span])]
    was = _channel_name(tx.normalise_phrase(other), frame=True)
    value = f"asks for {made} by {name} only, not {was}"
    spans = sorted({*lead.spans, span})
    lead.key, lead.spans = f"{was} for {made}", spans
    lead.value = _against(f"asks for {made} by {name}", was)
    return [Claim(f"{name} for {made}", value, 1.0, lead.weight, spans)]


def _against(chosen: str, other: str, excepted: bool = False) -> str:
    """How the other side of a contrast reads: its own claim, against it, with the side chosen
    ("I prefer charts over tables": ``prefers charts over tables`` for charts, ``against tables
    (prefers charts instead)`` for tables), so the two traits of one sentence state two things
    (v25); an exception reads as one ("I like all music except country": ``against country
    (likes music, but not country)``). Keys stay as they were: a change of mind meets on them."""
    if excepted:
        return f"against {other} ({chosen}, but not {other})"
    return f"against {other} ({chosen} instead)"


def _list_item(context: _Context, last: Claim, lead: Claim) -> list[Claim]:
    """ "I love pizza, pasta and tacos": a verbless clause after a cue continues its list
    (``last``, the claim before; ``lead``, the one the list started from). After a verb and
    its object an item is another object of the verb ("I like to eat pizza, pasta": eat pasta;
    ``_item_head``), unless it is a verb phrase of its own (``_verb_phrase``: "..., watch
    films", "..., bird watch") or an "-ing" form ("..., but baking": likes baking). A remark or
    an address is no item (``_remark``: "..., good times", "..., Caroline"), nor what says how
    it always is (``_always_never``: "..., always full of amazing memories"; "..., mostly
    nickelback" is one)."""
    text, clause = context.text, context.clause
    words = tx.tokens(text, *clause)
    qualifiers = lexicon().words["item_qualifiers"]
    while words and words[0].word in tx.english_words("coordinators", "adverbs"):
        if words[0].word in _always_never():
            return []  # "Trips like these are great - always full of memories": how, no item
        if words[0].word in qualifiers:
            return []  # "..., even small config changes": how far the taste goes, no item
        words = words[1:]
    if last.polarity < 0 and _only_item(text, clause):
        return _only_claim(text, clause, lead)  # "stop sending me SMS, email only": for email
    if last.polarity < 0 and _opens_choice(text, clause):
        return []  # "no texts please, just email and calls": not against email (v24)
    if words and (words[0].word in qualifiers or " ".join(w.word for w in words[:2]) in qualifiers):
        return []  # "I prefer to keep two backups anyway, one offsite": a part of the object
    if not words or len(words) > 5 or any(w.word in _closed_words() for w in words):
        return []
    if _time_item().fullmatch(" ".join(w.word for w in words)):
        return []  # "We watched my favorite movie, Up, last night": a time is no item (v41)
    if _not_english(text, words):
        return []  # "I prefer speaking practice, la verdad": a remark in another language
    if len(words) > 1 and words[0].word in _reason_forms():
        return []  # "i prefer dark mode, looks nicer": why, of the thing liked; no item
    if words[0].word in _item_breakers():
        return []  # "I prefer type hints, even in small scripts", "..., please use X": no item
    if " ".join(w.word for w in words) in tx.english_set("remarks"):
        return []  # "I prefer tea, no worries": a sign-off, not a second item
    if " ".join(w.word for w in words) in _answer_words():
        return []  # "I like to do the tango in my blue dress, yes!": no item
    if _remark(context, words):
        return []  # "I love hiking with my dad, good times", "..., Caroline": no second item
    says, spans, found = (
        last.value.rsplit(" ", len(last.key.split()))[0],
        [last.spans[0], clause],
        [],
    )
    for item in re.split(r"\s+(?:and|or|&)\s+", text[words[0].start : clause.end]):
        start = text.index(item, words[0].start)
        span = tx.phrase_span(text, start, start + len(item), lexicon().stops)
        named = [t.word for t in tx.tokens(text, *span)] if span is not None else []
        item_says, head = says, ""
        if named and (says == "to" or says.endswith(" to")):  # verb phrases: "likes to ..."
            if tx.is_gerund(named[0]):
                item_says = says[: -len("to")].rstrip()  # "..., and baking": likes baking
            elif not _verb_phrase(named):
                head = _item_head(lead.key)  # "to eat pizza, pasta": eat pasta
        claims = _claim(
            text, span, last.polarity, item_says, last.weight, sorted(set(spans)), context.asked
        )
        for claim in claims if head else ():
            claim.key = f"{head} {claim.key}"[:80]
            claim.value = f"{item_says} {head} {claim.value[len(item_says) + 1 :]}"
        found.extend(claims)
    return found


def _negated_alternative(context: _Context, last: Claim) -> list[Claim]:
    """ "I prefer email updates now, not SMS": a noun phrase after a taste for something, a
    comma and "not" is the other side, against it, as "X over Y" is; both read "prefers email
    updates, not text messages" (preference.v17). Not a remark ("..., not gonna lie", "..., not
    sure why"; ``not_remarks``), another language's words, nor after a dislike."""
    text, clause = context.text, context.clause
    words = tx.tokens(text, *clause)
    while words and words[0].word in ("but", "and"):
        words = words[1:]
    if last.polarity <= 0 or len(words) < 2 or words[0].word != "not" or len(words) > 5:
        return []
    named = words[1:]
    if len(named) > 1 and named[0].word in lexicon().words["other_side_articles"]:
        named = named[1:]  # "I'd like the morning flight, not the red-eye" (v33)
    skip = lexicon().words["not_remarks"]
    if named[0].word in skip or any(w.word in _closed_words() or w.word in skip for w in named):
        return []
    if named[0].word in tx.english_set("adverbs") or _not_english(text, named):
        return []
    span = tx.phrase_span(text, named[0].start, clause.end, lexicon().stops)
    spans = sorted({*last.spans, clause})
    chosen = last.value
    claims = _claim(text, span, -last.polarity, f"{chosen}, not", last.weight, spans)
    for claim in claims:
        last.value = claim.value
        claim.value = _against(chosen, claim.value[len(f"{chosen}, not ") :])
        claim.spans = spans
    return claims


def _not_english(text: str, words: Sequence[Token]) -> bool:
    """Whether ``words`` hold a word of one or two letters, in lower case and with a vowel, that
    English does not have (``english_short_words`` and the function words): "la verdad", "son
    lo mejor" are a remark in another language, not an item of a list (preference.v17). "tv
    shows" (no vowel: an abbreviation) and "AI tools" (capitals) are English."""
    short = _english_short_words()
    return any(
        len(w.word) <= 2
        and w.word.isalpha()
        and text[w.start : w.end].islower()
        and any(c in "aeiouy" for c in w.word)
        and w.word not in short
        for w in words
    )


@cache
def _english_short_words() -> frozenset[str]:
    """English's words of one or two letters: ``english_short_words`` of preferences.yaml, the
    function words of function_words.yaml and the closed classes of english.yaml."""
    closed = ("subject_words", "determiners", "prepositions", "coordinators", "be_forms")
    closed += ("modals", "negations", "adverbs", "discourse_markers", "abbreviations")
    words = {w for p in tx.english_words(*closed) for w in p.split()}
    words |= set(tx.load_lexicon("function_words")["words"])
    words |= set(lexicon().words["english_short_words"])
    return frozenset(w for w in words if len(w) <= 2)


@cache
def _reason_forms() -> frozenset[str]:
    """The "-s" forms of ``reason_verbs``: a clause after a taste opening with one says why,
    its subject the thing liked ("..., feels more natural to me")."""
    verbs = tx.load_lexicon("preferences")["reason_verbs"]
    return frozenset(
        form for verb in verbs for form in tx.inflections(verb) if form.endswith("s")
    ) - frozenset(verbs)


@cache
def _always_never() -> frozenset[str]:
    """The words of ``habitual_leads`` that open an imperative on their own ("always", "never"):
    the ``positive_imperatives`` and ``negative_imperatives`` of one word."""
    words = tx.load_lexicon("preferences")["frame_words"]
    imperatives = [*words["positive_imperatives"], *words["negative_imperatives"]]
    return frozenset(w for w in imperatives if w in lexicon().habitual)


def _remark(context: _Context, words: tuple[Token, ...]) -> bool:
    """Whether a clause after a list's lead (``words``: its words after coordinators and
    adverbs) remarks on what came before or addresses the listener rather than naming one more
    thing of the same kind: an evaluation ("I love hiking with my dad, good times", "I like the
    new layout, nice work": a single word of ``good_adjectives`` or ``bad_adjectives``), an
    interjection ("..., wow": English's ``discourse_markers``), or a name said to the listener
    (one capitalised word after a clause without capitals: "I appreciate our friendship,
    Caroline"; "I like Radiohead, Muse" lists two). Only where no "and"/"or" joins the items:
    "I like tea, good coffee and cake" lists three."""
    if _joined(context):
        return False
    if words[0].word in _remark_openers():
        return True
    return len(words) == 1 and _addressed(context, words[0])


def _joined(context: _Context) -> bool:
    """Whether "and"/"or" joins this clause and the list items after it into one list ("tea, |
    coffee and juice", "cook, | bake, | and garden"); the items end before a clause with words
    of a clause ("..., good times, | and I miss him")."""
    text, parts = context.text, context.parts
    for at in range(context.index, len(parts)):
        words = [t.word for t in tx.tokens(text, *parts[at])]
        if at > context.index and any(w in _closed_words() for w in words):
            return False
        if "and" in words or "or" in words:
            return True
    return False


def _vocative(text: str, clause: Span) -> bool:
    """Whether a clause is only a word of address (``vocatives``: "..., dear, not the
    messages"): no item of a list, and the clauses around it read as if it were not there."""
    words = tx.tokens(text, *clause)
    return len(words) == 1 and words[0].word in tx.load_lexicon("preferences")["vocatives"]


def _addressed(context: _Context, word: Token) -> bool:
    """Whether one capitalised word after a comma names the listener ("The kids look so cute,
    Mel!"): not an acronym ("..., NASA", "(PvP)"), and the clause before it neither has
    capitals but at its start and in "I" ("I love Paris, France" lists or renames a name) nor
    ends on a noun phrase that the name renames ("my hometown, Lisbon": ``possessives``)."""
    text = context.text
    said = text[word.start : word.end]
    if not (said[:1].isupper() and said[1:].islower()):
        return False  # not "NASA", "PvP"
    before = tx.tokens(text, *context.parts[context.index - 1])
    if any(text[t.start].isupper() for t in before[1:] if t.word not in tx.FIRST_PERSON):
        return False
    possessives = lexicon().words["possessives"]
    return before[-1].word in tx.english_set("adverbs") or not any(
        t.word in possessives for t in before[-3:-1]
    )


@cache
def _remark_openers() -> frozenset[str]:
    """The first words of a remark after a comma (``_remark``): the single words of
    ``good_adjectives`` and ``bad_adjectives``, and English's ``discourse_markers`` that are
    neither coordinators nor adverbs (which a list item drops from its front)."""
    frame_words = tx.load_lexicon("preferences")["frame_words"]
    evaluations = [*frame_words["good_adjectives"], *frame_words["bad_adjectives"]]
    markers = tx.english_set("discourse_markers") - tx.english_words("coordinators", "adverbs")
    return frozenset(w for w in evaluations if " " not in w) | markers


def _verb_phrase(words: list[str]) -> bool:
    """Whether a list item after "to" and a verb is a verb phrase of its own, not one more
    object of that verb: it opens with a verb ("..., watch films", "..., hike"; ``_verb_words``),
    ends on a pronoun ("..., and then email them"), or is a word and the verb of a pastime
    ("I like to bike ride, bird watch", "people watch", "rock climb"; ``activity_verbs``)."""
    if words[0] in _verb_words() or words[-1] in lexicon().words["pronouns"]:
        return True
    return (
        len(words) == 2
        and words[1] in lexicon().words["activity_verbs"]
        and words[0] not in tx.english_set("determiners")
    )


def _item_head(key: str) -> str:
    """What of a verb phrase a list item after it keeps: the phrase without its last noun
    phrase, which the item stands in for ("eat pizza, pasta": "eat"; "spend time with my
    family, friends": "spend time with"; "work on improving my old area, West County": "work
    on improving"), and without a time ("read before bed, mostly autobiographies": "read"). A
    bare verb keeps nothing: its items are verbs ("barbecue, hunt and write")."""
    words = key.split()
    if len(words) < 2:
        return ""
    start = len(words) - 1
    while (
        start > 1 and words[start - 1] not in _edge_words() and not tx.is_gerund(words[start - 1])
    ):
        start -= 1
    head = words[:start]
    while len(head) > 1 and head[-1] in tx.english_set("determiners"):
        head = head[:-1]  # "improving my | old area": "improving"
    times = [
        at for at, word in enumerate(head) if at and word in tx.english_set("temporal_markers")
    ]
    return " ".join(head[: times[0]] if times else head)


@cache
def _verb_words() -> frozenset[str]:
    """Verbs in their base form, from the lexicon's lists of verbs: a list item opening with one
    is a verb phrase of its own ("I like to read books, watch films": likes to watch films)."""
    data = tx.load_lexicon("preferences")
    lists = (
        data["verbs"]["positive"],
        data["verbs"]["negative"],
        data["want_skip"],
        data["idiom_skip"],
        data["habit_skip_verbs"],
        data["frame_words"]["choice_verbs"],
        data["frame_words"]["generic_verbs"],
        data["standing_requests"]["verbs"],
        data["activity_verbs"],
    )
    return frozenset(str(phrase).split()[0] for words in lists for phrase in words)


@cache
def _answer_words() -> frozenset[str]:
    return lexicon().words["answer_yes"] | lexicon().words["answer_no"]


def _social_reply(text: str, cue: Cue) -> bool:
    """A reply to the listener, not a taste: "I appreciate your help", "can't wait to see your
    show", "can't wait to hear about it" (``social_cues`` and ``anticipation_cues``)."""
    words = lexicon().words
    if cue.head not in words["social_cues"]:
        return False
    following = [t.word for t in tx.tokens(text, cue.object_start, len(text))[:2]]
    if not following or following[0] in words["social_objects"]:
        return True
    return cue.head in words["anticipation_cues"] and (
        following[0] in words["anticipation_skip"]
        or " ".join(following) in words["anticipation_skip"]
    )


def _asks_for_person(clause: str) -> bool:
    """The clause asks to reach a person or support, by the failure extractor's ``escalate``
    cues (``data/failures.yaml``): one lexicon of asking for a person."""
    return failure_cues().escalate.search(prepare_text(clause))


@cache
def _verbs_by_head() -> dict[str, tuple[str, ...]]:
    return tx.by_head_word(lexicon().verbs)


@cache
def _known() -> frozenset[str]:
    return frozenset(lexicon().lemmas)


#: Subordinators that stand for what they follow ("lots of shopping, which I love").
_RELATIVES = frozenset({"which", "whose"})


@cache
def _opening_subordinators() -> frozenset[str]:
    """Subordinators an object opens with that it is after ("because blue is ..."): not
    ``_RELATIVES``."""
    return tx.english_set("subordinators") - _RELATIVES


@cache
def _item_breakers() -> frozenset[str]:
    """Words that open a qualification or a request, never a second item of a list: a
    preposition ("..., even in small scripts") or ``request_openers`` ("..., please use X")."""
    # not "like": "I like watching videos, like surgery" gives an example, an item of the list
    return tx.english_words("prepositions", "request_openers") - {"like"}


@cache
def _closed_words() -> frozenset[str]:
    """Words that make a clause more than a bare noun phrase."""
    names = (
        "subject_words",
        "be_forms",
        "modals",
        "negations",
        "question_openers",
        "subordinators",
    )
    return frozenset().union(*(tx.english_set(name) for name in names))


def _from_predicate(context: _Context, pred: Predicate) -> list[Claim]:
    text = context.text
    if set(pred.lead) & _POLITE_CONDITIONALS and pred.verb.word in _WISHES | {"prefer"}:
        # "I should like to compare the fares": the polite conditional, as "I would like" (v27)
        lead = tuple("would" if w in _POLITE_CONDITIONALS else w for w in pred.lead)
        pred = dataclasses.replace(pred, lead=lead)
    given_up = _given_up(context, pred)
    if _OBLIGATIONS & set(pred.lead) - ({"used to"} if given_up else set()):
        return []  # "I have to use it", "I used to love jazz."
    own = _own_verb(text, pred) if pred.implied else None
    if pred.implied and not _implied_ok(context, pred, own):
        return []
    if own is not None:  # "Enjoying the ride is key": the gerund's object ends at "is"
        pred = dataclasses.replace(pred, rest=Span(pred.rest.start, own))
    cue = match_cue(text, pred)
    if cue is None and given_up is not None:
        return []  # "I used to always take the bus, but now ...": a habit that is over
    if cue is None:
        if pred.verb.word in ("do", "does", "did") and not tx.phrase_span(text, *pred.rest):
            return _ellipsis(context, pred.negated)  # "you like to party? I sure do!"
        return [] if pred.implied else _habit(context, pred)
    polarity, says = cue.polarity, cue.says
    wish = cue.head in ("want", "wish for") or ("would" in pred.lead and cue.head in _WISHES)
    if wish and not pred.negated and _asks_for_person(text[slice(*context.clause)]):
        return []  # "I'd like to contact support": a request of the moment, not a taste
    if _social_reply(text, cue):
        return []
    if given_up is not None:
        if not given_up or pred.negated or cue.fixed or polarity < 0:
            return []  # "I used to love jazz.", "I once hated olives, now I love them"
        # "I previously preferred morning reminders, but I now prefer evening ones": a taste
        # given up, of the opposite sign, so the graph ends an earlier one
        says = f"no longer {tx.third_person(cue.head)}"
        return _object_claims(context, cue, -polarity, says, pred)
    if _past_occasion(context, pred, cue):
        return []  # "I loved the trip", "I enjoyed a concert last night": one experience
    if _at_hand(text, pred, cue):
        return []  # "can't wait to try it", "I'm really happy with my progress"
    if _past_time_clause(context, pred):
        return []  # "I was scared when we got into the accident": when something else happened
    if _feared_outcome(text, cue, pred):
        return []  # "I'm really scared of losing client photos": a worry, the concern's
    if pred.negated and not cue.fixed:
        polarity = -polarity if polarity > 0 else 0.5
        says = "is not " + says[3:] if says.startswith("is ") else "does not " + cue.head
    elif "would" in pred.lead and cue.head in ("like", "love", "prefer", "hate"):
        says = "would " + cue.head
    if cue.infinitive:
        says += " to"
    claims = _object_claims(context, cue, polarity, says, pred)
    for claim in claims if pred.subject.word.startswith("we") else []:
        claim.weight, claim.value = claim.weight * 0.5, f"(with others) {claim.value}"
    return claims


def feared_at_hand(after: str) -> bool:
    """Whether the words ``after`` a fear's "of" name a definite thing at hand
    (``fear_at_hand_openers``), feared as its event, a worry (preference.v31, disclosure.v26):
    "terrified of | the legal review"; "afraid of | the dark" fears a kind (``fear_kinds``)."""
    words = [w.lower().strip(".,!?;:") for w in after.split()[:2]]
    if words[1:] and words[1] in tx.english_set("fear_kinds"):
        return False
    return bool(words) and words[0] in tx.english_set("fear_at_hand_openers")


def _feared_outcome(text: str, cue: Cue, pred: Predicate) -> bool:
    """Whether a fear cue ("scared of", "afraid of", "fear"; ``feared_outcomes``) fears
    something happening to the speaker or theirs, a worry and no taste: its object opens on a
    verb of loss or harm in its "-ing" form ("I'm really scared of losing client photos", "I
    fear getting fired") or ends on a noun of one ("afraid of data loss"). A kind of thing or an
    act avoided stays an aversion ("I'm scared of spiders", "I'm terrified of flying")
    (preference.v22)."""
    words = _fear_words()
    hates = cue.head in ("hate", "dread") and ("would" in pred.lead or cue.infinitive)
    if (cue.head == "want" and pred.negated) or hates:
        after = tx.tokens(text, cue.object_start, max(cue.object_start, pred.rest.end))
        said = [t.word for t in after]
        if said[:1] == ["for"] and "to" in said[2:6]:
            return True  # "I'd hate for the tent to leak": an event, not an act (v47)
        if not cue.infinitive:
            # "I don't want my data leaked", "our booking cancelled": harm to one's own (v47)
            return any(w in words.passives for w in said[1:6])
        said = said[1:] if said[:1] == ["to"] else said
        if (said[:1] and said[0] in words.adverse) or " ".join(said[:2]) in words.leads:
            return True  # "I don't want to miss the deadline", "end up paying twice" (v47)
        if said[:1] and said[0] in ("get", "be", "being", "getting") and said[1:2]:
            return said[1] in words.passives  # "I'd hate to get fined"; not "be called"
        # "I really don't want to crack my carbon seatpost": harm to the speaker's own, a worry
        # (v38); "I don't want to get emails" stays a taste
        owned = lexicon().words["possessives"]
        return len(said) > 1 and said[0] in words.verbs and said[1] in owned
    if cue.says not in words.cues and cue.head not in words.cues:
        return False
    if feared_at_hand(text[cue.object_start :]):
        return True  # "i'm terrified of the legal review": its event, a worry (v31)
    span = tx.phrase_span(text, cue.object_start, max(cue.object_start, pred.rest.end))
    named = tx.tokens(text, *span) if span is not None else ()
    if not named:
        return False
    return named[0].word in words.outcomes or named[-1].word in words.nouns


@dataclass(frozen=True, slots=True)
class _FearWords:
    cues: frozenset[str]  # how a fear cue reads ("is scared of") or its verb ("fear")
    outcomes: frozenset[str]  # the "-ing" forms of the verbs of loss or harm ("losing")
    nouns: frozenset[str]  # nouns of loss or harm ("loss", "outage")
    verbs: frozenset[str]  # their base forms ("lose", "crack"), after "don't want to" (v38)
    adverse: frozenset[str]  # verbs of loss or harm whatever they take ("miss", "waste"; v47)
    leads: frozenset[str]  # leads of an outcome that befalls one ("end up", "get stuck")
    passives: frozenset[str]  # participles of harm done to one ("fined", "leaked", "stolen")


@cache
def _fear_words() -> _FearWords:
    data = tx.load_lexicon("preferences")["feared_outcomes"]
    outcomes = {f for verb in data["outcomes"] for f in tx.inflections(verb) if f.endswith("ing")}
    nouns = frozenset(data["outcome_nouns"])
    verbs = frozenset(str(verb) for verb in data["outcomes"])
    passives = {
        f
        for verb in data["adverse_passives"]
        for f in tx.inflections(str(verb)) | {str(verb)}
        if (f != verb or f.endswith(("ed", "age"))) and not f.endswith(("ing", "s"))
    }
    return _FearWords(
        frozenset(data["cues"]),
        frozenset(outcomes),
        nouns,
        verbs,
        frozenset(str(v) for v in data["adverse_verbs"]),
        frozenset(str(v) for v in data["adverse_leads"]),
        frozenset(passives),
    )


def _given_up(context: _Context, pred: Predicate) -> bool | None:
    """Whether the predicate states a taste said to be over (``given_up`` in preferences.yaml;
    None when it does not) that a later clause of its sentence contrasts with a taste held now:
    "I previously preferred morning reminders, but I now prefer evening reminders", "I used to
    love jazz but now I prefer rock" (True); "I used to love jazz." (False) (preference.v17)."""
    text, words = context.text, _given_up_words()
    # the leads in the verb group, or opening the clause ("Previously I preferred tea, ...")
    opening = {t.word for t in tx.tokens(text, context.clause.start, pred.subject.start)}
    past = bool((set(pred.lead) | opening) & words.leads) and (
        "used to" in pred.lead or tx.is_past(pred.verb.word)
    )
    if not past and tx.is_past(pred.verb.word) and not pred.is_be:
        past = words.tails.search(text, pred.rest.start, context.clause.end) is not None
    if not past:
        return None
    # the taste now may follow "but" in the same clause, with no comma before it ("I used to
    # like jazz but now I prefer techno"; preference.v36)
    clause_words = tx.tokens(text, pred.rest.start, context.clause.end)
    for clause in [Span(t.end, context.clause.end) for t in clause_words if t.word == "but"]:
        for later in tx.predicates(text, clause, _known(), tx.FIRST_PERSON, implied=False):
            if _OBLIGATIONS & set(later.lead) or tx.is_past(later.verb.word):
                continue
            if not later.negated and match_cue(text, later) is not None:
                return True
    for index in range(context.index + 1, len(context.parts)):
        clause = context.parts[index]
        for later in tx.predicates(text, clause, _known(), tx.FIRST_PERSON, implied=False):
            if _OBLIGATIONS & set(later.lead) or tx.is_past(later.verb.word):
                continue
            if not later.negated and match_cue(text, later) is not None:
                return True
        # a taste held now put in a frame: "..., now light mode is better for me"
        if any(c.polarity > 0 for c in _frames(dataclasses.replace(context, index=index))):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _GivenUpWords:
    leads: frozenset[str]  # in the verb group: "used to", "previously", "once"
    tails: re.Pattern[str]  # ending the clause: "before", "in the past"


@cache
def _given_up_words() -> _GivenUpWords:
    data = tx.load_lexicon("preferences")["given_up"]
    tails = tx.word_alternation(data["tails"])
    return _GivenUpWords(frozenset(data["leads"]), re.compile(rf"{tails}\W*$", re.I))


def _at_hand(text: str, pred: Predicate, cue: Cue) -> bool:
    """Whether the cue speaks of one thing at hand, not a standing taste: an anticipation of
    one thing to come, read in the words of its first act ("can't wait for this trip", "can't
    wait to try it", "can't wait to make more memories at your dance studio", "looking forward
    to what's next"; ``anticipation_at_hand``), or a feeling about the speaker's own situation
    ("I'm really happy with my progress", "excited about this new journey";
    ``feeling_phrases``). A kind of thing ("can't wait to meet new people", "I'm excited about
    painting") stands, and so does either kept up ("we always look forward to our camping
    trip")."""
    lex = lexicon()
    if any(word in lex.habitual for word in pred.lead):
        return False
    following = tx.tokens(text, cue.object_start, max(cue.object_start, pred.rest.end))
    if not following:
        return False
    first = following[0].word
    if cue.head == "be":
        said = cue.says.removeprefix("is ")
        return first in lex.words["feeling_at_hand"] and any(
            said.endswith(phrase) for phrase in lex.words["feeling_phrases"]
        )
    if cue.head not in lex.words["anticipation_cues"]:
        return False
    words = _anticipation_words()
    if first in words["first"] or first.endswith("'s"):
        return True
    # the first act's own words: "to meet new people and learn about what makes them unique"
    # anticipates meeting new people
    ends = _anticipation_ends()
    for token in following:
        if token.word in ends:
            return False
        if token.word in words["anywhere"]:
            return True
    return False


@cache
def _anticipation_words() -> dict[str, frozenset[str]]:
    """``anticipation_at_hand`` in preferences.yaml, each list as a set."""
    data = tx.load_lexicon("preferences")["anticipation_at_hand"]
    return {k: frozenset(v) for k, v in data.items()}


@cache
def _anticipation_ends() -> frozenset[str]:
    """Words that end the first act before a word of anticipation: coordinators, subordinators
    and ``anticipation_at_hand``'s ``ends``."""
    return tx.english_words("coordinators", "subordinators") | _anticipation_words()["ends"]


@cache
def _clause_subjects() -> frozenset[str]:
    """Subjects that give a clause of time a verb of its own: English's ``subject_words`` and
    the first person."""
    return tx.english_set("subject_words") | tx.FIRST_PERSON


def _past_time_clause(context: _Context, pred: Predicate) -> bool:
    """Whether the cue is in a clause of time put in the past ("I was really scared when we got
    into the accident", "after I got into college"; English's ``temporal_markers``): it says
    when something else happened, no taste. The marker must govern this verb: "when I was a kid
    I loved hiking" loves hiking; a clause of time in the present ("when I'm into a book, ...")
    stands."""
    text = context.text
    before = tx.tokens(text, context.clause.start, pred.subject.start)
    markers = [i for i, t in enumerate(before) if t.word in tx.english_set("temporal_markers")]
    if not markers:
        return False
    if any(t.word in _clause_subjects() for t in before[markers[-1] + 1 :]):
        return False  # "when I was a kid I loved hiking": the marker governs "was"
    verb = pred.verb.word
    return verb in ("was", "were") or tx.is_past(verb) or bool(set(pred.lead) & _past_words().did)


def _past_occasion(context: _Context, pred: Predicate, cue: Cue) -> bool:
    """Whether the clause tells how one past occasion went, not a standing taste: the cue in
    the simple past ("I loved", "I didn't enjoy", "I was a fan of") of something definite or
    pointed back to ("the trip", "our trip to Paris", "it") or of a time that was once ("a
    concert last night"; ``past_experience`` in preferences.yaml). A taste kept up ("I've
    always loved concerts", "I always loved the beach", "I never liked crowds") or in the
    present ("I love road trips") stands, and so does a past taste of a kind of thing ("I loved
    hiking as a kid")."""
    words = _past_words()
    lead = set(pred.lead)
    verb = pred.verb.word
    # "was", "were" of "be" ("am" is among its irregular forms too); "I got into jazz" began a
    # taste, as "I became a fan" did
    past = (
        verb in ("was", "were")
        or (tx.is_past(verb) and not pred.is_be and verb not in words.beginnings)
        or bool(lead & words.did)
    )
    if not past or lead & words.kept_up:
        return False
    text, clause = context.text, context.clause
    following = tx.tokens(text, cue.object_start, clause.end)
    first = following[0].word if following else None
    return _definite_or_once(first, text, cue.object_start, max(cue.object_start, clause.end))


def _one_occasion(context: _Context, obj_words: list[str]) -> bool:
    """Whether an evaluation put in the past ("was", "were") is of one occasion: its subject is
    definite or points back ("the concert was amazing", "it was awful"), or the clause names a
    time that was once ("dinner was great last night"); as ``_past_occasion`` reads a cue verb.
    A kind of thing judged in the past ("concerts were always fun") stands."""
    return _definite_or_once(obj_words[0], context.text, *context.clause)


def _definite_or_once(first: str | None, text: str, start: int, end: int) -> bool:
    """Whether a thing judged in the past is one occasion: its first word is definite or points
    back (``first``, None when there is none), or ``text[start:end]`` names a time that was
    once (``past_experience`` in preferences.yaml)."""
    words = _past_words()
    if first is not None and first in words.definite:
        return True
    return words.occasions.search(text, start, end) is not None


@dataclass(frozen=True, slots=True)
class _PastWords:
    did: frozenset[str]  # "didn't": the simple past put with "do"
    beginnings: frozenset[str]  # "got into", "became a fan of": a taste begun, not an occasion
    kept_up: frozenset[str]  # the perfect and habits: "I've loved", "I always loved"
    definite: frozenset[str]  # an object that is one thing: "the", "our", "it"
    occasions: re.Pattern[str]  # a time that was once: "last night", "yesterday"


@cache
def _past_words() -> _PastWords:
    data = tx.load_lexicon("preferences")["past_experience"]
    return _PastWords(
        frozenset(data["did"]),
        frozenset(data["beginnings"]),
        frozenset(data["kept_up"]) | frozenset(lexicon().habitual),
        frozenset(data["definite"]) | lexicon().words["pronouns"] - {"one", "ones", "something"},
        re.compile(r"\b(?:" + "|".join(data["occasions"]) + r")\b", re.I),
    )


def _implied_ok(context: _Context, pred: Predicate, own: int | None) -> bool:
    """A subjectless verb group speaks for the speaker when it is hedged or negated ("really
    love", "can't stand"), progressive ("dreading the holidays"), a strong cue ("love it"), or
    follows an "I ..." clause in the sentence ("I love pizza, hate pasta"). ``own``: where the
    clause's own verb begins (``_own_verb``), None when the cue has no such subject role."""
    following = tx.tokens(context.text, *pred.rest)[:1]
    if following and following[0].word in tx.english_set("question_openers"):
        return False  # "love is ..." names a thing
    if _participle_of_noun(context.text, pred):
        return False  # "Preferred stock pays a fixed dividend": an adjective (v34)
    if own is not None and not tx.is_gerund(pred.verb.word):
        return False  # "Love and acceptance can be found everywhere": "love" names a thing
    strong = lexicon().lemmas.get(pred.verb.word) in ("love", "hate", "adore", "prefer")
    if pred.lead or pred.verb.word.endswith("ing") or strong:
        return True
    if pred.verb.word == "like":
        return False  # ", like my bowl": a preposition, not a verb
    return tx.follows_speaker(context.text, context.sentence, context.clause)


def _participle_of_noun(text: str, pred: Predicate) -> bool:
    """Whether a subjectless cue in the past participle is an adjective of the bare noun after
    it, which a verb of the clause's own follows (``noun_subjects.participle_endings``):
    "Preferred stock pays a fixed dividend", "Loved ones are welcome" (v34)."""
    own = tx.load_lexicon("preferences")["noun_subjects"]
    if pred.lead or not pred.verb.word.endswith(tuple(own["participle_endings"])):
        return False
    following = tx.tokens(text, *pred.rest)[:2]
    if len(following) < 2 or text[following[0].end : following[1].start].strip():
        return False
    noun, verb = following[0].word, following[1].word
    closed = _closed_words() | lexicon().words["pronouns"] | lexicon().words["possessives"]
    if noun in closed or tx.is_gerund(noun):
        return False
    third = verb.endswith("s") and not verb.endswith(("ss", "us", "is")) and len(verb) > 3
    return verb in _noun_subject_words().verbs or (third and verb not in closed)


@dataclass(frozen=True, slots=True)
class _NounSubject:
    verbs: frozenset[str]  # a verb of the clause's own after the noun phrase
    openers: frozenset[str]  # words that open a clause inside a cue's object


@cache
def _noun_subject_words() -> _NounSubject:
    data = tx.load_lexicon("preferences")["noun_subjects"]
    return _NounSubject(frozenset(data["verbs"]), frozenset(data["openers"]))


def _own_verb(text: str, pred: Predicate) -> int | None:
    """Where the clause's own verb begins when a subjectless cue opening it heads the clause's
    subject (``noun_subjects``): its object opens on "and"/"or" ("Love and acceptance really
    can be found everywhere": there) or reaches a verb of its own before any word that opens a
    clause inside it ("Love sure does bring us joy", "Enjoying the ride is key": at "is");
    None for "Love how it is", "Love that you are here", "Love to do it". A cue word so is a
    noun ("love"), or a gerund whose object ends there ("enjoying the ride")."""
    words = _noun_subject_words()
    following = tx.tokens(text, *pred.rest)
    if following and following[0].word in ("and", "or"):
        return following[0].start
    for token in following:
        if token.word in words.openers:
            return None
        if token.word in words.verbs:
            return token.start
    return None


def match_cue(text: str, pred: Predicate) -> Cue | None:
    """The preference cue of a predicate, if its verb (or "be" + phrase) is one; its object
    begins after a degree put before it ("I am liking very much the roses"; v34)."""
    cue = _predicate_cue(text, pred)
    degree = _object_degree().match(text, cue.object_start) if cue is not None else None
    if cue is not None and degree is not None:
        cue = dataclasses.replace(cue, object_start=degree.end())
    return cue


def _predicate_cue(text: str, pred: Predicate) -> Cue | None:
    following = tx.tokens(text, *pred.rest)
    if pred.is_be or pred.verb.word in _becoming():
        cue = _be_cue(text, pred.rest.start, pred.rest.end)
        if cue is None and not pred.is_be:
            # "I've gotten really into X": adverbs before "into" only (v47); "got too attached
            # to some of them", "grown fond of them" stay unread
            start = pred.rest.start + len(_adverbs().match(text, *pred.rest).group())
            cue = _be_cue(text, start, pred.rest.end)
            entering = tx.load_lexicon("preferences")["entering"]["phrases"]
            cue = cue if cue is not None and cue.says.removeprefix("is ") in entering else None
        if cue is None and pred.is_be and following and following[0].word in _becoming():
            # "I've been getting into bouldering", "I'm getting really into X" (v52)
            start = following[1].start if len(following) > 1 else pred.rest.end
            start += len(_adverbs().match(text, start, pred.rest.end).group())
            cue = _be_cue(text, start, pred.rest.end)
            entering = tx.load_lexicon("preferences")["entering"]["phrases"]
            cue = cue if cue is not None and cue.says.removeprefix("is ") in entering else None
            if cue is not None and (_enters(text, cue) or _pronoun_after(text, cue, pred)):
                return None  # "I'm getting into the car", "I'm getting into it"
            if cue is not None:
                return cue
        if cue and not pred.is_be and _pronoun_after(text, cue, pred):
            return None  # "I've really grown fond of them": the thing is the turn's before (v47)
        if cue:
            return None if not pred.is_be and _enters(text, cue) else cue
        if following and following[0].word.endswith("ing") and pred.is_be:  # "I'm loving it"
            return _verb_cue(pred, following[0].word, following[1:])
        if pred.is_be:
            return None
    return _verb_cue(pred, pred.verb.word, following)


def _pronoun_after(text: str, cue: Cue, pred: Predicate) -> bool:
    """Whether a pronoun opens the object of a cue (``pronouns``: "them", "it")."""
    first = tx.tokens(text, cue.object_start, max(cue.object_start, pred.rest.end))[:1]
    return bool(first) and first[0].word in lexicon().words["pronouns"]


@cache
def _becoming() -> frozenset[str]:
    """The forms of the verbs of becoming (``entering.verbs``): after them a ``be_phrases``
    phrase begins a taste ("I got into jazz", "I've gotten really into colourwork")."""
    verbs = tx.load_lexicon("preferences")["entering"]["verbs"]
    return frozenset(f for v in verbs for f in tx.inflections(str(v)))


@cache
def _adverbs() -> re.Pattern[str]:
    """A run of adverbs, each with the space after it (``text.adverb_run``)."""
    return re.compile(tx.adverb_run(), re.I)


def _enters(text: str, cue: Cue) -> bool:
    """Whether "get into" takes one thing that is entered, not a taste begun ("we got into an
    accident", "I got into a bad spot"; ``entering``): not "I got into jazz"."""
    data = tx.load_lexicon("preferences")["entering"]
    following = tx.tokens(text, cue.object_start, len(text))[:3]
    if cue.says.removeprefix("is ") not in data["phrases"] or not following:
        return False
    if following[0].word in data["articles"]:
        return True
    words = [t.word for t in following]
    if words[0] in data["determiners"]:
        words = words[1:]
    return bool(words) and words[0] in data["places"]  # "got into trouble", "the car" (v52)


def _be_cue(text: str, start: int, end: int) -> Cue | None:
    """The cue of a ``be_phrases`` phrase opening ``text[start:end]`` (what follows "I am")."""
    segment = text[start:end]
    for polarity, pattern in lexicon().be_phrases:
        if match := pattern.match(segment):
            return Cue("be", "is " + tx.plain(match.group()), polarity, 1.0, start + match.end())
    return None


def _inverted_be_cue(text: str, pred: Predicate) -> Cue | None:
    """The cue of a question that puts "be" before its subject or leaves it out ("are you
    into jazz?", "are you still a big fan of it?", "you into jazz?"): the parser reads the
    word after the subject as its verb, where the ``be_phrases`` phrase begins."""
    if pred.is_be or pred.implied:
        return None
    before = tx.tokens(text, pred.clause.start, pred.subject.start)[-1:]
    inverted = before and before[0].word in _question_be()
    if not inverted and before:
        return None  # "do you ...": a verb of its own
    return _be_cue(text, pred.verb.start, pred.rest.end)


#: Forms of "be" that open a question, besides ``be_forms`` ("aren't you into ...?").
_BE_QUESTIONS = frozenset({"is", "r", "aren't", "arent", "weren't", "werent", "isn't"})


@cache
def _question_be() -> frozenset[str]:
    """``be_forms`` and ``_BE_QUESTIONS``: the forms of "be" a question opens with."""
    return tx.english_set("be_forms") | _BE_QUESTIONS


def _verb_cue(pred: Predicate, verb: str, following: tuple[Token, ...]) -> Cue | None:
    lex = lexicon()
    head = lex.lemmas.get(verb)

    def object_start(phrase: str) -> int | None:
        words = phrase.split()
        if words[0] != head or [t.word for t in following[: len(words) - 1]] != words[1:]:
            return None
        rest = following[len(words) - 1 :]
        return rest[0].start if rest else pred.rest.end

    for phrase, (polarity, says, needs_can) in lex.negated_only.items() if pred.negated else ():
        start = object_start(phrase)
        if start is not None and (not needs_can or _CAN & set(pred.lead)):
            return Cue(phrase, says, polarity, 1.0, start, fixed=True)
    for phrase in _verbs_by_head().get(head, ()) if head else ():
        if (start := object_start(phrase)) is None:
            continue
        if head in ("rather", "sooner"):
            if "would" not in pred.lead:
                return None
            if _rather_state(following):
                return None  # "I'd rather be safe": a manner of acting, no taste (v34)
            if following and following[0].word == "not":  # "I'd rather not"
                after = following[1].start if len(following) > 1 else pred.rest.end
                return Cue(head, f"would {head} not", -1.0, 1.0, after, fixed=True)
            return Cue(head, f"would {head}", 1.0, 1.0, start, fixed=pred.negated)
        to = [t.word for t in following[:2]]
        # "I'd prefer to talk to the landlord first" chooses as "I prefer to ..." does; a wish
        # ("I'd like to check", "I want to know") asks for the task at hand (v34)
        wishing = phrase == "want" or ("would" in pred.lead and head != "prefer")
        skip = lex.words["want_skip" if wishing else "idiom_skip"]
        if to[:1] == ["to"] and (len(to) < 2 or to[1] in skip):
            return None  # "I want to know ...", "I'd like to check", "what I like to hear"
        if to[:1] == ["to"] and skip is lex.words["want_skip"] and _learner_act(to[1]):
            return None  # "I want to booking flight Seoul to Vancouver": "to book" (v27)
        if skip is lex.words["want_skip"] and _bare_act(following):
            return None  # "I want buy the rice cooker 5.5 cup": "to" left out (v23)
        if phrase == "like" and "would" in pred.lead and _act_of_the_moment(following):
            return None  # "I would like to feed them some fondant": the task at hand
        wish = phrase == "want" or ("would" in pred.lead and head in _WISHES)
        if wish and _done_to_the_moment(following):
            return None  # "I would like this reported", "I want it fixed": the task at hand
        if "would" in pred.lead and _deliverable_of_the_moment(following):
            return None  # "I would appreciate a comprehensive overview of X": this answer
        says = " ".join([tx.third_person(head or verb), *phrase.split()[1:]])
        polarity, weight = lex.verbs[phrase]
        if polarity > 0 and to in (["not"], ["not", "to"]):  # "I prefer not to X"
            if len(following) < 3:
                return None  # "I'd prefer not to."
            return Cue(phrase, f"{says} not to", -polarity, weight, following[1].start, fixed=True)
        shunned = _shunning(following[1:]) if polarity > 0 and to[:1] == ["to"] else 0
        if shunned and len(following) <= shunned + 1:
            return None  # "I'd prefer to avoid." names nothing
        if shunned:  # "I prefer to stay away from X"
            named = " ".join(t.word for t in following[: shunned + 1])
            start = following[shunned + 1].start
            return Cue(phrase, f"{says} {named}", -polarity, weight, start, fixed=True)
        # "I like to cook": a verb for object, which the value reads with its "to" ("likes to
        # cook", not "likes cook"); the key is the verb phrase ("cook"), as before.
        infinitive = " " not in phrase and to[:1] == ["to"] and to[1:] and to[1] not in _nouns()
        return Cue(phrase, says, polarity, weight, start, infinitive=infinitive)
    return None


def _rather_state(following: Sequence[Token]) -> bool:
    """Whether "would rather" is followed by "be" and a state of caution or certainty
    (``rather_states``: "I'd rather be safe than sorry"; v34)."""
    words = [t.word for t in following[:4]]
    if words[:1] != ["be"]:
        return False
    said = " ".join(words[1:])
    return any(
        said == state or said.startswith(state + " ")
        for state in tx.load_lexicon("preferences")["rather_states"]
    )


def _act_of_the_moment(following: Sequence[Token]) -> bool:
    """Whether "would like to" + an act is a request for the task at hand: an act on a thing of
    the moment, its object opening on a definite, possessive or partitive word
    (``moment_objects``: "I would like to plan my winter varroa treatment", "... to feed them
    some fondant"); not a way of answering ("I'd like to get answers in bullet points",
    standing request verbs) nor a kind of thing ("I'd like to learn Spanish", "to have a dog")
    (preference.v15)."""
    if len(following) < 3 or following[0].word != "to":
        return False
    if following[1].word in _standing_words().acts:
        return False
    words = lexicon().words
    at = 2
    while at < len(following) - 1 and following[at].word in words["moment_receivers"]:
        at += 1  # "feed them some fondant", "pick up my kids"
    return following[at].word in words["moment_objects"]


def _done_to_the_moment(following: Sequence[Token]) -> bool:
    """Whether a wish asks for something to be done to a thing pointed at, the thing at hand:
    a word of ``moment_pointers`` and a past participle ("I would like this reported", "I want
    it fixed today", "I'd love that sorted out"); not a kind of thing ("I'd like my answers
    formatted as tables") (preference.v17)."""
    if len(following) < 2 or following[0].word not in lexicon().words["moment_pointers"]:
        return False
    done = following[1].word
    return tx.is_past(done) and done not in tx.english_set("be_forms")


def _learner_act(word: str) -> bool:
    """Whether ``word`` after "want to" / "would like to" is a verb of ``want_skip`` in its
    -ing form, as learners write it ("I want to booking flight", "I'd like to checking"): the
    act at hand, as "to book" is (v27)."""
    return word.endswith("ing") and _want_skip_forms().get(word) is not None


@cache
def _want_skip_forms() -> dict[str, str]:
    return tx.lemma_table(tx.load_lexicon("preferences")["want_skip"])


def _bare_act(following: Sequence[Token]) -> bool:
    """Whether a want's object opens on a bare verb of a purchase or an order with a word after
    it that is no preposition (``bare_acts``: "I want buy the rice cooker 5.5 cup", "I want
    change address for my order"): the act at hand with its "to" left out, as learners write;
    "I want change in my life" wants a thing (v23)."""
    data = tx.load_lexicon("preferences")
    if len(following) >= 2 and following[0].word in data["bare_verbs"]:
        return True  # "I want go Bangkok", "I want go to Bangkok": no noun (v27)
    if len(following) < 2 or following[0].word not in data["bare_acts"]:
        return False
    return following[1].word not in tx.english_words("prepositions") | {"of", "and", "or"}


def _deliverable_of_the_moment(following: Sequence[Token]) -> bool:
    """Whether a wish ("would appreciate / like / love") asks for one piece of work on a
    topic: "a" or "an", at most two adjectives, a noun of ``moment_deliverables`` and a
    preposition that names the topic ("I would appreciate a comprehensive overview of
    conditional sentences", "I'd love a quick summary of the thread"); not a way of answering
    ("I'd appreciate shorter answers") nor a thing ("I'd love a dog") (preference.v20)."""
    words = lexicon().words
    if len(following) < 3 or following[0].word not in ("a", "an"):
        return False
    recurring = tx.load_lexicon("preferences")["recurring_words"]
    for at in range(1, min(4, len(following) - 1)):
        if following[at].word in recurring:
            return False  # "I'd like a weekly summary on Sunday evenings": every week (v23)
        if following[at].word in words["moment_deliverables"]:
            return following[at + 1].word in words["deliverable_topics"]
    return False


@cache
def _nouns() -> frozenset[str]:
    """Words after "to" that open a noun phrase, not a verb ("I look forward to the trip")."""
    return tx.english_words("determiners", "subject_words") | lexicon().words["pronouns"]


def _shunning(words: tuple[Token, ...]) -> int:
    """How many of ``words`` make a negative cue verb in its base form ("avoid", "stay away
    from"), or 0: after "I prefer to" it turns the preference against its object."""
    for phrase in _negative_phrases():
        size = len(phrase)
        if [t.word for t in words[:size]] == phrase:
            return size
    return 0


@cache
def _negative_phrases() -> tuple[list[str], ...]:
    negative = [p.split() for p, (polarity, _) in lexicon().verbs.items() if polarity < 0]
    return tuple(sorted(negative, key=len, reverse=True))


def _object_claims(
    context: _Context, cue: Cue, polarity: float, says: str, pred: Predicate
) -> list[Claim]:
    """The object after the cue, split at a contrast ("tea over coffee") or an exception ("all
    music except country"), whose other side gets the opposite polarity."""
    lex, text = lexicon(), context.text
    start, end = cue.object_start, max(pred.rest.end, cue.object_start)
    only_not = _ANYTHING_BUT.match(text, start, context.sentence.end) if polarity > 0 else None
    if only_not is not None:
        # "I want anything but a red-eye flight": against the red-eye flight, no "anything";
        # "I'd like anything | but the chicken": the clause after "but" holds the thing
        last = next(p.end for p in context.parts if p.end >= only_not.end())
        span = tx.phrase_span(text, only_not.end(), last, lex.stops)
        said, cited = f"against {{}} ({says} anything else)", [Span(context.clause.start, last)]
        return _claim(text, span, -polarity, said, cue.weight, cited, context.asked)
    cut, counter, marker, excepted, sides_alike = end, None, "", False, False
    markers = [lex.contrasts.get(cue.head), lex.contrasts["any"]]
    if _comparative_degree().search(text, max(0, start - 12), start) or (
        cue.head == "be"
        and _comparative_degree().search(text, max(0, pred.rest.start - 12), pred.rest.start)
    ):
        # "I like more the green tea than the coffee" (v44); v57 before a phrase of "be": "these
        # days I'm more into podcasts than music"
        markers.append(_THAN)
    for pattern in [*markers, lex.exceptions] if polarity > 0 else markers:
        found = pattern.search(text, start, end) if pattern is not None else None
        if found and start < found.start() < cut:
            before = tx.tokens(text, start, found.start())
            named = [w for w in before if w.word not in tx.english_set("determiners")]
            after = tx.tokens(text, found.end(), end)[:1]
            parallel = bool(before and after) and before[0].word == after[0].word
            if (
                found.group().lower() == "to"
                and not parallel
                and (
                    len(named) > 3  # "the smaller village school to the big academy" splits (v34)
                    or any(tx.is_gerund(w.word) for w in before)  # not "evening runs" (v38)
                    or [w.word for w in before] in ([w] for w in lex.words["listener_words"])
                )
            ):
                continue  # "prefer going to the beach", "prefer you to ...": not "X to Y"
            cut, counter, marker = found.start(), Span(found.end(), end), tx.plain(found.group())
            marker = "more than" if pattern is _THAN else marker
            excepted, sides_alike = pattern is lex.exceptions, parallel
    said = tx.tokens(text, *counter)[:1] if counter is not None else ()
    if said and said[0].word in _NOMINATIVES:
        counter = None  # "more than I used to", "more than he does": a clause, no side (v57)
    # "running in the evening to running at lunch": the time is what the sides differ by (v38)
    span = tx.phrase_span(text, start, cut, None if sides_alike else lex.stops)
    first = tx.tokens(text, *span)[0].word if span is not None else ""
    if first in _COPULAS:
        # v57: the verb sits in a relative clause on the subject of "be": the liked thing is
        # what the "be" names, or nothing ("another sport i like is soccer": soccer; "the girl
        # i love is unaware of it", "doing something I love is awesome": none)
        span = _cleft_complement(context, pred, span) if span is not None else None
        if span is None:
            return []
        first = tx.tokens(text, *span)[0].word
    if span is not None and first in _pronoun_leads().objects and not _pronoun(text, span):
        span = _pronoun_led(text, span)  # "it along with a nice iced tea": it (v55)
        if span is None:
            return []  # "I want it to be a safe place": an outcome wanted of it
    when = _when_clause(context) if span is None and start >= end else None
    antecedent = _antecedent(context, pred) if span is None and when is None else None
    if when is not None:  # "I like when you use bullet points": the clause after is the object
        span, evidence, reads = when.span, sorted({when.clause, context.clause}), when.reads
    elif antecedent is not None:  # "a book series that I love": the series (v37)
        span, evidence, reads = antecedent, [context.clause], ""
    else:
        span, evidence, reads = _resolved(context, span)
    act = _listeners_task(text, span) if span is not None else None
    if act is not None:  # "I want you to cite sources": the act is the taste, not "you to ..."
        span, says = act[0], f"{says} {act[1]}"
    says = f"{says} {reads}" if reads else says
    clause = when is not None or bool(reads)  # "I love it when it rains": a clause
    claims = _claim(text, span, polarity, says, cue.weight, evidence, context.asked, clause)
    if claims and not _listener_act_resolved(context, claims[0]):
        return []  # "I would prefer you delete it": "it" names nothing said before
    stops = None if sides_alike else lex.stops
    other = tx.phrase_span(text, *counter, stops) if counter and claims else None
    if other is not None and counter is not None and _lone_verb(text, other):
        # "I'd rather pay 10 more than fly at night": the time is what is against (v27)
        other = tx.phrase_span(text, *counter, max_words=4) or other
    key = _side_key(tx.normalise_phrase(text[other.start : other.end])) if other else ""
    if key and not _pronoun(text, other) and key not in lex.words["counter_skip"]:
        _add_other_side(claims, marker, key, -polarity, cue.weight, evidence, excepted)
    return claims


_COPULAS = frozenset({"is", "are", "was", "were", "am"})
#: Pronouns that open a clause of their own after "than" ("than I used to", "than he does").
_NOMINATIVES = frozenset({"i", "we", "you", "u", "he", "she", "they", "it", "i'm", "it's"})


def _cleft_complement(context: _Context, pred: Predicate, span: Span) -> Span | None:
    """What "be" names after a taste said in a relative clause on its subject (v57): "another
    sport i like is soccer", "the only thing i like is my ford mustang", "one band I love is
    the Rise Against". Only after a lead that picks one of a kind (``cleft_leads``: "another",
    "the only", "one") or a complement that opens with a determiner, and only a complement that
    opens with no adverb, preposition, negation or judgement ("is so great", "is about me",
    "is unaware of it", "was there to celebrate us" name no thing)."""
    text, lex = context.text, lexicon()
    words = tx.tokens(text, *span)
    if len(words) < 2:
        return None
    rest = tx.phrase_span(text, words[1].start, span.end, lex.stops)
    if rest is None:
        return None
    first = tx.tokens(text, *rest)[0].word
    opening = " ".join(t.word for t in tx.tokens(text, context.clause.start, pred.subject.start))
    led = any(f" {lead.strip()} " in f" {opening} " for lead in lex.words["cleft_leads"])
    determined = first in tx.english_set("determiners")
    not_things = (
        tx.english_set("adverbs")
        | tx.english_set("prepositions")
        | tx.english_set("negations")
        | lex.words["cleft_not_things"]
        | _judgement_words()
    )
    if not (led or determined) or first in not_things or len(tx.tokens(text, *rest)) > 5:
        return None
    return rest


@cache
def _judgement_words() -> frozenset[str]:
    """The head words of the frames' ``good_adjectives`` and ``bad_adjectives`` (past their
    determiners and adverbs: "the best" -> best, "so much fun" -> fun)."""
    frame_words = tx.load_lexicon("preferences")["frame_words"]
    skip = tx.english_set("determiners") | tx.english_set("adverbs") | {"not", "a", "an"}
    phrases = [*frame_words["good_adjectives"], *frame_words["bad_adjectives"]]
    heads = (next((w for w in str(p).lower().split() if w not in skip), "") for p in phrases)
    return frozenset(h for h in heads if h)


#: Words before a noun phrase that only point to it or say that it is there ("here's another
#: recipe I like").
_RELATIVE_POINTERS = frozenset(
    {"here's", "there's", "that's", "it's", "heres", "theres", "thats", "another", "other"}
)


def _antecedent(context: _Context, pred: Predicate) -> Span | None:
    """The object of a taste said in a relative clause, which has none after its verb: the noun
    phrase the clause hangs on ("a book series that I love", "a band I really like"), or what
    a "be" before it says that phrase of ("Pho is a dish that I adore": pho; "Jazz is the
    music I enjoy most": jazz). None for a word that only points or names nobody in
    particular ("something I love", "the ones I like", "people I love"; v37)."""
    text, clause = context.text, context.clause
    degree = tx.english_set("adverbs") | tx.english_set("determiners")
    degree |= lexicon().words["antecedent_skip"]  # "... i hate very much", "... the most"
    if pred.implied or any(w.word not in degree for w in tx.tokens(text, *pred.rest)):
        return None  # "the color i hate the most is orange": the clause goes on
    if pred.verb.word in ("want", "wants", "wanted", "wish") or (
        tx.is_past(pred.verb.word) and not {"have", "'ve", "ve", "has"} & set(pred.lead)
    ):
        return None  # "a violin concert we all enjoyed", "the summer job I wanted": once
    words = tx.tokens(text, clause.start, pred.subject.start)
    if words and words[-1].word in ("that", "which"):
        words = words[:-1]
    if len(words) < 2 or words[-1].word in _edge_words():
        return None
    head = Span(clause.start, words[-1].end)
    phrase = _last_phrase(text, head)
    named = tx.tokens(text, *phrase) if phrase else ()
    pointers = [i for i, w in enumerate(named) if w.word in _RELATIVE_POINTERS]
    if pointers:  # "Here's another recipe I like": the recipe
        phrase = _last_phrase(text, Span(named[pointers[-1]].end, head.end))
    skip = lexicon().words["np_skip"] | lexicon().words["antecedent_skip"]
    if phrase is None or any(w.word in skip for w in tx.tokens(text, *phrase)):
        return None
    subject = _be_subject(text, head)
    return subject if subject is not None and subject.end < phrase.start else phrase


@cache
def _object_degree() -> re.Pattern[str]:
    """A degree before a determined object (``object_degrees``): "very much the roses"."""
    data = tx.load_lexicon("preferences")
    degrees = tx.word_alternation(data["object_degrees"])
    before = tx.word_alternation(data["object_degree_before"])
    return re.compile(rf"(?:{degrees})\s+(?=(?:{before})\s)", re.I)


@cache
def _comparative_degree() -> re.Pattern[str]:
    """A comparative degree right before a cue's object (``comparative_degrees``: "I like more
    the small fishes"): its "than" is a contrast (v44)."""
    data = tx.load_lexicon("preferences")
    return re.compile(rf"\b(?:{tx.word_alternation(data['comparative_degrees'])})\s+$", re.I)


_THAN = re.compile(r"\bthan\b", re.I)


#: A taste for the listener's act on a thing pointed at: "(I'd prefer) you delete it once ...".
_LISTENER_ON_POINTER = re.compile(r"^(?:you|u)\s+[\w'’-]+\s+(?P<it>it|them|this|that)\b")
#: What the speaker owns, named before: "a copy of my passport" (the antecedent of "it").
_OWNED = re.compile(
    r"\b(?:my|our)\s+(?P<noun>[\w'’-]+(?:\s+(?:number|numbers|details|data))?)", re.I
)


def _listener_act_resolved(context: _Context, claim: Claim) -> bool:
    """Whether a taste for the listener's act on "it" / "them" ("I would prefer you delete it
    once the ticket is issued") can say what it acts on: the last thing of the speaker's named
    in its sentence before it or the sentence before ("Do you keep a copy of my passport?"),
    which the key and value then name ("you delete the passport once ..."). False when there
    is none: the claim would hold an unresolved "it" (v27). True for any other claim."""
    found = _LISTENER_ON_POINTER.match(claim.key)
    if found is None:
        return True
    start = context.before.start if context.before else context.sentence.start
    end = claim.spans[0].start if claim.spans else context.clause.start
    owned = list(_OWNED.finditer(context.text, start, max(start, context.clause.start)))
    if not owned or end < start:
        return False
    noun = tx.normalise_phrase(owned[-1].group("noun"))
    if not noun or noun in lexicon().words["pronouns"]:
        return False
    pointer = found.group("it")
    named = f"the {noun}"
    claim.key = f"{claim.key[: found.start('it')]}{named}{claim.key[found.end('it') :]}"[:80]
    claim.value = re.sub(rf"\b{pointer}\b", named, claim.value, count=1)
    return True


def _lone_verb(text: str, span: Span) -> bool:
    """Whether the phrase at ``span`` is one verb of the lexicon ("fly"), which says nothing
    against on its own: the words the object stops cut after it (a time: "at night") are what
    the contrast is about (v27)."""
    words = tx.tokens(text, *span)
    return len(words) == 1 and words[0].word in _verb_words()


#: An object that is anything but one thing ("anything but a red-eye flight", "anything except
#: a middle seat"): a taste against that thing only (v26).
_ANYTHING_BUT = re.compile(
    r"\s*(?:just\s+)?(?:anything|whatever)\s+(?:but|except(?:\s+for)?|other\s+than|besides)\s+",
    re.I,
)


def _add_other_side(
    claims: list[Claim],
    marker: str,
    other: str,
    polarity: float,
    weight: float,
    spans: list[Span],
    excepted: bool = False,
) -> None:
    """The claims of the side chosen read with the other side after ``marker`` ("prefers charts
    over tables", "asks for text messages rather than phone calls"), and the other side's own
    claim, against it (``_against``), is appended: "X over Y", "all X except Y" and a channel
    asked against ("text me rather than call") (v25)."""
    chosen, head = claims[-1].value, claims[-1].key.split()[-1]
    words = other.split()
    if len(words) > 1 and words[-1] in ("one", "ones") and len(claims[-1].key.split()) > 1:
        other = " ".join([*words[:-1], head])  # "an early flight than a late one": late flight
    for claim in claims:
        claim.value = f"{chosen} {marker} {other}"
    claims.append(Claim(other[:80], _against(chosen, other, excepted), polarity, weight, spans))


def _listeners_task(text: str, span: Span) -> tuple[Span | None, str] | None:
    """What a cue's object asks the listener to do ("I want you to cite sources", "I'd like you
    to use bullet points"): the act as the key reads it, without the listener, and without a
    generic verb as in a standing request ("bullet points", as "please use bullet points"
    keys), and what the value says before it ("you to", "you to use"). None when the object
    is no such act; no span for a verb of a request of the moment (``want_skip``: "I want you
    to know", "I want you to check this"), unless it says how to answer."""
    words, standing = tx.tokens(text, *span), _standing_words()
    if len(words) < 3 or words[0].word not in lexicon().words["listener_words"]:
        return None
    if words[1].word != "to":
        return None
    verb = words[2].word
    if verb in lexicon().words["want_skip"] and verb not in standing.acts:
        return None, ""
    at = _act_object(words, 2)  # "I want you to give me examples": examples
    said = " ".join(w.word for w in words[1:at])
    return Span(words[at].start, span.end), f"{words[0].word} {said}"


def _act_object(words: Sequence[Token], at: int) -> int:
    """Where the object of the act whose verb is ``words[at]`` begins as the key reads it:
    after a generic verb, which a standing request's key leaves out too ("use bullet points":
    bullet points), and the "me"/"us" after it ("give me examples": examples); at the verb for
    any other ("cite sources"). Never past the last word. ``_when_clause`` and
    ``_listeners_task`` read the listener's act so; a standing request (``_standing_request``)
    drops "me"/"us" after any verb and keeps its verb in the value."""
    if words[at].word not in _standing_words().generic or at + 1 >= len(words):
        return at
    at += 1
    while at + 1 < len(words) and words[at].word in ("me", "us"):
        at += 1
    return at


def _pronoun(text: str, span: Span | None) -> bool:
    """A phrase that only points elsewhere: "it", "that one", "those"."""
    phrase = tx.plain(text[span.start : span.end]) if span else ""
    part = re.sub(r"^(?:some|all|any|most|none|one|each|both|either|neither|lots?) of ", "", phrase)
    if part in lexicon().words["pronouns"] or not tx.normalise_phrase(phrase):
        return True
    # "it there", "them alot", "him already": a pronoun and only adverbs (v55)
    leads = _pronoun_leads()
    first, _, rest = part.partition(" ")
    return first in leads.objects and bool(rest) and leads.tails.fullmatch(rest) is not None


@dataclass(frozen=True, slots=True)
class _PronounLeads:
    objects: frozenset[str]  # "it", "them": the object when it begins one
    subjects: frozenset[str]  # "i", "they": a clause begins
    datives: frozenset[str]  # "me" of "love me some tea"
    tails: re.Pattern[str]  # adverbs after a pronoun that add no thing: "there", "alot"
    places: frozenset[str]  # "at" of "i work at the museum": not of the thing "it" points to
    particles: frozenset[str]  # "up" of "signed up at the pool"
    place_tails: frozenset[str]  # "there" of "i love it there": a place pointed to


@cache
def _pronoun_leads() -> _PronounLeads:
    data = tx.load_lexicon("preferences")["pronoun_leads"]
    tails = sorted({*data["tails"], *tx.english_set("adverbs")}, key=len, reverse=True)
    alternation = "|".join(re.escape(t) for t in tails)
    return _PronounLeads(
        objects=frozenset(data["objects"]),
        subjects=frozenset(data["subjects"]),
        datives=frozenset(data["datives"]),
        places=frozenset(data["places"]),
        particles=frozenset(data["particles"]),
        place_tails=frozenset(data["place_tails"]),
        tails=re.compile(rf"(?:\s*(?:{alternation})(?!\w))+[\s.!?,]*", re.I),
    )


def _pronoun_led(text: str, span: Span) -> Span | None:
    """An object that begins with a personal pronoun (``pronoun_leads``; v55): the pronoun of
    ``objects`` alone when anything follows it ("I enjoy it along with a nice iced tea": it,
    resolved as a bare "it" is), None before "to" + verb ("I want it to be a safe place": an
    outcome wanted of it) or after a pronoun of ``subjects`` ("I fear they judge me": a
    clause, no thing), else the span unchanged."""
    words, leads = tx.tokens(text, *span), _pronoun_leads()
    if len(words) < 2:
        return span
    if words[0].word in leads.datives and words[1].word == "some":
        return Span(words[1].start, span.end)  # "love me some tea": some tea
    if words[0].word in leads.subjects or words[0].word in leads.datives:
        return None
    if words[0].word not in leads.objects:
        return span
    return None if words[1].word == "to" else Span(words[0].start, words[0].end)


def _resolved(
    context: _Context, span: Span | None, refers_back: bool = False, judged: bool = False
) -> tuple[Span | None, list[Span], str]:
    """The object span, the clauses to cite and what the value says before the object
    (``_When.reads``): a pronoun is replaced by what it refers to, the clause after it that
    "when" opens ("I love it when X": X, ``_when_clause``), else what ``_resolve`` finds (with
    ``refers_back``, at worst the last noun phrase of the clause before). A pronoun ``judged``
    ("These are amazing", "that is great") takes a taste stated before ("I love hiking, it is
    the best") or what the speaker said they did or have ("I finally tried oat milk, that is
    great"), not a clause with no subject, whose first word may be no verb ("Glad my
    encouragement helped! These are amazing", said of shoes in a photo: a thing at hand)."""
    if span is None or not _pronoun(context.text, span):
        return span, [context.clause], ""
    # only "it" stands for a clause after it ("I love it when ..."); "them" points back ("I
    # usually like them a lot more then if I were to ...")
    anticipates = tx.plain(context.text[span.start : span.end]) == "it"
    when = _when_clause(context) if anticipates else None
    if when is not None:
        if when.span is None:
            return None, [], ""
        return when.span, sorted({when.clause, context.clause}), when.reads
    resolved = _resolve(context, last_phrase=refers_back, judged=judged)
    if resolved is None:
        return None, [], ""
    words = tx.tokens(context.text, *resolved[0])
    if all(w.word in tx.english_set("prepositions") for w in words):
        return None, [], ""  # "i do not know about that . i really enjoy it": no "about" (v55)
    answers = lexicon().words["answer_yes"] | lexicon().words["answer_no"]
    if tx.plain(context.text[slice(*resolved[0])]) in answers:
        return None, [], ""  # "Yes, they are still my favorites": no "yes" (v55)
    lead, leads = 0, _pronoun_leads()
    placed = {w.word for w in tx.tokens(context.text, *span)} & leads.place_tails
    if not placed:
        return resolved[0], sorted({resolved[1], context.clause}), ""
    if len(words) > 2 and words[0].word in leads.particles and words[1].word in leads.places:
        lead = 1  # "signed up at the pool", not "back to school" alone
    while len(words) > lead + 1 and words[lead].word in leads.places:
        lead += 1  # "i work at the museum downtown . i love it there": museum, not "at the" (v55)
    if lead:  # "i signed up at the pool ... i like it there": the pool
        return Span(words[lead].start, resolved[0].end), sorted({resolved[1], context.clause}), ""
    return resolved[0], sorted({resolved[1], context.clause}), ""


def _claim(
    text: str,
    span: Span | None,
    polarity: float,
    says: str,
    weight: float,
    spans: list[Span],
    asked: int = 0,
    clause: bool = False,
) -> list[Claim]:
    """The claim that the speaker ``says`` the object ``span``, unless the object only points
    elsewhere or is the listener (``asked``: see ``preference_claims``). Unless the object is
    a ``clause`` by its construction ("I love it when it rains"), one that begins with a
    personal pronoun is no thing named (``_pronoun_led``; v55)."""
    if span is None or _pronoun(text, span) or _to_listener(text, span, polarity, asked):
        return []
    if not clause and _person_then_preposition(text, span):
        return []  # "Just like you with your recent tournament", "i love you for saying that"
    if not clause:
        led = _pronoun_led(text, span)
        if led is None or (led != span and led.start == span.start):
            return []  # "likes you with your recent tournament", "fears they judge me hence"
        span = led  # "love me some tea": some tea
    if _act_on_pronoun(text, span):
        return []  # "I like reading it on Sundays": what is read is elsewhere (v34)
    span = _through_possessive(
        text, _without_relative_clause(text, _without_listener_place(text, span))
    )
    phrase = tx.normalise_phrase(text[span.start : span.end])
    key = _without_frequency(re.sub(r"^to(?:\s+|$)", "", phrase))
    conjuncts = re.split(r"\s+(?:and|or|&)\s+", key)  # "hiking and swimming": two keys
    if len(conjuncts) > 1 and all(c.split()[0].endswith("ing") for c in conjuncts):
        return [Claim(c, f"{says} {c}", polarity, weight, spans) for c in conjuncts]
    if (channel := _side_key(key)) != key:  # "I prefer SMS": text messages (v17)
        key = phrase = channel
    value = says.replace("{}", phrase) if "{}" in says else f"{says} {phrase}"
    return [Claim(key[:80], value, polarity, weight, spans)] if key else []


_PERSON_OBJECTS = frozenset({"you", "u", "ya", "him", "her", "them", "me", "us", "yourself"})


def _person_then_preposition(text: str, span: Span) -> bool:
    """Whether the object is a person by a pronoun and then a preposition (v57): "like you with
    your recent tournament" compares ("just like you"), "love you for saying that" thanks, "like
    him in that jacket" judges a look: none names a thing liked."""
    words = tx.tokens(text, *span)
    return (
        len(words) > 1
        and words[0].word in _PERSON_OBJECTS
        and words[1].word in tx.english_set("prepositions")
    )


def _habit_verb(verb: str) -> bool:
    """Whether a verb said by "I" in the present tells a habit of choice ("I shoot RAW, not
    JPEG"; v40): no past, no cue verb (read as itself), none of ``habit_skip_verbs``,
    ``habit_skip_leads`` or ``state_verbs``."""
    lex = lexicon()
    skip = lex.words["habit_skip_verbs"] | lex.words["habit_skip_leads"]
    cue = lex.lemmas.get(verb, verb) in {p.split()[0] for p in lex.verbs}
    state = verb in tx.load_lexicon("preferences")["frame_words"]["state_verbs"]
    return not (tx.is_past(verb) or cue or verb in skip or state or verb.endswith("ing"))


def _relative_time(words: list[str]) -> bool:
    """Whether a subject is a span of time counted from something else ("week before", "a
    day after", "two weeks earlier"; ``relative_times``): it places an occasion, it names no
    thing to judge ("week before is useless" said of a reminder; v40)."""
    data = tx.load_lexicon("preferences")["relative_times"]
    return (
        len(words) >= 2
        and words[-1] in data["relations"]
        and words[-2].removesuffix("s") in data["units"]
    )


def _addressed_act(text: str, claims: list[Claim], start: int, end: int, says: str) -> None:
    """A request about an act on the speaker ("don't ping me for every request", "don't ask
    me to confirm every step") keys on the act and what it is for, not on "me" (v40): the key
    was the verb and the pronoun ("ping me"), cut at the preposition; it is the verb and the
    rest of the clause, up to six words ("ping for every request"), and the value says it
    all ("asks not to ping me for every request"). "Don't call me" alone is the channel's."""
    words = tx.tokens(text, start, end)
    if len(words) < 3 or words[1].word not in ("me", "us"):
        return
    head = f"{words[0].word} {words[1].word}"
    tail = " ".join(tx.plain(text[w.start : w.end]) for w in words[2:8])
    for claim in claims:
        if claim.key == head or claim.key.startswith(head + " "):
            claim.key = f"{words[0].word} {tail}".strip()[:80]
            claim.value = f"{says} {head} {tail}".strip()


def _act_on_pronoun(text: str, span: Span) -> bool:
    """Whether the object is an act whose own object only points elsewhere: a gerund and a
    pronoun ("reading it", "doing that"), which names no thing (v34)."""
    words = tx.plain(text[span.start : span.end]).split()
    return len(words) == 2 and tx.is_gerund(words[0]) and words[1] in lexicon().words["pronouns"]


def _through_possessive(text: str, span: Span) -> Span:
    """A phrase cut right after a possessive ("share her data with the insurer's") runs on to
    the noun it owns, up to two words ("the insurer's wellness program"; v34)."""
    if not re.search(r"\w['’]s$", text[span.start : span.end]):
        return span
    after = re.match(r"(?:\s+[^\W\d][\w-]*){1,2}", text[span.end :])
    if after is None:
        return span
    words = after.group().split()
    stop = _closed_words() | tx.english_words("prepositions", "coordinators")
    kept = list(itertools.takewhile(lambda w: w.lower() not in stop, words))
    if not kept:
        return span
    return Span(span.start, span.end + after.group().index(kept[-1]) + len(kept[-1]))


def _without_relative_clause(text: str, span: Span) -> Span:
    """The phrase without a relative clause whose subject follows its noun ("the doc page you
    got that from", "the sources that you used", "the format we discussed": the doc page,
    the sources, the format; ``relative_clauses``): it points at one thing of the
    conversation, which the noun names. A clause that says what kind ("songs that make me
    cry") stays, and so does one after a noun that only it fills ("the way you explain
    things"; v33)."""
    own = tx.load_lexicon("preferences")["relative_clauses"]
    words = tx.tokens(text, span.start, span.end)
    for at in range(1, len(words) - 1):
        word = words[at].word
        if word in own["relatives"] and words[at + 1].word in own["subjects"]:
            cut = at  # "the sources that you used"
        elif word in own["subjects"] and words[at + 1].word not in own["not_verbs"]:
            cut = at  # "the doc page you got that from"
        else:
            continue
        head = words[cut - 1].word
        if head in tx.english_words(*own["no_noun"]) or head in _closed_words():
            return span  # "I like it when you ...", "and sometimes i ...": no noun before it
        acted = cut == 1 or words[cut - 2].word == "to"  # "to help you with": a verb's object
        if head in own["filled_by_clause"] or tx.is_gerund(head) or acted:
            return span
        return Span(span.start, words[cut - 1].end)
    return span


def _side_key(phrase: str) -> str:
    """The key of one side of a taste, from its normalised phrase: a channel of contact by its
    one name ("sms" -> text messages; ``channel_names``). Both sides of a contrast take it, so
    "I prefer email over SMS" and "I prefer email, not SMS" key the other side alike and meet
    in consolidation (v26; the side after "over" kept "sms"). A head that only says "a form
    of" after the word that chooses (``side_heads``: "the generic version", "the local option")
    is left out, so "Generic, not the brand" and "Go with the generic version instead of
    NovoLog" meet (v34)."""
    words = phrase.split()
    if len(words) == 2 and words[1] in _side_heads():
        phrase = words[0]
    return _channel_name(phrase)


@cache
def _side_heads() -> frozenset[str]:
    return frozenset(tx.load_lexicon("preferences")["choice_fragments"]["side_heads"])


def _without_frequency(key: str) -> str:
    """A key without a first adverb of how often that is for the taste (``habitual_leads`` of
    positive sign: "I'd rather always try things on staging first" keys "try things on
    staging first", as "I'd rather try things on staging first" does; v22). "never" stays: it
    turns the taste round."""
    first, _, rest = key.partition(" ")
    return rest if rest and lexicon().habitual.get(first, 0.0) > 0 else key


def _without_listener_place(text: str, span: Span) -> Span:
    """The phrase without a last prepositional phrase that only points at the listener's side or
    the product ("JSON output from your tool", "the dark theme in your app", "the export on
    your side"; ``listener_places``): it says where, not what is liked. Kept after a verb ("working
    with your app": the phrase is about the act) and for anything else of the listener's
    ("answers in your own words")."""
    places = _listener_places()
    words = tx.tokens(text, *span)
    for at in range(len(words) - 2, 0, -1):
        if words[at].word not in places["prepositions"]:
            continue
        tail = [w.word for w in words[at + 1 :]]
        named = len(tail) <= 3 and (
            (tail[0] in places["determiners"] and tail[-1] in places["products"])
            or (tail[0] in places["possessives"] and tail[-1] in places["sides"])
        )
        head = words[at - 1].word
        if named and not (tx.is_gerund(head) or head in _standing_words().verbs):
            return Span(span.start, words[at - 1].end)
        break  # only the last prepositional phrase
    return span


@cache
def _listener_places() -> dict[str, frozenset[str]]:
    """``listener_places`` in preferences.yaml, each list as a set."""
    data = tx.load_lexicon("preferences")["listener_places"]
    return {k: frozenset(v) for k, v in data.items()}


def _to_listener(text: str, span: Span, polarity: float, asked: int = 0) -> bool:
    """The object is the listener or what they did: "you guys", "your idea" (liked), "how you
    explained that" (the ``listener_*`` words). In another speaker's question (before
    ``asked``) the persons turn round: "you" and "your" are the answerer and their own ("Do
    you like your job?" / "I do" likes their job), and the listener is the asker ("Do you
    like my idea?" / "yes!"; the ``asker_*`` words)."""
    words, lists = [t.word for t in tx.tokens(text, *span)], lexicon().words
    if not words:
        return False
    side = "asker" if span.start < asked else "listener"
    if side == "asker":
        return _about_asker(text, span, polarity)
    listener, possessives, be = (lists[f"{side}_{k}"] for k in ("words", "possessives", "be"))
    if words[0] in listener:
        return (
            len(words) == 1
            or " ".join(words[1:3]) in lists["listener_groups"]
            or (words[1] in lists["listener_groups"])
        )
    if words[0] in possessives:
        return polarity > 0
    if side == "listener" and len(words) > 1 and _ends_on(words, listener, lists):
        return True  # "I hate to bother you", "I love working with you guys": social, no taste
    opener = 2 if words[:2] == ["the", "way"] else 1
    if " ".join(words[:opener]) not in lists["listener_acts"] or len(words) < opener + 2:
        return False
    # "what you did", "how fast you answered", "that you added 2FA": the listener's past act;
    # after "how", "what" or "the way" any act of theirs ("how you use it to tell your stories")
    acted = words[:opener] != ["that"]
    for at in range(opener, min(opener + 3, len(words) - 1)):
        if words[at] in listener and (acted or tx.is_past(words[at + 1])):
            return True
    # "how patient you are with me", "how kind you've been": the listener praised
    for at in range(opener, min(opener + 3, len(words))):
        if words[at] in be:
            return True
        if words[at] in listener:
            return at + 1 < len(words) and words[at + 1] in be | _be_after(be)
    return False


def _ends_on(words: list[str], listener: frozenset[str], lists: dict) -> bool:
    """Whether a phrase ends on the listener ("bother you", "working with you guys"), not in
    a comparison ("chat with friends like you")."""
    at = len(words) - 1
    if words[at] in lists["listener_groups"] and at > 0:
        at -= 1
    return words[at] in listener and at > 0 and words[at - 1] not in lists["asker_comparisons"]


def _about_asker(text: str, span: Span, polarity: float) -> bool:
    """Whether the object of the other speaker's question is the asker or theirs, anywhere in
    it: "Do you like me?", "... working with me?", "... how patient I am?", "... the songs I
    sent?" (the ``asker_*`` words), "... my idea?" (liked or not), "... our new dashboard?"
    (liked: "our" may be the product's, and "no, too cluttered" is a taste of it). Such a
    question asks for a reaction to the asker, not for the answerer's taste. A comparison with
    the asker ("as much as I do", "more than me") is about the object still."""
    lists, own = lexicon().words, _asker_own()
    words = _asker_object(text, span)
    for before, word in zip(["", *words], words, strict=False):
        if before in lists["asker_comparisons"]:
            continue
        if word in own or word in lists["asker_own_possessives"]:
            return True
        if word in lists["asker_possessives"] and polarity > 0:
            return True
    return False


@cache
def _asker_own() -> frozenset[str]:
    """The asker named by one word: ``asker_words`` and the one-word ``asker_be`` ("i'm")."""
    lists = lexicon().words
    return lists["asker_words"] | {b for b in lists["asker_be"] if " " not in b}


def _asker_object(text: str, span: Span) -> list[str]:
    """The words of a question's object, run on through the clauses that only the asker's "I"
    cut off ("Do you like how patient | I am?", ``tx.clauses``); not through a clause that a
    coordinator, a subordinator or a mark opens ("Do you like sushi, or should I ...?")."""
    sentence = next(s for s in tx.sentences(text) if s.start <= span.start < max(s.end, 1))
    end = span.end
    opens = tx.english_words("coordinators", "subordinators", "tag_questions")
    for clause in tx.clauses(text, sentence):
        if clause.end <= span.end:
            continue
        first = tx.tokens(text, *clause)[:1]
        if text[end : clause.start].strip() or not first or first[0].word in opens:
            break
        end = clause.end
    return [t.word for t in tx.tokens(text, span.start, max(end, span.end))]


@cache
def _be_after(be: frozenset[str]) -> frozenset[str]:
    """The forms of "be" that follow the listener's word in ``be`` ("you are" -> "are")."""
    return frozenset(p.split()[1] for p in be if len(p.split()) == 2)


def _habit(context: _Context, pred: Predicate) -> list[Claim]:
    """ "I usually take the train" (+), "I never drive" (-): a habit is a weaker preference. Not
    an ability or a possibility ("we can always count on them"; ``habit_skip_leads``) nor the
    speaker's history in the perfect, with no object named ("I've always just stayed away";
    ``perfect_leads``, ``habit_particles``). v57: nor the simple past, a history or a habit
    that was ("I never owned a car", "we always had chickens when I was a kid", "I always did
    my taxes by hand until last year"), nor having or owning in the perfect
    (``history_verbs``: "I've never owned a car"; "I've never eaten meat" stays a habit)."""
    lex, text = lexicon(), context.text
    signs = [lex.habitual[word] for word in pred.lead if word in lex.habitual]
    if not signs or pred.is_be or tx.is_report_verb(pred.verb.word):
        return []
    if set(pred.lead) & lex.words["habit_skip_leads"]:
        return []
    perfect = bool(set(pred.lead) & lex.words["perfect_leads"])
    if perfect and not _names_object(text, pred):
        return []
    if _simple_past(pred.verb.word) and not perfect:
        return []  # v57: the simple past tells a history ("I never owned a car"), no habit
    if perfect and pred.verb.word in lex.words["history_verbs"]:
        return []  # v57: "I've never owned a car", "we've always had dogs": a fact of life
    polarity = -1.0 if min(signs) < 0 else 1.0
    rest = tx.phrase_span(text, pred.rest.start, pred.rest.end, lex.stops)
    first = tx.tokens(text, *rest)[0].word if rest else ""
    # A skipped verb ("do", "keep", "make") is still a habit with a determined object: "I
    # always do", "I always do it" state nothing; "I always do a dry run first" does.
    if pred.verb.word in lex.words["habit_skip_verbs"] and not (
        first in lex.words["habit_object_determiners"]
        and pred.verb.word in lex.words["habit_transitive_verbs"]
    ):
        return []
    if (polarity > 0 and pred.negated) or first in lex.words["habit_skip_objects"]:
        return []  # "I don't usually ...", "I always have problems": no choice stated
    phrase = tx.normalise_phrase(text[pred.verb.start : rest.end if rest else pred.verb.end])
    adverb = "never" if polarity < 0 else next(w for w in pred.lead if w in lex.habitual)
    value = f"{adverb} {tx.third_person(pred.verb.word)}{phrase[len(pred.verb.word) :]}"
    weight = float(tx.load_lexicon("preferences")["habit_weight"])
    return [Claim(phrase[:80], value, polarity, weight, [context.clause])]


@cache
def _bare_pasts() -> frozenset[str]:
    """Verbs whose past is their base form in ``irregular_verbs`` ("read", "hurt"): no sure
    past alone."""
    irregular = tx.load_lexicon("english")["irregular_verbs"]
    return frozenset(str(base) for base, forms in irregular.items() if base in forms)


def _simple_past(verb: str) -> bool:
    """A past form that is no base form too ("owned", "had"; not "read", "put"), nor a verb of
    wanting (``verbs.wants``, "dream"): "I always wanted to be a chef" tells a want held (v57)."""
    if not tx.is_past(verb) or verb in _bare_pasts():
        return False
    stem = verb[:-2] if verb.endswith("ed") else verb
    return not any(stem in (w, w.rstrip("e"), w + "e") for w in _wanting()) and verb != "dreamt"


@cache
def _wanting() -> frozenset[str]:
    """The verbs of ``verbs.wants`` ("want", "wish", "long", "hope") and "dream"."""
    wants = tx.load_lexicon("preferences")["verbs"]["wants"]
    return frozenset({str(w).split()[0] for w in wants} | {"dream"})


def _past_act(words: list[str]) -> bool:
    """Whether ``words`` open with a verb in the past and its object or a place ("went to
    college", "owned a car", "did it myself"): a request is never in the past, so "never went to
    college" tells the speaker's history with the subject dropped (v57); "never fried food" is
    a kind of food."""
    if not words or not _simple_past(words[0]) or words[0] in tx.english_set("be_forms"):
        return False
    after = words[1] if len(words) > 1 else ""
    function = tx.english_set("determiners") | tx.english_set("prepositions")
    return not after or after in function or after in lexicon().words["pronouns"]


def _names_object(text: str, pred: Predicate) -> bool:
    """Whether anything but adverbs and particles follows the verb ("taken the bus", not "just
    stayed away", "looked back")."""
    skip = _habit_skip()
    return any(t.word not in skip for t in tx.tokens(text, *pred.rest))


@cache
def _habit_skip() -> frozenset[str]:
    """Adverbs and ``habit_particles``: what may follow a verb without naming its object."""
    return tx.english_set("adverbs") | lexicon().words["habit_particles"]


def _frames(context: _Context) -> list[Claim]:
    """The first lexicon frame that matches the clause: "X is my go-to", "please don't X"."""
    lex, text, clause = lexicon(), context.text, context.clause
    opening = tx.opening_words(text, clause, 1)
    if not opening or tx.is_reported(text, context.sentence, opening[0].start + 1):
        return []
    previous = text[slice(*context.before)] if context.before else ""
    # A frame may begin after the clause's discourse markers ("oh, X is my go-to") or at its
    # first word, when that word is the frame's own ("no emojis": "no" is also a marker).
    first = tx.tokens(text, *clause)[0].start
    begins = (opening[0].start,) if first == opening[0].start else (opening[0].start, first)
    if scope := _generic_scope().match(text, first, clause.end):
        begins += (scope.end(),)  # "for code reviews pls just give me the diff" (v47)
    # Only the frames whose required words the message holds can match (prep.CueList): the
    # clause is part of the message, so what it holds the message holds.
    for position in _frame_cues().positions(_prepared(text)):
        frame = lex.frames[position]
        end = context.sentence.end if frame.sentence else clause.end
        found = ((b, frame.pattern.match(text[b:end])) for b in begins)
        begin, match = next(((b, m) for b, m in found if m is not None), (begins[0], None))
        if match is None or (frame.before is not None and not frame.before.search(previous)):
            continue
        if frame.imperative and _describes(context, begin, match):
            continue  # "They're my little buddies, always calm and peaceful": no request
        if frame.imperative and _goes_on_from_speaker(context, begin):
            continue  # "im on job sites all day, dont read email": the speaker's own habit
        if match.groupdict().get("hard"):
            return []  # "editing skin tones is a nightmare for me": a difficulty (v40)
        if match.groupdict().get("impression"):
            continue  # "Coco looks so adorable!": how something shown or told strikes them
        changed = frame.changed_says is not None and _announcement(context) is not None
        if match.groupdict().get("now") and not changed:
            continue  # "things are better now": no choice, unless announced as a change
        if tx.is_conditional(text, context.sentence, begin, tx.says_future(match.group())):
            return []  # "if it breaks again, we're switching to Linear"
        if frame.answers and _of_the_moment(context, begin):
            return []  # "dont need the why now", "no emojis for now": this answer only
        obj_words, obj_start = match.group("obj").lower().split(), begin + match.start("obj")
        pointer = frame.refers_back and len(obj_words) == 1 and obj_words[0] in _PERSON_POINTERS
        if obj_words[0] in lex.words["np_skip"] and not pointer:
            continue  # "when the win feels great": a time, not a thing judged
        if _relative_time(obj_words):
            continue  # "week before is useless": a time said of something else (v40)
        if frame.imperative and _past_act(obj_words):
            continue  # "never went to college tbh": the speaker's history, no request (v57)
        if (habit := match.groupdict().get("habit")) and not _habit_verb(habit.lower()):
            continue  # "I shot RAW, not JPEG": one occasion; "I like tea, not coffee" a cue
        if match.groupdict().get("attached") and len(obj_words) > 1:
            continue  # "just finished online shopping its my favorite": no subject (v37)
        if obj_words[0] in _opening_subordinators():
            # "because blue is my favourite colour": the object is after the subordinator
            # ("because it was too expensive": "it", which points elsewhere)
            obj_start = tx.tokens(text, obj_start, clause.end)[0].end
            obj_words = obj_words[1:]
        if not obj_words or (obj_words[0] in lex.words["np_skip"] and not pointer):
            continue
        if frame.kinds and not _names_kind(obj_words) and not _standing_said(context):
            continue  # "skip the dessert": the one at hand; "always skip the dessert" stands
        if frame.at_hand and _comment_at_hand(obj_words):
            continue  # "that cake looks amazing", "having that is so cool!"
        if frame.at_hand and _guessed(text, obj_words, begin + match.end("obj"), clause.end):
            continue  # "It must feel good": a guess at how something feels, no taste
        referent = None
        if frame.names and _pronoun(
            text, tx.phrase_span(text, obj_start, begin + match.end("obj"))
        ):
            referent = _speaker_thing(context) if frame.speaker else None
            if referent is None:
                return []  # "it means a lot to me" thanks the listener as often as not
        if match.groupdict().get("tense") and _one_occasion(context, obj_words):
            return []  # "the concert was amazing": how one occasion went, no standing taste
        negated = bool(match.groupdict().get("neg"))
        polarity = -frame.polarity if negated else frame.polarity
        says = frame.negated if negated else frame.says
        weight = frame.weight
        if changed and not negated:
            says, weight = str(frame.changed_says), frame.changed_weight or frame.weight
        kind = _category(match) if frame.category_says and not negated else ""
        if kind:
            says = frame.category_says.replace("{category}", kind)  # "favourite book:"
        if match.groupdict().get("verb"):
            says = f"{says} {_generic_base(tx.plain(match.group('verb')))}"
        elif frame.activity_says and tx.is_gerund(obj_words[0]):
            says = frame.activity_says  # "stop asking me to confirm": asks to stop asking ...
        elif frame.opener_says and match.groupdict().get("opener"):
            opener = " ".join(match.group("opener").lower().split())
            says = dict(frame.opener_says).get(opener, says)  # "avoid jargon", "no more tables"
            if opener in dict(frame.noun_says) and _bare_noun(context, obj_words):
                says = dict(frame.noun_says)[opener]  # "never pies": asks for no pies (v27)
        obj = (
            tx.phrase_span(text, obj_start, begin + match.end("obj"))
            if frame.whole
            else tx.phrase_span(text, obj_start, begin + match.end("obj"), lex.stops, 6)
        )
        last = context.index
        if frame.runs_on and obj is not None and not match.groupdict().get("verb"):
            last = _object_added_to(context)  # "always format dates, and times, in ISO 8601"
        if last > context.index:
            return _run_on_claim(context, obj_start, last, polarity, says, weight)
        if pointer:
            # "I saw Adele live. She is my favorite artist": the person named before (v37)
            named = _named_before(context)
            span = named[0] if named else None
            evidence, reads = sorted({named[1], context.clause}) if named else [], ""
        elif referent is not None:
            span, evidence, reads = referent[0], sorted({referent[1], context.clause}), ""
        else:
            span, evidence, reads = _resolved(context, obj, frame.refers_back, frame.at_hand)
        span = _category_member(text, span, kind)  # "that is my favorite color": blue (v37)
        says = f"{says} {reads}" if reads else says
        claims = _claim(text, span, polarity, says, weight, evidence, context.asked, frame.whole)
        if frame.imperative and not match.groupdict().get("verb"):
            _addressed_act(text, claims, obj_start, clause.end, says)
        if frame.channels:
            return _channel_claims(claims, match, says)
        if claims and match.groupdict().get("counter"):
            _frame_other_side(text, claims, match, begin)  # "Rather a window seat than the aisle"
        for claim in claims if frame.answers else ():
            if (name := _answer_name(claim.key)) != claim.key:  # "skip the essay": explanations
                claim.key, claim.value = name, f"{says} {name}"
        joined = (
            _AND_NEXT.match(text, begin + match.end(), clause.end) if frame.coordinates else None
        )
        if claims and joined is not None:
            # "keep your explanations short and without the technical jargon": the part after
            # "and" is read as a clause of its own, by the instructions only
            parts = [*context.parts]
            parts[context.index] = Span(joined.end(), clause.end)
            rest = _frames(dataclasses.replace(context, parts=parts))
            claims += [c for c in rest if _COORDINATED.match(c.value)]
        return claims
    return []


_PERSON_POINTERS = frozenset({"he", "she"})


def _speaker_thing(context: _Context) -> tuple[Span, Span] | None:
    """What a pronoun subject of a frame of benefit ("It helps me relax", "it keeps me sane")
    points at, and the clause naming it (v52): the nearest clause before it, in the sentence
    or the last of the sentence before, when the speaker says there what they do, took up or
    have ("I started knitting last winter. It helps me relax": knitting; "I go cycling every
    weekend. It clears my head": cycling; "I got a fish tank. It calms me down": fish tank),
    or a phrase set before it in the same sentence with no verb of its own ("gardening on
    sundays, it keeps me sane"). Nothing when that clause is someone else's ("My boss sent the
    report. It helps me plan"), the listener's, a social reply ("Thanks for the tips. It calms
    me down"), or names a person or a pronoun: the thing is then further back, honestly
    unknown."""
    text, parts, index = context.text, context.parts, context.index
    if index:
        clause, opens = parts[index - 1], index == 1
    elif context.before is not None:
        before = tx.clauses(text, context.before)
        clause, opens = before[-1], len(before) == 1
    else:
        return None
    words = _speaker_words()
    said = tx.tokens(text, *clause)
    if not said or said[0].word in words.not_openers:
        return None
    if any(t.word in words.others for t in said):
        return None  # "My sister bought a rowing machine": hers
    preds = tx.predicates(text, clause, _known(), tx.FIRST_PERSON, implied=True)
    if not preds or (tx.is_gerund(said[0].word) and preds[-1].verb.start == said[0].start):
        # a phrase with no verb of its own, set before the pronoun in the same sentence
        # ("gardening on sundays, it keeps me sane"); not a clause of someone else's ("My
        # family is my motivation and they keep me going": a verb, its subject a noun)
        if len(said) > 5 or tx.predicates(text, clause, _known(), _ANY_SUBJECT):
            return None
        if not index and not (opens and tx.is_gerund(said[0].word)):
            return None  # the sentence before only as a doing alone ("Gardening on Sundays.")
        if any(t.word in words.finite for t in said):
            return None
        rest = list(said)
    else:
        pred = preds[-1]
        if pred.implied and not (opens and pred.verb.start == said[0].start):
            return None  # "Clay is incredible", "..., visualize goals": no dropped "I" here
        if pred.verb.word not in words.doing and not pred.is_be:
            return None  # "I told him", "I visualize my goals": no thing done, taken up or had
        rest = list(tx.tokens(text, *pred.rest))
        while rest and (rest[0].word in words.particles or rest[0].word in words.leads):
            rest = rest[1:]  # "picked up crochet", "got into bonsai", "been swimming"
        if not rest or (pred.is_be and not tx.is_gerund(rest[0].word)):
            return None  # "I'm tired": a state, no thing done or had
    if rest and (rest[0].word in words.not_openers or rest[0].word in words.indefinite):
        return None  # "a bit of everything", "something nice": no thing named
    for at, word in enumerate(rest):
        if at and (word.word in words.times or word.word in words.ends):
            rest = rest[:at]  # "jigsaw puzzles most evenings", "my turtles to the beach"
            break
    if rest and rest[0].word in words.times:
        return None  # "I spend Sundays at the allotment": the time, no thing sure
    span = tx.phrase_span(text, rest[0].start, rest[-1].end, lexicon().stops) if rest else None
    if span is None or _pronoun(text, span):
        return None
    if {t.word for t in tx.tokens(text, *span)} & (words.others | words.indefinite):
        return None  # "I asked my boss": a person; "a bit of everything": no thing named
    return span, clause


@dataclass(frozen=True, slots=True)
class _SpeakerWords:
    not_openers: frozenset[str]
    others: frozenset[str]
    particles: frozenset[str]
    leads: frozenset[str]
    doing: frozenset[str]
    times: frozenset[str]
    ends: frozenset[str]
    indefinite: frozenset[str]
    finite: frozenset[str]


@cache
def _speaker_words() -> _SpeakerWords:
    own = tx.load_lexicon("preferences")["speaker_things"]
    general = tx.load_lexicon("preferences")["general_readings"]
    return _SpeakerWords(
        not_openers=frozenset(own["not_openers"]),
        others=frozenset(general["other_subjects"]) | frozenset(own["persons"]),
        particles=frozenset(lexicon().words["habit_particles"]) | frozenset(own["particles"]),
        leads=frozenset(own["leads"]),
        doing=frozenset(f for v in own["doing_verbs"] for f in tx.inflections(str(v))),
        times=frozenset(own["times"]),
        ends=frozenset(own["ends"]),
        indefinite=frozenset(own["indefinite"]),
        finite=tx.english_set("be_forms") | frozenset(own["finite"]),
    )


@cache
def _generic_scope() -> re.Pattern[str]:
    """A scope of a kind of thing opening a request with no comma before the asking word
    (``choice_fragments`` ``scope_openers``, ``generic_scope_not``; v47): "for code reviews |
    pls just give me the diff", "in emails | pls use a formal tone"; not a thing at hand ("for
    this one please ...", "for the report pls ...")."""
    own = tx.load_lexicon("preferences")["choice_fragments"]
    openers, deny = _alternation(own["scope_openers"]), _alternation(own["generic_scope_not"])
    return re.compile(
        rf"(?:{openers})\s+(?!(?:{deny})(?![\w'’-]))(?:[\w'’-]+\s+){{0,3}}?"
        r"(?=(?:please|pls|plz|just|always)\s)",
        re.I,
    )


def _named_before(context: _Context) -> tuple[Span, Span] | None:
    """The person a "he"/"she" opening the clause points to, and the clauses naming them: the
    last name (a run of capitalised words, not opening its sentence unless another follows) in
    the clauses before it in the sentence, else in the sentence before ("I saw Adele live. She
    is my favorite artist": Adele). None in text written without capitals, where no name
    shows (v37)."""
    text = context.text
    before = [p for p in context.parts[: context.index] if p.start >= context.sentence.start]
    scopes = [Span(before[0].start, before[-1].end)] if before else []
    scopes += [context.before] if context.before is not None else []
    for scope in scopes:
        words = tx.tokens(text, *scope)
        capital = [text[w.start].isupper() and w.word not in tx.FIRST_PERSON for w in words]
        if capital and not (len(capital) > 1 and capital[1]):
            capital[0] = False  # "Saw her live" opens its sentence: no name by its capital
        last = max((i for i, named in enumerate(capital) if named), default=None)
        if last is None:
            continue
        first = last
        while first > 0 and capital[first - 1]:
            first -= 1
        return Span(words[first].start, words[last].end), scope
    return None


@cache
def _members() -> dict[str, frozenset[str]]:
    """``category_members``: kind -> the words that can be one of that kind."""
    found: dict[str, frozenset[str]] = {}
    for entry in tx.load_lexicon("preferences")["category_members"]:
        for kind in entry["kinds"]:
            found[str(kind)] = frozenset(str(w) for w in entry["words"])
    return found


def _category_member(text: str, span: Span | None, kind: str) -> Span | None:
    """For a kind with a closed set of members (``category_members``: colours), the member
    the phrase names, the last one ("a blue car" -> blue), or None when it names none; any
    phrase for an open kind (v37)."""
    members = _members().get(kind)
    if span is None or members is None:
        return span
    named = [w for w in tx.tokens(text, *span) if w.word in members]
    return Span(named[0].start, named[-1].end) if named else None  # "blue and green" both


def _category(match: re.Match[str]) -> str:
    """The kind of thing a favourite is, as the frame's group `category` names it ("book",
    "tv show", "band to see live"), or "" when the words only point or qualify ("one", "of
    all time", "thing"; ``category_skip``) (preference.v36)."""
    words, lex = tx.plain(match.groupdict().get("category") or "").split(), lexicon()
    if not words or words[0] in lex.words["category_skip"]:
        return ""
    ends = lex.words["category_ends"]
    cut = next(
        (i for i in range(len(words)) if " ".join(words[i : i + 2]) in ends or words[i] in ends),
        None,
    )
    return " ".join(words[:cut])


def _names_kind(obj_words: list[str]) -> bool:
    """Whether an object names a kind of thing, not one at hand: no determiner before it
    ("skip dessert") or its last word in the plural ("skip the red-eyes"; v33)."""
    words = [w for w in obj_words if w not in ("please", "pls", "plz")]
    if not words:
        return False
    if words[0] not in tx.english_set("determiners"):
        return True
    last = words[-1]
    return len(words) > 1 and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _standing_said(context: _Context) -> bool:
    """Whether the clause's sentence holds a standing marker ("always", "from now on")."""
    sentence = context.text[context.sentence.start : context.sentence.end]
    return _standing_words().marker.search(sentence) is not None


def _bare_noun(context: _Context, obj_words: list[str]) -> bool:
    """Whether an imperative's object is a noun phrase, not a verb's: one word in the plural
    that is no verb of the lexicon ("never pies", "never emojis"), or any object after a bare
    noun fragment it stands against ("Tea, never coffee", "charts, never raw tables": the
    clause before is at most three words with no verb or subject; v27)."""
    verbs, obj_words = _verb_words(), re.findall(r"[\w'’-]+", " ".join(obj_words).lower())
    obj_words = [w for w in obj_words if w not in ("please", "pls", "plz", "ever", "again")]
    if not obj_words:
        return False
    if obj_words[0] in verbs or tx.is_gerund(obj_words[0]) or {"me", "us"} & set(obj_words):
        return False
    if tx.is_past(obj_words[0]):
        return False  # "cool, never watched that show": a verb in the past, no noun
    word = obj_words[0]
    if len(obj_words) == 1 and word.endswith("s") and not word.endswith("ss"):
        return True
    before = [p for p in context.parts[: context.index] if p.start >= context.sentence.start]
    if not before:
        return False
    words = [t.word for t in tx.tokens(context.text, *before[-1])]
    subjects = _SUBJECTS | {"you", "u", "it", "this", "that", "they", "he", "she"}
    return 0 < len(words) <= 3 and not (set(words) & (verbs | subjects))


def _channel_claims(claims: list[Claim], match: re.Match[str], says: str) -> list[Claim]:
    """The claims of a standing request on a channel of contact, keyed by the channel's one
    name (``channel_names``: "by SMS" and "text me" key "text messages", "call me" and "phone
    me" "phone calls"), with the channel a matched group `counter` asks against ("text me
    rather than call": against phone calls) (preference.v17)."""
    for claim in claims:
        claim.key = _channel_name(claim.key, frame=True)
        claim.value = f"{says} {claim.key}"
    counter = match.groupdict().get("counter")
    if claims and counter:
        key = _channel_name(tx.normalise_phrase(counter), frame=True)
        first = claims[0]  # the only one: a channel is one word or name, no list
        _add_other_side(claims, "rather than", key, -first.polarity, first.weight, first.spans)
    return claims


def _frame_other_side(text: str, claims: list[Claim], match: re.Match[str], begin: int) -> None:
    """The other side a frame's group `counter` names, against it, as "X over Y" is ("Rather a
    window seat than the aisle": against aisle; v26); nothing for a pronoun or a phrase that
    names no thing (``counter_skip``: "rather now than never")."""
    start, end = begin + match.start("counter"), begin + match.end("counter")
    other = tx.phrase_span(text, start, end, lexicon().stops)
    key = _side_key(tx.normalise_phrase(text[other.start : other.end])) if other else ""
    if not key or _pronoun(text, other) or key in lexicon().words["counter_skip"]:
        return
    first = claims[0]
    marker = "than" if "rather" in first.value.split() else "over"  # "prefers morning over ..."
    _add_other_side(claims, marker, key, -first.polarity, first.weight, first.spans)


def _channel_name(key: str, frame: bool = False) -> str:
    """The one name of a channel of contact ``key`` names (``channel_names``: its ``any_key``
    names, and in a channel frame its ``frames`` names too), else ``key``."""
    names = tx.load_lexicon("preferences")["channel_names"]
    if frame and key in names["frames"]:
        return str(names["frames"][key])
    return str(names["any_key"].get(key, key))


def _answer_name(key: str) -> str:
    """The one name of an aspect of answers ``key`` names (``answer_names``: "essay" and "why"
    are "explanations"), else ``key`` (v22)."""
    return str(tx.load_lexicon("preferences")["answer_names"].get(key, key))


def _of_the_moment(context: _Context, begin: int) -> bool:
    """Whether a request on answers from ``begin`` ends on a time of the moment
    (``moment_tails``: "dont need the why now", "no emojis for now") with no standing marker
    in its sentence ("no emojis from now on", "..., next time"): it asks for this answer only
    (v22)."""
    text, sentence = context.text, context.sentence
    if _standing_words().marker.search(text, sentence.start, sentence.end):
        return False
    return _moment_tail().search(text, begin, context.clause.end) is not None


#: The values of a request or a want, which a time of the moment scopes (v32).
_ASKED = ("asks", "wants", "would like", "would love", "does not want", "doesn't want", "against")


def _pinned_to_the_moment(text: str, sentences: Sequence[Span], claim: Claim) -> bool:
    """Whether ``claim`` is a request or a want in a sentence scoped to the moment: one that
    ends on a time of the moment or opens on it (``moment_tails``: "Only for this booking, no
    window seat", "Just for today, skip the dessert", "I want to grill burgers tonight"), with
    no standing marker in it ("From now on, ..."). A taste stays; "now" alone scopes no want
    ("Now I want to learn piano" may be a change of mind; v32)."""
    if not claim.value.startswith(_ASKED) or not claim.spans:
        return False
    at = claim.spans[0].start
    sentence = next((s for s in sentences if s.start <= at < s.end), None)
    if sentence is None:
        return False
    said = text[sentence.start : sentence.end]
    if _standing_words().marker.search(said) or _instructions().habitual.search(said):
        return False
    head, tail = _moment_scopes()
    return bool(head.match(said) or tail.search(said.rstrip()) or _occasion_scope().search(said))


@cache
def _occasion_scope() -> re.Pattern[str]:
    """A scope of one occasion anywhere in a sentence (``occasion_scopes``, v53): "For
    Saturday's party ...", "just for this batch", "for the wedding on the 12th"."""
    data = tx.load_lexicon("preferences")
    fills = {
        "occasions": _alternation(data["occasions"]),
        "days": _alternation(data["days"]),
    }
    scopes = [
        re.sub(r"\{(\w+)\}", lambda m: fills[m.group(1)], str(p)) for p in data["occasion_scopes"]
    ]
    return re.compile("|".join(f"(?:{p})" for p in scopes), re.I)


def _moment_tails() -> str:
    """``moment_tails`` but "now" alone, as a regex alternation."""
    tails = tx.load_lexicon("preferences")["moment_tails"]
    return "|".join(t for t in tails if not re.fullmatch(t, "now"))


@cache
def _moment_scopes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``moment_tails`` but "now" alone, opening a sentence ("Just for today, ...") and ending
    it ("... tonight.")."""
    scopes = _moment_tails()
    return (
        re.compile(rf"^\W*(?:{scopes})\b(?!\s+(?:on|onwards?)\b)", re.I),
        re.compile(rf"\b(?:{scopes})\W*$", re.I),
    )


@cache
def _moment_tail() -> re.Pattern[str]:
    tails = tx.load_lexicon("preferences")["moment_tails"]
    return re.compile(r"\b(?:" + "|".join(tails) + r")\W*$", re.I)


#: "and"/"but" after an instruction, and the instructions that may follow it in its clause.
_AND_NEXT = re.compile(r"\s*,?\s*(?:and|but)\s+(?=\S)", re.I)
_COORDINATED = re.compile(r"asks (?:for|to keep|only)\b")


def _comment_at_hand(obj_words: list[str]) -> bool:
    """Whether a judged noun phrase is something at hand (``at_hand``): it opens on a
    demonstrative ("that cake looks amazing"; a bare "that is great" refers back), or on a
    gerund whose object is one ("having that is so cool!", "seeing this is great")."""
    at_hand = lexicon().words["at_hand"]
    if len(obj_words) > 1 and obj_words[0] in at_hand:
        return True
    return len(obj_words) > 1 and tx.is_gerund(obj_words[0]) and obj_words[1] in at_hand


def _guessed(text: str, obj_words: list[str], end: int, clause_end: int) -> bool:
    """Whether a judged "noun phrase" holds a modal and the verb after it is no form of "be":
    a subject and its verb group guessing how something feels ("It must feel good", "Must feel
    great to turn your passion into a career"), not a name ("May is the best month")."""
    if not any(w in tx.english_set("modals") for w in obj_words):
        return False
    following = tx.tokens(text, end, clause_end)[:1]
    return not following or following[0].word not in _question_be()


def _describes(context: _Context, begin: int, match: re.Match[str]) -> bool:
    """Whether a bare "always"/"never" (``habitual_leads``, with no request opener such as
    "please") asks the listener for nothing: before an "-ing" form ("Always staying filled with
    self-belief") or after a statement in the same sentence, whose subject it then describes
    ("They're my little buddies, always calm and peaceful", "Trips like these are great -
    always full of amazing memories"); not after a remark ("Thanks, always cite sources")."""
    text = context.text
    verb = match.groupdict().get("verb")
    opener_end = begin + (match.start("verb") if verb else match.start("obj"))
    opener = tx.tokens(text, begin, opener_end)
    requests = tx.english_set("request_openers")
    if not opener or opener[-1].word not in _always_never():
        return False
    if any(t.word in requests for t in opener):
        return False
    following = tx.tokens(text, opener_end, context.clause.end)[:1]
    if following and tx.is_gerund(following[0].word):
        return True
    if context.index == 0:
        return False
    before = tx.tokens(text, *context.parts[context.index - 1])
    stated = _stated_words()
    return any(t.word in stated for t in before)


def _goes_on_from_speaker(context: _Context, begin: int) -> bool:
    """Whether a bare negation opening a clause ("dont", "don't", "never") goes on from a clause
    of the same sentence whose subject is the speaker (``dropped_subject``), so its subject is
    the speaker too: "im on job sites all day, dont read email" says what the speaker does not
    do, no request to the listener ("asks not to read email"; v39). "Please", "you" or another
    opener keep the request ("I'm busy, please don't call"), as do the speaker as its object
    ("I'm vegan, don't send me meat recipes") and a clause opening the sentence."""
    if context.index == 0:
        return False
    own = tx.load_lexicon("preferences")["dropped_subject"]
    said = [t.word for t in tx.tokens(context.text, begin, context.clause.end)]
    if not said or said[0] not in own["negations"] or any(w in own["objects"] for w in said):
        return False  # "I'm vegan, don't send me meat recipes": the speaker as object asks
    if len(said) < 2 or said[1] not in own["verbs"]:
        return False  # "I'm on a diet, don't add sugar": what the listener would do
    before = [t.word for t in tx.tokens(context.text, *context.parts[context.index - 1])]
    while before and before[0] in own["joining"]:
        before = before[1:]
    return bool(before) and before[0] in own["speakers"]


@cache
def _stated_words() -> frozenset[str]:
    """Words of a statement whose subject a bare "always"/"never" describes: subjects but
    "it"/"that"/"this", and the forms of "be" of a question (``_question_be``)."""
    return (tx.english_set("subject_words") - {"it", "that", "this"}) | _question_be()


def _object_added_to(context: _Context) -> int:
    """The last clause of a request's object: this one, or a later one when the clauses up to
    it only add to the object, a noun phrase after "and"/"or" or a determiner, or a phrase a
    preposition opens ("Please always format dates, | and times, | in ISO 8601"); not a clause
    with a subject, a verb of its own or a remark ("..., and I will check", "..., thanks")."""
    text, parts = context.text, context.parts
    last = context.index
    for at in range(context.index + 1, len(parts)):
        words = tx.tokens(text, *parts[at])
        joined = bool(words) and words[0].word in ("and", "or")
        rest = words[1:] if joined else words
        if not rest or len(rest) > 5 or any(w.word in _subject_words() for w in rest):
            break
        if " ".join(w.word for w in rest) in tx.english_set("remarks"):
            break
        first = rest[0].word
        if first in tx.english_words("coordinators", "adverbs") or first in _verb_words():
            break  # "..., and then ...", "..., and use ...": a second act
        if not (joined or first in tx.english_words("determiners", "prepositions")):
            break
        last = at
    return last


@cache
def _subject_words() -> frozenset[str]:
    """Words that make a clause more than a noun phrase added to an object: the closed words
    but for the articles and ``possessives`` a noun phrase opens with ("the page", "my notes")."""
    return _closed_words() - {"the", "a", "an"} - lexicon().words["possessives"]


def _run_on_claim(
    context: _Context, start: int, last: int, polarity: float, says: str, weight: float
) -> list[Claim]:
    """One request whose object runs from ``start`` to the end of clause ``last``, cited as one
    quote and keyed without the commas between its parts ("format dates and times in iso
    8601")."""
    text = context.text
    span = tx.phrase_span(text, start, context.parts[last].end, lexicon().stops, 12)
    if span is None or _pronoun(text, span):
        return []
    said, cited = _run_on_said(context, span)
    key = tx.normalise_phrase(said)
    return [Claim(key[:80], f"{says} {key}", polarity, weight, [cited])] if key else []


def _run_on_said(context: _Context, span: Span) -> tuple[str, Span]:
    """The words of a request's object that may run on over clauses (``_object_added_to``,
    ``_object_runs_on``), without the commas that set off what is added to it ("dates, and
    times, in ISO 8601": "dates and times in ISO 8601"), and the quote that cites the request:
    from the clause's first word to the object's end."""
    text = context.text
    said = _COMMA_ADDED.sub(" ", text[span.start : span.end])
    return said, Span(tx.opening_words(text, context.clause, 1)[0].start, span.end)


@dataclass(frozen=True, slots=True)
class _StandingWords:
    opener: re.Pattern[str]
    marker: re.Pattern[str]
    asking: frozenset[str]
    verbs: frozenset[str]
    negative: frozenset[str]
    drop: frozenset[str]
    conditions: frozenset[str]
    manner_verbs: frozenset[str]
    manner_starts: frozenset[str]
    generic: frozenset[str]  # verbs dropped from the key ("always use tables" / "tables")
    weight: float
    leading: frozenset[str]  # ``drop`` and "just", "also": skipped before the verb
    acts: frozenset[str]  # ``verbs`` and ``generic``: how the listener may be asked to answer
    #: Words that open an object of its own clause ("explain why this generator never
    #: finishes"): a marker inside it is that clause's, not the request's (v19).
    embedded: frozenset[str] = frozenset()


@cache
def _standing_words() -> _StandingWords:
    data = tx.load_lexicon("preferences")["standing_requests"]
    verbs, drop = frozenset(data["verbs"]), frozenset(data["drop"])
    generic = frozenset(tx.load_lexicon("preferences")["frame_words"]["generic_verbs"])
    return _StandingWords(
        re.compile("|".join(f"(?:{o})" for o in data["openers"]), re.I),
        re.compile("|".join(data["markers"]), re.I),
        frozenset(data["asking_openers"]),
        verbs,
        frozenset(data["negative_markers"]),
        drop,
        frozenset(data["conditions"]),
        frozenset(data["manner_verbs"]),
        frozenset(data["manner_starts"]),
        generic,
        float(data["weight"]),
        drop | {"just", "also"},
        verbs | generic,
        frozenset(data["embedded_openers"]),
    )


def _standing_request(context: _Context) -> list[Claim]:
    """A request to the listener on how to answer that holds beyond this answer
    (``standing_requests`` in preferences.yaml): "please can you answer me always in short
    sentences" (a marker), "I need you to state your uncertainty when the sources disagree" (a
    rule's condition); not "can you fix this?" or "I need you to explain the error"."""
    words, text, clause = _standing_words(), context.text, context.clause
    opening = tx.opening_words(text, clause, 1)
    if not opening:
        return []
    opener = words.opener.match(text, opening[0].start, clause.end)
    if opener is None:
        return []
    tokens = tx.tokens(text, opener.end(), clause.end)
    at = 0
    while at < len(tokens) and tokens[at].word in words.leading:
        at += 1  # "could you always answer ...", "please never ..."
    if at >= len(tokens) - 1 or tokens[at].word not in words.verbs:
        return []
    verb, at = tokens[at], at + 1
    while at < len(tokens) and (
        tokens[at].word in words.drop
        or (tokens[at].word == "to" and at + 1 < len(tokens) and tokens[at + 1].word in words.drop)
    ):
        at += 1  # "answer me always in short sentences", "reply to me in French"
    if at >= len(tokens):
        return []
    lead = text[opener.end() : tokens[at].start]
    last = _object_runs_on(context, words)
    rest_end = context.parts[last].end
    marker = words.marker.search(text, tokens[at].start, rest_end)
    if marker is not None and tokens[at].word in words.embedded:
        marker = None  # "explain why this generator never finishes": the generator's "never"
    if marker is not None:
        rest_end = marker.start()  # "cite sources from now on": the marker is no object
    nxt = context.parts[last + 1] if last + 1 < len(context.parts) else None
    following = tx.tokens(text, *nxt)[:1] if nxt else ()
    marked = bool(words.marker.search(lead)) or marker is not None
    if nxt is not None and following:
        marked = marked or words.marker.match(text, following[0].start, nxt.end) is not None
    standing = marked  # "... always in short sentences", "..., from now on."
    opened = opener.group().lower().split()
    asking = opened[0] in words.asking or (opened[0] == "please" and len(opened) > 1)
    if not standing and not asking and verb.word in words.manner_verbs:
        # A rule's condition, or a manner for the object, makes a standing request.
        condition = bool(following) and following[0].word in words.conditions
        standing = condition or tokens[at].word in words.manner_starts
    if not standing:
        return []
    negative = any(t.word in words.negative for t in tx.tokens(text, opener.start(), rest_end))
    span = tx.phrase_span(text, tokens[at].start, rest_end, lexicon().stops)
    if span is None or _pronoun(text, span) or tokens[at].word in {"it", "this", "that"}:
        return []
    span = _without_listener_place(text, span)
    # "the table, and the query" and "the table and the query" are one object; the quote
    # keeps a relative clause the key leaves out ("..., and the query you used")
    said, _ = _run_on_said(context, _without_relative_clause(text, span))
    _, cited = _run_on_said(context, span)
    phrase = tx.normalise_phrase(said)
    sign = "not" if negative else "always"
    if verb.word in words.generic:
        # the key "I hate tables" and "write in plain English" / "plain English please" share
        key, value = re.sub(r"^in\s+", "", phrase), f"asks {sign} to {verb.word} {phrase}"
    else:
        key = tx.normalise_phrase(f"{verb.word} {said}")
        value = f"asks {sign} to {key}"
    weight = 1.0 if marked else words.weight
    return [Claim(key[:80], value, -1.0 if negative else 1.0, weight, [cited])]


#: A comma before a part added to an object ("dates, and times, in ISO 8601", "the table, and
#: the query"); a comma before a determiner stays ("the source, the page").
_COMMA_ADDED = re.compile(
    r"\s*,\s*(?=(?:and|or|" + tx.word_alternation(tx.english_set("prepositions")) + r")\b)", re.I
)


def _object_runs_on(context: _Context, words: _StandingWords) -> int:
    """The last clause of a request's object: this one, or a later one when the clauses up to
    it only add noun phrases to the object and the marker ends them ("Please cite the table |
    and the query you used next time", "please cite the table, | and the query you used, |
    next time", "please cite the source, | the page | and the date from now on"; the clauses
    cut before "and the", which may open a new subject). Not a new clause: "..., and I will
    check them next time" (a personal subject), "and the answer will be better next time" (a
    verb of its own after the noun)."""
    text, parts, index = context.text, context.parts, context.index
    if words.marker.search(text, *context.clause):
        return index
    finite = tx.english_words("be_forms", "modals")
    last = index
    for at in range(index + 1, len(parts)):
        following = tx.tokens(text, *parts[at])
        if words.marker.match(text, following[0].start if following else parts[at].start):
            return last  # ", next time": the marker's own clause ends the object before it
        marker = words.marker.search(text, *parts[at])
        noun = following[1:] if following and following[0].word in ("and", "or") else following
        if len(noun) < 2 or noun[0].word not in tx.english_set("determiners"):
            break  # "and I ...", "and it ...": a subject of its own
        if any(t.word in finite for t in noun[1:] if marker is None or t.start < marker.start()):
            break
        last = at
        if marker is not None:
            return last
    return index


@dataclass(frozen=True, slots=True)
class _Instructions:
    delivered: re.Pattern[str]  # "(from now on) (please) post the summaries in Slack, not email"
    fragment: re.Pattern[str]  # "(remember:) Slack, not email, for the summaries please"
    channelled: re.Pattern[str]  # "please email me the invoice" (v23)
    addressed: re.Pattern[str]  # "(as always,) invoice by email please" (v23)
    formatted: re.Pattern[str]  # "could you give me the data as JSON instead of CSV?" (v26)
    fronted: re.Pattern[str]  # "instead of CSV, parquet please from now on" (v27)
    channels: frozenset[str]
    aspects: frozenset[str]
    forms: dict[str, str]  # an answer form -> its one name ("chart" -> charts; v23)
    places: dict[str, str]  # a place of delivery -> its one name ("work" -> office; v23)
    channel_verbs: dict[str, str]  # "email" (me the invoice) -> email (v23)
    plurals: dict[str, str]  # a deliverable in either number -> its plural
    singulars: frozenset[str]  # the deliverables in the singular
    moment: frozenset[str]  # "today's", "this": one delivery pinned to the moment
    habitual: re.Pattern[str]  # "as always", "like usual", "again" (v23)
    reason: re.Pattern[str]  # "easier for me to read", "I learn better that way" (v23)
    weight: float
    formats: frozenset[str] = frozenset()  # file formats, by their one name (v26)
    shorts: dict[str, str] = dataclasses.field(default_factory=dict)  # "pies" -> pie charts
    chart_words: re.Pattern[str] | None = None  # "chart", "graph": short forms name charts


@cache
def _instructions() -> _Instructions:
    """``standing_instructions`` in preferences.yaml as the sentence patterns."""
    data = tx.load_lexicon("preferences")
    own, words = data["standing_instructions"], data["frame_words"]
    channels, aspects = frozenset(words["channels"]), frozenset(words["answer_aspects"])
    forms = {str(k): str(v) for k, v in own["answer_forms"].items()}
    places = {str(k): str(v) for k, v in own["delivery_places"].items()}
    channel_verbs = {str(k): str(v) for k, v in own["channel_verbs"].items()}
    plurals = {str(k): str(k) for k in own["deliverables"]}
    plurals |= {str(v): str(k) for k, v in own["deliverables"].items()}
    moment = [str(w) for w in own["moment_words"]]
    to = tx.word_alternation(own["places"])
    shorts = {str(k): str(v) for k, v in own["chart_short_forms"]["forms"].items()}
    things = tx.word_alternation(channels | aspects | set(forms) | set(places) | set(shorts))
    habitual = "|".join(own["habitual"])
    markers = "|".join([*data["standing_requests"]["markers"], habitual])
    heading = r"(?:[^.!?:;\n]{1,60}?\s[-–—]\s+)?"  # "Emergency fund check-in again - "
    asking = r"(?:(?:could|can|would|will)\s+(?:you|u|someone|somebody|anyone)\s+)?"
    opening = rf"^\W*{heading}(?:(?:{tx.word_alternation(own['openers'])})\W+)*{asking}"
    lead = r"(?P<lead>(?:" + "|".join(own["leads"]) + r")\s*,?\s*)?"
    please = r"(?P<please>(?:please|pls|plz)\s+)?(?:(?:always|only|just)\s+)?"
    owner = r"(?:(?:a|an|the|my|our)\s+)?(?:usual\s+)?"  # "the usual spreadsheet" (v26)
    noun = tx.word_alternation(own["delivery_nouns"])
    thing = rf"(?P<said>{owner}(?P<obj>{things}))(?:\s+(?:{noun}))?(?![\w'’-])"
    also = rf"(?:\s+(?:with|and)\s+{owner}(?P<also>{things})(?![\w'’-]))?"
    detail = r"(?P<detail>\s*,?\s*(?:in|on|to|via)\s+#[\w.-]+)?"
    # "... instead of texting (them)": a channel's verb in -ing on the other side (v32)
    gerunds = tx.word_alternation(w for w in data["channel_names"]["frames"] if w.endswith("ing"))
    objects = r"(?:it|them|me|us|these|those|this|that)"
    contrast = (
        r"\s*,?\s*\(?\s*(?P<contrast>instead\s+of|rather\s+than|not|never)\s+"
        rf"(?:(?:{to}|my|our)\s+)*(?P<other>(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?P<counter>{things})"
        rf"(?:\s+(?:{noun}))?(?![\w'’-])|(?P<cverb>{gerunds})(?:\s+{objects})?(?![\w'’-]))"
        r"(?P<over>\s+(?:anymore|any\s+more|any\s+longer))?\s*\)?"
    )
    aside = rf"\s*,?\s*\(?\s*not\s+(?:{to}|at)\s+[\w\s-]{{1,30}}?\)?(?=\W*$|\s*,)"
    pinned = tx.word_alternation([*moment, "all the", "all", "any", "every", "each"])
    deliverable = (
        rf"(?P<deliverable>(?:(?P<det>{pinned}|the|my|our|your|these|those)\s+)?"
        rf"(?:[\w-]+\s+){{0,2}}?(?P<noun>{tx.word_alternation(plurals)})(?![\w'’-]))"
    )
    topic = r"(?:\s*,?\s*(?:for|of|about|on)\s+[^,.!?;:]+?)?"
    tail = rf"(?:\s*,?\s*(?:{markers}|please|pls|plz|thanks|thank you|thx|ty))*[\s\W]*$"
    verbs = tx.word_alternation(own["verbs"])
    pointed = rf"(?:(?P<pointed>it|this|that|them|these|those)\s+(?:{to})\s+|(?:{to})\s+)?"
    delivered = (
        rf"{opening}{lead}{please}(?P<verb>{verbs})\s+(?:(?:me|us)\s+)?"
        rf"(?:{deliverable}\s+(?:{to})\s+|{pointed}){thing}{also}{detail}(?:{contrast})?{topic}"
        rf"{tail}"
    )
    pleased = (  # "a spreadsheet would be lovely" (v26)
        rf"(?:\s+(?:{tx.word_alternation(own['would_please'])})\s+"
        rf"(?:{tx.word_alternation(own['pleasing'])})(?![\w'’-]))?"
    )
    fragment = (
        rf"{opening}{lead}{please}{thing}{detail}{pleased}(?:\s*,?\s*(?:please|pls|plz))?"
        rf"(?:\s*,\s*(?:{habitual}))?(?:{contrast}"
        rf"(?:\s*,?\s*(?:for|with)\s+{deliverable})?)?{tail}"
    )
    # "Instead of CSV, parquet please from now on": the other side put first (v27)
    fronted = (
        rf"{opening}{lead}(?P<contrast>instead\s+of|rather\s+than)\s+"
        rf"(?P<other>(?:(?:a|an|the)\s+)?(?P<counter>{things}))(?:\s+(?:{noun}))?\s*,\s*"
        rf"{please}{thing}(?:\s*,?\s*(?:please|pls|plz))?{tail}"
    )
    # "text me the codes rather than emailing them": any thing, read only against a channel's
    # verb in -ing with "me" before it (v33)
    sent = (
        r"(?P<sent>(?:(?:the|my|our|your|these|those|all\s+the|all|any)\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?P<thing>[\w-]+))"
    )
    channelled = (
        rf"{opening}{lead}{please}(?P<chverb>{tx.word_alternation(channel_verbs)})\s+"
        rf"(?P<me>(?:me|us)\s+)?(?:{deliverable}|(?P<pointed>{objects[3:-1]})|{sent})?"
        rf"(?:{contrast})?{tail}"
    )
    addressed = (
        rf"{opening}{lead}{please}{deliverable}\s+(?:{to})\s+{thing}"
        rf"(?:\s*,?\s*(?:please|pls|plz))?(?:{contrast}|{aside})?{tail}"
    )
    # "Could you give me the data as JSON instead of CSV?": any thing sent in a form, which
    # stands only as a choice of file formats or with a marker (v26)
    getting = r"(?P<getting>(?:can|could|may)\s+(?:i|we)\s+(?:get|have)\s+)"
    formatted = (
        rf"{opening}{lead}{please}(?:(?P<fverb>{verbs}|export|save|get)\s+(?:(?:me|us)\s+)?|"
        rf"{getting}){owner}(?:[\w'’-]+\s+){{0,3}}?as\s+{thing}(?:{contrast})?{topic}{tail}"
    )
    return _Instructions(
        re.compile(delivered, re.I),
        re.compile(fragment, re.I),
        re.compile(channelled, re.I),
        re.compile(addressed, re.I),
        re.compile(formatted, re.I),
        re.compile(fronted, re.I),
        channels,
        aspects,
        forms,
        places,
        channel_verbs,
        plurals,
        frozenset(own["deliverables"].values()),
        frozenset(moment),
        re.compile(habitual, re.I),
        re.compile("|".join(own["reasons"]), re.I),
        float(own["weight"]),
        frozenset(own["file_formats"]),
        shorts,
        re.compile(tx.word_alternation(own["chart_short_forms"]["chart_words"]), re.I),
    )


def _standing_instruction(text: str, sentence: Span) -> list[Claim]:
    """A standing instruction on where or in what form the listener delivers
    (``standing_instructions`` in preferences.yaml): the thing chosen, and the other side
    against it, keyed by what is delivered when it is named ("From now on post the summaries in
    Slack, not email": for ``slack for summaries``, against ``email for summaries``; "Please
    give me a checklist instead of paragraphs": ``checklist``, ``paragraphs``). Nothing for one
    delivery of the moment ("please post today's summary in slack, not email"), a bare
    fragment ("Slack, not email.") or sides of two kinds (v22). A request marked as habitual
    ("as always", "like usual", "again") or followed by a reason about the speaker ("easier
    for me to read") is standing, a question too; a place of delivery needs such a word, a
    lead, a marker or "anymore" (v23)."""
    words = _instructions()
    said, comma = _without_reason(text, sentence)
    match = None
    patterns = (words.delivered, words.fragment, words.channelled, words.addressed)
    for request in (said, _without_aside(said)):
        for pattern in (*patterns, words.formatted, words.fronted):
            match = match or pattern.match(request)
        if match is not None:
            said = request
            break
    if match is None:
        return []
    found = match.groupdict()
    if (
        found.get("chverb")
        and not found.get("cverb")
        and (not (found.get("me") and found.get("deliverable")) or found.get("counter"))
    ):
        return []  # "email me the invoice" as before; "email instead of texting" below
    if found.get("sent") and not (found.get("me") and found.get("cverb")):
        return []  # "email me the doc", "post it in Slack instead of emailing it" as before
    if found.get("sent"):  # "text me the codes rather than emailing them": for codes (v33)
        thing = found["thing"].lower()
        found["deliverable"], found["noun"] = found["sent"], thing
        plural = thing.endswith("s") and not thing.endswith(("ss", "us", "is"))
        found["det"] = found.get("det") if plural else "this"  # "the code": this one
    if found.get("cverb"):  # "email the reminders instead of texting": text messages (v32)
        found["counter"] = found["other"] = _channel_name(found["cverb"].lower(), frame=True)
    marked = (
        bool(found.get("lead"))
        or _standing_words().marker.search(said) is not None
        or words.habitual.search(said) is not None
        or _reason_given(text, sentence, comma)
        or bool(found.get("over"))
    )
    if found.get("chverb"):
        sides = [("channel", words.channel_verbs[found["chverb"].lower()])]
    else:
        sides = [_instruction_side(found.get("obj") or "")]
    if found.get("counter"):
        sides.append(_instruction_side(found.get("counter")))
    if len({kind for kind, _ in sides}) > 1:
        return []  # "use tables, not email": no choice between two of a kind
    if len(sides) > 1 and sides[0] == sides[1]:
        return []  # "email me the receipts instead of mailing them": no choice of channel
    if not _charts_meant(said, [found.get("obj"), found.get("counter")], words):
        return []  # "Pies please, as usual": a short form names a chart only among charts
    # "Could you send it as a PDF instead of a spreadsheet?": a file format chosen over another
    # is what the person's tools take, beyond this file, unless pinned to the moment (v26)
    formats = len(sides) > 1 and all(name in words.formats for _, name in sides)
    standing = marked or (formats and _moment_tail().search(said.rstrip(" ?!.")) is None)
    if said.rstrip().endswith("?") and not standing:
        return []  # "can you post the summaries in Slack instead of email?" asks once
    kind = sides[0][0]
    if kind == "place" and not marked:
        return []  # "please deliver to my office instead of home": maybe this parcel only
    noun = ((found.get("deliverable") and found["noun"]) or "").lower()
    det = (found.get("det") or "").lower()
    pinned = bool(noun) and (
        det in words.moment or (noun in words.singulars and det not in ("every", "each", "all"))
    )
    if not standing and found.get("pointed"):
        return []  # "Post it in Slack, not email": this one thing
    if not standing and (pinned or not found.get("counter")):
        return []  # "please post today's summary in slack, not email": this one delivery
    asked = found.get("please") or _PLEASE.search(said)
    verb = found.get("verb") or found.get("fverb") or found.get("getting")
    if not (marked or verb or asked or noun or formats):
        return []  # "Slack, not email." may answer a question; "Parquet, not CSV." stands (v27)
    if found.get("also") and (extra := _instruction_side(found.get("also") or ""))[0] == kind:
        sides.insert(1, extra)  # "explain step by step with screenshots": both asked for
    made = words.plurals.get(noun, noun) if kind != "place" else ""
    keys = [_instruction_key(name, kind, made) for _, name in sides]
    value, chosen, other = _instruction_value(found, sides, made)
    weight = 1.0 if marked else words.weight
    spans = [_quoted(text, sentence, said)]
    against = len(sides) - (1 if found.get("counter") else 0)
    return [
        Claim(key[:80], value, 1.0, weight, spans)
        if at < against
        else Claim(key[:80], _against(chosen, other), -1.0, weight, spans)
        for at, key in enumerate(keys)
    ]


def _habitual_request(text: str, sentence: Span) -> list[Claim]:
    """A request for a thing marked as what the person always asks for (``habitual_requests``:
    "Window seat please, as usual", "As always, a vegetarian meal please", "An aisle seat
    would be great, as always", "The usual hotel near the station please"): for the thing, as
    a standing instruction is (v26). It must ask ("please", "would be great"): "Busy as
    always!" and "Late again, as usual" describe; a verb, a pronoun or a clause is no thing
    ("Please help me as always"). "Again" marks it so when the speaker says it worked
    ("night-before reminders again pls, that worked"; v39): "Pizza again please" orders."""
    found = _habitual_pattern().match(text, sentence.start, sentence.end)
    if found is None or not any(found.group(g) for g in ("please", "please2", "pleased")):
        return []
    again = found.group("again") and found.group("worked")  # "X again pls, that worked" (v39)
    if not (found.group("lead") or found.group("usual") or found.group("habit") or again):
        return []
    words = found.group("obj").lower().split()
    if words[0] in _verb_words() or words[0] == "no":
        return []  # "please help me as always"; "no onions please" is a frame's
    if any(w in _closed_words() or w in lexicon().words["pronouns"] for w in words):
        return []
    span = tx.phrase_span(text, found.start("obj"), found.end("obj"), lexicon().stops)
    cited = [_quoted(text, sentence)]
    return _claim(text, span, 1.0, "asks for", 1.0, cited)


def _never_fragment(text: str, sentence: Span) -> list[Claim]:
    """A choice put as two bare noun phrases with "never" between them (``never_fragments``:
    "Aisle, please, never the middle seat", "Oat milk, never dairy", "Window seat, never the
    aisle"): "never" makes it standing, so it is for the first and against the second, for any
    thing (v27). Not a verb or a clause on either side ("Use tabs, never spaces" is the frames';
    "Honestly, never again", "Sorry, never mind"), nor a question."""
    found = _never_pattern().match(text, sentence.start, sentence.end)
    if found is None or text[sentence.start : sentence.end].rstrip().endswith("?"):
        return []
    sides = []
    for group in ("obj", "counter"):
        words = tx.normalise_phrase(found.group(group)).split()
        if not words or words[0] in _verb_words() or tx.is_gerund(words[0]):
            return []
        if any(w in _closed_words() or w in lexicon().words["pronouns"] for w in words):
            return []
        if any(w in _never_words()["skip"] for w in words):
            return []
        sides.append(_side_key(" ".join(words)))
    chosen = f"asks for {sides[0]}, never {sides[1]}"
    cited = [_quoted(text, sentence)]
    weight = float(_never_words()["weight"])
    return [
        Claim(sides[0][:80], chosen, 1.0, weight, cited),
        Claim(sides[1][:80], _against(f"asks for {sides[0]}", sides[1]), -1.0, weight, cited),
    ]


def _never_words() -> dict:
    return dict(tx.load_lexicon("preferences")["never_fragments"])


@cache
def _never_pattern() -> re.Pattern[str]:
    own = _never_words()
    side = r"[\w'’-]+(?:\s+[\w'’-]+){0,3}?"
    asides = "|".join(own["asides"])
    return re.compile(
        rf"\W*(?P<obj>{side})\s*,\s*(?:(?:{asides})\s*,\s*)?"
        rf"(?:{tx.word_alternation(own['markers'])})\s+(?P<counter>{side})"
        rf"(?:\s*,?\s*(?:{asides}))?[\s\W]*$",
        re.I,
    )


#: A bare number, and a phrase opening on a number with its unit ("90-day supply": ``rest``
#: "-day supply"), as ``_choice_fragment`` reads a side given as a bare number (v35).
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_RATED = ("rates ", "does not rate ")
_NUMBER_UNIT = re.compile(r"\d+(?:[.,]\d+)?(?P<rest>(?:-|\s+)[^\W\d].*)")


def _choice_fragment(text: str, sentence: Span, following: list[Span]) -> list[Claim]:
    """A choice of two noun phrases joined by a contrast, or a standing choice said to change
    (``choice_fragments``): "Metric units, not cups." and "Bullet points over paragraphs,
    always" are for the first side and against the other, for any thing; "Going forward, weekly
    digests rather than daily ones", "Switch me to the vegetarian menu from now on, no more
    meat dishes" and "I used to want PDFs, but from now on send Word files instead" likewise, at
    full weight, so an earlier choice of the other side ends (v29). "Not X." as the next
    sentence is the other side ("The aisle, as ever. Not the middle."). A bare choice (no lead,
    mark, verb or "please") comes back with a negative weight: ``preference_claims`` drops it
    in a reply to a question and makes it positive otherwise."""
    own = _choice_words()
    said = text[sentence.start : sentence.end]
    end = sentence.end
    if following and (nxt := own["next_not"].match(text, following[0].start, following[0].end)):
        said, end = f"{said.rstrip().rstrip('.!')}, not {nxt.group('side')}", following[0].end
    said = _without_aside(said)
    if said.rstrip().endswith("?") or own["one_off"].search(said):
        return []  # "Tea instead of coffee, just this once"; "Is it parquet over CSV?"
    if found := _choice_in(text, sentence, said, end, own):
        return found
    scoped = _unscoped(said, own)  # only once the sentence as said reads no choice (v45)
    if scoped and _moment_word().search(said) and not own["standing"].search(said):
        return []  # "For the practice problems today, hints only please": of the moment (v32)
    for each in scoped:
        if found := _choice_in(text, sentence, each, end, own, True):
            return found
    return []


@cache
def _moment_word() -> re.Pattern[str]:
    """A time of the moment anywhere in a sentence (``moment_tails`` but "now" alone, as
    ``_moment_scopes``): a request framed by a scope that holds one is a one-off (v45)."""
    return re.compile(rf"\b(?:{_moment_tails()})\b", re.I)


def _choice_in(
    text: str, sentence: Span, said: str, end: int, own: dict, scoped: bool = False
) -> list[Claim]:
    """The choice of ``_choice_fragment`` in ``said``, the sentence (to ``end``) as said or
    without its scope (``scoped``: then a side with a past form after its first word is a
    clause that tells, no thing asked for: "During the storm, the roof leaked, not the
    windows")."""
    found = None
    for pattern in own["own_patterns"]:
        if (found := pattern.match(said)) is not None:
            return _said_choice(text, sentence, said, found.groupdict(), own)
    for pattern in own["patterns"]:
        found = pattern.match(said)
        if found is not None:
            break
    if found is None:
        return []
    groups = found.groupdict()
    if groups.get("routed") and not (groups.get("lead") or groups.get("lead2")):
        return []  # "Taxes go to the state, not the city": how things are, no choice
    if groups.get("counter") is None and groups.get("only"):
        return _only_choice(text, sentence, said, groups, own)
    if groups.get("counter") is None:
        return _switched(text, sentence, said, groups, own)
    sides = []
    for group in ("obj", "counter"):
        words = tx.normalise_phrase(groups[group]).split()
        if group == "counter" and len(words) == 1 and _NUMBER.fullmatch(words[0]):
            # "90-day supply, not 30": the bare number is of the first side's unit (v35)
            if not (unit := _NUMBER_UNIT.match(" ".join(sides[0]))):
                return []  # "Tea, not 2"
            words = f"{words[0]}{unit.group('rest')}".split()
        if not words or words[0] in _verb_words():
            return []  # "Use tabs, never spaces" is the frames'
        if scoped and any(tx.is_past(w) for w in words[1:]):
            return []  # "..., the meeting moved to Tuesday, not Monday": what happened
        if len(words) > 1 and words[1] in own["verb_marks"]:
            return []  # "Please deliver to my office instead of home": a verb phrase
        if tx.is_gerund(words[0]) and (len(words) == 1 or words[1] in own["function"]):
            return []  # "instead of waiting", "rather than going to the gym": an act
        if any(w in own["closed"] or w in own["skip"] for w in words):
            return []  # "Thanks, not now"; "I'd rather you, not him"
        verbs = _verb_words() | _known()
        if any(w in _verb_words() or (w.endswith("s") and w[:-1] in verbs) for w in words[:-1]):
            return []  # "My boss wants charts, not tables" reports
        sides.append(words)
    for at in (0, 1):  # "direct one" over "connecting flight": direct flight
        other = sides[1 - at]
        if other[-1] not in ("one", "ones"):
            sides[at] = [other[-1] if w in ("one", "ones") else w for w in sides[at]]
    if any(w in ("one", "ones") for words in sides for w in words):
        return []
    obj, counter = (_side_key(" ".join(words)) for words in sides)
    if obj == counter:
        return []
    contrast = " ".join(groups["contrast"].strip(" ,").lower().split())
    marked = bool(groups.get("lead") or groups.get("lead2") or groups.get("switch"))
    marked = marked or bool(groups.get("used")) or own["standing"].search(said) is not None
    asked = bool(groups.get("verb") or _PLEASE.search(said))
    if contrast == "over" and not (marked or asked):
        return []  # "A walk over the bridge": a preposition
    if contrast == "no more" and not (marked or asked):
        return []  # "No more questions, the answer is clear"
    weight = 1.0 if marked else float(own["weight"])
    chosen = f"asks for {obj}"
    contrast = contrast.lstrip("( ")  # "app push pls (not texts)"
    link = "not" if contrast in ("not", "no more", "no") else contrast
    link = "instead of" if link == "but" else link  # "I used to want X, but ... Y"
    value = f"{chosen}, not {counter}" if link == "not" else f"{chosen} {link} {counter}"
    while end > sentence.start and not text[end - 1].isalnum():
        end -= 1  # the quote ends on its last word
    cited = [Span(sentence.start + _first_word(text[sentence.start : end]), end)]
    sign = 1.0 if (marked or asked) else -1.0  # a bare choice: kept unless it answers a question
    return [
        Claim(obj[:80], value, 1.0, sign * weight, cited),
        Claim(counter[:80], _against(chosen, counter), -1.0, sign * weight, list(cited)),
    ]


def _instead_request(text: str, sentence: Span, before: Span | None) -> list[Claim]:
    """An imperative ending on "instead" after a sentence that asks the listener not to do a
    thing is what the speaker asks for in its place (``instead_requests``; v39): "Please don't
    ping me for every request. Batch them into one digest at 5pm instead." reads "asks instead
    to batch them into one digest at 5pm", the other half of the request, not only "asks not
    to ping". Not a statement ("I'll email them instead", "We can meet instead"), a question or
    one without the refusal before it ("Use a pencil instead")."""
    if before is None:
        return []
    own = _instead_words()
    found = own["said"].match(text, sentence.start, sentence.end)
    if found is None or not own["refused"].match(text, before.start, before.end):
        return []
    words = tx.normalise_phrase(found.group("act")).split()
    if len(words) < 2 or words[0] in own["not_verbs"] or tx.is_gerund(words[0]):
        return []  # "I'll email them instead", "Maybe tomorrow instead"
    key = " ".join(words)
    cited = [_quoted(text, sentence)]
    return [Claim(key[:80], f"asks instead to {key}", 1.0, float(own["weight"]), cited)]


@cache
def _instead_words() -> dict:
    own = tx.load_lexicon("preferences")["instead_requests"]
    refusals = "|".join(map(re.escape, own["refusals"]))
    return {
        "said": re.compile(
            r"\W*(?:(?:please|pls|plz|just|and|so)\s+)*"
            r"(?P<act>[^\W\d][\w'’-]*(?:\s+[^\s?!.]+)+?)"
            r"\s+instead(?:\s*,?\s*(?:please|pls|plz|thanks))?[.!]*\s*$",
            re.I,
        ),
        "refused": re.compile(rf"\W*(?:{refusals})\s", re.I),
        "not_verbs": frozenset(own["not_verbs"])
        | tx.english_set("subject_words")
        | lexicon().words["pronouns"]
        | _closed_words(),
        "weight": own["weight"],
    }


def _said_choice(text: str, sentence: Span, said: str, groups: dict, own: dict) -> list[Claim]:
    """The choices ``choice_fragments`` reads in a form of their own (v39): a channel as the
    verb against another ("and text me, not email"), "X works better for me than Y", "keep it
    to X", and a day of the week required or asked for ("The inspection has to be on a
    Saturday", "Saturday, please")."""
    cited = [_quoted(text, sentence, said)]
    if groups.get("day"):
        day = groups["day"].lower()
        weight = own["arrangement_weight"]
        if groups.get("what"):
            what = " ".join(tx.normalise_phrase(groups["what"]).split())
            if not what or what.split()[0] in own["closed"]:
                return []
            return [Claim(day, f"needs the {what} on a {day}", 1.0, weight, cited)]
        return [Claim(day, f"asks for {day}", 1.0, weight, cited)]
    words = tx.normalise_phrase(groups["obj"]).split() if groups.get("obj") else []
    if groups.get("want") and groups["obj"].split()[0].lower() not in ("a", "an"):
        return []  # "I want hints, not the full solution" is the frames'
    if groups.get("kept"):
        if not words or any(w in own["keep_to_skip"] or w in own["closed"] for w in words):
            return []  # "keep it to yourself", "keep it to a minimum"
        if words[0] in _verb_words() or tx.is_gerund(words[0]):
            return []
        key = _side_key(" ".join(words))
        return [Claim(key[:80], f"asks to keep it to {key}", 1.0, float(own["weight"]), cited)]
    if groups.get("place"):  # "send updates to my inbox": by email
        obj = str(own["channel_places"][" ".join(groups["place"].lower().split())])
    elif groups.get("channel"):
        obj = str(own["channel_verbs"][groups["channel"].lower()])
        if groups.get("what") and groups["what"].lower() in own["closed"]:
            return []
    else:
        if not words or words[0] in _verb_words() or any(w in own["closed"] for w in words):
            return []  # "That works better for me than ..."
        obj = _side_key(" ".join(words))
    if groups.get("counter") is None:  # "text me updates"
        chosen = f"asks to be contacted by {obj}"
        return [Claim(obj[:80], chosen, 1.0, float(own["weight"]), cited)]
    counter_words = tx.normalise_phrase(groups["counter"]).split()
    if counter_words[:1] in (["by"], ["via"], ["over"]):
        counter_words = counter_words[1:]  # "..., not by text"
    if not counter_words or any(w in own["closed"] or w in own["skip"] for w in counter_words):
        return []
    if any(w in ("one", "ones") for w in [*words, *counter_words]):
        return []  # "I want a new phone, not this one": the thing at hand
    counter = " ".join(counter_words)
    channels = groups.get("channel") is not None or groups.get("place") is not None
    counter = _channel_name(counter, frame=channels)
    counter = _side_key(counter)
    if obj == counter:
        return []
    if groups.get("better"):
        better = " ".join(groups["better"].lower().split())
        chosen = f"finds {obj} {better} than {counter}"
        return [
            Claim(obj[:80], chosen, 1.0, 1.0, cited),
            Claim(counter[:80], _against(f"finds {obj} {better}", counter), -1.0, 1.0, list(cited)),
        ]
    chosen = f"asks to be contacted by {obj}"
    weight = float(own["weight"])
    link = " ".join(groups["contrast"].strip(" ,(").lower().split())
    link = ", not" if link in ("not", "no more") else f" {link}"
    if groups.get("want"):  # "I want a human adjuster ..., not a video call"
        chosen, weight = f"{groups['want'].lower()}s {obj}", own["want_weight"]
    return [
        Claim(obj[:80], f"{chosen}{link} {counter}", 1.0, weight, cited),
        Claim(counter[:80], _against(chosen, counter), -1.0, weight, list(cited)),
    ]


def _only_choice(text: str, sentence: Span, said: str, groups: dict, own: dict) -> list[Claim]:
    """ "sms only pls", "Generic only, as usual", "Local first, always": the one thing asked
    for, as a choice of it over the rest; only asked ("please") or marked as standing: "Email
    only." and "Cash only." may answer or describe (v34)."""
    words = tx.normalise_phrase(groups["obj"]).split()
    if not words or words[0] in _verb_words() or tx.is_gerund(words[0]):
        return []
    if any(w in own["closed"] or w in own["skip"] for w in words):
        return []  # "me only", "once only"
    key = _side_key(" ".join(words))
    marked = bool(groups.get("lead")) or own["standing"].search(said) is not None
    asked = bool(groups.get("verb") or _PLEASE.search(said))
    cited = [_quoted(text, sentence, said)]
    if not (marked or asked):
        return []  # "Email only." may answer or describe; "sms only pls" asks
    weight = 1.0 if marked else float(own["weight"])
    said_as = groups["only"].lower()  # "sms only", "Local first, always"
    return [Claim(key[:80], f"asks for {key} {said_as}", 1.0, weight, cited)]


def _switched(text: str, sentence: Span, said: str, groups: dict, own: dict) -> list[Claim]:
    """ "Switch me to decaf from now on": a standing choice said as a change, for the thing.
    Only with a lead or a standing mark: "switch me to the next page" asks once (v29)."""
    words = tx.normalise_phrase(groups["obj"]).split()
    if not (groups.get("lead") or own["standing"].search(said)):
        return []
    if groups.get("verb") and not groups.get("lead"):
        return []  # "give me the bill, as always": a lead makes an asking verb a change (v34)
    if not words or words[0] in _verb_words() or tx.is_gerund(words[0]):
        return []
    pointing = lexicon().words["pronouns"]
    if words[0] in own["closed"] or any(w in own["skip"] or w in pointing for w in words):
        return []  # "switch me to it from now on"
    key = _side_key(" ".join(words))
    cited = [_quoted(text, sentence, said)]
    return [Claim(key[:80], f"asks for {key}", 1.0, 1.0, cited)]


@cache
def _choice_words() -> dict:
    """``choice_fragments`` in preferences.yaml as the patterns of ``_choice_fragment``."""
    own = dict(tx.load_lexicon("preferences")["choice_fragments"])
    leads = "|".join(own["leads"])
    switches = "|".join(own["switches"])
    verbs = "|".join(own["verbs"])
    marks = "|".join([*own["standing"], *own["leads"], *own["polite"]])
    # A side may open on a number with its unit ("90-day supply", "2 litres"); the other
    # side may then be its bare number, of the same unit ("90-day supply, not 30"; v35).
    side = (
        r"(?:(?:a|an|the|my|our)\s+)?(?:\d+(?:[.,]\d+)?(?:-|\s+)(?=[^\W\d]))?"
        r"[^\W\d][\w'’-]*(?:\s+[\w'’-]+){0,4}?"
    )
    counter_side = rf"(?:{side}|\d+(?:[.,]\d+)?(?![\w'’-]))"
    run = rf"(?:\s*[,;:]?\s*(?:{marks})(?![\w'’-]))*"
    lead = rf"(?:(?P<lead>{leads})\s*,?\s*)?"
    lead2 = rf"(?:(?P<lead2>{leads})\s*,?\s*)?"
    adverbs = "|".join(own["verb_adverbs"])
    # "pay it by bank transfer": a verb of paying or sending with its means (v39)
    means = (
        rf"(?:{'|'.join(own['means_verbs'])})"
        r"(?:\s+(?:it|them|me|us|(?:the|my|our)\s+[^\W\d][\w'’-]*))?"
        rf"\s+(?:{'|'.join(own['means_prepositions'])})"
    )
    asking = rf"(?:(?:please|pls|plz)\s+)?(?:(?:{adverbs})\s+)?"
    # "from now on repairs go to my mechanic": where a kind of thing goes, after a lead (v39)
    routed = (
        rf"(?P<routed>(?:(?:the|my|our|all)\s+)?[^\W\d][\w'’-]*\s+"
        rf"(?:{'|'.join(own['routed_verbs'])})\s+to)"
    )
    asking += rf"(?:(?P<switch>{switches})\s+|(?P<verb>{verbs}|{means}|{routed})\s+)?"
    asking += r"(?:(?:please|pls|plz)\s+)?"
    # "give me the diff not the whole file": "not" without its comma, unless a degree or a
    # state follows it ("a curry not too spicy"; ``bare_not_skip``, v47)
    bare_not = rf"\s+not(?=\s+(?!{tx.word_alternation(own['bare_not_skip'])}\b))"
    contrast = (
        r"(?P<contrast>\s*,\s*not|\s*\(\s*not|\s+over|\s*,?\s*rather\s+than"
        rf"|\s*,?\s*instead\s+of|\s*[,;]\s*no\s+more|{bare_not})"
    )
    end = r"[\s\W]*$"
    # what the choice is for ("Wooden crates over plastic tubs for the compost, please") and a
    # reason after it about the speaker ("Paper invitations rather than e-vites, my gran
    # doesn't do email") end the choice (v34)
    purpose = (
        r"(?:\s+(?:for|in|with|on|at)\s+(?:(?:the|my|our|a|an)\s+)?"
        r"[^\W\d][\w'’-]*(?:\s+[\w'’-]+)?)?"
    )
    reasons = "|".join(own["reason_openers"])
    reason = rf"(?:\s*[,;]\s*(?:{reasons})(?![\w'’-])[^.!?]*)?"
    forward = (
        rf"^\W*{lead}{asking}(?P<obj>{side}){run}{contrast}\s+(?P<counter>{counter_side})"
        rf"{purpose}{run}{reason}{end}"
    )
    # "my own mechanic, Tony on 5th st, not the network shop": the speaker's own one, named
    # after a comma (v39)
    named = (
        rf"^\W*{lead}{asking}(?P<obj>(?:my|our)\s+[^\W\d][\w'’-]*(?:\s+[\w'’-]+){{0,3}}?)"
        r"(?P<named>\s*,\s*(?-i:[A-Z])[\w'’-]*(?:\s+[\w'’-]+){0,3}?)"
        rf"{run}{contrast}\s+(?P<counter>{counter_side}){purpose}{run}{reason}{end}"
    )
    # "push only, no sms", "sms only pls": the one thing, and the other side after "no" (v34)
    only = (
        rf"^\W*{lead}{asking}(?P<obj>{side})(?:\s+|-)(?P<only>only|first(?=\s*[,;]\s*always)){run}"
        rf"(?:(?P<contrast>\s*[,;(]\s*(?:no|not))\s+(?P<counter>{side}){run})?{end}"
    )
    fronted = (
        rf"^\W*{lead}(?P<contrast>instead\s+of|rather\s+than|no\s+more)\s+(?P<counter>{side})"
        rf"\s*,\s*{lead2}{asking}(?P<obj>{side}){run}{end}"
    )
    used = (
        rf"^\W*(?P<used>i\s+used\s+to\s+(?:{'|'.join(own['used_to'])}))\s+(?P<counter>{side})"
        rf"\s*,?\s*(?P<contrast>but)\s+(?:now\s*,?\s*)?{lead}{asking}(?P<obj>{side}){run}{end}"
    )
    # "and text me, not email": the channel as the verb, against another channel (v39)
    joining = "|".join(own["joining"])
    channel = (
        rf"^\W*(?:(?:{joining})\s*,?\s+)?{lead}(?:(?:please|pls|plz)\s+)?(?:(?:{adverbs})\s+)?"
        rf"(?P<channel>{'|'.join(map(re.escape, own['channel_verbs']))})\s+(?:me|us)"
        rf"(?:\s+(?:the\s+)?(?P<what>[\w'’-]+))?{run}{contrast}\s+(?P<counter>{side})"
        rf"{run}{reason}{end}"
    )
    # "text me updates": the channel as the verb, sending what recurs (v39)
    recurring = "|".join(map(re.escape, own["recurring"]))
    channel_alone = (
        rf"^\W*(?:(?:{joining})\s*,?\s+)?{lead}(?:(?:please|pls|plz)\s+)?(?:(?:{adverbs})\s+)?"
        rf"(?P<channel>{'|'.join(map(re.escape, own['channel_verbs']))})\s+(?:me|us)"
        rf"\s+(?:(?:any|all)\s+)?(?:[\w'’-]+\s+)?(?P<what>{recurring}){run}{reason}{end}"
    )
    # "Please keep sending updates to my inbox rather than calling" (v39)
    places = "|".join(map(re.escape, own["channel_places"]))
    delivered = (
        rf"^\W*(?:(?:{joining})\s*,?\s+)?{lead}(?:(?:please|pls|plz)\s+)?(?:(?:keep|{adverbs})\s+)?"
        r"(?:send|sending|forward|forwarding|email|emailing)\s+(?:me\s+|us\s+)?"
        r"(?:(?:the|any|all\s+the|all|my|our)\s+)?(?:[\w'’-]+\s+)?"
        rf"(?P<what>{recurring})\s+to\s+(?:my|our)\s+(?P<place>{places})"
        rf"(?:{contrast}\s+(?P<counter>{side}))?{run}{reason}{end}"
    )
    # "I want a human adjuster in my kitchen, not a video call" (v39)
    wanted = (
        rf"^\W*(?:(?:{joining})\s*,?\s+)?(?:i|we)\s+(?:(?:really|just|only)\s+)?"
        rf"(?P<want>{'|'.join(own['want_verbs'])})\s+(?P<obj>{side})"
        r"(?P<tail>\s+(?:[\w'’-]+ing|in|at|with|on|from|who|that)\s[^,.;!?]*?)?"
        rf"{contrast}\s+(?P<counter>{side}){run}{reason}{end}"
    )
    # "Email works so much better for me than phone calls" (v39)
    degrees = "|".join(own["better_degrees"])
    better = (
        rf"^\W*(?P<obj>{side})\s+(?:works?|is|are|'s)\s+(?:(?:{degrees})\s+)*"
        rf"(?P<better>{'|'.join(own['better_words'])})\s+for\s+(?:me|us)"
        rf"(?P<contrast>\s+than)\s+(?P<counter>{side}){run}{reason}{end}"
    )
    # "keep it to bullet points" (v39)
    kept = (
        rf"^\W*(?:(?:{joining})\s*,?\s+)?{lead}(?:(?:please|pls|plz)\s+)?(?:(?:{adverbs})\s+)?"
        r"keep\s+(?P<kept>it|them|things|(?:(?:the|your|ur|my|all|each)\s+)?[\w'’-]+)\s+to\s+"
        rf"(?P<obj>{side}){run}{reason}{end}"
    )
    # "The inspection has to be on a Saturday", "Saturday, please." (v39)
    days = "|".join(own["arrangement_days"])
    required = (
        r"^\W*(?:the|my|our|all|any|every)\s+(?P<what>[\w'’-]+(?:\s+[\w'’-]+)?)\s+"
        r"(?:has\s+to|have\s+to|must|needs?\s+to|should\s+always)\s+be\s+(?:on\s+|in\s+the\s+)?"
        rf"(?:an?\s+|the\s+)?(?P<day>{days})s?{run}{reason}{end}"
    )
    bare_day = (
        rf"^\W*(?:(?:on|in\s+the)\s+)?(?:an?\s+)?(?P<day>{days})s?\s*,?\s*(?:please|pls|plz)"
        rf"{run}{end}"
    )
    closed = (_closed_words() | lexicon().words["pronouns"]) - {"my", "our", "one", "ones"}
    # "Switch me to decaf from now on": one side, standing only with a lead or a mark
    # "From now on, please give me the metric measurements": an asking verb after a lead (v34)
    switched = (
        rf"^\W*{lead}(?:(?:please|pls|plz)\s+)?(?:(?P<switch>{switches})|(?P<verb>{verbs}))"
        rf"\s+(?:(?:please|pls|plz)\s+)?(?P<obj>{side}){run}{end}"
    )
    return {
        "patterns": tuple(
            re.compile(p, re.I) for p in (forward, fronted, used, only, switched, named)
        ),
        "own_patterns": tuple(
            re.compile(p, re.I)
            for p in (wanted, delivered, channel, channel_alone, better, kept, required, bare_day)
        ),
        "channel_verbs": own["channel_verbs"],
        "channel_places": own["channel_places"],
        "keep_to_skip": frozenset(own["keep_to_skip"]),
        "arrangement_weight": float(own["arrangement_weight"]),
        "want_weight": float(own["want_weight"]),
        "next_not": re.compile(rf"\W*not\s+(?P<side>{side})[\s\W]*$", re.I),
        "one_off": re.compile(rf"\b(?:{'|'.join(own['one_off'])})\b", re.I),
        "standing": re.compile(
            rf"\b(?:{'|'.join([*own['standing'], *own['leads']])})(?![\w'’-])", re.I
        ),
        "closed": frozenset(closed),
        "verb_marks": frozenset({"to", "me", "us", "it", "them", "him", "her", "you"}),
        "function": frozenset(closed | tx.english_words("prepositions")),
        "skip": frozenset(own["skip"]),
        "weight": own["weight"],
        **_scope_patterns(own, leads),
    }


def _scope_patterns(own: dict, leads: str) -> dict[str, re.Pattern[str]]:
    """A scope before a request (``scope_openers``, ``scope_words``; v45), ended by a comma or
    by the asking ("For homework questions, please ..."), after a lead it keeps ("Going
    forward, for the weekly report, ..."), and one after it to the end ("..., for the practice
    problems", "... when I'm at work")."""
    openers, alone = _alternation(own["scope_openers"]), _alternation(own["scope_words"])
    asking = r"(?:please|pls|plz|can\s+you|could\s+you|would\s+you|just|only|always)\b"
    return {
        "scope_head": re.compile(
            rf"^(?P<lead>\W*(?:(?:{leads})\s*,?\s*)?)"
            rf"(?:(?:{openers})\s+[^,;:.!?]{{1,60}}?(?:\s*,\s*|\s+(?={asking}))"
            rf"|(?:{alone})\s*,\s*)",
            re.I,
        ),
        "scope_tail": re.compile(
            rf"(?:\s*[,;]\s*|\s+)(?:(?:{openers})\s+[^,;:!?]{{1,60}}?|(?:{alone}))[\s\W]*$",
            re.I,
        ),
    }


def _unscoped(said: str, own: dict) -> list[str]:
    """``said`` without the scope before it, after it, or both (``_scope_patterns``)."""
    found: list[str] = []
    head = own["scope_head"].match(said)
    if head is not None:
        found.append(head["lead"] + said[head.end() :])
    for each in [said, *found]:
        tail = own["scope_tail"].search(each)
        if tail is not None and tail.start() > 0:
            found.append(each[: tail.start()])
    return found


@cache
def _habitual_pattern() -> re.Pattern[str]:
    data = tx.load_lexicon("preferences")
    own, instructions = data["habitual_requests"], data["standing_instructions"]
    habit = "|".join(own["markers"])
    worked = "|".join(own["worked"])
    please = r"(?:please|pls|plz)"
    pleased = (
        rf"(?P<pleased>\s+(?:{tx.word_alternation(instructions['would_please'])})\s+"
        rf"(?:{tx.word_alternation(instructions['pleasing'])})(?![\w'’-]))?"
    )
    return re.compile(
        rf"\W*(?:(?:{tx.word_alternation(instructions['openers'])})\W+)*"
        rf"(?:(?P<lead>{habit})\s*[,:-]?\s*)?(?:(?P<please>{please})\s+)?"
        r"(?:(?:a|an|the|my|our|some)\s+)?(?:(?P<usual>usual)\s+)?"
        r"(?P<obj>[^\W\d][\w'’-]*(?:\s+[\w'’-]+){0,4}?)"
        rf"(?:\s+(?P<again>again))?"
        rf"{pleased}(?:\s*,?\s*(?P<please2>{please}))?(?:\s*,?\s*(?P<habit>{habit}))?"
        rf"(?:\s*,?\s*(?:{please}|thanks|thank you|thx|ty))?"
        rf"(?:\s*[,;.!-]\s*(?P<worked>{worked}))?\W*$",
        re.I,
    )


def _charts_meant(said: str, sides: list[str | None], words: _Instructions) -> bool:
    """Whether the short forms of chart kinds among ``sides`` ("pies", "bars") name charts:
    the sentence names a chart ("chart", "graph") or every side is a chart kind ("Bars, as
    before, never pies"); "Pies please, as usual" orders pies (``chart_short_forms``, v27)."""
    named = [tx.normalise_phrase(side) for side in sides if side]
    if not any(side in words.shorts for side in named):
        return True
    if words.chart_words is not None and words.chart_words.search(said):
        return True
    kinds = set(words.shorts.values())
    return len(named) > 1 and all(
        words.shorts.get(side, words.forms.get(side)) in kinds for side in named
    )


def _instruction_key(name: str, kind: str, made: str) -> str:
    """The key of one side: a channel for what is delivered ("email for invoices"), a place of
    delivery ("office delivery"), else the one name ("charts")."""
    if kind == "place":
        return f"{name} delivery"
    return f"{name} for {made}" if made else name


def _instruction_value(
    found: dict[str, str | None], sides: list[tuple[str, str]], made: str
) -> tuple[str, str, str]:
    """How a standing instruction reads: "asks for summaries in slack, not email", "asks for
    delivery to the office instead of home", "asks for charts instead of tables"; with the
    side chosen ("asks for charts") and the other side ("tables"), which the claim against it
    reads (``_against``: "against tables (asks for charts instead)"; v25)."""
    kind = sides[0][0]
    if kind == "place":
        chosen = f"delivery to the {sides[0][1]}" if sides[0][1] != "home" else "delivery at home"
    elif kind == "answer" and found.get("obj"):
        chosen = tx.plain(found.get("said") or "")
        if found.get("also"):
            chosen += f" with {found.get('also').lower()}"
    else:
        chosen = sides[0][1]
    if made:
        by = "by" if chosen in _BY_CHANNELS else "in"
        chosen = f"{made} {'as' if kind == 'answer' else by} {chosen}"
    value = f"asks for {chosen}"
    if found.get("detail"):
        value += f" ({(found.get('detail') or '').strip(' ,').split()[-1]})"
    base, other = value, ""
    if found.get("counter"):
        said = (
            found.get("other")
            if (found.get("obj") or "").lower() in _instructions().forms
            else None
        )
        other = sides[-1][1] if kind != "answer" else tx.plain(said or found.get("counter") or "")
        contrast = " ".join((found.get("contrast") or "").lower().split())
        value += f", {contrast} {other}" if contrast in ("not", "never") else f" {contrast} {other}"
    if kind == "place" and other:
        other = f"delivery to the {other}" if other != "home" else "delivery at home"
    return value, base, other


#: A clause of the speaker's after a request that says why ("..., I need it for my bookkeeping").
_REASON_CLAUSE = re.compile(
    r"\s*[,;]\s*(?:as|because|since|cause|coz|cos)?\s*(?=(?:i|i'm|im|i've|we|we're|it's|its)\s)",
    re.I,
)
#: Channels a thing is sent by, not posted in ("invoices by email", "summaries in slack").
_BY_CHANNELS = frozenset({"email", "text messages", "post", "phone calls", "whatsapp"})


def _without_reason(text: str, sentence: Span) -> tuple[str, re.Match[str] | None]:
    """The sentence without a clause of the speaker's after a comma ("Please email me the
    invoice, I need it for my bookkeeping"), and that comma's match (``_REASON_CLAUSE``), or
    without a last clause after a comma that is a reason (``reasons``: "Text me the updates
    please, SMS is easiest"; v26)."""
    said = text[sentence.start : sentence.end]
    comma = _REASON_CLAUSE.search(said)  # "..., I moved to working on-site": why, after it
    if comma is None:
        last = [m for m in _COMMA.finditer(said)][-1:]
        if last and _instructions().reason.search(said, last[0].end()):
            comma = last[0]
    return (said[: comma.start()] if comma else said), comma


#: A dash that opens an aside after a request: "... parquet please from now on — the files are
#: getting huge" (v27). Not a heading before the request ("Weekly check-in - a chart please").
_ASIDE = re.compile(r"\s+[—–-]+\s+(?=\S)")


def _without_aside(said: str) -> str:
    """``said`` without what follows its last spaced dash, when a request comes before it (the
    aside says why: "Instead of CSV, parquet please from now on — the files are getting huge");
    ``said`` itself when there is no such dash (v27)."""
    dashes = list(_ASIDE.finditer(said))
    return said[: dashes[-1].start()] if dashes and dashes[-1].start() > 0 else said


def _reason_given(text: str, sentence: Span, comma: re.Match[str] | None) -> bool:
    """Whether a reason about the speaker follows the request: after its ``comma`` or, with
    none, in the next sentence ("Charts are much easier for me to read"; ``reasons``, v23).
    Asked only of a sentence read as an instruction: it splits the rest of the message."""
    reason = _instructions().reason
    if comma:
        return reason.search(text[sentence.start : sentence.end], comma.end()) is not None
    following = tx.sentences(text[sentence.end :])
    if not following:
        return False
    nxt = following[0]
    return reason.search(text[sentence.end + nxt.start : sentence.end + nxt.end]) is not None


_PLEASE = re.compile(r"\b(?:please|pls|plz)\b", re.I)
_COMMA = re.compile(r"\s*[,;]\s*")


def _quoted(text: str, sentence: Span, said: str | None = None) -> Span:
    """What a request quotes of its sentence, or of ``said``, the part of it read from its
    start: from its first word to its last, not on "- ", ":)" or "."."""
    end = sentence.end if said is None else sentence.start + len(said.rstrip())
    while end > sentence.start and not text[end - 1].isalnum():
        end -= 1
    first = _first_word(text[sentence.start : end] if said is None else said)
    return Span(sentence.start + first, end)


def _first_word(said: str) -> int:
    """Where the first word of ``said`` begins (a quote opens on it, not on "- " or "(")."""
    found = re.search(r"\w", said)
    return found.start() if found else 0


def _instruction_side(said: str) -> tuple[str, str]:
    """The kind of one side of a standing instruction, ``channel``, ``place`` or ``answer``,
    and its one name ("e-mail" -> email, "essay" -> explanations, "work" -> office)."""
    phrase, words = tx.normalise_phrase(said), _instructions()
    if phrase in words.channels:
        return "channel", _channel_name(phrase, frame=True)
    if phrase in words.places:
        return "place", words.places[phrase]  # "my office" -> office (v23)
    if phrase in words.forms:
        return "answer", words.forms[phrase]  # "a chart" -> charts (v23)
    if phrase in words.shorts:
        return "answer", words.shorts[phrase]  # "pies" among charts -> pie charts (v27)
    return "answer", _answer_name(phrase)


@cache
def _generic_lemmas() -> dict[str, str]:
    return tx.lemma_table(tx.load_lexicon("preferences")["frame_words"]["generic_verbs"])


def _generic_base(verb: str) -> str:
    """ "sending" -> "send": a frame's generic verb in its base form."""
    return _generic_lemmas().get(verb, verb)


def _apposition(context: _Context) -> list[Claim]:
    """A clause ending "my favourite X" next to a bare noun phrase names it: "my favorite band,
    the who" (the phrase after), "iced tea, my favorite drink" (the phrase before, when the
    clause is only "my favourite X")."""
    text, clause, parts, index = context.text, context.clause, context.parts, context.index
    found = _favourite_tail().search(text, clause.start, clause.end)
    if found is None:
        return []
    after = parts[index + 1] if index + 1 < len(parts) else None
    words = tx.tokens(text, *after) if after else ()
    if (
        after
        and 0 < len(words) <= 4
        and not any(w.word in _edge_words() for w in words)
        and not (len(words) == 1 and words[0].word.endswith("ly"))  # "..., sadly"
        and " ".join(w.word for w in words) not in tx.english_set("remarks")
    ):
        span, cited = tx.phrase_span(text, after.start, after.end, lexicon().stops), after
    elif not _only_adverbs_before(text, clause, found.start()):
        return []
    elif index:
        span, cited = _last_phrase(text, parts[index - 1]), parts[index - 1]
    elif context.before is not None and len(parts) == 1 and _bare_phrase(text, context.before):
        # "iron maiden. definitely my favorite.": the sentence before only names it (v37)
        span, cited = _named_phrase(text, context.before), context.before
    else:
        return []
    kind = next(iter(tx.plain(found.group("kind")).split()), "")
    span = _category_member(text, span, kind)  # "a blue shirt. my favorite color!": blue
    if span is None or _pronoun(text, span):
        return []
    return _claim(text, span, 1.0, "favourite:", 1.0, sorted({clause, cited}), context.asked)


def _bare_phrase(text: str, sentence: Span) -> bool:
    """Whether a sentence only names something: one clause, no subject and no verb opening it
    ("Iron Maiden.", "Definitely Star Wars!", "Lasagna tonight."; not "Thanks for asking.",
    "i am wearing a blue shirt", not a question; v37)."""
    parts = tx.clauses(text, sentence)
    if len(parts) != 1 or tx.is_question(text, parts[0]):
        return False
    named, words = _named_phrase(text, sentence), lexicon().words
    if named is None:
        return False
    first = tx.tokens(text, *named)[0].word
    said = tx.english_set("remarks") | tx.english_set("discourse_markers")
    said |= words["answer_yes"] | words["answer_no"]
    if first in said or tx.plain(text[named.start : named.end]) in words["category_skip"]:
        return False  # "Thanks for asking. My favorite!", "Yes.", "Sure thing.": no name
    if tx.predicates(text, parts[0], _known(), _ANY_SUBJECT):
        return False
    implied = tx.predicates(text, parts[0], _known(), _ANY_SUBJECT, implied=True)
    return all(_named_not_done(text, pred) for pred in implied)


def _named_phrase(text: str, sentence: Span) -> Span | None:
    """What a sentence that only names something (``_bare_phrase``) names: its words after
    the adverbs leading it, to a stop ("Definitely Star Wars!" -> star wars, "Lasagna
    tonight." -> lasagna, "Anne of Green Gables." whole)."""
    words = tx.tokens(text, *sentence)
    adverbs = tx.english_set("adverbs") | tx.english_set("discourse_markers")
    while len(words) > 1 and words[0].word in adverbs:
        words = words[1:]
    span = tx.phrase_span(text, words[0].start, sentence.end, lexicon().stops, 6)
    return span if span is not None and not _pronoun(text, span) else None


def _only_adverbs_before(text: str, clause: Span, at: int) -> bool:
    """Whether the clause holds only adverbs before ``at`` ("definitely my favorite")."""
    before = tx.tokens(text, clause.start, at)
    markers, adverbs = tx.english_set("discourse_markers"), tx.english_set("adverbs")
    return all(w.word in markers or w.word in adverbs for w in before)


@cache
def _favourite_tail() -> re.Pattern[str]:
    """'my favourite X' (up to two more words) at the end of a clause."""
    words = tx.load_lexicon("preferences")["frame_words"]
    adjectives = tx.word_alternation(words["favourite_adjectives"])
    nouns = tx.word_alternation(words["favourite_words"])
    return re.compile(
        rf"\bmy\s+(?:{adjectives}\s+)?{nouns}"
        r"(?P<kind>(?:\s+[\w'-]+){0,2}?)\W*$",
        re.I,
    )


@cache
def _frame_cues() -> CueList:
    return CueList(frame.pattern for frame in lexicon().frames)


@lru_cache(maxsize=tx.TEXT_CACHE)
def _prepared(text: str) -> Prepared:
    return prepare_text(text)


def _ellipsis(context: _Context, negated: bool) -> list[Claim]:
    """The verb is elided, so the preference is the cue of the clause before, with its
    polarity: "you like to party? I sure do!", "he hates cats. So do I."."""
    resolved = _resolve(context, with_cue=True)
    if resolved is None:
        return []
    span, cited, polarity, infinitive = resolved
    polarity = -polarity if negated else polarity
    says = ("likes" if polarity > 0 else "dislikes") + (" to" if infinitive else "")
    cited_spans = sorted({cited, context.clause})
    return _claim(context.text, span, polarity, says, 1.0, cited_spans, context.asked)


def _resolve(
    context: _Context, with_cue: bool = False, last_phrase: bool = False, judged: bool = False
) -> tuple[Span, Span, float, bool] | None:
    """What a bare "it"/"them" (or, ``with_cue``, an elided verb) points back to, the clause
    naming it, that clause's polarity and whether it is a verb after "to" ("you like to party?
    I sure do!"): the nearest topic of the clause before in the sentence, then of the clauses
    of the previous sentence; a topic falls back to the object of the nearest "I ..." ("I got
    a new bike, it's my pride"; for a pronoun ``judged``, only with "I" said: "I finally tried
    oat milk, that is great", not "Glad my encouragement helped! These are amazing"). "I love
    it when X" is ``_resolved``'s (``_when_clause``)."""
    text, parts, index = context.text, context.parts, context.index
    candidates = list(reversed(parts[:index]))
    if context.before is not None:
        candidates.extend(reversed(tx.clauses(text, context.before)))
    for candidate in candidates[:3]:
        topic = _topic_of(text, candidate, with_cue)
        if topic is not None:
            return topic[0], candidate, topic[1], topic[2]
    subject = _be_subject(text, candidates[0]) if last_phrase and candidates else None
    if subject is not None:  # "swimming is awesome, its my favourite thing": swimming (v37)
        return subject, candidates[0], 1.0, False
    if last_phrase and candidates and _points_on(text, candidates[:3]):
        return None  # "Can't imagine my life without it, it's my passion" (v37)
    for pred in (
        []
        if with_cue or not candidates
        else tx.predicates(
            text,
            candidates[0],
            _known(),
            _SUBJECTS if last_phrase else tx.FIRST_PERSON,  # "we hiked the ridge trail" (v37)
            implied=not judged,
        )
    ):
        if last_phrase and _named_not_done(text, pred, known=False):
            continue  # "Definitely Star Wars! It's my favorite": a name, no "star" done (v37)
        begin = _after_progressive(text, pred) if last_phrase else pred.rest.start
        span = tx.phrase_span(text, begin, pred.rest.end, lexicon().stops)
        said = tx.tokens(text, *span) if span is not None else ()
        if said and all(w.word in lexicon().words["habit_particles"] for w in said):
            continue  # "I give up, this is useless": a particle, no thing (v38)
        first = said[:1]
        if first and first[0].word in _ANY_SUBJECT:
            # "do you have a dark mode? I prefer it": the object of the clause inside, not the
            # clause ("do you travel often? I enjoy it": its verb, when it has no object)
            span = _inner_object(text, candidates[0])
        if span is not None and not _pronoun(text, span):
            return span, candidates[0], 1.0, False
    span = None
    if last_phrase and candidates:
        span = _last_phrase(text, candidates[0])
    return (span, candidates[0], 1.0, False) if span is not None else None


def _after_progressive(text: str, pred: Predicate) -> int:
    """Where the object of a predicate starts: after the "-ing" verb of a progressive and the
    "to" + verb of "going to" ("i am going to read david copperfield": david copperfield; v37),
    else where its rest starts."""
    words = tx.tokens(text, *pred.rest)
    if not pred.is_be or not words or not tx.is_gerund(words[0].word):
        return pred.rest.start
    at = 1
    if len(words) > at + 1 and words[at].word == "to":
        at += 2  # "going to read"
    return words[at].start if at < len(words) else pred.rest.start


def _points_on(text: str, clauses: list[Span]) -> bool:
    """Whether one of the clauses before already takes its object from elsewhere ("I make it
    with almond flour, coconut oil and raspberries. It's my favorite": the "it" after goes on
    pointing where that one did, not at the last thing listed; v37)."""
    pointers = lexicon().words["pronouns"]
    for clause in clauses:
        for pred in tx.predicates(text, clause, _known(), _ANY_SUBJECT, implied=True):
            words = tx.tokens(text, *pred.rest)
            if words and words[0].word in pointers:
                return True
            if any(w.word in ("it", "them") for w in words):
                return True  # "Can't imagine my life without it, it's my passion"
    return False


_BE_SUBJECT = re.compile(r"(?P<np>[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+(?:is|are|was|were)\s", re.I)


def _be_subject(text: str, clause: Span) -> Span | None:
    """The noun phrase a clause says something of with "be", the topic an "it" after it takes
    up ("star wars is the greatest movie of all time. its my favorite": star wars, not
    "time"); None when the subject is a person or only points (v37)."""
    opening = tx.opening_words(text, clause, 1)
    found = _BE_SUBJECT.match(text, opening[0].start, clause.end) if opening else None
    if found is None:
        return None
    first = found.group("np").lower().split()[0]
    if first in lexicon().words["np_skip"] or first in _ANY_SUBJECT or first in tx.FIRST_PERSON:
        return None
    span = tx.phrase_span(text, found.start("np"), found.end("np"), lexicon().stops)
    return span if span is not None and not _pronoun(text, span) else None


def _named_not_done(text: str, pred: Predicate, known: bool = True) -> bool:
    """Whether the first word of a clause with no subject, read as its verb, rather opens a noun
    phrase: capitalised after the clause's first word ("Definitely Star Wars!"), joined to
    the next by "and"/"or" ("baking and cooking actually"), or (``known``) no verb this module
    knows, nor in the past or "-ing" ("purple cat!", "Iron Maiden."), where "tried oat milk"
    and "watching Dune" tell what was done (v37)."""
    verb, word = pred.verb, pred.verb.word
    opening = tx.opening_words(text, pred.clause, 1)
    if text[verb.start].isupper() and opening and opening[0].start != verb.start:
        return True
    after = tx.tokens(text, *pred.rest)[:1]
    if after and after[0].word in ("and", "or", "&"):
        return True
    frame_words = tx.load_lexicon("preferences")["frame_words"]
    if word in lexicon().words["np_skip"] or word in frame_words["good_adjectives"]:
        return True  # "good old ice tea", "everyone should read it": no verb
    return known and word not in _known() and not tx.is_past(word) and not tx.is_gerund(word)


@dataclass(frozen=True, slots=True)
class _When:
    span: Span | None  # the object, if any
    clause: Span  # the clause that "when" opens
    reads: str = ""  # what the value says before the object: "it when you" ("cite sources")


def _when_clause(context: _Context) -> _When | None:
    """ "I love it when X", "I like when X": X, if any, and the clause after that holds it; None
    when the clause after opens no "when"/"whenever"/"if". When the listener acts in X, only how
    they answer is a taste (a verb of ``standing_requests`` or a generic one: "I like when you
    use bullet points" -> "bullet points", the generic verb left out as in "please use bullet
    points"); any other act of theirs is a reaction to them ("I love it when you try something
    new"), as "I love how you explained that" is. The value names the listener before a verb
    of theirs ("I like it when you cite sources": likes it when you cite sources). A clause
    after "than" is the other side of a comparison ("I like it more than when ..."), no object."""
    text, parts, index = context.text, context.parts, context.index
    nxt = parts[index + 1] if index + 1 < len(parts) else None
    if nxt is None or not re.match(r"(?:when|whenever|if)\b", text[slice(*nxt)], re.I):
        return None
    last = tx.tokens(text, *context.clause)[-1:]
    if last and last[0].word in ("than", "then"):
        return None  # "I like it a lot more than if I ...": the other side of a comparison
    words = tx.tokens(text, *nxt)[1:]
    reads = ""
    if len(words) > 1 and words[0].word in lexicon().words["listener_words"]:
        words = words[1:]  # "when you use bullet points": the listener's act
        while len(words) > 1 and words[0].word in tx.english_set("adverbs"):
            words = words[1:]  # "when you always use ..."
        standing = _standing_words()
        if words[0].word not in standing.acts:
            return _When(None, nxt)
        at = _act_object(words, 0)  # "when you give me examples": examples
        if at == 0 and words[0].word in standing.verbs:
            reads = "it when you"  # "likes it when you cite sources", not "likes cite sources"
        words = words[at:]
    elif len(words) > 1:
        reads = "it when"  # "I love when it rains": loves it when it rains, not "loves it rains"
    return _When(tx.phrase_span(text, words[0].start, nxt.end) if words else None, nxt, reads)


def _inner_object(text: str, clause: Span) -> Span | None:
    """The object of the first clause with a subject of its own in ``clause`` ("do you have a
    dark mode" -> "a dark mode"; "when you give me movie recommendations" -> "movie
    recommendations", without the "me"/"us" it is given to), or its verb and what follows when
    the object is only adverbs ("do you travel often" -> "travel often")."""
    for pred in tx.predicates(text, clause, _known(), _ANY_SUBJECT):
        words = tx.tokens(text, *pred.rest)
        if words and words[0].word in _ANY_SUBJECT:
            continue  # "i hope | you do not serve green beans": the inner clause's turn
        if all(w.word in tx.english_set("adverbs") for w in words):
            return tx.phrase_span(text, pred.verb.start, pred.rest.end)
        given = 1 if len(words) > 1 and words[0].word in ("me", "us") else 0
        span = tx.phrase_span(text, words[given].start, pred.rest.end, lexicon().stops)
        if span is not None:
            return span
    return _last_phrase(text, clause)


def _last_phrase(text: str, clause: Span) -> Span | None:
    """The noun phrase ending the clause, read back to a closed-class word: "draw everything
    with purple" -> "purple", "it should have been blue" -> "blue"."""
    words = tx.tokens(text, *clause)
    start = len(words)
    while start > 0 and len(words) - start < 4 and words[start - 1].word not in _edge_words():
        start -= 1
    if 0 < start < len(words) - 1 and words[start - 1].word in tx.english_set("subject_words"):
        start += 1  # "we visited paris": the word after a subject is its verb
    if start == len(words):
        return None
    span = tx.phrase_span(text, words[start].start, words[-1].end, lexicon().stops)
    return span if span is not None and not _pronoun(text, span) else None


@cache
def _edge_words() -> frozenset[str]:
    """Words a noun phrase read backwards stops before."""
    names = ("prepositions", "coordinators", "determiners", "adverbs")
    return _closed_words() | frozenset().union(*(tx.english_set(n) for n in names))


def _topic_of(text: str, clause: Span, with_cue: bool) -> tuple[Span, float, bool] | None:
    """The topic of a clause, the polarity said of it and whether it is a verb after "to"
    (``Cue.infinitive``): a cue's object, whoever the subject ("do you like X"; with
    ``with_cue`` also "my brother hates X")."""
    lex = lexicon()
    for pred in tx.predicates(text, clause, _known(), _ANY_SUBJECT):
        cue = match_cue(text, pred) or _inverted_be_cue(text, pred)
        span = tx.phrase_span(text, cue.object_start, pred.rest.end, lex.stops) if cue else None
        if cue is not None and span is not None and not _pronoun(text, span):
            return span, -cue.polarity if pred.negated else cue.polarity, cue.infinitive
    words = tx.tokens(text, *clause)
    for index, word in enumerate(words[1:] if with_cue else (), 1):  # "my brother hates cats"
        polarity = lex.verbs.get(lex.lemmas.get(word.word, ""), (0.0, 0.0))[0]
        span = tx.phrase_span(text, word.end, clause.end, lex.stops) if polarity else None
        if span is not None and words[index - 1].word != "to" and not _pronoun(text, span):
            negated = words[index - 1].word in tx.english_set("negations")
            return span, -polarity if negated else polarity, False
    return None


@dataclass(frozen=True, slots=True)
class _GeneralWords:
    """``general_readings`` in preferences.yaml as the patterns of ``_general_reading``, each
    compiled on its first search (``prep.LazyPattern``): most never match a process's texts."""

    markers: LazyPattern
    over: LazyPattern
    choosing: frozenset[str]
    over_standing: LazyPattern
    suitable: LazyPattern
    winning: LazyPattern
    standing_winning: LazyPattern
    nominal: LazyPattern
    sensory: LazyPattern
    dismissal: LazyPattern
    losing: LazyPattern
    superior: LazyPattern
    between: LazyPattern
    better_than: LazyPattern
    tagged: LazyPattern
    proverbs: frozenset[str]
    valuing: LazyPattern
    gate: LazyPattern
    # the gate's words with no letter ("100%"): ``prep`` requires letters, so one of them in
    # ``gate`` would leave it no requirement and no message would be skipped (``_gated_out``)
    unlettered_gate: re.Pattern[str]
    construction: frozenset[str]
    standing: LazyPattern
    moment: LazyPattern
    pairs: frozenset[tuple[str, str]]
    decided: LazyPattern
    wins: LazyPattern
    gives: LazyPattern
    not_side: LazyPattern
    more_less: LazyPattern
    rather: LazyPattern
    from_to: LazyPattern
    exchange: LazyPattern
    stop_move: LazyPattern
    no_more: LazyPattern
    out_in: LazyPattern
    used_to: LazyPattern
    given_up: LazyPattern
    amount: LazyPattern
    these_days: LazyPattern
    lead_request: LazyPattern
    not_anymore: LazyPattern
    request: LazyPattern
    stops: frozenset[str]
    vp_stops: frozenset[str]
    skip: frozenset[str]
    others: frozenset[str]
    supposing: frozenset[str]
    not_verbs: frozenset[str]
    not_sides: frozenset[str]
    degrees: frozenset[str]
    verbs: frozenset[str]
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    worth_not: frozenset[str]
    not_kept: frozenset[str]
    not_nominal: frozenset[str]
    worth_not_openers: frozenset[str]
    weight: float


#: The words of a side: any run of words, apostrophes, dots and signs ("c++", "e-readers").
_SIDE = r"[\w'’.+#-]+(?:\s+[\w'’.+#-]+)*?"
_SUBJECT = r"(?:i|we|i'd|id|we'd|i'll|we'll|i've|ive|we've|i'm|im|we're)"
#: Adverbs and auxiliaries between a subject and its verb ("I've finally", "we just").
_AUX = (
    r"(?:\s+(?:'ve|have|has|had|just|finally|recently|already|also|totally|completely|now"
    r"|basically|officially|actually|happily|always|usually|mostly|all|both))*"
)


def _alternation(words: Sequence[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, str(w).split())) for w in words)


@cache
def _time_item() -> re.Pattern[str]:
    """A clause that only says when (``object_times`` and the ``past_experience`` occasions:
    "last night", "two years ago", "this spring"), which no list continues with."""
    data = tx.load_lexicon("preferences")
    times = [*data["object_times"], *data["past_experience"]["occasions"]]
    return re.compile("(?:" + "|".join(times) + ")", re.I)


@cache
def _general_words() -> _GeneralWords:
    own = tx.load_lexicon("preferences")["general_readings"]
    suit = sorted(
        {f for v in (*own["suitability_verbs"], *own["appeal_verbs"]) for f in tx.inflections(v)},
        key=len,
    )
    degrees = _alternation(own["degrees"])
    better = _alternation(own["better_words"])
    whom = r"(?:(?:for|with|to)\s+)?(?:me|us|my\s+[\w'-]+|our\s+[\w'-]+|the\s+[\w'-]+)"
    from_to = _alternation(own["from_to_verbs"])
    exchange, links = _alternation(own["exchange_verbs"]), _alternation(own["exchange_links"])
    stop, move = _alternation(own["stop_verbs"]), _alternation(own["move_verbs"])
    amount, particles = _alternation(own["amount_verbs"]), _alternation(own["amount_particles"])
    used = _alternation([*own["used_positive"], *own["used_negative"]])
    given = _alternation(own["given_up_verbs"])
    leads = _alternation(own["change_leads"])
    verbs = set(_verb_words()) | {str(v).split()[0] for v in own["choosing_verbs"]}
    start = r"(?:^|(?<=[,;:.!?(]))\W*(?:(?:and|but|so|honestly|personally|tbh|ok|okay)\W+)?"
    tails = _alternation([*own["over_standing"], *own["standing_tails"]])
    picks = _alternation(own["between_picks"])
    adverbs = r"(?:just|really|still|simply|honestly|totally|absolutely|even|so|truly|always)"
    gate = [
        *own["markers"],
        *["worth", "sense"],
        *own["winning_verbs"],
        *own["standing_winning_verbs"],
        *own["nominal_standing"],
        *own["sensory_idioms"],
        *["keep"],
        *own["losing_idioms"],
        *own["superior_idioms"],
        *[pair[0] for pair in own["split_winning"]],
        *["between", "better"],
        *own["dismissive_tags"],
        *own["exchange_verbs"],
        *own["given_up_verbs"],
        *own["stop_verbs"],
        *own["change_leads"],
        *["over", "than", "rather", "sooner", "not", "more", "used", "from"],
        *["out", "anymore", "days", "nowadays", "down", "back", "up", "longer"],
    ]
    unlettered = [w for w in gate if not re.search("[a-z]", str(w), re.I)]
    return _GeneralWords(
        markers=LazyPattern(rf"(?<![\w'-])(?:{_alternation(own['markers'])})(?![\w'-])"),
        over=LazyPattern(r"(?<![\w'-])over(?![\w'-])"),
        choosing=frozenset(
            f for v in own["choosing_verbs"] if " " not in str(v) for f in tx.inflections(str(v))
        ),
        over_standing=LazyPattern(rf"\b(?:{_alternation(own['over_standing'])})\W*$"),
        suitable=LazyPattern(
            rf"{start}(?P<x>{_SIDE})\s+(?P<verb>{_alternation(suit)})"
            rf"(?:\s+{whom})?(?:\s+(?:{degrees}))*\s+(?:{better})(?:\s+{whom})?"
            rf"\s+than\s+(?P<y>[^,.;:!?]+)"
        ),
        winning=LazyPattern(
            rf"{start}(?P<x>{_SIDE})\s*"
            rf"(?:\s(?:{_alternation(own['winning_verbs'])})\s|(?<![-=])>+)"
            rf"\s*(?P<y>[^,.;:!?]+)"
        ),
        valuing=LazyPattern(
            rf"{start}(?P<x>{_SIDE})\s+(?:{'|'.join(own['valuing_phrases'])})\s+(?P<y>[^,.;:!?]+)"
        ),
        # (v50) "Canister filters beat hang-on-back ones for me": only with a tail of standing
        standing_winning=LazyPattern(
            rf"{start}(?P<x>{_SIDE})\s+(?:(?:just|really|still|always|totally|easily)\s+)?"
            rf"(?:(?:{_alternation(own['standing_winning_verbs'])})\s+(?P<y>[^,.;:!?]+?)\s*,?\s*"
            rf"(?:{tails})\s*(?:$|[,;:.!?–-])"
            rf"|(?:{_alternation(own['self_standing_winning_verbs'])})\s+(?P<y2>[^,.;:!?]+?)"
            rf"(?:\s*,?\s*(?:{tails}))?\s*(?:$|[,;:.!?–-]))"
        ),
        # (v50) "Bare-root roses for me every time": a side alone, "for me" and a tail of standing
        nominal=LazyPattern(
            rf"^\W*(?:(?:honestly|personally|tbh|oh|but|and|so|nah|yeah|definitely)\W+)*"
            rf"(?P<x>[^,.;:!?]+?)\s*,?\s*(?:(?:for\s+(?:me|us))\s*,?\s*"
            rf"(?:{_alternation(own['nominal_standing'])})|(?:{_alternation(own['nominal_standing'])})"
            rf"\s*,?\s*for\s+(?:me|us))\s*(?:$|[,;:.!?–-])"
        ),
        # (v50) "X hits the spot in a way Y never does"
        sensory=LazyPattern(
            rf"{start}(?P<x>{_SIDE})\s+(?:(?:just|really|still|always|totally)\s+)?"
            rf"(?:{_alternation(own['sensory_idioms'])})(?:\s+[\w'-]+){{0,3}}?\s+"
            r"(?:in\s+a\s+way|like|the\s+way|how)\s+(?:that\s+)?(?P<y>[^,.;:!?]+?)\s+"
            r"(?:(?:just|simply|really|still|ever)\s+)*(?:never\b|(?:does|do|did|can|could|will"
            r"|would)(?:n't|nt|\s+not|\s+never)(?![\w'-]))"
        ),
        # (v50) "I'll take X, you can keep Y" / "You can keep Y, I'll stick with X"
        dismissal=LazyPattern(
            r"(?:\b(?:i'll|ill|i\s+will|i'd|id|i\s+would|give\s+me|gimme)\s+"
            r"(?:(?:just|happily|gladly|always|still)\s+)?"
            rf"(?:{_alternation(own['dismissal_takes'])})\s+(?P<x>[^,.;:!?]+?)"
            rf"|(?:^|(?<=[,;:.!?]))\W*(?P<x2>[^,.;:!?]+?)\s+for\s+(?:me|us))\s*[,;.–-]+\s*"
            rf"(?:and\s+|but\s+)?(?:{_alternation(own['dismissal_keepers'])})\s+can\s+"
            r"(?:keep|have)\s+(?P<y>[^,.;:!?]+)"
            rf"|\b(?:{_alternation(own['dismissal_keepers'])})\s+can\s+keep\s+(?P<y2>[^,.;:!?]+?)"
            r"\s*[,;.–-]+\s*(?:and\s+|but\s+)?(?:i'll|ill|i\s+will|i'd|id|give\s+me|gimme|"
            r"i'm\s+sticking\s+with|im\s+sticking\s+with|i\s+stick\s+with)\s+"
            rf"(?:(?:{_alternation(own['dismissal_takes'])})\s+)?(?P<x3>[^,.;:!?]+)"
        ),
        # (v56) "X can't hold a candle to Y", "X is nothing on Y": the side after the idiom
        losing=LazyPattern(
            rf"{start}(?P<y>{_SIDE})(?:\s+|(?=['’]))(?:{adverbs}\s+)?"
            rf"(?:{_alternation(own['losing_idioms'])})\s+(?P<x>[^,.;:!?]+)"
        ),
        # (v56) "X is a cut above Y", "X puts Y to shame"
        superior=LazyPattern(
            rf"{start}(?P<x>{_SIDE})(?:\s+|(?=['’]))(?:{adverbs}\s+)?"
            rf"(?:(?:{_alternation(own['superior_idioms'])})\s+(?P<y>[^,.;:!?]+)"
            rf"|(?:{_alternation([p[0] for p in own['split_winning']])})\s+(?P<y2>[^,.;:!?]+?)"
            rf"\s+(?:{_alternation([p[1] for p in own['split_winning']])})(?![\w'-]))"
        ),
        # (v56) "between X and Y, it's X every time": the pick must be one of the two
        between=LazyPattern(
            r"(?:^|(?<=[,;:.!?]))\W*(?:(?:honestly|personally|tbh|so|but|and|ok|okay|well)\W+)?"
            r"between\s+(?P<a>[^,.;:!?]+?)\s+(?:and|or|vs\.?|versus|&)\s+(?P<b>[^,.;:!?]+?)"
            rf"(?:\s*[,;:?–-]+\s*(?:(?:{picks})\s*,?\s+)*|\s+(?:(?:{picks})\s*,?\s+)+)"
            rf"(?P<x>(?<![\w'’])[^,.;:!?]+?)(?:\s*,?\s*(?:{tails}))*\s*(?:$|[,.!;])"
        ),
        # (v56) "better a slow ride than a crowded bus" at the head of a sentence
        better_than=LazyPattern(
            r"(?:^|(?<=[,;:.!?]))\W*(?:(?:honestly|personally|tbh|so|but|and|yeah|nah|imo|ok)"
            r"\W+)*(?:(?:much|way|far|always|so\s+much)\s+)?better\s+(?!than\b|to\b|off\b"
            r"|for\b|if\b|when\b|yet\b|still\b|now\b|and\b|than\b|be\b|get\b|go\b|make\b)"
            r"(?P<x>[^,.;:!?]+?)\s+than\s+(?P<y>[^,.;:!?]+)"
        ),
        # (v56) "give me wool socks, forget cotton"
        tagged=LazyPattern(
            rf"(?:\b(?:{_alternation(own['dismissive_asks'])})\s+(?!to\b)(?P<x>[^,.;:!?]+?)"
            rf"|{start}(?P<x2>{_SIDE})\s+(?:please|pls|plz))\s*[,;.!–-]+\s*"
            rf"(?:(?:and|but|so|just|oh)\s+)?(?:{_alternation(own['dismissive_tags'])})\s+"
            r"(?:(?:about|with|the|your|ur|all|that|those|these)\s+)*(?P<y>[^,.;:!?]+)"
        ),
        proverbs=frozenset(str(w) for w in [*own["proverb_sides"], *own["better_not_verbs"]]),
        gate=LazyPattern(tx.word_alternation([w for w in gate if w not in unlettered])),
        # or ">" ("tabs > spaces"), looked for apart (``_general_reading``)
        unlettered_gate=re.compile(tx.word_alternation(unlettered) if unlettered else "(?!)"),
        wins=LazyPattern(tx.word_alternation(own["winning_verbs"])),
        standing=LazyPattern("|".join(own["standing_scopes"])),
        construction=frozenset(
            w
            for key in ("markers", "from_to_verbs", "exchange_verbs", "move_verbs", "stop_verbs")
            for phrase in own[key]
            for w in str(phrase).split()
            if w not in ("for", "in", "of", "to", "up", "out", "place", "favour", "favor")
        )
        | {"than", "then", "rather", "sooner", "over"},  # "walk then drive": "than" misspelt
        moment=LazyPattern(tx.word_alternation(own["moment_words"])),
        pairs=frozenset(
            (f, str(v).split()[1])
            for v in own["choosing_verbs"]
            if " " in str(v)
            for f in tx.inflections(str(v).split()[0])
        ),
        decided=LazyPattern(
            rf"\b(?:i|we)\s+(?:\w+ly\s+)?(?:{_alternation(own['decision_switches'])})\s"
        ),
        gives=LazyPattern(tx.word_alternation(own["given_up_verbs"])),
        not_side=LazyPattern(r"(?P<left>[^,.;:!?]+),\s*not\s+(?P<y>[^,.;:!?]+)"),
        more_less=LazyPattern(
            rf"(?:^|(?<=[,;:.!?]))\W*(?:{_SUBJECT}(?:\s+[\w'-]+){{1,2}}?\s+)?"
            r"(?:(?:please|pls|plz)\s+)?(?:(?:give|send|show)\s+(?:me|us)\s+)?"
            r"(?:(?P<first>more)|less|fewer)\s+(?:of\s+)?(?:the\s+)?(?P<x>[^,.;:!?]+?)"
            r"\s*(?:,|\band\b|\bbut\b|;)\s*(?:(?:and|but)\s+)?"
            r"(?(first)(?:less|fewer)|more)\s+(?:of\s+)?(?:the\s+)?(?P<y>[^,.;:!?]+)"
        ),
        rather=LazyPattern(
            r"(?:^|(?<=[,;:.!?])|\b(?:i'd|id|i\s+would|we'd|we\s+would|i|we)\s)"
            r"\W*(?:much\s+|honestly\s+|really\s+)?(?:rather|sooner)\s+(?!than\b)"
            r"(?P<x>[^,.;:!?]+?)\s+(?:than|then)\s+(?P<y>[^,.;:!?]+)"  # "then": a common typo
        ),
        from_to=LazyPattern(
            rf"\b(?:{from_to})\s+(?:(?:all|everything|over)\s+)?(?:(?:me|us)\s+)?from\s+"
            rf"(?P<x>[^,.;:!?]+?)\s+(?:back\s+|over\s+)?(?:to|onto)\s+(?P<y>[^,.;:!?]+)"
        ),
        exchange=LazyPattern(
            rf"\b(?:{exchange})\s+(?P<x>[^,.;:!?]+?)\s+(?:{links})\s+(?P<y>[^,.;:!?]+)"
        ),
        stop_move=LazyPattern(
            rf"\b(?:{stop})\s+(?P<x>[^,.;:!?]+?)\s*,?\s+(?:and\s+)?(?:{_SUBJECT}{_AUX}\s+)?"
            rf"(?:{move})\s+(?:over\s+)?(?:to|onto|on\s+to)\s+(?P<y>[^,.;:!?]+)"
        ),
        no_more=LazyPattern(
            rf"\bno\s+(?:more|longer\s+[\w'-]+)\s+(?P<x>[^,.;:!?]+?)\s*(?:for\s+(?:me|us))?\s*[,;:]?\s*"
            rf"(?:(?:and|i|we|i've|we've|ive)\s+)*(?:{_AUX.strip('*')}*\s*)?"
            rf"(?:{move})\s+(?:over\s+)?to\s+(?P<y>[^,.;:!?]+)"
        ),
        out_in=LazyPattern(
            r"(?:^|(?<=[,;:.!?]))\W*(?P<x>[^,.;:!?]+?)\s+(?:is|are|'s)\s+out"
            r"(?:\s+(?:for|with)\s+(?:me|us))?\s*[,;]?\s*"  # "red meat is out for me" (v44)
            r"(?:and\s+|but\s+)?(?P<y>[^,.;:!?]+?)\s+(?:is|are|'s)\s+in\b"
        ),
        used_to=LazyPattern(
            rf"(?:\b{_SUBJECT}\s+)?(?:^|(?<=\s))used\s+to\s+(?P<v1>{used}|[\w'-]+)\s+"
            r"(?P<x>[^,.;:!?]+?)\s*[,;]?\s+(?:but\s+|and\s+)?(?:now|these\s+days|nowadays)"
            r"\s*,?\s*(?P<rest>[^.;!?]+)"
        ),
        given_up=LazyPattern(
            rf"(?:^|(?<=[,;:.!?])|\b{_SUBJECT}{_AUX})\W*(?:{given})\s+(?:on\s+)?"
            r"(?P<x>[^,.;:!?]+)"
        ),
        amount=LazyPattern(
            rf"\b{_SUBJECT}{_AUX}\s+(?:{amount})\s+(?:{particles})\s+to\s+"
            r"(?P<y>(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|just)\b"
            r"[^,.;:!?]*)"
        ),
        these_days=LazyPattern(
            r"(?:^|(?<=[,;:.!?]))\W*(?:these\s+days|nowadays)\s*,?\s*"
            r"(?:(?P<it>it's|its|it\s+is)\s+(?:mostly\s+|all\s+|just\s+)?|(?:i|we)\s+"
            r"(?:(?:mostly|just|usually|only|always)\s+)?)(?P<y>[^,.;:!?]+)"
        ),
        lead_request=LazyPattern(
            rf"^\W*(?:{leads})\s*,?\s*(?:(?:can|could|would|will)\s+(?:you|u)\s+)?"
            r"(?P<asking>(?:(?:please|pls|plz|just|always|only)\s+)*)(?P<y>[^,.;!?]+)"
        ),
        not_anymore=LazyPattern(
            rf"(?:\b{_SUBJECT}(?:\s+are|\s+am)?\s+not\s+(?P<verb>[\w'-]+ing)|^\W*(?:no|not)"
            rf"|\b{_SUBJECT}\s+(?:don't|dont|do\s+not|no\s+longer)\s+"
            r"(?:(?:really|even|usually|actually|ever|much)\s+)?"
            r"(?!(?:really|even|usually|actually|ever|much)\b)(?P<done>[\w'-]+))"
            r"\s+(?P<x>[^,.;:!?]+?)\s+any\s?more\b"
        ),
        request=LazyPattern(r"^\W*(?:(?:can|could|would|will)\s+(?:you|u)|please|pls|plz)\b"),
        stops=frozenset(own["side_stops"]),
        vp_stops=frozenset(own["side_stops"])
        - frozenset(tx.english_set("prepositions"))
        - {"i", "we", "my", "our", "you", "it", "is", "are", "was", "were", "do", "did", "does"},
        skip=frozenset(own["side_skip"]),
        others=frozenset(own["other_subjects"]),
        supposing=tx.english_set("hypothetical_markers"),
        not_verbs=frozenset(
            f for v in own["not_verbs"] if " " not in str(v) for f in tx.inflections(str(v))
        ),
        not_sides=frozenset(own["not_sides"]),
        degrees=frozenset(w for d in own["degrees"] for w in str(d).split()),
        verbs=frozenset(f for v in verbs for f in tx.inflections(v)),
        positive=tuple(own["used_positive"]),
        negative=tuple(own["used_negative"]),
        worth_not=frozenset(own["worth_not_sides"]),
        not_kept=frozenset(own["dismissal_not_sides"]),
        not_nominal=frozenset(own["nominal_not_sides"]),
        worth_not_openers=frozenset(own["worth_not_openers"]),
        weight=float(own["weight"]),
    )


class _Never:
    """A pattern a text cannot match (``_general_words_in``): every search finds nothing."""

    __slots__ = ()

    def search(self, *args: object) -> None:
        return None

    def match(self, *args: object) -> None:
        return None

    def finditer(self, *args: object) -> Iterator[re.Match[str]]:
        return iter(())


_NEVER = _Never()


@cache
def _general_cues() -> tuple[tuple[str, ...], CueList]:
    """The names of ``_GeneralWords``'s patterns and their cue list (``prep.CueList``)."""
    own = _general_words()
    names = tuple(
        f.name for f in dataclasses.fields(own) if isinstance(getattr(own, f.name), LazyPattern)
    )
    return names, CueList(getattr(own, name) for name in names)


def _general_words_in(text: str) -> _GeneralWords:
    """``_general_words`` for the sentences of ``text``: a pattern the message cannot match
    (none of the letters every match of it holds is in it: ``prep.CueList``) is ``_NEVER``, so
    a reading is tried only on a message with its cue words (speed only: the claims are those
    of every reading tried on every sentence)."""
    return _general_words_for(tuple(_general_cues()[1].positions(_prepared(text))))


@lru_cache(maxsize=1024)
def _general_words_for(positions: tuple[int, ...]) -> _GeneralWords:
    names = _general_cues()[0]
    kept = set(positions)
    never = {name: _NEVER for at, name in enumerate(names) if at not in kept}
    return dataclasses.replace(_general_words(), **never)  # type: ignore[arg-type]


def _gated_out(text: str, own: _GeneralWords) -> bool:
    """Whether ``text`` holds none of the words any general construction needs (the gate's
    words, or ">": "tabs > spaces")."""
    return (
        own.gate is _NEVER
        and ">" not in text
        and not own.unlettered_gate.search(text.lower().replace("’", "'"))
    )


#: Whitespace ``_general_reading`` folds to one space: a run of two or other than a space.
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")


#: Words before a side's first word that are no part of it ("the", "my", a preposition after
#: the verb: "order from the bakery", "go with the hatchback").
_SIDE_LEADS = frozenset(
    {"the", "a", "an", "my", "our", "your", "his", "her", "their", "some", "any", "this"}
    | {"that", "these", "those", "from", "with", "for", "by", "via", "on", "in", "at", "to"}
    | {"up", "out", "over", "of", "more", "just", "only", "mostly", "all", "really"}
)
_SIDE_ENDS = frozenset({"the", "a", "an", "my", "our", "of", "and", "or", "to", "with", "than"})
_VP_ENDS = frozenset({"in", "on", "at", "for", "from", "by", "via", "into", "your", "their"})
#: Words between a subject and its verb ("I'll happily use", "we usually go").
_BEFORE_VERB = frozenset(
    {"'ll", "ll", "will", "would", "'d", "d", "always", "usually", "happily", "really", "just"}
    | {"only", "also", "often", "normally", "generally", "mostly", "still", "do", "now", "much"}
    | {"definitely", "honestly", "typically", "tend", "to", "'ve", "have", "can", "could"}
    | {"should", "might", "may", "gladly", "totally", "actually", "personally", "already"}
)
_SPEAKERS = frozenset(
    {"i", "we", "i'd", "id", "we'd", "i'll", "we'll", "ill", "i've", "ive", "we've", "you", "u"}
)
_IMPERATIVE_LEADS = frozenset({"please", "pls", "plz", "just", "always", "kindly", "and", "so"})
#: Words after an "-ing" form that make it an act ("texting them", "calling the office"), not
#: a thing it describes ("the racing flats").
_ACT_OBJECTS = frozenset(
    {"the", "a", "an", "my", "our", "it", "them", "me", "us", "him", "her", "this", "that"}
    | {"to", "in", "on", "at", "for", "with", "by", "from", "into", "about", "up", "out"}
)
_RELATIVE_HEADS = frozenset({"the", "this", "that", "a", "an", "any", "every", "all"})
_PARTICLES = frozenset({"along", "up", "out", "off", "back", "away", "around", "by", "over"})
_ASKING = frozenset({"can", "could", "would", "will", "please", "pls", "plz"})


def _general_reading(
    text: str, sentence: Span, answering: bool = False, own: _GeneralWords | None = None
) -> list[Claim]:
    """A contrast or a change of the speaker's in any of the constructions of
    ``general_readings`` (preference.v41): the side chosen or taken up now for, the other side
    or the one given up against, both citing the sentence (so the graph reads a change cue in
    it). Not a question but a request ("Could you use British spelling instead of American?"),
    not another person's ("My boss uses X instead of Y"), not a one-off ("this time")."""
    own = own or _general_words_in(text)
    if _gated_out(text, own):
        return []  # none of the words any construction needs, in the whole message
    low = text[sentence.start : sentence.end].lower().replace("’", "'")
    if _ODD_SPACE.search(low):
        low = re.sub(r"\s+", " ", low)
    if not (own.gate.search(low) or ">" in low or own.unlettered_gate.search(low)):
        return []  # none of the words any construction needs
    if low.rstrip().endswith("?") and not (
        (own.request.match(low) and own.standing.search(low)) or own.lead_request.match(low)
    ):
        return []  # "Can you post the summaries in Slack instead of email?" asks once
    if own.moment.search(low):
        return []  # "berlin over munich tomorrow morning": of the moment
    if _choice_words()["one_off"].search(low):
        return []  # "this time": one occasion
    sides = _general_change(low, own) or _general_contrast(low, own, answering)
    if not sides:
        return []
    cited = [_quoted(text, sentence)]
    return [Claim(k[:80], v, p, w, list(cited)) for k, v, p, w in sides]


def _general_side(
    phrase: str, own: _GeneralWords, vp: bool = False, words: int = 5, amount: bool = False
) -> str:
    """One side of a contrast or change: its words after a determiner or a preposition that
    opens it, up to a word that ends it (``side_stops``: a reason, a purpose, a time; only
    those for a verb phrase, ``vp``), at most ``words`` words; "" when nothing is left or it
    opens on a pronoun (``side_skip``)."""
    said = [w.strip(".'\"") for w in re.findall(r"[\w'.+#>-]+", phrase)]
    said = [w for w in said if w]
    while not vp and len(said) > 1 and said[0] in _SIDE_LEADS:
        said.pop(0)
    stops = own.vp_stops if vp else own.stops
    kept: list[str] = []
    for at, word in enumerate(said):
        if word == "to" and at and said[at - 1 : at] == said[at + 1 : at + 2]:
            kept.append(word)  # "paying month to month", "face to face": one phrase (v47)
            continue
        if kept and (word in stops or said[at + 1 : at + 2] == ["ago"]):
            break  # "drinking years ago": the time is no part of it
        kept.append(word)
    kept = kept[:words]
    while len(kept) > 2 and kept[-1] in ("lot", "lots", "much", "often", "loads"):
        kept = kept[:-2] if kept[-2] == "a" else kept[:-1]  # "play guitar a lot": guitar
    while len(kept) > 1 and (kept[-1] in _SIDE_ENDS or (vp and kept[-1] in _VP_ENDS)):
        kept.pop()
    if not kept or (kept[0] in own.skip and not amount) or (not vp and kept[0] in _SIDE_LEADS):
        return ""
    return tx.normalise_phrase(" ".join(kept))


def _left_side(left: str, own: _GeneralWords) -> tuple[str, str, str] | None:
    """The side chosen, before a contrast's marker: the words after the speaker's verb ("For
    prototypes I use PLA", "drive further to use a Supercharger", "Please use APA 7"), with
    how the speaker said it ("prefers", "asks for"; "" for a fragment with no verb) and the
    verb. None when the subject is someone else ("my boss uses ..."), the listener told what
    they may do ("You can use margarine instead of butter": a suggestion; "can you use ..."
    asks), or the clause supposes ("I wish I had gone to school instead of ...")."""
    words = re.findall(r"[\w'.+#-]+", left)
    if any(w in own.others or w in own.supposing for w in words):
        return None
    edge, says = -1, ""
    for at, word in enumerate(words):
        if word in ("you", "u") and not (at and words[at - 1] in _ASKING):
            return None  # "You can use margarine instead of butter": a suggestion
        if word in _SPEAKERS and at == 2 and words[0] in _RELATIVE_HEADS:
            return None  # "the money I save by using candles instead of ...": a relative clause
        if word in _SPEAKERS:
            verb = at + 1
            while verb < len(words) - 1 and words[verb] in _BEFORE_VERB:
                verb += 1
            if verb < len(words):
                edge = verb
                says = "asks for" if word in ("you", "u") else "prefers"
        elif word in own.verbs and (at == 0 or words[at - 1] in _IMPERATIVE_LEADS):
            edge, says = at, "asks for"
        elif word == "to" and at + 1 < len(words) and words[at + 1] in own.verbs:
            edge, says = at + 1, says or "prefers"
    chosen = words[edge + 1 :]
    if edge < 0:
        while chosen and chosen[0] in tx.english_set("discourse_markers"):
            chosen = chosen[1:]
    if len(chosen) > 6 or chosen[:1] in (["this"], ["it"], ["that"], ["these"], ["those"]):
        return None  # "I want this reviewed by a supervisor, not ...": the case at hand
    side = _general_side(" ".join(chosen), own)
    if not side or side.split()[0] in own.not_sides:
        return None  # "I'd love to have you over again": no thing chosen
    verb = words[edge] if edge >= 0 else ""
    if edge >= 0 and edge + 1 < len(words) and (verb, words[edge + 1]) in own.pairs:
        verb = f"{verb} {words[edge + 1]}"  # "go with", "opt for"
    return side, says, verb


def _general_contrast(low: str, own: _GeneralWords, answering: bool) -> list[tuple]:
    """The two sides of a contrast of the speaker's: (key, value, polarity, weight)."""
    weight = own.weight
    found = own.rather.search(low) if "rather" in low or "sooner" in low else None
    if found and not any(w in own.others for w in low[: found.start()].split()):
        chosen = _general_side(found["x"], own, vp=True, words=6)
        other = _general_side(found["y"], own, vp=True, words=6)
        if chosen and other and chosen != other and chosen.split()[0] not in own.not_sides:
            said = f"would rather {chosen}"
            return [
                (chosen, f"{said} than {other}", 1.0, weight),
                (other, _against(said, other), -1.0, weight),
            ]
    found = _fronted().search(low) if " than " in low else None
    clause = found and _CLAUSE_OPENERS.search(found["x"])
    if found and not clause and ("for me" in found.group() or "to me" in found.group()):
        chosen = _general_side(found["x"], own, vp=bool(found["to"]), words=5)
        other = _general_side(found["y"], own, vp=bool(found["to"]), words=5)
        if found["to"] and chosen:  # "to write than speak": writing over speaking
            chosen = _gerund(chosen)
            if other.split()[0] in tx.english_set("prepositions"):  # "... than at night"
                other = f"{chosen.split()[0]} {other}"
            elif len(other.split()) == 1 == len(found["x"].split()):
                other = _gerund(other)
        if chosen and other and chosen.split()[0] not in own.not_sides:
            return _two_sides("prefers", chosen, other, "over", weight)
    if sides := _standing_contrast(low, own, weight):
        return sides
    for pattern, cue in ((own.suitable, " than "), (own.winning, ""), (own.valuing, "")):
        if pattern is own.valuing and not ("worth" in low or "sense" in low):
            continue
        if cue not in low or (pattern is own.winning and not (">" in low or own.wins.search(low))):
            continue  # a cheap look for the words each construction needs first
        found = pattern.search(low)
        if found is None or any(w in own.others or w in _SPEAKERS for w in found["x"].split()):
            continue  # "I like to beat everyone": no thing that wins
        x = found["x"]
        if pattern is own.valuing and x.startswith("one ") and len(x.split()) > 1:
            x = x[4:]  # "one good knife is worth a dozen gadgets": a good knife (v47)
        if _CLAUSE_VERBS.intersection(x.split()):
            continue  # "cnn just had trump on tv": a clause before the verb, no thing (v47)
        if x.split()[0] in _OTHERS_POSSESSIVES:
            continue  # "Their striker wins over defenders": someone else's, no taste (v47)
        said = found["y"].split()
        if pattern is own.valuing and (
            own.worth_not.intersection(said[:3]) or said[0] in own.worth_not_openers
        ):
            continue  # "worth ten quid", "worth more than we paid": a price, a clause (v47)
        chosen, other = _general_side(x, own), _general_side(found["y"], own)
        longest = 8 if pattern is own.valuing else 6  # "A proper field guide with ... is worth"
        if len(x.split()) <= longest and chosen[:1].isalpha() and other[:1].isalpha():
            return _two_sides("prefers", chosen, other, "over", weight)  # not "2 > 1"
    for found in [*own.markers.finditer(low), *own.over.finditer(low)]:
        start = max(low.rfind(p, 0, found.start()) for p in ",;:(.!")
        left = _left_side(low[start + 1 : found.start()], own)
        rest = low[found.end() :]
        other = _general_side(re.split(r"[,;:!?]", rest)[0], own)
        announced = _change_announcement().search(low, 0, start + 1) is not None
        if left is None or not other or not (left[1] or announced):
            continue  # a fragment ("Tea instead of coffee") is ``_choice_fragment``'s
        chosen, says, verb = left
        if found.group() == "over" and not (
            verb in own.choosing or " " in verb or own.over_standing.search(rest)
        ):
            continue  # "a walk over the bridge", "have you over again": a preposition
        if tx.is_past(verb.split()[0] if verb else "") and " now" not in low:
            continue  # "I emailed the invoices instead of texting them": one occasion
        acted = other.split()
        if (
            tx.is_gerund(acted[0])
            and not tx.is_gerund(chosen.split()[0])
            and (len(acted) == 1 or acted[1] in _ACT_OBJECTS)
        ):
            continue  # "Use Python instead of emailing": an act against a thing, no choice
        return _two_sides(says or "prefers", chosen, other, "over", weight)
    found = own.more_less.search(low) if "more" in low else None
    if found:
        chosen, other = _general_side(found["x"], own), _general_side(found["y"], own)
        if not found["first"]:  # "fewer takeaways and more home cooking"
            chosen, other = other, chosen
        said = "prefers" if re.match(rf"\W*{_SUBJECT}\s", found.group()) else "asks for"
        if chosen and other and chosen != other:
            return [
                (chosen, f"{said} more {chosen}, less {other}", 1.0, weight),
                (other, f"{said} less {other} (more {chosen} instead)", -1.0, weight),
            ]
    found = own.not_side.search(low) if re.search(r",\s*not\s", low) else None
    if found:
        left = _left_side(found["left"], own)
        other = _general_side(found["y"], own)
        verb = left[2] if left else ""
        chooses = verb in own.not_verbs or " " in verb
        if left and chooses and other and other.split()[0] not in own.not_sides:
            return _two_sides(left[1], left[0], other, ", not", weight)
    return []


def _standing_contrast(low: str, own: _GeneralWords, weight: float) -> list[tuple]:
    """The contrasts of preference.v50 outside the canonical frames: a competitive verb with a
    tail of standing ("Canister filters beat hang-on-back ones for me"), a side alone with "for
    me" and such a tail ("Bare-root roses for me every time": one side only), an idiom of
    satisfaction against another that never does ("X hits the spot in a way Y never does") and
    a dismissal ("I'll take X, you can keep Y"). Not a side that is a clause, a pronoun or
    someone else ("Our team beat them 3-1 for me": who, not what)."""
    for pattern in (own.standing_winning, own.sensory, own.dismissal):
        found = pattern.search(low)
        if found is None:
            continue
        groups = found.groupdict()
        x = groups.get("x") or groups.get("x2") or groups.get("x3") or ""
        y = groups.get("y") or groups.get("y2") or ""
        if pattern is own.dismissal:
            y = re.sub(r"^\s*(?:your|ur)\s+", "", y)  # "You can keep your e-readers": theirs
        if _not_a_side(x, own) or _not_a_side(y, own):
            continue
        if pattern is own.dismissal and own.not_kept.intersection(y.split()):
            continue  # "I'll take a flat white, you can keep the change": a payment's rest
        chosen, other = _general_side(x, own), _general_side(y, own)
        if chosen and other and chosen != other and chosen[:1].isalpha() and other[:1].isalpha():
            return _two_sides("prefers", chosen, other, "over", weight)
    if sides := _idiomatic_contrast(low, own, weight):
        return sides
    found = own.nominal.search(low)
    said = found["x"].split() if found is not None else []
    if found is not None and not _not_a_side(found["x"], own) and len(said) <= 5:
        if said[0] in own.not_nominal:
            return []  # "Same for me every time": a reply, no thing
        chosen = _general_side(found["x"], own)
        if chosen and chosen[:1].isalpha() and chosen.split()[0] not in own.not_sides:
            return [(chosen, f"prefers {chosen}", 1.0, weight)]
    return []


#: Reported speech: a judgement someone else made ("..., the report says", "according to").
_REPORTED = re.compile(
    r"\b(?:says|said|say|claims?|claimed|reckons?|thinks?|according\s+to|reportedly|"
    r"apparently|reviewers?|critics?|experts?|the\s+article|the\s+report)\b"
)


def _idiomatic_contrast(low: str, own: _GeneralWords, weight: float) -> list[tuple]:
    """The contrasts of preference.v56: one side falling short of the other ("X can't hold a
    candle to Y", "X is nothing on Y": Y chosen), one side above the other ("X is a cut above
    Y", "X puts Y to shame"), "between X and Y" and then one of the two, a verbless "better X
    than Y" and a want with a dismissive tag on the other ("give me X, forget Y"). Not a
    question, a side that is a clause, a pronoun or a person, a proverb ("better late than
    never"), a pick that is neither side ("Between the two candidates, the vote was close")."""
    if low.rstrip().endswith("?") or _REPORTED.search(low):
        return []
    for pattern in (own.losing, own.superior, own.tagged, own.better_than):
        found = pattern.search(low)
        if found is None:
            continue
        groups = found.groupdict()
        x, y = groups.get("x") or groups.get("x2") or "", groups.get("y") or groups.get("y2") or ""
        tail = r"\s+(?:imo|imho|tbh|lol|haha|honestly|for\s+(?:me|us))\s*$"
        x, y = re.sub(tail, "", x), re.sub(tail, "", y)
        if pattern is own.better_than and (
            x.strip() in own.proverbs
            or y.strip() in own.proverbs
            or x.split()[0] in own.proverbs
            or len(x.split()) > 5
        ):
            continue
        if _not_a_side(x, own) or _not_a_side(y, own):
            continue
        chosen, other = _general_side(x, own), _general_side(y, own)
        cut = [
            side
            for side, said in ((chosen, x), (other, y))
            if len(side.split()) == 1 and side.endswith("ing") and len(said.split()) > 1
        ]
        if cut:
            continue  # "isn't a patch on doing it by hand": a verb phrase cut to its verb
        if chosen and other and chosen != other and chosen[:1].isalpha() and other[:1].isalpha():
            return _two_sides("prefers", chosen, other, "over", weight)
    found = own.between.search(low)
    if found is not None and not _not_a_side(found["x"], own):
        first, second = _general_side(found["a"], own), _general_side(found["b"], own)
        pick = _general_side(found["x"], own)
        if first and second and pick and first != second:
            picked = set(pick.split())
            if picked <= set(first.split()) or first.split()[-1] in picked:
                if not (picked <= set(second.split()) or second.split()[-1] in picked):
                    return _two_sides("prefers", first, second, "over", weight)
            elif picked <= set(second.split()) or second.split()[-1] in picked:
                return _two_sides("prefers", second, first, "over", weight)
    return []


def _not_a_side(phrase: str, own: _GeneralWords) -> bool:
    """A side of a contrast that names no thing: a clause (a verb of its own), a pronoun or a
    person ("I", "my sister", "them")."""
    words = phrase.split()
    return (
        not words
        or any(w in own.others or w in _SPEAKERS for w in words)
        or bool(_CLAUSE_VERBS.intersection(words))
        or words[0] in _OTHERS_POSSESSIVES
        or words[0] in own.skip
        or (words[0] in tx.english_set("discourse_markers") and len(words) == 1)
    )


@cache
def _fronted() -> re.Pattern[str]:
    """A learner's comparative with its predicate first (``fronted_adjectives``, v44): "For me
    is more easy to write than speak", "Is more easy for me the video than the text"."""
    own = tx.load_lexicon("preferences")["general_readings"]
    adjectives = tx.word_alternation(own["fronted_adjectives"])
    me = r"(?:(?:for|to)\s+me\s*,?\s+)"
    return re.compile(
        rf"(?:^|(?<=[,;:.!?]))\W*{me}?(?:it\s+)?(?:is|'s|are)\s+"
        rf"(?:(?:much|way|far|a\s+lot|a\s+bit|very|so)\s+)?(?:more\s+)?(?:{adjectives})\s+{me}?"
        rf"(?:(?P<to>to)\s+)?(?P<x>[^,.;:!?]+?)\s+than\s+(?:to\s+)?(?P<y>[^,.;:!?]+)"
    )


#: A clause inside the first side of a fronted comparative: what is compared is in it ("For
#: me is more easy to play when I see the video than the sheet": the video, not playing).
_CLAUSE_OPENERS = re.compile(r"\b(?:when|whenever|if|while|because|since|as|once)\b")


def _gerund(side: str) -> str:
    """A verb phrase as its act: "write" -> "writing", "pay by card" -> "paying by card"."""
    words = side.split()
    if not words or tx.is_gerund(words[0]):
        return side
    forms = sorted((f for f in tx.inflections(words[0]) if f.endswith("ing")), key=len)
    return " ".join([forms[0], *words[1:]]) if forms else side


def _two_sides(says: str, chosen: str, other: str, link: str, weight: float) -> list[tuple]:
    if chosen == other:
        return []
    words = other.split()
    if words[-1] in ("one", "ones") and len(words) > 1:
        other = " ".join([*words[:-1], chosen.split()[-1]])  # "the Ionity ones"
    said = f"{says} {chosen}"
    link = link if link.startswith(",") else f" {link}"
    return [
        (chosen, f"{said}{link} {other}", 1.0, weight),
        (other, _against(said, other), -1.0, weight),
    ]


def _general_change(low: str, own: _GeneralWords) -> list[tuple]:
    """What the speaker takes up now and what they gave up: (key, value, polarity, weight)."""
    for pattern in (own.from_to, own.exchange, own.stop_move, own.no_more, own.out_in):
        if pattern is own.out_in and not (" out" in low and " in" in low):
            continue
        if pattern is own.from_to and own.decided.search(low) and " now" not in low:
            continue  # "I switched from tea to coffee last year": the decision extractor's
        found = pattern.search(low)
        if found is None or any(w in own.others for w in low[: found.start()].split()):
            continue
        if pattern is own.exchange and _a_person(found["y"], own):
            continue  # "I swapped seats with my friend": with whom, no thing taken up
        before = found["x"].split()
        if len(before) > 1 and tx.is_gerund(before[0]):
            before = before[1:]  # "stopped using tap water": the water
        if len(before) > 5 or "and" in before:
            continue  # "quit work and just go for a couple of months": no thing given up for
        old, new = _general_side(" ".join(before), own), _general_side(found["y"], own)
        if old and new and old != new:
            words = new.split()
            if words[-1] in ("one", "ones") and len(words) > 1:
                new = " ".join([*words[:-1], old.split()[-1]])  # "an induction one"
            said = f"has switched to {new}"
            return [
                (new, f"{said} from {old}", 1.0, 1.0),
                (old, _against(said, old), -1.0, 1.0),
            ]
    found = own.used_to.search(low) if "used to" in low else None
    if found and not any(w in own.others for w in low[: found.start()].split()):
        return _used_to(found, own)
    asked = _lead_request(low, own)  # "Going forward just give me X, I don't need Y anymore"
    rest = [side for side in _one_side_change(low, own) if side[0] not in {a[0] for a in asked}]
    return asked + rest


_PERSONS = frozenset({"him", "her", "them", "someone", "somebody", "anyone", "friend", "mate"})
#: Possessives of others opening a side: what wins is theirs ("their striker", v47).
_OTHERS_POSSESSIVES = frozenset({"his", "her", "their", "your", "ur"})
#: Auxiliaries in a side before a verb of winning: a clause, no thing ("cnn just had", v47).
_CLAUSE_VERBS = frozenset(
    {"had", "has", "have", "did", "does", "do", "is", "was", "were", "are", "am", "be", "been"}
)


def _a_person(side: str, own: _GeneralWords) -> bool:
    """Whether a side opens on a person ("my friend", "him", "a colleague"): one exchanges
    things with a person, not a thing for them (preference.v44)."""
    words = [w for w in side.split() if w not in ("my", "our", "a", "the", "his", "her", "their")]
    return bool(words) and (words[0] in own.others or words[0] in _PERSONS)


def _lead_request(low: str, own: _GeneralWords) -> list[tuple]:
    """A request from a point in time on: "From now on can you write the letters in a more
    formal tone?", "Going forward just give me the corrections inline"."""
    found = own.lead_request.match(low)
    if found:
        asked = _general_side(found["y"], own, vp=True, words=12).split()
        asking = bool(found["asking"]) or found.group().find(" you ") >= 0
        if asked and (asking or asked[0] in own.verbs) and len(asked) > 1:
            # "please cc my assistant": after "please" or "can you" the verb opens the request
            key = " ".join(w for w in asked if w not in ("me", "us"))
            return [(key, f"asks from now on to {' '.join(asked)}", 1.0, 1.0)]
    return []


def _one_side_change(low: str, own: _GeneralWords) -> list[tuple]:
    """A change said of one side: "we're not doing X any more", "cut down to N", "these days
    I mostly X", "ditched X"."""
    found = own.not_anymore.search(low)
    if found:
        old = _general_side(found["x"], own)
        if found["x"].split()[0] in tx.english_set("dangling_particles") | _PARTICLES:
            return []  # "we do not get along anymore": a phrasal verb, no thing
        said = f"has stopped {found['verb']} {old}" if found["verb"] else f"no longer wants {old}"
        if found["done"]:  # "I don't take sugar in my coffee any more"
            said = f"no longer {tx.third_person(found['done'])} {old}"
        return [(old, said, -1.0, 1.0)] if old else []
    found = own.amount.search(low)
    if found:
        now = _general_side(found["y"], own, vp=True, amount=True)
        return [(now, f"has cut down to {now}", 1.0, 1.0)] if now else []
    found = own.these_days.search(low)
    if found:
        now = _general_side(found["y"], own, vp=not found["it"])
        first = now.split()[0] if now else ""
        chooses = found["it"] or re.search(r"\b(?:instead|mostly|only|just)\b", found.group())
        if now and chooses and (found["it"] or first in own.verbs):
            # "These days I cook at home instead", "these days it's mostly piano"; not "these
            # days I feel tired", a state, no choice
            said = f"these days prefers {now}" if found["it"] else f"these days prefers to {now}"
            return [(now, said, 1.0, 1.0)]
    found = own.given_up.search(low) if own.gives.search(low) else None
    if found and not re.match(r"(?:my|our|his|her|their|your)\b", found["x"]):
        old = _general_side(found["x"], own)
        if old and old not in ("job", "work"):
            return [(old, f"has given up {old}", -1.0, 1.0)]
    return []


def _used_to(found: re.Match[str], own: _GeneralWords) -> list[tuple]:
    """ "I used to hate scales but now I look forward to them" (now likes scales), "I used to
    drink coffee but now I have green tea instead" (green tea now, against coffee)."""
    old = _general_side(found["x"], own)
    rest = re.sub(r"^(?:i|we|i've|we've|i'm|we're|it's|its|it\s+is)\s+", "", found["rest"])
    subject = rest != found["rest"]  # "but now I have green tea": the word after is a verb
    rest = re.sub(r"^(?:(?:actually|really|just|mostly|totally|kind\s+of|also)\s+)+", "", rest)
    taste = next((t for t in (*own.positive, *own.negative) if rest.startswith(f"{t} ")), None)
    if taste is not None and old:
        after = re.findall(r"[\w'-]+", rest[len(taste) :])
        if not after or after[0] in ("it", "them", "those", "that", "this", "these"):
            if taste in own.positive:
                return [(old, f"now likes {old} (used to {found['v1']} it)", 1.0, 1.0)]
            return [(old, f"no longer likes {old}", -1.0, 1.0)]
    verb, *obj = rest.split(maxsplit=1) or [""]
    if old and old.split()[0] in own.degrees and subject and verb not in own.not_sides:
        # "I used to read a lot but now I sew clothing": the act is what changed
        new = _general_side(rest, own, vp=True)
        if new and new.split()[0] not in own.skip:
            said = f"now prefers to {new}"
            return [(new, f"{said} (used to {found['v1']})", 1.0, 1.0)]
        return []
    new = _general_side(obj[0] if obj else "", own) if subject or verb in own.verbs else ""
    new = new or (_general_side(rest, own) if found["rest"].startswith(("it", "its")) else "")
    if old and new and old != new and found["v1"] not in own.negative:
        said = f"has switched to {new}"
        return [(new, f"{said} from {old}", 1.0, 1.0), (old, _against(said, old), -1.0, 1.0)]
    return []


def _with_general_readings(
    text: str, sentences: list[Span], found: list[Claim], asked: int, answering: bool
) -> list[Claim]:
    """``found`` with each sentence's general contrast or change (``_general_reading``) where
    the other readings did not already read a contrast in it (claims of both signs) nor say
    its side; a claim of the sentence whose key holds the construction's own words (a garbled
    reading of it: "asks for no more switched to prusaslicer") gives way to it."""
    own = _general_words_in(text)
    if _gated_out(text, own):
        return found  # none of the words any construction needs
    quotes, cues = tx.quoted_spans(text), own.construction
    for sentence in sentences:
        if sentence.start < asked or tx.inside(quotes, sentence.start):
            continue
        if tx.supposed(text, sentence.end - 1, ("imagined",)) is not None:
            continue  # "For argument's sake, say I prefer tea over coffee": a case imagined (v49)
        general = _general_reading(text, sentence, answering, own)
        if not general:
            continue
        mine = [c for c in found if any(sentence.start <= s.start < sentence.end for s in c.spans)]
        garbled = {id(c) for c in mine if cues & set(c.key.split())}
        kept = [c for c in mine if id(c) not in garbled]
        if len({c.polarity > 0 for c in kept}) == 2:
            continue  # the sentence's contrast is read already, in its own terms

        # a claim reading the other side (and what follows it) on the chosen side's sign is
        # the contrast misread: "i like cats over dogs, dogs nasty" gave `likes dogs nasty`
        garbled |= {
            id(c)
            for c in kept
            for g in general
            if c.polarity * g.polarity < 0 and (c.key == g.key or c.key.startswith(f"{g.key} "))
        }
        kept = [c for c in kept if id(c) not in garbled]

        def said(claim: Claim, kept: list[Claim] = kept) -> bool:
            head = tx.singular(claim.key.split()[-1])
            return any(
                c.polarity * claim.polarity > 0 and head in {tx.singular(w) for w in c.key.split()}
                for c in kept
            )

        found = [c for c in found if id(c) not in garbled] + [c for c in general if not said(c)]
    return found
