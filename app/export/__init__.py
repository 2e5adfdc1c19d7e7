"""Reports leaving the app as files: PDF pages painted with QPainter (Qt GUI, no widgets)."""
