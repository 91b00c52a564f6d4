#include <kilima/cloud/setup.h>

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCloud)

namespace kilima::cloud {

core::Result<std::shared_ptr<CloudTier>> openConfiguredTier(archive::Archive &archive)
{
    const core::Config::Cloud &config = archive.config().cloud;
    if (!config.configured())
        return core::Error{QStringLiteral("no cloud tier configured: run `kilima-node cloud configure --endpoint URL --bucket NAME`")};
    const FileCredentialStore store(FileCredentialStore::defaultPath(archive.dataDir().root()));
    auto key = resolveCredentials(store);
    if (!key)
        return core::Error{key.error()};
    return CloudTier::open(archive, config, key.value());
}

void installRecallProviderFactory()
{
    archive::Archive::setRecallProviderFactory([](archive::Archive &archive) -> std::shared_ptr<archive::RecallProvider> {
        if (!archive.config().cloud.configured())
            return nullptr;
        auto tier = openConfiguredTier(archive);
        if (!tier) {
            qCWarning(lcCloud).noquote() << "evicted files cannot be recalled:" << tier.error();
            return nullptr;
        }
        return tier.value();
    });
}

} // namespace kilima::cloud
