// Records how Node (V8) converts numbers to strings and strings to numbers, for
// tests/js/test_conversions.cpp. Run: node tests/js/data/record_number_strings.js > tests/js/data/number_strings.json
// Every double is written as its IEEE-754 bits in hex, so no parsing sits between node's
// value and the test's.
'use strict';

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const bits = (x) => { f64[0] = x; return u64[0].toString(16).padStart(16, '0'); };

const numbers = [
  0, -0, 1, -1, 0.1, 0.2, 0.1 + 0.2, 0.3, 1 / 3, 2 / 3, 0.5, 1.5, -1.5, 123.456, -123.456,
  1e21, 1e20, 123456789012345680000, 999999999999999900000, 1e22, 1.5e21, 1e-7, 1e-6, 1.5e-7,
  1.234e-7, 0.000001, 0.0000012345, 123e-20, 5e-324, -5e-324, 2.2250738585072014e-308,
  2.225073858507201e-308, 1.7976931348623157e308, -1.7976931348623157e308, 2 ** 53, 2 ** 53 + 2,
  2 ** 53 - 1, -(2 ** 53), 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, 2 ** 32 - 1, 2 ** 64, 2 ** 70,
  NaN, Infinity, -Infinity, Math.PI, Math.E, Math.SQRT2, Math.LN2, Number.EPSILON,
  Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 100, 1000, 1e6, 1e15, 1e16, 1e17, 12345678,
  4.35, 0.000123, 1.0000000000000002, 0.9999999999999999, 9.007199254740993e15, 1e-323,
  4.94065645841247e-324, 123456789.123456789, 0.1 * 3, 1.1 * 1.1, 100 / 3, 5e-7, 5e-6, 9.5e20,
  9.999999999999999e20, 1.0e21 - 65536, 2 ** -1074, 2 ** -1022, 2 ** 1023, 25, 255, 65535,
];
for (let e = -12; e <= 25; ++e) numbers.push(Number('1e' + e), Number('7.5e' + e), Number('-3.14159e' + e));
for (let k = -40; k <= 80; k += 7) numbers.push(2 ** k, 3 * 2 ** k);
for (let i = 1; i <= 20; ++i) numbers.push(i / 7, i / 13 * 1e10);

const toStringCases = numbers.map((x) => ({ bits: bits(x), text: String(x) }));

const radixNumbers = [0, 255, -255, 0.5, 0.1, 0.25, -255.5, 1 / 3, Math.PI, 1e21, 2 ** 60, 2 ** 53 + 2,
  123.456, 1e-7, 3.5, 12345.6789, 2 ** -20, 0.999, 1e300];
const radixCases = [];
for (const x of radixNumbers) for (const r of [2, 3, 7, 8, 16, 32, 36]) radixCases.push({ bits: bits(x), radix: r, text: x.toString(r) });

const formatNumbers = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 1.005, 1.45, 1.55, 0.000001234, 123.456, 1e21, 1e20,
  9.995, 99.99, 0.1, 1 / 3, 2 ** 53, 5e-324, 1.7976931348623157e308, 1234.5678, -0.0000001, 0.00000095, NaN, Infinity];
const formatCases = [];
for (const x of formatNumbers) {
  for (const d of [0, 1, 2, 5, 10, 20]) formatCases.push({ bits: bits(x), op: 'toFixed', digits: d, text: x.toFixed(d) });
  for (const d of [1, 2, 3, 6, 15, 21]) formatCases.push({ bits: bits(x), op: 'toPrecision', digits: d, text: x.toPrecision(d) });
  for (const d of [0, 1, 3, 10]) formatCases.push({ bits: bits(x), op: 'toExponential', digits: d, text: x.toExponential(d) });
  formatCases.push({ bits: bits(x), op: 'toExponential', digits: -1, text: x.toExponential() });
}

const strings = [
  '', ' ', '  12  ', '\t\n 42 \r\n', '\u00a0 7 \ufeff', '\u2028 8 \u2029', '\u3000 9 \u2003', '1', '-1', '+1',
  '1.5', '-1.5', '.5', '5.', '-.5', '+.5', '.', '+', '-', 'e5', '1e5', '1E5', '1e+5', '1e-5', '1e', '1e+',
  '0x10', '0X1f', '0xg', '0x', '-0x10', '+0x10', '0o17', '0O17', '0o8', '0b101', '0B11', '0b2', '0b',
  'Infinity', '+Infinity', '-Infinity', 'infinity', 'INFINITY', 'Infinityx', 'NaN', 'nan', '1_000', '1,000',
  '00012', '-0', '+0', '0.0', '-0.0', '1e400', '-1e400', '1e-400', '5e-324', '2e-324', '3e-324',
  '1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308', '9007199254740993',
  '0.1', '0.30000000000000004', '123456789012345678901234567890', '0x1fffffffffffff', '0x20000000000001',
  '0x20000000000003', '0xffffffffffffffffffff', '0b' + '1'.repeat(60), '0o' + '7'.repeat(30), '12abc', 'abc',
  '1 2', '١٢', '\u00a0', '0.0000001', '.e1', '1..2', '--1', '+-1', '0x-1', ' 0x10 ', '1e5.5', '٣',
];
const parseCases = strings.map((s) => ({ input: s, bits: bits(Number(s)) }));

process.stdout.write(JSON.stringify({ node: process.version, toString: toStringCases, radix: radixCases,
  format: formatCases, stringToNumber: parseCases }, null, 0).replace(/\},\{/g, '},\n{') + '\n');
