// The `--format github` output: GitHub Actions workflow commands (`::warning file=...::message`),
// which the Actions runner turns into annotations on the pull request.
#pragma once

#include <string>
#include <string_view>

#include "server/output/report.hpp"

namespace copydesk::server::output {

// GitHub's escaping: the message escapes %, \r and \n; property values also ',' and ':'.
std::string escape_github_data(std::string_view text);
std::string escape_github_property(std::string_view text);

std::string format_github(const Report& report);

}  // namespace copydesk::server::output
