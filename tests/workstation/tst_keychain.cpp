// Secrets go to the real system keychain (gnome-keyring's Secret Service
// on a private D-Bus session, see CMakeLists.txt), never to the
// configuration file: the settings dialog stores the TLS key passphrase,
// and the workstation reads it back from a worker thread as query/retrieve
// does for DICOMweb passwords.
#include "settingsdialog.h"

#include <kilima/archive/archive.h>

#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace kilima;

class TestKeychain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void passphraseGoesToTheKeychainNotTheFile()
    {
        QTemporaryDir tmp;
        QCoreApplication::setOrganizationName(QStringLiteral("KilimaTest"));
        qputenv("XDG_CONFIG_HOME", tmp.filePath(QStringLiteral("xdg")).toUtf8());
        auto opened = archive::Archive::open(core::DataDir(tmp.filePath(QStringLiteral("data"))), {});
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        std::shared_ptr<archive::Archive> archive(opened.take());
        const QString configFile = tmp.filePath(QStringLiteral("data/kilima.json"));

        QWidget parent;
        auto *dialog = new workstation::SettingsDialog(archive, core::Config{}, configFile, &parent);
        auto *passphrase = dialog->findChild<QLineEdit *>(QStringLiteral("keyPassphrase"));
        QVERIFY(passphrase);
        const QString secret = QStringLiteral("tr0ub4dor&3-kilima");
        QTest::keyClicks(passphrase, secret);
        dialog->accept();

        QFile f(configFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(secret.toUtf8()));

        // Read on a worker thread while this thread serves its event loop
        // (the write above finishes there).
        auto readOnWorker = [](const QString &k) {
            QFuture<QString> f = QtConcurrent::run([k] { return workstation::SettingsDialog::keychainPassword(k); });
            const bool finished = QTest::qWaitFor([&f] { return f.isFinished(); }, 15000);
            return finished ? f.result() : QStringLiteral("<timeout>");
        };
        const QString key = QStringLiteral("tls-key-passphrase:") + QDir::cleanPath(configFile);
        QString read;
        QTRY_VERIFY_WITH_TIMEOUT((read = readOnWorker(key)) == secret, 20000);
        QCOMPARE(readOnWorker(QStringLiteral("absent")), QString());
    }
};

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
