// The study browser: filters over the local archive's study list (patient
// name or ID as you type, study date preset, modality), the paged table and
// a status line with the number of matches. Filters go to the model, which
// queries on worker threads; this widget never queries the archive itself.
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
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
    QComboBox *statusCombo() const { return m_reading; }
    QCheckBox *myWorklistBox() const { return m_mine; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    // The date combo's item data for the explicit range.
    static constexpr int RangeItem = 100;

    // Studies assigned to the model's user, STAT first.
    void setMyWorklist(bool on);
    QTableView *view() const { return m_view; }
    QString statusText() const;

    // The modalities offered besides "any"; data, so sites can extend it.
    static QStringList modalities();

Q_SIGNALS:
    // Double-click or Enter on a study (opens it in the viewer, later).
    void studyActivated(const QString &studyInstanceUid);

private:
    void applyText();
    void applyRange();
    void restoreSelection();
    void updateStatus();

    StudyListModel *m_model;
    QLineEdit *m_filter;
    QComboBox *m_date;
    QComboBox *m_modality;
    QComboBox *m_reading;
    QCheckBox *m_mine;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTableView *m_view;
    QLabel *m_status;
    QTimer *m_typing;
    QStringList m_keepSelected;
    QString m_keepCurrent;
};

} // namespace kilima::browser
