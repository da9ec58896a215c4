// The toolkit's floor for start-up, memory and idle: a bare Qt program showing an empty QMainWindow with
// a QTableView, nothing else. Links Qt Widgets only. Same output as bench_window (see WindowProbe.h).
//
//   bench_floor_window [--idle SECONDS]
#include "WindowProbe.h"

#include <QApplication>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTableView>

int main(int argc, char **argv) {
    const qint64 mainNs = BenchProbe::monotonicNs();
    QApplication app(argc, argv);
    const double idle = idleSecondsFromArguments(QCoreApplication::arguments());

    QMainWindow window;
    QStandardItemModel model(0, 7); // as many columns as TokenDesk's table, no rows
    auto *table = new QTableView;
    table->setModel(&model);
    window.setCentralWidget(table);
    window.resize(1280, 640); // TokenDesk's default size
    return runWindowProbe(&window, mainNs, idle);
}
