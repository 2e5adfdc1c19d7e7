"""Every string the PDF reports print, in English, with the built-in German until .qm files exist.

The English text is the source; `QT_TRANSLATE_NOOP` marks each one for pyside6-lupdate under
the context "ReportPdf", so a German .qm can replace the table below without code changes.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ReportPdf"


GERMAN: dict[str, str] = {
    # titles and the page frame
    QT_TRANSLATE_NOOP("ReportPdf", "Pipeline report"): "Bericht Verkaufspipeline",
    QT_TRANSLATE_NOOP("ReportPdf", "Funnel report"): "Bericht Verkaufstrichter",
    QT_TRANSLATE_NOOP("ReportPdf", "Sales report pack"): "Vertriebsbericht (Gesamtpaket)",
    QT_TRANSLATE_NOOP("ReportPdf", "Page %1 of %2"): "Seite %1 von %2",
    QT_TRANSLATE_NOOP("ReportPdf", "Period"): "Zeitraum",
    QT_TRANSLATE_NOOP("ReportPdf", "As of"): "Stand",
    QT_TRANSLATE_NOOP("ReportPdf", "Made at"): "Erstellt am",
    QT_TRANSLATE_NOOP("ReportPdf", "Pipeline"): "Pipeline",
    QT_TRANSLATE_NOOP("ReportPdf", "Currency"): "Währung",
    QT_TRANSLATE_NOOP("ReportPdf", "(continued)"): "(Fortsetzung)",
    # sections
    QT_TRANSLATE_NOOP("ReportPdf", "Key figures"): "Kennzahlen",
    QT_TRANSLATE_NOOP("ReportPdf", "Funnel"): "Verkaufstrichter",
    QT_TRANSLATE_NOOP("ReportPdf", "Pipeline by stage"): "Pipeline nach Phase",
    QT_TRANSLATE_NOOP(
        "ReportPdf", "Value and weighted value per stage"
    ): "Wert und gewichteter Wert je Phase",
    QT_TRANSLATE_NOOP(
        "ReportPdf", "Companies reaching each funnel stage"
    ): "Firmen, die jede Trichterphase erreichten",
    QT_TRANSLATE_NOOP("ReportPdf", "Deals created in the period reaching each stage"): (
        "Im Zeitraum angelegte Deals, die jede Phase erreichten"
    ),
    QT_TRANSLATE_NOOP("ReportPdf", "Pipeline conversion"): "Konversion der Pipeline",
    QT_TRANSLATE_NOOP("ReportPdf", "Forecast"): "Prognose",
    QT_TRANSLATE_NOOP("ReportPdf", "Expected won value per month of expected close"): (
        "Erwarteter Abschlusswert je Monat des erwarteten Abschlusses"
    ),
    QT_TRANSLATE_NOOP(
        "ReportPdf", "Won value per month and target"
    ): "Gewonnener Wert je Monat und Ziel",
    QT_TRANSLATE_NOOP("ReportPdf", "Targets"): "Ziele",
    QT_TRANSLATE_NOOP("ReportPdf", "Deals needing attention"): "Deals mit Handlungsbedarf",
    QT_TRANSLATE_NOOP("ReportPdf", "Overdue next action"): "Nächste Aktion überfällig",
    QT_TRANSLATE_NOOP(
        "ReportPdf", "Rotting (no recent activity)"
    ): "Liegengeblieben (keine Aktivität)",
    QT_TRANSLATE_NOOP("ReportPdf", "No next action"): "Keine nächste Aktion",
    QT_TRANSLATE_NOOP("ReportPdf", "Open deals per stage"): "Offene Deals je Phase",
    # key figures
    QT_TRANSLATE_NOOP("ReportPdf", "Open deals"): "Offene Deals",
    QT_TRANSLATE_NOOP("ReportPdf", "Pipeline value"): "Pipelinewert",
    QT_TRANSLATE_NOOP("ReportPdf", "Weighted value"): "Gewichteter Wert",
    QT_TRANSLATE_NOOP("ReportPdf", "Win rate"): "Abschlussquote",
    QT_TRANSLATE_NOOP("ReportPdf", "Average deal size"): "Durchschn. Dealwert",
    QT_TRANSLATE_NOOP("ReportPdf", "Average sales cycle"): "Durchschn. Verkaufszyklus",
    QT_TRANSLATE_NOOP("ReportPdf", "Pipeline velocity per day"): "Pipeline-Tempo pro Tag",
    QT_TRANSLATE_NOOP("ReportPdf", "%1 days"): "%1 Tage",
    QT_TRANSLATE_NOOP("ReportPdf", "Won value"): "Gewonnener Wert",
    QT_TRANSLATE_NOOP("ReportPdf", "Won deals"): "Gewonnene Deals",
    QT_TRANSLATE_NOOP("ReportPdf", "Leads entered"): "Neue Leads",
    QT_TRANSLATE_NOOP("ReportPdf", "New customers"): "Neukunden",
    QT_TRANSLATE_NOOP("ReportPdf", "Overall conversion"): "Gesamtkonversion",
    QT_TRANSLATE_NOOP("ReportPdf", "Acquisition spend"): "Akquisitionskosten",
    QT_TRANSLATE_NOOP("ReportPdf", "Cost per customer (CAC)"): "Kosten je Neukunde (CAC)",
    QT_TRANSLATE_NOOP("ReportPdf", "Expected new customers"): "Erwartete Neukunden",
    QT_TRANSLATE_NOOP("ReportPdf", "Deals created"): "Angelegte Deals",
    # tables and legends
    QT_TRANSLATE_NOOP("ReportPdf", "Stage"): "Phase",
    QT_TRANSLATE_NOOP("ReportPdf", "Deals"): "Deals",
    QT_TRANSLATE_NOOP("ReportPdf", "Value"): "Wert",
    QT_TRANSLATE_NOOP("ReportPdf", "Weighted"): "Gewichtet",
    QT_TRANSLATE_NOOP("ReportPdf", "Title"): "Titel",
    QT_TRANSLATE_NOOP("ReportPdf", "Company"): "Firma",
    QT_TRANSLATE_NOOP("ReportPdf", "Expected close"): "Erw. Abschluss",
    QT_TRANSLATE_NOOP("ReportPdf", "Next action"): "Nächste Aktion",
    QT_TRANSLATE_NOOP("ReportPdf", "Reached"): "Erreicht",
    QT_TRANSLATE_NOOP("ReportPdf", "Conversion"): "Konversion",
    QT_TRANSLATE_NOOP("ReportPdf", "Month"): "Monat",
    QT_TRANSLATE_NOOP("ReportPdf", "Expected value"): "Erwarteter Wert",
    QT_TRANSLATE_NOOP("ReportPdf", "Target"): "Ziel",
    QT_TRANSLATE_NOOP("ReportPdf", "Actual"): "Ist",
    QT_TRANSLATE_NOOP("ReportPdf", "Progress"): "Fortschritt",
    QT_TRANSLATE_NOOP("ReportPdf", "Projection"): "Hochrechnung",
    QT_TRANSLATE_NOOP("ReportPdf", "Idle days"): "Tage ohne Aktivität",
    QT_TRANSLATE_NOOP("ReportPdf", "Total"): "Summe",
    QT_TRANSLATE_NOOP("ReportPdf", "Total (%1 deals)"): "Summe (%1 Deals)",
    QT_TRANSLATE_NOOP("ReportPdf", "… and %1 more"): "… und %1 weitere",
    QT_TRANSLATE_NOOP("ReportPdf", "Won"): "Gewonnen",
    QT_TRANSLATE_NOOP("ReportPdf", "Team"): "Team",
    QT_TRANSLATE_NOOP("ReportPdf", "Individual"): "Individuell",
    QT_TRANSLATE_NOOP("ReportPdf", "on track"): "im Plan",
    QT_TRANSLATE_NOOP("ReportPdf", "behind"): "im Rückstand",
    QT_TRANSLATE_NOOP("ReportPdf", "Due"): "Fällig",
    QT_TRANSLATE_NOOP("ReportPdf", "None."): "Keine.",
    QT_TRANSLATE_NOOP("ReportPdf", "No open deals."): "Keine offenen Deals.",
    QT_TRANSLATE_NOOP(
        "ReportPdf", "No targets for today's periods."
    ): "Keine Ziele für die laufenden Zeiträume.",
    QT_TRANSLATE_NOOP("ReportPdf", "No data in this period."): "Keine Daten in diesem Zeitraum.",
    # target metrics and period kinds
    QT_TRANSLATE_NOOP("ReportPdf", "New leads"): "Neue Leads",
    QT_TRANSLATE_NOOP("ReportPdf", "Activities"): "Aktivitäten",
    QT_TRANSLATE_NOOP("ReportPdf", "month"): "Monat",
    QT_TRANSLATE_NOOP("ReportPdf", "quarter"): "Quartal",
    QT_TRANSLATE_NOOP("ReportPdf", "year"): "Jahr",
}

_ARG = re.compile(r"%(\d)")


def translate(lang: str, source: str, *args: object) -> str:
    """The PDF's text in `lang`; %1, %2 … replaced by args (once, left to right)."""
    if lang == "de":
        text = QCoreApplication.translate(CONTEXT, source)
        if text == source:
            text = GERMAN.get(source, source)
    else:
        # English is the source language, whatever language the GUI runs in.
        text = source
    if args:
        text = _ARG.sub(lambda m: str(args[int(m.group(1)) - 1]), text)
    return text


__all__ = ["CONTEXT", "GERMAN", "translate"]
