// Symbol (ECMA-262 §20.4): the constructor (callable, not newable), the registry
// (Symbol.for / Symbol.keyFor), the well-known symbols as statics, and Symbol.prototype.
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/install.h"
#include "model/js/builtins/to_object.h"

namespace loopsim::js {

namespace {

Completion symbol_call(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    Value description = arg(args, 0);
    String* text = nullptr;
    if (!description.is_undefined()) text = LOOPSIM_TRY(to_string(rt, description));
    return Value(rt.make_symbol(text));
}

Completion symbol_construct(Runtime& rt, NativeFunction&, std::span<const Value>, Object&) {
    return rt.throw_error(ErrorType::TypeError, "Symbol is not a constructor");
}

Completion symbol_for(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    String* key = LOOPSIM_TRY(to_string(rt, arg(args, 0)));
    Object* registry = rt.intrinsic(Intrinsic::SymbolRegistry);
    PropertyKey registry_key = rt.atoms().key(key);
    OwnProperty existing;
    if (registry->lookup_own(registry_key, existing)) return existing.value;
    Symbol* symbol = rt.make_symbol(key);
    registry->put_direct(rt, registry_key, Value(symbol));
    return Value(symbol);
}

Completion symbol_key_for(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    Value symbol = arg(args, 0);
    if (!symbol.is_symbol())
        return rt.throw_error(ErrorType::TypeError,
                              describe_value(rt, symbol) + " is not a symbol");
    String* description = symbol.as_symbol()->description();
    if (description == nullptr) return Value();
    OwnProperty existing;
    if (rt.intrinsic(Intrinsic::SymbolRegistry)
            ->lookup_own(rt.atoms().key(description), existing) &&
        existing.value.is_same_bits(symbol))
        return Value(description);
    return Value();
}

ThrowCompletionOr<Symbol*> this_symbol(Runtime& rt, Value self, const char* method) {
    auto symbol = unwrap_primitive(self, [](Value v) { return v.is_symbol(); });
    if (!symbol)
        return rt.throw_error(ErrorType::TypeError,
                              std::string(method) + " requires that 'this' be a Symbol");
    return symbol->as_symbol();
}

Completion symbol_to_string(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    Symbol* symbol = LOOPSIM_TRY(this_symbol(rt, self, "Symbol.prototype.toString"));
    return Value(rt.string(symbol->descriptive_string()));
}

Completion symbol_value_of(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return Value(LOOPSIM_TRY(this_symbol(rt, self, "Symbol.prototype.valueOf")));
}

Completion symbol_to_primitive(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return Value(LOOPSIM_TRY(this_symbol(rt, self, "Symbol.prototype [ @@toPrimitive ]")));
}

Completion symbol_description(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    Symbol* symbol = LOOPSIM_TRY(this_symbol(rt, self, "Symbol.prototype.description"));
    return symbol->description() ? Value(symbol->description()) : Value();
}

} // namespace

void install_symbol(Runtime& rt, Object& global) {
    rt.set_intrinsic(Intrinsic::SymbolRegistry, Object::create(rt, nullptr));
    Object* proto = create_plain_object(rt);
    rt.set_intrinsic(Intrinsic::SymbolPrototype, proto);
    NativeFunction* ctor =
        define_constructor(rt, "Symbol", 0, symbol_call, symbol_construct, *proto);
    define_method(rt, *ctor, "for", 1, symbol_for);
    define_method(rt, *ctor, "keyFor", 1, symbol_key_for);
    static constexpr const char* names[] = {
#define LOOPSIM_WELL_KNOWN_SYMBOL(name, text) text,
#include "model/js/well_known_symbols.def"
#undef LOOPSIM_WELL_KNOWN_SYMBOL
    };
    for (size_t i = 0; i < static_cast<size_t>(WellKnownSymbol::Count); ++i) {
        std::string_view full = names[i];
        full.remove_prefix(std::string_view("Symbol.").size());
        define_value(rt, *ctor, full, Value(rt.well_known_symbol(static_cast<WellKnownSymbol>(i))),
                     attr::None);
    }
    define_method(rt, *proto, "toString", 0, symbol_to_string);
    define_method(rt, *proto, "valueOf", 0, symbol_value_of);
    define_getter(rt, *proto, rt.key("description"), "description", symbol_description);
    proto->put_direct(rt, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::ToStringTag)),
                      Value(rt.string("Symbol")), attr::Configurable);
    define_symbol_method(rt, *proto, WellKnownSymbol::ToPrimitive, 1, symbol_to_primitive,
                         attr::Configurable);
    define_value(rt, global, "Symbol", Value(ctor));
}

} // namespace loopsim::js
