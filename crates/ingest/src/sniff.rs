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
