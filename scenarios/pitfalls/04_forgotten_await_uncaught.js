// @title  A forgotten await escapes try/catch
// @lesson try/catch only sees a rejection if the promise is awaited inside it; without await the
// @lesson function returns first and the rejection surfaces as an unhandled rejection that crashes.
// @runs   50
async function loadUser(id) {
  await null;
  throw new Error(`user ${id} not found`);
}

async function handler() {
  try {
    loadUser(7); // missing await
    console.log('handler: looks fine');
  } catch (err) {
    console.log(`handler caught: ${err.message} (never printed)`);
  }
}

handler();
setTimeout(() => console.log('timer (never printed)'), 0);
