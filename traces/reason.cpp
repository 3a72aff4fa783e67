#include "traces/reason.h"

#include "sim/assert.h"
#include "traces/trace_event.h"

#include <charconv>
#include <memory>
#include <vector>

namespace loopsim::trace {
namespace {

struct ReasonInfo {
    std::string_view name;
    std::string_view text;
};

constexpr std::array<ReasonInfo, kReasonCount> kReasons = {{
#define LOOPSIM_REASON(Enum, json_name, text) {#json_name, text},
#include "traces/reasons.def"
#undef LOOPSIM_REASON
}};

// A template is valid when every '{' opens {0} {1} {2} {s} or {{, every '}' closes a slot or
// is doubled, and it holds no control characters (so its JSON escape is trivial).
constexpr bool template_is_valid(std::string_view t) {
    for (size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (static_cast<unsigned char>(c) < 0x20) return false;
        if (c == '{') {
            if (i + 1 < t.size() && t[i + 1] == '{') {
                ++i;
                continue;
            }
            if (i + 2 >= t.size() || t[i + 2] != '}') return false;
            char s = t[i + 1];
            if (s != '0' && s != '1' && s != '2' && s != 's') return false;
            i += 2;
        } else if (c == '}') {
            if (i + 1 >= t.size() || t[i + 1] != '}') return false;
            ++i;
        }
    }
    return true;
}

constexpr bool all_templates_valid() {
    for (const auto& r : kReasons) {
        if (!template_is_valid(r.text)) return false;
    }
    return true;
}
static_assert(all_templates_valid(), "a template in reasons.def has a bad slot or brace");
static_assert(kReasons[0].name == "none", "ReasonCode::None must be first in reasons.def");

struct SplitTemplate {
    std::vector<ReasonPiece> pieces;
    int int_slots = 0;
    bool uses_string = false;
};

struct SplitTable {
    std::array<SplitTemplate, kReasonCount> split;
    std::vector<std::unique_ptr<std::string>> storage; // literal text, stable addresses
};

std::string json_escape_literal(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

SplitTable build_split_table() {
    SplitTable table;
    for (size_t r = 0; r < kReasonCount; ++r) {
        std::string_view t = kReasons[r].text;
        SplitTemplate& split = table.split[r];
        std::string literal;
        auto flush = [&](int8_t slot) {
            const std::string* raw =
                table.storage.emplace_back(std::make_unique<std::string>(literal)).get();
            const std::string* json =
                table.storage
                    .emplace_back(std::make_unique<std::string>(json_escape_literal(literal)))
                    .get();
            split.pieces.push_back(ReasonPiece{*raw, *json, slot});
            literal.clear();
        };
        for (size_t i = 0; i < t.size(); ++i) {
            if ((t[i] == '{' || t[i] == '}') && i + 1 < t.size() && t[i + 1] == t[i]) {
                literal += t[i++];
            } else if (t[i] == '{') {
                char s = t[i + 1];
                int8_t slot = s == 's' ? ReasonPiece::kStringSlot : static_cast<int8_t>(s - '0');
                if (slot == ReasonPiece::kStringSlot) {
                    split.uses_string = true;
                } else if (slot + 1 > split.int_slots) {
                    split.int_slots = slot + 1;
                }
                flush(slot);
                i += 2;
            } else {
                literal += t[i];
            }
        }
        if (!literal.empty()) flush(ReasonPiece::kNoSlot);
    }
    return table;
}

const SplitTemplate& split_of(ReasonCode code) {
    static const SplitTable table = build_split_table();
    auto index = static_cast<size_t>(code);
    LOOPSIM_ASSERT(index < kReasonCount, "reason code outside reasons.def");
    return table.split[index];
}

} // namespace

std::string_view reason_name(ReasonCode code) {
    auto index = static_cast<size_t>(code);
    LOOPSIM_ASSERT(index < kReasonCount, "reason code outside reasons.def");
    return kReasons[index].name;
}

std::string_view reason_template(ReasonCode code) {
    auto index = static_cast<size_t>(code);
    LOOPSIM_ASSERT(index < kReasonCount, "reason code outside reasons.def");
    return kReasons[index].text;
}

std::optional<ReasonCode> reason_from_name(std::string_view name) {
    for (size_t i = 0; i < kReasons.size(); ++i) {
        if (kReasons[i].name == name) return static_cast<ReasonCode>(i);
    }
    return std::nullopt;
}

int reason_int_slot_count(ReasonCode code) {
    return split_of(code).int_slots;
}
bool reason_uses_string(ReasonCode code) {
    return split_of(code).uses_string;
}
std::span<const ReasonPiece> reason_pieces(ReasonCode code) {
    return split_of(code).pieces;
}

std::string render_reason(const Reason& reason, std::string_view str) {
    std::string out;
    for (const ReasonPiece& piece : reason_pieces(reason.code)) {
        out += piece.text;
        if (piece.slot == ReasonPiece::kStringSlot) {
            out += str;
        } else if (piece.slot != ReasonPiece::kNoSlot) {
            char digits[24];
            auto [end, ec] = std::to_chars(digits, digits + sizeof digits, reason.args[piece.slot]);
            out.append(digits, end);
        }
    }
    return out;
}

std::string render_reason(const TraceEvent& event, const StringPool& strings) {
    return render_reason(event.reason, strings.get(event.reason.str));
}

} // namespace loopsim::trace
