#pragma once

#include "httpmessage.h"

#include <QFile>

namespace snowemu {

//! A body read from a file piece by piece while the socket drains.
class FileBody : public BodySource
{
public:
    explicit FileBody(const QString &path);

    //! Serves the first byte inverted (the corruptAttachments fault).
    void setCorruptFirstByte(bool corrupt) { m_corruptFirstByte = corrupt; }

    bool isOpen() const { return m_file.isOpen(); }
    QByteArray read(qint64 suggestedBytes) override;
    qint64 size() const override { return m_size; }

private:
    QFile m_file;
    qint64 m_size = 0;
    bool m_corruptFirstByte = false;
};

} // namespace snowemu
