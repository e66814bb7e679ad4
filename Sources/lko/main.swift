import LKOCLI

// `lko authorize --bundle …` answers before the argument parser and the service are set up:
// its start-up is part of the measured decision time (docs/benchmarks.md).
AuthorizeFastPath.runIfPossible(Array(CommandLine.arguments.dropFirst()))
await LKOMain.run()
