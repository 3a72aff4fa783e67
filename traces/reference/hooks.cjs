// Preloaded (`node --require`) by record-reference.mjs into the node process that runs a
// scenario; not meant to be used on its own. It watches every callback through async_hooks
// and writes one JSON line per event to file descriptor 3, a pipe the recorder opens:
//   {"e":"run","seq":4,"id":7,"type":"PROMISE","trigger":1,"internal":false,"label":"","creator":"f@file"}
//       callback number `seq` starts (async_hooks `before`); `id` is its async id
//   {"e":"step","seq":4}
//       callback 4 handed its work to a next request Node made by itself (fs.readFile's
//       open -> fstat -> read -> close): it is an intermediate step of one API call
//   {"e":"write","stream":"stdout","id":7,"text":"..."}
//       the program writes to process.stdout or process.stderr while callback 7 runs
// Everything is written with fs.writeSync, never through a stream: a stream write would
// itself queue callbacks (the afterWrite tick) and change what is being recorded.
'use strict';
const asyncHooks = require('node:async_hooks');
const fs = require('node:fs');

const FD = 3;
try {
  fs.fstatSync(FD);
} catch {
  throw new Error('traces/reference/hooks.cjs writes to file descriptor 3: run it through record-reference.mjs');
}
const self = __filename;

function emit(record) {
  fs.writeSync(FD, JSON.stringify(record) + '\n');
}

// The frames that created a resource, without this file's and async_hooks' own: the file
// of the first one (a V8 builtin such as Promise.prototype.then has none and is skipped),
// its function name, and whether any frame is the program's (a file that is not node:...).
function creation() {
  const savedLimit = Error.stackTraceLimit;
  const savedPrepare = Error.prepareStackTrace;
  Error.stackTraceLimit = 24;
  Error.prepareStackTrace = (_, frames) => frames;
  const holder = {};
  Error.captureStackTrace(holder, creation);
  const frames = holder.stack;
  Error.prepareStackTrace = savedPrepare;
  Error.stackTraceLimit = savedLimit;
  const result = { top: '', fn: '', fromProgram: false };
  if (!Array.isArray(frames)) return result;
  for (const f of frames) {
    const file = f.getFileName();
    if (!file || file === self || file === 'node:internal/async_hooks') continue;
    // The microtask drain itself (a thenable job V8 runs there calls then()): no creator.
    if (file === 'node:internal/process/task_queues' && !result.top && f.getFunctionName() === 'processTicksAndRejections')
      continue;
    if (!result.top) {
      result.top = file;
      result.fn = f.getFunctionName() || '';
    }
    if (!file.startsWith('node:')) {
      result.fromProgram = true;
      break;
    }
  }
  return result;
}

function nameOf(fn) {
  return typeof fn === 'function' ? fn.name || '(anonymous)' : '';
}

// The function a resource will call, where Node keeps it on the resource object.
function labelOf(type, resource) {
  if (!resource || typeof resource !== 'object') return '';
  try {
    if (type === 'Timeout') return nameOf(resource._onTimeout);
    if (type === 'Immediate') return nameOf(resource._onImmediate);
    if (type === 'TickObject') return nameOf(resource.callback);
    if (typeof resource.oncomplete === 'function') {
      const context = resource.context && resource.context.constructor ? resource.context.constructor.name + '.' : '';
      return context + nameOf(resource.oncomplete);
    }
  } catch {
    // a getter that throws: no label
  }
  return '';
}

// Types whose resources are jobs the program queues: timers, immediates, ticks, promise
// jobs, microtasks (as opposed to requests and handles, which belong to an API call).
const JOBS = new Set(['Timeout', 'Immediate', 'TickObject', 'PROMISE', 'Microtask']);

const resources = new Map(); // async id -> { type, trigger, internal, creator, label, resource }
const running = []; // { seq, type } of the callbacks on the stack, innermost last
// Requests (FSREQCALLBACK, FSREQPROMISE, PBKDF2REQUEST, GETADDRINFOREQWRAP, ...), not handles.
const REQUEST = /REQ/;
let seq = 0;

asyncHooks
  .createHook({
    init(id, type, trigger, resource) {
      const c = creation();
      // Node's own: a promise made inside Node's code (the awaits of fs.promises; a promise
      // V8 makes with no frame at all, in a thenable job, belongs to whoever made the
      // promise it follows), a stream's afterWrite tick, or any other tick or microtask
      // made with no program frame on the stack. Timers and immediates always count
      // as the program's: loopsim shows Node's own ones (timers/promises) too.
      let internal;
      if (type === 'PROMISE') {
        if (c.top) internal = c.top.startsWith('node:');
        else internal = resources.has(trigger) ? resources.get(trigger).internal : false;
      } else if (type === 'Timeout' || type === 'Immediate') internal = false;
      else if (type === 'TickObject' && labelOf(type, resource) === 'afterWriteTick') internal = true;
      else if (JOBS.has(type)) internal = !c.fromProgram;
      else internal = false; // a request: internal only once it hands over to a next step
      // Timers, immediates and ticks hold their function from the start; a request gets its
      // oncomplete after init, so it is kept until its callback runs (and not longer: the map
      // must not keep the program's objects alive). Handles are not kept at all.
      const early = type === 'Timeout' || type === 'Immediate' || type === 'TickObject';
      resources.set(id, {
        type,
        trigger,
        internal,
        creator: c.top ? `${c.fn}@${c.top}` : '',
        label: early ? labelOf(type, resource) : '',
        resource: REQUEST.test(type) ? resource : null,
      });
      // A request made by Node itself inside a request's callback: that callback was a step.
      const current = running.length > 0 ? running[running.length - 1] : null;
      if (current && !c.fromProgram && REQUEST.test(type) && REQUEST.test(current.type))
        emit({ e: 'step', seq: current.seq });
    },
    before(id) {
      const r = resources.get(id) || { type: 'unknown', trigger: 0, internal: false, creator: '', label: '', resource: null };
      if (r.resource) {
        r.label = labelOf(r.type, r.resource);
        r.resource = null;
      }
      running.push({ seq, type: r.type });
      emit({
        e: 'run',
        seq: seq++,
        id,
        type: r.type,
        trigger: r.trigger,
        internal: r.internal,
        label: r.label,
        creator: r.creator,
      });
    },
    after() {
      running.pop();
    },
  })
  .enable();

// process.stdout and process.stderr are created on first use; wrap their write() then,
// without creating them early.
for (const name of ['stdout', 'stderr']) {
  const descriptor = Object.getOwnPropertyDescriptor(process, name);
  if (!descriptor || typeof descriptor.get !== 'function') continue;
  let wrapped = null;
  Object.defineProperty(process, name, {
    configurable: descriptor.configurable,
    enumerable: descriptor.enumerable,
    get() {
      const stream = descriptor.get.call(process);
      if (stream && stream !== wrapped && typeof stream.write === 'function') {
        const write = stream.write;
        stream.write = function (chunk, ...rest) {
          let text;
          if (typeof chunk === 'string') text = chunk;
          else if (chunk instanceof Uint8Array) text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
          else text = String(chunk);
          emit({ e: 'write', stream: name, id: asyncHooks.executionAsyncId(), text });
          return write.call(this, chunk, ...rest);
        };
        wrapped = stream;
      }
      return stream;
    },
  });
}
