#include "analyzers/dateline.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace copydesk::analyzers;

namespace {

constexpr auto kPlain = DocumentFormat::plain_text;
constexpr auto kMarkdown = DocumentFormat::markdown;

CalendarDate ymd(int year, int month, int day) {
  return {year, month, day};
}
CalendarDate md(int month, int day) {
  return {std::nullopt, month, day};
}

std::string_view cut(std::string_view text, Span span) {
  return text.substr(span.start, span.end - span.start);
}

Dateline find(std::string_view text, DocumentFormat format = kPlain, DatelineInputs inputs = {}) {
  return find_dateline(text, format, inputs);
}

}  // namespace

TEST_CASE("parse_iso_date: dates and datetimes") {
  CHECK(parse_iso_date("2024-03-12") == ymd(2024, 3, 12));
  CHECK(parse_iso_date("2024-03-12T08:15:00Z") == ymd(2024, 3, 12));
  CHECK(parse_iso_date("2024-03-12 08:15") == ymd(2024, 3, 12));
  CHECK(parse_iso_date("2024-02-29") == ymd(2024, 2, 29));
  CHECK(parse_iso_date("2000-02-29") == ymd(2000, 2, 29));
}

TEST_CASE("parse_iso_date: rejects what is not a real date") {
  CHECK_FALSE(parse_iso_date("2023-02-29"));  // not a leap year
  CHECK_FALSE(parse_iso_date("1900-02-29"));  // a century, not divisible by 400
  CHECK_FALSE(parse_iso_date("2023-02-30"));
  CHECK_FALSE(parse_iso_date("2023-04-31"));
  CHECK_FALSE(parse_iso_date("2023-13-01"));
  CHECK_FALSE(parse_iso_date("2023-00-10"));
  CHECK_FALSE(parse_iso_date("2023-01-00"));
  CHECK_FALSE(parse_iso_date("0000-01-01"));
  CHECK_FALSE(parse_iso_date("2023-1-01"));
  CHECK_FALSE(parse_iso_date("2023/01/01"));
  CHECK_FALSE(parse_iso_date("2023-01-01x"));
  CHECK_FALSE(parse_iso_date("2023-01-01T"));
  CHECK_FALSE(parse_iso_date(""));
}

TEST_CASE("header: the article continues on the same line") {
  std::string_view text = "date 2024-03-13 TALLINN, Estonia - The harbour board said on Tuesday...";
  Dateline dateline = find(text);
  CHECK(dateline.source == DatelineSource::header);
  CHECK(dateline.date == ymd(2024, 3, 13));
  CHECK(cut(text, dateline.span) == "date 2024-03-13");
  CHECK(dateline.metadata == dateline.span);
}

TEST_CASE("header: after blank lines and indentation, on its own line") {
  std::string_view text = "\n\n  date 2024-03-12\nThe council met on Tuesday.\n";
  Dateline dateline = find(text);
  CHECK(dateline.source == DatelineSource::header);
  CHECK(dateline.date == ymd(2024, 3, 12));
  CHECK(cut(text, dateline.span) == "date 2024-03-12");
}

TEST_CASE("header: after a byte order mark, in Markdown too") {
  std::string_view text =
      "\xEF\xBB\xBF"
      "date 2019-07-01\r\n# Heading\r\n";
  Dateline dateline = find(text, kMarkdown);
  CHECK(dateline.source == DatelineSource::header);
  CHECK(dateline.date == ymd(2019, 7, 1));
  CHECK(dateline.span == Span{3, 18});
}

TEST_CASE("header: an invalid date is skipped in favour of later sources") {
  Dateline dateline = find("date 2023-02-30\nOSLO, May 2 - Ferries ran late.\n");
  CHECK(dateline.source == DatelineSource::news_dateline);
  CHECK(dateline.date == md(5, 2));
  CHECK(dateline.metadata.empty());

  CHECK(find("date 2023-02-30\nNo dateline here.\n").source == DatelineSource::none);
}

TEST_CASE("header: must be a whole date at the start") {
  CHECK(find("date 2024-03-123 text").source == DatelineSource::none);
  CHECK(find("date2024-03-12 text").source == DatelineSource::none);
  CHECK(find("Update: date 2024-03-12").source == DatelineSource::none);
  CHECK(find("date 2024-3-12").source == DatelineSource::none);
}

TEST_CASE("override beats everything, but the header stays metadata") {
  std::string_view text = "date 2024-03-12 Text.";
  Dateline dateline = find(text, kPlain, {ymd(2020, 1, 2), ymd(2021, 5, 6)});
  CHECK(dateline.source == DatelineSource::override_value);
  CHECK(dateline.date == ymd(2020, 1, 2));
  CHECK(dateline.span.empty());
  CHECK(cut(text, dateline.metadata) == "date 2024-03-12");
}

TEST_CASE("front matter: YAML with a quoted datetime") {
  std::string_view text =
      "---\ntitle: \"Harbour reopens\"\ndate: \"2024-05-06T09:30:00+02:00\"\n---\n\nBody.\n";
  Dateline dateline = find(text, kMarkdown);
  CHECK(dateline.source == DatelineSource::front_matter);
  CHECK(dateline.date == ymd(2024, 5, 6));
  CHECK(cut(text, dateline.span) ==
        "---\ntitle: \"Harbour reopens\"\ndate: \"2024-05-06T09:30:00+02:00\"\n---");
  CHECK(dateline.metadata == dateline.span);
}

TEST_CASE("front matter: YAML plain date, single quotes, comments, CRLF") {
  CHECK(find("---\ndate: 2022-11-30\n---\nText", kMarkdown).date == ymd(2022, 11, 30));
  CHECK(find("---\ndate: '2022-11-30'\n---\nText", kMarkdown).date == ymd(2022, 11, 30));
  CHECK(find("---\ndate: 2022-11-30 # filed late\n---\n", kMarkdown).date == ymd(2022, 11, 30));
  CHECK(find("---\r\ndate: 2022-11-30\r\n---\r\nText", kMarkdown).date == ymd(2022, 11, 30));
  CHECK(find("---\ndate: 2022-11-30\n...\nText", kMarkdown).date == ymd(2022, 11, 30));
}

TEST_CASE("front matter: TOML") {
  std::string_view text = "+++\ntitle = \"Vote count\"\ndate = 2021-09-14T18:00:00Z\n+++\nBody.";
  Dateline dateline = find(text, kMarkdown);
  CHECK(dateline.source == DatelineSource::front_matter);
  CHECK(dateline.date == ymd(2021, 9, 14));
  CHECK(cut(text, dateline.span).ends_with("+++"));
  CHECK(find("+++\ndate = \"2021-09-14\"\n+++\n", kMarkdown).date == ymd(2021, 9, 14));
}

TEST_CASE("front matter: only in Markdown, only at the very start, only when closed") {
  std::string_view yaml = "---\ndate: 2022-11-30\n---\nText";
  CHECK(find(yaml, kPlain).source == DatelineSource::none);
  CHECK(find("\n---\ndate: 2022-11-30\n---\nText", kMarkdown).source == DatelineSource::none);
  CHECK(find("---\ndate: 2022-11-30\nText", kMarkdown).source == DatelineSource::none);
  // A nested key is not the document's date.
  CHECK(find("---\nevent:\n  date: 2022-11-30\n---\n", kMarkdown).source == DatelineSource::none);
}

TEST_CASE("front matter without a usable date is still metadata; later sources apply") {
  std::string_view text =
      "---\ntitle: Ferry strike\ndate: 2022-02-30\n---\nBERGEN, June 1 - Ferries";
  Dateline dateline = find(text, kMarkdown);
  CHECK(dateline.source == DatelineSource::news_dateline);
  CHECK(dateline.date == md(6, 1));
  CHECK(cut(text, dateline.span) == "June 1");
  CHECK(cut(text, dateline.metadata) == "---\ntitle: Ferry strike\ndate: 2022-02-30\n---");
}

TEST_CASE("header beats front matter and news dateline") {
  Dateline dateline = find("date 2024-01-02\nFriday, January 4, 2019\n", kMarkdown);
  CHECK(dateline.source == DatelineSource::header);
  CHECK(dateline.date == ymd(2024, 1, 2));
}

TEST_CASE("front matter beats a news dateline") {
  Dateline dateline = find("---\ndate: 2024-01-02\n---\nFriday, January 4, 2019\n", kMarkdown);
  CHECK(dateline.source == DatelineSource::front_matter);
  CHECK(dateline.date == ymd(2024, 1, 2));
}

TEST_CASE("news dateline: weekday, month day, year on its own line") {
  std::string_view text =
      "Lighthouse keeper retires after 40 years\nFriday, January 4, 2019\n\nBody.";
  Dateline dateline = find(text);
  CHECK(dateline.source == DatelineSource::news_dateline);
  CHECK(dateline.date == ymd(2019, 1, 4));
  CHECK(cut(text, dateline.span) == "Friday, January 4, 2019");
  CHECK(dateline.metadata.empty());
}

TEST_CASE("news dateline: without weekday, abbreviated months, day first") {
  CHECK(find("January 4, 2019\nText").date == ymd(2019, 1, 4));
  CHECK(find("Jan. 4, 2019\nText").date == ymd(2019, 1, 4));
  CHECK(find("Sept 9, 2020\nText").date == ymd(2020, 9, 9));
  CHECK(find("Tues., Sept. 8, 2020\nText").date == ymd(2020, 9, 8));
  std::string_view day_first = "4 January 2019\nText";
  CHECK(find(day_first).date == ymd(2019, 1, 4));
  CHECK(cut(day_first, find(day_first).span) == "4 January 2019");
  CHECK(find("Friday 4 January 2019\nText").date == ymd(2019, 1, 4));
  // A weekday vouches for a year-less date standing alone.
  CHECK(find("Thursday, September 12\nText").date == md(9, 12));
}

TEST_CASE("news dateline: city, month day, agency, dash") {
  std::string_view text = "WASHINGTON, March 3 (Reuters) - Lawmakers agreed on Tuesday...";
  Dateline dateline = find(text);
  CHECK(dateline.source == DatelineSource::news_dateline);
  CHECK(dateline.date == md(3, 3));
  CHECK(cut(text, dateline.span) == "March 3");

  std::string_view short_month = "LONDON, Feb 26 - Shares fell.";
  CHECK(find(short_month).date == md(2, 26));
  CHECK(cut(short_month, find(short_month).span) == "Feb 26");
  CHECK(find("NEW YORK, March 23 - Stocks rose.").date == md(3, 23));
  CHECK(find("RIGA, Latvia, May 2 \xE2\x80\x94 Ferries ran late.").date == md(5, 2));
  CHECK(find("PORTO, 2 May (Lusa) -- Trams stopped.").date == md(5, 2));
}

TEST_CASE("news dateline: a written year is kept") {
  std::string_view text = "GENEVA, March 3, 2019 (AFP) - Talks resumed.";
  Dateline dateline = find(text);
  CHECK(dateline.date == ymd(2019, 3, 3));
  CHECK(cut(text, dateline.span) == "March 3, 2019");
}

TEST_CASE("news dateline: Markdown markup around it, within the first three lines") {
  std::string_view text = "# Lighthouse keeper retires\n\n*Friday, January 4, 2019*\n\nBody.";
  Dateline dateline = find(text, kMarkdown);
  CHECK(dateline.date == ymd(2019, 1, 4));
  CHECK(cut(text, dateline.span) == "Friday, January 4, 2019");
  CHECK(find("**OSLO**, May 2 - Ferries ran late.", kMarkdown).date == md(5, 2));
  CHECK(find("    OSLO, May 2 - Ferries ran late.").date == md(5, 2));
}

TEST_CASE("news dateline: only in the first three non-empty lines") {
  CHECK(find("One.\n\nTwo.\n\nFriday, January 4, 2019\n").date == ymd(2019, 1, 4));
  CHECK(find("One.\nTwo.\nThree.\nFriday, January 4, 2019\n").source == DatelineSource::none);
}

TEST_CASE("news dateline: invalid or partial dates are not datelines") {
  CHECK(find("February 30, 2019\nText").source == DatelineSource::none);
  CHECK(find("Friday, February 29, 2019\nText").source == DatelineSource::none);
  CHECK(find("OSLO, Feb 30 - Ferries ran late.").source == DatelineSource::none);
  // Year-less Feb 29 exists in some year.
  CHECK(find("OSLO, Feb 29 - Ferries ran late.").date == md(2, 29));
  CHECK(find("OSLO, Jun 31 - Ferries ran late.").source == DatelineSource::none);
}

TEST_CASE("news dateline: prose that merely starts with a date is not one") {
  CHECK(find("January 4, 2019 was the coldest day.").source == DatelineSource::none);
  CHECK(find("March 3\nText").source == DatelineSource::none);  // no year, no weekday
  CHECK(find("On Friday, January 4, 2019 the mayor spoke.").source == DatelineSource::none);
  CHECK(find("Oslo, May 2 - Ferries ran late.").source == DatelineSource::none);  // not caps
  CHECK(find("OSLO, May 2 Ferries ran late.").source == DatelineSource::none);    // no dash
  CHECK(find("OSLO - Ferries ran late on May 2.").source == DatelineSource::none);
}

TEST_CASE("config default, then none") {
  std::string_view text = "The council met on Tuesday.";
  Dateline dateline = find(text, kPlain, {std::nullopt, ymd(2023, 8, 9)});
  CHECK(dateline.source == DatelineSource::config);
  CHECK(dateline.date == ymd(2023, 8, 9));
  CHECK(dateline.span.empty());

  Dateline none = find(text);
  CHECK(none.source == DatelineSource::none);
  CHECK_FALSE(none.date.has_value());
  CHECK(find("").source == DatelineSource::none);
  CHECK(find("date ").source == DatelineSource::none);
}

TEST_CASE("a news dateline beats the config default") {
  Dateline dateline = find("OSLO, May 2 - Ferries.", kPlain, {std::nullopt, ymd(2023, 8, 9)});
  CHECK(dateline.source == DatelineSource::news_dateline);
}
