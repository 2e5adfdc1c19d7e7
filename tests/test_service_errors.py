"""ServiceError: str() is the English text with its arguments; every message in app/ is an
English template marked for translation, with as many arguments as placeholders."""

import ast
import re
from pathlib import Path

import pytest

from app.domain.money import MAX_MINOR, Amount
from app.services import ServiceError

ROOT = Path(__file__).resolve().parent.parent


def test_str_is_the_english_text_with_its_arguments(services):
    stages = services.stages.pipeline_stages(1)
    services.stages.add_pipeline("Partners", [(n, p, r) for _, n, p, r in stages])
    with pytest.raises(ServiceError) as info:
        services.stages.add_pipeline("Partners", [("Lead", 10, 14)])
    assert str(info.value) == 'A pipeline named "Partners" exists already.'
    assert info.value.template == 'A pipeline named "%1" exists already.'
    assert info.value.params == ("Partners",)
    deal = services.deals.create("Offer")
    with pytest.raises(ServiceError) as info:
        services.deals.update(deal, value_minor=MAX_MINOR + 1)
    assert str(info.value) == "Value is too large: at most 99,999,999,999.99."
    with pytest.raises(ServiceError) as info:
        services.stages.pipeline_id("Nope")
    assert str(info.value) == 'No pipeline named "Nope" (known: Sales, Partners).'


def test_arguments_are_filled_in_one_pass():
    exc = ServiceError('"%1" is not %2.', "100%2", Amount(-123456))
    assert str(exc) == '"100%2" is not -1,234.56.'
    assert str(ServiceError("No arguments, 100%1 as written.")) == (
        "No arguments, 100%1 as written."
    )


def _service_error_calls():
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ServiceError":
                yield path.relative_to(ROOT), node


def test_every_service_error_marks_its_template_for_translation():
    """lupdate collects only QT_TRANSLATE_NOOP("ServiceError", "literal"): an f-string or a
    bare text would stay English in the German UI."""
    calls = list(_service_error_calls())
    assert len(calls) > 40
    for path, call in calls:
        where = f"{path}:{call.lineno}"
        marker = call.args[0] if call.args else None
        assert isinstance(marker, ast.Call) and getattr(marker.func, "id", "") == (
            "QT_TRANSLATE_NOOP"
        ), where
        context, template = marker.args
        assert isinstance(context, ast.Constant) and context.value == "ServiceError", where
        assert isinstance(template, ast.Constant) and isinstance(template.value, str), where
        wanted = {int(n) for n in re.findall(r"%(\d)", template.value)}
        assert wanted == set(range(1, len(call.args))), where
