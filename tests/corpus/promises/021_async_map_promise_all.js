// An async arrow in map starts every call at once; Promise.all collects results in order.
const log = (s) => console.log(s);
async function fetchUser(id) {
  log('start ' + id);
  for (let i = 0; i < 4 - id; i++) await null;
  log('end ' + id);
  return { id, name: 'user' + id };
}
const ids = [1, 2, 3];
Promise.all(ids.map(async (id) => {
  const u = await fetchUser(id);
  return u.name;
})).then((names) => log('names: ' + names.join(', ')));
(async () => {
  const users = await Promise.all(ids.map(fetchUser));
  console.log(users);
})();
log('sync end');
