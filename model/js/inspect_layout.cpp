// Line breaking of an inspected entry list: reduceToSingleString (one line when the entries
// fit in breakLength and the object is at most `compact` levels deep, otherwise one entry a
// line) and groupArrayElements (arrays of more than six entries set in aligned columns).
#include "model/js/conversions.h"
#include "model/js/inspect_context.h"
#include "model/js/runtime.h"

#include <algorithm>
#include <cmath>

namespace loopsim::js::inspect_detail {

namespace {

// Two: the comma and the space between two entries.
constexpr size_t kSeparatorSpace = 2;

// Math.round: halves go up.
double js_round(double x) {
    return std::floor(x + 0.5);
}

// Whether value[i] is a number for every entry, which right-aligns the columns. Node reads
// value[i] for i < output.size() (so the "... more items" entry looks at the next element).
ThrowCompletionOr<bool> all_numbers(Context& ctx, Object& value, size_t count) {
    for (size_t i = 0; i < count; ++i) {
        if (i > PropertyKey::kMaxIndex) return false;
        Value element = LOOPSIM_TRY(
            get_property(ctx.runtime, value, PropertyKey::index(static_cast<uint32_t>(i))));
        if (!element.is_number()) return false;
    }
    return true;
}

// groupArrayElements.
ThrowCompletionOr<std::vector<std::string>> group_array_elements(Context& ctx,
                                                                 std::vector<std::string> output,
                                                                 Object* value) {
    size_t total_length = 0;
    size_t max_length = 0;
    size_t output_length = output.size();
    // The "... more items" entry takes no part in the columns.
    if (ctx.options.max_array_length < output.size()) --output_length;
    std::vector<size_t> data_length(output_length);
    for (size_t i = 0; i < output_length; ++i) {
        size_t length = display_width(output[i]);
        data_length[i] = length;
        total_length += length + kSeparatorSpace;
        max_length = std::max(max_length, length);
    }
    double actual_max = static_cast<double>(max_length + kSeparatorSpace);
    double break_length = ctx.options.break_length;
    double indentation = ctx.indentation;
    if (actual_max * 3 + indentation < break_length &&
        (static_cast<double>(total_length) / actual_max > 5 || max_length <= 6)) {
        const double approx_char_heights = 2.5;
        double average_bias =
            std::sqrt(actual_max - static_cast<double>(total_length) / output.size());
        double biased_max = std::max(actual_max - 3 - average_bias, 1.0);
        double columns = std::min({
            js_round(std::sqrt(approx_char_heights * biased_max * output_length) / biased_max),
            std::floor((break_length - indentation) / actual_max),
            static_cast<double>(ctx.options.compact) * 4,
            15.0,
        });
        if (columns <= 1) return output;
        auto column_count = static_cast<size_t>(columns);
        std::vector<size_t> max_line_length;
        for (size_t i = 0; i < column_count; ++i) {
            size_t line_max = 0;
            for (size_t j = i; j < output_length; j += column_count)
                line_max = std::max(line_max, data_length[j]);
            max_line_length.push_back(line_max + kSeparatorSpace);
        }
        bool pad_left = value && LOOPSIM_TRY(all_numbers(ctx, *value, output.size()));
        std::vector<std::string> grouped;
        for (size_t i = 0; i < output_length; i += column_count) {
            size_t max = std::min(i + column_count, output_length);
            std::string line;
            size_t j = i;
            for (; j + 1 < max; ++j) {
                size_t padding = max_line_length[j - i] + js_length(output[j]) - data_length[j];
                std::string cell = output[j] + ", ";
                line += pad_left ? pad_start(cell, padding) : pad_end(cell, padding);
            }
            if (pad_left) {
                size_t padding = max_line_length[j - i] + js_length(output[j]) - data_length[j] -
                                 kSeparatorSpace;
                line += pad_start(output[j], padding);
            } else {
                line += output[j];
            }
            grouped.push_back(std::move(line));
        }
        if (ctx.options.max_array_length < output.size()) grouped.push_back(output[output_length]);
        return grouped;
    }
    return output;
}

// isBelowBreakLength.
bool is_below_break_length(Context& ctx, const std::vector<std::string>& output, size_t start,
                           const std::string& base) {
    size_t total = output.size() + start;
    auto limit = static_cast<size_t>(std::max(ctx.options.break_length, 0));
    if (total + output.size() > limit) return false;
    for (const std::string& entry : output) {
        total += js_length(entry);
        if (total > limit) return false;
    }
    return base.find('\n') == std::string::npos;
}

} // namespace

Text reduce_to_single_string(Context& ctx, std::vector<std::string> output, const std::string& base,
                             const std::string& open, const std::string& close, Extras extras,
                             int recurse_times, Object* value) {
    std::string prefix = base.empty() ? std::string() : base + " ";
    if (ctx.options.compact >= 1) {
        size_t entries = output.size();
        if (extras == Extras::ArrayExtras && entries > 6)
            output = LOOPSIM_TRY(group_array_elements(ctx, std::move(output), value));
        if (ctx.current_depth - recurse_times < ctx.options.compact && entries == output.size()) {
            size_t start = output.size() + static_cast<size_t>(ctx.indentation) + js_length(open) +
                           js_length(base) + 10;
            if (is_below_break_length(ctx, output, start, base)) {
                std::string joined = join(output, ", ");
                if (joined.find('\n') == std::string::npos)
                    return prefix + open + " " + joined + " " + close;
            }
        }
    }
    std::string indentation = "\n" + spaces(ctx.indentation);
    return prefix + open + indentation + "  " + join(output, "," + indentation + "  ") +
           indentation + close;
}

} // namespace loopsim::js::inspect_detail
