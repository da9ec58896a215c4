#include "TokenSet.h"
#include "Hardening.h"

namespace {
void wipeBytes(QByteArray &bytes)
{
    Hardening::wipe(bytes); // zeroes only a buffer no other copy still uses
}
} // namespace

void TokenSet::wipe()
{
    wipeBytes(accessToken);
    wipeBytes(refreshToken);
}
