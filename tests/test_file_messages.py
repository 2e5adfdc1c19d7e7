"""Refused files, failed backups and exports: str() is the English text with its arguments
(what the CLI prints); each message is a FileMessage whose templates are marked for
translation under "FileProblem", with as many arguments as placeholders."""

import ast
import pickle
import re
import sqlite3
from pathlib import Path

import pytest

from app.importing.messages import message_of
from app.services import Services, backup
from app.storage import database, recovery
from app.storage.messages import PATH_SAYS, SENTENCE, FileMessage, without_period

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def not_ours(tmp_path):
    path = tmp_path / "deals.csv"
    path.write_text("title\nOffer\n")
    return path


def test_a_refused_file_says_one_sentence_in_english(not_ours, tmp_path):
    with pytest.raises(database.DatabaseRefused) as info:
        Services.open(not_ours)
    assert str(info.value) == f"{not_ours} is not a Dealboard database (not an SQLite file)."
    sentence = message_of(info.value)
    assert isinstance(sentence, FileMessage) and sentence.template == SENTENCE
    words = sentence.args[0]
    assert words.template == "%1 is not a Dealboard database (not an SQLite file)"
    assert words.args == (not_ours,)
    assert without_period(info.value) is words

    foreign = tmp_path / "other.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(database.DatabaseRefused) as info:
        database.inspect_file(foreign)
    assert str(info.value) == f"{foreign} is an SQLite file but not a Dealboard database."


def test_a_refused_restore_names_the_file_and_why_in_english(not_ours, tmp_path):
    db = tmp_path / "db.sqlite"
    Services.open(db).close()
    with pytest.raises(backup.RestoreRefused) as info:
        backup.restore(db, not_ours)
    assert str(info.value) == (
        f"{not_ours} cannot be restored: {not_ours} is not a Dealboard database "
        "(not an SQLite file)"
    )
    message = message_of(info.value)
    assert message.template == "%1 cannot be restored: %2"
    assert message.args[0] == not_ours and isinstance(message.args[1], FileMessage)

    missing = tmp_path / "gone.sqlite"
    with pytest.raises(backup.RestoreRefused) as info:
        backup.restore(db, missing)
    assert str(info.value) == f"{missing} cannot be restored: {missing}: no such file"

    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    with pytest.raises(backup.RestoreRefused) as info:
        backup.restore(db, empty)
    assert str(info.value) == f"{empty} cannot be restored: the file is empty"


def test_a_truncated_file_says_how_short_it_is(tmp_path):
    db = tmp_path / "db.sqlite"
    s = Services.open(db)
    for i in range(200):
        s.deals.create(f"Deal {i}", notes="x" * 500)
    s.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    with pytest.raises(database.DatabaseRefused) as info:
        database.inspect_file(db, full_check=False)
    half = len(data) // 2
    assert str(info.value) == (
        f"{db} is damaged: the file ends after {half} bytes, {len(data)} expected."
    )
    reason = recovery.verify(db)
    assert reason == str(info.value).removesuffix(".")
    assert reason.args[1].template == "the file ends after %1 bytes, %2 expected"


def test_a_failed_backup_and_export_say_what_in_english(not_ours, tmp_path):
    missing = tmp_path / "missing.sqlite"
    with pytest.raises(backup.BackupFailed) as info:
        backup.make_backup(missing)
    assert str(info.value) == f"{missing}: no such database file"

    from app.export.pdf import ExportError, write

    out = tmp_path / "no such folder" / "report.pdf"
    with pytest.raises(ExportError) as info:
        write(out, b"%PDF-1.4")
    # The system's reason stays as it wrote it; our sentence around it is marked.
    assert str(info.value) == f"Cannot write {out}: No such file or directory."
    assert message_of(info.value).args == (out, "No such file or directory")


def test_words_ending_in_a_period_of_their_own_stay_english_inside_a_sentence():
    """SQLite's words may end in a period: without_period drops both, as the English did."""
    exc = database.DatabaseRefused(
        Path("x"), "corrupt", FileMessage(SENTENCE, FileMessage(PATH_SAYS, "x", "bad page."))
    )
    assert str(exc) == "x: bad page.." and without_period(exc) == "x: bad page"
    assert not isinstance(without_period(exc), FileMessage)
    assert without_period(OSError(2, "No such file or directory")) == (
        "[Errno 2] No such file or directory"
    )


def test_a_message_pickles_as_itself():
    message = FileMessage(PATH_SAYS, Path("/a/b.sqlite"), FileMessage("not a Dealboard database"))
    again = pickle.loads(pickle.dumps(message))
    assert type(again) is FileMessage and again == message and again.args == message.args


# ---- every message is marked ----------------------------------------------------------------
NAMED_TEMPLATES = {"SENTENCE": SENTENCE, "PATH_SAYS": PATH_SAYS}


def _template_calls():
    """(where, template node, argument count) of every FileMessage(…) and _refused(…)."""
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", "")
            skip = {"FileMessage": 0, "_refused": 2}.get(name)
            if skip is None or len(node.args) <= skip:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            yield where, node.args[skip], len(node.args) - skip - 1


def test_every_file_message_marks_its_template_for_translation():
    """lupdate collects only QT_TRANSLATE_NOOP("FileProblem", "literal"): an f-string or a
    bare text would stay English in the German UI."""
    calls = list(_template_calls())
    assert len(calls) >= 15
    for where, marker, count in calls:
        if isinstance(marker, ast.Name) and marker.id in NAMED_TEMPLATES:
            template = NAMED_TEMPLATES[marker.id]
        elif isinstance(marker, ast.Name) and marker.id == "template":
            continue  # _refused passes its caller's marked template on
        else:
            assert isinstance(marker, ast.Call), where
            assert getattr(marker.func, "id", "") == "QT_TRANSLATE_NOOP", where
            context, text = marker.args
            assert isinstance(context, ast.Constant) and context.value == "FileProblem", where
            assert isinstance(text, ast.Constant) and isinstance(text.value, str), where
            template = text.value
        wanted = {int(n) for n in re.findall(r"%(\d)", template)}
        assert wanted == set(range(1, count + 1)), where
