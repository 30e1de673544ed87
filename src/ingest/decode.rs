//! Bytes to text: BOMs, UTF-8, UTF-16 and legacy Cyrillic encodings; binary files refused.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// Why bytes are not text we can read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("this looks like a binary file, not text (byte {offset} is a control character)")]
    Binary { offset: usize },
}

/// Text decoded from a file's bytes.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding found ("UTF-8", "windows-1251", ...).
    pub encoding: &'static str,
    /// Byte sequences that were not valid in that encoding and became U+FFFD, if any.
    pub lossy: Option<Lossy>,
}

/// Where decoding replaced bytes it could not read.
#[derive(Debug, PartialEq, Eq)]
pub struct Lossy {
    /// How many invalid byte sequences were replaced.
    pub replaced: usize,
    /// Byte offset in the file of the first.
    pub first: usize,
}

impl Lossy {
    /// What the user is told, e.g. "the file is UTF-8 text with 3 invalid byte sequences (the
    /// first at byte 100), shown as �".
    pub fn warning(&self, encoding: &str) -> String {
        let what = if self.replaced == 1 {
            "1 invalid byte sequence".to_owned()
        } else {
            format!("{} invalid byte sequences", self.replaced)
        };
        format!(
            "the file is {encoding} text with {what} (the first at byte {}), shown as \u{fffd}",
            self.first
        )
    }
}

/// Decode file bytes to text. A byte-order mark is removed; everything else is kept
/// verbatim. Text that is UTF-8 but for a few invalid bytes is read as UTF-8 with those
/// bytes replaced (and reported in `lossy`), not guessed to be a legacy encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == UTF_16LE || enc == UTF_16BE {
            let (text, had_errors) = enc.decode_without_bom_handling(body);
            check_text(text.as_bytes())?;
            let lossy = had_errors.then(|| utf16_lossy(&text, bom_len));
            return Ok(Decoded {
                text: text.into_owned(),
                encoding: if enc == UTF_16LE {
                    "UTF-16LE"
                } else {
                    "UTF-16BE"
                },
                lossy,
            });
        }
        check_binary(body)?;
        let (text, lossy) = utf8_lossy(body, bom_len);
        return Ok(Decoded {
            text,
            encoding: "UTF-8 (BOM)",
            lossy,
        });
    }
    check_binary(bytes)?;
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_owned(),
            encoding: "UTF-8",
            lossy: None,
        });
    }
    if mostly_utf8(bytes) {
        let (text, lossy) = utf8_lossy(bytes, 0);
        return Ok(Decoded {
            text,
            encoding: "UTF-8",
            lossy,
        });
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, had_errors) = enc.decode(bytes);
    let lossy = had_errors.then(|| Lossy {
        replaced: text.matches('\u{fffd}').count(),
        first: 0,
    });
    Ok(Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        lossy,
    })
}

/// Whether invalid UTF-8 is still mostly UTF-8: its valid multi-byte characters outnumber
/// its invalid sequences several times over. Legacy Cyrillic (windows-1251, KOI8-R) text
/// forms almost no valid multi-byte sequences, so it is never taken for UTF-8.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    multibyte >= 4 * invalid
}

/// UTF-8 with each invalid sequence replaced by U+FFFD; `offset` is where `bytes` starts in
/// the file.
fn utf8_lossy(bytes: &[u8], offset: usize) -> (String, Option<Lossy>) {
    let mut text = String::with_capacity(bytes.len());
    let mut lossy: Option<Lossy> = None;
    let mut at = offset;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            text.push('\u{fffd}');
            match &mut lossy {
                Some(l) => l.replaced += 1,
                None => {
                    lossy = Some(Lossy {
                        replaced: 1,
                        first: at,
                    });
                }
            }
            at += chunk.invalid().len();
        }
    }
    (text, lossy)
}

/// The replacements in decoded UTF-16, with the first's byte offset (two bytes a unit, an
/// approximation where characters outside the BMP come before it).
fn utf16_lossy(text: &str, offset: usize) -> Lossy {
    let first_units: usize = text
        .split('\u{fffd}')
        .next()
        .map_or(0, |before| before.encode_utf16().count());
    Lossy {
        replaced: text.matches('\u{fffd}').count(),
        first: offset + 2 * first_units,
    }
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
        let d = decode("\u{feff}Київ".as_bytes()).unwrap();
        let (t, e) = (d.text, d.encoding);
        assert_eq!(t, "Київ");
        assert_eq!(e, "UTF-8 (BOM)");
    }

    #[test]
    fn utf16le_with_bom() {
        let mut b = vec![0xff, 0xfe];
        for u in "Покровськ\n".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&b).unwrap();
        let (t, e) = (d.text, d.encoding);
        assert_eq!(t, "Покровськ\n");
        assert_eq!(e, "UTF-16LE");
    }

    #[test]
    fn cp1251_is_detected() {
        let text = "Российские войска продолжают наступление на Покровск, сообщили в штабе.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.lossy, None);
        let (t, e) = (d.text, d.encoding);
        assert_eq!(t, text);
        assert_eq!(e, "windows-1251");
    }

    #[test]
    fn koi8r_is_detected() {
        let text = "Министерство обороны России заявило о взятии села, но украинские военные это отрицают.";
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.lossy, None);
        let (t, e) = (d.text, d.encoding);
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

    #[test]
    fn utf8_with_one_invalid_byte_stays_utf8() {
        let text = "Российские войска продолжают наступление на Покровск, сообщили в штабе.\n";
        let mut b = text.as_bytes().to_vec();
        b.insert(10, 0xff);
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text.replace('\u{fffd}', ""), text);
        assert_eq!(
            d.lossy,
            Some(Lossy {
                replaced: 1,
                first: 10
            })
        );
    }
}
