// @title  async arrows and async methods behave the same
// @lesson The async keyword works on arrow functions and class methods alike: each call runs
// @lesson synchronously to its first await and resumes in the microtask queue.
// @runs   50
class Counter {
  constructor() {
    this.count = 0;
  }
  async add(n) {
    await null;
    this.count += n;
    console.log(`method added ${n}, count ${this.count}`);
  }
}

const c = new Counter();
const double = async () => {
  await null;
  c.count *= 2;
  console.log(`arrow doubled, count ${c.count}`);
};

c.add(5);
double();
c.add(1);
console.log(`sync count ${c.count}`);
