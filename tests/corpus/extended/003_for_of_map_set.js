// for...of over Maps yields [key, value] pairs; over Sets it yields values.
const ages = new Map([
  ['ann', 31],
  ['bob', 42],
]);
ages.set('cy', 27);
for (const [name, age] of ages) console.log(name, age);
for (const entry of ages) console.log(Array.isArray(entry), entry.length);
for (const k of ages.keys()) console.log('key', k);
for (const v of ages.values()) console.log('value', v);
const tags = new Set(['red', 'green']);
tags.add('blue');
for (const t of tags) console.log('tag', t);
const seen = [];
ages.forEach((value, key) => seen.push(key + '=' + value));
console.log(seen.join('&'));
const grow = new Set([1]);
for (const v of grow) {
  if (v < 4) grow.add(v + 1);
}
console.log([...grow]);
