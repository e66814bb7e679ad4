print("lko-bench: see docs/benchmarks.md")
