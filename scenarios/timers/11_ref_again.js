// @title  ref() makes an unref'd timer count again
// @lesson A timer that was unref'd and then ref'd again keeps the loop alive as usual, so it fires
// @lesson even though nothing else is pending.
// @runs   50
const t = setTimeout(() => console.log('timer fired'), 20);
t.unref();
console.log(`after unref: hasRef ${t.hasRef()}`);
t.ref();
console.log(`after ref: hasRef ${t.hasRef()}`);
