// @title  AbortSignal.timeout: a deadline that does not keep the process alive
// @lesson AbortSignal.timeout(ms) aborts from an unref'd timer, so it fires only while something
// @lesson else keeps the loop running, and then with a TimeoutError as its reason. Racing it
// @lesson against a slower timer cancels that timer; a deadline left alone lets the process exit.
// @runs   20
const { setTimeout: sleep } = require('timers/promises');

async function withDeadline() {
  const started = Date.now();
  try {
    await sleep(200, 'slow answer', { signal: AbortSignal.timeout(50) });
    console.log('answer arrived in time');
  } catch (err) {
    const waited = Date.now() - started;
    console.log(`${err.name}: ${err.cause.name}: ${err.cause.message}`);
    console.log(`gave up after about 50 ms, well before 200: ${waited >= 45 && waited < 200}`);
  }
}

withDeadline().then(() => {
  const forgotten = AbortSignal.timeout(1000);
  forgotten.addEventListener('abort', () => console.log('never printed: nothing else keeps node alive'));
  console.log('a 1000 ms deadline nobody waits for');
});

process.on('exit', () => console.log('exit'));
