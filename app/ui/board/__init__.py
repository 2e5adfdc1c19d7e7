"""The pipeline board: stage columns of painted deal cards with drag and drop."""
