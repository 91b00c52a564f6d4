// The study browser: filters over the local archive's study list (patient
// name or ID as you type, study date preset, modality), the paged table and
// a status line with the number of matches. Filters go to the model, which
// queries on worker threads; this widget never queries the archive itself.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace kilima::browser {

class StudyListModel;

class StudyBrowser : public QWidget {
    Q_OBJECT

public:
    // Typing is applied after this pause, so a fast typist costs one query.
    static constexpr int TypingDelayMs = 250;

    // Does not take ownership of `model`.
    explicit StudyBrowser(StudyListModel *model, QWidget *parent = nullptr);

    StudyListModel *model() const { return m_model; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *dateCombo() const { return m_date; }
    QComboBox *modalityCombo() const { return m_modality; }
    QTableView *view() const { return m_view; }
    QString statusText() const;

    // The modalities offered besides "any"; data, so sites can extend it.
    static QStringList modalities();

Q_SIGNALS:
    // Double-click or Enter on a study (opens it in the viewer, later).
    void studyActivated(const QString &studyInstanceUid);

private:
    void applyText();
    void updateStatus();

    StudyListModel *m_model;
    QLineEdit *m_filter;
    QComboBox *m_date;
    QComboBox *m_modality;
    QTableView *m_view;
    QLabel *m_status;
    QTimer *m_typing;
};

} // namespace kilima::browser
