#include "snow/jsonstreamreader.h"

#include "record_p.h"
#include "utf8_p.h"

#include <cstring>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;

namespace snow {

namespace {

// The tokens the grammar allows next, outside of a string, number or literal.
enum class Expect : quint8 {
    DocumentStart,
    Value,
    FirstKeyOrObjectEnd,
    Key,
    Colon,
    CommaOrObjectEnd,
    FirstValueOrArrayEnd,
    CommaOrArrayEnd,
    DocumentEnd,
};

// The token being read when a chunk may end inside it.
enum class Lexeme : quint8 { None, String, Number, Literal, ByteOrderMark };

// What a container means to the reader; decides where its contents go.
enum class Role : quint8 {
    Document,    // the top-level object
    ResultArray, // "result": [ ... ]
    Record,      // one object of result
    FieldObject, // {"value", "display_value", "link"} inside a record
    ErrorObject, // "error": { ... }
    Capture,     // a nested value inside a record field, kept as JSON text
    Skip,        // anything else: validated, not kept
};

// The destination of the bytes of the string being read.
enum class Sink : quint8 { Discard, Key, RecordText, ErrorMessage, ErrorDetail };

// The meaning of the last key read, for the frame that owns it.
enum class Member : quint8 {
    Other,
    Result,
    Error,
    ErrorDescription,
    Message,
    Detail,
    Value,
    DisplayValue,
    Link,
    IgnoredComponent, // display_value_internal: known, not kept
};

enum class Escape : quint8 { None, Start, Hex, LowSurrogateBackslash, LowSurrogateU };

// A growable byte buffer with an inline append, for the reader's hot path. Unlike
// QByteArray it skips detach and null-termination checks on every append.
class TextBuffer
{
public:
    void append(const char *data, qsizetype count)
    {
        if (count <= 0)
            return; // also keeps memcpy away from a buffer not yet allocated
        if (m_size + count > m_capacity)
            grow(m_size + count);
        std::memcpy(m_data.get() + m_size, data, size_t(count));
        m_size += count;
    }
    void append(QByteArrayView bytes) { append(bytes.data(), bytes.size()); }

    qsizetype size() const { return m_size; }
    const char *constData() const { return m_data.get(); }
    QByteArrayView view() const { return QByteArrayView(m_data.get(), m_size); }
    void clear() { m_size = 0; }
    void truncate(qsizetype size) { m_size = std::min(m_size, size); }

private:
    void grow(qsizetype needed)
    {
        const qsizetype capacity = std::max<qsizetype>(needed, std::max<qsizetype>(256, m_capacity * 2));
        auto data = std::make_unique<char[]>(size_t(capacity));
        if (m_size > 0)
            std::memcpy(data.get(), m_data.get(), size_t(m_size));
        m_data = std::move(data);
        m_capacity = capacity;
    }

    std::unique_ptr<char[]> m_data;
    qsizetype m_size = 0;
    qsizetype m_capacity = 0;
};

struct Frame
{
    Role role;
    bool isObject;
};

constexpr char32_t ReplacementCharacter = 0xFFFD;

bool isWhitespace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

QString describeByte(char c)
{
    const auto byte = uchar(c);
    if (byte >= 0x20 && byte < 0x7F)
        return u"'%1'"_s.arg(QChar(char16_t(byte)));
    return u"byte 0x%1"_s.arg(byte, 2, 16, QChar(u'0'));
}

// Validates a complete JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool isValidNumber(const std::string &text)
{
    size_t i = 0;
    const size_t n = text.size();
    const auto digit = [&](size_t at) { return at < n && text[at] >= '0' && text[at] <= '9'; };

    if (i < n && text[i] == '-')
        ++i;
    if (!digit(i))
        return false;
    if (text[i] == '0') {
        ++i;
    } else {
        while (digit(i))
            ++i;
    }
    if (i < n && text[i] == '.') {
        ++i;
        if (!digit(i))
            return false;
        while (digit(i))
            ++i;
    }
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-'))
            ++i;
        if (!digit(i))
            return false;
        while (digit(i))
            ++i;
    }
    return i == n;
}

// Compares short byte strings, such as field names, without a call into libc.
inline bool equalBytes(const char *left, const char *right, qsizetype size)
{
    while (size >= 8) {
        quint64 a;
        quint64 b;
        std::memcpy(&a, left, 8);
        std::memcpy(&b, right, 8);
        if (a != b)
            return false;
        left += 8;
        right += 8;
        size -= 8;
    }
    while (size > 0) {
        if (*left++ != *right++)
            return false;
        --size;
    }
    return true;
}

bool isNumberByte(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

} // namespace

class JsonStreamReader::Private
{
public:
    explicit Private(const ReaderLimits &limits)
        : limits(limits)
        , names(std::make_shared<FieldNames>())
    {
        stack.reserve(16);
    }

    void run(const char *p, const char *end);

    // Grammar
    const char *structural(const char *p);
    const char *beginValue(const char *p);
    void openContainer(const char *p, bool isObject);
    void closeContainer(const char *p);
    void afterValue();

    // Strings
    void beginString(Sink target);
    const char *readString(const char *p, const char *end);
    const char *readEscape(const char *p, const char *end);
    const char *completePendingUtf8(const char *p, const char *end);
    void takeCodeUnit(char32_t unit);
    void appendCodePoint(char32_t codePoint);
    void append(const char *data, qsizetype size);
    void endString();

    // Numbers and literals
    const char *readNumber(const char *p, const char *end);
    const char *readLiteral(const char *p, const char *end);
    const char *readByteOrderMark(const char *p, const char *end);

    // Meaning
    void takeKey(QByteArrayView key);
    const char *plainStringEnd(const char *open) const;
    const char *readPlainMembers(const char *p);
    const char *readPlainRecordMembers(const char *p);
    const char *readPlainFieldObject(QByteArrayView key, const char *open);
    int fieldIndex(QByteArrayView key);
    void takeScalar(FieldKind kind, QByteArrayView text);
    void takeStringValue(quint32 offset, quint32 size);
    void setComponent(FieldSlot &slot, FieldKind kind, quint32 offset, quint32 size);
    Sink sinkForValue() const;
    void beginRecord();
    void finishRecord();
    void beginField();
    void finishCapture(const char *closing, bool rootIsFieldObject);
    FieldSlot &currentSlot();

    bool fail(ErrorKind kind, const char *at, const QString &message);
    bool failAtOffset(ErrorKind kind, qint64 offset, const QString &message);
    qint64 offsetOf(const char *p) const { return consumedBefore + (p - chunkBegin); }
    Role topRole() const { return stack.empty() ? Role::Document : stack.back().role; }

    ReaderLimits limits;
    bool documentIsRecord = false;

    // Status
    Status status = Reading;
    ErrorKind errorKind = NoError;
    QString errorMessage;
    qint64 errorOffset = -1;
    QByteArray head; // the first bytes of the body, for NotJson snippets

    // Position
    qint64 consumedBefore = 0;
    const char *chunkBegin = nullptr;
    const char *chunkEnd = nullptr;

    // Grammar state
    Expect expect = Expect::DocumentStart;
    Lexeme lexeme = Lexeme::None;
    std::vector<Frame> stack;
    Member member = Member::Other;

    // String state
    Sink sink = Sink::Discard;
    qint64 stringSize = 0;
    quint32 stringOffset = 0;
    Escape escape = Escape::None;
    int hexDigits = 0;
    char32_t hexValue = 0;
    char32_t highSurrogate = 0;
    uchar pendingUtf8[4] = {};
    int pendingUtf8Size = 0;
    int pendingUtf8Needed = 0;
    qint64 pendingUtf8Offset = 0;
    TextBuffer keyText;

    // Number and literal state
    std::string numberText;
    const char *literal = nullptr;
    int literalSize = 0;
    int literalMatched = 0;
    qint64 scalarOffset = 0; // where the number or literal being read starts
    int byteOrderMarkMatched = 0;

    // Result
    bool hasResult = false;
    bool singleResult = false;
    bool hasServiceError = false;
    QByteArray serviceMessage;
    QByteArray serviceDetail;
    qint64 recordCount = 0;
    qint64 resultIndex = 0;
    QList<Record> completed;

    // The record being built
    std::shared_ptr<FieldNames> names;
    std::vector<FieldSlot> fields;
    TextBuffer text;
    int presentCount = 0;
    int highestSlot = -1;
    int currentField = -1;
    int lastField = -1;
    quint32 fieldTextStart = 0;
    bool fieldIrregular = false;

    // Raw capture of a nested field value
    bool capturing = false;
    size_t captureDepth = 0; // stack size once the captured container is pushed
    const char *captureFrom = nullptr;
    QByteArray capture;
};

bool JsonStreamReader::Private::failAtOffset(ErrorKind kind, qint64 offset, const QString &message)
{
    if (status == Failed)
        return false;

    status = Failed;
    errorKind = kind;
    errorOffset = offset;
    errorMessage = message;
    return false;
}

bool JsonStreamReader::Private::fail(ErrorKind kind, const char *at, const QString &message)
{
    const qint64 offset = offsetOf(at);
    QString text;
    switch (kind) {
    case InvalidJson:
        text = u"Invalid JSON at byte %1: %2"_s.arg(offset).arg(message);
        break;
    case InvalidUtf8:
        text = u"Invalid UTF-8 at byte %1: %2"_s.arg(offset).arg(message);
        break;
    default:
        text = message;
        break;
    }
    return failAtOffset(kind, offset, text);
}

void JsonStreamReader::Private::run(const char *p, const char *end)
{
    while (p < end && status == Reading) {
        switch (lexeme) {
        case Lexeme::String:
            p = readString(p, end);
            continue;
        case Lexeme::Number:
            p = readNumber(p, end);
            continue;
        case Lexeme::Literal:
            p = readLiteral(p, end);
            continue;
        case Lexeme::ByteOrderMark:
            p = readByteOrderMark(p, end);
            continue;
        case Lexeme::None:
            break;
        }

        if (isWhitespace(*p)) {
            ++p;
            continue;
        }
        p = structural(p);
    }
}

const char *JsonStreamReader::Private::structural(const char *p)
{
    const char c = *p;
    switch (expect) {
    case Expect::DocumentStart:
        if (c == '{') {
            openContainer(p, true);
            return p + 1;
        }
        if (uchar(c) == 0xEF && offsetOf(p) == 0) {
            lexeme = Lexeme::ByteOrderMark;
            byteOrderMarkMatched = 1;
            return p + 1;
        }
        if (c == '[') {
            fail(UnexpectedShape, p, u"The body is a JSON array; a ServiceNow response is a JSON object"_s);
            return p;
        }
        if (c == '<') {
            fail(NotJson, p, u"The body is an HTML or XML page, not JSON"_s);
            return p;
        }
        fail(NotJson, p, u"The body is not JSON: it starts with %1"_s.arg(describeByte(c)));
        return p;

    case Expect::Value:
        return beginValue(p);

    case Expect::FirstValueOrArrayEnd:
        if (c == ']') {
            closeContainer(p);
            return p + 1;
        }
        return beginValue(p);

    case Expect::FirstKeyOrObjectEnd:
        if (c == '}') {
            closeContainer(p);
            return p + 1;
        }
        [[fallthrough]];
    case Expect::Key:
        if (c != '"') {
            fail(InvalidJson, p, u"expected a string key, found %1"_s.arg(describeByte(c)));
            return p;
        }
        if (topRole() == Role::Record || topRole() == Role::FieldObject) {
            const char *next = readPlainMembers(p);
            if (next != p || status != Reading)
                return next;
        }
        if (const char *close = plainStringEnd(p)) {
            // Fast path: a plain ASCII key that ends in this chunk needs no copy.
            takeKey(QByteArrayView(p + 1, close));
            if (close + 1 < chunkEnd && close[1] == ':') {
                expect = Expect::Value;
                return close + 2;
            }
            expect = Expect::Colon;
            return close + 1;
        }
        beginString(topRole() == Role::Skip || topRole() == Role::Capture ? Sink::Discard : Sink::Key);
        return p + 1;

    case Expect::Colon:
        if (c != ':') {
            fail(InvalidJson, p, u"expected ':' after an object key, found %1"_s.arg(describeByte(c)));
            return p;
        }
        expect = Expect::Value;
        return p + 1;

    case Expect::CommaOrObjectEnd:
        if (c == ',') {
            expect = Expect::Key;
            return p + 1;
        }
        if (c == '}') {
            closeContainer(p);
            return p + 1;
        }
        fail(InvalidJson, p, u"expected ',' or '}' after an object member, found %1"_s.arg(describeByte(c)));
        return p;

    case Expect::CommaOrArrayEnd:
        if (c == ',') {
            expect = Expect::Value;
            return p + 1;
        }
        if (c == ']') {
            closeContainer(p);
            return p + 1;
        }
        fail(InvalidJson, p, u"expected ',' or ']' after an array element, found %1"_s.arg(describeByte(c)));
        return p;

    case Expect::DocumentEnd:
        fail(InvalidJson, p, u"unexpected %1 after the end of the JSON document"_s.arg(describeByte(c)));
        return p;
    }
    return p;
}

// Starts the value at p and returns where reading resumes: after the opening byte
// of a container or string, or at p itself for a number or literal, whose own
// readers consume it.
const char *JsonStreamReader::Private::beginValue(const char *p)
{
    const char c = *p;
    switch (c) {
    case '{':
        openContainer(p, true);
        return p + 1;
    case '[':
        openContainer(p, false);
        return p + 1;
    case '"':
        if (topRole() == Role::ResultArray) {
            fail(UnexpectedShape, p, u"Element %1 of \"result\" is a string; expected an object"_s.arg(resultIndex));
            return p;
        }
        {
            const Sink target = sinkForValue();
            const char *close = target == Sink::RecordText || target == Sink::Discard ? plainStringEnd(p) : nullptr;
            if (!close) {
                beginString(target);
                return p + 1;
            }

            // Fast path: a plain ASCII value that ends in this chunk is copied once.
            if (target == Sink::RecordText) {
                if (topRole() == Role::Record)
                    beginField();
                const auto offset = quint32(text.size());
                if (text.size() + (close - p - 1) > limits.maxRecordBytes) {
                    fail(LimitExceeded, p, u"A record in the body is larger than %1 bytes (the reader's record limit)"_s
                                               .arg(limits.maxRecordBytes));
                    return p;
                }
                text.append(p + 1, close - p - 1);
                takeStringValue(offset, quint32(close - p - 1));
            } else if (topRole() == Role::FieldObject && member == Member::Other) {
                fieldIrregular = true;
            }
            afterValue();
            return close + 1;
        }
    case 't':
    case 'f':
    case 'n':
        lexeme = Lexeme::Literal;
        scalarOffset = offsetOf(p);
        literal = c == 't' ? "true" : (c == 'f' ? "false" : "null");
        literalSize = int(std::strlen(literal));
        literalMatched = 0;
        return p;
    default:
        if (c == '-' || (c >= '0' && c <= '9')) {
            lexeme = Lexeme::Number;
            scalarOffset = offsetOf(p);
            numberText.clear();
            return p;
        }
        fail(InvalidJson, p, u"expected a value, found %1"_s.arg(describeByte(c)));
        return p;
    }
}

void JsonStreamReader::Private::openContainer(const char *p, bool isObject)
{
    if (int(stack.size()) >= limits.maxDepth) {
        fail(LimitExceeded, p, u"The body nests objects and arrays deeper than %1 levels (the reader's depth limit)"_s
                                   .arg(limits.maxDepth));
        return;
    }

    Role role = Role::Skip;
    if (stack.empty()) {
        role = documentIsRecord ? Role::Record : Role::Document;
        if (documentIsRecord) {
            hasResult = true;
            singleResult = true;
        }
    } else {
        switch (topRole()) {
        case Role::Document:
            if (member == Member::Result) {
                hasResult = true;
                singleResult = isObject;
                role = isObject ? Role::Record : Role::ResultArray;
            } else if (member == Member::Error) {
                hasServiceError = true;
                role = isObject ? Role::ErrorObject : Role::Skip;
            }
            break;
        case Role::ResultArray:
            if (!isObject) {
                fail(UnexpectedShape, p, u"Element %1 of \"result\" is an array; expected an object"_s.arg(resultIndex));
                return;
            }
            role = Role::Record;
            break;
        case Role::Record:
            beginField();
            capturing = true;
            captureFrom = p;
            capture.resize(0);
            captureDepth = stack.size() + 1;
            role = isObject ? Role::FieldObject : Role::Capture;
            break;
        case Role::FieldObject:
            fieldIrregular = true;
            role = Role::Capture;
            break;
        case Role::Capture:
            role = Role::Capture;
            break;
        case Role::ErrorObject:
        case Role::Skip:
            role = Role::Skip;
            break;
        }
    }

    stack.push_back(Frame{role, isObject});
    if (role == Role::Record)
        beginRecord();
    expect = isObject ? Expect::FirstKeyOrObjectEnd : Expect::FirstValueOrArrayEnd;
}

void JsonStreamReader::Private::closeContainer(const char *p)
{
    const Frame frame = stack.back();
    const bool closesCapture = capturing && stack.size() == captureDepth;
    stack.pop_back();

    switch (frame.role) {
    case Role::Record:
        finishRecord();
        break;
    case Role::FieldObject:
    case Role::Capture:
        if (closesCapture)
            finishCapture(p, frame.role == Role::FieldObject);
        break;
    case Role::ResultArray:
    case Role::Document:
    case Role::ErrorObject:
    case Role::Skip:
        break;
    }
    afterValue();
}

void JsonStreamReader::Private::afterValue()
{
    if (stack.empty()) {
        expect = Expect::DocumentEnd;
        return;
    }
    if (stack.back().role == Role::ResultArray)
        ++resultIndex;
    expect = stack.back().isObject ? Expect::CommaOrObjectEnd : Expect::CommaOrArrayEnd;
}

Sink JsonStreamReader::Private::sinkForValue() const
{
    switch (topRole()) {
    case Role::Record:
        return Sink::RecordText;
    case Role::FieldObject:
        if (member == Member::Value || member == Member::DisplayValue || member == Member::Link)
            return Sink::RecordText;
        return Sink::Discard;
    case Role::ErrorObject:
        if (member == Member::Message)
            return Sink::ErrorMessage;
        if (member == Member::Detail)
            return Sink::ErrorDetail;
        return Sink::Discard;
    case Role::Document:
        // OAuth endpoints respond with {"error": "invalid_grant", "error_description": "..."}.
        if (member == Member::Error)
            return Sink::ErrorMessage;
        if (member == Member::ErrorDescription)
            return Sink::ErrorDetail;
        return Sink::Discard;
    case Role::ResultArray:
    case Role::Capture:
    case Role::Skip:
        return Sink::Discard;
    }
    return Sink::Discard;
}

void JsonStreamReader::Private::beginString(Sink target)
{
    lexeme = Lexeme::String;
    sink = target;
    stringSize = 0;
    escape = Escape::None;
    highSurrogate = 0;
    pendingUtf8Size = 0;

    switch (sink) {
    case Sink::Key:
        keyText.clear();
        break;
    case Sink::RecordText:
        if (topRole() == Role::Record)
            beginField();
        stringOffset = quint32(text.size());
        break;
    case Sink::ErrorMessage:
        hasServiceError = true;
        serviceMessage.resize(0);
        break;
    case Sink::ErrorDetail:
        serviceDetail.resize(0);
        break;
    case Sink::Discard:
        if (topRole() == Role::FieldObject && member == Member::Other)
            fieldIrregular = true;
        break;
    }
}

void JsonStreamReader::Private::append(const char *data, qsizetype size)
{
    if (size <= 0)
        return;

    stringSize += size;
    if (stringSize > limits.maxStringBytes) {
        failAtOffset(LimitExceeded, consumedBefore,
                     u"A string in the body is longer than %1 bytes (the reader's string limit)"_s
                         .arg(limits.maxStringBytes));
        return;
    }

    switch (sink) {
    case Sink::Discard:
        return;
    case Sink::Key:
        keyText.append(data, size);
        return;
    case Sink::RecordText:
        if (text.size() + size > limits.maxRecordBytes) {
            failAtOffset(LimitExceeded, consumedBefore,
                         u"A record in the body is larger than %1 bytes (the reader's record limit)"_s
                             .arg(limits.maxRecordBytes));
            return;
        }
        text.append(data, size);
        return;
    case Sink::ErrorMessage:
        serviceMessage.append(data, size);
        return;
    case Sink::ErrorDetail:
        serviceDetail.append(data, size);
        return;
    }
}

void JsonStreamReader::Private::appendCodePoint(char32_t codePoint)
{
    char encoded[4];
    append(encoded, utf8::encode(codePoint, encoded));
}

// Reads string bytes from p until the closing quote or the end of the chunk. Plain
// runs are copied in one piece; escapes and split UTF-8 sequences keep their state
// across chunks.
const char *JsonStreamReader::Private::readString(const char *p, const char *end)
{
    if (pendingUtf8Size > 0) {
        p = completePendingUtf8(p, end);
        if (pendingUtf8Size > 0 || status != Reading)
            return end;
    }
    if (escape != Escape::None) {
        p = readEscape(p, end);
        if (escape != Escape::None || status != Reading)
            return end;
    }

    const char *run = p;
    for (;;) {
        p = utf8::scanPlain(p, end);
        if (p == end) {
            append(run, p - run);
            return end;
        }

        const auto byte = uchar(*p);
        if (byte >= 0x80) {
            do {
                const int length = utf8::sequenceLength(reinterpret_cast<const uchar *>(p),
                                                        reinterpret_cast<const uchar *>(end));
                if (length == 0) {
                    fail(InvalidUtf8, p, u"%1 does not start a valid UTF-8 sequence here"_s.arg(describeByte(*p)));
                    return end;
                }
                if (length < 0) {
                    append(run, p - run);
                    pendingUtf8Size = int(end - p);
                    pendingUtf8Needed = -length;
                    pendingUtf8Offset = offsetOf(p);
                    std::memcpy(pendingUtf8, p, size_t(pendingUtf8Size));
                    return end;
                }
                p += length;
            } while (p < end && uchar(*p) >= 0x80);
            continue;
        }

        append(run, p - run);
        if (status != Reading)
            return end;

        if (byte == '"') {
            endString();
            return p + 1;
        }
        if (byte == '\\') {
            escape = Escape::Start;
            p = readEscape(p + 1, end);
            if (escape != Escape::None || status != Reading)
                return end;
            run = p;
            continue;
        }

        fail(InvalidJson, p, u"unescaped control character %1 inside a string"_s.arg(describeByte(*p)));
        return end;
    }
}

const char *JsonStreamReader::Private::completePendingUtf8(const char *p, const char *end)
{
    while (pendingUtf8Size < pendingUtf8Needed && p < end)
        pendingUtf8[pendingUtf8Size++] = uchar(*p++);

    const int length = utf8::sequenceLength(pendingUtf8, pendingUtf8 + pendingUtf8Size);
    if (length == 0) {
        failAtOffset(InvalidUtf8, pendingUtf8Offset,
                     u"Invalid UTF-8 at byte %1: byte 0x%2 does not start a valid UTF-8 sequence here"_s
                         .arg(pendingUtf8Offset)
                         .arg(pendingUtf8[0], 2, 16, QChar(u'0')));
        return end;
    }
    if (length < 0)
        return end; // still incomplete: the chunk ended again

    append(reinterpret_cast<const char *>(pendingUtf8), length);
    pendingUtf8Size = 0;
    return p;
}

// Continues an escape sequence; returns where plain string bytes resume.
const char *JsonStreamReader::Private::readEscape(const char *p, const char *end)
{
    while (p < end && status == Reading) {
        const char c = *p;
        switch (escape) {
        case Escape::None:
            return p;

        case Escape::Start: {
            char decoded = 0;
            switch (c) {
            case '"': decoded = '"'; break;
            case '\\': decoded = '\\'; break;
            case '/': decoded = '/'; break;
            case 'b': decoded = '\b'; break;
            case 'f': decoded = '\f'; break;
            case 'n': decoded = '\n'; break;
            case 'r': decoded = '\r'; break;
            case 't': decoded = '\t'; break;
            case 'u':
                escape = Escape::Hex;
                hexDigits = 0;
                hexValue = 0;
                ++p;
                continue;
            default:
                fail(InvalidJson, p, u"invalid escape sequence '\\' followed by %1"_s.arg(describeByte(c)));
                return end;
            }
            append(&decoded, 1);
            escape = Escape::None;
            return p + 1;
        }

        case Escape::Hex: {
            int digit = -1;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            if (digit < 0) {
                fail(InvalidJson, p, u"expected a hexadecimal digit in a \\u escape, found %1"_s.arg(describeByte(c)));
                return end;
            }
            hexValue = hexValue * 16 + char32_t(digit);
            ++p;
            if (++hexDigits == 4)
                takeCodeUnit(hexValue);
            continue;
        }

        case Escape::LowSurrogateBackslash:
            if (c == '\\') {
                escape = Escape::LowSurrogateU;
                ++p;
                continue;
            }
            // A high surrogate with no escape after it: keep the text, mark the gap.
            appendCodePoint(ReplacementCharacter);
            highSurrogate = 0;
            escape = Escape::None;
            return p;

        case Escape::LowSurrogateU:
            if (c == 'u') {
                escape = Escape::Hex;
                hexDigits = 0;
                hexValue = 0;
                ++p;
                continue;
            }
            // The backslash starts some other escape; the lone high surrogate is replaced.
            appendCodePoint(ReplacementCharacter);
            highSurrogate = 0;
            escape = Escape::Start;
            continue;
        }
    }
    return p;
}

// Handles one \uXXXX code unit. Surrogate pairs become one code point; an unpaired
// surrogate becomes U+FFFD, as it cannot be represented in UTF-8.
void JsonStreamReader::Private::takeCodeUnit(char32_t unit)
{
    const bool isHigh = unit >= 0xD800 && unit <= 0xDBFF;
    const bool isLow = unit >= 0xDC00 && unit <= 0xDFFF;

    if (highSurrogate != 0) {
        if (isLow) {
            appendCodePoint(0x10000 + ((highSurrogate - 0xD800) << 10) + (unit - 0xDC00));
            highSurrogate = 0;
            escape = Escape::None;
            return;
        }
        appendCodePoint(ReplacementCharacter);
        highSurrogate = 0;
    }

    if (isHigh) {
        highSurrogate = unit;
        escape = Escape::LowSurrogateBackslash;
        return;
    }

    appendCodePoint(isLow ? ReplacementCharacter : unit);
    escape = Escape::None;
}

void JsonStreamReader::Private::endString()
{
    lexeme = Lexeme::None;
    switch (sink) {
    case Sink::Key:
        takeKey(keyText.view());
        expect = Expect::Colon;
        return;
    case Sink::RecordText:
        takeStringValue(stringOffset, quint32(text.size()) - stringOffset);
        break;
    case Sink::Discard:
        if (expect == Expect::Key || expect == Expect::FirstKeyOrObjectEnd) {
            // A key of a skipped or captured container.
            member = Member::Other;
            expect = Expect::Colon;
            return;
        }
        break;
    case Sink::ErrorMessage:
    case Sink::ErrorDetail:
        break;
    }
    afterValue();
}

const char *JsonStreamReader::Private::readNumber(const char *p, const char *end)
{
    const char *start = p;
    while (p < end && isNumberByte(*p))
        ++p;
    numberText.append(start, size_t(p - start));

    if (qint64(numberText.size()) > limits.maxStringBytes) {
        fail(LimitExceeded, p, u"A number in the body is longer than %1 bytes (the reader's string limit)"_s
                                   .arg(limits.maxStringBytes));
        return end;
    }
    if (p == end)
        return end;

    lexeme = Lexeme::None;
    if (!isValidNumber(numberText)) {
        failAtOffset(InvalidJson, offsetOf(p) - qint64(numberText.size()),
                     u"Invalid JSON at byte %1: '%2' is not a valid number"_s
                         .arg(offsetOf(p) - qint64(numberText.size()))
                         .arg(QString::fromLatin1(numberText.data(), qsizetype(numberText.size()))));
        return end;
    }
    takeScalar(FieldKind::Number, QByteArrayView(numberText.data(), qsizetype(numberText.size())));
    afterValue();
    return p;
}

const char *JsonStreamReader::Private::readLiteral(const char *p, const char *end)
{
    while (p < end && literalMatched < literalSize) {
        if (*p != literal[literalMatched]) {
            failAtOffset(InvalidJson, offsetOf(p),
                         u"Invalid JSON at byte %1: expected the literal '%2', found %3"_s
                             .arg(offsetOf(p))
                             .arg(QLatin1StringView(literal))
                             .arg(describeByte(*p)));
            return end;
        }
        ++p;
        ++literalMatched;
    }
    if (literalMatched < literalSize)
        return end;

    lexeme = Lexeme::None;
    const QByteArrayView text(literal, literalSize);
    takeScalar(literal[0] == 'n' ? FieldKind::Null : FieldKind::Boolean, text);
    afterValue();
    return p;
}

const char *JsonStreamReader::Private::readByteOrderMark(const char *p, const char *end)
{
    static constexpr uchar mark[] = {0xEF, 0xBB, 0xBF};
    while (p < end && byteOrderMarkMatched < 3) {
        if (uchar(*p) != mark[byteOrderMarkMatched]) {
            fail(NotJson, p, u"The body is not JSON: it starts with an incomplete byte-order mark"_s);
            return end;
        }
        ++p;
        ++byteOrderMarkMatched;
    }
    if (byteOrderMarkMatched == 3)
        lexeme = Lexeme::None;
    return p;
}

void JsonStreamReader::Private::takeKey(QByteArrayView key)
{
    switch (topRole()) {
    case Role::Document:
        if (key == "result")
            member = Member::Result;
        else if (key == "error")
            member = Member::Error;
        else if (key == "error_description")
            member = Member::ErrorDescription;
        else
            member = Member::Other;
        return;

    case Role::Record:
        currentField = fieldIndex(key);
        member = Member::Other;
        return;

    case Role::FieldObject:
        if (key == "value")
            member = Member::Value;
        else if (key == "display_value")
            member = Member::DisplayValue;
        else if (key == "link")
            member = Member::Link;
        else if (key == "display_value_internal")
            member = Member::IgnoredComponent;
        else
            member = Member::Other;
        return;

    case Role::ErrorObject:
        if (key == "message")
            member = Member::Message;
        else if (key == "detail")
            member = Member::Detail;
        else
            member = Member::Other;
        return;

    case Role::ResultArray:
    case Role::Capture:
    case Role::Skip:
        member = Member::Other;
        return;
    }
}

// Returns the closing quote of the string whose opening quote is at @p open, when the
// string has no escape, is valid UTF-8, fits the string limit and ends in the current
// chunk. Otherwise it returns nullptr, and the general string reader takes over and
// reports any error at its exact offset.
const char *JsonStreamReader::Private::plainStringEnd(const char *open) const
{
    const char *p = open + 1;
    for (;;) {
        p = utf8::scanPlain(p, chunkEnd);
        if (p == chunkEnd)
            return nullptr;
        const auto byte = uchar(*p);
        if (byte == '"')
            break;
        if (byte < 0x80)
            return nullptr; // an escape or a control character
        const int length = utf8::sequenceLength(reinterpret_cast<const uchar *>(p), reinterpret_cast<const uchar *>(chunkEnd));
        if (length <= 0)
            return nullptr;
        p += length;
    }
    if (p - open - 1 > limits.maxStringBytes)
        return nullptr;
    return p;
}

// The hot loop: reads "key":"value" members of a record or field object while both
// strings are plain ASCII in this chunk and no whitespace sits between tokens, which
// is how ServiceNow writes its bodies. It stops before anything else, with the
// grammar state matching where it stopped, and the general path continues from there.
const char *JsonStreamReader::Private::readPlainMembers(const char *p)
{
    if (topRole() == Role::Record)
        return readPlainRecordMembers(p);

    for (;;) {
        const char *keyClose = plainStringEnd(p);
        if (!keyClose || keyClose + 2 >= chunkEnd || keyClose[1] != ':' || keyClose[2] != '"')
            return p;
        const char *value = keyClose + 2;
        const char *valueClose = plainStringEnd(value);
        if (!valueClose)
            return p;
        if (text.size() + (valueClose - value - 1) > limits.maxRecordBytes)
            return p; // the general path reports the limit

        takeKey(QByteArrayView(p + 1, keyClose));
        const auto offset = quint32(text.size());
        text.append(value + 1, valueClose - value - 1);
        takeStringValue(offset, quint32(valueClose - value - 1));

        p = valueClose + 1;
        if (p < chunkEnd && *p == ',' && p + 1 < chunkEnd && p[1] == '"') {
            ++p;
            expect = Expect::Key;
            continue;
        }
        expect = Expect::CommaOrObjectEnd;
        return p;
    }
}

// The same loop for the fields of a record, where nearly every byte of a body is
// read, with the slot update written out in place. A field value may also be a
// {"display_value", "value", "link"} object of plain strings.
const char *JsonStreamReader::Private::readPlainRecordMembers(const char *p)
{
    const char *const end = chunkEnd;
    for (;;) {
        const char *keyClose = utf8::scanPlain(p + 1, end);
        if (keyClose + 2 >= end || *keyClose != '"' || keyClose[1] != ':' || keyClose - p - 1 > limits.maxStringBytes)
            return p; // the general path reads it, and reports a key over the string limit
        const QByteArrayView key(p + 1, keyClose);
        const char *value = keyClose + 2;
        const char *after = nullptr;

        if (*value == '{') {
            after = readPlainFieldObject(key, value);
            if (!after)
                return p;
        } else {
            const char *valueClose = *value == '"' ? plainStringEnd(value) : nullptr;
            if (!valueClose || text.size() + (valueClose - value - 1) > limits.maxRecordBytes)
                return p; // the general path handles it, and reports any error

            const int index = fieldIndex(key);
            FieldSlot &slot = fields[size_t(index)];
            if (!(slot.flags & FieldPresent))
                ++presentCount;
            const auto size = quint32(valueClose - value - 1);
            slot = FieldSlot{};
            slot.flags = FieldPresent | FieldHasValue;
            slot.kind = FieldKind::String;
            slot.valueOffset = quint32(text.size());
            slot.valueSize = size;
            highestSlot = std::max(highestSlot, index);
            currentField = index;
            text.append(value + 1, size);
            after = valueClose + 1;
        }

        p = after;
        if (p + 1 < end && *p == ',' && p[1] == '"') {
            ++p;
            expect = Expect::Key;
            continue;
        }
        expect = Expect::CommaOrObjectEnd;
        return p;
    }
}

// Reads the field object that opens at @p open, such as
// {"display_value":"New","value":"1"}, when it ends in this chunk and has one to three
// members named value, display_value or link, each a plain string. Returns
// the byte after its closing brace, or nullptr with nothing changed, and then the
// general path reads the object and reports any error.
const char *JsonStreamReader::Private::readPlainFieldObject(QByteArrayView key, const char *open)
{
    struct Part
    {
        Member member;
        const char *open;
        const char *close;
    };
    Part parts[3];
    int partCount = 0;

    // The object nests one level below the record, as openContainer() would count it.
    if (int(stack.size()) >= limits.maxDepth)
        return nullptr;

    const char *const end = chunkEnd;
    const char *p = open + 1;
    for (;;) {
        if (p >= end || *p != '"' || partCount == 3)
            return nullptr;
        const char *keyClose = utf8::scanPlain(p + 1, end);
        if (keyClose + 2 >= end || *keyClose != '"' || keyClose[1] != ':' || keyClose[2] != '"'
            || keyClose - p - 1 > limits.maxStringBytes)
            return nullptr;

        const QByteArrayView name(p + 1, keyClose);
        Member member = Member::Other;
        if (name == "value")
            member = Member::Value;
        else if (name == "display_value")
            member = Member::DisplayValue;
        else if (name == "link")
            member = Member::Link;
        else
            return nullptr;

        const char *valueOpen = keyClose + 2;
        const char *valueClose = plainStringEnd(valueOpen);
        if (!valueClose)
            return nullptr;
        parts[partCount++] = Part{member, valueOpen, valueClose};

        p = valueClose + 1;
        if (p >= end)
            return nullptr;
        if (*p == '}')
            break;
        if (*p != ',')
            return nullptr;
        ++p;
    }
    // The general path counts the object's JSON text toward the record limit.
    if (text.size() + (p + 1 - open) > limits.maxRecordBytes)
        return nullptr;

    // The same slot as the general path leaves after the object: every part a string,
    // and the field marked as sent in object shape.
    const int index = fieldIndex(key);
    FieldSlot &slot = fields[size_t(index)];
    if (!(slot.flags & FieldPresent))
        ++presentCount;
    slot = FieldSlot{};
    slot.flags = FieldPresent | FieldObjectShaped;
    highestSlot = std::max(highestSlot, index);
    currentField = index;

    for (int i = 0; i < partCount; ++i) {
        const Part &part = parts[i];
        const auto offset = quint32(text.size());
        const auto size = quint32(part.close - part.open - 1);
        text.append(part.open + 1, size);
        switch (part.member) {
        case Member::Value:
            slot.kind = FieldKind::String;
            slot.flags |= FieldHasValue;
            slot.valueOffset = offset;
            slot.valueSize = size;
            break;
        case Member::DisplayValue:
            slot.displayKind = FieldKind::String;
            slot.flags |= FieldHasDisplay;
            slot.displayOffset = offset;
            slot.displaySize = size;
            break;
        default:
            slot.flags |= FieldHasLink;
            slot.linkOffset = offset;
            slot.linkSize = size;
            break;
        }
    }
    return p + 1;
}

// Returns the slot of field name @p key, adding the name when the reader meets it
// for the first time. Records of one response list their fields in the same order,
// so the name after the previous one is tried before the hash lookup.
int JsonStreamReader::Private::fieldIndex(QByteArrayView key)
{
    const int predicted = lastField + 1;
    int index = -1;
    if (predicted < names->size()) {
        const QByteArray &expected = names->at(predicted);
        if (expected.size() == key.size() && equalBytes(expected.constData(), key.data(), key.size()))
            index = predicted;
    }
    if (index < 0)
        index = names->indexOf(key);

    if (index < 0) {
        if (names.use_count() > 1)
            names = std::make_shared<FieldNames>(*names);
        index = names->append(QByteArray(key.data(), key.size()));
    }
    if (size_t(index) >= fields.size())
        fields.resize(size_t(index) + 1);

    lastField = index;
    return index;
}

FieldSlot &JsonStreamReader::Private::currentSlot()
{
    return fields[size_t(currentField)];
}

// Marks the current field present and resets it, for a field value that starts now.
void JsonStreamReader::Private::beginField()
{
    FieldSlot &slot = currentSlot();
    if (!(slot.flags & FieldPresent))
        ++presentCount;
    slot = FieldSlot{};
    slot.flags = FieldPresent;
    highestSlot = std::max(highestSlot, currentField);
    fieldTextStart = quint32(text.size());
    fieldIrregular = false;
}

void JsonStreamReader::Private::setComponent(FieldSlot &slot, FieldKind kind, quint32 offset, quint32 size)
{
    switch (member) {
    case Member::Value:
        slot.kind = kind;
        if (kind != FieldKind::Null) {
            slot.flags |= FieldHasValue;
            slot.valueOffset = offset;
            slot.valueSize = size;
        }
        return;
    case Member::DisplayValue:
        slot.displayKind = kind;
        if (kind == FieldKind::Null) {
            slot.flags |= FieldDisplayNull;
        } else {
            slot.flags |= FieldHasDisplay;
            slot.displayOffset = offset;
            slot.displaySize = size;
        }
        return;
    case Member::Link:
        if (kind != FieldKind::String) {
            fieldIrregular = true;
            return;
        }
        slot.flags |= FieldHasLink;
        slot.linkOffset = offset;
        slot.linkSize = size;
        return;
    case Member::IgnoredComponent:
        return;
    default:
        fieldIrregular = true;
        return;
    }
}

void JsonStreamReader::Private::takeStringValue(quint32 offset, quint32 size)
{
    if (topRole() == Role::Record) {
        FieldSlot &slot = currentSlot();
        slot.kind = FieldKind::String;
        slot.flags |= FieldHasValue;
        slot.valueOffset = offset;
        slot.valueSize = size;
    } else if (topRole() == Role::FieldObject) {
        setComponent(currentSlot(), FieldKind::String, offset, size);
    }
}

void JsonStreamReader::Private::takeScalar(FieldKind kind, QByteArrayView scalar)
{
    switch (topRole()) {
    case Role::Record: {
        beginField();
        FieldSlot &slot = currentSlot();
        slot.kind = kind;
        if (kind != FieldKind::Null) {
            slot.flags |= FieldHasValue;
            slot.valueOffset = quint32(text.size());
            slot.valueSize = quint32(scalar.size());
            text.append(scalar);
        }
        return;
    }
    case Role::FieldObject: {
        const quint32 offset = quint32(text.size());
        if (kind != FieldKind::Null && (member == Member::Value || member == Member::DisplayValue))
            text.append(scalar);
        setComponent(currentSlot(), kind, offset, quint32(scalar.size()));
        return;
    }
    case Role::ResultArray:
        failAtOffset(UnexpectedShape, scalarOffset, u"Element %1 of \"result\" is not an object"_s.arg(resultIndex));
        return;
    case Role::Document:
    case Role::ErrorObject:
    case Role::Capture:
    case Role::Skip:
        return;
    }
}

void JsonStreamReader::Private::beginRecord()
{
    std::fill(fields.begin(), fields.end(), FieldSlot{});
    text.clear();
    presentCount = 0;
    highestSlot = -1;
    currentField = -1;
    lastField = -1;
}

void JsonStreamReader::Private::finishRecord()
{
    auto *data = new RecordData;
    data->names = names;
    data->fields.assign(fields.begin(), fields.begin() + (highestSlot + 1));
    data->text = QByteArray(text.constData(), text.size()); // exact size, no spare capacity
    data->presentCount = presentCount;

    completed.append(RecordBuilder::make(data));
    ++recordCount;
}

// Closes a field whose value was an object or array. A {"value", "display_value",
// "link"} object keeps its parts; anything else becomes the field's JSON text.
void JsonStreamReader::Private::finishCapture(const char *closing, bool rootIsFieldObject)
{
    capture.append(captureFrom, closing + 1 - captureFrom);
    capturing = false;
    captureFrom = nullptr;

    // A field value counts toward the record limit with its JSON text, whatever shape
    // it turns out to have. A read in many pieces checks the text captured so far at
    // each chunk end, so this check makes a read in one piece reach the same verdict.
    if (qsizetype(fieldTextStart) + capture.size() > limits.maxRecordBytes) {
        failAtOffset(LimitExceeded, consumedBefore,
                     u"A record in the body is larger than %1 bytes (the reader's record limit)"_s
                         .arg(limits.maxRecordBytes));
        return;
    }

    FieldSlot &slot = currentSlot();
    const quint8 parts = FieldHasValue | FieldHasDisplay | FieldHasLink | FieldDisplayNull;
    const bool hasParts = (slot.flags & parts) || slot.kind == FieldKind::Null;
    if (rootIsFieldObject && !fieldIrregular && hasParts) {
        slot.flags |= FieldObjectShaped;
        capture.resize(0);
        return;
    }

    // Irregular: drop the parts written so far and keep the JSON text instead.
    text.truncate(fieldTextStart);
    slot = FieldSlot{};
    slot.flags = FieldPresent | FieldHasValue;
    slot.kind = FieldKind::Json;
    slot.valueOffset = quint32(text.size());
    slot.valueSize = quint32(capture.size());
    text.append(capture);
    capture.resize(0);
}

JsonStreamReader::JsonStreamReader(const ReaderLimits &limits)
    : d(std::make_unique<Private>(limits))
{
}

JsonStreamReader::~JsonStreamReader() = default;

void JsonStreamReader::setDocumentIsRecord(bool enabled)
{
    d->documentIsRecord = enabled;
}

JsonStreamReader::Status JsonStreamReader::feed(QByteArrayView chunk)
{
    if (d->status != Reading || chunk.isEmpty())
        return d->status;

    constexpr qsizetype HeadSize = 256;
    if (d->head.size() < HeadSize)
        d->head.append(chunk.first(std::min(chunk.size(), HeadSize - d->head.size())));

    const char *begin = chunk.data();
    const char *end = begin + chunk.size();
    d->chunkBegin = begin;
    d->chunkEnd = end;
    if (d->capturing)
        d->captureFrom = begin;

    d->run(begin, end);

    if (d->status == Reading && d->capturing) {
        d->capture.append(d->captureFrom, end - d->captureFrom);
        d->captureFrom = nullptr;
        if (qsizetype(d->fieldTextStart) + d->capture.size() > d->limits.maxRecordBytes) {
            d->failAtOffset(LimitExceeded, d->consumedBefore,
                            u"A record in the body is larger than %1 bytes (the reader's record limit)"_s
                                .arg(d->limits.maxRecordBytes));
        }
    }
    d->consumedBefore += chunk.size();
    return d->status;
}

JsonStreamReader::Status JsonStreamReader::finish()
{
    if (d->status != Reading)
        return d->status;

    if (d->consumedBefore == 0) {
        d->failAtOffset(Truncated, 0, u"The body is empty; expected a JSON object"_s);
        return d->status;
    }
    if (d->expect != Expect::DocumentEnd || d->lexeme != Lexeme::None) {
        if (d->expect == Expect::DocumentStart) {
            d->failAtOffset(NotJson, 0, u"The body holds only whitespace; expected a JSON object"_s);
            return d->status;
        }
        d->failAtOffset(Truncated, d->consumedBefore,
                        u"The body ended after %1 bytes, before the JSON document was complete"_s
                            .arg(d->consumedBefore));
        return d->status;
    }
    d->status = Complete;
    return d->status;
}

QList<Record> JsonStreamReader::takeRecords()
{
    return std::exchange(d->completed, {});
}

qsizetype JsonStreamReader::pendingRecordCount() const
{
    return d->completed.size();
}

JsonStreamReader::Status JsonStreamReader::status() const
{
    return d->status;
}

JsonStreamReader::ErrorKind JsonStreamReader::errorKind() const
{
    return d->errorKind;
}

QString JsonStreamReader::errorMessage() const
{
    return d->errorMessage;
}

qint64 JsonStreamReader::errorOffset() const
{
    return d->errorOffset;
}

QByteArray JsonStreamReader::bodySnippet() const
{
    return d->head;
}

bool JsonStreamReader::hasResult() const
{
    return d->hasResult;
}

bool JsonStreamReader::isSingleResult() const
{
    return d->singleResult;
}

bool JsonStreamReader::hasServiceError() const
{
    return d->hasServiceError;
}

QString JsonStreamReader::serviceErrorMessage() const
{
    return QString::fromUtf8(d->serviceMessage);
}

QString JsonStreamReader::serviceErrorDetail() const
{
    return QString::fromUtf8(d->serviceDetail);
}

qint64 JsonStreamReader::bytesRead() const
{
    return d->consumedBefore;
}

qint64 JsonStreamReader::recordCount() const
{
    return d->recordCount;
}

} // namespace snow
