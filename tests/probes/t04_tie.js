// Rewritten from the reference probe t04, which printed due times: b (5 ms list, created in
// a1) runs before a2 (10 ms list, created before b) exactly when b is due no later than a2;
// on an exact tie b wins, because a2's list was rescheduled after a1 and got a newer id.
const busy = (ms) => { const s = Date.now(); while (Date.now() - s < ms); };
const order = [];
let bDue = 0;
const a1 = setTimeout(() => {
  const b = setTimeout(() => order.push('b'), 5);
  bDue = b._idleStart + 5;
  order.push('a1');
}, 10);
busy(5);
const a2 = setTimeout(() => order.push('a2'), 10);
process.on('exit', () => {
  const a2Due = a2._idleStart + 10;
  console.log('a1 first:', order[0] === 'a1');
  console.log('b before a2 exactly when b is due no later than a2:', (order.indexOf('b') < order.indexOf('a2')) === (bDue <= a2Due));
});
