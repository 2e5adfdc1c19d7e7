"""Guards against a Qt binding that corrupts None's reference count (PySide6 6.12.0)."""

import sys

from PySide6.QtCore import QModelIndex, Qt


def test_model_index_data_keeps_none_alive(qapp):
    before = sys.getrefcount(None)
    for _ in range(2000):
        QModelIndex().data(Qt.ItemDataRole.UserRole)
    # Python ≥ 3.12 makes None immortal (huge constant count); 3.11 would drift by 2000.
    assert abs(sys.getrefcount(None) - before) < 100
