// slice accepts negative indexes; substring clamps them to 0 and swaps reversed bounds.
const s = 'JavaScript';
console.log(s.slice(0, 4), s.slice(4), s.slice(-6), s.slice(-6, -3));
console.log(s.substring(0, 4), s.substring(4), s.substring(-6), s.substring(7, 4));
console.log(s.slice(7, 4) === '', s.substring(4, 7));
console.log(s.slice(100), s.substring(100), s.slice(-100, 2));
console.log(s.slice(), s.substring(), s.length);
console.log(s.slice(2.7, 5.9), s.substring(NaN, 3));
const path = 'dir/sub/file.txt';
const slash = path.lastIndexOf('/');
console.log(path.slice(0, slash), path.slice(slash + 1));
console.log(path.slice(path.indexOf('.') + 1));
console.log('abc'[1], 'abc'[5], 'abc'.length);
