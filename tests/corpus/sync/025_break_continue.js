// break leaves the nearest loop or switch; continue skips to the next iteration.
const out = [];
for (let i = 0; i < 10; i++) {
  if (i % 3 === 0) continue;
  if (i > 7) break;
  out.push(i);
}
console.log(out);
let w = 0;
const odd = [];
while (w < 10) {
  w++;
  if (w % 2 === 0) continue;
  odd.push(w);
}
console.log(odd);
for (const v of ['a', 'b', 'stop', 'c']) {
  if (v === 'stop') break;
  console.log(v);
}
for (let i = 0; i < 3; i++) {
  switch (i) {
    case 1:
      console.log('switch break only leaves the switch');
      break;
    default:
      console.log('default', i);
  }
}
let d = 0;
do {
  d++;
  if (d === 2) continue;
  console.log('do', d);
} while (d < 4);
