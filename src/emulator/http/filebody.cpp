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
    return m_file.read(suggestedBytes);
}

} // namespace snowemu
