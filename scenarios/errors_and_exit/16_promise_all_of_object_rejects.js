// @title  Promise.all of a plain object rejects instead of throwing
// @lesson Promise.all wants an iterable (an array); given a plain object it does not throw, so
// @lesson the try/catch around it catches nothing. It returns a promise already rejected with a
// @lesson TypeError, and since nothing handles that rejection the process dies once the
// @lesson microtask queue has drained, with the error's own stack.
// @runs   20
const loadUser = () => Promise.resolve({ name: 'ada' });
const loadPosts = () => Promise.resolve([1, 2, 3]);

try {
  Promise.all({ user: loadUser(), posts: loadPosts() }).then(([user, posts]) => {
    console.log('never printed', user, posts);
  });
  console.log('no exception: Promise.all returned a rejected promise');
} catch (err) {
  console.log('never printed either', err.message);
}

setTimeout(() => console.log('never printed: the process is gone'), 10);
