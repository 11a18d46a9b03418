#include "analyzers/attributions/lexicon.hpp"

#include <cstring>
#include <deque>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/word_key.hpp"

namespace copydesk::analyzers::attributions {
namespace {

// A verb's forms as "base|third|past|participle|gerund"; a bare base is inflected regularly, and a
// trailing '+' doubles the final consonant (admit+ -> admitted, admitting).
struct VerbSpec {
  const char* forms;
  CueClass cue_class;
  std::uint16_t flags;
  const char* particles = "";
  bool particle_required = false;
};

constexpr CueClass S = CueClass::speech;
constexpr CueClass A = CueClass::attitude;

// Reporting verbs: speech acts. kStrong verbs are cues wherever they stand; the others need a
// subject or a content clause (see the cue finder).
const VerbSpec kVerbs[] = {
    {"say|says|said|said|saying", S, kStrong},
    {"tell|tells|told|told|telling", S, kStrong | kTakesRecipient},
    {"add", S, kClauseOnly | kNeedsClause},
    {"note", S, kClauseOnly | kNeedsClause | kNounToo},
    {"state", S, kClauseOnly | kNeedsClause | kNounToo},
    {"claim", S, kLoaded | kNeedsClause | kNounToo | kNounCue},
    {"allege", S, kNeedsClause},
    {"insist", S, kLoaded | kNeedsClause},
    {"admit+", S, kLoaded | kNeedsClause},
    {"concede", S, kLoaded | kNeedsClause},
    {"confess", S, kLoaded | kNeedsClause},
    {"refute", S, kLoaded | kNeedsClause},
    {"deny", S, kNeedsClause},
    {"announce", S, kNeedsClause},
    {"report", S, kNeedsClause | kNounToo},
    {"write|writes|wrote|written|writing", S, kNeedsClause},
    {"post", S, kNeedsClause | kNounToo},
    {"tweet", S, kNeedsClause | kNounToo},
    {"retweet", S, kNeedsClause},
    {"confirm", S, kNeedsClause},
    {"warn", S, kNeedsClause | kTakesRecipient | kNounCue},
    {"argue", S, kNeedsClause},
    {"explain", S, kNeedsClause},
    {"ask", S, kNeedsClause | kTakesRecipient},
    {"reply|replies|replied|replied|replying", S, kNeedsClause | kNounToo},
    {"respond", S, kNeedsClause | kNounToo},
    {"answer", S, kClauseOnly | kNeedsClause | kNounToo},
    {"comment", S, kClauseOnly | kNeedsClause | kNounToo},
    {"describe", S, kNeedsClause},
    {"suggest", S, kNeedsClause},
    {"declare", S, kNeedsClause},
    {"acknowledge", S, kNeedsClause},
    {"assert", S, kNeedsClause},
    {"contend", S, kNeedsClause},
    {"maintain", S, kNeedsClause | kNeedsSubject},
    {"reiterate", S, kNeedsClause},
    {"repeat", S, kClauseOnly | kNeedsClause | kNounToo},
    {"stress", S, kNeedsClause},
    {"emphasize", S, kNeedsClause},
    {"emphasise", S, kNeedsClause},
    {"point", S, kNeedsClause, "out|to", true},
    {"recall", S, kNeedsClause | kNounToo},
    {"predict", S, kNeedsClause},
    {"promise", S, kNeedsClause | kNounToo | kNounCue},
    {"pledge", S, kNeedsClause | kNounToo | kNounCue},
    {"vow", S, kNeedsClause | kNounToo | kNounCue},
    {"accuse", S, kNeedsClause | kNeedsSubject},
    {"criticize", S, kNeedsClause | kNeedsSubject | kNounCue},
    {"criticise", S, kNeedsClause | kNeedsSubject},
    {"blame", S, kNeedsClause | kNeedsSubject},
    {"urge", S, kNeedsClause | kTakesRecipient},
    {"call", S, kNeedsClause | kNeedsSubject | kNounToo | kNounCue, "for|on"},
    {"quote", S, kNeedsClause | kNounToo},
    {"cite", S, kNeedsClause},
    {"disclose", S, kNeedsClause},
    {"reveal", S, kNeedsClause},
    {"testify|testifies|testified|testified|testifying", S, kNeedsClause},
    {"inform", S, kNeedsClause | kTakesRecipient},
    {"remark", S, kNeedsClause | kNounToo},
    {"observe", S, kNeedsClause},
    {"mention", S, kNeedsClause},
    {"complain", S, kNeedsClause},
    {"lament", S, kNeedsClause | kNounToo},
    {"joke", S, kNeedsClause | kNounToo},
    {"boast", S, kNeedsClause | kNounToo},
    {"brag+", S, kNeedsClause},
    {"retort", S, kNeedsClause},
    {"counter", S, kClauseOnly | kNeedsClause | kNeedsSubject | kNounToo},
    {"charge", S, kClauseOnly | kNeedsClause | kNeedsSubject | kNounToo},
    {"threaten", S, kNeedsClause},
    {"recount", S, kNeedsClause},
    {"indicate", S, kNeedsClause},
    {"estimate", S, kClauseOnly | kNeedsClause | kNounToo},
    {"conclude", S, kNeedsClause},
    {"caution", S, kNeedsClause},
    {"advise", S, kNeedsClause | kTakesRecipient},
    {"assure", S, kNeedsClause | kTakesRecipient},
    {"recommend", S, kNeedsClause},
    {"propose", S, kNeedsClause},
    {"demand", S, kNeedsClause | kNounToo | kNounCue},
    {"request", S, kNeedsClause | kNounToo | kNounCue},
    {"speculate", S, kNeedsClause},
    {"wonder", S, kNeedsClause},
    {"question", S, kNeedsClause | kNeedsSubject | kNounToo},
    {"dispute", S, kNeedsClause | kNeedsSubject | kNounToo},
    {"reject", S, kNeedsClause | kNeedsSubject},
    {"dismiss", S, kNeedsClause | kNeedsSubject},
    {"defend", S, kNeedsClause | kNeedsSubject | kNounCue},
    {"praise", S, kNeedsClause | kNeedsSubject | kNounToo | kNounCue},
    {"condemn", S, kNeedsClause | kNeedsSubject},
    {"denounce", S, kNeedsClause | kNeedsSubject},
    {"slam+", S, kNeedsClause | kNeedsSubject},
    {"blast", S, kNeedsClause | kNeedsSubject | kNounToo},
    {"decry|decries|decried|decried|decrying", S, kNeedsClause | kNeedsSubject},
    {"hail", S, kNeedsClause | kNeedsSubject},
    {"tout", S, kNeedsClause | kNeedsSubject | kNounToo},
    {"highlight", S, kNeedsClause | kNeedsSubject | kNounToo},
    {"clarify|clarifies|clarified|clarified|clarifying", S, kNeedsClause},
    {"specify|specifies|specified|specified|specifying", S, kNeedsClause},
    {"imply|implies|implied|implied|implying", S, kNeedsClause},
    {"hint", S, kNeedsClause | kNounToo},
    {"signal+", S, kNeedsClause | kNeedsSubject | kNounToo},
    {"shout", S, kNeedsClause | kNounToo},
    {"chant", S, kNeedsClause | kNounToo},
    {"yell", S, kNeedsClause},
    {"exclaim", S, kNeedsClause},
    {"quip+", S, kNeedsClause},
    {"muse", S, kNeedsClause},
    {"read|reads|read|read|reading", S, kClauseOnly | kNeedsClause | kNeedsSubject | kNounToo},
    {"publish", S, kNeedsClause | kNeedsSubject},
    {"apologize", S, kNeedsClause},
    {"apologise", S, kNeedsClause},
    {"thank", S, kNeedsClause | kNeedsSubject | kNounToo},
    {"elaborate", S, kNeedsClause},
    {"accuse", S, kNeedsClause | kNeedsSubject},
    {"talk", S, kNeedsClause, "about", true},
    {"speak|speaks|spoke|spoken|speaking", S, kNeedsClause, "about|of", true},
    {"refer+", S, kNeedsClause, "to", true},
    {"attribute", S, kNeedsClause | kNeedsSubject},
    {"continue", S, kClauseOnly | kNeedsClause | kNeedsSubject},
    // Criticism, praise and positions taken in words: PolNeAR and PARC count them as reports of
    // what someone said or holds ("Rubio mocked Trump", "she echoed the call", "voted for the
    // bill"). Stances (A) are no TimeML REPORTING events; words said about something (S) are.
    {"attack", A, kNeedsClause | kNeedsSubject | kNounToo | kNounCue},
    {"mock", A, kNeedsClause | kNeedsSubject},
    {"ridicule", A, kNeedsClause | kNeedsSubject},
    {"lambaste", A, kNeedsClause | kNeedsSubject},
    {"chide", A, kNeedsClause | kNeedsSubject},
    {"rebuke", A, kNeedsClause | kNeedsSubject | kNounToo | kNounCue},
    {"scold", A, kNeedsClause | kNeedsSubject},
    {"taunt", A, kNeedsClause | kNeedsSubject | kNounToo},
    {"assail", A, kNeedsClause | kNeedsSubject},
    {"deride", A, kNeedsClause | kNeedsSubject},
    {"berate", A, kNeedsClause | kNeedsSubject},
    {"castigate", A, kNeedsClause | kNeedsSubject},
    {"excoriate", A, kNeedsClause | kNeedsSubject},
    {"bash", A, kNeedsClause | kNeedsSubject},
    {"rail", A, kNeedsClause | kNeedsSubject, "against", true},
    {"lash", A, kNeedsClause | kNeedsSubject, "out", true},
    {"applaud", A, kNeedsClause | kNeedsSubject},
    {"commend", A, kNeedsClause | kNeedsSubject},
    {"congratulate", A, kNeedsClause | kNeedsSubject},
    {"echo", S, kNeedsClause | kNeedsSubject | kNounToo},
    {"remind", S, kNeedsClause | kNeedsSubject | kTakesRecipient},
    {"portray", S, kNeedsClause | kNeedsSubject},
    {"characterize", S, kNeedsClause | kNeedsSubject},
    {"characterise", S, kNeedsClause | kNeedsSubject},
    {"label", S, kNeedsClause | kNeedsSubject | kNounToo},
    {"dub+", S, kNeedsClause | kNeedsSubject},
    {"reaffirm", S, kNeedsClause | kNeedsSubject},
    {"downplay", A, kNeedsClause | kNeedsSubject},
    {"champion", A, kNeedsClause | kNeedsSubject | kNounToo},
    {"advocate", A, kNeedsClause | kNeedsSubject | kNounToo},
    {"express", S, kNeedsClause | kNeedsSubject},
    {"voice", S, kNeedsClause | kNeedsSubject | kNounToo},
    {"push", A, kNeedsClause | kNeedsSubject | kNounToo | kNounCue, "for", true},
    {"press", A, kNeedsClause | kNeedsSubject, "for", true},
    {"lobby|lobbies|lobbied|lobbied|lobbying", A, kNeedsClause | kNeedsSubject, "for|against",
     true},
    {"proclaim", S, kNeedsClause},
    {"forecast|forecasts|forecast|forecast|forecasting", S,
     kNeedsClause | kNeedsSubject | kNounToo},
    {"guarantee", S, kNeedsClause | kNeedsSubject | kNounToo},
    {"swear|swears|swore|sworn|swearing", S, kNeedsClause | kNeedsSubject},
    {"disavow", A, kNeedsClause | kNeedsSubject},
    {"repudiate", A, kNeedsClause | kNeedsSubject},
    {"renounce", A, kNeedsClause | kNeedsSubject},
    {"retract", S, kNeedsClause | kNeedsSubject},
    {"concur+", S, kNeedsClause | kNeedsSubject},
    {"disagree", S, kNeedsClause | kNeedsSubject},
    {"object", S, kNeedsClause | kNeedsSubject | kNounToo, "to", true},
    {"protest", S, kNeedsClause | kNeedsSubject | kNounToo},
    {"plead", S, kNeedsClause | kNeedsSubject},
    {"implore", S, kNeedsClause | kNeedsSubject},
    {"challenge", A, kNeedsClause | kNeedsSubject | kNounToo | kNounCue},
    {"grumble", S, kNeedsClause},
    {"gripe", S, kNeedsClause},
    {"credit", A, kNeedsClause | kNeedsSubject | kNounToo},
    {"invoke", A, kNeedsClause | kNeedsSubject},
    {"reference", A, kNeedsClause | kNeedsSubject | kNounToo},
    {"allude", A, kNeedsClause | kNeedsSubject, "to", true},
    {"discuss", A, kNeedsClause | kNeedsSubject},
    {"vote", A, kNeedsClause | kNeedsSubject | kNounToo, "for|against", true},

    // Attitudes: beliefs, intentions, support, findings.
    {"believe", A, kNeedsClause},
    {"think|thinks|thought|thought|thinking", A, kNeedsClause | kNeedsSubject},
    {"feel|feels|felt|felt|feeling", A, kNeedsClause | kNeedsSubject},
    {"hope", A, kNeedsClause | kNounToo | kNounCue},
    {"want", A, kNeedsClause | kNeedsSubject},
    {"expect", A, kNeedsClause},
    {"plan+", A, kNeedsClause | kNeedsSubject | kNounToo | kNounCue},
    {"fear", A, kNeedsClause | kNeedsSubject | kNounToo | kNounCue},
    {"worry|worries|worried|worried|worrying", A, kNeedsClause | kNeedsSubject},
    {"know|knows|knew|known|knowing", A, kNeedsClause | kNeedsSubject},
    {"support", A, kNeedsClause | kNeedsSubject | kNounToo | kNounCue},
    {"back", A, kNeedsClause | kNeedsSubject | kNounToo},
    {"endorse", A, kNeedsClause | kNeedsSubject},
    {"oppose", A, kNeedsClause | kNeedsSubject},
    {"favor", A, kNeedsClause | kNeedsSubject | kNounToo},
    {"favour", A, kNeedsClause | kNeedsSubject | kNounToo},
    {"prefer+", A, kNeedsClause | kNeedsSubject},
    {"intend", A, kNeedsClause | kNeedsSubject},
    {"seek|seeks|sought|sought|seeking", A, kNeedsClause | kNeedsSubject},
    {"wish", A, kNeedsClause | kNeedsSubject | kNounCue},
    {"doubt", A, kNeedsClause | kNeedsSubject | kNounToo | kNounCue},
    {"consider", A, kNeedsClause | kNeedsSubject},
    {"decide", A, kNeedsClause | kNeedsSubject},
    {"agree", A, kNeedsClause | kNeedsSubject},
    {"refuse", A, kNeedsClause | kNeedsSubject},
    {"decline", A, kNeedsClause | kNeedsSubject},
    {"understand|understands|understood|understood|understanding", A, kNeedsClause | kNeedsSubject},
    {"realize", A, kNeedsClause | kNeedsSubject},
    {"recognize", A, kNeedsClause | kNeedsSubject},
    {"assume", A, kNeedsClause | kNeedsSubject},
    {"suspect", A, kNeedsClause | kNeedsSubject},
    {"anticipate", A, kNeedsClause | kNeedsSubject},
    {"find|finds|found|found|finding", A, kNeedsClause | kNeedsSubject},
    {"show|shows|showed|shown|showing", A, kNeedsClause | kNeedsSubject},
    {"see|sees|saw|seen|seeing", A, kNeedsClause | kNeedsSubject},
    {"welcome", A, kNeedsClause | kNeedsSubject | kNounToo},
    {"rule", A, kClauseOnly | kNeedsClause | kNeedsSubject | kNounToo},
    {"order", A, kClauseOnly | kNeedsClause | kNeedsSubject | kNounToo},
    {"embrace", A, kNeedsClause | kNeedsSubject | kNounToo | kNounCue},
    {"regard", A, kNeedsClause | kNeedsSubject | kNounToo},
    {"deem", A, kNeedsClause | kNeedsSubject},
    {"imagine", A, kNeedsClause | kNeedsSubject},
    {"remember", A, kNeedsClause | kNeedsSubject},
    {"envision", A, kNeedsClause | kNeedsSubject},
    {"admire", A, kNeedsClause | kNeedsSubject},
    {"distrust", A, kNeedsClause | kNeedsSubject | kNounToo},
    {"dislike", A, kNeedsClause | kNeedsSubject | kNounToo},
    {"fret+", A, kNeedsClause | kNeedsSubject},
    {"approve", A, kNeedsClause | kNeedsSubject, "of", true},
    {"disapprove", A, kNeedsClause | kNeedsSubject, "of", true},
    {"seem", A, kRaising},
    {"appear", A, kRaising},
};

struct NounSpec {
  const char* word;
  CueClass cue_class;
};

// Nouns that name an act of saying: "a statement from the ministry", "his claim that".
const NounSpec kCueNouns[] = {
    {"statement", S},
    {"statements", S},
    {"claim", S},
    {"claims", S},
    {"allegation", S},
    {"allegations", S},
    {"announcement", S},
    {"assertion", S},
    {"remarks", S},
    {"comments", S},
    {"accusation", S},
    {"accusations", S},
    {"testimony", S},
    {"warning", S},
    {"view", A},
    {"belief", A},
    {"argument", S},
    {"insistence", S},
    {"admission", S},
    {"denial", S},
    {"pledge", S},
    {"promise", S},
    {"criticism", S},
    {"prediction", S},
    // Stances and intentions, cues after a possessive: "Clinton's decision to", "his opposition
    // to".
    {"decision", A},
    {"refusal", A},
    {"opposition", A},
    {"endorsement", A},
    {"suggestion", S},
    {"proposal", S},
    {"assessment", A},
    {"critique", S},
    {"threat", S},
    {"threats", S},
    {"defense", S},
    {"opinion", A},
    {"opinions", A},
    {"position", A},
    {"stance", A},
    {"desire", A},
    {"intention", A},
    {"concerns", A},
    {"views", A},
    {"criticisms", S},
    {"endorsements", A},
    {"proposals", S},
    {"suggestions", S},
    {"warnings", S},
    {"determination", A},
    {"commitment", A},
    {"vision", A},
};

// Closed classes. Each list is one class; a word may appear in several lists.
struct ClassList {
  std::uint32_t classes;
  std::initializer_list<const char*> words;
};

const ClassList kClassLists[] = {
    {kAuxiliary,
     {"is", "was", "are", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do",
      "does", "did", "get", "got", "gets"}},
    {kAuxiliary | kNegation,
     {"didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "wasn't", "weren't", "isn't",
      "aren't"}},
    {kModal,
     {"will", "would", "could", "should", "may", "might", "can", "must", "shall", "cannot"}},
    {kModal | kNegation, {"won't", "wouldn't", "can't", "couldn't", "shouldn't", "mustn't"}},
    {kNegation, {"not", "never", "no", "n't"}},
    {kVerbAdverb,
     {"also",       "later",        "repeatedly", "previously",   "recently",     "publicly",
      "privately",  "again",        "still",      "already",      "once",         "first",
      "often",      "frequently",   "separately", "further",      "additionally", "initially",
      "originally", "subsequently", "just",       "even",         "ever",         "always",
      "long",       "openly",       "explicitly", "flatly",       "simply",       "bluntly",
      "quickly",    "immediately",  "angrily",    "firmly",       "strongly",     "clearly",
      "directly",   "formally",     "officially", "widely",       "generally",    "then",
      "earlier",    "only",         "twice",      "personally",   "specifically", "similarly",
      "likewise",   "in turn",      "sharply",    "vehemently",   "forcefully",   "emphatically",
      "reportedly", "allegedly",    "apparently", "confidently",  "defiantly",    "jokingly",
      "tweeted",    "finally",      "eventually", "increasingly", "consistently", "loudly",
      "softly",     "proudly",      "privately",  "indeed",       "long"}},
    {kTimeWord,
     {"monday",    "tuesday", "wednesday", "thursday", "friday",   "saturday", "sunday",
      "today",     "tonight", "yesterday", "tomorrow", "earlier",  "later",    "last",
      "this",      "next",    "week",      "weekend",  "month",    "year",     "morning",
      "afternoon", "evening", "night",     "day",      "ago",      "recently", "previously",
      "overnight", "weeks",   "months",    "years",    "days",     "hours",    "minutes",
      "shortly",   "january", "february",  "march",    "april",    "may",      "june",
      "july",      "august",  "september", "october",  "november", "december", "jan.",
      "feb.",      "mar.",    "apr.",      "jun.",     "jul.",     "aug.",     "sep.",
      "sept.",     "oct.",    "nov.",      "dec.",     "mon.",     "tue.",     "tues.",
      "wed.",      "thu.",    "thurs.",    "fri.",     "sat.",     "sun."}},
    {kNotName, {"monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday",
                "january",   "february", "march",     "april",    "june",   "july",     "august",
                "september", "october",  "november",  "december", "jan.",   "feb.",     "mar.",
                "apr.",      "jun.",     "jul.",      "aug.",     "sep.",   "sept.",    "oct.",
                "nov.",      "dec.",     "god",       "internet", "web",    "english",  "ok"}},
    {kPersonalPronoun, {"he", "she", "it", "i", "you"}},
    {kPersonalPronoun | kPlural, {"they", "we"}},
    {kObjectPronoun, {"him", "her", "them", "me", "us", "you", "it"}},
    {kPossessive | kDeterminer, {"his", "her", "its", "their", "our", "my", "your"}},
    {kRelativePronoun, {"who", "which", "that", "whom", "whose"}},
    {kDeterminer,
     {"the",    "a",       "an",       "this",      "that",     "these",   "those",   "some",
      "many",   "several", "most",     "all",       "each",     "every",   "any",     "both",
      "either", "neither", "another",  "other",     "such",     "few",     "more",    "one",
      "two",    "three",   "four",     "five",      "six",      "seven",   "eight",   "nine",
      "ten",    "dozens",  "hundreds", "thousands", "numerous", "various", "certain", "multiple"}},
    {kNumberWord,
     {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
      "twelve", "dozen", "dozens", "hundreds", "thousands", "millions"}},
    {kTitle,
     {"mr",
      "mr.",
      "mrs",
      "mrs.",
      "ms",
      "ms.",
      "miss",
      "dr",
      "dr.",
      "prof",
      "prof.",
      "president",
      "gen",
      "gen.",
      "sen",
      "sen.",
      "senator",
      "rep",
      "rep.",
      "gov",
      "gov.",
      "governor",
      "mayor",
      "secretary",
      "minister",
      "premier",
      "chancellor",
      "king",
      "queen",
      "prince",
      "princess",
      "pope",
      "rev",
      "rev.",
      "judge",
      "justice",
      "lt",
      "lt.",
      "col",
      "col.",
      "capt",
      "capt.",
      "maj",
      "maj.",
      "sgt",
      "sgt.",
      "adm",
      "adm.",
      "cmdr",
      "cmdr.",
      "gen",
      "general",
      "colonel",
      "commander",
      "ambassador",
      "lord",
      "lady",
      "sir",
      "dame",
      "sheikh",
      "ayatollah",
      "chairman",
      "chairwoman",
      "ceo",
      "director",
      "coach",
      "speaker",
      "sergeant",
      "captain",
      "lieutenant",
      "officer",
      "inspector",
      "detective",
      "professor",
      "sheriff",
      "deputy",
      "spokesman",
      "spokeswoman",
      "spokesperson",
      "attorney",
      "congressman",
      "congresswoman",
      "economist",
      "analyst",
      "correspondent",
      "lawyer"}},
    {kOrganizationNoun,
     {"ministry",    "department", "agency",       "government",   "administration",
      "committee",   "council",    "commission",   "party",        "army",
      "military",    "forces",     "force",        "police",       "legion",
      "battalion",   "corps",      "brigade",      "regiment",     "group",
      "groups",      "company",    "companies",    "corporation",  "firm",
      "bank",        "court",      "parliament",   "congress",     "senate",
      "office",      "service",    "union",        "association",  "federation",
      "institute",   "university", "foundation",   "campaign",     "authority",
      "authorities", "board",      "bureau",       "organization", "organisation",
      "network",     "channel",    "newspaper",    "magazine",     "station",
      "coalition",   "alliance",   "movement",     "front",        "league",
      "club",        "team",       "fund",         "inc",          "inc.",
      "corp",        "corp.",      "co",           "co.",          "ltd",
      "ltd.",        "plc",        "llc",          "airline",      "airlines",
      "tribunal",    "embassy",    "kremlin",      "pentagon",     "cabinet",
      "regime",      "opposition", "intelligence", "agencies",     "ministries",
      "governments", "parties",    "militia",      "rebels",       "navy",
      "guard",       "command",    "staff",        "secretariat",  "assembly",
      "centre",      "center",     "exchange",     "bloc",         "directorate",
      "watchdog",    "regulator",  "prosecutor's", "house",        "hospital",
      "school",      "church",     "court's",      "industries",   "group's",
      "holdings",    "partners",   "society",      "times",        "post",
      "journal",     "news",       "press",        "tv",           "radio",
      "broadcaster", "outlet",     "daily",        "reuters",      "tass",
      "nato",        "un",         "eu",           "fbi",          "cia",
      "kremlin"}},
    {kAnonymousNoun | kPlural,
     {"officials",       "sources",       "residents",       "people",        "experts",
      "analysts",        "witnesses",     "observers",       "critics",       "diplomats",
      "insiders",        "aides",         "advisers",        "advisors",      "lawmakers",
      "legislators",     "investigators", "prosecutors",     "activists",     "economists",
      "traders",         "dealers",       "bankers",         "executives",    "employees",
      "workers",         "members",       "supporters",      "opponents",     "voters",
      "locals",          "villagers",     "citizens",        "others",        "scientists",
      "researchers",     "doctors",       "police officers", "soldiers",      "troops",
      "fighters",        "militants",     "protesters",      "demonstrators", "users",
      "reports",         "media",         "commentators",    "strategists",   "operatives",
      "republicans",     "democrats",     "conservatives",   "liberals",      "senators",
      "representatives", "leaders",       "allies",          "staffers",      "delegates",
      "negotiators",     "rescuers",      "medics",          "survivors",     "parents",
      "students",        "teachers",      "farmers",         "americans",     "russians",
      "ukrainians",      "israelis",      "palestinians",    "officers",      "spokespeople",
      "pollsters",       "donors",        "persons"}},
    {kAnonymousNoun,
     {"official", "source", "someone", "somebody", "person", "resident", "witness", "insider",
      "diplomat", "one"}},
    {kPersonNoun,
     {"man",     "woman",   "resident", "voter",    "witness", "mother",    "father",
      "student", "teacher", "worker",   "farmer",   "driver",  "neighbor",  "neighbour",
      "friend",  "person",  "boy",      "girl",     "son",     "daughter",  "wife",
      "husband", "brother", "sister",   "doctor",   "nurse",   "soldier",   "officer",
      "trader",  "dealer",  "banker",   "employee", "member",  "supporter", "survivor"}},
    {kDocumentNoun,
     {"report",      "statement",  "study",         "studies",  "survey",     "poll",
      "polls",       "document",   "documents",     "letter",   "filing",     "filings",
      "complaint",   "lawsuit",    "suit",          "memo",     "email",      "emails",
      "data",        "records",    "record",        "website",  "site",       "post",
      "tweet",       "video",      "footage",       "analysis", "review",     "audit",
      "indictment",  "affidavit",  "ruling",        "order",    "decision",   "bill",
      "law",         "resolution", "communique",    "release",  "transcript", "book",
      "article",     "editorial",  "paper",         "account",  "figures",    "estimates",
      "cable",       "message",    "blog",          "notice",   "guidance",   "forecast",
      "projections", "census",     "page",          "summary",  "manifesto",  "platform",
      "proposal",    "reports",    "statements",    "letters",  "surveys",    "tweets",
      "posts",       "filings",    "minutes",       "research", "findings",   "evidence",
      "polling",     "ad",         "advertisement", "speech",   "interview",  "testimony",
      "newsletter",  "tally",      "list",          "chart",    "map",        "index"}},
    {kRoleNoun,
     {"spokesperson",
      "spokesman",
      "spokeswoman",
      "minister",
      "secretary",
      "director",
      "chief",
      "head",
      "president",
      "chairman",
      "chairwoman",
      "chair",
      "governor",
      "mayor",
      "commander",
      "ambassador",
      "envoy",
      "adviser",
      "advisor",
      "aide",
      "prosecutor",
      "lawyer",
      "attorney",
      "counsel",
      "representative",
      "senator",
      "congressman",
      "congresswoman",
      "lawmaker",
      "leader",
      "founder",
      "executive",
      "ceo",
      "manager",
      "officer",
      "general",
      "colonel",
      "negotiator",
      "candidate",
      "nominee",
      "strategist",
      "pollster",
      "administrator",
      "commissioner",
      "deputy",
      "speaker",
      "justice",
      "judge",
      "inspector",
      "investigator",
      "researcher",
      "professor",
      "scientist",
      "expert",
      "author",
      "editor",
      "reporter",
      "correspondent",
      "columnist",
      "host",
      "chancellor",
      "premier",
      "king",
      "queen",
      "pope",
      "priest",
      "bishop",
      "imam",
      "rabbi",
      "activist",
      "organizer",
      "coordinator",
      "consultant",
      "partner",
      "owner",
      "analyst",
      "economist",
      "physician",
      "sheriff",
      "coach",
      "captain",
      "lieutenant",
      "sergeant",
      "detective",
      "superintendent",
      "principal",
      "dean",
      "provost",
      "treasurer",
      "auditor",
      "ombudsman",
      "trustee",
      "governor's",
      "staffer",
      "operative",
      "surrogate",
      "chairperson",
      "president-elect",
      "vice",
      "frontrunner",
      "front-runner",
      "challenger",
      "incumbent",
      "mp",
      "legislator",
      "delegate",
      "official"}},
    {kPreposition,
     {"of",        "in",         "on",         "at",      "for",     "to",        "from",
      "by",        "with",       "about",      "against", "after",   "before",    "during",
      "over",      "under",      "into",       "through", "since",   "until",     "among",
      "between",   "without",    "within",     "across",  "behind",  "near",      "per",
      "via",       "despite",    "toward",     "towards", "upon",    "around",    "amid",
      "outside",   "inside",     "like",       "as",      "than",    "following", "including",
      "regarding", "concerning", "throughout", "beyond",  "onto",    "off",       "up",
      "down",      "out",        "along",      "beside",  "besides", "unlike"}},
    {kConjunction, {"and", "or", "but", "nor", "yet", "&", "plus"}},
    {kSubordinator,
     {"when",      "while",     "because",     "although",     "though",      "if",
      "unless",    "whether",   "as",          "after",        "before",      "since",
      "until",     "once",      "where",       "whereas",      "so",          "than",
      "how",       "why",       "what",        "whatever",     "whenever",    "wherever",
      "however",   "meanwhile", "instead",     "also",         "then",        "thus",
      "therefore", "moreover",  "furthermore", "nevertheless", "nonetheless", "still"}},
    {kVerb,
     {"went",     "came",    "made",    "took",    "gave",     "began",    "left",     "became",
      "met",      "held",    "won",     "lost",    "led",      "kept",     "put",      "set",
      "ran",      "sent",    "visited", "arrived", "returned", "died",     "killed",   "attacked",
      "launched", "tried",   "wants",   "needs",   "seems",    "appears",  "remains",  "continues",
      "hopes",    "plans",   "faces",   "is",      "was",      "are",      "were",     "has",
      "have",     "had",     "did",     "does",    "do",       "be",       "been",     "being",
      "go",       "goes",    "get",     "got",     "make",     "makes",    "take",     "takes",
      "come",     "comes",   "become",  "becomes", "seemed",   "appeared", "remained", "continued",
      "stood",    "sat",     "spent",   "paid",    "brought",  "bought",   "sold",     "built",
      "signed",   "joined",  "moved",   "started", "ended",    "opened",   "closed",   "called",
      "helped",   "worked",  "lived",   "served",  "turned",   "showed",   "used",     "played",
      "let",      "struck",  "hit",     "fell",    "rose",     "grew",     "fought",   "wore",
      "walked",   "stopped", "passed",  "agreed",  "voted",    "ordered",  "raised",   "received",
      "reached",  "allowed", "failed",  "decided", "tried",    "looked",   "seen",     "done",
      "gone",     "taken",   "given",   "known",   "shown"}},
    {kNameParticle,
     {"de",  "da",  "di", "del", "della", "der", "den", "van", "von", "al", "al-", "el",
      "bin", "ibn", "la", "le",  "du",    "dos", "das", "ter", "ten", "st", "st."}},
    {kRecipientNoun | kPlural,
     {"reporters",   "journalists", "supporters",  "voters",       "lawmakers",    "senators",
      "members",     "students",    "listeners",   "viewers",      "readers",      "delegates",
      "donors",      "followers",   "investors",   "analysts",     "residents",    "attendees",
      "crowds",      "audiences",   "legislators", "parliament",   "congress",     "colleagues",
      "officials",   "employees",   "workers",     "troops",       "soldiers",     "americans",
      "citizens",    "people",      "guests",      "participants", "interviewers", "shareholders",
      "journalists", "media",       "others",      "allies",       "aides",        "staff",
      "fans",        "parents"}},
    {kRecipientNoun,
     {"crowd", "audience", "interviewer", "press", "court", "jury", "committee", "panel", "hearing",
      "conference", "rally", "gathering", "forum"}},
    {kCorporateSuffix,
     {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "llp", "ag", "sa",
      "nv", "gmbh", "group", "holdings"}},
    {kPlace, {"russia",     "ukraine",      "moscow",      "kyiv",      "kiev",        "washington",
              "china",      "beijing",      "america",     "britain",   "london",      "france",
              "paris",      "germany",      "berlin",      "japan",     "tokyo",       "india",
              "iran",       "tehran",       "israel",      "syria",     "damascus",    "iraq",
              "baghdad",    "turkey",       "ankara",      "egypt",     "cairo",       "poland",
              "warsaw",     "canada",       "ottawa",      "mexico",    "brazil",      "italy",
              "rome",       "spain",        "madrid",      "pakistan",  "afghanistan", "kabul",
              "korea",      "seoul",        "pyongyang",   "taiwan",    "taipei",      "saudi",
              "riyadh",     "qatar",        "doha",        "lebanon",   "beirut",      "jordan",
              "libya",      "yemen",        "belarus",     "minsk",     "georgia",     "armenia",
              "azerbaijan", "kazakhstan",   "venezuela",   "cuba",      "nigeria",     "kenya",
              "ethiopia",   "sudan",        "australia",   "indonesia", "vietnam",     "hanoi",
              "thailand",   "bangkok",      "philippines", "manila",    "brussels",    "nato",
              "un",         "eu",           "opec",        "u.s.",      "u.k.",        "us",
              "uk",         "washington's", "moscow's",    "russia's",  "ukraine's",   "china's",
              "europe",     "greece",       "athens",      "sweden",    "norway",      "finland",
              "denmark",    "netherlands",  "belgium",     "austria",   "switzerland", "hungary",
              "romania",    "bulgaria",     "serbia",      "croatia",   "moldova",     "lithuania",
              "latvia",     "estonia",      "chechnya",    "crimea",    "gaza",        "hamas",
              "hezbollah",  "taliban",      "kremlin",     "pentagon",  "tass",        "reuters",
              "ap",         "afp",          "bloomberg",   "interfax",  "xinhua",      "ria"}},
    {kGenericNoun,
     {"group",       "organization", "organisation", "company",    "agency",         "firm",
      "party",       "ministry",     "department",   "government", "administration", "unit",
      "movement",    "body",         "outlet",       "network",    "campaign",       "committee",
      "corporation", "bank",         "office",       "service"}},
    {kVerbParticle, {"out", "up", "on", "off", "back", "down", "over", "about", "for", "to"}},
    {kSurveyNoun, {"poll", "survey"}},
    {kSurveyNoun | kPlural, {"polls", "surveys"}},
    {kQuantifier,
     {"some",   "many",    "most", "all", "both",   "several",  "few",       "each",
      "either", "neither", "one",  "two", "three",  "four",     "five",      "six",
      "seven",  "eight",   "nine", "ten", "dozens", "hundreds", "thousands", "millions"}},
};

const char* const kNeutral[] = {"say", "says", "said", "said", "saying"};

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// The five forms of a regular verb, from its base ("admit+" doubles the final consonant).
void regular_forms(std::string base, std::string (&forms)[5]) {
  bool doubles = !base.empty() && base.back() == '+';
  if (doubles) base.pop_back();
  char last = base.back();
  bool ends_e = last == 'e';
  bool consonant_y = last == 'y' && base.size() > 1 && !is_vowel(base[base.size() - 2]);
  bool sibilant = last == 's' || last == 'x' || last == 'z' ||
                  (base.size() > 1 && (base.ends_with("ch") || base.ends_with("sh")));
  forms[0] = base;
  if (consonant_y)
    forms[1] = base.substr(0, base.size() - 1) + "ies";
  else if (sibilant)
    forms[1] = base + "es";
  else
    forms[1] = base + "s";
  std::string stem = doubles ? base + last : base;
  if (ends_e)
    forms[2] = base + "d";
  else if (consonant_y)
    forms[2] = base.substr(0, base.size() - 1) + "ied";
  else
    forms[2] = stem + "ed";
  forms[3] = forms[2];
  if (ends_e && !base.ends_with("ee"))
    forms[4] = base.substr(0, base.size() - 1) + "ing";
  else
    forms[4] = stem + "ing";
}

struct Lexicon {
  std::deque<std::string> strings;  // stable storage for generated keys and lemmas
  std::deque<CueWord> cues;
  std::unordered_map<std::string_view, WordInfo> words;

  std::string_view keep(std::string text) {
    strings.push_back(std::move(text));
    return strings.back();
  }

  void add_class(std::string_view word, std::uint32_t classes) {
    WordInfo& info = words[keep(std::string(word))];
    info.classes |= classes;
  }

  // A cue form; the first cue registered for a word wins (a word's most common use first).
  void add_cue(std::string_view word, const CueWord& cue) {
    WordInfo& info = words[keep(std::string(word))];
    info.classes |= kCueWord;
    if (!info.cue) {
      cues.push_back(cue);
      info.cue = &cues.back();
    }
  }

  Lexicon() {
    words.reserve(4096);
    constexpr VerbForm kForms[] = {VerbForm::base, VerbForm::third_person, VerbForm::past,
                                   VerbForm::participle, VerbForm::gerund};
    for (const VerbSpec& spec : kVerbs) {
      std::string text = spec.forms;
      std::string forms[5];
      if (text.find('|') == std::string::npos) {
        regular_forms(text, forms);
      } else {
        std::size_t start = 0;
        for (int i = 0; i < 5; ++i) {
          std::size_t bar = text.find('|', start);
          forms[i] = text.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
          start = bar == std::string::npos ? text.size() : bar + 1;
        }
      }
      std::string_view lemma = keep(forms[0]);
      std::uint16_t flags = spec.flags;
      if (forms[2] == forms[3]) flags |= kPastEqualsParticiple;
      for (int i = 0; i < 5; ++i) {
        // "said" is past and participle: register it once, as the past.
        if (i == 3 && forms[3] == forms[2]) continue;
        add_cue(forms[i],
                {lemma, kForms[i], spec.cue_class, flags, spec.particles, spec.particle_required});
      }
    }
    for (const NounSpec& noun : kCueNouns)
      add_cue(noun.word,
              {keep(noun.word), VerbForm::noun, noun.cue_class, kNeedsClause, "", false});
    add_cue("according", {"according", VerbForm::other, S, kStrong, "to", true});
    for (const ClassList& list : kClassLists)
      for (const char* word : list.words)
        add_class(word, list.classes);
  }
};

// The lexicon as an open-addressing table keyed by word_key(): one probe for most words, no
// allocation.
struct WordTable {
  struct Slot {
    std::uint64_t hash = kNoWordKey;
    std::string_view key;
    WordInfo info;
  };
  std::vector<Slot> slots;
  std::uint32_t mask = 0;

  explicit WordTable(const Lexicon& lexicon) {
    std::size_t size = 1;
    while (size < lexicon.words.size() * 4)
      size <<= 1;
    slots.resize(size);
    mask = static_cast<std::uint32_t>(size - 1);
    for (const auto& [key, info] : lexicon.words) {
      std::uint64_t hash = word_key(key);
      std::uint32_t i = static_cast<std::uint32_t>(hash) & mask;
      while (!slots[i].key.empty())
        i = (i + 1) & mask;
      slots[i] = {hash, key, info};
    }
  }

  // The slot whose key has `hash`, or nullptr. Keys are 64-bit hashes of at most 32 bytes:
  // callers that hold the text still compare it, for certainty.
  const Slot* find(std::uint64_t hash) const {
    if (hash == kNoWordKey) return nullptr;
    for (std::uint32_t i = static_cast<std::uint32_t>(hash) & mask; !slots[i].key.empty();
         i = (i + 1) & mask)
      if (slots[i].hash == hash) return &slots[i];
    return nullptr;
  }
};

const WordTable& table() {
  static const Lexicon instance;
  static const WordTable words(instance);
  return words;
}

}  // namespace

WordInfo lookup_word(std::string_view lower) {
  static const WordTable& words = table();
  const WordTable::Slot* slot = words.find(word_key(lower));
  return slot && slot->key == lower ? slot->info : WordInfo{};
}

WordInfo lookup_token(std::string_view word, std::uint64_t key) {
  // Called for every word of every document: one guard test here instead of table()'s two.
  static const WordTable& words = table();
  const WordTable::Slot* slot = words.find(key);
  return slot && normalizes_to(word, slot->key) ? slot->info : WordInfo{};
}

std::string_view lower_word(std::string_view word, char* buffer, std::size_t capacity) {
  // Nearly every word is ASCII: one test per byte, no bounds test inside the loop.
  if (word.size() <= capacity) {
    std::size_t i = 0;
    for (; i < word.size(); ++i) {
      auto c = static_cast<unsigned char>(word[i]);
      if (c >= 0x80) break;
      buffer[i] = static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + ('a' - 'A') : c);
    }
    if (i == word.size()) return {buffer, i};
  }
  std::size_t size = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    // U+2019 RIGHT SINGLE QUOTATION MARK, the typographic apostrophe: read as '\''.
    if (c == '\xE2' && i + 2 < word.size() && word[i + 1] == '\x80' && word[i + 2] == '\x99') {
      c = '\'';
      i += 2;
    } else if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    if (size == capacity) return {};
    buffer[size++] = c;
  }
  return {buffer, size};
}

std::string_view neutral_replacement(VerbForm form) {
  switch (form) {
    case VerbForm::base:
      return kNeutral[0];
    case VerbForm::third_person:
      return kNeutral[1];
    case VerbForm::past:
      return kNeutral[2];
    case VerbForm::participle:
      return kNeutral[3];
    case VerbForm::gerund:
      return kNeutral[4];
    default:
      return {};
  }
}

VerbForm guess_verb_form(std::string_view lower) {
  if (lower.ends_with("ing")) return VerbForm::gerund;
  if (lower.ends_with("ed")) return VerbForm::past;
  if (lower.ends_with("s") && !lower.ends_with("ss")) return VerbForm::third_person;
  return VerbForm::base;
}

}  // namespace copydesk::analyzers::attributions
