//! The one home of every word list the reading needs: cues of attribution, pronouns, titles,
//! role nouns, organisation words and first names.
//!
//! ## What it handles
//! Cues as PolNeAR and PARC define them: verbs of speech and writing ("said", "tweeted"),
//! of position and argument ("insisted", "denied", "warned"), of belief, intention and
//! evidence ("believes", "fears", "plans", "polls show"), each with its inflected forms
//! written out; [`Cue`] says which kind and whether it takes its content as a clause.
//! Titles before a name ("Sen.", "Lt. Col.", "Secretary of State"), role nouns that name a
//! person ("the minister", "a spokeswoman") with the gender some of them carry, words that
//! make a capitalised name an organisation ("Committee", "Post") and common first names with
//! their usual gender, which is only a default: what an article says of a person ("Mrs.",
//! "she") wins.
//!
//! ## What it does not
//! Morphology: a form that is not written here is not a cue. Languages other than English.

// Word lists are looked up for every token: a fast hash for short keys.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// What kind of attribution a cue makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// Speaking aloud: "said", "told", "added", "asked".
    Speech,
    /// Writing or posting: "wrote", "tweeted", "posted".
    Writing,
    /// Taking a position: "argued", "insisted", "denied", "warned", "urged".
    Position,
    /// Believing, fearing, wanting, planning, expecting.
    Belief,
    /// Evidence that shows or finds: "polls show", "the report found".
    Evidence,
}

/// A cue word's reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Its kind.
    pub kind: CueKind,
    /// True when the word is a present participle ("saying", "adding"), which attaches to
    /// the subject of the clause before it.
    pub participle: bool,
    /// True when it is the verb's base form ("say", "believe"), which needs a plural or
    /// first-person subject or an auxiliary.
    pub base: bool,
}

/// The cue of "as she put it": speech, in the past or the present.
pub const PUT_IT: Cue = Cue {
    kind: CueKind::Speech,
    participle: false,
    base: false,
};

/// Cue verbs, one line a verb: its forms base, third person, past, participle.
const CUE_VERBS: &[(CueKind, &str)] = &[
    (CueKind::Speech, "say says said saying"),
    (CueKind::Speech, "tell tells told telling"),
    (CueKind::Speech, "add adds added adding"),
    (CueKind::Speech, "state states stated stating"),
    (CueKind::Speech, "note notes noted noting"),
    (CueKind::Speech, "explain explains explained explaining"),
    (CueKind::Speech, "declare declares declared declaring"),
    (CueKind::Speech, "announce announces announced announcing"),
    (CueKind::Speech, "remark remarks remarked remarking"),
    (CueKind::Speech, "reply replies replied replying"),
    (CueKind::Speech, "exhort exhorts exhorted exhorting"),
    (CueKind::Speech, "marvel marvels marvelled marvelling"),
    (CueKind::Speech, "marvel marvels marveled marveling"),
    (CueKind::Speech, "sneer sneers sneered sneering"),
    (CueKind::Speech, "chide chides chided chiding"),
    (CueKind::Speech, "opine opines opined opining"),
    (CueKind::Speech, "posit posits posited positing"),
    (CueKind::Speech, "respond responds responded responding"),
    (CueKind::Speech, "answer answers answered answering"),
    (CueKind::Speech, "ask asks asked asking"),
    (CueKind::Speech, "continue continues continued continuing"),
    (CueKind::Speech, "recall recalls recalled recalling"),
    (CueKind::Speech, "mention mentions mentioned mentioning"),
    (CueKind::Speech, "comment comments commented commenting"),
    (CueKind::Speech, "testify testifies testified testifying"),
    (CueKind::Speech, "quip quips quipped quipping"),
    (CueKind::Speech, "joke jokes joked joking"),
    (CueKind::Speech, "shout shouts shouted shouting"),
    (CueKind::Speech, "exclaim exclaims exclaimed exclaiming"),
    (CueKind::Speech, "whisper whispers whispered whispering"),
    (CueKind::Speech, "disclose discloses disclosed disclosing"),
    (CueKind::Speech, "reveal reveals revealed revealing"),
    (CueKind::Speech, "confirm confirms confirmed confirming"),
    (CueKind::Speech, "report reports reported reporting"),
    (CueKind::Speech, "repeat repeats repeated repeating"),
    (
        CueKind::Speech,
        "reiterate reiterates reiterated reiterating",
    ),
    (
        CueKind::Speech,
        "acknowledge acknowledges acknowledged acknowledging",
    ),
    (CueKind::Speech, "admit admits admitted admitting"),
    (CueKind::Speech, "concede concedes conceded conceding"),
    (CueKind::Speech, "boast boasts boasted boasting"),
    (CueKind::Speech, "brag brags bragged bragging"),
    (CueKind::Speech, "complain complains complained complaining"),
    (CueKind::Speech, "lament laments lamented lamenting"),
    (CueKind::Speech, "observe observes observed observing"),
    (CueKind::Speech, "inform informs informed informing"),
    (CueKind::Speech, "predict predicts predicted predicting"),
    (CueKind::Speech, "promise promises promised promising"),
    (CueKind::Speech, "vow vows vowed vowing"),
    (CueKind::Speech, "pledge pledges pledged pledging"),
    (CueKind::Speech, "estimate estimates estimated estimating"),
    (CueKind::Speech, "recount recounts recounted recounting"),
    (CueKind::Speech, "describe describes described describing"),
    (CueKind::Speech, "call calls called calling"),
    (CueKind::Speech, "quote quotes quoted quoting"),
    (CueKind::Speech, "chant chants chanted chanting"),
    (CueKind::Speech, "yell yells yelled yelling"),
    (CueKind::Speech, "cry cries cried crying"),
    (CueKind::Speech, "muse muses mused musing"),
    (CueKind::Speech, "tease teases teased teasing"),
    (
        CueKind::Speech,
        "interject interjects interjected interjecting",
    ),
    (CueKind::Speech, "sob sobs sobbed sobbing"),
    (CueKind::Speech, "rage rages raged raging"),
    (CueKind::Speech, "gasp gasps gasped gasping"),
    (CueKind::Speech, "blast blasts blasted blasting"),
    (CueKind::Speech, "fume fumes fumed fuming"),
    (CueKind::Speech, "beam beams beamed beaming"),
    (
        CueKind::Speech,
        "apologise apologises apologised apologising",
    ),
    (
        CueKind::Speech,
        "apologize apologizes apologized apologizing",
    ),
    (CueKind::Speech, "gush gushes gushed gushing"),
    (CueKind::Speech, "enthuse enthuses enthused enthusing"),
    (CueKind::Speech, "rave raves raved raving"),
    (CueKind::Speech, "grumble grumbles grumbled grumbling"),
    (CueKind::Speech, "moan moans moaned moaning"),
    (CueKind::Speech, "groan groans groaned groaning"),
    (CueKind::Speech, "mutter mutters muttered muttering"),
    (CueKind::Speech, "murmur murmurs murmured murmuring"),
    (CueKind::Speech, "roar roars roared roaring"),
    (CueKind::Speech, "bellow bellows bellowed bellowing"),
    (CueKind::Speech, "scoff scoffs scoffed scoffing"),
    (CueKind::Speech, "gloat gloats gloated gloating"),
    (CueKind::Speech, "rant rants ranted ranting"),
    (CueKind::Speech, "chuckle chuckles chuckled chuckling"),
    (CueKind::Speech, "snap snaps snapped snapping"),
    (CueKind::Speech, "plead pleads pleaded pleading"),
    (CueKind::Speech, "beg begs begged begging"),
    (CueKind::Speech, "scream screams screamed screaming"),
    (CueKind::Speech, "weep weeps wept weeping"),
    (CueKind::Speech, "sigh sighs sighed sighing"),
    (CueKind::Speech, "laugh laughs laughed laughing"),
    (CueKind::Speech, "thunder thunders thundered thundering"),
    (CueKind::Speech, "slam slams slammed slamming"),
    (CueKind::Speech, "liken likens likened likening"),
    (CueKind::Speech, "dub dubs dubbed dubbing"),
    (CueKind::Speech, "brand brands branded branding"),
    (CueKind::Speech, "label labels labeled labeling"),
    (CueKind::Speech, "label labels labelled labelling"),
    (CueKind::Speech, "term terms termed terming"),
    (CueKind::Speech, "put puts put putting"),
    (CueKind::Speech, "assure assures assured assuring"),
    (CueKind::Speech, "remind reminds reminded reminding"),
    (
        CueKind::Speech,
        "elaborate elaborates elaborated elaborating",
    ),
    (CueKind::Speech, "clarify clarifies clarified clarifying"),
    (CueKind::Speech, "specify specifies specified specifying"),
    (CueKind::Writing, "write writes wrote writing"),
    (CueKind::Writing, "tweet tweets tweeted tweeting"),
    (CueKind::Writing, "post posts posted posting"),
    (CueKind::Writing, "blog blogs blogged blogging"),
    (CueKind::Writing, "text texts texted texting"),
    (CueKind::Writing, "email emails emailed emailing"),
    (CueKind::Writing, "publish publishes published publishing"),
    (CueKind::Writing, "read reads read reading"),
    (CueKind::Position, "argue argues argued arguing"),
    (CueKind::Position, "insist insists insisted insisting"),
    (
        CueKind::Position,
        "maintain maintains maintained maintaining",
    ),
    (CueKind::Position, "claim claims claimed claiming"),
    (CueKind::Position, "contend contends contended contending"),
    (CueKind::Position, "allege alleges alleged alleging"),
    (CueKind::Position, "assert asserts asserted asserting"),
    (CueKind::Position, "suggest suggests suggested suggesting"),
    (CueKind::Position, "propose proposes proposed proposing"),
    (CueKind::Position, "warn warns warned warning"),
    (CueKind::Position, "caution cautions cautioned cautioning"),
    (CueKind::Position, "urge urges urged urging"),
    (CueKind::Position, "deny denies denied denying"),
    (CueKind::Position, "dispute disputes disputed disputing"),
    (CueKind::Position, "counter counters countered countering"),
    (CueKind::Position, "retort retorts retorted retorting"),
    (CueKind::Position, "stress stresses stressed stressing"),
    (
        CueKind::Position,
        "emphasize emphasizes emphasized emphasizing",
    ),
    (
        CueKind::Position,
        "emphasise emphasises emphasised emphasising",
    ),
    (CueKind::Position, "charge charges charged charging"),
    (CueKind::Position, "accuse accuses accused accusing"),
    (CueKind::Position, "demand demands demanded demanding"),
    (CueKind::Position, "conclude concludes concluded concluding"),
    (CueKind::Position, "signal signals signaled signaling"),
    (CueKind::Position, "signal signals signalled signalling"),
    (CueKind::Position, "indicate indicates indicated indicating"),
    (CueKind::Position, "hint hints hinted hinting"),
    (CueKind::Position, "imply implies implied implying"),
    (
        CueKind::Position,
        "threaten threatens threatened threatening",
    ),
    (
        CueKind::Position,
        "criticize criticizes criticized criticizing",
    ),
    (
        CueKind::Position,
        "criticise criticises criticised criticising",
    ),
    (CueKind::Position, "blame blames blamed blaming"),
    (CueKind::Position, "praise praises praised praising"),
    (
        CueKind::Position,
        "question questions questioned questioning",
    ),
    (CueKind::Position, "dismiss dismisses dismissed dismissing"),
    (CueKind::Position, "reject rejects rejected rejecting"),
    (
        CueKind::Position,
        "recommend recommends recommended recommending",
    ),
    (CueKind::Position, "advise advises advised advising"),
    (CueKind::Belief, "believe believes believed believing"),
    (CueKind::Belief, "think thinks thought thinking"),
    (CueKind::Belief, "feel feels felt feeling"),
    (CueKind::Belief, "fear fears feared fearing"),
    (CueKind::Belief, "worry worries worried worrying"),
    (CueKind::Belief, "hope hopes hoped hoping"),
    (CueKind::Belief, "expect expects expected expecting"),
    (CueKind::Belief, "want wants wanted wanting"),
    (CueKind::Belief, "plan plans planned planning"),
    (CueKind::Belief, "intend intends intended intending"),
    (CueKind::Belief, "know knows knew knowing"),
    (CueKind::Belief, "doubt doubts doubted doubting"),
    (CueKind::Belief, "suspect suspects suspected suspecting"),
    (CueKind::Belief, "assume assumes assumed assuming"),
    (CueKind::Belief, "reckon reckons reckoned reckoning"),
    (
        CueKind::Belief,
        "understand understands understood understanding",
    ),
    (CueKind::Belief, "realize realizes realized realizing"),
    (CueKind::Belief, "realise realises realised realising"),
    (CueKind::Belief, "wonder wonders wondered wondering"),
    (CueKind::Evidence, "show shows showed showing"),
    (CueKind::Evidence, "find finds found finding"),
];

/// Verbs that take their content as a clause, with or without "that" ("said the port would
/// reopen"); the others take it only after "that" or as a quotation ("warned that ...",
/// "praised the plan" is no report).
const BARE_CLAUSE: &[&str] = &[
    "say",
    "tell",
    "add",
    "insist",
    "warn",
    "confirm",
    "note",
    "explain",
    "stress",
    "argue",
    "claim",
    "admit",
    "acknowledge",
    "believe",
    "think",
    "feel",
    "fear",
    "hope",
    "expect",
    "know",
    "suggest",
    "predict",
    "estimate",
    "write",
    "tweet",
    "post",
    "announce",
    "reckon",
    "assume",
    "suspect",
    "doubt",
    "show",
    "find",
    "contend",
    "maintain",
    "concede",
    "worry",
    "understand",
    "recall",
    "reiterate",
    "declare",
    "state",
    "report",
    "reveal",
    "allege",
    "assert",
    "indicate",
    "signal",
    "emphasize",
    "emphasise",
    "realize",
    "realise",
];

/// Verbs of speech and position whose infinitive with "to" is what they report ("vowed to
/// take her seat", "threatened to fine Zuri"); the verbs of belief that do are
/// [`takes_intent`].
pub fn reports_infinitive(base: &str) -> bool {
    matches!(
        base,
        "vow" | "promise" | "pledge" | "threaten" | "ask" | "urge" | "tell" | "warn" | "advise"
    )
}

/// Verbs whose infinitive may follow a short object, who is to act ("expects the regulator
/// to impose", "asked drivers to stay away").
pub fn object_before_infinitive(base: &str) -> bool {
    matches!(
        base,
        "expect" | "want" | "ask" | "urge" | "tell" | "warn" | "advise" | "need"
    )
}

/// Verbs that take the person spoken to as an object before the content ("told reporters
/// that", "warned the council the dam would fail").
pub fn takes_object(base: &str) -> bool {
    matches!(
        base,
        "tell" | "ask" | "inform" | "warn" | "assure" | "remind" | "promise" | "urge" | "advise"
    )
}

/// Verbs of reaction, whose object a participle after them goes on to explain ("welcomed
/// the offer, stressing …", "condemned the closure, saying …").
pub fn reaction(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "welcomed"
            | "condemned"
            | "praised"
            | "criticized"
            | "criticised"
            | "thanked"
            | "hailed"
            | "rejected"
            | "dismissed"
            | "applauded"
            | "slammed"
            | "blasted"
            | "defended"
            | "backed"
            | "endorsed"
            | "opposed"
            | "supported"
            | "attacked"
            | "accused"
            | "denied"
            | "questioned"
            | "lauded"
            | "decried"
            | "denounced"
            | "celebrated"
    )
}

/// Cue verbs whose third-person form is also a plural noun ("tweets", "claims", "reports").
pub fn noun_too(base: &str) -> bool {
    matches!(
        base,
        "tweet"
            | "post"
            | "report"
            | "claim"
            | "call"
            | "plan"
            | "fear"
            | "hope"
            | "doubt"
            | "answer"
            | "comment"
            | "question"
            | "note"
            | "remark"
            | "demand"
            | "promise"
            | "pledge"
            | "estimate"
            | "text"
            | "email"
            | "blog"
            | "quote"
            | "reply"
            | "charge"
            | "counter"
            | "signal"
            | "hint"
            | "label"
            | "brand"
            | "term"
            | "joke"
            | "shout"
            | "whisper"
            | "show"
            | "find"
            | "read"
            | "want"
    )
}

/// Prepositions of time or circumstance that set what follows apart from a verb before
/// them ("spoke after the …", "resigned amid …").
pub fn sets_apart(word: &str) -> bool {
    matches!(
        word,
        "after" | "before" | "amid" | "despite" | "following" | "during" | "since" | "until"
    )
}

/// Words before a verb that make it report nothing: an infinitive, a negation, a passive
/// ("to say", "did not say", "be said").
pub fn blocks_verb(word: &str) -> bool {
    matches!(
        word,
        "to" | "not" | "never" | "n't" | "so" | "be" | "been" | "being"
    )
}

/// Words that tie a participle of speech to its sentence's subject: a conjunction or an
/// adverb ("while saying", "and adding", "repeatedly saying"), a preposition ("began by
/// saying", "when announcing") or a verb of aspect ("kept insisting", "started asking").
/// "Without saying" reports nothing; after "for" the one who spoke may be the object
/// ("critics attacked Oz for saying"): neither is here.
pub fn links_participle(word: &str) -> bool {
    matches!(
        word,
        "while"
            | "before"
            | "after"
            | "and"
            | "having"
            | "also"
            | "repeatedly"
            | "later"
            | "by"
            | "when"
            | "upon"
            | "began"
            | "begun"
            | "begin"
            | "begins"
            | "started"
            | "starts"
            | "kept"
            | "keeps"
            | "continued"
            | "continues"
    )
}

/// Works that speak for whoever made them, named after "by" or "from": "according to an
/// analysis by the Pew Research Center", "a report from the budget office".
pub fn work_of_someone(word: &str) -> bool {
    document_word(word)
        || matches!(
            word.to_lowercase().as_str(),
            "analysis"
                | "study"
                | "survey"
                | "poll"
                | "review"
                | "audit"
                | "estimate"
                | "estimates"
                | "data"
                | "figures"
                | "documents"
                | "records"
                | "tally"
                | "count"
                | "projections"
                | "assessment"
                | "investigation"
                | "findings"
                | "research"
                | "calculations"
                | "statistics"
                | "email"
                | "emails"
                | "numbers"
                | "results"
                | "returns"
        )
}

/// Whether a capitalised word has the ending of a noun of what someone does ("Pensioner",
/// "Rector", "Pharmacist", "Librarian", "Attendant"); names share these endings, so that
/// it is asked only of a word no known first name is.
pub fn agent_noun(word: &str) -> bool {
    let w = word.to_lowercase();
    w.len() >= 5
        && w.chars().all(char::is_alphabetic)
        && ["er", "or", "ist", "ian", "ant", "ent", "eer"]
            .iter()
            .any(|e| w.ends_with(e))
}

/// Adverbs that stand between a subject and its verb ("officers still scrutinize", "they
/// never paid").
pub fn before_verb(word: &str) -> bool {
    matches!(
        word,
        "still"
            | "never"
            | "already"
            | "often"
            | "always"
            | "now"
            | "also"
            | "rarely"
            | "seldom"
            | "usually"
            | "sometimes"
            | "repeatedly"
            | "routinely"
    )
}

/// Determiners, before which a cue word is a noun ("the claims", "his reports").
pub fn determiner(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| {
        "the a an his her their its our my your this that these those of new such no any some"
            .split_whitespace()
            .collect()
    });
    SET.contains(word)
}

/// Words that follow a plural noun rather than a verb ("claims are", "reports of",
/// "tweets about").
pub fn follows_nouns(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| {
        "are were have had of from about by with and or remain show"
            .split_whitespace()
            .collect()
    });
    SET.contains(word)
}

/// Auxiliaries and modals, after which a verb follows ("would say", "did claim").
pub fn auxiliary(word: &str) -> bool {
    matches!(
        word,
        "would"
            | "will"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "did"
            | "do"
            | "does"
    )
}

/// Words right before a verb in its base form that are its subject or take it: "they
/// say", "would say", "who say", "also say".
pub fn takes_base_form(word: &str) -> bool {
    auxiliary(word)
        || matches!(
            word,
            "i" | "we" | "they" | "you" | "also" | "still" | "often" | "who"
        )
}

/// Whether a phrase opening with `first` and `second` (lower case) describes the name
/// before it: "a virologist", "the chair", "his lawyer", "now a paid commentator",
/// "then the party's treasurer".
pub fn opens_apposition(first: &str, second: &str) -> bool {
    let determiner = |w: &str| matches!(w, "a" | "an" | "the" | "his" | "her" | "their" | "its");
    determiner(first)
        || (matches!(
            first,
            "now" | "then" | "formerly" | "once" | "also" | "still"
        ) && determiner(second))
}

/// Determiners that open a verb's object ("gives his campaign", "makes the case").
pub fn object_opener(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "some"
            | "any"
            | "no"
            | "every"
            | "each"
    )
}

/// Verbs of belief that report an intent with "to" ("plans to", "wants to", "hopes to"),
/// unlike those that take "to be" of a thing ("knew it to be improper").
pub fn takes_intent(base: &str) -> bool {
    !matches!(
        base,
        "know" | "think" | "believe" | "consider" | "find" | "deem" | "suspect" | "understand"
    )
}

/// Words that open a question a reporter says someone asked ("asked whether", "asked
/// about").
pub fn question_word(word: &str) -> bool {
    matches!(
        word,
        "about" | "whether" | "if" | "who" | "what" | "which" | "how" | "why" | "when" | "where"
    )
}

/// Words that stand for several people without a plural "-s", as a subject of a verb in
/// its base form ("Police say", "people believe", "Many argue").
pub fn plural_without_s(word: &str) -> bool {
    matches!(
        word,
        "police"
            | "people"
            | "staff"
            | "personnel"
            | "military"
            | "public"
            | "media"
            | "clergy"
            | "men"
            | "women"
            | "children"
            | "many"
            | "some"
            | "few"
            | "both"
            | "others"
            | "all"
    )
}

/// Verbs of verdict: they take an object and what it is called ("called them
/// game-changing", "described the concession as historic").
pub fn verdict(base: &str) -> bool {
    matches!(
        base,
        "call" | "describe" | "label" | "brand" | "dub" | "term" | "liken"
    )
}

/// Nouns that name a written text, which can be the source of what it says ("the treaty
/// clause that states …").
pub fn document_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "treaty"
            | "charter"
            | "constitution"
            | "convention"
            | "resolution"
            | "law"
            | "act"
            | "agreement"
            | "accord"
            | "article"
            | "ruling"
            | "indictment"
            | "letter"
            | "document"
            | "report"
            | "statement"
            | "clause"
            | "section"
            | "bill"
            | "memo"
            | "provision"
            | "filing"
            | "complaint"
            | "lawsuit"
            | "order"
            | "decree"
    )
}

/// The cue a lower-case word is, if any, and the verb it is a form of.
pub fn cue(word: &str) -> Option<(Cue, &'static str)> {
    static FORMS: LazyLock<HashMap<&'static str, (Cue, &'static str)>> = LazyLock::new(|| {
        let mut forms = HashMap::default();
        for (kind, line) in CUE_VERBS {
            let mut it = line.split(' ');
            let base = it.next().unwrap_or("");
            let cue = |participle, base_form| Cue {
                kind: *kind,
                participle,
                base: base_form,
            };
            forms.entry(base).or_insert((cue(false, true), base));
            for (k, form) in it.enumerate() {
                forms.entry(form).or_insert((cue(k == 2, false), base));
            }
        }
        forms
    });
    FORMS.get(word).copied()
}

/// Whether a cue verb (its base form) takes a clause without "that".
pub fn takes_bare_clause(base: &str) -> bool {
    BARE_CLAUSE.contains(&base)
}

/// Gender a word or name carries, where it carries one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// He, him, his, Mr., spokesman.
    Male,
    /// She, her, Mrs., Ms., spokeswoman.
    Female,
}

/// What a pronoun may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    /// He, she and their other forms.
    Person(Gender),
    /// They, them, their: several people, or an organisation.
    Plural,
    /// It, its: an organisation or a thing.
    Thing,
    /// I, me, my, we, us, our: the speaker of the words around it.
    Speaker,
}

/// The pronoun a word is (any case), if any.
pub fn pronoun(word: &str) -> Option<PronounKind> {
    Some(match without_contraction(&word.to_lowercase()) {
        "he" | "him" | "his" | "himself" => PronounKind::Person(Gender::Male),
        "she" | "her" | "hers" | "herself" => PronounKind::Person(Gender::Female),
        "they" | "them" | "their" | "themselves" => PronounKind::Plural,
        "it" | "its" | "itself" => PronounKind::Thing,
        "i" | "me" | "my" | "we" | "us" | "our" => PronounKind::Speaker,
        _ => return None,
    })
}

/// Whether a pronoun form can be a subject ("he", not "him" or "his").
pub fn subject_pronoun(word: &str) -> bool {
    matches!(
        without_contraction(&word.to_lowercase()),
        "he" | "she" | "they" | "it" | "i" | "we"
    )
}

/// A word without the verb run on to it: "she’ll", "he'd", "they've" are "she", "he",
/// "they".
fn without_contraction(w: &str) -> &str {
    w.split_once(['’', '\''])
        .filter(|(_, v)| matches!(*v, "ll" | "d" | "s" | "re" | "ve" | "m"))
        .map_or(w, |(p, _)| p)
}

/// Titles written before a name, with the gender some carry. A title may end with a full
/// stop ("Sen.", "Lt."); multi-word titles ("Secretary of State") are read word by word.
const TITLES: &[(&str, Option<Gender>)] = &[
    ("mr", Some(Gender::Male)),
    ("mrs", Some(Gender::Female)),
    ("ms", Some(Gender::Female)),
    ("miss", Some(Gender::Female)),
    ("sir", Some(Gender::Male)),
    ("dame", Some(Gender::Female)),
    ("lord", Some(Gender::Male)),
    ("lady", Some(Gender::Female)),
    ("king", Some(Gender::Male)),
    ("queen", Some(Gender::Female)),
    ("prince", Some(Gender::Male)),
    ("princess", Some(Gender::Female)),
    ("father", Some(Gender::Male)),
    ("sister", Some(Gender::Female)),
    ("congressman", Some(Gender::Male)),
    ("congresswoman", Some(Gender::Female)),
    ("councilman", Some(Gender::Male)),
    ("councilwoman", Some(Gender::Female)),
    ("dr", None),
    ("prof", None),
    ("professor", None),
    ("sen", None),
    ("senator", None),
    ("rep", None),
    ("representative", None),
    ("gov", None),
    ("governor", None),
    ("lt", None),
    ("col", None),
    ("gen", None),
    ("maj", None),
    ("capt", None),
    ("sgt", None),
    ("adm", None),
    ("cmdr", None),
    ("rev", None),
    ("president", None),
    ("vice", None),
    ("secretary", None),
    ("minister", None),
    ("prime", None),
    ("chancellor", None),
    ("mayor", None),
    ("judge", None),
    ("justice", None),
    ("speaker", None),
    ("chairman", Some(Gender::Male)),
    ("chairwoman", Some(Gender::Female)),
    ("chair", None),
    ("ambassador", None),
    ("attorney", None),
    ("general", None),
    ("commissioner", None),
    ("councillor", None),
    ("councilor", None),
    ("detective", None),
    ("officer", None),
    ("inspector", None),
    ("chief", None),
    ("coach", None),
    ("pope", Some(Gender::Male)),
    ("sheikh", Some(Gender::Male)),
    ("emir", Some(Gender::Male)),
    ("leader", None),
    ("majority", None),
    ("minority", None),
    ("deputy", None),
    ("former", None),
    ("state", None),
    ("foreign", None),
    ("defense", None),
    ("defence", None),
    ("interior", None),
    ("finance", None),
    ("health", None),
    ("transport", None),
    ("house", None),
    ("senate", None),
    ("democratic", None),
    ("republican", None),
    ("gop", None),
    ("presidential", None),
    ("candidate", None),
    ("nominee", None),
    ("hopeful", None),
    ("executive", None),
    ("director", None),
    ("captain", None),
    ("superintendent", None),
    ("sheriff", None),
    ("lieutenant", None),
    ("colonel", None),
    ("sergeant", None),
    ("admiral", None),
    ("elder", None),
    ("acting", None),
    ("grandmaster", None),
    ("auditor", None),
    ("councilmember", None),
    ("assemblyman", Some(Gender::Male)),
    ("assemblywoman", Some(Gender::Female)),
];

/// The title a word is (any case, a final full stop ignored), with its gender.
pub fn title(word: &str) -> Option<Option<Gender>> {
    static MAP: LazyLock<HashMap<&str, Option<Gender>>> =
        LazyLock::new(|| TITLES.iter().copied().collect());
    MAP.get(word.trim_end_matches('.').to_lowercase().as_str())
        .copied()
}

/// Role nouns that name one person ("the minister said", "a spokeswoman for the fund"),
/// with the gender some carry.
const PERSON_ROLES: &[(&str, Option<Gender>)] = &[
    ("source", None),
    ("spokesman", Some(Gender::Male)),
    ("spokeswoman", Some(Gender::Female)),
    ("spokesperson", None),
    ("agent", None),
    ("treasurer", None),
    ("striker", None),
    ("midfielder", None),
    ("ombudsman", None),
    ("midwife", None),
    ("headteacher", None),
    ("pastor", None),
    ("campaigner", None),
    ("premier", None),
    ("curator", None),
    ("minister", None),
    ("mayor", None),
    ("governor", None),
    ("president", None),
    ("director", None),
    ("secretary", None),
    ("commander", None),
    ("chairman", Some(Gender::Male)),
    ("chairwoman", Some(Gender::Female)),
    ("chair", None),
    ("coach", None),
    ("captain", None),
    ("envoy", None),
    ("lawyer", None),
    ("attorney", None),
    ("judge", None),
    ("chancellor", None),
    ("senator", None),
    ("congressman", Some(Gender::Male)),
    ("congresswoman", Some(Gender::Female)),
    ("executive", None),
    ("ceo", None),
    ("boss", None),
    ("manager", None),
    ("leader", None),
    ("founder", None),
    ("owner", None),
    ("prosecutor", None),
    ("inspector", None),
    ("aide", None),
    ("adviser", None),
    ("advisor", None),
    ("strategist", None),
    ("official", None),
    ("officer", None),
    ("analyst", None),
    ("economist", None),
    ("professor", None),
    ("researcher", None),
    ("expert", None),
    ("nominee", None),
    ("candidate", None),
    ("chief", None),
    ("head", None),
    ("pollster", None),
    ("surrogate", None),
    ("ambassador", None),
    ("diplomat", None),
    ("commissioner", None),
    ("sheriff", None),
    ("coroner", None),
    ("detective", None),
    ("witness", None),
    ("doctor", None),
    ("surgeon", None),
    ("scientist", None),
    ("engineer", None),
    ("historian", None),
    ("consultant", None),
    ("operative", None),
    ("organizer", None),
    ("organiser", None),
    ("activist", None),
    ("author", None),
    ("columnist", None),
    ("host", None),
    ("anchor", None),
    ("reporter", None),
    ("editor", None),
    ("publisher", None),
    ("businessman", Some(Gender::Male)),
    ("businesswoman", Some(Gender::Female)),
    ("chairperson", None),
    ("representative", None),
    ("lawmaker", None),
    ("legislator", None),
    ("councillor", None),
    ("councilor", None),
    ("superintendent", None),
    ("principal", None),
    ("regulator", None),
    ("auditor", None),
    ("investigator", None),
    ("physician", None),
    ("nurse", None),
    ("pilot", None),
    ("skipper", None),
    ("master", None),
    ("harbourmaster", None),
    ("harbormaster", None),
    ("steward", None),
    ("chaplain", None),
    ("warden", None),
    ("ranger", None),
    ("lecturer", None),
    ("teacher", None),
    ("student", None),
    ("farmer", None),
    ("fisherman", Some(Gender::Male)),
    ("resident", None),
    ("neighbour", None),
    ("neighbor", None),
    ("onlooker", None),
    ("passenger", None),
    ("driver", None),
    ("survivor", None),
    ("victim", None),
    ("worker", None),
    ("employee", None),
    ("landlord", None),
    ("tenant", None),
    ("voter", None),
    ("supporter", None),
    ("critic", None),
    ("opponent", None),
    ("rival", None),
    ("challenger", None),
    ("incumbent", None),
    ("mum", Some(Gender::Female)),
    ("dad", Some(Gender::Male)),
    ("referee", None),
    ("umpire", None),
    ("arbiter", None),
    ("vicar", None),
    ("bishop", None),
    ("priest", None),
    ("rabbi", None),
    ("imam", None),
    ("mother", Some(Gender::Female)),
    ("father", Some(Gender::Male)),
    ("wife", Some(Gender::Female)),
    ("husband", Some(Gender::Male)),
    ("daughter", Some(Gender::Female)),
    ("son", Some(Gender::Male)),
    ("widow", Some(Gender::Female)),
    ("grandmother", Some(Gender::Female)),
    ("grandfather", Some(Gender::Male)),
    ("woman", Some(Gender::Female)),
    ("man", Some(Gender::Male)),
];

/// The person role a lower-case word is, with its gender.
pub fn person_role(word: &str) -> Option<Option<Gender>> {
    static MAP: LazyLock<HashMap<&str, Option<Gender>>> =
        LazyLock::new(|| PERSON_ROLES.iter().copied().collect());
    MAP.get(word.to_lowercase().as_str()).copied()
}

/// Words that make a capitalised name an organisation, and lower-case nouns that name a
/// body that can speak ("the ministry said", "police said").
const ORGANISATION_WORDS: &[&str] = &[
    // Companies by the ending of their names ("Zuri Telecom", "Quillmark Software").
    "telecom",
    "telecoms",
    "software",
    "systems",
    "airways",
    "airlines",
    "motors",
    "holdings",
    "industries",
    "technologies",
    "pharmaceuticals",
    "logistics",
    "shipping",
    "communications",
    "party",
    "committee",
    "campaign",
    "department",
    "ministry",
    "agency",
    "office",
    "council",
    "commission",
    "board",
    "authority",
    "association",
    "union",
    "institute",
    "university",
    "college",
    "museum",
    "academy",
    "gallery",
    "library",
    "foundation",
    "center",
    "centre",
    "company",
    "corp",
    "corporation",
    "inc",
    "ltd",
    "llc",
    "plc",
    "group",
    "bank",
    "court",
    "senate",
    "house",
    "congress",
    "parliament",
    "government",
    "administration",
    "post",
    "times",
    "news",
    "journal",
    "press",
    "network",
    "service",
    "police",
    "guard",
    "army",
    "navy",
    "force",
    "bureau",
    "fund",
    "trust",
    "society",
    "club",
    "league",
    "federation",
    "alliance",
    "coalition",
    "organization",
    "organisation",
    "project",
    "media",
    "tribune",
    "herald",
    "gazette",
    "telegraph",
    "guardian",
    "observer",
    "review",
    "magazine",
    "radio",
    "television",
    "tv",
    "channel",
    "wire",
    "reuters",
    "associated",
    "daily",
    "weekly",
    "inquirer",
    "examiner",
    "courier",
    "chronicle",
    "globe",
    "mail",
    "express",
    "independent",
    "standard",
    "sun",
    "star",
    "post-gazette",
    "cabinet",
    "kremlin",
    "pentagon",
    "whitehouse",
    "ministry",
    "embassy",
    "consulate",
    "firm",
    "industry",
    "operator",
    "utility",
    "hospital",
    "school",
    "airline",
    "railway",
    "coastguard",
    "navy",
    "military",
    "prosecutors",
    "officials",
    "police",
    "regulator",
    "watchdog",
    "court",
    "tribunal",
    "jury",
    "panel",
    "team",
    "spokesmen",
    "staff",
    "lab",
    "laboratory",
    "poll",
    "polls",
    "survey",
    "study",
    "report",
    "analysis",
    "data",
    "statement",
    "memo",
    "filing",
    "lawsuit",
    "letter",
    "website",
    "campaigns",
    "democrats",
    "republicans",
    "voters",
    "line",
    "foods",
    "motors",
    "airlines",
    "airways",
    "systems",
    "industries",
    "holdings",
    "partners",
    "energy",
    "pharma",
    "pharmaceuticals",
    "technologies",
    "labs",
    "aerospace",
    "shipping",
    "lines",
    "railways",
    "rail",
    "bank",
    "insurance",
    "capital",
    "ventures",
    "solutions",
    "authority",
    "agency",
    "directorate",
    "inspectorate",
    // Clubs and firms by a word of their names ("Sporting Vell", "Harbour Rovers FC",
    // "Halden Living", "Tessaly Rail Works").
    "fc",
    "sporting",
    "athletic",
    "rovers",
    "wanderers",
    "united",
    "living",
    "homes",
    "mining",
    "minerals",
    "construction",
    "properties",
    "estates",
    "ferries",
    "brewery",
    "works",
    "mills",
    "secretariat",
    "ministry",
];

/// Whether a word (any case) names or heads an organisation or a body.
pub fn organisation_word(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> =
        LazyLock::new(|| ORGANISATION_WORDS.iter().copied().collect());
    SET.contains(word.trim_end_matches('.').to_lowercase().as_str())
}

/// Common first names and the gender they usually carry: the default for a person the
/// article gives no title and no pronoun to. Many languages' names, chosen for news.
const FIRST_NAMES: &[(Gender, &str)] = &[
    (
        Gender::Male,
        "aaron abdul abdullah adam adrian ahmad ahmed aidan akira alan albert alberto \
         aleksandr aleksei alessandro alex alexander alexei alfonso alfred ali alonso \
         amir amos anders andre andrei andres andrew andrzej angelo anthony antoine anton \
         antonio aram arjun armando arne arnold arthur arturo august augustin axel barack \
         ben benedict benjamin bernard bernie bertrand bill bjorn bob boris brad bram \
         brendan brian bruce bruno caleb callum camilo carl carlos cedric cesar charles \
         charlie chris christian christoph christopher chuck cillian claude clement colin \
         conor cormac craig cristian damian damien dan daniel dario darius darren david \
         declan dennis dick dmitri dmitry domingo dominic dominik donald doug douglas \
         duncan ed eddie edgar eduardo edward elias elijah emil emilio emmanuel enrique \
         enzo eric erik ernesto ernst esteban ethan eugene evan ewan fabian farid \
         federico felipe felix fernando filip finn florian francesco francisco franco \
         frank franz fred frederik friedrich gabriel gareth gary gaston georg george \
         gerald gerhard giorgio giovanni giuseppe glenn goran gordon greg gregory gunnar \
         gustav gustavo hamid hamza hans harald harold harry hassan hector heinrich \
         helmut henrik henry herbert hiroshi horst howard hugo hussein ian ibrahim \
         ignacio igor ilya imran isaac ismail ivan ivar jack jacob jake jakob jamal james \
         jan janusz jared jason jasper javier jeb jeff jeffrey jens jeremiah jeremy jerry \
         jesper jesus jim jimmy joachim joaquin joe joel johan johannes john johnny jon \
         jonas jonathan jorge jorgen jose josef joseph josh juan julian julio juraj \
         jurgen kai kamal karim karl kasper kazimierz keith ken kenji kevin khalid klaus \
         knut krzysztof kurt kwame lachlan lambert lars laszlo laurent lee leif lennart \
         leon leonardo leopold liam lorenzo louis luca lucas luis lukas magnus mahmoud \
         malcolm manuel marcel marco marcus marek mario marius mark martin matt matthew \
         matthias mattias maurice mauricio max mehmet michael miguel mikael mike mikhail \
         milan miroslav mitch mitt mohamed mohammed moritz muhammad mustafa nasser nathan \
         neil nelson niall nicholas nick nikita nikolai nils noah norbert olaf oliver \
         olivier omar orlando oscar osman oswald otto owen pablo pascal patrice patrick \
         paul pavel pedro pekka per peter phil philip pierre piet pieter piotr rafael \
         rainer ralph ramon randy rashid raul ray reince reza ricardo richard rick rob \
         robert rodrigo roger roland rolf roman ron ronald rory rudolph rudy rupert \
         russell ryan salim salvador sam samuel santiago saul scott sean sebastian sergei \
         sergey sergio seth shane sigurd simon soren stanislav stefan stephen steve \
         steven stuart sven tariq ted teodor terry theo thiago thomas tim timothy tobias \
         todd tom tomas tommy tony torsten travis tristan ulrich umar uwe valentin vasily \
         victor viktor vincent vittorio vladimir walter wayne wilhelm william willie \
         wojciech wolfgang xavier yannick yaroslav yuri yusuf zoran",
    ),
    (
        Gender::Female,
        "abigail ada adriana agata agnes agnieszka aisha alexandra alice alicia alina \
         alma amalia amanda amelia amy ana anastasia andrea angela angelika anika anja \
         ann anna anne annette annika antonia ariana astrid aurelia barbara beata \
         beatrice betsy betty birgit brenda britta camila carina carla carly carmen carol \
         carolina caroline catherine cecile cecilia celine charlotte chelsea chiara \
         christina christine claire clara claudia cristina cynthia dagmar dagny dana \
         daniela daria debbie deborah delphine denise diana diane dolores dominika donna \
         dora doris dorothy edith ekaterina eleanor elena elin elisabeth elise eliza \
         elizabeth ella ellen elsa emilia emily emma erika erin esther eugenia eva eve \
         evelyn fatima fernanda fiona frances francesca frederikke freya gabriela \
         gabriele gabrielle galina gemma georgia gertrude gisela grace greta gudrun hanna \
         hannah harriet heather hedda heidi helen helena henrike hilde hildegard hillary \
         hope huma ida ilse ines inga inge ingrid irene irina iris isabel isabella ivana \
         jacqueline jana jane janet jean jennifer jessica jill joan joanna joanne jodi \
         johanna josefine josephine joy judith judy julia juliana julie justyna karen \
         karin karina katarina katarzyna kate katharina katherine kathleen katie katja \
         kay kellyanne kim kirsten klara kristina larissa laura lauren laurence leah \
         leila lena leonie liesel lili liliana lina linda lisa liv liz lorena louise \
         lucia lucy ludmila luisa lydia madeleine magdalena maggie maja malgorzata \
         margaret margarita margit marguerite maria mariana marianne marie marina marisol \
         marlene marta martha martina mary mathilde matilda maxine megan melania melissa \
         mercedes mia michelle milena mina mira miriam monica nadia nadine nancy natalia \
         natalie natasha nathalie nicole nina noor nora oksana olena olga olivia ottilie \
         pam pamela paola patricia patrizia paula pauline petra pia pilar priya rachel \
         rania raquel rebecca regina renata rita roberta rosa rosalind rose ruth sabine \
         sabrina sally salma samantha sandra sanna sara sarah selma sharon sigrid silvia \
         simone sofia solveig sonia sophie stella stephanie susan susanna svetlana sylvia \
         tamara tatiana tatyana teresa theresa therese tina tove ulla ulrike ursula \
         valentina valerie vanessa vera veronica vesna victoria viktoria virginia vivian \
         wendy wilhelmina yasmin yelena ylva yulia yvonne zainab zoe zofia zuzana",
    ),
];

/// The first names of [`FIRST_NAMES`] with their gender.
fn first_names() -> &'static HashMap<&'static str, Gender> {
    static MAP: LazyLock<HashMap<&'static str, Gender>> = LazyLock::new(|| {
        FIRST_NAMES
            .iter()
            .flat_map(|(g, names)| names.split_whitespace().map(move |n| (n, *g)))
            .collect()
    });
    &MAP
}

/// Whether the list knows a word (any case) as a first name.
pub fn known_first_name(word: &str) -> bool {
    let w = word.to_lowercase();
    // Folded only where there is something to fold: this is asked of every capitalised word.
    first_names().contains_key(w.as_str())
        || !w.is_ascii() && first_names().contains_key(parallax_text::fold_diacritics(&w).as_str())
}

/// The gender a first name usually carries (any case), where the list knows it; else, for
/// a name ending in "a" (Maja, Petra, Aigerim's sisters Dana and Gulnara), a woman's, as
/// in most European and many Asian languages, men's names such as Luca and Nikita aside.
pub fn first_name_gender(word: &str) -> Option<Gender> {
    let w = word.to_lowercase();
    let listed = first_names().get(w.as_str()).copied();
    const MEN_IN_A: &[&str] = &[
        "luca", "andrea", "nikita", "joshua", "ezra", "mustafa", "musa", "elia", "jonah", "ilya",
        "sasha", "misha", "kosta", "jiya", "krishna", "aga", "noa", "dima", "vova", "costa",
        "garcia", "borja",
    ];
    listed.or_else(|| {
        (w.len() >= 3
            && w.ends_with('a')
            && w.chars().all(char::is_alphabetic)
            && !MEN_IN_A.contains(&w.as_str()))
        .then_some(Gender::Female)
    })
}

/// Places news names often, whose names look like people's ("South Carolina", "New
/// Hampshire", "El Paso"): the US states, the continents and some regions. Most places are
/// told by the preposition before them instead ("in Almaty").
const PLACES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "west virginia",
    "wisconsin",
    "wyoming",
    "washington",
    "america",
    "europe",
    "asia",
    "africa",
    "australia",
    "central asia",
    "middle east",
    "latin america",
    "south america",
    "north america",
    "united states",
    "united kingdom",
    "britain",
    "russia",
    "china",
    "ukraine",
    "germany",
    "france",
    "iran",
    "iraq",
    "syria",
    "israel",
    "mexico",
    "canada",
    "japan",
    "india",
    "el paso",
    "los angeles",
    "san francisco",
    "las vegas",
    "new orleans",
    "silicon valley",
    "wall street",
    "capitol hill",
    "white house",
];

/// Whether a name (any case) is a place the list knows.
pub fn place(name: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| PLACES.iter().copied().collect());
    SET.contains(name.to_lowercase().as_str()) || geographic(name)
}

/// A name of two words or more that ends in a word of geography no surname is ("Tarrow
/// Bay", "Alder Falls", "Kings County"): a place. Words that are also common surnames
/// (Hill, Park, Lake, Banks, Rivers) are not on the list.
fn geographic(name: &str) -> bool {
    const HEADS: &[&str] = &[
        "bay",
        "valley",
        "island",
        "islands",
        "harbour",
        "harbor",
        "coast",
        "creek",
        "heights",
        "falls",
        "fjord",
        "peninsula",
        "county",
        "province",
        "square",
        "avenue",
        "boulevard",
        "strait",
        "gulf",
        "lagoon",
        "canyon",
        "glacier",
        "delta",
        "estuary",
        "archipelago",
    ];
    let mut words = name.split_whitespace();
    let last = words.next_back().map(str::to_lowercase);
    words.next().is_some() && last.is_some_and(|w| HEADS.contains(&w.as_str()))
}

/// Prepositions that put a name in its place: "in Almaty", "from El Paso".
pub fn place_preposition(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "in" | "at"
            | "from"
            | "across"
            | "near"
            | "outside"
            | "inside"
            | "into"
            | "toward"
            | "towards"
            | "throughout"
            | "around"
            | "through"
            | "via"
    )
}

/// The gender a surname's ending carries in languages that inflect surnames by gender
/// (Russian, Kazakh, Bulgarian, Czech and the like): Tuleubayeva, Petrova, Ivanovna and
/// Nováková are women's, Ivanov and Baimukhanov men's.
pub fn surname_gender(word: &str) -> Option<Gender> {
    let w = word.to_lowercase();
    if ["ova", "eva", "ina", "yeva", "skaya", "ovna", "evna", "ová"]
        .iter()
        .any(|e| w.ends_with(e))
        && w.len() > 5
    {
        Some(Gender::Female)
    } else if ["ov", "ev", "sky", "skiy", "ovich", "evich"]
        .iter()
        .any(|e| w.ends_with(e))
        && w.len() > 4
    {
        Some(Gender::Male)
    } else {
        None
    }
}

const NOT_NAMES: &str = "\
    overall separately ultimately initially currently similarly likewise besides otherwise \
    consequently accordingly notably importantly specifically nonetheless nevertheless \
    moreover furthermore finally afterwards regardless instead thus hence therefore \
    the a an this that these those it he she they we i in on at but and or however \
    according speaking while after before when as if although meanwhile asked without \
    additionally also still yet so then there here his her their our its my your what who \
    why how where which for from with by of to last next since until during despite because \
    instead now today yesterday tomorrow monday tuesday wednesday thursday friday saturday \
    sunday not no yes mr mrs ms dr one some many most all both each every other another \
    such even only just perhaps maybe indeed earlier later more less first second third \
    again once you me him them us is was are were be do did does has have had will would \
    can could should may might must abstract full text january february march april june \
    july august september october november december within among amid across under over \
    through throughout beyond inside outside behind near against toward towards upon about \
    around below above between into onto like unlike whether though along alongside \
    following having given including regarding concerning considering via except";

/// Capitalised words that open a sentence or a phrase without being a name.
pub fn not_a_name(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| NOT_NAMES.split_whitespace().collect());
    SET.contains(word.trim_end_matches('.').to_lowercase().as_str())
}

const BETWEEN_SUBJECT_AND_CUE: &str = "\
    has have had also later earlier previously then often long repeatedly recently \
    reportedly again once publicly privately frequently already still now even herself \
    himself themselves itself further flatly firmly openly initially originally \
    subsequently separately directly simply would will could did does do may might can is \
    was are were been being be just quickly angrily bluntly candidly tersely sharply loudly \
    quietly famously last first never not always usually sometimes clearly strongly widely \
    generally personally specifically explicitly confidently proudly jokingly told \
    officially formally immediately here both each";

/// Words that may stand between a subject and its cue verb without breaking the link:
/// auxiliaries and adverbs ("has long said", "also told", "had previously argued").
pub fn between_subject_and_cue(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> =
        LazyLock::new(|| BETWEEN_SUBJECT_AND_CUE.split_whitespace().collect());
    // Any adverb in "-ly" too: "He apparently believed", "egregiously described".
    let adverb = word.len() > 4 && word.ends_with("ly") && word.starts_with(char::is_lowercase);
    adverb || SET.contains(word.to_lowercase().as_str())
}

const SCENE_WORDS: &str = "\
    in a an the on at to during after before statement statements interview interviews \
    speech tweet post email letter release conference news press briefing rally reporters \
    journalists told monday tuesday wednesday thursday friday saturday sunday twitter \
    facebook television radio tv last this week month year morning afternoon evening night \
    late early earlier later also again recently previously repeatedly yesterday today \
    tonight publicly privately separately then instead once often had written his her their \
    its campaign remarks appearance event debate hearing testimony op-ed column message \
    video show program programme call meeting town hall of with by for from about over \
    phone telephone prepared emailed joint brief short lengthy exclusive blog newsletter \
    report filing court documents audience crowd supporters voters audiences crowds";

/// Words after a cue that set its scene before its content: "said in a statement that",
/// "told reporters on Tuesday that", "wrote on Twitter". Nouns here are the nominal cues
/// ("in a statement", "in an interview").
pub fn scene_word(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> =
        LazyLock::new(|| SCENE_WORDS.split_whitespace().collect());
    SET.contains(word.to_lowercase().as_str())
}

/// Whether a lower-case word looks like a regular past tense or participle ("walked",
/// "confirmed"), words such as "need" and "speed" aside.
pub fn past_tense(word: &str) -> bool {
    const NOT: &[&str] = &[
        "need", "speed", "seed", "feed", "deed", "greed", "creed", "breed", "bleed", "steed",
        "weed", "shed", "sled", "bred", "bed", "red", "wed", "fed", "led", "bled", "indeed",
        "hundred", "sacred", "naked", "wicked", "kindred",
    ];
    word.len() >= 4 && word.ends_with("ed") && !NOT.contains(&word)
}

/// Finite verbs a reported clause without "that" shows among its first words ("said the
/// port would reopen"): auxiliaries, modals and common irregular past tenses.
const FINITE_VERBS: &str = "\
    is are was were had has have would will could can should may might must did does do \
    won't wouldn't can't couldn't isn't wasn't aren't weren't doesn't didn't don't hasn't \
    haven't hadn't shouldn't saw knew thought found took made came went gave got left felt \
    kept began ran became brought built held lost met paid sent spent stood won fell rose \
    led broke sold spoke needs wants plans remains seems lacks deserves supports opposes \
    struck hit cut set shut told said fought caught drove flew sank spread burst cost hurt \
    rode shot threw tore wore wrote ate blew chose dealt fled forgot froze hid hung lay lit \
    meant rang sat shook slept sought stole stuck swept swore taught withdrew underwent \
    heard drew grew put read bought";

/// Whether a lower-case word may be a verb in the present's third person ("gives",
/// "decries", "makes"): an "-s" ending that plural nouns share, so that it needs a word
/// before it that no noun follows ([`before_noun`]) to tell it. Not "-ss", "-us", "-is"
/// ("press", "bonus", "crisis") nor a possessive.
pub fn present_third_person(word: &str) -> bool {
    word.len() >= 4
        && word.ends_with('s')
        && !["ss", "us", "is", "ics", "'s", "’s"]
            .iter()
            .any(|e| word.ends_with(e))
        && word.chars().all(|c| c.is_ascii_lowercase())
}

/// Words a noun follows rather than a verb: determiners, possessives, prepositions and
/// numbers ("the members", "of voters", "two weeks").
pub fn before_noun(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "some"
            | "many"
            | "few"
            | "all"
            | "both"
            | "several"
            | "more"
            | "most"
            | "other"
            | "such"
            | "no"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "to"
            | "about"
            | "into"
            | "over"
            | "under"
            | "and"
            | "or"
            | "new"
            | "two"
            | "three"
            | "four"
            | "five"
            | "ten"
    ) || word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty()
        || word.ends_with("'s")
        || word.ends_with("’s")
}

/// Verbs that report what someone said or stands for through a preposition, the
/// preposition after the forms: "called for a ceasefire", "talked about the border",
/// "pointed to the polls", "commented on the ruling", "railed against the deal". What
/// follows is a topic or a position rather than a clause.
const TOPIC_VERBS: &[&str] = &[
    "call calls called calling | for on",
    "push pushes pushed pushing | for",
    "argue argues argued arguing | for against",
    "advocate advocates advocated advocating | for",
    "talk talks talked talking | about of",
    "speak speaks spoke speaking | about of out",
    "complain complains complained complaining | about of",
    "boast boasts boasted boasting | about of",
    "joke jokes joked joking | about",
    "write writes wrote writing | about of",
    "ask asks asked asking | about for",
    "testify testifies testified testifying | about",
    "warn warns warned warning | about of against",
    "refer refers referred referring | to",
    "point points pointed pointing | to",
    "allude alludes alluded alluding | to",
    "respond responds responded responding | to",
    "react reacts reacted reacting | to",
    "comment comments commented commenting | on about",
    "focus focuses focused focusing | on",
    "rail rails railed railing | against",
    "inveigh inveighs inveighed inveighing | against",
    "weigh weighs weighed weighing | in",
];

/// Whether `word` and the word after it (`next`, lower case) report a topic or a position
/// (`TOPIC_VERBS`): "called for", "talked about". "Weighed in" takes an "on" after it.
pub fn topic_cue(word: &str, next: &str) -> bool {
    static MAP: LazyLock<HashMap<&'static str, Vec<&'static str>>> =
        LazyLock::new(|| with_followers(TOPIC_VERBS));
    MAP.get(word.to_lowercase().as_str())
        .is_some_and(|preps| preps.contains(&next))
}

/// A list of lines "word word … | follower follower …" as a map from each word to the
/// words that may follow it ([`topic_cue`], [`nominal_cue`]).
fn with_followers(lines: &[&'static str]) -> HashMap<&'static str, Vec<&'static str>> {
    let mut map = HashMap::default();
    for line in lines {
        let (words, followers) = line.split_once('|').unwrap_or((line, ""));
        let followers: Vec<&str> = followers.split_whitespace().collect();
        for word in words.split_whitespace() {
            map.insert(word, followers.clone());
        }
    }
    map
}

/// Verbs of position that take what they stand for as a direct object ("endorsed Ted Cruz
/// for president", "opposes the pipeline", "criticized Clinton for her speeches").
const POSITION_VERBS: &[&str] = &[
    "endorse endorses endorsed endorsing",
    "support supports supported supporting",
    "oppose opposes opposed opposing",
    "criticize criticizes criticized criticizing",
    "criticise criticises criticised criticising",
    "accuse accuses accused accusing",
    "praise praises praised praising",
    "defend defends defended defending",
    "condemn condemns condemned condemning",
    "denounce denounces denounced denouncing",
    "reject rejects rejected rejecting",
    "blame blames blamed blaming",
    "slam slams slammed slamming",
    "applaud applauds applauded applauding",
    "favor favors favored favoring",
    "favour favours favoured favouring",
    "propose proposes proposed proposing",
    "urge urges urged urging",
    "want wants wanted wanting",
    "mention mentions mentioned mentioning",
    "announce announces announced announcing",
    "demand demands demanded demanding",
];

/// The verb of position (`POSITION_VERBS`) a lower-case word is a form of, and whether
/// it is the base form ("support", which needs a subject that can take it: "they support").
pub fn position_verb(word: &str) -> Option<(&'static str, bool)> {
    static MAP: LazyLock<HashMap<&'static str, (&'static str, bool)>> = LazyLock::new(|| {
        let mut map = HashMap::default();
        for line in POSITION_VERBS {
            let mut forms = line.split_whitespace();
            let base = forms.next().unwrap_or("");
            map.insert(base, (base, true));
            for form in forms {
                map.insert(form, (base, false));
            }
        }
        map
    });
    MAP.get(word).copied()
}

/// Nouns of speech, position or feeling that report what their owner said, with the
/// words that may follow them ("his critique of", "her call for", "their claim that").
const NOMINAL_CUES: &[&str] = &[
    "critique critiques criticism criticisms | of",
    "concern concerns worry worries fear fears doubt doubts | about over that for",
    "question questions | about over",
    "attack attacks assault | on against",
    "support backing | for of",
    "opposition | to",
    "praise | for of",
    "call calls | for",
    "warning warnings | about of against that",
    "claim claims assertion assertions allegation allegations accusation accusations | of that about against",
    "comment comments remark remarks statement statements | about on that",
    "promise promises pledge pledges vow vows | of to that",
    "demand demands plea pleas | for that",
    "denial denials | of that",
    "hope hopes | of for that",
    "complaint complaints | about of that",
    "endorsement | of",
    "defense defence | of",
    "insistence | that on",
    "argument arguments case | for against that",
    "view views position stance | on of about that",
    "belief beliefs | in that",
    "suggestion | that of",
    "proposal proposals plan plans | for to",
];

/// Whether a lower-case noun and the word after it are a nominal cue (`NOMINAL_CUES`).
pub fn nominal_cue(noun: &str, next: &str) -> bool {
    static MAP: LazyLock<HashMap<&'static str, Vec<&'static str>>> =
        LazyLock::new(|| with_followers(NOMINAL_CUES));
    MAP.get(noun).is_some_and(|words| words.contains(&next))
}

/// Words before a verb of `TOPIC_VERBS` that make it no report: an infinitive, a noun, a
/// passive, a negation or a degree ("to call for", "the calls for", "was called for",
/// "did not respond to", "more focused on").
pub fn before_topic_cue(word: &str) -> bool {
    blocks_verb(word)
        || matches!(
            word,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "was"
                | "were"
                | "is"
                | "are"
                | "of"
                | "new"
                | "no"
                | "these"
                | "those"
                | "more"
                | "less"
                | "too"
                | "very"
                | "most"
        )
}

/// Whether a lower-case word is one of the finite verbs listed above.
pub fn finite_verb(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> =
        LazyLock::new(|| FINITE_VERBS.split_whitespace().collect());
    // "doesn’t" with a typographic apostrophe is "doesn't".
    if word.contains('’') {
        return SET.contains(word.replace('’', "'").as_str());
    }
    SET.contains(word)
}

/// Words that name a time: weekdays, months, parts of the day, days relative to today, and
/// numbers ("on Tuesday", "late last night", "early on 5 March").
pub fn time_word(word: &str) -> bool {
    const WORDS: &str = "monday tuesday wednesday thursday friday saturday sunday january \
        february march april may june july august september october november december morning \
        afternoon evening night week weekend month year day today tonight yesterday";
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| WORDS.split_whitespace().collect());
    let w = word.to_lowercase();
    w.chars().all(|c| c.is_ascii_digit()) || SET.contains(w.as_str())
}

/// Words that open a phrase set off before a sentence's subject ("Following the meeting,",
/// "In a speech in Kessby,", "Despite the vote,"), in lower case.
pub fn opens_phrase(word: &str) -> bool {
    matches!(
        word,
        "after"
            | "along"
            | "amid"
            | "at"
            | "before"
            | "despite"
            | "during"
            | "following"
            | "for"
            | "from"
            | "in"
            | "on"
            | "since"
            | "speaking"
            | "under"
            | "unlike"
            | "with"
            | "without"
            | "within"
            | "throughout"
            | "given"
    )
}

/// The last word of a name that names a thing or an event, not a person ("North American
/// Free Trade Agreement", "Twilight Zone", "Harbour Festival"): such a name is read as a
/// body's, never someone a pronoun stands for.
pub fn named_thing(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "agreement"
            | "act"
            | "accord"
            | "treaty"
            | "deal"
            | "plan"
            | "programme"
            | "program"
            | "zone"
            | "bill"
            | "law"
            | "amendment"
            | "code"
            | "initiative"
            | "strategy"
            | "index"
            | "doctrine"
            | "protocol"
            | "convention"
            | "summit"
            | "conference"
            | "festival"
            | "award"
            | "prize"
            | "cup"
            | "games"
            | "championship"
            | "war"
            | "crisis"
            | "scandal"
    )
}

/// Things words are printed or painted on, not said ("banners that read", "a placard
/// saying"), in lower case, singular and plural.
pub fn sign_word(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.strip_suffix('s').unwrap_or(&w);
    matches!(
        w,
        "banner"
            | "sign"
            | "placard"
            | "notice"
            | "poster"
            | "slogan"
            | "t-shirt"
            | "shirt"
            | "graffiti"
            | "sticker"
            | "billboard"
            | "plaque"
            | "inscription"
            | "mural"
            | "flag"
            | "hoarding"
            | "leaflet"
            | "badge"
            | "cap"
            | "hat"
            | "chalk"
    )
}

/// Works that bear a title, in lower case: a quotation set right after one names it ("the
/// paper, “A new ichthyosaur from …”,", "the documentary “The Quarry Beneath”").
pub fn titled_work(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "paper"
            | "book"
            | "novel"
            | "memoir"
            | "film"
            | "movie"
            | "documentary"
            | "album"
            | "song"
            | "play"
            | "series"
            | "programme"
            | "program"
            | "show"
            | "podcast"
            | "exhibition"
            | "essay"
            | "poem"
            | "opera"
            | "musical"
            | "painting"
            | "titled"
            | "entitled"
    )
}

/// Words that open a comparison or a companion set off by commas between a subject and
/// its verb ("Island skippers, like their mainland rivals, say", "Brisk, along with two
/// members of the board, says"), in lower case.
pub fn opens_companion(word: &str) -> bool {
    matches!(
        word,
        "like" | "unlike" | "along" | "alongside" | "including" | "together"
    )
}

/// Whether a word is a weekday, whatever its case ("Friday"): it ends a name ("in Dunmere,
/// Karvia Saturday").
pub fn weekday(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Whether a lower-case word opens like a weekday or a month, however abbreviated
/// ("Tuesday", "Sept.", "March").
pub fn calendar(word: &str) -> bool {
    const STARTS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "jan",
        "feb",
        "march",
        "april",
        "may",
        "june",
        "july",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
    ];
    STARTS.iter().any(|d| word.starts_with(d))
}

/// First-person words that mark a sentence as someone's own words, as printed ("I", "We",
/// "our").
pub fn first_person(word: &str) -> bool {
    matches!(
        word,
        "I" | "we" | "We" | "our" | "Our" | "us" | "my" | "My" | "me"
    )
}

/// The spellings of "Abd" (servant of), which opens an Arabic compound given name written
/// as two words or one: "Abd al-Karim", "Abdul Karim", "Abdelkarim".
pub const SERVANT_FORMS: &[&str] = &["abd", "abdul", "abdel", "abdal", "abdol", "abdur", "abdus"];

/// Whether a word opens a compound given name with the word after it ("Abdul Karim", "Abu
/// Bakr", "Umm Kulthum"): the second word is no first name that starts the name anew.
pub fn given_name_lead(word: &str) -> bool {
    let w = word.to_lowercase();
    SERVANT_FORMS.contains(&w.as_str()) || w == "abu" || w == "umm"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_know_their_forms() {
        let (c, base) = cue("told").unwrap();
        assert_eq!(
            (c.kind, c.participle, base),
            (CueKind::Speech, false, "tell")
        );
        assert!(cue("adding").unwrap().0.participle);
        assert!(cue("believe").unwrap().0.base);
        assert_eq!(cue("fears").unwrap().0.kind, CueKind::Belief);
        assert!(cue("table").is_none());
        assert!(takes_bare_clause("say") && !takes_bare_clause("praise"));
    }

    #[test]
    fn people_words() {
        assert_eq!(title("Sen."), Some(None));
        assert_eq!(title("Mrs."), Some(Some(Gender::Female)));
        assert_eq!(person_role("spokesman"), Some(Some(Gender::Male)));
        assert_eq!(first_name_gender("Ingrid"), Some(Gender::Female));
        assert_eq!(pronoun("They"), Some(PronounKind::Plural));
        assert!(organisation_word("Committee") && !organisation_word("Smith"));
    }
}
