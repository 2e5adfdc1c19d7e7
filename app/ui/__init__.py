"""Qt user interface: main window, board, funnel, reports and dialogs."""
