"""Benchmarks and evaluation harnesses (`make bench`); figures go to bench/results/."""
