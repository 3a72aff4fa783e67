const x = 1;
--> hidden
