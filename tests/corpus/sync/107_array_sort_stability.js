// Array sort is stable: equal elements keep their original order.
const items = [];
const letters = 'abcdefghijklmnopqrst';
for (let i = 0; i < 20; i++) {
  items.push({ key: i % 3, label: letters[i] });
}
items.sort((a, b) => a.key - b.key);
console.log(items.map((x) => x.key + x.label).join(' '));
const records = [
  ['math', 'ann'],
  ['art', 'bob'],
  ['math', 'cy'],
  ['art', 'dee'],
  ['bio', 'eve'],
  ['math', 'fay'],
];
records.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
console.log(records.map((r) => r.join(':')));
const big = [];
for (let i = 0; i < 50; i++) big.push({ group: (i * 7) % 5, i });
big.sort((a, b) => a.group - b.group);
console.log(big.filter((x) => x.group === 2).map((x) => x.i));
