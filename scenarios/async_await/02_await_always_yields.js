// @title  await always pauses, even on a plain value
// @lesson await 5 is the same as await Promise.resolve(5): the function stops, the caller continues,
// @lesson and the rest of the function resumes from the microtask queue.
// @runs   50
async function f() {
  console.log('f: before await');
  const v = await 5;
  console.log(`f: after await, got ${v}`);
}

f();
console.log('caller: f returned');
process.nextTick(() => console.log('nextTick still runs before the continuation'));
