#pragma once
// String: a JS string, an immutable sequence of UTF-16 code units.
//
// Representations (like V8's): a *flat* string owns one buffer of either one-byte (Latin-1:
// every code unit < 0x100) or two-byte code units; a *rope* is the concatenation of two
// strings, built in O(1) by concat() for long results and flattened in place, once, by
// flatten(). A string whose code units all fit in one byte is always stored one-byte, so
// equal strings have equal representations once flat.
//
// Contract:
//   - length(), equality, hashing, comparison and UTF-8/UTF-16 export work on any string.
//   - Indexed access (code_unit_at, chars) needs a flat string: call flatten(heap) first.
//     Flattening is iterative (a rope a million levels deep is fine) and accounts its new
//     buffer to the heap.
//   - The hash (FNV-1a over the code units) is cached; it never depends on addresses.
//   - An *atom* is the canonical interned copy (AtomTable); property keys hold atoms, so key
//     comparison is pointer comparison.
#include "model/js/cell.h"
#include "model/js/value.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loopsim::js {

class Heap;

enum class CommonAtom : uint8_t {
    None,
#define LOOPSIM_COMMON_ATOM(name, text) name,
#include "model/js/common_atoms.def"
#undef LOOPSIM_COMMON_ATOM
    Count
};

class String final : public Cell {
public:
    // Strings at least this long are concatenated as ropes; shorter results are copied.
    static constexpr uint32_t kMinRopeLength = 64;
    static constexpr uint32_t kMaxLength = (uint32_t{1} << 30) - 25; // V8's limit on 64-bit

    // Decodes UTF-8 (an invalid sequence becomes U+FFFD, one per bad byte).
    static String* from_utf8(Heap& heap, std::string_view utf8);
    static String* from_utf16(Heap& heap, std::u16string_view units);
    // Each byte is one code unit (Latin-1).
    static String* from_latin1(Heap& heap, std::string_view bytes);
    static String* from_code_unit(Heap& heap, char16_t unit);
    // left + right. Asserts the result fits kMaxLength (callers throw RangeError first).
    static String* concat(Heap& heap, String* left, String* right);

    explicit String(uint32_t length, bool one_byte, void* chars);
    String(String* left, String* right);
    ~String() override;

    uint32_t length() const { return m_length; }
    bool is_empty() const { return m_length == 0; }
    bool is_one_byte() const { return m_one_byte; }
    bool is_rope() const { return m_rope; }
    bool is_atom() const { return m_atom; }
    // Which common atom (common_atoms.def) this string is, if any.
    CommonAtom common_atom() const { return m_common_atom; }
    void set_common_atom(CommonAtom which) {
        LOOPSIM_ASSERT(m_atom, "only an atom can be a common atom");
        m_common_atom = which;
    }

    // --- flat access ----------------------------------------------------------------------
    void flatten(Heap& heap);
    char16_t code_unit_at(uint32_t index) const {
        LOOPSIM_ASSERT(!m_rope, "code_unit_at on a rope: flatten first");
        LOOPSIM_ASSERT(index < m_length, "code unit index out of range");
        return m_one_byte ? static_cast<const uint8_t*>(m_chars)[index]
                          : static_cast<const char16_t*>(m_chars)[index];
    }
    const uint8_t* one_byte_chars() const;
    const char16_t* two_byte_chars() const;
    String* substring(Heap& heap, uint32_t begin, uint32_t end);

    // --- content, on any representation ---------------------------------------------------
    std::u16string to_utf16() const;
    // UTF-8 for output; a lone surrogate becomes U+FFFD (as Node writes it to stdout).
    std::string to_utf8() const;
    uint32_t hash() const;
    static bool equals(const String* a, const String* b);
    // Code unit order (the order of `<` on strings): negative, zero or positive.
    static int compare(const String* a, const String* b);
    // The array index this string is the canonical form of ("0".."4294967294"), if any.
    std::optional<uint32_t> as_array_index() const;
    bool equals_ascii(std::string_view ascii) const;

    void visit_edges(Visitor& visitor) override;

    // FNV-1a over code units: the hash of a string with exactly these units.
    static uint32_t hash_units(std::u16string_view units);
    static uint32_t hash_units(std::string_view latin1);

private:
    friend class AtomTable;
    template <typename F> void for_each_segment(F&& f) const;

    uint32_t m_length = 0;
    mutable uint32_t m_hash = 0; // 0: not computed yet (a computed 0 is stored as 1)
    bool m_one_byte = true;
    bool m_rope = false;
    bool m_atom = false;
    CommonAtom m_common_atom = CommonAtom::None;
    void* m_chars = nullptr; // flat: the owned buffer (malloc'd); rope: null
    String* m_left = nullptr;
    String* m_right = nullptr;
};

} // namespace loopsim::js
