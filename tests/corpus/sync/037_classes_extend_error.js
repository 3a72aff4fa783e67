// Custom error classes extending Error keep instanceof, name and message.
class ValidationError extends Error {
  constructor(field, message) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}
class HttpError extends Error {
  constructor(status) {
    super('status ' + status);
    this.status = status;
  }
}
function check(user) {
  if (!user.name) throw new ValidationError('name', 'name is required');
  if (user.age < 0) throw new HttpError(400);
  return 'ok';
}
for (const u of [{ name: 'a', age: 1 }, { age: 3 }, { name: 'b', age: -1 }]) {
  try {
    console.log(check(u));
  } catch (e) {
    console.log(e instanceof ValidationError, e instanceof HttpError, e instanceof Error);
    console.log(e.name, '|', e.message, '|', e.field, e.status);
    console.log(String(e));
  }
}
