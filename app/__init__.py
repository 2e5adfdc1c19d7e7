"""Dealboard: a local-first sales funnel and pipeline for one salesperson."""

__version__ = "0.1.0"
APP_NAME = "Dealboard"
ORG_NAME = "Dealboard"
