//! `factlint lsp`: a language server on stdio that lints open articles in-process.
//!
//! One thread runs everything: requests are answered in order, and linting is debounced by
//! waiting on the connection with a deadline (the earliest document whose last change is
//! 150 ms old), so typing never queues up stale lints. Rule sets are loaded per config file
//! (as `factlint check` would from the article's folder) and reloaded when a config or
//! rule file changes: on a watched-file event, on any save, on a slow poll, and before
//! every lint.

mod actions;
mod convert;
mod rules;

use crate::diagnostic::Diagnostic;
use crate::source::LineIndex;
use convert::{Encoding, Text};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use rules::RuleSet;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Quiet time after an edit before the document is linted again.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// How often config and rule files are re-checked for clients that do not watch files.
const POLL: Duration = Duration::from_secs(2);

/// Serves on stdin/stdout until `exit`. Returns the exit status the protocol asks for:
/// 0 after `shutdown` then `exit`, 1 when `exit` (or end of input) comes without `shutdown`.
pub fn run() -> Result<u8, String> {
    let (connection, io_threads) = Connection::stdio();
    let status = serve(&connection)?;
    // The writer thread ends when the last sender is gone.
    drop(connection);
    io_threads.join().map_err(|e| format!("lsp: {e}"))?;
    Ok(status)
}

/// The whole session on an established connection (stdio, or in memory for tests).
pub fn serve(connection: &Connection) -> Result<u8, String> {
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| format!("lsp: {e}"))?;
    let params: lsp::InitializeParams =
        serde_json::from_value(params.clone()).map_err(|e| format!("lsp: initialize: {e}"))?;
    let mut server = Server::new(connection, &params, root_of(&params));
    let result = serde_json::json!({
        "capabilities": server.capabilities(),
        "serverInfo": { "name": "factlint", "version": env!("CARGO_PKG_VERSION") },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| format!("lsp: {e}"))?;
    server.main_loop()
}

/// The workspace folder, for documents without a path (untitled buffers).
fn root_of(params: &lsp::InitializeParams) -> Option<PathBuf> {
    params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| convert::uri_to_path(&f.uri))
}

struct OpenDoc {
    uri: lsp::Uri,
    version: i32,
    text: String,
    lines: LineIndex,
    /// When to lint next (set by edits; `None` when the findings match the text).
    due: Option<Instant>,
    /// Findings for the current text, with spans into it (for code actions and hover).
    diagnostics: Vec<Diagnostic>,
    /// The config file the last lint used (`None`: no config found).
    config: Option<PathBuf>,
}

struct Server<'c> {
    conn: &'c Connection,
    encoding: Encoding,
    document_changes: bool,
    watch_files: bool,
    root: Option<PathBuf>,
    /// Open documents by URI.
    docs: HashMap<String, OpenDoc>,
    /// Rule sets by config file (`None`: no config, built-in rules).
    rule_sets: HashMap<Option<PathBuf>, RuleSet>,
    /// Load problems as last published, by config or rule file (to clear them once fixed
    /// and to publish only what changed).
    problems: HashMap<String, (lsp::Uri, Vec<lsp::Diagnostic>)>,
    shutdown: bool,
    next_poll: Instant,
    next_request: i32,
}

impl<'c> Server<'c> {
    fn new(conn: &'c Connection, params: &lsp::InitializeParams, root: Option<PathBuf>) -> Self {
        let caps = &params.capabilities;
        let offered = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        let workspace = caps.workspace.as_ref();
        Server {
            conn,
            encoding: Encoding::negotiate(offered),
            document_changes: workspace
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false),
            watch_files: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            root,
            docs: HashMap::new(),
            rule_sets: HashMap::new(),
            problems: HashMap::new(),
            shutdown: false,
            next_poll: Instant::now() + POLL,
            next_request: 0,
        }
    }

    fn capabilities(&self) -> lsp::ServerCapabilities {
        lsp::ServerCapabilities {
            position_encoding: Some(self.encoding.kind()),
            text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
                lsp::TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(lsp::TextDocumentSyncKind::FULL),
                    save: Some(lsp::TextDocumentSyncSaveOptions::SaveOptions(
                        lsp::SaveOptions {
                            include_text: Some(false),
                        },
                    )),
                    ..Default::default()
                },
            )),
            code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
                lsp::CodeActionOptions {
                    code_action_kinds: Some(vec![
                        lsp::CodeActionKind::QUICKFIX,
                        lsp::CodeActionKind::from(actions::FIX_ALL),
                    ]),
                    ..Default::default()
                },
            )),
            hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
            ..Default::default()
        }
    }

    fn main_loop(&mut self) -> Result<u8, String> {
        loop {
            let deadline = self.next_wakeup();
            let msg = match self.conn.receiver.recv_deadline(deadline) {
                Ok(m) => m,
                Err(e) if e.is_timeout() => {
                    self.on_timer();
                    continue;
                }
                // The client went away without `exit`.
                Err(_) => return Ok(1),
            };
            match msg {
                Message::Request(req) => self.on_request(req),
                Message::Notification(n) if n.method == lsp::notification::Exit::METHOD => {
                    return Ok(if self.shutdown { 0 } else { 1 });
                }
                Message::Notification(n) => self.on_notification(n),
                // Answers to our own requests (watcher registration): nothing to do.
                Message::Response(_) => {}
            }
        }
    }

    fn next_wakeup(&self) -> Instant {
        self.docs
            .values()
            .filter_map(|d| d.due)
            .min()
            .unwrap_or(self.next_poll)
            .min(self.next_poll)
    }

    fn on_timer(&mut self) {
        let now = Instant::now();
        if now >= self.next_poll {
            self.next_poll = now + POLL;
            if !self.docs.is_empty() {
                self.check_reload();
            }
        }
        let due: Vec<lsp::Uri> = self
            .docs
            .values()
            .filter(|d| d.due.is_some_and(|t| t <= now))
            .map(|d| d.uri.clone())
            .collect();
        for uri in due {
            self.lint(&uri);
        }
    }

    fn send(&self, msg: impl Into<Message>) {
        // Fails only when the client is gone; the loop then ends on the closed receiver.
        let _ = self.conn.sender.send(msg.into());
    }

    fn notify<N: lsp::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    fn show_message(&self, typ: lsp::MessageType, message: String) {
        self.notify::<lsp::notification::ShowMessage>(lsp::ShowMessageParams { typ, message });
    }

    // ---- requests ----

    fn on_request(&mut self, req: Request) {
        if self.shutdown {
            self.send(Response::new_err(
                req.id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".into(),
            ));
            return;
        }
        let id = req.id.clone();
        let result: Result<Value, (ErrorCode, String)> = match req.method.as_str() {
            lsp::request::Shutdown::METHOD => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            lsp::request::CodeActionRequest::METHOD => parse(req.params)
                .map(|p| serde_json::to_value(self.code_actions(p)).unwrap_or(Value::Null)),
            lsp::request::HoverRequest::METHOD => {
                parse(req.params).map(|p| serde_json::to_value(self.hover(p)).unwrap_or_default())
            }
            m => Err((ErrorCode::MethodNotFound, format!("unhandled method {m}"))),
        };
        self.send(match result {
            Ok(v) => Response::new_ok(id, v),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        });
    }

    fn code_actions(&mut self, p: lsp::CodeActionParams) -> Option<Vec<lsp::CodeActionOrCommand>> {
        let uri = p.text_document.uri;
        self.flush(&uri);
        let doc = self.docs.get(uri.as_str())?;
        let view = self.view(doc);
        let range = view.text.span(p.range);
        Some(actions::code_actions(
            &view,
            range,
            p.context.only.as_deref(),
        ))
    }

    fn hover(&mut self, p: lsp::HoverParams) -> Option<lsp::Hover> {
        let pos = p.text_document_position_params;
        let uri = pos.text_document.uri;
        self.flush(&uri);
        let doc = self.docs.get(uri.as_str())?;
        let set = self.rule_sets.get(&doc.config)?;
        let view = self.view(doc);
        let offset = view.text.offset(pos.position);
        actions::hover(&view, &set.session.linter, offset)
    }

    /// Lints now if an edit is still waiting, so answers never use spans of older text.
    fn flush(&mut self, uri: &lsp::Uri) {
        if self.docs.get(uri.as_str()).is_some_and(|d| d.due.is_some()) {
            self.lint(uri);
        }
    }

    fn view<'a>(&self, doc: &'a OpenDoc) -> actions::Doc<'a> {
        actions::Doc {
            uri: &doc.uri,
            version: doc.version,
            text: Text {
                text: &doc.text,
                lines: &doc.lines,
                encoding: self.encoding,
            },
            diagnostics: &doc.diagnostics,
            document_changes: self.document_changes,
        }
    }

    // ---- notifications ----

    fn on_notification(&mut self, n: Notification) {
        use lsp::notification as N;
        match n.method.as_str() {
            N::Initialized::METHOD => self.register_watchers(),
            N::DidOpenTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp::DidOpenTextDocumentParams>(n.params) {
                    let d = p.text_document;
                    if is_rules_file(&d.uri) {
                        return;
                    }
                    let lines = LineIndex::new(&d.text);
                    self.docs.insert(
                        d.uri.to_string(),
                        OpenDoc {
                            uri: d.uri.clone(),
                            version: d.version,
                            text: d.text,
                            lines,
                            due: None,
                            diagnostics: Vec::new(),
                            config: None,
                        },
                    );
                    self.lint(&d.uri);
                }
            }
            N::DidChangeTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp::DidChangeTextDocumentParams>(n.params) {
                    let encoding = self.encoding;
                    if let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str()) {
                        for change in p.content_changes {
                            apply_change(doc, change, encoding);
                        }
                        doc.version = p.text_document.version;
                        doc.due = Some(Instant::now() + DEBOUNCE);
                    }
                }
            }
            N::DidSaveTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp::DidSaveTextDocumentParams>(n.params) {
                    // A saved config or rule file (or anything else): pick up rule changes.
                    self.check_reload();
                    if let Some(text) = p.text
                        && let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str())
                    {
                        doc.lines = LineIndex::new(&text);
                        doc.text = text;
                    }
                    if self.docs.contains_key(p.text_document.uri.as_str()) {
                        self.lint(&p.text_document.uri);
                    }
                }
            }
            N::DidCloseTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp::DidCloseTextDocumentParams>(n.params)
                    && self.docs.remove(p.text_document.uri.as_str()).is_some()
                {
                    self.publish(p.text_document.uri, Vec::new(), None);
                }
            }
            N::DidChangeWatchedFiles::METHOD => self.check_reload(),
            _ => {}
        }
    }

    /// Asks the client to tell us about config and rule-file changes, if it can.
    fn register_watchers(&mut self) {
        if !self.watch_files {
            return;
        }
        let watcher = |glob: &str| lsp::FileSystemWatcher {
            glob_pattern: lsp::GlobPattern::String(glob.into()),
            kind: None,
        };
        let options = lsp::DidChangeWatchedFilesRegistrationOptions {
            // Rule sets may have any name: watch every YAML file; a change that touches
            // no loaded set costs a few `stat` calls.
            watchers: vec![watcher("**/*.yml"), watcher("**/*.yaml")],
        };
        let params = lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: "factlint-watch-rules".into(),
                method: lsp::notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_request += 1;
        self.send(Request::new(
            RequestId::from(format!("factlint-{}", self.next_request)),
            lsp::request::RegisterCapability::METHOD.into(),
            params,
        ));
    }

    // ---- linting ----

    /// The config file that applies to a document: found from its folder upward, like the
    /// CLI does from the current folder; untitled buffers use the workspace folder.
    fn config_for(&self, uri: &lsp::Uri) -> Option<PathBuf> {
        let dir = convert::uri_to_path(uri)
            .and_then(|p| p.parent().map(PathBuf::from))
            .or_else(|| self.root.clone())
            .or_else(|| std::env::current_dir().ok())?;
        crate::config::Config::discover(&dir)
    }

    /// Makes sure the rule set for `config` is loaded and current. Returns whether it was
    /// (re)loaded, in which case every document using it needs a new lint.
    fn ensure_rules(&mut self, config: &Option<PathBuf>) -> bool {
        if self.rule_sets.get(config).is_some_and(|s| !s.is_stale()) {
            return false;
        }
        self.rule_sets
            .insert(config.clone(), RuleSet::load(config.as_deref()));
        self.publish_problems();
        true
    }

    fn lint(&mut self, uri: &lsp::Uri) {
        let config = self.config_for(uri);
        if self.ensure_rules(&config) {
            let now = Instant::now();
            for d in self.docs.values_mut() {
                if d.config == config && d.uri != *uri {
                    d.due = Some(now);
                }
            }
        }
        let Some(doc) = self.docs.get_mut(uri.as_str()) else {
            return;
        };
        let set = &self.rule_sets[&config];
        let name = convert::document_name(uri);
        let path = convert::uri_to_path(uri);
        // The same settings as `factlint check` in that folder: the config's `ignore:` leaves
        // the file out, its `accept:` and `ignore_rules:` apply.
        let excluded = path.as_deref().is_some_and(|p| set.session.is_excluded(p));
        // A bug in one check must not take the editor's server down with it.
        let linted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if excluded {
                return Vec::new();
            }
            set.session.lint(&name, path.as_deref(), doc.text.clone()).1
        }));
        doc.due = None;
        doc.config = config;
        let (version, uri) = (doc.version, doc.uri.clone());
        match linted {
            Ok(diags) => {
                doc.diagnostics = diags;
                let t = Text {
                    text: &doc.text,
                    lines: &doc.lines,
                    encoding: self.encoding,
                };
                let lsp_diags = doc
                    .diagnostics
                    .iter()
                    .map(|d| convert::diagnostic(d, &uri, &t))
                    .collect();
                self.publish(uri, lsp_diags, Some(version));
            }
            Err(_) => {
                doc.diagnostics.clear();
                self.show_message(
                    lsp::MessageType::ERROR,
                    format!("factlint crashed while linting {name}; please report it"),
                );
            }
        }
    }

    fn publish(&self, uri: lsp::Uri, diagnostics: Vec<lsp::Diagnostic>, version: Option<i32>) {
        self.notify::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    /// Re-checks which config applies to each open document and whether any loaded rule set
    /// changed on disk; relints what is affected.
    fn check_reload(&mut self) {
        let now = Instant::now();
        let uris: Vec<lsp::Uri> = self.docs.values().map(|d| d.uri.clone()).collect();
        let mut in_use = HashSet::new();
        for uri in uris {
            let config = self.config_for(&uri);
            let doc = self.docs.get_mut(uri.as_str()).expect("listed above");
            if doc.config != config {
                doc.due = Some(now);
            }
            in_use.insert(config);
        }
        let stale: Vec<Option<PathBuf>> = self
            .rule_sets
            .iter()
            .filter(|(k, s)| !in_use.contains(*k) || s.is_stale())
            .map(|(k, _)| k.clone())
            .collect();
        for key in stale {
            if in_use.contains(&key) {
                let set = RuleSet::load(key.as_deref());
                self.rule_sets.insert(key.clone(), set);
            } else {
                self.rule_sets.remove(&key);
            }
            for d in self.docs.values_mut().filter(|d| d.config == key) {
                d.due = Some(now);
            }
        }
        self.publish_problems();
    }

    /// Shows config and rule-set problems on the files they are in; clears fixed ones.
    fn publish_problems(&mut self) {
        let mut by_uri: HashMap<String, (lsp::Uri, Vec<lsp::Diagnostic>)> = HashMap::new();
        let mut unlocated = Vec::new();
        for p in self.rule_sets.values().flat_map(|s| &s.problems) {
            let Some(uri) = convert::path_to_uri(&p.path) else {
                unlocated.push(format!("{}: {}", p.path.display(), p.message));
                continue;
            };
            let range = match &p.at {
                Some((text, offset)) => {
                    let lines = LineIndex::new(text);
                    let t = Text {
                        text,
                        lines: &lines,
                        encoding: self.encoding,
                    };
                    let end = text[*offset..]
                        .find('\n')
                        .map_or(text.len(), |n| offset + n);
                    t.range(&(*offset..end))
                }
                None => lsp::Range::default(),
            };
            let list = &mut by_uri
                .entry(uri.to_string())
                .or_insert_with(|| (uri, Vec::new()))
                .1;
            let diag = lsp::Diagnostic {
                range,
                severity: Some(convert::severity(p.severity)),
                code: Some(lsp::NumberOrString::String("factlint.config".into())),
                source: Some("factlint".into()),
                message: p.message.clone(),
                ..Default::default()
            };
            // Two documents in one folder share a config: say each problem once.
            if !list.contains(&diag) {
                list.push(diag);
            }
        }
        if by_uri == self.problems {
            return;
        }
        for (key, (uri, _)) in &self.problems {
            if !by_uri.contains_key(key) {
                self.publish(uri.clone(), Vec::new(), None);
            }
        }
        for (key, (uri, diags)) in &by_uri {
            if self.problems.get(key).map(|p| &p.1) != Some(diags) {
                self.publish(uri.clone(), diags.clone(), None);
            }
        }
        self.problems = by_uri;
        for m in unlocated {
            self.show_message(lsp::MessageType::ERROR, format!("factlint: {m}"));
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, (ErrorCode, String)> {
    serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

/// Config and rule sets are YAML: never lint them as articles.
fn is_rules_file(uri: &lsp::Uri) -> bool {
    let path = uri.path().as_str();
    path.ends_with(".yml") || path.ends_with(".yaml")
}

/// Applies one change: the whole text (what we ask for), or a range edit (which some
/// clients send anyway).
fn apply_change(doc: &mut OpenDoc, change: lsp::TextDocumentContentChangeEvent, enc: Encoding) {
    match change.range {
        None => doc.text = change.text,
        Some(range) => {
            let span = Text {
                text: &doc.text,
                lines: &doc.lines,
                encoding: enc,
            }
            .span(range);
            doc.text.replace_range(span, &change.text);
        }
    }
    doc.lines = LineIndex::new(&doc.text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn open_doc(text: &str) -> OpenDoc {
        OpenDoc {
            uri: lsp::Uri::from_str("file:///a.md").unwrap(),
            version: 1,
            text: text.into(),
            lines: LineIndex::new(text),
            due: None,
            diagnostics: Vec::new(),
            config: None,
        }
    }

    #[test]
    fn range_changes_apply_in_the_negotiated_unit() {
        let mut doc = open_doc("😀 ab\ncd");
        let change = |l1, c1, l2, c2, t: &str| lsp::TextDocumentContentChangeEvent {
            range: Some(lsp::Range::new(
                lsp::Position::new(l1, c1),
                lsp::Position::new(l2, c2),
            )),
            range_length: None,
            text: t.into(),
        };
        // UTF-16: 😀 is 2 units, so column 3 is 'a'.
        apply_change(&mut doc, change(0, 3, 0, 4, "X"), Encoding::Utf16);
        assert_eq!(doc.text, "😀 Xb\ncd");
        // UTF-8: 😀 is 4 bytes, so column 5 is 'X'.
        apply_change(&mut doc, change(0, 5, 1, 1, ""), Encoding::Utf8);
        assert_eq!(doc.text, "😀 d");
        apply_change(
            &mut doc,
            lsp::TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "new".into(),
            },
            Encoding::Utf8,
        );
        assert_eq!(
            (doc.text.as_str(), doc.lines.line_starts().len()),
            ("new", 1)
        );
    }

    #[test]
    fn yaml_documents_are_not_linted() {
        assert!(is_rules_file(
            &lsp::Uri::from_str("file:///p/factlint.yml").unwrap()
        ));
        assert!(!is_rules_file(
            &lsp::Uri::from_str("file:///p/story.md").unwrap()
        ));
    }
}
