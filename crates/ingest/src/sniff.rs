//! Telling text from binary data and decoding it.
//!
//! ## What it handles
//! NUL bytes or many control characters in the first 8 KiB mark a file as binary; a UTF-8
//! byte-order mark is dropped; invalid UTF-8 in a text article is reported with the offset
//! of the first bad byte. Pages and feeds decode the charset they declare (a `<meta>`, an
//! HTTP header, an XML declaration, a byte-order mark), believed only when the bytes agree
//! with it, and fall back to UTF-8 or Windows-1252 as browsers do ([`decode_html`],
//! [`decode_xml`]). Files are opened only when they are regular files ([`open_regular`]),
//! and read and inflated only up to their bound ([`read_file_within`], [`gunzip`]).
//!
//! ## What it does not
//! Guess the encoding of a plain-text article that is not UTF-8: nothing in such a file
//! says what it is, and reading Windows-1251 or Shift_JIS bytes as Windows-1252 would give
//! plausible Latin letters that corrupt every quote taken from them; such files are
//! reported, not decoded.

use crate::Problem;

/// Decodes a file's bytes as article text.
pub(crate) fn decode_text(mut bytes: Vec<u8>) -> Result<String, Problem> {
    if looks_binary(&bytes) {
        return Err(Problem::Binary);
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| Problem::InvalidUtf8 {
        at: e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    Ok(text)
}

/// True for data that is not text: a NUL byte, or more than one control character in ten,
/// among the first 8 KiB.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    !head.is_empty() && control * 10 > head.len()
}

/// True for gzip data (its magic number).
pub(crate) fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Decompresses gzip data (all members), inflating no more than `limit` bytes: past it
/// inflating stops and the data is refused.
pub(crate) fn gunzip(bytes: &[u8], limit: u64, of: &'static str) -> Result<Vec<u8>, Problem> {
    read_within(flate2::read::MultiGzDecoder::new(bytes), limit, of).map_err(|p| match p {
        Problem::Unreadable(e) => Problem::BadGzip(e.to_string()),
        Problem::TooLarge { limit, of, .. } => Problem::InflatesTooLarge { limit, of },
        p => p,
    })
}

/// Everything a reader gives, up to `limit` bytes: one byte more and reading stops, and
/// the input is refused as too large (with the bytes counted so far).
pub(crate) fn read_within(
    reader: impl std::io::Read,
    limit: u64,
    of: &'static str,
) -> Result<Vec<u8>, Problem> {
    use std::io::Read;
    let mut out = Vec::new();
    reader.take(limit.saturating_add(1)).read_to_end(&mut out)?;
    if out.len() as u64 > limit {
        return Err(Problem::TooLarge {
            bytes: out.len() as u64,
            limit,
            of,
        });
    }
    Ok(out)
}

/// What a file that is not a regular file is, in words.
fn special_kind(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// `Ok` for the metadata of a regular file, else what the file is.
pub(crate) fn regular(meta: &std::fs::Metadata) -> Result<(), Problem> {
    if meta.is_file() {
        Ok(())
    } else {
        Err(Problem::NotAFile {
            kind: special_kind(meta.file_type()),
        })
    }
}

/// Opens a regular file for reading. Its type is checked before it is opened (through
/// symbolic links), since opening a FIFO waits for a writer and a device may never end,
/// and again on the file opened.
pub(crate) fn open_regular(path: &std::path::Path) -> Result<std::fs::File, Problem> {
    regular(&std::fs::metadata(path)?)?;
    let file = std::fs::File::open(path)?;
    regular(&file.metadata()?)?;
    Ok(file)
}

/// A regular file's bytes, decompressed when it is gzip, refused past `limit` bytes
/// before and after decompression: the bytes are counted as they are read, so a file that
/// grows, or inflates, past its bound is never held whole.
pub(crate) fn read_file_within(
    path: &std::path::Path,
    limit: u64,
    of: &'static str,
) -> Result<Vec<u8>, Problem> {
    let file = open_regular(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Err(Problem::TooLarge {
            bytes: size,
            limit,
            of,
        });
    }
    let bytes = read_within(file, limit, of)?;
    if is_gzip(&bytes) {
        return gunzip(&bytes, limit, of);
    }
    Ok(bytes)
}

/// True when the bytes open like an HTML page (see [`crate::html::looks_like_html`]).
pub(crate) fn looks_like_html_bytes(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    crate::html::looks_like_html(&String::from_utf8_lossy(head))
}

/// Decodes an HTML page. A byte-order mark decides; else the charset that the HTTP
/// response (`http_charset`) or the page's `<meta>` declares, believed only when the
/// bytes agree with it; else UTF-8 when the bytes read as UTF-8, else Windows-1252 (what
/// browsers assume for undeclared Western pages).
///
/// The bytes agree with a declared charset when they decode in it without an error and
/// are not, for a legacy declaration, valid UTF-8 holding multi-byte characters (a
/// template that still says ISO-8859-1 around UTF-8 text). A declared UTF-16 is never
/// believed without its byte-order mark: a declaration that could be read as ASCII was
/// not written in UTF-16 (the HTML standard reads it as UTF-8 for the same reason).
pub(crate) fn decode_html(bytes: Vec<u8>, http_charset: Option<&str>) -> Result<String, Problem> {
    let bom = encoding_rs::Encoding::for_bom(&bytes);
    if let Some((encoding, skip)) = bom.filter(|(e, _)| *e != encoding_rs::UTF_8) {
        return decode_checked(encoding, &bytes[skip..]);
    }
    if looks_binary(&bytes) {
        return Err(Problem::Binary);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let declared = bom
        .map(|(e, _)| e)
        .or_else(|| {
            http_charset.and_then(|c| encoding_rs::Encoding::for_label(c.trim().as_bytes()))
        })
        .or_else(|| {
            let i = head.find("charset=")?;
            let rest = head[i + 8..].trim_start_matches(['"', '\'', ' ']);
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            encoding_rs::Encoding::for_label(&rest.as_bytes()[..end])
        });
    let text = match declared.filter(|&e| agrees(e, &bytes)) {
        Some(e) if e != encoding_rs::UTF_8 => e.decode_without_bom_handling(&bytes).0.into_owned(),
        _ if reads_as_utf8(&bytes) => utf8_lossy(bytes),
        _ => encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned(),
    };
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    Ok(text)
}

/// Decodes a feed (XML). A byte-order mark decides, or the first bytes of `<?` in UTF-16;
/// else the encoding its XML declaration names, believed only when the bytes agree (see
/// [`decode_html`]), else UTF-8 when they read as UTF-8, else Windows-1252. With no
/// declaration a feed must be UTF-8 (as XML requires): anything else is refused.
pub(crate) fn decode_xml(bytes: Vec<u8>) -> Result<String, Problem> {
    let utf16 = match bytes.get(..4) {
        Some([0x3c, 0, 0x3f, 0]) => Some(encoding_rs::UTF_16LE),
        Some([0, 0x3c, 0, 0x3f]) => Some(encoding_rs::UTF_16BE),
        _ => None,
    };
    let bom = encoding_rs::Encoding::for_bom(&bytes).filter(|(e, _)| *e != encoding_rs::UTF_8);
    if let Some((encoding, skip)) = bom.or(utf16.map(|e| (e, 0))) {
        return decode_checked(encoding, &bytes[skip..]);
    }
    let head = &bytes[..bytes.len().min(512)];
    let declared = head
        .starts_with(b"<?xml")
        .then(|| {
            let end = memchr::memmem::find(head, b"?>")?;
            let decl = std::str::from_utf8(&head[..end]).ok()?;
            let at = decl.find("encoding")? + "encoding".len();
            let rest = decl[at..].trim_start().strip_prefix('=')?.trim_start();
            let quote = rest.chars().next().filter(|q| matches!(q, '"' | '\''))?;
            let value = rest[1..].split(quote).next()?;
            encoding_rs::Encoding::for_label(value.trim().as_bytes())
        })
        .flatten();
    match declared {
        Some(e) if e != encoding_rs::UTF_8 && agrees(e, &bytes) => {
            Ok(e.decode_without_bom_handling(&bytes).0.into_owned())
        }
        Some(_) if !reads_as_utf8(&bytes) => {
            Ok(encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned())
        }
        Some(_) if std::str::from_utf8(&bytes).is_err() => Ok(utf8_lossy(bytes)),
        _ => decode_text(bytes),
    }
}

/// True when `bytes` agree with a declared `encoding`: they decode in it without error,
/// and a legacy (non-Unicode) declaration is not on valid UTF-8 with multi-byte
/// characters. UTF-16 declared without a byte-order mark never agrees: the declaration
/// itself was read as ASCII.
fn agrees(encoding: &'static encoding_rs::Encoding, bytes: &[u8]) -> bool {
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        return false;
    }
    if encoding == encoding_rs::UTF_8 {
        return std::str::from_utf8(bytes).is_ok();
    }
    let utf8 = std::str::from_utf8(bytes).is_ok_and(|t| !t.is_ascii());
    !utf8
        && encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
}

/// True when bytes are UTF-8, or more nearly so than not: more multi-byte characters
/// decode than bytes fail (a UTF-8 page with a stray byte is still UTF-8; Windows-1252
/// text, whose accented letters are single bytes, fails at each of them).
fn reads_as_utf8(bytes: &[u8]) -> bool {
    let (mut wide, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        wide += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    bad == 0 || wide > bad
}

/// Bytes as UTF-8 text: no copy when they are valid (a UTF-8 byte-order mark dropped),
/// invalid bytes replaced otherwise.
fn utf8_lossy(bytes: Vec<u8>) -> String {
    let start = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    match String::from_utf8(bytes) {
        Ok(mut t) => {
            t.drain(..start);
            t
        }
        Err(e) => String::from_utf8_lossy(&e.as_bytes()[start..]).into_owned(),
    }
}

/// Bytes in an encoding a byte-order mark (or UTF-16's pattern of zero bytes) has shown:
/// refused as binary when they do not decode in it.
fn decode_checked(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
) -> Result<String, Problem> {
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or(Problem::Binary)?
        .into_owned();
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    Ok(text)
}

/// Reads one line (up to and with its `\n`, or to the end) into `buf`, keeping no more
/// than `limit` + 1 of its bytes: the rest of a longer line is read and dropped, so a line
/// of any length (a gzip-compressed one inflating to gigabytes) costs no more memory than
/// that. Returns how many bytes the line had; 0 at the end of the input.
pub(crate) fn read_line_within(
    r: &mut impl std::io::BufRead,
    buf: &mut Vec<u8>,
    limit: u64,
) -> std::io::Result<u64> {
    let room = usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX);
    let mut total = 0u64;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(total);
        }
        let (len, ends) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let keep = len.min(room.saturating_sub(buf.len()));
        buf.extend_from_slice(&chunk[..keep]);
        r.consume(len);
        total += len as u64;
        if ends {
            return Ok(total);
        }
    }
}

/// A regular file's bytes as a stream, decompressed as they are read when the file is
/// gzip (the reader counts what it takes: JSON lines and WARC records bound each line
/// and record as they inflate).
pub(crate) fn open_decompressed(
    path: &std::path::Path,
) -> Result<Box<dyn std::io::Read + Send>, Problem> {
    use std::io::BufRead;
    let mut file = std::io::BufReader::new(open_regular(path)?);
    Ok(if file.fill_buf().is_ok_and(is_gzip) {
        Box::new(flate2::bufread::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    })
}
