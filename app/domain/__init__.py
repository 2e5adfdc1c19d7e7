"""Domain rules and numbers of Dealboard: pure Python, no Qt, no database."""
