//! # Source text index
//!
//! The original text of a file and the questions the text back end asks about
//! it, each answered from spans and the parser's comment list, never by
//! searching the text: where a line starts, a column in characters, the
//! indentation, the line ending, and where the trivia (whitespace and
//! comments) around a token ends.
//!
//! ```text
//! async /* (1) */ () => f()
//! ^ arrow.lo     ^ skip_trivia(after `async`) lands on the real `(`,
//!                  not on the `(` inside the comment
//! ```
//!
//! ## Implementation
//!
//! Built once per file in linear time: line starts, a character count every
//! [`CHUNK`] bytes (so a column costs at most one chunk, whatever the line
//! length: 16,000 handlers on one minified line stay linear), and the comment
//! ranges sorted by offset (they never overlap, so their ends are sorted too
//! and both directions are a binary search). Trivia between two tokens is
//! exactly whitespace and those comments, so skipping it needs no lexer.

use swc_core::common::{
    comments::{CommentKind, SingleThreadedComments},
    BytePos,
};

/// Bytes between two character-count checkpoints.
const CHUNK: usize = 256;

/// One comment of the file, as byte offsets into the text.
#[derive(Debug, Clone, Copy)]
pub struct CommentRange {
    pub start: usize,
    pub end: usize,
    /// A `//` comment (else `/* */`).
    pub line: bool,
}

/// The original text and how to turn a span position into a byte offset.
#[derive(Debug, Clone)]
pub struct SourceText<'a> {
    pub text: &'a str,
    /// The source map position of the text's first byte.
    pub base: BytePos,
    comments: Vec<CommentRange>,
    line_starts: Vec<usize>,
    /// Characters before byte `k * CHUNK`.
    chars_before_chunk: Vec<usize>,
    eol: &'static str,
    /// Bytes the lookups examined (tests check that it stays linear).
    #[cfg(test)]
    pub(crate) scanned: std::cell::Cell<usize>,
}

impl<'a> SourceText<'a> {
    /// Indexes `text`, whose first byte is at `base`, with the comments the
    /// parser collected from it.
    pub fn new(text: &'a str, base: BytePos, comments: &SingleThreadedComments) -> Self {
        let (leading, trailing) = comments.borrow_all();
        let mut ranges: Vec<CommentRange> = leading
            .values()
            .chain(trailing.values())
            .flatten()
            .map(|comment| CommentRange {
                start: offset(base, comment.span.lo, text),
                end: offset(base, comment.span.hi, text),
                line: comment.kind == CommentKind::Line,
            })
            .collect();
        ranges.sort_by_key(|c| c.start);
        ranges.dedup_by_key(|c| c.start);
        let bytes = text.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(memchr_lines(bytes))
            .collect::<Vec<_>>();
        let mut chars_before_chunk = Vec::with_capacity(bytes.len() / CHUNK + 1);
        let mut count = 0;
        for chunk in bytes.chunks(CHUNK) {
            chars_before_chunk.push(count);
            count += chunk.iter().filter(|b| is_char_start(**b)).count();
        }
        chars_before_chunk.push(count);
        let eol = match text.find('\n') {
            Some(i) if i > 0 && bytes[i - 1] == b'\r' => "\r\n",
            _ => "\n",
        };
        SourceText {
            text,
            base,
            comments: ranges,
            line_starts,
            chars_before_chunk,
            eol,
            #[cfg(test)]
            scanned: Default::default(),
        }
    }

    /// Counts `bytes` examined by a lookup (tests only).
    #[inline]
    fn note_scanned(&self, _bytes: usize) {
        #[cfg(test)]
        self.scanned.set(self.scanned.get() + _bytes);
    }

    /// The byte offset of a span position.
    pub fn at(&self, pos: BytePos) -> usize {
        offset(self.base, pos, self.text)
    }

    /// The file's line ending (that of its first line).
    pub fn eol(&self) -> &'static str {
        self.eol
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|start| *start <= offset) - 1
    }

    /// The offset where the line holding `offset` starts.
    pub fn line_start(&self, offset: usize) -> usize {
        self.line_starts[self.line_of(offset)]
    }

    /// The offset where the 0-based `line` starts (the text's end past the last line).
    pub fn line_start_of(&self, line: usize) -> usize {
        self.line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len())
    }

    /// Characters from the start of `offset`'s line to `offset`.
    pub fn column(&self, offset: usize) -> usize {
        self.chars_before(offset) - self.chars_before(self.line_start(offset))
    }

    fn chars_before(&self, offset: usize) -> usize {
        let chunk = offset / CHUNK;
        let from = chunk * CHUNK;
        self.note_scanned(offset - from);
        self.chars_before_chunk[chunk]
            + self.text.as_bytes()[from..offset]
                .iter()
                .filter(|b| is_char_start(**b))
                .count()
    }

    /// The blanks at the start of `offset`'s line.
    pub fn indentation(&self, offset: usize) -> &'a str {
        let line = &self.text[self.line_start(offset)..];
        let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        self.note_scanned(indent.len() + 1);
        indent
    }

    /// The comment starting exactly at `offset`.
    pub fn comment_at(&self, offset: usize) -> Option<CommentRange> {
        let index = self.comments.partition_point(|c| c.start < offset);
        self.comments
            .get(index)
            .filter(|c| c.start == offset)
            .copied()
    }

    /// The comment ending exactly at `offset`.
    fn comment_ending_at(&self, offset: usize) -> Option<CommentRange> {
        let index = self.comments.partition_point(|c| c.end < offset);
        self.comments
            .get(index)
            .filter(|c| c.end == offset)
            .copied()
    }

    /// The comments that start in `range`, in order.
    pub fn comments_in(&self, range: std::ops::Range<usize>) -> &[CommentRange] {
        let from = self.comments.partition_point(|c| c.start < range.start);
        let to = self.comments.partition_point(|c| c.start < range.end);
        &self.comments[from..to.max(from)]
    }

    /// The first offset at or after `offset` that is not whitespace or a
    /// comment. `offset` must be outside any token.
    pub fn skip_trivia(&self, mut offset: usize) -> usize {
        loop {
            let rest = &self.text[offset..];
            let trimmed = rest.trim_start();
            self.note_scanned(rest.len() - trimmed.len() + 1);
            offset += rest.len() - trimmed.len();
            match self.comment_at(offset) {
                Some(comment) if comment.end > offset => offset = comment.end,
                _ => return offset,
            }
        }
    }

    /// The last offset at or before `offset` that follows a token (not
    /// whitespace or a comment). `offset` must be outside any token.
    pub fn skip_trivia_back(&self, mut offset: usize) -> usize {
        loop {
            let before = &self.text[..offset];
            offset = before.trim_end().len();
            self.note_scanned(before.len() - offset + 1);
            match self.comment_ending_at(offset) {
                Some(comment) if comment.start < offset => offset = comment.start,
                _ => return offset,
            }
        }
    }

    /// The byte at `offset`, if any.
    pub fn byte(&self, offset: usize) -> Option<u8> {
        self.text.as_bytes().get(offset).copied()
    }
}

fn offset(base: BytePos, pos: BytePos, text: &str) -> usize {
    (pos.0.saturating_sub(base.0) as usize).min(text.len())
}

/// The offsets just after each `\n`.
fn memchr_lines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i + 1)
}

/// Whether a UTF-8 byte starts a character (is not a continuation byte).
fn is_char_start(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}
