#include "model/js/syntax/lexer.h"

#include "sim/utf8.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <limits>

namespace loopsim::js::syntax {

namespace {

constexpr std::string_view token_descriptions[] = {
#define LOOPSIM_TOKEN(Name, description) description,
#define LOOPSIM_KEYWORD(Name, spelling) "'" spelling "'",
#define LOOPSIM_PUNCTUATOR(Name, spelling) "'" spelling "'",
#include "model/js/syntax/tokens.def"
};

struct Keyword {
    std::string_view spelling;
    TokenKind kind;
};
constexpr Keyword keywords[] = {
#define LOOPSIM_KEYWORD(Name, spelling) {spelling, TokenKind::Name},
#include "model/js/syntax/tokens.def"
};
constexpr TokenKind first_keyword = TokenKind::Break;
constexpr TokenKind last_keyword = TokenKind::With;

// Keywords by (first letter, length): at most a few candidates per slot, so looking up a
// name costs one or two comparisons.
struct KeywordTable {
    static constexpr size_t max_length = 10;
    static constexpr size_t max_per_slot = 4;
    uint8_t count[26][max_length + 1] = {};
    uint8_t index[26][max_length + 1][max_per_slot] = {};

    constexpr KeywordTable() {
        for (size_t i = 0; i < std::size(keywords); ++i) {
            std::string_view word = keywords[i].spelling;
            size_t letter = static_cast<size_t>(word[0] - 'a');
            uint8_t& n = count[letter][word.size()];
            index[letter][word.size()][n++] = static_cast<uint8_t>(i);
        }
    }
};
constexpr KeywordTable keyword_table;

TokenKind keyword_or_identifier(std::string_view word) {
    if (word.size() < 2 || word.size() > KeywordTable::max_length || word[0] < 'a' || word[0] > 'z')
        return TokenKind::Identifier;
    size_t letter = static_cast<size_t>(word[0] - 'a');
    for (uint8_t i = 0; i < keyword_table.count[letter][word.size()]; ++i) {
        const Keyword& k = keywords[keyword_table.index[letter][word.size()][i]];
        if (k.spelling == word) return k.kind;
    }
    return TokenKind::Identifier;
}

bool is_ascii_identifier_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}
bool is_ascii_identifier_part(char c) {
    return is_ascii_identifier_start(c) || (c >= '0' && c <= '9');
}
bool is_decimal_digit(char c) {
    return c >= '0' && c <= '9';
}
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Non-ASCII white space (ECMAScript WhiteSpace: USP and BOM) other than line terminators.
bool is_unicode_space(uint32_t cp) {
    return cp == 0xA0 || cp == 0xFEFF || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}
bool is_unicode_line_terminator(uint32_t cp) {
    return cp == 0x2028 || cp == 0x2029;
}

std::string describe_character(uint32_t cp) {
    if (cp >= 0x21 && cp < 0x7F) return std::string("'") + static_cast<char>(cp) + "'";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", cp);
    return buffer;
}

} // namespace

std::string_view token_kind_description(TokenKind kind) {
    return token_descriptions[static_cast<size_t>(kind)];
}
bool is_keyword(TokenKind kind) {
    return kind >= first_keyword && kind <= last_keyword;
}

Lexer::Lexer(const SourceFile& source)
    : m_source(source), m_text(source.text().data()), m_end(source.size()) {
    if (m_end >= 2 && m_text[0] == '#' && m_text[1] == '!') {
        m_has_hashbang = true;
        while (m_pos < m_end && m_text[m_pos] != '\n' && m_text[m_pos] != '\r') ++m_pos;
    }
}

Token Lexer::fail(uint32_t offset, DiagnosticCode code,
                  std::initializer_list<std::string_view> args) {
    m_failed = true;
    m_diagnostic = make_diagnostic(offset, code, args);
    m_error_token = Token{};
    m_error_token.kind = TokenKind::Error;
    m_error_token.start = offset;
    m_error_token.end = offset;
    return m_error_token;
}

uint32_t Lexer::decode(uint32_t at, uint32_t& length) const {
    auto byte = [&](uint32_t i) -> uint32_t {
        return at + i < m_end ? static_cast<unsigned char>(m_text[at + i]) : 0;
    };
    uint32_t b0 = byte(0);
    length = 0;
    if (b0 < 0x80) {
        length = 1;
        return b0;
    }
    uint32_t count = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (count == 0 || b0 >= 0xF8) return 0;
    uint32_t cp = b0 & (0x7F >> count);
    for (uint32_t i = 1; i < count; ++i) {
        uint32_t b = byte(i);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    length = count;
    return cp;
}

bool Lexer::skip_trivia(bool& newline) {
    while (m_pos < m_end) {
        char c = m_text[m_pos];
        switch (c) {
        case ' ':
        case '\t':
        case '\v':
        case '\f':
            ++m_pos;
            continue;
        case '\n':
        case '\r':
            newline = true;
            ++m_pos;
            continue;
        case '/':
            if (peek(1) == '/') {
                m_pos += 2;
                while (m_pos < m_end && m_text[m_pos] != '\n' && m_text[m_pos] != '\r') {
                    uint32_t length = 1;
                    if (static_cast<unsigned char>(m_text[m_pos]) >= 0x80 &&
                        is_unicode_line_terminator(decode(m_pos, length)))
                        break;
                    m_pos += length ? length : 1;
                }
                continue;
            }
            if (peek(1) == '*') {
                uint32_t start = m_pos;
                m_pos += 2;
                for (;;) {
                    if (m_pos >= m_end) {
                        fail(start, DiagnosticCode::UnterminatedComment);
                        return false;
                    }
                    char d = m_text[m_pos];
                    if (d == '*' && peek(1) == '/') {
                        m_pos += 2;
                        break;
                    }
                    if (d == '\n' || d == '\r') newline = true;
                    if (static_cast<unsigned char>(d) >= 0x80) {
                        uint32_t length = 0;
                        if (is_unicode_line_terminator(decode(m_pos, length))) newline = true;
                        m_pos += length ? length : 1;
                        continue;
                    }
                    ++m_pos;
                }
                continue;
            }
            return true;
        default:
            if (static_cast<unsigned char>(c) >= 0x80) {
                uint32_t length = 0;
                uint32_t cp = decode(m_pos, length);
                if (length == 0) {
                    fail(m_pos, DiagnosticCode::InvalidUtf8);
                    return false;
                }
                if (is_unicode_line_terminator(cp)) {
                    newline = true;
                    m_pos += length;
                    continue;
                }
                if (is_unicode_space(cp)) {
                    m_pos += length;
                    continue;
                }
            }
            return true;
        }
    }
    return true;
}

Token Lexer::next() {
    if (m_failed) return m_error_token;
    Token token;
    bool newline = false;
    if (!skip_trivia(newline)) return m_error_token;
    token.newline_before = newline || m_pos == 0;
    token.start = m_pos;
    if (m_pos >= m_end) {
        token.kind = TokenKind::EndOfFile;
        token.end = m_pos;
        token.newline_before = true;
        return token;
    }
    char c = m_text[m_pos];
    // The lex_* functions fill `token` in place (passing it by value costs a
    // store-forwarding stall per token).
    if (is_ascii_identifier_start(c) || c == '\\' || static_cast<unsigned char>(c) >= 0x80) {
        lex_identifier(token);
    } else if (is_decimal_digit(c) || (c == '.' && is_decimal_digit(peek(1)))) {
        lex_number(token);
    } else if (c == '"' || c == '\'') {
        lex_string(token, c);
    } else if (c == '`') {
        lex_template_part(token, token.start, false);
    } else {
        lex_punctuator(token);
    }
    return token;
}

// IdentifierName: ASCII letters, digits, '$', '_', and (as an approximation of ID_Start /
// ID_Continue) every non-ASCII code point that is not white space or a line terminator.
void Lexer::lex_identifier(Token& token) {
    for (;;) {
        if (m_pos >= m_end) break;
        char c = m_text[m_pos];
        if (is_ascii_identifier_part(c)) {
            ++m_pos;
            continue;
        }
        if (c == '\\') {
            token = fail(m_pos, DiagnosticCode::IdentifierEscape);
            return;
        }
        if (static_cast<unsigned char>(c) < 0x80) break;
        uint32_t length = 0;
        uint32_t cp = decode(m_pos, length);
        if (length == 0) {
            token = fail(m_pos, DiagnosticCode::InvalidUtf8);
            return;
        }
        if (is_unicode_space(cp) || is_unicode_line_terminator(cp)) {
            if (m_pos == token.start) {
                token = fail(m_pos, DiagnosticCode::InvalidCharacter, {describe_character(cp)});
                return;
            }
            break;
        }
        m_pos += length;
    }
    token.end = m_pos;
    token.value = std::string_view(m_text + token.start, token.end - token.start);
    token.kind = keyword_or_identifier(token.value);
    return;
}

// NumericLiteral: decimal (with fraction and exponent), 0x / 0o / 0b, '_' separators between
// digits. Legacy octal (017), leading-zero decimals (08) and BigInt (10n) are rejected.
void Lexer::lex_number(Token& token) {
    std::string digits; // the literal without separators, for conversion
    auto read_digits = [&](int radix, bool required) -> bool {
        bool any = false;
        bool last_was_separator = false;
        while (m_pos < m_end) {
            char c = m_text[m_pos];
            if (c == '_') {
                if (!any || last_was_separator)
                    return fail(m_pos, DiagnosticCode::InvalidNumber,
                                {"'_' must sit between two digits"}),
                           false;
                last_was_separator = true;
                ++m_pos;
                continue;
            }
            int value = hex_value(c);
            if (value < 0 || value >= radix) break;
            digits += c;
            any = true;
            last_was_separator = false;
            ++m_pos;
        }
        if (last_was_separator)
            return fail(m_pos - 1, DiagnosticCode::InvalidNumber,
                        {"'_' must sit between two digits"}),
                   false;
        if (required && !any)
            return fail(token.start, DiagnosticCode::InvalidNumber, {"expected a digit"}), false;
        return true;
    };

    char c = m_text[m_pos];
    int radix = 10;
    if (c == '0' && (peek(1) | 0x20) == 'x') radix = 16;
    if (c == '0' && (peek(1) | 0x20) == 'o') radix = 8;
    if (c == '0' && (peek(1) | 0x20) == 'b') radix = 2;
    bool is_integer = true;
    if (radix != 10) {
        m_pos += 2;
        if (!read_digits(radix, true)) {
            token = m_error_token;
            return;
        }
        // Exact up to 2^53 and beyond as long as the value fits 64 bits; larger literals
        // accumulate in double.
        uint64_t exact = 0;
        double value = 0;
        bool overflow = false;
        for (char d : digits) {
            uint64_t digit = static_cast<uint64_t>(hex_value(d));
            if (!overflow && exact > (UINT64_MAX - digit) / static_cast<uint64_t>(radix)) {
                overflow = true;
                value = static_cast<double>(exact);
            }
            if (overflow) {
                value = value * radix + static_cast<double>(digit);
            } else {
                exact = exact * static_cast<uint64_t>(radix) + digit;
            }
        }
        token.number = overflow ? value : static_cast<double>(exact);
    } else {
        if (c == '0' && (is_decimal_digit(peek(1)) || peek(1) == '_')) {
            uint32_t start = m_pos;
            while (m_pos < m_end && (is_decimal_digit(m_text[m_pos]) || m_text[m_pos] == '_'))
                ++m_pos;
            std::string_view text(m_text + start, m_pos - start);
            bool octal = text.find_first_of("89_") == std::string_view::npos;
            std::string_view stripped =
                text.substr(text.find_first_not_of('0') == std::string_view::npos
                                ? text.size() - 1
                                : text.find_first_not_of('0'));
            {
                token =
                    fail(start, octal ? DiagnosticCode::LegacyOctal : DiagnosticCode::LeadingZero,
                         {text, stripped});
                return;
            }
        }
        if (c != '.' && !read_digits(10, true)) {
            token = m_error_token;
            return;
        }
        if (peek() == '.') {
            is_integer = false;
            digits += '.';
            ++m_pos;
            if (is_decimal_digit(peek()) && !read_digits(10, false)) {
                token = m_error_token;
                return;
            }
            if (peek() == '_') {
                token =
                    fail(m_pos, DiagnosticCode::InvalidNumber, {"'_' must sit between two digits"});
                return;
            }
        }
        if ((peek() | 0x20) == 'e') {
            is_integer = false;
            digits += 'e';
            ++m_pos;
            if (peek() == '+' || peek() == '-') digits += m_text[m_pos++];
            if (!read_digits(10, true)) {
                token = m_error_token;
                return;
            }
        }
        // from_chars reads the shortest-round-trip decimal exactly, as V8 does (round half to
        // even on the exact decimal value).
        double value = 0;
        const char* begin = digits.data();
        if (!digits.empty() && digits[0] == '.') {
            digits.insert(digits.begin(), '0');
            begin = digits.data();
        }
        auto [ptr, ec] = std::from_chars(begin, digits.data() + digits.size(), value);
        if (ec == std::errc::result_out_of_range) {
            // Overflow to infinity or underflow to zero, as in JavaScript.
            size_t e = digits.find('e');
            bool negative_exponent =
                e != std::string::npos && e + 1 < digits.size() && digits[e + 1] == '-';
            value = negative_exponent ? 0.0 : std::numeric_limits<double>::infinity();
        } else if (ec != std::errc() || ptr != digits.data() + digits.size()) {
            {
                token = fail(token.start, DiagnosticCode::InvalidNumber, {"malformed number"});
                return;
            }
        }
        token.number = value;
    }
    if (m_pos < m_end) {
        char d = m_text[m_pos];
        if (d == 'n' && is_integer) {
            token = fail(token.start, DiagnosticCode::BigInt);
            return;
        }
        if (is_ascii_identifier_part(d) || d == '\\' || static_cast<unsigned char>(d) >= 0x80) {
            uint32_t length = 1;
            uint32_t cp = static_cast<unsigned char>(d) >= 0x80 ? decode(m_pos, length) : 0;
            if (!is_unicode_space(cp) && !is_unicode_line_terminator(cp)) {
                token = fail(m_pos, DiagnosticCode::IdentifierAfterNumber);
                return;
            }
        }
    }
    token.kind = TokenKind::Number;
    token.end = m_pos;
    return;
}

bool Lexer::lex_escape(bool in_template) {
    uint32_t escape_start = m_pos - 1; // the backslash
    if (m_pos >= m_end) return false;  // the caller reports the unterminated literal
    char c = m_text[m_pos++];
    auto hex_digits = [&](int count, uint32_t& out) -> bool {
        out = 0;
        for (int i = 0; i < count; ++i) {
            int v = m_pos < m_end ? hex_value(m_text[m_pos]) : -1;
            if (v < 0) return false;
            out = out * 16 + static_cast<uint32_t>(v);
            ++m_pos;
        }
        return true;
    };
    auto invalid = [&](const char* what) {
        fail(escape_start, DiagnosticCode::InvalidEscape, {what});
        return false;
    };
    switch (c) {
    case 'n':
        m_buffer += '\n';
        return true;
    case 't':
        m_buffer += '\t';
        return true;
    case 'r':
        m_buffer += '\r';
        return true;
    case 'b':
        m_buffer += '\b';
        return true;
    case 'f':
        m_buffer += '\f';
        return true;
    case 'v':
        m_buffer += '\v';
        return true;
    case '\r':
        if (peek() == '\n') ++m_pos;
        return true; // line continuation
    case '\n':
        return true;
    case 'x': {
        uint32_t value = 0;
        if (!hex_digits(2, value)) return invalid("'\\x' needs exactly two hex digits");
        append_utf8(m_buffer, value);
        return true;
    }
    case 'u': {
        uint32_t value = 0;
        if (peek() == '{') {
            ++m_pos;
            bool any = false;
            while (m_pos < m_end && m_text[m_pos] != '}') {
                int v = hex_value(m_text[m_pos]);
                if (v < 0) return invalid("'\\u{...}' needs hex digits");
                value = value * 16 + static_cast<uint32_t>(v);
                if (value > 0x10FFFF) return invalid("'\\u{...}' is above U+10FFFF");
                any = true;
                ++m_pos;
            }
            if (!any || m_pos >= m_end)
                return invalid("'\\u{...}' needs hex digits and a closing '}'");
            ++m_pos;
        } else if (!hex_digits(4, value)) {
            return invalid("'\\u' needs four hex digits or '{...}'");
        }
        // A high surrogate escape followed by a low surrogate escape is one code point.
        if (value >= 0xD800 && value <= 0xDBFF && peek() == '\\' && peek(1) == 'u' &&
            peek(2) != '{') {
            uint32_t save = m_pos;
            m_pos += 2;
            uint32_t low = 0;
            if (hex_digits(4, low) && low >= 0xDC00 && low <= 0xDFFF) {
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
            } else {
                m_pos = save;
            }
        }
        append_utf8(m_buffer, value);
        return true;
    }
    default:
        break;
    }
    if (c >= '0' && c <= '9') {
        if (c == '0' && !is_decimal_digit(peek())) {
            m_buffer += '\0';
            return true;
        }
        // Legacy octal escapes (\1, \017) and \8 \9: rejected; the message gives the \x form.
        uint32_t value = static_cast<uint32_t>(c - '0');
        if (c <= '7') {
            int max_more = c <= '3' ? 2 : 1;
            for (int i = 0; i < max_more && peek() >= '0' && peek() <= '7'; ++i)
                value = value * 8 + static_cast<uint32_t>(m_text[m_pos++] - '0');
        } else {
            value = static_cast<uint32_t>(c); // "\8" is "8"
        }
        char hex[8];
        std::snprintf(hex, sizeof hex, "%02x", value);
        std::string written(m_text + escape_start, m_pos - escape_start);
        (void)in_template;
        fail(escape_start, DiagnosticCode::OctalEscape, {written, hex});
        return false;
    }
    // Any other character (including U+2028/U+2029 line continuations) stands for itself,
    // except that LS/PS after a backslash are line continuations.
    --m_pos;
    uint32_t length = 1;
    uint32_t cp = static_cast<unsigned char>(c) >= 0x80 ? decode(m_pos, length)
                                                        : static_cast<unsigned char>(c);
    if (length == 0) return fail(m_pos, DiagnosticCode::InvalidUtf8), false;
    if (!is_unicode_line_terminator(cp)) m_buffer.append(m_text + m_pos, length);
    m_pos += length;
    return true;
}

void Lexer::lex_string(Token& token, char quote) {
    ++m_pos;
    uint32_t content_start = m_pos;
    bool cooked = false; // m_buffer holds the value (an escape was seen)
    for (;;) {
        if (m_pos >= m_end) {
            token = fail(token.start, DiagnosticCode::UnterminatedString, {std::string(1, quote)});
            return;
        }
        char c = m_text[m_pos];
        if (c == quote) break;
        if (c == '\n' || c == '\r') {
            token = fail(token.start, DiagnosticCode::UnterminatedString, {std::string(1, quote)});
            return;
        }
        if (c == '\\') {
            if (!cooked) {
                m_buffer.assign(m_text + content_start, m_pos - content_start);
                cooked = true;
            }
            ++m_pos;
            if (m_pos >= m_end) {
                token =
                    fail(token.start, DiagnosticCode::UnterminatedString, {std::string(1, quote)});
                return;
            }
            if (!lex_escape(false)) {
                token = m_error_token;
                return;
            }
            continue;
        }
        if (cooked) m_buffer += c;
        ++m_pos;
    }
    token.value = cooked ? std::string_view(m_buffer)
                         : std::string_view(m_text + content_start, m_pos - content_start);
    ++m_pos;
    token.kind = TokenKind::String;
    token.end = m_pos;
    return;
}

// Template characters after '`' (or after the '}' that closes a substitution) up to '`'
// or '${'. CR LF and CR become LF in the cooked value, as the spec's TV and TRV require.
void Lexer::lex_template_part(Token& token, uint32_t literal_start, bool is_continuation) {
    ++m_pos;
    uint32_t content_start = m_pos;
    bool cooked = false;
    for (;;) {
        if (m_pos >= m_end) {
            token = fail(literal_start, DiagnosticCode::UnterminatedTemplate);
            return;
        }
        char c = m_text[m_pos];
        if (c == '`') {
            token.kind = is_continuation ? TokenKind::TemplateTail : TokenKind::Template;
            break;
        }
        if (c == '$' && peek(1) == '{') {
            token.kind = is_continuation ? TokenKind::TemplateMiddle : TokenKind::TemplateHead;
            break;
        }
        if (c == '\\' || c == '\r') {
            if (!cooked) {
                m_buffer.assign(m_text + content_start, m_pos - content_start);
                cooked = true;
            }
            ++m_pos;
            if (c == '\r') {
                if (peek() == '\n') ++m_pos;
                m_buffer += '\n';
                continue;
            }
            if (m_pos >= m_end) {
                token = fail(literal_start, DiagnosticCode::UnterminatedTemplate);
                return;
            }
            if (!lex_escape(true)) {
                token = m_error_token;
                return;
            }
            continue;
        }
        if (cooked) m_buffer += c;
        ++m_pos;
    }
    token.value = cooked ? std::string_view(m_buffer)
                         : std::string_view(m_text + content_start, m_pos - content_start);
    if (token.kind == TokenKind::TemplateHead || token.kind == TokenKind::TemplateMiddle) {
        m_pos += 2;
        m_brace_stack.push_back(literal_start);
    } else {
        m_pos += 1;
    }
    token.end = m_pos;
    return;
}

void Lexer::lex_punctuator(Token& token) {
    char c = m_text[m_pos];
    auto take = [&](uint32_t length, TokenKind kind) {
        m_pos += length;
        token.kind = kind;
        token.end = m_pos;
    };
    char c1 = peek(1), c2 = peek(2), c3 = peek(3);
    switch (c) {
    case '{':
        m_brace_stack.push_back(plain_brace);
        return take(1, TokenKind::LeftBrace);
    case '}':
        if (!m_brace_stack.empty()) {
            uint32_t template_start = m_brace_stack.back();
            m_brace_stack.pop_back();
            if (template_start != plain_brace)
                return lex_template_part(token, template_start, true);
        }
        return take(1, TokenKind::RightBrace);
    case '(':
        return take(1, TokenKind::LeftParen);
    case ')':
        return take(1, TokenKind::RightParen);
    case '[':
        return take(1, TokenKind::LeftBracket);
    case ']':
        return take(1, TokenKind::RightBracket);
    case ';':
        return take(1, TokenKind::Semicolon);
    case ',':
        return take(1, TokenKind::Comma);
    case ':':
        return take(1, TokenKind::Colon);
    case '~':
        return take(1, TokenKind::Tilde);
    case '.':
        if (c1 == '.' && c2 == '.') return take(3, TokenKind::Ellipsis);
        return take(1, TokenKind::Dot);
    case '<':
        if (c1 == '!' && c2 == '-' && c3 == '-') {
            token = fail(m_pos, DiagnosticCode::HtmlComment);
            return;
        }
        if (c1 == '<')
            return c2 == '=' ? take(3, TokenKind::ShiftLeftAssign) : take(2, TokenKind::ShiftLeft);
        return c1 == '=' ? take(2, TokenKind::LessEqual) : take(1, TokenKind::Less);
    case '>':
        if (c1 == '>' && c2 == '>')
            return c3 == '=' ? take(4, TokenKind::ShiftRightUnsignedAssign)
                             : take(3, TokenKind::ShiftRightUnsigned);
        if (c1 == '>')
            return c2 == '=' ? take(3, TokenKind::ShiftRightAssign)
                             : take(2, TokenKind::ShiftRight);
        return c1 == '=' ? take(2, TokenKind::GreaterEqual) : take(1, TokenKind::Greater);
    case '=':
        if (c1 == '=')
            return c2 == '=' ? take(3, TokenKind::StrictEqual) : take(2, TokenKind::Equal);
        if (c1 == '>') return take(2, TokenKind::Arrow);
        return take(1, TokenKind::Assign);
    case '!':
        if (c1 == '=')
            return c2 == '=' ? take(3, TokenKind::StrictNotEqual) : take(2, TokenKind::NotEqual);
        return take(1, TokenKind::Bang);
    case '+':
        if (c1 == '+') return take(2, TokenKind::PlusPlus);
        return c1 == '=' ? take(2, TokenKind::PlusAssign) : take(1, TokenKind::Plus);
    case '-':
        // `-->` at the start of a line is an HTML-like closing comment (Annex B).
        if (c1 == '-' && c2 == '>' && token.newline_before) {
            token = fail(m_pos, DiagnosticCode::HtmlComment);
            return;
        }
        if (c1 == '-') return take(2, TokenKind::MinusMinus);
        return c1 == '=' ? take(2, TokenKind::MinusAssign) : take(1, TokenKind::Minus);
    case '*':
        if (c1 == '*')
            return c2 == '=' ? take(3, TokenKind::StarStarAssign) : take(2, TokenKind::StarStar);
        return c1 == '=' ? take(2, TokenKind::StarAssign) : take(1, TokenKind::Star);
    case '/':
        return c1 == '=' ? take(2, TokenKind::SlashAssign) : take(1, TokenKind::Slash);
    case '%':
        return c1 == '=' ? take(2, TokenKind::PercentAssign) : take(1, TokenKind::Percent);
    case '&':
        if (c1 == '&')
            return c2 == '=' ? take(3, TokenKind::AmpersandAmpersandAssign)
                             : take(2, TokenKind::AmpersandAmpersand);
        return c1 == '=' ? take(2, TokenKind::AmpersandAssign) : take(1, TokenKind::Ampersand);
    case '|':
        if (c1 == '|')
            return c2 == '=' ? take(3, TokenKind::PipePipeAssign) : take(2, TokenKind::PipePipe);
        return c1 == '=' ? take(2, TokenKind::PipeAssign) : take(1, TokenKind::Pipe);
    case '^':
        return c1 == '=' ? take(2, TokenKind::CaretAssign) : take(1, TokenKind::Caret);
    case '?':
        if (c1 == '?')
            return c2 == '=' ? take(3, TokenKind::QuestionQuestionAssign)
                             : take(2, TokenKind::QuestionQuestion);
        // `a?.5:b` is a conditional, not an optional chain.
        if (c1 == '.' && !is_decimal_digit(c2)) return take(2, TokenKind::QuestionDot);
        return take(1, TokenKind::Question);
    case '#': {
        uint32_t start = m_pos + 1, end = start;
        while (end < m_end && is_ascii_identifier_part(m_text[end])) ++end;
        if (end > start) {
            token = fail(m_pos, DiagnosticCode::PrivateName,
                         {std::string_view(m_text + start, end - start)});
            return;
        }
        break;
    }
    case '@': {
        token = fail(m_pos, DiagnosticCode::Decorator);
        return;
    }
    default:
        break;
    }
    uint32_t length = 1;
    uint32_t cp = decode(m_pos, length);
    {
        token = fail(m_pos, DiagnosticCode::InvalidCharacter, {describe_character(cp)});
        return;
    }
}

} // namespace loopsim::js::syntax
