"""Quotes: who said what -- direct, partial, multi-paragraph and indirect quotes with resolved speakers.

Quote marks are found by a scanner that knows every convention we meet (straight and curly
double quotes, single quotes, Korean-outlet backtick pairs, nested quotes, the repeated opening
mark of a multi-paragraph quote) and never gives up on an unbalanced mark: an unclosed quote
ends at its paragraph. Each quote is attributed through the dependency parse: a speech verb
outside the quote (`said`, `told`, `according to`...) and its subject. Speakers are resolved to
the fullest name the article gives: pronouns to the last compatible named speaker, surnames to
full names, anonymous descriptions kept as anonymous, quotes without a cue in a run of quotes
to the previous speaker. Indirect speech (`X said that ...`) is found from the same verbs and
their objects (`noted the rise`, `warned of a battle`, `referring to`), speech nouns (`his claim
that ...`), parenthetical attributions (`The rules, she said, will ...`, `As the Post reported,
...`), `according to X` and `Name: ...` headlines and transcript turns. Stances count as
well as speech: verbs of a stance with their objects (`denounced the tariff`, `hoping to win`),
stance nouns (`Mr. Obama's calls for gun control`, `his pledge to close the plant`), views and
judgements with no holder or an agent (`is expected to win`, `was criticized by X for ...`),
reactions (`drew criticism from X`, `angered X`) and title-case headlines (`... Mara Lind
Endorses Tomas Berg`). Titles of works in quotes (`NBC's "Meet the Press"`, `"Prison Break"`)
are not quotes.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any, TypeVar, cast

from spacy.tokens import Doc, Span, Token

from tasks.entities import (
    DATELINE_DASHES,
    MORE_TITLES,
    NOT_NAME_END_POS,
    capital_article,
    introduced_names,
    surname_index,
)
from tasks.nlp import FEMALE_NAMES, FIRST_NAMES, MALE_NAMES, doc_text, token_at, verb_forms

# ---- lexicons -------------------------------------------------------------------------------
# verbs of saying whose subject may be a thing (a poll, a message, a study)
_FINDING_BASES = "show find indicate conclude"
_SPEECH_BASES = (
    f"{_FINDING_BASES} "
    "say tell add note state claim argue insist warn explain announce suggest acknowledge admit "
    "deny stress emphasize emphasise declare contend assert maintain agree recall describe "
    "characterize characterise ask reply respond answer comment remark predict promise vow pledge "
    "urge caution complain concede confirm reveal report write tweet post quip joke boast "
    "continue observe point testify testify allege estimate recount acknowledge reiterate repeat "
    "announce conclude counter retort scoff lament proclaim shout yell exclaim bark muse marvel interject "
    "speculate assure signal chant retweet email charge"
)
_COGNITION_BASES = "believe think hope expect fear feel know worry wonder doubt guess reckon"
SPEECH_VERBS = verb_forms(_SPEECH_BASES)
# Verbs whose object is what was said or meant ("criticized the plan", "called it a mistake"),
# the attribution kinds of PolNeAR-style annotation beyond clausal speech.
_OBJECT_BASES = (
    "criticize criticise praise call describe announce endorse support back defend deny accuse "
    "blame thank discuss mention cite propose tout urge reject dismiss question want demand "
    "condemn applaud welcome slam attack blast mock hail credit recommend predict promise "
    "pledge vow refuse oppose favor favour prefer congratulate outline champion highlight "
    "address promote acknowledge reveal release express list name plan seek intend "
    "decline threaten agree offer hope expect "
    "challenge denounce decry bemoan embrace assail portray deem dispute disavow repudiate "
    "renounce rebuke castigate chastise lambaste deride ridicule scorn disparage belittle "
    "denigrate insult berate fault excoriate commend laud extol advocate espouse "
    "reaffirm affirm contest downplay minimize minimise recognize recognise accept appreciate "
    "regret label brand dub term depict frame envision foresee anticipate forecast request "
    "encourage discourage echo remind share ignore understand identify compare "
    "liken voice publish present detail renew rebuff articulate reference decide order issue consider aim "
    "admire respect distrust dislike despise detest loathe"
)
# not "celebrate", "advise", "invite": celebrating a birthday, advising a campaign or inviting a
# guest is a deed (16 of 59 such objects attributions on PolNeAR train); "admire" ... "loathe":
# a feeling toward someone is a stance (PolNeAR train F1 0.7925 -> 0.7927, dev 0.8107 -> 0.8113)
OBJECT_VERBS = verb_forms(_OBJECT_BASES)
# "continues to grow": a speech verb that is aspectual before an infinitive
_ASPECTUAL = verb_forms("continue")
# Verbs whose prepositional object is what was said or meant: "warned of", "talked about",
# "called for", "referring to"; not "fight": "fighting for second place" (2 of 10 attributions).
# "worried about", "wondered about" are stances (PolNeAR train F1 0.7916 -> 0.7919); not "think":
# "think of X as Y", "you can think of it as" added little (+0.0001) and much that is no stance
_PREP_BASES = (
    "talk speak call comment complain warn boast brag rail lash joke refer point campaign "
    "focus respond weigh push argue advocate apologize apologise hint allude object opine "
    "agree disagree side look vote worry wonder fret believe"
)
_PREP_CUES = verb_forms(_PREP_BASES)
# "spoke with Teachout on the podcast": talking is about something only with these
_TALK = verb_forms("talk speak")
_ANSWERING = verb_forms("respond reply")
# verbs of naming, with an object and what it is called ("called him a liar")
_NAMING = verb_forms("call dub label brand")
# "agreed with his assessment", "sided with Trump": whom or what one agrees with is the stance;
# "believe in the American dream": what one believes in
_AGREEING = verb_forms("agree disagree side")
_BELIEVING = verb_forms("believe")
_VOTING = verb_forms("vote")
_IN_FAVOR = frozenset(["favor", "favour", "support"])
# "pointed to Cruz's organization", "agreed to a settlement": verbs of saying whose "to" takes
# what they are about, not the hearer (13 more attributions found on PolNeAR train, 0 speakers
# lost)
_TO_WHAT = verb_forms("point agree")
_CUE_PREPS = frozenset(["about", "of", "for", "on", "against", "over", "to"])
# "Four in 10 voters see the campaign as unfair": a view, only with its "as" predicate
# "Sanders has cast the Clintons as part of the establishment", "painted him as a risk": a
# framing (PolNeAR train F1 0.7927 -> 0.7932, dev 0.8113 -> 0.8121); so is describing,
# portraying or labelling them as something (with the list tail below, train 0.7986 -> 0.7989)
_AS_BASES = (
    "see view regard consider cast paint describe portray characterize characterise depict label "
    "brand dismiss hail tout frame denounce"
)
_AS_VERBS = verb_forms(_AS_BASES)
# "Clinton seemed to waver", "Trump is expected to win", "he is seen as a moderate": a view
# with no holder named, of which the subject and its predicate are the content
_SEEM = verb_forms("seem appear")
_PASSIVE_VIEW = verb_forms("expect see consider know view regard project believe think")
# "asked the students if they were serious": the parser hangs an indirect question on these
# verbs as a conditional clause (advcl), though it is what was asked
_ASK = verb_forms("ask wonder question inquire")
_QUESTION_MARKS = frozenset(["if", "whether"])
# "Trump was asked about ...", "he was told to ...": the subject of these passives is the hearer
_HEARER = verb_forms("ask tell")
# verbs whose object, not subject, did what the infinitive after them says: "forced Stumpf to
# admit" is Stumpf's admission. Not "pushed / urged / tried to persuade X to say": that is what
# the subject wants said, and PolNeAR gives it to the subject ("Sanders pushes Dems to reject")
_OBJECT_CONTROL = verb_forms("force compel get")
# common nouns naming whom something was said to ("told reporters", "told the website")
_HEARER_NOUN_WORDS = (
    "reporters reporter journalists journalist audience audiences crowd crowds supporters "
    "voters lawmakers website site newspaper paper magazine network station outlet interviewer "
    "host panel committee delegates students listeners viewers readers people"
)
_HEARER_NOUNS = frozenset(_HEARER_NOUN_WORDS.split())
# the medium a statement went out on ("posted on Facebook"), not what it was about
_CHANNEL_WORDS = (
    "twitter facebook instagram youtube tiktok snapchat reddit linkedin telegram whatsapp "
    "website site blog television tv radio air podcast"
)
_CHANNELS = frozenset(_CHANNEL_WORDS.split())
# "The proposal drew harsh criticism from his rivals", "His remarks angered conservative Jews":
# a reaction to the subject, held by whoever it comes from or whoever is moved
_RECEIVE = verb_forms("draw receive earn attract face garner")
_REACTION_WORDS = (
    "criticism praise boos applause backlash rebuke condemnation adulation support endorsement "
    "endorsements cheers fire scorn ire ridicule derision hostility outrage"
)
_REACTIONS = frozenset(_REACTION_WORDS.split())
_AFFECT = verb_forms(
    "anger infuriate upset alarm outrage worry concern please delight frustrate annoy irritate "
    "unsettle exasperate alienate offend dismay disappoint"
)
# Nouns of saying whose that-clause is what was said: "Trump's claim that ..."
_CUE_NOUN_WORDS = (
    "claim claims remark remarks assertion statement suggestion promise warning argument "
    "assurance belief view charge accusation allegation pledge vow insistence comment comments "
    "admission announcement contention complaint prediction position hope fear concern "
    "insinuation declaration acknowledgment acknowledgement notion idea"
)
# Nouns that report a statement or fear, often with no holder: "amid complaints that ...",
# "reports that she had clinched the nomination", "fears that businesses will cut benefits"
_REPORT_NOUN_WORDS = (
    "complaint complaints fear fears allegation allegations accusation accusations report "
    "reports rumor rumors rumour rumours speculation revelation revelations warning warnings "
    "claim claims charge charges suggestion suggestions concern concerns prediction "
    "predictions assurance assurances"
)
_REPORT_NOUNS = frozenset(_REPORT_NOUN_WORDS.split())
_CUE_NOUNS = frozenset(_CUE_NOUN_WORDS.split()) | _REPORT_NOUNS
# Nouns of a stance whose prepositional object is what the stance is about: "Her embrace of a
# $15 minimum wage", "Mr. Obama's calls for tighter gun control", "his comments on Muslims"
_STANCE_NOUN_WORDS = (
    "support criticism critique attack attacks endorsement endorsements call calls complaint "
    "complaints view views opposition embrace insistence response demand demands proposal "
    "proposals plan plans disagreement disagreements objection objections praise defense "
    "rejection denunciation condemnation appeal appeals question questions concern concerns "
    "doubts skepticism scepticism commitment stance position positions comments remarks "
    "remark comment statement statements accusation accusations warning warnings promise "
    "promises pledge pledges hostility admiration enthusiasm contempt disdain rhetoric push "
    "mention barbs argument arguments decision refusal vow vows threat threats attempt offer "
    "desire willingness determination intention"
)
_STANCE_NOUNS = frozenset(_STANCE_NOUN_WORDS.split())
# Stances news reports whoever holds them: "support for Mr. Trump here is muted", "drew
# criticism of the plan", "opposition to the pipeline has grown"
_OPEN_STANCES = frozenset(["support", "criticism", "opposition", "praise"])
_STANCE_PREPS = frozenset(["of", "for", "on", "about", "to", "against", "with", "over"])
# backings whose "of" after "the" names their giver ("drew the support of 41 percent of voters"):
# 2 of 23 such phrases on PolNeAR train report a stance on what follows "of"
_BACKINGS = frozenset(["support", "endorsement", "endorsements", "backing", "blessing"])
# Adjectives of a stance or state of mind whose complement is what the stance is about:
# "Republicans have been critical of her use of email", "he is confident that he will win",
# "she is eager to debate him"
_STANCE_ADJ_WORDS = (
    "critical supportive skeptical sceptical wary confident certain sure unsure uncertain "
    "convinced aware afraid fearful hopeful optimistic pessimistic worried concerned anxious "
    "nervous eager keen willing unwilling reluctant determined happy unhappy pleased displeased "
    "satisfied dissatisfied disappointed angry furious upset proud ashamed tired weary "
    "frustrated enthusiastic excited doubtful dubious adamant insistent opposed hostile "
    "favorable favourable receptive appreciative grateful thankful sympathetic dismissive "
    "contemptuous divided split alarmed troubled outraged committed dedicated intent bent "
    "optimistic suspicious fond envious jealous mindful cognizant disillusioned "
    "uneasy leery uncomfortable comfortable sanguine unified ambivalent indifferent resentful "
    "apprehensive distrustful cautious bullish bearish incensed irate"
)
_STANCE_ADJS = frozenset(_STANCE_ADJ_WORDS.split())
# "In a CNN poll released Monday, 50 percent chose Clinton": the findings of a poll or study
_POLL_WORDS = "poll polls survey surveys study studies"
_POLL_NOUNS = frozenset(_POLL_WORDS.split())
# "Trump leads in the polls", "he rose in polls": polling at large is the writer's account of a
# standing, not the findings of a poll (8 of 28 such bare phrases attributions on PolNeAR train)
_POLLS_AT_LARGE = frozenset(["polls", "surveys", "studies"])
# documents that speak for whoever made them ("a study by Media Matters found"): the author named
# after "by" (or "from": "a report from Bloomberg New Energy Finance") is the speaker
_AUTHORED_WORDS = (
    "report reports analysis review lawsuit suit complaint article paper memo letter audit "
    "investigation book ad ads filing count tally estimate estimates projection projections "
    "forecast calculation examination document documents"
)
_AUTHORED = _POLL_NOUNS | frozenset(_AUTHORED_WORDS.split())
# what a person says or writes, whose possessor is its speaker ("His speech cited ...", not
# "His campaign said ...", which speaks for him)
_UTTERANCE_WORDS = (
    "statement statements speech speeches remarks comments letter tweet tweets post op-ed "
    "column memo testimony email emails message essay memoir"
)
_UTTERANCES = frozenset(_UTTERANCE_WORDS.split())
# participles by which a document names its maker ("a lawsuit filed by", "an email sent out by";
# not "remarks first reported by The New York Times", "a message referring to strikes by")
_AUTHORING = verb_forms(
    "conduct file release send write issue prepare produce commission compile draft sign "
    "carry publish post tweet"
) | frozenset(["drawn", "put"])  # the participles alone: "drawn up by", "put out by"
# "in the words of a senior adviser", "in the eyes of most voters", "in his view": whose view
_VIEW_WORDS = "words eyes view views opinion estimation judgment judgement mind"
_VIEW_NOUNS = frozenset(_VIEW_WORDS.split())
# the modals a report shifts "will", "can", "may" and "shall" into
_BACKSHIFT_MODALS = frozenset(["would", "could", "might", "should"])
# dependents of a verb after its prepositional object that complete what is said of it
_OBJECT_TAIL = frozenset(["prep", "advcl", "xcomp", "oprd", "ccomp", "acomp"])
# "46 percent said yes", "he said no", "half said so", "26 percent said the same": an answer
_ANSWERS = frozenset(["yes", "no", "so", "same"])
_ANSWER_TEXTS = frozenset(["yes", "no", "so", "the same"])
# the copulas a state of mind is predicated with
_COPULA_WORDS = (
    "be is are was were been being am 's ’s remain remains remained become becomes became "
    "grow grew grown"
)
_COPULAS = frozenset(_COPULA_WORDS.split())
# Speech verbs that can follow their quote with the speaker after them ("..., said Ms. Quill")
_INVERTING_BASES = (
    "say add write continue explain note insist recall reply respond answer tweet quip "
    "argue declare warn ask observe conclude agree remark shout yell exclaim bark muse marvel "
    "interject"
)
_INVERTING = verb_forms(_INVERTING_BASES)
# Verbs of saying only with a clause: "found that ..." but "found jobs", "maintained that ..." but
# "maintained a lead", "he continued, ..." but "continued the fight"
_CLAUSE_ONLY = verb_forms("find maintain continue")
_FINDING = verb_forms("find")
_FINDING_VERBS = verb_forms(f"{_FINDING_BASES} suggest signal reveal")
# Adverbs of a standing in a race or a poll, said of an object ("shows Cruz 16 points ahead")
_STANDING = frozenset(["ahead", "behind", "up", "down"])
# Verbs of having that put no proposition ("Cruz has 11 delegates, Rubio has 10")
_HAVE = frozenset(["has", "have", "had", "having"])
# "as she put it": a verb of saying only with "it" as its object
_PUT = frozenset(["put", "puts", "putting"])
COGNITION_VERBS = verb_forms(_COGNITION_BASES)
# personal pronouns, and possessives that hold a stance ("his comments on Muslims")
_PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "i": "s",
    "we": "p",
    "him": "m",
    "her": "f",
    "his": "m",
    "their": "p",
    "my": "s",
    "our": "p",
}
_ANONYMOUS = re.compile(
    r"\b(anonymity|anonymous(?:ly)?|not authori[sz]ed|declined to be (?:named|identified)|"
    r"(?:asked|asking|asks|requested|requesting|requests) not to be (?:publicly )?"
    r"(?:named|identified|quoted|cited)|on condition of)\b",
    re.IGNORECASE,
)
_INDEFINITE = re.compile(
    r"^(?:another|an?|one|some|several|two|three|other|senior|unnamed|a senior)\b", re.IGNORECASE
)
_TITLE_WORDS = re.compile(
    r"^(?:(?:U\.S\.|former|then|acting|deputy|vice|chief|senior)\s+)*(?:Mr|Mrs|Ms|Miss|Dr|Prof|"
    r"Professor|Sen|Senator|Rep|Representative|Congressman|Congresswoman|Mayor|Gen|General|Gov|"
    r"Governor|President|Ambassador|Envoy|Secretary|"
    r"Minister|Prime Minister|Premier|Chairman|Spokesman|Spokeswoman|Director|Judge|Rev|"
    # not "Justice" (entities strip it from a PERSON's name), which begins names of bodies
    # too: "the Justice Department said"
    rf"(?:House\s+)?Speaker|{MORE_TITLES})"
    r"\.?\s+(?=[A-Z]|(?:de|van|von|da|di|del|al|bin)\s)"
)
# A name after a title at the end of a longer phrase ("the district GOP Chairman Chuck Williams",
# "former Pennsylvania Gov. and DNC Chairman Ed Rendell")
_NAME_AFTER_TITLE = re.compile(
    r"\b(?:Chairman|Chairwoman|Gov\.|Governor|Sen\.|Senator|Rep\.|Representative|Secretary|"
    r"Director|President|Speaker|Minister|Ambassador|Mayor|Judge)\s+"
    r"((?:[A-Z][\w'’.-]*\s+){1,2}[A-Z][\w'’-]+)$"
)
# Head nouns of descriptions that can stand for a person named earlier ("the U.S. point man")
_PERSON_ROLE = re.compile(
    r"^(?:official|spokes(?:wo)?man|spokesperson|envoy|man|woman|minister|diplomat|negotiator|"
    r"president|secretary|ambassador|analyst|expert|lawmaker|senator|leader|chief|adviser|advisor|"
    r"aide|source|representative|director|professor|researcher|general|commander|chairman|"
    r"candidate|governor|mayor|premier|officer|executive|economist|strategist|businessman|"
    r"businesswoman|billionaire|nominee|front-?runner|hopeful|congressman|congresswoman|mogul|"
    r"host|speaker|judge|justice|attorney|lawyer|activist|founder|ceo|head|manager|commentator)s?$",
    re.IGNORECASE,
)
# more people of the news by trade or standing, whom a definite description names ("the real
# estate tycoon", "the star journalist", "the retired neurosurgeon")
_PERSON_NOUN = re.compile(
    r"^(?:actor|actress|journalist|anchor|moderator|tycoon|magnate|developer|entrepreneur|"
    r"investor|banker|neurosurgeon|surgeon|doctor|physician|scientist|author|writer|columnist|"
    r"reporter|pollster|operative|consultant|novice|newcomer|incumbent|challenger|contender|"
    r"organizer|narrator|prince|princess|king|queen|pope|pastor|preacher|priest|bishop|rabbi|"
    r"imam|cleric|coach|veteran|widow|chairwoman|commissioner|prosecutor|sheriff|member)$",
    re.IGNORECASE,
)
# capitalised verbs a title-case headline puts after a name ("Trump Addresses ...")
_HEADLINE_VERBS = SPEECH_VERBS | OBJECT_VERBS | _PREP_CUES | COGNITION_VERBS
# Words before a name that give its gender the way a first name does ("Grandpa Bern", "Queen
# Elizabeth", "Sister Souljah"); not first names, so names are never trimmed to them
_FEMALE_TITLE_WORDS = (
    "grandma grandmother mother mom aunt sister daughter queen princess duchess lady dame "
    "madam madame mrs ms miss"
)
_FEMALE_TITLES = frozenset(_FEMALE_TITLE_WORDS.split())
_MALE_TITLE_WORDS = (
    "grandpa grandfather father dad uncle brother son king prince duke lord sir pope mr"
)
_MALE_TITLES = frozenset(_MALE_TITLE_WORDS.split())

# up to four capitalised words: the name that opens a headline ("Roger Stone", "CNN President")
_HEADLINE_NAME = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"
# "Name: content" at the start of a paragraph (headlines, summaries)
_HEADLINE = re.compile(rf"^\s*({_HEADLINE_NAME})\s*:\s+(?=\S)")
# "Gillibrand on Hillary Releasing Her Speeches: 'I Think She Will.'": a headline of a person's
# word on a topic
_HEADLINE_TOPIC = re.compile(rf"^\s*({_HEADLINE_NAME})\s+(?:on|about)\s+[^:\n]{{1,80}}:\s+(?=\S)")
# ... or "Name to/at Whom or Where:" ("Obama To Asians Worried About U.S. Election: It's Going To
# Be OK"), in a title line
_HEADLINE_ADDRESSED = re.compile(
    rf"^\s*({_HEADLINE_NAME})\s+(?:to|at|To|At)\s+[^:\n]{{1,60}}:\s+(?=\S)"
)
# "Roger Stone" or "CNN President" before a headline colon: capitalised words only
_NAME_WORD = re.compile(rf"^{_HEADLINE_NAME}$")

# Capitalised words after "said" that are not a speaker's name
_NOT_NAMES = frozenset(["the", "a", "an", "i", "in", "on", "at", "that", "this", "it", "he", "she"])

# Text before a name it is glued to: the closing mark of a quote ("... paranoia,”Clinton") or
# the end of a markup tag left in the text ('... rated it Mostly True.">Sanders said')
_GLUED = re.compile(r"[^\s]*[“”\"<>]")

# Titles of works in quotes: capitalised words (small words aside) after a possessive or a word
# for a work ("Fox News Channel’s “Fox & Friends,”", "the television program 'Inside Edition'")
_TITLE_WORD = re.compile(r"[\w'’&-]+")
_SUBTITLED_MAX_WORDS = 14  # a title and its subtitle; a longer run of capitals is a headline
_TITLE_SMALL = frozenset(
    ["of", "the", "and", "&", "a", "an", "in", "on", "for", "to", "at", "with", "from", "by"]
)
_TITLE_CONTEXT = re.compile(
    r"(?:['’]s|\b(?:show|program|programme|series|podcast|film|movie|book|novel|song|album|"
    r"drama|sitcom|column|essay|op-ed|magazine|channel)"
    # "in an interview with "Fox News Sunday."", "a co-editor of "Chick Lit: ...""
    r"|\b(?:interview|appearance|interviewed|appeared|speaking|spoke|said|says)\s+(?:on|with)"
    r"|\b(?:author|co-author|editor|co-editor|host|co-host|anchor)\s+of)\W*$",
    re.IGNORECASE,
)

# "Mr." or "Mrs." before a name tells the gender of the person meant
_HONORIFIC = re.compile(r"^(Mrs|Ms|Miss|Mr)\.?\s")
_MR_BEFORE = re.compile(r"\bMr\.?\s*$")
_MRS_BEFORE = re.compile(r"\bM(?:r)?s\.?\s*$")

# Word classes that do not begin a name: NER runs a person on from a preposition, determiner or
# adjective of a title-case line ("Beneath Clinton", "Top Clinton Aide", "Exclusive Trump")
_NOT_NAME_POS = frozenset(["ADP", "DET", "CCONJ", "SCONJ", "ADV", "AUX", "PART", "ADJ", "VERB"])

# Lower-case particles that begin a name ("de Blasio", "al-Assad", "van Hollen")
_NAME_PARTICLES = frozenset(["de", "del", "da", "di", "van", "von", "al", "el", "bin", "la", "le"])
# Words no name runs across: "Gillibrand on Hillary Releasing ...", "Luciana Lopez: Saying ..."
_NAME_BREAKS = frozenset([":", ";", "on", "about", "for", "to", "with", "at", "in", "and"])
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# the holder before a possessive, then a name ("Media Research Center’s Bozell")
_OWNER = re.compile(r"^.+?(?:'s|’s)\s+(?=[A-Z])")

# Tokens that end a sentence: a sentence break after anything else is the parser's mistake
_SENTENCE_END = frozenset([".", "!", "?", ":", ";", "”", '"', "’", "'", "''", "…"])
# Dependencies a mangled parse gives a name that is the subject of a verb of saying
_MANGLED_SUBJECT_DEPS = frozenset(["compound", "npadvmod", "dep", "nmod", "advmod", "npmod"])

# Subjects a mangled parse gives a verb of saying that cannot speak: a date or time ("Saturday
# at the state convention Sen. Elizabeth Warren said ...")
_NOT_SPEAKER_ENTS = frozenset(["DATE", "TIME"])
# NER labels a person's name gets by mistake now and then (none: "Walz approaches ...")
_UNLABELLED_PERSON_ENTS = frozenset(["", "ORG", "PRODUCT", "WORK_OF_ART"])
_REFLEXIVES = frozenset(["himself", "herself", "themselves", "itself", "myself", "ourselves"])

# Words before a quote that mention it as a term or name rather than report it
_TERM_BEFORE = re.compile(
    r"\b(?:so-?\s?called|known\s+as|nicknamed|the\s+(?:term|phrase|words?|slogan|hashtag|label))\W*$",
    re.IGNORECASE,
)
_SCARE_MAX_TERM_WORDS = 6

# A word before a quote that ends in an abbreviation's period, not a sentence's: the quote runs
# on inside the sentence ("said the U.S. "clearly" needed", "Sen. "Bernie" Sanders")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Jr|Sr|St|Inc|Co|Corp|Ltd|vs|No))$"
)

# Marks a sentence runs on after, and a lower-case word that takes it up after a quote
_MID_SENTENCE = frozenset(",;—–(")
_RUNS_ON = re.compile(r"\s*[a-z]")

# Tokens of a quoted modifier that can still be a scare quote ("broken", "America-first")
_SCARE_MAX_WORDS = 3

# Words a quote with no cue of its own needs to count as speech rather than a slogan or title
_UNCUED_MIN_WORDS = 8

# Tokens of the sentence after a quote searched for its attribution ("... ?" he asked her.)
_TRAILING_CUE_WINDOW = 6
_SPACED_DASH = re.compile(r"\s[―—–-]\s")
# A dash, a name and a colon right before the opening mark: a quote led in by its source's name
# after a headline ("RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: "Gallup's analysis
# ...", a poll round-up's format)
_DASH_LEAD = re.compile(
    r"\s[―—–-][ \t\u00a0]+((?:[A-Z][\w'’.-]*[ \t\u00a0]+){0,3}[A-Z][\w'’-]*)[ \t\u00a0]*:"
    r"[ \t\u00a0]*$"
)
# A dash and a name alone after a closing mark, to the end of its line or before a comma or a
# parenthesis: the byline of an epigraph, a pull quote or a reader's quote in a list
# ('"... He represents our greatest shame." ― Sonya Herridge', '"..." — Jane Doe, 34, Ohio')
_DASH_BYLINE = re.compile(
    r"[ \t\u00a0]{0,2}[―—–][ \t\u00a0]*"
    r"((?:[A-Z][\w'’.-]*[ \t\u00a0]+){0,4}[A-Z][\w'’-]*)\.?[ \t\u00a0]*(?=$|\n|,|\()"
)

# Objects that are amounts, not what a stance is about ("raised $11.9 million")
_AMOUNTS = frozenset(["MONEY", "CARDINAL", "PERCENT", "QUANTITY", "DATE", "TIME"])

# Prepositions whose phrase says where, when or by whom, never what was said ("writing at
# Mediaite", "As published in the International New York Times", "Reporting by Amanda Becker")
_CIRCUMSTANCE_PREPS = frozenset(
    ["in", "at", "on", "by", "for", "into", "under", "after", "before", "during", "since"]
)

# Prepositional objects that say when or where, not what ("reported on Sunday")
_CIRCUMSTANCE = frozenset(["DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL"])

# A title is a short line; in one, the parser's tags are unreliable ("Conservative Icon Morton
# Blackwell Endorses Ted Cruz"), so its cue is found by the word
_TITLE_MAX_WORDS = 20
_TITLE_CASE_SHARE = 0.6  # of a line's words capitalised
# A "Name: ..." headline line that owns its quotes, quotes and all ("Trump: Cruz Has 'To Come a
# Long Way' On Ethanol, He's For Oil Because 'Oil Pays Him a Lot of Money.'")
_HEADLINE_MAX_WORDS = 30
# Words between a title's subject and its cue that are not part of the subject ("Trump May Not
# Have Suggested ...")
_TITLE_AUX_WORDS = (
    "may might will would can could should must not never to has have had is are was were be "
    "does do did now also just still again finally"
)
_TITLE_AUX = frozenset(_TITLE_AUX_WORDS.split())

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# A speaker's turn in a transcript: a capitalised label and a colon ("PENCE: Well, ...")
_TURN = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]+(?=\S)")
# Section labels that look like a "Name:" headline ("The Latest: ...", "UPDATE: ...")
_LABEL = re.compile(
    r"^(?:the|a|an|this|latest|update[sd]?|breaking|exclusive|watch|analysis|opinion|editorial|"
    r"live|video|photos?|factbox|explainer|note|editor['’]?s note|corrections?|clarifications?|"
    r"related|"
    r"sources?|credits?|via|images?|graphic|chart|map|data|"  # "Source: CDC, ..." under a chart
    # page furniture: "Disclaimer: The content is solely ...", "Read: Two disasters are ..."
    r"disclaimer|disclosures?|definitions?|background|summary|ingredients|directions|keywords|"
    r"tags|course|cuisine|read(?:\s+(?:also|more))?|"
    # credits: "Contributing: Nicole Gaudiano." closes a USA Today story, "BYLINE: Amber Phillips."
    r"contributing|byline|paid notice|"
    # headline kickers: "BOOM: Trump Just Fired ...", "Revealed: What ISIS Propaganda ..."
    r"wow|boom|busted|revealed|(?:just\s+)?leaked|just in|bombshell|"
    # an answer's lead-in or an event notice's fields: "So: ...", "Bottom line: ...", "When: ..."
    r"so|plus|bottom line|what|when|where|why|how)\b"
    # a newsletter's or live page's section: "Delegate Update:", "Tuesday’s Morning Email:",
    # "STAT OF THE WEEK:", "News Guide:"
    r"|^(?:[\w'’.-]+\s+){0,4}(?:update|guide|e-?mail|newsletter|digest|roundup|recap|"
    r"of the (?:week|day))$",
    re.IGNORECASE,
)

# ---- quote mark scanning --------------------------------------------------------------------
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_CLOSE = "’`'"
_WORDCH = re.compile(r"\w")
# Characters _mark_kind can read as a quote mark: the scanner jumps from one to the next
_MARK = re.compile("[" + re.escape(_DOUBLE_OPEN + _DOUBLE_CLOSE + "\"‘`'’") + "]")
_PARAGRAPH = re.compile(r"[^\n]+")
# double quote marks only (an apostrophe is no quote boundary): an odd count between two words
# puts one inside a quote and the other outside
_DOUBLE_MARK = re.compile("[" + re.escape(_DOUBLE_OPEN + _DOUBLE_CLOSE + '"') + "]")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote of an article; offsets index the article text."""

    text: str
    start_char: int
    end_char: int
    kind: str  # direct | partial | indirect
    speaker: str | None
    speaker_text: str | None
    speaker_type: str  # named | pronoun-resolved | description | anonymous | unknown
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    paragraph: int
    # this quote goes on with the row before it: a direct quote resumed after their shared
    # attribution ("A," she said. "B."), one going on with the report right before it ("She
    # announced a suit. “B.”"), a row under the same cue (see _link_parts): one utterance in
    # several rows (rows keep the parts; utterance_id joins them)
    continues: bool = False


def _is_word(ch: str) -> bool:
    return bool(ch) and bool(_WORDCH.match(ch))


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not _is_word(before) and not after.isspace()


def _mark_kind(text: str, i: int, top: str | None) -> tuple[str, str] | None:
    """("open"|"close", family) of a quote mark at i, given the family open on top of the stack.

    Families: "d" double (“ ” " „ « »), "s" single (‘ ’ ` '). A single mark between two word
    characters is an apostrophe; a closing single mark needs an open single quote.
    """
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in _DOUBLE_OPEN:
        return ("open", "d")
    if ch in _DOUBLE_CLOSE:
        if top is None and not _is_word(before) and _is_word(after):
            # a closing mark where nothing is open, right before a word: an opener typed as a
            # closer ('\n”Mr. Trump embodies ...” ― Sonya Herridge')
            return ("open", "d")
        return ("close", "d")
    if ch == '"':
        if top == "d":
            return ("close", "d")
        return ("open", "d") if not after.isspace() else ("close", "d")
    if ch in "‘`'’":
        if _is_word(before) and _is_word(after):
            return None  # apostrophe: North's, we'll
        opens = ch in "‘`'" and not _is_word(before) and not after.isspace() and after != ""
        closes = ch in "’`'" and top == "s" and not before.isspace() and not _is_word(after)
        if closes:
            return ("close", "s")
        if opens:
            return ("open", "s")
    return None


_NESTED_DOUBLE = "n"  # the family of a typographic double quote open inside a straight one
_DOUBLE_MARKS = _DOUBLE_OPEN + _DOUBLE_CLOSE + '"'


def _nests(text: str, outer: str, i: int, end: int) -> bool:
    """Whether the mark at i opens a typographic quote nested in the open quote whose opening
    mark is `outer`, in its paragraph (text[:end]); the next two double marks of the paragraph
    are all the test reads. In a straight quote that goes on, its closer comes next and then a
    straight mark or no mark at all (`"... as “The Journal” wrote, ..."`); in a typographic
    quote, both next marks close, the inner quote and then the outer (`“... what he calls
    “hell” than live ...”`). Otherwise, as in sloppy copy (`"Yes,“ she said. “No ...”`, `“Yes,“
    she said. “No ...”`), it closes the outer quote."""
    if text[i] not in _DOUBLE_OPEN:
        return False
    marks = [text[j] for j in islice((j for j in range(i + 1, end) if text[j] in _DOUBLE_MARKS), 2)]
    if outer == '"':
        return bool(marks) and marks[0] in _DOUBLE_CLOSE and (len(marks) == 1 or marks[1] == '"')
    return outer in _DOUBLE_OPEN and len(marks) == 2 and all(m in _DOUBLE_CLOSE for m in marks)


def find_quote_marks(text: str) -> list[tuple[int, int]]:
    """Spans (including the marks) of the top-level quotes of a text, in order.

    Nested quotes stay inside their outer quote, whichever family is outside. A quote left
    open at the end of a paragraph continues when the next paragraph opens with a mark of the
    same family (the multi-paragraph convention); otherwise it ends with its paragraph, so one
    unbalanced mark costs at most one paragraph. A single-quote opener never closed is taken
    for an apostrophe.
    """
    spans: list[tuple[int, int]] = []
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    stack: list[tuple[str, int]] = []  # (family, offset) of open marks
    for n, (lo, hi) in enumerate(paragraphs):
        nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        opener = _mark_kind(text, nxt[0], None) if nxt is not None else None
        # single marks of this paragraph taken for apostrophes ("in 't Veld", "'til 2010",
        # "the '90s"): the paragraph is read again without them, so that the quotes after one
        # are not taken for quotes nested in a quote that never closes
        apostrophes: set[int] = set()
        carried, found = list(stack), len(spans)
        while True:
            _scan_paragraph(text, lo, hi, stack, spans, apostrophes)
            if not stack or stack[0][0] != "s" or stack[0][1] < lo:
                break
            if opener == ("open", "s"):
                break  # a single-quoted quote going on in the next paragraph
            apostrophes.add(stack[0][1])
            stack[:] = carried
            del spans[found:]
        if not stack:
            continue
        outer_family, outer_start = stack[0]
        continues = opener is not None and opener == ("open", outer_family)
        if not continues:
            if outer_family == "d":
                spans.append((outer_start, hi))  # unbalanced: the quote ends with its paragraph
            stack.clear()
        else:
            stack[:] = stack[:1]
    if stack and stack[0][0] == "d":
        spans.append((stack[0][1], len(text)))
    # single-quoted top-level spans must look like speech: several words
    return sorted(
        (a, b) for a, b in set(spans) if text[a] != "'" or " " in text[a + 1 : b - 1].strip()
    )


def _scan_paragraph(
    text: str,
    lo: int,
    hi: int,
    stack: list[tuple[str, int]],
    spans: list[tuple[int, int]],
    apostrophes: set[int],
) -> None:
    """Read the quote marks of text[lo:hi] onto `stack`, adding each top-level quote closed to
    `spans` (see find_quote_marks); marks at `apostrophes` are skipped."""
    for mark in _MARK.finditer(text, lo, hi):
        i = mark.start()
        if i in apostrophes:
            continue
        top = stack[-1][0] if stack else None
        if i == lo and len(stack) == 1 and _mark_kind(text, i, None) == ("open", stack[0][0]):
            continue  # the repeated opening mark of a multi-paragraph quote
        if top == _NESTED_DOUBLE and text[i] in _DOUBLE_MARKS:
            stack.pop()  # a typographic quote inside a straight one ends here, closed or not
            if text[i] in _DOUBLE_CLOSE:
                continue
            top = "d"
        kind = _mark_kind(text, i, top)
        if kind is not None:
            action, family = kind
            if (
                top == "d"
                and i > stack[-1][1] + 1  # "“...,” Rubio said ...": a stray straight mark
                and _nests(text, text[stack[-1][1]], i, hi)
            ):
                # "WALLACE: ... as “The Wall Street Journal” wrote, ...": a typographic
                # quote closed inside a straight one that goes on is nested in it, as is
                # one inside a typographic quote when both close next ("... calls “hell” ...”)
                stack.append((_NESTED_DOUBLE, i))
            elif action == "open" and not (family == "d" and top == "d"):
                stack.append((family, i))
            elif action == "close" or (family == "d" and top == "d"):
                # close the innermost open quote of this family; inner ones of the other
                # family left open are dropped (apostrophes taken for openers)
                while stack and stack[-1][0] != family:
                    stack.pop()
                if stack:
                    _family, start = stack.pop()
                    if not stack:
                        spans.append((start, i + 1))


# ---- per-call lookups ----------------------------------------------------------------------
# spaCy builds a new Token object on every `doc[i]` and every iteration of a Doc (about 9,000 per
# article here), and `token.sent` scans the whole Doc on each call: extract_quotes keeps the
# Doc's tokens and the sentences asked for in doc.user_data while it runs (see _DocCache).
_CACHE_KEY = "newscorpus.quotes.cache"
_R = TypeVar("_R")


class _DocCache:
    __slots__ = ("children", "common_words", "lowers", "memo", "sents", "tokens")

    def __init__(self, doc: Doc) -> None:
        self.tokens: list[Token] = list(doc)
        # `lower_` of each token, read by the scans over every token (a StringStore look-up each)
        self.lowers: list[str] = [t.lower_ for t in self.tokens]
        self.sents: dict[int, Span] = {}  # token index -> its sentence
        self.children: dict[int, list[Token]] = {}  # token index -> its children
        self.memo: dict[tuple[str, int], Any] = {}  # (function, token index) -> result
        self.common_words: frozenset[str] | None = None  # see _common_words


def _tokens(doc: Doc) -> Doc | list[Token]:
    """The Doc's tokens, made once per extract_quotes call (the Doc itself outside one)."""
    cache = doc.user_data.get(_CACHE_KEY)
    return cache.tokens if cache is not None else doc


def _lowers(doc: Doc) -> list[str]:
    """`lower_` of each token of the Doc, made once per extract_quotes call."""
    cache = doc.user_data.get(_CACHE_KEY)
    return cache.lowers if cache is not None else [t.lower_ for t in doc]


def _per_token(fn: Callable[[Token], _R]) -> Callable[[Token], _R]:
    """A pure function of one token, computed once per token in an extract_quotes call."""
    name = fn.__name__

    @functools.wraps(fn)
    def once(token: Token) -> _R:
        cache = token.doc.user_data.get(_CACHE_KEY)
        if cache is None:
            return fn(token)
        key = (name, token.i)
        if key in cache.memo:
            return cast(_R, cache.memo[key])
        result = cache.memo[key] = fn(token)
        return result

    return once


def _children(token: Token) -> list[Token]:
    """`token.children` as a list, made once per token in an extract_quotes call."""
    cache = token.doc.user_data.get(_CACHE_KEY)
    if cache is None:
        return list(token.children)
    children = cache.children.get(token.i)
    if children is None:
        children = cache.children[token.i] = list(token.children)
    return children


def _sent(token: Token) -> Span:
    """`token.sent`, found once per sentence in an extract_quotes call."""
    cache = token.doc.user_data.get(_CACHE_KEY)
    if cache is None:
        return token.sent
    sent = cache.sents.get(token.i)
    if sent is None:
        sent = token.sent
        for i in range(sent.start, sent.end):
            cache.sents[i] = sent
    return sent


# ---- attribution ---------------------------------------------------------------------------
def _verb_word(token: Token) -> bool:
    """A verb, or a word of saying or stance the tagger took for a name in a title-case line."""
    word = token.lower_
    return token.pos_ in ("VERB", "AUX") or (
        word in SPEECH_VERBS or word in OBJECT_VERBS or word in _PREP_CUES
    )


# made once, not on every call: a union of a thousand first names
_NAME_START_WORDS = FIRST_NAMES | _NAME_PARTICLES


def _person_start(ent: Span) -> int:
    """Index of the first token of a person entity that can begin a name: in a title-case line,
    not a word the article writes in lower case elsewhere, which the headline ran on into the
    name ("Hacker Guccifer Says ..." of an article on "hacker Guccifer"), unless it is a first
    name ("Bill", "Mark")."""
    start = ent.start
    keep = _NAME_START_WORDS
    tokens = _tokens(ent.doc)
    while start < ent.end - 1 and tokens[start].lower_ not in keep:
        token = tokens[start]
        if not (
            token.pos_ in _NOT_NAME_POS
            or not token.text[:1].isupper()
            or _headline_word(token, ent.start_char)
        ):
            break
        start += 1
    return start


def _headline_word(token: Token, line_at: int) -> bool:
    """Whether a capitalised word is one the article writes in lower case elsewhere, in the
    title-case line at `line_at` (in a sentence "Will Smith" and "Win Htein" are names as
    written); the line is read last, for the few words that pass the first test."""
    return token.lower_ in _common_words(token.doc) and _in_title_line(token.doc, line_at)


def _in_title_line(doc: Doc, offset: int) -> bool:
    """Whether an offset lies in a title-case line (a headline, a subhead)."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return _title_case(_LINE_WORD.findall(text, start, len(text) if end < 0 else end))


def _title_case(words: list[str]) -> bool:
    """Whether a line's words are a title's: a few, most of them capitalised."""
    return 0 < len(words) <= _TITLE_MAX_WORDS and sum(
        w[0].isupper() for w in words
    ) >= _TITLE_CASE_SHARE * len(words)


_LINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]*(?![\w'’-])")


def _common_words(doc: Doc) -> frozenset[str]:
    """The words an article writes in lower case, found once per extract_quotes call."""
    cache = doc.user_data.get(_CACHE_KEY)
    if cache is not None and cache.common_words is not None:
        return cache.common_words
    words = frozenset(_LOWER_WORD.findall(doc_text(doc)))
    if cache is not None:
        cache.common_words = words
    return words


def _aux_run(token: Token) -> bool:
    """Whether a title word starts a run of auxiliaries ("... May Not Have ..."), which "Theresa
    May" alone does not."""
    nxt = token.i + 1
    return (
        token.lower_ in _TITLE_AUX and nxt < len(token.doc) and token.doc[nxt].lower_ in _TITLE_AUX
    )


def _person_span(ent: Span) -> Span:
    """A person entity cut to its name: NER runs a name on into the words of a title-case line
    around it ("Beneath Clinton's Wins", "Trump May Not Have Suggested ...")."""
    start = _person_start(ent)
    end = next(
        (
            t.i
            for t in ent.doc[start + 1 : ent.end]
            if t.pos_ in ("VERB", "AUX")
            or (_verb_word(t) and t.i + 1 < ent.end)  # "Glenn Beck Blasts Drudge", not "... Post"
            or t.lower_ in _NAME_BREAKS
            or _aux_run(t)
        ),
        ent.end,
    )
    while end - 1 > start and (
        (ent.doc[end - 1].is_punct and ent.doc[end - 1].text != ".")
        or (ent.doc[end - 1].pos_ in NOT_NAME_END_POS and ent.doc[end - 1].is_lower)
    ):
        end -= 1  # "Jeb Bush-spent", "Donald Trump - and", "Juan Manriquez of [Oakland]"
    return ent.doc[start:end]


def _entity_of(token: Token) -> Span:
    """The entity a token is part of, found from its IOB tags: `doc.ents` would build a Span for
    every entity of the article on each call (a fifth of this module's time on news pages)."""
    doc = token.doc
    tokens = _tokens(doc)
    start = token.i
    while start > 0 and tokens[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and tokens[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _missed_name(token: Token) -> Span | None:
    """The name NER missed in a subject: a known first name and the proper nouns after it, the
    token's own or its appositive's ("Former Hewlett-Packard CEO Carly Fiorina named ...",
    parsed as CEO with the appositive Fiorina)."""
    doc = token.doc
    for head in (token, *(c for c in _children(token) if c.dep_ == "appos" and c.i == token.i + 2)):
        if head.pos_ != "PROPN" or head.ent_type_ == "PERSON":
            continue
        first = head.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head == head:
            first -= 1
            if doc[first].lower_ in FIRST_NAMES:
                return doc[first : head.i + 1]
    return None


# Focus adverbs the parser hangs on a subject ("Even China", "Only Russia"); a bare advmod test
# would also drop a first name the tagger took for an adverb ("KATE BOULDUAN:")
_FOCUS = frozenset(["even", "only", "also", "just", "especially", "particularly", "notably"])


@_per_token
def _name_span(token: Token) -> tuple[int, int]:
    """Character span of a subject phrase, cut before an appositive or relative clause."""
    missed = _missed_name(token) if token.ent_type_ != "PERSON" else None
    if missed is not None:
        return missed.start_char, missed.end_char
    if token.ent_type_ == "PERSON":
        ent = _entity_of(token)
        # NER runs on into a title-case headline ("Luciana Lopez: Saying ...",
        # "Trump Says He's ..."): the name ends before a verb or a colon
        stop = next(
            (
                t
                for t in ent
                if t.i > ent.start
                and t.i > token.i
                and (t.pos_ == "PART" or t.text in _NAME_BREAKS or _verb_word(t) or _aux_run(t))
            ),
            None,
        )
        start = token.doc[min(_person_start(ent), token.i)].idx
        if stop is not None:
            return start, token.doc[stop.i - 1].idx + len(token.doc[stop.i - 1])
        return start, ent.end_char
    words = [t for t in token.subtree]
    # the phrase ends where its words stop running on: an appositive the parser hung on the
    # name across the clause ("Podliska further alleges that ..., a claim that ...") is no part
    for n in range(1, len(words)):
        if words[n].i != words[n - 1].i + 1 and words[n].i > token.i:
            words = words[:n]
            break
    # "Even China said", "Only Russia said": a focus adverb on the subject names no one
    while words[0].i < token.i and words[0].lower_ in _FOCUS and words[0].head == token:
        words = words[1:]
    start_i = words[0].i
    end_i = words[-1].i
    for t in words:
        if t.i > token.i and (
            t.text in (",", "(", "—", "–", ";", ":")
            or t.dep_ in ("relcl", "acl")
            # "a Republican who ...", "Trump last week invited ...": a relative pronoun or a
            # date ends the phrase that names the speaker
            or t.tag_ in ("WP", "WP$", "WDT")
            or t.ent_type_ in _NOT_SPEAKER_ENTS
            or t.lower_ in _REFLEXIVES  # "Trump himself said"
            or _verb_word(t)  # a title parsed as one phrase: "Trump talks to Megyn Kelly"
            # a name the tagger took for a verb heads no phrase: "Gillibrand on Hillary ..."
            or (token.pos_ == "VERB" and t.text in _NAME_BREAKS)
        ):
            end_i = t.i - 1
            break
    for t in words:
        if t.i < token.i and (t.text == ":" or "\n" in t.text_with_ws):
            start_i = t.i + 1  # "The Latest: Hillary Clinton tells voters ..."
    doc = token.doc
    tokens = _tokens(doc)
    # ... and what led to the cut ("Microsoft in 2017 announced")
    while end_i > start_i and (tokens[end_i].is_punct or tokens[end_i].pos_ in ("ADP", "CCONJ")):
        end_i -= 1
    return tokens[start_i].idx, tokens[end_i].idx + len(tokens[end_i])


def _description_span(token: Token) -> tuple[int, int]:
    words = list(token.subtree)
    doc = token.doc
    tokens = _tokens(doc)
    end_i = words[-1].i
    while end_i > words[0].i and tokens[end_i].is_punct:
        end_i -= 1
    return words[0].idx, tokens[end_i].idx + len(tokens[end_i])


# words that open a clause which the parser may take for a preposition with a name as its object
_SUBORDINATORS = frozenset(["as", "while", "when", "after", "before", "since", "because"])


def _subordinated_subject(verb: Token) -> Token | None:
    """The name before a verb that the parser made the object of the word opening the clause:
    "... grew louder as Patti Davis, Ronald Reagan's daughter, attacked Trump" (as -> Davis)."""
    if verb.dep_ != "advcl" or verb.i == 0:
        return None
    for prep in _children(verb.head):
        if (
            prep.dep_ == "prep"
            and prep.lower_ in _SUBORDINATORS
            and prep.right_edge.i == verb.i - 1
        ):
            name = next((c for c in _children(prep) if c.dep_ == "pobj"), None)
            if name is not None and (name.ent_type_ == "PERSON" or name.pos_ == "PROPN"):
                return name
    return None


@_per_token
def _subject_of(verb: Token) -> Token | None:
    subjects = [c for c in _children(verb) if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) > 1:
        # the words a quote ends in are no subject of the verb after it: the subject between
        # the closing mark and the verb is ("... I hold in the highest esteem Sen. John
        # McCain," Trump said; "Happy Cinco de Mayo!," he tweeted)
        text = doc_text(verb.doc)
        last = subjects[-1]
        if _MARK.search(text[subjects[0].idx : last.idx]) and not _MARK.search(
            text[last.idx : verb.idx]
        ):
            return last
        # "Vatican spokesman the Rev. Federico Lombardi told ...", parsed as two subjects: the
        # name is the speaker; of two names ("... from Rubio to, now, Cruz, Wilkin said") the
        # one next to the verb is, the other ends the clause reported
        people = [c for c in subjects if c.ent_type_ == "PERSON"]
        if people:
            ahead = [c for c in people if c.i < verb.i]
            return ahead[-1] if ahead else people[0]
    if len(subjects) == 1 and subjects[0].i < verb.i:
        # `"... last night, Mr. President," Representative Tomas Berg told him`: the parser made
        # the quote's last words the subject and the name after the closing mark their
        # appositive; the name outside the quote is the speaker
        text = doc_text(verb.doc)
        subj = subjects[0]
        outside = next(
            (
                c
                for c in _children(subj)
                if c.dep_ == "appos"
                and subj.i < c.i < verb.i
                and c.ent_type_ == "PERSON"
                and _MARK.search(text, subj.idx, c.idx)
            ),
            None,
        )
        if outside is not None:
            return outside
        # "... shifted from Rubio to, now, Cruz, Wilkin said": two names with only a comma
        # between them inside a sentence are no pair of subjects (a pair takes "and"), but the
        # end of the clause reported and the speaker; a headline's "Clinton, Sanders had ..."
        # opens its sentence and stays a pair
        beside = next(
            (c for c in _children(subj) if c.dep_ in ("conj", "appos") and c.i == verb.i - 1),
            None,
        )
        if (
            beside is not None
            and subj.ent_type_ == beside.ent_type_ == "PERSON"
            and subj.i > subj.sent.start
            and not any(c.dep_ == "cc" for c in _children(subj))
            and (
                verb.doc[subj.i - 1].is_punct
                # "To understand the real Dred Scott, Chief Justice Roberts said, ...": a titled
                # name set off by a comma before the verb is no appositive of the name before it
                or (beside.dep_ == "appos" and verb.doc[beside.left_edge.i - 1].text == ",")
            )
        ):
            return beside
    if subjects and subjects[0].dep_ == "nsubjpass":
        # "Rubio was asked by moderator Gerard Baker": the agent of a passive speaks
        agent = next(
            (
                g
                for c in _children(verb)
                if c.dep_ == "agent"
                for g in _children(c)
                if g.dep_ == "pobj"
            ),
            None,
        )
        if agent is not None and verb.lower_ in SPEECH_VERBS:
            return agent
    for child in _children(verb):
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                # "Senator Dana Cole, who said ...": the person the clause is about; "McConnell,
                # now the Senate majority leader, who in 2010 said ...": the one so described
                head = verb.head
                if (
                    head.dep_ == "appos"
                    and head.pos_ == "NOUN"
                    and head.head.pos_ == "PROPN"
                    and head.head.i == head.left_edge.i - 2  # "Name, description, who"
                ):
                    return head.head
                # "Trump is a candidate who has pledged ...", "... is a serial liar, ... and bully
                # who has pledged ...": the one the noun is said of
                described = head
                while described.dep_ == "conj":
                    described = described.head
                if (
                    child.lower_ == "who"  # "which" is said of no person
                    and head.pos_ in ("NOUN", "PROPN")
                    and not head.ent_type_  # "out-brutalizing Ted Cruz, who said"
                    and described.dep_ == "attr"
                    and described.head.lower_ in _COPULAS
                ):
                    named = _subject_of(described.head)
                    if named is not None and named.pos_ == "PROPN":
                        return named
                return head
            if child.pos_ == "ADP":
                # "Of Carson, Levine, who has given money to Rubio, said ...": the parser made
                # the fronted preposition the subject and the speaker its object
                fronted = next(
                    (g for g in _children(child) if g.dep_ == "pobj" and g.ent_type_ == "PERSON"),
                    None,
                )
                if fronted is not None:
                    return fronted
            return child
    for child in _children(verb):
        if child.dep_ == "agent":
            for g in _children(child):
                if g.dep_ == "pobj":
                    return g
    clause_subject = _subordinated_subject(verb)
    if clause_subject is not None:
        return clause_subject
    doc = verb.doc
    tokens = _tokens(doc)
    before = tokens[verb.i - 1] if verb.tag_ == "VBG" and verb.i > 0 else None
    if (
        before is not None
        and before.dep_ == "pobj"
        and before.head.lower_ == "with"
        and (before.ent_type_ == "PERSON" or (before.pos_ == "PROPN" and not before.ent_type_))
    ):
        return before  # "The conversation ended with Maddow asking Clinton whether ..."
    # "asked Clinton whether ...", "told Trump to ...": the object before a clause is the hearer
    hearer_only = verb.lower_ in _INVERTING and any(
        c.i > verb.i
        and (
            (verb.lower_ in _HEARER and c.dep_ in ("ccomp", "xcomp"))
            # "warned North Korea to refrain", "warned Trump that ...": an object before an
            # infinitive or a that-clause is warned, not warning; a clause with neither may be
            # what an inverted speaker said (`said Smith: "We will win"`)
            or (
                c.dep_ == "xcomp"
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in _children(c))
            )
            or (c.dep_ == "ccomp" and _marked_by(c, ("that",)))
        )
        for c in _children(verb)
    )
    # "said X" parsed with X as dobj/attr in inverted order; only verbs of saying without an
    # object of their own ("accusing the Chinese", "backing Jeb Bush" name the target)
    for child in _children(verb):
        if (
            verb.lower_ in _INVERTING
            and not hearer_only
            and child.dep_ in ("dobj", "attr")
            and child.i > verb.i
            and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN")
        ):
            return child
    if (
        verb.dep_ in ("advcl", "conj")
        and verb.tag_ == "VBG"
        and verb.left_edge.i > 1
        and "," in doc_text(verb.doc)[verb.doc[verb.left_edge.i - 2].idx : verb.left_edge.idx]
    ):
        # "Cruz warned the incident could foreshadow ..., remarking that ...", "told Newsmax that
        # Romney "had a crazy policy," adding, ...": a participle after a comma (or a quote
        # closed on one) the parser hung inside what was said belongs to whoever said it
        child = verb
        for anc in verb.ancestors:
            if child.dep_ == "ccomp" and anc.i < verb.i and _is_cue(anc, cognition=True):
                return _subject_of(anc)
            child = anc
    as_said = next(
        (g for c in verb.lefts if c.lower_ == "as" for g in _children(c) if g.dep_ == "pobj"), None
    )
    if as_said is not None and _is_cue(verb):
        return as_said  # "As Akhil Amar, a law professor, put it, ...": the name hung on "as"
    content = verb.head
    if (
        verb.dep_ == "conj"
        and (content.dep_ == "ccomp" or _that_adverbial(content))
        and (
            (
                content.lower_ not in SPEECH_VERBS
                and content.head.lower_ in SPEECH_VERBS
                and verb.lower_ in SPEECH_VERBS
                and any(c.dep_ == "ccomp" for c in _children(verb))
            )
            or (_is_cue(content.head) and _starts_attribution(verb))
        )
    ):
        # "He said his attacks have given his campaign momentum and said that Trump ...", "Rand
        # Paul said Rubio's plan would ... and called him ...": the parser hung the second verb
        # on what the first one reported; both are the speaker's
        return _subject_of(content.head)
    if (
        verb.dep_ == "conj"
        and verb.head.i < verb.i
        and len(_DOUBLE_MARK.findall(doc_text(verb.doc), verb.head.idx, verb.idx)) % 2 == 1
    ):
        # `"Dr. Carson invited us to talk about his campaign" the paper's editor responded`: a
        # verb after the quote the parser joined to the quote's own verb does not share its
        # subject
        return None
    if verb.dep_ == "xcomp" and verb.head.lower_ in _OBJECT_CONTROL:
        # "forced Stumpf to admit that ...", "got him to concede that ...": the one made to
        # speak is the object, not whoever made him
        made = next((c for c in _children(verb.head) if c.dep_ == "dobj" and c.i < verb.i), None)
        if made is not None:
            return made
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head)
    head = verb.head
    # "Yellen is likely to stress ...", "he is willing to offer ...": the subject of the adjective
    if (
        verb.dep_ in ("xcomp", "advcl")
        and head.dep_ == "acomp"
        and head.head.pos_ in ("VERB", "AUX")
    ):
        return _subject_of(head.head)
    # "Mr. Khan has mounted a campaign to condemn ...", "Berlin's pledge to add ...": an
    # infinitive after a noun is the intent of its possessor or of whoever has the noun
    if verb.dep_ in ("acl", "relcl", "xcomp") and verb.tag_ == "VB" and head.pos_ == "NOUN":
        poss = next((c for c in _children(head) if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
        if head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
            return _subject_of(head.head)
    # "Clinton talked up her strategy, promising to ...": a participle after a comma, parsed as
    # modifying the object, belongs to the clause's subject
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and head.dep_ in ("dobj", "pobj")
        and "," in doc_text(verb.doc)[head.idx : verb.left_edge.idx]
    ):
        clause_verb = head.head.head if head.dep_ == "pobj" else head.head
        if clause_verb.pos_ in ("VERB", "AUX"):
            return _subject_of(clause_verb)
    # "launched his campaign by talking about ...", "in answering a question, Trump ...": a
    # gerund after a preposition shares the subject of the clause the preposition modifies
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.head.pos_ in ("VERB", "AUX"):
        obj = next((c for c in _children(head.head) if c.dep_ == "dobj"), None)
        if head.lower_ == "for" and obj is not None:
            return obj  # "praised Trump for speaking out": the one praised did the speaking
        if head.head.i != verb.i:
            return _subject_of(head.head)
    # "the super PAC backing Bush" is the PAC's; "put out a statement saying ...", "withdrew
    # notices seeking ..." is the stance of whoever issued the thing
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        agent_like = head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or bool(
            _PERSON_ROLE.search(head.text)
        )
        if not agent_like and head.dep_ == "dobj" and head.head.pos_ == "VERB":
            return _subject_of(head.head) or head
        prep = head.head
        if not agent_like and head.dep_ == "pobj" and prep.head.pos_ == "VERB":
            # "comments Clinton made during a speech attacking Trump": whoever spoke
            return _subject_of(prep.head) or head
        return head
    return None


def _cannot_speak(subj: Token) -> bool:
    """Whether a subject is a date, a time or an all-capitals dateline ("CLEVELAND -- ...")."""
    doc = subj.doc
    tokens = _tokens(doc)
    first = subj.left_edge.i == 0 or "\n" in tokens[subj.left_edge.i - 1].text_with_ws
    nxt = subj.i + 1
    punct = nxt < len(doc) and tokens[nxt].is_punct  # "WASHINGTON, Aug. 24 (UPI) --"
    # ... or in title case before the agency or a dash ("New York (AFP) – Vice President ...")
    agency = nxt < len(doc) and tokens[nxt].text in ("(", "–", "—", "--")
    dateline = (
        first
        and punct
        and subj.ent_type_ == "GPE"
        and (subj.is_upper or agency)
        and len(subj.text) > 2
    )
    return (subj.ent_type_ in _NOT_SPEAKER_ENTS and not _aged(subj)) or dateline


_AGE_UNITS = frozenset(["year", "years", "month", "months"])


def _aged(noun: Token) -> bool:
    """`the 46-year-old`: a person named by age, which NER labels a DATE."""
    tokens = _tokens(noun.doc)
    return (
        noun.lower_ in ("old", "olds")
        and noun.i >= 2
        and tokens[noun.i - 1].text == "-"
        and tokens[noun.i - 2].lower_ in _AGE_UNITS
    )


def _dateline_apposition(subj: Token, verb: Token) -> Token | None:
    """The apposition of a dateline subject after the dateline's dash and before the verb."""
    tokens = _tokens(subj.doc)
    return next(
        (
            c
            for c in _children(subj)
            if c.dep_ == "appos"
            and c.i < verb.i
            and not _cannot_speak(c)
            and any(t.text in DATELINE_DASHES for t in tokens[subj.i : c.left_edge.i])
        ),
        None,
    )


def _before_parentheses(tokens: Doc | list[Token], back: int, floor: int) -> int:
    """The index before the parenthesised groups ending at `back` ("Paul Ryan (R-WI)"), not
    below `floor`: `back` itself when no ")" ends there."""
    depth = 0
    while back >= floor and (depth or tokens[back].text == ")"):
        depth += {")": 1, "(": -1}.get(tokens[back].text, 0)
        back -= 1
    return back


def _name_before_break(verb: Token) -> Token | None:
    """The name that ends the parser's previous sentence when it broke one mid-sentence after the
    subject ("Sanders  has denounced ..." at a double space, "Sen. Bernie Sanders (I-Vt.) on
    Saturday criticized ..." after the party label): the subject of a verb with none."""
    doc = verb.doc
    tokens = _tokens(doc)
    start = _sent(verb).start
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in tokens[start : verb.i]):
        return None
    back = start - 1
    while back >= 0 and tokens[back].is_space and "\n" not in tokens[back].text:
        back -= 1
    if back < 0 or tokens[back].text in _SENTENCE_END or "\n" in tokens[back].text_with_ws:
        return None
    back = _before_parentheses(tokens, back, 0)
    if back >= 0 and tokens[back].ent_type_ == "PERSON":
        return tokens[back]
    return None


def _is_label(subj: Token) -> bool:
    """Whether a subject is a label that opens its line before a colon ("The Latest: Trump
    urges ...", AP's live-blog headline), which the parser may make the verb's subject."""
    doc = subj.doc
    if subj.i + 1 >= len(doc) or _tokens(doc)[subj.i + 1].text != ":":
        return False
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, subj.idx) + 1
    label = _LEADING_THE.sub("", text[line_start : subj.idx + len(subj)].strip())
    return bool(_LABEL.fullmatch(label))


def _after_label(label: Token) -> Token | None:
    """The name right after a label's colon, the subject the parser missed; else None."""
    tokens = _tokens(label.doc)
    after = tokens[label.i + 2] if label.i + 2 < len(tokens) else None
    if after is None or not (
        after.ent_type_ == "PERSON" or after.pos_ == "PROPN" or after.is_title
    ):
        return None
    name_end = after.i
    while name_end + 1 < len(tokens) and tokens[name_end + 1].ent_iob_ == "I":
        name_end += 1
    return tokens[name_end]


def _question_put(verb: Token) -> bool:
    """Whether a verb of asking is a participle with no subject of its own: a question put to
    someone ("was asked about", "Asked which county ...", "when asked what ..."), not by them."""
    return (
        verb.lower_ in _ASK
        and verb.tag_ == "VBN"
        and not any(c.dep_ == "nsubj" for c in _children(verb))
    )


def _speaker_of(verb: Token, content: tuple[int, int] | None = None) -> Token | None:
    """The subject of a verb of saying, or the name the parser failed to attach to it.

    A mangled parse leaves the speaker as an adverb or a conjunct ("said Skelly" with Skelly an
    advmod; "Alarmed by the unrest in Nevada, Senator Harry Reid, the leader, said" with Reid a
    conjunct of Nevada): take the name right after an inverting verb, else the first person
    name of the sentence before the verb, outside the content ("Mr. Trump, asked about
    Mr. Putin, had said" is Trump's; the first name beat the nearest one on PolNeAR train).
    """
    if _question_put(verb):
        # "Trump was asked about his taxes", "Asked which county was his favorite, he ...": the
        # one asked did not ask; the asker is the agent ("asked by reporters"), or unnamed
        agent = next((c for c in _children(verb) if c.dep_ == "agent"), None)
        return next((c for c in _children(agent) if c.dep_ == "pobj"), None) if agent else None
    subj = _subject_of(verb)
    if subj is not None and _cannot_speak(subj):
        # a date or dateline the parser made the subject: the subject it hung on the dateline
        # ("SEOUL, Dec. 14 (PWS) -- Seoul-based analysts said", analysts an apposition of
        # SEOUL), else look for the name
        subj = _dateline_apposition(subj, verb)
    if subj is not None and _is_label(subj):
        subj = _after_label(subj)
    if subj is not None or not (_starts_attribution(verb) or verb.lower_ in _PREP_CUES):
        return subj
    doc = verb.doc
    tokens = _tokens(doc)
    if verb.lower_ in _INVERTING:
        nxt = verb.i + 1
        # the parser may end the sentence at a doubled space ("said  Yaakov Amidror")
        bound = min(len(doc), verb.i + 8)
        while nxt < bound and tokens[nxt].is_space and "\n" not in tokens[nxt].text:
            nxt += 1
        first_name = nxt
        # a run of title words before the name, some in lower case ("said Oversight ranking
        # Democrat Elijah Cummings (D-Md.)"): the person's name that closes the run
        run_end = next(
            (t.i for t in tokens[nxt:bound] if t.is_punct or t.is_space or t.lower_ in _NOT_NAMES),
            bound,
        )
        closing = next(
            (
                t
                for t in reversed(tokens[nxt:run_end])
                if t.ent_type_ == "PERSON"
                or (t.is_title and t.i > nxt and tokens[t.i - 1].lower_ in FIRST_NAMES)
            ),
            None,
        )
        if closing is not None and closing.i == run_end - 1:
            return closing
        while (
            nxt < bound
            and (tokens[nxt].pos_ == "PROPN" or tokens[nxt].is_title)
            and tokens[nxt].lower_ not in _NOT_NAMES
            and tokens[nxt].ent_type_ not in _NOT_SPEAKER_ENTS  # "said Monday that ..."
        ):
            nxt += 1
        if nxt > first_name:
            return tokens[nxt - 1]
        if verb.i > 0 and tokens[verb.i - 1].is_quote:
            # '"How big is that wall?" asked the boy': right after the quote the verb is
            # inverted, and the noun phrase the parser made its object is who asked
            obj = next(
                (c for c in _children(verb) if c.dep_ == "dobj" and c.left_edge.i == first_name),
                None,
            )
            if obj is not None and obj.pos_ == "NOUN" and not _cannot_speak(obj):
                return obj
    # "” Bozell answers.": a name the parser hung on the verb as a compound or modifier
    left = next(
        (
            c
            for c in verb.lefts
            if c.pos_ == "PROPN" and c.dep_ in _MANGLED_SUBJECT_DEPS and not _cannot_speak(c)
        ),
        None,
    )
    if left is not None:
        return left
    # "Rep. Paul Ryan (R-WI) said": the name right before the verb, past a parenthesis
    sent_start = _sent(verb).start
    back = _before_parentheses(tokens, verb.i - 1, sent_start)
    if back >= sent_start and tokens[back].ent_type_ == "PERSON":
        return tokens[back]
    # "In a message to Clinton, Tanden, head of the Center for American Progress, recounted":
    # the name before an appositive set off by commas right before the verb
    if back > sent_start and tokens[back].text == ",":
        comma = next(
            (t for t in reversed(tokens[sent_start:back]) if t.text in (",", "“", "”", '"')),
            None,
        )
        name = tokens[comma.i - 1] if comma is not None and comma.text == "," else None
        # an age set off by commas is given only for a person ("Ramos, 58, told AFP"), whatever
        # label NER put on the name before it
        aged = comma is not None and back - comma.i == 2 and tokens[comma.i + 1].like_num
        if (
            name is not None
            and name.i >= sent_start
            and name.pos_ == "PROPN"
            and name.is_title
            and not _cannot_speak(name)
            and (aged or name.ent_type_ not in ("ORG", "NORP"))
        ):
            return name
    broken = _name_before_break(verb)
    if broken is not None:
        return broken
    lo, hi = content if content is not None else (-1, -1)
    # "..., Democratic nominee Hillary Clinton apparently disagrees with ...", the name hung on
    # a noun before it: a name right before the verb (past adverbs and auxiliaries) is its subject
    adjacent = verb.i - 1
    while adjacent > sent_start and (
        tokens[adjacent].tag_ in ("RB", "MD") or tokens[adjacent].dep_ in ("aux", "neg")
    ):
        adjacent -= 1
    if (
        adjacent >= sent_start
        and tokens[adjacent].ent_type_ == "PERSON"
        and not lo <= tokens[adjacent].idx < hi
    ):
        return tokens[adjacent]
    for t in tokens[sent_start : verb.i]:
        if t.ent_type_ == "PERSON" and not lo <= t.idx < hi:
            end = t  # to the last token of the name
            while end.i + 1 < verb.i and tokens[end.i + 1].ent_iob_ == "I":
                end = tokens[end.i + 1]
            return end
    return None


def _according_to(tokens: list[Token]) -> tuple[Token, Token] | None:
    for t in tokens:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            to = t.doc[t.i + 1]
            for child in _children(to):
                if child.dep_ == "pobj":
                    return t, child
    return None


@dataclass(slots=True)
class _Attribution:
    cue: Token | None
    cue_end: int | None
    subject: Token | None
    cue_start: int | None = None  # where the cue starts inside its token, when not at its start


# what "show" after a comma reports from: "..., records show."
_SHOWING_NOUNS = frozenset(
    [
        "records",
        "documents",
        "data",
        "figures",
        "filings",
        "statistics",
        "numbers",
        "tallies",
        "results",
        "papers",
    ]
)
_SENTENCE_STOPS = frozenset([".", "!", "?"])
# the longest source phrase before a closing "show" ("campaign and corporate records"), tokens
_SOURCE_PHRASE_MAX = 6


def _records_show(show: Token) -> _Clause | None:
    """`Much of that money came from companies that no longer exist, campaign and corporate
    records show.`, `During the same stretch, F.A.A. records show, the Cessna has flown 216
    hours.`: "show" after a plural document noun set off by a comma, which the tagger takes for a
    noun ("records show" a compound) or the parser hangs anywhere. Closing its sentence it
    reports the words before the comma; set off by commas inside it, the sentence around it. The
    document noun is the source."""
    doc = show.doc
    tokens = _tokens(doc)
    i = show.i
    if i < 2 or i + 1 >= len(doc) or tokens[i - 1].lower_ not in _SHOWING_NOUNS:
        return None
    sent = _sent(show)
    start = i - 1
    while start > sent.start and tokens[start - 1].text != ",":
        start -= 1
    if (
        start <= sent.start
        or i - start > _SOURCE_PHRASE_MAX
        or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" for t in tokens[start:i])
    ):
        return None  # "Records show that ...": the parse reads it; a long or verbal phrase
    after = tokens[i + 1]
    closing = after.text in _SENTENCE_STOPS or (after.is_punct and after.i == sent.end - 1)
    if closing or (
        after.text == "," and i + 2 < len(doc) and tokens[i + 2].lower_ in ("and", "but")
    ):
        # "..., records show, and experts say ...": what comes after is another's
        keep = list(tokens[sent.start : start - 1])
    elif after.text == "," and (start - 2 < sent.start or tokens[start - 2].pos_ != "CCONJ"):
        # not "... and, records show, does not use the plane": inside a predicate of the clause
        keep = [t for t in tokens[sent.start : sent.end] if t.i < start - 1 or t.i > i + 1]
    else:
        return None
    words = [t for t in keep if not t.is_punct and not t.is_space]
    if len(words) < 3:
        return None
    return _Clause(
        words[0].idx, words[-1].idx + len(words[-1]), show, show.idx + len(show), tokens[i - 1]
    )


def _mistagged_verb(token: Token) -> bool:
    """`Audit files show that ...`, `One in five say that ...`: a word the tagger took for a noun
    that the parser makes a clause head with a subject is a verb."""
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ in ("ROOT", "ccomp", "conj", "advcl")
        and any(c.dep_ == "nsubj" for c in _children(token))
    )


# verbs that report a retort with "back" ("Hillary shot back, "..."", "Rubio fired back")
_RETORT_WORDS = (
    "fire fired fires firing shoot shot shoots shooting hit hits hitting strike struck strikes "
    "striking snap snapped snaps snapping"
)
_RETORT_VERBS = frozenset(_RETORT_WORDS.split())


_FINITE_TAGS = frozenset(["VBD", "VBZ", "VBP", "MD"])


def _finite(clause: Token) -> bool:
    """Whether a clause has a tensed verb, as a proposition does ("insists he will win"), not a
    small clause ("does not make everyone happy", "make their voice known", "let him go")."""
    return clause.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in _children(clause)
    )


def _is_cue(token: Token, cognition: bool = False) -> bool:
    word = token.lower_
    if (
        token.pos_ not in ("VERB", "AUX")
        and not (token.tag_.startswith("VB"))
        and not _mistagged_verb(token)
    ):
        return False
    if word in _PUT:
        # "As Akhil Amar put it, ...": the idiom of saying
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in _children(token))
    if word in _RETORT_VERBS:
        # "shot back", "fired back", "hit back": a retort
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in _children(token))
    return word in SPEECH_VERBS or (cognition and word in COGNITION_VERBS)


def _starts_attribution(verb: Token) -> bool:
    """Whether a verb inside a reported clause reports a stance of its own ("says she will not
    vote for him and considers him a racist", "rejected the notion, saying that ...")."""
    word = verb.lower_
    return verb.pos_ == "VERB" and (
        _is_cue(verb, cognition=True) or word in OBJECT_VERBS or word in _AS_VERBS
    )


# "before explaining", "after saying": a participle of saying after one of these reports a
# second statement, not part of the first ("by saying" is too often the manner of what was said:
# "they should respond by suggesting ...")
_SEQUENCE_PREPS = frozenset(["before", "after"])
# "while another says ...", "after the AP reported ...": the mark of an adverbial clause with a
# speaker of its own that is reported beside, not inside, the clause before it
_CONTRAST_MARKS = frozenset(["while", "whereas", "after", "when", "though", "although"])


# What sets a relative clause off from its noun: "Clinton's emails, which he said ..."
_SET_OFF = frozenset([",", "—", "–", "--", "-", "(", ";"])


_ENDS_REPORT_DEPS = frozenset(["conj", "relcl", "advcl", "acl", "prep"])


def _ends_report(token: Token, comp: Token) -> bool:
    """Whether a clause inside a reported clause is not part of the report: an attribution of its
    own: "says he will not vote for him and considers him a racist", "a path to nomination,
    which he declared "a total disaster"", "warned of a battle, saying ..."."""
    if token.dep_ not in _ENDS_REPORT_DEPS:
        return False  # the cheap test first: every branch below wants one of these
    before = token.left_edge.i - 1
    while before > 0 and token.doc[before].is_quote:
        before -= 1  # a comma inside the closing mark: could be “messy,” adding, ...
    after_comma = before >= 0 and token.doc[before].text == ","
    own_subject = _own_subject(token)
    if token.dep_ == "conj" and token.head == comp:
        if token.tag_ == "VB" and not own_subject:
            # "vowed to cut taxes and demand a vote", "said he would veto it and ask ...": a bare
            # verb shares the modal or "to" of what was said, and goes on with it (PolNeAR
            # train: 16 of the 22 cut were part of the content)
            return False
        # "said he made requests but that those requests were denied": a coordinated clause with
        # a subject of its own goes on with what was said, unless it reports a clause of its own
        # ("and she expects the council to ...") or its subject is a name ("and Trump says ...");
        # on PolNeAR train 11 of the 12 such clauses cut were part of the content
        return _starts_attribution(token) and (
            not own_subject
            or _own_report(token)
            or any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN" for c in _children(token))
        )
    if token.dep_ == "relcl":
        # "blamed Adler, who has argued that ...": a relative clause set off from its noun is a
        # report of its own; one that is not ("the scene she described", "the arguments that
        # they believe worked") belongs to the noun, inside what was said (PolNeAR train: 21 of
        # 29 set-off relative clauses cut end the content, 3 of 54 others)
        if before < 0 or token.doc[before].text not in _SET_OFF:
            return False
        return _is_cue(token, cognition=True) and (
            any(c.dep_ == "ccomp" for c in _children(token)) or own_subject
        )
    if token.dep_ in ("advcl", "acl") and token.tag_ == "VBG" and after_comma:
        # "rejected the notion that ..., saying that ...": the parser hangs the participle on the
        # object noun as often as on the verb
        return _is_cue(token, cognition=True) or token.lower_ in _PREP_CUES
    if token.dep_ == "prep" and token.lower_ in _SEQUENCE_PREPS:
        # "called her son her hero before explaining why she forgave him": a second report
        return any(
            c.dep_ == "pcomp"
            and c.tag_ == "VBG"
            and (_is_cue(c, cognition=True) or c.lower_ in _PREP_CUES)
            for c in _children(token)
        )
    if token.dep_ == "advcl" and own_subject and token.i > token.head.i:
        # "accuses Sanders of ... while Sanders suggests ...", "... after a woman told him ...": a
        # clause of its own speaker set after the report; a fronted one ("while polls showed X,
        # it was ...") is part of what was said
        return _starts_attribution(token) and _marked_by(token, _CONTRAST_MARKS)
    return False


def _own_report(clause: Token) -> bool:
    """Whether a clause is a report of its own: a verb of saying or thinking with its own
    subject and its own clause ("26 percent say they are not paying attention")."""
    return (
        _is_cue(clause, cognition=True)
        and _own_subject(clause)
        and any(c.dep_ == "ccomp" for c in _children(clause))
    )


def _lead_in(clause: Token, verb: Token) -> bool:
    """Whether a clause before a verb of saying ends at a colon before it: a sentence leading in
    to the report ("... set off another round of fireworks on Friday: Republicans said they're
    convinced ..."), which the parser makes the verb's complement; content before its verb ends
    at a comma."""
    doc = verb.doc
    return any(doc[i].text == ":" for i in range(clause.right_edge.i + 1, verb.i))


def _as_clause(token: Token) -> bool:
    """Whether a clause the parser hung on a verb opens with "as" and has no subject of its own
    ("as most unfair"; "as he accepted the nomination" is when)."""
    return (
        token.dep_ in ("advcl", "acomp")
        and token.left_edge.lower_ == "as"
        and not _own_subject(token)
    )


def _seen_as(verb: Token, obj: Token) -> bool:
    """Whether "as" follows the object of a verb of viewing: on the verb ("see X as Y"), on the
    object, where the parser hangs it too ("see immigrants as an economic burden"), or opening
    a clause on the verb ("see the campaign of Donald Trump as most unfair")."""
    return any(
        c.i > obj.i and ((c.dep_ == "prep" and c.lower_ == "as") or _as_clause(c))
        for c in _children(verb)
    ) or any(c.dep_ == "prep" and c.lower_ == "as" for c in _children(obj))


def _own_subject(clause: Token) -> bool:
    """Whether a verb has a subject of its own (not the "who"/"which" of a relative clause)."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") for c in _children(clause)
    )


def _that_adverbial(clause: Token) -> bool:
    """Whether a clause the parser took for an adverbial one opens with "that" and has a subject
    of its own: a that-clause after a phrase between it and its verb ("tweeted in the early
    morning hours that Machado was ..."), what was said."""
    first = clause.left_edge
    return (
        clause.dep_ == "advcl"
        and first.lower_ == "that"
        and first.dep_ in ("advmod", "mark")
        and first.head == clause
        and _own_subject(clause)
    )


def _clause_in_adjunct(verb: Token) -> list[Token]:
    """The that-clause the parser hung on the noun of a phrase after a verb of saying ("said in
    one of a series of Twitter messages that the truck was carrying arms": "messages that the
    truck ..." read as a relative clause), as a one-element list; a true relative clause has no
    subject of its own ("the messages that followed")."""
    for prep in _children(verb):
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for t in prep.subtree:
            if (
                t.dep_ == "relcl"
                and t.head.lower_ not in ("event", "case")  # "in the event that": a condition
                and _marked_by(t, ("that",))
                and _own_subject(t)
                and _nominal_path(t.head, prep)
            ):
                return [t]
    return []


def _nominal_path(token: Token, top: Token) -> bool:
    """Whether a token hangs on `top` through nouns and prepositions only, no verb between
    ("tweeted after Clinton argued ... that": the clause is Clinton's)."""
    while token.i != top.i:
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return False
        token = token.head
    return True


def _marked_by(clause: Token, marks: Collection[str]) -> bool:
    """Whether a clause opens with one of these marks ("while", "if", "as", ...)."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in _children(clause))


def _headline_attribution(doc: Doc, lo: int) -> _Attribution | None:
    """The "Name:" that opens a title line with the quote at lo after its colon ("Dr. Ben
    Carson: Hillary Clinton 'Not Fit To Serve'"): the whole line is the named person's."""
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, lo) + 1
    para_end = text.find("\n", lo)
    line = text[para_start : len(text) if para_end < 0 else para_end]
    headline = _HEADLINE.match(line) or _HEADLINE_TOPIC.match(line)
    if (
        headline is None
        or headline.end() > lo - para_start
        or _LABEL.match(headline.group(1))
        or len(line.split()) > _HEADLINE_MAX_WORDS
    ):
        return None
    name = doc.char_span(para_start, para_start + headline.end(1), alignment_mode="expand")
    colon = token_at(doc, para_start + line.rfind(":", 0, headline.end()))
    if name is None or colon is None:
        return None
    return _Attribution(colon, colon.idx + 1, name.root)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans sorted and merged where they overlap (quote marks nest)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _covered(offset: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    n = bisect.bisect_right(starts, offset) - 1  # spans merged and sorted: one to check
    return n >= 0 and offset < spans[n][1]


def _in_parentheses(token: Token) -> bool:
    """Whether a token is a parenthesis or inside one on its line ("(D-Wash.)", "(R)")."""
    if token.text in ("(", ")"):
        return True
    tokens = _tokens(token.doc)
    for back in range(token.i - 1, max(-1, token.i - 8), -1):
        text = tokens[back].text
        if text == ")" or "\n" in text:
            return False
        if text == "(":
            return True
    return False


def _colon_attribution(colon: Token, first: Token, verb: Token, subj: Token) -> _Attribution:
    """The clause before a colon introduces the quote after it ("Trump leaned in and boomed:
    '...'", "Clinton's response was: '...'"): the verb the colon hangs on is the cue, as a verb of
    saying (else `verb`, the clause's own), and the subject, or its possessor, speaks."""
    cue = colon.head
    if cue.pos_ not in ("VERB", "AUX") or cue.i > first.i:
        cue = verb
    owner = next((c for c in _children(subj) if c.dep_ == "poss"), subj)
    return _Attribution(cue, cue.idx + len(cue), owner)


def _named_by(doc: Doc, name: re.Match[str], cue_at: int) -> _Attribution | None:
    """The quote's attribution to the proper name a pattern matched (group 1), cued by the one
    character at cue_at (a dash or a colon, which may share a token with a mark: "”―")."""
    span = doc.char_span(name.start(1), name.end(1), alignment_mode="expand")
    cue = token_at(doc, cue_at)
    if span is None or cue is None or not any(t.pos_ == "PROPN" for t in span):
        return None
    return _Attribution(cue, cue_at + 1, span[-1], cue_at)


def _attribution(doc: Doc, lo: int, hi: int, inside: list[tuple[int, int]]) -> _Attribution | None:
    """The cue and subject for the quote at [lo, hi) from tokens of its sentences outside quotes."""
    tokens = _tokens(doc)
    first = token_at(doc, lo)
    last = token_at(doc, max(lo, hi - 1))
    if first is None or last is None:
        return None
    sents = []
    # a sentence break the parser put in mid-sentence ("Sanders also pledged to\xa0“bring ...”"):
    # the words before the quote in its paragraph belong to its sentence
    sent_start = _sent(first).start
    back = sent_start - 1
    while back >= 0 and tokens[back].is_space and "\n" not in tokens[back].text:
        back -= 1
    if (
        back >= 0
        and first.i - sent_start <= 1
        and not tokens[back].is_space
        and tokens[back].text not in _SENTENCE_END
        and _sent(tokens[back]) != _sent(first)
    ):
        sents.append(_sent(tokens[back]))
    for tok in (first, last):
        if _sent(tok) not in sents:
            sents.append(_sent(tok))
    # ... and a break at a no-break space after it ("” his friend\xa0Mahamat Oumar told")
    sent_end = _sent(last).end
    if (
        sent_end < len(doc)
        and tokens[sent_end - 1].is_space
        and "\n" not in tokens[sent_end - 1].text
        and _sent(tokens[sent_end]) not in sents
    ):
        sents.append(_sent(tokens[sent_end]))
    headline_att = _headline_attribution(doc, lo)
    if headline_att is not None:
        return headline_att
    text = doc_text(doc)
    # a name set off by a dash: "HEADLINE - Jones: "..."" before the quote, its colon the cue;
    # '"..." ― Sonya Herridge' after it, the dash the cue
    led_in = _DASH_LEAD.search(text, text.rfind("\n", 0, lo) + 1, lo)
    if led_in is not None:
        named = _named_by(doc, led_in, text.index(":", led_in.end(1)))
        if named is not None:
            return named
    byline = _DASH_BYLINE.match(text, hi)
    if byline is not None:
        dash_at = hi + len(byline.group(0)) - len(byline.group(0).lstrip(" \t\u00a0"))
        named = _named_by(doc, byline, dash_at)
        if named is not None:
            return named
    spans = _merged(inside)
    starts = [a for a, _b in spans]
    outside = [
        t
        for s in sents
        for t in tokens[s.start : s.end]
        if not _covered(t.idx, spans, starts) and not t.is_space
    ]
    acc = _according_to(outside)
    # a verb of saying after the quote with a clause of its own reports that clause, not the
    # quote ('"... no place in a political campaign." Ohio Gov. John Kasich said he would have
    # fired him'): the quote goes on with the speaker before it
    closed = text[lo:hi].rstrip("\"'”’` ").endswith(".")

    def reports_own(cue: Token) -> bool:
        return (
            closed
            and cue.idx >= hi
            and (
                any(
                    c.dep_ == "ccomp" and c.i > cue.i and not _covered(c.idx, spans, starts)
                    for c in _children(cue)
                )
                # '"... the bully." South Carolina, he said, was "where ..."': a parenthetical
                # attribution inside the next clause reports that clause
                or (cue.dep_ == "parataxis" and cue.head.idx >= hi)
            )
        )

    cues = [t for t in outside if _is_cue(t) and not reports_own(t)]
    if len(cues) > 1 and _opens_or_resumes(first):
        # '"A," Ms. Hughes said, pointing out where the store used to be. "B."', '"A," said
        # Ann Lee, who was there and recalled his temper. "B."': a participle or a verb in a
        # relative clause before the quote that reports a clause or an object of its own is
        # not the quote's cue; the verb it hangs on is
        free = [
            t
            for t in cues
            if not (
                t.idx < lo
                and t.dep_ != "ROOT"
                and any(
                    c.dep_ in ("dobj", "ccomp", "xcomp")
                    and c.i > t.i
                    and not _covered(c.idx, spans, starts)
                    for c in _children(t)
                )
            )
        ]
        cues = free or cues
    if acc is not None and not any(_subject_of(c) is not None for c in cues):
        return _Attribution(acc[0], acc[0].doc[acc[0].i + 1].idx + 2, acc[1])
    # the outermost cue that governs a quote inside a sentence wins ("Khan said Trump was
    # "ignorant" of Islam and criticized him" and "She said Trump favors a "strongman approach""
    # are said's; "calls her "an extremely intelligent woman"" is a stance verb's), else the
    # nearest one (before the opening or after the closing mark)
    inline = first.i > _sent(first).start and tokens[first.i - 1].is_alpha
    ancestors: list[Token] = []
    node = first
    while inline and node.dep_ != "conj" and node.head.i != node.i:
        node = node.head  # up to the clause the quote is part of, not to a coordinated one
        ancestors.append(node)
    governors = {a.i: -n for n, a in enumerate(ancestors)}
    cues += [a for a in ancestors if a not in cues and a.idx < lo and _starts_attribution(a)]
    if cues:

        def distance(t: Token) -> tuple[int, bool, int]:
            # a verb of saying in a relative clause reports its own clause ("said Elizabeth
            # Arnold, a former staffer who said she planned to demonstrate. "...")
            return (
                governors.get(t.i, 1),
                t.dep_ == "relcl" and t.i not in governors,
                lo - t.idx if t.idx < lo else t.idx - hi,
            )

        cue = min(cues, key=distance)
        return _Attribution(cue, cue.idx + len(cue), _speaker_of(cue, (lo, hi)))
    # the parser ends the sentence at a closing "?" or "!" and puts the attribution in a
    # sentence of its own: '"That would be you?" Borger asked.'
    after = _sent(last).end
    if (
        after < len(doc)
        and "\n" not in text[hi : tokens[after].idx]
        and tokens[after].idx - hi <= 3
    ):
        # a party label in parentheses does not count ('Rep. Jim McDermott (D-Wash.) said.')
        # the first words outside parentheses only: _in_parentheses is not cheap
        tail = list(
            islice(
                (t for t in _sent(tokens[after]) if not _in_parentheses(t)), _TRAILING_CUE_WINDOW
            )
        )
        trailing = next(
            (
                t
                for t in tail
                if _is_cue(t)
                and not _covered(t.idx, spans, starts)
                and not reports_own(t)
                # '"... the state." She noted a planned rally in Sioux City': after a quote
                # closed with a period, a verb with an object of its own reports that
                and not (
                    closed
                    and any(
                        c.dep_ == "dobj" and c.i > t.i and not _hearer_only(c) for c in _children(t)
                    )
                )
            ),
            None,
        )
        if trailing is not None:
            subj = _speaker_of(trailing, (lo, hi))
            if subj is not None and subj.i in {t.i for t in tail}:
                return _Attribution(trailing, trailing.idx + len(trailing), subj)
    # a bare "Name verb." right after the quote is an attribution whatever the verb ('"Would it
    # be negotiable?" Hannity pressed.', where the parser ends the sentence at the "?"): a verb
    # with a subject and nothing else it says something about can only report the quote
    tail = [t for t in tokens[last.i + 1 : last.i + 8] if not t.is_space or "\n" in t.text]
    end = next((n for n, t in enumerate(tail) if t.text in _SENTENCE_STOPS or t.is_space), None)
    words = tail[:end] if end is not None else []
    if (
        0 < len(words) <= 4
        and "\n" not in text[hi : words[0].idx]
        and words[0].idx - hi <= 3
        and not any(_covered(t.idx, spans, starts) for t in words)
    ):
        verb = next((t for t in words if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ")), None)
        if verb is not None and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "attr", "acomp")
            and not lo <= c.idx < hi  # the quote itself, as its complement ('"...," he mocks.')
            for c in _children(verb)
        ):
            subj = next((c for c in _children(verb) if c.dep_ == "nsubj" and c in words), None)
            if subj is not None and subj.i < verb.i:
                return _Attribution(verb, verb.idx + len(verb), subj)
    # ... or inverted, the verb right after the closing mark and a person's name right after it
    # ('"This is fantastic!" beamed Donald Hartley of Madison, Ala.')
    after_mark = tail[0] if tail else None
    if (
        after_mark is not None
        and after_mark.tag_ == "VBD"
        and after_mark.idx - hi <= 3
        and "\n" not in text[hi : after_mark.idx]
        and after_mark.i + 1 < len(doc)
        and tokens[after_mark.i + 1].ent_type_ == "PERSON"
        and tokens[after_mark.i + 1].ent_iob_ == "B"
    ):
        person = _entity_of(tokens[after_mark.i + 1])
        return _Attribution(after_mark, after_mark.idx + len(after_mark), person[-1])
    # a headline or transcript turn: "Trump: 'We are going to win so much.'"
    para_start = text.rfind("\n", 0, lo) + 1
    headline = _HEADLINE.match(text[para_start : lo + 1])
    if headline and headline.end() == lo - para_start and not _LABEL.match(headline.group(1)):
        name = doc.char_span(para_start, para_start + headline.end(1), alignment_mode="expand")
        colon = token_at(doc, para_start + headline.end(1))
        if name is not None and colon is not None:
            return _Attribution(colon, colon.idx + 1, name.root)
    # a quote introduced by the sentence before it: "Achterberg was blunter: ..."
    before = _sent(first).start - 1
    if first.idx - _sent(first).start_char <= 2 and before >= 0:
        prev = _sent(tokens[before])
        last_tok = next((t for t in reversed(prev) if not t.is_space), None)
        if last_tok is not None and last_tok.text == ":":
            colon_cue = next((t for t in prev if _is_cue(t)), None)
            colon_subj = _subject_of(colon_cue) if colon_cue is not None else _subject_of(prev.root)
            if colon_subj is not None:
                cue_end = colon_cue.idx + len(colon_cue) if colon_cue is not None else None
                return _Attribution(colon_cue, cue_end, colon_subj)
    # ... or by the words before a colon in its own sentence, which the parser hangs on the quote
    # ('Sanders delivered a snappy retort: "No one is tearing this up."'): the clause before the
    # colon, whose verb leads out of it, speaks
    colon_i = first.i - 1
    while colon_i >= 0 and (tokens[colon_i].is_space or tokens[colon_i].is_quote):
        colon_i -= 1
    if (
        colon_i > 0
        and tokens[colon_i].text == ":"
        and _sent(tokens[colon_i]) == _sent(first)
        and tokens[colon_i - 1].pos_ != "PROPN"  # "More from Jones: '...'" is Jones's (below)
    ):
        lead = doc[_sent(first).start : colon_i]
        verb = next(
            (
                t
                for t in lead
                if t.pos_ in ("VERB", "AUX")
                and not (lead.start <= t.head.i < lead.end and t.head.i != t.i)
                and not _covered(t.idx, spans, starts)
            ),
            None,
        )
        lead_subj = _subject_of(verb) if verb is not None else None
        if verb is not None and lead_subj is not None and lead.start <= lead_subj.i < lead.end:
            return _colon_attribution(tokens[colon_i], first, verb, lead_subj)
    # no speech verb: the subject of the sentence speaks ("The official was confident ... '...'")
    after_colon = first.i > 0 and tokens[first.i - 1].text == ":"
    for s in sents:
        root = s.root
        if not _covered(root.idx, spans, starts):
            subj = _subject_of(root)
            if subj is not None and not _covered(subj.idx, spans, starts):
                if after_colon and root.i < first.i:
                    return _colon_attribution(tokens[first.i - 1], first, root, subj)
                return _Attribution(None, None, subj)
    return None


def _opens_or_resumes(first: Token) -> bool:
    """Whether a quote whose first word is `first` opens a sentence, or goes on with the sentence
    its attribution interrupted ('..., Thiel wrote in a statement explaining why he is speaking,
    "but most ...')."""
    tokens = _tokens(first.doc)
    before = first.i - 1
    while before >= 0 and (tokens[before].is_quote or tokens[before].is_space):
        before -= 1
    return (
        before < 0
        or tokens[before].text in _SENTENCE_STOPS
        or (tokens[before].text == "," and first.is_lower)
    )


def _main_clause(verb: Token) -> bool:
    """Whether a verb heads its sentence (or a clause coordinated with it, or is a speech verb).

    A pronoun refers back to the topic of the last sentence, not to a person inside what was
    reported: "Coffman said Trump had disrespected troops. "...," he said." is Coffman's.
    """
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT" or _is_cue(verb)


def _topic(token: Token) -> bool:
    """Whether a name token is the subject of a main clause, or the possessor of that subject
    ("Carson's endorsement came with caveats. He may add ..." is about Carson)."""
    if token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass"):
        token = token.head
    elif token.dep_ == "appos" and token.head.dep_ == "pobj":
        # "His former business partner at Lenox, Lawrence B. Cummings, called ...": the name that
        # closes the subject's phrase is the subject
        subject = token.head.head.head
        if subject.dep_ in ("nsubj", "nsubjpass") and _closing_appos(subject) == token:
            token = subject
    return token.dep_ in ("nsubj", "nsubjpass") and _main_clause(token.head)


def _person_names(ents: Sequence[Span]) -> list[tuple[Span, Span]]:
    """Each person entity of an article with the name it holds (see _person_span)."""
    return [(ent, _person_span(ent)) for ent in ents if ent.label_ == "PERSON"]


def _trimmed_names(people: list[tuple[Span, Span]]) -> dict[str, str]:
    """Person entities NER ran on into the words around them, and the names they hold."""
    return {
        _POSSESSIVE.sub("", ent.text): _POSSESSIVE.sub("", name.text)
        for ent, name in people
        if len(name) < len(ent)
    }


def _clean_index(
    people: list[tuple[Span, Span]], index: dict[str, str], trimmed: dict[str, str]
) -> dict[str, str]:
    """A surname index without the words NER ran a name on from ("Beneath Clinton" -> the
    article's "Hillary Clinton", else "Clinton")."""
    full: dict[str, str] = {}
    for ent, held in people:
        name = _POSSESSIVE.sub("", ent.text).strip()
        if len(held) == len(ent) and len(name.split()) >= 2 and name.split()[-1][:1].isupper():
            full.setdefault(name.split()[-1].lower(), name)
    cleaned = {}
    for key, name in index.items():
        short = _trim(name, trimmed)
        if short == name:
            cleaned[key] = name
        elif key in full:
            cleaned[key] = full[key]
        elif key in short.lower().split():
            cleaned[key] = short
        # else the word was in what the cut left off ("Bugs Attack Bougainvillea" -> "Bugs"): the
        # name cut to holds no "Bougainvillea" to stand for
    return cleaned


# last words of proper names that name a place or an institution, not a person: a name NER
# missed ("Wall Street, instead of spreading prosperity, delivered ...") is no "he" or "she"
_PLACE_OR_BODY_WORDS = (
    "street avenue road square watch party post news times journal group center centre "
    "institute university college school church court house committee council foundation fund "
    "bank company association union network media press research project club department "
    "agency office board review magazine tribune herald gazette"
)
_PLACE_OR_BODY = frozenset(_PLACE_OR_BODY_WORDS.split())


def _not_a_person(name: str) -> bool:
    """Whether a proper-noun chain taken for a name is a place or an institution, or a
    dateline in capitals ("DES MOINES, Iowa —")."""
    words = name.split()
    return bool(words) and (words[-1].lower() in _PLACE_OR_BODY or name.isupper())


def _labelled_person(doc: Doc, offset: int) -> bool:
    token = token_at(doc, offset)
    return token is not None and token.ent_type_ == "PERSON"


def _trim(name: str, trimmed: dict[str, str]) -> str:
    """A name as NER ran it on ("Trump May Not Have Suggested", or a part of it the article
    indexes: "Trump May") cut to the name it holds ("Trump")."""
    return next((v for k, v in trimmed.items() if k.startswith(name) and v in name), name)


def _first_named(doc: Doc, known: dict[str, str]) -> dict[str, str]:
    """Surnames NER missed after a known first name ("Brett O’Donnell" tagged a noun, "Fox
    News' Sean Hannity" an ORG): the title-case word right after a first name, when no
    capitalised word follows it, keyed by its lower case for the article's later "Hannity
    said"."""
    found: dict[str, str] = {}
    n = len(doc)
    tokens = _tokens(doc)
    lowers = _lowers(doc)
    for token in tokens:
        if lowers[token.i] not in FIRST_NAMES or not token.is_title or token.i + 1 >= n:
            continue
        surname = tokens[token.i + 1]
        key = lowers[surname.i]
        if (
            key in known
            or key in found
            or not surname.is_title
            or surname.ent_type_ == "PERSON"
            or surname.pos_ not in ("PROPN", "NOUN")
            or key in _NOT_NAMES
            or (surname.i + 1 < n and tokens[surname.i + 1].is_title)
        ):
            continue
        name = f"{token.text} {surname.text}"
        if not _not_a_person(name):
            found[key] = name
    return found


# An interview printed as questions and answers: "Q: ..." (USA Today's lost its colon: "QWhat
# would have happened?") and "A: ..." paragraphs
_QUESTION = re.compile(r"Q(?:[:.]\s*|\s*[—–-]\s*|(?=[A-Z]))\S")
_ANSWER = re.compile(r"A(?:[:.]|\s*[—–-])\s+\S")


def _interview(
    doc: Doc, persons: list[tuple[int, str]]
) -> tuple[list[tuple[int, int]], str | None]:
    """(answer paragraphs, the person interviewed) of a question-and-answer transcript: two
    answers and a question at least, and the person the headline or introduction names first."""
    text = doc_text(doc)
    if "\nA" not in text:
        return [], None  # the cheap test first: no paragraph opens with an "A"
    answers: list[tuple[int, int]] = []
    questions = 0
    first: int | None = None  # where the transcript starts
    for para in _PARAGRAPH.finditer(text):
        if _ANSWER.match(para.group()):
            answers.append(para.span())
        elif _QUESTION.match(para.group()):
            questions += 1
        else:
            continue
        if first is None:
            first = para.start()
    if first is None or len(answers) < 2 or not questions:
        return [], None
    named = [name for offset, name in persons if offset < first]
    return (answers, named[0]) if named else ([], None)


# A line of underscores between the items of a live blog or a digest (AP's "___"): each item is
# a story of its own. Not "***" or "---", which features also use between scenes of one story
_STORY_BREAK = re.compile(r"^[ \t]*_{3,}\.?[ \t]*$", re.MULTILINE)


class _Speakers:
    """Running memory of an article's people and speakers for resolution."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]]) -> None:
        ents = doc.ents  # builds every Span anew: read once
        people = _person_names(ents)
        # the organisations "the ministry" or "the committee" may refer to
        self.bodies = _bodies(ents)
        trimmed = self._trimmed = _trimmed_names(people)
        self.full_names = {
            key: name
            for key, name in _clean_index(people, surname_index(doc), trimmed).items()
            if not _not_a_person(name)
        }
        self.full_names.update(_first_named(doc, self.full_names))
        # full() of each name asked, which depends on full_names only (fixed from here on)
        self._full: dict[str, str] = {}
        self.persons: list[tuple[int, str]] = []  # (offset, full name) of person mentions
        self.subjects: list[tuple[int, str]] = []  # person mentions that are grammatical subjects
        self.gender: dict[str, str] = {}
        # person mentions, whose titles and appositives holder() reads when first asked
        self._titled: list[tuple[Span, str]] = []
        self._roles: list[tuple[int, str, frozenset[str]]] | None = None
        self._doc = doc
        self._verbal_words: frozenset[str] | None = None  # see _verbal
        self._story_breaks = [m.end() for m in _STORY_BREAK.finditer(doc_text(doc))]
        # where the article grants a source anonymity ("asking anonymity", "who declined to be
        # named"): quotes are resolved out of text order, so "the official" after it asks here
        self._anonymity = [m.start() for m in _ANONYMOUS.finditer(doc_text(doc))]
        # indexes for "it" going on for a body and for a document named again, built when a
        # quote first asks (see _bodies_speaking, _documents_made)
        self._speaking_bodies: list[tuple[int, str | None]] | None = None
        self._documents: list[tuple[int, str, Token | str | None]] | None = None
        # how often NER gave each one-word name a person's label and a place's (not a body's:
        # "Trump" is an ORG in "Trump campaign" in many an article)
        votes: Counter[tuple[str, bool]] = Counter(
            (e.text, e.label_ == "PERSON")
            for e in ents
            if len(e) == 1 and e.label_ in ("PERSON", "GPE", "LOC", "FAC")
        )
        for _ent, ent in people:
            name = re.sub(r"(?:'s|’s|')$", "", _TITLE_WORDS.sub("", ent.text)).strip()
            if (
                not name.split()
                or _not_a_person(name)
                # "Clarkston became his home": a one-word name NER labels a place elsewhere in
                # the article more often than a person is no person here either
                or (len(ent) == 1 and votes[(ent.text, False)] > votes[(ent.text, True)])
                or (
                    len(ent) == 1
                    and ent[0].tag_ in ("NNPS", "NNS")
                    and ent[0].lower_ not in self.full_names
                )
            ):
                # a plural that is no one's surname is a group NER took for a person
                # ("Latinos", "the Clintons"); "Sanders" said alone is still Bernie Sanders
                continue
            honorific = _honorific(doc, ent.start_char)
            gender = {"Mr. ": "m", "Mrs. ": "f"}.get(honorific) or _title_gender(ent)
            full = self.full(honorific + name)
            self.persons.append((ent.start_char, full))
            self._titled.append((ent, full))
            if any(_topic(t) for t in ent):
                self.subjects.append((ent.start_char, full))
            if gender is not None:
                self.gender[full] = gender
        # NER misses or mislabels a bare surname now and then ("Bosworth said ..."): a proper-noun
        # subject that is the surname of a person named in the article counts too
        full_names = self.full_names
        lowers = _lowers(doc)
        for token in _tokens(doc):
            surname_of = full_names.get(
                lowers[token.i]
            )  # the cheap test first: few words are names
            if (
                surname_of is not None
                and (token.pos_ == "PROPN" or token.is_title)
                and token.ent_type_ != "PERSON"
                and _topic(token)
            ):
                self.subjects.append((token.idx, surname_of))
            elif token.ent_type_ != "PERSON" and token.pos_ == "PROPN" and _topic(token):
                # ... or a whole name it missed after a title ("Former Hewlett-Packard CEO Carly
                # Fiorina named ...")
                missed = _missed_name(token)
                if missed is not None:
                    self.subjects.append((missed.start_char, self.full(missed.text)))
        for offset, introduced in introduced_names(doc):
            name = _trim(introduced, trimmed)
            if _not_a_person(name):
                continue
            name_token = token_at(doc, offset)
            while (
                name_token is not None
                and name_token.dep_ in ("compound", "amod", "nmod", "punct")
                and name_token.head is not name_token
            ):
                name_token = name_token.head
            if name_token is not None and name_token.dep_ == "appos":
                name_token = name_token.head  # "Opposition lawmaker Lee Ji-eun, ..., said"
            if (
                name_token is not None
                and name_token.dep_ in ("nsubj", "nsubjpass")
                and _main_clause(name_token.head)
            ):
                self.subjects.append((offset, self.full(name)))
            elif name_token is not None and (
                name_token.dep_ not in ("pobj", "poss")
                or (name_token.dep_ == "pobj" and _labelled_person(doc, offset))
            ):
                # a mangled parse: a name before the speech verb that heads its sentence (not a
                # proper noun NER left unlabelled inside a phrase: "a professor at Sciences Po
                # in Paris, noted ...", nor a possessor: "When he took the stage after Mr.
                # Vander Plaats's introduction, he said ...")
                root = _sent(name_token).root
                if (
                    _is_cue(root)
                    and offset < root.idx
                    # not mangled when the verb has a person for its subject before the name,
                    # which a phrase then describes: "Dunwoody, who worked for Barack Obama in
                    # 2008, said ..."
                    and not any(
                        c.dep_ in ("nsubj", "nsubjpass")
                        and c.ent_type_ == "PERSON"
                        and c.i < name_token.i
                        for c in _children(root)
                    )
                ):
                    self.subjects.append((offset, self.full(name)))
        # a name quoted is not the topic a later "he" refers to ("'I fully support and endorse
        # John McCain's re-election,' Trump said. He went on ..." is Trump's)
        starts = [a for a, _b in quoted]
        self._quoted = quoted
        self._quote_starts = starts
        self.subjects = [
            (offset, name)
            for offset, name in self.subjects
            if not ((n := bisect.bisect_right(starts, offset) - 1) >= 0 and offset < quoted[n][1])
        ]
        # proper-noun subjects NER gave no PERSON label ("Fiorina, 61, declined ...", tagged ORG;
        # "Ivanka Trump strode ...", PRODUCT): a "he" or "she" with no one else to refer to
        self.unlabelled: list[tuple[int, str, str]] = []  # (offset, as written, full name)
        for token in _tokens(doc):
            # a "he" or "she" that its own sentence resolves ("When Clinton challenges Sanders
            # ..., she is making ...") keeps that person the topic: the next sentence's "she" is
            # Clinton's too, not that of a person named as a subject before the fronted clause
            if (
                lowers[token.i] in ("he", "she")
                and token.dep_ in ("nsubj", "nsubjpass")
                and _main_clause(token.head)
                and not self.in_quote(token.idx)
            ):
                gender = _PRONOUNS[token.lower_]
                antecedent = _cataphor(token, self, gender) or _sentence_antecedent(
                    token, self, gender
                )
                if antecedent is not None:
                    self.subjects.append((token.idx, antecedent))
            elif (
                token.pos_ == "PROPN"
                and token.ent_type_ in _UNLABELLED_PERSON_ENTS
                and token.is_title
                and _topic(token)
                and not self.in_quote(token.idx)
            ):
                start, end = _name_span(token)
                name = doc_text(doc)[start:end]
                words = name.split()
                if (
                    1 <= len(words) <= 3
                    and all(w[:1].isupper() for w in words)
                    and not _not_a_person(name)
                ):
                    self.unlabelled.append((token.idx, name, self.full(name)))
        self.last_named: list[tuple[int, str]] = []  # speakers so far (offset, name)
        # what a named person reports (start, end, reporter): its subjects are not the topic
        self.reported: list[tuple[int, int, str]] = []
        self.last_anonymous: str | None = None
        # an interview printed as a transcript: the "I" of its answers is the person interviewed
        self.answers, self.interviewee = _interview(doc, self.persons)

    def in_answer(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.answers)

    def in_quote(self, offset: int) -> bool:
        n = bisect.bisect_right(self._quote_starts, offset) - 1
        return n >= 0 and offset < self._quoted[n][1]

    def full(self, name: str) -> str:
        found = self._full.get(name)
        if found is None:
            found = self._full[name] = self._full_name(name)
        return found

    def _full_name(self, name: str) -> str:
        # a name glued to the closing mark of a quote before it ("paranoia,”Clinton said")
        name = _unglue(name)
        # NER runs a name on over a spaced dash ("Deborah Jordan Reynolds - Santilli's
        # girlfriend - told ..."): a name holds no spaced dash
        name = _SPACED_DASH.split(name, maxsplit=1)[0]
        honorific = _HONORIFIC.match(name)
        name = re.sub(r"(?:'s|’s|')$", "", _TITLE_WORDS.sub("", name)).strip()
        if " " in name:
            name = _trim(name, self._trimmed)  # "Trump May" of "Trump May Not Have Suggested"
        parts = name.split()
        for n in range(1, len(parts)):
            # a title-case headline runs the name on into its verb ("Glenn Beck Blasts Drudge
            # for ...", "Trump Addresses Munich Attack"): the name ends at a known surname
            # followed by a capitalised verb of saying or stance
            known = self.full_names.get(parts[n - 1].lower())
            if (
                known is not None
                and known.split()[-1].lower() == parts[n - 1].lower()
                and parts[n][:1].isupper()
                and (
                    parts[n].lower() in _HEADLINE_VERBS
                    # ... or at a word the article uses as a verb or an adverb, and as nothing
                    # else ("Trump Just Announced Who ...": "Just" is tagged an adverb there)
                    or parts[n].lower() in self._verbal()
                )
            ):
                parts = parts[:n]
                name = " ".join(parts)
                break
        if len(parts) == 1:
            found = self.full_names.get(parts[0].lower(), name)
        elif len(parts) == 2 and parts[-1][0].isupper():
            found = self.full_names.get(parts[-1].lower(), name)
            first = found.split()[0].lower() if found.split() else ""
            if parts[0] not in found.split() and (
                parts[0].lower() in FIRST_NAMES or first in FIRST_NAMES
            ):
                return name  # "Melania Trump" is not the "Donald Trump" the surname stands for
        else:
            return _without_title(name)
        if honorific is not None and found != name:
            # "Mrs. Clinton" in an article about both Clintons: the family member of her gender
            gender = "m" if honorific.group(1).lower() == "mr" else "f"
            if _gender(found) not in (None, gender):
                surname = found.split()[-1]
                found = next(
                    (
                        other
                        for other in self.full_names.values()
                        if other.split()[-1] == surname and _gender(other) == gender
                    ),
                    name,
                )
        # the index keeps a title NER put inside the name ("Representative Carl Hooper")
        return _without_title(found)

    def _verbal(self) -> frozenset[str]:
        """The words the article uses as verbs or adverbs and never writes in lower case as
        anything else ("just", "makes"; not "tower" or "foundation"), read when first asked."""
        if self._verbal_words is None:
            verbal: set[str] = set()
            other: set[str] = set()
            for token, word in zip(_tokens(self._doc), _lowers(self._doc), strict=True):
                if token.pos_ in ("VERB", "AUX", "ADV"):
                    verbal.add(word)
                elif token.is_lower:
                    other.add(word)
            self._verbal_words = frozenset(verbal - other)
        return self._verbal_words

    def story_start(self, at: int) -> int:
        """Where the story holding offset `at` starts: after the last story break before it."""
        n = bisect.bisect_right(self._story_breaks, at) - 1
        return self._story_breaks[n] if n >= 0 else 0

    def compatible(self, name: str, gender: str | None) -> bool:
        known = self.gender.get(name) or _gender(name)
        return gender not in ("m", "f") or known in (None, gender)

    def _titles(self) -> list[tuple[int, str, frozenset[str]]]:
        if self._roles is None:
            self._roles = [(ent.start_char, name, _roles_of(ent)) for ent, name in self._titled]
        return self._roles

    def _bodies_speaking(self) -> list[tuple[int, str | None]]:
        """(offset, name) of each subject of a verb of saying but "it", the name only for a
        body or a country, for the "it" that goes on speaking for the last one."""
        if self._speaking_bodies is None:
            self._speaking_bodies = []
            for token in _tokens(self._doc):
                if token.dep_ == "nsubj" and token.lower_ != "it" and _is_cue(token.head):
                    ent = _entity_of(token) if token.ent_type_ in ("ORG", "GPE") else None
                    name = (
                        capital_article(_POSSESSIVE.sub("", ent.text)) if ent is not None else None
                    )
                    self._speaking_bodies.append((token.idx, name))
        return self._speaking_bodies

    def _documents_made(self) -> list[tuple[int, str, Token | str | None]]:
        """(offset, kind, maker) of each document or utterance the article names ("a new
        Quinnipiac University poll", "a report by the GAO"), for "the poll" later on. A document
        named again takes the maker of the one before it; one whose maker the text does not
        name has none ("Clinton's campaign sent out an email ... The email")."""
        if self._documents is None:
            self._documents = []
            last: dict[str, Token | str | None] = {}
            text = doc_text(self._doc)
            for token in _tokens(self._doc):
                if token.pos_ != "NOUN" or not (
                    token.lower_ in _AUTHORED or token.lower_ in _UTTERANCES
                ):
                    continue
                kind = _document_kind(token.lower_)
                made = (
                    _author_of(token)
                    or _utterance_owner(token)
                    or _maker_named_before(token)
                    or _issuer(token)
                )
                if made is None and _THE_DOCUMENT.fullmatch(
                    text[token.left_edge.idx : token.idx + len(token)]
                ):
                    made = last.get(kind)
                last[kind] = made
                self._documents.append((token.idx, kind, made))
        return self._documents

    def document_maker(self, noun: str, before: int) -> Token | str | None:
        """Who made the last document of this kind the article named before an offset (None
        when the text does not say). No distance limit: an article seldom names two polls or
        statements; on PolNeAR a limit of five paragraphs dropped 12 of the 42 quotes this
        resolves, 11 of them right (the poll or statement the article is about)."""
        kind = _document_kind(noun)
        found = [
            made for offset, k, made in self._documents_made() if k == kind and offset < before
        ]
        return found[-1] if found else None

    def speaking_body(self, before: int) -> str | None:
        """The body or country that last said something before an offset, in its paragraph or
        the one before; None when the last one to speak there was not a body."""
        text = doc_text(self._doc)
        start = text.rfind("\n", 0, before)
        start = text.rfind("\n", 0, start) if start > 0 else -1
        found = [name for offset, name in self._bodies_speaking() if start < offset < before]
        return found[-1] if found else None

    def anonymity_before(self, at: int) -> bool:
        """Whether the article granted a source anonymity before this offset."""
        return bool(self._anonymity) and self._anonymity[0] < at

    def holder(self, role: str, at: int) -> str | None:
        """The last person before `at` the article gave the role ("Judge Berman", "Trump, the
        Republican front-runner") a description names ("the judge", "the front-runner")."""
        for offset, name, roles in reversed(self._titles()):
            if offset < at and role in roles:
                return name
        return None

    def sole_holder(self, role: str, at: int, words: set[str]) -> str | None:
        """The one person before `at` the article gave the role and all of `words` ("Mayor Bill
        de Blasio" for "the mayor"); None when it gave them to several ("Sen. Marco Rubio" and
        "Sen. Ted Cruz" for "the senator")."""
        names = {
            name
            for offset, name, roles in self._titles()
            if offset < at and role in roles and words <= roles
        }
        return names.pop() if len(names) == 1 else None

    def _inside_report(self, offset: int, name: str, gender: str | None) -> bool:
        # "McLenney said Clinton doesn't show consistency ... "...," she said": the person a
        # report is about is not whom the next pronoun means while its reporter could be
        return any(
            lo <= offset < hi and reporter != name and self.compatible(reporter, gender)
            for lo, hi, reporter in self.reported
        )

    def recent(self, at: int, gender: str | None) -> str | None:
        # the last person who spoke or was the subject of a sentence: "Bosworth said in Seoul that
        # he met Kang Sok-ju ..., adding, "..."" is Bosworth's, not Kang's; never one before a
        # story break ("___" between the items of a live blog): its story has ended
        start = self.story_start(at)
        candidates = sorted(o_n for o_n in self.last_named + self.subjects if start <= o_n[0] < at)
        for offset, name in reversed(candidates):
            if self.compatible(name, gender) and not self._inside_report(offset, name, gender):
                return name
        persons = [(o, n) for o, n in self.persons if start <= o < at]
        for _offset, name in reversed(persons):
            if self.compatible(name, gender):
                return name
        if gender in ("m", "f"):
            # the full name a surname stands for may be a relative's ("Fiorina" -> "Frank
            # Fiorina" for a "she"): the name as written then
            unlabelled = [u for u in self.unlabelled if start <= u[0] < at]
            for _offset, written, full in reversed(unlabelled):
                for name in (full, written):
                    if self.compatible(name, gender):
                        return name
        return None


def _after_title(name: str) -> str:
    """The name that ends a longer titled phrase, or the phrase (not one of two people joined
    by "and": "Toomey and Sen. Kelly Ayotte")."""
    after = _NAME_AFTER_TITLE.search(name)
    if after is None or after.start() == 0 or " and " in name[: after.start()]:
        return name
    return after.group(1)


def _without_title(name: str) -> str:
    """A person's name without the title or the titled phrase before it."""
    return _TITLE_WORDS.sub("", _after_title(name)).strip() or name


def _honorific(doc: Doc, start: int) -> str:
    """ "Mr. " or "Mrs. " when it stands before the name at start (NER leaves it out)."""
    before = doc_text(doc)[max(0, start - 5) : start]
    if _MR_BEFORE.search(before):
        return "Mr. "
    return "Mrs. " if _MRS_BEFORE.search(before) else ""


def _unglue(name: str) -> str:
    """A name without the quote it is glued to ("paranoia,”Clinton" -> "Clinton")."""
    return _GLUED.split(name)[-1].strip() or name


def _gender(name: str) -> str | None:
    first = name.split()[0].lower().rstrip(".") if name.split() else ""
    if first in FEMALE_NAMES or first in _FEMALE_TITLES:
        return "f"
    return "m" if first in MALE_NAMES or first in _MALE_TITLES else None


def _cataphor(pronoun: Token, memory: _Speakers, gender: str) -> str | None:
    """The person a pronoun in a fronted clause looks ahead to: "Ever since she endorsed Mrs.
    Clinton, Ms. Warren has been a powerful surrogate" (the main clause's named subject)."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "poss") or clause.dep_ != "advcl" or clause.i > clause.head.i:
        return None
    if not any(c.dep_ == "mark" for c in _children(clause)) and pronoun.dep_ == "nsubj":
        return None
    main = next((c for c in _children(clause.head) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if main is None or main.i < pronoun.i or main.ent_type_ != "PERSON":
        return None
    start, end = _name_span(main)
    name = memory.full(_honorific(main.doc, start) + doc_text(main.doc)[start:end])
    return name if memory.compatible(name, gender) else None


# subordinators of a clause whose subject a pronoun in the clause beside it refers back to
# ("When Clinton challenges Sanders ..., she is making ..."); "if" and "because" clauses often
# carry what is said rather than the speaker ("If Trump loses, he said he would ...")
_LINKED_MARKS = frozenset(["when", "while", "as", "after", "before", "since", "though", "although"])


def _linked(clause: Token) -> bool:
    """Whether a clause opens with one of _LINKED_MARKS ("when" is tagged mark or advmod)."""
    return any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _LINKED_MARKS and c.i < clause.i
        for c in _children(clause)
    )


def _clause_person(clause: Token, before: int) -> Token | None:
    """The named person subject of a clause, when it stands before token index `before`."""
    subj = next((c for c in _children(clause) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("who", "that") and clause.dep_ == "relcl":
        # "Rep. Joe Wilson, the congressman who gained attention when he yelled ...": the
        # relative pronoun stands for the noun the clause describes, or the name beside it
        subj = _named_noun(clause.head)
    if subj is None or subj.i >= before or subj.ent_type_ != "PERSON":
        return None
    return subj


def _named_noun(noun: Token) -> Token | None:
    """A noun that is a person's name, or the name it stands in apposition with."""
    if noun.ent_type_ == "PERSON":
        return noun
    if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON":
        return noun.head
    return next((c for c in _children(noun) if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)


def _sentence_antecedent(pronoun: Token, memory: _Speakers, gender: str) -> str | None:
    """The person a subject pronoun refers to inside its own sentence, the named subject of the
    clause it is tied to: a fronted time or concession clause ("While Mr. Cruz shares Mr. Ryan's
    views, he turned against ...") or the main clause it is subordinate to ("Mrs. Clinton is
    relying on the former president ... as she praises his record", "Lilesa drew attention to
    the abuses when he held his arms over his head")."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = pronoun.head
    person = None
    for clause in _children(verb):
        if clause.dep_ == "advcl" and clause.i < pronoun.i and _linked(clause):
            person = _clause_person(clause, pronoun.i) or person
    if person is None and verb.dep_ == "advcl" and verb.i > verb.head.i and _linked(verb):
        person = _clause_person(verb.head, pronoun.i)
    if person is None or memory.in_quote(person.idx):
        return None
    start, end = _name_span(person)
    name = memory.full(_honorific(person.doc, start) + doc_text(person.doc)[start:end])
    return name if memory.compatible(name, gender) else None


# roles of people who speak for someone else: never that person
_AGENT_ROLES = frozenset(
    ["spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "lawyer", "attorney"]
)
# abbreviated titles as the role word a later description uses
_ROLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "prof": "professor",
    "pres": "president",
    "sec": "secretary",
    "frontrunner": "front-runner",
    "runner": "front-runner",
}


def _role_word(word: str) -> str:
    word = _POSSESSIVE.sub("", word.lower()).strip(".,")
    return _ROLE_ABBREVIATIONS.get(word, word)


def _roles_of(ent: Span) -> frozenset[str]:
    """The role words an article attaches to a person's name: a title before it ("Republican
    presidential candidate Donald Trump", "Judge Richard Berman", "Gov. John Kasich of Ohio") or
    an appositive beside it ("Trump, the Republican front-runner", "the Ohio governor, John
    Kasich")."""
    doc = ent.doc
    root = ent.root
    inside = range(ent.start, ent.end)
    # the title words right before the name that modify it ("presidential" via "candidate")
    words = [
        t
        for t in doc[max(0, ent.start - 6) : ent.start]
        if t.head.i in inside or (t.head.i < ent.start and t.head.head.i in inside)
    ]
    for child in _children(root):
        if child.dep_ == "appos" and child.i > root.i:
            words.extend(t for t in child.subtree if t.i <= child.i)
    if root.dep_ == "appos" and root.head.i < ent.start:
        words.extend(t for t in root.head.subtree if t.i <= root.head.i)
    return frozenset(_role_word(t.text) for t in words if _role_token(t))


def _role_token(token: Token) -> bool:
    """A word of a role: a noun ("senator"), a name ("Vermont") or a proper adjective
    ("Democratic", "Mexican"), not a person's name."""
    return token.ent_type_ != "PERSON" and (
        token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.text[:1].isupper())
    )


def _titled_conjunct(subj: Token) -> Token | None:
    """The name a run of titles ends in when the parser coordinated them ("Sirius XM Vice
    President for news and talk Dave Gorab called ...", "GOP presidential contender and former
    neurosurgeon Ben Carson responded ..."): a titled subject with no article, whose conjunct
    is a person's name that closes the phrase."""
    if subj.ent_type_ == "PERSON" or subj.tag_ in ("NNS", "NNPS") or subj.pos_ == "PRON":
        return None
    if any(c.dep_ == "det" for c in _children(subj)):
        return None
    conj = next((c for c in _children(subj) if c.dep_ == "conj"), None)
    if conj is None or conj.ent_type_ != "PERSON" or conj.i != subj.right_edge.i:
        return None
    if not (_PERSON_ROLE.search(subj.text) or _PERSON_NOUN.search(subj.text)):
        return None  # "Todd Rogers and Adan Acevedo" are two people
    return conj


_HONORIFIC_WORDS = frozenset(["mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"])


def _names_person(words: str, subj: Token, memory: _Speakers) -> bool:
    """Whether the words after a possessive name a person: a surname the article gave in full,
    or a name NER labelled or that opens with a first name (NER may run the holder and the
    person into one ORG: "Media Research Center’s Bozell")."""
    names = words.split()
    return words.lower() in memory.full_names or (
        len(names) >= 2 and (subj.ent_type_ == "PERSON" or names[0].lower() in FIRST_NAMES)
    )


def _leading_name(subj: Token, start: int, memory: _Speakers) -> Span | None:
    """The name a subject phrase opens with when the parser made another word its head: "Mrs.
    Clinton, the presumptive Democratic nominee and strong favorite to win the election come
    November, proposed ..." (head "come"), "Trump at the time said ..." (a noun with a
    prepositional phrase). The name must be a person's and end where the phrase breaks (a comma or
    a preposition), so "Trump supporters", "Clinton's campaign" and "Clinton and Sanders" stay
    as they are."""
    if subj.ent_type_ == "PERSON" or subj.pos_ == "PRON":
        return None
    doc = subj.doc
    first = token_at(doc, start)
    while first is not None and first.lower_ in _HONORIFIC_WORDS and first.i + 1 < len(doc):
        first = doc[first.i + 1]
    if first is None or first.i > subj.i or not first.text[:1].isupper():
        return None
    if first.ent_type_ == "PERSON":
        ent = _entity_of(first)
        name = _person_span(ent)
        if name.end != ent.end:
            return None
    elif first.lower_ in memory.full_names and first.pos_ != "PRON":
        name = doc[first.i : first.i + 1]  # a known surname NER left out
    else:
        return None
    if name.end - 1 > subj.i or name.end >= len(doc):
        return None
    after = doc[name.end]
    if after.text == "," or (after.dep_ == "prep" and after.head.i < name.end):
        return name
    return None


# "his wife, Jane,", "Trump's daughter, Ivanka,": a relative named by a first name only
_KIN = frozenset(
    [
        "wife",
        "husband",
        "son",
        "daughter",
        "brother",
        "sister",
        "mother",
        "father",
        "niece",
        "nephew",
        "grandson",
        "granddaughter",
    ]
)


def _family_name(noun: Token, at: int, memory: _Speakers) -> str | None:
    """The surname of the person whose relative a noun names ("his wife" after Bernie Sanders:
    Sanders), for the first name set beside it."""
    if noun.lower_ not in _KIN:
        return None
    owner = next((c for c in _children(noun) if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.pos_ == "PRON":
        name = memory.recent(at, _PRONOUNS.get(owner.lower_)) if owner.lower_ in _PRONOUNS else None
    elif owner.ent_type_ == "PERSON" or owner.lower_ in memory.full_names:
        name = memory.full(_POSSESSIVE.sub("", doc_text(owner.doc)[slice(*_name_span(owner))]))
    else:
        return None
    return name.split()[-1] if name and " " in name else None


def _closing_appos(subj: Token) -> Token | None:
    """A name that closes a subject's phrase, hung by the parser on the noun of a phrase inside
    it: "His former business partner at Lenox, Lawrence B. Cummings, called ..." (on Lenox)."""
    tokens = _tokens(subj.doc)
    last = subj.right_edge.i
    while last > subj.i and tokens[last].is_punct:
        last -= 1
    for prep in _children(subj):
        if prep.dep_ != "prep":
            continue
        for noun in _children(prep):
            for c in _children(noun) if noun.dep_ == "pobj" else ():
                if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.right_edge.i == last:
                    return c
    return None


def _titled_appos(subj: Token, appos: Token) -> bool:
    """Whether a capitalised title the tagger took for a name (NER may call it an organisation)
    has one person as its appositive, with no verb between: "The Podesta Group's CEO, Kimberley
    Fritts, said", "County Supervisor of Elections Susan Bucher said" (not "a super PAC
    supporting Gov. Scott Walker", "De Blasio, speaking on WOR710, called Trump", the headline
    "De Blasio: Trust Bratton, not 'blowhard' Trump", "the two leading Republicans, Trump and
    Cruz")."""
    tokens = _tokens(subj.doc)
    return (
        subj.pos_ == "PROPN"
        and subj.ent_type_ != "PERSON"
        and appos.ent_type_ == "PERSON"
        and not any(c.dep_ == "conj" for c in _children(appos))
        and not any(
            t.pos_ in ("VERB", "AUX") or t.text == ":" for t in tokens[subj.i : appos.left_edge.i]
        )
    )


def _resolve(
    doc: Doc, subj: Token | None, at: int, memory: _Speakers
) -> tuple[str | None, str | None, str]:
    """(speaker, speaker_text, speaker_type) for a subject token."""
    if subj is None:
        return None, None, "unknown"
    tokens = _tokens(doc)
    word = subj.lower_
    if word in ("'s", "’s") and subj.i > 0 and tokens[subj.i - 1].lower_ == "let":
        return None, subj.text, "unknown"  # "let's discuss ...": the writer and the reader
    if (
        len(word) == 1
        and subj.text.isupper()
        and word != "i"
        # not the end of a hyphenated name ("Wealth-X says")
        and not (
            subj.i > 0 and tokens[subj.i - 1].text == "-" and not tokens[subj.i - 1].whitespace_
        )
    ):
        return None, subj.text, "unknown"  # a transcript's "Q: ..." (the interviewer): no name
    if (
        word == "it"
        and subj.pos_ == "PRON"
        and subj.dep_ == "nsubj"
        and subj.head.lower_ in SPEECH_VERBS
        and subj.head.lower_ not in _FINDING_VERBS
    ):
        # "KCNA said ... It added that ...", "Twitter said ... It also said ...": the body
        # that spoke last, in this paragraph or the one before (not "it is clear that ...",
        # nor "it shows ...", which a message or a poll does)
        speaking = memory.speaking_body(subj.idx)
        if speaking is not None:
            return speaking, subj.text, "pronoun-resolved"
    if word in _PRONOUNS and subj.pos_ == "PRON":
        if word in ("i", "my") and memory.interviewee and memory.in_answer(subj.idx):
            return memory.interviewee, subj.text, "pronoun-resolved"
        if word in ("i", "we", "they", "their", "my", "our"):
            return None, subj.text, "unknown"  # first person and groups: no single person to name
        gender = _PRONOUNS[word]
        name = (
            _cataphor(subj, memory, gender)
            or _sentence_antecedent(subj, memory, gender)
            or memory.recent(at, gender)
        )
        if name is None:
            return None, subj.text, "unknown"
        if gender in ("m", "f"):
            memory.gender.setdefault(name, gender)  # "she said" tells us about the next "he"
        return name, subj.text, "pronoun-resolved"
    author = _author_of(subj) or _utterance_owner(subj)
    if author is not None:
        return _resolve(doc, author, at, memory)
    maker = _maker_named_before(subj)
    # ... not a person NER took for a body ("a new Trump poll" is about him)
    if maker is not None and maker.split()[-1].lower() not in memory.full_names:
        return maker, maker, "named"
    named_again = doc_text(doc)[subj.left_edge.idx : subj.idx + len(subj)]
    if subj.pos_ == "NOUN" and _THE_DOCUMENT.fullmatch(named_again):
        # "The poll also found ...": the maker of the poll the article named before
        earlier = memory.document_maker(subj.lower_, subj.idx)
        if isinstance(earlier, str) and earlier.split()[-1].lower() not in memory.full_names:
            return earlier, named_again, "description"
        if isinstance(earlier, Token):
            name, _text, kind = _resolve(doc, earlier, at, memory)
            if name is not None and kind != "anonymous":
                return name, named_again, "description"
    # "host Chuck Todd", "A second analyst, Ruben Achterberg of ...": the name beside a title or
    # description (not what follows a headline's "Name:", in quotes or not, which the parser may
    # hang on the name: "Reid: 'Never underestimate Trump'", "Milbank: Republicans ...")
    appos = next(
        (
            c
            for c in _children(subj)
            if c.dep_ == "appos"
            and c.pos_ == "PROPN"
            and not memory.in_quote(c.idx)
            and tokens[c.left_edge.i - 1].text != ":"
        ),
        None,
    ) or _closing_appos(subj)
    titled = _titled_conjunct(subj)
    if titled is not None:
        subj = titled  # "GOP presidential contender and former neurosurgeon Ben Carson said"
    family: str | None = None
    if (
        appos is not None
        # "One of his advisers, Tad Devine, told" (not "one of his rivals (Sanders, ...)")
        and (
            subj.pos_ == "NOUN"
            or (subj.lower_ == "one" and tokens[appos.left_edge.i - 1].text == ",")
            or _titled_appos(subj, appos)
        )
        and not _ANONYMOUS.search(doc_text(doc)[subj.idx : _sent(subj).end_char])
    ):
        family = _family_name(subj, at, memory)  # "his wife, Jane,": Sanders, his surname
        subj = appos  # "A second analyst, Ruben Achterberg of ..., was blunter"
    start, end = _name_span(subj)
    lead = _leading_name(subj, start, memory)
    if lead is not None:
        name_text = doc_text(doc)[lead.start_char : lead.end_char]
        return memory.full(_honorific(doc, lead.start_char) + name_text), name_text, "named"
    # a name run on from the words before a spaced dash ("the Democratic caucus - HuffPollster",
    # "Channing D. Phillips - the Utah Republican"): the name is what follows the dash
    dash = _SPACED_DASH.search(doc_text(doc), start, end)
    if dash is not None and dash.end() <= subj.idx:
        start = dash.end()
    text = _unglue(doc_text(doc)[start:end])
    owner = _OWNER.match(text)
    if owner is not None and _names_person(text[owner.end() :], subj, memory):
        # "Media Research Center’s Bozell", "Purple PAC's Crane": the person, not the body
        # that holds them
        start, text = start + owner.end(), text[owner.end() :]
    desc_start, desc_end = _description_span(subj)
    description = doc_text(doc)[desc_start:desc_end]
    full_text = doc_text(doc)
    line_end = full_text.find("\n", start)
    topic = _HEADLINE_TOPIC.match(full_text[start : len(full_text) if line_end < 0 else line_end])
    line_start = start == 0 or full_text[start - 1] == "\n"
    headline_name = bool(_NAME_WORD.match(text)) and (
        (subj.i + 1 < len(doc) and tokens[subj.i + 1].text == ":")
        # "Gillibrand on Hillary ...: '...'": the name that opens its line
        or (topic is not None and topic.group(1) == text and line_start)
    )
    if headline_name or (
        (subj.pos_ == "PROPN" or subj.is_title)
        and text.split()
        and _POSSESSIVE.sub("", text.split()[-1]).lower() in memory.full_names  # "Trump’s plan"
    ):
        # a surname NER took for an ORG
        return memory.full(_honorific(doc, start) + text), text, "named"
    is_name = subj.ent_type_ in ("PERSON",) or (
        subj.pos_ == "PROPN" and subj.ent_type_ not in ("ORG", "GPE", "NORP")
    )
    # the head word of "the GOP front-runner" is "runner" to the tokenizer: the last word decides
    last_word = text.split()[-1] if text.split() else ""
    role = (
        _PERSON_ROLE.search(subj.text)
        or _PERSON_ROLE.search(last_word)
        or _PERSON_NOUN.search(last_word)
        or last_word.lower() in _PARTY_MEMBERS
    )
    # ... of one person: "the two Democratic contenders" name no single speaker
    definite = (
        text.lower().startswith(("the ", "this ", "that "))
        and bool(role)
        and subj.tag_ not in ("NNS", "NNPS")
    )
    # "The GOP presidential front-runner": a role in lower case is no name, whatever the tagger
    # ... nor is a bare capitalised one ("the Director noted", "the President said")
    # ... nor a party member ("the Wisconsin Republican", "another New Hampshire Democrat")
    member = last_word.lower() in _PARTY_MEMBERS and subj.tag_ not in ("NNS", "NNPS")
    role_only = (
        ((definite and (last_word.islower() or len(text.split()) == 2)) or member)
        and subj.ent_type_ != "PERSON"
        and text.lower().startswith(("the ", "this ", "that ", "a ", "an ", "another ", "one "))
    )
    if family is not None and " " not in text and text.lower() not in memory.full_names:
        return memory.full(f"{text} {family}"), text, "named"  # "Jane" -> "Jane Sanders"
    if is_name and subj.ent_type_ in ("", "PERSON") and not role_only:
        name = memory.full(_honorific(doc, start) + text)
        return name, text, "named"
    if (subj.ent_type_ in ("ORG", "GPE", "NORP") or subj.pos_ == "PROPN") and not role_only:
        text = _without_descriptor(subj, start, text)
        # "Beijing's plans", "the GOP’s platform": the possessor of a stance is its holder
        # ... one name whether or not it opens a sentence: "the Washington Post" is "The
        # Washington Post" (tasks.entities gives organisations the same capital)
        holder = capital_article(_POSSESSIVE.sub("", _after_title(text)))
        return (holder, text, "named") if holder else (None, text, "unknown")
    if _ANONYMOUS.search(description) or (
        _INDEFINITE.match(text) and (subj.pos_ == "NOUN" or member)
    ):
        memory.last_anonymous = description
        return None, description, "anonymous"
    if definite:
        if (
            memory.last_anonymous is not None
            and re.search(r"\b(official|source|diplomat|aide)s?\b", text, re.I)
        ) or (memory.anonymity_before(subj.idx) and _UNNAMED_AGAIN.fullmatch(text)):
            return None, text, "anonymous"
        role_word = _role_word(last_word)
        if role_word in _AGENT_ROLES:
            # "the spokesman said" speaks for the person last named and is not that person: the
            # spokesman the article named ("White House spokesman Josh Earnest"), else no one
            return memory.holder(role_word, at), text, "description"
        # the one person the article gave the role with every word of it ("Mayor Bill de
        # Blasio" for "the mayor"; "the Vermont senator" is not whichever senator it named),
        # else the last subject before the description, not before the quote ("The New York
        # businessman has praised Putin, saying he was a stronger leader" is not Putin's)
        before = min(at, subj.idx)
        words = {_role_word(t.text) for t in subj.subtree if t.i <= subj.i and _role_token(t)}
        name = memory.sole_holder(role_word, before, words) or memory.recent(
            before, _role_gender(role_word)
        )
        return (name, text, "description") if name else (None, text, "description")
    body = _BODY_DESCRIPTION.fullmatch(text)
    if body is not None:
        # "The ministry also said ...": the organisation of that kind named last before it
        return _body_named_before(memory, body.group(1).lower(), subj.idx), text, "description"
    return None, text, "description"


# "the official", "the second official", "the other source": one of the unnamed sources again
# (not "the former top aide to President George W. Bush", a description of someone named)
_UNNAMED_AGAIN = re.compile(
    r"(?i:the|that|this)\s+(?:(?i:first|second|third|other|same)\s+)?"
    r"(?i:official|source|diplomat|aide)"
)
# "the ministry", "the committee": a body the article named before ("the Unification Ministry")
_BODY_NOUNS = (
    "ministry department agency committee commission council bureau office embassy court "
    "campaign company union association federation foundation institute fund bank board "
    "administration"
)  # not "party" or "government": a story of two parties or countries names them loosely
_BODY_DESCRIPTION = re.compile(rf"(?i:the|this|that)\s+({'|'.join(_BODY_NOUNS.split())})")


def _body_named_before(memory: _Speakers, noun: str, before: int) -> str | None:
    """The last organisation named before an offset whose name ends in this noun."""
    for end, last, name in reversed(memory.bodies):
        if end <= before and last == noun:
            return name
    return None


def _bodies(ents: Sequence[Span]) -> list[tuple[int, str, str]]:
    """(end offset, last word, name) of the article's ORG names of two words or more ("Bank"
    alone is no name)."""
    found = []
    for ent in ents:
        if ent.label_ == "ORG":
            name = _POSSESSIVE.sub("", ent.text)
            if len(name.split()) >= 2:
                found.append((ent.end_char, name.split()[-1].lower(), capital_article(name)))
    return found


_PARTY_MEMBERS = frozenset(["republican", "democrat", "independent", "libertarian"])


def _title_gender(ent: Span) -> str | None:
    """The gender a role word right before a name gives it ("9/11 widow Terry Strada", whose
    first name alone would make her a "he"), if any. Not a role in "-man": news writes "Trump
    spokesman Hope Hicks" and "chairman" of women too."""
    doc = ent.doc
    root = ent.root
    for t in doc[max(0, ent.start - 2) : ent.start]:
        # the role modifies the name, or the name is the role's apposition ("widow Chris Strada"
        # parsed with "widow" as the subject)
        beside = ent.start <= t.head.i < ent.end or (root.dep_ == "appos" and root.head == t)
        if t.pos_ == "NOUN" and beside:
            role = _role_word(t.text)
            if role.endswith("woman") or role in _FEMALE_ROLES:
                return "f"
            if role in _MALE_ROLES:
                return "m"
    return None


# role words with a gender besides the gendered titles (_FEMALE_TITLES: "the mother", "the queen")
_FEMALE_ROLES = frozenset(["wife", "actress", "widow"])
_MALE_ROLES = frozenset(["husband", "actor", "widower"])


def _role_gender(role: str) -> str | None:
    """The gender a role word gives ("the businessman", "the chairwoman"), if any."""
    if role.endswith(("woman", "women")) or role in _FEMALE_ROLES or role in _FEMALE_TITLES:
        return "f"
    male = role.endswith(("man", "men")) or role in _MALE_ROLES or role in _MALE_TITLES
    return "m" if male else None


def _without_descriptor(subj: Token, start: int, text: str) -> str:
    """A name without the lower-case words before it ("registered dietitian Trista Best", NER
    calling the name an ORG); an article or determiner keeps the phrase ("the State Department")."""
    tokens = _tokens(subj.doc)
    first = token_at(subj.doc, start)
    if first is None or first.pos_ == "DET":
        return text
    i = first.i
    while i < subj.i and tokens[i].text[:1].islower() and tokens[i].pos_ in ("NOUN", "ADJ", "VERB"):
        i += 1
    name = text[tokens[i].idx - start :]
    # a name of two capitalised words or more after a noun ("dietitian"), not a group after a
    # quantifier ("many Republicans", "senior Democrats")
    if (
        i == first.i
        or tokens[i - 1].pos_ != "NOUN"
        or len(name.split()) < 2
        or not all(w[:1].isupper() for w in name.split())
    ):
        return text
    return name


def _author_of(subj: Token) -> Token | None:
    """The named author of a document that speaks: "A study by the watchdog group Media Matters
    found ...", "a poll conducted by Quinnipiac University shows ...", "a lawsuit filed in
    Manhattan by Yulia V. Tymoshenko", "according to a count by The Associated Press", "a
    recent report from Bloomberg New Energy Finance" (from a body or a person, not a place:
    "a report from Iowa")."""
    if subj.pos_ != "NOUN" or not (subj.lower_ in _AUTHORED or subj.lower_ in _UTTERANCES):
        return None
    tokens = _tokens(subj.doc)
    for by in [
        *_children(subj),
        *(
            g
            for c in _children(subj)
            # a poll "reported by" a network is the network's
            if c.dep_ == "acl" and (c.lower_ in _AUTHORING or subj.lower_ in _POLL_NOUNS)
            for g in _children(c)
        ),
    ]:
        if by.dep_ not in ("prep", "agent") or by.lower_ not in ("by", "from") or by.i < subj.i:
            continue
        if by.head == subj and any(t.text == "," for t in tokens[subj.i : by.i]):
            continue  # "One message, apparently referring to air strikes by the United States"
        obj = next((g for g in _children(by) if g.dep_ == "pobj"), None)
        if obj is None:
            continue
        if by.lower_ == "from":
            if obj.ent_type_ in ("ORG", "PERSON"):
                return obj
        elif obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "PERSON"):
            return obj
    return None


# "the poll", "this new survey", "the same report": a document named again
_THE_DOCUMENT = re.compile(
    r"(?i:the|this|that)\s+(?:(?i:new|latest|same|recent)\s+)?[a-z-]+", re.ASCII
)


def _issuer(document: Token) -> Token | None:
    """Who put out a document, as the subject of the verb that did: "The White House released a
    statement", "Keller filed a lawsuit", "she said in a statement" (a person, a body or a
    pronoun)."""
    verb = document.head
    if document.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ == "VERB":
        verb = verb.head  # "said in a statement"
        if not _is_cue(verb):
            return None
    elif document.dep_ != "dobj" or verb.lower_ not in _AUTHORING:
        return None
    subject = next((c for c in _children(verb) if c.dep_ == "nsubj"), None)
    if subject is None or not (
        subject.pos_ == "PRON" or subject.ent_type_ in ("PERSON", "ORG", "GPE")
    ):
        return None
    return subject


def _document_kind(noun: str) -> str:
    """One word for a document noun and its plural or synonym ("polls", "suit" -> "poll",
    "lawsuit")."""
    noun = {"suit": "lawsuit", "suits": "lawsuits"}.get(noun, noun)
    return noun[:-1] if noun.endswith("s") and noun not in ("analysis", "news") else noun


def _maker_named_before(subj: Token) -> str | None:
    """The body a document names before it as its maker: "a new Quinnipiac University poll",
    "a Washington Post-ABC News survey", "the Pew Research Center analysis" (not "a Florida
    poll", "a Trump poll": a place, a subject). The words from the first one NER calls an
    organisation to the noun, which the parser may hang on the noun one by one."""
    if subj.pos_ != "NOUN" or subj.lower_ not in _AUTHORED:
        return None
    tokens = _tokens(subj.doc)
    first = subj.i
    while (
        first > 0
        and tokens[first - 1].dep_ in ("compound", "punct", "nmod")
        and (tokens[first - 1].pos_ == "PROPN" or tokens[first - 1].text in ("-", "/"))
    ):
        first -= 1
    if first == subj.i or tokens[first].ent_type_ != "ORG":
        return None
    return capital_article(
        doc_text(subj.doc)[tokens[first].idx : tokens[subj.i - 1].idx + len(tokens[subj.i - 1])]
    )


def _utterance_owner(subj: Token) -> Token | None:
    """Whose words a possessed utterance or document is: "His speech cited ...", "Berg's
    statement said ...", "Her letter argued ...", "CNN's latest poll shows ...", "The
    Pentagon's report concluded ..." (the possessor: a person, an organisation or a pronoun)."""
    if subj.pos_ != "NOUN" or not (subj.lower_ in _UTTERANCES or subj.lower_ in _AUTHORED):
        return None
    owner = next((c for c in _children(subj) if c.dep_ == "poss"), None)
    if owner is None or not (
        owner.lower_ in ("his", "her") or owner.ent_type_ in ("PERSON", "ORG", "GPE")
    ):
        return None
    return owner


def _is_title(before: str, content: str) -> bool:
    """Whether quoted words are the title of a show, book or the like, not speech: a few
    capitalised words right after a possessive or a word for a work (CNN's "State of the
    Union", the podcast "Here's the Thing")."""
    # NYT style quotes with two apostrophes (''Meet the Press''): the inner one is a mark too
    content = content.strip("'")
    words = _TITLE_WORD.findall(content)
    if not words or not (words[0][0].isupper() or (len(words) > 6 and words[0][0].isdigit())):
        return False
    if len(words) > 6:
        # a book's title and subtitle: "The Trumps: Three Generations That Built an Empire",
        # "13 Hours: The Secret Soldiers of Benghazi" (every word capitalised but the small ones)
        title, colon, subtitle = content.rstrip(",. ").partition(":")
        return (
            bool(colon and subtitle.strip())
            and len(_TITLE_WORD.findall(title)) <= 4
            and len(words) <= _SUBTITLED_MAX_WORDS
            and all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in words)
        )
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in words):
        return False
    # a name in Title Case of two or more words that is not a sentence ("Prison Break",
    # "Madam Secretary", "Girls, Girls, Girls") is a title wherever it stands
    untitled = len(words) >= 2 and not content.rstrip(",").endswith((".", "!", "?"))
    if untitled and _SENTENCE_INSIDE.search(content):
        return False  # two sentences are speech: "Like Oakland. Or Ferguson," Trump said
    return untitled or bool(_TITLE_CONTEXT.search(before))


_SENTENCE_INSIDE = re.compile(
    r"\b(?!(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|No|vs)\b)\w{2,}[.!?] [A-Z]"
)


def _scare_modifier(doc: Doc, start: int, end: int) -> bool:
    """Whether a few quoted words only modify a noun right after the quote (the "conservative"
    media, so-called "rebels" that ..., the "Avatar" star): a term flagged, not words said."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) > _SCARE_MAX_WORDS:
        return False
    head = span.root.head
    return (
        span.root.dep_ in ("amod", "compound", "nmod")
        and head.i >= span.end
        and head.pos_ in ("NOUN", "PROPN")
    )


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def extract_quotes(doc: Doc) -> list[Quote]:
    """All quotes of one article (direct, partial, indirect), in text order."""
    text = doc_text(doc)
    if not text.strip() or not doc.has_annotation("DEP"):
        return []
    doc.user_data[_CACHE_KEY] = _DocCache(doc)
    try:
        return _extract_quotes(doc, text)
    finally:
        # Token objects left in user_data would go wherever the Doc goes
        doc.user_data.pop(_CACHE_KEY, None)


# a paragraph of a transcript quoted whole that opens with its mark and a speaker's label
# ("\n\n\"PENCE: Well, ..."): a new turn, which the quote that runs on over paragraphs ends at
_QUOTED_TURN = re.compile(r"\n[ \t]*[\"“](?=" + _TURN.pattern + ")")


def _turns(text: str, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The marks, each quote that runs over paragraphs cut where a new speaker's turn begins."""
    out: list[tuple[int, int]] = []
    for lo, hi in marks:
        for turn in _QUOTED_TURN.finditer(text, lo + 1, hi):
            label = _TURN.match(text, turn.end())
            if label is None or _LABEL.match(label.group(1)):
                continue
            out.append((lo, turn.start()))
            lo = turn.end() - 1
        out.append((lo, hi))
    return out


def _extract_quotes(doc: Doc, text: str) -> list[Quote]:
    marks = _turns(text, find_quote_marks(text))
    para_starts = _paragraph_starts(text)
    memory = _Speakers(doc, marks)
    clauses = _reported_clauses(doc)
    _remember_reporters(doc, clauses, memory)
    quotes: list[Quote] = []
    used_cues: set[int] = set()
    previous: Quote | None = None
    for lo, hi in marks:
        c_lo, c_hi = (
            lo + 1,
            hi - 1
            if hi - 1 > lo + 1 and text[hi - 1] in _DOUBLE_CLOSE + _SINGLE_CLOSE + '"'
            else hi,
        )
        # marks typed as two characters (``...'' of wire copy and Korean outlets, ''...'' of the
        # New York Times): the scanner reads them as a single quote inside another
        if text[lo] in "`'" and text[lo + 1 : lo + 2] == text[lo]:
            c_lo = lo + 2
        if c_hi == hi - 1 and text[hi - 2 : hi] == "''" and hi - 2 > c_lo:
            c_hi = hi - 2
        content = text[c_lo:c_hi]
        stripped = content.strip()
        if len(stripped) < 2 or not any(ch.isalpha() for ch in stripped):
            continue
        if _is_title(text[max(0, lo - 40) : lo], stripped):
            continue  # a programme, book or show named in quotes: "NBC's "Meet the Press""
        if lo > 0 and text[lo - 1] == "=":
            continue  # an attribute value of embedded markup (<tweet author="@AP">), not speech
        c_lo += len(content) - len(content.lstrip())
        c_hi -= len(content) - len(content.rstrip())
        paragraph = bisect.bisect_right(para_starts, lo) - 1
        before = text[para_starts[paragraph] : lo].rstrip()
        in_sentence = bool(before) and before[-1].isalnum()
        partial = in_sentence and (not text[c_lo].isupper() or len(stripped.split()) <= 6)
        # after "U.S." a lower-case quote runs on inside the sentence; a capital starts one
        partial = partial or (not text[c_lo].isupper() and bool(_ABBREVIATION_END.search(before)))
        # a lower-case fragment set off by a comma or dash that the sentence runs on after (`...
        # through her server, "no reasonable prosecutor" would bring the case`) is part of it
        partial = partial or (
            bool(before)
            and before[-1] in _MID_SENTENCE
            and text[c_lo].islower()
            and not stripped.rstrip("'’").endswith((",", ".", "?", "!"))
            and bool(_RUNS_ON.match(text, hi))
        )
        kind = "partial" if partial else "direct"
        att = _attribution(doc, lo, hi, marks)
        turn = _TURN.match(text, c_lo, c_hi) if kind == "direct" else None
        if turn and (att is None or att.cue is None) and not _LABEL.match(turn.group(1)):
            # a transcript quoted whole, a turn to a paragraph ("WALLACE: Let's start with ..."):
            # the label names who speaks and is no part of what is said
            name = doc.char_span(c_lo, turn.end(1), alignment_mode="expand")
            colon = token_at(doc, turn.end(1))
            if name is not None and colon is not None:
                att = _Attribution(colon, colon.idx + 1, name.root)
                c_lo = turn.end()
        speaker = speaker_text = cue_text = None
        speaker_type = "unknown"
        cue_start = cue_end = None
        if att is not None and (att.cue is not None or att.subject is not None):
            speaker, speaker_text, speaker_type = _resolve(doc, att.subject, lo, memory)
            if att.cue is not None:
                cue_start = att.cue.idx if att.cue_start is None else att.cue_start
                cue_end = att.cue_end
                cue_text = text[cue_start:cue_end]
                if kind == "direct":
                    # the verb introduces this quote; a partial quote leaves its verb free to
                    # report the rest of the clause ("pledged to enact reform, fix the "broken"
                    # system")
                    used_cues.add(att.cue.i)
        if speaker_type == "unknown" and speaker is None and previous is not None:
            prev_para = previous.paragraph
            if paragraph - prev_para <= 1 and (
                previous.speaker or previous.speaker_type in ("anonymous", "description")
            ):
                speaker, speaker_text, speaker_type = (
                    previous.speaker,
                    previous.speaker_text,
                    previous.speaker_type,
                )
        if (
            kind == "partial"
            and len(stripped.split()) <= _SCARE_MAX_TERM_WORDS
            and _TERM_BEFORE.search(before)
        ):
            continue  # a term mentioned, not used: the so-called "rebels", the hacker known as "Guccifer"
        if kind == "partial" and _scare_modifier(doc, c_lo, c_hi):
            continue  # a scare-quoted modifier of a noun: the nation's "broken" campaign system
        if kind == "partial" and cue_text is None and len(stripped.split()) <= 3:
            # a short quoted phrase nobody is said to have said: a scare quote, title or
            # nickname ("the so-called "grand bargain""); on PolNeAR train 57 of 73 were not quotes
            continue
        if (
            kind == "direct"
            and cue_text is None
            and len(stripped.split()) < _UNCUED_MIN_WORDS
            and (previous is None or previous.paragraph != paragraph)
        ):
            # a short quote nobody is said to say, not continuing a quote before it: a slogan,
            # title or subheading ("'A healthy environment.'", the hit play "Eclipsed.")
            continue
        if speaker is None and speaker_type == "unknown" and kind == "direct" and att is None:
            # a quote paragraph with no attribution at all belongs to the person the text was
            # just about (the previous paragraph introduced the speaker)
            speaker = memory.recent(lo, None)
            if speaker is not None:
                speaker_type = "named"
        if speaker is not None and speaker_type in ("named", "pronoun-resolved", "description"):
            memory.last_named.append((lo, speaker))
        quote = Quote(
            text=text[c_lo:c_hi],
            start_char=c_lo,
            end_char=c_hi,
            kind=kind,
            speaker=speaker,
            speaker_text=speaker_text,
            speaker_type=speaker_type,
            cue=cue_text,
            cue_start=cue_start,
            cue_end=cue_end,
            paragraph=paragraph,
        )
        quotes.append(quote)
        previous = quote
    quotes = _merge_reported(doc, quotes, used_cues, memory, para_starts, clauses)
    quotes = [_controlled_speaker(doc, q, memory) for q in quotes]
    quotes.sort(key=lambda q: q.start_char)
    return _link_parts(doc, quotes, text)


def _remember_reporters(doc: Doc, clauses: list[_Clause], memory: _Speakers) -> None:
    """Named people who report, hope or want something in a clause the main-clause test leaves
    out are subjects a later pronoun can refer to, before the direct quotes are resolved: "This
    is not the kind of campaign Ayotte hoped to be running. ... "...," she said." is Ayotte's,
    not that of a woman named as a main subject before. Left out: a person inside what another
    clause reports (not the topic), the head noun a relative clause hangs on (its relative
    pronoun is the subject), one of coordinated people (but in "Cruz, Wilkin said"
    the name before the cue is no conjunct: see _subject_of), and plurals ("the Clintons").
    Also records the span each named person reports, whose subjects a pronoun then passes over
    for the reporter (_Speakers.recent)."""
    spans = _merged([(c.start, c.end) for c in clauses])
    starts = [a for a, _b in spans]
    for clause in clauses:
        subj = clause.subject
        if subj is None or subj.ent_type_ != "PERSON" or memory.in_quote(subj.idx):
            continue
        start, end = _name_span(subj)
        name = memory.full(_honorific(doc, start) + doc_text(doc)[start:end])
        if subj.idx < clause.start:
            memory.reported.append((clause.start, clause.end, name))
        if (
            (subj.dep_ == "conj" and subj.i != clause.cue.i - 1)
            or subj.tag_ == "NNPS"
            or subj is clause.cue.head
            or _covered(subj.idx, spans, starts)
            or _not_a_person(name)
        ):
            continue
        memory.subjects.append((subj.idx, name))


def _describes_speaker(doc: Doc, inner: Quote, outer: Quote) -> bool:
    """Whether a reported clause lies in the attribution of the quote before it without being
    said beside it: in a relative clause or a description of the speaker or the occasion (`"A,"
    said Peter King, who endorsed Mr. Rubio on Tuesday. "B."`, `"A," said Sen. Ann Ray, the only
    senator to endorse Mr. Cole. "B."`, `"A," she said in a speech that praised ... "B."`), not
    a clause of the cue itself (`"A," he said, referring to ... "B."`, `said when asked about`)."""
    if inner.cue_start is None or outer.cue_start is None or outer.cue_end is None:
        return False
    if inner.cue_start < outer.cue_end:
        return False
    cue = token_at(doc, inner.cue_start)
    said = token_at(doc, outer.cue_start)
    if cue is None or said is None or _sent(cue) != _sent(said):
        return False
    # a clause that hangs on the cue itself ("said, referring to ...", "said when asked
    # about ...") is reported beside the quote, not part of who is speaking
    return cue.head != said and cue != said


def _same_speaker(first: Quote, second: Quote) -> bool:
    """Whether two quotes have one known speaker: the same person, or the same description."""
    if first.speaker is not None or second.speaker is not None:
        return first.speaker == second.speaker
    return first.speaker_text is not None and first.speaker_text == second.speaker_text


def _quotes_the_report(report: Quote, quote: Quote, text: str) -> bool:
    """Whether a direct quote with no cue but the report's goes on with the reported speech
    (or partial quote) right before it, nothing but punctuation between ("Lynch announced on
    Monday the lawsuit against the state. “We are seeking a court order ...”", "said the plan
    was “a fantasy”: “Nobody ...”"): one statement, as PolNeAR annotates it (train+dev, after
    reported speech: 16 such pairs one attribution, 4 two)."""
    return (
        report.kind in ("indirect", "partial")
        and report.cue_start is not None
        and quote.cue_start in (None, report.cue_start)
        and _same_speaker(report, quote)
        and not any(ch.isalnum() or ch == "\n" for ch in text[report.end_char : quote.start_char])
    )


def _resumes_next_paragraph(doc: Doc, first: Quote, second: Quote, gap: str) -> bool:
    """Whether a quote with no cue of its own opens the paragraph right after the one that ends
    with the first quote's attribution ('"A," Trump said.\n\n"B."'): the speaker goes on, and
    PolNeAR annotates one attribution (train: 27 such pairs one attribution, 5 two)."""
    if second.cue_start is not None or first.cue_start is None:
        return False
    head, _, rest = gap.partition("\n")
    if rest.strip(" \t\n\u00a0" + _DOUBLE_MARKS + "'‘`"):
        return False  # another paragraph between, or words before the second quote
    said = token_at(doc, first.cue_start)
    # the first paragraph ends with the attribution's sentence
    return said is not None and _sent(said).end_char >= first.end_char + len(head.rstrip())


def _link_parts(doc: Doc, quotes: list[Quote], text: str) -> list[Quote]:
    """Mark each direct quote that resumes the direct or partial one before it after the attribution
    that introduced that one (`"A," she said. "B."`, `The plan is "a fantasy," she said. "B."`):
    the same speaker, no cue of its own outside that attribution, the same paragraph, or the
    next one when the attribution ends the first and the quote opens the next
    (_resumes_next_paragraph). PolNeAR annotates such a pair as one attribution with a
    discontinuous content. The attribution between the parts may describe the speaker at length
    (`"A," said Gene Sperling, who has offered advice to Mrs. Clinton. "B."`): a reported clause
    there is part of who is speaking, not an utterance of its own, and is dropped. A clause of
    the cue itself (`"A," Ms. Hughes said, pointing out where the pharmacy used to be. "B."`,
    `said when asked about ...`) is reported beside the quote: it stays a row of its own, moved
    after the second part so that the parts of the utterance are adjacent rows (utterance_id
    joins each part to the row before it). A direct quote not resuming one may go on with the
    reported speech right before it (_quotes_the_report). Last, a row that shares its cue,
    speaker and paragraph with the row before it is part of the same attribution (`said Sanders
    had been "a tremendously important part of my caucus," and that Democrats would need to
    "depend on Bernie"`: one cue, one attribution in PolNeAR) when the row before is a partial
    quote or of the same kind."""
    linked = list(quotes)
    dropped: set[int] = set()
    for n in range(1, len(linked)):
        quote = linked[n]
        if quote.kind != "direct":
            continue
        m = n - 1
        while m >= 0 and linked[m].kind == "indirect":
            m -= 1
        if quote.cue_start is not None and m >= 0 and linked[m].kind == "partial":
            # '"A," she said, describing how she puts together "tubular mixers," batches of
            # rods. "B."': a quote inside a clause of the shared cue is no part before this one
            k = m
            while k >= 0 and linked[k].kind != "direct" and linked[k].cue_start != quote.cue_start:
                k -= 1
            if k >= 0 and linked[k].kind == "direct" and linked[k].cue_start == quote.cue_start:
                m = k
        prev = linked[m] if m >= 0 and m not in dropped else None
        gap = text[prev.end_char : quote.start_char] if prev is not None else ""
        if prev is None or not (
            prev.kind in ("direct", "partial")
            and prev.cue_start is not None
            and prev.end_char <= prev.cue_start < quote.start_char
            and (quote.cue_start is None or quote.cue_start == prev.cue_start)
            and (
                quote.speaker == prev.speaker
                # a speaker no words name, guessed from the speakers before ('"A," they
                # conclude. "B."' with "they" unresolved): the attribution it resumes decides
                or (quote.cue_start is None and quote.speaker_text is None)
            )
            # however long the attribution ("said X, who ran in 2008 and ..."), in its paragraph
            and ("\n" not in gap or _resumes_next_paragraph(doc, prev, quote, gap))
        ):
            if _quotes_the_report(linked[n - 1], quote, text):
                linked[n] = replace(quote, continues=True)
            continue
        between = linked[m + 1 : n]  # indirect rows only (see the walk back above)
        describing = [_describes_speaker(doc, q, prev) for q in between]
        inside = [q for q, d in zip(between, describing, strict=True) if d]
        beside = [q for q, d in zip(between, describing, strict=True) if not d]
        # rows m+1..n become the clauses inside the attribution (dropped), the second part, then
        # the clauses beside the cue, which a later quote walks back over as it did before
        resumed = replace(
            quote,
            continues=True,
            speaker=prev.speaker,
            speaker_text=prev.speaker_text,
            speaker_type=prev.speaker_type,
        )
        linked[m + 1 : n + 1] = [*inside, resumed, *beside]
        dropped.update(range(m + 1, m + 1 + len(inside)))
    kept = [q for k, q in enumerate(linked) if k not in dropped]
    for k in range(1, len(kept)):
        prev, quote = kept[k - 1], kept[k]
        if (
            not quote.continues
            and quote.cue_start is not None
            and quote.cue_start == prev.cue_start
            and quote.speaker == prev.speaker
            and quote.paragraph == prev.paragraph
            # F1 on PolNeAR train / dev: -0.0006 / -0.0008 joining a partial quote to a report
            # before it under the same cue, -0.0002 / -0.0009 to a direct quote, +0.0005 /
            # +0.0020 to a partial one
            and (prev.kind == "partial" or prev.kind == quote.kind)
        ):
            kept[k] = replace(quote, continues=True)
    return kept


def _controlled_speaker(doc: Doc, quote: Quote, memory: _Speakers) -> Quote:
    """A quote whose cue has no subject of its own ("Mrs. Clinton has praised him. But she has
    also ... opposed his trade pact and called for ...", "In addition to stating that ...") is
    said by the one person its paragraph has named as a subject before it, else by the one person
    the paragraph before named (a speaker runs on across a paragraph); never when the text there
    speaks of an anonymous source."""
    if quote.speaker is not None or quote.speaker_text is not None or quote.cue_start is None:
        return quote
    if quote.start_char <= quote.cue_start < quote.end_char:
        return quote  # a view with no holder ("Lena Park is expected to win"): nobody's
    text = doc_text(doc)
    hi = min(quote.start_char, quote.cue_start)
    cue = token_at(doc, quote.cue_start)
    if cue is not None and _question_put(cue):
        return quote  # "Asked about his taxes, Berg said ...": Berg was asked, the asker unnamed
    if cue is not None and (
        any(c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i for c in _children(cue))
        or (
            cue.dep_ in ("dep", "conj")
            and any(
                c.dep_ in ("nsubj", "nsubjpass")
                and c.pos_ == "NOUN"
                and not c.ent_type_
                and not any(p.dep_ == "poss" for p in _children(c))  # "his remarks": his
                for c in _children(cue.head)
            )
        )
    ):
        # the cue has a subject of its own, which named no one ("His call drew the ire of ..."),
        # or hangs on a verb whose subject is a thing ("Figures reported on Sunday now suggest",
        # parsed with "suggest" a dependent of "reported")
        return quote
    root = _sent(cue).root if cue is not None else None
    after = (
        next(
            (
                c
                for c in _children(root)
                if c.dep_ in ("nsubj", "nsubjpass")
                and c.idx >= hi
                # a subject inside what was said is no holder of it ("Clinton leads Trump by six
                # points in a new Marist poll": the poll's)
                and not quote.start_char <= c.idx < quote.end_char
            ),
            None,
        )
        if root is not None
        else None
    )
    if after is not None:
        # a fronted clause belongs to the subject after it: "Ready to back Clinton, Obama ...",
        # but "In addition to stating that ..., the platform calls for ..." is the platform's
        if after.ent_type_ != "PERSON":
            return quote
        start, end = _name_span(after)
        name = memory.full(_honorific(doc, start) + text[start:end])
        return replace(quote, speaker=name, speaker_type="named")
    lo = text.rfind("\n", 0, quote.start_char) + 1
    for _scope in range(2):
        if _ANONYMOUS.search(text[lo:hi]):
            return quote
        named = {n for o, n in memory.subjects + memory.last_named if lo <= o < hi}
        if len(named) == 1:
            return replace(quote, speaker=named.pop(), speaker_type="named")
        if named:
            return quote  # several people the text is about: no confident pick
        lo = text.rfind("\n", 0, max(0, lo - 2)) + 1  # the paragraph before
    return quote


def _content_bounds(sub: list[Token]) -> tuple[Token, Token]:
    """First and last token of a reported clause, without its "that" and edge punctuation."""
    doc = sub[0].doc
    tokens = _tokens(doc)
    start_t = sub[0]
    while start_t.i < sub[-1].i and (
        start_t.is_punct or (start_t.lower_ == "that" and start_t.dep_ == "mark")
    ):
        start_t = tokens[start_t.i + 1]
    end_t = sub[-1]
    while end_t.i > start_t.i and (end_t.is_punct or end_t.is_space):
        end_t = tokens[end_t.i - 1]
    return start_t, end_t


# what may open the next item of a list of noun phrases
_ITEM_START_POS = frozenset(["DET", "NOUN", "PROPN", "ADJ", "NUM"])


def _list_tail(last: Token) -> Token:
    """The end of an object that is the first of a list the parser broke up ("spoke of the
    malaise in Mexican society, the lack of jobs and education for the young, the horrific
    violence of the drug cartels"): the noun phrases after a comma that run to the end of the
    sentence with no verb, time or quote mark among them go on with it; else `last`."""
    doc = last.doc
    tokens = _tokens(doc)
    comma = last.i + 1
    if comma + 1 >= len(doc) or tokens[comma].text != ",":
        return last
    end = _sent(last).end
    while end - 1 > comma and (tokens[end - 1].is_punct or tokens[end - 1].is_space):
        end -= 1
    rest = tokens[comma + 1 : end]
    if (
        not rest
        or rest[0].pos_ not in _ITEM_START_POS
        or rest[-1].pos_ not in ("NOUN", "PROPN", "NUM")
        or not any(t.text == "," or t.lower_ in ("and", "or") for t in rest)
        or any(
            t.pos_ in ("VERB", "AUX")
            or t.ent_type_ in _NOT_SPEAKER_ENTS
            or t.is_quote
            or t.text in ("(", ";", ":", "—", "–")
            for t in rest
        )
    ):
        return last
    return rest[-1]


def _split_items(verb: Token, comp: Token) -> list[Token]:
    """Tokens of the items of a list that `comp` (a verb form) opens and the parser hung on
    `verb` instead ("supported eliminating caucuses, limiting the number of ... and binding",
    "urged the party to ax its superdelegate system, replace its leadership, open up ...")."""
    tokens = _tokens(verb.doc)
    items: list[Token] = []
    last = comp.right_edge.i
    for c in verb.rights:
        if c.i <= last or c.dep_ in ("punct", "cc"):
            continue
        if (
            c.dep_ not in ("conj", "advcl")
            or c.tag_ != comp.tag_
            or c.tag_ == verb.tag_
            or tokens[c.left_edge.i - 1].text not in (",", "and", "or")
            or any(
                g.dep_ in ("nsubj", "nsubjpass", "mark", "auxpass")
                or (g.dep_ == "aux" and g.lower_ != "to")
                for g in _children(c)
            )
            or _is_cue(c, cognition=True)
            # "..., and remove loopholes that allow companies to tell ''one country ...''":
            # a quotation is an utterance of its own
            or any(t.is_quote for t in c.subtree)
        ):
            break
        items.extend(c.subtree)
        last = c.right_edge.i
    return items


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int
    end: int
    cue: Token
    cue_end: int
    subject: Token | None
    # found by no verb of saying (a bare "that" clause): only where no other quote is
    fallback: bool = False


def _clause_over(first: Token, last: Token, cue: Token, subject: Token | None) -> _Clause:
    """The clause from `first` to `last` (tokens), reported by the single-word `cue`."""
    return _Clause(first.idx, last.idx + len(last), cue, cue.idx + len(cue), subject)


_HOLDER_ENTS = frozenset(["PERSON", "ORG", "NORP"])  # not a place: "To the north, ..."


def _reports_itself(verb: Token) -> bool:
    """Whether the verb a phrase modifies is an attribution of its own ("In a statement, she
    said ..."), which reports the clause, not the phrase."""
    return _starts_attribution(verb) or verb.lower_ in SPEECH_VERBS


def _human_subject(verb: Token) -> bool:
    subj = _subject_of(verb)
    if subj is None:
        return False
    return (
        subj.ent_type_ in _HOLDER_ENTS
        or subj.lower_ in _PRONOUNS
        or bool(_PERSON_ROLE.search(subj.text))
    )


def _stance_clause(noun: Token) -> _Clause | None:
    """`Mr. Obama's calls for tighter gun control`, `his pledge to close the plant`: a stance
    noun of a holder (its possessor, or the subject of the light verb it is the object of: "made
    several statements on") and the object of its preposition or its infinitive, which is what
    the stance is about."""
    holder = next(
        (
            c
            for c in _children(noun)
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG"))
        ),
        None,
    )
    head = noun.head
    if holder is None and noun.dep_ == "dobj" and head.pos_ == "VERB":
        holder = _subject_of(head)  # "Trump has made several statements on the matter"
    if holder is None and noun.lower_ not in _OPEN_STANCES:
        return None
    # "won the support of minorities", "secured the endorsement of the sheriff": after "the" the
    # "of" of a backing names who gives it, not what it is for
    by_of = noun.lower_ in _BACKINGS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in _children(noun)
    )
    obj = next(
        (
            g
            for c in _children(noun)
            if c.dep_ == "prep"
            and c.lower_ in _STANCE_PREPS
            and c.i > noun.i
            and not (by_of and c.lower_ == "of")
            for g in _children(c)
            if g.dep_ in ("pobj", "pcomp")
        ),
        None,
    )
    if obj is None:
        # "his plan to deport them", "Berlin's pledge to add soldiers": an intent's infinitive
        obj = next(
            (
                c
                for c in _children(noun)
                if c.dep_ == "acl" and c.i > noun.i and any(g.tag_ == "TO" for g in _children(c))
            ),
            None,
        )
    if obj is None:
        return None
    start_t, end_t = _content_bounds(_before_own_report(list(obj.subtree), obj, obj.i))
    return _clause_over(start_t, end_t, noun, holder)


_AUTHORS = frozenset(["ORG", "PERSON"])
_FROM_WHOM = frozenset(["by", "from"])


def _nominal_clause(noun: Token) -> _Clause | None:
    """`Trump's claim that ...`, `made the argument that ...`: a speech noun with a that-clause.

    The speaker is the possessor of the noun when it is a name, else the subject of the verb the
    noun is the object of ("stood by his claim"), else nobody named: with its clause a speech
    noun reports a statement whoever holds it ("even a passing promise that ..."; on PolNeAR
    train 20 of the 22 such clauses a holder was required for are attributions).
    """
    comp = next(
        (
            c
            for c in _children(noun)
            if c.dep_ in ("acl", "ccomp", "relcl")
            and any(g.lower_ == "that" and g.dep_ == "mark" for g in _children(c))
        ),
        None,
    )
    if comp is None:
        return None
    subj = next(
        (c for c in _children(noun) if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")), None
    )
    if subj is None:
        # "a New York Times report that ...", "a Justice Department claim that ...": the name
        # before the noun is whose report it is (a place there is what it is about)
        subj = next(
            (
                c
                for c in _children(noun)
                if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in _AUTHORS
            ),
            None,
        )
    if subj is None:
        # "an admission from Elizabeth Warren that ...", "a claim by the campaign that ...": the
        # one it comes from, named after the noun
        subj = next(
            (
                g
                for c in _children(noun)
                if c.dep_ == "prep" and c.lower_ in _FROM_WHOM and c.i < comp.i
                for g in _children(c)
                if g.dep_ == "pobj" and g.ent_type_ in _AUTHORS
            ),
            None,
        )
    if subj is None:
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        if noun.dep_ in ("dobj", "pobj") and head.pos_ in ("VERB", "AUX"):
            subj = _subject_of(head)
    # "the notion that a shakeup is coming, explaining that ...": a report of its own after the
    # clause ends it, as it ends a verb's (the parser hangs the participle on the clause)
    start_t, end_t = _content_bounds(_before_own_report(list(comp.subtree), comp, comp.i))
    return _clause_over(start_t, end_t, noun, subj)


def _before_own_report(sub: list[Token], comp: Token, after: int) -> list[Token]:
    """The tokens of what is reported (`comp` and its subtree, `sub`), up to a report of its own
    inside them that starts after index `after` (see _ends_report), without a trailing "and"."""
    stop = min((t.left_edge.i for t in sub if t.i > after and _ends_report(t, comp)), default=None)
    if stop is None or stop <= sub[0].i:
        return sub
    sub = [t for t in sub if t.i < stop]
    while len(sub) > 1 and (sub[-1].dep_ == "cc" or sub[-1].is_punct):
        sub.pop()  # "... to use the term as well and"
    return sub


def _view_clause(verb: Token) -> _Clause | None:
    """`Trump is expected to win`, `Clinton seemed to waver`: a subject and its predicate under a
    verb of appearance or a passive verb of belief; the holder is the agent, if any."""
    word = verb.lower_
    if not (word in _SEEM or word in _PASSIVE_VIEW or word in OBJECT_VERBS or word in SPEECH_VERBS):
        return None  # the cheap test first: none of the views below
    passive = any(c.dep_ == "auxpass" for c in _children(verb))
    # "migrants were blamed for the abuse", "he was accused by a reporter of grabbing her": a
    # stance taken toward the subject, whoever took it
    judged = passive and word not in _HEARER and (word in OBJECT_VERBS or word in SPEECH_VERBS)
    if not (word in _SEEM or (passive and word in _PASSIVE_VIEW) or judged):
        return None
    subj = next((c for c in _children(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    pred = next(
        (
            c
            for c in _children(verb)
            if c.dep_ in ("xcomp", "oprd", "ccomp", "acomp")
            or (c.dep_ == "prep" and (c.lower_ in ("as", "like") or judged))
        ),
        None,
    )
    if subj is None or subj.lower_ in ("it", "there") or (pred is not None and pred.i < verb.i):
        return None
    if pred is None and not judged:
        return None
    holder = next(
        (g for c in _children(verb) if c.dep_ == "agent" for g in _children(c) if g.dep_ == "pobj"),
        None,
    )
    if holder is None and (
        (pred is not None and pred.dep_ == "xcomp" and _starts_attribution(pred))
        or (word in _SEEM and (subj.ent_type_ == "PERSON" or subj.lower_ in _PRONOUNS))
    ):
        # "Cruz seemed to mock his talk", "Clinton seemed ready to riff on it": the stance or
        # mood on show is the subject's
        holder = subj
    if pred is None and holder is None:
        return None  # "No deal was announced", "the sailors were released": an event, no stance
    # "The plan was rejected by the council": what is judged, when nothing else is said of it
    start_t, end_t = _content_bounds(list(subj.subtree))
    if pred is not None:
        _, end_t = _content_bounds(list(pred.subtree))
    return _clause_over(start_t, end_t, verb, holder)


_STATE_PREPS = _STANCE_PREPS | {"at", "toward"}  # made once, not for every child


def _state_clause(verb: Token) -> _Clause | None:
    """`Republicans have been critical of Clinton's use of email`, `Sanders is confident that he
    can win`, `she was eager to debate him`: a person in a state of mind toward something, the
    complement of the adjective (its preposition's object, its clause or its infinitive) being
    what the state is about; the holder is the subject."""
    if verb.lower_ not in _COPULAS:
        return None
    adj = next((c for c in _children(verb) if c.dep_ == "acomp" and c.lower_ in _STANCE_ADJS), None)
    if adj is None or not _human_subject(verb):
        return None
    obj = next(
        (
            g
            for c in _children(adj)
            if c.dep_ == "prep" and c.i > adj.i and c.lower_ in _STATE_PREPS
            for g in _children(c)
            if g.dep_ in ("pobj", "pcomp")
        ),
        None,
    )
    if obj is None:
        obj = next(
            (c for c in _children(adj) if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i), None
        )
    if obj is None or (obj.dep_ == "xcomp" and _starts_attribution(obj)):
        return None  # "is willing to offer them a contract": the verb inside reports the stance
    start_t, end_t = _content_bounds(list(obj.subtree))
    return _clause_over(start_t, end_t, adj, _subject_of(verb))


def _source_phrase_clause(prep: Token) -> _Clause | None:
    """`In a CNN/ORC poll released Wednesday, Mr. Cruz fell to 10 percent`, `In the eyes of most
    voters, both candidates have more deficiencies than strengths`: a prepositional phrase
    naming a poll or someone's view, of which the clause it modifies is the content; the holder
    of a view is its possessor or the object of its "of" (a poll names no person)."""
    head = prep.head
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
        # "Trump has a decisive lead in a new CNN poll": the phrase hung on the object still says
        # where the whole clause comes from
        head = head.head
    if prep.lower_ != "in" or prep.dep_ != "prep" or head.pos_ not in ("VERB", "AUX"):
        return None
    if _reports_itself(head):
        return None  # "in a statement, she said ...": the verb reports it
    obj = next((c for c in _children(prep) if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    holder: Token | None = None
    if obj.lower_ in _VIEW_NOUNS:
        holder = next(
            (
                c
                for c in _children(obj)
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of" and c.i > obj.i)
            ),
            None,
        )
        if holder is not None and holder.dep_ == "prep":
            holder = next((g for g in _children(holder) if g.dep_ == "pobj"), None)
        if holder is None:
            return None
    elif obj.lower_ not in _POLL_NOUNS or (
        obj.lower_ in _POLLS_AT_LARGE and all(c.lower_ == "the" for c in obj.lefts)
    ):
        return None
    inner = {t.i for t in prep.subtree}
    rest = [
        t
        for t in head.subtree
        if t.i not in inner and not t.is_punct and not t.is_space and t.dep_ != "cc"
    ]
    if len(rest) < 3:
        return None
    start_t, end_t = _content_bounds(rest)
    return _Clause(start_t.idx, end_t.idx + len(end_t), prep, obj.idx + len(obj), holder)


# "To many, ...", "But to others, ...": groups whose view a fronted "to" phrase gives
_VIEWERS = frozenset(["many", "others", "some", "most", "him", "her", "them", "me", "us"])


def _viewpoint_clause(prep: Token) -> _Clause | None:
    """`To Sharp, Trump is the kind-hearted man who saved her farm`, `But to others, he's a
    citizen journalist`: a "to" phrase opening a sentence names whose view the clause after its
    comma is; only a person, a group of people or an organisation holds one ("To date, ...",
    "To the north, ..." do not)."""
    head = prep.head
    if prep.dep_ != "prep" or head.pos_ not in ("VERB", "AUX") or head.dep_ != "ROOT":
        return None
    sent = _sent(prep)
    before = [t for t in sent if t.i < prep.i and not t.is_space]
    if any(t.dep_ not in ("cc", "advmod") for t in before):
        return None  # "To" opens the sentence, after a "But" or "Still" at most
    obj = next((c for c in _children(prep) if c.dep_ == "pobj"), None)
    doc = prep.doc
    after = prep.right_edge.i + 1
    if obj is None or after >= len(doc) or doc[after].text != ",":
        return None
    if not (
        obj.ent_type_ in _HOLDER_ENTS
        or (obj.pos_ == "PROPN" and obj.ent_type_ == "")
        or obj.lower_ in _VIEWERS
        or _PERSON_ROLE.search(obj.text)
        or _PERSON_NOUN.search(obj.text)
    ):
        return None
    if _reports_itself(head):
        return None  # "To reporters, she said ...": the verb reports it, to them
    rest = [t for t in sent if t.i > after and not t.is_punct and not t.is_space]
    if len(rest) < 3:
        return None
    start_t, end_t = _content_bounds(rest)
    return _Clause(start_t.idx, end_t.idx + len(end_t), prep, prep.idx + len(prep), obj)


def _reaction_clause(verb: Token) -> _Clause | None:
    """`The statement drew sharp criticism from both sides`, `His behavior has angered the
    party's leaders`: the subject is what the reaction is about."""
    subj = next((c for c in _children(verb) if c.dep_ == "nsubj"), None)
    obj = next((c for c in _children(verb) if c.dep_ == "dobj"), None)
    if subj is None or obj is None or subj.lower_ in ("it", "there", "that", "which", "who"):
        return None
    if verb.lower_ in _RECEIVE and obj.lower_ in _REACTIONS:
        holder = next(
            (
                g
                for c in [*_children(verb), *_children(obj)]
                if c.dep_ == "prep" and c.lower_ == "from"
                for g in _children(c)
                if g.dep_ == "pobj"
            ),
            None,
        )
    elif verb.lower_ in _AFFECT:
        holder = obj
    else:
        return None
    start_t, end_t = _content_bounds(list(subj.subtree))
    return _clause_over(start_t, end_t, verb, holder)


def _title_clause(doc: Doc, start: int, end: int) -> _Clause | None:
    """`Conservative Icon Morton Blackwell Endorses Ted Cruz`: a title whose subject is followed
    by a verb of saying or of a stance; what follows the verb (and its preposition) is the
    content, up to a colon or the end."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return None
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not 3 <= len(words) <= _TITLE_MAX_WORDS:
        return None
    for n, cue in enumerate(words):
        word = cue.lower_
        if (
            n == 0
            or cue.pos_ in ("DET", "ADP")
            or not (word in SPEECH_VERBS or word in OBJECT_VERBS or word in _PREP_CUES)
        ):
            continue
        if words[n - 1].pos_ in ("DET", "ADP") or words[n - 1].lower_ in ("of", "the", "a"):
            continue  # "The Claims of ...", "in Support of": a noun, not a verb
        subject = words[:n]
        while subject and subject[-1].lower_ in _TITLE_AUX:
            subject.pop()
        if not subject or not any(t.text[:1].isupper() for t in subject):
            return None
        rest = [t for t in span if t.i > cue.i]
        stop = next((t.i for t in rest if t.text in (":", ";")), None)
        rest = [t for t in rest if stop is None or t.i < stop]
        if rest and rest[0].lower_ in _CUE_PREPS and word in _PREP_CUES:
            rest = rest[1:]  # "Calls For Action"
        while rest and (rest[-1].is_punct or rest[-1].is_space):
            rest.pop()
        if not rest:
            return None
        subj = subject[-1]  # the head of a title's noun phrase is its last word
        return _clause_over(rest[0], rest[-1], cue, subj)
    return None


def _title_clauses(doc: Doc) -> list[_Clause]:
    """Clauses of title-case lines: the headline and subheads."""
    text = doc_text(doc)
    found = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if not _title_case(_LINE_WORD.findall(line)):
            continue  # a sentence, which the parser reads well
        start = m.start()
        label = _HEADLINE.match(line)
        if label and _LABEL.match(label.group(1)):
            start += label.end()  # "The Latest: Sanders declares ..."
        clause = _title_clause(doc, start, m.end())
        if clause is not None:
            found.append(clause)
    return found


_CLAUSE_POS = frozenset(["NOUN", "VERB", "AUX"])
# the words a noun must be for _is_cue or _trailing_report to take it (see _mistagged_verb)
_NOUN_CUES = SPEECH_VERBS | COGNITION_VERBS | _PUT | _RETORT_VERBS


def _vote_objects(verb: Token) -> list[Token]:
    """`Sanders voted to ban therapeutic cloning`, `voted in favor of the bill`: what a vote was
    for (8 such attributions no rule found on PolNeAR train)."""
    found = [
        c
        for c in _children(verb)
        if c.dep_ == "xcomp" and c.i > verb.i and any(g.tag_ == "TO" for g in _children(c))
    ]
    for prep in _children(verb):
        if prep.dep_ == "prep" and prep.lower_ == "in":
            found += [
                g
                for n in _children(prep)
                if n.dep_ == "pobj" and n.lower_ in _IN_FAVOR
                for of in _children(n)
                if of.dep_ == "prep" and of.lower_ == "of"
                for g in _children(of)
                if g.dep_ in ("pobj", "pcomp")
            ]
    return found


def _without_saying_circumstance(verb: Token, clause: Token, sub: list[Token]) -> list[Token]:
    """A reported clause without the phrase right after the verb that the parser hung on the
    clause but that tells when or where it was said: "said on Tuesday it would never return",
    "said in a statement it would respond"."""
    subject = next((c for c in _children(clause) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return sub
    lead = [
        c
        for c in _children(clause)
        if c.dep_ == "prep"
        and c.lower_ in _CIRCUMSTANCE_PREPS
        and c.left_edge.i == verb.i + 1
        and c.right_edge.i < subject.left_edge.i
    ]
    if not lead:
        return sub
    drop = {t.i for c in lead for t in c.subtree}
    kept = [t for t in sub if t.i not in drop]
    while len(kept) > 1 and kept[0].is_punct:
        kept.pop(0)  # "said on Tuesday, it would ...": the comma that closed the phrase
    return kept or sub


# what ends a clause cut before a quote: spaces, a comma or colon, the opening mark
_CUT_TAIL = " \n\t,:;—–-" + _DOUBLE_OPEN + "\"‘`'"


def _cut_before(doc: Doc, clause: _Clause, at: int) -> _Clause | None:
    """A reported clause cut where a quote inside it begins; None if too little is left."""
    end = clause.start + len(doc_text(doc)[clause.start : at].rstrip(_CUT_TAIL))
    if end - clause.start < 20 or end <= clause.cue_end:
        return None  # nothing said before the quote: the quote is what the verb reports
    return replace(clause, end=end)


def _found_by_document(verb: Token) -> bool:
    """Whether a verb's subject is a poll, study or report ("The survey ... finds Clinton with
    only a small lead")."""
    subject = next((c for c in _children(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.pos_ == "NOUN" and subject.lower_ in _AUTHORED


def _that_clause_of(obj: Token) -> Token | None:
    """The clause the parser hung on the hearer as a relative clause: "told a regular news
    briefing that China hoped ..." ("that" a conjunction there, the clause with a subject)."""
    if obj.dep_ != "dobj":
        return None
    return next(
        (
            c
            for c in _children(obj)
            if c.dep_ == "relcl"
            and _marked_by(c, ("that",))
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in _children(c))
        ),
        None,
    )


def _reported_clauses(doc: Doc) -> list[_Clause]:
    """Reported speech: a speech or cognition verb with a clausal complement, `according to X`."""
    found: list[_Clause] = []
    # tokens after a markup "<"
    tag_names = {t.i + 1 for t in doc if t.text in ("<", "</")} if "<" in doc_text(doc) else set()
    lowers = _lowers(doc)
    for sent in doc.sents:
        tokens = list(_tokens(doc)[sent.start : sent.end])
        # the cheap test first: _according_to wants the word
        acc = _according_to(tokens) if "according" in lowers[sent.start : sent.end] else None
        if acc is not None:
            last = max(x.i for x in acc[1].subtree)
            clause = [t for t in tokens if t.i < acc[0].i or t.i > last]
            clause = [t for t in clause if not t.is_punct and not t.is_space]
            if clause:
                found.append(
                    _Clause(
                        clause[0].idx,
                        clause[-1].idx + len(clause[-1]),
                        acc[0],
                        acc[0].doc[acc[0].i + 1].idx + 2,
                        acc[1],
                    )
                )
            continue
        text = doc_text(doc)
        if sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws:
            # "Roger Stone: Don't Trust the Voting Machines" -- a headline attribution, or a
            # transcript turn ("TAPPER: ..."), which runs to the end of its paragraph
            para_end = text.find("\n", sent.start_char)
            paragraph = text[sent.start_char : len(text) if para_end < 0 else para_end]
            headline = _HEADLINE.match(paragraph)
            if headline is None and (sent.start_char == 0 or _in_title_line(doc, sent.start_char)):
                # "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade", "Former AG
                # Mukasey at RNC: ...": a title's speaker, whom or where it was said, a colon
                headline = _HEADLINE_ADDRESSED.match(paragraph)
            if headline and not _LABEL.match(headline.group(1)):
                name_end = sent.start_char + headline.end(1)
                colon_at = sent.start_char + paragraph.rfind(":", 0, headline.end())
                colon = doc.char_span(colon_at, colon_at + 1, alignment_mode="expand")
                subj = doc.char_span(sent.start_char, name_end, alignment_mode="expand")
                rest = paragraph[headline.end() :].rstrip()
                if colon is not None and subj is not None and len(rest.split()) >= 2:
                    start = sent.start_char + headline.end()
                    found.append(
                        _Clause(start, start + len(rest), colon[0], colon_at + 1, subj.root)
                    )
                    continue
        for verb in tokens:
            word, pos = lowers[verb.i], verb.pos_  # once: each looks up the StringStore
            if word == "in":
                source = _source_phrase_clause(verb)
                if source is not None:
                    found.append(source)
                continue
            if word == "to":
                view = _viewpoint_clause(verb)
                if view is not None:
                    found.append(view)
                continue
            if word == "reportedly" and verb.dep_ == "advmod":
                reported = _hearsay_clause(verb)
                if reported is not None:
                    found.append(reported)
                continue
            if pos not in _CLAUSE_POS and not verb.tag_.startswith("VB"):
                continue  # every branch below wants a noun or a verb
            if verb.i in tag_names:
                continue  # the name of an embedded markup tag (<tweet author="...">), not a verb
            if (
                pos == "NOUN"
                and (word in _CUE_NOUNS or word in _STANCE_NOUNS)
                and not _mistagged_verb(verb)
            ):
                nominal = _nominal_clause(verb) if word in _CUE_NOUNS else None
                if nominal is None and word in _STANCE_NOUNS:
                    nominal = _stance_clause(verb)
                if nominal is not None:
                    found.append(nominal)
                continue
            if word in ("show", "shows"):
                shown = _records_show(verb)
                if shown is not None:
                    found.append(shown)
                    continue
            if pos == "NOUN" and word not in _NOUN_CUES:
                continue  # the cheap test first: below, a noun is only a mistagged verb of saying
            if pos == "VERB" and (word in _RECEIVE or word in _AFFECT):
                reaction = _reaction_clause(verb)
                if reaction is not None:
                    found.append(reaction)
                    continue
            if pos in ("VERB", "AUX"):
                view = _view_clause(verb) or _state_clause(verb)
                if view is not None:
                    found.append(view)
                    continue
            trailing = _trailing_report(verb, tokens)
            if trailing is not None:
                found.append(trailing)
                continue
            if _is_cue(verb, cognition=True):
                comps = [
                    c
                    for c in _children(verb)
                    if c.dep_ == "ccomp"
                    or (
                        c.dep_ == "xcomp"
                        # "hoping to pick up delegates": a wish is about its infinitive
                        and (word in SPEECH_VERBS or word in OBJECT_VERBS)
                        and word not in _ASPECTUAL
                        # not "said, on condition of anonymity to speak freely": the terms
                        and not _ANONYMOUS.search(doc_text(doc), verb.idx, c.left_edge.idx)
                    )
                    or (c.dep_ == "dobj" and word in SPEECH_VERBS and word not in _CLAUSE_ONLY)
                    # "a survey in March found Mrs. Clinton with a lead of 48 percent": what a
                    # poll or a report finds is a finding, clause or not
                    or (c.dep_ == "dobj" and word in _FINDING and _found_by_document(verb))
                    # "asked if/whether ...": what was asked, not a condition
                    or (c.dep_ == "advcl" and word in _ASK and _marked_by(c, _QUESTION_MARKS))
                    or _that_adverbial(c)
                ]
            elif (
                word in _NAMING
                and pos == "VERB"
                and any(c.dep_ == "oprd" and c.i > verb.i for c in _children(verb))
                and any(c.dep_ == "dobj" and c.i > verb.i for c in _children(verb))
            ):
                # "called half of Trump's supporters "deplorables"", "labeled him a liar": whom
                # one names and the name, even an amount of them
                comps = [c for c in _children(verb) if c.dep_ == "dobj" and c.i > verb.i]
            elif word in OBJECT_VERBS and pos == "VERB":
                # "raised $11.9 million", "offered 10 percent": an amount is not a stance
                comps = [
                    c
                    for c in _children(verb)
                    if c.dep_ in ("dobj", "xcomp", "ccomp") and c.ent_type_ not in _AMOUNTS
                ]
            elif word in _AS_VERBS and pos == "VERB":
                comps = [c for c in _children(verb) if c.dep_ == "dobj" and _seen_as(verb, c)]
            elif word in _PREP_CUES and pos == "VERB":
                comps = []
            elif pos == "VERB" and word not in _HAVE:
                # any verb a person uses to put a proposition: "Cruz insists/argues/warns/admits that"
                comps = [
                    c
                    for c in _children(verb)
                    if c.dep_ == "ccomp"
                    # "Trump got 18 votes, Rubio got seven": a clause before a verb that is no
                    # verb of saying is a clause the parser hung on the wrong verb
                    and c.i > verb.i
                    and any(t.dep_ == "nsubj" for t in _children(c))
                    # a proposition has a tense; a small clause does not ("does not make
                    # everyone happy"), unless "it" stands for what follows ("made it clear that")
                    and (_finite(c) or any(t.lower_ == "it" for t in _children(c)))
                ]
                if not comps or not _human_subject(verb):
                    continue  # without such a clause nothing below is found: the subject last
            else:
                continue
            as_clause = verb.dep_ == "advcl" and _marked_by(verb, ("as",))
            if (
                # "The solution, the partner told them, was simple": whom it was told to is no
                # part of what was said
                (not comps or (word in _HEARER and all(_hearer_only(c) for c in comps)))
                and (verb.dep_ == "parataxis" or as_clause)
                and _is_cue(verb, cognition=verb.dep_ == "parataxis")
            ):
                # "The hashtag, he said, was even more popular", "As the Post reported, ...":
                # the sentence around a parenthetical attribution is what was said
                inner = {t.i for t in verb.subtree}
                around = [
                    t for t in tokens if t.i not in inner and not t.is_punct and not t.is_space
                ]
                if around and _subject_of(verb) is not None:
                    found.append(_clause_over(around[0], around[-1], verb, _subject_of(verb)))
                continue
            answer = _answer(verb) if not comps and word in SPEECH_VERBS else None
            if answer is not None:
                found.append(_clause_over(answer[0], answer[-1], verb, _subject_of(verb)))
                continue
            if not comps and word in SPEECH_VERBS:
                comps = _clause_in_adjunct(verb)
            if not comps and (word in _PREP_CUES or word in SPEECH_VERBS):
                # "warned of a battle", "talked about jobs", "called for a ban": the object of
                # the preposition is what was said
                comps = [
                    g
                    for c in _children(verb)
                    if c.dep_ == "prep"
                    and (
                        c.lower_ in _CUE_PREPS
                        or (c.lower_ == "with" and word in _AGREEING)
                        or (c.lower_ == "in" and word in _BELIEVING)
                    )
                    and c.i > verb.i  # "On CNN Tuesday, Clinton called for ...": where, not what
                    and (
                        c.lower_ != "to"
                        or word not in SPEECH_VERBS
                        # "responded to the criticism": what is answered is what it is about
                        or word in _ANSWERING
                        or word in _TO_WHAT
                    )
                    and (c.lower_ in ("about", "of", "against") or word not in _TALK)
                    for g in _children(c)
                    if g.dep_ in ("pobj", "pcomp")
                    and g.ent_type_ not in _CIRCUMSTANCE
                    # "responded on Twitter", "confirmed on Facebook": where it was said
                    and not (c.lower_ == "on" and g.lower_ in _CHANNELS)
                ] + [
                    # "called for Emanuel to resign": the parser makes "for" the mark of a
                    # clause with its own subject
                    c
                    for c in _children(verb)
                    if c.dep_ == "advcl"
                    and c.i > verb.i
                    and _marked_by(c, ("for",))
                    and any(g.dep_ == "nsubj" for g in _children(c))
                ]
                if not comps and word in _VOTING:
                    comps = _vote_objects(verb)
            if not comps:
                continue
            if word in _HEARER:
                comps = [_that_clause_of(c) or c for c in comps]
            # a clause is what was said; the object of "told reporters that ..." is the hearer
            comps.sort(key=lambda c: c.dep_ == "dobj")
            if (
                comps[0].dep_ == "ccomp"
                and comps[0].i < verb.i
                and (_own_report(comps[0]) or _lead_in(comps[0], verb))
            ):
                # "A majority say they are paying attention; 26 percent say they are not": the
                # parser makes the first report the complement of the second verb, which reports
                # only the clause after it
                later = [c for c in comps if c.dep_ == "ccomp" and c.i > verb.i]
                if later:
                    comps = later
            if comps[0].dep_ == "dobj":
                # "called the meeting a good start": the object and what is said of it
                right = [
                    c
                    for c in verb.rights
                    if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "prep", "dative", "attr")
                    # "shows Ted Cruz 16 points ahead of Trump", "has her well behind": a
                    # standing said of the object (not "ahead of next week's primary": a time)
                    or (
                        c.dep_ == "advmod"
                        and c.i > comps[0].i
                        and c.lower_ in _STANDING
                        and not any(t.ent_type_ in _NOT_SPEAKER_ENTS for t in c.subtree)
                    )
                    or _noun_infinitive(comps[0], c)
                    or (word in _AS_VERBS and _as_clause(c))  # "see Trump as most likely to"
                ]
                if word in _HEARER and all(_hearer_only(c) for c in right):
                    # "Mariam Emara told CNN.", "he told reporters on Thursday", "Scarborough
                    # asked Clinton": the object of telling or asking is whom it was said to
                    continue
                sub = [t for c in right for t in c.subtree]
                sub.sort(key=lambda t: t.i)
                if sub and sub[0].i < comps[0].i and sub[0].dep_ == "dative":
                    sub = [t for t in sub if t.i >= comps[0].i]
                if not sub:
                    continue
            elif comps[0].dep_ == "xcomp":
                # "urged the candidate to dig in": whom a wish is about belongs to what is wished
                obj = next(
                    (c for c in _children(verb) if c.dep_ == "dobj" and c.i < comps[0].i), None
                )
                sub = list(comps[0].subtree)
                if obj is not None:
                    sub = list(obj.subtree) + sub
                sub += _split_items(verb, comps[0])
            else:
                sub = list(comps[0].subtree)
                if comps[0].dep_ == "advcl" and _marked_by(comps[0], ("for",)):
                    # "called for Emanuel to resign": who is called on and what to do
                    sub = [t for t in sub if not (t.dep_ == "mark" and t.head == comps[0])]
                if comps[0].dep_ in ("pobj", "pcomp"):
                    # "boasted of his negotiating skills in whittling $25 million off the price":
                    # what the parser hung on the verb after the object still says what of it
                    sub += [
                        t
                        for c in verb.rights
                        if c.i > comps[0].i
                        and c.dep_ in _OBJECT_TAIL
                        and c.lower_ != "with"  # "talked about it with reporters": the hearers
                        and not any(g.ent_type_ in _CIRCUMSTANCE for g in _children(c))
                        for t in c.subtree
                    ]
                    sub.sort(key=lambda t: t.i)
                elif comps[0].dep_ == "ccomp":
                    # "insisted it was a temporary dip, reflecting restlessness ...", "He's
                    # leaning toward Kasich, he said, because ...": the parser hangs a clause
                    # that goes on with what was said on the verb of saying, after it
                    sub += [
                        t
                        for c in verb.rights
                        if c.i > comps[0].right_edge.i
                        and (
                            (
                                c.dep_ == "advcl"
                                and not _starts_attribution(c)
                                and not _marked_by(c, ("as",))
                            )
                            # "said wages would fall, but that overtime would offset the loss":
                            # a second that-clause the parser coordinates with the verb of saying
                            # (PolNeAR train: 9 of 9 in the content)
                            or (c.dep_ == "conj" and _marked_by(c, ("that",)))
                            # "said she hoped to get her account back, and then would continue
                            # to spread her message": a conjoined verb with no subject of its own
                            # and the "would" of reported speech goes on with what was said
                            or (
                                c.dep_ == "conj"
                                and not any(
                                    g.dep_ in ("nsubj", "nsubjpass", "ccomp") for g in _children(c)
                                )
                                and any(
                                    g.dep_ == "aux" and g.lower_ in _BACKSHIFT_MODALS
                                    for g in _children(c)
                                )
                            )
                        )
                        for t in c.subtree
                    ]
                    sub.sort(key=lambda t: t.i)
                after = [c for c in comps if c.dep_ == "ccomp" and c.i > verb.i]
                teller = _subject_of(verb)
                if (
                    comps[0].dep_ == "ccomp"
                    and after
                    and teller is not None
                    and comps[0].right_edge.i < teller.i < verb.i
                ):
                    # "It is no surprise, Mr. Garin said, that Mrs. Clinton did better": one
                    # clause said in two parts around its attribution
                    sub = sorted([*sub, *after[-1].subtree], key=lambda t: t.i)
                elif (
                    comps[0].dep_ == "ccomp"
                    and teller is not None
                    and comps[0].right_edge.i < teller.i < verb.i
                    and _is_cue(verb)
                ):
                    # "The middle fifth paid 8.9 percent, the agency said in a June report,
                    # and those in the bottom fifth paid 0.8 percent": a second clause the
                    # parser coordinates with the verb set off after the first goes on with it
                    # (not the speaker's own next act: "..., he said, and he left")
                    sub += [
                        t
                        for c in verb.rights
                        if c.dep_ == "conj"
                        and not _is_cue(c, cognition=True)
                        and any(
                            g.dep_ == "nsubj" and g.lower_ not in _PRONOUNS for g in _children(c)
                        )
                        for t in c.subtree
                    ]
                    sub.sort(key=lambda t: t.i)
            # "said the move was made ... and said he would resign", "blamed Adler, who has
            # argued that ...": a coordinated or relative verb of saying starts an attribution
            # of its own
            sub = _before_own_report(sub, comps[0], verb.i)
            if comps[0].dep_ == "ccomp":
                sub = _without_saying_circumstance(verb, comps[0], sub)
            start_t, end_t = _content_bounds(sub)
            if comps[0].dep_ in ("pobj", "dobj") and end_t.i >= comps[0].i:
                end_t = _list_tail(end_t)
            found.append(
                _Clause(
                    start_t.idx,
                    end_t.idx + len(end_t),
                    verb,
                    verb.idx + len(verb),
                    _speaker_of(verb, (start_t.idx, end_t.idx + len(end_t))),
                )
            )
    text = doc_text(doc)
    return [_past_dateline(c, text) for c in found + _title_clauses(doc) + _that_clauses(doc)]


# A wire dateline opening a paragraph ("WASHINGTON —", "SEOUL, Jan. 4 (Yonhap) --", "New York
# (AFP) –"): where the story was filed, no part of what anyone said
_DATELINE_LEAD = re.compile(
    r"(?:(?=[A-Z]{3})[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*|(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+(?= \())"
    r"(?:, [A-Z][a-z]{2,4}\.? \d{1,2}(?:, \d{4})?)?"
    r"(?: \([^()\n]{1,30}\))?"
    r" ?(?:--|[—–-]) ?"
)


def _past_dateline(clause: _Clause, text: str) -> _Clause:
    """A reported clause that opens its paragraph without the dateline before its words."""
    if clause.start > 0 and text[clause.start - 1] != "\n":
        return clause
    lead = _DATELINE_LEAD.match(text, clause.start)
    if lead is None or lead.end() >= clause.end or lead.end() > clause.cue.idx:
        return clause
    return replace(clause, start=lead.end())


# "so narrow that ...", "such a lead that ...": a clause of result, not a proposition
_DEGREE = frozenset(["so", "such"])
# Nouns whose that-clause is the writer's statement of a fact or a chance, not a view held
_NOT_VIEW_WORDS = "fact facts possibility possibilities chance chances likelihood probability news"
_NOT_VIEWS = frozenset(_NOT_VIEW_WORDS.split())


def _that_clauses(doc: Doc) -> list[_Clause]:
    """A `that` clause is a proposition someone holds whatever it hangs on: `It is obvious that
    ...`, `his donors remain confident that ...`, `The assumption is that ...`, `the inference
    can be drawn that ...`, `further evidence that ...`. Taken only where no verb of saying
    found a quote (`fallback`); on PolNeAR train 56% of the complements and 64% of the noun
    clauses left are attributions. An aim's infinitive after a copula is taken here too
    (`_aim_clause`)."""
    found = []
    for comp in _tokens(doc):
        if comp.dep_ == "xcomp":
            aim = _aim_clause(comp)
            if aim is not None:
                found.append(aim)
            continue
        if comp.dep_ not in ("acl", "ccomp"):
            continue  # the cheap test first: both kinds below want one of these
        if comp.dep_ == "acl" and comp.head.pos_ == "NOUN" and _marked_by(comp, ("that",)):
            # "evidence that ...", "a reminder that ...", "the assumption that ...": any noun
            # with its that-clause, but a fact or a chance is the writer's, not a view
            noun = comp.head
            if noun.lower_ in _NOT_VIEWS:
                continue
            if noun.ent_type_ in _NOT_SPEAKER_ENTS:
                # "has argued for weeks that the vote was rigged": the parser hangs the clause on
                # the time the verb lasted; it is the verb's, if a verb of saying or thinking
                verb = noun.head.head if noun.dep_ == "pobj" else noun.head
                if verb.i != noun.i and _is_cue(verb, cognition=True):
                    clause = _fallback_clause(comp, verb, _speaker_of(verb), min_words=3)
                    if clause is not None:
                        found.append(clause)
                continue
            owner = next((c for c in _children(noun) if c.dep_ == "poss"), None)
            clause = _fallback_clause(comp, noun, owner, min_words=3)
            if clause is not None:
                found.append(clause)
            continue
        if comp.dep_ != "ccomp" or not _marked_by(comp, ("that",)):
            continue
        head = comp.head
        if head.pos_ == "ADV" or (head.dep_ == "advcl" and head.pos_ == "AUX"):
            continue  # "now that ...", "as the chance grows that ...": time, not a view
        if any(c.lower_ in _DEGREE for c in _children(head)):
            continue
        if _cleft(head):
            continue
        holder = head.head if head.dep_ == "acomp" else head
        subject = _speaker_of(holder) if holder.pos_ in ("VERB", "AUX") else None
        if subject is not None and holder.pos_ == "AUX":
            # "His message has long been that ...", "Their fear is that ...": the owner of the
            # view is the one who holds it
            subject = next((c for c in _children(subject) if c.dep_ == "poss"), subject)
        clause = _fallback_clause(comp, head, subject, min_words=1)
        if clause is not None:
            found.append(clause)
    return found


# what someone means to do, whose infinitive after "is" is what they want ("his goal is to")
_AIM_WORDS = (
    "goal goals aim aims hope hopes plan plans intention intent priority priorities mission "
    "strategy wish ambition objective purpose"
)
_AIM_NOUNS = frozenset(_AIM_WORDS.split())


def _aim_clause(comp: Token) -> _Clause | None:
    """`His more immediate goal is to sell his own party on gun control`: an infinitive after a
    copula whose subject is someone's aim; the holder is its possessor (an aim nobody owns, "the
    goal is to ...", is the writer's)."""
    head = comp.head
    if head.lower_ not in _COPULAS or comp.i < head.i or comp.left_edge.lower_ != "to":
        return None
    aim = next((c for c in _children(head) if c.dep_ == "nsubj"), None)
    if aim is None or aim.lower_ not in _AIM_NOUNS:
        return None
    owner = next((c for c in _children(aim) if c.dep_ == "poss"), None)
    if owner is None:
        return None
    words = [t for t in comp.subtree if t.lower_ != "to" or t.i != comp.left_edge.i]
    if len(words) < 2:
        return None
    start_t, end_t = _content_bounds(words)
    return _clause_over(start_t, end_t, aim, owner)


def _cleft(head: Token) -> bool:
    """`It was only in 2012 that the party raised the bar`, `it is here that she leads`: "it"
    and a copula with no adjective or noun to predicate of the clause only put a phrase in
    focus (6 of 7 such clauses on PolNeAR train no attribution)."""
    return (
        head.pos_ == "AUX"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in _children(head))
        and not any(c.dep_ in ("acomp", "attr", "oprd") for c in _children(head))
    )


def _fallback_clause(
    comp: Token, cue: Token, holder: Token | None, min_words: int
) -> _Clause | None:
    """The words of `comp` as a fallback clause, if it has `min_words` of them."""
    sub = [t for t in comp.subtree if not t.is_punct and not t.is_space]
    if len(sub) < min_words:
        return None
    return _Clause(
        sub[0].idx, sub[-1].idx + len(sub[-1]), cue, cue.idx + len(cue), holder, fallback=True
    )


# Dependents of a trailing "she said" / "Carter told a Senate panel Wednesday" that say nothing
# of what was said: its subject, the hearer, time, place and manner
_TRAILING_DEPS = frozenset(["aux", "neg", "advmod", "npadvmod", "prep", "dobj", "dative", "punct"])


def _hearsay_clause(adverb: Token) -> _Clause | None:
    """`Clinton has reportedly amassed the delegates`: the clause the adverb qualifies is what
    some unnamed source said, up to a coordinated clause with a subject of its own (`..., but
    they had returned`)."""
    verb = adverb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    stop = min(
        (c.left_edge.i for c in verb.rights if c.dep_ == "conj" and _own_subject(c)),
        default=verb.right_edge.i + 1,
    )
    sub = [t for t in verb.subtree if t.i < stop and not t.is_space]
    while sub and (sub[-1].is_punct or sub[-1].dep_ == "cc"):
        sub.pop()
    if not sub:
        return None
    return _Clause(sub[0].idx, sub[-1].idx + len(sub[-1]), adverb, adverb.idx + len(adverb), None)


def _trailing_report(verb: Token, tokens: list[Token]) -> _Clause | None:
    """`The Internet has made it possible ..., she said.`: a verb of saying that closes its
    sentence after a comma, with its subject and nothing of what was said after it, reports the
    words before the comma. The parser hangs such a verb on the sentence's root (advcl, conj,
    ccomp) or takes words before the comma for its subject, instead of making them its clause."""
    if verb.lower_ not in SPEECH_VERBS:  # the cheap test first
        return None
    root = verb.dep_ == "ROOT"
    if not root and (
        verb.dep_ not in ("advcl", "conj", "ccomp", "parataxis") or verb.i < verb.head.i
    ):
        return None
    if verb.pos_ != "VERB":
        return None
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    # the subject next to the verb: words before the comma the parser took for a second subject
    # ("for people with ... to organize, she said") are what was said
    subjects = sorted(
        (c for c in _children(verb) if c.dep_ == "nsubj"), key=lambda c: (c.i > verb.i, -c.i)
    )
    if not words or not subjects or subjects[0].tag_ in ("WP", "WDT"):
        return None
    subject = subjects[0]
    # the attribution: the subject and the verb, or the verb and its inverted subject
    first = subject.left_edge.i if subject.i < verb.i else verb.i
    if first <= tokens[0].i or verb.doc[first - 1].text != ",":
        return None  # "... and she said": a second statement, not a closing attribution
    if root and not _said_before(verb, first):
        return None
    own = {t.i for t in subject.subtree} | {verb.i}
    for c in _children(verb):
        if c.i < first or c == subject:
            continue
        if c.dep_ not in _TRAILING_DEPS:
            return None
        if c.dep_ in ("dobj", "dative", "prep") and not _hearer_only(c):
            # "..., he told them that ...", "..., she said the same": a report of its own
            return None
        own |= {t.i for t in c.subtree}
    if any(t.i >= first and t.i not in own for t in words):
        return None  # the sentence goes on after the attribution
    content = [t for t in words if t.i < first - 1]
    if len(content) < 3:
        return None
    return _Clause(
        content[0].idx,
        content[-1].idx + len(content[-1]),
        verb,
        verb.idx + len(verb),
        _speaker_of(verb),
    )


_SAY_FORMS = frozenset(["say", "says", "said"])


def _said_before(verb: Token, first: int) -> bool:
    """Whether a verb of saying the parser made the root of its sentence has what was said before
    it, hung on it as a modifier ("As Trump prepared to speak, a girl was pepper-sprayed, police
    said": an adverbial clause holding the report; "Those who take on debt struggle, even with a
    good job, he said": a loose dependent); not a lone clause of when or why ("When asked about
    it, he said.")."""
    if verb.lower_ not in _SAY_FORMS or any(
        c.i > verb.i and not c.is_punct for c in _children(verb)
    ):
        return False  # "he said Ryan", "would say so", "characterizes herself as": more to say
    before = [c for c in _children(verb) if c.i < first and not c.is_punct]
    if not before or any(c.dep_ not in ("dep", "advcl") for c in before):
        return False
    if len(before) == 1 and before[0].dep_ == "advcl" and _marked_by(before[0], _SUBORDINATORS):
        # the report is a clause of its own inside: "..., a girl ... was pepper-sprayed"
        return any(
            t.dep_ in ("advcl", "conj", "ccomp") and _own_subject(t)
            for t in before[0].subtree
            if t.i != before[0].i
        )
    return True


def _hearer(obj: Token) -> bool:
    """Whether the object of "told"/"asked" is whom it was said to: a person, a group or an
    outlet ("told CNN", "told reporters", "asked Mr. Mitchell", "told the website")."""
    return (
        obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or obj.pos_ in ("PRON", "PROPN")
        or obj.lower_ in _HEARER_NOUNS
        or bool(_PERSON_ROLE.search(obj.text) or _PERSON_NOUN.search(obj.text))
    )


def _hearer_only(child: Token) -> bool:
    """Whether a right dependent of "told"/"asked" names the hearer or the circumstances only
    ("told reporters during a visit to Scotland on Friday"), not what was said or asked."""
    if child.dep_ in ("dobj", "dative"):
        # "asked the frontrunner about the kerfuffle": a topic the parser hung on the hearer
        return _hearer(child) and not any(
            c.dep_ == "prep" and c.lower_ in ("about", "regarding")
            for t in child.subtree
            for c in _children(t)
        )
    if child.dep_ == "prep":
        if any(t.dep_ == "mark" and t.lower_ in ("that", "if", "whether") for t in child.subtree):
            return False  # "told her in a debate that she should ...": the clause is what was said
        return child.lower_ not in _CUE_PREPS or all(
            g.ent_type_ in _CIRCUMSTANCE for g in _children(child) if g.dep_ == "pobj"
        )
    return False


def _answer(verb: Token) -> Span | None:
    """The answer a verb of saying gives right after it: `46 percent of voters said yes`, `the
    candidate said no`, `half said so`, `26 percent said the same`."""
    doc = verb.doc
    tokens = _tokens(doc)
    nxt = tokens[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "the" and verb.i + 2 < len(doc):
        if tokens[verb.i + 2].lower_ != "same":
            return None
        return doc[verb.i + 1 : verb.i + 3]
    if nxt is None or nxt.lower_ not in _ANSWERS or nxt.lower_ == "same" or nxt.head != verb:
        return None
    return doc[verb.i : verb.i + 2][1:]


def _noun_infinitive(obj: Token, clause: Token) -> bool:
    """Whether an infinitive the parser hung on the verb completes a stance noun object right
    before it: "defended his call to raise the minimum wage", "stood by her pledge to fight"."""
    return (
        clause.dep_ == "advcl"
        and (obj.lower_ in _STANCE_NOUNS or obj.lower_ in _CUE_NOUNS)
        and clause.left_edge.i == obj.right_edge.i + 1
        and clause.left_edge.lower_ == "to"
    )


# what a source asks for when it asks not to be named: a condition of speaking, not what was said
_CONDITION_ONLY = re.compile(
    r"(?:(?:the|his|her|their|full|strict)\s+)?(?:anonymity|confidentiality)", re.IGNORECASE
)


def _circumstance_only(doc: Doc, start: int, end: int) -> bool:
    """Whether a reported span is only a phrase of place, time or agent ("in Springfield",
    "by Luciana Lopez", "on the first Monday in September"), or only a date or an amount."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = _tokens(doc)[span.start : span.end]
    if all(t.ent_type_ in _AMOUNTS or t.ent_type_ == "ORDINAL" or t.is_punct for t in words):
        return True  # "Announced March 23, 2015", "the support of millions": a date or a number
    # the span's text cut from the Doc's (span.text joins it from every token)
    if _CONDITION_ONLY.fullmatch(doc_text(doc)[span.start_char : span.end_char]):
        return True  # "another official, asking anonymity": the source's condition, no statement
    # the phrase is the whole span: "the suspension of the deal in response to ...", whose two
    # heads the parser hung on the verb, may take "in" for its root
    # ... and the whole of it: "at Western High School, “Any questions I can answer?”" goes on
    root = span.root
    last = span.end - 1
    while last > span.start and words[last - span.start].is_punct:
        last -= 1
    return (
        root.i == span.start
        and root.tag_ == "IN"
        and root.lower_ in _CIRCUMSTANCE_PREPS
        and root.right_edge.i >= last
    )


def _names_someone(doc: Doc, start: int, end: int) -> bool:
    """Whether a span is a proper name ("endorsed Clinton", "attacked Trump")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and all(t.pos_ == "PROPN" for t in _tokens(doc)[span.start : span.end])


# verbs of publishing: their object is the document put out, what it says only when the object
# goes on to say it ("released a statement saying ...", "issued rules barring ...")
_PUBLISHING = verb_forms("release issue publish post")
_WHEN = frozenset(["DATE", "TIME"])
# "pledged delegates" are the ones a primary binds (0 of 5 attributions on PolNeAR train)
_DELEGATES = frozenset(["delegate", "delegates"])
# "seeking the nomination", "seeks reelection": an office sought is no stance on anything (1 of
# 9 such objects of "seek" an attribution on PolNeAR train)
_SEEKING = verb_forms("seek")
_OFFICE = re.compile(
    r"^(?:[\w-]+\s+){0,3}(?:nomination|presidency|white\s+house|re-?election|term|office|seats?)$",
    re.IGNORECASE,
)


# "Lerer reported from Los Angeles. ... Jill Colvin contributed from Albuquerque.": the credit
# line that says where a reporter filed from
_FILING = verb_forms("report contribute")


def _filed_from(doc: Doc, clause: _Clause) -> bool:
    """Whether a verb of reporting has only the place filed from after it."""
    return (
        clause.cue.lower_ in _FILING
        and doc_text(doc)[clause.start : clause.start + 5].lower() == "from "
    )


def _published_only(doc: Doc, clause: _Clause) -> bool:
    """`Mr. Trump released a statement`, `issued the following statement`: the object of a verb
    of publishing in three words or fewer names a document (5 of 31 such objects attributions on
    PolNeAR train)."""
    if clause.cue.lower_ not in _PUBLISHING or clause.cue.pos_ != "VERB":
        return False
    span = doc.char_span(clause.start, clause.end, alignment_mode="expand")
    if span is None:
        return False
    # "a statement on Thursday night": the time it came out says nothing of it
    words = [
        t
        for t in span
        if not t.is_punct
        and t.ent_type_ not in _WHEN
        and not (t.pos_ == "ADP" and t.n_rights and all(c.ent_type_ in _WHEN for c in t.rights))
    ]
    return len(words) <= 3


# what an anonymous source was not authorised to do, after the words that grant anonymity
_TERMS_VERBS = frozenset(["speak", "discuss", "talk", "comment", "describe", "share"])


# How close before the cue the words of anonymity stand: they end at most " to " before it
# ("anonymity to speak") and start within the characters of "not authorized to" with room to
# spare (set on PolNeAR train, where the rule drops 11 such clauses).
_TERMS_GAP = 4
_TERMS_REACH = 24


def _anonymity_terms(doc: Doc, clause: _Clause) -> bool:
    """`asked not to be named because of the sensitivity of the issue`: the terms a source spoke
    on, not what it said (0 of 2 on PolNeAR train an attribution); the cue opens the words that
    mark an anonymous source."""
    text = doc_text(doc)
    if _ANONYMOUS.match(text, clause.cue.idx, clause.end) or _ANONYMOUS.match(
        text, clause.start, clause.end
    ):
        return True
    # "on condition of anonymity to speak freely about the nominee": why they went unnamed
    return clause.cue.lower_ in _TERMS_VERBS and any(
        m.end() >= clause.cue.idx - _TERMS_GAP
        for m in _ANONYMOUS.finditer(text, max(0, clause.cue.idx - _TERMS_REACH), clause.cue.idx)
    )


def _office_or_delegates(doc: Doc, clause: _Clause) -> bool:
    """`seeking the presidency`: an office one runs for is no stance; `60 pledged delegates`:
    the delegates a primary binds, no pledge anyone reports."""
    cue = clause.cue
    if cue.lower_ in _SEEKING:
        return bool(_OFFICE.match(doc_text(doc)[clause.start : clause.end]))
    return cue.lower_ == "pledged" and cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ in _DELEGATES


def _merge_reported(
    doc: Doc,
    quotes: list[Quote],
    used_cues: set[int],
    memory: _Speakers,
    para_starts: list[int],
    clauses: list[_Clause],
) -> list[Quote]:
    """Add indirect quotes; a reported clause around a partial quote becomes that quote's span.

    `Clinton told reporters the meeting was "quite positive."` is one partial quote covering the
    clause, so the quoted words keep their context; a clause overlapping a direct quote adds
    nothing.
    """
    quotes = list(quotes)
    # the clauses of verbs of saying first, longest first; a fallback clause after all of them
    for clause in sorted(clauses, key=lambda c: (c.fallback, c.start - c.end)):
        if clause.fallback and any(
            q.start_char < clause.end and clause.start < q.end_char for q in quotes
        ):
            continue
        if (
            clause.end - clause.start < 8
            and not _names_someone(doc, clause.start, clause.end)
            and doc_text(doc)[clause.start : clause.end].lower() not in _ANSWER_TEXTS
        ):
            continue  # too short to be a statement, unless the stance is toward someone named
        cue_idx = clause.cue.idx  # once, not for every quote
        if clause.subject is not None and cue_idx < clause.start <= clause.subject.idx < clause.end:
            # "Declared 2016 Presidential Candidates" (a slideshow's title): a clause after its
            # verb that holds its own speaker is a misparse (a parenthetical attribution, "X,
            # he said, Y", holds its verb too)
            continue
        if any(q.kind != "indirect" and q.start_char <= cue_idx < q.end_char for q in quotes):
            continue  # a verb inside a quotation is what was said, not a report of it
        if _circumstance_only(doc, clause.start, clause.end):
            continue  # "writing at Mediaite", "Reporting by X": where, when or by whom, not what
        if (
            _published_only(doc, clause)
            or _office_or_delegates(doc, clause)
            or _anonymity_terms(doc, clause)
            or _filed_from(doc, clause)
        ):
            continue  # "released a statement", "seeking the presidency", "asked not to be named"
        inside = [q for q in quotes if q.start_char < clause.end and clause.start < q.end_char]
        blocking = [q for q in inside if q.kind != "partial" or q.start_char < clause.start]
        if blocking and min(q.start_char for q in blocking) > clause.start:
            # "She said that experts had determined her proposals were effective, to which
            # O'Malley interjected: "It's ..."": the clause ends where another's quote begins
            cut = _cut_before(doc, clause, min(q.start_char for q in blocking))
            if cut is None:
                continue
            clause = cut
            inside = [q for q in inside if q.start_char < clause.end]
        if not inside:
            if clause.cue.i in used_cues:
                continue
            speaker, speaker_text, speaker_type = _resolve(
                doc, clause.subject, clause.start, memory
            )
            quotes.append(
                Quote(
                    text=doc_text(doc)[clause.start : clause.end],
                    start_char=clause.start,
                    end_char=clause.end,
                    kind="indirect",
                    speaker=speaker,
                    speaker_text=speaker_text,
                    speaker_type=speaker_type,
                    cue=doc_text(doc)[clause.cue.idx : clause.cue_end],
                    cue_start=clause.cue.idx,
                    cue_end=clause.cue_end,
                    paragraph=bisect.bisect_right(para_starts, clause.start) - 1,
                )
            )
            continue
        if any(q.kind != "partial" or q.start_char < clause.start for q in inside):
            continue
        end = max(clause.end, *(q.end_char for q in inside))
        base = inside[0]
        # the verb reporting the clause speaks for the quoted words inside it, not a verb in the
        # clause ("Mr. Regalado said, Mr. Trump is seen as ''a bully''", "CNN, Cruz said, called")
        inner_cue = base.cue_start is not None and base.cue_start > clause.cue.idx
        if clause.subject is not None and (base.speaker_type == "unknown" or inner_cue):
            speaker, speaker_text, speaker_type = _resolve(
                doc, clause.subject, clause.start, memory
            )
            base = replace(
                base, speaker=speaker, speaker_text=speaker_text, speaker_type=speaker_type
            )
        # "said there is "only one ...," adding that it is why Trump "relentlessly attacks us"":
        # a participle of saying between the verb that reported the quote before and this one
        # reports this one
        renewed = (
            clause.cue.tag_ == "VBG"
            and base.cue_start is not None
            and base.cue_start < clause.cue.idx < base.start_char
        )
        if base.cue is None or inner_cue or renewed:
            base = replace(
                base,
                cue=doc_text(doc)[clause.cue.idx : clause.cue_end],
                cue_start=clause.cue.idx,
                cue_end=clause.cue_end,
            )
        merged = replace(
            base, text=doc_text(doc)[clause.start : end], start_char=clause.start, end_char=end
        )
        quotes = [q for q in quotes if q not in inside] + [merged]
    return quotes


__all__ = ["COGNITION_VERBS", "SPEECH_VERBS", "Quote", "Span", "extract_quotes", "find_quote_marks"]
