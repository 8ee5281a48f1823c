//! # Capture tree: grouping paths into the params object
//!
//! Paths are grouped by root; the shortest prefix wins in either order; a bare
//! use of a root captures it whole. Keys keep first-occurrence order.
//!
//! ```text
//! state.user.name, state.items, state.user   →  { state: { user: state.user, items: state.items } }
//! state.count (written → state), state.x     →  { state }
//! ```
//!
//! In `captureMode: "roots"` every root is captured whole.

use swc_core::ecma::{ast::Id, atoms::Atom};

/// A node of the tree: a value captured whole, or an object of sub-paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaptureNode {
    /// The path's value is passed as is.
    Whole,
    /// Only these properties of the path are passed, in first-occurrence order.
    Props(Vec<(Atom, CaptureNode)>),
}

/// One captured root binding and what of it is passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureRoot {
    /// The binding (name and syntax context).
    pub id: Id,
    pub node: CaptureNode,
}

impl CaptureRoot {
    pub fn name(&self) -> &Atom {
        &self.id.0
    }
}

/// The roots a handler captures, in first-occurrence order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaptureTree {
    pub roots: Vec<CaptureRoot>,
}

impl CaptureTree {
    pub fn is_empty(&self) -> bool {
        self.roots.is_empty()
    }

    /// Adds one path (`root.p0.p1...`); an empty `props` captures the root whole.
    pub fn insert(&mut self, root: &Id, props: &[Atom]) {
        let index = match self.roots.iter().position(|r| &r.id == root) {
            Some(index) => index,
            None => {
                self.roots.push(CaptureRoot {
                    id: root.clone(),
                    node: CaptureNode::Props(Vec::new()),
                });
                self.roots.len() - 1
            }
        };
        insert_path(&mut self.roots[index].node, props);
    }
}

fn insert_path(node: &mut CaptureNode, props: &[Atom]) {
    let CaptureNode::Props(children) = node else {
        // A shorter prefix is already captured whole.
        return;
    };
    let Some((first, rest)) = props.split_first() else {
        *node = CaptureNode::Whole;
        return;
    };
    let child = match children.iter().position(|(key, _)| key == first) {
        Some(index) => &mut children[index].1,
        None => {
            children.push((first.clone(), CaptureNode::Props(Vec::new())));
            let last = children.len() - 1;
            &mut children[last].1
        }
    };
    insert_path(child, rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use swc_core::common::SyntaxContext;

    fn id(name: &str) -> Id {
        (name.into(), SyntaxContext::empty())
    }
    fn atoms(path: &[&str]) -> Vec<Atom> {
        path.iter().map(|p| Atom::from(*p)).collect()
    }
    fn show(node: &CaptureNode) -> String {
        match node {
            CaptureNode::Whole => "*".into(),
            CaptureNode::Props(children) => {
                let inner: Vec<String> = children
                    .iter()
                    .map(|(k, v)| format!("{k}:{}", show(v)))
                    .collect();
                format!("{{{}}}", inner.join(","))
            }
        }
    }
    fn tree(paths: &[(&str, &[&str])]) -> String {
        let mut t = CaptureTree::default();
        for (root, props) in paths {
            t.insert(&id(root), &atoms(props));
        }
        t.roots
            .iter()
            .map(|r| format!("{}={}", r.name(), show(&r.node)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn shortest_prefix_wins_in_either_order() {
        assert_eq!(
            tree(&[("s", &["user", "name"]), ("s", &["user"])]),
            "s={user:*}"
        );
        assert_eq!(
            tree(&[("s", &["user"]), ("s", &["user", "name"])]),
            "s={user:*}"
        );
    }

    #[test]
    fn siblings_keep_first_occurrence_order() {
        assert_eq!(
            tree(&[("s", &["b", "x"]), ("t", &[]), ("s", &["a"]), ("s", &["b"])]),
            "s={b:*,a:*} t=*"
        );
    }

    #[test]
    fn bare_root_captures_whole() {
        assert_eq!(tree(&[("s", &["a"]), ("s", &[])]), "s=*");
        assert_eq!(tree(&[("s", &[]), ("s", &["a"])]), "s=*");
    }
}
