//! Fresh names for synthesized identifiers (`event`, `params`, the helper's
//! local alias). Both back ends use the names chosen here, so the AST and the
//! text rewrite agree without relying on hygiene.

use swc_core::ecma::atoms::Atom;

/// `base` if no name in `taken` equals it, else the first of `base1`,
/// `base2`, ... that is free.
pub(crate) fn fresh_name(base: &str, taken: impl Fn(&str) -> bool) -> Atom {
    if !taken(base) {
        return Atom::from(base);
    }
    (1u32..)
        .map(|n| format!("{base}{n}"))
        .find(|candidate| !taken(candidate))
        .map(Atom::from)
        .unwrap_or_else(|| Atom::from(base))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_first_free_suffix() {
        assert_eq!(&*fresh_name("event", |_| false), "event");
        assert_eq!(&*fresh_name("event", |n| n == "event"), "event1");
        assert_eq!(
            &*fresh_name("event", |n| n == "event" || n == "event1"),
            "event2"
        );
    }
}
