//! # Module-level bindings narrowed around a handler
//!
//! TypeScript narrows a module-level binding inside a function after a test
//! (`if (!cfg) return null;`) or an assignment, and a callback created there
//! keeps the narrowing. Hoisted to module scope it would see the declared
//! type again (`'cfg' is possibly 'null'`), so the output would not
//! type-check where the input did: such a callback stays inline.
//!
//! ```tsx
//! const cfg = getCfg();                        // { name: string } | null
//! export function App() {
//!   if (!cfg) return null;                     // narrows `cfg` in App
//!   return <b onClick={() => log(cfg.name)} />; // reads it: stays inline
//! }
//! ```
//!
//! ## Implementation
//!
//! A walk with a stack of functions: every identifier in a test (of `if`,
//! loops, `?:`, the left operand of `&&`/`||`/`??`, `switch` and its cases),
//! in a condition anywhere (`typeof`, `!`, equality, `instanceof`, `in`: an
//! aliased condition narrows too), an argument of a call statement (an
//! assertion function) or assigned is recorded for the functions around it
//! (tests at top level, in class fields and static blocks for the module). A handler is tied
//! to the module-level bindings its enclosing functions record, wherever in
//! those functions the test stands (conservative: a test after the JSX
//! narrows nothing, but costs only the hoisting).

use rustc_hash::{FxHashMap, FxHashSet};
use swc_core::ecma::{
    ast::*,
    visit::{Visit, VisitWith},
};

use crate::{
    detect::{handler_arrow, AttributeRule},
    patterns::skip_type_positions,
};

/// For each handler arrow (by span), the bindings its enclosing functions
/// test or assign.
#[derive(Debug, Default, Clone)]
pub struct Narrowed {
    sites: FxHashMap<(u32, u32), Vec<usize>>,
    frames: Vec<FxHashSet<Id>>,
}

impl Narrowed {
    /// Whether the functions around the arrow `key` test or assign `id`.
    pub fn narrows(&self, key: (u32, u32), id: &Id) -> bool {
        self.sites
            .get(&key)
            .is_some_and(|frames| frames.iter().any(|&f| self.frames[f].contains(id)))
    }
}

/// Walks `program`.
pub fn collect(program: &Program, rule: &AttributeRule) -> Narrowed {
    let mut walker = Walker {
        narrowed: Narrowed::default(),
        rule,
        stack: Vec::new(),
        in_test: 0,
    };
    // The module's own frame: tests at top level (also in class fields and
    // static blocks, which are not functions here).
    walker.frame(|w| program.visit_children_with(w));
    walker.narrowed
}

struct Walker<'a> {
    narrowed: Narrowed,
    rule: &'a AttributeRule,
    /// The functions being walked (indices into `frames`), innermost last.
    stack: Vec<usize>,
    in_test: u32,
}

impl Walker<'_> {
    fn frame(&mut self, visit: impl FnOnce(&mut Self)) {
        self.narrowed.frames.push(FxHashSet::default());
        self.stack.push(self.narrowed.frames.len() - 1);
        // A test around a function does not make its body a test.
        let outer = std::mem::take(&mut self.in_test);
        visit(self);
        self.in_test = outer;
        self.stack.pop();
    }

    /// Records `id` for the functions around; for the module's frame only
    /// outside functions (a test in any function would otherwise tie every
    /// callback of the module).
    fn record(&mut self, id: Id) {
        let frames = if self.stack.len() > 1 {
            &self.stack[1..]
        } else {
            &self.stack[..]
        };
        for &frame in frames {
            self.narrowed.frames[frame].insert(id.clone());
        }
    }

    fn test(&mut self, node: &impl VisitWith<Self>) {
        self.in_test += 1;
        node.visit_with(self);
        self.in_test -= 1;
    }
}

impl Visit for Walker<'_> {
    skip_type_positions!();

    fn visit_function(&mut self, function: &Function) {
        self.frame(|w| function.visit_children_with(w));
    }

    fn visit_arrow_expr(&mut self, arrow: &ArrowExpr) {
        self.frame(|w| arrow.visit_children_with(w));
    }

    fn visit_jsx_attr(&mut self, attr: &JSXAttr) {
        if let Some(arrow) = handler_arrow(attr, self.rule) {
            let key = (arrow.span.lo.0, arrow.span.hi.0);
            self.narrowed.sites.insert(key, self.stack.clone());
        }
        attr.visit_children_with(self);
    }

    fn visit_ident(&mut self, ident: &Ident) {
        if self.in_test > 0 {
            self.record(ident.to_id());
        }
    }

    fn visit_simple_assign_target(&mut self, target: &SimpleAssignTarget) {
        if let SimpleAssignTarget::Ident(ident) = target {
            self.record(ident.id.to_id());
        }
        target.visit_children_with(self);
    }

    fn visit_if_stmt(&mut self, stmt: &IfStmt) {
        self.test(&*stmt.test);
        stmt.cons.visit_with(self);
        stmt.alt.visit_with(self);
    }

    fn visit_while_stmt(&mut self, stmt: &WhileStmt) {
        self.test(&*stmt.test);
        stmt.body.visit_with(self);
    }

    fn visit_do_while_stmt(&mut self, stmt: &DoWhileStmt) {
        stmt.body.visit_with(self);
        self.test(&*stmt.test);
    }

    fn visit_for_stmt(&mut self, stmt: &ForStmt) {
        stmt.init.visit_with(self);
        if let Some(test) = &stmt.test {
            self.test(&**test);
        }
        stmt.update.visit_with(self);
        stmt.body.visit_with(self);
    }

    fn visit_cond_expr(&mut self, cond: &CondExpr) {
        self.test(&*cond.test);
        cond.cons.visit_with(self);
        cond.alt.visit_with(self);
    }

    fn visit_bin_expr(&mut self, bin: &BinExpr) {
        match bin.op {
            BinaryOp::LogicalAnd | BinaryOp::LogicalOr | BinaryOp::NullishCoalescing => {
                self.test(&*bin.left);
                bin.right.visit_with(self);
            }
            // Conditions narrow where they are tested, also through an alias
            // (`const ok = typeof x === "string"; if (ok)`): wherever they stand.
            BinaryOp::EqEq
            | BinaryOp::NotEq
            | BinaryOp::EqEqEq
            | BinaryOp::NotEqEq
            | BinaryOp::InstanceOf
            | BinaryOp::In => {
                self.test(&*bin.left);
                self.test(&*bin.right);
            }
            _ => bin.visit_children_with(self),
        }
    }

    fn visit_unary_expr(&mut self, unary: &UnaryExpr) {
        match unary.op {
            UnaryOp::TypeOf | UnaryOp::Bang => self.test(&*unary.arg),
            _ => unary.visit_children_with(self),
        }
    }

    /// A call statement may be an assertion (`assert(x)`, `assertIsString(x)`).
    fn visit_expr_stmt(&mut self, stmt: &ExprStmt) {
        match &*stmt.expr {
            Expr::Call(call) => {
                call.callee.visit_with(self);
                for arg in &call.args {
                    self.test(&*arg.expr);
                }
            }
            _ => stmt.visit_children_with(self),
        }
    }

    fn visit_switch_stmt(&mut self, stmt: &SwitchStmt) {
        self.test(&*stmt.discriminant);
        for case in &stmt.cases {
            if let Some(test) = &case.test {
                self.test(&**test);
            }
            case.cons.visit_with(self);
        }
    }
}
