// @title  Timers with equal delays fire in creation order
// @lesson Node keeps one list per delay value and appends to it; when the list is due, its timers
// @lesson run first-in first-out.
// @runs   50
for (let i = 1; i <= 5; i++) {
  setTimeout(() => console.log(`timer ${i}`), 10);
}
