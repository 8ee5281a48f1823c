//! # Hoisting: handlers as module-level constants with stable names
//!
//! With `hoist: true`, each rewritten handler's `handler(callback)` becomes a
//! module-level `const` and the attribute keeps only the binding
//! (BEHAVIOR.md section 5). This module plans it; both back ends apply the
//! plan.
//!
//! ```tsx
//! import { handler } from "commontools";
//! export function App({ state }) {
//!   return <button onClick={() => state.n.set(1)} />;
//! }
//! // becomes
//! import { handler } from "commontools";
//! const _App_button_onClick = /*#__PURE__*/ handler((event, { state }) => state.n.set(1));
//! export function App({ state }) {
//!   return <button onClick={_App_button_onClick({ state: { n: state.n } })} />;
//! }
//! ```
//!
//! ## Implementation
//!
//! - **Which handlers**: every rewritten one, unless its callback depends on
//!   where it stands ([`NotHoisted`]): `this` and friends, private names,
//!   local types ([`callback`]), a local classic JSX factory, a namespace
//!   body or directive function around it ([`context`]), a next-line
//!   comment directive over one of its lines ([`comment_directives`]), or a
//!   reference the capture analysis neither passes nor leaves to module
//!   scope (a safety net: such a callback would read a missing binding).
//! - **Names** ([`naming`]), unique against the names of the source text.
//! - **Placement**: before the first module item that is not an import,
//!   `export ... from` or `import x = require()`; when the module already
//!   holds a hoisted block (this transform's own output), after its last
//!   `const`, and an existing registry call for this module is extended.
//!   The declarations come in post-order (an inner handler before the outer
//!   one whose callback uses it).

pub mod callback;
pub mod comment_directives;
pub mod context;
pub mod existing;
pub mod module_level;
pub mod naming;
pub mod narrowing;

use swc_core::{
    common::{BytePos, Mark, Span, Spanned, SyntaxContext, DUMMY_SP},
    ecma::{ast::*, atoms::Atom},
};

use crate::{
    helper_import::{self, HelperCallee, ImportEdit},
    options::Options,
    plan::HandlerPlan,
    scope_index::{HandlerSite, ScopeIndex},
};

use comment_directives::CommentDirectives;
use context::ModuleContext;

/// Why a rewritten handler stays inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotHoisted {
    /// `hoist` is off.
    Disabled,
    /// The handler is not rewritten (refused, or left as written).
    NotRewritten,
    /// `this`, `arguments`, `super` or `new.target`.
    Lexical,
    /// A private name of an enclosing class.
    PrivateName,
    /// A type position naming a local type, a type parameter or `this`.
    LocalType,
    /// The callback holds JSX and the classic factory is a local binding.
    JsxFactory,
    /// Inside a TypeScript `namespace`/`module` body.
    Namespace,
    /// A `@ts-expect-error`/`@ts-ignore`/`eslint-disable-next-line` comment
    /// outside the callback applies to one of its lines.
    CommentDirective,
    /// An enclosing function has a directive (`"use server"`).
    DirectiveFunction,
    /// The callback reads a binding that is neither passed nor module-level.
    LocalBinding,
    /// The callback reads a module-level binding that an enclosing function
    /// narrows (tests or assigns): TypeScript's narrowing would not reach
    /// the hoisted callback.
    Narrowed,
    /// The front end could not give the source text the checks need.
    NoSource,
}

impl NotHoisted {
    /// The manifest's name for the reason.
    pub fn as_str(self) -> &'static str {
        match self {
            NotHoisted::Disabled => "disabled",
            NotHoisted::NotRewritten => "not-rewritten",
            NotHoisted::Lexical => "this",
            NotHoisted::PrivateName => "private-name",
            NotHoisted::LocalType => "local-type",
            NotHoisted::JsxFactory => "jsx-factory",
            NotHoisted::Namespace => "namespace",
            NotHoisted::CommentDirective => "comment-directive",
            NotHoisted::DirectiveFunction => "directive-function",
            NotHoisted::LocalBinding => "local-binding",
            NotHoisted::Narrowed => "narrowed",
            NotHoisted::NoSource => "no-source",
        }
    }
}

/// Where the hoisted block goes and what it registers.
#[derive(Debug, Clone)]
pub struct HoistPlan {
    /// The module item index the new declarations go before.
    pub index: usize,
    /// The module item they follow (`None`: the top of the file).
    pub after: Option<Span>,
    /// Indices into [`crate::Plan::handlers`] of the hoisted handlers, in
    /// post-order (the order of the declarations).
    pub order: Vec<usize>,
    pub registry: Option<RegistryPlan>,
}

/// The registry call.
#[derive(Debug, Clone)]
pub struct RegistryPlan {
    /// The registry function as the call writes it.
    pub callee: Ident,
    pub import: ImportEdit,
    /// This module's id (`src/App.tsx`).
    pub module_id: String,
    /// The bindings to add to the registry, in order.
    pub names: Vec<Ident>,
    /// An existing call for this module whose object gets the new names.
    pub existing: Option<ExistingCall>,
    /// Where a new call goes when it cannot follow the block: the module
    /// item index it goes before and the item it follows (the last const an
    /// earlier run hoisted, which stands below the block's place).
    pub after_existing: Option<(usize, Span)>,
}

/// `register("src/App.tsx", { ... })` already in the module.
#[derive(Debug, Clone, Copy)]
pub struct ExistingCall {
    /// The object literal's span.
    pub object: Span,
    /// Its last property, if any.
    pub last_prop: Option<Span>,
}

/// What the front end tells the analysis about the file.
#[derive(Debug, Clone, Copy)]
pub struct FileFacts<'a> {
    /// The source text and the position of its first byte. Hoisting needs it
    /// (comment directives, JSX pragmas); without it nothing is hoisted.
    pub source: Option<(&'a str, BytePos)>,
    /// The module id, or why there is none (an error with a registry).
    pub module_id: Result<&'a str, &'a str>,
}

impl Default for FileFacts<'_> {
    fn default() -> Self {
        FileFacts {
            source: None,
            module_id: Err("the host gave no file name"),
        }
    }
}

/// The first module item that is not an import, `export ... from`,
/// `import x = require()` or a directive of the prologue.
pub fn placement_index(program: &Program) -> usize {
    let Program::Module(module) = program else {
        return 0;
    };
    let mut prologue = true;
    module
        .body
        .iter()
        .position(|item| {
            let skip = match item {
                ModuleItem::ModuleDecl(ModuleDecl::Import(_) | ModuleDecl::ExportAll(_)) => true,
                ModuleItem::ModuleDecl(ModuleDecl::ExportNamed(named)) => named.src.is_some(),
                ModuleItem::ModuleDecl(ModuleDecl::TsImportEquals(import)) => {
                    matches!(import.module_ref, TsModuleRef::TsExternalModuleRef(_))
                }
                ModuleItem::Stmt(Stmt::Expr(ExprStmt { expr, .. })) if prologue => {
                    matches!(&**expr, Expr::Lit(Lit::Str(_)))
                }
                _ => false,
            };
            if !matches!(item, ModuleItem::Stmt(Stmt::Expr(_))) {
                prologue = false;
            }
            !skip
        })
        .unwrap_or(module.body.len())
}

/// Everything [`plan`] reads.
pub struct HoistInput<'a> {
    pub program: &'a Program,
    pub options: &'a Options,
    pub index: &'a ScopeIndex,
    pub facts: FileFacts<'a>,
    pub context: &'a ModuleContext,
    /// The module-level bindings the functions around each handler narrow.
    pub narrowed: &'a narrowing::Narrowed,
    pub helper: &'a HelperCallee,
    /// [`placement_index`] of the program.
    pub placement: usize,
}

/// Decides which rewritten handlers are hoisted and under which names
/// (filling in [`HandlerPlan::hoisted`] and [`HandlerPlan::not_hoisted`]),
/// and where the block goes. `handlers` are the plan's, in the order of the
/// index's sites.
pub fn plan(input: &HoistInput<'_>, handlers: &mut [HandlerPlan]) -> Option<HoistPlan> {
    let context = input.context;
    let directives = input
        .facts
        .source
        .map(|(text, _)| CommentDirectives::find(text));
    // The scopes of local bindings named like the classic JSX factory or
    // fragment (found once, not per handler).
    let pragmas = input.facts.source.map(|(text, _)| {
        // "*": the build's factory is unknown (any local binding may be it).
        if input.options.jsx_factories.iter().any(|f| f == "*") {
            return vec![input.program.span()];
        }
        let mut names = jsx_factories(text);
        // `h` of `h.f`, as the build names its factory.
        names.extend(
            input
                .options
                .jsx_factories
                .iter()
                .map(|name| Atom::from(name.split('.').next().unwrap_or_default())),
        );
        input
            .index
            .bindings
            .iter()
            .filter(|(id, _)| names.contains(&id.0))
            .map(|(_, binding)| binding.scope)
            .collect::<Vec<Span>>()
    });

    let mut candidates = Vec::new();
    for (i, (handler, site)) in handlers.iter_mut().zip(&input.index.handlers).enumerate() {
        if handler.rewrite.is_none() {
            handler.not_hoisted = Some(NotHoisted::NotRewritten);
            continue;
        }
        let Some(site_context) = context.site(site.scan.arrow_span) else {
            handler.not_hoisted = Some(NotHoisted::LocalBinding);
            continue;
        };
        let why = why_inline(
            input,
            site,
            site_context,
            directives.as_ref(),
            pragmas.as_deref(),
        );
        match why {
            Some(reason) => handler.not_hoisted = Some(reason),
            None => {
                // Mark it as a candidate; nested reasons are applied below.
                handler.not_hoisted = None;
                candidates.push((
                    i,
                    naming::base_name(&site_context.scopes, &handler.element, &handler.attr_name),
                ));
            }
        }
    }

    // A reason that keeps a nested handler inline in a callback's text keeps
    // the callback inline too (pre-order: the nested ones follow it).
    let mut kept = Vec::with_capacity(candidates.len());
    for &(i, ref base) in candidates.iter().rev() {
        let span = handlers[i].arrow_span;
        let inner = handlers[i + 1..]
            .iter()
            .take_while(|h| span.contains(h.arrow_span))
            .filter_map(|h| h.not_hoisted)
            .find(|r| !matches!(r, NotHoisted::NotRewritten | NotHoisted::Disabled));
        match inner {
            Some(reason) => handlers[i].not_hoisted = Some(reason),
            None => kept.push((i, base.clone())),
        }
    }
    kept.reverse();
    let candidates = kept;
    let names = naming::assign(candidates.iter().map(|(_, base)| base.as_str()), |name| {
        context.names.contains(&Atom::from(name))
    });
    let ctxt = SyntaxContext::empty().apply_mark(Mark::new());
    for ((i, _), name) in candidates.iter().zip(&names) {
        handlers[*i].hoisted = Some(Ident::new(name.clone(), DUMMY_SP, ctxt));
        handlers[*i].not_hoisted = None;
    }
    let mut order: Vec<usize> = candidates.iter().map(|(i, _)| *i).collect();
    // Spans nest, so ordering by the end gives post-order.
    order.sort_by_key(|&i| handlers[i].arrow_span.hi);

    let registry_callee = input.options.registry.as_ref().map(|registry| {
        let helper = match input.helper {
            HelperCallee::Ident(ident) => ident.sym.clone(),
            HelperCallee::Member { object, .. } => object.sym.clone(),
        };
        let taken = |name: &str| {
            context.names.contains(&Atom::from(name))
                || names.iter().any(|n| n == name)
                || helper == name
        };
        helper_import::named_import_with(
            input.program,
            input.index,
            &registry.module,
            &registry.name,
            input.placement,
            taken,
            false,
        )
    });
    let module_id = input.facts.module_id.ok().unwrap_or_default();
    let existing_consts = &context.hoisted_consts;
    let existing_call = registry_callee
        .as_ref()
        .and_then(|(callee, _)| existing::registry(input.program, callee, module_id));
    if order.is_empty() && existing_consts.is_empty() {
        return None;
    }
    // New declarations join an existing block only when it stands where a
    // block goes (nothing but hoisted consts between the place and its end):
    // module code above the block could otherwise use them uninitialised.
    let contiguous = existing_consts.last().is_some_and(|&(last, _)| {
        let indices: rustc_hash::FxHashSet<usize> =
            existing_consts.iter().map(|(i, _)| *i).collect();
        last >= input.placement && (input.placement..=last).all(|i| indices.contains(&i))
    });
    let (index, after) = match existing_consts.last() {
        Some(&(last, _)) if contiguous => (last + 1, item_span(input.program, last)),
        _ => (
            input.placement,
            input
                .placement
                .checked_sub(1)
                .and_then(|i| item_span(input.program, i)),
        ),
    };
    let registry = registry_callee.map(|(callee, import)| {
        let registered = existing_call.as_ref().map(|(_, keys)| keys);
        let names = existing_consts
            .iter()
            .map(|(_, name)| name.clone())
            .chain(order.iter().filter_map(|&i| handlers[i].hoisted.clone()))
            .filter(|name| registered.is_none_or(|keys| !keys.contains(&name.sym)))
            .collect();
        // A new call follows every const it names: after the block, or after
        // the last earlier const when that stands below the block's place.
        let after_existing = existing_consts
            .last()
            .filter(|&&(last, _)| last >= index)
            .and_then(|&(last, _)| Some((last + 1, item_span(input.program, last)?)));
        RegistryPlan {
            callee,
            import,
            module_id: module_id.to_string(),
            names,
            existing: existing_call.as_ref().map(|(call, _)| *call),
            after_existing,
        }
    });
    Some(HoistPlan {
        index,
        after,
        order,
        registry: registry.filter(|r| !r.names.is_empty() || r.existing.is_some()),
    })
}

fn item_span(program: &Program, index: usize) -> Option<Span> {
    match program {
        Program::Module(module) => module.body.get(index).map(Spanned::span),
        _ => None,
    }
}

/// The reason `site` must stay inline, if any.
fn why_inline(
    input: &HoistInput<'_>,
    site: &HandlerSite,
    site_context: &context::SiteContext,
    directives: Option<&CommentDirectives>,
    pragmas: Option<&[Span]>,
) -> Option<NotHoisted> {
    let scan = &site.scan;
    if !scan.lexical.is_empty() {
        return Some(NotHoisted::Lexical);
    }
    if site_context.in_namespace {
        return Some(NotHoisted::Namespace);
    }
    if site_context.in_directive_function {
        return Some(NotHoisted::DirectiveFunction);
    }
    let facts = site_context.callback.as_ref()?;
    if facts.private_name.is_some() {
        return Some(NotHoisted::PrivateName);
    }
    if facts.local_type.is_some() {
        return Some(NotHoisted::LocalType);
    }
    if facts.lexical_in_key.is_some() {
        return Some(NotHoisted::Lexical);
    }
    // A class's own name in its body is its inner binding; from module
    // scope it would be the outer one, which can be reassigned.
    let arrow = scan.arrow_span;
    let own_class = |id: &Id| {
        input
            .context
            .class_bodies
            .iter()
            .any(|(class, body)| class == id && body.contains(arrow))
    };
    if scan.refs.iter().any(|r| own_class(&r.id)) {
        return Some(NotHoisted::LocalBinding);
    }
    let key = (arrow.lo.0, arrow.hi.0);
    let narrowed =
        |id: &Id| input.context.module_level.contains(id) && input.narrowed.narrows(key, id);
    if scan.refs.iter().any(|r| narrowed(&r.id)) {
        return Some(NotHoisted::Narrowed);
    }
    let captured = |id: &Id| input.index.binding(id).is_some() && !scan.declared.contains(id);
    let reaches = |id: &Id| {
        scan.declared.contains(id) || captured(id) || input.context.module_level.contains(id)
    };
    if !scan.refs.iter().all(|r| reaches(&r.id)) {
        return Some(NotHoisted::LocalBinding);
    }
    let (Some(directives), Some(pragmas), Some((text, base))) =
        (directives, pragmas, input.facts.source)
    else {
        return Some(NotHoisted::NoSource);
    };
    let arrow = scan.arrow_span;
    let offset = |pos: BytePos| pos.0.saturating_sub(base.0) as usize;
    if directives.cover(text, offset(arrow.lo)..offset(arrow.hi)) {
        return Some(NotHoisted::CommentDirective);
    }
    // `pragmas` holds the scopes of the local bindings named like a factory
    // (the whole program when the factory is unknown).
    if facts.has_jsx && pragmas.iter().any(|scope| scope.contains(arrow)) {
        return Some(NotHoisted::JsxFactory);
    }
    None
}

/// The classic JSX factory and fragment roots the file may use: those its
/// `@jsx`/`@jsxFrag` pragmas name, and `React`.
fn jsx_factories(text: &str) -> Vec<Atom> {
    let mut roots = vec![Atom::from("React")];
    for pragma in ["@jsx ", "@jsxFrag "] {
        for (at, _) in text.match_indices(pragma) {
            let rest = text[at + pragma.len()..].trim_start();
            let root: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                .collect();
            if !root.is_empty() {
                roots.push(root.into());
            }
        }
    }
    roots
}
