// @title  process.stdout.write's callback is a nextTick
// @lesson A write to stdout finishes at once, and the stream queues its "after write" step with
// @lesson process.nextTick. The callback of every write made before that tick runs inside it:
// @lesson after the ticks queued earlier, before the ticks queued later, before any promise.
// @runs   50
process.nextTick(() => console.log('tick queued before the writes'));
process.stdout.write('first write\n', () => console.log('callback of the first write'));
process.stdout.write('second write\n', () => console.log('callback of the second write'));
process.nextTick(() => console.log('tick queued after the writes'));
Promise.resolve().then(() => console.log('promise'));
