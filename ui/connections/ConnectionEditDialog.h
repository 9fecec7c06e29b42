#pragma once

#include "services/ConnectionRow.h"

#include <QDialog>

class QDialogButtonBox;

namespace ReleaseDeck {

class BusyIndicator;
class ConnectionBackend;
class ConnectionPage;
class ConnectionStep;
class FieldMessage;

// Add or Edit one connection: the matching wizard page alone, then Save. Save is enabled
// once the page is complete and verified, like Next in the wizard.
class ConnectionEditDialog : public QDialog
{
    Q_OBJECT

public:
    // existing: the connection to edit, or one with id 0 to add a connection of its category.
    ConnectionEditDialog(ConnectionBackend& backend, qint64 workspaceId, const Connection& existing,
                         QWidget* parent = nullptr);

    ConnectionStep& step() const { return *m_step; }
    // The saved row, once accepted.
    ConnectionRow saved() const { return m_saved; }

private:
    void save();
    void render();

    ConnectionBackend& m_backend;
    qint64 m_workspaceId;
    ConnectionStep* m_step;
    ConnectionPage* m_page;
    QDialogButtonBox* m_buttons;
    BusyIndicator* m_busy;
    FieldMessage* m_error;
    bool m_saving = false;
    ConnectionRow m_saved;
};

} // namespace ReleaseDeck
