const o = {
  *items() {},
};
