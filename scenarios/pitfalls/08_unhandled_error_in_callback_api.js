// @title  Ignoring the err argument of a callback
// @lesson Node-style callbacks report failure through their first argument; code that ignores it goes
// @lesson on with undefined data and fails later, far from the cause.
// @runs   50
const fs = require('fs');

fs.readFile('no-such-config.json', 'utf8', (err, text) => {
  // err is ignored: text is undefined
  try {
    const config = JSON.parse(text);
    console.log(config);
  } catch (parseErr) {
    console.log(`later failure: ${parseErr.name}`);
    console.log(`the real cause was: ${err.code}`);
  }
});
