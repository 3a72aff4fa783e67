// Functions and classes print as [Function: name], [Function (anonymous)] and [class X].
function named() {}
const arrow = () => {};
const anonymous = [function () {}][0];
class Plain {}
class Child extends Plain {}
console.log(named);
console.log(arrow);
console.log(anonymous);
console.log(Plain);
console.log(Child);
console.log([named, arrow, () => {}]);
console.log({ handler: named, cb: (x) => x });
async function fetchIt() {}
const asyncArrow = async () => {};
console.log(fetchIt, asyncArrow);
named.extra = 1;
console.log(named);
const obj = {
  method() {},
  prop: function () {},
};
console.log(obj.method, obj.prop, obj);
console.log(Math.max, console.log);
