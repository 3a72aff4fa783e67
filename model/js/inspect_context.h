#pragma once
// The state of one inspection (Node's `ctx`) and the helpers the inspect_*.cpp files share.
// Internal to model/js/inspect*.cpp; the public API is inspect.h.
//
// Index: the context; text helpers (UTF-16 lengths, display widths, padding); primitives
// and keys (inspect_primitives.cpp); layout (inspect_layout.cpp); objects (inspect.cpp);
// errors (inspect_error.cpp).
#include "model/js/inspect.h"
#include "model/js/object.h"
#include "model/js/property_key.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loopsim::js::inspect_detail {

using Text = ThrowCompletionOr<std::string>;
// The constructor name getConstructorName finds; nullopt for a null-prototype chain.
using ConstructorName = std::optional<std::string>;

// Node's kObjectType / kArrayType / kArrayExtrasType: how an entry list is laid out.
enum class Extras : uint8_t {
    Object,      // `key: value` entries
    ArrayEntry,  // a bare value (array element)
    ArrayExtras, // an array's entry list: may be grouped into columns
};

struct Context {
    Context(Runtime& runtime, const InspectOptions& options) : runtime(runtime), options(options) {}

    Runtime& runtime;
    InspectOptions options;
    int indentation = 0;   // ctx.indentationLvl
    int current_depth = 0; // ctx.currentDepth: the depth of the innermost object formatted
    std::vector<Object*> seen;
    // ctx.circular: objects found to be circular, with their <ref *N> numbers, in the order
    // they were found.
    std::vector<std::pair<Object*, int>> circular;
};

// --- text ------------------------------------------------------------------------------------
std::string utf16_to_utf8(std::u16string_view units);
// JS `.length` of the UTF-16 string this UTF-8 text encodes.
size_t js_length(std::string_view utf8);
// Node's getStringWidth (with ICU): display columns, control characters count 0, East Asian
// wide and emoji code points 2, combining marks 0.
size_t display_width(std::string_view utf8);
std::string pad_start(const std::string& text, size_t target_js_length);
std::string pad_end(const std::string& text, size_t target_js_length);
std::string spaces(int count);
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// --- primitives and keys (inspect_primitives.cpp) ----------------------------------------------
// strEscape: the string quoted with ', " or ` and its special characters escaped.
std::string quote_js_string(std::u16string_view text);
// The escapes of strEscapeSequencesReplacer without quotes (symbol and hidden keys).
std::string escape_key_text(std::u16string_view text);
// formatNumber: -0 as "-0", the rest as Number::toString.
std::string format_number(double number);
// formatPrimitive: a string (quoted, split at newlines when long), number, boolean,
// undefined, null or symbol.
std::string format_primitive(Context& ctx, Value value);
// The name part of formatProperty for an object key.
std::string format_key_name(Context& ctx, PropertyKey key, bool enumerable);
std::string remaining_text(uint64_t remaining);

// --- layout (inspect_layout.cpp) -------------------------------------------------------------
// reduceToSingleString. `value` is the array whose entries these are (for the number/string
// alignment of grouped entries), or null.
Text reduce_to_single_string(Context& ctx, std::vector<std::string> output, const std::string& base,
                             const std::string& open, const std::string& close, Extras extras,
                             int recurse_times, Object* value);

// --- objects (inspect.cpp) -------------------------------------------------------------------
Text format_value(Context& ctx, Value value, int recurse_times);
// getPrefix: "Name(size) [tag] " or "[Fallback(size): null prototype] ".
std::string get_prefix(const ConstructorName& constructor, const std::string& tag,
                       const std::string& fallback, const std::string& size = {});
// [[Get]] with the object as receiver.
Completion get_property(Runtime& runtime, Object& object, PropertyKey key);
bool has_own_string_property(Runtime& runtime, Object& object, PropertyKey key);
// value instanceof Error (the prototype chain holds %Error.prototype%).
bool is_error(Runtime& runtime, Object& object);

// --- errors (inspect_error.cpp) --------------------------------------------------------------
// formatError: the stack, improved with the constructor name, indented; removes the keys
// already shown in the stack and adds `cause` / `errors`.
Text format_error(Context& ctx, Object& error, const ConstructorName& constructor,
                  const std::string& tag, std::vector<PropertyKey>& keys, int recurse_times);

} // namespace loopsim::js::inspect_detail
