// Methods lose their this when detached from the object; class bodies are strict.
class Strict {
  constructor() {
    this.v = 1;
  }
  read() {
    return this.v;
  }
  static who() {
    return this === Strict ? 'static this is the class' : 'other';
  }
}
const s = new Strict();
const detached = s.read;
try {
  detached();
} catch (e) {
  console.log('detached class method:', e.message);
}
const rebound = { v: 'borrowed', read: s.read };
console.log(rebound.read());
const who = Strict.who;
console.log(Strict.who());
console.log(who());
const arrowWrapper = () => s.read();
console.log(arrowWrapper());
console.log([s].map((obj) => obj.read()));
