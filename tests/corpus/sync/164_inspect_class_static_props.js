// Classes and functions with own properties print them after the name.
class Config {}
Config.version = 2;
Config.flags = ['a'];
console.log(Config);
function helper() {}
helper.cache = { hits: 0 };
console.log(helper);
const arrow = () => {};
arrow.label = 'arrow';
console.log(arrow);
class Base {}
class Derived extends Base {}
Derived.kind = 'derived';
console.log(Derived);
console.log({ cls: Config, fn: helper });
console.log([Config, Base]);
