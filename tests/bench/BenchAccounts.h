#pragma once

#include <QString>

// Writes an accounts.json with `count` b2b-api accounts, each with a valid access token (10 to 60 minutes
// left) and refresh token: what a user with that many accounts has on disk. Secrets are not involved:
// start-up reads none. Returns false if the file could not be written.
bool writeBenchAccounts(const QString &path, int count);
