// @title  timeout.refresh() restarts the countdown
// @lesson refresh() moves the timer to the back of its list with a new start time, so a 100 ms timer
// @lesson refreshed at 60 ms fires at about 160 ms, after a 120 ms timer.
// @runs   50
const t = setTimeout(() => console.log('100 ms timer (refreshed at 60 ms)'), 100);

setTimeout(() => {
  console.log('60 ms: refreshing');
  t.refresh();
}, 60);

setTimeout(() => console.log('120 ms timer'), 120);
