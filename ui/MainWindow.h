#pragma once

#include <QMainWindow>
#include <QPointer>

class QAbstractItemModel;
class QLabel;
class QStackedWidget;
class QStandardItemModel;
class QTableView;

// The main window: the account table, or an empty-state hint while there are no accounts.
// Minimal for now; the account model, actions and panels are wired in by the composition root later.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class Mode { Normal, Demo };

    explicit MainWindow(Mode mode, QWidget *parent = nullptr);

    // The window does not take ownership; the model must outlive the window or be parented to it.
    void setAccountModel(QAbstractItemModel *model);

private:
    void updateEmptyState();

    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QStandardItemModel *m_placeholderModel = nullptr;
    QPointer<QAbstractItemModel> m_model;
};
