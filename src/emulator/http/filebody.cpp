#include "filebody.h"

namespace snowemu {

FileBody::FileBody(const QString &path)
    : m_file(path)
{
    if (m_file.open(QIODevice::ReadOnly))
        m_size = m_file.size();
}

QByteArray FileBody::read(qint64 suggestedBytes)
{
    if (!m_file.isOpen())
        return {};
    const bool atStart = m_file.pos() == 0;
    QByteArray chunk = m_file.read(suggestedBytes);
    if (atStart && m_corruptFirstByte && !chunk.isEmpty())
        chunk[0] = char(~chunk[0]);
    return chunk;
}

} // namespace snowemu
