"""Accountability: typed audit events, a tamper-evident log, retention and erasure."""
