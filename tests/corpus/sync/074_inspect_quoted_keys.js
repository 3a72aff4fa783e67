// Keys that are not valid identifiers are printed in quotes.
console.log({ 'a-b': 1, a_b: 2, $c: 3, 'with space': 4 });
console.log({ '1st': 1, 123: 2, '0x1': 3, '': 4 });
console.log({ "it's": 1, 'say "x"': 2 });
console.log({ 'ünïcode': 1, café: 2 });
console.log({ 'new\nline': 1 });
console.log({ class: 1, if: 2, return: 3, null: 4 });
const o = {};
o['key.with.dots'] = true;
o['-1'] = 'negative';
o['1.5'] = 'float';
o[10] = 'ten';
console.log(o);
