<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>BoardView</name>
        <message numerus="yes">
            <source>Move %n deal(s)</source>
            <translation>
                <numerusform>Move %n deal</numerusform>
                <numerusform>Move %n deals</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Win %n deal(s)</source>
            <translation>
                <numerusform>Win %n deal</numerusform>
                <numerusform>Win %n deals</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Lose %n deal(s)</source>
            <translation>
                <numerusform>Lose %n deal</numerusform>
                <numerusform>Lose %n deals</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move %n deal(s) to the trash</source>
            <translation>
                <numerusform>Move %n deal to the trash</numerusform>
                <numerusform>Move %n deals to the trash</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CompaniesView</name>
        <message numerus="yes">
            <source>%Ln company(ies)</source>
            <translation>
                <numerusform>%Ln company</numerusform>
                <numerusform>%Ln companies</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln company(ies), %1 selected</source>
            <translation>
                <numerusform>%Ln company, %1 selected</numerusform>
                <numerusform>%Ln companies, %1 selected</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move %n company(ies) to %1</source>
            <translation>
                <numerusform>Move %n company to %1</numerusform>
                <numerusform>Move %n companies to %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Set group of %n company(ies)</source>
            <translation>
                <numerusform>Set group of %n company</numerusform>
                <numerusform>Set group of %n companies</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Tag %n company(ies) with %1</source>
            <translation>
                <numerusform>Tag %n company with %1</numerusform>
                <numerusform>Tag %n companies with %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove tag %1 from %n company(ies)</source>
            <translation>
                <numerusform>Remove tag %1 from %n company</numerusform>
                <numerusform>Remove tag %1 from %n companies</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ContactsView</name>
        <message numerus="yes">
            <source>%Ln contact(s)</source>
            <translation>
                <numerusform>%Ln contact</numerusform>
                <numerusform>%Ln contacts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message numerus="yes">
            <source>%n problem(s)</source>
            <translation>
                <numerusform>%n problem</numerusform>
                <numerusform>%n problems</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n line(s)</source>
            <translation>
                <numerusform>%n line</numerusform>
                <numerusform>%n lines</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LostReasonDialog</name>
        <message numerus="yes">
            <source>Why was this lost? (%n deal(s))</source>
            <translation>
                <numerusform>Why was this lost? (%n deal)</numerusform>
                <numerusform>Why was this lost? (%n deals)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StageColumn</name>
        <message numerus="yes">
            <source>%n open deal(s)</source>
            <translation>
                <numerusform>%n open deal</numerusform>
                <numerusform>%n open deals</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message numerus="yes">
            <source>Remove %n item(s) for good? This cannot be undone.</source>
            <translation>
                <numerusform>Remove %n item for good? This cannot be undone.</numerusform>
                <numerusform>Remove %n items for good? This cannot be undone.</numerusform>
            </translation>
        </message>
    </context>
</TS>
