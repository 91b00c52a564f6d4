// Test helper: types a known text into a draft's findings, one character
// every few milliseconds, through the same Autosaver/DraftJournal path as
// the report panel. Prints "saved N" (N characters journalled) after each
// autosave, so the crash test knows what must survive a SIGKILL.
// usage: reporting_draft_typist JOURNAL_DIR STUDY_UID TEXT_LENGTH
#include <kilima/reporting/draftjournal.h>

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

using namespace kilima::reporting;

QString typedText(int n)
{
    static const QString words = QStringLiteral("The quick brown fox jumps over the lazy dog; Пётр видел узел 7 мм. ");
    QString s;
    while (s.size() < n)
        s += words;
    return s.left(n);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 4)
        return 2;
    DraftJournal journal(QString::fromLocal8Bit(argv[1]));
    Report report;
    report.studyUid = QString::fromLocal8Bit(argv[2]);
    const QString text = typedText(QByteArray(argv[3]).toInt());
    int typed = 0;
    Autosaver saver(&journal, [&] { return report; }, nullptr, 1000, 300);
    QObject::connect(&saver, &Autosaver::saved, [&] {
        std::printf("saved %d\n", int(report.section(QStringLiteral("findings")).text.size()));
        std::fflush(stdout);
    });
    QTimer keys;
    keys.setInterval(15);
    QObject::connect(&keys, &QTimer::timeout, [&] {
        if (typed >= text.size()) {
            keys.stop();
            return;
        }
        report.section(QStringLiteral("findings")).text += text.at(typed++);
        saver.changed();
    });
    keys.start();
    return app.exec();
}
