<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QObject</name>
    <message>
        <source>The study could not be deleted: %1</source>
        <translation>L&apos;examen n&apos;a pas pu être supprimé : %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
</context>
<context>
    <name>kilima::browser</name>
    <message>
        <source>%1 refused the user name or password (%2). Check them in Settings &gt; DICOMweb servers.</source>
        <translation>%1 a refusé le nom d&apos;utilisateur ou le mot de passe (%2). Vérifiez-les dans Paramètres &gt; Serveurs DICOMweb.</translation>
    </message>
    <message>
        <source>%1 did not answer at %2 (%3). Check the address and that the server runs.</source>
        <translation>%1 n&apos;a pas répondu à %2 (%3). Vérifiez l&apos;adresse et que le serveur fonctionne.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>kilima::browser::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>Stopping after the current files…</source>
        <translation>Arrêt après les fichiers en cours…</translation>
    </message>
    <message>
        <source>Looking for DICOM files in %1…</source>
        <translation>Recherche de fichiers DICOM dans %1…</translation>
    </message>
    <message>
        <source>Importing %1 of %2 files…</source>
        <translation>Importation de %1 fichiers sur %2…</translation>
    </message>
    <message>
        <source>No files found.</source>
        <translation>Aucun fichier trouvé.</translation>
    </message>
    <message>
        <source>Import stopped: %1 files imported.</source>
        <translation>Importation arrêtée : %1 fichiers importés.</translation>
    </message>
    <message>
        <source>Imported %1 files.</source>
        <translation>%1 fichiers importés.</translation>
    </message>
    <message>
        <source>%1 already in the archive</source>
        <translation>%1 déjà dans l&apos;archive</translation>
    </message>
    <message>
        <source>%1 not DICOM, skipped</source>
        <translation>%1 non DICOM, ignorés</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 refusés</translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation>%1 illisibles</translation>
    </message>
    <message>
        <source>The files below were not imported; the reason follows each name. Fix or replace them and import again.</source>
        <translation>Les fichiers ci-dessous n&apos;ont pas été importés ; la raison suit chaque nom. Corrigez-les ou remplacez-les et importez à nouveau.</translation>
    </message>
</context>
<context>
    <name>kilima::browser::QueryRetrievePanel</name>
    <message>
        <source>&amp;Echo</source>
        <translation>&amp;Écho</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>&amp;Retrieve</source>
        <translation>Ré&amp;cupérer</translation>
    </message>
    <message>
        <source>Remote nodes come from Settings &gt; Known nodes</source>
        <translation>Les nœuds distants viennent de Paramètres &gt; Nœuds connus</translation>
    </message>
    <message>
        <source>Test the connection with a C-ECHO</source>
        <translation>Tester la connexion avec un C-ECHO</translation>
    </message>
    <message>
        <source>Patient name or ID</source>
        <translation>Nom ou ID du patient</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Any modality</source>
        <translation>Toutes les modalités</translation>
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
        <translation>C-GET ramène les images sur la même connexion ; C-MOVE demande au nœud de les envoyer au nœud de ce poste, qu&apos;il doit connaître</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nom du patient</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID patient</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Date de l&apos;examen</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalités</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation>N° d&apos;accession</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Retrieve</source>
        <translation>Récupération</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Nœud :</translation>
    </message>
    <message>
        <source>The known nodes cannot be read: %1</source>
        <translation>Les nœuds connus ne peuvent pas être lus : %1</translation>
    </message>
    <message>
        <source>No remote nodes yet: add one in Settings &gt; Known nodes (AE title, host, port).</source>
        <translation>Aucun nœud distant : ajoutez-en un dans Paramètres &gt; Nœuds connus (titre AE, hôte, port).</translation>
    </message>
    <message>
        <source>Choose a remote node first (add one in Settings &gt; Known nodes).</source>
        <translation>Choisissez d&apos;abord un nœud distant (ajoutez-en un dans Paramètres &gt; Nœuds connus).</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Test de %1…</translation>
    </message>
    <message>
        <source>%1 answered the echo: the connection works.</source>
        <translation>%1 a répondu à l&apos;écho : la connexion fonctionne.</translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <translation>Recherche sur %1…</translation>
    </message>
    <message>
        <source>1 study on %1.</source>
        <translation>1 examen sur %1.</translation>
    </message>
    <message>
        <source>%1 studies on %2.</source>
        <translation>%1 examens sur %2.</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>En attente…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Done: %1 images</source>
        <translation>Terminé : %1 images</translation>
    </message>
    <message>
        <source>Partly: %1 images</source>
        <translation>Partiel : %1 images</translation>
    </message>
    <message>
        <source>Retrieved %1 images.</source>
        <translation>%1 images récupérées.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 images</translation>
    </message>
</context>
<context>
    <name>kilima::browser::RemoteStudies</name>
    <message>
        <source>%1 images could not be stored here: %2</source>
        <translation>%1 images n&apos;ont pas pu être stockées ici : %2</translation>
    </message>
    <message>
        <source>the node could not send %1 images (status 0x%2 %3)</source>
        <translation>le nœud n&apos;a pas pu envoyer %1 images (statut 0x%2 %3)</translation>
    </message>
    <message>
        <source>C-MOVE needs this workstation&apos;s node running: start it in Node status, or use C-GET</source>
        <translation>C-MOVE demande que le nœud de ce poste fonctionne : démarrez-le dans État du nœud, ou utilisez C-GET</translation>
    </message>
    <message>
        <source>%1 does not know this workstation as &quot;%2&quot;: add it to that node&apos;s known nodes with its host and port, or retrieve with C-GET</source>
        <translation>%1 ne connaît pas ce poste sous &quot;%2&quot; : ajoutez-le aux nœuds connus de ce nœud avec son hôte et son port, ou récupérez avec C-GET</translation>
    </message>
    <message>
        <source>%1 images were not sent (status 0x%2 %3)</source>
        <translation>%1 images n&apos;ont pas été envoyées (statut 0x%2 %3)</translation>
    </message>
    <message>
        <source>%1 did not answer (%2). Check that the node runs and that its host and port are right, and that no firewall blocks the port.</source>
        <translation>%1 n&apos;a pas répondu (%2). Vérifiez que le nœud fonctionne, que son hôte et son port sont justes et qu&apos;aucun pare-feu ne bloque le port.</translation>
    </message>
    <message>
        <source>%1 refused the association (%2). Check the AE titles: that node must know this workstation&apos;s AE title &quot;%3&quot; and allow it this service.</source>
        <translation>%1 a refusé l&apos;association (%2). Vérifiez les titres AE : ce nœud doit connaître le titre AE de ce poste &quot;%3&quot; et lui permettre ce service.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>kilima::browser::StudyBrowser</name>
    <message>
        <source>&amp;My worklist</source>
        <translation>&amp;Ma liste de travail</translation>
    </message>
    <message>
        <source>Patient name, patient ID or accession number</source>
        <translation>Nom du patient, ID patient ou numéro d&apos;accession</translation>
    </message>
    <message>
        <source>Matches any part of the patient name, or the start of the patient ID or of the
accession number. * and ? are wildcards (then the whole value must match).</source>
        <translation>Correspond à une partie du nom du patient, ou au début de l&apos;ID patient ou du
numéro d&apos;accession. * et ? sont des jokers (la valeur entière doit alors correspondre).</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>First study date of the range</source>
        <translation>Première date d&apos;examen de la période</translation>
    </message>
    <message>
        <source>Last study date of the range</source>
        <translation>Dernière date d&apos;examen de la période</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Only the studies assigned to you that are not final, STAT first</source>
        <translation>Seulement les examens qui vous sont attribués et non finalisés, URGENTS d&apos;abord</translation>
    </message>
    <message>
        <source>Any modality</source>
        <translation>Toutes les modalités</translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation>La recherche a échoué : %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>1 study</source>
        <translation>1 examen</translation>
    </message>
    <message>
        <source>%1 studies</source>
        <translation>%1 examens</translation>
    </message>
</context>
<context>
    <name>kilima::browser::StudyListModel</name>
    <message>
        <source>STAT · %1</source>
        <translation>URGENT · %1</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nom du patient</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID patient</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Date de l&apos;examen</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalités</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation>N° d&apos;accession</translation>
    </message>
    <message>
        <source>Referring physician</source>
        <translation>Médecin prescripteur</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Séries</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Non lu</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Rapport rédigé</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
</context>
<context>
    <name>kilima::browser::WorklistPanel</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Cancel procedure</source>
        <translation>A&amp;nnuler l&apos;examen</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nom du patient</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID patient</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <source>Station AE</source>
        <translation>AE de la station</translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation>N° d&apos;accession</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Scheduled on:</source>
        <translation>Prévu le :</translation>
    </message>
    <message>
        <source>Cancel procedure</source>
        <translation>Annuler l&apos;examen</translation>
    </message>
    <message>
        <source>Cancel the %1 procedure of %2? The modality will no longer see it.</source>
        <translation>Annuler l&apos;examen %1 de %2 ? La modalité ne le verra plus.</translation>
    </message>
    <message>
        <source>The worklist cannot be read: %1</source>
        <translation>La liste de travail ne peut pas être lue : %1</translation>
    </message>
    <message>
        <source>1 procedure scheduled.</source>
        <translation>1 examen prévu.</translation>
    </message>
    <message>
        <source>%1 procedures scheduled.</source>
        <translation>%1 examens prévus.</translation>
    </message>
    <message>
        <source>Edit procedure</source>
        <translation>Modifier l&apos;examen</translation>
    </message>
    <message>
        <source>Schedule procedure</source>
        <translation>Planifier un examen</translation>
    </message>
    <message>
        <source>Patient name (FAMILY^Given):</source>
        <translation>Nom du patient (NOM^Prénom) :</translation>
    </message>
    <message>
        <source>Patient ID:</source>
        <translation>ID patient :</translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation>Date de naissance :</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Sexe :</translation>
    </message>
    <message>
        <source>Accession #:</source>
        <translation>N° d&apos;accession :</translation>
    </message>
    <message>
        <source>Modality:</source>
        <translation>Modalité :</translation>
    </message>
    <message>
        <source>Station AE title:</source>
        <translation>Titre AE de la station :</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date :</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Heure :</translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation>Examen :</translation>
    </message>
    <message>
        <source>Referring physician:</source>
        <translation>Médecin prescripteur :</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s name or ID.</source>
        <translation>Saisissez le nom ou l&apos;ID du patient.</translation>
    </message>
    <message>
        <source>Write the birth date as YYYYMMDD, e.g. 19800131.</source>
        <translation>Écrivez la date de naissance au format AAAAMMJJ, p. ex. 19800131.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>Non annulé : %1</translation>
    </message>
</context>
<context>
    <name>kilima::exchange</name>
    <message>
        <source>Choose where to export to.</source>
        <translation>Choisissez la destination de l&apos;export.</translation>
    </message>
    <message>
        <source>The archive cannot list the images to export: %1</source>
        <translation>L&apos;archive ne peut pas lister les images à exporter : %1</translation>
    </message>
    <message>
        <source>The archive has no study with Study Instance UID %1.</source>
        <translation>L&apos;archive ne contient aucun examen de Study Instance UID %1.</translation>
    </message>
    <message>
        <source>The archive has no series with Series Instance UID %1.</source>
        <translation>L&apos;archive ne contient aucune série de Series Instance UID %1.</translation>
    </message>
    <message>
        <source>Nothing to export: the selection has no images in the archive.</source>
        <translation>Rien à exporter : la sélection n&apos;a pas d&apos;images dans l&apos;archive.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you may write to, with free space.</source>
        <translation>Impossible d&apos;écrire %1 : %2. Choisissez un dossier accessible en écriture, avec de l&apos;espace libre.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1. Choose a folder you may write to.</source>
        <translation>Impossible de créer le dossier %1. Choisissez un dossier accessible en écriture.</translation>
    </message>
    <message>
        <source>The folder %1 is not empty: a DICOMDIR set needs an empty folder (for example a new folder on the CD staging area).</source>
        <translation>Le dossier %1 n&apos;est pas vide : un ensemble DICOMDIR demande un dossier vide (par exemple un nouveau dossier de préparation du CD).</translation>
    </message>
    <message>
        <source>Export cancelled after %1 of %2 images.</source>
        <translation>Export annulé après %1 images sur %2.</translation>
    </message>
    <message>
        <source>Cannot read %1 from the archive (%2): run `kilima-node verify`.</source>
        <translation>Impossible de lire %1 dans l&apos;archive (%2) : lancez `kilima-node verify`.</translation>
    </message>
    <message>
        <source>study %1</source>
        <translation>examen %1</translation>
    </message>
    <message>
        <source>Cannot write %1: the disk may be full or read-only.</source>
        <translation>Impossible d&apos;écrire %1 : le disque est peut-être plein ou en lecture seule.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Nothing exported: every object of the selection was left out to protect the patient&apos;s identity.
%1</source>
        <translation>Rien n&apos;a été exporté : chaque objet de la sélection a été écarté pour protéger l&apos;identité du patient.
%1</translation>
    </message>
    <message>
        <source>The DICOMDIR could not be written: %1</source>
        <translation>Le DICOMDIR n&apos;a pas pu être écrit : %1</translation>
    </message>
    <message>
        <source>Cannot finish %1: %2</source>
        <translation>Impossible de terminer %1 : %2</translation>
    </message>
</context>
<context>
    <name>kilima::exchange::ExportSummary</name>
    <message>
        <source>Exported %1 object(s) (%2) to %3.</source>
        <translation>%1 objet(s) (%2) exporté(s) vers %3.</translation>
    </message>
    <message>
        <source>De-identified (DICOM PS3.15 Basic Application Level Confidentiality Profile): %1 object(s) cleaned, %2 left out.</source>
        <translation>Anonymisé (DICOM PS3.15, profil de confidentialité de base au niveau application) : %1 objet(s) nettoyé(s), %2 écarté(s).</translation>
    </message>
    <message>
        <source>Left out (not written):</source>
        <translation>Écartés (non écrits) :</translation>
    </message>
    <message>
        <source>Cleaned:</source>
        <translation>Nettoyés :</translation>
    </message>
</context>
<context>
    <name>kilima::reportui::ReportPanel</name>
    <message>
        <source>Draft autosaved %1</source>
        <translation>Brouillon enregistré automatiquement %1</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Échec de l&apos;enregistrement automatique : %1</translation>
    </message>
    <message>
        <source>No study</source>
        <translation>Aucun examen</translation>
    </message>
    <message>
        <source>Apply template</source>
        <translation>Appliquer le modèle</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>Enregistrer comme modèle…</translation>
    </message>
    <message>
        <source>New macro…</source>
        <translation>Nouvelle macro…</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <source>Type .key and space to insert a macro (e.g. .nad)</source>
        <translation>Tapez .clé puis espace pour insérer une macro (ex. .nad)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Structured findings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Résultats structurés&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>&lt;b&gt;Measurements&lt;/b&gt; (from the viewer)</source>
        <translation>&lt;b&gt;Mesures&lt;/b&gt; (de la visionneuse)</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Link the viewer&apos;s measurements and key images</source>
        <translation>Lier les mesures et images clés de la visionneuse</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <source>Preliminary</source>
        <translation>Préliminaire</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>Signer…</translation>
    </message>
    <message>
        <source>Addendum…</source>
        <translation>Addendum…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Recovered the unsaved draft journalled at %1</source>
        <translation>Brouillon non enregistré récupéré (journalisé à %1)</translation>
    </message>
    <message>
        <source>Accession %1</source>
        <translation>N° d&apos;accession %1</translation>
    </message>
    <message numerus="yes">
        <source>%n key image(s) linked</source>
        <translation>
            <numerusform>%n image clé liée</numerusform>
            <numerusform>%n images clés liées</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Addendum&lt;/b&gt; by %1, %2: %3</source>
        <translation>&lt;b&gt;Addendum&lt;/b&gt; par %1, %2 : %3</translation>
    </message>
    <message>
        <source>No study open</source>
        <translation>Aucun examen ouvert</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Statut : %1</translation>
    </message>
    <message>
        <source> — signed by %1 on %2 (read-only; corrections as addenda)</source>
        <translation> — signé par %1 le %2 (lecture seule ; corrections par addendum)</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Brouillon enregistré</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Signing… (checking the password, writing the PDF, SR and key images into the study)</source>
        <translation>Signature… (vérification du mot de passe, écriture du PDF, du SR et des images clés dans l&apos;examen)</translation>
    </message>
    <message>
        <source>Sign report</source>
        <translation>Signer le compte rendu</translation>
    </message>
    <message>
        <source>Signing makes the report final and stores it in the study.
Password of %1:</source>
        <translation>La signature rend le compte rendu définitif et l&apos;enregistre dans l&apos;examen.
Mot de passe de %1 :</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Addendum</translation>
    </message>
    <message>
        <source>Correction or addition (the signed report stays as it is):</source>
        <translation>Correction ou ajout (le compte rendu signé reste tel quel) :</translation>
    </message>
    <message>
        <source>Sign addendum</source>
        <translation>Signer l&apos;addendum</translation>
    </message>
    <message>
        <source>Password of %1:</source>
        <translation>Mot de passe de %1 :</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exporter le compte rendu</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Imprimer le compte rendu</translation>
    </message>
    <message>
        <source>No template &quot;%1&quot;</source>
        <translation>Aucun modèle « %1 »</translation>
    </message>
    <message>
        <source>Change template</source>
        <translation>Changer de modèle</translation>
    </message>
    <message numerus="yes">
        <source>You changed %n finding(s) of the current template: %1.</source>
        <translation>
            <numerusform>Vous avez modifié %n résultat du modèle actuel : %1.</numerusform>
            <numerusform>Vous avez modifié %n résultats du modèle actuel : %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Section text you typed stays in any case.</source>
        <translation>Le texte des sections que vous avez tapé reste dans tous les cas.</translation>
    </message>
    <message>
        <source>Keep my findings</source>
        <translation>Garder mes résultats</translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation>Les abandonner</translation>
    </message>
    <message>
        <source>No template matches this study: choose one above, or write on the blank report.</source>
        <translation>Aucun modèle ne correspond à cet examen : choisissez-en un ci-dessus, ou écrivez sur le compte rendu vierge.</translation>
    </message>
    <message>
        <source>Blank report. Templates that fit this study: %1.</source>
        <translation>Compte rendu vierge. Modèles adaptés à cet examen : %1.</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; chosen for this study (%2). Check it fits, or choose another above.</source>
        <translation>Modèle « %1 » choisi pour cet examen (%2). Vérifiez qu&apos;il convient, ou choisissez-en un autre ci-dessus.</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; (chosen by the reader).</source>
        <translation>Modèle « %1 » (choisi par le lecteur).</translation>
    </message>
    <message>
        <source>Blank report (no template)</source>
        <translation>Compte rendu vierge (sans modèle)</translation>
    </message>
    <message>
        <source> (local)</source>
        <translation> (local)</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; saved</source>
        <translation>Modèle « %1 » enregistré</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>Enregistrer comme modèle</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>Nom du modèle :</translation>
    </message>
    <message>
        <source>New macro</source>
        <translation>Nouvelle macro</translation>
    </message>
    <message>
        <source>Short key (typed as .key):</source>
        <translation>Clé courte (tapée comme .clé) :</translation>
    </message>
    <message>
        <source>Text inserted for .%1:</source>
        <translation>Texte inséré pour .%1 :</translation>
    </message>
</context>
<context>
    <name>kilima::reportui::Templates</name>
    <message>
        <source>CT chest</source>
        <translation>TDM thoracique</translation>
    </message>
    <message>
        <source>CT head</source>
        <translation>TDM cérébrale</translation>
    </message>
    <message>
        <source>Chest X-ray</source>
        <translation>Radiographie thoracique</translation>
    </message>
    <message>
        <source>MR brain</source>
        <translation>IRM cérébrale</translation>
    </message>
    <message>
        <source>Abdominal ultrasound</source>
        <translation>Échographie abdominale</translation>
    </message>
    <message>
        <source>Echocardiogram</source>
        <translation>Échocardiographie</translation>
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
        <translation>Moyenne</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Slab mode</source>
        <translation>Mode de coupe épaisse</translation>
    </message>
    <message>
        <source>Slab thickness</source>
        <translation>Épaisseur de coupe</translation>
    </message>
    <message>
        <source>Reset planes</source>
        <translation>Réinitialiser les plans</translation>
    </message>
    <message>
        <source>Click or drag: move the crosshair. Wheel: move the plane. Shift+wheel: rotate the other planes (oblique). Colours: axial blue, coronal green, sagittal red.</source>
        <translation>Clic ou glisser : déplacer le réticule. Molette : déplacer le plan. Maj+molette : faire pivoter les autres plans (oblique). Couleurs : axial bleu, coronal vert, sagittal rouge.</translation>
    </message>
</context>
<context>
    <name>kilima::viewer::Presets</name>
    <message>
        <source>CT Soft tissue</source>
        <translation>TDM Tissus mous</translation>
    </message>
    <message>
        <source>CT Lung</source>
        <translation>TDM Poumon</translation>
    </message>
    <message>
        <source>CT Bone</source>
        <translation>TDM Os</translation>
    </message>
    <message>
        <source>CT Brain</source>
        <translation>TDM Cerveau</translation>
    </message>
    <message>
        <source>CT Liver</source>
        <translation>TDM Foie</translation>
    </message>
    <message>
        <source>CT Mediastinum</source>
        <translation>TDM Médiastin</translation>
    </message>
    <message>
        <source>CT Angio</source>
        <translation>TDM Angio</translation>
    </message>
    <message>
        <source>CT Stroke</source>
        <translation>TDM AVC</translation>
    </message>
    <message>
        <source>CT Subdural</source>
        <translation>TDM Sous-dural</translation>
    </message>
    <message>
        <source>MR Default</source>
        <translation>IRM par défaut</translation>
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
        <translation>Annotation</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte :</translation>
    </message>
</context>
<context>
    <name>kilima::viewer::StudyViewer</name>
    <message>
        <source>Segmentation: referenced images not in this study</source>
        <translation>Segmentation : images référencées absentes de cet examen</translation>
    </message>
    <message>
        <source> · segmentation</source>
        <translation> · segmentation</translation>
    </message>
    <message>
        <source>
(other study %1)</source>
        <translation>
(autre examen %1)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <source>Right–left from</source>
        <translation>Droite-gauche de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Anterior–posterior from</source>
        <translation>Antéro-postérieur de</translation>
    </message>
    <message>
        <source>Foot–head from</source>
        <translation>Pieds-tête de</translation>
    </message>
    <message>
        <source>Left drag: rotate. Right drag or wheel: zoom. Middle drag: pan. Keys 1–5: presets. A coarse copy renders while the mouse is down.</source>
        <translation>Glisser gauche : rotation. Glisser droit ou molette : zoom. Glisser milieu : déplacer. Touches 1–5 : préréglages. Une copie grossière s&apos;affiche tant que le bouton est enfoncé.</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Disposition</translation>
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
        <translation>F/N</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Défiler</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Angle</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Freehand</source>
        <translation>Main levée</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Sonde</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Flèche</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Crosshair</source>
        <translation>Réticule</translation>
    </message>
    <message>
        <source>Window presets</source>
        <translation>Préréglages de fenêtre</translation>
    </message>
    <message>
        <source>Default (file)</source>
        <translation>Par défaut (fichier)</translation>
    </message>
    <message>
        <source>VOI LUT (file)</source>
        <translation>VOI LUT (fichier)</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Inverser</translation>
    </message>
    <message>
        <source>Flip H</source>
        <translation>Miroir H</translation>
    </message>
    <message>
        <source>Flip V</source>
        <translation>Miroir V</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> i/s</translation>
    </message>
    <message>
        <source>Cine frame rate</source>
        <translation>Cadence du ciné</translation>
    </message>
    <message>
        <source>Cine</source>
        <translation>Ciné</translation>
    </message>
    <message>
        <source>Key image</source>
        <translation>Image clé</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>Surimpressions</translation>
    </message>
    <message>
        <source>Sync scroll</source>
        <translation>Défilement synchronisé</translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation>Segmentation</translation>
    </message>
    <message>
        <source>Delete last measurement</source>
        <translation>Supprimer la dernière mesure</translation>
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
        <translation>Aide</translation>
    </message>
    <message>
        <source>Wheel / ↑ ↓ / drag with Scroll</source>
        <translation>Molette / ↑ ↓ / glisser avec Défiler</translation>
    </message>
    <message>
        <source>Next / previous image</source>
        <translation>Image suivante / précédente</translation>
    </message>
    <message>
        <source>PgUp / PgDn, Home / End</source>
        <translation>Pg préc / Pg suiv, Début / Fin</translation>
    </message>
    <message>
        <source>Jump 10% / first, last image</source>
        <translation>Sauter de 10 % / première, dernière image</translation>
    </message>
    <message>
        <source>Right drag / Ctrl+wheel</source>
        <translation>Glisser droit / Ctrl+molette</translation>
    </message>
    <message>
        <source>Middle drag</source>
        <translation>Glisser milieu</translation>
    </message>
    <message>
        <source>Shift+wheel (MPR)</source>
        <translation>Maj+molette (MPR)</translation>
    </message>
    <message>
        <source>Rotate planes (oblique)</source>
        <translation>Faire pivoter les plans (oblique)</translation>
    </message>
    <message>
        <source>Drag a series from the strip</source>
        <translation>Glisser une série depuis le bandeau</translation>
    </message>
    <message>
        <source>Show it in that viewport</source>
        <translation>L&apos;afficher dans cette vue</translation>
    </message>
    <message>
        <source>1–5 in 3D</source>
        <translation>1–5 en 3D</translation>
    </message>
    <message>
        <source>Rendering preset (instead of the window preset)</source>
        <translation>Préréglage de rendu (au lieu du préréglage de fenêtre)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>F1 closes this help.</source>
        <translation>F1 ferme cette aide.</translation>
    </message>
    <message>
        <source>MPR and 3D need a grey volume of at least 2 slices with plane geometry; %1 has %2.</source>
        <translation>La MPR et la 3D demandent un volume en niveaux de gris d&apos;au moins 2 coupes avec une géométrie de plan ; %1 en a %2.</translation>
    </message>
    <message>
        <source>this series</source>
        <translation>cette série</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s)</source>
        <translation>
            <numerusform>%n coupe</numerusform>
            <numerusform>%n coupes</numerusform>
        </translation>
    </message>
    <message>
        <source>no plane geometry</source>
        <translation>pas de géométrie de plan</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::ExportDialog</name>
    <message>
        <source>&amp;De-identify (DICOM Basic Confidentiality Profile)</source>
        <translation>&amp;Dé-identifier (profil de confidentialité DICOM de base)</translation>
    </message>
    <message>
        <source>Export study</source>
        <translation>Exporter l&apos;examen</translation>
    </message>
    <message>
        <source>Export %1 studies</source>
        <translation>Exporter %1 examens</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>ZIP file</source>
        <translation>Fichier ZIP</translation>
    </message>
    <message>
        <source>DICOMDIR set (CD/DVD)</source>
        <translation>Ensemble DICOMDIR (CD/DVD)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>Fichiers ZIP (*.zip)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Vers :</translation>
    </message>
    <message>
        <source>Patient name in the copy:</source>
        <translation>Nom du patient dans la copie :</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Exported %1 images (%2) to %3.</source>
        <translation>%1 images (%2) exportées vers %3.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Keep &amp;dates (Retain Longitudinal Temporal Information)</source>
        <translation>Conserver les &amp;dates (Retain Longitudinal Temporal Information)</translation>
    </message>
    <message>
        <source>Patient ID in the copy:</source>
        <translation>ID patient dans la copie :</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::FirstRunDialog</name>
    <message>
        <source>Welcome to Kilima</source>
        <translation>Bienvenue dans Kilima</translation>
    </message>
    <message>
        <source>&lt;p&gt;Create your account. You sign your reports with it, and the audit log records your work under your name.&lt;/p&gt;&lt;p&gt;You will be the administrator: add your colleagues later in Settings &amp;gt; Users.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Créez votre compte. Vous signez vos comptes rendus avec lui, et le journal d&apos;audit enregistre votre travail sous votre nom.&lt;/p&gt;&lt;p&gt;Vous serez l&apos;administrateur : ajoutez vos collègues plus tard dans Paramètres &amp;gt; Utilisateurs.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>e.g. Dr Amina Mwangi</source>
        <translation>ex. Dr Amina Mwangi</translation>
    </message>
    <message>
        <source>e.g. amwangi</source>
        <translation>ex. amwangi</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>au moins %n caractère</numerusform>
            <numerusform>au moins %n caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Nom complet :</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d&apos;&amp;utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Confirmer le mot de passe :</translation>
    </message>
    <message>
        <source>Create Account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Type your full name: it is printed under the reports you sign.</source>
        <translation>Tapez votre nom complet : il est imprimé sous les comptes rendus que vous signez.</translation>
    </message>
    <message>
        <source>Choose a user name (letters and digits, no spaces).</source>
        <translation>Choisissez un nom d&apos;utilisateur (lettres et chiffres, sans espaces).</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>Le mot de passe doit compter au moins %n caractère.</numerusform>
            <numerusform>Le mot de passe doit compter au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Les deux mots de passe diffèrent. Tapez deux fois le même mot de passe.</translation>
    </message>
    <message>
        <source>The account could not be created: %1</source>
        <translation>Le compte n&apos;a pas pu être créé : %1</translation>
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
        <translation>Examens</translation>
    </message>
    <message>
        <source>Query/Retrieve</source>
        <translation>Recherche/Récupération</translation>
    </message>
    <message>
        <source>Node status</source>
        <translation>État du nœud</translation>
    </message>
    <message>
        <source>The study list could not be read: %1</source>
        <translation>La liste des examens n&apos;a pas pu être lue : %1</translation>
    </message>
    <message>
        <source>Reading worklist</source>
        <translation>Liste de lecture</translation>
    </message>
    <message>
        <source>The change was not saved: %1
Try again; if it keeps failing, check that the data folder is writable and not full.</source>
        <translation>La modification n&apos;a pas été enregistrée : %1
Réessayez ; si l&apos;échec persiste, vérifiez que le dossier de données est accessible en écriture et n&apos;est pas plein.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Import Folder…</source>
        <translation>&amp;Importer un dossier…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import &amp;DICOMDIR / CD…</source>
        <translation>Importer un &amp;DICOMDIR / CD…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Delete Study…</source>
        <translation>&amp;Supprimer l&apos;examen…</translation>
    </message>
    <message>
        <source>Shift+Del</source>
        <translation>Shift+Del</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>&amp;Lecture</translation>
    </message>
    <message>
        <source>&amp;Open in Viewer</source>
        <translation>&amp;Ouvrir dans la visionneuse</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Mark &amp;Unread</source>
        <translation>Marquer comme &amp;non lu</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Mark &amp;In Progress</source>
        <translation>Marquer comme &amp;en cours</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Mark &amp;Reported</source>
        <translation>Marquer comme &amp;rapport rédigé</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Mark &amp;Final</source>
        <translation>Marquer comme &amp;final</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>Toggle &amp;STAT</source>
        <translation>Basculer &amp;URGENT</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Assign to &amp;Me</source>
        <translation>M&apos;&amp;attribuer</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Attribuer à…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>My &amp;Worklist</source>
        <translation>Ma liste de &amp;travail</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>Fetch &amp;Priors</source>
        <translation>Récupérer les examens &amp;antérieurs</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Studies</source>
        <translation>&amp;Examens</translation>
    </message>
    <message>
        <source>&amp;Query/Retrieve</source>
        <translation>&amp;Recherche/Récupération</translation>
    </message>
    <message>
        <source>&amp;Node Status</source>
        <translation>État du &amp;nœud</translation>
    </message>
    <message>
        <source>&amp;Find Patient</source>
        <translation>&amp;Chercher un patient</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Light Theme</source>
        <translation>Thème &amp;clair</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Close Viewer Tab</source>
        <translation>&amp;Fermer l&apos;onglet de la visionneuse</translation>
    </message>
    <message>
        <source>Ctrl+F4</source>
        <translation>Ctrl+F4</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Kilima</source>
        <translation>À &amp;propos de Kilima</translation>
    </message>
    <message>
        <source>Select a study first.</source>
        <translation>Sélectionnez d&apos;abord un examen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Attribuer</translation>
    </message>
    <message>
        <source>Reader (empty to unassign):</source>
        <translation>Lecteur (vide pour retirer l&apos;attribution) :</translation>
    </message>
    <message>
        <source>Select a study first: its patient&apos;s priors are searched.</source>
        <translation>Sélectionnez d&apos;abord un examen : les examens antérieurs de son patient seront recherchés.</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Archive statistics unavailable: %1</source>
        <translation>Statistiques de l&apos;archive indisponibles : %1</translation>
    </message>
    <message>
        <source>Patients: %1 · Studies: %2 · Series: %3 · Images: %4 · Stored: %5</source>
        <translation>Patients : %1 · Examens : %2 · Séries : %3 · Images : %4 · Stockage : %5</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Importer un dossier</translation>
    </message>
    <message>
        <source>Import DICOMDIR</source>
        <translation>Importer un DICOMDIR</translation>
    </message>
    <message>
        <source>DICOMDIR (DICOMDIR dicomdir);;All files (*)</source>
        <translation>DICOMDIR (DICOMDIR dicomdir);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Select the studies to export first.</source>
        <translation>Sélectionnez d&apos;abord les examens à exporter.</translation>
    </message>
    <message>
        <source>Delete the study of %1 from this workstation&apos;s archive?
The images are removed for every workstation that uses this node; this cannot be undone.</source>
        <translation>Supprimer l&apos;examen de %1 de l&apos;archive de ce poste ?
Les images sont retirées pour tous les postes qui utilisent ce nœud ; c&apos;est irréversible.</translation>
    </message>
    <message>
        <source>Delete %1 studies from this workstation&apos;s archive?
The images are removed for every workstation that uses this node; this cannot be undone.</source>
        <translation>Supprimer %1 examens de l&apos;archive de ce poste ?
Les images sont retirées pour tous les postes qui utilisent ce nœud ; c&apos;est irréversible.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>The new language applies from the next start.</source>
        <translation>La nouvelle langue s&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>Restart the node (Node status) for node changes to apply.</source>
        <translation>Redémarrez le nœud (État du nœud) pour appliquer les changements.</translation>
    </message>
    <message>
        <source>Import in progress</source>
        <translation>Importation en cours</translation>
    </message>
    <message>
        <source>An import is still running. Quit anyway? Files imported so far stay in the archive.</source>
        <translation>Une importation est en cours. Quitter quand même ? Les fichiers déjà importés restent dans l&apos;archive.</translation>
    </message>
    <message>
        <source>About Kilima</source>
        <translation>À propos de Kilima</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kilima %1&lt;/h3&gt;&lt;p&gt;Diagnostic workstation with an embedded PACS node.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kilima %1&lt;/h3&gt;&lt;p&gt;Poste de diagnostic avec un nœud PACS intégré.&lt;/p&gt;&lt;p&gt;Sous licence Apache 2.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>Liste de travail</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>Liste de &amp;travail</translation>
    </message>
    <message>
        <source>Recovered report drafts</source>
        <translation>Brouillons de compte rendu récupérés</translation>
    </message>
    <message numerus="yes">
        <source>%n report draft(s) were being typed when Kilima last stopped unexpectedly. Their text was saved. Open the studies now to review and save them?</source>
        <translation>
            <numerusform>%n brouillon de compte rendu était en cours de saisie quand Kilima s&apos;est arrêté de façon inattendue. Son texte a été enregistré. Ouvrir l&apos;examen maintenant pour le relire et l&apos;enregistrer ?</numerusform>
            <numerusform>%n brouillons de compte rendu étaient en cours de saisie quand Kilima s&apos;est arrêté de façon inattendue. Leur texte a été enregistré. Ouvrir les examens maintenant pour les relire et les enregistrer ?</numerusform>
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
        <translation>Quitter le plein écran</translation>
    </message>
    <message>
        <source>Open in &amp;Web Viewer</source>
        <translation>Ouvrir dans la &amp;visionneuse web</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>S&amp;hare Link…</source>
        <translation>&amp;Partager un lien…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>Select the study to share first.</source>
        <translation>Sélectionnez d’abord l’examen à partager.</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::NodeStatusPanel</name>
    <message>
        <source>Last received</source>
        <translation>Dernière réception</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation>Aucune erreur.</translation>
    </message>
    <message>
        <source>Studies received since the workstation started:</source>
        <translation>Examens reçus depuis le démarrage du poste :</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Erreurs :</translation>
    </message>
    <message>
        <source>The embedded node is off (started with --no-node).</source>
        <translation>Le nœud intégré est arrêté (démarré avec --no-node).</translation>
    </message>
    <message>
        <source>DICOM port %1</source>
        <translation>port DICOM %1</translation>
    </message>
    <message>
        <source>, DICOM TLS port %1</source>
        <translation>, port DICOM TLS %1</translation>
    </message>
    <message>
        <source>Running as %1 on %2 · %3 open associations</source>
        <translation>En service en tant que %1 sur %2 · %3 associations ouvertes</translation>
    </message>
    <message>
        <source>Warning: %1.</source>
        <translation>Avertissement : %1.</translation>
    </message>
    <message>
        <source>S&amp;top node</source>
        <translation>Arrê&amp;ter le nœud</translation>
    </message>
    <message>
        <source>Stopped: other nodes cannot send to this workstation.</source>
        <translation>Arrêté : les autres nœuds ne peuvent pas envoyer à ce poste.</translation>
    </message>
    <message>
        <source>S&amp;tart node</source>
        <translation>Dé&amp;marrer le nœud</translation>
    </message>
    <message>
        <source>Archive: %1 studies, %2 images, %3</source>
        <translation>Archive : %1 examens, %2 images, %3</translation>
    </message>
    <message>
        <source> · Disk: %1 free of %2</source>
        <translation> · Disque : %1 libres sur %2</translation>
    </message>
    <message>
        <source> — almost full: free space or move the storage location in Settings</source>
        <translation> — presque plein : libérez de l&apos;espace ou déplacez le stockage dans les Paramètres</translation>
    </message>
    <message>
        <source>The node did not start: %1. Check that no other program uses the port (Settings &gt; Node).</source>
        <translation>Le nœud n&apos;a pas démarré : %1. Vérifiez qu&apos;aucun autre programme n&apos;utilise le port (Paramètres &gt; Nœud).</translation>
    </message>
    <message>
        <source>An image from %1 was not stored: %2</source>
        <translation>Une image de %1 n&apos;a pas été stockée : %2</translation>
    </message>
    <message>
        <source>Forwarding queue: %1</source>
        <translation>File de transfert : %1</translation>
    </message>
    <message>
        <source>Cloud sync is off: %1. Check the cloud settings and credentials.</source>
        <translation>La synchronisation cloud est arrêtée : %1. Vérifiez les réglages cloud et les identifiants.</translation>
    </message>
    <message>
        <source>Cloud sync: not running in this node.</source>
        <translation>Synchronisation cloud : ne tourne pas dans ce nœud.</translation>
    </message>
    <message>
        <source>Cloud sync: %1 of %2 images verified in the bucket, %3 waiting, %4 only in the bucket</source>
        <translation>Synchronisation cloud : %1 images sur %2 vérifiées dans le bucket, %3 en attente, %4 seulement dans le bucket</translation>
    </message>
    <message>
        <source> · uploading now</source>
        <translation> · envoi en cours</translation>
    </message>
    <message>
        <source> · last pass %1: %2</source>
        <translation> · dernier passage %1 : %2</translation>
    </message>
    <message>
        <source>Last cloud error: %1 (the upload is retried on the next pass)</source>
        <translation>Dernière erreur cloud : %1 (l&apos;envoi sera retenté au prochain passage)</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::ReadingLayout</name>
    <message>
        <source>&amp;Measurement List</source>
        <translation>Liste des &amp;mesures</translation>
    </message>
    <message>
        <source>&amp;Report Panel</source>
        <translation>Panneau du &amp;compte rendu</translation>
    </message>
    <message>
        <source>Report in Own &amp;Window</source>
        <translation>Compte rendu dans sa propre &amp;fenêtre</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Plein écran</translation>
    </message>
    <message>
        <source>Leave Full Screen</source>
        <translation>Quitter le plein écran</translation>
    </message>
    <message>
        <source>Report — Kilima</source>
        <translation>Compte rendu — Kilima</translation>
    </message>
    <message>
        <source>Open a study to write its report.</source>
        <translation>Ouvrez un examen pour en écrire le compte rendu.</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <translation>&amp;Nœud</translation>
    </message>
    <message>
        <source>&amp;Known nodes</source>
        <translation>Nœuds &amp;connus</translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation>&amp;Stockage</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Utilisateurs</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Apparence</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>inchangé (conservé dans le trousseau du système)</translation>
    </message>
    <message>
        <source>Accept images from nodes not in the known nodes list</source>
        <translation>Accepter les images des nœuds absents de la liste des nœuds connus</translation>
    </message>
    <message>
        <source>AE &amp;title:</source>
        <translation>&amp;Titre AE :</translation>
    </message>
    <message>
        <source>DICOM &amp;port:</source>
        <translation>&amp;Port DICOM :</translation>
    </message>
    <message>
        <source>DICOM T&amp;LS port:</source>
        <translation>Port DICOM T&amp;LS :</translation>
    </message>
    <message>
        <source>DICOMweb (&amp;HTTP) port:</source>
        <translation>Port DICOMweb (&amp;HTTP) :</translation>
    </message>
    <message>
        <source>TLS &amp;certificate (PEM):</source>
        <translation>&amp;Certificat TLS (PEM) :</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>Certificat TLS</translation>
    </message>
    <message>
        <source>TLS private &amp;key (PEM):</source>
        <translation>&amp;Clé privée TLS (PEM) :</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>Clé privée TLS</translation>
    </message>
    <message>
        <source>Key pa&amp;ssphrase:</source>
        <translation>Phrase de pa&amp;sse de la clé :</translation>
    </message>
    <message>
        <source>Changes to the node take effect when the node restarts (Node status &gt; Stop, then Start).</source>
        <translation>Les changements du nœud prennent effet à son redémarrage (État du nœud &gt; Arrêter, puis Démarrer).</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>AE title</source>
        <translation>Titre AE</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Autorisé</translation>
    </message>
    <message>
        <source>&amp;Add or replace</source>
        <translation>&amp;Ajouter ou remplacer</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>AE title:</source>
        <translation>Titre AE :</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>May use:</source>
        <translation>Peut utiliser :</translation>
    </message>
    <message>
        <source>Keep the first copy</source>
        <translation>Garder la première copie</translation>
    </message>
    <message>
        <source>Replace with the newer copy</source>
        <translation>Remplacer par la copie plus récente</translation>
    </message>
    <message>
        <source>Storage &amp;location:</source>
        <translation>&amp;Emplacement du stockage :</translation>
    </message>
    <message>
        <source>Storage location</source>
        <translation>Emplacement du stockage</translation>
    </message>
    <message>
        <source>Same image &amp;received twice:</source>
        <translation>Même image &amp;reçue deux fois :</translation>
    </message>
    <message>
        <source>A new location applies to images stored from the next start; existing images stay where they are.</source>
        <translation>Un nouvel emplacement s&apos;applique aux images stockées à partir du prochain démarrage ; les images existantes restent où elles sont.</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Ajouter un utilisateur…</translation>
    </message>
    <message>
        <source>&amp;Remove user</source>
        <translation>&amp;Retirer l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nom d&apos;utilisateur :</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rôle :</translation>
    </message>
    <message>
        <source>Password (at least %1 characters):</source>
        <translation>Mot de passe (au moins %1 caractères) :</translation>
    </message>
    <message>
        <source>Dark (reading room)</source>
        <translation>Sombre (salle de lecture)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>The known nodes cannot be read: %1</source>
        <translation>Les nœuds connus ne peuvent pas être lus : %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>A known node needs a name, a host name or address, and an AE title of 1 to 16 characters without backslash.</source>
        <translation>Un nœud connu demande un nom, un nom d&apos;hôte ou une adresse et un titre AE de 1 à 16 caractères sans barre oblique inverse.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <source>The AE title must be 1 to 16 characters (letters, digits, no backslash), e.g. KILIMA_WS1.</source>
        <translation>Le titre AE doit faire de 1 à 16 caractères (lettres, chiffres, sans barre oblique inverse), p. ex. KILIMA_WS1.</translation>
    </message>
    <message>
        <source>Port %1 is used twice: give the DICOM, DICOM TLS and HTTP listeners different ports.</source>
        <translation>Le port %1 est utilisé deux fois : donnez des ports différents aux écoutes DICOM, DICOM TLS et HTTP.</translation>
    </message>
    <message>
        <source>The DICOM TLS port needs a certificate and a private key file (PEM).</source>
        <translation>Le port DICOM TLS demande un certificat et un fichier de clé privée (PEM).</translation>
    </message>
    <message>
        <source>The file %1 does not exist or cannot be read.</source>
        <translation>Le fichier %1 n&apos;existe pas ou ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1. Check that the data folder is writable.</source>
        <translation>Les paramètres n&apos;ont pas pu être enregistrés : %1. Vérifiez que le dossier de données est accessible en écriture.</translation>
    </message>
    <message>
        <source>&amp;DICOMweb servers</source>
        <translation>Serveurs &amp;DICOMweb</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL de base</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>conservé dans le trousseau du système</translation>
    </message>
    <message>
        <source>A DICOMweb server needs a name and a base URL starting with http:// or https://, e.g. https://pacs.example.org/dicom-web.</source>
        <translation>Un serveur DICOMweb demande un nom et une URL de base commençant par http:// ou https://, p. ex. https://pacs.example.org/dicom-web.</translation>
    </message>
    <message>
        <source>The password could not be stored in the system keychain (%1): start the desktop&apos;s keyring or wallet and save again.</source>
        <translation>Le mot de passe n&apos;a pas pu être stocké dans le trousseau du système (%1) : démarrez le trousseau ou le portefeuille du bureau et enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>URL de base :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Aucune limite</translation>
    </message>
    <message>
        <source>New images are refused (senders are told the archive is out of resources) while the storage disk would be left with less free space than this.</source>
        <translation>Les nouvelles images sont refusées (les expéditeurs sont informés que l&apos;archive manque de ressources) tant que le disque de stockage garderait moins d&apos;espace libre que cela.</translation>
    </message>
    <message>
        <source>&amp;Keep free on the storage disk:</source>
        <translation>&amp;Garder libre sur le disque de stockage :</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::ShareLinkDialog</name>
    <message>
        <source>The node&apos;s web server is off (Settings → Node → HTTP port), so there is no web viewer to open.</source>
        <translation>Le serveur web du nœud est désactivé (Paramètres → Nœud → Port HTTP) : il n’y a pas de visionneuse web à ouvrir.</translation>
    </message>
    <message>
        <source>The web viewer is not installed on this machine (installers/install-deps.sh installs it).</source>
        <translation>La visionneuse web n’est pas installée sur cette machine (installers/install-deps.sh l’installe).</translation>
    </message>
    <message>
        <source>Web viewer</source>
        <translation>Visionneuse web</translation>
    </message>
    <message>
        <source>&amp;Create Link</source>
        <translation>&amp;Créer le lien</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Co&amp;pier</translation>
    </message>
    <message>
        <source>Share Link</source>
        <translation>Partager un lien</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 jours</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 jours</translation>
    </message>
    <message>
        <source>The link appears here once created</source>
        <translation>Le lien apparaît ici une fois créé</translation>
    </message>
    <message>
        <source>Anyone with the link can open this one study in the web viewer until it expires or is revoked (kilima-node share revoke). Every use is audited.</source>
        <translation>Toute personne disposant du lien peut ouvrir cet examen, et lui seul, dans la visionneuse web jusqu’à son expiration ou sa révocation (kilima-node share revoke). Chaque utilisation est journalisée.</translation>
    </message>
    <message>
        <source>Valid for:</source>
        <translation>Valable pendant :</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Lien :</translation>
    </message>
    <message>
        <source>Creating the link…</source>
        <translation>Création du lien…</translation>
    </message>
    <message>
        <source>No link was made: %1</source>
        <translation>Aucun lien n’a été créé : %1</translation>
    </message>
    <message>
        <source>Link %1 expires on %2. Revoke it with: kilima-node share revoke %1</source>
        <translation>Le lien %1 expire le %2. Pour le révoquer : kilima-node share revoke %1</translation>
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
        <translation>Poste de diagnostic Kilima : parcourir et importer les examens de l&apos;archive locale.</translation>
    </message>
    <message>
        <source>Archive location (default $KILIMA_DATA_DIR, else $XDG_DATA_HOME/kilima, normally ~/.local/share/kilima).</source>
        <translation>Emplacement de l&apos;archive (par défaut $KILIMA_DATA_DIR, sinon $XDG_DATA_HOME/kilima, normalement ~/.local/share/kilima).</translation>
    </message>
    <message>
        <source>Colour theme: dark (default) or light.</source>
        <translation>Thème de couleurs : sombre (par défaut) ou clair.</translation>
    </message>
    <message>
        <source>User interface language: en, sw, fr, es or pt (default: the one chosen in Settings, else the system&apos;s).</source>
        <translation>Langue de l&apos;interface : en, sw, fr, es ou pt (par défaut : celle choisie dans les Paramètres, sinon celle du système).</translation>
    </message>
    <message>
        <source>With --screenshot: also render the settings dialog to the PNG FILE.</source>
        <translation>Avec --screenshot : rendre aussi la fenêtre des paramètres dans le FICHIER PNG.</translation>
    </message>
    <message>
        <source>Open the study with this Study Instance UID in the viewer at start.</source>
        <translation>Ouvrir au démarrage l&apos;examen de ce Study Instance UID dans la visionneuse.</translation>
    </message>
    <message>
        <source>Render the main window to the PNG FILE once the first page of studies is loaded, then exit (for documentation and tests).</source>
        <translation>Rendre la fenêtre principale dans le FICHIER PNG une fois la première page d&apos;examens chargée, puis quitter (pour la documentation et les tests).</translation>
    </message>
    <message>
        <source>Do not run the embedded PACS node (DICOM listener) in the background.</source>
        <translation>Ne pas exécuter le nœud PACS intégré (écoute DICOM) en arrière-plan.</translation>
    </message>
    <message>
        <source>Debug logging.</source>
        <translation>Journal de débogage.</translation>
    </message>
    <message>
        <source>unknown theme &quot;%1&quot; (use dark or light)</source>
        <translation>thème « %1 » inconnu (utilisez dark ou light)</translation>
    </message>
    <message>
        <source>cannot open the archive in %1: %2</source>
        <translation>impossible d&apos;ouvrir l&apos;archive dans %1 : %2</translation>
    </message>
    <message>
        <source>Node %1 listening on DICOM port %2</source>
        <translation>Nœud %1 à l&apos;écoute sur le port DICOM %2</translation>
    </message>
    <message>
        <source>The node did not start: %1</source>
        <translation>Le nœud n&apos;a pas démarré : %1</translation>
    </message>
    <message>
        <source>Created the DICOMweb user &quot;admin&quot;; its password is in %1 (readable by you only). Sign in, change it in Settings &gt; Users, then delete that file.</source>
        <translation>Utilisateur DICOMweb « admin » créé ; son mot de passe est dans %1 (lisible par vous seul). Connectez-vous, changez-le dans Paramètres &gt; Utilisateurs, puis supprimez ce fichier.</translation>
    </message>
    <message>
        <source>Created the DICOMweb user &quot;admin&quot;, but its password could not be kept: %1. Set one in Settings &gt; Users.</source>
        <translation>Utilisateur DICOMweb « admin » créé, mais son mot de passe n&apos;a pas pu être conservé : %1. Définissez-en un dans Paramètres &gt; Utilisateurs.</translation>
    </message>
</context>
</TS>
