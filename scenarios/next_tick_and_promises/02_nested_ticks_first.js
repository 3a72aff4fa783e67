// @title  Ticks queued by ticks still run before promises
// @lesson The nextTick queue is drained until it is empty, including ticks added while draining, so
// @lesson all three levels of nested nextTick run before the waiting promise callback.
// @runs   50
Promise.resolve().then(() => console.log('promise'));

process.nextTick(() => {
  console.log('tick level 1');
  process.nextTick(() => {
    console.log('tick level 2');
    process.nextTick(() => console.log('tick level 3'));
  });
});
