// Wiring the cloud tier to an archive from its configuration: the tier of
// archive.config().cloud with the credentials of its data directory (or the
// AWS environment variables), and the factory that gives every archive an
// executable opens its recall provider.
#pragma once

#include <kilima/cloud/cloudtier.h>
#include <kilima/cloud/credentials.h>

namespace kilima::cloud {

core::Result<std::shared_ptr<CloudTier>> openConfiguredTier(archive::Archive &archive);

// After this, Archive::open() registers a CloudTier as the recall provider
// of each archive whose configuration has a cloud tier (and credentials).
void installRecallProviderFactory();

} // namespace kilima::cloud
