"""The reports pane: charts, targets and pipeline snapshots (pyqtgraph loads on first show)."""
