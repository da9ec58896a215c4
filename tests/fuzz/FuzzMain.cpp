// Linked into every libFuzzer executable (not into the regression test): silences Qt's logging, which
// the code under test uses for warnings about odd answers and which would otherwise slow the run down
// and flood its output. Fatal messages still reach stderr.
#include <QString>
#include <QtGlobal>

#include <cstdio>

namespace {
void quietHandler(QtMsgType type, const QMessageLogContext &, const QString &message) {
    if (type == QtFatalMsg)
        std::fprintf(stderr, "qFatal: %s\n", qUtf8Printable(message));
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    qInstallMessageHandler(quietHandler);
    return 0;
}
