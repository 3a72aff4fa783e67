// @title  Top-level await on a timer
// @lesson `await` at the top level suspends the module: the loop keeps turning (the tick and
// @lesson the immediate run) until the timer resolves the promise; the rest of the body then
// @lesson runs as a promise job, so its promise callback runs before its nextTick.
// @runs   50
import { setTimeout as sleep } from 'node:timers/promises';

console.log('before await');
process.nextTick(() => console.log('tick queued before the await'));
setImmediate(() => console.log('immediate queued before the await'));
const value = await sleep(10, 'resumed after 10 ms');
console.log(value);
process.nextTick(() => console.log('tick queued after the await'));
Promise.resolve().then(() => console.log('promise queued after the await'));
console.log('module body done');
