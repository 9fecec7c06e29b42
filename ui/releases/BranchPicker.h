#pragma once

#include "Result.h"
#include "backend/ChoicePage.h"

#include <QWidget>

class QComboBox;

namespace ReleaseDeck {

class BusyIndicator;
class FieldMessage;

// The base branch of a new release: an editable combo box that offers the source control's
// branches (with completion) once they arrive, busy while they load. A list that could not
// be read says why in a sentence; a typed branch name works either way.
class BranchPicker : public QWidget
{
    Q_OBJECT

public:
    explicit BranchPicker(QWidget* parent = nullptr);

    QString branch() const;
    void setBranch(const QString& branch);
    void setLoading();
    void setBranches(const Result<ChoicePage>& branches);
    bool loading() const { return m_loading; }
    QComboBox* comboBox() const { return m_combo; }

signals:
    void branchChanged();

private:
    QComboBox* m_combo;
    BusyIndicator* m_busy;
    FieldMessage* m_note;
    bool m_loading = false;
};

} // namespace ReleaseDeck
