<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>kilima::browser::StudyBrowser</name>
    <message>
        <location filename="../modules/browser/src/studybrowser.cpp" line="28"/>
        <source>Patient name or ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studybrowser.cpp" line="30"/>
        <source>Text with a digit matches the start of the patient ID;
other text matches any part of the patient name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studybrowser.cpp" line="34"/>
        <source>Any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studybrowser.cpp" line="35"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studybrowser.cpp" line="36"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studybrowser.cpp" line="37"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studybrowser.cpp" line="40"/>
        <source>Any modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studybrowser.cpp" line="140"/>
        <source>Query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studybrowser.cpp" line="144"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studybrowser.cpp" line="148"/>
        <source>1 study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studybrowser.cpp" line="148"/>
        <source>%1 studies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::browser::StudyListModel</name>
    <message>
        <location filename="../modules/browser/src/studylistmodel.cpp" line="422"/>
        <source>Patient name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studylistmodel.cpp" line="423"/>
        <source>Patient ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studylistmodel.cpp" line="424"/>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studylistmodel.cpp" line="425"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studylistmodel.cpp" line="426"/>
        <source>Study date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studylistmodel.cpp" line="427"/>
        <source>Modalities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studylistmodel.cpp" line="428"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studylistmodel.cpp" line="429"/>
        <source>Accession #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studylistmodel.cpp" line="430"/>
        <source>Referring physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studylistmodel.cpp" line="431"/>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/browser/src/studylistmodel.cpp" line="432"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::workstation::MainWindow</name>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="29"/>
        <source>Kilima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="37"/>
        <source>Query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="51"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="52"/>
        <source>&amp;Import Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="54"/>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="56"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="60"/>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="63"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="64"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="69"/>
        <source>&amp;Find Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="73"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="74"/>
        <source>&amp;About Kilima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="95"/>
        <source>Archive statistics unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="100"/>
        <source>Patients: %1 · Studies: %2 · Series: %3 · Images: %4 · Stored: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="111"/>
        <source>Import Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="123"/>
        <source>Looking for DICOM files in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="125"/>
        <location filename="../app/workstation/mainwindow.cpp" line="191"/>
        <location filename="../app/workstation/mainwindow.cpp" line="206"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="144"/>
        <source>Importing %1 of %2 files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="163"/>
        <source>Imported %1 files from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="166"/>
        <source>%1 already in the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="168"/>
        <source>%1 not DICOM, skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="170"/>
        <source>%1 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="174"/>
        <source>No files found in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="183"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="195"/>
        <source>See the details for the files that were not imported and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="207"/>
        <source>An import is running. Quit again once it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="216"/>
        <source>About Kilima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/mainwindow.cpp" line="217"/>
        <source>&lt;b&gt;Kilima&lt;/b&gt; %1&lt;br&gt;Diagnostic workstation with an embedded DICOM archive.&lt;br&gt;Archive: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/workstation/main.cpp" line="33"/>
        <source>Kilima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/main.cpp" line="64"/>
        <source>Kilima diagnostic workstation: browse and import studies of the local archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/main.cpp" line="70"/>
        <source>Archive location (default $KILIMA_DATA_DIR, else $XDG_DATA_HOME/kilima, normally ~/.local/share/kilima).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/main.cpp" line="74"/>
        <source>Colour theme: dark (default) or light.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/main.cpp" line="78"/>
        <source>Render the main window to the PNG FILE once the first page of studies is loaded, then exit (for documentation and tests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/main.cpp" line="82"/>
        <source>Debug logging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/main.cpp" line="99"/>
        <source>unknown theme &quot;%1&quot; (use dark or light)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workstation/main.cpp" line="114"/>
        <source>cannot open the archive in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
