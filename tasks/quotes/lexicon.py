"""Word lists and patterns the quote extractor reads: verbs and nouns of saying, titles, hearers,
anonymity phrases, and the regular expressions compiled once per process.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tasks.entities import HEADLINE_VERB_FORMS
from tasks.nlp import (
    CAPS_NAME_WORD,
    CAPS_ROLE,
    FEMALE_TITLES,
    MALE_TITLES,
    PERSON_TITLES,
    TURN_ROLES,
    TURN_STAMP,
    verb_forms,
)

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
    "speculate assure signal chant retweet email charge cry remind"
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
    "host panel committee delegates students listeners viewers readers people counterpart "
    "counterparts"
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
    "forecast calculation examination document documents version versions"
    # plurals of the findings a maker puts out: "calculations by Amy Glasmeier show ..."
    " calculations analyses reviews audits investigations tallies counts forecasts"
)
_AUTHORED = _POLL_NOUNS | frozenset(_AUTHORED_WORDS.split())
# what a person says or writes, whose possessor is its speaker ("His speech cited ...", not
# "His campaign said ...", which speaks for him)
_UTTERANCE_WORDS = (
    "statement statements speech speeches remarks comments letter tweet tweets post op-ed "
    "column memo testimony email emails message essay memoir editorial editorials commentary "
    "commentaries communique reply replies response responses"
)
_UTTERANCES = frozenset(_UTTERANCE_WORDS.split())
# what a maker put out, a document or an utterance: never a person keeping a name back
_DOCUMENTS = _AUTHORED | _UTTERANCES
# where or in what a thing was said: "said in a commentary that ...", "predicted at the debate
# that ...", "alleged in the suit that ..." -- a that-clause the parser hangs on such a noun is
# what was said, even with its "that" made an object inside it (see _that_as_object)
_OCCASION_WORDS = (
    "commentary commentaries editorial editorials interview interviews briefing briefings "
    "conference conferences debate debates hearing hearings rally rallies meeting meetings "
    "broadcast broadcasts dispatch dispatches bulletin bulletins session sessions"
)
_SAID_IN = _AUTHORED | _UTTERANCES | frozenset(_OCCASION_WORDS.split())
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
# (the look-ahead at the first letters lets `re` skip to them: a scan of an article took 0.21
# ms without it, 0.10 with it)
_ANONYMOUS = re.compile(
    r"(?=[adnorw])\b(anonymity|anonymous(?:ly)?|not authori[sz]ed|declined to be (?:named|identified)|"
    # "the envoy (who declined to give his name) said", "would not give her full name"
    r"(?:declined to|would not|did not|refused to) (?:give|provide|disclose) (?:his|her|their) "
    r"(?:full |last )?names?|without giving (?:his|her|their) (?:full |last )?names?|"
    r"(?:asked|asking|asks|requested|requesting|requests) not to be (?:publicly )?"
    r"(?:named|identified|quoted|cited)|on condition of|"
    # "who asked that his name be withheld", "asked that her name not be used"
    r"(?:asked|asking|requested|requesting) that (?:his|her|their) (?:full |last )?names? "
    r"(?:be withheld|not be (?:used|published|given|disclosed))|"
    # the New York Times' "on the condition that he not be named"
    r"on the condition (?:of|that \w+ not be (?:publicly )?(?:named|identified|quoted)))\b",
    re.IGNORECASE,
)
_INDEFINITE = re.compile(
    r"^(?:another|an?|one|some|several|two|three|other|senior|unnamed|a senior)\b", re.IGNORECASE
)
_TITLE_WORDS = re.compile(
    r"^(?:(?:U\.S\.|former|then|acting|deputy|vice|chief|senior)\s+)*"
    rf"(?:{PERSON_TITLES})\.?\s+(?=[A-Z]|(?:de|van|von|da|di|del|al|bin)\s)"
)
# A name after a title at the end of a longer phrase ("the district GOP Chairman Chuck Williams",
# "former Pennsylvania Gov. and DNC Chairman Ed Rendell")
_NAME_AFTER_TITLE = re.compile(
    r"\b(?:Chairman|Chairwoman|Gov\.|Governor|Sen\.|Senator|Rep\.|Representative|Secretary|"
    r"Director|President|Speaker|Minister|Ambassador|Mayor|Judge)\s+"
    r"((?:[A-Z][\w'’.-]*\s+){1,2}[A-Z][\w'’-]+)$"
)
# A Reuters "INSTANT VIEW"'s commentator, on a line of its own above what they said: the name
# and the roles after it in capitals ("DANIEL MERCER, SENIOR FELLOW, PACIFIC SECURITY FORUM,
# WASHINGTON:"), or an unnamed source so described ("WESTERN DIPLOMAT IN BEIJING, WHO ASKED NOT
# TO BE NAMED:"); group 1 is the name or the description
_COMMENTATOR = rf"{CAPS_NAME_WORD}(?:[ \t]+{CAPS_NAME_WORD}){{1,3}}"
_COMMENTATOR_ROLE_END = rf"{CAPS_ROLE}[ \t]*:[ \t]*$"
_COMMENTATOR_LINE = re.compile(rf"^[ \t]*({_COMMENTATOR}){_COMMENTATOR_ROLE_END}", re.MULTILINE)
# Head nouns of descriptions that can stand for a person named earlier ("the U.S. point man")
_PERSON_ROLE = re.compile(
    r"^(?:official|spokes(?:wo)?man|spokesperson|envoy|man|woman|minister|diplomat|delegate|negotiator|"
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
# capitalised verbs a title-case headline puts after a name ("Trump Addresses ..."), and the
# other verbs the entities stage ends a headline's name before ("Clinton Wades In: ...")
_HEADLINE_VERBS = SPEECH_VERBS | OBJECT_VERBS | _PREP_CUES | COGNITION_VERBS | HEADLINE_VERB_FORMS
# Words before a name that give its gender the way a first name does (tasks.nlp)
_FEMALE_TITLES = FEMALE_TITLES
_MALE_TITLES = MALE_TITLES

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
# the honorifics as the tokenizer gives them, which NER leaves out of the name after them
_HONORIFIC_WORDS = frozenset(["mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"])
_MR_BEFORE = re.compile(r"\bMr\.?\s*$")
_MRS_BEFORE = re.compile(r"\bM(?:r)?s\.?\s*$")

# Word classes that do not begin a name: NER runs a person on from a preposition, determiner or
# adjective of a title-case line ("Beneath Clinton", "Top Clinton Aide", "Exclusive Trump")
_NOT_NAME_POS = frozenset(["ADP", "DET", "CCONJ", "SCONJ", "ADV", "AUX", "PART", "ADJ", "VERB"])

# Lower-case particles that begin a name ("de Blasio", "al-Assad", "van Hollen")
_NAME_PARTICLES = frozenset(["de", "del", "da", "di", "van", "von", "al", "el", "bin", "la", "le"])
# Words no name runs across: "Gillibrand on Hillary Releasing ...", "Luciana Lopez: Saying ..."
_NAME_BREAKS = frozenset([":", ";", "/", "on", "about", "for", "to", "with", "at", "in", "and"])
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
# NER labels of a name that may speak: a person, a body, a country, a people
_SPEAKER_ENTS = frozenset(["PERSON", "ORG", "GPE", "NORP"])
# the verbs of a report that relays what others did and said ("KCNA reported that ...")
_RELAYING = frozenset(["reported", "reports", "reporting", "quoted", "quotes"])
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
# the most paragraphs a transcript's turn, or an interview's answer, goes on over below its label's
# (a prepared statement read into a hearing's record runs to a few)
_TURN_PARAGRAPHS_MAX = 6
# the marks a paragraph that opens with a quote opens it with (no turn's or answer's own words)
_QUOTE_OPENERS = "\"'“‘`«"
_SPACED_DASH = re.compile(r"\s[―—–-]\s")
# How far before a quote mark its paragraph is read for the patterns here ("so-called", "U.S.",
# "- Jones:"), which want its last few words: reading the whole paragraph for each of its quotes
# cost time that grows with the paragraph's length squared
_BEFORE_WINDOW = 200
# A dash, a name and a colon right before the opening mark: a quote led in by its source's name
# after a headline ("RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: "Gallup's analysis
# ...", a poll round-up's format), or a list item's dash at the line's start, with a role
# after a comma or in brackets ("- Christopher Hill, United States: "We've made some
# progress."", "- Wu Dawei (China): "..."", a round-up of what each envoy said)
_DASH_LEAD = re.compile(
    r"(?:^|\s)[―—–-][ \t\u00a0]+((?:[A-Z][\w'’.-]*[ \t\u00a0]+){0,3}[A-Z][\w'’-]*)"
    r"(?:,[^:\n\"“”]{1,40}|[ \t\u00a0]*\([^:\n()]{1,40}\))?[ \t\u00a0]*:[ \t\u00a0]*$",
    re.MULTILINE,
)
# A line that names the speaker of the quote below it and ends in a colon, with no verb: a
# round-up's "Kim Kye-gwan, North Korea's chief delegate, on the reactor, Monday:" above the
# quote on the next line; group 1 is the name
_NAME_LEAD_LINE = re.compile(
    r"^((?:[A-Z][\w'’.-]*[ \t\u00a0]+){1,3}[A-Z][\w'’-]*),[^\n\"“”:]{1,200}:[ \t\u00a0]*\n[ \t\u00a0]*$",
    re.MULTILINE,
)
# A wire's "HIGHLIGHTS" or excerpts: the line that introduces the bullets below it with whose
# comments they are ("Following are highlights of comments by U.S. negotiator Christopher Hill
# at a news conference in Beijing on Monday ...:"), and a bullet's mark
_HIGHLIGHTS_INTRO = re.compile(
    r"(?:\b(?i:highlights|excerpts)\b|\bFollowing\s+(?:are|is)\b)[^\n]*?\bby\b[^\n]*:[ \t]*$"
)
_BULLET = re.compile(r"[ \t]*[*•▪][ \t]+")

# a speech's text as its office publishes it: "As Prepared for Delivery" (or "As Delivered")
# under a head that names the speaker on a line of its own, the name and a comma before the
# title ("Christopher R. Hill, Assistant Secretary for East Asian and Pacific Affairs"); every
# paragraph below is the speaker's
_AS_DELIVERED = re.compile(
    r"^[ \t]*\(?(?i:as[ \t]+(?:prepared[ \t]+for[ \t]+delivery|delivered))\)?[ \t]*$", re.M
)
_SPEAKER_HEAD_LINE = re.compile(
    r"^[ \t]*((?:[A-Z][\w.'’-]*[ \t]+){1,3}[A-Z][\w'’-]+),[ \t]+[A-Z][^\n]*$", re.M
)
_SPEECH_HEAD_CHARS = 1000  # the head of a speech's text: a title, the speaker, place and date


# ... and a spokesman's statement as the State Department publishes it: "Press Statement" over
# the line naming who issued it ("Sean McCormack, Spokesman"), its place and date; the statement
# runs to its release number or a note of its release ("2008/508", "Released on June 26, 2008")
_PRESS_STATEMENT = re.compile(r"^[ \t]*Press[ \t]+Statement[ \t]*$", re.M)
_STATEMENT_END = re.compile(r"^[ \t]*(?:\d{4}/\d{1,5}|Released[ \t]+on\b|PRN:|#{3})", re.M)
_STATEMENT_HEAD_CHARS = 300  # from "Press Statement" to the end of the line naming its maker
# the lines after a head's maker: a short line of a place or a date (group 1), or the statement
_HEAD_LINE = re.compile(r"\n[ \t]*(?:([^\n!?\"”]{1,40}?)[ \t]*(?=\n)|[^\n]*)")


@lru_cache(maxsize=8)  # (read for the writer and for the paragraphs: once per text)
def speech_body(text: str) -> tuple[re.Match[str], int, int, int] | None:
    """The line naming the speaker of a speech's or a statement's text (group 1, the name),
    where the speaker's words start and end, and the offset of the head's word that tells what
    they are ("Delivery", "Statement"), when the text is one ("As Prepared for Delivery" under
    its head, or "Press Statement" over it), else None."""
    delivered = _AS_DELIVERED.search(text, 0, _SPEECH_HEAD_CHARS)
    if delivered is not None:
        speaker = _SPEAKER_HEAD_LINE.search(text, 0, delivered.start())
        if speaker is None:
            return None
        told = delivered.start() + len(delivered.group().rstrip(" \t)")) - 1
        return speaker, delivered.end(), len(text), text.rindex(" ", 0, told) + 1
    statement = _PRESS_STATEMENT.search(text, 0, _SPEECH_HEAD_CHARS)
    if statement is None:
        return None
    speaker = _SPEAKER_HEAD_LINE.search(
        text, statement.end(), statement.end() + _STATEMENT_HEAD_CHARS
    )
    if speaker is None:
        return None
    # the statement opens at the first line after the head's place and date lines
    start = speaker.end()
    for line in _HEAD_LINE.finditer(text, speaker.end()):
        start = line.end()
        if line.group(1) is None:
            start = line.start()
            break
    end = _STATEMENT_END.search(text, start)
    told = statement.start() + statement.group().index("Statement")
    return speaker, start, end.start() if end is not None else len(text), told


def speech_speaker(text: str) -> re.Match[str] | None:
    """The line naming the speaker of a speech's or a statement's text (speech_body)."""
    body = speech_body(text)
    return body[0] if body is not None else None


# A dash and a name alone after a closing mark, to the end of its line or before a comma or a
# parenthesis: the byline of an epigraph, a pull quote or a reader's quote in a list
# ('"... He represents our greatest shame." ― Sonya Herridge', '"..." — Jane Doe, 34, Ohio'),
# the dash typed as two hyphens in plain-text copy ('"..." -- Christopher Hill, to reporters')
_DASH_BYLINE = re.compile(
    r"[ \t\u00a0]{0,2}(?:--|[―—–])[ \t\u00a0]*"
    # (a title of several words before the name: "— Secretary of State Condoleezza Rice")
    r"((?:[A-Z][\w'’.-]*[ \t\u00a0]+(?:(?:of|for)[ \t\u00a0]+)?){0,5}[A-Z][\w'’-]*)"
    # ... a body's document or spokesperson after its name ('— North Korean Foreign Ministry
    # statement')
    r"(?:[ \t\u00a0]+(?:statement|spokesman|spokeswoman|spokesperson|official))?"
    r"\.?[ \t\u00a0]*(?=$|\n|,|\()"
)
# ... or alone on the line after a quote that ends its paragraph, a hyphen as good as a dash
# (a fact-check column: '"... pay zero taxes."\n\n- Sanders.'), with a role or date after a
# comma ('\n— Hillary Clinton, Dec. 9, 2009'); not the next item of a list whose line leads in
# a quote of its own ('\n- Kim Kye-gwan, North Korea: "The ball is in the U.S. court."')
_DASH_BYLINE_BELOW = re.compile(
    r"[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)?[ \t\u00a0]*[―—–-][ \t\u00a0]*"
    r"((?:[A-Z][\w'’.-]*[ \t\u00a0]+(?:(?:of|for)[ \t\u00a0]+)?){0,5}[A-Z][\w'’-]*)\.?[ \t\u00a0]*"
    r"(?=$|\n|,(?![^\n]*:[ \t\u00a0]*[\"“‘«`']))"
)

# ... or a description of an unnamed source there ('"..."\n- A South Korean diplomat who asked
# not to be named'); group 1 is the dash, group 2 the description
_DASH_SOURCE_BELOW = re.compile(
    r"[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)?[ \t\u00a0]*([―—–-])[ \t\u00a0]*"
    r"((?:A|An)[ \t\u00a0]+[^\n\"“”]{3,100})$",
    re.MULTILINE,
)
# a reader's signature under the question or letter it signs: "-- Park Ji-won, Daejeon"; group 1
# is the name
_SIGNATURE_LINE = re.compile(
    r"[ \t]*(?:--|[―—–])[ \t]*([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,3}),[ \t]*[A-Z][\w .'’-]{1,40}$"
)
# a social account's name, which speaks for its owner: "@StateDept: "We remain committed ...""
_HANDLE = re.compile(r"@\w{2,30}")

# Objects that are amounts, not what a stance is about ("raised $11.9 million")
_AMOUNTS = frozenset(["MONEY", "CARDINAL", "PERCENT", "QUANTITY", "DATE", "TIME"])

# A byline's credit line: the staff role a newspaper gives under the writer's name
# ("Washington Post Staff Writer", "Associated Press Writer", "Washington Post Foreign
# Service"), title-case but no headline: its "Post" is no verb
_CREDIT_LINE = re.compile(
    r"(?:\b(?:Staff|Associated Press|AP|Special)\s+)?(?:Writers?|Correspondents?|Reporters?"
    r"|Foreign Service|Editor|Contributor)\s*$"
)

# A story's credit to its contributors ("Associated Press writers X in Seoul and Y in Washington
# contributed to this report.", "Z contributed reporting from Tokyo."): who wrote, not what
# anyone said (the tagger reads "writers" as a verb)
_CONTRIBUTORS = re.compile(
    r"\bcontributed(?:\s+reporting)?(?:\s+(?:to\s+this\s+(?:report|story|article)|from\b)|\s*\.)",
    re.IGNORECASE,
)

# ... and a story's closing credits in the passive ("Reported by Jung Min-ho for RFA's Korean
# Service. Translated by Kim Ha-na. Written in English by Daniel Park.")
_CREDITED = re.compile(
    r"\s*(?:(?:Reported|Translated|Written(?:\s+in\s+English)?|Edited|Produced|Compiled)"
    r"\s+by\s+[A-Z]"
    # ... or a wire's credits in brackets: "(Additional reporting by Li Wen in BEIJING; ...)"
    r"|\((?:Additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Cc]ompiling)\s+by\s+"
    # ... or a factbox's or chronology's sources: "(Sources: Reuters, U.S. State Department)"
    r"|\(?Sources?\s*:\s)"
)

# A bare day or part of one that wire copy writes right after the verb ("said Tuesday Japan will
# ...", "said Monday night the North had agreed"), which the parser may run into the reported
# clause's subject as a compound
_BARE_DAY_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "morning",
        "afternoon",
        "evening",
        "night",
    ]
)

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
_TURN = re.compile(rf"({CAPS_NAME_WORD}(?: {CAPS_NAME_WORD}){{0,2}}):[ \t]+(?=\S)")
# A broadcast transcript's turn in NPR's style: a title in lower case, the name in capitals, the
# speaker's role in brackets ("Ambassador STEPHEN BOSWORTH (Special Representative for North Korea
# Policy): ...", "Mr. VICTOR CHA (Georgetown University): ...") or after a comma ("RENEE
# MONTAGNE, host: ..."); a turn has the title or the role (not "In CHINA: ...", a word that is
# no title)
_TRANSCRIPT_TURN = re.compile(
    rf"^\s*{TURN_STAMP}((?:(?:{PERSON_TITLES})\.?\s+)?{CAPS_NAME_WORD}(?:\s+{CAPS_NAME_WORD}){{0,3}})"
    rf"\s*(\([^()\n]{{1,80}}\)|,\s*(?i:{TURN_ROLES})|\s+reporting|{CAPS_ROLE})?"
    r"\s*:\s+(?=\S)"
)
# A reporter's question whose label names the asker in brackets, as a press conference's
# transcript prints it: "Q (Kim Ji-hoon, KBS): ...", "QUESTION (Michael Brennan, AP): ..."; group
# 3 is the name, before the bracket's first comma
_ASKED_TURN = re.compile(
    r"^\s*(Q|QUESTION|REPORTER)\s*(\(\s*([A-Z][^()\n,]{1,60}?)\s*(?:,[^()\n]{0,60})?\))\s*:\s+(?=\S)"
)
# A broadcast script's cut of a speaker's recorded words, labelled in brackets before them:
# "[ACTUALITY: HILL] We have a declaration ...", "(SOUNDBITE: KIM SOOK (VOICE OF INTERPRETER))
# ..."; group 3 is the speaker's name in capitals
_CUT_TURN = re.compile(
    r"^\s*[\[(]((?i:actuality|act|soundbite|sound bite|sot|bite|clip|audio|insert|tape))"
    rf"(\s*:\s*({CAPS_NAME_WORD}(?:\s+{CAPS_NAME_WORD}){{0,3}})(?:\s*\([^()\n]{{1,60}}\))?\s*[\])])"
    r"\s*(?=\S)"
)
# A television script's caption above a soundbite: the speaker's name and role in brackets on a
# line of its own ("[Kim Tae-woo / Korea Institute for Defense Analyses]"), their words below it;
# group 1 is the name
_CAPTION_CUT = re.compile(
    r"[ \t]*\[([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*/[ \t]*[^\]\n]{2,80}\][ \t]*$"
)
# Section labels that look like a "Name:" headline ("The Latest: ...", "UPDATE: ...")
_LABEL = re.compile(
    r"^(?:the|a|an|answer|this|latest|update[sd]?|breaking|exclusive|watch|analysis|opinion|editorial|"
    r"live|video|photos?|factbox|explainer|note|editor['’]?s note|corrections?|clarifications?|"
    r"related|"
    r"sources?|credits?|via|images?|graphic|chart|map|data|"  # "Source: CDC, ..." under a chart
    # page furniture: "Disclaimer: The content is solely ...", "Read: Two disasters are ..."
    r"disclaimer|disclosures?|definitions?|background|summary|ingredients|directions|keywords|"
    r"tags|course|cuisine|read(?:\s+(?:also|more))?|"
    # the fields of a diplomatic cable's or a hearing transcript's head: "SUBJECT: NORTH KOREA:
    # STATUS OF THE SIX-PARTY TALKS", "WITNESS: CHRISTOPHER HILL, ...", "Classified By: ..."
    r"subject|witness(?:es)?|location|venue|ref|reasons?|(?:classified\s+)?by|participants|"
    # credits: "Contributing: Nicole Gaudiano." closes a USA Today story, "BYLINE: Amber Phillips."
    r"contributing|byline|paid notice|"
    # a page's stamps: "Published: September 21 2005 02:00", "Last Modified: 15 Apr 2009 10:14"
    r"(?:first\s+)?published|posted|(?:last\s+)?(?:updated|modified)|"
    # headline kickers: "BOOM: Trump Just Fired ...", "Revealed: What ISIS Propaganda ..."
    r"wow|boom|busted|revealed|(?:just\s+)?leaked|just in|bombshell|"
    # an answer's lead-in or an event notice's fields: "So: ...", "Bottom line: ...", "When: ..."
    r"so|plus|bottom line|what|when|where|why|how|"
    # wire kinds of story: "INTERVIEW: Hill says ...", "TIMELINE: ...", "Q&A: ..."
    r"interview|timeline|profile|newsmaker|insight|special report|q ?(?:&|\+|and) ?a|wrap-?up|"
    r"preview|feature|commentary|fact check|obituary|transcript|"
    # a book's passage a paper runs: "EXCERPT: 'The Long Table'"
    r"excerpts?|"
    # a documentary's script: "NARRATOR: On the morning of ..." is the script's own telling
    r"narrator|narration|"
    # a paper's section over a review: "BOOKS: A Seat at the Long Table"
    r"books?|book review|"
    # (AFP's and Reuters' slugs: "FOCUS: World capitals weigh ...", "WEEKAHEAD: ...")
    r"focus|week ?ahead|snap analysis|instant view|highlights|"
    # a live page's or a digest's entries out of their order: "Earlier: The U.S. delegation ..."
    r"earlier|later|meanwhile|elsewhere|previously|also|now|today|tonight|yesterday|"
    # a section's place or time: "In CHINA: The ministry said ...", "On Monday: ..."
    r"(?:in|at|on|from|inside|across|around|after|before)\s+\w+)\b"
    # a newsletter's or live page's section: "Delegate Update:", "Tuesday’s Morning Email:",
    # "STAT OF THE WEEK:", "News Guide:"; a broadcast's programme: "Morning Edition:"
    r"|^(?:[\w'’.-]+\s+){0,4}(?:update|guide|e-?mail|newsletter|digest|roundup|recap|edition|"
    # ... or an event's write-up: "EVENT SUMMARY: After the Joint Statement"
    r"summary|"
    # ... or an agency's kind of story: "AP Interview:", "Yonhap Interview:"
    r"interview|of the (?:week|day))$",
    re.IGNORECASE,
)


# a live page's time stamp opening an entry: "18:40 GMT: ", "9:05 a.m. EST: "
# (or a wire's four digits with their zone: "1340 GMT: ...", not a chronology's "2007: ...")
_CLOCK_LABEL = re.compile(
    r"[ \t]*(?:\d{1,2}[:.]\d\d(?:\s*[aApP]\.?[mM]\.?)?(?:\s+[A-Z]{2,4})?|[0-2]\d[0-5]\d\s+[A-Z]{2,4})"
    r"\s*:\s*"
)


def _person_word(word: str) -> bool:
    """Whether a word is a role or trade that names a person ("spokeswoman", "tycoon")."""
    return bool(_PERSON_ROLE.search(word) or _PERSON_NOUN.search(word))


# verbs of an attribution set off inside the sentence it reports ("X, Bosworth told reporters,
# is ready"), in the past or present
_SET_OFF_CUE_WORDS = (
    "said says told tells added adds noted notes wrote writes insisted insists argued argues "
    "warned warns stressed stresses explained explains reported reports"
)
_SET_OFF_CUES = frozenset(_SET_OFF_CUE_WORDS.split())
# words that open a predicate with no subject of its own after such an attribution
_PREDICATE_OPENER_WORDS = (
    "is was are were will would had has have could can may might should must did does do "
    "remains remained"
)
_PREDICATE_OPENERS = frozenset(_PREDICATE_OPENER_WORDS.split())

# "his wife, Jane,", "Trump's daughter Ivanka": a relative named by a first name only
_KIN_WORDS = (
    "wife husband son daughter brother sister mother father niece nephew grandson granddaughter"
)
KIN = frozenset(_KIN_WORDS.split())
MALE_KIN = frozenset(["husband", "son", "brother", "father", "nephew", "grandson"])
