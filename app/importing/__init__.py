"""Importing and exporting CSV files from and for other CRMs, without Qt or the database."""
