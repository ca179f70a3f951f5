//! `dossier serve`: the preview kept open while writing. Builds the dossier
//! (drafts included) into memory, serves it over HTTP, rebuilds what a
//! change touches when a file is saved, and tells open pages to reload.
//!
//! ```text
//! watch ──batch of paths──▶ rebuild (load what changed, resolve, annotate
//!                           what changed) ──▶ swap the current site ──▶ reload event
//! http  ◀── request ── renders the asked page from the current site
//! ```

mod http;
mod rebuild;
mod watch;

use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use tokio::sync::broadcast;

use crate::BuildOptions;
use crate::diagnostic::Diagnostic;
use http::{Shared, Signal};
use rebuild::{Current, Rebuilt, Workspace};

/// What `dossier serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The dossier's folder.
    pub root: PathBuf,
    /// The address to listen on.
    pub bind: IpAddr,
    /// The port (0 for any free one).
    pub port: u16,
    /// Open the site in the default browser.
    pub open: bool,
    /// Print the time of each stage of each build.
    pub verbose: bool,
}

/// Why serving could not start or go on.
#[derive(Debug)]
pub enum ServeError {
    /// The dossier's folder cannot be read.
    Root(PathBuf, io::Error),
    /// The folder is not a dossier.
    NotADossier(Diagnostic),
    /// The address cannot be listened on.
    Bind(SocketAddr, io::Error),
    /// The files cannot be watched.
    Watch(notify::Error),
    /// The server failed.
    Io(io::Error),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::Root(path, error) => {
                write!(
                    f,
                    "{}: error: cannot read the dossier: {error}",
                    path.display()
                )
            }
            ServeError::NotADossier(error) => write!(f, "{error}"),
            ServeError::Bind(address, error) if error.kind() == io::ErrorKind::AddrInUse => write!(
                f,
                "error: cannot listen on {address}: the port is already in use (another `dossier serve`?)\n  = help: stop the other server, or pass --port with another number (--port 0 picks a free one)"
            ),
            ServeError::Bind(address, error) => {
                write!(f, "error: cannot listen on {address}: {error}")
            }
            ServeError::Watch(error) => {
                write!(f, "error: cannot watch the dossier's files: {error}")
            }
            ServeError::Io(error) => write!(f, "error: the server failed: {error}"),
        }
    }
}

/// Serves the dossier until Ctrl-C (or SIGTERM).
pub fn serve(options: &ServeOptions) -> Result<(), ServeError> {
    crate::load::root::check_root(&options.root).map_err(ServeError::NotADossier)?;
    let root = options
        .root
        .canonicalize()
        .map_err(|e| ServeError::Root(options.root.clone(), e))?;
    let address = SocketAddr::new(options.bind, options.port);
    let listener = TcpListener::bind(address).map_err(|e| ServeError::Bind(address, e))?;
    let local = listener.local_addr().map_err(ServeError::Io)?;
    let url = format!("http://{local}");

    // Watch before the first build, so that no save is missed.
    let mut watcher = watch::Watcher::new(&root).map_err(ServeError::Watch)?;
    let mut workspace = Workspace::new(BuildOptions {
        root: root.clone(),
        output: root.join("public"),
        drafts: true,
        // Absolute links (the 404 page's) point at this server, not at
        // the published site; with no fixed address, they stay relative.
        base_url: Some(if local.ip().is_unspecified() {
            String::new()
        } else {
            url.clone()
        }),
        verbose: options.verbose,
    });
    let first = workspace.build();
    report(&first, None);
    let (signals, _) = broadcast::channel(16);
    let shared = Arc::new(Shared {
        current: RwLock::new(Arc::new(first.current)),
        signals,
        static_dir: root.join("static"),
    });

    let rebuilding = Arc::clone(&shared);
    std::thread::spawn(move || {
        let mut generation = 0;
        while let Some(batch) = watcher.next_batch() {
            workspace.update(batch.paths.iter().map(PathBuf::as_path), batch.everything);
            let outcome = workspace.build();
            report(&outcome, Some(batch.paths.len()));
            let previous = std::mem::replace(
                &mut *rebuilding
                    .current
                    .write()
                    .unwrap_or_else(|e| e.into_inner()),
                Arc::new(outcome.current),
            );
            generation += 1;
            // No page open is no error.
            let _ = rebuilding.signals.send(Signal::Reload(generation));
            // Freeing the last build takes milliseconds: after the event.
            drop(previous);
        }
    });

    eprintln!("serving {url}/ (drafts included); press Ctrl-C to stop");
    if options.open {
        open_browser(&format!("{url}/"));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(ServeError::Io)?;
    runtime
        .block_on(async {
            listener.set_nonblocking(true)?;
            let listener = tokio::net::TcpListener::from_std(listener)?;
            let stopping = Arc::clone(&shared);
            axum::serve(listener, http::router(shared))
                .with_graceful_shutdown(async move {
                    stop_requested().await;
                    // Event streams never end by themselves.
                    let _ = stopping.signals.send(Signal::Shutdown);
                })
                .await
        })
        .map_err(ServeError::Io)?;
    eprintln!("stopped");
    Ok(())
}

/// Waits for Ctrl-C, or SIGTERM where there is one.
async fn stop_requested() {
    let interrupt = Box::pin(async {
        let _ = tokio::signal::ctrl_c().await;
    });
    #[cfg(unix)]
    {
        let terminate = Box::pin(async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut signal) => {
                    signal.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        });
        futures_util::future::select(interrupt, terminate).await;
    }
    #[cfg(not(unix))]
    interrupt.await;
}

/// One line per build on the terminal, with its errors and warnings.
fn report(outcome: &Rebuilt, changed: Option<usize>) {
    let what = match changed {
        None => "built".to_string(),
        Some(1) => "rebuilt after 1 change".to_string(),
        Some(n) => format!("rebuilt after {n} changes"),
    };
    match &outcome.current {
        Current::Ready(site) => {
            print_all(&outcome.warnings);
            let dossier = site.dossier();
            let how = if outcome.in_place {
                ", only the edited articles again"
            } else {
                ""
            };
            eprintln!(
                "{what}: {} articles, {} entities, {} pages in {:.0} ms{how}",
                dossier.articles.len(),
                dossier.entities.len(),
                dossier.pages.len(),
                outcome.took_ms
            );
        }
        Current::Broken(errors) => {
            print_all(errors);
            let count = errors.iter().filter(|e| e.is_error()).count();
            eprintln!(
                "{what}: {count} error{}; the browser shows them until the next good save",
                if count == 1 { "" } else { "s" }
            );
        }
    }
}

fn print_all(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}\n");
    }
}

/// Opens `url` in the desktop's browser; says so when it cannot.
fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let started = std::process::Command::new(command.0)
        .args(&command.1)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(error) = started {
        eprintln!(
            "warning: cannot open a browser ({}: {error}); open {url} yourself",
            command.0
        );
    }
}
