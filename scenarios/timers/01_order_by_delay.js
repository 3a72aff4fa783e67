// @title  Timers fire in order of their delay, not of their creation
// @lesson Each timer waits in the timers queue sorted by its due time, so the 100 ms timer fires
// @lesson first even though it was created last.
// @runs   50
setTimeout(() => console.log('300 ms'), 300);
setTimeout(() => console.log('200 ms'), 200);
setTimeout(() => console.log('100 ms'), 100);
console.log('three timers scheduled');
