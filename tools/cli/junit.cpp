// JUnit XML output and merging. See junit.h.
#include "tools/cli/junit.h"

#include <algorithm>

namespace loopsim::cli {

namespace {

// Length of the well-formed UTF-8 sequence at `text[i]` (lead byte >= 0x80), 0 if malformed.
size_t utf8_length(std::string_view text, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    size_t n = b0 >= 0xC2 && b0 <= 0xDF   ? 2
               : b0 >= 0xE0 && b0 <= 0xEF ? 3
               : b0 >= 0xF0 && b0 <= 0xF4 ? 4
                                          : 0;
    if (n == 0 || i + n > text.size()) return 0;
    for (size_t k = 1; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    if (b0 == 0xE0 && byte(i + 1) < 0xA0) return 0; // overlong
    if (b0 == 0xED && byte(i + 1) > 0x9F) return 0; // surrogate
    if (b0 == 0xF0 && byte(i + 1) < 0x90) return 0; // overlong
    if (b0 == 0xF4 && byte(i + 1) > 0x8F) return 0; // above U+10FFFF
    return n;
}

std::string attribute(std::string_view element, std::string_view name) {
    const std::string needle = " " + std::string(name) + "=\"";
    size_t at = element.find(needle);
    if (at == std::string_view::npos) return {};
    at += needle.size();
    const size_t end = element.find('"', at);
    return end == std::string_view::npos ? std::string()
                                         : std::string(element.substr(at, end - at));
}

std::string counts(size_t tests, size_t failures, size_t errors, size_t skipped) {
    return " tests=\"" + std::to_string(tests) + "\" failures=\"" + std::to_string(failures) +
           "\" errors=\"" + std::to_string(errors) + "\" skipped=\"" + std::to_string(skipped) +
           "\"";
}

std::string document(std::string_view suite_name, const std::vector<std::string>& cases,
                     size_t failures, size_t errors, size_t skipped) {
    const std::string name = xml_escape(suite_name);
    const std::string c = counts(cases.size(), failures, errors, skipped);
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"" + name +
                      "\"" + c + ">\n  <testsuite name=\"" + name + "\"" + c + ">\n";
    for (const std::string& t : cases) xml += "    " + t + "\n";
    xml += "  </testsuite>\n</testsuites>\n";
    return xml;
}

} // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const size_t n = utf8_length(text, i);
            if (n == 0) {
                out += "\xEF\xBF\xBD";
                ++i;
            } else {
                out.append(text.substr(i, n));
                i += n;
            }
            continue;
        }
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        case '\n':
            out += "&#10;";
            break;
        case '\t':
            out += "&#9;";
            break;
        case '\r':
            out += "&#13;";
            break;
        default:
            if (c < 0x20 || c == 0x7F)
                out += "\xEF\xBF\xBD";
            else
                out += static_cast<char>(c);
        }
        ++i;
    }
    return out;
}

std::string junit_from_summary(const trace::BatchSummary& summary, std::string_view suite_name) {
    std::vector<std::pair<std::pair<std::string, std::string>, std::string>>
        cases; // (classname, name), xml
    size_t failures = 0, skipped = 0;
    for (const trace::SummaryEntry& e : summary.scenarios) {
        const size_t slash = e.name.rfind('/');
        std::string classname = slash == std::string::npos ? "" : e.name.substr(0, slash);
        std::replace(classname.begin(), classname.end(), '/', '.');
        const std::string name = slash == std::string::npos ? e.name : e.name.substr(slash + 1);
        std::string t = "<testcase classname=\"" + xml_escape(classname) + "\" name=\"" +
                        xml_escape(name) + "\"";
        switch (e.status) {
        case trace::ScenarioStatus::Passed:
        case trace::ScenarioStatus::Written:
            t += "/>";
            break;
        case trace::ScenarioStatus::Fixed:
            t += "><system-out>" + xml_escape(e.message) + "</system-out></testcase>";
            break;
        case trace::ScenarioStatus::Failed:
            ++failures;
            t += "><failure message=\"" + xml_escape(e.message) + "\" type=\"" +
                 (summary.command == "check" ? "mismatch" : "run") + "\">" + xml_escape(e.message) +
                 "</failure></testcase>";
            break;
        case trace::ScenarioStatus::Known:
            ++skipped;
            t += "><skipped message=\"" + xml_escape("known failure: " + e.message) +
                 "\"/></testcase>";
            break;
        }
        cases.push_back({{xml_escape(classname), xml_escape(name)}, std::move(t)});
    }
    // The order junit_from_cases gives, so a merged report equals the unsharded one.
    std::stable_sort(cases.begin(), cases.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> text;
    for (auto& c : cases) text.push_back(std::move(c.second));
    return document(suite_name, text, failures, 0, skipped);
}

bool parse_junit_cases(std::string_view xml, std::vector<JunitCase>& cases) {
    if (xml.find("<testsuite") == std::string_view::npos) return false;
    size_t at = 0;
    while ((at = xml.find("<testcase", at)) != std::string_view::npos) {
        const size_t open_end = xml.find('>', at);
        if (open_end == std::string_view::npos) return false;
        size_t end;
        if (xml[open_end - 1] == '/') {
            end = open_end + 1;
        } else {
            const size_t close = xml.find("</testcase>", open_end);
            if (close == std::string_view::npos) return false;
            end = close + 11;
        }
        JunitCase c;
        const std::string_view opening = xml.substr(at, open_end - at);
        c.classname = attribute(opening, "classname");
        c.name = attribute(opening, "name");
        c.xml = std::string(xml.substr(at, end - at));
        const std::string_view body = xml.substr(open_end, end - open_end);
        c.failed = body.find("<failure") != std::string_view::npos;
        c.errored = body.find("<error") != std::string_view::npos;
        c.skipped = body.find("<skipped") != std::string_view::npos;
        cases.push_back(std::move(c));
        at = end;
    }
    return true;
}

std::string junit_from_cases(std::vector<JunitCase> cases, std::string_view suite_name) {
    std::stable_sort(cases.begin(), cases.end(), [](const JunitCase& a, const JunitCase& b) {
        return a.classname != b.classname ? a.classname < b.classname : a.name < b.name;
    });
    std::vector<std::string> text;
    size_t failures = 0, errors = 0, skipped = 0;
    for (const JunitCase& c : cases) {
        failures += c.failed;
        errors += c.errored;
        skipped += c.skipped;
        text.push_back(c.xml);
    }
    return document(suite_name, text, failures, errors, skipped);
}

} // namespace loopsim::cli
