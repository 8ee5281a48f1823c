//! # Next-line comment directives
//!
//! `// @ts-expect-error`, `// @ts-ignore` and `// eslint-disable-next-line`
//! apply to the line after them. A callback that occupies such a line and is
//! moved to module scope would leave the directive behind (TypeScript then
//! reports an unused `@ts-expect-error`, or the suppressed error comes back),
//! so it stays inline.
//!
//! ```tsx
//! // @ts-expect-error: the prop is untyped        ← applies to the next line
//! <b onClick={(e) => e.nope()} />                 ← occupied by the callback: not hoisted
//! ```
//!
//! ## Implementation
//!
//! Found in the text, so the AST and the text back end decide alike and the
//! SWC plugin needs no comment list: every occurrence of a directive counts
//! (also one inside a string, which only keeps a handler inline). The
//! comment ends at the end of its line, or at the next `*/` when a `/*`
//! opens it on its line or the occurrence has no comment opener before it
//! on its line (a block comment from an earlier line). As TypeScript does,
//! the directive reaches over blank lines and `//` comment lines to the next
//! line of code.

const DIRECTIVES: [&str; 3] = ["@ts-expect-error", "@ts-ignore", "eslint-disable-next-line"];

/// The directives of a source text and the lines they apply to.
#[derive(Debug, Default)]
pub struct CommentDirectives {
    /// (offset of the directive, first and last line it applies to), 0-based lines.
    directives: Vec<(usize, usize, usize)>,
    line_starts: Vec<usize>,
}

impl CommentDirectives {
    pub fn find(text: &str) -> CommentDirectives {
        let mut found = Vec::new();
        for needle in DIRECTIVES {
            found.extend(text.match_indices(needle).map(|(at, _)| at));
        }
        if found.is_empty() {
            return CommentDirectives::default();
        }
        found.sort_unstable();
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        let line_of = |offset: usize| line_starts.partition_point(|&start| start <= offset) - 1;
        let directives = found
            .into_iter()
            .map(|at| {
                let end = comment_end(text, at);
                let first = line_of(end) + 1;
                let mut last = first;
                while last + 1 < line_starts.len() {
                    let line = line_text(text, &line_starts, last).trim();
                    if !line.is_empty() && !line.starts_with("//") {
                        break;
                    }
                    last += 1;
                }
                (at, first, last)
            })
            .collect();
        CommentDirectives {
            directives,
            line_starts,
        }
    }

    /// Whether a directive outside `range` (byte offsets) applies to a line
    /// the range occupies, or one inside it to a line after it.
    pub fn cover(&self, text: &str, range: std::ops::Range<usize>) -> bool {
        if self.directives.is_empty() || range.is_empty() {
            return false;
        }
        let line_of = |offset: usize| self.line_starts.partition_point(|&s| s <= offset) - 1;
        let (top, bottom) = (line_of(range.start), line_of(range.end - 1));
        // What follows the range on its last line, when more than closing
        // punctuation (`} />`), is code a directive on that line covers too.
        let line_end = self
            .line_starts
            .get(bottom + 1)
            .copied()
            .unwrap_or(text.len());
        let shares_last_line = text.get(range.end..line_end).is_some_and(|rest| {
            rest.chars()
                .any(|c| !c.is_whitespace() && !"})]>/,;".contains(c))
        });
        // A directive outside that reaches into the range, or one inside that
        // reaches past it (or its last line, shared with other code): moving
        // the range breaks either.
        self.directives.iter().any(|&(at, first, last)| {
            if range.contains(&at) {
                last > bottom || (last == bottom && shares_last_line)
            } else {
                first <= bottom && last >= top
            }
        })
    }
}

fn line_text<'t>(text: &'t str, starts: &[usize], line: usize) -> &'t str {
    let end = starts.get(line + 1).copied().unwrap_or(text.len());
    &text[starts[line]..end]
}

/// Where the comment holding the directive at `at` ends.
fn comment_end(text: &str, at: usize) -> usize {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..at];
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let block_end = || text[at..].find("*/").map_or(line_end, |i| at + i + 2);
    match (before.rfind("//"), before.rfind("/*")) {
        (Some(line), Some(block)) if block > line => block_end(),
        (Some(_), _) => line_end,
        (None, Some(_)) | (None, None) => block_end(),
    }
}

#[cfg(test)]
mod tests {
    use super::CommentDirectives;

    fn covers(text: &str, callback: &str) -> bool {
        let start = text.find(callback).unwrap();
        CommentDirectives::find(text).cover(text, start..start + callback.len())
    }

    #[test]
    fn a_line_directive_covers_the_next_line_only() {
        let text = "// @ts-expect-error\n<b onClick={() => a} />\n<b onClick={() => b} />\n";
        assert!(covers(text, "() => a"));
        assert!(!covers(text, "() => b"));
    }

    #[test]
    fn blank_and_comment_lines_are_skipped() {
        let text = "// @ts-ignore\n\n// why\n<b onClick={() => a} />\n";
        assert!(covers(text, "() => a"));
    }

    #[test]
    fn a_block_directive_covers_the_line_after_its_end() {
        let text = "{/* @ts-expect-error\n  reason */}\n<b onClick={() => a} />\n";
        assert!(covers(text, "() => a"));
        let text = "<b onClick={() => a} /> {/* @ts-ignore */}\n<c />\n";
        assert!(!covers(text, "() => a"));
    }

    #[test]
    fn a_directive_inside_the_callback_moves_with_it() {
        let text = "<b onClick={() => {\n  // @ts-ignore\n  a.b();\n}} />\n";
        assert!(!covers(text, "() => {\n  // @ts-ignore\n  a.b();\n}"));
    }

    #[test]
    fn a_directive_on_the_last_line_covering_the_next_one_ties_the_callback() {
        let text = "<b onClick={() => { s.x();\n  // @ts-expect-error\n}} title={1 as string} />\n";
        assert!(covers(text, "() => { s.x();\n  // @ts-expect-error\n}"));
    }

    #[test]
    fn a_multi_line_callback_is_covered_on_any_of_its_lines() {
        // Inside, covering a line of the callback only: it moves along.
        let text = "<b onClick={() => {\n  // eslint-disable-next-line\n  x();\n}} />\n";
        assert!(!covers(
            text,
            "() => {\n  // eslint-disable-next-line\n  x();\n}"
        ));
        // Inside, covering the last line, which the attribute only closes.
        let text = "<b onClick={() =>\n  // eslint-disable-next-line\n  x} />\n";
        assert!(!covers(text, "() =>\n  // eslint-disable-next-line\n  x"));
        // ...or shares with more code.
        let text =
            "<b onClick={() =>\n  // eslint-disable-next-line\n  x} title={1 as string} />\n";
        assert!(covers(text, "() =>\n  // eslint-disable-next-line\n  x"));
        let text = "<b\n  // eslint-disable-next-line\n  onClick={() => x} />\n";
        assert!(covers(text, "() => x"));
    }
}
