//! Bytes to text: BOMs, UTF-8, UTF-16 and legacy Cyrillic encodings; binary files refused.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Why bytes are not text we can read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("this looks like a binary file, not text (byte {offset} is a control character)")]
    Binary { offset: usize },
}

/// Decode file bytes to text, returning the text and the name of the encoding found.
/// A byte-order mark is removed; everything else is kept verbatim.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == UTF_16LE || enc == UTF_16BE {
            let (text, had_errors) = enc.decode_without_bom_handling(body);
            check_text(text.as_bytes())?;
            let _ = had_errors;
            return Ok((
                text.into_owned(),
                if enc == UTF_16LE {
                    "UTF-16LE"
                } else {
                    "UTF-16BE"
                },
            ));
        }
        check_binary(body)?;
        let (text, _) = UTF_8.decode_without_bom_handling(body);
        return Ok((text.into_owned(), "UTF-8 (BOM)"));
    }
    check_binary(bytes)?;
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), "UTF-8"));
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, _) = enc.decode(bytes);
    Ok((text.into_owned(), enc.name()))
}

/// Refuse bytes with NUL or many other control characters in the first 64 KiB.
fn check_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let head = &bytes[..bytes.len().min(65536)];
    let mut controls = 0usize;
    for (i, &b) in head.iter().enumerate() {
        if b == 0 {
            return Err(DecodeError::Binary { offset: i });
        }
        if b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b) {
            controls += 1;
            if controls > 8 && controls * 100 > i + 1 {
                return Err(DecodeError::Binary { offset: i });
            }
        }
    }
    Ok(())
}

fn check_text(bytes: &[u8]) -> Result<(), DecodeError> {
    check_binary(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        let (t, e) = decode("\u{feff}Київ".as_bytes()).unwrap();
        assert_eq!(t, "Київ");
        assert_eq!(e, "UTF-8 (BOM)");
    }

    #[test]
    fn utf16le_with_bom() {
        let mut b = vec![0xff, 0xfe];
        for u in "Покровськ\n".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let (t, e) = decode(&b).unwrap();
        assert_eq!(t, "Покровськ\n");
        assert_eq!(e, "UTF-16LE");
    }

    #[test]
    fn cp1251_is_detected() {
        let text = "Российские войска продолжают наступление на Покровск, сообщили в штабе.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let (t, e) = decode(&bytes).unwrap();
        assert_eq!(t, text);
        assert_eq!(e, "windows-1251");
    }

    #[test]
    fn koi8r_is_detected() {
        let text = "Министерство обороны России заявило о взятии села, но украинские военные это отрицают.";
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(text);
        let (t, e) = decode(&bytes).unwrap();
        assert!(e == "KOI8-R" || e == "KOI8-U", "{e}");
        assert_eq!(t, text);
    }

    #[test]
    fn binary_is_refused() {
        let b = [
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
        ];
        assert!(matches!(decode(&b), Err(DecodeError::Binary { .. })));
    }
}
