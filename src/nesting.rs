//! # Nesting guard: too deeply nested input is HC101, never a crash
//!
//! SWC's parser, its visitors and its printer recurse once per nesting level.
//! A native stack overflow cannot be caught (the process aborts), so before
//! parsing, the driver measures how deeply the source nests with one
//! iterative pass over its bytes and refuses a file that nests more than
//! [`MAX_NESTING`] levels, like one that does not parse.
//!
//! ```text
//! nesting_exceeds("((((x))))", 3) → Some(3)   // the byte offset of the 4th `(`
//! nesting_exceeds("<a><b /></a>", 3) → None
//! ```
//!
//! ## Implementation
//!
//! The estimate is a lexical over-approximation, not a parse: it counts open
//! brackets (`(`, `[`, `{`, `${`), JSX elements opened inside each bracket
//! (a `<` that can start a tag: at an operand position, or after a space, so
//! `a < b` counts too, and vanishes when its bracket closes), runs of prefix
//! operators and keywords (`!!!x`, `typeof typeof x`), and chains of `=` and
//! `=>` up to the next `,`, `;` or line that ends with an operand. JSX text
//! between tags is text (its quotes and parentheses are not code), strings
//! end at their quote or a line break, comments are skipped. Real code nests
//! a few dozen levels; the limit is far above that and far below what a
//! front end's stack holds (the CLI runs every file on a thread with
//! [`STACK_BYTES`] of stack).
//!
//! The transform's output nests deeper than its input (`handler(` around
//! each arrow). The driver checks the output too and refuses a file whose
//! rewrite would exceed the limit, so a second run reads every first run's
//! output: running twice equals running once.
//!
//! Chains that nest the tree one cheap level per operator (`a.b.c...`,
//! `1 + 1 + ...`, `f()()`, `a ? b : c ? ...`, `if ... else if ...`) are
//! counted apart, per stretch between `,`, `;` and line ends after an
//! operand (`else` until its bracket closes), and may reach
//! [`CHAIN_FACTOR`] × [`MAX_NESTING`]: a level costs up to ~2 KiB there.

/// Deepest nesting a file may have; deeper files are reported as HC101.
pub const MAX_NESTING: usize = 1_000;

/// Chains of operators nest one cheap level each (a few KiB of stack in a
/// debug build), so a stretch of code may hold this many times
/// [`MAX_NESTING`] of them.
pub const CHAIN_FACTOR: usize = 50;

/// Stack size that holds [`MAX_NESTING`] levels through parsing, analysis and
/// printing, in debug builds too (measured: up to ~35 KiB a level there, for
/// nested functions), with room for the chains the guard does not count.
pub const STACK_BYTES: usize = 256 * 1024 * 1024;

/// The byte offset where `source` first nests deeper than `limit`, if it does.
pub fn nesting_exceeds(source: &str, limit: usize) -> Option<usize> {
    Scan {
        bytes: source.as_bytes(),
        at: 0,
        frames: vec![Frame::new(false)],
        total: 0,
        ops_total: 0,
        prefix_run: 0,
        operand_next: true,
        space_before: false,
    }
    .run(limit)
}

/// What the bytes inside a bracket are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Code,
    /// Inside `<a ...>` up to its `>`.
    OpeningTag,
    /// Inside `</a>` up to its `>`.
    ClosingTag,
    /// JSX text between tags: quotes and parentheses are text.
    Children,
}

/// One open bracket and the JSX elements opened directly inside it.
struct Frame {
    template: bool,
    jsx: usize,
    /// `=` and `=>` since the last `,`, `;` or line end after an operand.
    chain: usize,
    /// Operators, `.` and bracket openings over the same stretch: each can
    /// nest the tree one level (`a.b.c`, `1 + 1 + 1`, `f()()`, `a ? b : c ? ...`).
    ops: usize,
    /// `else`s in this bracket: `if ... else if ...` nests, `;` or not.
    elses: usize,
    mode: Mode,
}

impl Frame {
    fn new(template: bool) -> Frame {
        Frame {
            template,
            jsx: 0,
            chain: 0,
            ops: 0,
            elses: 0,
            mode: Mode::Code,
        }
    }
}

struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The file's own frame first, then one per open bracket.
    frames: Vec<Frame>,
    /// Open brackets + their JSX elements (the prefix run is added on top).
    total: usize,
    /// The frames' `ops` and `elses`, summed.
    ops_total: usize,
    prefix_run: usize,
    /// The previous token leaves an operand to come (`(`, `=`, `return`...).
    operand_next: bool,
    space_before: bool,
}

impl Scan<'_> {
    fn run(mut self, limit: usize) -> Option<usize> {
        while let Some(&byte) = self.bytes.get(self.at) {
            let start = self.at;
            let next = self.bytes.get(self.at + 1).copied();
            self.at += 1;
            if byte.is_ascii_whitespace() {
                if byte == b'\n' && !self.operand_next {
                    self.end_chain();
                }
                self.space_before = true;
                continue;
            }
            if self.mode() == Mode::Children {
                self.child_byte(byte, next);
            } else if !self.code_byte(byte, next, start) {
                continue;
            }
            if self.total + self.prefix_run > limit || self.ops_total > limit * CHAIN_FACTOR {
                return Some(start);
            }
        }
        None
    }

    fn mode(&self) -> Mode {
        self.frames.last().map_or(Mode::Code, |f| f.mode)
    }

    fn set_mode(&mut self, mode: Mode) {
        if let Some(frame) = self.frames.last_mut() {
            frame.mode = mode;
        }
    }

    /// A byte of JSX text: only tags and `{`/`}` matter.
    fn child_byte(&mut self, byte: u8, next: Option<u8>) {
        match (byte, next) {
            (b'{', _) => self.open(false),
            (b'}', _) => self.close_brace(),
            (b'<', Some(b'/')) => {
                self.close_jsx();
                self.set_mode(Mode::ClosingTag);
            }
            (b'<', _) => self.open_jsx(),
            _ => {}
        }
        self.operand_next = true;
    }

    /// A byte of code or of a tag; false when it was a comment.
    fn code_byte(&mut self, byte: u8, next: Option<u8>, start: usize) -> bool {
        let mode = self.mode();
        if is_ident_part(byte) && self.bytes.get(start + 1).is_some_and(|&b| is_ident_part(b)) {
            // Inside a word: only its end matters.
            self.space_before = false;
            return true;
        }
        let word = is_ident_part(byte).then(|| self.word_ending_at(start));
        let is_else = word == Some(b"else".as_slice());
        let prefix = (matches!(byte, b'!' | b'~' | b'-' | b'+') && self.operand_next)
            || word.is_some_and(is_prefix_keyword);
        if is_else {
            self.add_else();
        }
        if mode == Mode::Code
            && matches!(
                byte,
                b'.' | b'+'
                    | b'-'
                    | b'*'
                    | b'/'
                    | b'%'
                    | b'&'
                    | b'|'
                    | b'^'
                    | b'<'
                    | b'>'
                    | b'?'
                    | b':'
                    | b'('
                    | b'['
                    | b'{'
            )
        {
            self.add_op();
        }
        match (byte, next) {
            (b'/', Some(b'/')) => {
                // Up to the line break, which the next round sees.
                self.skip_until(b"\n");
                self.at -= usize::from(self.bytes.get(self.at - 1) == Some(&b'\n'));
                self.space_before = true;
                return false;
            }
            (b'/', Some(b'*')) => {
                self.at += 1;
                self.skip_until(b"*/");
                self.space_before = true;
                return false;
            }
            (b'\'' | b'"', _) => self.skip_string(byte),
            (b'`', _) => self.template(),
            (b'(' | b'[' | b'{', _) => self.open(false),
            (b')' | b']', _) => {
                self.close();
            }
            (b'}', _) => self.close_brace(),
            (b'/', Some(b'>')) if mode == Mode::OpeningTag => {
                self.at += 1;
                self.close_jsx();
                self.end_tag();
            }
            (b'>', _) if mode == Mode::OpeningTag => self.set_mode(Mode::Children),
            (b'>', _) if mode == Mode::ClosingTag => self.end_tag(),
            (b'<', Some(b'/')) => {
                self.close_jsx();
                self.set_mode(Mode::ClosingTag);
            }
            (b',' | b';', _) => self.end_chain(),
            (b'=', Some(b'>')) if mode == Mode::Code => self.add_chain(),
            (b'=', _)
                if mode == Mode::Code && next != Some(b'=') && !self.after_comparison(start) =>
            {
                self.add_chain()
            }
            (b'<', Some(b'>')) => self.open_jsx(),
            (b'<', Some(c)) if is_ident_start(c) && (self.operand_next || self.space_before) => {
                self.open_jsx()
            }
            _ => {}
        }
        self.prefix_run = if prefix { self.prefix_run + 1 } else { 0 };
        self.operand_next = self.leaves_operand(byte, start);
        self.space_before = false;
        true
    }

    /// After a tag's `>`: the parent element's children, or code again.
    fn end_tag(&mut self) {
        let open = self.frames.last().is_some_and(|f| f.jsx > 0);
        self.set_mode(if open { Mode::Children } else { Mode::Code });
    }

    /// Whether the token ending with `byte` (at `start`) is followed by an operand.
    fn leaves_operand(&self, byte: u8, start: usize) -> bool {
        if is_ident_part(byte) {
            let word = self.word_ending_at(start);
            return is_prefix_keyword(word)
                || matches!(word, b"return" | b"case" | b"else" | b"do" | b"in" | b"of");
        }
        !matches!(byte, b')' | b']' | b'}' | b'\'' | b'"' | b'`')
    }

    /// The identifier or keyword whose last byte is at `end`.
    fn word_ending_at(&self, end: usize) -> &[u8] {
        let start = self.bytes[..end]
            .iter()
            .rposition(|&b| !is_ident_part(b))
            .map_or(0, |p| p + 1);
        &self.bytes[start..=end]
    }

    fn add_op(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            frame.ops += 1;
            self.ops_total += 1;
        }
    }

    fn add_else(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            frame.elses += 1;
            self.ops_total += 1;
        }
    }

    /// Whether the `=` at `start` ends `==`, `!=`, `<=` or `>=`.
    fn after_comparison(&self, start: usize) -> bool {
        start > 0 && matches!(self.bytes[start - 1], b'=' | b'!' | b'<' | b'>')
    }

    /// A right-associative `=` or `=>`: the parser recurses for what follows.
    fn add_chain(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            frame.chain += 1;
            self.total += 1;
        }
    }

    fn end_chain(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            self.total -= frame.chain;
            self.ops_total -= frame.ops;
            frame.chain = 0;
            frame.ops = 0;
        }
    }

    fn open(&mut self, template: bool) {
        self.frames.push(Frame::new(template));
        self.total += 1;
    }

    /// A `}`: closes a block, or a `${` and goes on with the template's text.
    fn close_brace(&mut self) {
        if self.close() {
            self.template();
        }
    }

    /// Closes the innermost bracket; whether it was a template's `${`.
    fn close(&mut self) -> bool {
        if self.frames.len() < 2 {
            return false;
        }
        match self.frames.pop() {
            Some(frame) => {
                self.total -= 1 + frame.jsx + frame.chain;
                self.ops_total -= frame.ops + frame.elses;
                frame.template
            }
            None => false,
        }
    }

    fn open_jsx(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            frame.jsx += 1;
            frame.mode = Mode::OpeningTag;
            self.total += 1;
        }
    }

    fn close_jsx(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            if frame.jsx > 0 {
                frame.jsx -= 1;
                self.total -= 1;
            }
        }
    }

    /// Skips a string literal's text; it ends at its quote or a line break.
    fn skip_string(&mut self, quote: u8) {
        while let Some(&byte) = self.bytes.get(self.at) {
            self.at += 1;
            match byte {
                b'\\' => self.at += 1,
                b'\n' => return,
                _ if byte == quote => return,
                _ => {}
            }
        }
    }

    /// Skips template text up to its closing backtick, or opens a `${`.
    fn template(&mut self) {
        while let Some(&byte) = self.bytes.get(self.at) {
            self.at += 1;
            match byte {
                b'\\' => self.at += 1,
                b'`' => return,
                b'$' if self.bytes.get(self.at) == Some(&b'{') => {
                    self.at += 1;
                    self.open(true);
                    return;
                }
                _ => {}
            }
        }
    }

    fn skip_until(&mut self, end: &[u8]) {
        match self.bytes[self.at.min(self.bytes.len())..]
            .windows(end.len())
            .position(|w| w == end)
        {
            Some(offset) => self.at += offset + end.len(),
            None => self.at = self.bytes.len(),
        }
    }
}

/// Keywords that take an operand and may repeat: `typeof typeof x`.
fn is_prefix_keyword(word: &[u8]) -> bool {
    matches!(
        word,
        b"typeof"
            | b"void"
            | b"delete"
            | b"await"
            | b"yield"
            | b"new"
            | b"throw"
            | b"keyof"
            | b"readonly"
            | b"infer"
            | b"unique"
    )
}

fn is_ident_start(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || matches!(byte, b'_' | b'$') || byte >= 0x80
}

fn is_ident_part(byte: u8) -> bool {
    is_ident_start(byte) || byte.is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_brackets_jsx_and_prefix_runs() {
        assert_eq!(nesting_exceeds("((((x))))", 3), Some(3));
        assert_eq!(nesting_exceeds("((x))((x))", 2), None);
        assert_eq!(nesting_exceeds("<a><a><a /></a></a>", 2), Some(6));
        assert_eq!(nesting_exceeds("f(() => <a>{x}</a>)", 4), None);
        assert_eq!(nesting_exceeds("x = !!!!y", 3), Some(6));
        assert_eq!(nesting_exceeds("x = {a: {b: {c: 1}}}", 2), Some(8));
        assert_eq!(nesting_exceeds("`${`${`${x}`}`}`", 2), Some(6));
        assert_eq!(nesting_exceeds("f = x => y => z", 2), Some(11));
        assert_eq!(
            nesting_exceeds("a = 1, b = 2; c == d\nlet e = 3\n", 1),
            None
        );
        let chain = format!("x = a{}", ".b".repeat(60));
        assert_eq!(
            nesting_exceeds(&chain, 1),
            Some(105),
            "51 > 1 × CHAIN_FACTOR"
        );
        assert_eq!(nesting_exceeds("x = 1 + 2; y = 3 + 4", 1), None);
        assert_eq!(nesting_exceeds("x = typeof typeof y", 2), Some(16));
        // An attribute's `=` is not an assignment.
        assert_eq!(
            nesting_exceeds("<a b=\"1\" c={2} d=\"3\" e=\"4\" />", 2),
            None
        );
    }

    #[test]
    fn strings_comments_and_comparisons_do_not_accumulate() {
        let line = "if (i < n) { s = \"((((\" + '[[' /* {{{{ */; } // ((((\n";
        assert_eq!(nesting_exceeds(&line.repeat(1000), 3), None);
        let jsx = "function A() { return <p>Don't <b>stop</b></p>; }\n";
        assert_eq!(nesting_exceeds(&jsx.repeat(1000), 4), None);
    }
}
