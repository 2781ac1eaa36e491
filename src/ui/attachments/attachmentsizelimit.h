#pragma once

#include <snow/error.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace snow {
class Client;
class Response;
}

/// The largest attachment an instance accepts: the system property
/// `com.glide.attachment.max_size`, in megabytes (MiB), read from `sys_properties`
/// through the Table API.
///
/// When the property is absent, or cannot be read (the user may lack read access to
/// `sys_properties`), the limit is ServiceNow's default of 1024 MB; the instance still
/// enforces its real limit on upload. load() reads the property once. loaded() follows
/// once per load() that starts a request, unless setMaxBytes() comes first. Lives in
/// the GUI thread; the Client must outlive it.
class AttachmentSizeLimit : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 DefaultMegabytes = 1024;
    static constexpr qint64 BytesPerMegabyte = 1024 * 1024;
    static inline const QString PropertyName = QStringLiteral("com.glide.attachment.max_size");

    explicit AttachmentSizeLimit(snow::Client *client, QObject *parent = nullptr);
    ~AttachmentSizeLimit() override;

    /// Starts reading the property, unless it is loaded or loading.
    void load();
    bool isLoaded() const { return m_loaded; }
    bool isLoading() const { return m_response != nullptr; }

    /// The limit in bytes; the default until loaded.
    qint64 maxBytes() const { return m_maxBytes; }
    /// Sets the limit without asking the instance, and marks it loaded.
    void setMaxBytes(qint64 bytes);
    /// The error of the last read, when it failed and the default applies.
    snow::Error lastError() const { return m_lastError; }

    /// Returns the message for a file over the limit, which names the file, its size
    /// and the limit. Returns an empty string when @p fileBytes is within @p maxBytes.
    static QString checkFile(const QString &fileName, qint64 fileBytes, qint64 maxBytes);

Q_SIGNALS:
    void loaded(qint64 maxBytes);

private:
    void takeResponse();

    snow::Client *m_client;
    QPointer<snow::Response> m_response;
    qint64 m_maxBytes = DefaultMegabytes * BytesPerMegabyte;
    bool m_loaded = false;
    snow::Error m_lastError;
};
