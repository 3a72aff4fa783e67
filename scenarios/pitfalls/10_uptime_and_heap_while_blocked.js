// @title  process.uptime() and process.memoryUsage() around a blocked loop
// @lesson process.uptime() keeps counting while a busy-wait holds the main thread, so a 10 ms
// @lesson timer measures the whole 50 ms it was kept waiting; the objects the busy-wait keeps
// @lesson show in process.memoryUsage().heapUsed. process.argv is [node's path, this file].
// @runs   50
const start = process.uptime();
const heapBefore = process.memoryUsage().heapUsed;

setTimeout(() => {
  const waitedMs = (process.uptime() - start) * 1000;
  console.log('the 10 ms timer waited at least 50 ms:', waitedMs >= 50);
}, 10);

const kept = [];
const until = Date.now() + 50;
while (Date.now() < until) kept.push({ index: kept.length });
console.log('the heap grew while the loop was blocked:', process.memoryUsage().heapUsed > heapBefore);
console.log('argv holds', process.argv.length, 'entries; argv[1] is this file:',
            process.argv[1] === __filename);
