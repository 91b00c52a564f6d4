// The reading window for one study (plus priors): series thumbnails strip,
// a grid of 2D viewports (1x1, 1x2, 2x2, custom), MPR with three linked
// planes, 3D volume rendering, measurement tools, key images. Files are
// scanned and decoded on worker threads; the UI thread never waits on disk
// or decoding (the first image shows before the whole volume is decoded).
// Measurements and key images persist through archive::Annotations.
#pragma once

#include <kilima/archive/annotations.h>
#include <kilima/imaging/seriesloader.h>
#include <kilima/viewer/sliceview.h>

#include <QFutureWatcher>
#include <QHash>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>
#include <memory>

class QListWidget;
class QListWidgetItem;
class QStackedWidget;
class QGridLayout;
class QLabel;
class QComboBox;
class QToolBar;
class QActionGroup;

namespace kilima::archive {
class Archive;
}

namespace kilima::viewer {

class MprView;
struct StudyScan;
class VolumeView;

struct WindowPreset {
    QString name;
    QString modality;   // "" = any
    double center = 0, width = 0;
    QString shortcut;   // "1".."9"
};
// The window/level presets shipped in resources/presets/window.json.
QList<WindowPreset> windowPresets();

class StudyViewer : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Stack, Mpr, Volume3D };

    explicit StudyViewer(archive::Archive &archive, QWidget *parent = nullptr);
    ~StudyViewer() override;

    // Loads the study on worker threads, never on the UI thread; returns at once.
    void openStudy(const QString &studyInstanceUid);
    // Adds a prior (or any other) study's series to the strip for comparison.
    void addComparisonStudy(const QString &studyInstanceUid);
    // Opens loose files (command line, tests); no archive lookup.
    void openFiles(const QStringList &files);
    QString studyInstanceUid() const { return m_studyUid; }

    // After studyLoaded(): the displayable volumes and what could not be shown.
    QList<imaging::VolumePtr> volumes() const { return m_volumes; }
    QStringList notDisplayable() const { return m_notDisplayable; }
    // Objects without pixel data (SR, KOS, PR, PDF...), shown as text pages.
    QList<dicom::ObjectSummary> documents() const { return m_documents; }
    void showDocument(int index, SliceView *view = nullptr);
    // SEG overlays on the series they segment (toolbar "Segmentation", G).
    void setShowSegmentations(bool on);
    bool showSegmentations() const { return m_showSegmentations; }
    QString lastError() const { return m_error; }

    void setGridLayout(int rows, int columns);
    int gridRows() const { return m_rows; }
    int gridColumns() const { return m_columns; }
    QList<SliceView *> views() const { return m_views; }
    SliceView *activeView() const { return m_active; }
    void showVolume(int index, SliceView *view = nullptr);

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    MprView *mprView() const { return m_mpr; }
    VolumeView *volumeView() const { return m_3d; }

    void setTool(Tool tool);
    void applyPreset(const QString &name);
    void setSynchronizedScrolling(bool on) { m_sync = on; }

    // Measurements/key images of the open study (from the archive).
    QList<archive::Measurement> measurements() const;
    QList<archive::KeyImage> keyImages() const;
    // Flags/unflags the active view's current image as a key image.
    void toggleKeyImage();
    void removeMeasurement(qint64 id);

    void setHelpVisible(bool on);
    bool helpVisible() const;
    // Rows (keys, what they do) appended to the F1 help, e.g. the
    // workstation's own shortcuts.
    void addHelpRows(const QList<QPair<QString, QString>> &rows);
    // The signed-in person, recorded with measurements and in the audit log.
    void setUser(const QString &user) { m_user = user; }

Q_SIGNALS:
    void studyLoaded();
    void volumeComplete(int index);
    void measurementsChanged();
    void keyImagesChanged();
    void errorOccurred(const QString &message);

private:
    void buildUi();
    void buildActions();
    void startScan(const QStringList &files, bool append);
    void onScanned(const StudyScan &scan, bool append);
    void pollProgress();
    void setActiveView(SliceView *view);
    void updateThumbnail(int index);
    void reloadAnnotations();
    void syncFrom(SliceView *view, const imaging::Vec3 &p);
    void updateMeasurementList();

    archive::Archive &m_archive;
    std::unique_ptr<archive::Annotations> m_annotations;
    QString m_studyUid;
    QString m_error;
    QList<imaging::VolumePtr> m_volumes;
    imaging::VolumePtr m_pending3d;
    QList<int> m_completeSeen;
    QStringList m_notDisplayable;
    QThreadPool m_pool;
    QList<QFutureWatcher<StudyScan> *> m_scans;
    QList<dicom::ObjectSummary> m_documents;
    QHash<const imaging::Volume *, QStringList> m_patientOrientation;
    QHash<const imaging::Volume *, QList<SegmentationOverlay>> m_segmentations;
    bool m_showSegmentations = true;
    QTimer m_progress;

    QToolBar *m_toolbar = nullptr;
    QListWidget *m_strip = nullptr;
    QListWidget *m_measurementList = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_gridPage = nullptr;
    QGridLayout *m_grid = nullptr;
    MprView *m_mpr = nullptr;
    VolumeView *m_3d = nullptr;
    QWidget *m_3dPage = nullptr;
    QLabel *m_help = nullptr;
    QComboBox *m_presetBox = nullptr;
    QList<SliceView *> m_views;
    SliceView *m_active = nullptr;
    int m_rows = 1, m_columns = 1;
    Mode m_mode = Mode::Stack;
    Tool m_tool = Tool::WindowLevel;
    bool m_sync = true;
    bool m_syncing = false;
    QList<archive::Measurement> m_measurements;
    QList<archive::KeyImage> m_keyImages;
    QList<QPair<QString, QString>> m_helpRows;
    QString m_user;
};

} // namespace kilima::viewer
