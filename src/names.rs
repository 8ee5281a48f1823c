//! Fresh names for synthesized identifiers (`event`, `params`, the helper's
//! local alias). Both back ends use the names chosen here, so the AST and the
//! text rewrite agree without relying on hygiene.

use rustc_hash::FxHashSet;
use swc_core::ecma::atoms::Atom;

/// The names in use that could collide with a fresh name made from one of
/// two bases: only names starting with a base are kept (hashing every
/// identifier of a module would cost more than the rest of the analysis).
/// Building one allocates nothing (one is built per handler).
#[derive(Debug, Clone, Default)]
pub struct NameSet {
    bases: [Atom; 2],
    /// The bases' first bytes: most names are rejected on their first byte.
    first_bytes: [u8; 2],
    names: FxHashSet<Atom>,
}

impl NameSet {
    pub fn new(bases: [&str; 2]) -> NameSet {
        let first = |base: &str| base.bytes().next().unwrap_or(0);
        NameSet {
            bases: bases.map(Atom::from),
            first_bytes: bases.map(first),
            names: FxHashSet::default(),
        }
    }

    /// Records a name read or bound.
    pub fn note(&mut self, name: &Atom) {
        let Some(first) = name.as_bytes().first() else {
            return;
        };
        if !self.first_bytes.contains(first) {
            return;
        }
        if self
            .bases
            .iter()
            .any(|base| name.starts_with(base.as_str()))
        {
            self.names.insert(name.clone());
        }
    }

    /// Whether `name` (which must start with one of the bases) is in use.
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(&Atom::from(name))
    }
}

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
    fn name_set_keeps_only_names_that_can_collide() {
        let mut set = NameSet::new(["event", ""]);
        for name in ["event1", "state", "events", "e"] {
            set.note(&Atom::from(name));
        }
        assert!(set.contains("event1") && set.contains("events"));
        assert!(!set.contains("event") && !set.contains("state"));
    }

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
