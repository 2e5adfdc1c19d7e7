"""Extracts the strings of app/ into dealboard_de.ts / dealboard_en.ts and builds the .qm files.

pyside6-lupdate reads every `tr()`, `QCoreApplication.translate()` and `QT_TRANSLATE_NOOP()`
call. It cannot know the context of two kinds of call, and this script puts them right:

* a module's own helper (`def tr(text): return QCoreApplication.translate("Help", text)`)
  and `parent.tr(...)` on another object land in an empty or made-up context ("", "parent",
  "window"): they go to the shared context "", which app.ui.i18n's translator falls back to;
* the PDF document's `doc.tr(...)` goes to "ReportPdf", the context app/export/strings.py
  translates with.

    python resources/translations/update.py            update both .ts files, build the .qm
    python resources/translations/update.py --check OUT.ts   only extract (German) into OUT.ts
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("de", "en")
SHARED = ""  # the context app.ui.i18n falls back to
# The PDF document's tr() translates under "ReportPdf" (app/export/strings.py).
CONTEXT_FIXES = {"doc": "ReportPdf", "Doc": "ReportPdf"}


def runtime_context(name: str) -> str:
    """Where a context lupdate wrote is looked up at run time.

    Class contexts start with a capital letter; "", "parent", "self.window" and the like
    come from helpers and calls on other objects, and are looked up in the shared context.
    """
    if name in CONTEXT_FIXES:
        return CONTEXT_FIXES[name]
    if not name or not name.lstrip("_")[:1].isupper() or "." in name:
        return SHARED
    return name


def tool(name: str) -> str:
    """pyside6-<name> beside this Python (the project's venv), else on PATH."""
    local = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(local) if local.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "app").rglob("*.py")
        if "__pycache__" not in p.parts
    )


def lupdate(ts: Path, lang: str) -> None:
    subprocess.run(
        [
            tool("lupdate"),
            *sources(),
            "-ts",
            str(ts),
            "-source-language",
            "en",
            "-target-language",
            lang,
            "-locations",
            "none",  # line numbers would make every edit elsewhere a change here
            "-silent",
            # English is the source language: its catalogue holds only the plural forms.
            *(["-pluralonly"] if lang == "en" else []),
        ],
        cwd=ROOT,
        check=True,
    )


def _key(message: ET.Element) -> tuple[str, str]:
    return message.findtext("source") or "", message.findtext("comment") or ""


def _translated(message: ET.Element) -> bool:
    t = message.find("translation")
    if t is None or t.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = t.findall("numerusform")
    return all((f.text or "").strip() for f in forms) if forms else bool((t.text or "").strip())


def fix_contexts(ts: Path) -> None:
    """Move misplaced messages to their runtime context and drop what vanished from the code."""
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.findall("context")}

    def context(name: str) -> ET.Element:
        if name not in contexts:
            c = ET.SubElement(root, "context")
            ET.SubElement(c, "name").text = name
            contexts[name] = c
        return contexts[name]

    for name in list(contexts):
        target_name = runtime_context(name)
        if target_name == name:
            continue
        source_ctx = contexts.pop(name)
        root.remove(source_ctx)
        target = context(target_name)
        for message in source_ctx.findall("message"):
            twin = next((m for m in target.findall("message") if _key(m) == _key(message)), None)
            if twin is None:
                target.append(message)
            elif not _translated(twin) and _translated(message):
                target.remove(twin)
                target.append(message)
            if twin is not None:
                _revive(twin)
    # lupdate marks messages it no longer finds "vanished"; a moved twin revives them above.
    for c in list(root.findall("context")):
        for message in c.findall("message"):
            t = message.find("translation")
            if t is not None and t.get("type") in ("vanished", "obsolete"):
                c.remove(message)
        if not c.findall("message"):
            root.remove(c)
    _sort(root)
    ET.indent(tree, space="    ")
    with open(ts, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")


def _revive(message: ET.Element) -> None:
    t = message.find("translation")
    if t is not None and t.get("type") in ("vanished", "obsolete"):
        if _has_text(t):
            del t.attrib["type"]
        else:
            t.set("type", "unfinished")


def _has_text(t: ET.Element) -> bool:
    forms = t.findall("numerusform")
    return all((f.text or "").strip() for f in forms) if forms else bool((t.text or "").strip())


def _sort(root: ET.Element) -> None:
    """Contexts by name, so reruns and merges give the same file."""
    contexts = sorted(root.findall("context"), key=lambda c: c.findtext("name") or "")
    for c in contexts:
        root.remove(c)
    root.extend(contexts)


def lrelease(ts: Path) -> None:
    qm = ts.with_suffix(".qm")
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def extract(ts: Path, lang: str = "de") -> Path:
    """lupdate into `ts` (merging what it already holds) and fix the contexts."""
    lupdate(ts, lang)
    fix_contexts(ts)
    return ts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", type=Path, metavar="OUT.ts", help="only extract into OUT.ts")
    args = parser.parse_args(argv)
    if args.check:
        extract(args.check)
        return 0
    for lang in LANGUAGES:
        ts = HERE / f"dealboard_{lang}.ts"
        extract(ts, lang)
        lrelease(ts)
        print(ts.relative_to(ROOT), "and", ts.with_suffix(".qm").name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
