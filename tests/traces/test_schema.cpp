// The tables (event_kinds.def, queues.def, reasons.def) and traces/schema.json describe the
// same format; these tests keep them from drifting apart.
#include "traces/event_kind.h"
#include "traces/queue.h"
#include "traces/reason.h"
#include "traces/trace.h"

#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

using namespace loopsim::trace;
using nlohmann::json;

namespace {

const json& schema() {
    static const json loaded = [] {
        std::ifstream in(std::string(LOOPSIM_SOURCE_DIR) + "/traces/schema.json");
        REQUIRE(in.good());
        return json::parse(in);
    }();
    return loaded;
}

std::vector<std::string> strings_of(const json& array) {
    return array.get<std::vector<std::string>>();
}

} // namespace

TEST_SUITE("schema") {

    TEST_CASE("the schema is draft 2020-12 and pins this format name and version") {
        CHECK(schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema");
        CHECK(schema()["properties"]["format"]["const"] == std::string(kFormatName));
        CHECK(schema()["properties"]["version"]["const"] == kFormatVersion);
    }

    TEST_CASE("every event kind in event_kinds.def is in the schema, and no other") {
        std::vector<std::string> table;
        for (size_t i = 0; i < kEventKindCount; ++i)
            table.emplace_back(event_kind_name(static_cast<EventKind>(i)));
        CHECK(strings_of(schema()["$defs"]["event"]["properties"]["kind"]["enum"]) == table);
    }

    TEST_CASE("the schema requires the same fields per kind as event_kinds.def") {
        const std::pair<uint32_t, const char*> keys[] = {
            {field::LoopTime, "loop_ms"}, {field::Phase, "phase"},    {field::Callback, "cb"},
            {field::Creator, "creator"},  {field::FromQueue, "from"}, {field::ToQueue, "to"},
            {field::Location, "line"},    {field::Label, "label"},    {field::Stream, "stream"},
            {field::Text, "text"},        {field::Reason, "reason"},
        };
        for (size_t i = 0; i < kEventKindCount; ++i) {
            auto kind = static_cast<EventKind>(i);
            std::set<std::string> expected;
            for (auto [flag, key] : keys) {
                if (event_kind_required_fields(kind) & flag) expected.insert(key);
            }
            std::set<std::string> in_schema;
            for (const json& rule : schema()["$defs"]["event"]["allOf"]) {
                const json& cond = rule.at("if");
                if (cond.contains("properties") && cond["properties"].contains("kind") &&
                    cond["properties"]["kind"].at("const") == std::string(event_kind_name(kind))) {
                    for (const json& key : rule["then"]["required"])
                        in_schema.insert(key.get<std::string>());
                }
            }
            CAPTURE(event_kind_name(kind));
            CHECK(in_schema == expected);
        }
    }

    TEST_CASE("every queue and reason code in the tables is in the schema") {
        std::vector<std::string> queues, reasons;
        for (size_t i = 1; i < kQueueCount; ++i)
            queues.emplace_back(queue_name(static_cast<Queue>(i)));
        for (size_t i = 1; i < kReasonCount; ++i)
            reasons.emplace_back(reason_name(static_cast<ReasonCode>(i)));
        CHECK(strings_of(schema()["$defs"]["queue"]["enum"]) == queues);
        CHECK(strings_of(schema()["$defs"]["reason"]["properties"]["code"]["enum"]) == reasons);
    }

    TEST_CASE("table names are unique, map back to their enumerators and have descriptions") {
        std::set<std::string_view> kinds;
        for (size_t i = 0; i < kEventKindCount; ++i) {
            auto kind = static_cast<EventKind>(i);
            CHECK(kinds.insert(event_kind_name(kind)).second);
            CHECK(event_kind_from_name(event_kind_name(kind)) == kind);
            CHECK_FALSE(event_kind_description(kind).empty());
        }
        std::set<std::string_view> queues;
        for (size_t i = 0; i < kQueueCount; ++i) {
            auto queue = static_cast<Queue>(i);
            CHECK(queues.insert(queue_name(queue)).second);
            CHECK(queue_from_name(queue_name(queue)) == queue);
            CHECK_FALSE(queue_description(queue).empty());
        }
        CHECK_FALSE(event_kind_from_name("callback").has_value());
        CHECK_FALSE(queue_from_name("Timers").has_value());
    }

} // TEST_SUITE
