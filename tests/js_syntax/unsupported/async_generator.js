async function* ticks() {}
