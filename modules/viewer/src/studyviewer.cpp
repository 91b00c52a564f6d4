#include <kilima/viewer/studyviewer.h>
#include "presetnames_p.h"
#include "studyscan_p.h"
#include <kilima/viewer/mprview.h>
#include <kilima/viewer/volumeview.h>

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDrag>
#include <QFile>
#include <QFormLayout>
#include <QGridLayout>
#include <QSlider>
#include <QSpinBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMenu>
#include <QMimeData>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcViewer, "kilima.viewer")

static void initViewerResources()
{
    Q_INIT_RESOURCE(kilima_presets);
}

namespace kilima::viewer {

namespace {
const char *const kSeriesMime = "application/x-kilima-series";

// The strip: dragging an item carries its volume index.
class SeriesStrip : public QListWidget {
public:
    using QListWidget::QListWidget;

protected:
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override
    {
        auto *m = new QMimeData;
        if (!items.isEmpty())
            m->setData(QLatin1String(kSeriesMime), items.front()->data(Qt::UserRole).toString().toUtf8());
        return m;
    }
    QStringList mimeTypes() const override { return {QLatin1String(kSeriesMime)}; }
};

QString currentUser()
{
    QString u = qEnvironmentVariable("USER");
    return u.isEmpty() ? QStringLiteral("workstation") : u;
}
} // namespace

QList<WindowPreset> windowPresets()
{
    initViewerResources();
    QList<WindowPreset> out;
    QFile f(QStringLiteral(":/kilima/presets/window.json"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("presets")).toArray()) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QLatin1String("name")).toString(), o.value(QLatin1String("modality")).toString(),
                    o.value(QLatin1String("center")).toDouble(), o.value(QLatin1String("width")).toDouble(),
                    o.value(QLatin1String("shortcut")).toString()});
    }
    return out;
}

StudyViewer::StudyViewer(archive::Archive &archive, QWidget *parent)
    : QWidget(parent), m_archive(archive)
{
    initViewerResources();
    m_annotations = std::make_unique<archive::Annotations>(archive.databasePath());
    m_pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    buildUi();
    buildActions();
    m_progress.setInterval(40);
    connect(&m_progress, &QTimer::timeout, this, &StudyViewer::pollProgress);
    setGridLayout(1, 1);
}

StudyViewer::~StudyViewer()
{
    for (auto *w : m_scans)
        w->waitForFinished();
    m_pool.clear();
    m_pool.waitForDone();
}

void StudyViewer::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    m_toolbar = new QToolBar(this);
    m_toolbar->setIconSize(QSize(16, 16));
    outer->addWidget(m_toolbar);

    auto *split = new QSplitter(Qt::Horizontal, this);
    outer->addWidget(split, 1);

    m_strip = new SeriesStrip(split);
    m_strip->setViewMode(QListView::ListMode);
    m_strip->setIconSize(QSize(96, 96));
    m_strip->setDragEnabled(true);
    m_strip->setDragDropMode(QAbstractItemView::DragOnly);
    m_strip->setMinimumWidth(130);
    m_strip->setMaximumWidth(260);
    m_strip->setWordWrap(true);
    connect(m_strip, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        showVolume(item->data(Qt::UserRole).toString().toInt());
    });

    m_stack = new QStackedWidget(split);
    m_gridPage = new QWidget(m_stack);
    m_grid = new QGridLayout(m_gridPage);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(2);
    m_stack->addWidget(m_gridPage);
    m_mpr = new MprView(m_stack);
    m_stack->addWidget(m_mpr);
    connect(m_mpr, &MprView::activated, this, &StudyViewer::setActiveView);
    // 3D page: the view and a panel with the presets and the clipping box.
    m_3dPage = new QWidget(m_stack);
    auto *page3d = new QHBoxLayout(m_3dPage);
    page3d->setContentsMargins(0, 0, 0, 0);
    m_3d = new VolumeView(m_3dPage);
    page3d->addWidget(m_3d, 1);
    auto *panel = new QWidget(m_3dPage);
    panel->setMaximumWidth(220);
    auto *form = new QFormLayout(panel);
    auto *presets = new QComboBox(panel);
    for (const VolumePreset &p : volumePresets())
        presets->addItem(presetLabel(p.name), p.name);   // shown translated, known by its name in the file
    connect(presets, qOverload<int>(&QComboBox::activated), m_3d,
            [this, presets](int idx) { m_3d->setPreset(presets->itemData(idx).toString()); });
    connect(m_3d, &VolumeView::ready, presets, [this, presets] {
        presets->setCurrentIndex(presets->findData(m_3d->preset()));
    });
    form->addRow(tr("Preset"), presets);
    const QString axes[6] = {tr("Right–left from"), tr("to"), tr("Anterior–posterior from"), tr("to"),
                             tr("Foot–head from"), tr("to")};
    QList<QSlider *> sliders;
    for (int i = 0; i < 6; ++i) {
        auto *s = new QSlider(Qt::Horizontal, panel);
        s->setRange(0, 100);
        s->setValue(i % 2 ? 100 : 0);
        sliders.append(s);
        form->addRow(axes[i], s);
    }
    for (QSlider *s : sliders) {
        connect(s, &QSlider::valueChanged, m_3d, [this, sliders] {
            double f[6];
            for (int i = 0; i < 6; ++i)
                f[i] = sliders[i]->value() / 100.0;
            for (int a = 0; a < 3; ++a) {
                if (f[2 * a] > f[2 * a + 1])
                    std::swap(f[2 * a], f[2 * a + 1]);
            }
            m_3d->setClipBox(f);
        });
    }
    auto *hint = new QLabel(tr("Left drag: rotate. Right drag or wheel: zoom. Middle drag: pan. "
                               "Keys 1–5: presets. A coarse copy renders while the mouse is down."), panel);
    hint->setWordWrap(true);
    form->addRow(hint);
    page3d->addWidget(panel);
    m_stack->addWidget(m_3dPage);

    m_measurementList = new QListWidget(split);
    m_measurementList->setObjectName(QStringLiteral("measurementList"));   // collapsed with F8 by the workstation
    m_measurementList->setMaximumWidth(280);
    connect(m_measurementList, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        // Jump to the measured image.
        const QString sop = item->data(Qt::UserRole + 1).toString();
        const int frame = item->data(Qt::UserRole + 2).toInt();
        for (int i = 0; i < m_volumes.size(); ++i) {
            const auto &src = m_volumes[i]->sources;
            for (size_t k = 0; k < src.size(); ++k) {
                if (src[k].sopUid == sop && src[k].frame == frame) {
                    setMode(Mode::Stack);
                    if (!m_active || m_active->volume() != m_volumes[i])
                        showVolume(i);
                    m_active->setSlice(int(k));
                    return;
                }
            }
        }
    });
    split->setStretchFactor(1, 1);

    m_help = new QLabel(this);
    m_help->setVisible(false);
    m_help->setAutoFillBackground(true);
    m_help->setStyleSheet(QStringLiteral("QLabel { background: rgba(20,20,20,230); color: #eee; padding: 16px; border: 1px solid #888; }"));
    m_help->setTextFormat(Qt::RichText);
}

void StudyViewer::buildActions()
{
    struct Shortcut { QString keys, what; };
    QList<Shortcut> help;
    auto add = [&](const QString &text, const QKeySequence &key, auto slot, bool toolbar = true) {
        auto *a = new QAction(text, this);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            help.append({key.toString(QKeySequence::NativeText), text});
        }
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        if (toolbar)
            m_toolbar->addAction(a);
        return a;
    };
    // Layouts.
    auto *layoutMenu = new QMenu(tr("Layout"), this);
    for (auto [r, c] : std::initializer_list<std::pair<int, int>>{{1, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3}, {2, 3}, {3, 3}, {4, 4}}) {
        QAction *a = layoutMenu->addAction(QStringLiteral("%1 × %2").arg(r).arg(c));
        connect(a, &QAction::triggered, this, [this, r = r, c = c] { setMode(Mode::Stack); setGridLayout(r, c); });
    }
    auto *layoutButton = new QToolButton(this);
    layoutButton->setText(tr("Layout"));
    layoutButton->setMenu(layoutMenu);
    layoutButton->setPopupMode(QToolButton::InstantPopup);
    m_toolbar->addWidget(layoutButton);
    add(tr("1×1"), QKeySequence(Qt::ALT | Qt::Key_1), [this] { setMode(Mode::Stack); setGridLayout(1, 1); }, false);
    add(tr("1×2"), QKeySequence(Qt::ALT | Qt::Key_2), [this] { setMode(Mode::Stack); setGridLayout(1, 2); }, false);
    add(tr("2×2"), QKeySequence(Qt::ALT | Qt::Key_4), [this] { setMode(Mode::Stack); setGridLayout(2, 2); }, false);
    m_toolbar->addSeparator();
    // Tools.
    auto *tools = new QActionGroup(this);
    const std::pair<QString, Tool> toolList[] = {
        {tr("W/L"), Tool::WindowLevel}, {tr("Zoom"), Tool::Zoom}, {tr("Pan"), Tool::Pan}, {tr("Scroll"), Tool::Scroll},
        {tr("Length"), Tool::Length}, {tr("Angle"), Tool::Angle}, {tr("Ellipse"), Tool::Ellipse},
        {tr("Rectangle"), Tool::Rectangle}, {tr("Freehand"), Tool::Freehand}, {tr("Probe"), Tool::Probe},
        {tr("Arrow"), Tool::Arrow}, {tr("Text"), Tool::Text}, {tr("Crosshair"), Tool::Crosshair}};
    const Qt::Key keys[] = {Qt::Key_W, Qt::Key_Z, Qt::Key_P, Qt::Key_S, Qt::Key_L, Qt::Key_A, Qt::Key_E,
                            Qt::Key_B, Qt::Key_D, Qt::Key_Q, Qt::Key_O, Qt::Key_T, Qt::Key_X};
    int i = 0;
    for (const auto &t : toolList) {
        QAction *a = add(t.first, QKeySequence(keys[i++]), [this, tool = t.second] { setTool(tool); });
        a->setCheckable(true);
        a->setChecked(t.second == Tool::WindowLevel);
        tools->addAction(a);
    }
    m_toolbar->addSeparator();
    m_presetBox = new QComboBox(this);
    m_presetBox->addItem(tr("Window presets"));
    m_presetBox->addItem(tr("Default (file)"), tr("Default (file)"));
    m_presetBox->addItem(tr("VOI LUT (file)"), tr("VOI LUT (file)"));
    for (const WindowPreset &p : windowPresets()) {
        m_presetBox->addItem(presetLabel(p.name), p.name);   // shown translated, applied by its name in the file
        if (!p.shortcut.isEmpty())
            add(presetLabel(p.name), QKeySequence(p.shortcut), [this, n = p.name, key = p.shortcut] {
                // One key, one meaning per mode: in 3D the digits pick the
                // rendering preset (they used to reach both at once).
                const QList<VolumePreset> rendering = volumePresets();
                const int index = key.toInt() - 1;
                if (m_mode != Mode::Volume3D)
                    applyPreset(n);
                else if (index >= 0 && index < rendering.size())
                    m_3d->setPreset(rendering[index].name);
            }, false);
    }
    connect(m_presetBox, qOverload<int>(&QComboBox::activated), this, [this](int idx) {
        if (idx > 0)
            applyPreset(m_presetBox->itemData(idx).toString());
        m_presetBox->setCurrentIndex(0);
    });
    m_toolbar->addWidget(m_presetBox);
    add(tr("Invert"), QKeySequence(Qt::Key_I), [this] { if (m_active) m_active->setInvert(!m_active->inverted()); });
    add(tr("Flip H"), QKeySequence(Qt::Key_H), [this] { if (m_active) m_active->flipHorizontal(); });
    add(tr("Flip V"), QKeySequence(Qt::Key_V), [this] { if (m_active) m_active->flipVertical(); });
    add(tr("Rotate"), QKeySequence(Qt::Key_R), [this] { if (m_active) m_active->rotate90(); });
    add(tr("Reset"), QKeySequence(Qt::Key_Escape | Qt::SHIFT), [this] { if (m_active) m_active->resetView(); });
    auto *fps = new QSpinBox(this);
    fps->setRange(1, 60);
    fps->setValue(15);
    fps->setSuffix(tr(" fps"));
    fps->setToolTip(tr("Cine frame rate"));
    add(tr("Cine"), QKeySequence(Qt::Key_C), [this, fps] { if (m_active) m_active->setCine(!m_active->cineRunning(), fps->value()); });
    m_toolbar->addWidget(fps);
    connect(fps, qOverload<int>(&QSpinBox::valueChanged), this, [this](int v) {
        if (m_active && m_active->cineRunning())
            m_active->setCine(true, v);
    });
    add(tr("Key image"), QKeySequence(Qt::Key_K), [this] { toggleKeyImage(); });
    add(tr("Overlays"), QKeySequence(Qt::Key_F2), [this] {
        for (SliceView *v : m_views)
            v->setShowOverlays(!v->showOverlays());
    }, false);
    add(tr("Sync scroll"), QKeySequence(Qt::Key_Y), [this] { m_sync = !m_sync; });
    add(tr("Segmentation"), QKeySequence(Qt::Key_G), [this] { setShowSegmentations(!m_showSegmentations); });
    add(tr("Delete last measurement"), QKeySequence(Qt::Key_Delete), [this] {
        if (!m_measurements.isEmpty())
            removeMeasurement(m_measurements.back().id);
    }, false);
    m_toolbar->addSeparator();
    add(tr("2D"), QKeySequence(Qt::Key_F5), [this] { setMode(Mode::Stack); });
    add(tr("MPR"), QKeySequence(Qt::Key_M), [this] { setMode(Mode::Mpr); });
    add(tr("3D"), QKeySequence(Qt::Key_F7), [this] { setMode(Mode::Volume3D); });
    add(tr("Help"), QKeySequence(Qt::Key_F1), [this] { setHelpVisible(!helpVisible()); });
    help.append({tr("Wheel / ↑ ↓ / drag with Scroll"), tr("Next / previous image")});
    help.append({tr("PgUp / PgDn, Home / End"), tr("Jump 10% / first, last image")});
    help.append({tr("Right drag / Ctrl+wheel"), tr("Zoom")});
    help.append({tr("Middle drag"), tr("Pan")});
    help.append({tr("Shift+wheel (MPR)"), tr("Rotate planes (oblique)")});
    help.append({tr("Drag a series from the strip"), tr("Show it in that viewport")});
    help.append({tr("1–5 in 3D"), tr("Rendering preset (instead of the window preset)")});
    QList<QPair<QString, QString>> rows;
    for (const Shortcut &s : help)
        rows.append({s.keys, s.what});
    addHelpRows(rows);
}

void StudyViewer::addHelpRows(const QList<QPair<QString, QString>> &rows)
{
    m_helpRows += rows;
    // Two columns: one column of every key is taller than a 1000 px screen.
    const qsizetype half = (m_helpRows.size() + 1) / 2;
    auto cells = [this](qsizetype i) {
        if (i >= m_helpRows.size())
            return QStringLiteral("<td></td><td></td>");
        return QStringLiteral("<td><b>%1</b></td><td>%2</td>")
            .arg(m_helpRows[i].first.toHtmlEscaped(), m_helpRows[i].second.toHtmlEscaped());
    };
    QString table;
    for (qsizetype i = 0; i < half; ++i)
        table += QStringLiteral("<tr>") + cells(i) + QStringLiteral("<td width=24></td>") + cells(i + half) + QStringLiteral("</tr>");
    m_help->setText(QStringLiteral("<h3>%1</h3><table cellspacing=4>%2</table><p>%3</p>")
                        .arg(tr("Keyboard shortcuts"), table, tr("F1 closes this help.")));
}

void StudyViewer::setHelpVisible(bool on)
{
    if (on) {
        m_help->adjustSize();
        m_help->move((width() - m_help->width()) / 2, std::max(0, (height() - m_help->height()) / 2));
        m_help->raise();
    }
    m_help->setVisible(on);
}

bool StudyViewer::helpVisible() const
{
    return m_help->isVisible();
}

void StudyViewer::setGridLayout(int rows, int columns)
{
    rows = std::clamp(rows, 1, 4);
    columns = std::clamp(columns, 1, 4);
    QList<imaging::VolumePtr> shown;
    for (SliceView *v : m_views)
        shown.append(v->volume());
    while (m_views.size() < rows * columns) {
        auto *v = new SliceView(m_gridPage);
        v->setTool(m_tool);
        connect(v, &SliceView::activated, this, &StudyViewer::setActiveView);
        connect(v, &SliceView::seriesDropped, this, [this, v](const QString &key) { showVolume(key.toInt(), v); });
        connect(v, &SliceView::positionChanged, this, [this, v](const imaging::Vec3 &p) { syncFrom(v, p); });
        connect(v, &SliceView::measurementCreated, this, [this](const archive::Measurement &m) {
            archive::Measurement copy = m;
            copy.createdBy = m_user.isEmpty() ? currentUser() : m_user;
            auto id = m_annotations->addMeasurement(copy);
            if (!id) {
                m_error = id.error();
                Q_EMIT errorOccurred(m_error);
            }
            reloadAnnotations();
            Q_EMIT measurementsChanged();
        });
        m_views.append(v);
    }
    while (m_views.size() > rows * columns) {
        SliceView *v = m_views.takeLast();
        if (m_active == v)
            m_active = nullptr;
        v->deleteLater();
    }
    for (SliceView *v : m_views)
        m_grid->removeWidget(v);
    for (int i = 0; i < m_views.size(); ++i)
        m_grid->addWidget(m_views[i], i / columns, i % columns);
    m_rows = rows;
    m_columns = columns;
    // Fill new viewports with the next series.
    for (int i = 0; i < m_views.size(); ++i) {
        if (!m_views[i]->volume() && i < m_volumes.size()) {
            int pick = i;
            // Prefer series not shown yet.
            for (int j = 0; j < m_volumes.size(); ++j) {
                bool used = false;
                for (SliceView *v : m_views)
                    used = used || v->volume() == m_volumes[j];
                if (!used) {
                    pick = j;
                    break;
                }
            }
            showVolume(pick, m_views[i]);
        }
    }
    if (!m_active && !m_views.isEmpty())
        setActiveView(m_views.front());
}

void StudyViewer::setActiveView(SliceView *view)
{
    m_active = view;
    for (SliceView *v : m_views)
        v->setActive(v == view && m_views.size() > 1);
}

void StudyViewer::setTool(Tool tool)
{
    m_tool = tool;
    for (SliceView *v : m_views)
        v->setTool(tool);
    m_mpr->setTool(tool == Tool::WindowLevel || tool == Tool::Zoom || tool == Tool::Pan || tool == Tool::Crosshair ||
                           tool == Tool::Scroll
                       ? tool
                       : Tool::Crosshair);
}

void StudyViewer::applyPreset(const QString &name)
{
    SliceView *v = m_active;
    if (m_mode == Mode::Mpr)
        v = m_mpr->view(imaging::Orientation::Axial);
    if (name == tr("VOI LUT (file)")) {
        if (v)
            v->setUseVoiLut(true);
        return;
    }
    imaging::WindowLevel w;
    bool found = false;
    if (name == tr("Default (file)") && v && v->volume()) {
        if (m_mode != Mode::Mpr) {
            v->useFileWindow();   // the displayed image's own, slice by slice
            return;
        }
        // A plane has no file window of its own: it borrows the one of the
        // source slice under the crosshair (a series' slices may differ, the
        // MPRAGE's first says W22 L11, its middle W617 L277).
        const imaging::Volume &vol = *v->volume();
        const double k = vol.patientToVoxel(m_mpr->crosshair()).z;
        const int slice = std::isfinite(k) ? std::clamp(int(std::lround(k)), 0, vol.slices() - 1) : vol.slices() / 2;
        w = imaging::defaultWindow(vol, slice, v->currentImage());
        found = true;
    }
    for (const WindowPreset &p : windowPresets()) {
        if (p.name == name) {
            w = {p.center, p.width};
            found = true;
        }
    }
    if (!found)
        return;
    if (m_mode == Mode::Mpr)
        m_mpr->setWindow(w);
    else if (v)
        v->setWindow(w);
}

void StudyViewer::setMode(Mode mode)
{
    m_mode = mode;
    imaging::VolumePtr vol = m_active ? m_active->volume() : (m_volumes.isEmpty() ? nullptr : m_volumes.front());
    if (mode == Mode::Stack) {
        m_stack->setCurrentWidget(m_gridPage);
        return;
    }
    if (vol && (!vol->hasGeometry || vol->samplesPerPixel != 1 || vol->slices() < 2)) {
        m_error = tr("MPR and 3D need a grey volume of at least 2 slices with plane geometry; %1 has %2.")
                      .arg(vol->seriesDescription.isEmpty() ? tr("this series") : vol->seriesDescription)
                      .arg(vol->hasGeometry ? tr("%n slice(s)", nullptr, vol->slices()) : tr("no plane geometry"));
        Q_EMIT errorOccurred(m_error);
        m_mode = Mode::Stack;
        m_stack->setCurrentWidget(m_gridPage);
        return;
    }
    if (mode == Mode::Mpr) {
        if (m_mpr->volume() != vol)
            m_mpr->setVolume(vol);
        // The reader keeps the window they were reading with.
        if (m_active && m_active->volume() == vol && !m_active->isMpr())
            m_mpr->setWindow(m_active->window());
        m_stack->setCurrentWidget(m_mpr);
    } else {
        // 3D needs the whole volume: it is resampled once decoding is done.
        if (m_3d->volume() != vol) {
            if (vol->isComplete()) {
                m_3d->setVolume(vol);
            } else {
                m_pending3d = vol;
                m_progress.start();
            }
        }
        m_stack->setCurrentWidget(m_3dPage);
    }
}

void StudyViewer::openStudy(const QString &studyInstanceUid)
{
    m_studyUid = studyInstanceUid;
    archive::AuditRecord rec;
    rec.actor = m_user.isEmpty() ? currentUser() : m_user;
    rec.action = QStringLiteral("view");
    rec.studyUid = studyInstanceUid;
    rec.outcome = QStringLiteral("success");
    rec.detail = QStringLiteral("opened in the viewer");
    m_archive.auditLog().append(rec);
    archive::Archive *a = &m_archive;
    auto *watcher = new QFutureWatcher<StudyScan>(this);
    m_scans.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        onScanned(watcher->result(), false);
        m_scans.removeAll(watcher);
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([a, studyInstanceUid]() {
        auto files = a->instanceFiles(archive::Level::Study, studyInstanceUid);
        if (!files) {
            StudyScan r;
            r.scan.notDisplayable.append(files.error());
            return r;
        }
        return scanForReading(files.value());
    }));
    reloadAnnotations();
}

void StudyViewer::addComparisonStudy(const QString &studyInstanceUid)
{
    archive::Archive *a = &m_archive;
    auto *watcher = new QFutureWatcher<StudyScan>(this);
    m_scans.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        onScanned(watcher->result(), true);
        m_scans.removeAll(watcher);
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([a, studyInstanceUid]() {
        auto files = a->instanceFiles(archive::Level::Study, studyInstanceUid);
        return files ? scanForReading(files.value()) : StudyScan{};
    }));
}

void StudyViewer::openFiles(const QStringList &files)
{
    startScan(files, false);
}

void StudyViewer::showVolume(int index, SliceView *view)
{
    if (index < 0) {
        showDocument(-1 - index, view);   // strip keys of documents are negative
        return;
    }
    if (index >= m_volumes.size())
        return;
    if (!view)
        view = m_active ? m_active : (m_views.isEmpty() ? nullptr : m_views.front());
    if (!view)
        return;
    const imaging::VolumePtr &v = m_volumes[index];
    view->setVolume(v, 0);
    view->setPatientOrientation(m_patientOrientation.value(v.get()));
    view->setSegmentations(m_segmentations.value(v.get()));
    view->setShowSegmentations(m_showSegmentations);
    view->setMeasurements(m_measurements);
    setActiveView(view);
    if (m_mode != Mode::Stack)
        setMode(m_mode);
}

void StudyViewer::syncFrom(SliceView *from, const imaging::Vec3 &p)
{
    if (!m_sync || m_syncing || !from->volume() || !from->volume()->hasGeometry)
        return;
    m_syncing = true;
    const QString forUid = from->volume()->frameOfReferenceUid;
    for (SliceView *v : m_views) {
        if (v == from || !v->volume() || !v->volume()->hasGeometry || forUid.isEmpty())
            continue;
        if (v->volume()->frameOfReferenceUid == forUid)
            v->showPosition(p);
    }
    m_syncing = false;
}

void StudyViewer::reloadAnnotations()
{
    if (m_studyUid.isEmpty())
        return;
    auto ms = m_annotations->measurements(m_studyUid);
    m_measurements = ms ? ms.value() : QList<archive::Measurement>();
    auto ks = m_annotations->keyImages(m_studyUid);
    m_keyImages = ks ? ks.value() : QList<archive::KeyImage>();
    for (SliceView *v : m_views)
        v->setMeasurements(m_measurements);
    updateMeasurementList();
}

void StudyViewer::updateMeasurementList()
{
    m_measurementList->clear();
    for (const archive::KeyImage &k : m_keyImages) {
        auto *item = new QListWidgetItem(QStringLiteral("★ key image (frame %1, W %2 L %3)").arg(k.frame + 1).arg(k.windowWidth).arg(k.windowCenter),
                                         m_measurementList);
        item->setData(Qt::UserRole + 1, k.sopUid);
        item->setData(Qt::UserRole + 2, k.frame);
    }
    for (const archive::Measurement &m : m_measurements) {
        auto *item = new QListWidgetItem(QStringLiteral("%1: %2").arg(m.kind, m.valueText), m_measurementList);
        item->setData(Qt::UserRole, m.id);
        item->setData(Qt::UserRole + 1, m.sopUid);
        item->setData(Qt::UserRole + 2, m.frame);
    }
}

QList<archive::Measurement> StudyViewer::measurements() const
{
    return m_measurements;
}

QList<archive::KeyImage> StudyViewer::keyImages() const
{
    return m_keyImages;
}

void StudyViewer::removeMeasurement(qint64 id)
{
    m_annotations->removeMeasurement(id);
    reloadAnnotations();
    Q_EMIT measurementsChanged();
}

void StudyViewer::toggleKeyImage()
{
    if (!m_active || !m_active->volume() || m_active->currentSopUid().isEmpty())
        return;
    const QString sop = m_active->currentSopUid();
    const int frame = m_active->currentFrame();
    bool flagged = false;
    for (const archive::KeyImage &k : m_keyImages)
        flagged = flagged || (k.sopUid == sop && k.frame == frame);
    if (flagged) {
        m_annotations->removeKeyImage(sop, frame);
    } else {
        archive::KeyImage k;
        k.studyUid = m_active->volume()->studyUid;
        k.seriesUid = m_active->volume()->seriesUid;
        k.sopUid = sop;
        k.frame = frame;
        k.windowCenter = m_active->window().center;
        k.windowWidth = m_active->window().width;
        m_annotations->setKeyImage(k);
    }
    reloadAnnotations();
    Q_EMIT keyImagesChanged();
}

} // namespace kilima::viewer
