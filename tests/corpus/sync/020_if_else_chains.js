// if / else if / else with truthiness of many values.
function classify(v) {
  if (v === null) {
    return 'null';
  } else if (v === undefined) {
    return 'undefined';
  } else if (typeof v === 'number' && v < 0) {
    return 'negative';
  } else if (v) {
    return 'truthy';
  } else {
    return 'falsy';
  }
}
const samples = [null, undefined, -1, 0, 1, '', 'a', [], {}, NaN, false, -0];
for (const s of samples) {
  console.log(classify(s));
}
let x = 5;
if (x > 3) console.log('no braces works');
if (x > 10) console.log('not printed');
else console.log('else without braces');
if (x) {
  if (x % 2) {
    console.log('odd');
  }
}
