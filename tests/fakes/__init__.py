"""Fakes that stand in for outside services over real loopback connections."""
