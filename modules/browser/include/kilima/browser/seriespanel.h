// The series of the selected study with a thumbnail each (the middle image,
// decoded and windowed on a worker thread). Double-click or Enter opens the
// study. Never reads files on the UI thread.
#pragma once

#include <QListWidget>
#include <QThreadPool>

#include <memory>

namespace kilima::archive {
class Archive;
}

namespace kilima::browser {

class SeriesPanel : public QListWidget {
    Q_OBJECT

public:
    static constexpr int ThumbnailSize = 96;

    SeriesPanel(std::shared_ptr<archive::Archive> archive, QWidget *parent = nullptr);
    ~SeriesPanel() override;

    QString studyUid() const { return m_studyUid; }
    // Loads the series of `studyUid` (empty clears).
    void showStudy(const QString &studyUid);
    bool isLoading() const { return m_pending > 0; }

Q_SIGNALS:
    void seriesActivated(const QString &studyUid, const QString &seriesUid);
    void loaded();

private:
    std::shared_ptr<archive::Archive> m_archive;
    QString m_studyUid;
    int m_generation = 0;
    int m_pending = 0;
    QThreadPool m_pool;
};

} // namespace kilima::browser
