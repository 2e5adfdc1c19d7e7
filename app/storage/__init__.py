"""Storage: peewee models and opening a database file (pragmas, schema, migrations)."""
