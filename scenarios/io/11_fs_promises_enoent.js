// @title  Catching ENOENT from fs.promises
// @lesson The promise API rejects instead of passing an error argument, so try/catch around await
// @lesson handles a missing file.
// @runs   50
const fs = require('fs/promises');

async function readOrDefault(path, fallback) {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (err) {
    console.log(`could not read ${path}: ${err.code}`);
    return fallback;
  }
}

readOrDefault('scenarios/io/missing.json', '{}').then((text) => console.log(`using: ${text}`));
