// Suppression comments: `<!-- copydesk-disable-next-line RULE[, RULE] -- reason -->`,
// `<!-- copydesk-disable RULE -->` ... `<!-- copydesk-enable RULE -->`, and
// `<!-- copydesk-disable-line RULE -->` at the end of a line. With no RULE, all rules.
#pragma once

#include <string_view>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/prose.hpp"

namespace copydesk::analyzers {

// Drops the findings the directives suppress and appends a `suppression.unused` finding (info)
// for each directive, or rule named in one, that suppressed nothing.
std::vector<Finding> apply_suppressions(std::string_view text,
                                        const std::vector<DirectiveComment>& directives,
                                        std::vector<Finding> findings);

}  // namespace copydesk::analyzers
