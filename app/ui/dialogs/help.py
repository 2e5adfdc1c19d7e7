"""Help texts: the funnel vs. pipeline comparison from the seed article, and About."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout


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
