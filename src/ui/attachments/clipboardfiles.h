#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUrl>

class QImage;
class QMimeData;

/// Turning clipboard and drop contents into files to attach.
namespace clipboardfiles {

/// Returns "pasted-image-YYYYMMDD-HHMMSS.png" for @p time.
QString imageFileName(const QDateTime &time);

/// Writes @p image as PNG into @p folder, named imageFileName(@p time), or with "-2",
/// "-3", ... before ".png" when that name is taken. Returns the path, or an empty
/// string with @p errorMessage set when the file cannot be written.
QString writeImage(const QImage &image, const QString &folder, const QDateTime &time, QString *errorMessage);

/// True when @p data contains something attachableUrls() can attach: URLs or an image.
bool hasAttachableContent(const QMimeData *data);

/// Returns the URLs of @p data (`text/uri-list`), or writes its image to @p folder
/// and returns that file's URL. Returns an empty list, with @p errorMessage set, when
/// @p data has neither or the image cannot be written.
QList<QUrl> attachableUrls(const QMimeData *data, const QString &folder, QString *errorMessage);

} // namespace clipboardfiles
