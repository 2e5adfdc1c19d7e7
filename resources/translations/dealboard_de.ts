<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>Won</source>
            <translation>Gewonnen</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>Verloren</translation>
        </message>
        <message>
            <source>No next action</source>
            <translation>Ohne nächste Aktion</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>überfällig</translation>
        </message>
        <message>
            <source>today</source>
            <translation>heute</translation>
        </message>
        <message>
            <source>rotting</source>
            <translation>liegengeblieben</translation>
        </message>
        <message>
            <source>Definition</source>
            <translation>Definition</translation>
        </message>
        <message>
            <source>The path a prospect takes from first awareness to a closed sale</source>
            <translation>Der Weg eines Interessenten vom ersten Kontakt bis zum Abschluss</translation>
        </message>
        <message>
            <source>A visual representation of the sales prospects and the stage each one is in</source>
            <translation>Eine Übersicht der Verkaufschancen und der Phase, in der sich jede befindet</translation>
        </message>
        <message>
            <source>Interest</source>
            <translation>Schwerpunkt</translation>
        </message>
        <message>
            <source>Numbers</source>
            <translation>Zahlen</translation>
        </message>
        <message>
            <source>Process</source>
            <translation>Prozess</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Einheit</translation>
        </message>
        <message>
            <source>Prospects: companies (leads)</source>
            <translation>Interessenten: Firmen (Leads)</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>Deals</translation>
        </message>
        <message>
            <source>Stages</source>
            <translation>Phasen</translation>
        </message>
        <message>
            <source>Awareness, Interest, Consideration, Engagement, Conversion</source>
            <translation>Bewusstsein, Interesse, Erwägung, Engagement, Konversion</translation>
        </message>
        <message>
            <source>Qualification, Meeting, Proposal, Close</source>
            <translation>Qualifikation, Treffen, Angebot, Abschluss</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>Vorgehen</translation>
        </message>
        <message>
            <source>Classify companies into groups, record the last contact, use tags to set the next actions</source>
            <translation>Firmen in Gruppen einteilen, den letzten Kontakt festhalten, mit Tags die nächsten Aktionen setzen</translation>
        </message>
        <message>
            <source>Plans, processes, actions and milestones that the system sets as next actions</source>
            <translation>Pläne, Abläufe, Aktionen und Meilensteine, die das System als nächste Aktionen setzt</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Bericht</translation>
        </message>
        <message>
            <source>Sales forecast from the leads, with conversion rates across the whole process</source>
            <translation>Umsatzprognose aus den Leads, mit Konversionsraten über den ganzen Prozess</translation>
        </message>
        <message>
            <source>Number and value of all deals in each stage at the moment the report is made</source>
            <translation>Anzahl und Wert aller Deals je Phase zum Zeitpunkt des Berichts</translation>
        </message>
        <message>
            <source>Tracks</source>
            <translation>Misst</translation>
        </message>
        <message>
            <source>Leads entered, conversion rate, customer acquisition cost (CAC)</source>
            <translation>Neue Leads, Konversionsrate, Kundenakquisitionskosten (CAC)</translation>
        </message>
        <message>
            <source>Status of every deal; whether targets are met; no lead gets lost</source>
            <translation>Status jedes Deals; ob die Ziele erreicht werden; kein Lead geht verloren</translation>
        </message>
        <message>
            <source>Leads entered</source>
            <translation>Neue Leads</translation>
        </message>
        <message>
            <source>Companies whose date entered falls in the period (first to last day, both included). Companies in the trash are not counted.</source>
            <translation>Firmen, deren Eingangsdatum im Zeitraum liegt (erster bis letzter Tag, beide eingeschlossen). Firmen im Papierkorb zählen nicht.</translation>
        </message>
        <message>
            <source>Funnel counts (reached)</source>
            <translation>Trichterzahlen (erreicht)</translation>
        </message>
        <message>
            <source>Of the companies entered in the period, how many reached each funnel stage or a later one, from the stage history. A company that skipped a stage counts for it, so the counts narrow from stage to stage by construction.</source>
            <translation>Wie viele der im Zeitraum eingegangenen Firmen jede Trichterphase oder eine spätere erreicht haben, aus dem Phasenverlauf. Eine Firma, die eine Phase übersprungen hat, zählt für diese mit; so werden die Zahlen von Phase zu Phase zwangsläufig kleiner.</translation>
        </message>
        <message>
            <source>Stage conversion rate</source>
            <translation>Konversionsrate je Phase</translation>
        </message>
        <message>
            <source>Reached at this stage ÷ reached at the stage before. The overall conversion rate is reached at the last stage ÷ reached at the first. Shown as “—” where the stage before reached none.</source>
            <translation>Erreicht in dieser Phase ÷ erreicht in der Phase davor. Die Gesamtkonversion ist erreicht in der letzten Phase ÷ erreicht in der ersten. „—“, wo die Phase davor niemand erreicht hat.</translation>
        </message>
        <message>
            <source>New customers</source>
            <translation>Neukunden</translation>
        </message>
        <message>
            <source>Companies that reached the last funnel stage (Conversion) within the period.</source>
            <translation>Firmen, die im Zeitraum die letzte Trichterphase (Konversion) erreicht haben.</translation>
        </message>
        <message>
            <source>Customer acquisition cost (CAC)</source>
            <translation>Kundenakquisitionskosten (CAC)</translation>
        </message>
        <message>
            <source>Acquisition spend of the months in the period ÷ new customers in the period. With no new customers it is shown as “—”.</source>
            <translation>Akquisitionskosten der Monate im Zeitraum ÷ Neukunden im Zeitraum. Ohne Neukunden wird „—“ angezeigt.</translation>
        </message>
        <message>
            <source>Pipeline report</source>
            <translation>Pipelinebericht</translation>
        </message>
        <message>
            <source>For each stage of a pipeline: the number of open deals in it and their total value, now or as of a past date (read from the stage history). Deals in the trash are left out.</source>
            <translation>Für jede Phase einer Pipeline: die Zahl der offenen Deals darin und ihr Gesamtwert, jetzt oder zu einem früheren Stichtag (aus dem Phasenverlauf gelesen). Deals im Papierkorb bleiben außen vor.</translation>
        </message>
        <message>
            <source>Weighted value</source>
            <translation>Gewichteter Wert</translation>
        </message>
        <message>
            <source>Σ value × probability over the open deals of a stage. A deal's own probability counts where it has one, otherwise its stage's default probability.</source>
            <translation>Σ Wert × Wahrscheinlichkeit über die offenen Deals einer Phase. Es zählt die eigene Wahrscheinlichkeit eines Deals, sonst die Standardwahrscheinlichkeit seiner Phase.</translation>
        </message>
        <message>
            <source>Win rate</source>
            <translation>Abschlussquote</translation>
        </message>
        <message>
            <source>Won ÷ (won + lost) among the deals closed in the period. Shown as “—” when no deal closed.</source>
            <translation>Gewonnen ÷ (gewonnen + verloren) unter den im Zeitraum abgeschlossenen Deals. „—“, wenn kein Deal abgeschlossen wurde.</translation>
        </message>
        <message>
            <source>Average deal size</source>
            <translation>Durchschn. Dealwert</translation>
        </message>
        <message>
            <source>The average value of the deals won in the period.</source>
            <translation>Der durchschnittliche Wert der im Zeitraum gewonnenen Deals.</translation>
        </message>
        <message>
            <source>Average sales cycle</source>
            <translation>Durchschn. Verkaufszyklus</translation>
        </message>
        <message>
            <source>The average number of days from a deal's creation to its win, for deals won in the period.</source>
            <translation>Die durchschnittliche Zahl der Tage von der Anlage eines Deals bis zu seinem Gewinn, für im Zeitraum gewonnene Deals.</translation>
        </message>
        <message>
            <source>Pipeline velocity</source>
            <translation>Pipeline-Tempo</translation>
        </message>
        <message>
            <source>Expected won value per day: open deals × win rate × average deal size ÷ average sales cycle.</source>
            <translation>Erwarteter gewonnener Wert pro Tag: offene Deals × Abschlussquote × durchschn. Dealwert ÷ durchschn. Verkaufszyklus.</translation>
        </message>
        <message>
            <source>Forecast (pipeline)</source>
            <translation>Prognose (Pipeline)</translation>
        </message>
        <message>
            <source>Expected won value per month of the expected close date: Σ value × probability of the open deals expected to close in that month.</source>
            <translation>Erwarteter gewonnener Wert je Monat des erwarteten Abschlussdatums: Σ Wert × Wahrscheinlichkeit der offenen Deals, deren Abschluss in diesem Monat erwartet wird.</translation>
        </message>
        <message>
            <source>Forecast (funnel)</source>
            <translation>Prognose (Trichter)</translation>
        </message>
        <message>
            <source>Expected new customers: for every stage before the last, the companies now at that stage × the historical conversion rate from that stage to the last, added up.</source>
            <translation>Erwartete Neukunden: für jede Phase vor der letzten die Firmen, die jetzt in dieser Phase sind, × die bisherige Konversionsrate von dieser Phase bis zur letzten, aufsummiert.</translation>
        </message>
        <message>
            <source>Target progress</source>
            <translation>Zielerreichung</translation>
        </message>
        <message>
            <source>Actual ÷ target for the target's month, quarter or year (won value, won deals, new leads or completed activities). The projection extends the current pace to the period's end: actual × days in the period ÷ days elapsed.</source>
            <translation>Ist ÷ Ziel für den Monat, das Quartal oder das Jahr des Ziels (gewonnener Wert, gewonnene Deals, neue Leads oder erledigte Aktivitäten). Die Hochrechnung setzt das bisherige Tempo bis zum Ende des Zeitraums fort: Ist × Tage im Zeitraum ÷ vergangene Tage.</translation>
        </message>
        <message>
            <source>Rotting deal</source>
            <translation>Liegengebliebener Deal</translation>
        </message>
        <message>
            <source>An open deal with no activity for longer than its stage's rotting threshold (days, set per stage in Settings).</source>
            <translation>Ein offener Deal ohne Aktivität seit mehr Tagen, als seine Phase erlaubt (je Phase in den Einstellungen festgelegt).</translation>
        </message>
        <message>
            <source>Next action, last contact</source>
            <translation>Nächste Aktion, letzter Kontakt</translation>
        </message>
        <message>
            <source>The next action is the earliest open activity of a deal or company; the last contact is its latest completed one. An open deal without a next action is flagged.</source>
            <translation>Die nächste Aktion ist die früheste offene Aktivität eines Deals oder einer Firma; der letzte Kontakt ist die zuletzt erledigte. Ein offener Deal ohne nächste Aktion wird markiert.</translation>
        </message>
        <message>
            <source>Board</source>
            <translation>Board</translation>
        </message>
        <message>
            <source>Next or previous stage column</source>
            <translation>Nächste oder vorherige Phasenspalte</translation>
        </message>
        <message>
            <source>Left, Right</source>
            <translation>Pfeil links, Pfeil rechts</translation>
        </message>
        <message>
            <source>Move the selected deals one stage left or right</source>
            <translation>Gewählte Deals eine Phase nach links oder rechts verschieben</translation>
        </message>
        <message>
            <source>Open the deal</source>
            <translation>Deal öffnen</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Eingabe</translation>
        </message>
        <message>
            <source>Move the selected deals to the trash</source>
            <translation>Gewählte Deals in den Papierkorb verschieben</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Entf</translation>
        </message>
        <message>
            <source>Funnel</source>
            <translation>Trichter</translation>
        </message>
        <message>
            <source>Next or previous stage</source>
            <translation>Nächste oder vorherige Phase</translation>
        </message>
        <message>
            <source>Up, Down</source>
            <translation>Pfeil hoch, Pfeil runter</translation>
        </message>
        <message>
            <source>Show the companies of the stage</source>
            <translation>Die Firmen der Phase zeigen</translation>
        </message>
        <message>
            <source>Enter, Space</source>
            <translation>Eingabe, Leertaste</translation>
        </message>
        <message>
            <source>Next actions</source>
            <translation>Nächste Aktionen</translation>
        </message>
        <message>
            <source>Mark the action done</source>
            <translation>Aktion als erledigt markieren</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>Leertaste</translation>
        </message>
        <message>
            <source>Everywhere</source>
            <translation>Überall</translation>
        </message>
        <message>
            <source>Next or previous field</source>
            <translation>Nächstes oder vorheriges Feld</translation>
        </message>
        <message>
            <source>Tab, Shift+Tab</source>
            <translation>Tab, Umschalt+Tab</translation>
        </message>
        <message>
            <source>Export report</source>
            <translation>Bericht exportieren</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF-Dateien (*.pdf)</translation>
        </message>
        <message>
            <source>Backup failed: %1</source>
            <translation>Sicherung fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>Backup saved</source>
            <translation>Sicherung gespeichert</translation>
        </message>
        <message>
            <source>Restored. The previous file was kept as %1</source>
            <translation>Wiederhergestellt. Die vorherige Datei wurde als %1 aufbewahrt</translation>
        </message>
        <message>
            <source>Restore from &amp;backup…</source>
            <translation>Aus &amp;Sicherung wiederherstellen…</translation>
        </message>
        <message>
            <source>Back up &amp;now</source>
            <translation>&amp;Jetzt sichern</translation>
        </message>
        <message>
            <source>No backup could be made before the import (%1). Import anyway?</source>
            <translation>Vor dem Import konnte keine Sicherung angelegt werden (%1). Trotzdem importieren?</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;Importieren…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Exportieren…</translation>
        </message>
        <message>
            <source>The change could not be saved: %1</source>
            <translation>Die Änderung konnte nicht gespeichert werden: %1</translation>
        </message>
    </context>
    <context>
        <name>Activity</name>
        <message>
            <source>Call</source>
            <translation>Anruf</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Termin</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>Aufgabe</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Notiz</translation>
        </message>
        <message>
            <source>Action tag</source>
            <translation>Aktions-Tag</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Offen</translation>
        </message>
        <message>
            <source>Won</source>
            <translation>Gewonnen</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>Verloren</translation>
        </message>
    </context>
    <context>
        <name>BoardView</name>
        <message>
            <source>Pipeline</source>
            <translation>Pipeline</translation>
        </message>
        <message>
            <source>Filter by title, company or tag</source>
            <translation>Nach Titel, Firma oder Tag filtern</translation>
        </message>
        <message>
            <source>Filter deals</source>
            <translation>Deals filtern</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Überfällig</translation>
        </message>
        <message>
            <source>Rotting</source>
            <translation>Liegengeblieben</translation>
        </message>
        <message>
            <source>No next action</source>
            <translation>Ohne nächste Aktion</translation>
        </message>
        <message>
            <source>Show closed</source>
            <translation>Abgeschlossene zeigen</translation>
        </message>
        <message>
            <source>Won — drop here</source>
            <translation>Gewonnen — hier ablegen</translation>
        </message>
        <message>
            <source>Lost — drop here</source>
            <translation>Verloren — hier ablegen</translation>
        </message>
        <message>
            <source>Edit playbook…</source>
            <translation>Playbook bearbeiten…</translation>
        </message>
        <message numerus="yes">
            <source>Move %n deal(s)</source>
            <translation>
                <numerusform>%n Deal verschieben</numerusform>
                <numerusform>%n Deals verschieben</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Win %n deal(s)</source>
            <translation>
                <numerusform>%n Deal gewinnen</numerusform>
                <numerusform>%n Deals gewinnen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Lose %n deal(s)</source>
            <translation>
                <numerusform>%n Deal verlieren</numerusform>
                <numerusform>%n Deals verlieren</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move %n deal(s) to the trash</source>
            <translation>
                <numerusform>%n Deal in den Papierkorb verschieben</numerusform>
                <numerusform>%n Deals in den Papierkorb verschieben</numerusform>
            </translation>
        </message>
        <message>
            <source>Dealboard</source>
            <translation>Dealboard</translation>
        </message>
    </context>
    <context>
        <name>CompaniesView</name>
        <message>
            <source>Search companies, tags, contacts…</source>
            <translation>Firmen, Tags, Kontakte suchen…</translation>
        </message>
        <message>
            <source>All groups</source>
            <translation>Alle Gruppen</translation>
        </message>
        <message>
            <source>All funnel stages</source>
            <translation>Alle Trichterphasen</translation>
        </message>
        <message>
            <source>All sources</source>
            <translation>Alle Quellen</translation>
        </message>
        <message>
            <source>All tags</source>
            <translation>Alle Tags</translation>
        </message>
        <message>
            <source>No next action</source>
            <translation>Ohne nächste Aktion</translation>
        </message>
        <message>
            <source>No contact for</source>
            <translation>Kein Kontakt seit</translation>
        </message>
        <message>
            <source> days</source>
            <translation> Tage</translation>
        </message>
        <message>
            <source>Show all companies</source>
            <translation>Alle Firmen zeigen</translation>
        </message>
        <message>
            <source>Set funnel stage</source>
            <translation>Trichterphase setzen</translation>
        </message>
        <message>
            <source>Set group…</source>
            <translation>Gruppe setzen…</translation>
        </message>
        <message>
            <source>Add tag…</source>
            <translation>Tag hinzufügen…</translation>
        </message>
        <message>
            <source>Remove tag…</source>
            <translation>Tag entfernen…</translation>
        </message>
        <message>
            <source>Funnel cohort</source>
            <translation>Trichter-Kohorte</translation>
        </message>
        <message numerus="yes">
            <source>%Ln company(ies)</source>
            <translation>
                <numerusform>%Ln Firma</numerusform>
                <numerusform>%Ln Firmen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln company(ies), %1 selected</source>
            <translation>
                <numerusform>%Ln Firma, %1 ausgewählt</numerusform>
                <numerusform>%Ln Firmen, %1 ausgewählt</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move %n company(ies) to %1</source>
            <translation>
                <numerusform>%n Firma nach %1 verschieben</numerusform>
                <numerusform>%n Firmen nach %1 verschieben</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Set group of %n company(ies)</source>
            <translation>
                <numerusform>Gruppe von %n Firma setzen</numerusform>
                <numerusform>Gruppe von %n Firmen setzen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Tag %n company(ies) with %1</source>
            <translation>
                <numerusform>%n Firma mit %1 taggen</numerusform>
                <numerusform>%n Firmen mit %1 taggen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove tag %1 from %n company(ies)</source>
            <translation>
                <numerusform>Tag %1 von %n Firma entfernen</numerusform>
                <numerusform>Tag %1 von %n Firmen entfernen</numerusform>
            </translation>
        </message>
        <message>
            <source>Set group</source>
            <translation>Gruppe setzen</translation>
        </message>
        <message>
            <source>Group:</source>
            <translation>Gruppe:</translation>
        </message>
        <message>
            <source>Add tag</source>
            <translation>Tag hinzufügen</translation>
        </message>
        <message>
            <source>Tag:</source>
            <translation>Tag:</translation>
        </message>
        <message>
            <source>Remove tag</source>
            <translation>Tag entfernen</translation>
        </message>
    </context>
    <context>
        <name>CompanyDetail</name>
        <message>
            <source>comma-separated, e.g. call back, VIP</source>
            <translation>durch Kommas getrennt, z. B. Rückruf, VIP</translation>
        </message>
        <message>
            <source>Save changes</source>
            <translation>Änderungen speichern</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Funnel stage</source>
            <translation>Trichterphase</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Gruppe</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <source>Entered</source>
            <translation>Eingang</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <source>What happened? (optional)</source>
            <translation>Was ist passiert? (optional)</translation>
        </message>
        <message>
            <source>Log a %1 that happened now</source>
            <translation>%1 von eben erfassen</translation>
        </message>
        <message>
            <source>Next action, e.g. Send offer</source>
            <translation>Nächste Aktion, z. B. Angebot senden</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Planen</translation>
        </message>
        <message>
            <source>Due / done</source>
            <translation>Fällig / erledigt</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Betreff</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>Deal</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <source>Reschedule</source>
            <translation>Verschieben</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Wieder öffnen</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Funktion</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>Add contact…</source>
            <translation>Kontakt hinzufügen…</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Phase</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Expected close</source>
            <translation>Erw. Abschluss</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Aktivitäten</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Kontakte</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>Deals</translation>
        </message>
        <message>
            <source>Select a company to see its details.</source>
            <translation>Wählen Sie eine Firma, um ihre Details zu sehen.</translation>
        </message>
        <message>
            <source>Close the details</source>
            <translation>Details schließen</translation>
        </message>
        <message>
            <source>Log an activity</source>
            <translation>Aktivität erfassen</translation>
        </message>
        <message>
            <source>Schedule the next action</source>
            <translation>Nächste Aktion planen</translation>
        </message>
        <message>
            <source>Last contact: %1</source>
            <translation>Letzter Kontakt: %1</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <source>Contacts (%1)</source>
            <translation>Kontakte (%1)</translation>
        </message>
        <message>
            <source>Deals (%1)</source>
            <translation>Deals (%1)</translation>
        </message>
        <message>
            <source>Edit company</source>
            <translation>Firma bearbeiten</translation>
        </message>
        <message>
            <source>Move company to %1</source>
            <translation>Firma nach %1 verschieben</translation>
        </message>
        <message>
            <source>Log %1</source>
            <translation>%1 erfassen</translation>
        </message>
        <message>
            <source>Schedule %1</source>
            <translation>%1 planen</translation>
        </message>
        <message>
            <source>Complete activity</source>
            <translation>Aktivität erledigen</translation>
        </message>
        <message>
            <source>Reopen activity</source>
            <translation>Aktivität wieder öffnen</translation>
        </message>
        <message>
            <source>Reschedule activity</source>
            <translation>Aktivität verschieben</translation>
        </message>
        <message>
            <source>Add contact %1</source>
            <translation>Kontakt %1 hinzufügen</translation>
        </message>
        <message>
            <source>done %1</source>
            <translation>erledigt %1</translation>
        </message>
        <message>
            <source>due %1</source>
            <translation>fällig %1</translation>
        </message>
    </context>
    <context>
        <name>CompanyTableModel</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Gruppe</translation>
        </message>
        <message>
            <source>Funnel stage</source>
            <translation>Trichterphase</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <source>Entered</source>
            <translation>Eingang</translation>
        </message>
        <message>
            <source>Last contact</source>
            <translation>Letzter Kontakt</translation>
        </message>
        <message>
            <source>Next action</source>
            <translation>Nächste Aktion</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Fällig</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>Open deals</source>
            <translation>Offene Deals</translation>
        </message>
        <message>
            <source>Open value</source>
            <translation>Offener Wert</translation>
        </message>
        <message>
            <source>Action tag: %1</source>
            <translation>Aktions-Tag: %1</translation>
        </message>
        <message>
            <source>— none —</source>
            <translation>— keine —</translation>
        </message>
    </context>
    <context>
        <name>ContactDialog</name>
        <message>
            <source>New contact</source>
            <translation>Neuer Kontakt</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Funktion</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
    </context>
    <context>
        <name>ContactTableModel</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>Firma</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Funktion</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
    </context>
    <context>
        <name>ContactsView</name>
        <message>
            <source>Search name, email, phone, role or company…</source>
            <translation>Name, E-Mail, Telefon, Funktion oder Firma suchen…</translation>
        </message>
        <message>
            <source>Open company</source>
            <translation>Firma öffnen</translation>
        </message>
        <message numerus="yes">
            <source>%Ln contact(s)</source>
            <translation>
                <numerusform>%Ln Kontakt</numerusform>
                <numerusform>%Ln Kontakte</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DamagedDatabaseDialog</name>
        <message>
            <source>Database damaged</source>
            <translation>Datenbank beschädigt</translation>
        </message>
        <message>
            <source>%1 is damaged and cannot be opened safely.</source>
            <translation>%1 ist beschädigt und kann nicht sicher geöffnet werden.</translation>
        </message>
        <message>
            <source>It was moved aside unchanged to %1.</source>
            <translation>Sie wurde unverändert nach %1 beiseitegelegt.</translation>
        </message>
        <message>
            <source>The newest good backup is from %1 and holds %2 deals. Restore it?</source>
            <translation>Die neueste intakte Sicherung stammt vom %1 und enthält %2 Deals. Wiederherstellen?</translation>
        </message>
        <message>
            <source>&amp;Restore backup</source>
            <translation>Sicherung &amp;wiederherstellen</translation>
        </message>
        <message>
            <source>No backup that passes the integrity check was found.</source>
            <translation>Es wurde keine Sicherung gefunden, die die Integritätsprüfung besteht.</translation>
        </message>
        <message>
            <source>Start with an &amp;empty database</source>
            <translation>Mit einer &amp;leeren Datenbank beginnen</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
    </context>
    <context>
        <name>DealEditor</name>
        <message>
            <source>Edit deal</source>
            <translation>Deal bearbeiten</translation>
        </message>
        <message>
            <source>New deal</source>
            <translation>Neuer Deal</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Pick a company or type a new name to create it</source>
            <translation>Firma wählen oder neuen Namen eingeben, um sie anzulegen</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>Firma</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Kontakt</translation>
        </message>
        <message>
            <source>e.g. %1</source>
            <translation>z. B. %1</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Phase</translation>
        </message>
        <message>
            <source>Expected close</source>
            <translation>Erw. Abschluss</translation>
        </message>
        <message>
            <source>Close date</source>
            <translation>Abschlussdatum</translation>
        </message>
        <message>
            <source>Override</source>
            <translation>Eigener Wert</translation>
        </message>
        <message>
            <source>Probability</source>
            <translation>Wahrscheinlichkeit</translation>
        </message>
        <message>
            <source>e.g. Call back about the offer</source>
            <translation>z. B. Rückruf wegen des Angebots</translation>
        </message>
        <message>
            <source>Next action</source>
            <translation>Nächste Aktion</translation>
        </message>
        <message>
            <source>comma-separated, e.g. VIP, Upsell</source>
            <translation>durch Kommas getrennt, z. B. VIP, Upsell</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <source>Milestones</source>
            <translation>Meilensteine</translation>
        </message>
        <message>
            <source>Stage default: %1 %</source>
            <translation>Standard der Phase: %1 %</translation>
        </message>
        <message>
            <source>Title must not be empty.</source>
            <translation>Der Titel darf nicht leer sein.</translation>
        </message>
        <message>
            <source>Value must not be negative.</source>
            <translation>Der Wert darf nicht negativ sein.</translation>
        </message>
        <message>
            <source>Value must be at most %1</source>
            <translation>Der Wert darf höchstens %1 betragen</translation>
        </message>
        <message>
            <source>Value must be an amount such as %1</source>
            <translation>Der Wert muss ein Betrag wie %1 sein</translation>
        </message>
        <message>
            <source>A contact belongs to a company: choose one first.</source>
            <translation>Ein Kontakt gehört zu einer Firma: Wählen Sie zuerst die Firma.</translation>
        </message>
    </context>
    <context>
        <name>ErrorReporter</name>
        <message>
            <source>Dealboard: unexpected error</source>
            <translation>Dealboard: unerwarteter Fehler</translation>
        </message>
        <message>
            <source>The details were written to %1.</source>
            <translation>Die Einzelheiten stehen in %1.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
        <message>
            <source>Deals (CSV)</source>
            <translation>Deals (CSV)</translation>
        </message>
        <message>
            <source>Companies (CSV)</source>
            <translation>Firmen (CSV)</translation>
        </message>
        <message>
            <source>Contacts (CSV)</source>
            <translation>Kontakte (CSV)</translation>
        </message>
        <message>
            <source>Activities (CSV)</source>
            <translation>Aktivitäten (CSV)</translation>
        </message>
        <message>
            <source>Next actions (calendar, .ics)</source>
            <translation>Nächste Aktionen (Kalender, .ics)</translation>
        </message>
        <message>
            <source>Export:</source>
            <translation>Export:</translation>
        </message>
        <message>
            <source>Semicolon (Excel in German)</source>
            <translation>Semikolon (Excel auf Deutsch)</translation>
        </message>
        <message>
            <source>Comma</source>
            <translation>Komma</translation>
        </message>
        <message>
            <source>Separator:</source>
            <translation>Trennzeichen:</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Auswählen…</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>Datei:</translation>
        </message>
        <message>
            <source>Calendar files (*.ics)</source>
            <translation>Kalenderdateien (*.ics)</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <source>Choose a file to export to.</source>
            <translation>Wählen Sie eine Datei für den Export.</translation>
        </message>
        <message>
            <source>Could not write %1: %2. Nothing was exported.</source>
            <translation>%1 konnte nicht geschrieben werden: %2. Es wurde nichts exportiert.</translation>
        </message>
    </context>
    <context>
        <name>FileProblem</name>
        <message>
            <source>Cannot start the PDF painter.</source>
            <translation>Die PDF-Ausgabe kann nicht gestartet werden.</translation>
        </message>
        <message>
            <source>Cannot write %1: %2.</source>
            <translation>%1 kann nicht geschrieben werden: %2.</translation>
        </message>
        <message>
            <source>%1: cannot create the lock file %2</source>
            <translation>%1: Die Sperrdatei %2 kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>%1: no such database file</source>
            <translation>%1: Datenbankdatei nicht gefunden</translation>
        </message>
        <message>
            <source>%1: no such file</source>
            <translation>%1: Datei nicht gefunden</translation>
        </message>
        <message>
            <source>%1 cannot be restored: %2</source>
            <translation>%1 kann nicht wiederhergestellt werden: %2</translation>
        </message>
        <message>
            <source>%1: cannot read the file (%2)</source>
            <translation>%1: Die Datei kann nicht gelesen werden (%2)</translation>
        </message>
        <message>
            <source>%1 is not a Dealboard database (not an SQLite file)</source>
            <translation>%1 ist keine Dealboard-Datenbank (keine SQLite-Datei)</translation>
        </message>
        <message>
            <source>%1 is an SQLite file but not a Dealboard database</source>
            <translation>%1 ist eine SQLite-Datei, aber keine Dealboard-Datenbank</translation>
        </message>
        <message>
            <source>%1 was written by a newer Dealboard (schema %2, this version reads up to %3). Update Dealboard to open it</source>
            <translation>%1 wurde von einer neueren Dealboard-Version geschrieben (Schema %2, diese Version liest bis Schema %3). Aktualisieren Sie Dealboard, um die Datei zu öffnen</translation>
        </message>
        <message>
            <source>%1 is damaged: %2</source>
            <translation>%1 ist beschädigt: %2</translation>
        </message>
        <message>
            <source>the file ends after %1 bytes, %2 expected</source>
            <translation>Die Datei endet nach %1 Bytes, erwartet waren %2</translation>
        </message>
        <message>
            <source>%1.</source>
            <translation>%1.</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>Die Datei ist leer</translation>
        </message>
        <message>
            <source>not a Dealboard database</source>
            <translation>Keine Dealboard-Datenbank</translation>
        </message>
        <message>
            <source>the copy does not pass the integrity check: %1</source>
            <translation>Die Kopie besteht die Integritätsprüfung nicht: %1</translation>
        </message>
    </context>
    <context>
        <name>FunnelChart</name>
        <message>
            <source>Funnel</source>
            <translation>Trichter</translation>
        </message>
        <message>
            <source>%1: %2 companies</source>
            <translation>%1: %2 Firmen</translation>
        </message>
        <message>
            <source>No funnel stages.</source>
            <translation>Keine Trichterphasen.</translation>
        </message>
        <message>
            <source>No leads entered in this period.</source>
            <translation>In diesem Zeitraum keine neuen Leads.</translation>
        </message>
        <message>
            <source>%1 of previous</source>
            <translation>%1 der vorigen</translation>
        </message>
        <message>
            <source>%1 of first</source>
            <translation>%1 der ersten</translation>
        </message>
        <message>
            <source>%1: %2 companies reached this stage. Click to list them.</source>
            <translation>%1: %2 Firmen haben diese Phase erreicht. Klicken, um sie aufzulisten.</translation>
        </message>
    </context>
    <context>
        <name>FunnelStagesEditor</name>
        <message>
            <source>Funnel stage</source>
            <translation>Trichterphase</translation>
        </message>
        <message>
            <source>Funnel stages</source>
            <translation>Trichterphasen</translation>
        </message>
        <message>
            <source>A company that wins a deal moves to the last stage: it is a customer now.</source>
            <translation>Eine Firma, die einen Deal gewinnt, rückt in die letzte Phase: Sie ist jetzt Kunde.</translation>
        </message>
        <message>
            <source>New stage</source>
            <translation>Neue Phase</translation>
        </message>
        <message>
            <source>Remove the funnel stage “%1”? Its companies and their stage history move to the stage you choose. This cannot be undone.</source>
            <translation>Die Trichterphase „%1“ entfernen? Ihre Firmen und deren Phasenverlauf wandern in die Phase, die Sie wählen. Das lässt sich nicht rückgängig machen.</translation>
        </message>
    </context>
    <context>
        <name>FunnelView</name>
        <message>
            <source>All groups</source>
            <translation>Alle Gruppen</translation>
        </message>
        <message>
            <source>All sources</source>
            <translation>Alle Quellen</translation>
        </message>
        <message>
            <source>Acquisition spend…</source>
            <translation>Akquisitionskosten…</translation>
        </message>
        <message>
            <source>Leads entered</source>
            <translation>Neue Leads</translation>
        </message>
        <message>
            <source>Companies whose date entered falls in the period.</source>
            <translation>Firmen, deren Eingangsdatum im Zeitraum liegt.</translation>
        </message>
        <message>
            <source>New customers</source>
            <translation>Neukunden</translation>
        </message>
        <message>
            <source>Companies that reached the last funnel stage in the period.</source>
            <translation>Firmen, die im Zeitraum die letzte Trichterphase erreicht haben.</translation>
        </message>
        <message>
            <source>Overall conversion</source>
            <translation>Gesamtkonversion</translation>
        </message>
        <message>
            <source>Of the leads entered, the share that reached the last stage.</source>
            <translation>Anteil der neuen Leads, der die letzte Phase erreicht hat.</translation>
        </message>
        <message>
            <source>Acquisition spend</source>
            <translation>Akquisitionskosten</translation>
        </message>
        <message>
            <source>Spend entered for the months of the period (the source's only).</source>
            <translation>Erfasste Ausgaben für die Monate des Zeitraums (nur die der Quelle).</translation>
        </message>
        <message>
            <source>CAC</source>
            <translation>CAC</translation>
        </message>
        <message>
            <source>Customer acquisition cost: spend in the period / new customers.</source>
            <translation>Kundenakquisitionskosten: Ausgaben im Zeitraum / Neukunden.</translation>
        </message>
        <message>
            <source>Expected new customers</source>
            <translation>Erwartete Neukunden</translation>
        </message>
        <message>
            <source>Forecast: companies now at each stage × the historical conversion from that stage to the last.</source>
            <translation>Prognose: Firmen je Phase × bisherige Konversion von dieser Phase bis zur letzten.</translation>
        </message>
        <message>
            <source>Each bar: the companies that entered the funnel from %1 to %2 and have got to that stage or further. Click a bar to list them.</source>
            <translation>Jeder Balken: die Firmen, die vom %1 bis %2 in den Trichter kamen und diese Phase oder eine spätere erreicht haben. Klicken Sie auf einen Balken, um sie aufzulisten.</translation>
        </message>
        <message>
            <source>Entered %1 – %2, reached %3</source>
            <translation>Eingang %1 – %2, erreicht: %3</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import from CSV</source>
            <translation>Aus CSV importieren</translation>
        </message>
        <message>
            <source>A CSV file from Dealboard, Pipedrive, HubSpot or a spreadsheet</source>
            <translation>Eine CSV-Datei aus Dealboard, Pipedrive, HubSpot oder einer Tabellenkalkulation</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Auswählen…</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>Datei:</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>Deals</translation>
        </message>
        <message>
            <source>Companies</source>
            <translation>Firmen</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Kontakte</translation>
        </message>
        <message>
            <source>Import as:</source>
            <translation>Importieren als:</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Zeile</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>Firma</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Phase</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Column in the file</source>
            <translation>Spalte in der Datei</translation>
        </message>
        <message>
            <source>Imported as</source>
            <translation>Importiert als</translation>
        </message>
        <message>
            <source>Sample value</source>
            <translation>Beispielwert</translation>
        </message>
        <message>
            <source>Stage in the file</source>
            <translation>Phase in der Datei</translation>
        </message>
        <message>
            <source>Our stage</source>
            <translation>Unsere Phase</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Zeilen</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Vorschau</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>Spalten</translation>
        </message>
        <message>
            <source>Stages</source>
            <translation>Phasen</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Probleme</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message>
            <source>open</source>
            <translation>offen</translation>
        </message>
        <message>
            <source>won</source>
            <translation>gewonnen</translation>
        </message>
        <message>
            <source>lost</source>
            <translation>verloren</translation>
        </message>
        <message>
            <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
            <translation>CSV-Dateien (*.csv *.txt *.tsv);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Cannot read %1: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>Reading the file…</source>
            <translation>Datei wird gelesen…</translation>
        </message>
        <message>
            <source>%1 rows read (%2, separated by %3).</source>
            <translation>%1 Zeilen gelesen (%2, getrennt durch %3).</translation>
        </message>
        <message>
            <source>Would create %1 deals.</source>
            <translation>Würde %1 Deals anlegen.</translation>
        </message>
        <message>
            <source>Companies: %1 new, %2 existing matched.</source>
            <translation>Firmen: %1 neu, %2 vorhandene zugeordnet.</translation>
        </message>
        <message>
            <source>Contacts: %1 new, %2 existing matched.</source>
            <translation>Kontakte: %1 neu, %2 vorhandene zugeordnet.</translation>
        </message>
        <message>
            <source>%1 existing companies become customers (won deals).</source>
            <translation>%1 bestehende Firmen werden Kunden (gewonnene Deals).</translation>
        </message>
        <message>
            <source>Not imported (unknown columns): %1</source>
            <translation>Nicht importiert (unbekannte Spalten): %1</translation>
        </message>
        <message>
            <source>No problems: the file can be imported.</source>
            <translation>Keine Probleme: Die Datei kann importiert werden.</translation>
        </message>
        <message>
            <source>This file cannot be imported as it is: %1 on %2. Nothing will be imported until they are fixed.</source>
            <translation>Diese Datei kann so nicht importiert werden: %1 in %2. Es wird nichts importiert, bis sie behoben sind.</translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s)</source>
            <translation>
                <numerusform>%n Problem</numerusform>
                <numerusform>%n Probleme</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n line(s)</source>
            <translation>
                <numerusform>%n Zeile</numerusform>
                <numerusform>%n Zeilen</numerusform>
            </translation>
        </message>
        <message>
            <source>Problems (%1)</source>
            <translation>Probleme (%1)</translation>
        </message>
        <message>
            <source>new</source>
            <translation>neu</translation>
        </message>
        <message>
            <source>existing</source>
            <translation>vorhanden</translation>
        </message>
        <message>
            <source>(ignore)</source>
            <translation>(ignorieren)</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>Währung</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Kontakt</translation>
        </message>
        <message>
            <source>Status (open, won, lost)</source>
            <translation>Status (offen, gewonnen, verloren)</translation>
        </message>
        <message>
            <source>Expected close date</source>
            <translation>Erwartetes Abschlussdatum</translation>
        </message>
        <message>
            <source>Created on</source>
            <translation>Angelegt am</translation>
        </message>
        <message>
            <source>Closed on</source>
            <translation>Abgeschlossen am</translation>
        </message>
        <message>
            <source>Probability</source>
            <translation>Wahrscheinlichkeit</translation>
        </message>
        <message>
            <source>Lost reason</source>
            <translation>Verlustgrund</translation>
        </message>
        <message>
            <source>Pipeline</source>
            <translation>Pipeline</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Gruppe</translation>
        </message>
        <message>
            <source>Funnel stage</source>
            <translation>Trichterphase</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <source>Date entered</source>
            <translation>Eingangsdatum</translation>
        </message>
        <message>
            <source>First name</source>
            <translation>Vorname</translation>
        </message>
        <message>
            <source>Last name</source>
            <translation>Nachname</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Funktion</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(leer)</translation>
        </message>
        <message>
            <source>— choose a stage —</source>
            <translation>— Phase wählen —</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Importiere…</translation>
        </message>
        <message>
            <source>Import cancelled: nothing was imported.</source>
            <translation>Import abgebrochen: Es wurde nichts importiert.</translation>
        </message>
        <message>
            <source>The import failed: nothing was imported.</source>
            <translation>Der Import ist fehlgeschlagen: Es wurde nichts importiert.</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stopp</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>UTF-8 with BOM</source>
            <translation>UTF-8 mit BOM</translation>
        </message>
        <message>
            <source>UTF-8</source>
            <translation>UTF-8</translation>
        </message>
        <message>
            <source>UTF-16</source>
            <translation>UTF-16</translation>
        </message>
        <message>
            <source>Windows-1252</source>
            <translation>Windows-1252</translation>
        </message>
        <message>
            <source>commas</source>
            <translation>Kommas</translation>
        </message>
        <message>
            <source>semicolons</source>
            <translation>Semikolons</translation>
        </message>
        <message>
            <source>tabs</source>
            <translation>Tabulatoren</translation>
        </message>
    </context>
    <context>
        <name>ImportProblem</name>
        <message>
            <source>line %1, column "%2": %3</source>
            <translation>Zeile %1, Spalte „%2“: %3</translation>
        </message>
        <message>
            <source>line %1: %2</source>
            <translation>Zeile %1: %2</translation>
        </message>
        <message>
            <source>... and %1 more</source>
            <translation>… und %1 weitere</translation>
        </message>
        <message>
            <source>UTF-8 or Windows-1252</source>
            <translation>UTF-8 oder Windows-1252</translation>
        </message>
        <message>
            <source>Byte 0x%1 at offset %2 is not valid %3 text; save the file as "CSV UTF-8" and import it again</source>
            <translation>Das Byte 0x%1 an Position %2 ist kein gültiger Text in %3; speichern Sie die Datei als „CSV UTF-8“ und importieren Sie sie erneut</translation>
        </message>
        <message>
            <source>A quoted value starting on this line is never closed (a " is missing)</source>
            <translation>Ein Wert in Anführungszeichen, der in dieser Zeile beginnt, wird nie geschlossen (ein " fehlt)</translation>
        </message>
        <message>
            <source>The file has no column "%1" to import as "%2"; its columns are %3</source>
            <translation>Die Datei hat keine Spalte „%1“, die als „%2“ importiert werden könnte; ihre Spalten sind %3</translation>
        </message>
        <message>
            <source>The file has no column "%1" to ignore; its columns are %2</source>
            <translation>Die Datei hat keine Spalte „%1“, die ignoriert werden könnte; ihre Spalten sind %2</translation>
        </message>
        <message>
            <source>Column "%1" cannot be imported as "%2": deals have no such field (they have %3)</source>
            <translation>Die Spalte „%1“ kann nicht als „%2“ importiert werden: Deals haben kein solches Feld (sie haben %3)</translation>
        </message>
        <message>
            <source>Column "%1" cannot be imported as "%2": companies have no such field (they have %3)</source>
            <translation>Die Spalte „%1“ kann nicht als „%2“ importiert werden: Firmen haben kein solches Feld (sie haben %3)</translation>
        </message>
        <message>
            <source>Column "%1" cannot be imported as "%2": contacts have no such field (they have %3)</source>
            <translation>Die Spalte „%1“ kann nicht als „%2“ importiert werden: Kontakte haben kein solches Feld (sie haben %3)</translation>
        </message>
        <message>
            <source>Columns %1 and %2 are both imported as "%3", which takes one column: import one of them and ignore the others</source>
            <translation>Die Spalten %1 und %2 werden beide als „%3“ importiert, dieses Feld nimmt aber nur eine Spalte auf: Importieren Sie eine davon und ignorieren Sie die andere</translation>
        </message>
        <message>
            <source>Columns %1 and %2 are all imported as "%3", which takes one column: import one of them and ignore the others</source>
            <translation>Die Spalten %1 und %2 werden alle als „%3“ importiert, dieses Feld nimmt aber nur eine Spalte auf: Importieren Sie eine davon und ignorieren Sie die übrigen</translation>
        </message>
        <message>
            <source>No column for the deal title: the header needs one of %1</source>
            <translation>Keine Spalte für den Titel des Deals: Die Kopfzeile braucht eine von %1</translation>
        </message>
        <message>
            <source>No column for the company name: the header needs one of %1</source>
            <translation>Keine Spalte für den Firmennamen: Die Kopfzeile braucht eine von %1</translation>
        </message>
        <message>
            <source>No column for the contact name: the header needs one of %1 or "First Name" / "Last Name"</source>
            <translation>Keine Spalte für den Namen des Kontakts: Die Kopfzeile braucht eine von %1 oder „Vorname“ / „Nachname“</translation>
        </message>
        <message>
            <source>The file is empty: no header line found</source>
            <translation>Die Datei ist leer: Keine Kopfzeile gefunden</translation>
        </message>
        <message>
            <source>This row has %1 cells but the header has %2; a value probably contains an unquoted %3</source>
            <translation>Diese Zeile hat %1 Zellen, die Kopfzeile aber nur %2; wahrscheinlich steht in einem Wert ohne Anführungszeichen ein %3</translation>
        </message>
        <message>
            <source>comma</source>
            <translation>Komma</translation>
        </message>
        <message>
            <source>semicolon</source>
            <translation>Semikolon</translation>
        </message>
        <message>
            <source>tab</source>
            <translation>Tabulator</translation>
        </message>
        <message>
            <source>%1 must be an amount such as 1.234,56 (got "%2")</source>
            <translation>%1 muss ein Betrag wie 1.234,56 sein (in der Datei: „%2“)</translation>
        </message>
        <message>
            <source>%1 must have at most 2 decimal places (got "%2")</source>
            <translation>%1 darf höchstens 2 Nachkommastellen haben (in der Datei: „%2“)</translation>
        </message>
        <message>
            <source>%1 is too large: at most %2 (got "%3")</source>
            <translation>%1 ist zu hoch: höchstens %2 (in der Datei: „%3“)</translation>
        </message>
        <message>
            <source>day is out of range for month</source>
            <translation>diesen Tag hat der Monat nicht</translation>
        </message>
        <message>
            <source>month must be in 1..12</source>
            <translation>den Monat gibt es nicht, er muss zwischen 1 und 12 liegen</translation>
        </message>
        <message>
            <source>year 0 is out of range</source>
            <translation>das Jahr 0 gibt es nicht</translation>
        </message>
        <message>
            <source>the time is out of range</source>
            <translation>die Uhrzeit gibt es nicht</translation>
        </message>
        <message>
            <source>Date "%1" does not exist (%2); write dates as 2026-12-31, 31.12.2026 or, month first, 12/31/2026</source>
            <translation>Das Datum „%1“ gibt es nicht (%2); schreiben Sie Daten als 31.12.2026, 2026-12-31 oder, mit dem Monat zuerst, 12/31/2026</translation>
        </message>
        <message>
            <source>Date must be written as 2026-12-31, 31.12.2026 or, month first, 12/31/2026 (got "%1")</source>
            <translation>Ein Datum muss als 31.12.2026, 2026-12-31 oder, mit dem Monat zuerst, 12/31/2026 geschrieben sein (in der Datei: „%1“)</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>Währung</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Probability</source>
            <translation>Wahrscheinlichkeit</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <source>%1 must be a percentage from 0 to 100 (got "%2")</source>
            <translation>%1 muss ein Prozentwert von 0 bis 100 sein (in der Datei: „%2“)</translation>
        </message>
        <message>
            <source>%1 must be open, won or lost (got "%2")</source>
            <translation>%1 muss offen, gewonnen oder verloren sein (in der Datei: „%2“)</translation>
        </message>
        <message>
            <source>%1 must be a three-letter code such as EUR (got "%2")</source>
            <translation>%1 muss ein Code aus drei Buchstaben wie EUR sein (in der Datei: „%2“)</translation>
        </message>
        <message>
            <source>%1 must be an address such as anna@example.com (got "%2")</source>
            <translation>%1 muss eine Adresse wie anna@example.com sein (in der Datei: „%2“)</translation>
        </message>
        <message>
            <source>%1 must not be empty</source>
            <translation>%1 darf nicht leer sein</translation>
        </message>
        <message>
            <source>won</source>
            <translation>gewonnen</translation>
        </message>
        <message>
            <source>lost</source>
            <translation>verloren</translation>
        </message>
        <message>
            <source>Contact "%1" matches no contact of ours, and a new contact needs a company: fill in the company column</source>
            <translation>Der Kontakt „%1“ passt zu keinem unserer Kontakte, und ein neuer Kontakt braucht eine Firma: Füllen Sie die Spalte für die Firma aus</translation>
        </message>
        <message>
            <source>The stage mapping "%1=%2" names no stage of ours (known: %3)</source>
            <translation>Die Zuordnung „%1=%2“ nennt keine unserer Phasen (vorhanden: %3)</translation>
        </message>
        <message>
            <source>Value must not be negative (got "%1")</source>
            <translation>Der Wert darf nicht negativ sein (in der Datei: „%1“)</translation>
        </message>
        <message>
            <source>Currency "%1" is not this database's %2; convert the values to %2 first</source>
            <translation>Die Währung „%1“ ist nicht die dieser Datenbank (%2); rechnen Sie die Werte zuerst in %2 um</translation>
        </message>
        <message>
            <source>Pipeline "%1" is not one of ours (%2); its deals go into "%3"</source>
            <translation>Die Pipeline „%1“ gibt es bei uns nicht (vorhanden: %2); ihre Deals kommen in „%3“</translation>
        </message>
        <message>
            <source>Stage "%1" is mapped to "%2", which is no stage of pipeline "%3" (known: %4)</source>
            <translation>Die Phase „%1“ ist „%2“ zugeordnet, das ist aber keine Phase der Pipeline „%3“ (vorhanden: %4)</translation>
        </message>
        <message>
            <source>Stage "%1" is not one of ours; pipeline "%2" knows %3 (and Closed Won, Closed Lost for the status)</source>
            <translation>Die Phase „%1“ gibt es bei uns nicht; die Pipeline „%2“ kennt %3 (und Closed Won, Closed Lost für den Status)</translation>
        </message>
        <message>
            <source>Status "%1" contradicts stage "%2", which means %3</source>
            <translation>Der Status „%1“ widerspricht der Phase „%2“, die %3 bedeutet</translation>
        </message>
        <message>
            <source>Funnel stage "%1" is not one of ours (%2)</source>
            <translation>Die Trichterphase „%1“ gibt es bei uns nicht (vorhanden: %2)</translation>
        </message>
        <message>
            <source>Funnel stage "%1" is mapped to "%2", which is not one of ours (%3)</source>
            <translation>Die Trichterphase „%1“ ist „%2“ zugeordnet, aber diese Phase gibt es bei uns nicht (vorhanden: %3)</translation>
        </message>
        <message>
            <source>Line %1 repeats the company of line %2; it is imported once</source>
            <translation>Zeile %1 wiederholt die Firma aus Zeile %2; sie wird nur einmal importiert</translation>
        </message>
        <message>
            <source>"%1"</source>
            <translation>„%1“</translation>
        </message>
    </context>
    <context>
        <name>LostReasonDialog</name>
        <message>
            <source>Deal lost</source>
            <translation>Deal verloren</translation>
        </message>
        <message numerus="yes">
            <source>Why was this lost? (%n deal(s))</source>
            <translation>
                <numerusform>Warum wurde das verloren? (%n Deal)</numerusform>
                <numerusform>Warum wurde das verloren? (%n Deals)</numerusform>
            </translation>
        </message>
        <message>
            <source>Reason (required)</source>
            <translation>Grund (Pflichtfeld)</translation>
        </message>
        <message>
            <source>Lost reason</source>
            <translation>Verlustgrund</translation>
        </message>
        <message>
            <source>A lost deal needs a reason.</source>
            <translation>Ein verlorener Deal braucht einen Grund.</translation>
        </message>
    </context>
    <context>
        <name>LostReasonsEditor</name>
        <message>
            <source>When a deal is lost, Dealboard asks why. It offers these reasons first, then every reason used before.</source>
            <translation>Geht ein Deal verloren, fragt Dealboard nach dem Grund. Es bietet zuerst diese Gründe an, dann alle bisher verwendeten.</translation>
        </message>
        <message>
            <source>Offered reasons</source>
            <translation>Angebotene Gründe</translation>
        </message>
        <message>
            <source>A new reason, e.g. “Price too high”</source>
            <translation>Ein neuer Grund, z. B. „Preis zu hoch“</translation>
        </message>
        <message>
            <source>New reason</source>
            <translation>Neuer Grund</translation>
        </message>
        <message>
            <source>A&amp;dd</source>
            <translation>&amp;Hinzufügen</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <source>Used before (most often first):</source>
            <translation>Bisher verwendet (häufigste zuerst):</translation>
        </message>
        <message>
            <source>Reasons used before</source>
            <translation>Bisher verwendete Gründe</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Navigation</source>
            <translation>Navigation</translation>
        </message>
        <message>
            <source>Board</source>
            <translation>Board</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;New database…</source>
            <translation>&amp;Neue Datenbank…</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>Ö&amp;ffnen…</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>&amp;Zuletzt geöffnet</translation>
        </message>
        <message>
            <source>&amp;Trash…</source>
            <translation>&amp;Papierkorb…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <source>&amp;New deal…</source>
            <translation>Neuer &amp;Deal…</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Suchen</translation>
        </message>
        <message>
            <source>Stage &amp;playbooks…</source>
            <translation>&amp;Playbooks der Phasen…</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;Funnel vs. pipeline</source>
            <translation>&amp;Trichter und Pipeline im Vergleich</translation>
        </message>
        <message>
            <source>How the &amp;figures are computed</source>
            <translation>Wie die &amp;Kennzahlen berechnet werden</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>Tasten&amp;kürzel</translation>
        </message>
        <message>
            <source>&amp;About Dealboard</source>
            <translation>Ü&amp;ber Dealboard</translation>
        </message>
        <message>
            <source>New database</source>
            <translation>Neue Datenbank</translation>
        </message>
        <message>
            <source>Dealboard databases (*.sqlite)</source>
            <translation>Dealboard-Datenbanken (*.sqlite)</translation>
        </message>
        <message>
            <source>Open database</source>
            <translation>Datenbank öffnen</translation>
        </message>
        <message>
            <source>Dealboard databases (*.sqlite *.db)</source>
            <translation>Dealboard-Datenbanken (*.sqlite *.db)</translation>
        </message>
        <message>
            <source>Edit deal</source>
            <translation>Deal bearbeiten</translation>
        </message>
        <message>
            <source>New deal</source>
            <translation>Neuer Deal</translation>
        </message>
        <message>
            <source>Funnel vs. pipeline</source>
            <translation>Trichter und Pipeline im Vergleich</translation>
        </message>
        <message>
            <source>How the figures are computed</source>
            <translation>Wie die Kennzahlen berechnet werden</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <source>About Dealboard</source>
            <translation>Über Dealboard</translation>
        </message>
        <message>
            <source>&lt;b&gt;Dealboard %1&lt;/b&gt;&lt;br&gt;Your sales funnel and pipeline, on your own computer.</source>
            <translation>&lt;b&gt;Dealboard %1&lt;/b&gt;&lt;br&gt;Ihr Verkaufstrichter und Ihre Verkaufspipeline, auf Ihrem eigenen Rechner.</translation>
        </message>
    </context>
    <context>
        <name>NextActionsModel</name>
        <message>
            <source>Next action</source>
            <translation>Nächste Aktion</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>Firma</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>Deal</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Fällig</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Überfällig</translation>
        </message>
        <message>
            <source>Due today</source>
            <translation>Heute fällig</translation>
        </message>
        <message>
            <source>Action tags</source>
            <translation>Aktions-Tags</translation>
        </message>
        <message>
            <source>Upcoming</source>
            <translation>Demnächst</translation>
        </message>
        <message>
            <source>No due date</source>
            <translation>Ohne Fälligkeit</translation>
        </message>
    </context>
    <context>
        <name>NextActionsView</name>
        <message>
            <source>Done</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <source>Mark the selected action as done (Space)</source>
            <translation>Gewählte Aktion als erledigt markieren (Leertaste)</translation>
        </message>
        <message>
            <source>Reschedule</source>
            <translation>Verschieben</translation>
        </message>
        <message>
            <source>Complete %1</source>
            <translation>%1 erledigen</translation>
        </message>
        <message>
            <source>Remove tag %1</source>
            <translation>Tag %1 entfernen</translation>
        </message>
        <message>
            <source>Reschedule %1</source>
            <translation>%1 verschieben</translation>
        </message>
        <message>
            <source>Schedule %1</source>
            <translation>%1 planen</translation>
        </message>
    </context>
    <context>
        <name>PeriodSelector</name>
        <message>
            <source>This month</source>
            <translation>Dieser Monat</translation>
        </message>
        <message>
            <source>This quarter</source>
            <translation>Dieses Quartal</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>Dieses Jahr</translation>
        </message>
        <message>
            <source>Last 12 months</source>
            <translation>Letzte 12 Monate</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>Benutzerdefiniert…</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Zeitraum</translation>
        </message>
    </context>
    <context>
        <name>PipelineStagesEditor</name>
        <message>
            <source>Stage</source>
            <translation>Phase</translation>
        </message>
        <message>
            <source>Probability</source>
            <translation>Wahrscheinlichkeit</translation>
        </message>
        <message>
            <source>Rotting after (days)</source>
            <translation>Liegengeblieben nach (Tagen)</translation>
        </message>
        <message>
            <source>Pipeline</source>
            <translation>Pipeline</translation>
        </message>
        <message>
            <source>Add &amp;pipeline…</source>
            <translation>&amp;Pipeline hinzufügen…</translation>
        </message>
        <message>
            <source>&amp;Pipeline:</source>
            <translation>&amp;Pipeline:</translation>
        </message>
        <message>
            <source>Pipeline stages</source>
            <translation>Pipelinephasen</translation>
        </message>
        <message>
            <source>Probability of %1</source>
            <translation>Wahrscheinlichkeit von %1</translation>
        </message>
        <message>
            <source>Rotting days of %1</source>
            <translation>Liegetage von %1</translation>
        </message>
        <message>
            <source>New stage</source>
            <translation>Neue Phase</translation>
        </message>
        <message>
            <source>Add pipeline</source>
            <translation>Pipeline hinzufügen</translation>
        </message>
        <message>
            <source>Name of the new pipeline:</source>
            <translation>Name der neuen Pipeline:</translation>
        </message>
        <message>
            <source>Remove the stage “%1”? Its deals, open and closed, and their stage history move to the stage you choose. This cannot be undone.</source>
            <translation>Die Phase „%1“ entfernen? Ihre Deals, offene und abgeschlossene, und deren Phasenverlauf wandern in die Phase, die Sie wählen. Das lässt sich nicht rückgängig machen.</translation>
        </message>
    </context>
    <context>
        <name>PlaybookDialog</name>
        <message>
            <source>Stage playbooks</source>
            <translation>Playbooks der Phasen</translation>
        </message>
        <message>
            <source>When a deal enters this stage, each planned action becomes a task for the deal, due that many days later. A deal gets each action once, even if it moves back and forth.</source>
            <translation>Kommt ein Deal in diese Phase, wird jede geplante Aktion zu einer Aufgabe des Deals, fällig so viele Tage später. Ein Deal bekommt jede Aktion nur einmal, auch wenn er hin und her wandert.</translation>
        </message>
        <message>
            <source>Add action</source>
            <translation>Aktion hinzufügen</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Nach oben</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Nach unten</translation>
        </message>
        <message>
            <source>No planned actions for this stage yet: add one with "Add action".</source>
            <translation>Für diese Phase sind noch keine Aktionen geplant: Fügen Sie eine mit „Aktion hinzufügen“ hinzu.</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Phase</translation>
        </message>
        <message>
            <source>Every planned action needs a text (or remove the row).</source>
            <translation>Jede geplante Aktion braucht einen Text (oder entfernen Sie die Zeile).</translation>
        </message>
        <message>
            <source>Two planned actions have the same text.</source>
            <translation>Zwei geplante Aktionen haben denselben Text.</translation>
        </message>
        <message>
            <source>New action</source>
            <translation>Neue Aktion</translation>
        </message>
    </context>
    <context>
        <name>PlaybookModel</name>
        <message>
            <source>Planned action</source>
            <translation>Geplante Aktion</translation>
        </message>
        <message>
            <source>Due in days</source>
            <translation>Fällig in Tagen</translation>
        </message>
    </context>
    <context>
        <name>RehomeDialog</name>
        <message>
            <source>Move to stage</source>
            <translation>In Phase verschieben</translation>
        </message>
        <message>
            <source>Move to:</source>
            <translation>Verschieben nach:</translation>
        </message>
        <message>
            <source>Remove stage</source>
            <translation>Phase entfernen</translation>
        </message>
    </context>
    <context>
        <name>ReportPdf</name>
        <message>
            <source>Pipeline report</source>
            <translation>Bericht Verkaufspipeline</translation>
        </message>
        <message>
            <source>Funnel report</source>
            <translation>Bericht Verkaufstrichter</translation>
        </message>
        <message>
            <source>Sales report pack</source>
            <translation>Vertriebsbericht (Gesamtpaket)</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>Seite %1 von %2</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Zeitraum</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>Stand</translation>
        </message>
        <message>
            <source>Made at</source>
            <translation>Erstellt am</translation>
        </message>
        <message>
            <source>Pipeline</source>
            <translation>Pipeline</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>Währung</translation>
        </message>
        <message>
            <source>(continued)</source>
            <translation>(Fortsetzung)</translation>
        </message>
        <message>
            <source>Key figures</source>
            <translation>Kennzahlen</translation>
        </message>
        <message>
            <source>Funnel</source>
            <translation>Verkaufstrichter</translation>
        </message>
        <message>
            <source>Pipeline by stage</source>
            <translation>Pipeline nach Phase</translation>
        </message>
        <message>
            <source>Value and weighted value per stage</source>
            <translation>Wert und gewichteter Wert je Phase</translation>
        </message>
        <message>
            <source>Companies reaching each funnel stage</source>
            <translation>Firmen, die jede Trichterphase erreichten</translation>
        </message>
        <message>
            <source>Deals created in the period reaching each stage</source>
            <translation>Im Zeitraum angelegte Deals, die jede Phase erreichten</translation>
        </message>
        <message>
            <source>Pipeline conversion</source>
            <translation>Konversion der Pipeline</translation>
        </message>
        <message>
            <source>Forecast</source>
            <translation>Prognose</translation>
        </message>
        <message>
            <source>Expected won value per month of expected close</source>
            <translation>Erwarteter Abschlusswert je Monat des erwarteten Abschlusses</translation>
        </message>
        <message>
            <source>Won value per month and target</source>
            <translation>Gewonnener Wert je Monat und Ziel</translation>
        </message>
        <message>
            <source>Targets</source>
            <translation>Ziele</translation>
        </message>
        <message>
            <source>Deals needing attention</source>
            <translation>Deals mit Handlungsbedarf</translation>
        </message>
        <message>
            <source>Overdue next action</source>
            <translation>Nächste Aktion überfällig</translation>
        </message>
        <message>
            <source>Rotting (no recent activity)</source>
            <translation>Liegengeblieben (keine Aktivität)</translation>
        </message>
        <message>
            <source>No next action</source>
            <translation>Keine nächste Aktion</translation>
        </message>
        <message>
            <source>Open deals per stage</source>
            <translation>Offene Deals je Phase</translation>
        </message>
        <message>
            <source>Open deals</source>
            <translation>Offene Deals</translation>
        </message>
        <message>
            <source>Pipeline value</source>
            <translation>Pipelinewert</translation>
        </message>
        <message>
            <source>Weighted value</source>
            <translation>Gewichteter Wert</translation>
        </message>
        <message>
            <source>Win rate</source>
            <translation>Abschlussquote</translation>
        </message>
        <message>
            <source>Average deal size</source>
            <translation>Durchschn. Dealwert</translation>
        </message>
        <message>
            <source>Average sales cycle</source>
            <translation>Durchschn. Verkaufszyklus</translation>
        </message>
        <message>
            <source>Pipeline velocity per day</source>
            <translation>Pipeline-Tempo pro Tag</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 Tage</translation>
        </message>
        <message>
            <source>Won value</source>
            <translation>Gewonnener Wert</translation>
        </message>
        <message>
            <source>Won deals</source>
            <translation>Gewonnene Deals</translation>
        </message>
        <message>
            <source>Leads entered</source>
            <translation>Neue Leads</translation>
        </message>
        <message>
            <source>New customers</source>
            <translation>Neukunden</translation>
        </message>
        <message>
            <source>Overall conversion</source>
            <translation>Gesamtkonversion</translation>
        </message>
        <message>
            <source>Acquisition spend</source>
            <translation>Akquisitionskosten</translation>
        </message>
        <message>
            <source>Cost per customer (CAC)</source>
            <translation>Kosten je Neukunde (CAC)</translation>
        </message>
        <message>
            <source>Expected new customers</source>
            <translation>Erwartete Neukunden</translation>
        </message>
        <message>
            <source>Deals created</source>
            <translation>Angelegte Deals</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Phase</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>Deals</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Weighted</source>
            <translation>Gewichtet</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>Firma</translation>
        </message>
        <message>
            <source>Expected close</source>
            <translation>Erw. Abschluss</translation>
        </message>
        <message>
            <source>Next action</source>
            <translation>Nächste Aktion</translation>
        </message>
        <message>
            <source>Reached</source>
            <translation>Erreicht</translation>
        </message>
        <message>
            <source>Conversion</source>
            <translation>Konversion</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Monat</translation>
        </message>
        <message>
            <source>Expected value</source>
            <translation>Erwarteter Wert</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Ziel</translation>
        </message>
        <message>
            <source>Actual</source>
            <translation>Ist</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <source>Projection</source>
            <translation>Hochrechnung</translation>
        </message>
        <message>
            <source>Idle days</source>
            <translation>Tage ohne Aktivität</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Summe</translation>
        </message>
        <message>
            <source>Total (%1 deals)</source>
            <translation>Summe (%1 Deals)</translation>
        </message>
        <message>
            <source>… and %1 more</source>
            <translation>… und %1 weitere</translation>
        </message>
        <message>
            <source>Won</source>
            <translation>Gewonnen</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>Individual</source>
            <translation>Individuell</translation>
        </message>
        <message>
            <source>on track</source>
            <translation>im Plan</translation>
        </message>
        <message>
            <source>behind</source>
            <translation>im Rückstand</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Fällig</translation>
        </message>
        <message>
            <source>None.</source>
            <translation>Keine.</translation>
        </message>
        <message>
            <source>No open deals.</source>
            <translation>Keine offenen Deals.</translation>
        </message>
        <message>
            <source>No targets for today's periods.</source>
            <translation>Keine Ziele für die laufenden Zeiträume.</translation>
        </message>
        <message>
            <source>No data in this period.</source>
            <translation>Keine Daten in diesem Zeitraum.</translation>
        </message>
        <message>
            <source>New leads</source>
            <translation>Neue Leads</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Aktivitäten</translation>
        </message>
        <message>
            <source>month</source>
            <translation>Monat</translation>
        </message>
        <message>
            <source>quarter</source>
            <translation>Quartal</translation>
        </message>
        <message>
            <source>year</source>
            <translation>Jahr</translation>
        </message>
    </context>
    <context>
        <name>ReportsPane</name>
        <message>
            <source>Pipeline</source>
            <translation>Pipeline</translation>
        </message>
        <message>
            <source>Set target…</source>
            <translation>Ziel setzen…</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>PDF exportieren…</translation>
        </message>
        <message>
            <source>Pipeline report…</source>
            <translation>Pipelinebericht…</translation>
        </message>
        <message>
            <source>Funnel report…</source>
            <translation>Trichterbericht…</translation>
        </message>
        <message>
            <source>Report pack (all reports)…</source>
            <translation>Berichtspaket (alle Berichte)…</translation>
        </message>
        <message>
            <source>Loading reports…</source>
            <translation>Berichte werden geladen…</translation>
        </message>
        <message>
            <source>Pipeline value per stage</source>
            <translation>Pipelinewert je Phase</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Weighted value</source>
            <translation>Gewichteter Wert</translation>
        </message>
        <message>
            <source>Won value per month and target</source>
            <translation>Gewonnener Wert je Monat und Ziel</translation>
        </message>
        <message>
            <source>Won value</source>
            <translation>Gewonnener Wert</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Ziel</translation>
        </message>
        <message>
            <source>Funnel conversion per step</source>
            <translation>Trichterkonversion je Schritt</translation>
        </message>
        <message>
            <source>Pipeline conversion per step</source>
            <translation>Pipeline-Konversion je Schritt</translation>
        </message>
        <message>
            <source>Win rate per month</source>
            <translation>Abschlussquote je Monat</translation>
        </message>
        <message>
            <source>Average sales cycle per month (days)</source>
            <translation>Durchschn. Verkaufszyklus je Monat (Tage)</translation>
        </message>
        <message>
            <source>Forecast: expected won value per month of expected close</source>
            <translation>Prognose: erwarteter gewonnener Wert je Monat des erwarteten Abschlusses</translation>
        </message>
        <message>
            <source>Expected value</source>
            <translation>Erwarteter Wert</translation>
        </message>
        <message>
            <source>Open deals</source>
            <translation>Offene Deals</translation>
        </message>
        <message>
            <source>Pipeline value</source>
            <translation>Pipelinewert</translation>
        </message>
        <message>
            <source>Win rate</source>
            <translation>Abschlussquote</translation>
        </message>
        <message>
            <source>Average deal size</source>
            <translation>Durchschn. Dealwert</translation>
        </message>
        <message>
            <source>Average sales cycle</source>
            <translation>Durchschn. Verkaufszyklus</translation>
        </message>
        <message>
            <source>Leads entered</source>
            <translation>Neue Leads</translation>
        </message>
        <message>
            <source>New customers</source>
            <translation>Neukunden</translation>
        </message>
        <message>
            <source>Cost per customer (CAC)</source>
            <translation>Kosten je Neukunde (CAC)</translation>
        </message>
        <message>
            <source>Targets</source>
            <translation>Ziele</translation>
        </message>
        <message>
            <source>Pipeline snapshots</source>
            <translation>Pipeline-Momentaufnahmen</translation>
        </message>
        <message>
            <source>Pipeline velocity</source>
            <translation>Pipeline-Tempo</translation>
        </message>
        <message>
            <source>Expected won value per day: open deals × win rate × average deal size ÷ average sales cycle, with the rates of the selected period.</source>
            <translation>Erwarteter gewonnener Wert pro Tag: offene Deals × Abschlussquote × durchschn. Dealwert ÷ durchschn. Verkaufszyklus, mit den Werten des gewählten Zeitraums.</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 Tage</translation>
        </message>
        <message>
            <source>Open deals as of %1</source>
            <translation>Offene Deals am %1</translation>
        </message>
        <message>
            <source>Open deals now</source>
            <translation>Offene Deals jetzt</translation>
        </message>
        <message>
            <source>%1: %2 deals · value %3 · weighted %4</source>
            <translation>%1: %2 Deals · Wert %3 · gewichtet %4</translation>
        </message>
        <message>
            <source>%1: won %2 (%3 deals) · target %4</source>
            <translation>%1: gewonnen %2 (%3 Deals) · Ziel %4</translation>
        </message>
        <message>
            <source>Won</source>
            <translation>Gewonnen</translation>
        </message>
        <message>
            <source>%1 → %2: %3 of %4 (%5)</source>
            <translation>%1 → %2: %3 von %4 (%5)</translation>
        </message>
        <message>
            <source>%1: win rate %2 (%3 won, %4 lost)</source>
            <translation>%1: Abschlussquote %2 (%3 gewonnen, %4 verloren)</translation>
        </message>
        <message>
            <source>%1: average sales cycle %2 (%3 won)</source>
            <translation>%1: durchschn. Verkaufszyklus %2 (%3 gewonnen)</translation>
        </message>
        <message>
            <source>%1: %2 deals expected to close · value %3 · expected %4</source>
            <translation>%1: %2 Deals erwartet · Wert %3 · erwartet %4</translation>
        </message>
        <message>
            <source>%1 per day</source>
            <translation>%1 pro Tag</translation>
        </message>
        <message>
            <source>Needs won deals in the period (win rate, deal size and cycle).</source>
            <translation>Braucht gewonnene Deals im Zeitraum (Abschlussquote, Dealwert und Zyklus).</translation>
        </message>
        <message>
            <source>%1 open deals × %2 × %3 ÷ %4 days</source>
            <translation>%1 offene Deals × %2 × %3 ÷ %4 Tage</translation>
        </message>
    </context>
    <context>
        <name>Reschedule</name>
        <message>
            <source>Tomorrow</source>
            <translation>Morgen</translation>
        </message>
        <message>
            <source>In 3 days</source>
            <translation>In 3 Tagen</translation>
        </message>
        <message>
            <source>Next week</source>
            <translation>Nächste Woche</translation>
        </message>
        <message>
            <source>Pick a date…</source>
            <translation>Datum wählen…</translation>
        </message>
        <message>
            <source>New due date</source>
            <translation>Neues Fälligkeitsdatum</translation>
        </message>
    </context>
    <context>
        <name>RestoreBackupDialog</name>
        <message>
            <source>Restore from backup</source>
            <translation>Aus Sicherung wiederherstellen</translation>
        </message>
        <message>
            <source>Choose the backup to go back to. The database as it is now is kept as a file next to it; nothing is deleted.</source>
            <translation>Wählen Sie die Sicherung, zu der Sie zurückkehren möchten. Die Datenbank in ihrem jetzigen Zustand bleibt als Datei daneben erhalten; nichts wird gelöscht.</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Erstellt</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>Deals</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Sicherungen</translation>
        </message>
        <message>
            <source>There are no backups of this database yet.</source>
            <translation>Von dieser Datenbank gibt es noch keine Sicherungen.</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>&amp;Wiederherstellen</translation>
        </message>
        <message>
            <source>Other &amp;file…</source>
            <translation>Andere &amp;Datei…</translation>
        </message>
        <message>
            <source>unreadable</source>
            <translation>unlesbar</translation>
        </message>
        <message>
            <source>Restore from file</source>
            <translation>Aus Datei wiederherstellen</translation>
        </message>
        <message>
            <source>Dealboard databases (*.sqlite *.db);;All files (*)</source>
            <translation>Dealboard-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
        </message>
    </context>
    <context>
        <name>ServiceError</name>
        <message>
            <source>An activity needs a subject.</source>
            <translation>Eine Aktivität braucht einen Betreff.</translation>
        </message>
        <message>
            <source>Unknown activity kind "%1" (one of %2).</source>
            <translation>Unbekannte Art der Aktivität „%1“ (möglich: %2).</translation>
        </message>
        <message>
            <source>The database file is damaged (%1); nothing was written to it.</source>
            <translation>Die Datenbankdatei ist beschädigt (%1); es wurde nichts darin gespeichert.</translation>
        </message>
        <message>
            <source>Spend needs a channel.</source>
            <translation>Ausgaben brauchen einen Kanal.</translation>
        </message>
        <message>
            <source>Spend must be a positive amount.</source>
            <translation>Ausgaben dürfen nicht negativ sein.</translation>
        </message>
        <message>
            <source>Spend is too large: at most %1.</source>
            <translation>Die Ausgaben sind zu hoch: höchstens %1.</translation>
        </message>
        <message>
            <source>Unknown target "%1" (one of %2).</source>
            <translation>Unbekanntes Ziel „%1“ (möglich: %2).</translation>
        </message>
        <message>
            <source>Unknown period "%1" (month, quarter or year).</source>
            <translation>Unbekannter Zeitraum „%1“ (Monat, Quartal oder Jahr).</translation>
        </message>
        <message>
            <source>A target must be greater than zero.</source>
            <translation>Ein Ziel muss größer als null sein.</translation>
        </message>
        <message>
            <source>Company name must not be empty.</source>
            <translation>Der Firmenname darf nicht leer sein.</translation>
        </message>
        <message>
            <source>Unknown company field(s): %1</source>
            <translation>Unbekannte Firmenfelder: %1</translation>
        </message>
        <message>
            <source>Contact name must not be empty.</source>
            <translation>Der Name des Kontakts darf nicht leer sein.</translation>
        </message>
        <message>
            <source>Email "%1" is not an email address.</source>
            <translation>„%1“ ist keine E-Mail-Adresse.</translation>
        </message>
        <message>
            <source>Unknown deal field(s): %1</source>
            <translation>Unbekannte Deal-Felder: %1</translation>
        </message>
        <message>
            <source>Deal %1 does not exist.</source>
            <translation>Den Deal %1 gibt es nicht.</translation>
        </message>
        <message>
            <source>A lost deal needs a reason.</source>
            <translation>Ein verlorener Deal braucht einen Grund.</translation>
        </message>
        <message>
            <source>Some of the deals do not exist.</source>
            <translation>Einige der Deals gibt es nicht.</translation>
        </message>
        <message>
            <source>Title must not be empty.</source>
            <translation>Der Titel darf nicht leer sein.</translation>
        </message>
        <message>
            <source>Value must be a positive amount.</source>
            <translation>Der Wert darf nicht negativ sein.</translation>
        </message>
        <message>
            <source>Value is too large: at most %1.</source>
            <translation>Der Wert ist zu hoch: höchstens %1.</translation>
        </message>
        <message>
            <source>Probability must be a whole number from 0 to 100.</source>
            <translation>Die Wahrscheinlichkeit muss eine ganze Zahl von 0 bis 100 sein.</translation>
        </message>
        <message>
            <source>Company %1 does not exist.</source>
            <translation>Die Firma %1 gibt es nicht.</translation>
        </message>
        <message>
            <source>Contact %1 does not exist.</source>
            <translation>Den Kontakt %1 gibt es nicht.</translation>
        </message>
        <message>
            <source>No pipeline named "%1" (known: %2).</source>
            <translation>Keine Pipeline namens „%1“ (vorhanden: %2).</translation>
        </message>
        <message>
            <source>A pipeline needs a name.</source>
            <translation>Eine Pipeline braucht einen Namen.</translation>
        </message>
        <message>
            <source>A pipeline named "%1" exists already.</source>
            <translation>Eine Pipeline namens „%1“ gibt es schon.</translation>
        </message>
        <message>
            <source>A pipeline needs at least one stage.</source>
            <translation>Eine Pipeline braucht mindestens eine Phase.</translation>
        </message>
        <message>
            <source>A stage named "%1" exists already.</source>
            <translation>Eine Phase namens „%1“ gibt es schon.</translation>
        </message>
        <message>
            <source>Rotting days must be at least 1.</source>
            <translation>Die Liegetage müssen mindestens 1 sein.</translation>
        </message>
        <message>
            <source>The new order must name every stage of the pipeline once.</source>
            <translation>Die neue Reihenfolge muss jede Phase der Pipeline genau einmal nennen.</translation>
        </message>
        <message>
            <source>Stage "%1" still has deals: name the stage they move to.</source>
            <translation>Die Phase „%1“ hat noch Deals: Nennen Sie die Phase, in die sie wandern.</translation>
        </message>
        <message>
            <source>Deals can only move to another stage of the same pipeline.</source>
            <translation>Deals können nur in eine andere Phase derselben Pipeline wandern.</translation>
        </message>
        <message>
            <source>A pipeline keeps at least one stage.</source>
            <translation>Eine Pipeline behält mindestens eine Phase.</translation>
        </message>
        <message>
            <source>A funnel stage named "%1" exists already.</source>
            <translation>Eine Trichterphase namens „%1“ gibt es schon.</translation>
        </message>
        <message>
            <source>The new order must name every funnel stage once.</source>
            <translation>Die neue Reihenfolge muss jede Trichterphase genau einmal nennen.</translation>
        </message>
        <message>
            <source>This funnel stage still has companies: name the stage they move to.</source>
            <translation>Diese Trichterphase hat noch Firmen: Nennen Sie die Phase, in die sie wandern.</translation>
        </message>
        <message>
            <source>The funnel keeps at least two stages.</source>
            <translation>Der Trichter behält mindestens zwei Phasen.</translation>
        </message>
        <message>
            <source>A planned action needs a text.</source>
            <translation>Eine geplante Aktion braucht einen Text.</translation>
        </message>
        <message>
            <source>"%1": due-in days must not be negative.</source>
            <translation>„%1“: Die Tage bis zur Fälligkeit dürfen nicht negativ sein.</translation>
        </message>
        <message>
            <source>A stage needs a name.</source>
            <translation>Eine Phase braucht einen Namen.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Allgemein</translation>
        </message>
        <message>
            <source>Pipeline stages</source>
            <translation>Pipelinephasen</translation>
        </message>
        <message>
            <source>Funnel stages</source>
            <translation>Trichterphasen</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Sicherungen</translation>
        </message>
        <message>
            <source>Lost reasons</source>
            <translation>Verlustgründe</translation>
        </message>
        <message>
            <source>Changes to stages are saved at once.</source>
            <translation>Änderungen an Phasen werden sofort gespeichert.</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>Systemsprache</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
        <message>
            <source>Like the system</source>
            <translation>Wie das System</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Hell</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dunkel</translation>
        </message>
        <message>
            <source>&amp;Theme:</source>
            <translation>&amp;Farbschema:</translation>
        </message>
        <message>
            <source>Home &amp;currency:</source>
            <translation>&amp;Währung:</translation>
        </message>
        <message>
            <source>Amounts are stored without conversion: changing the currency changes how they are labelled, not their value. A new language or currency rebuilds the window (the undo history starts afresh).</source>
            <translation>Beträge werden nicht umgerechnet: Eine andere Währung ändert nur die Beschriftung, nicht den Wert. Eine neue Sprache oder Währung baut das Fenster neu auf (der Rückgängig-Verlauf beginnt von vorn).</translation>
        </message>
        <message>
            <source>Beside the database (default)</source>
            <translation>Neben der Datenbank (Standard)</translation>
        </message>
        <message>
            <source>Backup folder</source>
            <translation>Sicherungsordner</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Durchsuchen…</translation>
        </message>
        <message>
            <source>Backup &amp;folder:</source>
            <translation>Sicherungs&amp;ordner:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> Min.</translation>
        </message>
        <message>
            <source>Back up &amp;every:</source>
            <translation>Sichern &amp;alle:</translation>
        </message>
        <message>
            <source>A backup is made when Dealboard starts and then after every interval in which something changed. Older backups are thinned out automatically.</source>
            <translation>Dealboard sichert beim Start und danach nach jedem Intervall, in dem sich etwas geändert hat. Ältere Sicherungen werden automatisch ausgedünnt.</translation>
        </message>
        <message>
            <source>A currency is a three-letter code such as EUR or USD.</source>
            <translation>Eine Währung ist ein Code aus drei Buchstaben wie EUR oder USD.</translation>
        </message>
    </context>
    <context>
        <name>SnapshotsPanel</name>
        <message>
            <source>Note (optional), e.g. end of quarter</source>
            <translation>Notiz (optional), z. B. Quartalsende</translation>
        </message>
        <message>
            <source>Save snapshot</source>
            <translation>Momentaufnahme speichern</translation>
        </message>
        <message>
            <source>Store the pipeline as it is now, to compare later</source>
            <translation>Die Pipeline in ihrem jetzigen Stand speichern, um später zu vergleichen</translation>
        </message>
        <message>
            <source>Made at</source>
            <translation>Erstellt am</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Notiz</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>Deals</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Phase</translation>
        </message>
        <message>
            <source>Deals before</source>
            <translation>Deals davor</translation>
        </message>
        <message>
            <source>Deals after</source>
            <translation>Deals danach</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Änderung</translation>
        </message>
        <message>
            <source>Value before</source>
            <translation>Wert davor</translation>
        </message>
        <message>
            <source>Value after</source>
            <translation>Wert danach</translation>
        </message>
        <message>
            <source>Select two snapshots to compare them.</source>
            <translation>Wählen Sie zwei Momentaufnahmen zum Vergleich.</translation>
        </message>
        <message>
            <source>Change from %1 to %2</source>
            <translation>Änderung von %1 zu %2</translation>
        </message>
    </context>
    <context>
        <name>SpendDialog</name>
        <message>
            <source>Acquisition spend</source>
            <translation>Akquisitionskosten</translation>
        </message>
        <message>
            <source>e.g. LinkedIn</source>
            <translation>z. B. LinkedIn</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Speichern</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Kanal</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Monat</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Betrag</translation>
        </message>
        <message>
            <source>Entered so far (newest first); click one to change it:</source>
            <translation>Bisher erfasst (neueste zuerst); zum Ändern anklicken:</translation>
        </message>
        <message>
            <source>Enter the channel the money was spent on, e.g. LinkedIn.</source>
            <translation>Geben Sie den Kanal an, für den das Geld ausgegeben wurde, z. B. LinkedIn.</translation>
        </message>
        <message>
            <source>Enter an amount, e.g. 1,250.00.</source>
            <translation>Geben Sie einen Betrag ein, z. B. 1.250,00.</translation>
        </message>
        <message>
            <source>"%1" is not an amount. Write it like 1,234.56 or 1.234,56, at most two decimals.</source>
            <translation>„%1“ ist kein Betrag. Schreiben Sie ihn wie 1.234,56 oder 1,234.56, höchstens zwei Nachkommastellen.</translation>
        </message>
        <message>
            <source>Spend cannot be negative.</source>
            <translation>Ausgaben können nicht negativ sein.</translation>
        </message>
        <message>
            <source>%1 is more than %2 in one month: please check the amount.</source>
            <translation>%1 ist mehr als %2 in einem Monat: Bitte prüfen Sie den Betrag.</translation>
        </message>
    </context>
    <context>
        <name>Stage</name>
        <message>
            <source>Qualification</source>
            <translation>Qualifikation</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Treffen</translation>
        </message>
        <message>
            <source>Proposal</source>
            <translation>Angebot</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Abschluss</translation>
        </message>
        <message>
            <source>Awareness</source>
            <translation>Bewusstsein</translation>
        </message>
        <message>
            <source>Interest</source>
            <translation>Interesse</translation>
        </message>
        <message>
            <source>Consideration</source>
            <translation>Erwägung</translation>
        </message>
        <message>
            <source>Engagement</source>
            <translation>Engagement</translation>
        </message>
        <message>
            <source>Conversion</source>
            <translation>Konversion</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>Vertrieb</translation>
        </message>
    </context>
    <context>
        <name>StageColumn</name>
        <message>
            <source>%1 · weighted %2</source>
            <translation>%1 · gewichtet %2</translation>
        </message>
        <message numerus="yes">
            <source>%n open deal(s)</source>
            <translation>
                <numerusform>%n offener Deal</numerusform>
                <numerusform>%n offene Deals</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StageColumnModel</name>
        <message>
            <source>Next action: %1</source>
            <translation>Nächste Aktion: %1</translation>
        </message>
        <message>
            <source>No next action</source>
            <translation>Ohne nächste Aktion</translation>
        </message>
        <message>
            <source>Rotting</source>
            <translation>Liegengeblieben</translation>
        </message>
    </context>
    <context>
        <name>TargetDialog</name>
        <message>
            <source>Set target</source>
            <translation>Ziel setzen</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Monat</translation>
        </message>
        <message>
            <source>Quarter</source>
            <translation>Quartal</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Jahr</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>Individual (me)</source>
            <translation>Individuell (ich)</translation>
        </message>
        <message>
            <source>Target for</source>
            <translation>Ziel für</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Zeitraum</translation>
        </message>
        <message>
            <source>Starting</source>
            <translation>Ab</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Verantwortlich</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Betrag</translation>
        </message>
        <message>
            <source>Enter an amount greater than zero.</source>
            <translation>Geben Sie einen Betrag größer als null ein.</translation>
        </message>
        <message>
            <source>Enter an amount such as %1.</source>
            <translation>Geben Sie einen Betrag wie %1 ein.</translation>
        </message>
        <message>
            <source>Enter a whole number such as 25.</source>
            <translation>Geben Sie eine ganze Zahl wie 25 ein.</translation>
        </message>
    </context>
    <context>
        <name>Targets</name>
        <message>
            <source>Won value</source>
            <translation>Gewonnener Wert</translation>
        </message>
        <message>
            <source>Won deals</source>
            <translation>Gewonnene Deals</translation>
        </message>
        <message>
            <source>New leads</source>
            <translation>Neue Leads</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Aktivitäten</translation>
        </message>
        <message>
            <source>Q%1 %2</source>
            <translation>Q%1 %2</translation>
        </message>
    </context>
    <context>
        <name>TargetsStrip</name>
        <message>
            <source>No targets for the current month, quarter or year.</source>
            <translation>Keine Ziele für den laufenden Monat, das Quartal oder das Jahr.</translation>
        </message>
        <message>
            <source>%1 (individual)</source>
            <translation>%1 (individuell)</translation>
        </message>
        <message>
            <source>on track</source>
            <translation>im Plan</translation>
        </message>
        <message>
            <source>behind</source>
            <translation>im Rückstand</translation>
        </message>
        <message>
            <source>projected %1 by %2 · %3</source>
            <translation>Hochrechnung %1 bis %2 · %3</translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message>
            <source>Trash</source>
            <translation>Papierkorb</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Gelöscht</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Wiederherstellen</translation>
        </message>
        <message>
            <source>Empty trash…</source>
            <translation>Papierkorb leeren…</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>Deal</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>Firma</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Kontakt</translation>
        </message>
        <message>
            <source>Empty trash</source>
            <translation>Papierkorb leeren</translation>
        </message>
        <message numerus="yes">
            <source>Remove %n item(s) for good? This cannot be undone.</source>
            <translation>
                <numerusform>%n Eintrag endgültig entfernen? Das lässt sich nicht rückgängig machen.</numerusform>
                <numerusform>%n Einträge endgültig entfernen? Das lässt sich nicht rückgängig machen.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Views</name>
        <message>
            <source>Funnel</source>
            <translation>Trichter</translation>
        </message>
        <message>
            <source>Companies</source>
            <translation>Firmen</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Kontakte</translation>
        </message>
        <message>
            <source>Next actions</source>
            <translation>Nächste Aktionen</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Berichte</translation>
        </message>
        <message>
            <source>Export report as PDF…</source>
            <translation>Bericht als PDF exportieren…</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to Dealboard</source>
            <translation>Willkommen bei Dealboard</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Welcome to Dealboard&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;Willkommen bei Dealboard&lt;/h2&gt;</translation>
        </message>
        <message>
            <source>Dealboard keeps your sales funnel (companies, from first contact to customer) and your sales pipeline (deals, from qualification to close) in one file on this computer. How would you like to start?</source>
            <translation>Dealboard führt Ihren Verkaufstrichter (Firmen, vom ersten Kontakt bis zum Kunden) und Ihre Verkaufspipeline (Deals, von der Qualifikation bis zum Abschluss) in einer Datei auf diesem Rechner. Wie möchten Sie beginnen?</translation>
        </message>
        <message>
            <source>Explore the demo data</source>
            <translation>Demodaten erkunden</translation>
        </message>
        <message>
            <source>Look around in a filled database with made-up companies and deals.</source>
            <translation>Sehen Sie sich in einer gefüllten Datenbank mit erfundenen Firmen und Deals um.</translation>
        </message>
        <message>
            <source>Start with an empty database</source>
            <translation>Mit einer leeren Datenbank beginnen</translation>
        </message>
        <message>
            <source>A new file for your own deals; the demo stays in File → Open recent.</source>
            <translation>Eine neue Datei für Ihre eigenen Deals; die Demo bleibt unter Datei → Zuletzt geöffnet.</translation>
        </message>
        <message>
            <source>Import a CSV file</source>
            <translation>Eine CSV-Datei importieren</translation>
        </message>
        <message>
            <source>Bring deals, companies or contacts from a spreadsheet or another CRM.</source>
            <translation>Deals, Firmen oder Kontakte aus einer Tabelle oder einem anderen CRM übernehmen.</translation>
        </message>
    </context>
    <context>
        <name>_DaysDelegate</name>
        <message>
            <source> days</source>
            <translation> Tage</translation>
        </message>
    </context>
    <context>
        <name>_StageTable</name>
        <message>
            <source>&amp;Add stage</source>
            <translation>Phase &amp;hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Remove…</source>
            <translation>&amp;Entfernen…</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>Nach &amp;oben</translation>
        </message>
        <message>
            <source>Move &amp;down</source>
            <translation>Nach &amp;unten</translation>
        </message>
        <message>
            <source>The last stage cannot be removed.</source>
            <translation>Die letzte Phase kann nicht entfernt werden.</translation>
        </message>
        <message>
            <source>Remove stage</source>
            <translation>Phase entfernen</translation>
        </message>
    </context>
</TS>
