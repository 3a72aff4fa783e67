// fs, fs.promises, crypto, dns and Buffer, end to end through run_scenario. Outputs are what
// real node 20 printed for the same programs (run in a folder of their own, whose path is the
// only thing that differs); request sequences are Node's (lib/fs.js ReadFileContext,
// lib/internal/fs/promises.js, src/node_file.cc MKDirpAsync), read from the trace's worker
// lanes.
#include "tests/node/node_test_support.h"
#include "traces/trace.h"

#include <doctest/doctest.h>
#include <set>
#include <string>
#include <vector>

using namespace loopsim;

namespace {

node::ScenarioOptions options_for(const std::string& source,
                                  std::map<std::string, std::string> env = {}) {
    return node::testing::scenario_options("/work/t/probe.js", source, std::move(env));
}

node::ScenarioResult run_js(const std::string& source, std::map<std::string, std::string> env = {},
                            bool trace = false) {
    node::ScenarioOptions options = options_for(source, std::move(env));
    options.record_trace = trace;
    return node::run_scenario(options);
}

std::string out(const std::string& source, std::map<std::string, std::string> env = {}) {
    node::ScenarioResult result = run_js(source, std::move(env));
    CHECK(result.stderr_text == "");
    CHECK(result.exit_code == 0);
    return result.stdout_text;
}

// The labels of the jobs the workers picked, in the order they were picked.
std::vector<std::string> pool_jobs(const std::string& source,
                                   std::map<std::string, std::string> env = {}) {
    node::ScenarioResult result = run_js(source, std::move(env), true);
    CHECK(result.stderr_text == "");
    REQUIRE(result.trace.has_value());
    std::vector<std::string> labels;
    for (auto it = result.trace->events.begin(); it != result.trace->events.end(); ++it)
        if (it->kind == trace::EventKind::WorkerPick)
            labels.emplace_back(result.trace->strings.get(it->label));
    return labels;
}

// The loop iteration in which the callback whose label is `label` started.
uint32_t iteration_of_callback(const trace::Trace& t, std::string_view label) {
    for (auto it = t.events.begin(); it != t.events.end(); ++it)
        if (it->kind == trace::EventKind::CallbackStart && t.strings.get(it->label) == label)
            return it->iteration;
    return 0;
}

std::vector<std::string> repeat(std::vector<std::string> head, const std::string& item, size_t n,
                                std::vector<std::string> tail) {
    for (size_t i = 0; i < n; ++i) head.push_back(item);
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
}

} // namespace

TEST_SUITE("node.fs") {
    TEST_CASE("readFile is open, fstat, one read per 512 KiB and close, one poll phase each") {
        const std::string source = "// @file big.txt 1200KiB\n"
                                   "const fs = require('fs');\n"
                                   "fs.readFile(__dirname + '/big.txt', function done(e, d) { "
                                   "console.log(d.length); });\n";
        CHECK(pool_jobs(source) == repeat({"fs.open big.txt", "fs.fstat big.txt"},
                                          "fs.read big.txt", 3, {"fs.close big.txt"}));
        node::ScenarioResult r = run_js(source, {}, true);
        CHECK(r.stdout_text == "1228800\n");
        // Six requests, each submitted from the previous completion: six poll phases.
        CHECK(iteration_of_callback(*r.trace, "done") >= 6);
    }

    TEST_CASE("an empty file still takes a read (of nothing) before the close") {
        CHECK(
            pool_jobs(
                "// @file e.txt \"\"\nrequire('fs').readFile(__dirname + '/e.txt', () => {});\n") ==
            std::vector<std::string>{"fs.open e.txt", "fs.fstat e.txt", "fs.read e.txt",
                                     "fs.close e.txt"});
        // A directory is not a regular file: 64 KiB reads, the first fails, then the close.
        CHECK(pool_jobs("require('fs').readFile(__dirname, () => {});\n") ==
              std::vector<std::string>{"fs.open t", "fs.fstat t", "fs.read t", "fs.close t"});
        // A failed open calls back at once.
        CHECK(pool_jobs("require('fs').readFile('nope', () => {});\n") ==
              std::vector<std::string>{"fs.open nope"});
    }

    TEST_CASE("fs.promises.readFile makes the same requests") {
        CHECK(pool_jobs("// @file big.txt 1MiB\nrequire('fs').promises.readFile(__dirname + "
                        "'/big.txt');\n") == repeat({"fs.open big.txt", "fs.fstat big.txt"},
                                                    "fs.read big.txt", 2, {"fs.close big.txt"}));
    }

    TEST_CASE("writeFile: open, one write, close; the promise form skips the write of nothing") {
        CHECK(pool_jobs("require('fs').writeFile(__dirname + '/w.txt', '', () => {});\n") ==
              std::vector<std::string>{"fs.open w.txt", "fs.write w.txt", "fs.close w.txt"});
        CHECK(pool_jobs("require('fs').promises.writeFile(__dirname + '/w.txt', '');\n") ==
              std::vector<std::string>{"fs.open w.txt", "fs.close w.txt"});
    }

    TEST_CASE("mkdir -p retries through the parents, and stats what exists") {
        CHECK(pool_jobs("require('fs').mkdir('a/b', { recursive: true }, () => {});\n") ==
              std::vector<std::string>{"fs.mkdir b", "fs.mkdir a", "fs.mkdir b"});
        CHECK(pool_jobs("require('fs').mkdir('/tmp', { recursive: true }, () => {});\n") ==
              std::vector<std::string>{"fs.mkdir tmp", "fs.stat tmp"});
    }

    TEST_CASE("on a one-thread pool the requests of many calls interleave in FIFO order") {
        // Node printed exactly this with UV_THREADPOOL_SIZE=1 (5 runs of 5). The immediate runs
        // after the first poll phase's batch: the script's first calls of eight fs functions
        // (main.first_call each) leave the worker time to finish their first requests.
        const std::string source = R"(
const fs = require('fs');
const dir = __dirname;
fs.writeFile(dir + '/x.txt', 'data', (err) => {
  console.log('written', err);
  fs.readFile(dir + '/x.txt', 'utf8', (e, t) => console.log('read', t));
  fs.stat(dir + '/x.txt', (e, s) => console.log('stat', s.size, s.isFile(), s.isDirectory()));
  fs.appendFile(dir + '/x.txt', '!', () => fs.readFile(dir + '/x.txt', (e, b) => console.log('appended', b.toString(), b.length)));
});
fs.readdir(dir + '/nothing', (e) => console.log(e.message));
fs.access(dir, (e) => console.log('access', e));
fs.open(dir + '/nope', (e) => console.log(e.code, e.syscall, e.errno));
fs.promises.readFile(dir + '/nope').catch((e) => console.log('rejected', e.code));
fs.promises.writeFile(dir + '/p.txt', 'via promises').then(() => fs.promises.readFile(dir + '/p.txt', 'utf8')).then((t) => console.log(t));
fs.readFile(dir, (e) => console.log(e.message));
fs.mkdir(dir + '/m/n', { recursive: true }, (e, p) => console.log('mkdir', e, p === dir + '/m'));
setImmediate(() => console.log('immediate'));
)";
        CHECK(out(source, {{"UV_THREADPOOL_SIZE", "1"}}) ==
              "ENOENT: no such file or directory, scandir '/work/t/nothing'\n"
              "access null\n"
              "ENOENT open -2\n"
              "rejected ENOENT\n"
              "immediate\n"
              "written null\n"
              "mkdir null true\n"
              "stat 4 true false\n"
              "EISDIR: illegal operation on a directory, read\n"
              "read data\n"
              "via promises\n"
              "appended data! 5\n");
    }

    TEST_CASE("the sync API, Buffers and their errors print what node printed") {
        const std::string source = R"(
const fs = require('fs');
const b = Buffer.from('hello, world');
console.log(b.length, b.toString('hex'), b.toString('base64'), b.toString('utf8', 7), JSON.stringify(Buffer.from([1, 2, 300])));
console.log(Buffer.isBuffer(b), Buffer.isBuffer('x'), b[0], Buffer.alloc(3, 'ab').toString(), Buffer.concat([b.slice(0, 5), Buffer.from('!')]).toString());
console.log(Buffer.from('aGk=', 'base64').toString(), Buffer.from('6869', 'hex').toString(), Buffer.byteLength('h\u00e9llo'));
fs.writeFileSync(__dirname + '/w.txt', 'abc');
fs.appendFileSync(__dirname + '/w.txt', 'def');
console.log(fs.readFileSync(__dirname + '/w.txt', 'utf8'), fs.existsSync(__dirname + '/w.txt'), fs.existsSync(__dirname + '/nope'));
fs.mkdirSync(__dirname + '/d/e', { recursive: true });
fs.writeFileSync(__dirname + '/d/b.txt', '');
fs.writeFileSync(__dirname + '/d/a.txt', '');
console.log(fs.readdirSync(__dirname + '/d'), fs.statSync(__dirname + '/d').isDirectory(), fs.statSync(__dirname + '/d/a.txt').size);
try { fs.readFileSync('missing.txt'); } catch (e) { console.log(e.message, e.code, e.errno, e.syscall, e.path); }
try { fs.mkdirSync(__dirname + '/d'); } catch (e) { console.log(e.code); }
fs.unlinkSync(__dirname + '/d/a.txt');
console.log(fs.readdirSync(__dirname + '/d').join(','));
const fd = fs.openSync(__dirname + '/w.txt', 'r');
const buf = Buffer.alloc(4);
console.log(fs.readSync(fd, buf, 0, 4, 1), buf.toString());
fs.closeSync(fd);
)";
        CHECK(out(source) ==
              "12 68656c6c6f2c20776f726c64 aGVsbG8sIHdvcmxk world "
              "{\"type\":\"Buffer\",\"data\":[1,2,44]}\n"
              "true false 104 aba hello!\n"
              "hi hi 6\n"
              "abcdef true false\n"
              "[ 'a.txt', 'b.txt', 'e' ] true 0\n"
              "ENOENT: no such file or directory, open 'missing.txt' ENOENT -2 open missing.txt\n"
              "EEXIST\n"
              "b.txt,e\n"
              "4 bcde\n");
    }

    TEST_CASE("an asynchronous fs error inspects as node prints it") {
        CHECK(out("require('fs').stat('nope', (e) => console.log(e, Object.keys(e)));\n") ==
              "[Error: ENOENT: no such file or directory, stat 'nope'] {\n"
              "  errno: -2,\n"
              "  code: 'ENOENT',\n"
              "  syscall: 'stat',\n"
              "  path: 'nope'\n"
              "} [ 'errno', 'code', 'syscall', 'path' ]\n");
    }

    TEST_CASE("readFileSync blocks the main thread for its modelled time") {
        const std::string source = "// @file big.txt 2MiB\n"
                                   "// @latency fs.read 3ms\n"
                                   "const { performance } = require('perf_hooks');\n"
                                   "const t = performance.now();\n"
                                   "require('fs').readFileSync(__dirname + '/big.txt');\n"
                                   "console.log(performance.now() - t >= 3);\n";
        CHECK(out(source) == "true\n");
    }

    TEST_CASE("the first pool request holds the main thread for pool.start, then is queued") {
        // libuv's init_threads starts every worker, and waits for them, before the request is
        // posted: no worker can take it while the main thread pays for the start.
        const std::string source = "// @latency main 0ns\n"
                                   "// @latency pool.start 2ms + 500us/thread\n"
                                   "const fs = require('fs');\n"
                                   "const t0 = performance.now();\n"
                                   "fs.stat(__filename, () => {});\n"
                                   "const t1 = performance.now();\n"
                                   "fs.stat(__filename, () => {});\n"
                                   "const t2 = performance.now();\n"
                                   "console.log((t1 - t0).toFixed(3), (t2 - t1).toFixed(3));\n";
        // Two threads: 2 ms + 2 x 0.5 ms, once.
        CHECK(out(source, {{"UV_THREADPOOL_SIZE", "2"}}) == "3.000 0.000\n");
        CHECK(out(source, {{"UV_THREADPOOL_SIZE", "4"}}) == "4.000 0.000\n");
        node::ScenarioResult r = run_js(source, {{"UV_THREADPOOL_SIZE", "2"}}, true);
        REQUIRE(r.trace.has_value());
        std::vector<int64_t> picks;
        for (auto it = r.trace->events.begin(); it != r.trace->events.end(); ++it)
            if (it->kind == trace::EventKind::WorkerPick) picks.push_back(it->time.count_ns());
        REQUIRE(picks.size() == 2);
        CHECK(picks[0] >= 3'000'000); // not before the start is paid (the script began at 0)
    }

    TEST_CASE("each kind of completion costs main.first_completion the first time it runs") {
        // readFile's first round trip runs four completions for the first time (after open,
        // after fstat, after read, then its callback's); the second runs them warm.
        const std::string source = "// @latency main 0ns\n"
                                   "// @latency pool 0ns\n"
                                   "// @latency main.first_completion 1ms\n"
                                   "const fs = require('fs');\n"
                                   "const trips = [];\n"
                                   "const trip = (call, next) => {\n"
                                   "  const t = performance.now();\n"
                                   "  call(() => { trips.push(performance.now() - t); next(); });\n"
                                   "};\n"
                                   "const read = (cb) => fs.readFile(__filename, cb);\n"
                                   "const stat = (cb) => fs.stat(__filename, cb);\n"
                                   "trip(read, () => trip(read, () => trip(stat, () => trip(stat, "
                                   "() => console.log((trips[0] - trips[1]).toFixed(1), "
                                   "(trips[2] - trips[3]).toFixed(1))))));\n";
        // To a tenth of a millisecond: the script's own functions cost 9 µs at their first call.
        CHECK(out(source) == "4.0 1.0\n");
    }

    TEST_CASE("@latency slows a request down; its callback waits for it") {
        const std::string fast =
            "const t = Date.now();\n"
            "require('fs').stat(__filename, () => console.log(Date.now() - t >= 40));\n";
        CHECK(out(fast) == "false\n");
        CHECK(out("// @latency fs.stat 50ms\n" + fast) == "true\n");
    }
}

TEST_SUITE("node.crypto_dns") {
    TEST_CASE("crypto and dns arguments, results and errors print what node printed") {
        const std::string source = R"(
const crypto = require('crypto');
const dns = require('dns');
const t = (f) => { try { const r = f(); console.log('ok', r && r.length); } catch (e) { console.log(e.name, e.code, e.message); } };
t(() => crypto.pbkdf2('a', 'b', 1, 32, 'sha256'));
t(() => crypto.pbkdf2('a', 'b', 0, 32, 'sha256', () => {}));
t(() => crypto.pbkdf2('a', 'b', 1, 32, 'nope', () => {}));
t(() => crypto.pbkdf2(1, 'b', 1, 32, 'sha256', () => {}));
t(() => crypto.pbkdf2Sync('a', 'b', 1, 32, 'sha512'));
t(() => crypto.randomBytes(-1));
t(() => crypto.randomBytes('x'));
t(() => crypto.scryptSync('a', 'b', 16, { N: 1024 }));
t(() => dns.lookup(5, () => {}));
t(() => dns.lookup('localhost'));
console.log(crypto.randomUUID().length, crypto.randomBytes(5).length);
crypto.randomFill(Buffer.alloc(4), (e, b) => console.log('fill', e, b.length));
dns.lookup('localhost', (e, a, f) => console.log('lookup', e, a, f));
dns.lookup('localhost', { all: true }, (e, a) => console.log('all', e, JSON.stringify(a)));
dns.lookup('127.0.0.1', (e, a, f) => console.log('literal', e, a, f));
dns.lookup('nonexistent.invalid', (e) => console.log(e.message, e.code, e.errno, e.syscall, e.hostname));
dns.promises.lookup('localhost').then((r) => console.log('promise', JSON.stringify(r)));
require('util').promisify(dns.lookup)('localhost').then((r) => console.log('promisified', JSON.stringify(r)));
)";
        CHECK(out(source, {{"UV_THREADPOOL_SIZE", "1"}}) ==
              "TypeError ERR_INVALID_ARG_TYPE The \"callback\" argument must be of type function. "
              "Received undefined\n"
              "RangeError ERR_OUT_OF_RANGE The value of \"iterations\" is out of range. It must be "
              ">= 1 && <= 2147483647. Received 0\n"
              "TypeError ERR_CRYPTO_INVALID_DIGEST Invalid digest: nope\n"
              "TypeError ERR_INVALID_ARG_TYPE The \"password\" argument must be of type string or "
              "an instance of ArrayBuffer, "
              "Buffer, TypedArray, or DataView. Received type number (1)\n"
              "ok 32\n"
              "RangeError ERR_OUT_OF_RANGE The value of \"size\" is out of range. It must be >= 0 "
              "&& <= 2147483647. Received -1\n"
              "TypeError ERR_INVALID_ARG_TYPE The \"size\" argument must be of type number. "
              "Received type string ('x')\n"
              "ok 16\n"
              "TypeError ERR_INVALID_ARG_TYPE The \"hostname\" argument must be of type string. "
              "Received type number (5)\n"
              "TypeError ERR_INVALID_ARG_TYPE The \"callback\" argument must be of type function. "
              "Received undefined\n"
              "36 5\n"
              "literal null 127.0.0.1 4\n"
              "fill null 4\n"
              "lookup null 127.0.0.1 4\n"
              "all null [{\"address\":\"127.0.0.1\",\"family\":4}]\n"
              "getaddrinfo ENOTFOUND nonexistent.invalid ENOTFOUND -3008 getaddrinfo "
              "nonexistent.invalid\n"
              "promise {\"address\":\"127.0.0.1\",\"family\":4}\n"
              "promisified {\"address\":\"127.0.0.1\",\"family\":4}\n");
    }

    TEST_CASE("seed 0 is the nominal run; other seeds jitter equal jobs into different orders") {
        const std::string source = "const done = [];\n"
                                   "for (let i = 1; i <= 4; i++) require('crypto').pbkdf2('s', "
                                   "'k', 20000, 32, 'sha256', () => done.push(i));\n"
                                   "process.on('exit', () => console.log(done.join(',')));\n";
        node::ScenarioOptions options = options_for(source, {{"UV_THREADPOOL_SIZE", "4"}});
        CHECK(node::run_scenario(options).stdout_text == "1,2,3,4\n");
        std::set<std::string> orders;
        for (uint64_t seed = 1; seed <= 12; ++seed) {
            options.seed = seed;
            const std::string a = node::run_scenario(options).stdout_text;
            CHECK(a == node::run_scenario(options).stdout_text); // the same seed, the same run
            orders.insert(a);
        }
        CHECK(orders.size() > 1);
    }
}

TEST_SUITE("node.scenario_header") {
    TEST_CASE("@env, @file and @latency fill the options; errors name the line") {
        node::ScenarioOptions o;
        o.path = "/x/s.js";
        o.source = "// @title t\n// @env UV_THREADPOOL_SIZE=2\n  //   @file a.txt 10B\n// @file "
                   "b.txt \"hi\\n\"\n"
                   "// @latency fs.read 2ms\ncode();\n";
        REQUIRE(node::apply_scenario_header(o).is_ok());
        CHECK(o.env.at("UV_THREADPOOL_SIZE") == "2");
        REQUIRE(o.files.size() == 2);
        CHECK(o.files[0].contents == "abcdefghij");
        CHECK(o.files[1].contents == "hi\n");
        CHECK(o.latency.nominal(io::LatencyKind::FsRead, 100) == sim::SimTime::ms(2));

        node::ScenarioOptions bad;
        bad.path = "/x/s.js";
        bad.source = "// @title t\n// @latency fs.raed 2ms\n";
        sim::Result<void> r = node::apply_scenario_header(bad);
        REQUIRE_FALSE(r.is_ok());
        CHECK(r.error().message.rfind("/x/s.js:2: unknown @latency key 'fs.raed'", 0) == 0);
        bad.source = "// @file big.txt 3GB\n";
        CHECK_FALSE(node::apply_scenario_header(bad).is_ok());
    }

    TEST_CASE("a value already set (the command line) wins over the header's @env") {
        node::ScenarioOptions o;
        o.path = "/x/s.js";
        o.env["UV_THREADPOOL_SIZE"] = "8";
        o.source = "// @env UV_THREADPOOL_SIZE=1\n";
        REQUIRE(node::apply_scenario_header(o).is_ok());
        CHECK(o.env.at("UV_THREADPOOL_SIZE") == "8");
    }
}
