// && and || return an operand, not a boolean; ! and !! convert.
console.log(1 && 2, 0 && 2, 'a' && '', null && 'x');
console.log(1 || 2, 0 || 2, '' || 'fallback', undefined || null);
console.log(!0, !1, !'', !'0', ![], !{}, !!null, !!NaN, !!'false');
let log = [];
const t = (v) => {
  log.push(v);
  return v;
};
t(false) && t('skipped');
t(true) || t('skipped');
t(0) || t('evaluated');
console.log(log);
const user = { role: 'admin' };
const canEdit = user && user.role === 'admin' && 'yes';
console.log(canEdit);
console.log(true && false || true, true || false && false);
console.log((1 && 0) || (0 && 1) || 'none');
