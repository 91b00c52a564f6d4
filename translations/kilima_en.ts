<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>The study could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::browser</name>
    <message>
        <source>%1 refused the user name or password (%2). Check them in Settings &gt; DICOMweb servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer at %2 (%3). Check the address and that the server runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::browser::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for DICOM files in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 of %2 files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import stopped: %1 files imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already in the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not DICOM, skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files below were not imported; the reason follows each name. Fix or replace them and import again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::browser::QueryRetrievePanel</name>
    <message>
        <source>&amp;Echo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retrieve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote nodes come from Settings &gt; Known nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the connection with a C-ECHO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient name or ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C-GET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C-MOVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C-GET brings the images on the same connection; C-MOVE asks the node to send them to this workstation&apos;s node, which that node must know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The known nodes cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No remote nodes yet: add one in Settings &gt; Known nodes (AE title, host, port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a remote node first (add one in Settings &gt; Known nodes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered the echo: the connection works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 study on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 studies on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly: %1 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieved %1 images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::browser::RemoteStudies</name>
    <message>
        <source>%1 images could not be stored here: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node could not send %1 images (status 0x%2 %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C-MOVE needs this workstation&apos;s node running: start it in Node status, or use C-GET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not know this workstation as &quot;%2&quot;: add it to that node&apos;s known nodes with its host and port, or retrieve with C-GET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images were not sent (status 0x%2 %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer (%2). Check that the node runs and that its host and port are right, and that no firewall blocks the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the association (%2). Check the AE titles: that node must know this workstation&apos;s AE title &quot;%3&quot; and allow it this service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::browser::StudyBrowser</name>
    <message>
        <source>&amp;My worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient name, patient ID or accession number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches any part of the patient name, or the start of the patient ID or of the
accession number. * and ? are wildcards (then the whole value must match).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First study date of the range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last study date of the range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the studies assigned to you that are not final, STAT first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 studies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::browser::StudyListModel</name>
    <message>
        <source>STAT · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referring physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::browser::WorklistPanel</name>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station AE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the %1 procedure of %2? The modality will no longer see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worklist cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 procedure scheduled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 procedures scheduled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient name (FAMILY^Given):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accession #:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station AE title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referring physician:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the patient&apos;s name or ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the birth date as YYYYMMDD, e.g. 19800131.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::exchange</name>
    <message>
        <source>Choose where to export to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive cannot list the images to export: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive has no study with Study Instance UID %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive has no series with Series Instance UID %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export: the selection has no images in the archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you may write to, with free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1. Choose a folder you may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 is not empty: a DICOMDIR set needs an empty folder (for example a new folder on the CD staging area).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled after %1 of %2 images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1 from the archive (%2): run `kilima-node verify`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>study %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: the disk may be full or read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing exported: every object of the selection was left out to protect the patient&apos;s identity.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DICOMDIR could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot finish %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::exchange::ExportSummary</name>
    <message>
        <source>Exported %1 object(s) (%2) to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-identified (DICOM PS3.15 Basic Application Level Confidentiality Profile): %1 object(s) cleaned, %2 left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out (not written):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleaned:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::reportui::ReportPanel</name>
    <message>
        <source>Draft autosaved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New macro…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type .key and space to insert a macro (e.g. .nad)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Structured findings&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Measurements&lt;/b&gt; (from the viewer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link the viewer&apos;s measurements and key images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preliminary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addendum…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered the unsaved draft journalled at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accession %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n key image(s) linked</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Addendum&lt;/b&gt; by %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — signed by %1 on %2 (read-only; corrections as addenda)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing… (checking the password, writing the PDF, SR and key images into the study)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing makes the report final and stores it in the study.
Password of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction or addition (the signed report stays as it is):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No template &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change template</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You changed %n finding(s) of the current template: %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Section text you typed stays in any case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep my findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No template matches this study: choose one above, or write on the blank report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank report. Templates that fit this study: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; chosen for this study (%2). Check it fits, or choose another above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; (chosen by the reader).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank report (no template)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New macro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short key (typed as .key):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text inserted for .%1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::reportui::Templates</name>
    <message>
        <source>CT chest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chest X-ray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MR brain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abdominal ultrasound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Echocardiogram</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::viewer::MprView</name>
    <message>
        <source>MIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MinIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slab mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slab thickness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset planes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click or drag: move the crosshair. Wheel: move the plane. Shift+wheel: rotate the other planes (oblique). Colours: axial blue, coronal green, sagittal red.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::viewer::Presets</name>
    <message>
        <source>CT Soft tissue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT Lung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT Bone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT Brain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT Liver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT Mediastinum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT Angio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT Stroke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT Subdural</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MR Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::viewer::SliceView</name>
    <message>
        <source>Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::viewer::StudyViewer</name>
    <message>
        <source>Segmentation: referenced images not in this study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
(other study %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right–left from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anterior–posterior from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foot–head from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left drag: rotate. Right drag or wheel: zoom. Middle drag: pan. Keys 1–5: presets. A coarse copy renders while the mouse is down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1×1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1×2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2×2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Angle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freehand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crosshair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VOI LUT (file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flip H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flip V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cine frame rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete last measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wheel / ↑ ↓ / drag with Scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next / previous image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PgUp / PgDn, Home / End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump 10% / first, last image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right drag / Ctrl+wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+wheel (MPR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate planes (oblique)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a series from the strip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show it in that viewport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1–5 in 3D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering preset (instead of the window preset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1 closes this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPR and 3D need a grey volume of at least 2 slices with plane geometry; %1 has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this series</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no plane geometry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::workstation::ExportDialog</name>
    <message>
        <source>&amp;De-identify (DICOM Basic Confidentiality Profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1 studies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOMDIR set (CD/DVD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient name in the copy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 images (%2) to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;dates (Retain Longitudinal Temporal Information)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient ID in the copy:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::workstation::FirstRunDialog</name>
    <message>
        <source>Welcome to Kilima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Create your account. You sign your reports with it, and the audit log records your work under your name.&lt;/p&gt;&lt;p&gt;You will be the administrator: add your colleagues later in Settings &amp;gt; Users.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Dr Amina Mwangi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. amwangi</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your full name: it is printed under the reports you sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a user name (letters and digits, no spaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::workstation::MainWindow</name>
    <message>
        <source>Kilima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Kilima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive statistics unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients: %1 · Studies: %2 · Series: %3 · Images: %4 · Stored: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Kilima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Studies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query/Retrieve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The study list could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was not saved: %1
Try again; if it keeps failing, check that the data folder is writable and not full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;DICOMDIR / CD…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Study…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+Del</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;In Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle &amp;STAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to &amp;Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch &amp;Priors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Studies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Query/Retrieve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Node Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Viewer Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+F4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a study first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader (empty to unassign):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a study first: its patient&apos;s priors are searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import DICOMDIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOMDIR (DICOMDIR dicomdir);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the studies to export first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the study of %1 from this workstation&apos;s archive?
The images are removed for every workstation that uses this node; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 studies from this workstation&apos;s archive?
The images are removed for every workstation that uses this node; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the node (Node status) for node changes to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is still running. Quit anyway? Files imported so far stay in the archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kilima %1&lt;/h3&gt;&lt;p&gt;Diagnostic workstation with an embedded PACS node.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered report drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n report draft(s) were being typed when Kilima last stopped unexpectedly. Their text was saved. Open the studies now to review and save them?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;Web Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hare Link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the study to share first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::workstation::NodeStatusPanel</name>
    <message>
        <source>Last received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Studies received since the workstation started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded node is off (started with --no-node).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, DICOM TLS port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running as %1 on %2 · %3 open associations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: other nodes cannot send to this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive: %1 studies, %2 images, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · Disk: %1 free of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — almost full: free space or move the storage location in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node did not start: %1. Check that no other program uses the port (Settings &gt; Node).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image from %1 was not stored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarding queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud sync is off: %1. Check the cloud settings and credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud sync: not running in this node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud sync: %1 of %2 images verified in the bucket, %3 waiting, %4 only in the bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · uploading now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · last pass %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last cloud error: %1 (the upload is retried on the next pass)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::workstation::ReadingLayout</name>
    <message>
        <source>&amp;Measurement List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report in Own &amp;Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report — Kilima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a study to write its report.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::workstation::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Known nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept images from nodes not in the known nodes list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AE &amp;title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM &amp;port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM T&amp;LS port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOMweb (&amp;HTTP) port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS &amp;certificate (PEM):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS private &amp;key (PEM):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key pa&amp;ssphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to the node take effect when the node restarts (Node status &gt; Stop, then Start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AE title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add or replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AE title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the first copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with the newer copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage &amp;location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same image &amp;received twice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new location applies to images stored from the next start; existing images stay where they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password (at least %1 characters):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark (reading room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The known nodes cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A known node needs a name, a host name or address, and an AE title of 1 to 16 characters without backslash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AE title must be 1 to 16 characters (letters, digits, no backslash), e.g. KILIMA_WS1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is used twice: give the DICOM, DICOM TLS and HTTP listeners different ports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DICOM TLS port needs a certificate and a private key file (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 does not exist or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved: %1. Check that the data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;DICOMweb servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A DICOMweb server needs a name and a base URL starting with http:// or https://, e.g. https://pacs.example.org/dicom-web.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be stored in the system keychain (%1): start the desktop&apos;s keyring or wallet and save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New images are refused (senders are told the archive is out of resources) while the storage disk would be left with less free space than this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep free on the storage disk:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kilima::workstation::ShareLinkDialog</name>
    <message>
        <source>The node&apos;s web server is off (Settings → Node → HTTP port), so there is no web viewer to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web viewer is not installed on this machine (installers/install-deps.sh installs it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link appears here once created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone with the link can open this one study in the web viewer until it expires or is revoked (kilima-node share revoke). Every use is audited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No link was made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1 expires on %2. Revoke it with: kilima-node share revoke %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Kilima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kilima diagnostic workstation: browse and import studies of the local archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive location (default $KILIMA_DATA_DIR, else $XDG_DATA_HOME/kilima, normally ~/.local/share/kilima).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour theme: dark (default) or light.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the main window to the PNG FILE once the first page of studies is loaded, then exit (for documentation and tests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug logging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown theme &quot;%1&quot; (use dark or light)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the archive in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language: en, sw, fr, es or pt (default: the one chosen in Settings, else the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshot: also render the settings dialog to the PNG FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the study with this Study Instance UID in the viewer at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not run the embedded PACS node (DICOM listener) in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 listening on DICOM port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the DICOMweb user &quot;admin&quot;; its password is in %1 (readable by you only). Sign in, change it in Settings &gt; Users, then delete that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the DICOMweb user &quot;admin&quot;, but its password could not be kept: %1. Set one in Settings &gt; Users.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
