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

use rustc_hash::FxHashMap;
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
}

/// Builds a [`CaptureTree`] path by path in time linear in the paths' total
/// length (a handler may read thousands of paths of one root): nodes live in
/// an arena with a key index each, and become [`CaptureNode`]s at the end.
#[derive(Debug, Default)]
pub struct CaptureTreeBuilder {
    roots: Vec<(Id, usize)>,
    root_index: FxHashMap<Id, usize>,
    nodes: Vec<BuildNode>,
}

#[derive(Debug, Default)]
struct BuildNode {
    whole: bool,
    children: Vec<(Atom, usize)>,
    index: FxHashMap<Atom, usize>,
}

impl CaptureTreeBuilder {
    pub fn is_empty(&self) -> bool {
        self.roots.is_empty()
    }

    /// Adds one path (`root.p0.p1...`); an empty `props` captures the root whole.
    pub fn insert(&mut self, root: &Id, props: &[Atom]) {
        let mut node = match self.root_index.get(root) {
            Some(&node) => node,
            None => {
                let node = self.new_node();
                self.root_index.insert(root.clone(), node);
                self.roots.push((root.clone(), node));
                node
            }
        };
        for prop in props {
            if self.nodes[node].whole {
                // A shorter prefix is already captured whole.
                return;
            }
            node = match self.nodes[node].index.get(prop) {
                Some(&child) => child,
                None => {
                    let child = self.new_node();
                    let parent = &mut self.nodes[node];
                    parent.index.insert(prop.clone(), child);
                    parent.children.push((prop.clone(), child));
                    child
                }
            };
        }
        let node = &mut self.nodes[node];
        node.whole = true;
        // Captured whole: what was below no longer matters.
        node.children = Vec::new();
        node.index = FxHashMap::default();
    }

    pub fn build(mut self) -> CaptureTree {
        let roots = std::mem::take(&mut self.roots);
        CaptureTree {
            roots: roots
                .into_iter()
                .map(|(id, node)| CaptureRoot {
                    id,
                    node: self.node(node),
                })
                .collect(),
        }
    }

    fn new_node(&mut self) -> usize {
        self.nodes.push(BuildNode::default());
        self.nodes.len() - 1
    }

    /// Iterative, so that a path of any length cannot exhaust the stack.
    fn node(&mut self, root: usize) -> CaptureNode {
        // Post-order over the arena: children are built before their parent.
        let mut order = vec![root];
        let mut i = 0;
        while i < order.len() {
            let children: Vec<usize> = self.nodes[order[i]].children.iter().map(|c| c.1).collect();
            order.extend(children);
            i += 1;
        }
        let mut built: FxHashMap<usize, CaptureNode> = FxHashMap::default();
        for &n in order.iter().rev() {
            let node = std::mem::take(&mut self.nodes[n]);
            let value = if node.whole {
                CaptureNode::Whole
            } else {
                CaptureNode::Props(
                    node.children
                        .into_iter()
                        .map(|(key, child)| {
                            (key, built.remove(&child).unwrap_or(CaptureNode::Whole))
                        })
                        .collect(),
                )
            };
            built.insert(n, value);
        }
        built.remove(&root).unwrap_or(CaptureNode::Whole)
    }
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
        let mut t = CaptureTreeBuilder::default();
        for (root, props) in paths {
            t.insert(&id(root), &atoms(props));
        }
        t.build()
            .roots
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
    fn many_paths_of_one_root_build_in_linear_time() {
        // 20,000 siblings: quadratic insertion would take seconds. And a
        // 1,000-link path (deeper chains are the parser's limit to report).
        let mut t = CaptureTreeBuilder::default();
        let root = id("s");
        for i in 0..20_000 {
            t.insert(&root, &[Atom::from(format!("p{i}"))]);
        }
        let deep: Vec<Atom> = (0..1_000).map(|i| Atom::from(format!("d{i}"))).collect();
        t.insert(&root, &deep);
        let tree = t.build();
        let CaptureNode::Props(children) = &tree.roots[0].node else {
            panic!("expected props");
        };
        assert_eq!(children.len(), 20_001);
        assert_eq!(children[19_999].0, "p19999");
    }

    #[test]
    fn bare_root_captures_whole() {
        assert_eq!(tree(&[("s", &["a"]), ("s", &[])]), "s=*");
        assert_eq!(tree(&[("s", &[]), ("s", &["a"])]), "s=*");
    }
}
