// Object.fromEntries builds objects from [key, value] pairs.
console.log(Object.fromEntries([['a', 1], ['b', 2]]));
const prices = { apple: 1.5, bread: 3, milk: 2.25 };
const doubled = Object.fromEntries(Object.entries(prices).map(([k, v]) => [k, v * 2]));
console.log(doubled);
const onlyCheap = Object.fromEntries(Object.entries(prices).filter(([, v]) => v < 2.5));
console.log(onlyCheap);
console.log(Object.fromEntries([]));
console.log(Object.fromEntries([['dup', 1], ['dup', 2], [3, 'num key']]));
const inverted = Object.fromEntries(Object.entries({ x: 'a', y: 'b' }).map(([k, v]) => [v, k]));
console.log(inverted);
