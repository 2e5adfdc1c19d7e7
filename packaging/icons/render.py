"""Renders dealboard.svg into the PNG sizes, a Windows .ico and a macOS .icns (committed)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_pngs() -> list[Path]:
    # QtSvg ships in PySide6-Essentials, so no extra tool is needed for the PNGs.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HERE / "dealboard.svg"))
    if not renderer.isValid():
        raise SystemExit("dealboard.svg does not parse")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = HERE / f"dealboard-{size}.png"
        if not image.save(str(out), "PNG"):
            raise SystemExit(f"cannot write {out}")
        written.append(out)
    return written


def write_ico_icns() -> None:
    # Pillow writes a multi-size .ico and an .icns; it lives only in the build venv.
    from PIL import Image

    biggest = Image.open(HERE / "dealboard-512.png")
    ico_sizes = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    biggest.save(HERE / "dealboard.ico", sizes=ico_sizes)
    biggest.save(HERE / "dealboard.icns")


if __name__ == "__main__":
    for path in render_pngs():
        print(path.name)
    write_ico_icns()
    print("dealboard.ico dealboard.icns")
