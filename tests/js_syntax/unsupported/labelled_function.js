foo: function f() {}
