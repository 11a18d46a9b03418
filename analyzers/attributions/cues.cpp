#include "analyzers/attributions/cues.hpp"

#include <algorithm>

namespace copydesk::analyzers::attributions {
namespace {

bool is_be(std::string_view word) {
  return word == "is" || word == "was" || word == "are" || word == "were" || word == "be" ||
         word == "been" || word == "being" || word == "am";
}

bool particle_matches(std::string_view particles, std::string_view word) {
  std::size_t start = 0;
  while (start <= particles.size()) {
    std::size_t bar = particles.find('|', start);
    if (bar == std::string_view::npos) bar = particles.size();
    if (particles.substr(start, bar - start) == word) return true;
    start = bar + 1;
  }
  return false;
}

// Adverbs that join a verb group: the listed ones, and "-ly" words the lexicon does not know.
bool is_group_adverb(const TaggedText& text, std::uint32_t i) {
  if (!text.is_word(i) || text.is_capitalized(i)) return false;
  if (text.has(i, kVerbAdverb)) return true;
  std::string_view t = text.text(i);
  return t.size() > 4 && t.ends_with("ly") && text.info(i).classes == 0;
}

// Whether token `b` joins the verb group after it: an auxiliary, a modal, a negation, an adverb.
bool joins_group(const TaggedText& text, const Sentence& sentence, std::uint32_t b) {
  if (!text.is_word(b)) return false;
  bool joins = text.has(b, kAuxiliary | kModal | kNegation) || is_group_adverb(text, b);
  if (!joins || text.has(b, kPersonalPronoun | kCueWord)) return false;
  return !(text.is_capitalized(b) && !text.opens_sentence(b, sentence));
}

// The first token of a verb that takes the infinitive "to" at `to` as its own continuation:
// "went on (to say)", "continued (to back)", "began (to question)", "was quick (to praise)".
// Returns `to` when there is none.
std::uint32_t control_verb_start(const TaggedText& text, const Sentence& sentence,
                                 std::uint32_t to) {
  if (to < sentence.first_token + 1 || !text.is_word(to - 1)) return to;
  std::uint32_t v = to - 1;
  std::string_view w = text.text(v);
  if (w == "on" && v > sentence.first_token) {
    std::string_view go = text.text(v - 1);
    if (go == "went" || go == "go" || go == "goes" || go == "going" || go == "gone") return v - 1;
    return to;
  }
  static constexpr std::string_view kControl[] = {
      "continue", "continues", "continued", "continuing", "began",  "begin", "begins",
      "begun",    "started",   "starts",    "start",      "tend",   "tends", "tended",
      "quick",    "likely",    "unlikely",  "eager",      "willing"};
  for (std::string_view control : kControl)
    if (w == control) return v;
  return to;
}

// Words before a participle that open its clause: "when asked", "if told", "after being warned".
bool opens_participle_clause(std::string_view word) {
  return word == "when" || word == "When" || word == "if" || word == "If" || word == "after" ||
         word == "After" || word == "once" || word == "Once" || word == "until" || word == "as" ||
         word == "unless" || word == "before";
}

// A verb that comes from the house list: a speech verb that needs a content clause.
const CueWord* house_cue(VerbForm form) {
  static const CueWord kHouse[] = {
      {"", VerbForm::base, CueClass::speech, kNeedsClause, "", false},
      {"", VerbForm::third_person, CueClass::speech, kNeedsClause, "", false},
      {"", VerbForm::past, CueClass::speech, kNeedsClause | kPastEqualsParticiple, "", false},
      {"", VerbForm::participle, CueClass::speech, kNeedsClause, "", false},
      {"", VerbForm::gerund, CueClass::speech, kNeedsClause, "", false},
  };
  switch (form) {
    case VerbForm::third_person:
      return &kHouse[1];
    case VerbForm::past:
      return &kHouse[2];
    case VerbForm::gerund:
      return &kHouse[4];
    default:
      return &kHouse[0];
  }
}

// A headline in title case ("Trump Says He Will Win"): its capitalized verbs are verbs, not names.
// Most words of four letters or more are capitalized.
bool is_title_case(const TaggedText& text, const Sentence& sentence) {
  std::uint32_t words = 0, capitalized = 0;
  for (std::uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    if (!text.is_word(i) || text.text(i).size() < 4) continue;
    ++words;
    if (text.is_capitalized(i)) ++capitalized;
  }
  return words >= 3 && capitalized * 5 >= words * 4;
}

bool is_in(const TaggedText& text, std::uint32_t i) {
  std::string_view w = text.text(i);
  return w.size() == 2 && (w[0] == 'i' || w[0] == 'I') && w[1] == 'n';
}

// "in a CNN poll (released Monday)": the phrase after "in" ends on a poll or survey within a few
// words, with no preposition before it ("in light of the polls", "in third place in polls").
// Mid-sentence only one poll: "leads in the polls" is a standing, not a report of what a poll
// found. Returns the token after the survey noun, or `first` when there is none.
std::uint32_t survey_phrase_end(const TaggedText& text, const Sentence& sentence,
                                std::uint32_t first, bool opens_sentence) {
  std::uint32_t limit = std::min(sentence.end_token, first + 9);
  // Most phrases after "in" name no poll: a test of the class bits settles them.
  bool survey = false;
  for (std::uint32_t i = first; i < limit && !survey; ++i)
    survey = text.has(i, kSurveyNoun);
  if (!survey) return first;
  for (std::uint32_t i = first; i < limit; ++i) {
    if (!text.is_word(i) && text.token(i).kind != TokenKind::number && !text.is_char(i, '/') &&
        !text.is_char(i, '-') && !text.is_char(i, '\''))
      return first;
    if (text.is_word(i) && (text.has(i, kVerb | kAuxiliary | kModal | kRelativePronoun |
                                            kPreposition | kConjunction | kCueWord) ||
                            text.text(i).ends_with("ing")))
      return first;
    if (!text.has(i, kSurveyNoun) || text.is_capitalized(i)) continue;
    if (text.has(i, kPlural) && !opens_sentence) return first;
    std::uint32_t next = i + 1;
    // "poll numbers", "polls show": the survey is no source here, or has a cue of its own.
    if (next < sentence.end_token && text.is_word(next) &&
        (text.is_plain_lower(next) || text.has(next, kCueWord | kVerb | kAuxiliary | kModal)) &&
        !text.text(next).ends_with("ed"))
      return first;
    return next;
  }
  return first;
}

}  // namespace

bool matches_verb_list(std::string_view lower, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    std::string_view base = w;
    if (lower == base) return true;
    if (!lower.starts_with(base.substr(0, base.size() > 1 ? base.size() - 1 : base.size())))
      continue;
    std::string_view stem = base.ends_with("e") ? base.substr(0, base.size() - 1) : base;
    if (lower.size() <= stem.size() || !lower.starts_with(stem)) continue;
    std::string_view rest = lower.substr(stem.size());
    if (base.ends_with("e")) {
      if (rest == "es" || rest == "ed" || rest == "ing") return true;
    } else {
      if (rest == "s" || rest == "es" || rest == "ed" || rest == "ing") return true;
      // a doubled final consonant: admit -> admitted
      if (rest.size() >= 3 && rest[0] == base.back() &&
          (rest.substr(1) == "ed" || rest.substr(1) == "ing"))
        return true;
    }
  }
  return false;
}

void find_cue_candidates(const TaggedText& text, const Sentence& sentence, const HouseCues& house,
                         std::vector<CueCandidate>& out) {
  out.clear();
  char buffer[32];
  int title_case = -1;  // computed at the first capitalized cue word
  static const CueWord kSurveyIn{"in", VerbForm::other, CueClass::attitude, 0, "", false};
  for (std::uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    if (!text.is_word(i)) continue;
    if (text.has(i, kPreposition) && is_in(text, i) && i + 1 < sentence.end_token) {
      // "Clinton leads in a CNN poll", "In the survey, 40 percent ...": the poll is the source.
      std::uint32_t survey_end =
          survey_phrase_end(text, sentence, i + 1, text.opens_sentence(i, sentence));
      if (survey_end > i + 1) {
        CueCandidate cue;
        cue.head = i;
        cue.word = &kSurveyIn;
        cue.form = VerbForm::other;
        cue.span = {i, i + 1};
        out.push_back(cue);
        continue;
      }
    }
    const CueWord* word = text.info(i).cue;
    bool house_verb = false;
    if (!word && !house.attribution_verbs.empty() && text.info(i).classes == 0) {
      std::string_view lower = lower_word(text.text(i), buffer, sizeof buffer);
      if (!lower.empty() && matches_verb_list(lower, house.attribution_verbs)) {
        word = house_cue(guess_verb_form(lower));
        house_verb = true;
      }
    }
    if (!word) continue;
    // A capitalized cue word inside a sentence is a name ("Washington Post", "Claims Court"),
    // unless the sentence is a headline in title case and the word an inflected verb.
    if (text.is_capitalized(i) && !text.opens_sentence(i, sentence)) {
      if (word->form != VerbForm::third_person && word->form != VerbForm::past) continue;
      if (title_case < 0) title_case = is_title_case(text, sentence) ? 1 : 0;
      if (title_case == 0) continue;
    }

    CueCandidate cue;
    cue.head = i;
    cue.word = word;
    cue.form = word->form;
    cue.house_verb = house_verb;
    std::uint32_t end = i + 1;
    if (!word->particles.empty()) {
      // "referred directly to": one adverb may stand between the verb and its particle.
      if (end + 1 < sentence.end_token && is_group_adverb(text, end) && text.is_word(end + 1) &&
          particle_matches(word->particles, text.text(end + 1)))
        ++end;
      if (end < sentence.end_token && text.is_word(end) &&
          particle_matches(word->particles, text.text(end)))
        ++end;
      else if (word->particle_required)
        continue;
    }
    // "a said plan", "the report": a noun or adjective use of a verb form. A quantifier standing
    // alone is the subject of a past form: "most said", "two said".
    if (cue.form != VerbForm::noun && i > sentence.first_token && text.is_word(i - 1) &&
        text.has(i - 1, kDeterminer) && !text.has(i - 1, kPossessive | kRelativePronoun) &&
        !(cue.form == VerbForm::past && text.has(i - 1, kQuantifier)))
      continue;

    std::uint32_t first = i;
    if (cue.form != VerbForm::noun && cue.form != VerbForm::other) {
      while (first > sentence.first_token && joins_group(text, sentence, first - 1))
        --first;
      for (std::uint32_t a = first; a < i; ++a)
        if (is_be(text.text(a)) || text.text(a) == "Is" || text.text(a) == "Was")
          cue.passive = cue.form == VerbForm::participle ||
                        (cue.form == VerbForm::past && (word->flags & kPastEqualsParticiple));
      if (first > sentence.first_token && text.text(first - 1) == "to" &&
          cue.form == VerbForm::base) {
        std::uint32_t control = control_verb_start(text, sentence, first - 1);
        if (control < first - 1) {
          // "went on to say", "has continued to back": the verb before "to" joins the group,
          // whose subject is the source.
          if (!out.empty() && out.back().head >= control) out.pop_back();
          first = control;
          while (first > sentence.first_token && joins_group(text, sentence, first - 1))
            --first;
        } else {
          cue.infinitive = true;
          --first;
        }
      }
      // "when asked about ...", "Asked why ...": a participle clause of a verb with a listener
      // reports a question or an order put to the clause's subject.
      if (first == i && cue.form == VerbForm::past && (word->flags & kTakesRecipient) &&
          (word->flags & kPastEqualsParticiple) &&
          (text.opens_sentence(i, sentence) ||
           (i > sentence.first_token && opens_participle_clause(text.text(i - 1)))))
        cue.passive = cue.participle_clause = true;
      if (cue.form == VerbForm::gerund && first == i) {
        // ", saying ..." or "before adding ...": a participle clause; "is saying" is a verb group.
        cue.gerund = true;
      }
    }
    cue.span = {first, end};
    out.push_back(cue);
    i = end - 1;
  }
}

}  // namespace copydesk::analyzers::attributions
