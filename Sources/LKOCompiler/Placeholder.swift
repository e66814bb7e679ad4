// Module LKOCompiler.
