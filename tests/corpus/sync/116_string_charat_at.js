// charAt, charCodeAt, at and bracket access, including out-of-range indexes.
const s = 'hello';
console.log(s.charAt(0), s.charAt(4), '[' + s.charAt(9) + ']');
console.log(s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(99));
console.log(s.at(0), s.at(-1), s.at(-5), s.at(5), s.at(-6));
console.log(s[0], s[s.length - 1], s[10]);
console.log(String.fromCharCode(72, 105), 'A'.charCodeAt(0) + 1);
let shifted = '';
for (const ch of 'abcxyz') {
  const code = ch.charCodeAt(0) - 97;
  shifted += String.fromCharCode(((code + 3) % 26) + 97);
}
console.log(shifted);
console.log([1, 2, 3].at(-1), [1, 2, 3].at(5));
console.log('😀'.length, '😀'.charCodeAt(0), [...'😀'].length);
