use crate::added_articles::{AddedArticles, FileRow, FileStatus, Request, Task};
use crate::format;
use yew::prelude::*;

/// How the current or last task on the reader's articles went, shown on
/// every page: progress per file and Cancel while it runs; what was added
/// and each file's problem afterwards.
#[function_component(ImportStatus)]
pub fn import_status() -> Html {
    let articles = use_context::<AddedArticles>().filter(|_| cfg!(feature = "importer"));
    let Some(articles) = articles else {
        return html! {};
    };
    let request = |r: fn() -> Request| {
        let emit = articles.request.clone();
        Callback::from(move |_: MouseEvent| emit.emit(r()))
    };
    match &*articles.task {
        Task::Idle => html! {},
        Task::Working { title, rows, .. } => {
            let done = rows
                .iter()
                .filter(|r| r.status != FileStatus::Waiting)
                .count();
            html! {
                <section class="import-status working" aria-labelledby="import-title" aria-busy="true">
                    <h2 id="import-title">{ format!("{title}…") }</h2>
                    if !rows.is_empty() {
                        <progress max={rows.len().to_string()} value={done.to_string()} aria-labelledby="import-title"></progress>
                        <p role="status">{ format!("{done} of {} done", format::count(rows.len(), "file", "files")) }</p>
                        <ul class="import-rows">{ for rows.iter().map(row) }</ul>
                    }
                    <button type="button" class="toggle" onclick={request(|| Request::Cancel)}>{ "Cancel" }</button>
                </section>
            }
        }
        Task::Finished {
            title,
            rows,
            errors,
        } => {
            let added = rows
                .iter()
                .filter(|r| matches!(r.status, FileStatus::Added { .. }))
                .count();
            let failed = rows.len() - added;
            let summary = if rows.is_empty() {
                String::new()
            } else {
                format!(
                    "{} added{}.",
                    format::count(added, "article", "articles"),
                    if failed > 0 {
                        format!(", {} not added", format::count(failed, "file", "files"))
                    } else {
                        String::new()
                    }
                )
            };
            let alert = (failed > 0 || !errors.is_empty()).then_some("alert");
            html! {
                <section class="import-status" aria-labelledby="import-title">
                    <h2 id="import-title">{ title }</h2>
                    <div role={alert.unwrap_or("status")}>
                        if !summary.is_empty() { <p>{ summary }</p> }
                        if !rows.is_empty() { <ul class="import-rows">{ for rows.iter().map(row) }</ul> }
                        { for errors.iter().map(|e| html! { <p class="import-error">{ e }</p> }) }
                    </div>
                    <button type="button" class="toggle" onclick={request(|| Request::Dismiss)}>{ "Dismiss" }</button>
                </section>
            }
        }
    }
}

fn row(row: &FileRow) -> Html {
    let (class, text) = match &row.status {
        FileStatus::Waiting => ("waiting", "waiting".to_string()),
        FileStatus::Added { headline } => ("added", format!("added: “{headline}”")),
        // Errors name their file; the row already does.
        FileStatus::Failed { message } => (
            "failed",
            message
                .strip_prefix(&format!("{}: ", row.name))
                .unwrap_or(message)
                .to_string(),
        ),
    };
    html! {
        <li class={classes!("import-row", class)} data-file={row.name.clone()}>
            <span class="import-file">{ &row.name }</span>{ " " }<span class="import-outcome">{ text }</span>
        </li>
    }
}
