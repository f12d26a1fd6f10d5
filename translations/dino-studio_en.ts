<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plural forms only: the sources say "image(s)"; this file says "1 image", "2 images".
     Written by hand (lupdate does not maintain it); translations_complete checks that it has every
     plural message the sources have. -->
<TS version="2.1" language="en">
<context>
    <name>AttentionExplorer</name>
    <message numerus="yes">
        <source>Batch export stopped: %n image(s) written.</source>
        <translation>
            <numerusform>Batch export stopped: %n image written.</numerusform>
            <numerusform>Batch export stopped: %n images written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch export done: %n image(s) written.</source>
        <translation>
            <numerusform>Batch export done: %n image written.</numerusform>
            <numerusform>Batch export done: %n images written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be exported: %1</source>
        <translation>
            <numerusform>%n could not be exported: %1</numerusform>
            <numerusform>%n could not be exported: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n image(s)...</source>
        <translation>
            <numerusform>Exporting %n image...</numerusform>
            <numerusform>Exporting %n images...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checkpoint(s) left out: %1</source>
        <translation>
            <numerusform>%n checkpoint left out: %1</numerusform>
            <numerusform>%n checkpoints left out: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Computing the maps at %n checkpoint(s)...</source>
        <translation>
            <numerusform>Computing the maps at %n checkpoint...</numerusform>
            <numerusform>Computing the maps at %n checkpoints...</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigPanel</name>
    <message numerus="yes">
        <source>%Ln image(s) in %1</source>
        <translation>
            <numerusform>%Ln image in %1</numerusform>
            <numerusform>%Ln images in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln class(es)</source>
        <translation>
            <numerusform>%Ln class</numerusform>
            <numerusform>%Ln classes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln image</numerusform>
            <numerusform>%Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1</source>
        <translation>
            <numerusform>Wrote %n file to %1</numerusform>
            <numerusform>Wrote %n files to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunComparison</name>
    <message numerus="yes">
        <source>%n file(s) written to %1.</source>
        <translation>
            <numerusform>%n file written to %1.</numerusform>
            <numerusform>%n files written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message numerus="yes">
        <source>%n run(s) under %1.</source>
        <translation>
            <numerusform>%n run under %1.</numerusform>
            <numerusform>%n runs under %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
