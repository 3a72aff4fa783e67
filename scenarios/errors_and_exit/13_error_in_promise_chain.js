// @title  A throw inside .then skips to the next .catch
// @lesson Throwing in a .then callback rejects the promise it returned; the following .then steps are
// @lesson skipped, .catch recovers, and the chain continues normally after it.
// @runs   50
Promise.resolve(1)
  .then((v) => {
    console.log(`step 1 got ${v}`);
    throw new Error('step 1 failed');
  })
  .then(() => console.log('step 2 (skipped)'))
  .catch((err) => {
    console.log(`catch: ${err.message}`);
    return 'fallback';
  })
  .then((v) => console.log(`step 3 got ${v}`));
