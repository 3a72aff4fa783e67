#pragma once
// JUnit XML for CI systems (GitLab, Jenkins, GitHub test reporters), in the common schema:
//   <testsuites name tests failures errors skipped>
//     <testsuite name tests failures errors skipped>
//       <testcase classname="scenarios.basics" name="01_sync_order.js"/>
//       <testcase ...><failure message="first difference"
//       type="mismatch">details</failure></testcase> <testcase ...><skipped message="known failure:
//       ..."/></testcase>
// A scenario's folder (dots for slashes) is its classname and its file name its name.
// Statuses map as: passed/written/fixed -> a plain testcase (fixed with a <system-out> note),
// failed -> <failure>, known -> <skipped>. Text is escaped for XML attributes and content;
// characters XML 1.0 cannot hold (control characters, malformed UTF-8) become U+FFFD.
#include "traces/batch_summary.h"

#include <string>
#include <string_view>
#include <vector>

namespace loopsim::cli {

std::string junit_from_summary(const trace::BatchSummary& summary, std::string_view suite_name);

// One <testcase> element of a JUnit file, as text, with what merge needs to know about it.
struct JunitCase {
    std::string classname;
    std::string name;
    std::string xml; // the whole element, copied as it was
    bool failed = false;
    bool errored = false;
    bool skipped = false;
};

// The <testcase> elements of a JUnit document (any producer), in document order. Returns
// false when the text has no <testsuite or <testsuites element.
bool parse_junit_cases(std::string_view xml, std::vector<JunitCase>& cases);

// A document holding these cases (sorted by classname then name) in one testsuite.
std::string junit_from_cases(std::vector<JunitCase> cases, std::string_view suite_name);

std::string xml_escape(std::string_view text);

} // namespace loopsim::cli
