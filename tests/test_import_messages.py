"""What an import says is an English Message marked for translation: str() is the text the
CLI printed before (byte for byte), every problem and notice carries a template with a
finished German translation, and every site in the code marks its template."""

from __future__ import annotations

import ast
import pickle
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.importing.csvformat import AND_MORE, AT_CELL, AT_LINE, CsvError, Problem
from app.importing.messages import QUOTED, Message, Names, QuotedNames
from app.services import fill, importer

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*sorted((ROOT / "app" / "importing").glob("*.py")), ROOT / "app/services/importer.py"]
CONTEXT = "ImportProblem"

# Each file makes the importer say something; the English lines are those the importer
# printed before its messages became templates (str(ImportFailed), or the notices).
CASES = [
    pytest.param(
        "deals",
        b"\xef\xbb\xbftitle\nA\xff\n",
        {},
        {},
        [
            'line 2: Byte 0xFF at offset 10 is not valid UTF-8 text; save the file as "CSV UTF-8" and import it again',
        ],
        id="utf8_bom",
    ),
    pytest.param(
        "deals",
        b"\xff\xfet\x00\n\x00\x00\xd8x\x00",
        {},
        {},
        [
            'line 2: Byte 0x00 at offset 6 is not valid UTF-16 text; save the file as "CSV UTF-8" and import it again',
        ],
        id="utf16",
    ),
    pytest.param(
        "deals",
        b"title\nA\x81\x81\n",
        {},
        {},
        [
            'line 2: Byte 0x81 at offset 7 is not valid UTF-8 or Windows-1252 text; save the file as "CSV UTF-8" and import it again',
        ],
        id="cp1252",
    ),
    pytest.param(
        "deals",
        b'title;value\n"A;1\n',
        {},
        {},
        [
            'line 2: A quoted value starting on this line is never closed (a " is missing)',
        ],
        id="unclosed",
    ),
    pytest.param(
        "deals",
        b"\n \n",
        {},
        {},
        [
            "line 1: The file is empty: no header line found",
        ],
        id="empty",
    ),
    pytest.param(
        "deals",
        b"title,value\nA,1,2\n",
        {},
        {},
        [
            "line 2: This row has 3 cells but the header has 2; a value probably contains an unquoted comma",
        ],
        id="wide_comma",
    ),
    pytest.param(
        "deals",
        b"title;value\nA;1;2;3\n",
        {},
        {},
        [
            "line 2: This row has 4 cells but the header has 2; a value probably contains an unquoted semicolon",
        ],
        id="wide_semicolon",
    ),
    pytest.param(
        "deals",
        b"title\tvalue\nA\t1\t2\n",
        {},
        {},
        [
            "line 2: This row has 3 cells but the header has 2; a value probably contains an unquoted tab",
        ],
        id="wide_tab",
    ),
    pytest.param(
        "deals",
        b"title;value\nA;1\n",
        {},
        {"Nope": "title"},
        [
            'line 1, column "Nope": The file has no column "Nope" to import as "title"; its columns are "title", "value"',
        ],
        id="no_column_to_map",
    ),
    pytest.param(
        "deals",
        b"title;value\nA;1\n",
        {},
        {"Nope": None},
        [
            'line 1, column "Nope": The file has no column "Nope" to ignore; its columns are "title", "value"',
        ],
        id="no_column_to_ignore",
    ),
    pytest.param(
        "deals",
        b"title;value\nA;1\n",
        {},
        {"value": "colour"},
        [
            'line 1, column "value": Column "value" cannot be imported as "colour": deals have no such field (they have title, value, currency, company, contact, stage, status, expected_close, created, closed, probability, lost_reason, pipeline, tags, notes)',
        ],
        id="no_field_deals",
    ),
    pytest.param(
        "companies",
        b"name;x\nA;1\n",
        {},
        {"x": "colour"},
        [
            'line 1, column "x": Column "x" cannot be imported as "colour": companies have no such field (they have name, group, funnel_stage, source, entered_on, tags, notes)',
        ],
        id="no_field_companies",
    ),
    pytest.param(
        "contacts",
        b"name;x\nA;1\n",
        {},
        {"x": "owner"},
        [
            'line 1, column "x": Column "x" cannot be imported as "owner": contacts have no such field (they have name, first_name, last_name, email, phone, role, company)',
        ],
        id="no_field_contacts",
    ),
    pytest.param(
        "deals",
        b"title;a;b\nA;1;2\n",
        {},
        {"a": "value", "b": "value"},
        [
            'line 1, column "a": Columns "a" and "b" are both imported as "value", which takes one column: import one of them and ignore the others',
        ],
        id="shared_both",
    ),
    pytest.param(
        "deals",
        b"title;a;b;c\nA;1;2;3\n",
        {},
        {"a": "value", "b": "value", "c": "value"},
        [
            'line 1, column "a": Columns "a", "b" and "c" are all imported as "value", which takes one column: import one of them and ignore the others',
        ],
        id="shared_all",
    ),
    pytest.param(
        "deals",
        b"name;value\nA;1\n",
        {},
        {},
        [
            'line 1: No column for the deal title: the header needs one of "title", "Deal - Title", "Deal Name", "Titel", "Deal - Titel", "Deal"',
        ],
        id="no_title",
    ),
    pytest.param(
        "companies",
        b"x;group\nA;1\n",
        {},
        {},
        [
            'line 1: No column for the company name: the header needs one of "name", "Organization - Name", "Company name", "Name", "Firma", "Firmenname", "Unternehmen", "Organisation", "Organisation - Name"',
        ],
        id="no_name",
    ),
    pytest.param(
        "contacts",
        b"x;email\nA;a@b.c\n",
        {},
        {},
        [
            'line 1: No column for the contact name: the header needs one of "name", "Person - Name" or "First Name" / "Last Name"',
        ],
        id="no_contact_name",
    ),
    pytest.param(
        "deals",
        b"title;value;status;probability;currency;expected_close\nA;12,3x;deleted;150;Euro;31.02.2026\nB;1,2345;;;;2026-13-01\nC;1.234.567.890.123;;;;0000-01-01\n;1;;;;2026-01-01 25:00\nE;1;;;;tomorrow\nF;-5;;;USD;\n",
        {},
        {},
        [
            'line 2, column "value": Value must be an amount such as 1.234,56 (got "12,3x")',
            'line 2, column "status": Status must be open, won or lost (got "deleted")',
            'line 2, column "probability": Probability must be a percentage from 0 to 100 (got "150")',
            'line 2, column "currency": Currency must be a three-letter code such as EUR (got "Euro")',
            'line 2, column "expected_close": Date "31.02.2026" does not exist (day is out of range for month); write dates as 2026-12-31, 31.12.2026 or, month first, 12/31/2026',
            'line 3, column "value": Value must have at most 2 decimal places (got "1,2345")',
            'line 3, column "expected_close": Date "2026-13-01" does not exist (month must be in 1..12); write dates as 2026-12-31, 31.12.2026 or, month first, 12/31/2026',
            'line 4, column "value": Value is too large: at most 99,999,999,999.99 (got "1.234.567.890.123")',
            'line 4, column "expected_close": Date "0000-01-01" does not exist (year 0 is out of range); write dates as 2026-12-31, 31.12.2026 or, month first, 12/31/2026',
            'line 5, column "expected_close": Date "2026-01-01 25:00" does not exist (the time is out of range); write dates as 2026-12-31, 31.12.2026 or, month first, 12/31/2026',
            'line 5, column "title": Title must not be empty',
            'line 6, column "expected_close": Date must be written as 2026-12-31, 31.12.2026 or, month first, 12/31/2026 (got "tomorrow")',
            'line 7, column "value": Value must not be negative (got "-5")',
            'line 7, column "currency": Currency "USD" is not this database\'s EUR; convert the values to EUR first',
        ],
        id="values",
    ),
    pytest.param(
        "contacts",
        b"name;email;company\nAnna;not an address;ACME\n",
        {},
        {},
        [
            'line 2, column "email": Email must be an address such as anna@example.com (got "not an address")',
        ],
        id="emails",
    ),
    pytest.param(
        "companies",
        b"name;group\n;A\n",
        {},
        {},
        [
            'line 2, column "name": Name must not be empty',
        ],
        id="company_name_empty",
    ),
    pytest.param(
        "deals",
        b"title;stage\nA;X\n",
        {"X": "Nope"},
        {},
        [
            'line 1, column "stage": The stage mapping "X=Nope" names no stage of ours (known: Qualification, Meeting, Proposal, Close, Intro, Signed, Closed Won, Closed Lost)',
        ],
        id="bad_mapping",
    ),
    pytest.param(
        "deals",
        b"title;stage\nA;Somewhere\n",
        {},
        {},
        [
            'line 2, column "stage": Stage "Somewhere" is not one of ours; pipeline "Sales" knows Qualification, Meeting, Proposal, Close (and Closed Won, Closed Lost for the status)',
        ],
        id="unknown_stage",
    ),
    pytest.param(
        "deals",
        b"title;stage;status\nA;Closed Won;lost\nB;closedlost;open\n",
        {},
        {},
        [
            'line 2, column "status": Status "lost" contradicts stage "Closed Won", which means won',
            'line 3, column "status": Status "open" contradicts stage "closedlost", which means lost',
        ],
        id="contradiction",
    ),
    pytest.param(
        "deals",
        b"title;contact\nA;Nobody\n",
        {},
        {},
        [
            'line 2, column "contact": Contact "Nobody" matches no contact of ours, and a new contact needs a company: fill in the company column',
        ],
        id="contact_needs_company",
    ),
    pytest.param(
        "contacts",
        b"name;company\nNobody;\n",
        {},
        {},
        [
            'line 2, column "company": Contact "Nobody" matches no contact of ours, and a new contact needs a company: fill in the company column',
        ],
        id="contact_needs_company_contacts",
    ),
    pytest.param(
        "companies",
        b"name;funnel_stage\nA;Nowhere\n",
        {},
        {},
        [
            'line 2, column "funnel_stage": Funnel stage "Nowhere" is not one of ours (Awareness, Interest, Consideration, Engagement, Conversion)',
        ],
        id="funnel_unknown",
    ),
    pytest.param(
        "companies",
        b"name;funnel_stage\nA;Nowhere\n",
        {"Nowhere": "Nope"},
        {},
        [
            'line 1, column "funnel_stage": The stage mapping "Nowhere=Nope" names no stage of ours (known: Awareness, Interest, Consideration, Engagement, Conversion)',
        ],
        id="funnel_bad_mapping",
    ),
    pytest.param(
        "deals",
        b"title;pipeline;stage\nA;Partners;X\n",
        {"X": "Qualification"},
        {},
        [
            'line 2, column "stage": Stage "X" is mapped to "Qualification", which is no stage of pipeline "Partners" (known: Intro, Signed)',
        ],
        id="mapped_to_other_pipeline",
    ),
    pytest.param(
        "deals",
        b"title;pipeline\nA;Elsewhere\nB;Elsewhere\n",
        {},
        {},
        [
            'notice: Pipeline "Elsewhere" is not one of ours ("Sales", "Partners"); its deals go into "Sales"',
        ],
        id="pipeline_notice",
    ),
    pytest.param(
        "companies",
        b"name\nACME\nacme\nACME\n",
        {},
        {},
        [
            "notice: Line 3 repeats the company of line 2; it is imported once",
            "notice: Line 4 repeats the company of line 2; it is imported once",
        ],
        id="repeated_company",
    ),
]


@pytest.fixture
def services(services):
    """A second pipeline, so a stage can be mapped to one of another pipeline."""
    services.stages.add_pipeline("Partners", [("Intro", 10, 14), ("Signed", 90, 14)])
    return services


def _said(services, kind, data, stage_map, columns) -> tuple[list[str], list[Problem], list]:
    """(English lines, problems, notices) of a dry run."""
    try:
        summary = importer.preview(services, data, kind, stage_map, columns=columns)
    except importer.ImportFailed as exc:
        return str(exc).splitlines(), exc.problems, []
    return [f"notice: {n}" for n in summary.notices], [], summary.notices


def _german() -> dict[str, str]:
    """Source → finished German translation of the context "ImportProblem"."""
    root = ET.parse(ROOT / "resources/translations/dealboard_de.ts").getroot()
    found = {}
    for context in root.iter("context"):
        if context.findtext("name") == CONTEXT:
            for message in context.findall("message"):
                translation = message.find("translation")
                if translation.get("type") is None and (translation.text or "").strip():
                    found[message.findtext("source")] = translation.text
    return found


def _messages(text: str):
    """A Message and the Messages among its arguments, depth first."""
    assert isinstance(text, Message), repr(text)
    yield text
    for arg in text.args:
        if isinstance(arg, Message):
            yield from _messages(arg)


@pytest.mark.parametrize(("kind", "data", "stage_map", "columns", "english"), CASES)
def test_the_english_text_is_unchanged_and_every_message_is_translated(
    services, kind, data, stage_map, columns, english
):
    lines, problems, notices = _said(services, kind, data, stage_map, columns)
    assert lines == english
    german = _german()
    for text in [p.message for p in problems] + notices:
        for message in _messages(text):
            assert message.template in german, message.template
            assert str(message) == fill(message.template, [str(a) for a in message.args])
            wanted = {int(n) for n in re.findall(r"%(\d)", message.template)}
            assert wanted == set(range(1, len(message.args) + 1)), message.template
    for template in (AT_CELL, AT_LINE, AND_MORE, QUOTED):
        assert template in german


def test_a_problem_compares_pickles_and_prints_as_its_english_text(services):
    data = b"title;value\nA;12,3x\n"
    with pytest.raises(importer.ImportFailed) as info:
        importer.preview(services, data, "deals")
    problem = info.value.problems[0]
    english = 'Value must be an amount such as 1.234,56 (got "12,3x")'
    assert problem == Problem(2, "value", english) and problem.message == english
    assert str(problem) == f'line 2, column "value": {english}'
    assert problem.message.template == '%1 must be an amount such as 1.234,56 (got "%2")'
    assert problem.message.args == ("Value", "12,3x")
    again = pickle.loads(pickle.dumps(info.value))
    assert isinstance(again, CsvError) and again.problems == info.value.problems
    assert again.problems[0].message.args == ("Value", "12,3x")
    assert str(again) == str(info.value)


def test_our_names_are_listed_as_the_english_text_lists_them():
    assert str(Names(["Lead", "Close"])) == "Lead, Close"
    assert str(QuotedNames(["Sales", "Partners"])) == '"Sales", "Partners"'
    message = Message("%1 is not %2", "100%2", Names(["Sales"]))
    assert message == "100%2 is not Sales"  # arguments are filled in one pass


# --- every site marks its template ---------------------------------------------------------


def _calls(tree: ast.AST, name: str):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if getattr(func, "id", None) == name or getattr(func, "attr", None) == name:
                yield node


def _marked(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"


def _templates(tree: ast.AST) -> dict[str, list[str]]:
    """Names bound to marked templates (TEMPLATE = QT_TRANSLATE_NOOP(…), or a dict of them)."""
    bound: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            values = node.value.values if isinstance(node.value, ast.Dict) else [node.value]
            if values and all(_marked(v) for v in values):
                bound.setdefault(node.targets[0].id, []).extend(v.args[1].value for v in values)
    return bound


def _english_text(node: ast.AST) -> bool:
    """A text written out here rather than a marked template."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr | ast.BinOp):
        return True
    return isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "format"


# Refusals meant for a programmer or the command line's own syntax, never for the dialog.
ENGLISH_ONLY = {"_check_kind", "write_csv", "__init__", "parse_stage_map"}
# Calls that take a template and its arguments: where the template is among the arguments.
TEMPLATE_AT = {"Message": 0, "say": 0, "notice": 0, "problem": 2}
# The planner's helpers pass on what their callers gave them (checked at the callers).
FORWARDERS = {"say", "notice", "problem"}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_message_site_marks_its_template_for_translation(path):
    """lupdate collects only QT_TRANSLATE_NOOP("ImportProblem", "literal"): an f-string would
    stay English in the German dialog, and a template without its arguments would show %1."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT)
    for call in _calls(tree, "QT_TRANSLATE_NOOP"):
        context, template = call.args
        assert context.value == CONTEXT, f"{where}:{call.lineno}"
        assert isinstance(template, ast.Constant) and isinstance(template.value, str)
    bound = _templates(tree)
    forwarding = {
        id(node)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef) and function.name in FORWARDERS
        for node in ast.walk(function)
    }
    for name, index in TEMPLATE_AT.items():
        for call in _calls(tree, name):
            if id(call) in forwarding:
                continue
            at = f"{where}:{call.lineno}"
            first = call.args[index]
            if _marked(first):
                templates = [first.args[1].value]
            else:
                bound_name = first.value if isinstance(first, ast.Subscript) else first
                templates = bound.get(getattr(bound_name, "id", ""))
            assert templates, f"{at}: {name}() needs a marked template"
            assert not any(isinstance(a, ast.Starred) for a in call.args), at
            for template in templates:
                wanted = {int(n) for n in re.findall(r"%(\d)", template)}
                assert wanted == set(range(1, len(call.args) - index)), at
    for name in ("Problem", "ColumnProblem"):
        for call in _calls(tree, name):
            assert not _english_text(call.args[2]), f"{where}:{call.lineno}"
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef) or function.name in ENGLISH_ONLY:
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Raise) and _an_error(node.exc):
                assert not any(map(_english_text, node.exc.args)), f"{where}:{node.lineno}"


def _an_error(node: ast.AST | None) -> bool:
    """ValueError(…), ImportFailed(…) or type(exc)(…): an exception built here, not a helper's."""
    if not isinstance(node, ast.Call):
        return False
    name = getattr(node.func, "id", "")
    return isinstance(node.func, ast.Call) or name.endswith(("Error", "Failed"))


def test_the_check_finds_the_sites():
    count = sum(
        len(list(_calls(ast.parse(p.read_text(encoding="utf-8")), "QT_TRANSLATE_NOOP")))
        for p in SOURCES
    )
    assert count > 50
