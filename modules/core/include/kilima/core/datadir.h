// The data directory: where the index, the storage area, the configuration
// and logs live. Chosen by --data-dir, else $KILIMA_DATA_DIR, else the XDG
// data location ($XDG_DATA_HOME/kilima, normally ~/.local/share/kilima).
#pragma once

#include <kilima/core/result.h>

#include <QString>

namespace kilima::core {

class DataDir {
public:
    explicit DataDir(QString root);

    // `explicitPath` is the --data-dir value (empty when not given).
    static QString resolve(const QString &explicitPath);
    static QString defaultLocation();

    // Creates the directory tree (mode 0700: it holds patient data).
    Status ensure() const;

    QString root() const { return m_root; }
    QString configFile() const;
    QString indexFile() const;
    QString storageDir() const;
    QString tempDir() const;

private:
    QString m_root;
};

} // namespace kilima::core
