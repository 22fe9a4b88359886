"""Evaluation: test sets, offline metrics, the runner, reports and the regression gate."""
