//! Drives `factlint lsp` over stdio as an editor would: Content-Length framed JSON-RPC in,
//! responses and notifications out. Every read has a deadline, so a server bug fails a test
//! instead of hanging the suite, and a server left running is killed when its test ends.

use serde_json::{Value, json};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(20);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: mpsc::Receiver<Value>,
    /// Notifications read while waiting for something else.
    backlog: VecDeque<Value>,
    next_id: i64,
}

impl Client {
    fn spawn() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn factlint lsp");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut r) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Client {
            stdin: child.stdin.take(),
            child,
            incoming: rx,
            backlog: VecDeque::new(),
            next_id: 0,
        }
    }

    /// Spawns and initialises; `capabilities` are the client's.
    fn start(capabilities: Value) -> (Client, Value) {
        let mut c = Client::spawn();
        let result = c.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities }),
        );
        c.notify("initialized", json!({}));
        (c, result)
    }

    fn write_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, msg: Value) {
        let bytes = frame(&msg);
        self.write_raw(&bytes);
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn next(&mut self, deadline: Instant) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        self.incoming
            .recv_timeout(left)
            .expect("server answered in time")
    }

    /// Sends a request and returns its result (panics on an error response).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let resp = self.request_raw(method, params);
        assert!(resp.get("error").is_none(), "{method} failed: {resp}");
        resp["result"].clone()
    }

    fn request_raw(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let deadline = Instant::now() + WAIT;
        loop {
            let msg = self.next(deadline);
            if msg.get("method").is_none() && msg["id"] == json!(id) {
                return msg;
            }
            self.handle_other(msg);
        }
    }

    /// Server-to-client requests get an empty success; notifications are kept.
    fn handle_other(&mut self, msg: Value) {
        if msg.get("id").is_some() && msg.get("method").is_some() {
            let id = msg["id"].clone();
            self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
        } else {
            self.backlog.push_back(msg);
        }
    }

    /// The first `publishDiagnostics` for `uri` that satisfies `pred`. Earlier ones for the
    /// same URI are dropped; other messages stay for later calls.
    fn diagnostics_where(&mut self, uri: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let is_for = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        let deadline = Instant::now() + WAIT;
        loop {
            let msg = match self.backlog.iter().position(is_for) {
                Some(i) => self.backlog.remove(i).unwrap(),
                None => {
                    let m = self.next(deadline);
                    if !is_for(&m) {
                        self.handle_other(m);
                        continue;
                    }
                    m
                }
            };
            if pred(&msg["params"]) {
                return msg["params"].clone();
            }
        }
    }

    fn diagnostics(&mut self, uri: &str) -> Value {
        self.diagnostics_where(uri, |_| true)
    }

    fn open(&mut self, uri: &str, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }),
        );
        self.diagnostics(uri)
    }

    /// `shutdown` then `exit`; returns the exit status.
    fn shutdown(mut self) -> i32 {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    fn wait_exit(&mut self) -> i32 {
        drop(self.stdin.take());
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().expect("exited, not killed");
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // Only reached with the server still running when a test failed.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn frame(msg: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(msg).unwrap();
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend(body);
    out
}

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn uri_of(path: &Path) -> String {
    let mut s = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

/// A folder with an empty config, so no config above it (wherever the suite runs) applies.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("factlint.yml"), "").unwrap();
    dir
}

fn seed() -> (String, String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/articles/bolivia-police.md");
    (uri_of(&path), std::fs::read_to_string(&path).unwrap())
}

fn items(params: &Value) -> Vec<Value> {
    params["diagnostics"].as_array().unwrap().clone()
}

fn with_code<'a>(diags: &'a [Value], code: &str) -> Vec<&'a Value> {
    diags.iter().filter(|d| d["code"] == code).collect()
}

/// 0-based line and UTF-16 column of a byte offset (what the server must send by default).
fn utf16_pos(text: &str, offset: usize) -> (u64, u64) {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..offset].matches('\n').count();
    (
        line as u64,
        text[line_start..offset].encode_utf16().count() as u64,
    )
}

fn start_of(d: &Value) -> (u64, u64) {
    let s = &d["range"]["start"];
    (
        s["line"].as_u64().unwrap(),
        s["character"].as_u64().unwrap(),
    )
}

#[test]
fn seed_article_gets_diagnostics_and_hover_then_clean_exit() {
    let (mut c, init) = Client::start(json!({}));
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 1, "full sync");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(init["serverInfo"]["name"], "factlint");

    let (uri, text) = seed();
    let diags = items(&c.open(&uri, &text));
    let rep = with_code(&diags, "style.repetition");
    let against = rep
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("against"))
        .unwrap_or_else(|| panic!("no 'against and against' finding in {diags:#?}"));
    assert_eq!(against["source"], "factlint");
    assert_eq!(against["severity"], 2, "warning");
    let at = text.find("against and against").unwrap();
    assert_eq!(start_of(against), utf16_pos(&text, at));
    let end = &against["range"]["end"];
    assert_eq!(
        (
            end["line"].as_u64().unwrap(),
            end["character"].as_u64().unwrap()
        ),
        utf16_pos(&text, at + "against and against".len())
    );

    // Hover in the middle of the finding explains the rule.
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": start_of(against).0, "character": start_of(against).1 + 9 } }),
    );
    assert_eq!(hover["contents"]["kind"], "markdown");
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(md.contains("style.repetition"), "{md}");
    assert!(
        md.contains("What it checks") && md.contains("Why it matters"),
        "{md}"
    );
    assert_eq!(hover["range"], against["range"]);
    // Nothing to say over clean text (the first word of the article).
    let none = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 1 } }),
    );
    assert_eq!(none, Value::Null);

    // Closing clears the document's diagnostics.
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert!(items(&c.diagnostics(&uri)).is_empty());
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn code_action_fixes_doubled_word_and_an_edit_relints_with_fewer_findings() {
    let ws = workspace();
    let uri = uri_of(&ws.path().join("story.md"));
    let text = "The minister spoke to the the press.\n\nProtests against and against him.\n";
    let (mut c, _) = Client::start(json!({}));
    let diags = items(&c.open(&uri, text));
    let rep = with_code(&diags, "style.repetition");
    assert_eq!(rep.len(), 2, "{diags:#?}");
    let doubled = rep
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("twice"))
        .unwrap();

    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": doubled["range"],
            "context": { "diagnostics": [doubled], "only": ["quickfix"] },
        }),
    );
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    let a = &actions[0];
    assert_eq!(a["kind"], "quickfix");
    assert_eq!(a["isPreferred"], true);
    assert_eq!(a["diagnostics"][0]["code"], "style.repetition");
    let edits = a["edit"]["changes"][&uri].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    let e = &edits[0];
    assert_eq!(e["newText"], "");
    // Removes the second " the": columns 25..29 on line 0.
    assert_eq!(e["range"]["start"], json!({ "line": 0, "character": 25 }));
    assert_eq!(e["range"]["end"], json!({ "line": 0, "character": 29 }));

    // The editor applies it; the server re-lints (debounced) and reports one finding fewer.
    let fixed = text.replacen("the the", "the", 1);
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": fixed }] }),
    );
    let after = c.diagnostics(&uri);
    assert_eq!(after["version"], 2);
    let after = items(&after);
    assert_eq!(after.len(), diags.len() - 1, "{after:#?}");
    assert!(
        after
            .iter()
            .all(|d| !d["message"].as_str().unwrap().contains("twice"))
    );

    // No quick fix away from any finding.
    let none = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 3 } },
            "context": { "diagnostics": [], "only": ["quickfix"] },
        }),
    );
    assert_eq!(none, json!([]));
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn versioned_edits_when_the_client_supports_document_changes() {
    let ws = workspace();
    let uri = uri_of(&ws.path().join("story.md"));
    let (mut c, _) =
        Client::start(json!({ "workspace": { "workspaceEdit": { "documentChanges": true } } }));
    c.open(&uri, "The the end.\n");
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [] },
        }),
    );
    let kinds: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["quickfix", "source.fixAll.factlint"]);
    let dc = &actions[0]["edit"]["documentChanges"][0];
    assert_eq!(dc["textDocument"], json!({ "uri": uri, "version": 1 }));
    assert_eq!(dc["edits"][0]["newText"], "");
    assert_eq!(c.shutdown(), 0);
}

const MULTIBYTE: &str = "# Café 😀\n\nLa señora 😀 said the the vote was fair.\n";

#[test]
fn columns_are_utf16_code_units_by_default() {
    let ws = workspace();
    let uri = uri_of(&ws.path().join("accents.md"));
    let (mut c, init) = Client::start(json!({ "general": { "positionEncodings": ["utf-16"] } }));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    let diags = items(&c.open(&uri, MULTIBYTE));
    let d = with_code(&diags, "style.repetition")[0];
    // "La señora 😀 said " — ñ is 1 unit, 😀 is 2: 18 units (21 bytes, 17 characters).
    assert_eq!(start_of(d), (2, 18));
    assert_eq!(d["range"]["end"], json!({ "line": 2, "character": 25 }));
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn columns_are_bytes_when_the_client_offers_utf8() {
    let ws = workspace();
    let uri = uri_of(&ws.path().join("accents.md"));
    let (mut c, init) =
        Client::start(json!({ "general": { "positionEncodings": ["utf-32", "utf-8", "utf-16"] } }));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let diags = items(&c.open(&uri, MULTIBYTE));
    let d = with_code(&diags, "style.repetition")[0];
    // ñ is 2 bytes, 😀 is 4.
    assert_eq!(start_of(d), (2, 21));
    // Requests use bytes too: hover on the second "the" (byte column 25).
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": 25 } }),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("style.repetition")
    );
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn format_follows_the_extension_and_front_matter_is_not_prose() {
    let ws = workspace();
    let (mut c, _) = Client::start(json!({}));
    // In Markdown, `the the` inside code is not prose; in a .txt file it is.
    let text = "Quote: `the the` here.\n";
    let md = items(&c.open(&uri_of(&ws.path().join("a.md")), text));
    assert!(with_code(&md, "style.repetition").is_empty(), "{md:#?}");
    let txt = items(&c.open(&uri_of(&ws.path().join("a.txt")), text));
    assert_eq!(with_code(&txt, "style.repetition").len(), 1, "{txt:#?}");
    // Front matter is read (title, date), not linted.
    let fm = "---\ntitle: the the\ndate: 2019-11-09\n---\nThe the vote.\n";
    let fm = items(&c.open(&uri_of(&ws.path().join("b.md")), fm));
    assert_eq!(fm.len(), 1, "{fm:#?}");
    assert_eq!(start_of(&fm[0]), (4, 0));
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn rapid_changes_are_linted_once_after_the_last() {
    let ws = workspace();
    let uri = uri_of(&ws.path().join("story.md"));
    let (mut c, _) = Client::start(json!({}));
    c.open(&uri, "Start.\n");
    // Five edits in one write: the server sees them within microseconds of each other.
    let mut burst = Vec::new();
    for v in 2..=6 {
        let text = format!("Edit {v}: the the end.\n");
        burst.extend(frame(&json!({
            "jsonrpc": "2.0",
            "method": "textDocument/didChange",
            "params": { "textDocument": { "uri": uri, "version": v }, "contentChanges": [{ "text": text }] },
        })));
    }
    c.write_raw(&burst);
    let params = c.diagnostics(&uri);
    assert_eq!(params["version"], 6, "only the last version is linted");
    assert_eq!(items(&params).len(), 1);
    // didSave lints at once (and nothing else is pending).
    c.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(c.diagnostics(&uri)["version"], 6);
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn config_changes_republish_open_documents() {
    let ws = workspace();
    let uri = uri_of(&ws.path().join("story.md"));
    let config = ws.path().join("factlint.yml");
    let (mut c, _) = Client::start(
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }),
    );
    let before = items(&c.open(&uri, "To the the press.\n"));
    assert_eq!(with_code(&before, "style.repetition").len(), 1);

    // The editor reports the file event: diagnostics come back without the rule.
    std::fs::write(&config, "disable: [style.repetition]\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri_of(&config), "type": 2 }] }),
    );
    let after = c.diagnostics(&uri);
    assert!(with_code(&items(&after), "style.repetition").is_empty());

    // Without any event (a client that watches nothing), the poll notices within seconds.
    std::fs::write(&config, "disable: []\n").unwrap();
    let again = c.diagnostics_where(&uri, |p| {
        !with_code(p["diagnostics"].as_array().unwrap(), "style.repetition").is_empty()
    });
    assert_eq!(items(&again).len(), 1);

    // A broken config is reported on the config file itself, and linting goes on.
    std::fs::write(&config, "disable: []\nnot_a_key: 1\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri_of(&config), "type": 2 }] }),
    );
    let problem = c.diagnostics(&uri_of(&config));
    let p = &items(&problem)[0];
    assert_eq!(p["severity"], 1);
    assert_eq!(p["range"]["start"]["line"], 1, "{p}");
    assert_eq!(items(&c.diagnostics(&uri)).len(), 1);
    // Fixed: the config's diagnostics are cleared.
    std::fs::write(&config, "disable: []\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri_of(&config), "type": 2 }] }),
    );
    assert!(items(&c.diagnostics(&uri_of(&config))).is_empty());
    assert_eq!(c.shutdown(), 0);
}

/// The editor uses the settings `factlint check` uses in that folder: the config's `accept:`
/// silences a word, `ignore_rules:` a rule under a path, and `ignore:` leaves a file out.
#[test]
fn the_editor_applies_the_configs_accept_ignore_rules_and_ignore() {
    let ws = workspace();
    std::fs::write(
        ws.path().join("factlint.yml"),
        "accept: [goverment]\nignore_rules:\n  \"drafts/**\": [style.repetition]\nignore: [\"archive/**\"]\n",
    )
    .unwrap();
    for dir in ["drafts", "archive"] {
        std::fs::create_dir(ws.path().join(dir)).unwrap();
    }
    let (mut c, _) = Client::start(json!({}));
    let text = "The the goverment spoke.\n";
    let story = items(&c.open(&uri_of(&ws.path().join("story.md")), text));
    assert!(
        with_code(&story, "style.misspelling").is_empty(),
        "{story:?}"
    );
    assert_eq!(with_code(&story, "style.repetition").len(), 1, "{story:?}");
    let draft = items(&c.open(&uri_of(&ws.path().join("drafts/d.md")), text));
    assert!(draft.is_empty(), "{draft:?}");
    let old = items(&c.open(&uri_of(&ws.path().join("archive/old.md")), text));
    assert!(old.is_empty(), "{old:?}");
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn exit_without_shutdown_is_status_1_and_requests_after_shutdown_fail() {
    let (mut c, _) = Client::start(json!({}));
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit(), 1);

    let (mut c, _) = Client::start(json!({}));
    assert_eq!(c.request("shutdown", Value::Null), Value::Null);
    let late = c.request_raw(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "file:///x.md" }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(late["error"]["code"], -32600);
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit(), 0);
}

#[test]
fn unknown_requests_get_method_not_found() {
    let (mut c, _) = Client::start(json!({}));
    let r = c.request_raw("textDocument/definition", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    assert_eq!(c.shutdown(), 0);
}
