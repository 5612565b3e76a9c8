//! The markup of the reader's-articles panels (the task status and "Your
//! articles"), built by the analyser worker as a small element tree that
//! the page renders with one generic function ([`crate::view_tree`]). This
//! keeps the panels' code in the worker, which is downloaded only when a
//! reader adds articles, instead of in every visitor's first download.
//!
//! Plain Rust, tested natively. Text is always text: the page turns
//! [`Node::Text`] into text nodes and accepts only the tags and attributes
//! in [`crate::view_tree`]'s lists.

use crate::reader_articles::ReaderFacts;

/// An element or a text.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Element {
        tag: &'static str,
        attributes: Vec<(&'static str, String)>,
        children: Vec<Node>,
    },
    Text(String),
}

/// `<tag attributes…>children…</tag>`.
pub fn element(
    tag: &'static str,
    attributes: &[(&'static str, &str)],
    children: Vec<Node>,
) -> Node {
    Node::Element {
        tag,
        attributes: attributes
            .iter()
            .map(|(k, v)| (*k, v.to_string()))
            .collect(),
        children,
    }
}

pub fn text(text: impl Into<String>) -> Node {
    Node::Text(text.into())
}

impl Node {
    /// The tree as HTML, escaped (for tests and debugging).
    pub fn to_html(&self) -> String {
        let escape = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
        };
        match self {
            Node::Text(t) => escape(t),
            Node::Element {
                tag,
                attributes,
                children,
            } => {
                let mut html = format!("<{tag}");
                for (key, value) in attributes {
                    html.push_str(&format!(" {key}=\"{}\"", escape(value)));
                }
                html.push('>');
                for child in children {
                    html.push_str(&child.to_html());
                }
                html.push_str(&format!("</{tag}>"));
                html
            }
        }
    }
}

/// A task on the reader's articles, as the status panel shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Task {
    pub title: String,
    pub running: bool,
    /// The files of an `add`, in the order given: `None` while waiting,
    /// then `Ok(headline)` or `Err(message naming the file)`.
    pub rows: Vec<(String, Option<Result<String, String>>)>,
    /// Problems not tied to one row.
    pub errors: Vec<String>,
}

/// Progress per file and Cancel while a task runs; what was added and
/// each file's problem afterwards, with Dismiss.
pub fn status_view(task: &Task) -> Node {
    let done = task.rows.iter().filter(|r| r.1.is_some()).count();
    let added = task
        .rows
        .iter()
        .filter(|r| matches!(r.1, Some(Ok(_))))
        .count();
    let alarming = !task.running && (done > added || !task.errors.is_empty());
    let mut body = Vec::new();
    if !task.running && !task.rows.is_empty() {
        let mut summary = format!("{added} of {} added", task.rows.len());
        if done > added {
            summary.push_str(&format!(", {} not added", done - added));
        }
        summary.push('.');
        body.push(element("p", &[], vec![text(summary)]));
    }
    let rows = task.rows.iter().map(|(name, outcome)| {
        let (class, said) = match outcome {
            None => ("import-row waiting", "waiting".to_string()),
            Some(Ok(headline)) => ("import-row added", format!("added: “{headline}”")),
            // Errors name their file; the row already does.
            Some(Err(message)) => (
                "import-row failed",
                message
                    .strip_prefix(&format!("{name}: "))
                    .unwrap_or(message)
                    .to_string(),
            ),
        };
        element(
            "li",
            &[("class", class), ("data-file", name)],
            vec![
                element(
                    "span",
                    &[("class", "import-file")],
                    vec![text(name.clone())],
                ),
                text(" "),
                element("span", &[("class", "import-outcome")], vec![text(said)]),
            ],
        )
    });
    body.push(element("ul", &[("class", "import-rows")], rows.collect()));
    body.extend(
        task.errors
            .iter()
            .map(|e| element("p", &[("class", "import-error")], vec![text(e.clone())])),
    );
    let mut children = vec![element(
        "h2",
        &[("id", "import-title")],
        vec![text(if task.running {
            format!("{}…", task.title)
        } else {
            task.title.clone()
        })],
    )];
    if task.running && !task.rows.is_empty() {
        children.push(element(
            "progress",
            &[
                ("max", &task.rows.len().to_string()),
                ("value", &done.to_string()),
                ("aria-labelledby", "import-title"),
            ],
            Vec::new(),
        ));
    }
    children.push(element(
        "div",
        &[("role", if alarming { "alert" } else { "status" })],
        body,
    ));
    let (label, action) = if task.running {
        ("Cancel", "cancel")
    } else {
        ("Dismiss", "dismiss")
    };
    children.push(element(
        "button",
        &[
            ("type", "button"),
            ("class", "toggle"),
            ("data-action", action),
        ],
        vec![text(label)],
    ));
    let class = if task.running {
        "import-status working"
    } else {
        "import-status"
    };
    element(
        "section",
        &[
            ("class", class),
            ("aria-labelledby", "import-title"),
            ("aria-busy", if task.running { "true" } else { "false" }),
        ],
        children,
    )
}

/// One of the reader's files as "Your articles" lists it.
pub struct Listed<'a> {
    pub name: &'a str,
    pub facts: &'a ReaderFacts,
    /// The article's id and headline, and what the text itself states
    /// (outlet, date, authors), if it is in the corpus.
    pub document: Option<&'a crossread_corpus::Document>,
}

/// The reader's files: each with its facts form and Remove, then the
/// downloads and Remove all. Nothing when there are none.
pub fn list_view(files: &[Listed], busy: bool) -> Option<Node> {
    if files.is_empty() {
        return None;
    }
    let disabled: &[(&'static str, &str)] = if busy { &[("disabled", "")] } else { &[] };
    let button =
        |class: &str, action: &str, name: &str, label: &str, extra: &[(&'static str, &str)]| {
            let mut attributes = vec![
                ("type", "button"),
                ("class", class),
                ("data-action", action),
                ("data-name", name),
            ];
            attributes.extend_from_slice(extra);
            element("button", &attributes, vec![text(label)])
        };
    let entries = files.iter().enumerate().map(|(index, file)| {
        let heading = match file.document {
            Some(d) => element(
                "a",
                &[(
                    "href",
                    &crate::view_state::ViewState::article(&d.id).to_hash(),
                )],
                vec![text(d.headline.clone())],
            ),
            None => element(
                "span",
                &[],
                vec![text("Not in the corpus (see the message above)")],
            ),
        };
        let label = format!("Remove {}", file.name);
        let mut remove_attributes = vec![("aria-label", label.as_str())];
        remove_attributes.extend_from_slice(disabled);
        element(
            "li",
            &[("class", "added-entry"), ("data-file", file.name)],
            vec![
                element(
                    "p",
                    &[("class", "added-heading")],
                    vec![
                        heading,
                        element(
                            "span",
                            &[("class", "file-name")],
                            vec![text(format!(" · {}", file.name))],
                        ),
                    ],
                ),
                facts_form(index, file, busy),
                button("toggle", "remove", file.name, "Remove", &remove_attributes),
            ],
        )
    });
    let mut remove_all = vec![];
    remove_all.extend_from_slice(disabled);
    Some(element(
        "section",
        &[("class", "added-articles"), ("aria-labelledby", "added-title")],
        vec![
            element(
                "h2",
                &[("id", "added-title")],
                vec![text(format!("Your articles ({})", files.len()))],
            ),
            element("p", &[("class", "hint")], vec![text("Where a text does not say who published it, when, or who wrote it, set it here: it is used as the catalog would be, marked as set by you.")]),
            element("ul", &[("class", "added-list")], entries.collect()),
            element(
                "div",
                &[("class", "added-actions"), ("role", "group"), ("aria-label", "Your articles")],
                vec![
                    button("toggle", "download-json", "", "Download the analysed corpus (JSON)", &[]),
                    button("toggle", "download-tar", "", "Download your texts and catalog (.tar)", &[]),
                    button("toggle danger", "remove-all", "", "Remove all added articles", &remove_all),
                ],
            ),
        ],
    ))
}

/// Outlet, date and authors of one file, as the reader sets them; the
/// placeholders show what the analysis found.
fn facts_form(index: usize, file: &Listed, busy: bool) -> Node {
    let document = file.document;
    let found = [
        document.and_then(|d| d.outlet.clone()),
        document.and_then(|d| d.published.map(|p| p.to_string())),
        document
            .map(|d| d.authors.join("; "))
            .filter(|a| !a.is_empty()),
    ];
    let fields = [
        ("outlet", "Outlet", &file.facts.outlet),
        ("published", "Published (YYYY-MM-DD)", &file.facts.published),
        ("authors", "Authors (separate with ;)", &file.facts.authors),
    ];
    let mut children: Vec<Node> = fields
        .iter()
        .zip(found)
        .map(|((key, label, value), found)| {
            let id = format!("facts-{index}-{key}");
            let placeholder = found.unwrap_or_else(|| "not stated".into());
            element(
                "div",
                &[("class", "fact-field")],
                vec![
                    element("label", &[("for", &id)], vec![text(*label)]),
                    element(
                        "input",
                        &[
                            ("id", &id),
                            ("name", key),
                            ("type", "text"),
                            ("value", value),
                            ("placeholder", &placeholder),
                        ],
                        Vec::new(),
                    ),
                ],
            )
        })
        .collect();
    let mut submit = vec![("type", "submit"), ("class", "toggle")];
    if busy {
        submit.push(("disabled", ""));
    }
    children.push(element("button", &submit, vec![text("Save facts")]));
    let label = format!("Facts for {}", file.name);
    element(
        "form",
        &[
            ("class", "reader-facts"),
            ("aria-label", &label),
            ("data-action", "set-facts"),
            ("data-name", file.name),
        ],
        children,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_never_markup() {
        let node = element(
            "p",
            &[("class", "x\"y")],
            vec![text("<script>alert(1)</script> & more")],
        );
        assert_eq!(
            node.to_html(),
            "<p class=\"x&quot;y\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"
        );
    }

    #[test]
    fn a_finished_task_with_a_failure_is_an_alert_naming_the_file() {
        let task = Task {
            title: "Adding 2 files".into(),
            running: false,
            rows: vec![
                ("a.txt".into(), Some(Ok("Ports reopen".into()))),
                (
                    "b.txt".into(),
                    Some(Err("b.txt: the file looks binary".into())),
                ),
            ],
            errors: Vec::new(),
        };
        let html = status_view(&task).to_html();
        assert!(html.contains("role=\"alert\""), "{html}");
        assert!(html.contains("1 of 2 added, 1 not added."), "{html}");
        assert!(html.contains("<span class=\"import-file\">b.txt</span> <span class=\"import-outcome\">the file looks binary</span>"), "{html}");
        assert!(html.contains("data-action=\"dismiss\""), "{html}");
    }

    #[test]
    fn a_running_task_shows_progress_and_cancel() {
        let task = Task {
            title: "Adding 2 files".into(),
            running: true,
            rows: vec![
                ("a.txt".into(), Some(Ok("A".into()))),
                ("b.txt".into(), None),
            ],
            errors: Vec::new(),
        };
        let html = status_view(&task).to_html();
        assert!(html.contains("<progress max=\"2\" value=\"1\""), "{html}");
        assert!(html.contains("import-row waiting"), "{html}");
        assert!(html.contains("role=\"status\""), "{html}");
        assert!(html.contains("data-action=\"cancel\""), "{html}");
    }

    #[test]
    fn the_list_has_a_labelled_form_and_a_named_remove_per_file() {
        let facts = ReaderFacts {
            outlet: "Coast Radio".into(),
            ..ReaderFacts::default()
        };
        let files = [Listed {
            name: "a.txt",
            facts: &facts,
            document: None,
        }];
        let html = list_view(&files, false).unwrap().to_html();
        assert!(html.contains("<label for=\"facts-0-outlet\">Outlet</label><input id=\"facts-0-outlet\" name=\"outlet\" type=\"text\" value=\"Coast Radio\" placeholder=\"not stated\">"), "{html}");
        assert!(html.contains("aria-label=\"Remove a.txt\""), "{html}");
        assert!(!html.contains("disabled"), "{html}");
        assert!(list_view(&files, true)
            .unwrap()
            .to_html()
            .contains("disabled"));
        assert!(list_view(&[], false).is_none());
    }
}
