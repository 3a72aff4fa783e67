// then() on native promises finds the species constructor anew after "constructor" or Symbol.species change.
const log = (...a) => console.log(...a);
const p = Promise.resolve(1);
log('plain', p.then(() => {}) instanceof Promise, p.then(() => {}).constructor === Promise);
class Sub extends Promise {}
const own = Promise.resolve(2);
own.constructor = Sub;
log('own constructor', own.then(() => {}) instanceof Sub);
log('plain again', p.then(() => {}).constructor === Promise);
const saved = Promise.prototype.constructor;
Promise.prototype.constructor = Sub;
log('prototype constructor', p.then(() => {}) instanceof Sub);
Promise.prototype.constructor = saved;
log('restored', p.then(() => {}).constructor === Promise);
Object.defineProperty(Promise, Symbol.species, { get() { return Sub; }, configurable: true });
log('species getter', p.then(() => {}) instanceof Sub);
Object.defineProperty(Promise, Symbol.species, { value: undefined, configurable: true });
log('species undefined', p.then(() => {}).constructor === Promise);
Promise.prototype.constructor = undefined;
log('constructor undefined', p.then(() => {}).constructor === Promise);
Promise.prototype.constructor = 5;
try { p.then(() => {}); } catch (e) { log('constructor 5', e.constructor.name, e.message); }
Promise.prototype.constructor = saved;
Object.defineProperty(Promise, Symbol.species, { value: 7, configurable: true });
try { p.then(() => {}); } catch (e) { log('species 7', e.constructor.name, e.message); }
