// @title  The classic async/await interview puzzle
// @lesson An async function runs synchronously up to its first await; the rest becomes a microtask.
// @lesson All synchronous logs come first, then microtasks in queue order, then the timer.
// @runs   50
async function async1() {
  console.log('async1 start');
  await async2();
  console.log('async1 end');
}

async function async2() {
  console.log('async2');
}

console.log('script start');

setTimeout(() => {
  console.log('setTimeout');
}, 0);

async1();

new Promise((resolve) => {
  console.log('promise1');
  resolve();
}).then(() => {
  console.log('promise2');
});

console.log('script end');
