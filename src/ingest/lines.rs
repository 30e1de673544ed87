//! Line numbers of parts of a file's text (records, messages), counted forward once through
//! the file so that numbering many parts stays linear in the file's size.

/// Counts newlines from the start of a text up to the parts asked about, in file order.
pub struct LineCounter<'a> {
    text: &'a str,
    /// Byte offset up to which newlines are counted.
    counted: usize,
    /// The 1-based line at `counted`.
    line: u32,
}

impl<'a> LineCounter<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            counted: 0,
            line: 1,
        }
    }

    /// The 1-based line on which `part`, a slice of the text, starts. Parts are asked about in
    /// the order they come in the file; one before the last asked about gets the last's line.
    pub fn line_of(&mut self, part: &str) -> u32 {
        // `part` is a slice of `text`: its offset is the distance between their starts.
        let at = (part.as_ptr() as usize)
            .saturating_sub(self.text.as_ptr() as usize)
            .min(self.text.len());
        if at > self.counted {
            let newlines = self.text.as_bytes()[self.counted..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.line = self
                .line
                .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
            self.counted = at;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_parts_in_order() {
        let text = "a\nb\n\nc d\n";
        let mut c = LineCounter::new(text);
        assert_eq!(c.line_of(&text[0..1]), 1);
        assert_eq!(c.line_of(&text[2..3]), 2);
        assert_eq!(c.line_of(&text[5..6]), 4);
        assert_eq!(c.line_of(&text[7..8]), 4);
        assert_eq!(c.line_of(text), 4, "an earlier part gets the last line");
    }
}
