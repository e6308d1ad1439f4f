//! Telling text from binary data and decoding it.
//!
//! ## What it handles
//! NUL bytes or many control characters in the first 8 KiB mark a file as binary; a UTF-8
//! byte-order mark is dropped; invalid UTF-8 is reported with the offset of the first bad
//! byte.
//!
//! ## What it does not
//! Guess legacy encodings (Latin-1, Windows-1252): such files are reported, not decoded,
//! because a wrong guess would corrupt every quote taken from them.

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

/// Decompresses gzip data (all members), refusing more than `limit` bytes of output.
pub(crate) fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>, Problem> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| Problem::BadGzip(e.to_string()))?;
    if out.len() as u64 > limit {
        return Err(Problem::TooLarge {
            bytes: out.len() as u64,
            limit,
        });
    }
    Ok(out)
}

/// True when the bytes open like an HTML page (see [`crate::html::looks_like_html`]).
pub(crate) fn looks_like_html_bytes(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    crate::html::looks_like_html(&String::from_utf8_lossy(head))
}

/// Decodes an HTML page: the charset its `<meta>` declares (or a byte-order mark), else
/// UTF-8, else Windows-1252 (what browsers assume for undeclared Western pages).
pub(crate) fn decode_html(bytes: Vec<u8>) -> Result<String, Problem> {
    if looks_binary(&bytes) {
        return Err(Problem::Binary);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let declared = head.find("charset=").and_then(|i| {
        let rest = head[i + 8..].trim_start_matches(['"', '\'', ' ']);
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        encoding_rs::Encoding::for_label(&rest.as_bytes()[..end])
    });
    let encoding = match declared {
        Some(e) => e,
        None if std::str::from_utf8(&bytes).is_ok() => encoding_rs::UTF_8,
        None => encoding_rs::WINDOWS_1252,
    };
    // UTF-8 as declared or found: no copy (the bytes become the string, BOM aside).
    let text = if encoding == encoding_rs::UTF_8 {
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
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        }
    } else {
        encoding.decode(&bytes).0.into_owned()
    };
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    Ok(text)
}

/// A file's bytes as a stream, decompressed as they are read when the file is gzip.
pub(crate) fn open_decompressed(
    path: &std::path::Path,
) -> std::io::Result<Box<dyn std::io::Read + Send>> {
    use std::io::BufRead;
    let mut file = std::io::BufReader::new(std::fs::File::open(path)?);
    Ok(if file.fill_buf().is_ok_and(is_gzip) {
        Box::new(flate2::bufread::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    })
}
