// instanceof across the Error hierarchy, including user subclasses.
class AppError extends Error {}
class DbError extends AppError {
  constructor(msg) {
    super(msg);
    this.name = 'DbError';
  }
}
const list = [new Error('e'), new TypeError('t'), new RangeError('r'), new AppError('a'), new DbError('d')];
for (const err of list) {
  console.log(
    err.name.padEnd(10),
    err instanceof Error,
    err instanceof TypeError,
    err instanceof RangeError,
    err instanceof AppError,
    err instanceof DbError
  );
}
console.log(new AppError('x').name, String(new AppError('y')));
function handle(fn) {
  try {
    fn();
  } catch (e) {
    if (e instanceof DbError) return 'db: ' + e.message;
    if (e instanceof TypeError) return 'type: ' + e.message;
    return 'other: ' + e;
  }
}
console.log(handle(() => { throw new DbError('conn lost'); }));
console.log(handle(() => null.x));
console.log(handle(() => { throw 'raw'; }));
