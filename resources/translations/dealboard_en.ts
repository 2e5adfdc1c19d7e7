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
