#include "TokenSet.h"

namespace {
void wipeBytes(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached())
        bytes.detach(); // never scribble over a buffer another copy still uses
    bytes.fill('\0');
    bytes.clear();
}
} // namespace

void TokenSet::wipe()
{
    wipeBytes(accessToken);
    wipeBytes(refreshToken);
}
