// Errors as util.inspect prints them (formatError): the `stack` text, with the constructor
// name worked into its first line (improveStack), wrapped in brackets when it has no frames,
// frames shared with the `cause` folded into "... N lines matching cause stack trace ...",
// every line indented to the error's depth; `name`/`message`/`stack` keys hidden when the
// stack already shows them, `[cause]` and `[errors]` added.
#include "model/js/array.h"
#include "model/js/builtins/error_builtins.h"
#include "model/js/conversions.h"
#include "model/js/inspect_context.h"
#include "model/js/runtime.h"

#include <algorithm>

namespace loopsim::js::inspect_detail {

namespace {

const std::string kFrameStart = "\n    at";

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (true) {
        size_t newline = text.find('\n', start);
        lines.emplace_back(text.substr(start, newline - start));
        if (newline == std::string_view::npos) break;
        start = newline + 1;
    }
    return lines;
}

// getStackString: `stack` when truthy (inspected if not a string), else
// Error.prototype.toString.
Text get_stack_string(Context& ctx, Object& error, int recurse_times) {
    Runtime& rt = ctx.runtime;
    Value stack = LOOPSIM_TRY(get_property(rt, error, rt.common_key(CommonAtom::Stack)));
    if (to_boolean(stack)) {
        if (stack.is_string()) return stack.as_string()->to_utf8();
        return format_value(ctx, stack, recurse_times);
    }
    String* text = LOOPSIM_TRY(error_to_string(rt, error));
    return text->to_utf8();
}

struct SequenceRange {
    size_t length = 0;
    size_t offset = 0;
};

// identicalSequenceRange: the first run of more than three lines of `a` found in `b`.
SequenceRange identical_sequence_range(const std::vector<std::string>& a,
                                       const std::vector<std::string>& b) {
    for (size_t i = 0; i + 3 < a.size(); ++i) {
        auto found = std::find(b.begin(), b.end(), a[i]);
        if (found == b.end()) continue;
        auto pos = static_cast<size_t>(found - b.begin());
        size_t rest = b.size() - pos;
        if (rest <= 3) continue;
        size_t length = 1;
        size_t max_length = std::min(a.size() - i, rest);
        while (max_length > length && a[i + length] == b[pos + length]) ++length;
        if (length > 3) return {length, i};
    }
    return {};
}

// getStackFrames: the frame lines, with those repeated from the cause's stack folded.
ThrowCompletionOr<std::vector<std::string>> get_stack_frames(Context& ctx, Object& error,
                                                             std::string_view frames_text,
                                                             int recurse_times) {
    Runtime& rt = ctx.runtime;
    std::vector<std::string> frames = split_lines(frames_text);
    Completion cause = get_property(rt, error, rt.common_key(CommonAtom::Cause));
    if (cause.is_throw()) return frames; // a throwing `cause` getter is ignored
    Value cause_value = cause.value();
    if (!cause_value.is_object() || !is_error(rt, *cause_value.as_object())) return frames;
    std::string cause_stack =
        LOOPSIM_TRY(get_stack_string(ctx, *cause_value.as_object(), recurse_times));
    size_t cause_start = cause_stack.find(kFrameStart);
    if (cause_start == std::string::npos) return frames;
    std::vector<std::string> cause_frames =
        split_lines(std::string_view(cause_stack).substr(cause_start + 1));
    SequenceRange range = identical_sequence_range(frames, cause_frames);
    if (range.length > 0) {
        size_t skipped = range.length - 2;
        std::string message =
            "    ... " + std::to_string(skipped) + " lines matching cause stack trace ...";
        auto first = frames.begin() + static_cast<std::ptrdiff_t>(range.offset + 1);
        frames.erase(first, first + static_cast<std::ptrdiff_t>(skipped));
        frames.insert(frames.begin() + static_cast<std::ptrdiff_t>(range.offset + 1), message);
    }
    return frames;
}

// The error's class name as the start of a stack may spell it when the prototype chain is
// null: /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/ or /^([a-z_A-Z0-9-]*Error)$/.
std::string null_prototype_error_name(const std::string& stack) {
    auto in_class = [](char c, bool first) {
        if (first) return c >= 'A' && c <= 'Z';
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == ' ' || c == '[' || c == ']' || c == '(' || c == ')' || c == '-';
    };
    if (!stack.empty() && in_class(stack[0], true)) {
        size_t end = 1;
        while (end < stack.size() && in_class(stack[end], false)) ++end;
        if (end > 1 && end < stack.size() &&
            (stack[end] == ':' || stack.compare(end, 7, "\n    at") == 0))
            return stack.substr(0, end);
    }
    bool simple = ends_with(stack, "Error") && std::all_of(stack.begin(), stack.end(), [](char c) {
                      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9') || c == '_' || c == '-';
                  });
    return simple ? stack : std::string();
}

// improveStack: "MyError: msg" for a subclass that kept name "Error", "Name [Class]" when
// they differ, "[Error: null prototype]" forms.
std::string improve_stack(std::string stack, const ConstructorName& constructor,
                          const std::string& name, const std::string& tag) {
    size_t length = name.size();
    bool regular = ends_with(name, "Error") && starts_with(stack, name) &&
                   (stack.size() == length || stack[length] == ':' || stack[length] == '\n');
    if (!constructor || regular) {
        std::string fallback = "Error";
        if (!constructor) {
            fallback = null_prototype_error_name(stack);
            length = fallback.size();
            if (fallback.empty()) fallback = "Error";
        }
        std::string prefix = get_prefix(constructor, tag, fallback);
        prefix.pop_back();
        if (name != prefix) {
            if (prefix.find(name) != std::string::npos) {
                if (length == 0)
                    stack = prefix + ": " + stack;
                else
                    stack = prefix + stack.substr(std::min(length, stack.size()));
            } else {
                stack = prefix + " [" + name + "]" + stack.substr(std::min(length, stack.size()));
            }
        }
    }
    return stack;
}

bool contains_key(const std::vector<PropertyKey>& keys, PropertyKey key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

} // namespace

Text format_error(Context& ctx, Object& error, const ConstructorName& constructor,
                  const std::string& tag, std::vector<PropertyKey>& keys, int recurse_times) {
    Runtime& rt = ctx.runtime;
    Value name_value = LOOPSIM_TRY(get_property(rt, error, rt.common_key(CommonAtom::Name)));
    std::string name = "Error";
    if (name_value.is_string()) {
        name = name_value.as_string()->to_utf8();
    } else if (!name_value.is_nullish()) {
        name = LOOPSIM_TRY(format_value(ctx, name_value, recurse_times));
    }
    std::string stack = LOOPSIM_TRY(get_stack_string(ctx, error, recurse_times));

    // removeDuplicateErrorKeys: own name/message/stack already visible in the stack.
    if (!ctx.options.show_hidden && !keys.empty()) {
        for (CommonAtom which : {CommonAtom::Name, CommonAtom::Message, CommonAtom::Stack}) {
            PropertyKey key = rt.common_key(which);
            auto found = std::find(keys.begin(), keys.end(), key);
            if (found == keys.end()) continue;
            Value v = LOOPSIM_TRY(get_property(rt, error, key));
            if (!v.is_string() || stack.find(v.as_string()->to_utf8()) != std::string::npos)
                keys.erase(found);
        }
    }
    PropertyKey cause_key = rt.common_key(CommonAtom::Cause);
    if (error.has_property(cause_key) && !contains_key(keys, cause_key)) keys.push_back(cause_key);
    PropertyKey errors_key = rt.key("errors");
    Value errors = LOOPSIM_TRY(get_property(rt, error, errors_key));
    if (errors.is_object() && errors.as_object()->kind() == CellKind::Array &&
        !contains_key(keys, errors_key))
        keys.push_back(errors_key);

    stack = improve_stack(std::move(stack), constructor, name, tag);

    // The frames start after the message (which may itself contain "\n    at").
    Value message = LOOPSIM_TRY(get_property(rt, error, rt.common_key(CommonAtom::Message)));
    size_t search_from = 0;
    if (to_boolean(message)) {
        std::string message_text = message.is_string()
                                       ? message.as_string()->to_utf8()
                                       : LOOPSIM_TRY(to_string(rt, message))->to_utf8();
        size_t at = stack.find(message_text);
        if (at != std::string::npos && at != 0) search_from = at + message_text.size();
    }
    size_t stack_start = stack.find(kFrameStart, search_from);
    if (stack_start == std::string::npos) {
        stack = "[" + stack + "]";
    } else {
        std::string head = stack.substr(0, stack_start);
        std::vector<std::string> lines = LOOPSIM_TRY(get_stack_frames(
            ctx, error, std::string_view(stack).substr(stack_start + 1), recurse_times));
        stack = head + "\n" + join(lines, "\n");
    }
    if (ctx.indentation != 0) {
        std::string indented;
        std::string indentation = spaces(ctx.indentation);
        for (char c : stack) {
            indented += c;
            if (c == '\n') indented += indentation;
        }
        stack = std::move(indented);
    }
    return stack;
}

} // namespace loopsim::js::inspect_detail
