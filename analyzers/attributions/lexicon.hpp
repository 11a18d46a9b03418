// The attribution lexicon: what each English word can do in an attribution (a reporting verb in
// one of its inflections, an auxiliary that joins the verb group, a noun that heads a source of
// some kind...). Built once from static tables; looked up by the lower-cased word.
#pragma once

#include <cstdint>
#include <string_view>

namespace copydesk::analyzers::attributions {

// Word classes, as bits: a word can have several ("that": determiner and relative pronoun).
enum WordClass : std::uint32_t {
  kCueWord = 1u << 0,            // in the cue table: a reporting verb form, "according", a noun cue
  kAuxiliary = 1u << 1,          // has, was, did, been: joins a verb group
  kModal = 1u << 2,              // will, would, could
  kNegation = 1u << 3,           // not, never, didn't
  kVerbAdverb = 1u << 4,         // also, later, repeatedly: joins a verb group
  kTimeWord = 1u << 5,           // Monday, yesterday, week, morning: "said Monday", "last week"
  kPersonalPronoun = 1u << 6,    // he, she, they, it, we, I, you
  kRelativePronoun = 1u << 7,    // who, which, that
  kDeterminer = 1u << 8,         // the, a, this, his, some
  kTitle = 1u << 9,              // Mr., President, Gen.: precedes a person's name
  kOrganizationNoun = 1u << 10,  // ministry, agency, party: heads an organization
  kAnonymousNoun = 1u << 11,     // officials, sources, residents: an unnamed group of people
  kDocumentNoun = 1u << 12,      // report, statement, study
  kRoleNoun = 1u << 13,          // spokesperson, minister: a role a person holds
  kPreposition = 1u << 14,
  kConjunction = 1u << 15,      // and, or, but
  kSubordinator = 1u << 16,     // when, while, because, although: opens a clause
  kVerb = 1u << 17,             // a common verb that is no cue: ends a noun phrase
  kNameParticle = 1u << 18,     // de, van, al: lower-case inside a name
  kRecipientNoun = 1u << 19,    // reporters, supporters: who is told
  kObjectPronoun = 1u << 20,    // him, her, them, me, us
  kPossessive = 1u << 21,       // his, her, its, their
  kNumberWord = 1u << 22,       // two, three, dozens
  kCorporateSuffix = 1u << 23,  // Inc., Corp., Ltd.
  kNotName = 1u << 24,          // capitalized but never a name: days, months, "The"
  kPersonNoun = 1u << 25,       // man, woman, voter, resident: a person, not a group
  kVerbParticle = 1u << 26,     // out, up, on: after a phrasal verb
  kPlural = 1u << 27,           // a plural noun among the classes above
  kPlace = 1u << 28,            // countries and capitals: "Russia said", "Moscow claimed"
  kGenericNoun = 1u << 29,      // group, organization, company: refers back to a named body
  kSurveyNoun = 1u << 30,       // poll, survey: "in a CNN poll" attributes what it found
  kQuantifier = 1u << 31,       // most, many, two: a determiner that can stand as a subject
};

enum class VerbForm : std::uint8_t { base, third_person, past, participle, gerund, noun, other };

// How sure a cue is on its own: speech cues report words (TimeML REPORTING); attitude cues
// report beliefs, intentions, support and findings (PolNeAR counts both).
enum class CueClass : std::uint8_t { speech, attitude };

enum CueFlag : std::uint16_t {
  kLoaded = 1,          // house style prefers "said": claimed, admitted, insisted
  kTakesRecipient = 2,  // told reporters (that) ...: the object is a listener, not the content
  kNeedsClause = 4,     // a cue only with a content clause ("that ...", a quote, "to" + verb)
  kStrong = 8,          // a cue wherever it stands (said, told): no subject or object needed
  kNeedsSubject = 16,   // a cue only with a subject right before it
  kPastEqualsParticiple = 32,
  kClauseOnly = 64,  // its object is no report: "added 500 jobs", "posted a loss"
  kRaising = 128,    // "X seemed to ...": no source; the subject is part of the content
  kNounToo = 256,    // the -s form is mostly a noun ("attacks", "remarks", "states")
  kNounCue = 512,    // after a possessive, the base or -s form is a noun cue ("his support for")
};

struct CueWord {
  std::string_view lemma;  // "say"
  VerbForm form = VerbForm::base;
  CueClass cue_class = CueClass::speech;
  std::uint16_t flags = 0;
  // Words that must follow ("to" after "according", "out" after "pointed"); '|' separates
  // alternatives. Empty: none.
  std::string_view particles;
  bool particle_required = false;
};

struct WordInfo {
  std::uint32_t classes = 0;
  const CueWord* cue = nullptr;  // set when classes has kCueWord
  bool has(std::uint32_t mask) const { return (classes & mask) != 0; }
};

// Classes of a lower-cased word (ASCII letters lower-cased, U+2019 read as an apostrophe).
// Unknown words: no classes.
WordInfo lookup_word(std::string_view lower);
// The same for a word as written, by its word_key() (Segmentation::word_keys).
WordInfo lookup_token(std::string_view word, std::uint64_t key);

// Lower-cases `word` into `buffer` (ASCII letters; a right single quotation mark becomes an
// apostrophe). Returns the lower-cased view, or an empty view when the word does not fit.
std::string_view lower_word(std::string_view word, char* buffer, std::size_t capacity);

// The inflection of "say" that replaces a loaded verb form: "claims" -> "says", "claimed" ->
// "said", "claiming" -> "saying". `word` is lower-cased; the result keeps nothing of its case.
std::string_view neutral_replacement(VerbForm form);

// The form of a verb read by its ending, for house-list verbs not in the table.
VerbForm guess_verb_form(std::string_view lower);

}  // namespace copydesk::analyzers::attributions
