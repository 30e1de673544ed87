//! The cleaner: any text in any format is rendered to lines whose spans stay inside the
//! text, and classified, never a panic.
#![no_main]

use crosscheck::clean::{Document, Furniture, classify};
use crosscheck::model::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Some((&selector, rest)) = bytes.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let format = match selector % 5 {
        0 => Format::Text,
        1 => Format::Markdown,
        2 => Format::Html,
        3 => Format::Json,
        _ => Format::Telegram,
    };
    let doc = Document::build(text, format);
    for l in &doc.lines {
        assert!(l.start <= l.end && l.end <= doc.text.len(), "line out of bounds");
        assert!(doc.text.is_char_boundary(l.start) && doc.text.is_char_boundary(l.end));
    }
    let kinds = classify(&doc, &Furniture::default());
    assert_eq!(kinds.len(), doc.lines.len());
});
