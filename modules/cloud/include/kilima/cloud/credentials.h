// Where the cloud tier's access key comes from. Never from the
// configuration file and never into a log: the standard AWS environment
// variables, else a CredentialStore (a 0600 file in the data directory for
// kilima-node; the workstation backs this interface with its keychain).
#pragma once

#include <kilima/cloud/sigv4.h>
#include <kilima/core/result.h>

#include <QString>

namespace kilima::cloud {

class CredentialStore {
public:
    virtual ~CredentialStore() = default;
    virtual core::Result<SigningKey> load() const = 0;
    virtual core::Status save(const SigningKey &key) = 0;
    virtual QString describe() const = 0;   // for messages: where the key is kept
};

// <data-dir>/cloud-credentials: two lines (key ID, secret), mode 0600,
// written atomically; refused on load when readable by others.
class FileCredentialStore : public CredentialStore {
public:
    explicit FileCredentialStore(QString path) : m_path(std::move(path)) {}
    static QString defaultPath(const QString &dataDir);
    core::Result<SigningKey> load() const override;
    core::Status save(const SigningKey &key) override;
    QString describe() const override { return m_path; }

private:
    QString m_path;
};

// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN) when both
// are set, else `store`.
core::Result<SigningKey> resolveCredentials(const CredentialStore &store);

} // namespace kilima::cloud
