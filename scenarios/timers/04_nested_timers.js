// @title  A timer created inside a timer runs on a later pass
// @lesson A timer created during the timers phase can never fire in that same phase; it joins the
// @lesson back of its delay list, behind the sibling that was already waiting.
// @runs   50
setTimeout(() => {
  console.log('outer');
  setTimeout(() => {
    console.log('inner (created by outer)');
    setTimeout(() => console.log('innermost (created by inner)'), 0);
  }, 0);
}, 0);

setTimeout(() => console.log('sibling (created at top level)'), 0);
