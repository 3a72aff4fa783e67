// @skip-record
// Shared by the tests/js_builtins/data/*.js recorders: each case names a built-in
// ("Array.prototype.sort"), a receiver and arguments in a tagged JSON encoding, and the
// recorder prints one JSON line per case with what node returned (or threw). The C++ tests
// (tests/js_builtins/builtins_test_support.h) decode the same cases, call loopsim's
// built-in and encode its result the same way; the two encodings must be equal.
//
// Encoding: JSON values stand for themselves, except
//   {"$":"undefined"|"NaN"|"-0"|"Infinity"|"-Infinity"|"hole"}
//   {"$array":[...]}  {"$object":[[key, value], ...]}  {"$map":[[k, v], ...]}  {"$set":[...]}
//   {"$fn": name} (arguments only: one of the named functions below)
//   {"$u16":[code units]} a string that is not well-formed UTF-16 (a lone surrogate)
//   {"$":"function","name":...}  {"$":"symbol","description":...} (results only)
'use strict';

const named = {
  num_asc: (a, b) => a - b,
  num_desc: (a, b) => b - a,
  by_k: (a, b) => a.k - b.k,
  double: (x) => x * 2,
  is_even: (x) => x % 2 === 0,
  gt2: (x) => x > 2,
  sum: (a, b) => a + b,
  to_pair: (v, i) => [v, i],
  mark_match: (m, p, s) => '[' + m + '@' + p + ':' + s.length + ']',
  times10: (k, v) => (typeof v === 'number' ? v * 10 : v),
  drop_b: (k, v) => (k === 'b' ? undefined : v),
  throws: () => { throw new TypeError('boom'); },
  const_zero: () => 0,
};

function decode(v) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(decode);
  if ('$' in v) {
    switch (v.$) {
      case 'undefined': return undefined;
      case 'NaN': return NaN;
      case '-0': return -0;
      case 'Infinity': return Infinity;
      case '-Infinity': return -Infinity;
    }
    throw new Error('bad tag ' + v.$);
  }
  if ('$array' in v) {
    const a = [];
    a.length = v.$array.length;
    v.$array.forEach((x, i) => { if (!(x && x.$ === 'hole')) a[i] = decode(x); });
    return a;
  }
  if ('$object' in v) {
    const o = {};
    for (const [k, x] of v.$object) o[k] = decode(x);
    return o;
  }
  if ('$map' in v) return new Map(v.$map.map(([k, x]) => [decode(k), decode(x)]));
  if ('$set' in v) return new Set(v.$set.map(decode));
  if ('$fn' in v) return named[v.$fn];
  if ('$u16' in v) return String.fromCharCode(...v.$u16);
  throw new Error('bad value ' + JSON.stringify(v));
}

function encode(v, depth = 0) {
  if (depth > 8) return '...';
  if (v === undefined) return { $: 'undefined' };
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { $: 'NaN' };
    if (Object.is(v, -0)) return { $: '-0' };
    if (v === Infinity) return { $: 'Infinity' };
    if (v === -Infinity) return { $: '-Infinity' };
    return v;
  }
  if (typeof v === 'string' && /[\ud800-\udfff]/.test(v) && !v.isWellFormed()) {
    return { $u16: [...v].flatMap((c) => [...Array(c.length).keys()].map((i) => c.charCodeAt(i))) };
  }
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'symbol') return { $: 'symbol', description: v.description ?? null };
  if (typeof v === 'function') return { $: 'function', name: v.name };
  if (Array.isArray(v)) {
    const items = [];
    for (let i = 0; i < v.length; i++) items.push(i in v ? encode(v[i], depth + 1) : { $: 'hole' });
    return { $array: items };
  }
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [encode(k, depth + 1), encode(x, depth + 1)]) };
  if (v instanceof Set) return { $set: [...v].map((x) => encode(x, depth + 1)) };
  return { $object: Object.keys(v).map((k) => [k, encode(v[k], depth + 1)]) };
}

function resolve(path) {
  let target = globalThis;
  for (const part of path.split('.')) target = target[part];
  return target;
}

// case: {fn, this?, args?, construct?, show_this?}
function run(cases) {
  for (const c of cases) {
    let out;
    try {
      const fn = resolve(c.fn);
      const self = decode(c.this === undefined ? { $: 'undefined' } : c.this);
      const args = (c.args || []).map(decode);
      const result = c.construct ? new fn(...args) : fn.apply(self, args);
      out = { ok: encode(result) };
      if (c.show_this) out.this = encode(self);
    } catch (e) {
      out = { error: e.name + ': ' + e.message };
    }
    console.log(JSON.stringify({ case: c, out }));
  }
}

module.exports = { run };
