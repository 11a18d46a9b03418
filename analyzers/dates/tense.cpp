#include "analyzers/dates/tense.hpp"

namespace copydesk::analyzers::dates {
namespace {

// Words in -ed that are not past-tense verbs.
constexpr WordLiteral kNotPast[] = {"hundred", "indeed", "exceed",  "proceed", "succeed",
                                    "breed",   "speed",  "embed",   "naked",   "wicked",
                                    "sacred",  "rugged", "beloved", "kindred", "shed"};

// Words before an adjective that cannot come before a verb.
constexpr WordLiteral kDeterminers[] = {"a",     "an",    "the",   "its",  "their",
                                        "his",   "her",   "our",   "your", "this",
                                        "these", "those", "every", "each", "no"};

// How far a cue may be from the expression, in tokens, to count.
constexpr std::uint32_t kWindow = 14;
// The verb that governs a date usually comes before it: a cue after it counts as farther.
constexpr std::uint32_t kRightPenalty = 2;

// Mark bits beside the TenseCue in the low two bits.
constexpr std::uint8_t kCueMask = 3;
constexpr std::uint8_t kLooksAhead = 4;      // "by" right before a date
constexpr std::uint8_t kLooksBack = 8;       // "since" right before a date
constexpr std::uint8_t kUnknownMark = 0xFF;  // not worked out yet

// Inlined, with the suffix's length known: it runs on most words near a date.
[[gnu::always_inline]] inline bool ends_with(std::string_view text, std::string_view suffix) {
  return text.ends_with(suffix);
}

// `key` is the word key of `word`, `lexeme` its entry in the lexicon.
TenseCue cue_of(std::string_view word, std::uint64_t key, Lexeme lexeme) {
  if (lexeme.word_class == WordClass::tense) return static_cast<TenseCue>(lexeme.value);
  if (lexeme.word_class == WordClass::shifter) {
    if (lexeme.value > 0 && !is_word(word, key, "following")) return TenseCue::future;
    if (is_word(word, key, "last")) return TenseCue::past;
    return TenseCue::none;
  }
  if (lexeme) return TenseCue::none;
  // "they'll", "we'll"
  if (ends_with(word, "'ll") || ends_with(word, "\xE2\x80\x99ll")) return TenseCue::future;
  if (word.size() >= 5 && word[0] >= 'a' && word[0] <= 'z' && ends_with(word, "ed")) {
    for (const WordLiteral& not_past : kNotPast)
      if (key == not_past.key && word == not_past.text) return TenseCue::none;  // as written
    return TenseCue::past;
  }
  return TenseCue::none;
}

// Words whose cue depends on their neighbours, each read once by its key rather than compared
// with every one of them in turn.
enum class Neighbourly : std::uint8_t {
  none,
  planned,     // "planned a demonstration": the future
  plan,        // "plan", "intended", "hoped", "poised", before "to" or "for": the future
  is_are,      // before "to" ("is to resume"): the future
  going_set,   // before "to": the future
  soon_early,  // "as soon as", "as early as": the future
  by,          // right before a date: looks ahead
  since,       // right before a date: looks back
};

constexpr WordLiteral kNeighbourlyWords[] = {"planned", "plan", "intended", "hoped", "poised",
                                             "is",      "are",  "going",    "set",   "soon",
                                             "early",   "by",   "since"};

// Two bits per key, from two fields of its low bits, for a test that turns most words away
// before the switch below: about one word in twenty passes.
constexpr std::uint64_t neighbourly_mask(int shift) {
  std::uint64_t mask = 0;
  for (const WordLiteral& word : kNeighbourlyWords)
    mask |= std::uint64_t{1} << ((word.key >> shift) & 63);
  return mask;
}
constexpr std::uint64_t kNeighbourlyLow = neighbourly_mask(0);
constexpr std::uint64_t kNeighbourlyHigh = neighbourly_mask(6);

inline bool may_be_neighbourly(std::uint64_t key) {
  return (kNeighbourlyLow >> (key & 63)) & (kNeighbourlyHigh >> ((key >> 6) & 63)) & 1u;
}

Neighbourly neighbourly(std::string_view word, std::uint64_t key) {
  if (!may_be_neighbourly(key)) return Neighbourly::none;
  // A switch on the key (a few comparisons), then the spelling of the one word it can be.
  auto spelled = [&](const WordLiteral& lower, Neighbourly kind) {
    return is_word(word, key, lower) ? kind : Neighbourly::none;
  };
  switch (key) {
    case constant_word_key("planned"):
      return spelled("planned", Neighbourly::planned);
    case constant_word_key("plan"):
      return spelled("plan", Neighbourly::plan);
    case constant_word_key("intended"):
      return spelled("intended", Neighbourly::plan);
    case constant_word_key("hoped"):
      return spelled("hoped", Neighbourly::plan);
    case constant_word_key("poised"):
      return spelled("poised", Neighbourly::plan);
    case constant_word_key("is"):
      return spelled("is", Neighbourly::is_are);
    case constant_word_key("are"):
      return spelled("are", Neighbourly::is_are);
    case constant_word_key("going"):
      return spelled("going", Neighbourly::going_set);
    case constant_word_key("set"):
      return spelled("set", Neighbourly::going_set);
    case constant_word_key("soon"):
      return spelled("soon", Neighbourly::soon_early);
    case constant_word_key("early"):
      return spelled("early", Neighbourly::soon_early);
    case constant_word_key("by"):
      return spelled("by", Neighbourly::by);
    case constant_word_key("since"):
      return spelled("since", Neighbourly::since);
    default:
      return Neighbourly::none;
  }
}

}  // namespace

TenseCue tense_cue(std::string_view word) {
  return cue_of(word, word_key(word), lookup_word(word));
}

void compute_tense_cues(std::string_view prose, const std::vector<Token>& tokens,
                        std::uint32_t first, std::uint32_t end, TenseCues& cues,
                        const std::uint64_t* word_keys) {
  cues.prose = prose;
  cues.tokens = &tokens;
  cues.word_keys = word_keys;
  cues.first = first;
  cues.end = end;
  cues.marks.assign(end - first, kUnknownMark);
}

namespace {

inline std::string_view token_text(const TenseCues& cues, std::uint32_t k) {
  const Token& token = (*cues.tokens)[k];
  return {cues.prose.data() + token.start, token.end - token.start};  // tokens lie in the prose
}

inline std::uint64_t token_key(const TenseCues& cues, std::uint32_t k) {
  return cues.word_keys ? cues.word_keys[k] : word_key(token_text(cues, k));
}

// Whether a word surely gives no cue, from a few bit tests: it is no word of the lexicon, ends
// in neither -ed nor -'ll, and is none of the words whose cue depends on their neighbours. Most
// words near a date are such words; compute_mark() would find the same.
[[gnu::always_inline]] inline bool gives_no_cue(const TenseCues& cues, std::uint32_t i) {
  std::string_view word = token_text(cues, i);
  std::uint64_t key = token_key(cues, i);
  return !lexicon_detail::in_key_filter(lexicon_detail::kLexiconKeyFilter, key) &&
         word.back() != 'd' && word.back() != 'l' && !may_be_neighbourly(key);
}

// Works out the mark of token i (not worked out yet).
std::uint8_t compute_mark(TenseCues& cues, std::uint32_t i) {
  std::uint8_t& mark = cues.marks[i - cues.first];
  const std::vector<Token>& tokens = *cues.tokens;
  auto is = [&](std::uint32_t k, const WordLiteral& lower) {
    return k >= cues.first && k < cues.end && tokens[k].kind == TokenKind::word &&
           is_word(token_text(cues, k), token_key(cues, k), lower);
  };
  mark = 0;
  if (tokens[i].kind != TokenKind::word) return mark;
  std::string_view word = token_text(cues, i);
  std::uint64_t key = token_key(cues, i);
  Lexeme lexeme = lookup_token(word, key);
  TenseCue cue = cue_of(word, key, lexeme);
  // "next week" looks ahead, "next to the embassy" does not: a shifter counts only before a
  // unit, a weekday or a month.
  if (lexeme.word_class == WordClass::shifter && i + 1 < cues.end) {
    WordClass next = tokens[i + 1].kind == TokenKind::word
                         ? lookup_token(token_text(cues, i + 1), token_key(cues, i + 1)).word_class
                         : WordClass::none;
    if (next != WordClass::unit && next != WordClass::weekday && next != WordClass::month &&
        next != WordClass::season)
      cue = TenseCue::none;
  }
  // "will be held", "to be announced", "is heard": a participle after "be" is not the past.
  if (cue == TenseCue::past && (is(i - 1, "be") || is(i - 1, "been") || is(i - 1, "is") ||
                                is(i - 1, "are") || is(i - 1, "being")))
    cue = TenseCue::none;
  // "a still unspecified date", "the recently passed law", "its planned merger": a word in -ed
  // after a determiner (perhaps with an adverb between) is an adjective, not a verb.
  if (cue == TenseCue::past && lexeme.word_class != WordClass::tense) {
    auto determiner = [&](std::uint32_t k) {
      if (k < cues.first || k >= cues.end || tokens[k].kind != TokenKind::word) return false;
      std::string_view w = token_text(cues, k);
      std::uint64_t key_k = token_key(cues, k);
      for (const WordLiteral& d : kDeterminers)
        if (is_word(w, key_k, d)) return true;
      return false;
    };
    auto adverb = [&](std::uint32_t k) {
      if (k < cues.first || tokens[k].kind != TokenKind::word) return false;
      std::string_view w = token_text(cues, k);
      return is(k, "still") || is(k, "newly") || is(k, "much") ||
             (w.size() > 4 && ends_with(w, "ly"));
    };
    if (i > cues.first &&
        (determiner(i - 1) || (i > cues.first + 1 && adverb(i - 1) && determiner(i - 2))))
      cue = TenseCue::none;
  }
  switch (neighbourly(word, key)) {
    case Neighbourly::planned:
      // "planned a demonstration on Saturday": what was planned lies ahead, with or without "to".
      cue = TenseCue::future;
      break;
    case Neighbourly::plan:
      // "plan to meet", "intended to leave": the future.
      if (is(i + 1, "to") || is(i + 1, "for")) cue = TenseCue::future;
      break;
    case Neighbourly::is_are:
      // "is to resume", "are to meet": a plan.
      if (is(i + 1, "to")) cue = TenseCue::future;
      break;
    case Neighbourly::going_set:
      // "going to", "set to": the future.
      if (is(i + 1, "to")) cue = TenseCue::future;
      break;
    case Neighbourly::soon_early:
      // "as soon as", "as early as": the future.
      if (is(i + 1, "as") && is(i - 1, "as")) cue = TenseCue::future;
      break;
    case Neighbourly::by:
      mark |= kLooksAhead;
      break;
    case Neighbourly::since:
      mark |= kLooksBack;
      break;
    case Neighbourly::none:
      break;
  }
  mark |= static_cast<std::uint8_t>(cue);
  return mark;
}

}  // namespace

TenseReading tense_around(TenseCues& cues, const Sentence& sentence, std::uint32_t first,
                          std::uint32_t end) {
  // Marks are worked out once per run of tokens; most reads find them done.
  auto mark = [&](std::uint32_t i) {
    std::uint8_t& known = cues.marks[i - cues.first];
    if (known != kUnknownMark) return known;
    if ((*cues.tokens)[i].kind != TokenKind::word || gives_no_cue(cues, i)) return known = 0;
    return compute_mark(cues, i);
  };
  auto had_before = [&](std::uint32_t from) {
    const std::vector<Token>& tokens = *cues.tokens;
    for (std::uint32_t i = from, d = 1; i > sentence.first_token && d <= kWindow; ++d) {
      --i;
      if (tokens[i].kind != TokenKind::word) continue;
      std::string_view w = token_text(cues, i);
      if (is_word(w, token_key(cues, i), "had")) return true;
      if (static_cast<TenseCue>(mark(i) & kCueMask) != TenseCue::none && !ends_with(w, "ed"))
        return false;
    }
    return false;
  };
  // A preposition right before the expression says more than any verb: "by May", "until
  // Tuesday" look ahead, "since March" back.
  if (first > sentence.first_token) {
    std::uint8_t before = mark(first - 1);
    // "had filed reports by Wednesday": a deadline in a past-perfect sentence is behind.
    if (before & kLooksAhead) return {had_before(first - 1) ? Tense::past : Tense::future, 1};
    if (before & kLooksBack) return {Tense::past, 1};
  }
  TenseCue left = TenseCue::none;
  std::uint32_t left_distance = kWindow + 1;
  for (std::uint32_t i = first, d = 1; i > sentence.first_token && d <= kWindow; ++d) {
    --i;
    TenseCue cue = static_cast<TenseCue>(mark(i) & kCueMask);
    if (cue != TenseCue::none) {
      left = cue;
      left_distance = d;
      break;
    }
  }
  TenseCue right = TenseCue::none;
  std::uint32_t right_distance = kWindow + 1;
  // A cue after the expression counts only if it is nearer than the one before by more than the
  // penalty: looking farther right cannot change the reading.
  for (std::uint32_t i = end, d = 1;
       i < sentence.end_token && d <= kWindow && d + kRightPenalty < left_distance; ++i, ++d) {
    TenseCue cue = static_cast<TenseCue>(mark(i) & kCueMask);
    if (cue != TenseCue::none) {
      right = cue;
      right_distance = d;
      break;
    }
  }
  bool use_left = left_distance <= right_distance + kRightPenalty;
  TenseCue chosen = use_left ? left : right;
  TenseReading reading;
  reading.distance = use_left ? left_distance : right_distance + kRightPenalty;
  switch (chosen) {
    case TenseCue::past:
      reading.tense = Tense::past;
      break;
    case TenseCue::present:
      reading.tense = Tense::present;
      break;
    case TenseCue::future:
      reading.tense = Tense::future;
      break;
    case TenseCue::none:
      reading.tense = Tense::unknown;
      break;
  }
  return reading;
}

}  // namespace copydesk::analyzers::dates
