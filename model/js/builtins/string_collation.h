#pragma once
// Case mapping and collation for String.prototype, within loopsim's documented limits:
// - to_upper_latin1 / to_lower_latin1 map ASCII and Latin-1 letters (ß -> "SS", ÿ -> Ÿ,
//   µ -> Μ) and leave every other code unit unchanged;
// - collate() approximates ICU's root collation for Latin-1 text, the order
//   String.prototype.localeCompare gives under Node's default locale: white space and
//   punctuation, then digits, then letters ignoring case and accents; ties are broken by
//   accent, then lower case before upper case, then code unit order. Returns -1, 0 or 1.
#include <string>

namespace loopsim::js {

std::u16string to_upper_latin1(const std::u16string& text);
std::u16string to_lower_latin1(const std::u16string& text);
int collate(const std::u16string& a, const std::u16string& b);

} // namespace loopsim::js
