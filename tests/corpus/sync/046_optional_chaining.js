// Optional chaining short-circuits on null/undefined.
const user = {
  name: 'ada',
  address: { city: 'London' },
  tags: ['a', 'b'],
  greet() {
    return 'hi';
  },
};
const nobody = null;
console.log(user?.address?.city);
console.log(user.phone?.number);
console.log(nobody?.name);
console.log(user.tags?.[1], user.list?.[0]);
console.log(user.greet?.(), user.wave?.());
console.log(nobody?.a.b.c.d);
let calls = 0;
const count = () => ++calls;
const nothing = undefined;
nothing?.[count()];
console.log('calls after short-circuit', calls);
user?.[count()];
console.log('calls after evaluation', calls);
console.log((undefined)?.x ?? 'fallback');
try {
  user.phone.number;
} catch (e) {
  console.log(e.message);
}
