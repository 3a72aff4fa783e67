#pragma once
// Lexer: turns a SourceFile's text into Tokens, one at a time, on demand.
// - Usable alone (tests, tools): call next() until EndOfFile or Error.
// - Regular expression literals are not in the dialect, so '/' is always a division
//   punctuator here; the parser reports a regex where an operand was expected.
// - Template literals: the lexer tracks `${ ... }` nesting itself, so a '}' that closes a
//   substitution continues the template (TemplateMiddle / TemplateTail) without help from the
//   parser.
// - On a lexical error next() returns a TokenKind::Error token whose start is the error's
//   offset, and diagnostic() describes it; every later call returns the same Error token.
// - A `#!` line at offset 0 is skipped like a comment (has_hashbang()).
#include "model/js/syntax/diagnostic.h"
#include "model/js/syntax/source.h"
#include "model/js/syntax/token.h"
#include "sim/utf8.h"

#include <cstdint>
#include <string>
#include <vector>

namespace loopsim::js::syntax {

class Lexer {
public:
    explicit Lexer(const SourceFile& source);

    Token next();

    const Diagnostic& diagnostic() const { return m_diagnostic; }
    bool has_hashbang() const { return m_has_hashbang; }
    const SourceFile& source() const { return m_source; }

private:
    // Each completes `token` in place, or sets it to the Error token after fail().
    void lex_identifier(Token& token);
    void lex_number(Token& token);
    void lex_string(Token& token, char quote);
    void lex_template_part(Token& token, uint32_t literal_start, bool is_continuation);
    void lex_punctuator(Token& token);
    Token fail(uint32_t offset, DiagnosticCode code,
               std::initializer_list<std::string_view> args = {});

    // Skips whitespace and comments; returns false after fail().
    bool skip_trivia(bool& newline);
    // Decodes one escape sequence after the backslash at m_pos - 1 into m_buffer; returns
    // false after fail(). `in_template` selects the template rules for \0 and octal digits.
    bool lex_escape(bool in_template);
    // The code point at `at` and its byte length (0 when the UTF-8 is invalid).
    uint32_t decode(uint32_t at, uint32_t& length) const;

    char peek(uint32_t ahead = 0) const {
        return m_pos + ahead < m_end ? m_text[m_pos + ahead] : '\0';
    }
    bool at_end() const { return m_pos >= m_end; }

    const SourceFile& m_source;
    const char* m_text;
    uint32_t m_pos = 0;
    uint32_t m_end = 0;
    bool m_has_hashbang = false;
    bool m_failed = false;
    Token m_error_token;
    Diagnostic m_diagnostic;
    std::string m_buffer; // cooked value of the latest token when it had escapes
    // One entry per open '{' or '${': plain_brace for '{', else the offset of the '`' that
    // opened the template (so an unterminated template is reported where it starts).
    std::vector<uint32_t> m_brace_stack;
    static constexpr uint32_t plain_brace = UINT32_MAX;
};

// Appends a code point as UTF-8 (WTF-8: lone surrogates as 3-byte sequences).
using sim::append_utf8;

} // namespace loopsim::js::syntax
