"""Dialogs: deal editor, lost reason, trash, help."""
