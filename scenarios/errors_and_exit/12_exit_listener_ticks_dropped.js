// @title  Inside 'exit' only synchronous work runs
// @lesson The 'exit' listener may log and change process.exitCode, but a nextTick queued there is
// @lesson dropped; the final status is read after the listeners ran.
// @runs   50
process.on('exit', (code) => {
  console.log(`exit listener sees code ${code}`);
  process.nextTick(() => console.log('tick in exit (never printed)'));
  process.exitCode = 4;
});
console.log('main done');
