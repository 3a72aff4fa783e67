#pragma once
// The rules of the Chrome trace-event format that Perfetto and chrome://tracing rely on,
// as a checker for tests: chrome_rule_violations(text) lists every broken rule (empty =
// valid). Rules (from the Trace Event Format document):
//   - the document is an object with a "traceEvents" array of objects;
//   - every event has "ph" (a known phase), "name" (string), "pid" and "tid" (integers);
//   - every event but metadata ("M") has a numeric "ts" >= 0; "X" has a numeric "dur" >= 0;
//     "i" has scope "s" in g/p/t; "C" has an "args" object of numbers; "M" has "args";
//     flow events ("s", "t", "f") have "cat" and "id"; "f" binds with "bp" absent or "e";
//   - per tid, timestamps never decrease in file order (metadata aside);
//   - per tid, "B"/"E" pairs balance and "X" slices nest strictly (a slice that starts
//     inside another ends inside it);
//   - each flow id has exactly one "s" and one "f", the "f" not earlier than the "s", and
//     each flow event lies inside a slice of its own tid (its binding point);
//   - every tid with events is named by a "thread_name" metadata event.
// Times are compared in integer nanoseconds (ts * 1000, rounded), as loopsim writes them.
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace loopsim::testing {

inline std::vector<std::string> chrome_rule_violations(const std::string& text) {
    using nlohmann::json;
    std::vector<std::string> bad;
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) return {"not valid JSON"};
    if (!doc.is_object() || !doc.contains("traceEvents") || !doc["traceEvents"].is_array())
        return {"no traceEvents array"};
    const json& events = doc["traceEvents"];
    const auto ns = [](const json& v) {
        return static_cast<int64_t>(std::llround(v.get<double>() * 1000.0));
    };

    struct Slice {
        int64_t start, end;
    };
    std::map<int64_t, int64_t> last_ts;                 // per tid
    std::map<int64_t, std::vector<Slice>> open_x;       // per tid: X slices that may enclose
    std::map<int64_t, std::vector<std::string>> open_b; // per tid: B names
    std::map<int64_t, std::vector<Slice>> all_slices;   // per tid, for flow binding
    std::set<int64_t> named_tids, used_tids;
    struct FlowEnd {
        int64_t tid, ts;
    };
    std::map<std::string, std::vector<FlowEnd>> flow_starts, flow_ends;
    const std::set<std::string> phases = {"X", "B", "E", "i", "I", "s", "t", "f", "M", "C"};

    for (size_t i = 0; i < events.size(); ++i) {
        const json& e = events[i];
        const std::string at = "event " + std::to_string(i) + ": ";
        if (!e.is_object()) {
            bad.push_back(at + "not an object");
            continue;
        }
        if (!e.contains("ph") || !e["ph"].is_string() ||
            !phases.count(e["ph"].get<std::string>())) {
            bad.push_back(at + "missing or unknown ph");
            continue;
        }
        const std::string ph = e["ph"];
        if (!e.contains("name") || !e["name"].is_string()) bad.push_back(at + "no string name");
        if (!e.contains("pid") || !e["pid"].is_number_integer())
            bad.push_back(at + "no integer pid");
        if (!e.contains("tid") || !e["tid"].is_number_integer()) {
            bad.push_back(at + "no integer tid");
            continue;
        }
        const int64_t tid = e["tid"];
        if (ph == "M") {
            if (!e.contains("args") || !e["args"].is_object())
                bad.push_back(at + "metadata without args");
            if (e.value("name", "") == "thread_name") named_tids.insert(tid);
            continue;
        }
        used_tids.insert(tid);
        if (!e.contains("ts") || !e["ts"].is_number() || e["ts"].get<double>() < 0) {
            bad.push_back(at + "no numeric ts >= 0");
            continue;
        }
        const int64_t ts = ns(e["ts"]);
        if (last_ts.count(tid) && ts < last_ts[tid])
            bad.push_back(at + "ts goes backwards on tid " + std::to_string(tid));
        last_ts[tid] = ts;
        if (ph == "X") {
            if (!e.contains("dur") || !e["dur"].is_number() || e["dur"].get<double>() < 0) {
                bad.push_back(at + "X without numeric dur >= 0");
                continue;
            }
            const int64_t end = ts + ns(e["dur"]);
            auto& stack = open_x[tid];
            // Slices that ended before this one starts are closed (one ending exactly where
            // this one starts is a sibling unless this one is empty).
            while (!stack.empty() &&
                   (stack.back().end < ts || (stack.back().end == ts && end > ts)))
                stack.pop_back();
            if (!stack.empty() && end > stack.back().end)
                bad.push_back(at + "X slice '" + e.value("name", "") +
                              "' overlaps its enclosing slice on tid " + std::to_string(tid));
            stack.push_back({ts, end});
            all_slices[tid].push_back({ts, end});
        } else if (ph == "B") {
            open_b[tid].push_back(e.value("name", ""));
            all_slices[tid].push_back({ts, INT64_MAX});
        } else if (ph == "E") {
            if (open_b[tid].empty())
                bad.push_back(at + "E without B on tid " + std::to_string(tid));
            else
                open_b[tid].pop_back();
        } else if (ph == "i" || ph == "I") {
            if (e.contains("s") &&
                (!e["s"].is_string() ||
                 std::string("gpt").find(e["s"].get<std::string>()) == std::string::npos))
                bad.push_back(at + "instant with scope other than g/p/t");
        } else if (ph == "C") {
            if (!e.contains("args") || !e["args"].is_object() || e["args"].empty())
                bad.push_back(at + "counter without args");
            else
                for (const auto& [k, v] : e["args"].items())
                    if (!v.is_number())
                        bad.push_back(at + "counter value '" + k + "' is not a number");
        } else { // s, t, f
            if (!e.contains("cat") || !e["cat"].is_string())
                bad.push_back(at + "flow event without cat");
            if (!e.contains("id") || !(e["id"].is_number() || e["id"].is_string())) {
                bad.push_back(at + "flow event without id");
                continue;
            }
            if (ph == "f" && e.contains("bp") && e["bp"] != "e")
                bad.push_back(at + "flow end with bp other than e");
            const std::string id = e["cat"].dump() + "/" + e["id"].dump();
            if (ph == "s") flow_starts[id].push_back({tid, ts});
            if (ph == "f") flow_ends[id].push_back({tid, ts});
        }
    }
    for (const auto& [tid, names] : open_b)
        if (!names.empty()) bad.push_back("tid " + std::to_string(tid) + ": B without E");
    for (int64_t tid : used_tids)
        if (!named_tids.count(tid))
            bad.push_back("tid " + std::to_string(tid) + " has no thread_name");
    const auto bound = [&](const FlowEnd& f) {
        for (const Slice& s : all_slices[f.tid])
            if (s.start <= f.ts && f.ts <= s.end) return true;
        return false;
    };
    for (const auto& [id, starts] : flow_starts) {
        auto ends = flow_ends.find(id);
        if (starts.size() != 1 || ends == flow_ends.end() || ends->second.size() != 1) {
            bad.push_back("flow " + id + ": not exactly one s and one f");
            continue;
        }
        if (ends->second[0].ts < starts[0].ts) bad.push_back("flow " + id + ": f before s");
        if (!bound(starts[0])) bad.push_back("flow " + id + ": s is inside no slice of its tid");
        if (!bound(ends->second[0]))
            bad.push_back("flow " + id + ": f is inside no slice of its tid");
    }
    for (const auto& [id, ends] : flow_ends)
        if (!flow_starts.count(id)) bad.push_back("flow " + id + ": f without s");
    return bad;
}

} // namespace loopsim::testing
