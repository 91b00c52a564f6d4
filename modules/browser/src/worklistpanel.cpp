#include <kilima/browser/worklistpanel.h>

#include <kilima/archive/archive.h>
#include <kilima/archive/worklist.h>
#include <kilima/browser/studylistmodel.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kilima::browser {

namespace {

QString jsonString(const QJsonObject &item, const char *tag)
{
    const QJsonObject attr = item.value(QLatin1String(tag)).toObject();
    const QJsonArray values = attr.value(QLatin1String("Value")).toArray();
    if (values.isEmpty())
        return {};
    const QJsonValue v = values.at(0);
    if (v.isObject())
        return v.toObject().value(QLatin1String("Alphabetic")).toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return v.toString();
}

void put(DcmItem &item, const DcmTagKey &tag, const QString &value)
{
    item.putAndInsertString(tag, value.trimmed().toUtf8().constData());
}

} // namespace

ScheduledProcedure ScheduledProcedure::fromJson(qint64 id, const QJsonObject &item)
{
    ScheduledProcedure p;
    p.id = id;
    p.patientName = jsonString(item, "00100010");
    p.patientId = jsonString(item, "00100020");
    p.birthDate = jsonString(item, "00100030");
    p.sex = jsonString(item, "00100040");
    p.accession = jsonString(item, "00080050");
    p.requestedProcedureId = jsonString(item, "00401001");
    p.referring = jsonString(item, "00080090");
    p.studyUid = jsonString(item, "0020000D");
    const QJsonArray sps = item.value(QLatin1String("00400100")).toObject().value(QLatin1String("Value")).toArray();
    if (!sps.isEmpty()) {
        const QJsonObject step = sps.at(0).toObject();
        p.modality = jsonString(step, "00080060");
        p.stationAe = jsonString(step, "00400001");
        p.date = jsonString(step, "00400002");
        p.time = jsonString(step, "00400003");
        p.description = jsonString(step, "00400007");
    }
    return p;
}

WorklistPanel::WorklistPanel(std::shared_ptr<archive::Archive> archive, QWidget *parent)
    : QWidget(parent),
      m_archive(std::move(archive)),
      m_date(new QDateEdit(QDate::currentDate(), this)),
      m_table(new QTableWidget(0, ColumnCount, this)),
      m_add(new QPushButton(tr("&Add…"), this)),
      m_edit(new QPushButton(tr("&Edit…"), this)),
      m_cancel(new QPushButton(tr("&Cancel procedure"), this)),
      m_status(new QLabel(this))
{
    m_date->setObjectName(QStringLiteral("worklistDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_table->setObjectName(QStringLiteral("worklistTable"));
    m_table->setHorizontalHeaderLabels({tr("Scheduled"), tr("Patient name"), tr("Patient ID"), tr("Modality"),
                                        tr("Station AE"), tr("Accession #"), tr("Procedure")});
    m_table->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_status->setObjectName(QStringLiteral("worklistStatus"));
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Scheduled on:"), this));
    top->addWidget(m_date);
    top->addStretch();
    top->addWidget(m_add);
    top->addWidget(m_edit);
    top->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    connect(m_date, &QDateEdit::dateChanged, this, &WorklistPanel::reload);
    connect(m_add, &QPushButton::clicked, this, [this] {
        ScheduledProcedure p;
        p.date = m_date->date().toString(QStringLiteral("yyyyMMdd"));
        p.time = QTime::currentTime().toString(QStringLiteral("HHmm"));
        edit(p);
    });
    auto current = [this]() -> const ScheduledProcedure * {
        const int r = m_table->currentRow();
        return r >= 0 && r < m_items.size() ? &m_items.at(r) : nullptr;
    };
    connect(m_edit, &QPushButton::clicked, this, [this, current] {
        if (const ScheduledProcedure *p = current())
            edit(*p);
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this, current] {
        if (const ScheduledProcedure *p = current())
            edit(*p);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this, current] {
        const ScheduledProcedure *p = current();
        if (!p)
            return;
        if (QMessageBox::question(this, tr("Cancel procedure"),
                                  tr("Cancel the %1 procedure of %2? The modality will no longer see it.")
                                      .arg(p->modality, StudyListModel::formatPersonName(p->patientName))) ==
            QMessageBox::Yes)
            cancelItem(p->id);
    });
    reload();
}

QString WorklistPanel::statusText() const
{
    return m_status->text();
}

void WorklistPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #e06c60;") : QString());
}

void WorklistPanel::reload()
{
    ++m_busy;
    std::shared_ptr<archive::Archive> archive = m_archive;
    const QString date = m_date->date().toString(QStringLiteral("yyyyMMdd"));
    using R = core::Result<QList<archive::WorklistItem>>;
    auto *w = new QFutureWatcher<R>(this);
    connect(w, &QFutureWatcher<R>::finished, this, [this, w] {
        w->deleteLater();
        --m_busy;
        const R r = w->result();
        m_table->setRowCount(0);
        m_items.clear();
        if (!r) {
            setStatus(tr("The worklist cannot be read: %1").arg(r.error()), true);
            return;
        }
        for (const archive::WorklistItem &i : r.value())
            m_items << ScheduledProcedure::fromJson(i.id, i.item);
        std::sort(m_items.begin(), m_items.end(),
                  [](const ScheduledProcedure &a, const ScheduledProcedure &b) { return a.time < b.time; });
        for (const ScheduledProcedure &p : m_items) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            const QStringList cells = {StudyListModel::formatDate(p.date) + QLatin1Char(' ') + StudyListModel::formatTime(p.time),
                                       StudyListModel::formatPersonName(p.patientName), p.patientId, p.modality,
                                       p.stationAe, p.accession, p.description};
            for (int c = 0; c < cells.size(); ++c)
                m_table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
        }
        setStatus(m_items.size() == 1 ? tr("1 procedure scheduled.") : tr("%1 procedures scheduled.").arg(m_items.size()),
                  false);
    });
    w->setFuture(QtConcurrent::run([archive, date] {
        archive::WorklistQuery q;
        q.startDate = date;
        return archive->worklist().find(q);
    }));
}

void WorklistPanel::edit(const ScheduledProcedure &original)
{
    QDialog dialog(this);
    dialog.setWindowTitle(original.id ? tr("Edit procedure") : tr("Schedule procedure"));
    auto *form = new QFormLayout;
    auto line = [&dialog](const QString &v) { return new QLineEdit(v, &dialog); };
    QLineEdit *name = line(original.patientName), *id = line(original.patientId), *birth = line(original.birthDate),
              *accession = line(original.accession), *station = line(original.stationAe),
              *description = line(original.description), *referring = line(original.referring);
    auto *sex = new QComboBox(&dialog);
    sex->addItems({QString(), QStringLiteral("F"), QStringLiteral("M"), QStringLiteral("O")});
    sex->setCurrentText(original.sex);
    auto *modality = new QComboBox(&dialog);
    modality->setEditable(true);
    modality->addItems({QStringLiteral("CT"), QStringLiteral("MR"), QStringLiteral("CR"), QStringLiteral("DX"),
                        QStringLiteral("US"), QStringLiteral("MG"), QStringLiteral("NM"), QStringLiteral("XA")});
    modality->setCurrentText(original.modality.isEmpty() ? QStringLiteral("CT") : original.modality);
    auto *date = new QDateEdit(QDate::fromString(original.date, QStringLiteral("yyyyMMdd")), &dialog);
    date->setCalendarPopup(true);
    date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    auto *time = new QTimeEdit(QTime::fromString(original.time.left(4), QStringLiteral("HHmm")), &dialog);
    time->setDisplayFormat(QStringLiteral("HH:mm"));
    birth->setPlaceholderText(QStringLiteral("YYYYMMDD"));
    form->addRow(tr("Patient name (FAMILY^Given):"), name);
    form->addRow(tr("Patient ID:"), id);
    form->addRow(tr("Birth date:"), birth);
    form->addRow(tr("Sex:"), sex);
    form->addRow(tr("Accession #:"), accession);
    form->addRow(tr("Modality:"), modality);
    form->addRow(tr("Station AE title:"), station);
    form->addRow(tr("Date:"), date);
    form->addRow(tr("Time:"), time);
    form->addRow(tr("Procedure:"), description);
    form->addRow(tr("Referring physician:"), referring);
    auto *error = new QLabel(&dialog);
    error->setStyleSheet(QStringLiteral("color: #e06c60;"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (name->text().trimmed().isEmpty() && id->text().trimmed().isEmpty()) {
            error->setText(tr("Enter the patient's name or ID."));
            return;
        }
        if (!birth->text().isEmpty() && !QDate::fromString(birth->text(), QStringLiteral("yyyyMMdd")).isValid()) {
            error->setText(tr("Write the birth date as YYYYMMDD, e.g. 19800131."));
            return;
        }
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    ScheduledProcedure p = original;
    p.patientName = name->text().trimmed();
    p.patientId = id->text().trimmed();
    p.birthDate = birth->text().trimmed();
    p.sex = sex->currentText();
    p.accession = accession->text().trimmed();
    p.modality = modality->currentText().trimmed().toUpper();
    p.stationAe = station->text().trimmed();
    p.date = date->date().toString(QStringLiteral("yyyyMMdd"));
    p.time = time->time().toString(QStringLiteral("HHmmss"));
    p.description = description->text().trimmed();
    p.referring = referring->text().trimmed();
    save(p);
}

void WorklistPanel::runChange(const QString &failed, std::function<QString()> change)
{
    ++m_busy;
    auto *w = new QFutureWatcher<QString>(this);
    connect(w, &QFutureWatcher<QString>::finished, this, [this, w, failed] {
        w->deleteLater();
        --m_busy;
        reload();
        if (!w->result().isEmpty())
            setStatus(failed.arg(w->result()), true);
    });
    w->setFuture(QtConcurrent::run(std::move(change)));
}

void WorklistPanel::save(const ScheduledProcedure &p)
{
    std::shared_ptr<archive::Archive> archive = m_archive;
    runChange(tr("Not saved: %1"), [archive, p] {
        DcmDataset ds;
        put(ds, DCM_SpecificCharacterSet, QStringLiteral("ISO_IR 192"));
        put(ds, DCM_PatientName, p.patientName);
        put(ds, DCM_PatientID, p.patientId);
        put(ds, DCM_PatientBirthDate, p.birthDate);
        put(ds, DCM_PatientSex, p.sex);
        put(ds, DCM_AccessionNumber, p.accession);
        put(ds, DCM_ReferringPhysicianName, p.referring);
        put(ds, DCM_RequestedProcedureID, p.requestedProcedureId.isEmpty() ? p.accession : p.requestedProcedureId);
        put(ds, DCM_RequestedProcedureDescription, p.description);
        char uid[100];
        put(ds, DCM_StudyInstanceUID,
            p.studyUid.isEmpty() ? QString::fromLatin1(dcmGenerateUniqueIdentifier(uid, SITE_STUDY_UID_ROOT)) : p.studyUid);
        DcmItem *sps = nullptr;
        ds.findOrCreateSequenceItem(DCM_ScheduledProcedureStepSequence, sps, 0);
        if (!sps)
            return QStringLiteral("out of memory");
        put(*sps, DCM_Modality, p.modality);
        put(*sps, DCM_ScheduledStationAETitle, p.stationAe);
        put(*sps, DCM_ScheduledProcedureStepStartDate, p.date);
        put(*sps, DCM_ScheduledProcedureStepStartTime, p.time);
        put(*sps, DCM_ScheduledProcedureStepDescription, p.description);
        put(*sps, DCM_ScheduledProcedureStepID, p.accession);
        auto added = archive->worklist().add(ds);
        if (!added)
            return added.error();
        // An edit replaces the old item only once the new one is stored.
        if (p.id) {
            const core::Status st = archive->worklist().remove(p.id);
            if (!st)
                return st.error();
        }
        return QString();
    });
}

void WorklistPanel::cancelItem(qint64 id)
{
    std::shared_ptr<archive::Archive> archive = m_archive;
    runChange(tr("Not cancelled: %1"), [archive, id] {
        const core::Status st = archive->worklist().remove(id);
        return st ? QString() : st.error();
    });
}

} // namespace kilima::browser
