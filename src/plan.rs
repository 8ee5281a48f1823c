//! # The rewrite plan
//!
//! Analysis, computed once, that both back ends apply: for every handler, its
//! spans, the parameters to add and the capture tree, or the diagnostics that
//! keep it as written; and how the helper is imported.
//!
//! ```tsx
//! function App({ state }) {
//!   return <button onClick={() => state.count.set(1)} />;
//! }
//! // HandlerPlan { arrow_span: 55..80, rewrite: Some(Rewrite {
//! //   event_param: Some("event"), empty_params: None,
//! //   captures: { state: { count: Whole } } }) }
//! // HelperPlan { callee: handler, import: AddImport { index: 0, .. } }
//! ```
//!
//! ## Implementation
//!
//! [`ScopeIndex::build`] walks the module once and scans each handler arrow.
//! A reference is a capture when it resolves to a capturable binding (declared
//! in a function, class or block) that the arrow does not declare itself. The
//! checks of BEHAVIOR.md section 4 then run against the index: writes to
//! captured identifiers, reassignment after render and temporal dead zone
//! (decided by [`eval_order`](crate::eval_order) from when the JSX can run),
//! parameter shapes, direct `eval`, `with`, lexical `this`, local callables.
//! A merged enum is captured whole (a later declaration adds its members).
//!
//! An outer handler that captures what a refused inner handler needs is
//! refused for the same reason; instead of repeating the inner diagnostic, it
//! gets one HC011 pointing at the inner handler.

use rustc_hash::{FxHashMap, FxHashSet};
use swc_core::{
    common::{Mark, Span, Spanned},
    ecma::{
        ast::{Id, Ident, Program},
        atoms::Atom,
    },
};

use crate::{
    capture_tree::{CaptureTree, CaptureTreeBuilder},
    captures::{ArrowScan, ParamFacts},
    detect::{first_look, AttributeRule, FirstLook},
    diagnostics::{self, Diagnostic},
    eval_order::{self, EvalOrder},
    helper_import::{self, HelperPlan},
    hoist::{self, context::ModuleContext, FileFacts, HoistPlan, NotHoisted},
    names::fresh_name,
    options::{CaptureMode, LocalCallables, Options},
    scope_index::{Binding, HandlerSite, ScopeIndex},
};

/// What to do with a whole module.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Every handler, in source order (an outer handler before those nested
    /// in its body).
    pub handlers: Vec<HandlerPlan>,
    /// How rewritten handlers reach the helper; `None` when nothing is rewritten.
    pub helper: Option<HelperPlan>,
    /// Errors (handlers kept as written) and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// The hoisted block, with `hoist: true` when something is hoisted or a
    /// block is already there.
    pub hoist: Option<HoistPlan>,
    /// What the walk for hoisting and the manifest found (`None` when
    /// neither was asked for).
    pub context: Option<ModuleContext>,
}

impl Plan {
    /// The handlers that are rewritten.
    pub fn rewrites(&self) -> impl Iterator<Item = (&HandlerPlan, &Rewrite)> {
        self.handlers
            .iter()
            .filter_map(|h| h.rewrite.as_ref().map(|r| (h, r)))
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// One event attribute whose value is an inline arrow.
#[derive(Debug, Clone)]
pub struct HandlerPlan {
    /// The attribute's full name (`onClick`).
    pub attr_name: String,
    pub attr_span: Span,
    /// The arrow function (without surrounding parentheses).
    pub arrow_span: Span,
    pub params: ParamFacts,
    /// `None` when the handler is left as written (an error was reported).
    pub rewrite: Option<Rewrite>,
    /// The element's tag as written (`button`, `ui.Dialog`); filled in when
    /// hoisting or describing.
    pub element: String,
    /// The module-level binding the handler is hoisted to.
    pub hoisted: Option<Ident>,
    /// Why it is not hoisted (`None` when it is).
    pub not_hoisted: Option<NotHoisted>,
    /// The first error that keeps it as written.
    pub refused: Option<diagnostics::Code>,
}

/// How one handler is rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    /// The synthesized first parameter, when the user wrote none.
    pub event_param: Option<Atom>,
    /// What the handler captures (the second parameter's roots and the
    /// params object).
    pub captures: CaptureTree,
    /// The second parameter's name when nothing is captured (`params`).
    pub empty_params: Option<Atom>,
    /// Annotate the synthesized parameters `: any`: the arrow is generic, and
    /// TypeScript gives a generic function expression no contextual type, so
    /// under `--strict` they would be implicit `any`s (TS7006/TS7031).
    pub annotate_any: bool,
}

/// Analyses a resolved program. Never mutates it.
pub fn analyze(program: &Program, options: &Options, unresolved_mark: Mark) -> Plan {
    analyze_file(
        program,
        options,
        unresolved_mark,
        &FileFacts::default(),
        false,
    )
}

/// [`analyze`] with what the front end knows of the file (needed to hoist),
/// and whether to describe every handler for a manifest.
pub fn analyze_file(
    program: &Program,
    options: &Options,
    unresolved_mark: Mark,
    facts: &FileFacts<'_>,
    describe: bool,
) -> Plan {
    let rule = AttributeRule::new(options);
    let look = first_look(program, &rule);
    analyze_after_look(
        program,
        options,
        &rule,
        look,
        unresolved_mark,
        facts,
        describe,
    )
}

/// [`analyze`] once its first look is taken: for a caller that looks before
/// resolving (a file without handlers needs no resolver), so that neither the
/// look nor the rule is computed twice. `look` must come from `program` (the
/// resolver does not change what it finds).
pub fn analyze_after_look(
    program: &Program,
    options: &Options,
    rule: &AttributeRule,
    look: FirstLook,
    unresolved_mark: Mark,
    facts: &FileFacts<'_>,
    describe: bool,
) -> Plan {
    if let Some(span) = look.invalid {
        return invalid_program(span);
    }
    if options.registry.is_some() {
        if let Err(why) = facts.module_id {
            return Plan {
                diagnostics: vec![diagnostics::no_module_id(program.span(), why)],
                ..Plan::default()
            };
        }
    }
    // A file without inline handlers may hold handlers an earlier run
    // hoisted: a manifest describes them, and a registry registers them.
    let registers = options.hoist && options.registry.is_some() && look.has_bound;
    if !look.has_handler && !describe && !registers {
        return Plan::default();
    }
    let bases = [
        options.helper_name.as_str(),
        options.namespace_name.as_str(),
    ];
    let index = ScopeIndex::build(program, rule, unresolved_mark, bases);
    if let Some(span) = index.invalid {
        return invalid_program(span);
    }
    // A script has no import, so any rewrite would add one and turn the file
    // into a module, which runs differently: such handlers are kept as written.
    let is_script = matches!(program, Program::Script(_));
    let mut plan = Plan {
        handlers: Vec::with_capacity(index.handlers.len()),
        ..Plan::default()
    };
    let mut order = EvalOrder::new(&index);
    let mut per_handler = Vec::with_capacity(index.handlers.len());
    for site in &index.handlers {
        let (mut rewrite, mut diagnostics) = plan_handler(site, &index, &mut order, options);
        if is_script && rewrite.take().is_some() {
            diagnostics = vec![diagnostics::script_file(site.scan.arrow_span)];
        }
        per_handler.push(diagnostics);
        plan.handlers.push(HandlerPlan {
            attr_name: site.attr_name.clone(),
            attr_span: site.attr_span,
            arrow_span: site.scan.arrow_span,
            params: site.scan.params.clone(),
            rewrite,
            element: String::new(),
            hoisted: None,
            not_hoisted: Some(NotHoisted::Disabled),
            refused: None,
        });
    }
    collapse_nested_duplicates(&plan.handlers, &mut per_handler);
    for (handler, diagnostics) in plan.handlers.iter_mut().zip(&per_handler) {
        if handler.rewrite.is_none() {
            handler.refused = diagnostics.iter().find(|d| d.is_error()).map(|d| d.code);
        }
    }
    plan.diagnostics = per_handler.into_iter().flatten().collect();
    let hoisting = options.hoist && !is_script;
    let placement = if hoisting {
        hoist::placement_index(program)
    } else {
        usize::MAX
    };
    let helper = helper_import::plan(program, options, &index, placement);
    if hoisting || describe {
        let declared: FxHashMap<(u32, u32), &FxHashSet<Id>> = index
            .handlers
            .iter()
            .map(|site| {
                let span = site.scan.arrow_span;
                ((span.lo.0, span.hi.0), &site.scan.declared)
            })
            .collect();
        let mut prefixes = vec!["_"];
        if let Some(registry) = &options.registry {
            prefixes.push(registry.name.as_str());
        }
        let context = hoist::context::collect(
            program,
            rule,
            &hoist::context::Wanted {
                prefixes: &prefixes,
                callbacks: hoisting.then_some(&declared),
                unresolved_mark,
            },
        );
        for handler in &mut plan.handlers {
            if let Some(site) = context.site(handler.arrow_span) {
                handler.element = site.element.clone();
            }
        }
        // The consts an earlier run hoisted (found once: the hoisting plan
        // extends their block, the manifest lists them).
        let bound: FxHashSet<&Id> = context.bound_sites.iter().map(|(id, _)| id).collect();
        let hoisted_consts =
            hoist::existing::consts(program, &helper.callee, |id| bound.contains(id));
        let mut context = context;
        context.hoisted_consts = hoisted_consts;
        if hoisting {
            let narrowed = hoist::narrowing::collect(program, rule);
            plan.hoist = hoist::plan(
                &hoist::HoistInput {
                    program,
                    options,
                    index: &index,
                    facts: *facts,
                    context: &context,
                    narrowed: &narrowed,
                    helper: &helper.callee,
                    placement,
                },
                &mut plan.handlers,
            );
        }
        plan.context = Some(context);
    }
    if plan.rewrites().next().is_some() || plan.hoist.is_some() {
        plan.helper = Some(helper);
    }
    plan
}

/// A program holding an invalid node is not transformed at all (printing it
/// would give code that does not parse).
fn invalid_program(span: Span) -> Plan {
    Plan {
        diagnostics: vec![diagnostics::invalid_syntax(span)],
        ..Plan::default()
    }
}

/// Replaces, in each outer handler, the errors that repeat those of a
/// refused handler nested in it (same code, same span) by one HC011.
/// Handlers are in pre-order, so the ones nested in `h` follow it.
fn collapse_nested_duplicates(handlers: &[HandlerPlan], diagnostics: &mut [Vec<Diagnostic>]) {
    for outer in 0..handlers.len() {
        if handlers[outer].rewrite.is_some() {
            continue;
        }
        let arrow = handlers[outer].arrow_span;
        let mut first_inner = None;
        let (head, tail) = diagnostics.split_at_mut(outer + 1);
        let own = &mut head[outer];
        for (offset, inner) in handlers[outer + 1..].iter().enumerate() {
            if !arrow.contains(inner.arrow_span) {
                break;
            }
            if inner.rewrite.is_some() {
                continue;
            }
            let inner_diagnostics = &tail[offset];
            let before = own.len();
            own.retain(|d| !(d.is_error() && inner_diagnostics.contains(d)));
            if own.len() < before && first_inner.is_none() {
                let code = inner_diagnostics
                    .iter()
                    .find(|d| d.is_error())
                    .map_or(diagnostics::Code::NestedRefused, |d| d.code);
                first_inner = Some((inner.arrow_span, code));
            }
        }
        if let Some((inner, code)) = first_inner {
            own.push(diagnostics::nested_refused(arrow, inner, code));
            own.sort_by_key(|d| d.span.lo);
        }
    }
}

fn plan_handler(
    site: &HandlerSite,
    index: &ScopeIndex,
    order: &mut EvalOrder<'_>,
    options: &Options,
) -> (Option<Rewrite>, Vec<Diagnostic>) {
    let scan = &site.scan;
    let captured =
        |id: &Id| -> Option<&Binding> { index.binding(id).filter(|_| !scan.declared.contains(id)) };
    let mut errors = Vec::new();

    if site.in_with {
        return (None, vec![diagnostics::inside_with(scan.arrow_span)]);
    }
    if let Some(used) = &site.switch_tdz {
        errors.push(if used.function {
            diagnostics::switch_case_function(used.reference, &used.name, used.declared)
        } else {
            diagnostics::not_yet_initialized(used.reference, &used.name, used.declared)
        });
    }

    if let Some(second) = scan.params.second {
        errors.push(diagnostics::second_param(second));
    } else if scan.params.first_is_rest {
        if let Some(first) = scan.params.first {
            errors.push(diagnostics::rest_param(first));
        }
    }
    if let Some((id, span)) = scan
        .param_refs
        .iter()
        .find(|(id, _)| captured(id).is_some())
    {
        errors.push(diagnostics::param_reads_capture(*span, &id.0));
    }
    if let Some(span) = scan.direct_evals.first() {
        errors.push(diagnostics::direct_eval(*span));
    }
    let mut written = FxHashSet::<&Id>::default();
    for (id, span) in &scan.ident_writes {
        if captured(id).is_some() && written.insert(id) {
            errors.push(diagnostics::write_to_capture(*span, &id.0));
        }
    }

    let mut captures = CaptureTreeBuilder::default();
    let mut checked = FxHashSet::<&Id>::default();
    for reference in &scan.refs {
        let Some(binding) = captured(&reference.id) else {
            continue;
        };
        let path: &[Atom] = match options.capture_mode {
            CaptureMode::Paths if !binding.merged => &reference.path,
            _ => &[],
        };
        captures.insert(&reference.id, path);
        if written.contains(&reference.id) || !checked.insert(&reference.id) {
            continue;
        }
        let name = &reference.id.0;
        // A direct `eval` where the binding is in scope (outside the handler,
        // whose own evals are reported above) may write it or run the JSX at
        // any time.
        if let Some(eval) = index
            .direct_evals
            .iter()
            .find(|e| binding.scope.contains(**e) && !scan.arrow_span.contains(**e))
        {
            errors.push(diagnostics::eval_sees_capture(reference.span, name, *eval));
            continue;
        }
        let points = order.points(site.function, &site.at, binding.function);
        // In its own member bodies a class's name is its inner binding,
        // initialised before any of them runs.
        let inner_class = binding.inner.iter().any(|s| s.contains(site.attr_span));
        if binding.written_elsewhere {
            errors.push(diagnostics::namespace_export_capture(
                reference.span,
                name,
                binding.decl_span,
            ));
        } else if !inner_class && eval_order::before_initialization(&points, binding) {
            errors.push(diagnostics::not_yet_initialized(
                reference.span,
                name,
                binding.decl_span,
            ));
        } else if let Some(write) =
            later_write(site, binding, &points, index.writes_to(&reference.id))
        {
            errors.push(diagnostics::reassigned_after_render(
                reference.span,
                name,
                write,
            ));
        }
        if binding.callable && options.local_callables == LocalCallables::Error {
            errors.push(diagnostics::local_callable(reference.span, name));
        }
    }

    if scan.use_strict && !captures.is_empty() {
        errors.push(diagnostics::use_strict_with_captures(scan.arrow_span));
    }

    if !errors.is_empty() {
        errors.sort_by_key(|d| d.span.lo);
        return (None, errors);
    }

    let mut warnings = Vec::new();
    let mut seen = FxHashSet::default();
    for (what, span) in &scan.lexical {
        if seen.insert(*what) {
            warnings.push(diagnostics::lexical_context(*span, what));
        }
    }
    (Some(rewrite_for(scan, captures.build())), warnings)
}

/// A write to a captured mutable binding that can run after the JSX is
/// evaluated at one of `points` (see [`eval_order`]). Writes inside the
/// handler itself are reported as HC001 instead.
fn later_write(
    site: &HandlerSite,
    binding: &Binding,
    points: &[eval_order::Point],
    writes: &[crate::scope_index::Write],
) -> Option<Span> {
    if !binding.kind.is_mutable() {
        return None;
    }
    let arrow = site.scan.arrow_span;
    writes
        .iter()
        .filter(|write| !arrow.contains(write.span))
        .find(|write| eval_order::write_may_follow(points, binding, write))
        .map(|write| write.span)
}

fn rewrite_for(scan: &ArrowScan, captures: CaptureTree) -> Rewrite {
    let taken = |name: &str| {
        scan.names.contains(name) || captures.roots.iter().any(|root| &**root.name() == name)
    };
    let event_param = scan
        .params
        .first
        .is_none()
        .then(|| fresh_name("event", taken));
    let empty_params = captures.is_empty().then(|| fresh_name("params", taken));
    Rewrite {
        event_param,
        captures,
        empty_params,
        annotate_any: scan.params.type_params_end.is_some(),
    }
}
