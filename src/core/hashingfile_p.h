#pragma once

// A read-only file device that computes the SHA-256 of every byte read from it, so an
// upload is hashed while it streams instead of in a second pass over the file.

#include <QtCore/QCryptographicHash>
#include <QtCore/QFile>
#include <QtCore/QIODevice>

#include <memory>

namespace snow {

/// The hash of the bytes an upload sent, shared between the device of the current
/// attempt and the check made after the upload.
struct UploadDigest
{
    QCryptographicHash hash{QCryptographicHash::Sha256};
    qint64 bytes = 0;

    void reset()
    {
        hash.reset();
        bytes = 0;
    }
};

class HashingFile : public QIODevice
{
public:
    HashingFile(const QString &path, std::shared_ptr<UploadDigest> digest)
        : m_file(path)
        , m_digest(std::move(digest))
    {
    }

    bool open(OpenMode mode) override
    {
        if (mode != QIODevice::ReadOnly || !m_file.open(QIODevice::ReadOnly))
            return false;
        m_digest->reset();
        return QIODevice::open(mode);
    }

    void close() override
    {
        m_file.close();
        QIODevice::close();
    }

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_file.size(); }

    // Qt may rewind the body to send it again after a redirect or an authentication
    // challenge. The hash then starts over with the bytes sent anew.
    bool seek(qint64 position) override
    {
        if (position != 0 || !m_file.seek(0))
            return false;
        m_digest->reset();
        return QIODevice::seek(0);
    }

    QString errorText() const { return m_file.errorString(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = m_file.read(data, maxSize);
        if (count > 0) {
            m_digest->hash.addData(QByteArrayView(data, count));
            m_digest->bytes += count;
        }
        return count;
    }

    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    std::shared_ptr<UploadDigest> m_digest;
};

} // namespace snow
