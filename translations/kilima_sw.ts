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
        <source>Patient name, patient ID or accession number</source>
        <translation>Jina la mgonjwa, kitambulisho cha mgonjwa au nambari ya usajili</translation>
    </message>
    <message>
        <source>Matches any part of the patient name, or the start of the patient ID or of the
accession number. * and ? are wildcards (then the whole value must match).</source>
        <translation>Inalingana na sehemu yoyote ya jina la mgonjwa, au mwanzo wa kitambulisho cha mgonjwa au wa
nambari ya usajili. * na ? ni herufi-mwitu (basi thamani nzima lazima ilingane).</translation>
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
    <name>kilima::exchange</name>
    <message>
        <source>Choose where to export to.</source>
        <translation>Chagua mahali pa kuhamishia.</translation>
    </message>
    <message>
        <source>The archive cannot list the images to export: %1</source>
        <translation>Hifadhi haiwezi kuorodhesha picha za kuhamisha: %1</translation>
    </message>
    <message>
        <source>The archive has no study with Study Instance UID %1.</source>
        <translation>Hifadhi haina uchunguzi wenye Study Instance UID %1.</translation>
    </message>
    <message>
        <source>The archive has no series with Series Instance UID %1.</source>
        <translation>Hifadhi haina mfululizo wenye Series Instance UID %1.</translation>
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
        <source>Cannot read %1 from the archive (%2): run `kilima-node verify`.</source>
        <translation>Haiwezi kusoma %1 kutoka kwenye hifadhi (%2): endesha `kilima-node verify`.</translation>
    </message>
    <message>
        <source>study %1</source>
        <translation>uchunguzi %1</translation>
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
        <source>Nothing exported: every object of the selection was left out to protect the patient&apos;s identity.
%1</source>
        <translation>Hakuna kilichohamishwa: kila kitu cha uteuzi kiliachwa ili kulinda utambulisho wa mgonjwa.
%1</translation>
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
    <name>kilima::exchange::ExportSummary</name>
    <message>
        <source>Exported %1 object(s) (%2) to %3.</source>
        <translation>Vitu %1 (%2) vimehamishwa kwenda %3.</translation>
    </message>
    <message>
        <source>De-identified (DICOM PS3.15 Basic Application Level Confidentiality Profile): %1 object(s) cleaned, %2 left out.</source>
        <translation>Utambulisho umeondolewa (DICOM PS3.15 Basic Application Level Confidentiality Profile): vitu %1 vimesafishwa, %2 vimeachwa.</translation>
    </message>
    <message>
        <source>Left out (not written):</source>
        <translation>Vimeachwa (havikuandikwa):</translation>
    </message>
    <message>
        <source>Cleaned:</source>
        <translation>Zimesafishwa:</translation>
    </message>
</context>
<context>
    <name>kilima::reportui::ReportPanel</name>
    <message>
        <source>Draft autosaved %1</source>
        <translation>Rasimu imehifadhiwa kiotomatiki %1</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Kuhifadhi kiotomatiki kumeshindwa: %1</translation>
    </message>
    <message>
        <source>No study</source>
        <translation>Hakuna uchunguzi</translation>
    </message>
    <message>
        <source>Apply template</source>
        <translation>Tumia kiolezo</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>Hifadhi kama kiolezo…</translation>
    </message>
    <message>
        <source>New macro…</source>
        <translation>Makro mpya…</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Kiolezo:</translation>
    </message>
    <message>
        <source>Type .key and space to insert a macro (e.g. .nad)</source>
        <translation>Andika .ufunguo na nafasi ili kuingiza makro (mf. .nad)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Structured findings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Matokeo yaliyopangwa&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Sehemu</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Kipengele</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Thamani</translation>
    </message>
    <message>
        <source>&lt;b&gt;Measurements&lt;/b&gt; (from the viewer)</source>
        <translation>&lt;b&gt;Vipimo&lt;/b&gt; (kutoka kwa kitazamaji)</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Kipimo</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Kipimo</translation>
    </message>
    <message>
        <source>Link the viewer&apos;s measurements and key images</source>
        <translation>Unganisha vipimo na picha muhimu za kitazamaji</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Hifadhi rasimu</translation>
    </message>
    <message>
        <source>Preliminary</source>
        <translation>Ya awali</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>Saini…</translation>
    </message>
    <message>
        <source>Addendum…</source>
        <translation>Nyongeza…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Chapisha…</translation>
    </message>
    <message>
        <source>Recovered the unsaved draft journalled at %1</source>
        <translation>Rasimu isiyohifadhiwa iliyorekodiwa saa %1 imerejeshwa</translation>
    </message>
    <message>
        <source>Accession %1</source>
        <translation>Nambari ya usajili %1</translation>
    </message>
    <message numerus="yes">
        <source>%n key image(s) linked</source>
        <translation>
            <numerusform>picha muhimu %n imeunganishwa</numerusform>
            <numerusform>picha muhimu %n zimeunganishwa</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Addendum&lt;/b&gt; by %1, %2: %3</source>
        <translation>&lt;b&gt;Nyongeza&lt;/b&gt; na %1, %2: %3</translation>
    </message>
    <message>
        <source>No study open</source>
        <translation>Hakuna uchunguzi uliofunguliwa</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Hali: %1</translation>
    </message>
    <message>
        <source> — signed by %1 on %2 (read-only; corrections as addenda)</source>
        <translation> — imesainiwa na %1 tarehe %2 (kusoma tu; marekebisho kama nyongeza)</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Rasimu imehifadhiwa</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Haiwezi kuandika %1: %2</translation>
    </message>
    <message>
        <source>Signing… (checking the password, writing the PDF, SR and key images into the study)</source>
        <translation>Inasaini… (inakagua nenosiri, inaandika PDF, SR na picha muhimu katika uchunguzi)</translation>
    </message>
    <message>
        <source>Sign report</source>
        <translation>Saini ripoti</translation>
    </message>
    <message>
        <source>Signing makes the report final and stores it in the study.
Password of %1:</source>
        <translation>Kusaini kunaifanya ripoti kuwa ya mwisho na kuihifadhi katika uchunguzi.
Nenosiri la %1:</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Nyongeza</translation>
    </message>
    <message>
        <source>Correction or addition (the signed report stays as it is):</source>
        <translation>Marekebisho au nyongeza (ripoti iliyosainiwa inabaki ilivyo):</translation>
    </message>
    <message>
        <source>Sign addendum</source>
        <translation>Saini nyongeza</translation>
    </message>
    <message>
        <source>Password of %1:</source>
        <translation>Nenosiri la %1:</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Hamisha ripoti</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Chapisha ripoti</translation>
    </message>
    <message>
        <source>No template &quot;%1&quot;</source>
        <translation>Hakuna kiolezo &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Change template</source>
        <translation>Badilisha kiolezo</translation>
    </message>
    <message numerus="yes">
        <source>You changed %n finding(s) of the current template: %1.</source>
        <translation>
            <numerusform>Umebadilisha tokeo %n la kiolezo cha sasa: %1.</numerusform>
            <numerusform>Umebadilisha matokeo %n ya kiolezo cha sasa: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Section text you typed stays in any case.</source>
        <translation>Maandishi ya sehemu uliyoandika yanabaki kwa vyovyote.</translation>
    </message>
    <message>
        <source>Keep my findings</source>
        <translation>Weka matokeo yangu</translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation>Yatupe</translation>
    </message>
    <message>
        <source>No template matches this study: choose one above, or write on the blank report.</source>
        <translation>Hakuna kiolezo kinacholingana na uchunguzi huu: chagua kimoja hapo juu, au andika kwenye ripoti tupu.</translation>
    </message>
    <message>
        <source>Blank report. Templates that fit this study: %1.</source>
        <translation>Ripoti tupu. Violezo vinavyofaa uchunguzi huu: %1.</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; chosen for this study (%2). Check it fits, or choose another above.</source>
        <translation>Kiolezo &quot;%1&quot; kimechaguliwa kwa uchunguzi huu (%2). Hakikisha kinafaa, au chagua kingine hapo juu.</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; (chosen by the reader).</source>
        <translation>Kiolezo &quot;%1&quot; (kimechaguliwa na msomaji).</translation>
    </message>
    <message>
        <source>Blank report (no template)</source>
        <translation>Ripoti tupu (bila kiolezo)</translation>
    </message>
    <message>
        <source> (local)</source>
        <translation> (hapa)</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; saved</source>
        <translation>Kiolezo &quot;%1&quot; kimehifadhiwa</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>Hifadhi kama kiolezo</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>Jina la kiolezo:</translation>
    </message>
    <message>
        <source>New macro</source>
        <translation>Makro mpya</translation>
    </message>
    <message>
        <source>Short key (typed as .key):</source>
        <translation>Ufunguo mfupi (huandikwa kama .ufunguo):</translation>
    </message>
    <message>
        <source>Text inserted for .%1:</source>
        <translation>Maandishi yanayoingizwa kwa .%1:</translation>
    </message>
</context>
<context>
    <name>kilima::reportui::Templates</name>
    <message>
        <source>CT chest</source>
        <translation>CT ya kifua</translation>
    </message>
    <message>
        <source>CT head</source>
        <translation>CT ya kichwa</translation>
    </message>
    <message>
        <source>Chest X-ray</source>
        <translation>X-ray ya kifua</translation>
    </message>
    <message>
        <source>MR brain</source>
        <translation>MR ya ubongo</translation>
    </message>
    <message>
        <source>Abdominal ultrasound</source>
        <translation>Ultrasauti ya tumbo</translation>
    </message>
    <message>
        <source>Echocardiogram</source>
        <translation>Ekokadiogramu</translation>
    </message>
</context>
<context>
    <name>kilima::viewer::MprView</name>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
    <message>
        <source>MinIP</source>
        <translation>MinIP</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Wastani</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Slab mode</source>
        <translation>Hali ya tabaka</translation>
    </message>
    <message>
        <source>Slab thickness</source>
        <translation>Unene wa tabaka</translation>
    </message>
    <message>
        <source>Reset planes</source>
        <translation>Weka ndege upya</translation>
    </message>
    <message>
        <source>Click or drag: move the crosshair. Wheel: move the plane. Shift+wheel: rotate the other planes (oblique). Colours: axial blue, coronal green, sagittal red.</source>
        <translation>Bofya au buruta: sogeza msalaba. Gurudumu: sogeza ndege. Shift+gurudumu: zungusha ndege nyingine (mshazari). Rangi: axial bluu, coronal kijani, sagittal nyekundu.</translation>
    </message>
</context>
<context>
    <name>kilima::viewer::Presets</name>
    <message>
        <source>CT Soft tissue</source>
        <translation>CT Tishu laini</translation>
    </message>
    <message>
        <source>CT Lung</source>
        <translation>CT Mapafu</translation>
    </message>
    <message>
        <source>CT Bone</source>
        <translation>CT Mfupa</translation>
    </message>
    <message>
        <source>CT Brain</source>
        <translation>CT Ubongo</translation>
    </message>
    <message>
        <source>CT Liver</source>
        <translation>CT Ini</translation>
    </message>
    <message>
        <source>CT Mediastinum</source>
        <translation>CT Mediastinamu</translation>
    </message>
    <message>
        <source>CT Angio</source>
        <translation>CT Angio</translation>
    </message>
    <message>
        <source>CT Stroke</source>
        <translation>CT Kiharusi</translation>
    </message>
    <message>
        <source>CT Subdural</source>
        <translation>CT Chini ya dura</translation>
    </message>
    <message>
        <source>MR Default</source>
        <translation>MR Chaguo-msingi</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
</context>
<context>
    <name>kilima::viewer::SliceView</name>
    <message>
        <source>Annotation</source>
        <translation>Maelezo</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Maandishi:</translation>
    </message>
</context>
<context>
    <name>kilima::viewer::StudyViewer</name>
    <message>
        <source>Segmentation: referenced images not in this study</source>
        <translation>Ugawaji: picha zinazorejelewa hazimo katika uchunguzi huu</translation>
    </message>
    <message>
        <source> · segmentation</source>
        <translation> · ugawaji</translation>
    </message>
    <message>
        <source>
(other study %1)</source>
        <translation>
(uchunguzi mwingine %1)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Mpangilio</translation>
    </message>
    <message>
        <source>Right–left from</source>
        <translation>Kulia–kushoto kutoka</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hadi</translation>
    </message>
    <message>
        <source>Anterior–posterior from</source>
        <translation>Mbele–nyuma kutoka</translation>
    </message>
    <message>
        <source>Foot–head from</source>
        <translation>Mguu–kichwa kutoka</translation>
    </message>
    <message>
        <source>Left drag: rotate. Right drag or wheel: zoom. Middle drag: pan. Keys 1–5: presets. A coarse copy renders while the mouse is down.</source>
        <translation>Buruta kushoto: zungusha. Buruta kulia au gurudumu: kuza. Buruta katikati: sogeza. Vitufe 1–5: mipangilio. Nakala ghafi huonyeshwa kipanya kikiwa kimebonyezwa.</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Mpangilio</translation>
    </message>
    <message>
        <source>1×1</source>
        <translation>1×1</translation>
    </message>
    <message>
        <source>1×2</source>
        <translation>1×2</translation>
    </message>
    <message>
        <source>2×2</source>
        <translation>2×2</translation>
    </message>
    <message>
        <source>W/L</source>
        <translation>W/L</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Kuza</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Sogeza</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Pitia</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Urefu</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Pembe</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Duaradufu</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Mstatili</translation>
    </message>
    <message>
        <source>Freehand</source>
        <translation>Mkono huru</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Kipimo cha nukta</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Mshale</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Maandishi</translation>
    </message>
    <message>
        <source>Crosshair</source>
        <translation>Msalaba</translation>
    </message>
    <message>
        <source>Window presets</source>
        <translation>Mipangilio ya dirisha</translation>
    </message>
    <message>
        <source>Default (file)</source>
        <translation>Chaguo-msingi (faili)</translation>
    </message>
    <message>
        <source>VOI LUT (file)</source>
        <translation>VOI LUT (faili)</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Geuza rangi</translation>
    </message>
    <message>
        <source>Flip H</source>
        <translation>Geuza mlalo</translation>
    </message>
    <message>
        <source>Flip V</source>
        <translation>Geuza wima</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Zungusha</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Weka upya</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Cine frame rate</source>
        <translation>Kasi ya fremu za sinema</translation>
    </message>
    <message>
        <source>Cine</source>
        <translation>Sinema</translation>
    </message>
    <message>
        <source>Key image</source>
        <translation>Picha muhimu</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>Maandishi juu ya picha</translation>
    </message>
    <message>
        <source>Sync scroll</source>
        <translation>Pitia kwa pamoja</translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation>Ugawaji</translation>
    </message>
    <message>
        <source>Delete last measurement</source>
        <translation>Futa kipimo cha mwisho</translation>
    </message>
    <message>
        <source>2D</source>
        <translation>2D</translation>
    </message>
    <message>
        <source>MPR</source>
        <translation>MPR</translation>
    </message>
    <message>
        <source>3D</source>
        <translation>3D</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Msaada</translation>
    </message>
    <message>
        <source>Wheel / ↑ ↓ / drag with Scroll</source>
        <translation>Gurudumu / ↑ ↓ / buruta ukiwa na Pitia</translation>
    </message>
    <message>
        <source>Next / previous image</source>
        <translation>Picha inayofuata / iliyotangulia</translation>
    </message>
    <message>
        <source>PgUp / PgDn, Home / End</source>
        <translation>PgUp / PgDn, Home / End</translation>
    </message>
    <message>
        <source>Jump 10% / first, last image</source>
        <translation>Ruka 10% / picha ya kwanza, ya mwisho</translation>
    </message>
    <message>
        <source>Right drag / Ctrl+wheel</source>
        <translation>Buruta kulia / Ctrl+gurudumu</translation>
    </message>
    <message>
        <source>Middle drag</source>
        <translation>Buruta katikati</translation>
    </message>
    <message>
        <source>Shift+wheel (MPR)</source>
        <translation>Shift+gurudumu (MPR)</translation>
    </message>
    <message>
        <source>Rotate planes (oblique)</source>
        <translation>Zungusha ndege (mshazari)</translation>
    </message>
    <message>
        <source>Drag a series from the strip</source>
        <translation>Buruta mfululizo kutoka kwenye utepe</translation>
    </message>
    <message>
        <source>Show it in that viewport</source>
        <translation>Ionyeshe katika dirisha hilo la picha</translation>
    </message>
    <message>
        <source>1–5 in 3D</source>
        <translation>1–5 katika 3D</translation>
    </message>
    <message>
        <source>Rendering preset (instead of the window preset)</source>
        <translation>Mpangilio wa uonyeshaji (badala ya mpangilio wa dirisha)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Njia za mkato za kibodi</translation>
    </message>
    <message>
        <source>F1 closes this help.</source>
        <translation>F1 inafunga msaada huu.</translation>
    </message>
    <message>
        <source>MPR and 3D need a grey volume of at least 2 slices with plane geometry; %1 has %2.</source>
        <translation>MPR na 3D zinahitaji ujazo wa kijivu wa angalau vipande 2 wenye jiometri ya ndege; %1 ina %2.</translation>
    </message>
    <message>
        <source>this series</source>
        <translation>mfululizo huu</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s)</source>
        <translation>
            <numerusform>kipande %n</numerusform>
            <numerusform>vipande %n</numerusform>
        </translation>
    </message>
    <message>
        <source>no plane geometry</source>
        <translation>hakuna jiometri ya ndege</translation>
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
    <message>
        <source>Keep &amp;dates (Retain Longitudinal Temporal Information)</source>
        <translation>Hifadhi &amp;tarehe (Retain Longitudinal Temporal Information)</translation>
    </message>
    <message>
        <source>Patient ID in the copy:</source>
        <translation>Kitambulisho cha mgonjwa kwenye nakala:</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::FirstRunDialog</name>
    <message>
        <source>Welcome to Kilima</source>
        <translation>Karibu Kilima</translation>
    </message>
    <message>
        <source>&lt;p&gt;Create your account. You sign your reports with it, and the audit log records your work under your name.&lt;/p&gt;&lt;p&gt;You will be the administrator: add your colleagues later in Settings &amp;gt; Users.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Unda akaunti yako. Utasaini ripoti zako nayo, na kumbukumbu ya ukaguzi itarekodi kazi yako kwa jina lako.&lt;/p&gt;&lt;p&gt;Utakuwa msimamizi: ongeza wenzako baadaye katika Mipangilio &amp;gt; Watumiaji.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>e.g. Dr Amina Mwangi</source>
        <translation>mf. Dkt Amina Mwangi</translation>
    </message>
    <message>
        <source>e.g. amwangi</source>
        <translation>mf. amwangi</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>angalau herufi %n</numerusform>
            <numerusform>angalau herufi %n</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Jina kamili:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Jina la &amp;mtumiaji:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Nenosiri:</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Thibitisha nenosiri:</translation>
    </message>
    <message>
        <source>Create Account</source>
        <translation>Unda akaunti</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Ondoka</translation>
    </message>
    <message>
        <source>Type your full name: it is printed under the reports you sign.</source>
        <translation>Andika jina lako kamili: linachapishwa chini ya ripoti unazosaini.</translation>
    </message>
    <message>
        <source>Choose a user name (letters and digits, no spaces).</source>
        <translation>Chagua jina la mtumiaji (herufi na tarakimu, bila nafasi).</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>Nenosiri linahitaji angalau herufi %n.</numerusform>
            <numerusform>Nenosiri linahitaji angalau herufi %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Manenosiri mawili yanatofautiana. Andika nenosiri lilelile mara mbili.</translation>
    </message>
    <message>
        <source>The account could not be created: %1</source>
        <translation>Akaunti haikuweza kuundwa: %1</translation>
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
        <source>&amp;Query/Retrieve</source>
        <translation>&amp;Tafuta/Pakua</translation>
    </message>
    <message>
        <source>&amp;Node Status</source>
        <translation>Hali ya &amp;nodi</translation>
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
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Ctrl+Alt+1</source>
        <translation>Ctrl+Alt+1</translation>
    </message>
    <message>
        <source>Ctrl+Alt+2</source>
        <translation>Ctrl+Alt+2</translation>
    </message>
    <message>
        <source>Ctrl+Alt+3</source>
        <translation>Ctrl+Alt+3</translation>
    </message>
    <message>
        <source>Ctrl+Alt+4</source>
        <translation>Ctrl+Alt+4</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>Toka skrini nzima</translation>
    </message>
    <message>
        <source>Open in &amp;Web Viewer</source>
        <translation>Fungua kwenye kitazamaji cha &amp;wavuti</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>S&amp;hare Link…</source>
        <translation>S&amp;hiriki kiungo…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>Select the study to share first.</source>
        <translation>Chagua kwanza uchunguzi wa kushiriki.</translation>
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
    <name>kilima::workstation::ReadingLayout</name>
    <message>
        <source>&amp;Measurement List</source>
        <translation>Orodha ya &amp;vipimo</translation>
    </message>
    <message>
        <source>&amp;Report Panel</source>
        <translation>Paneli ya &amp;ripoti</translation>
    </message>
    <message>
        <source>Report in Own &amp;Window</source>
        <translation>Ripoti katika &amp;dirisha lake</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>Skrini &amp;nzima</translation>
    </message>
    <message>
        <source>Leave Full Screen</source>
        <translation>Toka skrini nzima</translation>
    </message>
    <message>
        <source>Report — Kilima</source>
        <translation>Ripoti — Kilima</translation>
    </message>
    <message>
        <source>Open a study to write its report.</source>
        <translation>Fungua uchunguzi ili kuandika ripoti yake.</translation>
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
    <name>kilima::workstation::ShareLinkDialog</name>
    <message>
        <source>The node&apos;s web server is off (Settings → Node → HTTP port), so there is no web viewer to open.</source>
        <translation>Seva ya wavuti ya nodi imezimwa (Mipangilio → Nodi → Mlango wa HTTP), kwa hiyo hakuna kitazamaji cha wavuti cha kufungua.</translation>
    </message>
    <message>
        <source>The web viewer is not installed on this machine (installers/install-deps.sh installs it).</source>
        <translation>Kitazamaji cha wavuti hakijasakinishwa kwenye kompyuta hii (installers/install-deps.sh hukisakinisha).</translation>
    </message>
    <message>
        <source>Web viewer</source>
        <translation>Kitazamaji cha wavuti</translation>
    </message>
    <message>
        <source>&amp;Create Link</source>
        <translation>&amp;Unda kiungo</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Nakili</translation>
    </message>
    <message>
        <source>Share Link</source>
        <translation>Shiriki kiungo</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>Siku 1</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>Siku 7</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>Siku 30</translation>
    </message>
    <message>
        <source>The link appears here once created</source>
        <translation>Kiungo kitaonekana hapa kikishaundwa</translation>
    </message>
    <message>
        <source>Anyone with the link can open this one study in the web viewer until it expires or is revoked (kilima-node share revoke). Every use is audited.</source>
        <translation>Yeyote mwenye kiungo anaweza kufungua uchunguzi huu mmoja tu kwenye kitazamaji cha wavuti hadi muda wake uishe au kibatilishwe (kilima-node share revoke). Kila matumizi yanarekodiwa kwenye ukaguzi.</translation>
    </message>
    <message>
        <source>Valid for:</source>
        <translation>Halali kwa:</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Kiungo:</translation>
    </message>
    <message>
        <source>Creating the link…</source>
        <translation>Inaunda kiungo…</translation>
    </message>
    <message>
        <source>No link was made: %1</source>
        <translation>Hakuna kiungo kilichoundwa: %1</translation>
    </message>
    <message>
        <source>Link %1 expires on %2. Revoke it with: kilima-node share revoke %1</source>
        <translation>Kiungo %1 kinaisha muda tarehe %2. Kibatilishe kwa: kilima-node share revoke %1</translation>
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
