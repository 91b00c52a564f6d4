<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>QObject</name>
    <message>
        <source>The study could not be deleted: %1</source>
        <translation>No se pudo eliminar el estudio: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
</context>
<context>
    <name>kilima::browser</name>
    <message>
        <source>%1 refused the user name or password (%2). Check them in Settings &gt; DICOMweb servers.</source>
        <translation>%1 rechazó el usuario o la contraseña (%2). Revíselos en Configuración &gt; Servidores DICOMweb.</translation>
    </message>
    <message>
        <source>%1 did not answer at %2 (%3). Check the address and that the server runs.</source>
        <translation>%1 no respondió en %2 (%3). Compruebe la dirección y que el servidor esté en marcha.</translation>
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
        <translation>Importación</translation>
    </message>
    <message>
        <source>Stopping after the current files…</source>
        <translation>Deteniendo tras los archivos actuales…</translation>
    </message>
    <message>
        <source>Looking for DICOM files in %1…</source>
        <translation>Buscando archivos DICOM en %1…</translation>
    </message>
    <message>
        <source>Importing %1 of %2 files…</source>
        <translation>Importando %1 de %2 archivos…</translation>
    </message>
    <message>
        <source>No files found.</source>
        <translation>No se encontraron archivos.</translation>
    </message>
    <message>
        <source>Import stopped: %1 files imported.</source>
        <translation>Importación detenida: %1 archivos importados.</translation>
    </message>
    <message>
        <source>Imported %1 files.</source>
        <translation>%1 archivos importados.</translation>
    </message>
    <message>
        <source>%1 already in the archive</source>
        <translation>%1 ya estaban en el archivo</translation>
    </message>
    <message>
        <source>%1 not DICOM, skipped</source>
        <translation>%1 no DICOM, omitidos</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 rechazados</translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation>%1 no se pudieron leer</translation>
    </message>
    <message>
        <source>The files below were not imported; the reason follows each name. Fix or replace them and import again.</source>
        <translation>Los archivos siguientes no se importaron; el motivo sigue a cada nombre. Corríjalos o reemplácelos e importe de nuevo.</translation>
    </message>
</context>
<context>
    <name>kilima::browser::QueryRetrievePanel</name>
    <message>
        <source>&amp;Echo</source>
        <translation>&amp;Eco</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Retrieve</source>
        <translation>&amp;Recuperar</translation>
    </message>
    <message>
        <source>Remote nodes come from Settings &gt; Known nodes</source>
        <translation>Los nodos remotos vienen de Configuración &gt; Nodos conocidos</translation>
    </message>
    <message>
        <source>Test the connection with a C-ECHO</source>
        <translation>Probar la conexión con un C-ECHO</translation>
    </message>
    <message>
        <source>Patient name or ID</source>
        <translation>Nombre o ID del paciente</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Any modality</source>
        <translation>Cualquier modalidad</translation>
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
        <translation>C-GET trae las imágenes por la misma conexión; C-MOVE pide al nodo que las envíe al nodo de esta estación, que ese nodo debe conocer</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nombre del paciente</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID del paciente</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Fecha del estudio</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalidades</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation>N.º de acceso</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Retrieve</source>
        <translation>Recuperación</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Nodo:</translation>
    </message>
    <message>
        <source>The known nodes cannot be read: %1</source>
        <translation>No se pueden leer los nodos conocidos: %1</translation>
    </message>
    <message>
        <source>No remote nodes yet: add one in Settings &gt; Known nodes (AE title, host, port).</source>
        <translation>Aún no hay nodos remotos: agregue uno en Configuración &gt; Nodos conocidos (título AE, host, puerto).</translation>
    </message>
    <message>
        <source>Choose a remote node first (add one in Settings &gt; Known nodes).</source>
        <translation>Elija primero un nodo remoto (agregue uno en Configuración &gt; Nodos conocidos).</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Probando %1…</translation>
    </message>
    <message>
        <source>%1 answered the echo: the connection works.</source>
        <translation>%1 respondió al eco: la conexión funciona.</translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <translation>Buscando en %1…</translation>
    </message>
    <message>
        <source>1 study on %1.</source>
        <translation>1 estudio en %1.</translation>
    </message>
    <message>
        <source>%1 studies on %2.</source>
        <translation>%1 estudios en %2.</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>En espera…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <source>Done: %1 images</source>
        <translation>Listo: %1 imágenes</translation>
    </message>
    <message>
        <source>Partly: %1 images</source>
        <translation>Parcial: %1 imágenes</translation>
    </message>
    <message>
        <source>Retrieved %1 images.</source>
        <translation>%1 imágenes recuperadas.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 imágenes</translation>
    </message>
</context>
<context>
    <name>kilima::browser::RemoteStudies</name>
    <message>
        <source>%1 images could not be stored here: %2</source>
        <translation>No se pudieron almacenar aquí %1 imágenes: %2</translation>
    </message>
    <message>
        <source>the node could not send %1 images (status 0x%2 %3)</source>
        <translation>el nodo no pudo enviar %1 imágenes (estado 0x%2 %3)</translation>
    </message>
    <message>
        <source>C-MOVE needs this workstation&apos;s node running: start it in Node status, or use C-GET</source>
        <translation>C-MOVE necesita el nodo de esta estación en marcha: inícielo en Estado del nodo o use C-GET</translation>
    </message>
    <message>
        <source>%1 does not know this workstation as &quot;%2&quot;: add it to that node&apos;s known nodes with its host and port, or retrieve with C-GET</source>
        <translation>%1 no conoce esta estación como &quot;%2&quot;: agréguela a los nodos conocidos de ese nodo con su host y puerto, o recupere con C-GET</translation>
    </message>
    <message>
        <source>%1 images were not sent (status 0x%2 %3)</source>
        <translation>No se enviaron %1 imágenes (estado 0x%2 %3)</translation>
    </message>
    <message>
        <source>%1 did not answer (%2). Check that the node runs and that its host and port are right, and that no firewall blocks the port.</source>
        <translation>%1 no respondió (%2). Compruebe que el nodo esté en marcha, que su host y puerto sean correctos y que ningún cortafuegos bloquee el puerto.</translation>
    </message>
    <message>
        <source>%1 refused the association (%2). Check the AE titles: that node must know this workstation&apos;s AE title &quot;%3&quot; and allow it this service.</source>
        <translation>%1 rechazó la asociación (%2). Revise los títulos AE: ese nodo debe conocer el título AE de esta estación &quot;%3&quot; y permitirle este servicio.</translation>
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
        <translation>&amp;Mi lista de trabajo</translation>
    </message>
    <message>
        <source>Patient name, patient ID or accession number</source>
        <translation>Nombre del paciente, ID del paciente o número de acceso</translation>
    </message>
    <message>
        <source>Matches any part of the patient name, or the start of the patient ID or of the
accession number. * and ? are wildcards (then the whole value must match).</source>
        <translation>Coincide con cualquier parte del nombre del paciente, o con el inicio del ID del paciente o del
número de acceso. * y ? son comodines (entonces debe coincidir el valor completo).</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Rango de fechas</translation>
    </message>
    <message>
        <source>First study date of the range</source>
        <translation>Primera fecha de estudio del rango</translation>
    </message>
    <message>
        <source>Last study date of the range</source>
        <translation>Última fecha de estudio del rango</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Only the studies assigned to you that are not final, STAT first</source>
        <translation>Solo los estudios asignados a usted que no son finales, URGENTES primero</translation>
    </message>
    <message>
        <source>Any modality</source>
        <translation>Cualquier modalidad</translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation>La consulta falló: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>1 study</source>
        <translation>1 estudio</translation>
    </message>
    <message>
        <source>%1 studies</source>
        <translation>%1 estudios</translation>
    </message>
</context>
<context>
    <name>kilima::browser::StudyListModel</name>
    <message>
        <source>STAT · %1</source>
        <translation>URGENTE · %1</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nombre del paciente</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID del paciente</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Fecha del estudio</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalidades</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation>N.º de acceso</translation>
    </message>
    <message>
        <source>Referring physician</source>
        <translation>Médico remitente</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lector</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Sin leer</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Informado</translation>
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
        <translation>&amp;Agregar…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Cancel procedure</source>
        <translation>&amp;Cancelar procedimiento</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programado</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nombre del paciente</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID del paciente</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <source>Station AE</source>
        <translation>AE de la estación</translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation>N.º de acceso</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedimiento</translation>
    </message>
    <message>
        <source>Scheduled on:</source>
        <translation>Programado el:</translation>
    </message>
    <message>
        <source>Cancel procedure</source>
        <translation>Cancelar procedimiento</translation>
    </message>
    <message>
        <source>Cancel the %1 procedure of %2? The modality will no longer see it.</source>
        <translation>¿Cancelar el procedimiento %1 de %2? La modalidad ya no lo verá.</translation>
    </message>
    <message>
        <source>The worklist cannot be read: %1</source>
        <translation>No se puede leer la lista de trabajo: %1</translation>
    </message>
    <message>
        <source>1 procedure scheduled.</source>
        <translation>1 procedimiento programado.</translation>
    </message>
    <message>
        <source>%1 procedures scheduled.</source>
        <translation>%1 procedimientos programados.</translation>
    </message>
    <message>
        <source>Edit procedure</source>
        <translation>Editar procedimiento</translation>
    </message>
    <message>
        <source>Schedule procedure</source>
        <translation>Programar procedimiento</translation>
    </message>
    <message>
        <source>Patient name (FAMILY^Given):</source>
        <translation>Nombre del paciente (APELLIDO^Nombre):</translation>
    </message>
    <message>
        <source>Patient ID:</source>
        <translation>ID del paciente:</translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation>Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Sexo:</translation>
    </message>
    <message>
        <source>Accession #:</source>
        <translation>N.º de acceso:</translation>
    </message>
    <message>
        <source>Modality:</source>
        <translation>Modalidad:</translation>
    </message>
    <message>
        <source>Station AE title:</source>
        <translation>Título AE de la estación:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Hora:</translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation>Procedimiento:</translation>
    </message>
    <message>
        <source>Referring physician:</source>
        <translation>Médico remitente:</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s name or ID.</source>
        <translation>Escriba el nombre o el ID del paciente.</translation>
    </message>
    <message>
        <source>Write the birth date as YYYYMMDD, e.g. 19800131.</source>
        <translation>Escriba la fecha de nacimiento como AAAAMMDD, p. ej. 19800131.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>No cancelado: %1</translation>
    </message>
</context>
<context>
    <name>kilima::exchange</name>
    <message>
        <source>Choose where to export to.</source>
        <translation>Elija dónde exportar.</translation>
    </message>
    <message>
        <source>The archive cannot list the images to export: %1</source>
        <translation>El archivo no puede listar las imágenes a exportar: %1</translation>
    </message>
    <message>
        <source>The archive has no study with Study Instance UID %1.</source>
        <translation>El archivo no tiene ningún estudio con Study Instance UID %1.</translation>
    </message>
    <message>
        <source>The archive has no series with Series Instance UID %1.</source>
        <translation>El archivo no tiene ninguna serie con Series Instance UID %1.</translation>
    </message>
    <message>
        <source>Nothing to export: the selection has no images in the archive.</source>
        <translation>Nada que exportar: la selección no tiene imágenes en el archivo.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you may write to, with free space.</source>
        <translation>No se puede escribir %1: %2. Elija una carpeta con permiso de escritura y espacio libre.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1. Choose a folder you may write to.</source>
        <translation>No se puede crear la carpeta %1. Elija una carpeta con permiso de escritura.</translation>
    </message>
    <message>
        <source>The folder %1 is not empty: a DICOMDIR set needs an empty folder (for example a new folder on the CD staging area).</source>
        <translation>La carpeta %1 no está vacía: un conjunto DICOMDIR necesita una carpeta vacía (por ejemplo, una carpeta nueva para preparar el CD).</translation>
    </message>
    <message>
        <source>Export cancelled after %1 of %2 images.</source>
        <translation>Exportación cancelada tras %1 de %2 imágenes.</translation>
    </message>
    <message>
        <source>Cannot read %1 from the archive (%2): run `kilima-node verify`.</source>
        <translation>No se puede leer %1 del archivo (%2): ejecute `kilima-node verify`.</translation>
    </message>
    <message>
        <source>study %1</source>
        <translation>estudio %1</translation>
    </message>
    <message>
        <source>Cannot write %1: the disk may be full or read-only.</source>
        <translation>No se puede escribir %1: el disco puede estar lleno o ser de solo lectura.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Nothing exported: every object of the selection was left out to protect the patient&apos;s identity.
%1</source>
        <translation>No se exportó nada: todos los objetos de la selección se excluyeron para proteger la identidad del paciente.
%1</translation>
    </message>
    <message>
        <source>The DICOMDIR could not be written: %1</source>
        <translation>No se pudo escribir el DICOMDIR: %1</translation>
    </message>
    <message>
        <source>Cannot finish %1: %2</source>
        <translation>No se puede terminar %1: %2</translation>
    </message>
</context>
<context>
    <name>kilima::exchange::ExportSummary</name>
    <message>
        <source>Exported %1 object(s) (%2) to %3.</source>
        <translation>%1 objeto(s) (%2) exportado(s) a %3.</translation>
    </message>
    <message>
        <source>De-identified (DICOM PS3.15 Basic Application Level Confidentiality Profile): %1 object(s) cleaned, %2 left out.</source>
        <translation>Anonimizado (DICOM PS3.15, perfil básico de confidencialidad a nivel de aplicación): %1 objeto(s) limpiado(s), %2 excluido(s).</translation>
    </message>
    <message>
        <source>Left out (not written):</source>
        <translation>Excluidos (no escritos):</translation>
    </message>
    <message>
        <source>Cleaned:</source>
        <translation>Limpiados:</translation>
    </message>
</context>
<context>
    <name>kilima::reportui::ReportPanel</name>
    <message>
        <source>Draft autosaved %1</source>
        <translation>Borrador guardado automáticamente %1</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Falló el guardado automático: %1</translation>
    </message>
    <message>
        <source>No study</source>
        <translation>Ningún estudio</translation>
    </message>
    <message>
        <source>Apply template</source>
        <translation>Aplicar plantilla</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>Guardar como plantilla…</translation>
    </message>
    <message>
        <source>New macro…</source>
        <translation>Nueva macro…</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Plantilla:</translation>
    </message>
    <message>
        <source>Type .key and space to insert a macro (e.g. .nad)</source>
        <translation>Escriba .clave y espacio para insertar una macro (p. ej. .nad)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Structured findings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hallazgos estructurados&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>&lt;b&gt;Measurements&lt;/b&gt; (from the viewer)</source>
        <translation>&lt;b&gt;Medidas&lt;/b&gt; (del visor)</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Link the viewer&apos;s measurements and key images</source>
        <translation>Vincular las medidas e imágenes clave del visor</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Guardar borrador</translation>
    </message>
    <message>
        <source>Preliminary</source>
        <translation>Preliminar</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>Firmar…</translation>
    </message>
    <message>
        <source>Addendum…</source>
        <translation>Adenda…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Recovered the unsaved draft journalled at %1</source>
        <translation>Recuperado el borrador sin guardar registrado a las %1</translation>
    </message>
    <message>
        <source>Accession %1</source>
        <translation>N.º de acceso %1</translation>
    </message>
    <message numerus="yes">
        <source>%n key image(s) linked</source>
        <translation>
            <numerusform>%n imagen clave vinculada</numerusform>
            <numerusform>%n imágenes clave vinculadas</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Addendum&lt;/b&gt; by %1, %2: %3</source>
        <translation>&lt;b&gt;Adenda&lt;/b&gt; de %1, %2: %3</translation>
    </message>
    <message>
        <source>No study open</source>
        <translation>Ningún estudio abierto</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source> — signed by %1 on %2 (read-only; corrections as addenda)</source>
        <translation> — firmado por %1 el %2 (solo lectura; correcciones como adendas)</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Borrador guardado</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Signing… (checking the password, writing the PDF, SR and key images into the study)</source>
        <translation>Firmando… (comprobando la contraseña, escribiendo el PDF, el SR y las imágenes clave en el estudio)</translation>
    </message>
    <message>
        <source>Sign report</source>
        <translation>Firmar informe</translation>
    </message>
    <message>
        <source>Signing makes the report final and stores it in the study.
Password of %1:</source>
        <translation>Firmar hace definitivo el informe y lo guarda en el estudio.
Contraseña de %1:</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Adenda</translation>
    </message>
    <message>
        <source>Correction or addition (the signed report stays as it is):</source>
        <translation>Corrección o añadido (el informe firmado queda como está):</translation>
    </message>
    <message>
        <source>Sign addendum</source>
        <translation>Firmar adenda</translation>
    </message>
    <message>
        <source>Password of %1:</source>
        <translation>Contraseña de %1:</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportar informe</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Imprimir informe</translation>
    </message>
    <message>
        <source>No template &quot;%1&quot;</source>
        <translation>No hay plantilla «%1»</translation>
    </message>
    <message>
        <source>Change template</source>
        <translation>Cambiar plantilla</translation>
    </message>
    <message numerus="yes">
        <source>You changed %n finding(s) of the current template: %1.</source>
        <translation>
            <numerusform>Ha cambiado %n hallazgo de la plantilla actual: %1.</numerusform>
            <numerusform>Ha cambiado %n hallazgos de la plantilla actual: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Section text you typed stays in any case.</source>
        <translation>El texto de las secciones que escribió se conserva en cualquier caso.</translation>
    </message>
    <message>
        <source>Keep my findings</source>
        <translation>Conservar mis hallazgos</translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation>Descartarlos</translation>
    </message>
    <message>
        <source>No template matches this study: choose one above, or write on the blank report.</source>
        <translation>Ninguna plantilla corresponde a este estudio: elija una arriba o escriba en el informe en blanco.</translation>
    </message>
    <message>
        <source>Blank report. Templates that fit this study: %1.</source>
        <translation>Informe en blanco. Plantillas adecuadas para este estudio: %1.</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; chosen for this study (%2). Check it fits, or choose another above.</source>
        <translation>Plantilla «%1» elegida para este estudio (%2). Compruebe que es adecuada o elija otra arriba.</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; (chosen by the reader).</source>
        <translation>Plantilla «%1» (elegida por el lector).</translation>
    </message>
    <message>
        <source>Blank report (no template)</source>
        <translation>Informe en blanco (sin plantilla)</translation>
    </message>
    <message>
        <source> (local)</source>
        <translation> (local)</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; saved</source>
        <translation>Plantilla «%1» guardada</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>Guardar como plantilla</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>Nombre de la plantilla:</translation>
    </message>
    <message>
        <source>New macro</source>
        <translation>Nueva macro</translation>
    </message>
    <message>
        <source>Short key (typed as .key):</source>
        <translation>Clave corta (se escribe como .clave):</translation>
    </message>
    <message>
        <source>Text inserted for .%1:</source>
        <translation>Texto insertado para .%1:</translation>
    </message>
</context>
<context>
    <name>kilima::reportui::Templates</name>
    <message>
        <source>CT chest</source>
        <translation>TC de tórax</translation>
    </message>
    <message>
        <source>CT head</source>
        <translation>TC de cráneo</translation>
    </message>
    <message>
        <source>Chest X-ray</source>
        <translation>Radiografía de tórax</translation>
    </message>
    <message>
        <source>MR brain</source>
        <translation>RM de cerebro</translation>
    </message>
    <message>
        <source>Abdominal ultrasound</source>
        <translation>Ecografía abdominal</translation>
    </message>
    <message>
        <source>Echocardiogram</source>
        <translation>Ecocardiograma</translation>
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
        <translation>Promedio</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Slab mode</source>
        <translation>Modo de lámina</translation>
    </message>
    <message>
        <source>Slab thickness</source>
        <translation>Grosor de lámina</translation>
    </message>
    <message>
        <source>Reset planes</source>
        <translation>Restablecer planos</translation>
    </message>
    <message>
        <source>Click or drag: move the crosshair. Wheel: move the plane. Shift+wheel: rotate the other planes (oblique). Colours: axial blue, coronal green, sagittal red.</source>
        <translation>Clic o arrastrar: mover la cruz. Rueda: mover el plano. Mayús+rueda: girar los otros planos (oblicuo). Colores: axial azul, coronal verde, sagital rojo.</translation>
    </message>
</context>
<context>
    <name>kilima::viewer::Presets</name>
    <message>
        <source>CT Soft tissue</source>
        <translation>TC Partes blandas</translation>
    </message>
    <message>
        <source>CT Lung</source>
        <translation>TC Pulmón</translation>
    </message>
    <message>
        <source>CT Bone</source>
        <translation>TC Hueso</translation>
    </message>
    <message>
        <source>CT Brain</source>
        <translation>TC Cerebro</translation>
    </message>
    <message>
        <source>CT Liver</source>
        <translation>TC Hígado</translation>
    </message>
    <message>
        <source>CT Mediastinum</source>
        <translation>TC Mediastino</translation>
    </message>
    <message>
        <source>CT Angio</source>
        <translation>TC Angio</translation>
    </message>
    <message>
        <source>CT Stroke</source>
        <translation>TC Ictus</translation>
    </message>
    <message>
        <source>CT Subdural</source>
        <translation>TC Subdural</translation>
    </message>
    <message>
        <source>MR Default</source>
        <translation>RM predeterminado</translation>
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
        <translation>Anotación</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texto:</translation>
    </message>
</context>
<context>
    <name>kilima::viewer::StudyViewer</name>
    <message>
        <source>Segmentation: referenced images not in this study</source>
        <translation>Segmentación: las imágenes referenciadas no están en este estudio</translation>
    </message>
    <message>
        <source> · segmentation</source>
        <translation> · segmentación</translation>
    </message>
    <message>
        <source>
(other study %1)</source>
        <translation>
(otro estudio %1)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preajuste</translation>
    </message>
    <message>
        <source>Right–left from</source>
        <translation>Derecha–izquierda desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Anterior–posterior from</source>
        <translation>Anteroposterior desde</translation>
    </message>
    <message>
        <source>Foot–head from</source>
        <translation>Pies–cabeza desde</translation>
    </message>
    <message>
        <source>Left drag: rotate. Right drag or wheel: zoom. Middle drag: pan. Keys 1–5: presets. A coarse copy renders while the mouse is down.</source>
        <translation>Arrastrar izquierdo: girar. Arrastrar derecho o rueda: zoom. Arrastrar central: desplazar. Teclas 1–5: preajustes. Mientras el botón está pulsado se dibuja una copia basta.</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Disposición</translation>
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
        <translation>V/N</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Desplazar</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Desplazar cortes</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Ángulo</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Elipse</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rectángulo</translation>
    </message>
    <message>
        <source>Freehand</source>
        <translation>Mano alzada</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Sonda</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Flecha</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Crosshair</source>
        <translation>Cruz</translation>
    </message>
    <message>
        <source>Window presets</source>
        <translation>Preajustes de ventana</translation>
    </message>
    <message>
        <source>Default (file)</source>
        <translation>Predeterminado (archivo)</translation>
    </message>
    <message>
        <source>VOI LUT (file)</source>
        <translation>VOI LUT (archivo)</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Invertir</translation>
    </message>
    <message>
        <source>Flip H</source>
        <translation>Voltear H</translation>
    </message>
    <message>
        <source>Flip V</source>
        <translation>Voltear V</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Girar</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Cine frame rate</source>
        <translation>Velocidad del cine</translation>
    </message>
    <message>
        <source>Cine</source>
        <translation>Cine</translation>
    </message>
    <message>
        <source>Key image</source>
        <translation>Imagen clave</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>Superposiciones</translation>
    </message>
    <message>
        <source>Sync scroll</source>
        <translation>Desplazamiento sincronizado</translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation>Segmentación</translation>
    </message>
    <message>
        <source>Delete last measurement</source>
        <translation>Borrar la última medida</translation>
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
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>Wheel / ↑ ↓ / drag with Scroll</source>
        <translation>Rueda / ↑ ↓ / arrastrar con Desplazar cortes</translation>
    </message>
    <message>
        <source>Next / previous image</source>
        <translation>Imagen siguiente / anterior</translation>
    </message>
    <message>
        <source>PgUp / PgDn, Home / End</source>
        <translation>RePág / AvPág, Inicio / Fin</translation>
    </message>
    <message>
        <source>Jump 10% / first, last image</source>
        <translation>Saltar 10 % / primera, última imagen</translation>
    </message>
    <message>
        <source>Right drag / Ctrl+wheel</source>
        <translation>Arrastrar derecho / Ctrl+rueda</translation>
    </message>
    <message>
        <source>Middle drag</source>
        <translation>Arrastrar con el botón central</translation>
    </message>
    <message>
        <source>Shift+wheel (MPR)</source>
        <translation>Mayús+rueda (MPR)</translation>
    </message>
    <message>
        <source>Rotate planes (oblique)</source>
        <translation>Girar planos (oblicuo)</translation>
    </message>
    <message>
        <source>Drag a series from the strip</source>
        <translation>Arrastrar una serie desde la tira</translation>
    </message>
    <message>
        <source>Show it in that viewport</source>
        <translation>Mostrarla en esa vista</translation>
    </message>
    <message>
        <source>1–5 in 3D</source>
        <translation>1–5 en 3D</translation>
    </message>
    <message>
        <source>Rendering preset (instead of the window preset)</source>
        <translation>Preajuste de representación (en lugar del preajuste de ventana)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>F1 closes this help.</source>
        <translation>F1 cierra esta ayuda.</translation>
    </message>
    <message>
        <source>MPR and 3D need a grey volume of at least 2 slices with plane geometry; %1 has %2.</source>
        <translation>MPR y 3D necesitan un volumen en escala de grises de al menos 2 cortes con geometría de plano; %1 tiene %2.</translation>
    </message>
    <message>
        <source>this series</source>
        <translation>esta serie</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s)</source>
        <translation>
            <numerusform>%n corte</numerusform>
            <numerusform>%n cortes</numerusform>
        </translation>
    </message>
    <message>
        <source>no plane geometry</source>
        <translation>sin geometría de plano</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::ExportDialog</name>
    <message>
        <source>&amp;De-identify (DICOM Basic Confidentiality Profile)</source>
        <translation>&amp;Desidentificar (perfil básico de confidencialidad DICOM)</translation>
    </message>
    <message>
        <source>Export study</source>
        <translation>Exportar estudio</translation>
    </message>
    <message>
        <source>Export %1 studies</source>
        <translation>Exportar %1 estudios</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>ZIP file</source>
        <translation>Archivo ZIP</translation>
    </message>
    <message>
        <source>DICOMDIR set (CD/DVD)</source>
        <translation>Conjunto DICOMDIR (CD/DVD)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>Archivos ZIP (*.zip)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;A:</translation>
    </message>
    <message>
        <source>Patient name in the copy:</source>
        <translation>Nombre del paciente en la copia:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Exported %1 images (%2) to %3.</source>
        <translation>%1 imágenes (%2) exportadas a %3.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Keep &amp;dates (Retain Longitudinal Temporal Information)</source>
        <translation>Conservar las &amp;fechas (Retain Longitudinal Temporal Information)</translation>
    </message>
    <message>
        <source>Patient ID in the copy:</source>
        <translation>ID de paciente en la copia:</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::FirstRunDialog</name>
    <message>
        <source>Welcome to Kilima</source>
        <translation>Bienvenido a Kilima</translation>
    </message>
    <message>
        <source>&lt;p&gt;Create your account. You sign your reports with it, and the audit log records your work under your name.&lt;/p&gt;&lt;p&gt;You will be the administrator: add your colleagues later in Settings &amp;gt; Users.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cree su cuenta. Con ella firma sus informes, y el registro de auditoría guarda su trabajo a su nombre.&lt;/p&gt;&lt;p&gt;Será el administrador: añada a sus colegas más tarde en Ajustes &amp;gt; Usuarios.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>e.g. Dr Amina Mwangi</source>
        <translation>p. ej. Dra. Amina Mwangi</translation>
    </message>
    <message>
        <source>e.g. amwangi</source>
        <translation>p. ej. amwangi</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>al menos %n carácter</numerusform>
            <numerusform>al menos %n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Nombre completo:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Confirmar contraseña:</translation>
    </message>
    <message>
        <source>Create Account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Type your full name: it is printed under the reports you sign.</source>
        <translation>Escriba su nombre completo: se imprime bajo los informes que firma.</translation>
    </message>
    <message>
        <source>Choose a user name (letters and digits, no spaces).</source>
        <translation>Elija un nombre de usuario (letras y dígitos, sin espacios).</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>La contraseña necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Las dos contraseñas no coinciden. Escriba la misma contraseña dos veces.</translation>
    </message>
    <message>
        <source>The account could not be created: %1</source>
        <translation>No se pudo crear la cuenta: %1</translation>
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
        <translation>Estudios</translation>
    </message>
    <message>
        <source>Query/Retrieve</source>
        <translation>Consulta/Recuperación</translation>
    </message>
    <message>
        <source>Node status</source>
        <translation>Estado del nodo</translation>
    </message>
    <message>
        <source>The study list could not be read: %1</source>
        <translation>No se pudo leer la lista de estudios: %1</translation>
    </message>
    <message>
        <source>Reading worklist</source>
        <translation>Lista de lectura</translation>
    </message>
    <message>
        <source>The change was not saved: %1
Try again; if it keeps failing, check that the data folder is writable and not full.</source>
        <translation>El cambio no se guardó: %1
Inténtelo de nuevo; si sigue fallando, compruebe que la carpeta de datos admite escritura y no está llena.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Import Folder…</source>
        <translation>&amp;Importar carpeta…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import &amp;DICOMDIR / CD…</source>
        <translation>Importar &amp;DICOMDIR / CD…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Delete Study…</source>
        <translation>&amp;Eliminar estudio…</translation>
    </message>
    <message>
        <source>Shift+Del</source>
        <translation>Shift+Del</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>&amp;Lectura</translation>
    </message>
    <message>
        <source>&amp;Open in Viewer</source>
        <translation>&amp;Abrir en el visor</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Mark &amp;Unread</source>
        <translation>Marcar como &amp;sin leer</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Mark &amp;In Progress</source>
        <translation>Marcar como &amp;en curso</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Mark &amp;Reported</source>
        <translation>Marcar como &amp;informado</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Mark &amp;Final</source>
        <translation>Marcar como &amp;final</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>Toggle &amp;STAT</source>
        <translation>Alternar &amp;URGENTE</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Assign to &amp;Me</source>
        <translation>Asignar a &amp;mí</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Asignar a…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>My &amp;Worklist</source>
        <translation>Mi lista de &amp;trabajo</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>Fetch &amp;Priors</source>
        <translation>Traer estudios &amp;previos</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Studies</source>
        <translation>&amp;Estudios</translation>
    </message>
    <message>
        <source>&amp;Query/Retrieve</source>
        <translation>&amp;Consulta/Recuperación</translation>
    </message>
    <message>
        <source>&amp;Node Status</source>
        <translation>Estado del &amp;nodo</translation>
    </message>
    <message>
        <source>&amp;Find Patient</source>
        <translation>&amp;Buscar paciente</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Light Theme</source>
        <translation>Tema &amp;claro</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Close Viewer Tab</source>
        <translation>&amp;Cerrar pestaña del visor</translation>
    </message>
    <message>
        <source>Ctrl+F4</source>
        <translation>Ctrl+F4</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Kilima</source>
        <translation>&amp;Acerca de Kilima</translation>
    </message>
    <message>
        <source>Select a study first.</source>
        <translation>Seleccione primero un estudio.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <source>Reader (empty to unassign):</source>
        <translation>Lector (vacío para quitar la asignación):</translation>
    </message>
    <message>
        <source>Select a study first: its patient&apos;s priors are searched.</source>
        <translation>Seleccione primero un estudio: se buscarán los estudios previos de su paciente.</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Estudio</translation>
    </message>
    <message>
        <source>Archive statistics unavailable: %1</source>
        <translation>Estadísticas del archivo no disponibles: %1</translation>
    </message>
    <message>
        <source>Patients: %1 · Studies: %2 · Series: %3 · Images: %4 · Stored: %5</source>
        <translation>Pacientes: %1 · Estudios: %2 · Series: %3 · Imágenes: %4 · Almacenado: %5</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Importar carpeta</translation>
    </message>
    <message>
        <source>Import DICOMDIR</source>
        <translation>Importar DICOMDIR</translation>
    </message>
    <message>
        <source>DICOMDIR (DICOMDIR dicomdir);;All files (*)</source>
        <translation>DICOMDIR (DICOMDIR dicomdir);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Select the studies to export first.</source>
        <translation>Seleccione primero los estudios que desea exportar.</translation>
    </message>
    <message>
        <source>Delete the study of %1 from this workstation&apos;s archive?
The images are removed for every workstation that uses this node; this cannot be undone.</source>
        <translation>¿Eliminar el estudio de %1 del archivo de esta estación?
Las imágenes se eliminan para todas las estaciones que usan este nodo; no se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete %1 studies from this workstation&apos;s archive?
The images are removed for every workstation that uses this node; this cannot be undone.</source>
        <translation>¿Eliminar %1 estudios del archivo de esta estación?
Las imágenes se eliminan para todas las estaciones que usan este nodo; no se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
    <message>
        <source>The new language applies from the next start.</source>
        <translation>El nuevo idioma se aplica a partir del próximo inicio.</translation>
    </message>
    <message>
        <source>Restart the node (Node status) for node changes to apply.</source>
        <translation>Reinicie el nodo (Estado del nodo) para aplicar los cambios.</translation>
    </message>
    <message>
        <source>Import in progress</source>
        <translation>Importación en curso</translation>
    </message>
    <message>
        <source>An import is still running. Quit anyway? Files imported so far stay in the archive.</source>
        <translation>Todavía hay una importación en curso. ¿Salir de todos modos? Los archivos ya importados permanecen en el archivo.</translation>
    </message>
    <message>
        <source>About Kilima</source>
        <translation>Acerca de Kilima</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kilima %1&lt;/h3&gt;&lt;p&gt;Diagnostic workstation with an embedded PACS node.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kilima %1&lt;/h3&gt;&lt;p&gt;Estación de diagnóstico con un nodo PACS integrado.&lt;/p&gt;&lt;p&gt;Con licencia Apache 2.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>Lista de trabajo</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>Lista de &amp;trabajo</translation>
    </message>
    <message>
        <source>Recovered report drafts</source>
        <translation>Borradores de informe recuperados</translation>
    </message>
    <message numerus="yes">
        <source>%n report draft(s) were being typed when Kilima last stopped unexpectedly. Their text was saved. Open the studies now to review and save them?</source>
        <translation>
            <numerusform>%n borrador de informe se estaba escribiendo cuando Kilima se detuvo inesperadamente. Su texto se guardó. ¿Abrir el estudio ahora para revisarlo y guardarlo?</numerusform>
            <numerusform>%n borradores de informe se estaban escribiendo cuando Kilima se detuvo inesperadamente. Su texto se guardó. ¿Abrir los estudios ahora para revisarlos y guardarlos?</numerusform>
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
        <translation>Salir de pantalla completa</translation>
    </message>
    <message>
        <source>Open in &amp;Web Viewer</source>
        <translation>Abrir en el &amp;visor web</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>S&amp;hare Link…</source>
        <translation>&amp;Compartir enlace…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>Select the study to share first.</source>
        <translation>Seleccione primero el estudio que desea compartir.</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::NodeStatusPanel</name>
    <message>
        <source>Last received</source>
        <translation>Última recepción</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Estudio</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation>Sin errores.</translation>
    </message>
    <message>
        <source>Studies received since the workstation started:</source>
        <translation>Estudios recibidos desde que se inició la estación:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Errores:</translation>
    </message>
    <message>
        <source>The embedded node is off (started with --no-node).</source>
        <translation>El nodo integrado está apagado (iniciado con --no-node).</translation>
    </message>
    <message>
        <source>DICOM port %1</source>
        <translation>puerto DICOM %1</translation>
    </message>
    <message>
        <source>, DICOM TLS port %1</source>
        <translation>, puerto DICOM TLS %1</translation>
    </message>
    <message>
        <source>Running as %1 on %2 · %3 open associations</source>
        <translation>En ejecución como %1 en %2 · %3 asociaciones abiertas</translation>
    </message>
    <message>
        <source>Warning: %1.</source>
        <translation>Advertencia: %1.</translation>
    </message>
    <message>
        <source>S&amp;top node</source>
        <translation>De&amp;tener nodo</translation>
    </message>
    <message>
        <source>Stopped: other nodes cannot send to this workstation.</source>
        <translation>Detenido: otros nodos no pueden enviar a esta estación.</translation>
    </message>
    <message>
        <source>S&amp;tart node</source>
        <translation>&amp;Iniciar nodo</translation>
    </message>
    <message>
        <source>Archive: %1 studies, %2 images, %3</source>
        <translation>Archivo: %1 estudios, %2 imágenes, %3</translation>
    </message>
    <message>
        <source> · Disk: %1 free of %2</source>
        <translation> · Disco: %1 libres de %2</translation>
    </message>
    <message>
        <source> — almost full: free space or move the storage location in Settings</source>
        <translation> — casi lleno: libere espacio o mueva el almacenamiento en Configuración</translation>
    </message>
    <message>
        <source>The node did not start: %1. Check that no other program uses the port (Settings &gt; Node).</source>
        <translation>El nodo no se inició: %1. Compruebe que ningún otro programa use el puerto (Configuración &gt; Nodo).</translation>
    </message>
    <message>
        <source>An image from %1 was not stored: %2</source>
        <translation>No se almacenó una imagen de %1: %2</translation>
    </message>
    <message>
        <source>Forwarding queue: %1</source>
        <translation>Cola de reenvío: %1</translation>
    </message>
    <message>
        <source>Cloud sync is off: %1. Check the cloud settings and credentials.</source>
        <translation>La sincronización con la nube está desactivada: %1. Revise la configuración de la nube y las credenciales.</translation>
    </message>
    <message>
        <source>Cloud sync: not running in this node.</source>
        <translation>Sincronización con la nube: no se ejecuta en este nodo.</translation>
    </message>
    <message>
        <source>Cloud sync: %1 of %2 images verified in the bucket, %3 waiting, %4 only in the bucket</source>
        <translation>Sincronización con la nube: %1 de %2 imágenes verificadas en el bucket, %3 en espera, %4 solo en el bucket</translation>
    </message>
    <message>
        <source> · uploading now</source>
        <translation> · subiendo ahora</translation>
    </message>
    <message>
        <source> · last pass %1: %2</source>
        <translation> · última pasada %1: %2</translation>
    </message>
    <message>
        <source>Last cloud error: %1 (the upload is retried on the next pass)</source>
        <translation>Último error de la nube: %1 (la subida se reintenta en la próxima pasada)</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::ReadingLayout</name>
    <message>
        <source>&amp;Measurement List</source>
        <translation>Lista de &amp;medidas</translation>
    </message>
    <message>
        <source>&amp;Report Panel</source>
        <translation>Panel del &amp;informe</translation>
    </message>
    <message>
        <source>Report in Own &amp;Window</source>
        <translation>Informe en su propia &amp;ventana</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Pantalla completa</translation>
    </message>
    <message>
        <source>Leave Full Screen</source>
        <translation>Salir de pantalla completa</translation>
    </message>
    <message>
        <source>Report — Kilima</source>
        <translation>Informe — Kilima</translation>
    </message>
    <message>
        <source>Open a study to write its report.</source>
        <translation>Abra un estudio para escribir su informe.</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <translation>&amp;Nodo</translation>
    </message>
    <message>
        <source>&amp;Known nodes</source>
        <translation>Nodos &amp;conocidos</translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation>&amp;Almacenamiento</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Usuarios</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Apariencia</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>sin cambios (guardada en el llavero del sistema)</translation>
    </message>
    <message>
        <source>Accept images from nodes not in the known nodes list</source>
        <translation>Aceptar imágenes de nodos que no están en la lista de nodos conocidos</translation>
    </message>
    <message>
        <source>AE &amp;title:</source>
        <translation>&amp;Título AE:</translation>
    </message>
    <message>
        <source>DICOM &amp;port:</source>
        <translation>&amp;Puerto DICOM:</translation>
    </message>
    <message>
        <source>DICOM T&amp;LS port:</source>
        <translation>Puerto DICOM T&amp;LS:</translation>
    </message>
    <message>
        <source>DICOMweb (&amp;HTTP) port:</source>
        <translation>Puerto DICOMweb (&amp;HTTP):</translation>
    </message>
    <message>
        <source>TLS &amp;certificate (PEM):</source>
        <translation>&amp;Certificado TLS (PEM):</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>Certificado TLS</translation>
    </message>
    <message>
        <source>TLS private &amp;key (PEM):</source>
        <translation>&amp;Clave privada TLS (PEM):</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>Clave privada TLS</translation>
    </message>
    <message>
        <source>Key pa&amp;ssphrase:</source>
        <translation>Frase de co&amp;ntraseña de la clave:</translation>
    </message>
    <message>
        <source>Changes to the node take effect when the node restarts (Node status &gt; Stop, then Start).</source>
        <translation>Los cambios del nodo se aplican al reiniciarlo (Estado del nodo &gt; Detener y luego Iniciar).</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>AE title</source>
        <translation>Título AE</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Permitido</translation>
    </message>
    <message>
        <source>&amp;Add or replace</source>
        <translation>&amp;Agregar o reemplazar</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>AE title:</source>
        <translation>Título AE:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Puerto:</translation>
    </message>
    <message>
        <source>May use:</source>
        <translation>Puede usar:</translation>
    </message>
    <message>
        <source>Keep the first copy</source>
        <translation>Conservar la primera copia</translation>
    </message>
    <message>
        <source>Replace with the newer copy</source>
        <translation>Reemplazar por la copia más reciente</translation>
    </message>
    <message>
        <source>Storage &amp;location:</source>
        <translation>&amp;Ubicación del almacenamiento:</translation>
    </message>
    <message>
        <source>Storage location</source>
        <translation>Ubicación del almacenamiento</translation>
    </message>
    <message>
        <source>Same image &amp;received twice:</source>
        <translation>Misma imagen &amp;recibida dos veces:</translation>
    </message>
    <message>
        <source>A new location applies to images stored from the next start; existing images stay where they are.</source>
        <translation>Una nueva ubicación se aplica a las imágenes almacenadas desde el próximo inicio; las existentes se quedan donde están.</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Agregar usuario…</translation>
    </message>
    <message>
        <source>&amp;Remove user</source>
        <translation>&amp;Quitar usuario</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Agregar usuario</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nombre de usuario:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <source>Password (at least %1 characters):</source>
        <translation>Contraseña (al menos %1 caracteres):</translation>
    </message>
    <message>
        <source>Dark (reading room)</source>
        <translation>Oscuro (sala de lectura)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>The known nodes cannot be read: %1</source>
        <translation>No se pueden leer los nodos conocidos: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>A known node needs a name, a host name or address, and an AE title of 1 to 16 characters without backslash.</source>
        <translation>Un nodo conocido necesita un nombre, un nombre de host o dirección y un título AE de 1 a 16 caracteres sin barra invertida.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 guardado.</translation>
    </message>
    <message>
        <source>The AE title must be 1 to 16 characters (letters, digits, no backslash), e.g. KILIMA_WS1.</source>
        <translation>El título AE debe tener de 1 a 16 caracteres (letras, dígitos, sin barra invertida), p. ej. KILIMA_WS1.</translation>
    </message>
    <message>
        <source>Port %1 is used twice: give the DICOM, DICOM TLS and HTTP listeners different ports.</source>
        <translation>El puerto %1 se usa dos veces: asigne puertos distintos a DICOM, DICOM TLS y HTTP.</translation>
    </message>
    <message>
        <source>The DICOM TLS port needs a certificate and a private key file (PEM).</source>
        <translation>El puerto DICOM TLS necesita un certificado y un archivo de clave privada (PEM).</translation>
    </message>
    <message>
        <source>The file %1 does not exist or cannot be read.</source>
        <translation>El archivo %1 no existe o no se puede leer.</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1. Check that the data folder is writable.</source>
        <translation>No se pudo guardar la configuración: %1. Compruebe que la carpeta de datos admite escritura.</translation>
    </message>
    <message>
        <source>&amp;DICOMweb servers</source>
        <translation>Servidores &amp;DICOMweb</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>guardada en el llavero del sistema</translation>
    </message>
    <message>
        <source>A DICOMweb server needs a name and a base URL starting with http:// or https://, e.g. https://pacs.example.org/dicom-web.</source>
        <translation>Un servidor DICOMweb necesita un nombre y una URL base que empiece por http:// o https://, p. ej. https://pacs.example.org/dicom-web.</translation>
    </message>
    <message>
        <source>The password could not be stored in the system keychain (%1): start the desktop&apos;s keyring or wallet and save again.</source>
        <translation>No se pudo guardar la contraseña en el llavero del sistema (%1): inicie el llavero o cartera del escritorio y guarde de nuevo.</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>URL base:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>New images are refused (senders are told the archive is out of resources) while the storage disk would be left with less free space than this.</source>
        <translation>Las imágenes nuevas se rechazan (a los emisores se les indica que el archivo no tiene recursos) mientras el disco de almacenamiento quedaría con menos espacio libre que este.</translation>
    </message>
    <message>
        <source>&amp;Keep free on the storage disk:</source>
        <translation>&amp;Mantener libre en el disco de almacenamiento:</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::ShareLinkDialog</name>
    <message>
        <source>The node&apos;s web server is off (Settings → Node → HTTP port), so there is no web viewer to open.</source>
        <translation>El servidor web del nodo está desactivado (Configuración → Nodo → Puerto HTTP): no hay visor web que abrir.</translation>
    </message>
    <message>
        <source>The web viewer is not installed on this machine (installers/install-deps.sh installs it).</source>
        <translation>El visor web no está instalado en este equipo (installers/install-deps.sh lo instala).</translation>
    </message>
    <message>
        <source>Web viewer</source>
        <translation>Visor web</translation>
    </message>
    <message>
        <source>&amp;Create Link</source>
        <translation>&amp;Crear enlace</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Co&amp;piar</translation>
    </message>
    <message>
        <source>Share Link</source>
        <translation>Compartir enlace</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 días</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 días</translation>
    </message>
    <message>
        <source>The link appears here once created</source>
        <translation>El enlace aparece aquí una vez creado</translation>
    </message>
    <message>
        <source>Anyone with the link can open this one study in the web viewer until it expires or is revoked (kilima-node share revoke). Every use is audited.</source>
        <translation>Cualquier persona con el enlace puede abrir este estudio, y solo este, en el visor web hasta que caduque o se revoque (kilima-node share revoke). Cada uso queda registrado en la auditoría.</translation>
    </message>
    <message>
        <source>Valid for:</source>
        <translation>Válido durante:</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Enlace:</translation>
    </message>
    <message>
        <source>Creating the link…</source>
        <translation>Creando el enlace…</translation>
    </message>
    <message>
        <source>No link was made: %1</source>
        <translation>No se creó ningún enlace: %1</translation>
    </message>
    <message>
        <source>Link %1 expires on %2. Revoke it with: kilima-node share revoke %1</source>
        <translation>El enlace %1 caduca el %2. Para revocarlo: kilima-node share revoke %1</translation>
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
        <translation>Estación de diagnóstico Kilima: explorar e importar estudios del archivo local.</translation>
    </message>
    <message>
        <source>Archive location (default $KILIMA_DATA_DIR, else $XDG_DATA_HOME/kilima, normally ~/.local/share/kilima).</source>
        <translation>Ubicación del archivo (por defecto $KILIMA_DATA_DIR, si no $XDG_DATA_HOME/kilima, normalmente ~/.local/share/kilima).</translation>
    </message>
    <message>
        <source>Colour theme: dark (default) or light.</source>
        <translation>Tema de color: oscuro (por defecto) o claro.</translation>
    </message>
    <message>
        <source>User interface language: en, sw, fr, es or pt (default: the one chosen in Settings, else the system&apos;s).</source>
        <translation>Idioma de la interfaz: en, sw, fr, es o pt (por defecto: el elegido en Configuración, si no el del sistema).</translation>
    </message>
    <message>
        <source>With --screenshot: also render the settings dialog to the PNG FILE.</source>
        <translation>Con --screenshot: también guardar el diálogo de configuración en el ARCHIVO PNG.</translation>
    </message>
    <message>
        <source>Open the study with this Study Instance UID in the viewer at start.</source>
        <translation>Abrir al inicio el estudio con este Study Instance UID en el visor.</translation>
    </message>
    <message>
        <source>Render the main window to the PNG FILE once the first page of studies is loaded, then exit (for documentation and tests).</source>
        <translation>Guardar la ventana principal en el ARCHIVO PNG cuando se cargue la primera página de estudios y salir (para documentación y pruebas).</translation>
    </message>
    <message>
        <source>Do not run the embedded PACS node (DICOM listener) in the background.</source>
        <translation>No ejecutar el nodo PACS integrado (escucha DICOM) en segundo plano.</translation>
    </message>
    <message>
        <source>Debug logging.</source>
        <translation>Registro de depuración.</translation>
    </message>
    <message>
        <source>unknown theme &quot;%1&quot; (use dark or light)</source>
        <translation>tema &quot;%1&quot; desconocido (use dark o light)</translation>
    </message>
    <message>
        <source>cannot open the archive in %1: %2</source>
        <translation>no se puede abrir el archivo en %1: %2</translation>
    </message>
    <message>
        <source>Node %1 listening on DICOM port %2</source>
        <translation>Nodo %1 escuchando en el puerto DICOM %2</translation>
    </message>
    <message>
        <source>The node did not start: %1</source>
        <translation>El nodo no se inició: %1</translation>
    </message>
    <message>
        <source>Created the DICOMweb user &quot;admin&quot;; its password is in %1 (readable by you only). Sign in, change it in Settings &gt; Users, then delete that file.</source>
        <translation>Se creó el usuario DICOMweb &quot;admin&quot;; su contraseña está en %1 (solo usted puede leerla). Inicie sesión, cámbiela en Configuración &gt; Usuarios y luego borre ese archivo.</translation>
    </message>
    <message>
        <source>Created the DICOMweb user &quot;admin&quot;, but its password could not be kept: %1. Set one in Settings &gt; Users.</source>
        <translation>Se creó el usuario DICOMweb &quot;admin&quot;, pero no se pudo guardar su contraseña: %1. Defina una en Configuración &gt; Usuarios.</translation>
    </message>
</context>
</TS>
