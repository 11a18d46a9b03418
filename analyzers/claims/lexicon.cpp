#include "analyzers/claims/lexicon.hpp"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/word_key.hpp"

namespace copydesk::analyzers::claims {
namespace {

struct ClassList {
  std::uint64_t classes;
  std::string_view words;  // space-separated
};

// Plain word classes. A word may appear in several lists; its classes are or-ed.
const ClassList kClassLists[] = {
    {kDeterminer,
     "the a an this that these those his her its their our my your any no every each another "
     "such"},
    {kNegation,
     "not never no cannot can't couldn't wouldn't won't don't doesn't didn't isn't aren't wasn't "
     "weren't hasn't haven't hadn't shouldn't nor neither"},
    {kSubjectPronoun, "i we they you he she it"},
    {kBe, "is are was were be been being am"},
    {kHave, "has have had having"},
    {kModal, "will would can could may might shall should must"},
    {kApproximator,
     "about around nearly almost approximately roughly over more fewer less least under up "
     "upwards some estimated than"},
    {kPeopleNoun,
     "people persons civilians soldiers troops servicemen fighters combatants militants "
     "insurgents rebels police officers policemen children women men students workers "
     "passengers residents victims migrants refugees protesters demonstrators members tourists "
     "pilgrims miners crew sailors personnel terrorists attackers gunmen others inmates "
     "prisoners hostages patients guards firefighters rescuers journalists villagers"},
    {kMaterielNoun,
     "tanks vehicles aircraft planes jets helicopters drones missiles rockets shells ships boats "
     "vessels homes houses buildings apartments flats hectares acres warplanes artillery bombs "
     "trucks cars"},
    {kSuperlative,
     "largest biggest greatest highest lowest worst deadliest bloodiest strongest heaviest "
     "costliest longest fastest hottest coldest wettest driest"},
    {kAlwaysRecord, "deadliest bloodiest costliest"},
    {kRecordWord, "since ever history record decades century"},
    {kReportCue,
     "said says say saying told tells tell according reported reports reporting announced "
     "announces stated states claimed claims claiming confirmed confirms added adds wrote "
     "writes posted tweeted cited citing quoted quoting acknowledged admitted explained noted "
     "warned testified insisted denied alleged alleges estimated estimates showed shows found "
     "revealed disclosed published statement statements quoted asserted argued told "
     "informed briefed described describes describing report"},
    {kWeaselQuantifier, "some many most several numerous various certain countless"},
    {kWeaselNoun,
     "critics observers experts commentators pundits skeptics sceptics detractors analysts "
     "scientists economists historians researchers people others opponents supporters insiders"},
    {kOpinionVerb,
     "say says argue argues argued believe believes think thinks claim claims contend contends "
     "warn warn warns suggest suggests feel feels fear fears agree agrees maintain maintains "
     "insist insists allege alleges charge charges worry worries predict predicts speculate "
     "speculates suspect suspect suspects wonder wonders question questions assert asserts "
     "consider considers doubt doubts"},
    {kMonth,
     "january february march april june july august september october november december jan "
     "feb mar apr jun jul aug sep sept oct nov dec"},
    {kUpdateWord,
     "rose risen raised climbed increased increasing increases jumped revised updated "
     "earlier initially previously originally later now subsequently bringing brought "
     "brings total from rising climbing"},
    {kOtherEvent, "last previous earlier another other separate similar prior former past ago"},
    {kPercent, "percent pct per percentage"},
    {kCurrency,
     "dollars dlrs dlr usd euros euro pounds yen rubles roubles yuan rupees francs marks "
     "hryvnias"},
    {kChangeVerb,
     "rose fell increased decreased dropped declined jumped surged plunged climbed grew slipped "
     "gained tumbled soared slumped rises falls increases decreases drops declines jumps "
     "surges plunges climbs grows"},
    {kPreposition,
     "in on at of for with by from to into during after before near since within across "
     "against between among through"},
    {kOpinionWord, "should must ought opinion"},
    {kNamedSourceNoun,
     "ministry police agency office department government spokesman spokeswoman "
     "spokesperson army military council commission authority authorities service"},
    {kPluralPeople,
     "officials sources residents witnesses authorities diplomats analysts officers aides"},
    {kTimeWord,
     "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week "
     "weeks month months year years morning afternoon evening night weekend tonight"},
    {kBareWeasel, "critics observers experts commentators pundits skeptics sceptics detractors"},
    {kOpinionPresent,
     "say argue believe think claim contend warn suggest feel fear agree maintain insist allege "
     "worry predict speculate suspect wonder question assert consider doubt charge note point "
     "complain"},
    {kOpinionPast,
     "said argued believed thought claimed contended warned suggested felt feared agreed "
     "maintained insisted alleged worried predicted speculated suspected wondered questioned "
     "asserted considered doubted noted charged complained"},
    {kMajorityAdverb, "widely generally commonly popularly universally"},
    {kMajorityVerb,
     "believed thought regarded considered seen viewed held accepted assumed acknowledged "
     "recognized recognised said claimed agreed"},
    {kWeaselStart,
     "some many most several numerous various certain countless critics observers experts "
     "commentators pundits skeptics sceptics detractors others people there a widely generally "
     "commonly popularly universally say says said argue argues argued believe believes "
     "believed think thinks thought claim claims claimed contend contends contended warn warns "
     "warned suggest suggests suggested note notes noted"},
    {kAccusationCue,
     "blamed blames blame blaming responsible orchestrated masterminded perpetrated behind "
     "carried caused triggered hands retaliation"},
    {kCaveatWord,
     "verified verify verifying verification confirmed confirm confirmation authenticated "
     "authenticate unconfirmed unverified"},
    {kEventNoun,
     "attack attacks bombing bombings explosion explosions blast blasts fire fires crash "
     "shooting shootings killing killings massacre strike strikes raid raids incursion assault "
     "assaults incident violence collapse derailment outbreak leak poisoning murder murders "
     "deaths death damage disaster accident flooding outage unrest riots hack cyberattack "
     "sabotage ambush shelling invasion abduction kidnapping stabbing blackout spill"},
    {kWeaselAux,
     "have has had will would may might also still now even long often widely privately "
     "openly"},
    {kClauseLink, "but and while although though yet as because"},
    {kImpersonalVerb,
     "believed thought said reported alleged claimed understood rumored rumoured suspected "
     "feared assumed suggested estimated expected argued held speculated"},
    {kImpersonalAdverb, "widely generally commonly now also often long still"},
};

struct NumberWord {
  std::string_view word;
  double value;  // 0: a vague count ("dozens") that makes a figure but never an exact one
  std::uint64_t classes;
};

const NumberWord kNumbers[] = {
    {"one", 1, kNumberWord},
    {"two", 2, kNumberWord},
    {"three", 3, kNumberWord},
    {"four", 4, kNumberWord},
    {"five", 5, kNumberWord},
    {"six", 6, kNumberWord},
    {"seven", 7, kNumberWord},
    {"eight", 8, kNumberWord},
    {"nine", 9, kNumberWord},
    {"ten", 10, kNumberWord},
    {"eleven", 11, kNumberWord},
    {"twelve", 12, kNumberWord},
    {"thirteen", 13, kNumberWord},
    {"fourteen", 14, kNumberWord},
    {"fifteen", 15, kNumberWord},
    {"sixteen", 16, kNumberWord},
    {"seventeen", 17, kNumberWord},
    {"eighteen", 18, kNumberWord},
    {"nineteen", 19, kNumberWord},
    {"twenty", 20, kNumberWord},
    {"thirty", 30, kNumberWord},
    {"forty", 40, kNumberWord},
    {"fifty", 50, kNumberWord},
    {"sixty", 60, kNumberWord},
    {"seventy", 70, kNumberWord},
    {"eighty", 80, kNumberWord},
    {"ninety", 90, kNumberWord},
    {"dozen", 12, kNumberWord},
    {"dozens", 0, kNumberWord},
    {"hundreds", 0, kNumberWord},
    {"thousands", 0, kNumberWord},
    {"scores", 0, kNumberWord},
    {"millions", 0, kNumberWord},
    {"hundred", 100, kNumberWord | kMultiplier},
    {"thousand", 1e3, kNumberWord | kMultiplier},
    {"million", 1e6, kMultiplier},
    {"mln", 1e6, kMultiplier},
    {"billion", 1e9, kMultiplier},
    {"bln", 1e9, kMultiplier},
    {"trillion", 1e12, kMultiplier},
};

struct KeyedWord {
  std::string_view words;  // space-separated
  std::uint64_t classes;
  std::string_view key;
};

// Casualty and count words with the figure key they share.
const KeyedWord kKeyed[] = {
    {"killed kill kills killing dead died die dies deaths death fatalities fatality killings "
     "bodies toll slain murdered perished drowned massacred executed",
     kCasualty, "killed"},
    {"wounded injured injuring wounding hurt injuries injury", kCasualty, "injured"},
    {"casualties", kCasualty, "casualties"},
    {"missing", kCasualty, "missing"},
    {"arrested detained arrests detentions", kCountVerb, "arrested"},
    {"evacuated evacuations", kCountVerb, "evacuated"},
    {"displaced homeless", kCountVerb, "displaced"},
    {"rescued", kCountVerb, "rescued"},
    {"destroyed", kCountVerb, "destroyed"},
    {"damaged", kCountVerb, "damaged"},
    {"captured seized", kCountVerb, "captured"},
    {"downed intercepted", kCountVerb, "downed"},
    {"lost loss losses", kCountVerb, "lost"},
    {"hospitalized hospitalised", kCountVerb, "hospitalized"},
    {"infected", kCountVerb, "infected"},
    {"trapped", kCountVerb, "trapped"},
};

constexpr HedgeKind E = HedgeKind::epistemic;
constexpr HedgeKind D = HedgeKind::doxastic;
constexpr HedgeKind I = HedgeKind::investigation;
constexpr HedgeKind C = HedgeKind::condition;
constexpr HedgeKind R = HedgeKind::reported;
constexpr std::uint8_t kImp = kImpersonal;

// Hedge words and phrases (the uncertainty vocabulary the Szeged corpus marks, plus the
// reporting hedges news copy uses). Where a word is a hedge only in some contexts, the guard
// says which check decides.
const Phrase kHedges[] = {
    // Epistemic: possibility and probability.
    {"may", PhraseRole::hedge, E, 0, Guard::not_month},
    {"might", PhraseRole::hedge, E, 0, Guard::not_noun},
    {"could", PhraseRole::hedge, E, 0, Guard::not_negated},
    {"perhaps", PhraseRole::hedge, E},
    {"maybe", PhraseRole::hedge, E},
    {"possibly", PhraseRole::hedge, E},
    {"probably", PhraseRole::hedge, E},
    {"presumably", PhraseRole::hedge, E},
    {"apparently", PhraseRole::hedge, E},
    {"apparent", PhraseRole::hedge, E},
    {"seemingly", PhraseRole::hedge, E},
    {"conceivably", PhraseRole::hedge, E},
    {"arguably", PhraseRole::hedge, E},
    {"likely", PhraseRole::hedge, E},
    {"unlikely", PhraseRole::hedge, E},
    {"probable", PhraseRole::hedge, E},
    {"improbable", PhraseRole::hedge, E},
    {"plausible", PhraseRole::hedge, E},
    {"possible", PhraseRole::hedge, E, 0, Guard::not_ability},
    {"possibility", PhraseRole::hedge, E},
    {"possibilities", PhraseRole::hedge, E},
    {"likelihood", PhraseRole::hedge, E},
    {"seem", PhraseRole::hedge, E},
    {"seems", PhraseRole::hedge, E},
    {"seemed", PhraseRole::hedge, E},
    {"seeming", PhraseRole::hedge, E},
    {"appear", PhraseRole::hedge, E, 0, Guard::clause_follows},
    {"appears", PhraseRole::hedge, E, 0, Guard::clause_follows},
    {"appeared", PhraseRole::hedge, E, 0, Guard::clause_follows},
    {"appearing", PhraseRole::hedge, E, 0, Guard::clause_follows},
    {"suggest", PhraseRole::hedge, E, 0, Guard::opinion_sense},
    {"suggests", PhraseRole::hedge, E, 0, Guard::opinion_sense},
    {"suggested", PhraseRole::hedge, E, 0, Guard::opinion_sense},
    {"suggesting", PhraseRole::hedge, E, 0, Guard::opinion_sense},
    {"indicate", PhraseRole::hedge, E, 0, Guard::that_follows},
    {"indicates", PhraseRole::hedge, E, 0, Guard::that_follows},
    {"indicated", PhraseRole::hedge, E, 0, Guard::that_follows},
    {"indicating", PhraseRole::hedge, E, 0, Guard::that_follows},
    {"implies", PhraseRole::hedge, E},
    {"imply", PhraseRole::hedge, E},
    {"estimated", PhraseRole::hedge, E},
    {"estimates", PhraseRole::hedge, E},
    {"almost certainly", PhraseRole::hedge, E},
    {"in all likelihood", PhraseRole::hedge, E},
    {"in all probability", PhraseRole::hedge, E},
    {"not ruled out", PhraseRole::hedge, E},
    {"not be ruled out", PhraseRole::hedge, E},
    {"cannot be ruled out", PhraseRole::hedge, E},
    {"can't be ruled out", PhraseRole::hedge, E},
    {"no evidence", PhraseRole::hedge, E},
    {"little evidence", PhraseRole::hedge, E},
    {"no proof", PhraseRole::hedge, E},
    {"no confirmation", PhraseRole::hedge, E},

    // Doxastic: beliefs and expectations.
    {"believe", PhraseRole::hedge, D},
    {"believes", PhraseRole::hedge, D},
    {"believed", PhraseRole::hedge, D},
    {"believing", PhraseRole::hedge, D},
    {"think", PhraseRole::hedge, D},
    {"thinks", PhraseRole::hedge, D},
    {"thought", PhraseRole::hedge, D, 0, Guard::not_noun},
    {"thinking", PhraseRole::hedge, D, 0, Guard::that_follows},
    {"expect", PhraseRole::hedge, D},
    {"expects", PhraseRole::hedge, D},
    {"expected", PhraseRole::hedge, D, 0, Guard::not_attributive},
    {"expecting", PhraseRole::hedge, D},
    {"anticipate", PhraseRole::hedge, D},
    {"anticipates", PhraseRole::hedge, D},
    {"anticipated", PhraseRole::hedge, D},
    {"predict", PhraseRole::hedge, D},
    {"predicts", PhraseRole::hedge, D},
    {"predicted", PhraseRole::hedge, D},
    {"suspect", PhraseRole::hedge, D, 0, Guard::verb_subject},
    {"suspects", PhraseRole::hedge, D, 0, Guard::verb_subject},
    {"suspected", PhraseRole::hedge, D},
    {"considered", PhraseRole::hedge, D, 0, Guard::opinion_sense},
    {"regarded as", PhraseRole::hedge, D},
    {"viewed as", PhraseRole::hedge, D},
    {"seen as", PhraseRole::hedge, D},
    {"assume", PhraseRole::hedge, D, 0, Guard::not_take_on},
    {"assumes", PhraseRole::hedge, D, 0, Guard::not_take_on},
    {"assumed", PhraseRole::hedge, D, 0, Guard::not_take_on},
    {"assuming", PhraseRole::hedge, D, 0, Guard::not_take_on},
    {"assumption", PhraseRole::hedge, D},
    {"presumed", PhraseRole::hedge, D},
    {"presumption", PhraseRole::hedge, D},
    {"suppose", PhraseRole::hedge, D},
    {"supposed", PhraseRole::hedge, D, 0, Guard::not_obligation},
    {"fear that", PhraseRole::hedge, D},
    {"fears that", PhraseRole::hedge, D},
    {"feared", PhraseRole::hedge, D},
    {"fearing", PhraseRole::hedge, D},
    {"feel", PhraseRole::hedge, D, 0, Guard::that_follows},
    {"feels", PhraseRole::hedge, D, 0, Guard::that_follows},
    {"felt", PhraseRole::hedge, D, 0, Guard::that_follows},
    {"doubt", PhraseRole::hedge, D, 0, Guard::not_noun},
    {"doubts", PhraseRole::hedge, D},
    {"doubted", PhraseRole::hedge, D},
    {"doubtful", PhraseRole::hedge, D},
    {"speculate", PhraseRole::hedge, D},
    {"speculated", PhraseRole::hedge, D},
    {"speculation", PhraseRole::hedge, D},
    {"guess", PhraseRole::hedge, D},
    {"guessed", PhraseRole::hedge, D},
    {"accused", PhraseRole::hedge, D},
    {"accuse", PhraseRole::hedge, D},
    {"accuses", PhraseRole::hedge, D},
    {"accusing", PhraseRole::hedge, D},
    {"accusation", PhraseRole::hedge, D},
    {"accusations", PhraseRole::hedge, D},

    // Investigation: what is not known yet.
    {"whether", PhraseRole::hedge, I, 0, Guard::not_question},
    {"unclear", PhraseRole::hedge, I},
    {"not clear", PhraseRole::hedge, I},
    {"uncertain", PhraseRole::hedge, I},
    {"not known", PhraseRole::hedge, I},
    {"unknown", PhraseRole::hedge, I, 0, Guard::clause_follows},
    {"remains to be seen", PhraseRole::hedge, I},
    {"remain to be seen", PhraseRole::hedge, I},
    {"yet to be seen", PhraseRole::hedge, I},
    {"yet to be determined", PhraseRole::hedge, I},
    {"little is known", PhraseRole::hedge, I},
    {"under investigation", PhraseRole::hedge, I},
    {"cast doubt", PhraseRole::hedge, I},
    {"casts doubt", PhraseRole::hedge, I},
    {"casting doubt", PhraseRole::hedge, I},
    {"raised questions", PhraseRole::hedge, I},
    {"raises questions", PhraseRole::hedge, I},

    // Conditions.
    {"if", PhraseRole::hedge, C, 0, Guard::condition_clause},
    {"unless", PhraseRole::hedge, C},
    {"provided that", PhraseRole::hedge, C},
    {"providing that", PhraseRole::hedge, C},
    {"as long as", PhraseRole::hedge, C},
    {"so long as", PhraseRole::hedge, C},
    {"on condition that", PhraseRole::hedge, C},
    {"in case", PhraseRole::hedge, C},

    // Reported: the copy passes on what someone else says without naming them.
    {"reportedly", PhraseRole::hedge, R, kImp},
    {"allegedly", PhraseRole::hedge, R, kImp},
    {"purportedly", PhraseRole::hedge, R, kImp},
    {"supposedly", PhraseRole::hedge, R, kImp},
    {"reputedly", PhraseRole::hedge, R, kImp},
    {"ostensibly", PhraseRole::hedge, R, kImp},
    {"alleged", PhraseRole::hedge, R},
    {"allege", PhraseRole::hedge, R},
    {"alleges", PhraseRole::hedge, R},
    {"alleging", PhraseRole::hedge, R},
    {"allegation", PhraseRole::hedge, R},
    {"allegations", PhraseRole::hedge, R},
    {"purported", PhraseRole::hedge, R, kImp},
    {"purporting to", PhraseRole::hedge, R, kImp},
    {"purports to", PhraseRole::hedge, R, kImp},
    {"rumored", PhraseRole::hedge, R, kImp},
    {"rumoured", PhraseRole::hedge, R, kImp},
    {"rumors", PhraseRole::hedge, R, kImp},
    {"rumours", PhraseRole::hedge, R, kImp},
    {"rumor", PhraseRole::hedge, R, kImp},
    {"rumour", PhraseRole::hedge, R, kImp},
    {"unconfirmed", PhraseRole::hedge, R, kImp, Guard::not_by},
    {"unverified", PhraseRole::hedge, R, kImp, Guard::not_by},
    {"by reports", PhraseRole::hedge, R, kImp},
    {"by early reports", PhraseRole::hedge, R, kImp},
    {"by some reports", PhraseRole::hedge, R, kImp},
    {"by some accounts", PhraseRole::hedge, R, kImp},
    {"by one account", PhraseRole::hedge, R, kImp},
    {"according to reports", PhraseRole::hedge, R, kImp},
    {"according to media reports", PhraseRole::hedge, R, kImp},
    {"according to local reports", PhraseRole::hedge, R, kImp},
    {"according to unconfirmed reports", PhraseRole::hedge, R, kImp},
    {"according to some reports", PhraseRole::hedge, R, kImp},
    {"according to some accounts", PhraseRole::hedge, R, kImp},
    {"according to sources", PhraseRole::hedge, R, kImp},
    {"reports say", PhraseRole::hedge, R, kImp},
    {"reports said", PhraseRole::hedge, R, kImp},
    {"reports suggest", PhraseRole::hedge, R, kImp},
    {"reports suggested", PhraseRole::hedge, R, kImp},
    {"reports indicate", PhraseRole::hedge, R, kImp},
    {"is said to", PhraseRole::hedge, R, kImp},
    {"are said to", PhraseRole::hedge, R, kImp},
    {"was said to", PhraseRole::hedge, R, kImp},
    {"were said to", PhraseRole::hedge, R, kImp},
    {"been said to", PhraseRole::hedge, R, kImp},
    {"is believed to", PhraseRole::hedge, D, kImp},
    {"are believed to", PhraseRole::hedge, D, kImp},
    {"was believed to", PhraseRole::hedge, D, kImp},
    {"were believed to", PhraseRole::hedge, D, kImp},
    {"is thought to", PhraseRole::hedge, D, kImp},
    {"are thought to", PhraseRole::hedge, D, kImp},
    {"was thought to", PhraseRole::hedge, D, kImp},
    {"were thought to", PhraseRole::hedge, D, kImp},
    {"is understood to", PhraseRole::hedge, R, kImp},
    {"are understood to", PhraseRole::hedge, R, kImp},
    {"is alleged to", PhraseRole::hedge, R, kImp},
    {"are alleged to", PhraseRole::hedge, R, kImp},
    {"was alleged to", PhraseRole::hedge, R, kImp},
    {"is reported to", PhraseRole::hedge, R, kImp},
    {"are reported to", PhraseRole::hedge, R, kImp},
    {"was reported to", PhraseRole::hedge, R, kImp},
    {"were reported to", PhraseRole::hedge, R, kImp},
    {"is feared", PhraseRole::hedge, D, kImp},
    {"are feared", PhraseRole::hedge, D, kImp},
    {"claimed to be", PhraseRole::hedge, R},
    {"claims to be", PhraseRole::hedge, R},
    {"claiming to be", PhraseRole::hedge, R},
    {"claimed to have", PhraseRole::hedge, R},
    {"claims to have", PhraseRole::hedge, R},
};

// Verification caveats: the copy says it could not check what it reports.
const std::string_view kCaveats[] = {
    "could not be independently verified",
    "couldn't be independently verified",
    "could not be verified",
    "couldn't be verified",
    "cannot be verified",
    "can't be verified",
    "cannot be independently verified",
    "can't be independently verified",
    "could not be independently confirmed",
    "couldn't be independently confirmed",
    "could not be confirmed",
    "couldn't be confirmed",
    "cannot be confirmed",
    "cannot be independently confirmed",
    "has not been verified",
    "have not been verified",
    "had not been verified",
    "has not been independently verified",
    "have not been independently verified",
    "had not been independently verified",
    "has not been confirmed",
    "have not been confirmed",
    "had not been confirmed",
    "has not been independently confirmed",
    "have not been independently confirmed",
    "hasn't been verified",
    "haven't been verified",
    "hasn't been independently verified",
    "haven't been independently verified",
    "hasn't been confirmed",
    "haven't been confirmed",
    "was not independently verified",
    "were not independently verified",
    "was not verified",
    "were not verified",
    "was not independently confirmed",
    "were not independently confirmed",
    "could not independently verify",
    "couldn't independently verify",
    "could not verify",
    "couldn't verify",
    "could not independently confirm",
    "couldn't independently confirm",
    "could not confirm",
    "couldn't confirm",
    "cannot independently verify",
    "cannot verify",
    "cannot independently confirm",
    "cannot confirm",
    "was unable to verify",
    "were unable to verify",
    "was unable to independently verify",
    "were unable to independently verify",
    "was unable to confirm",
    "were unable to confirm",
    "was unable to independently confirm",
    "were unable to independently confirm",
    "is unable to verify",
    "is unable to independently verify",
    "has not independently verified",
    "have not independently verified",
    "has not been able to verify",
    "have not been able to verify",
    "has not been able to independently verify",
    "have not been able to independently verify",
    "has not been able to confirm",
    "not independently verified",
    "no independent verification",
    "no independent confirmation",
    "could not be authenticated",
    "cannot be authenticated",
    "has not been authenticated",
    "could not be independently authenticated",
    "not possible to verify",
    "not possible to independently verify",
    "not immediately possible to verify",
    "impossible to verify",
    "impossible to independently verify",
    "no way to verify",
    "no way of verifying",
    "not immediately able to verify",
    "not immediately able to confirm",
    "could not immediately verify",
    "could not immediately confirm",
    "couldn't immediately verify",
    "couldn't immediately confirm",
    "could not be immediately verified",
    "could not be immediately confirmed",
    "could not independently authenticate",
};

// Open addressing over FNV-1a hashes of the lower-cased word: a token's lower-casing and hashing
// are one pass, and a probe is a compare of hashes (the per-token cost of every stage).
struct Slot {
  std::uint64_t hash = 0;
  std::string_view key;
  const WordEntry* entry = nullptr;
};

struct Storage {
  std::unordered_map<std::string_view, WordEntry> words;  // node addresses are stable
  std::vector<Slot> slots;
  std::size_t mask = 0;
  std::deque<Phrase> built;                                // every phrase, with its words
  std::deque<std::vector<const WordEntry*>> phrase_words;  // each phrase's word entries
  std::deque<std::vector<const Phrase*>> lists;            // each word's phrases
};

std::string_view first_word(std::string_view phrase) {
  std::size_t space = phrase.find(' ');
  return space == std::string_view::npos ? phrase : phrase.substr(0, space);
}

void add_classes(Storage& s, std::string_view words, std::uint64_t classes,
                 std::string_view key = {}) {
  while (!words.empty()) {
    std::size_t space = words.find(' ');
    std::string_view word = words.substr(0, space);
    words = space == std::string_view::npos ? std::string_view{} : words.substr(space + 1);
    if (word.empty()) continue;
    WordEntry& entry = s.words[word];
    entry.classes |= classes;
    if (!key.empty()) entry.key = key;
  }
}

Storage build() {
  Storage s;
  for (const ClassList& list : kClassLists)
    add_classes(s, list.words, list.classes);
  for (const NumberWord& number : kNumbers) {
    WordEntry& entry = s.words[number.word];
    entry.classes |= number.classes;
    entry.value = number.value;
  }
  for (const KeyedWord& keyed : kKeyed)
    add_classes(s, keyed.words, keyed.classes, keyed.key);

  // Every phrase word gets an entry, so that phrases match by entry pointers.
  std::vector<Phrase*> phrases;
  for (const Phrase& phrase : kHedges)
    phrases.push_back(&s.built.emplace_back(phrase));
  for (std::string_view caveat : kCaveats)
    phrases.push_back(&s.built.emplace_back(Phrase{caveat, PhraseRole::caveat}));
  for (Phrase* phrase : phrases) {
    std::string_view rest = phrase->text;
    while (!rest.empty()) {
      std::size_t space = rest.find(' ');
      s.words.try_emplace(rest.substr(0, space));
      rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    }
  }
  std::unordered_map<std::string_view, std::vector<const Phrase*>> hedges_by_first;
  std::unordered_map<std::string_view, std::vector<const Phrase*>> caveats_by_first;
  for (Phrase* phrase : phrases) {
    std::vector<const WordEntry*>& entries = s.phrase_words.emplace_back();
    std::string_view rest = phrase->text;
    while (!rest.empty()) {
      std::size_t space = rest.find(' ');
      entries.push_back(&s.words.at(rest.substr(0, space)));
      rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    }
    phrase->words = std::span<const WordEntry* const>(entries.data(), entries.size());
    auto& by_first = phrase->role == PhraseRole::caveat ? caveats_by_first : hedges_by_first;
    by_first[first_word(phrase->text)].push_back(phrase);
  }
  // Longest first, so "is said to" wins over a shorter phrase starting the same way.
  auto longest_first = [](const Phrase* a, const Phrase* b) {
    return a->words.size() > b->words.size();
  };
  for (auto& [word, list] : hedges_by_first) {
    std::stable_sort(list.begin(), list.end(), longest_first);
    const auto& stored = s.lists.emplace_back(std::move(list));
    s.words.at(word).hedges = std::span<const Phrase* const>(stored.data(), stored.size());
    s.words.at(word).classes |= kStartsHedge;
  }
  for (auto& [word, list] : caveats_by_first) {
    std::stable_sort(list.begin(), list.end(), longest_first);
    const auto& stored = s.lists.emplace_back(std::move(list));
    s.words.at(word).caveats = std::span<const Phrase* const>(stored.data(), stored.size());
    s.words.at(word).classes |= kStartsCaveat;
  }
  std::size_t size = 1;
  while (size < s.words.size() * 4)
    size *= 2;
  s.slots.resize(size);
  s.mask = size - 1;
  for (const auto& [word, entry] : s.words) {
    std::uint64_t h = word_key(word);
    std::size_t i = h & s.mask;
    while (s.slots[i].entry)
      i = (i + 1) & s.mask;
    s.slots[i] = {h, word, &entry};
  }
  return s;
}

const Storage& storage() {
  static const Storage s = build();
  return s;
}

}  // namespace

const char* to_string(HedgeKind kind) {
  switch (kind) {
    case HedgeKind::epistemic:
      return "epistemic";
    case HedgeKind::doxastic:
      return "doxastic";
    case HedgeKind::investigation:
      return "investigation";
    case HedgeKind::condition:
      return "condition";
    case HedgeKind::reported:
      return "reported";
    case HedgeKind::weasel:
      return "weasel";
  }
  return "epistemic";
}

const WordEntry* lookup_token(std::string_view word, std::uint64_t key) {
  if (key == kNoWordKey) return nullptr;
  const Storage& s = storage();
  for (std::size_t i = key & s.mask; s.slots[i].entry; i = (i + 1) & s.mask)
    if (s.slots[i].hash == key && normalizes_to(word, s.slots[i].key)) return s.slots[i].entry;
  return nullptr;
}

const WordEntry* lookup_word(std::string_view word) {
  return lookup_token(word, word_key(word));
}

}  // namespace copydesk::analyzers::claims
