#include <kilima/browser/studybrowser.h>

#include <kilima/browser/studylistmodel.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QItemSelectionModel>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

namespace kilima::browser {

StudyBrowser::StudyBrowser(StudyListModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_filter(new QLineEdit(this)),
      m_date(new QComboBox(this)),
      m_modality(new QComboBox(this)),
      m_reading(new QComboBox(this)),
      m_mine(new QCheckBox(tr("&My worklist"), this)),
      m_from(new QDateEdit(QDate::currentDate().addDays(-30), this)),
      m_to(new QDateEdit(QDate::currentDate(), this)),
      m_view(new QTableView(this)),
      m_status(new QLabel(this)),
      m_typing(new QTimer(this))
{
    m_filter->setObjectName(QStringLiteral("studyFilter"));
    m_filter->setPlaceholderText(tr("Patient name, patient ID or accession number"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Matches any part of the patient name, or the start of the patient ID or of the\n"
                            "accession number. * and ? are wildcards (then the whole value must match)."));

    m_date->setObjectName(QStringLiteral("studyDate"));
    m_date->addItem(tr("Any date"), int(StudyListModel::DatePreset::Any));
    m_date->addItem(tr("Today"), int(StudyListModel::DatePreset::Today));
    m_date->addItem(tr("Yesterday"), int(StudyListModel::DatePreset::Yesterday));
    m_date->addItem(tr("Last 7 days"), int(StudyListModel::DatePreset::Last7Days));
    m_date->addItem(tr("Date range"), RangeItem);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setVisible(false);
    }
    m_from->setObjectName(QStringLiteral("studyDateFrom"));
    m_to->setObjectName(QStringLiteral("studyDateTo"));
    m_from->setToolTip(tr("First study date of the range"));
    m_to->setToolTip(tr("Last study date of the range"));

    m_reading->setObjectName(QStringLiteral("readingStatus"));
    m_reading->addItem(tr("Any status"), -1);
    for (int st = 0; st <= int(archive::ReadingStatus::Final); ++st)
        m_reading->addItem(StudyListModel::statusName(st), st);
    m_mine->setObjectName(QStringLiteral("myWorklist"));
    m_mine->setToolTip(tr("Only the studies assigned to you that are not final, STAT first"));

    m_modality->setObjectName(QStringLiteral("studyModality"));
    m_modality->addItem(tr("Any modality"), QString());
    for (const QString &m : modalities())
        m_modality->addItem(m, m);

    m_view->setObjectName(QStringLiteral("studyTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // The model sorts in SQL over the whole list, page by page.
    m_view->horizontalHeader()->setSortIndicator(StudyListModel::StudyDateColumn, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    // Fixed widths: ResizeToContents would ask every row, i.e. every page.
    // The description takes what is left.
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    const QFontMetrics fm = m_view->fontMetrics();
    const int em = fm.horizontalAdvance(QLatin1Char('M'));
    const QList<QPair<int, QString>> widths = {
        {StudyListModel::PatientNameColumn, QStringLiteral("MMMMMMMMMMMMMMMMMMM")},
        {StudyListModel::PatientIdColumn, QStringLiteral("0000000000000")},
        {StudyListModel::BirthDateColumn, QStringLiteral("0000-00-00")},
        {StudyListModel::SexColumn, QStringLiteral("M")},
        {StudyListModel::StudyDateColumn, QStringLiteral("0000-00-00 00:00")},
        {StudyListModel::ModalitiesColumn, QStringLiteral("CT, MR")},
        {StudyListModel::DescriptionColumn, QStringLiteral("MMMMMMMMMMMMMMMM")},
        {StudyListModel::AccessionColumn, QStringLiteral("0000000000")},
        {StudyListModel::ReferringColumn, QStringLiteral("MMMMMMMMMMMMM")},
        {StudyListModel::SeriesColumn, QStringLiteral("000")},
        {StudyListModel::InstancesColumn, QStringLiteral("00000")},
        {StudyListModel::StatusColumn, QStringLiteral("STAT · In progress")},
        {StudyListModel::AssignedColumn, QStringLiteral("MMMMMMMM")},
    };
    for (const auto &w : widths) {
        const QString title = m_model->headerData(w.first, Qt::Horizontal).toString();
        const int width = qMax(fm.horizontalAdvance(w.second), fm.horizontalAdvance(title)) + 2 * em;
        m_view->setColumnWidth(w.first, width);
    }
    header->setSectionResizeMode(StudyListModel::DescriptionColumn, QHeaderView::Stretch);

    m_status->setObjectName(QStringLiteral("studyCount"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_date);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    filters->addWidget(m_modality);
    filters->addWidget(m_reading);
    filters->addWidget(m_mine);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    m_typing->setSingleShot(true);
    m_typing->setInterval(TypingDelayMs);
    connect(m_typing, &QTimer::timeout, this, &StudyBrowser::applyText);
    connect(m_filter, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &StudyBrowser::applyText);
    // From the search box ↓ goes down into the list (Tab would reach the
    // date filter first, where ↓ changes the date), where Enter opens.
    auto *toList = new QShortcut(QKeySequence(Qt::Key_Down), m_filter, nullptr, nullptr, Qt::WidgetShortcut);
    toList->setObjectName(QStringLiteral("searchToList"));
    connect(toList, &QShortcut::activated, this, [this] {
        applyText();
        m_view->setFocus(Qt::ShortcutFocusReason);
        if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
            m_view->selectRow(0);
    });

    connect(m_date, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        const bool range = m_date->currentData().toInt() == RangeItem;
        m_from->setVisible(range);
        m_to->setVisible(range);
        if (range)
            applyRange();
        else
            m_model->setDatePreset(StudyListModel::DatePreset(m_date->currentData().toInt()));
    });
    connect(m_from, &QDateEdit::dateChanged, this, &StudyBrowser::applyRange);
    connect(m_to, &QDateEdit::dateChanged, this, &StudyBrowser::applyRange);
    connect(m_reading, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { m_model->setStatusFilter(m_reading->currentData().toInt()); });
    connect(m_mine, &QCheckBox::toggled, this, &StudyBrowser::setMyWorklist);
    connect(m_modality, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { m_model->setModality(m_modality->currentData().toString()); });

    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString uid = index.data(StudyListModel::StudyInstanceUidRole).toString();
        if (!uid.isEmpty())
            Q_EMIT studyActivated(uid);
    });

    // A refresh resets the model: keep the selection on the same studies.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_keepSelected.clear();
        for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
            m_keepSelected << i.data(StudyListModel::StudyInstanceUidRole).toString();
        m_keepCurrent = m_view->currentIndex().data(StudyListModel::StudyInstanceUidRole).toString();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &StudyBrowser::restoreSelection);
    connect(m_model, &StudyListModel::countChanged, this, &StudyBrowser::updateStatus);
    connect(m_model, &StudyListModel::loadingChanged, this, &StudyBrowser::updateStatus);
    connect(m_model, &StudyListModel::queryFailed, this, &StudyBrowser::updateStatus);
    updateStatus();
    setFocusProxy(m_filter);
}

QStringList StudyBrowser::modalities()
{
    return {QStringLiteral("CT"), QStringLiteral("MR"), QStringLiteral("CR"), QStringLiteral("DX"),
            QStringLiteral("MG"), QStringLiteral("US"), QStringLiteral("NM"), QStringLiteral("PT"),
            QStringLiteral("XA"), QStringLiteral("RF"), QStringLiteral("OT"), QStringLiteral("SR")};
}

QString StudyBrowser::statusText() const
{
    return m_status->text();
}

void StudyBrowser::applyText()
{
    m_typing->stop();
    m_model->setFilterText(m_filter->text());
}

void StudyBrowser::restoreSelection()
{
    if (m_keepSelected.isEmpty() && m_keepCurrent.isEmpty())
        return;
    QItemSelectionModel *sel = m_view->selectionModel();
    // Only rows already in memory (the first page after a refresh).
    const int rows = qMin(m_model->rowCount(), m_model->pageSize());
    for (int r = 0; r < rows; ++r) {
        const QString uid = m_model->study(r).empty() ? QString()
                                                      : m_model->data(m_model->index(r, 0), StudyListModel::StudyInstanceUidRole).toString();
        if (uid.isEmpty())
            continue;
        const QModelIndex index = m_model->index(r, 0);
        if (uid == m_keepCurrent)
            sel->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        if (m_keepSelected.contains(uid))
            sel->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

void StudyBrowser::applyRange()
{
    if (m_date->currentData().toInt() != RangeItem)
        return;
    m_model->setDateRange(m_from->date(), m_to->date());
}

void StudyBrowser::setMyWorklist(bool on)
{
    if (m_mine->isChecked() != on) {
        m_mine->setChecked(on);   // comes back here through toggled()
        return;
    }
    // The open work of the signed-in reader: not final, STAT first.
    m_model->setAssignedFilter(on ? m_model->user() : QString());
    m_model->setStatFirst(on);
    m_model->setOpenOnly(on);
}

void StudyBrowser::updateStatus()
{
    if (!m_model->lastError().isEmpty()) {
        m_status->setText(tr("Query failed: %1").arg(m_model->lastError()));
        return;
    }
    if (m_model->isLoading()) {
        m_status->setText(tr("Searching…"));
        return;
    }
    const qint64 n = m_model->totalCount();
    m_status->setText(n == 1 ? tr("1 study") : tr("%1 studies").arg(QLocale().toString(n)));
}

} // namespace kilima::browser
