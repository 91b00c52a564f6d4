<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sw">
<context>
    <name>QObject</name>
    <message>
        <source>The study could not be deleted: %1</source>
        <translation>Uchunguzi haukuweza kufutwa: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>imezimwa</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Vinjari…</translation>
    </message>
</context>
<context>
    <name>kilima::browser</name>
    <message>
        <source>%1 refused the user name or password (%2). Check them in Settings &gt; DICOMweb servers.</source>
        <translation>%1 imekataa jina la mtumiaji au nenosiri (%2). Yakague katika Mipangilio &gt; Seva za DICOMweb.</translation>
    </message>
    <message>
        <source>%1 did not answer at %2 (%3). Check the address and that the server runs.</source>
        <translation>%1 haikujibu kwenye %2 (%3). Kagua anwani na kwamba seva inaendesha.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>kilima::browser::Exporter</name>
    <message>
        <source>Choose where to export to.</source>
        <translation>Chagua mahali pa kuhamishia.</translation>
    </message>
    <message>
        <source>The archive cannot list the images to export: %1</source>
        <translation>Hifadhi haiwezi kuorodhesha picha za kuhamisha: %1</translation>
    </message>
    <message>
        <source>Nothing to export: the selection has no images in the archive.</source>
        <translation>Hakuna cha kuhamisha: uteuzi hauna picha kwenye hifadhi.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you may write to, with free space.</source>
        <translation>Haiwezi kuandika %1: %2. Chagua folda unayoweza kuandika, yenye nafasi.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1. Choose a folder you may write to.</source>
        <translation>Haiwezi kuunda folda %1. Chagua folda unayoweza kuandika.</translation>
    </message>
    <message>
        <source>The folder %1 is not empty: a DICOMDIR set needs an empty folder (for example a new folder on the CD staging area).</source>
        <translation>Folda %1 si tupu: seti ya DICOMDIR inahitaji folda tupu (kwa mfano folda mpya ya kuandaa CD).</translation>
    </message>
    <message>
        <source>Export cancelled after %1 of %2 images.</source>
        <translation>Uhamishaji umesitishwa baada ya picha %1 kati ya %2.</translation>
    </message>
    <message>
        <source>Cannot read %1 from the archive: run `kilima-node verify`.</source>
        <translation>Haiwezi kusoma %1 kutoka hifadhi: endesha `kilima-node verify`.</translation>
    </message>
    <message>
        <source>Cannot write %1: the disk may be full or read-only.</source>
        <translation>Haiwezi kuandika %1: diski inaweza kuwa imejaa au ni ya kusoma tu.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Haiwezi kuandika %1: %2</translation>
    </message>
    <message>
        <source>The DICOMDIR could not be written: %1</source>
        <translation>DICOMDIR haikuweza kuandikwa: %1</translation>
    </message>
    <message>
        <source>Cannot finish %1: %2</source>
        <translation>Haiwezi kukamilisha %1: %2</translation>
    </message>
</context>
<context>
    <name>kilima::browser::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Uingizaji</translation>
    </message>
    <message>
        <source>Stopping after the current files…</source>
        <translation>Inasimama baada ya faili za sasa…</translation>
    </message>
    <message>
        <source>Looking for DICOM files in %1…</source>
        <translation>Inatafuta faili za DICOM katika %1…</translation>
    </message>
    <message>
        <source>Importing %1 of %2 files…</source>
        <translation>Inaingiza faili %1 kati ya %2…</translation>
    </message>
    <message>
        <source>No files found.</source>
        <translation>Hakuna faili zilizopatikana.</translation>
    </message>
    <message>
        <source>Import stopped: %1 files imported.</source>
        <translation>Uingizaji umesimamishwa: faili %1 zimeingizwa.</translation>
    </message>
    <message>
        <source>Imported %1 files.</source>
        <translation>Faili %1 zimeingizwa.</translation>
    </message>
    <message>
        <source>%1 already in the archive</source>
        <translation>%1 tayari zipo kwenye hifadhi</translation>
    </message>
    <message>
        <source>%1 not DICOM, skipped</source>
        <translation>%1 si DICOM, zimerukwa</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 zimekataliwa</translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation>%1 hazikuweza kusomwa</translation>
    </message>
    <message>
        <source>The files below were not imported; the reason follows each name. Fix or replace them and import again.</source>
        <translation>Faili zilizo hapa chini hazikuingizwa; sababu inafuata kila jina. Zirekebishe au zibadilishe kisha uingize tena.</translation>
    </message>
</context>
<context>
    <name>kilima::browser::QueryRetrievePanel</name>
    <message>
        <source>&amp;Echo</source>
        <translation>&amp;Jaribu</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Tafuta</translation>
    </message>
    <message>
        <source>&amp;Retrieve</source>
        <translation>&amp;Pakua</translation>
    </message>
    <message>
        <source>Remote nodes come from Settings &gt; Known nodes</source>
        <translation>Nodi za mbali zinatoka Mipangilio &gt; Nodi zinazojulikana</translation>
    </message>
    <message>
        <source>Test the connection with a C-ECHO</source>
        <translation>Jaribu muunganisho kwa C-ECHO</translation>
    </message>
    <message>
        <source>Patient name or ID</source>
        <translation>Jina au namba ya mgonjwa</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Tarehe yoyote</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Leo</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Jana</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Siku 7 zilizopita</translation>
    </message>
    <message>
        <source>Any modality</source>
        <translation>Aina yoyote ya kifaa</translation>
    </message>
    <message>
        <source>C-GET</source>
        <translation>C-GET</translation>
    </message>
    <message>
        <source>C-MOVE</source>
        <translation>C-MOVE</translation>
    </message>
    <message>
        <source>C-GET brings the images on the same connection; C-MOVE asks the node to send them to this workstation&apos;s node, which that node must know</source>
        <translation>C-GET huleta picha kwenye muunganisho uleule; C-MOVE huiomba nodi izitume kwa nodi ya kituo hiki, ambayo nodi hiyo lazima iijue</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Jina la mgonjwa</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Namba ya mgonjwa</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Tarehe ya uchunguzi</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Aina za vifaa</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Maelezo</translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation>Namba ya usajili</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Picha</translation>
    </message>
    <message>
        <source>Retrieve</source>
        <translation>Pakua</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Nodi:</translation>
    </message>
    <message>
        <source>The known nodes cannot be read: %1</source>
        <translation>Nodi zinazojulikana haziwezi kusomwa: %1</translation>
    </message>
    <message>
        <source>No remote nodes yet: add one in Settings &gt; Known nodes (AE title, host, port).</source>
        <translation>Bado hakuna nodi za mbali: ongeza moja katika Mipangilio &gt; Nodi zinazojulikana (AE title, host, mlango).</translation>
    </message>
    <message>
        <source>Choose a remote node first (add one in Settings &gt; Known nodes).</source>
        <translation>Chagua nodi ya mbali kwanza (ongeza moja katika Mipangilio &gt; Nodi zinazojulikana).</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Inajaribu %1…</translation>
    </message>
    <message>
        <source>%1 answered the echo: the connection works.</source>
        <translation>%1 imejibu: muunganisho unafanya kazi.</translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <translation>Inatafuta kwenye %1…</translation>
    </message>
    <message>
        <source>1 study on %1.</source>
        <translation>Uchunguzi 1 kwenye %1.</translation>
    </message>
    <message>
        <source>%1 studies on %2.</source>
        <translation>Uchunguzi %1 kwenye %2.</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>Inasubiri…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Imeshindwa</translation>
    </message>
    <message>
        <source>Done: %1 images</source>
        <translation>Imekamilika: picha %1</translation>
    </message>
    <message>
        <source>Partly: %1 images</source>
        <translation>Sehemu: picha %1</translation>
    </message>
    <message>
        <source>Retrieved %1 images.</source>
        <translation>Picha %1 zimepakuliwa.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 kati ya %2</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>picha %1</translation>
    </message>
</context>
<context>
    <name>kilima::browser::RemoteStudies</name>
    <message>
        <source>%1 images could not be stored here: %2</source>
        <translation>Picha %1 hazikuweza kuhifadhiwa hapa: %2</translation>
    </message>
    <message>
        <source>the node could not send %1 images (status 0x%2 %3)</source>
        <translation>nodi haikuweza kutuma picha %1 (hali 0x%2 %3)</translation>
    </message>
    <message>
        <source>C-MOVE needs this workstation&apos;s node running: start it in Node status, or use C-GET</source>
        <translation>C-MOVE inahitaji nodi ya kituo hiki iendeshwe: iwashe katika Hali ya nodi, au tumia C-GET</translation>
    </message>
    <message>
        <source>%1 does not know this workstation as &quot;%2&quot;: add it to that node&apos;s known nodes with its host and port, or retrieve with C-GET</source>
        <translation>%1 haikitambui kituo hiki kama &quot;%2&quot;: kiongeze kwenye nodi zinazojulikana za nodi hiyo pamoja na host na mlango wake, au pakua kwa C-GET</translation>
    </message>
    <message>
        <source>%1 images were not sent (status 0x%2 %3)</source>
        <translation>Picha %1 hazikutumwa (hali 0x%2 %3)</translation>
    </message>
    <message>
        <source>%1 did not answer (%2). Check that the node runs and that its host and port are right, and that no firewall blocks the port.</source>
        <translation>%1 haikujibu (%2). Hakikisha nodi inaendesha, host na mlango wake ni sahihi, na hakuna firewall inayozuia mlango.</translation>
    </message>
    <message>
        <source>%1 refused the association (%2). Check the AE titles: that node must know this workstation&apos;s AE title &quot;%3&quot; and allow it this service.</source>
        <translation>%1 imekataa muunganisho (%2). Kagua AE titles: nodi hiyo lazima ijue AE title ya kituo hiki &quot;%3&quot; na iiruhusu huduma hii.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>kilima::browser::StudyBrowser</name>
    <message>
        <source>&amp;My worklist</source>
        <translation>Orodha &amp;yangu ya kazi</translation>
    </message>
    <message>
        <source>Patient name or ID</source>
        <translation>Jina au namba ya mgonjwa</translation>
    </message>
    <message>
        <source>Text with a digit matches the start of the patient ID;
other text matches any part of the patient name.</source>
        <translation>Maandishi yenye tarakimu yanalinganishwa na mwanzo wa namba ya mgonjwa;
maandishi mengine yanalinganishwa na sehemu yoyote ya jina la mgonjwa.</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Tarehe yoyote</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Leo</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Jana</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Siku 7 zilizopita</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Kipindi cha tarehe</translation>
    </message>
    <message>
        <source>First study date of the range</source>
        <translation>Tarehe ya kwanza ya uchunguzi katika kipindi</translation>
    </message>
    <message>
        <source>Last study date of the range</source>
        <translation>Tarehe ya mwisho ya uchunguzi katika kipindi</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Hali yoyote</translation>
    </message>
    <message>
        <source>Only the studies assigned to you that are not final, STAT first</source>
        <translation>Uchunguzi uliopewa wewe ambao haujakamilika tu, ya DHARURA kwanza</translation>
    </message>
    <message>
        <source>Any modality</source>
        <translation>Aina yoyote ya kifaa</translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation>Utafutaji umeshindwa: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Inatafuta…</translation>
    </message>
    <message>
        <source>1 study</source>
        <translation>Uchunguzi 1</translation>
    </message>
    <message>
        <source>%1 studies</source>
        <translation>Uchunguzi %1</translation>
    </message>
</context>
<context>
    <name>kilima::browser::StudyListModel</name>
    <message>
        <source>STAT · %1</source>
        <translation>DHARURA · %1</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Jina la mgonjwa</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Namba ya mgonjwa</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Tarehe ya kuzaliwa</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jinsia</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Tarehe ya uchunguzi</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Aina za vifaa</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Maelezo</translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation>Namba ya usajili</translation>
    </message>
    <message>
        <source>Referring physician</source>
        <translation>Daktari aliyeagiza</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Mfululizo</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Picha</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Msomaji</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Haijasomwa</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Inaendelea</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Ripoti imeandikwa</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Imekamilika</translation>
    </message>
</context>
<context>
    <name>kilima::browser::WorklistPanel</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ongeza…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Hariri…</translation>
    </message>
    <message>
        <source>&amp;Cancel procedure</source>
        <translation>&amp;Ghairi utaratibu</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Imepangwa</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Jina la mgonjwa</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Namba ya mgonjwa</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Aina ya kifaa</translation>
    </message>
    <message>
        <source>Station AE</source>
        <translation>AE ya kituo</translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation>Namba ya usajili</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Utaratibu</translation>
    </message>
    <message>
        <source>Scheduled on:</source>
        <translation>Imepangwa tarehe:</translation>
    </message>
    <message>
        <source>Cancel procedure</source>
        <translation>Ghairi utaratibu</translation>
    </message>
    <message>
        <source>Cancel the %1 procedure of %2? The modality will no longer see it.</source>
        <translation>Ghairi utaratibu wa %1 wa %2? Kifaa hakitauona tena.</translation>
    </message>
    <message>
        <source>The worklist cannot be read: %1</source>
        <translation>Orodha ya kazi haiwezi kusomwa: %1</translation>
    </message>
    <message>
        <source>1 procedure scheduled.</source>
        <translation>Utaratibu 1 umepangwa.</translation>
    </message>
    <message>
        <source>%1 procedures scheduled.</source>
        <translation>Taratibu %1 zimepangwa.</translation>
    </message>
    <message>
        <source>Edit procedure</source>
        <translation>Hariri utaratibu</translation>
    </message>
    <message>
        <source>Schedule procedure</source>
        <translation>Panga utaratibu</translation>
    </message>
    <message>
        <source>Patient name (FAMILY^Given):</source>
        <translation>Jina la mgonjwa (UKOO^Jina):</translation>
    </message>
    <message>
        <source>Patient ID:</source>
        <translation>Namba ya mgonjwa:</translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation>Tarehe ya kuzaliwa:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Jinsia:</translation>
    </message>
    <message>
        <source>Accession #:</source>
        <translation>Namba ya usajili:</translation>
    </message>
    <message>
        <source>Modality:</source>
        <translation>Aina ya kifaa:</translation>
    </message>
    <message>
        <source>Station AE title:</source>
        <translation>AE title ya kituo:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Tarehe:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Saa:</translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation>Utaratibu:</translation>
    </message>
    <message>
        <source>Referring physician:</source>
        <translation>Daktari aliyeagiza:</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s name or ID.</source>
        <translation>Andika jina au namba ya mgonjwa.</translation>
    </message>
    <message>
        <source>Write the birth date as YYYYMMDD, e.g. 19800131.</source>
        <translation>Andika tarehe ya kuzaliwa kama YYYYMMDD, mfano 19800131.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Haijahifadhiwa: %1</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>Haijaghairiwa: %1</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::ExportDialog</name>
    <message>
        <source>&amp;De-identify (DICOM Basic Confidentiality Profile)</source>
        <translation>&amp;Ondoa utambulisho (DICOM Basic Confidentiality Profile)</translation>
    </message>
    <message>
        <source>Export study</source>
        <translation>Hamisha uchunguzi</translation>
    </message>
    <message>
        <source>Export %1 studies</source>
        <translation>Hamisha uchunguzi %1</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folda</translation>
    </message>
    <message>
        <source>ZIP file</source>
        <translation>Faili la ZIP</translation>
    </message>
    <message>
        <source>DICOMDIR set (CD/DVD)</source>
        <translation>Seti ya DICOMDIR (CD/DVD)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Vinjari…</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Hamisha kwenda</translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>Faili za ZIP (*.zip)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Muundo:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Kwenda:</translation>
    </message>
    <message>
        <source>Patient name in the copy:</source>
        <translation>Jina la mgonjwa kwenye nakala:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Hamisha</translation>
    </message>
    <message>
        <source>Exported %1 images (%2) to %3.</source>
        <translation>Picha %1 (%2) zimehamishwa kwenda %3.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Inahamisha…</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::MainWindow</name>
    <message>
        <source>Kilima</source>
        <translation>Kilima</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Uchunguzi</translation>
    </message>
    <message>
        <source>Query/Retrieve</source>
        <translation>Tafuta/Pakua</translation>
    </message>
    <message>
        <source>Node status</source>
        <translation>Hali ya nodi</translation>
    </message>
    <message>
        <source>The study list could not be read: %1</source>
        <translation>Orodha ya uchunguzi haikuweza kusomwa: %1</translation>
    </message>
    <message>
        <source>Reading worklist</source>
        <translation>Orodha ya kusoma</translation>
    </message>
    <message>
        <source>The change was not saved: %1
Try again; if it keeps failing, check that the data folder is writable and not full.</source>
        <translation>Badiliko halikuhifadhiwa: %1
Jaribu tena; likiendelea kushindwa, hakikisha folda ya data inaweza kuandikwa na haijajaa.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Faili</translation>
    </message>
    <message>
        <source>&amp;Import Folder…</source>
        <translation>&amp;Ingiza folda…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import &amp;DICOMDIR / CD…</source>
        <translation>Ingiza &amp;DICOMDIR / CD…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Hamisha nje…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Delete Study…</source>
        <translation>&amp;Futa uchunguzi…</translation>
    </message>
    <message>
        <source>Shift+Del</source>
        <translation>Shift+Del</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Mipangilio…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Ondoka</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>&amp;Usomaji</translation>
    </message>
    <message>
        <source>&amp;Open in Viewer</source>
        <translation>&amp;Fungua kwenye kitazamaji</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Mark &amp;Unread</source>
        <translation>Weka &amp;haijasomwa</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Mark &amp;In Progress</source>
        <translation>Weka &amp;inaendelea</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Mark &amp;Reported</source>
        <translation>Weka &amp;ripoti imeandikwa</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Mark &amp;Final</source>
        <translation>Weka &amp;imekamilika</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>Toggle &amp;STAT</source>
        <translation>Washa/zima &amp;DHARURA</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Assign to &amp;Me</source>
        <translation>Nipe &amp;mimi</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Mpe…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>My &amp;Worklist</source>
        <translation>Orodha yangu ya &amp;kazi</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>Fetch &amp;Priors</source>
        <translation>Leta uchunguzi wa &amp;awali</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Mwonekano</translation>
    </message>
    <message>
        <source>&amp;Studies</source>
        <translation>&amp;Uchunguzi</translation>
    </message>
    <message>
        <source>Alt+1</source>
        <translation>Alt+1</translation>
    </message>
    <message>
        <source>&amp;Query/Retrieve</source>
        <translation>&amp;Tafuta/Pakua</translation>
    </message>
    <message>
        <source>Alt+2</source>
        <translation>Alt+2</translation>
    </message>
    <message>
        <source>&amp;Node Status</source>
        <translation>Hali ya &amp;nodi</translation>
    </message>
    <message>
        <source>Alt+3</source>
        <translation>Alt+3</translation>
    </message>
    <message>
        <source>&amp;Find Patient</source>
        <translation>&amp;Tafuta mgonjwa</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Onyesha upya</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Light Theme</source>
        <translation>Mandhari &amp;angavu</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Close Viewer Tab</source>
        <translation>&amp;Funga kichupo cha kitazamaji</translation>
    </message>
    <message>
        <source>Ctrl+F4</source>
        <translation>Ctrl+F4</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Msaada</translation>
    </message>
    <message>
        <source>&amp;About Kilima</source>
        <translation>&amp;Kuhusu Kilima</translation>
    </message>
    <message>
        <source>Select a study first.</source>
        <translation>Chagua uchunguzi kwanza.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Gawa</translation>
    </message>
    <message>
        <source>Reader (empty to unassign):</source>
        <translation>Msomaji (acha wazi kuondoa):</translation>
    </message>
    <message>
        <source>Select a study first: its patient&apos;s priors are searched.</source>
        <translation>Chagua uchunguzi kwanza: uchunguzi wa awali wa mgonjwa wake utatafutwa.</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Uchunguzi</translation>
    </message>
    <message>
        <source>Archive statistics unavailable: %1</source>
        <translation>Takwimu za hifadhi hazipatikani: %1</translation>
    </message>
    <message>
        <source>Patients: %1 · Studies: %2 · Series: %3 · Images: %4 · Stored: %5</source>
        <translation>Wagonjwa: %1 · Uchunguzi: %2 · Mfululizo: %3 · Picha: %4 · Imehifadhiwa: %5</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Ingiza folda</translation>
    </message>
    <message>
        <source>Import DICOMDIR</source>
        <translation>Ingiza DICOMDIR</translation>
    </message>
    <message>
        <source>DICOMDIR (DICOMDIR dicomdir);;All files (*)</source>
        <translation>DICOMDIR (DICOMDIR dicomdir);;Faili zote (*)</translation>
    </message>
    <message>
        <source>Select the studies to export first.</source>
        <translation>Chagua kwanza uchunguzi wa kuhamisha.</translation>
    </message>
    <message>
        <source>Delete the study of %1 from this workstation&apos;s archive?
The images are removed for every workstation that uses this node; this cannot be undone.</source>
        <translation>Futa uchunguzi wa %1 kutoka hifadhi ya kituo hiki?
Picha zitaondolewa kwa kila kituo kinachotumia nodi hii; hili haliwezi kutenduliwa.</translation>
    </message>
    <message>
        <source>Delete %1 studies from this workstation&apos;s archive?
The images are removed for every workstation that uses this node; this cannot be undone.</source>
        <translation>Futa uchunguzi %1 kutoka hifadhi ya kituo hiki?
Picha zitaondolewa kwa kila kituo kinachotumia nodi hii; hili haliwezi kutenduliwa.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Futa</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Mipangilio imehifadhiwa.</translation>
    </message>
    <message>
        <source>The new language applies from the next start.</source>
        <translation>Lugha mpya itatumika utakapofungua tena.</translation>
    </message>
    <message>
        <source>Restart the node (Node status) for node changes to apply.</source>
        <translation>Anzisha nodi upya (Hali ya nodi) ili mabadiliko ya nodi yatumike.</translation>
    </message>
    <message>
        <source>Import in progress</source>
        <translation>Uingizaji unaendelea</translation>
    </message>
    <message>
        <source>An import is still running. Quit anyway? Files imported so far stay in the archive.</source>
        <translation>Uingizaji bado unaendelea. Uondoke hata hivyo? Faili zilizoingizwa hadi sasa zinabaki kwenye hifadhi.</translation>
    </message>
    <message>
        <source>About Kilima</source>
        <translation>Kuhusu Kilima</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kilima %1&lt;/h3&gt;&lt;p&gt;Diagnostic workstation with an embedded PACS node.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kilima %1&lt;/h3&gt;&lt;p&gt;Kituo cha uchunguzi chenye nodi ya PACS ndani yake.&lt;/p&gt;&lt;p&gt;Leseni: Apache License 2.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>Orodha ya kazi</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>Orodha ya &amp;kazi</translation>
    </message>
    <message>
        <source>Alt+4</source>
        <translation>Alt+4</translation>
    </message>
    <message>
        <source>Recovered report drafts</source>
        <translation>Rasimu za ripoti zilizookolewa</translation>
    </message>
    <message numerus="yes">
        <source>%n report draft(s) were being typed when Kilima last stopped unexpectedly. Their text was saved. Open the studies now to review and save them?</source>
        <translation>
            <numerusform>Rasimu %n ya ripoti ilikuwa ikiandikwa Kilima iliposimama ghafla. Maandishi yake yamehifadhiwa. Fungua uchunguzi sasa ili uikague na kuihifadhi?</numerusform>
            <numerusform>Rasimu %n za ripoti zilikuwa zikiandikwa Kilima iliposimama ghafla. Maandishi yake yamehifadhiwa. Fungua uchunguzi sasa ili uzikague na kuzihifadhi?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kilima::workstation::NodeStatusPanel</name>
    <message>
        <source>Last received</source>
        <translation>Ilipokelewa mwisho</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Uchunguzi</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Kutoka</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Picha</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Matatizo</translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation>Hakuna makosa.</translation>
    </message>
    <message>
        <source>Studies received since the workstation started:</source>
        <translation>Uchunguzi uliopokelewa tangu kituo kianze:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Makosa:</translation>
    </message>
    <message>
        <source>The embedded node is off (started with --no-node).</source>
        <translation>Nodi iliyo ndani imezimwa (ilianzishwa na --no-node).</translation>
    </message>
    <message>
        <source>DICOM port %1</source>
        <translation>mlango wa DICOM %1</translation>
    </message>
    <message>
        <source>, DICOM TLS port %1</source>
        <translation>, mlango wa DICOM TLS %1</translation>
    </message>
    <message>
        <source>Running as %1 on %2 · %3 open associations</source>
        <translation>Inaendesha kama %1 kwenye %2 · miunganisho %3 iliyo wazi</translation>
    </message>
    <message>
        <source>Warning: %1.</source>
        <translation>Onyo: %1.</translation>
    </message>
    <message>
        <source>S&amp;top node</source>
        <translation>Si&amp;msha nodi</translation>
    </message>
    <message>
        <source>Stopped: other nodes cannot send to this workstation.</source>
        <translation>Imesimamishwa: nodi nyingine haziwezi kutuma kwa kituo hiki.</translation>
    </message>
    <message>
        <source>S&amp;tart node</source>
        <translation>&amp;Anzisha nodi</translation>
    </message>
    <message>
        <source>Archive: %1 studies, %2 images, %3</source>
        <translation>Hifadhi: uchunguzi %1, picha %2, %3</translation>
    </message>
    <message>
        <source> · Disk: %1 free of %2</source>
        <translation> · Diski: %1 wazi kati ya %2</translation>
    </message>
    <message>
        <source> — almost full: free space or move the storage location in Settings</source>
        <translation> — karibu kujaa: futa nafasi au hamisha mahali pa hifadhi kwenye Mipangilio</translation>
    </message>
    <message>
        <source>The node did not start: %1. Check that no other program uses the port (Settings &gt; Node).</source>
        <translation>Nodi haikuanza: %1. Hakikisha hakuna programu nyingine inayotumia mlango huo (Mipangilio &gt; Nodi).</translation>
    </message>
    <message>
        <source>An image from %1 was not stored: %2</source>
        <translation>Picha kutoka %1 haikuhifadhiwa: %2</translation>
    </message>
    <message>
        <source>Forwarding queue: %1</source>
        <translation>Foleni ya kusambaza: %1</translation>
    </message>
    <message>
        <source>Cloud sync is off: %1. Check the cloud settings and credentials.</source>
        <translation>Usawazishaji wa wingu umezimwa: %1. Kagua mipangilio ya wingu na vitambulisho.</translation>
    </message>
    <message>
        <source>Cloud sync: not running in this node.</source>
        <translation>Usawazishaji wa wingu: haiendeshwi kwenye nodi hii.</translation>
    </message>
    <message>
        <source>Cloud sync: %1 of %2 images verified in the bucket, %3 waiting, %4 only in the bucket</source>
        <translation>Usawazishaji wa wingu: picha %1 kati ya %2 zimethibitishwa kwenye bucket, %3 zinasubiri, %4 ziko kwenye bucket pekee</translation>
    </message>
    <message>
        <source> · uploading now</source>
        <translation> · inapakia sasa</translation>
    </message>
    <message>
        <source> · last pass %1: %2</source>
        <translation> · mzunguko wa mwisho %1: %2</translation>
    </message>
    <message>
        <source>Last cloud error: %1 (the upload is retried on the next pass)</source>
        <translation>Hitilafu ya mwisho ya wingu: %1 (upakiaji utajaribiwa tena kwenye mzunguko ujao)</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Mipangilio</translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <translation>&amp;Nodi</translation>
    </message>
    <message>
        <source>&amp;Known nodes</source>
        <translation>Nodi &amp;zinazojulikana</translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation>&amp;Hifadhi</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Watumiaji</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Mwonekano</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>haijabadilika (imehifadhiwa kwenye keychain ya mfumo)</translation>
    </message>
    <message>
        <source>Accept images from nodes not in the known nodes list</source>
        <translation>Kubali picha kutoka nodi zisizo kwenye orodha ya nodi zinazojulikana</translation>
    </message>
    <message>
        <source>AE &amp;title:</source>
        <translation>AE &amp;title:</translation>
    </message>
    <message>
        <source>DICOM &amp;port:</source>
        <translation>&amp;Mlango wa DICOM:</translation>
    </message>
    <message>
        <source>DICOM T&amp;LS port:</source>
        <translation>Mlango wa DICOM T&amp;LS:</translation>
    </message>
    <message>
        <source>DICOMweb (&amp;HTTP) port:</source>
        <translation>Mlango wa DICOMweb (&amp;HTTP):</translation>
    </message>
    <message>
        <source>TLS &amp;certificate (PEM):</source>
        <translation>&amp;Cheti cha TLS (PEM):</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>Cheti cha TLS</translation>
    </message>
    <message>
        <source>TLS private &amp;key (PEM):</source>
        <translation>&amp;Ufunguo binafsi wa TLS (PEM):</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>Ufunguo binafsi wa TLS</translation>
    </message>
    <message>
        <source>Key pa&amp;ssphrase:</source>
        <translation>&amp;Nenosiri la ufunguo:</translation>
    </message>
    <message>
        <source>Changes to the node take effect when the node restarts (Node status &gt; Stop, then Start).</source>
        <translation>Mabadiliko ya nodi yanaanza kutumika nodi inapoanzishwa upya (Hali ya nodi &gt; Simamisha, kisha Anzisha).</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jina</translation>
    </message>
    <message>
        <source>AE title</source>
        <translation>AE title</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Mlango</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Inaruhusiwa</translation>
    </message>
    <message>
        <source>&amp;Add or replace</source>
        <translation>&amp;Ongeza au badilisha</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Ondoa</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Jina:</translation>
    </message>
    <message>
        <source>AE title:</source>
        <translation>AE title:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Mlango:</translation>
    </message>
    <message>
        <source>May use:</source>
        <translation>Inaweza kutumia:</translation>
    </message>
    <message>
        <source>Keep the first copy</source>
        <translation>Weka nakala ya kwanza</translation>
    </message>
    <message>
        <source>Replace with the newer copy</source>
        <translation>Badilisha kwa nakala mpya</translation>
    </message>
    <message>
        <source>Storage &amp;location:</source>
        <translation>&amp;Mahali pa hifadhi:</translation>
    </message>
    <message>
        <source>Storage location</source>
        <translation>Mahali pa hifadhi</translation>
    </message>
    <message>
        <source>Same image &amp;received twice:</source>
        <translation>Picha ileile ikipokelewa &amp;mara mbili:</translation>
    </message>
    <message>
        <source>A new location applies to images stored from the next start; existing images stay where they are.</source>
        <translation>Mahali papya panatumika kwa picha zitakazohifadhiwa kuanzia mwanzo ujao; picha zilizopo zinabaki zilipo.</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Ongeza mtumiaji…</translation>
    </message>
    <message>
        <source>&amp;Remove user</source>
        <translation>&amp;Ondoa mtumiaji</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Ongeza mtumiaji</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Jina la mtumiaji:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Jukumu:</translation>
    </message>
    <message>
        <source>Password (at least %1 characters):</source>
        <translation>Nenosiri (angalau herufi %1):</translation>
    </message>
    <message>
        <source>Dark (reading room)</source>
        <translation>Giza (chumba cha kusomea)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Angavu</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Lugha:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Mandhari:</translation>
    </message>
    <message>
        <source>The known nodes cannot be read: %1</source>
        <translation>Nodi zinazojulikana haziwezi kusomwa: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ndiyo</translation>
    </message>
    <message>
        <source>A known node needs a name, a host name or address, and an AE title of 1 to 16 characters without backslash.</source>
        <translation>Nodi inayojulikana inahitaji jina, jina la host au anwani, na AE title ya herufi 1 hadi 16 bila backslash.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 imehifadhiwa.</translation>
    </message>
    <message>
        <source>The AE title must be 1 to 16 characters (letters, digits, no backslash), e.g. KILIMA_WS1.</source>
        <translation>AE title lazima iwe herufi 1 hadi 16 (herufi, tarakimu, bila backslash), mfano KILIMA_WS1.</translation>
    </message>
    <message>
        <source>Port %1 is used twice: give the DICOM, DICOM TLS and HTTP listeners different ports.</source>
        <translation>Mlango %1 umetumika mara mbili: toa milango tofauti kwa DICOM, DICOM TLS na HTTP.</translation>
    </message>
    <message>
        <source>The DICOM TLS port needs a certificate and a private key file (PEM).</source>
        <translation>Mlango wa DICOM TLS unahitaji cheti na faili la ufunguo binafsi (PEM).</translation>
    </message>
    <message>
        <source>The file %1 does not exist or cannot be read.</source>
        <translation>Faili %1 halipo au haliwezi kusomwa.</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1. Check that the data folder is writable.</source>
        <translation>Mipangilio haikuweza kuhifadhiwa: %1. Hakikisha folda ya data inaweza kuandikwa.</translation>
    </message>
    <message>
        <source>&amp;DICOMweb servers</source>
        <translation>Seva za &amp;DICOMweb</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL ya msingi</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Mtumiaji</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>inahifadhiwa kwenye keychain ya mfumo</translation>
    </message>
    <message>
        <source>A DICOMweb server needs a name and a base URL starting with http:// or https://, e.g. https://pacs.example.org/dicom-web.</source>
        <translation>Seva ya DICOMweb inahitaji jina na URL ya msingi inayoanza na http:// au https://, mfano https://pacs.example.org/dicom-web.</translation>
    </message>
    <message>
        <source>The password could not be stored in the system keychain (%1): start the desktop&apos;s keyring or wallet and save again.</source>
        <translation>Nenosiri halikuweza kuhifadhiwa kwenye keychain ya mfumo (%1): washa keyring au wallet ya desktop kisha uhifadhi tena.</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>URL ya msingi:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Mtumiaji:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Nenosiri:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Hakuna kikomo</translation>
    </message>
    <message>
        <source>New images are refused (senders are told the archive is out of resources) while the storage disk would be left with less free space than this.</source>
        <translation>Picha mpya zinakataliwa (watumaji wanaambiwa hifadhi haina rasilimali) ilimradi diski ya hifadhi ingebaki na nafasi ndogo kuliko hii.</translation>
    </message>
    <message>
        <source>&amp;Keep free on the storage disk:</source>
        <translation>&amp;Acha nafasi wazi kwenye diski ya hifadhi:</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Kilima</source>
        <translation>Kilima</translation>
    </message>
    <message>
        <source>Kilima diagnostic workstation: browse and import studies of the local archive.</source>
        <translation>Kituo cha uchunguzi cha Kilima: vinjari na ingiza uchunguzi wa hifadhi ya ndani.</translation>
    </message>
    <message>
        <source>Archive location (default $KILIMA_DATA_DIR, else $XDG_DATA_HOME/kilima, normally ~/.local/share/kilima).</source>
        <translation>Mahali pa hifadhi (chaguo-msingi $KILIMA_DATA_DIR, vinginevyo $XDG_DATA_HOME/kilima, kwa kawaida ~/.local/share/kilima).</translation>
    </message>
    <message>
        <source>Colour theme: dark (default) or light.</source>
        <translation>Mandhari ya rangi: giza (chaguo-msingi) au angavu.</translation>
    </message>
    <message>
        <source>User interface language: en, sw, fr, es or pt (default: the one chosen in Settings, else the system&apos;s).</source>
        <translation>Lugha ya kiolesura: en, sw, fr, es au pt (chaguo-msingi: iliyochaguliwa kwenye Mipangilio, vinginevyo ya mfumo).</translation>
    </message>
    <message>
        <source>With --screenshot: also render the settings dialog to the PNG FILE.</source>
        <translation>Pamoja na --screenshot: pia chora dirisha la mipangilio kwenye FAILI la PNG.</translation>
    </message>
    <message>
        <source>Open the study with this Study Instance UID in the viewer at start.</source>
        <translation>Fungua uchunguzi wenye Study Instance UID hii kwenye kitazamaji wakati wa kuanza.</translation>
    </message>
    <message>
        <source>Render the main window to the PNG FILE once the first page of studies is loaded, then exit (for documentation and tests).</source>
        <translation>Chora dirisha kuu kwenye FAILI la PNG ukurasa wa kwanza wa uchunguzi ukishapakiwa, kisha ondoka (kwa nyaraka na majaribio).</translation>
    </message>
    <message>
        <source>Do not run the embedded PACS node (DICOM listener) in the background.</source>
        <translation>Usiendeshe nodi ya PACS iliyo ndani (msikilizaji wa DICOM) chinichini.</translation>
    </message>
    <message>
        <source>Debug logging.</source>
        <translation>Kumbukumbu za utatuzi.</translation>
    </message>
    <message>
        <source>unknown theme &quot;%1&quot; (use dark or light)</source>
        <translation>mandhari &quot;%1&quot; haijulikani (tumia dark au light)</translation>
    </message>
    <message>
        <source>cannot open the archive in %1: %2</source>
        <translation>hifadhi iliyo %1 haiwezi kufunguliwa: %2</translation>
    </message>
    <message>
        <source>Node %1 listening on DICOM port %2</source>
        <translation>Nodi %1 inasikiliza kwenye mlango wa DICOM %2</translation>
    </message>
    <message>
        <source>The node did not start: %1</source>
        <translation>Nodi haikuanza: %1</translation>
    </message>
    <message>
        <source>Created the DICOMweb user &quot;admin&quot;; its password is in %1 (readable by you only). Sign in, change it in Settings &gt; Users, then delete that file.</source>
        <translation>Mtumiaji wa DICOMweb &quot;admin&quot; ameundwa; nenosiri lake liko katika %1 (linasomeka na wewe peke yako). Ingia, libadilishe katika Mipangilio &gt; Watumiaji, kisha ufute faili hilo.</translation>
    </message>
    <message>
        <source>Created the DICOMweb user &quot;admin&quot;, but its password could not be kept: %1. Set one in Settings &gt; Users.</source>
        <translation>Mtumiaji wa DICOMweb &quot;admin&quot; ameundwa, lakini nenosiri lake halikuweza kuhifadhiwa: %1. Weka jipya katika Mipangilio &gt; Watumiaji.</translation>
    </message>
</context>
</TS>
