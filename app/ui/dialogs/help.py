"""Help texts: the funnel vs. pipeline comparison from the seed article, each metric's
definition as app/services/reports.py computes it, and the keyboard shortcuts."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout


def tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def comparison_rows() -> list[tuple[str, str, str]]:
    return [
        (
            tr("Definition"),
            tr("The path a prospect takes from first awareness to a closed sale"),
            tr("A visual representation of the sales prospects and the stage each one is in"),
        ),
        (tr("Interest"), tr("Numbers"), tr("Process")),
        (tr("Unit"), tr("Prospects: companies (leads)"), tr("Deals")),
        (
            tr("Stages"),
            tr("Awareness, Interest, Consideration, Engagement, Conversion"),
            tr("Qualification, Meeting, Proposal, Close"),
        ),
        (
            tr("Procedure"),
            tr(
                "Classify companies into groups, record the last contact, use tags "
                "to set the next actions"
            ),
            tr("Plans, processes, actions and milestones that the system sets as next actions"),
        ),
        (
            tr("Report"),
            tr("Sales forecast from the leads, with conversion rates across the whole process"),
            tr("Number and value of all deals in each stage at the moment the report is made"),
        ),
        (
            tr("Tracks"),
            tr("Leads entered, conversion rate, customer acquisition cost (CAC)"),
            tr("Status of every deal; whether targets are met; no lead gets lost"),
        ),
    ]


def comparison_html() -> str:
    head = (
        f"<h2>{escape(tr('Funnel vs. pipeline'))}</h2><table border='1' cellpadding='6' "
        f"cellspacing='0'><tr><th></th><th>{escape(tr('Funnel'))}</th>"
        f"<th>{escape(tr('Pipeline'))}</th></tr>"
    )
    rows = "".join(
        f"<tr><th align='left'>{escape(a)}</th><td>{escape(b)}</td><td>{escape(c)}</td></tr>"
        for a, b, c in comparison_rows()
    )
    return head + rows + "</table>"


def metric_rows() -> list[tuple[str, str]]:
    """(metric, definition), worded after what app/services/reports.py computes."""
    return [
        (
            tr("Leads entered"),
            tr(
                "Companies whose date entered falls in the period (first to last day, both "
                "included). Companies in the trash are not counted."
            ),
        ),
        (
            tr("Funnel counts (reached)"),
            tr(
                "Of the companies entered in the period, how many reached each funnel stage or "
                "a later one, from the stage history. A company that skipped a stage counts for "
                "it, so the counts narrow from stage to stage by construction."
            ),
        ),
        (
            tr("Stage conversion rate"),
            tr(
                "Reached at this stage ÷ reached at the stage before. The overall conversion "
                "rate is reached at the last stage ÷ reached at the first. Shown as “—” where "
                "the stage before reached none."
            ),
        ),
        (
            tr("New customers"),
            tr("Companies that reached the last funnel stage (Conversion) within the period."),
        ),
        (
            tr("Customer acquisition cost (CAC)"),
            tr(
                "Acquisition spend of the months in the period ÷ new customers in the period. "
                "With no new customers it is shown as “—”."
            ),
        ),
        (
            tr("Pipeline report"),
            tr(
                "For each stage of a pipeline: the number of open deals in it and their total "
                "value, now or as of a past date (read from the stage history). Deals in the "
                "trash are left out."
            ),
        ),
        (
            tr("Weighted value"),
            tr(
                "Σ value × probability over the open deals of a stage. A deal's own probability "
                "counts where it has one, otherwise its stage's default probability."
            ),
        ),
        (
            tr("Win rate"),
            tr(
                "Won ÷ (won + lost) among the deals closed in the period. Shown as “—” when no "
                "deal closed."
            ),
        ),
        (
            tr("Average deal size"),
            tr("The average value of the deals won in the period."),
        ),
        (
            tr("Average sales cycle"),
            tr(
                "The average number of days from a deal's creation to its win, for deals won in the period."
            ),
        ),
        (
            tr("Pipeline velocity"),
            tr(
                "Expected won value per day: open deals × win rate × average deal size ÷ "
                "average sales cycle."
            ),
        ),
        (
            tr("Forecast (pipeline)"),
            tr(
                "Expected won value per month of the expected close date: Σ value × "
                "probability of the open deals expected to close in that month."
            ),
        ),
        (
            tr("Forecast (funnel)"),
            tr(
                "Expected new customers: for every stage before the last, the companies now at "
                "that stage × the historical conversion rate from that stage to the last, added "
                "up."
            ),
        ),
        (
            tr("Target progress"),
            tr(
                "Actual ÷ target for the target's month, quarter or year (won value, won deals, "
                "new leads or completed activities). The projection extends the current pace "
                "to the period's end: actual × days in the period ÷ days elapsed."
            ),
        ),
        (
            tr("Rotting deal"),
            tr(
                "An open deal with no activity for longer than its stage's rotting threshold "
                "(days, set per stage in Settings)."
            ),
        ),
        (
            tr("Next action, last contact"),
            tr(
                "The next action is the earliest open activity of a deal or company; the last "
                "contact is its latest completed one. An open deal without a next action is "
                "flagged."
            ),
        ),
    ]


def metrics_html() -> str:
    rows = "".join(
        f"<tr><th align='left' valign='top'>{escape(name)}</th><td>{escape(text)}</td></tr>"
        for name, text in metric_rows()
    )
    return (
        f"<h2>{escape(tr('How the figures are computed'))}</h2>"
        f"<p>{escape(tr('Money is counted in cents and shown in the home currency. Periods include their first and last day.'))}</p>"
        f"<table border='1' cellpadding='6' cellspacing='0'>{rows}</table>"
    )


def _plain(text: str) -> str:
    """A menu text as a reader sees it: no & mnemonics ("&&" is a real &), no trailing dots."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&").rstrip("…")


def menu_shortcuts(menu_bar) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every menu action that has a shortcut, in menu order."""
    rows = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} → {_plain(action.menu().title())}")
                continue
            keys = [k for k in action.shortcuts() if not k.isEmpty()]
            if keys and not action.isSeparator():
                text = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
                rows.append((path, _plain(action.text()), text))

    for action in menu_bar.actions():
        if action.menu() is not None:
            walk(action.menu(), _plain(action.menu().title()))
    return rows


def view_keys() -> list[tuple[str, str, str]]:
    """Keys the views handle themselves (not menu commands)."""
    ctrl = QKeySequence("Ctrl+Left").toString(QKeySequence.SequenceFormat.NativeText)
    ctrl_right = QKeySequence("Ctrl+Right").toString(QKeySequence.SequenceFormat.NativeText)
    return [
        (tr("Board"), tr("Next or previous stage column"), tr("Left, Right")),
        (
            tr("Board"),
            tr("Move the selected deals one stage left or right"),
            f"{ctrl}, {ctrl_right}",
        ),
        (tr("Board"), tr("Open the deal"), tr("Enter")),
        (tr("Board"), tr("Move the selected deals to the trash"), tr("Delete")),
        (tr("Funnel"), tr("Next or previous stage"), tr("Up, Down")),
        (tr("Funnel"), tr("Show the companies of the stage"), tr("Enter, Space")),
        (tr("Next actions"), tr("Mark the action done"), tr("Space")),
        (tr("Everywhere"), tr("Next or previous field"), tr("Tab, Shift+Tab")),
    ]


def shortcuts_html(window) -> str:
    def table(rows, first: str) -> str:
        head = (
            f"<tr><th align='left'>{escape(first)}</th><th align='left'>{escape(tr('Command'))}"
            f"</th><th align='left'>{escape(tr('Keys'))}</th></tr>"
        )
        body = "".join(
            f"<tr><td>{escape(a)}</td><td>{escape(b)}</td><td><b>{escape(c)}</b></td></tr>"
            for a, b, c in rows
        )
        return f"<table border='1' cellpadding='5' cellspacing='0'>{head}{body}</table>"

    return (
        f"<h2>{escape(tr('Keyboard shortcuts'))}</h2>"
        f"<h3>{escape(tr('Menus'))}</h3>{table(menu_shortcuts(window.menuBar()), tr('Menu'))}"
        f"<h3>{escape(tr('In the views'))}</h3>{table(view_keys(), tr('View'))}"
    )


class HelpDialog(QDialog):
    def __init__(self, title: str, html: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setHtml(html)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
