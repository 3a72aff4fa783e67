// Parser and lexer throughput on generated scenario-like JavaScript (about 1 MB).
// Reports bytes per second; the goal is well under 50 ms per MB.
#include "model/js/syntax/lexer.h"
#include "model/js/syntax/parser.h"

#include <benchmark/benchmark.h>
#include <string>

namespace {

using namespace loopsim::js::syntax;

// A deterministic mix of the dialect's constructs, repeated with varying names until the
// text reaches `target` bytes.
std::string generate_source(size_t target) {
    std::string out =
        "'use strict';\nconst fs = require('fs');\nconst { EventEmitter } = require('events');\n";
    for (int i = 0; out.size() < target; ++i) {
        std::string n = std::to_string(i);
        out +=
            "class Worker" + n +
            " extends EventEmitter {\n"
            "  count = 0;\n"
            "  static created = 0;\n"
            "  constructor(name, { delay = 10, retries = 3 } = {}) {\n"
            "    super();\n"
            "    this.name = name;\n"
            "    this.delay = delay * 1_000 + 0x1F;\n"
            "  }\n"
            "  get label() { return `worker ${this.name} #${this.count}`; }\n"
            "  async run(items, ...rest) {\n"
            "    for (const [index, item] of items.entries()) {\n"
            "      if (item?.skip ?? false) continue;\n"
            "      const value = await new Promise((resolve) => setTimeout(() => resolve(item.v ** "
            "2), 0));\n"
            "      this.count += value > 10 ? 1 : -1;\n"
            "      this.emit('item', { index, value, extra: [...rest, index] });\n"
            "    }\n"
            "    return this.count;\n"
            "  }\n"
            "}\n"
            "function helper" +
            n +
            "(a, b = 2) {\n"
            "  let total = 0;\n"
            "  for (let i = 0; i < a.length; i++) {\n"
            "    switch (a[i] % 3) {\n"
            "      case 0: total += a[i] << 1; break;\n"
            "      case 1: total -= (a[i] & 0xff) >>> 2; break;\n"
            "      default: total ||= b;\n"
            "    }\n"
            "  }\n"
            "  try {\n"
            "    if (typeof total !== 'number' || !(total in a)) throw new Error('bad ' + total);\n"
            "  } catch (err) {\n"
            "    console.error(err.message);\n"
            "  } finally {\n"
            "    total = Math.max(total, 0) / 2;\n"
            "  }\n"
            "  return total\n"
            "}\n"
            "const w" +
            n + " = new Worker" + n + "('w" + n + "', { delay: " + n +
            " });\n"
            "w" +
            n +
            ".on('item', ({ index, value }) => console.log(index, value));\n"
            "process.nextTick(() => w" +
            n +
            ".run([1, 2, 3].map((x) => ({ v: x }))).then(console.log));\n"
            "setImmediate(async () => { await null; console.log(helper" +
            n + "([1, 2, 3])); });\n\n";
    }
    return out;
}

const std::string& source_text() {
    static const std::string text = generate_source(1 << 20);
    return text;
}

void parse_one_megabyte(benchmark::State& state) {
    SourceFile source("bench.js", source_text());
    size_t nodes_bytes = 0;
    for (auto _ : state) {
        ParseResult result = parse_program(source);
        if (!result.is_ok()) {
            state.SkipWithError(format_diagnostic(source, *result.diagnostic).c_str());
            break;
        }
        nodes_bytes = result.program.arena->bytes_reserved();
        benchmark::DoNotOptimize(result.program.body.items);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * source.size());
    state.counters["source_bytes"] = static_cast<double>(source.size());
    state.counters["arena_bytes"] = static_cast<double>(nodes_bytes);
}
BENCHMARK(parse_one_megabyte)->Unit(benchmark::kMillisecond);

void lex_one_megabyte(benchmark::State& state) {
    SourceFile source("bench.js", source_text());
    size_t tokens = 0;
    for (auto _ : state) {
        Lexer lexer(source);
        tokens = 0;
        for (Token t = lexer.next(); t.kind != TokenKind::EndOfFile && t.kind != TokenKind::Error;
             t = lexer.next())
            ++tokens;
        benchmark::DoNotOptimize(tokens);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * source.size());
    state.counters["tokens"] = static_cast<double>(tokens);
}
BENCHMARK(lex_one_megabyte)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
