"""Benchmarks for deskfit (issue 7); run with `make bench`, never part of `make test`."""
