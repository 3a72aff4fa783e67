// Map, Set, their prototypes and iterators, on OrderedTable (map_set.h).
#include "model/js/builtins/map_set.h"

#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/install.h"

#include <bit>
#include <cmath>

namespace loopsim::js {

// --- OrderedTable -------------------------------------------------------------------------------

Value OrderedTable::normalise(Value key) {
    if (key.is_double()) return Value::number(key.as_double() == 0 ? 0.0 : key.as_double());
    return key;
}

uint64_t OrderedTable::hash(Value key) {
    if (key.is_string()) return key.as_string()->hash();
    if (key.is_number()) {
        double d = key.as_number();
        uint64_t bits = std::bit_cast<uint64_t>(d == 0 ? 0.0 : d);
        bits ^= bits >> 33;
        bits *= 0xff51afd7ed558ccdULL;
        return bits ^ (bits >> 33);
    }
    uint64_t bits = key.bits();
    bits ^= bits >> 29;
    bits *= 0xbf58476d1ce4e5b9ULL;
    return bits ^ (bits >> 32);
}

int64_t OrderedTable::find(Value key) const {
    key = normalise(key);
    auto [begin, end] = m_index.equal_range(hash(key));
    for (auto it = begin; it != end; ++it)
        if (same_value_zero(m_entries[it->second].key, key)) return it->second;
    return -1;
}

Value OrderedTable::get(Value key) const {
    int64_t position = find(key);
    return position < 0 ? Value() : m_entries[static_cast<size_t>(position)].value;
}

size_t OrderedTable::set(Value key, Value value) {
    key = normalise(key);
    int64_t position = find(key);
    if (position >= 0) {
        m_entries[static_cast<size_t>(position)].value = value;
        return 0;
    }
    m_index.emplace(hash(key), static_cast<uint32_t>(m_entries.size()));
    m_entries.push_back(Entry{key, value});
    ++m_live;
    return sizeof(Entry) + 16;
}

bool OrderedTable::remove(Value key) {
    key = normalise(key);
    auto [begin, end] = m_index.equal_range(hash(key));
    for (auto it = begin; it != end; ++it) {
        Entry& entry = m_entries[it->second];
        if (!same_value_zero(entry.key, key)) continue;
        entry.key = Value::empty();
        entry.value = Value();
        m_index.erase(it);
        --m_live;
        maybe_compact();
        return true;
    }
    return false;
}

void OrderedTable::clear() {
    std::vector<std::pair<uint64_t, uint64_t>> removed;
    if (!m_entries.empty()) removed.emplace_back(0, m_entries.size());
    m_compactions.push_back(std::move(removed));
    ++m_epoch;
    m_entries.clear();
    m_index.clear();
    m_live = 0;
}

void OrderedTable::maybe_compact() {
    size_t dead = m_entries.size() - m_live;
    if (dead >= 64 && dead > m_live) compact();
}

void OrderedTable::compact() {
    std::vector<std::pair<uint64_t, uint64_t>> removed;
    std::vector<Entry> kept;
    kept.reserve(m_live);
    for (uint64_t i = 0; i < m_entries.size(); ++i) {
        if (!m_entries[i].key.is_empty()) {
            kept.push_back(m_entries[i]);
            continue;
        }
        if (!removed.empty() && removed.back().second == i)
            removed.back().second = i + 1;
        else
            removed.emplace_back(i, i + 1);
    }
    m_entries.swap(kept);
    m_index.clear();
    for (uint32_t i = 0; i < m_entries.size(); ++i) m_index.emplace(hash(m_entries[i].key), i);
    m_compactions.push_back(std::move(removed));
    ++m_epoch;
}

uint64_t OrderedTable::remap(uint64_t position, uint32_t epoch) const {
    for (uint32_t e = epoch; e < m_epoch; ++e) {
        uint64_t shift = 0;
        for (auto [begin, end] : m_compactions[e]) {
            if (begin >= position) break;
            shift += std::min(end, position) - begin;
        }
        position -= shift;
    }
    return position;
}

void OrderedTable::visit(Visitor& visitor) const {
    for (const Entry& entry : m_entries) {
        visitor.visit(entry.key);
        visitor.visit(entry.value);
    }
}

CollectionObject::CollectionObject(Runtime& runtime, Object* prototype, CellKind kind)
    : Object(runtime, prototype, kind) {}

void CollectionObject::visit_edges(Visitor& visitor) {
    Object::visit_edges(visitor);
    m_table.visit(visitor);
}

// --- the built-ins ------------------------------------------------------------------------------

namespace {

ThrowCompletionOr<CollectionObject*> this_collection(Runtime& rt, Value self, CellKind kind,
                                                     const char* method) {
    if (self.is_cell() && self.as_cell()->kind() == kind)
        return static_cast<CollectionObject*>(self.as_cell());
    return rt.throw_error(ErrorType::TypeError, std::string("Method ") + method +
                                                    " called on incompatible receiver " +
                                                    describe_value(rt, self));
}

#define LOOPSIM_THIS_MAP(method)                                                                   \
    CollectionObject* collection =                                                                 \
        LOOPSIM_TRY(this_collection(rt, self, CellKind::MapObject, method))
#define LOOPSIM_THIS_SET(method)                                                                   \
    CollectionObject* collection =                                                                 \
        LOOPSIM_TRY(this_collection(rt, self, CellKind::SetObject, method))

void account(Runtime& rt, CollectionObject* collection, size_t bytes) {
    if (bytes > 0) rt.heap().account_external(collection, static_cast<int64_t>(bytes));
}

// The shared constructor: new Map(iterable) / new Set(iterable) call the `set` / `add`
// method of the new object for each entry, as the spec says.
Completion construct_collection(Runtime& rt, CellKind kind, std::span<const Value> args,
                                Object& new_target) {
    Object* fallback = rt.intrinsic(kind == CellKind::MapObject ? Intrinsic::MapPrototype
                                                                : Intrinsic::SetPrototype);
    Object* proto = LOOPSIM_TRY(rt.prototype_from_constructor(new_target, fallback));
    Root<CollectionObject> collection(rt.heap(),
                                      rt.heap().allocate<CollectionObject>(rt, proto, kind));
    Value iterable = arg(args, 0);
    if (iterable.is_nullish()) return Value(collection.get());
    Value adder =
        LOOPSIM_TRY(collection->get(rt, rt.key(kind == CellKind::MapObject ? "set" : "add")));
    if (!Runtime::is_callable(adder))
        return rt.throw_error(ErrorType::TypeError,
                              "'" + describe_value(rt, adder) + "' returned for property '" +
                                  (kind == CellKind::MapObject ? "set" : "add") + "' of object '" +
                                  describe_value(rt, Value(collection.get())) +
                                  "' is not a function");
    RootedValue rooted_adder(rt.heap(), adder);
    RootedIteratorRecord iterator(rt.heap());
    iterator.record = LOOPSIM_TRY(get_iterator(rt, iterable));
    while (true) {
        auto next = LOOPSIM_TRY(iterator_step(rt, iterator.record));
        if (!next) break;
        Value item = *next;
        Completion status = Value();
        if (kind == CellKind::SetObject) {
            status = rt.call(adder, Value(collection.get()), {&item, 1});
        } else if (!item.is_object()) {
            status =
                rt.throw_error(ErrorType::TypeError, "Iterator value " + describe_value(rt, item) +
                                                         " is not an entry object");
        } else {
            RootedValue rooted_item(rt.heap(), item);
            auto key = item.as_object()->get(rt, PropertyKey::index(0));
            if (key.is_throw())
                return iterator_close_with_throw(rt, iterator.record, key.release_error());
            RootedValue rooted_key(rt.heap(), key.value());
            auto value = item.as_object()->get(rt, PropertyKey::index(1));
            if (value.is_throw())
                return iterator_close_with_throw(rt, iterator.record, value.release_error());
            Value pair[2] = {rooted_key.get(), value.value()};
            status = rt.call(adder, Value(collection.get()), pair);
        }
        if (status.is_throw())
            return iterator_close_with_throw(rt, iterator.record, status.release_error());
    }
    return Value(collection.get());
}

Completion map_call(Runtime& rt, NativeFunction&, Value, std::span<const Value>) {
    return rt.throw_error(ErrorType::TypeError, "Constructor Map requires 'new'");
}
Completion map_construct(Runtime& rt, NativeFunction&, std::span<const Value> args,
                         Object& new_target) {
    return construct_collection(rt, CellKind::MapObject, args, new_target);
}
Completion set_call(Runtime& rt, NativeFunction&, Value, std::span<const Value>) {
    return rt.throw_error(ErrorType::TypeError, "Constructor Set requires 'new'");
}
Completion set_construct(Runtime& rt, NativeFunction&, std::span<const Value> args,
                         Object& new_target) {
    return construct_collection(rt, CellKind::SetObject, args, new_target);
}

Completion map_get(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    LOOPSIM_THIS_MAP("Map.prototype.get");
    return collection->table().get(arg(args, 0));
}
Completion map_set(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    LOOPSIM_THIS_MAP("Map.prototype.set");
    account(rt, collection, collection->table().set(arg(args, 0), arg(args, 1)));
    return self;
}
Completion map_has(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    LOOPSIM_THIS_MAP("Map.prototype.has");
    return Value(collection->table().has(arg(args, 0)));
}
Completion map_delete(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    LOOPSIM_THIS_MAP("Map.prototype.delete");
    return Value(collection->table().remove(arg(args, 0)));
}
Completion map_clear(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    LOOPSIM_THIS_MAP("Map.prototype.clear");
    collection->table().clear();
    return Value();
}
Completion map_size(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    LOOPSIM_THIS_MAP("get Map.prototype.size");
    return Value::number(collection->table().size());
}

Completion set_add(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    LOOPSIM_THIS_SET("Set.prototype.add");
    account(rt, collection, collection->table().set(arg(args, 0), arg(args, 0)));
    return self;
}
Completion set_has(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    LOOPSIM_THIS_SET("Set.prototype.has");
    return Value(collection->table().has(arg(args, 0)));
}
Completion set_delete(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    LOOPSIM_THIS_SET("Set.prototype.delete");
    return Value(collection->table().remove(arg(args, 0)));
}
Completion set_clear(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    LOOPSIM_THIS_SET("Set.prototype.clear");
    collection->table().clear();
    return Value();
}
Completion set_size(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    LOOPSIM_THIS_SET("get Set.prototype.size");
    return Value::number(collection->table().size());
}

// forEach: visits entries in order, including ones added during the walk; positions are
// remapped across compactions the callback causes.
Completion for_each_common(Runtime& rt, CollectionObject* collection, Value self,
                           std::span<const Value> args) {
    LOOPSIM_TRY(require_callable(rt, arg(args, 0)));
    Root<CollectionObject> rooted(rt.heap(), collection);
    OrderedTable& table = collection->table();
    uint64_t position = 0;
    uint32_t epoch = table.epoch();
    while (true) {
        position = table.remap(position, epoch);
        epoch = table.epoch();
        if (position >= table.entries().size()) break;
        OrderedTable::Entry entry = table.entries()[position++];
        if (entry.key.is_empty()) continue;
        Value call_args[3] = {entry.value, entry.key, self};
        LOOPSIM_TRY(rt.call(args[0], arg(args, 1), call_args));
    }
    return Value();
}

Completion map_for_each(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    LOOPSIM_THIS_MAP("Map.prototype.forEach");
    return for_each_common(rt, collection, self, args);
}
Completion set_for_each(Runtime& rt, NativeFunction&, Value self, std::span<const Value> args) {
    LOOPSIM_THIS_SET("Set.prototype.forEach");
    return for_each_common(rt, collection, self, args);
}

Object* make_iterator(Runtime& rt, CollectionObject* collection, IterationKind kind) {
    bool is_map = collection->kind() == CellKind::MapObject;
    auto* iterator = rt.heap().allocate<BuiltinIterator>(
        rt,
        rt.intrinsic(is_map ? Intrinsic::MapIteratorPrototype : Intrinsic::SetIteratorPrototype),
        is_map ? BuiltinIterator::Source::Map : BuiltinIterator::Source::Set, Value(collection),
        kind);
    iterator->set_epoch(collection->table().epoch());
    return iterator;
}

Completion map_entries(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    LOOPSIM_THIS_MAP("Map.prototype.entries");
    return Value(make_iterator(rt, collection, IterationKind::Entries));
}
Completion map_keys(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    LOOPSIM_THIS_MAP("Map.prototype.keys");
    return Value(make_iterator(rt, collection, IterationKind::Keys));
}
Completion map_values(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    LOOPSIM_THIS_MAP("Map.prototype.values");
    return Value(make_iterator(rt, collection, IterationKind::Values));
}
Completion set_entries(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    LOOPSIM_THIS_SET("Set.prototype.entries");
    return Value(make_iterator(rt, collection, IterationKind::Entries));
}
Completion set_values(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    LOOPSIM_THIS_SET("Set.prototype.values");
    return Value(make_iterator(rt, collection, IterationKind::Values));
}

Completion collection_iterator_next(Runtime& rt, Value self, BuiltinIterator::Source source,
                                    const char* name) {
    BuiltinIterator* iterator = nullptr;
    if (self.is_cell() && self.as_cell()->kind() == CellKind::BuiltinIterator &&
        static_cast<BuiltinIterator*>(self.as_cell())->source() == source)
        iterator = static_cast<BuiltinIterator*>(self.as_cell());
    if (iterator == nullptr)
        return rt.throw_error(ErrorType::TypeError, std::string("Method ") + name +
                                                        " called on incompatible receiver " +
                                                        describe_value(rt, self));
    if (iterator->target().is_undefined()) return Value(create_iter_result(rt, Value(), true));
    auto* collection = static_cast<CollectionObject*>(iterator->target().as_cell());
    OrderedTable& table = collection->table();
    uint64_t position = table.remap(iterator->index(), iterator->epoch());
    while (position < table.entries().size() && table.entries()[position].key.is_empty())
        ++position;
    if (position >= table.entries().size()) {
        iterator->finish();
        return Value(create_iter_result(rt, Value(), true));
    }
    OrderedTable::Entry entry = table.entries()[position];
    iterator->set_index(position + 1);
    iterator->set_epoch(table.epoch());
    switch (iterator->iteration_kind()) {
    case IterationKind::Keys:
        return Value(create_iter_result(rt, entry.key, false));
    case IterationKind::Values:
        return Value(create_iter_result(rt, entry.value, false));
    case IterationKind::Entries:
        break;
    }
    Value pair[2] = {entry.key, entry.value};
    return Value(create_iter_result(rt, Value(create_array(rt, pair)), false));
}

Completion map_iterator_next(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return collection_iterator_next(rt, self, BuiltinIterator::Source::Map,
                                    "Map Iterator.prototype.next");
}
Completion set_iterator_next(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return collection_iterator_next(rt, self, BuiltinIterator::Source::Set,
                                    "Set Iterator.prototype.next");
}

Completion species_getter(Runtime&, NativeFunction&, Value self, std::span<const Value>) {
    return self;
}

void put_tag(Runtime& rt, Object& object, const char* tag) {
    object.put_direct(rt, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::ToStringTag)),
                      Value(rt.string(tag)), attr::Configurable);
}

} // namespace

void install_map_and_set(Runtime& rt, Object& global) {
    PropertyKey iterator_key = PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::Iterator));
    PropertyKey species_key = PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::Species));

    Object* map_proto = create_plain_object(rt);
    rt.set_intrinsic(Intrinsic::MapPrototype, map_proto);
    NativeFunction* map = define_constructor(rt, "Map", 0, map_call, map_construct, *map_proto);
    define_getter(rt, *map, species_key, "[Symbol.species]", species_getter);
    define_method(rt, *map_proto, "get", 1, map_get);
    define_method(rt, *map_proto, "set", 2, map_set);
    define_method(rt, *map_proto, "has", 1, map_has);
    define_method(rt, *map_proto, "delete", 1, map_delete);
    define_method(rt, *map_proto, "clear", 0, map_clear);
    NativeFunction* entries = define_method(rt, *map_proto, "entries", 0, map_entries);
    define_method(rt, *map_proto, "forEach", 1, map_for_each);
    define_method(rt, *map_proto, "keys", 0, map_keys);
    define_getter(rt, *map_proto, rt.key("size"), "size", map_size);
    define_method(rt, *map_proto, "values", 0, map_values);
    put_tag(rt, *map_proto, "Map");
    map_proto->put_direct(rt, iterator_key, Value(entries), attr::Builtin);
    rt.set_intrinsic(Intrinsic::MapIteratorPrototype,
                     make_builtin_iterator_prototype(rt, "Map Iterator", map_iterator_next));
    define_value(rt, global, "Map", Value(map));

    Object* set_proto = create_plain_object(rt);
    rt.set_intrinsic(Intrinsic::SetPrototype, set_proto);
    NativeFunction* set = define_constructor(rt, "Set", 0, set_call, set_construct, *set_proto);
    define_getter(rt, *set, species_key, "[Symbol.species]", species_getter);
    define_method(rt, *set_proto, "has", 1, set_has);
    define_method(rt, *set_proto, "add", 1, set_add);
    define_method(rt, *set_proto, "delete", 1, set_delete);
    define_method(rt, *set_proto, "clear", 0, set_clear);
    define_method(rt, *set_proto, "entries", 0, set_entries);
    define_method(rt, *set_proto, "forEach", 1, set_for_each);
    define_getter(rt, *set_proto, rt.key("size"), "size", set_size);
    NativeFunction* values = define_method(rt, *set_proto, "values", 0, set_values);
    define_value(rt, *set_proto, "keys", Value(values));
    put_tag(rt, *set_proto, "Set");
    set_proto->put_direct(rt, iterator_key, Value(values), attr::Builtin);
    rt.set_intrinsic(Intrinsic::SetIteratorPrototype,
                     make_builtin_iterator_prototype(rt, "Set Iterator", set_iterator_next));
    define_value(rt, global, "Set", Value(set));
}

} // namespace loopsim::js
