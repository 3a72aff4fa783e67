#pragma once
// Token: one lexical token of a scenario, as the Lexer produces it. A token records where it
// is (byte offsets) and whether a line terminator precedes it (the input to automatic
// semicolon insertion and to the restricted productions); its value, when it has one, is
// valid until the Lexer produces the next token (the parser copies what it keeps).
#include <cstdint>
#include <string_view>

namespace loopsim::js::syntax {

enum class TokenKind : uint8_t {
#define LOOPSIM_TOKEN(Name, description) Name,
#define LOOPSIM_KEYWORD(Name, spelling) Name,
#define LOOPSIM_PUNCTUATOR(Name, spelling) Name,
#include "model/js/syntax/tokens.def"
};

// "')'", "'function'", "identifier", "end of input": how diagnostics name a kind.
std::string_view token_kind_description(TokenKind kind);
bool is_keyword(TokenKind kind);

struct Token {
    TokenKind kind = TokenKind::EndOfFile;
    bool newline_before = false; // a line terminator (or a comment containing one) precedes it
    uint32_t start = 0;          // byte offset of the first character
    uint32_t end = 0;            // byte offset one past the last character
    // Identifier: the name. String: the cooked value. Template pieces: the cooked text
    // between the delimiters. Empty for other kinds.
    std::string_view value;
    double number = 0; // Number tokens

    bool is(TokenKind k) const { return kind == k; }
};

} // namespace loopsim::js::syntax
