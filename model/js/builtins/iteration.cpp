// The iteration protocol, %IteratorPrototype%, and the Array and String iterators.
#include "model/js/builtins/iteration.h"

#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/install.h"
#include "model/js/builtins/to_object.h"

namespace loopsim::js {

namespace {

std::string not_iterable_message(Runtime& rt, Value value) {
    std::string prefix;
    if (value.is_undefined())
        prefix = "undefined";
    else if (value.is_null())
        prefix = "object null";
    else if (value.is_symbol())
        prefix = "symbol";
    else if (Runtime::is_callable(value))
        prefix = "function";
    else if (value.is_object())
        prefix = "object";
    else
        prefix = std::string(typeof_string(value)) + " " + describe_value(rt, value);
    return prefix + " is not iterable (cannot read property Symbol(Symbol.iterator))";
}

bool is_original_array_iteration(Runtime& rt, Value iterable, Value method) {
    if (!is_array(iterable)) return false;
    Object* values = rt.intrinsic(Intrinsic::ArrayPrototypeValues);
    if (values == nullptr || !method.is_object() || method.as_object() != values) return false;
    Object* proto = rt.intrinsic(Intrinsic::ArrayIteratorPrototype);
    OwnProperty next;
    return proto->lookup_own(rt.common_key(CommonAtom::Next), next) &&
           (next.attributes & attr::Accessor) == 0 && next.value.is_object() &&
           next.value.as_object() == rt.intrinsic(Intrinsic::ArrayIteratorNext);
}

} // namespace

ThrowCompletionOr<IteratorRecord> get_iterator(Runtime& rt, Value iterable) {
    PropertyKey iterator_key = PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::Iterator));
    if (iterable.is_nullish())
        return rt.throw_error(ErrorType::TypeError, not_iterable_message(rt, iterable));
    RootedValue rooted(rt.heap(), iterable);
    Value method = LOOPSIM_TRY(get_v(rt, iterable, iterator_key));
    if (method.is_nullish())
        return rt.throw_error(ErrorType::TypeError, not_iterable_message(rt, iterable));
    if (!Runtime::is_callable(method))
        return rt.throw_error(ErrorType::TypeError, not_iterable_message(rt, iterable));
    if (is_original_array_iteration(rt, iterable, method)) {
        IteratorRecord record;
        record.iterator = iterable;
        record.array_fast_path = true;
        return record;
    }
    Value iterator = LOOPSIM_TRY(rt.call(method, iterable, {}));
    if (!iterator.is_object())
        return rt.throw_error(ErrorType::TypeError,
                              "Result of the Symbol.iterator method is not an object");
    RootedValue rooted_iterator(rt.heap(), iterator);
    Value next = LOOPSIM_TRY(iterator.as_object()->get(rt, rt.common_key(CommonAtom::Next)));
    IteratorRecord record;
    record.iterator = rooted_iterator.get();
    record.next_method = next;
    return record;
}

ThrowCompletionOr<std::optional<Value>> iterator_step(Runtime& rt, IteratorRecord& record) {
    if (record.done) return std::optional<Value>();
    if (record.array_fast_path) {
        auto* array = static_cast<Array*>(record.iterator.as_object());
        if (record.next_index >= array->length()) {
            record.done = true;
            return std::optional<Value>();
        }
        uint32_t index = record.next_index++;
        Value value = LOOPSIM_TRY(array->get(rt, PropertyKey::index(index)));
        return std::optional<Value>(value);
    }
    Value result = LOOPSIM_TRY(rt.call(record.next_method, record.iterator, {}));
    if (!result.is_object()) {
        record.done = true;
        return rt.throw_error(ErrorType::TypeError, "Iterator result " +
                                                        describe_value(rt, result) +
                                                        " is not an object");
    }
    RootedValue rooted(rt.heap(), result);
    Value done = LOOPSIM_TRY(result.as_object()->get(rt, rt.common_key(CommonAtom::Done)));
    if (to_boolean(done)) {
        record.done = true;
        return std::optional<Value>();
    }
    Value value = LOOPSIM_TRY(rooted.get().as_object()->get(rt, rt.common_key(CommonAtom::Value)));
    return std::optional<Value>(value);
}

ThrowCompletionOr<void> iterator_close(Runtime& rt, IteratorRecord& record) {
    record.done = true;
    if (record.array_fast_path) return {};
    Value iterator = record.iterator;
    Value method = LOOPSIM_TRY(iterator.as_object()->get(rt, rt.key("return")));
    if (method.is_nullish()) return {};
    Value result = LOOPSIM_TRY(rt.call(method, iterator, {}));
    if (!result.is_object())
        return rt.throw_error(ErrorType::TypeError, "Iterator result " +
                                                        describe_value(rt, result) +
                                                        " is not an object");
    return {};
}

ThrowCompletion iterator_close_with_throw(Runtime& rt, IteratorRecord& record,
                                          ThrowCompletion thrown) {
    RootedValue rooted(rt.heap(), thrown.value);
    record.done = true;
    if (!record.array_fast_path) {
        auto method = record.iterator.as_object()->get(rt, rt.key("return"));
        if (!method.is_throw() && !method.value().is_nullish())
            (void)rt.call(method.value(), record.iterator, {});
    }
    return ThrowCompletion{rooted.get()};
}

BuiltinIterator::BuiltinIterator(Runtime& runtime, Object* prototype, Source source, Value target,
                                 IterationKind kind)
    : Object(runtime, prototype, CellKind::BuiltinIterator), m_target(target), m_source(source),
      m_kind(kind) {}

void BuiltinIterator::visit_edges(Visitor& visitor) {
    Object::visit_edges(visitor);
    visitor.visit(m_target);
}

Object* create_array_iterator(Runtime& rt, Value target, IterationKind kind) {
    return rt.heap().allocate<BuiltinIterator>(rt, rt.intrinsic(Intrinsic::ArrayIteratorPrototype),
                                               BuiltinIterator::Source::Array, target, kind);
}

namespace {

BuiltinIterator* this_iterator(Value self, BuiltinIterator::Source source) {
    if (!self.is_cell() || self.as_cell()->kind() != CellKind::BuiltinIterator) return nullptr;
    auto* iterator = static_cast<BuiltinIterator*>(self.as_cell());
    return iterator->source() == source ? iterator : nullptr;
}

Completion iterator_prototype_iterator(Runtime&, NativeFunction&, Value self,
                                       std::span<const Value>) {
    return self;
}

Completion array_iterator_next(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    BuiltinIterator* iterator = this_iterator(self, BuiltinIterator::Source::Array);
    if (iterator == nullptr)
        return rt.throw_error(ErrorType::TypeError,
                              "Method Array Iterator.prototype.next called on incompatible "
                              "receiver " +
                                  describe_value(rt, self));
    Root<BuiltinIterator> rooted(rt.heap(), iterator);
    Value target = iterator->target();
    if (target.is_undefined()) return Value(create_iter_result(rt, Value(), true));
    double length = LOOPSIM_TRY(length_of_array_like(rt, *target.as_object()));
    double index = static_cast<double>(iterator->index());
    if (index >= length) {
        iterator->finish();
        return Value(create_iter_result(rt, Value(), true));
    }
    iterator->set_index(iterator->index() + 1);
    Value key = Value::number(index);
    if (iterator->iteration_kind() == IterationKind::Keys)
        return Value(create_iter_result(rt, key, false));
    Value value = LOOPSIM_TRY(get_index(rt, *target.as_object(), index));
    if (iterator->iteration_kind() == IterationKind::Values)
        return Value(create_iter_result(rt, value, false));
    Value pair[2] = {key, value};
    return Value(create_iter_result(rt, Value(create_array(rt, pair)), false));
}

Completion string_iterator_next(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    BuiltinIterator* iterator = this_iterator(self, BuiltinIterator::Source::String);
    if (iterator == nullptr)
        return rt.throw_error(ErrorType::TypeError,
                              "Method String Iterator.prototype.next called on incompatible "
                              "receiver " +
                                  describe_value(rt, self));
    Value target = iterator->target();
    if (target.is_undefined()) return Value(create_iter_result(rt, Value(), true));
    String* string = target.as_string();
    string->flatten(rt.heap());
    uint32_t index = static_cast<uint32_t>(iterator->index());
    if (index >= string->length()) {
        iterator->finish();
        return Value(create_iter_result(rt, Value(), true));
    }
    uint32_t end = index + 1;
    char16_t first = string->code_unit_at(index);
    if (first >= 0xD800 && first <= 0xDBFF && end < string->length()) {
        char16_t second = string->code_unit_at(end);
        if (second >= 0xDC00 && second <= 0xDFFF) ++end;
    }
    iterator->set_index(end);
    return Value(create_iter_result(rt, Value(string->substring(rt.heap(), index, end)), false));
}

Object* make_iterator_prototype(Runtime& rt, const char* tag, NativeFn next) {
    Object* proto = Object::create(rt, rt.intrinsic(Intrinsic::IteratorPrototype));
    NativeFunction* next_function = define_method(rt, *proto, "next", 0, next);
    proto->put_direct(rt, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::ToStringTag)),
                      Value(rt.string(tag)), attr::Configurable);
    if (next == array_iterator_next) rt.set_intrinsic(Intrinsic::ArrayIteratorNext, next_function);
    return proto;
}

} // namespace

Object* create_string_iterator(Runtime& rt, String* string) {
    return rt.heap().allocate<BuiltinIterator>(rt, rt.intrinsic(Intrinsic::StringIteratorPrototype),
                                               BuiltinIterator::Source::String, Value(string),
                                               IterationKind::Values);
}

Object* make_builtin_iterator_prototype(Runtime& rt, const char* tag, NativeFn next) {
    return make_iterator_prototype(rt, tag, next);
}

void install_iterator_prototypes(Runtime& rt) {
    Object* iterator_proto = create_plain_object(rt);
    define_symbol_method(rt, *iterator_proto, WellKnownSymbol::Iterator, 0,
                         iterator_prototype_iterator);
    rt.set_intrinsic(Intrinsic::IteratorPrototype, iterator_proto);
    rt.set_intrinsic(Intrinsic::ArrayIteratorPrototype,
                     make_iterator_prototype(rt, "Array Iterator", array_iterator_next));
    rt.set_intrinsic(Intrinsic::StringIteratorPrototype,
                     make_iterator_prototype(rt, "String Iterator", string_iterator_next));
}

} // namespace loopsim::js
