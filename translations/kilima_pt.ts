<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
<context>
    <name>QObject</name>
    <message>
        <source>The study could not be deleted: %1</source>
        <translation>Não foi possível excluir o exame: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desativado</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
</context>
<context>
    <name>kilima::browser</name>
    <message>
        <source>%1 refused the user name or password (%2). Check them in Settings &gt; DICOMweb servers.</source>
        <translation>%1 recusou o usuário ou a senha (%2). Verifique-os em Configurações &gt; Servidores DICOMweb.</translation>
    </message>
    <message>
        <source>%1 did not answer at %2 (%3). Check the address and that the server runs.</source>
        <translation>%1 não respondeu em %2 (%3). Verifique o endereço e se o servidor está em execução.</translation>
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
        <translation>Importação</translation>
    </message>
    <message>
        <source>Stopping after the current files…</source>
        <translation>Parando após os arquivos atuais…</translation>
    </message>
    <message>
        <source>Looking for DICOM files in %1…</source>
        <translation>Procurando arquivos DICOM em %1…</translation>
    </message>
    <message>
        <source>Importing %1 of %2 files…</source>
        <translation>Importando %1 de %2 arquivos…</translation>
    </message>
    <message>
        <source>No files found.</source>
        <translation>Nenhum arquivo encontrado.</translation>
    </message>
    <message>
        <source>Import stopped: %1 files imported.</source>
        <translation>Importação interrompida: %1 arquivos importados.</translation>
    </message>
    <message>
        <source>Imported %1 files.</source>
        <translation>%1 arquivos importados.</translation>
    </message>
    <message>
        <source>%1 already in the archive</source>
        <translation>%1 já estavam no arquivo</translation>
    </message>
    <message>
        <source>%1 not DICOM, skipped</source>
        <translation>%1 não DICOM, ignorados</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 rejeitados</translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation>%1 não puderam ser lidos</translation>
    </message>
    <message>
        <source>The files below were not imported; the reason follows each name. Fix or replace them and import again.</source>
        <translation>Os arquivos abaixo não foram importados; o motivo segue cada nome. Corrija-os ou substitua-os e importe novamente.</translation>
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
        <translation>&amp;Pesquisar</translation>
    </message>
    <message>
        <source>&amp;Retrieve</source>
        <translation>&amp;Recuperar</translation>
    </message>
    <message>
        <source>Remote nodes come from Settings &gt; Known nodes</source>
        <translation>Os nós remotos vêm de Configurações &gt; Nós conhecidos</translation>
    </message>
    <message>
        <source>Test the connection with a C-ECHO</source>
        <translation>Testar a conexão com um C-ECHO</translation>
    </message>
    <message>
        <source>Patient name or ID</source>
        <translation>Nome ou ID do paciente</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Qualquer data</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 dias</translation>
    </message>
    <message>
        <source>Any modality</source>
        <translation>Qualquer modalidade</translation>
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
        <translation>C-GET traz as imagens pela mesma conexão; C-MOVE pede ao nó que as envie ao nó desta estação, que esse nó deve conhecer</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nome do paciente</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID do paciente</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Data do exame</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalidades</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation>N.º de acesso</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imagens</translation>
    </message>
    <message>
        <source>Retrieve</source>
        <translation>Recuperação</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Nó:</translation>
    </message>
    <message>
        <source>The known nodes cannot be read: %1</source>
        <translation>Não é possível ler os nós conhecidos: %1</translation>
    </message>
    <message>
        <source>No remote nodes yet: add one in Settings &gt; Known nodes (AE title, host, port).</source>
        <translation>Ainda não há nós remotos: adicione um em Configurações &gt; Nós conhecidos (título AE, host, porta).</translation>
    </message>
    <message>
        <source>Choose a remote node first (add one in Settings &gt; Known nodes).</source>
        <translation>Escolha primeiro um nó remoto (adicione um em Configurações &gt; Nós conhecidos).</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Testando %1…</translation>
    </message>
    <message>
        <source>%1 answered the echo: the connection works.</source>
        <translation>%1 respondeu ao eco: a conexão funciona.</translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <translation>Pesquisando em %1…</translation>
    </message>
    <message>
        <source>1 study on %1.</source>
        <translation>1 exame em %1.</translation>
    </message>
    <message>
        <source>%1 studies on %2.</source>
        <translation>%1 exames em %2.</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>Aguardando…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Done: %1 images</source>
        <translation>Concluído: %1 imagens</translation>
    </message>
    <message>
        <source>Partly: %1 images</source>
        <translation>Parcial: %1 imagens</translation>
    </message>
    <message>
        <source>Retrieved %1 images.</source>
        <translation>%1 imagens recuperadas.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 imagens</translation>
    </message>
</context>
<context>
    <name>kilima::browser::RemoteStudies</name>
    <message>
        <source>%1 images could not be stored here: %2</source>
        <translation>%1 imagens não puderam ser armazenadas aqui: %2</translation>
    </message>
    <message>
        <source>the node could not send %1 images (status 0x%2 %3)</source>
        <translation>o nó não conseguiu enviar %1 imagens (status 0x%2 %3)</translation>
    </message>
    <message>
        <source>C-MOVE needs this workstation&apos;s node running: start it in Node status, or use C-GET</source>
        <translation>C-MOVE precisa do nó desta estação em execução: inicie-o em Estado do nó ou use C-GET</translation>
    </message>
    <message>
        <source>%1 does not know this workstation as &quot;%2&quot;: add it to that node&apos;s known nodes with its host and port, or retrieve with C-GET</source>
        <translation>%1 não conhece esta estação como &quot;%2&quot;: adicione-a aos nós conhecidos desse nó com host e porta, ou recupere com C-GET</translation>
    </message>
    <message>
        <source>%1 images were not sent (status 0x%2 %3)</source>
        <translation>%1 imagens não foram enviadas (status 0x%2 %3)</translation>
    </message>
    <message>
        <source>%1 did not answer (%2). Check that the node runs and that its host and port are right, and that no firewall blocks the port.</source>
        <translation>%1 não respondeu (%2). Verifique se o nó está em execução, se host e porta estão corretos e se nenhum firewall bloqueia a porta.</translation>
    </message>
    <message>
        <source>%1 refused the association (%2). Check the AE titles: that node must know this workstation&apos;s AE title &quot;%3&quot; and allow it this service.</source>
        <translation>%1 recusou a associação (%2). Verifique os títulos AE: esse nó deve conhecer o título AE desta estação &quot;%3&quot; e permitir-lhe este serviço.</translation>
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
        <translation>&amp;Minha lista de trabalho</translation>
    </message>
    <message>
        <source>Patient name, patient ID or accession number</source>
        <translation>Nome do doente, ID do doente ou número de acesso</translation>
    </message>
    <message>
        <source>Matches any part of the patient name, or the start of the patient ID or of the
accession number. * and ? are wildcards (then the whole value must match).</source>
        <translation>Corresponde a qualquer parte do nome do doente, ou ao início do ID do doente ou do
número de acesso. * e ? são caracteres universais (então o valor inteiro tem de corresponder).</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Qualquer data</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 dias</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Intervalo de datas</translation>
    </message>
    <message>
        <source>First study date of the range</source>
        <translation>Primeira data de exame do intervalo</translation>
    </message>
    <message>
        <source>Last study date of the range</source>
        <translation>Última data de exame do intervalo</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Qualquer estado</translation>
    </message>
    <message>
        <source>Only the studies assigned to you that are not final, STAT first</source>
        <translation>Apenas os exames atribuídos a você que não estão finalizados, URGENTES primeiro</translation>
    </message>
    <message>
        <source>Any modality</source>
        <translation>Qualquer modalidade</translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation>A consulta falhou: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Pesquisando…</translation>
    </message>
    <message>
        <source>1 study</source>
        <translation>1 exame</translation>
    </message>
    <message>
        <source>%1 studies</source>
        <translation>%1 exames</translation>
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
        <translation>Nome do paciente</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID do paciente</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Data de nascimento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Data do exame</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalidades</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation>N.º de acesso</translation>
    </message>
    <message>
        <source>Referring physician</source>
        <translation>Médico solicitante</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Séries</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imagens</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Leitor</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Não lido</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Em andamento</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Laudado</translation>
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
        <translation>&amp;Adicionar…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Cancel procedure</source>
        <translation>&amp;Cancelar procedimento</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Agendado</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nome do paciente</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID do paciente</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalidade</translation>
    </message>
    <message>
        <source>Station AE</source>
        <translation>AE da estação</translation>
    </message>
    <message>
        <source>Accession #</source>
        <translation>N.º de acesso</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedimento</translation>
    </message>
    <message>
        <source>Scheduled on:</source>
        <translation>Agendado em:</translation>
    </message>
    <message>
        <source>Cancel procedure</source>
        <translation>Cancelar procedimento</translation>
    </message>
    <message>
        <source>Cancel the %1 procedure of %2? The modality will no longer see it.</source>
        <translation>Cancelar o procedimento %1 de %2? A modalidade não o verá mais.</translation>
    </message>
    <message>
        <source>The worklist cannot be read: %1</source>
        <translation>Não é possível ler a lista de trabalho: %1</translation>
    </message>
    <message>
        <source>1 procedure scheduled.</source>
        <translation>1 procedimento agendado.</translation>
    </message>
    <message>
        <source>%1 procedures scheduled.</source>
        <translation>%1 procedimentos agendados.</translation>
    </message>
    <message>
        <source>Edit procedure</source>
        <translation>Editar procedimento</translation>
    </message>
    <message>
        <source>Schedule procedure</source>
        <translation>Agendar procedimento</translation>
    </message>
    <message>
        <source>Patient name (FAMILY^Given):</source>
        <translation>Nome do paciente (SOBRENOME^Nome):</translation>
    </message>
    <message>
        <source>Patient ID:</source>
        <translation>ID do paciente:</translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation>Data de nascimento:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Sexo:</translation>
    </message>
    <message>
        <source>Accession #:</source>
        <translation>N.º de acesso:</translation>
    </message>
    <message>
        <source>Modality:</source>
        <translation>Modalidade:</translation>
    </message>
    <message>
        <source>Station AE title:</source>
        <translation>Título AE da estação:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Data:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Hora:</translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation>Procedimento:</translation>
    </message>
    <message>
        <source>Referring physician:</source>
        <translation>Médico solicitante:</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s name or ID.</source>
        <translation>Digite o nome ou o ID do paciente.</translation>
    </message>
    <message>
        <source>Write the birth date as YYYYMMDD, e.g. 19800131.</source>
        <translation>Escreva a data de nascimento como AAAAMMDD, p. ex. 19800131.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Não salvo: %1</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>Não cancelado: %1</translation>
    </message>
</context>
<context>
    <name>kilima::exchange</name>
    <message>
        <source>Choose where to export to.</source>
        <translation>Escolha para onde exportar.</translation>
    </message>
    <message>
        <source>The archive cannot list the images to export: %1</source>
        <translation>O arquivo não consegue listar as imagens a exportar: %1</translation>
    </message>
    <message>
        <source>The archive has no study with Study Instance UID %1.</source>
        <translation>O arquivo não tem nenhum estudo com Study Instance UID %1.</translation>
    </message>
    <message>
        <source>The archive has no series with Series Instance UID %1.</source>
        <translation>O arquivo não tem nenhuma série com Series Instance UID %1.</translation>
    </message>
    <message>
        <source>Nothing to export: the selection has no images in the archive.</source>
        <translation>Nada a exportar: a seleção não tem imagens no arquivo.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you may write to, with free space.</source>
        <translation>Não é possível gravar %1: %2. Escolha uma pasta com permissão de gravação e espaço livre.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1. Choose a folder you may write to.</source>
        <translation>Não é possível criar a pasta %1. Escolha uma pasta com permissão de gravação.</translation>
    </message>
    <message>
        <source>The folder %1 is not empty: a DICOMDIR set needs an empty folder (for example a new folder on the CD staging area).</source>
        <translation>A pasta %1 não está vazia: um conjunto DICOMDIR precisa de uma pasta vazia (por exemplo, uma nova pasta de preparação do CD).</translation>
    </message>
    <message>
        <source>Export cancelled after %1 of %2 images.</source>
        <translation>Exportação cancelada após %1 de %2 imagens.</translation>
    </message>
    <message>
        <source>Cannot read %1 from the archive (%2): run `kilima-node verify`.</source>
        <translation>Não é possível ler %1 do arquivo (%2): execute `kilima-node verify`.</translation>
    </message>
    <message>
        <source>study %1</source>
        <translation>estudo %1</translation>
    </message>
    <message>
        <source>Cannot write %1: the disk may be full or read-only.</source>
        <translation>Não é possível gravar %1: o disco pode estar cheio ou somente leitura.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Não é possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Nothing exported: every object of the selection was left out to protect the patient&apos;s identity.
%1</source>
        <translation>Nada foi exportado: todos os objetos da seleção foram excluídos para proteger a identidade do doente.
%1</translation>
    </message>
    <message>
        <source>The DICOMDIR could not be written: %1</source>
        <translation>Não foi possível gravar o DICOMDIR: %1</translation>
    </message>
    <message>
        <source>Cannot finish %1: %2</source>
        <translation>Não é possível concluir %1: %2</translation>
    </message>
</context>
<context>
    <name>kilima::exchange::ExportSummary</name>
    <message>
        <source>Exported %1 object(s) (%2) to %3.</source>
        <translation>%1 objeto(s) (%2) exportado(s) para %3.</translation>
    </message>
    <message>
        <source>De-identified (DICOM PS3.15 Basic Application Level Confidentiality Profile): %1 object(s) cleaned, %2 left out.</source>
        <translation>Anonimizado (DICOM PS3.15, perfil básico de confidencialidade ao nível da aplicação): %1 objeto(s) limpo(s), %2 excluído(s).</translation>
    </message>
    <message>
        <source>Left out (not written):</source>
        <translation>Excluídos (não escritos):</translation>
    </message>
    <message>
        <source>Cleaned:</source>
        <translation>Limpos:</translation>
    </message>
</context>
<context>
    <name>kilima::reportui::ReportPanel</name>
    <message>
        <source>Draft autosaved %1</source>
        <translation>Rascunho guardado automaticamente %1</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Falha na gravação automática: %1</translation>
    </message>
    <message>
        <source>No study</source>
        <translation>Nenhum estudo</translation>
    </message>
    <message>
        <source>Apply template</source>
        <translation>Aplicar modelo</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>Guardar como modelo…</translation>
    </message>
    <message>
        <source>New macro…</source>
        <translation>Nova macro…</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <source>Type .key and space to insert a macro (e.g. .nad)</source>
        <translation>Escreva .chave e espaço para inserir uma macro (p. ex. .nad)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Structured findings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Achados estruturados&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Secção</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>&lt;b&gt;Measurements&lt;/b&gt; (from the viewer)</source>
        <translation>&lt;b&gt;Medições&lt;/b&gt; (do visualizador)</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Medição</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidade</translation>
    </message>
    <message>
        <source>Link the viewer&apos;s measurements and key images</source>
        <translation>Ligar as medições e imagens-chave do visualizador</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Guardar rascunho</translation>
    </message>
    <message>
        <source>Preliminary</source>
        <translation>Preliminar</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>Assinar…</translation>
    </message>
    <message>
        <source>Addendum…</source>
        <translation>Adendo…</translation>
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
        <translation>Recuperado o rascunho não guardado registado às %1</translation>
    </message>
    <message>
        <source>Accession %1</source>
        <translation>N.º de acesso %1</translation>
    </message>
    <message numerus="yes">
        <source>%n key image(s) linked</source>
        <translation>
            <numerusform>%n imagem-chave ligada</numerusform>
            <numerusform>%n imagens-chave ligadas</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Addendum&lt;/b&gt; by %1, %2: %3</source>
        <translation>&lt;b&gt;Adendo&lt;/b&gt; de %1, %2: %3</translation>
    </message>
    <message>
        <source>No study open</source>
        <translation>Nenhum estudo aberto</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source> — signed by %1 on %2 (read-only; corrections as addenda)</source>
        <translation> — assinado por %1 em %2 (só leitura; correções como adendos)</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Rascunho guardado</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Não é possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Signing… (checking the password, writing the PDF, SR and key images into the study)</source>
        <translation>A assinar… (a verificar a senha, a escrever o PDF, o SR e as imagens-chave no estudo)</translation>
    </message>
    <message>
        <source>Sign report</source>
        <translation>Assinar relatório</translation>
    </message>
    <message>
        <source>Signing makes the report final and stores it in the study.
Password of %1:</source>
        <translation>Assinar torna o relatório final e guarda-o no estudo.
Senha de %1:</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Adendo</translation>
    </message>
    <message>
        <source>Correction or addition (the signed report stays as it is):</source>
        <translation>Correção ou acrescento (o relatório assinado fica como está):</translation>
    </message>
    <message>
        <source>Sign addendum</source>
        <translation>Assinar adendo</translation>
    </message>
    <message>
        <source>Password of %1:</source>
        <translation>Senha de %1:</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportar relatório</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Imprimir relatório</translation>
    </message>
    <message>
        <source>No template &quot;%1&quot;</source>
        <translation>Não há modelo «%1»</translation>
    </message>
    <message>
        <source>Change template</source>
        <translation>Mudar de modelo</translation>
    </message>
    <message numerus="yes">
        <source>You changed %n finding(s) of the current template: %1.</source>
        <translation>
            <numerusform>Alterou %n achado do modelo atual: %1.</numerusform>
            <numerusform>Alterou %n achados do modelo atual: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Section text you typed stays in any case.</source>
        <translation>O texto das secções que escreveu fica em qualquer caso.</translation>
    </message>
    <message>
        <source>Keep my findings</source>
        <translation>Manter os meus achados</translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation>Descartá-los</translation>
    </message>
    <message>
        <source>No template matches this study: choose one above, or write on the blank report.</source>
        <translation>Nenhum modelo corresponde a este estudo: escolha um acima ou escreva no relatório em branco.</translation>
    </message>
    <message>
        <source>Blank report. Templates that fit this study: %1.</source>
        <translation>Relatório em branco. Modelos adequados a este estudo: %1.</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; chosen for this study (%2). Check it fits, or choose another above.</source>
        <translation>Modelo «%1» escolhido para este estudo (%2). Verifique que é adequado ou escolha outro acima.</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; (chosen by the reader).</source>
        <translation>Modelo «%1» (escolhido pelo leitor).</translation>
    </message>
    <message>
        <source>Blank report (no template)</source>
        <translation>Relatório em branco (sem modelo)</translation>
    </message>
    <message>
        <source> (local)</source>
        <translation> (local)</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; saved</source>
        <translation>Modelo «%1» guardado</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>Guardar como modelo</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>Nome do modelo:</translation>
    </message>
    <message>
        <source>New macro</source>
        <translation>Nova macro</translation>
    </message>
    <message>
        <source>Short key (typed as .key):</source>
        <translation>Chave curta (escrita como .chave):</translation>
    </message>
    <message>
        <source>Text inserted for .%1:</source>
        <translation>Texto inserido para .%1:</translation>
    </message>
</context>
<context>
    <name>kilima::reportui::Templates</name>
    <message>
        <source>CT chest</source>
        <translation>TC do tórax</translation>
    </message>
    <message>
        <source>CT head</source>
        <translation>TC de crânio</translation>
    </message>
    <message>
        <source>Chest X-ray</source>
        <translation>Radiografia do tórax</translation>
    </message>
    <message>
        <source>MR brain</source>
        <translation>RM do cérebro</translation>
    </message>
    <message>
        <source>Abdominal ultrasound</source>
        <translation>Ecografia abdominal</translation>
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
        <translation>Média</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Slab mode</source>
        <translation>Modo de lâmina</translation>
    </message>
    <message>
        <source>Slab thickness</source>
        <translation>Espessura da lâmina</translation>
    </message>
    <message>
        <source>Reset planes</source>
        <translation>Repor planos</translation>
    </message>
    <message>
        <source>Click or drag: move the crosshair. Wheel: move the plane. Shift+wheel: rotate the other planes (oblique). Colours: axial blue, coronal green, sagittal red.</source>
        <translation>Clique ou arraste: mover a mira. Roda: mover o plano. Shift+roda: rodar os outros planos (oblíquo). Cores: axial azul, coronal verde, sagital vermelho.</translation>
    </message>
</context>
<context>
    <name>kilima::viewer::Presets</name>
    <message>
        <source>CT Soft tissue</source>
        <translation>TC Partes moles</translation>
    </message>
    <message>
        <source>CT Lung</source>
        <translation>TC Pulmão</translation>
    </message>
    <message>
        <source>CT Bone</source>
        <translation>TC Osso</translation>
    </message>
    <message>
        <source>CT Brain</source>
        <translation>TC Cérebro</translation>
    </message>
    <message>
        <source>CT Liver</source>
        <translation>TC Fígado</translation>
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
        <translation>TC AVC</translation>
    </message>
    <message>
        <source>CT Subdural</source>
        <translation>TC Subdural</translation>
    </message>
    <message>
        <source>MR Default</source>
        <translation>RM predefinido</translation>
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
        <translation>Anotação</translation>
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
        <translation>Segmentação: as imagens referenciadas não estão neste estudo</translation>
    </message>
    <message>
        <source> · segmentation</source>
        <translation> · segmentação</translation>
    </message>
    <message>
        <source>
(other study %1)</source>
        <translation>
(outro estudo %1)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Predefinição</translation>
    </message>
    <message>
        <source>Right–left from</source>
        <translation>Direita–esquerda de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <source>Anterior–posterior from</source>
        <translation>Anteroposterior de</translation>
    </message>
    <message>
        <source>Foot–head from</source>
        <translation>Pés–cabeça de</translation>
    </message>
    <message>
        <source>Left drag: rotate. Right drag or wheel: zoom. Middle drag: pan. Keys 1–5: presets. A coarse copy renders while the mouse is down.</source>
        <translation>Arrastar esquerdo: rodar. Arrastar direito ou roda: zoom. Arrastar central: deslocar. Teclas 1–5: predefinições. Enquanto o botão está premido desenha-se uma cópia grosseira.</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Disposição</translation>
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
        <translation>J/N</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Deslocar</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Percorrer</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Comprimento</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Ângulo</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Elipse</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Retângulo</translation>
    </message>
    <message>
        <source>Freehand</source>
        <translation>Mão livre</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Sonda</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Seta</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Crosshair</source>
        <translation>Mira</translation>
    </message>
    <message>
        <source>Window presets</source>
        <translation>Predefinições de janela</translation>
    </message>
    <message>
        <source>Default (file)</source>
        <translation>Predefinido (ficheiro)</translation>
    </message>
    <message>
        <source>VOI LUT (file)</source>
        <translation>VOI LUT (ficheiro)</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Inverter</translation>
    </message>
    <message>
        <source>Flip H</source>
        <translation>Inverter H</translation>
    </message>
    <message>
        <source>Flip V</source>
        <translation>Inverter V</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rodar</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Repor</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Cine frame rate</source>
        <translation>Velocidade do cine</translation>
    </message>
    <message>
        <source>Cine</source>
        <translation>Cine</translation>
    </message>
    <message>
        <source>Key image</source>
        <translation>Imagem-chave</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>Sobreposições</translation>
    </message>
    <message>
        <source>Sync scroll</source>
        <translation>Percorrer em sincronia</translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation>Segmentação</translation>
    </message>
    <message>
        <source>Delete last measurement</source>
        <translation>Apagar a última medição</translation>
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
        <translation>Ajuda</translation>
    </message>
    <message>
        <source>Wheel / ↑ ↓ / drag with Scroll</source>
        <translation>Roda / ↑ ↓ / arrastar com Percorrer</translation>
    </message>
    <message>
        <source>Next / previous image</source>
        <translation>Imagem seguinte / anterior</translation>
    </message>
    <message>
        <source>PgUp / PgDn, Home / End</source>
        <translation>PgUp / PgDn, Home / End</translation>
    </message>
    <message>
        <source>Jump 10% / first, last image</source>
        <translation>Saltar 10 % / primeira, última imagem</translation>
    </message>
    <message>
        <source>Right drag / Ctrl+wheel</source>
        <translation>Arrastar direito / Ctrl+roda</translation>
    </message>
    <message>
        <source>Middle drag</source>
        <translation>Arrastar com o botão do meio</translation>
    </message>
    <message>
        <source>Shift+wheel (MPR)</source>
        <translation>Shift+roda (MPR)</translation>
    </message>
    <message>
        <source>Rotate planes (oblique)</source>
        <translation>Rodar planos (oblíquo)</translation>
    </message>
    <message>
        <source>Drag a series from the strip</source>
        <translation>Arrastar uma série da faixa</translation>
    </message>
    <message>
        <source>Show it in that viewport</source>
        <translation>Mostrá-la nessa vista</translation>
    </message>
    <message>
        <source>1–5 in 3D</source>
        <translation>1–5 em 3D</translation>
    </message>
    <message>
        <source>Rendering preset (instead of the window preset)</source>
        <translation>Predefinição de renderização (em vez da predefinição de janela)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>F1 closes this help.</source>
        <translation>F1 fecha esta ajuda.</translation>
    </message>
    <message>
        <source>MPR and 3D need a grey volume of at least 2 slices with plane geometry; %1 has %2.</source>
        <translation>MPR e 3D precisam de um volume em tons de cinzento com pelo menos 2 cortes e geometria de plano; %1 tem %2.</translation>
    </message>
    <message>
        <source>this series</source>
        <translation>esta série</translation>
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
        <translation>sem geometria de plano</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::ExportDialog</name>
    <message>
        <source>&amp;De-identify (DICOM Basic Confidentiality Profile)</source>
        <translation>&amp;Desidentificar (perfil básico de confidencialidade DICOM)</translation>
    </message>
    <message>
        <source>Export study</source>
        <translation>Exportar exame</translation>
    </message>
    <message>
        <source>Export %1 studies</source>
        <translation>Exportar %1 exames</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Pasta</translation>
    </message>
    <message>
        <source>ZIP file</source>
        <translation>Arquivo ZIP</translation>
    </message>
    <message>
        <source>DICOMDIR set (CD/DVD)</source>
        <translation>Conjunto DICOMDIR (CD/DVD)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar para</translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>Arquivos ZIP (*.zip)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <source>Patient name in the copy:</source>
        <translation>Nome do paciente na cópia:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Exported %1 images (%2) to %3.</source>
        <translation>%1 imagens (%2) exportadas para %3.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Keep &amp;dates (Retain Longitudinal Temporal Information)</source>
        <translation>Manter as &amp;datas (Retain Longitudinal Temporal Information)</translation>
    </message>
    <message>
        <source>Patient ID in the copy:</source>
        <translation>ID do paciente na cópia:</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::FirstRunDialog</name>
    <message>
        <source>Welcome to Kilima</source>
        <translation>Bem-vindo ao Kilima</translation>
    </message>
    <message>
        <source>&lt;p&gt;Create your account. You sign your reports with it, and the audit log records your work under your name.&lt;/p&gt;&lt;p&gt;You will be the administrator: add your colleagues later in Settings &amp;gt; Users.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Crie a sua conta. Assina os seus relatórios com ela, e o registo de auditoria regista o seu trabalho em seu nome.&lt;/p&gt;&lt;p&gt;Será o administrador: adicione os seus colegas mais tarde em Definições &amp;gt; Utilizadores.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>e.g. Dr Amina Mwangi</source>
        <translation>p. ex. Dra. Amina Mwangi</translation>
    </message>
    <message>
        <source>e.g. amwangi</source>
        <translation>p. ex. amwangi</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>pelo menos %n carácter</numerusform>
            <numerusform>pelo menos %n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Nome completo:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome de &amp;utilizador:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Senha:</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Confirmar senha:</translation>
    </message>
    <message>
        <source>Create Account</source>
        <translation>Criar conta</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Type your full name: it is printed under the reports you sign.</source>
        <translation>Escreva o seu nome completo: é impresso sob os relatórios que assina.</translation>
    </message>
    <message>
        <source>Choose a user name (letters and digits, no spaces).</source>
        <translation>Escolha um nome de utilizador (letras e dígitos, sem espaços).</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>A senha precisa de pelo menos %n carácter.</numerusform>
            <numerusform>A senha precisa de pelo menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>As duas senhas são diferentes. Escreva a mesma senha duas vezes.</translation>
    </message>
    <message>
        <source>The account could not be created: %1</source>
        <translation>Não foi possível criar a conta: %1</translation>
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
        <translation>Exames</translation>
    </message>
    <message>
        <source>Query/Retrieve</source>
        <translation>Consulta/Recuperação</translation>
    </message>
    <message>
        <source>Node status</source>
        <translation>Estado do nó</translation>
    </message>
    <message>
        <source>The study list could not be read: %1</source>
        <translation>Não foi possível ler a lista de exames: %1</translation>
    </message>
    <message>
        <source>Reading worklist</source>
        <translation>Lista de leitura</translation>
    </message>
    <message>
        <source>The change was not saved: %1
Try again; if it keeps failing, check that the data folder is writable and not full.</source>
        <translation>A alteração não foi salva: %1
Tente novamente; se continuar falhando, verifique se a pasta de dados permite gravação e não está cheia.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Import Folder…</source>
        <translation>&amp;Importar pasta…</translation>
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
        <translation>&amp;Excluir exame…</translation>
    </message>
    <message>
        <source>Shift+Del</source>
        <translation>Shift+Del</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>&amp;Leitura</translation>
    </message>
    <message>
        <source>&amp;Open in Viewer</source>
        <translation>&amp;Abrir no visualizador</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Mark &amp;Unread</source>
        <translation>Marcar como &amp;não lido</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Mark &amp;In Progress</source>
        <translation>Marcar como &amp;em andamento</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Mark &amp;Reported</source>
        <translation>Marcar como &amp;laudado</translation>
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
        <translation>Atribuir a &amp;mim</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Atribuir a…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>My &amp;Worklist</source>
        <translation>Minha lista de &amp;trabalho</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>Fetch &amp;Priors</source>
        <translation>Buscar exames &amp;anteriores</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <source>&amp;Studies</source>
        <translation>&amp;Exames</translation>
    </message>
    <message>
        <source>&amp;Query/Retrieve</source>
        <translation>&amp;Consulta/Recuperação</translation>
    </message>
    <message>
        <source>&amp;Node Status</source>
        <translation>Estado do &amp;nó</translation>
    </message>
    <message>
        <source>&amp;Find Patient</source>
        <translation>&amp;Localizar paciente</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Atualizar</translation>
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
        <translation>&amp;Fechar aba do visualizador</translation>
    </message>
    <message>
        <source>Ctrl+F4</source>
        <translation>Ctrl+F4</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Kilima</source>
        <translation>&amp;Sobre o Kilima</translation>
    </message>
    <message>
        <source>Select a study first.</source>
        <translation>Selecione primeiro um exame.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Atribuir</translation>
    </message>
    <message>
        <source>Reader (empty to unassign):</source>
        <translation>Leitor (vazio para remover a atribuição):</translation>
    </message>
    <message>
        <source>Select a study first: its patient&apos;s priors are searched.</source>
        <translation>Selecione primeiro um exame: os exames anteriores do paciente serão pesquisados.</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Exame</translation>
    </message>
    <message>
        <source>Archive statistics unavailable: %1</source>
        <translation>Estatísticas do arquivo indisponíveis: %1</translation>
    </message>
    <message>
        <source>Patients: %1 · Studies: %2 · Series: %3 · Images: %4 · Stored: %5</source>
        <translation>Pacientes: %1 · Exames: %2 · Séries: %3 · Imagens: %4 · Armazenado: %5</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Importar pasta</translation>
    </message>
    <message>
        <source>Import DICOMDIR</source>
        <translation>Importar DICOMDIR</translation>
    </message>
    <message>
        <source>DICOMDIR (DICOMDIR dicomdir);;All files (*)</source>
        <translation>DICOMDIR (DICOMDIR dicomdir);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Select the studies to export first.</source>
        <translation>Selecione primeiro os exames a exportar.</translation>
    </message>
    <message>
        <source>Delete the study of %1 from this workstation&apos;s archive?
The images are removed for every workstation that uses this node; this cannot be undone.</source>
        <translation>Excluir o exame de %1 do arquivo desta estação?
As imagens são removidas para todas as estações que usam este nó; isto não pode ser desfeito.</translation>
    </message>
    <message>
        <source>Delete %1 studies from this workstation&apos;s archive?
The images are removed for every workstation that uses this node; this cannot be undone.</source>
        <translation>Excluir %1 exames do arquivo desta estação?
As imagens são removidas para todas as estações que usam este nó; isto não pode ser desfeito.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configurações salvas.</translation>
    </message>
    <message>
        <source>The new language applies from the next start.</source>
        <translation>O novo idioma vale a partir da próxima inicialização.</translation>
    </message>
    <message>
        <source>Restart the node (Node status) for node changes to apply.</source>
        <translation>Reinicie o nó (Estado do nó) para aplicar as alterações.</translation>
    </message>
    <message>
        <source>Import in progress</source>
        <translation>Importação em andamento</translation>
    </message>
    <message>
        <source>An import is still running. Quit anyway? Files imported so far stay in the archive.</source>
        <translation>Ainda há uma importação em andamento. Sair mesmo assim? Os arquivos já importados permanecem no arquivo.</translation>
    </message>
    <message>
        <source>About Kilima</source>
        <translation>Sobre o Kilima</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kilima %1&lt;/h3&gt;&lt;p&gt;Diagnostic workstation with an embedded PACS node.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kilima %1&lt;/h3&gt;&lt;p&gt;Estação de diagnóstico com um nó PACS integrado.&lt;/p&gt;&lt;p&gt;Licenciado sob a Apache License 2.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>Lista de trabalho</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>Lista de &amp;trabalho</translation>
    </message>
    <message>
        <source>Recovered report drafts</source>
        <translation>Rascunhos de laudo recuperados</translation>
    </message>
    <message numerus="yes">
        <source>%n report draft(s) were being typed when Kilima last stopped unexpectedly. Their text was saved. Open the studies now to review and save them?</source>
        <translation>
            <numerusform>%n rascunho de laudo estava sendo digitado quando o Kilima parou inesperadamente. O texto foi salvo. Abrir o estudo agora para revisar e salvar?</numerusform>
            <numerusform>%n rascunhos de laudo estavam sendo digitados quando o Kilima parou inesperadamente. O texto foi salvo. Abrir os estudos agora para revisar e salvar?</numerusform>
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
        <translation>Sair do ecrã inteiro</translation>
    </message>
    <message>
        <source>Open in &amp;Web Viewer</source>
        <translation>Abrir no &amp;visualizador web</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>S&amp;hare Link…</source>
        <translation>&amp;Partilhar ligação…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>Select the study to share first.</source>
        <translation>Selecione primeiro o estudo a partilhar.</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::NodeStatusPanel</name>
    <message>
        <source>Last received</source>
        <translation>Último recebimento</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Exame</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imagens</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation>Nenhum erro.</translation>
    </message>
    <message>
        <source>Studies received since the workstation started:</source>
        <translation>Exames recebidos desde o início da estação:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Erros:</translation>
    </message>
    <message>
        <source>The embedded node is off (started with --no-node).</source>
        <translation>O nó integrado está desligado (iniciado com --no-node).</translation>
    </message>
    <message>
        <source>DICOM port %1</source>
        <translation>porta DICOM %1</translation>
    </message>
    <message>
        <source>, DICOM TLS port %1</source>
        <translation>, porta DICOM TLS %1</translation>
    </message>
    <message>
        <source>Running as %1 on %2 · %3 open associations</source>
        <translation>Em execução como %1 em %2 · %3 associações abertas</translation>
    </message>
    <message>
        <source>Warning: %1.</source>
        <translation>Aviso: %1.</translation>
    </message>
    <message>
        <source>S&amp;top node</source>
        <translation>Par&amp;ar nó</translation>
    </message>
    <message>
        <source>Stopped: other nodes cannot send to this workstation.</source>
        <translation>Parado: outros nós não podem enviar para esta estação.</translation>
    </message>
    <message>
        <source>S&amp;tart node</source>
        <translation>&amp;Iniciar nó</translation>
    </message>
    <message>
        <source>Archive: %1 studies, %2 images, %3</source>
        <translation>Arquivo: %1 exames, %2 imagens, %3</translation>
    </message>
    <message>
        <source> · Disk: %1 free of %2</source>
        <translation> · Disco: %1 livres de %2</translation>
    </message>
    <message>
        <source> — almost full: free space or move the storage location in Settings</source>
        <translation> — quase cheio: libere espaço ou mova o armazenamento em Configurações</translation>
    </message>
    <message>
        <source>The node did not start: %1. Check that no other program uses the port (Settings &gt; Node).</source>
        <translation>O nó não iniciou: %1. Verifique se nenhum outro programa usa a porta (Configurações &gt; Nó).</translation>
    </message>
    <message>
        <source>An image from %1 was not stored: %2</source>
        <translation>Uma imagem de %1 não foi armazenada: %2</translation>
    </message>
    <message>
        <source>Forwarding queue: %1</source>
        <translation>Fila de encaminhamento: %1</translation>
    </message>
    <message>
        <source>Cloud sync is off: %1. Check the cloud settings and credentials.</source>
        <translation>A sincronização com a nuvem está desligada: %1. Verifique as configurações da nuvem e as credenciais.</translation>
    </message>
    <message>
        <source>Cloud sync: not running in this node.</source>
        <translation>Sincronização com a nuvem: não está em execução neste nó.</translation>
    </message>
    <message>
        <source>Cloud sync: %1 of %2 images verified in the bucket, %3 waiting, %4 only in the bucket</source>
        <translation>Sincronização com a nuvem: %1 de %2 imagens verificadas no bucket, %3 aguardando, %4 só no bucket</translation>
    </message>
    <message>
        <source> · uploading now</source>
        <translation> · enviando agora</translation>
    </message>
    <message>
        <source> · last pass %1: %2</source>
        <translation> · última passagem %1: %2</translation>
    </message>
    <message>
        <source>Last cloud error: %1 (the upload is retried on the next pass)</source>
        <translation>Último erro da nuvem: %1 (o envio é repetido na próxima passagem)</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::ReadingLayout</name>
    <message>
        <source>&amp;Measurement List</source>
        <translation>Lista de &amp;medições</translation>
    </message>
    <message>
        <source>&amp;Report Panel</source>
        <translation>Painel do &amp;relatório</translation>
    </message>
    <message>
        <source>Report in Own &amp;Window</source>
        <translation>Relatório na sua própria &amp;janela</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>Ecrã &amp;inteiro</translation>
    </message>
    <message>
        <source>Leave Full Screen</source>
        <translation>Sair do ecrã inteiro</translation>
    </message>
    <message>
        <source>Report — Kilima</source>
        <translation>Relatório — Kilima</translation>
    </message>
    <message>
        <source>Open a study to write its report.</source>
        <translation>Abra um estudo para escrever o seu relatório.</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <translation>&amp;Nó</translation>
    </message>
    <message>
        <source>&amp;Known nodes</source>
        <translation>Nós &amp;conhecidos</translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation>&amp;Armazenamento</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Usuários</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Aparência</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>inalterada (guardada no chaveiro do sistema)</translation>
    </message>
    <message>
        <source>Accept images from nodes not in the known nodes list</source>
        <translation>Aceitar imagens de nós fora da lista de nós conhecidos</translation>
    </message>
    <message>
        <source>AE &amp;title:</source>
        <translation>&amp;Título AE:</translation>
    </message>
    <message>
        <source>DICOM &amp;port:</source>
        <translation>&amp;Porta DICOM:</translation>
    </message>
    <message>
        <source>DICOM T&amp;LS port:</source>
        <translation>Porta DICOM T&amp;LS:</translation>
    </message>
    <message>
        <source>DICOMweb (&amp;HTTP) port:</source>
        <translation>Porta DICOMweb (&amp;HTTP):</translation>
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
        <translation>&amp;Chave privada TLS (PEM):</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>Chave privada TLS</translation>
    </message>
    <message>
        <source>Key pa&amp;ssphrase:</source>
        <translation>Fra&amp;se-senha da chave:</translation>
    </message>
    <message>
        <source>Changes to the node take effect when the node restarts (Node status &gt; Stop, then Start).</source>
        <translation>As alterações do nó valem quando ele reinicia (Estado do nó &gt; Parar, depois Iniciar).</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
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
        <translation>Porta</translation>
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
        <translation>&amp;Adicionar ou substituir</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
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
        <translation>Porta:</translation>
    </message>
    <message>
        <source>May use:</source>
        <translation>Pode usar:</translation>
    </message>
    <message>
        <source>Keep the first copy</source>
        <translation>Manter a primeira cópia</translation>
    </message>
    <message>
        <source>Replace with the newer copy</source>
        <translation>Substituir pela cópia mais recente</translation>
    </message>
    <message>
        <source>Storage &amp;location:</source>
        <translation>&amp;Local do armazenamento:</translation>
    </message>
    <message>
        <source>Storage location</source>
        <translation>Local do armazenamento</translation>
    </message>
    <message>
        <source>Same image &amp;received twice:</source>
        <translation>Mesma imagem &amp;recebida duas vezes:</translation>
    </message>
    <message>
        <source>A new location applies to images stored from the next start; existing images stay where they are.</source>
        <translation>Um novo local vale para as imagens armazenadas a partir da próxima inicialização; as existentes ficam onde estão.</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Adicionar usuário…</translation>
    </message>
    <message>
        <source>&amp;Remove user</source>
        <translation>&amp;Remover usuário</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Adicionar usuário</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nome de usuário:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Função:</translation>
    </message>
    <message>
        <source>Password (at least %1 characters):</source>
        <translation>Senha (pelo menos %1 caracteres):</translation>
    </message>
    <message>
        <source>Dark (reading room)</source>
        <translation>Escuro (sala de laudos)</translation>
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
        <translation>Não é possível ler os nós conhecidos: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>A known node needs a name, a host name or address, and an AE title of 1 to 16 characters without backslash.</source>
        <translation>Um nó conhecido precisa de um nome, um nome de host ou endereço e um título AE de 1 a 16 caracteres sem barra invertida.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 salvo.</translation>
    </message>
    <message>
        <source>The AE title must be 1 to 16 characters (letters, digits, no backslash), e.g. KILIMA_WS1.</source>
        <translation>O título AE deve ter de 1 a 16 caracteres (letras, dígitos, sem barra invertida), p. ex. KILIMA_WS1.</translation>
    </message>
    <message>
        <source>Port %1 is used twice: give the DICOM, DICOM TLS and HTTP listeners different ports.</source>
        <translation>A porta %1 é usada duas vezes: dê portas diferentes a DICOM, DICOM TLS e HTTP.</translation>
    </message>
    <message>
        <source>The DICOM TLS port needs a certificate and a private key file (PEM).</source>
        <translation>A porta DICOM TLS precisa de um certificado e de um arquivo de chave privada (PEM).</translation>
    </message>
    <message>
        <source>The file %1 does not exist or cannot be read.</source>
        <translation>O arquivo %1 não existe ou não pode ser lido.</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1. Check that the data folder is writable.</source>
        <translation>Não foi possível salvar as configurações: %1. Verifique se a pasta de dados permite gravação.</translation>
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
        <translation>Usuário</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>guardada no chaveiro do sistema</translation>
    </message>
    <message>
        <source>A DICOMweb server needs a name and a base URL starting with http:// or https://, e.g. https://pacs.example.org/dicom-web.</source>
        <translation>Um servidor DICOMweb precisa de um nome e de uma URL base começando com http:// ou https://, p. ex. https://pacs.example.org/dicom-web.</translation>
    </message>
    <message>
        <source>The password could not be stored in the system keychain (%1): start the desktop&apos;s keyring or wallet and save again.</source>
        <translation>Não foi possível guardar a senha no chaveiro do sistema (%1): inicie o chaveiro ou a carteira da área de trabalho e salve novamente.</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>URL base:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuário:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Senha:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sem limite</translation>
    </message>
    <message>
        <source>New images are refused (senders are told the archive is out of resources) while the storage disk would be left with less free space than this.</source>
        <translation>Novas imagens são recusadas (os remetentes são avisados de que o arquivo está sem recursos) enquanto o disco de armazenamento ficaria com menos espaço livre do que este.</translation>
    </message>
    <message>
        <source>&amp;Keep free on the storage disk:</source>
        <translation>&amp;Manter livre no disco de armazenamento:</translation>
    </message>
</context>
<context>
    <name>kilima::workstation::ShareLinkDialog</name>
    <message>
        <source>The node&apos;s web server is off (Settings → Node → HTTP port), so there is no web viewer to open.</source>
        <translation>O servidor web do nó está desligado (Definições → Nó → Porta HTTP): não há visualizador web para abrir.</translation>
    </message>
    <message>
        <source>The web viewer is not installed on this machine (installers/install-deps.sh installs it).</source>
        <translation>O visualizador web não está instalado neste computador (installers/install-deps.sh instala-o).</translation>
    </message>
    <message>
        <source>Web viewer</source>
        <translation>Visualizador web</translation>
    </message>
    <message>
        <source>&amp;Create Link</source>
        <translation>&amp;Criar ligação</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Co&amp;piar</translation>
    </message>
    <message>
        <source>Share Link</source>
        <translation>Partilhar ligação</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 dia</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 dias</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 dias</translation>
    </message>
    <message>
        <source>The link appears here once created</source>
        <translation>A ligação aparece aqui depois de criada</translation>
    </message>
    <message>
        <source>Anyone with the link can open this one study in the web viewer until it expires or is revoked (kilima-node share revoke). Every use is audited.</source>
        <translation>Qualquer pessoa com a ligação pode abrir este estudo, e só este, no visualizador web até expirar ou ser revogada (kilima-node share revoke). Cada utilização fica registada na auditoria.</translation>
    </message>
    <message>
        <source>Valid for:</source>
        <translation>Válida durante:</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Ligação:</translation>
    </message>
    <message>
        <source>Creating the link…</source>
        <translation>A criar a ligação…</translation>
    </message>
    <message>
        <source>No link was made: %1</source>
        <translation>Nenhuma ligação foi criada: %1</translation>
    </message>
    <message>
        <source>Link %1 expires on %2. Revoke it with: kilima-node share revoke %1</source>
        <translation>A ligação %1 expira em %2. Para a revogar: kilima-node share revoke %1</translation>
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
        <translation>Estação de diagnóstico Kilima: navegar e importar exames do arquivo local.</translation>
    </message>
    <message>
        <source>Archive location (default $KILIMA_DATA_DIR, else $XDG_DATA_HOME/kilima, normally ~/.local/share/kilima).</source>
        <translation>Local do arquivo (padrão $KILIMA_DATA_DIR, senão $XDG_DATA_HOME/kilima, normalmente ~/.local/share/kilima).</translation>
    </message>
    <message>
        <source>Colour theme: dark (default) or light.</source>
        <translation>Tema de cores: escuro (padrão) ou claro.</translation>
    </message>
    <message>
        <source>User interface language: en, sw, fr, es or pt (default: the one chosen in Settings, else the system&apos;s).</source>
        <translation>Idioma da interface: en, sw, fr, es ou pt (padrão: o escolhido em Configurações, senão o do sistema).</translation>
    </message>
    <message>
        <source>With --screenshot: also render the settings dialog to the PNG FILE.</source>
        <translation>Com --screenshot: também salvar a janela de configurações no ARQUIVO PNG.</translation>
    </message>
    <message>
        <source>Open the study with this Study Instance UID in the viewer at start.</source>
        <translation>Abrir na inicialização o exame com este Study Instance UID no visualizador.</translation>
    </message>
    <message>
        <source>Render the main window to the PNG FILE once the first page of studies is loaded, then exit (for documentation and tests).</source>
        <translation>Salvar a janela principal no ARQUIVO PNG quando a primeira página de exames carregar e sair (para documentação e testes).</translation>
    </message>
    <message>
        <source>Do not run the embedded PACS node (DICOM listener) in the background.</source>
        <translation>Não executar o nó PACS integrado (escuta DICOM) em segundo plano.</translation>
    </message>
    <message>
        <source>Debug logging.</source>
        <translation>Registro de depuração.</translation>
    </message>
    <message>
        <source>unknown theme &quot;%1&quot; (use dark or light)</source>
        <translation>tema &quot;%1&quot; desconhecido (use dark ou light)</translation>
    </message>
    <message>
        <source>cannot open the archive in %1: %2</source>
        <translation>não é possível abrir o arquivo em %1: %2</translation>
    </message>
    <message>
        <source>Node %1 listening on DICOM port %2</source>
        <translation>Nó %1 escutando na porta DICOM %2</translation>
    </message>
    <message>
        <source>The node did not start: %1</source>
        <translation>O nó não iniciou: %1</translation>
    </message>
    <message>
        <source>Created the DICOMweb user &quot;admin&quot;; its password is in %1 (readable by you only). Sign in, change it in Settings &gt; Users, then delete that file.</source>
        <translation>O usuário DICOMweb &quot;admin&quot; foi criado; a senha está em %1 (legível só por você). Entre, altere-a em Configurações &gt; Usuários e depois apague esse arquivo.</translation>
    </message>
    <message>
        <source>Created the DICOMweb user &quot;admin&quot;, but its password could not be kept: %1. Set one in Settings &gt; Users.</source>
        <translation>O usuário DICOMweb &quot;admin&quot; foi criado, mas a senha não pôde ser guardada: %1. Defina uma em Configurações &gt; Usuários.</translation>
    </message>
</context>
</TS>
