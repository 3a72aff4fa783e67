// JSON.parse: values, nesting, whitespace, errors and a reviver.
console.log(JSON.parse('1'), JSON.parse('"s"'), JSON.parse('true'), JSON.parse('null'));
console.log(JSON.parse('[1, "two", {"three": 3}]'));
console.log(JSON.parse(' { "a" : { "b" : [ ] } } '));
console.log(JSON.parse('"\\u0041\\n\\t"'));
console.log(JSON.parse('1e3'), JSON.parse('-0.5'), JSON.parse('-0'));
const bad = ['{a: 1}', "{'a': 1}", '[1,]', '', 'undefined', '{"a":1}x'];
for (const text of bad) {
  try {
    JSON.parse(text);
    console.log('parsed', text);
  } catch (e) {
    console.log(e.name, '|', e.message);
  }
}
const revived = JSON.parse('{"n": 1, "s": "x", "list": [1, 2]}', (k, v) =>
  typeof v === 'number' ? v * 10 : v
);
console.log(revived);
console.log(JSON.parse('{"a": 1, "a": 2}').a);
