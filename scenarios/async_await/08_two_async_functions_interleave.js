// @title  Two async functions take turns at each await
// @lesson Each await parks one function and queues its continuation, so two functions that await in
// @lesson a loop alternate step by step through the microtask queue.
// @runs   50
async function worker(name) {
  for (let i = 1; i <= 3; i++) {
    console.log(`${name} step ${i}`);
    await null;
  }
  console.log(`${name} done`);
}

worker('A');
worker('B');
console.log('both started');
