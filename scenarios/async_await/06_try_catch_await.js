// @title  try/catch around await catches a rejection
// @lesson When an awaited promise rejects, the async function resumes by throwing at the await, so an
// @lesson ordinary try/catch/finally handles it.
// @runs   50
function failLater(msg) {
  return new Promise((resolve, reject) => setTimeout(() => reject(new Error(msg)), 10));
}

async function main() {
  try {
    console.log('awaiting a promise that will reject');
    await failLater('disk full');
    console.log('never printed');
  } catch (err) {
    console.log(`caught: ${err.message}`);
  } finally {
    console.log('finally');
  }
  return 'recovered';
}

main().then((v) => console.log(`main resolved: ${v}`));
