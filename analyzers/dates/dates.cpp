#include "analyzers/dates/dates.hpp"

#include "analyzers/dates/calendar.hpp"
#include "analyzers/dates/normalizer.hpp"
#include "analyzers/dates/recognizer.hpp"
#include "analyzers/dates/tense.hpp"
#include "analyzers/dates/time_zones.hpp"

namespace copydesk::analyzers {
namespace {

using dates::Expr;
using dates::kNone;

// "Tuesday (Mar 12)", "March 12 (Tuesday)", "3:00 am Moscow time (0000 GMT)": two expressions
// where the second, in parentheses, restates the first.
bool restates(const Segmentation& segmentation, std::string_view prose, const Expr& first,
              const Expr& second) {
  const auto& tokens = segmentation.tokens;
  if (second.first_token != first.end_token + 1 || second.end_token >= tokens.size()) return false;
  auto is = [&](std::uint32_t i, char c) {
    return tokens[i].end == tokens[i].start + 1 && prose[tokens[i].start] == c;
  };
  return is(first.end_token, '(') && is(second.end_token, ')');
}

void copy_date(const Expr& from, Expr& to) {
  to.month = from.month;
  to.day = from.day;
  to.year = from.year;
  to.month_span = from.month_span;
  to.day_span = from.day_span;
  to.year_span = from.year_span;
}

// Links parenthetical restatements; fills `restated` with, per expression, the index (in
// `exprs`) of the one that restates it, or -1.
void pair_restatements(const Segmentation& segmentation, std::string_view prose,
                       std::vector<Expr>& exprs, std::size_t begin, std::vector<int>& restated) {
  restated.assign(exprs.size() - begin, -1);
  for (std::size_t k = begin; k + 1 < exprs.size(); ++k) {
    Expr& a = exprs[k];
    Expr& b = exprs[k + 1];
    if (!restates(segmentation, prose, a, b)) continue;
    bool a_weekday_only =
        a.weekday != kNone && a.day == kNone && a.kind == dates::ExprKind::calendar;
    bool b_weekday_only =
        b.weekday != kNone && b.day == kNone && b.kind == dates::ExprKind::calendar;
    bool a_date = a.month != kNone && a.day != kNone;
    bool b_date = b.month != kNone && b.day != kNone;
    if (a_weekday_only && b_date) {
      copy_date(b, a);
      restated[k - begin] = static_cast<int>(k + 1);
    } else if (a_date && b_weekday_only) {
      copy_date(a, b);
      restated[k - begin] = static_cast<int>(k + 1);
    } else if (a.minutes != kNone && b.minutes != kNone) {
      // "4 in the morning (4 a.m. EDT Thursday)": the restatement may name the day.
      if (a.kind == dates::ExprKind::time_only && b.kind != dates::ExprKind::time_only) {
        Expr with_day = b;
        with_day.first_token = a.first_token;
        with_day.end_token = a.end_token;
        with_day.span = a.span;
        with_day.minutes = a.minutes;
        with_day.part = a.part;
        with_day.zone = a.zone;
        with_day.local_time = a.local_time;
        with_day.time_span = a.time_span;
        with_day.weekday_span = with_day.month_span = with_day.day_span = with_day.year_span = {};
        a = with_day;
      }
      if ((a.zone != dates::kNoZone || a.local_time) && b.zone != dates::kNoZone)
        restated[k - begin] = static_cast<int>(k + 1);
    }
  }
}

// Only what the words leave open needs the tense: a weekday, a month or a day without a year.
bool needs_tense(const Expr& e) {
  if (e.kind == dates::ExprKind::unit_relative)
    return e.unit == dates::Unit::weekend && e.shift == kNone;
  if (e.kind != dates::ExprKind::calendar || e.year != kNone || e.year_shift != kNone ||
      e.year_before_context || e.decade != kNone || e.century != kNone)
    return false;
  return e.weekday != kNone || e.month != kNone || e.day != kNone || e.quarter != kNone ||
         e.half != kNone || e.season != kNone || e.holiday != dates::Holiday::none;
}

bool names_a_period(const dates::Point& point) {
  return point.grain != dates::Grain::none && point.year != kNone;
}

// Working storage, kept by each thread for its next document: allocating it afresh for every
// article cost about a tenth of recognition. What a very long document needed is let go.
struct Scratch {
  dates::RecognizerBuffers recognizer;
  std::vector<Expr> exprs;
  std::vector<dates::Resolution> resolved;
  std::vector<int> restated;
  dates::TenseCues cues;
};
constexpr std::size_t kScratchTokensKept = std::size_t{1} << 16;

}  // namespace

std::vector<DateMention> recognize_dates(std::string_view /*text*/, std::string_view prose,
                                         const Segmentation& segmentation,
                                         const Dateline& dateline) {
  std::vector<DateMention> mentions;
  mentions.reserve(segmentation.tokens.size() / 32 + 4);  // news runs about one per 35 tokens
  dates::NormalizeContext context;
  if (dateline.date && dateline.date->year) {
    context.set_dateline(
        dates::Ymd{*dateline.date->year, dateline.date->month, dateline.date->day});
  }
  // Word keys from segment(); a Segmentation built by hand may come without them.
  std::vector<std::uint64_t> own_keys;
  const std::uint64_t* keys = segmentation.word_keys.data();
  if (segmentation.word_keys.size() != segmentation.tokens.size()) {
    own_keys = dates::word_keys_of(prose, segmentation.tokens);
    keys = own_keys.data();
  }
  thread_local Scratch scratch;
  dates::Recognizer recognizer(prose, segmentation, keys, scratch.recognizer);
  std::vector<Expr>& exprs = scratch.exprs;
  std::vector<dates::Resolution>& resolved = scratch.resolved;
  std::vector<int>& restated = scratch.restated;
  dates::TenseCues& cues = scratch.cues;
  std::size_t paragraph_index = 0;
  std::size_t quarter_paragraph = 0;
  for (const Paragraph& paragraph : segmentation.paragraphs) {
    ++paragraph_index;
    if (context.reporting_quarter && paragraph_index > quarter_paragraph + 2)
      context.reporting_quarter.reset();
    if (paragraph.first_sentence == paragraph.end_sentence) continue;
    exprs.clear();
    recognizer.scan(segmentation.sentences[paragraph.first_sentence].first_token,
                    segmentation.sentences[paragraph.end_sentence - 1].end_token, exprs);
    if (exprs.empty()) continue;
    pair_restatements(segmentation, prose, exprs, 0, restated);
    std::uint32_t first_token = segmentation.sentences[paragraph.first_sentence].first_token;
    dates::compute_tense_cues(prose, segmentation.tokens, first_token,
                              segmentation.sentences[paragraph.end_sentence - 1].end_token, cues,
                              keys);
    // The paragraph's mentions, in text order; normalize() writes type and value in place.
    std::size_t first_mention = mentions.size();
    mentions.resize(first_mention + exprs.size());
    resolved.resize(exprs.size());  // each one is assigned below

    // Sentence by sentence; within one, clock times last, so that a day the sentence names
    // gives them their date ("on Tuesday ... at 3 a.m.").
    std::size_t k_begin = 0;
    for (std::uint32_t s = paragraph.first_sentence; s < paragraph.end_sentence; ++s) {
      const Sentence& sentence = segmentation.sentences[s];
      std::size_t k_end = k_begin;
      while (k_end < exprs.size() && exprs[k_end].first_token < sentence.end_token)
        ++k_end;
      context.sentence_day.reset();
      for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t k = k_begin; k < k_end; ++k) {
          const Expr& e = exprs[k];
          bool clock_only = e.kind == dates::ExprKind::time_only;
          if ((pass == 0) == clock_only) continue;
          dates::TenseReading reading;
          if (needs_tense(e))
            reading = dates::tense_around(cues, sentence, e.first_token, e.end_token);
          context.tense = reading.tense;
          context.tense_distance = reading.distance;
          resolved[k] = dates::normalize(e, context, mentions[first_mention + k]);
          const dates::Resolution& n = resolved[k];
          // A comparison ("a year earlier", "the year-ago quarter", "the 1988 period") is not what
          // later expressions count from.
          bool comparison = e.year_before_context || e.reported_period ||
                            (e.kind == dates::ExprKind::offset && e.unit == dates::Unit::year);
          if (n.point && names_a_period(*n.point) && n.point->grain == dates::Grain::quarter &&
              !comparison) {
            context.reporting_quarter = n.point;
            quarter_paragraph = paragraph_index;
          }
          if (n.point && names_a_period(*n.point) && e.kind != dates::ExprKind::duration &&
              !comparison) {
            if (!clock_only) context.previous = n.point;
            if (n.point->grain == dates::Grain::day) {
              if (!clock_only) context.previous_day = n.point;
              if (!context.sentence_day) context.sentence_day = n.point;
            }
          }
        }
      }
      k_begin = k_end;
    }

    for (std::size_t k = 0; k < exprs.size(); ++k) {
      const Expr& e = exprs[k];
      const dates::Resolution& n = resolved[k];
      DateMention& mention = mentions[first_mention + k];
      mention.span = e.span;
      if (n.day) mention.weekday.assign(dates::weekday_name(dates::weekday(*n.day)));
      mention.weekday_span = e.weekday_span;
      mention.month_span = e.month_span;
      mention.day_span = e.day_span;
      mention.year_span = e.year_span;
      mention.time_span = e.time_span;
      if (e.weekday != kNone) mention.stated_weekday.assign(dates::weekday_name(e.weekday));
      if (restated[k] >= 0) mention.restated_by = first_mention + restated[k];
      if (e.minutes != kNone) {
        mention.minutes = e.minutes;
        if (e.zone != dates::kNoZone) {
          const dates::ZoneInfo& zone = dates::zone_info(e.zone);
          if (zone.iana.empty()) {
            mention.zone.reserve(zone.name.size());
            for (char c : zone.name)
              mention.zone += static_cast<char>(c - 'a' + 'A');
          } else {
            mention.zone.assign(zone.iana);
          }
          std::optional<dates::DayNumber> day = n.day;
          if (!day && context.dateline) day = context.dateline_day;
          if (day) {
            int local = e.minutes >= 1440 ? 0 : e.minutes;
            mention.utc_offset_minutes = dates::utc_offset_minutes(e.zone, *day, local);
          }
        }
      }
    }
  }
  if (segmentation.tokens.size() > kScratchTokensKept) scratch = Scratch{};
  return mentions;
}

}  // namespace copydesk::analyzers
