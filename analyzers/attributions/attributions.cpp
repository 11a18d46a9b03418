#include "analyzers/attributions/attributions.hpp"

#include <algorithm>

#include "analyzers/attributions/content.hpp"
#include "analyzers/attributions/coreference.hpp"
#include "analyzers/attributions/cues.hpp"
#include "analyzers/attributions/phrases.hpp"
#include "analyzers/attributions/quotations.hpp"
#include "analyzers/attributions/scope.hpp"
#include "analyzers/attributions/sources.hpp"
#include "analyzers/attributions/tagged_text.hpp"
#include "analyzers/span_index.hpp"

namespace copydesk::analyzers::attributions {
namespace {

std::vector<std::string> lowered(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (std::string word : words) {
    for (char& c : word)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(std::move(word));
  }
  return out;
}

bool is_closing_quote(const TaggedText& text, std::uint32_t i) {
  return text.is_quote_mark(i) && !text.is_opening_quote(i);
}

// Verbs whose "to" clause is what they report: "promised to", "plans to", "declined to".
bool takes_infinitive(const CueWord& word) {
  if (word.cue_class == CueClass::attitude) return true;
  std::string_view l = word.lemma;
  return l == "promise" || l == "pledge" || l == "vow" || l == "threaten" || l == "urge" ||
         l == "ask" || l == "claim" || l == "warn" || l == "advise" || l == "call" ||
         l == "propose" || l == "demand" || l == "request" || l == "appear" || l == "say" ||
         l == "tell" || l == "order" || l == "recommend";
}

bool opens_adverbial_clause(const TaggedText& text, std::uint32_t i);

// A preposition that names what a stance is about: "support for", "criticism of", "attacks on".
bool is_stance_preposition(const TaggedText& text, std::uint32_t i) {
  if (!text.is_word(i) || text.is_capitalized(i)) return false;
  std::string_view w = text.text(i);
  return w == "for" || w == "of" || w == "on" || w == "to" || w == "about" || w == "against" ||
         w == "with";
}

// One sentence's work: which candidates become attributions, with which spans.
class SentenceReader {
 public:
  SentenceReader(const TaggedText& text, const std::vector<Quotation>& quotations,
                 const std::vector<NameMention>& names, const HouseCues& house,
                 const std::vector<std::string>& known_sources, Coreference& coreference,
                 AttributionAnalysis& out)
      : text_(text),
        quotations_(quotations),
        names_(names),
        house_(house),
        known_sources_(known_sources),
        coreference_(coreference),
        out_(out) {}

  // Reads sentence `index`; returns the attributions' content end (bytes) of the last direct
  // quotation so the caller can continue it, or 0.
  void read(std::uint32_t index, const std::vector<CueCandidate>& cues);
  void read_nested(const CueCandidate& cue, std::size_t k, const std::vector<CueCandidate>& cues);
  bool read_colon_headline(std::uint32_t index);

  // Attributions added by the last read, for scope extension.
  std::size_t first_added = 0;

 private:
  struct Built {
    TokenRange cue;
    NounPhrase source;
    bool has_source = false;
    TokenRange content;
    TokenRange content_extra;  // a second piece: the quotation after "she said,"
    bool content_before = false;
    ContentShape shape = ContentShape::none;
  };

  bool build(const CueCandidate& cue, std::size_t k, const std::vector<CueCandidate>& cues,
             Built& built);
  std::uint32_t cut_before_next(const std::vector<CueCandidate>& cues, std::size_t k,
                                std::uint32_t first, std::uint32_t end);
  NounPhrase clause_subject(std::uint32_t before);
  bool quote_closes_before(std::uint32_t b) const;
  bool names_agent(std::uint32_t head) const;
  bool build_noun(const CueCandidate& cue, std::size_t k, const std::vector<CueCandidate>& cues,
                  std::uint32_t owner, Built& built);
  void emit(const CueCandidate& cue, const Built& built);

  const TaggedText& text_;
  const std::vector<Quotation>& quotations_;
  const std::vector<NameMention>& names_;
  const HouseCues& house_;
  const std::vector<std::string>& known_sources_;
  Coreference& coreference_;
  AttributionAnalysis& out_;

  const Sentence* sentence_ = nullptr;
  std::uint32_t consumed_ = 0;      // tokens before this belong to an earlier attribution
  std::uint32_t nested_until_ = 0;  // cues before this lie inside an earlier content
  TokenRange outer_content_;        // the content after the last cue, where nested reports lie
  NounPhrase last_subject_;
  bool has_last_subject_ = false;
};

// Where the content after a cue stops: before a later cue that opens a clause of its own
// (", adding ...", "and said ...", ", the minister said"), or at the sentence's end.
std::uint32_t SentenceReader::cut_before_next(const std::vector<CueCandidate>& cues, std::size_t k,
                                              std::uint32_t first, std::uint32_t end) {
  for (std::size_t n = k + 1; n < cues.size(); ++n) {
    const CueCandidate& next = cues[n];
    if (next.span.first < first) continue;
    if (next.span.first >= end) break;
    std::uint32_t at = next.span.first;
    if (!next.gerund && next.form != VerbForm::other) {
      NounPhrase subject = subject_before(text_, first, at);
      if (!subject.range.empty()) at = subject.range.first;
    }
    if (at <= first) continue;
    std::uint32_t before = at - 1;
    if (text_.is_char(before, ',') || text_.is_dash(before) || text_.is_char(before, ';'))
      return before;
    if (text_.is_word(before) && (text_.text(before) == "and" || text_.text(before) == "but")) {
      if (before > first && text_.is_char(before - 1, ',')) return before - 1;
      return before;
    }
    // "... his win as he urges voters to unite", "said so when asked": a clause of its own.
    if (opens_adverbial_clause(text_, before)) {
      if (before > first && text_.is_char(before - 1, ',')) return before - 1;
      return before;
    }
    if (next.form == VerbForm::other && at > first) return at;  // "..., according to"
  }
  return end;
}

// The subject of the clause a participle hangs on: "The ministry did not refer to them, saying
// only ...". The last source in the sentence, else the noun phrase that opens the sentence.
NounPhrase SentenceReader::clause_subject(std::uint32_t before) {
  if (has_last_subject_) return last_subject_;
  std::uint32_t first = sentence_->first_token;
  while (first < before && (text_.has(first, kConjunction | kSubordinator) ||
                            text_.is_char(first, ',') || text_.is_quote_mark(first)))
    ++first;
  NounPhrase phrase = phrase_after(text_, first, before, true);
  if (phrase.range.empty()) return {};
  std::uint32_t after = phrase.range.end;
  if (after >= before) return {};
  if (!(text_.has(after, kAuxiliary | kModal | kVerb | kCueWord | kNegation | kVerbAdverb) ||
        (text_.is_plain_lower(after) && text_.text(after).ends_with("ed"))))
    return {};
  return phrase;
}

// A conjunction that opens an adverbial clause, which reports on its own: "as he urges", "when
// asked". Not "whether", "if" or "how", which open the reported clause itself.
bool opens_adverbial_clause(const TaggedText& text, std::uint32_t i) {
  if (!text.is_word(i) || !text.has(i, kSubordinator)) return false;
  std::string_view w = text.text(i);
  return w == "as" || w == "while" || w == "when" || w == "because" || w == "although" ||
         w == "though" || w == "since" || w == "whereas" || w == "after" || w == "before" ||
         w == "until" || w == "once" || w == "unless";
}

// Whether a quotation closes right before token `b`, or before a comma there: "“We stay,” said".
// The quotation may end the sentence before (“Why?” she asked).
bool SentenceReader::quote_closes_before(std::uint32_t b) const {
  std::uint32_t paragraph_first =
      text_.segmentation()
          .sentences[text_.segmentation().paragraphs[sentence_->paragraph].first_sentence]
          .first_token;
  if (b <= paragraph_first) return false;
  if (is_closing_quote(text_, b - 1) || text_.is_pair_tail(b - 1)) return true;
  return b > paragraph_first + 1 && text_.is_char(b - 1, ',') &&
         (is_closing_quote(text_, b - 2) || text_.is_pair_tail(b - 2));
}

// Whether a phrase's head can be someone who speaks or holds a view: a name, a noun of people,
// bodies or documents, or a plural noun ("voters"); not an adjective or a possessive.
bool SentenceReader::names_agent(std::uint32_t head) const {
  if (!text_.is_word(head) && text_.token(head).kind != TokenKind::number) return false;
  std::string_view word = text_.text(head);
  if (strip_possessive(word).size() != word.size()) return false;
  if (text_.is_capitalized(head) || text_.token(head).kind == TokenKind::number) return true;
  if (text_.has(head, kRoleNoun | kOrganizationNoun | kAnonymousNoun | kDocumentNoun | kPersonNoun |
                          kRecipientNoun | kQuantifier | kSurveyNoun))
    return true;
  return text_.is_plain_lower(head) && word.size() > 3 && word.ends_with("s") &&
         !word.ends_with("ss") && !word.ends_with("ous");
}

// The noun cue's content: a clause ("his claim that ..."), an infinitive ("her plan to ..."), or
// the phrase after a preposition ("his support for the bill"), with its possessor as the source.
bool SentenceReader::build_noun(const CueCandidate& cue, std::size_t k,
                                const std::vector<CueCandidate>& cues, std::uint32_t owner,
                                Built& built) {
  const std::uint32_t end = sentence_->end_token;
  const std::uint32_t limit = std::max(consumed_, sentence_->first_token);
  if (owner < limit) return false;
  std::uint32_t first = cue.span.end;
  if (first >= end) return false;
  ContentShape shape = content_shape(text_, first, end);
  TokenRange content;
  if (shape == ContentShape::clause) {
    if (text_.is_char(first, ':')) {
      ++built.cue.end;
      ++first;
    }
    content = trim_content(text_, {first, cut_before_next(cues, k, first, end)});
  } else if (shape == ContentShape::infinitive) {
    content = trim_content(text_, {first, cut_before_next(cues, k, first, end)});
    content = trim_content(text_, cut_trailing_clause(text_, quotations_, content));
  } else if (cue.span.end > cue.head + 1 || is_stance_preposition(text_, first)) {
    // "call for" keeps its particle; "support for", "criticism of" take the preposition in.
    if (cue.span.end == cue.head + 1) {
      ++built.cue.end;
      ++first;
    }
    NounPhrase object = phrase_after(text_, first, end, false);
    content = object.core;
    shape = ContentShape::bare;
  } else {
    return false;
  }
  if (content.empty()) return false;
  if (text_.has(owner, kPossessive)) {
    built.source = {{owner, owner + 1}, {owner, owner + 1}, {}, owner, true};
  } else {
    built.source = subject_before(text_, limit, owner + 1);
    if (built.source.range.empty()) return false;
  }
  built.has_source = true;
  built.content = content;
  built.shape = shape;
  return true;
}

bool SentenceReader::build(const CueCandidate& cue, std::size_t k,
                           const std::vector<CueCandidate>& cues, Built& built) {
  const Sentence& s = *sentence_;
  const CueWord& word = *cue.word;
  const std::uint32_t end = s.end_token;
  const std::uint32_t limit = std::max(consumed_, s.first_token);
  built.cue = cue.span;

  // Noun cues after a possessive: "his claim that ...", "the ministry's statement: ...",
  // "Trump's call for a ban", "her plan to ...", "his support for the bill".
  bool noun_reading =
      cue.form == VerbForm::noun ||
      ((cue.form == VerbForm::base || cue.form == VerbForm::third_person) &&
       (word.flags & kNounCue) && cue.span.first == cue.head && cue.span.first > s.first_token);
  if (noun_reading && cue.span.first > s.first_token) {
    std::uint32_t owner = cue.span.first - 1;
    // One adjective may stand between: "his long support for", "Trump's latest proposal".
    if (text_.is_plain_lower(owner) && owner > s.first_token && !text_.text(owner).ends_with("ly"))
      --owner;
    bool possessed = text_.is_word(owner) &&
                     (text_.has(owner, kPossessive) ||
                      strip_possessive(text_.text(owner)).size() != text_.text(owner).size());
    if (possessed) return build_noun(cue, k, cues, owner, built);
  }
  if (cue.form == VerbForm::noun) return false;

  // "According to X, ..." / "..., according to X."
  if (cue.form == VerbForm::other) {
    built.source = phrase_after(text_, cue.span.end, end, true);
    if (word.lemma == "in" && cue.span.first <= limit) {
      // "In a CNN poll released Monday, ...": the poll's phrase runs to the comma.
      std::uint32_t comma = cue.span.end;
      while (comma < end && comma < cue.span.end + 14 && !text_.is_char(comma, ','))
        ++comma;
      if (comma < end && text_.is_char(comma, ',')) {
        std::uint32_t head = cue.span.end;
        for (std::uint32_t t = cue.span.end; t < comma; ++t)
          if (text_.has(t, kSurveyNoun)) head = t;
        built.source = {{cue.span.end, comma}, {cue.span.end, comma}, {}, head, false};
      }
    }
    if (built.source.range.empty()) return false;
    // "According to the office, three boats sank": what follows the comma is the content, not
    // an appositive, unless the content came first.
    if (!built.source.appositive.empty() && cue.span.first <= limit &&
        (built.source.range.end >= end - 1 ||
         looks_like_clause(text_, built.source.appositive.first, built.source.appositive.end))) {
      built.source.range = built.source.core;
      built.source.appositive = {};
    }
    built.has_source = true;
    std::uint32_t after = built.source.range.end;
    if (after < end && text_.is_char(after, ',')) ++after;
    TokenRange following = trim_content(text_, {after, cut_before_next(cues, k, after, end)});
    TokenRange preceding = trim_content(text_, {limit, cue.span.first});
    bool parenthetical = !preceding.empty() && !following.empty() &&
                         text_.is_char(cue.span.first - 1, ',') &&
                         text_.is_char(built.source.range.end, ',');
    if (parenthetical) {
      // "Fundraising, according to the campaign, has surged": the report is around the cue.
      built.content = {preceding.first, following.end};
    } else if (!preceding.empty()) {
      built.content = preceding;
      built.content_before = true;
    } else {
      built.content = following;
    }
    built.shape = ContentShape::clause;
    return !built.content.empty();
  }

  // "Mr. Trump seemed to overstay his welcome": no source; what seems is the whole clause.
  if (word.flags & kRaising) {
    if (cue.gerund || cue.infinitive || cue.span.end >= end) return false;
    std::uint32_t after = cue.span.end;
    std::string_view next = text_.text(after);
    if (!(next == "to" || next == "like" || text_.is_plain_lower(after))) return false;
    TokenRange following = trim_content(text_, {after, cut_before_next(cues, k, after, end)});
    if (following.empty()) return false;
    NounPhrase subject = subject_before(text_, limit, cue.span.first);
    if (subject.range.empty()) return false;
    std::string_view head = text_.text(subject.head);
    if (head == "it" || head == "It" || head == "there" || head == "There") return false;
    built.content = {subject.range.first, following.end};
    built.shape = ContentShape::infinitive;
    return true;
  }

  // The source: the subject before the verb group, or after it in an inverted "said the mayor".
  NounPhrase subject;
  bool inverted = false;
  if (cue.gerund) {
    std::uint32_t b = cue.span.first;
    if (b >= s.first_token + 2 && text_.text(b - 1) == "as") {
      // "cited local authorities as saying", "was quoted as saying"
      subject = subject_before(text_, s.first_token, b - 1);
      built.cue.first = b - 1;
    } else if (b > s.first_token && (text_.is_char(b - 1, ',') || text_.has(b - 1, kPreposition) ||
                                     text_.text(b - 1) == "and" || text_.text(b - 1) == "or")) {
      // ", saying ...", "by saying ...", "calling them X and vowing ...": the clause's subject.
      subject = clause_subject(b - 1);
    } else if (NounPhrase np = subject_before(text_, limit, b);
               !np.range.empty() && !np.pronoun && np.range.end == b && names_agent(np.head)) {
      // "with 30 percent of voters saying ...", "Trump calling it a great meeting"; not "wishful
      // thinking" or "Cruz's thinking".
      subject = np;
    } else {
      return false;  // "the saying goes", "a warning"
    }
  } else if (!cue.passive && !cue.infinitive) {
    subject = subject_before(text_, limit, cue.span.first);
    // Inverted only after a quotation: "“We stay,” said the mayor".
    std::uint32_t b = cue.span.first;
    bool after_quote = quote_closes_before(b);
    if (subject.range.empty() && after_quote &&
        (cue.form == VerbForm::past || cue.form == VerbForm::third_person) &&
        word.cue_class == CueClass::speech && !(word.flags & kNeedsSubject)) {
      subject = phrase_after(text_, cue.span.end, end, true);
      inverted = !subject.range.empty();
    }
  } else if (cue.infinitive) {
    return false;  // "declined to comment", "went on to say": left to the verb before "to"
  }
  if (!subject.range.empty()) {
    built.source = subject;
    built.has_source = true;
  }
  // "formations backed by tanks", "Russians opposed to the war": participles, not reports.
  if ((cue.form == VerbForm::past || cue.form == VerbForm::participle) && !cue.passive &&
      cue.span.end < end && text_.is_word(cue.span.end) &&
      (text_.text(cue.span.end) == "by" ||
       (text_.text(cue.span.end) == "to" && word.cue_class == CueClass::attitude &&
        !(cue.span.end + 1 < end && text_.is_word(cue.span.end + 1) &&
          !text_.has(cue.span.end + 1, kDeterminer) && !text_.is_capitalized(cue.span.end + 1)))))
    return false;
  // A base form is a verb after "I", "we", "they", a plural subject or an auxiliary; otherwise
  // it is a noun ("a Telegram post", "the claim").
  if ((cue.form == VerbForm::base || cue.form == VerbForm::third_person) && !cue.gerund &&
      cue.span.first == cue.head && !(word.flags & kStrong)) {
    bool verb = false;
    if (built.has_source) {
      std::string_view head = text_.text(subject.head);
      bool plural =
          text_.has(subject.head, kPlural) ||
          (!text_.is_capitalized(subject.head) && head.ends_with("s") && !head.ends_with("ss"));
      bool plural_pronoun = head == "I" || head == "we" || head == "We" || head == "they" ||
                            head == "They" || head == "you" || head == "You" || head == "who";
      verb = cue.form == VerbForm::base ? plural || plural_pronoun
                                        : !plural || text_.is_capitalized(subject.head);
      if (cue.form == VerbForm::base && !subject.pronoun) {
        // "and" in the subject makes it plural: "Google and Yahoo say".
        for (std::uint32_t t = subject.core.first; t < subject.core.end; ++t)
          if (text_.text(t) == "and") verb = true;
      }
    }
    if (!verb) return false;
  }
  if ((word.flags & kNeedsSubject) && !built.has_source && !cue.passive) return false;
  if (word.cue_class == CueClass::attitude && !built.has_source && !cue.passive) return false;

  // The content after the verb: past a listener ("told reporters") and modifiers ("on Monday",
  // "in a statement"), and past the inverted source.
  std::uint32_t after = inverted ? subject.range.end : cue.span.end;
  bool listener = false;
  if (!inverted && (word.flags & kTakesRecipient)) {
    std::uint32_t skipped = skip_recipient(text_, after, end);
    listener = skipped != after;
    after = skipped;
  }
  std::uint32_t modifiers_end = skip_verb_modifiers(text_, after, end);
  // "was asked about the levy": what was asked, not a modifier.
  if (cue.passive && (word.flags & kTakesRecipient) && after < end && text_.text(after) == "about")
    modifiers_end = after;
  if (!listener && !inverted) built.cue.end = std::max(built.cue.end, modifiers_end);
  after = modifiers_end;
  // Trailing modifiers stay in the cue; a colon that introduces the content joins it.
  while (built.cue.end > cue.span.end &&
         (text_.is_char(built.cue.end - 1, ',') || text_.is_dash(built.cue.end - 1)))
    --built.cue.end;
  if (after < end && text_.is_char(after, ':')) {
    if (!listener && !inverted && built.cue.end == after) built.cue.end = after + 1;
    ++after;
  } else if (after < end && text_.is_char(after, ',')) {
    ++after;
  }
  std::uint32_t cut = cut_before_next(cues, k, after, end);
  for (std::size_t n = k + 1; n < cues.size(); ++n)
    if (cues[n].gerund && cues[n].span.first == after && after > 0 &&
        text_.is_char(after - 1, ',')) {
      // "wrote to residents, claiming ...": the participle reports; this verb has no content.
      cut = after;
      break;
    }
  for (std::size_t n = k + 1; n < cues.size(); ++n)
    if (cues[n].gerund && cues[n].span.first > after + 1 && cues[n].span.first < cut &&
        text_.text(cues[n].span.first - 1) == "as") {
      // "cited local authorities as saying": what was cited is the authorities.
      cut = cues[n].span.first - 1;
      break;
    }
  TokenRange following = trim_content(text_, {after, cut});
  if (!starts_with_quote(text_, following))
    following = trim_content(text_, cut_trailing_clause(text_, quotations_, following));
  ContentShape shape = content_shape(text_, following.first, following.end);

  // The content before: a quotation or clause that ends right before the source (or the verb,
  // when the source follows it): "“We stay,” she said", "The talks failed, officials said".
  TokenRange preceding;
  std::uint32_t before_end = inverted || !built.has_source ? built.cue.first : subject.range.first;
  if (cue.gerund) before_end = limit;  // a participle reports what follows it
  bool as_saying = cue.gerund && built.cue.first + 1 == cue.span.first;
  if (as_saying && has_last_subject_ && last_subject_.range.first > s.first_token &&
      text_.is_char(last_subject_.range.first - 1, ',')) {
    // "Schools closed, the agency cited officials as saying": what the officials said comes first.
    TokenRange reported = trim_content(text_, {s.first_token, last_subject_.range.first});
    if (!reported.empty()) {
      built.content = reported;
      built.content_before = true;
      built.shape = ContentShape::clause;
      return true;
    }
  }
  auto ends_clause = [&](std::uint32_t b) {
    return text_.is_char(b, ',') || is_closing_quote(text_, b) || text_.is_dash(b) ||
           text_.is_char(b, ':');
  };
  if (before_end > limit && ends_clause(before_end - 1))
    preceding = trim_content(text_, {limit, before_end});
  // "Protocol called for a transfer, sources said.": a report that closes the sentence holds
  // all of it, the earlier attribution included (a nested report).
  if (preceding.empty() && following.empty() && limit > s.first_token && built.has_source &&
      !cue.gerund && before_end > s.first_token + 1 && ends_clause(before_end - 1))
    preceding = trim_content(text_, {s.first_token, before_end});
  // "“Is that fair?” Trump asked.": the quotation's own "?" or "!" ended the sentence before.
  if (preceding.empty() && following.empty() && built.has_source && !cue.gerund &&
      limit == s.first_token && before_end == s.first_token && quote_closes_before(before_end)) {
    std::uint32_t mark = before_end - 1;
    if (text_.is_pair_tail(mark)) --mark;
    if (const Quotation* q = quotation_at(quotations_, mark); q && q->closed)
      preceding = {q->open_token, before_end};
  }
  bool quote_pair =
      !preceding.empty() && starts_with_quote(text_, following) &&
      (is_closing_quote(text_, preceding.end - 1) || starts_with_quote(text_, preceding));

  bool parenthetical = !preceding.empty() && !following.empty() && !quote_pair && !cue.gerund &&
                       !starts_with_quote(text_, following) && !inverted && built.has_source &&
                       text_.is_char(before_end - 1, ',') && after > 0 &&
                       text_.is_char(after - 1, ',') && !listener;
  if (parenthetical) {
    // "The good news, Woolson said, is that ...": the cue interrupts the clause it reports.
    built.content = {preceding.first, following.end};
  } else if (!following.empty() && !quote_pair) {
    built.content = following;
  } else if (!preceding.empty()) {
    built.content = preceding;
    built.content_before = true;
    if (quote_pair) built.content_extra = following;
    shape = ContentShape::clause;
  } else {
    return false;
  }
  built.shape = shape;

  // "terror attacks", "his opening remarks": a -s form that is mostly a noun is a verb after a
  // name or a pronoun, or before a clause of its own.
  if (cue.form == VerbForm::third_person && (word.flags & kNounToo) && !built.content_before &&
      shape != ContentShape::clause && shape != ContentShape::infinitive &&
      cue.span.first == cue.head && cue.span.end == cue.head + 1 &&
      !(built.has_source && (subject.pronoun || text_.is_capitalized(subject.head))))
    return false;

  // Whether the content is what this cue reports. A question put to someone may be a phrase:
  // "when asked about the levy", "was asked about".
  bool strong = (word.flags & kStrong) != 0;
  bool question = cue.passive && (word.flags & kTakesRecipient) && !built.content_before &&
                  !following.empty() && modifiers_end < end && !text_.is_char(modifiers_end, ',') &&
                  (cue.participle_clause || text_.text(following.first) == "about");
  if (!built.content_before) {
    switch (shape) {
      case ContentShape::clause:
        break;
      case ContentShape::infinitive:
        if (!takes_infinitive(word)) return false;
        break;
      case ContentShape::bare:
        // A clause without "that" reports; an object does when a source stands before the verb
        // ("denied the allegations", "claimed responsibility"), except for verbs whose object
        // is no report ("added 500 jobs").
        if (!strong && !question && !looks_like_clause(text_, following.first, following.end) &&
            (!built.has_source || (word.flags & kClauseOnly)))
          return false;
        break;
      case ContentShape::none:
        return false;
    }
  } else if (!built.has_source && !strong) {
    return false;
  }
  if (cue.passive) {
    // "is expected to", "was reported that": no source; the subject is part of what is reported.
    if (shape != ContentShape::clause && shape != ContentShape::infinitive && !question)
      return false;
    built.has_source = false;
    NounPhrase reported = subject_before(text_, limit, cue.span.first);
    // Who was asked is no part of the question.
    if (!question && !reported.range.empty() && !reported.pronoun &&
        built.content.first >= cue.span.end)
      built.content.first = reported.range.first;
  }
  // The quoted clause before an inverted cue ends before the verb; the cue keeps its modifiers
  // up to the sentence's end when the content came first.
  if (built.content_before && built.has_source && !inverted && !listener && !cue.gerund) {
    TokenRange rest = trim_content(text_, {built.cue.end, cut});
    if (!rest.empty() && !starts_with_quote(text_, rest)) built.cue.end = rest.end;
  }
  return true;
}

void SentenceReader::emit(const CueCandidate& cue, const Built& built) {
  Attribution attribution;
  attribution.cue = token_bytes(text_, built.cue);
  if (built.has_source) {
    SourceReading reading;
    if (built.source.pronoun &&
        (text_.text(built.source.head) == "who" || text_.text(built.source.head) == "which")) {
      // "Yusov, who said ...": the relative pronoun stands for the phrase before its comma.
      std::uint32_t at = built.source.head;
      NounPhrase antecedent;
      if (at > sentence_->first_token && text_.is_char(at - 1, ','))
        antecedent = subject_before(text_, sentence_->first_token, at - 1);
      reading = antecedent.range.empty() ? read_source(text_, built.source, names_, known_sources_)
                                         : read_source(text_, antecedent, names_, known_sources_);
    } else {
      reading = read_source(text_, built.source, names_, known_sources_);
    }
    ResolvedSource resolved = coreference_.resolve(reading, built.source.range.first);
    Source source;
    source.span = token_bytes(text_, built.source.range);
    source.kind = resolved.kind;
    source.canonical = std::move(resolved.canonical);
    attribution.source = std::move(source);
    last_subject_ = built.source;
    has_last_subject_ = true;
  }
  Span content = content_bytes(text_, quotations_, built.content);
  if (!built.content_extra.empty()) {
    Span extra = content_bytes(text_, quotations_, built.content_extra);
    content.start = std::min(content.start, extra.start);
    content.end = std::max(content.end, extra.end);
  }
  attribution.content = content;
  attribution.cue_kind =
      cue.word->cue_class == CueClass::attitude ? CueKind::attitude : CueKind::speech;
  attribution.direct = starts_with_quote(text_, built.content) ||
                       (built.content_before && is_closing_quote(text_, built.content.end - 1));

  AttributionDetail detail;
  detail.verb = text_.token(cue.head).span();
  detail.form = cue.form;
  detail.cue_class = cue.word->cue_class;
  char buffer[32];
  std::string_view lower = lower_word(text_.text(cue.head), buffer, sizeof buffer);
  detail.loaded = (cue.word->flags & kLoaded) ||
                  (!house_.loaded_verbs.empty() && matches_verb_list(lower, house_.loaded_verbs));
  detail.reports_words = built.content_before || built.shape == ContentShape::clause ||
                         (built.shape == ContentShape::bare &&
                          looks_like_clause(text_, built.content.first, built.content.end)) ||
                         built.shape == ContentShape::infinitive;
  detail.infinitive_content = built.shape == ContentShape::infinitive && !built.content_before;
  out_.attributions.push_back(std::move(attribution));
  out_.details.push_back(detail);
}

// "Obama: I'm optimistic voters will say no": a headline's speaker, a colon, the words.
bool SentenceReader::read_colon_headline(std::uint32_t index) {
  sentence_ = &text_.segmentation().sentences[index];
  const Sentence& s = *sentence_;
  if (s.end_token < s.first_token + 5 || !text_.is_capitalized(s.first_token)) return false;
  // Every sentence comes here: the colon, a test of single characters, goes first.
  std::uint32_t colon = s.first_token + 1;
  while (colon < s.end_token && colon < s.first_token + 4 && !text_.is_char(colon, ':'))
    ++colon;
  if (colon >= s.end_token || !text_.is_char(colon, ':')) return false;
  static constexpr std::string_view kLabels[] = {
      "update",   "watch",      "read",   "note",     "related",   "also",    "photo",
      "video",    "correction", "editor", "breaking", "exclusive", "warning", "source",
      "sources",  "date",       "live",   "latest",   "look",      "wow",     "boom",
      "revealed", "previously", "stat",   "editor's", "q"};
  char buffer[32];
  std::uint32_t label_at = s.first_token;
  // "The Latest:", AP's running-story label.
  if (text_.text(label_at) == "The" && label_at + 1 < s.end_token) ++label_at;
  std::string_view first = lower_word(text_.text(label_at), buffer, sizeof buffer);
  for (std::string_view label : kLabels)
    if (first == label) return false;
  for (std::uint32_t i = s.first_token; i < colon; ++i)
    if (!text_.is_capitalized(i) && !text_.has(i, kNameParticle) && !text_.is_char(i, '.'))
      return false;
  NounPhrase source = phrase_after(text_, s.first_token, colon, false);
  if (source.range.empty() || source.range.end != colon) return false;
  TokenRange content = trim_content(text_, {colon + 1, s.end_token});
  if (content.size() < 3) return false;
  Built built;
  built.cue = {colon, colon + 1};
  built.source = source;
  built.has_source = true;
  built.content = content;
  built.shape = ContentShape::clause;
  CueCandidate cue;
  cue.head = colon;
  cue.span = built.cue;
  static const CueWord kColon{"say", VerbForm::other, CueClass::speech, 0, "", false};
  cue.word = &kColon;
  cue.form = VerbForm::other;
  emit(cue, built);
  return true;
}

// "A spokeswoman said the company told customers about the bugs": a speech cue with a source of
// its own inside another report's content is a nested report; both are attributions.
void SentenceReader::read_nested(const CueCandidate& cue, std::size_t k,
                                 const std::vector<CueCandidate>& cues) {
  if (outer_content_.empty() || cue.span.first <= outer_content_.first ||
      cue.span.end > outer_content_.end || cue.word->cue_class != CueClass::speech ||
      !(cue.word->flags & kStrong))
    return;
  std::uint32_t saved_consumed = consumed_;
  NounPhrase saved_last_subject = last_subject_;
  bool saved_has_last_subject = has_last_subject_;
  consumed_ = outer_content_.first;
  Built built;
  bool ok = build(cue, k, cues, built) && built.has_source && !built.content_before &&
            built.source.range.first >= outer_content_.first &&
            built.content.end <= outer_content_.end;
  consumed_ = saved_consumed;
  last_subject_ = saved_last_subject;
  has_last_subject_ = saved_has_last_subject;
  if (ok) emit(cue, built);
}

void SentenceReader::read(std::uint32_t index, const std::vector<CueCandidate>& cues) {
  sentence_ = &text_.segmentation().sentences[index];
  consumed_ = sentence_->first_token;
  nested_until_ = 0;
  outer_content_ = {};
  has_last_subject_ = false;
  first_added = out_.attributions.size();
  for (std::size_t k = 0; k < cues.size(); ++k) {
    const CueCandidate& cue = cues[k];
    // "I think" inside a speaker's quotation is part of what the speaker said.
    if (const Quotation* q = quotation_at(quotations_, cue.head);
        q && (q->closed || q->run_end > q->span.end || q->run_first != &*q - quotations_.data()))
      continue;
    if (cue.head < nested_until_ || cue.span.first < consumed_) {
      read_nested(cue, k, cues);
      continue;
    }
    Built built;
    if (!build(cue, k, cues, built)) continue;
    emit(cue, built);
    outer_content_ = built.content_before ? TokenRange{} : built.content;
    std::uint32_t reach = std::max(built.cue.end, built.content.end);
    if (built.has_source) reach = std::max(reach, built.source.range.end);
    if (!built.content_extra.empty()) reach = std::max(reach, built.content_extra.end);
    consumed_ = reach;
    // Cues inside this content that do not open a clause of their own are nested reports.
    nested_until_ = built.content_before ? 0 : built.content.end;
  }
}

}  // namespace

AttributionAnalysis find_attributions(std::string_view prose, const Segmentation& segmentation,
                                      const HouseLists& lists) {
  AttributionAnalysis result;
  TaggedText text(prose, segmentation);
  result.names = find_names(text);
  std::vector<Quotation> quotations = find_quotations(text);
  std::vector<bool> cue_sentences = sentences_with_cue_words(text, quotations);
  HouseCues house{lowered(lists.attribution_verbs), lowered(lists.loaded_verbs)};
  Coreference coreference(result.names);
  SentenceReader reader(text, quotations, result.names, house, lists.known_sources, coreference,
                        result);
  std::vector<CueCandidate> cues;
  const auto& sentences = segmentation.sentences;
  for (std::uint32_t s = 0; s < sentences.size();) {
    // "Carson: Clinton Not Fit To Serve", "TAPPER: And you support him?": the speaker's colon is
    // the cue; verbs after it are part of what was said.
    if (reader.read_colon_headline(s)) {
      ++s;
      continue;
    }
    find_cue_candidates(text, sentences[s], house, cues);
    if (cues.empty()) {
      ++s;
      continue;
    }
    reader.read(s, cues);
    std::uint32_t next = s + 1;
    // The last direct quotation of the sentence may go on in the next sentences.
    if (reader.first_added < result.attributions.size()) {
      Attribution& last = result.attributions.back();
      if (last.direct && last.content) {
        ScopeEnd scope = continue_quotation(text, quotations, cue_sentences, s, last.content->end);
        last.content->end = scope.content_end;
        next = std::max(next, scope.next_sentence);
      }
    }
    s = next;
  }

  // Every quotation, tied to the (first) attribution whose content holds its start.
  SpanIndex contents;
  for (std::size_t a = 0; a < result.attributions.size(); ++a)
    if (const auto& content = result.attributions[a].content) contents.add(*content, a);
  contents.build();
  for (const Quotation& q : quotations) {
    QuotationMention mention;
    mention.span = q.span;
    mention.speech_like = q.speech_like;
    if (std::vector<std::size_t> holding = contents.holding({q.span.start, q.span.start + 1});
        !holding.empty())
      mention.attribution = holding.front();
    // A paragraph that carries on a quotation belongs to whoever the quotation's start does.
    if (!mention.attribution && q.run_first < result.quotations.size())
      mention.attribution = result.quotations[q.run_first].attribution;
    result.quotations.push_back(mention);
  }
  return result;
}

}  // namespace copydesk::analyzers::attributions

namespace copydesk::analyzers {

const char* to_string(CueKind kind) {
  return kind == CueKind::attitude ? "attitude" : "speech";
}

}  // namespace copydesk::analyzers
