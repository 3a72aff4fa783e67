// @title  Good: defer heavy follow-up work with setImmediate
// @lesson The I/O callback only parses and hands off; the processing runs in the check phase of the
// @lesson same iteration, so the poll phase is free to deliver other I/O first.
// @file   config.json "{\"name\": \"loopsim\", \"workers\": 4, \"verbose\": true}"
// @runs   50
const fs = require('fs');

function processConfiguration(data) {
  const config = JSON.parse(data);
  console.log(`processing config for ${config.name} with ${config.workers} workers`);
}

fs.readFile(__dirname + '/config.json', 'utf8', (err, data) => {
  if (err) throw err;
  console.log('I/O callback: config read, deferring the work');
  setImmediate(() => {
    processConfiguration(data);
  });
  console.log('I/O callback: returning to the loop');
});
