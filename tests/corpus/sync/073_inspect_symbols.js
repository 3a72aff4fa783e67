// Symbols print as Symbol(description); symbol keys print in brackets.
const s1 = Symbol('id');
const s2 = Symbol();
const s3 = Symbol('another one');
console.log(s1, s2, s3);
console.log([s1, s2]);
console.log({ [s1]: 1, normal: 2 });
console.log({ sym: s3 });
console.log(s1.toString(), String(s2), s1.description);
console.log(typeof s1, s1 === Symbol('id'), s1 === s1);
const reg = Symbol.for('shared');
console.log(reg === Symbol.for('shared'), reg);
try {
  console.log(`${s1}`);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
try {
  s1 + '';
} catch (e) {
  console.log(e.message);
}
