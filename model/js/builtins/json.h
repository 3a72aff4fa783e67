#pragma once
// JSON.parse and JSON.stringify as C++ calls (the host's console and util.inspect can
// reuse the quoting), with V8's output and error messages.
#include "model/js/completion.h"

#include <string>
#include <string_view>

namespace loopsim::js {

class Runtime;

// JSON.parse(text, reviver): a SyntaxError with V8 11's message on bad input.
Completion json_parse(Runtime& runtime, Value text, Value reviver = Value());
// JSON.stringify(value, replacer, space): undefined when nothing serialises.
Completion json_stringify(Runtime& runtime, Value value, Value replacer = Value(),
                          Value space = Value());
// QuoteJSONString, as V8 writes it: \b \t \n \f \r \" \\ short escapes, other controls and
// lone surrogates as lower-case \uXXXX.
void json_quote(std::u16string& out, std::u16string_view text);

} // namespace loopsim::js
