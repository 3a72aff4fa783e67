// An uncaught exception wins over an earlier process.exitCode.
process.exitCode = 3;
console.log('exitCode is', process.exitCode);
const tasks = ['load', 'parse', 'finish'];
function run(task) {
  console.log('running', task);
  if (task === 'finish') null.finish();
}
for (const t of tasks) run(t);
console.log('never printed');
