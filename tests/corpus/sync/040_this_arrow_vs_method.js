// Arrows capture the surrounding this; methods get this from the call site.
const counter = {
  count: 0,
  incMethod() {
    this.count++;
    return this.count;
  },
  delayedArrow() {
    const inc = () => {
      this.count += 10;
    };
    inc();
    return this.count;
  },
  delayedFunction() {
    const self = this;
    (function () {
      self.count += 100;
    })();
    return this.count;
  },
};
console.log(counter.incMethod());
console.log(counter.delayedArrow());
console.log(counter.delayedFunction());
class Clicker {
  constructor() {
    this.clicks = 0;
    this.onClick = () => {
      this.clicks++;
      return this.clicks;
    };
  }
}
const c = new Clicker();
const handler = c.onClick;
handler();
console.log(handler(), c.clicks);
