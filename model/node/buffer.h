#pragma once
// Buffer: Node's byte array, as far as scenarios use it (lib/buffer.js).
//
// A Buffer is an ordinary object whose prototype is Buffer.prototype and whose elements are
// its bytes (integers 0..255), so `buf[i]`, `buf.length` (a getter on the prototype, like
// TypedArray's), Object.keys and JSON.stringify behave as in Node. What is modelled:
// Buffer.from (string with an encoding, array, Buffer), Buffer.alloc, Buffer.allocUnsafe,
// Buffer.isBuffer, Buffer.byteLength, Buffer.concat, and on instances toString(encoding,
// start, end), slice/subarray (copies: writes to a slice do not reach the original),
// equals, toJSON. Encodings: utf8 (utf-8), hex, base64, latin1 (binary), ascii.
// console.log prints a Buffer as `Buffer { '0': 104, ... }`, not Node's `<Buffer 68 65>` (the
// inspector has no util.inspect.custom hook yet; docs/io.md).
#include "model/js/completion.h"
#include "model/js/object.h"

#include <optional>
#include <string>
#include <string_view>

namespace loopsim::node {

class ScriptHost;

enum class Encoding : uint8_t {
    Utf8,
    Hex,
    Base64,
    Latin1,
    Ascii
};

// Installs the Buffer global (idempotent).
void install_buffer(ScriptHost& host);
js::Object* buffer_prototype(ScriptHost& host);
// A new Buffer holding `bytes`.
js::Object* make_buffer(ScriptHost& host, std::string_view bytes);
bool is_buffer(ScriptHost& host, js::Value value);
// The bytes of a Buffer.
std::string buffer_bytes(const js::Object& buffer);
// An encoding name as Node accepts it ('utf8', 'UTF-8', 'binary', ...); nullopt if unknown.
std::optional<Encoding> parse_encoding(std::string_view name);
// bytes -> JS string in `encoding`, and back.
js::Value decode_bytes(ScriptHost& host, std::string_view bytes, Encoding encoding);
std::string encode_string(const js::String& text, Encoding encoding);
// Node's TypeError for an encoding it does not know: `Unknown encoding: x`, ERR_UNKNOWN_ENCODING.
js::ThrowCompletion unknown_encoding(ScriptHost& host, js::Value name);

} // namespace loopsim::node
