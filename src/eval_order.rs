//! # Evaluation order: when can the JSX run?
//!
//! HC003 (temporal dead zone) and HC002 (reassigned after render) are about
//! the order in which code **runs**, not the order in which it is written
//! (BEHAVIOR.md section 4). This module answers, conservatively, the two
//! questions the planner asks about a handler and a binding it captures:
//!
//! - may the JSX be evaluated before the binding is initialised?
//! - may a write to the binding run after the JSX is evaluated?
//!
//! ```tsx
//! function App() {
//!   const el = Render();   // <- the JSX below is evaluated here: before `x`
//!   const x = { v: 1 };    //    is initialised (HC003)
//!   let label = "a";
//!   if (busy) return <i onClick={() => log(label)} />;
//!   label = "b";           // <- cannot run after that JSX: the `return` leaves (no HC002)
//!   return el;
//!   function Render() { return <b onClick={() => log(x.v)} />; }
//! }
//! ```
//!
//! ## Implementation
//!
//! Both questions are asked in the timeline of the **host**: the function the
//! binding belongs to. JSX written directly in the host is evaluated where it
//! is written. JSX inside a nested function runs when that function runs,
//! which is decided by the outermost nested function below the host
//! ([`ScopeIndex::functions`]): a function expression, arrow, method or class
//! member may run any time after it is created; a function **declaration** is
//! hoisted, so it may run at any of the places that name it (calls, and
//! references that let it escape, such as `<Render />`), found recursively
//! through other declarations. These places are the evaluation [`Point`]s.
//!
//! - TDZ: some point lies before the binding's initialisation (by position:
//!   code before a declaration in the same scope runs before it, except
//!   through the points themselves).
//! - Write: a write in another function may run at any time; a write in the
//!   host is reachable from a point unless the structured control flow around
//!   the point rules it out. Each point carries a [`Ctx`], the facts about the
//!   statements around it in its own function: the loops it is in (a write in
//!   such a loop runs again after it), the `if`/`?:` branch it is in (the
//!   other branch cannot follow without a loop), the `try` it is in (an abrupt
//!   completion can be caught: control resumes at the end of the `try` block
//!   or `catch` clause) and the statement after which control surely
//!   leaves the function ([`Step::Exit`]: a `return`/`throw` reached with no
//!   `break`/`continue` on the way, computed by [`StmtFlags`]).
//!
//! Everything unknown counts as "may": a point with no context is the start
//! of the host, and a loop, `try`, label or jump makes the analysis give up
//! on cutting paths.

use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};
use swc_core::{
    common::{BytePos, Span, Spanned},
    ecma::ast::{Id, Stmt},
};

use crate::scope_index::{Binding, FunctionId, ScopeIndex, Write};

/// A fact about a position, relative to the statements around it in its own
/// function.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    /// Inside this loop (head or body).
    Loop(Span),
    /// Inside one branch of an `if` or `?:`; `other` is the branch not taken.
    Branch { other: Span },
    /// Inside a `try` block or a `catch` clause: a `return` or `throw` in it
    /// may be caught, and control resumes at `resume` (the end of that block
    /// or clause: in the `catch`, the `finally` or after the `try`).
    Try { resume: BytePos },
    /// Control surely leaves the function (by `return` or `throw`) before
    /// this position.
    Exit(BytePos),
}

/// The facts around a position, innermost first: a persistent list, so that
/// recording a position costs one reference count.
pub type Ctx = Option<Rc<CtxNode>>;

#[derive(Debug)]
pub struct CtxNode {
    step: Step,
    parent: Ctx,
}

/// `ctx` with `step` inside it.
pub fn push(ctx: &Ctx, step: Step) -> Ctx {
    Some(Rc::new(CtxNode {
        step,
        parent: ctx.clone(),
    }))
}

fn steps(ctx: &Ctx) -> impl Iterator<Item = Step> + '_ {
    std::iter::successors(ctx.as_deref(), |node| node.parent.as_deref()).map(|node| node.step)
}

/// A position in a function's code, with the control-flow facts around it.
#[derive(Debug, Clone)]
pub struct Point {
    pub pos: BytePos,
    pub ctx: Ctx,
}

impl Point {
    /// The start of a function: before everything in it.
    fn unknown() -> Point {
        Point {
            pos: BytePos(0),
            ctx: None,
        }
    }
}

/// A function-like scope (function, arrow, method, class member, static
/// block, namespace body) and how it comes to run.
#[derive(Debug, Clone)]
pub struct FunctionInfo {
    /// The function it is written in (0, the module, for itself).
    pub parent: FunctionId,
    /// Where it is created, in the parent's code (a hoisted declaration: the
    /// start of its scope).
    pub created: Point,
    /// A function declaration's binding: it runs where it is named.
    pub declared_as: Option<Id>,
}

/// A place that names a function declaration.
#[derive(Debug, Clone)]
pub struct FnUse {
    pub function: FunctionId,
    pub at: Point,
}

/// Answers the planner's two questions; memoises the points of nested
/// functions, which every handler in them shares.
pub struct EvalOrder<'a> {
    index: &'a ScopeIndex,
    memo: FxHashMap<(FunctionId, FunctionId), Rc<[Point]>>,
}

impl<'a> EvalOrder<'a> {
    pub fn new(index: &'a ScopeIndex) -> Self {
        EvalOrder {
            index,
            memo: FxHashMap::default(),
        }
    }

    /// Where, in the code of `host`, the JSX at `at` (written in `function`)
    /// may be evaluated.
    pub fn points(&mut self, function: FunctionId, at: &Point, host: FunctionId) -> Rc<[Point]> {
        if function == host {
            return Rc::from([at.clone()]);
        }
        if let Some(points) = self.memo.get(&(function, host)) {
            return points.clone();
        }
        let mut out = Vec::new();
        let mut seen = FxHashSet::default();
        self.collect(function, at, host, &mut out, &mut seen);
        let points: Rc<[Point]> = out.into();
        self.memo.insert((function, host), points.clone());
        points
    }

    fn collect(
        &self,
        function: FunctionId,
        at: &Point,
        host: FunctionId,
        out: &mut Vec<Point>,
        seen: &mut FxHashSet<FunctionId>,
    ) {
        if function == host {
            out.push(at.clone());
            return;
        }
        // The outermost function below the host decides when the JSX runs.
        let mut outermost = function;
        loop {
            let Some(info) = self.index.functions.get(outermost as usize) else {
                out.push(Point::unknown());
                return;
            };
            if info.parent == host {
                break;
            }
            if outermost == 0 {
                // The host is not around the JSX: assume the worst.
                out.push(Point::unknown());
                return;
            }
            outermost = info.parent;
        }
        if !seen.insert(outermost) {
            return;
        }
        let info = &self.index.functions[outermost as usize];
        match &info.declared_as {
            None => out.push(info.created.clone()),
            Some(id) => {
                for use_ in self.index.fn_uses_of(id) {
                    self.collect(use_.function, &use_.at, host, out, seen);
                }
            }
        }
    }
}

/// Whether some point lies before the binding is initialised.
pub fn before_initialization(points: &[Point], binding: &Binding) -> bool {
    binding.kind.has_tdz() && points.iter().any(|p| p.pos < binding.initialized_at)
}

/// Whether `write` may run after the JSX is evaluated at one of `points`.
pub fn write_may_follow(points: &[Point], binding: &Binding, write: &Write) -> bool {
    if write.function != binding.function {
        // A setter, a callback, an effect: it may run at any time.
        return true;
    }
    points
        .iter()
        .any(|point| reachable(point, write.span.lo, binding.scope))
}

/// Whether control can reach `target` (in the same function) after `point`,
/// for a binding living in `scope`.
fn reachable(point: &Point, target: BytePos, scope: Span) -> bool {
    let all: Vec<Step> = steps(&point.ctx).collect();
    // The first sure exit, and the first `try` around it that may catch it.
    let exit = all.iter().position(|s| matches!(s, Step::Exit(_)));
    let catch = exit.and_then(|e| {
        all[e..]
            .iter()
            .position(|s| matches!(s, Step::Try { .. }))
            .map(|t| t + e)
    });
    let exit_pos = match exit.map(|e| all[e]) {
        Some(Step::Exit(pos)) => pos,
        _ => BytePos(u32::MAX),
    };
    let resumed = match catch.map(|t| all[t]) {
        // After the catch, anything later may run.
        Some(Step::Try { resume }) => target >= resume,
        _ => false,
    };
    let other_branch = all
        .iter()
        .any(|s| matches!(s, Step::Branch { other } if span_has(*other, target)));
    let forward = target > point.pos && target < exit_pos && !other_branch;
    // A loop around the point that the binding outlives runs the write again,
    // unless the exit leaves it: loops between the exit and the `try` that
    // catches it (or all loops outside the exit, when nothing catches it).
    let left = |i: usize| match (exit, catch) {
        (Some(e), Some(t)) => e < i && i < t,
        (Some(e), None) => e < i,
        _ => false,
    };
    let again = all.iter().enumerate().any(|(i, s)| {
        !left(i)
            && matches!(s, Step::Loop(l) if span_has(*l, target) && scope.contains(*l) && scope != *l)
    });
    forward || resumed || again
}

fn span_has(span: Span, pos: BytePos) -> bool {
    span.lo <= pos && pos < span.hi
}

/// What a statement does to control flow, ignoring nested functions.
#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    /// It always completes by `return` or `throw`.
    abrupt: bool,
    /// It contains a `break` or `continue`.
    jumps: bool,
}

/// [`Flags`] of statements, memoised so that nested lists cost one pass.
#[derive(Debug, Default)]
pub struct StmtFlags {
    memo: FxHashMap<(BytePos, BytePos), Flags>,
}

impl StmtFlags {
    /// For each statement of a list: the end of the first statement at or
    /// after it that surely leaves the function, if no `break`/`continue`
    /// can leave the list before (see [`Step::Exit`]).
    pub fn exits(&mut self, stmts: &[Stmt]) -> Vec<Option<BytePos>> {
        let mut exits = vec![None; stmts.len()];
        let mut next = None;
        for (i, stmt) in stmts.iter().enumerate().rev() {
            let flags = self.of(stmt);
            next = if flags.jumps {
                None
            } else if flags.abrupt {
                Some(stmt.span().hi)
            } else {
                next
            };
            exits[i] = next;
        }
        exits
    }

    /// [`StmtFlags::exits`] of a statement that is a list of its own (an
    /// `if` branch).
    pub fn exit(&mut self, stmt: &Stmt) -> Option<BytePos> {
        let flags = self.of(stmt);
        (flags.abrupt && !flags.jumps).then(|| stmt.span().hi)
    }

    fn of(&mut self, stmt: &Stmt) -> Flags {
        let span = stmt.span();
        let key = (span.lo, span.hi);
        if let Some(flags) = self.memo.get(&key) {
            return *flags;
        }
        let flags = match stmt {
            Stmt::Return(_) | Stmt::Throw(_) => Flags {
                abrupt: true,
                jumps: false,
            },
            Stmt::Break(_) | Stmt::Continue(_) => Flags {
                abrupt: false,
                jumps: true,
            },
            Stmt::Block(block) => self.list(&block.stmts),
            Stmt::If(stmt) => {
                let cons = self.of(&stmt.cons);
                let alt = stmt
                    .alt
                    .as_deref()
                    .map(|alt| self.of(alt))
                    .unwrap_or_default();
                Flags {
                    abrupt: cons.abrupt && alt.abrupt,
                    jumps: cons.jumps || alt.jumps,
                }
            }
            Stmt::Labeled(stmt) => self.of(&stmt.body),
            Stmt::With(stmt) => self.of(&stmt.body),
            // Loops, `switch` and `try` are never counted as leaving.
            Stmt::While(s) => self.jumps_only(&s.body),
            Stmt::DoWhile(s) => self.jumps_only(&s.body),
            Stmt::For(s) => self.jumps_only(&s.body),
            Stmt::ForIn(s) => self.jumps_only(&s.body),
            Stmt::ForOf(s) => self.jumps_only(&s.body),
            Stmt::Switch(s) => Flags {
                abrupt: false,
                jumps: s.cases.iter().any(|case| self.list(&case.cons).jumps),
            },
            Stmt::Try(s) => {
                let mut jumps = self.list(&s.block.stmts).jumps;
                if let Some(handler) = &s.handler {
                    jumps |= self.list(&handler.body.stmts).jumps;
                }
                if let Some(finalizer) = &s.finalizer {
                    jumps |= self.list(&finalizer.stmts).jumps;
                }
                Flags {
                    abrupt: false,
                    jumps,
                }
            }
            _ => Flags::default(),
        };
        self.memo.insert(key, flags);
        flags
    }

    fn jumps_only(&mut self, body: &Stmt) -> Flags {
        Flags {
            abrupt: false,
            jumps: self.of(body).jumps,
        }
    }

    fn list(&mut self, stmts: &[Stmt]) -> Flags {
        let mut flags = Flags::default();
        for stmt in stmts {
            let f = self.of(stmt);
            flags.abrupt |= f.abrupt;
            flags.jumps |= f.jumps;
        }
        flags
    }
}
