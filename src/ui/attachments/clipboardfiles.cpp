#include "clipboardfiles.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QMimeData>
#include <QtCore/QSaveFile>
#include <QtGui/QImage>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ClipboardFiles", text);
}

} // namespace

QString clipboardfiles::imageFileName(const QDateTime &time)
{
    return u"pasted-image-"_s + time.toString(u"yyyyMMdd-HHmmss"_s) + u".png"_s;
}

QString clipboardfiles::writeImage(const QImage &image, const QString &folder, const QDateTime &time, QString *errorMessage)
{
    if (image.isNull()) {
        *errorMessage = tr("The clipboard image is empty. Copy the image again, then paste it.");
        return QString();
    }

    // Two pastes within one second get "-2", "-3", ... so neither file is overwritten.
    const QDir directory(folder);
    const QString name = imageFileName(time);
    QString path = directory.filePath(name);
    for (int number = 2; QFileInfo::exists(path); ++number)
        path = directory.filePath(name.chopped(4) + u'-' + QString::number(number) + u".png"_s);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        *errorMessage = tr("Cannot write the pasted image to \"%1\": %2. Free some disk space, then paste again.")
                            .arg(QDir::toNativeSeparators(path), file.errorString());
        return QString();
    }
    return path;
}

bool clipboardfiles::hasAttachableContent(const QMimeData *data)
{
    return data && (data->hasUrls() || data->hasImage());
}

QList<QUrl> clipboardfiles::attachableUrls(const QMimeData *data, const QString &folder, QString *errorMessage)
{
    if (data && data->hasUrls())
        return data->urls();

    if (data && data->hasImage()) {
        const QImage image = qvariant_cast<QImage>(data->imageData());
        const QString path = writeImage(image, folder, QDateTime::currentDateTime(), errorMessage);
        return path.isEmpty() ? QList<QUrl>() : QList<QUrl>{QUrl::fromLocalFile(path)};
    }

    *errorMessage = tr("There are no files or image to attach. Copy files in a file manager, or an image, then paste again.");
    return {};
}
