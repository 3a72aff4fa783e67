// Opening traces and samples. See document.h.
#include "viewer/core/document.h"

#include "traces/fast_reader.h"
#include "viewer/core/sample_traces.h"

namespace loopsim::viewer {

sim::Result<Document> open_document(std::string_view what) {
    constexpr std::string_view kSample = "sample:";
    sim::Result<trace::Trace> trace = sim::Error{};
    if (what.starts_with(kSample)) {
        trace = make_sample(what.substr(kSample.size()));
    } else if (what.ends_with(".js") || what.ends_with(".mjs") || what.ends_with(".cjs")) {
        return sim::Error{std::string(what) +
                          ": error: running scenarios in the viewer needs the interpreter; open "
                          "a trace with loopsim-viewer trace.json"};
    } else {
        trace = trace::read_trace_fast(what);
    }
    if (!trace) return trace.error();
    Document doc;
    doc.name = std::string(what);
    doc.index = std::make_unique<TraceIndex>(std::move(trace).value());
    return doc;
}

} // namespace loopsim::viewer
