// Async methods on classes keep this across awaits.
class Queue {
  constructor(name) {
    this.name = name;
    this.done = [];
  }
  async process(item) {
    console.log(`${this.name} start ${item}`);
    await null;
    this.done.push(item);
    console.log(`${this.name} finished ${item}`);
    return this.done.length;
  }
  async processAll(items) {
    for (const i of items) await this.process(i);
    return this.done;
  }
  static async create(name) {
    await null;
    return new Queue(name);
  }
}
const q = new Queue('q1');
q.processAll(['a', 'b']).then((d) => console.log('q1 done', d));
Queue.create('q2').then(async (q2) => {
  console.log('created', q2.name);
  const n = await q2.process('x');
  console.log('q2 count', n);
});
console.log('sync end');
