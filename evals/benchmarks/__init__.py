"""Benchmark scripts: they print figures on this machine; no timed tests."""
